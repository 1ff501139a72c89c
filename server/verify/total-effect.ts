/**
 * A total or guaranteed effect a sentence gives a choice, a text or a tool — « Le label garantit la poursuite de la
 * démarche », « Mutualiser avec d'autres collectivités rendra tout retour en arrière impossible », « Ce contrat européen
 * met la commune à l'abri du droit américain », « Une installation sur vos serveurs supprime donc tout risque », « …
 * permettra à la commune de sortir sans aucun coût » — where no cited passage says an effect of the kind: the passage
 * says « plus coûteux et moins probable », « réduit la facture mais pas la dépendance », or nothing of the sort. Every
 * other word may be in the passage (« mutualiser », « retour en arrière »); the claim is in the degree. A sentence that
 * denies the effect (« ne garantit pas ») or makes it a duty (« doit garantir ») states no effect; a passage clause that
 * denies it (« un label qui ne garantit pas la continuité ») does not say it. Words:
 * `server/i18n/fr/total-effects.txt`.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordListSectionLines, wordListSections } from "../i18n/word-lists.ts";
import { NEGATION, polarityClauses } from "./negation.ts";
import type { Source } from "./source-sentences.ts";

/** Each effect: how a sentence writes it, and the starts of words by which a passage says it. */
const EFFECTS = (wordListSectionLines("total-effects.txt").get("effets") ?? []).flatMap((line) => {
  const [phrase, stems] = line.split("|").map((x) => x.trim());
  if (!phrase || !stems) return [];
  const source = foldApostrophes(phrase)
    .split(/\s*…\s*/)
    .map((part) => escapeRegExp(part).replace(/\s+/g, "\\s+").replace(/'/g, "'\\s*"))
    .join("(?:\\s+\\S+){0,2}\\s+");
  return [
    {
      pattern: new RegExp(`(?<!\\p{L})${source}(?!\\p{L})`, "u"),
      stems: stems
        .split(",")
        .map((s) => foldApostrophes(s.trim()))
        .filter(Boolean),
    },
  ];
});
const DUTY = new RegExp(
  `(?<!\\p{L})(?:${(wordListSections("total-effects.txt").get("devoir") ?? []).map((w) => escapeRegExp(foldApostrophes(w))).join("|")})\\s+(?:\\S+\\s+)?$`,
  "u",
);

/** The words by which a sentence gives a total effect no cited passage says, as written; or null. */
export function totalEffectUnsaid(stated: string, pool: Source[]): string | null {
  const text = foldApostrophes(stated);
  // The clauses of the cited passages that affirm: one that denies the effect (« un label qui ne garantit pas la
  // continuité », « sans garantie à ce stade », « ne démontre pas qu'un logiciel … serait à l'abri ») does not say it.
  const clauses = pool.flatMap((src) =>
    src.sentences.flatMap((ss) =>
      polarityClauses(ss.text)
        .filter((c) => !NEGATION.test(c))
        .map(foldApostrophes),
    ),
  );
  for (const { pattern, stems } of EFFECTS) {
    const m = pattern.exec(text);
    if (!m) continue;
    // Denied (« ne garantit pas », « n'est pas à l'abri »), read without the effect's own words (« sans aucun »).
    if (NEGATION.test(text.slice(0, m.index) + " " + text.slice(m.index + m[0].length))) continue;
    if (DUTY.test(text.slice(0, m.index))) continue;
    if (clauses.some((s) => stems.some((stem) => new RegExp(`(?<!\\p{L})${escapeRegExp(stem)}`, "u").test(s))))
      continue;
    return text.length === stated.length ? stated.slice(m.index, m.index + m[0].length) : m[0];
  }
  return null;
}
