/**
 * Starting the product: index the corpus (only what changed), report what Ollama allows, then listen.
 * Used by `npm start`, `npm run cli -- serve` and the integration tests (with port 0).
 */
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.ts";
import type { Config } from "./config.ts";
import { createEngine, type Engine } from "./engine.ts";
import { message } from "./i18n/messages.ts";
import { startGlpiSchedule } from "./inventory/glpi-sync.ts";
import type { IndexReport } from "../ingest/indexer.ts";

export interface RunningServer {
  url: string;
  engine: Engine;
  report: IndexReport;
  close(): Promise<void>;
}

export interface Terminal {
  line(text: string): void;
  /** Overwrites the current line on a TTY (progress); prints nothing elsewhere. */
  progress(text: string): void;
}

export const silentTerminal: Terminal = { line: () => {}, progress: () => {} };

export function processTerminal(): Terminal {
  const tty = process.stderr.isTTY;
  return {
    line: (text) => process.stderr.write(`${tty ? "\r\x1b[K" : ""}${text}\n`),
    progress: (text) => {
      if (tty) process.stderr.write(`\r\x1b[K${text}`);
    },
  };
}

export function printIndexReport(report: IndexReport, term: Terminal, validateOnly = false) {
  for (const p of report.problems) {
    term.line(message("ingest.problem", { path: p.path, record: p.record ? ` (${p.record})` : "", reasons: p.reasons.join(" ; ") }));
  }
  if (validateOnly) return term.line(message("validate.documents", { documents: report.documents }));
  term.line(message("ingest.summary", { documents: report.documents, chunks: report.chunks, changed: report.changed, removed: report.removed, ms: report.ms }));
}

export async function startServer(config: Config, term: Terminal = silentTerminal): Promise<RunningServer> {
  const engine = await createEngine(config, term.line);
  const report = await engine.index({ onProgress: (done, total) => term.progress(`Indexation du corpus : ${done}/${total} documents`) });
  printIndexReport(report, term);
  const status = await engine.models.status(true);
  if (status.notice) term.line(status.notice);
  if (status.embeddingsAvailable) {
    // Embedding can take minutes on a CPU: search stays full-text until it is complete.
    void engine.vectors.run((done, total) =>
      term.progress(message("ingest.embedding", { model: config.embeddingModel, done, total })),
    );
  }
  const stopGlpi = startGlpiSchedule(engine, term.line);
  const app = createApp(engine);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    engine,
    report,
    async close() {
      stopGlpi();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await engine.close();
    },
  };
}
