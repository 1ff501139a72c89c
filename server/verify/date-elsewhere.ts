/**
 * A date the cited passage gives to one event put on another it dates otherwise (trial13 A15): « Le Data Act permet
 * de changer de fournisseur cloud sans frais depuis le 12 septembre 2025 » where the passage says the Data Act
 * « s'applique depuis le 12 septembre 2025 » and « à partir du 12 janvier 2027, ces frais sont interdits ». The
 * sentence's one date is written in the passage; a word of the sentence (« frais ») is absent from every passage
 * sentence that writes that date and from every sentence that writes no date, and present in one that writes another
 * date: what it says is dated otherwise there. Dates in parentheses are the sources' (« (sota.io, 2025) »), not the
 * events'. A sentence with two dates or more is left to the other checks (each date may date its own part).
 */
import { fold } from "../core/text.ts";
import { stem } from "../retrieval/french.ts";
import { figureMatches, fractionFigures, QUANTITY } from "./figure-match.ts";
import { extractFigures, type Figure } from "./figures.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords } from "./words.ts";

const DATE_KINDS = new Set(["date", "month", "year"]);
/** A noun taken up from the sentence before (« ces frais », « cette obligation »), on folded text. */
const ANAPHORA = /(?<!\p{L})(?:ces|cette|cet|ce)\s+(\p{L}{3,})/gu;
const stems = (text: string) => new Set(contentWords(text).map(stem));

/** Whether two dates are the same (to the precision the sentence gives). */
const sameDate = (a: Figure, b: Figure) =>
  a.year === b.year &&
  (a.month === undefined || b.month === undefined || a.month === b.month) &&
  (a.day === undefined || b.day === undefined || a.day === b.day);

/**
 * The dates a sentence writes for its own events, each with the words it dates: not those inside parentheses (its
 * sources' dates). A date opening the sentence (« à partir du 12 janvier 2027, ces frais … ») dates what follows it;
 * elsewhere, its part between commas.
 */
function eventDates(text: string): (Figure & { dates: Set<string> })[] {
  const out: (Figure & { dates: Set<string> })[] = [];
  let from = 0;
  for (const f of extractFigures(text)) {
    if (!DATE_KINDS.has(f.kind) || f.year === undefined) continue;
    const at = text.indexOf(f.raw, from);
    if (at < 0) continue;
    from = at + f.raw.length;
    const before = text.slice(0, at);
    const open = (before.match(/\(/g) ?? []).length - (before.match(/\)/g) ?? []).length;
    if (open > 0) continue;
    const head = before.split(/[,;:.]/).at(-1)!;
    const tail = text.slice(at + f.raw.length).split(/[,;:.](?!\d)/);
    // Opening the sentence: no comma before it (« Le RGPD, adopté le 27 avril 2016, oblige … » is an apposition).
    const opens = head === before && contentWords(before).length <= 2 && contentWords(tail[0]!).length === 0;
    out.push({ ...f, dates: stems(`${head} ${tail[0]} ${opens ? (tail[1] ?? "") : ""}`) });
  }
  return out;
}

/**
 * The noun phrase a noun heads in a folded sentence (« frais de changement et de transfert des donnees a la sortie »):
 * from the noun to a negation, a punctuation mark or twelve words; empty when the sentence does not write the noun.
 */
function nounPhrase(folded: string, noun: string): string {
  const at = folded.search(new RegExp(`(?<!\\p{L})${noun}(?!\\p{L})`, "u"));
  if (at < 0) return "";
  return folded
    .slice(at)
    .split(/[,;:.()]|\sn(?:e\s|['’])/u)[0]!
    .split(/\s+/)
    .slice(0, 12)
    .join(" ");
}

/** The word the sentence dates and the date the passage gives it instead, or null. */
export function dateOfAnother(stated: string, pool: Source[]): { date: string; word: string; other: string } | null {
  const dates = eventDates(stated);
  if (dates.length !== 1) return null;
  const date = dates[0]!;
  // A heading's date is its document's or section's: what it says is covered, not dated.
  const sentences = pool.flatMap((s) =>
    s.sentences.map((ss, i) => ({
      text: ss.text,
      before: s.sentences[i - 1]?.text ?? "",
      dates: ss.inHeading || ss.text === ss.heading ? [] : eventDates(ss.text),
    })),
  );
  const withIt = sentences.filter((s) => s.dates.some((d) => sameDate(date, d)));
  if (!withIt.length) return null;
  // The sentence's figure, written where the passage writes its date and no other, and nowhere else: the passage gives
  // both together, a word it says otherwise there (« payé chaque mois » for « payé mensuellement ») is not dated
  // elsewhere (trial18 F12: « mois » matched « par mois » in a line dated mai 2026). A passage sentence with two dates
  // (« créé fin 2006 …, a redistribué environ 2 700 ordinateurs … depuis 2009 ») may date the figure by the other.
  const quantities = extractFigures(stated).filter((f) => QUANTITY.has(f.kind));
  const writes = (text: string, f: Figure) => extractFigures(text).some((x) => figureMatches(f, x));
  if (
    quantities.some(
      (f) =>
        withIt.some((s) => s.dates.every((d) => sameDate(date, d)) && writes(s.text, f)) &&
        !sentences.some((s) => s.dates.length > 0 && !withIt.includes(s) && writes(s.text, f)),
    )
  )
    return null;
  const covered = new Set<string>();
  for (const s of [...withIt, ...sentences.filter((x) => x.dates.length === 0)])
    for (const w of stems(s.text)) covered.add(w);
  // « à partir du 12 janvier 2027, ces frais sont interdits » dates the fees the sentence before names in full
  // (« les frais de changement et de transfert des données à la sortie »): the words of that noun phrase, up to its
  // verb, are dated there too (not what the sentence before says of them).
  for (const s of withIt)
    for (const m of fold(s.text).matchAll(ANAPHORA))
      for (const w of stems(nounPhrase(fold(s.before), m[1]!))) covered.add(w);
  const others = sentences.filter((s) => s.dates.length > 0 && !s.dates.some((d) => sameDate(date, d)));
  const claimWords = contentWords(stated.replace(date.raw, " "));
  const fractions = fractionFigures(stated).map((f) => fold(f.raw));
  for (const word of claimWords) {
    const w = stem(word);
    // A quantity in words (« la moitié ») is a figure, held to its own checks.
    if (covered.has(w) || fractions.some((f) => f.includes(word))) continue;
    // Only what the date dates: a word outside its part (« Le CLOUD Act, promulgué le 23 mars 2018, permet d'obliger
    // un fournisseur établi aux États-Unis ») is not said of that date.
    if (!date.dates.has(w)) continue;
    // Dated there: in the words one of its other dates dates.
    const elsewhere = others.flatMap((s) => s.dates.filter((d) => !sameDate(date, d) && d.dates.has(w)));
    if (elsewhere.length)
      return { date: date.raw, word, other: [...new Set(elsewhere.map((d) => d.raw))].join(" » et « ") };
  }
  return null;
}
