/**
 * A judgement of an action read by its form (faithful53, faithful-blind-25: conclusions flagged because their words are
 * in no passage, « Vérifier la sauvegarde automatique sur les postes est donc un premier pas simple [1] »). What to do,
 * named by an infinitive as the subject of a copula that judges it, or « le plus simple est de » and an action, is
 * the model's advice, not a fact a passage must hold. Two forms, their words data (`server/i18n/fr/action-judgement.txt`):
 * - an infinitive opens the sentence (or its main clause, after an opening phrase and its comma), followed by a
 *   determiner, a pronoun or an adverb (« Relire maintenant votre contrat », not « Votre contrat », a noun), then, within
 *   fourteen words and no punctuation, a copula (« est donc essentiel », « n'est donc pas une urgence »);
 * - a neuter judgement as subject (« le plus simple », « le mieux »), a copula, then « de » and an action.
 * `inference.ts` applies it only after its own `[jamais]` (no duty, no absolute) and only when the sentence's one reason
 * is that its words are not in what it cites: its figures, names and dates are checked as in any other sentence.
 */
import { fold } from "../core/text.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";

const LISTS = wordListSections("action-judgement.txt");
const alt = (section: string) => sectionAlternation(LISTS, section, fold).replace(/ /g, "\\s+");

const COPULA = `(?:${alt("copules")})(?![\\p{L}'’])`;
/** An infinitive (« vérifier », « connaitre », « relire »), not a noun of the same ending. */
const INFINITIVE = `(?!(?:${alt("pas des infinitifs")})(?![\\p{L}'’]))\\p{L}{2,}(?:er|ir|re)`;
/** A determiner, a pronoun or an adverb after it: « Vérifier la », « Relire maintenant ». */
const COMPLEMENT = `(?:${alt("compléments")})(?:(?<=['’])|(?![\\p{L}'’]))`;
/** The start of the sentence, or of its main clause after an opening phrase and its comma. */
const START = "(?:^|^[^,;:.]{0,80},\\s*)";

const ACTION = new RegExp(`${START}${INFINITIVE}\\s+${COMPLEMENT}[^,;:.?!]*?\\s${COPULA}`, "u");
const NEUTER = new RegExp(
  `${START}(?:${alt("jugements neutres")})(?:\\s+\\p{L}+)?\\s+${COPULA}(?:\\s+donc)?\\s+(?:de\\s|d')`,
  "u",
);

/** At most this many words between the infinitive and its copula. */
const MAX_SUBJECT_WORDS = 14;

/**
 * Whether a sentence (folded, without citations or list marker) judges an action by its form.
 * @example judgesAnAction("verifier la sauvegarde automatique sur les postes est donc un premier pas simple") // true
 * @example judgesAnAction("votre contrat avec broadcom est donc resilie") // false
 */
export function judgesAnAction(text: string): boolean {
  const t = text.replace(/’/g, "'");
  if (NEUTER.test(t)) return true;
  const m = ACTION.exec(t);
  return m !== null && m[0].split(/\s+/).length <= MAX_SUBJECT_WORDS + 2;
}
