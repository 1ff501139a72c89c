/**
 * Produces `docs/examples/`: one document of each type, WITHOUT Ollama (template mode), from the inputs in
 * `docs/examples/inputs/` and the real corpus, as ODT, PDF and Markdown — what a collectivité gets before
 * installing a language model. Not part of the product.
 *
 *   node_modules/.bin/node test/examples/make-examples.ts
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/config.ts";
import { createDraft, getDraft, prepareDraft } from "../../server/drafting/drafts.ts";
import { createEngine } from "../../server/engine.ts";
import { exportDraft } from "../../server/export/index.ts";
import { analyzeInventory } from "../../server/inventory/service.ts";
import { checkFootnotes, problemLines } from "./footnotes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OUT = path.join(ROOT, "docs/examples");
const INPUTS = path.join(OUT, "inputs");
const FORMATS = ["odt", "pdf", "md"] as const;

const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-examples-"));
// Nothing listens on port 9: the examples show what Cap Libre produces without a language model.
const engine = await createEngine(
  loadConfig({ CORPUS_DIR: path.join(ROOT, "corpus"), DATA_DIR: dataDir, OLLAMA_BASE_URL: "http://127.0.0.1:9" }),
);
try {
  const report = await engine.index();
  console.log(
    `Corpus : ${report.documents} documents, ${report.chunks} passages, ${report.problems.length} problème(s).`,
  );
  for (const name of (await readdir(INPUTS)).filter((n) => n.endsWith(".json")).sort()) {
    const request = JSON.parse(await readFile(path.join(INPUTS, name), "utf8"));
    // A request naming an inventory export beside it (`inventoryFile`, a field the API ignores) gets its attached
    // analysis made again from that export with the current catalog, as a DSI's upload would be, and written back:
    // the example never keeps an analysis from an older catalog.
    if (request.inventoryFile) {
      const bytes = new Uint8Array(await readFile(path.join(INPUTS, request.inventoryFile)));
      const fresh = await analyzeInventory(engine, [{ name: request.inventoryFile, bytes }], {
        inventoryDate: request.inventoryDate,
        save: false,
      });
      const previous = request.inputs.analysis ?? {};
      request.inputs.analysis = {
        id: previous.id ?? fresh.id,
        createdAt: `${request.inventoryDate}T09:30:00.000Z`,
        inventoryDate: request.inventoryDate,
        items: fresh.items,
        summary: fresh.summary,
        unknown: fresh.unknown,
      };
      await writeFile(path.join(INPUTS, name), `${JSON.stringify(request, null, 2)}\n`);
    }
    const started = performance.now();
    const prepared = await prepareDraft(engine, request);
    let id = "";
    for await (const event of createDraft(engine, prepared, new AbortController().signal)) {
      if (event.type === "done") {
        id = event.id;
        if (event.flags.length)
          console.warn(`  ${name} : chiffres signalés : ${event.flags.map((f) => f.figure).join(", ")}`);
      }
    }
    const ms = Math.round(performance.now() - started);
    const draft = await getDraft(engine, id);
    const notes = await checkFootnotes(draft, (ids) => engine.store.getChunks(ids));
    const sizes: string[] = [];
    for (const format of FORMATS) {
      const file = await exportDraft(draft, format);
      await writeFile(path.join(OUT, file.filename), file.bytes);
      sizes.push(`${file.filename} (${Math.round(file.bytes.byteLength / 1024)} ko)`);
    }
    console.log(`${name} → ${sizes.join(", ")} — rédigé en ${ms} ms`);
    console.log(
      `  notes vérifiées : ${notes.checked} (dont ${notes.analysis} « analyse de Cap Libre »), problèmes : ${notes.problems.length}`,
    );
    for (const line of problemLines(notes)) console.log(line);
  }
} finally {
  await engine.close();
  await rm(dataDir, { recursive: true, force: true });
}
