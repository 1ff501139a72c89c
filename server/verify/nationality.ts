/** Whether a claim gives a name the nationality or place its sources give. */
import { escapeRegExp } from "../core/text.ts";
import { fold } from "../retrieval/french.ts";
import { namesAt } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { ADJECTIVE_PLACES } from "./words.ts";

/** Whether two adjectives of nationality (`place-adjectives.txt`) name a place in common. */
const samePlace = (a: string, b: string) =>
  (ADJECTIVE_PLACES.get(a) ?? []).some((p) => (ADJECTIVE_PLACES.get(b) ?? []).includes(p));

/** The adjective of nationality right before a name (« l'allemand ASML », « le néerlandais ASML »), folded, or null. */
function nationalityBefore(text: string, at: number): string | null {
  const m = /(?<!\p{L})(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, at - 40), at));
  const before = m ? fold(m[1]!) : "";
  return ADJECTIVE_PLACES.has(before) ? before : null;
}

/**
 * A nationality given to a name of the passages where they give it another one (« mené par l'allemand ASML » where the
 * passage says « mené par le néerlandais ASML »): the adjective right before the name, and the passages write the name
 * after adjectives of other places only.
 */
export function nationalitySwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const texts = pool.flatMap((src) => src.sentences.map((ss) => withoutReferences(ss.text)));
  for (const n of namesAt(stated)) {
    const mine = nationalityBefore(stated, n.at);
    if (!mine) continue;
    const theirs = texts.flatMap((t) =>
      [...t.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n.name)}(?![\\p{L}\\p{N}])`, "gu"))].flatMap((m) => {
        const a = nationalityBefore(t, m.index!);
        return a ? [a] : [];
      }),
    );
    if (theirs.length > 0 && !theirs.some((a) => samePlace(a, mine)))
      return { name: stated.slice(0, n.at).match(/(\p{L}+)\s*$/u)?.[1] ?? mine, other: theirs[0]! };
  }
  return null;
}
