/**
 * Punctuation dictated to a phone that writes the word instead of the mark (« … notre mairie virgule on a nos données
 * chez microsoft point d'interrogation »): the words are no part of what is asked, and a corpus that never writes
 * « virgule » must not make the question one it cannot answer (trial18 F9).
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";

/** The dictated words of a mark (folded, longest first, so « point virgule » is read before « virgule ») and the mark. */
const SPOKEN: [RegExp, string][] = wordListLines("spoken-punctuation.txt")
  .map((l) => {
    const at = l.lastIndexOf(":");
    return [fold(l.slice(0, at).trim()), l.slice(at + 1).trim()] as const;
  })
  .sort((a, b) => b[0].length - a[0].length)
  .map(([spoken, mark]) => [
    new RegExp(
      `(?<![\\p{L}\\p{N}])${spoken
        .split(/[\s'’-]+/)
        .map(escapeRegExp)
        .join("[\\s'’-]+")}(?![\\p{L}\\p{N}])`,
      "gu",
    ),
    mark,
  ]);

/** Opening marks, written before the words that follow them; the others close what comes before them. */
const OPENING = new Set(["«", "("]);

/**
 * The question with each dictated mark written as the mark (« mairie virgule on a » → « mairie, on a », « … microsoft
 * point d'interrogation » → « … microsoft ? »). The text is compared folded, its letters kept as typed.
 */
export function withoutDictatedPunctuation(question: string): string {
  // Folding keeps one letter for one letter in French (accents dropped, « œ » aside): positions found in the folded
  // text are those of the question when the lengths agree; otherwise the question is left as is.
  let text = question;
  for (const [spoken, mark] of SPOKEN) {
    const folded = fold(text);
    if (folded.length !== text.length) return text;
    let out = "";
    let last = 0;
    for (const m of folded.matchAll(spoken)) {
      const before = text.slice(last, m.index).replace(/\s+$/, "");
      out += OPENING.has(mark) ? `${before} ${mark}` : `${before}${mark === "?" || mark === "!" ? " " : ""}${mark}`;
      last = m.index + m[0].length;
    }
    text = out + text.slice(last);
  }
  return text.replace(/^\s+/, "");
}
