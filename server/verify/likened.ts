/**
 * A sentence likening its subject to what the cited passage sets against it (faithful-blind-21: « Comme le CLOUD Act,
 * elle sert surtout des enquêtes judiciaires » where the passage says « Contrairement au CLOUD Act, qui sert des
 * enquêtes, la section 702 relève du renseignement »): the passage opposes what the sentence joins.
 *
 * Flagged when the sentence opens on a likening phrase (`[comme]` of `server/i18n/fr/likened.txt`) followed by a thing,
 * and a cited sentence writes a contrasting phrase (`[contrairement]`) followed by the same thing (its first content
 * word or name, and every other content word of it the sentence writes before its comma).
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords } from "./words.ts";

const LISTS = wordListSections("likened.txt");
const alternation = (section: string) =>
  [...(LISTS.get(section) ?? [])]
    .sort((a, b) => b.length - a.length)
    .map((e) => escapeRegExp(fold(e)).replace(/\s+/g, "\\s+").replace(/'/g, "['’]"))
    .join("|");
/** « Comme le CLOUD Act, … »: the thing likened, up to the comma (folded text). */
const LIKENING = new RegExp(`^\\s*(?:${alternation("comme")})\\s+([^,;:]{2,60}),`, "u");
/** « Contrairement au CLOUD Act, … »: the thing set against, up to the next comma or clause end (folded text). */
const CONTRASTING = new RegExp(`(?<!\\p{L})(?:${alternation("contrairement")})\\s*([^,;:.()]{2,60})`, "gu");

/** The cited sentence's contrasting phrase, quoted, or null. */
export function likenedAgainst(stated: string, pool: Source[]): string | null {
  const m = LIKENING.exec(fold(withoutReferences(stated)));
  if (!m) return null;
  const thing = contentWords(m[1]!);
  if (!thing.length) return null;
  for (const src of pool)
    for (const ss of src.sentences.filter((x) => !x.inHeading)) {
      const text = withoutReferences(ss.text);
      const folded = fold(text);
      for (const c of folded.matchAll(CONTRASTING)) {
        const theirs = contentWords(c[1]!);
        if (theirs[0] === thing[0] && thing.every((w) => theirs.includes(w))) return short(text.slice(c.index!).trim());
      }
    }
  return null;
}
