/**
 * A conversation kept on the server: what the page sends and reads back (web/chat.js takes these types through
 * JSDoc), with no import, so the page's type check can read it.
 */

/** One question and its answer, as the `done` event of `POST /api/chat` left them. */
export interface Exchange {
  /** ISO date of the answer. */
  at: string;
  question: string;
  /** The answer's text, `[n]` citing the n-th source. */
  answer: string;
  /** The listed passages, as the `sources` event gave them (the last one, for a generated answer). */
  sources: unknown[];
  /** The `done` event (mode, verification, abstention, factsAsOf…); null for an answer stopped before its end. */
  done: Record<string, unknown> | null;
}

export interface ConversationSummary {
  id: string;
  title: string;
  /** ISO dates. */
  createdAt: string;
  updatedAt: string;
  /** Number of exchanges. */
  count: number;
}

export interface Conversation extends ConversationSummary {
  exchanges: Exchange[];
}
