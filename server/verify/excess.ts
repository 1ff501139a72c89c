/**
 * A verdict of excess (« Votre commune est trop petite pour sortir de Microsoft », trial25 T-H1): a quality said to make
 * something impossible. Its words may all be in the cited passage (« commune », « sortir », « Microsoft ») while no
 * cited sentence says the excess. The form « trop ADJ pour » (`server/i18n/fr/excess.txt`) is held to a cited sentence
 * writing the excess word with a word of the quality's family; `server/verify/index.ts` turns it into a reason.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";

const LISTS = wordListSections("excess.txt");
const alt = (section: string) =>
  [...(LISTS.get(section) ?? [])]
    .map((e) => fold(e).replace(/\s+/g, "\\s+"))
    .sort((a, b) => b.length - a.length)
    .join("|");
const EXCESS = new RegExp(
  `(?<!(?:${alt("négations")})\\s+)(?<!\\p{L})(?:${alt("excès")})\\s+(\\p{L}+)\\s+(?:${alt("but")})(?!\\p{L})`,
  "gu",
);
const NOT_QUALITIES = new Set((LISTS.get("pas une qualité") ?? []).map((w) => fold(w)));
/** The excess word and the words after it, in a cited sentence (« trop compliquée », « trop grande part »). */
const SAID = new RegExp(`(?<!\\p{L})(?:${alt("excès")})((?:\\s+\\p{L}+){1,3})`, "gu");

/** « trop petite » when no cited sentence writes the excess of that quality; or null. */
export function excessUnsaid(stated: string, pool: Source[]): string | null {
  const text = fold(withoutReferences(stated));
  for (const m of text.matchAll(EXCESS)) {
    if (NOT_QUALITIES.has(m[1]!)) continue;
    const quality = stem(m[1]!);
    const said = pool.some((src) =>
      src.sentences.some((ss) =>
        [...fold(ss.text).matchAll(SAID)].some((x) =>
          x[1]!
            .trim()
            .split(/\s+/)
            .some((w) => stem(w) === quality),
        ),
      ),
    );
    if (!said)
      return withoutReferences(stated)
        .slice(m.index!, m.index! + m[0].length - m[0].split(/\s+/).at(-1)!.length)
        .trim();
  }
  return null;
}
