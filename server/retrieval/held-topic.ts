/**
 * Answerable questions the abstention rules refused (held-out-24, thirty-fifth series): what shows that a word the
 * corpus never uses is a verb, not what is asked, and that an acronym the corpus writes a few times is what a passage
 * read defines. Each function is an exception a step of `relevance.ts` asks; none decides by itself.
 */
import { fold } from "../core/text.ts";
import { wordAlternation, wordListSections } from "../i18n/word-lists.ts";
import { stem as frStem, words } from "./french.ts";
import { FRAME, isGeneric, isLight, type QuestionTerm, STOPWORDS } from "./lexicon.ts";
import { DETERMINERS } from "./names-places.ts";

const LISTS = wordListSections("held-topic.txt");
/** Folded, apostrophes straight. */
const folded = (text: string) => fold(text).replace(/[’]/g, "'");
/** Before a past participle: an auxiliary, its object pronoun glued (« l'a »), « c'est » (`held-topic.txt`). */
const AUXILIARY = wordAlternation((LISTS.get("auxiliaires") ?? []).map(folded));
/** Before an infinitive: a verb of mood or of near future (`held-topic.txt`). */
const MODAL = wordAlternation((LISTS.get("modaux") ?? []).map(folded));
/** Endings of a folded past participle (« condamne », « decoupee », « venu », « mis », « fait »). */
const PARTICIPLE = /(?:e|ee|es|ees|i|ie|is|ies|u|ue|us|ues|t|te|ts|tes)$/;
/** Endings of a folded infinitive (« ecrire », « prevenir », « migrer »). */
const INFINITIVE = /(?:er|ir|re)$/;

/** Before « a » typed without its accent, the subjects that make it the auxiliary, not « à » (`held-topic.txt`). */
const SUBJECTS = new Set((LISTS.get("sujets") ?? []).map(folded));

/**
 * Whether `word` (folded) is, in the question, a past participle after an auxiliary (« le tribunal a condamné … »,
 * « il l'a découpée en combien … », « a été racheté ») or an infinitive after a verb of mood (« on veut écrire … »):
 * a verb the corpus may never write, whose subject and object are what the question is about. « a » alone is the
 * auxiliary only after its subject: a pronoun or « qui » (« qui a restructuré »), or a noun after its determiner (« le
 * tribunal a condamné ») — not « à » typed without its accent (« combien nis2 coûte a tarbes », « passer a … »).
 */
export function verbForm(question: string, word: string): boolean {
  if (!/^[a-z]+$/.test(word) || STOPWORDS.has(word)) return false;
  const text = ` ${folded(question)}`;
  const after = (list: string, ending: RegExp) =>
    ending.test(word) && new RegExp(`[^a-z'](?:${list})\\s+${word}(?![a-z])`).test(text);
  if (after(AUXILIARY, PARTICIPLE) || after(MODAL, INFINITIVE)) return true;
  if (!PARTICIPLE.test(word)) return false;
  return [...text.matchAll(new RegExp(`([a-z']+)\\s+([a-z']+)\\s+a\\s+${word}(?![a-z])`, "g"))].some(
    (m) => SUBJECTS.has(m[2]!) || DETERMINERS.has(m[1]!.replace(/^[dlq]u?'/, "")) || /^l'/.test(m[2]!),
  );
}

/** « c'est quoi un OSPO ? », « c'était quoi le SNAP ? »: the question asks what a name means (`held-topic.txt`). */
const DEFINITION_ASKED = new RegExp(
  `(?:^|[^a-z])(?:${wordAlternation((LISTS.get("définition") ?? []).map(folded))})(?![a-z])`,
);

/** « … » (Open Source Program Office) »: an acronym, in quotes or not, then what it stands for in brackets (group 1). */
const ACRONYM_THEN_FULL =
  /(?<![\p{L}\p{N}])[«"]?\s*(\p{Lu}[\p{Lu}\p{N}]{1,9})\s*[»"]?\s+\((\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+)+)\)/gu;
/** What an acronym stands for, its last two words, then the acronym in brackets (group 2): « … de l'agent public » (SNAP) ». */
const FULL_THEN_ACRONYM = /([\p{L}'’-]+\s+[\p{L}'’-]+)\s*[»”"]?\s+\((\p{Lu}[\p{Lu}\p{N}]{1,9})\)/gu;

/**
 * The acronyms (folded) the passages read define, anywhere in their text, when the question asks what one means
 * (« c'est quoi un OSPO ? » and OW2's « un « OSPO » (Open Source Program Office) est le service chargé … »): that
 * passage answers it, though the corpus writes the acronym only a few times and not in a heading. Empty for another
 * question: an acronym defined in passing does not make a passage about it.
 */
export function acronymsDefinedForAsker(question: string, texts: string[]): Set<string> {
  if (!DEFINITION_ASKED.test(folded(question))) return new Set();
  return new Set(
    texts.flatMap((text) => [
      ...[...text.matchAll(ACRONYM_THEN_FULL)].map((m) => fold(m[1]!)),
      ...[...text.matchAll(FULL_THEN_ACRONYM)].map((m) => fold(m[2]!)),
    ]),
  );
}

/** Most small words (articles, « de ») or numbers between two words of a phrase a passage writes. */
const PHRASE_GAP = 3;

/**
 * Whether a passage read writes the question's own words (`own`, folded, two or more) as one phrase, in their order,
 * with only small words or numbers between (« qui mettre dans le comité de pilotage ? » and « réunir un comité de
 * pilotage associant … », « la surconformité des banques » and « la surconformité de banques non américaines »,
 * « L.123-4-1 c'est quel code ? » and « article L.123-4-1 du code de l'éducation »): what the question is about is
 * what that passage speaks of, though the corpus uses those words only in passing.
 */
export function phraseHeld(own: string[], texts: string[]): boolean {
  if (own.length < 2) return false;
  const stems = own.map(frStem);
  const same = (w: string, s: string) => {
    const t = frStem(w);
    return t === s || (Math.min(t.length, s.length) >= 4 && (t.startsWith(s) || s.startsWith(t)));
  };
  return texts.some((text) => {
    const list = words(text);
    return list.some((w, i) => {
      if (!same(w, stems[0]!)) return false;
      let at = i;
      for (const s of stems.slice(1)) {
        let k = at + 1;
        while (k < list.length && k <= at + 1 + PHRASE_GAP && !same(list[k]!, s)) {
          if (!STOPWORDS.has(list[k]!) && !/^\d+$/.test(list[k]!)) return false;
          k++;
        }
        if (k >= list.length || k > at + 1 + PHRASE_GAP) return false;
        at = k;
      }
      return true;
    });
  });
}

/**
 * The words a question says its topic with, in its order, for `phraseHeld`: not its dates, verbs, everyday or framing
 * words, nor who asks; the domain's general words kept (« les initiatives européennes »), one other word at least.
 */
export function phraseWords(question: string, terms: QuestionTerm[]): string[] {
  const own = terms.filter(
    (t) =>
      !t.date && !t.verb && !t.modifier && !t.user && !isLight(t) && !FRAME.has(t.word) && !verbForm(question, t.word),
  );
  return own.some((t) => !isGeneric(t)) ? own.flatMap((t) => t.word.split(" ")) : [];
}

/** Shortest word read as another with one letter left out by a slip (« obligaion »): shorter ones meet real words by chance. */
const MISSING_LETTER_LENGTH = 8;

/**
 * The words one left-out letter away from a folded word the corpus never uses: a doubled letter typed once (« comune »
 * → « commune », checked against the corpus), or, in a long word, any letter left out (« obligaion » → « obligation »,
 * checked against the words of the passages read). `doubled` first.
 */
export function leftOutLetters(word: string): { doubled: string[]; any: string[] } {
  const doubled = new Set<string>();
  const any = new Set<string>();
  for (let i = 0; i < word.length; i++) doubled.add(word.slice(0, i + 1) + word.slice(i));
  if (word.length >= MISSING_LETTER_LENGTH)
    for (let i = 0; i <= word.length; i++)
      for (const letter of "abcdefghijklmnopqrstuvwxyz") any.add(word.slice(0, i) + letter + word.slice(i));
  return { doubled: [...doubled], any: [...any].filter((w) => !doubled.has(w)) };
}
