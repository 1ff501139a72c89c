/**
 * A date the cited passage gives to one step of a text put on another step of it (trial14 A18): « Le Data Act
 * s'applique depuis le 11 janvier 2024 » where the passage says it « est entré en vigueur le 11 janvier 2024 et
 * s'applique depuis le 12 septembre 2025 ». Each date is tied to the step written nearest before it in its clause
 * (since the previous date), else right after it: entrée en vigueur, application, signature, adoption… (data:
 * `server/i18n/fr/event-dates.txt`). The sentence is flagged when every cited occurrence of its date is tied to another
 * step, and the cited passages tie its step to another date.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { withoutReferences } from "./sentences.ts";
import { located, type Source } from "./source-sentences.ts";

const DATE_KINDS = new Set(["date", "month", "year"]);
const STEPS = [...wordListSections("event-dates.txt")].map(([step, lines]) => ({
  step,
  pattern: new RegExp(
    `(?<!\\p{L})(?:${lines
      .map((l) => foldApostrophes(l).toLowerCase())
      .sort((a, b) => b.length - a.length)
      .map((l) => escapeRegExp(l).replace(/'/g, "['’]").replace(/\s+/g, "\\s+"))
      .join("|")})(?!\\p{L})`,
    "giu",
  ),
}));
/** How far from its date a step is read, in characters. */
const REACH = 70;

type Dated = { f: Figure; step: string; words: string };

/** The last (or first) step written in a stretch of text, with its words. */
function stepIn(stretch: string, last: boolean): { step: string; words: string; at: number } | null {
  const folded = foldApostrophes(stretch);
  let best: { step: string; words: string; at: number } | null = null;
  for (const { step, pattern } of STEPS) {
    pattern.lastIndex = 0;
    for (const m of folded.matchAll(pattern)) {
      if (!best || (last ? m.index > best.at : m.index < best.at))
        best = { step, words: stretch.slice(m.index, m.index + m[0].length), at: m.index };
    }
  }
  return best;
}

/** The dates of a text, outside parentheses, each with the step it dates when one is written next to it. */
export function datedSteps(text: string): Dated[] {
  const spots = located(
    text,
    extractFigures(text).filter((f) => DATE_KINDS.has(f.kind) && f.year !== undefined),
  );
  const out: Dated[] = [];
  spots.forEach((s, i) => {
    const before = text.slice(0, s.at);
    const open = (before.match(/\(/g) ?? []).length - (before.match(/\)/g) ?? []).length;
    if (open > 0) return;
    const from = Math.max(i > 0 ? spots[i - 1]!.end : 0, s.at - REACH);
    const head = text
      .slice(from, s.at)
      .split(/[;:.!?](?!\d)/)
      .at(-1)!;
    const next = i + 1 < spots.length ? spots[i + 1]!.at : text.length;
    const tail = text.slice(s.end, Math.min(next, s.end + REACH)).split(/[,;:.!?(](?!\d)/)[0]!;
    const found = stepIn(head, true) ?? stepIn(tail, false);
    if (found) out.push({ f: s.f, step: found.step, words: found.words.replace(/\s+/g, " ") });
  });
  return out;
}

/** Whether two dates are the same (to the precision both give). */
const sameDate = (a: Figure, b: Figure) =>
  a.year === b.year &&
  (a.month === undefined || b.month === undefined || a.month === b.month) &&
  (a.day === undefined || b.day === undefined || a.day === b.day);

/**
 * The sentence's date the cited passages give to another step, the step the sentence gives it, the passage's step
 * for it (with its words) and the passage's date for the sentence's step; else null.
 */
export function dateOfAnotherStep(
  stated: string,
  pool: Source[],
): { date: string; step: string; other: string; words: string; otherDate: string } | null {
  const mine = datedSteps(withoutReferences(stated));
  if (mine.length === 0) return null;
  const theirs = pool.flatMap((src) =>
    src.sentences.filter((ss) => !ss.inHeading && ss.text !== ss.heading).flatMap((ss) => datedSteps(ss.text)),
  );
  for (const d of mine) {
    const same = theirs.filter((t) => sameDate(d.f, t.f));
    if (same.length === 0 || same.some((t) => t.step === d.step)) continue;
    const otherDate = theirs.find((t) => t.step === d.step && !sameDate(d.f, t.f));
    if (!otherDate) continue;
    return { date: d.f.raw, step: d.step, other: same[0]!.step, words: same[0]!.words, otherDate: otherDate.f.raw };
  }
  return null;
}
