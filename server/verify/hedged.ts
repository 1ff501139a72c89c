/**
 * A frequency the cited passage limits, made absolute (faithful-blind-8): « Ses clés de récupération sont toujours
 * sauvegardées dans Entra ID » where the passage says « souvent sauvegardées ». Words are data
 * (`server/i18n/fr/hedges.txt`); `server/verify/index.ts` turns what it finds into a reason.
 */
import { escapeRegExp } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { NEGATION, polarityClauses, short } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

const SECTIONS = wordListSections("hedges.txt");

const pattern = (section: string) =>
  new RegExp(
    `(?<!\\p{L})(?:${(SECTIONS.get(section) ?? [])
      .sort((a, b) => b.length - a.length)
      .map((w) => escapeRegExp(w).replace(/\s+/g, "\\s+").replace(/['’]/g, "['’]\\s*"))
      .join("|")})(?!\\p{L})`,
    "iu",
  );

const HEDGE = pattern("hedge");
const ABSOLUTE = pattern("absolute");
const CONTINUED = pattern("continued");

/** Share of the sentence's other content words (at least two) the hedged clause must write. */
export const HEDGED_MIN_SHARE = 0.5;
export const HEDGED_MIN_SHARED = 2;

/**
 * The absolute word of a sentence that neither hedges nor negates, the cited clauses, and those holding most of its
 * other words; null when it has none (what `hedgeDropped` and `absoluteUnheld` read first).
 */
function absoluteRead(stated: string, pool: Source[]): { absolute: string; clauses: string[]; close: string[] } | null {
  const absolute = ABSOLUTE.exec(stated)?.[0];
  if (!absolute || HEDGE.test(stated) || NEGATION.test(stated)) return null;
  const content = [...new Set(contentWords(stated.replace(ABSOLUTE, " ")))];
  const need = Math.max(HEDGED_MIN_SHARED, Math.ceil(content.length * HEDGED_MIN_SHARE));
  const clauses = pool.flatMap((src) =>
    src.sentences.filter((ss) => !ss.inHeading).flatMap((ss) => polarityClauses(ss.text)),
  );
  const close = clauses.filter((c) => {
    const bag = bagOf(c);
    return content.filter((w) => inBag(w, bag)).length >= need;
  });
  return { absolute, clauses, close };
}

/**
 * The cited clause that limits a frequency (« souvent ») the sentence makes absolute (« toujours »), with most of the
 * sentence's other words (half, at least two), the sentence hedging nothing, negating nothing (« pas toujours ») and
 * no cited clause with those words saying it absolutely: the two words and a short quote, or null.
 */
export function hedgeDropped(
  stated: string,
  pool: Source[],
): { hedge: string; absolute: string; quote: string } | null {
  const read = absoluteRead(stated, pool);
  if (!read) return null;
  const { absolute, close } = read;
  if (close.some((c) => ABSOLUTE.test(c))) return null;
  const hedged = close.find((c) => HEDGE.test(c));
  return hedged ? { hedge: HEDGE.exec(hedged)![0], absolute, quote: short(hedged) } : null;
}

/**
 * The absolute word of a sentence (« toujours », « systématiquement ») that no cited clause holding most of its other
 * words says as absolutely (an absolute word, or one saying it goes on: « reste », « encore »), nor any cited clause
 * when none holds them (trial18 F1: « Le logiciel libre est toujours moins cher que les logiciels propriétaires »
 * citing the evaluation grid): the word, or null. A sentence that hedges or negates (« pas toujours ») is left alone;
 * a limiting word in the passage (« souvent ») is `hedgeDropped`'s, said more precisely.
 */
export function absoluteUnheld(stated: string, pool: Source[]): string | null {
  const read = absoluteRead(stated, pool);
  if (!read) return null;
  const { absolute, clauses, close } = read;
  return (close.length > 0 ? close : clauses).some((c) => ABSOLUTE.test(c) || CONTINUED.test(c)) ? null : absolute;
}
