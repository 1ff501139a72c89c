/**
 * Follow-up questions: « Et est-ce que ça s'applique à ma commune ? » after « Que dit la loi SREN ? » is about the
 * SREN law. A question that opens with « Et », « Mais »… or refers back with « ça », « cela », « cette »… (data:
 * `server/i18n/fr/followup.txt`), or a verb whose subject is a pronoun (« S'applique-t-elle… »), carries the topic of
 * the previous one: its content words, as written, so that names keep their capital.
 */
import { readFileSync } from "node:fs";
import { fold } from "../core/text.ts";
import { stem as frStem } from "./french.ts";
import { GENERIC_WORDS } from "./lexicon.ts";
import { keywords } from "./relevance.ts";

/** The domain's general vocabulary (`generic-words.txt`), as stems. */
const GENERIC = new Set(GENERIC_WORDS.map(frStem));

function readLists(): { start: Set<string>; anywhere: Set<string>; link: Set<string> } {
  const lists = { start: new Set<string>(), anywhere: new Set<string>(), link: new Set<string>() };
  let current: Set<string> | null = null;
  for (const line of readFileSync(new URL("../i18n/fr/followup.txt", import.meta.url), "utf8").split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    if (/^\[début\]/.test(line)) current = lists.start;
    else if (/^\[partout\]/.test(line)) current = lists.anywhere;
    else if (/^\[liaison\]/.test(line)) current = lists.link;
    else for (const w of line.split(/\s+/).filter(Boolean)) current?.add(fold(w));
  }
  return lists;
}

const LISTS = readLists();

/** Words of a question as written (elisions and apostrophes kept inside a word, hyphens kept). */
const tokens = (text: string) => text.replace(/[’]/g, "'").match(/[\p{L}\p{N}'-]+/gu) ?? [];

/** Whether a question refers back to the previous one (« Et… », « ça », « cette loi », « Est-elle… »). */
export function refersBack(question: string): boolean {
  const list = tokens(question).map((t) => fold(t).replace(/^([cdjlmnst]|qu)'/, ""));
  if (list.length === 0) return false;
  const first = list[0]!;
  if (LISTS.start.has(first)) return true;
  // An inverted subject pronoun opening the question (« Est-elle… », « S'applique-t-elle… »): « elle » is the
  // previous question's topic (« -il » is left out: « Est-il possible… » is impersonal).
  if (/-(t-)?(elle|elles|ils)$/.test(first)) return true;
  return list.some((w) => LISTS.anywhere.has(w));
}

/** Words of its own a question linked by « et » alone needs to stand alone (a year counts as one). */
const OWN_SUBJECT_WORDS = 3;

/**
 * Whether a question that refers back only by a linking word (« Et en 2027 les frais de sortie du cloud ? », `[liaison]`
 * of `followup.txt`: no pronoun, no demonstrative) has a subject of its own: at least `OWN_SUBJECT_WORDS` words that
 * are neither the domain's general vocabulary (`generic-words.txt`) nor words of the previous question (`earlier`).
 * Such a question is searched alone (trial14 A8); « Et pour une commune de 8 000 habitants ? » is not.
 */
export function standsAlone(question: string, earlier: string): boolean {
  const list = tokens(question).map((t) => fold(t).replace(/^([cdjlmnst]|qu)'/, ""));
  if (!list.length || !LISTS.link.has(list[0]!) || list.some((w) => LISTS.anywhere.has(w))) return false;
  // (« et en 2027 elle coûtera combien » refers back by « elle ».)
  if (list.slice(1).some((w) => LISTS.start.has(w) && !LISTS.link.has(w) && w !== "aussi")) return false;
  const before = new Set(keywords(earlier).map(frStem));
  const own = keywords(question).filter(
    (w) => (/^\d{4}$/.test(w) || !/^\d/.test(w)) && !GENERIC.has(frStem(w)) && !before.has(frStem(w)),
  );
  return own.length >= OWN_SUBJECT_WORDS;
}

/** Most topic words carried from one question to the next. */
const MAX_TOPIC_WORDS = 8;

/** The content words of a question, as written and in order (« Que dit la loi SREN ? » → « loi SREN »). */
export function topicOf(question: string): string {
  const wanted = new Set(keywords(question));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tokens(question)) {
    const word = raw.replace(/^([cdjlmnst]|qu)'/i, "").replace(/-(t-)?(il|elle|ils|elles|on|je|nous|vous|ce|t)$/i, "");
    const parts = fold(word)
      .split(/[^a-z0-9]+/)
      .filter((p) => wanted.has(p) && !seen.has(p));
    if (parts.length === 0) continue;
    for (const p of parts) seen.add(p);
    out.push(word);
  }
  return out.slice(0, MAX_TOPIC_WORDS).join(" ");
}
