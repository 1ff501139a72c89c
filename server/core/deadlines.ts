/**
 * Deadlines and « depuis » in French text, as dates: « d'ici l'automne 2026 » → 2026-11-30, « avant fin 2025 » →
 * 2025-12-31, « d'ici le 1er septembre 2026 » → 2026-09-01, « en 2026 » in a sentence that obliges or speaks of the
 * future → 2026-12-31; « depuis septembre 2022 » → 2022-09. Pure: the words are data (`i18n/fr/deadlines.yaml`),
 * read once; every function takes them as a parameter for tests.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { escapeRegExp, fold } from "./text.ts";

export interface DeadlineWords {
  months: string[];
  seasons: Record<string, { start: string; end: string; nextYear?: boolean }>;
  periods: Record<string, string>;
  leads: string[];
  qualifiers: Record<string, "end" | "start" | "middle">;
  obligation: string[];
  futureEndings: string[];
  since: string[];
}

let loaded: DeadlineWords | null = null;
/** The French words, from `server/i18n/fr/deadlines.yaml`. */
export function deadlineWords(): DeadlineWords {
  loaded ??= parse(readFileSync(new URL("../i18n/fr/deadlines.yaml", import.meta.url), "utf8")) as DeadlineWords;
  return loaded;
}

/** A deadline found in a text: the words as written, and the last day they allow (YYYY-MM-DD). */
export interface Deadline {
  text: string;
  date: string;
}

/** A « depuis » statement: the words as written and the date it starts from (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface Since {
  text: string;
  date: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** Alternatives of folded words, longest first, apostrophes either way. */
const alt = (words: string[]) =>
  [...words]
    .map((w) => fold(w))
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/'/g, "['’]").replace(/ /g, "\\s+"))
    .join("|");

interface Patterns {
  deadline: RegExp;
  inYear: RegExp;
  obligation: RegExp;
  since: RegExp;
}
const compiled = new WeakMap<DeadlineWords, Patterns>();

function patterns(w: DeadlineWords): Patterns {
  const cached = compiled.get(w);
  if (cached) return cached;
  const months = alt(w.months);
  const qualifier = `(?<qualifier>${alt(Object.keys(w.qualifiers))})(?:\\s*-\\s*|\\s+)?`;
  const date = [
    `(?<day>\\d{1,2})(?:er)?\\s+(?<dayMonth>${months})\\s+(?<dayYear>\\d{4})`,
    `(?:${qualifier})?(?<month>${months})\\s+(?:de\\s+|d['’])?(?<monthYear>\\d{4})`,
    `(?:${qualifier.replaceAll("<qualifier>", "<seasonQualifier>")})?(?:l['’]|le\\s+|la\\s+)?(?<season>${alt(Object.keys(w.seasons))})\\s+(?:de\\s+|d['’])?(?<seasonYear>\\d{4})`,
    `(?:le\\s+|la\\s+|l['’])?(?<period>${alt(Object.keys(w.periods))})\\s+(?:de\\s+|d['’])?(?<periodYear>\\d{4})`,
    `(?:${qualifier.replaceAll("<qualifier>", "<yearQualifier>")})?(?<year>\\d{4})`,
  ].join("|");
  const result: Patterns = {
    deadline: new RegExp(
      `(?<![\\p{L}])(?<lead>${alt(w.leads)})\\s+(?:le\\s+|la\\s+|l['’]|les\\s+|en\\s+|a\\s+la\\s+|au\\s+)?(?:${date})(?![\\d\\p{L}])`,
      "giu",
    ),
    // « en 2026 », « en septembre 2026 » (trial24 T-L3: « Le contrat arrive à échéance en septembre 2026 »).
    inYear: new RegExp(`(?<![\\p{L}])en\\s+(?:(?<month>${months})\\s+)?(?<year>\\d{4})(?![\\d\\p{L}])`, "giu"),
    obligation: new RegExp(
      `(?<![\\p{L}])(?:${alt(w.obligation)})(?![\\p{L}])|\\p{L}{2,}(?:${alt(w.futureEndings)})(?![\\p{L}])`,
      "iu",
    ),
    since: new RegExp(
      `(?<![\\p{L}])(?:${alt(w.since)})\\s+(?:le\\s+|l['’]|la\\s+)?(?:(?<day>\\d{1,2})(?:er)?\\s+)?(?:(?<month>${months})\\s+)?(?<year>\\d{4})(?![\\d\\p{L}])`,
      "giu",
    ),
  };
  compiled.set(w, result);
  return result;
}

/** A future verb of at least six letters (« basculera »), or an obligation word (« doit », « objectif »). */
function obliges(sentence: string, w: DeadlineWords, re: RegExp): boolean {
  const m = re.exec(sentence);
  if (!m) return false;
  // Future endings only on long words: « sera » is listed; « opéra », « ère » are not verbs.
  return w.obligation.some((o) => fold(m[0]).trim() === fold(o)) || m[0].trim().length >= 6;
}

const monthIndex = (w: DeadlineWords, name: string) => w.months.findIndex((m) => fold(m) === fold(name)) + 1;

/** The last day a « before » reaches: « avant 2026 » is the end of 2025, « avant mars 2026 » the end of February. */
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function deadlineDate(g: Record<string, string | undefined>, w: DeadlineWords): string | null {
  const before = fold(g.lead ?? "") === "avant";
  const kind = (q: string | undefined) => (q ? w.qualifiers[fold(q).replace(/\s+/g, " ")] : undefined);
  if (g.dayYear) {
    const m = monthIndex(w, g.dayMonth!);
    const iso = `${g.dayYear}-${pad(m)}-${pad(Math.min(Number(g.day), lastDay(Number(g.dayYear), m)))}`;
    return before ? dayBefore(iso) : iso;
  }
  if (g.monthYear) {
    const y = Number(g.monthYear);
    const m = monthIndex(w, g.month!);
    const q = kind(g.qualifier);
    if (before && !q) return dayBefore(`${y}-${pad(m)}-01`);
    const day = q === "start" ? 10 : q === "middle" ? 15 : lastDay(y, m);
    return `${y}-${pad(m)}-${pad(day)}`;
  }
  if (g.seasonYear) {
    const season = Object.entries(w.seasons).find(([name]) => fold(name) === fold(g.season!))?.[1];
    if (!season) return null;
    // « avant l'été 2027 »: before the season starts (20 June 2027); « d'ici l'été 2027 »: by its end.
    if (before && !kind(g.seasonQualifier)) return dayBefore(`${g.seasonYear}-${season.start}`);
    return `${Number(g.seasonYear) + (season.nextYear ? 1 : 0)}-${season.end}`;
  }
  if (g.periodYear) {
    const end = Object.entries(w.periods).find(([name]) => fold(name) === fold(g.period!).replace(/\s+/g, " "))?.[1];
    return end ? `${g.periodYear}-${end}` : null;
  }
  if (g.year) {
    const y = Number(g.year);
    if (y < 1900 || y > 2200) return null;
    const q = kind(g.yearQualifier);
    if (q === "start") return `${y}-01-31`;
    if (q === "middle") return `${y}-06-30`;
    if (before && !q) return `${y - 1}-12-31`;
    return `${y}-12-31`;
  }
  return null;
}

const sentencesOf = (text: string) => text.split(/(?<=[.!?…])\s+(?=\P{Ll})/u);

/** Every deadline a text sets, in the order written. */
export function findDeadlines(text: string, w: DeadlineWords = deadlineWords()): Deadline[] {
  const p = patterns(w);
  const source = text.normalize("NFC");
  const folded = fold(source);
  const found: (Deadline & { at: number })[] = [];
  for (const m of folded.matchAll(p.deadline)) {
    const date = deadlineDate(m.groups ?? {}, w);
    if (date) found.push({ text: source.slice(m.index, m.index + m[0].length), date, at: m.index });
  }
  // « en 2026 », « en septembre 2026 » set a deadline only in a sentence that obliges or looks ahead.
  let offset = 0;
  for (const sentence of sentencesOf(source)) {
    const start = source.indexOf(sentence, offset);
    offset = start + sentence.length;
    const f = fold(sentence);
    if (!obliges(f, w, p.obligation)) continue;
    for (const m of f.matchAll(p.inYear)) {
      const at = start + m.index;
      if (found.some((d) => at >= d.at && at < d.at + d.text.length)) continue;
      const year = Number(m.groups!.year);
      const month = m.groups!.month ? monthIndex(w, m.groups!.month) : 12;
      const date = `${year}-${pad(month)}-${pad(lastDay(year, month))}`;
      found.push({ text: sentence.slice(m.index, m.index + m[0].length), date, at });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ text, date }) => ({ text, date }));
}

/** YYYY, YYYY-MM or YYYY-MM-DD compared on what both say: « 2026-04 » is before « 2026-11-30 ». */
const before = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
};

/**
 * The deadlines of `text` already past on `asOf` (the document's date) that were still to come when the source was
 * written (`writtenAt`, when known): an account written after its deadline is history, not a promise.
 */
export function pastDeadlines(
  text: string,
  asOf: string,
  writtenAt?: string | null,
  w: DeadlineWords = deadlineWords(),
): Deadline[] {
  return findDeadlines(text, w).filter(
    (d) =>
      before(d.date, asOf) && d.date.slice(0, 10) !== asOf.slice(0, 10) && (!writtenAt || before(writtenAt, d.date)),
  );
}

/** The « depuis <date> » statements of a text. */
export function findSince(text: string, w: DeadlineWords = deadlineWords()): Since[] {
  const p = patterns(w);
  const source = text.normalize("NFC");
  return [...fold(source).matchAll(p.since)].map((m) => {
    const g = m.groups!;
    const month = g.month ? monthIndex(w, g.month) : 0;
    const date = month ? `${g.year}-${pad(month)}${g.day ? `-${pad(Number(g.day))}` : ""}` : g.year!;
    return { text: source.slice(m.index, m.index + m[0].length), date };
  });
}

/** True when `date` (YYYY, YYYY-MM or YYYY-MM-DD) is more than a year before `asOf` (YYYY-MM-DD). */
export function olderThanAYear(date: string, asOf: string): boolean {
  const yearBefore = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4, 10)}`;
  return before(date, yearBefore);
}
