/**
 * A statement that a passage given to the model calls inexact, false or unconfirmed, stated (trial26 T-H2): « Elle
 * passe à Sécurix [2] » (the DINUM) where passage [3], given in the same answer, says « Il serait donc inexact
 * d'affirmer, en l'état des sources, que la DINUM passe à Sécurix ou à Bureautix ». The expressions are data
 * (`server/i18n/fr/called-inexact.txt`); what follows their « que », up to a comma or a clause of reserve, is the
 * statement; its first alternative (before « ou ») is held. A sentence writing every content word of it (two at least),
 * without a negation or a word of reserve, states it, whichever passage it cites. `server/verify/index.ts` turns what
 * it finds into a reason.
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { beyond } from "./beyond-words.ts";
import { NEGATION, short } from "./negation.ts";
import { sentenceSpans, withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { firstDoer } from "./verb-roles.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

/** Folded, apostrophes straight. */
const canon = (text: string) => fold(text).replace(/’/g, "'");

/** An expression, then (after an incise of at most 80 characters) its « que », then the statement up to a stop. */
const CALLED = new RegExp(
  `(?<!\\p{L})(?:${wordListLines("called-inexact.txt")
    .map((e) => escapeRegExp(canon(e)).replace(/\s+/g, "\\s+").replace(/'/g, "'\\s*"))
    .join("|")})(?!\\p{L})[^.;:]{0,80}?\\bqu(?:e\\s+|'\\s*)([^,;:.()]+)`,
  "gu",
);

/** Words a sentence keeps a reserve with (« inexact », « non confirmé »…), from `stated-beyond.txt`. */
const INEXACT = beyond("inexact");
const UNCONFIRMED = beyond("unconfirmed");
/** What a sentence reports rather than states (« selon », « aurait », a quote). */
const REPORTED = /(?<!\p{L})(?:selon|d['’]apr[eè]s|aurait|auraient|serait|seraient)(?!\p{L})|«/iu;

/** A subject pronoun opening a sentence. */
const PRONOUN = /^\s*(?:Il|Elle|Ils|Elles)(?=\s)/u;

/**
 * The sentence with the name doing the first act of the sentence before it in place of its opening pronoun (« Elle
 * passe à Sécurix » after « Le 8 avril 2026, la DINUM a annoncé … » → « DINUM passe à Sécurix »); else as it is.
 */
function withSubject(text: string, earlier: string): string {
  if (!PRONOUN.test(text)) return text;
  const before = sentenceSpans(earlier).at(-1)?.text;
  const name = before ? firstDoer(before) : null;
  return name ? text.replace(PRONOUN, name) : text;
}

/** Least content words of the statement a sentence must write. */
export const CALLED_MIN_WORDS = 2;

/**
 * The passage given to the model (its number) and its sentence calling inexact what the sentence states, or null.
 */
export function calledInexact(stated: string, sources: Source[], earlier = ""): { n: number; quote: string } | null {
  const text = withSubject(withoutReferences(stated), earlier);
  if (NEGATION.test(text) || INEXACT.test(text) || UNCONFIRMED.test(text) || REPORTED.test(text)) return null;
  const mine = bagOf(text);
  for (const src of sources) {
    if (src.n === null) continue;
    for (const ss of src.sentences) {
      const folded = canon(ss.text);
      for (const m of folded.matchAll(CALLED)) {
        const statement = m[1]!.split(/\s(?:ou|ni)\s/u)[0]!;
        const words = contentWords(statement);
        if (words.length >= CALLED_MIN_WORDS && words.every((w) => inBag(w, mine)))
          return { n: src.n, quote: short(ss.text) };
      }
    }
  }
  return null;
}
