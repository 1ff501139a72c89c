/**
 * The corpus' own words, to read a question as its writer meant it: a word one letter off a corpus word
 * (« gendarmrie », « Micrsoft ») gets « Vouliez-vous dire « Gendarmerie » ? » in the refusal; a name the corpus
 * writes in one word and the question in two (« libre office », « only office ») is searched as the corpus writes it
 * (« LibreOffice »). Built once per passage store from its passages (`warmPassages`), again after re-indexing; without them, nothing
 * changes.
 */
import { createHash } from "node:crypto";
import { BoundedMap } from "../core/bounded.ts";
import { fold } from "../core/text.ts";
import { typedSlips } from "../core/typing.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { STOPWORDS } from "../retrieval/lexicon.ts";
import type { ChunkStore } from "../store/types.ts";

export interface Vocabulary {
  /**
   * Folded word → how often the corpus uses it, its most frequent written form, and how often it writes it all in
   * lower case (`lower`: a name never).
   */
  words: Map<string, { count: number; written: string; lower?: number }>;
  /** Folded two-word phrases (« libre office ») → how often the corpus writes them so. */
  pairs: Map<string, number>;
  /**
   * Folded names the corpus writes in two capitalised words (« cloud act » for « CLOUD Act », « microsoft teams »)
   * → how often, and their most frequent written form.
   */
  names?: Map<string, { count: number; written: string }>;
}

type VocabularyStore = Partial<Pick<ChunkStore, "warmPassages">>;

const cache = new WeakMap<object, Promise<Vocabulary | null>>();

/** Letters a word has at least for a suggestion (shorter ones are too often one letter off another word). */
const MIN_SUGGESTED = 6;
/** Letters a word has at least for a suggestion of a name that sounds the same (« claud » → « CLOUD »). */
const MIN_HEARD = 5;
/** Letters a slipped word has at least in a two-word name (the other word confirms which name is meant). */
const MIN_PAIRED = 4;
/** Letters a word has at least in a two-word name for a slip of a letter that sounds alike (« cloud akt »). */
const MIN_HEARD_PAIRED = 3;
/**
 * Uses in the corpus a word has at least to be suggested: a typo is of a word one expects the corpus to know
 * (« Gendarmerie », 87 uses), while a French word it never uses is often one letter off a rare one (« demain » →
 * « Domain », 2 uses).
 */
const MIN_USES = 10;

/** The corpus' vocabulary of a store, cached (null when the store cannot list its passages). */
export function vocabularyOf(store: VocabularyStore | undefined): Promise<Vocabulary | null> {
  if (!store?.warmPassages) return Promise.resolve(null);
  let v = cache.get(store);
  if (!v) {
    v = build(store.warmPassages.bind(store))
      .catch(() => null)
      .then((built) => {
        // Nothing to build from yet (the text index still loading): the next question tries again.
        if (!built) cache.delete(store);
        return built;
      });
    cache.set(store, v);
  }
  return v;
}

/** Forgets a store's vocabulary, after its passages changed (`engine.index`): the next question rebuilds it. */
export function forgetVocabulary(store: object): void {
  cache.delete(store);
}

const tokensOf = (text: string) => text.match(/\p{L}[\p{L}\p{N}]*/gu) ?? [];

/**
 * Vocabularies built, by the passages they were built from (texts, sections and titles, in order): stores holding the
 * same passages (a second server on a copy of the same index, a store re-indexed to the same text) share one instead
 * of reading the corpus's words again (a quarter of a second of CPU for the real corpus). Never changed once built.
 */
const builtFrom = new BoundedMap<string, Vocabulary>(4);

async function build(read: () => Promise<{ text: string; section: string; document: { title: string } }[]>) {
  const passages = await read();
  if (passages.length === 0) return null;
  const hash = createHash("sha256");
  for (const p of passages) hash.update(`${p.text}\u0000${p.section}\u0000${p.document.title}\u0000`);
  const key = hash.digest("hex");
  const known = builtFrom.get(key);
  if (known) return known;
  const built = buildFrom(passages);
  builtFrom.set(key, built);
  return built;
}

function buildFrom(passages: { text: string; section: string; document: { title: string } }[]): Vocabulary {
  const forms = new Map<string, Map<string, number>>();
  const titles = new Set<string>();
  const texts: string[] = [];
  for (const p of passages) {
    texts.push(p.text, p.section);
    if (!titles.has(p.document.title)) {
      titles.add(p.document.title);
      texts.push(p.document.title);
    }
  }
  for (const text of texts)
    for (const t of tokensOf(text)) {
      const key = fold(t);
      let f = forms.get(key);
      if (!f) forms.set(key, (f = new Map()));
      f.set(t, (f.get(t) ?? 0) + 1);
    }
  const words: Vocabulary["words"] = new Map();
  for (const [key, f] of forms) {
    let lower = 0;
    for (const [w, n] of f) if (w === w.toLowerCase()) lower += n;
    words.set(key, { ...mostWritten(key, f), lower });
  }
  // Two-word phrases whose words joined make a corpus word (« libre office » → « libreoffice »).
  const pairs: Vocabulary["pairs"] = new Map();
  for (const text of texts) {
    const list = tokensOf(text).map(fold);
    for (let i = 0; i + 1 < list.length; i++) {
      if (!words.has(list[i]! + list[i + 1]!)) continue;
      const key = `${list[i]} ${list[i + 1]}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  // Names in two capitalised words next to each other (« CLOUD Act »), as written most often.
  const nameForms = new Map<string, Map<string, number>>();
  for (const text of texts) {
    const list = [...text.matchAll(/\p{L}[\p{L}\p{N}]*/gu)];
    for (let i = 0; i + 1 < list.length; i++) {
      const [a, b] = [list[i]!, list[i + 1]!];
      if (!/^\p{Lu}/u.test(a[0]) || !/^\p{Lu}/u.test(b[0])) continue;
      // « La Suite », « Le Monde »: a capitalised article opens a sentence or a title, it is not a name's word.
      if (STOPWORDS.has(fold(a[0])) || STOPWORDS.has(fold(b[0]))) continue;
      if (text.slice(a.index + a[0].length, b.index) !== " ") continue;
      const key = `${fold(a[0])} ${fold(b[0])}`;
      let f = nameForms.get(key);
      if (!f) nameForms.set(key, (f = new Map()));
      const written = `${a[0]} ${b[0]}`;
      f.set(written, (f.get(written) ?? 0) + 1);
    }
  }
  const names: NonNullable<Vocabulary["names"]> = new Map();
  for (const [key, f] of nameForms) {
    const name = mostWritten(key, f);
    if (name.count >= MIN_USES) names.set(key, name);
  }
  return { words, pairs, names };
}

/** All the uses of one folded key, and the way the corpus writes it most often (« LibreOffice », « CLOUD Act »). */
function mostWritten(key: string, forms: Map<string, number>): { count: number; written: string } {
  let count = 0;
  let written = key;
  let best = 0;
  for (const [w, n] of forms) {
    count += n;
    if (n > best) [written, best] = [w, n];
  }
  return { count, written };
}

/**
 * Letters that sound alike in a name heard rather than read (a dictated question, a name said in a meeting):
 * « kasperski » for « Kaspersky », « claud » for « cloud » (« au » / « ou »).
 */
const SOUND_ALIKE: [string, string][] = [
  ["i", "y"],
  ["c", "k"],
  ["k", "q"],
  ["s", "z"],
];

/** Whether `typed` is `meant` with one letter changed for one that sounds alike (`SOUND_ALIKE`, « au » / « ou »). */
export function soundsAlike(typed: string, meant: string): boolean {
  if (meant.length !== typed.length) return false;
  const diff = [...typed].flatMap((c, i) => (c === meant[i] ? [] : [i]));
  if (diff.length !== 1) return false;
  const i = diff[0]!;
  const [a, b] = [typed[i]!, meant[i]!];
  if (SOUND_ALIKE.some(([x, y]) => (a === x && b === y) || (a === y && b === x))) return true;
  return typed[i + 1] === "u" && ((a === "a" && b === "o") || (a === "o" && b === "a"));
}

/**
 * Whether `typed` is `meant` with one letter left out (« gendarmrie », « Micrsoft »), two letters swapped
 * (« Microsfot ») or one letter changed for one that sounds alike (`soundsAlike`): the slips a writer makes in a name
 * they know, or hear. Not any letter changed: « Lille » is not « Ville », « étang » not « étant ».
 */
export function isSlipOf(typed: string, meant: string): boolean {
  if (soundsAlike(typed, meant)) return true;
  if (meant.length === typed.length + 1) {
    let i = 0;
    while (i < typed.length && typed[i] === meant[i]) i++;
    return typed.slice(i) === meant.slice(i + 1);
  }
  if (meant.length !== typed.length) return false;
  const diff = [...typed].flatMap((c, i) => (c === meant[i] ? [] : [i]));
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    typed[diff[0]!] === meant[diff[1]!] &&
    typed[diff[1]!] === meant[diff[0]!]
  );
}

/**
 * Whether `typed` is `meant` with one of its letters doubled (« datta » for « data », trial15 A15): a slip of a name
 * heard, read only beside the other word of a two-word name (`healSlippedNames`).
 */
export function doubledLetter(typed: string, meant: string): boolean {
  if (typed.length !== meant.length + 1) return false;
  let i = 0;
  while (i < meant.length && typed[i] === meant[i]) i++;
  return i > 0 && typed[i] === typed[i - 1] && typed.slice(i + 1) === meant.slice(i);
}

/**
 * The name of the corpus a folded word it never uses was most likely meant as (`isSlipOf`), as the corpus writes it;
 * null when none. Only names the corpus writes with a capital and uses often (a typo is of a name one expects it to
 * know), and only for words of `MIN_SUGGESTED` letters or more.
 */
export function closestWord(word: string, vocabulary: Vocabulary): string | null {
  if (word.length < MIN_HEARD || vocabulary.words.has(word) || !/^[a-z]+$/.test(word)) return null;
  let best: { count: number; written: string } | null = null;
  for (const [key, { count, written }] of vocabulary.words) {
    if (count < MIN_USES || !/^\p{Lu}/u.test(written) || !isSlipOf(word, key)) continue;
    if (word.length < MIN_SUGGESTED && !soundsAlike(word, key)) continue;
    if (!best || count > best.count) best = { count, written };
  }
  return best?.written ?? null;
}

/** Letters a word has at least to be read as another (`slipCorrected`): « linx » for « Linux ». */
const MIN_CORRECTED = 4;
/**
 * Uses in the corpus a name has at least to be read for a word shorter than `MIN_SUGGESTED` (« linx » → « Linux »,
 * 161 uses): a short word the corpus never uses is often a real one it does not know, one letter off a name it
 * writes now and then (« miro », the whiteboard, is not « Micro », 15 uses).
 */
const MIN_USES_SHORT = 100;

/**
 * The one word of the corpus a folded word it never uses was slipped from (`isSlipOf`: a letter left out, two letters
 * swapped, one that sounds alike), as the corpus writes it, when it is a name the corpus uses often (`MIN_USES`,
 * `MIN_USES_SHORT` for a short word): the
 * question is then searched with it (trial21 T-M15: « gendarmrie » → « Gendarmerie », « linx » → « Linux »). Null when
 * no word, or more than one, is that slip away (« tems »: « Teams » or « temps »), and for words of fewer than
 * `MIN_CORRECTED` letters.
 */
export function slipCorrected(word: string, vocabulary: Vocabulary): string | null {
  if (word.length < MIN_CORRECTED || !/^[a-z]+$/.test(word) || vocabulary.words.has(word)) return null;
  let found: { count: number; written: string } | null = null;
  for (const [key, used] of vocabulary.words) {
    if (!isSlipOf(word, key)) continue;
    if (found) return null;
    found = used;
  }
  // Only a name the corpus writes with a capital (« agen » is not « agent », « ombre » not « nombre »).
  if (!found || !/^\p{Lu}/u.test(found.written)) return null;
  return found.count >= (word.length < MIN_SUGGESTED ? MIN_USES_SHORT : MIN_USES) ? found.written : null;
}

/** Endings that make a word of a name (« coréen », « visios »), `typed-endings.txt`, folded. */
const INFLECTIONS = wordListLines("typed-endings.txt").map(fold);
/** Whether a word is a name with an ending of `INFLECTIONS` (« coréen » of « Corée »): a word of its own, not a slip. */
const inflected = (word: string, name: string) =>
  INFLECTIONS.some((e) => word === name + e || word === name.replace(/e$/, "") + e);

/** Letters a word has at least to be read as a name of the corpus typed with one slip (`typedWord`). */
const MIN_TYPED = 6;
/** Letters a word has at least to be read with two slips (`typedWord`). */
const MIN_TWO_SLIPS = 8;

/**
 * The one word of the corpus that a folded word it never uses was typed for (held-out-32 « fautes »): a name the
 * corpus writes with a capital and uses `MIN_USES` times or more, one or two slips away (`typedSlips`: « broadcome »
 * for « Broadcom », « echirole » for « Échirolles », « shlesvig olstein » for « Schleswig Holstein »), with the same
 * first letter (or a silent « h » left out), one slip under `MIN_TWO_SLIPS` letters, and no other name as near; or a
 * plain word the corpus writes with a doubled letter typed once (« apelle » for « appelle »). Not a letter changed for
 * an unrelated one (« piratage » is not « pilotage »): that makes another word rather than a slip.
 */
export function typedWord(word: string, vocabulary: Vocabulary): string | null {
  if (word.length < MIN_TYPED || !/^[a-z]+$/.test(word) || vocabulary.words.has(word) || STOPWORDS.has(word))
    return null;
  let found: { count: number; written: string } | null = null;
  let nearest = 3;
  let tied = false;
  const doubled: string[] = [];
  for (const [key, used] of vocabulary.words) {
    if (doubledLetter(key, word) && !/[aeiouy]{2}/.test(key)) doubled.push(used.written);
    // A name: the corpus never writes it all in lower case (« Hébergement » opens headings, « hébergement » is a word).
    // Two slips only in long words, one of them a letter left out or added (« fortnite » is no « Fortinet »).
    const most = Math.min(word.length, key.length) < MIN_TWO_SLIPS || word.length === key.length ? 1 : 2;
    if (used.count < MIN_USES || (used.lower ?? 0) > 0 || key.length < MIN_TYPED) continue;
    if (Math.abs(key.length - word.length) > most || inflected(word, key)) continue;
    // A name and more letters after it is another name (« chromeos », « Quimperlé »), not a slip of it.
    if (word.length > key.length + 1 && word.startsWith(key)) continue;
    if (key[0] !== word[0] && !(key[0] === "h" && key[1] === word[0])) continue;
    const slips = typedSlips(word, key);
    if (slips > most || slips > nearest) continue;
    tied = slips === nearest;
    if (!tied) [found, nearest] = [used, slips];
  }
  if (found && !tied) return found.written;
  return !found && doubled.length === 1 ? doubled[0]! : null;
}

/**
 * The question with each word the corpus never uses written as the one corpus word it was slipped from
 * (`slipCorrected`, or `typedWord`), and what was read so; null when none is.
 */
export function slipsCorrected(
  question: string,
  vocabulary: Vocabulary | null,
): { question: string; read: { typed: string; meant: string }[] } | null {
  if (!vocabulary) return null;
  const read: { typed: string; meant: string }[] = [];
  const corrected = question.replace(/(?<![\p{L}\p{N}-])\p{L}+(?![\p{L}\p{N}'’-])/gu, (typed) => {
    const meant = STOPWORDS.has(fold(typed))
      ? null
      : (slipCorrected(fold(typed), vocabulary) ??
        // (A word typed with its capital is a name the asker writes as it is: « Quimperlé » is not « Quimper ».)
        (typed === typed.toLowerCase() ? typedWord(fold(typed), vocabulary) : null));
    // (A small word of the language, « celle » for « kelle », is no word searched: the slip is left as typed.)
    if (!meant || STOPWORDS.has(fold(meant))) return typed;
    read.push({ typed, meant });
    return meant;
  });
  return read.length ? { question: corrected, read } : null;
}

/**
 * The question with each name it writes in two words that the corpus writes in one (« libre office » →
 * « LibreOffice »), when the corpus writes the joined word as a name more often than the two words together.
 */
export function joinSplitNames(question: string, vocabulary: Vocabulary | null): string {
  if (!vocabulary) return question;
  const tokens = [...question.matchAll(/\p{L}+/gu)];
  let out = "";
  let at = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    // (A part of two letters beside a longer one, « vm ware » for « VMware », held-out-32.)
    if (Math.min(a[0].length, b[0].length) < 2 || Math.max(a[0].length, b[0].length) < 3) continue;
    if (Math.min(a[0].length, b[0].length) < 3 && a[0].length + b[0].length < 6) continue;
    if (!/^[ -]$/.test(question.slice(a.index + a[0].length, b.index))) continue;
    const joined = vocabulary.words.get(fold(a[0]) + fold(b[0]));
    if (!joined || !/^\p{Lu}|\p{Ll}\p{Lu}/u.test(joined.written)) continue;
    if (joined.count <= (vocabulary.pairs.get(`${fold(a[0])} ${fold(b[0])}`) ?? 0)) continue;
    out += question.slice(at, a.index) + joined.written;
    at = b.index + b[0].length;
    i++;
  }
  return out + question.slice(at);
}

/**
 * The question with each name typed as a word and its number apart (« nis 2 », « nis 1 ») written as the corpus writes
 * it joined (« NIS2 »): a name with a capital the corpus uses often, which it never writes apart.
 */
export function joinNumberedNames(question: string, vocabulary: Vocabulary | null): string {
  if (!vocabulary) return question;
  return question.replace(
    /(?<![\p{L}\p{N}-])(\p{L}{2,})[ -](\d{1,2})(?![\p{L}\p{N},.-]?\d)(?![\p{L}])/gu,
    (whole, a, n) => {
      const joined = vocabulary.words.get(fold(a) + n);
      if (!joined || joined.count < MIN_USES || !/^\p{Lu}/u.test(joined.written)) return whole;
      if ((vocabulary.words.get(fold(a))?.count ?? 0) >= MIN_USES) return whole;
      return joined.written;
    },
  );
}

/**
 * The question with each two-word name it writes with one word slipped (`isSlipOf`: « claud act », heard for
 * « CLOUD Act ») written as the corpus writes that name, when the corpus uses the name often and the slipped word
 * seldom: the name the question's two words make is read before a one-word name the slip comes near (« Claude »).
 * A pair the corpus writes itself, or whose words it both uses often, is left as written.
 */
export function healSlippedNames(question: string, vocabulary: Vocabulary | null): string {
  if (!vocabulary?.names?.size) return question;
  const tokens = [...question.matchAll(/\p{L}[\p{L}\p{N}]*/gu)];
  const uses = (w: string) => vocabulary.words.get(w)?.count ?? 0;
  // « cloud akt »: a word of three letters is slipped only for one that sounds alike (« akt » for « Act »).
  const slipped = (typed: string, meant: string) =>
    typed !== meant &&
    uses(typed) < MIN_USES &&
    /^[a-z]+$/.test(typed) &&
    (typed.length >= MIN_PAIRED
      ? isSlipOf(typed, meant) || doubledLetter(typed, meant)
      : typed.length >= MIN_HEARD_PAIRED && soundsAlike(typed, meant));
  let out = "";
  let at = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    if (question.slice(a.index + a[0].length, b.index) !== " ") continue;
    const [fa, fb] = [fold(a[0]), fold(b[0])];
    if (vocabulary.names.has(`${fa} ${fb}`)) continue;
    let best: { count: number; written: string } | null = null;
    for (const [key, name] of vocabulary.names) {
      const [x, y] = key.split(" ") as [string, string];
      if (!((y === fb && slipped(fa, x)) || (x === fa && slipped(fb, y)))) continue;
      if (!best || name.count > best.count) best = name;
    }
    if (!best) continue;
    out += question.slice(at, a.index) + best.written;
    at = b.index + b[0].length;
    i++;
  }
  return out + question.slice(at);
}
