/**
 * The subject a question names, however it is typed: a word of the question that the corpus writes as a name (« la
 * gendarmerie est revenue a windows en 2023 pourquoi »: the corpus writes « la Gendarmerie », capitalised inside its
 * sentences, almost never « la gendarmerie »). The passages quoted must hold it (`answer.ts`: an answered question
 * whose passages mostly lack it is searched again with the name; only those holding it are quoted; « En bref » skips
 * another name's sentence), and a passage of another subject (Munich's return to Windows) is not read aloud as the
 * Gendarmerie's. It decides no refusal: the ranking and the abstention rules are unchanged.
 *
 * A general test on the passages' own writing, not a list of names: a word is a name when the passages capitalise it
 * where no sentence starts in nearly all the places they write it (`NAME_SHARE`); the domain's general names
 * (« Windows », « Microsoft », « État », `generic-words.txt`) name no subject.
 */
import { fold } from "../core/text.ts";
import { stem, words } from "./french.ts";
import { GENERIC_WORDS, STOPWORDS } from "./lexicon.ts";

/** Share of a word's occurrences written capitalised inside a sentence for it to be a name (« Région » is not). */
export const NAME_SHARE = 0.9;
/** Occurrences written as a name, at least, for a word to be one. */
const MIN_NAMED = 1;
/** Longer queries are lists of search terms (a draft section's query), not questions. */
const MAX_QUESTION_WORDS = 10;
/** Letters, at least, of a word read as a name (« AI », « Act » are read by the other rules). */
const MIN_LETTERS = 4;

/** Before a word, what opens a sentence or a line (headings, list items, table cells). */
const LINE_START = /(^|[.!?:;«»"()\n—–#*>|-])\s*$/u;
/** Before a word, a capitalised word of the same name that opens no sentence (« Banque des Territoires »). */
const INSIDE_NAME_BEFORE = /[^.!?:;«»"()\n—–#*>|\s-]\s+\p{Lu}[\p{L}\p{N}]*\s+(?:(?:de|des|du|la|le)\s+)?$/u;

/** A catalog card's list of its own names (« … sous les noms : Calendly ; … »): each item is a name. */
const CARD_NAMES = /sous les noms\s*:[^.\n]*$/u;

const GENERIC = new Set(GENERIC_WORDS.map((w) => stem(fold(w))));

/** Counts, in texts, a folded word written as a name (capitalised inside a sentence) and as a plain word. */
export function nameCounts(texts: string[], folded: string): { named: number; plain: number } {
  let named = 0;
  let plain = 0;
  for (const text of texts) {
    const bare = text.normalize("NFD").replace(/\p{M}/gu, "");
    if (!bare.toLowerCase().includes(folded)) continue;
    for (const m of bare.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (m[0].toLowerCase() !== folded) continue;
      const before = bare.slice(Math.max(0, m.index - 200), m.index);
      // An address or a file name (« gendarmerie-nationale-gendbuntu », « linagora.com ») is neither.
      if (/[./@_-]$/.test(before) || /^[./@_-]\w/.test(bare.slice(m.index + m[0].length, m.index + m[0].length + 2)))
        continue;
      if (!/^\p{Lu}/u.test(m[0])) plain++;
      // A word capitalised inside a longer name, after its first word (« Banque des Territoires »), names that one; its
      // first word may be a name of its own (« Millau » of « Millau Grands Causses »).
      else if (INSIDE_NAME_BEFORE.test(before)) continue;
      else if (
        CARD_NAMES.test(before) ||
        !LINE_START.test(before.slice(-40).replace(/\b[cdjlmnst]['’]$|\bqu['’]$/i, ""))
      )
        named++;
    }
  }
  return { named, plain };
}

/** Whether texts write a folded word as a name (`NAME_SHARE` of its occurrences, `MIN_NAMED` at least). */
export function writtenAsName(texts: string[], folded: string): boolean {
  const { named, plain } = nameCounts(texts, folded);
  return named >= MIN_NAMED && named >= NAME_SHARE * (named + plain);
}

/**
 * The words of a question (folded) that `texts` write as names, the domain's general ones aside (« Windows »,
 * « État »): « la gendarmerie est revenue a windows en 2023 pourquoi » → gendarmerie.
 */
export function subjectNames(question: string, texts: string[]): string[] {
  // A long list of search terms (a draft section's query) is not a question.
  if (words(question).filter((w) => !STOPWORDS.has(w)).length > MAX_QUESTION_WORDS) return [];
  // Only a word typed as a plain word (« la gendarmerie »): one the question capitalises is a name its terms already
  // read (`questionTerms`, `missingNames`).
  const typed = new Set(
    (
      question
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .match(/[\p{L}\p{N}]+/gu) ?? []
    )
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w.toLowerCase()),
  );
  // … and a word of its own, not part of a compound (« assurance » of « cyber-assurance » is not « l'Assurance maladie »).
  const compounded = new Set((fold(question).match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) ?? []).flatMap((c) => c.split("-")));
  const candidates = [...new Set(words(question))].filter(
    (w) =>
      !typed.has(w) &&
      !compounded.has(w) &&
      w.length >= MIN_LETTERS &&
      !/\d/.test(w) &&
      !STOPWORDS.has(w) &&
      !GENERIC.has(stem(w)),
  );
  return candidates.filter((w) => writtenAsName(texts, w));
}

/** Whether a text (a passage with its title and heading) holds every one of the folded names. */
export function holdsNames(text: string, names: string[]): boolean {
  if (names.length === 0) return true;
  const own = new Set(words(text));
  return names.every((n) => own.has(n));
}
