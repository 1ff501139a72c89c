/** Word lists of the rules on what a passage limits (`server/i18n/fr/stated-beyond.txt`), as regular expressions. */
import { escapeRegExp } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";

const SECTIONS = wordListSections("stated-beyond.txt");

/** A regular expression for any expression of a section, as whole words (« n' » matching both apostrophes). */
export function beyond(section: string, flags = "iu"): RegExp {
  const terms = (SECTIONS.get(section) ?? [])
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/\s+/g, "\\s+").replace(/['’]/g, "['’]\\s*"));
  return new RegExp(`(?<!\\p{L})(?:${terms.join("|")})(?!\\p{L})`, flags);
}
