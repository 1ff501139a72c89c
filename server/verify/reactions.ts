/**
 * What people think, feel or learned of a change (« Les agents ont bien accepté le changement », « Les utilisateurs
 * sont satisfaits de LibreOffice »), said where the only sources are figures that cannot carry it: « L'essentiel » of a
 * progress note, checked against the plan's figures alone (trial17 D20, `server/tracking/progress-note-model.ts`). A
 * sentence naming people (`[personnes]`) and a word of their reaction (`[réactions]`, data in
 * `server/i18n/fr/reactions.txt`) that no source line writes is an outcome nothing in the sources gives.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { words } from "./words.ts";

const LISTS = wordListSections("reactions.txt");
const bounded = (section: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...(LISTS.get(section) ?? [])]
      .sort((a, b) => b.length - a.length)
      .map((e) => escapeRegExp(foldApostrophes(e)).replace(/\s+/g, "\\s+"))
      .join("|")})(?![\\p{L}\\p{N}])`,
    "gu",
  );
const PEOPLE = bounded("personnes");
const REACTIONS = bounded("réactions");

/**
 * The words of `sentence` from the people it names to their reaction (« Les agents ont bien accepté »), when no text of
 * `sources` writes that reaction (its words, stemmed); else null.
 */
export function reactionUnsaid(sentence: string, sources: string[]): string | null {
  const folded = foldApostrophes(sentence);
  const people = [...folded.matchAll(PEOPLE)];
  if (people.length === 0) return null;
  const stems = new Set(sources.flatMap((s) => words(s).map(stem)));
  for (const r of folded.matchAll(REACTIONS)) {
    const said = words(r[0]).map(stem);
    if (said.every((w) => stems.has(w))) continue;
    const first = people[0]!;
    const from = Math.min(first.index!, r.index!);
    const to = Math.max(first.index! + first[0].length, r.index! + r[0].length);
    return sentence.slice(from, to);
  }
  return null;
}

/** Whether a text opens on the people a reaction is said of (« agents ont bien accepté »). */
export const opensOnPeople = (text: string) => [...foldApostrophes(text).matchAll(PEOPLE)].some((m) => m.index === 0);
