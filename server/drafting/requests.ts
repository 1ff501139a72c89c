/**
 * The requests of a letter as the list after its lead-in: the built-in ones are written for « nous vous proposons
 * que X : » (« engage une étude … »); a request the sender typed may be an infinitive (« Nommer un élu référent »),
 * an imperative (« Nommez un élu référent ») or a full sentence (« La commune publie chaque année … »). Pasted after
 * « que X : », an infinitive reads wrong (trial8 B9): the list then takes a lead-in every item fits.
 */
import { fold, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";

export type RequestForm = "infinitive" | "imperative" | "sentence";

const LISTS = wordListSections("request-forms.txt");
const NOT_VERBS = new Set((LISTS.get("not-verbs") ?? []).map(fold));
const IMPERATIVES = new Map(
  (LISTS.get("imperatives") ?? []).map((entry) => {
    const [imperative, infinitive] = entry.split(/\s+/);
    return [fold(imperative!), infinitive!] as const;
  }),
);

/** First word of a request (an elided « n' » or « l' » kept with it), and the rest. */
const firstWord = (request: string) => /^\s*([\p{L}’'-]+)([\s\S]*)$/u.exec(request);

/** Whether a request is written as an infinitive, an imperative or a full sentence. */
export function requestForm(request: string): RequestForm {
  const m = firstWord(request);
  if (!m) return "sentence";
  const word = foldApostrophes(m[1]!);
  if (word.includes("'") || NOT_VERBS.has(word)) return "sentence";
  // « Ne pas renouveler … » is an infinitive too.
  if (word === "ne" && /^\s+(?:pas|plus|jamais)\s+\p{L}+(?:er|ir|re|oir)\b/u.test(m[2]!)) return "infinitive";
  if (IMPERATIVES.has(word) || (word.length > 3 && word.endsWith("ez"))) return "imperative";
  if (word.length > 3 && /(?:er|ir|re|oir)$/.test(word)) return "infinitive";
  return "sentence";
}

/** Keeps a word's case as written: « Nommez » → « Nommer », « nommez » → « nommer ». */
const sameCase = (written: string, word: string) =>
  /^\p{Lu}/u.test(written) ? word.charAt(0).toUpperCase() + word.slice(1) : word;

/** The request as an infinitive (« Nommez un élu » → « Nommer un élu »); a sentence as it is. */
export function asInfinitive(request: string): string {
  const text = request.trim();
  if (requestForm(text) !== "imperative") return text;
  const m = firstWord(text)!;
  const written = m[1]!;
  const folded = fold(written);
  const irregular = IMPERATIVES.get(folded);
  const infinitive = irregular ?? (folded.endsWith("issez") ? written.slice(0, -4) + "r" : `${written.slice(0, -2)}er`);
  return `${sameCase(written, infinitive)}${m[2]}`;
}

/** A first letter in lower case (« Nommer » → « nommer »), not an acronym's (« RGPD »). */
export const lowerFirst = (s: string) => (/^\p{Lu}\p{Lu}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

/** A first letter in upper case. */
export const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
