/**
 * A judgment in the superlative (« Tchap est le meilleur outil de messagerie pour une mairie », « la solution la plus
 * sûre ») that no passage the sentence is checked with makes: no sentence of theirs writes the same superlative (« le
 * meilleur », or « plus » / « moins » before a word of the same family). An opinion, or a ranking, given as a fact
 * (trial19 G9). A comparison among things the sentence names (« le plus ancien des deux ») is computed from the
 * passages, not judged. Words are data (`server/i18n/fr/superlatives.txt`); `server/verify/index.ts` turns what it
 * finds into a reason.
 */
import { wordListSectionLines } from "../i18n/word-lists.ts";
import { fold } from "../retrieval/french.ts";
import { NEGATION } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { words } from "./words.ts";

const sections = wordListSectionLines("superlatives.txt");
const listOf = (name: string) => new Set((sections.get(name) ?? []).flatMap((l) => words(l)));
const BEST = listOf("best");
const ADVERBS = listOf("adverbs");

/** Least letters two forms of a judged word share at their start (« sûre », « sûrs »; « adaptée », « adapté »). */
const FAMILY_MIN = 4;

/** « le », « la », « les » or « l' » before the superlative. */
const ARTICLES = new Set(["le", "la", "les", "l"]);

/** « des deux », « d'entre eux »: the superlative ranks things the sentence names. */
const AMONG = /^\s*(?:des\s+(?:deux|trois|quatre|cinq)|d['’]entre\s+(?:eux|elles))(?!\p{L})/iu;

interface Superlative {
  /** As written (« le meilleur », « la plus sûre »). */
  written: string;
  /** The folded judged word (« meilleur », « sure »). */
  word: string;
  /** Whether it is « plus » / « moins » + word (else a word of [best]). */
  graded: boolean;
}

/**
 * The superlatives of a text, folded: the words of [best] (« le meilleur »), and with `graded` « le plus » / « le
 * moins » before a word (« la plus sûre »). A sentence is held to its words of [best] only: a graded superlative is as
 * often the model's advice for the collectivité (« Pour une collectivité, la démarche la plus cohérente est … »,
 * faithful-blind) as a ranking; the passages' graded ones still hold a sentence's [best] word.
 */
function superlativesOf(text: string, graded: boolean): Superlative[] {
  const list = words(text);
  const out: Superlative[] = [];
  for (let i = 1; i < list.length; i++) {
    const w = list[i]!;
    if (!ARTICLES.has(list[i - 1]!)) continue;
    if (BEST.has(w)) out.push({ written: `${list[i - 1]} ${w}`, word: w, graded: false });
    else if (graded && (w === "plus" || w === "moins") && list[i + 1] && !ADVERBS.has(list[i + 1]!))
      out.push({ written: `${list[i - 1]} ${w} ${list[i + 1]}`, word: list[i + 1]!, graded: true });
  }
  return out;
}

/** Whether two judged words are of one family (the same start of four letters at least, or one the start of the other). */
const sameFamily = (a: string, b: string) => {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  return n >= FAMILY_MIN && a.slice(0, Math.max(FAMILY_MIN, n - 2)) === b.slice(0, Math.max(FAMILY_MIN, n - 2));
};

/**
 * The superlative a sentence writes (« le meilleur ») that no sentence of the passages writes, or null. A negated
 * sentence, and one that ranks things it names among themselves, are left.
 */
export function superlativeUnheld(stated: string, pool: Source[]): string | null {
  if (NEGATION.test(stated)) return null;
  const mine = superlativesOf(stated, false);
  if (mine.length === 0) return null;
  const theirs = pool.flatMap((s) => s.sentences.flatMap((ss) => superlativesOf(ss.text, true)));
  const folded = fold(stated);
  for (const s of mine) {
    const at = folded.indexOf(s.word, folded.indexOf(s.written.split(" ")[1]!));
    if (at >= 0 && AMONG.test(folded.slice(at + s.word.length))) continue;
    // A word of [best] is held by any of them (« le meilleur » for « la meilleure », « le pire » for a ranking the
    // passage makes); a graded one by the same family after « plus » or « moins ».
    const held = theirs.some((t) =>
      s.graded ? t.graded && sameFamily(t.word, s.word) : !t.graded || BEST.has(t.word),
    );
    if (!held) {
      // As the sentence writes it (folding keeps the offsets).
      const from = folded.toLowerCase().indexOf(s.written.replace(/^l /, "l'"));
      return from >= 0 ? stated.slice(from, from + s.written.length) : s.written;
    }
  }
  return null;
}
