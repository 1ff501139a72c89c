/**
 * What a clause asks, read by its form, and whether any passage read holds it (held-out-28, burned: 11 two-part
 * questions and 10 yes/no questions on a detail answered with passages that do not hold what is asked).
 *
 * - A question stated then asked at a comma or colon whose second clause opens on an interrogative (« visio repose sur
 *   livekit, chez quel hébergeur tournent ses serveurs ? », « boé a migré avec des stagiaires, de quelle école
 *   venaient-ils ? ») asks the value of a thing: a noun named by the interrogative (« hébergeur », « école »), a count
 *   (« combien de serveurs »), a figure (« quelle part ») or a date (« quel jour »). When no sentence of the passages read
 *   holds it with the first clause's subject (the sentence or its passage's heading naming the subject), Cap Libre
 *   answers the first clause and says first that the corpus does not answer the second (`answer.partial`).
 * - A yes/no question whose verb carries its subject (« sécurix gère-t-il les imprimantes réseau ? », « glpi est-il
 *   certifié pour la conformité nis2 ? »), its subject a name, asks a detail: the nouns after the verb. When one of them,
 *   rare in the corpus, is held by no passage read at all, the corpus does not give that detail: Cap Libre abstains.
 *
 * Words are data (`asked-thing.txt`).
 */

import { NUMBER_WORDS } from "../core/number-words.ts";
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListSectionLines } from "../i18n/word-lists.ts";
import { countedKind, isEntityFrame } from "./asked-kinds.ts";
import type { CorpusFrequency, CorpusNames } from "./corpus-names.ts";
import { stem as frStem } from "./french.ts";
import { idiomTokens } from "./idioms.ts";
import { GENERIC_WORDS, ligatures, type QuestionTerm, STOPWORDS } from "./lexicon.ts";
import { holds, occurs, passageWords, SENTENCE, withoutReferences } from "./passage-words.ts";
import { questionTerms } from "./question-terms.ts";
import { countedStems, holdsAsked, holdsCount } from "./rank.ts";
import { assessAnswerability, resolveNames } from "./relevance.ts";
import { headingSubject } from "./second-ask.ts";
import { INTERROGATIVES, type MissingPart, statementCuts, type TwoParts } from "./two-parts.ts";

/** A passage as the decision reads it. */
type Passage = Parameters<typeof assessAnswerability>[1][number];

const folded = (text: string) => fold(text).replace(/’/g, "'");
const SECTIONS = new Map(
  [...wordListSectionLines("asked-thing.txt")].map(([name, lines]) => [name, lines.map(folded)]),
);
const list = (name: string) => SECTIONS.get(name) ?? [];
const alternation = (entries: string[]) =>
  [...entries]
    .sort((a, b) => b.length - a.length)
    .map((e) => escapeRegExp(e).replace(/\s+/g, "\\s+"))
    .join("|");
/** A second clause that asks at its opening: « et combien … », « chez quel … », « de quelle … », « qui … ». */
const OPENS_ASKING = new RegExp(
  `^(?:(?:${alternation(list("ouverture"))})\\s+)*` +
    `(?:(?:${alternation(list("préposition de la demande").filter((p) => !p.endsWith("'")))})\\s+|d')?` +
    `(?:${alternation(list("interrogatif"))})(?![a-z])`,
);
/** A second clause opening on a pronoun that asks (« vers quoi a-t-il migré », « par quoi l'a-t-il remplacé »). */
const OPENS_ON_PRONOUN = new RegExp(
  `^(?:(?:${alternation(list("ouverture"))})\\s+)*` +
    `(?:(?:${alternation(list("préposition du pronom"))})\\s+)?` +
    `(?:${alternation(list("pronom interrogatif"))})(?![a-z])`,
);
/** A verb carrying its subject (« a-t-il », « gère-t-il », « est-elle »). */
const INVERTED = /[a-z]-(?:t-)?(?:il|elle|ils|elles|on)(?![a-z])/;
/** A second clause asking by such a verb among its first words (« a-t-il été annulé … ? »). */
const OPENS_INVERTED = new RegExp(
  `^(?:(?:${alternation(list("ouverture"))})\\s+)?(?:\\S+\\s+){0,4}?${INVERTED.source}`,
);
/** The noun whose value a clause asks (group 1): « quelle société », « combien d'utilisateurs ». */
const NOUN_ASKED = new RegExp(`(?<![a-z])(?:${alternation(list("nom demandé"))})\\s*([a-z][a-z-]{2,})`, "g");
const FIGURE_NOUNS = new Set(list("nom d'un chiffre"));
const DATE_NOUNS = new Set(list("nom d'une date"));
const NOT_NAMED = new Set(list("pas une chose nommée"));
const FRAME_OPENING = new RegExp(`^(?:${alternation(list("ouverture d'un complément"))})(?![a-z])`);
const ASKER = new Set(list("le demandeur").map((w) => w.replace(/'$/, "")));
const DETAIL_LEADS = new Set(list("devant le détail").map((w) => w.replace(/'$/, "")));
const COMPLEMENT = new Set(list("complément du nom").map((w) => w.replace(/'$/, "")));
/** General words of the domain, stems. */
const GENERIC = new Set(GENERIC_WORDS.map(frStem));
/** Fewest content words of a first clause that states a fact (« visio repose sur livekit »: three). */
const STATED_WORDS = 3;
/** « quand » asks a date. */
const WHEN = /(?<![a-z])quand(?![a-z])/;
/** Fewest letters of a noun typed short (« distrib ») that a longer word of a passage (« distribution ») writes. */
const CLIPPED = 5;

/** `[déterminant indéfini]`, `[article défini]`, `[pronom de choix]`. */
const INDEFINITE = new Set(list("déterminant indéfini").map((w) => w.replace(/'$/, "")));
const DEFINITE = new Set(list("article défini"));
const CHOICE = new Set(list("pronom de choix"));
/** How many words before a noun's determiner a name stands that says which one it is (« par Nuvola, un prestataire »). */
const NAME_BEFORE = 3;
/** A short acronym (« TCO », « UE »): a measure or a body's initials, not what names one of the things asked. */
const SHORT_ACRONYM = /^\p{Lu}{2,3}$/u;

/** A sentence's words as written (case kept) and folded, split at apostrophes (« l'appui » → « l », « appui »). */
function wordsOf(sentence: string): { raw: string[]; folded: string[] } {
  const raw = (sentence.match(/[\p{L}\p{N}’'-]+/gu) ?? []).flatMap((w) => w.split(/['’]/)).filter(Boolean);
  return { raw, folded: raw.map((w) => folded(ligatures(w))) };
}
/** A number written in digits or in words (« 10 », « dix »). */
const isNumber = (w: string) => /^\d[\d.,]*$/.test(w) || w in NUMBER_WORDS;

/**
 * Whether a word, at `i` of a sentence's folded words, is written after an indefinite determiner (« un prestataire »,
 * « certaines banques ») or a number no definite article precedes (« a migré dix clients », not « les dix clients »).
 */
function indefiniteAt(words: string[], i: number): boolean {
  const before = words[i - 1] ?? "";
  if (INDEFINITE.has(before)) return true;
  return isNumber(before) && !DEFINITE.has(words[i - 2] ?? "");
}

/**
 * Whether a sentence names which one is the thing asked (`t`, « quel prestataire »): it writes the noun other than
 * after an indefinite determiner or a bare number (« le prestataire Nuvola », « les dix clients … sont »), or beside a
 * name the statement (`known`: its words) does not write, after the noun or just before it (« par Nuvola, un
 * prestataire lyonnais », « des collectivités …, dont Montclair »). « chez un prestataire », « une entreprise
 * allemande », « dix clients » say there is one, not which (held-out-29, burned).
 */
function namesWhich(sentence: string, t: QuestionTerm, known: Set<string>): boolean {
  const { raw, folded: words } = wordsOf(sentence);
  const stem = frStem(t.word);
  const at = words.flatMap((w, i) => (w === t.word || t.variants.includes(w) || frStem(w) === stem ? [i] : []));
  // (Written in no single word, « boîtes mail »: left to `holds`.)
  if (at.length === 0) return true;
  const named = (k: number) =>
    k > 0 &&
    /^\p{Lu}/u.test(raw[k]!) &&
    !SHORT_ACRONYM.test(raw[k]!) &&
    !known.has(words[k]!) &&
    !STOPWORDS.has(words[k]!);
  // (A name after the noun, « …, dont Montclair », or just before its determiner.)
  return at.some((i) => !indefiniteAt(words, i) || raw.some((_, k) => k !== i && k >= i - 1 - NAME_BEFORE && named(k)));
}

/** Whether a sentence writes a name the statement (`known`: its words) does not write, past its first word. */
function namesNew(sentence: string, known: Set<string>): boolean {
  const { raw, folded: words } = wordsOf(sentence);
  return raw.some(
    (w, k) =>
      k > 0 && /^\p{Lu}/u.test(w) && !SHORT_ACRONYM.test(w) && !known.has(words[k]!) && !STOPWORDS.has(words[k]!),
  );
}

/**
 * The noun a second clause asking by a pronoun alone (« lesquels précisément ») asks which of: the first clause's noun
 * written after a number or an indefinite determiner (« inetum a migré dix clients » → « clients »). Null otherwise.
 */
function chosenAmong(first: string, second: string): string | null {
  const s = folded(second)
    .split(/[^a-z0-9'-]+/)
    .filter(Boolean);
  const opening = s.findIndex((w) => !list("ouverture").includes(w));
  if (opening < 0 || !CHOICE.has(s[opening]!)) return null;
  // (« lequel des deux … » names what it chooses among: the noun after it, read by `thingAsked`.)
  if (s.slice(opening + 1).some((w) => w === "des" || w === "de" || w === "d")) return null;
  const words = wordsOf(first).folded;
  const i = words.findIndex((w, k) => k > 0 && w.length >= 3 && !STOPWORDS.has(w) && indefiniteAt(words, k));
  return i > 0 ? words[i]! : null;
}

/**
 * A question stated then asked at a comma, semicolon or colon whose second clause opens on an interrogative or on a
 * verb carrying its subject; the first clause a statement (no « ? », no interrogative, not the asker's own setting,
 * not a frame opening on a preposition, « Selon la Commission, … », three content words at least). Null otherwise.
 */
export function statedThenInterrogative(question: string): TwoParts | null {
  for (const { first, second } of statementCuts(question)) {
    const f = folded(first);
    if (INTERROGATIVES.test(f) || FRAME_OPENING.test(f)) return null;
    if (f.split(/[^a-z0-9']+/).some((w) => w.split("'").some((x) => ASKER.has(x)))) return null;
    if (questionTerms(first).length < STATED_WORDS) continue;
    const s = folded(second);
    if (OPENS_ASKING.test(s) || OPENS_INVERTED.test(s)) return { first, second };
  }
  return null;
}

/** What a second clause asks: the kind of value, and the nouns it names by its interrogative. */
export function thingAsked(second: string): { kind: "count" | "date" | "name"; nouns: string[] } | null {
  const s = folded(second);
  const all = [...s.matchAll(NOUN_ASKED)].map((m) => m[1]!).filter((n) => !STOPWORDS.has(n));
  const nouns = all.filter((n) => !FIGURE_NOUNS.has(n) && !DATE_NOUNS.has(n) && !NOT_NAMED.has(n));
  if (/combien/.test(s) || all.some((n) => FIGURE_NOUNS.has(n))) return { kind: "count", nouns };
  if (WHEN.test(s) || all.some((n) => DATE_NOUNS.has(n))) return { kind: "date", nouns };
  return nouns.length ? { kind: "name", nouns } : null;
}

/**
 * `missingPart` for a question stated then asked by an interrogative (`statedThenInterrogative`) whose first clause the
 * passages answer: no sentence of theirs holds, with the first clause's subject, the thing the second asks (the noun it
 * names, or a count of it, or a date with it). Needs the corpus's counts.
 */
export async function missingThing(
  question: string,
  answering: Passage[],
  frequency?: CorpusFrequency,
  names?: CorpusNames,
): Promise<MissingPart | null> {
  if (!frequency || answering.length === 0) return null;
  const parts = statedThenInterrogative(question);
  if (!parts) return null;
  // (« …, lesquels précisément »: which of the things the statement counts.)
  const chosen = chosenAmong(parts.first, parts.second);
  // (« vers quoi a-t-il migré »: the act its verb says, of the statement's subject.)
  const asking: { kind: "count" | "date" | "name" | "act"; nouns: string[] } | null = chosen
    ? { kind: "name", nouns: [chosen] }
    : (thingAsked(parts.second) ?? (OPENS_ON_PRONOUN.test(folded(parts.second)) ? { kind: "act", nouns: [] } : null));
  if (!asking) return null;
  const { kind } = asking;
  const secondTerms = questionTerms(parts.second);
  // (What follows the clause's first « ? » is the asker's guesses, « quelle distrib ? Ubuntu ? Debian ? », not asked.)
  const askedTerms = questionTerms(parts.second.split("?")[0]!);
  const firstWords = passageWords(parts.first);
  // (A noun the first clause writes is no new thing asked.)
  const asked = asking.nouns
    .map(
      (n): QuestionTerm =>
        secondTerms.find((t) => t.word === n || t.word.split(" ").includes(n)) ?? {
          word: n,
          variants: [n],
          name: false,
        },
    )
    .filter((t) => chosen !== null || !t.word.split(" ").every((w) => occurs(w, firstWords)));
  // (« à quelle date la bascule de sa visio est-elle terminée »: the date of the things the clause names.)
  // (Not « quand peut-on … », which asks when it becomes possible.)
  if (asked.length === 0 && kind === "date" && !WHEN.test(folded(parts.second)))
    asked.push(
      ...askedTerms.filter(
        (t) =>
          !t.verb &&
          !t.modifier &&
          !t.date &&
          !DATE_NOUNS.has(t.word) &&
          !NOT_NAMED.has(t.word) &&
          !writtenAsVerb(parts.second, t.word) &&
          !GENERIC.has(frStem(t.word)) &&
          !t.word.split(" ").every((w) => occurs(w, firstWords)),
      ),
    );
  // (« vers quoi a-t-il migré »: the words of the act, « migré », that the statement does not write.)
  if (kind === "act")
    asked.push(
      ...askedTerms.filter(
        (t) =>
          !t.date &&
          !t.name &&
          !NOT_NAMED.has(t.word) &&
          !GENERIC.has(frStem(t.word)) &&
          !t.word.split(" ").every((w) => occurs(w, firstWords)),
      ),
    );
  if (asked.length === 0) return null;
  // The names and years the second clause adds (« quelle collectivité du finistère », « les membres du jury 2025 »): a
  // sentence answering it holds them too.
  const added = (await resolveNames(askedTerms, frequency, names)).filter(
    (t) =>
      (t.name || t.date) &&
      !asked.some((a) => a.word === t.word) &&
      !t.word.split(" ").every((w) => occurs(w, firstWords)),
  );
  // The subject: the names of the first clause, or its content words when it names none.
  const firstTerms = await resolveNames(questionTerms(parts.first), frequency, names);
  const named = firstTerms.filter((t) => t.name && !t.date && !GENERIC.has(frStem(t.word)));
  const subjects = named.length
    ? named
    : firstTerms.filter((t) => !t.verb && !t.modifier && !t.date && !GENERIC.has(frStem(t.word)));
  if (subjects.length === 0) return null;
  const counted = kind === "count" ? countedKind(countedStems(folded(parts.second))) : new Set<string>();
  const statedWords = new Set(wordsOf(parts.first).folded);
  const heldBy = (sentence: string, heading: ReturnType<typeof passageWords>) => {
    const w = passageWords(sentence);
    if (!subjects.some((t) => holds(t, w) || holds(t, heading))) return false;
    // (A count names what it counts, or its kind: « combien de machines » is answered by « 2 500 postes ».)
    if (kind === "count") return counted.size ? holdsCount(sentence, counted) : holdsAsked(sentence, ["quantity"]);
    if (kind === "date" && !holdsAsked(sentence, ["date"])) return false;
    // (« distrib » typed short is what « distribution » writes.)
    const clipped = (t: QuestionTerm) => t.word.length >= CLIPPED && w.list.some((x) => x.startsWith(t.word));
    if (!added.every((t) => holds(t, w) || holds(t, heading))) return false;
    // (« lesquels »: the sentence names them, with or without the noun: « … contribuent, lesquels » is answered by
    // « la DINUM et l'ANCT y contribuent ».)
    if (chosen !== null && namesNew(sentence, statedWords)) return true;
    // (A name asked, « quel prestataire », is said by a sentence that names which: not « chez un prestataire ».)
    const which = (t: QuestionTerm) => kind !== "name" || namesWhich(sentence, t, statedWords);
    return asked.some((t) => (holds(t, w) ? which(t) : clipped(t)) || holds(t, heading));
  };
  const held = answering.some((r) => {
    // (What the heading says the passage is about: « Quarkon, Zorbex et Plimo en quelques chiffres » is about none.)
    const heading = passageWords(headingSubject(r));
    return withoutReferences(r.text)
      .split(SENTENCE)
      .some((sentence) => heldBy(sentence, heading));
  });
  if (held) return null;
  if (!(await assessAnswerability(parts.first, answering, frequency, names)).answerable) return null;
  // (A date asked of things a passage names without it: what the passages lack is the date, not those things.)
  const dateNoun =
    kind === "date" ? [...folded(parts.second).matchAll(NOUN_ASKED)].find((m) => DATE_NOUNS.has(m[1]!)) : undefined;
  return { part: parts.second, words: dateNoun ? [dateNoun[1]!] : asked.map((t) => t.word), first: parts.first };
}

/** Most uses in the corpus of a detail's noun that no passage read holds (a rare thing, not an everyday word). */
const RARE_DETAIL = 20;
/** A written form read as a participle or an infinitive (« condamné », « liés », « installer »), not a noun. */
const VERB_FORM = /(?:é|ée|és|ées|er|ir)$/u;
/** Except a noun in « -té » (« conformité », « sécurité »). */
const NOUN_IN_TE = /tés?$/u;

/** Whether a clause writes a word as a participle or an infinitive (« terminée », « installer »), not a noun. */
function writtenAsVerb(clause: string, word: string): boolean {
  const written = (clause.match(/[\p{L}\p{N}-]+/gu) ?? []).find((w) => folded(w) === word);
  return written !== undefined && verbForm(written.toLowerCase());
}
const verbForm = (written: string) => VERB_FORM.test(written) && !NOUN_IN_TE.test(written);

/**
 * The nouns of a yes/no question's detail that no passage read holds (« sécurix gère-t-il les imprimantes réseau ? » →
 * « imprimantes »): the question one clause, its verb carrying its subject (« gère-t-il »), no interrogative, its first
 * word a name; a noun after the verb, after a determiner or preposition (not the asker's « nos »), not completing the
 * noun before it (« de la police »), not in an idiom, not a participle, a general word of the domain or a word of the
 * question's frame (`isEntityFrame`), used at most `RARE_DETAIL` times in the corpus and in none of the passages read.
 * Empty when the question is not of that form or every such noun is held.
 */
export async function unheldDetail(
  question: string,
  answering: Passage[],
  frequency?: CorpusFrequency,
  names?: CorpusNames,
): Promise<string[]> {
  if (!frequency || answering.length === 0) return [];
  const f = folded(question);
  if (INTERROGATIVES.test(f.replace(/est-ce qu(?:e|')/g, ""))) return [];
  const verb = INVERTED.exec(f);
  if (!verb) return [];
  const before = question.slice(0, verb.index + verb[0].length);
  const after = question.slice(verb.index + verb[0].length);
  // One clause: nothing before the verb but its subject, no sentence after the question.
  if (/[,:;.]/.test(before) || /[.;:]\s*\S/.test(after.replace(/\?\s*$/, ""))) return [];
  const subject = await resolveNames(questionTerms(before), frequency, names);
  // (A subject typed in lower case, « la canut », that the corpus writes as a name and never as a plain word: not
  // « l'armée », « les utilitaires … lenovo », « l'outil visio de l'état », whose answers say the detail otherwise.)
  const head = subject[0];
  const named =
    head !== undefined &&
    (head.name ||
      (!head.verb &&
        !head.date &&
        !GENERIC.has(frStem(head.word)) &&
        names !== undefined &&
        (await names(head.word)) &&
        !((await names.plain?.(head.word)) ?? false)));
  if (!named) return [];
  const detail = (await resolveNames(questionTerms(after), frequency, names)).filter(
    (t) =>
      !t.verb && !t.modifier && !t.name && !t.word.includes(" ") && !GENERIC.has(frStem(t.word)) && !isEntityFrame(t),
  );
  if (detail.length === 0) return [];
  const raw = (after.match(/[\p{L}\p{N}'’œ-]+/gu) ?? []).flatMap((w) => w.split(/['’]/)).filter(Boolean);
  const tokens = raw.map((w) => folded(ligatures(w)));
  const idiom = idiomTokens(tokens);
  const read = answering.map((r) => passageWords(`${r.document.title} ${r.section} ${r.text}`));
  const unheld: string[] = [];
  for (const t of detail) {
    const i = tokens.findIndex((w) => w === t.word || frStem(w) === frStem(t.word));
    if (i <= 0 || idiom.has(i)) continue;
    const lead = tokens[i - 1]!;
    // (A number counts the noun, « de plus de cent participants »: it leads the detail as a determiner would.)
    const counted = isNumber(lead);
    if (!counted && (!DETAIL_LEADS.has(lead) || ASKER.has(lead))) continue;
    const beforeLead = ["le", "la", "les", "l"].includes(lead) ? tokens[i - 2] : lead;
    if (!counted && i >= 2 && COMPLEMENT.has(beforeLead ?? "")) continue;
    if (verbForm(raw[i]!.toLowerCase())) continue;
    if (read.some((p) => holds(t, p))) continue;
    const uses = Math.min(...(await Promise.all(t.variants.map((v) => frequency(v)))));
    if (uses <= RARE_DETAIL) unheld.push(t.word);
  }
  return unheld;
}
