/**
 * An uncited sentence generalising to a whole category (« La plupart des administrations françaises ont depuis suivi
 * cet exemple »): a claim about many others that no passage is said to carry, never « vérifié ». A sentence addressed
 * to the reader or said for the author (« Nous vous proposons de recenser tous les logiciels ») is a proposal, left to
 * the other checks. Words: `server/i18n/fr/sweeping.txt`.
 */
import { fold } from "../core/text.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";

const LISTS = wordListSections("sweeping.txt");
const alternation = (section: string) => sectionAlternation(LISTS, section, fold);
const SWEEPING = new RegExp(
  `^(?:(?:${alternation("liaisons")})\\s*,?\\s*)?(${alternation("quantificateurs")})(?![\\p{L}\\p{N}])`,
  "iu",
);
const ADDRESS = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation("adresse")})(?![\\p{L}\\p{N}])`, "iu");

/** The generalising words an uncited sentence opens with (« la plupart des »), as written; or null. */
export function sweepingUncited(sentence: string): string | null {
  const bare = sentence
    .replace(/\*\*|__/g, "")
    .replace(/^\s*(?:[-*•]|\d+[.)])\s+/u, "")
    .trim();
  const folded = fold(bare);
  if (/\?\s*$/u.test(bare) || ADDRESS.test(folded)) return null;
  const m = SWEEPING.exec(folded);
  if (!m) return null;
  const at = m.index + m[0].length - m[1]!.length;
  return bare.slice(at, at + m[1]!.length);
}
