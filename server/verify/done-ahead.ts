/**
 * An act a document says already done (« Le conseil municipal a déjà voté le passage au logiciel libre le 18 décembre
 * 2026 ») on a date after the document's own (a letter of 7 December 2026, trial19 L5): it cannot have happened yet,
 * whatever the passages or the data say of that date (the sender's « Le conseil municipal se réunit le 18 décembre
 * 2026 »). The act is an auxiliary, « déjà » and a participle that reports the act rather than fixing a date to come
 * (« a déjà été fixé au 31 janvier 2028 » is right); a date after a deadline word (« avant », « d'ici ») is a deadline.
 * Words: `server/i18n/fr/done-ahead.txt`, `deadline-words.txt`.
 */
import { fold } from "../core/text.ts";
import { wordAlternation, wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { extractFigures } from "./figures.ts";

const LISTS = wordListSections("done-ahead.txt");
const folded = (section: string) => (LISTS.get(section) ?? []).map((w) => fold(w));
const FIXED = new Set(folded("fixés"));
/** An auxiliary, « déjà », then a participle (« a déjà voté », « ont déjà été remplacés »), in folded text. */
const DONE = new RegExp(
  `(?<!\\p{L})(?:a|ont|ai|as|avons|avez|est|sont|sommes|etes)\\s+(?:${wordAlternation(folded("déjà"))})\\s+(?:ete\\s+)?(\\p{L}+)`,
  "u",
);
const DEADLINE_BEFORE = new RegExp(
  `(?<!\\p{L})(?:${wordAlternation(wordListLines("deadline-words.txt").map((w) => fold(w))).replace(/ /g, "\\s+")})\\s+(?:le\\s+|l['’]\\s*|en\\s+|\\p{L}+\\s+)?$`,
  "u",
);

/** `YYYY-MM-DD` of a date figure; the month's last day for a month (« en janvier 2027 » is after 7 December 2026). */
const isoOf = (f: { kind: string; year?: number; month?: number; day?: number }) => {
  if (!f.year || !f.month) return null;
  const day = f.kind === "date" && f.day ? f.day : 1;
  return `${f.year}-${String(f.month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};

/**
 * The act said done (« a déjà voté ») and its date after `today` (`YYYY-MM-DD`), as written; or null.
 * @example doneAhead("Le conseil a déjà voté le projet le 18 décembre 2026.", "2026-12-07")
 * // → { said: "a déjà voté", date: "18 décembre 2026" }
 */
export function doneAhead(sentence: string, today: string): { said: string; date: string } | null {
  const text = fold(sentence);
  const m = DONE.exec(text);
  if (!m || FIXED.has(m[1]!)) return null;
  for (const f of extractFigures(sentence)) {
    if (f.kind !== "date" && f.kind !== "month") continue;
    const iso = isoOf(f);
    // A month is after the document only from the month after its own.
    if (!iso || (f.kind === "month" ? iso.slice(0, 7) <= today.slice(0, 7) : iso <= today)) continue;
    const at = text.indexOf(fold(f.raw));
    if (at < 0 || DEADLINE_BEFORE.test(text.slice(0, at))) continue;
    return { said: sentence.slice(m.index, m.index + m[0].length), date: f.raw };
  }
  return null;
}
