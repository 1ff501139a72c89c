/** Whether a figure is said of the same thing as in its source: swapped figures, causes, years in their place. */

import { SUBJECT_PRONOUN } from "./contrast.ts";
import { figureMatches, QUANTITY } from "./figure-match.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { MONTH_NAMES } from "./proper-nouns.ts";
import { CLAUSE_BREAK, clauseAround, STATEMENT_BREAK, withoutReferences } from "./sentences.ts";
import {
  affinity,
  elidedCount,
  located,
  NOT_COUNTED,
  type Sides,
  type Source,
  type SourceSentence,
  type Spot,
  sameSlot,
  sideWords,
  spotsOf,
  wordSides,
} from "./source-sentences.ts";
import { type Bag, bagOf, contentWords, inBag, WEAK } from "./words.ts";

/**
 * A swap is flagged when another figure of the cited passages has, around it, the words the sentence puts around
 * its figure, clearly more than any occurrence of the figure itself: at least this affinity…
 */
export const SWAP_MIN_AFFINITY = 1.5;
/** …and this much more than the best occurrence of the sentence's figure. */
export const SWAP_MARGIN = 1;

/**
 * The figure of the cited passages the sentence's words describe, when it is not the sentence's figure: « 11
 * secteurs dits essentiels » where the passage says « 7 secteurs dits essentiels et 11 secteurs dits importants ».
 */
export function swappedWith(
  claim: Sides,
  f: Figure,
  pool: Source[],
  same = (s: Figure) => figureMatches(f, s),
): Figure | null {
  const sameFigure = same;
  let sameAffinity = 0;
  const others: { a: number; f: Figure; text: string }[] = [];
  // The years the sentence gives its figure (« 80 000 postes sous Linux en 2021 »): a source sentence that gives the
  // same figure with one of them is where the figure is from; another figure is put in its place only if its own
  // sentence gives that year too.
  const years = [...claim.before, ...claim.after].filter((w) => /^(?:19|20)\d\d$/.test(w));
  const givesYear = (text: string) => years.some((y) => new RegExp(`(?<!\\d)${y}(?!\\d)`).test(text));
  let sameYear = false;
  for (const source of pool)
    for (const ss of source.sentences) {
      const { spots, sides } = spotsOf(ss);
      spots.forEach((spot, k) => {
        const a = affinity(claim, sides[k]!);
        if (sameFigure(spot.f)) {
          // A count written without its noun counts what the count before it counts (« soit environ 800 au total »).
          const elided = elidedCount(ss, spots, k);
          const own = elided.length ? affinity(claim, { ...sides[k]!, after: [...elided, ...sides[k]!.after] }) : a;
          // A figure in parentheses is said of the words before them (« détenu par United Internet (75,1 % avant,
          // environ 62 % après) »).
          const outer = ownerBefore(ss.text, spot.at);
          const held = outer.length ? affinity(claim, { ...sides[k]!, before: outer }) : 0;
          sameAffinity = Math.max(sameAffinity, a, own, held);
          if (givesYear(ss.text)) sameYear = true;
        } else if (spot.f.kind === f.kind) others.push({ a, f: spot.f, text: ss.text });
      });
    }
  let other = 0;
  let otherFigure: Figure | null = null;
  for (const o of others)
    if (o.a > other && (!sameYear || givesYear(o.text))) {
      other = o.a;
      otherFigure = o.f;
    }
  return other >= SWAP_MIN_AFFINITY && other >= sameAffinity + SWAP_MARGIN - 1e-9 ? otherFigure : null;
}

/** Where the parenthesis a position of a text is in opens; -1 outside parentheses. */
function openingParenthesis(text: string, at: number): number {
  const open = text.lastIndexOf("(", at);
  return open < 0 || text.slice(open, at).includes(")") ? -1 : open;
}

/**
 * For a figure inside parentheses, the words right before the opening one (nearest first, up to four, back to the
 * clause before): what the parenthesis gives figures of. Empty outside parentheses.
 */
function ownerBefore(text: string, at: number): string[] {
  const open = openingParenthesis(text, at);
  if (open < 0) return [];
  const [start] = clauseAround(text, open);
  return sideWords(text.slice(start, open)).reverse().slice(0, 4);
}

/** Least words of what a sentence says after its figure that another figure's own words must have for a swap. */
export const CAUSE_MIN_SHARED = 2;

/** Content words after a figure of a text, to the end of its clause or the next quantity: what it is said of. */
function wordsAfter(text: string, spot: Spot, spots: Spot[]): string[] {
  const [, stop] = clauseAround(text, spot.at, spot.end);
  const next = spots.find((s) => s.at >= spot.end)?.at ?? text.length;
  return contentWords(withoutReferences(text.slice(spot.end, Math.min(stop, next)))).filter(
    (w) => !NOT_COUNTED.has(w) && !MONTH_NAMES.test(w),
  );
}

/**
 * The figure of the cited passages whose own clause says what the sentence says after its figure, farther than its
 * four words (« 2 millions d'euros par an grâce au passage de ses postes sous Linux » where the passage gives « 2
 * millions d'euros par an de licences grâce au remplacement de Microsoft Office » and « 12 millions d'euros par an
 * grâce à l'abandon des licences Windows et au passage des postes sous Linux »): that figure's words share at least
 * two more of them than any occurrence of the sentence's figure does. Amounts and shares only.
 */
export function causeSwapped(stated: string, spot: Spot, pool: Source[], same: (s: Figure) => boolean): Figure | null {
  // Amounts and shares: what a count counts is checked apart (`countedThing`).
  if (spot.f.kind !== "amount" && spot.f.kind !== "percent") return null;
  const claimSpots = located(stated, extractFigures(stated)).filter((s) => QUANTITY.has(s.f.kind));
  const mine = [...new Set(wordsAfter(stated, spot, claimSpots))];
  if (mine.length < CAUSE_MIN_SHARED) return null;
  let own = 0;
  let other = 0;
  let otherFigure: Figure | null = null;
  for (const source of pool)
    for (const ss of source.sentences) {
      const { spots } = spotsOf(ss);
      for (const s of spots) {
        if (s.f.kind !== spot.f.kind) continue;
        const theirs = bagOf(wordsAfter(ss.text, s, spots).join(" "));
        const score = mine.filter((w) => inBag(w, theirs, false)).length;
        if (same(s.f)) {
          // A figure inside parentheses shares what the whole parenthesis says (« (80 % avant son introduction en
          // bourse, environ 55 % après) »).
          const inner = bagOf([...wordsAfter(ss.text, s, spots), ...parenthesisWords(ss.text, s.at)].join(" "));
          own = Math.max(own, score, mine.filter((w) => inBag(w, inner, false)).length);
        } else if (score > other) {
          other = score;
          otherFigure = s.f;
        }
      }
    }
  return other >= CAUSE_MIN_SHARED && other >= own + CAUSE_MIN_SHARED ? otherFigure : null;
}

/** The content words of the parentheses a position of a text is in (none outside parentheses). */
function parenthesisWords(text: string, at: number): string[] {
  const open = openingParenthesis(text, at);
  if (open < 0) return [];
  const close = text.indexOf(")", at);
  return contentWords(text.slice(open + 1, close < 0 ? text.length : close)).filter((w) => !NOT_COUNTED.has(w));
}

/** Where what a source sentence says of a figure's date ends: a clause, or « et qu'elle … » that opens another statement. */
export const YEAR_CLAUSE_BREAK = new RegExp(String.raw`${CLAUSE_BREAK.source}|\set\s+qu(?:e\s|['’])`, "g");

/** Whether a source sentence writes another year than `year` where the claim writes its year (same words around). */
export function yearInPlace(ss: SourceSentence, slot: Sides, year: number): boolean {
  return extractFigures(ss.text).some((f) => {
    if (f.year === undefined || f.year === year) return false;
    const at = ss.text.indexOf(f.raw);
    return at >= 0 && sameSlot(slot, wordSides(ss.text, at, f.raw.length));
  });
}

/**
 * The years stated in the clause of each occurrence of a figure in a source sentence (references left out), null for
 * an occurrence whose clause states none.
 */
export function yearsBeside(ss: SourceSentence, match: (f: Figure) => boolean): (number[] | null)[] {
  return spotsOf(ss)
    .spots.filter((spot) => match(spot.f))
    .map((spot) => {
      const [start, stop] = clauseAround(ss.text, spot.at, spot.end, YEAR_CLAUSE_BREAK);
      const years = extractFigures(withoutReferences(ss.text.slice(start, stop))).flatMap((f) =>
        f.year !== undefined && f.kind !== "daymonth" ? [f.year] : [],
      );
      return years.length ? years : null;
    });
}

/**
 * The years stated in the statement of each occurrence of a figure in a source sentence (between semicolons or dashes;
 * a colon does not part it: « - 2004 : … d'abord sur 20 000 postes ; en 2005, … environ 90 000 postes » dates 20 000
 * by 2004, 90 000 by 2005), references left out; null for an occurrence whose statement states none. What a figure's
 * date is when its own clause writes none (`yearsBeside`).
 */
export function yearsInStatement(ss: SourceSentence, match: (f: Figure) => boolean): (number[] | null)[] {
  return spotsOf(ss)
    .spots.filter((spot) => match(spot.f))
    .map((spot) => {
      const [start, stop] = clauseAround(ss.text, spot.at, spot.end, STATEMENT_BREAK);
      const years = extractFigures(withoutReferences(ss.text.slice(start, stop))).flatMap((f) =>
        f.year !== undefined && f.kind !== "daymonth" ? [f.year] : [],
      );
      return years.length ? years : null;
    });
}

/** Least content words a year must share with the same year of a source sentence to be said of the same thing. */
export const YEAR_WORDS_MIN_SHARED = 2;

/**
 * Content words on each side of a date of a text (up to four), within its clause and not past another quantity: what
 * the date is said of (« La troisième édition, le 17 février 2026, a réuni … » → troisième, édition, réuni).
 */
export function yearWords(text: string, y: Spot, spots: Spot[]): string[] {
  const [start, stop] = clauseAround(text, y.at, y.end, STATEMENT_BREAK);
  const quantities = spots.filter((s) => QUANTITY.has(s.f.kind));
  const from = Math.max(start, quantities.filter((s) => s.end <= y.at).at(-1)?.end ?? 0);
  const to = Math.min(stop, quantities.find((s) => s.at >= y.end)?.at ?? text.length);
  const keep = (w: string) => !MONTH_NAMES.test(w) && !WEAK.has(w);
  return [
    ...contentWords(text.slice(from, y.at)).filter(keep).slice(-4),
    ...contentWords(text.slice(y.end, to)).filter(keep).slice(0, 4),
  ];
}

/**
 * The sentence before a source sentence whose subject is a pronoun (« Elle a réuni plus de 500 participants »), which
 * it goes on with (« La troisième édition s'est tenue le 17 février 2026 à La Rampe »); none for another sentence.
 */
export function continued(ss: SourceSentence, pool: Source[]): SourceSentence[] {
  if (ss.inHeading || !SUBJECT_PRONOUN.test(withoutReferences(ss.text).replace(/^\s*(?:[-*•]\s+)?/, ""))) return [];
  for (const src of pool) {
    const i = src.sentences.indexOf(ss);
    if (i > 0 && !src.sentences[i - 1]!.inHeading) return [src.sentences[i - 1]!];
  }
  return [];
}

/** Whether a source sentence writes a year beside most of the given words (at least two): it dates what they name. */
export function yearSaidWith(ss: SourceSentence, year: number, claimWords: string[]): boolean {
  if (claimWords.length < YEAR_WORDS_MIN_SHARED) return false;
  const text = withoutReferences(ss.text);
  const figures = extractFigures(text);
  const spots = located(text, figures);
  return spots.some((spot) => {
    if (spot.f.year !== year || spot.f.kind === "daymonth") return false;
    const theirs = bagOf(
      [
        ...contentWords(text.slice(Math.max(0, spot.at - 80), spot.at)).slice(-5),
        ...contentWords(text.slice(spot.end, spot.end + 80)).slice(0, 5),
      ].join(" "),
    );
    return claimWords.filter((w) => inBag(w, theirs, false)).length >= YEAR_WORDS_MIN_SHARED;
  });
}

export const hasYear = (bag: Bag) => bag.list.some((w) => /^(?:19|20)\d\d$/.test(w));
