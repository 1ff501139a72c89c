/** What the corpus knows of a word: how many passages hold it, whether it writes it as a name, its last year. */
import { BoundedMap } from "../core/bounded.ts";
import { fold } from "../core/text.ts";
import { words } from "./french.ts";
import { STOPWORDS } from "./lexicon.ts";
import { occurs, passageWords } from "./passage-words.ts";
import { usualQualifier } from "./qualifier.ts";

/** How many passages of the whole corpus hold a word (full-text index), to tell a name the corpus never uses. */
export type CorpusFrequency = (word: string) => Promise<number>;

/**
 * Whether the corpus writes a folded word with a capital inside a sentence, that is as a name (« Lyon », not
 * « Puisque »), or never writes it at all though its index finds words sharing its stem (« Tresorit »: « trésor »).
 */
export type CorpusNames = ((word: string) => Promise<boolean>) & {
  /**
   * Whether a passage the index finds for a folded word writes that word itself, not only words sharing its stem
   * (« Privas » found through « privé »): read on the first `NAME_HITS` passages, so only for a word held by fewer.
   */
  written?: (word: string) => Promise<boolean>;
  /**
   * Whether the corpus writes a folded word as a name followed by a release number (« Office 2016 », « Office 365 »):
   * a product with releases, read on the first `NAME_HITS` passages that hold it.
   */
  released?: (word: string) => Promise<boolean>;
  /**
   * The word the corpus writes after a folded noun in most of its occurrences (« souveraineté » → « numérique »),
   * read on the first `NAME_HITS` passages that hold it (`usualQualifier`).
   */
  qualifier?: (word: string) => Promise<string | undefined>;
  /**
   * Whether the corpus writes a folded word in lower case as a plain word (« famille », « association »), not in an
   * address (« linagora.com »), in the first `NAME_HITS` passages.
   */
  plain?: (word: string) => Promise<boolean>;
  /** Whether the corpus writes a folded word in capitals (« CAP »), as an acronym, in the first `NAME_HITS` passages. */
  capitals?: (word: string) => Promise<boolean>;
  /**
   * What the corpus writes a folded acronym for, beside it in parentheses (« Health Data Hub (HDH) » → « health data
   * hub »), read on the first `NAME_HITS` passages that hold it (`acronymExpansion`).
   */
  expansion?: (word: string) => Promise<string | undefined>;
};

/** How many passages `namesFrom` reads for a word. */
export const NAME_HITS = 50;

/**
 * The last year the corpus's sources cover: the latest one it uses in at least `HORIZON_PASSAGES` passages
 * (2026 for sources that stop in the spring of 2026; « d'ici 2027 » is a plan, not a fact).
 */
export async function corpusHorizon(frequency: CorpusFrequency): Promise<number> {
  const now = new Date().getFullYear();
  for (let year = now + 5; year >= 2000; year--) if ((await frequency(String(year))) >= HORIZON_PASSAGES) return year;
  return 0;
}
const HORIZON_PASSAGES = 100;

/** Corpus frequency of a word from the full-text index, cached (the corpus changes only on re-index). */
export function frequencyFrom(searchText: (foldedQuery: string, k: number) => Promise<unknown[]>): CorpusFrequency {
  const cache = new BoundedMap<string, number>(5_001);
  return async (word) => {
    const key = fold(word);
    let n = cache.get(key);
    if (n === undefined) {
      n = (await searchText(key, 2000)).length;
      cache.set(key, n);
    }
    return n;
  };
}

/** Before a word of a passage, what opens a sentence or a line (headings, list items and table cells included). */
const LINE_START = /(^|[.!?:;«»"()\n—–#*>|-])\s*$/u;

/** `CorpusNames` from the full-text index: reads the passages holding the word (cached, like the frequencies). */
export function namesFrom(
  searchText: (
    foldedQuery: string,
    k: number,
    filter?: undefined,
    options?: { withChunks?: boolean },
  ) => Promise<{ chunk?: { text: string } }[]>,
): CorpusNames {
  const cache = new BoundedMap<
    string,
    {
      name: boolean;
      written: boolean;
      released: boolean;
      qualifier: string | undefined;
      capitals: boolean;
      plain: boolean;
      expansion: string | undefined;
    }
  >(5_001);
  const read = async (word: string) => {
    const key = fold(word);
    let known = cache.get(key);
    if (known === undefined) {
      const hits = await searchText(key, NAME_HITS, undefined, { withChunks: true });
      const written = hits.some((h) => !!h.chunk && occurs(key, passageWords(h.chunk.text), true));
      // « Tresorit », « Redis »: found by the index only through words that share its stem (« trésor »,
      // « Redistributable »), never written: a name the corpus does not know, not a plain word.
      known = {
        name: hits.some((h) => !!h.chunk && writesAsName(h.chunk.text, key)) || (hits.length > 0 && !written),
        written,
        released: hits.some((h) => !!h.chunk && writesReleased(h.chunk.text, key)),
        qualifier: usualQualifier(
          hits.flatMap((h) => (h.chunk ? [h.chunk.text] : [])),
          key,
          STOPWORDS,
        ),
        capitals: hits.some((h) => !!h.chunk && writesCapitals(h.chunk.text, key)),
        plain: hits.some((h) => !!h.chunk && writesPlain(h.chunk.text, key)),
        expansion: hits.map((h) => (h.chunk ? acronymExpansion(h.chunk.text, key) : undefined)).find(Boolean),
      };
      cache.set(key, known);
    }
    return known;
  };
  return Object.assign(async (word: string) => (await read(word)).name, {
    written: async (word: string) => (await read(word)).written,
    released: async (word: string) => (await read(word)).released,
    qualifier: async (word: string) => (await read(word)).qualifier,
    capitals: async (word: string) => (await read(word)).capitals,
    plain: async (word: string) => (await read(word)).plain,
    expansion: async (word: string) => (await read(word)).expansion,
  });
}

/** An acronym in parentheses, as a text defines it after its full form. */
const PARENTHESISED_ACRONYM = /\((\p{Lu}[\p{Lu}\p{N}]{1,9})\)/gu;

/**
 * The full form a text writes right before a folded acronym in parentheses, its words folded (« Health Data Hub
 * (HDH) » → « health data hub », « la Cour de justice de l'Union européenne (CJUE) » → « cour de justice de union
 * europeenne »): the words before it whose initials, function words aside, spell the acronym; none when they do not.
 */
export function acronymExpansion(text: string, folded: string): string | undefined {
  for (const m of text.matchAll(PARENTHESISED_ACRONYM)) {
    if (fold(m[1]!) !== folded) continue;
    const before = words(text.slice(Math.max(0, m.index - 200), m.index));
    let letter = folded.length - 1;
    let start = before.length;
    for (let i = before.length - 1; i >= 0 && letter >= 0; i--) {
      const w = before[i]!;
      if (start < before.length && STOPWORDS.has(w)) continue;
      if (w[0] !== folded[letter]) break;
      letter--;
      start = i;
    }
    if (letter < 0) return before.slice(start).join(" ");
  }
  return undefined;
}

/**
 * A catalog card's list of its own names (« Apparaît dans les inventaires sous les noms : Calendly ; … »,
 * `server/corpus/catalog.ts`), up to the word: what it lists are names, though each opens an item of the list.
 */
const CARD_NAMES = /sous les noms\s*:[^.\n]*$/u;

/**
 * Whether a text writes a folded word in lower case as a plain word (« une famille »), not in an address or a file
 * name (« linagora.com », « /linagora/ »), its accents aside.
 */
export function writesPlain(text: string, folded: string): boolean {
  const plain = text.normalize("NFD").replace(/\p{M}/gu, "");
  for (const m of plain.matchAll(/[\p{L}\p{N}]+/gu))
    if (
      m[0] === folded &&
      !/[./@_-]/.test(plain[m.index - 1] ?? "") &&
      !/[./@_-]\w/.test(plain.slice(m.index + m[0].length, m.index + m[0].length + 2))
    )
      return true;
  return false;
}

/** Whether a text writes a folded word in capitals (« CAP », « SILL »), its accents aside. */
export function writesCapitals(text: string, folded: string): boolean {
  const upper = folded.toUpperCase();
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .some((w) => w === upper);
}

/**
 * Whether a text writes a folded word capitalised and followed by a release number of two to four digits (« Office
 * 2016 », « Office 365 »), not inside another name (« LibreOffice 7 ») nor before a longer number.
 */
export function writesReleased(text: string, folded: string): boolean {
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}]*)\s+\d{2,4}(?![\p{N},.]\d|\p{N})/gu))
    if (fold(m[1]!) === folded) return true;
  return false;
}

/** Whether a text holds a folded word capitalised where a sentence does not start (« la ville de Lyon »). */
export function writesAsName(text: string, folded: string): boolean {
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    // (« vSphere », « iCloud »: a capital inside the word marks a name as well as a first one.)
    if (!/^\p{Lu}|^\p{Ll}+\p{Lu}/u.test(m[0]) || fold(m[0]) !== folded) continue;
    if (CARD_NAMES.test(text.slice(Math.max(0, m.index - 200), m.index))) return true;
    if (!LINE_START.test(text.slice(Math.max(0, m.index - 40), m.index).replace(/\b[cdjlmnst]['’]$|\bqu['’]$/i, "")))
      return true;
  }
  return false;
}
