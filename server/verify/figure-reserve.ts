/**
 * A figure the cited passage gives only as a party's own claim (« la ville a fait état de 11,7 millions d'euros
 * d'économies ») or as a point under discussion (« le seuil discuté (30 000 habitants) »), stated as fact: « La ville
 * a économisé 11,7 millions d'euros », « NIS2 s'applique aux communes de plus de 30 000 habitants » (trial13 A4, A6).
 * The expressions are data (`server/i18n/fr/figure-reserves.txt`); `server/verify/index.ts` turns what is found into a
 * reason.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { figureMatches, QUALIFIER_CLAIM, QUALIFIER_SOURCE, QUANTITY } from "./figure-match.ts";
import { extractFigures } from "./figures.ts";
import { statementsOf, withoutReferences } from "./sentences.ts";
import { located, type Source } from "./source-sentences.ts";
import { wordList } from "./words.ts";

const LISTS = wordListSections("figure-reserves.txt");
const phrases = (key: string) =>
  (LISTS.get(key) ?? [])
    .map((l) => foldApostrophes(l).toLowerCase())
    .sort((a, b) => b.length - a.length)
    .map((l) => escapeRegExp(l).replace(/'/g, "['’]").replace(/\s+/g, "\\s+") + (l.endsWith("'") ? "" : "(?!\\p{L})"))
    .join("|");

/** A claim expression, then at most six words of its clause, at the end of the text before a figure. */
const CLAIMED_BEFORE = new RegExp(`(?<!\\p{L})(${phrases("affirmé")})(?:\\s*[^\\s.;:!?]+){0,6}\\s*$`, "iu");
/** Who claims the figure, said later in its sentence (« … ; c'est une affirmation d'un concurrent »). */
const CLAIMED_AFTER = new RegExp(`^[^.!?]{0,140}?(?<!\\p{L})(${phrases("affirmé après")})`, "iu");
/** A word of discussion before a figure (« le seuil discuté (30 000 habitants) », « le seuil discuté pour les
 * collectivités est de 30 000 habitants »), at most five words away. */
const ENVISAGED_BEFORE = new RegExp(`(?<!\\p{L})(${phrases("envisagé")})(?:\\s*[^\\s.;:!?]+){0,5}\\s*[(]?\\s*$`, "iu");
/** … or right after it (« un seuil de 30 000 habitants est envisagé »). */
const ENVISAGED_AFTER = new RegExp(`^[^.;:!?]{0,30}?(?<!\\p{L})(${phrases("envisagé")})`, "iu");
/** The sentence's own reserve. */
const OWN_RESERVE = new RegExp(
  `(?<!\\p{L})(?:${(LISTS.get("réserve de la phrase") ?? []).map((w) => escapeRegExp(foldApostrophes(w).toLowerCase())).join("|")})`,
  "iu",
);

/**
 * A verb by which the sentence says a document or a person gives the figure (« La présentation cite la Gendarmerie avec
 * 103 164 postes »), in the figure's clause before it: no relative pronoun nor break between them.
 */
const REPORTED_BEFORE = new RegExp(
  `(?<!\\p{L})(?:${phrases("rapporté par la phrase")})(?:(?!(?<!\\p{L})(?:(?:qui|que|dont|lequel|laquelle|lesquels|lesquelles|où)(?!\\p{L})|qu['’]))[^;:.!?])*$`,
  "iu",
);

/** Whether the sentence reports the figure at `at` as what someone gives (`REPORTED_BEFORE`): it keeps the reserve. */
export const reportedFigure = (text: string, at: number) => REPORTED_BEFORE.test(foldApostrophes(text.slice(0, at)));

/** An opening that goes on with the sentence before (« Parmi eux, … »). */
const GOES_ON = new RegExp(`^[\\s*•-]*(?:${phrases("suite de la phrase d'avant")})`, "iu");

/** A sentence that opens by qualifying the figures before it, named by a noun of a figure (« Ces trois chiffres … »). */
const FIGURES_TAKEN_UP = new RegExp(
  `^[\\s*•-]*(?:ces|ce|cet|cette|les|le|la)\\s+(?:[^\\s;:,.]+\\s+){0,2}?(?:${wordList("figure-nouns.txt").map(escapeRegExp).join("|")})(?!\\p{L})`,
  "iu",
);

/**
 * Whether the answer keeps the reserve of a sentence's figures beside it (faithful32): the next sentence opens by
 * qualifying them, named by a noun of a figure and without a figure of its own in that statement (« … 534 millions
 * d'euros économisés [1]. Ces trois chiffres ne sont confirmés par aucune autre source [1]. »), or the sentence goes on
 * (« Parmi eux, … ») with the sentence before, which keeps the reserve (« L'April a fait état de 2 812 adhérents »).
 */
export function reserveKeptBeside(previous: string, sentence: string, next: string): boolean {
  const first = statementsOf(next)[0] ?? "";
  if (FIGURES_TAKEN_UP.test(first) && QUALIFIER_SOURCE.test(first) && extractFigures(first).length === 0) return true;
  const before = withoutReferences(previous);
  return (
    GOES_ON.test(withoutReferences(sentence)) &&
    (QUALIFIER_CLAIM.test(before) || OWN_RESERVE.test(foldApostrophes(before)))
  );
}

type Reserve = "claimed" | "envisaged";

/** How a passage sentence reserves the figure at `at` (ending at `end`), or null when it states it. */
function reserveOf(text: string, at: number, end: number): { kind: Reserve; words: string } | null {
  const before = text.slice(Math.max(0, at - 90), at);
  const after = text.slice(end, end + 60);
  const claimed = found(CLAIMED_BEFORE, before);
  const claimedAfter = claimed ?? found(CLAIMED_AFTER, text.slice(end, end + 160));
  if (claimedAfter) return { kind: "claimed", words: claimedAfter };
  const envisaged = found(ENVISAGED_BEFORE, before) ?? found(ENVISAGED_AFTER, after);
  return envisaged ? { kind: "envisaged", words: envisaged } : null;
}

/** What a pattern matches in a text, matched folded and quoted as written (folding keeps the length of accents). */
function found(pattern: RegExp, text: string): string | null {
  const folded = foldApostrophes(text);
  const m = pattern.exec(folded);
  if (!m) return null;
  // The expression alone (group 1), not the words between it and the figure.
  const at = m.index + m[0].indexOf(m[1]!);
  const written = folded.length === text.length ? text.slice(at, at + m[1]!.length) : m[1]!;
  return written.replace(/[()]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * The first quantity of the sentence that every cited sentence writing it reserves (`reserveOf`), the sentence keeping
 * no reserve of its own: the figure, the kind of reserve and the passage's words; else null.
 */
export function figureReserveLost(
  stated: string,
  pool: Source[],
): { figure: string; kind: Reserve; words: string } | null {
  const text = withoutReferences(stated);
  if (QUALIFIER_CLAIM.test(text) || OWN_RESERVE.test(foldApostrophes(text))) return null;
  const figures = located(text, extractFigures(text))
    .filter((s) => QUANTITY.has(s.f.kind) && !reportedFigure(text, s.at))
    .map((s) => s.f);
  if (figures.length === 0) return null;
  const cited = pool.flatMap((src) => src.sentences.filter((ss) => !ss.inHeading));
  for (const f of figures) {
    const found = cited.flatMap((ss) =>
      located(ss.text, extractFigures(ss.text))
        .filter((s) => figureMatches(f, s.f))
        .map((s) => reserveOf(ss.text, s.at, s.end)),
    );
    if (found.length === 0 || found.some((r) => r === null)) continue;
    const first = found[0]!;
    return { figure: f.raw, ...first };
  }
  return null;
}
