/**
 * A request for a product typed as a need, not asked (« un wiki interne pour documenter les procédures des services »,
 * « gérer le périscolaire et le centre de loisirs », « l'équivalent de Doodle pour caler la date de l'AG »): it names
 * what the product is for in everyday words, no product and often no word of a product (« logiciel »). The catalog
 * card whose own description — its usage line and category, its notes, what it replaces — holds every word of that
 * need answers it (held-out-28: 21 such requests refused though their card was read). A need no card's description
 * holds (« un logiciel pour gérer la fourrière municipale ») is not answered by a card sharing one of its words.
 */

import { fold } from "../core/text.ts";
import { CARD_LINE, CARD_TITLE } from "../corpus/catalog.ts";
import { wordListSectionLines } from "../i18n/word-lists.ts";
import { asksForProducts } from "./catalog-weight.ts";
import type { CorpusFrequency } from "./corpus-names.ts";
import { stem as frStem, words } from "./french.ts";
import { FRAME, isGeneric, isLight, type QuestionTerm, STOPWORDS } from "./lexicon.ts";
import { holds, passageWords } from "./passage-words.ts";
import { typedAsSearch } from "./question-context.ts";
import { complementOf } from "./question-terms.ts";

const SECTIONS = wordListSectionLines("need-form.txt");
const ARTICLES = new Set(SECTIONS.get("article") ?? []);
const DETERMINERS = new Set(SECTIONS.get("déterminant") ?? []);
/** What opens what the need goes without (« sans Photoshop », « pas Mailchimp »), folded. */
const WITHOUT = new Set((SECTIONS.get("sans") ?? []).map(fold));
/** Openings of a need (« il nous faut », « l'équivalent de »), folded, apostrophes straight. */
const OPENINGS = (SECTIONS.get("ouverture") ?? []).map((o) => fold(o).replace(/’/g, "'"));

/** The question folded, apostrophes straight, blanks reduced. */
const plain = (question: string) => fold(question).replace(/’/g, "'").replace(/\s+/g, " ").trim();

/** By its ending, a French infinitive (« gérer », « suivre », « écrire »), not a function word (« notre », « entre »). */
const infinitive = (word: string) => word.length >= 4 && /(?:er|ir|re)$/.test(word) && !STOPWORDS.has(word);

/**
 * Whether the text opens on an infinitive with its object or another infinitive after it (« gérer le périscolaire »,
 * « filmer et diffuser », « mettre en page »), not on a noun of the same ending (« procédure pas à pas », « salaire
 * moyen »).
 */
function opensOnInfinitive(text: string): boolean {
  const [first = "", second = ""] = text.split(" ");
  return infinitive(first) && (DETERMINERS.has(second) || /^[ld]'/.test(second));
}

/**
 * The need's opening when the question is typed as one: an opening of `need-form.txt` (« il nous faut … »), or, with
 * no question mark nor question word (`typedAsSearch`), an indefinite article (« un webmail simple … ») or an
 * infinitive (« filmer et diffuser le conseil municipal »). Null when the question is asked, not typed as a need.
 */
export function needOpening(question: string): string | null {
  const text = plain(question);
  const opening = OPENINGS.find((o) => text.startsWith(o.endsWith("'") ? o : `${o} `));
  if (opening) return opening;
  if (!typedAsSearch(question)) return null;
  const first = text.split(" ")[0] ?? "";
  return ARTICLES.has(first) || opensOnInfinitive(text) ? first : null;
}

/** The lines of a card that say what it is around its description: hosting, inventories' names, users, migration… */
const AROUND = [
  CARD_LINE.vendor,
  CARD_LINE.exposure,
  CARD_LINE.noExposure,
  CARD_LINE.aliases,
  CARD_LINE.alternatives,
  CARD_LINE.hosting,
  CARD_LINE.stateOnly,
  CARD_LINE.forCollectivity,
  CARD_LINE.sill,
  CARD_LINE.users,
  CARD_LINE.migration,
  CARD_LINE.lifecycle,
  CARD_LINE.ordinaryEnd,
];

/**
 * A product's or an alternative's card's description: its first line (name, category, usage), what it replaces and
 * its notes; not the lines around it (hosting, users, migration…), which say where and by whom, not what for.
 * Null for a vendor's card or a passage that is not a card.
 */
function description(card: { text: string; document: { title: string; kind?: string } }): string | null {
  if (card.document.kind !== "catalog" || card.document.title.startsWith(CARD_TITLE.vendor)) return null;
  return card.text
    .split("\n")
    .filter((line) => !AROUND.some((label) => line.startsWith(label.trim())))
    .join("\n");
}

/** Whether a word of the need is written in a text, by its stem or one starting the other (« fusion », « fusionner »). */
function heldIn(t: QuestionTerm, text: ReturnType<typeof passageWords>): boolean {
  if (holds(t, text)) return true;
  return t.word.split(" ").every((w) => {
    const s = frStem(w);
    return text.list.some((x) => {
      const y = frStem(x);
      return y === s || (Math.min(s.length, y.length) >= 5 && (y.startsWith(s) || s.startsWith(y)));
    });
  });
}

/**
 * The words of what the need goes without (« sans société derrière », « sans chercher des codecs »), up to the end of
 * their clause: the card describes what its product does, not what it spares.
 */
function withoutWords(question: string): Set<string> {
  const spared = new Set<string>();
  for (const clause of plain(question).split(/[,;:.!?()]/)) {
    const list = words(clause);
    const at = list.findIndex((w) => WITHOUT.has(w));
    if (at >= 0) for (const w of list.slice(at + 1)) spared.add(w);
  }
  return spared;
}

/** Least share of the need's own words a card's description holds, and least number of them (fewer if it has fewer). */
const MIN_NEED_SHARE = 0.5;
const MIN_NEED_WORDS = 2;

/**
 * The indices of the cards among `results` whose description holds the need `question` is typed as (`needOpening`):
 * every name it writes (« sans Photoshop », « issu de XenServer ») on the card; of the need's own words (nouns and
 * adjectives, not the domain's general or everyday words, nor those asking for a product: « outil », « libre »), at
 * least half, at least two, in the description, and none left out that the corpus never uses (« la fourrière », « le
 * cadastre napoléonien »: what the catalog lacks). Its verbs (« gérer », « filmer ») count nowhere. What it goes
 * without (`withoutWords`), and the complement of a word the description holds (« la kermesse » of « monter la vidéo
 * de la kermesse »: the asker's own instance of what the product handles), count where held, never against. Empty when
 * the question is not typed as a need.
 */
export async function cardsHoldingNeed(
  question: string,
  terms: QuestionTerm[],
  results: { text: string; document: { title: string; kind?: string } }[],
  frequency?: CorpusFrequency,
): Promise<number[]> {
  const opening = needOpening(question);
  if (!opening || !frequency) return [];
  const openingWords = new Set(words(opening));
  // The need's verbs (« Écrire des documents », « pour caler la date »), whatever a capital made of the first one.
  const first = words(plain(question))[0];
  const verbal = (t: QuestionTerm) =>
    t.verb || t.modifier || (t.word === first && infinitive(first)) || (/(?:er|ir)$/.test(t.word) && !t.noun);
  const names = terms.filter((t) => t.name && !t.date && !verbal(t));
  const own = terms.filter(
    (t) =>
      !t.name &&
      !t.date &&
      !verbal(t) &&
      !t.user &&
      !isGeneric(t) &&
      !isLight(t) &&
      !FRAME.has(t.word) &&
      !asksForProducts(t.word) &&
      !t.word.split(" ").every((w) => openingWords.has(w)),
  );
  if (own.length === 0) return [];
  const unused = new Set(
    (await Promise.all(own.map(async (t) => ((await frequency(t.word.split(" ")[0]!)) === 0 ? t : null)))).filter(
      Boolean,
    ),
  );
  const spared = withoutWords(question);
  const without = (t: QuestionTerm) => t.word.split(" ").every((w) => spared.has(w));
  const holding = results.flatMap((r, i) => {
    const described = description(r);
    if (described === null) return [];
    const card = passageWords(`${r.document.title}\n${r.text}`);
    if (!names.every((t) => holds(t, card))) return [];
    const text = passageWords(described);
    const held = own.filter((t) => heldIn(t, text));
    const heads = new Set(held.map((t) => t.word));
    // What the need goes without and the complements of held words weigh only where held.
    const weighed = own.filter(
      (t) => held.includes(t) || (!without(t) && !heads.has(complementOf(question, t.word) ?? "")),
    );
    const least = Math.max(Math.min(MIN_NEED_WORDS, weighed.length), Math.ceil(weighed.length * MIN_NEED_SHARE));
    return held.length > 0 && held.length >= least && weighed.every((t) => held.includes(t) || !unused.has(t))
      ? [{ i, held: held.length }]
      : [];
  });
  // The cards that hold the most of it (« chiffrés de bout en bout » alone is also a messenger's), the alternatives
  // first: « l'équivalent de Doodle » asks for Framadate, whose card holds Doodle, before Doodle's own card.
  const most = Math.max(...holding.map((h) => h.held));
  const alternative = (i: number) => results[i]!.document.title.startsWith(CARD_TITLE.alternative);
  return holding
    .filter((h) => h.held === most)
    .map((h) => h.i)
    .sort((a, b) => Number(alternative(b)) - Number(alternative(a)));
}
