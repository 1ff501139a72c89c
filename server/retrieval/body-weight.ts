/**
 * The passage's own words weigh in the ranking. The full-text index scores a passage by the best of its own text
 * and its document's title and keywords: every passage of « Le CLOUD Act et la section 702 du FISA » gets the same
 * score for a question on the CLOUD Act, and the first two in the page were kept whatever they said. This breaks
 * such ties by the share of the question's words (and their synonyms) that the passage itself holds: « la question
 * n'est pas où sont stockées ses données » for « Les serveurs de Microsoft sont en France : sommes-nous protégés du
 * CLOUD Act ? ». Scores are multiplied, so it works on BM25 and fused ranks alike.
 */
import { stem, words } from "./french.ts";
import { questionStems } from "./headings.ts";

/** Score factor for a passage holding all the question's words (proportionally less for fewer). */
export const BODY_WEIGHT = 0.25;

/**
 * Stems of a passage's heading and text, by passage object: the store hands out the same object for a passage until
 * the index changes, so each passage is stemmed once, not at every search (it was a quarter of a search's CPU).
 */
const bodyStems = new WeakMap<object, Set<string>>();

export function passageStems(c: { section: string; text: string }): Set<string> {
  let own = bodyStems.get(c);
  if (!own) {
    own = new Set(words(`${c.section} ${c.text}`).map(stem));
    bodyStems.set(c, own);
  }
  return own;
}

/** `ranked` scores adjusted by the share of the question's words each passage's heading and text hold, re-sorted. */
export function weighBody<R extends { id: string; score: number }>(
  query: string,
  chunks: { id: string; section: string; text: string }[],
  ranked: R[],
): R[] {
  const stems = questionStems(query);
  if (stems.length === 0 || chunks.length === 0) return ranked;
  const share = new Map(
    chunks.map((c) => {
      const own = passageStems(c);
      return [c.id, stems.filter((list) => list.some((s) => own.has(s))).length / stems.length];
    }),
  );
  return ranked
    .map((r) => (share.has(r.id) ? { ...r, score: r.score * (1 + BODY_WEIGHT * share.get(r.id)!) } : r))
    .sort((a, b) => b.score - a.score);
}
