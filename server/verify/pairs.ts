/**
 * Two things of a pair swapped (trial8, A1): « la demande est adressée au client, pas au fournisseur » where the passage
 * says « adresse sa demande au fournisseur, pas au client ». The phrases that set the kept thing against the ruled-out
 * one are data (`server/i18n/fr/pair-markers.txt`); `server/verify/index.ts` turns what it finds into a reason.
 */
import { escapeRegExp } from "../core/text.ts";
import { stem } from "../retrieval/french.ts";
import { short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, wordLines } from "./words.ts";

/** « <kept>, pas <ruled out> »: the marker, a comma before it where the list says so. */
const PAIR = new RegExp(
  `(?:${wordLines("pair-markers.txt")
    .map((l) => {
      const comma = l.startsWith(",");
      const body = escapeRegExp(l.replace(/^,\s*/, "")).replace(/\s+/g, "\\s+");
      return comma ? `\\s*,\\s*${body}` : `\\s+${body}`;
    })
    .join("|")})(?!\\p{L})`,
  "giu",
);

/** The pairs of a text: the last content word before each marker (in its clause) and the first one after it, stemmed. */
function pairs(text: string): { kept: string; ruled: string; at: number; end: number }[] {
  const out: { kept: string; ruled: string; at: number; end: number }[] = [];
  for (const m of text.matchAll(PAIR)) {
    const before = text
      .slice(0, m.index!)
      .split(/[,;:.()!?]/u)
      .at(-1)!;
    const rest = text.slice(m.index! + m[0].length).split(/[,;:.()!?]/u)[0]!;
    const kept = contentWords(before).at(-1);
    const ruled = contentWords(rest)[0];
    if (kept && ruled && stem(kept) !== stem(ruled))
      out.push({
        kept: stem(kept),
        ruled: stem(ruled),
        at: m.index! - before.length,
        end: m.index! + m[0].length + rest.length,
      });
  }
  return out;
}

/** Least content words (besides the pair) a sentence and the passage's sentence must share for the pair to be the same. */
export const PAIR_MIN_SHARED = 1;

/**
 * The sentence of the cited passages whose pair the sentence states the other way round (« au client, pas au
 * fournisseur » against « au fournisseur, pas au client »), sharing at least one other content word with it: a short
 * quote, or null.
 */
export function pairSwapped(stated: string, pool: Source[]): string | null {
  const mine = pairs(withoutReferences(stated));
  if (mine.length === 0) return null;
  for (const src of pool)
    for (const ss of src.sentences) {
      const text = withoutReferences(ss.text);
      for (const p of pairs(text))
        for (const q of mine) {
          if (q.kept !== p.ruled || q.ruled !== p.kept) continue;
          const pair = new Set([p.kept, p.ruled]);
          const theirs = new Set(contentWords(text).map((w) => stem(w)));
          const shared = contentWords(stated).filter((w) => !pair.has(stem(w)) && theirs.has(stem(w)));
          if (shared.length >= PAIR_MIN_SHARED) return short(text.slice(Math.max(0, p.at), p.end).trim());
        }
    }
  return null;
}
