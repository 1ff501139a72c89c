/**
 * Verification of what a model wrote, for chat answers and draft sections alike (one module, no model needed):
 * - citations: every `[n]` must name a passage given to the model; an invalid one is reported, never removed or
 *   re-linked;
 * - claims: each sentence is checked against the passages it cites (or, citing none, all the passages given and
 *   the structured data): its figures with what they measure (the words around the number), the qualification the
 *   corpus gives a figure (« non confirmé », « contesté »), its names of organisations and places, and, for a
 *   sentence without figures, whether its content words are found at all.
 * The result is explainable: each sentence has a status and French reasons.
 */
import { readFileSync } from "node:fs";
import { escapeRegExp } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { fold, words as foldedWords, stem, synonymsOf } from "../retrieval/french.ts";
import { keywords } from "../retrieval/relevance.ts";
import { actNumbers, extractFigures, type Figure, type FigureKind, NUMBER_WORDS, productVersions } from "./figures.ts";
import { type CitedSentence, type Overstatement, overstated } from "./overstated.ts";

export interface VerifyPassage {
  /** The number the model cites it by: `[n]`. */
  n: number;
  /** Passage text, with its heading and document title (a heading may carry a qualification). */
  text: string;
}

export type SentenceStatus = "supported" | "unsupported" | "invalid-citation" | "no-claim";

export interface SentenceCheck {
  text: string;
  /** Offsets in the verified text. */
  start: number;
  end: number;
  status: SentenceStatus;
  /** Valid citation numbers of the sentence. */
  citations: number[];
  /** Citation numbers that name no passage given to the model. */
  invalidCitations: number[];
  reasons: string[];
}

export interface Verification {
  sentences: SentenceCheck[];
  counts: {
    sentences: number;
    supported: number;
    unsupported: number;
    invalidCitation: number;
    noClaim: number;
    invalidMarkers: number;
  };
}

export interface VerifyOptions {
  /** Structured data (a draft's inputs, computed figures): accepted as a source for figures and names. */
  facts?: string[];
  /**
   * What the user wrote about their own collectivité (« notre commune de 12 000 habitants », `askedContext`): the
   * figures and names it gives are the user's context when the answer repeats them, not claims to find in a passage.
   */
  asked?: string[];
}

/**
 * Sentences of a text with their offsets: a sentence ends at `.`, `!` or `?` followed by a space and a capital, a
 * digit, a quote or a bracket, or at a line break (list items, table rows, headings stay apart).
 */
export function sentenceSpans(text: string): { text: string; start: number; end: number }[] {
  const spans: { text: string; start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (const line of text.matchAll(re)) {
    const base = line.index!;
    // A citation after the full stop (« … en 2018. [1] ») stays with its sentence; an initial does not end one
    // (« l'article L. 123-4-1 »).
    // A list number (« 1. La DINUM… », « … matériel. 4. Prévoir… ») is not a sentence of its own: it stays with its
    // item. A sentence may open with bold or italics (« … [2]. **En résumé**, … »), or with a name whose first capital
    // is its second letter (« eXo Platform »).
    const parts = line[0].split(
      /(?<=[.!?»](?:\s*\[\d+\])*)(?<!(?:^\s*(?:[-*•]\s+)?|[.!?…:;»]\s+)\d{1,2}[.)])(?<!(?<![\p{L}\p{N}])\p{Lu}\.)\s+(?=[\p{Lu}\p{N}«"“(]|\p{Ll}\p{Lu}|(?:\*\*|__|\*)[\p{Lu}\p{N}«]|\[(?!\d+\]))/u,
    );
    let offset = 0;
    for (const part of parts) {
      const at = line[0].indexOf(part, offset);
      offset = at + part.length;
      const trimmed = part.trim();
      if (!trimmed) continue;
      const start = base + at + part.indexOf(trimmed);
      spans.push({ text: trimmed, start, end: start + trimmed.length });
    }
  }
  return spans;
}

/** Sentences of a text, nothing lost (see `sentenceSpans`). */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => s.text);
}

/** Citation numbers of a text, `[1]`, `[1, 2]`, `[1][3]` alike, in order of appearance, without repeats. */
export function citationNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\[(\d+(?:\s*[,;]\s*\d+)*)\]/g))
    for (const n of m[1]!.split(/\s*[,;]\s*/)) if (!out.includes(Number(n))) out.push(Number(n));
  return out;
}

// ——— Words ———

/**
 * « cœurs », « œuvre », « ex æquo » written out (« coeurs »): folding drops the accents, not the ligatures, and a word
 * with « œ » fell apart in two (« c », « urs »).
 */
const unligature = (text: string) =>
  /[œæŒÆ]/.test(text) ? text.replace(/œ/g, "oe").replace(/Œ/g, "Oe").replace(/æ/g, "ae").replace(/Æ/g, "Ae") : text;

/** Folded words of a text, ligatures written out. */
const words = (text: string) => foldedWords(unligature(text));

/** One-word-per-line (or space-separated) list of `server/i18n/fr/`, comments (« # ») left out. */
const wordList = (file: string) =>
  readFileSync(new URL(`../i18n/fr/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .flatMap((l) => l.trim().split(/\s+/));

/** Lines of a list of `server/i18n/fr/` (one entry of several words a line), comments (« # ») left out. */
const wordLines = (file: string) =>
  readFileSync(new URL(`../i18n/fr/${file}`, import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));

/** Words that say nothing checkable (besides stopwords): framing, connectives, verbs of saying (« À en croire … »). */
const WEAK = new Set([
  ..."selon indique precise souligne rappelle note explique ainsi egalement notamment aussi donc cependant toutefois en effet part plus moins tres deja encore environ pres partir depuis lors cadre fin debut ensemble permet permettre objectif important enjeu question reponse passage passages source sources corpus document documents croire".split(
    " ",
  ),
  // Connectives a sentence adds (« en revanche »), as data.
  ...wordList("claim-connectives.txt").flatMap((w) => words(w)),
]);

const contentWords = (text: string) =>
  keywords(unligature(text).replace(/\[\d+\]/g, " ")).filter((w) => !/^\d/.test(w) && !WEAK.has(w) && w.length > 2);

interface Bag {
  list: string[];
  stems: Set<string>;
  joined: string;
}

function bagOf(text: string): Bag {
  const list = words(text);
  return { list, stems: new Set(list.map(stem)), joined: ` ${list.join(" ")} ` };
}

/** A folded word or phrase in a bag of words: same stem, a near prefix, or a synonym. */
function inBag(word: string, bag: Bag, withSynonyms = true): boolean {
  const check = (w: string) => {
    if (w.includes(" ")) return bag.joined.includes(` ${w} `);
    const s = stem(w);
    if (bag.stems.has(s)) return true;
    return s.length >= 5 && bag.list.some((x) => x.startsWith(s) && x.length - s.length <= 3);
  };
  return check(word) || (withSynonyms && synonymsOf(word).some(check));
}

/**
 * Words a model puts in the place of what a figure counts, meaning kept (`server/verify/synonyms.txt`, data): stem →
 * the stems of its group.
 */
const COUNTED_SYNONYMS: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  const lines = readFileSync(new URL("./synonyms.txt", import.meta.url), "utf8").split("\n");
  for (const line of lines.filter((l) => l.trim() && !l.startsWith("#"))) {
    const group = line.split(",").map((w) => words(w).map(stem).join(" "));
    for (const w of group) out.set(w, [...(out.get(w) ?? []), ...group.filter((x) => x !== w)]);
  }
  return out;
})();

/**
 * A place and the adjectives that name it (`server/verify/place-adjectives.txt`, data): folded place → folded
 * adjectives. « en Europe » is named by a passage on a « filiale européenne ».
 */
const PLACE_ADJECTIVES: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  const lines = readFileSync(new URL("./place-adjectives.txt", import.meta.url), "utf8").split("\n");
  for (const line of lines.filter((l) => l.includes(":") && !l.startsWith("#"))) {
    const [place, adjectives] = line.split(":") as [string, string];
    out.set(
      words(place).join(" "),
      adjectives
        .split(",")
        .map((a) => words(a).join(" "))
        .filter(Boolean),
    );
  }
  return out;
})();

/** Whether a name (folded words) is in a bag, as written or, for a place, by one of its adjectives. */
function nameIn(folded: string, bag: Bag): boolean {
  return inBag(folded, bag) || (PLACE_ADJECTIVES.get(folded) ?? []).some((a) => inBag(a, bag, false));
}

/** Folded adjective → the folded places it names (« allemande » → « allemagne »), from the same list. */
const ADJECTIVE_PLACES: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [place, adjectives] of PLACE_ADJECTIVES)
    for (const a of adjectives) out.set(a, [...(out.get(a) ?? []), place]);
  return out;
})();

/** A content word of a claim found in a bag: itself, or the place an adjective names (« d'origine allemande », « Allemagne »). */
const wordIn = (folded: string, bag: Bag) =>
  nameIn(folded, bag) || (ADJECTIVE_PLACES.get(folded) ?? []).some((p) => inBag(p, bag, false));

/** Words an acronym skips in the name it stands for (« Cour pénale internationale » → CPI). */
const ACRONYM_SKIPS = new Set(["de", "des", "du", "la", "le", "les", "l", "d", "et", "pour", "en", "a", "aux", "au"]);

/** Whether an acronym (« CPI », folded « cpi ») is given by a name written in full in a bag (« cour penale internationale »). */
export function acronymIn(acronym: string, bag: Bag): boolean {
  if (acronym.length < 2 || acronym.length > 6) return false;
  const list = bag.list;
  for (let i = 0; i < list.length; i++) {
    if (list[i]![0] !== acronym[0]) continue;
    let k = 0;
    for (let j = i; j < list.length && k < acronym.length; j++) {
      if (k > 0 && ACRONYM_SKIPS.has(list[j]!)) continue;
      if (list[j]![0] !== acronym[k] || /^\d/.test(list[j]!)) break;
      k++;
    }
    if (k === acronym.length) return true;
  }
  return false;
}

/** A word in a bag, or one of the words a model puts in its place for what a figure counts. */
export function sameThing(word: string, bag: Bag): boolean {
  if (inBag(word, bag)) return true;
  return (COUNTED_SYNONYMS.get(stem(word)) ?? []).some((s) =>
    s.includes(" ") ? bag.joined.includes(` ${s} `) || s.split(" ").every((x) => bag.stems.has(x)) : bag.stems.has(s),
  );
}

// ——— Figures ———

/** Shares written in words (`server/verify/fractions.txt`, data), and expressions that are never shares. */
const FRACTIONS = (() => {
  const shares: { words: string; value: number }[] = [];
  const never: string[] = [];
  for (const line of readFileSync(new URL("./fractions.txt", import.meta.url), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (line.startsWith("!")) never.push(line.slice(1).trim().toLowerCase());
    else {
      const [words, value] = line.split(":") as [string, string];
      shares.push({ words: words.trim(), value: Number(value.trim()) });
    }
  }
  return { shares, never };
})();

/** Words before a share written in words that make it an amount (« soit près de la moitié », « environ un tiers »). */
const SHARE_BEFORE =
  /(?:^|[\s,(])(?:soit|environ|près\s+d['’e]\s*|plus\s+d['’e]\s*|moins\s+d['’e]\s*|presque|pas\s+loin\s+d['’e]\s*|au\s+moins|autour\s+d['’e]\s*|à\s+peu\s+près)\s*$/iu;

/**
 * Shares a text writes in words, as percentages: « la moitié des agents » (50 %), « soit près d'un tiers » (33,3 %) —
 * a share of something (« de/des/du/d' » after it) or an amount (an approximation before it), not « à un tiers ».
 */
export function fractionFigures(text: string): Figure[] {
  const found: { at: number; figure: Figure }[] = [];
  const lower = text.toLowerCase();
  for (const { words, value } of FRACTIONS.shares) {
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegExp(words)}(?![\\p{L}])`, "giu"))) {
      const at = m.index!;
      const window = lower.slice(at, at + m[0].length + 20);
      if (FRACTIONS.never.some((n) => window.includes(n))) continue;
      const share = /^\s+(?:de\s|des\s|du\s|d['’])/u.test(text.slice(at + m[0].length));
      if (!share && !SHARE_BEFORE.test(text.slice(Math.max(0, at - 24), at))) continue;
      found.push({ at, figure: { raw: m[0], kind: "percent", value } });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.figure);
}

/** A share written in words (« la moitié »), not in digits. */
const inWords = (f: Figure) => f.kind === "percent" && !/\d/.test(f.raw);
/** How far a share in words may be from the percentage it stands for (« un tiers » for 33 % or 35 %). */
export const FRACTION_TOLERANCE = 2.5;

/** Words by which the corpus qualifies a figure it does not vouch for (« non confirmé », « contesté »…). */
export const QUALIFIER_SOURCE =
  /non[- ]confirm|confirm\p{L}*\s+par\s+aucune?\s|aucune?\s+(?:autre\s+)?source\s+ne\s+(?:l[ea]s?\s+|l['’])?confirm|pas (été )?confirm|jamais (été )?confirm|contest|non v[ée]rifi|inv[ée]rifi|non sourc|d[ée]menti|all[ée]gation|revendiqu|selon (l['’]|les? )?[ée]diteur|avancée?s? par|sans source|douteu/iu;
/** The qualifier as written, whole word (« non confirmés »). */
export const QUALIFIER_WORD = new RegExp(`(?:${QUALIFIER_SOURCE.source})\\p{L}*`, "iu");
const QUALIFIER_CLAIM =
  /non[- ]confirm|pas (été )?confirm|jamais (été )?confirm|contest|v[ée]rifi|sourc|d[ée]menti|all[ée]gation|revendiqu|selon|d['’]apr[èe]s|avanc|annonc|affirm|estim|pr[ée]sent[ée]|douteu|prudence|sans preuve|incertain/i;

function sameValue(a: number, b: number): boolean {
  if (Math.abs(a - b) < 1e-9) return true;
  if (Number.isInteger(b)) return false;
  return Math.abs(Math.round(b) - a) < 1e-9 || Math.abs(Math.round(b * 10) / 10 - a) < 1e-9;
}

function figureMatches(f: Figure, s: Figure): boolean {
  switch (f.kind) {
    case "percent":
      if (s.kind !== "percent") return false;
      return inWords(f) || inWords(s) ? Math.abs(f.value - s.value) <= FRACTION_TOLERANCE : sameValue(f.value, s.value);
    case "amount":
    case "number":
      return (
        (s.kind === "amount" || s.kind === "number" || s.kind === "percent" || s.kind === "year") &&
        sameValue(f.value, s.value)
      );
    case "year":
      return s.year === f.year || (s.kind === "number" && s.value === f.value);
    case "month":
      return (s.kind === "month" || s.kind === "date") && s.year === f.year && s.month === f.month;
    case "date":
      return s.kind === "date" && s.year === f.year && s.month === f.month && s.day === f.day;
    case "daymonth":
      return (s.kind === "date" || s.kind === "daymonth") && s.month === f.month && s.day === f.day;
  }
}

/**
 * The word before a figure that says it is rounded (« près de 40 % », « plus de 230 projets »), lower case, or null.
 */
export function approximationBefore(sentence: string, f: Figure): string | null {
  const at = sentence.indexOf(f.raw);
  if (at < 0) return null;
  const m =
    /(?:^|[\s(«'’])(un peu plus d['’]|un peu moins d['’]|plus d['’]|moins d['’]|près d['’]|pas loin d['’]|autour d['’]|un peu plus de|un peu moins de|plus de|moins de|près de|pas loin de|autour de|à peu près|environ|quelque|presque|au moins)\s*$/iu.exec(
      sentence.slice(Math.max(0, at - 24), at),
    );
  return m ? m[1]!.toLowerCase().replace(/d['’]$/, "de") : null;
}

/** A value written with at most two significant digits (« 230 », « 12 millions », « 40 % »): a rounded one. */
const isRound = (v: number) => String(v).replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length <= 2;

/**
 * Whether a rounded figure of a sentence stands for a figure of a source: « près de 12 millions d'euros » for 11,7
 * millions (within 6 %; 2 points for a share), « plus de 230 projets » for 233 (the source at or above it, within
 * 10 %), « moins de 1 000 » for 950. A figure that is not round (« environ 203 ») must be exact.
 */
export function approximates(f: Figure, s: Figure, word: string): boolean {
  if (!QUANTITY.has(f.kind) || !QUANTITY.has(s.kind) || (f.kind === "percent") !== (s.kind === "percent")) return false;
  if ((!isRound(f.value) && !inWords(f)) || s.value <= 0 || f.value === s.value) return false;
  // « près de la moitié » for 47 %, « près de 40 % » for 39,2 %.
  if (f.kind === "percent" && Math.abs(f.value - s.value) > (inWords(f) ? 2 * FRACTION_TOLERANCE : 2)) return false;
  if (inWords(f))
    return /plus de|au moins/.test(word) ? s.value >= f.value : /moins de/.test(word) ? s.value <= f.value : true;
  const gap = Math.abs(f.value - s.value) / s.value;
  if (/plus de|au moins/.test(word)) return s.value >= f.value && gap <= 0.1;
  if (/moins de/.test(word)) return s.value <= f.value && gap <= 0.1;
  return gap <= 0.06;
}

/** A source cut in sentences, each with its figures and words (the words around a number say what it measures). */
interface SourceSentence {
  text: string;
  /** The passage heading (document and section), which often says what its numbers measure. */
  heading: string;
  figures: Figure[];
  bag: Bag;
  qualified: boolean;
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

/** The first name a sentence gives before its first quantity, folded (its subject), or null. */
function subjectOf(t: string, figures: Figure[]): string | null {
  const stated = withoutReferences(t).replace(/\b(?:selon|d['’]apr[eè]s)\s[^,;:]+/giu, " ");
  const first = figures.find((f) => QUANTITY.has(f.kind));
  const at = first ? stated.indexOf(first.raw) : -1;
  if (at < 0) return null;
  const name = namesOf(stated.slice(0, at))[0];
  return name ? words(name).join(" ") : null;
}

/** Paragraphs of a corpus text on one line each (the corpus wraps its lines; lists, tables and headings stay apart). */
export const unwrap = (text: string) => text.replace(/([^\n])\n(?!\n|\s*(?:[#|>]|[-*•]\s|\d+[.)]\s))/g, "$1 ");

/** Statements of a sentence as a qualifier bears on them: apart at « ; ». */
const statementsOf = (sentence: string) => withoutReferences(sentence).split(/\s*;\s*/);

/**
 * Whether a source sentence qualifies its own figures: the qualifier in the statement that writes a figure (« ce
 * chiffre de 534 millions d'euros n'est confirmé par aucune source »), not in another one (« Non confirmé et
 * prospectif ; à ce jour Copilot est vendu environ 30 dollars » qualifies what comes before, not the 30 dollars).
 */
function qualifiesOwn(sentence: string): boolean {
  return statementsOf(sentence).some((st) => QUALIFIER_SOURCE.test(st) && extractFigures(st).length > 0);
}

/**
 * Whether a source sentence qualifies the figures of the sentence before it: it opens with a statement that
 * qualifies and writes no figure (« Non confirmé par une autre source. », « Ce nombre précis n'a été confirmé par
 * aucune autre source ; … »).
 */
function qualifiesBefore(next: string, previous: string): boolean {
  const first = statementsOf(next.replace(/^\s*[-*•]\s+/, ""))[0] ?? "";
  return QUALIFIER_SOURCE.test(first) && extractFigures(first).length === 0 && !qualifiesItsOwn(first, previous);
}

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
function contextOf(sentence: string, raw: string, span = 4, at = sentence.indexOf(raw)): string[] {
  if (at < 0) return [];
  const before = contentWords(sentence.slice(0, at)).slice(-span);
  const after = contentWords(sentence.slice(at + raw.length)).slice(0, span);
  return [...before, ...after];
}

/** Words that follow a number without saying what it counts (« 40 % environ », « 12 millions d'euros par an »). */
const NOT_COUNTED = new Set("environ pres plus moins seulement fois par an ans mois jours entre".split(" "));
/**
 * Prepositions that end what a number counts (`server/i18n/fr/counted-stops.txt`, data): « 70 000 postes sous Ubuntu »
 * counts postes, « sous » does not qualify them.
 */
const COUNTED_STOPS = new Set(wordList("counted-stops.txt").map((w) => fold(w)));

/**
 * What a share or a plain count of a sentence is of, folded: « 80 % des grandes organisations » → [grandes,
 * organisations] — the content words right after « de/des/du » (a share) or right after the number (a count), up
 * to the first word that is not one; empty when none is said.
 */
function countedThing(sentence: string, f: Figure, at = sentence.indexOf(f.raw)): { word: string; name: boolean }[] {
  if (f.kind !== "percent" && f.kind !== "number") return [];
  if (at < 0) return [];
  // « 2,5 millions d'ordinateurs »: the « d' » after a figure in words (not part of it) leads to what it counts.
  let rest = sentence
    .slice(at + f.raw.length)
    .replace(/^\s*d['’]\s*(?=\p{L})/u, (m) => (/(?:mille|ions?|iards?)$/u.test(f.raw) ? " " : m));
  if (f.kind === "percent") {
    const share = /^\s*(?:(?:des|du|de)\s+|d['’])(?:(?:la|le|les|ses|leurs?|nos|vos|ces)\s+|l['’])?/u.exec(rest);
    if (!share?.[0].trim()) return [];
    rest = rest.slice(share[0].length);
  }
  const out: { word: string; name: boolean }[] = [];
  // The words right after (« 80 000 agents »: the first token, not the space before it), to a punctuation mark.
  // Quotation marks around a word (« 40 000 utilisateurs « réguliers » ») do not end what is counted.
  const tokens = rest
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
function elidedCount(ss: SourceSentence, spots: Spot[], k: number): string[] {
  const spot = spots[k]!;
  if (spot.f.kind !== "number" || countedThing(ss.text, spot.f, spot.at).length > 0) return [];
  for (let j = k - 1; j >= 0; j--) {
    if (spots[j]!.f.kind !== "number" || countedThing(ss.text, spots[j]!.f, spots[j]!.at).length === 0) continue;
    // The words after that count (« postes doivent passer sous Linux »): what the total is of.
    return spotsOf(ss).sides[j]!.after;
  }
  return [];
}

// ——— What a figure is attached to ———

const QUANTITY = new Set<FigureKind>(["percent", "amount", "number"]);

interface Spot {
  f: Figure;
  at: number;
  end: number;
}

/** Figures of a text with their offsets (the two ends of a range share one written form). */
function located(text: string, figures: Figure[]): Spot[] {
  const out: Spot[] = [];
  let from = 0;
  for (const f of figures) {
    const previous = out.at(-1);
    if (previous && previous.f.raw === f.raw) {
      out.push({ ...previous, f });
      continue;
    }
    let at = text.indexOf(f.raw, from);
    if (at < 0) at = text.indexOf(f.raw);
    if (at < 0) continue;
    out.push({ f, at, end: at + f.raw.length });
    from = at + f.raw.length;
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Where a clause ends: what is said on one side of it is not said of a figure on the other side. */
const CLAUSE_BREAK =
  /[;:()]|\s[—–]\s|,\s(?:et|mais|or|puis|tandis que?|alors que?|pendant que?|de même|par ailleurs)(?=[\s'’])/g;

/**
 * Where what is said of a figure ends for its year and the names beside it: a semicolon or a dash, not a colon or a
 * parenthesis (« Utilisateurs : CNAM (80 000 agents, annoncé en avril 2026) » gives the 80 000 agents to the CNAM).
 */
const STATEMENT_BREAK =
  /;|\s[—–]\s|,\s(?:et|mais|or|puis|tandis que?|alors que?|pendant que?|de même|par ailleurs)(?=[\s'’])/g;

/** Offsets of the clause around `at`. */
function clauseAround(text: string, at: number, end = at, breaks = CLAUSE_BREAK): [number, number] {
  let start = 0;
  let stop = text.length;
  for (const m of text.matchAll(breaks)) {
    if (m.index! < at) start = m.index! + m[0].length;
    else if (m.index! >= end) {
      stop = m.index!;
      break;
    }
  }
  return [start, stop];
}

/** Words that say what a number measures: content words, and the years beside it. */
function sideWords(text: string): string[] {
  const kept = new Set(contentWords(text));
  return words(text).filter((w) => kept.has(w) || /^(?:19|20)\d\d$/.test(w));
}

interface Sides {
  before: string[];
  after: string[];
}

/**
 * The words on each side of a quantity, nearest first, up to `span`, to the next quantity or the end of its
 * clause: « 7 secteurs dits essentiels et 11 secteurs dits importants » — 7: after [secteurs, dits, essentiels];
 * 11: before [essentiels, dits, secteurs], after [secteurs, dits, importants].
 */
function sidesOf(text: string, spots: Spot[], i: number, span = 4): Sides {
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
function affinity(claim: Sides, source: Sides): number {
  let score = 0;
  for (const side of ["before", "after"] as const)
    claim[side].forEach((w, i) => {
      const j = source[side].findIndex((x) => sameWord(w, x));
      if (j >= 0 && Math.abs(i - j) <= 2) score += 1 / (i + 1);
    });
  return score;
}

/**
 * A swap is flagged when another figure of the cited passages has, around it, the words the sentence puts around
 * its figure, clearly more than any occurrence of the figure itself: at least this affinity…
 */
export const SWAP_MIN_AFFINITY = 1.5;
/** …and this much more than the best occurrence of the sentence's figure. */
export const SWAP_MARGIN = 1;

/** Quantity spots of every sentence of the sources, computed once per verification. */
const spotsCache = new WeakMap<SourceSentence, { spots: Spot[]; sides: Sides[] }>();
function spotsOf(ss: SourceSentence) {
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

/**
 * The figure of the cited passages the sentence's words describe, when it is not the sentence's figure: « 11
 * secteurs dits essentiels » where the passage says « 7 secteurs dits essentiels et 11 secteurs dits importants ».
 */
function swappedWith(
  claim: Sides,
  f: Figure,
  pool: Source[],
  same = (s: Figure) => figureMatches(f, s),
): Figure | null {
  const sameFigure = same;
  let sameAffinity = 0;
  let other = 0;
  let otherFigure: Figure | null = null;
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
        } else if (spot.f.kind === f.kind && a > other) {
          other = a;
          otherFigure = spot.f;
        }
      });
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
function causeSwapped(stated: string, spot: Spot, pool: Source[], same: (s: Figure) => boolean): Figure | null {
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
const YEAR_CLAUSE_BREAK = new RegExp(String.raw`${CLAUSE_BREAK.source}|\set\s+qu(?:e\s|['’])`, "g");

/** Whether a source sentence writes another year than `year` where the claim writes its year (same words around). */
function yearInPlace(ss: SourceSentence, slot: Sides, year: number): boolean {
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
function yearsBeside(ss: SourceSentence, match: (f: Figure) => boolean): (number[] | null)[] {
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

/** Least content words a year must share with the same year of a source sentence to be said of the same thing. */
export const YEAR_WORDS_MIN_SHARED = 2;

/**
 * Content words on each side of a date of a text (up to four), within its clause and not past another quantity: what
 * the date is said of (« La troisième édition, le 17 février 2026, a réuni … » → troisième, édition, réuni).
 */
function yearWords(text: string, y: Spot, spots: Spot[]): string[] {
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

/** Whether a source sentence writes a year beside most of the given words (at least two): it dates what they name. */
function yearSaidWith(ss: SourceSentence, year: number, claimWords: string[]): boolean {
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

const hasYear = (bag: Bag) => bag.list.some((w) => /^(?:19|20)\d\d$/.test(w));

// ——— Names ———

const SENTENCE_START_COMMON =
  /^(Le|La|Les|Un|Une|Des|Ce|Cette|Ces|Il|Elle|Ils|Elles|On|Nous|Vous|Je|En|Au|Aux|Pour|Par|Dans|Selon|Depuis|Avec|Sur|Si|Mais|Et|Ou|Cela|Ceci|Leur|Son|Sa|Ses|Notre|Nos|Votre|Vos|Madame|Monsieur|Enfin|Ainsi|De|Du|À|A|Oui|Non|Pas|Plus|Toutefois|Cependant|Néanmoins|Quant|Chaque|Tout|Tous|Toutes|Certains|Certaines|Aucun|Aucune|Lors|Après|Avant|Entre|Face|Grâce|Outre|Parmi|Sans|Sous|Vers|Voici|Voilà|Dès|Quand|Comme|Puis|Alors|Donc|Car|Bien|Même|Seul|Seule|Première|Premier|Deuxième|Troisième|Étape|Phase|Objectif|Calendrier|Source|Sources|Note|Objet)$/;
const MONTH_NAMES = /^(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)$/i;

/** Capitalised words past the start of the sentence, and acronyms: names of organisations, places, people. */
function namesOf(sentence: string): string[] {
  const out = new Set<string>();
  // Table cells, list items and bold labels start like sentences; so does what follows an ellipsis (« entre 15 000 et
  // 18 000 postes … La ville a fait état … », a quote that leaves out the end of a sentence).
  for (const segment of sentence
    .replace(/\[\d+\]/g, " ")
    .split(/\||^\s*[-*•]\s|\*\*|^\s*\d+[.)]\s|[«»"“”]|…\s+(?=\p{Lu})/mu))
    namesOfSegment(segment, out);
  return [...out];
}

function namesOfSegment(segment: string, out: Set<string>): void {
  const clean = segment.replace(/[*_`#>]/g, " ");
  // « AT&T » is one name: « & » between capitals stays inside it.
  const tokens = clean.split(/(?:(?<!\p{Lu})&|&(?!\p{Lu})|[^\p{L}\p{N}'’&-])+/u).filter(Boolean);
  tokens.forEach((raw, i) => {
    const token = raw.replace(/^([cdjlmnst]|qu)['’]/i, "").replace(/['’-]+$/, "");
    if (!/^\p{Lu}/u.test(token) || token.length < 2 || MONTH_NAMES.test(token)) return;
    if (i === 0 && (SENTENCE_START_COMMON.test(token) || !/^\p{Lu}[\p{Lu}\d]/u.test(token))) return;
    if (SENTENCE_START_COMMON.test(token) && i === 0) return;
    if (/^(Je|Madame|Monsieur|Mesdames|Messieurs)$/.test(token)) return;
    out.add(token);
  });
}

/** The folded words on each side of a word of a text, nearest first. */
function wordSides(text: string, at: number, length: number, span = 2): Sides {
  return {
    before: words(text.slice(0, at)).slice(-span).reverse(),
    after: words(text.slice(at + length)).slice(0, span),
  };
}

/** Two words in the same place: the same two words before, or after, or one on each side. */
function sameSlot(a: Sides, b: Sides): boolean {
  const same = (x: string[], y: string[], k: number) =>
    x.length >= k && y.length >= k && x.slice(0, k).every((w, i) => w === y[i]);
  return (
    same(a.before, b.before, 2) ||
    same(a.after, b.after, 2) ||
    (same(a.before, b.before, 1) && same(a.after, b.after, 1))
  );
}

/** Where a name is written as a word of its own in a text (not inside a longer word). */
const wordAt = (text: string, name: string, from = 0) => {
  const m = new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(name)}(?![\\p{L}\\d])`, "u").exec(text.slice(from));
  return m ? from + m.index : -1;
};

/**
 * The name a source sentence gives where the claim puts a name it does not say (« vers Windows entre 2005 » where the
 * sentence says « vers LiMux entre 2005 »), or null: a name of the heading or of the sentence around, put in the
 * place of another.
 */
function nameReplaced(claim: string, name: string, folded: string, found: SourceSentence[]): string | null {
  if (found.length === 0 || found.some((ss) => inBag(folded, ss.said))) return null;
  const at = wordAt(claim, name);
  if (at < 0) return null;
  // A number beside the name is the figure held to it, not a word of its place (« passé en France de 6,70 € » is not
  // « Office 365 E1 : de 6,70 € »): each side stops at a number.
  const wordy = (s: Sides): Sides => {
    const cut = (x: string[]) => {
      const i = x.findIndex((w) => /^\d/.test(w));
      return i < 0 ? x : x.slice(0, i);
    };
    return { before: cut(s.before), after: cut(s.after) };
  };
  const mine = wordy(wordSides(claim, at, name.length));
  for (const ss of found) {
    const text = withoutReferences(ss.text);
    for (const other of namesOf(text)) {
      // A name the claim writes too is not replaced: the claim adds a name beside it (« À Fontaine, en Isère, … »
      // for « À Fontaine, Nicolas Vivant … » ; « le salon AlpOSS a réuni à Échirolles »).
      if (words(other).join(" ") === folded || wordAt(claim, other) >= 0) continue;
      for (let k = wordAt(text, other); k >= 0; k = wordAt(text, other, k + other.length))
        if (sameSlot(mine, wordy(wordSides(text, k, other.length)))) return other;
    }
  }
  return null;
}

/**
 * A synthesis of two cited passages (« Sa messagerie est passée à Open-Xchange, une migration qui concernait environ
 * 30 000 agents [4][1] »): the figure's own statement in its source names no one (« la migration de la messagerie
 * concernait environ 30 000 agents »), and a sentence of another cited passage names the name with a word of that
 * statement that the claim says too (« sa messagerie vers Open-Xchange »).
 */
function namedElsewhere(
  ss: SourceSentence,
  match: (f: Figure) => boolean,
  folded: string,
  claim: string,
  pool: Source[],
): boolean {
  const text = withoutReferences(ss.text);
  const statements = text.split(STATEMENT_BREAK).filter((st) => extractFigures(st).some(match));
  const unnamed = statements.filter((st) => namesOf(st).length === 0);
  if (unnamed.length === 0) return false;
  const mine = bagOf(claim);
  const links = [...new Set(unnamed.flatMap((st) => contentWords(st)))].filter(
    (w) => !WEAK.has(w) && inBag(w, mine, false),
  );
  if (links.length === 0) return false;
  const home = pool.find((src) => src.sentences.includes(ss));
  return pool.some(
    (src) =>
      src !== home &&
      src.sentences.some((other) => inBag(folded, other.said) && links.some((w) => inBag(w, other.said, false))),
  );
}

/** Whether a text denies a figure: a negation before it in its clause (« mais pas le chiffre de 430 % »). */
function deniedIn(text: string, match: (f: Figure) => boolean): boolean {
  return located(text, extractFigures(text)).some((spot) => {
    if (!match(spot.f)) return false;
    const [start] = clauseAround(text, spot.at, spot.end);
    return NEGATION.test(text.slice(start, spot.at));
  });
}

/** Least content words of the relative clause a sentence gives a name for a swap of descriptions to be compared. */
export const DESCRIPTION_MIN_WORDS = 3;

/**
 * The content words of the relative clause a text writes right after a name (« l'ADULLACT, qui rassemble des
 * collectivités utilisatrices, »), up to four; none when no relative clause follows it.
 */
function descriptionAfter(text: string, end: number): string[] {
  const relative = /^\s*,?\s*(?:qui|que|qu['’]|dont)\s*/iu.exec(text.slice(end));
  if (!relative) return [];
  const rest = text.slice(end + relative[0].length);
  const stop = rest.search(/[,;:.!?()]|\s[—–]\s/);
  return contentWords(stop < 0 ? rest : rest.slice(0, stop)).slice(0, 4);
}

/**
 * A name given what the cited passages say of another name (« Contrairement au CNLL, qui rassemble des collectivités
 * utilisatrices » where the passage says « Contrairement à l'ADULLACT, qui rassemble des collectivités utilisatrices,
 * ou au CNLL, qui représente des entreprises »): the words right after it (at least three) are those right after the
 * other name, which the sentence does not write, while the passages describe this one otherwise.
 */
function descriptionSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const texts = pool.flatMap((src) =>
    src.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)),
  );
  const claimed = new Set(namesAt(stated).map((n) => n.folded));
  for (const n of namesAt(stated)) {
    const mine = descriptionAfter(stated, n.at + n.name.length);
    if (mine.length < DESCRIPTION_MIN_WORDS) continue;
    const need = Math.max(DESCRIPTION_MIN_WORDS, Math.ceil(mine.length * POLARITY_MIN_SHARE));
    const score = (text: string, end: number) => {
      const theirs = bagOf(descriptionAfter(text, end).join(" "));
      return mine.filter((w) => inBag(w, theirs)).length;
    };
    let own = -1;
    let other: string | null = null;
    for (const text of texts)
      for (const m of namesAt(text)) {
        const sc = score(text, m.at + m.name.length);
        if (m.folded === n.folded) own = Math.max(own, sc);
        else if (sc >= need && !claimed.has(m.folded)) other ??= m.name;
      }
    if (other && own >= 0 && own < 2) return { name: n.name, other };
  }
  return null;
}

/**
 * A name only the data gives (the collectivité a note is written for, « Collectivité : Kervallon »), beside a figure
 * of a passage written in a part of the statement that does not name it (« Comme la communauté de communes du Val
 * et ses 200 agents, Kervallon pourrait … », « Les agents de Kervallon peuvent trouver dans BlueHats, qui réunit
 * 2 000 agents publics, … »), where another name of the statement is the one the source gives the figure to: the
 * figure is that name's, the collectivité is compared with it. « Kervallon et ses 200 agents » is still held to it.
 */
function recipientBeside(
  segment: string,
  offset: number,
  q: { at: number; end: number },
  name: string,
  folded: string,
  pool: Source[],
  found: SourceSentence[],
  givenTo: (who: string) => (ss: SourceSentence) => boolean,
): boolean {
  if (pool.some((s) => inBag(folded, s.bag))) return false;
  const part = [...segment.matchAll(/(?:[^,;]|(?<=\d),(?=\d))+/g)].find(
    (p) => offset + p.index! <= q.at && q.end <= offset + p.index! + p[0].length,
  );
  if (!part || wordAt(part[0], name) >= 0) return false;
  // The other name is in the figure's part, or just before it when the part is its relative clause (« BlueHats, qui
  // réunit 2 000 agents »); not any name of the statement (« Dans la commune de Kervallon, 150 agents … BlueMind »).
  const relativeOf = /^\s*(?:qui|que|qu['’]|dont)\s/iu.test(part[0]) ? segment.slice(0, part.index!) : "";
  const lastName = namesOf(relativeOf).at(-1);
  return namesOf(segment).some((other) => {
    const o = words(other).join(" ");
    const placed = wordAt(part[0], other) >= 0 || other === lastName;
    return placed && o !== folded && pool.some((s) => inBag(o, s.bag)) && found.some(givenTo(o));
  });
}

/** Départements and régions of France (`server/i18n/fr/french-divisions.txt`). */
const DIVISIONS = wordLines("french-divisions.txt");

/** A division in apposition to the place before it: « Boé, dans le Lot-et-Garonne, », « Saint-Renan (Finistère) ». */
const DIVISION_APPOSITION = new RegExp(
  `(\\p{Lu}[\\p{L}'’-]*)\\s*(?:,\\s*(?:dans\\s+(?:le|la|les)\\s+|dans\\s+l['’]\\s*|en\\s+)|\\(\\s*)(${[...DIVISIONS]
    .sort((a, b) => b.length - a.length)
    .map((d) => escapeRegExp(d).replace(/\s+/g, "\\s+"))
    .join("|")})\\s*[,)]`,
  "giu",
);

/**
 * The folded words of the départements and régions a sentence writes in apposition to a place the sources name
 * (« À Boé, dans le Lot-et-Garonne, … »), when no source sentence (or heading) naming that place puts another division
 * in apposition to it: they locate the place, they are not a name the passage must write.
 */
function locatingDivisions(stated: string, pool: Source[]): Set<string> {
  const out = new Set<string>();
  for (const m of stated.matchAll(DIVISION_APPOSITION)) {
    const place = words(m[1]!).join(" ");
    const division = words(m[2]!).join(" ");
    const saying = pool.flatMap((s) => s.sentences.filter((ss) => inBag(place, ss.own)));
    if (saying.length === 0) continue;
    const other = saying.some((ss) =>
      [...`${ss.heading}\n${ss.text}`.matchAll(DIVISION_APPOSITION)].some(
        (o) => words(o[1]!).join(" ") === place && words(o[2]!).join(" ") !== division,
      ),
    );
    if (!other) for (const w of [division, ...words(m[2]!)]) out.add(w);
  }
  return out;
}

/** The assistant's own names (`server/i18n/fr/own-names.txt`), folded: the author of the corpus's analyses. */
const OWN_NAMES = wordLines("own-names.txt").map((l) => words(l).join(" "));

/** The words of the assistant's own names a sentence writes whole (« Cap », « Libre » of « Cap Libre »). */
function ownNameWords(sentence: string): Set<string> {
  const joined = ` ${words(sentence).join(" ")} `;
  return new Set(OWN_NAMES.filter((n) => joined.includes(` ${n} `)).flatMap((n) => n.split(" ")));
}

/** Words saying what any product or vendor is (`server/i18n/fr/product-words.txt`), folded. */
const PRODUCT_WORDS = new Set(wordList("product-words.txt").flatMap((w) => words(w)));

/** Articles, folded: not words of the place of a name. */
const ARTICLES = new Set(["le", "la", "les", "l", "un", "une"]);

/**
 * The name the figure's own statement gives where the claim puts a name that its source sentence writes only in
 * another statement (« a reçu 2 millions d'euros de subvention de la Région Auvergne-Rhône-Alpes » where the passage
 * says « le projet a reçu 2 millions d'euros de subvention de l'ANCT, et plus de la moitié des marchés sont allés à
 * des entreprises d'Auvergne-Rhône-Alpes »): the two words before it, articles left out, are those before the other
 * name. The other name, or null.
 */
function nameMovedInSentence(
  claim: string,
  name: string,
  folded: string,
  found: SourceSentence[],
  match: (f: Figure) => boolean,
): string | null {
  const at = wordAt(claim, name);
  if (at < 0 || found.length === 0) return null;
  const before = (text: string, k: number) =>
    words(text.slice(Math.max(0, k - 80), k))
      .reverse()
      .filter((w) => !ARTICLES.has(w))
      .slice(0, 2);
  const mine = before(claim, at);
  if (mine.length < 2 || mine.some((w) => /^\d/.test(w))) return null;
  for (const ss of found) {
    const statements = withoutReferences(ss.text)
      .split(STATEMENT_BREAK)
      .filter((st) => extractFigures(st).some(match));
    if (statements.length === 0 || statements.some((st) => inBag(folded, bagOf(st)))) return null;
  }
  for (const ss of found)
    for (const st of withoutReferences(ss.text)
      .split(STATEMENT_BREAK)
      .filter((x) => extractFigures(x).some(match)))
      for (const other of namesOf(st)) {
        if (words(other).join(" ") === folded) continue;
        for (let k = wordAt(st, other); k >= 0; k = wordAt(st, other, k + other.length))
          if (before(st, k).join(" ") === mine.join(" ")) return other;
      }
  return null;
}

// ——— The check ———

interface Source {
  n: number | null;
  sentences: SourceSentence[];
  bag: Bag;
}

/** A passage (its first line is its document and section) or, with `n` null, structured data (no heading). */
function toSource(n: number | null, text: string): Source {
  const heading = n === null ? "" : (text.split("\n")[0] ?? "");
  // The heading stays a line of its own, not the start of the first paragraph's sentence.
  const body = n === null ? text : text.replace("\n", "\n\n");
  return { n, sentences: sourceSentences(body, heading), bag: bagOf(text) };
}

/** Share of its content words a sentence about the sources must have in them (what it is about). */
export const ABOUT_SOURCES_COVERAGE = 1 / 3;

/**
 * A sentence about the sources themselves (« Les sources divergent sur l'ampleur exacte de la hausse », « Les passages
 * ne donnent pas les raisons détaillées de cette décision »): most of its words describe the passages, they are not in
 * them; what it is about (« la hausse », « cette décision ») must be.
 */
const ABOUT_SOURCES =
  /^(?:(?:en revanche|toutefois|cependant|mais|en effet|par ailleurs)\s*,?\s*)?(?:les|ces|nos|le|ce)\s+(?:sources?|passages?|documents?|textes?|corpus)(?:\s+(?:cités?|citées|fournis|consulté(?:e?s)?|disponibles|réunis|réunies))?\s+(?:divergent|diffèrent|se contredisent|ne concordent pas|(?:ne|n['’])\s*(?:\S+\s+){0,2}?(?:pas|guère|jamais)\b)/iu;

/** Sentences that state nothing to check: « Je ne sais pas », formulas, headings without content. */
const NO_CLAIM =
  /^(je ne sais pas|je n['’]ai pas trouv|les passages (fournis )?ne (permettent|disent|précisent)|aucun passage)/i;

/**
 * A question, or the question restated (« Vous demandez : « … ? » », « Votre question porte sur … »): it asks, it
 * states nothing the passages must support (what the answer then says is checked).
 */
const RESTATED =
  /^(?:vous (?:me )?demandez|vous vous demandez|vous souhaitez savoir|votre question (?:porte|concerne|est)|la question (?:posée |est de savoir|porte)|question posée)\b/i;
export const asksOnly = (bare: string) => /\?\s*[»"”)]?\s*$/.test(bare) || RESTATED.test(bare);

const where = (cited: number[]) =>
  cited.length === 0
    ? message("verify.wherePassages")
    : cited.length === 1
      ? message("verify.whereCited")
      : message("verify.whereCitedMany");

/** Share of a sentence's content words a claim must have in its sources, when it holds no figure. */
export const MIN_CLAIM_COVERAGE = 0.6;

/**
 * Cap Libre's own notes in italics after a sentence (« *(« Depuis 2009 » : situation décrite par une source du 9
 * octobre 2020 …)* », added to a draft for freshness): they say how old the source is, they are not the claim.
 */
export const withoutNotes = (sentence: string) => sentence.replace(/(?<!\s)\s*\*\((?:[^()]|\([^()]*\))*\)\*/g, " ");

/**
 * The quantities of a statement a name is held to: those of its own part (between commas or semicolons) when that
 * part writes a figure and the statement writes several, else all of them.
 */
function ownQuantities<Q extends { at: number; end: number }>(
  offset: number,
  segment: string,
  name: string,
  quantities: Q[],
  all: { at: number; end: number }[],
): Q[] {
  const inSegment = all.filter((q) => q.at >= offset && q.end <= offset + segment.length);
  if (inSegment.length < 2) return quantities;
  const at = wordAt(segment, name);
  if (at < 0) return quantities;
  // A decimal comma (« 6,70 € ») does not part the statement.
  const part = [...segment.matchAll(/(?:[^,;]|(?<=\d),(?=\d))+/g)].find(
    (p) => p.index! <= at && at < p.index! + p[0].length,
  );
  if (!part) return quantities;
  const [start, stop] = [offset + part.index!, offset + part.index! + part[0].length];
  if (!inSegment.some((q) => q.at >= start && q.end <= stop)) return quantities;
  return quantities.filter((q) => q.at >= start && q.end <= stop);
}

/**
 * A negation in a clause: « ne … pas / jamais / plus / aucun / rien », « pas » alone (« s'applique pas »), « jamais »,
 * « aucun », « sans », « ni », « nul » (« non » is left out: « non confirmé » is a qualification, checked apart).
 */
const NEGATION =
  /(?<!\p{L})(?:(?:ne\s+|n['’]\s*)(?:\S+\s+){0,4}?(?:pas|jamais|plus|aucun|aucune|rien|nullement|guère)|(?<!(?:le|un|au|ce|faux|premier|à)\s)pas(?!\s+à\s+pas)|jamais|aucune?|sans|ni|nulle?)(?!\p{L})/iu;

/**
 * Clauses of a sentence as the polarity check compares them: apart at « : », « ; », « mais », « alors que », and
 * before a noun in apposition with its relative clause (« …, un poste qui n'a pas été créé », « …, une solution
 * européenne qui réduit … »).
 */
const polarityClauses = (text: string) =>
  text
    .replace(/\[\d+\]/g, " ")
    .split(
      /\s:\s|\s?;\s|[.!?]\s+|,?\s(?:mais|alors que|tandis que|contrairement à)\s|\n+|,\s(?=(?:un|une|le|la|les|ce|cette|des)\s+\p{L}+(?:\s+\p{L}+)?\s+(?:qui|que|dont)\s)/u,
    )
    .map((c) => c.trim())
    .filter(Boolean);

/** Words a clause must share with a source clause for their polarity to be compared. */
export const POLARITY_MIN_SHARED = 3;
/** Share of the clause's content words the source clause must have. */
export const POLARITY_MIN_SHARE = 0.75;

/**
 * A negation that bears on certainty (« n'est pas confirmé », « ne le précise pas »): a qualification, checked apart.
 * « certains, certaines » are determiners (« certaines banques »), not certainty.
 */
const CERTAINTY =
  /(?<!\p{L})(?:confirm|vérifi|verifi|établi|etabli|précis|precis|connu|certain(?!e?s(?!\p{L}))|avéré|avere|détaill|detaill)/iu;

/** Every negation of a clause (`matchAll` copies it, so one global RegExp serves every call). */
const NEGATION_ALL = new RegExp(NEGATION.source, "giu");

/**
 * Whether a clause negates what it shares with another text: a negation (`NEGATION`) that bears on one of their
 * shared words (the verb inside « ne … pas », or one of the two words after it: « n'est jamais revenue », « sans autre
 * démarche »), not on a part of the clause that says something else (« un projet qui ne mesure pas ses résultats … est
 * remis en cause »).
 */
function negatedAmong(clause: string, other: Bag): boolean {
  const tokens = [...clause.matchAll(/[\p{L}\p{N}'’-]+/gu)].map((t) => {
    const w = contentWords(t[0]).filter((x) => !WEAK.has(x));
    return { at: t.index!, words: w, content: w.length > 0, shared: w.length > 0 && w.every((x) => inBag(x, other)) };
  });
  /** The other text writes the same one-word negation before the same word (« sans portée normative » in both). */
  const alsoSaid = (negation: string, next: string[]) => {
    const n = fold(negation);
    // Only a negation of its own there: « ne crée aucune obligation » is the « ne … » of its verb.
    return other.list.some(
      (x, i) =>
        x === n &&
        !other.list.slice(Math.max(0, i - 5), i).some((p) => p === "ne" || p === "n") &&
        // The word it bears on may come after a partitive (« aucune de ces sources ne remplace » for « aucune ne
        // remplace »): within the five words after it, as the clause's own words after the negation are.
        next.some((w) => [1, 2, 3, 4, 5].some((k) => stem(other.list[i + k] ?? "") === stem(w))),
    );
  };
  return (
    [...clause.matchAll(NEGATION_ALL)].some((m) => {
      const end = m.index! + m[0].length;
      const inside = tokens.filter((t) => t.at >= m.index! && t.at < end);
      // The two words after it that say something (« n'est pas ainsi l'une des premières villes », « n'est pas où sont
      // stockées ses données »: not « ainsi », « où »), within five words and before a comma.
      const comma = clause.slice(end).search(/[,;:]/);
      const stop = comma < 0 ? clause.length : end + comma;
      const after = tokens
        .filter((t) => t.at >= end && t.at < stop)
        .slice(0, 5)
        .filter((t) => t.content)
        .slice(0, 2);
      if (SHARED_NEGATIONS.has(fold(m[0])) && after.length > 0 && alsoSaid(m[0], after[0]!.words)) return false;
      return [...inside, ...after].some((t) => t.shared);
    }) ||
    [...clause.matchAll(NON_WORD)].some((m) => {
      const shared = (t: string) => contentWords(t).filter((w) => !WEAK.has(w));
      const [noun, word] = [shared(m[1]!), shared(m[2]!)];
      // Both texts denying the same word (« des entreprises non européennes ») differ in no polarity there.
      const alsoDenied = word.some((w) =>
        other.list.some((x, i) => x === "non" && [1, 2, 3].some((k) => stem(other.list[i + k] ?? "") === stem(w))),
      );
      return word.length > 0 && !alsoDenied && word.every((w) => inBag(w, other)) && noun.every((w) => inBag(w, other));
    })
  );
}

/** One-word negations that both texts may write before the same word (« sans portée normative »), cancelling out. */
const SHARED_NEGATIONS = new Set(["sans", "aucun", "aucune", "nul", "nulle"]);

/**
 * « non » before the word it denies (« des chiffres non recoupés », « une entreprise non européenne »): a negation of
 * that word, compared with « que nous n'avons pas pu recouper », when the word before it is shared too (« des personnes
 * non américaines » says nothing against « les fournisseurs américains »), or after a preposition and an article (« et
 * non sur un service propriétaire »). « non seulement », « non plus » deny nothing.
 */
const NON_WORD =
  /(?<!\p{L})(\p{L}+),?\s+non\s+(?!(?:seulement|plus|pas|loin|sans|moins)(?!\p{L}))(?:(?:sur|à|au|aux|de|du|des|pour|par|dans|en|le|la|les|un|une)\s+|[dl]['’]\s*)*(\p{L}+)/giu;

/** A short quote of a source clause. */
const short = (clause: string) => {
  const quote = clause.replace(/\s+/g, " ");
  return quote.length > 120 ? `${quote.slice(0, 117)}…` : quote;
};

/**
 * Words of opposite meaning without a negation (`server/i18n/fr/antonyms.txt`, data): each entry two sides, each
 * side terms as stemmed folded words (« a abri » for « à l'abri », « expos » for « exposées »).
 */
const ANTONYMS: [string[][], string[][]][] = readFileSync(new URL("../i18n/fr/antonyms.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.includes("|") && !l.startsWith("#"))
  .map((l) => {
    const side = (part: string) =>
      part
        .split(",")
        .map((t) => words(t).map(stem))
        .filter((t) => t.length > 0);
    const [a, b] = l.split("|") as [string, string];
    return [side(a), side(b)];
  });

/** The sides of antonym entries a text carries, as « entry:side » (« 0:1 » for « exposées »), with the words they use. */
function antonymTerms(list: string[]): Map<string, Set<number>> {
  const stems = list.map(stem);
  const out = new Map<string, Set<number>>();
  ANTONYMS.forEach((entry, e) =>
    entry.forEach((terms, side) => {
      for (const term of terms)
        for (let i = 0; i + term.length <= stems.length; i++)
          if (term.every((t, k) => stems[i + k] === t)) {
            const key = `${e}:${side}`;
            const at = out.get(key) ?? new Set<number>();
            for (let k = 0; k < term.length; k++) at.add(i + k);
            out.set(key, at);
          }
    }),
  );
  return out;
}

/** Least subject words a clause must share with a source clause for an antonym between them to contradict it. */
export const OPPOSITE_MIN_SHARED = 3;

/**
 * The source clause that says of the same subject the opposite word (« à l'abri des autorités américaines » for
 * « exposées aux autorités américaines »): the clause carries one side of an antonym entry, the source clause the
 * other side and not this one, they share most of the clause's other content words (at least three), they have the
 * same polarity (« n'est pas interdit » is not « autorisé »'s contrary), and no cited clause carries the clause's own
 * word with as many of those words.
 */
function oppositeClause(clause: string, sourceClauses: string[], bags: Bag[]): string | null {
  const list = words(clause);
  const terms = antonymTerms(list);
  if (terms.size === 0) return null;
  const own = bagOf(clause);
  for (const [key, used] of terms) {
    const [e, side] = key.split(":").map(Number) as [number, number];
    const other = `${e}:${1 - side}`;
    if (terms.has(other)) continue;
    const usedWords = new Set([...used].map((i) => list[i]!));
    const subject = [...new Set(contentWords(clause))].filter((w) => !usedWords.has(w) && !MONTH_NAMES.test(w));
    if (subject.length < OPPOSITE_MIN_SHARED) continue;
    const need = Math.max(OPPOSITE_MIN_SHARED, Math.ceil(subject.length * POLARITY_MIN_SHARE));
    let against: string | null = null;
    let agrees = false;
    sourceClauses.forEach((c, i) => {
      const shared = subject.filter((w) => inBag(w, bags[i]!, false)).length;
      if (shared < need) return;
      // The clause's own words carry its antonyms, not the subject a pronoun stands for (`withPronounSubjects`).
      const theirs = antonymTerms(words(c));
      if (theirs.has(key)) agrees = true;
      else if (theirs.has(other) && negatedAmong(c, own) === negatedAmong(clause, bags[i]!)) against ??= c;
    });
    if (against && !agrees) return against;
  }
  return null;
}

/** « ne … pas » (jamais, plus, aucun) before a figure, in its clause: the clause denies it. */
const DENIAL_BEFORE =
  /(?<!\p{L})(?:ne\s+|n['’]\s*)(?:\S+\s+){0,4}?(?:pas|jamais|plus|aucun|aucune|nullement)(?!\p{L})/iu;

/** What a sentence says it denies: « Contrairement à ce qu'ont titré des médias anglophones, … ». */
const REFUTED = /contrairement\s+à\s+ce\s+qu(?:e\s|['’])\s*([^,]+),/iu;

/** Least content words of a source clause restated whole by a longer clause for their polarities to be compared. */
export const RESTATED_MIN_WORDS = 4;

/** « ne … plus » (no longer): a past statement (« Munich utilisait LiMux ») does not contradict it. */
const NO_LONGER = /(?<!\p{L})(?:ne\s+|n['’]\s*)(?:\S+\s+){0,4}?plus(?!\p{L})/iu;

/**
 * A source clause that a longer clause of the sentence restates whole, with the opposite polarity (« Le label protège
 * ainsi l'engagement d'une collectivité d'un changement de cap politique » against « il ne le protège pas d'un
 * changement de cap politique »): most of the source clause's content words (at least four) are in the clause, and
 * every source clause restated so has the other polarity. The clause, or null.
 */
function restatedAgainst(clause: string, own: Bag, sourceClauses: string[], bags: Bag[], certain: boolean) {
  const restated = sourceClauses
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => {
      if (NO_LONGER.test(c) || (!certain && CERTAINTY.test(c))) return false;
      // An aside in parentheses (« (voir aussi le cas de Munich) ») is not part of what the clause states.
      // An aside in parentheses (« (voir aussi le cas de Munich) ») is not part of what the clause states, nor is its
      // negation (« aucune »): that is its polarity.
      const content = [...new Set(contentWords(c.replace(/\([^()]*\)/g, " ")))].filter((w) => !NEGATION.test(w));
      if (content.length < RESTATED_MIN_WORDS) return false;
      const need = Math.max(RESTATED_MIN_WORDS, Math.ceil(content.length * POLARITY_MIN_SHARE));
      return content.filter((w) => inBag(w, own)).length >= need;
    });
  if (restated.length === 0) return null;
  return restated.every(({ c, i }) => negatedAmong(c, own) !== negatedAmong(clause, bags[i]!)) ? restated[0]!.c : null;
}

/**
 * The source clause a clause of the sentence states with the opposite polarity (one negates the words they share,
 * the other does not), when every source clause that carries the same words (most of them, at least three) does: a
 * short quote of it, or null.
 */
function contradicted(stated: string, pool: Source[]): string | null {
  const perSource = pool.map((src) => src.sentences.flatMap((ss) => polarityClauses(ss.text)));
  const sourceClauses = perSource.flat();
  // A clause whose subject is a pronoun (« elles ne s'imposent pas aux collectivités ») is about the subject of the
  // clause before it (« La doctrine et ses circulaires s'adressent aux services de l'État »).
  const bags = perSource.flatMap(withPronounSubjects).map((c) => bagOf(c));
  const refuted = REFUTED.exec(stated);
  const reporter = refuted ? [...new Set(contentWords(refuted[1]!))] : [];
  for (const clause of polarityClauses(stated)) {
    const opposite = oppositeClause(clause, sourceClauses, bags);
    if (opposite) return short(opposite);
    // A clause on certainty that negates (« ce chiffre n'est pas confirmé ») is a qualification, checked apart; one
    // that affirms it (« ce chiffre a été confirmé ») against a source that denies it is a contradiction.
    const certain = CERTAINTY.test(clause);
    if (certain && NEGATION.test(clause)) continue;
    const content = [...new Set(contentWords(clause))];
    if (content.length < POLARITY_MIN_SHARED) continue;
    const need = Math.max(POLARITY_MIN_SHARED, Math.ceil(content.length * POLARITY_MIN_SHARE));
    const shared = bags.map((b) => content.filter((c) => inBag(c, b)).length);
    const best = Math.max(0, ...shared);
    const own = bagOf(clause);
    if (best < need) {
      const restated = restatedAgainst(clause, own, sourceClauses, bags, certain);
      if (restated) return short(restated);
      continue;
    }
    // « Contrairement à ce qu'ont titré des médias, … ne … pas »: the sentence denies what they said; the source
    // clause that reports it (« des médias ont titré que … ») is what it denies, not what it contradicts.
    // « La loi n'interdit pas X » where the source says « la loi autorise X »: the negation of the opposite word.
    const mine = antonymTerms(words(clause));
    const antonymOf = (i: number) => {
      const theirs = antonymTerms(words(sourceClauses[i]!));
      return [...mine.keys()].some((k) => {
        const [e, side] = k.split(":").map(Number) as [number, number];
        return !theirs.has(k) && theirs.has(`${e}:${1 - side}`);
      });
    };
    const reported = (i: number) => reporter.length >= 2 && reporter.filter((w) => inBag(w, bags[i]!)).length >= 2;
    const carriers = sourceClauses
      .map((c, i) => ({ c, i }))
      // A source clause that rules something out (« …, et non sur l'ensemble des ordinateurs ») negates it without a
      // « ne … pas »: a clause negating what it rules out agrees with it.
      .filter(
        (x) =>
          shared[x.i] === best &&
          (certain || !CERTAINTY.test(x.c)) &&
          !reported(x.i) &&
          !antonymOf(x.i) &&
          !ruledOut(x.c).some((r) => r.own.length > 0 && negatedAmong(withoutRuledOut(clause), bagOf(r.own.join(" ")))),
      );
    if (carriers.length === 0) continue;
    if (carriers.every((x) => negatedAmong(x.c, own) !== negatedAmong(clause, bags[x.i]!))) {
      return short(carriers[0]!.c);
    }
  }
  return null;
}

/** A subject pronoun opening a clause (« elles ne s'imposent pas … », « celui-ci reste … »). */
const SUBJECT_PRONOUN = /^(?:il|elle|ils|elles|celui-ci|celle-ci|ceux-ci|celles-ci)(?!\p{L})/iu;

/** Words that close the subject of a clause (`server/i18n/fr/subject-ends.txt`, data): « s' », « ne », « est », « qui ». */
const SUBJECT_END = new RegExp(
  `\\s(?:${wordList("subject-ends.txt")
    .map((w) => (/['’]$/.test(w) ? `${escapeRegExp(w.slice(0, -1))}['’]` : `${escapeRegExp(w)}(?=\\s)`))
    .join("|")})|,`,
  "iu",
);

/** Most words a subject lent to a pronoun has: past them, what was read as a subject is a predicate too. */
const SUBJECT_MAX_WORDS = 3;

/**
 * The subject of a clause: its words before the first word that closes it (« La doctrine et ses circulaires »), at
 * most three (« Les nombres d'élèves cités varient selon les dates » lends « Les nombres d'élèves », not what they do).
 */
function clauseSubject(clause: string): string {
  const end = clause.search(SUBJECT_END);
  const subject = end > 0 ? clause.slice(0, end) : clause;
  return subject.split(/\s+/).slice(0, SUBJECT_MAX_WORDS).join(" ");
}

/**
 * Clauses of a passage, in order, each opening with a subject pronoun preceded by the subject of the clause before it
 * (« La doctrine et ses circulaires elles ne s'imposent pas aux collectivités »): what the clause is about, for the
 * words it shares with a sentence.
 */
function withPronounSubjects(clauses: string[]): string[] {
  const out: string[] = [];
  clauses.forEach((c, i) => {
    out.push(i > 0 && SUBJECT_PRONOUN.test(c) ? `${clauseSubject(out[i - 1]!)} ${c}` : c);
  });
  return out;
}

/** A clause without the part it rules out itself (« …, et non par la seule Ville »): its own polarity is the rest. */
const withoutRuledOut = (clause: string) => clause.replace(/,?\s+(?:et|mais)\s+non\s+[^,;:.]*/giu, " ");

/** Phrases that set what a passage says against what it rules out (`server/i18n/fr/contrast-negations.txt`, data). */
const CONTRAST = new RegExp(
  `(?<!\\p{L})(?:${readFileSync(new URL("../i18n/fr/contrast-negations.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => escapeRegExp(l.trim()).replace(/\s+/g, "\\s+"))
    .join("|")})(?!\\p{L})`,
  "giu",
);

/**
 * What a text rules out with « et non », « mais pas »…: the part before the phrase, the phrase, the part after it (to
 * the next comma or parenthesis), and the content words of that part the part before does not have.
 */
function ruledOut(text: string): { kept: string; marker: string; part: string; own: string[] }[] {
  return [...text.matchAll(CONTRAST)].map((m) => {
    const kept = text.slice(0, m.index!);
    const part = text.slice(m.index! + m[0].length).split(/[,;:(]/)[0]!;
    const keptBag = bagOf(kept);
    const own = [...new Set(contentWords(part))].filter((w) => !inBag(w, keptBag, false));
    return { kept, marker: m[0], part, own };
  });
}

/** Least words of its own the part a source rules out must have for a sentence stating it to contradict the source. */
export const CONTRAST_MIN_WORDS = 2;

/**
 * The source statement whose ruled-out part a clause of the sentence states (« Cette décision porte sur l'ensemble des
 * ordinateurs de l'État » against « la décision porte sur le seul parc de la DINUM, et non sur l'ensemble des
 * ordinateurs de l'État »): the clause has every word of that part that its kept part does not have (at least two),
 * does not negate them, and shares most of its content words (at least three) with the statement. A short quote, or null.
 */
function contrasted(stated: string, pool: Source[]): string | null {
  const statements = pool.flatMap((src) =>
    src.sentences.flatMap((ss) => withoutReferences(ss.text).split(/\s?[;:]\s|[.!?]\s+/u)),
  );
  // The sentence rules the same words out too (« hors UE mais non soumis au droit américain »).
  const alsoRuledOut = ruledOut(stated).map((r) => bagOf(r.part));
  for (const st of statements) {
    for (const { marker, kept, part: ruled, own } of ruledOut(st)) {
      if (own.length < CONTRAST_MIN_WORDS) continue;
      if (alsoRuledOut.some((b) => own.every((w) => inBag(w, b)))) continue;
      const whole = bagOf(`${kept} ${ruled}`);
      const ruledBag = bagOf(ruled);
      for (const clause of polarityClauses(stated)) {
        const mine = bagOf(clause);
        if (!own.every((w) => inBag(w, mine))) continue;
        if (negatedAmong(clause, ruledBag) || clause.search(CONTRAST) >= 0) continue;
        const content = [...new Set(contentWords(clause))];
        const need = Math.max(POLARITY_MIN_SHARED, Math.ceil(content.length * POLARITY_MIN_SHARE));
        if (content.filter((w) => inBag(w, whole)).length >= need) return short(`${kept}${marker}${ruled}`.trim());
      }
    }
  }
  return null;
}

/** « ne V ni X ni Y »: the verb and the two things it is denied of. */
const NEITHER_NOR = /(?<!\p{L})(?:ne|n['’])\s*((?:\S+\s+)?\S+?)\s+ni\s+([^,;:.]+?)\s+ni\s+([^,;:.]+)/giu;

/**
 * The source statement denying, with « ne … ni … ni … », what a clause of the sentence affirms (« Il s'agissait d'une
 * attaque informatique » against « Il ne s'agissait ni d'une attaque ni d'une décision politique »): the clause has the
 * verb and one of the two things, and no negation. A short quote, or null.
 */
function neitherNor(stated: string, pool: Source[]): string | null {
  const clauses = polarityClauses(stated).filter((c) => !NEGATION.test(c));
  if (clauses.length === 0) return null;
  for (const src of pool)
    for (const ss of src.sentences)
      for (const m of withoutReferences(ss.text).matchAll(NEITHER_NOR)) {
        const verb = contentWords(m[1]!);
        if (verb.length === 0) continue;
        for (const item of [m[2]!, m[3]!]) {
          const things = contentWords(item).filter((w) => !WEAK.has(w));
          if (things.length === 0) continue;
          const both = [...verb, ...things];
          if (clauses.some((c) => both.every((w) => inBag(w, bagOf(c))))) return short(m[0]);
        }
      }
  return null;
}

/**
 * Counts written in words before a plural noun (« huit départements »): value and folded noun; with `digits`, counts
 * written in digits too (« 6 départements »), as a source may give them.
 */
function wordCounts(text: string, digits = false): { raw: string; value: number; noun: string }[] {
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
    if (value === undefined || value < 3 || COUNTED_STOPS.has(fold(m[3]!))) continue;
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

/** Least words a year must be said with (around it, in its clause) for the moved-year check to compare them. */
export const YEAR_EVENT_MIN_WORDS = 3;

/**
 * The year the cited passages give to what a sentence dates with another year of theirs, or null: the content words
 * around the year (up to six on each side, within its clause and commas, not past another figure) are most of those of a source
 * sentence that states a year of its own, never this one, while the year is written elsewhere in the passages (« Le
 * Référentiel général d'interopérabilité existe depuis 2012 » where the passage says « existe depuis 2009 » and
 * dates a circular of 2012). A year beside a quantity is held to it apart (`verify.yearMismatch`).
 */
function yearMoved(stated: string, y: Spot, spots: Spot[], pool: Source[]): string | null {
  const [start, stop] = clauseAround(stated, y.at, y.end);
  if (spots.some((s) => QUANTITY.has(s.f.kind) && s.at >= start && s.end <= stop)) return null;
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
  if (subject.length < YEAR_EVENT_MIN_WORDS) return null;
  const year = y.f.year!;
  const sentences = pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading));
  if (!sentences.some((ss) => ss.figures.some((f) => f.year === year))) return null;
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
  const slot = wordSides(stated, y.at, y.end - y.at);
  const datesIt = (ss: SourceSentence, i: number) =>
    ss.ownYears.includes(year) && (dated[i]!.some((d) => d.year === year) || !yearInPlace(ss, slot, year));
  if (carriers.some(datesIt)) return null;
  if (dated.some((d) => d.length === 0) || dated[0]![0]!.year === year) return null;
  return String(dated[0]![0]!.year);
}

/** The years of a text with the words of their part between commas (the next part for a year that opens it). */
function datedParts(text: string): { year: number; bag: Bag }[] {
  const out: { year: number; bag: Bag }[] = [];
  for (const spot of located(text, extractFigures(text))) {
    if (spot.f.year === undefined || spot.f.kind === "daymonth") continue;
    const before = text.slice(0, spot.at).split(/[,;:.]/);
    const after = text.slice(spot.end).split(/[,;:.](?!\d)/);
    const opens = contentWords(before.at(-1)!).length === 0 && contentWords(after[0]!).length === 0;
    out.push({ year: spot.f.year, bag: bagOf(`${before.at(-1)} ${after[0]} ${opens ? (after[1] ?? "") : ""}`) });
  }
  return out;
}

/**
 * Names of a text with where each is written: capitalised words and acronyms, at the start of a sentence too
 * (« Munich a choisi … »), not the common words that open one (« Le », « En ») nor months.
 */
function namesAt(text: string): { name: string; folded: string; at: number }[] {
  const out: { name: string; folded: string; at: number }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}-])\p{Lu}[\p{L}\p{N}&-]*/gu)) {
    const name = m[0].replace(/-+$/, "");
    if (name.length < 2 || MONTH_NAMES.test(name) || SENTENCE_START_COMMON.test(name)) continue;
    if (/^(?:Je|Madame|Monsieur|Mesdames|Messieurs|Il|Elle|Ils|Elles)$/.test(name)) continue;
    out.push({ name, folded: words(name).join(" "), at: m.index! });
  }
  return out;
}

/**
 * Where a pairing of two names ends: a sentence, a semicolon, a dash, a line, « , et », « tandis que », a colon before
 * a new subject (« … une société britannique : le Royaume-Uni est européen »).
 */
const PAIR_BREAK =
  /[.;!?](?=\s|$)|[;\n]|\s[—–]\s|,\s(?:et|mais|tandis que?|alors que?)(?=[\s'’])|\s:\s+(?=(?:le|la|les|un|une|ce|cette|ces|il|elle|ils|elles|on)\s|l['’])/giu;

/** Names of a text as written together (« Harmonica OS 3.0 », « Gooroom Cloud OS »): each with where it is written. */
function nameGroups(text: string): { name: string; folded: string; at: number; end: number }[] {
  const groups: { name: string; folded: string; at: number; end: number }[] = [];
  for (const n of namesAt(text)) {
    const last = groups.at(-1);
    if (last && n.at >= last.end && /^[\s\d.]*$/.test(text.slice(last.end, n.at))) {
      last.end = n.at + n.name.length;
      last.name = text.slice(last.at, last.end).trim();
      last.folded = words(last.name)
        .filter((w) => !/^\d/.test(w))
        .join(" ");
    } else if (!last || n.at >= last.end) groups.push({ ...n, end: n.at + n.name.length });
  }
  return groups;
}

/** What may join two names said together (« l'Intérieur et la Gendarmerie », « LiMux, Vienne »). */
const COORDINATION = /^[\s,]*(?:(?:et|ou|ni|comme|ainsi que)\s+)?(?:(?:la|le|les|l['’]|de|du|des|d['’])\s*)*$/iu;

/**
 * Each name of a text with its partners: the nearest name before it, at most six words back in the same pairing,
 * with the names coordinated with that one (« le ministère de l'Intérieur et la Gendarmerie utilisent Ubuntu »).
 */
function partners(
  text: string,
  all = false,
): { name: string; folded: string; partners: string[]; partnerName: string; at: number }[] {
  const groups = nameGroups(text);
  const out: { name: string; folded: string; partners: string[]; partnerName: string; at: number }[] = [];
  groups.forEach((n, i) => {
    const p = groups[i - 1];
    if (!p) return;
    const between = text.slice(p.end, n.at);
    if (between.match(PAIR_BREAK) || between.trim().split(/\s+/).length > 6) return;
    const set = [p.folded];
    // With `all` (the sentence checked), every name before it in the same pairing: « Sécurix est un système Linux
    // durci, fondé sur NixOS » pairs NixOS with Sécurix too.
    for (
      let j = i - 2;
      j >= 0 &&
      (all
        ? !text.slice(groups[j]!.end, groups[j + 1]!.at).match(PAIR_BREAK)
        : COORDINATION.test(text.slice(groups[j]!.end, groups[j + 1]!.at)));
      j--
    )
      set.push(groups[j]!.folded);
    out.push({ name: n.name, folded: n.folded, partners: set, partnerName: p.name, at: n.at });
  });
  return out;
}

/**
 * Two names the sentence pairs (a name and the nearest name before it: « Harmonica OS 3.0, dérivé de Debian ») that
 * no cited sentence writes together, where every cited sentence naming the second pairs it with another name of the
 * sentence (« Gooroom Cloud OS, dérivé de Debian »): the sentence crossed two pairs of the passage.
 */
function crossedNames(stated: string, pool: Source[]): { name: string; other: string; partner: string } | null {
  const sentences = pool.flatMap((s) =>
    s.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)),
  );
  const groups = nameGroups(stated);
  const all = bagOf(sentences.join(" "));
  const written = [...groups, ...sentences.flatMap((t) => nameGroups(t))].map((g) => g.folded.split(" "));
  const oneName = (a: string, b: string) =>
    written.some((t) => t.length > 1 && [...a.split(" "), ...b.split(" ")].every((x) => t.includes(x)));
  for (const mine of partners(stated, true)) {
    // The name the passage pairs it with is named by the sentence further on (« Munich a choisi WienUX, Vienne
    // LiMux »: WienUX is Vienne's), not a name the sentence said before (« L'ANCT et la DINUM contribuent …, et il
    // fait partie de La Suite numérique de l'État »), nor another form of the name itself (« Microsoft 365 »).
    const later = groups.filter((g) => g.at > mine.at).map((g) => g.folded);
    const tokens = new Set(later.flatMap((g) => g.split(" ")));
    const own = new Set(mine.folded.split(" "));
    const named = (x: string) =>
      !x.split(" ").some((t) => own.has(t)) && (later.includes(x) || x.split(" ").every((t) => tokens.has(t)));
    if (!mine.folded || mine.partners.includes(mine.folded)) continue;
    if (!mine.partners.every((p) => inBag(p, all, false))) continue;
    const theirs = sentences.flatMap((t) => partners(t).filter((p) => p.folded === mine.folded));
    if (theirs.length === 0) continue;
    // Two parts of one name (« Office » and « Microsoft » of « Microsoft Office ») are one partner.
    const crossed = (p: (typeof theirs)[number]) =>
      !p.partners.some((x) => mine.partners.some((m) => m === x || oneName(m, x))) && p.partners.some(named);
    if (theirs.every(crossed)) return { name: mine.name, other: theirs[0]!.partnerName, partner: mine.partnerName };
  }
  return null;
}

/** Names of a text as phrases (« Comptoir du Libre », « MariaDB Server »): capitalised words joined by spaces or « du ». */
function namePhrases(text: string): { name: string; folded: string; at: number; end: number }[] {
  const out: { name: string; folded: string; at: number; end: number }[] = [];
  for (const n of namesAt(text)) {
    const last = out.at(-1);
    if (last && /^(?:\s+|\s+(?:du|de|des|de\s+la)\s+|\s+d['’]\s*)$/u.test(text.slice(last.end, n.at))) {
      last.end = n.at + n.name.length;
      last.name = text.slice(last.at, last.end);
      last.folded = words(last.name).join(" ");
    } else out.push({ ...n, end: n.at + n.name.length });
  }
  return out;
}

/** Words that do not place a name in a sentence (articles, « de », « est »): left out of what is on each side of it. */
const SLOT_SKIPS = new Set("le la les l un une des de du d est sont a au aux et en ete".split(" "));

/** The words on each side of a span of a text, nearest first, up to two, without `SLOT_SKIPS` nor `own`. */
function slotOf(text: string, at: number, end: number, own: Set<string>): Sides {
  const keep = (list: string[]) => list.filter((w) => !SLOT_SKIPS.has(w) && !own.has(w));
  return {
    before: keep(words(text.slice(Math.max(0, at - 120), at)).reverse()).slice(0, 2),
    after: keep(words(text.slice(end, end + 120))).slice(0, 2),
  };
}

/** Least content words (besides names) a claim must share with a sentence writing its other names to compare slots. */
export const NAME_SLOT_MIN_ANCHORED = 2;

/** A token written like a name: a capital, or digits and letters together (« 8x8 », « 3DS »). */
const NAME_LIKE = /(?<![\p{L}\p{N}-])(?:\p{Lu}[\p{L}\p{N}&-]*|\p{N}+\p{L}[\p{L}\p{N}]*)/gu;

/**
 * A name of the passages put where the source sentence carrying the rest of the claim writes another name (« Jitsi
 * Meet appartient depuis octobre 2018 à l'américain Synacor » where the passage says « Jitsi Meet … appartient depuis
 * octobre 2018 à l'américain 8x8 » and gives Synacor to Zimbra): a sentence of the cited passages writes every other
 * name of the claim and most of its other content words (at least three), not this name, and another name (not
 * written by the claim) between the same words.
 */
function nameOutOfPlace(stated: string, pool: Source[]): { name: string; other: string } | null {
  const phrases = namePhrases(stated);
  const nameWords = new Set(phrases.flatMap((p) => p.folded.split(" ")));
  const content = [...new Set(contentWords(stated))].filter((w) => !nameWords.has(w) && !MONTH_NAMES.test(w));
  const claimed = bagOf(stated);
  const sentences = pool.flatMap((src) => src.sentences.filter((ss) => !ss.inHeading));
  for (const p of phrases) {
    if (!p.folded || !pool.some((src) => inBag(p.folded, src.bag))) continue;
    const others = phrases.filter((o) => o !== p && o.folded);
    // Another name of the claim written in the same sentence anchors it: two other words suffice then.
    const least = others.length > 0 ? NAME_SLOT_MIN_ANCHORED : OPPOSITE_MIN_SHARED;
    if (content.length < least) continue;
    const need = Math.max(least, Math.ceil(content.length * POLARITY_MIN_SHARE));
    const carriers = sentences.filter(
      (ss) =>
        !inBag(p.folded, ss.said, false) &&
        others.every((o) => inBag(o.folded, ss.own, false)) &&
        content.filter((w) => inBag(w, ss.said)).length >= need,
    );
    if (carriers.length === 0) continue;
    const mine = slotOf(stated, p.at, p.end, new Set(p.folded.split(" ")));
    // Where the passages write the name itself, outside the carriers: its own sentences and slots.
    const homes = sentences.filter((ss) => inBag(p.folded, ss.said, false)).map((ss) => withoutReferences(ss.text));
    const slotsOf = (text: string, folded: string) =>
      namePhrases(text)
        .filter((x) => x.folded === folded)
        .map((x) => slotOf(text, x.at, x.end, new Set(folded.split(" "))));
    for (const ss of carriers) {
      const text = withoutReferences(ss.text);
      for (const m of text.matchAll(NAME_LIKE)) {
        const folded = words(m[0]).join(" ");
        if (!folded || SENTENCE_START_COMMON.test(m[0]) || MONTH_NAMES.test(m[0]) || inBag(folded, claimed, false))
          continue;
        // Another form of the same name (« AP » for « Associated Press », « FNL »): not a swap.
        const span = namePhrases(text).find((x) => x.at <= m.index! && m.index! < x.end);
        const phrase = span?.folded ?? folded;
        if (acronymIn(p.folded.replace(/ /g, ""), bagOf(phrase)) || acronymIn(folded, bagOf(p.folded))) continue;
        if (!sameSlot(mine, slotOf(text, m.index!, m.index! + m[0].length, new Set(folded.split(" "))))) continue;
        // The two names are items of one kind in the passages: in one sentence (a list), both opening their line or
        // sentence (« - **SILL** : … », « - **Comptoir du Libre** : … »), or after or before the same word (« à
        // l'américain 8x8 », « à l'américain Synacor »); not a paraphrase of one name by another (« Bruxelles » for
        // « la Commission »).
        const theirs = span
          ? slotOf(text, span.at, span.end, new Set(phrase.split(" ")))
          : slotOf(text, m.index!, m.index! + m[0].length, new Set(folded.split(" ")));
        const opens = (x: Sides) => x.before.length === 0;
        const parallel =
          homes.some((h) => wordAt(h, m[0]) >= 0) ||
          homes.some((h) =>
            slotsOf(h, p.folded).some(
              (x) =>
                (opens(x) && opens(theirs)) ||
                (x.before[0] !== undefined && x.before[0] === theirs.before[0]) ||
                (x.after[0] !== undefined && x.after[0] === theirs.after[0]),
            ),
          );
        if (parallel) return { name: p.name, other: m[0] };
      }
    }
  }
  return null;
}

/** A term a source describes with a relative clause (« : l'élu, qui donne le cap et valide la direction ; »). */
const DESCRIBED_TERM = /(?:^|[:;]\s*|,\s+(?=(?:le|la|les|l['’])))([^,;:.()]{2,60}?),\s+qui\s+([^;.]+)/giu;

/** Least words of a term's description a clause must state for the descriptions of two terms to be compared. */
export const ROLE_MIN_WORDS = 3;

/**
 * A term of the passages given what they say of another term (« L'élu porte le projet, convainc, pilote et forme »
 * where the passage says « l'élu, qui donne le cap et valide la direction ; le DSI ou chef de projet, qui porte le
 * projet, convainc, pilote et forme »): a clause opens with the term and states most of the other term's description
 * (at least three words) and almost nothing of its own. The two terms, or null.
 */
function termsSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const described = pool.flatMap((src) =>
    src.sentences.flatMap((ss) =>
      [...withoutReferences(ss.text).matchAll(DESCRIBED_TERM)].map((m) => ({
        term: m[1]!.trim(),
        words: [...new Set(contentWords(m[1]!))],
        bag: bagOf(m[2]!),
      })),
    ),
  );
  if (described.length < 2) return null;
  for (const clause of polarityClauses(stated)) {
    const opening = words(clause).slice(0, 8);
    for (const own of described) {
      if (own.words.length === 0 || !own.words.every((w) => opening.includes(w))) continue;
      const rest = [...new Set(contentWords(clause))].filter((w) => !own.words.includes(w));
      if (rest.length < ROLE_MIN_WORDS) continue;
      if (rest.filter((w) => inBag(w, own.bag)).length >= 2) continue;
      const need = Math.max(ROLE_MIN_WORDS, Math.ceil(rest.length * POLARITY_MIN_SHARE));
      const other = described.find(
        (d) =>
          d !== own &&
          !d.words.every((w) => own.words.includes(w)) &&
          rest.filter((w) => inBag(w, d.bag)).length >= need,
      );
      if (other) return { name: own.term, other: other.term };
    }
  }
  return null;
}

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
function nationalitySwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
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

/** Phrases by which a passage reports a statement without vouching for it (`server/i18n/fr/reported-statements.txt`). */
const REPORTED = new RegExp(
  `(?<!\\p{L})(?:${wordLines("reported-statements.txt")
    .map((l) => escapeRegExp(l).replace(/\s+/g, "\\s+"))
    .join("|")})(?!\\p{L})`,
  "iu",
);

/** Verbs by which a sentence reports what someone said or meant (`server/i18n/fr/saying-verbs.txt`): its own reserve. */
const SAYING = new RegExp(`(?<!\\p{L})(?:${wordList("saying-verbs.txt").map(escapeRegExp).join("|")})(?!\\p{L})`, "iu");

/** A sentence saying what is not known (« On ne sait pas si … », « les sources ne précisent pas … »): its own reserve. */
const saysUnknown = (text: string) =>
  /(?<!\p{L})(?:ne|n['’])\s*(?:\S+\s+){0,3}?(?:pas|jamais)(?!\p{L})/iu.test(text) &&
  /(?<!\p{L})(?:sai|sav|connu|conna|précis|precis|confirm|vérifi|verifi|établi|etabli|dit|dis)/iu.test(text);

/** Least content words a sentence must share only with reported statements of the passages to state them as facts. */
export const REPORTED_MIN_WORDS = 3;

/**
 * The reported statement of the cited passages a sentence states as established (« Il est hébergé par 3DS Outscale »
 * where the passage says « l'Assistant IA serait hébergé par 3DS Outscale … : une affirmation d'acteurs du secteur,
 * non confirmée »): the sentence has no reserve of its own (« selon », « serait »…), and at least three of its content
 * words, most of those the statement shares with it, are written in the passages only in statements that report
 * (`reported-statements.txt`). A short quote of it, or null.
 */
function reportedAsFact(stated: string, pool: Source[]): string | null {
  if (QUALIFIER_CLAIM.test(stated) || REPORTED.test(stated) || SAYING.test(stated) || saysUnknown(stated)) return null;
  // A colon opens another statement (« … serait à l'abri d'une mauvaise mise à jour : le risque tient surtout à … »).
  const statements = pool.flatMap((src) =>
    src.sentences
      .filter((ss) => !ss.inHeading)
      .flatMap((ss) => statementsOf(ss.text).flatMap((st) => st.split(/\s:\s/))),
  );
  const reported = statements.filter((st) => REPORTED.test(st));
  if (reported.length === 0) return null;
  const plain = statements.filter((st) => !REPORTED.test(st)).map((st) => bagOf(st));
  const headings = pool.map((src) => bagOf(src.sentences[0]?.heading ?? ""));
  const content = [...new Set(contentWords(stated))];
  for (const st of reported) {
    const bag = bagOf(st);
    const shared = content.filter((w) => inBag(w, bag));
    const only = shared.filter((w) => !plain.some((b) => inBag(w, b)) && !headings.some((b) => inBag(w, b)));
    if (only.length >= REPORTED_MIN_WORDS && shared.length >= Math.ceil(content.length * POLARITY_MIN_SHARE))
      return short(st);
  }
  return null;
}

/**
 * The folded words of the names a sentence writes in full before their acronym in parentheses (« la Caisse nationale
 * d'Assurance maladie (CNAM) »), when the acronym is named in the sources and its letters are those of the words.
 */
export function spelledOutNames(sentence: string, bags: Bag[]): Set<string> {
  const out = new Set<string>();
  for (const m of sentence.matchAll(/\((\p{Lu}{2,6})\)/gu)) {
    const acronym = fold(m[1]!);
    if (!bags.some((b) => nameIn(acronym, b))) continue;
    const before = words(sentence.slice(Math.max(0, m.index! - 120), m.index!));
    for (let k = 1; k <= Math.min(before.length, 10); k++) {
      const tail = before.slice(-k);
      if (!ACRONYM_SKIPS.has(tail[0]!) && tail[0]![0] === acronym[0] && acronymIn(acronym, bagOf(tail.join(" ")))) {
        for (const w of tail) out.add(w);
        break;
      }
    }
  }
  return out;
}

/**
 * Words before a number that make it part of a name (`server/i18n/fr/name-numbers.txt`, data): « l'article 31 »,
 * « alinéa 2 », « la version 3.2 », « le chapitre 19.6 ».
 */
const ARTICLE_BEFORE = new RegExp(
  `(?<!\\p{L})(?:${wordList("name-numbers.txt").map(escapeRegExp).join("|")})\\s*$`,
  "iu",
);

/** Text that ends inside an incise right after a version (« version 3.2, disponible depuis »). */
const VERSION_INCISE = /(?<!\p{L})version\s+\d+(?:[.,]\d+)*\s*,[^,;:]*$/iu;

/** The figures and the folded names of what the user wrote about their own collectivité (`VerifyOptions.asked`). */
interface Asked {
  figures: Figure[];
  names: Set<string>;
}

function askedOf(texts: string[]): Asked {
  const figures = texts.flatMap((t) => extractFigures(t));
  const names = new Set(texts.flatMap((t) => namesAt(t).map((n) => n.folded)));
  return { figures, names };
}

function checkSentence(
  written: string,
  cited: number[],
  sources: Source[],
  facts: Source[],
  asked: Asked = { figures: [], names: new Set() },
): string[] {
  const sentence = withoutNotes(written);
  const reasons: string[] = [];
  const w = where(cited);
  const pool = cited.length ? sources.filter((s) => s.n !== null && cited.includes(s.n)) : sources;
  const withFacts = [...pool, ...facts];
  // Figures: found with the same value, around the same words, with the qualification the source gives.
  const stated = withoutReferences(sentence);
  const figures = [...extractFigures(stated), ...fractionFigures(stated)];
  const spots = located(stated, figures);
  const quantitySpots = spots.filter((s) => QUANTITY.has(s.f.kind));
  /** Source sentences where a quantity of the sentence is found, around the same words (filled below). */
  const foundAt = new Map<Figure, SourceSentence[]>();
  /** How each figure of the sentence is matched in the sources (same value, or what a rounded one stands for). */
  const matcherOf = new Map<Figure, (sf: Figure) => boolean>();
  for (const f of figures) {
    // The same figure, or the figure a rounded one stands for (« près de 12 millions d'euros » for 11,7 millions).
    const approx = approximationBefore(stated, f);
    const matches = (sf: Figure) => figureMatches(f, sf) || (approx !== null && approximates(f, sf, approx));
    matcherOf.set(f, matches);
    const found = withFacts.flatMap((s) => s.sentences.filter((ss) => ss.figures.some(matches)));
    // A question of the data (« Question posée : Est-il vrai que les gendarmes ont économisé 534 millions d'euros ? »)
    // asks about a figure, it does not state it: what the figure is said of is checked where a passage states it.
    const stating = found.filter((ss) => !ss.asks);
    const candidates = stating.length > 0 ? stating : found;
    if (candidates.length === 0) {
      // The user's own figure (« notre commune de 12 000 habitants »), repeated: context, not a claim.
      if (asked.figures.some((a) => figureMatches(f, a))) continue;
      reasons.push(message("verify.figureNotFound", { figure: f.raw, where: w }));
      continue;
    }
    const isDate = f.kind === "year" || f.kind === "date" || f.kind === "month" || f.kind === "daymonth";
    // Where the figure is written (not the first figure written the same way).
    const at = spots.find((x) => x.f === f)?.at ?? stated.indexOf(f.raw);
    // The number of an article (« l'article 31 de la loi SREN »): found in the sources, it names a text, it counts
    // nothing the years and names of the sentence are held to.
    if (f.kind === "number" && ARTICLE_BEFORE.test(stated.slice(Math.max(0, at - 16), at))) continue;
    const context = contextOf(stated, f.raw, 4, at).filter((c) => !MONTH_NAMES.test(c));
    const fromFacts = facts.some((s) => s.sentences.some((ss) => candidates.includes(ss)));
    // The words around the number must be around the same number in the source, not merely in its sentence.
    // A list item's figures measure what the sentence opening the list says (« Deux montants d'économies sont
    // publiés : - 9 millions d'euros par an grâce à … »).
    const near = (c: SourceSentence) =>
      c.figures.filter(matches).map((sf) =>
        bagOf(
          [...c.text.matchAll(new RegExp(escapeRegExp(sf.raw), "g"))]
            .flatMap((m) => contextOf(c.text, sf.raw, 6, m.index))
            .concat(contentWords(c.leadIn))
            .join(" "),
        ),
      );
    const matching =
      context.length === 0 || isDate || fromFacts
        ? candidates
        : candidates.filter((c) => near(c).some((b) => context.some((word) => sameThing(word, b))));
    // What a share or a count is of (« 80 % des grandes organisations », « 16 000 postes ») must be what the source's
    // same number is of: a true number attached to the wrong thing is not supported.
    const of = isDate || fromFacts ? [] : countedThing(stated, f, at);
    // Said beside that number: after it, or just before it (« ses agents, au nombre de 80 000 »), not merely in its
    // sentence (« entre 15 000 et 18 000 postes … des agents » does not give 18 000 agents).
    const beside = (c: SourceSentence) => {
      const { spots, sides } = spotsOf(c);
      return spots.flatMap((spot, k) =>
        matches(spot.f)
          ? [bagOf([...sides[k]!.before.slice(0, 2), ...sides[k]!.after, ...elidedCount(c, spots, k)].join(" "))]
          : [],
      );
    };
    // What is counted is its first word, in the source's words or in words a model puts in their place (« 200
    // ordinateurs » for « 200 postes »), and a name after it (« appareils Windows »); a common word after it may be
    // the model's own precision (« 37 collectivités locales »).
    const counted = of.length
      ? matching.filter((c) =>
          beside(c).some((b) => sameThing(of[0]!.word, b) && of.slice(1).every((w) => !w.name || inBag(w.word, b))),
        )
      : matching;
    // A word that qualifies what is counted (« 60 000 utilisateurs réguliers ») said beside another figure of the
    // passages and beside no occurrence of this one: the qualifier of that other figure.
    const borrowed =
      counted.length > 0 &&
      of.slice(1).some(
        (q) =>
          !q.name &&
          !counted.some((c) => beside(c).some((b) => inBag(q.word, b))) &&
          pool.some((s) =>
            s.sentences.some((ss) => {
              const { spots, sides } = spotsOf(ss);
              return spots.some(
                (x, k) =>
                  x.f.kind === f.kind &&
                  !matches(x.f) &&
                  inBag(q.word, bagOf([...sides[k]!.before.slice(0, 2), ...sides[k]!.after].join(" "))),
              );
            }),
          ),
      );
    if (counted.length === 0 || borrowed) {
      reasons.push(message("verify.figureContext", { figure: f.raw, where: w }));
      continue;
    }
    // Another figure of the cited passages is what the sentence's words describe: a true number put in its place.
    const spot = quantitySpots.findIndex((s) => s.f === f);
    if (spot >= 0 && !fromFacts) {
      const other =
        swappedWith(sidesOf(stated, quantitySpots, spot), f, pool, matches) ??
        causeSwapped(stated, quantitySpots[spot]!, pool, matches);
      if (other) {
        reasons.push(message("verify.figureSwapped", { figure: f.raw, other: other.raw, where: w }));
        continue;
      }
    }
    if (QUANTITY.has(f.kind) && !fromFacts) foundAt.set(f, counted);
    // The passage's heading repeating the figure (« le prix de VMware après le rachat (+430 %) »), or a sentence denying
    // it (« La forte hausse est avérée, mais pas le chiffre de 430 % »), does not vouch for it.
    const vouches = (c: SourceSentence) => !c.qualified && !c.inHeading && !deniedIn(c.text, matches);
    if (matching.some((c) => c.qualified) && !matching.some(vouches) && !QUALIFIER_CLAIM.test(sentence)) {
      const qualified = matching.find((c) => c.qualified)!;
      // The whole word the source uses (« non confirmé », « contestée »), from the sentence or else its heading.
      const q =
        (qualified.text.match(QUALIFIER_WORD) ?? qualified.heading.match(QUALIFIER_WORD))?.[0] ?? "non confirmé";
      reasons.push(message("verify.qualificationLost", { figure: f.raw, qualifier: `« ${q} »` }));
    }
  }
  // Years and names in the clause of a quantity must be where the source gives that quantity (its sentence, the two
  // before it, its heading): « 18 000 postes … entre 2020 et 2013 » where the passage says 2005, « la DINUM … 80 000
  // agents » where the passage gives them to the CNAM.
  const bag = (s: Source[]) => s.map((x) => x.bag);
  const bags = bag(withFacts);
  const attached = (at: number, end: number) => {
    const [start, stop] = clauseAround(stated, at, end, STATEMENT_BREAK);
    return quantitySpots.filter((q) => q.at >= start && q.end <= stop && foundAt.has(q.f));
  };
  for (const y of spots.filter((s) => s.f.year !== undefined && s.f.kind !== "daymonth")) {
    // The date of a version, in its own incise (« sa version 3.2, disponible depuis mars 2022, exige … 24 % »): it
    // dates the version, not the figures the version sets.
    if (VERSION_INCISE.test(stated.slice(0, y.at))) continue;
    const year = String(y.f.year);
    for (const q of attached(y.at, y.end)) {
      // A year written in the figure's own clause of the sentence (« 534 millions d'euros depuis 2008 ») is held to the
      // year the source gives the figure in its clause, when a source sentence does (« utilise Linux depuis 2008 et
      // qu'elle a économisé 534 millions d'euros depuis 2004 » gives it 2004, not 2008); else to the years its source
      // sentence states (not those of its heading: « Millau (2026) — … « 25 000 postes migrés en 2025 » »); else to
      // those before it or in its heading. A year written apart (« Millau (2026) affirme que … 430 % », « s'est tenue
      // en février 2026 : plus de 500 participants ») may also be one of the two sentences before, unless the source
      // sentence writes its own year in that place (« l'édition 2025 : … 37 collectivités »). A figure of the heading
      // itself takes only the years of its own part.
      const [from, to] = clauseAround(stated, q.at, q.end, YEAR_CLAUSE_BREAK);
      const tight = y.at >= from && y.end <= to;
      const found = foundAt.get(q.f)!;
      const stating = tight
        ? found.flatMap((ss) => yearsBeside(ss, matcherOf.get(q.f)!)).filter((ys): ys is number[] => ys !== null)
        : [];
      const slot = wordSides(stated, y.at, y.end - y.at);
      const given = (ss: SourceSentence) => {
        if (ss.inHeading) return !tight && yearsBeside(ss, matcherOf.get(q.f)!).some((ys) => ys?.includes(y.f.year!));
        if (ss.ownYears.length > 0)
          return (
            ss.ownYears.includes(y.f.year!) ||
            (!tight && ss.yearsBefore.includes(y.f.year!) && !yearInPlace(ss, slot, y.f.year!))
          );
        return ss.around.list.includes(year) || !hasYear(ss.around);
      };
      if (stating.length > 0 ? stating.some((ys) => ys.includes(y.f.year!)) : found.some(given)) continue;
      // Another year of the clause, written in the figure's own part between commas, is the one its source gives
      // it (« créée en 2019 sur Matrix, avec 375 000 utilisateurs en 2025 »): this one dates something else.
      const part = (at: number) => {
        const before = stated.slice(0, at).search(/,(?!\d)[^,]*$/);
        const after = stated.slice(at).search(/,(?!\d)/);
        return [Math.max(before, 0), after < 0 ? stated.length : at + after] as const;
      };
      const [pFrom, pTo] = part(q.at);
      const inPart = (s: Spot) => s.at >= pFrom && s.end <= pTo;
      const nearer =
        !inPart(y) &&
        spots.some(
          (o) =>
            o !== y &&
            o.f.year !== undefined &&
            o.f.kind !== "daymonth" &&
            inPart(o) &&
            stating.some((ys) => ys.includes(o.f.year!)),
        );
      if (nearer) continue;
      // A year the figure's source sentence writes too: beside the same words as in the sentence (« La troisième
      // édition, le 17 février 2026, a réuni plus de 500 participants » where the source says « La troisième édition
      // s'est tenue le 17 février 2026 : plus de 500 participants »), it dates what those words name; farther from the
      // figure than another year of the sentence that the source gives the figure (« sur 20 000 postes en 2004 puis sur
      // l'ensemble du parc, environ 90 000 postes, en 2005 »), it dates another figure.
      const writing = found.filter((ss) => !ss.inHeading && ss.ownYears.includes(y.f.year!));
      if (writing.some((ss) => yearSaidWith(ss, y.f.year!, yearWords(stated, y, spots)))) continue;
      const gap = (s: Spot) => (s.at >= q.end ? s.at - q.end : q.at - s.end);
      const closer = spots.some(
        (o) =>
          o.f.year !== undefined &&
          o.f.year !== y.f.year &&
          o.f.kind !== "daymonth" &&
          gap(o) < gap(y) &&
          stating.some((ys) => ys.includes(o.f.year!)),
      );
      if (closer && writing.length > 0) continue;
      reasons.push(message("verify.yearMismatch", { year: y.f.raw, figure: q.f.raw, where: w }));
      break;
    }
  }
  // A year stated of an event, without a quantity (« Le RGI existe depuis 2012 »), found in the cited passages but
  // said there of something else, where the passage dates the same words otherwise (« existe depuis 2009 »).
  for (const y of spots.filter((s) => s.f.year !== undefined && s.f.kind !== "daymonth")) {
    const other = yearMoved(stated, y, spots, pool);
    if (other) reasons.push(message("verify.yearMoved", { year: y.f.raw, other, where: w }));
  }
  // Two names of the passages paired otherwise than the passages pair them (« Harmonica OS, dérivé de Debian » where
  // the passage says « Harmonica OS, dérivé d'Ubuntu » and « Gooroom, dérivé de Debian »).
  const crossed = cited.length > 0 ? crossedNames(stated, pool) : null;
  if (crossed) reasons.push(message("verify.namesCrossed", { ...crossed, where: w }));
  // A name given what the passages say of another one (« Contrairement au CNLL, qui rassemble des collectivités »).
  const described =
    cited.length > 0
      ? (descriptionSwapped(stated, pool) ??
        nameOutOfPlace(stated, pool) ??
        nationalitySwapped(stated, pool) ??
        termsSwapped(stated, pool))
      : null;
  if (described) reasons.push(message("verify.nameSwapped", { ...described, where: w }));
  const claimBag = bagOf(stated);
  const denied = (q: Spot) => {
    const [start] = clauseAround(stated, q.at, q.end);
    return DENIAL_BEFORE.test(stated.slice(start, q.at));
  };
  for (const segment of stated.split(STATEMENT_BREAK)) {
    const offset = stated.indexOf(segment);
    const quantities = attached(offset, offset + segment.length);
    if (!quantities.length) continue;
    for (const name of namesOf(segment)) {
      const folded = words(name).join(" ");
      if (!folded || !bags.some((b) => inBag(folded, b))) continue; // not named at all: said below
      // Two figures with two subjects (« ECCO parle de 8 à 15, AT&T de hausses jusqu'à 1 200 % »): a name is held to
      // the figures of its own part of the statement, when that part has any.
      // A figure the sentence denies of a name (« l'État ne remplace pas 2,5 millions d'ordinateurs ») is not given to it.
      const own = ownQuantities(offset, segment, name, quantities, quantitySpots).filter((x) => !denied(x));
      // In the source sentence itself; or in its heading when the sentence's own subject is in the claim too (not
      // « Sécurix … 200 postes » from a page on Sécurix whose sentence gives the 200 postes to the DINUM); or before
      // it (« Elle économise… ») when the sentence names no one else.
      const givenTo = (who: string) => (ss: SourceSentence) =>
        inBag(who, ss.said) ||
        (inBag(who, ss.own) && (!ss.subject || inBag(ss.subject, claimBag))) ||
        (inBag(who, ss.around) && ss.ownNames.every((n) => inBag(n, claimBag)));
      const given = givenTo(folded);
      const q = own.find(
        (x) =>
          !recipientBeside(segment, offset, x, name, folded, pool, foundAt.get(x.f)!, givenTo) &&
          !foundAt
            .get(x.f)!
            .some(
              (ss) => given(ss) || (cited.length > 1 && namedElsewhere(ss, matcherOf.get(x.f)!, folded, segment, pool)),
            ),
      );
      if (q) {
        reasons.push(message("verify.nameMismatch", { name, figure: q.f.raw, where: w }));
        continue;
      }
      // Given by the heading or a sentence around, but where the figure's own sentence names someone else: « créée
      // par la Tchap » for « créée par la DINSIC » on a page about Tchap.
      const other =
        own.map((x) => nameReplaced(segment, name, folded, foundAt.get(x.f)!)).find(Boolean) ??
        own
          .map((x) => nameMovedInSentence(segment, name, folded, foundAt.get(x.f)!, matcherOf.get(x.f)!))
          .find(Boolean);
      if (other) reasons.push(message("verify.nameSwapped", { name, other, where: w }));
    }
  }
  // A product and its version (« Java 8 », « Windows 11 »): the version is part of the name, written as the sources do;
  // so is the number of an act (« (UE) 2022/2555 »).
  for (const name of [...productVersions(stated), ...actNumbers(stated)]) {
    const folded = ` ${words(name).join(" ")} `;
    if (!bags.some((b) => b.joined.includes(folded))) reasons.push(message("verify.nameNotFound", { name, where: w }));
  }
  // Names of organisations, places and people; an acronym may stand for a name the sources write in full, and a name
  // the sentence writes in full before its acronym (« Caisse nationale d'Assurance maladie (CNAM) ») is the acronym's.
  const spelledOut = spelledOutNames(sentence, bags);
  const ownNames = ownNameWords(sentence);
  const locating = locatingDivisions(stated, withFacts);
  for (const name of namesOf(sentence)) {
    const folded = words(name).join(" ");
    if (!folded || bags.some((b) => nameIn(folded, b)) || spelledOut.has(folded) || ownNames.has(folded)) continue;
    if (locating.has(folded)) continue;
    if (asked.names.has(folded)) continue;
    if (/^\p{Lu}{2,6}$/u.test(name) && bags.some((b) => acronymIn(folded, b))) continue;
    reasons.push(message("verify.nameNotFound", { name, where: w }));
  }
  // Countries listed by their adjectives (« avec les gouvernements allemand et belge »): where the passages name one of
  // them, each must be named there, as a place or by one of its adjectives (`server/verify/place-adjectives.txt`).
  for (const list of stated.matchAll(/(?<!\p{L})\p{L}+(?:(?:\s*,\s*|\s+(?:et|ou)\s+)\p{L}+)+/gu)) {
    const listed = list[0].split(/\s*,\s*|\s+(?:et|ou)\s+/u).filter((x) => ADJECTIVE_PLACES.has(words(x).join(" ")));
    if (listed.length < 2) continue;
    const named = listed.filter((x) => bags.some((b) => wordIn(words(x).join(" "), b)));
    if (named.length === 0) continue;
    for (const raw of listed.filter((x) => !named.includes(x)))
      reasons.push(message("verify.nameNotFound", { name: raw, where: w }));
  }
  // A count written in words (« huit départements ») where the cited passages count the same thing otherwise (« six
  // départements »).
  const counts = wordCounts(stated);
  const given =
    counts.length > 0 ? pool.flatMap((src) => wordCounts(src.sentences.map((ss) => ss.text).join(" "), true)) : [];
  for (const { raw, value, noun } of counts) {
    const same = given.filter((g) => stem(g.noun) === stem(noun));
    if (same.length > 0 && !same.some((g) => g.value === value))
      reasons.push(message("verify.figureNotFound", { figure: raw, where: w }));
  }
  // The sentence says the opposite of what it cites: « Munich n'est jamais revenue à Windows » against « Munich est
  // revenue à Windows en 2017 ».
  if (cited.length > 0) {
    const opposite = contradicted(stated, pool) ?? contrasted(stated, pool) ?? neitherNor(stated, pool);
    if (opposite)
      reasons.push(
        message(cited.length === 1 ? "verify.contradiction" : "verify.contradictionMany", {
          where: w,
          quote: opposite,
        }),
      );
  }
  // What the passages only report (« serait hébergé par … », « ont affirmé que … ») stated as established.
  if (cited.length > 0) {
    const quote = reportedAsFact(stated, pool);
    if (quote) reasons.push(message("verify.reportedAsFact", { where: w, quote }));
  }
  // Every word found, yet more than the passage says: a plan stated as done, « tous » for some, a country for its
  // ministry, another duty holder, another nationality, a denial reported as a confirmation (`overstated.ts`).
  if (cited.length > 0 && reasons.length === 0) {
    const over = overstated(stated, citedSentences(pool));
    if (over) reasons.push(overstatedReason(over, w, cited.length));
  }
  // Without figures, the content of a citing sentence must be found in what it cites (a sentence citing nothing
  // and stating no figure is a proposal or a formula: « Nous restons à votre disposition »).
  if (figures.length === 0 && cited.length > 0) {
    // Words saying what a product or its vendor is (« une solution … développée par une entreprise allemande »), in a
    // sentence naming a name of the passages whose other words are all found: what a catalog card says by its fields.
    // What the note advises the collectivité it is written for is its proposal, not a fact of the passages.
    const all = [...new Set(contentWords(withoutAdvice(sentence, pool, facts)))];
    const naming = namesOf(sentence).some((n) => bags.some((b) => nameIn(words(n).join(" "), b)));
    const described = naming ? all.filter((c) => !PRODUCT_WORDS.has(c)) : all;
    const content = described.length >= 3 && described.every((c) => bags.some((b) => wordIn(c, b))) ? described : all;
    if (content.length >= 3) {
      const missing = content.filter((c) => !bags.some((b) => wordIn(c, b)));
      // A sentence about the sources describes them in its own words: only what it is about must be in them.
      const min = ABOUT_SOURCES.test(sentence.replace(/\*\*|__/g, "").trim())
        ? ABOUT_SOURCES_COVERAGE
        : MIN_CLAIM_COVERAGE;
      if ((content.length - missing.length) / content.length < min - 1e-9) {
        reasons.push(
          message("verify.wordsNotFound", {
            where: w,
            words: missing
              .slice(0, 5)
              .map((m) => `« ${m} »`)
              .join(", "),
          }),
        );
      }
    }
  }
  return [...new Set(reasons)];
}

/** Verbs by which a note advises the collectivité it is written for (`server/i18n/fr/advice-verbs.txt`), folded. */
const ADVICE_VERBS = new Set(wordList("advice-verbs.txt").map((w) => fold(w)));

/**
 * A sentence without the part where it advises the collectivité it is written for (a name only the data gives, with a
 * verb of `advice-verbs.txt`: « Comme Boé, Kervallon pourrait passer ses postes sous Linux avec une petite équipe : deux
 * agents y ont suffi pour soixante postes » → « deux agents y ont suffi pour soixante postes »), when the rest states
 * something (at least three content words); else the sentence as it is.
 */
function withoutAdvice(sentence: string, pool: Source[], facts: Source[]): string {
  if (facts.length === 0) return sentence;
  const parts = withoutReferences(sentence).split(/\s[:;]\s|\s[—–]\s/);
  if (parts.length < 2) return sentence;
  const recipient = (name: string) => {
    const folded = words(name).join(" ");
    return facts.some((f) => inBag(folded, f.bag)) && !pool.some((s) => inBag(folded, s.bag));
  };
  const advice = (part: string) => namesOf(part).some(recipient) && words(part).some((w) => ADVICE_VERBS.has(w));
  const rest = parts.filter((p) => !advice(p)).join(" ; ");
  return rest.length < parts.join(" ; ").length && contentWords(rest).length >= 3 ? rest : sentence;
}

/** The cited passages' sentences as `overstated.ts` reads them: without source references, headings marked. */
const citedSentences = (pool: Source[]): CitedSentence[][] =>
  pool.map((src) =>
    src.sentences.map((ss) => ({ text: withoutReferences(ss.text), heading: ss.inHeading || ss.text === ss.heading })),
  );

/** The reason for what `overstated` found. */
function overstatedReason(o: Overstatement, where: string, cited: number): string {
  switch (o.kind) {
    case "denied":
      return message(cited === 1 ? "verify.contradiction" : "verify.contradictionMany", { where, quote: o.quote });
    case "planned":
      return message("verify.planned", { where, quote: o.quote });
    case "all":
      return message("verify.allForSome", { where, words: o.words });
    case "part":
      return message("verify.wholeForPart", { where, whole: o.whole, part: o.part });
    case "duty":
      return message("verify.dutyHolder", { where, claimed: o.claimed, quote: o.quote });
    case "nationality":
      return message("verify.nationality", { where, name: o.name, adjective: o.adjective, other: o.other });
  }
}

/**
 * A sentence without its source references (« (Wikipedia, « LiMux », 2025) », « (Heise, novembre 2025 ; AWS, s. d.) »):
 * the date of a reference says when a source wrote, it is not a figure the sentence states.
 */
export function withoutReferences(sentence: string): string {
  return sentence.replace(/\(([^()]{3,400})\)/g, (whole, inner: string) => {
    const items = inner.split(/\s*;\s*/).map((i) => i.trim());
    const reference = (i: string) =>
      /^\p{Lu}[^,]*,.*(?:\b\d{4}|\bs\.\s?d\.?)$/u.test(i) &&
      !/^(?:À|A|En|Au|Aux|Selon|Dont|Depuis|Avant|Après|Soit|Hors)\s/u.test(i);
    return items.length > 0 && items.every(reference) ? " " : whole;
  });
}

/** Whether a sentence states something checkable: a figure, a name, or at least three content words. */
function isClaim(sentence: string): boolean {
  const bare = sentence.replace(/\[\d+\]/g, "").trim();
  if (NO_CLAIM.test(bare) || asksOnly(bare) || /^#+\s/.test(bare) || /^\|?[\s:|-]+\|?$/.test(bare)) return false;
  return extractFigures(bare).length > 0 || namesOf(bare).length > 0 || contentWords(bare).length >= 3;
}

/**
 * Verifies a generated text against the passages given to the model (numbered as the model saw them).
 * @example verifyText("La Gendarmerie a économisé 95 millions d'euros [1].", [{ n: 1, text: "… 2 millions d'euros par an …" }])
 * // → one sentence, status "unsupported", reason « le chiffre « 95 millions d'euros » ne figure pas dans le passage cité »
 */
export function verifyText(text: string, passages: VerifyPassage[], options: VerifyOptions = {}): Verification {
  const sources = passages.map((p) => toSource(p.n, p.text));
  const facts = (options.facts ?? []).filter(Boolean).map((f) => toSource(null, f));
  const asked = askedOf(options.asked ?? []);
  const valid = new Set(passages.map((p) => p.n));
  const sentences: SentenceCheck[] = [];
  for (const span of sentenceSpans(text)) {
    const numbers = citationNumbers(span.text);
    const citations = numbers.filter((n) => valid.has(n));
    const invalidCitations = numbers.filter((n) => !valid.has(n));
    let status: SentenceStatus;
    let reasons: string[] = [];
    if (invalidCitations.length) {
      status = "invalid-citation";
      reasons = invalidCitations.map((n) => message("verify.invalidCitation", { n }));
      if (isClaim(span.text)) reasons.push(...checkSentence(span.text, citations, sources, facts, asked));
    } else if (!isClaim(span.text)) {
      status = "no-claim";
    } else {
      reasons = checkSentence(span.text, citations, sources, facts, asked);
      status = reasons.length ? "unsupported" : "supported";
    }
    sentences.push({ ...span, status, citations, invalidCitations, reasons });
  }
  return verificationOf(sentences);
}

/** A verification of checked sentences, its counts following them (also for sentences re-judged afterwards). */
export function verificationOf(sentences: SentenceCheck[]): Verification {
  const count = (s: SentenceStatus) => sentences.filter((x) => x.status === s).length;
  return {
    sentences,
    counts: {
      sentences: sentences.length,
      supported: count("supported"),
      unsupported: count("unsupported"),
      invalidCitation: count("invalid-citation"),
      noClaim: count("no-claim"),
      invalidMarkers: sentences.reduce((n, s) => n + s.invalidCitations.length, 0),
    },
  };
}

/** Whether a verification found something a reader must see (an unsupported sentence or an invalid citation). */
export const hasProblems = (v: Verification) => v.counts.unsupported + v.counts.invalidCitation > 0;
