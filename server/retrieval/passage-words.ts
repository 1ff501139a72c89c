/** What a passage says, read for a question: its parts, its words and versions, whether it holds a term. */
import { readFileSync } from "node:fs";
import { boundedMemo } from "../core/bounded.ts";
import { stem as frStem, plainDigits, words } from "./french.ts";
import { type QuestionTerm, wordList } from "./lexicon.ts";

/** Phrases by which the corpus says its sources lack something (« ne figurent pas dans nos sources »), folded. */
const STATED_ABSENT = readFileSync(new URL("../i18n/fr/stated-absent.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => ` ${words(l).join(" ")} `);

/** The words of those phrases (« sources », « consultées »): « en chiffres sourcés » does not name a topic. */
export const STATED_WORDS = new Set(STATED_ABSENT.flatMap((p) => p.trim().split(" ")).map(frStem));
/** Nouns naming a figure (« chiffre », « montant », « coût »), folded stems, from a data file. */
export const FIGURE_NOUNS = new Set(wordList("../i18n/fr/figure-nouns.txt").map(frStem));

/** A parenthesis holding a year: a source's reference (« (April, novembre 2025) ») or a span (« (2002-2027) »). */
export const CITATION = /\([^()]*\b(?:19|20)\d{2}[^()]*\)/g;
/**
 * A source's reference: a parenthesis holding a year or « s. d. » (« (Grenoble.ninja, s. d.) »); not a text's number
 * that starts with a year (« (directive 2022/2555, article 21) » cites a law, not a source).
 */
const REFERENCE = /\([^()]*(?:\b(?:19|20)\d{2}\b(?!\/\d)|\bs\.\s?d\.)[^()]*\)/g;
/** A passage's text without its references to sources. */
export const withoutReferences = (text: string) => text.replace(REFERENCE, " ");
/** A paragraph break, a list item or a numbered line. */
const PARAGRAPH = /\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/;
/** A sentence end. */
export const SENTENCE = /(?<=[.!?])\s+|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/;

/**
 * A passage split for the checks that read where a word stands: its paragraphs without the references to sources
 * (the year of a source is not the year of a fact), and, apart, its sentences saying the corpus lacks something.
 */
export function passageParts(text: string): PassageParts {
  return partsRead(text);
}

type PassageParts = {
  paragraphs: ReturnType<typeof passageWords>[];
  sentences: ReturnType<typeof passageWords>[];
  stated: ReturnType<typeof passageWords>;
  rest: ReturnType<typeof passageWords>;
  statedFigure: ReturnType<typeof passageWords>[];
  statedFigureDated: ReturnType<typeof passageWords>[];
};

/**
 * Passages already read (a passage's parts never change, and the same passages come back question after question;
 * read only by their callers).
 */
const partsRead = boundedMemo(partsOf, 2_000);

function partsOf(text: string): PassageParts {
  const sentences = text.split(SENTENCE);
  // A clause's words read once, not once per phrase of the list: each clause is asked up to three times below.
  const stated = new Map<string, boolean>();
  const isStated = (s: string) => {
    let known = stated.get(s);
    if (known === undefined) {
      const joined = ` ${words(s).join(" ")} `;
      known = STATED_ABSENT.some((p) => joined.includes(p));
      stated.set(s, known);
    }
    return known;
  };
  // A clause, not its whole sentence: « Les sources consultées ne détaillent pas la procédure ; il est prudent de
  // prévoir … la première connexion » knows the first connection.
  const clauses = sentences.flatMap((s) => s.split(/\s*;\s*/));
  const statedFigures = sentences.filter((s) =>
    s.split(/\s*;\s*/).some((c) => isStated(c) && words(c).some((w) => FIGURE_NOUNS.has(frStem(w)))),
  );
  return {
    paragraphs: text
      .replace(CITATION, " ")
      .split(PARAGRAPH)
      .map((p) => passageWords(p)),
    sentences: sentences.map((s) => passageWords(s)),
    stated: passageWords(clauses.filter(isStated).join(" ")),
    rest: passageWords(clauses.filter((s) => !isStated(s)).join(" ")),
    // The sentences saying a figure is not known (« Aucun montant d'économies propre à la CNAM n'a été publié »);
    // not of some years only (« Nous n'avons pas trouvé de chiffres 2025 ou 2026 » : those of 2023 are given).
    statedFigure: statedFigures
      .filter((s) => !/\b(?:19|20)\d{2}\b/.test(withoutReferences(s)))
      .map((s) => passageWords(s)),
    // … those of some years, which say it of a question asking a figure of those years (`figureAsked`).
    statedFigureDated: statedFigures
      .filter((s) => /\b(?:19|20)\d{2}\b/.test(withoutReferences(s)))
      .map((s) => passageWords(s)),
  };
}

/** Folded words of a passage, with numbers written « 80 000 » joined, and the stems of those it writes with a capital. */
export function passageWords(text: string): {
  list: string[];
  stems: Set<string>;
  joined: string;
  capitals: Set<string>;
} {
  const list = words(text.replace(/(\d)[ \u00a0\u202f](?=\d{3}\b)/g, "$1"));
  const capitals = new Set(
    [...plainDigits(text).matchAll(/[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*/gu)].map((m) => frStem(m[0])),
  );
  return { list, stems: new Set(list.map(frStem)), joined: ` ${list.join(" ")} `, capitals };
}

/** A passage's words; a catalog card's also with the versions it writes (see `versionsOnCard`). */
type PassageWords = ReturnType<typeof passageWords> & { versions?: Set<string> };

/**
 * A number written as a version on a catalog card: after a capitalised word or « version », maybe in a parenthesis
 * (« ArcGIS Desktop 10.8 », « Skype version 8.110 », « Adobe Reader XI (11.0.23) »); not a day (« le 12 janvier »).
 */
const CARD_VERSION = /(?:\p{Lu}\S*|\bversion)\s+\(?(\d{1,2}(?:\.\d+)*)(?!\d)/gu;

/** The line of a catalog card that lists the names it appears under in inventaires (`server/corpus/catalog.ts`). */
const OWN_NAMES_LINE = /sous les noms\s*:/u;

/** The versions a catalog card writes, each with the shorter forms it starts with (« 10.8 » gives « 10 »). */
export function versionsOnCard(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(CARD_VERSION)) {
    const parts = m[1]!.split(".");
    for (let k = 1; k <= parts.length; k++) out.add(parts.slice(0, k).join("."));
  }
  return out;
}

type Retrieved = { text: string; section: string; document: { title: string; kind?: string } };

/**
 * Words of a retrieved passage: its title, section and text; a catalog card's with the versions it writes. The same
 * passages come back question after question, and several steps of one decision read each again: they are read once
 * (by what the words depend on), and the words returned are shared, never to be changed.
 */
export function resultWords(r: Retrieved): PassageWords {
  return wordsRead(r);
}

const wordsRead = boundedMemo(
  (r: Retrieved): PassageWords => {
    const p = passageWords(`${r.document.title} ${r.section} ${withoutReferences(r.text)}`);
    // Only the card's own names (its title, « Apparaît dans les inventaires sous les noms : … »): a version its notes
    // give of another product (« fondée sur Llama 3.1 de Meta ») is not one of its own (« Albert 3 »).
    const ownNames = r.text.split("\n").filter((l) => OWN_NAMES_LINE.test(l));
    return r.document.kind === "catalog"
      ? { ...p, versions: versionsOnCard([r.document.title, ...ownNames].join("\n")) }
      : p;
  },
  2_000,
  (r) => `${r.document.kind === "catalog" ? "card" : "page"}\u0000${r.document.title}\u0000${r.section}\u0000${r.text}`,
);

/**
 * Whether a catalog card holds a version the question names: the card is one product, so its names (« ArcMap ») and a
 * version it writes after another of them (« ArcGIS Desktop 10.8 », the same product) make « ArcMap 10.8 ».
 */
function versionOnCard(t: QuestionTerm, p: PassageWords): boolean {
  if (!p.versions) return false;
  const name = t.word.split(" ").slice(0, -1);
  const number = t.release ?? t.word.split(" ").at(-1)!;
  return (
    p.versions.has(number) &&
    name.length > 0 &&
    name.every((w) => p.list.includes(w) && (p.capitals.has(frStem(w)) || /^\d/.test(w)))
  );
}

/** Whether a folded word or phrase occurs in a passage's words (stem equality, or a near prefix). */
export function occurs(entry: string, p: ReturnType<typeof passageWords>, exact = false): boolean {
  if (exact) return p.joined.includes(` ${entry} `);
  if (entry.includes(" ")) return entry.split(" ").every((w) => occurs(w, p));
  const s = frStem(entry);
  if (p.stems.has(s)) return true;
  if (s.length < 5 || /^\d/.test(s)) return false;
  return p.list.some((w) => w.startsWith(s) && w.length - s.length <= 3);
}

/**
 * Whether a passage holds a term; a name of the question (« le Tour de France ») only where the passage too writes
 * it with a capital (not « un tour de table »). Its synonyms (« américain » for « États-Unis ») count as written.
 */
export function holds(t: QuestionTerm, p: PassageWords): boolean {
  // « SecNumCloud 3.3 »: a release with points is held where the passage writes all of them (« SecNumCloud 3.2 »
  // holds « secnumcloud 3 », not that release).
  if (t.version && t.release?.includes("."))
    return (
      p.joined.includes(` ${t.word.split(" ").slice(0, -1).join(" ")} ${t.release.replace(/\./g, " ")} `) ||
      versionOnCard(t, p)
    );
  if (t.version) return p.joined.includes(` ${t.word} `) || versionOnCard(t, p);
  if (t.verbatim) return p.joined.includes(` ${t.word} `);
  return t.variants.some((v) => {
    if (!occurs(v, p)) return false;
    if (!t.name || t.date || v !== t.word) return true;
    // A name is written as the question writes it, give or take a plural: « Landes » is not the German « Land »,
    // « Martinique » not « Saint-Martin », « Estonie » not « estonien » (its stem and a prefix meet them).
    if (!t.clauseStart && !v.split(" ").every((w) => p.list.some((x) => x === w || x === `${w}s` || `${x}s` === w)))
      return false;
    const s = frStem(v.split(" ")[0]!);
    return p.capitals.has(s) || (s.length >= 5 && [...p.capitals].some((c) => c.startsWith(s)));
  });
}
