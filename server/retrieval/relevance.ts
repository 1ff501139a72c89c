/**
 * Is a passage really about the question? BM25 always ranks something first, even for a question the corpus
 * cannot answer; this checks how many of the question's meaningful words a passage contains, so the assistant
 * can say it does not know instead of answering from the model's memory.
 */
import { readFileSync } from "node:fs";
import { NUMBER_WORD_PATTERN } from "../core/number-words.ts";
import { escapeRegExp, fold } from "../core/text.ts";
import { DEMONYMS, stem as frStem, phrasesFound, readSections, synonymsOf, words } from "./french.ts";
import { type Asked, countedStems, holdsAsked, holdsCount } from "./rank.ts";

/** Words of a data file (several per line, « # » lines are comments), folded; « d'ailleurs » gives « ailleurs ». */
const wordList = (file: string) =>
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

const STOPWORDS = new Set([...wordList("../i18n/stopwords.fr.txt"), ...DISCOURSE, ...FUNCTION_WORDS]);

/** Meaningful folded words of a text ("Qu'est-ce que le CLOUD Act ?" → ["cloud", "act"]). */
export function keywords(text: string): string[] {
  return [
    ...new Set(
      fold(text)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 2 && !STOPWORDS.has(w)),
    ),
  ];
}

/** Crude French stem: enough to let "économisé" meet "économies" and "mairies" meet "mairie". */
const stem = (w: string) => (w.length > 5 ? w.slice(0, Math.max(5, w.length - 3)) : w.replace(/s$/, ""));

/** Share (0–1) of the question's keywords found in the passage. */
export function coverage(questionKeywords: string[], passage: string): number {
  if (questionKeywords.length === 0) return 0;
  const words = fold(passage).split(/[^a-z0-9]+/);
  const stems = new Set(words.map(stem));
  const found = questionKeywords.filter(
    (k) => stems.has(stem(k)) || words.some((w) => w.length >= 4 && w.startsWith(stem(k))),
  );
  return found.length / questionKeywords.length;
}

/** A passage answers when it holds at least half of the keywords (all of them for one- or two-word questions). */
export function isRelevant(questionKeywords: string[], passage: string): boolean {
  const needed = questionKeywords.length <= 2 ? 1 : 0.5;
  return coverage(questionKeywords, passage) >= needed - 1e-9;
}

// ——— Answerability: does what was retrieved answer the question? Decided before any model call. ———

/** Words that frame a question in this domain without saying what it asks (never required in a passage). */
const FRAME = new Set(wordList("../i18n/fr/frame-words.txt"));

/**
 * General words of the domain (« commune », « logiciel », « Microsoft »): they count towards a passage's coverage,
 * but what a question asks is in its other words, which the corpus must know (stems, from a data file).
 */
const GENERIC_WORDS = wordList("../i18n/fr/generic-words.txt");
const GENERIC = new Set(GENERIC_WORDS.map(frStem));
const isGeneric = (t: QuestionTerm) => t.word.split(" ").every((w) => GENERIC.has(frStem(w)));

/**
 * Idioms (« tirer la sonnette d'alarme »): their words do not say what the question is about, so they are dropped
 * before judging; each word is compared by its stem, so a conjugated verb (« ont tiré ») matches.
 */
/** « œ », « æ » written as two letters (« œufs » → « oeufs »), which `fold` keeps and `words` would split. */
const ligatures = (text: string) => text.replace(/œ/g, "oe").replace(/Œ/g, "Oe").replace(/æ/g, "ae");

/** The idioms of the data file: their words, and what they mean when it is a topic of the domain (« coûter un bras »: prix). */
const IDIOM_LINES = readFileSync(new URL("../i18n/fr/idioms.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => {
    const [expression, meanings = ""] = l.split(":") as [string, string?];
    return {
      words: words(ligatures(expression)),
      meanings: meanings
        .split(",")
        .map((m) => words(m).join(" "))
        .filter(Boolean),
    };
  });
const IDIOMS: string[][] = IDIOM_LINES.map((idiom) => idiom.words.map(frStem));

/**
 * The same idioms by their content words only, when they have two or more: « on ne met pas tous nos œufs dans le
 * même panier », « a soufflé ses vingt bougies » hold them in order, with only small words or numbers between.
 */
const LOOSE_IDIOMS: string[][] = IDIOM_LINES.map((idiom) =>
  idiom.words.filter((w) => !STOPWORDS.has(w) && w.length >= 3).map(frStem),
);
/** Most words between two content words of a loose idiom. */
const IDIOM_GAP = 3;
/** Words that may stand between two content words of a loose idiom: small words and numbers (« ses vingt bougies »). */
const NUMBER_WORD = new RegExp(`^(\\d+|un|une|cents|${NUMBER_WORD_PATTERN})$`);

/** Equal stems, or one the start of the other (« tire » from « tiré », « tir » from « tirer »). */
const sameStem = (a: string, b: string) =>
  a === b || (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a)));

/** The idioms a question's tokens (folded, elision dropped) hold: each with its tokens' indexes and its meanings. */
export function idiomMatches(tokens: string[]): { tokens: number[]; phrase: string; meanings: string[] }[] {
  const folded = tokens.map((t) => fold(ligatures(t)));
  const stems = folded.map(frStem);
  const out: { tokens: number[]; phrase: string; meanings: string[] }[] = [];
  const add = (n: number, from: number, to: number) => {
    const span = Array.from({ length: to - from + 1 }, (_, k) => from + k);
    out.push({ tokens: span, phrase: IDIOM_LINES[n]!.words.join(" "), meanings: IDIOM_LINES[n]!.meanings });
  };
  IDIOMS.forEach((idiom, n) => {
    for (let i = 0; i + idiom.length <= stems.length; i++)
      if (idiom.every((s, j) => sameStem(stems[i + j]!, s))) add(n, i, i + idiom.length - 1);
  });
  LOOSE_IDIOMS.forEach((idiom, n) => {
    if (idiom.length < 2) return;
    for (let i = 0; i < stems.length; i++) {
      if (!sameStem(stems[i]!, idiom[0]!)) continue;
      let at = i;
      for (const s of idiom.slice(1)) {
        let k = at + 1;
        while (k < stems.length && k <= at + 1 + IDIOM_GAP && !sameStem(stems[k]!, s)) {
          if (!STOPWORDS.has(folded[k]!) && !NUMBER_WORD.test(folded[k]!)) k = stems.length;
          else k++;
        }
        at = k < stems.length && k <= at + 1 + IDIOM_GAP ? k : -1;
        if (at < 0) break;
      }
      if (at > i) add(n, i, at);
    }
  });
  return out;
}

/** Indexes of the tokens (folded, elision dropped) that belong to an idiom. */
export function idiomTokens(tokens: string[]): Set<number> {
  return new Set(idiomMatches(tokens).flatMap((m) => m.tokens));
}

/** Phrases by which the corpus says its sources lack something (« ne figurent pas dans nos sources »), folded. */
const STATED_ABSENT = readFileSync(new URL("../i18n/fr/stated-absent.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => ` ${words(l).join(" ")} `);

/** The words of those phrases (« sources », « consultées »): « en chiffres sourcés » does not name a topic. */
const STATED_WORDS = new Set(STATED_ABSENT.flatMap((p) => p.trim().split(" ")).map(frStem));
/** Nouns naming a figure (« chiffre », « montant », « coût »), folded stems, from a data file. */
const FIGURE_NOUNS = new Set(wordList("../i18n/fr/figure-nouns.txt").map(frStem));

/** A parenthesis holding a year: a source's reference (« (April, novembre 2025) ») or a span (« (2002-2027) »). */
const CITATION = /\([^()]*\b(?:19|20)\d{2}[^()]*\)/g;
/** A source's reference: a parenthesis holding a year or « s. d. » (« (Grenoble.ninja, s. d.) »). */
const REFERENCE = /\([^()]*(?:\b(?:19|20)\d{2}\b|\bs\.\s?d\.)[^()]*\)/g;
/** A passage's text without its references to sources. */
export const withoutReferences = (text: string) => text.replace(REFERENCE, " ");
/** A paragraph break, a list item or a numbered line. */
const PARAGRAPH = /\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/;
/** A sentence end. */
const SENTENCE = /(?<=[.!?])\s+|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/;

/**
 * A passage split for the checks that read where a word stands: its paragraphs without the references to sources
 * (the year of a source is not the year of a fact), and, apart, its sentences saying the corpus lacks something.
 */
export function passageParts(text: string): {
  paragraphs: ReturnType<typeof passageWords>[];
  sentences: ReturnType<typeof passageWords>[];
  stated: ReturnType<typeof passageWords>;
  rest: ReturnType<typeof passageWords>;
  statedFigure: ReturnType<typeof passageWords>[];
} {
  const sentences = text.split(SENTENCE);
  const isStated = (s: string) => STATED_ABSENT.some((p) => ` ${words(s).join(" ")} `.includes(p));
  // A clause, not its whole sentence: « Les sources consultées ne détaillent pas la procédure ; il est prudent de
  // prévoir … la première connexion » knows the first connection.
  const clauses = sentences.flatMap((s) => s.split(/\s*;\s*/));
  return {
    paragraphs: text
      .replace(CITATION, " ")
      .split(PARAGRAPH)
      .map((p) => passageWords(p)),
    sentences: sentences.map((s) => passageWords(s)),
    stated: passageWords(clauses.filter(isStated).join(" ")),
    rest: passageWords(clauses.filter((s) => !isStated(s)).join(" ")),
    // The sentences saying a figure is not known (« Aucun montant d'économies propre à la CNAM n'a été publié »);
    // not of some years only (« Nous n'avons pas trouvé de chiffres 2025 ou 2026 » : those of 2023 are given).
    statedFigure: sentences
      .filter((s) => !/\b(?:19|20)\d{2}\b/.test(withoutReferences(s)))
      .filter((s) => s.split(/\s*;\s*/).some((c) => isStated(c) && words(c).some((w) => FIGURE_NOUNS.has(frStem(w)))))
      .map((s) => passageWords(s)),
  };
}

/** « Qui est le DSI de… », « Comment s'appelle la présidente de… »: the role whose holder the question asks. */
const WHO = /\b(?:qui est|qui sont|qui etait|comment s'appellen?t?) (?:le |la |les |l')([a-z0-9]+)/;

/** What a question asks of a named person (« quelles études »), from a data file. */
const ATTRIBUTES = new Set(wordList("../i18n/fr/person-attributes.txt").map(frStem));

/** The role a question asks who holds (« qui est le DSI de Nancy ? » → « dsi »), folded. */
export function roleAsked(question: string): string | undefined {
  return WHO.exec(fold(question).replace(/[’]/g, "'").replace(/\s+/g, " "))?.[1];
}

/** Determiners: the word after one is a noun (« un policier »), not a verb (« ont laissé tomber »). */
const DETERMINERS = new Set(wordList("../i18n/fr/determiners.txt"));

/** Role nouns naming a person (« le maire », « la présidente »), folded stems, from a data file. */
const PERSON_ROLES = new Set(wordList("../i18n/fr/person-roles.txt").map(frStem));

/** The role nouns themselves, folded (« organiser » is not « organisateur », though their stems meet). */
const ROLE_WORDS = new Set(wordList("../i18n/fr/person-roles.txt"));
const isRoleNoun = (folded: string) => ROLE_WORDS.has(folded) || ROLE_WORDS.has(folded.replace(/s$/, ""));

/** Acronyms of common objects and formats (« USB », « PDF »): written in capitals, not names. */
const COMMON_ACRONYMS = new Set(wordList("../i18n/fr/common-acronyms.txt"));

/**
 * Metonymies (« Bruxelles » for the European Commission, « Outre-Rhin » for Germany) and the gazetteer's aliases (a
 * capital for its country, a city for its region, a demonym for its commune, « la Sécu » for the Assurance maladie)
 * → their folded meanings, the names the corpus uses.
 */
/** « word: meaning, meaning » lines of a word list in `server/i18n/fr/`. */
const aliasList = (file: string): [string, string[]][] =>
  readFileSync(new URL(`../i18n/fr/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.includes(":") && !l.startsWith("#"))
    .map((l) => {
      const [word, meanings] = l.split(":") as [string, string];
      return [
        words(word).join(" "),
        meanings
          .split(",")
          .map((m) => words(m).join(" "))
          .filter(Boolean),
      ];
    });
/** Places and institutions named another way than the corpus names them (capitals, demonyms, « la Sécu »). */
const GAZETTEER: Map<string, string[]> = new Map(aliasList("gazetteer.txt"));
/** Vendors named by their head office (« Redmond », « Armonk »): periphrases, and searched as the vendor too. */
const SEATS: Map<string, string[]> = new Map(aliasList("seats.txt"));
/** Both, as one list: what `aliasesIn` adds to a search. */
const NAMED_OTHERWISE: [string, string[]][] = [...GAZETTEER, ...SEATS];
const METONYMIES: Map<string, string[]> = new Map([...aliasList("metonymies.txt"), ...SEATS, ...GAZETTEER]);
/**
 * The periphrases of `metonymies.txt` (« le pays du Soleil-Levant », « Outre-Rhin »), not the gazetteer's other names
 * of a place (« La Haye » also names the Court that sits there): what they stand for must be in a passage that answers.
 */
const PERIPHRASES = new Set(
  [...aliasList("metonymies.txt"), ...SEATS].map(([w]) => w).filter((w) => !GAZETTEER.has(w)),
);

/** The metonymies of several words, longest first (« pays du matin calme » before « matin calme »). */
const PHRASE_METONYMIES = [...METONYMIES].filter(([w]) => w.includes(" ")).sort((a, b) => b[0].length - a[0].length);

/**
 * The places and institutions the question names another way, as the corpus names them (« les Lyonnais » → lyon,
 * « Séoul » → corée du sud, « la Sécu » → assurance maladie): added to the search query, so their passages are found,
 * not only judged. Metonymies (« Bruxelles », « Outre-Rhin ») are not: expanding them measured as many facts lost as won.
 */
export function aliasesIn(question: string): string[] {
  const joined = ` ${words(question).join(" ")} `;
  const found = new Set<string>();
  for (const [alias, meanings] of NAMED_OTHERWISE)
    if (joined.includes(` ${alias} `)) for (const m of meanings) found.add(m);
  return [...found].filter((m) => !joined.includes(` ${m} `));
}

/**
 * Whether a question is about a person: a first name and a surname (two capitalised words in a row), a role noun
 * (« le maire »), or « il », « elle » referring back to one (not « il y a », « il me semble », « il faut »). A
 * private-life expression (« est né ») counts only then: « OW2 est né de la fusion… » asks about an organisation.
 */
export function aboutPerson(question: string): boolean {
  const text = question.replace(/[’]/g, "'");
  if (/\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+/u.test(text)) return true;
  // A role noun in the question's context (« Pour préparer la réunion avec nos agents, OW2 est né… ») says who asks.
  const spans = contextSpans(text);
  const outside = [...text.matchAll(/[\p{L}\p{N}'-]+/gu)]
    .filter((m) => !spans.some(([a, b]) => m.index >= a && m.index < b))
    .map((m) => m[0])
    .join(" ");
  if (words(outside).some((w) => PERSON_ROLES.has(frStem(w)))) return true;
  return /\b(?:il|elle|ils|elles)\b(?!\s+(?:y|me|nous|faut|s'agit|semble|suffit|reste))/.test(fold(text));
}

/** Groups of expressions asking about a person's private life (« quel âge », « salaire »), folded. */
const PERSONAL: string[][] = readFileSync(new URL("../i18n/fr/personal-data.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) =>
    l
      .split(",")
      .map((e) => words(e).join(" "))
      .filter(Boolean),
  );

/** The groups of private-life expressions a text uses, each with the expression found. */
export function personalAsked(question: string): { found: string; group: string[] }[] {
  // « personne ne l'a acheté »: the negation « ne » (never written « né ») before an elided pronoun is not « né à »,
  // which the pronoun, dropped with its apostrophe, would otherwise let it read.
  const text = question.replace(/(?<![\p{L}])ne\s+([lmtsy])['’]/gu, "ne $1e ");
  const joined = ` ${words(text).join(" ")} `;
  // The subject pronoun of an inverted question (« Dans quelle ville est-il né ? ») stands between the words of the
  // expression (« est né »): read without it too.
  const uninverted = ` ${words(text.replace(/-(?:t-)?(?:il|elle|ils|elles)\b/giu, "")).join(" ")} `;
  return PERSONAL.flatMap((group) => {
    const found = group.find((e) => joined.includes(` ${e} `) || uninverted.includes(` ${e} `));
    return found ? [{ found, group }] : [];
  });
}

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
   * A code of a range written after a product's name and joined to another by a slash (« Meraki MR/MS », « UniFi
   * U6/U7 »): the range of the product named before it (`rangeOf`), not a name of its own.
   */
  range?: boolean;
  rangeOf?: string;
}

/**
 * A relative clause, an apposition or a purpose set off by commas (« Qwant, qu'on a mis par défaut sur les postes,
 * c'est… », « Doodle, pour caler les réunions du bureau, c'est… »).
 */
const INCISE =
  /,(\s*(?:(?:qui|que|dont|où|lequel|laquelle|pour)\s|qu'|(?:le|la|les|un|une|ce|cet|cette)\s|l')[^,;:?!.]*),/giu;

/** A first-person possessive, its noun and the names written right after it (« notre inventaire GLPI »). */
const SETTING = /(?<![\p{L}\p{N}])(?:notre|nos|mon|ma|mes)\s+[\p{L}\p{N}'-]+(?:\s+\p{Lu}[\p{L}\p{N}-]*)*/gu;

/** « près de Grenoble », « aux portes de Lyon »: a place that situates another one (a data file), with its name. */
const LOCATOR_LETTERS: Record<string, string> = { e: "eéÉE", é: "eéÉE", a: "aàÀA", à: "aàÀA", "'": "'’", "’": "'’" };
const LOCATOR = new RegExp(
  `(?<![\\p{L}])(?:${readFileSync(new URL("../i18n/fr/locators.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) =>
      [...l.trim()]
        .map((c, k) => (/\s/.test(c) ? "\\s+" : `[${LOCATOR_LETTERS[c] ?? (k === 0 ? c + c.toUpperCase() : c)}]`))
        .join(""),
    )
    .join("|")})\\s*\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)*`,
  "gu",
);

/** « Pour …, », « Dans …, » opening a sentence. */
const OPENING = /(?<=^|[.!?]\s+)(?:pour|dans|chez)\s[^,;:?!.]*,/giu;

/**
 * The parts of a question that give its context rather than what it asks, as [start, end) offsets:
 * - a sentence that asks nothing, beside one that asks (« Je suis élue d'une petite commune. Que dit la loi ? »);
 * - a statement before a colon that the question follows (« Le courrier arrive au secrétariat sur papier : un
 *   logiciel libre pour l'enregistrer ? »);
 * - a relative clause or an apposition between commas (« Splunk, l'outil de journaux de la DSI, est passé… »);
 * - a purpose or a setting opening the question before a comma (« Pour monter la vidéo de la fête de quartier, un
 *   logiciel libre de montage ? »).
 */
export function contextSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  const asks = /\?/.test(text);
  for (const m of text.matchAll(/[.!?]+(?=\s|$)|\n+/g)) {
    const end = m.index;
    const sentence = text.slice(start, end);
    // A sentence that asks nothing beside one that asks (« Je suis élue d'une petite commune. Que dit la loi ? »).
    if (asks && !m[0].includes("?") && sentence.trim()) spans.push([start, end]);
    if (m[0].includes("?")) {
      const colon = sentence.search(/[:;](?![^:;]*\d:)[^:;]*$/);
      // « 14:30 » is an hour; « le budget 2027 : … » (French spacing) ends a statement.
      if (colon > 0 && !/\d$/.test(sentence.slice(0, colon))) spans.push([start, start + colon]);
    }
    start = end + m[0].length;
  }
  // The asker's own setting (« dans notre inventaire GLPI », « nos agents », « mon PC ») says where the question
  // comes from, not what it asks: the possessive's noun and the names right after it.
  // Only beside a name it does not hold: « nos NAS Synology, le fabricant est de quel pays ? » asks about them.
  const settings = [...text.matchAll(SETTING)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  const namedElsewhere = [...text.matchAll(/[\p{L}\p{N}'-]+/gu)].some(
    (m) =>
      !settings.some(([a, b]) => m.index >= a && m.index < b) &&
      (/^\p{Lu}[\p{Lu}\d]|\p{Ll}\p{Lu}/u.test(m[0]) ||
        (/^\p{Lu}/u.test(m[0]) && !CLAUSE_END.test(text.slice(0, m.index)))),
  );
  if (namedElsewhere) spans.push(...settings);
  for (const m of text.matchAll(INCISE)) spans.push([m.index + 1, m.index + m[0].length - 1]);
  for (const m of text.matchAll(OPENING)) spans.push([m.index, m.index + m[0].length - 1]);
  // « Fontaine, près de Grenoble, … »: the place that situates the one asked about.
  for (const m of text.matchAll(LOCATOR)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** A question without its context (see `contextSpans`): what it asks. */
export function outsideContext(question: string): string {
  const spans = contextSpans(question);
  return [...question].map((c, i) => (spans.some(([a, b]) => i >= a && i < b) ? " " : c)).join("");
}

/** Before a word, what ends a clause: start of the text, or punctuation (« Bonjour, Lyon… », « … : Microsoft… »). */
const CLAUSE_END = /(^|[,;:.!?«»"()\n—–])\s*$/u;
/** A verb followed by its subject pronoun (« fera-t-il », « arrivera-t-elle », « peut-on »). */
const INVERTED = /-(t-)?(il|elle|ils|elles|on|nous|vous)$/i;
/** A word in « -ment » (« Franchement », « Concrètement ») opening a clause: an adverb, unless a noun (« Déploiement »). */
const ADVERB = /^[a-z]{4,}ment$/;
/** A verb in the third person plural (« tiennent », « passent », « suivent », « utilisent »), when no determiner precedes it. */
const PLURAL_VERB = /(?:nn|ss|[aeiou]s|v|qu|gu|ch|tt)ent$/;
/**
 * Endings of an infinitive (« installer », not « métier »), of « -tient », « -vient » verbs, of singular adjectives in
 * « -ant » (« malvoyant »; a plural, « habitants », « enfants », is mostly a noun).
 */
const MODIFIER = /^[a-z]{3,}(?:[^i]er|[tv]ient|ant|ante)$/;

/** Prepositions after which a word is a noun (« en kilos »). */
const NOUN_PREPOSITIONS = /^(en|avec|sans|sur|sous|chez|contre|entre|vers|parmi|durant|pendant)$/;

/** Subject pronouns: the word after one is a verb (« il vient d'où »). */
const SUBJECT_PRONOUNS = /^(il|elle|ils|elles|on|je|j|nous|vous)$/;
/** Words after which « le », « la », « les » is an object pronoun (« qui le maintient », « ne la voit »). */
const OBJECT_AFTER = /^(qui|ne|n|il|elle|ils|elles|on|je|nous|vous)$/;

const YEAR = /^(19|20)\d{2}$/;
const WEEKDAY = /^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/;
const MONTH_YEAR =
  /\b(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s+((?:19|20)\d{2})\b/g;

/**
 * The content words of a question, names and years marked. « Schleswig-Holstein », « États-Unis » stay one name; a
 * phrase of the synonym list (« Sécurité sociale ») is one term with its synonyms; an adjective of nationality
 * (« espagnol ») counts as its country's name.
 */
export function questionTerms(question: string): QuestionTerm[] {
  const out = new Map<string, QuestionTerm>();
  const inPhrase = new Set<string>();
  for (const { phrase, group } of phrasesFound(question)) {
    out.set(phrase, { word: phrase, variants: group, name: false });
    for (const w of phrase.split(" ")) inPhrase.add(w);
  }
  // « l'oncle Sam », « le pays du Matin calme »: a metonymy of several words is one term, covered by its meanings.
  const joined = ` ${words(question).join(" ")} `;
  for (const [phrase, meanings] of PHRASE_METONYMIES) {
    if (!joined.includes(` ${phrase} `) || phrase.split(" ").every((w) => inPhrase.has(w))) continue;
    out.set(phrase, {
      word: phrase,
      variants: [phrase, ...meanings],
      name: PERIPHRASES.has(phrase),
      alias: PERIPHRASES.has(phrase),
    });
    for (const w of phrase.split(" ")) inPhrase.add(w);
  }
  for (const m of fold(question).matchAll(MONTH_YEAR)) {
    out.set(`${m[1]} ${m[2]}`, { word: `${m[1]} ${m[2]}`, variants: [`${m[1]} ${m[2]}`], name: true, date: true });
    inPhrase.add(m[1]!).add(m[2]!);
  }
  const text = question.replace(/[’]/g, "'");
  const tokens = [...text.matchAll(/[\p{L}\p{N}'-]+/gu)];
  const sized = new Set<string>();
  const spans = contextSpans(text);
  const role = roleAsked(question);
  const idioms = idiomMatches(tokens.map(({ 0: raw }) => fold(raw).replace(/^([cdjlmnst]|qu)'/, "")));
  const idiom = new Set(idioms.flatMap((m) => m.tokens));
  // « Ça coûte un bras ? » asks a price: an idiom that means a topic of the domain is a term, covered by its meanings.
  for (const m of idioms)
    if (m.meanings.length && !out.has(m.phrase))
      out.set(m.phrase, { word: m.phrase, variants: m.meanings, name: false });
  tokens.forEach(({ 0: raw, index }, i) => {
    if (idiom.has(i)) return;
    const token = raw
      .replace(/^([cdjlmnst]|qu)'/i, "")
      .replace(/-(t-)?(il|elle|ils|elles|on|je|nous|vous|ce|t)$/i, "")
      .replace(/^-+|-+$/g, "");
    if (!token) return;
    const folded = fold(token);
    // « une commune de 2000 habitants », « pour 500 agents »: the asker's size, not a figure asked (see `headCount`).
    if (headCount(tokens, i)) return;
    if (i > 0 && headCount(tokens, i - 1)) sized.add(folded);
    // A day of the week (« le jeudi ») dates what is asked like a year: the passage that answers says it.
    if (YEAR.test(token) || WEEKDAY.test(folded))
      return inPhrase.has(folded)
        ? undefined
        : out.set(folded, {
            word: folded,
            variants: [folded],
            name: true,
            date: true,
            ...(spans.some(([a, b]) => index >= a && index < b) ? { context: true } : {}),
          });
    const country = DEMONYMS.get(folded.replace(/-/g, " "));
    // Right after a noun (« les communes suisses », « un hébergeur allemand »), it restricts what is asked; after a
    // verb (« est-il américain ? ») or in « de quel pays », it is what is asked.
    const previous = fold(tokens[i - 1]?.[0] ?? "").replace(/^([cdjlmnst]|qu)'/, "");
    const attributive =
      previous.length > 2 &&
      !STOPWORDS.has(previous) &&
      !FRAME.has(previous) &&
      !/^\p{Lu}/u.test(tokens[i - 1]?.[0] ?? "") &&
      !INVERTED.test(tokens[i - 1]?.[0] ?? "") &&
      !MODIFIER.test(previous);
    // « la Suisse » (a capital, the country's own name) is the country asked about, not an adjective of nationality.
    const countryNamed = country === folded && /^\p{Lu}/u.test(token) && !CLAUSE_END.test(text.slice(0, index));
    if (country)
      return out.set(country, {
        word: country,
        variants: [country, folded.replace(/-/g, " ")],
        name: true,
        nationality: true,
        ...(attributive || countryNamed ? { attributive: true } : {}),
        ...(countryNamed ? { country: true } : {}),
      });
    // « Windows 12 », « Proxmox VE 9 », « vSphere 8 »: a number of one or two digits right after a product's name is
    // its version, part of what is asked; a passage on the product that does not name that version does not answer.
    const named = tokens[i - 1]?.[0] ?? "";
    if (
      /^\d{1,2}$/.test(folded) &&
      (/^\p{Lu}/u.test(named) || /\p{Ll}\p{Lu}/u.test(named)) &&
      !COMMON_ACRONYMS.has(fold(named)) &&
      !STOPWORDS.has(fold(named)) &&
      text.slice(index - named.length - 1, index) === `${named} `
    ) {
      // « L'article 31 »: the elided article is not part of the name (passages write « article 31 » after any word).
      const version = `${fold(named)
        .replace(/[’]/g, "'")
        .replace(/^(?:[cdjlmnst]|qu)'/, "")} ${folded}`;
      // « ArcMap 10.8 »: the points of the version are part of it (the tokens stop at a point).
      const points = /^(?:\.\d+)+/.exec(text.slice(index + raw.length))?.[0] ?? "";
      out.set(version, {
        word: version,
        variants: [version],
        name: true,
        version: true,
        ...(points ? { release: `${folded}${points}` } : {}),
      });
      return;
    }
    // « debian 13 », « windows 12 » typed without capitals: a version if the corpus writes the word as a name
    // (`resolveNames`), else nothing (« postes 10 »).
    if (
      /^\d{1,2}$/.test(folded) &&
      /^\p{Ll}{3,}$/u.test(named) &&
      !COMMON_ACRONYMS.has(fold(named)) &&
      !STOPWORDS.has(fold(named)) &&
      !FRAME.has(fold(named)) &&
      text.slice(index - named.length - 1, index) === `${named} `
    ) {
      const version = `${fold(named)} ${folded}`;
      out.set(version, { word: version, variants: [version], name: true, version: true, typed: true });
      return;
    }
    // « aujourd'hui », « jusqu'à »: a word with an apostrophe inside is a stopword when its first part is.
    const parts = folded
      .split("-")
      .filter((p) => p.length >= 2 && !STOPWORDS.has(p.replace(/'.*$/, "")) && !FRAME.has(p));
    if (parts.length === 0 || /^\d{1,3}$/.test(folded) || parts.every((p) => inPhrase.has(p))) return;
    // An acronym (« SREN »), a capital inside the word (« LibreOffice ») or a compound (« Schleswig-Holstein ») is a
    // name wherever it stands; a plain capitalised word at the start of the question or of a clause may be only
    // the sentence's capital.
    const marked = /^\p{Lu}[\p{Lu}\d]/u.test(token) || /\p{Ll}\p{Lu}/u.test(token) || token.includes("-");
    const atStart = !marked && CLAUSE_END.test(text.slice(0, index));
    // « Franchement, … », « Sérieusement, … »: an adverb opening a clause comments on the question, it is not its
    // topic (a noun in « -ment » is kept: « Déploiement : … » has no comma, and the corpus uses it, see `resolveNames`).
    if (atStart && ADVERB.test(folded) && /^\s*,/.test(text.slice(index + raw.length))) return;
    const word = parts.join(" ");
    const inContext = spans.some(([a, b]) => index >= a && index < b);
    // A word of the context that the asking part repeats (« … petite commune rurale. Combien … pour une commune ? »)
    // is asked.
    const seen = out.get(word);
    if (seen) {
      if (seen.context && !seen.user && !inContext) out.set(word, { ...seen, context: false });
      return;
    }
    // « Bruxelles » for the Commission, « Outre-Rhin » for Germany: a passage holding one of its meanings covers it.
    // « la ville de Toulouse » names the commune itself, not the region the gazetteer puts it for.
    const collectivity = /^(ville|commune|mairie|metropole|agglomeration|village)$/;
    const ofCollectivity =
      (fold(tokens[i - 1]?.[0] ?? "") === "de" && collectivity.test(fold(tokens[i - 2]?.[0] ?? ""))) ||
      (/^d'/i.test(raw) && collectivity.test(fold(tokens[i - 1]?.[0] ?? "")));
    const meanings = ofCollectivity && !PERIPHRASES.has(word) ? undefined : METONYMIES.get(word);
    if (meanings)
      return out.set(word, {
        word,
        variants: [word, ...meanings],
        name: PERIPHRASES.has(word),
        alias: PERIPHRASES.has(word),
      });
    // « iCloud », « vSphere »: a capital inside the word marks a name as well as a first one.
    const capital =
      (/^\p{Lu}/u.test(token) || /\p{Ll}\p{Lu}/u.test(token)) &&
      !COMMON_ACRONYMS.has(folded) &&
      (i > 0 || marked || !/^(qu|est|peut|faut|doit|combien|comment|pourquoi)/i.test(token));
    // « l'envoyer », « l'enregistrer »: « l' » before an infinitive is a pronoun, not a determiner.
    // « qui le maintient », « il vient »: after a subject pronoun, or after « le » that is one (« qui le », « ne
    // la »), a word is a verb — it counts where a passage holds it, never against it.
    const before = fold(tokens[i - 1]?.[0] ?? "");
    const afterPronoun =
      SUBJECT_PRONOUNS.test(before) ||
      (/^(le|la|les)$/.test(before) && OBJECT_AFTER.test(fold(tokens[i - 2]?.[0] ?? "")));
    const afterDeterminer =
      !afterPronoun &&
      ((/^(l|qu)'/i.test(raw) && !(/^l'/i.test(raw) && MODIFIER.test(folded) && /er$/.test(folded))) ||
        DETERMINERS.has(before.replace(/^[dlq]u?'/, "")) ||
        // « en kilos », « avec des poules », « sans informaticien »: after these prepositions comes a noun, never an
        // infinitive (unlike « de », « pour », « à »).
        (NOUN_PREPOSITIONS.test(before) && !MODIFIER.test(folded)));
    const marks = {
      ...(capital && atStart ? { clauseStart: true } : {}),
      ...(atStart && ADVERB.test(folded) ? { opener: true } : {}),
      ...(INVERTED.test(raw) || (PLURAL_VERB.test(folded) && !afterDeterminer) ? { verb: true } : {}),
      ...(!capital && parts.length > 1 ? { compound: true } : {}),
      ...(afterDeterminer ? { noun: true } : {}),
      ...(!capital && !afterDeterminer && parts.length === 1 && (MODIFIER.test(folded) || afterPronoun)
        ? { modifier: true }
        : {}),
      // Context: a clause that is not what is asked, or a role noun naming who will use the answer (« nos
      // secrétaires de mairie », « notre trésorier ») unless the question asks who holds it (« qui est le trésorier »).
      ...(inContext || sized.has(folded) ? { context: true } : {}),
      ...(!capital && isRoleNoun(folded) && folded !== role ? { context: true, user: true } : {}),
    };
    out.set(word, {
      word,
      // « l'Allemagne »: a passage that says « un Land allemand » speaks of it (`places.txt`).
      variants: [
        ...(parts.length > 1 ? [word] : [word, ...synonymsOf(word)]),
        ...(capital ? (COUNTRY_ADJECTIVES.get(word) ?? []) : []),
      ],
      name: capital,
      ...marks,
      ...(capital && ofCollectivity ? { collectivity: true } : {}),
    });
  });
  // « JetBrains est tchèque ou russe ? », « éditeur britannique ou américain ? »: two nationalities offered as a choice
  // at the end of a clause are what the question asks, not a restriction (« les communes suisses ou allemandes
  // utilisent-elles … ? » goes on).
  for (const m of fold(text).matchAll(NATIONALITY_CHOICE)) {
    const countries = [m[1]!, m[2]!].map((a) => DEMONYMS.get(a.replace(/-/g, " ")));
    if (countries.some((c) => !c)) continue;
    for (const c of countries) {
      const t = out.get(c!);
      if (t?.nationality) out.set(c!, { ...t, choice: true, attributive: undefined, country: undefined });
    }
  }
  // « Cisco Meraki MR/MS », « UniFi U6/U7 »: codes of a range joined by a slash right after a product's name.
  for (const m of text.matchAll(RANGE_CODES)) {
    const of = fold(m[1]!);
    for (const code of m[2]!.split("/")) {
      const t = out.get(fold(code));
      if (t && !t.date && !t.version) out.set(t.word, { ...t, range: true, rangeOf: of });
    }
  }
  // « La capitale de la Bretagne a-t-elle un plan … ? » asks about a city it does not name: the word is required as
  // a name would be, written as is (a known periphrasis, « la capitale des Gaules », was read above as one term).
  for (const m of text.matchAll(UNNAMED_CITY)) {
    const t = out.get(fold(m[1]!));
    if (t && !t.name) out.set(t.word, { ...t, name: true, verbatim: true });
  }
  // « La troisième ville de France … ? », « Le Land du nord de l'Allemagne … ? »: the same for a rank or a position.
  for (const m of text.matchAll(UNNAMED_PLACE)) {
    const t = out.get(fold(m[1] ?? m[2]!).replace(/-/g, " "));
    if (t && !t.name) out.set(t.word, { ...t, name: true, verbatim: true });
  }
  return [...out.values()];
}

/** Two words joined by « ou » that end a clause (« tchèque ou russe ? »), folded: a choice if both are nationalities. */
const NATIONALITY_CHOICE = /(?<![a-z-])([a-z-]{3,})\s+ou\s+([a-z-]{3,})\s*(?=[?!.,;:]|$)/g;
/**
 * A product's name (capitalised, or with a capital inside) followed by codes of one to four letters or digits joined
 * by slashes (« Meraki MR/MS », « UniFi U6/U7 », « Stormshield SN/SNi »), each starting with a capital.
 */
const RANGE_CODES =
  /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}-]*|\p{Ll}+\p{Lu}[\p{L}\p{N}-]*)\s+(\p{Lu}[\p{L}\p{N}]{0,3}(?:\s?\/\s?\p{Lu}[\p{L}\p{N}]{0,3})+)(?![\p{L}\p{N}])/gu;

/** A country's folded name → its adjectives of nationality, folded (`places.txt`). */
const COUNTRY_ADJECTIVES = new Map<string, string[]>();
for (const [adjective, country] of DEMONYMS)
  if (adjective !== country) COUNTRY_ADJECTIVES.set(country, [...(COUNTRY_ADJECTIVES.get(country) ?? []), adjective]);

/** Shortest word read as a typing slip of another (« dirrige »): shorter ones meet real words by chance. */
const TYPO_LENGTH = 6;
/**
 * The words one typing slip away from a folded word: a doubled letter written once (« dirrige » → « dirige »), two
 * letters swapped (« logiciles » → « logiciels »). Not any letter less: « policier » is not a slip of « police ».
 * A doubled letter is checked against the whole corpus, a swap only against the words of the passages read.
 */
export function slips(word: string): string[] {
  const out = new Set<string>();
  for (let i = 1; i < word.length; i++) if (word[i] === word[i - 1]) out.add(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i + 1 < word.length; i++)
    if (word[i] !== word[i + 1]) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  return [...out].filter((w) => w !== word && /^[a-z]+$/.test(w));
}

const HEAD_COUNTS = new Set(wordList("../i18n/fr/head-counts.txt"));
/**
 * Whether the token at `i` is a number giving the asker's size (« une commune de 2000 habitants », « pour 500
 * agents »): digits after « de » or « pour », before a noun of `head-counts.txt`, not a threshold (« plus de 3500
 * habitants », « moins de 50 agents ») nor a figure asked (« combien de … »).
 */
export function headCount(tokens: { 0: string }[], i: number): boolean {
  const at = (k: number) => fold(tokens[k]?.[0] ?? "");
  return (
    /^\d{2,}$/.test(at(i)) &&
    HEAD_COUNTS.has(at(i + 1)) &&
    /^(de|pour|d'environ|environ)$/.test(at(i - 1)) &&
    !/^(plus|moins|combien|nombre|dela)$/.test(at(i - 2))
  );
}

/**
 * « capitale de la Bretagne », « la capitale bretonne »: a word of `unnamed-city.txt` before « de » and a name, or
 * before an adjective of place.
 */
const UNNAMED_CITY = new RegExp(
  `(?<![\\p{L}])(${wordList("../i18n/fr/unnamed-city.txt").filter(Boolean).join("|")})\\s+(?:(?:de\\s+la\\s+|de\\s+l['’]|du\\s+|des\\s+|de\\s+)\\p{Lu}|\\p{Ll}+(?:ois|oise|ais|aise|ien|ienne|onne|ane|ine|arde)s?(?![\\p{L}]))`,
  "giu",
);

/** The sections of `unnamed-place.txt`: the nouns of places, the words of rank and those of position. */
const UNNAMED_PLACE_WORDS = new Map<string, string[]>();
{
  let section = "";
  for (const line of readFileSync(new URL("../i18n/fr/unnamed-place.txt", import.meta.url), "utf8").split("\n")) {
    const head = /^\[(.+)\]\s*$/.exec(line.trim());
    if (head) section = head[1]!;
    else if (line.trim() && !line.startsWith("#"))
      UNNAMED_PLACE_WORDS.set(section, [
        ...(UNNAMED_PLACE_WORDS.get(section) ?? []),
        ...line
          .split(",")
          .map((w) => w.trim())
          .filter(Boolean),
      ]);
  }
}
const placeAlternation = (section: string) =>
  (UNNAMED_PLACE_WORDS.get(section) ?? []).map((w) => escapeRegExp(w).replace(/-/g, "[-\\s]")).join("|");
/**
 * A place designated by its rank (« la troisième ville de France ») or its position (« le Land du nord de
 * l'Allemagne ») in a place named after it: group 1 is the word of rank or position.
 */
const UNNAMED_PLACE = new RegExp(
  `(?<![\\p{L}])(?:(${placeAlternation("rang")})\\s+(?:plus\\s+grande?\\s+)?(?:${placeAlternation("lieux")})|(?:${placeAlternation("lieux")})\\s+(?:du|de\\s+l['’])\\s*(${placeAlternation("position")}))\\s+(?:de\\s+la\\s+|de\\s+l['’]|du\\s+|des\\s+|de\\s+|d['’])\\p{Lu}`,
  "giu",
);

/** Folded words of a passage, with numbers written « 80 000 » joined, and the stems of those it writes with a capital. */
export function passageWords(text: string): {
  list: string[];
  stems: Set<string>;
  joined: string;
  capitals: Set<string>;
} {
  const list = words(text.replace(/(\d)[ \u00a0\u202f](?=\d{3}\b)/g, "$1"));
  const capitals = new Set([...text.matchAll(/[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*/gu)].map((m) => frStem(m[0])));
  return { list, stems: new Set(list.map(frStem)), joined: ` ${list.join(" ")} `, capitals };
}

/** A passage's words; a catalog card's also with the versions it writes (see `versionsOnCard`). */
type PassageWords = ReturnType<typeof passageWords> & { versions?: Set<string> };

/**
 * A number written as a version on a catalog card: after a capitalised word or « version », maybe in a parenthesis
 * (« ArcGIS Desktop 10.8 », « Skype version 8.110 », « Adobe Reader XI (11.0.23) »); not a day (« le 12 janvier »).
 */
const CARD_VERSION = /(?:\p{Lu}\S*|\bversion)\s+\(?(\d{1,2}(?:\.\d+)*)(?!\d)/gu;

/** The versions a catalog card writes, each with the shorter forms it starts with (« 10.8 » gives « 10 »). */
export function versionsOnCard(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(CARD_VERSION)) {
    const parts = m[1]!.split(".");
    for (let k = 1; k <= parts.length; k++) out.add(parts.slice(0, k).join("."));
  }
  return out;
}

/** Words of a retrieved passage: its title, section and text; a catalog card's with the versions it writes. */
function resultWords(r: { text: string; section: string; document: { title: string; kind?: string } }): PassageWords {
  const p = passageWords(`${r.document.title} ${r.section} ${withoutReferences(r.text)}`);
  return r.document.kind === "catalog" ? { ...p, versions: versionsOnCard(`${r.document.title}\n${r.text}`) } : p;
}

/**
 * Whether a catalog card holds a version the question names: the card is one product, so its names (« ArcMap ») and a
 * version it writes after another of them (« ArcGIS Desktop 10.8 », the same product) make « ArcMap 10.8 ».
 */
function versionOnCard(t: QuestionTerm, p: PassageWords): boolean {
  if (!p.versions) return false;
  const name = t.word.split(" ").slice(0, -1);
  const number = t.release ?? t.word.split(" ").at(-1)!;
  return (
    p.versions.has(number) &&
    name.length > 0 &&
    name.every((w) => p.list.includes(w) && (p.capitals.has(frStem(w)) || /^\d/.test(w)))
  );
}

/** Whether a folded word or phrase occurs in a passage's words (stem equality, or a near prefix). */
export function occurs(entry: string, p: ReturnType<typeof passageWords>, exact = false): boolean {
  if (exact) return p.joined.includes(` ${entry} `);
  if (entry.includes(" ")) return entry.split(" ").every((w) => occurs(w, p));
  const s = frStem(entry);
  if (p.stems.has(s)) return true;
  if (s.length < 5 || /^\d/.test(s)) return false;
  return p.list.some((w) => w.startsWith(s) && w.length - s.length <= 3);
}

/**
 * Whether a passage holds a term; a name of the question (« le Tour de France ») only where the passage too writes
 * it with a capital (not « un tour de table »). Its synonyms (« américain » for « États-Unis ») count as written.
 */
function holds(t: QuestionTerm, p: PassageWords): boolean {
  if (t.version) return p.joined.includes(` ${t.word} `) || versionOnCard(t, p);
  if (t.verbatim) return p.joined.includes(` ${t.word} `);
  return t.variants.some((v) => {
    if (!occurs(v, p)) return false;
    if (!t.name || t.date || v !== t.word) return true;
    // A name is written as the question writes it, give or take a plural: « Landes » is not the German « Land »,
    // « Martinique » not « Saint-Martin », « Estonie » not « estonien » (its stem and a prefix meet them).
    if (!t.clauseStart && !v.split(" ").every((w) => p.list.some((x) => x === w || x === `${w}s` || `${x}s` === w)))
      return false;
    const s = frStem(v.split(" ")[0]!);
    return p.capitals.has(s) || (s.length >= 5 && [...p.capitals].some((c) => c.startsWith(s)));
  });
}

export interface Answerability {
  answerable: boolean;
  /** Why not: a name or year the corpus or the best passages lack, or too few of the question's words. */
  reason:
    | "ok"
    | "no-terms"
    | "unknown-name"
    | "missing-name"
    | "personal"
    | "unknown-words"
    | "low-coverage"
    | "stated-absent"
    | "missing-figure"
    | "missing-date"
    | "missing-winner"
    | "no-result";
  /** Question words and names the best passages lack. */
  missing: string[];
  /** Share of the question's words held by the best passage (0–1). */
  coverage: number;
  /** Index (in the results) of the passages that hold enough of the question's words. */
  relevant: number[];
}

/** A passage answers when it holds this share of the question's content words (all of them up to two words)… */
export const MIN_PLAIN_COVERAGE = 0.45;
/** … and this share of their weight (rare words weigh more). */
export const MIN_WEIGHTED_COVERAGE = 0.35;
/** Order of magnitude of the number of passages, for word weights. */
const CORPUS_SCALE = 1000;
/** Fewest letters of a clipped word (« appli », « asso »): shorter ones (« pc », « tel ») are too ambiguous. */
const CLIPPED_LENGTH = 4;
/** A name found in at most this many passages of the corpus must be in the best ones. */
const RARE_NAME = 20;
/** A word right after a collectivité's noun (« region normandie », « ville de brive »), folded: its name. */
const COLLECTIVITY_NAMED =
  /\b(?:region|ville|commune|departement|metropole|mairie|agglomeration|intercommunalite)\s+(?:de\s+(?:la\s+)?|du\s+|des\s+|d'|l')?([a-z]{3,})\b/g;
/** The ending of a French adjective of place (« iséroise », « landais », « alsacienne », « auvergnate »), folded. */
const PLACE_ADJECTIVE = /(?:ois|oise|ais|aise|ien|ienne|ain|aine|at|ate)s?$/;
/** A folded word naming a collectivité (« ville », « communes », « mairie », « municipal »). */
const COLLECTIVITY_NOUN =
  /^(?:villes?|communes?|communal(?:e|es|aux)?|mairies?|municipal(?:e|es|ite)?|municipaux|metropoles?|agglomerations?|villages?|collectivites?)$/;
/** A folded question with its hyphens as spaces, for finding a term (« beau-frère » is the term « beau frere »). */
const spaced = (question: string) => ` ${fold(question).replace(/[’]/g, "'").replace(/-/g, " ")} `;
/**
 * The noun a term is the complement of (« taxi » in « une licence de taxi » → « licence », « village » in « la fête du
 * village » → « fete »), folded, or undefined.
 */
export const complementOf = (question: string, word: string) =>
  new RegExp(
    `\\s([a-z]{3,})\\s(?:de\\s(?:la\\s|l')?|du\\s|des\\s|d'|pour\\s(?:la|le|les|un|une)\\s|pour\\sl')${escapeRegExp(word)}[\\s?!.,;:]`,
  ).exec(spaced(question))?.[1];
/**
 * Whether a term follows « mon », « ma », « mes »: someone or something of the asker's own (« mon beau-frère », « mon
 * tonton »), who says where the question comes from, not what it asks.
 */
export const ownRelation = (question: string, word: string) =>
  new RegExp(`\\s(?:mon|ma|mes)\\s(?:[a-z]+\\s){0,2}${escapeRegExp(word)}[\\s?!.,;:]`).test(spaced(question));
/**
 * A word of what is asked found in at most this many passages of the corpus is rare: when no passage read holds it,
 * the corpus does not speak of it (eleventh series).
 */
const RARE_WORD = 2;
/** … unless the best passage holds this share of the question's weighted words (the rare one weighs most). */
const RARE_COVERAGE = 0.6;
/** Share of the question's words that, unknown to the whole corpus, makes it a question the corpus cannot answer. */
const UNKNOWN_SHARE = 0.3;

/**
 * « la métropole stéphanoise »: a noun of collectivity before an adjective of place (`place-adjectives.txt`). The
 * adjective's folded form is the second group.
 */
const COLLECTIVITY_ADJECTIVE = (() => {
  const sections = readSections("place-adjectives.txt");
  const nouns = (sections.get("noms") ?? []).map((e) => e.join(" "));
  const endings = (sections.get("terminaisons") ?? []).map((e) => e.join(""));
  return new RegExp(`(?<![\\p{L}])(${nouns.join("|")})\\s+(\\p{L}+(?:${endings.join("|")})s?)(?![\\p{L}])`, "gu");
})();

/**
 * « libre libre libre libre libre ? »: one word written three times or more that makes half of the question's words
 * or more is no question, whatever passages hold the word.
 */
export function repeatsOneWord(question: string): boolean {
  const list = words(question);
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.values()].some((n) => n >= 3 && n * 2 >= list.length);
}

/** The adjectives of place of a question that follow a noun of collectivity (« la métropole stéphanoise »), folded. */
export function placeAdjectives(question: string): string[] {
  return [...fold(question).matchAll(COLLECTIVITY_ADJECTIVE)].map((m) => m[2]!);
}
/** What a catalog card says by its fields (country, city, publisher, owner, licence), folded stems, from a data file. */
const CARD_FIELDS = new Set(wordList("../i18n/fr/card-fields.txt").map(frStem));
const asksCardField = (t: QuestionTerm) => !t.name && t.word.split(" ").every((w) => CARD_FIELDS.has(frStem(w)));

/**
 * A question asking a figure by its interrogative (« combien », « quel est le montant », « quelle part »), not by a
 * noun of what it asks about (« un budget participatif »).
 */
const FIGURE_ASKED =
  /\b(combien|quel(?:le)?s?\s+(?:(?:est|sont|etait|etaient|sera|seront)\s+)?(?:(?:le|la|les|l')\s*)?(?:montant|budget|somme|nombre|prix|cout|tarif|pourcentage|part|taux|hausse|effectifs?|chiffre))\b/;

/** A number written out in words before the noun it counts (« dix groupements », « trois communes »), folded. */
const SPELLED_COUNT = new RegExp(`\\b(?:${NUMBER_WORD_PATTERN})\\s+([a-z]{3,}[sx])\\b`, "g");
/**
 * « Il en existe plus de 500 », « on en compte une quarantaine »: a figure counting, by the pronoun « en », what the
 * sentence before names (folded; the figure in the same clause).
 */
const PRONOUN_COUNT = /\b(?:il|elle|on|ils|elles)\s+(?:y\s+)?en\s+[a-z]+(?:\s+[a-z']+){0,3}\s+\d/;

/** Whether a text counts one of `counted` by « en » in a sentence right after one that names it (see `PRONOUN_COUNT`). */
export function countsByPronoun(text: string, counted: Set<string>): boolean {
  const sentences = text.split(SENTENCE).map((t) => fold(t).replace(/[’]/g, "'"));
  return sentences.some(
    (t, k) =>
      k > 0 &&
      PRONOUN_COUNT.test(t.split(/[;:]/)[0]!) &&
      !/^(?:19|20)\d\d\b/.test(t.slice(t.search(PRONOUN_COUNT)).replace(/^\D+/, "")) &&
      words(sentences[k - 1]!).some((w) => counted.has(frStem(w))),
  );
}

/** What a question asking « combien de … », « quel nombre de … » counts (folded). */
const COUNTED = /\b(?:combien|nombre)\s+d(?:e\s+|')([a-z]{3,})/;

/** The clause (between commas, colons, semicolons) of a folded question that holds a word. */
function askingClause(question: string, word: string): string {
  return question.split(/[,;:]/).find((c) => c.includes(word)) ?? question;
}

/** A number that is part of a name (« Microsoft 365 E3 », « GPL-3.0 »), not a figure. */
const NAMED_NUMBER = /(\p{Lu}[\p{L}]*-)\d+(?:\.\d+)*\b|(\p{Lu}[\p{L}]*\s)\d+(?=\s\p{Lu}|[,.;:)](?:\s|$)|$)/gu;

/** Sections of `asked-slots.txt`: what a question asking a figure or a date asks (« [argent] », « [date] »…), folded word lists. */
const SLOTS = readSections("asked-slots.txt", ligatures);
const slot = (name: string) => SLOTS.get(name) ?? [];
/** Whether folded words hold one of the expressions (their words in a row). */
const holdsPhrase = (list: string[], phrases: string[][]) =>
  phrases.some((e) => list.some((_, i) => e.every((w, j) => list[i + j] === w)));
/** Words that, right after a number, make it a sum of money (« 25 000 euros »), as stems. */
const MONEY_STEMS = new Set(slot("montant").flat().map(frStem));
/** What « combien de … » counts without the number written right before it (« combien de temps »), as stems. */
const FREE_COUNTS = new Set(slot("compte libre").flat().map(frStem));
/** Nouns that count the same kind of thing (people, organisations, devices, durations), as stems, by noun. */
const COUNT_CLASSES: Set<string>[] = [...SLOTS]
  .filter(([name]) => name.startsWith("compte ") && name !== "compte libre")
  .map(([, list]) => new Set(list.flat().map(frStem)));
/**
 * Nouns that count one precise kind of people (« salariés », « habitants », « adhérents »), as stems, by group: a count
 * of another kind (« 300 membres », « 80 000 agents ») does not answer them.
 */
const PRECISE_COUNTS: Set<string>[] = [...SLOTS]
  .filter(([name]) => name.startsWith("effectif "))
  .map(([, list]) => new Set(list.flat().map(frStem)));
/**
 * What a question asking « combien de … » counts, with the nouns of its kind (« personnes » → agents, utilisateurs…);
 * a precise noun only with those of its own group (« salariés » → employés, effectif).
 */
export const countedKind = (counted: Set<string>) => {
  const precise = PRECISE_COUNTS.filter((c) => [...counted].some((s) => c.has(s)));
  if (precise.length) return new Set([...counted, ...precise.flatMap((c) => [...c])]);
  return new Set([
    ...counted,
    ...COUNT_CLASSES.filter((c) => [...counted].some((s) => c.has(s))).flatMap((c) => [...c]),
  ]);
};
/** What a sum of money measures, by kind (« budget », « chiffre d'affaires », « contrat »): folded expressions. */
const SUM_KINDS: string[][][] = [...SLOTS].filter(([name]) => name.startsWith("somme ")).map(([, list]) => list);
/**
 * The kinds of sum a question's asking clause names (« Quel est le budget annuel de la DSI … ? » → the budget group):
 * the sentence that gives the sum must name one of them too.
 */
export const sumKindsAsked = (clauseWords: string[]) => SUM_KINDS.filter((kind) => holdsPhrase(clauseWords, kind));
/** Whether a sentence names the kind of sum asked (a word of its group, or one sharing its stem). */
const namesSumKind = (sentence: string, kinds: string[][][]) => {
  const list = words(sentence);
  const stems = new Set(list.map(frStem));
  return kinds.some((kind) =>
    kind.some((e) => (e.length > 1 ? holdsPhrase(list, [e]) : stems.has(frStem(e[0]!)) || list.includes(e[0]!))),
  );
};
/** A number with a currency symbol (« 25 000 € », « 11,7 M€ », « $30 »). */
const MONEY_SYMBOL = /\d\s?(?:k|M|Md|G)?€|€\s?\d|\$\s?\d|\d\s?\$/;
/** Whether a text gives a sum of money, or says something is free (an answer to « combien coûte … ? »). */
const moneyIn = (text: string) =>
  holdsCount(text, MONEY_STEMS) || MONEY_SYMBOL.test(text) || holdsPhrase(words(text), slot("gratuit"));
/** Interrogatives other than those asking a date (folded, apostrophes straight). */
const OTHER_INTERROGATIVE =
  /\b(?:qui|quoi|comment|pourquoi|combien|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|ou|qu'est-ce)\b/;

/**
 * Whether a question asks only a date (« Quand… ? », « En quelle année… ? »): a date phrase of `asked-slots.txt` in
 * what it asks, no other interrogative beside it, and not a yes-or-no question.
 */
export function asksOnlyDate(question: string): boolean {
  const asking = outsideContext(question);
  if (polar(question)) return false;
  const list = words(asking);
  // « quand » asks a date where it opens a clause or ends the question (« … a duré jusqu'à quand ? »), not as a
  // conjunction (« Que prévoit l'article 48 quand une autorité exige… ? »).
  const clauses = fold(asking)
    .replace(/[’]/g, "'")
    .split(/[,;:.!]|\?(?=.)/)
    .map((c) => words(c));
  const opensOrEnds = (e: string[]) =>
    clauses.some((c) => e.every((w, j) => c[j] === w) || e.every((w, j) => c[c.length - e.length + j] === w));
  const phrases = slot("date").filter((e) => (e.includes("quand") ? opensOrEnds(e) : holdsPhrase(list, [e])));
  if (!phrases.length) return false;
  // « quand peut-on changer de constructeur ? » asks when it becomes possible, not a date (`asked-slots.txt`).
  if (phrases.every((e) => e.includes("quand")) && holdsPhrase(list, slot("condition"))) return false;
  let rest = ` ${list.join(" ")} `;
  for (const e of phrases) rest = rest.replaceAll(` ${e.join(" ")} `, " ");
  return !OTHER_INTERROGATIVE.test(rest);
}

/** « à quelle heure », « quelle heure » asked, and a time of day in a passage (« 14 h », « 9h30 », « 14:30 »). */
const HOUR_ASKED = /\bquelle heure\b/;
const HOUR = /\b\d{1,2}\s?(?:h|heures?)(?:\s?\d{2})?\b|\b\d{1,2}:\d{2}\b/i;

/**
 * The setting (« en mairie », « sur une vingtaine de postes ») and the judgement asked (« un problème », « acceptable »)
 * of a question about a thing that has its own card or page: that card or page need not hold them (a data file).
 */
const ENTITY_FRAME = new Set(wordList("../i18n/fr/entity-frame.txt").map(frStem));
const isEntityFrame = (t: QuestionTerm) => !t.name && t.word.split(" ").every((w) => ENTITY_FRAME.has(frStem(w)));

/** Share of the question's words a catalog card must hold to answer it. */
const MIN_CATALOG_COVERAGE = 0.7;
/** Passages read to decide (the top of the ranked list). */
const JUDGED = 6;

/** How many passages of the whole corpus hold a word (full-text index), to tell a name the corpus never uses. */
export type CorpusFrequency = (word: string) => Promise<number>;

/**
 * Whether the corpus writes a folded word with a capital inside a sentence, that is as a name (« Lyon », not
 * « Puisque »), or never writes it at all though its index finds words sharing its stem (« Tresorit »: « trésor »).
 */
export type CorpusNames = (word: string) => Promise<boolean>;

/**
 * A word capitalised only because it opens the question or a clause is a name when the corpus writes it as one, or
 * when the corpus never uses it (an unknown place or product: the question is about something it does not cover);
 * a word the corpus writes only in lower case (« Puisque », « Alors ») is a plain word.
 */
export async function resolveNames(
  terms: QuestionTerm[],
  frequency?: CorpusFrequency,
  names?: CorpusNames,
): Promise<QuestionTerm[]> {
  const resolved = await Promise.all(
    terms.map(async (t): Promise<QuestionTerm | null> => {
      const unknown = frequency && (t.opener || (t.clauseStart && t.name)) ? (await frequency(t.word)) === 0 : false;
      // « Sérieusement la loi SREN… »: an opening adverb the corpus never uses says nothing of the topic.
      if (t.opener && unknown) return null;
      if (t.typed) return names && (await names(t.word.split(" ")[0]!)) ? t : null;
      if (!t.clauseStart || !t.name || !names || unknown) return t;
      return (await names(t.word)) ? t : { ...t, name: false };
    }),
  );
  return resolved.filter((t): t is QuestionTerm => t !== null);
}

/**
 * Decides, before any model call, whether retrieved passages can answer a question — explainable, no model:
 * 1. a name (capitalised word, acronym) the whole corpus never uses means the question is about something it does
 *    not cover (« Dortmund », « Lorem ») ;
 * 2. a year of the question must appear in one of the top passages ;
 * 3. the best passage must hold at least half of the question's content words (French stems, synonyms);
 * 4. what a question asks by its form must be there too: a figure (« combien »), a time of day, the figure of the
 *    year asked; a source's reference is never what a passage is about.
 */
export async function assessAnswerability(
  question: string,
  results: { text: string; section: string; document: { title: string; kind?: string } }[],
  frequency?: CorpusFrequency,
  corpusNames?: CorpusNames,
  held: { text: string; section: string; document: { title: string; kind?: string } }[] = [],
): Promise<Answerability> {
  // « Mon beau-frère gendarme … »: the trade of the asker's relative is not the metonymy (« gendarme » for a regulator).
  const named = await resolveNames(questionTerms(question), frequency, corpusNames);
  // « Cisco Meraki MR/MS »: the codes of a range of a product the corpus names are that product, not names of their
  // own that it lacks; after a name it does not know (« Ruckus R/ICX »), they stay names.
  const knownRange = await Promise.all(
    named.map(async (t) =>
      t.range && t.rangeOf && frequency && corpusNames
        ? (await frequency(t.rangeOf)) > 0 && (await corpusNames(t.rangeOf))
        : false,
    ),
  );
  const resolved = named.filter((t, i) => !knownRange[i] && !(t.alias && ownRelation(question, t.word)));
  const none = (reason: Answerability["reason"], missing: string[] = []): Answerability => ({
    answerable: false,
    reason,
    missing,
    coverage: 0,
    relevant: [],
  });
  if (results.length === 0) return none("no-result");
  if (resolved.length === 0 || repeatsOneWord(question)) return none("no-terms");
  // A source's reference (« (Club de la presse de Grenoble, 13 décembre 2017) ») says who wrote, not what the passage
  // is about: a passage does not hold « Grenoble » because a source of its bears the name.
  const judged = results.slice(0, JUDGED).map(resultWords);
  if (frequency) {
    // A word a retrieved passage holds is known to the corpus, whatever the full-text index counts for it (« pare »
    // of « pare-feu », which its stemmer reduces to a stopword).
    const unknown: string[] = [];
    // « Mon beau-frère gendarme dit que… »: a compound of the asker's own people is not a name the corpus lacks.
    for (const t of resolved.filter(
      (t) => (t.name || (t.compound && !ownRelation(question, t.word))) && !t.date && !t.alias,
    )) {
      for (const part of t.word.split(" "))
        if ((await frequency(part)) === 0 && !judged.some((p) => p.list.includes(part))) unknown.push(t.word);
    }
    // A word after a collectivité's noun (« la region normandie », « la ville de brive ») names it, capital or not.
    for (const m of fold(question).matchAll(COLLECTIVITY_NAMED)) {
      const word = m[1]!;
      // « la ville iséroise », « une commune landaise »: an adjective of place right after the noun describes the
      // collectivité, it is not its name (« la ville de Brive », « la région Normandie »).
      if (m[0]!.split(/\s+/).length === 2 && PLACE_ADJECTIVE.test(word)) continue;
      if (!STOPWORDS.has(word) && (await frequency(word)) === 0 && !judged.some((p) => p.list.includes(word)))
        unknown.push(word);
    }
    if (unknown.length) return none("unknown-name", [...new Set(unknown)]);
  }
  // A word the corpus never uses that is the start of one it uses is its clipped form (« appli » for « application »,
  // « agglo » for « agglomération », « asso » for « association »): it is that word, found in the passages read or in
  // the domain's general vocabulary.
  const vocabulary = [...new Set([...GENERIC_WORDS, ...judged.flatMap((p) => p.list)])];
  const terms = await Promise.all(
    resolved.map(async (t) => {
      if (!frequency || t.name || t.date || t.word.includes(" ") || t.word.length < CLIPPED_LENGTH) return t;
      if ((await frequency(t.word)) > 0 || judged.some((p) => p.list.includes(t.word))) return t;
      const full = vocabulary
        .filter((w) => w.length > t.word.length + 1 && w.startsWith(t.word))
        .sort((a, b) => a.length - b.length)[0];
      if (full) return { ...t, word: full, variants: [full, ...synonymsOf(full), t.word] };
      // « dirrige », « logiciles »: a typing slip (a letter doubled, two letters swapped) of a word the corpus uses
      // is that word.
      if (t.word.length < TYPO_LENGTH) return t;
      for (const fixed of slips(t.word))
        if (fixed.length < t.word.length ? (await frequency(fixed)) > 0 : vocabulary.includes(fixed))
          return { ...t, word: fixed, variants: [fixed, ...synonymsOf(fixed), t.word] };
      return t;
    }),
  );
  // « Est-il interdit d'utiliser Teams dans une mairie ? » asks what the law says of a product: the laws its catalog
  // card exposes it to (« Exposition : CLOUD Act (États-Unis) ») name it too, and the page on that law answers.
  if (holdsPhrase(words(outsideContext(question)), slot("légalité")))
    terms.forEach((t, k) => {
      if (!t.name || t.date) return;
      const laws = results
        .slice(0, JUDGED)
        .flatMap((r) =>
          r.document.kind === "catalog" && holds(t, passageWords(`${r.document.title} ${r.section}`))
            ? exposureLaws(r.text)
            : [],
        );
      if (laws.length) terms[k] = { ...t, variants: [...new Set([...t.variants, ...laws])] };
    });
  // A question on a person's private life (« quel âge », « salaire ») is answered only by a passage that speaks of
  // it, whoever the corpus says the person is.
  const personal = aboutPerson(question) ? personalAsked(question) : [];
  const holdsPersonal = (p: ReturnType<typeof passageWords>) =>
    personal.every(({ group }) => group.some((e) => p.joined.includes(` ${e} `)));
  if (!judged.some(holdsPersonal))
    return none(
      "personal",
      personal
        .filter(({ group }) => !judged.some((p) => group.some((e) => p.joined.includes(` ${e} `))))
        .map((g) => g.found),
    );
  // The names the passages that answer must hold: all but the domain's general ones (« Microsoft », « France ») and
  // adjectives of nationality (« est-il américain ? » asks it), and those too when rare in the corpus.
  const required = await Promise.all(
    terms.map(
      async (t) =>
        t.name &&
        !t.date &&
        !t.choice &&
        ((!isGeneric(t) && (!t.nationality || t.attributive)) ||
          !frequency ||
          Math.min(...(await Promise.all(t.word.split(" ").map((w) => frequency(w))))) <= RARE_NAME),
    ),
  );
  const names = terms.filter((_, i) => required[i]);
  // The names of what the question asks must each be in a passage that answers; those of its context (« Dans
  // l'inventaire OCS, « VMware Tools » apparaît… : qu'est-ce que ça nous apprend ? ») only one of them, when what it
  // asks names nothing.
  const askedNames = names.filter((t) => !t.context);
  const anchors = askedNames.length ? askedNames : names;
  // A name the corpus knows but none of the best passages holds: they are about something else.
  // The word that designates a place (« le Land du nord de l'Allemagne ») may be in another section of the document
  // of a passage read, one set aside by the cap of passages per document (« Le Schleswig-Holstein, Land du nord de
  // l'Allemagne, … » opens it).
  const heldWords = held.map((h) => ({
    title: h.document.title,
    catalog: h.document.kind === "catalog",
    words: resultWords(h),
  }));
  const heldHolds = (t: QuestionTerm, i: number) =>
    !!t.verbatim &&
    results[i]!.document.kind !== "catalog" &&
    heldWords.some((h) => !h.catalog && h.title === results[i]!.document.title && holds(t, h.words));
  const absent = askedNames.filter((t) => !judged.some((p, i) => holds(t, p) || heldHolds(t, i))).map((t) => t.word);
  if (!askedNames.length && names.length && !names.some((t) => judged.some((p) => holds(t, p))))
    absent.push(...names.map((t) => t.word));
  if (absent.length) return none("missing-name", absent);
  // « Quand faut-il déposer notre demande de subvention à la mairie ? »: a question with no word of the digital domain,
  // naming nothing the corpus often cites, is about the life of the commune when a word of its topic is one the corpus
  // uses only in passing (« subvention », for the ANCT's grant to a collaborative suite): the passages found hold it in
  // their own, digital, sense.
  if (frequency) {
    const headings = results.slice(0, JUDGED).map((r) => passageWords(`${r.document.title} ${r.section}`));
    const offDomain = await offDomainWords(question, terms, frequency, headings);
    if (offDomain.length) return none("low-coverage", offDomain);
  }
  // Each word weighs by its rarity in the corpus (inverse document frequency): « mairie » says little, « piscine »
  // (found in no passage) says what the question is about.
  const weights = await Promise.all(
    terms.map(async (t) =>
      frequency ? Math.log(1 + CORPUS_SCALE / (1 + (await frequency(t.word.split(" ")[0]!)))) : 1,
    ),
  );
  // A role noun says who asks (« pour nos secrétaires de mairie ») only beside something else the question asks:
  // in « Combien de secrétaires de mairie en France ? » it is the topic.
  const asksMore = terms.some(
    (t) => t.name || (!t.user && !t.context && !t.modifier && !t.verb && !t.date && !isGeneric(t)),
  );
  // A question whose asking part holds two words of its own that say what it asks (« On en discute au conseil
  // municipal : qui a payé le développement de la suite collaborative ? ») does not need its context, unless that
  // context names a thing the corpus never uses (« On voudrait prendre un apprenti : quelle aide financière ? »).
  const ownWords = terms.filter(
    (t) => !t.context && !t.modifier && !t.verb && !t.date && !t.name && !isGeneric(t),
  ).length;
  const contextUnknown =
    frequency &&
    (
      await Promise.all(
        terms
          .filter((t) => t.context && t.noun && !t.user && !t.name)
          .map(async (t) => (await frequency(t.word)) === 0),
      )
    ).some(Boolean);
  const selfContained = ownWords >= 2 && !contextUnknown;
  // A yes-or-no question about a year the corpus covers (« Teams est interdit dans les collectivités depuis 2025 ? »)
  // states a claim the corpus can correct: its year need not be in the passage (the answer says what the corpus
  // dates); a year after the corpus's sources (« Munich reviendra-t-elle à Linux en 2030 ? ») stays required.
  const horizon = polar(question) && frequency ? await corpusHorizon(frequency) : 0;
  const claimed = (t: QuestionTerm) => !!t.date && Number(t.word.slice(-4)) <= horizon;
  // A question asking a figure (« combien de mairies utilisent Zoom ? ») counts its setting: it is what it asks.
  const asksFigure = !!FIGURE_ASKED.exec(fold(outsideContext(question)));
  const perPassage = judged.map((p, i) => {
    // A catalog card that holds a name of the question (« Doodle, c'est de quel pays ? ») answers what its fields say
    // (country, city, publisher, owner) without writing the word.
    const namedCard =
      results[i]!.document.kind === "catalog" && terms.some((t) => t.name && !t.date && !t.context && holds(t, p));
    // The card or page of a thing the question names (not a general name of the domain) answers it without the
    // question's setting and the judgement it asks (« Skype … sur une vingtaine de postes, il est toujours maintenu ? »).
    const ownPage =
      !asksFigure &&
      terms.some(
        (t) =>
          anchors.includes(t) &&
          !isGeneric(t) &&
          holds(t, passageWords(`${results[i]!.document.title} ${results[i]!.section}`)),
      );
    const holding = terms.filter((t) => t.variants.some((v) => occurs(v, p)) || (namedCard && asksCardField(t)));
    // The question's context (« Qwant, qu'on a mis par défaut sur les postes…, c'est bien français ? ») counts where
    // a passage holds it, never against it, when the question names what it is about, or in a catalog card that
    // holds a word of what it asks (« Pour monter la vidéo de la fête de quartier, un logiciel libre de montage ? »);
    // its general words, verbs and role nouns not even for it (« … ? Je dois en parler à nos secrétaires de
    // mairie. » is not answered by a passage on mairies). When it names nothing, its context is its topic: « L'inspection
    // veut fermer une classe : comment s'y opposer ? ».
    const contextFree =
      names.length > 0 ||
      selfContained ||
      (results[i]!.document.kind === "catalog" && holding.some((t) => !t.context && !t.name && !isGeneric(t)));
    const aside = (t: QuestionTerm) =>
      (!!t.context && (t.user ? asksMore : contextFree)) ||
      (ownPage && isEntityFrame(t)) ||
      (!t.name && ownRelation(question, t.word));
    const found = holding.filter((t) => !aside(t) || !(t.user || t.modifier || t.verb || isGeneric(t)));
    // A verb or an adjective (« installer », « malvoyant ») counts where a passage holds it, never against it.
    const asked = terms.filter((t) => found.includes(t) || (!t.modifier && !aside(t) && !claimed(t)));
    const weighted =
      found.reduce((n, t) => n + weights[terms.indexOf(t)]!, 0) /
      Math.max(
        1e-9,
        asked.reduce((n, t) => n + weights[terms.indexOf(t)]!, 0),
      );
    // A catalog card describes one product: it does not say « commune » or « outil », which it is not asked to hold.
    const excused = asked.filter((t) => !found.includes(t) && isGeneric(t)).length;
    return {
      weighted,
      plain: found.length / Math.max(1, asked.length),
      card: found.length / Math.max(1, asked.length - excused),
      missing: terms.filter((t) => !holding.includes(t)).map((t) => t.word),
    };
  });
  const best = perPassage.reduce((a, b) => (b.weighted > a.weighted ? b : a));
  // A word of the question's context the corpus never uses (« les inscriptions à la brocante passent par Google
  // Forms : … ») says nothing of what it asks when the question names what it is about; when it names nothing, its
  // context is its topic too (« L'inspection académique veut fermer une classe : comment s'y opposer ? »). A role
  // noun (« notre trésorier ») says who asks, never what.
  // When the question asks nothing outside its context (« …, « VMware Tools » apparaît sur certains postes : qu'est-ce
  // que ça nous apprend ? »), its context is what it asks.
  const asksOutside = terms.some((t) => !t.context && !t.modifier && !t.verb);
  const excusedContext = (t: QuestionTerm | undefined) =>
    !!t && asksOutside && ((t.user && asksMore) || (!!t.context && !t.user && (names.length > 0 || selfContained)));
  // Words the corpus never uses, and no synonym of which the best passage holds, make a large part of the question.
  const unknown = frequency
    ? (
        await Promise.all(
          best.missing
            .filter((w) => {
              // The domain's general words (« géant »), declared known, do not say that the question is about
              // something the corpus does not cover.
              const t = terms.find((t) => t.word === w);
              return !excusedContext(t) && !(t && isGeneric(t));
            })
            // « souci », whose synonyms (« problème », « risque ») the corpus uses: an ordinary word, not a topic
            // it does not cover.
            .map(async (w) => {
              const variants = terms.find((t) => t.word === w)?.variants ?? [w];
              for (const v of new Set([w, ...variants])) if ((await frequency(v)) > 0) return null;
              return w;
            }),
        )
      ).filter((w): w is string => !!w)
    : [];
  // A verb (« arrivera-t-il ») counts in the decision but is not told as a missing topic.
  const verbs = new Set(terms.filter((t) => (t.verb || t.modifier) && !t.name).map((t) => t.word));
  // An infinitive the corpus never uses (« qu'est-ce qui risque de manquer ? ») says how the question asks, not what
  // about: it does not weigh among the unknown words.
  const infinitives = new Set(terms.filter((t) => t.modifier && !t.name && /er$/.test(t.word)).map((t) => t.word));
  const topics = (list: string[]) => (list.some((w) => !verbs.has(w)) ? list.filter((w) => !verbs.has(w)) : list);
  // The same among the words that say what the question asks (neither names, dates, verbs nor the domain's general
  // vocabulary), counting only the nouns the corpus never uses: « recruter un policier municipal » is not answered by
  // passages on small communes, while an unknown verb (« ont laissé tomber Office ») says nothing of the topic.
  const specific = terms.filter(
    (t) => !t.name && !t.date && !t.verb && !t.modifier && !excusedContext(t) && !isGeneric(t),
  );
  const unknownSpecific = specific.filter((t) => t.noun && unknown.includes(t.word));
  if (
    unknown.filter((w) => !infinitives.has(w)).length / Math.max(1, terms.filter((t) => !excusedContext(t)).length) >=
      UNKNOWN_SHARE ||
    unknownSpecific.length / Math.max(1, specific.length) >= UNKNOWN_SHARE
  )
    return {
      answerable: false,
      reason: "unknown-words",
      missing: topics(unknown),
      coverage: best.weighted,
      relevant: [],
    };
  // « La métropole stéphanoise a-t-elle déployé Nextcloud ? »: a collectivity designated by an adjective of place the
  // corpus never writes is one it does not speak of, whatever passages hold the question's other words.
  const unknownPlaces = placeAdjectives(question).filter((w) => unknown.includes(w));
  if (unknownPlaces.length)
    return { answerable: false, reason: "missing-name", missing: unknownPlaces, coverage: best.weighted, relevant: [] };
  // The most specific word of what is asked, rare in the corpus (« taxi » in « une licence de taxi », « village » in
  // « la fête du village »), that no passage read holds, nor any synonym the corpus uses more: BM25 would have
  // brought a passage that holds it, so the corpus does not speak of it, and the passages read hold the question's
  // common words in another sense (a software licence, a grant to a software project).
  const rareUnheld =
    frequency && names.length === 0
      ? (
          await Promise.all(
            specific.map(async (t) => {
              // The complement of another noun of the question (« une licence de taxi », « la fête du village »): it
              // says which sense of that noun is asked. Not a word elsewhere (« la meilleure note », « au printemps »),
              // nor someone of the asker's own (« mon tonton »).
              const head = complementOf(question, t.word);
              if (!head || !terms.some((h) => h !== t && !h.verb && !h.modifier && frStem(h.word) === frStem(head)))
                return null;
              if (ownRelation(question, t.word) || t.context) return null;
              if (judged.some((p) => t.variants.some((v) => occurs(v, p)))) return null;
              for (const v of new Set([t.word, ...t.variants]))
                if (!v.includes(" ") && (await frequency(v)) > RARE_WORD) return null;
              return t.word;
            }),
          )
        ).filter((w): w is string => !!w)
      : [];
  if (rareUnheld.length && best.weighted < RARE_COVERAGE - 1e-9)
    return { answerable: false, reason: "unknown-words", missing: rareUnheld, coverage: best.weighted, relevant: [] };
  // A passage answers when it holds enough of the question's words, counted plainly and weighted by rarity, and
  // every year or date of the question (« mars 2012 » is not « avril 2026 »).
  const short = terms.length <= 2;
  // A year of the question's context (« On prépare le budget 2027 : Qwant figure-t-il au SILL ? ») dates the asker's
  // situation, not what is asked, when the question asks about a name outside it.
  const dates = terms.filter((t) => t.date && !(t.context && askedNames.length > 0) && !claimed(t));
  const parts = results.slice(0, JUDGED).map((r) => passageParts(r.text));
  const heading = results.slice(0, JUDGED).map((r) => passageWords(`${r.document.title} ${r.section}`));
  // A year of the question is in a paragraph of the passage, not only in a source's reference (« (Millau, 2026) »),
  // and in one that holds a name of the question, if it has any, or whose heading does: « 2027 » in a chronology's
  // line on Visio does not date AlpOSS.
  const dated = (d: QuestionTerm, i: number) =>
    occurs(d.word, passageWords(`${results[i]!.document.title} ${results[i]!.section}`.replace(CITATION, " ")), true) ||
    parts[i]!.paragraphs.some(
      (p) => occurs(d.word, p, true) && (names.length === 0 || names.some((t) => holds(t, p) || holds(t, heading[i]!))),
    );
  // « Qui est le DSI de Nancy ? » asks for a person: a passage answers where one of its sentences names the role
  // with a name of the question, or under a heading that names it (« April : … Frédéric Couchet en est le délégué
  // général »), not the role in one sentence or heading and Nancy in another.
  const role = roleAsked(question);
  // The same for what it asks of a named person (« Quelles études Laura Chaubard a-t-elle faites ? »).
  // Each of them: « joue-t-il d'un instrument de musique ? » needs « musique » beside the name, not only « instrument ».
  const roleTerms = terms.filter(
    (t) => t.word === role || (names.length > 0 && ATTRIBUTES.has(frStem(t.word)) && !ownRelation(question, t.word)),
  );
  const others = names.filter((t) => !roleTerms.includes(t));
  // A role held by a person (« Comment s'appelle le DSI de la Région Occitanie ? »): the sentence also names someone,
  // a first name and a surname other than the question's names (« la DSI de la Région Occitanie a mené… » names the
  // department, not who heads it).
  const personRole = !!role && isRoleNoun(role);
  const asked = new Set(names.flatMap((t) => t.word.split(/[\s-]+/)));
  const namesSomeone = (raw: string) =>
    [
      ...raw
        .replace(CITATION, " ")
        .matchAll(/(?<![\p{L}'’])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)?)/gu),
    ].some(
      (m) =>
        !DETERMINERS.has(fold(m[1]!)) &&
        ![m[1]!, m[2]!].some((w) =>
          fold(w)
            .split("-")
            .some((p) => asked.has(p)),
        ),
    );
  const rawSentences = results.slice(0, JUDGED).map((r) => r.text.split(SENTENCE));
  const namesHolder = (i: number) =>
    roleTerms.every((roleTerm) =>
      parts[i]!.sentences.some(
        (s, k) =>
          roleTerm.variants.some((v) => occurs(v, s)) &&
          (others.length === 0 || others.some((t) => holds(t, s) || holds(t, heading[i]!))) &&
          (!personRole || roleTerm.word !== role || namesSomeone(rawSentences[i]![k] ?? "")),
      ),
    );
  // A passage that holds a word of the question only where it says its sources lack it (« le montant de l'adhésion
  // ne figure pas dans nos sources ») does not answer it: it says that the corpus does not know.
  const statedAbsent = (i: number) =>
    terms.filter(
      (t) =>
        !isGeneric(t) &&
        t.variants.some((v) => occurs(v, parts[i]!.stated)) &&
        !t.variants.some((v) => occurs(v, parts[i]!.rest) || occurs(v, heading[i]!)),
    );
  const covers = (p: (typeof perPassage)[number]) =>
    short ? p.plain >= 1 - 1e-9 : p.plain >= MIN_PLAIN_COVERAGE - 1e-9 && p.weighted >= MIN_WEIGHTED_COVERAGE - 1e-9;
  // Names too must be in the passages that answer: « communes belges » and « Nextcloud » in two unrelated passages
  // do not say whether Belgian communes use Nextcloud.
  // A passage cut from the same document as another that holds the name (« Schleswig-Holstein : les économies
  // annoncées… » beside « … le contexte d'une stratégie en Allemagne ») holds it too.
  const sameDocument = (i: number, j: number) =>
    results[i]!.document.title === results[j]!.document.title && results[i]!.document.kind !== "catalog";
  const holdsName = (t: QuestionTerm, i: number) =>
    holds(t, judged[i]!) || judged.some((p, j) => j !== i && sameDocument(i, j) && holds(t, p)) || heldHolds(t, i);
  // « Que fait la ville de Toulouse … ? »: the town as a collectivité, in the heading or in a sentence that speaks of
  // one (not « BlueMind, éditeur basé à Toulouse »).
  const asCollectivity = (i: number) =>
    names
      .filter((t) => t.collectivity)
      .every(
        (t) =>
          holds(t, heading[i]!) ||
          parts[i]!.sentences.some((s) => holds(t, s) && s.list.some((w) => COLLECTIVITY_NOUN.test(w))),
      );
  // « Quelle est la position de la Suisse sur le logiciel libre ? » is not answered by the card of a Swiss product,
  // unless the question names that product.
  const countryCard = (i: number) =>
    results[i]!.document.kind === "catalog" &&
    names.some((t) => t.country) &&
    !names.some((t) => !t.country && !isGeneric(t) && holds(t, heading[i]!));
  const holdsAll = (i: number) =>
    !countryCard(i) &&
    asCollectivity(i) &&
    dates.every((d) => dated(d, i)) &&
    statedAbsent(i).length === 0 &&
    namesHolder(i) &&
    (anchors.length === 0 || anchors.some((t) => holdsName(t, i))) &&
    holdsPersonal(judged[i]!);
  // A catalog card (one product) matches many questions by its domain alone (« permis de construire » for a
  // question on building permits): unless it holds a name of the question, it must hold more of it than a guide.
  // A card that holds a name of the question (« Sophos, c'est américain ? ») is what the question is about.
  const namesProduct = (i: number) => terms.some((t) => t.name && !t.date && holds(t, judged[i]!));
  const enough = (p: (typeof perPassage)[number], i: number) =>
    covers(p) &&
    (results[i]!.document.kind !== "catalog" || short || namesProduct(i) || p.card >= MIN_CATALOG_COVERAGE - 1e-9);
  let relevant = perPassage.flatMap((p, i) => (enough(p, i) && holdsAll(i) ? [i] : []));
  // Each rare name is in one of them (« TeamViewer et AnyDesk » may come from two cards).
  if (!askedNames.every((t) => relevant.some((i) => holdsName(t, i)))) relevant = [];
  // A question asking a figure (« combien », « quel budget ») is answered only if a passage that answers holds one,
  // not by passages that only name what it is about (« Quel est le budget annuel de l'association OW2 ? »). Only what
  // it asks counts (« On prépare le budget 2027 : … ? » asks no figure), and a yes-or-no question asks none.
  // A question asking something else too (« Qui a payé …, et pour quel montant ? ») may be answered in part.
  const alsoAsks = /\b(?:qui|quoi|comment|pourquoi|ou|quand|lequel|laquelle|qu'est-ce)\b/.test(
    fold(outsideContext(question)).replace(/[’]/g, "'"),
  );
  const figureWord = polar(question) || alsoAsks ? undefined : FIGURE_ASKED.exec(fold(outsideContext(question)))?.[1];
  const figure: Asked[] = figureWord ? ["quantity"] : [];
  // « À quelle heure … ? » asks a time of day: a passage that answers gives one (« à 14 h 30 »).
  const hourWord = HOUR_ASKED.exec(fold(outsideContext(question)))?.[0];
  const counted = figureWord ? COUNTED.exec(fold(outsideContext(question)).replace(/[’]/g, "'"))?.[1] : undefined;
  // What the figure is asked of fills the slot, not any number of the passage: a sum of money for « combien coûte »,
  // « quel budget » (« 2 millions de postes » does not say a price), a figure of the thing counted for « combien de
  // salariés » (« 80 000 agents » does not count habitants).
  const figureClauseWords = figureWord ? words(askingClause(fold(outsideContext(question)), figureWord)) : [];
  // « combien de monter … » counts nothing (an infinitive); « de combien » asks a change, in any unit, and a saving too
  // (« économiser combien de licences » : « 15 millions d'euros de licences »).

  const change =
    /\bde combien\b/.test(fold(outsideContext(question))) || holdsPhrase(figureClauseWords, slot("économie"));
  const countedSet =
    counted !== undefined && !FREE_COUNTS.has(frStem(counted)) && !/[^i]er$/.test(counted) && !change
      ? countedKind(countedStems(fold(outsideContext(question)).replace(/[’]/g, "'")))
      : new Set<string>();
  const moneyAsked = !!figureWord && !change && countedSet.size === 0 && holdsPhrase(figureClauseWords, slot("argent"));
  const sumKinds = moneyAsked ? sumKindsAsked(figureClauseWords) : [];
  const figureIn = (text: string, slotted: boolean) => {
    if (hourWord) return HOUR.test(text);
    const plain = withoutReferences(text).replace(NAMED_NUMBER, "$1$2");
    // « Tchap est gratuit » answers « combien coûte Tchap ? » without a number.
    if (moneyAsked && holdsPhrase(words(plain), slot("gratuit"))) return true;
    // « Quel est le chiffre d'affaires de Ciril GROUP ? »: the sum of a sentence that says what it measures (« le
    // rachat … 525 M€ » is not a turnover).
    if (slotted && moneyAsked)
      return sumKinds.length
        ? plain.split(SENTENCE).some((s) => moneyIn(s) && namesSumKind(s, sumKinds))
        : moneyIn(plain);
    if (slotted && countedSet.size)
      return (
        holdsCount(plain, countedSet) ||
        [...fold(plain).matchAll(SPELLED_COUNT)].some((m) => countedSet.has(frStem(m[1]!))) ||
        countsByPronoun(plain, countedSet)
      );
    // A number written out before what the question counts (« combien de groupements » : « par dix groupements
    // régionaux ») is a figure too; « deux structures » is not a budget.
    return (
      holdsAsked(plain, figure) ||
      (counted !== undefined && [...fold(plain).matchAll(SPELLED_COUNT)].some((m) => frStem(m[1]!) === frStem(counted)))
    );
  };
  // A figure of the year asked (« Combien de personnes sont venues à l'édition 2025 ? »): in a sentence that says
  // that year, not the figure of another edition beside it. A year in another clause of the question (« La ville
  // revenue à Windows en 2017, combien disait-elle avoir économisé ? ») dates what it is about, not the figure.
  const figureClause = figureWord ? askingClause(fold(outsideContext(question)), figureWord) : "";
  const asOf = dates.filter(
    (d) =>
      (!d.word.includes(" ") || /\d{4}$/.test(d.word)) &&
      (!figureWord || occurs(d.word, passageWords(figureClause), true)),
  );
  const holdsFigure = (text: string, slotted = false) =>
    asOf.length === 0
      ? figureIn(text, slotted)
      : withoutReferences(text)
          .split(SENTENCE)
          .some((s) => figureIn(s, slotted) && asOf.every((d) => occurs(d.word, passageWords(s), true)));
  // A passage that answers says the figure asked is not known (« Aucune des sources consultées ne publie de chiffre
  // d'économies ou de coût total du projet »), in a sentence about what the question names: the corpus says so
  // itself, rather than quoting the figures beside it as an answer.
  const unknownFigure = (i: number) =>
    parts[i]!.statedFigure.some((s) =>
      terms.some(
        (t) =>
          !isGeneric(t) &&
          !t.date &&
          !FIGURE_NOUNS.has(frStem(t.word)) &&
          !STATED_WORDS.has(frStem(t.word)) &&
          occurs(t.word, s),
      ),
    );
  const figureAbsent = perPassage.flatMap((p, i) => (covers(p) && unknownFigure(i) ? [i] : []));
  // … unless those sentences name nothing the question asks but its names (« Les sources consultées ne donnent ni le
  // nombre de postes concernés à la Ville de Lyon, ni le calendrier détaillé, ni un bilan des économies » does not say
  // that the grant of « Lyon a reçu combien de l'ANCT ? » is unknown) while a passage that answers gives a figure.
  // A collectivité typed in lower case (« la ville de lyon ») is a name too.
  const collectivities = new Set([...fold(question).matchAll(COLLECTIVITY_NAMED)].map((m) => m[1]!));
  const absentOfAsked = figureAbsent.some((i) =>
    parts[i]!.statedFigure.some((s) =>
      terms.some(
        (t) =>
          !t.name &&
          !collectivities.has(t.word) &&
          // What « combien de postes » counts is what is asked, general word or not.
          (!isGeneric(t) || (!!counted && frStem(t.word) === frStem(counted))) &&
          !t.date &&
          !FIGURE_NOUNS.has(frStem(t.word)) &&
          !STATED_WORDS.has(frStem(t.word)) &&
          t.variants.some((v) => occurs(v, s)),
      ),
    ),
  );
  const figureStatedElsewhere = !absentOfAsked && relevant.some((j) => holdsFigure(results[j]!.text));
  if (figure.length && relevant.length && figureAbsent.length && !figureStatedElsewhere) {
    const lacking = [...new Set(figureAbsent.flatMap((i) => statedAbsent(i).map((t) => t.word)))];
    return {
      answerable: false,
      reason: "stated-absent",
      missing: lacking.length ? lacking : [figureWord!],
      coverage: best.weighted,
      relevant: [],
    };
  }
  // The slot may be filled by another section of a document that answers, retrieved lower or set aside by the cap
  // of passages per document (« Le SILL en chiffres » beside « Le SILL : le catalogue… »): the answer quotes it.
  const sameDocumentHeld = (i: number) =>
    results[i]!.document.kind === "catalog"
      ? []
      : [...results.filter((_, j) => j !== i), ...held]
          .filter((h) => h.document.title === results[i]!.document.title)
          .map((h) => h.text);
  const fills = (i: number, test: (text: string) => boolean) =>
    test(results[i]!.text) || sameDocumentHeld(i).some(test);
  // … by a passage that answers, or one that covers the question's words beside it (« onze magistrats de la CPI »
  // in a section on the judge, while the chronology answers).
  // Only when no passage retrieved fills it at all: the passage that does may not be judged to answer (« onze
  // magistrats de la CPI » in a section on the judge, while the chronology answers), and the answer quotes it.
  const slotHolders = [
    ...new Set([...relevant, ...perPassage.flatMap((p, i) => (covers(p) && holdsAll(i) ? [i] : []))]),
  ];
  // A passage retrieved is about the same subject when it, or another section of its document, holds every name of
  // what is asked (« Combien d'habitants compte Fontaine ? » is not answered by the habitants of Échirolles).
  const retrieved = [...results, ...held];
  const wordsOf = retrieved.map(resultWords);
  const sameSubject = (k: number) =>
    askedNames.every((t) =>
      retrieved.some(
        (r, j) =>
          (j === k || (r.document.title === retrieved[k]!.document.title && r.document.kind !== "catalog")) &&
          holds(t, wordsOf[j]!),
      ),
    );
  const unfilled = (test: (text: string) => boolean) =>
    !slotHolders.some((i) => fills(i, test)) && !retrieved.some((r, k) => sameSubject(k) && test(r.text));
  if (
    (figure.length || hourWord) &&
    relevant.length &&
    (!relevant.some((i) => holdsFigure(results[i]!.text)) ||
      ((moneyAsked || countedSet.size > 0) && unfilled((text) => holdsFigure(text, true))))
  )
    return {
      answerable: false,
      reason: "missing-figure",
      missing: [hourWord ?? figureWord!],
      coverage: best.weighted,
      relevant: [],
    };
  // A question asking only a date (« En quelle année la société Commvault a-t-elle été fondée ? ») is answered by a
  // passage that gives one, in its text or heading (a source's reference is not the date of a fact).
  if (
    relevant.length &&
    asksOnlyDate(question) &&
    !slotHolders.some((i) => holdsAsked(results[i]!.section, ["date"])) &&
    unfilled((text) => holdsAsked(withoutReferences(text), ["date"]))
  )
    return {
      answerable: false,
      reason: "missing-date",
      missing: [],
      coverage: best.weighted,
      relevant: [],
    };
  // « Qui va gagner les élections municipales de 2026 à Lyon ? » asks who wins: a passage that answers says who did.
  const asking = words(outsideContext(question));
  const winnerAsked = slot("vainqueur").find((e) => holdsPhrase(asking, [e]));
  // « Qui va gagner les élections municipales ? », with no year, asks a forecast: no source says who will win,
  // whatever passage speaks of a past election (« une nouvelle majorité élue en 2020 »).
  if (winnerAsked && !terms.some((t) => t.date) && slot("pronostic").some((e) => holdsPhrase(asking, [e])))
    return { answerable: false, reason: "missing-winner", missing: [], coverage: best.weighted, relevant: [] };
  // Who won is said in a sentence that names what was won (the election, its year, its place), by a word of victory
  // that is not a noun (« a été réélu », not « les élus » of a council, which the corpus writes everywhere).
  const winnerWords = new Set(winnerAsked ?? []);
  const contest = terms.filter((t) => !t.verb && !t.modifier && !winnerWords.has(t.word));
  const victory = (list: string[]) =>
    slot("victoire").some((e) =>
      list.some((_, k) => e.every((w, j) => list[k + j] === w) && !DETERMINERS.has(list[k - 1] ?? "")),
    );
  const saysWinner = (i: number) =>
    parts[i]!.sentences.some(
      (s) => victory(s.list) && contest.every((t) => t.variants.some((v) => occurs(v, s)) || holds(t, heading[i]!)),
    );
  if (winnerAsked && relevant.length && !slotHolders.some(saysWinner))
    return { answerable: false, reason: "missing-winner", missing: [], coverage: best.weighted, relevant: [] };
  const stated = [...new Set(perPassage.flatMap((p, i) => (covers(p) ? statedAbsent(i).map((t) => t.word) : [])))];
  if (relevant.length === 0 && stated.length)
    return { answerable: false, reason: "stated-absent", missing: stated, coverage: best.weighted, relevant };
  if (relevant.length === 0 && (dates.length || names.length) && perPassage.some(covers)) {
    return {
      answerable: false,
      reason: "missing-name",
      missing: [...dates, ...names].map((d) => d.word),
      coverage: best.weighted,
      relevant,
    };
  }
  if (relevant.length === 0)
    return {
      answerable: false,
      reason: "low-coverage",
      missing: topics(best.missing),
      coverage: best.weighted,
      relevant,
    };
  return { answerable: true, reason: "ok", missing: [], coverage: best.weighted, relevant };
}

/**
 * Words of the digital domain (`domain-words.txt`), folded, the stems of five letters or more among them, and its
 * phrases (lines with commas: « mot de passe », « en ligne »).
 */
const DOMAIN_LINES = readFileSync(new URL("../i18n/fr/domain-words.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"));
const DOMAIN_WORDS = new Set(
  DOMAIN_LINES.filter((l) => !l.includes(","))
    .flatMap((l) => fold(l).split(/[^a-z0-9-]+/))
    .filter(Boolean),
);
const DOMAIN_STEMS = new Set([...DOMAIN_WORDS].map(frStem).filter((s) => s.length >= 5));
const DOMAIN_PHRASES = DOMAIN_LINES.filter((l) => l.includes(","))
  .flatMap((l) => l.split(","))
  .map((p) => words(p).join(" "))
  .filter(Boolean);
/** Is a folded word one of the digital domain's, as written, in the plural or by a long enough stem? */
export function domainWord(word: string): boolean {
  const stemmed = frStem(word);
  return (
    DOMAIN_WORDS.has(word) ||
    DOMAIN_WORDS.has(word.replace(/[sx]$/, "")) ||
    (stemmed.length >= 5 && DOMAIN_STEMS.has(stemmed))
  );
}
/** Does a question use a word or a phrase of the digital domain? */
export function speaksOfDomain(question: string): boolean {
  const list = words(ligatures(question));
  const joined = ` ${list.join(" ")} `;
  return list.some(domainWord) || DOMAIN_PHRASES.some((p) => joined.includes(` ${p} `));
}
/** Verbs of mood or of near future, folded, before an object pronoun and an infinitive (« je peux les reprendre »). */
const MOOD_VERB =
  "(?:peux|peut|pouvons|pouvez|peuvent|dois|doit|devons|devez|doivent|veux|veut|voulons|voulez|veulent|vais|va|allons|allez|vont|faut|sais|sait|savons|savez|savent)";
/** A word of a question's topic that fewer passages than this hold is one the corpus uses only in passing. */
const PASSING = 12;
/**
 * The words of a question's topic the corpus uses only in passing, when the question has no word of the digital domain
 * and names nothing the corpus often cites, nor anything a passage read is about (« Comment modifier le PLU pour
 * construire un lotissement ? » : « plu », « lotissement ») — empty otherwise. Its topic is in its nouns (« un
 * lotissement », « une piste cyclable ») and the complements of its nouns (« une demande de subvention »); not in its
 * verbs and adjectives (« économisé », « concernée »), nor in the domain's general words (« mairie »).
 */
export async function offDomainWords(
  question: string,
  terms: QuestionTerm[],
  frequency: CorpusFrequency,
  headings: ReturnType<typeof passageWords>[],
): Promise<string[]> {
  if (speaksOfDomain(question)) return [];
  const rarity = async (t: QuestionTerm) => {
    const parts = t.word.split(" ").filter((w) => !STOPWORDS.has(w));
    return parts.length ? Math.min(...(await Promise.all(parts.map((w) => frequency(w))))) : Number.POSITIVE_INFINITY;
  };
  const rare: string[] = [];
  for (const t of terms) {
    if (t.date) continue;
    const count = await rarity(t);
    // « Nokia, c'est un équipementier de quel pays ? », « VLC, le lecteur vidéo » : a passage read is about a rare word
    // of the question (its catalog card, a section's heading), which is then what it asks.
    // Not a verb (« construire » in « Construire le calendrier de la collectivité »).
    const verbal = t.verb || t.modifier || (!t.noun && !t.name && !t.clauseStart && /(?:er|ir|re)$/.test(t.word));
    if (count <= PASSING && !verbal && !isGeneric(t) && headings.some((h) => holds(t, h))) return [];
    // « Lyon », « l'Aveyron », « la Gendarmerie »: a name the corpus knows is its topic, whatever the other words;
    // not an acronym it writes in passing (« le PLU », twice, in catalog cards of mapping tools).
    const acronym = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t.word.toUpperCase())}(?![\\p{L}\\p{N}])`, "u").test(
      question,
    );
    if ((t.name || t.alias) && count > 0 && (count > PASSING || !acronym)) return [];
    if (t.verb || t.modifier || t.user || isGeneric(t) || FRAME.has(t.word)) continue;
    // « je peux les reprendre », « on va la changer »: after a verb of mood, « le », « la », « les » is a pronoun.
    if (new RegExp(`\\b${MOOD_VERB}\\s+(?:le|la|les|l')\\s*${escapeRegExp(t.word)}\\b`).test(spaced(question)))
      continue;
    const head = complementOf(question, t.word);
    const noun =
      t.noun ||
      acronym ||
      (!!head && terms.some((h) => h !== t && !h.verb && !h.modifier && frStem(h.word) === frStem(head)));
    // A word the corpus never uses is not one it uses in passing (the unknown words' own rule weighs those).
    if (noun && count > 0 && count <= PASSING) rare.push(t.word);
  }
  return rare;
}

/**
 * The laws a catalog card says its product is exposed to (« Exposition : CLOUD Act (États-Unis), FISA section 702
 * (États-Unis). »), folded, without their country: « cloud act », « fisa section 702 ».
 */
export function exposureLaws(card: string): string[] {
  const line = /Exposition(?: à des lois extra-européennes)?\s*:\s*([^.\n]+)/u.exec(card)?.[1] ?? "";
  return line
    .split(/,\s*/)
    .map((l) => words(l.replace(/\([^()]*\)/g, " ")).join(" "))
    .filter((l) => l.length > 2);
}

/** A question asking yes or no: no interrogative word (« qui », « quel », « combien », « comment »…), ending with « ? ». */
export function polar(question: string): boolean {
  const text = fold(question).replace(/[’]/g, "'");
  return (
    /\?\s*$/.test(text) &&
    !/\b(?:qui|que|qu'|quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|combien|comment|pourquoi|ou|quand|d'ou)\b/.test(
      text.replace(/\best-ce qu(?:e|')/g, ""),
    )
  );
}

/**
 * The last year the corpus's sources cover: the latest one it uses in at least `HORIZON_PASSAGES` passages
 * (2026 for sources that stop in the spring of 2026; « d'ici 2027 » is a plan, not a fact).
 */
async function corpusHorizon(frequency: CorpusFrequency): Promise<number> {
  const now = new Date().getFullYear();
  for (let year = now + 5; year >= 2000; year--) if ((await frequency(String(year))) >= HORIZON_PASSAGES) return year;
  return 0;
}
const HORIZON_PASSAGES = 100;

/** Corpus frequency of a word from the full-text index, cached (the corpus changes only on re-index). */
export function frequencyFrom(searchText: (foldedQuery: string, k: number) => Promise<unknown[]>): CorpusFrequency {
  const cache = new Map<string, number>();
  return async (word) => {
    const key = fold(word);
    let n = cache.get(key);
    if (n === undefined) {
      n = (await searchText(key, 2000)).length;
      if (cache.size > 5000) cache.clear();
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
  const cache = new Map<string, boolean>();
  return async (word) => {
    const key = fold(word);
    let known = cache.get(key);
    if (known === undefined) {
      const hits = await searchText(key, 50, undefined, { withChunks: true });
      // « Tresorit », « Redis »: found by the index only through words that share its stem (« trésor »,
      // « Redistributable »), never written: a name the corpus does not know, not a plain word.
      known =
        hits.some((h) => !!h.chunk && writesAsName(h.chunk.text, key)) ||
        (hits.length > 0 && !hits.some((h) => !!h.chunk && occurs(key, passageWords(h.chunk.text))));
      if (cache.size > 5000) cache.clear();
      cache.set(key, known);
    }
    return known;
  };
}

/** Whether a text holds a folded word capitalised where a sentence does not start (« la ville de Lyon »). */
export function writesAsName(text: string, folded: string): boolean {
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!/^\p{Lu}/u.test(m[0]) || fold(m[0]) !== folded) continue;
    if (!LINE_START.test(text.slice(Math.max(0, m.index - 40), m.index).replace(/\b[cdjlmnst]['’]$|\bqu['’]$/i, "")))
      return true;
  }
  return false;
}

/** The asker introducing themself (« Nous sommes une petite commune de l'Ariège », « Je suis élu à Foix »). */
const INTRODUCTION =
  /(?<=^|[.!?]\s+)(?:bonjour[,!]?\s+)?(?:je suis|nous sommes|on est|j'habite|nous habitons)\s[^,;:?!.]*/giu;
/**
 * The asker introducing themself by their role in an unnamed collectivité, before a comma (« Maire d'une petite
 * commune de la Creuse, … », « Adjointe d'un village du Cantal, … »): the indefinite article says it is who asks,
 * not whom the question is about (« Le maire de Lyon, … »). Role nouns from `person-roles.txt`.
 */
const ROLE_INTRODUCTION = new RegExp(
  `^(?:bonjour[,!]?\\s+)?(?:${readFileSync(new URL("../i18n/fr/person-roles.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .flatMap((l) => l.split(/\s+/))
    .filter((w) => w && !/^(?:personne|personnes|homme|femme|fils|fille)$/.test(w))
    .join("|")})\\s+(?:d'|d’|de\\s+)(?:une?|la\\s+petite|un\\s+petit)\\s[^,;:?!.]*`,
  "giu",
);
/** The asker's own collectivité named (« Notre commune de Saint-Girons », « ma ville, Foix »). */
const OWN_PLACE =
  /(?<![\p{L}])(?:[Nn]otre|[Mm]a|[Mm]on)\s+(?:commune|ville|village|mairie|collectivit[ée]|communaut[ée]|agglom[ée]ration|agglo|intercommunalit[ée]|interco|d[ée]partement|r[ée]gion|territoire|syndicat|ccas)\s+(?:de\s+|d'|d’|du\s+|des\s+)(?:l'|l’|la\s+|le\s+|les\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu;

/** The asker's collectivité as the subject of what is asked (« notre agglomération a-t-elle … », « ma commune est-elle … »). */
const OWN_SUBJECT =
  /(?<![\p{L}])(?:[Nn]otre|[Mm]a|[Mm]on)\s+(?:commune|ville|village|mairie|collectivit[ée]|communaut[ée]|agglom[ée]ration|agglo|intercommunalit[ée]|interco|d[ée]partement|r[ée]gion|territoire)\s+(?:[\p{L}'’]+\s+)?[\p{L}]+-(?:t-)?(?:elle|il)\b/u;

/** What is asked pointing back at the asker's place (« chez nous », « dans notre département », « près de chez moi »). */
const OWN_REFERENCE =
  /(?<![\p{L}])(?:chez\s+(?:nous|moi)|(?:notre|nos|mon|ma)\s+(?:d[ée]partement|r[ée]gion|territoire|secteur|coin|canton|c[ôo]t[ée]|environs))(?![\p{L}])/iu;

/**
 * The question without the asker's introduction of themself and their collectivité, when it comes before what is
 * asked and apart from it (a comma, a colon or a full stop between them): « Nous sommes une petite commune de
 * l'Ariège : par où commencer pour sortir de Microsoft ? » asks where to start, not about the Ariège; « Notre commune
 * de Saint-Girons a-t-elle le label ? » asks about Saint-Girons. `null` when it has none; `removed`, what was taken out.
 */
export function withoutIntroduction(question: string): { question: string; removed: string } | null {
  // « Je suis adjoint à Rodez : notre agglomération a-t-elle déjà un plan … ? » asks about the asker's collectivité
  // itself, which the introduction names: it is not only who asks.
  if (OWN_SUBJECT.test(question)) return null;
  // « Maire d'un village du Cantal, existe-t-il un syndicat départemental chez nous … ? »: what is asked points back
  // at the place the introduction names (« chez nous », « notre département »): it is what the question is about.
  if (OWN_REFERENCE.test(question)) return null;
  const spans: [number, number][] = [];
  for (const re of [INTRODUCTION, ROLE_INTRODUCTION, OWN_PLACE])
    for (const m of question.matchAll(re)) {
      const end = m.index + m[0].length;
      const ask = question.indexOf("?", end);
      if (ask > 0 && /[,;:.]/.test(question.slice(end, ask))) spans.push([m.index, end]);
    }
  if (!spans.length) return null;
  let rest = question;
  let removed = "";
  for (const [a, b] of spans.sort((x, y) => y[0] - x[0])) {
    removed += ` ${question.slice(a, b)}`;
    rest = `${rest.slice(0, a)}${" ".repeat(b - a)}${rest.slice(b)}`;
  }
  return { question: rest, removed };
}
