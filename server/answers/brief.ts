/**
 * « En bref » of an answer without a model: one to three sentences quoted verbatim from the passages the answer then
 * quotes in full, chosen for how directly they answer the question (its subject words; a figure for « combien », a
 * date for « quand », a name for « qui », several peers for « d'autres villes »), each followed by its source and
 * date, short enough to be read aloud in a council meeting. Nothing is rewritten: a sentence is quoted as the corpus
 * writes it (bold markers aside), or not at all. Also what the question asks that the passages cannot give (a cost
 * per poste, a figure for the asker's own commune), said plainly before the quotes. A question asked under a condition
 * (« … si nos données sont hébergées en France ? ») is answered first by the sentence saying whether the condition
 * changes anything (`condition.ts`); a question with two asks (« Qui possède X et est-ce que sa licence a changé ? »)
 * by a sentence for each, or says which one the passages do not answer.
 */

import { deadlineWords, pastDeadlines } from "../core/deadlines.ts";
import { asOfText, fold, frenchDate, localDay, MONTHS } from "../core/text.ts";
import { CARD_LINE } from "../corpus/catalog.ts";
import { message } from "../i18n/messages.ts";
import { BASE_STOPWORDS, wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { asksForProducts } from "../retrieval/catalog-weight.ts";
import { unsaidAskedEvent } from "../retrieval/claimed-event.ts";
import {
  askedCollectivity,
  THRESHOLD_REACH as SIZE_REACH,
  statedThresholds,
  writesPopulation,
} from "../retrieval/collectivity-scale.ts";
import { countedDoers, countedFit } from "../retrieval/counted-doers.ts";
import { FIXED_EXPRESSIONS, fixedExpressionAt } from "../retrieval/fixed-expressions.ts";
import { words } from "../retrieval/french.ts";
import { GENERIC_WORDS } from "../retrieval/lexicon.ts";
import { roleAsked, roleNamedBy } from "../retrieval/names-places.ts";
import { withoutReferences } from "../retrieval/passage-words.ts";
import { pieces, statesAbsent } from "../retrieval/passages.ts";
import {
  asksPresentHolder,
  holderSentences,
  latestHolder,
  pastMarked,
  roleNames,
  yearsIn,
} from "../retrieval/past-holder.ts";
import { questionTerms } from "../retrieval/question-terms.ts";
import {
  type Asked,
  askedFor,
  asksArguments,
  asksReversal,
  countedStems,
  holdsAsked,
  holdsCount,
  tellsReversal,
} from "../retrieval/rank.ts";
import { aliasesIn, keywords } from "../retrieval/relevance.ts";
import type { SearchResult } from "../retrieval/search.ts";
import { holdsNames, subjectNames } from "../retrieval/subject-names.ts";
import { givesDuration } from "../verify/durations.ts";
import { decisionActor, dutyActor, judgesPrice, namesActor, placeInPassing } from "./asked-form.ts";
import { cardBrief, isInventoryNames, namesCard } from "./card-brief.ts";
import { cardNames } from "./card-question.ts";
import { conditionAnswer, conditionOf, withoutCondition } from "./condition.ts";
import { asksDutyOfCollectivities, asksOwnDuty, deniesDutyOfCollectivities } from "./duty-denial.ts";
import { askedOwner, countOfOther, namedBody, ownCount } from "./figure-owner.ts";
import { ownBodyNamed, ownFigureAsked, ownRecordAsked, ownSized } from "./own-record.ts";
import { ownSubjectAsked } from "./own-subject.ts";
import { ownValueAsked } from "./own-value.ts";
import { personBrief } from "./person-brief.ts";
import { givesShareOf, shareAsked } from "./share-asked.ts";
import { unheldComplement } from "./unheld-complement.ts";
import {
  alike,
  askedYears,
  distinguishingNames,
  holdsStem,
  namesTitlePlace,
  pickVerbatim,
  quotableSentences,
  stemsOf,
  unvouchedFigure,
  type Weighed,
  wordStem,
  writtenNames,
} from "./verbatim.ts";

/** The domain's general words (« cloud », « Microsoft »), as stems: never a name the question asks about. */
const GENERAL_STEMS = new Set(GENERIC_WORDS.map(wordStem));

/** `server/i18n/fr/brief.txt`: what a question asks, by section, each entry folded. */
const ASKS = new Map(
  [...wordListSections("brief.txt").entries()].map(([k, v]) => [k, v.map((e) => normalized(fold(e)))]),
);
const entries = (section: string) => ASKS.get(section) ?? [];

/** Folded text with apostrophes and hyphens as spaces, padded: phrases are matched on whole words. */
function normalized(folded: string): string {
  return ` ${folded
    .replace(/[’'-]/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

/** The fixed expressions that ask nothing (« quand même »), normalized. */
const FIXED = FIXED_EXPRESSIONS.map((e) => normalized(fold(e)));

/** Whether the folded question holds one of a section's expressions, on whole words (fixed expressions aside). */
function asks(question: string, section: string): boolean {
  const q = FIXED.reduce((text, e) => text.replaceAll(e, " "), normalized(fold(question)));
  return entries(section).some((e) => q.includes(e));
}

/** The months a text names, folded (« avril »). */
/** The month names, folded. */
const FOLDED_MONTHS = MONTHS.map(fold);
function monthsIn(text: string): string[] {
  const said = new Set(normalized(fold(text)).trim().split(" "));
  return FOLDED_MONTHS.filter((m) => said.has(m));
}

/** Whether a sentence names months, none of them one asked. */
function otherMonthsOnly(sentence: string, asked: string[]): boolean {
  const said = monthsIn(sentence);
  return said.length > 0 && !said.some((m) => asked.includes(m));
}

/** How many words after a word of the subject an expression of [définit] may come (« OPSN ), c'est-à-dire »). */
const DEFINE_REACH = 3;
/** What a sentence defining the thing asked weighs. */
const DEFINES = 2;

/** The expressions of [définit], each as its words. */
const DEFINING_MARKS = entries("définit").map((e) => e.trim().split(" "));

/**
 * Whether a sentence says what the thing asked is: a word of the subject, then within a few words an expression of
 * `brief.txt` [définit] (« … (OPSN), c'est-à-dire des structures publiques qui … », « Déclic est le réseau … »).
 */
function definesSubject(sentence: string, stems: string[]): boolean {
  const said = normalized(fold(sentence)).trim().split(" ");
  return said.some(
    (w, k) =>
      stems.includes(wordStem(w)) &&
      Array.from({ length: DEFINE_REACH }, (_, d) => k + 1 + d).some((m) =>
        DEFINING_MARKS.some((mark) => mark.every((x, n) => said[m + n] === x)),
      ),
  );
}

/** Words naming a collectivité of any kind (`collectivity-kinds.txt`, all sections but [petite] and [administration]). */
const COLLECTIVITY_WORDS = [...wordListSections("collectivity-kinds.txt").entries()]
  .filter(([k]) => k !== "petite" && k !== "administration")
  .flatMap(([, v]) => v)
  .concat(["collectivité", "collectivités", "Land", "Länder"])
  .map((w) =>
    fold(w)
      .replace(/[^a-z0-9]+/g, " ")
      .trim(),
  );
export const namesCollectivity = (text: string) => {
  const folded = ` ${fold(text).replace(/[^a-z0-9]+/g, " ")} `;
  return COLLECTIVITY_WORDS.some((w) => folded.includes(` ${w} `));
};
/**
 * Whether a question asks for something a sentence visibly gives or not: a figure or a date (`asked`), a cost, a grant.
 */
export const asksGiven = (question: string, asked: Asked[]) =>
  asked.length > 0 || asks(question, "prix") || asks(question, "subvention");
/** A question asking for several peers or examples (« Qu'ont fait d'autres villes ? », « Quelles communes … ? »). */
export const asksPeers = (question: string) => asks(question, "pairs");

/**
 * A question asking what a text obliges to do (« NIS2, ça nous oblige à quoi ? »): whether a sentence says a duty or
 * that it does not apply (`brief.txt` [devoir dit]), for the excerpt to show it; null when the question asks none.
 */
export function dutyAnswer(question: string): ((sentence: string) => boolean) | null {
  return asks(question, "devoir") ? (sentence) => asks(sentence, "devoir dit") : null;
}

/**
 * A question asking to which collectivités a text applies (« nis2 quand ça s'applique aux communes ? », `brief.txt`
 * [portée]): whether a sentence answers it — it names collectivités and says a duty or a population threshold (« Le
 * seuil discuté pour les collectivités est de 30 000 habitants », « Une collectivité doit donc vérifier sa situation
 * … »); null when the question asks none (trial16 C1).
 */
export function scopeAnswer(question: string): ((sentence: string) => boolean) | null {
  if (!asks(question, "portée")) return null;
  // (Each item of a list glued into one sentence apart: « - Vérifier si elle dépasse le seuil discuté (30 000
  // habitants) … - Mutualiser : … pour les petites communes. » names collectivités in one item, a threshold in another.)
  return (sentence) =>
    sentence
      .split(/(?:^|\n)\s*[-*•]\s+/u)
      .some((s) => namesCollectivity(s) && (asks(s, "devoir dit") || statedThresholds(s).length > 0));
}

/**
 * A question asking why (`brief.txt` [cause]: « munich est revenu à windows pourquoi ? »): whether a sentence gives
 * the reasons ([cause dite]: « Les partisans du retour à Windows ont invoqué deux arguments : … »); null when the
 * question asks none (trial16 C12).
 */
export function causeAnswer(question: string): ((sentence: string) => boolean) | null {
  return asks(question, "cause") ? (sentence) => asks(sentence, "cause dite") : null;
}

/** Characters of « En bref » at most, sources included: about twenty seconds read aloud. */
export const BRIEF_CHARS = 450;
/** Characters of « En bref » at most for a question asking for several peers: room for two of them. */
export const PEERS_CHARS = 560;
/**
 * Characters a claim quoted with what qualifies it (« … d'ici 2027 ». « La formule est à nuancer : … ») may run over
 * `BRIEF_CHARS`: the two are never cut apart, and the claim alone would be read as the answer (trial14 A2).
 */
const QUALIFIED_ALLOWANCE = PEERS_CHARS - BRIEF_CHARS;
/** Sentences quoted at most. */
const MAX_SENTENCES = 3;
/**
 * What a list item weighs less than a sentence: it answers when it holds what no sentence does (« Environ 375 000
 * utilisateurs actifs par mois »), not by the dense words of a label (« Bureautique : OnlyOffice … »).
 */
const ITEM_PENALTY = 2;
/** What a sentence giving no amount loses when a price is asked. */
const NO_AMOUNT = 2;
/** What a sentence telling a fall loses when a rise is asked. */
const FALL_TOLD = 3;
/** A factor or a share (« de 8 à 15 fois », « +13 % »). */
const FACTOR = /\d\s*(?:%|fois\b)/u;
/** Subject words a section's heading holds, at least, for its words to count for a sentence of the section. */
const HEADING_WORDS = 2;
/** Length over which a sentence of several clauses (« … ; … ») is quoted by its first. */
const LONG_SENTENCE = 260;

/** A money amount: « 11,7 millions d'euros », « 300 000 euros », « 15 € », « 655 millions de dollars ». */
const MONEY =
  /\d[\d\s\u00a0\u202f.,]*\s*(?:(?:millions?|milliards?|k)\s+)?(?:d['’]\s*|de\s+)?(?:€|euros?|dollars?|wons?|\$|couronnes?)/iu;
/** A person's name: two capitalised words, the second not a common French start of sentence. */
const PERSON = /(?<!^)(?<![.!?]\s)\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}{2,}/u;
/** A capitalised name inside a sentence (a place, an organisation), not its first word. */
const NAMED = /(?<=\s)\p{Lu}[\p{L}-]{2,}/u;

export interface BriefQuote {
  /** The sentence as the passage writes it. */
  text: string;
  /** Number (from 1) of the quoted passage it comes from. */
  source: number;
}

/**
 * A passage as the answer quotes it: one section, or several of one document glued, each section's heading and text
 * kept (`parts`) so that a sentence is credited with the place its own section is about.
 */
export type QuotedPassage = SearchResult & { parts?: Pick<SearchResult, "section" | "text">[] };

export interface Brief {
  /** « En bref : … » as the answer writes it (without the blank line after it). */
  text: string;
  quotes: BriefQuote[];
}

/** The stems of the words that ask a grant (`[subvention]`): the grant said counts once, whatever its words. */
const GRANT_STEMS = new Set(entries("subvention").flatMap((e) => e.trim().split(" ").map(wordStem)));

/** Words of a cost (not of a saving): « coût », « coûte », « dépense », « budget », « prix », folded. */
const COST = /\b(?:cout\w*|depens\w*|budget\w*|prix|tarif\w*|finance\w*|investi\w*)\b/;

/** « Ville de Lyon » of « Ville de Lyon : sortir progressivement de Microsoft … »: a title's first part. */
export function shortTitle(title: string): string {
  const first = title.split(/\s+[:—–]\s+|\s*:\s+/)[0]!.trim();
  return first.length <= 60 ? first : `${first.slice(0, first.lastIndexOf(" ", 57))}…`;
}

/**
 * « (Ville de Lyon, mars 2026) [1] »: the source of a quoted sentence, as read aloud and as a link. A catalog card is
 * named as one (« fiche « Dr.Web » du catalogue »), with its date or « sans date »: never a bare « (Produit) ».
 */
export function sourceOf(r: QuotedPassage, n: number, sentence = ""): string {
  if (r.document.kind === "catalog") {
    const name = r.document.title.replace(/^[^:]*:\s*/, "");
    const date = r.document.date ? frenchDate(r.document.date) : message("answer.briefUndated");
    return `(${message("answer.briefCard", { name })}, ${date}) [${n}]`;
  }
  const date = r.document.date ? `, ${frenchDate(r.document.date)}` : "";
  const place = sectionPlace(r, sentence);
  return `(${place ? `${place}, ` : ""}${shortTitle(r.document.title)}${date}) [${n}]`;
}

/**
 * « … est de 30 000 habitants (InCyber, mars 2024 ; Akant, s. d.). » → the sentence without the references it ends on
 * (« … est de 30 000 habitants ») and those references (« InCyber, mars 2024 ; Akant, s. d. »): what an élu reads
 * aloud is the statement, and the sources it names are credited beside the corpus page that cites them (trial19 LOW).
 * Only a last parenthesis each item of which is a named, dated reference (« Rocking Robots, 2021 »); a parenthesis of
 * the statement itself (« (soit 90 % du parc, en 2021) », « (2004-2021) ») stays in the quotation.
 */
export function trailingReferences(sentence: string): { body: string; cited: string } | null {
  const m = /\s*\(([^()]{3,200})\)\s*[.!?]?\s*$/u.exec(sentence);
  if (!m || m.index === 0) return null;
  const items = m[1]!.split(/\s*;\s*/).map((i) => i.trim());
  const reference = (i: string) => /^[\p{Lu}\d]/u.test(i) && i.includes(",") && DATED_REFERENCE.test(fold(i));
  if (!items.every(reference)) return null;
  // Verbatim up to the references: the detail below quotes the whole sentence, and the quotation is a piece of it.
  return { body: sentence.slice(0, m.index).trimEnd(), cited: items.join(" ; ") };
}

/** What « En bref » quotes of a sentence: the sentence without the references it ends on (`trailingReferences`). */
export const shownText = (sentence: string) => trailingReferences(sentence)?.body ?? sentence;

/** A reference's date at its end: « 2021 », « mars 2024 », « 10 septembre 2025 », « s. d. » (folded). */
const DATED_REFERENCE = /,\s*(?:(?:1er|\d{1,2}) )?(?:[a-z]+ )?(?:1[89]|20)\d{2}$|,\s*s\.\s?d\.?$/u;

/**
 * « « statement. » (References — Corpus page, date) [n] »: a quoted sentence as « En bref » reads it, the references
 * it ends on moved beside its source (`trailingReferences`).
 */
export function quoteWithSource(text: string, r: QuotedPassage, n: number): string {
  const split = trailingReferences(text);
  if (!split) return `« ${text} » ${sourceOf(r, n, text)}`;
  const source = sourceOf(r, n, text).replace(/^\(/, "");
  return `« ${split.body} » (${message("answer.briefCitedIn", { cited: split.cited })}${source}`;
}

/** Longest name of a section's subject (« Boé » of « Boé (Lot-et-Garonne) : 95 % des postes sous Ubuntu »). */
const SECTION_PLACE_CHARS = 40;

/**
 * The collectivité a case study's sentence is about when neither the sentence nor its document's short title names
 * it: the subject its section's heading opens on (« Boé » in « Autres collectivités françaises »), so that « Le projet
 * est parti d'une contrainte … » read aloud says whose project. Empty when the title or the sentence holds a word of
 * it already (« Munich : le retour à Windows » in « Munich et LiMux »), or the passage is not a case study.
 */
function sectionPlace(r: QuotedPassage, sentence: string): string {
  if (r.document.kind !== "case-study" || !sentence) return "";
  const probe = fold(sentence.slice(0, 60)).replace(/[^a-z0-9]+/g, " ");
  const part =
    r.parts?.find((p) =>
      fold(p.text)
        .replace(/[^a-z0-9]+/g, " ")
        .includes(probe),
    ) ?? (r.parts ? undefined : r);
  const heading = part?.section ?? "";
  if (!heading.includes(":")) return "";
  const lead = heading
    .split(/\s+:\s+|\s*:\s+/)[0]!
    .replace(/\s*\([^)]*\)/g, "")
    .trim();
  if (!lead || lead.length > SECTION_PLACE_CHARS || !/^\p{Lu}/u.test(lead)) return "";
  // (A word of the lead in the title or the sentence: they say whom already — « Munich, puis Nancy » in « Munich et
  // LiMux ».)
  const named = new Set([...stemsOf(shortTitle(r.document.title)), ...stemsOf(sentence)]);
  return stemsOf(lead).some((s) => s.length > 2 && named.has(s)) || abbreviates(lead, r.document.title) ? "" : lead;
}

/** The heading of the section of a passage a sentence comes from (its part's, for several sections glued). */
function headingOf(r: QuotedPassage, sentence: string): string {
  if (!r.parts) return r.section;
  const probe = fold(sentence.slice(0, 60)).replace(/[^a-z0-9]+/g, " ");
  return (
    r.parts.find((p) =>
      fold(p.text)
        .replace(/[^a-z0-9]+/g, " ")
        .includes(probe),
    )?.section ?? ""
  );
}

/** Whether a name is the initials of words the title writes in a row (« CPI » of « Cour pénale internationale »). */
function abbreviates(name: string, title: string): boolean {
  if (!/^\p{Lu}{2,6}$/u.test(name)) return false;
  const initials = (title.match(/\p{L}+/gu) ?? [])
    .filter((w) => w.length > 3 || /^\p{Lu}/u.test(w))
    .map((w) => fold(w[0]!))
    .join("");
  return initials.includes(fold(name));
}

/** Whether a sentence opens on one of a section's expressions (folded, whole words). */
const opensOn = (sentence: string, section: string) => {
  const s = normalized(fold(sentence));
  return entries(section).some((e) => s.startsWith(e));
};

/**
 * Whether a sentence points to another document or speaks of the corpus itself instead of answering (« Voir le
 * document consacré à … », « Pour le détail, voir aussi … », « Au-delà des cas détaillés ailleurs dans le corpus … »):
 * `brief.txt` [renvoi], [renvoi en cours de phrase]. Never read aloud, in « En bref » or a note's « L'essentiel ».
 */
export const pointsElsewhere = (sentence: string) =>
  opensOn(sentence, "renvoi") || asks(sentence, "renvoi en cours de phrase");

/** `adjectives-of-places.txt`: each country as its name and adjectives, normalized; wide places (Europe) apart. */
const COUNTRIES: string[][] = wordListLines("adjectives-of-places.txt")
  .filter((l) => l.includes(":"))
  .map((l) => {
    const [name, list] = l.split(":") as [string, string];
    return [name, ...list.split(",")].map((w) => normalized(fold(w.trim())));
  })
  .filter((forms) => !/ (?:europe|union europeenne|amerique|bretagne) /.test(forms[0]!));
/** The countries (indexes in `COUNTRIES`) a text names, by name or adjective. */
const countriesOf = (text: string): number[] => {
  const t = normalized(fold(text));
  return COUNTRIES.flatMap((forms, i) => (forms.some((f) => t.includes(f)) ? [i] : []));
};
/** Words of a sentence's start where the country of its subject is said (« L'armée autrichienne a quitté … »). */
const SUBJECT_REACH = 6;

interface Candidate extends Weighed {
  /** Number (from 1) of the quoted passage. */
  source: number;
  /** A claim quoted with the sentence that qualifies it (`QuotableSentence.qualified`). */
  qualified?: boolean;
}

/** A sentence opening on a place (« À Fontaine, », « Au Danemark, », « En Bavière, »). */
const OTHER_PLACE =
  /^(?:À|A|Au|Aux|En|Chez|Dans)\s+(?:l['’]|la\s+|le\s+)?\p{Lu}[\p{L}'’-]+(?:[\s-]+\p{Lu}[\p{L}'’-]+)*\s*,/u;

/** A sentence opening on a name after its article (« Le Schleswig-Holstein a suivi … », « La Gendarmerie a … »). */
const NAMED_OPENING = /^(?:Le|La|Les|L['’])\s*\p{Lu}[\p{L}'’-]+/u;

/** Words of a role's complement that do not name it (« aujourd'hui », « actuel »): `brief.txt` [rôle, moment]. */
const ROLE_TIME = new Set(entries("rôle, moment").map((e) => e.trim()));
/**
 * Words between a role noun and its complement in a sentence naming it (« ministre déléguée chargée du numérique »),
 * little words (`stopwords.txt`: « de », « l' », « et », « du ») not counted: « ministre déléguée chargée de
 * l'Intelligence artificielle et du Numérique » names the minister of « numérique » (trial24 T-M1).
 */
const ROLE_REACH = 5;
/** The little words a role's title runs over (`stopwords.txt`), as stems. */
const LITTLE_STEMS = new Set(BASE_STOPWORDS.map((w) => wordStem(fold(w))));

/**
 * The role a question asks who holds (« qui est le ministre du numérique aujourd'hui ? »): its noun and the stems of
 * the subject words after it (« numérique »), time words aside; null when it asks none.
 */
function roleWords(question: string): { nouns: string[]; complement: string[] } | null {
  const noun = roleAsked(question);
  if (!noun) return null;
  const after = fold(question).split(new RegExp(`\\b${noun}\\b`))[1] ?? "";
  const complement = keywords(after)
    .filter((w) => !ROLE_TIME.has(w))
    .map(wordStem);
  // (The role in either gender, « directeur » or « directrice », and its verb, « dirigée par » (`person-question.txt`).)
  return { nouns: [...new Set(roleNamedBy(noun).map(wordStem))], complement };
}

/**
 * Whether a sentence names the role: one of its nouns, with each word of its complement within `ROLE_REACH` words
 * after it, in its title — before a comma, a colon or a person's name, which end it (« Premier ministre Sébastien
 * Lecornu sur la doctrine d'achats numériques » names no minister of « numérique », trial24 T-M1).
 */
function namesRole(sentence: string, role: { nouns: string[]; complement: string[] }): boolean {
  const tokens = sentence.match(/[\p{L}\p{N}'’-]+|[,;:]/gu) ?? [];
  return tokens.some((token, i) => {
    if (!stemsOf(token).some((w) => role.nouns.includes(w))) return false;
    const title: string[] = [];
    for (let k = i + 1; k < tokens.length && title.length <= ROLE_REACH; k++) {
      const t = tokens[k]!;
      if (/^[,;:]$/.test(t) || (/^\p{Lu}\p{Ll}/u.test(t) && /^\p{Lu}\p{Ll}/u.test(tokens[k + 1] ?? ""))) break;
      title.push(...stemsOf(t).filter((w) => !LITTLE_STEMS.has(w)));
    }
    return role.complement.every((c) => title.slice(0, ROLE_REACH + 1).includes(c));
  });
}

/**
 * The question's subject words: its keywords, less the words that only say what kind of answer it wants (the
 * [pairs], [prix] and [qui] expressions) and the words of the asker's own collectivity.
 */
export function subjectWords(question: string): string[] {
  const asking = new Set(["pairs", "prix", "qui"].flatMap((s) => entries(s).flatMap((e) => e.trim().split(" "))));
  return keywords(question).filter((w) => !asking.has(w) && !/^\d+$/.test(w));
}

/**
 * « En bref »: the sentences of the quoted passages (`excerpts`, the text shown of each of `used`) that answer most
 * directly, best first, within `BRIEF_CHARS`; null when none holds a subject word of the question. A question with
 * two asks: a sentence for each, within `PEERS_CHARS`, and what the passages do not say of either.
 */
export function briefOf(written: string, used: QuotedPassage[], excerpts: string[], asked: Asked[]): Brief | null {
  // (How the answer is to be said, « en deux mots », asks nothing of the subject: trial24 T-M1.)
  const question = withoutManner(written);
  const parts = askParts(question);
  // A question about one catalog product: the lines of its card that answer what it asks. Not one asked under a
  // condition on where data are (« le CLOUD Act s'applique-t-il si nos données sont hébergées en France par
  // Microsoft ? »): no line of a card says whether where they are changes anything.
  // (A second ask the card does not answer, « … et combien de temps ça prend pour migrer ? », is answered after it, or
  // said not answered: trial21 T-M3.)
  if (!conditionOf(question)?.place) {
    const card = cardBrief(question, used, excerpts, BRIEF_CHARS);
    if (card)
      return parts.length >= 2 ? (twoAsks(question, parts, used, excerpts, costOfIn(used), card) ?? card) : card;
  }
  // « Qui est X ? »: the sentence that gives X's role.
  const person = personBrief(question, used, excerpts, BRIEF_CHARS, (r, n) => sourceOf(r, n));
  if (person) return person;
  if (used.length === 0) return null;
  const said = (statement: string): Brief => ({ text: message("answer.brief", { quotes: statement }), quotes: [] });
  // A place the passages name only as where something else is (« … fondée en 2012 à Grenoble »): said, and nothing
  // read aloud as its own (trial25 T-M6: Échirolles and Fontaine read as Grenoble's state).
  const passing = placeInPassing(question, used, excerpts, wideWord);
  if (passing) return said(message("answer.briefPlaceInPassing", { place: `« ${passing} »` }));
  // A decision asked of an actor no quoted passage names (« qu'est-ce que l'europe a décidé … ? »): said, never another
  // body's decision read as its own (trial25 T-M4: the Ville de Lyon's).
  const actor = decisionActor(question);
  if (actor && !used.some((r, i) => namesActor(`${r.document.title} ${excerpts[i] ?? ""}`, actor)))
    return said(message("answer.briefNoDecisionOf", { actor: `« ${actor.written} »` }));
  // What an actor imposes, asked (« l'anssi elle impose quoi aux petites communes »), when no quoted sentence says a
  // duty of it (it, or its document's title, naming the actor): said, never a sentence where it imposes nothing read as
  // the answer (trial25 T-M6).
  const imposer = dutyActor(question);
  const imposes = (r: QuotedPassage, i: number) =>
    (excerpts[i] ?? "")
      .split(/(?<=[.!?;])\s+/)
      .some((x) => asks(x, "devoir dit") && (namesActor(x, imposer!) || namesActor(r.document.title, imposer!)));
  if (imposer && !used.some(imposes)) return said(message("answer.briefNoDutyBy", { actor: `« ${imposer.written} »` }));
  const intro = message("answer.brief", { quotes: "" });
  const costOf = costOfIn(used);
  if (parts.length >= 2) return twoAsks(question, parts, used, excerpts, costOf);
  const subject = subjectWords(question);
  if (subject.length === 0) return null;
  const among = notAmong(question, used);
  if (among) {
    // « Lyon fait partie des lauréats ? »: said first that no passage names it among them, then what they say of the
    // group — never a sentence naming it in another capacity (« la plateforme de la Métropole de Lyon »).
    const lead = message("answer.briefNotAmong", { name: among.name, group: among.group });
    const chosen = pickVerbatim(groupItems(used, excerpts), {
      max: 2,
      perDocument: 2,
      budget: BRIEF_CHARS - intro.length - lead.length - 1,
      cost: costOf,
      tooWeak: (score, best) => score < Math.min(best / 2, best - 2) || score <= 0,
    });
    const quotes = chosen.map((c) => quoteWithSource(c.text, used[c.source - 1]!, c.source));
    return {
      text: message("answer.brief", { quotes: [lead, ...quotes].join(" ") }),
      quotes: chosen.map((c) => ({ text: shownText(c.text), source: c.source })),
    };
  }
  // A yes/no question on an event no quoted sentence says of its subject (« la gendarmerie est repassée sous windows 11
  // en 2024 non ? »): said first, then the latest the passages say of the subject — never silence read as a yes
  // (trial21 T-M7).
  const unsaid = unsaidAskedEvent(question, used);
  if (unsaid) {
    const claim = `« ${claimWritten(question)} »`;
    const lead = message("answer.briefEventUnsaid", { claim });
    const latest = (c: Candidate) => Math.max(0, ...yearsIn(withoutReferences(c.text)));
    // (Weighed on the subject alone: the claim's version, year and words are what the passages do not say.)
    const about = unsaid.subject.join(" ");
    const ranked = weighed(about, unsaid.subject, used, excerpts, [], about)
      .filter((c) => c.score > 0)
      .sort((a, b) => latest(b) - latest(a) || b.score - a.score);
    // (The latest first: the sentence with the latest year of its own that fits.)
    const room = BRIEF_CHARS - intro.length - lead.length - 1;
    const chosen = ranked.filter((c) => costOf(c) <= room).slice(0, 1);
    const quotes = chosen.map((c) => quoteWithSource(c.text, used[c.source - 1]!, c.source));
    return {
      text: message("answer.brief", {
        quotes: quotes.length ? [lead, ...quotes].join(" ") : message("answer.briefEventUnsaidAlone", { claim }),
      }),
      quotes: chosen.map((c) => ({ text: shownText(c.text), source: c.source })),
    };
  }
  const all = weighed(question, subject, used, excerpts, asked, question);
  // Asked for arguments to convince: no sentence telling a reversal is read aloud (« Nancy … a mis fin à sa
  // stratégie », « À Munich, le conseil municipal a voté … le retour à des logiciels sous Windows », trial19 H5) —
  // rather no « En bref » than one pleading the opposite; the passages still follow.
  // Asked for collectivités that moved (« quelles communes sont passées au libre ? »): nor one that went back (« Nancy …
  // a mis fin à sa stratégie open source », lead's probe, 7 December 2026), unless reversals are what it asks.
  const successes = asksPeers(question) && !asksReversal(question);
  const candidates = asksArguments(question) || successes ? all.filter((c) => !tellsReversal(c.text)) : all;
  // « Quelles communes normandes sont passées au libre ? » when no passage names Normandy: said first, then examples
  // from elsewhere — never Fontaine (Isère) read aloud as a Norman commune (trial16 C16).
  const region = asksPeers(question) ? regionUnnamed(question, used) : null;
  if (region) {
    const lead = message("answer.briefNoneIn", { region });
    const chosen = peerSentences(candidates, PEERS_CHARS - intro.length - lead.length - 1, costOf);
    if (chosen.length === 0)
      return { text: message("answer.brief", { quotes: message("answer.briefNoneInAlone", { region }) }), quotes: [] };
    const quotes = chosen.map((c) => quoteWithSource(c.text, used[c.source - 1]!, c.source));
    return {
      text: message("answer.brief", { quotes: [lead, ...quotes].join(" ") }),
      quotes: chosen.map((c) => ({ text: shownText(c.text), source: c.source })),
    };
  }
  // A share of a group asked (« quelle part des communes françaises … ? ») that no quoted sentence gives: said first,
  // then the nearest facts — never one commune's « 95 % de son parc » heard as the share asked (trial26 T-M1).
  const share = shareAsked(question);
  const shareLead =
    share && !excerpts.some((x) => x.split(/(?<=[.;!?])\s+/).some((s) => givesShareOf(s, share.noun)))
      ? message("answer.briefShareNotGiven", { group: share.written })
      : null;
  // A kind of thing no quoted passage names (« nos données de l'état civil … ? »): said first, then the nearest
  // facts — never the Health Data Hub's health data heard as the answer (trial26 T-M1).
  const unheld = shareLead
    ? null
    : unheldComplement(
        question,
        used.map((r) => `${r.document.title} ${r.text}`),
      );
  const lead = shareLead ?? (unheld ? message("answer.briefComplementUnheld", { what: unheld }) : null);
  const room = lead ? lead.length + 1 : 0;
  // (The share not given, the nearest fact is a share of something else: a sentence giving a percentage weighs more.)
  const nearest = shareLead
    ? candidates.map((c) => (FACTOR.test(c.text) ? { ...c, score: c.score + SHARE_NEAREST } : c))
    : candidates;
  const chosen = asksPeers(question)
    ? peerSentences(nearest, PEERS_CHARS - intro.length - room, costOf)
    : pickVerbatim(nearest, {
        max: MAX_SENTENCES,
        perDocument: 2,
        budget: BRIEF_CHARS - intro.length - room,
        cost: costOf,
        // A weaker sentence than half the best's score adds length, not an answer.
        tooWeak: (score, best) => score < Math.min(best / 2, best - 2) || score <= 0,
      });
  if (lead && !shareLead && chosen.length)
    return {
      text: message("answer.brief", {
        quotes: [lead, ...chosen.map((c) => quoteWithSource(c.text, used[c.source - 1]!, c.source))].join(" "),
      }),
      quotes: chosen.map((c) => ({ text: shownText(c.text), source: c.source })),
    };
  if (shareLead && share) {
    if (chosen.length === 0)
      return {
        text: message("answer.brief", { quotes: message("answer.briefShareNotGivenAlone", { group: share.written }) }),
        quotes: [],
      };
    const quotes = chosen.map((c) => quoteWithSource(c.text, used[c.source - 1]!, c.source));
    return {
      text: message("answer.brief", { quotes: [shareLead, ...quotes].join(" ") }),
      quotes: chosen.map((c) => ({ text: shownText(c.text), source: c.source })),
    };
  }
  return chosen.length ? quoted(chosen, used) : null;
}

/** The expressions of [manière] (« en deux mots », « pour faire simple »), each as a pattern of its folded words. */
const MANNER = entries("manière").map(
  (e) => new RegExp(`(?<![a-z0-9])${e.trim().split(" ").join("[\\s'’-]+")}(?![a-z0-9])`, "g"),
);

/**
 * The question without what says how the answer is to be said (`brief.txt` [manière]: « c'est quoi le cloud act en
 * deux mots » → « c'est quoi le cloud act »), as it writes the rest (capitals kept); the question itself when that is
 * all it writes.
 */
export function withoutManner(question: string): string {
  const folded = fold(question);
  // (Folding keeps the length of a text typed with composed accents: a match's place in it is its place in the question.)
  if (folded.length !== question.length) return question;
  let kept = question;
  for (const pattern of MANNER)
    for (const m of folded.matchAll(pattern))
      kept = `${kept.slice(0, m.index)}${" ".repeat(m[0].length)}${kept.slice(m.index + m[0].length)}`;
  const out = kept
    .replace(/\s+/g, " ")
    .replace(/\s+([,?!.])/g, "$1")
    .trim();
  return keywords(out).length ? out : question;
}

/** Tags that ask to confirm a claim (« …, non ? », « c'est ça ? »), folded: not part of the claim (`brief.txt` [confirmation]). */
const TAGS = entries("confirmation").map((e) => e.trim());

/** Words opening a premise stated before the question (« puisque », « vu que »), folded (`brief.txt` [prémisse]). */
const PREMISE_OPENERS = entries("prémisse").map((e) => e.trim());

/**
 * The claim a yes/no question states, as it writes it: its end mark and its tag asking to confirm it dropped; of a
 * premise stated before the question (« Puisque l'UE a interdit Microsoft en 2025, que doit faire notre commune ? »),
 * the premise alone (trial26 T-M2).
 */
function claimWritten(question: string): string {
  let claim = question.trim().replace(/[\s?!.]+$/, "");
  const comma = claim.indexOf(",");
  for (const opener of PREMISE_OPENERS) {
    const at = new RegExp(`^${opener.split(" ").join("[\\s'’-]+")}[\\s'’]+`).exec(fold(claim));
    if (at && comma > at[0].length) {
      claim = claim.slice(at[0].length, comma).trim();
      break;
    }
  }
  // (Folding keeps the length of a text typed with composed accents: the tag's place in it is its place in the claim.)
  for (const tag of TAGS) {
    const at = new RegExp(`[\\s,;]+${tag.split(" ").join("[\\s'’-]+")}$`).exec(fold(claim));
    if (at && at.index > 0) claim = claim.slice(0, at.index);
  }
  return claim;
}

/** What a sentence costs read aloud in « En bref »: its text, its source, the marks around them. */
const costOfIn = (used: QuotedPassage[]) => (c: Candidate) =>
  c.text.length + sourceOf(used[c.source - 1]!, c.source, c.text).length + 4 - (c.qualified ? QUALIFIED_ALLOWANCE : 0);

/**
 * « En bref » with, after each quote setting a deadline now past that was still ahead when its page was written
 * (« doit formaliser d'ici l'automne 2026 son plan » read aloud in December 2026), the note the documents add: the
 * deadline is past and the corpus does not say whether it was kept (trial14 A15). `today`: the day of the answer.
 */
export function withPastDeadlines(brief: Brief, used: QuotedPassage[], today = localDay()): Brief {
  let text = brief.text;
  let from = 0;
  for (const q of brief.quotes) {
    const at = text.indexOf(q.text, from);
    if (at < 0) continue;
    const mark = `[${q.source}]`;
    const end = text.indexOf(mark, at + q.text.length);
    if (end < 0) continue;
    from = end + mark.length;
    const page = used[q.source - 1]?.document.date ?? null;
    const dated = page && /^\d{4}(?:-\d{2}){0,2}$/.test(page) ? page : null;
    const past = pastDeadlines(q.text, today, dated);
    if (past.length === 0) continue;
    const deadlines = [...new Set(past.map((d) => `« ${d.text} »`))].join(", ");
    const note = dated
      ? message("answer.briefDeadlinePast", { deadlines, asOf: asOfText(dated) })
      : message("answer.briefDeadlinePastNoDate", { deadlines });
    text = `${text.slice(0, from)} ${note}${text.slice(from)}`;
    from += note.length + 1;
  }
  return text === brief.text ? brief : { ...brief, text };
}

/** Whether a word names a country or a French region (a wide place, not a town the passages may name in passing). */
const wideWord = (word: string) => {
  const w = normalized(fold(word));
  return countriesOf(word).length > 0 || REGIONS.some((r) => r.forms.includes(w));
};

/** `region-adjectives.txt`: each French region, its name then its adjectives, normalized; `written`, « de Normandie ». */
const REGIONS = wordListLines("region-adjectives.txt")
  .filter((l) => l.includes(":"))
  .map((l) => {
    const [head, list] = l.split(":") as [string, string];
    const [name, written] = head.split(",").map((w) => w.trim()) as [string, string];
    return { written, forms: [name, ...list.split(",")].map((w) => normalized(fold(w.trim()))) };
  });

/**
 * The region a question asks about by its name or an adjective (« normandes »), when no quoted passage names it in
 * either way (its title, heading or text): as « En bref » writes it (« de Normandie »); null otherwise.
 */
function regionUnnamed(question: string, used: QuotedPassage[]): string | null {
  const q = normalized(fold(question));
  const region = REGIONS.find((r) => r.forms.some((f) => q.includes(f)));
  if (!region) return null;
  const texts = used.map((r) => normalized(fold(`${r.document.title} ${r.section} ${r.text}`)));
  return texts.some((t) => region.forms.some((f) => t.includes(f))) ? null : region.written;
}

/** The groups a question of membership names (`brief.txt` [groupe]), as stems. */
const GROUP_STEMS = new Set(entries("groupe").map((e) => wordStem(e.trim())));
const holdsGroupWord = (text: string) => stemsOf(text).some((w) => GROUP_STEMS.has(w));

/**
 * « Lyon fait partie des lauréats ? » (`brief.txt` [appartenance]): the names the question asks of (those it writes
 * with a capital that no quoted document's title writes) and the group, when a quoted passage is about that group (its
 * heading or text names it) and none names them in it — in a list item or a sentence naming the group. Null when the
 * question asks no membership, or a passage names them in the group.
 */
function notAmong(question: string, used: QuotedPassage[]): { name: string; group: string; stems: string[] } | null {
  if (!asks(question, "appartenance")) return null;
  const group = (question.match(/[\p{L}]+/gu) ?? []).find((w) => GROUP_STEMS.has(wordStem(fold(w))));
  if (!group) return null;
  const titled = new Set(used.flatMap((r) => stemsOf(r.document.title)));
  const stems = writtenNames(question).filter((s) => !titled.has(s) && !GROUP_STEMS.has(s));
  if (stems.length === 0) return null;
  const holdsGroup = (text: string) => stemsOf(text).some((w) => GROUP_STEMS.has(w));
  const sections = used.flatMap((r) => r.parts ?? [{ section: r.section, text: r.text }]);
  const aboutGroup = sections.filter((p) => holdsGroup(p.section) || holdsGroup(p.text));
  if (aboutGroup.length === 0) return null;
  const named = aboutGroup.some((p) =>
    pieces(p.text).some(
      (piece) => stems.every((s) => holdsStem(stemsOf(piece.text), s)) && (piece.list >= 0 || holdsGroup(piece.text)),
    ),
  );
  if (named) return null;
  const name = (question.match(/[\p{L}\p{N}'’-]+/gu) ?? [])
    .filter((w) => /^\p{Lu}/u.test(w) && stemsOf(w).some((s) => stems.includes(s)))
    .join(" ");
  return name ? { name, group: group.toLowerCase(), stems } : null;
}

/**
 * What the quoted passages say of a group: the list items of a section about it (« Niveau Or : … » under « les lauréats
 * de 2025 ») and the sentences naming it, in order.
 */
function groupItems(used: QuotedPassage[], excerpts: string[]): Candidate[] {
  const holdsGroup = (text: string) => stemsOf(text).some((w) => GROUP_STEMS.has(w));
  return excerpts.flatMap((excerpt, i) => {
    const r = used[i]!;
    // (A list item under a heading naming the group, or any sentence or item naming it: « Reconnaissance : Boé fait
    // partie des trois lauréats du niveau « Or » … ».)
    const items = (r.parts ?? [{ section: r.section, text: r.text }])
      .flatMap((p) =>
        pieces(p.text).filter(
          (piece) => !piece.fragment && ((piece.list >= 0 && holdsGroup(p.section)) || holdsGroup(piece.text)),
        ),
      )
      .map((piece) => piece.text.replace(/^\s*(?:[-*+•]|\d{1,2}[.)])\s+/, "").replace(/\*\*/g, ""));
    const shown = excerpt.replace(/\*\*/g, "").replace(/\s+/g, " ");
    return items
      .filter((t) => t.length <= LONG_SENTENCE && shown.includes(t))
      .map((text, j) => ({ text, source: i + 1, passage: r.id, doc: r.document.id, score: 3 - 0.4 * i - 0.05 * j }));
  });
}

/** « En bref » quoting `chosen`, each with its source, then what the passages do not say (`missing` asks). */
function quoted(chosen: Candidate[], used: QuotedPassage[], missing: string[] = []): Brief {
  const quotes = chosen.map((c) => quoteWithSource(c.text, used[c.source - 1]!, c.source));
  const lacks = missing.map((ask) => message("answer.briefAskMissing", { ask: `« ${ask} »` }));
  return {
    text: message("answer.brief", { quotes: [...quotes, ...lacks].join(" ") }),
    quotes: chosen.map((c) => ({ text: shownText(c.text), source: c.source })),
  };
}

/** The openings of a second ask after « et » (`[seconde demande]` of `brief.txt`), as word lists. */
const SECOND_ASK = entries("seconde demande").map((e) => e.trim().split(" "));

/**
 * The asks of a question, as it writes them: one, or two when its last sentence joins a second by « et » before a
 * question word (« Qui possède Jitsi et est-ce que sa licence a changé ? », « … et combien ça a coûté ? »), each with
 * a word of its own before it. A follow-up joined to the question before it (« Qu'a fait Graz ? Et combien … ? »)
 * asks its last sentence alone.
 */
export function askParts(question: string): string[] {
  const last =
    question
      .trim()
      .split(/(?<=[?!])\s+/)
      .at(-1) ?? question;
  const tokens = [...last.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: fold(m[0]), at: m.index }));
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i]!.word !== "et") continue;
    const after = tokens.slice(i + 1).map((t) => t.word);
    if (!SECOND_ASK.some((e) => e.every((w, j) => after[j] === w))) continue;
    // (« … et quand même … », « … et qui plus est … »: a fixed expression asks nothing.)
    if (fixedExpressionAt(words(last.slice(tokens[i + 1]!.at)), 0)) continue;
    const first = last
      .slice(0, tokens[i]!.at)
      .replace(/[\s,;]+$/, "")
      .trim();
    const second = last.slice(tokens[i + 1]!.at).trim();
    if (subjectWords(first).length === 0 || keywords(second).length === 0) continue;
    return [first, second];
  }
  return [question];
}

/** An ask as « En bref » names it when the passages do not answer it: its end mark and a leading « et » dropped. */
const askWritten = (ask: string) => ask.replace(/^et\s+/i, "").replace(/[\s?!.]+$/, "");

/**
 * A question with two asks: a sentence for each (weighed on the ask's own subject words, with the first ask's names —
 * « ça » of « … et combien ça a coûté ? » is what the first ask names), the best pairing first, quoted in the asks'
 * order within `PEERS_CHARS`. A sentence for an ask holds one of its own words (not only the first ask's), and one of
 * the first ask's names in it or its document's title. An ask for a price or a figure that no quoted passage gives at
 * all (no amount, no number) is said not answered; another ask left unanswered is left unsaid (the passages may say it
 * in words no sentence picked). Null when no ask is answered.
 */
function twoAsks(
  question: string,
  parts: string[],
  used: QuotedPassage[],
  excerpts: string[],
  costOf: (c: Candidate) => number,
  first?: Brief,
): Brief | null {
  const firstSubject = subjectWords(parts[0]!);
  const written = new Set((question.match(/[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*/gu) ?? []).map((w) => fold(w)));
  const names = firstSubject.filter((w) => written.has(w));
  const carriedWords = names.length ? names : firstSubject;
  const carried = carriedWords.map(wordStem);
  const titles = used.map((r) => stemsOf(r.document.title));
  const lists = parts.map((part, k) => {
    const own = subjectWords(part).map(wordStem);
    // (« … et quand ça s'applique aux communes ? »: the sentence saying to which collectivités answers it in its own
    // words, « Le seuil discuté pour les collectivités est de 30 000 habitants », trial16 C1.)
    const scope = scopeAnswer(part);
    const subject = [...new Set([...subjectWords(part), ...(k > 0 ? carriedWords : [])])];
    return weighed(part, subject, used, excerpts, askedFor(part), question).filter((c) => {
      if (c.score <= 0) return false;
      if (k === 0) return true;
      const words = stemsOf(c.text);
      // (« … et qui a eu la meilleure note ? »: a sentence naming no one answers no « qui ».)
      const plain = c.text.replace(/\([^)]*\)/g, "");
      if (asks(part, "qui") && !PERSON.test(plain) && !NAMED.test(plain)) return false;
      return (
        (own.length === 0 ||
          own.some((s) => holdsStem(words, s)) ||
          !!scope?.(c.text) ||
          (asks(part, "durée") && givesDuration(c.text))) &&
        carried.some((s) => holdsStem(words, s) || holdsStem(titles[c.source - 1]!, s))
      );
    });
  });
  const picks = new Map<number, Candidate>();
  // (The first ask answered already, by its product's card: the second alone, after it.)
  const done = new Set(first ? [0] : []);
  let left = PEERS_CHARS - (first ? first.text.length + 1 : message("answer.brief", { quotes: "" }).length);
  for (;;) {
    // The strongest sentence of an ask not yet answered, unlike those picked and within the budget.
    let best: { k: number; c: Candidate } | null = null;
    lists.forEach((list, k) => {
      if (picks.has(k) || done.has(k)) return;
      const c = list.find(
        (x) => costOf(x) <= left && ![...picks.values()].some((p) => p.text === x.text || alike(p.text, x.text)),
      );
      if (c && (!best || c.score > best.c.score)) best = { k, c };
    });
    if (!best) break;
    const { k, c } = best as { k: number; c: Candidate };
    picks.set(k, c);
    left -= costOf(c);
  }
  if (picks.size === 0 && !first) return null;
  const shown = excerpts.join(" ");
  const missing = parts.flatMap((part, k) => {
    if (picks.has(k) || done.has(k)) return [];
    const price = asks(part, "prix");
    const counted = askedFor(part).includes("quantity");
    // (A length of time asked, « combien de temps ça prend », no passage gives: said too.)
    const given = price
      ? MONEY.test(shown)
      : asks(part, "durée")
        ? givesDuration(shown)
        : counted
          ? holdsAsked(shown, ["quantity"])
          : true;
    return given ? [] : [askWritten(part)];
  });
  const chosen = [...picks.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  if (!first) return quoted(chosen, used, missing);
  if (chosen.length === 0 && missing.length === 0) return first;
  const after = quoted(chosen, used, missing);
  return {
    text: `${first.text} ${after.text.slice(message("answer.brief", { quotes: "" }).length)}`,
    quotes: [...first.quotes, ...after.quotes],
  };
}

/**
 * The sentences of the quoted passages that may answer `ask` (the question, or one of its asks) about `subject`,
 * each weighed for how directly it answers, best first. `question`: the whole question, whose names set its subject
 * apart among the passages and whose figures say which refuted claim it asks about.
 */
function weighed(
  ask: string,
  subject: string[],
  used: QuotedPassage[],
  excerpts: string[],
  asked: Asked[],
  question: string,
): Candidate[] {
  // (Asked whether a price is high, « … c'est cher ? »: the prices the corpus gives answer it, trial25 T-M4.)
  const price = asks(ask, "prix") || judgesPrice(ask);
  // A rise asked (« la hausse de VMware », « ça a augmenté de combien ? »): a sentence saying no change does not answer
  // it, whatever amount it gives (« le rachat de VMware pour 61 milliards de dollars »).
  const rise = asks(ask, "hausse");
  // The percentages the question writes (« +30 % ? »): a sentence giving the same figure answers what is asked.
  const figures = percentagesOf(ask);
  // A duty asked (« NIS2, ça nous oblige à quoi ? »): a sentence saying one, or that it does not apply, answers it
  // whatever its words for it (« Les entités concernées doivent … »); the question's word for it is that one word.
  const duty = asks(ask, "devoir");
  const dutyOfCollectivities = asksDutyOfCollectivities(ask) || asksOwnDuty(ask);
  const decision = asks(ask, "décision demandée");
  const membership = asks(ask, "appartenance");
  const dutyStems = duty
    ? new Set(entries("devoir").flatMap((e) => e.trim().split(" ").map(wordStem)))
    : new Set<string>();
  // A public grant asked (« des aides de l'État ? »): a sentence saying one, or an amount.
  const grant = asks(ask, "subvention");
  // A length of time asked (« combien de temps ça prend pour migrer »): a sentence giving one answers it (trial21 T-M3).
  const span = asks(ask, "durée");
  const stems = subject.map(wordStem);
  // A subject word naming a place another way (« bretonnes »): the names the corpus writes for it (Bretagne,
  // Finistère, Morbihan) say it too (trial15 A2).
  const otherNames = new Map(
    subject.flatMap((w) => {
      const names = aliasesIn(w);
      return names.length ? [[wordStem(w), names.map(stemsOf)] as [string, string[][]]] : [];
    }),
  );
  // Subject words counted: a price asked counts one more, the cost itself.
  const total = stems.length + (price ? 1 : 0) + figures.length;
  const who = asks(ask, "qui");
  // « Combien d'agents utilisent … ? » counts those who use it (`countedDoers`).
  const doers = asked.includes("quantity") && countedDoers(ask) !== null;
  const years = askedYears(ask).map((y) => y.year);
  const months = monthsIn(ask);
  const peers = asksPeers(ask);
  // A condition asked (« … si nos données sont hébergées en France ? »): the sentence saying whether it changes anything.
  // (Asked to whom a text applies: the sentence naming collectivités with a duty or a threshold, trial16 C1.)
  // (Asked why: the sentence giving the reasons, trial16 C12.)
  const condition = conditionAnswer(ask) ?? scopeAnswer(ask) ?? causeAnswer(ask);
  const candidates: Candidate[] = [];
  // A catalog card the question does not name speaks of its product: a word of the question met in a name of the
  // card, or one the card writes, after a first word the question does not write (« FusionInventory Agent » for « les
  // agents qui veulent pas changer », « Rocky Linux » and « Red Hat Enterprise Linux » for « linux c'est pas compatible
  // avec nos logiciels métiers »), says nothing asked (trial17 D19). (« Jitsi » names « Jitsi Meet ».)
  const unnamed = used.map((r) =>
    // (Its name without what it writes in brackets, another name of it: « Skype Entreprise (Lync) » is named « Lync ».)
    r.document.kind === "catalog" && !namesCard(question, r)
      ? cardNames(r)
          .slice(0, 1)
          .map((n) => n.replace(/\s*\([^)]*\)/g, ""))
      : null,
  );
  // A question naming no product and asking for none (« le libre c'est gratuit ? »): a catalog card it does not name
  // speaks of its own product (« … gratuit mais propriétaire Paint.NET », « Navigateur gratuit d'un éditeur
  // norvégien »), no answer read aloud (lead's probe, 7 December 2026).
  // (A yes/no question writing no name — « Alcatel-Lucent », « Mountain View » name what they ask of — and no word
  // asking for a thing: « quel logiciel libre pour la cantine ? » asks for a product.)
  const noProduct =
    !asks(question, "question ouverte") &&
    !/\s[\p{L}\p{N}-]*\p{Lu}/u.test(question.trim()) &&
    !asksForProducts(entries("notion").reduce((q, e) => q.replaceAll(e, " "), normalized(fold(question)))) &&
    unnamed.every((n, i) => n || used[i]!.document.kind !== "catalog");
  const spoken = (text: string, i: number) =>
    unnamed[i] ? withoutNames(text, foreignNames([...unnamed[i]!, ...namesIn(text)], stems, question)) : text;
  const titles = used.map((r, i) => stemsOf(spoken(r.document.title, i)));
  // (The names of a condition on where data are, « … si nos données sont hébergées chez Dropbox », say where, not
  // what is asked of.)
  const named = conditionOf(question)?.place ? withoutCondition(question) : question;
  const names = distinguishingNames(
    named,
    subjectWords(named),
    used,
    used.map((r) => r.text),
    // (A count, not a length of time: « combien de temps ça prend » asks of migrations anywhere.)
    asked.includes("quantity") && !span,
  );
  // The subject the passages write as a name, however the question types it (« la gendarmerie … », `subject-names.ts`):
  // a sentence opening on another name or place is that one's, unless it or its document's title names the subject
  // (« Le Schleswig-Holstein a suivi la même logique … » after the Gendarmerie's example).
  const subjectsNamed = subjectNames(
    named,
    used.map((r) => r.text),
  );
  // The names the question writes (a list item must hold them).
  const written = writtenNames(question);
  // The names of the question a quoted document's title writes in capitals (« NIS2 », « CNAM »): what it asks about.
  const acronyms = titleAcronyms(subject, used);
  // What each passage is about: its document's title and its whole text (« (CPI) » the excerpt may leave out).
  const about = used.map((r, i) => [...titles[i]!, ...stemsOf(r.text)]);
  // Two words of the question a title writes as one name (« CLOUD Act »): a sentence holding one of them alone (« Data
  // Act ») speaks of another thing.
  const phrases = namePhrases(subject, used);
  // A country asked (« collectivités françaises »): a sentence whose subject is another country's comes last, or is
  // left out when the question asks for that country's collectivités. (Not a
  // country of the condition, « si nos données sont hébergées en France »: it is where, not whose.)
  const countries = countriesOf(conditionOf(ask)?.place ? withoutCondition(ask) : ask);
  const risk = asks(ask, "risque");
  const cause = asks(ask, "cause");
  // A definition asked (« c'est quoi le cloud act »): a sentence and the next one referring back to it (« Il modifie …
  // pour que … ») are weighed together, on both their words: what the thing is and what it allows, not only the day
  // it was enacted (lead's probe, 7 December 2026).
  const defined = asks(ask, "définition") && !asked.includes("date");
  // The case the question asks (a word of a quoted case study's short title, « la Douane » of « La Douane et
  // Debian », that not every passage holds): another case study that never names it speaks of another case (trial12 A4: Munich's postes read aloud
  // after a question on the Gendarmerie's).
  // (A name of the title, capitalised: « passe » of « La DINUM passe ses propres postes … » is no case's name, and
  // Munich's « postes passés sous Linux » no answer to « combien de postes la dinum passe sous linux » (trial15 A20).)
  const caseTitles = used.map((r) =>
    r.document.kind === "case-study"
      ? (shortTitle(r.document.title).match(/\p{Lu}[\p{L}\p{N}-]*/gu) ?? []).flatMap((w) => stemsOf(w))
      : [],
  );
  const titledCases = subjectWords(named)
    .map(wordStem)
    .filter((s) => s.length > 3 && caseTitles.some((t) => holdsStem(t, s)));
  const askedCases = titledCases.filter((s) => !about.every((a) => holdsStem(a, s)));
  // Whether the question names the case a quoted case study is about: a word of its short title, or of the same root
  // (« les gendarmes », « la Gendarmerie »), or another name of it (« la Sécurité sociale », « Assurance maladie »).
  const otherNamesAsked = aliasesIn(question).flatMap(stemsOf);
  // (`specific`: by a word that is not a general word of the domain, « Microsoft » of « … renonce à migrer vers
  // Microsoft 365 ».)
  const caseAsked = (i: number, specific = false) =>
    subjectWords(named)
      .map(wordStem)
      .some((s) => s.length > 3 && !(specific && GENERAL_STEMS.has(s)) && sharesRoot(caseTitles[i]!, s)) ||
    otherNamesAsked.some((s) => s.length > 3 && holdsStem(caseTitles[i]!, s));
  // A ban the question takes for granted (« depuis que la loi sren interdit aux communes d'utiliser google … »).
  const banClaimed = asks(ask, "interdiction dite") && !asks(ask, "interdiction niée");
  // A question asking who holds a role (« qui est le ministre du numérique ? »): a sentence naming that role, its
  // words after the role noun close to it, not a holder of another (« ministre … de la Fonction publique »).
  const role = roleWords(ask);
  // The body a count is asked of (« combien d'agents a la DINUM »): a count another body's sentence gives is not its.
  const owner = asked.includes("quantity") ? askedOwner(ask, excerpts) : null;
  const versions = versionsAsked(question);
  // The product the question names with its version and edition (« microsoft 365 e3 »), as folded words in a row.
  const run = versionRun(question);
  // The size of the asker's collectivité (« pour une commune de 9 000 habitants »): a threshold near it answers whether
  // it is concerned (trial15 A1).
  const size = writesPopulation(ask) ? (askedCollectivity(ask)?.size ?? null) : null;
  const scoped = !!scopeAnswer(ask) || duty;
  // What a count asked counts, with its other words (« ordinateurs » → postes, PC), as stems.
  const counted = asked.includes("quantity") ? countedStems(ask) : new Set<string>();
  // A decision asked of an actor (« qu'est-ce que l'État a décidé … ? »): a sentence telling a local body's decision
  // (« le conseil municipal de Munich a décidé … »), from a passage that never names the actor, tells another body's
  // (trial26 T-M1). (Not any sentence of such a passage: « La DINUM a annoncé … » is the government's decision without
  // writing « gouvernement ».)
  const decider = decision ? decisionActor(question) : null;
  // A duty asked of an actor (« qu'est-ce que la loi SREN impose aux collectivités ? »): its words are who imposes,
  // not what — a sentence holding them alone and saying no duty only names it (« … dite loi SREN, traite de nombreux
  // sujets », trial26 T-M1).
  const imposer = duty ? dutyActor(question) : null;
  const imposerStems = new Set((imposer?.words ?? []).map(wordStem));
  excerpts.forEach((excerpt, i) => {
    const r = used[i]!;
    const otherDecider = !!decider && !namesActor(`${r.document.title} ${excerpt}`, decider);
    if (r.document.kind === "case-study" && askedCases.length && !askedCases.some((s) => holdsStem(about[i]!, s)))
      return;
    const card = r.document.kind === "catalog";
    if (card && noProduct) return;
    const titleCountries = countriesOf(r.document.title);
    // The labels of the passage's cases (« Munich : … », « Visio : … ») that hold a subject word: a labelled sentence
    // of another case is about that one. (Not a catalog card's fields, « Migration : … », « Remplace : … ».)
    const labels = card ? [] : labelsOf(r.text);
    const askedLabel = labels.some((l) => stems.some((s) => holdsStem(l, s)));
    // (The whole quote is longer than the sentence: the budget alone limits it.)
    quotableSentences(
      excerpt,
      {
        max: BRIEF_CHARS,
        cutClausesOver: LONG_SENTENCE,
        question,
        placeNamed: namesTitlePlace(question, r.document.title),
        listItems: true,
        figureAsked: asked.includes("quantity") || price || writesFigure(question),
        datedItems: span,
        // (The reasons given by a sentence introducing their list: quoted with it.)
        ...(condition ? { listedBy: condition } : {}),
      },
      r.text,
    ).forEach(({ text, own, item, qualified }, j) => {
      // A ban the question takes for granted or asks about (« … c'est illégal ? »), and a sentence saying there is none:
      // it corrects the premise whatever the text or the product the question names; one saying no law bans it
      // (« Aucune loi française n'interdit … ») says so of every product (trial21 T-H1, T-M2).
      const banDenied = banClaimed && asks(own, "interdiction niée");
      const noLawBans = banDenied && /\baucune?\b/.test(fold(own));
      // (A duty of collectivités asked, and the sentence saying they have none: it answers, whatever the duty is about
      // — `duty-denial.ts`, trial22 T-H4.)
      const collectivitiesFree = dutyOfCollectivities && deniesDutyOfCollectivities(own);
      // The question's subject (a name that sets it apart), in the quote or its passage; never another's.
      if (
        names.length &&
        !noLawBans &&
        !collectivitiesFree &&
        !names.some((s) => holdsStem(stemsOf(text), s) || holdsStem(about[i]!, s))
      )
        return;
      if (
        subjectsNamed.length &&
        (OTHER_PLACE.test(own) || NAMED_OPENING.test(own)) &&
        !holdsNames(`${r.document.title} ${own}`, subjectsNamed)
      )
        return;
      if (otherDecider && asks(own, "décision, autre corps")) return;
      if (role && !namesRole(own, role)) return;
      // « Aucune loi n'oblige aujourd'hui une collectivité à passer au logiciel libre » read aloud after « nis2 quand ça
      // s'applique aux communes », heard as « NIS2 ne s'applique pas » (trial16 C1): a sentence naming none of those
      // names, from a document whose title holds no subject word of the question, speaks of something else.
      if (
        acronyms.length &&
        !banDenied &&
        !acronyms.some((s) => holdsStem(stemsOf(text), s)) &&
        !stems.some((s) => holdsStem(titles[i]!, s))
      )
        return;
      if (owner && countOfOther(ask, text, owner)) return;
      // « À Fontaine, … 600 ordinateurs » after a question on Échirolles: a sentence opening on another place than the
      // case asked is that place's.
      if (titledCases.length && OTHER_PLACE.test(own) && !titledCases.some((s) => holdsStem(stemsOf(own), s))) return;
      // A card's list of inventory names answers nothing read aloud.
      if (card && opensOn(own, "fiche hors réponse")) return;
      // « Windows 7 » read aloud to a question on « Windows 10 »: another version of the product asked.
      if (versions.length && otherVersion(own, versions)) return;
      // « Voir le document consacré à … » points elsewhere: it answers nothing.
      if (pointsElsewhere(own)) return;
      // A pair of sentences weighs what its referring sentence says (the one before it is a candidate of its own): its
      // words, figures, dates and names; the length and the figures read aloud are the whole quote's.
      if (isInventoryNames(own)) return;
      // (A list item quoted after its lead-in holds the lead-in's words too.)
      // (The first sentence names the thing asked, every subject word: the second speaks of it.)
      const paired =
        defined &&
        !item &&
        text !== own &&
        text.endsWith(own) &&
        stems.every((s) => holdsStem(stemsOf(text.slice(0, -own.length)), s));
      const allWords = stemsOf(spoken(item || paired ? text : own, i));
      // (A case asked named only in a reference is not what the sentence speaks of: « (Échirolles, 17 février 2026) »
      // is where an event took place — Lyon's « partiellement sortie d'Office 365 » read aloud to « echirolles a fait
      // quoi pour sortir de microsoft », trial21 T-H2.)
      const bare = titledCases.length ? stemsOf(spoken(withoutReferences(item ? text : own), i)) : allWords;
      const words = allWords.filter((w) => !titledCases.includes(w) || bare.includes(w));
      // A case's own line (« Visio : … ») when the question asks of another case of the same passage (« et munich ? »).
      const label = labelOf(own);
      if (askedLabel && label && !stems.some((s) => holdsStem(label, s))) return;
      // One word of a name asked, not in the name (« Act » of « Data Act » for « le cloud act »), counts for nothing.
      const apart = new Set(phrases.filter((ph) => !inRow(words, ph)).flat());
      const cost = COST.test(fold(own));
      // A cost asked (« et ça leur a coûté combien ? »): savings told without a cost answer another question (trial24
      // T-M1: the Gendarmerie's « environ 2 millions puis 12 millions d'euros par an » read aloud as its cost).
      if (price && !rise && !cost && savingsOnly(own) && !asks(ask, "économie dite")) return;
      // A price asked: the words of a cost are what it is about (« Une migration a aussi un coût : … »). A condition
      // asked: saying whether it changes anything is what it is about (« peu importe où … »).
      const answers = !!condition?.(own);
      // (« Subvention de la Région » says the grant « des aides publiques » asks.)
      const grants = grant && asks(own, "subvention");
      const spans = span && givesDuration(own);
      const said = stems.filter(
        (s) =>
          !(grant && GRANT_STEMS.has(s)) &&
          !dutyStems.has(s) &&
          !apart.has(s) &&
          (holdsStem(words, s) || (otherNames.get(s) ?? []).some((a) => inRowAll(words, a))),
      ).length;
      const dutySaid = duty && asks(own, "devoir dit");
      if (
        imposerStems.size &&
        !dutySaid &&
        !stems.some((s) => !imposerStems.has(s) && holdsStem(words, s)) &&
        !asks(text, "devoir dit")
      )
        return;
      // (A decision asked, « qu'est-ce que le gouvernement a décidé en avril 2026 »: a sentence saying one answers it,
      // whatever its words for it — « La DINUM a annoncé qu'elle abandonnait Windows … », trial24 T-M1.)
      const decisionSaid = decision && asks(own, "décision dite");
      // The corpus saying it does not give what is asked (« Les sources consultées ne donnent ni … ni un bilan des
      // économies réalisées »): the answer to a figure, a date or a cost asked.
      // (A figure or a cost asked, and a word of what is asked, not only of whose.)
      // (Not of another body than the one asked: « Aucun montant d'économies propre à la CNAM n'a été publié » does
      // not answer « combien économise l'État avec Visio ».)
      const stated =
        (asked.includes("quantity") || price) &&
        statesAbsent(own) &&
        stems.some((s) => !holdsStem(titles[i]!, s) && sharesRoot(words, s)) &&
        !namesOther(own, question) &&
        // (Nor, of a case study, one of its case's own figures the question does not ask: « … ne documentent pas
        // l'achèvement effectif de ce retour ni son coût final » is Munich's, not « combien ça coûte à une commune de
        // passer à Linux » — trial15 A5.)
        (r.document.kind !== "case-study" || caseAsked(i));
      // (« 20 à 30 % » gives the « 30 % » asked.)
      const figured = figures.filter((f) => givesPercentage(own, f)).length;
      // (Saying what is asked is not given, it says it in its own words: « un bilan des économies » for « économisé ».)
      const statedWords = stated
        ? stems.filter((s) => !holdsStem(words, s) && !holdsStem(titles[i]!, s) && sharesRoot(words, s)).length
        : 0;
      const hits =
        said +
        statedWords +
        (price && cost ? 1 : 0) +
        (answers ? 1 : 0) +
        (grants ? 1 : 0) +
        (spans ? 1 : 0) +
        figured +
        (dutySaid ? 1 : 0) +
        (decisionSaid ? 1 : 0) +
        // (A count of what is asked, in another of its words, says it: « environ 200 à 250 postes » for « combien
        // d'ordinateurs la DINUM … ».)
        (counted.size && !stems.some((s) => counted.has(s) && holdsStem(words, s)) && holdsCount(own, counted) ? 1 : 0);
      // The document's title says what the sentence is about (« Ville de Lyon »): its subject words count half.
      const titled = stems.filter((s) => !holdsStem(words, s) && holdsStem(titles[i]!, s)).length;
      // « Qui a décidé … ? »: the heading of its section may say what was decided, enough to count the sentence among
      // those that may answer, not to weigh it (« Première décision du 8 avril 2026 : la DINUM quitte Windows pour
      // Linux » for « La DINUM a annoncé qu'elle abandonnait Windows … », asked « qui a décidé que l'État quitte
      // Windows » — trial15 A16). (A heading about the question: two of its subject words at least, not one word met
      // in passing.)
      const heading = who ? stemsOf(headingOf(r, own)) : [];
      const headed =
        stems.filter((s) => holdsStem(heading, s)).length >= HEADING_WORDS
          ? stems.filter((s) => !holdsStem(words, s) && !holdsStem(titles[i]!, s) && holdsStem(heading, s)).length
          : 0;
      // At least half of the subject words, in the sentence or its document's title (one of one or two).
      // A cost asked, a sentence on costs answers it; a grant asked, one saying a grant; a peer's sentence answers by
      // naming the peer.
      const needed = (price && cost) || grants || (peers && NAMED.test(own)) ? 1 : Math.min(total / 2, 2);
      // A membership asked (« Boé fait partie des lauréats ? »): the sentence naming it with the group answers it.
      const member =
        membership &&
        written.length > 0 &&
        written.every((s) => holdsStem(words, s)) &&
        (holdsGroupWord(own) || (!!item && holdsGroupWord(r.section)));
      // (Asked why one should leave a product its card's title names: the card's exposure is the reason, whatever its
      // words — « Exposition à des lois extra-européennes : … » does not repeat the product's name, trial25 T-M4.)
      const exposure = card && cause && titled > 0 && own.startsWith(CARD_LINE.exposure);
      if ((hits === 0 || hits + titled + headed < needed) && !member && !banDenied && !collectivitiesFree && !exposure)
        return;
      // A duty asked: the duty said of the question's subject (a word of it in the sentence or its document's title),
      // not of another text (« Aucune loi française n'interdit … » after « le RGPD, ça nous oblige à quoi ? »).
      if (dutySaid && said + titled === 0 && !collectivitiesFree) return;
      // A list item answers by itself or not at all: it (or its document's title) holds every name the question
      // writes, and it gives the figure or the date asked, or holds all the subject's words but one.
      if (item) {
        if (!written.every((s) => holdsStem(words, s) || holdsStem(titles[i]!, s))) return;
        const figure =
          (asked.includes("quantity") && holdsAsked(own, ["quantity"])) ||
          (asked.includes("date") && holdsAsked(own, ["date"])) ||
          (price && MONEY.test(own)) ||
          grants ||
          spans;
        if (names.length && !names.some((s) => holdsStem(words, s))) return;
        if (!figure && hits < Math.max(2, total - 1) && !member) return;
      }
      // A figure the corpus calls unconfirmed is not read aloud as the answer (the detail quotes it, qualified).
      if (unvouchedFigure(text, r)) return;
      if (rise && !asks(own, "variation") && !/\d\s*%/.test(own)) return;
      // (A rise asked: a sentence giving it in figures, « de 8 à 15 fois », « jusqu'à 1 200 % », before one saying there is one.)
      const riseFigure = rise && /\d\s*(?:%|fois\b)|\bmultipli/u.test(own);
      // (A list item holding every word of the question's subject, three at least, says what it asks, as a sentence
      // would: « … frais de sortie interdits à partir du 12 janvier 2027 » of « À retenir » for « c vrai que le data
      // act interdit les frais de sortie » — trial15 A4. Not for a figure asked: its figure weighs already.)
      const whole =
        !asked.length &&
        !price &&
        !writesFigure(question) &&
        stems.length >= 3 &&
        stems.every((s) => holdsStem(words, s));
      let score = (3 * (hits + titled / 2)) / total - 0.4 * i - 0.05 * j - (item && !whole ? ITEM_PENALTY : 0);
      if (process.env.BRIEF_DEBUG === "2")
        console.error(
          "PARTS",
          JSON.stringify({ said, hits, titled, total, item: !!item, dutySaid, i, j, text: text.slice(0, 80) }),
        );
      // A price asked: a sentence on costs, or at least an amount; not one on the number of postes alone. An amount
      // read aloud is one said of what is asked (a subject word in the sentence or its document's title, two when it
      // says no cost: « le rachat de VMware pour 61 milliards » is no price of its rise), not of another project.
      if (price && !cost && !MONEY.test(own) && !stated) return;
      // (A case study the question does not name answers a price by an amount, or not at all: « Les sources
      // consultées ne documentent pas … ce retour ni son coût final » is Munich's return, no answer to « combien ça
      // coûte à une commune de passer à Linux » — trial15 A5.)
      if (price && r.document.kind === "case-study" && !caseAsked(i) && !MONEY.test(own)) return;
      if (price && MONEY.test(own) && (said + titled === 0 || (!cost && said + titled < Math.min(stems.length, 2))))
        return;
      if (stated) score += 4;
      if (riseFigure) score += 1.5;
      // (A rise asked: a sentence telling a fall answers another question.)
      if (rise && asks(own, "baisse")) score -= FALL_TOLD;
      if (member) score += 3;
      // (A duty asked by a collectivité, « ça nous oblige », is answered first by what the text says of collectivités.)
      if (duty) score += dutySaid ? 2 + (namesCollectivity(own) ? 1 : 0) : -1.5;
      // (« l'etat oblige les mairies … ? »: the sentence saying collectivités are not obliged answers first, trial22 T-H4.)
      if (collectivitiesFree) score += 1;
      // (Not first by a case study the question does not name: « … l'article L.123-4-1 ne s'applique pas aux
      // communes » is Polytechnique's law, no answer to « on a quelles obligations légales pour sortir de
      // microsoft » — trial17 D12.)
      if (duty && dutySaid && r.document.kind === "case-study" && !caseAsked(i, true)) score -= DUTY_ELSEWHERE;
      if (price && cost) score += 2;
      if (grant && !grants && !MONEY.test(own)) return;
      if (grants) score += MONEY.test(own) ? 2 : 1;
      if (span) score += spans ? 2 : -1;
      // « Combien d'agents utilisent Visio ? »: a figure of another thing (« ses 80 000 agents ») is not read aloud.
      // Nor, when none counts what is asked, a sentence without a figure of it (« des agents publics qui l'utilisent »).
      // (« La CNAM fait migrer ses 80 000 agents vers Tchap » counts the body asked: its agents are those who move.)
      const fitted = asked.includes("quantity") ? countedFit(ask, own) : 0;
      const fit = fitted < 0 && owner && ownCount(own, owner) ? 0 : fitted;
      if (fit < 0 || (fit === 0 && doers && !holdsAsked(own, ["quantity"]) && !stated)) return;
      // (« combien de temps »: a length of time in words, « en six mois », gives the figure asked.)
      if (asked.includes("quantity"))
        score += (holdsAsked(own, ["quantity"]) || spans ? 2 : stated ? 0 : -1.5) + 2 * fit;
      if (price && MONEY.test(own)) score += 0.5;
      // (A price asked, not a rise: a sentence saying prices move without an amount, « Microsoft augmente ses prix
      // publics Microsoft 365 … », comes after one giving the amount, « nouveaux prix : Microsoft 365 E3 à 39 dollars »
      // — lead's probe, 7 December 2026.)
      // (A factor or a share is a figure of it: « Hausses de coût VMware de 8 à 15 fois » for « la facture … multipliée
      // par combien ? ».)
      if (price && !rise && !MONEY.test(text) && !FACTOR.test(text) && !stated) score -= NO_AMOUNT;
      if (asked.includes("date")) score += holdsAsked(own, ["date"]) ? 2 : stated ? 0 : -1.5;
      // A year the question names (« en 2005 »), as « L'essentiel » weighs it.
      if (years.some((y) => own.includes(y))) score += 1;
      // A month the question names (« en avril 2026 »): a sentence on other months only (« Entre janvier et mars 2026,
      // le gouvernement a multiplié les annonces … ») speaks of another time (lead's probe, 7 December 2026).
      if (months.length && otherMonthsOnly(withoutReferences(own), months)) return;
      if (who) score += PERSON.test(own) ? 2 : -1;
      // Several peers: a case study's sentence naming the collectivité that acted.
      // (Not one whose subject is a person, « Avant Échirolles, Nicolas Vivant a été DSI de la ville de Fontaine »: it
      // tells a career, not what a collectivité did — lead's probe, 7 December 2026.)
      if (peers && PERSON.test(` ${own.split(/\s+/).slice(0, SUBJECT_REACH).join(" ")}`)) return;
      // (Nor, outside a case study, a sentence naming no collectivité: « La loi n° 2016-1321 du 7 octobre 2016 pour une
      // République numérique … » names a law, not a peer — lead's probe, 7 December 2026.)
      if (peers && r.document.kind !== "case-study" && !namesCollectivity(own)) return;
      if (peers)
        score +=
          (NAMED.test(own) ? 1 : -2) + (r.document.kind === "case-study" ? 1.5 : -1) + (namesCollectivity(own) ? 1 : 0);
      if (text.length > 300) score -= 1;
      // (The pair says more of what is asked than its first sentence alone.)
      if (paired) score += 1.5;
      // (The sentence saying what the thing is, before advice naming it.)
      if (defined && definesSubject(own, stems)) score += DEFINES;
      // A sentence or list item naming the very product asked, edition included (« Microsoft 365 E3 à 39 dollars »),
      // before one naming a sibling (« Office 365 E3 : de 23 à 26 dollars ») (trial14 A7).
      if (run.length >= 3 && inRowAll(stemsOf(own), run)) score += ITEM_PENALTY + 0.5;
      if (countries.length) {
        const about = [...titleCountries, ...countriesOf(text.split(/\s+/).slice(0, SUBJECT_REACH).join(" "))];
        // (Asked for a country's collectivités, another country's body is never read aloud as one of them: « des
        // collectivités françaises » heard of the Austrian army.)
        if (about.some((c) => countries.includes(c))) score += 1;
        else if (about.length && peers) return;
        else if (about.length) score -= 3;
      }
      // A risk asked of a product (« c'est pareil ? » after « dangereux ? »): its card answers by its publisher, its
      // country and the laws it is exposed to, not by its description.
      // (So does its card to a question asking why one should leave it, « pourquoi devrait-on quitter microsoft »: its
      // exposure is the reason, not another body's count of licences cancelled — trial25 T-M4.)
      if (card && risk) score += opensOn(own, "fiche réponse") ? 3 : -1;
      else if (card && cause) score += own.startsWith(CARD_LINE.exposure) ? 3 : -1;
      // A ban taken for granted, and a sentence saying there is none: the correction is read first (« Aucune loi
      // française n'interdit aujourd'hui à une collectivité … » before a date of the bill, trial21 T-H1).
      if (banDenied) score += BAN_DENIED;
      // A condition asked: the sentence saying whether it changes anything answers it (« la question n'est pas où
      // sont stockées ses données »), before one holding more of its words (« Aucune loi n'interdit d'héberger … »).
      if (answers) score += 3;
      // (« Le seuil discuté pour les collectivités est de 30 000 habitants », read before « l'obligation … impose », for
      // « nis2 on est obligé … pour une commune de 9000 habitants ».)
      // (Asked whether a text applies to a commune of its size, a threshold far above it answers too: « Le seuil discuté
      // pour les collectivités est de 30 000 habitants » for « nis2 ça s'applique à nous, on est 2800 habitants »,
      // trial17 D12.)
      if (
        size &&
        statedThresholds(own).some(
          (n) => n >= size.min / SIZE_REACH && (n <= size.max * SIZE_REACH || (scoped && namesCollectivity(own))),
        )
      )
        score += 5;
      candidates.push({
        text,
        source: i + 1,
        passage: r.id,
        doc: r.document.id,
        score,
        ...(qualified ? { qualified } : {}),
      });
    });
  });
  if (asked.includes("quantity") && years.length === 0) latestCountFirst(candidates, counted);
  if (asksPresentHolder(ask)) latestHolderFirst(candidates, roleNames(ask));
  if (process.env.BRIEF_DEBUG)
    for (const c of [...candidates].sort((a, b) => b.score - a.score))
      console.error("CAND", c.score.toFixed(2), c.source, c.text.slice(0, 140));
  return candidates.sort((a, b) => b.score - a.score);
}

/** What a sentence giving a percentage weighs more, to a share asked that no passage gives (trial26 T-M1). */
const SHARE_NEAREST = 1;

/** What a sentence saying no ban exists weighs more, to a question taking one for granted. */
const BAN_DENIED = 4;

/** What a sentence naming a former holder of the role asked weighs less (« le directeur de la DINUM de l'époque »). */
const FORMER_HOLDER = 3;

/**
 * Who holds a role asked in the present (« qui est le directeur de la DINUM ? »): of the sentences naming a holder, one
 * saying the holder is a former one (`past-holder.ts`) weighs `FORMER_HOLDER` less, and of the others, those of the
 * latest year they write weigh `LATEST_COUNT` more, earlier ones as much less — 2022's « Stéphanie Schaer a été nommée
 * directrice de la DINUM » before 2021's « le directeur de la DINUM, Nadi Bou Hanna, a déclaré … ».
 */
function latestHolderFirst(candidates: Candidate[], names: string[]): void {
  const holders = candidates.filter((c) => c.score > 0 && holderSentences(c.text, names).length > 0);
  if (holders.length < 2) return;
  for (const c of holders) if (pastMarked(c.text)) c.score -= FORMER_HOLDER;
  const present = holders.filter((c) => !pastMarked(c.text));
  const year = (c: Candidate) => latestHolder([c.text], names);
  if (new Set(present.map(year)).size < 2) return;
  const last = Math.max(...present.map(year));
  for (const c of present) c.score += year(c) === last ? LATEST_COUNT : -LATEST_COUNT;
}

/** Runs of two capitalised words or more (« Red Hat Enterprise Linux »): names. */
const NAME_RUN = /\p{Lu}[\p{L}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{N}'’-]*)+/gu;
const namesIn = (text: string) => [...text.matchAll(NAME_RUN)].map((m) => m[0]);

/**
 * Among `names`, those of another thing than the question asks: a name holding a word of the question's subject
 * (`stems`) after a first word the question does not write (not a general word of the domain, « Microsoft »): « Rocky
 * Linux », « FusionInventory Agent »; not « Jitsi Meet » for « Jitsi », nor « Microsoft Office » for « office ».
 */
function foreignNames(names: string[], stems: string[], question: string): string[] {
  const asked = stemsOf(question);
  return names.filter((name) => {
    const own = keywords(name).map(wordStem);
    const first = own.findIndex((w) => !GENERAL_STEMS.has(w));
    return (
      first >= 0 &&
      !holdsStem(asked, own[first]!) &&
      own.slice(first + 1).some((w) => stems.some((s) => holdsStem([w], s)))
    );
  });
}

/** A text without the names it writes among `names` (as whole words, any case, longest first). */
function withoutNames(text: string, names: string[]): string {
  if (names.length === 0 || fold(text).length !== text.length) return text;
  let kept = text;
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const n = fold(name);
    if (n.length < 2) continue;
    for (let at = fold(kept).indexOf(n); at >= 0; at = fold(kept).indexOf(n, at + n.length)) {
      const whole = !/[\p{L}\p{N}]/u.test(kept[at - 1] ?? "") && !/[\p{L}\p{N}]/u.test(kept[at + n.length] ?? "");
      if (whole) kept = `${kept.slice(0, at)}${" ".repeat(n.length)}${kept.slice(at + n.length)}`;
    }
  }
  return kept;
}

/** What a duty said by a case study the question does not name weighs less than one said of collectivités at large. */
const DUTY_ELSEWHERE = 2;

/** What the latest of several counts weighs more, and an older one less (a sentence's own year, its source's). */
const LATEST_COUNT = 1;

/**
 * A count asked without a year (« combien de collectivités ont le label TNL ? »): of the sentences giving a count of
 * what is asked (`counted`), those of the latest year the sentences write weigh `LATEST_COUNT` more, those of an
 * earlier year as much less — the 2025 edition's « 37 collectivités selon l'April, 36 selon le site du label » before
 * 2024's « 24 collectivités » (trial16 C9). Nothing changes when they all write the same year, or none, or all come
 * from one page.
 */
function latestCountFirst(candidates: Candidate[], counted: Set<string>): void {
  // The statement's own years; its references' only when it writes none (« 35 000 machines … en novembre 2011 (…,
  // mars 2023) » is a count of 2011, not of 2023, read before 2021's 80 000 postes — trial19 M3).
  const latest = (text: string) => {
    const own = yearsIn(withoutReferences(text));
    return Math.max(0, ...(own.length ? own : yearsIn(text)));
  };
  // (A count of what is asked: « Windows 7 » is no count of postes, « 220 agents » none of the postes asked.)
  const counting = candidates.filter(
    (c) => c.score > 0 && counted.size > 0 && holdsCount(c.text, counted) && latest(c.text) > 0,
  );
  const years = new Set(counting.map((c) => latest(c.text)));
  // (Of one page, the years a sentence writes are as often those of its context: « la loi SREN de 2024 ».)
  if (years.size < 2 || new Set(counting.map((c) => c.doc)).size < 2) return;
  const last = Math.max(...years);
  for (const c of counting) c.score += latest(c.text) === last ? LATEST_COUNT : -LATEST_COUNT;
}

/** A name a title writes in capitals: three characters or more, letters and digits (« NIS2 », « CNAM », « TNL »). */
const CAPITALS = /^[\p{Lu}\p{N}]{3,}$/u;

/**
 * The subject words (stems) a quoted document's title writes as a name in capitals (« NIS2 » of « La directive NIS2
 * et sa transposition … »), general words of the domain (« CLOUD ») aside.
 */
export function titleAcronyms(subject: string[], used: QuotedPassage[]): string[] {
  const written = new Set(
    used
      .flatMap((r) =>
        (r.document.title.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => CAPITALS.test(w) && /\p{Lu}/u.test(w)),
      )
      .flatMap(stemsOf),
  );
  return subject.map(wordStem).filter((s) => written.has(s) && !GENERAL_STEMS.has(s));
}

/** A name and the number after it (« Windows 10 », « Office 2016 », « LTSC 2021 »), as folded words. */
const VERSIONED = /(?<![\p{L}\p{N}])(\p{L}[\p{L}.-]{2,})\s+(\d{1,4})(?![\p{L}\p{N}]|[,.]\d)/gu;

/**
 * The versions of a product the question names (« windows 10 » of « quand windows 10 n'est plus supporté ? »): a
 * word of three letters or more, not a function word, then a number; folded pairs.
 */
export function versionsAsked(question: string): [string, string][] {
  const subject = new Set(keywords(question));
  return [...question.matchAll(VERSIONED)]
    .map((m) => [fold(m[1]!), m[2]!] as [string, string])
    .filter(([name]) => subject.has(name) && !TIME_WORDS.has(name));
}
/** Words of a time before a year (« fin 2025 », « automne 2026 »): no product's name. */
const TIME_WORDS = (() => {
  const w = deadlineWords();
  return new Set(
    [...w.months, ...Object.keys(w.seasons), ...Object.keys(w.periods), ...Object.keys(w.qualifiers)].flatMap((e) =>
      fold(e).split(/[^a-z0-9]+/),
    ),
  );
})();

/**
 * The product a question names with an edition (« microsoft 365 e3 » of « combien coûte une licence microsoft 365
 * e3 », « zoho workplace p2 »): the stems of the edition — a word of letters and digits — and of the two words before
 * it; empty when it writes none.
 */
export function versionRun(question: string): string[] {
  const list = stemsOf(question);
  const asked = new Set(keywords(question).map(wordStem));
  // (An edition: letters and digits, « e3 », « p2 »; the two words before it, words of the question's subject.)
  const at = list.findIndex((w, i) => i >= 2 && /\d/.test(w) && /[a-z]/.test(w));
  if (at < 0) return [];
  const run = list.slice(at - 2, at + 1);
  return run.slice(0, 2).every((w) => asked.has(w) || /^\d+$/.test(w)) ? run : [];
}
/** Whether a text's stems hold a list of stems in a row. */
const inRowAll = (stems: string[], run: string[]) => stems.some((_, i) => run.every((r, j) => stems[i + j] === r));

/**
 * Whether a sentence names another version of a product asked (« Microsoft a cessé le support de Windows 7 » for
 * « Windows 10 »): the name, capitalised, then another number, and nowhere the version asked.
 */
export function otherVersion(sentence: string, versions: [string, string][]): boolean {
  const written = [...sentence.matchAll(VERSIONED)]
    .filter((m) => /^\p{Lu}/u.test(m[1]!))
    .map((m) => [fold(m[1]!), m[2]!] as [string, string]);
  return versions.some(
    ([name, n]) => written.some(([w, k]) => w === name && k !== n) && !written.some(([w, k]) => w === name && k === n),
  );
}

/**
 * Whether a sentence names a body the question does not (« la CNAM » in « Aucun montant d'économies propre à la
 * CNAM … », asked of the État): a capitalised word inside it, neither its first word nor one of the question's.
 */
function namesOther(sentence: string, question: string): boolean {
  // (The question's words and their synonyms: « la Sécurité sociale » asks of « la CNAM ».)
  const asked = [
    ...keywords(question).map(wordStem),
    ...questionTerms(question).flatMap((t) => t.variants.flatMap(stemsOf)),
  ];
  // (A name of several words is asked by any of them: « la Ville de Lyon » for « lyon ».)
  const names =
    sentence
      .replace(/\([^)]*\)/g, " ")
      .match(/(?<=[\s’'])\p{Lu}[\p{L}\p{N}-]+(?:\s+(?:de\s+|du\s+|des\s+|d['’])?\p{Lu}[\p{L}\p{N}-]+)*/gu) ?? [];
  return names.some((name) => !stemsOf(name).some((n) => asked.some((s) => holdsStem([n], s))));
}

/** Letters two words share at their start for one to stand for the other (« économies », « économisé »). */
const ROOT = 6;
/** Whether a text's stems hold a word of the same root as a question word's stem (« économi » for « économis »). */
const sharesRoot = (stems: string[], s: string) =>
  holdsStem(stems, s) ||
  (s.length >= ROOT && stems.some((w) => w.length >= ROOT && w.slice(0, ROOT) === s.slice(0, ROOT)));

/** The percentages a text writes (« +30 % » → « 30 »), as written numbers. */
const percentagesOf = (text: string) => [...text.matchAll(/(\d+(?:[,.]\d+)?)\s*(?:%|pour\s*cent)/gu)].map((m) => m[1]!);
/** Whether a sentence gives a percentage (« 30 » of « en hausse de 20 à 30 % »), not a longer number ending with it. */
const givesPercentage = (sentence: string, figure: string) =>
  new RegExp(`(?<![\\d,.])${figure.replace(/[.]/g, "\\.")}(?![\\d]|[,.]\\d)\\s*(?:%|pour\\s*cent)`, "u").test(sentence);

/** A percentage or an amount the question writes (« de 30 % »): a figure it asks about (not « 30 000 habitants »). */
const writesFigure = (question: string) => /\d\s*%/.test(question) || MONEY.test(question);

/** The label a case's line opens on (« Munich : la ville a fait état … »), as stems; null when there is none. */
const LABEL = /^(?:[-*+•]\s+)?(\p{Lu}[\p{L}\p{N}'’ -]{1,40}?)\s:\s/u;
function labelOf(sentence: string): string[] | null {
  const m = sentence.match(LABEL);
  return m ? stemsOf(m[1]!) : null;
}
/** The labels of a passage's lines (« - Munich : … », « Visio : … »), as stems. */
function labelsOf(text: string): string[][] {
  return text.split("\n").flatMap((line) => {
    const l = labelOf(line.trim());
    return l ? [l] : [];
  });
}

/**
 * Pairs of the question's subject words (stems) a quoted document's title writes as one name, next to each other and
 * capitalised (« CLOUD Act » of « Le CLOUD Act et la section 702 du FISA »).
 */
function namePhrases(subject: string[], used: QuotedPassage[]): [string, string][] {
  const out: [string, string][] = [];
  for (let k = 0; k + 1 < subject.length; k++) {
    const pair: [string, string] = [wordStem(subject[k]!), wordStem(subject[k + 1]!)];
    // (Within one part of the title: « … de l'État : Visio, Docs … » writes no name « État Visio ».)
    const named = used.some((r) =>
      r.document.title.split(/\s*[:;,—–()]\s*/u).some((part) => {
        const capitals = (part.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /^\p{Lu}/u.test(w));
        return inRow(capitals.map(wordStem), pair) && inRow(stemsOf(part), pair);
      }),
    );
    if (named) out.push(pair);
  }
  return out;
}
/** Whether a text's stems hold two stems next to each other, in order. */
const inRow = (stems: string[], [a, b]: [string, string]) => stems.some((w, i) => w === a && stems[i + 1] === b);

/** Candidates weighed for several peers at most (the best by score): their pairs and triples are tried. */
const PEER_CANDIDATES = 24;

/**
 * For a question asking for several peers: the sentences of different documents, as many as fit in `budget` (up to
 * three), then the highest total score; best first.
 */
function peerSentences(candidates: Candidate[], budget: number, costOf: (c: Candidate) => number): Candidate[] {
  // (A sentence of over 300 characters lists the peers more than it tells one: it leaves no room for another.)
  const pool = candidates.filter((c) => c.score > -1 && c.text.length <= 300).slice(0, PEER_CANDIDATES);
  let best: Candidate[] = [];
  let bestScore = Number.NEGATIVE_INFINITY;
  const consider = (set: Candidate[]) => {
    if (new Set(set.map((c) => c.doc)).size < set.length) return;
    if (set.reduce((n, c) => n + costOf(c), 0) > budget) return;
    const score = set.reduce((n, c) => n + c.score, 0);
    if (set.length > best.length || (set.length === best.length && score > bestScore)) {
      best = set;
      bestScore = score;
    }
  };
  pool.forEach((a, i) => {
    consider([a]);
    pool.slice(i + 1).forEach((b, j) => {
      consider([a, b]);
      for (const c of pool.slice(i + j + 2)) consider([a, b, c]);
    });
  });
  return best;
}

/** The unit a cost is asked per (« par poste », « 150 postes ») in the folded question, in its singular; or null. */
function unitAsked(question: string): string | null {
  const q = normalized(fold(question));
  for (const unit of entries("unité")) {
    const u = unit.trim();
    if (new RegExp(SIZE_UNITS.has(u) ? ` par ${u} ` : ` par ${u} |\\d ${u} `).test(q)) return u.replace(/s$/, "");
  }
  return null;
}

/** Units that say a collectivité's size (`brief.txt` [unité de taille]), read once. */
const SIZE_UNITS = new Set(entries("unité de taille").map((e) => e.trim()));
/** Units that count the same people (`brief.txt` [même unité]), read once. */
const SAME_UNITS = entries("même unité").map((e) => e.trim());

/** The unit and those that count the same people (« agent » → agent, utilisateur, …). */
function sameUnits(unit: string): string[] {
  return SAME_UNITS.includes(unit) ? SAME_UNITS : [unit];
}

/**
 * What the question asks that the quoted passages cannot give, said before the quotes: a cost per unit (« Combien
 * ça coûte de passer 150 postes sous Linux ? ») no passage writes « par poste » with an amount for; a figure of the
 * asker's own collectivité (« Combien économiserait notre commune ? »), which no passage of the corpus is about.
 * Null when the question asks neither.
 */
export function notGiven(question: string, excerpts: string[], asked: Asked[]): string | null {
  // (« combien nous coûterait la migration de nos 45 postes ? » asks the asker's own cost, not a cost per poste.)
  if (asked.includes("quantity") && ownSized(question) && ownFigure(question, excerpts))
    return message("answer.notGiven.own");
  const unit = asks(question, "prix") ? unitAsked(question) : null;
  if (unit) {
    const units = sameUnits(unit).join("|");
    const per = new RegExp(`\\bpar\\s+(?:${units})s?\\b|/\\s*(?:${units})s?\\b`, "i");
    // A product named by an edition of letters and digits (« Microsoft 365 E3 ») is priced only by a sentence that
    // names that edition: Copilot's price per user is not E3's (trial26 T-M3).
    const editions = [
      ...fold(question).matchAll(/(?<![\p{L}\p{N}])(?=[\p{L}]*\p{N})(?=\p{N}*\p{L})[\p{L}\p{N}]+/gu),
    ].map((m) => new RegExp(`(?<![\\p{L}\\p{N}])${m[0]}(?![\\p{L}\\p{N}])`, "u"));
    const given = excerpts.some((x) =>
      x.split(/(?<=[.;!?])\s+/).some((s) => {
        const folded = fold(s);
        return per.test(folded) && MONEY.test(s) && editions.every((e) => e.test(folded));
      }),
    );
    if (!given) return message("answer.notGiven.perUnit", { unit: unitWritten(question, unit) });
  }
  if (asked.includes("quantity") && ownFigure(question, excerpts)) return message("answer.notGiven.own");
  // (A value of the asker's own thing in a form no list reads: « le prestataire qui gère le réseau de la mairie, il
  // s'appelle comment », `own-value.ts`.)
  // (A state, value or act of a subject that is the asker's own, read on the clause's form: `own-subject.ts`.)
  const fact =
    ownFact(question, excerpts) ??
    (ownRecordAsked(question) || ownValueAsked(question, excerpts) || ownSubjectAsked(question, excerpts)
      ? "record"
      : null);
  return fact ? message(fact === "installed" ? "answer.notGiven.ownInstalled" : "answer.notGiven.ownRecord") : null;
}

/**
 * A cost asked as a figure (one ask, « combien », no unit, no rise) that no quoted passage gives any amount for
 * (« combien ça a coûté à Lyon de sortir de Microsoft » and only the context of the announcement quoted): said before
 * the quotes, not left to silence (trial21 T-M4); null otherwise. After `notGiven`, which says the asker's own figures.
 */
export function costNotGiven(question: string, excerpts: string[], asked: Asked[]): string | null {
  const costAsked =
    asks(question, "prix") &&
    asked.includes("quantity") &&
    !unitAsked(question) &&
    !asks(question, "hausse") &&
    askParts(question).length < 2;
  // (An amount of savings, « environ 2 millions d'euros par an » of « économies », is no cost given.)
  const priced = excerpts.some((x) => x.split(/(?<=[.;!?])\s+/).some((s) => MONEY.test(s) && !savingsOnly(s)));
  return costAsked && !asks(question, "économie dite") && !priced ? message("answer.notGiven.cost") : null;
}

/** Whether a sentence tells savings or a gain (`brief.txt` [économie dite]) and no cost (`COST`). */
const savingsOnly = (sentence: string) => asks(sentence, "économie dite") && !COST.test(fold(sentence));

/** The statements of `notGiven` that say the question asks the asker's own collectivité (no sentence read as it). */
export const OWN_STATEMENTS: ReadonlySet<string> = new Set(
  ["answer.notGiven.own", "answer.notGiven.ownInstalled", "answer.notGiven.ownRecord"].map((k) => message(k)),
);

/** Whether `notGiven` says the question asks the asker's own collectivité (`OWN_STATEMENTS`). */
export function asksOwn(question: string, excerpts: string[], asked: Asked[]): boolean {
  const said = notGiven(question, excerpts, asked);
  return !!said && OWN_STATEMENTS.has(said);
}

/** The words of the own-fact expressions, as stems: never the body a question names (« notre ocs », « notre conseil »). */
const OWN_WORDS = new Set(
  ["à nous, installé", "à nous, acte"].flatMap((s) => entries(s).flatMap((e) => e.trim().split(" ").map(wordStem))),
);

/**
 * Which fact of the asker's own collectivité the question asks, beyond a figure (held-out-23 h23-u-nous-*): what is
 * installed or hosted there (« dans notre ocs, quel antivirus est installé ? », « combien de boîtes mail on héberge »),
 * or one of its acts (« notre contrat Microsoft arrive à échéance quand ? », « qui est notre prestataire ? », « notre
 * conseil a voté la délibération à quelle date ? »), with a word asking the fact itself — not a duration, the same for
 * all (« il nous reste combien de temps avant la fin de Windows 10 ? »), nor when the question names a body the
 * passages write as a name. Null otherwise (« notre contrat se renouvelle en septembre, la hausse nous touche ? »).
 */
function ownFact(question: string, excerpts: string[]): "installed" | "record" | null {
  if (asks(question, "à nous, durée")) return null;
  const which = asks(question, "à nous, quel") && asks(question, "à nous, installation");
  const installed = asks(question, "à nous, installé") && (asks(question, "à nous, combien") || which);
  const kind = installed
    ? "installed"
    : asks(question, "à nous, demande") && asks(question, "à nous, acte")
      ? "record"
      : null;
  return kind && !otherBodyAsked(question, excerpts) ? kind : null;
}

/**
 * Whether the question asks of a body the passages write as a name, introduced as one (« à Munich », « chez Orange »,
 * « l'Occitanie, elle, … »): a name after no such word is a thing of the collectivité (« boîtes mail Exchange »).
 */
function otherBodyAsked(question: string, excerpts: string[]): boolean {
  const skipped = new Set([...countedStems(question), ...OWN_WORDS]);
  const tokens = normalized(fold(question)).trim().split(" ");
  for (let body = namedBody(question, excerpts, skipped); body; body = namedBody(question, excerpts, skipped)) {
    const first =
      fold(body.written)
        .replace(/[^a-z0-9]+/g, " ")
        .trim()
        .split(" ")[0] ?? "";
    const at = tokens.indexOf(first);
    if (at > 0 && entries("à nous, ailleurs").includes(` ${tokens[at - 1]} `)) return true;
    skipped.add(body.stem);
  }
  return false;
}

/**
 * Whether a figure question asks the asker's own (trial15 A18): « chez nous », « notre commune », or a first person
 * of possession (« combien de postes on a à la mairie », « combien on a de licences Microsoft ») with no body named
 * that the passages write as a name (« combien on a vu d'agents passer à Tchap à la CNAM » asks the CNAM's).
 */
function ownFigure(question: string, excerpts: string[]): boolean {
  // (A duration is the same for all: « le HDH a pris combien de temps ? leçon pour nous ? ».)
  if (asks(question, "à nous, durée") || asks(question, "à nous, un seul") || !asks(question, "à nous, chiffre"))
    return false;
  // (« combien de nos agents ont suivi la formation », « combien on paie actuellement pour Zoom »: `own-record.ts`.)
  if (ownFigureAsked(question)) return true;
  // (« Chez nous on renouvelle Office 365 ; l'Occitanie, elle, s'est vu proposer quelle hausse ? » asks the Occitanie's.)
  if (asks(question, "chez nous") || ownBodyNamed(question)) return !otherBodyAsked(question, excerpts);
  return asks(question, "première personne") && !namedBody(question, excerpts);
}

/** The unit as the question writes it, in the singular (« poste », « PC », « élève »). */
function unitWritten(question: string, unit: string): string {
  const token = question.match(/[\p{L}]+/gu)?.find((t) => fold(t) === unit || fold(t) === `${unit}s`);
  return token ? token.replace(/s$/, "") : unit;
}
