/**
 * A sentence of an answer that opens with a subject pronoun takes up the name the sentence before it opens with:
 * « La DINUM a renoncé à passer ses postes sous Linux [1]. Elle garde Windows pour ses propres agents [1]. » — the
 * second says « La DINUM garde Windows », which the passage contradicts (« La DINUM a annoncé qu'elle abandonnait
 * Windows au profit de postes de travail sous Linux »), but its own words name nobody (trial16 C3). The rules that read
 * what a named subject did (`outcomes.ts`, `against.ts`…) read it with that name in the pronoun's place.
 */
import { escapeRegExp } from "../core/text.ts";
import { wordAlternation, wordListEntries } from "../i18n/word-lists.ts";
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

/** Words opening a spoken question that are not what it asks about (`question-subject-skips.txt`). */
const NOT_SUBJECTS = new Set(wordListEntries("question-subject-skips.txt").map((w) => w.toLowerCase()));

/** Words a short answer opens with before what it states (`answer-particles.txt`). */
const ANSWER_PARTICLES = wordListEntries("answer-particles.txt");

/** A short answer's opening: an answer particle (« Oui, », « Non, »), then « c'est », « ce n'est » or « il / elle est ». */
const ANSWER_PRONOUN = new RegExp(
  String.raw`^(\s*[>*_•-]*\s*)(?:(?:${wordAlternation(ANSWER_PARTICLES)})\s*,\s*)?(?:c['’]\s*(?=est\b)|ce\s+(?=n['’]\s*est\b)|(?:il|elle|ils|elles)\s+(?=(?:est|sont|n['’]\s*est|ne\s+sont)\b))`,
  "iu",
);

/**
 * What a question asks about when it opens with it, in the spoken form « zoom c'est légal pour une mairie ? »,
 * « kaspersky c'est russe ? », « nextcloud elle est à qui ? »: the words before « c'est » / « il est » (at most three),
 * written as the given texts write them (« Kaspersky »), or with a capital; null when the question opens otherwise.
 */
export function questionSubject(question: string, texts: string[]): string | null {
  const m =
    /^\s*((?:[\p{L}\p{N}-]+\s+){0,2}[\p{L}\p{N}-]+)\s+(?:c['’]\s*est|c\s+est|(?:il|elle|ils|elles)\s+(?:est|sont))\b/iu.exec(
      question,
    );
  if (!m || NOT_SUBJECTS.has(m[1]!.split(/\s+/)[0]!.toLowerCase())) return null;
  const subject = m[1]!;
  const written = texts
    .map((t) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(subject)}(?![\\p{L}\\p{N}])`, "iu").exec(t)?.[0])
    .find((x) => x !== undefined);
  return written ?? subject.replace(/(?<![\p{L}\p{N}])\p{Ll}/gu, (c) => c.toUpperCase());
}

/**
 * A short answer whose subject is a pronoun (« Non, il est suisse [1]. », « C'est une entreprise américaine [1]. »),
 * with the name it stands for in its place and without its answer particle (« Kaspersky est suisse »): the name the
 * sentence before opens with, or, for the answer's first sentence, what the question asks about (`questionSubject`).
 * Null when the sentence does not open so, or no name is found.
 */
export function answerWithSubject(sentence: string, earlier: string, question: string, texts: string[]): string | null {
  const m = ANSWER_PRONOUN.exec(sentence);
  if (!m) return null;
  const before = sentenceSpans(earlier)
    .at(-1)
    ?.text.replace(new RegExp(String.raw`^\s*(?:${wordAlternation(ANSWER_PARTICLES)})\s*,\s*`, "iu"), "");
  const name = before ? openingSubject(before) : question ? questionSubject(question, texts) : null;
  if (!name) return null;
  const rest = sentence.slice(m[0].length);
  return `${m[1]}${name} ${rest}`;
}
