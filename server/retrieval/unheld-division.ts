/** A French région named in a question (even in lower case) that no passage read writes. */
import { wordListEntries } from "../i18n/word-lists.ts";
import { words } from "./french.ts";
import { occurs, type passageWords } from "./passage-words.ts";

/** Régions and overseas territories (`unheld-divisions.txt`), folded as `words` gives them, longest first. */
const REGIONS = wordListEntries("unheld-divisions.txt")
  .map((e) => words(e).join(" "))
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);

/**
 * The régions a question names (« en corse il y a un opsn… ? », « la région sud paca… ») that none of `passages`
 * writes: a question about a place they do not speak of. A région inside a longer one the question names (« Bourgogne »
 * in « Bourgogne-Franche-Comté ») is that one.
 */
export function unheldRegions(question: string, passages: ReturnType<typeof passageWords>[]): string[] {
  let joined = ` ${words(question).join(" ")} `;
  const named: string[] = [];
  for (const region of REGIONS)
    if (joined.includes(` ${region} `)) {
      named.push(region);
      joined = joined.replaceAll(` ${region} `, " ");
    }
  return named.filter((r) => !passages.some((p) => occurs(r, p, true)));
}
