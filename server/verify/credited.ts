/**
 * A figure given to the other of the sources a passage sets side by side (trial7 A3b, trial8 A5): « Selon Numerama,
 * … 14 500 postes » where the passage gives « plus de 12 000 postes … selon Numerama » and « 14 500 postes … selon
 * Le Temps ». The words that credit a source are data (`server/i18n/fr/stated-beyond.txt`, section « attribution »);
 * `server/verify/index.ts` turns what it finds into a reason.
 */
import { beyond } from "./beyond-words.ts";
import { figureMatches, QUALIFIER_CLAIM, QUANTITY } from "./figure-match.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { namesOf } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

const ATTRIBUTION = beyond("attribution", "giu");
/** Words that credit a view when they open a sentence before a comma (« Pour la CNIL, c'est surtout … »). */
const OPENING_ATTRIBUTION = new RegExp(`^\\s*${beyond("attribution-opening", "iu").source}`, "iu");
/** How a passage says its sources give different figures (« Les sources divergent », « ne donnent pas les mêmes »). */
const DIVERGE = beyond("diverge");

/** Most words a source's name is read over, after « selon » (« selon Le Temps (juin 2024) »). */
export const CREDITED_MAX_WORDS = 4;

/** A source named in a text: its words as written, and its folded content words. */
interface Credit {
  raw: string;
  words: string[];
  /** Where the text names it. */
  at: number;
}

/** The sources a text credits: after « selon » / « d'après » (up to a comma, a parenthesis, a colon), or in a credit « (Cybernews, 8 octobre 2025) ». */
export function creditsOf(text: string): Credit[] {
  const out: Credit[] = [];
  for (const m of text.matchAll(ATTRIBUTION)) {
    const raw = text
      .slice(m.index! + m[0].length)
      .split(/[,;:()[\]\n.]/u)[0]!
      .trim()
      .split(/\s+/)
      .slice(0, CREDITED_MAX_WORDS)
      .join(" ");
    const words = contentWords(raw);
    if (words.length > 0) out.push({ raw, words, at: m.index! });
  }
  for (const m of text.matchAll(/\((\p{Lu}[^,()]{1,40}),[^()]*\d{4}\s*\)/gu)) {
    const words = contentWords(m[1]!);
    if (words.length > 0) out.push({ raw: m[1]!.trim(), words, at: m.index! });
  }
  return out;
}

const same = (a: Credit, b: Credit) =>
  a.words.every((w) => b.words.includes(w)) || b.words.every((w) => a.words.includes(w));

const quantities = (text: string): Figure[] => extractFigures(text).filter((f) => QUANTITY.has(f.kind));

/**
 * The figure a sentence credits to one source (« Selon Numerama, … 14 500 postes ») that the cited passages credit to
 * another, while they credit that source with another figure of the same kind: the figure, the source named and the
 * one the passages give; or null. Each part of a passage (between semicolons, a list item) carries its own credits.
 */
/** The parts of the cited passages (between semicolons, a list item) that credit a source with a quantity. */
function creditedParts(pool: Source[], onlyDiverging = false) {
  return pool
    .filter((src) => !onlyDiverging || src.sentences.some((ss) => !ss.inHeading && DIVERGE.test(ss.text)))
    .flatMap((src) =>
      src.sentences
        .filter((ss) => !ss.inHeading)
        .flatMap((ss) => withoutReferences(ss.text).split(/\s*;\s*|\n\s*[-*•]\s+|,\s+(?=\d)/u))
        .map((text) => ({ credits: creditsOf(text), figures: quantities(text) }))
        .filter((p) => p.credits.length > 0 && p.figures.length > 0),
    );
}

export function creditSwapped(stated: string, pool: Source[]): { figure: string; name: string; other: string } | null {
  const claimed = creditsOf(stated);
  if (claimed.length === 0) return null;
  const figures = quantities(stated);
  if (figures.length === 0) return null;
  const parts = creditedParts(pool);
  // A source credits the figures of its own part of the sentence (« …, ou 44 000 boîtes selon heise »); when it is the
  // sentence's only source and its part has none (« Selon heise, le Land a migré 40 000 boîtes »), see below.
  const single = [...stated.matchAll(ATTRIBUTION)].length === 1;
  const partOf = (at: number) => {
    const cuts = [...stated.matchAll(/(?<!\d),|,(?!\d)|;/g)].map((m) => m.index!);
    const from = Math.max(-1, ...cuts.filter((c) => c < at)) + 1;
    const to = Math.min(stated.length, ...cuts.filter((c) => c >= at));
    return stated.slice(from, to);
  };
  for (const name of claimed) {
    const own = quantities(partOf(name.at));
    // A source named alone in a part without figures credits those after it (« …, tandis que selon heise (novembre
    // 2025), près de 80 % … »), or, when none follows (« Le Land a migré 40 000 boîtes, selon heise »), those before.
    const after = quantities(stated.slice(name.at));
    for (const f of own.length > 0 ? own : single ? (after.length > 0 ? after : figures) : []) {
      const carrying = parts.filter((p) => p.figures.some((sf) => figureMatches(f, sf)));
      if (carrying.length === 0 || carrying.some((p) => p.credits.some((c) => same(c, name)))) continue;
      const elsewhere = parts.some(
        (p) =>
          p.credits.some((c) => same(c, name)) && p.figures.some((sf) => sf.kind === f.kind && !figureMatches(f, sf)),
      );
      if (elsewhere) return { figure: f.raw, name: name.raw, other: carrying[0]!.credits[0]!.raw };
    }
  }
  return null;
}

/** Most a diverging figure may differ from the sentence's, relatively, to be another source's count of the same thing. */
export const DIVERGING_MAX_GAP = 0.25;

/** Words by which a sentence gives a figure as approximate (« environ », « près de », « entre … et … »). */
const APPROXIMATE = /(?<!\p{L})(?:environ|près\s+d|autour\s+d|à\s+peu\s+près|ordre\s+de\s+grandeur|entre)(?!\p{L})/iu;

/**
 * One of two figures a cited passage says its sources diverge on (« Les sources divergent … : 37 selon l'April ; 36
 * selon le site du label »), stated alone as the figure (« 37 collectivités ont été distinguées »), the sentence
 * naming no source, no reserve and no approximation: the figure, the other one and the source giving it; or null.
 */
export function divergingAlone(
  stated: string,
  pool: Source[],
): { figure: string; other: string; source: string } | null {
  if (creditsOf(stated).length > 0 || QUALIFIER_CLAIM.test(stated) || APPROXIMATE.test(stated)) return null;
  const figures = quantities(stated);
  if (figures.length === 0) return null;
  const parts = creditedParts(pool, true);
  for (const f of figures) {
    const carrying = parts.filter((p) => p.figures.some((sf) => figureMatches(f, sf)));
    if (carrying.length === 0) continue;
    for (const p of parts) {
      if (p.credits.some((c) => carrying.some((q) => q.credits.some((d) => same(c, d))))) continue;
      const other = p.figures.find(
        (sf) =>
          sf.kind === f.kind &&
          !figureMatches(f, sf) &&
          Math.abs(sf.value - f.value) <= DIVERGING_MAX_GAP * Math.max(Math.abs(f.value), Math.abs(sf.value)),
      );
      // The sentence writing both (« 36 ou 37 ») keeps the divergence.
      if (other && !figures.some((g) => figureMatches(g, other)))
        return { figure: f.raw, other: other.raw, source: p.credits[0]!.raw };
    }
  }
  return null;
}

/** Least content words a claim credited to a source must have, besides the source, to be compared. */
export const CREDITED_CLAIM_MIN_WORDS = 3;
/** Share of them a cited statement must write to state the same claim. */
export const CREDITED_CLAIM_MIN_SHARE = 0.75;
/** Most words a credit is read over for a claim without a figure (« selon la présidente de la CNIL »). */
export const CREDITED_CLAIM_MAX_WORDS = 8;

/**
 * A text's first credit (« selon X, … ») read to its comma, and the text without it; null without one. With `opening`,
 * a sentence opening on a word of « attribution-opening » before a comma (« Pour la CNIL, c'est … ») credits it too.
 */
function creditedClaim(text: string, opening = false): { credit: string; claim: string } | null {
  const open = opening ? OPENING_ATTRIBUTION.exec(text) : null;
  if (open && [...text.matchAll(ATTRIBUTION)].length === 0) {
    const after = text.slice(open[0].length);
    const cut = after.indexOf(",");
    if (cut > 0 && after.slice(0, cut).trim().split(/\s+/).length <= CREDITED_CLAIM_MAX_WORDS)
      return { credit: after.slice(0, cut).trim(), claim: after.slice(cut) };
  }
  const m = [...text.matchAll(ATTRIBUTION)];
  if (m.length !== 1) return null;
  const from = m[0]!.index!;
  const after = text.slice(from + m[0]![0].length);
  const cut = after.search(/[,;:()[\]\n.]/u);
  const credit = (cut < 0 ? after : after.slice(0, cut)).trim();
  if (credit.split(/\s+/).length > CREDITED_CLAIM_MAX_WORDS) return null;
  return { credit, claim: text.slice(0, from) + (cut < 0 ? "" : after.slice(cut)) };
}

/**
 * A claim without a figure credited to one source (« Selon la présidente de la CNIL, cette qualification protège
 * contre le CLOUD Act », « Pour la CNIL, c'est surtout contre les coupures que cette qualification protège ») that the cited passages state credited to another (« Selon le directeur général de l'ANSSI,
 * Vincent Strubel, elle protège contre le CLOUD Act »): a cited statement writes most of the claim's words (three
 * quarters, at least three) after a credit of its own, and none of the words of the sentence's credit; no cited
 * statement writing the claim credits it so. The credit named and the passage's; or null.
 */
export function claimCreditSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  if (quantities(stated).length > 0) return null;
  const mine = creditedClaim(withoutReferences(stated), true);
  if (!mine) return null;
  // A credit that names no one (« selon le guide », « selon les sources ») speaks of the passages themselves.
  if (namesOf(` ${mine.credit}`).length === 0) return null;
  const creditWords = contentWords(mine.credit);
  const claimWords = [...new Set(contentWords(mine.claim))].filter((w) => !creditWords.includes(w));
  if (creditWords.length === 0 || claimWords.length < CREDITED_CLAIM_MIN_WORDS) return null;
  const need = Math.max(CREDITED_CLAIM_MIN_WORDS, Math.ceil(claimWords.length * CREDITED_CLAIM_MIN_SHARE));
  let other: string | null = null;
  for (const src of pool)
    for (const ss of src.sentences) {
      if (ss.inHeading) continue;
      for (const part of withoutReferences(ss.text).split(/\s*;\s*/u)) {
        const bag = bagOf(part);
        if (claimWords.filter((w) => inBag(w, bag)).length < need) continue;
        // The statement names the sentence's source somewhere (« Selon Vincent Strubel » for « Selon le directeur
        // général de l'ANSSI, Vincent Strubel, … »): the same credit.
        if (creditWords.some((w) => inBag(w, bag, false))) return null;
        const theirs = creditedClaim(part);
        if (theirs && contentWords(theirs.credit).length > 0) other ??= theirs.credit;
      }
    }
  return other ? { name: mine.credit, other } : null;
}
