/**
 * Is a passage really about the question? BM25 always ranks something first, even for a question the corpus
 * cannot answer; this checks how many of the question's meaningful words a passage contains, so the assistant
 * can say it does not know instead of answering from the model's memory.
 */

import { escapeRegExp, fold } from "../core/text.ts";
import { closingAsk } from "./answer-kind.ts";
import {
  askingClause,
  asksCardField,
  asksOnlyDate,
  COUNTED,
  countedKind,
  countsByMagnitude,
  countsByPronoun,
  FIGURE_ASKED,
  FREE_COUNTS,
  HOUR,
  HOUR_ASKED,
  holdsPhrase,
  isEntityFrame,
  moneyIn,
  NAMED_NUMBER,
  namesSumKind,
  polar,
  SPELLED_COUNT,
  slot,
  sumKindsAsked,
} from "./asked-kinds.ts";
import { askedVersions, writesVersion } from "./asked-version.ts";
import { closingPurpose, framedQuestionStart, openingPurposes, outsideContext, typedAsSearch } from "./asker/index.ts";
import { bareTerms, holdsTogether } from "./bare-terms.ts";
import { unpairedEvent } from "./claimed-event.ts";
import { type CorpusFrequency, type CorpusNames, corpusHorizon, NAME_HITS, writesCapitals } from "./corpus-names.ts";
import { datedByHeading } from "./dated-section.ts";
import { heldWhole, municipalSubjectUnheld, offDomainWords, PASSING } from "./domain.ts";
import { broaderOf, stem as frStem, readSections, synonymsOf, words } from "./french.ts";
import { acronymsDefinedForAsker, leftOutLetters, phraseHeld, phraseWords, verbForm } from "./held-topic.ts";
import { legalTextTerms, namesYearText, yearNamedTexts } from "./legal-text.ts";
import { FRAME, GENERIC_WORDS, isGeneric, isLight, type QuestionTerm, STOPWORDS, wordList } from "./lexicon.ts";
import { listedOnly } from "./listed-version.ts";
import { actingNames, namesItself } from "./located-names.ts";
import { namedCollectivities, namesCollectivity } from "./named-collectivity.ts";
import {
  ATTRIBUTES,
  aboutPerson,
  COUNTRY_ADJECTIVES,
  DETERMINERS,
  isRoleNoun,
  namesPerson,
  personalAsked,
  personInLowerCase,
  personNamed,
  roleAsComplement,
  roleAsked,
  roleNamedBy,
  roleVerbAsked,
  slips,
  TYPO_LENGTH,
  withoutPerson,
} from "./names-places.ts";
import { cardsHoldingNeed } from "./need-form.ts";
import { offTopicSubjects } from "./off-topic.ts";
import { oneLetterOff, ownerWords } from "./owners.ts";
import {
  CITATION,
  FIGURE_NOUNS,
  holds,
  occurs,
  passageParts,
  passageWords,
  resultWords,
  SENTENCE,
  STATED_WORDS,
  withoutReferences,
} from "./passage-words.ts";
import { opinionObject } from "./person-opinion.ts";
import { phrasingUnknown } from "./phrasing.ts";
import { unstatedPremise } from "./premise.ts";
import {
  asksPricePaid,
  foldedQuestion,
  namesSubject,
  paidBy,
  priceAsked,
  priceNamed,
  priceSubject,
  priceSum,
  sumIn,
} from "./price-subject.ts";
import { complementOf, ownRelation, questionTerms, SUBJECT_VERB, spaced } from "./question-terms.ts";
import { type Asked, countedStems, holdsAsked, holdsCount, holdsShareOf } from "./rank.ts";
import { heldUnderSubject } from "./subject-held.ts";
import { personTypedInLowerCase } from "./typed-person.ts";
import { unheldRegions } from "./unheld-division.ts";
import { isFirstName, typesFirstName, unknownPersons } from "./unknown-person.ts";
import { unknownSubject } from "./unknown-subject.ts";

export { asksOnlyDate, countedKind, countsByPronoun, polar, sumKindsAsked } from "./asked-kinds.ts";
export { contextSpans, outsideContext } from "./asker/index.ts";
export {
  type CorpusFrequency,
  type CorpusNames,
  frequencyFrom,
  namesFrom,
  writesAsName,
  writesCapitals,
  writesReleased,
} from "./corpus-names.ts";
export { domainWord, offDomainWords, speaksOfDomain } from "./domain.ts";
export { idiomMatches, idiomTokens } from "./idioms.ts";
export { withoutIntroduction } from "./introduction.ts";
export { DISCOURSE, type QuestionTerm } from "./lexicon.ts";
export {
  aboutPerson,
  aliasesIn,
  headCount,
  personalAsked,
  roleAsked,
  roleNamedBy,
  roleVerbAsked,
  slips,
} from "./names-places.ts";
export { occurs, passageParts, passageWords, versionsOnCard, withoutReferences } from "./passage-words.ts";
export { complementOf, ownRelation, questionTerms } from "./question-terms.ts";

/** Meaningful folded words of a text ("Qu'est-ce que le CLOUD Act ?" → ["cloud", "act"]). */
export function keywords(text: string): string[] {
  return [
    ...new Set(
      fold(text)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 2 && !STOPWORDS.has(w)),
    ),
  ];
}

/** Crude French stem: enough to let "économisé" meet "économies" and "mairies" meet "mairie". */
const stem = (w: string) => (w.length > 5 ? w.slice(0, Math.max(5, w.length - 3)) : w.replace(/s$/, ""));

/** Share (0–1) of the question's keywords found in the passage. */
export function coverage(questionKeywords: string[], passage: string): number {
  if (questionKeywords.length === 0) return 0;
  const words = fold(passage).split(/[^a-z0-9]+/);
  const stems = new Set(words.map(stem));
  const found = questionKeywords.filter(
    (k) => stems.has(stem(k)) || words.some((w) => w.length >= 4 && w.startsWith(stem(k))),
  );
  return found.length / questionKeywords.length;
}

/** A passage answers when it holds at least half of the keywords (all of them for one- or two-word questions). */
export function isRelevant(questionKeywords: string[], passage: string): boolean {
  const needed = questionKeywords.length <= 2 ? 1 : 0.5;
  return coverage(questionKeywords, passage) >= needed - 1e-9;
}

// ——— Answerability: does what was retrieved answer the question? Decided before any model call. ———

export interface Answerability {
  answerable: boolean;
  /**
   * Why not: a name or year the corpus or the best passages lack, or too few of the question's words. « ok » and
   * « stated-absent » (answerable: the passages say the corpus does not know what is asked) answer.
   */
  reason:
    | "ok"
    | "no-terms"
    | "unknown-name"
    | "missing-name"
    | "names-apart"
    | "located-only"
    | "personal"
    | "unknown-words"
    | "low-coverage"
    | "stated-absent"
    | "missing-figure"
    | "missing-date"
    | "missing-winner"
    | "no-result";
  /** Question words and names the best passages lack. */
  missing: string[];
  /** Share of the question's words held by the best passage (0–1). */
  coverage: number;
  /** Index (in the results) of the passages that hold enough of the question's words. */
  relevant: number[];
  /** Answered as a request typed as a need, by the cards of `relevant` (`need-form.ts`): they are quoted first. */
  needed?: boolean;
}

/** A passage answers when it holds this share of the question's content words (all of them up to two words)… */
export const MIN_PLAIN_COVERAGE = 0.45;
/** … and this share of their weight (rare words weigh more). */
export const MIN_WEIGHTED_COVERAGE = 0.35;
/** Order of magnitude of the number of passages, for word weights. */
const CORPUS_SCALE = 1000;
/** Words that make another product or text after a name (« Studio », « Premium », « Act »), folded. */
const EDITIONS = new Set(wordList("../i18n/fr/product-editions.txt"));
/**
 * A capitalised name and, right after it, a capitalised word or a number of three digits, or four that are no year
 * (« Copilot Studio », « Windows 365 », « Citrix Workspace 2409 »): groups 1 and 2; overlapping (« Microsoft Copilot Studio » holds « Copilot Studio »).
 */
const NAME_PAIR =
  /(?<![\p{L}\p{N}-])(\p{Lu}[\p{L}\p{N}]*)(?=\s+(\p{Lu}\p{L}*|\d{3}|(?!(?:19|20)\d{2})\d{4})(?![\p{L}\p{N}-]))/gu;
/** Prefixes glued to a word without changing its topic (« euro », « cyber »), folded, longest first. */
const WORD_PREFIXES = [...new Set(wordList("../i18n/fr/word-prefixes.txt"))].sort((a, b) => b.length - a.length);
/** A word typed in lower case and three digits right after it (« thunderbird 145 »): groups 1 and 2. */
const TYPED_RELEASE = /(?<![\p{L}\p{N}-])(\p{Ll}[\p{Ll}\p{N}]{2,})\s+(\d{3})(?![\p{L}\p{N}-])/gu;
/** « quoi le budget », « quoi le montant »: « quoi » asking the figure itself (folded). */
const FIGURE_BY_QUOI =
  /\bquoi\s+(?:le|la|les|l')\s*(?:montant|budget|somme|nombre|prix|cout|tarif|pourcentage|part|taux|chiffre)\b/;
/** Fewest letters of a clipped word (« appli », « asso »): shorter ones (« pc », « tel ») are too ambiguous. */
const CLIPPED_LENGTH = 4;
/** A name found in at most this many passages of the corpus must be in the best ones. */
const RARE_NAME = 20;
/**
 * A word right after a collectivité's noun (« region normandie », « ville de brive », « le land de brandebourg »), folded: its name. Not after a
 * noun without its article that says what kind of thing another is (« nos agents de mairie galèrent »).
 */
const COLLECTIVITY_NAMED =
  /\b(?<!\bde\s|\bd')(?:land|canton|province|region|ville|commune|departement|metropole|mairie|agglomeration|intercommunalite)\s+(?:de\s+(?:la\s+)?|du\s+|des\s+|d'|l')?([a-z]{3,})\b/g;
/**
 * The names after a collectivité's noun (`COLLECTIVITY_NAMED`) in a folded question. A word right after the noun,
 * with no « de » between, that a determiner or « de », « que » follows is its verb, not its name (« la charte de ma
 * commune promet de privilégier … », « la mairie promet un objectif … »: a citizen reading what it says).
 */
function collectivityNames(folded: string): RegExpMatchArray[] {
  return [...folded.matchAll(COLLECTIVITY_NAMED)].filter((m) => {
    if (m[0]!.split(/\s+/).length !== 2) return true;
    const next = /^\s+([a-z]+)(?:\s|')/.exec(folded.slice(m.index! + m[0]!.length))?.[1];
    return !next || !(DETERMINERS.has(next) || VERB_OBJECT_OPENERS.has(next));
  });
}
/** Words opening a verb's object or clause after it (« promet de … », « dit que … »), besides the determiners. */
const VERB_OBJECT_OPENERS = new Set(["de", "d", "que", "qu"]);
/**
 * A word after « à » opening the question or after « chez nous », « ici » (« a doullens la mairie … », « chez nous à
 * altkirch on est … »), in lower case: the asker's town typed so (a capitalised one is read as a name).
 */
const TOWN_AT =
  /(?:^\s*|(?<![\p{L}])(?:[Cc]hez\s+(?:nous|moi)|[Ii]ci),?\s+)[AaÀà]\s+(\p{Ll}[\p{Ll}-]{2,})(?![\p{L}])/gu;
/**
 * A word opening the question, in lower case, whose figure is asked (« quillan a combien de postes … ? », « rodez compte
 * combien d'agents ? »): the collectivité the figure is of.
 */
const TOWN_COUNTED = /^\s*(\p{Ll}[\p{Ll}-]{2,})\s+(?:a|compte|possède|possede)\s+combien(?![\p{L}])/gu;
/**
 * A word opening the question, in lower case, that a pronoun takes up (« brioude elle est passée… », « montbard c'est
 * combien… », « auxonne ça leur a coûté… »): the collectivité the question is about.
 */
const TOWN_TAKEN_UP = /^\s*(\p{Ll}[\p{Ll}-]{2,})\s*,?\s+(?:(?:elle|il|ils|elles|ça|ca)(?![\p{L}])|c['’])/gu;
/**
 * An élu's or an agent's own town typed in lower case (« je suis adjointe à cusset », « conseiller à liévin »): group 1
 * the role noun (checked against `person-roles.txt`), group 2 the town.
 */
const ROLE_AT_TOWN = /(?<![\p{L}])(\p{L}+)\s+(?:à|a)\s+(\p{Ll}[\p{Ll}-]{2,})(?![\p{L}'’])/gu;
/** A name written as an internet domain (« Cal.com », « sync.com », « code.gouv.fr »): group 1. */
const DOMAIN_NAME =
  /(?<![\p{L}\p{N}.@/-])((?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+(?:com|net|org|io|fr|eu|de|app|co|ai|me|cloud))(?![\p{L}\p{N}])/gu;
/** At most this many words before what an acronym stands for, for its definition to open its sentence. */
const OPENING_WORDS = 3;
/**
 * An acronym in brackets (group 2) after what it stands for, whose last two words are group 1 (« Cyber Resilience Act
 * (CRA) »).
 */
const DEFINED_ACRONYM = /([\p{L}'’-]+\s+[\p{L}'’-]+)\s*[»”"]?\s+\((\p{Lu}[\p{Lu}\p{N}]{1,9})\)/gu;
/** The ending of a French adjective of place (« iséroise », « landais », « alsacienne », « auvergnate »), folded. */
const PLACE_ADJECTIVE = /(?:ois|oise|ais|aise|ien|ienne|ain|aine|at|ate)s?$/;
/** A folded word naming a collectivité (« ville », « communes », « mairie », « municipal »). */
const COLLECTIVITY_NOUN =
  /^(?:villes?|communes?|communal(?:e|es|aux)?|mairies?|municipal(?:e|es|ite)?|municipaux|metropoles?|agglomerations?|villages?|collectivites?)$/;
/**
 * A word of what is asked found in at most this many passages of the corpus is rare: when no passage read holds it,
 * the corpus does not speak of it (eleventh series).
 */
const RARE_WORD = 2;
/** … unless the best passage holds this share of the question's weighted words (the rare one weighs most). */
const RARE_COVERAGE = 0.6;
/** Shortest word read as a slip of any one letter (changed, added, left out) of a word of the passages read. */
const LONG_SLIP = 8;
/** Longest unknown word checked for a hyphenated spelling in the corpus (« wifi » for « Wi-Fi »). */
const MAX_JOINED = 8;
/** Nouns of any figure (« pas de chiffres »), folded: a sentence saying there is none has none of what is counted. */
const ANY_FIGURE = new Set(wordList("../i18n/fr/any-figure.txt"));
/** Nouns of the members of a group (« combien de membres »), folded. */
const MEMBER_NOUNS = ["membre", "membres", "adherent", "adherents"];
/** A verb of gathering (`member-counts.txt`) and a figure after it, in a folded text: the members counted. */
const MEMBERS_COUNTED = new RegExp(
  `\\b(?:${wordList("../i18n/fr/member-counts.txt").join("|")})\\s+(?:aujourd'hui\\s+)?(?:(?:environ|plus\\s+de|pres\\s+de|quelque|au\\s+moins)\\s+)?\\d`,
);
/** A folded verb in the third person plural (« sauvegardent »), not an adverb in « -ment ». */
const PLURAL_OF_VERB = /^[a-z]{3,}[^m]ent$/;
/** Share of the question's words that, unknown to the whole corpus, makes it a question the corpus cannot answer. */
const UNKNOWN_SHARE = 0.3;

/**
 * « la métropole stéphanoise »: a noun of collectivity before an adjective of place (`place-adjectives.txt`). The
 * adjective's folded form is the second group.
 */
const COLLECTIVITY_ADJECTIVE = (() => {
  const sections = readSections("place-adjectives.txt");
  const nouns = (sections.get("noms") ?? []).map((e) => e.join(" "));
  const endings = (sections.get("terminaisons") ?? []).map((e) => e.join(""));
  return new RegExp(`(?<![\\p{L}])(${nouns.join("|")})\\s+(\\p{L}+(?:${endings.join("|")})s?)(?![\\p{L}])`, "gu");
})();

/**
 * « libre libre libre libre libre ? »: one word written three times or more that makes half of the question's words
 * or more is no question, whatever passages hold the word.
 */
export function repeatsOneWord(question: string): boolean {
  const list = words(question);
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.values()].some((n) => n >= 3 && n * 2 >= list.length);
}

/** The adjectives of place of a question that follow a noun of collectivity (« la métropole stéphanoise »), folded. */
export function placeAdjectives(question: string): string[] {
  return [...fold(question).matchAll(COLLECTIVITY_ADJECTIVE)].map((m) => m[2]!);
}

/** Longest word read as an acronym typed in capitals (« CAP », « SIRH »). */
const MAX_ACRONYM = 4;
/** A text without its accents, its case kept. */
const stripAccents = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "");
/** Passages a year must be written in for the corpus to cover it (a yes-or-no question on it states a claim). */
const COVERED_YEAR = 3;
/** Share of the question's words a catalog card must hold to answer it. */
const MIN_CATALOG_COVERAGE = 0.7;
/** Passages read to decide (the top of the ranked list). */
const JUDGED = 6;

/** Letters then digits, one word (« nis2 », « m365 »): an acronym with its number. */
const ALPHANUMERIC = /^[a-z]+[0-9]+$/;

/** Whether the corpus writes a folded word as a name (capitalised inside a sentence) and never as a plain word. */
async function writtenAsNameOnly(word: string, names?: CorpusNames): Promise<boolean> {
  if (!names?.plain || word.includes(" ")) return false;
  return (await names(word)) && !(await names.plain(word));
}

/**
 * A word capitalised only because it opens the question or a clause is a name when the corpus writes it as one, or
 * when the corpus never uses it (an unknown place or product: the question is about something it does not cover);
 * a word the corpus writes only in lower case (« Puisque », « Alors ») is a plain word.
 */
export async function resolveNames(
  terms: QuestionTerm[],
  frequency?: CorpusFrequency,
  names?: CorpusNames,
): Promise<QuestionTerm[]> {
  const resolved = await Promise.all(
    terms.map(async (t): Promise<QuestionTerm | null> => {
      const unknown = frequency && (t.opener || (t.clauseStart && t.name)) ? (await frequency(t.word)) === 0 : false;
      // « Sérieusement la loi SREN… »: an opening adverb the corpus never uses says nothing of the topic.
      if (t.opener && unknown) return null;
      // (« proxmox ve 10 »: each word of the name, « sren art 31 » is no version: « art » is no name; nor the first
      // a word the corpus writes plain, « premier secnumcloud 3.2 », nor after a product the corpus writes with its
      // releases, « microsoft windows 10 », « qualif secnumcloud 3.2 »: that one's version is read alone.)
      if (t.typed) {
        const named = t.word.split(" ").filter((w) => !/^\d/.test(w));
        if (!names || !(await Promise.all(named.map((w) => names(w)))).every(Boolean)) return null;
        if (named.length < 2) return t;
        const [first, second] = named as [string, string];
        return (await names.plain?.(first)) || (await names.released?.(second)) ? null : t;
      }
      // « la norvège a-t-elle … »: unless it is a country (`places.txt`) the corpus writes only as a name, never as a
      // plain word (« les gendarmes ont-ils … », « la médiathèque peut-elle … » stay plain words).
      if (t.articled && !unknown)
        // (Written as the question writes it, not by its adjective: « éditeur japonais » is no act of Japan.)
        // (A country's compound name, « royaume uni », is no plain words.)
        return COUNTRY_ADJECTIVES.has(t.word) && (t.word.includes(" ") || (await writtenAsNameOnly(t.word, names)))
          ? // (A country as itself, as typed with its capital: the card of a product of that country does not say
            // what the question asks of it, « la norvège a abandonné teams ? ».)
            { ...t, clauseStart: undefined, variants: [t.word], country: true }
          : { ...t, name: false };
      // « quand est ce que nis2 s'applique » : an acronym with a number typed in lower case is the name the corpus
      // writes in capitals (« NIS2 »), never as a plain word.
      if (!t.name && !t.date && !t.verb && ALPHANUMERIC.test(t.word) && names && frequency)
        return (await frequency(t.word)) > 0 &&
          ((await names.capitals?.(t.word)) ?? false) &&
          !((await names.plain?.(t.word)) ?? true)
          ? { ...t, name: true }
          : t;
      if (!t.clauseStart || !t.name || !names || unknown) return t;
      // « madrid a quitté … »: the subject of the verb after it, a word the corpus writes only capitalised (« éditeur
      // espagnol (Madrid) »), never as a plain word, is a name.
      const subjectName = t.subject && names.plain && !t.word.includes(" ") && !(await names.plain(t.word));
      return subjectName || (await names(t.word)) ? t : { ...t, name: false };
    }),
  );
  return resolved.filter((t): t is QuestionTerm => t !== null);
}

/**
 * Decides, before any model call, whether retrieved passages can answer a question — explainable, no model:
 * 1. a name (capitalised word, acronym) the whole corpus never uses means the question is about something it does
 *    not cover (« Dortmund », « Lorem ») ;
 * 2. a year of the question must appear in one of the top passages ;
 * 3. the best passage must hold at least half of the question's content words (French stems, synonyms);
 * 4. what a question asks by its form must be there too: a figure (« combien »), a time of day, the figure of the
 *    year asked; a source's reference is never what a passage is about.
 *
 * The decisions are taken in the order of `STEPS`, each a function that returns a decision or « continue »; the
 * last, `verdict`, says whether any passage answers.
 */
export async function assessAnswerability(
  question: string,
  results: Retrieved[],
  frequency?: CorpusFrequency,
  corpusNames?: CorpusNames,
  held: Retrieved[] = [],
): Promise<Answerability> {
  const ctx = { question, results, frequency, corpusNames, held } as Judgement;
  const decision = await decided(ctx);
  // A request typed as a need that a card read describes (`neededCard`) is answered whatever refused it.
  return decision.answerable ? decision : ((await neededCard(ctx)) ?? decision);
}

/** The first decision of `STEPS`, or their `verdict`. */
async function decided(ctx: Judgement): Promise<Answerability> {
  for (const step of STEPS) {
    const decision = await step(ctx);
    if (decision !== "continue") return bareHeld(ctx, await unnamedHeld(ctx, decision));
  }
  return bareHeld(ctx, await unnamedHeld(ctx, verdict(ctx)));
}

/**
 * « low-coverage » for a question of bare terms (« tchap prix ? ») whose passages do not hold its terms together
 * (`bare-terms.ts`); when some do, only they answer.
 */
function bareHeld(ctx: Judgement, decision: Answerability): Answerability {
  return versionHeld(ctx, bareTermsHeld(ctx, decision));
}

/**
 * « missing-name » for a version asked by the word « version » (« la version 2.0 du fork européen d'onlyoffice ») that
 * no passage of the answer writes (`asked-version.ts`); when some do, only they answer.
 */
function versionHeld(ctx: Judgement, decision: Answerability): Answerability {
  if (!decision.answerable || decision.needed) return decision;
  const versions = askedVersions(ctx.question);
  if (!versions.length) return decision;
  const writing = decision.relevant.filter(
    (i) => !!ctx.results[i] && versions.every((v) => writesVersion(v, ctx.question, ctx.results[i]!)),
  );
  if (writing.length === decision.relevant.length) return decision;
  if (!writing.length)
    return {
      ...none(
        "missing-name",
        versions.map((v) => `version ${v}`),
      ),
      coverage: decision.coverage,
    };
  return { ...decision, relevant: writing };
}

function bareTermsHeld(ctx: Judgement, decision: Answerability): Answerability {
  if (!decision.answerable || decision.needed || !ctx.resolved || !bareTerms(ctx.question)) return decision;
  const terms = ctx.resolved.filter((t) => !t.context);
  const together = decision.relevant.filter((i) => !!ctx.results[i] && holdsTogether(terms, ctx.results[i]!));
  if (together.length === decision.relevant.length) return decision;
  if (!together.length)
    return {
      ...none(
        "low-coverage",
        terms.map((t) => t.word),
      ),
      coverage: decision.coverage,
    };
  return { ...decision, relevant: together };
}

/**
 * « missing-name » for an answer whose passages do not name, as itself, the collectivité the question names by its
 * kind (« combien de postes linux a la mairie de paris »: Munich's figure is not Paris's; `named-collectivity.ts`);
 * when some do, only they answer.
 */
async function unnamedHeld(ctx: Judgement, decision: Answerability): Promise<Answerability> {
  if (!decision.answerable) return decision;
  const named = await namedCollectivities(ctx.question, ctx.corpusNames);
  if (!named.length) return decision;
  const naming = decision.relevant.filter((i) => {
    const r = ctx.results[i];
    return !!r && named.some((n) => namesCollectivity(n, r));
  });
  if (naming.length === decision.relevant.length) return decision;
  if (!naming.length) return { ...none("missing-name", named), coverage: decision.coverage };
  return { ...decision, relevant: naming };
}

/** A passage retrieved: its text, its section, its document. */
type Retrieved = { text: string; section: string; document: { title: string; kind?: string } };
/** The words of a passage or a heading. */
type Words = ReturnType<typeof passageWords>;
/** How much of the question a passage holds. */
interface PassageCoverage {
  weighted: number;
  plain: number;
  card: number;
  missing: string[];
}

/** What the steps of `assessAnswerability` found so far, each step adding what the following ones read. */
interface Judgement {
  question: string;
  results: Retrieved[];
  frequency?: CorpusFrequency;
  corpusNames?: CorpusNames;
  held: Retrieved[];
  resolved: QuestionTerm[];
  judged: Words[];
  terms: QuestionTerm[];
  holdsPersonal: (p: Words) => boolean;
  names: QuestionTerm[];
  askedNames: QuestionTerm[];
  anchors: QuestionTerm[];
  heldWords: { title: string; catalog: boolean; words: Words }[];
  heldHolds: (t: QuestionTerm, i: number) => boolean;
  asksMore: boolean;
  selfContained: boolean;
  claimed: (t: QuestionTerm) => boolean;
  light: (t: QuestionTerm) => boolean;
  perPassage: PassageCoverage[];
  best: PassageCoverage;
  unknown: string[];
  topics: (list: string[]) => string[];
  specific: QuestionTerm[];
  dates: QuestionTerm[];
  parts: ReturnType<typeof passageParts>[];
  heading: Words[];
  statedAbsent: (i: number) => QuestionTerm[];
  covers: (p: PassageCoverage) => boolean;
  holdsAll: (i: number) => boolean;
  relevant: number[];
  slotHolders: number[];
  unfilled: (test: (text: string) => boolean) => boolean;
  yearUnwritten: boolean;
}

/** A step's decision, or « continue » to the next step. */
type Decision = Answerability | "continue";

/** Not answerable, for a reason decided before any coverage is measured. */
const none = (reason: Answerability["reason"], missing: string[] = []): Answerability => ({
  answerable: false,
  reason,
  missing,
  coverage: 0,
  relevant: [],
});

/**
 * Another question asked beside a price (« qui a payé …, et combien ? », « … a payé du développement ? combien ? »): the
 * price may be answered in part, or in something else than money (« cinq années-personnes »).
 */
const OTHER_ASKED =
  /\b(?:qui|comment|pourquoi|quand|lequel|laquelle|lesquels|lesquelles|qu'est-ce|qu est-ce|qu est ce|qu'est ce)\b/;

/** How many words apart a role's word and its subject may stand in a sentence (« directeur général de l'UGAP »). */
const ROLE_REACH = 5;

/** The decisions of `assessAnswerability`, in their order. */
const STEPS: ((ctx: Judgement) => Promise<Decision>)[] = [
  termsOfQuestion, // no-result, no-terms
  unknownNames, // unknown-name
  unknownPersonNames, // unknown-name
  unknownOwners, // unknown-name
  clippedAndMisspelt,
  phrasingSetAside,
  lawsOfProduct,
  personalLife, // personal
  opinionApart, // low-coverage
  regionsUnheld, // missing-name
  premiseUnstated, // low-coverage
  eventUnpaired, // low-coverage
  offTopicSubject, // low-coverage
  requiredNames,
  missingNames, // missing-name
  locatedOnly, // located-only
  offDomainTopic, // low-coverage
  passageCoverage,
  unknownWords, // unknown-words
  unknownPlaceAdjectives, // missing-name
  unknownSubjectBody, // unknown-name
  rareUnheld, // unknown-words
  otherSense, // unknown-words
  municipalLife, // low-coverage
  answeringPassages,
  listedVersions, // missing-name
  legalTexts, // missing-name
  slotFillers,
  figureAsked, // unknown-words (a unit), stated-absent, missing-figure
  pricedSubject, // missing-figure
  dateAsked, // missing-date
  winnerAsked, // missing-winner
];

/**
 * What the question asks (its terms, names resolved against the corpus) and the words of the passages read;
 * decides « no-result » (nothing retrieved) and « no-terms » (nothing to look for).
 */
async function termsOfQuestion(ctx: Judgement): Promise<Decision> {
  const { question, results, frequency, corpusNames } = ctx;
  // « Mon beau-frère gendarme … »: the trade of the asker's relative is not the metonymy (« gendarme » for a regulator).
  const named = await resolveNames(questionTerms(question), frequency, corpusNames);
  // « Cisco Meraki MR/MS »: the codes of a range of a product the corpus names are that product, not names of their
  // own that it lacks; after a name it does not know (« Ruckus R/ICX »), they stay names.
  const knownRange = await Promise.all(
    named.map(async (t) =>
      t.range && t.rangeOf && frequency && corpusNames
        ? (await frequency(t.rangeOf)) > 0 && (await corpusNames(t.rangeOf))
        : false,
    ),
  );
  const kept = named.filter((t, i) => !knownRange[i] && !(t.alias && ownRelation(question, t.word)));
  // « l'attribution du marché HDH » : an acronym the corpus defines beside its full form (« Health Data Hub (HDH) »)
  // is that subject, which the passages write in full.
  const resolved = await Promise.all(
    kept.map(async (t) => {
      const expansion =
        t.name && !t.date && !t.word.includes(" ") && typedInCapitals(question, t.word)
          ? await corpusNames?.expansion?.(t.word)
          : undefined;
      return expansion && !t.variants.includes(expansion) ? { ...t, variants: [...t.variants, expansion] } : t;
    }),
  );
  if (results.length === 0) return none("no-result");
  if (resolved.length === 0 || repeatsOneWord(question)) return none("no-terms");
  // A source's reference (« (Club de la presse de Grenoble, 13 décembre 2017) ») says who wrote, not what the passage
  // is about: a passage does not hold « Grenoble » because a source of its bears the name.
  const judged = results.slice(0, JUDGED).map(resultWords);
  Object.assign(ctx, { resolved, judged });
  return "continue";
}

/**
 * Answers a question refused when it is a request for a product typed as a need (« un wiki interne pour documenter les procédures … »)
 * that the description of a catalog card read holds (`need-form.ts`), whatever words of the corpus's other pages it
 * shares.
 */
async function neededCard(ctx: Judgement): Promise<Answerability | null> {
  if (!ctx.resolved) return null;
  const relevant = await cardsHoldingNeed(ctx.question, ctx.resolved, ctx.results.slice(0, JUDGED), ctx.frequency);
  return relevant.length ? { answerable: true, reason: "ok", missing: [], coverage: 1, relevant, needed: true } : null;
}

/**
 * Decides « low-coverage »: a subject of everyday life the corpus does not treat (« où partir en vacances en juillet »,
 * `off-topic.ts`) that no passage read writes.
 */
async function offTopicSubject(ctx: Judgement): Promise<Decision> {
  const off = offTopicSubjects(ctx.question, ctx.judged);
  return off.length ? none("low-coverage", off) : "continue";
}

/**
 * Decides « low-coverage »: an event the question states as its premise before asking something else (« tchap ferme
 * en 2027, on migre vers quoi ») that no passage read says of its subject (`premise.ts`).
 */
async function premiseUnstated(ctx: Judgement): Promise<Decision> {
  const unsaid = unstatedPremise(ctx.question, ctx.judged);
  return unsaid.length ? none("low-coverage", unsaid) : "continue";
}

/**
 * Decides « low-coverage »: an event the question takes as given (« pourquoi echirolles est revenue a windows en
 * 2026 », « ovh a perdu sa qualification secnumcloud en 2026 ? ») that no sentence of the passages read says of its
 * subject (`claimed-event.ts`).
 */
async function eventUnpaired(ctx: Judgement): Promise<Decision> {
  // « depuis que le cloud act a été abrogé, … »: a participle the corpus never uses is an event it never tells.
  const unused: string[] = [];
  if (ctx.frequency)
    for (const w of new Set(words(fold(ctx.question))))
      if (w.length > 3 && !STOPWORDS.has(w) && (await ctx.frequency(w)) === 0) unused.push(w);
  const unsaid = unpairedEvent(ctx.question, ctx.results.slice(0, JUDGED), unused);
  return unsaid.length ? none("low-coverage", unsaid) : "continue";
}

/**
 * Decides « missing-name »: a French région the question names, in any case, that no passage read writes (« en
 * guadeloupe les communes ont accès à quel hébergeur souverain », `unheld-division.ts`).
 */
async function regionsUnheld(ctx: Judgement): Promise<Decision> {
  const unheld = unheldRegions(
    ctx.question,
    ctx.judged,
    ctx.results.slice(0, JUDGED).map((r) => `${r.document.title} . ${r.section} . ${r.text}`),
  );
  return unheld.length ? none("missing-name", unheld) : "continue";
}

/**
 * Decides « unknown-name »: a person typed in lower case, a first name and a surname the corpus never uses (« qu'a dit
 * jean-marc dupont, dsi de la ville de tours, sur le libre ? », `unknown-person.ts`).
 */
async function unknownPersonNames(ctx: Judgement): Promise<Decision> {
  if (!ctx.frequency) return "continue";
  const unknown = await unknownPersons(ctx.question, ctx.frequency, ctx.judged);
  return unknown.length ? none("unknown-name", unknown) : "continue";
}

/**
 * Decides « unknown-name »: a name of the question (or a collectivité's, typed in lower case) the whole corpus never
 * uses, nor any passage read: the question is about something the corpus does not cover.
 */
async function unknownNames(ctx: Judgement): Promise<Decision> {
  const { question, frequency, resolved, judged } = ctx;
  if (frequency) {
    // A word a retrieved passage holds is known to the corpus, whatever the full-text index counts for it (« pare »
    // of « pare-feu », which its stemmer reduces to a stopword).
    const unknown: string[] = [];
    // « Mon beau-frère gendarme dit que… »: a compound of the asker's own people is not a name the corpus lacks.
    for (const t of resolved.filter(
      (t) => (t.name || (t.compound && !ownRelation(question, t.word))) && !t.date && !t.alias,
    )) {
      // « le CCTP », « un DPO »: an acronym the corpus never writes is known when it writes what it stands for in
      // several words (`trade-acronyms.txt`, the synonym list); one it writes no meaning of stays unknown.
      if (await meaningWritten(ctx, t)) continue;
      for (const part of t.word.split(" ")) {
        if (judged.some((p) => p.list.includes(part))) continue;
        // « pare-feux », « coupe-feux »: the plural of a compound typed in lower case is the compound the passages
        // write in the singular.
        const singular = part.replace(/[sx]$/, "");
        if (t.compound && singular !== part && judged.some((p) => p.list.includes(singular))) continue;
        const n = await frequency(part);
        // « Privas » that the index finds only through « privé »: a name no passage writes is unknown too.
        // A word opening the question as a sentence's capital (« Switchs D-Link … », « Diffuser les vidéos … ») is
        // only read so when it is the subject of the verb after it.
        const asked = t.name && (!t.clauseStart || t.subject) && n < NAME_HITS;
        if (n === 0 || (asked && ctx.corpusNames?.written && !(await ctx.corpusNames.written(part))))
          unknown.push(t.word);
      }
    }
    // « CAP Collectif »: a short word typed in capitals, as an acronym, that the corpus writes only as a plain word or
    // in another name (« cap », « Cap Libre »), never in capitals, names something it does not know.
    const typedCaps = (t: QuestionTerm) =>
      t.word.length >= 2 &&
      t.word.length <= MAX_ACRONYM &&
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t.word.toUpperCase())}(?![\\p{L}\\p{N}])`, "u").test(
        stripAccents(question),
      );
    if (ctx.corpusNames?.capitals)
      for (const t of resolved.filter(
        (t) => t.name && !t.date && !t.alias && /^[a-z]+$/.test(t.word) && typedCaps(t),
      )) {
        if (unknown.includes(t.word) || (await meaningWritten(ctx, t))) continue;
        // A passage read that writes it in capitals knows it, whatever the first passages the index gives for it.
        if (ctx.results.slice(0, JUDGED).some((r) => writesCapitals(r.text, t.word))) continue;
        if (!(await ctx.corpusNames.capitals(t.word))) unknown.push(t.word);
      }
    // A word after a collectivité's noun (« la region normandie », « la ville de brive ») names it, capital or not.
    for (const m of collectivityNames(fold(question))) {
      const word = m[1]!;
      // « la ville iséroise », « une commune landaise »: an adjective of place right after the noun describes the
      // collectivité, it is not its name (« la ville de Brive », « la région Normandie »).
      if (m[0]!.split(/\s+/).length === 2 && PLACE_ADJECTIVE.test(word)) continue;
      if (!STOPWORDS.has(word) && (await frequency(word)) === 0 && !judged.some((p) => p.list.includes(word)))
        unknown.push(word);
    }
    // « a doullens la mairie est sous libreoffice ? »: the town the question opens on, typed in lower case, is named
    // all the same; a corpus that never writes it does not speak of its mairie.
    const roleTowns = [...question.matchAll(ROLE_AT_TOWN)].filter((m) => isRoleNoun(fold(m[1]!)));
    for (const m of [
      ...question.matchAll(TOWN_AT),
      ...question.matchAll(TOWN_COUNTED),
      ...question.matchAll(TOWN_TAKEN_UP),
      ...roleTowns.map((m) => [m[0], m[2]] as const),
      ...compoundSubjects(question).map((w) => [w, w] as const),
    ]) {
      const word = fold(m[1]!);
      // Written with its accents or without (« à séoul »), the corpus may hold it either way.
      // So may it hold what it stands for (« séoul »: the Corée du Sud of the gazetteer).
      const variants = resolved.find((t) => t.word === word)?.variants ?? [];
      const forms = [...new Set([word, m[1]!, ...variants])];
      if (STOPWORDS.has(word) || judged.some((p) => forms.some((f) => p.list.includes(f)))) continue;
      if ((await Promise.all(forms.map(frequency))).every((n) => n === 0)) unknown.push(word);
      // « forges-les-eaux elle paye … »: a town of several words is known only where the corpus writes them together,
      // not where it writes each apart (« forges », « eaux »).
      else if (word.includes("-") && ctx.corpusNames?.written) {
        const phrases = [...new Set(forms.map((f) => fold(f).replace(/-/g, " ")))];
        if (!(await Promise.all(phrases.map(ctx.corpusNames.written))).some(Boolean)) unknown.push(word);
      }
    }
    // « Cal.com », « sync.com »: a name written as an internet domain is known only where the corpus writes that
    // domain, not each of its parts elsewhere (« com » of every web address, « sync » of « synchronisation »).
    if (ctx.corpusNames?.written)
      for (const m of question.matchAll(DOMAIN_NAME)) {
        const phrase = words(m[1]!).join(" ");
        // « Box (box.com) »: or a catalog card read bears its name (the product's own domain).
        const carded = ctx.results
          .slice(0, JUDGED)
          .some((r) => r.document.kind === "catalog" && words(r.document.title).includes(phrase.split(" ")[0]!));
        if (!carded && !judged.some((p) => occurs(phrase, p, true)) && !(await ctx.corpusNames.written(phrase)))
          unknown.push(fold(m[1]!));
      }
    if (unknown.length) return none("unknown-name", [...new Set(unknown)]);
  }
  return "continue";
}

/**
 * « saint-jean-du-gard a passé ses pc sous linux ? »: a compound typed in lower case that opens the question, subject
 * of the verb after it (`subject-verbs.txt`), is a town typed without its capitals (the town check of `unknownNames`
 * then asks the corpus to write its words together). Not a verb with its subject pronoun (« est-il », « va-t-on »).
 */
function compoundSubjects(question: string): string[] {
  const m = /^\s*(\p{Ll}{2,}(?:-\p{Ll}+)+)\s+(\p{L}+)(?![\p{L}'’-])/u.exec(question);
  if (!m || /-(?:t-)?(?:il|elle|ils|elles|on|nous|vous|je|tu|ce)$/.test(m[1]!)) return [];
  return SUBJECT_VERB.has(fold(m[2]!)) ? [m[1]!] : [];
}

/**
 * Decides « unknown-name »: a word typed in lower case in the place where a town goes, whose figure or fact the
 * question asks (« combien amiens dépense », « … et a amiens », « beauvais a t elle … », `owners.ts`), that the corpus
 * never uses, nor one letter off a word it uses (a typo of « lyon », « gendarmerie » is that word): an absent place,
 * whatever the question's other words match (trial14 A1).
 */
async function unknownOwners(ctx: Judgement): Promise<Decision> {
  const { question, frequency, resolved, judged } = ctx;
  if (!frequency) return "continue";
  const uses = async (w: string) =>
    (await frequency(w)) > 0 && (ctx.corpusNames?.written ? await ctx.corpusNames.written(w) : true);
  const unknown: string[] = [];
  for (const word of ownerWords(question)) {
    const term = resolved.find((t) => t.word === word);
    if (STOPWORDS.has(word) || term?.verb || term?.date || !/^[a-z-]+$/.test(word)) continue;
    const forms = [...new Set([word, ...(term?.variants ?? [])])];
    if (judged.some((p) => forms.some((f) => p.list.includes(f)))) continue;
    if ((await Promise.all(forms.map(frequency))).some((n) => n > 0)) continue;
    if (word.includes("-")) continue;
    let slip = false;
    for (const near of oneLetterOff(word))
      if (await uses(near)) {
        slip = true;
        break;
      }
    if (!slip) unknown.push(word);
  }
  return unknown.length ? none("unknown-name", unknown) : "continue";
}

/**
 * Whether the corpus writes, word for word, a meaning of several words of a one-word term (« délégué à la protection
 * des données » for « DPO », « cahier des charges » for « CCTP »): in a passage read, or anywhere in the corpus (every
 * word of it, when the corpus's names cannot be read).
 */
async function meaningWritten(ctx: Judgement, t: QuestionTerm): Promise<boolean> {
  const meanings = t.word.includes(" ") ? [] : t.variants.filter((v) => v.includes(" "));
  if (meanings.length === 0) return false;
  if (ctx.judged.some((p) => meanings.some((m) => occurs(m, p, true)))) return true;
  for (const m of meanings) {
    const written = ctx.corpusNames?.written;
    if (written ? await written(m) : (await Promise.all(m.split(" ").map(ctx.frequency!))).every((n) => n > 0))
      return true;
  }
  return false;
}

/**
 * Reads a clipped word (« appli ») or a typing slip (« logiciles ») of a word the corpus uses as that word. Decides
 * nothing.
 */
async function clippedAndMisspelt(ctx: Judgement): Promise<Decision> {
  const { frequency, resolved, judged } = ctx;
  // A word the corpus never uses that is the start of one it uses is its clipped form (« appli » for « application »,
  // « agglo » for « agglomération », « asso » for « association »): it is that word, found in the passages read or in
  // the domain's general vocabulary.
  const vocabulary = [...new Set([...GENERIC_WORDS, ...judged.flatMap((p) => p.list)])];
  const terms = await Promise.all(
    resolved.map(async (t) => {
      if (!frequency || t.name || t.date || t.word.includes(" ") || t.word.length < CLIPPED_LENGTH) return t;
      if ((await frequency(t.word)) > 0 || judged.some((p) => p.list.includes(t.word))) return t;
      // « wifi »: a word the corpus writes in two parts joined by a hyphen (« Wi-Fi ») is that word; not two words
      // of which one is a stopword (« demain » is no « de main »).
      if (ctx.corpusNames?.written && t.word.length <= MAX_JOINED)
        for (let k = 2; k <= t.word.length - 2; k++) {
          const [head, tail] = [t.word.slice(0, k), t.word.slice(k)];
          if (STOPWORDS.has(head) || STOPWORDS.has(tail)) continue;
          if (await ctx.corpusNames.written(`${head} ${tail}`))
            return { ...t, variants: [...t.variants, `${head} ${tail}`] };
        }
      // In the plural too (« technos », « ordis »): the clipped form without its « s ».
      const clipped = /[^s]s$/.test(t.word) && t.word.length > CLIPPED_LENGTH ? t.word.slice(0, -1) : t.word;
      const full = vocabulary
        .filter((w) => w.length > clipped.length + 1 && w.startsWith(clipped))
        .sort((a, b) => a.length - b.length)[0];
      if (full) return { ...t, word: full, variants: [full, ...synonymsOf(full), t.word] };
      // « eurodéputée », « cyberattaquant »: a prefix (`word-prefixes.txt`) glued to a word the corpus uses is that
      // word, of the same topic.
      for (const prefix of WORD_PREFIXES) {
        const rest = t.word.slice(prefix.length).replace(/^-/, "");
        if (!t.word.startsWith(prefix) || rest.length < CLIPPED_LENGTH + 1) continue;
        // The word itself, as written (the index's stems find « usines » for « cousins »).
        if (vocabulary.includes(rest) || (ctx.corpusNames?.written ? await ctx.corpusNames.written(rest) : false))
          return { ...t, word: rest, variants: [rest, ...synonymsOf(rest), t.word] };
      }
      // « dirrige », « logiciles »: a typing slip (a letter doubled, two letters swapped) of a word the corpus uses
      // is that word.
      if (t.word.length < TYPO_LENGTH) return t;
      for (const fixed of slips(t.word))
        if (fixed.length < t.word.length ? (await frequency(fixed)) > 0 : vocabulary.includes(fixed))
          return { ...t, word: fixed, variants: [fixed, ...synonymsOf(fixed), t.word] };
      // « comune », « obligaion »: a letter left out (`leftOutLetters`) of a plain word; not of a name the corpus
      // writes (« gendarmrie »: the answer suggests « Gendarmerie », answers-trial5).
      const { doubled, any } = leftOutLetters(t.word);
      // A word the corpus also writes in lower case inside a sentence (« support », which it writes in names too:
      // « fin suport », trial18 F9) is a plain word.
      const plainWord = async (w: string) =>
        !((await ctx.corpusNames?.(w)) ?? false) || ((await ctx.corpusNames?.plain?.(w)) ?? false);
      for (const fixed of doubled)
        if ((vocabulary.includes(fixed) || (await frequency(fixed)) > 0) && (await plainWord(fixed)))
          return { ...t, word: fixed, variants: [fixed, ...synonymsOf(fixed), t.word] };
      for (const fixed of any.filter((w) => vocabulary.includes(w)))
        if (await plainWord(fixed)) return { ...t, word: fixed, variants: [fixed, ...synonymsOf(fixed), t.word] };
      // « reversibilitee », « souverainte »: in a long word, one letter changed, added or left out (`oneLetterOff`),
      // of a plain word of the passages read — only one such word, or the slip is not read.
      if (t.word.length >= LONG_SLIP) {
        const near = oneLetterOff(t.word).filter((w) => vocabulary.includes(w));
        const plain = [];
        for (const w of near) if (await plainWord(w)) plain.push(w);
        if (plain.length === 1)
          return { ...t, word: plain[0]!, variants: [plain[0]!, ...synonymsOf(plain[0]!), t.word] };
      }
      return t;
    }),
  );
  Object.assign(ctx, { terms });
  return "continue";
}

/**
 * Sets aside the words of the asker's phrasing the corpus never uses (`phrasing.ts`: « éviter de taper dans chatgpt
 * quand on bosse en mairie »): the question is judged on the words that carry it. Decides nothing.
 */
async function phrasingSetAside(ctx: Judgement): Promise<Decision> {
  if (!ctx.frequency) return "continue";
  const aside = await phrasingUnknown(ctx.question, ctx.terms, ctx.frequency);
  if (aside.length && aside.length < ctx.terms.length) ctx.terms = ctx.terms.filter((t) => !aside.includes(t));
  // A noun closing the question (« …, son salaire ») that the corpus never writes is no kind of answer it gives: it is
  // what is asked (`closingAsk`).
  const closing = closingAsk(ctx.question);
  const frequency = ctx.frequency;
  ctx.terms = await Promise.all(
    ctx.terms.map(async (t) =>
      t.answerKind && closing.includes(t.word) && (await frequency(t.word)) === 0 ? { ...t, answerKind: undefined } : t,
    ),
  );
  return "continue";
}

/**
 * Lets the laws a product's catalog card exposes it to name that product, when the question asks what the law says
 * of it. Decides nothing.
 */
async function lawsOfProduct(ctx: Judgement): Promise<Decision> {
  const { question, results, terms } = ctx;
  // « Est-il interdit d'utiliser Teams dans une mairie ? » asks what the law says of a product: the laws its catalog
  // card exposes it to (« Exposition : CLOUD Act (États-Unis) ») name it too, and the page on that law answers.
  if (holdsPhrase(words(outsideContext(question)), slot("légalité")))
    terms.forEach((t, k) => {
      if (!t.name || t.date) return;
      const laws = results
        .slice(0, JUDGED)
        .flatMap((r) =>
          r.document.kind === "catalog" && holds(t, passageWords(`${r.document.title} ${r.section}`))
            ? exposureLaws(r.text)
            : [],
        );
      if (laws.length) terms[k] = { ...t, variants: [...new Set([...t.variants, ...laws])] };
    });
  return "continue";
}

/** Pronouns by which a sentence speaks of the person the one before it names (« lui a succédé »). */
const PERSON_PRONOUNS = new Set(["lui", "il", "elle"]);

/**
 * Decides « personal »: a question on a person's private life no passage read speaks of.
 */
async function personalLife(ctx: Judgement): Promise<Decision> {
  const { question, judged, results } = ctx;
  // A question on a person's private life (« quel âge », « salaire ») is answered only by a passage that speaks of
  // it, whoever the corpus says the person is; a name typed in lower case is a person's when the passages write it as
  // one (« david amiel » is their « David Amiel »).
  const typed = personInLowerCase(
    question,
    results.slice(0, JUDGED).map((r) => r.text),
  );
  const person = aboutPerson(question) || typed;
  // What a person does now or did before, their grade, nationality or pay are asked of a named person only (« l'April,
  // elle fait quoi aujourd'hui ? » asks what the association does).
  const texts = results.slice(0, JUDGED).map((r) => r.text);
  const name = person ? personNamed(question, texts) : [];
  // « que fait jean-marc ayrault aujourd'hui »: the name may stand inside an expression read of a named person only
  // (« que fait … aujourd'hui »).
  // Some are asked only of a person named by a first name (« qui remplace karim khan », not « … Microsoft Teams »).
  const firstNamed = name.length > 0 && isFirstName(name[0]!);
  const asked = person ? personalAsked(question, typed || namesPerson(question), firstNamed) : [];
  const unnamed = name.length ? withoutPerson(question, name) : "";
  const ofNamedOnly = unnamed
    ? personalAsked(unnamed, true, firstNamed).filter(
        (g) => !personalAsked(unnamed, false).some((a) => a.found === g.found),
      )
    : [];
  const personal = [...asked, ...ofNamedOnly.filter((g) => !asked.some((a) => a.found === g.found))];
  const holdsPersonal = (p: ReturnType<typeof passageWords>) =>
    personal.every(({ group }) => group.some((e) => p.joined.includes(` ${e} `)));
  // Of a named person, the expression must be said of them: in a sentence that writes their surname, or in a section
  // whose heading does (« L'idée de l'association est née en septembre 2002 » says nothing of its founder's birth).
  // (A person by a first name of `first-names.txt`: « Check Point » is a company.)
  const surname = firstNamed ? name.at(-1) : undefined;
  const saysOfPerson = (i: number, group: string[]) => {
    const r = results[i]!;
    if (!surname || passageWords(`${r.document.title} ${r.section}`).list.includes(surname)) return true;
    // Or in the sentence right after one that writes it, by a pronoun of it (« Cédric Thomas a dirigé OW2 depuis
    // 2007. Pierre-Yves Gibello lui a succédé … »; not « FNL est né … » after a sentence naming its founder).
    const sentences = withoutReferences(r.text).split(SENTENCE).map(passageWords);
    return sentences.some(
      (w, k) =>
        (w.list.includes(surname) ||
          (!!sentences[k - 1]?.list.includes(surname) && w.list.some((x) => PERSON_PRONOUNS.has(x)))) &&
        group.some((e) => w.joined.includes(` ${e} `)),
    );
  };
  const holdsOfPerson = (p: ReturnType<typeof passageWords>, i: number) =>
    holdsPersonal(p) && personal.every(({ group }) => saysOfPerson(i, group));
  if (!judged.some(holdsOfPerson))
    return none(
      "personal",
      personal
        .filter(
          ({ group }) =>
            !judged.some((p, i) => group.some((e) => p.joined.includes(` ${e} `)) && saysOfPerson(i, group)),
        )
        .map((g) => g.found),
    );
  Object.assign(ctx, { holdsPersonal });
  return "continue";
}

/**
 * Decides « low-coverage »: a view a named person is asked (« que pense thierry breton de la dinum ») that no passage
 * read holds with the person (`person-opinion.ts`).
 */
async function opinionApart(ctx: Judgement): Promise<Decision> {
  const { question, results, judged, terms } = ctx;
  const name = personNamed(
    question,
    results.slice(0, JUDGED).map((r) => r.text),
  );
  const object = opinionObject(question, name);
  const asked = terms.filter((t) => t.word.split(" ").every((w) => object.includes(w)));
  if (!asked.length) return "continue";
  const surname = name.at(-1)!;
  // (One of the thing's words is enough: « l'affaire de la CPI » is the CPI's.)
  if (judged.some((p) => p.list.includes(surname) && asked.some((t) => holds(t, p)))) return "continue";
  return none("low-coverage", [surname, ...asked.map((t) => t.word)]);
}

/**
 * Which names the passages that answer must hold (the asked ones; the context's when the question asks no name), and
 * where a passage's document holds them in a section set aside. Decides nothing.
 */
async function requiredNames(ctx: Judgement): Promise<Decision> {
  const { results, frequency, held, terms } = ctx;
  // The names the passages that answer must hold: all but the domain's general ones (« Microsoft », « France ») and
  // adjectives of nationality (« est-il américain ? » asks it), and those too when rare in the corpus.
  const required = await Promise.all(
    terms.map(
      async (t) =>
        t.name &&
        !t.date &&
        !t.choice &&
        ((!isGeneric(t) && (!t.nationality || t.attributive)) ||
          !frequency ||
          Math.min(...(await Promise.all(t.word.split(" ").map((w) => frequency(w))))) <= RARE_NAME),
    ),
  );
  const names = terms.filter((_, i) => required[i]);
  // The names of what the question asks must each be in a passage that answers; those of its context (« Dans
  // l'inventaire OCS, « VMware Tools » apparaît… : qu'est-ce que ça nous apprend ? ») only one of them, when what it
  // asks names nothing.
  const askedNames = names.filter((t) => !t.context);
  const anchors = askedNames.length ? askedNames : anchoringNames(ctx.question, names);
  // A name the corpus knows but none of the best passages holds: they are about something else.
  // The word that designates a place (« le Land du nord de l'Allemagne ») may be in another section of the document
  // of a passage read, one set aside by the cap of passages per document (« Le Schleswig-Holstein, Land du nord de
  // l'Allemagne, … » opens it).
  const heldWords = held.map((h) => ({
    title: h.document.title,
    catalog: h.document.kind === "catalog",
    words: resultWords(h),
  }));
  const heldHolds = (t: QuestionTerm, i: number) =>
    !!t.verbatim &&
    results[i]!.document.kind !== "catalog" &&
    heldWords.some((h) => !h.catalog && h.title === results[i]!.document.title && holds(t, h.words));
  Object.assign(ctx, { names, askedNames, anchors, heldWords, heldHolds });
  return "continue";
}

/**
 * The names that anchor a question all of whose names are its context: not those said only in a purpose opening it
 * (« pour la réunion d'équipe lundi, stackit appartient à quel groupe »), which say why the asker asks.
 */
function anchoringNames(question: string, names: QuestionTerm[]): QuestionTerm[] {
  const purposeOnly = inOpeningPurpose(question);
  return names.filter((t) => !purposeOnly(t));
}

/** Whether a term of the question is said only in a purpose opening it (`openingPurposes`): why the asker asks. */
function inOpeningPurpose(question: string): (t: QuestionTerm) => boolean {
  const opening = ` ${openingPurposes(question)
    .map(([a, b]) => words(question.slice(a, b)).join(" "))
    .join(" ")} `;
  const outside = ` ${words(outsideContext(question)).join(" ")} `;
  return (t) => opening.includes(` ${t.word} `) && !outside.includes(` ${t.word} `);
}

/**
 * Decides « missing-name »: a name the corpus knows but no passage read holds, or a name with an edition or a number
 * after it (« Copilot Studio », « Windows 365 ») no passage writes together.
 */
async function missingNames(ctx: Judgement): Promise<Decision> {
  const { question, results, held, judged, terms, names, askedNames, heldWords, heldHolds } = ctx;
  const absent = askedNames.filter((t) => !judged.some((p, i) => holds(t, p) || heldHolds(t, i))).map((t) => t.word);
  const anchoring = anchoringNames(question, names);
  if (!askedNames.length && anchoring.length && !anchoring.some((t) => judged.some((p) => holds(t, p))))
    absent.push(...anchoring.map((t) => t.word));
  // « Copilot Studio », « Teams Premium », « Windows 365 », « l'AI Act »: a name and the word of an edition or a number
  // after it make another product or text, which the corpus lacks when no passage read writes them together, though
  // it knows each (« Copilot », « Studio » of « Visual Studio »).
  // A number is such only where the passages write it after another name (« Microsoft 365 », « Office 365 »), not
  // as a section of the same text (« la section 702 du FISA »).
  const written = [...judged, ...heldWords.map((h) => h.words)];
  const rawTexts = [...results.slice(0, JUDGED), ...held].map((r) => withoutReferences(r.text));
  const cardNamed = (name: string) =>
    results.some((r) => r.document.kind === "catalog" && words(r.document.title).includes(name));
  for (const m of question.matchAll(NAME_PAIR)) {
    const [first, second] = [fold(m[1]!), fold(m[2]!)];
    const pair = `${first} ${second}`;
    // « Copilot » a name of the question, « AI » an acronym (« Si 100 000 agents… » is no name).
    if (!terms.some((t) => t.name && t.word === first) && !/^\p{Lu}{2,}$/u.test(m[1]!)) continue;
    // « Citrix Workspace 2409 »: four digits that are no year are a release code (year and month), like three.
    const number = /^\d{3,4}$/.test(second);
    if (!EDITIONS.has(second) && !number) continue;
    const otherProduct = new RegExp(`(?<![\\p{L}])\\p{Lu}\\p{L}*\\s+${second}(?![\\p{N}])`, "u");
    // « Firefox 140 »: or the name is a catalog card's, a product with releases.
    if (number && !rawTexts.some((text) => otherProduct.test(text)) && !cardNamed(first)) continue;
    if (!written.some((p) => p.joined.includes(` ${pair} `)) && !absent.includes(pair)) absent.push(pair);
  }
  // « thunderbird 145 gère exchange ? »: a product typed in lower case with three digits after it is a release of it
  // when a catalog card bears its name (a product with releases), not a section of a text (« fisa 702 »).
  for (const m of question.matchAll(TYPED_RELEASE)) {
    const [first, second] = [fold(m[1]!), m[2]!];
    const pair = `${first} ${second}`;
    if (!terms.some((t) => t.word === first) || !cardNamed(first)) continue;
    if (!written.some((p) => p.joined.includes(` ${pair} `)) && !absent.includes(pair)) absent.push(pair);
  }
  // « Office 2013 », « SharePoint 2019 »: a year right after the name of a product the passages read treat as one (a
  // catalog card of that name, or the name written with a number after it: « Office 2016 », « Office 365 ») is its
  // release, which no passage read writes; not the year of a label or an event (« label Omega 2024 »).
  for (const t of terms) {
    if (!t.yearOf) continue;
    const pair = `${t.yearOf} ${t.word}`;
    const name = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t.yearOf)}\\s+\\d`, "u");
    // « Exchange Server 2019 » writes « Exchange 2019 »: a capitalised word may stand between.
    const release = new RegExp(
      `(?<![\\p{L}\\p{N}])${anyCase(t.yearOf)}(?:\\s+\\p{Lu}[\\p{L}\\p{N}]*)?\\s+${t.word}(?!\\p{N})`,
      "u",
    );
    // « Office 2010 »: or the corpus writes the name with a release number elsewhere (« Office 2016 », « Office
    // 365 »), though the passages read hold it only inside other names (« OnlyOffice », « LibreOffice »).
    // Typed in lower case (« outlook 2013 »), a word the corpus also writes as a plain word (« fin 2023 », « depuis
    // 2022 », capitalised only where a sentence starts) is none.
    const typedName = async (w: string) =>
      !!ctx.corpusNames && (await ctx.corpusNames(w)) && !((await ctx.corpusNames.plain?.(w)) ?? true);
    const product =
      cardNamed(t.yearOf) ||
      (!t.yearTyped && rawTexts.some((text) => name.test(fold(text)))) ||
      (!!ctx.corpusNames?.released &&
        (await ctx.corpusNames.released(t.yearOf)) &&
        (!t.yearTyped || (await typedName(t.yearOf))));
    const writes = written.some((p) => p.joined.includes(` ${pair} `)) || rawTexts.some((text) => release.test(text));
    if (product && !writes && !absent.includes(pair)) absent.push(pair);
  }
  if (absent.length) return none("missing-name", absent);
  return "continue";
}

/** The line of a catalog card that lists the names it appears under in inventories (`server/corpus/catalog.ts`). */
const CARD_OWN_NAMES = /sous les noms\s*:([^\n]*)/u;

/** Whether a question writes a folded word in capitals, as an acronym (« HDH »). */
const typedInCapitals = (question: string, word: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word.toUpperCase())}(?![\\p{L}\\p{N}])`, "u").test(question);

/** A folded word as a pattern of either case (« exchange » → « [eE][xX]… »), the rest of the pattern keeping its case. */
const anyCase = (word: string) =>
  [...word].map((c) => (/\p{L}/u.test(c) ? `[${c}${c.toUpperCase()}]` : escapeRegExp(c))).join("");

/**
 * Decides « located-only »: a place the question asks what it does, that the passages name only to situate others.
 */
async function locatedOnly(ctx: Judgement): Promise<Decision> {
  const { question, results, held, askedNames } = ctx;
  // « Que fait Toulouse pour le logiciel libre ? »: passages that name the town only to situate others there (an
  // association's seat, an editor's address) say nothing of what it does (`located-names.ts`).
  const read = [...results.slice(0, JUDGED), ...held];
  const situatedOnly = actingNames(question, askedNames).filter((t) => !read.some((r) => namesItself(t, r)));
  if (situatedOnly.length)
    return none(
      "located-only",
      situatedOnly.map((t) => t.word),
    );
  return "continue";
}

/**
 * Decides « low-coverage » for a question on the life of the commune, whose topic words the corpus uses only in
 * passing (`domain.ts`).
 */
async function offDomainTopic(ctx: Judgement): Promise<Decision> {
  const { question, results, frequency, terms, corpusNames } = ctx;
  // « Quand faut-il déposer notre demande de subvention à la mairie ? »: a question with no word of the digital domain,
  // naming nothing the corpus often cites, is about the life of the commune when a word of its topic is one the corpus
  // uses only in passing (« subvention », for the ANCT's grant to a collaborative suite): the passages found hold it in
  // their own, digital, sense.
  if (frequency) {
    const headings = results.slice(0, JUDGED).map((r) => passageWords(`${r.document.title} ${r.section}`));
    // « … Cyber Resilience Act (CRA) … » under « Le Cyber Resilience Act : … », « France Numérique Libre (FNL) »: the
    // acronyms a passage read defines and is about (its heading writes what the acronym stands for), not one defined in
    // passing (« services départementaux d'incendie et de secours (SDIS) » in a list).
    const defined = new Set(
      results.slice(0, JUDGED).flatMap((r) => {
        const heading = fold(`${r.document.title} ${r.section}`);
        const text = `${r.document.title}\n${r.text}`;
        // Or the subject its sentence opens on (« - Le Référentiel général d'interopérabilité (RGI) existe depuis … »).
        const opens = (at: number) =>
          (
            text
              .slice(0, at)
              .split(/[.!?:;\n]/)
              .pop() ?? ""
          )
            .split(/\s+/)
            .filter((w) => /\p{L}/u.test(w)).length <= OPENING_WORDS;
        return [...text.matchAll(DEFINED_ACRONYM)]
          .filter((m) => heading.includes(fold(m[1]!)) || opens(m.index))
          .map((m) => fold(m[2]!));
      }),
    );
    // « c'est quoi un OSPO ? »: an acronym a passage read defines anywhere, when the question asks what it means.
    const texts = results.slice(0, JUDGED).map((r) => r.text);
    for (const a of acronymsDefinedForAsker(question, texts)) defined.add(a);
    // « OVH fondé quand ? »: a name a catalog card read gives as its own (its title, or the names it lists itself
    // under: « OVHcloud … sous les noms : OVH ») is what that card is about; not one it writes in passing (« le PLU »).
    for (const r of results.slice(0, JUDGED)) {
      if (r.document.kind !== "catalog") continue;
      const own = passageWords(`${r.document.title} ${r.text.match(CARD_OWN_NAMES)?.[1] ?? ""}`);
      for (const t of terms) if (t.name && !t.date && holds(t, own)) defined.add(t.word);
    }
    // « le marché de support linagora », « l'aful elle fait quoi », « le hdh »: a word typed in lower case that the
    // corpus writes as a name (« Linagora », « Aful ») is that name; one it writes in capitals (« HDH ») only when a
    // passage read defines it, like an acronym typed so (thirty-second series). Not a person typed so (« frédéric
    // couchet il joue d'un instrument ? »: a person is no topic of the corpus), nor when a word of the question is one
    // the corpus never uses (« tchap fond à quelle température ? »: that word may be what is asked).
    // Not a pair opening on a determiner (« Le Cigref a … » opening a sentence: `typed-person.ts`).
    const person = personTypedInLowerCase(
      question,
      results.slice(0, JUDGED).map((r) => r.text),
    );
    // Not a verb the corpus never writes (« le tribunal a condamné polytechnique … ? »: `verbForm`).
    // Nor the word naming the kind of answer asked (« quel pourcentage de hausse at&t reprochait … »): it says how the
    // question asks, not what about.
    const unknownWord = (
      await Promise.all(
        terms.map(
          async (t) =>
            !t.answerKind &&
            !t.name &&
            !t.verb &&
            !t.date &&
            !verbForm(question, t.word) &&
            (await frequency(t.word)) === 0,
        ),
      )
    ).some(Boolean);
    const named = await Promise.all(
      terms.map(async (t) => {
        if (person || unknownWord) return t;
        if (t.name || t.date || t.verb || !corpusNames || !/^[a-z0-9]+$/.test(t.word)) return t;
        if (new RegExp(`(?<![\\p{L}\\p{N}])${t.word}(?![\\p{L}\\p{N}])`, "u").test(question) === false) return t;
        // An acronym a passage read defines (« Health Data Hub (HDH) ») is its topic; one the corpus writes in passing
        // (« le plu ») is none (`offDomainWords`).
        if (defined.has(t.word)) return { ...t, name: true };
        if (((await corpusNames.capitals?.(t.word)) ?? false) && (await frequency(t.word)) <= PASSING) return t;
        // Written so by the corpus itself, not only found through words sharing its stem (`namesFrom`), and never as a
        // plain word (« association », « famille »: the corpus writes them in lower case too).
        const name =
          (await corpusNames(t.word)) &&
          (await corpusNames.written?.(t.word)) &&
          !((await corpusNames.plain?.(t.word)) ?? true);
        return name ? { ...t, name: true } : t;
      }),
    );
    // The catalog cards read, which say what each product is for.
    const cardTexts = results.slice(0, JUDGED).flatMap((r) => (r.document.kind === "catalog" ? [r.text] : []));
    const offDomain = await offDomainWords(question, named, frequency, headings, defined, cardTexts);
    // … unless a passage read holds the whole question with them (`heldWhole`).
    // … nor as one phrase (« qui mettre dans le comité de pilotage ? »: `phraseHeld`), the domain's general words in it.
    // … nor one a passage read writes under a heading holding the question's subject (`heldUnderSubject`): a name,
    // or a word typed in lower case the corpus writes only as a name (« mistral », « cnam »).
    const writtenAsName = async (w: string) =>
      !!corpusNames &&
      (await corpusNames(w)) &&
      ((await corpusNames.written?.(w)) ?? false) &&
      !((await corpusNames.plain?.(w)) ?? true);
    // Not when it names a person typed in lower case by a first name (« donne-moi le portable de matthieu faure de
    // l'adullact »: what is asked of them is no topic of the corpus), opens on a word the corpus never uses (« treffort
    // gere ses tickets dans glpi ? ») or holds a noun it never uses (« … les missions de la dinum après sa
    // dissolution »): that may be what it does not cover.
    const opening = words(question)[0] ?? "";
    const unknownNouns = await Promise.all(
      named.filter((t) => t.noun && !t.name && !t.context).map(async (t) => (await frequency(t.word)) === 0),
    );
    const subjectUnknown = (!STOPWORDS.has(opening) && (await frequency(opening)) === 0) || unknownNouns.some(Boolean);
    const unheld: string[] = [];
    for (const w of offDomain) {
      const t = named.find((n) => n.word === w);
      if (
        !t ||
        subjectUnknown ||
        (person && typesFirstName(question)) ||
        !(await heldUnderSubject(t, named, ctx.judged, headings, frequency, writtenAsName))
      )
        unheld.push(w);
    }
    if (unheld.length && !heldWhole(terms, ctx.judged) && !phraseHeld(phraseWords(question, terms), texts))
      return none("low-coverage", offDomain);
  }
  return "continue";
}

/** Decides « low-coverage »: a municipal procedure whose own words no passage read holds (`municipalSubjectUnheld`). */
async function municipalLife(ctx: Judgement): Promise<Decision> {
  const { question, frequency, terms, judged } = ctx;
  if (!frequency) return "continue";
  const unheld = await municipalSubjectUnheld(question, terms, frequency, judged);
  return unheld.length ? none("low-coverage", unheld) : "continue";
}

/**
 * How much of the question each passage read holds, plainly, weighted by rarity and as a catalog card; which
 * context words count. Decides nothing.
 */
async function passageCoverage(ctx: Judgement): Promise<Decision> {
  const { question, results, frequency, judged, terms, names, anchors } = ctx;
  // Each word weighs by its rarity in the corpus (inverse document frequency): « mairie » says little, « piscine »
  // (found in no passage) says what the question is about.
  const weights = await Promise.all(
    terms.map(async (t) =>
      frequency ? Math.log(1 + CORPUS_SCALE / (1 + (await frequency(t.word.split(" ")[0]!)))) : 1,
    ),
  );
  // A role noun says who asks (« pour nos secrétaires de mairie ») only beside something else the question asks:
  // in « Combien de secrétaires de mairie en France ? » it is the topic.
  const asksMore = terms.some(
    (t) => t.name || (!t.user && !t.context && !t.modifier && !t.verb && !t.date && !isGeneric(t)),
  );
  // A question whose asking part holds two words of its own that say what it asks (« On en discute au conseil
  // municipal : qui a payé le développement de la suite collaborative ? ») does not need its context, unless that
  // context names a thing the corpus never uses (« On voudrait prendre un apprenti : quelle aide financière ? »).
  const ownWords = terms.filter(
    (t) => !t.context && !t.modifier && !t.verb && !t.date && !t.name && !isGeneric(t),
  ).length;
  const contextUnknown =
    frequency &&
    (
      await Promise.all(
        terms
          .filter((t) => t.context && t.noun && !t.user && !t.name)
          .map(async (t) => (await frequency(t.word)) === 0),
      )
    ).some(Boolean);
  // What follows a verb of asking that reports the question (« quelqu'un demandait boé c'est quelle taille de commune »)
  // or a statement that speaks of it (« petite question avant le conseil : … ») is the whole question: who asked,
  // where and why, never its topic (`framedQuestionStart`). Unless that context names a thing the corpus never uses, as
  // above (« un collègue élu m'a posé la question ce matin : … » would let « pourquoi échirolles est-elle revenue à
  // windows en 2026 », a false premise, be answered as it is without its lead).
  const selfContained = (ownWords >= 2 || framedQuestionStart(question) > 0) && !contextUnknown;
  // A yes-or-no question about a year the corpus covers (« Teams est interdit dans les collectivités depuis 2025 ? »)
  // states a claim the corpus can correct: its year need not be in the passage (the answer says what the corpus
  // dates); a year after the corpus's sources (« Munich reviendra-t-elle à Linux en 2030 ? ») stays required.
  const horizon = polar(question) && frequency ? await corpusHorizon(frequency) : 0;
  // A year the corpus writes at most in passing (« il existait déjà … en 1987 ? ») is not one it covers: the passage
  // that answers must hold it.
  const unwritten = new Set(
    horizon && frequency
      ? (
          await Promise.all(
            terms
              .filter((t) => t.date && /^\d{4}$/.test(t.word))
              .map(async (t) => ((await frequency(t.word)) < COVERED_YEAR ? t.word : "")),
          )
        ).filter(Boolean)
      : [],
  );
  const claimed = (t: QuestionTerm) => !!t.date && Number(t.word.slice(-4)) <= horizon && !unwritten.has(t.word);
  // A common word of everyday French (`isLight`: « On a mis Foxit …, bonne idée ? », « combien de monde ») in a
  // question that names what it is about says how it asks about it: it counts where a passage holds it, never against
  // it. In one that names nothing, it may be all it says of its topic (« Comment mettre à jour le plan communal de
  // sauvegarde … ? », « … que tout le monde utilise »).
  // A word naming the kind of answer or the judgement asked (« c'est quel pourcentage », « c'est suffisant ? ») says
  // so in any question.
  // A product typed in lower case that names a catalog card read (« jira server c'est fini ? on doit aller où ? »,
  // « … spss, R sait lire les fichiers .sav ? ») names what the question is about as a capital would.
  const cardTitles = results
    .slice(0, JUDGED)
    .filter((r) => r.document.kind === "catalog")
    .map((r) => words(r.document.title));
  const namesCard = terms.some(
    (t) =>
      !t.name &&
      !t.verb &&
      !t.date &&
      !isGeneric(t) &&
      !isLight(t) &&
      cardTitles.some((title) => title.includes(t.word)),
  );
  const light = (t: QuestionTerm) => !!t.answerKind || ((names.length > 0 || namesCard) && isLight(t));
  // A question asking a figure (« combien de mairies utilisent Zoom ? ») counts its setting: it is what it asks.
  const asksFigure = !!FIGURE_ASKED.exec(fold(outsideContext(question)));
  // « logiciel 3d libre pour une maquette du futur gymnase »: the asker's use closing a request for a product, which a
  // catalog card does not write (`closingPurpose`): its words count on a card where held, never against it.
  const purpose = closingPurpose(question);
  const purposeWords = new Set(purpose ? words(question.slice(...purpose)) : []);
  const restWords = new Set(purpose ? words(question.slice(0, purpose[0]) + question.slice(purpose[1])) : []);
  // (A word read as another, « télétravail » as « travail » by its prefix, as the question types it: held-out-32.)
  const inPurpose = (t: QuestionTerm) =>
    !t.name && [t.word, ...t.variants].some((v) => v.split(" ").every((w) => purposeWords.has(w) && !restWords.has(w)));
  const perPassage = judged.map((p, i) => {
    // A catalog card that holds a name of the question (« Doodle, c'est de quel pays ? ») answers what its fields say
    // (country, city, publisher, owner) without writing the word.
    // « commvault dans notre parc … », « resana on peut l'utiliser … »: a word typed in lower case that names the card
    // read (its title) is that card's subject, as its name would be.
    const cardTitle = results[i]!.document.kind === "catalog" ? words(results[i]!.document.title) : [];
    const titled = (t: QuestionTerm) =>
      !t.name && !t.verb && !t.date && !t.context && !isGeneric(t) && !isLight(t) && cardTitle.includes(t.word);
    const namedCard =
      results[i]!.document.kind === "catalog" &&
      terms.some((t) => ((t.name && !t.date && !t.context) || titled(t)) && holds(t, p));
    // The card or page of a thing the question names (not a general name of the domain) answers it without the
    // question's setting and the judgement it asks (« Skype … sur une vingtaine de postes, il est toujours maintenu ? »).
    const ownPage =
      !asksFigure &&
      terms.some(
        (t) =>
          ((anchors.includes(t) && !isGeneric(t)) || titled(t)) &&
          holds(t, passageWords(`${results[i]!.document.title} ${results[i]!.section}`)),
      );
    // So does the nationality it asks (« DeepL, c'est un service américain ? »): its country is one of the fields.
    // « Quand Mobilix sera-t-il disponible ? »: « disponible » is what the section « La date de … pour Mobilix »
    // dates (`dated-section.ts`).
    const dated = datedByHeading(question, terms, results[i]!.section);
    const holding = terms.filter(
      (t) =>
        t.variants.some((v) => occurs(v, p)) ||
        dated.includes(t) ||
        (namedCard && (asksCardField(t) || (!!t.nationality && !t.attributive && !t.context))),
    );
    // The question's context (« Qwant, qu'on a mis par défaut sur les postes…, c'est bien français ? ») counts where
    // a passage holds it, never against it, when the question names what it is about, or in a catalog card that
    // holds a word of what it asks (« Pour monter la vidéo de la fête de quartier, un logiciel libre de montage ? »);
    // its general words, verbs and role nouns not even for it (« … ? Je dois en parler à nos secrétaires de
    // mairie. » is not answered by a passage on mairies). When it names nothing, its context is its topic: « L'inspection
    // veut fermer une classe : comment s'y opposer ? ».
    const contextFree =
      names.length > 0 ||
      selfContained ||
      (results[i]!.document.kind === "catalog" && holding.some((t) => !t.context && !t.name && !isGeneric(t)));
    const aside = (t: QuestionTerm) =>
      (!!t.context && (t.user ? asksMore : contextFree)) ||
      (results[i]!.document.kind === "catalog" && inPurpose(t)) ||
      (ownPage && isEntityFrame(t)) ||
      (!t.name && ownRelation(question, t.word));
    const found = holding.filter((t) => !aside(t) || !(t.user || t.modifier || t.verb || isGeneric(t)));
    // A verb or an adjective (« installer », « malvoyant ») counts where a passage holds it, never against it; so does
    // a common word (above).
    const asked = terms.filter((t) => found.includes(t) || (!t.modifier && !aside(t) && !claimed(t) && !light(t)));
    const weighted =
      found.reduce((n, t) => n + weights[terms.indexOf(t)]!, 0) /
      Math.max(
        1e-9,
        asked.reduce((n, t) => n + weights[terms.indexOf(t)]!, 0),
      );
    // A catalog card describes one product: it does not say « commune » or « outil », which it is not asked to hold.
    const excused = asked.filter((t) => !found.includes(t) && isGeneric(t)).length;
    return {
      weighted,
      plain: found.length / Math.max(1, asked.length),
      card: found.length / Math.max(1, asked.length - excused),
      missing: terms.filter((t) => !holding.includes(t)).map((t) => t.word),
    };
  });
  const best = perPassage.reduce((a, b) => (b.weighted > a.weighted ? b : a));
  Object.assign(ctx, { asksMore, selfContained, claimed, light, perPassage, best });
  return "continue";
}

/**
 * Decides « unknown-words »: words the corpus never uses (nor their synonyms) make a large part of the question, or
 * of the specific words of what it asks.
 */
async function unknownWords(ctx: Judgement): Promise<Decision> {
  const { frequency, terms, names, asksMore, selfContained, best } = ctx;
  // A word of the question's context the corpus never uses (« les inscriptions à la brocante passent par Google
  // Forms : … ») says nothing of what it asks when the question names what it is about; when it names nothing, its
  // context is its topic too (« L'inspection académique veut fermer une classe : comment s'y opposer ? »). A role
  // noun (« notre trésorier ») says who asks, never what.
  // When the question asks nothing outside its context (« …, « VMware Tools » apparaît sur certains postes : qu'est-ce
  // que ça nous apprend ? »), its context is what it asks.
  const asksOutside = terms.some((t) => !t.context && !t.modifier && !t.verb);
  const excusedContext = (t: QuestionTerm | undefined) =>
    !!t && asksOutside && ((t.user && asksMore) || (!!t.context && !t.user && (names.length > 0 || selfContained)));
  // Words the corpus never uses, and no synonym of which the best passage holds, make a large part of the question.
  const unknown = frequency
    ? (
        await Promise.all(
          best.missing
            .filter((w) => {
              // The domain's general words (« géant »), declared known, do not say that the question is about
              // something the corpus does not cover.
              const t = terms.find((t) => t.word === w);
              // Nor do the common words of everyday French (« un truc », « plus sûres »): they say how it asks.
              return !excusedContext(t) && !(t && (isGeneric(t) || isLight(t)));
            })
            // « souci », whose synonyms (« problème », « risque ») the corpus uses: an ordinary word, not a topic
            // it does not cover.
            .map(async (w) => {
              const variants = terms.find((t) => t.word === w)?.variants ?? [w];
              for (const v of new Set([w, ...variants])) if ((await frequency(v)) > 0) return null;
              // « des agents sauvegardent sur icloud »: a verb in the third person plural of a word the corpus uses
              // in the singular (« sauvegarde ») is that word, not a topic it lacks.
              if (PLURAL_OF_VERB.test(w) && (await frequency(w.slice(0, -2))) > 0) return null;
              return w;
            }),
        )
      ).filter((w): w is string => !!w)
    : [];
  // A verb (« arrivera-t-il ») counts in the decision but is not told as a missing topic.
  const verbs = new Set(terms.filter((t) => (t.verb || t.modifier) && !t.name).map((t) => t.word));
  // An infinitive the corpus never uses (« qu'est-ce qui risque de manquer ? ») says how the question asks, not what
  // about: it does not weigh among the unknown words.
  // Nor does a past participle after its auxiliary (« il l'a découpée en combien … »: `verbForm`).
  const infinitives = new Set(
    terms
      .filter(
        (t) =>
          !t.name &&
          ((t.modifier && (/er$/.test(t.word) || afterSubjectPronoun(ctx.question, t.word))) ||
            verbForm(ctx.question, t.word)),
      )
      .map((t) => t.word),
  );
  const topics = (list: string[]) => (list.some((w) => !verbs.has(w)) ? list.filter((w) => !verbs.has(w)) : list);
  // The same among the words that say what the question asks (neither names, dates, verbs nor the domain's general
  // vocabulary), counting only the nouns the corpus never uses: « recruter un policier municipal » is not answered by
  // passages on small communes, while an unknown verb (« ont laissé tomber Office ») says nothing of the topic.
  const specific = terms.filter(
    (t) => !t.name && !t.date && !t.verb && !t.modifier && !excusedContext(t) && !isGeneric(t),
  );
  const unknownSpecific = specific.filter((t) => t.noun && unknown.includes(t.word));
  if (
    unknown.filter((w) => !infinitives.has(w)).length / Math.max(1, terms.filter((t) => !excusedContext(t)).length) >=
      UNKNOWN_SHARE ||
    unknownSpecific.length / Math.max(1, specific.length) >= UNKNOWN_SHARE
  )
    return {
      answerable: false,
      reason: "unknown-words",
      missing: topics(unknown),
      coverage: best.weighted,
      relevant: [],
    };
  Object.assign(ctx, { unknown, topics, specific });
  return "continue";
}

/**
 * Whether a word comes right after a subject pronoun and asks what to do with it (« je reponds quoi », « on fait
 * quoi », « on commence comment »): the asker's own verb, which says how the question asks, not what about (not « quand
 * on caresse Zimbra »).
 */
function afterSubjectPronoun(question: string, word: string): boolean {
  return new RegExp(
    `\\s(?:je|j'|tu|on|nous|vous)\\s+${escapeRegExp(word)}\\s+(?:quoi|comment|ou|quand|combien)?\\s*[?!.]?\\s*$|\\s(?:je|j'|tu|on|nous|vous)\\s+${escapeRegExp(word)}\\s+(?:quoi|comment)(?![a-z])`,
  ).test(spaced(question));
}

/**
 * Decides « missing-name »: a collectivité designated by an adjective of place the corpus never writes.
 */
async function unknownPlaceAdjectives(ctx: Judgement): Promise<Decision> {
  const { question, best, unknown } = ctx;
  // « La métropole stéphanoise a-t-elle déployé Nextcloud ? »: a collectivity designated by an adjective of place the
  // corpus never writes is one it does not speak of, whatever passages hold the question's other words.
  const unknownPlaces = placeAdjectives(question).filter((w) => unknown.includes(w));
  if (unknownPlaces.length)
    return { answerable: false, reason: "missing-name", missing: unknownPlaces, coverage: best.weighted, relevant: [] };
  return "continue";
}

/** Decides « unknown-name »: the subject of a value asked is a word the corpus never writes (`unknown-subject.ts`). */
async function unknownSubjectBody(ctx: Judgement): Promise<Decision> {
  const missing = unknownSubject(ctx.question, ctx.unknown);
  if (missing.length)
    return { answerable: false, reason: "unknown-name", missing, coverage: ctx.best.weighted, relevant: [] };
  return "continue";
}

/**
 * Decides « unknown-words »: the most specific word of what is asked, rare in the corpus, that no passage read holds
 * (the passages hold the question's common words in another sense).
 */
async function rareUnheld(ctx: Judgement): Promise<Decision> {
  const { question, frequency, judged, terms, names, best, specific } = ctx;
  // The most specific word of what is asked, rare in the corpus (« taxi » in « une licence de taxi », « village » in
  // « la fête du village »), that no passage read holds, nor any synonym the corpus uses more: BM25 would have
  // brought a passage that holds it, so the corpus does not speak of it, and the passages read hold the question's
  // common words in another sense (a software licence, a grant to a software project).
  const rareUnheld =
    frequency && names.length === 0
      ? (
          await Promise.all(
            specific.map(async (t) => {
              // The complement of another noun of the question (« une licence de taxi », « la fête du village »): it
              // says which sense of that noun is asked. Not a word elsewhere (« la meilleure note », « au printemps »),
              // nor someone of the asker's own (« mon tonton »).
              const head = complementOf(question, t.word);
              if (!head || !terms.some((h) => h !== t && !h.verb && !h.modifier && frStem(h.word) === frStem(head)))
                return null;
              if (ownRelation(question, t.word) || t.context || isLight(t)) return null;
              if (judged.some((p) => t.variants.some((v) => occurs(v, p)))) return null;
              for (const v of new Set([t.word, ...t.variants]))
                if (!v.includes(" ") && (await frequency(v)) > RARE_WORD) return null;
              return t.word;
            }),
          )
        ).filter((w): w is string => !!w)
      : [];
  if (rareUnheld.length && best.weighted < RARE_COVERAGE - 1e-9)
    return { answerable: false, reason: "unknown-words", missing: rareUnheld, coverage: best.weighted, relevant: [] };
  return "continue";
}

/**
 * Decides « unknown-words »: a word the corpus never uses right after a noun of the question, where the corpus
 * give that noun another qualifier in most of its occurrences (« la souveraineté alimentaire » against their
 * « souveraineté numérique », `qualifier.ts`): the question asks about another thing than they do.
 */
async function otherSense(ctx: Judgement): Promise<Decision> {
  const { question, corpusNames, terms, names, best, specific, unknown } = ctx;
  if (!corpusNames?.qualifier || names.length > 0 || best.weighted >= RARE_COVERAGE - 1e-9) return "continue";
  const list = words(question);
  const qualifiers: QuestionTerm[] = [];
  for (const t of specific) {
    if (t.noun || t.context || !unknown.includes(t.word)) continue;
    const k = list.indexOf(t.word);
    const head = k > 0 ? terms.find((h) => h !== t && h.noun && h.word === list[k - 1]) : undefined;
    const usual = head ? await corpusNames.qualifier(head.word) : undefined;
    if (usual && usual !== t.word) qualifiers.push(t);
  }
  if (qualifiers.length)
    return {
      answerable: false,
      reason: "unknown-words",
      missing: qualifiers.map((t) => t.word),
      coverage: best.weighted,
      relevant: [],
    };
  return "continue";
}

/**
 * Which passages answer: enough of the question's words, its dates, names, role and person, as a collectivité, not
 * a card of a country's product, nothing said absent. Decides nothing (no passage answering is decided last).
 */
async function answeringPassages(ctx: Judgement): Promise<Decision> {
  const {
    question,
    results,
    judged,
    terms,
    holdsPersonal,
    names,
    askedNames,
    anchors,
    heldHolds,
    selfContained,
    claimed,
    perPassage,
    light,
  } = ctx;
  // A passage answers when it holds enough of the question's words, counted plainly and weighted by rarity, and
  // every year or date of the question (« mars 2012 » is not « avril 2026 »). A common word is not one of the two words
  // a short question must find together (« R peut lire … ? »).
  const short = terms.filter((t) => !light(t)).length <= 2;
  // A year of the question's context (« On prépare le budget 2027 : Qwant figure-t-il au SILL ? ») dates the asker's
  // situation, not what is asked, when the question asks about a name outside it.
  // So does a year of a context the asking part does not need (« Notre hébergeur est qualifié SecNumCloud depuis 2021 :
  // la qualification dure combien d'années ? »).
  // A date said only in a purpose opening the question (« pour la réunion d'équipe lundi, … ») dates why the asker
  // asks.
  const purposeOnly = inOpeningPurpose(question);
  // Nor is the end of the asker's own contract (« notre contrat Microsoft se termine le 30 juin 2026, que faire ? »).
  const dates = terms.filter(
    (t) =>
      t.date && !t.own && !(t.context && (askedNames.length > 0 || selfContained || purposeOnly(t))) && !claimed(t),
  );
  const parts = results.slice(0, JUDGED).map((r) => passageParts(r.text));
  const heading = results.slice(0, JUDGED).map((r) => passageWords(`${r.document.title} ${r.section}`));
  // A year of the question is in a paragraph of the passage, not only in a source's reference (« (Millau, 2026) »),
  // and in one that holds a name of the question, if it has any, or whose heading does: « 2027 » in a chronology's
  // line on Visio does not date AlpOSS.
  const dated = (d: QuestionTerm, i: number) =>
    occurs(d.word, passageWords(`${results[i]!.document.title} ${results[i]!.section}`.replace(CITATION, " ")), true) ||
    parts[i]!.paragraphs.some(
      (p) => occurs(d.word, p, true) && (names.length === 0 || names.some((t) => holds(t, p) || holds(t, heading[i]!))),
    );
  // « Qui est le DSI de Nancy ? » asks for a person: a passage answers where one of its sentences names the role
  // with a name of the question, or under a heading that names it (« April : … Frédéric Couchet en est le délégué
  // général »), not the role in one sentence or heading and Nancy in another.
  const role = roleAsked(question);
  // « Qui dirige l'UGAP ? » asks the same by a verb of the role: the sentence names the role by the verb or a noun of
  // it (« directeur général », « PDG »), with the subject and someone's name.
  const roleVerb = roleVerbAsked(question);
  // The same for what it asks of a named person (« Quelles études Laura Chaubard a-t-elle faites ? »).
  // Each of them: « joue-t-il d'un instrument de musique ? » needs « musique » beside the name, not only « instrument ».
  const roleTerms = terms.filter(
    (t) =>
      t.word === role ||
      t.word === roleVerb?.verb ||
      (names.length > 0 &&
        ATTRIBUTES.has(frStem(t.word)) &&
        !ownRelation(question, t.word) &&
        // « à compter dans l'étude » names a thing: after a definite article, the word is not what is asked of the
        // name (« Quelles études Laura Chaubard a-t-elle faites ? », « ses études », « l'April a pensé » are).
        !new RegExp(`(?:\\sl'|\\s(?:le|la|les)\\s)${escapeRegExp(t.word)}[\\s?!.,;:]`).test(spaced(question)) &&
        // « le président du CNLL pense que combien de communes passeront à Linux ? »: a verb of opinion before « que »
        // opens what is asked, which the passage says with its own verb (« estime que », « prévoit que »); « que
        // pense-t-il du cloud ? », « son opinion sur … » still ask the opinion itself.
        !new RegExp(`\\s${escapeRegExp(t.word)}\\s+qu(?:e\\s|')`).test(spaced(question))),
  );
  const others = names.filter((t) => !roleTerms.includes(t));
  // A role held by a person (« Comment s'appelle le DSI de la Région Occitanie ? »): the sentence also names someone,
  // a first name and a surname other than the question's names (« la DSI de la Région Occitanie a mené… » names the
  // department, not who heads it).
  const personRole = (!!role && isRoleNoun(role)) || !!roleVerb;
  const asked = new Set(names.flatMap((t) => t.word.split(/[\s-]+/)));
  const namesSomeone = (raw: string) =>
    [
      ...raw
        .replace(CITATION, " ")
        .matchAll(/(?<![\p{L}'’])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)?)/gu),
    ].some(
      (m) =>
        !DETERMINERS.has(fold(m[1]!)) &&
        ![m[1]!, m[2]!].some((w) =>
          fold(w)
            .split("-")
            .some((p) => asked.has(p)),
        ),
    );
  // … or the role noun with a name right after it (« son agent Hurukai », « la directrice Martin »): the holder's name.
  const namesApposed = (raw: string) =>
    !!role &&
    [...raw.replace(CITATION, " ").matchAll(/(?<![\p{L}'’])([\p{L}'’-]+)\s+(\p{Lu}[\p{L}\p{N}-]*)/gu)].some(
      (m) =>
        [role, `${role}s`].includes(fold(m[1]!).replace(/^[ldms]['’]/, "")) &&
        !DETERMINERS.has(fold(m[2]!)) &&
        !fold(m[2]!)
          .split("-")
          .some((p) => asked.has(p)),
    );
  const rawSentences = results.slice(0, JUDGED).map((r) => r.text.split(SENTENCE));
  // Who holds a role of a subject (« le DSI de Boé », « qui dirige l'UGAP ») is said where the subject stands near the
  // role's word (« directeur général de l'UGAP, X », « l'UGAP, dirigée par X »), or under a section heading that names
  // it — not in a sentence on another's head that names the subject further on (« BlueMind, dirigé par Pierre
  // Baudracco, au catalogue de l'UGAP »), nor under a document's title that lists it among others.
  const roleWord = (roleTerm: QuestionTerm, w: Words) =>
    roleTerm.variants.some((v) => occurs(v, w)) ||
    roleNamedBy(roleTerm.word).some((n) => occurs(n.split(" ")[0]!, w)) ||
    (roleTerm.word === roleVerb?.verb && roleVerb.named.some((n) => occurs(n.split(" ")[0]!, w)));
  const section = results
    .slice(0, JUDGED)
    .map((r) => passageWords(r.document.kind === "catalog" ? r.document.title : r.section));
  // The role's word where it names who holds it, not as another's complement (« adjoint au maire »).
  // The role's own noun, not its synonyms (« élus » for « maire »): who holds it is named beside it.
  const rolesAt = (raw: string, roleTerm: QuestionTerm) => {
    const list = raw.replace(CITATION, " ").split(/\s+/);
    return list.flatMap((w, k) =>
      roleWord({ ...roleTerm, variants: roleNamedBy(roleTerm.word) }, passageWords(w)) &&
      !roleAsComplement(`${list.slice(Math.max(0, k - 2), k).join(" ")} ${/^l['’]/i.test(w) ? "l'" : ""}`)
        ? [k]
        : [],
    );
  };
  const nearRole = (raw: string, roleTerm: QuestionTerm, t: QuestionTerm) => {
    const list = raw.replace(CITATION, " ").split(/\s+/);
    return rolesAt(raw, roleTerm).some((k) =>
      holds(t, passageWords(list.slice(Math.max(0, k - ROLE_REACH), k + ROLE_REACH + 1).join(" "))),
    );
  };
  // The subject of the role: the question's names, or its other words when it types none (« le dsi de boe »).
  const roleSubjects = others.length
    ? others
    : terms.filter((t) => !roleTerms.includes(t) && !isGeneric(t) && !t.date && !t.verb && !t.context);
  // (A role of the asker's own body, « le responsable du numérique de notre mairie », has no holder in the corpus to
  // find: the answer says so for any collectivité's own record, as before this test.)
  const ownRole =
    !!role && /\b(?:notre|nos|mon|ma|mes)\b/.test(fold(question).split(new RegExp(`\\b${role}\\b`))[1] ?? "");
  const subjectOfRole = (i: number, k: number, s: Words, roleTerm: QuestionTerm) =>
    personRole && !ownRole && (roleTerm.word === role || roleTerm.word === roleVerb?.verb)
      ? rolesAt(rawSentences[i]![k] ?? "", roleTerm).length > 0 &&
        (roleSubjects.length === 0 ||
          roleSubjects.some((t) => nearRole(rawSentences[i]![k] ?? "", roleTerm, t) || holds(t, section[i]!)))
      : others.length === 0 || others.some((t) => holds(t, s) || holds(t, heading[i]!));
  const namesHolder = (i: number) =>
    roleTerms.every((roleTerm) =>
      parts[i]!.sentences.some(
        (s, k) =>
          roleWord(roleTerm, s) &&
          subjectOfRole(i, k, s, roleTerm) &&
          (!personRole ||
            (roleTerm.word !== role && roleTerm.word !== roleVerb?.verb) ||
            namesSomeone(rawSentences[i]![k] ?? "") ||
            namesApposed(rawSentences[i]![k] ?? "")),
      ),
    );
  // A passage that holds a word of the question only where it says its sources lack it (« le montant de l'adhésion
  // ne figure pas dans nos sources ») does not answer it: it says that the corpus does not know.
  const statedAbsent = (i: number) =>
    terms.filter(
      (t) =>
        !isGeneric(t) &&
        t.variants.some((v) => occurs(v, parts[i]!.stated)) &&
        !t.variants.some((v) => occurs(v, parts[i]!.rest) || occurs(v, heading[i]!)),
    );
  const covers = (p: (typeof perPassage)[number]) =>
    short ? p.plain >= 1 - 1e-9 : p.plain >= MIN_PLAIN_COVERAGE - 1e-9 && p.weighted >= MIN_WEIGHTED_COVERAGE - 1e-9;
  // Names too must be in the passages that answer: « communes belges » and « Nextcloud » in two unrelated passages
  // do not say whether Belgian communes use Nextcloud.
  // A passage cut from the same document as another that holds the name (« Schleswig-Holstein : les économies
  // annoncées… » beside « … le contexte d'une stratégie en Allemagne ») holds it too.
  const sameDocument = (i: number, j: number) =>
    results[i]!.document.title === results[j]!.document.title && results[i]!.document.kind !== "catalog";
  const holdsName = (t: QuestionTerm, i: number) =>
    holds(t, judged[i]!) || judged.some((p, j) => j !== i && sameDocument(i, j) && holds(t, p)) || heldHolds(t, i);
  // « Que fait la ville de Toulouse … ? »: the town as a collectivité, in the heading or in a sentence that speaks of
  // one (not « BlueMind, éditeur basé à Toulouse »).
  const asCollectivity = (i: number) =>
    names
      .filter((t) => t.collectivity)
      .every(
        (t) =>
          holds(t, heading[i]!) ||
          parts[i]!.sentences.some((s) => holds(t, s) && s.list.some((w) => COLLECTIVITY_NOUN.test(w))),
      );
  // « Quelle est la position de la Suisse sur le logiciel libre ? » is not answered by the card of a Swiss product,
  // unless the question names that product.
  const countryCard = (i: number) =>
    results[i]!.document.kind === "catalog" &&
    names.some((t) => t.country) &&
    !names.some((t) => !t.country && !isGeneric(t) && holds(t, heading[i]!));
  const holdsAll = (i: number) =>
    !countryCard(i) &&
    asCollectivity(i) &&
    dates.every((d) => dated(d, i)) &&
    statedAbsent(i).length === 0 &&
    namesHolder(i) &&
    (anchors.length === 0 || anchors.some((t) => holdsName(t, i))) &&
    holdsPersonal(judged[i]!);
  // A catalog card (one product) matches many questions by its domain alone (« permis de construire » for a
  // question on building permits): unless it holds a name of the question, it must hold more of it than a guide.
  // A card that holds a name of the question (« Sophos, c'est américain ? ») is what the question is about.
  const namesProduct = (i: number) => terms.some((t) => t.name && !t.date && holds(t, judged[i]!));
  // « tiers de télétransmission des actes à la préfecture »: a card that writes, as one phrase, two words the question
  // writes side by side, one of them its own (not the domain's general vocabulary), names the kind of product asked
  // as the question does (« Tiers de télétransmission pour le contrôle de légalité »): it answers though it lacks the
  // words of what the asker uses it for.
  // Only in a request typed as a search (`typedAsSearch`): « Quel est le délai d'instruction d'un permis de construire
  // … ? » asks a fact of what openADS's card names, not for that product.
  // Not a pair that completes another word of the question (« … les mains courantes de la police municipale »: the
  // card of a police product does not name the kind asked).
  const pairs = (typedAsSearch(question) ? adjacentOwnPairs(question, terms) : []).filter((pair) => {
    const head = complementOf(question, pair[0]!);
    return !head || !terms.some((t) => t.word === head && !pair.includes(head));
  });
  const namesKind = (i: number) => pairs.length > 0 && pairs.some((pair) => phraseHeld(pair, [results[i]!.text]));
  const enough = (p: (typeof perPassage)[number], i: number) =>
    covers(p) &&
    (results[i]!.document.kind !== "catalog" ||
      short ||
      namesProduct(i) ||
      p.card >= MIN_CATALOG_COVERAGE - 1e-9 ||
      namesKind(i));
  let relevant = perPassage.flatMap((p, i) => (enough(p, i) && holdsAll(i) ? [i] : []));
  // Each rare name is in one of them (« TeamViewer et AnyDesk » may come from two cards).
  if (!askedNames.every((t) => relevant.some((i) => holdsName(t, i)))) relevant = [];
  Object.assign(ctx, { dates, parts, heading, statedAbsent, covers, holdsAll, relevant });
  return "continue";
}

/**
 * Pairs of the question's own words (not dates, verbs, names, everyday or framing words) written side by side, only
 * small words between (« tiers de télétransmission »), one of each pair at least not of the domain's general
 * vocabulary.
 */
function adjacentOwnPairs(question: string, terms: QuestionTerm[]): string[][] {
  const own = terms.filter(
    (t) =>
      !t.date &&
      !t.name &&
      !t.verb &&
      !t.modifier &&
      !t.user &&
      !t.context &&
      !isLight(t) &&
      !FRAME.has(t.word) &&
      !t.word.includes(" "),
  );
  const list = words(question);
  const pairs: string[][] = [];
  let last: QuestionTerm | undefined;
  for (const w of list) {
    const t = own.find((o) => o.word === w);
    if (t) {
      if (last && last !== t && !(isGeneric(last) && isGeneric(t))) pairs.push([last.word, t.word]);
      last = t;
    } else if (!STOPWORDS.has(w)) last = undefined;
  }
  return pairs;
}

/**
 * Decides « missing-name »: the passages that answer are catalog cards that list the version or the model asked
 * (« SharePoint 2019 », « SN3100 ») only among their names and hold little else of what is asked (`listed-version.ts`).
 */
async function listedVersions(ctx: Judgement): Promise<Decision> {
  const { results, terms, relevant } = ctx;
  const listed = relevant.map((i) => (results[i]!.document.kind === "catalog" ? listedOnly(results[i]!, terms) : []));
  if (!listed.some((v) => v.length)) return "continue";
  const kept = relevant.filter((_, k) => listed[k]!.length === 0);
  if (kept.length) {
    ctx.relevant = kept;
    return "continue";
  }
  const versions = [...new Set(listed.flat())].map((v) => (v.yearOf ? `${v.yearOf} ${v.word}` : v.word));
  return { answerable: false, reason: "missing-name", missing: versions, coverage: ctx.best.weighted, relevant: [] };
}

/**
 * Decides « missing-name »: the question asks what a legal text imposes (« L'ordonnance 2026 … impose Linux ? », « le
 * règlement IA européen oblige … ? ») and no passage that answers writes the kind of text (`legal-text.ts`): they
 * hold its subject, not the text.
 */
async function legalTexts(ctx: Judgement): Promise<Decision> {
  const { question, terms, perPassage } = ctx;
  // « la loi de 2027 oblige les communes … »: a text named by its year, which a passage must name so.
  const yearly = yearNamedTexts(question);
  if (yearly.length && ctx.relevant.length) {
    const naming = ctx.relevant.filter((i) => yearly.every((t) => namesYearText(t, ctx.results[i]!)));
    if (!naming.length)
      return none(
        "missing-name",
        yearly.map((t) => `${t.noun} ${t.year}`),
      );
    ctx.relevant = naming;
  }
  const relevant = ctx.relevant;
  const kinds = legalTextTerms(question, terms);
  if (!kinds.length || !relevant.length) return "continue";
  const kept = relevant.filter((i) => kinds.every((t) => !perPassage[i]!.missing.includes(t.word)));
  if (kept.length) {
    ctx.relevant = kept;
    return "continue";
  }
  return {
    answerable: false,
    reason: "missing-name",
    missing: kinds.map((t) => t.word),
    coverage: ctx.best.weighted,
    relevant: [],
  };
}

/**
 * Which passages may fill what the question asks by its form (a figure, a date, a winner): those that answer or
 * cover it, other sections of their documents, passages on the same subject. Decides nothing.
 */
async function slotFillers(ctx: Judgement): Promise<Decision> {
  const { results, held, askedNames, perPassage, covers, holdsAll, relevant } = ctx;
  // The slot may be filled by another section of a document that answers, retrieved lower or set aside by the cap
  // of passages per document (« Le SILL en chiffres » beside « Le SILL : le catalogue… »): the answer quotes it.
  const sameDocumentHeld = (i: number) =>
    results[i]!.document.kind === "catalog"
      ? []
      : [...results.filter((_, j) => j !== i), ...held]
          .filter((h) => h.document.title === results[i]!.document.title)
          .map((h) => h.text);
  const fills = (i: number, test: (text: string) => boolean) =>
    test(results[i]!.text) || sameDocumentHeld(i).some(test);
  // … by a passage that answers, or one that covers the question's words beside it (« onze magistrats de la CPI »
  // in a section on the judge, while the chronology answers).
  // Only when no passage retrieved fills it at all: the passage that does may not be judged to answer (« onze
  // magistrats de la CPI » in a section on the judge, while the chronology answers), and the answer quotes it.
  const slotHolders = [
    ...new Set([...relevant, ...perPassage.flatMap((p, i) => (covers(p) && holdsAll(i) ? [i] : []))]),
  ];
  // A passage retrieved is about the same subject when it, or another section of its document, holds every name of
  // what is asked (« Combien d'habitants compte Fontaine ? » is not answered by the habitants of Échirolles).
  const retrieved = [...results, ...held];
  const wordsOf = retrieved.map(resultWords);
  const sameSubject = (k: number) =>
    askedNames.every((t) =>
      retrieved.some(
        (r, j) =>
          (j === k || (r.document.title === retrieved[k]!.document.title && r.document.kind !== "catalog")) &&
          holds(t, wordsOf[j]!),
      ),
    );
  const unfilled = (test: (text: string) => boolean) =>
    !slotHolders.some((i) => fills(i, test)) && !retrieved.some((r, k) => sameSubject(k) && test(r.text));
  // « Quel sera le coût de Visio en 2035 ? »: a year the corpus never writes is one of which it says nothing, not even
  // that it does not know (its « ne détaille pas les coûts » speaks of today).
  const yearUnwritten = (
    await Promise.all(
      ctx.dates.map(async (t) => /^\d{4}$/.test(t.word) && !!ctx.frequency && (await ctx.frequency(t.word)) === 0),
    )
  ).some(Boolean);
  Object.assign(ctx, { slotHolders, unfilled, yearUnwritten });
  return "continue";
}

/**
 * Decides « stated-absent » (a passage that answers says the figure asked is not known: answered by that sentence) and
 * « missing-figure » (no passage that answers gives the figure, sum, count or time of day asked).
 */
async function figureAsked(ctx: Judgement): Promise<Decision> {
  const { question, results, terms, perPassage, best, dates, parts, statedAbsent, covers, relevant, unfilled } = ctx;
  // A question asking a figure (« combien », « quel budget ») is answered only if a passage that answers holds one,
  // not by passages that only name what it is about (« Quel est le budget annuel de l'association OW2 ? »). Only what
  // it asks counts (« On prépare le budget 2027 : … ? » asks no figure), and a yes-or-no question asks none.
  // A question asking something else too (« Qui a payé …, et pour quel montant ? ») may be answered in part.
  // « c'est quoi le budget … ? » asks the figure by « quoi ».
  // « combien de livrables, lesquels ? » asks them too.
  const alsoAsks = /\b(?:qui|quoi|comment|pourquoi|ou|quand|lequel|laquelle|lesquels|lesquelles|qu'est-ce)\b/.test(
    fold(outsideContext(question)).replace(/[’]/g, "'").replace(FIGURE_BY_QUOI, ""),
  );
  const figureWord = polar(question) || alsoAsks ? undefined : FIGURE_ASKED.exec(fold(outsideContext(question)))?.[1];
  const figure: Asked[] = figureWord ? ["quantity"] : [];
  // What a refusal reports missing is the word that asks (« budget », « combien »), not the phrase around it
  // (« quelle est la part »).
  const figureNoun = figureWord?.split(/[\s']+/).pop();
  // « À quelle heure … ? » asks a time of day: a passage that answers gives one (« à 14 h 30 »).
  const hourWord = HOUR_ASKED.exec(fold(outsideContext(question)))?.[0];
  // « détenait combien d'IONOS ? » asks the share of a company its owner holds, not a count of things of a kind: any
  // figure fills it (« 24,9 % »); « combien de Tchap faut-il … ? » still counts.
  const countedMatch = figureWord ? COUNTED.exec(fold(outsideContext(question)).replace(/[’]/g, "'")) : null;
  // « united internet detient combien d'ionos »: a company typed in lower case is a name when the corpus writes it
  // only as one.
  const countedName = async (w: string) =>
    terms.some((t) => t.name && !t.date && t.word === w) ||
    (!!ctx.corpusNames && (await ctx.corpusNames(w)) && !((await ctx.corpusNames.plain?.(w)) ?? true));
  const heldShare =
    !!countedMatch &&
    holdsPhrase(words(fold(outsideContext(question)).slice(0, countedMatch.index)).slice(-1), slot("détention")) &&
    (await countedName(countedMatch[1]!));
  const counted = heldShare ? undefined : countedMatch?.[1];
  // What the figure is asked of fills the slot, not any number of the passage: a sum of money for « combien coûte »,
  // « quel budget » (« 2 millions de postes » does not say a price), a figure of the thing counted for « combien de
  // salariés » (« 80 000 agents » does not count habitants).
  const figureClauseWords = figureWord ? words(askingClause(fold(outsideContext(question)), figureWord)) : [];
  // « Combien coûte par socket l'abonnement … ? »: the unit of the figure asked (after « par ») that the corpus never
  // uses is one of which no passage gives the figure, whatever figures the passages on its subject hold.
  const unknownUnit = ctx.unknown.filter((w) =>
    figureClauseWords.some((x, k) => x === w && figureClauseWords[k - 1] === "par"),
  );
  if (unknownUnit.length && relevant.length)
    return { answerable: false, reason: "unknown-words", missing: unknownUnit, coverage: best.weighted, relevant: [] };
  // « combien de monter … » counts nothing (an infinitive); « de combien » asks a change, in any unit, and a saving too
  // (« économiser combien de licences » : « 15 millions d'euros de licences »).

  const change =
    /\bde combien\b/.test(fold(outsideContext(question))) || holdsPhrase(figureClauseWords, slot("économie"));
  const countedSet =
    counted !== undefined && !FREE_COUNTS.has(frStem(counted)) && !/[^i]er$/.test(counted) && !change
      ? countedKind(countedStems(fold(outsideContext(question)).replace(/[’]/g, "'")))
      : new Set<string>();
  // « combien de communes ont le label » : « 37 collectivités » counts them under the broader word (`broader-words.txt`),
  // in a sentence that also holds the subject the question counts them by (« label »), a word of its own that is
  // neither a date, a verb nor the domain's general vocabulary: « 200 collectivités » of a network is no answer to
  // « combien de communes utilisent linux ».
  const broaderCounted = new Set(
    countedSet.size
      ? broaderOf(counted!)
          .filter((w) => !w.includes(" "))
          .map(frStem)
      : [],
  );
  const subjects = terms.filter(
    (t) =>
      !t.date &&
      !t.verb &&
      !t.modifier &&
      !isGeneric(t) &&
      !countedSet.has(frStem(t.word)) &&
      frStem(t.word) !== frStem(counted ?? ""),
  );
  const broaderCount = (text: string) =>
    broaderCounted.size > 0 &&
    subjects.length > 0 &&
    text
      .split(SENTENCE)
      .some(
        (s) =>
          holdsCount(s, broaderCounted) && subjects.some((t) => t.variants.some((v) => occurs(v, passageWords(s)))),
      );
  const moneyAsked = !!figureWord && !change && countedSet.size === 0 && holdsPhrase(figureClauseWords, slot("argent"));
  const sumKinds = moneyAsked ? sumKindsAsked(figureClauseWords) : [];
  const figureIn = (text: string, slotted: boolean) => {
    if (hourWord) return HOUR.test(text);
    const plain = withoutReferences(text).replace(NAMED_NUMBER, "$1$2");
    // « Tchap est gratuit » answers « combien coûte Tchap ? » without a number.
    if (moneyAsked && holdsPhrase(words(plain), slot("gratuit"))) return true;
    // « Quel est le chiffre d'affaires de Ciril GROUP ? »: the sum of a sentence that says what it measures (« le
    // rachat … 525 M€ » is not a turnover).
    if (slotted && moneyAsked)
      return sumKinds.length
        ? plain.split(SENTENCE).some((s) => moneyIn(s) && namesSumKind(s, sumKinds))
        : moneyIn(plain);
    if (slotted && countedSet.size)
      return (
        holdsCount(plain, countedSet) ||
        broaderCount(plain) ||
        // « plus de la moitié des entreprises » for « combien d'entreprises … ? »
        holdsShareOf(plain, countedSet) ||
        [...fold(plain).matchAll(SPELLED_COUNT)].some((m) => countedSet.has(frStem(m[1]!))) ||
        countsByPronoun(plain, countedSet) ||
        countsByMagnitude(plain, countedSet) ||
        // « réunit environ 2 000 agents publics » for « combien de membres » (`member-counts.txt`).
        (MEMBER_NOUNS.some((n) => countedSet.has(frStem(n))) && MEMBERS_COUNTED.test(fold(plain)))
      );
    // A number written out before what the question counts (« combien de groupements » : « par dix groupements
    // régionaux ») is a figure too; « deux structures » is not a budget; « trois ans » counts « combien d'années ».
    return (
      holdsAsked(plain, figure) ||
      holdsShareOf(plain, countedSet) ||
      countsByMagnitude(plain, countedSet) ||
      (counted !== undefined &&
        [...fold(plain).matchAll(SPELLED_COUNT)].some(
          (m) => frStem(m[1]!) === frStem(counted) || countedSet.has(frStem(m[1]!)),
        ))
    );
  };
  // A figure of the year asked (« Combien de personnes sont venues à l'édition 2025 ? »): in a sentence that says
  // that year, not the figure of another edition beside it. A year in another clause of the question (« La ville
  // revenue à Windows en 2017, combien disait-elle avoir économisé ? ») dates what it is about, not the figure.
  const figureClause = figureWord ? askingClause(fold(outsideContext(question)), figureWord) : "";
  const asOf = dates.filter(
    (d) =>
      (!d.word.includes(" ") || /\d{4}$/.test(d.word)) &&
      (!figureWord || occurs(d.word, passageWords(figureClause), true)),
  );
  // The sentences of a passage saying the figure is not known; those of some years only when the question asks
  // those (« combien d'utilisateurs … en 2026 ? » : « Nous n'avons pas trouvé de chiffres 2025 ou 2026 »).
  const statedFigureOf = (i: number) => [
    ...parts[i]!.statedFigure,
    ...(asOf.length ? parts[i]!.statedFigureDated.filter((s) => asOf.every((d) => occurs(d.word, s, true))) : []),
  ];
  const holdsFigure = (text: string, slotted = false) =>
    asOf.length === 0
      ? figureIn(text, slotted)
      : withoutReferences(text)
          .split(SENTENCE)
          .some((s) => figureIn(s, slotted) && asOf.every((d) => occurs(d.word, passageWords(s), true)));
  // A passage that answers says the figure asked is not known (« Aucune des sources consultées ne publie de chiffre
  // d'économies ou de coût total du projet »), in a sentence about what the question names: the corpus says so
  // itself, rather than quoting the figures beside it as an answer.
  const unknownFigure = (i: number) =>
    statedFigureOf(i).some((s) =>
      terms.some(
        (t) =>
          // What « combien d'utilisateurs » counts is what is asked, general word or not (« pas trouvé de chiffres
          // … sur le nombre d'utilisateurs »).
          (!isGeneric(t) || (!!counted && frStem(t.word) === frStem(counted))) &&
          !t.date &&
          !FIGURE_NOUNS.has(frStem(t.word)) &&
          !STATED_WORDS.has(frStem(t.word)) &&
          occurs(t.word, s),
      ),
    );
  const figureAbsent = perPassage.flatMap((p, i) => (covers(p) && unknownFigure(i) ? [i] : []));
  // … unless those sentences name nothing the question asks but its names (« Les sources consultées ne donnent ni le
  // nombre de postes concernés à la Ville de Lyon, ni le calendrier détaillé, ni un bilan des économies » does not say
  // that the grant of « Lyon a reçu combien de l'ANCT ? » is unknown) while a passage that answers gives a figure.
  // A collectivité typed in lower case (« la ville de lyon ») is a name too.
  const collectivities = new Set(collectivityNames(fold(question)).map((m) => m[1]!));
  const absentOfAsked = figureAbsent.some((i) =>
    statedFigureOf(i).some((s) =>
      terms.some(
        (t) =>
          !t.name &&
          !collectivities.has(t.word) &&
          // What « combien de postes » counts is what is asked, general word or not.
          (!isGeneric(t) || (!!counted && frStem(t.word) === frStem(counted))) &&
          !t.date &&
          !FIGURE_NOUNS.has(frStem(t.word)) &&
          !STATED_WORDS.has(frStem(t.word)) &&
          t.variants.some((v) => occurs(v, s)),
      ),
    ),
  );
  const figureStatedElsewhere = !absentOfAsked && relevant.some((j) => holdsFigure(results[j]!.text));
  // The corpus saying it does not know is the answer (`statedAnswer`): the passages that say so, first. When the
  // question counts something (« par combien de voix … ? »), only a sentence naming what it counts says so (« le
  // nombre de postes »), not one on another figure of its subject (« ni son coût final »): that stays a refusal.
  if (figure.length && relevant.length && figureAbsent.length && !figureStatedElsewhere) {
    const lacking = [...new Set(figureAbsent.flatMap((i) => statedAbsent(i).map((t) => t.word)))];
    const missing = lacking.length ? lacking : [figureNoun!];
    // … or the whole whose size is asked (« un parc de combien d'ordinateurs » : « inventaire chiffré de son parc »).
    const whole = /\b([a-z]{3,}) de combien\b/.exec(fold(outsideContext(question)))?.[1];
    // « les sources consultées n'en donnent pas de chiffres », of what the question names (« FranceTransfert ») : no
    // figure of it at all, so none of what is counted either (`any-figure.txt`).
    const noFigureOfSubject = (s: Words) =>
      s.list.some((w) => ANY_FIGURE.has(w)) &&
      terms.some(
        (t) =>
          !t.date &&
          !isGeneric(t) &&
          !(counted && frStem(t.word) === frStem(counted)) &&
          !countedSet.has(frStem(t.word)) &&
          t.variants.some((v) => occurs(v, s)),
      );
    const namesCounted = (i: number) =>
      countedSet.size === 0 ||
      statedFigureOf(i).some(
        (s) =>
          noFigureOfSubject(s) ||
          s.list.some(
            (w) =>
              countedSet.has(frStem(w)) ||
              (!!counted && frStem(w) === frStem(counted)) ||
              (!!whole && frStem(w) === frStem(whole)),
          ),
      );
    const stating = figureAbsent.filter((i) => namesCounted(i) && statesOfNames(ctx, i));
    if (stating.length && !ctx.yearUnwritten) return statedAnswer(stating, relevant, missing, best.weighted);
    return { answerable: false, reason: "stated-absent", missing, coverage: best.weighted, relevant: [] };
  }
  if (
    (figure.length || hourWord) &&
    relevant.length &&
    (!relevant.some((i) => holdsFigure(results[i]!.text)) ||
      ((moneyAsked || countedSet.size > 0) && unfilled((text) => holdsFigure(text, true))))
  )
    return {
      answerable: false,
      reason: "missing-figure",
      missing: [hourWord ?? figureNoun!],
      coverage: best.weighted,
      relevant: [],
    };
  return "continue";
}

/** The subjects priced that what is asked writes (not only its context), or all of them when it writes none. */
function pricedInAsking(priced: QuestionTerm[], asking: string): QuestionTerm[] {
  const written = ` ${words(asking).join(" ")} `;
  const inAsking = priced.filter((t) => !t.context || written.includes(` ${t.word} `));
  return inAsking.length ? inAsking : priced;
}

/**
 * Decides « missing-figure » for a price (`price-subject.ts`): a sum of money asked of a subject (« harfanglab c'est
 * combien par poste ») that no passage read gives of it — in a sentence naming it, or in its own card or section. A
 * sum beside it (the savings of the Gendarmerie) is a nearby figure, not its price.
 */
async function pricedSubject(ctx: Judgement): Promise<Decision> {
  const { question, results, held, relevant, best } = ctx;
  const asking = foldedQuestion(outsideContext(question));
  // « combien » and a word of money in one question, or a bare price request (« harfanglab prix par poste »).
  const asked =
    (!polar(question) &&
      !OTHER_ASKED.test(asking) &&
      (question.match(/\?/g) ?? []).length <= 1 &&
      priceAsked(asking)) ||
    priceNamed(asking);
  if (!relevant.length || !asked) return "continue";
  const read = [...results, ...held];
  const readWords = read.map(resultWords);
  // What names the thing priced: the rarest word of the subject in the corpus (« harfanglab », not « poste » nor
  // « projet ») among those a passage read holds.
  // (Written in what is asked when it can be: « dans le cadre de notre inventaire, broadcom a payé combien vmware »
  // prices nothing of the asker's frame.)
  const priced = pricedInAsking(priceSubject(asking, ctx.terms, outsideContext(question)), asking);
  const named = priced.filter((t) => readWords.some((p) => holds(t, p)));
  // The one thing priced, a name or no general word, that no passage read holds (« combien ca coute nextcloud pour 40
  // agents », answered with other bodies' costs, trial21 T-M1): no passage read gives its price.
  const only = priced.length === 1 ? priced[0]! : null;
  if (!named.length && only && (only.name || !isGeneric(only)))
    return {
      answerable: false,
      reason: "missing-figure",
      missing: [only.word],
      coverage: best.weighted,
      relevant: [],
    };
  if (!named.length) return "continue";
  const hits = await Promise.all(
    named.map(async (t) =>
      ctx.frequency ? Math.min(...(await Promise.all(t.word.split(" ").map((w) => ctx.frequency!(w))))) : 0,
    ),
  );
  // A bare price request (« montant payé par l'américain belden pour racheter l'équipementier … ») prices what its name
  // stands for: the rarest of its names, when it has one, not a common noun around it.
  const bare = priceNamed(asking) && !priceAsked(asking);
  const pool = bare && named.some((t) => t.name) ? named.map((t, i) => (t.name ? hits[i]! : Infinity)) : hits;
  const subject = named[pool.indexOf(Math.min(...pool))]!;
  // The sum in a sentence that names it, or under a title or heading that does (its card, its section). A card's
  // first line says what the card is (« Microsoft 365 Copilot (IA) : Assistant d'IA générative intégré à Word, Excel,
  // Outlook et Teams »): it heads the card as its title does.
  const heading = (r: Retrieved) =>
    `${r.document.title} ${r.section} ${r.document.kind === "catalog" ? (r.text.split("\n")[0] ?? "") : ""}`;
  // (A price paid for the subject, « combien une commune paie-t-elle pour utiliser tno », is no grant the subject
  // received: « le projet a reçu une subvention de 2 M€ ». Not what the subject paid, « combien ça a coûté à lyon »,
  // which a grant to its project is part of: trial21 T-M4.)
  const paid = asksPricePaid(asking) && !paidBy(subject.word, asking);
  const said = read.some((r) => {
    const under = namesSubject(subject, passageWords(heading(r)));
    return withoutReferences(r.text)
      .split(SENTENCE)
      .some((s) => (paid ? priceSum(s) : sumIn(s)) && (under || namesSubject(subject, passageWords(s))));
  });
  if (said) return "continue";
  return {
    answerable: false,
    reason: "missing-figure",
    missing: [subject.word],
    coverage: best.weighted,
    relevant: [],
  };
}

/**
 * Decides « missing-date »: a question asking only a date, which no passage that answers gives.
 */
async function dateAsked(ctx: Judgement): Promise<Decision> {
  const { question, results, best, relevant, slotHolders, unfilled } = ctx;
  // A question asking only a date (« En quelle année la société Commvault a-t-elle été fondée ? ») is answered by a
  // passage that gives one, in its text or heading (a source's reference is not the date of a fact).
  if (
    relevant.length &&
    asksOnlyDate(question) &&
    !slotHolders.some((i) => holdsAsked(results[i]!.section, ["date"])) &&
    unfilled((text) => holdsAsked(withoutReferences(text), ["date"]))
  )
    return {
      answerable: false,
      reason: "missing-date",
      missing: [],
      coverage: best.weighted,
      relevant: [],
    };
  return "continue";
}

/**
 * Decides « missing-winner »: a forecast of an election, or who won, which no passage that answers says.
 */
async function winnerAsked(ctx: Judgement): Promise<Decision> {
  const { question, terms, best, parts, heading, relevant, slotHolders } = ctx;
  // « Qui va gagner les élections municipales de 2026 à Lyon ? » asks who wins: a passage that answers says who did.
  const asking = words(outsideContext(question));
  const winnerAsked = slot("vainqueur").find((e) => holdsPhrase(asking, [e]));
  // « Qui va gagner les élections municipales ? », with no year, asks a forecast: no source says who will win,
  // whatever passage speaks of a past election (« une nouvelle majorité élue en 2020 »).
  if (winnerAsked && !terms.some((t) => t.date) && slot("pronostic").some((e) => holdsPhrase(asking, [e])))
    return { answerable: false, reason: "missing-winner", missing: [], coverage: best.weighted, relevant: [] };
  // Who won is said in a sentence that names what was won (the election, its year, its place), by a word of victory
  // that is not a noun (« a été réélu », not « les élus » of a council, which the corpus writes everywhere).
  const winnerWords = new Set(winnerAsked ?? []);
  const contest = terms.filter((t) => !t.verb && !t.modifier && !winnerWords.has(t.word));
  const victory = (list: string[]) =>
    slot("victoire").some((e) =>
      list.some((_, k) => e.every((w, j) => list[k + j] === w) && !DETERMINERS.has(list[k - 1] ?? "")),
    );
  const saysWinner = (i: number) =>
    parts[i]!.sentences.some(
      (s) => victory(s.list) && contest.every((t) => t.variants.some((v) => occurs(v, s)) || holds(t, heading[i]!)),
    );
  if (winnerAsked && relevant.length && !slotHolders.some(saysWinner))
    return { answerable: false, reason: "missing-winner", missing: [], coverage: best.weighted, relevant: [] };
  return "continue";
}

/**
 * Decides last: « stated-absent » (the passages that cover the question say its words are not in the sources: they
 * answer), « missing-name » (they lack a name or a date of it), « low-coverage » (none holds enough of it), or « ok »
 * (the passages that answer).
 */
function verdict(ctx: Judgement): Answerability {
  const { names, perPassage, best, topics, dates, statedAbsent, covers, relevant } = ctx;
  const stating = perPassage.flatMap((p, i) => (covers(p) && statedAbsent(i).length ? [i] : []));
  const lacking = [...new Set(stating.flatMap((i) => statedAbsent(i).map((t) => t.word)))];
  const named = stating.filter((i) => statesOfNames(ctx, i));
  if (relevant.length === 0 && named.length && !ctx.yearUnwritten)
    return statedAnswer(named, [], lacking, best.weighted);
  if (relevant.length === 0 && stating.length)
    return { answerable: false, reason: "stated-absent", missing: lacking, coverage: best.weighted, relevant };
  // Passages hold enough of the question's words, but none that does holds its names and years with them, or answers
  // as a card, a role's holder or a collectivité must: not a name the corpus or the passages read lack.
  if (relevant.length === 0 && (dates.length || names.length) && perPassage.some(covers)) {
    return {
      answerable: false,
      reason: "names-apart",
      missing: [...dates, ...names].map((d) => d.word),
      coverage: best.weighted,
      relevant,
    };
  }
  if (relevant.length === 0)
    return {
      answerable: false,
      reason: "low-coverage",
      missing: topics(best.missing),
      coverage: best.weighted,
      relevant,
    };
  return { answerable: true, reason: "ok", missing: [], coverage: best.weighted, relevant };
}

/**
 * Whether passage `i` says what it does not know of what the question names: it, or another section of its document,
 * holds every place the question names (« Combien la Ville de Lyon a-t-elle dépensé en formation ? » is not answered by a
 * guide saying no source gives a training cost, which does not speak of Lyon).
 */
function statesOfNames(ctx: Judgement, i: number): boolean {
  const { results, judged, names } = ctx;
  const sameDocument = (j: number) =>
    j === i || (results[j]!.document.title === results[i]!.document.title && results[i]!.document.kind !== "catalog");
  // The places (a collectivité, a country) it asks about: what is not known of one is not said by a general guide; a
  // product's name is (« Combien coûte la formation des agents pour passer à LibreOffice ? »).
  return names
    .filter((t) => !t.date && (t.collectivity || t.country))
    .every((t) => judged.some((p, j) => sameDocument(j) && holds(t, p)));
}

/**
 * « stated-absent »: the passages that cover the question say the corpus does not know what it asks (« Aucun montant
 * propre à la CNAM n'a été publié »). That is an answer an élue can use (the lead's decision of 6 December 2026): the
 * question is answerable, its answer opens on that sentence, with its source (`server/answers/stated-brief.ts`); the
 * passages that say so come first, then those that answer the rest. `missing` keeps the words the corpus says it lacks.
 */
function statedAnswer(stating: number[], others: number[], missing: string[], coverage: number): Answerability {
  return {
    answerable: true,
    reason: "stated-absent",
    missing,
    coverage,
    relevant: [...new Set([...stating, ...others])],
  };
}

/**
 * The laws a catalog card says its product is exposed to (« Exposition : CLOUD Act (États-Unis), FISA section 702
 * (États-Unis). »), folded, without their country: « cloud act », « fisa section 702 ».
 */
export function exposureLaws(card: string): string[] {
  const line = /Exposition(?: à des lois extra-européennes)?\s*:\s*([^.\n]+)/u.exec(card)?.[1] ?? "";
  return line
    .split(/,\s*/)
    .map((l) => words(l.replace(/\([^()]*\)/g, " ")).join(" "))
    .filter((l) => l.length > 2);
}
