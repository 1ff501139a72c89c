/**
 * What the abstention tests give `assessAnswerability` in place of an indexed corpus: a passage written for the test,
 * and the word frequencies and names of a small corpus as the full-text index gives them.
 */
import { acronymExpansion } from "../../server/retrieval/corpus-names.ts";
import { writesAsName } from "../../server/retrieval/relevance.ts";

/** A passage of a document written for the test, as the decision reads it. */
export const passage = (title: string, text: string, kind = "guidance") => ({
  text,
  section: "",
  document: { title, kind },
});

/** Frequencies and names read from a small corpus (`extra`: frequencies of words the test sets itself). */
export function lexicon(corpus: string[], extra: Record<string, number> = {}) {
  const wordsOf = (t: string) =>
    t
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/[^a-z0-9]+/);
  const frequency = async (w: string) =>
    extra[w] ?? corpus.filter((t) => w.split(" ").every((p) => wordsOf(t).includes(p))).length;
  const names = Object.assign(async (w: string) => corpus.some((t) => writesAsName(t, w)), {
    expansion: async (w: string) => corpus.map((t) => acronymExpansion(t, w)).find(Boolean),
  });
  return { frequency, names };
}
