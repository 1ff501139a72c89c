/**
 * Grounded answers: retrieve, keep the passages that really match, then either stream a generated answer from
 * the local model (passages budgeted to fit its context window, inside delimited blocks of the user turn) or,
 * without a model, quote the passages (extractive mode). Failures of the model fall back to extractive mode.
 */

import { firstPersonClauses } from "../core/first-person.ts";
import { fold, localDay } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { loadTemplate, readPrompt } from "../llm/prompts.ts";
import type { ChatTurn, ModelProvider, Usage } from "../llm/types.ts";
import { withoutAbbreviations } from "../retrieval/abbreviations.ts";
import { missingThing, unheldDetail } from "../retrieval/asked-thing.ts";
import { claimsCredit, creditedSource, type PassageCredit, passageCredit } from "../retrieval/attribution.ts";
import { banWord, claimsBan, deniesBan } from "../retrieval/ban-premise.ts";
import { weighCatalog } from "../retrieval/catalog-weight.ts";
import { answersSizeAsked } from "../retrieval/collectivity-scale.ts";
import { doerStems } from "../retrieval/counted-doers.ts";
import { withoutDictatedPunctuation } from "../retrieval/dictation.ts";
import { withoutExamplePlaces } from "../retrieval/example-place.ts";
import { refersBack, standsAlone, topicOf } from "../retrieval/follow-up.ts";
import { expandQuery, stem } from "../retrieval/french.ts";
import { isGeneric } from "../retrieval/lexicon.ts";
import { onNamedCollectivities } from "../retrieval/named-collectivity.ts";
import { CARD_OVERFETCH, cardQuery, needCardsFirst } from "../retrieval/need-cards.ts";
import { CARD_KINDS, needOpening } from "../retrieval/need-form.ts";
import { withoutOwnCommune } from "../retrieval/own-commune.ts";
import {
  delimiterTag,
  estimateTokens,
  excerpt,
  fitPassages,
  kindLabel,
  neutralize,
  passageLabel,
  splitSentences,
} from "../retrieval/passages.ts";
import { asksPresentHolder, latestHolder, roleNames } from "../retrieval/past-holder.ts";
import { foldedQuestion, PRICE_SEARCHED, priceAsked, priceSubject } from "../retrieval/price-subject.ts";
import {
  type Asked,
  askedFor,
  countedStems,
  holdsCount,
  isSubjectPage,
  obligationFirst,
  qualifiesClaim,
  rankSections,
  reversalsLast,
  saysLacking,
  subjectsInSetting,
} from "../retrieval/rank.ts";
import {
  type Answerability,
  aliasesIn,
  assessAnswerability,
  type CorpusFrequency,
  type CorpusNames,
  coverage,
  frequencyFrom,
  isRelevant,
  keywords,
  namesFrom,
  occurs,
  outsideContext,
  passageWords,
  questionTerms,
  roleAsked,
  roleNamedBy,
  roleVerbAsked,
  withoutIntroduction,
} from "../retrieval/relevance.ts";
import {
  passageSourceRef,
  type Retriever,
  type SearchMode,
  type SearchResult,
  searchResultOf,
} from "../retrieval/search.ts";
import { askHeldBy, askSearched, missingAsk } from "../retrieval/second-ask.ts";
import { aboutSecondSubject, missingFoundSubject } from "../retrieval/second-subject-found.ts";
import { holdsNames, subjectNames } from "../retrieval/subject-names.ts";
import { coordinatedParts, type MissingPart, missingPart } from "../retrieval/two-parts.ts";
import { isOwnerCard, vendorCompanions } from "../retrieval/vendor-card.ts";
import type { ChunkStore } from "../store/types.ts";
import { citationNumbers, type Verification, verifyText } from "../verify/index.ts";
import { confirmWithModel } from "../verify/model-check.ts";
import { absentNamed, usesSomeForm } from "./absent-words.ts";
import { askedSetting } from "./asked-setting.ts";
import {
  asksGiven,
  asksPeers,
  type Brief,
  type BriefQuote,
  briefOf,
  causeAnswer,
  costNotGiven,
  dutyAnswer,
  namesCollectivity,
  notGiven,
  OWN_STATEMENTS,
  type QuotedPassage,
  scopeAnswer,
  subjectWords,
  titleAcronyms,
  withPastDeadlines,
} from "./brief.ts";
import { endOfSupportAnswer } from "./card-brief.ts";
import { askedAgain, comparesOnly, onCard } from "./card-question.ts";
import { conditionAnswer } from "./condition.ts";
import { asksDutyOfCollectivities, DUTY_DENIAL_SEARCHED, deniesDutyOfCollectivities } from "./duty-denial.ts";
import { countNotGiven } from "./figure-owner.ts";
import { ownOpening } from "./own-answer.ts";
import { partialPrompt, partialStatement } from "./partial.ts";
import { qualificationNote } from "./qualified.ts";
import { type SmallTalk, smallTalk } from "./small-talk.ts";
import { saysSame, statedBrief, statedSentence } from "./stated-brief.ts";
import { holdsStem, stemsOf } from "./verbatim.ts";
import {
  closestWord,
  forgetVocabulary,
  healSlippedNames,
  joinNumberedNames,
  joinSplitNames,
  slipsCorrected,
  vocabularyOf,
} from "./vocabulary.ts";

export interface ConversationMessage {
  role: "user" | "assistant";
  content: string;
}

/**
 * A passage as the answer lists it, with what it is credited to (`credit`, see `passageCredit`): the sources its
 * statements name, its document's single source, or the corpus page as a whole with the page's source list.
 * `source` is the one listed source that backs it all, when there is one (a link may then point to it). A generated
 * answer sends the list twice: before the model writes (each passage credited as a whole), then after, each passage
 * credited for what the answer says citing it.
 */
export type AnswerSource = SearchResult & { credit: PassageCredit };

export type AnswerEvent =
  | { type: "sources"; sources: AnswerSource[] }
  | { type: "token"; text: string }
  | {
      type: "done";
      mode: "generated" | "extractive";
      usage: Usage | null;
      notice: string | null;
      /** Set when Cap Libre abstained (decided before any model call): why, and the nearest topics it knows. */
      abstention: Abstention | null;
      /** Check of a generated answer: status per sentence and counts (null for quotes and abstentions). */
      verification: Verification | null;
      /**
       * Date (ISO) of the facts the answer rests on, or null when it rests on none: of the passages a generated answer
       * cites (the latest), of the document quoted first in an extractive one (the passage that answers, not the
       * others quoted beside it).
       */
      factsAsOf: string | null;
      /** Whether those facts date from more than a year before the answer (the page says so, like documents). */
      factsOld: boolean;
      /** Whether the answer rests on passages of the corpus (false for an abstention or an answer citing none). */
      grounded: boolean;
      /**
       * Numbers (from 1, in the sources' order) of the passages a generated answer cites: shown as « Sources citées »,
       * the others apart as passages given to the model. Absent for quotes and abstentions (every source is quoted).
       */
      cited?: number[];
      /** Set when the message was small talk (« Merci ! »): the reply is a word of Cap Libre's own, quoting nothing. */
      smallTalk?: SmallTalk;
      /**
       * An extractive answer's short answer first (« En bref »): `chars`, how many characters of the text it takes
       * (what the question asks that the passages lack, then the sentences quoted verbatim); `quotes`, those sentences
       * and the number of the passage each comes from. The passages quoted in full follow, as the detail.
       */
      brief?: { chars: number; quotes: BriefQuote[] };
      /**
       * Set when the question is in two parts and the corpus answers only the first (`two-parts.ts`): the part it does
       * not answer (`missing`, as written) and the statement the text opens on (`statement`, the page shows it apart).
       */
      partial?: PartialOutcome;
      /**
       * Set when no sentence of a generated answer is confirmed by the sources (every one « non vérifié » or wrongly
       * cited, trial26 T-M4): the warning the page, the exports and the API lead with, and the extractive « En bref »
       * for the question when there is one (its quotes numbered as the answer's sources). The page and the exports
       * then say no « Faits à jour »: the facts dated are those of passages that carry none of the answer.
       */
      unconfirmed?: { notice: string; brief: Brief | null };
    };

/** A question answered in part: what `done.partial` carries. */
export interface PartialOutcome {
  kind: "partial";
  missing: string;
  statement: string;
}

export interface Abstention {
  reason: Answerability["reason"];
  /** Words or names of the question the corpus lacks. */
  missing: string[];
  /**
   * Those of `missing` the corpus does cover elsewhere (« Nextcloud » has its card; what it lacks is the price for 200
   * agents): the abstention then says the corpus covers the subject but not the detail asked.
   */
  covered?: string[];
  /** Titles of the closest documents, offered as topics the corpus does cover. */
  nearest: { id: string; title: string }[];
  /**
   * Words of the question the corpus never uses, when the decision named others that it does use (« recette »,
   * « tartiflette » where it named « meilleure »): the explanation names these, the words the corpus lacks.
   */
  absent?: string[];
  /**
   * What the question probably meant, for words the corpus never uses that are one letter off one it does
   * (« Micrsoft Teams » → « Microsoft Teams »), as the question writes the rest of the name.
   */
  suggested?: string[];
}

/** Reasons that say the corpus never uses a word of the question (a typo then reads as a missing subject). */
/**
 * Reasons that list the question's names (and years) no passage that answers holds: none read holds them
 * (« missing-name »), or those that hold its other words do not (« names-apart »).
 */
const NAMES_MISSING = new Set<Answerability["reason"]>(["missing-name", "names-apart"]);
const NEVER_USED = new Set<Answerability["reason"]>(["unknown-words", "unknown-name", "missing-name", "names-apart"]);

/**
 * « Vouliez-vous dire … ? »: each missing word the corpus never uses that is one letter off a corpus word, shown
 * as the question writes its name with that word corrected (« Micrsoft Teams » → « Microsoft Teams »).
 */
async function suggestions(abstention: Abstention, question: string, store: AnswerDeps["store"]): Promise<string[]> {
  if (!NEVER_USED.has(abstention.reason)) return [];
  const vocabulary = await vocabularyOf(store);
  if (!vocabulary) return [];
  const out: string[] = [];
  for (const missing of abstention.missing.slice(0, 4)) {
    const shown = nameWritten(question, asWritten(question, missing));
    let changed = false;
    const fixed = shown.replace(/\p{L}+/gu, (w) => {
      const near = closestWord(fold(w), vocabulary);
      if (!near) return w;
      changed = true;
      return near;
    });
    if (changed && !out.some((o) => o.includes(fixed))) out.push(fixed);
  }
  return out;
}

export interface AnswerDeps {
  retriever: Retriever;
  models: ModelProvider;
  /** The passage store, to tell words the whole corpus never uses (optional: without it, only retrieved passages count). */
  store?: Pick<ChunkStore, "searchText"> & Partial<Pick<ChunkStore, "warmPassages" | "getChunks">>;
}

export interface AnswerOptions {
  numCtx: number;
  maxAnswerTokens: number;
  /** Passages retrieved before the relevance filter and the budget. */
  retrieve?: number;
  /** The model call is abandoned (and the answer falls back) after this long without a token. */
  idleTimeoutMs?: number;
  /** Second pass of the verification by the model (`VERIFY_WITH_MODEL`). */
  verifyWithModel?: boolean;
}

const systemPrompt = readPrompt("system");
const answerTemplate = loadTemplate("answer");

/**
 * The retrieval query: the last question, with the previous one when the last is a short follow-up (« Et
 * combien ? »), or with the previous one's topic when the last refers back to it (« Et est-ce que ça s'applique à
 * ma commune de 8 000 habitants ? » after « Que dit la loi SREN ? » → « loi SREN : Et est-ce que… »).
 */
export function retrievalQuery(messages: ConversationMessage[], known?: ReadonlySet<string>): string {
  return followUp(messages, known).query;
}

/**
 * The retrieval query, and the topic carried from the previous question when the last one refers back to it.
 * `known`: words of the conversation the corpus writes as names (« munich », « slack » typed without their capital),
 * which move a follow-up to a new subject as a capital does (`knownNamesOf`).
 */
export function followUp(
  messages: ConversationMessage[],
  known?: ReadonlySet<string>,
): { query: string; topic: string | null } {
  const namesOf = (question: string) => namesIn(question, known);
  // (Small talk, « Merci ! », is no question a follow-up refers back to.)
  const users = messages.flatMap((m, i) =>
    m.role === "user" && (i === messages.length - 1 || !smallTalk(m.content)) ? [i] : [],
  );
  const last = messages[users.at(-1) ?? -1]?.content ?? "";
  if (users.length < 2) return { query: last, topic: null };
  const previous = messages[users.at(-2)!]!.content;
  const short = keywords(last).length < 3;
  if (!short && !refersBack(last)) return { query: last, topic: null };
  // The previous question's own retrieval query: a follow-up of a follow-up keeps the first topic. The asker's own
  // commune it named (« la mairie de lavaurette peut elle passer a linux ») is not carried: « nis2 ca nous concerne on
  // est 4100 habitants » asks what holds for any commune, not a word the corpus never writes (trial18 F20).
  const earlier = withoutOwnCommune(retrievalQuery(messages.slice(0, users.at(-2)! + 1), known));
  // « et en 2027 les frais de sortie du cloud » after two questions on Visio: linked by « et » alone, with a subject
  // of its own, it is a question of its own (trial14 A8).
  if (!short && standsAlone(last, earlier)) return { query: last, topic: null };
  // A follow-up naming a place or an organisation the previous question did not (« Et la ville de Lyon, qu'a-t-elle
  // choisi ? » after a question on Munich) moves to it: the new name leads, and only what was asked is carried
  // (« bureautique »), not the previous names, whose passages would come first.
  const fresh = namesOf(last).filter((n) => !namesOf(earlier).includes(n));
  // « Et Teams, c'est mieux ? » after « Est-ce que Zoom est un logiciel chinois ? »: the same question, of Teams.
  const again = short ? askedAgain(earlier, last, known) : null;
  if (again) return { query: again, topic: null };
  // « par quoi remplacer slack » after a question on Zoom: a short question that does not point back, naming a new
  // subject and saying what it asks of it, is a question of its own (trial12 A6).
  if (fresh.length && !refersBack(last) && keywords(last).some((w) => !fresh.some((n) => n.split(" ").includes(w))))
    return { query: last, topic: null };
  // « et dahua c'est pareil ? » after « Hikvision, c'est risqué pour nous ? » (no card question to ask again): a
  // comparison, about both subjects.
  if (fresh.length && short && comparesOnly(last, fresh)) return { query: `${earlier} ${last}`, topic: null };
  if (fresh.length) {
    const carried = topicOf(earlier)
      .split(" ")
      .filter((w) => w && !namesOf(earlier).some((n) => fold(w).includes(n)));
    const topic = fresh.map((n) => asWritten(last, n)).join(" ");
    return { query: carried.length ? `${last} ${carried.join(" ")}` : last, topic };
  }
  // A short follow-up of a follow-up (« Est-ce que c'est utilisé par des collectivités ? » after « Qui l'édite ? »
  // after « Qu'est-ce que Nextcloud ? ») is about the conversation's subject, which only the first question names.
  if (short) return { query: earlier === previous ? `${previous} ${last}` : `${earlier} ${last}`, topic: null };
  const topic = topicOf(earlier);
  return topic ? { query: `${topic} : ${last}`, topic } : { query: last, topic: null };
}

/**
 * Names of places and organisations a question writes (folded): « Lyon », « DINUM », « Schleswig-Holstein », and the
 * words of `known` it writes without their capital (« munich »).
 */
function namesIn(question: string, known?: ReadonlySet<string>): string[] {
  const names = questionTerms(question)
    .filter((t) => t.name && !t.date && !t.clauseStart && !t.nationality)
    .map((t) => t.word);
  if (!known?.size) return names;
  return [...names, ...keywords(question).filter((w) => known.has(w) && !names.some((n) => n.split(" ").includes(w)))];
}

/**
 * The words of a conversation's questions that the corpus writes as names (with a capital inside a sentence, the
 * word itself written): a spoken or dictated question writes « et munich ? », « par quoi remplacer slack » in lower
 * case (trial12 A6). Only for a conversation: a single question's decision never depends on it.
 */
async function knownNamesOf(messages: ConversationMessage[], names?: CorpusNames): Promise<ReadonlySet<string>> {
  const known = new Set<string>();
  const questions = messages.filter((m) => m.role === "user").slice(-3);
  if (!names || questions.length < 2) return known;
  // (A word the corpus also writes as a plain word, « libre » beside « Territoire Numérique Libre », is none: a
  // follow-up on another place carries it, trial25 T-M5.)
  for (const word of new Set(questions.flatMap((m) => keywords(m.content))))
    if ((await names(word)) && (await (names.written?.(word) ?? true)) && !(await (names.plain?.(word) ?? false)))
      known.add(word);
  return known;
}

const lexicons = new WeakMap<object, { frequency: CorpusFrequency; names: CorpusNames }>();

/** Corpus word frequencies and names of a store, cached per store. */
function lexiconOf(store: AnswerDeps["store"]): { frequency?: CorpusFrequency; names?: CorpusNames } {
  if (!store) return {};
  let l = lexicons.get(store);
  if (!l)
    lexicons.set(
      store,
      (l = {
        frequency: frequencyFrom((q, k) => store.searchText(q, k)),
        names: namesFrom((q, k, f, o) => store.searchText(q, k, f, o)),
      }),
    );
  return l;
}

/** Forgets what was learnt of a store's passages (word frequencies, names, vocabulary) once they changed. */
export function forgetCorpusCaches(store: object): void {
  lexicons.delete(store);
  forgetVocabulary(store);
}

/**
 * Retrieval and the decision to answer, before any model call: the passages that answer the question, or why
 * none does. Shared by the chat, the CLI, the evaluation and the OpenAI-compatible route.
 */
export async function retrieveForAnswer(
  messages: ConversationMessage[],
  deps: AnswerDeps,
  retrieve = 8,
): Promise<Retrieved> {
  const found = await retrieveAsked(messages, deps, retrieve);
  // Refused for a word the corpus never uses that is one letter off one it uses often (« la gendarmrie est sous
  // linx ? », trial21 T-M15): asked again with that word as the corpus writes it, when it is the only such word;
  // answered so, the answer says how it read the question (`read`).
  const last = messages.at(-1);
  const { decision } = found;
  if (decision.answerable || !SLIP_REASONS.has(decision.reason) || last?.role !== "user") return found;
  const slips = slipsCorrected(last.content, await vocabularyOf(deps.store));
  if (!slips?.read.some(({ typed }) => decision.missing.some((m) => m.split(" ").includes(fold(typed))))) return found;
  const again = await retrieveAsked([...messages.slice(0, -1), { ...last, content: slips.question }], deps, retrieve);
  // Only a question read whole: a word the corpus never uses left in it (« le tarife de BlueMind pour 50 agen ») is
  // part of what it asks, which the passages found for the rest do not answer.
  if (!settled(again.decision) || (await wordsNeverUsed(again.query, deps.store)).length) return found;
  return { ...again, read: slips.read };
}

/** Reasons that say the corpus never uses a word of the question, which may be slipped (`retrieveForAnswer`). */
const SLIP_REASONS = new Set<Answerability["reason"]>(["unknown-words", "unknown-name"]);

/** `retrieveForAnswer` of the question as typed. */
async function retrieveAsked(messages: ConversationMessage[], deps: AnswerDeps, retrieve: number): Promise<Retrieved> {
  const found = await retrieveConsidered(messages, deps, retrieve);
  // A short question read with the one before it (« c'est quoi le cloud act » after a question on Kaspersky) that is
  // refused so, while it does not point back and is answered alone, is a question of its own: one refusal, or one
  // subject, does not poison the next question of the conversation (trial12 A6).
  if (found.decision.answerable) return found;
  const users = messages.filter((m) => m.role === "user");
  const last = users.at(-1)?.content ?? "";
  if (users.length < 2 || refersBack(last) || !found.combined) return found;
  const alone = await retrieveConsidered([{ role: "user", content: last }], deps, retrieve);
  return alone.decision.answerable ? alone : found;
}

/** `retrieveIn`, decided again with every search full-text when the hybrid search refuses (below). */
async function retrieveConsidered(
  messages: ConversationMessage[],
  deps: AnswerDeps,
  retrieve: number,
): Promise<Retrieved> {
  const found = await retrieveIn(messages, deps, retrieve);
  // In hybrid mode, the fused list keeps k × 4 candidates of the full-text and vector lists before any ranking step:
  // the passage the full-text ranking puts first (a card the question names, 20th by its words alone) may be cut, and
  // a question answered without a model was refused with one (trial10 A7). When the hybrid search does not answer,
  // the decision is taken again, every search full-text, as the full-text mode takes it: a question is answered with
  // a model whenever it is without one (the refusal, when both refuse, stays the hybrid one).
  if (settled(found.decision) || found.mode !== "hybrid") return found;
  const text = await retrieveIn(messages, deps, retrieve, true);
  return better(text.decision, found.decision) ? text : found;
}

/**
 * Whether a decision answers from passages that say what is asked. One answered by the corpus saying it does not know
 * (« stated-absent ») is tried again as a refusal is (another part of the question, another search), and gives way
 * to any that answers otherwise.
 */
const settled = (d: Answerability) => d.answerable && d.reason !== "stated-absent";
/** Whether `second` answers better than `first`: it answers and `first` does not, or only by a statement of absence. */
const better = (second: Answerability, first: Answerability) =>
  second.answerable && (!first.answerable || (!settled(first) && settled(second)));

/** A passage's rank in a list, those not in it after all (in their order: `sort` is stable). */
const rankIn = (list: SearchResult[], r: SearchResult) => {
  const k = list.indexOf(r);
  return k < 0 ? list.length : k;
};

/** What `retrieveForAnswer` returns. */
type Retrieved = {
  query: string;
  results: SearchResult[];
  relevant: SearchResult[];
  decision: Answerability;
  mode: SearchMode;
  /** Passages of the same documents the per-document cap set aside (see `Retriever.search`). */
  held: SearchResult[];
  /**
   * The towns the question gives as an example or as the asker's own place (« une commune comme Figeac ») that the
   * corpus does not name: the answer is about any commune, and says so.
   */
  general: string[];
  /** Whether the question was searched with the one before it (a follow-up), not as written alone. */
  combined: boolean;
  /** Words of the question read as the corpus writes them (« gendarmrie » → « Gendarmerie »), `retrieveForAnswer`. */
  read?: { typed: string; meant: string }[];
  /**
   * The second part of a two-part question that the passages do not answer (`two-parts.ts`), null otherwise: the
   * answer speaks of the first part and says first that the corpus does not answer this one.
   */
  partial: MissingPart | null;
};

/** `retrieveForAnswer` in the retriever's mode, or with every search full-text (`fullText`). */
async function retrieveIn(
  messages: ConversationMessage[],
  deps: AnswerDeps,
  retrieve: number,
  fullText = false,
): Promise<Retrieved> {
  const search = (query: string, k: number) => deps.retriever.search(query, k, undefined, { fullText });
  const { frequency, names } = lexiconOf(deps.store);
  const { query: asWrittenByUser, topic } = followUp(messages, await knownNamesOf(messages, names));
  // A name written in two words that the corpus writes in one (« libre office ») is searched as the corpus writes it.
  // An everyday word typed short (« 2000 hab », « dispo ») is searched and judged in full.
  // A two-word name with one word slipped (« claud act », dictated) is searched as the corpus writes it (« CLOUD Act »).
  const vocabulary = await vocabularyOf(deps.store);
  // A name typed apart from its number (« nis 2 ») is searched as the corpus writes it (« NIS2 »).
  // Punctuation dictated as words (« … mairie virgule on a … point d'interrogation ») is read as its marks.
  const query = healSlippedNames(
    joinNumberedNames(
      joinSplitNames(withoutAbbreviations(withoutDictatedPunctuation(asWrittenByUser)), vocabulary),
      vocabulary,
    ),
    vocabulary,
  );
  // A place or company named another way (« les Lyonnais », « Redmond ») is also searched as the corpus names it.
  const aliases = aliasesIn(query);
  let { results, mode, held = [] } = await search(aliases.length ? `${query} ${aliases.join(" ")}` : query, retrieve);
  // A question written in several lines or sentences is answerable when one of them is (context, then the
  // question): the whole first, then each part.
  let decision = await assessAnswerability(query, results, frequency, names, held);
  // A last sentence of context after a question mark is another part even when typed without its capital (« matomo
  // c'est français ? on voudrait le mettre sur le site de la ville »); a question that follows (« il sort quand ?
  // faut-il l'attendre ? ») goes on from the one before, to which it may point back.
  const parts = query
    .split(/\n+|(?<=[?!.])\s+(?=\p{Lu})|(?<=[?!])\s+(?=\p{Ll}[^?]*$)/u)
    .map((p) => p.trim())
    .filter((p) => p.length >= 12);
  // A name the corpus never uses in a part that asks (« … le DSI de Niort ? Je voudrais le contacter. ») makes the
  // whole question one it cannot answer; in a part that gives context (« Notre commune, Trifouilly, … . ») it does not.
  // So does a part that asks a fact of the asker's own collectivité as its subject (« Je suis conseillère municipale
  // à Landerneau. Notre commune a-t-elle déjà engagé une démarche… ? »): it asks about the place named before, not
  // about a setting (« Qu'est-ce que le CLOUD Act change pour notre mairie ? ») nor what any commune may or must do
  // (« Notre commune peut-elle utiliser Nextcloud ? »).
  const unknownAsked =
    decision.reason === "unknown-name" &&
    parts.some(
      (p) =>
        p.endsWith("?") &&
        (decision.missing.some((m) => keywords(p).join(" ").includes(m)) || OWN_COLLECTIVITY_SUBJECT.test(fold(p))),
    );
  // Only a part that asks (« … ? ») may answer alone: a sentence of context (« Je suis élue d'une petite commune
  // rurale. ») holds the domain's general words, which many passages cover.
  const asking = parts.filter((p) => p.includes("?"));
  for (const part of parts.length > 1 && !unknownAsked ? (asking.length ? asking : parts) : []) {
    if (settled(decision)) break;
    const partial = await assessAnswerability(part, results, frequency, names, held);
    if (better(partial, decision)) decision = partial;
  }
  // The words of a question's context weigh in the search too (« On en discute au conseil municipal la semaine
  // prochaine : … ») and may push out the passage of what it asks: that part is searched on its own, and the whole
  // question judged again on what it finds.
  // A second search, for `searched`, whose results replace the first when `judged` is answerable on them.
  const searchAgain = async (
    searched: string,
    judged: string,
    accepted: (found: SearchResult[], second: Answerability) => boolean = () => true,
  ) => {
    const again = await search(searched, retrieve);
    const second = await assessAnswerability(judged, again.results, frequency, names, again.held);
    if (better(second, decision) && accepted(again.results, second))
      ({ results, mode, decision, held = [] } = { ...again, decision: second });
  };
  const asked = outsideContext(query).replace(/\s+/g, " ").trim();
  if (!settled(decision) && !unknownAsked && asked.length >= 12 && asked !== query.replace(/\s+/g, " ").trim())
    await searchAgain(aliases.length ? `${asked} ${aliases.join(" ")}` : asked, query);
  // Two questions joined (« c'est quoi secnumcloud et est ce qu'on est obligé », trial16 C22): each searched on its own.
  // (One answered whole, « le data act et la loi sren c'est quoi la différence et est-ce que ça nous concerne »
  // (trial16 C14), keeps the passages of each part when both are answered on them: its second part was left out.)
  let coordinated: MissingPart | null = null;
  if (settled(decision) && !unknownAsked) {
    const added = await withSecondPart(query, results, decision, search, retrieve, frequency, names);
    if (added) ({ results, decision } = added);
  } else if (!unknownAsked) {
    const found = await bothParts(query, search, retrieve, frequency, names);
    if (found && better(found.decision, decision)) {
      ({ results, mode, decision, held } = found);
      coordinated = found.missing;
    }
  }
  // The asker's introduction (« Nous sommes une petite commune de l'Ariège : … », « Je suis élu à Foix, … ») says who
  // asks: a place the corpus never names there does not make what they ask one it cannot answer.
  // So does a town given as an example or as the asker's own place (« pour une commune comme Figeac », « chez nous à
  // Rodez »): what is asked is what holds for any commune, and the answer says it does not speak of that town.
  const introduced = settled(decision) ? null : withoutIntroduction(query);
  const example = settled(decision) ? null : withoutExamplePlaces(introduced?.question ?? query);
  const removed = [introduced?.removed, example?.removed].filter(Boolean).join(" ");
  let general: string[] = [];
  if (
    (introduced || example) &&
    (decision.reason === "missing-name" ||
      decision.reason === "names-apart" ||
      decision.reason === "unknown-name" ||
      // A town typed in lower case, with its population (« … concerne figeac qui a 10000 habitants »).
      // Or asked for as the place a general question is asked for (« nis2 ca concerne amiens »).
      (decision.reason === "unknown-words" && (!!example?.sized || !!example?.applied)) ||
      // The asker's place opening the question or situating their commune (« … dans le finistère, nis2 … ? »).
      (decision.reason === "low-coverage" && !!example?.introduced)) &&
    decision.missing.length > 0 &&
    decision.missing.every((m) => writtenIn(m, removed))
  ) {
    const rest = (example ?? introduced)!.question.replace(/\s+/g, " ").trim();
    const missing = decision.missing;
    await searchAgain(rest, rest);
    // « Que change NIS2 pour une ville comme Figeac ? »: the collectivité the town exemplifies is the asker's setting.
    const bare = withoutExamplePlaces(introduced?.question ?? query, true)
      ?.question.replace(/\s+/g, " ")
      .trim();
    if (!decision.answerable && bare) await searchAgain(bare, bare);
    if (decision.answerable && example) general = example.places.filter((p) => missing.some((m) => writtenIn(m, p)));
  }
  // A name the corpus uses that none of the passages found holds (« EuroStack, ça coûterait combien au total ? »: the
  // words of the figure asked outweighed it in the search) is searched again before everything else: the passages
  // that hold it are judged, not passed over.
  if (!decision.answerable && NAMES_MISSING.has(decision.reason) && frequency && !unknownAsked) {
    const missing = decision.missing;
    const known = await Promise.all(
      missing.map(async (m) => !/\d/.test(m) && (await Promise.all(m.split(" ").map(frequency))).every((n) => n > 0)),
    );
    // Only a passage about that name answers then (its heading writes it: « EuroStack : un rapport et un
    // mouvement »), not one that names it in passing (a vendor's card for « le Japon »).
    const aboutMissing = (found: SearchResult[], second: Answerability) =>
      second.relevant.some((i) => {
        const heading = passageWords(`${found[i]!.document.title} ${found[i]!.section}`);
        return missing.every((m) => occurs(m, heading));
      });
    if (missing.length && known.every(Boolean)) await searchAgain(`${missing.join(" ")} ${query}`, query, aboutMissing);
  }
  // A price no passage read gives of its subject (`price-subject.ts`) is searched again with the subject and the words
  // of a price: the section saying the sum is not known (« le montant de l'adhésion ne figure pas dans nos sources »)
  // answers, though the question's own words (« adhérer », « ça coûte ») did not find it.
  // (Only for the subject the price rule names, not the word of a figure another rule misses: « combien ».)
  const priced = foldedQuestion(outsideContext(query));
  if (
    decision.reason === "missing-figure" &&
    decision.missing.length === 1 &&
    !unknownAsked &&
    priceAsked(priced) &&
    priceSubject(priced, questionTerms(query), outsideContext(query)).some((t) => t.word === decision.missing[0])
  ) {
    // … and the passages then found answer only if they hold that subject (« le hdh quitte azure, la migration coûte
    // combien » was answered by the savings of agents who « quittent » a licence, the subject then read another way).
    const subject = decision.missing[0]!;
    const holdsSubject = (found: SearchResult[], second: Answerability) =>
      second.relevant.some((i) =>
        occurs(subject, passageWords(`${found[i]!.document.title} ${found[i]!.section} ${found[i]!.text}`)),
      );
    await searchAgain(`${subject} ${PRICE_SEARCHED}`, query, holdsSubject);
  }
  // « Qui dirige la DINUM ? »: who holds a role no passage read names is searched again with the subject and the
  // words of the role (« directrice », « dirigée »), which the question's own words (« qui dirige ») did not find.
  const roleNouns = roleVerbAsked(query)?.named.slice(1, 5) ?? roleNamedBy(roleAsked(query) ?? "").slice(0, 4);
  if (
    !decision.answerable &&
    !unknownAsked &&
    roleNouns[0] &&
    decision.reason !== "unknown-name" &&
    decision.reason !== "unknown-words"
  )
    await searchAgain(`${keywords(outsideContext(query)).join(" ")} ${roleNouns.join(" ")}`, query);
  // « Qui est le directeur de la DINUM ? » answered by who held the role in 2021 (« le directeur de la DINUM de
  // l'époque, Nadi Bou Hanna ») while another page names who was appointed since: the holder is searched again with
  // the role's words, and those passages are taken when they name a holder later than any the first ones name.
  if (decision.answerable && roleNouns[0] && asksPresentHolder(query)) {
    const holder = roleNames(query);
    const subject = keywords(outsideContext(query)).filter((w) => !holder.includes(w));
    const again = await search(`${subject.join(" ")} ${roleNouns.join(" ")}`, retrieve);
    const texts = (found: SearchResult[]) => found.slice(0, JUDGED_FOR_NAMES).map((r) => r.text);
    const latest = (found: SearchResult[]) => latestHolder(texts(found), holder, subject);
    if (latest(again.results) > latest(results)) {
      const second = await assessAnswerability(query, again.results, frequency, names, again.held);
      if (second.answerable) ({ results, mode, decision, held = [] } = { ...again, decision: second });
    }
  }
  // A request for a tool typed as a need (`need-form.ts`) that the passages found do not answer: the catalog's cards
  // searched alone and judged on what their descriptions hold (« un wiki interne pour documenter les procédures des
  // services »: XWiki was not among the first forty passages, the guides sharing its everyday words ranked first).
  if (!decision.answerable && !unknownAsked && needOpening(query)) {
    const cards = await deps.retriever.search(
      cardQuery(query),
      retrieve * CARD_OVERFETCH,
      { kinds: CARD_KINDS },
      {
        fullText,
      },
    );
    const first = await needCardsFirst(query, cards.results, retrieve, frequency, names);
    const second = await assessAnswerability(query, first.results, frequency, names);
    // Answered by the cards, the first of which holds the need.
    if (first.holding && second.answerable && second.relevant.includes(0))
      ({ results, mode, decision, held } = { ...cards, results: first.results, decision: second, held: [] });
  }
  // A question about one product of the catalog (« ServiceNow, c'est basé où ? ») is answered by its card, first.
  ({ results, decision } = await onCard(query, results, decision, deps.store));
  // A ban taken for granted that the corpus says no law makes (« puisque le rgpd interdit microsoft 365 dans les
  // mairies, on a combien de temps pour changer ? »): the passage saying so answers, when it holds a word the question
  // is about, rather than « Je ne sais pas » leaving the premise standing (trial21 T-H11).
  // (Not a question with a word the corpus never uses: « les trottinettes sont interdites a paris ? » is no premise it
  // corrects.)
  if (
    !decision.answerable &&
    !unknownAsked &&
    decision.reason !== "unknown-words" &&
    decision.reason !== "unknown-name" &&
    claimsBan(query)
  ) {
    const again = await search(`${keywords(outsideContext(query)).join(" ")} ${BAN_DENIAL_SEARCHED}`, retrieve);
    // (What the ban is about, not the words saying it nor general words: « interdites » is in the sentence saying no
    // law bans, « services » in any.)
    const subject = questionTerms(outsideContext(query))
      .filter((t) => !isGeneric(t) && !t.verb && !banWord(t.word))
      .map((t) => t.word);
    const correcting = again.results.filter(
      (r) => deniesBan(r.text) && subject.some((w) => occurs(w, passageWords(`${r.document.title} ${r.text}`))),
    );
    if (correcting.length)
      ({
        results,
        mode,
        decision,
        held = [],
      } = {
        ...again,
        results: [...correcting, ...again.results.filter((r) => !correcting.includes(r))],
        decision: { ...decision, answerable: true, reason: "ok", missing: [], relevant: correcting.map((_, i) => i) },
      });
  }
  // A duty of collectivités asked (« cest vrai que l'etat oblige les mairies a passer sur linux d'ici 2027 ? ») that no
  // passage found says they do not have: the passage saying so comes first (`duty-denial.ts`, trial22 T-H4).
  if (
    settled(decision) &&
    !unknownAsked &&
    asksDutyOfCollectivities(query) &&
    !results.some((r) => deniesDutyOfCollectivities(r.text))
  ) {
    const again = await search(`${keywords(outsideContext(query)).join(" ")} ${DUTY_DENIAL_SEARCHED}`, retrieve);
    const correcting = again.results.filter((r) => deniesDutyOfCollectivities(r.text)).slice(0, 1);
    if (correcting.length) {
      const kept = results.filter((r) => !correcting.some((c) => c.id === r.id));
      const before = decision.relevant.map((i) => results[i]).filter((r) => r !== undefined);
      results = [...correcting, ...kept];
      decision = {
        ...decision,
        relevant: [0, ...before.flatMap((r) => (kept.includes(r) ? [kept.indexOf(r) + 1] : []))],
      };
    }
  }
  // A subject the passages write as a name, typed as a plain word (« la gendarmerie est revenue a windows en 2023
  // pourquoi », `subject-names.ts`), that most passages found do not hold (Munich's return to Windows, found by the
  // other words): searched again with its name counted twice, and its passages taken when they answer too — never a
  // refusal more, only other passages for a question answered.
  if (settled(decision) && !unknownAsked) {
    const named = subjectNames(
      query,
      [...results, ...held].map((r) => r.text),
    );
    const lacking = (found: SearchResult[]) =>
      found.slice(0, JUDGED_FOR_NAMES).filter((r) => !holdsNames(`${r.document.title} ${r.section} ${r.text}`, named))
        .length >
      Math.min(found.length, JUDGED_FOR_NAMES) / 2;
    if (named.length && lacking(results)) {
      const again = await search(`${query} ${named.join(" ")}`, retrieve);
      const second = await assessAnswerability(query, again.results, frequency, names, again.held ?? []);
      if (settled(second) && !lacking(again.results))
        ({ results, mode, decision, held = [] } = { ...again, decision: second });
    }
  }
  const combined = asWrittenByUser !== messages.at(-1)?.content;
  if (!decision.answerable)
    return { query, results, relevant: [], decision, mode, held, general: [], combined, partial: null };
  const terms = keywords(query);
  const companions = vendorCompanions(query, results);
  const subjects = subjectsInSetting(query);
  // The subjects the passages write as names (« la gendarmerie … » : « la Gendarmerie », `subject-names.ts`): their
  // page answers, and the passages that hold them are the ones quoted.
  const named = subjectNames(
    query,
    [...results, ...held].map((r) => r.text),
  );
  // A collectivité named by its kind (« la mairie de paris »): only the passages naming it answer (`named-collectivity.ts`).
  const relevant = await onNamedCollectivities(
    query,
    onSubject(
      results.filter(
        (r, i) =>
          decision.relevant.includes(i) ||
          isRelevant(terms, `${r.document.title} ${r.section} ${r.text}`) ||
          companions.has(r.id) ||
          isSubjectPage(r.document.title, subjects) ||
          isSubjectPage(r.document.title, named) ||
          isOwnerCard(query, r) ||
          // (A threshold near the size the question gives: « Le seuil discuté … est de 30 000 habitants » for « nis2 …
          // pour une commune de 9000 habitants » (trial15 A1).)
          answersSizeAsked(query, r) ||
          qualifiesClaim(query, r),
      ),
      subjects,
      named,
    ),
    names,
  );
  // The corpus saying it does not know what is asked: the passages that say so come first (`statedAnswer`); so do the
  // cards that describe a need typed as one (`need-form.ts`), before the cards of the products they replace.
  if (decision.reason === "stated-absent" || decision.needed) {
    const stating = decision.relevant.map((i) => results[i]).filter((r) => r !== undefined);
    relevant.sort((a, b) => rankIn(stating, a) - rankIn(stating, b));
  }
  // A question in two parts whose second part the passages answering it do not answer (`two-parts.ts`: « Munich est
  // revenue à Windows : quel intégrateur … ? »): answered for its first part, saying first what the corpus lacks. Not
  // when the corpus says itself what it does not know (« stated-absent »: the answer opens on that), nor in a follow-up.
  const early =
    decision.reason === "stated-absent" || combined
      ? null
      : (coordinated ?? (await missingPart(query, relevant, frequency, names)));
  // A second subject the corpus writes elsewhere, of which no passage found speaks (`missingFoundSubject`: « …, et la
  // suède elle fait quoi »): the second part is searched on its own; its passages answer it when they are about that
  // subject (« …, et le schleswig-holstein il fait quoi »: the first part's passages were all about Munich).
  let partial = early;
  if (!early && decision.reason !== "stated-absent" && !combined) {
    partial = await missingFoundSubject(query, relevant, frequency, names);
    if (partial) {
      const found = await search(partial.part, retrieve);
      const second = await assessAnswerability(partial.part, found.results, frequency, names, found.held ?? []);
      const answering = second.relevant.map((i) => found.results[i]!).filter((r) => r !== undefined);
      if (settled(second) && (await aboutSecondSubject(query, answering, names))) {
        const added = answering.filter((r) => !relevant.some((x) => x.id === r.id));
        relevant.push(...added);
        results = [...results, ...added.filter((r) => !results.some((x) => x.id === r.id))];
        partial = null;
      }
    }
  }
  // A question stated then asked at a plain comma (`missingAsk`: « boe a eu le niveau or, il faut combien de points
  // pour l'avoir »): no sentence of the passages holds what the second part asks with its subject. The second part is
  // searched on its own (with the first part's names); a passage found there that holds it answers it.
  if (!partial && decision.reason !== "stated-absent" && !combined) {
    partial = await missingAsk(query, relevant, frequency, names);
    const searched = partial ? await askSearched(query, frequency, names) : null;
    if (partial && searched) {
      const found = await search(searched, retrieve);
      const added = ((await askHeldBy(query, found.results, frequency, names)) ?? []).filter(
        (r) => !relevant.some((x) => x.id === r.id),
      );
      if (added.length) {
        relevant.push(...added);
        results = [...results, ...added.filter((r) => !results.some((x) => x.id === r.id))];
        partial = null;
      }
    }
  }
  // A question stated then asked by an interrogative (`missingThing`: « visio repose sur livekit, chez quel hébergeur
  // tournent ses serveurs ? »): no sentence of the passages holds the thing asked with the first clause's subject.
  if (!partial && decision.reason !== "stated-absent" && !combined)
    partial = await missingThing(query, relevant, frequency, names);
  // A yes/no question on a detail no passage read holds (`unheldDetail`: « sécurix gère-t-il les imprimantes
  // réseau ? »): the corpus does not give it.
  if (!partial && decision.reason !== "stated-absent" && !combined) {
    const unheld = await unheldDetail(query, relevant, frequency, names);
    if (unheld.length) {
      const refused = {
        ...decision,
        answerable: false,
        reason: "low-coverage" as const,
        missing: unheld,
        relevant: [],
      };
      return { query, results, relevant: [], decision: refused, mode, held, general: [], combined, partial: null };
    }
  }
  // A follow-up is about the previous question's topic: the passages that hold its names come first.
  return {
    query,
    results,
    relevant: topic ? onTopicFirst(relevant, topic) : relevant,
    decision,
    mode,
    held,
    general,
    combined,
    partial,
  };
}

/**
 * A question of two questions joined (`coordinatedParts`: « c'est quoi secnumcloud et est ce qu'on est obligé »,
 * trial16 C22) that no passage found for the whole answers: its words asked apart pulled in passages of neither. Each
 * part is searched on its own (the second with the names of the first, which it speaks of), and the whole judged on
 * both lists, taken in turn; when the whole is not answered on them but one part is on its own passages, that part is
 * answered and the other is `missing` (the answer says first that the corpus does not answer it). Null for a question
 * of one part, or when neither part is answered.
 */
async function bothParts(
  query: string,
  search: (query: string, k: number) => ReturnType<AnswerDeps["retriever"]["search"]>,
  retrieve: number,
  frequency: CorpusFrequency | undefined,
  names: CorpusNames | undefined,
): Promise<{
  results: SearchResult[];
  mode: SearchMode;
  held: SearchResult[];
  decision: Answerability;
  missing: MissingPart | null;
} | null> {
  const joined = coordinatedParts(query);
  if (!joined) return null;
  const second = joined.searched;
  const [a, b] = [await search(joined.first, retrieve), await search(second, retrieve)];
  const merged: SearchResult[] = [];
  for (let i = 0; i < Math.max(a.results.length, b.results.length); i++)
    for (const r of [a.results[i], b.results[i]])
      if (r && !merged.some((m) => m.id === r.id) && merged.length < retrieve) merged.push(r);
  const held = [...a.results, ...b.results, ...(a.held ?? []), ...(b.held ?? [])].filter(
    (r, i, all) => !merged.some((m) => m.id === r.id) && all.findIndex((x) => x.id === r.id) === i,
  );
  const [whole, onMerged1, onMerged2] = [
    await assessAnswerability(query, merged, frequency, names, held),
    await assessAnswerability(joined.first, merged, frequency, names, held),
    await assessAnswerability(second, merged, frequency, names, held),
  ];
  // Both parts answered on the passages of both: the answer holds those of each (and those of the whole).
  if (settled(onMerged1) && settled(onMerged2)) {
    const relevant = [
      ...new Set([...(settled(whole) ? whole.relevant : []), ...onMerged1.relevant, ...onMerged2.relevant]),
    ].sort((x, y) => x - y);
    const coverage = Math.min(onMerged1.coverage, onMerged2.coverage);
    return {
      results: merged,
      mode: a.mode,
      held,
      decision: { answerable: true, reason: "ok", missing: [], coverage, relevant },
      missing: null,
    };
  }
  if (settled(whole)) return { results: merged, mode: a.mode, held, decision: whole, missing: null };
  const [onFirst, onSecond] = [
    await assessAnswerability(joined.first, a.results, frequency, names, a.held ?? []),
    await assessAnswerability(second, b.results, frequency, names, b.held ?? []),
  ];
  if (settled(onFirst) === settled(onSecond)) return null;
  const [answered, other, lacking] = settled(onFirst)
    ? [{ ...a, decision: onFirst }, joined.second, onSecond]
    : [{ ...b, decision: onSecond }, joined.first, onFirst];
  return {
    results: answered.results,
    mode: answered.mode,
    held: answered.held ?? [],
    decision: answered.decision,
    missing: {
      part: other,
      words: lacking.missing,
      first: settled(onFirst) ? joined.first : joined.second,
    },
  };
}

/**
 * A question of two questions joined (`coordinatedParts`) answered whole (« le data act et la loi sren c'est quoi la
 * différence et est ce que ça nous concerne », trial16 C22/C14): the passages found for the whole answered its first
 * part only. Its second part is searched on its own (with the first part's names), and the passages that answer it
 * are added to those answering (after those found, when not found). Null when there is none to add.
 */
async function withSecondPart(
  query: string,
  results: SearchResult[],
  decision: Answerability,
  search: (query: string, k: number) => ReturnType<AnswerDeps["retriever"]["search"]>,
  retrieve: number,
  frequency: CorpusFrequency | undefined,
  names: CorpusNames | undefined,
): Promise<{ results: SearchResult[]; decision: Answerability } | null> {
  const joined = coordinatedParts(query);
  if (!joined) return null;
  const found = await search(joined.searched, retrieve);
  // (Judged on its own passages: those of the whole come first in a list of both.)
  const second = await assessAnswerability(joined.searched, found.results, frequency, names, found.held ?? []);
  if (!settled(second)) return null;
  const answering = decision.relevant.map((i) => results[i]!.id);
  // (A passage found for the whole but not judged answering it may answer the second part.)
  const added = second.relevant.map((i) => found.results[i]!).filter((r) => !answering.includes(r.id));
  if (added.length === 0) return null;
  // Right after the first passage answering the whole, so that the answer quotes them (it quotes its first ones).
  const at = Math.min(...decision.relevant) + 1;
  const isAdded = (r: SearchResult) => added.some((x) => x.id === r.id);
  const kept = [
    ...results.slice(0, at).filter((r) => !isAdded(r)),
    ...added,
    ...results.slice(at).filter((r) => !isAdded(r)),
  ];
  const relevant = kept.flatMap((r, i) => (answering.includes(r.id) || isAdded(r) ? [i] : []));
  return { results: kept, decision: { ...decision, relevant } };
}

/**
 * Whether a missing name (folded, its small words left out: « saint martin crau ») is written in the asker's
 * introduction (« Bonjour, je suis maire adjointe de Saint-Martin-de-Crau »): each of its words there, in order.
 */
export function writtenIn(missing: string, removed: string): boolean {
  const written = fold(removed)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let at = 0;
  for (const w of missing.split(/[^a-z0-9]+/).filter(Boolean)) {
    const found = written.indexOf(w, at);
    if (found < 0) return false;
    at = found + 1;
  }
  return true;
}

/**
 * Share of the best passage's full-text score under which a passage is not shown as a source: the passages that
 * merely share a frequent word (« logiciel libre », « commune ») with the question and filled the last slots of
 * unrelated answers. Full-text (BM25) scores only: fused ranks (hybrid mode) are not proportional to relevance.
 */
export const RELEVANCE_FLOOR = 0.55;

/**
 * The passages worth showing: the first, then those scoring at least `RELEVANCE_FLOOR` of the best; a vendor's card
 * (`companions`: its id → the card naming that vendor) stays beside the card of the product it makes.
 */
export function aboveFloor(
  passages: SearchResult[],
  mode: SearchMode,
  companions: Map<string, string> = new Map(),
): SearchResult[] {
  if (mode !== "fulltext" || passages.length < 2) return passages;
  const best = Math.max(...passages.map((r) => r.score));
  const kept = new Set(passages.filter((r, i) => i === 0 || r.score >= best * RELEVANCE_FLOOR).map((r) => r.id));
  return passages.filter((r) => kept.has(r.id) || kept.has(companions.get(r.id) ?? ""));
}

/**
 * For a question naming a subject in its setting (« Peut-on utiliser Nextcloud en mairie ? »), the passages that
 * name the subject — its card or page first, which the setting words alone would not have made relevant — and not
 * those that hold only the setting (the CLOUD Act guide's « pour une mairie », which, quoted alone, made Nextcloud
 * sound exposed to it). Unchanged when no passage names the subject.
 */
function onSubject(passages: SearchResult[], subjects: string[], named: string[] = []): SearchResult[] {
  const names = (r: SearchResult) =>
    subjects.some((s) => coverage([s], `${r.document.title} ${r.section} ${r.text}`) === 1);
  const onSetting = subjects.length && passages.some(names) ? passages.filter(names) : passages;
  // … and a subject the passages write as a name (« la gendarmerie est revenue a windows en 2023 pourquoi »): Munich's
  // return to Windows is not read aloud as the Gendarmerie's.
  const holding = (r: SearchResult) => holdsNames(`${r.document.title} ${r.section} ${r.text}`, named);
  return named.length && onSetting.some(holding) ? onSetting.filter(holding) : onSetting;
}

/** Passages holding every name (capitalised word) of a carried topic first, in their order; then the others. */
function onTopicFirst(passages: SearchResult[], topic: string): SearchResult[] {
  const names = keywords(
    topic
      .split(" ")
      .filter((w) => /^\p{Lu}/u.test(w))
      .join(" "),
  );
  if (names.length === 0) return passages;
  const holds = (r: SearchResult) => coverage(names, `${r.document.title} ${r.section} ${r.text}`) === 1;
  return [...passages.filter(holds), ...passages.filter((r) => !holds(r))];
}

/** Passages read for whether the subject a question names is what they are about (`subjectNames`). */
const JUDGED_FOR_NAMES = 6;
/** Words searched with a question taking a ban for granted: those of a passage saying no law makes one. */
const BAN_DENIAL_SEARCHED = "aucune loi n'interdit illégal interdiction";

/** Fewest letters shared by a word the user typed and the longer form the checks read it as (« métro » → metropole). */
const CLIPPED = 4;

/**
 * A folded word or phrase of the question as the user wrote it (« dortmund » → « Dortmund »); a word the checks read
 * in a longer or shorter form (« metropole » for « métro », « creche » for « crèches ») as the user's own word.
 */
export function asWritten(question: string, folded: string): string {
  const tokens = [...question.matchAll(/[\p{L}\p{N}]+/gu)];
  const parts = folded.split(" ");
  for (let i = 0; i + parts.length <= tokens.length; i++) {
    if (parts.every((p, j) => fold(tokens[i + j]![0]) === p)) {
      const last = tokens[i + parts.length - 1]!;
      return question.slice(tokens[i]!.index, last.index! + last[0].length);
    }
  }
  // A name whose small words the checks left out (« saint jean monts »): as written, with them (« Saint-Jean-de-Monts »).
  const spelled = nameWithSmallWords(tokens, parts);
  if (spelled) return question.slice(spelled.from, spelled.to);
  if (parts.length === 1) {
    const near = tokens.find(({ 0: raw }) => {
      const t = fold(raw);
      const [short, long] = t.length <= folded.length ? [t, folded] : [folded, t];
      return short.length >= CLIPPED && long.startsWith(short);
    });
    if (near) return near[0];
  }
  return folded;
}

/** Small words a name may hold between the words the checks keep (« de », « des », « les », « sur »), at most. */
const NAME_SMALL_WORDS = 2;

/**
 * Where a folded name of several words (`parts`, small words left out) is written among a question's tokens, small
 * words between its words (those `keywords` leaves out: « de », « les »), joined by a hyphen or a space; null if not.
 */
function nameWithSmallWords(tokens: RegExpMatchArray[], parts: string[]): { from: number; to: number } | null {
  if (parts.length < 2) return null;
  for (let i = 0; i < tokens.length; i++) {
    if (fold(tokens[i]![0]) !== parts[0]) continue;
    let at = i;
    let ok = true;
    for (const p of parts.slice(1)) {
      let next = at + 1;
      while (next < tokens.length && next - at - 1 < NAME_SMALL_WORDS && fold(tokens[next]![0]) !== p) {
        if (keywords(tokens[next]![0]).length > 0) break;
        next++;
      }
      if (next >= tokens.length || fold(tokens[next]![0]) !== p) {
        ok = false;
        break;
      }
      at = next;
    }
    if (ok) return { from: tokens[i]!.index!, to: tokens[at]!.index! + tokens[at]![0].length };
  }
  return null;
}

/** A part of a question whose subject is the asker's own collectivité (« Notre commune a-t-elle… ? »), folded. */
const OWN_COLLECTIVITY_SUBJECT =
  /^(?:et\s+)?(?:notre|nos)\s+(?:commune|ville|mairie|collectivite|agglomeration|agglo|intercommunalite|communaute de communes|departement|region|metropole|village)s?\b(?!\s*,)(?!\s+(?:peu|pourr|doi|devr|a-t-elle (?:le droit|interet)|est-elle (?:obligee|tenue)))/;

/** A question asking a price (« combien coûte », « quel est le prix », « tarif »), folded. */
const PRICE_ASKED = /\b(?:cout(?:e|ent|era|eront|ait|aient)?|prix|tarifs?|facture)\b/;
/** What a quantity question counts (« combien de postes »), folded. */
const COUNTED_NOUN = /\b(?:combien|nombre)\s+d(?:e\s+|')([a-z]{3,})/;
/** « combien de temps », « combien de mois »: a duration asked, not a number of things (« le nombre de temps »). */
const DURATION_NOUN = /^(?:temps|mois|ans|annees|semaines|jours|heures)$/;
/** The detail « le nombre de … demandé », or « la durée demandée » for a duration (trial21 T-H11). */
const countDetail = (question: string, counted: string) =>
  DURATION_NOUN.test(counted)
    ? message("answer.detail.duration")
    : message("answer.detail.count", { noun: asWritten(question, counted) });

/**
 * What a question asks that the corpus lacks, when it covers what the question is about: the years it does not
 * reach (« en 2030 »), else the price, the number or the date asked; null when the question asks no such detail.
 */
function missingDetail(abstention: Abstention, question: string): string | null {
  const covered = new Set(abstention.covered ?? []);
  const years = abstention.missing.filter((w) => /^(?:19|20)\d\d$/.test(w) && !covered.has(w));
  if (years.length) return message("answer.detail.year", { years: years.map((y) => `« ${y} »`).join(", ") });
  const folded = fold(question);
  if (PRICE_ASKED.test(folded)) return message("answer.detail.price");
  const counted = COUNTED_NOUN.exec(folded)?.[1];
  if (counted) return countDetail(question, counted);
  const asked = askedFor(question);
  if (asked.includes("date")) return message("answer.detail.date");
  if (asked.includes("quantity")) return message("answer.detail.figure");
  return null;
}

/** Reasons whose explanation names the detail asked (a figure, a price, a date) rather than the question's words. */
const ASKED_DETAIL = new Set<Answerability["reason"]>(["stated-absent", "missing-figure"]);

/** The detail a question asks, as an abstention names it: the price, the number of …, the date, else the figure. */
function detailAsked(question: string): string {
  const folded = fold(question);
  if (PRICE_ASKED.test(folded)) return message("answer.detail.price");
  const counted = COUNTED_NOUN.exec(folded)?.[1];
  if (counted) return countDetail(question, counted);
  if (askedFor(question).includes("date") && !askedFor(question).includes("quantity"))
    return message("answer.detail.date");
  return message("answer.detail.figure");
}

/**
 * A capitalised word of the question with the capitalised words written next to it, that is the whole name it is
 * part of (« Enterprise » → « Nextcloud Enterprise », « Act » → « CLOUD Act »): an abstention names the thing asked,
 * not a word of its name. The question's first word (« Quel ») is only its sentence's capital.
 */
export function nameWritten(question: string, written: string): string {
  if (!/^\p{Lu}/u.test(written) || written.includes(" ")) return written;
  const tokens = [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu)];
  const at = tokens.findIndex((t) => t[0] === written);
  if (at < 0) return written;
  const joined = (a: number, b: number) => /^ $/.test(question.slice(a, b));
  const capital = (k: number) =>
    /^\p{Lu}/u.test(tokens[k]![0]) && (k > 0 || /^\p{Lu}[\p{Lu}\d]|\p{Ll}\p{Lu}/u.test(tokens[k]![0]));
  let first = at;
  let last = at;
  while (
    first > 0 &&
    capital(first - 1) &&
    joined(tokens[first - 1]!.index! + tokens[first - 1]![0].length, tokens[first]!.index!)
  )
    first--;
  while (
    last + 1 < tokens.length &&
    capital(last + 1) &&
    joined(tokens[last]!.index! + tokens[last]![0].length, tokens[last + 1]!.index!)
  )
    last++;
  return question.slice(tokens[first]!.index, tokens[last]!.index! + tokens[last]![0].length);
}

/** The French abstention: why, what the corpus covers, and the nearest topics it knows. */
export function abstentionText(abstention: Abstention, question = ""): string {
  const quoted = (list: string[]) =>
    [...new Set(list.slice(0, 4).map((w) => `« ${nameWritten(question, asWritten(question, w))} »`))].join(", ");
  const list = quoted(abstention.missing);
  // The corpus covers what is asked about and lacks only a detail (a price, a figure, a year): it says so, rather
  // than that no passage treats a subject it has a whole page on (« Combien coûte Nextcloud pour 200 agents ? »).
  const covered = abstention.missing.filter((w) => abstention.covered?.includes(w));
  const detail =
    covered.length && WORDED_AS_SUBJECT.has(abstention.reason) ? missingDetail(abstention, question) : null;
  // A name the corpus does cover is not one « no relevant passage treats »: the passages lack the rest, which the
  // explanation names (« Qui est le maire de Quimper ? »: « maire », not « Quimper »), or says plainly.
  const allCovered =
    NAMES_MISSING.has(abstention.reason) && covered.length > 0 && covered.length === abstention.missing.length;
  const rest = allCovered ? restOf(question, covered) : [];
  const why = detail
    ? message("answer.abstainWhy.detail", { subjects: quoted(covered), detail })
    : abstention.absent?.length
      ? message("answer.abstainWhy.unknown-words", { words: quoted(abstention.absent) })
      : allCovered
        ? rest.length
          ? message("answer.abstainWhy.coveredRest", { subjects: quoted(covered), words: quoted(rest) })
          : message("answer.abstainWhy.coveredOnly", { subjects: quoted(covered) })
        : // (A reason naming the question's words, given none, says so plainly: no dash where a word goes, trial22 T-L1.)
          !list && message(`answer.abstainWhy.${abstention.reason}`).includes("{words}")
          ? message("answer.abstainWhy.noWords")
          : message(`answer.abstainWhy.${abstention.reason}`, {
              words: list,
              // What the corpus says it lacks is named as what was asked (« le chiffre demandé »), not as a lone word.
              detail: ASKED_DETAIL.has(abstention.reason) ? detailAsked(question) : "",
            });
  const parts = [message("answer.abstain", { why })];
  if (abstention.suggested?.length)
    parts.push(message("answer.didYouMean", { words: abstention.suggested.map((w) => `« ${w} »`).join(", ") }));
  if (abstention.nearest.length)
    parts.push(
      message("answer.abstainNearest", { titles: abstention.nearest.map((d) => `« ${d.title} »`).join(", ") }),
    );
  return parts.join("\n\n");
}

/**
 * The words of a question besides the subjects the corpus covers (« maire » in « Qui est le maire de Quimper ? »):
 * what it asks of them. Each word of a covered name counts as covered (« saint », « martin » of « saint martin »).
 */
function restOf(question: string, covered: string[]): string[] {
  const own = new Set(covered.flatMap((c) => c.split(/[\s-]+/)));
  return keywords(question).filter((w) => !own.has(w) && !/^\d+$/.test(w));
}

/** Reasons whose explanation names the words the decision found missing, which may not be those the corpus lacks. */
const MAY_NAME_USED = new Set<Answerability["reason"]>(["low-coverage", "missing-name", "names-apart"]);

/**
 * The words of a question the corpus never uses (no passage, heading or title holds them, nor their singular or
 * plural, nor another form of the same stem: « donnera » is « donner »), as the question folds them: « recette »,
 * « tartiflette » in « Quelle est la meilleure recette de tartiflette ? ». Empty without the corpus' vocabulary.
 */
export async function wordsNeverUsed(question: string, store: AnswerDeps["store"]): Promise<string[]> {
  const vocabulary = await vocabularyOf(store);
  if (!vocabulary) return [];
  const used = (w: string) => w.split(/[\s-]+/).length > 1 || usesSomeForm(w, vocabulary);
  return keywords(question).filter((w) => !/\d/.test(w) && !used(w));
}

/**
 * Reasons whose wording names a subject as absent (« aucun passage pertinent ne traite de « Nextcloud » »), when the
 * corpus may cover it and lack only a detail. Not « low-coverage »: its words are those no passage holds together,
 * and a word the corpus merely uses somewhere (« ticket ») is not a subject it covers.
 */
const WORDED_AS_SUBJECT = new Set<Answerability["reason"]>(["missing-name", "names-apart"]);

/**
 * The missing words of an abstention that the corpus covers as a subject: a document about it — its title, or its
 * page's address (`catalog/alternative/nextcloud`, `case-studies/gendarmerie-nationale-gendbuntu`) — among the
 * passages retrieved or those the full-text index finds for the word. A word the corpus only mentions in passing (a
 * vendor's town, « Bordeaux ») is not a subject it covers; a year never is (the corpus lacks that year, not its topic).
 */
export async function coveredWords(
  missing: string[],
  results: SearchResult[],
  store?: AnswerDeps["store"],
): Promise<string[]> {
  const out: string[] = [];
  const about = (w: string, docId: string, title = "") =>
    docId.split("/").pop()!.split("-").includes(w.replace(/\s+/g, "-")) ||
    coverage([w], title) === 1 ||
    (w.includes(" ") && docId.includes(w.replace(/\s+/g, "-")));
  for (const w of missing) {
    if (/^(?:19|20)\d\d$/.test(w) || /^\d+$/.test(w)) continue;
    if (results.some((r) => about(w, r.document.id, r.document.title))) {
      out.push(w);
      continue;
    }
    const hits = store ? await store.searchText(fold(w), 20) : [];
    if (hits.some((h) => about(w, h.id.replace(/#\d+$/, "")))) out.push(w);
  }
  return out;
}

/** Latest date (ISO) of the given passages' documents, or null. */
export function latestDate(passages: SearchResult[]): string | null {
  const dates = passages
    .map((r) => r.document.date)
    .filter((d): d is string => !!d)
    .sort();
  return dates.at(-1) ?? null;
}

/**
 * Date of the facts an extractive answer quotes: that of the document quoted first (the best, the one that carries
 * the answer), or, when it has none, of the first dated one after it. The passages quoted beside it are nearby topics
 * and do not make the answer look more recent than its facts (trial: a Gendarmerie answer of 2021 dated April 2026 by
 * a DINUM passage quoted third).
 */
export function mainDate(quoted: SearchResult[]): string | null {
  return quoted.find((r) => r.document.date)?.document.date ?? null;
}

/** Whether a date (YYYY, YYYY-MM or YYYY-MM-DD) is more than a year before `today` (YYYY-MM-DD). */
export function olderThanAYear(date: string | null, today = localDay()): boolean {
  if (!date) return false;
  // A year alone stands for its last day, a month for its last day too: « 2025 » is not a year old on 1 June 2026.
  const [y, m, d] = date.split("-").map(Number);
  const end = d ? new Date(Date.UTC(y!, m! - 1, d)) : new Date(Date.UTC(m ? y! : y! + 1, m ? m : 0, 0));
  const yearBefore = new Date(`${today}T00:00:00Z`);
  yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
  return end.getTime() < yearBefore.getTime();
}

/** A passage with its credit: of the whole passage, or of the excerpt shown (`shown`). */
export function credited(r: SearchResult, shown?: string): AnswerSource {
  const credit = passageCredit(r, shown);
  return { ...r, source: creditedSource(credit, r.sources), credit };
}

/** The text a passage gives the checks: its document, heading and body, as the model saw them. */
export const verifiable = (r: SearchResult, n: number) => ({
  n,
  text: `${r.document.title} — ${r.section}\n${r.text}`,
});

export async function* answer(
  messages: ConversationMessage[],
  deps: AnswerDeps,
  options: AnswerOptions,
  signal: AbortSignal,
): AsyncGenerator<AnswerEvent> {
  const question = messages.at(-1)!.content;
  // « Merci beaucoup ! », « Bonjour » ask nothing of the corpus: a word of our own, no passage (and no previous
  // question carried into them, which would quote its answer again).
  const chat = smallTalk(question);
  if (chat) {
    const status = await deps.models.status();
    yield { type: "sources", sources: [] };
    yield { type: "token", text: message(`answer.smallTalk.${chat}`) };
    yield {
      type: "done",
      mode: status.llmAvailable ? "generated" : "extractive",
      usage: null,
      notice: null,
      abstention: null,
      verification: null,
      factsAsOf: null,
      factsOld: false,
      grounded: false,
      smallTalk: chat,
    };
    return;
  }
  const retrieved = await retrieveForAnswer(messages, deps, options.retrieve ?? 8);
  const { query, results, decision } = retrieved;
  const relevant = aboveFloor(retrieved.relevant, retrieved.mode, vendorCompanions(query, retrieved.relevant));
  const terms = keywords(query);
  const status = await deps.models.status();
  const mode = status.llmAvailable ? "generated" : "extractive";

  if (!decision.answerable || relevant.length === 0) {
    // Nearby topics are guides, case studies and networks: a catalog card (« Éditeur : Bodet Software ») is a
    // record, not a topic to suggest.
    const seen = new Set<string>();
    const nearest = results
      .filter((r) => r.document.kind !== "catalog" && !seen.has(r.document.id) && seen.add(r.document.id))
      .slice(0, 3)
      .map((r) => ({ id: r.document.id, title: r.document.title }));
    // What the refusal names as missing is what this question wrote: a follow-up carries the previous question's
    // words into the search, not into the reasons (« nexcloud c'est francais ? » after « gendarmrie … »).
    const earlier = messages.slice(0, -1).filter((m) => m.role === "user");
    const own = decision.missing.filter((m) => writtenIn(m, question) || !earlier.some((e) => writtenIn(m, e.content)));
    const abstention: Abstention = {
      reason: decision.answerable ? "low-coverage" : decision.reason,
      missing: own.length ? own : decision.missing,
      nearest: decision.reason === "no-terms" ? [] : nearest,
    };
    const covered = await coveredWords(abstention.missing, results, deps.store);
    if (covered.length) abstention.covered = covered;
    // The decision named words the corpus uses, while it never uses others of the question: those are what it lacks.
    // A word of a missing name (« monts » of « saint jean monts ») is named as that name, which the decision found.
    if (MAY_NAME_USED.has(abstention.reason)) {
      const never = absentNamed(abstention.missing, await wordsNeverUsed(question, deps.store));
      if (never.length && !abstention.missing.some((m) => never.includes(m))) abstention.absent = never;
    }
    const suggested = await suggestions(abstention, query, deps.store);
    if (suggested.length) abstention.suggested = suggested;
    yield { type: "sources", sources: [] };
    yield { type: "token", text: abstentionText(abstention, query) };
    yield {
      type: "done",
      mode,
      usage: null,
      notice: status.llmAvailable ? null : status.notice,
      abstention,
      verification: null,
      factsAsOf: null,
      factsOld: false,
      grounded: false,
    };
    return;
  }

  if (!status.llmAvailable) {
    // The best document's other passages: those under the floor, and those the per-document cap set aside.
    // (A question asking whether a rule obliges quotes first the passages saying whom it obliges.)
    const peers = await withPeers(query, relevant, [...results, ...retrieved.held], deps, options.retrieve ?? 8);
    const leading = await leadingSections(query, results, peers, deps.store);
    // (Asked for arguments to convince: a reversal's passages after the others, `reversalsLast`.)
    const ordered = reversalsLast(query, obligationFirst(query, leading.passages.slice(0, 6)));
    const chosen = chooseSections(query, ordered, [
      ...retrieved.relevant,
      ...retrieved.held,
      ...(await ownSections(query, ordered[0], deps.store)),
      ...leading.others,
    ]);
    const { extra } = chosen;
    // (A document kept beyond those quoted, when only it has a sentence that answers.)
    const groups = withAnsweringDocument(query, chosen.groups, relevant, askedFor(query));
    const stated = decision.reason === "stated-absent";
    yield* extractive(
      stated ? statingFirst(query, groups, relevant) : groups,
      terms,
      status.notice,
      true,
      askedFor(query),
      extra,
      // (« Combien d'agents utilisent X ? »: the figure of its users is what the quotation shows first.)
      new Set([...countedStems(query), ...doerStems(query)]),
      query,
      retrieved.general,
      stated,
      partialOf(retrieved.partial, question),
      readNote(retrieved.read),
    );
    return;
  }

  const history = budgetHistory(messages.slice(0, -1), options);
  // Delimiters drawn for this request: a question cannot close a passage block or open a forged one.
  const tag = delimiterTag();
  const passages = await budgetPassages(forModel(query, relevant), neutralize(question), history, options, tag);
  yield { type: "sources", sources: passages.used.map((r) => credited(r)) };
  // What Cap Libre writes before the model's text (the openings below): the verification's offsets are the model
  // text's, shifted by it, so that a « non vérifié » mark lands on its sentence in the whole answer (trial20 N-H1).
  let lead = "";
  const opening = (text: string) => {
    lead += text;
    return { type: "token" as const, text };
  };
  // A town given as an example that the corpus does not name: the answer says first that it is about any commune.
  if (retrieved.general.length) yield opening(`${generalNote(retrieved.general)}\n\n`);
  // A word slipped, read as the corpus writes it (« gendarmrie »): said first.
  const read = readNote(retrieved.read);
  if (read) yield opening(`${read}\n\n`);
  // The corpus says it does not know what is asked: the answer opens on that sentence, as without a model.
  const stated =
    decision.reason === "stated-absent"
      ? statedBrief(
          query,
          passages.used,
          passages.used.map((r) => r.text),
        )
      : null;
  if (stated) yield opening(`${stated.text}\n\n`);
  // A question in two parts whose second the corpus does not answer: said first, and the model told so.
  const partial = partialOf(retrieved.partial, question);
  if (partial) yield opening(`${partial.statement}\n\n`);
  // A fact of the asker's own collectivité (« notre conseil a voté … à quelle date ? »): said first, as without a
  // model, and the model told that the passages speak of other bodies (`own-answer.ts`).
  const own =
    partial || stated
      ? null
      : ownOpening(
          query,
          passages.used.map((r) => r.text),
          askedFor(query),
        );
  if (own) yield opening(`${own.statement}\n\n`);
  const asked = await answerTemplate.format({ passages: passages.text, question: neutralize(question), tag });
  const note = retrieved.partial ? partialPrompt(neutralizedPart(retrieved.partial)) : own?.prompt;
  const turns: ChatTurn[] = [
    { role: "system", content: systemPrompt },
    ...history,
    { role: "user", content: note ? `${asked}\n\n${note}` : asked },
  ];
  let usage: Usage | null = null;
  let produced = false;
  let text = "";
  const idle = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), options.idleTimeoutMs ?? 120_000);
  };
  try {
    rearm();
    const modelSignal = AbortSignal.any([signal, idle.signal]);
    for await (const event of deps.models
      .chat()
      .stream(turns, { signal: modelSignal, numCtx: options.numCtx, maxTokens: options.maxAnswerTokens })) {
      if (idle.signal.aborted) throw new Error("model idle timeout");
      rearm();
      if (event.type === "token") {
        produced = true;
        text += event.text;
        yield event;
      } else {
        usage = event.usage;
      }
    }
    if (idle.signal.aborted) throw new Error("model idle timeout");
  } catch (err) {
    if (signal.aborted) return;
    deps.models.markUnreachable();
    if (produced) yield { type: "token", text: "\n\n" };
    const notice =
      idle.signal.aborted || (err as Error)?.name === "ModelTimeoutError"
        ? message("ollama.timeout", { seconds: Math.round((options.idleTimeoutMs ?? 120_000) / 1000) })
        : (deps.models.failureNotice?.(err) ?? message("ollama.failedMidStream"));
    yield* extractive(
      passages.used.slice(0, 4).map((r) => [r]),
      terms,
      notice,
    );
    return;
  } finally {
    clearTimeout(timer);
  }
  if (signal.aborted) return;
  // An empty reply is not an answer: the passages are quoted instead, and the user is told why.
  if (!produced)
    return yield* extractive(
      passages.used.slice(0, 4).map((r) => [r]),
      terms,
      message("ollama.emptyReply"),
    );
  const checked = checkAnswer(text, passages.used, askedContext(messages), question);
  if (lead)
    checked.verification = {
      ...checked.verification,
      sentences: checked.verification.sentences.map((x) => ({
        ...x,
        start: x.start + lead.length,
        end: x.end + lead.length,
      })),
    };
  if (options.verifyWithModel) {
    checked.verification = await confirmWithModel(
      checked.verification,
      passages.used.map((r, i) => verifiable(r, i + 1)),
      deps.models.chat(),
      { signal, numCtx: options.numCtx },
    );
  }
  // The list again, each passage credited for what the answer says citing it (the statements it restates).
  yield {
    type: "sources",
    sources: passages.used.map((r, i) =>
      creditedFor(
        r,
        checked.verification.sentences.filter((x) => x.citations.includes(i + 1)).map((x) => x.text),
      ),
    ),
  };
  // Nothing the answer says is confirmed: said first, with what the passages say in brief.
  const unconfirmed = noneConfirmed(checked.verification)
    ? {
        notice: message("answer.unconfirmed"),
        brief: briefOf(
          query,
          passages.used,
          passages.used.map((r) => r.text),
          askedFor(query),
        ),
      }
    : null;
  yield {
    type: "done",
    mode: "generated",
    usage,
    notice: null,
    abstention: null,
    ...checked,
    ...(partial ? { partial } : {}),
    ...(unconfirmed ? { unconfirmed } : {}),
  };
}

/**
 * Whether no sentence of a checked answer is confirmed: some are « non vérifié » or wrongly cited, none is supported,
 * drawn as the model's deduction or attested.
 */
export const noneConfirmed = (v: Verification) =>
  v.counts.supported + (v.counts.inferred ?? 0) + (v.counts.attested ?? 0) === 0 &&
  v.counts.unsupported + v.counts.invalidCitation > 0;

/** The partial outcome of a two-part question the corpus answers in part (`two-parts.ts`), with its statement. */
function partialOf(missing: MissingPart | null, question: string): PartialOutcome | null {
  return missing ? { kind: "partial", missing: missing.part, statement: partialStatement(missing, question) } : null;
}

/** The parts of a missing part as the model reads them: the question's words, neutralized as the question is. */
const neutralizedPart = (m: MissingPart): MissingPart => ({
  ...m,
  part: neutralize(m.part),
  first: neutralize(m.first),
});

/**
 * A passage credited for the sentences of a generated answer that cite it (`claimsCredit`): the sources of the
 * statements they restate; statements naming none, or none restated, credit the corpus page (or its single source).
 */
export function creditedFor(r: SearchResult, claims: string[]): AnswerSource {
  if (claims.length === 0) return credited(r);
  let credit = claimsCredit(claims, r);
  if (credit.basis === "named" && credit.sources.length === 0) credit = passageCredit(r);
  return { ...r, source: creditedSource(credit, r.sources), credit };
}

/**
 * What the user wrote about their own collectivité in the conversation (« notre commune de 12 000 habitants »), as
 * a draft reads its sender's first person (`firstPersonClauses`): the answer may repeat those figures and names without a passage
 * giving them, and the size of the collectivité a question is asked for (« une ville de 45000 habitants »,
 * `askedSetting`). What the user says of others (« Est-il vrai que Munich a économisé … ? ») is not in it: it is checked.
 */
export const askedContext = (messages: ConversationMessage[]): string[] =>
  messages
    .filter((m) => m.role === "user")
    .flatMap((m) => [...firstPersonClauses(m.content), ...askedSetting(m.content)]);

/** Verification of a generated answer, and the date of the facts it rests on (its valid citations). */
export function checkAnswer(
  text: string,
  used: SearchResult[],
  asked: string[] = [],
  /** The question answered (`VerifyOptions.question`). */
  question = "",
): { verification: Verification; factsAsOf: string | null; factsOld: boolean; grounded: boolean; cited: number[] } {
  const verification = verifyText(
    text,
    used.map((r, i) => verifiable(r, i + 1)),
    { asked, checkUncited: true, question },
  );
  const numbers = [...new Set(citationNumbers(text).filter((n) => n >= 1 && n <= used.length))].sort((a, b) => a - b);
  const cited = numbers.map((n) => used[n - 1]!);
  const factsAsOf = latestDate(cited);
  return {
    verification,
    factsAsOf,
    factsOld: olderThanAYear(factsAsOf),
    grounded: cited.length > 0,
    cited: numbers,
  };
}

/**
 * Length of a quotation in an extractive answer: of a document's only passage, of each of two passages of one
 * document, and the factor for the best document's.
 */
const QUOTE_CHARS = { alone: 500, shared: 400, first: 1.5 };

/**
 * Characters aimed at for one document's quotation when it joins several sections (« … »): about a minute read
 * aloud in a council meeting, a little more than the best document's quotation of a single passage (750).
 */
const QUOTE_LIMIT = 900;

/** Documents quoted at most in an extractive answer. */
const MAX_QUOTED_DOCUMENTS = 4;

/** Passages grouped by document, in the order of each document's best passage, at most `max` documents. */
export function byDocument(passages: SearchResult[], max = MAX_QUOTED_DOCUMENTS): SearchResult[][] {
  const groups = new Map<string, SearchResult[]>();
  for (const r of passages) {
    const group = groups.get(r.document.id);
    // A passage listed twice (two copies of one section) is quoted once.
    if (group?.some((g) => g.id === r.id)) continue;
    if (group) group.push(r);
    else if (groups.size < max) groups.set(r.document.id, [r]);
  }
  // Within a document, the passages in the page's order (`doc#3` before `doc#8`).
  const ordinal = (r: SearchResult) => Number(r.id.slice(r.id.lastIndexOf("#") + 1)) || 0;
  return [...groups.values()].map((g) => g.sort((a, b) => ordinal(a) - ordinal(b)));
}

/**
 * The passages an extractive answer quotes, grouped by document (`byDocument`). The best document may quote one
 * section more: the best, by what the question asks (`rankSections`), of its `others` (passages the per-document cap
 * set aside, or under the relevance floor) when it answers better than one of those quoted first: « Combien de
 * collectivités … NIS2 ? » also quotes the section with « environ 1 500 collectivités », beside the two that say
 * « NIS2 » and « directive » most often.
 */
export function chooseSections(
  query: string,
  passages: SearchResult[],
  others: SearchResult[],
): { groups: SearchResult[][]; extra: Set<SearchResult> } {
  const groups = byDocument(passages);
  const best = groups[0];
  if (!best || best.length >= MAX_BEST_SECTIONS) return { groups, extra: new Set() };
  const own = (r: SearchResult) => r.document.id === best[0]!.document.id;
  // In ranking order: the passages ranked first, then those set aside; holding the subject the question names, when
  // the passages quoted do (« la gendarmerie … pourquoi » does not add the guide's section on Munich's reasons).
  const named = subjectNames(
    query,
    [...passages, ...others].map((r) => r.text),
  );
  const holding = (r: SearchResult) => holdsNames(`${r.document.title} ${r.section} ${r.text}`, named);
  const candidates = [
    ...new Map(
      [...passages, ...others].filter((r) => own(r) && (!best.every(holding) || holding(r))).map((r) => [r.id, r]),
    ).values(),
  ];
  // (By id: the full-text index's copy of a section already quoted is the same section, not one more.)
  // A page's overview (`isOverview`) is not one of the sections that answer: quoted alone, it leaves a place for one.
  // A question asked under a condition: the section whose sentence says whether the condition changes anything, when
  // those quoted have none (the guide's « la question n'est pas où sont stockées ses données », a chunk apart).
  const condition = conditionAnswer(query) ?? scopeAnswer(query) ?? causeAnswer(query);
  const answering = (r: SearchResult) => !!condition && splitSentences(r.text).some(condition);
  const better =
    (condition && !best.some(answering)
      ? candidates.find((r) => !best.some((b) => b.id === r.id) && answering(r))
      : undefined) ??
    rankSections(
      query,
      candidates.filter((r) => !isOverview(r)),
    )
      .slice(0, Math.max(1, best.filter((r) => !isOverview(r)).length))
      .find((r) => !best.some((b) => b.id === r.id));
  if (!better) return { groups, extra: new Set() };
  // The answer stays as long: the section added takes the place of the last document's quotation.
  const rest = groups.slice(1, MAX_QUOTED_DOCUMENTS - 1);
  return { groups: [byDocument([...best, better])[0]!, ...rest], extra: new Set([better]) };
}

/**
 * The documents an extractive answer quotes, with one more that answers when none of them does: when a question asks
 * a figure, a date, a cost or a grant and « En bref » would find no sentence to read in the documents quoted (`groups`), the first passage of another document among
 * `candidates` (the passages the search kept above its floor, beyond the documents quoted) that has one takes the last
 * document's place, credited to its own source. « Y a-t-il des aides de l'État pour passer au libre ? » quotes the
 * case study whose sentence gives the subsidy, kept sixth behind pages on buying that say no grant.
 */
export function withAnsweringDocument(
  query: string,
  groups: SearchResult[][],
  candidates: SearchResult[],
  asked: Asked[],
): SearchResult[][] {
  // (Only for what a sentence visibly gives or not: « Qu'a décidé l'État ? » is not answered by the first sentence
  // holding its words in a page further down.)
  if (groups.length === 0 || !asksGiven(query, asked)) return groups;
  const texts = (g: SearchResult[]) => g.map((r) => r.text).join(" … ");
  if (briefOf(query, groups.map(asOne), groups.map(texts), asked)) return groups;
  const quoted = new Set(groups.map((g) => g[0]!.document.id));
  const answering = candidates.find((r) => !quoted.has(r.document.id) && briefOf(query, [r], [r.text], asked));
  if (!answering) return groups;
  return [...groups.slice(0, MAX_QUOTED_DOCUMENTS - 1), [answering]];
}

/**
 * The best document's sections that answer what the question asks beyond its title's words (« Combien Munich a-t-elle
 * dépensé pour revenir à Windows ? » on the Munich page: the section on the return, which says its cost is not
 * documented; « … s'applique-t-il si nos données sont hébergées en France ? » on a law's page: the section saying
 * where they are changes nothing), found by the full-text index though the whole corpus' ranking left them out:
 * candidates for `chooseSections`.
 */
async function ownSections(
  query: string,
  best: SearchResult | undefined,
  store: AnswerDeps["store"],
): Promise<SearchResult[]> {
  // Asked under a condition: the page's sections saying whether the condition changes anything. Asked to whom a text
  // applies: those naming collectivités with a duty or a threshold (`scopeAnswer`, trial16 C1). Asked why: those giving
  // the reasons (`causeAnswer`, trial16 C12).
  const condition = conditionAnswer(query) ?? scopeAnswer(query) ?? causeAnswer(query);
  const answering =
    best && condition
      ? (await sectionsOf(best, store)).filter((r) => r.id !== best.id && splitSentences(r.text).some(condition))
      : [];
  if (!best || !store || askedFor(query).length === 0) return answering;
  const title = new Set(keywords(best.document.title));
  const rest = keywords(query).filter((w) => !title.has(w));
  if (rest.length === 0) return answering;
  const folded = fold(expandQuery(rest.join(" ")))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  const hits = await store.searchText(folded, OWN_SECTIONS_SEARCHED, undefined, { withChunks: true });
  const lacking = hits.flatMap((h) =>
    h.chunk && h.chunk.document.id === best.document.id && h.id !== best.id && saysLacking(query, h.chunk.text)
      ? [
          {
            id: h.id,
            text: h.chunk.text,
            section: h.chunk.section,
            score: 0,
            document: best.document,
            sources: best.sources,
            source: passageSourceRef({ text: h.chunk.text, sources: best.sources }),
          },
        ]
      : [],
  );
  return [...answering, ...lacking];
}

/**
 * Expressions by which a page's first section presents the page itself (« pourquoi ce document », « cette fiche »):
 * `server/i18n/fr/overview.txt`, folded.
 */
const OVERVIEW = wordListLines("overview.txt").map((l) =>
  fold(l)
    .replace(/[^a-z0-9]+/g, " ")
    .trim(),
);

/**
 * Whether a passage is its page's overview: the opening section, speaking of the page itself (« Autres collectivités
 * françaises : pourquoi ce document … une petite commune passée à Linux … Chaque section se lit seule. »). It sums up
 * every section in a few words, so the search ranks it first, and it holds none of their facts (the commune's name).
 */
export function isOverview(r: Pick<SearchResult, "id" | "section" | "text">): boolean {
  if (!r.id.endsWith("#0")) return false;
  const folded = ` ${fold(`${r.section} ${r.text}`).replace(/[^a-z0-9]+/g, " ")} `;
  return OVERVIEW.some((o) => folded.includes(` ${o} `));
}

/** Sections read of one page at most, when looking for the one that answers. */
const PAGE_SECTIONS = 40;

/** Every section of a passage's page, in the page's order (none when the store cannot read them). */
async function sectionsOf(r: SearchResult, store: AnswerDeps["store"]): Promise<SearchResult[]> {
  if (!store?.getChunks) return [];
  const ids = Array.from({ length: PAGE_SECTIONS }, (_, i) => `${r.document.id}#${i}`);
  return (await store.getChunks(ids)).sort((a, b) => a.ordinal - b.ordinal).map((c) => searchResultOf(c, r.score));
}

/**
 * The passages an extractive answer starts from, with the page the search ranks first quoted by what answers
 * (trial6), and more sections to choose from (`chooseSections`). When the search ranks one page first and second
 * and the relevance filter kept none of its passages (« Qui peut nous accompagner pour sortir de Microsoft ? »: the
 * support fiche, whose sections say « accompagner » and « migrer » but not « Microsoft »), its section that answers
 * best (`rankSections`) comes first. When the best page is quoted by its overview (`isOverview`), its sections that
 * hold enough of the question's words are offered beside it (« Quelles communes sont passées à Linux ? »: Boé's
 * section, where the overview says only « une petite commune passée à Linux »); the overview stays, as it may hold
 * what the page says in general (« aucune loi n'oblige … »).
 */
export async function leadingSections(
  query: string,
  results: SearchResult[],
  relevant: SearchResult[],
  store: AnswerDeps["store"],
): Promise<{ passages: SearchResult[]; others: SearchResult[] }> {
  let passages = relevant;
  const top = results[0];
  if (
    top &&
    top.document.kind !== "catalog" &&
    (results[1]?.document.id === top.document.id || namedOnlyBy(query, top, relevant)) &&
    !relevant.some((r) => r.document.id === top.document.id)
  ) {
    const best = rankSections(query, await sectionsOf(top, store))[0];
    if (best) passages = [best, ...passages];
  }
  const first = passages[0];
  if (!first || !isOverview(first)) return { passages, others: [] };
  const terms = keywords(query);
  const others = (await sectionsOf(first, store)).filter(
    (s) => s.id !== first.id && isRelevant(terms, `${s.document.title} ${s.section} ${s.text}`),
  );
  return { passages, others };
}

/**
 * Whether the page the search ranks first is the only one about a name the question writes that its title writes in
 * capitals (« NIS2 » of « c'est quoi nis2 et quand ça s'applique aux communes »): no passage kept holds it, so the
 * answer would quote only pages on the question's other words (« s'applique », « communes ») — trial16 C1.
 */
function namedOnlyBy(query: string, top: SearchResult, relevant: SearchResult[]): boolean {
  const names = titleAcronyms(subjectWords(query), [top]);
  const holds = (r: SearchResult, s: string) => holdsStem(stemsOf(`${r.document.title} ${r.section} ${r.text}`), s);
  return names.length > 0 && names.every((s) => !relevant.some((r) => holds(r, s)));
}

/** Passages the full-text index is asked for when looking for the best document's own sections. */
const OWN_SECTIONS_SEARCHED = 60;

/** Sections quoted at most from the best document. */
const MAX_BEST_SECTIONS = 3;

/** Several passages of one document as one source: their texts and headings, in the page's order. */
function asOne(group: SearchResult[]): QuotedPassage {
  if (group.length === 1) return group[0]!;
  return {
    ...group[0]!,
    // Each section's own heading and text: « En bref » credits a sentence with the place its section is about.
    parts: group.map((r) => ({ section: r.section, text: r.text })),
    text: group.map((r) => r.text).join("\n\n"),
    section: [...new Set(group.map((r) => r.section).filter(Boolean))].join(" ; "),
    score: Math.max(...group.map((r) => r.score)),
  };
}

/**
 * Quotes the passages. With `announce`, the sources event goes first, one per document (its passages quoted
 * together: a source is never listed twice), each credited for the excerpt shown. After a failed model call the
 * sources were already sent, one per passage, credited for their whole text: the quotes keep their numbers.
 */
async function* extractive(
  groups: SearchResult[][],
  terms: string[],
  notice: string | null,
  announce = false,
  asked: Asked[] = [],
  extra: Set<SearchResult> = new Set(),
  counted: Set<string> = new Set(),
  query = "",
  general: string[] = [],
  stated = false,
  partial: PartialOutcome | null = null,
  read: string | null = null,
): AsyncGenerator<AnswerEvent> {
  groups = groups.map((g) => [...g]);
  // A question asked under a condition (« … si nos données sont hébergées en France ? »): each excerpt shows the
  // sentence saying whether the condition changes anything, which « En bref » then quotes. One the corpus says it
  // cannot answer: the sentence saying so (`stated-brief.ts`).
  const statedText =
    stated && query
      ? statedSentence(
          query,
          groups.flat().map((r) => r.text),
        )?.text
      : undefined;
  // (A duty asked, « ça nous oblige à quoi ? »: the sentences saying one, whatever their words for it.)
  const condition = query
    ? (conditionAnswer(query) ??
      (statedText ? saysSame(statedText) : null) ??
      dutyAnswer(query) ??
      scopeAnswer(query) ??
      causeAnswer(query) ??
      endOfSupportAnswer(query))
    : null;
  // The best document's quotation may be longer: it is the one most likely to hold the answer whole. A section
  // added for what the question asks (`extra`) is quoted as one of two and leaves the others their length.
  const quotes = groups.map((g, i) => {
    const own = g.filter((r) => !extra.has(r)).length;
    return g.map((r) =>
      excerpt(
        r.text,
        terms,
        // The card of a vendor whose owner is asked is quoted at up to a minute's reading: who bought it and when is
        // the answer, and a cut left « propriétaire non vérifié » without the history that qualifies it (Mitel,
        // Searchlight Capital); a longer card (Microsoft's list of products) is cut as any other.
        isOwnerCard(query, r)
          ? Math.max(QUOTE_CHARS.alone * QUOTE_CHARS.first, QUOTE_LIMIT)
          : extra.has(r)
            ? QUOTE_CHARS.shared * QUOTE_CHARS.first
            : (own > 1 ? QUOTE_CHARS.shared : QUOTE_CHARS.alone) * (i === 0 ? QUOTE_CHARS.first : 1),
        r.section,
        asked,
        counted,
        condition ?? undefined,
      ),
    );
  });
  // A quotation is read aloud: one document's, several sections glued (« … »), stays under `QUOTE_LIMIT` when it
  // can, for a question counting something (« Combien de postes … ? »): a section whose quotation holds no figure of
  // what it counts (the Gendarmerie's savings) is left out when it fits no more; the section that answers best
  // (`rankSections`), the one added for what is asked (`extra`) and every section holding such a figure stay.
  // (Not for « combien de temps »: a duration is no count, and its answer may be worded « cinq ans ».)
  if (query && counted.size && !counted.has(stem("temps")))
    groups.forEach((g, i) => {
      const q = quotes[i]!;
      if (g.length < 2 || q.join(" … ").length <= QUOTE_LIMIT) return;
      const ranked = rankSections(query, g);
      // … and the section saying the corpus does not know what is asked, which the answer opens on.
      const needed = (r: SearchResult) =>
        r === ranked[0] ||
        extra.has(r) ||
        holdsCount(q[g.indexOf(r)]!, counted) ||
        (!!statedText && saysSame(statedText)(q[g.indexOf(r)]!));
      const kept = new Set(g.filter(needed));
      let total = [...kept].reduce((n, r) => n + q[g.indexOf(r)]!.length + 3, 0);
      for (const r of ranked) {
        if (kept.has(r)) continue;
        const n = q[g.indexOf(r)]!.length + 3;
        if (total + n > QUOTE_LIMIT) continue;
        kept.add(r);
        total += n;
      }
      quotes[i] = q.filter((_, j) => kept.has(g[j]!));
      groups[i] = g.filter((r) => kept.has(r));
    });
  // One document's sections may share a paragraph: a quotation already read (or read within another) is not repeated.
  const excerpts = quotes.map((q) => q.filter((x, j) => !q.slice(0, j).some((y) => y.includes(x))).join(" … "));
  // A figure the corpus qualifies (« non confirmé ») keeps its qualification, even when the excerpt left it out.
  const used = groups.map(asOne);
  const notes = groups.map((g, i) =>
    [...new Set(g.flatMap((r, j) => qualificationNote(quotes[i]![j]!, r.text, r.section) ?? []))].join(" "),
  );
  if (announce) yield { type: "sources", sources: used.map((r, i) => credited(r, excerpts[i])) };
  // The short answer first, read aloud in a council meeting: what the passages lack, then a few of their sentences.
  const lacking = query ? (notGiven(query, excerpts, asked) ?? costNotGiven(query, excerpts, asked)) : null;
  // A count the passages give only of other bodies (« combien d'agents a la DINUM »), or a figure of the asker's own
  // collectivité (« combien de postes on a », trial15 A18): said, and no sentence read as it.
  const otherCount = query && !lacking ? countNotGiven(query, excerpts, asked) : null;
  const found = query
    ? ((stated ? statedBrief(query, used, excerpts, asked) : null) ??
      (otherCount || (lacking && OWN_STATEMENTS.has(lacking)) ? null : briefOf(query, used, excerpts, asked)))
    : null;
  // (A deadline now past is said past, as the documents say it.)
  const brief = found ? withPastDeadlines(found, used) : null;
  // (A question in two parts answered in part: what the corpus does not answer, first.)
  const head = [
    read,
    partial?.statement ?? null,
    general.length ? generalNote(general) : null,
    lacking ?? otherCount,
    brief?.text,
  ].filter((x): x is string => !!x);
  const parts = [...head, message(head.length ? "answer.briefDetail" : "answer.extractiveIntro")];
  const chars = head.reduce((n, x) => n + x.length + 2, 0);
  used.forEach((r, i) => {
    parts.push(
      `[${i + 1}] ${passageLabel(r)} (${kindLabel(r.document.kind)}${r.document.date ? `, ${r.document.date}` : ""}) :\n« ${excerpts[i]} »${notes[i] ? ` ${notes[i]}` : ""}`,
    );
  });
  for (const part of parts) yield { type: "token", text: `${part}\n\n` };
  // The facts read aloud are those of the passage « En bref » quotes first, when it quotes one (trial21 T-L6: the SREN
  // page of 25 February quoted, « Faits à jour : 10 février 2026 », the date of the CLOUD Act page listed first).
  const answering = brief?.quotes[0] ? used[brief.quotes[0].source - 1] : undefined;
  const asOf = mainDate(answering ? [answering, ...used] : used);
  yield {
    type: "done",
    mode: "extractive",
    usage: null,
    notice,
    abstention: null,
    verification: null,
    factsAsOf: asOf,
    factsOld: olderThanAYear(asOf),
    grounded: true,
    ...(head.length ? { brief: { chars, quotes: brief?.quotes ?? [] } } : {}),
    ...(partial ? { partial } : {}),
  };
}

/**
 * The groups of sections an answer quotes, the one with the passage saying the corpus does not know what is asked
 * first (`statedSentence` over the passages that answer); that passage quoted alone first when no group holds it.
 */
function statingFirst(query: string, groups: SearchResult[][], relevant: SearchResult[]): SearchResult[][] {
  const stated = statedSentence(
    query,
    relevant.map((r) => r.text),
  );
  if (!stated) return groups;
  const passage = relevant[stated.source - 1]!;
  const k = groups.findIndex((g) => g.some((r) => r.id === passage.id));
  return k < 0 ? [[passage], ...groups] : [groups[k]!, ...groups.filter((_, j) => j !== k)];
}

/**
 * What the answer says before all when the question gave a town the corpus does not name as an example (« une commune
 * comme Figeac »): that it speaks of communes in general, not of that town.
 */
function generalNote(places: string[]): string {
  const named = places.map((p) => `« ${p} »`);
  return message("answer.notGiven.example", {
    places: named.length > 1 ? `${named.slice(0, -1).join(", ")} ni de ${named.at(-1)}` : named[0]!,
  });
}

/** How the answer read the words of the question it corrected (« gendarmrie » → « Gendarmerie »), or null. */
function readNote(read: Retrieved["read"]): string | null {
  if (!read?.length) return null;
  const pairs = read.map(({ typed, meant }) => message("answer.readAs.pair", { typed, meant }));
  return message("answer.readAs", {
    pairs:
      pairs.length > 1
        ? message("answer.readAs.last", { pairs: pairs.slice(0, -1).join(", "), last: pairs.at(-1)! })
        : pairs[0]!,
  });
}

/** Passages searched for more case studies when a question asks for several peers. */
const PEERS_SEARCHED = 24;
/** Documents quoted at most for a question asking for several peers. */
const MAX_PEERS = 3;
/** Whether a section's heading opens on a name (before « : ») holding none of the question's subject words. */
function opensOnPeer(section: string, subject: string[]): boolean {
  const lead = section.split(/\s+:\s+/)[0]!;
  return section.includes(" : ") && /^\p{Lu}/u.test(lead) && coverage(subject, lead) === 0;
}
/** Words of a case study's title that make it a national administration, an army or a State, not a collectivité. */
const ADMINISTRATION = wordListSections("collectivity-kinds.txt").get("administration") ?? [];

/**
 * For a question asking for several peers (« Qu'ont fait d'autres villes … ? », « Quelles communes … ? »), the
 * passages of other case studies beside those kept, one per document (its best), so that the answer quotes several
 * different experiences, not one city's: those holding at least half of the question's subject words; when the
 * question asks about collectivités, not those of national administrations (`collectivity-kinds.txt`).
 */
async function withPeers(
  query: string,
  relevant: SearchResult[],
  found: SearchResult[],
  deps: AnswerDeps,
  retrieve: number,
): Promise<SearchResult[]> {
  if (!asksPeers(query)) return relevant;
  const docs = new Set(relevant.map((r) => r.document.id));
  const cases = new Set(relevant.filter((r) => r.document.kind === "case-study").map((r) => r.document.id));
  if (cases.size >= MAX_PEERS) return relevant;
  const more = await deps.retriever.search(query, Math.max(retrieve, PEERS_SEARCHED));
  const subject = subjectWords(query);
  // A question on collectivités (« d'autres villes », « quelles collectivités ») asks for collectivités' experiences.
  const local = namesCollectivity(query);
  const administration = (title: string) => {
    const folded = ` ${fold(title).replace(/[^a-z0-9]+/g, " ")} `;
    return ADMINISTRATION.some((a) => folded.includes(` ${fold(a)} `));
  };
  const best = new Map<string, { r: SearchResult; held: number }>();
  for (const r of [...found, ...more.results, ...(more.held ?? [])]) {
    if (r.document.kind !== "case-study" || docs.has(r.document.id) || isOverview(r)) continue;
    if (local && administration(r.document.title)) continue;
    // A peer's experience names the kind of body that acted (« la Ville », « la Région », « le Land »), and its
    // heading opens on the peer's name (« Région Occitanie : … »), not on what the question is about (« Microsoft :
    // enseignements … », « Autres incidents de dépendance : … »).
    if (!namesCollectivity(`${r.section} ${r.text}`) || !opensOnPeer(r.section, subject)) continue;
    const held = coverage(subject, `${r.document.title} ${r.section} ${r.text}`);
    if (held < 0.5) continue;
    const seen = best.get(r.document.id);
    if (!seen || held > seen.held || (held === seen.held && r.score > seen.r.score))
      best.set(r.document.id, { r, held });
  }
  const added = [...best.values()]
    .sort((a, b) => b.held - a.held || b.r.score - a.r.score)
    .slice(0, MAX_PEERS - cases.size)
    .map((x) => x.r);
  // The peers come right after the passage ranked first, before the guides and cards it ranked after it: they are
  // what the question asks for.
  return [...relevant.slice(0, 1), ...added, ...relevant.slice(1)];
}

/**
 * The passages given to the model: the catalog cards the question neither names nor asks for (`weighCatalog`: the
 * cards of 8x8 or Malwarebytes « Exposition : CLOUD Act » for a question on the CLOUD Act) left out, as long as
 * other passages remain — in hybrid mode no score floor drops them, and the model would cite them.
 */
export function forModel(query: string, passages: SearchResult[]): SearchResult[] {
  const { unasked } = weighCatalog(
    query,
    passages.map((r) => ({ id: r.id, docId: r.document.id, score: r.score, chunk: r })),
  );
  const kept = passages.filter((r) => !unasked.has(r.id));
  return kept.length ? kept : passages;
}

/** Earlier turns, newest first, as long as they use at most a quarter of the context window. */
function budgetHistory(previous: ConversationMessage[], options: AnswerOptions): ChatTurn[] {
  const budget = Math.floor(options.numCtx / 4);
  const kept: ChatTurn[] = [];
  let used = 0;
  for (const m of [...previous].reverse().slice(0, 6)) {
    const cost = estimateTokens(m.content) + 4;
    if (used + cost > budget) break;
    kept.unshift({ role: m.role, content: m.content });
    used += cost;
  }
  return kept;
}

/** Numbered passage blocks, in rank order, as many as fit in what the context window leaves. */
async function budgetPassages(
  results: SearchResult[],
  question: string,
  history: ChatTurn[],
  options: AnswerOptions,
  tag: string,
) {
  const fixed =
    estimateTokens(systemPrompt) +
    estimateTokens(await answerTemplate.format({ passages: "", question, tag })) +
    history.reduce((n, t) => n + estimateTokens(t.content) + 4, 0) +
    32;
  return fitPassages(results, options.numCtx - options.maxAnswerTokens - fixed, tag);
}
