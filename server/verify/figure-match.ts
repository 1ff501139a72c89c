/** Whether a written figure equals or approximates a source's: values, fractions in words, qualifiers. */
import { readFileSync } from "node:fs";
import { escapeRegExp } from "../core/text.ts";
import type { Figure, FigureKind } from "./figures.ts";

/** Shares written in words (`server/i18n/fr/fractions.txt`, data), and expressions that are never shares. */
const FRACTIONS = (() => {
  const shares: { words: string; value: number }[] = [];
  const never: string[] = [];
  for (const line of readFileSync(new URL("../i18n/fr/fractions.txt", import.meta.url), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (line.startsWith("!")) never.push(line.slice(1).trim().toLowerCase());
    else {
      const [words, value] = line.split(":") as [string, string];
      shares.push({ words: words.trim(), value: Number(value.trim()) });
    }
  }
  return { shares, never };
})();

/** Words before a share written in words that make it an amount (« soit près de la moitié », « environ un tiers »). */
const SHARE_BEFORE =
  /(?:^|[\s,(])(?:soit|environ|près\s+d['’e]\s*|plus\s+d['’e]\s*|moins\s+d['’e]\s*|presque|pas\s+loin\s+d['’e]\s*|au\s+moins|autour\s+d['’e]\s*|à\s+peu\s+près)\s*$/iu;

/**
 * Shares a text writes in words, as percentages: « la moitié des agents » (50 %), « soit près d'un tiers » (33,3 %) —
 * a share of something (« de/des/du/d' » after it) or an amount (an approximation before it), not « à un tiers ».
 */
export function fractionFigures(text: string): Figure[] {
  const found: { at: number; figure: Figure }[] = [];
  const lower = text.toLowerCase();
  for (const { words, value } of FRACTIONS.shares) {
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegExp(words)}(?![\\p{L}])`, "giu"))) {
      const at = m.index!;
      const window = lower.slice(at, at + m[0].length + 20);
      if (FRACTIONS.never.some((n) => window.includes(n))) continue;
      const share = /^\s+(?:de\s|des\s|du\s|d['’])/u.test(text.slice(at + m[0].length));
      if (!share && !SHARE_BEFORE.test(text.slice(Math.max(0, at - 24), at))) continue;
      found.push({ at, figure: { raw: m[0], kind: "percent", value } });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.figure);
}

/** A share written in words (« la moitié »), not in digits. */
const inWords = (f: Figure) => f.kind === "percent" && !/\d/.test(f.raw);
/** How far a share in words may be from the percentage it stands for (« un tiers » for 33 % or 35 %). */
export const FRACTION_TOLERANCE = 2.5;

/**
 * Sections of `server/i18n/fr/self-reported.txt` (data): how a passage says a figure comes from whoever puts it
 * forward (« communiqué par la municipalité elle-même »), and how a sentence says so itself (« a fait état de »), as
 * regular-expression sources; each word is the start of a word (« a|b »: either), « … » stands for one to five words.
 */
const SELF_REPORTED = (() => {
  const out = new Map<string, string[]>();
  let current = "";
  for (const line of readFileSync(new URL("../i18n/fr/self-reported.txt", import.meta.url), "utf8").split("\n")) {
    const l = line.trim();
    if (!l || l.startsWith("#")) continue;
    const section = /^\[([a-z]+)\]$/.exec(l);
    if (section) {
      current = section[1]!;
      continue;
    }
    const pattern = l
      .split(/\s*…\s*/u)
      .map((part) =>
        part
          .split(/\s+/)
          .map(
            (w) =>
              `(?:${w
                .split("|")
                .map((a) => escapeRegExp(a).replace(/['’]/g, "['’]\\s*"))
                .join("|")})\\p{L}*`,
          )
          .join("\\s+"),
      )
      .join("(?:\\s+\\S+){1,5}?\\s+");
    out.set(current, [...(out.get(current) ?? []), pattern]);
  }
  return out;
})();

/**
 * Words by which the corpus qualifies a figure it does not vouch for (« non confirmé », « contesté », « communiqué par
 * la municipalité elle-même »…); any space between two words, a wrapped line's too (« non\n  confirmé » reads « non
 * confirmé » once unwrapped).
 */
export const QUALIFIER_SOURCE = new RegExp(
  [
    /non[-\s]+confirm|confirm\p{L}*\s+par\s+aucune?\s|aucune?\s+(?:autre\s+)?source\s+ne\s+(?:l[ea]s?\s+|l['’])?confirm|pas\s+(été\s+)?confirm|jamais\s+(été\s+)?confirm|contest|non\s+v[ée]rifi|inv[ée]rifi|non\s+sourc|d[ée]menti|all[ée]gation|revendiqu|selon\s+(l['’]|les?\s+)?[ée]diteur|avancée?s?\s+par|sans\s+source|douteu/u
      .source,
    ...(SELF_REPORTED.get("source") ?? []),
  ].join("|"),
  "iu",
);
/** A self-reported figure's qualifier (« communiqué par la municipalité elle-même »), as written. */
export const SELF_REPORTED_WORD = new RegExp(`(?:${(SELF_REPORTED.get("source") ?? []).join("|")})\\p{L}*`, "iu");
/** The qualifier as written, whole word (« non confirmés »). */
export const QUALIFIER_WORD = new RegExp(`(?:${QUALIFIER_SOURCE.source})\\p{L}*`, "iu");
/** Words by which a sentence keeps the reserve itself (« selon », « affirme », « a fait état de »). */
export const QUALIFIER_CLAIM = new RegExp(
  [
    /non[- ]confirm|pas (été )?confirm|jamais (été )?confirm|contest|v[ée]rifi|sourc|d[ée]menti|all[ée]gation|revendiqu|selon|d['’]apr[èe]s|avanc|annonc|affirm|estim|pr[ée]sent[ée]|douteu|prudence|sans preuve|incertain/u
      .source,
    ...(SELF_REPORTED.get("claim") ?? []),
  ].join("|"),
  "iu",
);

function sameValue(a: number, b: number): boolean {
  if (Math.abs(a - b) < 1e-9) return true;
  if (Number.isInteger(b)) return false;
  return Math.abs(Math.round(b) - a) < 1e-9 || Math.abs(Math.round(b * 10) / 10 - a) < 1e-9;
}

export function figureMatches(f: Figure, s: Figure): boolean {
  switch (f.kind) {
    case "percent":
      if (s.kind !== "percent") return false;
      return inWords(f) || inWords(s) ? Math.abs(f.value - s.value) <= FRACTION_TOLERANCE : sameValue(f.value, s.value);
    case "amount":
    case "number":
      return (
        (s.kind === "amount" || s.kind === "number" || s.kind === "percent" || s.kind === "year") &&
        sameValue(f.value, s.value)
      );
    case "year":
      return s.year === f.year || (s.kind === "number" && s.value === f.value);
    case "month":
      return (s.kind === "month" || s.kind === "date") && s.year === f.year && s.month === f.month;
    case "date":
      return s.kind === "date" && s.year === f.year && s.month === f.month && s.day === f.day;
    case "daymonth":
      return (s.kind === "date" || s.kind === "daymonth") && s.month === f.month && s.day === f.day;
  }
}

/**
 * The word before a figure that says it is rounded (« près de 40 % », « plus de 230 projets »), lower case, or null.
 */
export function approximationBefore(sentence: string, f: Figure): string | null {
  return roundingWordBefore(sentence, f.raw);
}

/** The word before a figure written `raw` that says it is rounded (« plus de trois cents logiciels »), or null. */
export function roundingWordBefore(sentence: string, raw: string): string | null {
  const at = sentence.indexOf(raw);
  if (at < 0) return null;
  const m =
    /(?:^|[\s(«'’])(un peu plus d['’]|un peu moins d['’]|plus d['’]|moins d['’]|près d['’]|pas loin d['’]|autour d['’]|un peu plus de|un peu moins de|plus de|moins de|près de|pas loin de|autour de|à peu près|environ|quelque|presque|au moins)\s*$/iu.exec(
      sentence.slice(Math.max(0, at - 24), at),
    );
  return m ? m[1]!.toLowerCase().replace(/d['’]$/, "de") : null;
}

/** A value written with at most two significant digits (« 230 », « 12 millions », « 40 % »): a rounded one. */
const isRound = (v: number) => String(v).replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length <= 2;

/**
 * Whether a rounded figure of a sentence stands for a figure of a source: « près de 12 millions d'euros » for 11,7
 * millions (within 6 %; 2 points for a share), « plus de 230 projets » for 233 (the source at or above it, within
 * 10 %), « moins de 1 000 » for 950. A figure that is not round (« environ 203 ») must be exact.
 */
export function approximates(f: Figure, s: Figure, word: string): boolean {
  if (!QUANTITY.has(f.kind) || !QUANTITY.has(s.kind) || (f.kind === "percent") !== (s.kind === "percent")) return false;
  if ((!isRound(f.value) && !inWords(f)) || s.value <= 0 || f.value === s.value) return false;
  // « près de la moitié » for 47 %, « près de 40 % » for 39,2 %.
  if (f.kind === "percent" && Math.abs(f.value - s.value) > (inWords(f) ? 2 * FRACTION_TOLERANCE : 2)) return false;
  if (inWords(f))
    return /plus de|au moins/.test(word) ? s.value >= f.value : /moins de/.test(word) ? s.value <= f.value : true;
  const gap = Math.abs(f.value - s.value) / s.value;
  if (/plus de|au moins/.test(word)) return s.value >= f.value && gap <= 0.1;
  if (/moins de/.test(word)) return s.value <= f.value && gap <= 0.1;
  return gap <= 0.06;
}

export const QUANTITY = new Set<FigureKind>(["percent", "amount", "number"]);
