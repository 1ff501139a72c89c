/**
 * A decision turned into its refusal without a negation word (trial15 A13): « La DINUM a renoncé à passer ses postes
 * sous Linux » where the cited passage says she leaves Windows for Linux, « Le conseil municipal a refusé en 2017 le
 * retour à Windows » where it voted it, « Elle garde Windows » where she leaves it. The refusal is read as the negation
 * it stands for (`server/i18n/fr/refusal-verbs.txt`, data: « a renoncé à » → « n'a pas ») and the sentence so read is
 * compared with the cited passages as a negating sentence is (`contradicted`), when a cited passage reports the act
 * on the same object (`server/i18n/fr/decision-acts.txt`: « a voté le retour »). Nothing is said when a cited passage
 * writes the refusal verb itself, or when the sentence already negates.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { stem } from "../retrieval/french.ts";
import { contradicted } from "./contradiction.ts";
import { NEGATION } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, wordLines, wordList, words } from "./words.ts";

/** Verbs reporting the act a refusal would deny (`server/i18n/fr/decision-acts.txt`), folded. */
const ACTS = new Set(wordList("decision-acts.txt").map((w) => foldApostrophes(w)));
/** Words between a verb and its object: determiners, « à », « de », « en » and a year (« a refusé en 2017 le retour »). */
const BEFORE_OBJECT = /^(?:(?:le|la|les|l'|un|une|des|du|de|d'|au|aux|à|a|ses|son|sa|leur|leurs|en|\d{4})\s*)*/u;
/** Words after an act verb in which its object is looked for, at most. */
const ACT_REACH = 3;

/** The stem of the first content word of a text (what a refusal bears on), or null. */
function objectOf(text: string): string | null {
  const rest = text.replace(BEFORE_OBJECT, "");
  const first = words(rest)[0];
  return first && contentWords(first).length > 0 ? stem(first) : null;
}

/**
 * Whether a cited sentence reports the act on the refusal's object: an act verb followed, without punctuation and
 * within three words, by a word of the object's stem (« a voté le retour »); or, the object itself an act (« a renoncé à
 * passer ses postes sous Linux »), any act verb (« abandonnait Windows au profit de postes … sous Linux »).
 */
function actReported(object: string, objectWord: string, pool: Source[]): boolean {
  const isAct = ACTS.has(objectWord);
  return pool.some((src) =>
    src.sentences.some((ss) =>
      foldApostrophes(ss.text)
        .split(/[,;:.!?()«»—–]/u)
        .some((part) => {
          const list = words(part);
          return list.some(
            (w, i) => ACTS.has(w) && (isAct || list.slice(i + 1, i + 1 + ACT_REACH).some((x) => stem(x) === object)),
          );
        }),
    ),
  );
}

/** Each refusal expression (folded, as a pattern between word limits), the negation read in its place, its verb's stem. */
const REFUSALS = wordLines("refusal-verbs.txt")
  .filter((l) => l.includes("|"))
  .map((l) => {
    const [expression, negation] = l.split("|").map((x) => foldApostrophes(x.trim())) as [string, string];
    const verb = words(expression).find((w) => w.length > 2 && w !== "ont")!;
    return {
      pattern: new RegExp(
        `(?<![\\p{L}'])${escapeRegExp(expression).replace(/'/g, "['’]").replace(/\s+/g, "\\s+")}(?!\\p{L})`,
        "u",
      ),
      negation,
      verb: stem(verb),
    };
  });

/** The cited clause a refusal of the sentence, read as a negation, contradicts: a short quote of it, or null. */
export function refusalAgainst(stated: string, pool: Source[]): string | null {
  if (NEGATION.test(stated)) return null;
  const folded = foldApostrophes(stated);
  const cited = pool.flatMap((src) => src.sentences.flatMap((ss) => words(ss.text).map(stem)));
  for (const { pattern, negation, verb } of REFUSALS) {
    const m = pattern.exec(folded);
    if (!m || cited.includes(verb)) continue;
    const rest = folded.slice(m.index + m[0].length).trimStart();
    const object = objectOf(rest);
    const objectWord = words(rest.replace(BEFORE_OBJECT, ""))[0] ?? "";
    if (!object || !actReported(object, objectWord, pool)) continue;
    const quote = contradicted(folded.replace(pattern, negation), pool);
    if (quote) return quote;
  }
  return null;
}
