/**
 * The corpus as the rest of the application sees it: one change detector (names, sizes and modification times of
 * every file) and one loaded copy per corpus folder and process, shared by the indexer (retrieval) and the
 * inventory's match index. A changed file gives a new fingerprint, and the next caller reads the folder again.
 */
import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { type Corpus, INDEX_FORMAT_VERSION, loadCorpus } from "./documents.ts";

/** Names, sizes and modification times of every file of the corpus, with the chunking format: one hash (null: no folder). */
export async function corpusFingerprint(corpusDir: string): Promise<string | null> {
  try {
    const hash = createHash("sha256").update(`format ${INDEX_FORMAT_VERSION}\n`);
    const entries = (await readdir(corpusDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    const lines = await Promise.all(
      entries.map(async (e) => {
        const file = path.join(e.parentPath, e.name);
        const s = await stat(file);
        return `${path.relative(corpusDir, file)}\t${s.size}\t${s.mtimeMs}`;
      }),
    );
    for (const line of lines.sort()) hash.update(`${line}\n`);
    return hash.digest("hex");
  } catch {
    return null;
  }
}

export interface LoadedCorpus {
  fingerprint: string | null;
  corpus: Corpus;
}

const loaded = new Map<string, { fingerprint: string | null; value: Promise<LoadedCorpus> }>();

/**
 * The corpus of a folder, read once per change: callers between two changes share the same object.
 * @example
 * const { corpus, fingerprint } = await currentCorpus(config.corpusDir);
 */
export async function currentCorpus(corpusDir: string): Promise<LoadedCorpus> {
  const key = path.resolve(corpusDir);
  const fingerprint = await corpusFingerprint(key);
  const cached = loaded.get(key);
  if (cached && cached.fingerprint === fingerprint && fingerprint !== null) return cached.value;
  const value = loadCorpus(corpusDir).then((corpus) => ({ fingerprint, corpus }));
  loaded.set(key, { fingerprint, value });
  value.catch(() => loaded.delete(key));
  return value;
}
