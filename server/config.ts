/**
 * Configuration, read once from the environment with defaults and validated; modules receive it as a value.
 */
import path from "node:path";
import { z } from "zod";
import { AppError } from "./core/errors.ts";
import { setTimeZone } from "./core/text.ts";
import { message } from "./i18n/messages.ts";

const envSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  CORPUS_DIR: z.string().min(1).default("./corpus"),
  /** Which model server answers: Ollama (default, one machine) or an OpenAI-compatible server (vLLM, Albert API…). */
  LLM_PROVIDER: z.enum(["ollama", "openai"]).default("ollama"),
  OLLAMA_BASE_URL: z.url().default("http://127.0.0.1:11434"),
  /** OpenAI-compatible server, up to and including `/v1` (LLM_PROVIDER=openai). */
  OPENAI_BASE_URL: z.url().optional(),
  /** Key sent to that server as `Authorization: Bearer`; never logged. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Context length of the model on the OpenAI-compatible server (LLM_PROVIDER=openai): required, never guessed. */
  LLM_CONTEXT_TOKENS: z.coerce.number().int().min(2048).max(1048576).optional(),
  LLM_MODEL: z.string().min(1).default("ministral-3:8b"),
  EMBEDDING_MODEL: z.string().min(1).default("bge-m3"),
  /** Context window requested from Ollama for every chat call; passages are budgeted to fit in it. */
  LLM_NUM_CTX: z.coerce.number().int().min(2048).max(262144).default(8192),
  /** Tokens kept free in the context window for the answer. */
  LLM_MAX_ANSWER_TOKENS: z.coerce.number().int().min(128).max(8192).default(1024),
  /** Milliseconds the model may stay silent (loading, then between tokens) before the answer falls back. */
  LLM_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(120000),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.2),
  /** Milliseconds an Ollama availability check stays valid. */
  OLLAMA_STATUS_TTL_MS: z.coerce.number().int().min(0).default(10000),
  /** Second pass of the verification: the local model says whether the passages support each sentence (slower). */
  VERIFY_WITH_MODEL: z.enum(["0", "1", "false", "true"]).default("0"),
  /** Generations run at once per model; more wait in a queue (match Ollama's OLLAMA_NUM_PARALLEL). */
  LLM_MAX_CONCURRENT: z.coerce.number().int().min(1).max(64).default(2),
  /** Requests that may wait for the model; one more gets a 503 with Retry-After. */
  LLM_MAX_QUEUE: z.coerce.number().int().min(0).max(10000).default(20),
  /** Public names (comma-separated, `name` or `name:port`) the server answers to besides localhost/127.0.0.1/[::1]. */
  ALLOWED_HOSTS: z.string().default(""),
  /** Upper bound, in milliseconds, of one embedding call (per 8 texts); streams are bounded by LLM_IDLE_TIMEOUT_MS. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(30000),
  /** Largest upload accepted (inventories), in bytes. */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Milliseconds an inventory analysis or export may take (waiting for the worker included). */
  INVENTORY_TIMEOUT_MS: z.coerce.number().int().min(1).default(120000),
  /** The collectivité's time zone (IANA name): its « today » and every date and time shown. */
  TIME_ZONE: z
    .string()
    .default("Europe/Paris")
    .refine(
      (name) => {
        try {
          new Intl.DateTimeFormat("fr-FR", { timeZone: name });
          return true;
        } catch {
          return false;
        }
      },
      { error: "fuseau horaire IANA attendu (par exemple Europe/Paris, America/Cayenne, Indian/Reunion)" },
    ),
  /** GLPI's REST API (`…/apirest.php`), to pull the software inventory from it; the only GLPI address used. */
  /** PostgreSQL for saved work (`postgres://…`), for a shared deployment; SQLite in DATA_DIR when unset. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "adresse postgres://utilisateur:motdepasse@hôte:5432/base attendue")
    .optional(),
  GLPI_URL: z.url().optional(),
  GLPI_APP_TOKEN: z.string().optional(),
  GLPI_USER_TOKEN: z.string().optional(),
  /** `apirest` (GLPI 9.5 to 11, user token) or `v2` (GLPI 11's high-level API, OAuth2 client and optional user). */
  GLPI_API: z.enum(["apirest", "v2"], { error: "valeur « apirest » ou « v2 » attendue" }).default("apirest"),
  GLPI_CLIENT_ID: z.string().optional(),
  GLPI_CLIENT_SECRET: z.string().optional(),
  GLPI_USERNAME: z.string().optional(),
  GLPI_PASSWORD: z.string().optional(),
  /** Hours between two automatic pulls from GLPI (0 or unset: on demand only). */
  GLPI_SYNC_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 31)
    .default(0),
  /** Sign-in: `oidc` (OpenID Connect, the default when OIDC_ISSUER is set) or `none` (no sign-in). */
  AUTH: z.enum(["none", "oidc"], { error: "valeur « none » ou « oidc » attendue" }).optional(),
  /** The identity provider's issuer (ProConnect, Keycloak realm, LemonLDAP::NG…); its discovery document is read from it. */
  OIDC_ISSUER: z.url({ error: "adresse https://… du fournisseur d'identité attendue" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, "la liste doit contenir « openid »")
    .default("openid profile email"),
  /** The address users reach (behind a reverse proxy, say): the redirect URI and `Secure` cookies derive from it. */
  PUBLIC_URL: z.url({ error: "adresse http(s)://… attendue" }).optional(),
  /** Hours a sign-in lasts before the person signs in again. */
  SESSION_HOURS: z.coerce
    .number()
    .min(0.05)
    .max(24 * 31)
    .default(8),
  /** With sign-in: model calls (questions, drafts, regenerated sections) per person and per hour (0: no limit). */
  MODEL_CALLS_PER_HOUR: z.coerce.number().int().min(0).default(120),
  /** With sign-in: inventory imports (uploads, GLPI pulls) per person and per hour (0: no limit). */
  UPLOADS_PER_HOUR: z.coerce.number().int().min(0).default(60),
  /** With sign-in: the claim whose values `<prefix><workspace>:<role>` give roles (Keycloak "groups"…); unset: roles from the CLI only. */
  OIDC_ROLES_CLAIM: z.string().trim().min(1).max(100).optional(),
  OIDC_ROLES_PREFIX: z.string().max(100).default(""),
  /** With sign-in: the role in the default workspace of a signed-in person given none (empty: no access until given one). */
  DEFAULT_WORKSPACE_ROLE: z
    .enum(["", "lecteur", "redacteur", "dsi", "administrateur"], { error: message("team.config.defaultRole") })
    .default(""),
});

export interface AuthConfig {
  mode: "none" | "oidc";
  /** True when AUTH=none was written out (the opt-out of sign-in beyond loopback). */
  explicit: boolean;
  issuer: string | null;
  clientId: string | null;
  clientSecret: string | null;
  scopes: string;
  /** Without trailing slash; null: the address the request came to (loopback only). */
  publicUrl: string | null;
  sessionHours: number;
  /** Per person and per hour; 0: no limit. */
  limits: { modelCallsPerHour: number; uploadsPerHour: number };
  /** The claim that gives roles by workspace, and the prefix of its values (server/auth/workspaces.ts). */
  rolesClaim: string | null;
  rolesPrefix: string;
  /** The role in the default workspace of any signed-in person without one there (null: none). */
  defaultRole: "lecteur" | "redacteur" | "dsi" | "administrateur" | null;
}

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  corpusDir: string;
  llmProvider: "ollama" | "openai";
  ollamaBaseUrl: string;
  /** Set when llmProvider is "openai", without a trailing slash. */
  openaiBaseUrl: string | null;
  openaiApiKey: string | null;
  llmModel: string;
  embeddingModel: string;
  numCtx: number;
  maxAnswerTokens: number;
  temperature: number;
  idleTimeoutMs: number;
  statusTtlMs: number;
  maxUploadBytes: number;
  inventoryTimeoutMs: number;
  verifyWithModel: boolean;
  llmMaxConcurrent: number;
  llmMaxQueue: number;
  allowedHosts: string[];
  timeoutMs: number;
  databaseUrl: string | null;
  /** The collectivité's time zone (`TIME_ZONE`, Europe/Paris by default), set for the whole process on load. */
  timeZone: string;
  glpi: {
    url: string | null;
    appToken: string | null;
    userToken: string | null;
    syncHours: number;
    api: "apirest" | "v2";
    clientId: string | null;
    clientSecret: string | null;
    username: string | null;
    password: string | null;
  };
  auth: AuthConfig;
};

/** Reads the configuration from `env` (the process environment by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new AppError(
      "invalid_config",
      message("config.invalid", { name, value: String(cleaned[name] ?? "").slice(0, 80), reason: configReason(issue) }),
    );
  }
  const e = parsed.data;
  if (e.LLM_PROVIDER === "openai") {
    // A shared server names its models its own way and has its own context length: nothing is guessed.
    const missing = ["OPENAI_BASE_URL", "LLM_MODEL", "EMBEDDING_MODEL", "LLM_CONTEXT_TOKENS"].filter(
      (name) => cleaned[name] === undefined,
    );
    if (missing.length) {
      throw new AppError("invalid_config", message("config.openaiMissing", { names: missing.join(", ") }));
    }
  }
  const mode = e.AUTH ?? (e.OIDC_ISSUER ? "oidc" : "none");
  if (mode === "oidc" && (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID))
    throw new AppError("invalid_config", message("auth.config.missing"));
  if (mode === "oidc" && new URL(e.OIDC_ISSUER!).protocol !== "https:" && !isLoopbackUrl(e.OIDC_ISSUER!)) {
    throw new AppError("invalid_config", message("auth.config.issuerHttps", { issuer: e.OIDC_ISSUER! }));
  }
  // One « today » and one time for the whole process: every date shown and checked reads it (`core/text.ts`).
  setTimeZone(e.TIME_ZONE);
  return {
    timeZone: e.TIME_ZONE,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    corpusDir: path.resolve(e.CORPUS_DIR),
    llmProvider: e.LLM_PROVIDER,
    ollamaBaseUrl: e.OLLAMA_BASE_URL.replace(/\/+$/, ""),
    openaiBaseUrl: e.OPENAI_BASE_URL?.replace(/\/+$/, "") ?? null,
    openaiApiKey: e.OPENAI_API_KEY ?? null,
    llmModel: e.LLM_MODEL,
    embeddingModel: e.EMBEDDING_MODEL,
    numCtx: e.LLM_PROVIDER === "openai" ? e.LLM_CONTEXT_TOKENS! : e.LLM_NUM_CTX,
    maxAnswerTokens: e.LLM_MAX_ANSWER_TOKENS,
    temperature: e.LLM_TEMPERATURE,
    idleTimeoutMs: e.LLM_IDLE_TIMEOUT_MS,
    statusTtlMs: e.OLLAMA_STATUS_TTL_MS,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    inventoryTimeoutMs: e.INVENTORY_TIMEOUT_MS,
    verifyWithModel: e.VERIFY_WITH_MODEL === "1" || e.VERIFY_WITH_MODEL === "true",
    llmMaxConcurrent: e.LLM_MAX_CONCURRENT,
    llmMaxQueue: e.LLM_MAX_QUEUE,
    // The name users reach (PUBLIC_URL) is one the server answers to.
    allowedHosts: [...e.ALLOWED_HOSTS.split(","), e.PUBLIC_URL ? new URL(e.PUBLIC_URL).host : ""]
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    timeoutMs: e.LLM_TIMEOUT_MS,
    databaseUrl: e.DATABASE_URL ?? null,
    glpi: {
      url: e.GLPI_URL ?? null,
      appToken: e.GLPI_APP_TOKEN ?? null,
      userToken: e.GLPI_USER_TOKEN ?? null,
      syncHours: e.GLPI_SYNC_HOURS,
      api: e.GLPI_API,
      clientId: e.GLPI_CLIENT_ID ?? null,
      clientSecret: e.GLPI_CLIENT_SECRET ?? null,
      username: e.GLPI_USERNAME ?? null,
      password: e.GLPI_PASSWORD ?? null,
    },
    auth: {
      mode,
      explicit: e.AUTH !== undefined,
      issuer: e.OIDC_ISSUER ?? null,
      clientId: e.OIDC_CLIENT_ID ?? null,
      clientSecret: e.OIDC_CLIENT_SECRET ?? null,
      scopes: e.OIDC_SCOPES.trim().split(/\s+/).join(" "),
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, "") ?? null,
      sessionHours: e.SESSION_HOURS,
      limits: { modelCallsPerHour: e.MODEL_CALLS_PER_HOUR, uploadsPerHour: e.UPLOADS_PER_HOUR },
      rolesClaim: e.OIDC_ROLES_CLAIM ?? null,
      rolesPrefix: e.OIDC_ROLES_PREFIX,
      defaultRole: e.DEFAULT_WORKSPACE_ROLE || null,
    },
  };
}

/** Loopback names and addresses: only this machine can reach a server listening there. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

const isLoopbackUrl = (url: string) => isLoopbackHost(new URL(url).hostname);

/** What a variable should look like, in French (zod's own messages are English). */
function configReason(issue: z.core.$ZodIssue): string {
  const i = issue as {
    code: string;
    expected?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    format?: string;
  };
  // A value outside a list, or not of the expected shape: the schema's own French message says what is expected.
  if (i.code === "invalid_value" || (i.code === "invalid_format" && i.format === "regex")) return issue.message;
  if (i.code === "too_small" && i.minimum !== undefined) return message("config.tooSmall", { min: String(i.minimum) });
  if (i.code === "too_big" && i.maximum !== undefined) return message("config.tooBig", { max: String(i.maximum) });
  if (i.code === "invalid_format" && i.format === "url") return message("config.url");
  if (i.code === "invalid_type" && i.expected === "int") return message("config.integer");
  if (i.code === "invalid_type" && i.expected === "number") return message("config.number");
  return message("config.other");
}
