/** Sources cut in sentences, each figure located with what it counts and the words on its sides. */
import { BoundedMap } from "../core/bounded.ts";
import { escapeRegExp } from "../core/text.ts";
import { fold, stem } from "../retrieval/french.ts";
import { fractionFigures, QUALIFIER_SOURCE, QUALIFIER_WORD, QUANTITY, SELF_REPORTED_WORD } from "./figure-match.ts";
import { extractFigures, type Figure, NUMBER_WORDS } from "./figures.ts";
import { CERTAINTY } from "./negation.ts";
import { MONTH_NAMES, namesOf } from "./proper-nouns.ts";
import { asksOnly, clauseAround, sentenceSpans, statementsOf, unwrap, withoutReferences } from "./sentences.ts";
import { type Bag, bagOf, contentWords, inBag, wordList, words } from "./words.ts";

/** A source cut in sentences, each with its figures and words (the words around a number say what it measures). */
export interface SourceSentence {
  text: string;
  /** The passage heading (document and section), which often says what its numbers measure. */
  heading: string;
  figures: Figure[];
  bag: Bag;
  qualified: boolean;
  /** Figures the sentence after says are exact while it qualifies the others (« Les dates de 2004 et 2008 sont exactes, mais … »). */
  exact?: Figure[];
  /**
   * A self-reported figure's qualifier as written where it qualifies the sentence, in it or in the sentence after it
   * (« Il s'agit d'un chiffre communiqué par la municipalité elle-même »): what the reason quotes.
   */
  qualifier?: string;
  /**
   * The heading, the sentence and the two before it: where what a figure is said of is named (« La Gendarmerie a
   * migré… Elle économise 2 millions d'euros par an »).
   */
  around: Bag;
  /** The heading and the sentence without its source references: what the sentence itself says. */
  own: Bag;
  /** Years the sentence itself states. */
  ownYears: number[];
  /** Years the two sentences before it state (not its heading). */
  yearsBefore: number[];
  /** Names the sentence itself gives (not those it quotes from: « selon la Cour des comptes »), folded. */
  ownNames: string[];
  /** The sentence alone, without its heading and source references. */
  said: Bag;
  /** A question of the structured data (the question a briefing note answers): it states no figure. */
  asks: boolean;
  /** The passage's heading (document title and section), above a body of its own. */
  inHeading: boolean;
  /** The name the sentence gives before its first quantity (its subject: « la DINUM a annoncé … 200 postes »), folded. */
  subject: string | null;
  /**
   * For a list item, the sentence that opens its list (« Deux montants d'économies sont publiés : »): it says what the
   * item's figures measure. Empty otherwise.
   */
  leadIn: string;
}

/**
 * The first name a sentence gives before its first quantity, folded (its subject), or null. A name in an aside in
 * parentheses (« Européen (hors UE) mais racheté par le fonds américain X, qui a conclu … ») is not the subject.
 */
function subjectOf(t: string, figures: Figure[]): string | null {
  const stated = withoutReferences(t).replace(/\b(?:selon|d['’]apr[eè]s)\s[^,;:]+/giu, " ");
  const first = figures.find((f) => QUANTITY.has(f.kind));
  const at = first ? stated.indexOf(first.raw) : -1;
  if (at < 0) return null;
  const name = namesOf(stated.slice(0, at).replace(/\([^()]*\)/g, " "))[0];
  return name ? words(name).join(" ") : null;
}

/**
 * Whether a source sentence qualifies its own figures: the qualifier in the statement that writes a figure (« ce
 * chiffre de 534 millions d'euros n'est confirmé par aucune source »), not in another one (« Non confirmé et
 * prospectif ; à ce jour Copilot est vendu environ 30 dollars » qualifies what comes before, not the 30 dollars).
 */
function qualifiesOwn(sentence: string): boolean {
  return statementsOf(asidesApart(sentence, QUALIFIER_SOURCE).main).some(
    (st) => QUALIFIER_SOURCE.test(st) && extractFigures(st).length > 0,
  );
}

/**
 * The figures of a sentence that qualifies its own figures which the qualifying statements do not bear on: those of its
 * other statements, when each statement that qualifies names what it qualifies before its qualifier, by a figure
 * (« le chiffre de « 300 entreprises » n'est pas confirmé ») or a word of its own (« réalisation du rachat non vérifiée
 * (dernier état connu : août 2025) »), not by a word that takes up the sentence (« ce chiffre », « information non
 * vérifiée (2025) », `reserve-take-up.txt`) nor after a demonstrative (« cette vente, non confirmée (2024) »).
 * Undefined when there are none (faithful32: « 300 milliards d'euros sur dix ans, montant confirmé par … ; le chiffre
 * de « 300 entreprises » n'est pas confirmé »).
 */
function unqualifiedStatements(sentence: string): Figure[] | undefined {
  const statements = statementsOf(asidesApart(sentence, QUALIFIER_SOURCE).main);
  const qualifying = statements.filter((st) => QUALIFIER_SOURCE.test(st));
  const namesItsOwn = (st: string) => {
    const before = st.slice(0, st.search(QUALIFIER_SOURCE));
    if (extractFigures(before).length > 0) return true;
    if (/^[\s*•-]*(?:ce|cet|cette|ces)\s/iu.test(before)) return false;
    return contentWords(before).some(
      (w) => !CERTAINTY.test(w) && !QUALIFIER_WORD.test(w) && !FIGURE_NOUNS.has(w) && !TAKE_UP.has(w),
    );
  };
  if (!qualifying.every(namesItsOwn)) return undefined;
  const free = statements.filter((st) => !QUALIFIER_SOURCE.test(st)).flatMap((st) => extractFigures(st));
  return free.length > 0 ? free : undefined;
}

/** Words that take up what a sentence says before a qualifier (`server/i18n/fr/reserve-take-up.txt`), folded. */
const TAKE_UP = new Set(wordList("reserve-take-up.txt").map((w) => fold(w)));

/**
 * A sentence with its asides in parentheses that carry a reserve of their own taken apart (« Parmi les alternatives
 * figurent Proxmox VE (logiciel libre, dont l'éditeur serait installé à Vienne, information non confirmée) et XCP-ng,
 * porté par la société Vates fondée en 2012 »): the reserve (`reserve`) bears on what the aside says, not on the rest
 * of the sentence. An aside is apart when it writes no figure and names what it reserves (at least two content words
 * before the reserve, besides words of certainty and nouns of a figure); « 534 millions d'euros (non confirmé) »
 * keeps its aside, which qualifies the figure before it.
 */
export function asidesApart(sentence: string, reserve: RegExp): { main: string; asides: string[] } {
  const asides: string[] = [];
  const main = sentence.replace(/\(([^()]*)\)/g, (whole, inside: string) => {
    const at = inside.search(reserve);
    if (at < 0 || extractFigures(inside).length > 0) return whole;
    const named = [...new Set(contentWords(inside.slice(0, at)))].filter(
      (w) => !CERTAINTY.test(w) && !QUALIFIER_WORD.test(w) && !FIGURE_NOUNS.has(w),
    );
    if (named.length < QUALIFIED_OWN_MIN_WORDS) return whole;
    asides.push(inside);
    return " ";
  });
  return { main: main.replace(/\s+/g, " "), asides };
}

/**
 * Whether a source sentence qualifies the figures of the sentence before it: it opens with a statement that
 * qualifies and writes no figure (« Non confirmé par une autre source. », « Ce nombre précis n'a été confirmé par
 * aucune autre source ; … »).
 */
function qualifiesBefore(next: string, previous: string): boolean {
  const first = statementsOf(next.replace(/^\s*[-*•]\s+/, ""))[0] ?? "";
  return (
    (QUALIFIER_SOURCE.test(first) && extractFigures(first).length === 0 && !qualifiesItsOwn(first, previous)) ||
    contrastQualified(next, previous) !== null
  );
}

/**
 * « Les dates de 2004 et 2008 sont exactes, mais ces trois chiffres ne sont confirmés par aucune autre source »: the
 * next sentence's part after a contrast names the figures before by a noun of a figure (« ces trois chiffres ») and
 * qualifies them; the figures its first part writes (« 2004 et 2008 ») are the ones it does not. Those figures, or null
 * when the sentence does not qualify so.
 */
function contrastQualified(next: string, previous: string): Figure[] | null {
  const first = statementsOf(next.replace(/^\s*[-*•]\s+/, ""))[0] ?? "";
  const parts = first.split(CONTRAST_BREAK);
  const k = parts.findIndex(
    (part, i) =>
      i > 0 &&
      QUALIFIER_SOURCE.test(part) &&
      extractFigures(part).length === 0 &&
      contentWords(part.slice(0, part.search(QUALIFIER_SOURCE))).some((w) => FIGURE_NOUNS.has(w)) &&
      !qualifiesItsOwn(part, previous),
  );
  return k < 0 ? null : extractFigures(parts.slice(0, k).join(" "));
}

/** A contrast inside a statement (« …, mais … », « ; en revanche, … »). */
const CONTRAST_BREAK = /,?\s+(?:mais|en revanche|toutefois|cependant)\s*,?\s+/iu;

/** Nouns that name a figure (« ce chiffre », « ce montant »: `server/i18n/fr/figure-nouns.txt`), folded. */
const FIGURE_NOUNS = new Set(wordList("figure-nouns.txt").map((w) => fold(w)));

/** Least words of its own a qualifying statement must write to qualify what it names rather than the sentence before. */
export const QUALIFIED_OWN_MIN_WORDS = 2;

/**
 * A qualifying statement that names what it qualifies (« La ville du siège n'est pas confirmée par nos sources »,
 * « Selon des sources commerciales, l'outil serait hébergé par Nuvola …, non confirmé »): at least two of its words
 * before the qualifier, besides the nouns of a figure, are not in the sentence before it.
 */
function qualifiesItsOwn(statement: string, previous: string): boolean {
  const before = bagOf(previous);
  // What it says before its qualifier is what it qualifies (« Ce chiffre est non confirmé : aucune autre source ne le
  // donne » names no subject of its own).
  const subject = statement.slice(0, Math.max(0, statement.search(QUALIFIER_SOURCE)));
  const own = [...new Set(contentWords(subject))].filter(
    (w) => !CERTAINTY.test(w) && !QUALIFIER_WORD.test(w) && !FIGURE_NOUNS.has(w) && !inBag(w, before),
  );
  return own.length >= QUALIFIED_OWN_MIN_WORDS;
}

/**
 * Days of a source sentence written without their year (« **Août 2025** : … sanctionné le 20 ou le 21 août selon les
 * sources »), as dates of the year the sentence gives their month, or else of the one year it states: a sentence
 * writing « le 20 ou le 21 août 2025 » is found there.
 */
function datedDays(figures: Figure[]): Figure[] {
  const dated = figures.filter((f) => f.year !== undefined && f.kind !== "daymonth");
  const years = new Set(dated.map((f) => f.year!));
  return figures.flatMap((f) => {
    if (f.kind !== "daymonth") return [];
    const year = dated.find((d) => d.month === f.month)?.year ?? (years.size === 1 ? [...years][0] : undefined);
    return year === undefined ? [] : [{ ...f, kind: "date" as const, value: year, year }];
  });
}

function sourceSentences(text: string, heading: string): SourceSentence[] {
  // The part of the heading that qualifies (« les chiffres non confirmés (103 164 postes, 534 millions d'euros) »),
  // not the document title beside it, whose years (« (2004-2021) ») are not what the section calls unconfirmed.
  const qualifying = heading
    .split(" — ")
    .filter((part) => QUALIFIER_SOURCE.test(part))
    .join(" ");
  const spans = sentenceSpans(unwrap(text)).map((s) => s.text);
  return spans.map((t, i) => {
    const figures = [...extractFigures(t), ...fractionFigures(t)];
    for (const w of fold(t).match(/\p{L}+/gu) ?? [])
      if (NUMBER_WORDS[w] !== undefined) figures.push({ raw: w, kind: "number", value: NUMBER_WORDS[w]! });
    figures.push(...datedDays(figures));
    return {
      text: t,
      heading,
      figures,
      bag: bagOf(`${heading} ${t}`),
      qualified:
        qualifiesOwn(t) ||
        qualifiesBefore(spans[i + 1] ?? "", t) ||
        (qualifying !== "" && figures.some((f) => qualifying.includes(f.raw))),
      exact: qualifiesOwn(t)
        ? qualifiesBefore(spans[i + 1] ?? "", t)
          ? undefined
          : unqualifiedStatements(t)
        : (contrastQualified(spans[i + 1] ?? "", t) ?? undefined),
      // Quoted inside a sentence of the reason, lower-case.
      qualifier: (qualifiesOwn(t) ? t : qualifiesBefore(spans[i + 1] ?? "", t) ? spans[i + 1] : undefined)
        ?.match(SELF_REPORTED_WORD)?.[0]
        .replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()),
      around: bagOf(`${heading} ${spans.slice(Math.max(0, i - 2), i + 1).join(" ")}`),
      own: bagOf(`${heading} ${withoutReferences(t)}`),
      ownYears: extractFigures(withoutReferences(t)).flatMap((f) => (f.year ? [f.year] : [])),
      yearsBefore: extractFigures(
        withoutReferences(
          spans
            .slice(Math.max(0, i - 2), i)
            .filter((x) => !heading.includes(x))
            .join(" "),
        ),
      ).flatMap((f) => (f.year ? [f.year] : [])),
      ownNames: namesOf(withoutReferences(t).replace(/\b(?:selon|d['’]apr[eè]s)\s[^,;:]+/giu, " ")).map((n) =>
        words(n).join(" "),
      ),
      said: bagOf(withoutReferences(t)),
      asks: heading === "" && asksOnly(t),
      inHeading: heading !== "" && spans.length > 1 && heading.includes(t),
      subject: subjectOf(t, figures),
      leadIn: leadInOf(spans, i),
    };
  });
}

/** A list item's opening: a span that starts with a list marker (« - », « 1. »). */
const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s/;

/** The sentence that opens the list a span is an item of (it ends with « : »), or "" (see `SourceSentence.leadIn`). */
function leadInOf(spans: string[], i: number): string {
  if (!LIST_ITEM.test(spans[i]!)) return "";
  for (let k = i - 1; k >= 0; k--) if (!LIST_ITEM.test(spans[k]!)) return /:\s*$/.test(spans[k]!) ? spans[k]! : "";
  return "";
}

/**
 * Content words of a sentence near a figure (what the number measures): up to `span` on each side, around the
 * figure written at `at` (« 300 milliards … 300 entreprises »: each 300 has its own words).
 */
export function contextOf(sentence: string, raw: string, span = 4, at = sentence.indexOf(raw)): string[] {
  if (at < 0) return [];
  const before = contentWords(sentence.slice(0, at)).slice(-span);
  const after = contentWords(sentence.slice(at + raw.length)).slice(0, span);
  return [...before, ...after];
}

/** Words that follow a number without saying what it counts (« 40 % environ », « 12 millions d'euros par an »). */
export const NOT_COUNTED = new Set("environ pres plus moins seulement fois par an ans mois jours entre".split(" "));
/**
 * Prepositions that end what a number counts (`server/i18n/fr/counted-stops.txt`, data): « 70 000 postes sous Ubuntu »
 * counts postes, « sous » does not qualify them.
 */
export const COUNTED_STOPS = new Set(wordList("counted-stops.txt").map((w) => fold(w)));

/**
 * What a share or a plain count of a sentence is of, folded: « 80 % des grandes organisations » → [grandes,
 * organisations] — the content words right after « de/des/du » (a share) or right after the number (a count), up
 * to the first word that is not one; empty when none is said.
 */
export function countedThing(
  sentence: string,
  f: Figure,
  at = sentence.indexOf(f.raw),
): { word: string; name: boolean }[] {
  if (f.kind !== "percent" && f.kind !== "number") return [];
  if (at < 0) return [];
  // « 2,5 millions d'ordinateurs »: the « d' » after a figure in words (not part of it) leads to what it counts.
  let rest = sentence
    .slice(at + f.raw.length)
    .replace(/^\s*d['’]\s*(?=\p{L})/u, (m) => (/(?:mille|ions?|iards?)$/u.test(f.raw) ? " " : m));
  if (f.kind === "percent") {
    // « 95 % de cette somme » is a share of the sum (trial16 C3), as « 95 % de son parc » is of the parc.
    const share =
      /^\s*(?:(?:des|du|de)\s+|d['’])(?:(?:la|le|les|ses|son|sa|leurs?|nos|notre|vos|votre|ces|cette|cet|ce)\s+|l['’])?/u.exec(
        rest,
      );
    if (!share?.[0].trim()) return [];
    rest = rest.slice(share[0].length);
  }
  const out: { word: string; name: boolean }[] = [];
  // The words right after (« 80 000 agents »: the first token, not the space before it), to a punctuation mark.
  // Quotation marks around a word (« 40 000 utilisateurs « réguliers » ») do not end what is counted.
  // Only the first words count: a window keeps a sentence of many figures from splitting its whole rest for each.
  const tokens = rest
    .slice(0, 240)
    .trim()
    .split(/\s+/)
    .filter((t) => !/^[«»"“”]+$/u.test(t))
    .map((t) => t.replace(/^[«"“]/u, ""));
  for (const token of tokens.slice(0, 3)) {
    const bare = token.replace(/[,.;:)»]+$/u, "");
    const word = /^[\p{L}-]+$/u.test(bare) ? contentWords(bare)[0] : undefined;
    if (!word || word.length < 4 || NOT_COUNTED.has(word) || COUNTED_STOPS.has(word) || MONTH_NAMES.test(word)) break;
    out.push({ word, name: /^\p{Lu}/u.test(bare) });
    if (out.length === 2 || bare !== token) break;
  }
  return out;
}

/**
 * What a count of a source sentence written without its noun counts (« environ 250 postes …, 500 de plus d'ici fin
 * 2026 (soit environ 800 au total) »): the noun of the nearest count before it in the sentence that has one.
 */
export function elidedCount(ss: SourceSentence, spots: Spot[], k: number): string[] {
  const spot = spots[k]!;
  if (spot.f.kind !== "number" || countedThing(ss.text, spot.f, spot.at).length > 0) return [];
  for (let j = k - 1; j >= 0; j--) {
    if (spots[j]!.f.kind !== "number" || countedThing(ss.text, spots[j]!.f, spots[j]!.at).length === 0) continue;
    // The words after that count (« postes doivent passer sous Linux »): what the total is of.
    return spotsOf(ss).sides[j]!.after;
  }
  return [];
}

/** Nouns of a share (`server/i18n/fr/share-nouns.txt`, data): « la part du capital … à 24 % ». */
const SHARE_NOUNS = wordList("share-nouns.txt").map((w) => fold(w));
const SHARE_OF = new RegExp(
  `(?<![\\p{L}-])(?:${SHARE_NOUNS.map(escapeRegExp).join("|")})\\s+(?:de\\s+la\\s+|de\\s+l['’]\\s*|du\\s+|des\\s+|de\\s+|d['’]\\s*)`,
  "giu",
);

/**
 * What a percentage of a source sentence is a share of when the sentence names it before the figure, in the same
 * clause, after a noun of a share (« en limitant la part du capital et des droits de vote détenue par des entités non
 * européennes à 24 % » → capital, droits, vote): the content words after the last such noun, up to four, before the
 * figure. Empty for another figure or when no share noun comes first.
 */
export function shareOf(ss: SourceSentence, spot: Spot): string[] {
  if (spot.f.kind !== "percent") return [];
  const [start] = clauseAround(ss.text, spot.at, spot.end);
  const before = ss.text.slice(start, spot.at);
  const last = [...before.matchAll(SHARE_OF)].at(-1);
  if (!last) return [];
  return contentWords(before.slice(last.index! + last[0].length)).slice(0, 4);
}

export interface Spot {
  f: Figure;
  at: number;
  end: number;
}

/**
 * Where `raw` is written from `from` on as a whole figure, not inside a longer number (« 20 » in « Office 2016 »,
 * when the year is not among the figures located: faithful-blind-19 « sur les 20 postes inventoriés »); -1 if nowhere.
 */
function whole(text: string, raw: string, from: number): number {
  const re = new RegExp(`(?<!\\d)(?<!\\d[.,])${escapeRegExp(raw)}(?!\\d)(?![.,]\\d)`, "gu");
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

/**
 * Figures of a text with their offsets (the two ends of a range share one written form), each where it is written
 * whole when it is (`whole`).
 */
export function located(text: string, figures: Figure[]): Spot[] {
  const out: Spot[] = [];
  let from = 0;
  for (const f of figures) {
    const previous = out.at(-1);
    if (previous && previous.f.raw === f.raw) {
      out.push({ ...previous, f });
      continue;
    }
    let at = whole(text, f.raw, from);
    if (at < 0) at = whole(text, f.raw, 0);
    if (at < 0) at = text.indexOf(f.raw);
    if (at < 0) continue;
    out.push({ f, at, end: at + f.raw.length });
    from = at + f.raw.length;
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Words that say what a number measures: content words, and the years beside it. */
export function sideWords(text: string): string[] {
  const kept = new Set(contentWords(text));
  return words(text).filter((w) => kept.has(w) || /^(?:19|20)\d\d$/.test(w));
}

export interface Sides {
  before: string[];
  after: string[];
}

/**
 * The words on each side of a quantity, nearest first, up to `span`, to the next quantity or the end of its
 * clause: « 7 secteurs dits essentiels et 11 secteurs dits importants » — 7: after [secteurs, dits, essentiels];
 * 11: before [essentiels, dits, secteurs], after [secteurs, dits, importants].
 */
export function sidesOf(text: string, spots: Spot[], i: number, span = 4): Sides {
  const { at, end } = spots[i]!;
  const [start, stop] = clauseAround(text, at, end);
  // The second end of a range shares what precedes the first: « migré entre 15 000 et 18 000 postes ».
  let from = at;
  let previous = spots.filter((s) => s.end <= from).at(-1);
  while (previous && /^\s*(?:et|à|ou|-|–)\s*$/.test(text.slice(previous.end, from))) {
    from = previous.at;
    const before = from;
    previous = spots.filter((s) => s.end <= before).at(-1);
  }
  let next = spots.slice(i + 1).find((s) => s.at >= end);
  // The first end of a range shares what the second counts: « entre 15 000 et 18 000 postes ».
  let to = end;
  while (next && /^\s*(?:et|à|ou|-|–)\s*$/.test(text.slice(to, next.at))) {
    to = next.end;
    const beyond = next.end;
    next = spots.find((s) => s.at >= beyond);
  }
  const before = sideWords(text.slice(Math.min(from, Math.max(start, previous?.end ?? 0)), from))
    .reverse()
    .slice(0, span);
  const after = sideWords(text.slice(to, Math.min(Math.max(stop, to), next?.at ?? text.length))).slice(0, span);
  return { before, after };
}

const sameWord = (a: string, b: string) => a === b || stem(a) === stem(b);

/** How much the words around a figure of a sentence are those around a figure of a source, side by side. */
export function affinity(claim: Sides, source: Sides): number {
  let score = 0;
  for (const side of ["before", "after"] as const)
    claim[side].forEach((w, i) => {
      const j = source[side].findIndex((x) => sameWord(w, x));
      if (j >= 0 && Math.abs(i - j) <= 2) score += 1 / (i + 1);
    });
  return score;
}

/** Quantity spots of every sentence of the sources, computed once per verification. */
const spotsCache = new WeakMap<SourceSentence, { spots: Spot[]; sides: Sides[] }>();
export function spotsOf(ss: SourceSentence) {
  let known = spotsCache.get(ss);
  if (!known) {
    const spots = located(
      ss.text,
      ss.figures.filter((f) => QUANTITY.has(f.kind)),
    );
    known = { spots, sides: spots.map((_, i) => sidesOf(ss.text, spots, i)) };
    spotsCache.set(ss, known);
  }
  return known;
}

/** The folded words on each side of a word of a text, nearest first. */
export function wordSides(text: string, at: number, length: number, span = 2): Sides {
  return {
    before: words(text.slice(0, at)).slice(-span).reverse(),
    after: words(text.slice(at + length)).slice(0, span),
  };
}

/** Two words in the same place: the same two words before, or after, or one on each side. */
export function sameSlot(a: Sides, b: Sides): boolean {
  const same = (x: string[], y: string[], k: number) =>
    x.length >= k && y.length >= k && x.slice(0, k).every((w, i) => w === y[i]);
  return (
    same(a.before, b.before, 2) ||
    same(a.after, b.after, 2) ||
    (same(a.before, b.before, 1) && same(a.after, b.after, 1))
  );
}

export interface Source {
  n: number | null;
  sentences: SourceSentence[];
  bag: Bag;
}

/** A passage (its first line is its document and section) or, with `n` null, structured data (no heading). */
export function toSource(n: number | null, text: string): Source {
  const key = `${n === null ? "data" : "passage"}\n${text}`;
  let known = sourcesRead.get(key);
  if (known === undefined) {
    const heading = n === null ? "" : (text.split("\n")[0] ?? "");
    // The heading stays a line of its own, not the start of the first paragraph's sentence.
    const body = n === null ? text : text.replace("\n", "\n\n");
    known = { sentences: sourceSentences(body, heading), bag: bagOf(text) };
    sourcesRead.set(key, known);
  }
  return { n, ...known };
}

/**
 * Passages and data already read (their sentences never change, and the same passages come back answer after answer;
 * read only by the checks): also keeps `spotsOf`'s figures of their sentences.
 */
const sourcesRead = new BoundedMap<string, Omit<Source, "n">>(2_000);
