/**
 * The qualifier the passages read give a noun (« souveraineté » → « numérique »): a question that qualifies the same
 * noun with a word the corpus never uses (« la souveraineté alimentaire ») asks about another thing, which the
 * passages holding the noun in their own sense do not answer.
 */
import { fold } from "../core/text.ts";

/** Occurrences of a noun the passages read must hold for its most frequent next word to be its usual qualifier. */
const MIN_OCCURRENCES = 3;

/**
 * The word that follows a folded noun in at least half of its occurrences in the texts (at least `MIN_OCCURRENCES`),
 * when it is a word of its own (not a function word, `stopwords`): the sense in which the texts use the noun.
 */
export function usualQualifier(texts: string[], noun: string, stopwords: Set<string>): string | undefined {
  const next = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    const list = fold(text)
      .split(/[^a-z0-9-]+/)
      .filter(Boolean);
    list.forEach((w, k) => {
      if (w !== noun) return;
      total++;
      const after = list[k + 1];
      if (after && !stopwords.has(after)) next.set(after, (next.get(after) ?? 0) + 1);
    });
  }
  const [word, n] = [...next].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  return total >= MIN_OCCURRENCES && n * 2 >= total ? word : undefined;
}
