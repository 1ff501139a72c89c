/**
 * What a cited passage restricts to others (« l'obligation de protection de l'article 31 de la loi SREN ne vise pour
 * l'instant que l'État, ses opérateurs et certains GIP »), given by the sentence to the collectivités: « L'article 31
 * de la loi SREN oblige déjà les communes à choisir un prestataire protégé » (faithful-blind-15, scope swapped). The
 * verbs are data (`server/i18n/fr/restriction-verbs.txt`), the collectivités' words too (`collectivity-kinds.txt`).
 */
import { foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { NEGATION, short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, WEAK, wordList, words } from "./words.ts";

/** The restriction verbs, folded. */
const VERBS = wordList("restriction-verbs.txt").map((w) => foldApostrophes(w));
const VERB_SET = new Set(VERBS);

/** « ne vise pour l'instant que … », « ne s'applique qu'aux … »: the subject before, the verb, what it is kept to. */
const RESTRICTED = new RegExp(
  `^(.*?)(?<!\\p{L})(?:ne\\s+|n')(?:s'|se\\s+)?(${VERBS.join("|")})\\s+(?:(?:pour l'instant|aujourd'hui|encore|actuellement)\\s+)?qu(?:e\\s+|')([^.;:()]{1,160})`,
  "u",
);

/** Words naming a collectivité (`collectivity-kinds.txt`, all sections but [administration]), folded, spaced. */
const COLLECTIVITIES = [...wordListSections("collectivity-kinds.txt").entries()]
  .filter(([k]) => k !== "administration")
  .flatMap(([, v]) => v)
  .concat(["collectivité", "collectivités", "collectivités territoriales"])
  .map((w) => ` ${words(w).join(" ")} `);
const namesCollectivity = (text: string) => {
  const spaced = ` ${words(text).join(" ")} `;
  return COLLECTIVITIES.some((w) => spaced.includes(w));
};

/** Least words of the restriction's subject the sentence must write. */
export const RESTRICTION_MIN_SUBJECT = 2;

/** The cited clause restricting to others what the sentence gives the collectivités: a short quote, or null. */
export function restrictionSwapped(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text) || !namesCollectivity(text)) return null;
  const mine = words(text);
  if (!mine.some((w) => VERB_SET.has(w))) return null;
  const own = new Set(mine.map(stem));
  for (const src of pool)
    for (const ss of src.sentences)
      for (const clause of withoutReferences(ss.text).split(/[.;:](?:\s|$)/u)) {
        // Folding keeps the length of the clause's letters: what is quoted is the passage's own text.
        const m = RESTRICTED.exec(foldApostrophes(clause));
        if (!m || namesCollectivity(m[3]!)) continue;
        // The subject of the restriction: the content words of its clause before the verb (« obligation protection
        // article 31 loi SREN »), of which the sentence writes two at least.
        const subject = [...new Set(contentWords(m[1]!.split(/[,;]/).at(-1)!))].filter((w) => !WEAK.has(w));
        const shared = subject.filter((w) => own.has(stem(w))).length;
        if (shared > 0 && shared >= Math.min(RESTRICTION_MIN_SUBJECT, subject.length))
          return short(clause.slice(0, m[0].length).trim());
      }
  return null;
}
