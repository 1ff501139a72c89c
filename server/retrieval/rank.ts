/**
 * What a question asks weighs in the ranking and in the quotation (data: `server/i18n/fr/asked.txt`):
 * - a question asking for a quantity (« combien », « quel budget ») or a date (« quand », « en quelle année ») moves
 *   up the passages holding one: « Combien d'ordinateurs la DINUM va-t-elle passer sous Linux ? » wants the passage
 *   with « 234 postes », not the one on the announcement;
 * - a question's phrases of the synonym list (« gagner de l'argent ») count in headings like its words
 *   (« les économies annoncées par le ministère du Land »);
 * - a question asking whether a claim is true (« c'est sérieux ? ») moves up the passages saying what is confirmed
 *   and what is not (« les chiffres non confirmés »);
 * - a question about a country (« communes françaises », « le Danemark ») moves up the documents whose title or tags
 *   name it, and down those naming only another one (a German Land for French communes).
 * Scores are multiplied, so it works on BM25 and fused ranks alike.
 */
import { boundedMemo } from "../core/bounded.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { countedDoers, doerNouns } from "./counted-doers.ts";
import { withoutFixedWords } from "./fixed-expressions.ts";
import { DEMONYMS, fold, phrasesFound, readSections, stem, synonymsOf, words } from "./french.ts";
import { splitSentences, statesAbsent } from "./passages.ts";
import { keywords, questionTerms } from "./relevance.ts";

export type Asked = "quantity" | "date";

/** Longer queries are lists of search terms, not questions (as for the headings' weight). */
const MAX_QUESTION_WORDS = 10;

/** Score factor for a passage holding what the question asks (a quantity, a date). */
export const ASKED_WEIGHT = 0.2;
/** Score factor for a passage whose heading holds a phrase group of the question. */
export const PHRASE_WEIGHT = 0.3;
/** Score factor, for a question asking whether a claim is true (« c'est sérieux ? »), of a passage saying what is confirmed. */
export const CHECK_WEIGHT = 0.3;
/**
 * Score factor, for a question asking whether a rule obliges or forbids (« La loi SREN oblige-t-elle notre commune
 * … ? »), of a passage saying what a rule imposes on a collectivité, by the share of the question's other words (the
 * rule it names) the sentence holds.
 */
export const OBLIGATION_WEIGHT = 0.3;
/** Score factor, beside `OBLIGATION_WEIGHT`, of the page about the rule the question names (its title names it). */
export const OWN_PAGE_WEIGHT = 0.1;
/** Score factor for a document naming the question's country (its inverse for one naming only another country). */
export const COUNTRY_WEIGHT = 0.3;
/** Score factor for the page or card of the subject a question names (« Tchap, la messagerie… », « Produit : Zoom »). */
export const SUBJECT_WEIGHT = 0.5;

/** Score factor for the page of a law the question names (« Le CLOUD Act et la section 702 du FISA : … »). */
export const LAW_WEIGHT = 1;
/**
 * Score factor, for a question asking a duration or the risks of a choice (`[durée]`, `[risque]` of `asked.txt`), of
 * a passage giving a duration or saying a risk.
 */
export const TOPIC_WEIGHT = 0.5;

const ASKED = readSections("asked.txt");

/** The expressions (folded word lists) of a section of `asked.txt`. */
export const askedPhrases = (section: string): string[][] => ASKED.get(section) ?? [];
const SECTION: Record<Asked, string> = { quantity: "quantité", date: "date" };

/** Whether a list of folded words holds an expression (its words in a row). */
const holds = (list: string[], expression: string[]) =>
  list.some((_, i) => expression.every((w, j) => list[i + j] === w));

/** Whether a text holds one of the expressions (folded word lists). */
const holdsAny = (text: string, expressions: string[][]) => {
  const list = words(text);
  return expressions.some((e) => holds(list, e));
};
/** Words by which a passage says what is confirmed or not (« non confirmés », « en réalité »). */
const NUANCE = ASKED.get("nuance") ?? [];

/** Question words a heading must hold for its passage to answer a claim checked (`qualifiesClaim`). */
const CLAIM_HEADING_WORDS = 2;

/**
 * Whether a passage qualifies the claim a question checks (« c'est vrai qu'on est obligé de passer à visio pour les
 * conseils municipaux »): the question asks whether a claim is true (`[vérification]`), the passage says what is
 * confirmed or not (`[nuance]`: « La formule est à nuancer ») and its heading holds two of the question's words
 * (« « Visio obligatoire » : ce que dit vraiment … »), however few of its setting words it holds (trial15 A3).
 */
export function qualifiesClaim(query: string, r: { section: string; text: string }): boolean {
  if (!holdsAny(query, ASKED.get("vérification") ?? []) || !holdsAny(`${r.section} ${r.text}`, NUANCE)) return false;
  const heading = words(r.section);
  const stems = new Set(heading.map(stem));
  const held = keywords(query).filter(
    (k) => stems.has(stem(k)) || heading.some((w) => w.length >= 4 && w.startsWith(stem(k))),
  );
  return held.length >= CLAIM_HEADING_WORDS;
}

/** Words of an obligation or a prohibition (« oblige », « interdit », « s'applique », « concernées »). */
const OBLIGATION = ASKED.get("obligation") ?? [];

/** What a question asks for: a quantity, a date, both or neither. */
export function askedFor(question: string): Asked[] {
  // (« quand même » asks no date: fixed expressions are read out first.)
  const list = withoutFixedWords(words(question));
  return (Object.keys(SECTION) as Asked[]).filter((kind) =>
    (ASKED.get(SECTION[kind]) ?? []).some((e) => holds(list, e)),
  );
}

/** Parenthesised references (« (Webiano, avril 2026) ») and article numbers: not what a question asks. */
const NOT_ASKED = /\([^()]*\b(?:1[89]|20)\d\d\)|\b(?:article|art\.|L\.|R\.)\s*[\d.-]+/giu;
const MONTHS = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre";
const DATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:1er|\\d{1,2})\\s+(?:${MONTHS})|(?:19|20)\\d\\d)(?![\\p{L}\\p{N}])`,
  "iu",
);
/** A number that is not a year nor a day of a month: « 234 », « 25 000 », « 5 à 13 % », « 1,5 million ». */
const QUANTITY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+|\\d+(?:[.,]\\d+)?)(?![\\p{L}\\p{N}]|[ \\u00a0\\u202f]*(?:1er|${MONTHS})\\b)|\\b(?:un|deux|trois|dix|cent|mille)\\s+(?:millions?|milliards?)\\b`,
  "giu",
);

/** Whether a text holds a figure of an asked kind (references and article numbers set aside). */
export function holdsAsked(text: string, asked: Asked[]): boolean {
  if (asked.length === 0) return false;
  const plain = text.replace(NOT_ASKED, " ");
  return asked.some((kind) =>
    kind === "date" ? DATE.test(plain) : [...plain.matchAll(QUANTITY)].some((m) => !/^(?:19|20)\d\d$/.test(m[0])),
  );
}

/** Countries (folded names) a text names, by name or adjective (`places.txt`, and France from `asked.txt`). */
const COUNTRY_WORDS: Map<string, string> = new Map([
  ...[...DEMONYMS.entries()],
  ...[...new Set(DEMONYMS.values())].map((c) => [c, c] as [string, string]),
  ...(ASKED.get("France") ?? []).map((e) => [e.join(" "), "france"] as [string, string]),
]);
export function countriesOf(text: string): Set<string> {
  return countryCache(text);
}
/** Countries of the titles and headings already seen (the same few thousand recur from one search to the next). */
const countryCache = boundedMemo((text: string) => {
  const list = words(text);
  const out = new Set<string>();
  for (const [word, country] of COUNTRY_WORDS) if (holds(list, word.split(" "))) out.add(country);
  return out;
}, 20_000);

/**
 * Stems of the phrase groups of the synonym list a question holds (« gagner de l'argent » → économies…), those its
 * own words already bring left aside (« logiciel libre » → « libre »: the headings already weigh it).
 */
function phraseStems(query: string): Set<string>[] {
  const own = new Set(questionStems(query).flatMap((set) => [...set]));
  return phrasesFound(query)
    .map(({ group }) => new Set(group.filter((e) => !e.includes(" ")).map((e) => stem(e))))
    .filter((set) => ![...set].some((x) => own.has(x)));
}

/** Stems of the single words of `asked.txt` that say what is asked (« budget », « coût », « économies »). */
const ASKING_WORDS = new Set(
  [...(ASKED.get("quantité") ?? []), ...(ASKED.get("date") ?? [])]
    .filter((e) => e.length === 1)
    .map((e) => stem(e[0]!)),
);

/** Whether a question's word says what it asks (« coût », « économiser », « budget »: `asked.txt`). */
export const isAskingWord = (word: string) => ASKING_WORDS.has(stem(word));

/** Content words of the question, numbers of up to three digits left aside. */
const keywordsOf = (query: string) => keywords(query).filter((w) => !/^\d{1,3}$/.test(w));

/** Sets of stems, one per content word of the question (the word and its synonyms). */
function questionStems(query: string): Set<string>[] {
  return keywordsOf(query).map((w) => new Set([w, ...synonymsOf(w)].flatMap((x) => x.split(" ")).map(stem)));
}

/** A passage's sentences holding a figure of each kind, with their stems, by passage object (computed once). */
const figureSentences = new WeakMap<object, { asked: Asked[]; stems: Set<string> }[]>();

/**
 * How well a passage holds what the question asks: the largest share of the question's words found in one sentence
 * holding a figure of the asked kind (« environ 1 500 collectivités seraient concernées » for « Combien de
 * collectivités… ? »), 0 when no sentence holds one.
 */
function askedShare(c: { text: string }, asked: Asked[], stems: Set<string>[], askedWords: Set<string>[]): number {
  let list = figureSentences.get(c);
  if (!list) {
    list = splitSentences(c.text.replace(/\s+/g, " ")).flatMap((t) => {
      const kinds = (["quantity", "date"] as Asked[]).filter((k) => holdsAsked(t, [k]));
      return kinds.length ? [{ asked: kinds, stems: new Set(words(t).map(stem)) }] : [];
    });
    figureSentences.set(c, list);
  }
  let best = 0;
  for (const s of list) {
    if (!s.asked.some((k) => asked.includes(k))) continue;
    // The word that says what is asked (« budget ») beside the figure (« 9 millions d'euros d'investissements »)
    // makes the sentence the answer, whatever else it holds.
    if (askedWords.some((set) => [...set].some((x) => s.stems.has(x)))) return 1;
    const share = stems.length ? stems.filter((set) => [...set].some((x) => s.stems.has(x))).length / stems.length : 1;
    best = Math.max(best, share);
  }
  return best;
}

/** A passage's heading and sentences saying what a rule imposes on a collectivité, with their stems (computed once). */
const obligationSentences = new WeakMap<object, Set<string>[]>();

/**
 * What a question asks the obligation of: the names it holds (« SREN », « NIS2 », « RGPD »), else its words other than
 * those of obligation and setting (« loi », « logiciels libres »), as sets of stems.
 */
function ruleStems(query: string): Set<string>[] {
  const named = namedSubjects(query);
  if (named.length) return named.map((n) => new Set(words(n).map(stem)));
  const aside = new Set([...OBLIGATION, ...SETTING].filter((e) => e.length === 1).map((e) => e[0]!));
  const kept = keywordsOf(query).filter((w) => !aside.has(w));
  return kept.map((w) => new Set([w, ...synonymsOf(w)].flatMap((x) => x.split(" ")).map(stem)));
}

/**
 * For a question asking whether a rule obliges or forbids: the largest share of the question's other words held by a
 * sentence of the passage (its heading counted; with its document's title and its heading, what it is about) saying
 * what is imposed on, or forbidden to, a collectivité
 * (« L'article 31 de la loi SREN ne s'applique pas aux collectivités territoriales » for « La loi SREN oblige-t-elle
 * notre commune … ? », before « l'article 31 de la loi SREN impose aux administrations de l'État … »); 0 when none
 * does, or when it names none of the question's other words (« Quelles collectivités sont concernées ? » for
 * « … concernée par la directive NIS2 ? » leaves the section on the French law first).
 */
function obligationShare(
  c: { section: string; text: string; document: { title: string } },
  rule: Set<string>[],
): number {
  let list = obligationSentences.get(c);
  if (!list) {
    // A sentence is about its document and its section: « l'article 31 ne s'applique pas aux collectivités » of the
    // page on the loi SREN names the loi SREN.
    const about = words(`${c.document.title} ${c.section}`).map(stem);
    list = [c.section, ...splitSentences(c.text.replace(/\s+/g, " "))]
      .filter((t) => holdsAny(t, OBLIGATION) && holdsAny(t, SETTING))
      .map((t) => new Set([...about, ...words(t).map(stem)]));
    obligationSentences.set(c, list);
  }
  if (list.length === 0) return 0;
  const share = (own: Set<string>) =>
    rule.length ? rule.filter((set) => [...set].some((x) => own.has(x))).length / rule.length : 1;
  return Math.max(...list.map(share));
}

/**
 * Passages in the order an extractive answer quotes them: for a question asking whether a rule obliges or forbids
 * (« Est-ce que la loi SREN oblige notre commune à quitter Microsoft ? »), those saying what the rule imposes on a
 * collectivité move up (`OBLIGATION_WEIGHT`), so the first quotation answers the question's core (« elles n'obligent
 * pas les collectivités territoriales ») rather than a case it names (the Health Data Hub's departure), the rule's own
 * page first among those saying the same (« Puisque la loi SREN oblige les communes … ? »). The search's
 * own order (and what it finds) is left as it is; other questions keep it too.
 */
export function obligationFirst<
  R extends { score: number; section: string; text: string; document: { title: string } },
>(query: string, passages: R[]): R[] {
  if (keywordsOf(query).length > MAX_QUESTION_WORDS || !holdsAny(query, OBLIGATION)) return passages;
  const rule = ruleStems(query);
  const named = namedSubjects(query).map((n) => words(n).map(stem));
  // The rule's own page (its title names it: « La loi SREN de 2024 et son article 31 ») is where it says whom it
  // obliges, with authority: before another page saying the same in passing.
  const ownPage = (title: string) => {
    const own = new Set(words(title).map(stem));
    return named.length > 0 && named.every((n) => n.every((x) => own.has(x)));
  };
  const weighed = passages.map((r, i) => {
    const own = ownPage(r.document.title);
    const share = own ? 1 : obligationShare(r, rule);
    return { r, i, score: r.score * (1 + OBLIGATION_WEIGHT * share) * (own ? 1 + OWN_PAGE_WEIGHT : 1) };
  });
  return weighed.sort((a, b) => b.score - a.score || a.i - b.i).map((x) => x.r);
}

const ARGUMENTS = readSections("arguments-asked.txt");
const ARGUMENTS_ASKED = ARGUMENTS.get("demande d'arguments") ?? [];
const REVERSAL = ARGUMENTS.get("retour arrière") ?? [];

/**
 * Passages for a question asking for arguments to convince (`arguments-asked.txt`: « donne moi trois arguments pour le
 * conseil municipal sur le logiciel libre »): those whose page or section tells a reversal (Munich's vote to return to
 * Windows, Nancy ending its strategy) after the others, so that « En bref » does not plead the opposite (trial18 F5,
 * trial19 H5). Other questions keep the order.
 */
export function reversalsLast<R extends { section: string; document: { title: string } }>(
  query: string,
  passages: R[],
): R[] {
  if (!asksArguments(query)) return passages;
  const reversal = (r: R) => tellsReversal(`${r.document.title} ${r.section}`);
  return [...passages.filter((r) => !reversal(r)), ...passages.filter(reversal)];
}

/** Whether a question asks for arguments to convince (`arguments-asked.txt` [demande d'arguments]). */
export const asksArguments = (query: string) => holdsAny(query, ARGUMENTS_ASKED);

/** Whether a text tells a reversal (`arguments-asked.txt` [retour arrière]: « retour à Windows », « a mis fin à »). */
export const tellsReversal = (text: string) => holdsAny(text, REVERSAL);

const REVERSAL_ASKED = ARGUMENTS.get("retour arrière demandé") ?? [];
/** Whether a question asks of reversals itself (« quelles communes sont revenues à Windows ? », « des échecs ? »). */
export const asksReversal = (query: string) => holdsAny(query, REVERSAL_ASKED) || tellsReversal(query);

/** Stems of a heading, by heading text (the same few thousand recur from one search to the next). */
const stemsOf = boundedMemo((text: string) => new Set(words(text).map(stem)), 20_000);

/** A duration in a passage: « de 2020 à 2025 », « 2005-2013 », « cinq ans », « 18 mois ». */
const DURATION =
  /(?<![\p{L}\p{N}])(?:(?:de|entre)\s+(?:19|20)\d\d\s+(?:à|et)\s+(?:19|20)\d\d|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt)\s+(?:ans|années|mois|semaines))(?![\p{L}\p{N}])/iu;
const DURATION_ASKED = ASKED.get("durée") ?? [];
const RISK = ASKED.get("risque") ?? [];
const RISK_SAID = ASKED.get("risque dit") ?? [];

/**
 * What a passage must say for a question asking a duration (one) or the risks of a choice (one of the risk words);
 * null when the question asks neither.
 */
export function topicAsked(query: string): ((text: string) => boolean) | null {
  if (holdsAny(query, DURATION_ASKED)) return (text) => DURATION.test(text);
  if (holdsAny(query, RISK)) return (text) => holdsAny(text, RISK_SAID);
  return null;
}

/** `ranked` scores adjusted for what the question asks (see above), re-sorted (best first). */
export function weighQuestion<R extends { id: string; score: number }>(
  query: string,
  chunks: { id: string; section: string; text: string; document: { title: string; keywords?: string[] } }[],
  ranked: R[],
): R[] {
  // A long list of search terms (a draft section's query) is not a question: nothing is asked in it.
  if (keywordsOf(query).length > MAX_QUESTION_WORDS) return ranked;
  const asked = askedFor(query);
  const stems = asked.length ? questionStems(query) : [];
  // The question's words that say what it asks (« budget », « économisé »: in `asked.txt`), with their synonyms.
  const askedWords = stems.filter((_, i) => ASKING_WORDS.has(stem(keywordsOf(query)[i]!)));
  const phrases = phraseStems(query);
  const countries = countriesOf(query);
  const checking = holdsAny(query, ASKED.get("vérification") ?? []);
  // The page or card of a subject named beside setting words (« Peut-on utiliser Tchap en mairie ? ») comes first.
  const subjects = subjectsInSetting(query).map((s) => s.split(" "));
  // The page of a law the question names comes first (« Le CLOUD Act concerne-t-il … ? » opens on the CLOUD Act's).
  const laws = namedLaws(query);
  // The card of the product a question asks to replace lists its alternatives (« alternative à Microsoft Teams »).
  const replaced = replacedProducts(query);
  // A question asking a duration or the risks of a choice: the passages that give one come first.
  const topic = topicAsked(query);
  if (
    (asked.length === 0 &&
      !topic &&
      phrases.length === 0 &&
      countries.size === 0 &&
      !checking &&
      subjects.length === 0 &&
      laws.length === 0 &&
      replaced.length === 0) ||
    chunks.length === 0
  )
    return ranked;
  const factor = new Map(
    chunks.map((c) => {
      let f = 1;
      if (subjects.length && isPageOf(c.document.title, subjects)) f *= 1 + SUBJECT_WEIGHT;
      if (replaced.length && c.id.startsWith("catalog/product/") && isPageOf(c.document.title, replaced))
        f *= 1 + SUBJECT_WEIGHT;
      const lawPage = isLawPage(c.document.title, laws);
      if (lawPage) f *= 1 + LAW_WEIGHT;
      if (asked.length) f *= 1 + ASKED_WEIGHT * askedShare(c, asked, stems, askedWords);
      if (topic?.(`${c.section} ${c.text}`)) f *= 1 + TOPIC_WEIGHT;
      const heading = stemsOf(c.section);
      if (phrases.some((set) => [...set].some((s) => heading.has(s)))) f *= 1 + PHRASE_WEIGHT;
      if (checking && holdsAny(`${c.section} ${c.text}`, NUANCE)) f *= 1 + CHECK_WEIGHT;
      if (countries.size) {
        const named = countriesOf(`${c.document.title} ${(c.document.keywords ?? []).join(" ")} ${c.section}`);
        if ([...named].some((n) => countries.has(n))) f *= 1 + COUNTRY_WEIGHT;
        // The page of the law asked about is about that law wherever it applies (« Le CLOUD Act … en France ? »).
        else if (named.size && !lawPage) f /= 1 + COUNTRY_WEIGHT;
      }
      return [c.id, f];
    }),
  );
  return ranked
    .map((r) => (factor.has(r.id) && factor.get(r.id) !== 1 ? { ...r, score: r.score * factor.get(r.id)! } : r))
    .sort((a, b) => b.score - a.score);
}

/**
 * What a quantity question counts: the word after « combien de », « nombre de » (« Combien de collectivités… ? »
 * → collectivités, with its synonyms: « ordinateurs » → postes, PC), as stems; none when it counts nothing named
 * (« De combien … augmenter ? »).
 */
export function countedStems(query: string): Set<string> {
  // « combien de leurs salariés » counts salariés (`COUNTED`).
  const noun =
    /\b(?:combien|nombre)\s+(?:de\s+|d['’]\s*|d\s+)(?:(?:leurs?|ses|nos|vos|ces|mes|tes)\s+)?([a-z]{3,})/.exec(
      fold(query),
    )?.[1];
  if (!noun) return new Set();
  return new Set(
    [noun, ...synonymsOf(noun)]
      .flatMap((x) => x.split(" "))
      .filter((w) => w.length >= 3)
      .map(stem),
  );
}

/** Words between a figure and the noun it counts, at most (« 1 500 collectivités », « 200 à 250 postes de travail »). */
const COUNT_REACH = 2;

/** Whether a text holds a figure counting one of `counted` (« environ 1 500 collectivités » for collectivités). */
export function holdsCount(text: string, counted: Set<string>): boolean {
  if (counted.size === 0) return false;
  const plain = text.replace(NOT_ASKED, " ");
  for (const m of plain.matchAll(QUANTITY)) {
    if (/^(?:19|20)\d\d$/.test(m[0])) continue;
    // The words right after the figure, in the same clause (« 11 secteurs ; les collectivités » counts sectors).
    const rest = plain.slice(m.index! + m[0].length, m.index! + m[0].length + 80).split(/[;:,.()«»]/)[0]!;
    const after = words(rest).slice(0, COUNT_REACH + 1);
    if (after.some((w) => counted.has(stem(w)))) return true;
  }
  return false;
}

/**
 * Shares written in words (« la moitié », « un tiers », `fractions.txt`, data read by the verifier too), folded, and the
 * expressions that are never shares (« tiers de confiance »).
 */
const SHARES = wordListLines("fractions.txt")
  .filter((l) => !l.startsWith("!"))
  .map((l) => words(l.split(":")[0]!).join(" "));
const NEVER_SHARES = wordListLines("fractions.txt")
  .filter((l) => l.startsWith("!"))
  .map((l) => words(l.slice(1)).join(" "));

/**
 * Whether a text gives a share in words of what the question counts (« plus de la moitié des entreprises » for
 * « combien d'entreprises »): a share followed by « de/des/du/d' » and, within `COUNT_REACH` words, the thing counted.
 */
export function holdsShareOf(text: string, counted: Set<string>): boolean {
  if (counted.size === 0) return false;
  const list = words(text);
  for (const share of SHARES) {
    const size = share.split(" ").length;
    for (let i = 0; i + size <= list.length; i++) {
      if (list.slice(i, i + size).join(" ") !== share) continue;
      const after = list.slice(i + size, i + size + 1 + COUNT_REACH + 1);
      if (!/^(?:de|des|du|d)$/.test(after[0] ?? "")) continue;
      if (NEVER_SHARES.some((n) => ` ${list.slice(i, i + size + 2).join(" ")} `.includes(` ${n} `))) continue;
      // « la moitié des petites communes », not « la moitié des agents des communes » (a share of agents).
      for (const w of after.slice(1)) {
        if (counted.has(stem(w))) return true;
        if (/^(?:de|des|du|d)$/.test(w)) break;
      }
    }
  }
  return false;
}

/**
 * Whether a text has a sentence saying the sources lack what a question asks (`statesAbsent`, holding one of its
 * asking words or their synonyms: « ne documentent pas … son coût final » for « Combien … dépensé … ? »); `asking`: the
 * question itself, or the stems of its asking words.
 */
export function saysLacking(asking: string | Set<string>[], text: string): boolean {
  const askedWords =
    typeof asking === "string"
      ? questionStems(asking).filter((_, i) => ASKING_WORDS.has(stem(keywordsOf(asking)[i]!)))
      : asking;
  if (askedWords.length === 0) return false;
  return splitSentences(text.replace(/\s+/g, " ")).some((t) => {
    if (!statesAbsent(t)) return false;
    const own = new Set(words(t).map(stem));
    return askedWords.some((set) => [...set].some((x) => own.has(x)));
  });
}

/** A passage as the section choice reads it: its heading, its text, its document's title. */
type Section = { id: string; section: string; text: string; document: { title: string } };

/**
 * Which passages of one document answer the question, best first: the sections are told apart by the question's
 * words their document's title does not already hold (every section of « La directive NIS2 … les collectivités »
 * is about NIS2 and collectivités), in their heading and in their text, and by holding what the question asks — a
 * figure of the thing it counts (« environ 1 500 collectivités »), or a quantity or a date in a sentence holding
 * those words. `passages` come in ranking order, which breaks ties.
 */
export function rankSections<T extends Section>(query: string, passages: T[]): T[] {
  if (passages.length < 2 || keywordsOf(query).length > MAX_QUESTION_WORDS) return passages;
  const asked = askedFor(query);
  const counted = countedStems(query);
  const all = questionStems(query).map((set) => new Set([...set].filter((s) => s.length >= 3)));
  const title = stemsOf(passages[0]!.document.title);
  const own = all.filter((set) => set.size > 0 && ![...set].some((s) => title.has(s)));
  const stems = own.length ? own : all;
  const askedWords = stems.filter((set) => [...set].some((s) => ASKING_WORDS.has(s)));
  const held = passages.map((p) => {
    const heading = stemsOf(p.section);
    const body = new Set(words(p.text).map(stem));
    return stems.map((set) => ({
      heading: [...set].some((s) => heading.has(s)),
      body: [...set].some((s) => body.has(s)),
    }));
  });
  // A word in every section of the document tells them apart no more than its title does.
  const rarity = stems.map(
    (_, i) => 1 - held.filter((h) => h[i]!.heading || h[i]!.body).length / passages.length + 1 / passages.length,
  );
  const score = (p: T, j: number) => {
    let n = held[j]!.reduce((a, h, i) => a + rarity[i]! * ((h.body ? 1 : 0) + (h.heading ? 1 : 0)), 0);
    if (holdsCount(p.text, counted)) n += 2;
    else if (asked.length) n += askedShare(p, asked, stems, askedWords);
    // The corpus saying it lacks what is asked (« ne documentent pas … son coût final » for « Combien … dépensé pour
    // revenir à Windows ? ») answers it, better than another figure beside the question's words.
    if (asked.length && saysLacking(askedWords, p.text)) n += 3;
    // A heading holding what is asked names the event or the figure (« la décision du 5 février 2026 » for « Quand… ? »).
    if (holdsAsked(p.section, asked)) n += 1;
    return n;
  };
  const scores = new Map(passages.map((p, j) => [p.id, score(p, j)]));
  return passages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => scores.get(b.p.id)! - scores.get(a.p.id)! || a.i - b.i)
    .map((x) => x.p);
}

/** Words of the setting of a question (`[cadre]` of `asked.txt`: « en mairie », « pour nous »), as folded word lists. */
const SETTING = (ASKED.get("cadre") ?? []).sort((a, b) => b.length - a.length);

/** Words asking for what follows them (« quelles communes », « combien de collectivités »), folded. */
const ASKING_SETTING = [
  ["quel"],
  ["quelle"],
  ["quels"],
  ["quelles"],
  ["combien", "de"],
  ["nombre", "de"],
  ["lesquelles"],
];

/** The domain's general words (`generic-words.txt`: « Microsoft », « Linux »), folded: names that are no subject. */
const GENERIC_NAMES = new Set(wordListLines("generic-words.txt").flatMap((l) => words(l)));

/**
 * The subjects a question names: a product, an organisation, a place written with a capital (« Nextcloud », « Tchap »,
 * « la Gendarmerie »), neither a date, a nationality nor one of the domain's general names (« Microsoft »).
 */
export function namedSubjects(query: string): string[] {
  const list = words(query);
  // Names written side by side are one name (« CLOUD Act », « Microsoft Teams »): « cloud », a general word, must
  // not leave « act » alone, which the Data Act's page also opens on.
  const merged: string[] = [];
  for (const t of questionTerms(query)) {
    if (!t.name || t.date || t.nationality || t.context) continue;
    const previous = merged.at(-1);
    if (previous && holds(list, [...previous.split(" "), ...t.word.split(" ")]))
      merged[merged.length - 1] = `${previous} ${t.word}`;
    else merged.push(t.word);
  }
  return merged.filter((w) => !w.split(" ").every((x) => GENERIC_NAMES.has(x)));
}

/** Whether a question asks what could replace a product (`[alternative]` of `asked.txt`: « alternative à … »). */
export const asksAlternative = (query: string) => holdsAny(query, REPLACING);
/**
 * The words of `[alternative]` that ask what replaces a product (« alternative », « remplacer »), not those that only
 * say free or without (« libre », « sans »: « Les suites Berger-Levrault, c'est du logiciel libre ? » asks for no list).
 */
const REPLACING = (ASKED.get("alternative") ?? []).filter((e) =>
  ["alternative", "alternatives", "remplacer", "remplacant", "equivalent"].includes(e.join(" ")),
);

/**
 * The products a question asks to replace (« Quelle alternative européenne à Microsoft Teams ? » → microsoft teams),
 * as folded word lists: the subjects it names, when it asks for an alternative.
 */
export function replacedProducts(query: string): string[][] {
  if (!asksAlternative(query)) return [];
  return namedSubjects(query)
    .filter((s) => countriesOf(s).size === 0)
    .map((s) => s.split(" "));
}

/** Words that say a name is a law's (« loi SREN », « directive NIS2 », « CLOUD Act »), folded. */
const LAW_WORDS = new Set(["loi", "directive", "reglement", "act"]);

/**
 * The laws a question names (« le CLOUD Act », « la loi SREN », « la directive NIS2 »), as folded word lists: a name
 * ending in « Act », or written right after « loi », « directive », « règlement »; none when it names another subject.
 */
export function namedLaws(query: string): string[][] {
  const list = words(query);
  const subjects = namedSubjects(query)
    .filter((s) => countriesOf(s).size === 0)
    .map((s) => s.split(" "));
  const laws = subjects.filter(
    (s) =>
      (s.length > 1 && s.at(-1) === "act") ||
      list.some((w, i) => LAW_WORDS.has(w) && s.every((x, j) => list[i + 1 + j] === x)),
  );
  // A question on something else that names a law beside it (« FortiClient : l'éditeur est-il soumis au CLOUD Act ? »,
  // « Le Data Privacy Framework … écarte-t-il le CLOUD Act ? ») is about that other subject first.
  const inLaw = (w: string) => laws.some((law) => law.includes(w));
  const others = questionTerms(query).filter(
    (t) =>
      t.name &&
      !t.date &&
      !t.nationality &&
      countriesOf(t.word).size === 0 &&
      !t.word.split(" ").every((w) => GENERIC_NAMES.has(w) || inLaw(w)),
  );
  return laws.length === subjects.length && others.length === 0 ? laws : [];
}

/** Whether a question names a law none of `chunks` is the page of (the search then looks further down the list). */
export const lawPageMissing = (query: string, chunks: { document: { title: string } }[]) => {
  const laws = keywordsOf(query).length > MAX_QUESTION_WORDS ? [] : namedLaws(query);
  return laws.length > 0 && !chunks.some((c) => isLawPage(c.document.title, laws));
};

/**
 * Whether a document is the page of one of the laws (`namedLaws`): its title, before its first colon or dash, names
 * the law, its words in a row (« Le CLOUD Act et la section 702 du FISA : … » for the CLOUD Act, not « Data Act, Cyber
 * Resilience Act, DMA et DSA : … »).
 */
export function isLawPage(title: string, laws: string[][]): boolean {
  if (laws.length === 0) return false;
  const head = words(title.split(/\s[:—–]\s/)[0] ?? "");
  return laws.some((law) => holds(head, law));
}

/**
 * The text the full-text index is asked for a question: when it names a subject and says its setting (« Peut-on
 * utiliser Nextcloud en mairie ? »), the subject's words count twice — the page that says « mairie » most often (the
 * CLOUD Act guide's « pour une mairie ») no longer outranks the card of the product named, while a question on the
 * CLOUD Act « pour ma mairie » still finds that section. A question counting a verb's doers (« Combien d'agents
 * utilisent Visio ? ») is also searched for the nouns naming them (« utilisateurs »). Any other question is searched
 * as asked.
 */
export function searchedText(query: string): string {
  const subjects = subjectsInSetting(query);
  // « Combien d'agents utilisent X ? »: the figure that answers counts « utilisateurs », a word the question does not
  // write (`countedDoers`).
  const doers = countedDoers(query);
  const more = [...subjects, ...(doers ? doerNouns(doers.verb) : [])];
  return more.length ? `${query} ${more.join(" ")}` : query;
}

/**
 * The subjects a question names beside its setting words (« Peut-on utiliser Nextcloud en mairie ? » → nextcloud);
 * none when it says no setting or names no subject.
 */
export function subjectsInSetting(query: string): string[] {
  if (keywordsOf(query).length > MAX_QUESTION_WORDS || SETTING.length === 0) return [];
  const list = words(query);
  // A question asking what replaces the subject (« une alternative libre à Windows Server ») wants the alternatives,
  // not the subject's card; a country (« L'Italie … ses communes ») is a place, not a page's subject.
  if (!SETTING.some((e) => holds(list, e)) || holdsAny(query, ASKED.get("alternative") ?? [])) return [];
  // A setting word that is what is asked (« Quelles communes … ? », « Combien de collectivités … ? ») is no setting.
  if (SETTING.some((e) => ASKING_SETTING.some((q) => holds(list, [...q, ...e])))) return [];
  return namedSubjects(query).filter((s) => countriesOf(s).size === 0);
}

/** Whether a passage's document is the page or the card of a subject the question names (see `isPageOf`). */
export const isSubjectPage = (title: string, subjects: string[]) =>
  subjects.length > 0 &&
  isPageOf(
    title,
    subjects.map((s) => s.split(" ")),
  );

/** Titles already read as the subject they are about (the same few hundred recur from one search to the next). */
const titleHeads = boundedMemo((title: string) => {
  const bare = title.replace(/^(?:Alternative|Produit|Éditeur|Editeur)\s*:\s*/u, "");
  return keywords(bare.split(/\s[:—–(]|[,:(]/)[0] ?? "");
}, 20_000);

/**
 * Whether a document is the page or the card of one of the subjects (folded word lists): its title, after a card's
 * « Alternative : » / « Produit : », opens on the subject and says little else before its first comma or colon
 * (« Tchap, la messagerie instantanée de l'État », « Alternative : Nextcloud Hub », « La Gendarmerie nationale et
 * GendBuntu : … »), not a page that names it among others (« La Suite numérique de l'État : Visio, Docs, Tchap… »).
 */
function isPageOf(title: string, subjects: string[][]): boolean {
  const words = titleHeads(title);
  return subjects.some((s) => s.every((w) => words.includes(w)) && words.length <= s.length + 2);
}
