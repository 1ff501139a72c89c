/** Whether a year or a number in words is said of the same event as in the sources. */
import { wordAlternation, wordListLines } from "../i18n/word-lists.ts";
import { fold } from "../retrieval/french.ts";
import { yearInPlace } from "./figure-context.ts";
import { QUANTITY, roundingWordBefore } from "./figure-match.ts";
import { extractFigures, NUMBER_WORDS } from "./figures.ts";
import { POLARITY_MIN_SHARE } from "./negation.ts";
import { MONTH_NAMES } from "./proper-nouns.ts";
import { clauseAround, withoutReferences } from "./sentences.ts";
import { COUNTED_STOPS, located, type Source, type SourceSentence, type Spot, wordSides } from "./source-sentences.ts";
import { type Bag, bagOf, contentWords, inBag, WEAK } from "./words.ts";

/** Nouns of a duration: « deux ans » counts years, where « les deux communes » may only mean both of them. */
const DURATIONS = new Set(["ans", "mois", "semaines", "jours", "annees"]);

/**
 * Counts written in words before a plural noun (« huit départements »): value and folded noun; with `digits`, counts
 * written in digits too (« 6 départements »), as a source may give them, and « deux » before any noun (a source's
 * « pour deux ans » is what a sentence's « pour cinq ans » is held to). Without `digits`, « deux » counts only a
 * duration (« les deux communes » says both, not a count).
 */
export function wordCounts(text: string, digits = false): { raw: string; value: number; noun: string }[] {
  const out: { raw: string; value: number; noun: string }[] = [];
  // Durations too (« valable trois ans », « six mois »). The noun is looked ahead, not taken: a number word that ends
  // like a plural (« valable trois ans ») may open the next count.
  const re =
    /(?<![\p{L}\d])(?<!\d[ \u00a0\u202f])(\p{L}+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?=(\s+)(\p{L}{4,}[sx]|ans|mois)(?!\p{L}))/gu;
  for (const m of text.matchAll(re)) {
    // The words before it that spell the same number (« quatre-vingt mille postes »).
    const spelled = /^\d/.test(m[1]!) ? null : numberInWords(text.slice(Math.max(0, m.index! - 60), m.index!) + m[1]!);
    const value = spelled ? spelled.value : /^\d/.test(m[1]!) && digits ? Number(m[1]!.replace(/\D/g, "")) : undefined;
    // « multipliés par huit depuis le rachat »: a preposition or an adverb counts nothing.
    if (value === undefined || value < 2 || COUNTED_STOPS.has(fold(m[3]!))) continue;
    if (value === 2 && !digits && !DURATIONS.has(fold(m[3]!))) continue;
    out.push({ raw: spelled ? `${spelled.raw} ${m[3]}` : `${m[1]}${m[2]}${m[3]}`, value, noun: fold(m[3]!) });
  }
  return out;
}

/**
 * The number a text spells out at its end (« environ quatre-vingt mille » → 80 000, « vingt et un » → 21), with the
 * words that spell it, or null when its last word is not a number word.
 */
export function numberInWords(text: string): { raw: string; value: number } | null {
  const tokens = text.split(/([\s-]+)/);
  let start = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i -= 2) {
    const w = fold(tokens[i]!).replace(/s$/, "");
    if (NUMBER_WORDS[w] === undefined && NUMBER_WORDS[`${w}s`] === undefined && !(w === "et" && i < tokens.length - 1))
      break;
    start = i;
  }
  while (start < tokens.length && fold(tokens[start]!) === "et") start += 2;
  if (start >= tokens.length) return null;
  let total = 0;
  let current = 0;
  for (let i = start; i < tokens.length; i += 2) {
    const w = fold(tokens[i]!);
    const v = NUMBER_WORDS[w] ?? NUMBER_WORDS[w.replace(/s$/, "")];
    if (v === undefined) continue; // « et »
    if (v === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (v === 100) current = (current || 1) * 100;
    else if (v === 20 && current % 100 === 4)
      current += 76; // « quatre-vingt » = 80
    else current += v;
  }
  return { raw: tokens.slice(start).join(""), value: total + current };
}

/** Words that make the year right after them a deadline (`server/i18n/fr/deadline-words.txt`), a month between. */
const DEADLINE_BEFORE = new RegExp(
  `(?<!\\p{L})(?:${wordAlternation(wordListLines("deadline-words.txt")).replace(/ /g, "\\s+")})\\s+(?:\\p{L}+\\s+)?$`,
  "iu",
);

/** Least words a year must be said with (around it, in its clause) for the moved-year check to compare them. */
export const YEAR_EVENT_MIN_WORDS = 3;

/**
 * The year the cited passages give to what a sentence dates with another year of theirs, or null: the content words
 * around the year (up to six on each side, within its clause and commas, not past another figure) are most of those of a source
 * sentence that states a year of its own, never this one, while the year is written elsewhere in the passages (« Le
 * Référentiel général d'interopérabilité existe depuis 2012 » where the passage says « existe depuis 2009 » and
 * dates a circular of 2012). A year beside a quantity is held to it apart (`verify.yearMismatch`).
 */
export function yearMoved(stated: string, y: Spot, spots: Spot[], pool: Source[]): string | null {
  const [start, stop] = clauseAround(stated, y.at, y.end);
  if (spots.some((s) => QUANTITY.has(s.f.kind) && s.at >= start && s.end <= stop)) return null;
  const subject = eventWords(stated, y, spots);
  if (subject === null) return null;
  const year = y.f.year!;
  const sentences = pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading));
  // Written in the passages, if only in a heading's date (« Produit : Elise (2016-09-28) »): the words it dates are
  // still held to the year the passage gives them.
  if (!pool.some((s) => s.sentences.some((ss) => ss.figures.some((f) => f.year === year)))) return null;
  const need = Math.max(YEAR_EVENT_MIN_WORDS, Math.ceil(subject.length * POLARITY_MIN_SHARE));
  const shared = sentences.map((ss) => subject.filter((w) => inBag(w, ss.said)).length);
  const best = Math.max(0, ...shared);
  if (best < need) return null;
  const carriers = sentences.filter((_, i) => shared[i] === best);
  // The year the carrier gives to those words: one written among them (its part between commas shares two of them),
  // not the year of another statement of its sentence (« …, mais Linux ne concerne que 800 postes prévus fin 2026 »).
  const dated = carriers.map((ss) =>
    datedParts(withoutReferences(ss.text)).filter((d) => subject.filter((w) => inBag(w, d.bag)).length >= 2),
  );
  // A carrier writing the year too gives it to those words, unless it writes another year in its place (same words
  // around: « Elle a été fondée en 2007 par la fusion de deux structures : ObjectWeb, … dissous le 31 décembre 2006 »).
  // A carrier whose parts sharing those words all write another year (« serveurs … sous Linux dès 2001, passage à
  // OpenOffice proposé aux agents en 2008-2009 », « après un projet de juin 2021, la FCC a interdit en novembre 2022 … »)
  // gives them that year: the one the sentence writes dates the carrier's other part (faithful27).
  // A deadline (« d'ici 2020 ») is held to where the carrier writes it as before: it dates no part of the event.
  const slot = wordSides(stated, y.at, y.end - y.at);
  const deadline = DEADLINE_BEFORE.test(stated.slice(Math.max(0, y.at - 30), y.at));
  const datesIt = (ss: SourceSentence, i: number) =>
    ss.ownYears.includes(year) &&
    (dated[i]!.some((d) => d.year === year) || ((deadline || dated[i]!.length === 0) && !yearInPlace(ss, slot, year)));
  if (carriers.some(datesIt)) return null;
  if (dated.some((d) => d.length === 0) || dated[0]![0]!.year === year) return null;
  const other = dated[0]![0]!.year;
  // The sentence writing that year too, beside the words the carrier gives it, as many as this year's (« Ce séminaire
  // a été précédé, le 26 janvier 2026, par l'annonce de … d'ici 2027 »): those words are dated right, this year dates
  // something else. Fewer (« Bitdefender … fondé en 1985, G DATA … fondé en 2001 »): the two years are exchanged.
  // Not for a deadline the carrier does not write (« voté le retour … d'ici 2005 » where the passage says 2017 for the
  // vote and 2005 for something else): nothing in the passage sets that deadline.
  const right = spots.some((o) => {
    if (deadline || o === y || o.f.year !== other) return false;
    const around = eventWords(stated, o, spots, 2) ?? [];
    return dated[0]!.some((d) => {
      const fits = around.filter((w) => inBag(w, d.bag)).length;
      return d.year === other && fits >= 2 && fits >= subject.filter((w) => inBag(w, d.bag)).length;
    });
  });
  return right ? null : String(other);
}

/**
 * The content words a year of a sentence dates: up to six on each side, within its clause and commas, not past another
 * figure (a year that opens its sentence dates the part after the comma); null under `min` words.
 */
function eventWords(stated: string, y: Spot, spots: Spot[], min = YEAR_EVENT_MIN_WORDS): string[] | null {
  const [start, stop] = clauseAround(stated, y.at, y.end);
  const before = spots.filter((s) => s.end <= y.at && s.at >= start).at(-1)?.end ?? start;
  const after = spots.find((s) => s.at >= y.end && s.end <= stop)?.at ?? stop;
  // Within its commas too: « entre 2005 et 2013, puis le conseil a voté le retour » does not date the vote 2013.
  // A year that opens its sentence (« En 2016, le CNLL a engagé … ») dates the part after the comma.
  const ahead = stated.slice(y.end, after).split(",");
  const behind = contentWords(stated.slice(before, y.at).split(",").at(-1)!).slice(-6);
  const opens = behind.length === 0 && contentWords(ahead[0]!).length === 0 && before === 0;
  const near = [...behind, ...contentWords(ahead[opens ? 1 : 0] ?? "").slice(0, 6)].filter(
    (w) => !MONTH_NAMES.test(w) && !WEAK.has(w),
  );
  const subject = [...new Set(near)];
  return subject.length < min ? null : subject;
}

/**
 * The years of a text with the words of their part between commas (the next part for a year that opens it). A year in
 * parentheses after a name (« de la branche entreprise de McAfee (rachetée en 2021) et de FireEye ») dates that name
 * only, with what the parentheses say (« rachetée en »): not the rest of the part before it.
 */
function datedParts(text: string): { year: number; bag: Bag }[] {
  const out: { year: number; bag: Bag }[] = [];
  for (const spot of located(text, extractFigures(text))) {
    if (spot.f.year === undefined || spot.f.kind === "daymonth") continue;
    const open = text.lastIndexOf("(", spot.at);
    const close = text.indexOf(")", spot.end);
    if (
      open >= 0 &&
      close >= 0 &&
      !text.slice(open, spot.at).includes(")") &&
      !text.slice(spot.end, close).includes("(")
    ) {
      const inside = text.slice(open + 1, close);
      // A bare date in parentheses (« LiMux (2005-2013) »), or dates by name (« certifiée CSPN par l'ANSSI (iOS 2020,
      // Android 2021) »), still dates the whole part: only what the parentheses say in words (« rachetée en ») is theirs.
      if (contentWords(inside).some((w) => !MONTH_NAMES.test(w)) && /(?<!\p{L})\p{Ll}{4,}/u.test(inside)) {
        const owner = contentWords(text.slice(0, open)).at(-1) ?? "";
        out.push({ year: spot.f.year, bag: bagOf(`${owner} ${inside}`) });
        continue;
      }
    }
    const before = text.slice(0, spot.at).split(/[,;:.]/);
    const after = text.slice(spot.end).split(/[,;:.](?!\d)/);
    const opens = contentWords(before.at(-1)!).length === 0 && contentWords(after[0]!).length === 0;
    out.push({ year: spot.f.year, bag: bagOf(`${before.at(-1)} ${after[0]} ${opens ? (after[1] ?? "") : ""}`) });
  }
  return out;
}

/** How far above (« plus de ») or below (« moins de ») a rounded count in words a source's count may be: 1.5 times. */
export const ROUNDED_COUNT_SPAN = 1.5;

/**
 * Whether a count in words of a sentence (« plus de trois cents logiciels ») is a source's count (« 324 logiciels »):
 * the same value, or, after a word that rounds it, a value on its side of it (« plus de », « moins de ») or near it
 * (« environ », « près de »: within 10 %).
 */
export function countGiven(sentence: string, count: { raw: string; value: number }, given: number): boolean {
  if (given === count.value) return true;
  const word = roundingWordBefore(sentence, count.raw.split(/\s+/)[0]!);
  if (!word) return false;
  if (/plus de|au moins/.test(word)) return given > count.value && given < count.value * ROUNDED_COUNT_SPAN;
  if (/moins de/.test(word)) return given < count.value && given > count.value / ROUNDED_COUNT_SPAN;
  return Math.abs(given - count.value) <= 0.1 * given;
}
