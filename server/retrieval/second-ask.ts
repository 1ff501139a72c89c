/**
 * A question that states a fact and then asks another (held-out-25, burned: « boe a eu le niveau or, il faut combien
 * de points pour l'avoir », « g data est allemand, combien coute une licence par poste », « le danemark passe a
 * libreoffice, et la croatie ? »), cut at a plain comma, semicolon or colon — no turn of `two-parts.txt` needed. The
 * passages found answer the first part; they answer the second only when one of their sentences holds what it asks
 * together with its subject: the subject named in the sentence or in its passage's heading, each word it asks, and the
 * value of the kind it asks (a number for « combien de », a sum for a price, a date for « quand »). When none does,
 * Cap Libre answers the first part and says first that the corpus does not answer the second (`answer.partial`).
 * Words are data (`second-ask.txt`).
 */
import { fold } from "../core/text.ts";
import { wordListSectionLines } from "../i18n/word-lists.ts";
import { asksCardField, COUNTED, countedKind, moneyIn } from "./asked-kinds.ts";
import { openingContextEnd } from "./asker/index.ts";
import type { CorpusFrequency, CorpusNames } from "./corpus-names.ts";
import { stem as frStem } from "./french.ts";
import { DISCOURSE, GENERIC_WORDS, type QuestionTerm, STOPWORDS } from "./lexicon.ts";
import { DETERMINERS } from "./names-places.ts";
import { holds, occurs, passageWords, SENTENCE, withoutReferences } from "./passage-words.ts";
import { questionTerms, SUBJECT_VERB } from "./question-terms.ts";
import { countedStems, holdsAsked, holdsCount } from "./rank.ts";
import { assessAnswerability, resolveNames } from "./relevance.ts";
import { asks, INTERROGATIVES, type MissingPart, nounsAsked, statementCuts, type TwoParts } from "./two-parts.ts";

/** A passage as the decision reads it. */
type Passage = Parameters<typeof assessAnswerability>[1][number];

const folded = (text: string) => fold(text).replace(/’/g, "'");
const SECTIONS = new Map([...wordListSectionLines("second-ask.txt")].map(([name, lines]) => [name, lines.map(folded)]));
const list = (name: string) => SECTIONS.get(name) ?? [];
/** [demande sans point d'interrogation]: a second part typed without « ? » that asks by these words. */
const ASKING = list("demande sans point d'interrogation");
/** [demande en tête]: a word that asks when it opens the second part (« …, ou suivre une formation … »). */
const ASKING_FIRST = new Set(list("demande en tête"));
/** [comparaison]: words setting two subjects against each other in a first part; [choix]: a second part asking which. */
const COMPARING = new Set(list("comparaison"));
const CHOICE = new Set(list("choix"));
/** [critère]: the words before a comparison's criterion (« le plus rapide », « les meilleures performances »). */
const CRITERION = new Set(list("critère"));
/** Most words of a first part setting two subjects against each other (« bluemind ou open-xchange »). */
const COMPARED_WORDS = 8;
/** [autre sujet]: the word opening a second part that brings another subject (« et la croatie ? »). */
const OTHER_SUBJECT = new Set(list("autre sujet"));
/** A verb with its pronoun after it (« est-il », « disait-elle »). */
const INVERTED = /[a-z]-(?:t-)?(?:il|elle|ils|elles|on)$/;
/** [liaison]: words opening the second part before its subject. */
const LINKS = new Set(list("liaison"));
/** [compte], [prix], [date]: the kind of value asked. */
const COUNT = new Set(list("compte"));
const PRICE = new Set(list("prix"));
const DATE = new Set(list("date"));
/** [demande ouverte]: what another subject does, in general (« et le schleswig-holstein il fait quoi »). */
const OPEN = list("demande ouverte").map((e) => ` ${e} `);
/** [mots de la demande]: words of the asking, not things a sentence must name. */
const ASKING_FORM = new Set(list("mots de la demande"));
/** The subject pronouns taking the second part's subject up (`second-subject.txt` [reprise du sujet]). */
const TAKEN_UP = new Set((wordListSectionLines("second-subject.txt").get("reprise du sujet") ?? []).map(folded));
/** The asker's own setting (`second-subject.txt` [le demandeur]): a first part telling it states no fact of the corpus. */
const ASKER = new Set((wordListSectionLines("second-subject.txt").get("le demandeur") ?? []).map(folded));
/** General words of the domain, stems. */
const GENERIC = new Set(GENERIC_WORDS.map(frStem));
/** Most words of a subject opening the second part (« la cour de justice de l'ue »). */
const SUBJECT_WORDS = 6;
/** An infinitive or an adjective read as a modifier (« installer », « mettre »): the sentence need not write it. */
const INFINITIVE = /(?:er|ir|re)$/;

const tokens = (text: string) =>
  folded(text)
    .split(/[^a-z0-9-]+/)
    .filter(Boolean);

/** Whether a second part asks: its « ? », a word of `two-parts.txt`, or one of [demande sans point d'interrogation]. */
function asking(second: string): boolean {
  if (asks(second) || ASKING_FIRST.has(tokens(second)[0] ?? "")) return true;
  const joined = ` ${tokens(second.replace(/-/g, " ")).join(" ")} `;
  return ASKING.some((a) => joined.includes(` ${a.replace(/-/g, " ")} `));
}

/** Prepositions after which a word is a noun, not a verb (« de passe », « en alpha »). */
const PREPOSITIONS = new Set([
  "de",
  "d",
  "a",
  "en",
  "pour",
  "par",
  "sur",
  "sous",
  "avec",
  "sans",
  "dans",
  "chez",
  "entre",
]);
/** `second-ask.txt` [pas un verbe]: function words, never a statement's verb (« de », « qui »), with the determiners. */
const NOT_VERBS = new Set([...list("pas un verbe"), ...DETERMINERS]);
/** An infinitive (« avoir », « passer », « dire », « prendre »; not « dossier », « libre »). */
const INFINITIVE_FORM = /^[a-z]{2,}(?:[^i]er|[^a]ir|oir|ire|dre|etre)$/;
/**
 * Determiners opening a verb's object (« dirige l'ugap », « veut une ia »): not « des », « du », « au », « aux », which
 * also follow a noun (« la classe virtuelle des écoles »).
 */
const OBJECT_DETERMINERS = new Set([...DETERMINERS].filter((d) => !["des", "du", "au", "aux"].includes(d)));
/** The imperfect or the conditional (« voulait », « disaient », « pourrait »). */
const IMPERFECT = /^[a-z]{3,}(?:ait|aient)$/;

/**
 * Whether a statement has its verb (« boe a eu … », « le danemark quitte office », « millau dit avoir une ia locale »,
 * « tchap c'est matrix »), read by its form more than by a list: a verb of `subject-verbs.txt`, also after an elided
 * pronoun (« c'est », « l'a »); a word in the imperfect or conditional (« voulait »); a word before an infinitive (« dit
 * avoir », « veut passer ») or a determiner (« dirige l'ugap »; not « d' », « social d'entreprise ») — when no determiner nor preposition precedes it, which
 * would make it a noun (« le portrait », « de passe »), and not after an infinitive opening the statement.
 */
function hasVerb(first: string): boolean {
  // (« à » folds to « a », which is no verb there.)
  const raw = first
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter(Boolean);
  const words = raw.map((w) => (w === "à" ? "à" : folded(w)));
  return words.some((w, i) => {
    if (w === "à") return false;
    const elided = w.split("'").filter(Boolean);
    if (SUBJECT_VERB.has(w) || (elided.length > 1 && SUBJECT_VERB.has(elided.at(-1)!))) return true;
    if (i === 0 || w.includes("'") || w.includes("-") || NOT_VERBS.has(w) || PREPOSITIONS.has(w)) return false;
    // (A statement opening on an infinitive, « quitter vmware pour nutanix réduit la facture », is the asker's
    // general claim, not a fact of a subject: only a listed verb makes it one.)
    if (INFINITIVE_FORM.test(words[0]!)) return false;
    const before = words[i - 1]!.split("'").at(-1) || words[i - 1]!.replace(/'$/, "");
    if (DETERMINERS.has(before) || PREPOSITIONS.has(before) || /'$/.test(words[i - 1]!)) return false;
    if (IMPERFECT.test(w)) return true;
    const next = words[i + 1];
    if (!next || !/^[a-z]{2,}$/.test(w)) return false;
    if (INFINITIVE_FORM.test(w)) return false;
    return (INFINITIVE_FORM.test(next) && !NOT_VERBS.has(next)) || OBJECT_DETERMINERS.has(next.split("'")[0]!);
  });
}

/**
 * A question stated then asked, cut at the first comma, semicolon or colon (a comma inside a number, « 3,3 », is
 * none) whose left side is a statement (no « ? », no interrogative, not the asker's own setting, two words at least)
 * and whose right side asks. Null otherwise.
 */
export function statedThenAsked(question: string): TwoParts | null {
  // After a clause saying why the asker asks (« je dois répondre à une demande de la direction générale : … »), which
  // is its context (`openingContextEnd`), not its statement.
  for (const { first, second } of statementCuts(question.slice(openingContextEnd(question)))) {
    const f = folded(first);
    if (INTERROGATIVES.test(f)) return null;
    if (tokens(first).some((w) => ASKER.has(w) || w.split("'").some((x) => ASKER.has(x)))) return null;
    if (questionTerms(first).length < 2 || questionTerms(second).length === 0) continue;
    // A statement has its verb (« boe a eu … », « g data est … »), not a topic named before the question (« Pexip,
    // l'éditeur de visio, il vient d'où ? »).
    // (« à » folds to « a », which is no verb there.)
    if (!hasVerb(first)) return null;
    if (!asking(second)) continue;
    return { first, second };
  }
  return null;
}

/**
 * A comparison asked after its two subjects (« bluemind ou open-xchange, lequel est le plus rapide a installer »,
 * « entre ovh et scaleway, lequel … »): the subjects first, the criterion asked second. Null otherwise.
 */
export function comparedThenAsked(question: string): TwoParts | null {
  const text = question.normalize("NFC").trim();
  const m = /\s*[,;:](?!\d)\s*/.exec(text);
  if (!m) return null;
  const first = text.slice(0, m.index).trim();
  const second = text.slice(m.index + m[0].length).trim();
  const firstWords = tokens(first);
  if (firstWords.length > COMPARED_WORDS || !firstWords.some((w) => COMPARING.has(w))) return null;
  const opening = tokens(second).find((w) => !LINKS.has(w));
  if (!opening || !CHOICE.has(opening) || questionTerms(first).length < 2) return null;
  return { first, second };
}

/** [seconde question]: what opens a second question joined to a first one (« et combien », « et quel »). */
const SECOND_QUESTION = list("seconde question").map(tokens);

/**
 * Two questions joined at a comma by « et » and an interrogative (`[seconde question]`), the first asking by an
 * interrogative without « ? » (premises36, held-out-33: « tchap a été créé en quelle année, et combien l'état a-t-il
 * dépensé pour le développer »): the first part, and the second from its interrogative on. Null otherwise.
 */
export function askedTwice(question: string): TwoParts | null {
  for (const { first, second } of statementCuts(question.slice(openingContextEnd(question)))) {
    // The first cut only: a first part after a context (« avec le data act, quel préavis …, et combien de temps … »)
    // may be answered by passages that do not repeat it with each figure (held-out-2, answerable).
    if (!INTERROGATIVES.test(folded(first))) return null;
    const words = tokens(second);
    const opening = SECOND_QUESTION.find((o) => o.every((w, k) => words[k] === w));
    if (!opening || questionTerms(first).length < 2) return null;
    const rest = second.replace(/^\s*et\s+/i, "");
    // A second question with its own verb (« combien l'état a-t-il dépensé »), not a noun asked after the first
    // (« combien d'agents au ministère danois, et quel coût »: the passages answer it of the same subject in passing).
    const verbed = hasVerb(rest) || tokens(rest).some((w) => INVERTED.test(w));
    return verbed && questionTerms(rest).length ? { first, second: rest } : null;
  }
  return null;
}

/** What a second part asks: its own subject when it opens on one, the words to hold, the kind of value. */
export interface SecondAsk {
  /** Folded words of the subject the second part opens on (« croatie », « cour justice ue »); empty: the first part's. */
  subject: string[];
  /** The words a sentence answering it must hold. */
  asked: QuestionTerm[];
  /** The kind of value it asks. */
  kind: "count" | "price" | "date" | null;
  /** It asks of its own subject what the first part says of its own (« et la croatie ? »): one of `asked` will do. */
  same: boolean;
  /**
   * The words a sentence answering it must each hold: the nouns its interrogative asks (« quel intégrateur », « qui est
   * le président »), the names and dates it adds (« en 2026 »), a comparison's criterion (« le plus rapide »). The
   * other words (verbs, « il vient d'où ») a sentence may say otherwise.
   */
  required: QuestionTerm[];
  /** It asks by an interrogative (« quel », « combien », « où »), not yes or no. */
  wh: boolean;
  /** It asks what another subject does in general (`[demande ouverte]`): any passage on that subject answers. */
  open: boolean;
  /**
   * The thing it opens on, when it is the subject's (« mais son budget … », « et leurs imprimantes … ») or named with
   * its owner (« et les serveurs de la cpi sont où », « le siège de l'initiative est où »): what it asks the value of
   * (`openingThing`). A sentence answering it holds each of these words, or one of their synonyms, with the subject.
   */
  things: QuestionTerm[];
}

/** The second part's subject (« et la croatie ? », « et le japon il en est où », « et dans les lycées ils … »). */
function ownSubject(second: string, first: string): string[] {
  const words = tokens(second).flatMap((w) => w.split("'").filter(Boolean));
  // (« et la croatie ? », « mais la caf elle … »: another subject is brought by « et » or « mais ».)
  if (!OTHER_SUBJECT.has(words[0] ?? "")) return [];
  let at = 0;
  while (at < words.length && LINKS.has(words[at]!)) at++;
  const end = words.findIndex((w, i) => i >= at && TAKEN_UP.has(w));
  const run = words.slice(at, end < 0 ? words.length : end);
  if (run.length === 0 || run.length > SUBJECT_WORDS) return [];
  // (A run holding a verb is a clause, « l'éditeur est-il européen », not a name.)
  if (run.some((w) => ASKING_FORM.has(w) || INTERROGATIVES.test(w) || SUBJECT_VERB.has(w) || INVERTED.test(w)))
    return [];
  const firstWords = passageWords(first);
  const named = run.filter((w) => !STOPWORDS.has(w) && !LINKS.has(w) && w.length >= 2);
  if (named.length === 0 || named.every((w) => occurs(w, firstWords) || GENERIC.has(frStem(w)))) return [];
  return named;
}

/** What the second part of a question stated then asked asks (see `SecondAsk`). */
export function secondAsk(parts: TwoParts): SecondAsk {
  const words = tokens(parts.second);
  const listed = words.some((w) => PRICE.has(w))
    ? "price"
    : words.some((w) => COUNT.has(w))
      ? "count"
      : words.some((w) => DATE.has(w))
        ? "date"
        : null;
  const subject = ownSubject(parts.second, parts.first);
  // (Written in the first part as such: « a présidé » does not ask « le président ».)
  const firstWords = tokens(parts.first).flatMap((w) => w.split("'"));
  // (What follows its first « ? » is the asker's guesses, « mais quelle distrib ? Ubuntu ? Debian ? », not asked.)
  const own = questionTerms(parts.second.split("?")[0]!).filter(
    (t) =>
      !t.verb &&
      !(t.modifier && INFINITIVE.test(t.word)) &&
      !t.word.split(" ").every((w) => ASKING_FORM.has(w) || STOPWORDS.has(w) || DISCOURSE.has(w)) &&
      !t.word.split(" ").every((w) => subject.includes(w)) &&
      !GENERIC.has(frStem(t.word)) &&
      !t.word.split(" ").every((w) => firstWords.includes(w)) &&
      // (The asker's own figure, « pour 50 boîtes », is no word of the corpus; a year asked is.)
      !(/^\d+$/.test(t.word) && !t.date),
  );
  // « et la croatie ? »: the same asked of another subject — what the first part says of its own (« libreoffice »);
  // not « et le schleswig-holstein il fait quoi », asking what it does in general.
  const open = OPEN.some((e) => ` ${tokens(parts.second).join(" ")} `.includes(e));
  const kind = listed;
  const things = openingThing(parts.second).map(
    (w) => own.find((t) => t.word === w || t.word.split(" ").includes(w)) ?? { word: w, variants: [w], name: false },
  );
  const same = own.length === 0 && subject.length > 0 && !kind && !open;
  const asked = same
    ? questionTerms(parts.first)
        .filter((t) => !t.verb && !GENERIC.has(frStem(t.word)))
        .slice(1)
    : own;
  const second = folded(parts.second);
  const byInterrogative = new Set(nounsAsked(second));
  // (A criterion is asked of a choice, « lequel est le plus rapide », not « le plus dur c'est quoi ».)
  const criterion = words.some((w) => CHOICE.has(w)) ? criterionOf(second) : undefined;
  // (A plain noun asked, « quel type », « quels risques », the passages often say in other words: not required.)
  const required = own.filter(
    (t) =>
      ((t.name || t.date) && (byInterrogative.size > 0 || t.date)) || (criterion !== undefined && t.word === criterion),
  );
  const wh = INTERROGATIVES.test(second) || words.some((w) => CHOICE.has(w)) || ASKING_FIRST.has(words[0] ?? "");
  return { subject, asked, kind, same, required, wh, open, things };
}

/** `second-ask.txt` [ouverture]: words opening a second part before the thing it asks of (« et », « mais », « c'est »). */
const OPENING = list("ouverture").map(tokens);
/** `second-ask.txt` [possessif du sujet], [article défini]: the determiners of the thing a second part opens on. */
const SUBJECT_POSSESSIVE = new Set(list("possessif du sujet"));
const DEFINITE = new Set(list("article défini").flatMap(tokens));

/**
 * The words of the thing a second part opens on (past « et », « mais », « quel est », `[ouverture]`), when it is the
 * subject's (« mais son budget logiciel … » → « budget ») or named with its owner (« et les serveurs de la cpi sont où »
 * → « serveurs », « cpi »); empty otherwise — a thing its interrogative asks (« quelle distrib ») or a thing without
 * owner (« mais la dépendance hors europe ? ») a passage may say in other words, or not as such.
 */
function openingThing(second: string): string[] {
  const words = tokens(second);
  let at = 0;
  for (let moved = true; moved; ) {
    moved = false;
    for (const ow of OPENING) {
      if (ow.every((w, k) => words[at + k] === w)) {
        at += ow.length;
        moved = true;
        break;
      }
    }
  }
  const determiner = words[at];
  const noun = words[at + 1];
  if (!determiner || !noun || STOPWORDS.has(noun) || noun.length < 3) return [];
  if (SUBJECT_POSSESSIVE.has(determiner)) return [noun];
  if (!DEFINITE.has(determiner) || !["de", "du", "des", "d"].includes(words[at + 2] ?? "")) return [];
  let k = at + 3;
  if (DEFINITE.has(words[k] ?? "")) k++;
  const owner = words[k];
  return owner && !STOPWORDS.has(owner) && owner.length >= 2 ? [noun, owner] : [];
}

/** The word after « le plus », « le moins », « les meilleures », « le mieux » (`second-ask.txt` [critère]): the criterion. */
function criterionOf(second: string): string | undefined {
  const words = tokens(second).flatMap((w) => w.split("'").filter(Boolean));
  const at = words.findIndex((w) => CRITERION.has(w));
  if (at < 0) return undefined;
  return words.slice(at + 1).find((w) => !STOPWORDS.has(w) && !LINKS.has(w) && !CRITERION.has(w) && w.length >= 3);
}

/** The question cut, what its second part asks, and the subjects a sentence must name (null: nothing to test). */
async function askOf(question: string, frequency: CorpusFrequency, names?: CorpusNames) {
  const stated = statedThenAsked(question);
  const parts = stated ?? comparedThenAsked(question) ?? askedTwice(question);
  if (!parts) return null;
  const ask = secondAsk(parts);
  if (!ask.subject.length && !ask.asked.length && !ask.kind) return null;
  // Tested in its sentences: a value asked, another subject, or, asked by an interrogative, words each to hold.
  // (Asked yes or no, « … donne des chiffres de coût ? », a value is not what is asked.)
  // (« combien disait-elle avoir économisé » names nothing counted: too vague to test.)
  const counts = ask.kind !== "count" || COUNTED.test(folded(parts.second));
  // (What another subject does in general, « et le schleswig-holstein il fait quoi », is left to the search.)
  const tested =
    !(ask.open && !ask.kind && !ask.required.length) &&
    Boolean((ask.wh && ((ask.kind && counts) || ask.required.length || ask.things.length)) || ask.subject.length);
  // The subject: the second part's own, or the names of the first (« g data », « boe »).
  const firstTerms = await resolveNames(questionTerms(parts.first), frequency, names);
  const subjects: QuestionTerm[] = ask.subject.length
    ? [{ word: ask.subject.join(" "), variants: [ask.subject.join(" ")], name: false }]
    : firstTerms.filter((t) => t.name && !t.date && !GENERIC.has(frStem(t.word)));
  // (Typed in lower case, names the corpus does not write as such, « francois elie a preside l'adullact »: its words.)
  if (subjects.length === 0 && !ask.subject.length)
    subjects.push(
      ...firstTerms.filter(
        (t) =>
          !t.verb &&
          !t.modifier &&
          !t.date &&
          !GENERIC.has(frStem(t.word)) &&
          // (Not a word sharing its stem with one asked: « a présidé » is no subject of « le président ».)
          !ask.asked.some((a) => a.variants.some((v) => occurs(v, passageWords(t.word)))),
      ),
    );
  if (subjects.length === 0) return null;
  return { parts, ask, subjects, compared: !stated, tested };
}

/**
 * What a passage's heading says it is about: a card's title (« Alternative : Resana »), or the part of a page's title
 * and of its section before their colon (« Boé (Lot-et-Garonne) », not « La Suite numérique de l'État : Visio, Docs, …
 * »), unless that part lists several (« Visio, Tchap, Docs et Grist en quelques chiffres »).
 */
export function headingSubject(r: Passage): string {
  if (r.document.kind === "catalog") return r.document.title;
  return [r.document.title, r.section]
    .map((h) => h.split(/\s+:\s+/)[0]!)
    .filter((h) => !h.includes(","))
    .join(" ");
}

/** The passages of which a sentence holds the ask (see `SecondAsk`) with one of its subjects. */
function holding<P extends Passage>(ask: SecondAsk, subjects: QuestionTerm[], second: string, passages: P[]): P[] {
  const counted = ask.kind === "count" ? countedKind(countedStems(second)) : new Set<string>();
  let card = false;
  const heldBy = (sentence: string, heading: ReturnType<typeof passageWords>) => {
    const s = passageWords(sentence);
    if (!subjects.some((t) => holds(t, s) || holds(t, heading))) return false;
    if (ask.kind === "price" && !moneyIn(sentence)) return false;
    if (ask.kind === "date" && !holdsAsked(sentence, ["date"])) return false;
    if (ask.kind === "count" && !(counted.size ? holdsCount(sentence, counted) : holdsAsked(sentence, ["quantity"])))
      return false;
    // The value asked is there (a count names what it counts); so is each word asked (one of them for a date, or for
    // the same asked of another subject).
    if (ask.same) return ask.asked.length === 0 || ask.asked.some((t) => holds(t, s));
    // (A card answers by its fields what it does not write: « c'est de quel pays », « quel groupe est derrière ».)
    // (Names are often the options offered, « quelle distrib ? Ubuntu ? Debian ? »: one of them will do.)
    const named = ask.required.filter((t) => t.name && !t.date);
    // (Each thing asked, « les serveurs de la cpi », in the sentence or its heading: not the subject alone.)
    if (!ask.things.every((t) => holds(t, s) || holds(t, heading) || (card && asksCardField(t)))) return false;
    return (
      ask.required.filter((t) => !named.includes(t)).every((t) => holds(t, s) || (card && asksCardField(t))) &&
      (named.length === 0 || named.some((t) => holds(t, s)))
    );
  };
  return passages.filter((r) => {
    const heading = passageWords(headingSubject(r));
    card = r.document.kind === "catalog";
    return withoutReferences(r.text)
      .split(SENTENCE)
      .some((sentence) => heldBy(sentence, heading));
  });
}

/**
 * Of passages found for a question stated then asked (`statedThenAsked`), those holding its second part's ask with its
 * subject; null when the question is not of that form or its second part asks nothing to test.
 */
export async function askHeldBy<P extends Passage>(
  question: string,
  passages: P[],
  frequency?: CorpusFrequency,
  names?: CorpusNames,
): Promise<P[] | null> {
  if (!frequency) return null;
  const found = await askOf(question, frequency, names);
  return found?.tested ? holding(found.ask, found.subjects, found.parts.second, passages) : null;
}

/**
 * What to search for the second part on its own: its subject's words (the first part's names when it names none of
 * its own) and the second part.
 */
export async function askSearched(question: string, frequency?: CorpusFrequency, names?: CorpusNames) {
  if (!frequency) return null;
  const found = await askOf(question, frequency, names);
  if (!found) return null;
  const subject = found.ask.subject.length ? "" : found.subjects.map((t) => t.word).join(" ");
  return `${subject} ${found.parts.second}`.trim();
}

/**
 * `missingPart` for a question stated then asked (`statedThenAsked`) whose first part the passages answer: none of
 * their sentences holds the second part's ask with its subject (`SecondAsk`). Needs the corpus's counts.
 */
export async function missingAsk(
  question: string,
  answering: Passage[],
  frequency?: CorpusFrequency,
  names?: CorpusNames,
): Promise<MissingPart | null> {
  if (!frequency || answering.length === 0) return null;
  const found = await askOf(question, frequency, names);
  if (!found) return null;
  const { parts, ask, subjects, compared, tested } = found;
  if (!tested || holding(ask, subjects, parts.second, answering).length) return null;
  // The first part is answered (a comparison's, its two subjects, need not be: what it asks is the criterion).
  if (!compared && !(await assessAnswerability(parts.first, answering, frequency, names)).answerable) return null;
  // What the statement says the passages lack: the price, the thing counted and the words asked, or the subject.
  const counted = ask.kind === "count" ? COUNTED.exec(folded(parts.second))?.[1] : undefined;
  const asked = ask.same ? [] : (ask.required.length ? ask.required : ask.asked).map((t) => t.word);
  const listed = [...new Set([...(counted ? [counted] : []), ...asked])];
  const words =
    ask.kind === "price" ? ["prix"] : listed.length ? listed : ask.subject.length ? [ask.subject.join(" ")] : [];
  if (words.length === 0) return null;
  return { part: parts.second, words, first: parts.first };
}
