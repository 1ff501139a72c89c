/** The terms a question asks about, each read as a name, a place, a figure or a plain word. */
import { readFileSync } from "node:fs";
import { BoundedMap } from "../core/bounded.ts";
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListEntries, wordListSections } from "../i18n/word-lists.ts";
import { answerKindWords } from "./answer-kind.ts";
import { askedClauseStart, CLAUSE_END, contextSpans, readAsker } from "./asker/index.ts";
import { broaderOf, DEMONYMS, phrasesFound, settingWords, synonymsOf, words } from "./french.ts";
import { idiomMatches } from "./idioms.ts";
import { FRAME, isGeneric, ligatures, type QuestionTerm, STOPWORDS } from "./lexicon.ts";
import {
  COMMON_ACRONYMS,
  COUNTRY_ADJECTIVES,
  COUNTRY_CITIES,
  DETERMINERS,
  DIVISION_PHRASES,
  headCount,
  isRoleNoun,
  KNOWN_FOR,
  METONYMIES,
  NATIONALITY_CHOICE,
  PERIPHRASES,
  PHRASE_METONYMIES,
  RANGE_CODES,
  roleAsked,
  TRADE_ACRONYMS,
  tradeAcronymsWrittenOut,
  UNNAMED_CITY,
  UNNAMED_PLACE,
  VAGUE_ORIGIN,
} from "./names-places.ts";

/** A verb in the imperative followed by its object pronoun (« Donnez-moi », « Dites-le »). */
const IMPERATIVE = /^\p{L}{3,}-(?:moi|toi|lui|leur|le|la|les|en|y)$/iu;
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
/** The determiner opening an infinitive's object (« ouvrir des fichiers », « lire les pdf »), folded. */
const OPENED_OBJECT = /^(?:des|les|le|la|un|une|nos|notre|mes|mon|ma|ses|son|sa|l'.*)$/;

/**
 * « Tours Métropole », « Vienne Condrieu Agglomération »: capitalised words before a collectivité's noun written with
 * its capital name it, wherever they stand — the first one is no sentence capital, even when the corpus uses it as a
 * plain word (« tours »).
 */
const NAMED_COLLECTIVITY =
  /(?<![\p{L}\p{N}'’-])(\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*)*?\s+(?:Métropole|Metropole|Agglomération|Agglo|Communauté)(?![\p{L}])/gu;

/**
 * After a lower-case word that opens a question, a verb of which it is the subject (« vannes a migré … », « limoges
 * est passée … », « grist va-t-il … »): the word is what the question is about, typed without its capital — a name
 * if the corpus writes it as one or never uses it (`resolveNames`).
 */
export const SUBJECT_VERB = new Set(
  readFileSync(new URL("../i18n/fr/subject-verbs.txt", import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#")),
);
/** Words opening a question before its subject (« combien istres a économisé … ? »). */
const BEFORE_SUBJECT = /^(?:combien|comment|pourquoi|quand|depuis)$/;
/** Its article (« la sarre quitte … ? »): the subject after it is a name only if the corpus never uses it. */
const ARTICLE = /^(?:la|le)$/;
/** Words that are never a town typed in lower case, though a verb follows them (« combien ça a coûté »). */
/**
 * « chateau du loir est passée … », « vernon dans l'eure a migré … », « bourg en bresse a … »: a town typed in lower
 * case at the head of the question, with the words that end its name or place it (« du loir », « dans l'eure »),
 * then its verb. Up to three lower-case words after a linking word (`place-links.txt`), then a verb of
 * `subject-verbs.txt`.
 */
function verbAfterPlaceTail(tokens: RegExpMatchArray[], i: number): boolean {
  const link = fold(tokens[i + 1]?.[0] ?? "");
  if (!PLACE_LINKS.has(link) && !/^[dl]'\p{L}/u.test(link)) return false;
  for (let j = i + 2; j <= i + 4 && j < tokens.length; j++) {
    const raw = tokens[j]![0];
    if (/\p{Lu}/u.test(raw)) return false;
    if (j > i + 2 && (SUBJECT_VERB.has(fold(raw)) || INVERTED.test(raw))) return true;
  }
  return false;
}
/**
 * The one-word nouns of a town's or a grouping's kind (`collectivity-kinds.txt`: « métropole », « agglo »), folded.
 */
const TOWN_KIND_NOUNS = new Set(
  ["commune", "intercommunalité"]
    .flatMap((k) => wordListSections("collectivity-kinds.txt").get(k) ?? [])
    .flatMap((e) => {
      const w = fold(e);
      return w.includes(" ") ? [] : [w];
    }),
);
/**
 * « nantes métropole a-t-elle migré … », « quimper agglo utilise … »: a town typed in lower case at the head of the
 * question, the noun of its grouping's kind after it, then its verb.
 */
function verbAfterKindNoun(tokens: RegExpMatchArray[], i: number): boolean {
  if (!TOWN_KIND_NOUNS.has(fold(tokens[i + 1]?.[0] ?? ""))) return false;
  const verb = tokens[i + 2]?.[0] ?? "";
  return SUBJECT_VERB.has(fold(verb)) || INVERTED.test(verb);
}
/**
 * « est-ce que reims a voté … », « qu'a décidé nice sur … » (held-out-30, premises31): the word after « est-ce que »
 * before a verb, or after « qu'a » and its participle before a preposition or the end, is the subject of the question's
 * verb, as a word opening it is.
 */
function subjectAfterAsking(tokens: RegExpMatchArray[], i: number): boolean {
  const at = (k: number) => fold(tokens[k]?.[0] ?? "").replace(/[’]/g, "'");
  const next = tokens[i + 1]?.[0] ?? "";
  // (Not a noun after its elided article: « qu'a pensé l'association de défense du logiciel libre … ».)
  return (
    i === 2 &&
    !/^[ld]['’]/i.test(tokens[i]?.[0] ?? "") &&
    /^qu'(?:a|ont)$/.test(at(0)) &&
    /^[a-z]{3,}(?:e|es|i|is|it|u|us)$/.test(at(1)) &&
    (!next || STOPWORDS.has(fold(next)))
  );
}
/** Words after a lower-case word opening the question that make it what the question is about (« kopano comme … »). */
const SUBJECT_LINKS = new Set(
  readFileSync(new URL("../i18n/fr/subject-links.txt", import.meta.url), "utf8")
    .split("\n")
    .map((l) => fold(l.trim()))
    .filter((l) => l && !l.startsWith("#")),
);
const PLACE_LINKS = new Set(
  readFileSync(new URL("../i18n/fr/place-links.txt", import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#")),
);
const NOT_SUBJECT = /^(?:ca|cela|ceci|il|elle|ils|elles|on|je|nous|vous|tout|tous|chacun|personne|quelqu)$/;

/** Prepositions before a country a thing comes from or is in (« de Norvège », « en Irlande »), folded. */
const ORIGIN = /^(?:de|du|des|en|au|aux|depuis|vers|via)$/;

/** Prepositions after which a word is a noun (« en kilos »). */
const NOUN_PREPOSITIONS = /^(en|avec|sans|sur|sous|chez|contre|entre|vers|parmi|durant|pendant)$/;

/** Subject pronouns: the word after one is a verb (« il vient d'où »). */
const SUBJECT_PRONOUNS = /^(il|elle|ils|elles|on|je|j|nous|vous)$/;
/** Words after which « le », « la », « les » is an object pronoun (« qui le maintient », « ne la voit »). */
const OBJECT_AFTER = /^(qui|ne|n|il|elle|ils|elles|on|je|nous|vous)$/;

const YEAR = /^(19|20)\d{2}$/;
const MONTH = /^(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)$/;
/**
 * A move toward another named product later in the question (« … et on veut passer à LibreOffice »): the version
 * before it is the one left (`version-left.txt`).
 */
const MOVE_TO = new RegExp(
  `(?:^|[^\\p{L}])(?:${wordListEntries("version-left.txt")
    .map((e) => fold(e).replace(/ /g, "\\s+"))
    .join("|")})\\s+(?:l'|le\\s+|la\\s+|les\\s+|du\\s+|des\\s+)?\\p{Lu}`,
  "u",
);
/** Accents off, capitals kept (the move must lead to a name). */
const foldKeepCase = (t: string) => t.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’]/g, "'");
const WEEKDAY = /^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/;
const MONTH_YEAR =
  /\b(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s+((?:19|20)\d{2})\b/g;

/**
 * The content words of a question, names and years marked. « Schleswig-Holstein », « États-Unis » stay one name; a
 * phrase of the synonym list (« Sécurité sociale ») is one term with its synonyms; an adjective of nationality
 * (« espagnol ») counts as its country's name.
 */
export function questionTerms(asked: string): QuestionTerm[] {
  let terms = knownTerms.get(asked);
  if (!terms) knownTerms.set(asked, (terms = termsOf(asked)));
  // A copy for each caller, as when they were worked out anew: callers mark, complete or drop terms in place.
  return structuredClone(terms);
}
/**
 * The terms of the questions read lately, by their text: one retrieval asks for those of the same question or part of
 * it some three times and more (its ranking, its relevance checks, its two parts, its card), each reading it anew.
 */
const knownTerms = new BoundedMap<string, QuestionTerm[]>(512);

function termsOf(asked: string): QuestionTerm[] {
  // « cœurs »: a ligature written out, as the passages' words are (« coeurs »).
  const question = unquoted(ligatures(asked));
  const out = new Map<string, QuestionTerm>();
  const inPhrase = new Set<string>();
  // « dans une commune », « une mairie doit-elle … »: the collectivité the question is asked for, which a page on the
  // collectivités covers (`settingWords`).
  const settings = new Set(settingWords(question));
  const broader = (w: string) => (settings.has(w) ? broaderOf(w) : []);
  for (const { phrase, group } of phrasesFound(question)) {
    out.set(phrase, { word: phrase, variants: [...group, ...broader(phrase)], name: false });
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
  // « groupements d'intérêt public »: what an acronym of the trade stands for is one term, held by a passage that
  // writes the acronym (« GIP »).
  for (const { phrase, acronyms } of tradeAcronymsWrittenOut(question)) {
    if (phrase.split(" ").every((w) => inPhrase.has(w))) continue;
    out.set(phrase, { word: phrase, variants: [phrase, ...acronyms], name: false });
    for (const w of phrase.split(" ")) inPhrase.add(w).add(`${w}s`).add(`${w}x`);
  }
  // « Grand Est », « Pays de la Loire »: a région or a département of several words is one name.
  const foldedText = fold(question).replace(/[’]/g, "'");
  for (const phrase of DIVISION_PHRASES) {
    if (!joined.includes(` ${phrase} `) || phrase.split(" ").every((w) => inPhrase.has(w))) continue;
    const at = new RegExp(`(?<![a-z0-9])${phrase.split(" ").map(escapeRegExp).join("[\\s'-]+")}(?![a-z0-9])`).exec(
      foldedText,
    );
    const inContext = !!at && contextSpans(question).some(([a, b]) => at.index >= a && at.index < b);
    out.set(phrase, { word: phrase, variants: [phrase], name: true, ...(inContext ? { context: true } : {}) });
    for (const w of phrase.split(" ")) inPhrase.add(w);
  }
  const { context: contextOf, ownTerms } = readAsker(question);
  for (const m of fold(question).matchAll(MONTH_YEAR)) {
    // (A month of the asker's situation, « notre contrat se termine le 30 juin 2026 », counts where a passage holds it.)
    const inside = (spans: readonly [number, number][]) => spans.some(([a, b]) => m.index >= a && m.index < b);
    out.set(`${m[1]} ${m[2]}`, {
      word: `${m[1]} ${m[2]}`,
      variants: [`${m[1]} ${m[2]}`],
      name: true,
      date: true,
      ...(inside(contextOf) ? { context: true } : {}),
      ...(inside(ownTerms) ? { own: true } : {}),
    });
    inPhrase.add(m[1]!).add(m[2]!);
  }
  // « la version 26 de Keycloak » asks what « Keycloak 26 » asks: the number is the product's version (below).
  const text = question
    .replace(/[’]/g, "'")
    // (« la version 4 de tchap »: a product typed in lower case too, not an article: « la version 2 de la … ».)
    .replace(/\b(version)\s+(\d{1,2})\s+(?:de\s+|d')(\p{L}[\p{L}\p{N}]*)(?![\p{L}\p{N}.'])/gu, (all, v, n, name) =>
      /^\p{Lu}/u.test(name) || !STOPWORDS.has(fold(name)) ? `${v} ${name} ${n}` : all,
    );
  const tokens = [...text.matchAll(/[\p{L}\p{N}'-]+/gu)];
  const start = askedClauseStart(tokens);
  const sized = new Set<string>();
  // « au conseil quelqu'un demandait … »: who asks, and where, never what (`reportedAsk`), and the question's context.
  const { context: spans, reported: asker } = readAsker(text);
  const role = roleAsked(question);
  const idioms = idiomMatches(tokens.map(({ 0: raw }) => fold(raw).replace(/^([cdjlmnst]|qu)'/, "")));
  const idiom = new Set(idioms.flatMap((m) => m.tokens));
  // « Ça coûte un bras ? » asks a price: an idiom that means a topic of the domain is a term, covered by its meanings.
  for (const m of idioms)
    if (m.meanings.length && !out.has(m.phrase))
      out.set(m.phrase, { word: m.phrase, variants: m.meanings, name: false });
  const namedCollectivity = new Set([...text.matchAll(NAMED_COLLECTIVITY)].map((m) => m.index));
  tokens.forEach(({ 0: raw, index }, i) => {
    if (idiom.has(i)) return;
    const token = raw
      .replace(/^([cdjlmnst]|qu)'/i, "")
      // « Donnez-moi », « dites-le »: the pronoun after an imperative is no part of a compound name.
      .replace(/-(t-)?(il|elle|ils|elles|on|je|nous|vous|ce|t|moi|toi|lui|leur|le|la|les|en|y)$/i, "")
      .replace(/^-+|-+$/g, "");
    if (!token) return;
    const folded = fold(token);
    // « une commune de 2000 habitants », « pour 500 agents »: the asker's size, not a figure asked (see `headCount`).
    if (headCount(tokens, i)) return;
    if (i > 0 && headCount(tokens, i - 1)) sized.add(folded);
    // « Windows 12 », « Proxmox VE 9 », « vSphere 8 »: a number of one or two digits right after a product's name is
    // its version, part of what is asked; a passage on the product that does not name that version does not answer.
    // A year (« Office 2013 », not a month's « Janvier 2025 ») stays a date, marked with the name before it (`yearOf`,
    // decided on the passages by `missingNames`, as three digits are: « Firefox 140 »).
    const named = tokens[i - 1]?.[0] ?? "";
    const afterName =
      (/^\p{Lu}/u.test(named) || /\p{Ll}\p{Lu}/u.test(named)) &&
      !COMMON_ACRONYMS.has(fold(named)) &&
      !STOPWORDS.has(fold(named)) &&
      text.slice(index - named.length - 1, index) === `${named} `;
    // Not the thousands of a figure typed with its groups (« visio 40 000 utilisateurs »: forty thousand users).
    const thousands = /^[\s\u00a0\u202f]\d{3}(?![\p{L}\p{N}])/u.test(text.slice(index + raw.length));
    const versioned = afterName && /^\d{1,2}$/.test(folded) && !thousands;
    // « outlook 2013 »: a word typed in lower case right before a year may be a product's name too; only a catalog
    // card or the corpus's own releases of it make it one (`yearTyped`, `missingNames`).
    const yearTyped =
      !afterName &&
      YEAR.test(folded) &&
      /^\p{Ll}[\p{Ll}\p{N}]{2,}$/u.test(named) &&
      !STOPWORDS.has(fold(named)) &&
      !MONTH.test(fold(named)) &&
      text.slice(index - named.length - 1, index) === `${named} `;
    const yearOf =
      (afterName || yearTyped) && YEAR.test(folded) && !MONTH.test(fold(named))
        ? fold(named)
            .replace(/[’]/g, "'")
            .replace(/^(?:[cdjlmnst]|qu)'/, "")
        : undefined;
    // « On a Office 2019 et on veut passer à LibreOffice » : the version left is the asker's setting, not asked.
    if ((yearOf || /^\d{3}$/.test(folded)) && afterName && MOVE_TO.test(foldKeepCase(text.slice(index + raw.length))))
      return;
    // A day of the week (« le jeudi ») dates what is asked like a year: the passage that answers says it. Not after
    // « du » (« la garderie du mercredi », « le marché du samedi »): it names a weekly activity, not a date; nor before
    // the asker asking what to do (« le conseil vote jeudi je dis quoi … »): it dates the asker's own agenda.
    const weekly =
      WEEKDAY.test(folded) &&
      (/(?:^|[^\p{L}])du\s+$/iu.test(text.slice(0, index)) ||
        /^[,;:]?\s+(?:je|j['’]|on|nous)\s/iu.test(text.slice(index + raw.length)));
    if (weekly) return;
    if (YEAR.test(token) || WEEKDAY.test(folded))
      return inPhrase.has(folded)
        ? undefined
        : out.set(folded, {
            word: folded,
            variants: [folded],
            name: true,
            date: true,
            ...(spans.some(([a, b]) => index >= a && index < b) ? { context: true } : {}),
            ...(yearOf ? { yearOf } : {}),
            ...(yearTyped ? { yearTyped: true } : {}),
          });
    const country = DEMONYMS.get(folded.replace(/-/g, " "));
    // Right after a noun (« les communes suisses », « un hébergeur allemand »), it restricts what is asked; after a
    // verb (« est-il américain ? ») or in « de quel pays », it is what is asked.
    const previous = fold(tokens[i - 1]?.[0] ?? "").replace(/^([cdjlmnst]|qu)'/, "");
    // « c'est un service américain ? »: the noun is the attribute of « c'est », and the nationality what it asks, as in
    // « est-il américain ? ».
    const attribute =
      /^(?:un|une)$/.test(fold(tokens[i - 2]?.[0] ?? "")) && /^(?:c'est|est)$/.test(fold(tokens[i - 3]?.[0] ?? ""));
    const attributive =
      !attribute &&
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
    // A version of the name before the number; « ArcMap 10.8 »: the points of the version are part of it (the tokens
    // stop at a point). `typed`: a name typed without its capital.
    const addVersion = (version: string, typed: boolean) => {
      const points = /^(?:\.\d+)+/.exec(text.slice(index + raw.length))?.[0] ?? "";
      out.set(version, {
        word: version,
        variants: [version],
        name: true,
        version: true,
        ...(typed ? { typed: true } : {}),
        ...(points ? { release: `${folded}${points}` } : {}),
      });
    };
    if (versioned) {
      // « L'article 31 »: the elided article is not part of the name (passages write « article 31 » after any word).
      const version = `${fold(named)
        .replace(/[’]/g, "'")
        .replace(/^(?:[cdjlmnst]|qu)'/, "")} ${folded}`;
      addVersion(version, false);
      return;
    }
    // « proxmox ve 10 », « nextcloud hub 40 »: a number after a name of two words typed in lower case is the version
    // of both, a version if the corpus writes its first word as a name (`resolveNames`); a passage holding the number
    // after the second word alone holds it (« microsoft windows 11 »: « Windows 11 »).
    const first = tokens[i - 2]?.[0] ?? "";
    const plainWord = (w: string) =>
      !STOPWORDS.has(fold(w)) &&
      !FRAME.has(fold(w)) &&
      !COMMON_ACRONYMS.has(fold(w)) &&
      !SUBJECT_PRONOUNS.test(fold(w));
    // (Not a release typed with its point, « la qualif secnumcloud 3.2 »: the version of the word before, read below.)
    if (
      /^\d{1,2}$/.test(folded) &&
      !thousands &&
      !/^\.\d/.test(text.slice(index + raw.length)) &&
      /^\p{Ll}{2,}$/u.test(named) &&
      /^\p{Ll}{3,}$/u.test(first) &&
      plainWord(named) &&
      plainWord(first) &&
      text.slice(index - named.length - first.length - 2, index) === `${first} ${named} `
    ) {
      const word = `${fold(first)} ${fold(named)} ${folded}`;
      out.set(word, { word, variants: [word, `${fold(named)} ${folded}`], name: true, version: true, typed: true });
    }
    // « debian 13 », « windows 12 » typed without capitals: a version if the corpus writes the word as a name
    // (`resolveNames`), else nothing (« postes 10 »). Not after a subject pronoun (« on paie 40 licences », « on
    // renouvelle 60 pc »): the word is the asker's verb, the number what they count.
    if (
      /^\d{1,2}$/.test(folded) &&
      !thousands &&
      /^\p{Ll}{3,}$/u.test(named) &&
      !SUBJECT_PRONOUNS.test(fold(tokens[i - 2]?.[0] ?? "").replace(/'.*$/, "")) &&
      !COMMON_ACRONYMS.has(fold(named)) &&
      !STOPWORDS.has(fold(named)) &&
      !FRAME.has(fold(named)) &&
      text.slice(index - named.length - 1, index) === `${named} `
    ) {
      addVersion(`${fold(named)} ${folded}`, true);
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
    // « amsterdam a quitté vmware ? »: a country's capital of the gazetteer opening the question as the subject of its
    // verb is what the question asks about, the town itself, not the country it may stand for (the Dutch State's acts
    // are not Amsterdam's): a passage that answers names it.
    const next = tokens[i + 1]?.[0] ?? "";
    const opensAsSubject =
      i === 0 &&
      !PERIPHRASES.has(word) &&
      !!meanings?.some((m) => COUNTRY_ADJECTIVES.has(m)) &&
      (SUBJECT_VERB.has(fold(next)) || INVERTED.test(next));
    if (meanings)
      return out.set(word, {
        word,
        variants: opensAsSubject ? [word] : [word, ...meanings],
        name: PERIPHRASES.has(word) || opensAsSubject,
        alias: PERIPHRASES.has(word),
        ...(opensAsSubject ? { subject: true } : {}),
      });
    // « iCloud », « vSphere »: a capital inside the word marks a name as well as a first one.
    // « Donnez-moi », « Citez-les »: a verb in the imperative before its pronoun, never a name.
    const imperative = IMPERATIVE.test(raw);
    const capital =
      !imperative &&
      (/^\p{Lu}/u.test(token) || /\p{Ll}\p{Lu}/u.test(token)) &&
      !COMMON_ACRONYMS.has(folded) &&
      (i > 0 || marked || !/^(qu|est|peut|faut|doit|combien|comment|pourquoi)/i.test(token));
    // « l'envoyer », « l'enregistrer »: « l' » before an infinitive is a pronoun, not a determiner.
    // « qui le maintient », « il vient »: after a subject pronoun, or after « le » that is one (« qui le », « ne
    // la »), a word is a verb — it counts where a passage holds it, never against it.
    const before = fold(tokens[i - 1]?.[0] ?? "");
    // « kaspersky on doit l enlever » (trial16 C20): the same « l' » typed without its apostrophe.
    // « ça s'applique quand », « nis2 ca s applique quand » (trial17 D11): after the reflexive « s' », with or without
    // its apostrophe, a verb. Not after « se »: « on peut se marier à la mairie un dimanche ? » asks that verb
    // (held-out-21), « se représente-t-il … ? » too (held-out-6).
    const afterPronoun =
      SUBJECT_PRONOUNS.test(before) ||
      /^s['’]\p{L}/iu.test(raw) ||
      (before === "s" && !/^\p{Lu}/u.test(raw)) ||
      (/^(le|la|les)$/.test(before) && OBJECT_AFTER.test(fold(tokens[i - 2]?.[0] ?? ""))) ||
      (before === "l" && !/^l'/i.test(raw) && MODIFIER.test(folded) && /er$/.test(folded));
    const afterDeterminer =
      !afterPronoun &&
      ((/^(l|qu)'/i.test(raw) && !(/^l'/i.test(raw) && MODIFIER.test(folded) && /er$/.test(folded))) ||
        DETERMINERS.has(before.replace(/^[dlq]u?'/, "")) ||
        // « en kilos », « avec des poules », « sans informaticien »: after these prepositions comes a noun, never an
        // infinitive (unlike « de », « pour », « à »).
        (NOUN_PREPOSITIONS.test(before) && !MODIFIER.test(folded)));
    // « vannes a migré ses partages … ? »: the question's first word, in lower case, subject of the verb after it.
    const beforeVerb = SUBJECT_VERB.has(fold(tokens[i + 1]?.[0] ?? "")) || INVERTED.test(tokens[i + 1]?.[0] ?? "");
    const subject =
      (i === 0 || (i === 1 && BEFORE_SUBJECT.test(fold(tokens[0]?.[0] ?? "")))) &&
      parts.length === 1 &&
      !NOT_SUBJECT.test(folded) &&
      beforeVerb;
    // (« l'italie a … »: a country after its elided article, too.)
    // « je me demande le portugal utilise-t-il … »: the question itself may start after an opener.
    const articled =
      (i === start + 1 && ARTICLE.test(fold(tokens[start]?.[0] ?? ""))) ||
      (i === start && /^l['’]/i.test(raw) && COUNTRY_ADJECTIVES.has(word));
    const typedSubject =
      !capital &&
      (((i === 0 ||
        // (Not a noun after its elided article, « est-ce que l'association … », unless a country's name.)
        (i === start && start > 0 && (!/^[ld]['’]/i.test(raw) || articled)) ||
        (i === start + 1 && (BEFORE_SUBJECT.test(fold(tokens[start]?.[0] ?? "")) || articled))) &&
        (SUBJECT_VERB.has(fold(tokens[i + 1]?.[0] ?? "")) ||
          INVERTED.test(tokens[i + 1]?.[0] ?? "") ||
          (i === 0 && !/^\p{Lu}/u.test(text) && (verbAfterPlaceTail(tokens, i) || verbAfterKindNoun(tokens, i))) ||
          // « kopano comme alternative à exchange … », « blackboard pour la formation … »: the thing asked about.
          (i === 0 && !/^\p{Lu}/u.test(text) && SUBJECT_LINKS.has(fold(tokens[i + 1]?.[0] ?? ""))))) ||
        subjectAfterAsking(tokens, i)) &&
      // (« le royaume-uni a-t-il … »: a country's compound name is one word.)
      (parts.length === 1 || COUNTRY_ADJECTIVES.has(word)) &&
      !NOT_SUBJECT.test(folded) &&
      // « le préfet peut-il … ? »: a role noun (`person-roles.txt`) is someone's function, not a name typed in lower case.
      !isRoleNoun(folded) &&
      // (« est », « peut » as words: « l'estonie héberge … » opens on a country.)
      !/^(?:qu|combien|comment|pourquoi)|^(?:est|peut|faut|doit)$/.test(folded);
    // « ouvrir des fichiers dwg sans autocad », « construire des plans … »: an infinitive in « -ir » or « -re » opening
    // the question before a determiner says what the asker wants to do, as one in « -er » does (`MODIFIER`).
    const opensAsked = i === 0 && /^[a-z]{3,}(?:ir|re)$/.test(folded) && OPENED_OBJECT.test(fold(tokens[1]?.[0] ?? ""));
    const marks = {
      ...((capital && atStart && !namedCollectivity.has(index)) || typedSubject ? { clauseStart: true } : {}),
      ...((capital || typedSubject) && subject ? { subject: true } : {}),
      ...(typedSubject && articled ? { articled: true } : {}),
      ...(capital && namedCollectivity.has(index) ? { collectivity: true } : {}),
      ...(atStart && ADVERB.test(folded) ? { opener: true } : {}),
      ...(INVERTED.test(raw) || imperative || (PLURAL_VERB.test(folded) && !afterDeterminer) ? { verb: true } : {}),
      ...(!capital && parts.length > 1 ? { compound: true } : {}),
      ...(afterDeterminer ? { noun: true } : {}),
      ...(!capital && !afterDeterminer && parts.length === 1 && (MODIFIER.test(folded) || afterPronoun || opensAsked)
        ? { modifier: true }
        : {}),
      // Context: a clause that is not what is asked, or a role noun naming who will use the answer (« nos
      // secrétaires de mairie », « notre trésorier ») unless the question asks who holds it (« qui est le trésorier »).
      ...(inContext || sized.has(folded) ? { context: true } : {}),
      ...(!capital && isRoleNoun(folded) && folded !== role ? { context: true, user: true } : {}),
      ...(!capital && asker && index >= asker[0] && index < asker[1] ? { context: true, user: true } : {}),
    };
    // « d'Allemagne », « en Irlande », « depuis la Chine »: where a thing comes from or is.
    const origin =
      /^d['’]/i.test(raw) ||
      ORIGIN.test(before) ||
      ((/^l['’]/i.test(raw) || /^(?:la|le|les)$/.test(before)) &&
        ORIGIN.test(fold(tokens[i - (/^l['’]/i.test(raw) ? 1 : 2)]?.[0] ?? "")));
    out.set(word, {
      word,
      // « l'Allemagne »: a passage that says « un Land allemand » speaks of it (`places.txt`).
      // « le CCTP »: an acronym of the trade is held by a passage that writes what it stands for.
      variants: [
        ...(parts.length > 1
          ? [word]
          : [
              word,
              ...synonymsOf(word),
              ...(capital || inContext ? [] : broader(word)),
              ...(TRADE_ACRONYMS.get(word) ?? []),
            ]),
        ...(capital ? (COUNTRY_ADJECTIVES.get(word) ?? []) : []),
        // « y en a en Finlande ? »: where a thing is, a passage says by naming a city of that country (« Helsinki »).
        ...(capital && origin ? (COUNTRY_CITIES.get(word) ?? []) : []),
      ],
      name: capital || typedSubject,
      ...marks,
      ...(capital && ofCollectivity ? { collectivity: true } : {}),
      // « L'Espagne a-t-elle une politique … ? »: a country by its own name (`places.txt`) is asked about, like « la
      // Suisse » above; not one a thing comes from or is in (« un éditeur d'Allemagne », « hébergé en Irlande »).
      ...(capital && COUNTRY_ADJECTIVES.has(word) && !origin ? { country: true } : {}),
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
  // « La ville des calissons a-t-elle … ? »: the same for what a city is known for (a periphrase the corpus's lists
  // know, « la cité des papes », was read above as one term; a general word, « la ville de demain », designates none).
  for (const m of text.matchAll(KNOWN_FOR)) {
    const t = out.get(fold(m[1]!).replace(/-/g, " "));
    if (t && !t.name && !isGeneric(t)) out.set(t.word, { ...t, name: true, verbatim: true });
  }
  // « Un éditeur de l'Ouest, il est de quelle ville ? »: a company placed by a point of the compass is in a region too
  // vague for a passage to write; its card says its city.
  for (const m of text.matchAll(VAGUE_ORIGIN)) {
    const word = fold(m[1]!).replace(/-/g, " ");
    if (out.get(word)?.name) out.delete(word);
  }
  // « La troisième ville de France … ? », « Le Land du nord de l'Allemagne … ? »: the same for a rank or a position.
  for (const m of text.matchAll(UNNAMED_PLACE)) {
    const t = out.get(fold(m[1] ?? m[2]!).replace(/-/g, " "));
    if (t && !t.name) out.set(t.word, { ...t, name: true, verbatim: true });
  }
  // « c'est quel pourcentage », « c'est quoi ce sigle », « c'est suffisant ? »: the kind of answer or the judgement
  // asked, by its place in the question, is not what the question is about.
  const kinds = answerKindWords(question);
  for (const t of out.values())
    if (!t.name && !t.date && kinds.has(t.word)) out.set(t.word, { ...t, answerKind: true });
  return [...out.values()];
}
/** A folded question with its hyphens as spaces, for finding a term (« beau-frère » is the term « beau frere »). */
/**
 * The question with its apostrophes used as quotation marks taken out (« GLPI remonte 'MySQL Server 8.0' », « un 'Cap
 * Libre' dedans ») : the name quoted is the name, not « 'mysql » or « libre' »; an elision (« l'April », « aujourd'hui »)
 * stays, its apostrophe being between two letters.
 */
export function unquoted(question: string): string {
  return question
    .replace(/[’‘]/g, "'")
    .replace(/(^|[^\p{L}\p{N}])'(?=[\p{L}\p{N}])/gu, "$1 ")
    .replace(/([\p{L}\p{N}.])'(?![\p{L}\p{N}])/gu, "$1 ");
}

export const spaced = (question: string) => ` ${fold(question).replace(/[’]/g, "'").replace(/-/g, " ")} `;
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
