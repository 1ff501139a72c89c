/**
 * A place given another département or région than the cited passages give it (« Saint-Herblain, commune de la
 * Loire » where a passage writes « Saint-Herblain (Loire-Atlantique) »): the shorter division is found among the
 * passage's words (« Loire » in « Loire-Atlantique »), so the name check alone cannot see it. Divisions:
 * `server/i18n/fr/french-divisions.txt`; what opens one after a place: `server/i18n/fr/division-openers.txt`.
 */
import { escapeRegExp } from "../core/text.ts";
import type { Source } from "./source-sentences.ts";
import { inBag, wordLines, words } from "./words.ts";

const DIVISIONS = wordLines("french-divisions.txt")
  .sort((a, b) => b.length - a.length)
  .map((d) => escapeRegExp(d).replace(/\s+/g, "\\s+"))
  .join("|");
const OPENERS = wordLines("division-openers.txt")
  .sort((a, b) => b.length - a.length)
  .map((o) => escapeRegExp(o).replace(/\s+/g, "\\s+"))
  .join("|");

/**
 * A place, then its division: in an aside between brackets (« Saint-Herblain (Loire-Atlantique) »), or after a comma
 * and an opener with its article (« Saint-Herblain, commune de la Loire », « Boé, dans le Lot »). The division must
 * end there (« Loire » is not « Loire-Atlantique »).
 */
const PLACED = new RegExp(
  `(\\p{Lu}[\\p{L}'’-]*)\\s*(?:\\(\\s*|,\\s*(?:${OPENERS})\\s+(?:(?:du|des|de\\s+la|de\\s+l['’]|de|le|la|les|l['’])\\s*)?)(${DIVISIONS})(?![\\p{L}\\p{N}-])`,
  "giu",
);

const folded = (s: string) => words(s).join(" ");

/** Each place a text puts in a division, folded: place → divisions. */
function placed(text: string): { place: string; division: string; written: string }[] {
  return [...text.matchAll(PLACED)].map((m) => ({ place: folded(m[1]!), division: folded(m[2]!), written: m[2]! }));
}

/**
 * The first place of the claim put in a division where a cited passage sentence (or its heading) naming the same
 * place puts it in another one and none in the claim's: the place, the claim's division and the passage's, as
 * written; or null.
 */
export function divisionReplaced(
  claim: string,
  pool: Source[],
): { name: string; division: string; other: string } | null {
  for (const c of placed(claim)) {
    const theirs = pool.flatMap((s) =>
      s.sentences
        .filter((ss) => inBag(c.place, ss.own))
        .flatMap((ss) => placed(`${ss.heading}\n${ss.text}`).filter((p) => p.place === c.place)),
    );
    if (theirs.length === 0 || theirs.some((p) => p.division === c.division)) continue;
    return { name: nameAsWritten(claim, c.place) ?? c.place, division: c.written, other: theirs[0]!.written };
  }
  return null;
}

/** The place as the claim writes it (its capitals and accents). */
const nameAsWritten = (claim: string, place: string) =>
  claim.match(/\p{Lu}[\p{L}'’-]*/gu)?.find((n) => folded(n) === place) ?? null;
