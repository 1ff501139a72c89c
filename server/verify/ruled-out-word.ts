/**
 * What the cited passage rules out, stated by its very word (faithful-blind-21: « Un audit a confirmé ces économies »
 * where the passage says « Il s'agit d'une estimation du ministère lui-même, non d'un bilan audité »). `contrast.ts`
 * flags a clause that states every word of the ruled-out part; a sentence often takes up one of them only, in another
 * form (« audit » for « audité »).
 *
 * Flagged when the sentence, which neither negates nor sets anything aside itself (`instead-of.txt`), writes a content
 * word (by stem) that the cited passages write only in a part they rule out (« et non », « , non d'un »,
 * `contrast-negations.txt`) — or two such words, only in a clause they deny, from its negation to its end (« il ne
 * supprime ni le CLOUD Act ni la section 702 » for « Il met aussi fin à l'exposition des données au CLOUD Act »):
 * nowhere in a body sentence outside such a part. Headings (titles name topics) are not read.
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { ruledOut } from "./contrast.ts";
import { NEGATION, short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords } from "./words.ts";

/** « plutôt que », « au lieu de » (`server/i18n/fr/instead-of.txt`): the sentence sets something aside itself. */
const INSTEAD_OF = new RegExp(
  `(?<!\\p{L})(?:${wordListLines("instead-of.txt")
    .map((l) => escapeRegExp(fold(l)).replace(/\s+/g, "\\s+").replace(/'/g, "['’]"))
    .join("|")})`,
  "u",
);

const DENIAL = new RegExp(NEGATION.source, "giu");
/**
 * Least words of the sentence a denied clause (« ne … pas », « ni … ni », « sans ») must be alone to write: one word may
 * be the sentence's own precision (« les produits achetés » beside « pas sur les collectivités acheteuses »); a part
 * ruled out by « et non », « , non d'un » takes one.
 */
export const DENIED_MIN_WORDS = 2;

/** The sentence's word and the passage's ruled-out phrase, or null. */
export function ruledOutWordStated(stated: string, pool: Source[]): { word: string; quote: string } | null {
  const text = withoutReferences(stated).replace(/\[\d+\]/g, " ");
  if (NEGATION.test(text) || ruledOut(text).length > 0 || INSTEAD_OF.test(fold(text))) return null;
  const body = pool.flatMap((src) =>
    src.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)),
  );
  const ruled: { stems: Set<string>; quote: string; need: number }[] = [];
  const elsewhere = new Set<string>();
  for (const t of body) {
    let rest = t;
    for (const r of ruledOut(t)) {
      ruled.push({ stems: new Set(contentWords(r.part).map(stem)), quote: `${r.marker}${r.part}`, need: 1 });
      rest = rest.replace(`${r.marker}${r.part}`, " ");
    }
    // What a clause denies (« n'est pas à l'abri d'une mauvaise mise à jour »): from its negation to its end.
    for (const m of t.matchAll(DENIAL)) {
      const end = t.slice(m.index!).search(/[,;:.!?()]|\s[—–]\s/u);
      const part = t.slice(m.index!, end < 0 ? t.length : m.index! + end);
      ruled.push({
        stems: new Set(contentWords(part.slice(m[0].length)).map(stem)),
        quote: part,
        need: DENIED_MIN_WORDS,
      });
      rest = rest.replace(part, " ");
    }
    for (const w of contentWords(rest)) elsewhere.add(stem(w));
  }
  if (!ruled.length) return null;
  const mine = [...new Map(contentWords(text).map((w) => [stem(w), w])).entries()].filter(([s]) => !elsewhere.has(s));
  for (const r of ruled) {
    const taken = mine.filter(([s]) => r.stems.has(s));
    if (taken.length >= r.need) return { word: taken[0]![1], quote: short(r.quote.replace(/^[\s,]+|[\s.!?]+$/g, "")) };
  }
  return null;
}
