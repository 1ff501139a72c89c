/**
 * The OpenID Connect relying party, through openid-client (certified): authorization code flow with PKCE (S256),
 * state and nonce. The provider's metadata is discovered from OIDC_ISSUER at the first sign-in (so Cap Libre
 * starts even while the provider is down) and kept; a failed discovery is tried again at the next sign-in.
 * openid-client itself is loaded at the first sign-in too: a server without sign-in never loads it.
 */
import type * as OpenIdClient from "openid-client";
import { type AuthConfig, isLoopbackHost } from "../config.ts";
import type { PendingSignIn, SessionUser } from "./sessions.ts";
import { rolesFromClaim } from "./workspaces.ts";

export interface OidcClient {
  /** Where to send the browser, and what the callback must check. */
  start(redirectUri: string): Promise<{ url: string; checks: Omit<PendingSignIn, "returnTo" | "expires"> }>;
  /** Checks the provider's answer (`callbackUrl`: the redirect URI with its query), exchanges the code, reads who signed in. */
  finish(callbackUrl: URL, checks: Omit<PendingSignIn, "returnTo" | "expires">): Promise<SessionUser>;
}

let loaded: typeof OpenIdClient | null = null;
const openIdClient = async () => (loaded ??= await import("openid-client"));

/** The provider's refusal (« access_denied »…) with its description, or null for any other error. */
export function authorizationDenial(err: unknown): { error: string; description?: string } | null {
  if (!loaded || !(err instanceof loaded.AuthorizationResponseError)) return null;
  return { error: err.error, description: err.error_description };
}

export function createOidcClient(auth: AuthConfig): OidcClient {
  const issuer = new URL(auth.issuer!);
  let configuration: Promise<OpenIdClient.Configuration> | null = null;
  const discover = () =>
    (configuration ??= openIdClient()
      .then((client) =>
        client.discovery(
          issuer,
          auth.clientId!,
          auth.clientSecret ?? undefined,
          auth.clientSecret ? undefined : client.None(),
          {
            // http is accepted only for a provider on this machine (config.ts refuses it elsewhere): the tests' provider.
            execute:
              issuer.protocol === "http:" && isLoopbackHost(issuer.hostname) ? [client.allowInsecureRequests] : [],
            timeout: 15,
          },
        ),
      )
      .catch((err) => {
        configuration = null;
        throw err;
      }));

  return {
    async start(redirectUri) {
      const config = await discover();
      const client = await openIdClient();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: auth.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url: url.href, checks: { state, nonce, codeVerifier } };
    },
    async finish(callbackUrl, checks) {
      const config = await discover();
      const client = await openIdClient();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      // ProConnect gives names and e-mail only from the UserInfo endpoint (a signed JWT, which openid-client checks).
      const info: Record<string, unknown> = config.serverMetadata().userinfo_endpoint
        ? { ...idClaims, ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)) }
        : { ...idClaims };
      return {
        subject: idClaims.sub,
        issuer: idClaims.iss,
        name: displayName(info),
        email: str(info.email),
        claimRoles: rolesFromClaim(info, auth.rolesClaim, auth.rolesPrefix),
      };
    },
  };
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** `name`, else given and family names (ProConnect: `given_name`, `usual_name`), else login, e-mail, subject. */
export function displayName(c: Record<string, unknown>): string {
  const full = [str(c.given_name), str(c.usual_name) ?? str(c.family_name)].filter(Boolean).join(" ");
  return str(c.name) ?? (full || null) ?? str(c.preferred_username) ?? str(c.email) ?? String(c.sub);
}
