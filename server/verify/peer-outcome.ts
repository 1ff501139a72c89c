/**
 * The outcome of a peer promised to the collectivité (trial17 D3): « Comme Échirolles, Lanvénec-sur-Blavet obtiendra
 * le niveau Or dès 2027 [5] », citing a passage on Échirolles' own label. Every word is in the passage or the data, but
 * the passage says what the peer obtained, never what the collectivité will: the sentence compares it to a name of the
 * cited passages (`[comparaison]`), its verb is in the future or the conditional (`[futur]`, not an advice verb of
 * `advice-verbs.txt`), and it speaks of the collectivité the document is written for (a name only the data give) or of
 * the reader's (`[collectivité]`). Words: `server/i18n/fr/peer-outcome.txt`.
 */
import { NUMBER_WORD_PATTERN } from "../core/number-words.ts";
import { escapeRegExp, fold, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { extractFigures } from "./figures.ts";
import { namesOf } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, nameIn, wordList, words } from "./words.ts";

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
const EXPECT = new RegExp(`(?<![\\p{L}])(?:${alternation("attente")})(?![\\p{L}])`, "u");
const BODY_KINDS = alternation("collectivité nommée");
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
  if (!peer) return peerFigurePromised(text, pool, facts);
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

/** A passage section opening on a name, then its place and a colon (« Boé (Lot-et-Garonne) : … », « Région X : … »). */
const SECTION_LEAD = /^(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)\s*(?:\([^)]*\)\s*)?:/u;

/**
 * The collectivité a cited passage is about: its section opens on a name (« Boé (Lot-et-Garonne) : … ») that is a
 * collectivité's, by its own words (« Région Occitanie ») or the passage's (« Boé, commune de … », « la ville de
 * Boé »); not a maker's (« Microsoft : la hausse de juillet »). Null otherwise.
 */
function passagePeer(src: Source): string | null {
  const heading = src.sentences[0]?.heading ?? "";
  const section = heading.slice(heading.lastIndexOf(" — ") + 3).trim();
  const name = SECTION_LEAD.exec(section)?.[1];
  if (!name) return null;
  const kinds = `(?:${BODY_KINDS})`;
  const folded = foldApostrophes(name);
  const body = foldApostrophes(src.sentences.map((ss) => ss.text).join(" "));
  const n = escapeRegExp(folded);
  const isBody =
    new RegExp(`^${kinds}(?![\\p{L}])`, "u").test(folded) ||
    new RegExp(`(?<![\\p{L}])${n}\\s*,\\s*(?:une\\s+|la\\s+|le\\s+)?${kinds}(?![\\p{L}])`, "u").test(body) ||
    new RegExp(`(?<![\\p{L}])${kinds}\\s+(?:de\\s+|d'\\s*)?${n}(?![\\p{L}])`, "u").test(body);
  return isBody ? name : null;
}

/** A number word and the word it counts (« deux agents »). */
const COUNTED = new RegExp(`(?<![\\p{L}])(?:${NUMBER_WORD_PATTERN})\\s+\\p{L}{3,}`, "giu");

/**
 * A peer's figure promised to the collectivité, the peer unnamed (faithful-blind-23): « Avec 120 postes, deux agents
 * suffiront donc à votre commune » citing Boé's « soixante postes … équipés … par deux agents », « Chamblessac doit
 * s'attendre à la même hausse de 20 à 30 % » citing the Région's. The sentence speaks of the collectivité (a name only
 * the data give, or the reader's), in the future, the conditional or by an expectation (`[attente]`), and a figure of
 * it is written in a cited passage about another collectivité (`passagePeer`) it does not name, not in the data.
 */
function peerFigurePromised(
  text: string,
  pool: Source[],
  facts: Source[],
): { verb: string; peer: string; recipient: string } | null {
  const folded = foldApostrophes(text);
  const inPool = (name: string) => pool.some((s) => nameIn(words(name).join(" "), s.bag));
  const inFacts = (name: string) => facts.some((f) => nameIn(words(name).join(" "), f.bag));
  // The first word too: a capitalised word only the data name (« Chamblessac doit … »), which `namesOf` skips.
  const opening = /^[\s*_]*(\p{Lu}[\p{L}'’-]+)/u.exec(text)?.[1];
  const names = [...(opening ? [opening] : []), ...namesOf(text)];
  const reader = READER.exec(folded);
  const recipient =
    names.find((n) => !inPool(n) && inFacts(n)) ??
    (reader ? text.slice(reader.index, reader.index + reader[0].length) : null);
  if (!recipient) return null;
  const expect = EXPECT.exec(folded);
  const future = folded
    .split(/[^\p{L}'-]+/u)
    .map((w) => w.replace(/^\p{L}'/u, ""))
    .find((w) => FUTURE.test(w) && !NOT_VERBS.has(w) && !ADVICE.has(w));
  const verbAt = expect ? expect.index : future ? folded.indexOf(future) : -1;
  if (verbAt < 0) return null;
  const verb = text.slice(verbAt, verbAt + (expect ? expect[0].length : future!.length));
  const figures = [...extractFigures(text).map((f) => f.raw), ...[...text.matchAll(COUNTED)].map((m) => m[0])].map(
    (f) => foldApostrophes(f).replace(/\s+/g, " "),
  );
  if (figures.length === 0) return null;
  const factText = foldApostrophes(facts.flatMap((f) => f.sentences.map((ss) => ss.text)).join(" ")).replace(
    /\s+/g,
    " ",
  );
  const writes = (hay: string, figure: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(figure)}(?![\\p{L}\\p{N}])`, "u").test(hay);
  for (const src of pool) {
    const peer = passagePeer(src);
    if (!peer || inFacts(peer) || nameIn(words(peer).join(" "), bagOf(text))) continue;
    const body = foldApostrophes(src.sentences.map((ss) => ss.text).join(" ")).replace(/\s+/g, " ");
    if (figures.some((f) => writes(body, f) && !writes(factText, f))) return { verb, peer, recipient };
  }
  return null;
}
