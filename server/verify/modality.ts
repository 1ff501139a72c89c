/**
 * What a passage presents as possible or unconfirmed, stated as done (trial7, A1, A2): « le marché a été reconduit
 * jusqu'en 2028 » where the passage says « 12 mois reconductibles trois fois, soit jusqu'en 2028 au plus tard »,
 * « l'extension a été confirmée » where it says « Point non confirmé ». Words are data
 * (`server/i18n/fr/stated-beyond.txt`); `server/verify/index.ts` turns what it finds into reasons.
 */
import { fold } from "../retrieval/french.ts";
import { beyond } from "./beyond-words.ts";
import { NEGATION, short } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

const POSSIBLE = beyond("possible");
const CONFIRM = beyond("confirm");
const CONFIRM_ALL = beyond("confirm", "giu");
const UNCONFIRMED = beyond("unconfirmed");

/** A verb stated as done: an auxiliary and a past participle (« a été reconduit », « sont renouvelés »). */
const DONE = /(?<!\p{L})(?:a|ont|est|sont|avait|avaient|était|étaient)\s+(?:été\s+)?(\p{L}{5,})/giu;
/** An adjective of possibility (« reconductibles », « renouvelable »). */
const ABLE = /^\p{L}{4,}(?:i|a)bles?$/u;
/** Least letters a participle and an adjective of possibility must begin with alike to be of one verb. */
export const MODALITY_MIN_PREFIX = 6;
/** Least content words (besides the verb) a sentence must share with the passage's sentence. */
export const MODALITY_MIN_SHARED = 2;

const prefix = (a: string, b: string) => {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
};

/**
 * A verb the sentence states as done where the cited sentence carrying it gives only its possibility (« reconduit »
 * for « reconductibles »), the sentence saying no possibility itself and no cited sentence stating it done: the
 * adjective and the source sentence, or null.
 */
export function possibleAsDone(stated: string, pool: Source[]): { word: string; quote: string } | null {
  if (POSSIBLE.test(stated) || NEGATION.test(stated)) return null;
  const sentences = pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading).map((ss) => ss.text));
  for (const m of stated.matchAll(DONE)) {
    const done = fold(m[1]!);
    const rest = contentWords(stated).filter((w) => w !== done);
    // A cited sentence that says it done (« le marché a été reconduit en 2025 »): nothing to say.
    if (sentences.some((t) => contentWords(t).includes(done))) continue;
    for (const t of sentences) {
      const able = t.split(/[^\p{L}'’-]+/u).find((x) => {
        const f = fold(x);
        return ABLE.test(f) && prefix(f, done) >= MODALITY_MIN_PREFIX;
      });
      if (!able) continue;
      const bag = bagOf(t);
      if (rest.filter((w) => inBag(w, bag)).length >= MODALITY_MIN_SHARED) return { word: able, quote: short(t) };
    }
  }
  return null;
}

/**
 * A confirmation stated (« a été confirmée ») where the cited passages say a point is not confirmed (« Point non
 * confirmé : nous n'avons pas pu vérifier la suite ») and confirm nothing: the passage's sentence, or null.
 */
export function unconfirmedAsConfirmed(stated: string, pool: Source[]): string | null {
  if (!CONFIRM.test(stated) || NEGATION.test(stated) || UNCONFIRMED.test(stated) || /non[- ]confirm/iu.test(stated))
    return null;
  const sentences = pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading).map((ss) => ss.text));
  // A passage confirming something (« Brad Smith l'a confirmé ») may be what the sentence repeats.
  if (sentences.some((t) => CONFIRM.test(t) && !UNCONFIRMED.test(t) && !NEGATION.test(t))) return null;
  const mine = contentWords(stated.replace(CONFIRM_ALL, " "));
  const at = sentences.findIndex(
    (t, i) => UNCONFIRMED.test(t) && mine.some((w) => inBag(w, bagOf(`${sentences[i - 1] ?? ""} ${t}`))),
  );
  return at < 0 ? null : short(sentences[at]!);
}
