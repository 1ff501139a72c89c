/**
 * A figure the cited passage gives as the established one, not to be swapped for one it calls unconfirmed (trial21
 * T-H10): « La Gendarmerie déclare 80 000 postes de travail sous Linux, soit 90 % de son parc » citing « … les chiffres de
 * 103 164 postes, de 97 % du parc … sont non confirmés … Le dernier chiffre publié et vérifiable est celui de 80 000
 * postes, soit 90 % du parc, en 2021 »: the sentence's words are as close to the unconfirmed figure's, but the passage
 * puts the sentence's figure in its place.
 */
import { figureMatches } from "./figure-match.ts";
import type { Figure } from "./figures.ts";
import { deniedIn } from "./names.ts";
import type { Source, SourceSentence } from "./source-sentences.ts";

/** A source sentence that does not vouch for a figure: it qualifies it (« non confirmé ») or denies it. */
const reserved = (ss: SourceSentence, matches: (sf: Figure) => boolean) =>
  (ss.qualified && !ss.exact?.some(matches)) || deniedIn(ss.text, matches);

/**
 * Whether the figure `other` a swap would point to is given only in sentences of the cited passages that qualify or deny
 * it, while the sentence's own figure (`matches`) is given, outside the headings, by a sentence that vouches for it
 * with the sentence's other figures (`companions`): « 80 000 postes, soit 97 % » mixes the two and stays flagged.
 */
export function swapToUnconfirmed(
  other: Figure,
  matches: (sf: Figure) => boolean,
  companions: Figure[],
  pool: Source[],
): boolean {
  const sentences = pool.flatMap((src) => src.sentences.filter((ss) => !ss.inHeading));
  const otherMatches = (sf: Figure) => figureMatches(other, sf);
  const givingOther = sentences.filter((ss) => ss.figures.some(otherMatches));
  const givingOwn = sentences.filter((ss) => ss.figures.some(matches));
  return (
    givingOther.length > 0 &&
    givingOther.every((ss) => reserved(ss, otherMatches)) &&
    givingOwn.some(
      (ss) => !reserved(ss, matches) && companions.every((c) => ss.figures.some((sf) => figureMatches(c, sf))),
    )
  );
}
