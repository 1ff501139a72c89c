/**
 * An absolute of extent the cited passages do not hold (faithful52, faithful-blind-24): a sentence that says a thing
 * whole, with no remainder or exception — by an adverb (« Visio remplace complètement Microsoft Teams », « adopté à
 * l'unanimité », « ProConnect donne donc automatiquement accès à Tchap ») or a universal determiner (« Tchap est ouvert
 * à toutes les mairies ») — where no cited clause about the same thing says it as wholly (« tout », « l'ensemble »,
 * « 100 % »…): « à la quasi-unanimité », « remplacement partiel », « ne précisent pas les conditions ». It is a form of
 * what a sentence states (its extent), not a list of topics: the words are the closed set of French totality words
 * (`server/i18n/fr/totality.txt`). `hedged.ts` does the same for frequencies (« toujours » for « souvent »).
 *
 * The clauses read: for a determiner, the cited clauses naming its noun (« tous les postes » → those about « postes »);
 * for an adverb, or a noun no cited clause names, those holding most of the sentence's other words (half, at least
 * two), else every cited clause. A sentence that negates (« ne remplace pas complètement ») or hedges (« en principe »,
 * « pourrait ») is left alone, as are words inside quotation marks (the passage's own words, quoted).
 */
import { fold } from "../core/text.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";
import { NEGATION, polarityClauses } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, words } from "./words.ts";

const LISTS = wordListSections("totality.txt");
const phrase = (section: string, end = "(?![\\p{L}\\p{N}'’])") =>
  new RegExp(`(?<![\\p{L}\\p{N}-])(?:${sectionAlternation(LISTS, section, fold).replace(/ /g, "\\s+")})${end}`, "u");

const ADVERB = phrase("adverbes");
/** A determiner and the noun after it. */
const DETERMINER = new RegExp(`${phrase("déterminants", "").source}\\s*(\\p{L}{3,})`, "u");
const HOLDS = phrase("tenues", "(?![\\p{L}'’])");
const HEDGE = phrase("nuances");
/** A thing taken one by one, which goes through them all (« service par service », « poste après poste »). */
const DISTRIBUTIVE = /(?<![\p{L}])(\p{L}{3,})\s+(?:par|après)\s+\1(?![\p{L}])/u;

/** None left (« 0 aujourd'hui », « de 14 à 0 »): what was there is gone entirely. */
const ZERO_LEFT = /(?<![\d,.\u00a0\u202f ])0(?![\d,.])/u;

/** Whether a folded sentence counts the noun (« 112 postes ») and writes that count again for something else. */
function countedWhole(text: string, noun: string): boolean {
  const stemmed = noun.replace(/[sx]$/u, "");
  for (const m of text.matchAll(/(?<![\d,])(\d{1,3}(?:[\u00a0\u202f ]\d{3})*)\s+(\p{L}+)/gu)) {
    if (m[2]!.replace(/[sx]$/u, "") !== stemmed) continue;
    const again = text.split(m[0]).join(" ");
    if (new RegExp(`(?<![\\d,])${m[1]!.replace(/\s/gu, "\\s")}(?![\\d,])`, "u").test(again)) return true;
  }
  return false;
}

/** Share of the sentence's other content words a clause must hold to be about the same thing. */
export const TOTALITY_MIN_SHARE = 0.5;
export const TOTALITY_MIN_SHARED = 2;

/** A text without what it quotes (« … »), blanked to keep its offsets. */
const unquoted = (text: string) => text.replace(/«[^»]*»/g, (m) => " ".repeat(m.length));
/** A text folded, its apostrophes straight (offsets kept for a text written with composed letters). */
const readable = (text: string) => fold(text).replace(/’/g, "'");

/**
 * The totality words of a sentence that no cited clause about the same thing holds (« complètement », « toutes les
 * mairies »), as written; null when it has none, negates or hedges, or a clause holds it.
 * @example totalityUnheld("Visio remplace complètement Microsoft Teams.", [toSource(1, "… (remplacement partiel) …")]) // "complètement"
 */
export function totalityUnheld(stated: string, pool: Source[]): string | null {
  const bare = unquoted(stated);
  const text = readable(bare);
  if (pool.length === 0 || NEGATION.test(text) || HEDGE.test(text)) return null;
  const adverb = ADVERB.exec(text);
  const determiner = adverb ? null : DETERMINER.exec(text);
  const found = adverb ?? determiner;
  if (!found) return null;
  const clauses = pool.flatMap((src) => src.sentences.flatMap((ss) => polarityClauses(ss.text))).map(readable);
  const content = [...new Set(contentWords(text.replace(found[0], " ")))];
  const need = Math.max(TOTALITY_MIN_SHARED, Math.ceil(content.length * TOTALITY_MIN_SHARE));
  const holds = (c: string) => content.filter((w) => inBag(w, bagOf(c))).length >= need;
  // The clauses holding most of the sentence's words, or those of a cited sentence that does (« Microsoft Teams :
  // terminé, BigBlueButton … est passé de 0 à 40 comptes ; … 0 aujourd'hui » for « a été entièrement remplacé : les 40
  // comptes sont passés à BigBlueButton, hébergé par … »).
  const close = [
    ...clauses.filter(holds),
    ...pool.flatMap((src) =>
      src.sentences.filter((ss) => holds(readable(ss.text))).flatMap((ss) => polarityClauses(ss.text).map(readable)),
    ),
  ];
  // A determiner's noun (« toutes les mairies » → « mairies »): the clauses that name it.
  const noun = determiner ? words(determiner[1]!)[0] : undefined;
  const naming = noun ? clauses.filter((c) => inBag(noun, bagOf(c))) : [];
  const read = naming.length > 0 ? naming : close.length > 0 ? close : clauses;
  if (read.some((c) => HOLDS.test(c) || DISTRIBUTIVE.test(c) || ZERO_LEFT.test(c))) return null;
  // « tous les postes » where a cited or data sentence counts as many of something as of the noun (« 112 postes ; …
  // Microsoft Defender : 112 installations »): every one of them.
  if (noun && pool.some((src) => src.sentences.some((ss) => countedWhole(readable(ss.text), noun)))) return null;
  // As written, when folding kept the offsets (composed letters); else as folded.
  const written = bare.length === text.length ? bare.slice(found.index, found.index + found[0].length) : found[0];
  return written.replace(/\s+$/u, "");
}
