/**
 * An invented reason (faithful24): the sentence gives a choice or a decision a reason in the words a cited passage
 * uses for it (« a relié ce choix à », « son motif principal était »), where the passage gives another one (« a relié ce
 * choix à l'élection de Donald Trump » for « … à la hausse des prix de Microsoft » ; « la souveraineté, pas l'économie »
 * for « l'économie »). The expressions are data (`server/i18n/fr/cause-words.txt`); `server/verify/index.ts` turns
 * what it finds into a reason.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { NEGATION, short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

/** What « … » stands for in an expression: one to three words, no punctuation between them. */
const GAP = "(?:\\s+[^\\s,;:.()\\[\\]]+){1,3}\\s+";
/** Each expression of the list, folded, as a pattern followed by the reason up to the end of the clause. */
const CAUSES: RegExp[] = wordListLines("cause-words.txt").map(
  (line) =>
    new RegExp(
      `(?<!\\p{L})${line
        .split(/\s*…\s*/)
        .map((p) => escapeRegExp(foldApostrophes(p)).replace(/'/g, "['’]"))
        .join(GAP)}(?!\\p{L})\\s*([^.;:()\\[\\]]{2,160})`,
      "u",
    ),
);
/** Where the reason a passage gives ends and the one it sets aside begins. */
const SET_ASIDE = /,?\s+(?:pas|et non|non|plutôt que|plutot que|mais pas)\s.*$/u;
/** Least content words of its own (before the expression) a sentence must share with the passage's sentence. */
export const CAUSE_FRAME_MIN_SHARED = 1;

/** The folded text's reason after expression `k`, and the words before it, or null. */
function reasonOf(folded: string, k: number): { before: string; reason: string } | null {
  const m = CAUSES[k]!.exec(folded);
  return m ? { before: folded.slice(0, m.index), reason: m[1]! } : null;
}

/**
 * A sentence, without negation, giving a reason by an expression that a cited sentence sharing its frame (the words
 * before it, when it has some) also writes, with a reason (what it does not set aside) having none of the sentence's
 * reason's words: the passage's sentence, or null.
 */
export function reasonReplaced(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text)) return null;
  const folded = foldApostrophes(text);
  const cited = pool.flatMap((src) => src.sentences.filter((ss) => !ss.inHeading));
  for (let k = 0; k < CAUSES.length; k++) {
    const mine = reasonOf(folded, k);
    if (!mine) continue;
    const said = [...new Set(contentWords(mine.reason))];
    if (said.length === 0) continue;
    const frame = [...new Set(contentWords(mine.before))];
    for (const ss of cited) {
      const theirs = reasonOf(foldApostrophes(ss.text), k);
      if (!theirs) continue;
      const bag = bagOf(ss.text);
      if (frame.length > 0 && frame.filter((w) => inBag(w, bag)).length < CAUSE_FRAME_MIN_SHARED) continue;
      const given = bagOf(theirs.reason.replace(SET_ASIDE, ""));
      if (contentWords(theirs.reason.replace(SET_ASIDE, "")).length === 0) continue;
      if (said.some((w) => inBag(w, given))) continue;
      return short(ss.text);
    }
  }
  return null;
}
