/**
 * The collectivité a question speaks of weighs in the ranking (trial7, B2): an élue who says « On a 8 000 habitants »,
 * « une petite commune » or « notre intercommunalité » wants the experience of collectivités of that kind and size —
 * Boé, « commune d'environ 5 700 habitants » — before that of an army, a ministry or a German Land. Words as data:
 * `server/i18n/fr/collectivity-kinds.txt`.
 * - a passage stating a population comparable to the question's (a third to three times it, or under / over the
 *   bound it gives: « moins de 10 000 habitants »), or, for « une petite commune », a document about small communes,
 *   moves up (`SIZE_WEIGHT`);
 * - a case study about a collectivité of the kind asked (its title, keywords or heading name it) moves up
 *   (`KIND_WEIGHT`);
 * - a case study about a national or foreign administration (an army, a ministry, a State, a Land, a country other
 *   than France) moves down (`ADMINISTRATION_WEIGHT`), unless the question names it or its country.
 * Only passages that hold the names the question writes (« LibreOffice », « la CANUT » in its context too) move up. Scores are multiplied, so it
 * works on BM25 and fused ranks alike.
 */
import { fold } from "../core/text.ts";
import { readSections, stem, words } from "./french.ts";
import { isGeneric } from "./lexicon.ts";
import { questionTerms } from "./question-terms.ts";
import { countriesOf } from "./rank.ts";

/** Score factor for a passage about a collectivité of the size asked. */
export const SIZE_WEIGHT = 1.5;
/** Score factor for a case study about a collectivité of the kind asked. */
export const KIND_WEIGHT = 0.3;
/** Score divisor (1 + this) for a case study about a national or foreign administration. */
export const ADMINISTRATION_WEIGHT = 0.5;

/** Longer queries are lists of search terms (a draft section's), not questions. */
const MAX_QUESTION_WORDS = 14;

const SECTIONS = readSections("collectivity-kinds.txt");
const KINDS = ["commune", "intercommunalité", "département", "région"];
const SMALL = SECTIONS.get("petite") ?? [];
const ADMINISTRATION = SECTIONS.get("administration") ?? [];
/** The population « une petite commune » stands for, at most. */
const SMALL_POPULATION = 10_000;

/** Whether a list of folded words holds an expression (its words in a row). */
const holds = (list: string[], expression: string[]) =>
  list.some((_, i) => expression.every((w, j) => list[i + j] === w));
const holdsAny = (list: string[], expressions: string[][]) => expressions.some((e) => holds(list, e));

/** A population range: inclusive bounds. */
export interface Size {
  min: number;
  max: number;
}

/** What a question says of its collectivité: its kinds (`collectivity-kinds.txt` sections) and its size. */
export interface AskedCollectivity {
  kinds: string[];
  size: Size | null;
  /** Said small without a figure (« une petite commune »): documents about small communes are of its size. */
  small: boolean;
  /**
   * The collectivités are what the question asks about (« Y a-t-il des communes … qui ont réussi ? »), not its setting
   * (« pour une commune de 10 000 habitants »): a passage about one of that size answers without its other words.
   */
  about: boolean;
}

/** Words before a kind of collectivité that make it the asker's own (« notre », « une »), folded. */
const OWN = new Set(["notre", "nos", "ma", "mon", "mes", "une", "un", "petite", "petites"]);
/** Words before a kind of collectivité that make it what the question asks about (« des », « quelles »), folded. */
const ASKING = new Set(["des", "quelles", "quelle", "quels", "quel", "autres", "comparables"]);
/** Adjectives between a determiner and a kind (« une petite commune rurale »), folded. */
const ADJECTIVES = new Set(["petite", "petites", "petit", "petits", "autre", "autres", "meme"]);

/** « 8 000 », « 8000 », « 5 700 », « 1,5 million » as a number. */
function numberOf(digits: string, scale: string | undefined): number {
  const n = Number(digits.replace(/[ \u00a0\u202f.]/g, "").replace(",", "."));
  return scale ? n * (/^milli[oa]/.test(scale) ? 1_000_000 : 1_000) : n;
}

/** A number of inhabitants, with the words before it (folded text). */
const POPULATION =
  /(?<![\d,])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+(?:,\d+)?)\s*(millions?|milliers?|mille)?\s*(?:d')?\s*habitants\b/g;
/** Words right before a number of inhabitants that make it a bound (« plus de 30 000 habitants »), folded. */
const BOUND_BEFORE = /(?:plus|moins|au-?dela|a partir|au moins|jusqu'a|seuil)\s*(?:de|d')?\s*$/;

/** What a question says of its collectivité; null when it says neither a kind nor a size. */
export function askedCollectivity(query: string): AskedCollectivity | null {
  const list = words(query);
  if (list.length > MAX_QUESTION_WORDS * 2) return null;
  // A kind of collectivité counts where it is the asker's own (« notre intercommunalité »), or what the question asks
  // about (« des communes de moins de 10 000 habitants »), an adjective between them (« une petite commune »); not a
  // noun the question counts or names in passing (« réorganisé en combien de départements »).
  const said = (e: string[]) =>
    list.some((_, i) => {
      if (!e.every((w, j) => list[i + j] === w)) return false;
      let k = i - 1;
      while (k >= 0 && ADJECTIVES.has(list[k]!)) k--;
      return k >= 0 && (OWN.has(list[k]!) || ASKING.has(list[k]!));
    });
  const kinds = KINDS.filter((k) => (SECTIONS.get(k) ?? []).some(said));
  const about = KINDS.some((k) =>
    (SECTIONS.get(k) ?? []).some((e) =>
      list.some((_, i) => e.every((w, j) => list[i + j] === w) && ASKING.has(list[i - 1] ?? "")),
    ),
  );
  const folded = fold(query).replace(/[’]/g, "'");
  let size: Size | null = null;
  for (const m of folded.matchAll(POPULATION)) {
    const n = numberOf(m[1]!, m[2]);
    const before = folded.slice(Math.max(0, m.index! - 20), m.index);
    if (/moins\s+de\s*$/.test(before)) size = { min: 0, max: n };
    else if (/plus\s+de\s*$/.test(before)) size = { min: n, max: Number.POSITIVE_INFINITY };
    else size = { min: n / 3, max: n * 3 };
    break;
  }
  const small = holdsAny(list, SMALL);
  if (!size && small) size = { min: 0, max: SMALL_POPULATION };
  if (kinds.length === 0 && !size) return null;
  // A number of inhabitants without a kind is a commune's (« On a 8 000 habitants »).
  return { kinds: kinds.length ? kinds : ["commune"], size, small, about };
}

/** Whether a text writes a number of inhabitants (« 9000 habitants », « 1,5 million d'habitants »). */
export const writesPopulation = (text: string) => fold(text).replace(/[’]/g, "'").search(POPULATION) >= 0;

/** Whether a question gives the size of its collectivité (« 8 000 habitants », « une petite commune »). */
export const asksSize = (query: string) => !!askedCollectivity(query)?.size;

/** The populations a text states for a collectivité (« commune d'environ 5 700 habitants »), bounds left aside. */
export function statedPopulations(text: string): number[] {
  const folded = fold(text).replace(/[’]/g, "'");
  const out: number[] = [];
  for (const m of folded.matchAll(POPULATION)) {
    const before = folded.slice(Math.max(0, m.index! - 25), m.index);
    if (BOUND_BEFORE.test(before)) continue;
    out.push(numberOf(m[1]!, m[2]));
  }
  return out;
}

/** `asked-threshold.txt` [seuil]: words that make a population a sentence gives a threshold (« Le seuil … est de »). */
const THRESHOLD_WORDS = readSections("asked-threshold.txt").get("seuil") ?? [];

/**
 * The populations a text gives as a threshold of a rule (« les communes de plus de 30 000 habitants », « Le seuil
 * discuté pour les collectivités est de 30 000 habitants »): a bound right before the number, or a word of a threshold
 * in its sentence.
 */
export function statedThresholds(text: string): number[] {
  const out: number[] = [];
  for (const sentence of fold(text)
    .replace(/[’]/g, "'")
    .split(/(?<=[.;!?])\s+|\n+/)) {
    const threshold = holdsAny(words(sentence), THRESHOLD_WORDS);
    for (const m of sentence.matchAll(POPULATION)) {
      const before = sentence.slice(Math.max(0, m.index! - 25), m.index);
      if (threshold || BOUND_BEFORE.test(before)) out.push(numberOf(m[1]!, m[2]));
    }
  }
  return out;
}
/** How far from the size asked a threshold may be and still say whether the collectivité asked is concerned. */
export const THRESHOLD_REACH = 3;

/** Words of a passage's document title, keywords and heading, by passage object (computed once). */
const aboutWords = new WeakMap<object, { about: string[]; document: string[] }>();

type Chunk = {
  id: string;
  section: string;
  text: string;
  document: { title: string; kind?: string; keywords?: string[] };
};

function wordsAbout(c: Chunk) {
  let own = aboutWords.get(c);
  if (!own) {
    const document = words(`${c.document.title} ${(c.document.keywords ?? []).join(" , ")}`);
    own = { document, about: [...document, ...words(c.section)] };
    aboutWords.set(c, own);
  }
  return own;
}

/** Whether a passage's words hold one of the question's other words (`others`: sets of stems). */
function holdsOther(list: string[], others: Set<string>[]): boolean {
  const own = new Set(list.map(stem));
  return others.some((set) => [...set].some((x) => own.has(x)));
}

/** Words of letters and digits a question writes (« nis2 »): what it asks of, as a name is. */
const lettersAndDigits = (query: string) => words(query).filter((w) => /\p{L}/u.test(w) && /\d/.test(w));

/**
 * Whether a passage gives a threshold near the size asked (within `THRESHOLD_REACH`, on either side), which says
 * whether a collectivité of that size is concerned: « Le seuil discuté … est de 30 000 habitants » answers « une
 * commune de 9 000 habitants » (trial15 A1) — when it holds the words of letters and digits the question writes
 * (« nis2 »; its title's count): another text's threshold (the SREN's) is not that one's.
 */
function thresholdNear(asked: AskedCollectivity, all: string[], c: Chunk, query: string): boolean {
  // (A size the question gives in figures: « une petite commune » asks no threshold — « par quoi une petite commune
  // peut-elle commencer ? » is no question on a law's scope.)
  if (!asked.size || !writesPopulation(query)) return false;
  if (!lettersAndDigits(query).every((w) => all.includes(w))) return false;
  return statedThresholds(`${c.section} ${c.text}`).some(
    (n) => n >= asked.size!.min / THRESHOLD_REACH && n <= asked.size!.max * THRESHOLD_REACH,
  );
}

/**
 * Whether a passage answers a question giving its collectivité's size by a threshold near it (`thresholdNear`), the
 * words of letters and digits the question writes in it: such a passage answers « … pour une commune de 9 000
 * habitants ? » although it says « collectivités » and none of its other words.
 */
export function answersSizeAsked(query: string, c: Chunk): boolean {
  const asked = askedCollectivity(query);
  if (!asked?.size || lettersAndDigits(query).length === 0) return false;
  return thresholdNear(asked, words(`${c.document.title} ${c.section} ${c.text}`), c, query);
}

/** `ranked` scores adjusted for the collectivité the question speaks of (see above), re-sorted (best first). */
export function weighCollectivity<R extends { id: string; score: number }>(
  query: string,
  chunks: Chunk[],
  ranked: R[],
): R[] {
  const asked = askedCollectivity(query);
  if (!asked || chunks.length === 0) return ranked;
  // Every name the question writes, its context's too (« on nous parle d'adhérer à la CANUT : c'est quoi ? »), but
  // the domain's general ones (« Linux », « Microsoft »).
  const subjects = questionTerms(query)
    .filter((t) => t.name && !t.date && !t.version && !t.nationality && !/\d/.test(t.word) && !isGeneric(t))
    .map((t) => t.word.split(" "));
  const countries = countriesOf(query);
  // The question's other words (neither names, verbs, nor its collectivité's kind and size), as stems: a passage about a
  // commune of that size answers « … cyber-assurance pour une commune de 10 000 habitants ? », which names nothing,
  // only if it holds one; a question naming what it asks about (« LibreOffice ») is anchored by that name.
  const setting = new Set([...KINDS.flatMap((k) => SECTIONS.get(k) ?? []), ...SMALL].flat().map(stem));
  const others = questionTerms(query)
    // (A word of letters and digits, « nis2 », is a subject word; a number is the size.)
    .filter(
      (t) =>
        !t.name && !t.verb && !t.modifier && !t.date && !/^[\d\s.,]+$/.test(t.word) && !t.word.includes("habitant"),
    )
    .map((t) => new Set([t.word, ...t.variants].flatMap((v) => v.split(" ")).map(stem)))
    .filter((set) => ![...set].some((x) => setting.has(x)));
  const kindWords = asked.kinds.flatMap((k) => SECTIONS.get(k) ?? []);
  const factor = new Map(
    chunks.map((c) => {
      const { about, document } = wordsAbout(c);
      const all = words(`${c.document.title} ${c.section} ${c.text}`);
      const holdsSubjects =
        subjects.every((s) => holds(all, s)) &&
        (asked.about || subjects.length > 0 || others.length === 0 || holdsOther(all, others));
      const named = subjects.some((s) => holds(document, s));
      const caseStudy = c.document.kind === "case-study";
      let f = 1;
      if (holdsSubjects) {
        const sized =
          asked.size &&
          (statedPopulations(`${c.section} ${c.text}`).some((n) => n >= asked.size!.min && n <= asked.size!.max) ||
            thresholdNear(asked, all, c, query) ||
            (asked.small && holdsAny(document, SMALL)));
        if (sized) f *= 1 + SIZE_WEIGHT;
        // Only beside a size: alone (« Quelles communes … ? ») it would only widen the gap between the case studies
        // whose title says « commune » and the others (the store keeps no keywords on a passage).
        if (caseStudy && asked.size && holdsAny(about, kindWords)) f *= 1 + KIND_WEIGHT;
      }
      if (caseStudy && !named && !holdsAny(about, kindWords)) {
        const abroad = countriesOf(`${c.document.title} ${(c.document.keywords ?? []).join(" , ")}`);
        const foreign = abroad.size > 0 && !abroad.has("france") && ![...abroad].some((x) => countries.has(x));
        if ((foreign && countries.size === 0) || holdsAny(document, ADMINISTRATION)) f /= 1 + ADMINISTRATION_WEIGHT;
      }
      return [c.id, f];
    }),
  );
  return ranked
    .map((r) => (factor.has(r.id) && factor.get(r.id) !== 1 ? { ...r, score: r.score * factor.get(r.id)! } : r))
    .sort((a, b) => b.score - a.score);
}
