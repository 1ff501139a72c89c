/**
 * The word lists of `<lang>/*.txt` beside this file, read the same way by every layer: data, not code (a list of
 * French words is kept in a file with a comment saying what it is for). « # » lines are comments; blank lines are
 * skipped; each line is trimmed.
 */
import { readFileSync } from "node:fs";
import { escapeRegExp } from "../core/text.ts";

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
 * The French stop-words every reader of text skips (articles, the elided « l » and « d », « de », « et », « en »):
 * `fr/stopwords.txt`, one base list; each reader adds its own words beside it, saying why.
 */
export const BASE_STOPWORDS: readonly string[] = wordListLines("stopwords.txt").flatMap((line) => line.split(/\s+/));

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

/**
 * A list in sections (« [name] » lines), each section's lines whole (commas kept), in the file's order; lines before
 * the first section are left out.
 * @example wordListSectionLines("two-parts.txt").get("concession")?.includes("d'accord, mais") // true
 */
export function wordListSectionLines(file: string, lang = "fr"): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of wordListLines(file, lang)) {
    const head = /^\[(.+)\]$/.exec(line);
    if (head) sections.set(head[1]!, (current = []));
    else current?.push(line);
  }
  return sections;
}

/**
 * A list in sections (« [name] » lines), each section's entries as `wordListEntries` reads them.
 * @example wordListSections("context-subjects.txt").get("services de la collectivité") // ["DSI", "DGS", …]
 */
export function wordListSections(file: string, lang = "fr"): Map<string, string[]> {
  return new Map(
    [...wordListSectionLines(file, lang)].map(([name, lines]) => [
      name,
      lines.flatMap((line) =>
        line
          .split(",")
          .map((e) => e.trim())
          .filter(Boolean),
      ),
    ]),
  );
}

/**
 * Entries of a list as a regular-expression alternation, to write inside a group: each escaped, and an apostrophe
 * matching the typographic one too.
 * @example wordAlternation(["d'autres", "plusieurs"]) // "d['’]autres|plusieurs"
 */
export const wordAlternation = (entries: readonly string[]) =>
  entries.map((e) => escapeRegExp(e).replace(/'/g, "['’]")).join("|");

/**
 * The entries of one section of a list as an alternation (`wordAlternation`), the longest first so that a longer
 * phrase wins over a shorter one it starts with, each written as `form` gives it (folded, as the text it is matched
 * against is).
 */
export const sectionAlternation = (sections: Map<string, string[]>, section: string, form: (entry: string) => string) =>
  wordAlternation([...(sections.get(section) ?? [])].sort((a, b) => b.length - a.length).map((e) => form(e)));
