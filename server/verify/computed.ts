/**
 * A figure the sentence computes from figures of the passages, tied to them by its own words (faithful-blind-17,
 * where 6 right computed figures out of 6 were flagged as absent): it is written nowhere, yet invents nothing. Only two
 * narrow forms are recomputed, the words that tie them being data (`server/i18n/fr/computed.txt`):
 * - a share of a count: « environ 30 % des ordinateurs …, soit quelque 180 machines » where a passage gives « environ
 *   600 ordinateurs » (the share's noun beside the count): the number after `[part]` is the share of that count (within
 *   rounding: exact to the unit, or 5 % when either figure is rounded);
 * - a ratio: « multipliée par 4,5 » (`[multiplié]`, `[divisé]`) where the sentence, the one before it or a passage
 *   writes « de 16 à 72 » (within 5 %).
 * - any other count the sentence says it computes (`[calcul]`: « donc », « cela fait », « soit », « au total »;
 *   a difference only after `[écart]`: « l'écart », « il restait ») — a sum, a difference, a product or a quotient of
 *   two counts or amounts of the sentence, the one before it or the passages (within rounding: 1 % exact, 5 % after a
 *   rounding word).
 * Only plain numbers are recomputed: a percentage or an amount stays a figure a passage must give.
 * Anything else (a date plus a duration, a ratio said in words) stays a figure no passage gives.
 */
import { NUMBER_WORDS } from "../core/number-words.ts";
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { FRACTION_TOLERANCE, roundingWordBefore } from "./figure-match.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { bagOf, sameThing, words } from "./words.ts";

const LISTS = wordListSections("computed.txt");
const alternation = (section: string) =>
  [...(LISTS.get(section) ?? [])]
    .sort((a, b) => b.length - a.length)
    .map((e) => escapeRegExp(fold(e)).replace(/\s+/g, "\\s+").replace(/'/g, "['’]"))
    .join("|");
/** `[part]`, then at most a rounding word, right before the figure (folded text ends there). */
const PART_TIE = new RegExp(`(?<!\\p{L})(?:${alternation("part")})\\s+(?:[\\p{L}'’]+\\s+){0,2}$`, "u");
const MULTIPLIED = new RegExp(`(?<!\\p{L})(?:${alternation("multiplié")})\\s+$`, "u");
const DIVIDED = new RegExp(`(?<!\\p{L})(?:${alternation("divisé")})\\s+$`, "u");
/** « de 16 à 72 », « de 60 à 200 installations ». */
const FROM_TO =
  /(?<!\p{L})de\s+(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s+(?:\p{L}+\s+)?à\s+(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d,])/gu;
const SAID_COMPUTED = new RegExp(`(?<!\\p{L})(?:${alternation("calcul")})(?!\\p{L})`, "u");
const SAID_DIFFERENCE = new RegExp(`(?<!\\p{L})(?:${alternation("écart")})(?!\\p{L})`, "u");
const value = (raw: string) => Number(raw.replace(/[ \u00a0\u202f]/g, "").replace(",", "."));

/** Most a recomputed figure may differ from the written one, relatively, when either is rounded. */
export const COMPUTED_TOLERANCE = 0.05;

/** Whether `f`, written at `at` in `stated`, is a share or a ratio of figures of `texts` (and of `before`). */
export function computedFigure(stated: string, f: Figure, at: number, texts: string[], before = ""): boolean {
  const lastLine = before.split(/(?<=[.!?])\s+/).at(-1) ?? "";
  if (f.kind === "amount" && f.value > 0) return perUnit(stated, f, [stated, lastLine, ...texts]);
  if (f.kind === "percent" && f.value > 0)
    return shareComputed(
      stated,
      f,
      [
        stated,
        ...before
          .trim()
          .split(/(?<=[.!?])\s+/)
          .slice(-2),
      ],
      texts,
    );
  if (f.kind !== "number" || f.value <= 0) return false;
  const folded = fold(stated.slice(0, at));
  if (PART_TIE.test(folded)) return shareOf(stated, f, at, texts);
  const multiplied = MULTIPLIED.test(folded);
  if (!multiplied && !DIVIDED.test(folded)) return saidComputed(stated, f, [stated, lastLine, ...texts]);
  return [stated, lastLine, ...texts].some((t) =>
    [...t.matchAll(FROM_TO)].some((m) => {
      const [a, b] = [value(m[1]!), value(m[2]!)];
      if (a <= 0 || b <= 0) return false;
      const ratio = multiplied ? b / a : a / b;
      return Math.abs(ratio - f.value) <= COMPUTED_TOLERANCE * f.value;
    }),
  );
}

/** « 30 % des ordinateurs …, soit quelque 180 machines »: 30 % of a count of ordinateurs a passage gives. */
function shareOf(stated: string, f: Figure, at: number, texts: string[]): boolean {
  const share = extractFigures(stated.slice(0, at))
    .filter((x) => x.kind === "percent")
    .at(-1);
  if (!share) return false;
  const after = stated.slice(stated.lastIndexOf(share.raw) + share.raw.length);
  const noun = words(/^\s*(?:des|de|d['’]|du)\s*([\p{L}-]{3,})/iu.exec(after)?.[1] ?? "")[0];
  if (!noun) return false;
  // What the computed figure counts, when it says it, is what the share is of (« machines » for « ordinateurs »).
  const own = words(/^\s*([\p{L}-]{3,})/u.exec(stated.slice(at + f.raw.length))?.[1] ?? "")[0];
  if (own && own !== noun && !sameThing(own, bagOf(noun))) return false;
  const rounded = roundingWordBefore(stated, f.raw) !== null || roundingWordBefore(stated, share.raw) !== null;
  for (const text of texts)
    for (const base of extractFigures(text).filter((x) => x.kind === "number" && x.value > 0)) {
      const expected = (share.value * base.value) / 100;
      const close = rounded
        ? Math.abs(expected - f.value) <= COMPUTED_TOLERANCE * f.value
        : Math.abs(expected - f.value) < 1;
      if (!close) continue;
      // The count is of the same thing: the share's noun right after it in the passage.
      const at = text.indexOf(base.raw);
      const next = words(text.slice(at + base.raw.length, at + base.raw.length + 40)).slice(0, 2);
      if (next.includes(noun)) return true;
    }
  return false;
}

/**
 * « Cela fait en moyenne 200 postes par site », « Il restait donc près de 9 000 postes »: a count the sentence says it
 * computes (`[calcul]`) that is the sum, product or quotient of two counts or amounts of `texts` (the sentence, the one
 * before it, the passages) — or their difference, when it says a difference (`[écart]`): « Visio a donc perdu 20 000
 * utilisateurs » reads an event into the gap between two sources' counts.
 */
function saidComputed(stated: string, f: Figure, texts: string[]): boolean {
  const difference = SAID_DIFFERENCE.test(fold(stated));
  if (!difference && !SAID_COMPUTED.test(fold(stated))) return false;
  const operands = [
    ...new Set(
      texts
        .flatMap((t) => extractFigures(t))
        .filter((x) => (x.kind === "number" || x.kind === "amount") && x.value > 0 && x.raw !== f.raw)
        .map((x) => x.value),
    ),
  ];
  const close = closeToWritten(stated, f);
  for (let i = 0; i < operands.length; i++)
    for (let j = 0; j < operands.length; j++) {
      if (i === j) continue;
      const [a, b] = [operands[i]!, operands[j]!];
      if ((difference && close(a - b)) || close(a + b) || close(a * b) || close(a / b)) return true;
    }
  return false;
}

/**
 * « Cela fait environ 700 euros par poste » after « 11,7 millions d'euros » and « 16 500 postes », « La dépense moyenne
 * est donc d'au moins 38 millions d'euros par an » for « 152 millions d'euros, pour quatre ans »: an amount the sentence
 * says it computes (`[calcul]`) that is an amount of `texts` divided or multiplied by a count of them (digits or a
 * number word: « quatre », « dizaine »), within rounding — never a sum of amounts, nor an amount from two amounts
 * (faithful-blind-20: 9 right per-unit amounts were flagged).
 */
function perUnit(stated: string, f: Figure, texts: string[]): boolean {
  if (!SAID_COMPUTED.test(fold(stated))) return false;
  const figures = texts.flatMap((t) => extractFigures(t));
  const amounts = [
    ...new Set(figures.filter((x) => x.kind === "amount" && x.value > 0 && x.raw !== f.raw).map((x) => x.value)),
  ];
  const counts = [
    ...new Set([
      ...figures.filter((x) => x.kind === "number" && x.value > 1).map((x) => x.value),
      ...texts.flatMap((t) => (fold(t).match(/\p{L}+/gu) ?? []).map((w) => NUMBER_WORDS[w] ?? 0).filter((v) => v > 1)),
    ]),
  ];
  const close = closeToWritten(stated, f);
  return amounts.some((a) => counts.some((n) => close(a / n) || close(a * n)));
}

/**
 * « LibreOffice équipe donc 70 % des postes » after « sur les 30 postes, 21 sont passés à LibreOffice », « le plan a
 * donc parcouru plus des deux tiers du chemin vers son objectif de 40 % » for a reduction of 27 % (faithful-blind-18 to
 * -20: 9 right shares of progress notes flagged): a share (in digits or in words) the sentence says it computes
 * (`[calcul]`) or bounds (« plus de », « moins de », « près de »), that is the quotient of two counts, or of two
 * percentages, one of them written in the sentence or the two before it (`near`: « Sur ces postes » after a sentence
 * between), the other there or in the passages — or two of one passage.
 * Exact to the unit; 2 points after « environ », « près de »; « plus de X » on or above X, within 10 points (« moins
 * de » below); a share in words within `FRACTION_TOLERANCE`, twice that after « près de » (as `approximates`).
 */
function shareComputed(stated: string, f: Figure, near: string[], texts: string[]): boolean {
  const word = roundingWordBefore(stated, f.raw);
  if (!SAID_COMPUTED.test(fold(stated)) && word === null) return false;
  const operands = (list: string[]) =>
    list
      .flatMap((t) => extractFigures(t))
      .filter((x) => (x.kind === "number" || x.kind === "percent") && x.value > 0 && x.raw !== f.raw);
  const close = operands(near);
  const all = [...close, ...operands(texts)];
  const inWords = !/\d/.test(f.raw);
  const fits = (share: number) => {
    if (word !== null && /plus de|au moins/.test(word)) return share >= f.value && share - f.value <= 10;
    if (word !== null && /moins de/.test(word)) return share <= f.value && f.value - share <= 10;
    // As `approximates` reads a share the passages give: « près des deux tiers » for 62,5 %.
    const tolerance = inWords ? (word !== null ? 2 : 1) * FRACTION_TOLERANCE : word !== null ? 2 : 0.5;
    return Math.abs(share - f.value) <= tolerance;
  };
  const quotient = (from: Figure[], to: Figure[]) =>
    from.some((a) =>
      to.some(
        (b) =>
          a !== b &&
          a.kind === b.kind &&
          a.value !== b.value &&
          fits((100 * Math.min(a.value, b.value)) / Math.max(a.value, b.value)),
      ),
    );
  // Or a part and its whole one passage gives together, a few words apart (« inventaire partiel : 20 postes sur 48 » →
  // « moins de la moitié »): two counts, not any two figures of a passage.
  const together = (t: string) => {
    const counts = operands([t])
      .filter((x) => x.kind === "number")
      .map((x) => ({ x, at: t.indexOf(x.raw) }));
    return counts.flatMap(({ x, at }) =>
      counts.filter((o) => o.x !== x && Math.abs(o.at - at) <= TOGETHER).map((o) => [x, o.x] as const),
    );
  };
  return quotient(close, all) || texts.some((t) => together(t).some(([a, b]) => quotient([a], [b])));
}

/** Most characters between a part and its whole that a passage gives together (« 20 postes sur 48 »). */
const TOGETHER = 60;

/** Whether a recomputed value is the figure `f` as `stated` writes it: within 1 %, or 5 % after a rounding word. */
function closeToWritten(stated: string, f: Figure): (v: number) => boolean {
  const tolerance = roundingWordBefore(stated, f.raw) !== null ? COMPUTED_TOLERANCE : 0.01;
  return (v) => Math.abs(v - f.value) <= tolerance * f.value;
}
