/**
 * Verification of what a model wrote, for chat answers and draft sections alike (one module, no model needed):
 * - citations: every `[n]` must name a passage given to the model; an invalid one is reported, never removed or
 *   re-linked;
 * - claims: each sentence is checked against the passages it cites (or, citing none, all the passages given and
 *   the structured data): its figures with what they measure (the words around the number), the qualification the
 *   corpus gives a figure (« non confirmé », « contesté »), its names of organisations and places, and, for a
 *   sentence without figures, whether its content words are found at all.
 * The result is explainable: each sentence has a status and French reasons.
 */

import { NUMBER_WORDS } from "../core/number-words.ts";
import { escapeRegExp, formatInt, frenchDate } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { derivedIn } from "../retrieval/derivations.ts";
import { fold, stem } from "../retrieval/french.ts";
import { admissionUnwritten, admittedContested } from "./admitted.ts";
import { adviceAsDuty } from "./advice-duty.ts";
import { saidAgainst } from "./against.ts";
import { appendedUnsaid } from "./appended.ts";
import { askedFigureCompared, askedFigureConcluded } from "./asked-conclusion.ts";
import { askerContradictions } from "./asker-context.ts";
import { audienceUnstated, publicSwapped } from "./audience.ts";
import { makerSwapped } from "./authorship.ts";
import { banUnstated } from "./bans.ts";
import { calledInexact } from "./called-inexact.ts";
import { cardDenial } from "./card-denial.ts";
import { allReplacedUnstated, countryGivenToAll, itemAttributeSwapped } from "./card-items.ts";
import { carriedDuty } from "./carried-duty.ts";
import { reasonReplaced } from "./cause.ts";
import { changeReversed } from "./change-direction.ts";
import { correctedClaimRepeated } from "./claim-correction.ts";
import { complementSwapped } from "./complements.ts";
import { computedFigure, computedInWords, computedYear } from "./computed.ts";
import { CONDITION_BEFORE, contradicted, DENIAL_BEFORE, deniedOnly } from "./contradiction.ts";
import { contrasted, neitherNor } from "./contrast.ts";
import { creditUnsaid } from "./credit-unsaid.ts";
import { claimCreditSwapped, creditSwapped, divergingAlone } from "./credited.ts";
import { dateOfAnotherClause } from "./date-clause.ts";
import { dateOfAnother } from "./date-elsewhere.ts";
import { deniedClaimStated } from "./denied-claim.ts";
import { deniedNounStated } from "./denied-noun.ts";
import { deniedVerbStated } from "./denied-verb.ts";
import { divisionReplaced } from "./divisions.ts";
import { doneAhead } from "./done-ahead.ts";
import { durationsInWords, writesDuration } from "./durations.ts";
import { dutyUnstated, statesDuty } from "./duties.ts";
import { endOfPeriod } from "./end-date.ts";
import { dateOfAnotherStep } from "./event-date.ts";
import { excessUnsaid } from "./excess.ts";
import {
  causeSwapped,
  continued,
  hasYear,
  swappedWith,
  YEAR_CLAUSE_BREAK,
  yearInPlace,
  yearSaidWith,
  yearsBeside,
  yearsInStatement,
  yearWords,
} from "./figure-context.ts";
import {
  approximates,
  approximationBefore,
  figureMatches,
  fractionFigures,
  QUALIFIER_CLAIM,
  QUALIFIER_WORD,
  QUANTITY,
} from "./figure-match.ts";
import { figureOfAnother } from "./figure-owner.ts";
import { figureReserveLost, reportedFigure, reserveKeptBeside } from "./figure-reserve.ts";
import { actNumbers, extractFigures, type Figure, namedNumbers, productVersions } from "./figures.ts";
import { gradualAsDone } from "./gradual.ts";
import { absoluteUnheld, hedgeDropped } from "./hedged.ts";
import { holderDutyUnheld } from "./holder-duty.ts";
import { indefiniteActorUnstated } from "./indefinite-actor.ts";
import { inferenceReason, sweepingConclusion, withoutCompared } from "./inference.ts";
import { joinedNames } from "./joined-names.ts";
import { opensLaterClause } from "./later-clause.ts";
import { ruleUnheld, statesStatus, statusOfAnother } from "./legal-rules.ts";
import { licenceNameSwapped, licenceOpposite } from "./licence.ts";
import { likenedAgainst } from "./likened.ts";
import { listDropped } from "./list-scope.ts";
import { misplacedCitation } from "./misplaced.ts";
import { possibleAsDone, unconfirmedAsConfirmed } from "./modality.ts";
import { moveRoleAgainst } from "./move-roles.ts";
import { attributeNameSwapped } from "./name-attribute.ts";
import { crossedNames, nameOutOfPlace, termsSwapped } from "./name-swaps.ts";
import {
  deniedIn,
  describesSubject,
  descriptionSwapped,
  locatingDivisions,
  namedElsewhere,
  nameMovedInSentence,
  nameReplaced,
  ownNameWords,
  PRODUCT_WORDS,
  recipientBeside,
} from "./names.ts";
import { nationalityReplaced, statesNationality, widePlaceNamed } from "./nationality.ts";
import { neitherSaid } from "./neither-said.ts";
import { dutyHeldByOthers } from "./no-duty-held.ts";
import { sourceObjective, statedObjective } from "./objective-figure.ts";
import { lawUnstated, obligationDenied } from "./obligations.ts";
import { oppositesSwapped } from "./opposites-swapped.ts";
import { orderReversed } from "./order.ts";
import { agentUnsaid, outcomeUnsaid } from "./outcomes.ts";
import { type CitedSentence, type Overstatement, overstated } from "./overstated.ts";
import { ownActUnsaid } from "./own-acts.ts";
import { ownPeopleUnsaid, ownResultUnsaid } from "./own-people.ts";
import { pairSwapped } from "./pairs.ts";
import { aboutPeer } from "./peer-figures.ts";
import { peerOutcome } from "./peer-outcome.ts";
import { personItemSwapped } from "./person-item.ts";
import { type PrecisionLoss, precisionLost } from "./precision.ts";
import { answerWithSubject, withNamedSubject } from "./pronoun-subject.ts";
import { MONTH_NAMES, namesAt, namesOf, openingName, wordAt } from "./proper-nouns.ts";
import { readerDuty } from "./reader-duty.ts";
import { orderedAction, orderHeld } from "./reader-order.ts";
import { reasonUnsaid } from "./reason-unsaid.ts";
import { adviceToRecipient, recommendationVerbs } from "./recommendation.ts";
import { refusalAgainst } from "./refusal.ts";
import { replacementDegreeChanged } from "./replacement.ts";
import { reportedAsFact } from "./reported.ts";
import { restrictionSwapped } from "./restriction.ts";
import { actNotGiven } from "./role-acts.ts";
import { appositionRoleUnstated } from "./role-apposition.ts";
import { roleUnstated } from "./role-unstated.ts";
import { agentSwapped, bodySwapped, institutionSwapped, roleClaimed, roleHolderSwapped, roleRaised } from "./roles.ts";
import { ruledOutWordStated } from "./ruled-out-word.ts";
import { onlyWordsMissing, saysPassagesSilent } from "./said-absent.ts";
import { wholeForCountedPart } from "./scope.ts";
import { seasonSwapped } from "./seasons.ts";
import {
  asksOnly,
  citationNumbers,
  clauseAround,
  STATEMENT_BREAK,
  sentenceSpans,
  statementsOf,
  statesPassive,
  withoutNotes,
  withoutReferences,
} from "./sentences.ts";
import {
  contextOf,
  countedThing,
  elidedCount,
  located,
  type Source,
  type SourceSentence,
  type Spot,
  shareOf,
  sidesOf,
  spotsOf,
  toSource,
  wordSides,
} from "./source-sentences.ts";
import { superlativeUnheld } from "./superlative.ts";
import { supposedOperands, supposedResult } from "./supposed.ts";
import { sweepingUncited } from "./sweeping.ts";
import { toCheckAsFact } from "./to-check.ts";
import { totalEffectUnsaid } from "./total-effect.ts";
import { totalityUnheld } from "./totality.ts";
import { swapToUnconfirmed } from "./unconfirmed-swap.ts";
import { onlyUnstated } from "./uniqueness.ts";
import { unknownAsKnown } from "./unknown.ts";
import { verbReversed } from "./verb-antonyms.ts";
import { rolesSwapped } from "./verb-roles.ts";
import { attributedToRuledOut, deniedActStated, joinedAgainstWarning, statedInexact } from "./warned.ts";
import {
  ACRONYM_SKIPS,
  ADJECTIVE_PLACES,
  acronymIn,
  type Bag,
  bagOf,
  contentWords,
  inBag,
  nameIn,
  sameThing,
  wordIn,
  wordLines,
  wordList,
  words,
} from "./words.ts";
import { countGiven, wordCounts, yearMoved } from "./years.ts";

export { OPPOSITE_MIN_SHARED, RESTATED_MIN_WORDS } from "./contradiction.ts";
export { CONTRAST_MIN_WORDS } from "./contrast.ts";
export { CAUSE_MIN_SHARED, SWAP_MARGIN, SWAP_MIN_AFFINITY, YEAR_WORDS_MIN_SHARED } from "./figure-context.ts";
export {
  approximates,
  approximationBefore,
  FRACTION_TOLERANCE,
  fractionFigures,
  QUALIFIER_SOURCE,
  QUALIFIER_WORD,
} from "./figure-match.ts";
export { NAME_SLOT_MIN_ANCHORED, ROLE_MIN_WORDS } from "./name-swaps.ts";
export { DESCRIPTION_MIN_WORDS } from "./names.ts";
export { POLARITY_MIN_SHARE, POLARITY_MIN_SHARED } from "./negation.ts";
export { REPORTED_MIN_WORDS } from "./reported.ts";
export {
  asksOnly,
  citationNumbers,
  sentenceSpans,
  splitSentences,
  unwrap,
  withoutNotes,
  withoutReferences,
} from "./sentences.ts";
export { QUALIFIED_OWN_MIN_WORDS } from "./source-sentences.ts";
export { acronymIn, sameThing } from "./words.ts";
export { numberInWords, YEAR_EVENT_MIN_WORDS } from "./years.ts";

export interface VerifyPassage {
  /** The number the model cites it by: `[n]`. */
  n: number;
  /** Passage text, with its heading and document title (a heading may carry a qualification). */
  text: string;
}

/**
 * `inference`: a conclusion the model draws for the commune from the facts it cites, which no source writes but whose
 * names, figures and dates are there (`inference.ts`): shown as the model's deduction, neither sourced nor unverified.
 */
export type SentenceStatus =
  | "supported"
  | "unsupported"
  | "inference"
  | "invalid-citation"
  | "no-claim"
  /** An unsupported sentence of a draft a person vouches for as a local fact (`drafting/attestations.ts`). */
  | "attested";

export interface SentenceCheck {
  text: string;
  /** Offsets in the verified text. */
  start: number;
  end: number;
  status: SentenceStatus;
  /** Valid citation numbers of the sentence. */
  citations: number[];
  /** Citation numbers that name no passage given to the model. */
  invalidCitations: number[];
  reasons: string[];
  /** Who vouches for it as a local fact, and when (status `attested`); `reasons` still say why no passage carries it. */
  attestation?: { by: string; at: string };
}

export interface Verification {
  sentences: SentenceCheck[];
  counts: {
    sentences: number;
    supported: number;
    unsupported: number;
    /** Sentences shown as the model's deduction (`inference`); absent from verifications saved before it existed. */
    inferred?: number;
    /** Sentences attested as local facts (`attested`), counted apart from both; absent when none. */
    attested?: number;
    invalidCitation: number;
    noClaim: number;
    invalidMarkers: number;
  };
}

export interface VerifyOptions {
  /** Structured data (a draft's inputs, computed figures): accepted as a source for figures and names. */
  facts?: string[];
  /**
   * What the user wrote about their own collectivité (« notre commune de 12 000 habitants », `askedContext`): the
   * figures and names it gives are the user's context when the answer repeats them, not claims to find in a passage.
   */
  asked?: string[];
  /**
   * A sentence citing nothing gets the checks of a cited one, against all the passages (a generated answer: the passages
   * were given to the model, trial15 A19). Off for drafts, whose uncited sentences are the sender's own.
   */
  checkUncited?: boolean;
  /**
   * A document's text the model wrote (not its template, list or appended parts, nor a person's edit): there too, a
   * sentence citing nothing gets the checks of a cited one, against all the passages and the data. The model was told
   * to cite what it takes from a passage; what it states uncited is its own (« La loi oblige les communes à
   * privilégier le logiciel libre. », « Sans réponse de votre part, la commune s'expose à des sanctions de la
   * préfecture. », trial19 H2), not the sender's, whose words are the data.
   */
  modelText?: string;
  /**
   * The document's date (`YYYY-MM-DD`): an act it says already done on a later date (« a déjà voté … le 18 décembre
   * 2026 » in a letter of 7 December 2026) is flagged (`done-ahead.ts`).
   */
  today?: string;
  /**
   * The question a chat answer answers: a short answer's pronoun (« Non, il est suisse [1]. » to « kaspersky c'est
   * russe ? ») stands for what it asks about (`answerWithSubject`, trial24 T-H8).
   */
  question?: string;
}

/** Share of its content words a sentence about the sources must have in them (what it is about). */
export const ABOUT_SOURCES_COVERAGE = 1 / 3;

/**
 * A sentence about the sources themselves (« Les sources divergent sur l'ampleur exacte de la hausse », « Les passages
 * ne donnent pas les raisons détaillées de cette décision »): most of its words describe the passages, they are not in
 * them; what it is about (« la hausse », « cette décision ») must be.
 */
const ABOUT_SOURCES =
  /^(?:(?:en revanche|toutefois|cependant|mais|en effet|par ailleurs)\s*,?\s*)?(?:les|ces|nos|le|ce)\s+(?:sources?|passages?|documents?|textes?|corpus)(?:\s+(?:cités?|citées|fournis|consulté(?:e?s)?|disponibles|réunis|réunies))?\s+(?:divergent|diffèrent|se contredisent|ne concordent pas|(?:ne|n['’])\s*(?:\S+\s+){0,2}?(?:pas|guère|jamais)\b)/iu;

/** Sentences that state nothing to check: « Je ne sais pas », formulas, headings without content. */
const NO_CLAIM =
  /^(je ne sais pas|je n['’]ai pas trouv|les passages (fournis )?ne (permettent|disent|précisent)|aucun passage)/i;

const where = (cited: number[]) =>
  cited.length === 0
    ? message("verify.wherePassages")
    : cited.length === 1
      ? message("verify.whereCited")
      : message("verify.whereCitedMany");

/** Share of a sentence's content words a claim must have in its sources, when it holds no figure. */
export const MIN_CLAIM_COVERAGE = 0.6;

/**
 * The quantities of a statement a name is held to: those of its own part (between commas or semicolons) when that
 * part writes a figure and the statement writes several, else all of them.
 */
function ownQuantities<Q extends { at: number; end: number }>(
  offset: number,
  segment: string,
  name: string,
  quantities: Q[],
  all: { at: number; end: number }[],
): Q[] {
  const inSegment = all.filter((q) => q.at >= offset && q.end <= offset + segment.length);
  if (inSegment.length < 2) return quantities;
  const at = wordAt(segment, name);
  if (at < 0) return quantities;
  // A decimal comma (« 6,70 € ») does not part the statement.
  const part = [...segment.matchAll(/(?:[^,;]|(?<=\d),(?=\d))+/g)].find(
    (p) => p.index! <= at && at < p.index! + p[0].length,
  );
  if (!part) return quantities;
  const [start, stop] = [offset + part.index!, offset + part.index! + part[0].length];
  if (!inSegment.some((q) => q.at >= start && q.end <= stop)) return quantities;
  return quantities.filter((q) => q.at >= start && q.end <= stop);
}

/**
 * The folded words of the names a sentence writes in full before their acronym in parentheses (« la Caisse nationale
 * d'Assurance maladie (CNAM) »), when the acronym is named in the sources and its letters are those of the words.
 */
export function spelledOutNames(sentence: string, bags: Bag[]): Set<string> {
  const out = new Set<string>();
  for (const m of sentence.matchAll(/\((\p{Lu}{2,6})\)/gu)) {
    const acronym = fold(m[1]!);
    if (!bags.some((b) => nameIn(acronym, b))) continue;
    const before = words(sentence.slice(Math.max(0, m.index! - 120), m.index!));
    for (let k = 1; k <= Math.min(before.length, 10); k++) {
      const tail = before.slice(-k);
      if (!ACRONYM_SKIPS.has(tail[0]!) && tail[0]![0] === acronym[0] && acronymIn(acronym, bagOf(tail.join(" ")))) {
        for (const w of tail) out.add(w);
        break;
      }
    }
  }
  return out;
}

/**
 * Words before a number that make it part of a name (`server/i18n/fr/name-numbers.txt`, data): « l'article 31 »,
 * « alinéa 2 », « la version 3.2 », « le chapitre 19.6 ».
 */
export const ARTICLE_BEFORE = new RegExp(
  `(?<!\\p{L})(?:${wordList("name-numbers.txt").map(escapeRegExp).join("|")})\\s*$`,
  "iu",
);

/** Text that ends inside an incise right after a version (« version 3.2, disponible depuis »). */
const VERSION_INCISE = /(?<!\p{L})version\s+\d+(?:[.,]\d+)*\s*,[^,;:]*$/iu;

/**
 * Whether one statement of the cited passages gives a figure of the sentence together with all its other figures, two
 * at least (« Le dernier chiffre … vérifiable est celui de 80 000 postes, soit 90 % du parc, en 2021 » for « En 2021, la
 * Gendarmerie comptait environ 80 000 postes sous Linux, soit 90 % du parc »): the figure is where the sentence puts
 * it, whatever other statement its words are closer to (trial19 G6). Only when no other figure of the sentence is of the
 * figure's kind.
 */
function heldWithCompanions(f: Figure, figures: Figure[], pool: Source[], matches: (sf: Figure) => boolean): boolean {
  const others = figures.filter((o) => o !== f);
  // Two figures of one kind in one statement may be swapped with each other (« 539 voix pour le DMA et 588 pour le
  // DSA » where the passage gives them the other way round): the statement holding both proves nothing.
  if (others.length < 2 || others.some((o) => o.kind === f.kind)) return false;
  return pool.some((src) =>
    src.sentences.some((ss) =>
      statementsOf(ss.text).some((st) => {
        const theirs = extractFigures(st);
        return theirs.some(matches) && others.every((o) => theirs.some((sf) => figureMatches(o, sf)));
      }),
    ),
  );
}

/** The figures and the folded names of what the user wrote about their own collectivité (`VerifyOptions.asked`). */
interface Asked {
  figures: Figure[];
  names: Set<string>;
  /** All the words the user wrote about their collectivité (« notre commune de 8 500 habitants »). */
  bag?: Bag;
}

function askedOf(texts: string[]): Asked {
  const figures = texts.flatMap((t) => extractFigures(t));
  const names = new Set(texts.flatMap((t) => namesAt(t).map((n) => n.folded)));
  return { figures, names, bag: bagOf(texts.join(" ")) };
}

function checkSentence(
  written: string,
  citedIn: number[],
  sources: Source[],
  facts: Source[],
  asked: Asked = { figures: [], names: new Set() },
  /** The answer keeps the reserve of the sentence's figures in the sentence before or after it (`reserveKeptBeside`). */
  reserveBeside = false,
  /** The answer's text before the sentence (what « d'autre » sets aside: `cardDenial`). */
  earlier = "",
  /** `VerifyOptions.checkUncited`. */
  checkUncited = false,
  /** `VerifyOptions.question`. */
  question = "",
  /** `VerifyOptions.today`: the document's date, a duration counted from now ends there (`computedInWords`). */
  today?: string,
): string[] {
  const sentence = withoutNotes(written);
  const reasons: string[] = [];
  /** The reason that the sentence's words are not in what it cites, once given. */
  let wordsReason: string | null = null;
  const w = where(citedIn);
  // A sentence citing nothing gets the checks of a cited one, against all the passages given to the model (trial15
  // A19: « Il sera aussi obligatoire pour les mairies à partir de 2027. » was only checked for its figures).
  const cited =
    citedIn.length > 0 || !checkUncited ? citedIn : sources.flatMap((src) => (src.n === null ? [] : [src.n]));
  const pool = cited.length ? sources.filter((s) => s.n !== null && cited.includes(s.n)) : sources;
  const withFacts = [...pool, ...facts];
  // Figures: found with the same value, around the same words, with the qualification the source gives.
  // A cited short answer that says only a status or a nationality (« Non, il est suisse [1]. »): read with the name
  // its pronoun stands for, without its answer particle (« Kaspersky est suisse », trial24 T-H8).
  const short = cited.length > 0 && shortClaim(withoutReferences(sentence));
  const stated = short
    ? (answerWithSubject(
        withoutReferences(sentence),
        earlier,
        question,
        pool.map((src) => src.sentences.map((ss) => ss.text).join(" ")),
      ) ?? withoutReferences(sentence))
    : withoutReferences(sentence);
  // A number inside a product name the cited passages write as the sentence does (« Cegid 300 » opening the sentence):
  // part of the name, not a figure (`namedNumbers`, as for the documents' own data).
  const carried = [...stated.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]+\s+\d{1,3}(?![\p{N},.]\d|\s*%|\p{L})/gu)]
    .map((m) => m[0])
    .filter((name) => pool.some((src) => src.sentences.some((ss) => namedNumbers(ss.text, [name]).length > 0)));
  const inNames = new Set(namedNumbers(stated, carried));
  const figures = [...extractFigures(stated), ...fractionFigures(stated)].filter(
    (f) => !(f.kind === "number" && inNames.has(f.raw)),
  );
  const spots = located(stated, figures);
  // A duration spelt out in words (« en deux ans »), which `extractFigures` does not read: held to the passages and
  // data the sentence is checked with, in words or digits (`durations.ts`, trial17 D2).
  // A count or a duration in words the sentence computes (« soit trente postes par agent », « l'écart … est d'environ
  // six mois »): `computed.ts`.
  const inWords =
    cited.length > 0
      ? computedInWords(
          stated,
          withFacts.map((src) => src.sentences.map((ss) => ss.text).join(" ")),
          earlier,
          today,
        )
      : [];
  for (const d of durationsInWords(stated))
    if (!inWords.includes(d.raw) && !withFacts.some((src) => src.sentences.some((ss) => writesDuration(ss.text, d))))
      reasons.push(message("verify.figureNotFound", { figure: d.raw, where: w }));
  const quantitySpots = spots.filter((s) => QUANTITY.has(s.f.kind));
  /** Source sentences where a quantity of the sentence is found, around the same words (filled below). */
  const foundAt = new Map<Figure, SourceSentence[]>();
  /** How each figure of the sentence is matched in the sources (same value, or what a rounded one stands for). */
  const matcherOf = new Map<Figure, (sf: Figure) => boolean>();
  /** A sentence about a peer, citing passages: the document's data vouch for none of its figures. */
  const peer = citedIn.length > 0 && aboutPeer(stated, facts);
  // « Pour une commune de 300 agents, … »: the sentence's own supposition, not a figure to find (`supposed.ts`).
  const supposed = supposedOperands(
    stated,
    figures,
    [...sources, ...facts].map((src) => src.sentences.map((ss) => ss.text).join(" ")),
  );
  for (const f of figures) {
    if (supposed.has(f.raw)) continue;
    // The same figure, or the figure a rounded one stands for (« près de 12 millions d'euros » for 11,7 millions).
    const approx = approximationBefore(stated, f);
    const matches = (sf: Figure) => figureMatches(f, sf) || (approx !== null && approximates(f, sf, approx));
    matcherOf.set(f, matches);
    const found = withFacts.flatMap((s) => s.sentences.filter((ss) => ss.figures.some(matches)));
    // A question of the data (« Question posée : Est-il vrai que les gendarmes ont économisé 534 millions d'euros ? »)
    // asks about a figure, it does not state it: what the figure is said of is checked where a passage states it.
    const stating = found.filter((ss) => !ss.asks);
    // The question of the data (« Question posée : Faut-il partir avant la hausse de 2027 ? ») does not vouch for a
    // figure a sentence gives to the passages it cites (trial14 A21): only a sentence citing nothing may repeat it.
    const asking = (ss: SourceSentence) => ss.asks && facts.some((src) => src.sentences.includes(ss));
    const candidates = stating.length > 0 ? stating : citedIn.length > 0 ? found.filter((ss) => !asking(ss)) : found;
    // The document's own data speak of its collectivité: a figure only they give is not one of a peer the sentence is
    // about (« Boé a réduit ses coûts de licences de 95 % [1] » and the roadmap's « Outils collaboratifs … 95 % »,
    // trial15 A14; `peer-figures.ts`).
    if (peer && candidates.length > 0 && candidates.every((ss) => facts.some((src) => src.sentences.includes(ss)))) {
      reasons.push(message("verify.figureNotFound", { figure: f.raw, where: w }));
      continue;
    }
    if (candidates.length === 0) {
      // The user's own figure (« notre commune de 12 000 habitants »), repeated: context, not a claim — unless the
      // sentence concludes from it where the passages count the same thing otherwise (`asked-conclusion.ts`).
      if (asked.figures.some((a) => figureMatches(f, a))) {
        const at = spots.find((x) => x.f === f)?.at ?? stated.indexOf(f.raw);
        const other = citedIn.length ? askedFigureConcluded(stated, f, at, pool) : null;
        if (other) reasons.push(message("verify.askedConcluded", { figure: f.raw, other, where: w }));
        // Rightly compared with the passage's figure: the model's deduction (`inference.ts`, trial21 T-M5).
        const compared = other || !citedIn.length ? null : askedFigureCompared(stated, f, at, pool);
        if (compared) reasons.push(message("verify.askedCompared", { figure: f.raw, other: compared, where: w }));
        continue;
      }
      // A share or a ratio of figures the passages give, tied to them by the sentence's words (« 30 % des ordinateurs,
      // soit quelque 180 machines », « multipliée par 4,5 »: `computed.ts`).
      const written = spots.find((x) => x.f === f)?.at ?? stated.indexOf(f.raw);
      const texts = [...sources, ...facts].map((src) => src.sentences.map((ss) => ss.text).join(" "));
      if (
        computedFigure(stated, f, written, texts, earlier) ||
        supposedResult(stated, f, texts) ||
        computedYear(stated, f, texts, earlier)
      )
        continue;
      // The end of a period a document's data start and measure (« janvier 2027 ; durée : 4 mois » → « avril 2027 »).
      if (
        facts.length > 0 &&
        endOfPeriod(
          f,
          facts.map((src) => src.sentences.map((ss) => ss.text).join(" ")),
        )
      )
        continue;
      reasons.push(message("verify.figureNotFound", { figure: f.raw, where: w }));
      continue;
    }
    const isDate = f.kind === "year" || f.kind === "date" || f.kind === "month" || f.kind === "daymonth";
    // Where the figure is written (not the first figure written the same way).
    const at = spots.find((x) => x.f === f)?.at ?? stated.indexOf(f.raw);
    // The number of an article (« l'article 31 de la loi SREN »): found in the sources, it names a text, it counts
    // nothing the years and names of the sentence are held to.
    if (f.kind === "number" && ARTICLE_BEFORE.test(stated.slice(Math.max(0, at - 16), at))) continue;
    const context = contextOf(stated, f.raw, 4, at).filter((c) => !MONTH_NAMES.test(c));
    const fromFacts = facts.some((s) => s.sentences.some((ss) => candidates.includes(ss)));
    // The words around the number must be around the same number in the source, not merely in its sentence.
    // A list item's figures measure what the sentence opening the list says (« Deux montants d'économies sont
    // publiés : - 9 millions d'euros par an grâce à … »).
    const near = (c: SourceSentence) =>
      c.figures.filter(matches).map((sf) =>
        bagOf(
          [...c.text.matchAll(new RegExp(escapeRegExp(sf.raw), "g"))]
            .flatMap((m) => contextOf(c.text, sf.raw, 6, m.index))
            .concat(contentWords(c.leadIn))
            .join(" "),
        ),
      );
    const matched =
      context.length === 0 || isDate || fromFacts
        ? candidates
        : candidates.filter((c) => near(c).some((b) => context.some((word) => sameThing(word, b))));
    // « son objectif de 40 % » where a passage writes « Objectif : réduire de 40 % » (`objective-figure.ts`).
    const matching =
      matched.length === 0 && statedObjective(stated, f, at)
        ? candidates.filter((c) =>
            sourceObjective(
              c.text,
              c.figures.filter(matches).map((sf) => sf.raw),
            ),
          )
        : matched;
    // What a share or a count is of (« 80 % des grandes organisations », « 16 000 postes ») must be what the source's
    // same number is of: a true number attached to the wrong thing is not supported.
    const of = isDate || fromFacts ? [] : countedThing(stated, f, at);
    // Said beside that number: after it, or just before it (« ses agents, au nombre de 80 000 »), not merely in its
    // sentence (« entre 15 000 et 18 000 postes … des agents » does not give 18 000 agents).
    const beside = (c: SourceSentence) => {
      const { spots, sides } = spotsOf(c);
      return spots.flatMap((spot, k) =>
        matches(spot.f)
          ? [
              bagOf(
                [
                  ...sides[k]!.before.slice(0, 2),
                  ...sides[k]!.after,
                  ...elidedCount(c, spots, k),
                  ...shareOf(c, spot),
                ].join(" "),
              ),
            ]
          : [],
      );
    };
    // What is counted is its first word, in the source's words or in words a model puts in their place (« 200
    // ordinateurs » for « 200 postes »), and a name after it (« appareils Windows »); a common word after it may be
    // the model's own precision (« 37 collectivités locales »).
    const counted = of.length
      ? matching.filter((c) =>
          beside(c).some((b) => sameThing(of[0]!.word, b) && of.slice(1).every((w) => !w.name || inBag(w.word, b))),
        )
      : matching;
    // A word that qualifies what is counted (« 60 000 utilisateurs réguliers ») said beside another figure of the
    // passages and beside no occurrence of this one: the qualifier of that other figure.
    const borrowed =
      counted.length > 0 &&
      of.slice(1).some(
        (q) =>
          !q.name &&
          !counted.some((c) => beside(c).some((b) => inBag(q.word, b))) &&
          pool.some((s) =>
            s.sentences.some((ss) => {
              const { spots, sides } = spotsOf(ss);
              return spots.some(
                (x, k) =>
                  x.f.kind === f.kind &&
                  !matches(x.f) &&
                  inBag(q.word, bagOf([...sides[k]!.before.slice(0, 2), ...sides[k]!.after].join(" "))),
              );
            }),
          ),
      );
    if (counted.length === 0 || borrowed) {
      reasons.push(message("verify.figureContext", { figure: f.raw, where: w }));
      continue;
    }
    // Another figure of the cited passages is what the sentence's words describe: a true number put in its place.
    const spot = quantitySpots.findIndex((s) => s.f === f);
    if (spot >= 0 && !fromFacts && !heldWithCompanions(f, figures, pool, matches)) {
      const other =
        swappedWith(sidesOf(stated, quantitySpots, spot), f, pool, matches) ??
        causeSwapped(stated, quantitySpots[spot]!, pool, matches);
      // Not for a figure the passage calls unconfirmed where it vouches for the sentence's (`unconfirmed-swap.ts`).
      if (
        other &&
        !swapToUnconfirmed(
          other,
          matches,
          quantitySpots.map((s) => s.f).filter((o) => o !== f),
          pool,
        )
      ) {
        reasons.push(message("verify.figureSwapped", { figure: f.raw, other: other.raw, where: w }));
        continue;
      }
    }
    if (QUANTITY.has(f.kind) && !fromFacts) foundAt.set(f, counted);
    // The passage's heading repeating the figure (« le prix de VMware après le rachat (+430 %) »), or a sentence denying
    // it (« La forte hausse est avérée, mais pas le chiffre de 430 % »), does not vouch for it.
    // A figure the sentence after calls exact while it qualifies the others is not qualified (`SourceSentence.exact`).
    const qualifies = (c: SourceSentence) => c.qualified && !c.exact?.some(matches);
    const vouches = (c: SourceSentence) => !qualifies(c) && !c.inHeading && !deniedIn(c.text, matches);
    if (
      matching.some(qualifies) &&
      !matching.some(vouches) &&
      !QUALIFIER_CLAIM.test(sentence) &&
      !reportedFigure(stated, at) &&
      !reserveBeside
    ) {
      const qualified = matching.find(qualifies)!;
      // The whole word the source uses (« non confirmé », « contestée »), from the sentence or else its heading.
      const q =
        qualified.qualifier ??
        (qualified.text.match(QUALIFIER_WORD) ?? qualified.heading.match(QUALIFIER_WORD))?.[0] ??
        "non confirmé";
      reasons.push(message("verify.qualificationLost", { figure: f.raw, qualifier: `« ${q.replace(/\s+/g, " ")} »` }));
    }
  }
  // Years and names in the clause of a quantity must be where the source gives that quantity (its sentence, the two
  // before it, its heading): « 18 000 postes … entre 2020 et 2013 » where the passage says 2005, « la DINUM … 80 000
  // agents » where the passage gives them to the CNAM.
  const bag = (s: Source[]) => s.map((x) => x.bag);
  const bags = bag(withFacts);
  const attached = (at: number, end: number) => {
    const [start, stop] = clauseAround(stated, at, end, STATEMENT_BREAK);
    return quantitySpots.filter((q) => q.at >= start && q.end <= stop && foundAt.has(q.f));
  };
  for (const y of spots.filter((s) => s.f.year !== undefined && s.f.kind !== "daymonth")) {
    // The date of a version, in its own incise (« sa version 3.2, disponible depuis mars 2022, exige … 24 % »): it
    // dates the version, not the figures the version sets.
    if (VERSION_INCISE.test(stated.slice(0, y.at))) continue;
    const year = String(y.f.year);
    for (const q of attached(y.at, y.end)) {
      // A year written in the figure's own clause of the sentence (« 534 millions d'euros depuis 2008 ») is held to the
      // year the source gives the figure in its clause, when a source sentence does (« utilise Linux depuis 2008 et
      // qu'elle a économisé 534 millions d'euros depuis 2004 » gives it 2004, not 2008); else to the years its source
      // sentence states (not those of its heading: « Millau (2026) — … « 25 000 postes migrés en 2025 » »); else to
      // those before it or in its heading. A year written apart (« Millau (2026) affirme que … 430 % », « s'est tenue
      // en février 2026 : plus de 500 participants ») may also be one of the two sentences before, unless the source
      // sentence writes its own year in that place (« l'édition 2025 : … 37 collectivités »). A figure of the heading
      // itself takes only the years of its own part.
      const [from, to] = clauseAround(stated, q.at, q.end, YEAR_CLAUSE_BREAK);
      const tight = y.at >= from && y.end <= to;
      const found = foundAt.get(q.f)!;
      const dated = (sentences: SourceSentence[], read: typeof yearsBeside) =>
        tight
          ? sentences.flatMap((ss) => read(ss, matcherOf.get(q.f)!)).filter((ys): ys is number[] => ys !== null)
          : [];
      // Dated in its own clause, else in its statement of a body sentence (« - 2004 : … sur 20 000 postes ; en 2005, …
      // 90 000 postes » dates 20 000 by 2004: « sur 20 000 postes en 2005 » is not given, trial18 F19).
      const clauseYears = dated(found, yearsBeside);
      const stating =
        clauseYears.length > 0
          ? clauseYears
          : dated(
              found.filter((ss) => !ss.inHeading),
              yearsInStatement,
            );
      const slot = wordSides(stated, y.at, y.end - y.at);
      const given = (ss: SourceSentence) => {
        if (ss.inHeading) return !tight && yearsBeside(ss, matcherOf.get(q.f)!).some((ys) => ys?.includes(y.f.year!));
        if (ss.ownYears.length > 0)
          return (
            ss.ownYears.includes(y.f.year!) ||
            (!tight && ss.yearsBefore.includes(y.f.year!) && !yearInPlace(ss, slot, y.f.year!))
          );
        return ss.around.list.includes(year) || !hasYear(ss.around);
      };
      if (stating.length > 0 ? stating.some((ys) => ys.includes(y.f.year!)) : found.some(given)) continue;
      // Another year of the clause, written in the figure's own part between commas, is the one its source gives
      // it (« créée en 2019 sur Matrix, avec 375 000 utilisateurs en 2025 »): this one dates something else.
      const part = (at: number) => {
        const before = stated.slice(0, at).search(/,(?!\d)[^,]*$/);
        const after = stated.slice(at).search(/,(?!\d)/);
        return [Math.max(before, 0), after < 0 ? stated.length : at + after] as const;
      };
      const [pFrom, pTo] = part(q.at);
      const inPart = (s: Spot) => s.at >= pFrom && s.end <= pTo;
      const nearer =
        !inPart(y) &&
        spots.some(
          (o) =>
            o !== y &&
            o.f.year !== undefined &&
            o.f.kind !== "daymonth" &&
            inPart(o) &&
            stating.some((ys) => ys.includes(o.f.year!)),
        );
      if (nearer) continue;
      // A year the figure's source sentence writes too: beside the same words as in the sentence (« La troisième
      // édition, le 17 février 2026, a réuni plus de 500 participants » where the source says « La troisième édition
      // s'est tenue le 17 février 2026 : plus de 500 participants »), it dates what those words name; farther from the
      // figure than another year of the sentence that the source gives the figure (« sur 20 000 postes en 2004 puis sur
      // l'ensemble du parc, environ 90 000 postes, en 2005 »), it dates another figure.
      const writing = found.filter((ss) => !ss.inHeading && ss.ownYears.includes(y.f.year!));
      const claimWords = yearWords(stated, y, spots);
      if (writing.some((ss) => yearSaidWith(ss, y.f.year!, claimWords))) continue;
      // A source sentence whose subject is a pronoun (« Elle a réuni plus de 500 participants ») goes on with the one
      // before it (« La troisième édition s'est tenue le 17 février 2026 »): that one's year dates the same thing.
      if (found.some((ss) => continued(ss, pool).some((prev) => yearSaidWith(prev, y.f.year!, claimWords)))) continue;
      const gap = (s: Spot) => (s.at >= q.end ? s.at - q.end : q.at - s.end);
      const closer = spots.some(
        (o) =>
          o.f.year !== undefined &&
          o.f.year !== y.f.year &&
          o.f.kind !== "daymonth" &&
          gap(o) < gap(y) &&
          stating.some((ys) => ys.includes(o.f.year!)),
      );
      if (closer && writing.length > 0) continue;
      reasons.push(message("verify.yearMismatch", { year: y.f.raw, figure: q.f.raw, where: w }));
      break;
    }
  }
  // A year stated of an event, without a quantity (« Le RGI existe depuis 2012 »), found in the cited passages but
  // said there of something else, where the passage dates the same words otherwise (« existe depuis 2009 »).
  let moved = false;
  // A date of the document's data, in a sentence citing nothing (the model's own in a document): the data's, not a date
  // of the passages put to another event (« le conseil municipal du 18 décembre 2026 » of the sender's requests).
  const ownDate = (raw: string) =>
    citedIn.length === 0 && facts.some((src) => src.sentences.some((ss) => ss.text.includes(raw)));
  for (const y of spots.filter((s) => s.f.year !== undefined && s.f.kind !== "daymonth" && !ownDate(s.f.raw))) {
    const other = yearMoved(stated, y, spots, pool);
    if (other) reasons.push(message("verify.yearMoved", { year: y.f.raw, other, where: w }));
    if (other) moved = true;
  }
  // A season or part of a year swapped for another of the same year (« l'été 2026 » for « l'automne 2026 »).
  const season = cited.length > 0 ? seasonSwapped(stated, pool) : null;
  if (season) reasons.push(message("verify.seasonSwapped", { ...season, where: w }));
  // The sentence's one date, given by the passage to another event than the one it dates (`date-elsewhere.ts`).
  const elsewhere = cited.length > 0 && !moved ? dateOfAnother(stated, pool) : null;
  if (elsewhere && !ownDate(elsewhere.date) && !reasons.some((r) => r.includes(`« ${elsewhere.date} »`)))
    reasons.push(message("verify.dateOfAnother", { ...elsewhere, where: w }));
  // The sentence's date, given by the passage to another step of the text (entrée en vigueur for application).
  const step = cited.length > 0 && !moved ? dateOfAnotherStep(stated, pool) : null;
  if (step && !ownDate(step.date) && !reasons.some((r) => r.includes(`« ${step.date} »`)))
    reasons.push(message("verify.dateOfAnotherStep", { ...step, where: w }));
  // The same, within one cited sentence that writes two dates, each dating its own clause (`date-clause.ts`).
  const inClause = cited.length > 0 && !moved && !elsewhere && !step ? dateOfAnotherClause(stated, pool) : null;
  if (inClause && !ownDate(inClause.date) && !reasons.some((r) => r.includes(`« ${inClause.date} »`)))
    reasons.push(message("verify.dateOfAnother", { ...inClause, where: w }));
  // Two names of the passages paired otherwise than the passages pair them (« Harmonica OS, dérivé de Debian » where
  // the passage says « Harmonica OS, dérivé d'Ubuntu » and « Gooroom, dérivé de Debian »).
  const crossed = cited.length > 0 ? crossedNames(stated, pool) : null;
  if (crossed) reasons.push(message("verify.namesCrossed", { ...crossed, where: w }));
  // The subject's attribute given another name than its cited clauses give it (`name-attribute.ts`).
  const attribute = cited.length > 0 && !crossed ? attributeNameSwapped(stated, pool) : null;
  if (attribute) reasons.push(message("verify.namesCrossed", { ...attribute, where: w }));
  // A name given what the passages say of another one (« Contrairement au CNLL, qui rassemble des collectivités »).
  const described =
    cited.length > 0
      ? (descriptionSwapped(stated, pool) ?? nameOutOfPlace(stated, pool) ?? termsSwapped(stated, pool))
      : null;
  if (described) reasons.push(message("verify.nameSwapped", { ...described, where: w }));
  // A nationality the passages do not give the name (« l'allemand ASML », « Proton Mail, un fournisseur américain »).
  const nationality =
    cited.length > 0
      ? nationalityReplaced(
          stated,
          pool.flatMap((src) => src.sentences.map((ss) => withoutReferences(ss.text))),
          withFacts.map((src) => src.bag),
        )
      : null;
  if (nationality)
    reasons.push(
      nationality.other === null
        ? message("verify.nationalityUnnamed", { name: nationality.name, adjective: nationality.adjective, where: w })
        : message("verify.nationality", { ...nationality, other: nationality.other, where: w }),
    );
  // A licence named for a product the cited cards give another one (« SuiteCRM … sous licence LGPL », `licence.ts`).
  const licenceName = cited.length > 0 ? licenceNameSwapped(stated, pool) : null;
  if (licenceName) reasons.push(message("verify.licenceName", { ...licenceName, where: w }));
  // A place put in another département or région than the passages put it in (`divisions.ts`).
  const division = cited.length > 0 ? divisionReplaced(stated, pool) : null;
  if (division)
    reasons.push(
      message(cited.length > 1 ? "verify.divisionReplacedMany" : "verify.divisionReplaced", { ...division, where: w }),
    );
  // A true figure of the passages given to another thing they name, which they give another figure (`figure-owner.ts`).
  const owner = cited.length > 0 ? figureOfAnother(stated, pool) : null;
  if (owner) reasons.push(message("verify.figureOfAnother", { ...owner, where: w }));
  // A figure given to the whole parc where every cited sentence giving it counts part of it (`scope.ts`).
  const scope =
    foundAt.size > 0
      ? wholeForCountedPart(
          stated,
          [...foundAt.values()].map((ss) => ss.map((x) => x.text)),
        )
      : null;
  if (scope) reasons.push(message("verify.wholeForPart", { where: w, ...scope }));
  const claimBag = bagOf(stated);
  // The subject of a source sentence is the claim's too when the claim writes it, or its acronym (« l'ANCT » for
  // « l'Agence nationale de la cohésion des territoires (ANCT) »).
  const claimAcronyms = namesOf(stated)
    .filter((n) => /^\p{Lu}{2,6}$/u.test(n))
    .map((n) => fold(n));
  const subjectClaimed = (subject: string, ss: SourceSentence) =>
    inBag(subject, claimBag) || claimAcronyms.some((a) => a[0] === subject[0] && acronymIn(a, ss.said));
  // A figure the sentence only supposes of a name (« Si Lestrac compte moins de 30 000 habitants, … ») is not given to it.
  const denied = (q: Spot) => {
    const [start] = clauseAround(stated, q.at, q.end);
    return DENIAL_BEFORE.test(stated.slice(start, q.at)) || CONDITION_BEFORE.test(stated.slice(start, q.at));
  };
  /** The names a figure is not given to, by segment: one reason per name, its words joined (`joined-names.ts`). */
  const mismatched: { name: string; figure: string; segment: string }[] = [];
  for (const segment of stated.split(STATEMENT_BREAK)) {
    const offset = stated.indexOf(segment);
    const quantities = attached(offset, offset + segment.length);
    if (!quantities.length) continue;
    for (const name of namesOf(segment)) {
      const folded = words(name).join(" ");
      if (!folded || !bags.some((b) => inBag(folded, b))) continue; // not named at all: said below
      // Two figures with two subjects (« ECCO parle de 8 à 15, AT&T de hausses jusqu'à 1 200 % »): a name is held to
      // the figures of its own part of the statement, when that part has any.
      // A figure the sentence denies of a name (« l'État ne remplace pas 2,5 millions d'ordinateurs ») is not given to it.
      const own = ownQuantities(offset, segment, name, quantities, quantitySpots).filter((x) => !denied(x));
      if (describesSubject(segment, offset, name, folded, quantities, pool)) continue;
      // A name opening its own clause after the figures (« … 0 à 111 installations et Cisco Webex n'apparaît plus »).
      if (opensLaterClause(segment, offset, name, quantities)) continue;
      // In the source sentence itself; or in its heading when the sentence's own subject is in the claim too (not
      // « Sécurix … 200 postes » from a page on Sécurix whose sentence gives the 200 postes to the DINUM); or before
      // it (« Elle économise… ») when the sentence names no one else.
      // An acronym of the claim is given where the source sentence writes it in full (« IA », « intelligence
      // artificielle »).
      const givenTo = (who: string) => (ss: SourceSentence) =>
        inBag(who, ss.said) ||
        (claimAcronyms.includes(who) && acronymIn(who, ss.said)) ||
        (inBag(who, ss.own) && (!ss.subject || subjectClaimed(ss.subject, ss))) ||
        (inBag(who, ss.around) && ss.ownNames.every((n) => inBag(n, claimBag)));
      const given = givenTo(folded);
      const q = own.find(
        (x) =>
          !recipientBeside(segment, offset, x, name, folded, pool, foundAt.get(x.f)!, givenTo) &&
          !foundAt
            .get(x.f)!
            .some(
              (ss) => given(ss) || (cited.length > 1 && namedElsewhere(ss, matcherOf.get(x.f)!, folded, segment, pool)),
            ),
      );
      if (q) {
        mismatched.push({ name, figure: q.f.raw, segment });
        continue;
      }
      // Given by the heading or a sentence around, but where the figure's own sentence names someone else: « créée
      // par la Tchap » for « créée par la DINSIC » on a page about Tchap.
      const other =
        own.map((x) => nameReplaced(segment, name, folded, foundAt.get(x.f)!)).find(Boolean) ??
        own
          .map((x) => nameMovedInSentence(segment, name, folded, foundAt.get(x.f)!, matcherOf.get(x.f)!))
          .find(Boolean);
      if (other) reasons.push(message("verify.nameSwapped", { name, other, where: w }));
    }
  }
  for (const segment of new Set(mismatched.map((m) => m.segment)))
    for (const figure of new Set(mismatched.filter((m) => m.segment === segment).map((m) => m.figure))) {
      const names = mismatched.filter((m) => m.segment === segment && m.figure === figure).map((m) => m.name);
      for (const { name } of joinedNames(segment, names))
        reasons.push(message("verify.nameMismatch", { name, figure, where: w }));
    }
  // A product and its version (« Java 8 », « Windows 11 »): the version is part of the name, written as the sources do;
  // so is the number of an act (« (UE) 2022/2555 »).
  for (const name of [...productVersions(stated), ...actNumbers(stated)]) {
    const folded = ` ${words(name).join(" ")} `;
    if (!bags.some((b) => b.joined.includes(folded))) reasons.push(message("verify.nameNotFound", { name, where: w }));
  }
  // Names of organisations, places and people; an acronym may stand for a name the sources write in full, and a name
  // the sentence writes in full before its acronym (« Caisse nationale d'Assurance maladie (CNAM) ») is the acronym's.
  const spelledOut = spelledOutNames(sentence, bags);
  const ownNames = ownNameWords(sentence);
  const locating = locatingDivisions(stated, withFacts);
  // The name the sentence opens with, as the subject of its verb (« Échirolles a montré … »): a name like the others.
  const opening = openingName(stated);
  const named = namesOf(sentence);
  for (const name of opening && !named.includes(opening) ? [opening, ...named] : named) {
    const folded = words(name).join(" ");
    if (!folded || bags.some((b) => nameIn(folded, b)) || spelledOut.has(folded) || ownNames.has(folded)) continue;
    if (locating.has(folded)) continue;
    // A wide place the passages name by a country or a city within it (« en Europe » for « à Paris ou Dublin »).
    if (widePlaceNamed(folded, bags)) continue;
    if (asked.names.has(folded)) continue;
    if (/^\p{Lu}{2,6}$/u.test(name) && bags.some((b) => acronymIn(folded, b))) continue;
    if (acronymOfSpelledOut(sentence, name, pool)) continue;
    reasons.push(message("verify.nameNotFound", { name, where: w }));
  }
  // Countries listed by their adjectives (« avec les gouvernements allemand et belge »): where the passages name one of
  // them, each must be named there, as a place or by one of its adjectives (`server/i18n/fr/adjectives-of-places.txt`).
  for (const list of stated.matchAll(/(?<!\p{L})\p{L}+(?:(?:\s*,\s*|\s+(?:et|ou)\s+)\p{L}+)+/gu)) {
    const listed = list[0].split(/\s*,\s*|\s+(?:et|ou)\s+/u).filter((x) => ADJECTIVE_PLACES.has(words(x).join(" ")));
    if (listed.length < 2) continue;
    const named = listed.filter((x) => bags.some((b) => wordIn(words(x).join(" "), b)));
    if (named.length === 0) continue;
    for (const raw of listed.filter((x) => !named.includes(x)))
      reasons.push(message("verify.nameNotFound", { name: raw, where: w }));
  }
  // A count written in words (« huit départements ») where the cited passages count the same thing otherwise (« six
  // départements »).
  const counts = wordCounts(stated);
  const given =
    counts.length > 0 ? pool.flatMap((src) => wordCounts(src.sentences.map((ss) => ss.text).join(" "), true)) : [];
  for (const { raw, value, noun } of counts) {
    const same = given.filter((g) => stem(g.noun) === stem(noun));
    if (inWords.includes(fold(raw))) continue;
    if (same.length > 0 && !same.some((g) => countGiven(stated, { raw, value }, g.value)))
      reasons.push(message("verify.figureNotFound", { figure: raw, where: w }));
  }
  // The sentence says the opposite of what it cites: « Munich n'est jamais revenue à Windows » against « Munich est
  // revenue à Windows en 2017 »; « Munich utilise toujours Linux » against « un retour à Windows » (`against.ts`).
  // A sentence opening with « Elle » is read with the name the sentence before opens with (« La DINUM … [1]. Elle garde
  // Windows … [1]. », trial16 C3; `pronoun-subject.ts`) by the rules that read what a named subject did.
  const subjectNamed = withNamedSubject(stated, earlier) ?? stated;
  if (cited.length > 0) {
    const opposite =
      contradicted(stated, pool) ??
      contrasted(stated, pool) ??
      pairSwapped(stated, pool) ??
      neitherNor(stated, pool) ??
      neitherSaid(stated, pool) ??
      saidAgainst(subjectNamed, citedSentences(pool)) ??
      verbReversed(stated, pool) ??
      deniedOnly(stated, pool) ??
      oppositesSwapped(stated, pool) ??
      orderReversed(stated, pool) ??
      refusalAgainst(stated, pool) ??
      deniedVerbStated(stated, pool) ??
      restrictionSwapped(stated, pool) ??
      deniedClaimStated(stated, pool);
    if (opposite)
      reasons.push(
        message(cited.length === 1 ? "verify.contradiction" : "verify.contradictionMany", {
          where: w,
          quote: opposite,
        }),
      );
  }
  // « Ce plan doit couvrir … » after « Chaque commune doit formaliser … son propre plan »: the duty of the holder the
  // earlier sentence wrongly names (`carried-duty.ts`, trial16 C18).
  const dutyTakenUp =
    cited.length > 0 && reasons.length === 0 ? carriedDuty(stated, earlier, citedSentences(pool)) : null;
  if (dutyTakenUp) reasons.push(message("verify.dutyCarried", { where: w, ...dutyTakenUp }));
  // « plus aucune lacune fonctionnelle » where the passage lists the ones there are no more of (`list-scope.ts`).
  const dropped = cited.length > 0 && reasons.length === 0 ? listDropped(stated, pool) : null;
  if (dropped) reasons.push(message("verify.listDropped", { where: w, ...dropped }));
  // A figure credited to the other of two sources the cited passages set side by side, or given alone where they say
  // their sources diverge (`credited.ts`).
  if (cited.length > 0) {
    const credit = creditSwapped(stated, pool);
    if (credit) reasons.push(message("verify.sourceSwapped", { where: w, ...credit }));
    // The same claim, without a figure, credited to another source than the passage's (« selon la présidente de la
    // CNIL » where the passage says « selon le directeur général de l'ANSSI »).
    const claimCredit = credit ? null : claimCreditSwapped(stated, pool);
    if (claimCredit) reasons.push(message("verify.claimCreditSwapped", { where: w, ...claimCredit }));
    const diverging = credit ? null : divergingAlone(stated, pool);
    if (diverging) reasons.push(message("verify.divergingAlone", { where: w, ...diverging }));
    const unsaid = credit || diverging ? null : creditUnsaid(stated, pool);
    if (unsaid) reasons.push(message("verify.creditUnsaid", { where: w, credit: unsaid }));
  }
  // A frequency the cited passages limit (« souvent ») made absolute (« toujours ») (`hedged.ts`).
  if (cited.length > 0) {
    const hedge = hedgeDropped(stated, pool);
    if (hedge) reasons.push(message("verify.hedgeDropped", { where: w, ...hedge }));
    const absolute = hedge ? null : absoluteUnheld(stated, pool);
    if (absolute) reasons.push(message("verify.absoluteUnheld", { where: w, absolute }));
    // A total or guaranteed effect (« garantit », « met à l'abri », « rendra … impossible ») no cited passage says
    // (`total-effect.ts`).
    const effect = totalEffectUnsaid(stated, pool);
    if (effect) reasons.push(message("verify.totalEffectUnsaid", { where: w, words: effect }));
    // « trop petite pour … » no cited sentence says (`excess.ts`, trial25 T-H1).
    const excess = excessUnsaid(stated, pool);
    if (excess) reasons.push(message("verify.excessUnsaid", { where: w, words: excess }));
  }
  // What the cited passages say is not known, stated as known (`unknown.ts`).
  if (cited.length > 0) {
    const unknown = unknownAsKnown(stated, pool);
    if (unknown)
      reasons.push(
        message(cited.length > 1 ? "verify.unknownAsKnownMany" : "verify.unknownAsKnown", { where: w, quote: unknown }),
      );
  }
  // An alternative given another degree of replacement than the cited card gives it (`replacement.ts`).
  if (cited.length > 0) {
    const degree = replacementDegreeChanged(stated, pool);
    if (degree)
      reasons.push(
        message(degree.all ? "verify.replacementDegreeAll" : "verify.replacementDegree", {
          where: w,
          name: degree.name,
          degree: degree.degree,
        }),
      );
    const item = degree ? null : itemAttributeSwapped(stated, pool);
    if (item)
      reasons.push(
        "degree" in item
          ? message("verify.replacementDegree", { where: w, ...item })
          : message("verify.itemLicence", { where: w, ...item }),
      );
    const country = degree || item ? null : countryGivenToAll(stated, pool);
    if (country) reasons.push(message("verify.itemCountry", { where: w, ...country }));
    const all = allReplacedUnstated(stated, pool);
    if (all)
      reasons.push(
        message(citedIn.length === 1 ? "verify.allForSome" : "verify.allForSomeMany", { where: w, words: all }),
      );
  }
  // A figure given more precisely than the cited passages give it: « exactement » for « environ », « par an » for a
  // one-off amount, a range's bound alone (`precision.ts`).
  if (cited.length > 0) {
    const lost = precisionLost(stated, pool);
    if (lost) reasons.push(precisionReason(lost, w));
  }
  // A person of the passages in another's role or institution (`roles.ts`), a thing for another of its kind
  // (`complements.ts`).
  if (cited.length > 0) {
    const swapped =
      roleHolderSwapped(stated, pool) ??
      institutionSwapped(stated, pool) ??
      roleRaised(stated, pool) ??
      roleClaimed(stated, pool) ??
      agentSwapped(stated, pool) ??
      bodySwapped(stated, pool) ??
      makerSwapped(stated, pool) ??
      personItemSwapped(stated, pool) ??
      complementSwapped(stated, pool);
    if (swapped) reasons.push(message("verify.nameSwapped", { ...swapped, where: w }));
    // Who did what to whom, swapped on a verb the cited passage also has (`verb-roles.ts`, trial26 T-H1).
    const roleSwap = swapped ? null : rolesSwapped(subjectNamed, pool);
    if (roleSwap) reasons.push(message("verify.rolesSwapped", { ...roleSwap, where: w }));
    const ban = banUnstated(stated, pool);
    if (ban) reasons.push(message("verify.banUnstated", { where: w, word: ban }));
    const duty = ban ? null : dutyUnstated(stated, pool);
    if (duty) reasons.push(message("verify.dutyUnstated", { where: w, word: duty }));
    // « La commune sera soumise à NIS2 », « … oblige les collectivités à changer … »: an obligation of the collectivité
    // (or the collectivités) no cited clause poses on what it bears on, without reserve (`holder-duty.ts`).
    const bound =
      ban || duty
        ? null
        : holderDutyUnheld(
            stated,
            pool,
            facts.map((src) => src.sentences.map((ss) => ss.text).join(" ")),
          );
    if (bound) reasons.push(message("verify.holderDutyUnheld", { where: w, words: bound }));
    // « … est illégal pour les collectivités depuis octobre 2025 »: a rule no cited sentence holds (`legal-rules.ts`).
    const rule = ban || duty ? null : ruleUnheld(stated, pool, short);
    if (rule)
      reasons.push(
        rule.date
          ? message("verify.ruleDateUnheld", { where: w, words: rule.words, date: rule.date })
          : message("verify.ruleUnheld", { where: w, words: rule.words }),
      );
    // « Microsoft 365 est conforme » where the cited sentence says it of SecNumCloud (`legal-rules.ts`, trial24 T-H1).
    const status = rule ? null : statusOfAnother(stated, pool);
    if (status) reasons.push(message("verify.statusOfAnother", { where: w, ...status }));
    // A duty put on the reader or their things (« Vos postes doivent être remplacés ») no cited sentence states
    // (`reader-duty.ts`, trial18 F1).
    const onReader = ban || duty ? null : readerDuty(stated, pool);
    if (onReader) reasons.push(message("verify.readerDuty", { where: w, word: onReader }));
    // An order to the reader whose action a cited sentence sets aside (« sans désinstallation »), or, when the sentence
    // is only that order, that no cited sentence speaks of (`reader-order.ts`, trial22 T-H1).
    const order = orderHeld(stated, pool);
    if (order?.against)
      reasons.push(message("verify.orderAgainst", { where: w, verb: order.verb, quote: order.against }));
    else if (order && !onReader && !statesWithoutOrder(stated))
      reasons.push(message("verify.orderUnsaid", { where: w, verb: order.verb }));
    const unstated = swapped ? null : roleUnstated(stated, pool);
    if (unstated) reasons.push(message("verify.roleUnstated", { ...unstated, where: w }));
    // « X, <rôle> de Y, a fait … »: the apposition's role, where the passages give the person another or none.
    const apposed = swapped || unstated ? null : appositionRoleUnstated(stated, pool);
    if (apposed)
      reasons.push(
        apposed.other
          ? message("verify.appositionRoleOther", { ...apposed, other: apposed.other, where: w })
          : message("verify.appositionRole", { name: apposed.name, role: apposed.role, where: w }),
      );
  }
  // More than the cited passages allow: uniqueness they do not state, a possibility or an unconfirmed point stated as
  // done, what they warn against (`uniqueness.ts`, `modality.ts`, `warned.ts`).
  if (cited.length > 0) {
    const only = onlyUnstated(stated, pool);
    if (only) reasons.push(message("verify.onlyUnstated", { where: w, words: only }));
  }
  // A judgment in the superlative (« le meilleur outil ») that no passage checked makes (`superlative.ts`, trial19 G9);
  // for a sentence citing nothing, against all the passages (a document's uncited sentences are the sender's own).
  if (cited.length > 0 || (citedIn.length === 0 && facts.length === 0)) {
    const best = superlativeUnheld(stated, pool);
    if (best) reasons.push(message("verify.superlativeUnheld", { where: w, words: best }));
  }
  if (cited.length > 0) {
    const possible = possibleAsDone(stated, pool);
    if (possible) reasons.push(message("verify.possibleAsDone", { where: w, ...possible }));
    // Advice of the passage (« peut faire ») restated as a duty (« doit »), `advice-duty.ts`.
    // … unless it is the note's own advice to the collectivité (« Bréhaval doit d'abord vérifier si … »).
    const advice = adviceToRecipient(stated, pool, facts) ? null : adviceAsDuty(stated, pool);
    if (advice) reasons.push(message("verify.adviceAsDuty", { where: w, quote: advice }));
    const unconfirmed = unconfirmedAsConfirmed(stated, pool);
    if (unconfirmed) reasons.push(message("verify.unconfirmed", { where: w, quote: unconfirmed }));
    const warned =
      statedInexact(stated, pool) ?? joinedAgainstWarning(stated, pool) ?? attributedToRuledOut(stated, pool);
    if (warned) reasons.push(message("verify.warnedAgainst", { where: w, quote: warned }));
    // What a passage given to the model, cited or not, calls inexact, stated (`called-inexact.ts`, trial26 T-H2).
    const called = warned ? null : calledInexact(subjectNamed, sources, earlier);
    if (called) reasons.push(message("verify.calledInexact", { ...called }));
    const denied = deniedActStated(stated, pool) ?? deniedNounStated(stated, pool) ?? licenceOpposite(stated, pool);
    if (denied)
      reasons.push(
        message(cited.length === 1 ? "verify.contradiction" : "verify.contradictionMany", { where: w, quote: denied }),
      );
    // An act no cited passage gives anyone (« préside le jury », `role-acts.ts`); a point given to check stated as
    // fact (`to-check.ts`).
    const reason = denied ? null : reasonReplaced(stated, pool);
    if (reason) reasons.push(message("verify.reasonReplaced", { where: w, quote: reason }));
    // A reason (« parce que … ») whose words the cited passages do not write (`reason-unsaid.ts`).
    const unsaidReason = denied || reason ? null : reasonUnsaid(stated, pool);
    if (unsaidReason)
      reasons.push(
        message("verify.reasonUnsaid", {
          where: w,
          reason: unsaidReason.reason,
          words: unsaidReason.words.map((x) => `« ${x} »`).join(", "),
        }),
      );
    const audience = denied ? null : audienceUnstated(stated, pool);
    if (audience) reasons.push(message("verify.audience", { where: w, ...audience }));
    const swappedPublic = denied || audience ? null : publicSwapped(stated, pool);
    if (swappedPublic) reasons.push(message("verify.publicSwapped", { where: w, ...swappedPublic }));
    const act = actNotGiven(stated, pool);
    if (act) reasons.push(message("verify.actNotGiven", { where: w, ...act }));
    const toCheck = toCheckAsFact(stated, pool);
    if (toCheck) reasons.push(message("verify.toCheck", { where: w, quote: toCheck }));
  }
  // A generalisation to a whole category that cites no passage (`sweeping.ts`).
  if (citedIn.length === 0) {
    const sweeping = sweepingUncited(stated);
    if (sweeping) reasons.push(message("verify.sweepingUncited", { words: sweeping }));
  }
  // What the passages only report (« serait hébergé par … », « ont affirmé que … ») stated as established.
  if (cited.length > 0) {
    const quote = reportedAsFact(stated, pool);
    if (quote) reasons.push(message("verify.reportedAsFact", { where: w, quote }));
  }
  // Every word found, yet more than the passage says: a plan stated as done, « tous » for some, a country for its
  // ministry, another duty holder, a denial reported as a confirmation (`overstated.ts`).
  if (cited.length > 0 && reasons.length === 0) {
    const over = overstated(stated, citedSentences(pool));
    if (over) reasons.push(overstatedReason(over, w, cited.length));
  }
  // An admission of an act a given passage has the same actor contest (« a reconnu avoir coupé », `admitted.ts`).
  if (cited.length > 0 && reasons.length === 0) {
    const quote = admittedContested(stated, sources);
    if (quote) reasons.push(message("verify.admittedContested", { quote }));
    const actor = quote ? null : admissionUnwritten(stated, pool);
    if (actor) reasons.push(message("verify.admissionUnwritten", { where: w, actor }));
  }
  // An unnamed collectivité (« Une mairie bretonne a vu … ») where no cited passage speaks of one (`indefinite-actor.ts`).
  const unnamed = cited.length > 0 && reasons.length === 0 ? indefiniteActorUnstated(stated, pool) : null;
  if (unnamed) reasons.push(message("verify.indefiniteActor", { where: w, actor: unnamed }));
  // After the rules above, which say it more precisely when they see it (a plan stated as done): a clause the cited
  // passages write in the conditional (« un autre prédisait qu'un outil … fonctionnerait mal »), stated as fact.
  if (cited.length > 0 && reasons.length === 0) {
    const quote = reportedAsFact(stated, pool, true);
    if (quote) reasons.push(message("verify.reportedAsFact", { where: w, quote }));
  }
  // After the rules above, which say it more precisely when they see it (a planned decree stated in force): an
  // obligation, whoever it is said of, where the cited passage says there is none (« Un comité de pilotage est
  // obligatoire » on « il n'y a pas d'obligation »), or given to a law no cited passage speaks of (`obligations.ts`).
  if (cited.length > 0 && reasons.length === 0) {
    const denied = obligationDenied(stated, pool);
    if (denied) reasons.push(message("verify.obligationDenied", { where: w, ...denied }));
    const law = denied ? null : lawUnstated(stated, pool);
    if (law) reasons.push(message("verify.lawUnstated", { where: w, words: law }));
  }
  // A change the cited passages say gradual stated as done (`gradual.ts`), when nothing more precise was said of it
  // (« tous les services » for « des services » is `overstated.ts`'s).
  if (cited.length > 0 && reasons.length === 0) {
    const gradual = gradualAsDone(stated, pool);
    if (gradual)
      reasons.push(
        message(cited.length > 1 ? "verify.gradualAsDoneMany" : "verify.gradualAsDone", { where: w, quote: gradual }),
      );
  }
  // After the checks above, which say the same more precisely when they see it (a plan stated as done): a figure the
  // cited passages give only as a party's claim or a point discussed, stated as fact (`figure-reserve.ts`).
  const reserve = cited.length > 0 && !reserveBeside ? figureReserveLost(stated, pool) : null;
  // One reason per figure: the qualification the source gives it (`verify.qualificationLost`) says it already.
  if (reserve && !reasons.some((r) => r.includes(`« ${reserve.figure} »`)))
    reasons.push(
      message(reserve.kind === "claimed" ? "verify.figureClaimed" : "verify.figureEnvisaged", {
        where: w,
        figure: reserve.figure,
        words: reserve.words,
      }),
    );
  // A claim the cited passage quotes only to correct it (« … est donc inexact »), repeated as fact (trial15 A23).
  const corrected = cited.length > 0 ? correctedClaimRepeated(stated, pool) : null;
  if (corrected) reasons.push(message("verify.claimCorrected", { where: w, ...corrected }));
  // A word the cited passages write only in what they rule out (« , non d'un bilan audité »), stated (`ruled-out-word.ts`).
  // Or likened to what they set against it (« Comme le CLOUD Act, … » for « Contrairement au CLOUD Act, … »: `likened.ts`).
  const ruledWord =
    cited.length > 0 && reasons.length === 0
      ? (ruledOutWordStated(stated, pool) ??
        ((quote) => (quote ? { word: "", quote } : null))(likenedAgainst(stated, pool)))
      : null;
  if (ruledWord)
    reasons.push(
      message(cited.length === 1 ? "verify.contradiction" : "verify.contradictionMany", {
        where: w,
        quote: ruledWord.quote,
      }),
    );
  // Without figures, the content of a citing sentence must be found in what it cites (a sentence citing nothing
  // and stating no figure is a proposal or a formula: « Nous restons à votre disposition »).
  // The user's own figures (« une commune de 2 700 habitants ») are context, not claims: a sentence whose only figures
  // they are states its words, which must be found as in a sentence without figures (trial19 G1: « Une commune de 2 700
  // habitants échappe à toute obligation de cybersécurité [1] »).
  const ownFiguresOnly = figures.length > 0 && figures.every((f) => asked.figures.some((a) => figureMatches(f, a)));
  if ((figures.length === 0 || ownFiguresOnly) && inWords.length === 0 && cited.length > 0) {
    // Words saying what a product or its vendor is (« une solution … développée par une entreprise allemande »), in a
    // sentence naming a name of the passages whose other words are all found: what a catalog card says by its fields.
    // What the note advises the collectivité it is written for is its proposal, not a fact of the passages.
    // « La fiche ne propose pas d'alternative »: true when the card gives none (`card-denial.ts`).
    const denial = cardDenial(sentence, pool, earlier);
    if (denial !== null) {
      if (denial) reasons.push(message("verify.contradiction", { where: w, quote: denial }));
      return [...new Set(reasons)];
    }
    // A document's recommendation (« Profiter de cette échéance pour tester … ») holds its verbs as the note's proposal.
    const proposal = recommendationVerbs(sentence, facts);
    const words0 = [...new Set(contentWords(listedOnly(withoutAdvice(sentence, pool, facts))))].filter(
      (c) => !proposal.has(c),
    );
    // An announcement takes two of its words (« Plusieurs enseignements ressortent ») : « plusieurs collectivités ont
    // réduit leur dépendance » alone states something, and is checked as it is.
    const announces = words0.filter((c) => ANNOUNCE_WORDS.has(c)).length >= 2;
    const said = words0.filter((c) => !announces || !ANNOUNCE_WORDS.has(c));
    // A word of the passage's family counts (« créer » for « Création », `derivations.ts`). The question of the data
    // (« Question posée : … oblige-t-elle notre commune … à changer de logiciels ? ») lends no word to a sentence citing
    // a passage that states an obligation: « NIS2 impose aux collectivités de remplacer leurs logiciels américains [1] »
    // (trial15 A12). A sentence answering the question otherwise speaks of what it asks (« … de garder Norton »).
    const wordBags = citedIn.length > 0 && statesDuty(stated) ? [...bag(pool), ...facts.map(unaskedBag)] : bags;
    // A sentence whose only figures are the user's own may take up the user's words as well (« Votre commune de 8 500
    // habitants … n'est donc pas concernée »).
    const askedBag = ownFiguresOnly ? asked.bag : undefined;
    const found = (c: string) =>
      wordBags.some((b) => wordIn(c, b) || derivedIn(c, b)) || (askedBag !== undefined && wordIn(c, askedBag));
    // A sentence citing nothing that is a formula (« Nous restons à votre disposition »), a reserve or advice to the
    // reader (« Il convient de vérifier ces chiffres », `uncited-caveats.txt`) says nothing of the passages.
    if (citedIn.length === 0 && uncitedCaveat(sentence)) return [...new Set(reasons)];
    // A sentence about the catalog or a card of it (« Le catalogue le range parmi … », « Tous deux sont des logiciels
    // libres »), where a cited passage is a card: its words for the catalog do not count; what remains, when it is
    // under three words, must all be found.
    // A sentence about the sources keeps its own rule below.
    const card =
      !ABOUT_SOURCES.test(sentence.replace(/\*\*|__/g, "").trim()) &&
      pool.some((src) => src.sentences.some((ss) => CARD_FIELD.test(ss.text)));
    const framed = card
      ? [...new Set(contentWords(withoutPronounCounts(listedOnly(withoutAdvice(sentence, pool, facts)))))].filter(
          (c) => !CARD_WORDS.has(c) && !proposal.has(c) && (!announces || !ANNOUNCE_WORDS.has(c)),
        )
      : said;
    // A document's recommendation is not a claim checked word for word: its figures, dates and names are, above.
    if (proposal.size > 0) return [...new Set(reasons)];
    if (framed.length < said.length && framed.length < 3) {
      const missing = framed.filter((c) => !found(c));
      if (missing.length > 0)
        reasons.push(message("verify.wordsNotFound", { where: w, words: missing.map((m) => `« ${m} »`).join(", ") }));
      return [...new Set(reasons)];
    }
    const all = framed;
    const naming = namesOf(sentence).some((n) => bags.some((b) => nameIn(words(n).join(" "), b)));
    const described = naming ? all.filter((c) => !PRODUCT_WORDS.has(c)) : all;
    const content = described.length >= 3 && described.every(found) ? described : all;
    if (content.length >= 3) {
      const missing = content.filter((c) => !found(c));
      // A sentence about the sources describes them in its own words: only what it is about must be in them.
      const min = ABOUT_SOURCES.test(sentence.replace(/\*\*|__/g, "").trim())
        ? ABOUT_SOURCES_COVERAGE
        : MIN_CLAIM_COVERAGE;
      if ((content.length - missing.length) / content.length < min - 1e-9) {
        reasons.push(
          (wordsReason = message("verify.wordsNotFound", {
            where: w,
            words: missing
              .slice(0, 5)
              .map((m) => `« ${m} »`)
              .join(", "),
          })),
        );
      }
    }
  }
  // The whole sentence's words found, but not those of the clause appended at its end (« …, sans aucune formation des
  // agents »): an invented detail hidden by the copied words (`appended.ts`).
  if (figures.length === 0 && inWords.length === 0 && cited.length > 0 && reasons.length === 0) {
    const appended = appendedUnsaid(stated, pool, facts);
    if (appended)
      reasons.push(
        message("verify.appendedUnsaid", {
          where: w,
          clause: appended.clause,
          words: appended.words.map((x) => `« ${x} »`).join(", "),
        }),
      );
  }
  // An outcome stated of a named subject (« QBO a migré », « a accepté », « ont obtenu ») that no cited sentence about
  // it says, or only a request does (trial15 A6, A14; `outcomes.ts`).
  // « de 26 à 23 » where the passage writes « de 23 à 26 »: the other direction (`change-direction.ts`, trial22 T-H5).
  const reversed = cited.length > 0 ? changeReversed(stated, pool) : null;
  if (reversed) reasons.push(message("verify.changeReversed", { ...reversed, where: w }));
  const outcome = cited.length > 0 && reasons.length === 0 ? outcomeUnsaid(subjectNamed, pool) : null;
  if (outcome)
    reasons.push(
      outcome.other
        ? message("verify.outcomeOfAnother", {
            where: w,
            outcome: outcome.outcome,
            name: outcome.name,
            other: outcome.other,
          })
        : outcome.asked
          ? message("verify.outcomeAsked", {
              where: w,
              outcome: outcome.outcome,
              name: outcome.name,
              quote: outcome.asked,
            })
          : message(citedIn.length === 1 ? "verify.outcomeUnsaid" : "verify.outcomeUnsaidMany", {
              where: w,
              outcome: outcome.outcome,
              name: outcome.name,
            }),
    );
  // A peer's outcome promised to the collectivité (« Comme Échirolles, Lanvénec-sur-Blavet obtiendra le niveau Or »,
  // trial17 D3; `peer-outcome.ts`).
  const promised = cited.length > 0 && reasons.length === 0 ? peerOutcome(stated, pool, facts) : null;
  if (promised) reasons.push(message("verify.peerOutcome", { where: w, ...promised }));
  // Who did it or by what means (« validé par la préfecture »), a word no cited passage writes (`outcomes.ts`).
  const agent = cited.length > 0 && reasons.length === 0 ? agentUnsaid(stated, pool) : null;
  if (agent) reasons.push(message("verify.agentUnsaid", { where: w, phrase: agent }));
  // A change of software with its sides swapped, a return no cited passage reports, a maker that is the other side of
  // a change (`move-roles.ts`, trial25 T-H1).
  // Read when nothing else is said of the sentence (its reasons stay those of the checks before).
  const roles = cited.length > 0 && reasons.length === 0 ? moveRoleAgainst(stated, pool) : null;
  if (roles)
    reasons.push(
      message(
        roles.kind === "return"
          ? "verify.returnUnsaid"
          : roles.kind === "maker"
            ? "verify.makerIsChange"
            : "verify.changeReversed",
        { stated: roles.stated, passage: roles.passage, where: w },
      ),
    );
  // Every word found elsewhere: the sentence is another given passage's, cited to the wrong one (`misplaced.ts`); said
  // so in place of the words the cited passage lacks.
  if (cited.length > 0 && reasons.every((r) => r === wordsReason)) {
    const misplaced = misplacedCitation(stated, cited, sources);
    if (misplaced)
      reasons.splice(
        0,
        reasons.length,
        message("verify.misplaced", {
          where: w,
          n: misplaced.n,
          words: misplaced.missing
            .slice(0, 5)
            .map((m) => `« ${m} »`)
            .join(", "),
        }),
      );
  }
  // A document's sentence on what the collectivité's own people think (« Les élus du conseil municipal soutiennent
  // tous ce projet. »), cited or not, that neither its data nor any passage writes (`own-people.ts`, trial18 F2).
  const people =
    facts.length > 0 && reasons.length === 0
      ? ownPeopleUnsaid(
          stated,
          [...sources, ...facts].map((src) => src.sentences.map((ss) => ss.text).join(" ")),
        )
      : null;
  if (people) reasons.push(message("verify.ownPeopleUnsaid", { said: people }));
  // A result already obtained (« Cet objectif est déjà à moitié atteint »), that neither the data nor a passage writes.
  const result =
    facts.length > 0 && reasons.length === 0
      ? ownResultUnsaid(
          stated,
          [...sources, ...facts].map((src) => src.sentences.map((ss) => ss.text).join(" ")),
        )
      : null;
  if (result) reasons.push(message("verify.ownResultUnsaid", { word: result }));
  // An act or a state of the collectivité said done (« Le conseil municipal a déjà adopté cette délibération [1] »), or
  // an act done to it, that its data do not say: the passages speak of others (`own-acts.ts`).
  const act =
    facts.length > 0 && reasons.length === 0 && (citedIn.length > 0 || checkUncited)
      ? ownActUnsaid(
          stated,
          // What the data state, not the question they ask (« Faut-il remplacer Microsoft Defender … ? »).
          facts.map((src) => src.sentences.flatMap((ss) => (ss.asks ? [] : [ss.text])).join(" ")),
          pool.map((src) => src.sentences.map((ss) => ss.text).join(" ")),
        )
      : null;
  if (act) reasons.push(message("verify.ownActUnsaid", { said: act }));
  // Last, when nothing more precise was found (or only missing words): an absolute of extent (« complètement », « à
  // l'unanimité », « toutes les mairies ») no cited clause holds (`totality.ts`, faithful52).
  const total = cited.length > 0 && reasons.every((r) => r === wordsReason) ? totalityUnheld(stated, withFacts) : null;
  if (total) reasons.push(message("verify.totalityUnheld", { where: w, words: total }));
  return [...new Set(reasons)];
}

/** The bag of a data source without its question (`SourceSentence.asks`): what the data state, not what they ask. */
function unaskedBag(src: Source): Bag {
  if (!src.sentences.some((ss) => ss.asks)) return src.bag;
  return bagOf(
    src.sentences
      .filter((ss) => !ss.asks)
      .map((ss) => ss.text)
      .join("\n"),
  );
}

/** Words by which a sentence announces the ones after it (`server/i18n/fr/announce-words.txt`), folded. */
const ANNOUNCE_WORDS = new Set(wordList("announce-words.txt").flatMap((w) => words(w)));

/**
 * A sentence that counts what it lists after a colon (« Trois pistes existent : LibreOffice, Grist ou PostgreSQL »),
 * with as many items as it counts: only the list, its lead-in announces it. Any other sentence as it is.
 */
function listedOnly(text: string): string {
  const m = /^([^:]{0,80}?)\s*:\s*([^:]+)$/u.exec(text);
  if (!m) return text;
  const lead = words(m[1]!);
  const counted = lead.map((x) => NUMBER_WORDS[x] ?? (/^\d+$/.test(x) ? Number(x) : undefined)).find((n) => n);
  const items = withoutReferences(m[2]!)
    .replace(/[.!]\s*$/, "")
    .split(/\s*,\s*|\s+(?:et|ou)\s+/u)
    .filter((x) => /\p{L}/u.test(x));
  return counted !== undefined && counted === items.length && items.length >= 2 ? m[2]! : text;
}

/** Words by which a sentence speaks of the catalog or a card of it (`server/i18n/fr/card-words.txt`), folded. */
const CARD_WORDS = new Set(wordList("card-words.txt").flatMap((w) => words(w)));
/** A field of a catalog card (« Éditeur : … », « Alternatives : … »). */
const CARD_FIELD = /(?:^|\n)\s*(?:Éditeur|Alternatives|Apparaît dans les inventaires[^:\n]*)\s*:/u;
/** A sentence without a count that stands for what it counts (« tous deux », « aucun des deux »). */
const withoutPronounCounts = (text: string) =>
  text.replace(
    /(?<!\p{L})(?:(?:tous|toutes)\s+(?:deux|trois)|(?:aucun|aucune|chacun|chacune|l['’]un|l['’]une)\s+des\s+(?:deux|trois))(?!\p{L})/giu,
    " ",
  );

/** Verbs by which a note advises the collectivité it is written for (`server/i18n/fr/advice-verbs.txt`), folded. */
const ADVICE_VERBS = new Set(wordList("advice-verbs.txt").map((w) => fold(w)));

/**
 * A sentence without the part where it advises the collectivité it is written for (a name only the data gives, with a
 * verb of `advice-verbs.txt`: « Comme Boé, Kervallon pourrait passer ses postes sous Linux avec une petite équipe : deux
 * agents y ont suffi pour soixante postes » → « deux agents y ont suffi pour soixante postes »), when the rest states
 * something (at least three content words); else the sentence as it is.
 */
function withoutAdvice(sentence: string, pool: Source[], facts: Source[]): string {
  if (facts.length === 0) return sentence;
  const parts = withoutReferences(sentence).split(/\s[:;]\s|\s[—–]\s/);
  if (parts.length < 2) return sentence;
  const recipient = (name: string) => {
    const folded = words(name).join(" ");
    return facts.some((f) => inBag(folded, f.bag)) && !pool.some((s) => inBag(folded, s.bag));
  };
  const advice = (part: string) => namesOf(part).some(recipient) && words(part).some((w) => ADVICE_VERBS.has(w));
  const rest = parts.filter((p) => !advice(p)).join(" ; ");
  return rest.length < parts.join(" ; ").length && contentWords(rest).length >= 3 ? rest : sentence;
}

/** The cited passages' sentences as `overstated.ts` reads them: without source references, headings marked. */
const citedSentences = (pool: Source[]): CitedSentence[][] =>
  pool.map((src) =>
    src.sentences.map((ss) => ({ text: withoutReferences(ss.text), heading: ss.inHeading || ss.text === ss.heading })),
  );

/** The reason for what `overstated` found. */
function overstatedReason(o: Overstatement, where: string, cited: number): string {
  switch (o.kind) {
    case "denied":
      return message(cited === 1 ? "verify.contradiction" : "verify.contradictionMany", { where, quote: o.quote });
    case "planned":
      return message("verify.planned", { where, quote: o.quote });
    case "all":
      return message(cited === 1 ? "verify.allForSome" : "verify.allForSomeMany", { where, words: o.words });
    case "most":
      return message(cited === 1 ? "verify.mostForSome" : "verify.mostForSomeMany", { where, words: o.words });
    case "part":
      return message("verify.wholeForPart", { where, whole: o.whole, part: o.part });
    case "duty":
      return message("verify.dutyHolder", { where, claimed: o.claimed, quote: o.quote });
    case "collectivityDuty":
      return message("verify.collectivityDuty", { where, claimed: o.claimed });
  }
}

/** The reason for what `precisionLost` found. */
function precisionReason(p: PrecisionLoss, where: string): string {
  switch (p.kind) {
    case "exact":
      return message("verify.exactForApprox", { where, figure: p.figure, word: p.word });
    case "period":
      return message("verify.periodAdded", { where, figure: p.figure, period: p.period });
    case "bound":
      return message("verify.boundOfRange", { where, range: p.range });
    case "total":
      return message("verify.totalOfPeriod", { where, total: p.total, quote: p.quote });
  }
}

/**
 * Whether `name` opens words of the sentence whose initials make an acronym the passages write (« l'Union européenne »
 * where they write « UE », « Direction générale des finances publiques » for « DGFiP » is left to the words): the
 * sentence spells out what the passages abbreviate. Two to five words, small words (« de », « des ») skipped.
 */
function acronymOfSpelledOut(sentence: string, name: string, pool: Source[]): boolean {
  const at = sentence.indexOf(name);
  if (at < 0) return false;
  const after = sentence.slice(at).match(/\p{L}+/gu) ?? [];
  const texts = pool.flatMap((src) => src.sentences.map((ss) => ss.text));
  // Written as an acronym, in capitals (« UE »), not a word the initials happen to spell (« en »).
  const written = (acronym: string) => texts.some((t) => new RegExp(`(?<!\\p{L})${acronym}(?!\\p{L})`, "u").test(t));
  let initials = "";
  let counted = 0;
  for (const word of after.slice(0, 8)) {
    if (ACRONYM_SKIPS.has(fold(word))) continue;
    initials += fold(word)[0]!.toUpperCase();
    counted++;
    if (counted >= 2 && written(initials)) return true;
    if (counted >= 5) break;
  }
  return false;
}

/**
 * A sentence that only says the passages do not speak of something (« Les passages fournis ne parlent pas de X », « Le
 * passage ne mentionne pas X »): it states nothing to find in them, and the name it sets aside is not there by
 * definition. Verbs are data (`server/i18n/fr/not-about-verbs.txt`); the sentence must end after the subject set aside.
 */
const NOT_ABOUT = new RegExp(
  `^(?:(?:en revanche|toutefois|cependant|mais|par ailleurs)\\s*,?\\s*)?(?:les|ces|le|ce)\\s+(?:sources?|passages?|documents?|textes?|extraits?|corpus)(?:\\s+(?:cités?|citées|fournis|consultés?|disponibles))?\\s+(?:ne|n['’])\\s*(?:${wordList(
    "not-about-verbs.txt",
  )
    .map(escapeRegExp)
    .join(
      "|",
    )})\\s+(?:pas|rien|jamais|nullement)\\b(?:\\s+(?:de|du|des|d['’]|à propos d['’]|à propos de|sur))?\\s*[^,;:.!?]{1,60}[.!?]?$`,
  "iu",
);

/** Expressions of a reserve or advice to the reader, in a sentence citing nothing (`uncited-caveats.txt`). */
const UNCITED_CAVEATS = wordLines("uncited-caveats.txt").map((l) => fold(l).replace(/’/g, "'"));

/** Whether a sentence citing nothing is a reserve or advice to the reader (« Il convient de vérifier ces chiffres »). */
const uncitedCaveat = (sentence: string) => {
  const folded = ` ${fold(sentence).replace(/’/g, "'")} `;
  return UNCITED_CAVEATS.some((c) => new RegExp(`(?<![\\p{L}])${escapeRegExp(c)}(?![\\p{L}])`, "u").test(folded));
};

/**
 * Whether a sentence states something checkable: a figure, a name, at least three content words, or an order to the
 * reader, whatever its length (« Désinstallez-le immédiatement [1] », `reader-order.ts`, trial22 T-H1).
 */
function isClaim(sentence: string, cited = false): boolean {
  const bare = sentence.replace(/\[\d+\]/g, "").trim();
  if (NOT_ABOUT.test(bare.replace(/(?<!\s)\s+([.!?])$/, "$1"))) return false;
  if (NO_CLAIM.test(bare) || asksOnly(bare) || /^#+\s/.test(bare) || /^\|?[\s:|-]+\|?$/.test(bare)) return false;
  return statesWithoutOrder(bare) || orderedAction(bare) !== null || (cited && shortClaim(bare));
}

/**
 * A short sentence that still states something checkable when it cites a passage: a legal status (« Oui, c'est
 * obligatoire [1]. », « C'est la loi [1]. ») or a nationality (« Non, il est suisse [1]. »), trial24 T-H8.
 */
const shortClaim = (bare: string) => !statesWithoutOrder(bare) && (statesStatus(bare) || statesNationality(bare));

/** Whether a sentence states something checkable besides an order: a figure, a name, or three content words. */
const statesWithoutOrder = (bare: string) =>
  extractFigures(bare).length > 0 ||
  durationsInWords(bare).length > 0 ||
  namesOf(bare).length > 0 ||
  contentWords(bare).length >= 3 ||
  statesPassive(bare);

/**
 * The longest sentence the verifier reads (characters): the longest a model wrote in every evaluation set and example
 * is under 1,000 (a table row, a list of sources). A longer one is marked unsupported, « trop longue pour être
 * vérifiée », rather than read.
 */
export const SENTENCE_MAX_LENGTH = 1500;

/**
 * Verifies a generated text against the passages given to the model (numbered as the model saw them).
 * @example verifyText("La Gendarmerie a économisé 95 millions d'euros [1].", [{ n: 1, text: "… 2 millions d'euros par an …" }])
 * // → one sentence, status "unsupported", reason « le chiffre « 95 millions d'euros » ne figure pas dans le passage cité »
 */
export function verifyText(text: string, passages: VerifyPassage[], options: VerifyOptions = {}): Verification {
  const sources = passages.map((p) => toSource(p.n, p.text));
  const facts = (options.facts ?? []).filter(Boolean).map((f) => toSource(null, f));
  const asked = askedOf(options.asked ?? []);
  const valid = new Set(passages.map((p) => p.n));
  const uncited = options.checkUncited ?? false;
  const model = options.modelText ? canonSpaces(options.modelText) : "";
  /** Whether a sentence citing nothing is checked as a cited one: always (`checkUncited`), or the model's own. */
  const checksUncited = (sentence: string) =>
    uncited || (model.length > 0 && model.includes(canonSpaces(withoutNotes(sentence))));
  const sentences: SentenceCheck[] = [];
  const spans = sentenceSpans(text);
  for (const [i, span] of spans.entries()) {
    const beside = reserveKeptBeside(spans[i - 1]?.text ?? "", span.text, spans[i + 1]?.text ?? "");
    const numbers = citationNumbers(span.text);
    const citations = numbers.filter((n) => valid.has(n));
    const invalidCitations = numbers.filter((n) => !valid.has(n));
    let status: SentenceStatus;
    let reasons: string[] = [];
    const checked = () =>
      checkSentence(
        span.text,
        citations,
        sources,
        facts,
        asked,
        beside,
        text.slice(0, span.start),
        checksUncited(span.text),
        options.question,
        options.today,
      );
    if (span.text.length > SENTENCE_MAX_LENGTH) {
      // Not read: every check reads a sentence once per figure or name, so a hostile run-on would stall the server.
      status = invalidCitations.length ? "invalid-citation" : "unsupported";
      reasons = [
        ...invalidCitations.map((n) => message("verify.invalidCitation", { n })),
        message("verify.tooLong", { length: formatInt(span.text.length), max: formatInt(SENTENCE_MAX_LENGTH) }),
      ];
    } else if (invalidCitations.length) {
      status = "invalid-citation";
      reasons = invalidCitations.map((n) => message("verify.invalidCitation", { n }));
      if (isClaim(span.text)) reasons.push(...checked());
    } else if (!isClaim(span.text, citations.length > 0 || checksUncited(span.text))) {
      status = "no-claim";
    } else {
      reasons = checked();
      // A sentence saying only that the passages do not give something, whose one reason is that its words are not in
      // them (`said-absent.ts`, faithful54): it asserts nothing to find there.
      const silent =
        citations.length > 0 && saysPassagesSilent(span.text) && onlyWordsMissing(reasons, where(citations));
      if (silent) reasons = [];
      const ahead = options.today ? doneAhead(span.text, options.today) : null;
      if (ahead) reasons.push(message("verify.doneAhead", { ...ahead, today: frenchDate(options.today!) }));
      // A conclusion for the commune whose only reason is that its words are not in what it cites (`inference.ts`).
      const inference = inferenceReason(span.text, citations, reasons, where(citations));
      reasons = inference ? [inference] : withoutCompared(reasons);
      // A legal or sweeping conclusion the model draws (« n'a donc aucune obligation », « est donc tenue de »): no
      // passage writes it, so its words passing the checks prove nothing (trial17 D2, D3).
      const cited = passages.filter((p) => citations.includes(p.n)).map((p) => p.text);
      // Citing nothing, the model's own conclusion is read against all the passages it was given (trial22 T-H2:
      // « Vernouillac doit donc lancer son plan dès 2027. » after a duty no passage gives communes).
      const own = citations.length === 0 && checksUncited(span.text);
      const sweeping =
        reasons.length === 0 && (cited.length > 0 || own)
          ? sweepingConclusion(span.text, own ? passages.map((p) => p.text) : cited)
          : null;
      // « Votre commune n'a donc aucune obligation » from a cited sentence that reserves the obligation to others: the
      // model's deduction (`no-duty-held.ts`, trial22 T-M5).
      const deduced = sweeping !== null && dutyHeldByOthers(span.text, cited);
      if (deduced) reasons = [message(citations.length > 1 ? "verify.inferenceMany" : "verify.inference")];
      else if (sweeping)
        reasons = [
          message(own ? "verify.sweepingConclusionUncited" : "verify.sweepingConclusion", { words: sweeping }),
        ];
      status = inference || deduced ? "inference" : reasons.length ? "unsupported" : silent ? "no-claim" : "supported";
    }
    sentences.push({ ...span, status, citations, invalidCitations, reasons });
  }
  // What the asker says they did, denied or asked again; a risk denied against a card's exposure (`asker-context.ts`).
  return askerContradictions(verificationOf(sentences), options.question ?? "", passages);
}

/** A text with its spaces made single and its ends trimmed (a sentence compared with the text it was cut from). */
const canonSpaces = (text: string) => text.replace(/\s+/g, " ").trim();

/** A verification of checked sentences, its counts following them (also for sentences re-judged afterwards). */
export function verificationOf(sentences: SentenceCheck[]): Verification {
  const count = (s: SentenceStatus) => sentences.filter((x) => x.status === s).length;
  return {
    sentences,
    counts: {
      sentences: sentences.length,
      supported: count("supported"),
      unsupported: count("unsupported"),
      inferred: count("inference"),
      invalidCitation: count("invalid-citation"),
      noClaim: count("no-claim"),
      invalidMarkers: sentences.reduce((n, s) => n + s.invalidCitations.length, 0),
    },
  };
}

/** Whether a verification found something a reader must see (an unsupported sentence or an invalid citation). */
export const hasProblems = (v: Verification) => v.counts.unsupported + v.counts.invalidCitation > 0;
