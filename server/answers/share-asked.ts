/**
 * A share of a group asked (« Quelle part des communes françaises utilise des logiciels libres ? », trial26 T-M1,
 * round 29): the group as the question writes it, and whether a quoted sentence gives a percentage of that group (its
 * noun in the plural, « 12 % des communes »), not of one member's own (« Boé, commune … 95 % de son parc »). Words as
 * data: `i18n/fr/brief.txt` [part demandée], [part, ensemble].
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";

const SECTIONS = wordListSections("brief.txt");
/** Folded words, apostrophes and hyphens as spaces. */
const tokens = (text: string) =>
  fold(text)
    .replace(/[’'-]/g, " ")
    .replace(/[^a-z0-9%]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
const SHARE = (SECTIONS.get("part demandée") ?? []).map(tokens).filter((p) => p.length);
const GROUPS = new Set((SECTIONS.get("part, ensemble") ?? []).flatMap(tokens));
/** Words between the share asked and its group (« quelle part des communes », « quel pourcentage de nos agents »). */
const LINKS = new Set(["de", "des", "d", "du", "la", "les", "l", "nos", "vos", "leurs", "ces"]);
/** Words after the group's noun that belong to it, up to this many (« communes françaises », « communes rurales »). */
const QUALIFIERS = 1;

/** The group whose share the question asks (« des communes françaises »), as it writes it, and its noun; or null. */
export function shareAsked(question: string): { written: string; noun: string } | null {
  const list = tokens(question);
  for (const p of SHARE) {
    const at = list.findIndex((_, i) => p.every((w, j) => list[i + j] === w));
    if (at < 0) continue;
    let k = at + p.length;
    while (k < list.length && LINKS.has(list[k]!)) k++;
    const noun = list[k];
    if (!noun || !GROUPS.has(noun)) continue;
    const words = list.slice(at + p.length, k + 1 + QUALIFIERS);
    // (The qualifier only when it is an adjective agreeing with the noun: « françaises », not the verb « utilise ».)
    const qualifier = list[k + 1] ?? "";
    const kept = qualifier && /[sx]$/.test(qualifier) && qualifier.length > 3 ? words : words.slice(0, -1);
    const folded = fold(question);
    const m = new RegExp(kept.join("[\\s'’-]+"), "i").exec(folded);
    const written =
      m && folded.length === question.length ? question.slice(m.index, m.index + m[0].length) : kept.join(" ");
    return { written, noun };
  }
  return null;
}

/** Whether a sentence gives a percentage of the group: a figure with « % » and the group's noun in the plural. */
export function givesShareOf(sentence: string, noun: string): boolean {
  const list = tokens(sentence);
  return /\d\s*(?:%|pour\s*cent)/u.test(sentence) && list.includes(noun);
}
