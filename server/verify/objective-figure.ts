/**
 * A percentage the sentence names as an objective (« son objectif de 40 % », « l'objectif de 30 % ») and a source
 * sentence names so too (« Objectif : réduire de 40 % l'exposition pondérée ») is the same figure, said of the same
 * thing — though « objectif » is a word the figure's context leaves out as saying nothing checkable (`WEAK`), so the
 * two contexts shared no word and the figure was read « pour autre chose » (faithful-blind-18 to -20: three right
 * progress-note sentences flagged). The objective words are data (`server/i18n/fr/objective-words.txt`).
 */
import { fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import type { Figure } from "./figures.ts";

const OBJECTIVE_WORDS = new Set(wordListLines("objective-words.txt").map((w) => fold(w)));

/** Whether one of the (at most `span`) words right before `at` in `text` is an objective word. */
function objectiveBefore(text: string, at: number, span: number): boolean {
  const before = fold(text.slice(Math.max(0, at - 80), at))
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  return before.slice(-span).some((w) => OBJECTIVE_WORDS.has(w));
}

/** Whether the sentence names the percentage `f`, written at `at`, as an objective (« objectif de 40 % »). */
export const statedObjective = (stated: string, f: Figure, at: number): boolean =>
  f.kind === "percent" && objectiveBefore(stated, at, 3);

/**
 * Whether a source sentence names a percentage `matches` accepts as an objective, in its own clause (« Objectif :
 * réduire de 40 % », not « … ; objectif atteint. Réduction : 40 % »).
 */
export function sourceObjective(text: string, raw: string[]): boolean {
  return raw.some((r) => {
    for (let at = text.indexOf(r); at >= 0; at = text.indexOf(r, at + 1)) {
      const clause =
        text
          .slice(0, at)
          .split(/[.;]\s/)
          .at(-1) ?? "";
      if (objectiveBefore(clause, clause.length, 4)) return true;
    }
    return false;
  });
}
