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
 *
 * By the same forms (faithful42, faithful-blind-17 and -20), the operands being two figures of the sentence, the one
 * before it or the passages, in digits or in words (« deux agents, soixante postes »):
 * - a count in words (« soit trente postes par agent », « cela représente trois postes sur soixante » after « les 5 %
 *   de postes », « une quarantaine de postes de plus »: `computedInWords`);
 * - a duration in words between two dates, one of them written in the sentence or the one before (« l'écart entre les
 *   deux dates est d'environ six mois », « dix ans après sa naissance, la circulaire du 19 septembre 2012 »);
 * - a share or a growth of two counts, the base a count of something the sentence names (« près de 89 % de ces
 *   licences étaient donc destinées à des élèves » for 217 000 of 245 000 licences);
 * - a price per month made yearly (`[par mois]`, `[par an]`: twelve months), the middle of a range said as an average
 *   (`[moyenne]`), a difference said by its meaning (`[de plus]`: « 130 adhérents de plus »).
 * A figure with no word saying it is computed stays a figure a passage must give.
 */
import { NUMBER_WORDS } from "../core/number-words.ts";
import { fold, frenchDate } from "../core/text.ts";
import { FRACTION_TOLERANCE, roundingWordBefore } from "./figure-match.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { alternation, COMPUTED_LISTS, complementShare, oneInShare, pointsGap } from "./shares.ts";
import { bagOf, contentWords, sameThing, words } from "./words.ts";
import { numberInWords, wordCounts } from "./years.ts";

/** `[part]`, then at most a rounding word, right before the figure (folded text ends there). */
const PART_TIE = new RegExp(`(?<!\\p{L})(?:${alternation("part")})\\s+(?:[\\p{L}'’]+\\s+){0,2}$`, "u");
const MULTIPLIED = new RegExp(`(?<!\\p{L})(?:${alternation("multiplié")})\\s+$`, "u");
const DIVIDED = new RegExp(`(?<!\\p{L})(?:${alternation("divisé")})\\s+$`, "u");
/** « de 16 à 72 », « de 60 à 200 installations ». */
const FROM_TO =
  /(?<!\p{L})de\s+(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s+(?:\p{L}+\s+)?à\s+(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d,])/gu;
const SAID_COMPUTED = new RegExp(`(?<!\\p{L})(?:${alternation("calcul")})(?!\\p{L})`, "u");
const SAID_DIFFERENCE = new RegExp(`(?<!\\p{L})(?:${alternation("écart")})(?!\\p{L})`, "u");
const SAID_MORE = new RegExp(`(?<!\\p{L})(?:${alternation("de plus")})(?!\\p{L})`, "u");
/** `[connecteur inséré]` inside the words of a gap (« dépasse donc de »), blanked before `[de plus]` and `[écart]`. */
const INSERTED = new RegExp(`(?<!\\p{L})(?:${alternation("connecteur inséré")})(?!\\p{L})\\s*`, "gu");
/** Whether the folded sentence says a gap (`[écart]`, `[de plus]`), a connective inside its words or not (faithful54). */
const saysGap = (said: string) => {
  const bare = said.replace(INSERTED, "");
  return SAID_DIFFERENCE.test(said) || SAID_MORE.test(said) || SAID_DIFFERENCE.test(bare) || SAID_MORE.test(bare);
};
const SAID_AVERAGE = new RegExp(`(?<!\\p{L})(?:${alternation("moyenne")})(?!\\p{L})`, "u");
const PER_MONTH = new RegExp(`(?<!\\p{L})(?:${alternation("par mois")})(?!\\p{L})`, "u");
const PER_YEAR = new RegExp(`(?<!\\p{L})(?:${alternation("par an")})(?!\\p{L})`, "u");
/** `[après]` right after a duration, or after one word (« un an seulement après la création »). */
const AFTER = new RegExp(`^\\s+(?:[\\p{L}'’]+\\s+)?(?:${alternation("après")})(?!\\p{L})`, "u");
/** `[après]` anywhere before it (« Entre les mandats et les sanctions, il s'est écoulé environ trois mois »). */
const AFTER_BEFORE = new RegExp(`(?<!\\p{L})(?:${alternation("après")})(?!\\p{L})`, "u");
/** `key = value` entries of a section, folded keys. */
const valued = (section: string) =>
  new Map(
    (COMPUTED_LISTS.get(section) ?? []).map((e) => {
      const [k, v] = e.split("=").map((x) => x.trim());
      return [fold(k!), Number(v)] as const;
    }),
  );
const value = (raw: string) => Number(raw.replace(/[ \u00a0\u202f]/g, "").replace(",", "."));

/** Most a recomputed figure may differ from the written one, relatively, when either is rounded. */
export const COMPUTED_TOLERANCE = 0.05;

/** Whether `f`, written at `at` in `stated`, is a share or a ratio of figures of `texts` (and of `before`). */
export function computedFigure(stated: string, f: Figure, at: number, texts: string[], before = ""): boolean {
  const lastLine =
    before
      .trim()
      .split(/(?<=[.!?])\s+/)
      .at(-1) ?? "";
  // A gap in points, a share written « une … sur N » (`shares.ts`).
  if (
    pointsGap(stated, f, at, [stated, lastLine, ...texts]) ||
    oneInShare(stated, f, [stated, lastLine, ...texts]) ||
    complementShare(stated, f, [stated, lastLine, ...texts])
  )
    return true;
  if (f.kind === "amount" && f.value > 0) return perUnit(stated, f, [stated, lastLine, ...texts]);
  if (f.kind === "percent" && f.value > 0)
    return (
      shareComputed(
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
      ) || shareOfCounts(stated, f, [stated, lastLine, ...texts])
    );
  if (f.kind !== "number" || f.value <= 0) return false;
  const folded = fold(stated.slice(0, at));
  // « soit quelque 180 machines »: a share of a count, or else a sum or a product the « soit » gives (« soit environ
  // 750 au total »).
  if (PART_TIE.test(folded) && shareOf(stated, f, at, texts)) return true;
  if (timesMore(stated, f, at, [stated, lastLine, ...texts])) return true;
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

/** « 2,5 fois plus d'habitants »: `[fois plus]` right after the number, then what is counted (folded text). */
const TIMES_MORE = new RegExp(`^\\s+(?:${alternation("fois plus")})\\s+(?:de\\s+|d['’]\\s*)?([\\p{L}-]{3,})`, "u");

/**
 * « Il lui faudrait 2,5 fois plus d'habitants » after « Avec 12 000 habitants » where a passage gives « 30 000
 * habitants »: the ratio of two counts of what the sentence counts (the word after each count), one of them in the
 * sentence or the one before (`texts[0]`, `texts[1]`), within 5 %.
 */
function timesMore(stated: string, f: Figure, at: number, texts: string[]): boolean {
  const noun = TIMES_MORE.exec(fold(stated.slice(at + f.raw.length)))?.[1];
  if (!noun) return false;
  const counts = (t: string) =>
    extractFigures(t)
      .filter((x) => x.kind === "number" && x.value > 0 && x.raw !== f.raw)
      .filter((x) => {
        const next = words(t.slice(t.indexOf(x.raw) + x.raw.length, t.indexOf(x.raw) + x.raw.length + 30))[0];
        return next !== undefined && sameThing(next, bagOf(noun));
      })
      .map((x) => x.value);
  const near = texts.slice(0, 2).flatMap(counts);
  const all = texts.flatMap(counts);
  return near.some((a) =>
    all.some((b) => a !== b && Math.abs(Math.max(a, b) / Math.min(a, b) - f.value) <= COMPUTED_TOLERANCE * f.value),
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
 * before it, the passages) — or their difference, when it says a difference (`[écart]`, `[de plus]`): « Visio a donc
 * perdu 20 000 utilisateurs » reads an event into the gap between two sources' counts.
 */
function saidComputed(stated: string, f: Figure, texts: string[]): boolean {
  const at = stated.indexOf(f.raw);
  const noun = /^\s*([\p{L}-]{3,})/u.exec(stated.slice(at + f.raw.length))?.[1];
  return computes(stated, f.raw, texts, closeToWritten(stated, f), noun === undefined ? undefined : fold(noun));
}

/**
 * Whether the figure written `raw` in `stated` (its value tested by `close`) is computed from two figures of `texts` (`texts[0]` the sentence,
 * `texts[1]` the one before it) by an operation the sentence says (`[calcul]`): a sum, product or quotient; a
 * difference after `[écart]` or `[de plus]`; the mean of two after `[moyenne]`; a share of a count by a percentage of
 * the sentence, the one before or a passage's percentage of what the figure counts (« les 5 % de postes … cela
 * représente trois postes sur soixante »); twelve times a monthly figure said per year.
 */
function computes(
  stated: string,
  raw: string,
  texts: string[],
  close: (v: number) => boolean,
  /** What the figure counts, folded (« postes »), when the sentence says it. */
  noun?: string,
): boolean {
  const said = fold(stated);
  const difference = saysGap(said);
  if (!difference && !SAID_COMPUTED.test(said)) return false;
  const operands = [...new Set(operandsOf(texts, raw))];
  // A figure per month the sentence or the one before gives, made yearly: twelve months.
  if (PER_YEAR.test(said) && texts.slice(0, 2).some((t) => PER_MONTH.test(fold(t)))) operands.push(12);
  const average = SAID_AVERAGE.test(said);
  for (let i = 0; i < operands.length; i++)
    for (let j = 0; j < operands.length; j++) {
      if (i === j) continue;
      const [a, b] = [operands[i]!, operands[j]!];
      if ((difference && close(a - b)) || close(a + b) || close(a * b) || close(a / b)) return true;
      if (average && close((a + b) / 2)) return true;
    }
  // A total from a part and the share it is of, a few words apart in one text (« 80 000 postes sous Linux, soit 90 % de
  // son parc » → « un peu moins de 90 000 postes »), or, after `[écart]`, what remains of it besides the part (« près
  // de 9 000 postes sous un autre système »).
  for (const t of texts) {
    const figures = extractFigures(t);
    for (const n of figures.filter((x) => x.kind === "number" && x.value > 0 && x.raw !== raw))
      for (const p of figures.filter((x) => x.kind === "percent" && x.value > 0 && x.value < 100)) {
        if (Math.abs(t.indexOf(p.raw) - t.indexOf(n.raw)) > TOGETHER) continue;
        const total = (n.value * 100) / p.value;
        if (close(total) || (difference && close(total - n.value))) return true;
      }
  }
  // The sum of the steps one sentence of a text lists in a row (« environ 250 postes …, 500 de plus …, 2 500 d'ici fin
  // 2027 » for « environ 3 250 postes »): three or four counts following each other, the first of what the figure
  // counts, the others of it too or of nothing named (« 500 de plus »).
  if (noun)
    for (const t of texts.flatMap((x) => x.split(/(?<=[.!?;])\s+/))) {
      const next = (x: Figure) =>
        words(t.slice(t.indexOf(x.raw) + x.raw.length, t.indexOf(x.raw) + x.raw.length + 30))[0];
      const run = extractFigures(t).filter((x) => x.kind === "number" && x.value > 0 && x.raw !== raw);
      const same = (x: Figure) => {
        const w = next(x);
        return w !== undefined && sameThing(w, bagOf(noun));
      };
      const elided = (x: Figure) => {
        const w = next(x);
        return w === undefined || w.length <= 3 || same(x) || STEP_WORDS.test(w);
      };
      for (let i = 0; i < run.length; i++)
        for (let k = 3; k <= 4 && i + k <= run.length; k++) {
          const steps = run.slice(i, i + k);
          if (same(steps[0]!) && steps.slice(1).every(elided) && close(steps.reduce((x, y) => x + y.value, 0)))
            return true;
        }
    }
  // A percentage of what the figure counts, in the sentence, the one before or a passage (« les 5 % de postes » for
  // « trois postes »; not « 40 % des postes … soit 200 serveurs »).
  const ofNoun = (t: string, x: Figure) => {
    if (!noun) return false;
    const at = t.indexOf(x.raw);
    const next = /^\s*(?:de|des|du|d['’])\s*([\p{L}-]{3,})/iu.exec(t.slice(at + x.raw.length))?.[1];
    return next !== undefined && fold(next) === noun;
  };
  const shares = texts.flatMap((t) =>
    extractFigures(t).filter((x) => x.kind === "percent" && x.value > 0 && x.value < 100 && ofNoun(t, x)),
  );
  if (shares.some((p) => operands.some((n) => close((p.value * n) / 100)))) return true;
  // A percentage of the sentence applied to a count the sentence gives of what the figure counts (« Sur vos 70 postes,
  // 95 % représenteraient environ 66 postes », faithful-blind-24).
  const sentence = texts[0] ?? "";
  const own = extractFigures(sentence);
  const countsOfNoun = own.filter((x) => {
    if (!noun || x.kind !== "number" || x.value <= 0 || x.raw === raw) return false;
    const next = /^\s*([\p{L}-]{3,})/u.exec(sentence.slice(sentence.indexOf(x.raw) + x.raw.length))?.[1];
    return next !== undefined && fold(next) === noun;
  });
  return own.some(
    (p) =>
      p.kind === "percent" &&
      p.value > 0 &&
      p.value < 100 &&
      countsOfNoun.some((n) => close((p.value * n.value) / 100)),
  );
}

/**
 * The counts and amounts of `texts` (not the figure written `except`; `texts[0]` the sentence), in digits or in words:
 * a number in words only before « fois » or before what the sentence counts (« deux agents » for « trente postes par
 * agent »), not « ces deux chiffres » (the number of things compared is no operand).
 */
function operandsOf(texts: string[], except: string): number[] {
  const own = bagOf(texts[0] ?? "");
  const counting = (t: string, n: { raw: string; at: number }) => {
    const next = words(fold(t).slice(n.at + n.raw.length, n.at + n.raw.length + 30))[0];
    return next !== undefined && (TIMES.test(next) || sameThing(next, own));
  };
  return [
    ...texts
      .flatMap((t) => extractFigures(t))
      .filter((x) => (x.kind === "number" || x.kind === "amount") && x.value > 0 && x.raw !== except)
      .map((x) => x.value),
    ...texts.flatMap((t) =>
      wordNumbers(t)
        .filter((n) => n.value > 1 && n.raw !== fold(except).split(" ")[0] && counting(t, n))
        .map((n) => n.value),
    ),
  ];
}

/** After a step's count, what says it adds to the one before (« 500 de plus »), on folded words. */
const STEP_WORDS = /^(?:plus|moins|supplementaires?|autres?)$/;

const TIMES = new RegExp(`^(?:${alternation("fois")})$`, "u");

/** The numbers a text writes in words (« quatre-vingt-dix », « soixante »), folded, with their value. */
function wordNumbers(text: string): { raw: string; value: number; at: number }[] {
  const out: { raw: string; value: number; at: number }[] = [];
  for (const m of fold(text).matchAll(NUMBER_RUN)) {
    const n = numberInWords(m[0]);
    if (n) out.push({ raw: m[0], value: n.value, at: m.index! });
  }
  return out;
}

const NUMBER_WORD = `(?:${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|")})s?`;
/** A run of number words (« quatre-vingt-dix », « vingt et un »), on folded text. */
const NUMBER_RUN = new RegExp(`(?<!\\p{L})${NUMBER_WORD}(?:[\\s-]+(?:et[\\s-]+)?${NUMBER_WORD})*(?!\\p{L})`, "gu");

/**
 * « Près de 89 % de ces licences étaient donc destinées à des élèves », « le nombre d'adhérents a donc augmenté de plus
 * de 30 % »: a percentage the sentence says it computes (`[calcul]`), the share of two counts of `texts` or the growth
 * from one to the other, where the base is a count of something the sentence names (« 245 000 licences ») and the other
 * a count of something it names too, or of nothing named (« 400 adhérents en 2022 et 530 en 2025 »).
 */
function shareOfCounts(stated: string, f: Figure, texts: string[]): boolean {
  if (!SAID_COMPUTED.test(fold(stated))) return false;
  const own = bagOf(stated);
  const counts = texts.flatMap((t) =>
    extractFigures(t)
      .filter((x) => x.kind === "number" && x.value > 0)
      .map((x) => {
        const at = t.indexOf(x.raw);
        const next = t.slice(at + x.raw.length, at + x.raw.length + 40);
        const noun = contentWords(/^\s*([\p{L}'’-]+)/u.exec(next)?.[1] ?? "")[0] ?? null;
        return { value: x.value, noun };
      }),
  );
  const named = (noun: string | null) => noun !== null && sameThing(noun, own);
  const word = roundingWordBefore(stated, f.raw);
  const close = (v: number) =>
    word === null
      ? Math.abs(v - f.value) <= 0.5
      : /plus de|au moins/.test(word)
        ? v >= f.value && v <= f.value * 1.5
        : /moins de/.test(word)
          ? v <= f.value && v >= f.value / 1.5
          : Math.abs(v - f.value) <= Math.max(1, COMPUTED_TOLERANCE * f.value);
  for (const base of counts.filter((c) => named(c.noun)))
    for (const part of counts) {
      if (part === base || part.value === base.value || (part.noun !== null && !named(part.noun))) continue;
      if (close((100 * part.value) / base.value) || close((100 * Math.abs(part.value - base.value)) / base.value))
        return true;
    }
  return false;
}

/**
 * Counts and durations the sentence writes in words and computes (folded, « trente postes », « six mois »), by the
 * forms of `computes` or, for a duration, between two dates (`texts[0]` the sentence, `texts[1]` the one before it, then
 * the passages): the sentence says it computes, or places the duration « après » something dated. What a passage gives
 * of the same thing (« soixante postes ») is not a computation: it is left to the checks of given figures.
 */
export function computedInWords(stated: string, texts: string[], before = "", today?: string): string[] {
  const lastLine =
    before
      .trim()
      .split(/(?<=[.!?])\s+/)
      .at(-1) ?? "";
  const all = [stated, lastLine, ...texts];
  const said = fold(stated);
  const computing = SAID_COMPUTED.test(said) || SAID_DIFFERENCE.test(said) || SAID_MORE.test(said);
  // A duration's dates: the sentence's and those of the answer before it (« Il a fallu environ sept mois entre la
  // révélation et la suspension » after two sentences dating each), then the passages'. Two dates of the sentence itself
  // are the operands it states (« De 20 000 postes en 2004 à environ 90 000 en 2005, … en un an »): no word needs to say
  // it computes, and the duration is between them.
  const anchors = [stated, ...before.trim().split(/(?<=[.!?])\s+/)];
  // Counted from now (`[maintenant]`: « il y a près de dix ans », « À la date de cette note, … depuis six mois ») in a
  // dated document: the document's date is a duration's end (faithful53).
  const fromNow = today !== undefined && NOW.test(said);
  if (fromNow) anchors.push(frenchDate(today));
  const ownDates = datesOf(stated).length >= 2;
  const out: string[] = [];
  // A count a passage gives of the same thing (« soixante postes »), in words or digits.
  const given = new Set(texts.flatMap((t) => wordCounts(t, true).map((g) => `${g.value} ${g.noun}`)));
  const rounded = (raw: string) => roundingWordBefore(stated.toLowerCase(), raw) !== null;
  for (const m of said.matchAll(WORD_COUNT)) {
    const [whole, number, unit] = [m[0], m[1]!, m[2]!];
    const months = DURATIONS.get(unit);
    const n = ONE.test(number)
      ? { value: 1 }
      : ROUND.has(number)
        ? { value: ROUND.get(number)! }
        : numberInWords(number);
    if (!n || n.value < 1) continue;
    const days = DAY_DURATIONS.get(unit);
    if (days !== undefined) {
      // Weeks or days (« un peu plus de dix semaines après les Rencontres »): between two dates given to the day.
      const after = AFTER.test(said.slice(m.index! + whole.length)) || AFTER_BEFORE.test(said.slice(0, m.index!));
      const round = rounded(number) || ROUNDED_AFTER.test(said.slice(m.index! + whole.length));
      const least = LOWER_BOUNDS.has(roundingWordBefore(stated.toLowerCase(), number) ?? "");
      const gap = ownDates
        ? betweenDays(n.value * days, days, [stated], [], round, least)
        : (computing || after || fromNow) && betweenDays(n.value * days, days, anchors, texts, round, least);
      if (gap) out.push(whole);
      continue;
    }
    if (months !== undefined) {
      const after = AFTER.test(said.slice(m.index! + whole.length)) || AFTER_BEFORE.test(said.slice(0, m.index!));
      // Rounded by a word before the number, or right after its unit (« dans huit mois environ »).
      const round = rounded(number) || ROUNDED_AFTER.test(said.slice(m.index! + whole.length));
      const least = LOWER_BOUNDS.has(roundingWordBefore(stated.toLowerCase(), number) ?? "");
      const gap = ownDates
        ? between(n.value * months, [stated], [], round, least)
        : (computing || after || fromNow) && between(n.value * months, anchors, texts, round, least);
      if (gap) out.push(whole);
      continue;
    }
    // « les deux communes » says both of them, not a count.
    if (!computing || n.value < 3 || given.has(`${n.value} ${unit}`)) continue;
    const tolerance = ROUND.has(number) || rounded(number) ? COMPUTED_TOLERANCE : 0.01;
    if (computes(stated, number, all, (v) => Math.abs(v - n.value) <= tolerance * n.value, unit)) out.push(whole);
  }
  return out;
}

const DURATIONS = valued("durées");
/** Durations in weeks or days and their length in days (`[durées en jours]`, faithful54). */
const DAY_DURATIONS = valued("durées en jours");
/** The rounding words that say a lower bound (« plus de trente ans »), as `roundingWordBefore` gives them. */
const LOWER_BOUNDS = new Set((COMPUTED_LISTS.get("borne basse") ?? []).map(fold));
/** A duration counted from now (`[maintenant]`), on folded text. */
const NOW = new RegExp(`(?<!\\p{L})(?:${alternation("maintenant")})(?!\\p{L})`, "u");
/** `[environ après]` right after a duration's unit (folded text starts there). */
const ROUNDED_AFTER = new RegExp(`^\\s*(?:${alternation("environ après")})(?!\\p{L})`, "u");
const ROUND = valued("environ");
const ONE = /^une?$/;
/**
 * A number in words before what it counts: a unit of time (« six mois »), a plural noun (« trente postes »), or a
 * rounded number before « de » (« une quarantaine de postes »), on folded text.
 */
const WORD_COUNT = new RegExp(
  `(?<!\\p{L})(une?|${[...ROUND.keys()].join("|")}|${NUMBER_WORD}(?:[\\s-]+(?:et[\\s-]+)?${NUMBER_WORD})*)\\s+(?:de\\s+|d'\\s*)?(${[...DURATIONS.keys(), ...DAY_DURATIONS.keys()].join("|")}|\\p{L}{3,}[sx])(?!\\p{L})`,
  "gu",
);

/** A year's part written before it (« fin 2026 », « début 2027 », « mi-2025 »), and its month (`[parties d'année]`). */
const YEAR_PARTS = valued("parties d'année");
const YEAR_PART = new RegExp(
  `(?<!\\p{L})(${[...YEAR_PARTS.keys()].join("|")})[\\s-]+(?:de\\s+l['’]\\s*annee\\s+)?$`,
  "u",
);

/**
 * The dates a text writes (years, months, days); a year after a word placing it in the year (« fin 2026 ») read at that
 * month (faithful52: « fin 2026, soit dans huit mois environ » in a note dated 4 mai 2026).
 */
const datesOf = (t: string) =>
  extractFigures(t)
    .filter((x) => x.kind === "year" || x.kind === "month" || x.kind === "date")
    .map((x) => {
      if (x.kind !== "year" || x.month !== undefined) return x;
      const at = t.indexOf(x.raw);
      const part = at > 0 ? YEAR_PART.exec(fold(t.slice(Math.max(0, at - 30), at)))?.[1] : undefined;
      return part === undefined ? x : { ...x, month: YEAR_PARTS.get(part) };
    });

/**
 * Whether `months` is the time between a date of `anchors` (the sentence, the answer before it) and another date of
 * them or of `texts` (the passages): to the month when both give one, or that gap rounded to whole years for a duration
 * in years (« quatre ans » from octobre 2024 to septembre 2028); else in whole years; one month or one year either way
 * after a rounding word.
 */
function between(months: number, anchors: string[], texts: string[], rounded: boolean, least = false): boolean {
  const from = anchors.flatMap(datesOf);
  const others = [...from, ...texts.flatMap(datesOf)];
  // « plus de trente ans » for 32 years: a lower bound, the gap at least the duration and within a tenth (or one unit)
  // above it (faithful53).
  const above = (gap: number, want: number, unit: number) =>
    gap >= want && gap - want <= Math.max(unit, Math.ceil(want / 10));
  for (const a of from)
    for (const b of others) {
      if (a.year === undefined || b.year === undefined) continue;
      if (a.month !== undefined && b.month !== undefined) {
        const gap = Math.abs(a.year * 12 + a.month - (b.year * 12 + b.month));
        if (gap > 0 && Math.abs(gap - months) <= (rounded ? 1 : 0)) return true;
        if (months % 12 === 0 && gap > 0 && Math.abs(Math.round(gap / 12) - months / 12) <= (rounded ? 1 : 0))
          return true;
        if (least && gap > 0 && above(gap, months, months % 12 === 0 ? 12 : 1)) return true;
      } else if (months % 12 === 0) {
        const gap = Math.abs(a.year - b.year);
        if (gap > 0 && Math.abs(gap - months / 12) <= (rounded ? 1 : 0)) return true;
        if (least && gap > 0 && above(gap, months / 12, 1)) return true;
      }
    }
  return false;
}

/**
 * Whether `want` days (a duration in `unit`s of days: 7 for weeks, 1 for days) is the time between a date of `anchors`
 * given to the day and another such date of them or of `texts` (faithful54): weeks to three days (whole weeks), days
 * exactly; a unit (or a tenth) more after a rounding word; a lower bound (« un peu plus de dix semaines » for 72 days)
 * on or above the duration, within a unit or a tenth.
 */
function betweenDays(
  want: number,
  unit: number,
  anchors: string[],
  texts: string[],
  rounded: boolean,
  least = false,
): boolean {
  const dayOf = (d: Figure) =>
    d.day !== undefined && d.month !== undefined && d.year !== undefined
      ? Date.UTC(d.year, d.month - 1, d.day) / 86_400_000
      : null;
  const from = anchors
    .flatMap(datesOf)
    .map(dayOf)
    .filter((d): d is number => d !== null);
  const others = [...from, ...texts.flatMap(datesOf).map(dayOf)].filter((d): d is number => d !== null);
  const slack = Math.max(unit === 1 ? 0 : Math.floor(unit / 2), rounded ? Math.max(unit, Math.ceil(want / 10)) : 0);
  for (const a of from)
    for (const b of others) {
      const gap = Math.abs(a - b);
      if (gap === 0) continue;
      if (least ? gap >= want && gap - want <= Math.max(unit, Math.ceil(want / 10)) : Math.abs(gap - want) <= slack)
        return true;
    }
  return false;
}

/**
 * « Votre facture passerait ainsi à environ 10 170 euros » after « Appliquée à vos 9 000 euros, une hausse de 13 %
 * représenterait environ 1 170 euros de plus par an » (faithful54, faithful-blind-24): a new level (`[nouveau niveau]`)
 * that is an amount of the sentence before plus (or minus) the gap that sentence says as one (`[de plus]`), within
 * rounding.
 */
function newLevel(stated: string, f: Figure, lastLine: string): boolean {
  if (!NEW_LEVEL.test(fold(stated)) || !saysGap(fold(lastLine))) return false;
  const amounts = extractFigures(lastLine).filter((x) => x.kind === "amount" && x.value > 0);
  const close = closeToWritten(stated, f);
  return amounts.some((a) => amounts.some((b) => a !== b && (close(a.value + b.value) || close(a.value - b.value))));
}
/** `[nouveau niveau]`: a level reached (« passerait à », « atteindrait »), on folded text. */
const NEW_LEVEL = new RegExp(`(?<!\\p{L})(?:${alternation("nouveau niveau")})(?!\\p{L})`, "u");

/**
 * « Cela fait environ 700 euros par poste » after « 11,7 millions d'euros » and « 16 500 postes », « La dépense moyenne
 * est donc d'au moins 38 millions d'euros par an » for « 152 millions d'euros, pour quatre ans »: an amount the sentence
 * says it computes (`[calcul]`) that is an amount of `texts` divided or multiplied by a count of them (digits or a
 * number word: « quatre », « dizaine »), within rounding — never a sum of amounts (faithful-blind-20: 9 right per-unit
 * amounts were flagged). Also, said as a gap (`[écart]`, `[de plus]`), the difference of two amounts, and the
 * sentence's percentage of an amount of the sentence or the one before (faithful52).
 */
function perUnit(stated: string, f: Figure, texts: string[]): boolean {
  if (newLevel(stated, f, texts[1] ?? "")) return true;
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
  if (amounts.some((a) => counts.some((n) => close(a / n) || close(a * n)))) return true;
  // The gap between two amounts said as a gap (« Cela fait 1,70 € de plus » after « de 6,70 € à 8,40 € »), or a
  // percentage of an amount (« Appliquée à vos 9 000 euros, une hausse de 13 % représenterait environ 1 170 euros »),
  // faithful52.
  const said = fold(stated);
  const difference = saysGap(said);
  if (difference && amounts.some((a) => amounts.some((b) => a > b && close(a - b)))) return true;
  // The percentage written in the sentence, the amount there or in the sentence before: not any pair of the passages
  // (« 2,10 € de plus » is 25 % of 8,40 €, a coincidence of a passage's two figures).
  const near = texts.slice(0, 2).flatMap((t) => extractFigures(t));
  const percents = extractFigures(texts[0] ?? "").filter((x) => x.kind === "percent" && x.value > 0);
  return near.some(
    (a) =>
      a.kind === "amount" && a.value > 0 && a.raw !== f.raw && percents.some((p) => close((a.value * p.value) / 100)),
  );
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

/**
 * « Le SILL aura donc quatorze ans en 2026 » for « créé en 2012 », « Resana existait ainsi huit ans avant le lancement
 * de La Suite numérique en 2024 » for « né en 2016 » (faithful-blind-24): the year `f` of the sentence is a year of the
 * passages or of the sentence before plus or minus a duration in years the sentence computes (`computedInWords`),
 * to the year (one year either way after a rounding word: « une vingtaine d'années »).
 */
export function computedYear(stated: string, f: Figure, texts: string[], before = ""): boolean {
  if (f.kind !== "year" || f.year === undefined) return false;
  const accepted = new Set(computedInWords(stated, texts, before));
  if (accepted.size === 0) return false;
  const lastLine =
    before
      .trim()
      .split(/(?<=[.!?])\s+/)
      .at(-1) ?? "";
  const years = [lastLine, ...texts]
    .flatMap(datesOf)
    .map((d) => d.year)
    .filter((y): y is number => y !== undefined && y !== f.year);
  for (const m of fold(stated).matchAll(WORD_COUNT)) {
    const [whole, number, unit] = [m[0], m[1]!, m[2]!];
    const months = DURATIONS.get(unit);
    if (!accepted.has(whole) || months === undefined || months % 12 !== 0) continue;
    const n = ONE.test(number) ? 1 : ROUND.has(number) ? ROUND.get(number)! : numberInWords(number)?.value;
    if (!n) continue;
    const slack = ROUND.has(number) || roundingWordBefore(stated.toLowerCase(), number) !== null ? 1 : 0;
    if (years.some((y) => Math.abs(Math.abs(f.year! - y) - (n * months) / 12) <= slack)) return true;
  }
  return false;
}
