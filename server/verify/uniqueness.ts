/**
 * « le seul », « la seule », « l'unique » where the cited passages say no such thing (trial7, A3: « Boé est la seule
 * commune à avoir obtenu le niveau Or » where the passage lists three laureates). Words are data
 * (`server/i18n/fr/stated-beyond.txt`, [only]); `server/verify/index.ts` turns what it finds into a reason.
 */
import { beyond } from "./beyond-words.ts";
import { NEGATION } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords } from "./words.ts";

const ONLY = beyond("only");
/**
 * « la seule commune à avoir … », « l'unique éditeur qui … »: an article, the word, a noun, and what it alone does (« à »
 * or « qui » within three words) — not « le seul chiffre disponible concerne … », a sentence about the sources.
 */
const ONLY_CLAIM =
  /(?<!\p{L})(?:(?:le|la|les)\s+seul(?:e|s|es)?|l['’]\s*unique)\s+(\p{L}+)(?:\s+[\p{L}-]+){0,2}?\s+(?:à|qui)\s/iu;
/**
 * The same as what a subject is (« ESET … est le seul éditeur européen certifié CSPN », faithful-blind-21): the verb
 * « être » (or « rester ») right before — the predicate says it alone is so, whatever follows.
 */
const ONLY_PREDICATE =
  /(?<!\p{L})(?:est|sont|était|étaient|reste|restent|demeure|demeurent)\s+(?:(?:le|la|les)\s+seul(?:e|s|es)?|l['’]\s*unique)\s+(\p{L}+)/iu;
/** « ne … que » (« n'a retenu que Boé »): a restriction the passage states. */
const ONLY_BUT = /(?<!\p{L})(?:ne\s+|n['’]\s*)(?:\S+\s+){0,3}?qu(?:e|['’])/iu;

/**
 * The words of a sentence that state uniqueness (« la seule commune ») when no cited passage says anything is the
 * only one (no word of [only], no « ne … que »), or null.
 */
export function onlyUnstated(stated: string, pool: Source[]): string | null {
  const m = ONLY_CLAIM.exec(stated) ?? ONLY_PREDICATE.exec(stated);
  if (!m || contentWords(m[1]!).length === 0 || NEGATION.test(stated)) return null;
  const texts = pool.flatMap((s) => s.sentences.map((ss) => ss.text));
  if (texts.some((t) => ONLY.test(t) || ONLY_BUT.test(t))) return null;
  return m[0].replace(/\s+(?:à|qui)\s$/u, "");
}
