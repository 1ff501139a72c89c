/**
 * The word lists of `<lang>/*.txt` beside this file, read the same way by every layer: data, not code (a list of
 * French words is kept in a file with a comment saying what it is for). « # » lines are comments; blank lines are
 * skipped; each line is trimmed.
 */
import { readFileSync } from "node:fs";

/**
 * The lines of a word list, comments and blank lines left out.
 * @example wordListLines("number-words.txt")[0] // "deux 2"
 */
export function wordListLines(file: string, lang = "fr"): string[] {
  return readFileSync(new URL(`./${lang}/${file}`, import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}

/**
 * The entries of a list written several per line, a comma after each (an entry may hold blanks: « s r o »), in the
 * file's order.
 * @example wordListEntries("inventory-company-words.txt").includes("gmbh") // true
 */
export function wordListEntries(file: string, lang = "fr"): string[] {
  return wordListLines(file, lang).flatMap((line) =>
    line
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  );
}
