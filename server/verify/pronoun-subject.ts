/**
 * A sentence of an answer that opens with a subject pronoun takes up the name the sentence before it opens with:
 * « La DINUM a renoncé à passer ses postes sous Linux [1]. Elle garde Windows pour ses propres agents [1]. » — the
 * second says « La DINUM garde Windows », which the passage contradicts (« La DINUM a annoncé qu'elle abandonnait
 * Windows au profit de postes de travail sous Linux »), but its own words name nobody (trial16 C3). The rules that read
 * what a named subject did (`outcomes.ts`, `against.ts`…) read it with that name in the pronoun's place.
 */
import { namesAt, openingName } from "./proper-nouns.ts";
import { sentenceSpans, withoutReferences } from "./sentences.ts";

/** A subject pronoun opening a sentence, and the word after it (a verb, or a negation). */
const PRONOUN = /^(\s*[>*_•-]*\s*)(?:Il|Elle|Ils|Elles)(?=\s+\p{L})/u;

/** An article, then a run of capitalised words (« La DINUM », « L'État », « Le conseil municipal de Munich » not). */
const ARTICLE_NAME = /^\s*((?:Le|La|Les|L['’])\s*\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’&-]*)*)\s+\p{Ll}/u;

/** The name the sentence opens with, as its subject (article kept: « La DINUM »), or null. */
export function openingSubject(sentence: string): string | null {
  const text = withoutReferences(sentence).replace(/^[\s>*_#•-]+/u, "");
  const withArticle = ARTICLE_NAME.exec(text);
  if (withArticle) return withArticle[1]!;
  const names = namesAt(text);
  // A run of names from the start (« Quimper Bretagne Occidentale a lancé … », « QBO a … »).
  if (names[0]?.at === 0) {
    let end = names[0].name.length;
    for (const n of names.slice(1)) {
      if (!/^\s+$/.test(text.slice(end, n.at))) break;
      end = n.at + n.name.length;
    }
    return text.slice(0, end);
  }
  return openingName(text);
}

/**
 * The sentence with the name the sentence before it opens with in place of its opening subject pronoun (« Elle garde
 * Windows » → « La DINUM garde Windows »), or null when it does not open with one or the sentence before does not open
 * with a name.
 */
export function withNamedSubject(sentence: string, earlier: string): string | null {
  const pronoun = PRONOUN.exec(sentence);
  if (!pronoun) return null;
  const before = sentenceSpans(earlier).at(-1)?.text;
  const name = before ? openingSubject(before) : null;
  if (!name) return null;
  return `${pronoun[1]}${name}${sentence.slice(pronoun[0].length)}`;
}
