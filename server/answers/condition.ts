/**
 * A question asking whether a rule holds under a condition (« Le Patriot Act s'applique-t-il si nos fichiers sont
 * stockés en Belgique ? »): its answer is the sentence saying whether that condition changes anything (« peu importe
 * où ses fichiers sont stockés », « même lorsqu'elles sont stockées hors des États-Unis », « la question n'est pas où
 * sont stockées ses données ») — not the one holding most of its words (« Aucune loi belge n'interdit de stocker ses
 * fichiers … »). « En bref » (`brief.ts`) quotes it first, and the excerpt of its passage shows it
 * (`retrieval/passages.ts`, through `answer.ts`). Words as data: `i18n/fr/condition.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { keywords } from "../retrieval/relevance.ts";
import { holdsStem, stemsOf } from "./verbatim.ts";

/** Folded text, apostrophes and anything but letters and digits as one space, padded: phrases match on whole words. */
const spaced = (text: string) =>
  ` ${fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;

const SECTIONS = wordListSections("condition.txt");
const section = (name: string) => (SECTIONS.get(name) ?? []).map(spaced);
/** The openers of a condition, as patterns on folded text whose other characters are blanks (lengths kept). */
const OPENERS = (SECTIONS.get("si") ?? []).map(
  (o) => new RegExp(`(?<![a-z0-9])${spaced(o).trim().split(" ").join(" +")}(?![a-z0-9])`),
);
const INDIFFERENT = section("indifférent");
const PLACE = new Set((SECTIONS.get("lieu") ?? []).flatMap((w) => stemsOf(w)));
/** The words of `[lieu]` as written (folded, padded): a premise must write one (« hébergeur » names a provider). */
const PLACE_WORDS = (SECTIONS.get("lieu") ?? []).map(spaced);

/** The condition a question asks under: the stems of its words, and whether it is where data are. */
export interface Condition {
  stems: string[];
  place: boolean;
  /**
   * The question without the condition, as written: a country or a product in it (« en Belgique chez Dropbox ») is
   * where the data are, not what is asked about.
   */
  rest: string;
}

/**
 * The condition a question asks under (the words after « si », « même si », « lorsque » up to the next comma or
 * question mark), or null when it asks none. A « si » that opens the question (« Si Tchap était une couleur… ») sets
 * a scene, not a condition of what is asked.
 */
export function conditionOf(question: string): Condition | null {
  // Folded, every other character a blank: the same length as the question (« œ » aside), positions shared.
  const plain = fold(question).replace(/[^a-z0-9]/g, " ");
  if (plain.length !== question.length) return null;
  let from = -1;
  for (const o of OPENERS) {
    const m = o.exec(plain);
    if (m && (from < 0 || m.index < from)) from = m.index;
  }
  if (from < 0) return premiseOf(question);
  const before = question.slice(0, from);
  // A « si » opening the question or one of its sentences (« Et si la prochaine municipalité … ? ») sets a scene: what
  // is asked is then the condition itself.
  if (keywords(before.split(/[?!.]/).at(-1) ?? "").length === 0) return null;
  const end = question.slice(from).search(/[,;?!]/);
  const to = end < 0 ? question.length : from + end;
  const opener = OPENERS.map((o) => o.exec(plain.slice(from)))
    .filter((m) => m?.index === 0)
    .reduce((a, m) => (m![0].length > a.length ? m![0] : a), "");
  const stems = keywords(question.slice(from + opener.length, to)).flatMap((w) => stemsOf(w));
  if (stems.length === 0) return null;
  return {
    stems,
    place: stems.some((s) => PLACE.has(s)),
    rest: `${before.trimEnd()}${question.slice(to)}`,
  };
}

/**
 * A premise on where data are, stated before the question (« Les serveurs de Google sont en Allemagne : sommes-nous
 * protégés du Patriot Act ? »): asked as a condition. Another premise is the asker's context, not a condition.
 */
function premiseOf(question: string): Condition | null {
  const at = question.indexOf(" : ");
  if (at < 0) return null;
  const premise = question.slice(0, at);
  const asked = question.slice(at + 3);
  if (/[?!]/.test(premise) || !/\?\s*$/.test(asked)) return null;
  if (!PLACE_WORDS.some((w) => spaced(premise).includes(w))) return null;
  return { stems: keywords(premise).flatMap((w) => stemsOf(w)), place: true, rest: asked };
}

/**
 * Whether a sentence says if the condition changes anything: an expression of `[indifférent]` and one of the
 * condition's words (any word of where data are, for a condition on where they are).
 */
export function answersCondition(sentence: string, condition: Condition): boolean {
  const text = spaced(sentence);
  if (!INDIFFERENT.some((e) => text.includes(e))) return false;
  const own = stemsOf(sentence);
  return condition.stems.some((s) => holdsStem(own, s)) || (condition.place && own.some((s) => PLACE.has(s)));
}

/** For a question asking under a condition, whether a sentence answers it; null when the question asks none. */
export function conditionAnswer(question: string): ((sentence: string) => boolean) | null {
  const condition = conditionOf(question);
  return condition ? (sentence) => answersCondition(sentence, condition) : null;
}

/** The question without the condition it asks under, or the question itself when it asks none. */
export const withoutCondition = (question: string): string => conditionOf(question)?.rest ?? question;
