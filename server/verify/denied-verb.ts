/**
 * A verb the cited passage denies of a thing, stated of it without a negation (trial15 A7): « NIS2 interdit les
 * fournisseurs non européens dans la chaîne d'approvisionnement » where the passage says « NIS2 n'est pas un texte sur
 * la souveraineté : il n'interdit aucun fournisseur selon sa nationalité ». The verbs are data
 * (`server/i18n/fr/denied-verbs.txt`); the object is the first content word after the verb; the passage's clause
 * denies the same verb before the same object, its subject (or the one its pronoun stands for) is a word the sentence
 * writes before the verb, and no cited clause states the verb of that object.
 */
import { foldApostrophes } from "../core/text.ts";
import { derivedIn } from "../retrieval/derivations.ts";
import { stem, synonymsOf } from "../retrieval/french.ts";
import { withPronounSubjects } from "./contrast.ts";
import { NEGATION, polarityClauses, short } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { type Bag, bagOf, contentWords, inBag, WEAK, wordList, words } from "./words.ts";

/** The verb forms, folded. */
const VERBS = new Set(wordList("denied-verbs.txt").map((w) => foldApostrophes(w)));

/** Words between a verb and its object (determiners, prepositions, « s' » of a pronominal verb). */
const BETWEEN = new Set(
  "le la les l un une des du de d au aux a leur leurs ses son sa nos notre vos votre ce cette ces tout tous toute toutes certains certaines".split(
    " ",
  ),
);
/** Negation words after a verb (« n'interdit aucun », « ne s'applique pas »). */
const DENIAL_AFTER = new Set(["pas", "aucun", "aucune", "jamais", "plus", "nullement", "guere"]);
/** A verb denied (« n'interdit aucun », « ne s'applique pas »), folded: the verb, then the words after the negation. */
const DENIED =
  /(?<!\p{L})(?:ne\s+|n')(?:s'|se\s+)?(\p{L}+)\s+(?:pas|aucun|aucune|jamais|plus|nullement|guere)(?!\p{L})((?:[\s']+\p{L}+){0,4})/gu;
/** Words after the negation, at most, in which the object is looked for. */
const OBJECT_REACH = 4;

/** The stem of the object of the verb at `i` of a word list: its first content word, within three words. */
function objectOf(list: string[], i: number, from = i + 1): string | null {
  for (let k = from; k < Math.min(list.length, from + OBJECT_REACH); k++) {
    const w = list[k]!;
    if (BETWEEN.has(w) || DENIAL_AFTER.has(w)) continue;
    return contentWords(w).length > 0 && !WEAK.has(w) ? stem(w) : null;
  }
  return null;
}

/** The cited clause denying a verb the sentence states of the same object and subject: a short quote, or null. */
export function deniedVerbStated(stated: string, pool: Source[]): string | null {
  if (NEGATION.test(stated)) return null;
  const list = words(stated);
  const clauses = pool.flatMap((src) =>
    src.sentences.filter((ss) => !ss.inHeading).flatMap((ss) => polarityClauses(ss.text)),
  );
  const read = withPronounSubjects(clauses).map((c, i) => ({
    text: clauses[i]!,
    bag: bagOf(c),
    list: words(c),
    folded: foldApostrophes(clauses[i]!),
  }));
  for (const [i, w] of list.entries()) {
    if (!VERBS.has(w)) continue;
    const object = objectOf(list, i);
    if (!object) {
      const without = deniedWithout(stated, list, i, read);
      if (without) return short(without);
      continue;
    }
    const subject = contentWords(list.slice(0, i).join(" ")).filter((x) => !WEAK.has(x));
    if (subject.length === 0) continue;
    // The subject by a word of the same sense (« la commune » for « la mairie »: `server/i18n/fr/synonyms.txt`).
    const named = (bag: Bag) =>
      subject.some((s) => inBag(s, bag) || synonymsOf(s).some((x) => !x.includes(" ") && inBag(x, bag, false)));
    const verb = stem(w);
    let against: string | null = null;
    for (const c of read) {
      // « n'interdit aucun fournisseur », « ne s'applique pas aux collectivités »: the negation right around the verb.
      const denials = [...c.folded.matchAll(DENIED)].filter(
        (m) => stem(m[1]!) === verb && objectOf(words(m[2]!), -1, 0) === object,
      );
      const stating = c.list.some(
        (x, k) => stem(x) === verb && objectOf(c.list, k) === object && !DENIAL_AFTER.has(c.list[k + 1] ?? ""),
      );
      if (stating && denials.length === 0) {
        against = "";
        break;
      }
      if (denials.length > 0 && against === null && named(c.bag)) against = c.text;
    }
    if (against) return short(against);
  }
  return null;
}

/** « sans créer d'obligation », « sans y être obligée »: « sans » and the two words after it (pronoun, verb, object). */
const WITHOUT = /(?<!\p{L})sans\s+((?:[\p{L}]+['’\s]+){0,2}[\p{L}]+)/giu;

/**
 * A verb the sentence states whose noun or participle a cited clause denies with « sans » (faithful-blind-5: « L'article
 * 16 de la loi de 2016 oblige les collectivités à utiliser le logiciel libre » where the passage says « il se contente
 * d'« encourager » le logiciel libre sans créer d'obligation »): the clause names the sentence's subject (or its pronoun
 * stands for it) and a word the sentence writes after the verb, and no cited clause writes the verb's family without
 * « sans ». The clause, or null.
 */
function deniedWithout(
  stated: string,
  list: string[],
  i: number,
  read: { text: string; bag: Bag; folded: string }[],
): string | null {
  const verb = list[i]!;
  const subject = contentWords(list.slice(0, i).join(" ")).filter((x) => !WEAK.has(x));
  const after = contentWords(list.slice(i + 1).join(" ")).filter((x) => !WEAK.has(x));
  if (subject.length === 0 || after.length === 0) return null;
  const family = (x: string) => contentWords(x).some((w) => derivedIn(verb, bagOf(w)));
  let against: string | null = null;
  for (const c of read) {
    const denied = [...c.text.matchAll(WITHOUT)].some((m) => family(m[1]!));
    const rest = c.text.replace(WITHOUT, " ");
    if (!denied) {
      if (family(rest)) return null;
      continue;
    }
    if (family(rest)) return null;
    if (against === null && subject.some((s) => inBag(s, c.bag)) && after.some((w) => inBag(w, c.bag)))
      against = c.text;
  }
  return against && !NEGATION.test(stated) ? against : null;
}
