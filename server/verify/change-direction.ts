/**
 * « de A à B » is a direction (trial22 T-H5): « Au 1er juillet 2026, Office 365 E3 est passé de 26 à 23 dollars »
 * where the cited passage writes « Office 365 E3 : de 23 à 26 dollars, soit +13 % » has both figures, the product and
 * the date, and says a fall for a rise. A pair of figures the sentence writes as a change or a span (« de A à B »,
 * « A → B ») whose two values the cited passages write as such a pair only the other way round is flagged; so is a
 * word of fall or rise right before the pair (« a baissé de 23 à 26 ») against the order the passage gives them.
 * Words: `server/i18n/fr/change-direction.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListSectionLines } from "../i18n/word-lists.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";

const starts = (section: string) =>
  (wordListSectionLines("change-direction.txt").get(section) ?? []).flatMap((l) =>
    l
      .split(",")
      .map((w) => fold(w.trim()))
      .filter(Boolean),
  );
const FALL = starts("fall");
const RISE = starts("rise");

const NUM = String.raw`\d{1,3}(?:[\s\u00a0\u202f]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
/** « de 23 à 26 », « de 23 dollars à 26 », « de 6 % à 7 % », « 23 → 26 ». */
const PAIR = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])d(?:e\s+|['’]\s*)(${NUM})(?![\p{N}])\s*(?:%\s*|(?:\p{L}+\s+){0,1})?(?:à|a)\s+(${NUM})(?![\p{N}])|(?<![\p{N},.])(${NUM})\s*(?:%\s*|\p{L}+\s*)?(?:→|->|⟶|=>)\s*(${NUM})(?![\p{N}]))`,
  "gu",
);

interface Pair {
  from: number;
  to: number;
  raw: string;
  at: number;
}

const value = (raw: string) => Number(raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));

function pairs(text: string): Pair[] {
  return [...text.matchAll(PAIR)].flatMap((m) => {
    const from = value(m[1] ?? m[3]!);
    const to = value(m[2] ?? m[4]!);
    // A year beside a count (« de 2020 à 12 ») or equal values say no direction.
    if (!Number.isFinite(from) || !Number.isFinite(to) || from === to) return [];
    return [{ from, to, raw: m[0].trim(), at: m.index! }];
  });
}

/** The fall or rise word right before the pair (« a baissé de 23 à 26 ») as written, and its direction; or null. */
function wordDirection(before: string): { word: string; dir: number } | null {
  const list = before
    .split(/[^\p{L}'’-]+/u)
    .filter(Boolean)
    .slice(-3);
  const of = (w: string) => {
    const f = fold(w);
    const fall = FALL.some((s) => f.startsWith(s));
    const rise = RISE.some((s) => f.startsWith(s));
    return fall === rise ? 0 : fall ? -1 : 1;
  };
  const said = list.filter((w) => of(w) !== 0);
  if (said.length === 0 || new Set(said.map(of)).size > 1) return null;
  return { word: said.at(-1)!, dir: of(said.at(-1)!) };
}

/**
 * The passage's pair (as it writes it) whose two values the sentence writes in the other order or in the other
 * direction, and the sentence's; or null.
 */
export function changeReversed(stated: string, pool: Source[]): { stated: string; passage: string } | null {
  const text = withoutReferences(stated);
  const own = pairs(text);
  if (own.length === 0) return null;
  const written = pool.flatMap((src) => src.sentences.flatMap((ss) => pairs(withoutReferences(ss.text))));
  for (const p of own) {
    const same = written.filter((q) => q.from === p.from && q.to === p.to);
    const reversed = written.filter((q) => q.from === p.to && q.to === p.from);
    if (same.length === 0 && reversed.length > 0) return { stated: p.raw, passage: reversed[0]!.raw };
    const word = wordDirection(text.slice(Math.max(0, p.at - 40), p.at));
    if (word && same.length > 0 && reversed.length === 0 && Math.sign(p.to - p.from) !== word.dir)
      return { stated: word.word, passage: same[0]!.raw };
  }
  return null;
}
