/**
 * What a definition puts its subject among (« La CANUT est une filiale de l'UGAP », « Il s'agit d'une association
 * déclarée en préfecture ») is the core of what it states: the noun after its article, which no cited passage writes in
 * any form (word, stem, derivation, synonym), is not supported, however many other words of the sentence are there
 * (faithful-blind-22, where the passage makes the CANUT « une association créée à l'initiative de collectivités » and
 * Linux Quimper « un collectif » created « sous forme de groupe informel d'utilisateurs »). The broad nouns a card or a
 * passage leaves out (« un outil de prise de main à distance ») are data (`server/i18n/fr/definition-nouns.txt`); a
 * negated definition (« n'est pas une filiale ») states no class.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { derivedIn } from "./derivations.ts";
import { NEGATION } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { sameThing, wordIn, words } from "./words.ts";

const LISTS = wordListSections("definition-nouns.txt");
const folded = (section: string) => new Set((LISTS.get(section) ?? []).map(fold));
const BEFORE_NOUN = folded("avant le nom");
const BROAD = folded("larges");

/** « est une », « sont des », « c'est un », « il s'agit d'une », « en est un », then the noun (folded text). */
const DEFINITION =
  /(?<!\p{L})(?:est|sont|c'est|ce sont|il s'agit d'|il s'agit de)\s*(?:un|une|des|d'un|d'une)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u;

/** The noun a definition of `stated` puts its subject among, when no cited passage writes it; else null. */
export function definitionUnheld(stated: string, pool: Source[]): string | null {
  const text = fold(stated).replace(/’/g, "'");
  const m = DEFINITION.exec(text);
  if (!m) return null;
  if (NEGATION.test(text.slice(Math.max(0, m.index - 30), m.index + m[0].length))) return null;
  let noun = m[1]!;
  if (BEFORE_NOUN.has(noun) && m[2]) noun = m[2];
  const word = words(noun)[0];
  if (!word || word.length < 4 || BROAD.has(noun) || BROAD.has(word)) return null;
  const found = pool.some((src) => wordIn(word, src.bag) || derivedIn(word, src.bag) || sameThing(word, src.bag));
  return found ? null : noun;
}
