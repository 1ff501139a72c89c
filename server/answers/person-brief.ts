/**
 * « En bref » of a question asking who a person named is (« Qui est Jeanne Dupont ? », « Jeanne Dupont, c'est
 * qui ? »): the sentence of the passages quoted that gives the person's role in apposition to the name (« Jeanne
 * Dupont, adjointe au maire chargée du numérique, a … », « la directrice du numérique, Jeanne Dupont, a … »), quoted
 * as the passage writes it. A list item that is a whole sentence reads alone as well as a paragraph's sentence; one
 * that refers back (« a relié ce choix à … ») still says who the person is, and comes after one that does not.
 * Words as data: `i18n/fr/person-question.txt`, with the role nouns of `person-roles.txt`.
 */
import { foldApostrophes } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { needsPrevious, pieces } from "../retrieval/passages.ts";
import type { SearchResult } from "../retrieval/search.ts";
import type { Brief } from "./brief.ts";

const SECTIONS = wordListSections("person-question.txt");
const entries = (name: string) =>
  (SECTIONS.get(name) ?? [])
    .flatMap((l) => l.split(","))
    .map((e) => foldApostrophes(e.trim()))
    .filter(Boolean);
/** What, with a name alone, makes a question « who is X »: each expression as its words. */
const ASKING = entries("question").map((e) => e.split(/\s+/));
/** Words that open a role (« adjoint », « directrice », « chargée de mission »). */
const ROLES = [
  ...entries("rôle"),
  ...wordListLines("person-roles.txt")
    .flatMap((l) => l.split(/\s+/))
    .map(foldApostrophes),
].filter((w) => w.length > 2);
/** Little words inside a person's name (« Ursula von der Leyen », « Jean de La Fontaine »). */
const PARTICLES = new Set(["de", "du", "des", "d'", "von", "van", "der", "den", "la", "le", "di", "da", "del"]);

const tokens = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*['’]?/gu)].map((m) => m[0]);

/**
 * The person a question asks about, as it writes the name, when it asks who that person is and nothing else (an
 * expression of [question] first or last, the rest a name of two capitalised words or more); null otherwise (« qui
 * est le maire de Lyon ? » asks a name, not a role).
 */
export function personAsked(question: string): string | null {
  const list = tokens(question);
  const low = list.map(foldApostrophes);
  for (const expression of ASKING) {
    const n = expression.length;
    const at = [0, list.length - n].find((i) => i >= 0 && expression.every((w, j) => low[i + j] === w));
    if (at === undefined) continue;
    const rest = at === 0 ? list.slice(n) : list.slice(0, at);
    const capitalised = rest.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (rest.length > 5 || capitalised < 2) continue;
    if (!rest.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(foldApostrophes(w)))) continue;
    if (!/^\p{Lu}/u.test(rest[0]!) || !/^\p{Lu}/u.test(rest.at(-1)!)) continue;
    return rest.join(" ");
  }
  return null;
}

/** Whether a role opens a folded clause (after its article: « l'adjoint au maire », « une élue »). */
const opensOnRole = (clause: string) => {
  const text = clause
    .trim()
    .replace(/^(?:l'|le |la |les |un |une |son |sa |notre |leur )/, "")
    .trim();
  return ROLES.some((r) => text === r || text.startsWith(`${r} `) || text.startsWith(`${r},`));
};

/**
 * Whether a sentence gives the person a role in apposition to the name: « X, <rôle> … », « …, <rôle>, X, … » (or the
 * sentence opened by the role: « La présidente de l'association, X, … »), « X est <rôle> ».
 */
export function givesRole(sentence: string, name: string): boolean {
  const text = foldApostrophes(sentence).replace(/\s+/g, " ");
  const own = foldApostrophes(name);
  let from = text.indexOf(own);
  while (from >= 0) {
    const after = text.slice(from + own.length);
    const before = text.slice(0, from);
    if (/^\s*,/.test(after) && opensOnRole(after.replace(/^\s*,/, ""))) return true;
    if (/^\s+est\s/.test(after) && opensOnRole(after.replace(/^\s+est\s/, ""))) return true;
    if (/,\s*$/.test(before)) {
      const clause = before
        .replace(/,\s*$/, "")
        .split(/[,;:(]/)
        .at(-1)!;
      if (opensOnRole(clause)) return true;
    }
    from = text.indexOf(own, from + own.length);
  }
  return false;
}

/** Markdown marks a quotation drops, a list item's marker first. */
const clean = (text: string) =>
  text
    .replace(/^\s*(?:[-*+•]|\d{1,2}[.)])\s+/, "")
    .replace(/[*_`#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** A sentence a listener takes alone: a capital first, a full stop last, long enough and not too long. */
const readable = (s: string, max: number) =>
  s.length >= 40 && s.length <= max && /^[\p{Lu}«"“]/u.test(s) && /[.!?»)]$/.test(s);

/**
 * « En bref » for a question asking who a person is: the sentence of the excerpts quoted that gives the person's
 * role, with its source (`source(r, n)`, as the other quotes of « En bref » credit it); null when the question asks
 * something else or no sentence gives the role.
 */
export function personBrief(
  question: string,
  used: SearchResult[],
  excerpts: string[],
  budget: number,
  source: (r: SearchResult, n: number) => string,
): Brief | null {
  const name = personAsked(question);
  if (!name) return null;
  const intro = message("answer.brief", { quotes: "" });
  const found: { text: string; at: number; alone: boolean }[] = [];
  excerpts.forEach((excerpt, at) => {
    const room = budget - intro.length - source(used[at]!, at + 1).length - 5;
    for (const part of excerpt.split(/\s+…\s+/))
      for (const piece of pieces(part)) {
        if (piece.fragment) continue;
        // A list item of several sentences: each apart.
        const sentences = piece.list >= 0 ? clean(piece.text).split(/(?<=[.!?])\s+(?=\p{Lu})/u) : [clean(piece.text)];
        for (const text of sentences)
          if (readable(text, room) && givesRole(text, name)) found.push({ text, at, alone: !needsPrevious(text) });
      }
  });
  const best = found.sort((a, b) => Number(b.alone) - Number(a.alone) || a.at - b.at)[0];
  if (!best) return null;
  return {
    text: message("answer.brief", { quotes: `« ${best.text} » ${source(used[best.at]!, best.at + 1)}` }),
    quotes: [{ text: best.text, source: best.at + 1 }],
  };
}
