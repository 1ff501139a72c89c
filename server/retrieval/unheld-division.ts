/** A French région named in a question (even in lower case) that no passage read writes. */
import { wordListEntries, wordListSections } from "../i18n/word-lists.ts";
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
export function unheldRegions(
  question: string,
  passages: ReturnType<typeof passageWords>[],
  texts: string[] = [],
): string[] {
  let joined = ` ${words(question).join(" ")} `;
  const named: string[] = [];
  for (const region of REGIONS)
    if (joined.includes(` ${region} `)) {
      named.push(region);
      joined = joined.replaceAll(` ${region} `, " ");
    }
  const asked = ` ${words(question).join(" ")} `;
  return named.filter((r) =>
    // The région as a body (« la région bretagne a fait quoi … »): a passage writing its name only inside another body's
    // name (« Quimper Bretagne Occidentale », « Mégalis Bretagne ») does not speak of it (trial21 T-M8).
    BODY_WORDS.some((b) => asked.includes(` ${b} ${r} `))
      ? !texts.some((t) => writesAlone(t, r))
      : !passages.some((p) => occurs(r, p, true)),
  );
}

/** Words naming a région as a body (`collectivity-kinds.txt` [région]), folded. */
const BODY_WORDS = (wordListSections("collectivity-kinds.txt").get("région") ?? []).map((e) => words(e).join(" "));

/**
 * Whether a text writes a région's name (folded words) by itself: not between other capitalised words of one name
 * (« Quimper Bretagne Occidentale »), a body word before it aside (« Région Bretagne »).
 */
function writesAlone(text: string, region: string): boolean {
  const tokens = [...text.matchAll(/[\p{L}\p{N}'’-]+/gu)].map((m) => m[0]);
  const folded = tokens.map((t) => words(t).join(" "));
  const size = region.split(" ").length;
  const capital = (t: string | undefined) => !!t && /^\p{Lu}/u.test(t);
  return folded.some((_, i) => {
    if (folded.slice(i, i + size).join(" ") !== region) return false;
    const before = tokens[i - 1];
    const bodyBefore = !!before && BODY_WORDS.includes(words(before).join(" "));
    return (bodyBefore || !capital(before)) && !capital(tokens[i + size]);
  });
}
