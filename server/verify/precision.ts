/**
 * A figure stated more precisely than the cited passages give it (trial7, A1–A3): « exactement 30 % » where the passage
 * writes « environ 30 % », « 25 000 euros par an » where it gives 25 000 euros once, « 18 000 postes » where it gives
 * « entre 15 000 et 18 000 postes ». Its words are data (`server/i18n/fr/precision.txt`); `server/verify/index.ts`
 * turns what it finds into reasons.
 */
import { escapeRegExp } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { changeFrom } from "./change-range.ts";
import { approximationBefore, figureMatches, QUANTITY } from "./figure-match.ts";
import { extractFigures, type Figure } from "./figures.ts";
import type { Source } from "./source-sentences.ts";

/** What was found: the figure as the sentence writes it, and what the passage says of it. */
export type PrecisionLoss =
  | { kind: "exact"; figure: string; word: string }
  | { kind: "period"; figure: string; period: string }
  | { kind: "bound"; figure: string; range: string }
  | { kind: "total"; figure: string; total: string; quote: string };

const SECTIONS = wordListSections("precision.txt");
const alternation = (name: string) =>
  (SECTIONS.get(name) ?? []).map((w) => escapeRegExp(w).replace(/\s+/g, "\\s+")).join("|");

/** An exactness word right before a figure (« exactement 30 % »). */
const EXACT_BEFORE = new RegExp(`(?<!\\p{L})(?:${alternation("exact")})\\s*$`, "iu");
/** A period word (« par an », « annuel ») anywhere in a text. */
const PERIOD = new RegExp(`(?<!\\p{L})(?:${alternation("period")})(?!\\p{L})`, "iu");

/** A total word (« au total », « en tout ») anywhere in a text. */
const TOTAL = new RegExp(`(?<!\\p{L})(?:${alternation("total")})(?!\\p{L})`, "iu");
/** A period word right after a figure and its unit (« 12 millions d'euros par an »): an amount per period. */
const PERIOD_AFTER = new RegExp(`^[^.;:\\d]{0,20}?(?<!\\p{L})(?:${alternation("period")})(?!\\p{L})`, "iu");

/** A range that ends right before a figure (« entre 15 000 et », « de 15 000 à »). */
const RANGE_BEFORE = /(?<!\p{L})(?:entre|de)\s+\d[\d\s  .,]*(?:\s*(?:millions?|milliards?|%))?\s+(?:et|à)\s*$/iu;
/** A range that starts right after a figure (« et 18 000 », « à 18 000 »). */
const RANGE_AFTER = /^\s*(?:\p{L}+\s+){0,2}?(?:et|à|→|->)\s*\d/u;
/** A figure written as a range (« 20 à 27 »): each of its bounds is read with the range as its text. */
const RANGE_RAW = /\d\s+à\s+\d/u;
/** Words by which a sentence gives a figure as a bound or a range itself (« jusqu'à 18 000 », « entre … et »). */
const BOUND_BEFORE =
  /(?:(?<!\p{L})(?:entre|de|jusqu['’]à|au plus|au maximum|au moins|au minimum|plus de|moins de|et|à|ou)|→|->)\s*$/iu;

/** Where each occurrence of a figure that matches `f` is written in a passage's sentences. */
function occurrences(f: Figure, pool: Source[]): { text: string; at: number; figure: Figure }[] {
  const out: { text: string; at: number; figure: Figure }[] = [];
  for (const src of pool)
    for (const ss of src.sentences) {
      if (ss.inHeading) continue;
      for (const sf of ss.figures.filter((x) => figureMatches(f, x))) {
        for (const m of ss.text.matchAll(new RegExp(escapeRegExp(sf.raw), "g")))
          out.push({ text: ss.text, at: m.index!, figure: sf });
      }
    }
  return out;
}

/**
 * The first figure of a sentence given more precisely than every occurrence of it in the cited passages: with an
 * exactness word where each is approximated, with a period where none has one in its sentence, alone where each is
 * a bound of a range. What was found, or null.
 */
export function precisionLost(stated: string, pool: Source[]): PrecisionLoss | null {
  let from = 0;
  for (const f of extractFigures(stated)) {
    const at = stated.indexOf(f.raw, from);
    if (at < 0) continue;
    from = at + f.raw.length;
    if (!QUANTITY.has(f.kind)) continue;
    const found = occurrences(f, pool);
    if (found.length === 0) continue;
    const before = stated.slice(Math.max(0, at - 30), at);
    const after = stated.slice(at + f.raw.length, at + f.raw.length + 30);
    // « exactement 30 % » where each occurrence is « environ 30 % ».
    if (EXACT_BEFORE.test(before)) {
      const words = found.map((o) => approximationBefore(o.text.slice(0, o.at + o.figure.raw.length), o.figure));
      if (words.every(Boolean)) return { kind: "exact", figure: f.raw, word: words[0]! };
    }
    // « 25 000 euros par an » where no sentence giving 25 000 euros says a period.
    const period = f.kind === "amount" ? PERIOD.exec(`${before.slice(-20)} ${after}`) : null;
    if (period && !found.some((o) => PERIOD.test(o.text))) return { kind: "period", figure: f.raw, period: period[0] };
    // « 12 millions d'euros au total » where each occurrence is « 12 millions d'euros par an » (trial22 T-M4): what the
    // figure measures, a yearly amount, told as a total.
    const total = f.kind === "amount" ? TOTAL.exec(`${before.slice(-20)} ${after}`) : null;
    if (total && !PERIOD.test(`${before.slice(-20)} ${after}`)) {
      const per = found.map((o) => PERIOD_AFTER.exec(o.text.slice(o.at + o.figure.raw.length)));
      if (per.every(Boolean) && !found.some((o) => TOTAL.test(o.text))) {
        const o = found[0]!;
        const quote = `${o.figure.raw}${o.text.slice(o.at + o.figure.raw.length).slice(0, per[0]!.index + per[0]![0].length)}`;
        return { kind: "total", figure: f.raw, total: total[0], quote: quote.replace(/\s+/g, " ") };
      }
    }
    // « 18 000 postes » where each occurrence is a bound of « entre 15 000 et 18 000 ».
    if (f.kind !== "percent" && !BOUND_BEFORE.test(before) && !RANGE_AFTER.test(after) && !RANGE_RAW.test(f.raw)) {
      const ranges = found.map((o) => {
        // « est passé de 0 à 24 »: a change, not a range (`change-range.ts`).
        if (changeFrom(o.text, o.at)) return null;
        // A range read as one figure (« environ 20 à 27 collectivités » gives 20 and 27, each written « 20 à 27 »).
        if (RANGE_RAW.test(o.figure.raw)) return o.figure.raw;
        const head = RANGE_BEFORE.exec(o.text.slice(Math.max(0, o.at - 40), o.at));
        if (head) return `${head[0]}${o.figure.raw}`;
        const tail = RANGE_AFTER.exec(o.text.slice(o.at + o.figure.raw.length));
        if (!tail) return null;
        const rest = o.text
          .slice(o.at + o.figure.raw.length)
          .match(/^\s*(?:\p{L}+\s+){0,2}?(?:et|à)\s+\d[\d\s  .,]*\d/u);
        return rest ? `${o.figure.raw}${rest[0]}`.trim() : null;
      });
      if (ranges.every(Boolean)) return { kind: "bound", figure: f.raw, range: ranges[0]!.trim() };
    }
  }
  return null;
}
