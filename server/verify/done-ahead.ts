/**
 * An act a document says already done (« Le conseil municipal a déjà voté le passage au logiciel libre le 18 décembre
 * 2026 ») on a date after the document's own (a letter of 7 December 2026, trial19 L5): it cannot have happened yet,
 * whatever the passages or the data say of that date (the sender's « Le conseil municipal se réunit le 18 décembre
 * 2026 »). The act is an auxiliary, « déjà » and a participle that reports the act rather than fixing a date to come
 * (« a déjà été fixé au 31 janvier 2028 » is right); a date after a deadline word (« avant », « d'ici ») is a deadline.
 * The same in the past tense without « déjà » (« la migration a été achevée en mars 2027 » in a roadmap of December
 * 2026), the date in the participle's own clause (`pastAhead`); a year after the document's year counts too.
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

const NOT_PARTICIPLE = new Set(folded("pas participes"));
/**
 * The same act in the past tense without « déjà » (« la migration a été achevée en mars 2027 », « ont basculé sous
 * Linux en 2027 »): an auxiliary (or « s'est »), « été » perhaps, then a participle (-é, -i, -u, -is, -it and their
 * agreements, told by their accent), in lower-case text.
 */
const PAST =
  /(?<!\p{L})(?:a|ont|ai|as|avons|avez|est|sont|sommes|êtes|s'\s*est|se\s+sont)\s+(?:été\s+)?(\p{L}+(?:é|ée|és|ées|i|ie|is|ies|it|ite|its|u|ue|us|ues))(?!\p{L})/gu;
/** What ends the participle's clause before its date (« un plan qui s'achèvera en 2028 », « a annoncé que … »). */
const CLAUSE_BREAK =
  /[,;:()]|(?<!\p{L})(?:qui|que|qu'|dont|ou|et|puis|mais|lorsque|quand|pour|afin|avant|après|jusqu'|si)(?!\p{L})/u;
/** Most words between the participle and its date (« a adopté la feuille de route le 15 janvier 2027 »). */
const PAST_SPAN = 8;

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
  if (!m || FIXED.has(m[1]!)) return pastAhead(sentence, today);
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

/** Whether a date figure is after `today`: a day after it, a month after its month, a year after its year. */
function after(f: { kind: string; year?: number; month?: number; day?: number }, today: string): boolean {
  if (f.kind === "year") return !!f.year && f.year > Number(today.slice(0, 4));
  if (f.kind !== "date" && f.kind !== "month") return false;
  const iso = isoOf(f);
  return !!iso && (f.kind === "month" ? iso.slice(0, 7) > today.slice(0, 7) : iso > today);
}

/**
 * The past-tense form (`PAST`): the date in the participle's own clause, after it within `PAST_SPAN` words and nothing
 * that ends the clause between (« a été achevée en mars 2027 »), or opening the sentence before a comma (« En février
 * 2027, la messagerie a été migrée »); never after a deadline word.
 */
function pastAhead(sentence: string, today: string): { said: string; date: string } | null {
  // Read unfolded: a participle is told by its accent (« achevée », not « possible »).
  const text = sentence.toLowerCase().replace(/’/g, "'");
  const dates = extractFigures(sentence)
    .filter((f) => after(f, today))
    .map((f) => ({ f, at: text.indexOf(f.raw.toLowerCase().replace(/’/g, "'")) }))
    .filter((d) => d.at >= 0 && !DEADLINE_BEFORE.test(fold(text.slice(0, d.at))));
  if (!dates.length) return null;
  for (const m of text.matchAll(PAST)) {
    const participle = fold(m[1]!);
    if (FIXED.has(participle) || NOT_PARTICIPLE.has(participle)) continue;
    const end = m.index + m[0].length;
    for (const { f, at } of dates) {
      const comma = text.indexOf(",", at);
      const inClause =
        at >= end
          ? !CLAUSE_BREAK.test(text.slice(end, at)) &&
            text.slice(end, at).split(/\s+/).filter(Boolean).length <= PAST_SPAN
          : at <= 3 &&
            comma > at &&
            comma < m.index &&
            !/[;:]/.test(text.slice(at, comma)) &&
            !CLAUSE_BREAK.test(text.slice(comma + 1, m.index));
      if (inClause) return { said: sentence.slice(m.index, end), date: f.raw };
    }
  }
  return null;
}
