/**
 * A sentence denying, of every object, the verb a clause of the user's context affirms of the same subject: context
 * « Les mediatheques dependent du reseau departemental pour leur SIGB », sentence « Les médiathèques ne dépendent
 * d'aucun prestataire extérieur pour leurs logiciels » (trial23 T-H3). The form: « S ne V (prép.) aucun / rien /
 * personne … » — a total negation after the verb (`server/i18n/fr/context-denial.txt`), so that « ne dépendent pas de
 * Microsoft » (one object denied) is not read — and a context clause without a negation writing a word of V's family
 * after content words whose last two the sentence's subject carries.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { NEGATION } from "./negation.ts";
import { contentWords } from "./words.ts";

const TOTAL = [...(wordListSections("context-denial.txt").get("négations totales") ?? [])].map((w) => fold(w));

const DENIAL = new RegExp(
  `(?<!\\p{L})(?:ne\\s+|n['’]\\s*)(\\p{L}+)\\s+(?:(?:de|d['’]|du|des|a|au|aux|en|avec|sous|sur|pour|par|dans)\\s*)?(?:${TOTAL.join("|")})(?!\\p{L})`,
  "u",
);

/** The context clause whose verb the sentence denies of every object, of the same subject, or null. */
export function deniedContextClause(stated: string, clauses: string[]): string | null {
  const folded = fold(stated);
  const m = DENIAL.exec(folded);
  if (!m) return null;
  const verb = stem(m[1]!);
  if (verb.length < 4) return null;
  const said = new Set(contentWords(folded.slice(0, m.index)).map((w) => stem(w)));
  if (!said.size) return null;
  for (const clause of clauses) {
    if (NEGATION.test(clause)) continue;
    const tokens = fold(clause)
      .split(/[^\p{L}\d]+/u)
      .filter(Boolean);
    const at = tokens.findIndex((t) => stem(t) === verb);
    if (at <= 0) continue;
    const subject = contentWords(tokens.slice(0, at).join(" "));
    if (subject.length && subject.slice(-2).every((w) => said.has(stem(w)))) return clause;
  }
  return null;
}
