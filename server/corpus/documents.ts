/**
 * Loads the corpus: Markdown documents with YAML front-matter, validated by schema, plus one document per
 * catalog record. A malformed file is reported with its path and reason; everything else still loads.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import YAML from "yaml";
import { formatIssues } from "../core/validation.ts";
import { type Catalog, catalogPassages, loadCatalog } from "./catalog.ts";
import { type CorpusProblem, type DocumentKind, frontMatterSchema, type Source } from "./schema.ts";

export type { CorpusProblem };

/** A document as the index sees it: prose documents and catalog records alike. */
export interface CorpusDocument {
  id: string;
  path: string;
  title: string;
  kind: DocumentKind;
  date: string | null;
  url: string | null;
  sources: Source[];
  tags: string[];
  territory: string | null;
  categories: string[];
  summary: string | null;
  body: string;
  /** Content hash; a document whose hash did not change is not re-indexed. */
  hash: string;
}

export interface Corpus {
  documents: CorpusDocument[];
  catalog: Catalog;
  problems: CorpusProblem[];
  /** The corpus folder itself could not be found: an empty corpus that says nothing about what to remove. */
  missing: boolean;
}

/** Bump when the way documents become chunks (or what a chunk stores) changes, so every document is re-indexed once. */
export const INDEX_FORMAT_VERSION = "5"; // 3: a page's url is its own address only; 4: a list keeps its lead-in;
// 5: a product card lists its alternatives in the map's order

const PROSE_DIRS = ["guidance", "case-studies", "ecosystem"];

export async function loadCorpus(corpusDir: string): Promise<Corpus> {
  const problems: CorpusProblem[] = [];
  const documents: CorpusDocument[] = [];
  if (
    !(await stat(corpusDir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    // A mistyped CORPUS_DIR must not look like an empty but valid corpus.
    problems.push({
      path: corpusDir,
      reasons: ["dossier du corpus introuvable : vérifiez la variable CORPUS_DIR (par défaut ./corpus)"],
    });
    return { documents, catalog: await loadCatalog(corpusDir, []), problems, missing: true };
  }
  for (const dir of PROSE_DIRS) {
    let names: string[];
    try {
      names = (await readdir(path.join(corpusDir, dir), { recursive: true })).filter((n) => n.endsWith(".md")).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const rel = path.posix.join(dir, name.split(path.sep).join("/"));
      const text = await readFile(path.join(corpusDir, dir, name), "utf8");
      const doc = parseMarkdownDocument(rel, text, problems);
      if (doc) documents.push(doc);
    }
  }
  const catalog = await loadCatalog(corpusDir, problems);
  for (const p of catalogPassages(catalog)) {
    documents.push({
      id: p.id,
      path: "catalog",
      title: p.title,
      kind: "catalog",
      date: p.date,
      url: p.url,
      sources: p.sources,
      tags: [],
      territory: null,
      categories: p.category ? [p.category] : [],
      summary: null,
      body: p.text,
      hash: hashOf(p.title, p.text, JSON.stringify(p.sources)),
    });
  }
  return { documents, catalog, problems, missing: false };
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses one Markdown file; returns null (and records why) when it is not a valid corpus document. */
export function parseMarkdownDocument(relPath: string, text: string, problems: CorpusProblem[]): CorpusDocument | null {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    problems.push({ path: relPath, reasons: ["en-tête YAML absent (le fichier doit commencer par ---)"] });
    return null;
  }
  let meta: unknown;
  try {
    meta = YAML.parse(match[1]!);
  } catch (err) {
    problems.push({ path: relPath, reasons: [`en-tête YAML illisible : ${(err as Error).message.split("\n")[0]}`] });
    return null;
  }
  const parsed = frontMatterSchema.safeParse(meta ?? {});
  if (!parsed.success) {
    problems.push({ path: relPath, reasons: formatIssues(parsed.error, meta ?? {}) });
    return null;
  }
  const body = match[2]!.trim();
  if (body.length < 50) {
    problems.push({ path: relPath, reasons: ["document vide ou presque (moins de 50 caractères de texte)"] });
    return null;
  }
  const fm = parsed.data;
  return {
    id: relPath.replace(/\.md$/, ""),
    path: relPath,
    title: fm.title,
    kind: fm.kind,
    date: fm.date,
    // Only the page's own address: a page is not its first source (that link credited an unrelated article).
    url: fm.url ?? null,
    sources: fm.sources,
    tags: fm.tags,
    territory: fm.territory ?? null,
    categories: fm.categories,
    summary: fm.summary ?? null,
    body,
    hash: hashOf(text),
  };
}

export function hashOf(...parts: string[]): string {
  const h = createHash("sha256");
  h.update(INDEX_FORMAT_VERSION);
  for (const p of parts) h.update("\0").update(p);
  return h.digest("hex").slice(0, 32);
}
