/**
 * Core figures: indexing the real corpus (first time and unchanged), full-text search latency, and the
 * server's time to first token with the fake model (the overhead Cap Libre adds before the model speaks).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/config.ts";
import { createEngine } from "../../server/engine.ts";
import { startServer } from "../../server/server.ts";
import { loadQuestions } from "../eval/evaluate.ts";
import { startFakeOllama } from "../helpers/fake-ollama.ts";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

export default async function benchCore(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-bench-"));
  const config = loadConfig({
    CORPUS_DIR: "corpus",
    DATA_DIR: dataDir,
    OLLAMA_BASE_URL: "http://127.0.0.1:9",
    PORT: "0",
  });
  try {
    const engine = await createEngine(config);
    const first = await engine.index();
    console.log(
      `indexation initiale du corpus : ${first.documents} documents, ${first.chunks} passages en ${ms(first.ms)}`,
    );
    const unchanged: number[] = [];
    for (let i = 0; i < 5; i++) unchanged.push((await engine.index()).ms);
    console.log(`réindexation sans changement : médiane ${ms(median(unchanged))}`);

    const { questions } = await loadQuestions();
    const queries = questions.length
      ? questions.map((q) => q.question)
      : ["CLOUD Act mairie", "Gendarmerie Linux économies"];
    for (const q of queries.slice(0, 10)) await engine.retriever.search(q, 5); // warm-up
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        const t = performance.now();
        await engine.retriever.search(q, 5);
        times.push(performance.now() - t);
      }
    }
    console.log(
      `recherche plein texte (k=5, ${times.length} requêtes) : médiane ${ms(median(times))}, p95 ${ms(p95(times))}`,
    );
    await engine.close();

    const ollama = await startFakeOllama({ reply: "Réponse de test [1]." });
    const server = await startServer({ ...config, ollamaBaseUrl: ollama.url, statusTtlMs: 10_000 });
    try {
      await server.engine.vectors.run();
      const ttft: number[] = [];
      for (const q of queries.slice(0, 30)) {
        const t = performance.now();
        const res = await fetch(`${server.url}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ messages: [{ role: "user", content: q }] }),
        });
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          if (buffer.includes("event: token")) {
            ttft.push(performance.now() - t);
            break;
          }
        }
        await reader.cancel();
      }
      console.log(
        `délai avant le premier mot avec le faux modèle (${ttft.length} questions, recherche hybride) : médiane ${ms(median(ttft))}, p95 ${ms(p95(ttft))}`,
      );
    } finally {
      await server.close();
      await ollama.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
