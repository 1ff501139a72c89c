/**
 * A figure the cited passage gives only as a party's own claim (« la ville a fait état de 11,7 millions d'euros
 * d'économies ») or as a point under discussion (« le seuil discuté (30 000 habitants) »), stated as fact: « La ville
 * a économisé 11,7 millions d'euros », « NIS2 s'applique aux communes de plus de 30 000 habitants » (trial13 A4, A6).
 * The expressions are data (`server/i18n/fr/figure-reserves.txt`); `server/verify/index.ts` turns what is found into a
 * reason.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { figureMatches, QUALIFIER_CLAIM, QUANTITY } from "./figure-match.ts";
import { extractFigures } from "./figures.ts";
import { withoutReferences } from "./sentences.ts";
import { located, type Source } from "./source-sentences.ts";

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
  const figures = extractFigures(text).filter((f) => QUANTITY.has(f.kind));
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
