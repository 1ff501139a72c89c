/**
 * A conclusion for a commune read by its form (faithful52, faithful-blind-24: 17 of 26 conclusions flagged because
 * their words are in no passage). `inference.ts` reads conclusions by their connective (« donc ») and a few verbs;
 * advice and lessons are also written without them. Three forms, their words data (`server/i18n/fr/conclusion-form.txt`):
 * - the sentence opens on a commune (« Pour une commune qui débute, l'exemple d'Échirolles montre … », « Pour une
 *   petite commune, ces outils sont sans doute surdimensionnés »);
 * - a commune is the subject of a verb of possibility or advice, or of a conditional (« Avant de lancer un marché, une
 *   commune a donc intérêt à … », « Une commune qui n'a pas encore fait son inventaire devrait commencer par là »): at
 *   the start of the sentence or of its main clause, after an opening phrase and its comma;
 * - a lesson drawn as a possibility (« ce cas montre que des services peuvent être coupés », « Première leçon : une
 *   dépendance peut paralyser des services »): what follows the lesson's words says « peut » or a conditional, not a
 *   fact (« montre que la CNAM tient la charge » is a claim).
 * `inference.ts` applies it only after its own `[jamais]` (no duty, no absolute) and only when the sentence's one reason
 * is that its words are not in what it cites: its figures, names and dates are checked as in any other sentence.
 */
import { fold } from "../core/text.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";

const LISTS = wordListSections("conclusion-form.txt");
const alt = (section: string) => sectionAlternation(LISTS, section, fold).replace(/ /g, "\\s+");

/** A commune named after a determiner (« une petite commune », « votre mairie »). */
const COMMUNE = `(?:${alt("déterminants")})\\s+(?:${alt("communes")})(?![\\p{L}'’])`;
/** A conditional (« devrait », « gagneraient ») or a verb of possibility or advice. */
const POSSIBLE = `(?:\\p{L}{2,}(?:rait|raient)|${alt("possibilité")})(?![\\p{L}'’])`;

/** « Pour une commune qui débute, … »: a frame on a commune, up to its comma, then the conclusion. */
const FRAME = new RegExp(`^pour\\s+${COMMUNE}[^,;:.]{0,80},\\s*\\S`, "u");
/** A commune as subject at the start of the sentence or of its main clause, a possibility within twelve words. */
const SUBJECT = new RegExp(
  `(?:^|^[^,;:.]{1,80},\\s*)${COMMUNE}(?:\\s+[\\p{L}'’-]+){0,12}?\\s+(?:[\\p{L}'’]+\\s+)?${POSSIBLE}`,
  "u",
);
/** A lesson's words, then (in the same sentence) a possibility. */
const LESSON = new RegExp(`(?<![\\p{L}])(?:${alt("leçons")})(?:\\s*[^.;]*?)\\s${POSSIBLE}`, "u");

/**
 * Whether a sentence (folded, without citations or list marker) is written as a conclusion for a commune by its form.
 * @example concludesByForm("pour une petite commune, ces outils de gouvernance sont sans doute surdimensionnes") // true
 * @example concludesByForm("ce cas montre que la cnam tient la charge") // false
 */
export function concludesByForm(text: string): boolean {
  const t = text.replace(/’/g, "'");
  return FRAME.test(t) || SUBJECT.test(t) || LESSON.test(t);
}
