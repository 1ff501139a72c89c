/**
 * What the cited passage rules out, stated by its very word (faithful-blind-21: « Un audit a confirmé ces économies »
 * where the passage says « Il s'agit d'une estimation du ministère lui-même, non d'un bilan audité »). `contrast.ts`
 * flags a clause that states every word of the ruled-out part; a sentence often takes up one of them only, in another
 * form (« audit » for « audité »).
 *
 * Flagged when the sentence, which neither negates nor sets anything aside itself (`instead-of.txt`), writes a content word (by stem) that
 * the cited passages write only in a part they rule out (« et non », « , non d'un », `contrast-negations.txt`): nowhere
 * in a body sentence outside such a part. Headings (titles name topics) are not read. A part that names only a moment
 * relative to what it is set against (« et non avant », faithful54) rules out no word.
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

/**
 * Words that, alone in a ruled-out part, name no thing but a moment relative to what it sets aside from (« et non
 * avant »: not before the study): `server/i18n/fr/ruled-out-relative.txt` (faithful54).
 */
const RELATIVE = new Set(wordListLines("ruled-out-relative.txt").flatMap((l) => fold(l).split(/\s+/)));

/** The sentence's word and the passage's ruled-out phrase, or null. */
export function ruledOutWordStated(stated: string, pool: Source[]): { word: string; quote: string } | null {
  const text = withoutReferences(stated).replace(/\[\d+\]/g, " ");
  if (NEGATION.test(text) || ruledOut(text).length > 0 || INSTEAD_OF.test(fold(text))) return null;
  const body = pool.flatMap((src) =>
    src.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)),
  );
  const mine = new Set(contentWords(text).map(stem));
  const ruled: { stems: Set<string>; quote: string }[] = [];
  const elsewhere = new Set<string>();
  for (const t of body) {
    let rest = t;
    for (const r of ruledOut(t)) {
      const stems = new Set(contentWords(r.part).map(stem));
      rest = rest.replace(`${r.marker}${r.part}`, " ");
      // « et non avant »: a moment relative to what is kept, no word ruled out for itself.
      if (contentWords(r.part).every((w) => RELATIVE.has(fold(w)))) continue;
      // The sentence states what the passage keeps (« l'objectif d'une transition graduelle vers Linux » for « une
      // transition graduelle, non une bascule brutale vers Linux »): a word of the ruled-out part is said of it too.
      const near = r.kept.slice(Math.max(...[",", ";", ":"].map((c) => r.kept.lastIndexOf(c))) + 1);
      if (contentWords(near).some((w) => !stems.has(stem(w)) && mine.has(stem(w)))) continue;
      ruled.push({ stems, quote: `${r.marker}${r.part}` });
    }
    for (const w of contentWords(rest)) elsewhere.add(stem(w));
  }
  if (!ruled.length) return null;
  for (const word of contentWords(text)) {
    const s = stem(word);
    if (elsewhere.has(s)) continue;
    const r = ruled.find((x) => x.stems.has(s));
    if (r) return { word, quote: short(r.quote.replace(/^[\s,]+|[\s.!?]+$/g, "")) };
  }
  return null;
}
