/**
 * What a question asks by its form, for « En bref » read aloud (trial25 T-M4, T-M6): the actor of a decision asked
 * (« qu'est-ce que l'europe a décidé … ? »), a judgement of a price (« … c'est cher ? »), and a place the passages name
 * only as where something else is (« grenoble ils en sont où avec linux » and « … fondée en 2012 à Grenoble »). Words
 * as data: `i18n/fr/brief.txt` [décision demandée], [décision, ouverture], [jugement de prix], [lieu de].
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { keywords } from "../retrieval/relevance.ts";
import { subjectNames } from "../retrieval/subject-names.ts";

const SECTIONS = wordListSections("brief.txt");
/** Folded words, apostrophes and hyphens as spaces. */
const tokens = (text: string) =>
  fold(text)
    .replace(/[’'-]/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
const phrases = (section: string) => (SECTIONS.get(section) ?? []).map(tokens).filter((p) => p.length);
const DECIDED = phrases("décision demandée");
const OPENING = new Set(phrases("décision, ouverture").flat());
const PRICE_JUDGED = phrases("jugement de prix");
const LOCATING = phrases("lieu de");
const DETERMINERS = new Set(phrases("déterminant").flat());

/** Where a phrase (as words) starts in a list of words, or -1. */
const at = (list: string[], phrase: string[], from = 0) => {
  for (let i = from; i + phrase.length <= list.length; i++) if (phrase.every((w, j) => list[i + j] === w)) return i;
  return -1;
};

/** Letters two words share at their start for one to name the other (« europe », « européenne »). */
const ROOT = 6;
const sameRoot = (a: string, b: string) =>
  a === b || (a.length >= ROOT && b.length >= ROOT && a.slice(0, ROOT) === b.slice(0, ROOT));

/**
 * The actor whose decision the question asks (« l'europe » of « qu'est ce que l'europe a decide sur … en 2025 »): the
 * words between an opening word (« que ») and the decision's verb, as the question writes them, and their keywords;
 * null when it asks no decision or names no actor there (« qu'est-ce qu'on a décidé »).
 */
export function decisionActor(question: string): { written: string; words: string[] } | null {
  const list = tokens(question);
  for (const verb of DECIDED) {
    const v = at(list, verb);
    if (v <= 0) continue;
    let start = v;
    while (start > 0 && !OPENING.has(list[start - 1]!)) start--;
    if (start === 0) continue;
    const actor = list.slice(start, v);
    const words = keywords(actor.join(" "));
    if (actor.length === 0 || actor.length > 4 || words.length === 0) continue;
    // (As the question writes it, « l'europe », its article with it.)
    return { written: writtenAs(question, actor), words };
  }
  return null;
}

const IMPOSED = phrases("obligation demandée");
const PRONOUNS = new Set(phrases("pronom repris").flat());
const ASKER = new Set(phrases("demandeur").flat());

/**
 * The actor whose duties the question asks (« l'anssi » of « l'anssi elle impose quoi aux petites communes »): the
 * words before the verb back to the question's start or an opening word, the pronoun taking it up aside (« elle »),
 * as the question writes them; null when it asks none, or of the asker (« on nous impose quoi »).
 */
export function dutyActor(question: string): { written: string; words: string[] } | null {
  const list = tokens(question);
  // (The verb as typed, accents kept: « imposé » of « … ont imposé Microsoft » tells a past act, asks no duty.)
  const typed = question
    .toLowerCase()
    .replace(/[’'-]/g, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  for (const verb of IMPOSED) {
    const v = at(list, verb);
    if (v <= 0 || typed.length !== list.length || !verb.every((w, j) => typed[v + j] === w)) continue;
    let start = v;
    while (start > 0 && !OPENING.has(list[start - 1]!)) start--;
    let end = v;
    while (end > start && (PRONOUNS.has(list[end - 1]!) || ASKER.has(list[end - 1]!))) end--;
    const actor = list.slice(start, end);
    if (actor.some((w) => ASKER.has(w) || PRONOUNS.has(w))) continue;
    const words = keywords(actor.join(" "));
    if (actor.length === 0 || actor.length > 4 || words.length === 0) continue;
    return { written: writtenAs(question, actor), words };
  }
  return null;
}

/** The words as the question writes them (« l'anssi »), its article with them; their folded form otherwise. */
function writtenAs(question: string, actor: string[]): string {
  const folded = fold(question);
  const m = new RegExp(`(?<![a-z0-9])(?:(?:l|le|la|les)[\\s'’]+)?${actor.join("[\\s'’-]+")}(?![a-z0-9])`).exec(folded);
  return m && folded.length === question.length ? question.slice(m.index, m.index + m[0].length) : actor.join(" ");
}

/** Whether a text names the actor outside its parentheses: each of its keywords, or a word of the same root (« européenne » for « europe »). */
export function namesActor(text: string, actor: { words: string[] }): boolean {
  // (Not in a parenthesis, where the sources are: « (Europe Says, juin 2025) » names no European actor.)
  const said = tokens(text.replace(/\([^()]*\)/g, " "));
  return actor.words.every((w) => said.some((s) => sameRoot(s, w)));
}

/** Whether the question asks whether a price is high (« … 9000 euros par an, c'est cher ? »). */
export const judgesPrice = (question: string): boolean => {
  const list = tokens(question);
  return PRICE_JUDGED.some((p) => at(list, p) >= 0);
};

/**
 * A place the question asks about (a word it types that the passages write with a capital, not a country or region
 * of `wide`) that the quoted passages name only in passing: in no title or heading, and in their text (parentheses
 * aside, where the sources are) only after a word of [lieu de] (« fondée en 2012 à Grenoble ») — as the passages write
 * it; null otherwise.
 */
export function placeInPassing(
  question: string,
  used: { document: { title: string }; section: string; parts?: { section: string }[] }[],
  excerpts: string[],
  wide: (word: string) => boolean,
): string | null {
  const texts = excerpts;
  // (The place is what the question is about: the word it opens on, bare, no article before it — « grenoble ils en
  // sont où avec linux » —, not a complement, « … organisé à paris », « un parc national figure … ».)
  const first = keywords(question)[0];
  const list = tokens(question);
  // (Opening the question, or after « et » only: « c'est vrai que redmond a fait … » asks of Microsoft's act, by
  // the town of its seat.)
  const bare = (name: string) => {
    const k = list.indexOf(name);
    return (k === 0 || (k === 1 && list[0] === "et")) && !DETERMINERS.has(list[k - 1] ?? "");
  };
  const typed = subjectNames(question, texts).filter((w) => !wide(w) && w === first && bare(w));
  for (const name of typed) {
    const headed = used.some((r) =>
      [r.document.title, r.section, ...(r.parts ?? []).map((p) => p.section)].some((h) => tokens(h).includes(name)),
    );
    if (headed) continue;
    let seen = 0;
    let located = true;
    for (const x of texts) {
      const list = tokens(x.replace(/\([^()]*\)/g, " "));
      for (let i = list.indexOf(name); i >= 0; i = list.indexOf(name, i + 1)) {
        seen++;
        if (!LOCATING.some((p) => p.every((w, j) => list[i - p.length + j] === w))) located = false;
      }
    }
    if (seen === 0 || !located) continue;
    const written = texts.join(" ").match(new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, "iu"));
    // (As the passages write it, its capital kept: « Grenoble ».)
    const shown = texts
      .join(" ")
      .match(/\p{Lu}[\p{L}-]+/gu)
      ?.find((w) => fold(w) === name);
    return shown ?? written?.[0] ?? name;
  }
  return null;
}
