/**
 * A reason the cited passages do not carry (trial13 A6, A8): « Munich est revenue à Windows parce que les agents
 * jugeaient LiMux trop lent et que la maintenance coûtait trop cher » where the passage gives « la productivité des
 * agents, jugée insuffisante » and « le coût total de possession »; « … abandonné parce qu'il coûtait trop cher » where
 * it gives « après un changement de majorité municipale ». `cause.ts` compares a reason with the one the passage gives
 * in the same words (« a relié ce choix à … »); this rule needs no such words in the passage: the reason's own words
 * must be there. The expressions are data (`server/i18n/fr/reason-clauses.txt`).
 */
import { escapeRegExp } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { derivedIn } from "../retrieval/derivations.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, wordIn, words } from "./words.ts";

const LISTS = wordListSections("reason-clauses.txt");
/** Words that say where a reason comes from, not what it is (« montre », « exemple »), folded. */
const UNWEIGHTED = new Set((LISTS.get("mots sans poids") ?? []).flatMap((w) => words(w)));

/** An expression of the list, then the reason up to the end of its clause. */
const REASON = new RegExp(
  `(?<!\\p{L})(?:${(LISTS.get("tournures") ?? [])
    // Accents kept: the sentence is matched as written (« à cause de »; folded, it never matched).
    .map((l) => l.replace(/’/g, "'").toLowerCase())
    .sort((a, b) => b.length - a.length)
    // An elided form (« parce qu' ») runs into the next word; a whole one ends with its word.
    .map((l) => escapeRegExp(l).replace(/'/g, "['’]").replace(/\s+/g, "\\s+") + (l.endsWith("'") ? "" : "(?!\\p{L})"))
    .join("|")})\\s*([^.;:!?,()\\[\\]]{3,200})`,
  "iu",
);

/** Least words of a reason missing from the cited passages for it to be invented, and least share of its words. */
export const REASON_MIN_MISSING = 2;
export const REASON_MIN_MISSING_SHARE = 1 / 3;
/** Most content words of a reason of which one missing word is enough. */
export const REASON_SHORT_WORDS = 2;

/**
 * The reason a sentence gives (after « parce que », « en raison de »…) and its content words the cited passages do not
 * write (nor a word of their family), when at least `REASON_MIN_MISSING` of them (one, for a reason of
 * `REASON_SHORT_WORDS` words) and `REASON_MIN_MISSING_SHARE` of its words are missing; else null.
 */
export function reasonUnsaid(stated: string, pool: Source[]): { reason: string; words: string[] } | null {
  const text = withoutReferences(stated);
  const m = REASON.exec(text);
  if (!m || pool.length === 0) return null;
  const reason = m[1]!.trim();
  const said = [...new Set(contentWords(reason))].filter((w) => !UNWEIGHTED.has(w));
  if (said.length < REASON_MIN_MISSING) return null;
  const bags = pool.map((src) => src.bag);
  const missing = said.filter((w) => !bags.some((b) => wordIn(w, b) || derivedIn(w, b)));
  // A reason of two words, one of them missing, is half invented (« parce que les agents le rejetaient » where the
  // passage gives « après un changement de majorité municipale », trial15 A14).
  const least = said.length <= REASON_SHORT_WORDS ? 1 : REASON_MIN_MISSING;
  if (missing.length < least || missing.length / said.length < REASON_MIN_MISSING_SHARE - 1e-9) return null;
  return { reason, words: missing };
}
