/**
 * Whose a figure is, for « En bref » (trial14 A9): « combien d'agents a la DINUM ? » is not answered by « La communauté
 * BlueHats, créée sous l'égide de la DINUM, rassemble environ 2 000 agents » — the figure counts what is asked, and
 * the sentence names the body asked, but its subject is another one. Such a sentence is not read aloud as the answer,
 * and when no quoted sentence gives the count of the body asked, the answer says so first (« Le corpus ne donne pas
 * le nombre d'agents pour « DINUM » … »), before the passages.
 */
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { GENERIC_WORDS } from "../retrieval/lexicon.ts";
import { splitSentences } from "../retrieval/passages.ts";
import { type Asked, countedStems, holdsCount } from "../retrieval/rank.ts";
import { keywords } from "../retrieval/relevance.ts";
import { askedYears, holdsStem, stemsOf, wordStem } from "./verbatim.ts";

/** The body a count is asked of: its stem, and its name as the passages write it (« DINUM »). */
export interface AskedOwner {
  stem: string;
  written: string;
}

const GENERIC = new Set(GENERIC_WORDS.map(wordStem));

/** Openings of a sentence's subject (`figure-owner.txt` [déterminants]), folded: « La communauté BlueHats, … ». */
const SECTIONS = wordListSections("figure-owner.txt");
const DETERMINERS = (SECTIONS.get("déterminants") ?? []).map((d) => fold(d).trim());
/** Words of a sentence's start that may hold its subject (« La communauté des agents publics BlueHats »). */
const SUBJECT_WORDS = 6;

/**
 * The body a « combien de … » question asks the count of: a word of the question, not the counted noun nor a general
 * word of the domain (« Microsoft », « commune »), that the passages write as a name (a capital, « DINUM »); null when
 * the question counts nothing or names no such body.
 */
export function askedOwner(question: string, texts: string[]): AskedOwner | null {
  const counted = countedStems(question);
  if (counted.size === 0) return null;
  return namedBody(question, texts, counted);
}

/**
 * The first word of the question, not a counted noun (`counted`) nor a general word of the domain, that the passages
 * write as a name (« Munich » of « combien on a économisé à munich »); null when none.
 */
export function namedBody(question: string, texts: string[], counted = countedStems(question)): AskedOwner | null {
  const all = texts.join("\n");
  for (const word of keywords(question)) {
    const s = wordStem(word);
    if (word.length < 3 || /^\d+$/.test(word) || counted.has(s) || GENERIC.has(s)) continue;
    const written = (all.match(/\p{Lu}[\p{L}\p{N}-]+/gu) ?? []).find((w) => fold(w) === word);
    if (written) return { stem: s, written };
  }
  return null;
}

/**
 * The subject a sentence opens on (« La communauté BlueHats » of « La communauté BlueHats, créée en 2018 … »): its
 * words up to the first comma, « qui » or parenthesis, when it opens on a determiner; empty otherwise.
 */
function openingSubject(sentence: string): string {
  const start = sentence.split(/[,;:(]|\s(?:qui|que|dont)\s/u)[0]!;
  const first = fold(start.split(/\s+/)[0] ?? "").replace(/['’].*$/, "'");
  if (!DETERMINERS.includes(first)) return "";
  const list = start.split(/\s+/);
  return list.length <= SUBJECT_WORDS ? start : "";
}

/**
 * Whether a sentence gives a count of what the question counts as another body's: its subject names another (a
 * capitalised word after its determiner, not the body asked nor a word of the question), and it names the body asked
 * only further on (« … sous l'égide de la DINUM, rassemble environ 2 000 agents »).
 */
export function countOfOther(question: string, sentence: string, owner: AskedOwner): boolean {
  if (!holdsCount(sentence, countedStems(question))) return false;
  const subject = openingSubject(sentence);
  if (!subject || holdsStem(stemsOf(subject), owner.stem)) return false;
  // (« La Caisse nationale d'Assurance maladie (CNAM) fait migrer … »: the subject's acronym is the body asked.)
  const acronym = /^\s*\(([^)]*)\)/u.exec(sentence.slice(sentence.indexOf(subject) + subject.length))?.[1] ?? "";
  if (holdsStem(stemsOf(acronym), owner.stem)) return false;
  if (!holdsStem(stemsOf(sentence), owner.stem)) return false;
  const asked = new Set(keywords(question).map(wordStem));
  const names = (subject.match(/(?<=\s)\p{Lu}[\p{L}\p{N}-]+/gu) ?? []).flatMap(stemsOf);
  return names.some((n) => !asked.has(n) && !GENERIC.has(n));
}

/** `figure-owner.txt` [possessifs], folded: « ses 80 000 agents ». */
const POSSESSIVES = new Set((SECTIONS.get("possessifs") ?? []).map((d) => fold(d).trim()));
/** Words before the owner's name where a figure's possessive may be (« La CNAM fait migrer ses 80 000 agents »). */
const OWNER_REACH = 12;

/**
 * Whether a sentence gives the count of the body asked as its own: it names the body, then within a few words a
 * possessive and the figure (« La Caisse nationale d'Assurance maladie (CNAM) fait migrer ses 80 000 agents … » for
 * « la cnam, combien d'agents passent à Tchap ? »), whatever its verb (trial14 B10).
 */
export function ownCount(sentence: string, owner: AskedOwner): boolean {
  const list = sentence.split(/[\s'’()]+/).filter(Boolean);
  const named = list.findIndex((w) => holdsStem(stemsOf(w), owner.stem));
  if (named < 0) return false;
  return list
    .slice(named + 1, named + 1 + OWNER_REACH)
    .some((w, i, rest) => POSSESSIVES.has(fold(w)) && /^\d/.test(rest[i + 1] ?? ""));
}

/**
 * What « En bref » says first when the passages give the count asked only of other bodies: « Le corpus ne donne pas
 * le nombre d'agents pour « DINUM » en 2027 ; … »; null when some sentence (`excerpts`) gives it of the body asked,
 * or none gives it of another.
 */
export function countNotGiven(question: string, excerpts: string[], asked: Asked[]): string | null {
  if (!asked.includes("quantity")) return null;
  const owner = askedOwner(question, excerpts);
  if (!owner) return null;
  const counted = countedStems(question);
  const sentences = excerpts
    .flatMap((e) => e.split(/\n+/).flatMap(splitSentences))
    .filter((s) => holdsCount(s, counted));
  const other = sentences.filter((s) => countOfOther(question, s, owner));
  if (other.length === 0 || other.length < sentences.length) return null;
  const noun = nounWritten(question, excerpts);
  const years = askedYears(question)
    .map((y) => y.text)
    .join(", ");
  return message("answer.notGiven.countOf", {
    what: `${/^[aeiouyh]/i.test(fold(noun)) ? "d'" : "de "}${noun}`,
    owner: `« ${owner.written} »${years ? ` ${years}` : ""}`,
  });
}

/** The counted noun as the passages write it (accents and all: « employés »), else as the question does. */
function nounWritten(question: string, excerpts: string[]): string {
  const noun = /\b(?:combien|nombre)\s+(?:de\s+|d['’]\s*|d\s+)([a-z]{3,})/.exec(fold(question))?.[1] ?? "";
  const written = (excerpts.join(" ").match(/\p{L}+/gu) ?? []).find((w) => fold(w).toLowerCase() === noun);
  return written ?? noun;
}
