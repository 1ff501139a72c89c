/**
 * A duty of collectivités a question asks about or takes for granted (« cest vrai que l'etat oblige les mairies a passer
 * sur linux d'ici 2027 ? ») and a sentence of the corpus saying they have none (« … elles n'obligent pas les
 * collectivités territoriales »): when none of the passages found says so, it is searched for and quoted first, so that
 * « En bref » does not read another body's calendar as a yes (trial22 T-H4: Schleswig-Holstein's « 2 500 d'ici fin
 * 2027 »). Words as data: `i18n/fr/brief.txt` [devoir] and [devoir nié], `collectivity-kinds.txt`.
 */
import { briefPhrases, holdsPhrase, negationWords } from "../retrieval/ban-premise.ts";
import { SENTENCE } from "../retrieval/passage-words.ts";
import { namesCollectivity } from "./brief.ts";

const ASKED = briefPhrases("devoir");
const DENIED = briefPhrases("devoir nié");
/** Words asking something else than yes or no (« la loi sren oblige les communes à quoi ? » asks what the duty is). */
const OPEN = briefPhrases("question ouverte");
/** The asker as the question's subject (« on », « nous »): a collectivité, Cap Libre's user. */
const ASKER = briefPhrases("demandeur");

/** Words searched with such a question: those of a sentence saying collectivités are not obliged. */
export const DUTY_DENIAL_SEARCHED = "n'obligent pas les collectivités territoriales obligation";

/**
 * Whether a question asks whether collectivités are obliged, naming them, as a yes or no (not what the duty is: « nis2
 * ça oblige les communes à quoi ? »), and does not itself say they are not.
 */
export const asksDutyOfCollectivities = (question: string): boolean =>
  holdsPhrase(question, ASKED) &&
  !holdsPhrase(question, DENIED) &&
  !holdsPhrase(question, OPEN) &&
  namesCollectivity(question);

/**
 * Whether a question asks whether the asker is obliged, as a yes or no (« on est obligés de quitter microsoft ? »): the
 * asker is a collectivité, so it asks a duty of collectivités (trial25 T-M4: Polytechnique's « … ne s'applique pas aux
 * communes » read before « … sans créer d'obligation »); the asker its subject, opening it (« on est obligés … », not
 * « la loi sren nous oblige … », which asks of a text). Not used to search again: « En bref » weighs only.
 */
export const asksOwnDuty = (question: string): boolean =>
  holdsPhrase(question, ASKED) &&
  !holdsPhrase(question, DENIED) &&
  !holdsPhrase(question, OPEN) &&
  ASKER.includes(` ${opening(question)} `);

/** The question's first word, « est-ce que » aside (« est-ce qu'on doit … » → « on »), as `negationWords` reads it. */
const opening = (question: string) =>
  negationWords(question).find(
    (w, i, all) => !(QUESTION_OPENING.has(w) && all.slice(0, i).every((x) => QUESTION_OPENING.has(x))),
  ) ?? "";
/** What opens a question before its subject (« est-ce que », « est-ce qu' »). */
const QUESTION_OPENING = new Set(["est", "ce", "que", "qu"]);

/** Whether a text holds a sentence saying collectivités are not obliged (« n'obligent pas les collectivités … »). */
export const deniesDutyOfCollectivities = (text: string): boolean =>
  text.split(SENTENCE).some((s) => holdsPhrase(s, DENIED) && namesCollectivity(s));
