/**
 * An invented clause appended to a sentence copied from the passage (trial14 A19): « …, sans aucune formation des
 * agents », « …, et elle a déjà terminé la bascule ». The whole sentence has enough of its words in the passage to
 * pass; its last clause, from the last expression of `server/i18n/fr/appended-clauses.txt` after a comma, is checked
 * alone: fewer than `APPENDED_MIN_COVERAGE` of its content words found (nor a word of their family) in the cited
 * passages and the data, at least `APPENDED_MIN_MISSING` of them missing — or one, when the clause writes an absolute
 * word (« aucune », « déjà ») the passages do not. A clause naming the collectivité the document is written for (a name
 * only the data give) is the document's conclusion, left alone.
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { derivedIn } from "../retrieval/derivations.ts";
import { namesAt } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, inBag, wordIn, words } from "./words.ts";

/** Share of an appended clause's content words the cited passages must write. */
export const APPENDED_MIN_COVERAGE = 0.6;
/** Least content words of an appended clause missing from the passages for it to be invented (one, with an absolute). */
export const APPENDED_MIN_MISSING = 2;

const LISTS = wordListSections("appended-clauses.txt");
const OPENERS = (LISTS.get("tournures") ?? [])
  .sort((a, b) => b.length - a.length)
  .map((l) => escapeRegExp(l).replace(/'/g, "['’]").replace(/\s+/g, "\\s+") + (l.endsWith("'") ? "" : "(?!\\p{L})"));
/** A comma (not a decimal one), an opener, then the clause to the end of the sentence. */
const APPENDED = new RegExp(`(?<!\\d),\\s+(?:${OPENERS.join("|")})\\s*([^,;:()]+?)\\s*[.!?]?\\s*$`, "iu");
/** Absolute words (« aucune », « déjà »), folded. */
const ABSOLUTES = new Set((LISTS.get("absolus") ?? []).map((w) => fold(w)));

/** The appended clause and its words the cited passages do not write, when it is invented; else null. */
export function appendedUnsaid(
  stated: string,
  pool: Source[],
  facts: Source[] = [],
): { clause: string; words: string[] } | null {
  if (pool.length === 0) return null;
  const text = withoutReferences(stated).replace(/\[\d+\]|\*\*|__/g, " ");
  const m = APPENDED.exec(text);
  if (!m) return null;
  const clause = m[1]!;
  // « …, et Kervallon ne peut donc pas compter dessus »: the document's conclusion for the collectivité.
  const recipient = (name: string) => {
    const folded = words(name).join(" ");
    return facts.some((f) => inBag(folded, f.bag)) && !pool.some((s) => inBag(folded, s.bag));
  };
  if (namesAt(clause).some((n) => recipient(n.name))) return null;
  const said = [...new Set(contentWords(clause))];
  const bags = [...pool, ...facts].map((src) => src.bag);
  const missing = said.filter((w) => !bags.some((b) => wordIn(w, b) || derivedIn(w, b)));
  if (said.length === 0 || (said.length - missing.length) / said.length >= APPENDED_MIN_COVERAGE - 1e-9) return null;
  const absolute = words(clause).some((w) => ABSOLUTES.has(w) && !pool.some((s) => wordIn(w, s.bag)));
  if (missing.length < (absolute ? 1 : APPENDED_MIN_MISSING)) return null;
  return {
    clause: m[0]
      .replace(/^,\s*/, "")
      .replace(/\s*[.!?]\s*$/, "")
      .trim(),
    words: missing,
  };
}
