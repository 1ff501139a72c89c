/**
 * What a cited passage restricts to others (« l'obligation de protection de l'article 31 de la loi SREN ne vise pour
 * l'instant que l'État, ses opérateurs et certains GIP »), given by the sentence to the collectivités: « L'article 31
 * de la loi SREN oblige déjà les communes à choisir un prestataire protégé » (faithful-blind-15, scope swapped);
 * « Visio sera obligatoire pour les conseils municipaux » where the formula « Visio obligatoire … » « ne vaut que pour
 * les services de l'État » (trial16 C2). The verbs are data (`server/i18n/fr/restriction-verbs.txt`), the
 * collectivités' words too (`collectivity-kinds.txt` and its [organes]).
 */
import { foldApostrophes } from "../core/text.ts";
import { wordListSectionLines, wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { NEGATION, short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, WEAK, words } from "./words.ts";

const LISTS = wordListSectionLines("restriction-verbs.txt");
const entries = (section: string) => (LISTS.get(section) ?? []).flatMap((l) => l.split(/\s+/)).map(foldApostrophes);
/** The restriction verbs, folded. */
const VERBS = entries("verbes");
/** The words by which a sentence gives the scope: the verbs, and those of an obligation (« obligatoire »). */
const VERB_SET = new Set([...VERBS, ...entries("obligation").map((w) => words(w).join(" "))]);

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
  .concat(wordListSections("restriction-verbs.txt").get("organes") ?? [])
  .map((w) => ` ${words(w).join(" ")} `);
const namesCollectivity = (text: string) => {
  const spaced = ` ${words(text).join(" ")} `;
  return COLLECTIVITIES.some((w) => spaced.includes(w));
};

/** Least words of the restriction's subject the sentence must write. */
export const RESTRICTION_MIN_SUBJECT = 2;

/** A subject that only takes up what was said before (« et elle ne vaut que … »). */
const PRONOUN_SUBJECT = /^\s*(?:et\s+|mais\s+)?(?:il|elle|ils|elles|cela|ceci|celle-ci|celui-ci)\s*$/iu;

/** The cited clause restricting to others what the sentence gives the collectivités: a short quote, or null. */
export function restrictionSwapped(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text) || !namesCollectivity(text)) return null;
  const mine = words(text);
  if (!mine.some((w) => VERB_SET.has(w))) return null;
  const own = new Set(mine.map(stem));
  /** The sentence's words written with a capital, folded (« Visio »). */
  const names = new Set(
    [...text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}-]+/gu)].slice(0).flatMap((x) => words(x[0])),
  );
  for (const src of pool)
    for (const [k, ss] of src.sentences.entries())
      for (const clause of withoutReferences(ss.text).split(/[.;:](?:\s|$)/u)) {
        // Folding keeps the length of the clause's letters: what is quoted is the passage's own text.
        const m = RESTRICTED.exec(foldApostrophes(clause));
        if (!m || namesCollectivity(m[3]!)) continue;
        // The subject of the restriction: the content words of its clause before the verb (« obligation protection
        // article 31 loi SREN »), of which the sentence writes two at least; a pronoun (« et elle ne vaut que pour
        // les services de l'État ») stands for what the passage's sentence before says (« … résume l'annonce par la
        // formule « Jan. 2026 — Visio obligatoire : fin de Teams & Zoom pour l'État d'ici 2027 » »).
        // Taken up by a pronoun, a name the sentence writes must be among them (« Visio »).
        const clauseSubject = m[1]!.split(/[,;]/).at(-1)!;
        const before = src.sentences[k - 1];
        const pronoun = PRONOUN_SUBJECT.test(clauseSubject) && before !== undefined && !before.inHeading;
        const said = pronoun ? withoutReferences(before.text) : clauseSubject;
        const subject = [...new Set(contentWords(said))].filter((w) => !WEAK.has(w));
        const found = subject.filter((w) => own.has(stem(w)));
        if (pronoun && !found.some((w) => names.has(w))) continue;
        if (found.length === 0 || found.length < Math.min(RESTRICTION_MIN_SUBJECT, subject.length)) continue;
        // Quoted from the pronoun: the clause before it speaks of something else (« il s'agit de l'annonce … »).
        const from = pronoun ? m[1]!.length - clauseSubject.replace(/^\s*(?:et|mais)\s+/iu, "").length : 0;
        return short(clause.slice(from, m[0].length).trim());
      }
  return null;
}
