/**
 * Who did what to whom, read on the verb a sentence shares with its cited passage (trial26 T-H1): « Karim Khan a
 * supprimé l'adresse de messagerie de Microsoft » where the passage says « Microsoft avait supprimé l'adresse de
 * messagerie de Karim Khan ». In each clause of both, a verb (an auxiliary and its participle, or a verb right after a
 * name) gives its names a role: the names before an active verb do it, the names of its object (up to a preposition
 * that opens another complement: « à », « chez », « par », « avec »…) undergo it; in the passive (« a été supprimée
 * par Microsoft ») the name after « par » does it and the names before undergo it. A name the sentence makes the doer
 * where every cited clause with the same verb makes it only the one acted on, or the reverse, is a swap. Words are data
 * (`server/i18n/fr/verb-roles.txt`); not for one verb. `server/verify/index.ts` turns what it finds into a reason.
 */
import { fold } from "../core/text.ts";
import { BASE_STOPWORDS, wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { short } from "./negation.ts";
import { MONTH_NAMES, SENTENCE_START_COMMON } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";

const SECTIONS = wordListSections("verb-roles.txt");
const folded = (section: string) => new Set((SECTIONS.get(section) ?? []).map((w) => fold(w)));
const HAVE = folded("have");
const BE = folded("be");
const BE_VERBS = folded("be-verbs");
const BETWEEN = folded("between");
const AGENT = folded("agent");
/** Object ends of one word (« chez ») and of several (« au profit »), the latter as token runs. */
const OBJECT_ENDS = [...folded("object-ends")].map((e) => e.split(/\s+/));
const CLAUSE_BREAKS = [...folded("clause-breaks")].map((e) => e.split(/\s+/));
const NEGATION = folded("negation");
const REFLEXIVE = folded("reflexive");

/** Words that are no participle after « a » or « est » (« a une », « est la »). */
const STOP = new Set(BASE_STOPWORDS.map((w) => fold(w)));
/** The genitive that keeps a name in the object (« l'adresse de messagerie de Karim Khan »). */
const GENITIVE = new Set(["de", "du", "des", "d", "l", "la", "le", "les", "un", "une", "son", "sa", "ses", "leur"]);
/** A participle's ending (« supprimé », « contraint », « pris », « ouvert », « voulu »). */
const PARTICIPLE = /(?:ée?s?|ie?s?|ite?s?|ue?s?|rte?s?|inte?s?)$/u;
/** A participle that no present tense writes the same (« rachetée », not « cite », « publie », « interdit »). */
const BARE_PARTICIPLE = /ée?s?$/u;
/** A finite verb's ending, for a verb right after a name (« Microsoft supprime », « la DINUM développe »). */
const FINITE = /(?:e|es|ent|ait|aient|it|ont)$/u;
/** Pronouns that open a sentence, not names. */
const PRONOUNS = /^(?:Il|Elle|Ils|Elles|On|Je|Nous|Vous|Madame|Monsieur)$/u;

interface Token {
  raw: string;
  folded: string;
  /** A capitalised word that names something (not a common word opening the sentence, not a month). */
  name: boolean;
  punct: boolean;
  /** Where the token starts in its text. */
  at: number;
}

function tokens(text: string): Token[] {
  // (A line break parts clauses: a heading's last words before the first sentence of its text.)
  return [...text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*|\n|[^\s\p{L}\p{N}'’]/gu)].map((m, i) => {
    const raw = m[0];
    const punct = !/[\p{L}\p{N}]/u.test(raw);
    const name =
      !punct &&
      /^\p{Lu}/u.test(raw) &&
      raw.length >= 2 &&
      !MONTH_NAMES.test(raw) &&
      !PRONOUNS.test(raw) &&
      !(i === 0 && SENTENCE_START_COMMON.test(raw)) &&
      !SENTENCE_START_COMMON.test(raw);
    return { raw, folded: fold(raw), name, punct, at: m.index! };
  });
}

/** Whether the run `words` starts at `i`. */
const runAt = (list: Token[], i: number, words: string[]) => words.every((w, k) => list[i + k]?.folded === w);

/** A text's clauses: runs of tokens between punctuation and the words that open another clause. */
function clauses(text: string): Token[][] {
  const list = tokens(text);
  const out: Token[][] = [[]];
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    if (t.punct || CLAUSE_BREAKS.some((b) => runAt(list, i, b))) {
      if (out.at(-1)!.length > 0) out.push([]);
      continue;
    }
    out.at(-1)!.push(t);
  }
  return out.filter((c) => c.length > 0);
}

/**
 * Name groups (adjacent capitalised words) between two token offsets, as their folded words; without those after
 * « par » (and its articles) when `byLeft` is set.
 */
function namesIn(clause: Token[], from: number, to: number, byLeft = false): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  let by = false;
  const close = () => {
    if (run.length > 0 && !by) out.push(run);
    run = [];
  };
  for (let i = from; i < to; i++) {
    const t = clause[i]!;
    if (t.name) {
      if (run.length === 0) {
        let k = i - 1;
        while (k >= from && GENITIVE.has(clause[k]!.folded) && clause[k]!.folded !== "de") k--;
        by = byLeft && k >= from && AGENT.has(clause[k]!.folded);
      }
      run.push(t.folded);
    } else close();
  }
  close();
  return out;
}

/** The names of a verb's object: after it, up to a word that opens another complement. */
function objectNames(clause: Token[], from: number): string[][] {
  let to = from;
  while (to < clause.length) {
    if (!clause[to]!.name && !GENITIVE.has(clause[to]!.folded) && OBJECT_ENDS.some((e) => runAt(clause, to, e))) break;
    to++;
  }
  return namesIn(clause, from, to);
}

interface Act {
  /** The verb's stem. */
  verb: string;
  /** The verb as written. */
  shown: string;
  doers: string[][];
  undergoers: string[][];
  /** The sentence as written, from the clause on. */
  text: string;
}

/** The acts of a text's clauses: each verb with the names that do it and those it is done to. */
function actsOf(text: string): Act[] {
  const out: Act[] = [];
  for (const clause of clauses(text)) {
    if (clause.some((t) => NEGATION.has(t.folded) || REFLEXIVE.has(t.folded))) continue;
    for (let i = 0; i < clause.length; i++) {
      const t = clause[i]!;
      let verbAt = -1;
      let passive = false;
      if (HAVE.has(t.folded) || BE.has(t.folded)) {
        let j = i + 1;
        let been = false;
        while (j < clause.length && BETWEEN.has(clause[j]!.folded)) {
          if (clause[j]!.folded === "ete") been = true;
          j++;
        }
        const p = clause[j];
        if (!p || p.name || !PARTICIPLE.test(p.raw) || STOP.has(p.folded) || HAVE.has(p.folded) || BE.has(p.folded))
          continue;
        verbAt = j;
        passive = been || (BE.has(t.folded) && !BE_VERBS.has(p.folded));
        // « est passée à », « est revenue » with « être »: active; « a été » makes it passive whatever the verb.
        if (BE.has(t.folded) && BE_VERBS.has(p.folded)) passive = false;
      } else if (i > 0 && clause[i - 1]!.name && !t.name && t.folded.length > 3 && !STOP.has(t.folded)) {
        // A participle right after a name is a passive without its auxiliary (« Symantec rachetée par Broadcom »,
        // « OpenOffice proposé aux agents »); another verb form there is active (« Microsoft supprime »).
        if (BARE_PARTICIPLE.test(t.raw)) passive = !BE_VERBS.has(t.folded);
        // (« ouverte », « maintenues », « cite », « publie »: a participle or a present tense, not read.)
        else if (PARTICIPLE.test(t.raw) || !FINITE.test(t.folded)) continue;
        verbAt = i;
      } else continue;
      const verb = clause[verbAt]!;
      // (A name after « par » before the verb is the agent of another participle: « Le service opéré par l'État est
      // réservé … ».)
      // The doer of an active verb is the name just before it, not one earlier in its clause (« Selon la CNIL, … »).
      const before = namesIn(clause, 0, i, true).slice(-1);
      // A verb conjugated with « être » has no object: a name after it is its subject put after (« est née l'idée du
      // réseau France Numérique Libre »).
      const intransitive = BE_VERBS.has(verb.folded);
      if (passive) {
        const by = clause.findIndex((x, k) => k > verbAt && AGENT.has(x.folded));
        const agent = by < 0 ? [] : namesIn(clause, by + 1, Math.min(clause.length, by + 4)).slice(0, 1);
        out.push({
          verb: stem(verb.folded),
          shown: verb.raw,
          doers: agent,
          undergoers: before,
          text: text.slice(clause[0]!.at),
        });
      } else
        out.push({
          verb: stem(verb.folded),
          shown: verb.raw,
          doers: before,
          undergoers: intransitive ? [] : objectNames(clause, verbAt + 1),
          text: text.slice(clause[0]!.at),
        });
      i = verbAt;
    }
  }
  return out;
}

/** Whether two names are the same: the words of the shorter all in the longer (« Khan », « Karim Khan »). */
const same = (a: string[], b: string[]) => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((w) => long.includes(w));
};
const among = (name: string[], list: string[][]) => list.some((n) => same(name, n));
/**
 * Whether a name is in a list as itself, not as part of a longer run of capitals (« Territoires Ouverts Camille
 * Rouvier », a heading's end read with the sentence after it): the shorter has more than half the longer's words.
 */
const amongAsItself = (name: string[], list: string[][]) =>
  list.some((n) => same(name, n) && 2 * Math.min(name.length, n.length) > Math.max(name.length, n.length));

/** The name as the text writes it. */
const shownName = (name: string[], text: string) => {
  const at = fold(text).indexOf(name.join(" "));
  return at < 0 ? name.join(" ") : text.slice(at, at + name.join(" ").length);
};

/**
 * The name that does the first act of a text (« Le 8 avril 2026, la DINUM a annoncé … » → « DINUM »), as written, or
 * null: what a pronoun opening the next sentence stands for (« Elle passe à Sécurix »).
 */
export function firstDoer(text: string): string | null {
  const act = actsOf(withoutReferences(text)).find((a) => a.doers.length > 0);
  return act ? shownName(act.doers[0]!, act.text) : null;
}

/**
 * A name the sentence makes the doer of a verb (or the one acted on) where the cited clauses with the same verb give
 * it only the other role: the name, the verb and the cited clause, or null.
 */
export function rolesSwapped(stated: string, pool: Source[]): { name: string; verb: string; quote: string } | null {
  const mine = actsOf(withoutReferences(stated)).filter((a) => a.doers.length > 0 || a.undergoers.length > 0);
  if (mine.length === 0) return null;
  const theirs = pool.flatMap((s) =>
    s.sentences.filter((ss) => !ss.inHeading).flatMap((ss) => actsOf(withoutReferences(ss.text))),
  );
  for (const act of mine) {
    const same = theirs.filter((a) => a.verb === act.verb);
    if (same.length === 0) continue;
    const doers = same.flatMap((a) => a.doers);
    const undergoers = same.flatMap((a) => a.undergoers);
    const swapped = (name: string[], mineOther: string[][], theirsOwn: string[][], theirsOther: string[][]) =>
      !among(name, mineOther) && !among(name, theirsOwn) && amongAsItself(name, theirsOther);
    const name =
      act.doers.find((n) => swapped(n, act.undergoers, doers, undergoers)) ??
      act.undergoers.find((n) => swapped(n, act.doers, undergoers, doers));
    if (!name) continue;
    const quote = same.find((a) => amongAsItself(name, [...a.doers, ...a.undergoers]))!;
    return { name: shownName(name, act.text), verb: act.shown, quote: short(quote.text) };
  }
  return null;
}
