/** Who and where a question names: roles, aliases and metonymies, personal data, nationalities, unnamed places. */
import { readFileSync } from "node:fs";
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListSectionLines } from "../i18n/word-lists.ts";
import { contextSpans } from "./asker/index.ts";
import { DEMONYMS, stem as frStem, words } from "./french.ts";
import { wordList } from "./lexicon.ts";

/**
 * « Qui est le DSI de… », « C'est qui le DSI de… », « Comment s'appelle la présidente de… », « le nom de la présidente
 * de… »: the role whose holder the question asks.
 */
const WHO =
  /\b(?:(?:qui est|qui sont|qui etait|c'est qui|comment s'appellen?t?) (?:le |la |les |l')|le nom (?:du |des |de la |de l'))([a-z0-9]+)/;

/**
 * « Qui dirige l'UGAP ? », « qui préside le CNLL ? »: a verb of a role (`person-question.txt`, [verbe de rôle]) whose
 * holder the question asks, with the words that name that role in a passage (« dirige », « directeur », « PDG »),
 * folded.
 */
const ROLE_VERBS: Map<string, string[]> = new Map(
  (wordListSectionLines("person-question.txt").get("verbe de rôle") ?? [])
    .filter((l) => l.includes(":"))
    .flatMap((l) => {
      const [verbs, nouns] = l.split(":") as [string, string];
      const named = [...verbs.split(","), ...nouns.split(",")].map((w) => words(w).join(" ")).filter(Boolean);
      return verbs.split(",").map((v) => [words(v).join(" "), named] as [string, string[]]);
    }),
);

/**
 * What, right before a role's noun, makes it the complement of another noun (« adjoint au maire », « a écrit à la
 * présidente ») — not the one who holds it (`person-question.txt`, [complément de rôle]), folded.
 */
const ROLE_COMPLEMENT = (wordListSectionLines("person-question.txt").get("complément de rôle") ?? [])
  .flatMap((l) => l.split(","))
  .map((e) => words(e).join(" "))
  .filter(Boolean);

/** Whether the text before a role's noun ends with what makes it a complement (« … adjoint au »). */
export function roleAsComplement(before: string): boolean {
  const list = ` ${words(before).join(" ")}`;
  return ROLE_COMPLEMENT.some((e) => list.endsWith(` ${e}`));
}

/** The words that name a role in a passage (« patronne » → « directrice », « PDG »…), itself first, folded. */
export const roleNamedBy = (word: string) => [word, ...(ROLE_VERBS.get(word) ?? [])];

/** The verb of a role a question asks who holds (« qui dirige l'UGAP ? » → « dirige » and its nouns), folded. */
export function roleVerbAsked(question: string): { verb: string; named: string[] } | undefined {
  const m = /\bqui (?:est-ce qui )?([a-z]+)\b/.exec(fold(question).replace(/[’]/g, "'").replace(/\s+/g, " "));
  const named = m ? ROLE_VERBS.get(m[1]!) : undefined;
  return named ? { verb: m![1]!, named } : undefined;
}

/** What a question asks of a named person (« quelles études »), from a data file. */
export const ATTRIBUTES = new Set(wordList("../i18n/fr/person-attributes.txt").map(frStem));

/** The role a question asks who holds (« qui est le DSI de Nancy ? » → « dsi »), folded. */
export function roleAsked(question: string): string | undefined {
  const m = WHO.exec(fold(question).replace(/[’]/g, "'").replace(/\s+/g, " "));
  // « c'est qui le nouveau ? », « le nom de la plateforme »: only a role's noun (`person-roles.txt`) asks a holder there.
  if (m && /^(?:c'est|le nom)/.test(m[0]) && !isRoleNoun(m[1]!)) return undefined;
  return m?.[1];
}

/** Determiners: the word after one is a noun (« un policier »), not a verb (« ont laissé tomber »). */
export const DETERMINERS = new Set(wordList("../i18n/fr/determiners.txt"));

/** Role nouns naming a person (« le maire », « la présidente »), folded stems, from a data file. */
const PERSON_ROLES = new Set(wordList("../i18n/fr/person-roles.txt").map(frStem));

/** The role nouns themselves, folded (« organiser » is not « organisateur », though their stems meet). */
const ROLE_WORDS = new Set(wordList("../i18n/fr/person-roles.txt"));
export const isRoleNoun = (folded: string) => ROLE_WORDS.has(folded) || ROLE_WORDS.has(folded.replace(/s$/, ""));

/** Acronyms of common objects and formats (« USB », « PDF »): written in capitals, not names. */
export const COMMON_ACRONYMS = new Set(wordList("../i18n/fr/common-acronyms.txt"));

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
/** With them, the acronyms a DSI writes for a product or a notion the corpus writes in full (« M365 », « MFA »). */
const GAZETTEER: Map<string, string[]> = new Map([...aliasList("gazetteer.txt"), ...aliasList("acronyms-in-full.txt")]);
/**
 * Vendors named by their head office (« Redmond », « Armonk »), and cities, vendors and courts by a periphrase (« la
 * capitale bavaroise », « la Cour de Luxembourg »): what they stand for must be in a passage that answers, and is
 * searched too.
 */
const SEATS: Map<string, string[]> = new Map([...aliasList("seats.txt"), ...aliasList("periphrases.txt")]);
/**
 * Acronyms of the trade (« CCTP », « DPO », « SaaS ») → what they stand for, folded (`trade-acronyms.txt`): searched
 * too, held by a passage that writes one, and an acronym the corpus never writes is known when it writes one of them.
 */
export const TRADE_ACRONYMS: Map<string, string[]> = new Map(aliasList("trade-acronyms.txt"));
/**
 * What an acronym of the trade stands for, of several words, written in full in a question (« groupements d'intérêt
 * public »), with its nouns in the singular or the plural → the acronyms (« gip »), which the corpus may write alone.
 */
export function tradeAcronymsWrittenOut(question: string): { phrase: string; acronyms: string[] }[] {
  const joined = ` ${words(question).join(" ")} `;
  const out = new Map<string, string[]>();
  for (const { acronym, meaning, plural } of TRADE_MEANINGS_WRITTEN_OUT())
    if (plural.test(joined)) out.set(meaning, [...(out.get(meaning) ?? []), acronym]);
  return [...out].map(([phrase, acronyms]) => ({ phrase, acronyms }));
}
/** The meanings of several words of `TRADE_ACRONYMS`, each with its pattern (nouns singular or plural): made once. */
let tradeMeaningsWrittenOut: { acronym: string; meaning: string; plural: RegExp }[] | undefined;
const TRADE_MEANINGS_WRITTEN_OUT = () =>
  (tradeMeaningsWrittenOut ??= [...TRADE_ACRONYMS].flatMap(([acronym, meanings]) =>
    meanings
      .filter((m) => m.includes(" "))
      .map((meaning) => ({
        acronym,
        meaning,
        plural: new RegExp(
          ` ${meaning
            .split(" ")
            .map((w) => `${escapeRegExp(w)}[sx]?`)
            .join(" ")} `,
        ),
      })),
  ));
/** Both, and the acronyms of the trade, as one list: what `aliasesIn` adds to a search. */
const NAMED_OTHERWISE: [string, string[]][] = [...GAZETTEER, ...SEATS, ...TRADE_ACRONYMS];
export const METONYMIES: Map<string, string[]> = new Map([...aliasList("metonymies.txt"), ...SEATS, ...GAZETTEER]);
/**
 * The periphrases of `metonymies.txt` (« le pays du Soleil-Levant », « Outre-Rhin »), not the gazetteer's other names
 * of a place (« La Haye » also names the Court that sits there): what they stand for must be in a passage that answers.
 */
export const PERIPHRASES = new Set(
  [...aliasList("metonymies.txt"), ...SEATS].map(([w]) => w).filter((w) => !GAZETTEER.has(w)),
);

/**
 * The régions and départements of France named in several words (« Grand Est », « Pays de la Loire »,
 * `french-divisions.txt`), folded as `words` gives them, longest first: one name each, whose words alone (« grand »,
 * « est », « pays ») name nothing.
 */
export const DIVISION_PHRASES: string[] = readFileSync(
  new URL("../i18n/fr/french-divisions.txt", import.meta.url),
  "utf8",
)
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => words(l).join(" "))
  .filter((w) => w.includes(" "))
  .sort((a, b) => b.length - a.length);

/** The metonymies of several words, longest first (« pays du matin calme » before « matin calme »). */
export const PHRASE_METONYMIES = [...METONYMIES]
  .filter(([w]) => w.includes(" "))
  .sort((a, b) => b[0].length - a[0].length);

/**
 * The places and institutions the question names another way, as the corpus names them (« les Lyonnais » → lyon,
 * « Séoul » → corée du sud, « la Sécu » → assurance maladie): added to the search query, so their passages are found,
 * not only judged. Metonymies (« Bruxelles », « Outre-Rhin ») are not: expanding them measured as many facts lost as won.
 */
export function aliasesIn(question: string): string[] {
  const joined = ` ${words(question).join(" ")} `;
  const matched = NAMED_OTHERWISE.filter(([alias]) => joined.includes(` ${alias} `));
  const found = new Set<string>();
  // « la Cour de La Haye »: the longer alias, not the capital it holds (« La Haye » → Pays-Bas).
  for (const [alias, meanings] of matched)
    if (!matched.some(([other]) => other !== alias && ` ${other} `.includes(` ${alias} `)))
      for (const m of meanings) found.add(m);
  // « groupements d'intérêt public »: the acronym of the trade it stands for (« GIP »).
  for (const { acronyms } of tradeAcronymsWrittenOut(question)) for (const a of acronyms) found.add(a);
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

/**
 * Whether the question writes in lower case (« frédéric couchet est marié ? ») two words in a row that one of `texts`
 * writes as a first name and a surname (« Frédéric Couchet »): a person typed without capitals.
 */
export function personInLowerCase(question: string, texts: string[]): boolean {
  const tokens = fold(question).split(/[^a-z-]+/);
  const asked = tokens.slice(1).map((w, i) => `${tokens[i]} ${w}`);
  return texts.some((t) =>
    // A name may be broken across two lines of the passage (« Laura\nChaubard »).
    [...t.matchAll(/\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+/gu)].some((m) =>
      asked.includes(fold(m[0]).replace(/\s+/g, " ")),
    ),
  );
}

/**
 * The folded words of the first name and surname a question names: capitalised (« Nicolas Vivant »), or typed in lower
 * case as one of `texts` writes them (« nicolas vivant » for « Nicolas Vivant »); empty when it names none.
 */
export function personNamed(question: string, texts: string[]): string[] {
  for (const m of question.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+/gu))
    if (!DETERMINERS.has(fold(m[1]!))) return words(m[0]);
  const tokens = fold(question).split(/[^a-z-]+/);
  const asked = tokens.slice(1).map((w, i) => `${tokens[i]} ${w}`);
  // (Not a determiner and a capitalised noun: « La Région » is no one's name in « nelly mallet est à la région ».)
  for (const t of texts)
    for (const m of t.matchAll(/(\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+/gu))
      if (!DETERMINERS.has(fold(m[1]!)) && asked.includes(fold(m[0]).replace(/\s+/g, " "))) return words(m[0]);
  return [];
}

/**
 * The question without the words of the person it names (`personNamed`), folded words: « que fait jean-marc ayrault
 * aujourd'hui » reads « que fait aujourd hui », an expression of `personal-data.txt` the name stood inside.
 */
export function withoutPerson(question: string, name: string[]): string {
  const list = words(question);
  if (!name.length) return list.join(" ");
  for (let i = 0; i + name.length <= list.length; i++)
    if (name.every((w, j) => list[i + j] === w)) return [...list.slice(0, i), ...list.slice(i + name.length)].join(" ");
  return list.join(" ");
}

/**
 * An expression with choices between braces (« {fait|faisait} quoi {avant|maintenant} »): every expression it stands
 * for, each choice of each brace in turn.
 */
export function expandChoices(entry: string): string[] {
  const brace = /\{([^{}]*)\}/.exec(entry);
  if (!brace) return [entry];
  const head = entry.slice(0, brace.index);
  const tail = entry.slice(brace.index + brace[0].length);
  return brace[1]!.split("|").flatMap((choice) => expandChoices(`${head}${choice.trim()}${tail}`));
}

/** A line of `personal-data.txt` read only when the question names a person (not « il », « elle » alone). */
const NAMED_ONLY = "(nommée)";
/**
 * A line of `personal-data.txt` read only when the question names a person by a first name of `first-names.txt`
 * (« qui remplace karim khan » asks a person's successor; « qui remplace Microsoft Teams » a product's; held-out-32).
 */
const FIRST_NAMED_ONLY = "(prénom)";

/**
 * Whether a question writes a first name and a surname (« Nadi Bou Hanna », « Pierre-Yves Gibello »): two capitalised
 * words, the first no determiner (« Les Lyonnais »).
 */
export function namesPerson(question: string): boolean {
  return [...question.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+/gu)].some(
    (m) => !DETERMINERS.has(fold(m[1]!)),
  );
}

/**
 * Groups of expressions asking about a person's private life (« quel âge », « salaire »), folded; `answers`, those
 * only a passage's (an entry written « = désormais » answers « fait quoi maintenant » but asks nothing).
 */
const PERSONAL: { asks: string[]; answers: string[]; named: boolean; firstNamed: boolean }[] = readFileSync(
  new URL("../i18n/fr/personal-data.txt", import.meta.url),
  "utf8",
)
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((line) => {
    const firstNamed = line.startsWith(FIRST_NAMED_ONLY);
    const named = firstNamed || line.startsWith(NAMED_ONLY);
    const marker = firstNamed ? FIRST_NAMED_ONLY : named ? NAMED_ONLY : "";
    const entries = line
      .slice(marker.length)
      .split(",")
      .map((e) => e.trim());
    const fold = (list: string[]) =>
      list
        .flatMap(expandChoices)
        .map((e) => words(e).join(" "))
        .filter(Boolean);
    const answers = fold(entries.filter((e) => e.startsWith("=")).map((e) => e.slice(1)));
    const asks = fold(entries.filter((e) => !e.startsWith("=")));
    return { asks, answers: [...asks, ...answers], named, firstNamed };
  });

/**
 * The groups of private-life expressions a text uses, each with the expression found; with `named` false (the person
 * only « il », « elle », or a role), not those read only of a named person (« l'April, elle fait quoi aujourd'hui ? »);
 * with `firstNamed` false, not those read only of a person named by a first name (« (prénom) »).
 */
export function personalAsked(
  question: string,
  named = true,
  firstNamed = false,
): { found: string; group: string[] }[] {
  // « personne ne l'a acheté »: the negation « ne » (never written « né ») before an elided pronoun is not « né à »,
  // which the pronoun, dropped with its apostrophe, would otherwise let it read.
  // « l'April, c'est né quand ? »: « c'est né », « ça est né » has a thing for subject (a person « est né »): it asks when
  // an organisation or a project began, a field of its card, never a private life.
  const text = question
    .replace(/(?<![\p{L}])ne\s+([lmtsy])['’]/gu, "ne $1e ")
    .replace(/(?<![\p{L}])(?:c['’]\s*est|ça\s+est|ca\s+est|cela\s+est)\s+n[ée]e?s?(?![\p{L}])/giu, "c'est apparu");
  const joined = ` ${words(text).join(" ")} `;
  // The subject pronoun of an inverted question (« Dans quelle ville est-il né ? ») stands between the words of the
  // expression (« est né »): read without it too.
  const uninverted = ` ${words(text.replace(/-(?:t-)?(?:il|elle|ils|elles)\b/giu, "")).join(" ")} `;
  const found = PERSONAL.flatMap(({ asks, answers, named: only, firstNamed: byFirstName }) => {
    if ((only && !named) || (byFirstName && !firstNamed)) return [];
    const found = asks.find((e) => joined.includes(` ${e} `) || uninverted.includes(` ${e} `));
    return found ? [{ found, group: answers }] : [];
  });
  // « il gagne combien » is one expression, not also « gagne combien » of another line.
  return found.filter((f) => !found.some((g) => g !== f && g.found.includes(f.found) && g.found !== f.found));
}

/** Two words joined by « ou » that end a clause (« tchèque ou russe ? »), folded: a choice if both are nationalities. */
export const NATIONALITY_CHOICE = /(?<![a-z-])([a-z-]{3,})\s+ou\s+([a-z-]{3,})\s*(?=[?!.,;:]|$)/g;
/**
 * A product's name (capitalised, or with a capital inside) followed by codes of one to four letters or digits joined
 * by slashes (« Meraki MR/MS », « UniFi U6/U7 », « Stormshield SN/SNi »), each starting with a capital.
 */
export const RANGE_CODES =
  /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}-]*|\p{Ll}+\p{Lu}[\p{L}\p{N}-]*)\s+(\p{Lu}[\p{L}\p{N}]{0,3}(?:\s?\/\s?\p{Lu}[\p{L}\p{N}]{0,3})+)(?![\p{L}\p{N}])/gu;

/** A country's folded name → its adjectives of nationality, folded (`places.txt`). */
export const COUNTRY_ADJECTIVES = new Map<string, string[]>();
for (const [adjective, country] of DEMONYMS)
  if (adjective !== country) COUNTRY_ADJECTIVES.set(country, [...(COUNTRY_ADJECTIVES.get(country) ?? []), adjective]);

/**
 * A country's folded name → its cities the corpus may name instead (`cities-of-countries.txt`): « des centres de
 * données en Finlande » are the card's « centres de données à … Helsinki ».
 */
export const COUNTRY_CITIES = new Map<string, string[]>();
for (const line of readFileSync(new URL("../i18n/fr/cities-of-countries.txt", import.meta.url), "utf8").split("\n")) {
  if (!line.trim() || line.startsWith("#") || !line.includes(":")) continue;
  const [city, country] = line.split(":").map((part) => words(part).join(" ")) as [string, string];
  COUNTRY_CITIES.set(country, [...(COUNTRY_CITIES.get(country) ?? []), city]);
}

/** Shortest word read as a typing slip of another (« dirrige »): shorter ones meet real words by chance. */
export const TYPO_LENGTH = 6;
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
/** `own-size.txt`: the asker and a verb before their size (« on est 2800 habitants »), folded. */
const OWN_SIZE = new Set(
  readFileSync(new URL("../i18n/fr/own-size.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => fold(l.trim()).replace(/\s+/g, " ")),
);
/**
 * Whether the token at `i` is a number giving the asker's size (« une commune de 2000 habitants », « pour 500
 * agents », « on peut l'avoir avec 4000 habitants », « nos 6000 habitants »): digits after « de », « pour », « avec » or
 * the asker's possessive, before a noun of
 * `head-counts.txt`, not a threshold (« plus de 3500 habitants », « moins de 50 agents ») nor a figure asked
 * (« combien de … »).
 */
export function headCount(tokens: { 0: string }[], i: number): boolean {
  const at = (k: number) => fold(tokens[k]?.[0] ?? "");
  if (!/^\d{2,}$/.test(at(i)) || !HEAD_COUNTS.has(at(i + 1))) return false;
  // « et pour nous on est 2800 habitants » (trial17 D6): the asker saying their size (`own-size.txt`).
  if (OWN_SIZE.has(`${at(i - 2)} ${at(i - 1)}`)) return true;
  // « comparables avec nos 6000 habitants »: the asker's own count, after a possessive of theirs.
  return (
    /^(de|pour|avec|d'environ|environ|nos|mes)$/.test(at(i - 1)) &&
    !/^(plus|moins|combien|nombre|dela)$/.test(at(i - 2))
  );
}

/**
 * « capitale de la Bretagne », « la capitale bretonne »: a word of `unnamed-city.txt` before « de » and a name, or
 * before an adjective of place.
 */
export const UNNAMED_CITY = new RegExp(
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
 * A company placed by a point of the compass (« un éditeur de l'Ouest », « une boîte du Sud-Ouest »), not followed by
 * the place it is in (« du nord de l'Allemagne »): group 1 is the point, capitalised.
 */
export const VAGUE_ORIGIN = new RegExp(
  `(?<![\\p{L}])(?:${placeAlternation("origine")})\\s+(?:de\\s+l['’]|du\\s+)(${(
    UNNAMED_PLACE_WORDS.get("position") ?? []
  )
    .map((w) =>
      w
        .split("-")
        .map((p, k) =>
          k === 0 ? `${p[0]!.toUpperCase()}${p.slice(1)}` : `[${p[0]}${p[0]!.toUpperCase()}]${p.slice(1)}`,
        )
        .join("-"),
    )
    .join("|")})(?![\\p{L}-])(?!\\s+(?:de|du|des|d['’]))`,
  "gu",
);
/**
 * A city designated by what it is known for (« la ville des calissons », « la cité de la dentelle »): group 1 is that
 * thing, a noun in lower case (« la capitale des Gaules » is a name, read by `UNNAMED_CITY`).
 */
export const KNOWN_FOR = new RegExp(
  `(?<![\\p{L}])(?:${(UNNAMED_PLACE_WORDS.get("renommée") ?? [])
    .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${escapeRegExp(w.slice(1))}`)
    .join("|")})\\s+(?:des\\s+|du\\s+|de\\s+la\\s+|de\\s+l['’])(\\p{Ll}[\\p{L}-]*)`,
  // Not case-insensitive: \p{Ll} would meet a capital too.
  "gu",
);
/**
 * A place designated by its rank (« la troisième ville de France ») or its position (« le Land du nord de
 * l'Allemagne ») in a place named after it: group 1 is the word of rank or position.
 */
export const UNNAMED_PLACE = new RegExp(
  `(?<![\\p{L}])(?:(${placeAlternation("rang")})\\s+(?:plus\\s+grande?\\s+)?(?:${placeAlternation("lieux")})|(?:${placeAlternation("lieux")})\\s+(?:du|de\\s+l['’])\\s*(${placeAlternation("position")}))\\s+(?:de\\s+la\\s+|de\\s+l['’]|du\\s+|des\\s+|de\\s+|d['’])\\p{Lu}`,
  "giu",
);
