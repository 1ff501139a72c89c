/**
 * The load generator of `speed.bench.ts`, run in its own process so that the client's work (building requests,
 * reading and parsing answers) is not counted against the server it measures: reads
 * `{ url, queries, concurrency, total, warmup }` as JSON on stdin, sends `GET <url>?q=<query>&k=5` with `concurrency`
 * requests in flight until `total` have answered, and prints `{ rps, latencies }` as JSON on stdout.
 */
import { text } from "node:stream/consumers";

interface LoadPlan {
  url: string;
  queries: string[];
  concurrency: number;
  total: number;
  warmup?: number;
}

const plan = JSON.parse(await text(process.stdin)) as LoadPlan;
const get = async (q: string) => {
  const res = await fetch(`${plan.url}?q=${encodeURIComponent(q)}&k=5`);
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
};
for (const q of plan.queries.slice(0, plan.warmup ?? 10)) await get(q);
let next = 0;
const latencies: number[] = [];
const started = performance.now();
await Promise.all(
  Array.from({ length: plan.concurrency }, async () => {
    while (next < plan.total) {
      const q = plan.queries[next++ % plan.queries.length]!;
      const t = performance.now();
      await get(q);
      latencies.push(performance.now() - t);
    }
  }),
);
const rps = (plan.total / (performance.now() - started)) * 1000;
process.stdout.write(JSON.stringify({ rps, latencies }));
