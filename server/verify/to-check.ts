/**
 * A point a cited passage gives to check, stated as fact (faithful-blind-9): « Son offre gratuite garantit
 * l'effacement des documents » where the card says « vérifier l'offre (Entreprise) pour l'effacement des documents
 * traduits ». The words that give a point to check are data (`server/i18n/fr/to-check.txt`); `server/verify/index.ts`
 * turns what it finds into a reason.
 */
import { wordAlternation, wordListSections } from "../i18n/word-lists.ts";
import { fold } from "../retrieval/french.ts";
import { short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, words } from "./words.ts";

const SECTIONS = wordListSections("to-check.txt");
/** A clause opening on a point to check (« vérifier l'offre … », « à confirmer »). */
const OPENING = new RegExp(`^(?:${wordAlternation(SECTIONS.get("openings") ?? [])})(?!\\p{L})`, "iu");
/** Folded starts of the words by which a sentence says a check itself (« vérifier », « confirmé »). */
const SAYS_CHECK = (SECTIONS.get("sentence") ?? []).map((w) => fold(w));
const marked = (list: string[]) => list.some((w) => SAYS_CHECK.some((m) => w.startsWith(m)));

/** Least content words a sentence must share with the clause given to check, and their least share of it. */
export const TO_CHECK_MIN_SHARED = 2;
export const TO_CHECK_MIN_SHARE = 0.5;

/**
 * A sentence saying nothing of a check that carries most of a cited clause given to check (« vérifier l'offre pour
 * l'effacement des documents »): the clause, or null.
 */
export function toCheckAsFact(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated);
  if (marked(words(text))) return null;
  const mine = bagOf(text);
  for (const src of pool)
    for (const ss of src.sentences.filter((x) => !x.inHeading))
      for (const clause of ss.text.split(/\s*[;.]\s+|\s*:\s+/u)) {
        if (!OPENING.test(clause.trim())) continue;
        const theirs = [...new Set(contentWords(clause))].filter((w) => !marked([w]));
        const shared = theirs.filter((w) => inBag(w, mine));
        if (shared.length >= TO_CHECK_MIN_SHARED && shared.length >= TO_CHECK_MIN_SHARE * theirs.length)
          return short(clause);
      }
  return null;
}
