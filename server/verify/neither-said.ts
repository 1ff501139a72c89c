/**
 * « ni X ni Y ne peut être dit » (a progress note's fact: « Rien n'était prévu au 30 septembre 2027 : ni avance ni retard
 * ne peut être dit »): a sentence that affirms X or Y (« Le plan est donc en avance sur son calendrier ») says what its
 * passage says cannot be said (faithful-blind-18). The verb of saying is data (`server/i18n/fr/neither-said.txt`); the
 * subject form « ne V ni X ni Y » is `contrast.ts`'s `neitherNor`.
 */
import { fold } from "../core/text.ts";
import { wordListEntries } from "../i18n/word-lists.ts";
import { NEGATION } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

const SAID = wordListEntries("neither-said.txt").map((w) => fold(w));
/** « ni X ni Y ne … dit » (the negation and its verb within a few words). */
const NEITHER_SAID = new RegExp(
  `(?<!\\p{L})ni\\s+([^,;:.]+?)\\s+ni\\s+([^,;:.]+?)\\s+(?:ne|n['’])\\s*(?:\\S+\\s+){0,3}?(?:${SAID.join("|")})(?!\\p{L})`,
  "gu",
);

/** A sentence that does not affirm either (« Rien ne permet de dire si le plan est en avance »). */
const UNSAID = /(?<!\p{L})(?:n['’]|(?:ne|rien|aucune?|impossible|si)(?!\p{L}))/iu;

/** The passage's words that say X or Y cannot be said, when the sentence affirms one of them; or null. */
export function neitherSaid(stated: string, pool: Source[]): string | null {
  if (NEGATION.test(stated) || UNSAID.test(stated)) return null;
  const mine = bagOf(stated);
  for (const src of pool)
    for (const ss of src.sentences) {
      const text = withoutReferences(ss.text);
      const folded = fold(text);
      for (const m of folded.matchAll(NEITHER_SAID))
        for (const item of [m[1]!, m[2]!]) {
          const things = contentWords(item);
          if (things.length === 0 || !things.every((w) => inBag(w, mine))) continue;
          // As the passage writes it (its accents), when folding kept its length.
          return folded.length === text.length ? text.slice(m.index, m.index! + m[0].length) : m[0];
        }
    }
  return null;
}
