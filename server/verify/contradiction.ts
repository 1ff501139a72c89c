/** Whether a claim says the opposite of its sources: negated clauses, antonyms, denials, « ne … plus ». */
import { readFileSync } from "node:fs";
import { boundedMemo } from "../core/bounded.ts";
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordAlternation, wordListSections } from "../i18n/word-lists.ts";
import { derivedIn, sameVerbRoot } from "../retrieval/derivations.ts";
import { fold, stem } from "../retrieval/french.ts";
import { ruledOut, withoutRuledOut, withPronounSubjects } from "./contrast.ts";
import {
  CERTAINTY,
  NEGATION,
  negatedAmong,
  POLARITY_MIN_SHARE,
  POLARITY_MIN_SHARED,
  polarityClauses,
  short,
} from "./negation.ts";
import { MONTH_NAMES } from "./proper-nouns.ts";
import type { Source } from "./source-sentences.ts";
import { type Bag, bagOf, contentWords, inBag, WEAK, wordLines, wordList, words } from "./words.ts";

/** Verbs of aim or claim (`server/i18n/fr/aim-verbs.txt`), folded: transparent to a clause's polarity. */
const AIM = new Set(wordList("aim-verbs.txt").map((w) => words(w).join(" ")));

/**
 * Infinitives naming a belief or a confusion without stating it (`server/i18n/fr/belief-verbs.txt`): « Premier piège :
 * croire qu'un nom européen suffit ».
 */
const BELIEF = new RegExp(`(?<!\\p{L})(?:${wordList("belief-verbs.txt").map(escapeRegExp).join("|")})(?!\\p{L})`, "iu");

/**
 * Words of opposite meaning without a negation (`server/i18n/fr/antonyms.txt`, data): each entry two sides, each
 * side terms as stemmed folded words (« a abri » for « à l'abri », « expos » for « exposées »).
 */
const ANTONYMS: [string[][], string[][]][] = readFileSync(new URL("../i18n/fr/antonyms.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.includes("|") && !l.startsWith("#"))
  .map((l) => {
    const side = (part: string) =>
      part
        .split(",")
        .map((t) => words(t).map(stem))
        .filter((t) => t.length > 0);
    const [a, b] = l.split("|") as [string, string];
    return [side(a), side(b)];
  });

/**
 * Prefixes that make a word's contrary (`server/i18n/fr/antonym-prefixes.txt`, data: « in », « il »…), and the folded
 * words that start with one without being a contrary (« information »).
 */
const PREFIX_LINES = wordLines("antonym-prefixes.txt");
const ANTONYM_PREFIXES = PREFIX_LINES.filter((l) => !l.startsWith("-")).map((l) => words(l).join(""));
const NOT_PREFIXED = new Set(
  PREFIX_LINES.filter((l) => l.startsWith("-")).map((l) => stem(words(l.slice(1)).join(""))),
);
/** Least letters of the stem a prefix is put before (« compat » in « incompatible »): shorter ones are other words. */
export const PREFIXED_MIN_BASE = 5;

/** One term of an antonym entry's side, and its rank in the list (entry, then side, then term). */
interface AntonymTerm {
  entry: number;
  side: number;
  order: number;
  stems: string[];
}

/** The antonym terms by their first stem: a text is read once, each of its words looked up. */
const TERMS_BY_FIRST = new Map<string, AntonymTerm[]>();
ANTONYMS.flatMap((entry, e) =>
  entry.flatMap((terms, side) => terms.map((stems) => ({ entry: e, side, stems }))),
).forEach((term, order) => {
  const first = term.stems[0]!;
  TERMS_BY_FIRST.set(first, [...(TERMS_BY_FIRST.get(first) ?? []), { ...term, order }]);
});

/**
 * The sides of antonym entries a text carries, as « entry:side » (« 0:1 » for « exposées »), with the words they use;
 * a word and the same word with a prefix of contrary (« compatibles », « incompatibles ») are the two sides of the
 * entry « p<stem> » (« pcompatibl:0 », « pcompatibl:1 »).
 */
function antonymTerms(list: string[]): Map<string, Set<number>> {
  const stems = list.map(stem);
  const out = new Map<string, Set<number>>();
  stems.forEach((s, i) => {
    if (s.length < PREFIXED_MIN_BASE || WEAK.has(list[i]!) || NOT_PREFIXED.has(s)) return;
    const add = (key: string) => out.set(key, new Set([i]));
    add(`p${s}:0`);
    for (const prefix of ANTONYM_PREFIXES)
      if (s.startsWith(prefix) && s.length - prefix.length >= PREFIXED_MIN_BASE) add(`p${s.slice(prefix.length)}:1`);
  });
  // The terms found, in the order of the list and then of the text: the order the keys and their words are kept in.
  const found: { term: AntonymTerm; i: number }[] = [];
  stems.forEach((s, i) => {
    for (const term of TERMS_BY_FIRST.get(s) ?? [])
      if (i + term.stems.length <= stems.length && term.stems.every((t, k) => stems[i + k] === t))
        found.push({ term, i });
  });
  found.sort((a, b) => a.term.order - b.term.order || a.i - b.i);
  for (const { term, i } of found) {
    const key = `${term.entry}:${term.side}`;
    const at = out.get(key) ?? new Set<number>();
    for (let k = 0; k < term.stems.length; k++) at.add(i + k);
    out.set(key, at);
  }
  return out;
}

/**
 * A cited clause's folded words and the antonym sides they carry, remembered by the clause's text (the same passages
 * come back answer after answer, and every clause of a sentence reads every cited clause): never to be changed.
 */
const clauseTerms = boundedMemo((clause: string) => {
  const list = words(clause);
  return { list, terms: antonymTerms(list) };
}, 20_000);

/** An antonym key's entry and side (« 0:1 » → ["0", 1], « pcompatibl:0 » → ["pcompatibl", 0]). */
const sidesOfKey = (key: string): [string, number] => {
  const cut = key.lastIndexOf(":");
  return [key.slice(0, cut), Number(key.slice(cut + 1))];
};

/**
 * The word an antonym hangs on: the content word right before it (« jugeait » in « il jugeait risqué »), stemmed, or
 * null when the word before is a function word (« est », « de »).
 */
function governor(list: string[], at: Set<number>): string | null {
  const before = list[Math.min(...at) - 1];
  return before && !WEAK.has(before) && contentWords(before).length > 0 ? stem(before) : null;
}

/** Least subject words a clause must share with a source clause for an antonym between them to contradict it. */
export const OPPOSITE_MIN_SHARED = 3;

/**
 * The source clause that says of the same subject the opposite word (« à l'abri des autorités américaines » for
 * « exposées aux autorités américaines »): the clause carries one side of an antonym entry, the source clause the
 * other side and not this one, they share most of the clause's other content words (at least three), they have the
 * same polarity (« n'est pas interdit » is not « autorisé »'s contrary), and no cited clause carries the clause's own
 * word with as many of those words.
 */
function oppositeClause(clause: string, sourceClauses: string[], bags: Bag[]): string | null {
  const list = words(clause);
  const terms = antonymTerms(list);
  if (terms.size === 0) return null;
  const own = bagOf(clause);
  for (const [key, used] of terms) {
    const [e, side] = sidesOfKey(key);
    const other = `${e}:${1 - side}`;
    if (terms.has(other)) continue;
    const usedWords = new Set([...used].map((i) => list[i]!));
    const subject = [...new Set(contentWords(clause))].filter((w) => !usedWords.has(w) && !MONTH_NAMES.test(w));
    if (subject.length < OPPOSITE_MIN_SHARED) continue;
    const need = Math.max(OPPOSITE_MIN_SHARED, Math.ceil(subject.length * POLARITY_MIN_SHARE));
    let against: string | null = null;
    let agrees = false;
    const mine = governor(list, used);
    sourceClauses.forEach((c, i) => {
      const shared = subject.filter((w) => inBag(w, bags[i]!, false)).length;
      // Fewer shared words (half, at least three) when the two words hang on the same word (« il jugeait risqué de
      // basculer… » for « à Fontaine, il jugeait prudent de basculer d'un coup… »).
      const close = mine !== null && shared >= OPPOSITE_MIN_SHARED && shared * 2 >= subject.length;
      if (shared < need && !close) return;
      // The clause's own words carry its antonyms, not the subject a pronoun stands for (`withPronounSubjects`).
      const { list: theirList, terms: theirs } = clauseTerms(c);
      if (theirs.has(key)) agrees = true;
      else if (
        theirs.has(other) &&
        (shared >= need || governor(theirList, theirs.get(other)!) === mine) &&
        negatedAmong(c, own) === negatedAmong(clause, bags[i]!)
      )
        against ??= c;
    });
    if (against && !agrees) return against;
  }
  return null;
}

/** « ne … pas » (jamais, plus, aucun) before a figure, in its clause: the clause denies it. */
export const DENIAL_BEFORE =
  /(?<!\p{L})(?:ne\s+|n['’]\s*)(?:\S+\s+){0,4}?(?:pas|jamais|plus|aucun|aucune|nullement)(?!\p{L})/iu;

/** A clause that only supposes what follows (« Si la commune compte moins de … », « s'il dépasse … »). */
export const CONDITION_BEFORE = /(?<![\p{L}'’])(?:si|s['’]ils?)(?!\p{L})/iu;

/** What a sentence says it denies: « Contrairement à ce qu'ont titré des médias anglophones, … ». */
const REFUTED = /contrairement\s+à\s+ce\s+qu(?:e\s|['’])\s*([^,]+),/iu;

/** Least content words of a source clause restated whole by a longer clause for their polarities to be compared. */
export const RESTATED_MIN_WORDS = 4;

/** « ne … plus » (no longer): a past statement (« Munich utilisait LiMux ») does not contradict it. */
const NO_LONGER = /(?<!\p{L})(?:ne\s+|n['’]\s*)(?:\S+\s+){0,4}?plus(?!\p{L})/iu;

/** An aside of one to three words closing a clause (« (gamme e.magnus). »), its words in the group. */
const OWNER_ASIDE = /\(\s*([^()\s]+(?:\s+[^()\s]+){0,2})\s*\)\s*\.?$/u;

/**
 * A source clause that a longer clause of the sentence restates whole, with the opposite polarity (« Le label protège
 * ainsi l'engagement d'une collectivité d'un changement de cap politique » against « il ne le protège pas d'un
 * changement de cap politique »): most of the source clause's content words (at least four) are in the clause, and
 * every source clause restated so has the other polarity. The clause, or null.
 */
function restatedAgainst(clause: string, own: Bag, sourceClauses: string[], bags: Bag[], certain: boolean) {
  const restated = sourceClauses
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => {
      if (NO_LONGER.test(c) || (!certain && CERTAINTY.test(c))) return false;
      // A short aside closing the clause names whose its items are (« État civil, listes électorales et population
      // (gamme e.magnus) »): a clause naming none of its words is about another subject (the alternative that does
      // not cover them), not against it.
      const owner = OWNER_ASIDE.exec(c);
      if (owner && !contentWords(owner[1]!).some((w) => inBag(w, own))) return false;
      // An aside in parentheses (« (voir aussi le cas de Munich) ») is not part of what the clause states.
      // An aside in parentheses (« (voir aussi le cas de Munich) ») is not part of what the clause states, nor is its
      // negation (« aucune »): that is its polarity.
      const content = [...new Set(contentWords(c.replace(/\([^()]*\)/g, " ")))].filter((w) => !NEGATION.test(w));
      if (content.length < RESTATED_MIN_WORDS) return false;
      const need = Math.max(RESTATED_MIN_WORDS, Math.ceil(content.length * POLARITY_MIN_SHARE));
      return content.filter((w) => inBag(w, own)).length >= need;
    });
  if (restated.length === 0) return null;
  return restated.every(({ c, i }) => negatedAmong(c, own) !== negatedAmong(clause, bags[i]!)) ? restated[0]!.c : null;
}

/**
 * A passage's clauses and the bag of each: a clause whose subject is a pronoun (« elles ne s'imposent pas aux
 * collectivités ») is about the subject of the clause before it (« La doctrine et ses circulaires s'adressent aux
 * services de l'État »), whose words its bag takes.
 */
function clausesOf(sentences: readonly string[]): { clauses: string[]; bags: Bag[] } {
  const clauses = sentences.flatMap((text) => polarityClauses(text));
  return { clauses, bags: withPronounSubjects(clauses).map((c) => bagOf(c)) };
}

/**
 * `clausesOf` a passage's sentences, remembered by their texts (a passage whose text changed has other sentences, so
 * another key): every claim sentence of every answer citing the passage reads them again. Never to be changed.
 */
const clausesRead = boundedMemo(clausesOf, 4_000, (texts: readonly string[]) => JSON.stringify(texts));
const passageClauses = (src: Source) => clausesRead(src.sentences.map((ss) => ss.text));

const RISK_ADVICE = wordListSections("risk-advice.txt");
/** A source's advice not to do something, with the harm it would risk (`server/i18n/fr/risk-advice.txt`). */
const WARNING = new RegExp(`(?<!\\p{L})(?:${wordAlternation(RISK_ADVICE.get("warning") ?? [])})`, "iu");
/** A sentence saying that something risks a harm. */
const RISK = new RegExp(`(?<!\\p{L})(?:${wordAlternation(RISK_ADVICE.get("risk") ?? [])})`, "iu");

/**
 * The source clause a clause of the sentence states with the opposite polarity (one negates the words they share,
 * the other does not), when every source clause that carries the same words (most of them, at least three) does: a
 * short quote of it, or null.
 */
export function contradicted(stated: string, pool: Source[]): string | null {
  const read = pool.map(passageClauses);
  const sourceClauses = read.flatMap((r) => r.clauses);
  const bags = read.flatMap((r) => r.bags);
  const refuted = REFUTED.exec(stated);
  const reporter = refuted ? [...new Set(contentWords(refuted[1]!))] : [];
  for (const clause of polarityClauses(stated)) {
    // « croire qu'un nom européen suffit », « confondre X avec Y »: a belief named, not stated; its polarity is not the
    // sentence's.
    if (BELIEF.test(clause)) continue;
    const opposite = oppositeClause(clause, sourceClauses, bags);
    if (opposite) return short(opposite);
    // A clause on certainty that negates (« ce chiffre n'est pas confirmé ») is a qualification, checked apart; one
    // that affirms it (« ce chiffre a été confirmé ») against a source that denies it is a contradiction.
    const certain = CERTAINTY.test(clause);
    if (certain && NEGATION.test(clause)) continue;
    // A verb of aim is not what the clause shares with its source (« vise à remplacer » / « ne prétend pas remplacer »).
    const content = [...new Set(contentWords(clause))].filter((w) => !AIM.has(w));
    if (content.length < POLARITY_MIN_SHARED) continue;
    const need = Math.max(POLARITY_MIN_SHARED, Math.ceil(content.length * POLARITY_MIN_SHARE));
    const shared = bags.map((b) => content.filter((c) => inBag(c, b)).length);
    const best = Math.max(0, ...shared);
    const own = bagOf(clause);
    if (best < need) {
      const restated = restatedAgainst(clause, own, sourceClauses, bags, certain);
      if (restated) return short(restated);
      continue;
    }
    // « Contrairement à ce qu'ont titré des médias, … ne … pas »: the sentence denies what they said; the source
    // clause that reports it (« des médias ont titré que … ») is what it denies, not what it contradicts.
    // « La loi n'interdit pas X » where the source says « la loi autorise X »: the negation of the opposite word.
    const mine = antonymTerms(words(clause));
    const antonymOf = (i: number) => {
      const theirs = clauseTerms(sourceClauses[i]!).terms;
      return [...mine.keys()].some((k) => {
        const [e, side] = sidesOfKey(k);
        return !theirs.has(k) && theirs.has(`${e}:${1 - side}`);
      });
    };
    const reported = (i: number) => reporter.length >= 2 && reporter.filter((w) => inBag(w, bags[i]!)).length >= 2;
    const carriers = sourceClauses
      .map((c, i) => ({ c, i }))
      // A source clause that rules something out (« …, et non sur l'ensemble des ordinateurs ») negates it without a
      // « ne … pas »: a clause negating what it rules out agrees with it.
      .filter(
        (x) =>
          shared[x.i] === best &&
          (certain || !CERTAINTY.test(x.c)) &&
          !reported(x.i) &&
          !antonymOf(x.i) &&
          !ruledOut(x.c).some((r) => r.own.length > 0 && negatedAmong(withoutRuledOut(clause), bagOf(r.own.join(" ")))),
      );
    if (carriers.length === 0) continue;
    // « X risque de Y » restating « ne pas X, au risque de Y »: the harm of the step advised against, said as the
    // passage says it.
    if (RISK.test(clause) && !NEGATION.test(clause) && carriers.some((x) => WARNING.test(x.c))) continue;
    if (carriers.every((x) => negatedAmong(x.c, own) !== negatedAmong(clause, bags[x.i]!))) {
      return short(carriers[0]!.c);
    }
  }
  return null;
}

/** A word that opens a subordinate clause (« où », « que », « dont »): its verb is not what the sentence states. */
const SUBORDINATE = /(?<!\p{L})(?:que|qu['’]|où|dont|si|comme|quand|lorsque|lorsqu['’]|puisque|parce)(?!\p{L})/iu;

/**
 * Adverbs a verb stated as done may hold between its auxiliary and its participle (« ont déjà publié »,
 * `server/i18n/fr/done-adverbs.txt`).
 */
const DONE_ADVERBS = wordList("done-adverbs.txt").map(escapeRegExp).join("|");

/** A verb stated as done: an auxiliary and a past participle (« ont été tranchées », « a adopté », « ont déjà publié »). */
const STATED_DONE = new RegExp(
  `(?<!\\p{L})(?:a|ont|est|sont|avait|avaient|était|étaient|aurait|auraient)\\s+(?:(?:${DONE_ADVERBS})\\s+)?(?:été\\s+)?(\\p{L}{5,})`,
  "giu",
);

/**
 * A clause whose subject « aucun(e) » or « nul(le) » denies the verb that follows it after « ne »: « aucun plan
 * ministériel n'était encore publié » denies « publié » (the negation bears on the subject, not on the verb's words).
 */
const noneDenies = (clause: string, form: string) =>
  new RegExp(
    `(?<!\\p{L})(?:aucune?|nulle?)\\s[^,;:]{0,60}?(?:ne\\s+|n')(?:\\S+\\s+){0,3}?${escapeRegExp(form)}(?!\\p{L})`,
    "u",
  ).test(foldApostrophes(clause));

/**
 * The cited clause that denies the act a sentence states without any negation (« Les deux explications ont été
 * départagées par une enquête » where the passage says « Les deux explications coexistent et ne se départagent pas
 * ici »): the sentence's participle is written in the cited passages only in clauses that negate it, and one of them
 * names a word of the sentence's subject (its words before the verb). A short quote of it, or null.
 */
export function deniedOnly(stated: string, pool: Source[]): string | null {
  if (NEGATION.test(stated)) return null;
  const clauses = pool.flatMap((src) =>
    src.sentences.filter((ss) => !ss.inHeading).flatMap((ss) => polarityClauses(ss.text)),
  );
  for (const m of stated.matchAll(STATED_DONE)) {
    const verb = fold(m[1]!);
    if (WEAK.has(verb) || contentWords(verb).length === 0) continue;
    // The clause's own form of the verb (« tranchent » for « tranchées »): what its negation must bear on.
    // A word of the same stem that is no form of the verb (« publics » for « publié ») does not carry it.
    const formIn = (c: string) => words(c).find((w) => inBag(verb, bagOf(w), false) && sameVerbRoot(w, verb));
    const carrying = clauses.filter((c) => formIn(c) !== undefined);
    if (
      carrying.length === 0 ||
      !carrying.every((c) => NEGATION.test(c) && (negatedAmong(c, bagOf(formIn(c)!)) || noneDenies(c, formIn(c)!)))
    )
      continue;
    // The verb of the sentence's own statement, not of a clause it subordinates (« plus que l'endroit où les données
    // sont stockées »: a subordinating word after the last break before it); its subject is what the sentence writes
    // before it (« Les deux lectures du retour, productivité d'un côté, …, ont été tranchées »).
    const opening = stated.slice(0, m.index!);
    if (SUBORDINATE.test(opening.split(/[,;:]/).at(-1)!)) continue;
    const subject = contentWords(opening).filter((w) => !MONTH_NAMES.test(w));
    // A word of the subject's family (« ministères » for « ministériel ») names it too (`derivations.ts`).
    const denial = carrying.find((c) => {
      const bag = bagOf(c);
      return subject.some((w) => inBag(w, bag, false) || derivedIn(w, bag));
    });
    if (denial) return short(denial);
  }
  return null;
}
