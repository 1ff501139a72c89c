/**
 * A year asked about weighs in the ranking: « Qu'a décidé l'État en 2026 ? » is about the pages dated 2026, not a
 * 2017 case study that names 2026 in passing. A question naming a year (four digits, 1990–2099) moves up the
 * passages of documents dated that year. Scores are multiplied, so it works on BM25 and fused ranks alike.
 */

/** Score factor for a passage of a document dated in a year the question names. */
export const DATE_WEIGHT = 0.15;

/** Years a question names: « en 2026 », « avril 2026 », « de 2024 à 2026 ». */
export function yearsOf(query: string): string[] {
  return [...new Set([...query.matchAll(/(?<![\p{L}\p{N}])(?:199\d|20\d\d)(?![\p{L}\p{N}])/gu)].map((m) => m[0]))];
}

/** `ranked` scores adjusted for the documents dated in a year the question names, re-sorted (best first). */
export function weighDates<R extends { id: string; score: number }>(
  query: string,
  chunks: { id: string; document: { date: string | null } }[],
  ranked: R[],
): R[] {
  const years = yearsOf(query);
  if (years.length === 0 || chunks.length === 0) return ranked;
  const dated = new Set(chunks.filter((c) => years.some((y) => c.document.date?.startsWith(y))).map((c) => c.id));
  if (dated.size === 0) return ranked;
  return ranked
    .map((r) => (dated.has(r.id) ? { ...r, score: r.score * (1 + DATE_WEIGHT) } : r))
    .sort((a, b) => b.score - a.score);
}
