/**
 * A thing a cited passage says there is none of, stated as there (faithful-blind-9): « Forgeo est soutenu par une
 * société qui vend un contrat de maintenance » where its card says « pas de société pour un contrat de maintenance ».
 * `server/verify/index.ts` turns what it finds into a reason.
 */
import { fold } from "../retrieval/french.ts";
import { NEGATION, short } from "./negation.ts";
import { namesAt } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

/**
 * « pas de société pour un contrat de maintenance », « aucun éditeur … », « sans appel d'offres » (faithful-blind-2: « un
 * choix fait sans appel d'offres » where the sentence says « choisi après un appel d'offres »): the noun denied and the
 * rest of its clause.
 */
const NONE_OF = /(?<!\p{L})(?:pas\s+(?:de\s+|d['’]\s*)|aucune?\s+|sans\s+)(\p{L}{4,})([^.;:()[\]]*)/giu;

/** Most words of the denied clause, after the noun, that the sentence must all carry. */
export const DENIED_MAX_REST = 4;

/**
 * A sentence without negation carrying a noun and the rest of a clause a cited passage naming the sentence's subject
 * denies (« pas de société pour un contrat de maintenance »): the passage's clause, or null.
 */
export function deniedNounStated(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text)) return null;
  const mine = bagOf(text);
  const names = namesAt(text);
  if (names.length === 0) return null;
  for (const src of pool) {
    if (!names.some((n) => inBag(n.folded, src.bag, false))) continue;
    for (const ss of src.sentences.filter((x) => !x.inHeading))
      for (const m of ss.text.matchAll(NONE_OF)) {
        const noun = fold(m[1]!);
        const rest = contentWords(m[2]!).slice(0, DENIED_MAX_REST);
        if (rest.length === 0 || !inBag(noun, mine, false)) continue;
        if (rest.every((w) => inBag(w, mine, false))) return short(m[0].trim());
      }
  }
  return null;
}
