/**
 * One inventory worker thread for the process, started on first use: jobs run one at a time, in order, each
 * within a deadline counted from when it was asked (waiting included). A job past its deadline is dropped, or
 * its worker terminated and replaced; a worker out of memory gives a French 413. So an upload can make the
 * server neither unresponsive (the work is off the main thread) nor wait forever.
 */
import { Worker } from "node:worker_threads";
import { AppError, type ErrorStatus } from "../core/errors.ts";
import { message } from "../i18n/messages.ts";
import type { WorkerReply, WorkerRequest } from "./worker.ts";

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

interface Job {
  id: number;
  request: Request;
  transfer: ArrayBuffer[];
  timeoutMs: number;
  resolve(value: unknown): void;
  reject(err: unknown): void;
  timer?: NodeJS.Timeout;
}

export interface PoolOptions {
  /** Jobs waiting beyond the one running; more are refused with a 503. */
  maxQueue: number;
  /** Heap of the worker, in MB. */
  maxMemoryMb: number;
}

const WORKER_URL = new URL("./worker.ts", import.meta.url);

export class InventoryWorkerPool {
  private worker: Worker | null = null;
  private running: Job | null = null;
  private queue: Job[] = [];
  private nextId = 1;
  private readonly options: PoolOptions;
  constructor(options: PoolOptions = { maxQueue: 4, maxMemoryMb: 1536 }) {
    this.options = options;
  }

  /** Runs a request in the worker within `timeoutMs` (waiting included). */
  run<T>(request: Request, timeoutMs: number, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.queue.length >= this.options.maxQueue)
      return Promise.reject(new AppError("analysis_busy", message("inventory.error.busy"), 503));
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        request,
        transfer,
        timeoutMs,
        resolve: resolve as (v: unknown) => void,
        reject,
      };
      job.timer = setTimeout(() => this.expire(job), timeoutMs);
      this.queue.push(job);
      this.pump();
    });
  }

  /** Stops the worker (tests, shutdown); waiting jobs are refused. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0))
      this.fail(job, new AppError("analysis_busy", message("inventory.error.busy"), 503));
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb } });
    worker.unref();
    worker.on("message", (reply: WorkerReply) => {
      const job = this.running;
      if (!job || job.id !== reply.id) return;
      this.running = null;
      if (reply.ok) this.succeed(job, reply.value);
      else if (reply.error.internal) {
        console.error(`Inventory worker: ${reply.error.message}`);
        this.fail(job, new Error(reply.error.message));
      } else this.fail(job, new AppError(reply.error.code, reply.error.message, reply.error.status as ErrorStatus));
      this.pump();
    });
    worker.on("error", (err: Error & { code?: string }) => {
      if (this.worker === worker) this.worker = null;
      const job = this.running;
      this.running = null;
      if (job) {
        if (err.code === "ERR_WORKER_OUT_OF_MEMORY")
          this.fail(
            job,
            new AppError(
              "inventory_too_large",
              message("inventory.error.memory", { mb: this.options.maxMemoryMb }),
              413,
            ),
          );
        else {
          console.error("Inventory worker failed:", err);
          this.fail(job, err);
        }
      }
      this.pump();
    });
    worker.on("exit", () => {
      if (this.worker === worker) this.worker = null;
    });
    return worker;
  }

  private pump() {
    if (this.running || !this.queue.length) return;
    const job = this.queue.shift()!;
    this.running = job;
    this.worker ??= this.spawn();
    // The worker keeps the event loop alive only while it works.
    this.worker.ref();
    this.worker.postMessage({ ...job.request, id: job.id }, job.transfer);
  }

  private expire(job: Job) {
    const error = new AppError(
      "analysis_timeout",
      message("inventory.error.timeout", { seconds: Math.round(job.timeoutMs / 1000) || 1 }),
      503,
    );
    if (this.running === job) {
      // The only way to stop a synchronous computation: the worker goes, a fresh one takes the next job.
      const w = this.worker;
      this.worker = null;
      this.running = null;
      void w?.terminate();
      this.fail(job, error);
      this.pump();
      return;
    }
    const i = this.queue.indexOf(job);
    if (i >= 0) this.queue.splice(i, 1);
    this.fail(job, error);
  }

  private succeed(job: Job, value: unknown) {
    clearTimeout(job.timer);
    if (!this.running && !this.queue.length) this.worker?.unref();
    job.resolve(value);
  }

  private fail(job: Job, err: unknown) {
    clearTimeout(job.timer);
    if (!this.running && !this.queue.length) this.worker?.unref();
    job.reject(err);
  }
}

let shared: InventoryWorkerPool | null = null;

/** The process's inventory worker. */
export const inventoryPool = () => (shared ??= new InventoryWorkerPool());
