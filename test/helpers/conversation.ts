import type { ConversationMessage } from "../../server/answers/answer.ts";

/** A conversation of user questions, each earlier one answered « … »: what the page sends for a follow-up. */
export const conversationOf = (...questions: string[]): ConversationMessage[] =>
  questions
    .flatMap((content) => [
      { role: "user" as const, content },
      { role: "assistant" as const, content: "…" },
    ])
    .slice(0, -1);
