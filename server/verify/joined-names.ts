/**
 * The names a figure is not given to, as one subject when they are the words of one name: « Communauté
 * d'agglomération du Pays Basque » is one collectivité, not « Communauté », « Pays » and « Basque » each given a reason
 * (trial13 A12). Names written next to each other with nothing but lower-case words between them (« de communes du »,
 * at most `MAX_GAP_WORDS`, `server/i18n/fr/name-links.txt`) and no punctuation are one name; the reason quotes it as the
 * sentence writes it.
 */
import { fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";

/** Lower-case words a name may hold between two capitalised ones (« d'agglomération du », « de communes de la »). */
const MAX_GAP_WORDS = 4;
const LINKS = new Set(wordListLines("name-links.txt").map((w) => fold(w).replace(/’/g, "'")));

/** Whether the text between two names holds only words of one name (none, or a few linking words). */
function linking(gap: string): boolean {
  if (!gap.trim()) return /^\s+$/.test(gap);
  if (/[^\p{Ll}\s'’]/u.test(gap)) return false;
  const parts = fold(gap)
    .replace(/’/g, "'")
    .match(/[a-z]+'|[\p{L}]+/gu);
  return !!parts && parts.length <= MAX_GAP_WORDS && parts.every((p) => LINKS.has(p));
}

/**
 * `names` (in the order the sentence writes them) grouped into the spans of one name each: for each group, the
 * sentence's text from the first to the last, with the names it joins.
 */
export function joinedNames(segment: string, names: string[]): { name: string; parts: string[] }[] {
  const spots: { name: string; at: number; end: number }[] = [];
  let from = 0;
  for (const name of names) {
    const at = segment.indexOf(name, from);
    if (at < 0) return names.map((n) => ({ name: n, parts: [n] }));
    spots.push({ name, at, end: at + name.length });
    from = at + name.length;
  }
  const out: { name: string; parts: string[]; at: number; end: number }[] = [];
  for (const s of spots) {
    const last = out.at(-1);
    const gap = last ? segment.slice(last.end, s.at) : "";
    if (last && linking(gap)) {
      last.parts.push(s.name);
      last.end = s.end;
      last.name = segment.slice(last.at, last.end);
    } else out.push({ name: s.name, parts: [s.name], at: s.at, end: s.end });
  }
  return out.map(({ name, parts }) => ({ name, parts }));
}
