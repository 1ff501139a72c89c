/**
 * A thing swapped for another of the same kind (trial7, A3): « un logiciel de paie incompatible avec Linux » where the
 * cited passage says « un logiciel d'état civil incompatible avec Linux ». A sentence with figures is held to its
 * figures and names, not to each of its words: the complement of a noun the passage writes with another complement is
 * checked here. `server/verify/index.ts` turns what it finds into a reason.
 */
import { extractFigures } from "./figures.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, sameThing, WEAK, wordIn, words } from "./words.ts";

/** A noun and its complement (« logiciel de paie », « logiciel d'état civil »). */
const COMPLEMENT = /(?<!\p{L})(\p{L}{3,})\s+(?:de\s+la\s+|de\s+l['’]\s*|de\s+|d['’]\s*|du\s+|des\s+)(\p{L}{3,})/giu;

/** A common word of four letters or more that says something (« paie », « cartographie »; not « CPI », « eux », « ces »). */
const common = (word: string) =>
  /^\p{Ll}{4,}$/u.test(word) &&
  !INFINITIVE.test(word) &&
  contentWords(word).length > 0 &&
  !WEAK.has(contentWords(word)[0]!);
/** An infinitive (« envisageait de substituer »): what follows a verb, not a thing. */
const INFINITIVE = /(?:er|ir|re)$/u;

/** Least content words (besides the noun and its complement) a sentence must share with the cited sentence. */
export const COMPLEMENT_MIN_SHARED = 3;

/**
 * The noun and complement of the sentence, and those of the cited sentence, where the sentence's complement is in no
 * cited passage and the cited sentence carrying the rest of the sentence (at least three of its words) writes the
 * same noun with another complement: « logiciel de paie » and « logiciel d'état civil », or null.
 */
export function complementSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  // A sentence without figures has each of its words checked (« l'essentiel de la phrase »); « le guichet des
  // habitants » for « le guichet d'accueil » is a paraphrase there.
  if (extractFigures(stated).length === 0) return null;
  const sentences = pool.flatMap((s) =>
    s.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)),
  );
  for (const m of stated.matchAll(COMPLEMENT)) {
    const [noun] = words(m[1]!);
    const [complement] = contentWords(m[2]!);
    // A common word of its own (« paie »), not a name (« procureur de la CPI », « agents de Montrenard »: the name
    // checks' business) nor a pronoun (« autour d'eux »).
    if (!noun || !complement || !common(m[2]!) || WEAK.has(noun) || contentWords(noun).length === 0) continue;
    // Found in the passages, or a word they write in its place (« ordinateurs » for « postes »).
    if (pool.some((s) => wordIn(complement, s.bag) || sameThing(complement, s.bag))) continue;
    const rest = contentWords(stated).filter((w) => w !== noun && w !== complement);
    for (const t of sentences) {
      const bag = bagOf(t);
      if (rest.filter((w) => inBag(w, bag)).length < COMPLEMENT_MIN_SHARED) continue;
      const theirs = [...t.matchAll(COMPLEMENT)].find((x) => words(x[1]!)[0] === noun && common(x[2]!));
      if (theirs) return { name: m[0], other: theirs[0] };
    }
  }
  return null;
}
