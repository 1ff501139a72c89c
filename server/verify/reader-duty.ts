/**
 * A duty put on the reader or their things that no cited passage states (trial18 F1): « Vos 18 postes doivent être
 * remplacés par des ordinateurs neufs [1] » where [1] is the Windows 10 card, which only advises « une migration vers
 * Linux plutôt qu'un renouvellement du matériel ». Without « donc » such a sentence is no conclusion
 * (`inference.ts`), and its words are the passage's: what it adds is the duty. A general test on the passages, not a
 * list of wordings: some cited sentence must state a duty (any word of one) about what the sentence speaks of (two of
 * its content words). Words are data (`server/i18n/fr/reader-duty.txt`); `server/verify/index.ts` turns what it finds
 * into a reason.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { NEGATION } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, phrasePattern } from "./words.ts";

const SECTIONS = wordListSections("reader-duty.txt");
const whole = (entries: string[]) => new RegExp(`${phrasePattern(entries).source}(?!\\p{L})`, "giu");
const READER = whole(SECTIONS.get("lecteur") ?? []);
const DUTY = whole(SECTIONS.get("obligation") ?? []);
const GIVEN = phrasePattern(SECTIONS.get("passage") ?? []);

/** Least content words a cited sentence stating a duty must share with the sentence to state the same one. */
export const READER_DUTY_MIN_SHARED = 2;

/**
 * The duty word (as written) of a sentence addressed to the reader (« vos », « votre », « vous ») that states a duty
 * and negates nothing, when no cited sentence (headings aside) states a duty with two of its other content words; else
 * null.
 */
export function readerDuty(stated: string, pool: Source[]): string | null {
  const folded = fold(stated);
  if (folded.length !== stated.length || NEGATION.test(stated)) return null;
  const duty = new RegExp(DUTY.source, "iu").exec(folded);
  if (!duty || !new RegExp(READER.source, "iu").test(folded)) return null;
  const rest = folded.replace(DUTY, " ").replace(READER, " ");
  const mine = [...new Set(contentWords(rest))];
  const need = Math.min(READER_DUTY_MIN_SHARED, mine.length);
  const stating = pool.some((src) =>
    src.sentences.some((ss) => {
      if (ss.inHeading || !GIVEN.test(fold(ss.text))) return false;
      const bag = bagOf(ss.text);
      return mine.filter((w) => inBag(w, bag)).length >= need;
    }),
  );
  return stating ? null : stated.slice(duty.index, duty.index + duty[0].length);
}
