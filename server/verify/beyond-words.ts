/** Word lists of the rules on what a passage limits (`server/i18n/fr/stated-beyond.txt`), as regular expressions. */
import { escapeRegExp } from "../core/text.ts";
import { wordLines } from "./words.ts";

const SECTIONS = (() => {
  const out = new Map<string, string[]>();
  let current = "";
  for (const line of wordLines("stated-beyond.txt")) {
    const section = /^\[([a-z-]+)\]$/.exec(line);
    if (section) current = section[1]!;
    else
      out.set(current, [
        ...(out.get(current) ?? []),
        ...line
          .split(",")
          .map((w) => w.trim())
          .filter(Boolean),
      ]);
  }
  return out;
})();

/** A regular expression for any expression of a section, as whole words (« n' » matching both apostrophes). */
export function beyond(section: string, flags = "iu"): RegExp {
  const terms = (SECTIONS.get(section) ?? [])
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/\s+/g, "\\s+").replace(/['’]/g, "['’]\\s*"));
  return new RegExp(`(?<!\\p{L})(?:${terms.join("|")})(?!\\p{L})`, flags);
}
