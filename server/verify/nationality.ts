/** Whether a claim gives a name the nationality or place its sources give. */
import { escapeRegExp } from "../core/text.ts";
import { namesWithEnds } from "./proper-nouns.ts";
import { ADJECTIVE_PLACES, words } from "./words.ts";

/** Places that contain others (« européen » says nothing against « allemand »). */
const WIDE_PLACES = new Set(["europe", "union europeenne", "amerique"]);

/** The places an adjective of nationality names (`adjectives-of-places.txt`), wide ones left out. */
const placesOf = (adjective: string) => (ADJECTIVE_PLACES.get(adjective) ?? []).filter((p) => !WIDE_PLACES.has(p));

interface Adjective {
  folded: string;
  written: string;
}

/** A written word as an adjective: folded, and as written without its elision (« l'américain » → « américain »). */
const adjective = (w: string): Adjective => {
  const bare = w.replace(/^.*['’]/u, "");
  return { folded: words(bare).join(" "), written: bare.replace(/[^\p{L}-]+/gu, "") };
};

/**
 * The adjectives of nationality a text gives a name written from `at` to `end`: the word right before it (« l'allemand
 * ASML », « le néerlandais ASML »), and the first within the five words after it, in its clause and before another
 * name and the word right before it (« Proton Mail, un fournisseur suisse »; not « Hirschmann appartient à l'américain
 * Belden »).
 */
function adjectivesOf(text: string, at: number, end: number): Adjective[] {
  const named = (a: Adjective) => placesOf(a.folded).length > 0;
  const before = /(?<!\p{L})(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, at - 40), at));
  const after = text
    .slice(end)
    .split(/[;:.()]|\s[—–]\s|(?<![\p{L}\p{N}])(?:[\p{L}'’-]+\s+)?(?=\p{Lu})/u)[0]!
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map(adjective)
    .find(named);
  return [...(before ? [adjective(before[1]!)].filter(named) : []), ...(after ? [after] : [])];
}

/**
 * A name given another country than the cited passages give it, the adjective before the name or after it (« mené par
 * l'allemand ASML » where the passage says « mené par le néerlandais ASML » ; « Proton Mail, un fournisseur américain »
 * where it says « Proton Mail, un fournisseur suisse »): the claim's adjective names no place that the adjectives the
 * passages write beside the same name name, and they write at least one. Adjectives of a wider place (« européen »)
 * are left out. The name, the claim's adjective and the passages' one, as written; or null.
 */
export function nationalityReplaced(
  claim: string,
  texts: string[],
): { name: string; adjective: string; other: string } | null {
  for (const n of namesWithEnds(claim)) {
    const mine = adjectivesOf(claim, n.at, n.end);
    if (mine.length === 0) continue;
    const written = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n.name)}(?![\\p{L}\\p{N}])`, "gu");
    const theirs = texts.flatMap((t) =>
      [...t.matchAll(written)].flatMap((m) => adjectivesOf(t, m.index!, m.index! + m[0].length)),
    );
    if (theirs.length === 0) continue;
    const given = new Set(theirs.flatMap((a) => placesOf(a.folded)));
    const own = mine.find((a) => !placesOf(a.folded).some((p) => given.has(p)));
    if (own) return { name: n.name, adjective: own.written, other: theirs[0]!.written };
  }
  return null;
}
