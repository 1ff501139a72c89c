/**
 * The figure check: every number, date, percentage and amount of a draft must come from the passages or the
 * structured data it was built from. A figure found in neither is flagged, so an association does not send its
 * council a number the model made up. French formats are read as written in the corpus: « 103 164 »,
 * « 12 millions d'euros », « 12 M€ », « 40 % », « 5 à 13 % », « 8 avril 2026 », « avril 2026 », « 2027 »,
 * « 2026-04-08 »; number words of the sources (« sept catégories ») count too.
 */

import { NUMBER_WORDS } from "../core/number-words.ts";
import { escapeRegExp, fold, MONTHS } from "../core/text.ts";
import { message } from "../i18n/messages.ts";

export type FigureKind = "percent" | "amount" | "number" | "year" | "month" | "date" | "daymonth";

export interface Figure {
  /** The figure as written, e.g. « 12 millions d'euros ». */
  raw: string;
  kind: FigureKind;
  /** Numeric value (euros for amounts, percent points for percentages, the year for dates). */
  value: number;
  day?: number;
  month?: number;
  year?: number;
}

const MONTH_INDEX = new Map(MONTHS.map((m, i) => [fold(m), i + 1]));
const MONTH_RE = `(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)`;

/** A number as French texts write it: « 103 164 », « 2,5 », « 80 000,50 », « 1.5 ». */
const NUM = String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;

/** Number words a sentence may use for a figure (« deux », « douze »…): core's one list. */
export { NUMBER_WORDS };

const MULTIPLIERS: Record<string, number> = {
  mille: 1e3,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
  k: 1e3,
  M: 1e6,
  Md: 1e9,
  Mds: 1e9,
};

const parseNumber = (s: string) => Number(s.replace(/[ \u00a0\u202f]/g, "").replace(",", "."));

/** Blanks a match out so later, looser patterns do not read it again. */
function mask(text: string, start: number, length: number): string {
  return text.slice(0, start) + " ".repeat(length) + text.slice(start + length);
}

/** The number of a European act or a regulation (« (UE) 2022/2555 », « 2016/679 »). */
const ACT_NUMBER = /(?<![\d/])(?:19|20)\d{2}\/\d{1,5}(?![\d/])/g;

/** Numbers of acts written in a text (« 2022/2555 »): names, not figures; `extractFigures` leaves them out. */
export const actNumbers = (text: string): string[] => text.match(ACT_NUMBER) ?? [];

/** Parts of a text that are never figures: URLs, citation markers `[3]`, list numbers, Markdown table rules. */
function stripNonFigures(text: string): string {
  return (
    text
      .replace(/https?:\/\/\S+/g, (m) => " ".repeat(m.length))
      .replace(/\[\d+(?:\s*[,;–-]\s*\d+)*\]/g, (m) => " ".repeat(m.length))
      // The number of a European act (« directive (UE) 2022/2555 »): a name, checked as such (`actNumbers`).
      .replace(ACT_NUMBER, (m) => " ".repeat(m.length))
      .replace(/^(\s*)\d+[.)](?=\s)/gm, (m) => " ".repeat(m.length))
      // A numbered list quoted on one line (« … 4. Prévoir … 5. Publier chaque année »): the numbers are markers.
      .replace(/(?<=(?:^|[.!?…:;»]\s+|[«(]\s*))\d{1,2}[.)](?=\s+\p{Lu})/gmu, (m) => " ".repeat(m.length))
  );
}

/**
 * Extracts the figures of a French text.
 * @example extractFigures("La Gendarmerie économise 12 millions d'euros par an depuis 2008.")
 * // → [{ raw: "12 millions d'euros", kind: "amount", value: 12000000 }, { raw: "2008", kind: "year", value: 2008, year: 2008 }]
 */
export function extractFigures(input: string): Figure[] {
  let text = stripNonFigures(input);
  const found: { at: number; figure: Figure }[] = [];
  const take = (re: RegExp, make: (m: RegExpExecArray) => Figure[] | null) => {
    for (const m of [...text.matchAll(re)]) {
      const figures = make(m as RegExpExecArray);
      if (!figures) continue;
      for (const figure of figures) found.push({ at: m.index!, figure });
      text = mask(text, m.index!, m[0].length);
    }
  };

  // Two days of one month (« le 20 ou le 21 août 2025 », « les 3 et 4 juin 2025 »): two dates.
  take(
    new RegExp(
      String.raw`\b(1er|\d{1,2})\s+(?:ou|et|au)\s+(?:(?:le|du)\s+)?(1er|\d{1,2})\s+${MONTH_RE}\s+(\d{4})\b`,
      "giu",
    ),
    (m) => {
      const month = MONTH_INDEX.get(fold(m[3]!))!;
      return [m[1]!, m[2]!].map((d) => {
        const day = d.toLowerCase() === "1er" ? 1 : Number(d);
        return { raw: m[0], kind: "date" as const, value: Number(m[4]), day, month, year: Number(m[4]) };
      });
    },
  );
  // Dates: « 8 avril 2026 », « 1er mars 2022 », ISO « 2026-04-08 » and « 2026-04 ».
  take(new RegExp(String.raw`\b(1er|\d{1,2})\s+${MONTH_RE}\s+(\d{4})\b`, "giu"), (m) => {
    const day = m[1]!.toLowerCase() === "1er" ? 1 : Number(m[1]);
    const month = MONTH_INDEX.get(fold(m[2]!))!;
    return [{ raw: m[0], kind: "date", value: Number(m[3]), day, month, year: Number(m[3]) }];
  });
  // Dates written with slashes, day first as in French (« le 12/01/2027 », « 1/3/2026 »): one date, not three numbers.
  take(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g, (m) => {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return day >= 1 && day <= 31 && month >= 1 && month <= 12
      ? [{ raw: m[0], kind: "date", value: year, year, month, day }]
      : null;
  });
  take(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => [
    { raw: m[0], kind: "date", value: Number(m[1]), year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
  ]);
  take(/\b(\d{4})-(\d{2})\b(?!-)/g, (m) =>
    Number(m[2]) <= 12
      ? [{ raw: m[0], kind: "month", value: Number(m[1]), year: Number(m[1]), month: Number(m[2]) }]
      : null,
  );
  take(new RegExp(String.raw`\b${MONTH_RE}\s+(\d{4})\b`, "giu"), (m) => {
    const month = MONTH_INDEX.get(fold(m[1]!))!;
    return [{ raw: m[0], kind: "month", value: Number(m[2]), month, year: Number(m[2]) }];
  });
  // Two days of one month without its year (« le 20 ou le 21 août selon les sources »): two days of that month.
  take(
    new RegExp(String.raw`\b(1er|\d{1,2})\s+(?:ou|et|au)\s+(?:(?:le|du)\s+)?(1er|\d{1,2})\s+${MONTH_RE}\b`, "giu"),
    (m) => {
      const month = MONTH_INDEX.get(fold(m[3]!))!;
      return [m[1]!, m[2]!].map((d) => {
        const day = d.toLowerCase() === "1er" ? 1 : Number(d);
        return { raw: m[0], kind: "daymonth" as const, value: day, day, month };
      });
    },
  );
  take(new RegExp(String.raw`\b(1er|\d{1,2})\s+${MONTH_RE}\b`, "giu"), (m) => {
    const day = m[1]!.toLowerCase() === "1er" ? 1 : Number(m[1]);
    return [{ raw: m[0], kind: "daymonth", value: day, day, month: MONTH_INDEX.get(fold(m[2]!))! }];
  });

  // Quantities, alone or as a range sharing one unit: « 40 % », « 5 à 13 % », « 12 millions d'euros », « 12 M€ », « 200 à 250 ».
  const quantity = new RegExp(
    // Not the version glued to a name (« AGPL-3.0 », « NIS-2 »).
    String.raw`(?<![\p{L}\d.,]|\p{L}-)(${NUM})(?:\s*(?:à|-|–)\s*\+?(${NUM}))?` +
      String.raw`(?:\s*(millions?|milliards?|mille)(?![\p{L}])(?:\s+d['’]\s?)?|\s*(k|M|Mds|Md)(?=\s*€))?` +
      String.raw`(?:\s*(€|euros?(?![\p{L}])|%|pour\s?cent(?![\p{L}])))?`,
    "gu",
  );
  take(quantity, (m) => {
    const [raw, first, second, wordMultiplier, symbolMultiplier, unit] = m;
    const after = text[m.index! + raw.length] ?? "";
    const multiplier = MULTIPLIERS[wordMultiplier ?? symbolMultiplier ?? ""] ?? 1;
    const kind: FigureKind | null =
      unit === "%" || unit?.startsWith("pour") ? "percent" : unit ? "amount" : multiplier !== 1 ? "number" : null;
    if (!kind && /\p{L}/u.test(after)) return []; // « 3D », « 4e », « 1er » : not a quantity
    if (!kind && isProductVersion(input, m.index!, first!)) return [];
    const values = [first!, second].filter((v): v is string => v !== undefined);
    return values.map((v) => {
      const value = parseNumber(v) * (kind === "percent" ? 1 : multiplier);
      // « 2,5 millions d'ordinateurs »: the « d' » read in case a unit follows is the next word's, not the figure's.
      if (kind) return { raw: kind === "amount" ? raw.trim() : raw.replace(/\s+d['’]\s?$/u, "").trim(), kind, value };
      const isYear = /^\d{4}$/.test(v) && value >= 1900 && value <= 2100;
      return isYear
        ? { raw: v, kind: "year" as const, value, year: value }
        : { raw: values.length > 1 ? raw.trim() : v, kind: "number" as const, value };
    });
  });

  return found.sort((a, b) => a.at - b.at).map((f) => f.figure);
}

/**
 * Product names with their version number in a text (« Java 8 », « Microsoft 365 », « Windows 11 »): the numbers that
 * `extractFigures` leaves out as part of a name. A version is checked as a name, not as a figure.
 */
export function productVersions(input: string): string[] {
  const text = stripNonFigures(input);
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?<![\p{L}\d.,])(\d{1,3})(?![\d\p{L}]|[.,]\d|\s*(?:%|€|pour\s?cent|euros?\b|millions?\b|milliards?\b))/gu,
  )) {
    if (!isProductVersion(input, m.index!, m[1]!)) continue;
    const name = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(input.slice(0, m.index!))![1]!;
    out.push(`${name} ${m[1]}`);
  }
  return out;
}

/** Words that open a sentence before a number without naming a product (« Les 80 agents », « En 2021 »). */
const COMMON_BEFORE_NUMBER =
  /^(?:Le|La|Les|L|Un|Une|Des|Ces|Ses|Leurs?|Nos|Vos|En|Au|Aux|Dès|Depuis|Avant|Après|Vers|Sur|Sous|Pour|Par|Dans|Entre|Avec|Plus|Moins|Près|Environ|Quelque|Soit|Dont|Seuls?|Seules?|Article|Section|Chapitre|Titre|Annexe|Phase|Étape|Etape|Tranche|Lot|Objectif|Page|Niveau|Version|Source|Note)$/;

/** A month right after a number, or after « ou le 21 » (« 23 juin », « 20 ou le 21 août »): the number is a day. */
const MONTH_AFTER = new RegExp(
  String.raw`^\s+(?:(?:ou|et|au)\s+(?:(?:le|du)\s+)?\d{1,2}\s+)?${MONTH_RE}(?![\p{L}])`,
  "iu",
);

/**
 * « Windows 11 », « Office 365 », « Microsoft 365 Copilot »: a product name, not a figure — in the middle of a
 * sentence, or opening it when the word before is a name (not « Les 80 agents »).
 */
function isProductVersion(text: string, at: number, digits: string): boolean {
  if (digits.length > 3 || /[ \u00a0\u202f]/.test(digits)) return false;
  const before = text.slice(0, at);
  const word = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(before);
  if (!word) return false;
  if (MONTH_INDEX.has(fold(word[1]!))) return false;
  // A day before a month (« Le 23 juin 2025 », « le 20 ou le 21 août ») is a date, not a version.
  if (MONTH_AFTER.test(text.slice(at + digits.length))) return false;
  const preceding = before.slice(0, word.index).trimEnd();
  // A verb left out after « et le » (« Le DMA a recueilli 588 voix et le DSA 539 »): the number ending the clause is
  // the count of the name, as the one before it is of the first name, not its version.
  if (
    /(?<!\p{L})(?:et|ou)\s+(?:le|la|les|l['’])$/iu.test(preceding) &&
    /^\s*(?:[.,;:)]|\[|$)/u.test(text.slice(at + digits.length)) &&
    /\d/.test(preceding)
  )
    return false;
  // A list item's marker (« - Le 23 … ») opens it as a sentence does.
  if (preceding.length > 0 && !/(?:[.!?:\n»"]|(?:^|\n)\s*[-*•])$/.test(preceding)) return true;
  // Opening the text, a sentence or a clause after a colon (« L'exemple le montre : Microsoft 365 Copilot est … »): a
  // name followed by a number and another name (« Microsoft 365 Copilot »), not « Les 80 agents ».
  return (
    word[1]!.length > 2 && !COMMON_BEFORE_NUMBER.test(word[1]!) && /^\s+\p{Lu}/u.test(text.slice(at + digits.length))
  );
}

/** Figures of the sources, with the number words they spell out (« sept catégories » → 7). */
function sourceFigures(sources: string[]): Figure[] {
  const figures: Figure[] = [];
  for (const source of sources) {
    figures.push(...extractFigures(source));
    for (const word of fold(source).match(/\p{L}+/gu) ?? []) {
      const value = NUMBER_WORDS[word];
      if (value !== undefined) figures.push({ raw: word, kind: "number", value });
    }
  }
  return figures;
}

/** Same value, or the draft rounded what the source gives with decimals (« 78,4 % » → « 78 % »). */
function sameValue(draft: number, source: number): boolean {
  if (Math.abs(draft - source) < 1e-9) return true;
  if (Number.isInteger(source)) return false;
  return Math.abs(Math.round(source) - draft) < 1e-9 || Math.abs(Math.round(source * 10) / 10 - draft) < 1e-9;
}

function supported(figure: Figure, sources: Figure[]): boolean {
  switch (figure.kind) {
    case "percent":
      return sources.some((s) => s.kind === "percent" && sameValue(figure.value, s.value));
    case "amount":
    case "number":
      return sources.some(
        (s) =>
          (s.kind === "amount" || s.kind === "number" || s.kind === "percent" || s.kind === "year") &&
          sameValue(figure.value, s.value),
      );
    case "year":
      return sources.some((s) => s.year === figure.year || (s.kind === "number" && s.value === figure.value));
    case "month":
      return sources.some(
        (s) => (s.kind === "month" || s.kind === "date") && s.year === figure.year && s.month === figure.month,
      );
    case "date":
      return sources.some(
        (s) => s.kind === "date" && s.year === figure.year && s.month === figure.month && s.day === figure.day,
      );
    case "daymonth":
      return sources.some(
        (s) => (s.kind === "date" || s.kind === "daymonth") && s.month === figure.month && s.day === figure.day,
      );
  }
}

/**
 * Flags the figures of `text` found in none of `sources` (passage texts and structured data as text).
 * @example checkFigures("La part passe à 47 % [1].", ["… 40 % …"]) // → [{ figure: "47 %", reason: "…" }]
 */
/** A figure of a section that was found neither in the passages nor in the structured data it was built from. */
export interface FigureFlag {
  figure: string;
  reason: string;
}

export function checkFigures(text: string, sources: string[], names: string[] = []): FigureFlag[] {
  const known = sourceFigures(sources);
  const flags: FigureFlag[] = [];
  const seen = new Set<string>();
  const named = namedNumbers(text, names);
  for (const figure of extractFigures(text)) {
    if (supported(figure, known) || seen.has(figure.raw) || named.includes(figure.raw)) continue;
    seen.add(figure.raw);
    flags.push({ figure: figure.raw, reason: message("drafts.figureNotFound") });
  }
  return flags;
}

/** Where `raw` stands as a whole number in a text, never inside a larger one (« 360 » in « 2 360 », « 1 360,5 »). */
export const wholeNumberPattern = (raws: string[]) =>
  new RegExp(
    String.raw`(?<![\d,.])(?<!(?<![\d.,])\d{1,3}[ \u00a0\u202f](?=\d{3}(?!\d)))(${raws.map(escapeRegExp).join("|")})(?!\d|[,.]\d|(?<=\d)[ \u00a0\u202f]\d{3}(?!\d))`,
    "g",
  );

/**
 * The figures of a text that stand only inside a name its data carry (« 360 Total Security », « 7-Zip », « Sage 100 »
 * of an inventory): part of that name, not figures to check.
 */
export function namedNumbers(text: string, names: string[]): string[] {
  const spans: [number, number][] = [];
  for (const name of names) {
    if (!/\d/.test(name)) continue;
    const escaped = escapeRegExp(name).replace(/\s+/g, "\\s+");
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu")))
      spans.push([m.index!, m.index! + m[0].length]);
  }
  if (!spans.length) return [];
  const out: string[] = [];
  for (const f of extractFigures(text)) {
    if (f.kind !== "number" && f.kind !== "year") continue;
    const at = [...text.matchAll(wholeNumberPattern([f.raw]))].map((m) => m.index!);
    if (at.length && at.every((i) => spans.some(([a, b]) => i >= a && i + f.raw.length <= b))) out.push(f.raw);
  }
  return out;
}
