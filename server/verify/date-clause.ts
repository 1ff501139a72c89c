/**
 * A precise date the cited passage gives to one event of a sentence put on another event the same sentence dates
 * otherwise (faithful-blind-21 « Elle a saisi le juge des référés le 20 décembre 2025 » where the passage writes « … a
 * saisi le juge des référés le 2 décembre 2025, … : elle faisait valoir que son droit contractuel à conversion expirait
 * le 20 décembre 2025 »). `date-elsewhere.ts` compares whole sentences, so a passage sentence writing both dates
 * covers every word; here each date of such a sentence dates only its own part: from the clause's start (or the date
 * before it) to the clause's end (or the date after it).
 *
 * Flagged when the sentence writes one precise date (day or month, and its year) and no other year; a cited
 * sentence writes that date and another one; what the sentence says (its common content words, not its names) is at
 * least twice in the other date's part and nowhere in a part the sentence's date dates, nor in any other cited
 * sentence writing that date.
 */
import { fold } from "../core/text.ts";
import { stem } from "../retrieval/french.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { CLAUSE_BREAK, clauseAround, withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords } from "./words.ts";

/** Least words of the sentence the other date's part must write. */
const MIN_SHARED = 2;

const precise = (f: Figure) =>
  (f.kind === "date" || f.kind === "month") && f.year !== undefined && f.month !== undefined;
/** The same date, to the precision both give (« avril 2026 » is « 19 avril 2026 »). */
const same = (a: Figure, b: Figure) =>
  a.year === b.year && a.month === b.month && (a.day === undefined || b.day === undefined || a.day === b.day);

/** Each precise date of a text with its part: its clause, cut at the dates before and after it. */
function dateParts(text: string): { f: Figure; part: string }[] {
  const spots: { f: Figure; at: number; end: number }[] = [];
  let from = 0;
  for (const f of extractFigures(text)) {
    const at = text.indexOf(f.raw, from);
    if (at < 0) continue;
    from = at + f.raw.length;
    if (precise(f)) spots.push({ f, at, end: from });
  }
  return spots.map((s, i) => {
    const [start, stop] = clauseAround(text, s.at, s.end, CLAUSE_BREAK);
    const left = Math.max(start, spots[i - 1]?.end ?? 0);
    const right = Math.min(stop, spots[i + 1]?.at ?? text.length);
    return { f: s.f, part: text.slice(left, s.at) + text.slice(s.end, right) };
  });
}

/** The sentence's date, the word it shares with the other date's part, and that other date; or null. */
export function dateOfAnotherClause(
  stated: string,
  pool: Source[],
): { date: string; word: string; other: string } | null {
  const bare = withoutReferences(stated);
  const figures = extractFigures(bare);
  const dates = figures.filter(precise);
  if (dates.length !== 1 || figures.some((f) => f.year !== undefined && !precise(f))) return null;
  const date = dates[0]!;
  // What the sentence says of its date: common words (names are shared by every clause about the same actor).
  const named = new Set(
    [...bare.matchAll(/(?<!^|[.!?]\s)(?<=\s|^)\p{Lu}[\p{L}-]*/gu)].flatMap((m) => contentWords(m[0]).map(stem)),
  );
  const claim = new Map(
    contentWords(bare.replace(date.raw, " "))
      .filter((w) => !named.has(stem(w)))
      .map((w) => [stem(w), w]),
  );
  if (claim.size < MIN_SHARED) return null;
  const shared = (text: string) => {
    const stems = new Set(contentWords(text).map(stem));
    return [...claim].filter(([s]) => stems.has(s)).map(([, w]) => w);
  };
  // Dates in parentheses are their sources' (« (Cour pénale internationale, 8 mars 2024 ; Statut de Rome, …) »).
  const sentences = pool.flatMap((s) =>
    s.sentences.filter((ss) => !ss.inHeading).map((ss) => ss.text.replace(/\([^()]*\)/g, " ")),
  );
  // A folded word as the sentence writes it (« référés » for « referes »).
  const tokens = bare.match(/[\p{L}'’-]+/gu) ?? [];
  const written = (w: string) => tokens.find((t) => fold(t) === w) ?? w;
  let found: { word: string; other: string } | null = null;
  for (const text of sentences) {
    const parts = dateParts(text);
    if (!parts.some((p) => same(p.f, date))) continue;
    const others = parts.filter((p) => !same(p.f, date));
    // A sentence writing only this date: what it says of it is in the whole sentence.
    if (!others.length) {
      if (shared(text).length) return null;
      continue;
    }
    if (parts.some((p) => same(p.f, date) && shared(p.part).length)) return null;
    for (const o of others) {
      const words = shared(o.part);
      if (words.length >= MIN_SHARED && !found) found = { word: words.map(written).join(" », « "), other: o.f.raw };
    }
  }
  return found && { date: date.raw, ...found };
}
