import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { afterEach, describe, expect, it } from "vitest";
import { vocabularyOf } from "../../server/answers/vocabulary.ts";
import { loadConfig } from "../../server/config.ts";
import { AppError } from "../../server/core/errors.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { vectorTableName } from "../../server/store/lancedb.ts";
import { LOCK_FILE } from "../../server/store/lock.ts";
import { startFakeOllama } from "../helpers/fake-ollama.ts";
import { copyCorpus, NO_OLLAMA, withTestProvider } from "../helpers/server.ts";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function engineFor(
  corpusDir: string,
  env: Record<string, string> = {},
  dataDir?: string,
  log?: (line: string) => void,
): Promise<Engine> {
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), "cap-libre-idx-")));
  const engine = await createEngine(
    loadConfig(
      withTestProvider({
        CORPUS_DIR: corpusDir,
        DATA_DIR: dir,
        OLLAMA_BASE_URL: NO_OLLAMA,
        OLLAMA_STATUS_TTL_MS: "0",
        ...env,
      }),
    ),
    log,
  );
  cleanups.push(async () => {
    await engine.close();
    if (!dataDir) await rm(dir, { recursive: true, force: true });
  });
  return engine;
}

describe("incremental indexing", () => {
  it("learns the corpus' words again after re-indexing (typo suggestions, names written in one word)", async () => {
    const corpus = await copyCorpus();
    cleanups.push(() => rm(corpus, { recursive: true, force: true }));
    const engine = await engineFor(corpus);
    await engine.index();
    expect((await vocabularyOf(engine.store))?.words.has("zorglubix")).toBe(false);

    const file = path.join(corpus, "case-studies/gendarmerie.md");
    await writeFile(
      file,
      `${await readFile(file, "utf8")}\n\n${"Le logiciel Zorglubix équipe la brigade. ".repeat(3)}\n`,
    );
    expect((await engine.index()).changed).toBe(1);
    expect((await vocabularyOf(engine.store))?.words.get("zorglubix")?.written).toBe("Zorglubix");
  });

  it("re-indexes only what changed, and removes deleted documents", async () => {
    const corpus = await copyCorpus();
    cleanups.push(() => rm(corpus, { recursive: true, force: true }));
    const engine = await engineFor(corpus);

    const first = await engine.index();
    expect(first.changed).toBe(5);
    const again = await engine.index();
    expect(again).toMatchObject({ changed: 0, removed: 0, documents: 5 });

    const file = path.join(corpus, "case-studies/gendarmerie.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("12 millions", "douze millions"));
    const edited = await engine.index();
    expect(edited.changed).toBe(1);
    const hits = await engine.retriever.search("douze millions", 3);
    expect(hits.results[0]!.text).toContain("douze millions");
    expect(
      (await engine.retriever.search("12 millions gendarmerie", 5)).results.every(
        (r) => !r.text.includes("12 millions"),
      ),
    ).toBe(true);

    await rm(file);
    const removed = await engine.index();
    expect(removed).toMatchObject({ removed: 1, documents: 4 });
    expect(
      (await engine.retriever.search("gendarmerie", 5)).results.every(
        (r) => r.document.id !== "case-studies/gendarmerie",
      ),
    ).toBe(true);
  });

  it("a corpus folder that does not exist is reported, and empties nothing", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-nocorpus-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await engineFor(path.resolve("test/fixtures/corpus"), {}, dataDir);
    const indexed = await first.index();
    await first.close();
    cleanups.pop();
    const missing = path.join(dataDir, "pas-de-corpus");
    const engine = await engineFor(missing, {}, dataDir);
    const report = await engine.index();
    expect(report.problems[0]).toMatchObject({ path: missing });
    expect(report.problems[0]!.reasons.join(" ")).toContain("CORPUS_DIR");
    expect(report).toMatchObject({ removed: 0, documents: indexed.documents });
  });

  it("rebuild starts from an empty index and ends with the same content", async () => {
    const engine = await engineFor(path.resolve("test/fixtures/corpus"));
    const first = await engine.index();
    const rebuilt = await engine.index({ rebuild: true });
    expect(rebuilt.changed).toBe(first.documents);
    expect(rebuilt.chunks).toBe(first.chunks);
  });

  it("a malformed file does not stop the others, and fixing it indexes it", async () => {
    const corpus = await copyCorpus();
    cleanups.push(() => rm(corpus, { recursive: true, force: true }));
    const engine = await engineFor(corpus);
    const report = await engine.index();
    expect(report.problems.map((p) => p.path)).toContain("guidance/broken.md");
    const file = path.join(corpus, "guidance/broken.md");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace(
        "date: 2026-01-01",
        'date: 2026-01-01\nkind: guidance\nsources:\n  - title: "Source de test"',
      ),
    );
    const fixed = await engine.index();
    expect(fixed.problems.map((p) => p.path)).not.toContain("guidance/broken.md");
    expect(fixed.documents).toBe(report.documents + 1);
  });
});

describe("what a document is about", () => {
  it("a tag that its text never uses finds the document, and one long document does not fill the results", async () => {
    const corpus = await copyCorpus();
    cleanups.push(() => rm(corpus, { recursive: true, force: true }));
    const file = path.join(corpus, "case-studies/gendarmerie.md");
    const long = Array.from(
      { length: 6 },
      (_, i) => `## Partie ${i + 1}\n\nLa gendarmerie a migré ses postes, étape ${i + 1}.`,
    ).join("\n\n");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace(
        "territory: France",
        "territory: France\ntags: [GendBuntu, souveraineté]",
      ) +
        "\n\n" +
        long,
    );
    const engine = await engineFor(corpus);
    await engine.index();
    const tagged = await engine.retriever.search("souveraineté", 5);
    expect(tagged.results.map((r) => r.document.id)).toContain("case-studies/gendarmerie");
    const many = await engine.retriever.search("gendarmerie postes étape", 5);
    expect(many.results.filter((r) => r.document.id === "case-studies/gendarmerie").length).toBe(2);
  });

  it("each passage links to the source it names for its facts, not to the document's first source", async () => {
    const engine = await engineFor(path.resolve("test/fixtures/corpus"));
    await engine.index();
    const { results } = await engine.retriever.search("12 millions d'euros par an Assemblée nationale", 3);
    const passage = results.find((r) => r.text.includes("12 millions"))!;
    // The page has no address of its own: it is not credited with its first source's (an unrelated article, often).
    expect(passage.document.url).toBeNull();
    expect(passage.source?.url).toContain("nosdeputes.fr");
  });

  it("a search restricted to some kinds of documents returns only those", async () => {
    const engine = await engineFor(path.resolve("test/fixtures/corpus"));
    await engine.index();
    const all = await engine.retriever.search("cloud act gendarmerie linux", 10);
    expect(new Set(all.results.map((r) => r.document.kind)).size).toBeGreaterThan(1);
    const cases = await engine.retriever.search("cloud act gendarmerie linux", 10, { kinds: ["case-study"] });
    expect(cases.results.length).toBeGreaterThan(0);
    expect(cases.results.every((r) => r.document.kind === "case-study")).toBe(true);
  });

  it("an index written by an older version (no tag column) is rebuilt, not broken", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-old-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const db = await lancedb.connect(dataDir);
    const old = ["id", "doc_id", "section", "text", "search_text", "doc_title", "doc_kind", "doc_sources", "doc_hash"];
    await db.createTable("chunks", [
      {
        ...Object.fromEntries(old.map((k) => [k, "ancien"])),
        ordinal: 0,
        doc_date: "2020",
        doc_url: "https://example.org",
      },
    ]);
    db.close();
    const engine = await engineFor(path.resolve("test/fixtures/corpus"), {}, dataDir);
    const report = await engine.index();
    expect(report.changed).toBe(report.documents);
    expect((await engine.store.stats()).documents).toBe(report.documents);
    expect((await engine.retriever.search("gendarmerie", 3)).results[0]!.document.id).toBe("case-studies/gendarmerie");
  });
});

describe("embedding spaces", () => {
  it("switching the embedding model re-embeds into a separate table; sizes never mix", async () => {
    const corpus = path.resolve("test/fixtures/corpus");
    const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-vec-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const ollama = await startFakeOllama({ models: ["ministral-3:8b", "bge-m3", "nomic-embed-text"], dimension: 64 });
    cleanups.push(() => ollama.close());

    const a = await engineFor(corpus, { OLLAMA_BASE_URL: ollama.url }, dataDir);
    await a.index();
    await a.vectors.run();
    const chunks = (await a.store.stats()).chunks;
    expect(await a.store.vectorCount({ model: "bge-m3", dimension: 64 })).toBe(chunks);
    expect((await a.retriever.search("gendarmerie", 3)).mode).toBe("hybrid");
    await a.close();
    cleanups.pop();

    ollama.set({ dimension: 32 });
    const b = await engineFor(corpus, { OLLAMA_BASE_URL: ollama.url, EMBEDDING_MODEL: "nomic-embed-text" }, dataDir);
    await b.index();
    await b.vectors.run();
    expect(b.vectors.space()).toEqual({ model: "nomic-embed-text", dimension: 32 });
    expect(vectorTableName(b.vectors.space()!)).not.toBe(vectorTableName({ model: "bge-m3", dimension: 64 }));
    expect(await b.store.vectorCount({ model: "nomic-embed-text", dimension: 32 })).toBe(chunks);
    const result = await b.retriever.search("gendarmerie", 3);
    expect(result.mode).toBe("hybrid");
    expect(result.results[0]!.document.id).toBe("case-studies/gendarmerie");
  });

  it("an embedding failure leaves search in full-text mode", async () => {
    const ollama = await startFakeOllama({ failEmbed: true });
    cleanups.push(() => ollama.close());
    const engine = await engineFor(path.resolve("test/fixtures/corpus"), { OLLAMA_BASE_URL: ollama.url });
    await engine.index();
    await engine.vectors.run();
    expect(engine.vectors.isComplete()).toBe(false);
    const result = await engine.retriever.search("gendarmerie", 3);
    expect(result.mode).toBe("fulltext");
    expect(result.results.length).toBeGreaterThan(0);
  });
});

/** What a set of queries returns: ids, order and scores (rounded: BM25 in float32). */
async function answersOf(engine: Engine): Promise<string[]> {
  const queries = [
    "gendarmerie",
    "douze millions",
    "économies gendarmerie linux",
    "cloud act",
    "nouveau guide logiciel libre",
    "migration postes ubuntu",
  ];
  const out: string[] = [];
  for (const q of queries) {
    const { results } = await engine.retriever.search(q, 5);
    out.push(`${q} → ${results.map((r) => `${r.id}:${r.score.toFixed(3)}`).join(" ")}`);
  }
  return out;
}

/** Runs `npm run cli -- ingest` as a real process stopped at `point`, then kills it with SIGKILL. */
async function ingestKilledAt(point: string, corpusDir: string, dataDir: string): Promise<void> {
  const child = spawn(process.execPath, ["server/cli/main.ts", "ingest"], {
    env: {
      ...process.env,
      CORPUS_DIR: corpusDir,
      DATA_DIR: dataDir,
      OLLAMA_BASE_URL: NO_OLLAMA,
      CAP_LIBRE_PAUSE_AT: point,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ingest never reached ${point}: ${stderr}`)), 100_000);
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes(`PAUSE ${point}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", () => reject(new Error(`ingest ended before ${point}: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** The edits the killed ingest writes: an edited document (merged) and a new one (appended). */
async function editForKill(corpus: string): Promise<void> {
  const file = path.join(corpus, "case-studies/gendarmerie.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("12 millions", "douze millions"));
  await writeFile(
    path.join(corpus, "guidance/nouveau.md"),
    '---\ntitle: "Nouveau guide du logiciel libre"\nkind: guidance\ndate: 2026-01-01\nsources:\n  - title: "Source de test"\n---\n## Un nouveau guide\n\nLe logiciel libre dans les mairies : migration des postes, économies et souveraineté.\n',
  );
}

/**
 * A clean build of the edited corpus (in folders of its own), what a repaired index must equal: the same for every
 * point the ingest is killed at, so built once per file, by the first test that asks; a failed build is built again.
 */
let clean: Promise<{ counts: { documents: number; chunks: number }; answers: string[] }> | undefined;
function cleanBuild() {
  clean ??= (async () => {
    const corpus = await copyCorpus();
    const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-clean-"));
    try {
      await editForKill(corpus);
      const engine = await createEngine(
        loadConfig(
          withTestProvider({
            CORPUS_DIR: corpus,
            DATA_DIR: dataDir,
            OLLAMA_BASE_URL: NO_OLLAMA,
            OLLAMA_STATUS_TTL_MS: "0",
          }),
        ),
      );
      try {
        const report = await engine.index();
        return { counts: { documents: report.documents, chunks: report.chunks }, answers: await answersOf(engine) };
      } finally {
        await engine.close();
      }
    } finally {
      await Promise.all([corpus, dataDir].map((d) => rm(d, { recursive: true, force: true })));
    }
  })();
  clean.catch(() => (clean = undefined));
  return clean;
}

describe("crashes and a shared data folder (issue 18 §4)", () => {
  it.each(["after-first-write", "before-commit", "after-text-index"])(
    "kill -9 at %s: the restart repairs the index, and searches equal a clean build",
    async (point) => {
      const corpus = await copyCorpus();
      const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-kill-"));
      cleanups.push(() => Promise.all([corpus, dataDir].map((d) => rm(d, { recursive: true, force: true }))));

      const before = await engineFor(corpus, {}, dataDir);
      await before.index();
      await before.close();
      cleanups.pop();
      // An edited document (merged) and a new one (appended): the ingest that is killed writes both.
      await editForKill(corpus);

      await ingestKilledAt(point, corpus, dataDir);

      const logs: string[] = [];
      const restarted = await engineFor(corpus, {}, dataDir, (line) => logs.push(line));
      const report = await restarted.index();
      const clean = await cleanBuild();
      expect({ documents: report.documents, chunks: report.chunks }).toEqual(clean.counts);
      expect(await answersOf(restarted)).toEqual(clean.answers);
      if (point !== "after-first-write") expect(logs.join("\n")).toContain("reconstruit");
    },
    180_000,
  );

  it("a second process on the same DATA_DIR is refused in French; a lock left by a dead process is taken over", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-lock-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const config = loadConfig({
      CORPUS_DIR: path.resolve("test/fixtures/corpus"),
      DATA_DIR: dataDir,
      OLLAMA_BASE_URL: NO_OLLAMA,
    });
    // A live process that is not this one holds the folder (vitest's parent process stands in for another server).
    await writeFile(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, since: "2026-12-05T09:36:00.000Z" }),
    );
    const refused = await createEngine(config).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.message).toContain(`Un autre Cap Libre (processus ${process.ppid}`);
    // The time the other server started, in the collectivités' time zone whatever the server's.
    expect(refused.message).toContain("démarré le 5 décembre 2026 à 10:36");
    expect(refused.message).toContain("DATA_DIR");

    // The lock of a process that no longer exists.
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => dead.once("exit", resolve));
    await writeFile(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: dead.pid, since: new Date().toISOString() }));
    const engine = await createEngine(config);
    expect(JSON.parse(await readFile(path.join(dataDir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    await engine.close();
    await expect(readFile(path.join(dataDir, LOCK_FILE))).rejects.toThrow();
  });

  it("temporary files left by a killed save are removed at start; saved records are kept", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-tmp-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const records = path.join(dataDir, "exports");
    await mkdir(records, { recursive: true });
    await writeFile(path.join(records, "a.json"), "{}");
    // The pid of a process that has ended (a fixed number could belong to a live process on a busy machine).
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(path.join(records, `a.json.${deadPid}.deadbeef.tmp`), "{");
    const logs: string[] = [];
    await engineFor(path.resolve("test/fixtures/corpus"), {}, dataDir, (line) => logs.push(line));
    expect(await readdir(records)).toEqual(["a.json"]);
    expect(logs.join("\n")).toContain("1 fichier temporaire laissé par un arrêt brutal a été supprimé.");
  });
});
