/**
 * Safe by default: on loopback only this machine reaches Cap Libre (one person, no sign-in). Listening on any
 * other address requires sign-in; otherwise the server refuses to start and says what to set. `AUTH=none` is the
 * explicit opt-out, and it is repeated as a warning at every start.
 */
import { type Config, isLoopbackHost } from "../config.ts";
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";

export function assertSafeExposure(config: Config, log: (line: string) => void): void {
  const { host, auth } = config;
  const loopback = isLoopbackHost(host);
  if (auth.mode === "oidc") {
    if (!loopback && !auth.publicUrl)
      throw new AppError("unsafe_exposure", message("auth.exposure.publicUrl", { host }));
    if (auth.publicUrl) {
      const url = new URL(auth.publicUrl);
      if (url.protocol !== "https:" && !isLoopbackHost(url.hostname))
        log(message("auth.exposure.insecureUrl", { url: auth.publicUrl }));
    }
    log(message("auth.exposure.enabled", { issuer: auth.issuer!, hours: auth.sessionHours }));
    return;
  }
  if (loopback) return;
  if (!auth.explicit) throw new AppError("unsafe_exposure", message("auth.exposure.refused", { host }));
  log(message("auth.exposure.noneWarning", { host }));
}
