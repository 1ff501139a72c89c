/**
 * Edits the catalog of a writable corpus copy (`copyCorpus`) the way a maintainer would: the catalog changing its mind
 * after an analysis was saved (« Zoom → Visio » becoming « Zoom → Nextcloud »).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** One mapping of `catalog/mappings.yaml`, as that file writes it on one line. */
export interface MappingLine {
  product: string;
  alternative: string;
  fit: "drop-in" | "partial";
  covers?: string;
}

const mappingLine = (m: MappingLine) =>
  `  - { product: ${m.product}, alternative: ${m.alternative}, fit: ${m.fit}${m.covers ? `, covers: ${m.covers}` : ""} }\n`;

/**
 * Replaces one mapping of the corpus's catalog by others (none: removed). Throws when the catalog has no such line,
 * so a change of the fixture cannot leave a test asserting on an unchanged catalog.
 */
export async function replaceMapping(corpus: string, from: MappingLine, to: MappingLine[]): Promise<void> {
  const file = path.join(corpus, "catalog/mappings.yaml");
  const text = await readFile(file, "utf8");
  const old = mappingLine(from);
  if (!text.includes(old)) throw new Error(`${file} has no line « ${old.trim()} »`);
  await writeFile(file, text.replace(old, to.map(mappingLine).join("")));
}
