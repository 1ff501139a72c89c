/**
 * A duration a sentence spells out in words (« Une commune peut donc faire la même chose en un an », « Le Land a migré
 * ses postes en deux ans »): the figure check reads digits and a source's number words, not a draft's, so an
 * invented duration in words passed (trial17 D2). It is held to the passages and data the sentence is checked with: the
 * same length of time, in words or in digits, in the same unit or one it converts to (« un an » for « 12 mois »).
 * Words: `i18n/fr/durations.txt`.
 */
import { NUMBER_WORD_PATTERN, NUMBER_WORDS } from "../core/number-words.ts";
import { fold } from "../core/text.ts";
import { sectionAlternation, wordListSectionLines, wordListSections } from "../i18n/word-lists.ts";

interface Duration {
  /** Its number and unit, folded (« deux ans »). */
  raw: string;
  /** In days (a year 365, a month 30). */
  days: number;
}

let lists: {
  before: RegExp;
  inSource: RegExp;
  spanned: RegExp;
  units: Map<string, number>;
  ones: Set<string>;
} | null = null;

function read() {
  if (lists) return lists;
  const sections = wordListSections("durations.txt");
  const units = new Map(
    (wordListSectionLines("durations.txt").get("unités") ?? []).map((line) => {
      const [unit, days] = line.split("=").map((s) => s.trim());
      return [unit!, Number(days)] as [string, number];
    }),
  );
  const ones = new Set(sections.get("un") ?? []);
  const numbers = `${[...ones].join("|")}|${NUMBER_WORD_PATTERN}`;
  const unit = [...units.keys()].sort((a, b) => b.length - a.length).join("|");
  lists = {
    // Folded text: an introducer, a number in words, a unit.
    before: new RegExp(
      `(?<![\\p{L}'’])(?:${sectionAlternation(sections, "avant", fold)})\\s+(${numbers})\\s+(${unit})(\\s+et\\s+demie?)?(?!\\p{L})`,
      "gu",
    ),
    // In a source: any number (words or digits) before a unit.
    inSource: new RegExp(
      `(?<![\\p{L}\\p{N}])(${numbers}|\\d+(?:[.,]\\d+)?)\\s+(${unit})(\\s+et\\s+demie?)?(?!\\p{L})`,
      "gu",
    ),
    // A length of time after an introducer, in words or digits (« en six mois environ », « sur 18 mois »).
    spanned: new RegExp(
      `(?<![\\p{L}'’])(?:${sectionAlternation(sections, "avant", fold)})\\s+(?:${numbers}|\\d+(?:[.,]\\d+)?)\\s+(?:${unit})(?!\\p{L})`,
      "u",
    ),
    units,
    ones,
  };
  return lists;
}

/** The days a match of `before` or `inSource` spells: its number (« et demi » adds half) times its unit. */
function daysOf(m: RegExpMatchArray): number {
  const { units, ones } = read();
  const number = ones.has(m[1]!) ? 1 : (NUMBER_WORDS[m[1]!] ?? Number(m[1]!.replace(",", ".")));
  return (number + (m[3] ? 0.5 : 0)) * units.get(m[2]!)!;
}

/** The durations a sentence writes in words after an introducer (« en deux ans »), folded. */
export function durationsInWords(sentence: string): Duration[] {
  return [...fold(sentence).matchAll(read().before)].map((m) => ({
    raw: `${m[1]} ${m[2]}${m[3] ?? ""}`,
    days: daysOf(m),
  }));
}

/** Whether a text writes the same length of time, in words or digits (« 2 ans », « vingt-quatre mois » aside). */
export function writesDuration(text: string, d: Duration): boolean {
  // A year is 12 months: 365 against 360 days.
  return [...fold(text).matchAll(read().inSource)].some((m) => Math.abs(daysOf(m) - d.days) <= d.days * 0.02);
}

/** Whether a text gives a length of time after an introducer, in words or digits (« en six mois environ »). */
export const givesDuration = (text: string) => read().spanned.test(fold(text));
