/**
 * A claim the cited passage quotes only to correct it (« … le qualifie de « 1er gouvernement européen en migration
 * complète ». Cette formulation doit être nuancée … »), restated as fact: « Le Schleswig-Holstein est le premier
 * gouvernement européen en migration complète » (trial15 A23). The correction expressions are data
 * (`server/i18n/fr/claim-corrections.txt`, shared with « En bref »); `server/verify/index.ts` turns what is found into a
 * reason. A sentence that keeps the qualification (« selon la présentation de Millau », « formule à nuancer ») passes.
 */
import { foldApostrophes } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { QUALIFIER_CLAIM } from "./figure-match.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";

/** A text folded, apostrophes straight, as words between spaces. */
const spaced = (text: string) =>
  ` ${foldApostrophes(text)
    .toLowerCase()
    .replace(/[^a-z0-9']+/g, " ")
    .trim()} `;

const CORRECTIONS = wordListLines("claim-corrections.txt").map(spaced);

/** Where a correction expression starts in a text (spaced offsets), or -1. */
function correctionAt(text: string): number {
  const s = spaced(text);
  const at = CORRECTIONS.map((c) => s.indexOf(c)).filter((i) => i >= 0);
  return at.length ? Math.min(...at) : -1;
}

/** Sentences after a claim that may still correct it (« La suspension est confirmée. En revanche, … »). */
const REACH = 2;
/** Words of a quoted claim the sentence must repeat, at least. */
const MIN_WORDS = 3;

/** Word stems of a text that carry meaning (four letters or more, or a figure), folded. */
const stems = (text: string) =>
  spaced(text)
    .split(" ")
    .filter((w) => /^\d+$/.test(w) || (w.length >= 4 && /^[a-z']+$/.test(w)))
    .map((w) => w.replace(/^[a-z]'/, "").slice(0, 6));

/** The segments between « and » of a text. */
const quotedIn = (text: string) => [...text.matchAll(/«\s*([^«»]+?)\s*»/g)].map((m) => m[1]!);

/** Whether a sentence repeats every meaningful word of a quoted claim (at least three of them). */
function repeats(sentence: string, quote: string): boolean {
  const words = [...new Set(stems(quote))];
  if (words.length < MIN_WORDS) return false;
  const own = new Set(stems(sentence));
  return words.every((w) => own.has(w));
}

/**
 * A sentence that keeps the qualification itself (« selon la présentation », « formule à nuancer », « slogan »), or
 * reports the claim as its author's, in quotes (« La plaquette qualifie l'Occitanie de « première région … » »).
 */
const KEEPS = /nuanc|slogan|formul|inexact|exag[ée]r|trompeu|qualifi|d[ée]crit|«/iu;

/**
 * The claim quoted by a cited passage that the sentence repeats as fact while the passage corrects it, in the same
 * sentence after the quote or in one of the next two of its paragraph: the quote and the correcting sentence; else null.
 */
export function correctedClaimRepeated(stated: string, pool: Source[]): { quote: string; correction: string } | null {
  const text = withoutReferences(stated);
  if (QUALIFIER_CLAIM.test(text) || KEEPS.test(foldApostrophes(text)) || correctionAt(text) >= 0) return null;
  for (const src of pool) {
    const all = src.sentences;
    for (const [i, ss] of all.entries()) {
      const quotes = quotedIn(ss.text).filter((q) => repeats(text, q));
      if (quotes.length === 0) continue;
      // In the same sentence, after the quote (« … « 1er gouvernement … ». C'est inexact » read as one, or a heading
      // « « le CNLL a saisi la justice » ? Une nuance nécessaire »).
      const lastQuote = ss.text.lastIndexOf("»");
      const tail = ss.text.slice(lastQuote + 1);
      if (correctionAt(tail) >= 0) return { quote: quotes[0]!, correction: ss.text.trim() };
      // (A heading's question and its answer are two sentences of the heading.)
      for (let k = 1; k <= REACH; k++) {
        const next = all[i + k];
        if (!next || next.inHeading !== ss.inHeading) break;
        if (correctionAt(next.text) < 0) continue;
        // (A heading's correction is quoted with its question: « « … » ? Une nuance nécessaire ».)
        const correction = ss.inHeading
          ? all
              .slice(i, i + k + 1)
              .map((x) => x.text.trim())
              .join(" ")
          : next.text.trim();
        return { quote: quotes[0]!, correction };
      }
    }
  }
  return null;
}
