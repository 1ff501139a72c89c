/** Whether a question speaks of the corpus's domain, and which of its rare words are off it. */
import { readFileSync } from "node:fs";
import { escapeRegExp, fold } from "../core/text.ts";
import type { CorpusFrequency } from "./corpus-names.ts";
import { stem as frStem, words } from "./french.ts";
import { phraseHeld } from "./held-topic.ts";
import { FRAME, isGeneric, isLight, ligatures, type QuestionTerm, STOPWORDS } from "./lexicon.ts";
import { holds, type passageWords } from "./passage-words.ts";
import { complementOf, spaced } from "./question-terms.ts";

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
export const PASSING = 12;
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
  defined: ReadonlySet<string> = new Set(),
  cardTexts: string[] = [],
): Promise<string[]> {
  if (speaksOfDomain(question)) return [];
  // A word of the question's own topic (a noun, not a verb, nor an everyday or general word).
  const topical = (t: QuestionTerm) =>
    !t.date && !t.verb && !t.modifier && !t.user && !isGeneric(t) && !isLight(t) && !FRAME.has(t.word);
  const rarity = async (t: QuestionTerm) => {
    const parts = t.word.split(" ").filter((w) => !STOPWORDS.has(w));
    return parts.length ? Math.min(...(await Promise.all(parts.map((w) => frequency(w))))) : Number.POSITIVE_INFINITY;
  };
  const rare: string[] = [];
  // « pour le rapport au comité technique : date de parution de la directive … »: a word of the question's context is
  // not its topic when what it asks has a word of its own topic; when it has none, its context is its topic (« L'inspection
  // veut fermer une classe : comment s'y opposer ? »).
  const asksOwn = terms.some((t) => !t.context && !t.name && topical(t));
  for (const t of terms) {
    if (t.date) continue;
    const count = await rarity(t);
    // « Nokia, c'est un équipementier de quel pays ? », « VLC, le lecteur vidéo » : a passage read is about a rare word
    // of the question (its catalog card, a section's heading), which is then what it asks.
    // Not a verb (« construire » in « Construire le calendrier de la collectivité »).
    const verbal = t.verb || t.modifier || (!t.noun && !t.name && !t.clauseStart && /(?:er|ir|re)$/.test(t.word));
    if (count <= PASSING && !verbal && !isGeneric(t) && headings.some((h) => holds(t, h))) return [];
    // « des documents partagés chiffrés de bout en bout pour notre collectif »: a catalog card read says what its
    // product is for with the rare word and another word of the question's topic as one phrase (« Suite collaborative
    // chiffrée de bout en bout »): the question asks for that product in everyday words, not about the life of the
    // commune. Not two words the card writes apart (« accueils de loisirs … portail familles » for « devenir famille
    // d'accueil »), nor a word written in a list of what a product stores (« données SIG (cadastre, réseaux, PLU) »).
    if (
      count <= PASSING &&
      !verbal &&
      topical(t) &&
      terms.some(
        (o) =>
          o !== t && topical(o) && (phraseHeld([t.word, o.word], cardTexts) || phraseHeld([o.word, t.word], cardTexts)),
      )
    )
      return [];
    // « Lyon », « l'Aveyron », « la Gendarmerie »: a name the corpus knows is its topic, whatever the other words;
    // not an acronym it writes in passing (« le PLU », twice, in catalog cards of mapping tools).
    const acronym = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t.word.toUpperCase())}(?![\\p{L}\\p{N}])`, "u").test(
      question,
    );
    if ((t.name || t.alias) && count > 0 && (count > PASSING || !acronym)) return [];
    // « le CRA ça nous oblige à quoi ? »: an acronym a passage read defines (« Cyber Resilience Act (CRA) ») is what that
    // passage is about, not one written in passing (« le PLU » of mapping tools' cards).
    if (acronym && count > 0 && defined.has(t.word)) return [];
    if (t.verb || t.modifier || t.user || isGeneric(t) || isLight(t) || FRAME.has(t.word)) continue;
    if (t.context && asksOwn) continue;
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

/** Words of a collectivité's own administration (« budget », « délibération »), stems (`municipal-life.txt`). */
const MUNICIPAL_LIFE = new Set(
  readFileSync(new URL("../i18n/fr/municipal-life.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .flatMap((l) => fold(l).split(/[^a-z-]+/))
    .filter(Boolean)
    .map(frStem),
);

/** Fewest words of its own a question needs for one passage holding them all to be its topic (`heldWhole`). */
const WHOLE_WORDS = 3;

/**
 * Whether a passage read holds every word the question says its topic with (not its verbs, dates, nor everyday or
 * general words), at least `WHOLE_WORDS` of them: « pour un groupe pilote on prend que des volontaires ? » under
 * « Expérimenter avec des groupes pilotes » (« des agents volontaires »). A word the corpus uses in passing is then
 * what that passage is about, not a word of another domain (`offDomainWords`: « subvention » in a question on the
 * life of the commune, which no passage holds with the rest of it).
 */
export function heldWhole(terms: QuestionTerm[], passages: ReturnType<typeof passageWords>[]): boolean {
  const own = terms.filter(
    (t) => !t.date && !t.verb && !t.modifier && !t.user && !isGeneric(t) && !isLight(t) && !FRAME.has(t.word),
  );
  return own.length >= WHOLE_WORDS && passages.some((p) => own.every((t) => holds(t, p)));
}

/**
 * « Comment titulariser un agent contractuel de la commune ? », « Le maire peut-il déléguer sa signature à un conseiller
 * municipal ? »: a question with no word of the digital domain, naming nothing, that says whose it is with the words of
 * a collectivité's administration (`municipal-life.txt`: « commune », « agent », « maire », « budget ») and what it asks
 * with a word of its own that no passage read holds: a noun the corpus uses in passing (« signature »), or a word it
 * never uses (« primitif », « titulariser »; not a conjugated verb, « survive », « bouge », which the other words of the
 * question may answer without), the passages holding at most one of its other own words (those of `municipal-life.txt`
 * aside): the life of the commune, off the corpus's topic (thirty-second series). Returns those words, or none.
 */
export async function municipalSubjectUnheld(
  question: string,
  terms: QuestionTerm[],
  frequency: CorpusFrequency,
  passages: ReturnType<typeof passageWords>[],
): Promise<string[]> {
  if (speaksOfDomain(question) || terms.some((t) => t.name || t.alias)) return [];
  if (!terms.some((t) => t.word.split(" ").some((w) => MUNICIPAL_LIFE.has(frStem(w))))) return [];
  const unheld: string[] = [];
  let held = 0;
  for (const t of terms) {
    if (t.date || t.user || isGeneric(t) || isLight(t) || FRAME.has(t.word) || t.word.includes(" ")) continue;
    if (MUNICIPAL_LIFE.has(frStem(t.word))) continue;
    if (passages.some((p) => holds(t, p))) {
      if (!t.verb && !t.modifier) held++;
      continue;
    }
    const count = await frequency(t.word);
    const conjugated =
      CONJUGATED.test(t.word) ||
      new RegExp(`(?:^|[^a-z])(?:${SUBJECTS})\\s+${escapeRegExp(t.word)}(?![a-z])`).test(fold(question));
    const own = (t.noun && !t.verb && count <= PASSING) || (count === 0 && (INFINITIVE.test(t.word) || !conjugated));
    if (own) unheld.push(t.word);
  }
  // « la loi qui étend l'article 12 aux communes est adoptée ? »: the passages hold the question's other own words,
  // which say its topic.
  return held <= 1 ? unheld : [];
}

/** Before a verb: its subject pronoun or the negation (« on perd », « rien ne bouge »), folded. */
const SUBJECTS = "je|j'|tu|il|elle|on|nous|vous|ils|elles|ne|n'";
/** An infinitive's ending (« titulariser », « pacser »), folded. */
const INFINITIVE = /(?:er|ir)$/;
/** Endings of a conjugated verb or of a word that may be one (« survive », « bougent », « viserait »), folded. */
const CONJUGATED = /(?:e|es|ent|ons|ez|ait|aient|ra|ront|rait|raient)$/;
