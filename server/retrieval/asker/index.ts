/**
 * Who asks, read once per question: what the asker says of themselves or of their situation (« notre commune a
 * quitté gmail », « on a raté le dépôt du dossier, … », « un militant m'a dit que … », « je me demande … »), the
 * question's context (the spans whose words count where a passage holds them, never against it) and what it asks.
 * Retrieval and abstention (`relevance.ts`, `question-terms.ts`, `second-ask.ts`, `answer.ts`) and the verifier
 * (`server/verify/asker-context.ts`) all read this one value (`readAsker`), each asking it again for the same text
 * rather than reading the question anew. Its parts: `clauses.ts` (the asker's clauses), `context.ts` (the context
 * spans), `acts.ts` (the acts the asker says done); its words: `server/i18n/fr/asker.txt`.
 */
import { BoundedMap } from "../../core/bounded.ts";
import { type AskerAct, askerActs } from "./acts.ts";
import { askerStatement, hearsaySource, reportedAsk } from "./clauses.ts";
import {
  type AskerClauses,
  framedQuestionStart as framedStart,
  openingContextEnd as openingEnd,
  outsideSpans,
  ownTermSpans,
  type Span,
  contextSpans as spansOf,
} from "./context.ts";

export { type AskerAct, alternation } from "./acts.ts";
export { askedClauseStart, reportedAsk } from "./clauses.ts";
export { CLAUSE_END, closingPurpose, openingPurposes, type Span, typedAsSearch } from "./context.ts";

/** A question read for who asks, where their words stop, and what it asks. */
export interface Asker extends AskerClauses {
  /** The spans that give the question's context rather than what it asks (`context.ts`). */
  context: readonly Span[];
  /** The question with its context blanked out: what it asks (same length, same offsets). */
  asking: string;
  /**
   * Where what is asked starts after a clause opening the question on why or for what the asker asks, or 0 (« pour
   * la réunion d'équipe lundi, … », « je dois répondre à une demande de la direction générale : … »).
   */
  askingStart: number;
  /**
   * Where the whole question starts after a clause that reports or announces it, or 0 (« quelqu'un demandait … »,
   * « petite question avant le conseil : … »).
   */
  questionStart: number;
  /** The acts the asker says done in the first person (« nous avons déjà migré la messagerie »). */
  acts: readonly AskerAct[];
}

/** The questions read lately, by their text: one answer asks for the same reading a score of times. */
const known = new BoundedMap<string, Asker>(512);

/** The reading of a question (of any text read as one: a part of it, a question with its context). */
export function readAsker(question: string): Asker {
  let reading = known.get(question);
  if (!reading) known.set(question, (reading = read(question)));
  return reading;
}

function read(text: string): Asker {
  const clauses: AskerClauses = {
    statement: askerStatement(text),
    source: hearsaySource(text),
    reported: reportedAsk(text),
    ownTerms: Object.freeze(ownTermSpans(text)),
  };
  const context = Object.freeze(spansOf(text, clauses));
  return Object.freeze({
    ...clauses,
    context,
    asking: outsideSpans(text, context),
    askingStart: openingEnd(text, clauses.reported),
    questionStart: framedStart(text, clauses.reported),
    acts: Object.freeze(askerActs(text)),
  });
}

/** The parts of a question that give its context rather than what it asks, as [start, end) offsets. */
export const contextSpans = (question: string): readonly Span[] => readAsker(question).context;
/** A question without its context: what it asks. */
export const outsideContext = (question: string): string => readAsker(question).asking;
/** Where what is asked starts after a clause opening the question on why or for what the asker asks, or 0. */
export const openingContextEnd = (question: string): number => readAsker(question).askingStart;
/** Where the whole question starts after a clause that reports or announces it, or 0. */
export const framedQuestionStart = (question: string): number => readAsker(question).questionStart;
