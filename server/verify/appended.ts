/**
 * An invented clause appended to a sentence copied from the passage (trial14 A19): « …, sans aucune formation des
 * agents », « …, et elle a déjà terminé la bascule ». The whole sentence has enough of its words in the passage to
 * pass; its last clause, from the last expression of `server/i18n/fr/appended-clauses.txt` after a comma, is checked
 * alone: at least `APPENDED_MIN_WORDS` content words, fewer than `MIN_CLAIM_COVERAGE` of them found (nor a word of their
 * family) in the cited passages.
 */
import { escapeRegExp } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { derivedIn } from "./derivations.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, wordIn } from "./words.ts";

/** Least content words of an appended clause for it to be checked alone. */
export const APPENDED_MIN_WORDS = 2;
/** Share of an appended clause's content words the cited passages must write. */
export const APPENDED_MIN_COVERAGE = 0.6;

const OPENERS = wordListLines("appended-clauses.txt")
  .sort((a, b) => b.length - a.length)
  .map((l) => escapeRegExp(l).replace(/'/g, "['’]").replace(/\s+/g, "\\s+") + (l.endsWith("'") ? "" : "(?!\\p{L})"));
/** A comma (not a decimal one), an opener, then the clause to the end of the sentence. */
const APPENDED = new RegExp(`(?<!\\d),\\s+(?:${OPENERS.join("|")})\\s*([^,;:()]+?)\\s*[.!?]?\\s*$`, "iu");

/** The appended clause and its words the cited passages do not write, when it is invented; else null. */
export function appendedUnsaid(stated: string, pool: Source[]): { clause: string; words: string[] } | null {
  if (pool.length === 0) return null;
  const text = withoutReferences(stated).replace(/\[\d+\]|\*\*|__/g, " ");
  const m = APPENDED.exec(text);
  if (!m) return null;
  const said = [...new Set(contentWords(m[1]!))];
  if (said.length < APPENDED_MIN_WORDS) return null;
  const bags = pool.map((src) => src.bag);
  const missing = said.filter((w) => !bags.some((b) => wordIn(w, b) || derivedIn(w, b)));
  if ((said.length - missing.length) / said.length >= APPENDED_MIN_COVERAGE - 1e-9) return null;
  return { clause: m[0].replace(/^,\s*/, "").replace(/\s*[.!?]\s*$/, ""), words: missing };
}
