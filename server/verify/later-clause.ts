/**
 * A name that opens a clause of its own after a sentence's figures, joined by « et » (« ESET PROTECT est passé de 0 à
 * 111 installations et Cisco Webex n'apparaît plus dans l'inventaire », trial18 F12, a progress note's two facts in one
 * sentence): the figures are said of what comes before, not of it. Not when the clause carries them over to it
 * (« … et Échirolles aussi », « et Cisco Webex de même »: `server/i18n/fr/later-clause.txt`).
 */
import { wordListEntries } from "../i18n/word-lists.ts";
import { words } from "./words.ts";

const CARRIED = new Set(wordListEntries("later-clause.txt").flatMap((e) => words(e)));

/** Whether `name`, in `segment` (at `offset` of the sentence), opens a clause after every quantity of the segment. */
export function opensLaterClause(
  segment: string,
  offset: number,
  name: string,
  quantities: { at: number; end: number }[],
): boolean {
  const at = segment.indexOf(name);
  if (at < 0 || segment.indexOf(name, at + 1) >= 0) return false;
  const last = Math.max(...quantities.map((q) => q.end - offset));
  if (at < last) return false;
  // « et » right before the name, or before its determiner or the rest of the name (« et la CNAM », « et Cisco Webex »).
  if (!/(?<!\p{L})et\s+(?:(?:le|la|les|l['’])\s*)?(?:\p{Lu}[\p{L}-]*\s+){0,3}$/u.test(segment.slice(last, at)))
    return false;
  const rest = words(segment.slice(at + name.length));
  return rest.length >= 2 && !rest.some((w) => CARRIED.has(w));
}
