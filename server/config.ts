/**
 * Configuration, read once from the environment with defaults and validated; modules receive it as a value.
 */
import path from "node:path";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { message } from "./i18n/messages.ts";

const envSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  CORPUS_DIR: z.string().min(1).default("./corpus"),
  OLLAMA_BASE_URL: z.url().default("http://127.0.0.1:11434"),
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
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  /** Milliseconds an inventory analysis or export may take (waiting for the worker included). */
  INVENTORY_TIMEOUT_MS: z.coerce.number().int().min(1).default(120000),
  /** GLPI's REST API (`…/apirest.php`), to pull the software inventory from it; the only GLPI address used. */
  /** PostgreSQL for saved work (`postgres://…`), for a shared deployment; SQLite in DATA_DIR when unset. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "adresse postgres://utilisateur:motdepasse@hôte:5432/base attendue")
    .optional(),
  GLPI_URL: z.url().optional(),
  GLPI_APP_TOKEN: z.string().optional(),
  GLPI_USER_TOKEN: z.string().optional(),
  /** Hours between two automatic pulls from GLPI (0 or unset: on demand only). */
  GLPI_SYNC_HOURS: z.coerce.number().min(0).max(24 * 31).default(0),
});

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  corpusDir: string;
  ollamaBaseUrl: string;
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
  glpi: { url: string | null; appToken: string | null; userToken: string | null; syncHours: number };
};

/** Reads the configuration from `env` (the process environment by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new AppError("invalid_config", message("config.invalid", { name, value: String(cleaned[name] ?? "").slice(0, 80), reason: configReason(issue) }));
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    corpusDir: path.resolve(e.CORPUS_DIR),
    ollamaBaseUrl: e.OLLAMA_BASE_URL.replace(/\/+$/, ""),
    llmModel: e.LLM_MODEL,
    embeddingModel: e.EMBEDDING_MODEL,
    numCtx: e.LLM_NUM_CTX,
    maxAnswerTokens: e.LLM_MAX_ANSWER_TOKENS,
    temperature: e.LLM_TEMPERATURE,
    idleTimeoutMs: e.LLM_IDLE_TIMEOUT_MS,
    statusTtlMs: e.OLLAMA_STATUS_TTL_MS,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    inventoryTimeoutMs: e.INVENTORY_TIMEOUT_MS,
    verifyWithModel: e.VERIFY_WITH_MODEL === "1" || e.VERIFY_WITH_MODEL === "true",
    llmMaxConcurrent: e.LLM_MAX_CONCURRENT,
    llmMaxQueue: e.LLM_MAX_QUEUE,
    allowedHosts: e.ALLOWED_HOSTS.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean),
    timeoutMs: e.LLM_TIMEOUT_MS,
    databaseUrl: e.DATABASE_URL ?? null,
    glpi: { url: e.GLPI_URL ?? null, appToken: e.GLPI_APP_TOKEN ?? null, userToken: e.GLPI_USER_TOKEN ?? null, syncHours: e.GLPI_SYNC_HOURS },
  };
}

/** What a variable should look like, in French (zod's own messages are English). */
function configReason(issue: z.core.$ZodIssue): string {
  const i = issue as { code: string; expected?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string };
  if (i.code === "too_small" && i.minimum !== undefined) return message("config.tooSmall", { min: String(i.minimum) });
  if (i.code === "too_big" && i.maximum !== undefined) return message("config.tooBig", { max: String(i.maximum) });
  if (i.code === "invalid_format" && i.format === "url") return message("config.url");
  if (i.code === "invalid_type" && i.expected === "int") return message("config.integer");
  if (i.code === "invalid_type" && i.expected === "number") return message("config.number");
  return message("config.other");
}
