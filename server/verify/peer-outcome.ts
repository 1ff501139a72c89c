/**
 * The outcome of a peer promised to the collectivité (trial17 D3): « Comme Échirolles, Lanvénec-sur-Blavet obtiendra
 * le niveau Or dès 2027 [5] », citing a passage on Échirolles' own label. Every word is in the passage or the data, but
 * the passage says what the peer obtained, never what the collectivité will: the sentence compares it to a name of the
 * cited passages (`[comparaison]`), its verb is in the future or the conditional (`[futur]`, not an advice verb of
 * `advice-verbs.txt`), and it speaks of the collectivité the document is written for (a name only the data give) or of
 * the reader's (`[collectivité]`). Words: `server/i18n/fr/peer-outcome.txt`.
 */
import { escapeRegExp, fold, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { namesOf } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { nameIn, wordList, words } from "./words.ts";

const LISTS = wordListSections("peer-outcome.txt");
const entries = (section: string) =>
  [...(LISTS.get(section) ?? [])].sort((a, b) => b.length - a.length).map((e) => foldApostrophes(e));
const alternation = (section: string) =>
  entries(section)
    .map((e) => escapeRegExp(e).replace(/\s+/g, "\\s+"))
    .join("|");
const COMPARED = new RegExp(`(?<![\\p{L}])(?:${alternation("comparaison")})\\s+`, "gu");
const READER = new RegExp(`(?<![\\p{L}])(?:${alternation("collectivité")})(?![\\p{L}])`, "u");
const FUTURE = new RegExp(`\\p{L}{2,}(?:${alternation("futur")})$`, "u");
const NOT_VERBS = new Set(entries("pas des verbes"));
const ADVICE = new Set(wordList("advice-verbs.txt").map((w) => fold(w)));

/** The verb, the peer and the collectivité of a peer's outcome promised to the collectivité; or null. */
export function peerOutcome(
  stated: string,
  pool: Source[],
  facts: Source[],
): { verb: string; peer: string; recipient: string } | null {
  const text = withoutReferences(stated);
  const folded = foldApostrophes(text);
  const names = namesOf(text);
  const inPool = (name: string) => pool.some((s) => nameIn(words(name).join(" "), s.bag));
  // The peer: a name of the cited passages right after the comparison.
  let peer: string | null = null;
  for (const m of folded.matchAll(COMPARED)) {
    const after = text.slice(m.index! + m[0].length);
    const name = names.find((n) => after.replace(/^(?:la|le|les|l['’])\s*/iu, "").startsWith(n));
    if (name && inPool(name)) {
      peer = name;
      break;
    }
  }
  if (!peer) return null;
  // The collectivité: a name only the data give, or the reader's (as the sentence writes it).
  const reader = READER.exec(folded);
  const recipient =
    names.find((n) => n !== peer && !inPool(n) && facts.some((f) => nameIn(words(n).join(" "), f.bag))) ??
    (reader ? text.slice(reader.index, reader.index + reader[0].length) : null);
  if (!recipient) return null;
  const verb = folded
    .split(/[^\p{L}'-]+/u)
    .map((w) => w.replace(/^\p{L}'/u, ""))
    .find((w) => FUTURE.test(w) && !NOT_VERBS.has(w) && !ADVICE.has(w));
  if (!verb) return null;
  const at = folded.indexOf(verb);
  return { verb: text.slice(at, at + verb.length), peer, recipient };
}
