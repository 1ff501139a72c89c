/**
 * Starting the product: index the corpus (only what changed), report what Ollama allows, then listen.
 * Used by `npm start`, `npm run cli -- serve` and the integration tests (with port 0).
 */

import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { assertSafeExposure } from "./auth/exposure.ts";
import type { Config } from "./config.ts";
import { AppError } from "./core/errors.ts";
import { silentTerminal, type Terminal } from "./core/terminal.ts";
import type { IndexReport } from "./corpus/indexer.ts";
import { createEngine, type Engine } from "./engine.ts";
import { createApp } from "./http/app.ts";
import { message } from "./i18n/messages.ts";
import { startGlpiSchedule } from "./inventory/glpi-sync.ts";
import { recordServerUrl } from "./store/lock.ts";

export interface RunningServer {
  url: string;
  engine: Engine;
  report: IndexReport;
  close(): Promise<void>;
}

export { processTerminal, silentTerminal, type Terminal } from "./core/terminal.ts";

export function printIndexReport(report: IndexReport, term: Terminal, validateOnly = false) {
  for (const p of report.problems) {
    term.line(
      message("ingest.problem", {
        path: p.path,
        record: p.record ? ` (${p.record})` : "",
        reasons: p.reasons.join(" ; "),
      }),
    );
  }
  if (validateOnly) return term.line(message("validate.documents", { documents: report.documents }));
  term.line(
    message("ingest.summary", {
      documents: report.documents,
      chunks: report.chunks,
      changed: report.changed,
      removed: report.removed,
      ms: report.ms,
    }),
  );
}

export async function startServer(config: Config, term: Terminal = silentTerminal): Promise<RunningServer> {
  assertSafeExposure(config, term.line);
  const engine = await createEngine(config, term.line);
  // The model server is asked while the index is checked, not after: a slow answer does not add to the start.
  const checked = engine.models.status(true);
  checked.catch(() => {});
  const report = await engine.index({
    onProgress: (done, total) => term.progress(message("ingest.progress", { done, total })),
  });
  printIndexReport(report, term);
  const status = await checked;
  if (status.notice) term.line(status.notice);
  if (status.embeddingsAvailable) {
    // Embedding can take minutes on a CPU: search stays full-text until it is complete.
    void engine.vectors.run((done, total) =>
      term.progress(message("ingest.embedding", { model: config.embeddingModel, done, total })),
    );
  }
  const stopGlpi = startGlpiSchedule(engine, term.line);
  const app = createApp(engine);
  let server: ServerType;
  try {
    server = await new Promise((resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
      s.once("error", reject);
      // An idle kept-alive connection outlives the clients' own keep-alive (undici: 4 s): otherwise a request sent
      // on it just as the server closes it fails with ECONNRESET (seen on a busy machine after a slow upload).
      (s as import("node:http").Server).keepAliveTimeout = 65_000;
      (s as import("node:http").Server).headersTimeout = 66_000;
    });
  } catch (err) {
    stopGlpi();
    await engine.close();
    throw listenError(err, config);
  }
  // The first question has the passages, their sources and stems read and prepared for those that follow.
  engine.retriever.warmOnFirstSearch();
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  // The CLI, run beside this server on the same data folder, sends its questions here instead of being refused.
  const local = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : host;
  await recordServerUrl(config.dataDir, `http://${local}:${port}`).catch(() => {});
  return {
    url,
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

/** A French message for the usual reasons a port cannot be listened on. */
function listenError(err: unknown, config: Config): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE")
    return new AppError("port_in_use", message("server.portInUse", { port: config.port, next: config.port + 1 }));
  if (code === "EACCES") return new AppError("port_denied", message("server.portDenied", { port: config.port }));
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
    return new AppError("host_unavailable", message("server.hostUnavailable", { host: config.host }));
  return err;
}
