/**
 * A question that states an event as its premise before asking something else (« tchap ferme en 2027, on migre vers
 * quoi », « depuis que l'anssi a interdit windows 11 …, on migre vers quoi »): the passages must say that event.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { words } from "./french.ts";
import { STOPWORDS, wordList } from "./lexicon.ts";
import { DETERMINERS } from "./names-places.ts";
import { occurs, type passageWords } from "./passage-words.ts";

/** Words of an event a premise states (« interdit », « ferme », « condamné »), folded (`premise-events.txt`). */
const EVENTS = new Set(wordList("../i18n/fr/premise-events.txt"));

/** What asks, in the part after the premise's comma (« on migre vers quoi », « qui reprend », « à combien »). */
const ASKS =
  /(?:^|\s)(?:quoi|qui|quel|quelle|quels|quelles|comment|combien|pourquoi|quand|lequel|laquelle|ou)(?:\s|$|\?)/;
/**
 * What asks without a question word, in the part after the premise's comma: a verb and its subject pronoun inverted
 * (« faut-il migrer », « est-il menacé », « peut-on revenir »), or « que » before an infinitive (« que faire de nos
 * données »), folded.
 */
const ASKS_OTHERWISE =
  /(?:^|\s)(?:[a-z]+-(?:t-)?(?:il|elle|ils|elles|on)(?![a-z])|que [a-z]+(?:er|ir|re)(?![a-z]))|(?:^|\s|')est(?:-| )ce(?: que| qu'|-| )/;

/**
 * Subject pronouns that open a clause asked by its question mark alone after a premise (« …, il existe un remplaçant
 * ? »), folded (`premise-clause-subjects.txt`).
 */
const CLAUSE_SUBJECTS = new Set(wordList("../i18n/fr/premise-clause-subjects.txt"));

/** Words at least of a clause asked by its question mark alone (« il existe un remplaçant »; not « non », « vrai »). */
const MIN_MARKED_WORDS = 3;

/**
 * Whether the part after a premise's comma is a yes/no question asked by its question mark alone, with its own
 * subject (« l'état va continuer à l'utiliser ? », « il existe un remplaçant ? »): it opens with an article or a
 * subject pronoun and holds a few words. Not a confirmation of what precedes (« non ? », « c'est ça ? »): the corpus
 * may correct that.
 */
function asksByMark(rest: string): boolean {
  if (!/\?\s*$/.test(rest)) return false;
  const first = rest.trim().split(/\s+/)[0] ?? "";
  const elided = /^([a-z])'/.exec(first)?.[1];
  const opens = elided ? DETERMINERS.has(elided) : DETERMINERS.has(first) || CLAUSE_SUBJECTS.has(first);
  return opens && words(rest).length >= MIN_MARKED_WORDS;
}

/** Letters of an event's word that another form of it keeps (« interd » of « interdit », « interdire »). */
const EVENT_HEAD = 6;

/** Auxiliaries between a premise's subject and its event (« a été », « est »), skipped when its subject is read. */
const AUXILIARIES = new Set(["a", "ete", "est", "sont", "ont", "va", "vont", "etre"]);

/**
 * The premise of a question, folded: what follows « depuis que » up to the comma, or the clause before the first comma
 * when what follows it asks (« …, on migre vers quoi ») — null when the question states none.
 */
export function premiseOf(question: string): string | null {
  const whole = fold(question.replace(/[’]/g, "'")).replace(/\s+/g, " ").trim();
  // « note pour le bureau : owncloud a été racheté …, par quoi le remplacer »: a context clause ended by a colon
  // before the premise is not part of it.
  const first = whole.indexOf(",");
  const text = whole.slice(whole.lastIndexOf(":", first < 0 ? whole.length : first) + 1).trim();
  const since = /\bdepuis qu(?:e |')([^,?]+),/.exec(text);
  if (since) return since[1]!.trim();
  const comma = text.indexOf(",");
  if (comma < 0) return null;
  const [head, rest] = [text.slice(0, comma), text.slice(comma + 1)];
  const asks = (part: string) => ASKS.test(part) || ASKS_OTHERWISE.test(part);
  // « le sill a été supprimé …, il existe un remplaçant ? »: a yes/no question after the premise asks as well.
  const asked = asks(` ${rest.replace(/[?!.]/g, " ")} `) || (!head.includes("?") && asksByMark(rest));
  return asked && !asks(` ${head} `) ? head.trim() : null;
}

const LOST_STATES = wordListSections("premise-lost-states.txt");
/** Forms of « être » before a state lost (« n'est plus maintenu »), folded (`premise-lost-states.txt`). */
const LOST_STATE_BEEN = new Set((LOST_STATES.get("être") ?? []).map(fold));
/** Verbs whose negation is the state lost (« n'existe plus »), folded. */
const LOST_STATE_VERBS = new Set((LOST_STATES.get("verbes") ?? []).map(fold));

/**
 * The state a premise says its subject lost, folded (« maintenu » of « libreoffice n'est plus maintenu », « existe » of
 * « tchap n'existe plus »): the word after « n'est plus », or the verb before « plus »; null when it negates none.
 */
export function negatedState(premise: string): string | null {
  const m = /(?:^|\s)n(?:'|e )\s*([a-z]+) plus(?: ([a-z]+))?/.exec(premise);
  if (!m) return null;
  if (LOST_STATE_BEEN.has(m[1]!)) return m[2] ?? null;
  return LOST_STATE_VERBS.has(m[1]!) ? m[1]! : null;
}

/**
 * The event and subject of a question's premise that no passage read holds together (« interdit », « anssi »): the
 * corpus does not say it happened, so what the question asks after it has no answer there. Empty when the question
 * states no premise with an event of `premise-events.txt`, or a passage holds both.
 */
export function unstatedPremise(question: string, passages: ReturnType<typeof passageWords>[]): string[] {
  const premise = premiseOf(question);
  if (!premise) return [];
  const list = words(premise);
  // « puisque libreoffice n'est plus maintenu depuis 2025, … » (premises35, held-out-32): a state the subject lost is
  // said only by « plus » and that state (« ArcMap n'est plus développé »).
  const negated = negatedState(premise);
  const events = negated ? [negated] : list.filter((w) => EVENTS.has(w));
  if (!events.length) return [];
  // Its subject: the first word of the premise that is neither a stopword, an auxiliary nor the event itself.
  const subject = list.find(
    (w) => !STOPWORDS.has(w) && !AUXILIARIES.has(w) && !EVENTS.has(w) && w !== negated && !/^\d+$/.test(w),
  );
  if (!subject) return [];
  // The event in another form of its verb or noun (« interdit de visa » : « s'est vu interdire » ; « ferme » :
  // « fermeture ») is held by its first letters.
  const heldEvent = (event: string, p: ReturnType<typeof passageWords>) => {
    const head = event.slice(0, EVENT_HEAD);
    return p.list.some((w) => w.startsWith(head));
  };
  // (« n'est plus développé »: « plus » before the state; « n'existe plus »: after the verb.)
  const heldNegated = (event: string, p: ReturnType<typeof passageWords>) =>
    p.joined.includes(` plus ${event.slice(0, EVENT_HEAD)}`) ||
    new RegExp(` ${event.slice(0, EVENT_HEAD)}[a-z]* plus `).test(p.joined);
  const said = (event: string) =>
    passages.some((p) => occurs(subject, p) && (negated ? heldNegated(event, p) : heldEvent(event, p)));
  const unsaid = events.filter((e) => !said(e));
  return unsaid.length ? [...unsaid, subject] : [];
}
