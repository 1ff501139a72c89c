/**
 * The month a document's sentence computes as the end of a period its data give by a start and a duration (« Début
 * souhaité : janvier 2027 ; durée : 4 mois » → « remis à la fin du quatrième mois de l'audit, soit en avril 2027 »,
 * faithful-blind-18): written nowhere, it invents nothing. Accepted for the last month of the period or the one after
 * it (« au terme des 4 mois, en mai 2027 »); any other month stays a date no source gives.
 */

import { NUMBER_WORDS } from "../core/number-words.ts";
import { fold } from "../core/text.ts";
import { extractFigures, type Figure } from "./figures.ts";

/** « 4 mois », « quatre mois ». */
const MONTHS = /(?<![\p{L}\d])(\d{1,2}|[\p{L}-]+)\s+mois(?!\p{L})/gu;

/** Months since year 0 of a figure with a year and a month. */
const monthIndex = (f: Figure) => (f.year !== undefined && f.month !== undefined ? f.year * 12 + f.month - 1 : null);

/** Whether `f` (a month or a date) ends, or follows, a period that one of `texts` (or two lines in a row) starts and gives a length in months. */
export function endOfPeriod(f: Figure, texts: string[]): boolean {
  if (f.kind !== "month" && f.kind !== "date") return false;
  const end = monthIndex(f);
  if (end === null) return false;
  // A data block gives the start and the length on two lines one after the other (« Début de l'étude : janvier 2027 »,
  // « Durée de l'étude : 4 mois »; faithful53): each line read with the one before it too.
  const read = [...texts, ...texts.slice(1).map((t, i) => `${texts[i]} ${t}`)];
  for (const text of read) {
    const lengths = [...fold(text).matchAll(MONTHS)]
      .map((m) => (/^\d+$/.test(m[1]!) ? Number(m[1]) : (NUMBER_WORDS[m[1]!] ?? 0)))
      .filter((n) => n > 0 && n <= 36);
    if (lengths.length === 0) continue;
    for (const start of extractFigures(text).map(monthIndex)) {
      if (start === null) continue;
      if (lengths.some((n) => end === start + n - 1 || end === start + n)) return true;
    }
  }
  return false;
}
