/**
 * The inventory worker thread: parses and analyses uploads, and writes exports, off the main thread so that a
 * large inventory never stalls search or chat. Messages: `{ id, kind: "analyze", job }` or
 * `{ id, kind: "export", … }`; answers `{ id, ok: true, value }` or `{ id, ok: false, error }` (an AppError's
 * code, status and French message, or an internal error logged by the main thread).
 */
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { AppError } from "../core/errors.ts";
import { unpackTables } from "./compact.ts";
import { type ExportFormat, exportMap } from "./export.ts";
import { type AnalysisJob, runAnalysisJob } from "./job.ts";
import type { InventorySummary } from "./types.ts";

export type WorkerRequest =
  | { id: number; kind: "analyze"; job: AnalysisJob }
  | {
      id: number;
      kind: "export";
      blob: Uint8Array;
      format: ExportFormat;
      summary: InventorySummary;
      title: string;
      notice?: string;
    };

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; status: number; message: string; internal: boolean } };

async function handle(request: WorkerRequest): Promise<{ value: unknown; transfer: ArrayBuffer[] }> {
  if (request.kind === "analyze") {
    const output = await runAnalysisJob(request.job);
    return { value: output, transfer: output.reused ? [] : [output.blob.buffer as ArrayBuffer] };
  }
  const tables = await unpackTables(request.blob);
  const file = exportMap(request.format, tables.items!, request.summary, request.title, request.notice);
  return { value: file, transfer: [file.bytes.buffer as ArrayBuffer] };
}

// On Linux a priority is a thread's own: the worker yields the CPU to the main thread (requests) when both want it.
try {
  setPriority(10);
} catch {
  // Not permitted or not supported: the worker runs at normal priority.
}

parentPort?.on("message", async (request: WorkerRequest) => {
  try {
    const { value, transfer } = await handle(request);
    parentPort!.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply, transfer);
  } catch (err) {
    const e = err as Error;
    const error =
      err instanceof AppError
        ? { code: err.code, status: err.status, message: err.message, internal: false }
        : {
            code: "internal_error",
            status: 500,
            message: `${e?.name ?? "Error"}: ${e?.message ?? String(err)}\n${e?.stack ?? ""}`,
            internal: true,
          };
    parentPort!.postMessage({ id: request.id, ok: false, error } satisfies WorkerReply);
  }
});
