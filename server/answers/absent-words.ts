/**
 * The words an abstention names as never used by the corpus (trial7, B4): the word that made the decision, as the
 * user wrote it. Not another form of a word the corpus uses (« donnera » when it writes « donner », beside the year
 * « 2031 » that decided), and not one word of a place's name (« Monts » of « Saint-Jean-de-Monts »): the whole name.
 */
import { stem } from "../retrieval/french.ts";
import type { Vocabulary } from "./vocabulary.ts";

/** The stems of the corpus' words, by vocabulary (built once per vocabulary). */
const stemsByVocabulary = new WeakMap<Vocabulary, Set<string>>();

function usedStems(vocabulary: Vocabulary): Set<string> {
  let stems = stemsByVocabulary.get(vocabulary);
  if (!stems) {
    stems = new Set([...vocabulary.words.keys()].map(stem));
    stemsByVocabulary.set(vocabulary, stems);
  }
  return stems;
}

/**
 * Whether the corpus uses a folded word in some form: as written, in the singular or plural, or with another ending
 * of the same stem (« donnera » for « donner », « distribuera » for « distribue »): then it is not a word the corpus
 * lacks, only a form it happens not to write.
 */
export function usesSomeForm(word: string, vocabulary: Vocabulary): boolean {
  if ([word, `${word}s`, `${word}x`, word.replace(/[sx]$/, "")].some((f) => vocabulary.words.has(f))) return true;
  return usedStems(vocabulary).has(stem(word));
}

/**
 * What an abstention names among the words the corpus never uses: a word that belongs to a missing name (« monts » of
 * « saint jean monts ») as that whole name; the others as they are, each once.
 */
export function absentNamed(missing: string[], never: string[]): string[] {
  const named = never.map((w) => missing.find((m) => m !== w && m.split(/[\s-]+/).includes(w)) ?? w);
  return [...new Set(named)];
}
