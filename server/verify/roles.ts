/**
 * A person of the passages put in another's role (trial7, A1, A2, A4): « Aurélien Farge occupe le poste de directeur
 * de la stratégie » where the passage says « le poste de directeur de la stratégie … ; Nicolas Vivant l'occupe », or
 * « rapporteur du texte au Sénat » where the passage names the person with the Assemblée nationale. Roles and
 * institutions are data (`server/i18n/fr/roles-held.txt`); `server/verify/index.ts` turns what it finds into reasons.
 */
import { escapeRegExp } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { fold, stem } from "../retrieval/french.ts";
import { NEGATION } from "./negation.ts";
import { namesAt } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, wordLines, words } from "./words.ts";

const SECTIONS = wordListSections("roles-held.txt");
/** Each role as the set of its folded words. */
const ROLES = (SECTIONS.get("roles") ?? []).map((l) => new Set(l.split(/\s+/).map((w) => fold(w))));
/** Starts of verbs by which a person acts for a body (« représente », « préside »), folded. */
const ACTS = new Set((SECTIONS.get("acts") ?? []).flatMap((l) => l.split(/\s+/).map((w) => fold(w))));
/** The forms of the act's verb (same first letters), as one alternation. */
const formsOf = (act: string) => [...ACTS].filter((f) => f.slice(0, 5) === act.slice(0, 5)).join("|");
/** Institutions, as written (a capital first). */
const INSTITUTIONS = (SECTIONS.get("institutions") ?? []).map((name) => ({
  name,
  re: new RegExp(`(?<!\\p{L})${escapeRegExp(name).replace(/['’]/g, "['’]").replace(/\s+/g, "\\s+")}(?!\\p{L})`, "u"),
}));

/** Persons of a text: two capitalised words or more, written together (« Sophie Le Goff », « Nicolas Vivant »). */
export function persons(text: string): { name: string; folded: string }[] {
  const out: { name: string; at: number; end: number }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}-])\p{Lu}[\p{Ll}-]+/gu)) {
    const last = out.at(-1);
    if (last && /^\s+$/u.test(text.slice(last.end, m.index!))) {
      last.end = m.index! + m[0].length;
      last.name = text.slice(last.at, last.end);
    } else out.push({ name: m[0], at: m.index!, end: m.index! + m[0].length });
  }
  return out
    .filter((p) => p.name.split(/\s+/).length >= 2 && !INSTITUTIONS.some((i) => i.re.test(p.name)))
    .filter((p) => namesAt(p.name).length >= 1)
    .map((p) => ({ name: p.name, folded: words(p.name).join(" ") }));
}

/** The cited sentences (not headings), without their references. */
const bodies = (pool: Source[]) =>
  pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)));

/** Content words after each word of a role in a text (up to `n`), by the role's index. */
function roleSpans(text: string, n: number): { role: number; after: string[] }[] {
  const list = words(text);
  const out: { role: number; after: string[] }[] = [];
  list.forEach((w, i) => {
    const role = ROLES.findIndex((r) => r.has(w));
    if (role >= 0)
      out.push({
        role,
        after: contentWords(list.slice(i + 1, i + 12).join(" "))
          .slice(0, n)
          .map((x) => stem(x)),
      });
  });
  return out;
}

/** Words after a role that say nothing of it (« dirige depuis 2020 la … »), stemmed. */
const ROLE_SKIPS = new Set(["depuis", "alors", "aussi", "encore", "toujours", "desormais"].map((w) => stem(w)));

/** Least words after the role a sentence and a cited sentence must share for the role to be the same. */
export const ROLE_SPAN_MIN_SHARED = 2;

/**
 * A person of the sentence given a role (« directeur de la stratégie ») that a cited sentence gives to another person
 * of the passages, where no cited sentence naming the person gives it to them: the two names, or null.
 */
export function roleHolderSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const texts = bodies(pool);
  const all = bagOf(texts.join(" "));
  const mine = persons(stated).filter((p) => inBag(p.folded, all, false));
  if (mine.length === 0) return null;
  const own = new Set(mine.flatMap((p) => p.folded.split(" ").map((x) => stem(x))));
  const spans = roleSpans(stated, 3)
    .map((s) => ({ ...s, after: s.after.filter((w) => !own.has(w) && !ROLE_SKIPS.has(w)) }))
    .filter((s) => s.after.length >= ROLE_SPAN_MIN_SHARED);
  for (const p of mine)
    for (const span of spans) {
      const same = (t: string) =>
        roleSpans(t, 5).some(
          (x) => x.role === span.role && span.after.filter((w) => x.after.includes(w)).length >= ROLE_SPAN_MIN_SHARED,
        );
      const theirs = texts.filter(same);
      // Given to the person in a clause of its own (not « … confié à Y (… ; un adjoint, X, est chargé de …) »).
      const clauses = theirs.flatMap((t) => t.split(/\s*[;()]\s*/u)).filter(same);
      if (clauses.some((c) => inBag(p.folded, bagOf(c), false))) continue;
      for (const t of theirs) {
        const other = persons(t).find((x) => x.folded !== p.folded && !inBag(x.folded, bagOf(stated), false));
        if (other) return { name: p.name, other: other.name };
      }
    }
  return null;
}

/**
 * An institution the sentence places a person in (« rapporteur du texte au Sénat ») where every cited sentence naming
 * the person names another institution and none this one: the two institutions, or null.
 */
export function institutionSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const texts = bodies(pool);
  const all = bagOf(texts.join(" "));
  const named = INSTITUTIONS.filter((i) => i.re.test(stated));
  if (named.length === 0) return null;
  for (const p of persons(stated).filter((x) => inBag(x.folded, all, false))) {
    const withPerson = texts.filter((t) => inBag(p.folded, bagOf(t), false));
    for (const i of named) {
      if (withPerson.some((t) => i.re.test(t))) continue;
      const other = withPerson
        .flatMap((t) => INSTITUTIONS.filter((j) => j !== i && j.re.test(t) && !j.re.test(stated)))
        .at(0);
      if (other) return { name: i.name, other: other.name };
    }
  }
  return null;
}

/** Words that open the agent after « par » (`server/i18n/fr/agent-openers.txt`, data): an article or a count. */
const AGENT_OPENERS = wordLines("agent-openers.txt").map((w) => fold(w));

/** « <participle> [, …,] par <agent> »: a participle (« équipés », « câblées ») and the agent after « par », to the clause's end. */
const BY_AGENT = new RegExp(
  `(?<!\\p{L})(\\p{L}+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues))(?!\\p{L})((?:\\s*,[^,;:.()]{0,40},)?)\\s+par\\s+((?:${AGENT_OPENERS.join("|")})(?:['’]|\\s+)[^,;:.()\\[]+)`,
  "giu",
);

/** « été » just before the participle: a thing done (« ont été équipés », « a été câblée »). */
const DONE = /(?<!\p{L})été\s+$/u;

/** An agent that is named (a capital after its first word: « par la société Nextcloud GmbH »): the name checks judge it. */
const NAMED = /\s\p{Lu}/u;

/** Content words of an agent (at most four), stemmed. */
const agentWords = (agent: string) =>
  contentWords(agent)
    .slice(0, 4)
    .map((w) => stem(w));

/** Least content words, besides the participle and the agents, a sentence and the passage's sentence must share. */
export const AGENT_MIN_SHARED = 1;

/**
 * An agent the sentence gives to a done thing (« soixante postes ont été équipés par un prestataire extérieur ») where a
 * cited sentence gives the same participle another agent (« équipés, en interne, par deux agents ») and never names
 * the sentence's: the two agents, or null.
 */
export function agentSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const bare = withoutReferences(stated);
  // A done thing (« ont été équipés par »), not a denial (« ne serait pas visée par ») nor a possibility.
  const mine = [...bare.matchAll(BY_AGENT)].filter(
    (m) => !NAMED.test(m[3]!) && DONE.test(bare.slice(0, m.index!)) && !NEGATION.test(bare),
  );
  if (mine.length === 0) return null;
  const texts = bodies(pool);
  for (const m of mine) {
    const verb = stem(fold(m[1]!));
    const agent = agentWords(m[3]!);
    if (agent.length === 0) continue;
    for (const t of texts)
      for (const n of t.matchAll(BY_AGENT)) {
        if (stem(fold(n[1]!)) !== verb || NAMED.test(n[3]!)) continue;
        const other = agentWords(n[3]!);
        const all = new Set(contentWords(t).map((w) => stem(w)));
        const bag = bagOf(t);
        if (other.length === 0 || contentWords(m[3]!).some((w) => inBag(w, bag))) continue;
        const own = new Set([verb, ...agent, ...other]);
        const shared = contentWords(stated).filter((w) => !own.has(stem(w)) && all.has(stem(w)));
        if (shared.length < AGENT_MIN_SHARED) continue;
        const raw = (text: string, x: RegExpMatchArray) =>
          text.slice(x.index! + x[0].length - x[3]!.length, x.index! + x[0].length).trim();
        return { name: raw(bare, m), other: raw(t, n) };
      }
  }
  return null;
}

/** Words that make a role a second's (« adjoint au maire »; `server/i18n/fr/role-subordinates.txt`, data). */
const SUBORDINATES = new Set(wordLines("role-subordinates.txt").map((w) => fold(w)));

/** Words around a person's name in which the role a passage gives them is looked for. */
export const ROLE_REACH = 10;

/**
 * A person the sentence gives a role (« Claire Dumas est la maire ») that every cited sentence naming them gives as a
 * second's (« Claire Dumas, adjointe au maire chargée des finances »): the role and the passage's, or null.
 */
export function roleRaised(stated: string, pool: Source[]): { name: string; other: string } | null {
  const mine = words(stated);
  if (mine.some((w) => SUBORDINATES.has(w))) return null;
  const roles = mine.map((w) => ROLES.findIndex((r) => r.has(w)));
  if (roles.every((r) => r < 0)) return null;
  const texts = bodies(pool);
  const all = bagOf(texts.join(" "));
  for (const p of persons(stated).filter((x) => inBag(x.folded, all, false))) {
    const last = p.folded.split(" ").at(-1)!;
    const naming = texts.filter((t) => inBag(p.folded, bagOf(t), false));
    for (const t of naming) {
      const list = words(t);
      const at = list.indexOf(last);
      const near = list.slice(Math.max(0, at - ROLE_REACH), at + ROLE_REACH);
      for (let i = 0; i < near.length; i++) {
        if (!SUBORDINATES.has(near[i]!)) continue;
        const j = near.slice(i + 1, i + 4).findIndex((w) => roles.some((r) => r >= 0 && ROLES[r]!.has(w)));
        if (j < 0) continue;
        const role = near[i + 1 + j]!;
        return { name: role, other: near.slice(i, i + 2 + j).join(" ") };
      }
    }
  }
  return null;
}

/**
 * A person the sentence makes act for a body (« Marie Lenoir représente aussi le collectif Numérique Ouvert ») where no
 * cited statement naming the person names that body, and one makes the person act so for another (« l'ASSOL,
 * représentée par Marie Lenoir »): the body of the sentence and the passage's nearest name to the act, or null.
 */
export function bodySwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text)) return null;
  const list = words(text);
  const act = list.find((w) => ACTS.has(w));
  if (!act) return null;
  // The person who acts is the sentence's subject, named before the verb (not « il a écrit à la présidente de … »).
  const actFirst = fold(text).search(new RegExp(`(?<!\\p{L})${act}(?!\\p{L})`, "u"));
  const people = persons(text).filter((p) => {
    const at = text.indexOf(p.name);
    return at >= 0 && at < actFirst;
  });
  if (people.length === 0) return null;
  const own = new Set(people.flatMap((p) => p.folded.split(" ")));
  const actAt = fold(text).search(new RegExp(`(?<!\\p{L})${act}(?!\\p{L})`, "u"));
  const bodiesOf = namesAt(text).filter((n) => !own.has(n.folded) && n.at > actAt);
  if (bodiesOf.length === 0 || actAt < 0) return null;
  const statements = bodies(pool).flatMap((t) => t.split(/\s*;\s*|\n\s*[-*•]\s+/u));
  const mine = bagOf(text);
  for (const p of people) {
    const naming = statements.filter((st) => inBag(p.folded, bagOf(st), false));
    if (naming.length === 0) continue;
    if (naming.some((st) => bodiesOf.some((b) => inBag(b.folded, bagOf(st), false)))) continue;
    for (const st of naming) {
      const at = fold(st).search(new RegExp(`(?<!\\p{L})(?:${formsOf(act)})(?!\\p{L})`, "u"));
      if (at < 0) continue;
      const others = namesAt(st).filter(
        (n) => !p.folded.split(" ").includes(n.folded) && !inBag(n.folded, mine, false),
      );
      if (others.length === 0) continue;
      // The name written just before the act (« l'ASSOL (Associação Software Livre), représentée par »), its words
      // together; else the nearest one.
      const groups: { name: string; at: number; end: number }[] = [];
      for (const n of others) {
        const last = groups.at(-1);
        if (last && /^\s+$/u.test(st.slice(last.end, n.at))) {
          last.end = n.at + n.name.length;
          last.name = st.slice(last.at, last.end);
        } else groups.push({ name: n.name, at: n.at, end: n.at + n.name.length });
      }
      const before = groups.filter((g) => g.end <= at).at(-1);
      const nearest = before ?? groups.reduce((a, b) => (Math.abs(b.at - at) < Math.abs(a.at - at) ? b : a));
      const [first, last] = [bodiesOf[0]!, bodiesOf.at(-1)!];
      return { name: text.slice(first.at, last.at + last.name.length), other: nearest.name };
    }
  }
  return null;
}

/** Ranks of roles, highest first, each as its folded words (`server/i18n/fr/role-ranks.txt`, data). */
const RANKS = wordLines("role-ranks.txt").map((l) => new Set(l.split(/\s+/).map((w) => fold(w))));
/** The rank of a second (the line of « adjoint »): « adjoint au maire », « vice-présidente ». */
const SECOND_RANK = RANKS.findIndex((r) => [...r].some((w) => SUBORDINATES.has(w)));

/** A text's words as written, with their folded forms (« vice-présidente » is two: « vice », « présidente »). */
export const tokens = (text: string) =>
  [...text.matchAll(/\p{L}[\p{L}\p{N}]*/gu)].map((m) => ({
    raw: m[0],
    folded: fold(m[0]),
    at: m.index!,
    end: m.index! + m[0].length,
  }));

/** The rank of the role word at `i` (a second's if a subordinate word is just before), or -1. */
export function rankAt(list: { folded: string }[], i: number): number {
  const w = list[i]!.folded;
  const r = RANKS.findIndex((x) => x.has(w));
  if (r < 0 || SUBORDINATES.has(w)) return r;
  return list.slice(Math.max(0, i - 3), i).some((x) => SUBORDINATES.has(x.folded)) ? SECOND_RANK : r;
}

/** Words of a role phrase after its role word (« directrice des systèmes d'information »). */
const ROLE_PHRASE = 4;
/** Words that do not end a role phrase. */
const PHRASE_TAIL = /^(?:et|de|des|du|d|la|le|les|l|au|aux|a|en|chargee?s?)$/u;

/**
 * A role sentence about a person (« Pauline Héraud est la maire de Montravel », « X en est le président ») where the cited sentences naming the
 * person give them another role of the ranks (« directrice des systèmes d'information ») and none of the same rank:
 * the role stated and the passage's, or null (a person no cited sentence names, or names without a role, is left to
 * the other checks).
 */
export function roleClaimed(stated: string, pool: Source[]): { name: string; other: string } | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text)) return null;
  const texts = bodies(pool);
  const all = bagOf(texts.join(" "));
  for (const p of persons(text).filter((x) => inBag(x.folded, all, false))) {
    const at = text.indexOf(p.name);
    const rest =
      /^\s*,?\s*(?:en\s+|y\s+)?(?:est|était|fut|a\s+été|est\s+devenue?|devient)\s+(?:(?:le|la|l['’])\s*)?/u.exec(
        text.slice(at + p.name.length),
      );
    if (at < 0 || !rest) continue;
    const predicate = tokens(text.slice(at + p.name.length + rest[0].length)).slice(0, 6);
    const k = predicate.findIndex((_, i) => rankAt(predicate, i) >= 0);
    if (k < 0) continue;
    const claimed = rankAt(predicate, k);
    const last = p.folded.split(" ").at(-1)!;
    let other: string | null = null;
    for (const t of texts.filter((x) => inBag(p.folded, bagOf(x), false))) {
      const list = tokens(t);
      const where = list.findIndex((x) => x.folded === last);
      if (where < 0) continue;
      const from = Math.max(0, where - ROLE_REACH);
      for (let i = from; i < Math.min(list.length, where + ROLE_REACH); i++) {
        const r = rankAt(list, i);
        if (r < 0) continue;
        if (r === claimed) return null;
        if (other) continue;
        let start = i;
        while (start > from && SUBORDINATES.has(list[start - 1]!.folded)) start--;
        const phrase = list.slice(start, i + 1 + ROLE_PHRASE);
        while (phrase.length > i + 1 - start && PHRASE_TAIL.test(phrase.at(-1)!.folded)) phrase.pop();
        // The role alone, not what follows it (« délégué général depuis mars 2005 (Blog »).
        other = t.slice(phrase[0]!.at, phrase.at(-1)!.end).split(/\s*[(;,]|\s+depuis(?!\p{L})/u)[0]!;
      }
    }
    if (other)
      return {
        name: predicate
          .slice(0, k + 1)
          .map((x) => x.raw)
          .join(" "),
        other,
      };
  }
  return null;
}
