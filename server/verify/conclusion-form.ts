/**
 * A conclusion for a commune read by its form (faithful52, faithful-blind-24: 17 of 26 conclusions flagged because
 * their words are in no passage). `inference.ts` reads conclusions by their connective (« donc ») and a few verbs;
 * advice and lessons are also written without them. Three forms, their words data (`server/i18n/fr/conclusion-form.txt`):
 * - the sentence opens on a commune, then says a possibility, a hedge or a lesson (« Pour une commune qui débute,
 *   l'exemple d'Échirolles montre … », « Pour une petite commune, ces outils sont sans doute surdimensionnés »);
 * - a commune is the subject of a verb of advice, or of a conditional (« Avant de lancer un marché, une commune a donc
 *   intérêt à … », « Une commune qui n'a pas encore fait son inventaire devrait commencer par là »): at the start of
 *   the sentence or of its main clause, after an opening phrase and its comma (not « peut »: « Une commune peut
 *   l'activer directement en se connectant avec ProConnect » states a capability);
 * - a lesson drawn as a possibility (« ce cas montre que des services peuvent être coupés », « Première leçon : une
 *   dépendance peut paralyser des services »): the case just told as subject, or a lesson's label, and what follows
 *   says « peut » or a conditional, not a fact (« montre que la CNAM tient la charge » is a claim).
 * faithful54 added a fourth: what suits a commune, judged (« Boé est un bon exemple pour une commune de votre taille »).
 * `inference.ts` applies it only after its own `[jamais]` (no duty, no absolute) and only when the sentence's one reason
 * is that its words are not in what it cites: its figures, names and dates are checked as in any other sentence.
 */
import { fold } from "../core/text.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";

const LISTS = wordListSections("conclusion-form.txt");
const alt = (section: string) => sectionAlternation(LISTS, section, fold).replace(/ /g, "\\s+");

/** A commune named after a determiner (« une petite commune », « votre mairie »). */
const COMMUNE = `(?:${alt("déterminants")})\\s+(?:${alt("communes")})(?![\\p{L}'’])`;
/** A conditional (« devrait », « gagneraient ») or a verb of advice or a hedge (« a intérêt à », « sans doute »). */
const POSSIBLE = `(?:\\p{L}{2,}(?:rait|raient)|${alt("conseil")})(?![\\p{L}'’])`;
/**
 * The same, or « peut »: a possibility, read in a frame on a commune or after a lesson's words; said of a commune as
 * subject (« Une commune peut l'activer directement … »), « peut » states a capability the passages must hold.
 */
const POSSIBLE_OR_PEUT = `(?:\\p{L}{2,}(?:rait|raient)|${alt("conseil")}|${alt("possibilité")})(?![\\p{L}'’])`;

/**
 * « Pour une commune qui débute, l'exemple … montre … »: a frame on a commune, up to its comma, then a possibility, a
 * hedge or a lesson — not a plain statement (« Pour une petite commune, ces ressources sont le premier point
 * d'entrée » asserts what the passage says of large ones).
 */
const FRAME = new RegExp(
  `^pour\\s+${COMMUNE}[^,;:.]{0,80},.*?(?:\\s(?:${POSSIBLE_OR_PEUT})|(?<![\\p{L}])(?:${alt("leçons")}|${alt("étiquettes")}))`,
  "u",
);
/**
 * A commune as subject at the start of the sentence or of its main clause, after an opening phrase that a preposition or
 * a conjunction opens (« Avant de lancer un marché, »; not « 4D étant un logiciel libre, », a claim of its own), then
 * advice or a conditional within twelve words.
 */
const SUBJECT = new RegExp(
  `(?:^|^(?:${alt("ouvertures")})(?![\\p{L}'’])[^,;:.]{0,80},\\s*)${COMMUNE}(?:\\s+[\\p{L}'’-]+){0,12}?\\s+(?:[\\p{L}'’]+\\s+)?${POSSIBLE}`,
  "u",
);
/**
 * A lesson, then (in the same sentence) a possibility: the case just told as subject (a demonstrative: « Ces cas
 * montrent que … peuvent », not « la DINUM montre qu'un petit parc peut … », a claim about a named body), or a lesson's
 * label (« Première leçon : une dépendance peut … »).
 */
const LESSON = new RegExp(
  `^(?:(?:${alt("démonstratifs")})\\s+[^,;:.]{0,40}?\\s(?:${alt("leçons")})|[^:.;]{0,40}(?<![\\p{L}])(?:${alt("étiquettes")}))(?:\\s*[^.;]*?)\\s${POSSIBLE_OR_PEUT}`,
  "u",
);

/**
 * What suits a commune, judged (faithful54, faithful-blind-24: « Boé est un bon exemple pour une commune de votre
 * taille », « … est un bon premier pas pour une commune qui découvre le sujet »): a copula, an article, a word of worth
 * (`[qualités]`) and one or two words, then « pour » and a commune. Not a fact of the passages: the model's judgement.
 */
const SUITED = new RegExp(
  `\\s(?:${alt("copules")})\\s+(?:donc\\s+|ainsi\\s+|aussi\\s+)?(?:un|une|le|la)\\s+(?:${alt("qualités")})(?![\\p{L}'’])(?:\\s+[\\p{L}'’-]+){1,2}\\s+pour\\s+${COMMUNE}`,
  "u",
);

/**
 * Whether a sentence (folded, without citations or list marker) is written as a conclusion for a commune by its form.
 * @example concludesByForm("pour une petite commune, ces outils de gouvernance sont sans doute surdimensionnes") // true
 * @example concludesByForm("ce cas montre que la cnam tient la charge") // false
 */
export function concludesByForm(text: string): boolean {
  const t = text.replace(/’/g, "'");
  return FRAME.test(t) || SUBJECT.test(t) || LESSON.test(t) || SUITED.test(t);
}
