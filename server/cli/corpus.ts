/** `npm run cli -- validate` and `ingest`: the corpus checked, then indexed (and embedded when a model is there). */
import { loadCorpus } from "../corpus/documents.ts";
import { createEngine } from "../engine.ts";
import { message, pluralMessage } from "../i18n/messages.ts";
import { printIndexReport } from "../server.ts";
import type { CommandContext } from "./main.ts";

export async function validate({ config, term }: CommandContext): Promise<number> {
  const corpus = await loadCorpus(config.corpusDir);
  printIndexReport(
    { documents: corpus.documents.length, chunks: 0, changed: 0, removed: 0, problems: corpus.problems, ms: 0 },
    term,
    true,
  );
  const c = corpus.catalog;
  term.line(
    message("validate.catalog", {
      vendors: c.vendors.size,
      products: c.products.size,
      alternatives: c.alternatives.size,
      mappings: c.mappings.length,
    }),
  );
  term.line(
    corpus.problems.length
      ? pluralMessage("validate.failed", corpus.problems.length, { count: corpus.problems.length })
      : message("validate.ok"),
  );
  return corpus.problems.length ? 1 : 0;
}

export async function ingest({ config, term, values }: CommandContext): Promise<number> {
  const engine = await createEngine(config, term.line);
  try {
    const report = await engine.index({
      rebuild: values.rebuild,
      onProgress: (done, total) => term.progress(message("ingest.progress", { done, total })),
    });
    printIndexReport(report, term);
    const status = await engine.models.status(true);
    if (status.embeddingsAvailable) {
      await engine.vectors.run((done, total) =>
        term.progress(message("ingest.embedding", { model: config.embeddingModel, done, total })),
      );
    } else if (status.notice) {
      term.line(status.notice);
    }
    return 0;
  } finally {
    await engine.close();
  }
}
