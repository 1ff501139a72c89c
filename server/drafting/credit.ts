/**
 * The sources a footnote of a generated section names. The model's sentences citing a passage are matched to the
 * statements of the passage they restate (`claimsCredit`); when they restate none closely (the model paraphrased),
 * the note still names only what the passage itself rests on — the source references written in the passage, those
 * of the statement closest to each sentence — never the whole list of sources of the corpus page (fifteen posts,
 * communiqués and articles the sentence does not use, whose dates then reached the document's freshness banner).
 */

import { fold } from "../core/text.ts";
import { type CitedSource, claimsCredit, type PassageCredit, passageStatements } from "../retrieval/attribution.ts";
import type { SearchResult } from "../retrieval/search.ts";

/** Content words of a sentence (4 letters or more, cut to a 5-letter stem), without citation markers. */
const stems = (s: string) =>
  new Set(
    fold(s.replace(/\[\d+\]/g, " "))
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 4 && !/^\d+$/.test(w))
      .map((w) => w.slice(0, 5)),
  );

const key = (c: CitedSource) => c.url ?? c.title;

/**
 * Lines of a catalog record that state Cap Libre's own correspondences (what an alternative replaces, a product's
 * alternatives, its names in inventories): the record's sources (an article on the editor) do not carry them.
 */
export const CATALOG_MAPPING_LINE = /^(?:Remplace|Alternatives|Apparaît dans les inventaires sous les noms) : .*$/gmu;

/** One correspondence line, tested alone (no global flag: a stateless test). */
const MAPPING_LINE = new RegExp(CATALOG_MAPPING_LINE.source, "u");

/**
 * A sentence citing a catalog record restates one of its correspondence lines (« G DATA remplace directement
 * Kaspersky ») rather than what its sources say: the line sharing most of its content words is one of them.
 */
function restatesCorrespondence(claim: string, passage: SearchResult): boolean {
  const own = [...stems(claim)];
  let best = "";
  let score = 0;
  for (const line of passage.text.split("\n")) {
    const words = stems(line);
    const shared = own.filter((w) => words.has(w)).length;
    if (shared > score) [best, score] = [line, shared];
  }
  return score > 0 && MAPPING_LINE.test(best);
}

/** A credit, marked `unrestated` when the sentences restate none of the sourced statements of a passage naming some. */
export type DraftCredit = PassageCredit & { unrestated?: boolean };

/**
 * What the sentences of a generated section citing a passage (`claims`) are credited to: the sources their
 * statements name (`claimsCredit`); for sentences that restate no statement closely, the sources of the statement of
 * the passage sharing most of their content words. None when that statement names none, or no sentence shares a
 * word with the passage: Cap Libre's analysis when the passage names no source at all, else `unrestated` (the note
 * says no source is named for the sentence). The document's single source carries everything. Never the page's
 * whole list (`page`).
 */
export function draftCredit(claims: string[], passage: SearchResult): DraftCredit {
  if (passage.document.kind === "catalog" && claims.length && claims.every((c) => restatesCorrespondence(c, passage)))
    return { basis: "named", sources: [] };
  const credit = claimsCredit(claims, passage);
  if (credit.basis !== "page") return credit;
  if (passage.sources.length === 1)
    return {
      basis: "single",
      sources: passage.sources.map((s) => ({ title: s.title, url: s.url ?? null, date: s.date ?? null })),
    };
  const statements = passageStatements(passage)
    .filter((s) => s.claim)
    .map((s) => ({ ...s, stems: stems(s.text) }));
  const named: CitedSource[] = [];
  for (const claim of claims) {
    const own = [...stems(claim)];
    let best: (typeof statements)[number] | null = null;
    let score = 0;
    for (const s of statements) {
      const shared = own.filter((w) => s.stems.has(w)).length;
      if (shared > score) [best, score] = [s, shared];
    }
    if (!best) continue;
    for (const c of best.sources) if (!named.some((n) => key(n) === key(c))) named.push(c);
  }
  const sourced = statements.some((s) => s.sources.length > 0);
  return { basis: "named", sources: named, ...(named.length === 0 && sourced ? { unrestated: true } : {}) };
}
