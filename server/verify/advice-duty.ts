/**
 * Advice or a possibility of the cited passage restated as a duty (trial13 A4): « Elle doit tenir à jour l'inventaire
 * de son parc » where the passage lists « Tenir à jour l'inventaire du parc » under « Ce qu'une collectivité peut faire
 * dès maintenant ». The words are data (`server/i18n/fr/advice-duty.txt`); `server/verify/index.ts` turns what is
 * found into a reason.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { NEGATION, short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, words } from "./words.ts";

const LISTS = wordListSections("advice-duty.txt");
const alternation = (key: string, whole: boolean) =>
  (LISTS.get(key) ?? [])
    .map((l) => foldApostrophes(l).toLowerCase())
    .sort((a, b) => b.length - a.length)
    .map((l) => escapeRegExp(l).replace(/'/g, "['’]").replace(/\s+/g, "\\s+") + (whole ? "(?!\\p{L})" : ""))
    .join("|");
const DUTY = new RegExp(`(?<!\\p{L})(?:${alternation("obligation", true)})`, "iu");
const PASSAGE_DUTY = new RegExp(`(?<!\\p{L})(?:${alternation("obligation du passage", false)})`, "iu");
const ADVICE = new RegExp(`(?<!\\p{L})(?:${alternation("conseil", true)})`, "iu");

/** Least share of the sentence's content words a cited sentence must hold to be what it restates. */
export const ADVICE_MIN_SHARE = 0.5;
/** … and least number of them. */
export const ADVICE_MIN_SHARED = 2;

/**
 * A sentence stating a duty (« doit ») whose content words a cited sentence holds (at least half, at least two), where
 * that sentence, its heading or the line opening its list says a possibility or advice (« peut faire ») and no cited
 * sentence holding them says a duty: the passage's words that say it (heading or sentence), or null.
 */
export function adviceAsDuty(stated: string, pool: Source[]): string | null {
  const text = foldApostrophes(withoutReferences(stated));
  const duty = DUTY.exec(text);
  if (!duty || NEGATION.test(text)) return null;
  const dutyWords = new Set(words(duty[0]));
  const content = [...new Set(contentWords(text))].filter((w) => !dutyWords.has(w));
  if (content.length < ADVICE_MIN_SHARED) return null;
  const need = Math.max(ADVICE_MIN_SHARED, Math.ceil(content.length * ADVICE_MIN_SHARE));
  const carrying = pool.flatMap((src) =>
    src.sentences.filter((ss) => {
      if (ss.inHeading) return false;
      const bag = bagOf(ss.text);
      return content.filter((w) => inBag(w, bag)).length >= need;
    }),
  );
  if (carrying.length === 0) return null;
  if (carrying.some((ss) => PASSAGE_DUTY.test(foldApostrophes(`${ss.leadIn} ${ss.text}`)))) return null;
  for (const ss of carrying) {
    // A heading is « title — section »: the part that says it.
    for (const said of [ss.text, ss.leadIn, ...ss.heading.split(" — ")])
      if (said && ADVICE.test(foldApostrophes(said))) return short(said.replace(/\s+/g, " ").trim());
  }
  return null;
}
