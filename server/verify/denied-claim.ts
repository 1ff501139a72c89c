/**
 * A claim a cited passage calls inexact (« Il serait donc inexact d'affirmer, en l'état des sources, que la DINUM
 * passe à Sécurix ou à Bureautix »), stated with another act verb: « La DINUM a retenu Sécurix pour équiper ces postes »
 * (faithful-blind-15). The expressions are data (`server/i18n/fr/denied-claims.txt`), the act verbs too
 * (`decision-acts.txt`). The sentence must name the claim's first name (its subject) and another of its names.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { NEGATION, short } from "./negation.ts";
import { namesOf } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { wordLines, wordList, words } from "./words.ts";

/** « inexact d'affirmer …, que <claim> »: the claim, to the next comma or the end of the sentence. */
const DENIED = new RegExp(
  `(?<!\\p{L})(?:${wordLines("denied-claims.txt")
    .map((l) => escapeRegExp(foldApostrophes(l)).replace(/'/g, "['’]").replace(/\\s+/g, "\\s+"))
    .join("|")})(?!\\p{L})[^.;:]{0,60}?\\s(?:que\\s|qu['’])([^,.;:]+)`,
  "iu",
);
/** Act verbs (`server/i18n/fr/decision-acts.txt`), folded. */
const ACTS = new Set(wordList("decision-acts.txt").map((w) => foldApostrophes(w)));
/** A sentence that keeps the passage's reserve (« inexact », « selon »), or denies anything (« Rien ne dit que … »). */
const KEEPS = /inexact|faux|erron|abusif|selon|rumeur|(?<!\p{L})(?:ne\s|n')/iu;

/** The passage's sentence calling inexact the claim the sentence states: a short quote, or null. */
export function deniedClaimStated(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text) || KEEPS.test(foldApostrophes(text))) return null;
  if (!words(text).some((w) => ACTS.has(w))) return null;
  const mine = new Set(namesOf(text).map((n) => words(n).join(" ")));
  for (const src of pool)
    for (const ss of src.sentences) {
      // Folding keeps the length of the letters: the claim is read folded, its names in the passage's own writing.
      const m = DENIED.exec(foldApostrophes(ss.text));
      if (!m) continue;
      const at = m.index + m[0].length - m[1]!.length;
      const names = namesOf(ss.text.slice(at, m.index + m[0].length)).map((n) => words(n).join(" "));
      if (names.length < 2 || !mine.has(names[0]!) || !names.slice(1).some((n) => mine.has(n))) continue;
      return short(ss.text.trim());
    }
  return null;
}
