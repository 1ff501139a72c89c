/**
 * What the cited passages warn against, stated (trial7, A3b, A3c): a phrase a passage calls inexact (« Parler de
 * « migration complète » est donc inexact »), two words a passage says do not mean each other (« « libre » ne veut pas
 * dire « européen » ») joined as if they did (« des logiciels libres d'éditeurs européens »), a source a passage rules
 * out (« non un bilan officiel de la Ville ») given as the sentence's (« Selon le bilan officiel de la Ville, … »).
 * Words are data (`server/i18n/fr/stated-beyond.txt`); `server/verify/index.ts` turns what it finds into reasons.
 */
import { beyond } from "./beyond-words.ts";
import { NEGATION, short } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

const INEXACT = beyond("inexact");
const NOT_SAME = beyond("not-same", "giu");
const ATTRIBUTION = beyond("attribution", "giu");
const DENIED_ACT = beyond("denied-act", "giu");
/** A verb of denial, in any form (« conteste », « dément », « nie »). */
const DENYING = /(?<!\p{L})(?:contest|dément|démenti|nie|nient|nié|niait|réfut)\p{L}*/iu;

/** Quoted phrases of a text (« … »). */
const quoted = (text: string) => [...text.matchAll(/«\s*([^«»]+?)\s*»/gu)].map((m) => m[1]!);

/** Least content words a quoted phrase called inexact must have for a sentence writing them to state it. */
export const WARNED_MIN_WORDS = 2;

/** The cited sentences (not headings). */
const bodies = (pool: Source[]) => pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading).map((ss) => ss.text));

/**
 * The cited sentence that calls a quoted phrase inexact (« Parler de « migration complète » est donc inexact »), when
 * the sentence writes every content word of the phrase (at least two), negates nothing and calls nothing inexact.
 */
export function statedInexact(stated: string, pool: Source[]): string | null {
  if (NEGATION.test(stated) || INEXACT.test(stated)) return null;
  // What the sentence quotes (« Il cite le Land comme « 1er gouvernement en migration complète » ») it reports, it does
  // not state.
  const mine = bagOf(stated.replace(/«[^«»]*»/gu, " "));
  for (const t of bodies(pool)) {
    if (!INEXACT.test(t)) continue;
    for (const phrase of quoted(t)) {
      const words = contentWords(phrase);
      if (words.length >= WARNED_MIN_WORDS && words.every((w) => inBag(w, mine))) return short(t);
    }
  }
  return null;
}

/**
 * The cited sentence saying one quoted word does not mean another (« « libre » ne veut pas dire « européen » »), when
 * the sentence writes both and negates nothing.
 */
export function joinedAgainstWarning(stated: string, pool: Source[]): string | null {
  if (NEGATION.test(stated)) return null;
  const mine = bagOf(stated);
  for (const t of bodies(pool))
    for (const m of t.matchAll(NOT_SAME)) {
      const before = quoted(t.slice(0, m.index!)).at(-1);
      const after = quoted(t.slice(m.index! + m[0].length))[0];
      if (!before || !after) continue;
      const [a, b] = [contentWords(before), contentWords(after)];
      if (a.length > 0 && b.length > 0 && [...a, ...b].every((w) => inBag(w, mine))) return short(t);
    }
  return null;
}

/** What a text rules out with « non » (« …, non un bilan officiel de la Ville »): the part after it. */
const RULED_OUT = /(?<!\p{L})non\s+(?:pas\s+)?((?:un|une|le|la|les|des|du|d['’]|l['’])\s*[^,;:.()]+)/giu;

/**
 * The cited sentence ruling out the source the sentence gives (« Selon le bilan officiel de la Ville, … » against
 * « C'est l'appréciation d'un acteur du logiciel libre, non un bilan officiel de la Ville »): every content word of
 * the sentence's « selon … » (at least two) is in the part the passage rules out.
 */
export function attributedToRuledOut(stated: string, pool: Source[]): string | null {
  for (const m of stated.matchAll(ATTRIBUTION)) {
    const source = stated.slice(m.index! + m[0].length).split(/[,;:]/)[0]!;
    const words = contentWords(source);
    if (words.length < WARNED_MIN_WORDS) continue;
    for (const t of bodies(pool))
      for (const r of t.matchAll(RULED_OUT)) {
        const part = bagOf(r[1]!);
        if (words.every((w) => inBag(w, part))) return short(t);
      }
  }
  return null;
}

/**
 * The cited sentence or heading saying someone denies an act (« la version de Microsoft, qui conteste avoir coupé la
 * Cour »), when the sentence states the act (its participle, not negated, not attributed to a source) with another
 * word of that sentence: the quote, or null.
 */
export function deniedActStated(stated: string, pool: Source[]): string | null {
  // The sentence that says the denial itself (« Microsoft conteste avoir coupé … ») states no act.
  if (NEGATION.test(stated) || DENYING.test(stated) || /(?<!\p{L})(?:selon|d['’]apr[eè]s)(?!\p{L})/iu.test(stated))
    return null;
  const mine = bagOf(stated);
  for (const src of pool)
    for (const ss of src.sentences)
      for (const m of ss.text.matchAll(DENIED_ACT)) {
        const rest = ss.text.slice(m.index! + m[0].length);
        const [act] = contentWords(rest.trim().split(/\s+/)[0] ?? "");
        if (!act || !inBag(act, mine, false)) continue;
        const around = contentWords(ss.text).filter((w) => w !== act);
        // A heading is quoted from its section's title (« CPI : la version de Microsoft, qui conteste … »).
        if (around.some((w) => inBag(w, mine, false))) return short(ss.text.split(/\n| — /u).at(-1)!);
      }
  return null;
}
