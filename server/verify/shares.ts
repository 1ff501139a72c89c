/**
 * Two computations on shares a sentence says it makes (`[calcul]` of `server/i18n/fr/computed.txt`: « donc », « cela
 * fait »…), where `computed.ts` recomputes only counts (faithful-blind-21, where 8 of 16 right computations were
 * flagged in chat):
 * - a gap in points between two percentages (`[points]` after the number): « Le plafond du DSA est donc inférieur de 4
 *   points à celui du DMA » for a passage giving 10 % and 6 %;
 * - a percentage a passage writes as one in N (`[un sur]`): « Cela fait environ 25 % des communes » for « à peu près une
 *   commune sur quatre ».
 * Within rounding: exact to 0.1 point, or 5 % of the figure after a rounding word (« environ »).
 * - the complement of a percentage of the same thing (`complementShare`): « Moins d'un cinquième des technologies …
 *   seraient donc européennes » for « plus de 80 % des technologies … viennent de fournisseurs non européens »
 *   (faithful-blind-22).
 */
import { NUMBER_WORDS } from "../core/number-words.ts";
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { FRACTION_TOLERANCE, fractionFigures, roundingWordBefore } from "./figure-match.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { bagOf, sameThing, words } from "./words.ts";

/** `computed.txt`'s sections, and one as a regular-expression alternation, longest first (read by `computed.ts` too). */
export const COMPUTED_LISTS = wordListSections("computed.txt");
export const alternation = (section: string) =>
  [...(COMPUTED_LISTS.get(section) ?? [])]
    .sort((a, b) => b.length - a.length)
    .map((e) => escapeRegExp(fold(e)).replace(/\s+/g, "\\s+").replace(/'/g, "['’]"))
    .join("|");
const SAID_COMPUTED = new RegExp(`(?<!\\p{L})(?:${alternation("calcul")})(?!\\p{L})`, "u");
const POINTS_AFTER = new RegExp(`^\\s+(?:${alternation("points")})(?!\\p{L})`, "u");
/** « une commune sur quatre », « un poste sur 10 »: the count after the tie word. */
const ONE_IN = new RegExp(
  `(?<!\\p{L})(?:un|une)\\s+(?:[\\p{L}'’-]+\\s+){1,3}(?:${alternation("un sur")})\\s+(\\d+|\\p{L}+)(?![\\p{L}\\d])`,
  "gu",
);
const TOLERANCE = 0.05;

/** Whether a value is the figure's, to its rounding. */
const closeTo = (stated: string, f: Figure) => {
  const rounded = roundingWordBefore(stated, f.raw) !== null;
  return (v: number) => (rounded ? Math.abs(v - f.value) <= TOLERANCE * f.value : Math.abs(v - f.value) < 0.1);
};

/** « inférieur de 4 points »: a number the sentence says it computes, the gap between two percentages of `texts`. */
export function pointsGap(stated: string, f: Figure, at: number, texts: string[]): boolean {
  if (f.kind !== "number" || f.value <= 0) return false;
  const folded = fold(stated);
  if (!SAID_COMPUTED.test(folded) || !POINTS_AFTER.test(fold(stated.slice(at + f.raw.length)))) return false;
  const shares = [
    ...new Set(
      texts
        .flatMap((t) => extractFigures(t))
        .filter((x) => x.kind === "percent")
        .map((x) => x.value),
    ),
  ];
  const close = closeTo(stated, f);
  return shares.some((a) => shares.some((b) => a > b && close(a - b)));
}

/** « environ 25 % des communes » where `texts` write « une commune sur quatre ». */
export function oneInShare(stated: string, f: Figure, texts: string[]): boolean {
  if (f.kind !== "percent" || f.value <= 0 || f.value >= 100 || !SAID_COMPUTED.test(fold(stated))) return false;
  const close = closeTo(stated, f);
  return texts.some((t) =>
    [...fold(t).matchAll(ONE_IN)].some((m) => {
      const n = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!];
      return n !== undefined && n > 1 && close(100 / n);
    }),
  );
}

/** What a share is of, right after it (« des technologies », « du parc »): its first word, folded. */
const shareNoun = (text: string, at: number) =>
  words(/^\s*(?:de|des|du|d['’])\s*([\p{L}-]{3,})/iu.exec(text.slice(at))?.[1] ?? "")[0];

/**
 * « Moins d'un cinquième des technologies … seraient donc européennes » where a passage writes « plus de 80 % des
 * technologies … viennent de fournisseurs non européens »: a percentage the sentence says it computes (`[calcul]`) that
 * is 100 less a percentage of `texts` of the same thing (the word after both), the bound turned round (« plus de » in the
 * passage, « moins de » in the sentence, at or above the complement, within 10 points; the other way round for « plus
 * de »); unbounded, within 0.5 point (2 after a rounding word, a share in words within `FRACTION_TOLERANCE`).
 */
export function complementShare(stated: string, f: Figure, texts: string[]): boolean {
  if (f.kind !== "percent" || f.value <= 0 || f.value >= 100 || !SAID_COMPUTED.test(fold(stated))) return false;
  const noun = shareNoun(stated, stated.indexOf(f.raw) + f.raw.length);
  if (!noun) return false;
  const word = roundingWordBefore(stated, f.raw);
  const below = word !== null && /moins de/.test(word);
  const above = word !== null && /plus de|au moins/.test(word);
  const tolerance = !/\d/.test(f.raw) ? (word !== null ? 2 : 1) * FRACTION_TOLERANCE : word !== null ? 2 : 0.5;
  return texts.some((t) =>
    [...extractFigures(t), ...fractionFigures(t)].some((p) => {
      if (p.kind !== "percent" || p.value <= 0 || p.value >= 100 || p.raw === f.raw) return false;
      const at = t.indexOf(p.raw);
      const theirs = shareNoun(t, at + p.raw.length);
      if (!theirs || !sameThing(noun, bagOf(theirs))) return false;
      const complement = 100 - p.value;
      const bound = roundingWordBefore(t, p.raw);
      if (below)
        return bound !== null && /plus de|au moins/.test(bound) && complement <= f.value && f.value - complement <= 10;
      if (above) return bound !== null && /moins de/.test(bound) && complement >= f.value && complement - f.value <= 10;
      return (
        (bound === null || !/plus de|moins de|au moins/.test(bound)) && Math.abs(complement - f.value) <= tolerance
      );
    }),
  );
}
