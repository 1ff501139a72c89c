/**
 * Fixed expressions whose words ask nothing (« quand même », « qui plus est », « bon nombre de », « à tout prix »),
 * though one of them alone asks a date, a person, a count or a cost: read out of a question before what it asks is
 * read. Words as data: `i18n/fr/fixed-expressions.txt`.
 */
import { wordListLines } from "../i18n/word-lists.ts";
import { words } from "./french.ts";

/** The expressions as the list writes them. */
export const FIXED_EXPRESSIONS: readonly string[] = wordListLines("fixed-expressions.txt");

/** Each expression as its folded words (« n'importe quand » → importe, quand: `words` drops the elided « n' »). */
const EXPRESSIONS = FIXED_EXPRESSIONS.map((l) => words(l));

/** The length of the fixed expression starting at `at` in a list of folded words, or 0. */
export function fixedExpressionAt(list: readonly string[], at: number): number {
  const found = EXPRESSIONS.find((e) => e.length > 0 && e.every((w, j) => list[at + j] === w));
  return found?.length ?? 0;
}

/** A list of folded words (`words`) without the fixed expressions it holds. */
export function withoutFixedWords(list: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const n = fixedExpressionAt(list, i);
    if (n) i += n - 1;
    else out.push(list[i]!);
  }
  return out;
}

/**
 * A text's folded words, without its fixed expressions, joined by spaces.
 * @example withoutFixedExpressions("Zimbra est quand même libre ?") // "zimbra est libre"
 */
export const withoutFixedExpressions = (text: string): string => withoutFixedWords(words(text)).join(" ");
