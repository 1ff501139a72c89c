/** The word lists relevance reads (stopwords, discourse, frame and generic words) and a question's term. */
import { readFileSync } from "node:fs";
import { fold } from "../core/text.ts";
import { stem as frStem } from "./french.ts";

/** Words of a data file (several per line, « # » lines are comments), folded; « d'ailleurs » gives « ailleurs ». */
export const wordList = (file: string) =>
  readFileSync(new URL(file, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .flatMap((l) => fold(l).split(/[^a-z0-9]+/))
    .filter(Boolean);

/**
 * Greetings and discourse words (« Bonjour », « Franchement », « Puisque »): they open a question or a clause without
 * saying what it asks, so they are never required in a passage, nor taken for a name when capitalised.
 */
export const DISCOURSE: ReadonlySet<string> = new Set(wordList("../i18n/fr/discourse.txt"));

/** Conjugated forms of auxiliaries and framing verbs (« fera », « sommes », « devrait »). */
const FUNCTION_WORDS = wordList("../i18n/fr/function-words.txt");

/** Words that do not carry what a question asks: the base French list, the question's own (`question-stopwords.txt`). */
export const STOPWORDS = new Set([
  ...wordList("../i18n/fr/stopwords.txt"),
  ...wordList("../i18n/fr/question-stopwords.txt"),
  ...DISCOURSE,
  ...FUNCTION_WORDS,
]);

/** Words that frame a question in this domain without saying what it asks (never required in a passage). */
export const FRAME = new Set(wordList("../i18n/fr/frame-words.txt"));

/**
 * General words of the domain (« commune », « logiciel », « Microsoft »): they count towards a passage's coverage,
 * but what a question asks is in its other words, which the corpus must know (stems, from a data file).
 */
export const GENERIC_WORDS = wordList("../i18n/fr/generic-words.txt");
const GENERIC = new Set(GENERIC_WORDS.map(frStem));
export const isGeneric = (t: QuestionTerm) => t.word.split(" ").every((w) => GENERIC.has(frStem(w)));

/**
 * Common words of everyday French that say how a question is put, not what it is about (« truc », « bonne »,
 * « mis », `common-words.txt`): each form written out, never by stem (« donne » is not « données »).
 */
const COMMON_WORDS = new Set(wordList("../i18n/fr/common-words.txt"));
/**
 * A term made of common words only (never a name nor a year), or one that names the kind of answer or the judgement
 * asked (`answerKind`): it counts where a passage holds it, never against it.
 */
export const isLight = (t: QuestionTerm) =>
  !t.name && !t.date && (!!t.answerKind || t.word.split(" ").every((w) => COMMON_WORDS.has(w)));

/**
 * Idioms (« tirer la sonnette d'alarme »): their words do not say what the question is about, so they are dropped
 * before judging; each word is compared by its stem, so a conjugated verb (« ont tiré ») matches.
 */
/** « œ », « æ » written as two letters (« œufs » → « oeufs »), which `fold` keeps and `words` would split. */
export const ligatures = (text: string) => text.replace(/œ/g, "oe").replace(/Œ/g, "Oe").replace(/æ/g, "ae");

/** A word of the question, with its synonyms; `name` when written with a capital (a place, an organisation, a person) or a year. */
export interface QuestionTerm {
  word: string;
  variants: string[];
  name: boolean;
  /** A year or a month and year (« mars 2012 »): must be in the passage that answers. */
  date?: boolean;
  /**
   * Its capital may only be that of the first word of the question or of a clause (« Bonjour, … », « Puisque … »):
   * a name only if the corpus writes it as one (see `resolveNames`).
   */
  clauseStart?: boolean;
  /**
   * A word opening the question as the subject of the verb after it (« Privas a passé … », « figeac utilise … »):
   * what the question asks about, so a name the corpus writes nowhere even if its index finds a word sharing its stem.
   */
  subject?: boolean;
  /**
   * A word typed in lower case after the article opening the question, subject of the verb after it (« la sarre
   * quitte … »): a name only if the corpus never uses it (« les gendarmes ont-ils … » is a plain word).
   */
  articled?: boolean;
  /** An adverb in « -ment » opening a clause (« Sérieusement la loi… »): dropped when the corpus never uses it. */
  opener?: boolean;
  /** A verb with its subject pronoun after it (« arrivera-t-il »): a word of the question, never told as a missing topic. */
  verb?: boolean;
  /**
   * By its ending, a verb (« installer », « appartient ») or an adjective (« malvoyant ») not after a determiner: it
   * counts where a passage holds it, never as the topic a passage lacks.
   */
  modifier?: boolean;
  /** After a determiner (« un policier », « l'âge »): a noun, the thing the question is about. */
  noun?: boolean;
  /** Written as an adjective of nationality (« américain »): often what the question asks, not what it is about. */
  nationality?: boolean;
  /** An adjective of nationality right after its noun (« les communes suisses »): a restriction, required like a name. */
  attributive?: boolean;
  /**
   * A hyphenated compound written in lower case (« saint-etienne », « clermont-ferrand »): a name typed without its
   * capitals when the corpus never uses one of its words.
   */
  compound?: boolean;
  /**
   * Said as the question's context, not what it asks (see `contextSpans`): it counts where a passage holds it, never
   * against it, and, unknown to the corpus, does not make the question one it cannot answer.
   */
  context?: boolean;
  /** A role noun naming who will use the answer (« nos secrétaires de mairie »), not what is asked. */
  user?: boolean;
  /** A date of the asker's own situation (« notre contrat se termine le 30 juin 2026 »): never one a passage must hold. */
  own?: boolean;
  /**
   * A version of a named product (« Windows 12 », « Proxmox VE 9 », « vSphere 8 »): the name and its number, which a
   * passage that answers must write together.
   */
  version?: boolean;
  /** A version typed after a word in lower case (« debian 13 »): kept only if the corpus writes that word as a name. */
  typed?: boolean;
  /**
   * A word that designates a place without naming it (« la capitale de la Bretagne »): a passage that answers must
   * write the word itself (`unnamed-city.txt`).
   */
  verbatim?: boolean;
  /**
   * A place or an institution named another way (« le pays du Soleil-Levant », « Bruxelles »): a name, which a
   * passage that answers must hold, by itself or by one of its meanings.
   */
  alias?: boolean;
  /**
   * A country by its own name (« la Suisse »), asked about itself: a catalog card that names it as the origin of a
   * product does not answer for it.
   */
  country?: boolean;
  /** Named as a collectivité (« la ville de Toulouse »): held where a passage speaks of it as one. */
  collectivity?: boolean;
  /**
   * One of two nationalities the question offers as a choice (« JetBrains est tchèque ou russe ? »): what it asks,
   * never required of a passage (the card's country answers, whichever it is).
   */
  choice?: boolean;
  /** The version as written, with its points (« ArcMap 10.8 » → « 10.8 »): see `versionsOnCard`. */
  release?: string;
  /**
   * A year right after a name (« Office 2013 », « label Omega 2024 »), folded: the name. The release of a product the
   * passages read treat as one (`missingNames`), else only a date.
   */
  yearOf?: string;
  /** `yearOf` a word typed in lower case (« outlook 2013 »): a release only of a product a card or a release names. */
  yearTyped?: boolean;
  /**
   * A code of a range written after a product's name and joined to another by a slash (« Meraki MR/MS », « UniFi
   * U6/U7 »): the range of the product named before it (`rangeOf`), not a name of its own.
   */
  range?: boolean;
  rangeOf?: string;
  /**
   * Names the kind of answer asked (« c'est quel pourcentage », « c'est quoi ce sigle », « ça date de quand ») or the
   * judgement asked (« c'est suffisant ? »), by its place in the question (`answer-kind.ts`): not what it is about.
   */
  answerKind?: boolean;
}
