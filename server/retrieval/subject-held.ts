/**
 * Whether a word the corpus uses only in passing is, in a passage read, used in the question's own sense (held-out-29,
 * round 26): the off-domain rule (`domain.ts`) reads such a word as the topic of a question on the life of the commune,
 * which the passages hold in their own, digital, sense; a passage whose heading holds the question's subject speaks of
 * that subject, and the rare word it writes is the question's.
 */
import type { CorpusFrequency } from "./corpus-names.ts";
import { FRAME, isGeneric, isLight, type QuestionTerm, STOPWORDS } from "./lexicon.ts";
import { holds, type passageWords } from "./passage-words.ts";

/** A word the corpus uses in more passages than this is one of its subjects (`PASSING` of `domain.ts`). */
const SUBJECT_HITS = 12;

type Words = ReturnType<typeof passageWords>;

/**
 * Whether a passage read holds `rare` and its heading (document title and section) holds a name of the question the
 * corpus uses often, typed with its capital or not (`isName`: the corpus writes it only as a name): « qui a mené le tour
 * de table de mistral en septembre 2025 » and « Mistral AI : un partenaire français, des capitaux … », whose text
 * writes « tour de table ». Not a plain word (« notre demande de subvention » under a heading on a « demande » of
 * another kind), a date, the domain's general names (« Microsoft »), nor the asker's context.
 */
export async function heldUnderSubject(
  rare: QuestionTerm,
  terms: QuestionTerm[],
  passages: Words[],
  headings: Words[],
  frequency: CorpusFrequency,
  isName: (word: string) => Promise<boolean>,
): Promise<boolean> {
  const subjects: QuestionTerm[] = [];
  for (const t of terms) {
    if (t === rare || t.date || t.verb || t.user || t.context) continue;
    if (isGeneric(t) || isLight(t) || FRAME.has(t.word)) continue;
    if (!t.name && !t.alias && !(/^[a-z0-9]+$/.test(t.word) && (await isName(t.word)))) continue;
    const parts = t.word.split(" ").filter((w) => !STOPWORDS.has(w));
    if (!parts.length) continue;
    const hits = Math.min(...(await Promise.all(parts.map((w) => frequency(w)))));
    if (hits > SUBJECT_HITS) subjects.push(t);
  }
  return passages.some((p, i) => holds(rare, p) && subjects.some((s) => holds(s, headings[i]!)));
}
