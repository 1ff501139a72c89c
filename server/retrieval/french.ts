/**
 * French words for retrieval and checks: accent folding, a light stemmer (plural and common derivational endings,
 * enough for « décidé » to meet « décide », « économies » to meet « économiser »), and the maintained synonym list
 * (`server/i18n/fr/synonyms.txt`, data, not code) used to widen a question and to judge whether a passage covers it.
 */
import { readFileSync } from "node:fs";

import { boundedMemo } from "../core/bounded.ts";
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";

export { fold };

/** Superscript digits (« S²LOW »), read as the digits a question types (« S2LOW »). */
const SUPERSCRIPTS: Record<string, string> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
};

/** A text with its superscript digits written as digits (« S²LOW » → « S2LOW »). */
export const plainDigits = (text: string) => text.replace(/[⁰¹²³⁴-⁹]/g, (d) => SUPERSCRIPTS[d] ?? d);

/** Folded words of a text (letters and digits), apostrophe elisions dropped: « l'État » → ["etat"]. */
export function words(text: string): string[] {
  // « cœur », « œuvre »: a ligature is its two letters (the full-text index reads « coeur » so), not a break.
  return fold(plainDigits(text).replace(/œ/g, "oe").replace(/Œ/g, "Oe").replace(/æ/g, "ae").replace(/Æ/g, "Ae"))
    .replace(/\b[cdjlmnst]['’]/g, " ")
    .replace(/\bqu['’]/g, " ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const SUFFIXES = [
  "issements",
  "issement",
  "atrices",
  "ateurs",
  "ations",
  "atrice",
  "ateur",
  "ation",
  "ements",
  "ement",
  "ments",
  "ment",
  "ances",
  "ences",
  "ance",
  "ence",
  "ites",
  "ite",
  "ives",
  "ive",
  "ifs",
  "if",
  "iques",
  "ique",
  "istes",
  "iste",
  "ismes",
  "isme",
  "euses",
  "euse",
  "eurs",
  "eur",
  "ables",
  "able",
  "ions",
  "ion",
  "erions",
  "erons",
  "eront",
  "erez",
  "erai",
  "era",
  "aient",
  "ait",
  "ant",
  "ants",
  "antes",
  "ante",
  "ees",
  "ee",
  "es",
  "er",
  "ez",
  "e",
  "s",
  "x",
];

/** Words whose stem is imposed (`server/i18n/fr/stems.txt`): « communes » is not « communs ». */
const STEMS: Map<string, string> = new Map(
  readFileSync(new URL("../i18n/fr/stems.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.includes(":") && !l.startsWith("#"))
    .flatMap((l) => {
      const [root, list] = l.split(":") as [string, string];
      return list
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => [fold(w), fold(root.trim())] as [string, string]);
    }),
);

/** Light French stem of a folded word; words of 4 letters or fewer only lose a plural. */
export function stem(word: string): string {
  return stemmed(word);
}
/** Stems already computed (a word's stem never changes; a few tens of thousands of words recur). */
const stemmed = boundedMemo(stemOf, 50_000);

function stemOf(word: string): string {
  let w = fold(word);
  const imposed = STEMS.get(w);
  if (imposed) return imposed;
  if (/^\d/.test(w)) return w;
  if (w.length <= 4) return w.length > 3 ? w.replace(/[sx]$/, "") : w;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Groups of equivalent folded words and phrases, read once from the data file. */
const LINES = readFileSync(new URL("../i18n/fr/synonyms.txt", import.meta.url), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const toGroup = (l: string) =>
  l
    .replace(/^\+/, "")
    .split(",")
    .map((s) => words(s).join(" "))
    .filter(Boolean);
const GROUPS: string[][] = LINES.map(toGroup);
/** Groups that also widen the full-text query (marked « + » in the file). */
const SEARCH_GROUPS = new Set(LINES.flatMap((l, i) => (l.startsWith("+") ? [GROUPS[i]!] : [])));

/** Single-word entry stem → the groups holding it. */
const BY_STEM = new Map<string, string[][]>();
for (const group of GROUPS) {
  for (const entry of group) {
    if (entry.includes(" ")) continue;
    const key = stem(entry);
    BY_STEM.set(key, [...(BY_STEM.get(key) ?? []), group]);
  }
}

/** The synonyms (folded words or phrases) of a word, itself excluded; none for a word in no group. */
export function synonymsOf(word: string): string[] {
  const own = stem(word);
  const out = new Set<string>();
  for (const group of BY_STEM.get(own) ?? [])
    for (const entry of group) if (entry.includes(" ") || stem(entry) !== own) out.add(entry);
  return [...out];
}

/** A folded word or phrase, each word without the « s » or « x » of its plural (« communautes de communes »). */
const singular = (phrase: string) =>
  phrase
    .split(" ")
    .map((w) => (w.length > 3 ? w.replace(/[sx]$/, "") : w))
    .join(" ");

/**
 * Narrower folded word or phrase (keyed in the singular, `singular`) → the broader words a passage may hold it by
 * (`broader-words.txt`: « collectivité » for « commune »), one way only.
 */
const BROADER = new Map<string, string[]>();
for (const line of readFileSync(new URL("../i18n/fr/broader-words.txt", import.meta.url), "utf8").split("\n")) {
  if (!line.trim() || line.startsWith("#") || !line.includes(":")) continue;
  const [broad, narrow] = line.split(":") as [string, string];
  const broader = broad
    .split(",")
    .map((e) => words(e).join(" "))
    .filter(Boolean);
  for (const entry of narrow
    .split(",")
    .map((e) => words(e).join(" "))
    .filter(Boolean)) {
    const key = singular(entry);
    BROADER.set(key, [...new Set([...(BROADER.get(key) ?? []), ...broader])]);
  }
}

/** The broader words (folded) a passage may hold a word or phrase of a question by (« collectivité » for « communes »). */
export function broaderOf(word: string): string[] {
  return BROADER.get(singular(word)) ?? [];
}

/** A determiner, and an adjective of size, before a collectivité's word (folded): « une », « notre petite ». */
const SETTING_DETERMINER =
  "(?:(?:une|un|la|le|les|des|notre|nos|ma|mon|votre|vos|leur|leurs|chaque|toute|toutes)\\s+)?(?:(?:petite|petites|petit|petits|grande|grandes)\\s+)?";

/**
 * A determiner of any collectivité of a kind, or of the asker's own, before its word as a subject (« une commune peut »,
 * « notre mairie doit »): not « la mairie peut nous prêter des tables », a service of the town asked of.
 */
const ANY_DETERMINER =
  "(?:une|un|les|des|notre|nos|ma|mon|votre|vos|chaque|toute|toutes)\\s+(?:(?:petite|petites|petit|petits|grande|grandes)\\s+)?";

/**
 * The words of a question that say the setting it asks about, which a broader word covers (`broaderOf`): a collectivité
 * the question is asked for (« dans une commune », « pour notre petite communauté de communes ») or that it asks what
 * it may or must do (« une commune peut-elle … », « est-ce qu'une mairie doit … »). Not the complement of another noun
 * (« le label Villes et Villages fleuris », « la fête du village », « le plan canicule de la mairie »): that says which
 * thing is asked, and a page on the collectivités does not answer it.
 */
export function settingWords(question: string): string[] {
  // Elided words are left out (« est-ce qu'une commune » → « est ce une commune »).
  const text = words(question).join(" ");
  const out: string[] = [];
  for (const key of BROADER.keys()) {
    const entry = key
      .split(" ")
      .map((w) => `${w}[sx]?`)
      .join(" ");
    const within = new RegExp(`\\b(?:dans|pour|chez) ${SETTING_DETERMINER}(${entry})\\b`);
    const subject = new RegExp(
      `(?:^|\\best ce )${ANY_DETERMINER}(${entry}) (?:\\w+ )?(?:peut|peuvent|doit|doivent)(?: (?:elle|il|elles|ils))?\\b`,
    );
    for (const re of [within, subject]) {
      const m = re.exec(text);
      if (m) out.push(m[1]!);
    }
  }
  return out;
}

/** Phrases of the synonym list found in a text (« par où commencer », « premières étapes »), folded. */
function phrasesIn(text: string): string[][] {
  const folded = ` ${words(text).join(" ")} `;
  return GROUPS.filter((g) => g.some((e) => e.includes(" ") && folded.includes(` ${e} `)));
}

/** Letters two words of a synonym group share at their start to be of one family (« économi » of « économiser »). */
const FAMILY_PREFIX = 6;
const FAMILY_ENDINGS = wordListSections("family-search.txt");
/** Endings of a verb a question asks with (infinitive, participle, accents kept) (`family-search.txt`). */
const VERB_ENDINGS = (FAMILY_ENDINGS.get("verbe") ?? []).map((e) => e.toLowerCase());
/** Endings of the noun of a verb's family, folded. */
const NOUN_ENDINGS = (FAMILY_ENDINGS.get("nom") ?? []).map((e) => fold(e));

/** The folded verbs of a text, by their ending with its accents (« économisé », not « préside »). */
const verbsOf = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => VERB_ENDINGS.some((e) => w.endsWith(e)))
      .map((w) => fold(w)),
  );

/**
 * The nouns of a verb's own family among its synonyms, that the full-text index's stemmer does not join to it:
 * « économies » for « économiser », « investissement » for « investir » (not « gains », « dépenses »); none for a
 * word that is no verb (« obligatoirement » does not look for « obligation »).
 */
function familyOf(word: string): string[] {
  const w = fold(word);
  const head = w.slice(0, FAMILY_PREFIX);
  if (head.length < FAMILY_PREFIX) return [];
  return (BY_STEM.get(stem(word)) ?? []).flatMap((g) =>
    g.filter((e) => !e.includes(" ") && e.startsWith(head) && NOUN_ENDINGS.some((n) => e.endsWith(n))),
  );
}

/**
 * The question widened with the synonyms of its words, for full-text search: « Qu'a-t-on décidé ? » also looks
 * for « décision », « mesures », « annonces ». Of any other synonym group, only the nouns of a verb's own family
 * (« Combien … économiser ? » also looks for « économies »). Words already there are not repeated.
 */
export function expandQuery(query: string, isStopword: (w: string) => boolean = () => false): string {
  const own = words(query).filter((w) => !isStopword(w));
  const have = new Set(own.map(stem));
  const extra: string[] = [];
  const groups = [
    ...own.flatMap((w) => (BY_STEM.get(stem(w)) ?? []).filter((g) => SEARCH_GROUPS.has(g))),
    ...phrasesIn(query).filter((g) => SEARCH_GROUPS.has(g)),
    ...[...verbsOf(query)].filter((w) => own.includes(w)).map(familyOf),
  ];
  for (const group of groups) {
    for (const entry of group) {
      for (const w of entry.split(" ")) {
        if (isStopword(w) || have.has(stem(w))) continue;
        have.add(stem(w));
        extra.push(w);
      }
    }
  }
  return extra.length ? `${query} ${extra.join(" ")}` : query;
}

/** Synonym groups whose multi-word entries occur in a text: [the entry found, its group]. */
export function phrasesFound(text: string): { phrase: string; group: string[] }[] {
  const folded = ` ${words(text).join(" ")} `;
  const out: { phrase: string; group: string[] }[] = [];
  for (const group of GROUPS) {
    const phrase = group.find((e) => e.includes(" ") && folded.includes(` ${e} `));
    if (phrase) out.push({ phrase, group });
  }
  return out;
}

/** Adjective of nationality (folded) → the country's folded name, from `server/i18n/fr/places.txt`. */
export const DEMONYMS: Map<string, string> = new Map(
  readFileSync(new URL("../i18n/fr/places.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.includes(":") && !l.startsWith("#"))
    .flatMap((l) => {
      const [country, adjectives] = l.split(":") as [string, string];
      const name = words(country).join(" ");
      return adjectives.split(",").map((a) => [words(a).join(" "), name] as [string, string]);
    }),
);

/**
 * A word-list file of `server/i18n/fr/` in sections (« [argent] » then comma-separated expressions, « # » comments):
 * each section's expressions as folded word lists, each expression prepared by `prepare` first.
 */
export function readSections(
  file: string,
  prepare: (expression: string) => string = (e) => e,
): Map<string, string[][]> {
  const sections = new Map<string, string[][]>();
  for (const [name, entries] of wordListSections(file))
    sections.set(
      name,
      entries.map((e) => words(prepare(e))).filter((e) => e.length > 0),
    );
  return sections;
}
