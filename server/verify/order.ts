/**
 * Two steps or events put in the contrary order of the cited passage (faithful27): « La formation vient après la
 * bascule » where the passage says « Former avant la bascule », « L'accueil est équipé avant les services techniques »
 * where it says « Équiper d'abord les services techniques, puis l'accueil ». Each order word (`server/i18n/fr/
 * order-words.txt`, data) gives a pair (what comes first, what comes second): up to three content words on each side,
 * within its part of the sentence. The sentence's pair is reversed when a cited sentence's pair has its first words on
 * the second side and its second words on the first (half of each side's words at least), and no cited sentence gives them in the sentence's order.
 * `server/verify/index.ts` turns what it finds into a reason.
 */
import { wordAlternation, wordListSections } from "../i18n/word-lists.ts";
import { derivedIn } from "../retrieval/derivations.ts";
import { NEGATION, short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

const SECTIONS = wordListSections("order-words.txt");
const group = (name: string) => wordAlternation(SECTIONS.get(name) ?? []).replace(/ /g, "\\s+");
/** An order word, its section named by its group; expressions of [not] are taken out first. */
const ORDER = new RegExp(
  `(?<![\\p{L}'’-])(?:(?<before>${group("before")})|(?<after>${group("after")})|(?<then>${group("then")}))(?![\\p{L}'’-])`,
  "giu",
);
const NOT = new RegExp(`(?<![\\p{L}'’-])(?:${group("not")})(?![\\p{L}'’-])`, "giu");

/** Content words on each side of an order word that stand for what it orders. */
export const ORDER_REACH = 3;

interface Pair {
  first: string[];
  second: string[];
}

/** The ordered pairs of a text, clause by clause (between « ; », « : », « . » and line breaks). */
function pairsOf(text: string): Pair[] {
  const out: Pair[] = [];
  const bare = withoutReferences(text).replace(NOT, (m) => " ".repeat(m.length));
  for (const clause of bare.split(/[;:.!?\n]+/u)) {
    for (const m of clause.matchAll(ORDER)) {
      const head = clause.slice(0, m.index!);
      const tail = clause.slice(m.index! + m[0].length);
      const tailParts = tail.split(",");
      const right = contentWords(tailParts[0]!).slice(0, ORDER_REACH);
      if (right.length === 0) continue;
      if (m.groups!.then) {
        // « A, puis B »: A is the part before the comma that precedes « puis ».
        const left = contentWords(
          head
            .replace(/[\s,]+$/u, "")
            .split(",")
            .at(-1)!,
        ).slice(-ORDER_REACH);
        if (left.length > 0) out.push({ first: left, second: right });
        continue;
      }
      let left = contentWords(head.split(",").at(-1)!).slice(-ORDER_REACH);
      // « Après la bascule, les agents sont formés »: what the order word opens is ordered with the part after it.
      if (left.length === 0 && contentWords(head).length === 0)
        left = contentWords(tailParts[1] ?? "").slice(0, ORDER_REACH);
      if (left.length === 0) continue;
      out.push(m.groups!.before ? { first: left, second: right } : { first: right, second: left });
    }
  }
  return out;
}

/**
 * Whether a side of the sentence's pair names what a side of a cited pair names: at least half of its words are words
 * of the other, or of their family (« Linux » alone, in « serveurs … passés sous Linux », is not « le système Linux »).
 */
function sameSide(a: string[], b: string[]): boolean {
  const bag = bagOf(b.join(" "));
  return a.filter((w) => inBag(w, bag, false) || derivedIn(w, bag)).length * 2 >= a.length;
}

/**
 * The cited sentence that orders two things of the sentence the other way round, none ordering them as the sentence
 * does; its short quote, or null. A sentence that denies (« ne vient pas après ») is left alone.
 */
export function orderReversed(stated: string, pool: Source[]): string | null {
  if (NEGATION.test(stated)) return null;
  const mine = pairsOf(stated);
  if (mine.length === 0) return null;
  const cited = pool.flatMap((src) =>
    src.sentences.filter((ss) => !ss.inHeading).map((ss) => ({ text: ss.text, pairs: pairsOf(ss.text) })),
  );
  for (const p of mine) {
    const agrees = cited.some((c) => c.pairs.some((q) => sameSide(p.first, q.first) && sameSide(p.second, q.second)));
    if (agrees) continue;
    const against = cited.find((c) => c.pairs.some((q) => sameSide(p.first, q.second) && sameSide(p.second, q.first)));
    if (against) return short(against.text);
  }
  return null;
}
