/**
 * A figure given to the whole parc (« Microsoft Office 2016 ne subsiste plus que sur 5 postes dans toute la commune »)
 * that every cited sentence giving it limits to a part (« sur les 20 postes inventoriés le 30 septembre 2028, … Microsoft
 * Office 2016 sur 5 », faithful-blind-19): what was counted on part of the parc is not a count of all of it. Words:
 * `server/i18n/fr/scope-words.txt`.
 */
import { fold } from "../core/text.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";

const LISTS = wordListSections("scope-words.txt");
const phrase = (section: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${sectionAlternation(LISTS, section, fold)})(?![\\p{L}\\p{N}])`, "u");
const WHOLE = phrase("entier");
const PART = phrase("partie");

/**
 * The whole the sentence names and the part its figure's source sentences limit it to, as written; or null.
 * `sources` are the texts of the sentences where each of the sentence's quantities is found (none: nothing to say).
 */
export function wholeForCountedPart(sentence: string, sources: string[][]): { whole: string; part: string } | null {
  const whole = WHOLE.exec(fold(sentence));
  if (!whole || sources.length === 0) return null;
  for (const found of sources) {
    if (found.length === 0) continue;
    const parts = found.map((t) => PART.exec(fold(t)));
    if (!parts.every(Boolean)) continue;
    // Folding keeps a text's length: the phrases as written.
    const part = parts[0]!;
    return {
      whole: sentence.slice(whole.index, whole.index + whole[0].length),
      part: found[0]!.slice(part.index, part.index + part[0].length),
    };
  }
  return null;
}
