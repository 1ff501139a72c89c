/**
 * Is a passage really about the question? BM25 always ranks something first, even for a question the corpus
 * cannot answer; this checks how many of the question's meaningful words a passage contains, so the assistant
 * can say it does not know instead of answering from the model's memory.
 */
import { readFileSync } from "node:fs";
import { foldText } from "../store/lancedb.ts";

const STOPWORDS = new Set(
  readFileSync(new URL("../i18n/stopwords.fr.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .flatMap((l) => l.split(/\s+/))
    .filter(Boolean)
    .map(foldText),
);

/** Meaningful folded words of a text ("Qu'est-ce que le CLOUD Act ?" → ["cloud", "act"]). */
export function keywords(text: string): string[] {
  return [...new Set(foldText(text).split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && !STOPWORDS.has(w)))];
}

/** Crude French stem: enough to let "économisé" meet "économies" and "mairies" meet "mairie". */
const stem = (w: string) => (w.length > 5 ? w.slice(0, Math.max(5, w.length - 3)) : w.replace(/s$/, ""));

/** Share (0–1) of the question's keywords found in the passage. */
export function coverage(questionKeywords: string[], passage: string): number {
  if (questionKeywords.length === 0) return 0;
  const words = foldText(passage).split(/[^a-z0-9]+/);
  const stems = new Set(words.map(stem));
  const found = questionKeywords.filter((k) => stems.has(stem(k)) || words.some((w) => w.length >= 4 && w.startsWith(stem(k))));
  return found.length / questionKeywords.length;
}

/** A passage answers when it holds at least half of the keywords (all of them for one- or two-word questions). */
export function isRelevant(questionKeywords: string[], passage: string): boolean {
  const needed = questionKeywords.length <= 2 ? 1 : 0.5;
  return coverage(questionKeywords, passage) >= needed - 1e-9;
}
