/**
 * Search results built for tests of what answers quote: a passage written for the test, or every card of the real
 * catalog as the search gives them, and « En bref » of a question over such passages.
 */
import path from "node:path";
import { briefOf } from "../../server/answers/brief.ts";
import { catalogPassages, loadCatalog } from "../../server/corpus/catalog.ts";
import type { SearchResult } from "../../server/retrieval/search.ts";

/** A passage of a document written for the test (`id` is « document#n »). */
export const passageOf = (
  id: string,
  title: string,
  text: string,
  kind = "case-study",
  date: string | null = "2025-03-01",
): SearchResult => ({
  id,
  section: "",
  text,
  score: 1,
  document: { id: id.split("#")[0]!, title, kind, date, url: null },
  sources: [],
  source: null,
});

/** « En bref » of `question` when the answer quotes `used` whole. */
export const briefFor = (question: string, used: SearchResult[], asked: ("quantity" | "date")[] = []) =>
  briefOf(
    question,
    used,
    used.map((r) => r.text),
    asked,
  );

/** Every card of the real catalog, as search results (what the card lookup and the brief read). */
export async function catalogCards(): Promise<SearchResult[]> {
  const catalog = await loadCatalog(path.resolve("corpus"), []);
  return catalogPassages(catalog).map((p) => ({
    id: `${p.id}#0`,
    text: p.text,
    section: "",
    score: 1,
    document: { id: p.id, title: p.title, kind: "catalog", date: p.date, url: p.url },
    sources: p.sources,
    source: null,
  }));
}
