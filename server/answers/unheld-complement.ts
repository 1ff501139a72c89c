/**
 * The kind of thing a question narrows its subject to that no quoted passage names (« nos données de l'état civil
 * peuvent être hébergées chez Microsoft Azure ? » and only the Health Data Hub's health data quoted, trial26 T-M1,
 * round 29): the complement after « de » of a word the passages hold (« données »), one of whose words they never
 * write (« civil »). Read aloud first, so that another kind's case is not heard as the answer. Words as data:
 * `i18n/fr/brief.txt` [complément, liaison], [complément, tête].
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { keywords } from "../retrieval/relevance.ts";
import { namesCollectivity } from "./brief.ts";
import { holdsStem, stemsOf, wordStem } from "./verbatim.ts";

const SECTIONS = wordListSections("brief.txt");
const HEADS = new Set((SECTIONS.get("complément, tête") ?? []).map((e) => fold(e).trim()));
const LINKS = (SECTIONS.get("complément, liaison") ?? []).map((e) =>
  fold(e)
    .trim()
    .split(/[\s'’]+/)
    .filter(Boolean),
);
/** Words of a complement read after its link (« état civil », « ressources humaines »). */
const COMPLEMENT_WORDS = 2;

/**
 * The complement (« l'état civil »), as the question writes it, whose head word the passages hold and which has a
 * word (a keyword of four letters or more) no passage's title or text holds; null otherwise.
 */
export function unheldComplement(question: string, texts: string[]): string | null {
  const held = stemsOf(texts.join(" "));
  const holds = (w: string) => holdsStem(held, wordStem(w));
  const key = new Set(keywords(question));
  // (Words as typed, apostrophes apart: « l'état » is « l » and « état ».)
  const typed = question.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const list = typed.map((w) => fold(w).toLowerCase());
  for (let i = 1; i < list.length; i++) {
    const link = LINKS.find((l) => l.every((w, j) => list[i + j] === w));
    if (!link || !HEADS.has(list[i - 1]!) || !holds(list[i - 1]!)) continue;
    const start = i + link.length;
    let end = start;
    while (end < list.length && end - start < COMPLEMENT_WORDS && key.has(list[end]!)) end++;
    const words = list.slice(start, end);
    // (Not a name, « La Haye », nor the asker's own collectivité, « la mairie ».)
    if (typed.slice(start, end).some((w) => /^\p{Lu}/u.test(w)) || namesCollectivity(words.join(" "))) continue;
    if (!words.length || !words.some((w) => w.length >= 4 && !holds(w))) continue;
    // (With its article, as typed: « l'état civil ».)
    const article = link.length > 1 ? typed[i + link.length - 1]! : "";
    const shown = typed.slice(start, end).join(" ");
    return article ? `${article}${/^[ld]$/i.test(article) ? "'" : " "}${shown}` : shown;
  }
  return null;
}
