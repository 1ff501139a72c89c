/**
 * A recommendation of a document to the collectivité it is written for (faithful-blind-22, notes to the mayor of
 * Bréhaval): a sentence opening with an infinitive (« Profiter de cette échéance pour tester Debian sur un premier
 * serveur [2] », « Écarter Nutanix, solution propriétaire citée parmi les alternatives [2] »), or one whose « doit »
 * falls on the collectivité and is followed by an infinitive (« Bréhaval doit d'abord vérifier si … [1] »). Its verbs are
 * the note's proposal, not words its passages must hold, and its « doit » the note's advice, not a duty the passage
 * must pose; what else it states (figures, dates, names, an act said done) is checked as in any sentence. The words
 * are data (`server/i18n/fr/recommendation.txt`).
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { inBag, words } from "./words.ts";

const LISTS = wordListSections("recommendation.txt");
const NOT_INFINITIVES = new Set(LISTS.get("pas un infinitif") ?? []);
const SUBJECTS = new Set(LISTS.get("sujet") ?? []);
const BETWEEN = (LISTS.get("entre") ?? [])
  .sort((a, b) => b.length - a.length)
  .map((e) => escapeRegExp(e).replace(/\s+/g, "\\s+"))
  .join("|");
/** « X doit [d'abord] vérifier … »: the holder, then the word after the modal and what may stand between. */
const OWN_DUTY = new RegExp(`^(.{1,60}?)\\s+(?:doit|doivent)\\s+(?:(?:${BETWEEN})\\s+)*(?:s'|se\\s+)?(\\p{L}+)`, "u");

/** An infinitive, by its ending (« tester », « choisir », « prévoir », « suivre »), not a word of `[pas un infinitif]`. */
export const isInfinitive = (folded: string) =>
  /^[a-z]{2,}(?:er|ir|oir|re)$/.test(folded) && !NOT_INFINITIVES.has(folded);

/** A sentence as it reads, its list marker and references left out, folded. */
const bare = (sentence: string) =>
  foldApostrophes(
    withoutReferences(sentence)
      .replace(/\[\d+\]/g, " ")
      .replace(/^\s*[-*•]\s+/, ""),
  ).trim();

/** Whether a sentence opens with an infinitive, reflexive or not (« Écarter … », « S'inspirer des rythmes … »). */
export function opensWithInfinitive(sentence: string): boolean {
  // A verb is one word of small letters after its capital: « Berger-Levrault reprend … » opens with a name.
  const opening = /^\s*(?:[-*•]\s+)?(?:(?:S['’]|Se\s+)\p{Ll}+|\p{Lu}\p{Ll}+)(?=[\s,])/u;
  if (!opening.test(sentence)) return false;
  const [first, second] = words(bare(sentence).replace(/^s'/, "se "));
  return !!first && (first === "se" ? !!second && isInfinitive(second) : isInfinitive(first));
}

/**
 * The verbs of a document's recommendation opening with an infinitive (its infinitives: « profiter », « tester »), to
 * leave out of the words its passages must hold; none when the sentence is not one or is not a document's (no data).
 */
export function recommendationVerbs(sentence: string, facts: Source[]): Set<string> {
  if (facts.length === 0 || !opensWithInfinitive(sentence)) return new Set();
  return new Set(words(bare(sentence)).filter(isInfinitive));
}

/**
 * Whether a document's sentence gives the collectivité it is written for a « doit » followed by an infinitive, with no
 * year (« Bréhaval doit d'abord vérifier si elle dépasse le seuil … », « Elle doit suivre la publication de
 * la loi »): the note's advice. Its holder is the collectivité named by the data only, or a subject of `[sujet]`; a
 * future or past duty (« devra avoir quitté Zoom d'ici 2027 ») is not one.
 */
export function adviceToRecipient(sentence: string, pool: Source[], facts: Source[]): boolean {
  if (facts.length === 0) return false;
  const text = bare(sentence);
  if (/(?<!\d)(?:19|20)\d\d(?!\d)/.test(text)) return false;
  const m = OWN_DUTY.exec(text);
  if (!m || !isInfinitive(m[2]!) || m[2] === "avoir" || m[2] === "etre") return false;
  const holder = m[1]!.trim();
  if (SUBJECTS.has(holder)) return true;
  const folded = words(holder).join(" ");
  return folded.length > 0 && facts.some((f) => inBag(folded, f.bag)) && !pool.some((s) => inBag(folded, s.bag));
}
