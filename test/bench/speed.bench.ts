/**
 * Issue 12's figures, each next to the raw LanceDB call (or floor) measured in the same run, as a ratio:
 * `npm run bench -- speed --passages 100000` (without `--passages`, only the real corpus is measured).
 *
 * - search over HTTP (`/api/search`, k=5, asked one at a time from another process) vs LanceDB's FTS query alone on
 *   the same table, real corpus and N passages;
 * - initial ingest of N passages (time, CPU) vs the same rows written raw (appends of 5,000, FTS indexes built once);
 * - disk size vs that raw table; unchanged restart at N passages;
 * - vector search on the project's table (compacted, HNSW index past 50,000 rows) vs a flat scan of a compacted table;
 * - 50 / 200 concurrent searches (sent by `load-generator.ts` from another process): throughput vs the same number of
 *   concurrent raw FTS queries in this process;
 * - 50 concurrent chats with a fake model at 50 ms/token: accepted / refused, first token vs the model alone;
 * - a refused question in hybrid mode (fake embeddings): the ask (`/api/chat`, answered without the model) and its
 *   decision, whose refusal is taken again with every search full-text, vs the raw calls of one hybrid search
 *   (the question's embedding, FTS k=5, vector search k=5); the full-text decision alone vs FTS k=5;
 * - `npm start` to healthy (wall time and the CPU the process used) vs its floor: a bare node:http server that opens
 *   the same LanceDB table first; `npm run cli -- help` vs `node -e 0`.
 * Targets are printed beside each figure; nothing here fails a test.
 */

import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import { type Config, loadConfig } from "../../server/config.ts";
import { fold } from "../../server/core/text.ts";
import { embedMissing } from "../../server/corpus/vectors.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { startServer } from "../../server/server.ts";
import { ftsIndexOptions, TEXT_COLUMNS, vectorTableName } from "../../server/store/lancedb.ts";
import { loadQuestions } from "../eval/evaluate.ts";
import { fakeEmbedding, startFakeOllama, startFakeOllamaServer } from "../helpers/fake-ollama.ts";

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const f1 = (x: number) => x.toFixed(1);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const NO_OLLAMA = "http://127.0.0.1:9";

/** One figure, with the machine's load (1 minute) when it was printed: ratios hold on a busy machine, times less. */
function row(figure: string, ours: string, raw: string, r: string, target = "") {
  console.log(`| ${figure} | ${ours} | ${raw} | ${r} | ${target} | ${loadavg()[0]!.toFixed(1)} |`);
}

async function du(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return total;
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

async function timeAll<T>(items: T[], fn: (item: T) => Promise<unknown>, rounds = 2): Promise<number[]> {
  for (const item of items.slice(0, 10)) await fn(item); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const item of items) {
      const t = performance.now();
      await fn(item);
      times.push(performance.now() - t);
    }
  }
  return times;
}

/** Requests per second with `concurrency` in flight, over `total` requests. */
async function throughput(
  total: number,
  concurrency: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ rps: number; p95: number }> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { rps: (total / (performance.now() - started)) * 1000, p95: pct(latencies, 0.95) };
}

/** Runs `load-generator.ts` in its own process against `url`: requests per second and each request's latency. */
async function loadFromAnotherProcess(
  url: string,
  queries: string[],
  concurrency: number,
  total: number,
): Promise<{ rps: number; latencies: number[] }> {
  const child = spawn(process.execPath, [new URL("./load-generator.ts", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  child.stdin.end(JSON.stringify({ url, queries, concurrency, total }));
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const code = await new Promise((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(out);
}

/**
 * A raw FTS query on the project's table: what LanceDB does alone for a search of k=5. Its rows are read column by
 * column, as the store reads its own (Arrow's `toArray()` row proxies cost about ten times more): both sides decode
 * alike.
 */
async function rawFts(table: lancedb.Table, query: string, k = 5) {
  const folded = fold(query)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  const result = await table
    .query()
    .fullTextSearch(new lancedb.MultiMatchQuery(folded, TEXT_COLUMNS))
    .select(["id", "text", "_score"])
    .limit(k)
    .toArrow();
  const [id, text, score] = ["id", "text", "_score"].map((c) => result.getChild(c));
  return Array.from({ length: result.numRows }, (_, i) => ({
    id: id?.get(i) as string,
    text: text?.get(i) as string,
    _score: score?.get(i) as number,
  }));
}

/** The arguments `npm run <script>` gives Node (package.json's `node …` scripts), without npm's own start-up. */
async function scriptArgs(script: string): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile("package.json", "utf8")) as { scripts: Record<string, string> };
  const [node, ...args] = scripts[script]!.split(/\s+/);
  if (node !== "node") throw new Error(`npm run ${script} does not start node`);
  return args;
}

/** CPU milliseconds a running process has used so far (Linux's /proc; NaN elsewhere). */
async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return NaN;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
}

/**
 * Spawns a process and resolves when its health address (after a URL printed on stdout or stderr) answers, with
 * the elapsed ms and the CPU ms the process had used by then.
 */
async function startToHealthy(
  args: string[],
  env: Record<string, string>,
  healthPath: string,
): Promise<{ ms: number; cpuMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      const onData = (d: Buffer) => {
        out += d.toString();
        // The server's "prêt : <url>" line (the Ollama notice names another URL), or the bare server's line.
        const m = /(?:prêt : |^)(http:\/\/[\d.[\]]+:\d+)/m.exec(out);
        if (m) resolve(m[1]!);
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", () => reject(new Error(`exited: ${out}`)));
    });
    for (;;) {
      const res = await fetch(`${url}${healthPath}`).catch(() => null);
      if (res?.ok) {
        await res.arrayBuffer();
        const ms = performance.now() - started;
        return { ms, cpuMs: await processCpuMs(child.pid!) };
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill("SIGKILL");
  }
}

async function timeProcess(args: string[]): Promise<number> {
  const started = performance.now();
  await new Promise((resolve) => spawn(process.execPath, args, { stdio: "ignore" }).once("exit", resolve));
  return performance.now() - started;
}

/**
 * The floor of a start: a bare node:http server that first opens the same LanceDB table and counts its rows (what
 * any server of this index must do before answering), then prints its address.
 */
const BARE_START = `import http from "node:http"; import * as lancedb from "@lancedb/lancedb";
const table = await (await lancedb.connect(process.env.LANCE_DIR)).openTable("chunks"); const rows = await table.countRows();
const s = http.createServer((q, r) => { r.setHeader("content-type", "application/json"); r.end(JSON.stringify({ status: "ok", chunks: rows })); });
s.listen(0, "127.0.0.1", () => console.log("http://127.0.0.1:" + s.address().port));`;

/** A corpus of about `passages` passages: the real corpus plus documents made of its own sentences, reshuffled. */
export async function syntheticCorpus(
  dir: string,
  passages: number,
  sentences: string[],
  titles: string[],
): Promise<void> {
  await cp(path.resolve("corpus"), dir, { recursive: true });
  const out = path.join(dir, "guidance", "synthetique");
  await mkdir(out, { recursive: true });
  let seed = 42;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const SECTIONS = 10;
  const docs = Math.ceil(passages / SECTIONS);
  for (let d = 0; d < docs; d++) {
    const title = `${titles[rand(titles.length)]} — dossier ${d + 1}`.replaceAll('"', "'");
    const body = Array.from({ length: SECTIONS }, (_, s) => {
      const text = Array.from({ length: 3 + rand(4) }, () => sentences[rand(sentences.length)]).join(" ");
      return `## Partie ${s + 1} : ${titles[rand(titles.length)]!.slice(0, 60)}\n\n${text.slice(0, 1300)}`;
    }).join("\n\n");
    await writeFile(
      path.join(out, `${String(d).padStart(6, "0")}.md`),
      `---\ntitle: "${title}"\nkind: guidance\ndate: 2026-01-01\nsources:\n  - title: "Source synthétique ${d}"\n---\n${body}\n`,
    );
  }
}

export default async function benchSpeed(options: { passages?: number } = {}): Promise<void> {
  const target = options.passages ?? 0;
  const work = await mkdtemp(path.join(tmpdir(), "cap-libre-bench-speed-"));
  console.log(
    `Charge de la machine au départ : ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" / ")} (1, 5, 15 min)`,
  );
  const { questions } = await loadQuestions();
  const queries = questions.map((q) => q.question);
  console.log(
    "\n| figure | Cap Libre | LanceDB seul / plancher | rapport | objectif | charge |\n|---|---|---|---|---|---|",
  );
  try {
    // --- Real corpus: search over HTTP vs raw FTS.
    const realDir = path.join(work, "real");
    const realConfig = loadConfig({
      CORPUS_DIR: "corpus",
      DATA_DIR: realDir,
      OLLAMA_BASE_URL: NO_OLLAMA,
      PORT: "0",
      OLLAMA_STATUS_TTL_MS: "600000",
    });
    await searchFigures("corpus réel", realConfig, queries, 1.5);

    // --- Start to healthy, CLI help.
    // Alternated, so that a burst of load on the machine weighs on both sides alike; the first of each is a warm-up.
    const start: { ms: number; cpuMs: number }[] = [];
    const bare: { ms: number; cpuMs: number }[] = [];
    for (let i = 0; i < 8; i++) {
      const ours = await startToHealthy(
        await scriptArgs("start"),
        { CORPUS_DIR: "corpus", DATA_DIR: realDir, OLLAMA_BASE_URL: NO_OLLAMA, PORT: "0" },
        "/api/health",
      );
      const floor = await startToHealthy(
        ["--input-type=module", "-e", BARE_START],
        { LANCE_DIR: path.join(realDir, "lancedb") },
        "/",
      );
      if (i > 0) start.push(ours), bare.push(floor);
    }
    const med = (xs: { ms: number; cpuMs: number }[], key: "ms" | "cpuMs") =>
      pct(
        xs.map((x) => x[key]),
        0.5,
      );
    row(
      "démarrage → prêt : `npm start` (sans npm) → /api/health, index déjà construit (médiane de 7 : temps ; CPU)",
      `${f1(med(start, "ms"))} ms ; CPU ${f1(med(start, "cpuMs"))} ms`,
      `node:http + ouverture de la même table LanceDB : ${f1(med(bare, "ms"))} ms ; CPU ${f1(med(bare, "cpuMs"))} ms`,
      `${ratio(med(start, "ms"), med(bare, "ms"))} ; CPU ${ratio(med(start, "cpuMs"), med(bare, "cpuMs"))}`,
      "< 1 000 ms",
    );
    const cliArgs = await scriptArgs("cli");
    const help: number[] = [];
    const nodeAlone: number[] = [];
    for (let i = 0; i < 8; i++) {
      const ours = await timeProcess([...cliArgs, "help"]);
      const floor = await timeProcess(["-e", "0"]);
      if (i > 0) help.push(ours), nodeAlone.push(floor);
    }
    row(
      "`npm run cli -- help` (sans npm, médiane de 7)",
      `${f1(pct(help, 0.5))} ms`,
      `node -e 0 : ${f1(pct(nodeAlone, 0.5))} ms`,
      ratio(pct(help, 0.5), pct(nodeAlone, 0.5)),
      "< 300 ms",
    );

    // --- Chats: admission control and overhead.
    await chatFigures(realConfig, queries);

    // --- A refused question in hybrid mode: the decision taken again full-text.
    await refusalFigures(realConfig, path.join(work, "hybrid"), queries);

    if (target > 0) {
      // --- N passages: ingest, disk, restart, search, concurrency, vectors.
      const all = await (await lancedb.connect(path.join(realDir, "lancedb"))).openTable("chunks");
      const texts = (await all.query().select(["text", "doc_title"]).toArray()) as {
        text: string;
        doc_title: string;
      }[];
      all.close();
      const sentences = texts
        .flatMap((t) => t.text.split(/(?<=[.!?])\s+/))
        .filter((s) => s.length > 30 && s.length < 400);
      const titles = [...new Set(texts.map((t) => t.doc_title))];
      const bigCorpus = path.join(work, "big-corpus");
      await syntheticCorpus(bigCorpus, target - texts.length, sentences, titles);
      const bigDir = path.join(work, "big");
      const bigConfig = loadConfig({
        CORPUS_DIR: bigCorpus,
        DATA_DIR: bigDir,
        OLLAMA_BASE_URL: NO_OLLAMA,
        PORT: "0",
        OLLAMA_STATUS_TTL_MS: "600000",
      });

      const engine = await createEngine(bigConfig);
      let cpu = process.cpuUsage();
      const report = await engine.index();
      const ingestCpu = cpuSeconds(process.cpuUsage(cpu));
      const restart: number[] = [];
      await engine.close();
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const e = await createEngine(bigConfig);
        await e.index();
        await e.close();
        restart.push(performance.now() - t);
      }
      const ourDisk = await du(path.join(bigDir, "lancedb"));

      // The raw write path: the same rows, appended 5,000 at a time, FTS indexes built once.
      const db = await lancedb.connect(path.join(bigDir, "lancedb"));
      const ours = await db.openTable("chunks");
      const rows = (await ours.query().toArray()).map((r) => r.toJSON() as Record<string, unknown>);
      const schema = await ours.schema();
      ours.close();
      const rawDb = await lancedb.connect(path.join(work, "raw"));
      cpu = process.cpuUsage();
      const t = performance.now();
      const raw = await rawDb.createEmptyTable("chunks", schema);
      for (let i = 0; i < rows.length; i += 5000)
        await raw.add(lancedb.makeArrowTable(rows.slice(i, i + 5000), { schema }));
      for (const column of TEXT_COLUMNS) {
        await raw.createIndex(column, {
          config: ftsIndexOptions(),
        });
      }
      const rawMs = performance.now() - t;
      const rawCpu = cpuSeconds(process.cpuUsage(cpu));
      await raw.optimize({ cleanupOlderThan: new Date(), deleteUnverified: true });
      const rawDisk = await du(path.join(work, "raw"));
      row(
        `indexation initiale, ${report.chunks} passages (temps)`,
        `${f1(report.ms / 1000)} s`,
        `${f1(rawMs / 1000)} s`,
        ratio(report.ms, rawMs),
        "≤ 1,5×",
      );
      row(
        "… dont écriture et index (hors lecture des fichiers et découpage)",
        `${f1((report.storeMs ?? 0) / 1000)} s`,
        `${f1(rawMs / 1000)} s`,
        ratio(report.storeMs ?? 0, rawMs),
      );
      row(
        `indexation initiale, ${report.chunks} passages (CPU)`,
        `${f1(ingestCpu)} s`,
        `${f1(rawCpu)} s`,
        ratio(ingestCpu, rawCpu),
      );
      row(
        `index sur disque, ${report.chunks} passages`,
        `${f1(ourDisk / 1e6)} Mo`,
        `${f1(rawDisk / 1e6)} Mo`,
        ratio(ourDisk, rawDisk),
        "≤ 1,5×",
      );
      row(
        `redémarrage sans changement, ${report.chunks} passages (médiane)`,
        `${f1(pct(restart, 0.5))} ms`,
        "—",
        "—",
        "< 2 000 ms",
      );
      raw.close();
      rawDb.close();
      db.close();

      await searchFigures(`${report.chunks} passages`, bigConfig, queries, 2, true);
      await vectorFigures(bigConfig, work);
    }
  } finally {
    console.log(
      `\nCharge de la machine à la fin : ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" / ")}`,
    );
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The HTTP floor of a search: LanceDB's raw FTS query behind a bare node:http server (no framework, JSON of id, text
 * and score), asked by the same load generator — what any HTTP search of this table costs before Cap Libre's own work.
 */
async function rawHttpServer(table: lancedb.Table): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const q = new URL(req.url!, "http://x").searchParams.get("q") ?? "";
    const rows = await rawFts(table, q);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ query: q, results: rows.map((r) => ({ id: r.id, text: r.text, score: r._score })) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Sequential searches from another process: each latency, and this process's CPU per request (it only serves). */
async function servedOneByOne(url: string, queries: string[]) {
  const cpu = process.cpuUsage();
  const { latencies } = await loadFromAnotherProcess(url, queries, 1, queries.length);
  return { latencies, cpuMs: (cpuSeconds(process.cpuUsage(cpu)) * 1e3) / (queries.length + 10) };
}

export async function searchFigures(
  label: string,
  config: Config,
  queries: string[],
  targetRatio: number,
  concurrency = false,
) {
  const server = await startServer(config);
  const table = await (await lancedb.connect(path.join(config.dataDir, "lancedb"))).openTable("chunks");
  const floor = await rawHttpServer(table);
  try {
    // The client runs in another process (as a user's browser would): only the server's work is timed on our side.
    // First, one pass of the questions on each side, shown on its own row and left out of the steady figures: Cap
    // Libre fills its caches then (passages read, stemmed, their JSON encoded; the server's warm-up runs beside it),
    // which the bare floor does not have, so that cost would otherwise fall on the first of three rounds and on its
    // p95 only. Then three rounds, each side in turn, so that a burst of load on the shared machine weighs on all
    // three alike.
    const cold = await servedOneByOne(`${server.url}/api/search`, queries);
    const coldFloor = await servedOneByOne(`${floor.url}/search`, queries);
    await timeAll(queries, (q) => rawFts(table, q), 1);
    const ours: number[] = [];
    const http: number[] = [];
    const raw: number[] = [];
    const cpus: { ours: number[]; http: number[]; raw: number[] } = { ours: [], http: [], raw: [] };
    for (let round = 0; round < 3; round++) {
      const o = await servedOneByOne(`${server.url}/api/search`, queries);
      const h = await servedOneByOne(`${floor.url}/search`, queries);
      const cpu = process.cpuUsage();
      raw.push(...(await timeAll(queries, (q) => rawFts(table, q), 1)));
      ours.push(...o.latencies);
      http.push(...h.latencies);
      cpus.ours.push(o.cpuMs);
      cpus.http.push(h.cpuMs);
      cpus.raw.push((cpuSeconds(process.cpuUsage(cpu)) * 1e3) / (queries.length + 10));
    }
    const [ourCpu, httpCpu, rawCpu] = [cpus.ours, cpus.http, cpus.raw].map((xs) => pct(xs, 0.5)) as [
      number,
      number,
      number,
    ];
    row(
      `/api/search plein texte, ${label}, p50 / p95`,
      `${f1(pct(ours, 0.5))} / ${f1(pct(ours, 0.95))} ms`,
      `FTS k=5 : ${f1(pct(raw, 0.5))} / ${f1(pct(raw, 0.95))} ms`,
      `${ratio(pct(ours, 0.5), pct(raw, 0.5))} / ${ratio(pct(ours, 0.95), pct(raw, 0.95))}`,
      `p95 ≤ ${targetRatio}×`,
    );
    row(
      `… la même, rapportée au plancher HTTP (FTS k=5 derrière node:http nu), p50 / p95`,
      `${f1(pct(ours, 0.5))} / ${f1(pct(ours, 0.95))} ms`,
      `${f1(pct(http, 0.5))} / ${f1(pct(http, 0.95))} ms`,
      `${ratio(pct(ours, 0.5), pct(http, 0.5))} / ${ratio(pct(ours, 0.95), pct(http, 0.95))}`,
    );
    row(
      `… premier passage des questions, serveur qui vient de démarrer (à froid), p50 / p95 ; CPU par recherche`,
      `${f1(pct(cold.latencies, 0.5))} / ${f1(pct(cold.latencies, 0.95))} ms ; CPU ${f1(cold.cpuMs)} ms`,
      `derrière node:http : ${f1(pct(coldFloor.latencies, 0.5))} / ${f1(pct(coldFloor.latencies, 0.95))} ms ; CPU ${f1(coldFloor.cpuMs)} ms`,
      `${ratio(pct(cold.latencies, 0.5), pct(coldFloor.latencies, 0.5))} / ${ratio(pct(cold.latencies, 0.95), pct(coldFloor.latencies, 0.95))}`,
    );
    row(
      `CPU par recherche, ${label} (serveur, médiane de 3 tours)`,
      `${f1(ourCpu)} ms`,
      `FTS k=5 : ${f1(rawCpu)} ms ; derrière node:http : ${f1(httpCpu)} ms`,
      `${ratio(ourCpu, rawCpu)} ; ${ratio(ourCpu, httpCpu)}`,
    );
    if (!concurrency && !label.includes("réel")) return;
    for (const n of [50, 200]) {
      const total = Math.max(400, n * 4);
      // Three rounds, the three sides in turn, the median round of each: one burst of load on the shared machine
      // (a run lasts a second or two) otherwise decides the ratio.
      const sides: Record<"ours" | "http" | "raw", { rps: number; p95: number }[]> = { ours: [], http: [], raw: [] };
      for (let round = 0; round < 3; round++) {
        const o = await loadFromAnotherProcess(`${server.url}/api/search`, queries, n, total);
        sides.ours.push({ rps: o.rps, p95: pct(o.latencies, 0.95) });
        const h = await loadFromAnotherProcess(`${floor.url}/search`, queries, n, total);
        sides.http.push({ rps: h.rps, p95: pct(h.latencies, 0.95) });
        sides.raw.push(await throughput(total, n, (i) => rawFts(table, queries[i % queries.length]!)));
      }
      const median = (xs: { rps: number; p95: number }[]) => [...xs].sort((a, b) => a.rps - b.rps)[1]!;
      const [o, h, r] = [median(sides.ours), median(sides.http), median(sides.raw)];
      row(
        `${n} recherches simultanées, ${label} (débit, p95 ; tour médian de 3)`,
        `${f1(o.rps)} req/s, p95 ${f1(o.p95)} ms`,
        `${f1(r.rps)} req/s, p95 ${f1(r.p95)} ms ; derrière node:http : ${f1(h.rps)} req/s, p95 ${f1(h.p95)} ms`,
        `${ratio(o.rps, r.rps)} ; ${ratio(o.rps, h.rps)}`,
        n === 50 ? "≥ 0,7×" : "",
      );
    }
  } finally {
    await floor.close();
    table.close();
    await server.close();
  }
}

async function chatFigures(config: Config, queries: string[]) {
  const reply = Array.from({ length: 20 }, (_, i) => `mot${i}`).join(" ");
  const ollama = await startFakeOllama({ reply, tokenDelayMs: 50 });
  const server = await startServer({ ...config, ollamaBaseUrl: ollama.url, statusTtlMs: 600_000 });
  /** Time to `marker` in the response and, when given, to `before` (the `sources` event: retrieval done). */
  const firstToken = async (url: string, body: unknown, marker: string, before?: string) => {
    const t = performance.now();
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) {
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - t, beforeMs: NaN };
    }
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let ms = NaN;
    let beforeMs = NaN;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      if (before && Number.isNaN(beforeMs) && buffer.includes(before)) beforeMs = performance.now() - t;
      if (Number.isNaN(ms) && buffer.includes(marker)) ms = performance.now() - t;
    }
    return { status: res.status, ms, beforeMs };
  };
  try {
    const chat = (q: string) =>
      firstToken(
        `${server.url}/api/chat`,
        { messages: [{ role: "user", content: q }] },
        "event: token",
        "event: sources",
      );
    const alone = (q: string) =>
      firstToken(
        `${ollama.url}/api/chat`,
        { model: config.llmModel, messages: [{ role: "user", content: q }], stream: true },
        "content",
      );
    // At rest: one chat at a time.
    const rest: number[] = [];
    const afterSources: number[] = [];
    const modelRest: number[] = [];
    for (const q of queries.slice(0, 20)) {
      const r = await chat(q);
      rest.push(r.ms);
      afterSources.push(r.ms - r.beforeMs);
      modelRest.push((await alone(q)).ms);
    }
    const overhead = pct(afterSources, 0.5) - pct(modelRest, 0.5);
    row(
      "chat au repos, premier mot (médiane)",
      `${f1(pct(rest, 0.5))} ms, dont ${f1(pct(rest, 0.5) - pct(afterSources, 0.5))} ms de recherche ; des sources au 1er mot ${f1(pct(afterSources, 0.5))} ms`,
      `modèle seul : ${f1(pct(modelRest, 0.5))} ms`,
      `surcoût hors recherche ${f1(overhead)} ms`,
      "surcoût < 10 ms",
    );
    // 50 at once.
    const results = await Promise.all(queries.slice(0, 50).map((q) => chat(q)));
    const accepted = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 503);
    const model = await Promise.all(queries.slice(0, 50).map((q) => alone(q)));
    row(
      `50 chats simultanés, modèle à 50 ms/mot (${config.llmMaxConcurrent} en parallèle, file de ${config.llmMaxQueue})`,
      `${accepted.length} acceptés (1er mot p50 ${f1(
        pct(
          accepted.map((r) => r.ms),
          0.5,
        ),
      )} ms, p95 ${f1(
        pct(
          accepted.map((r) => r.ms),
          0.95,
        ),
      )} ms), ${refused.length} refusés (503 + Retry-After)`,
      `modèle seul, 50 simultanés : p50 ${f1(
        pct(
          model.map((r) => r.ms),
          0.5,
        ),
      )} ms`,
      "contrôle d'admission",
    );
  } finally {
    await server.close();
    await ollama.close();
  }
}

/** Refused questions timed in hybrid mode. */
const REFUSED_MEASURED = 40;

/** Whether the decision refuses a question (what the chat answers without calling the model). */
async function refuses(engine: Engine, question: string): Promise<boolean> {
  const { decision, relevant } = await retrieveForAnswer([{ role: "user", content: question }], engine);
  return !decision.answerable || relevant.length === 0;
}

/**
 * A question refused in hybrid mode costs two decisions: the hybrid one refuses, then the whole decision is taken again
 * with every search full-text (a question answered without a model is answered with one). Its ask over HTTP and its
 * decision, vs the raw calls one hybrid search makes (the question's embedding from the same fake server, FTS k=5,
 * vector search k=5); and the full-text decision alone (the same question in full-text mode) vs FTS k=5.
 */
export async function refusalFigures(textConfig: Config, hybridDir: string, queries: string[]) {
  const fake = await startFakeOllamaServer();
  const server = await startServer({
    ...textConfig,
    dataDir: hybridDir,
    ollamaBaseUrl: fake.url,
    statusTtlMs: 600_000,
  });
  const text = await createEngine(textConfig);
  try {
    await text.index();
    await server.engine.vectors.run();
    if ((await server.engine.retriever.mode()) !== "hybrid") {
      console.log("(mode hybride indisponible : question refusée non mesurée)");
      return;
    }
    // The first questions the decision refuses (enough for a p95, few enough for a bench of a few minutes).
    const refused: string[] = [];
    for (const q of queries) {
      if (refused.length >= REFUSED_MEASURED) break;
      if (await refuses(server.engine, q)) refused.push(q);
    }
    const db = await lancedb.connect(path.join(hybridDir, "lancedb"));
    const chunks = await db.openTable("chunks");
    const vectors = await db.openTable((await db.tableNames()).find((n) => n.startsWith("vectors_"))!);
    const embed = async (q: string) => {
      const res = await fetch(`${fake.url}/api/embed`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: textConfig.embeddingModel, input: [q] }),
      });
      return ((await res.json()) as { embeddings: number[][] }).embeddings[0]!;
    };
    const floor = async (q: string) => {
      const v = await embed(q);
      await rawFts(chunks, q);
      await vectors.vectorSearch(v).distanceType("cosine").select(["chunk_id", "_distance"]).limit(5).toArray();
    };
    const ask = async (q: string) => {
      const res = await fetch(`${server.url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messages: [{ role: "user", content: q }] }),
      });
      await res.arrayBuffer();
    };
    // Three rounds, each side in turn, so that a burst of load on the shared machine weighs on all alike.
    const sides: Record<"ask" | "decision" | "floor" | "textDecision" | "fts", number[]> = {
      ask: [],
      decision: [],
      floor: [],
      textDecision: [],
      fts: [],
    };
    for (let round = 0; round < 3; round++) {
      sides.ask.push(...(await timeAll(refused, ask, 1)));
      sides.decision.push(...(await timeAll(refused, (q) => refuses(server.engine, q), 1)));
      sides.floor.push(...(await timeAll(refused, floor, 1)));
      sides.textDecision.push(...(await timeAll(refused, (q) => refuses(text, q), 1)));
      sides.fts.push(...(await timeAll(refused, (q) => rawFts(chunks, q), 1)));
    }
    const p = (xs: number[]) => `${f1(pct(xs, 0.5))} / ${f1(pct(xs, 0.95))} ms`;
    const r = (a: number[], b: number[]) => `${ratio(pct(a, 0.5), pct(b, 0.5))} / ${ratio(pct(a, 0.95), pct(b, 0.95))}`;
    const floorLabel = `plongement + FTS k=5 + vecteurs k=5 : ${p(sides.floor)}`;
    row(
      `question refusée, mode hybride : /api/chat jusqu'à la fin de la réponse, sans appel au modèle (${refused.length} questions), p50 / p95`,
      p(sides.ask),
      floorLabel,
      r(sides.ask, sides.floor),
    );
    row(
      "… sa décision : recherche hybride, puis décision reprise en plein texte, p50 / p95",
      p(sides.decision),
      floorLabel,
      r(sides.decision, sides.floor),
    );
    row(
      `… dont la décision reprise en plein texte (la même question en mode plein texte), p50 / p95 ; part de la décision (p50)`,
      `${p(sides.textDecision)} ; ${((pct(sides.textDecision, 0.5) / pct(sides.decision, 0.5)) * 100).toFixed(0)} %`,
      `FTS k=5 : ${p(sides.fts)}`,
      r(sides.textDecision, sides.fts),
    );
    chunks.close();
    vectors.close();
    db.close();
  } finally {
    await text.close();
    await server.close();
    await fake.close();
  }
}

async function vectorFigures(config: Config, work: string) {
  const dimension = 128;
  const space = { model: "bench-embed", dimension };
  const engine = await createEngine(config);
  const embedder = {
    model: space.model,
    embed: async (texts: string[]) => texts.map((t) => fakeEmbedding(t, dimension)),
  };
  const t = performance.now();
  await embedMissing(engine.store, embedder, space);
  const embedMs = performance.now() - t;
  const db = await lancedb.connect(path.join(config.dataDir, "lancedb"));
  const ours = await db.openTable(vectorTableName(space));
  const indexed = (await ours.listIndices()).some((i) => i.columns.includes("vector"));
  // The raw floor: the same vectors in one compacted table, searched by a flat scan.
  const rows = (await ours.query().toArray()).map(
    (r) => ({ ...r.toJSON(), vector: Array.from(r.vector as Iterable<number>) }) as Record<string, unknown>,
  );
  const rawDb = await lancedb.connect(path.join(work, "raw-vectors"));
  const raw = await rawDb.createTable("v", lancedb.makeArrowTable(rows, { schema: await ours.schema() }));
  await raw.optimize();
  const probes = rows.slice(0, 50).map((r) => r.vector as number[]);
  const ourTimes = await timeAll(probes, (v) => engine.store.searchVector(space, v, 20));
  const rawTimes = await timeAll(probes, (v) =>
    raw.vectorSearch(v).distanceType("cosine").select(["chunk_id", "_distance"]).limit(20).toArray(),
  );
  // Recall of the project's search against the exact flat scan.
  let hits = 0;
  for (const v of probes) {
    const exact = new Set(
      (await raw.vectorSearch(v).distanceType("cosine").select(["chunk_id", "_distance"]).limit(20).toArray()).map(
        (r) => r.chunk_id,
      ),
    );
    hits += (await engine.store.searchVector(space, v, 20)).filter((h) => exact.has(h.id)).length;
  }
  row(
    `recherche vectorielle, ${rows.length} vecteurs de ${dimension} dim. (${indexed ? "index HNSW" : "table compactée, sans index"}), p50 / p95`,
    `${f1(pct(ourTimes, 0.5))} / ${f1(pct(ourTimes, 0.95))} ms (rappel@20 ${(hits / (probes.length * 20)).toFixed(3)})`,
    `table compactée, parcours exact : ${f1(pct(rawTimes, 0.5))} / ${f1(pct(rawTimes, 0.95))} ms`,
    `${ratio(pct(ourTimes, 0.5), pct(rawTimes, 0.5))} / ${ratio(pct(ourTimes, 0.95), pct(rawTimes, 0.95))}`,
  );
  console.log(
    `(écriture des ${rows.length} vecteurs par lots, compactage${indexed ? " et index" : ""} : ${f1(embedMs / 1000)} s)`,
  );
  ours.close();
  raw.close();
  rawDb.close();
  db.close();
  await engine.close();
}
