/**
 * Pulling an inventory from GLPI as a DSI uses it: on demand (page, API, CLI) or every few hours. The GLPI address
 * is the administrator's (`GLPI_URL`): the server never calls an address a request names. Tokens come from the
 * configuration or, for one pull, from the request; they are never saved.
 */
import { AppError } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import { type GlpiPullSettings, glpiLabel, pullGlpiInventory } from "./glpi.ts";
import { inventoryPool } from "./pool.ts";
import { type AnalysisView, analyzeUpload, type InventoryContext } from "./service.ts";

export interface GlpiContext extends InventoryContext {
  config: InventoryContext["config"] & {
    glpi: {
      url: string | null;
      appToken: string | null;
      userToken: string | null;
      syncHours: number;
      /** Absent in older configurations: `apirest`. */
      api?: "apirest" | "v2";
      clientId?: string | null;
      clientSecret?: string | null;
      username?: string | null;
      password?: string | null;
    };
    inventoryTimeoutMs?: number;
  };
}

export interface GlpiStatus {
  configured: boolean;
  /** Host and path of the GLPI server, without tokens. */
  host: string | null;
  /** `apirest` (`apirest.php`, user token) or `v2` (high-level API, OAuth2 client). */
  api: "apirest" | "v2";
  /** Whether credentials are configured (a user token, or with `v2` an OAuth2 client; otherwise each pull must give a token). */
  tokenConfigured: boolean;
  syncHours: number;
  last: { at: string; analysisId: string | null; error: string | null } | null;
}

const lastPulls = new WeakMap<object, GlpiStatus["last"]>();

const v2Configured = (glpi: GlpiContext["config"]["glpi"]) =>
  glpi.api === "v2" && Boolean(glpi.clientId && glpi.clientSecret);

export function glpiStatus(ctx: GlpiContext): GlpiStatus {
  const { url, userToken, syncHours } = ctx.config.glpi;
  const api = ctx.config.glpi.api ?? "apirest";
  return {
    configured: Boolean(url),
    host: url ? glpiLabel(url) : null,
    api,
    tokenConfigured: api === "v2" ? v2Configured(ctx.config.glpi) : Boolean(userToken),
    syncHours,
    last: lastPulls.get(ctx.config) ?? null,
  };
}

/** What a pull sends: the high-level API's OAuth2 client (configuration only), or apirest.php's tokens. */
function pullSettings(
  ctx: GlpiContext,
  url: string,
  tokens: { userToken?: string | null; appToken?: string | null },
): GlpiPullSettings {
  const glpi = ctx.config.glpi;
  if (glpi.api === "v2") {
    if (!glpi.clientId || !glpi.clientSecret) throw new AppError("glpi_no_token", message("glpi.error.noClient"), 400);
    return {
      api: "v2",
      url,
      clientId: glpi.clientId,
      clientSecret: glpi.clientSecret,
      username: glpi.username ?? null,
      password: glpi.password ?? null,
    };
  }
  const userToken = tokens.userToken?.trim() || glpi.userToken;
  if (!userToken) throw new AppError("glpi_no_token", message("glpi.error.noToken"), 400);
  return { url, userToken, appToken: tokens.appToken?.trim() || glpi.appToken };
}

/** Pulls the software inventory from the configured GLPI and saves its analysis, as an upload would. */
export async function importFromGlpi(
  ctx: GlpiContext,
  tokens: { userToken?: string | null; appToken?: string | null } = {},
): Promise<AnalysisView> {
  const { url } = ctx.config.glpi;
  if (!url) throw new AppError("glpi_not_configured", message("glpi.error.notConfigured"), 400);
  const settings = pullSettings(ctx, url, tokens);
  try {
    const file = await pullGlpiInventory(settings);
    // Analysed in the inventory worker, like an upload: a large GLPI never stalls the server.
    const analysis = await analyzeUpload(
      ctx,
      { files: [file] },
      { pool: inventoryPool(), timeoutMs: ctx.config.inventoryTimeoutMs },
    );
    lastPulls.set(ctx.config, { at: new Date().toISOString(), analysisId: analysis.id, error: null });
    return analysis;
  } catch (err) {
    lastPulls.set(ctx.config, {
      at: new Date().toISOString(),
      analysisId: null,
      error:
        err instanceof AppError ? err.message : message("glpi.error.other", { host: glpiLabel(url), code: "interne" }),
    });
    throw err;
  }
}

/** Pulls every `GLPI_SYNC_HOURS` when GLPI and a token are configured; returns a stop function. */
export function startGlpiSchedule(ctx: GlpiContext, log: (line: string) => void = () => {}): () => void {
  const { url, userToken, syncHours } = ctx.config.glpi;
  const credentials = ctx.config.glpi.api === "v2" ? v2Configured(ctx.config.glpi) : Boolean(userToken);
  if (!url || !credentials || !(syncHours > 0)) return () => {};
  let running = false;
  const timer = setInterval(
    () => {
      if (running) return;
      running = true;
      importFromGlpi(ctx)
        .then((a) => log(message("glpi.log.pulled", { host: glpiLabel(url), items: a.summary.items, id: a.id })))
        .catch((err) =>
          log(
            message("glpi.log.failed", {
              host: glpiLabel(url),
              reason: err instanceof AppError ? err.message : String(err?.message ?? err),
            }),
          ),
        )
        .finally(() => (running = false));
    },
    Math.round(syncHours * 3_600_000),
  );
  timer.unref();
  log(message("glpi.log.scheduled", { host: glpiLabel(url), hours: syncHours }));
  return () => clearInterval(timer);
}
