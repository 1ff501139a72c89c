/**
 * What a roadmap says of the replacement it plans for a product of the map — by what, and by when — is known
 * exactly: its own phases list each product with the alternative proposed, and its calendar gives the month each
 * phase ends. A sentence the model writes about it (« Windows 10 sera remplacé par Ubuntu d'ici mars 2028 ») is
 * checked against that (trial13 A12: the document's own table said Debian, phase ending in December 2028), with or
 * without a citation. Words: `server/i18n/fr/own-facts.txt`, section « remplacement prévu ».
 */
import { fold, foldApostrophes } from "../core/text.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";
import { extractFigures } from "./figures.ts";

/** The replacement a roadmap plans for a product. */
export interface PlannedReplacement {
  /** The names of the alternative the plan proposes (« Debian », « Element (protocole Matrix) », « Element »). */
  names: string[];
  /** `YYYY-MM` (or `YYYY-MM-DD`) by which it is planned: the end of its phase, a deadline the DSI set; empty: no date. */
  by: string[];
  /** How the roadmap says it, quoted in the reason (« Windows 10 → Debian, phase « Chantiers de fond », décembre 2028 »). */
  says: string;
}

const LISTS = wordListSections("own-facts.txt");
const PLANNED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${sectionAlternation(LISTS, "remplacement prévu", foldApostrophes)})(?![\\p{L}\\p{N}])`,
  "giu",
);
/** « par Debian », « au profit de Debian », « vers Debian »: what replaces it, right after. */
const BY = /^\s*(?:par|au profit d(?:e|u|es|')|vers|pour|a|à)\s*(?:l'|le |la |les )?/u;
/** Words right before a date that make it the replacement's (« d'ici mars 2028 », « avant fin 2027 », « en 2028 »). */
const DATE_BEFORE =
  /(?:d'ici|avant|en|pour|des|dès|a partir de|à partir de|fin|au plus tard en|courant)\s*(?:(?:la\s+)?fin\s+(?:de\s+|d')?)?\s*$/u;

/** Whether a date of the sentence (a month or a year) is one of the planned ones. */
const sameDate = (f: { kind: string; year?: number; month?: number }, by: string[]) =>
  by.some((d) => {
    if (f.year === undefined || Number(d.slice(0, 4)) !== f.year) return false;
    return f.kind !== "month" || f.month === undefined || Number(d.slice(5, 7)) === f.month;
  });

/**
 * The reasons a sentence's replacements of a product (the one `subjectAt` says a statement is of) are not the ones
 * the roadmap plans: another alternative, another date. `flag(said, product)` gives the reason of each.
 */
export function plannedReasons<P extends { planned?: PlannedReplacement }>(
  sentence: string,
  folded: string,
  subjectAt: (at: number, end: number) => P | null,
  flag: (said: string, says: string) => void,
  clauseEnd: (at: number, end: number) => number,
): void {
  PLANNED.lastIndex = 0;
  for (const m of folded.matchAll(PLANNED)) {
    const at = m.index!;
    const end = at + m[0].length;
    const product = subjectAt(at, end);
    const planned = product?.planned;
    if (!planned) continue;
    const stop = clauseEnd(at, end);
    const by = BY.exec(folded.slice(end, stop));
    if (by) {
      const named = folded.slice(end + by[0].length, stop);
      const first = /^[\p{L}\p{N}][\p{L}\p{N}.+-]*/u.exec(sentence.slice(end + by[0].length, stop))?.[0] ?? "";
      // A name written (capitalised) that is none of the planned alternative's names.
      if (
        /^\p{Lu}/u.test(first) &&
        !planned.names.some((n) => named.startsWith(foldApostrophes(n)) || fold(n).startsWith(fold(first)))
      )
        flag(sentence.slice(at, end + by[0].length + first.length), planned.says);
    }
    if (!planned.by.length) continue;
    const rest = sentence.slice(end, stop);
    for (const f of extractFigures(rest)) {
      if (f.kind !== "month" && f.kind !== "year") continue;
      const where = rest.indexOf(f.raw);
      if (!DATE_BEFORE.test(foldApostrophes(rest.slice(Math.max(0, where - 30), where)))) continue;
      if (!sameDate(f, planned.by)) flag(f.raw, planned.says);
    }
  }
}
