/**
 * The answer to a question the corpus says it cannot answer (« stated-absent »: « Aucun montant propre à la CNAM n'a
 * été publié »): it opens on that sentence, quoted verbatim with its source (« Le corpus ne le chiffre pas : « … » »).
 * The lead's decision of 6 December 2026: an élue asking a figure the sources do not publish is told so, with where
 * the corpus says it, rather than refused as if the subject were unknown.
 */
import { message } from "../i18n/messages.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { fold, stem, words } from "../retrieval/french.ts";
import { splitSentences, statesAbsent } from "../retrieval/passages.ts";
import { type Asked, askedFor, countedStems } from "../retrieval/rank.ts";
import { type Brief, type QuotedPassage, quoteWithSource, shownText, subjectWords } from "./brief.ts";
import { holdsStem, stemsOf, wordStem } from "./verbatim.ts";

/** Spaces squeezed, list dashes dropped: a sentence as an excerpt or a passage may write it. */
const squeezed = (text: string) =>
  text
    .replace(/^[-•*]\s+/, "")
    .replace(/\s+/g, " ")
    .trim();

/** A sentence of the corpus saying it lacks what is asked, and the number (from 1) of the passage quoting it. */
export interface StatedSentence {
  text: string;
  source: number;
}

/** `brief.txt` [mesure générale]: words saying a sentence is about figures of any kind (« chiffres », « nombre »). */
const ANY_MEASURE = new Set(
  (wordListSections("brief.txt").get("mesure générale") ?? []).map((w) => stem(fold(w).trim())),
);

/**
 * Whether a sentence saying the sources lack a figure speaks of what the question counts (trial15 A21: « combien
 * d'agents a la CNAM » is not answered by « Aucun montant d'économies propre à la CNAM n'a été publié »): it names the
 * counted noun or one of its synonyms, or figures in general (« n'en donnent pas de chiffres »). True when the
 * question counts nothing.
 */
function sameMeasure(sentence: string, counted: Set<string>): boolean {
  if (counted.size === 0) return true;
  return words(fold(sentence)).some((w) => counted.has(stem(w)) || ANY_MEASURE.has(stem(w)));
}

/**
 * The sentence of `texts` (the text shown of each passage, in order) that says the sources lack something, holding
 * the most subject words of the question (at least one) and speaking of what it counts; null when none does.
 */
export function statedSentence(question: string, texts: string[]): StatedSentence | null {
  const subject = subjectWords(question).map(wordStem);
  const counted = countedStems(question);
  let best: StatedSentence | null = null;
  let bestScore = 0;
  for (const [i, text] of texts.entries()) {
    // A list item is a sentence of its own (« - FranceTransfert : … ; les sources consultées n'en donnent pas … »).
    const lines = text.split(/\n\s*\n|\n(?=\s*[-•*]\s)| … |\s-\s(?=\p{Lu})/u).map((l) => squeezed(l.trim()));
    for (const s of lines.flatMap(splitSentences)) {
      if (!statesAbsent(s) || !sameMeasure(s, counted)) continue;
      const stems = stemsOf(s);
      const score = subject.filter((w) => holdsStem(stems, w)).length;
      if (score > bestScore) {
        best = { text: s, source: i + 1 };
        bestScore = score;
      }
    }
  }
  return best;
}

/** Whether a sentence of an excerpt is `sentence`, or holds it (a list item cut into sentences or not). */
export const saysSame =
  (sentence: string) =>
  (s: string): boolean => {
    const a = squeezed(s);
    const b = squeezed(sentence);
    return a.length > 0 && (a.includes(b) || b.includes(a));
  };

/** How the answer opens, by what is asked: a figure (« ne le chiffre pas »), a date, anything else. */
function opening(asked: Asked[]): string {
  if (asked.includes("quantity")) return "answer.stated.figure";
  if (asked.includes("date")) return "answer.stated.date";
  return "answer.stated.other";
}

/**
 * The opening of an answer the corpus gives by saying it does not know: « Le corpus ne le chiffre pas : « sentence »
 * (source) [n] », the sentence quoted from `texts` (the text shown of each of `used`); null when none says so.
 */
export function statedBrief(
  question: string,
  used: QuotedPassage[],
  texts: string[],
  asked: Asked[] = askedFor(question),
): Brief | null {
  const stated = statedSentence(question, texts);
  if (!stated) return null;
  const quote = quoteWithSource(stated.text, used[stated.source - 1]!, stated.source);
  return {
    text: message(opening(asked), { quote }),
    quotes: [{ text: shownText(stated.text), source: stated.source }],
  };
}
