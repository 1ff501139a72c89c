/**
 * The roles a sentence gives the names of a change of software, against those its cited passages give the same names
 * (trial25 T-H1). A change has a side left (« a quitté Ubuntu », « le remplacement de Microsoft Office », « sortis de
 * Microsoft Office »), a side taken (« passe à LibreOffice », « au profit de postes sous Linux », « par LibreOffice »),
 * a return (« revenir à Windows », « le retour à Windows »), and a state of use (« 95 % des postes sous Ubuntu »).
 * Read on the form, not on the names: the marker before a name gives its role, « pour » or « par » after a side left
 * introduces the side taken, « de A à B » in a clause of change gives both (`server/i18n/fr/move-roles.txt`).
 *
 * A sentence whose actor the cited passage names (« La Gendarmerie a remplacé OpenOffice par Microsoft Office »):
 * - gives a name the side left where the passage gives it only the side taken or a use (« met à la place la suite
 *   libre OpenOffice »), or the side taken where the passage gives it only the side left: the change reversed; a name
 *   the passage says returned to was left before, so only a return the passage dates as the sentence dates its change
 *   counts against it (« Munich a abandonné Windows pour LiMux en 2017 » / « le retour à Windows décidé en 2017 »);
 * - says a return (« Boé a quitté Ubuntu pour revenir à Windows ») the cited passages report of no such name.
 * And a product said made by a name (« LibreOffice est édité par Microsoft ») where a cited clause sets the two on the
 * two sides of a change (« le remplacement de Microsoft Office par … LibreOffice »).
 * `server/verify/index.ts` turns what it finds into a reason.
 */
import { fold } from "../core/text.ts";
import { wordListEntries, wordListSections } from "../i18n/word-lists.ts";
import { NEGATION } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, inBag } from "./words.ts";

type Role = "from" | "to" | "back" | "state";

interface Move {
  role: Role;
  /** Each name's folded words (« Office de Microsoft » → office, microsoft). */
  names: string[][];
  /** The names as written. */
  shown: string[];
  /** The words of the text that give the role, as written (« a remplacé OpenOffice »). */
  phrase: string;
  /** Years written in the clause. */
  years: string[];
  /** Index of the clause in its text. */
  clause: number;
  /** Where the marker starts in the clause's tokens (the subject is before it). */
  at: number;
}

const LISTS = wordListSections("move-roles.txt");
const foldToken = (t: string) => fold(t).replace(/’/g, "'");
const tokensOf = (s: string) => s.match(TOKEN) ?? [];
/** A word with its apostrophe (« d' »), a name with digits or inner signs (« Open-Xchange », « Office 365 »), a sign. */
const TOKEN = /\p{L}+['’]|[\p{L}\p{N}][\p{L}\p{N}+.-]*[\p{L}\p{N}+]|[\p{L}\p{N}]|[,()%]/gu;
const entries = (section: string) =>
  (LISTS.get(section) ?? []).map((e) => tokensOf(e).map(foldToken)).sort((a, b) => b.length - a.length);
const MARKERS: { role: Role; words: string[] }[] = [
  ...entries("départ").map((words) => ({ role: "from" as const, words })),
  ...entries("arrivée").map((words) => ({ role: "to" as const, words })),
  ...entries("retour").map((words) => ({ role: "back" as const, words })),
  ...entries("état").map((words) => ({ role: "state" as const, words })),
].sort((a, b) => b.words.length - a.words.length);
const THEN = entries("pour");
const CHANGE = (LISTS.get("de à") ?? []).map(foldToken);
const BEFORE_NAME = new Set((LISTS.get("avant le nom") ?? []).map(foldToken));
const GENERIC = (LISTS.get("sujets génériques") ?? []).map((e) => tokensOf(e).map(foldToken));
/** Participles by which a text says who makes a product (`authorship.txt`). */
const MADE = new Set(wordListEntries("authorship.txt").map((w) => foldToken(w)));
const AUXILIARIES = new Set([
  "a",
  "ont",
  "ete",
  "est",
  "sont",
  "sera",
  "seront",
  "etait",
  "etaient",
  "avait",
  "avaient",
]);
const LINKS = new Set(["de", "d'", "du"]);
/** A verb of replacing, its object the side left (« remplace », « a remplacé »), not the noun « remplacement ». */
const REPLACING = /^rempla(?:c|ç)(?!ement)/u;

const isName = (t: string) => /\p{Lu}/u.test(t) && !/['’]$/u.test(t);
const isYear = (t: string) => /^(?:19|20)\d\d$/.test(t);

/** The names from token `j` on (after words that do not name), in a list or parentheses; and where they end. */
function namesAt(raw: string[], low: string[], j: number): { names: string[][]; shown: string[]; end: number } {
  const names: string[][] = [];
  const shown: string[] = [];
  let k = j;
  while (k < raw.length && BEFORE_NAME.has(low[k]!) && !isName(raw[k]!)) k++;
  for (;;) {
    if (k >= raw.length || !isName(raw[k]!)) break;
    const words: string[] = [];
    const from = k;
    while (k < raw.length) {
      if (isName(raw[k]!) || (words.length > 0 && /^\d[\d.]*$/.test(raw[k]!))) words.push(low[k++]!);
      else if (LINKS.has(low[k]!) && words.length > 0 && k + 1 < raw.length && isName(raw[k + 1]!)) k++;
      else break;
    }
    names.push(words);
    shown.push(raw.slice(from, k).join(" "));
    // « Linux (Ubuntu) », « Microsoft Office, Exchange et Teams ».
    if (raw[k] === "(" && k + 1 < raw.length && isName(raw[k + 1]!)) {
      k++;
      continue;
    }
    if (raw[k] === ")") k++;
    if ((raw[k] === "," || low[k] === "et" || low[k] === "ou") && k + 1 < raw.length) {
      let n = k + 1;
      while (n < raw.length && BEFORE_NAME.has(low[n]!) && !isName(raw[n]!)) n++;
      if (n < raw.length && isName(raw[n]!)) {
        k = n;
        continue;
      }
    }
    break;
  }
  return { names, shown, end: k };
}

const startsWith = (low: string[], i: number, words: string[]) => words.every((w, k) => low[i + k] === w);

/** Words a return may have between its verb or noun and its preposition (« un retour rapide à Microsoft »). */
const RETURN_GAP = 2;

/**
 * The marker at token `i`, longest first, and how many tokens it spans; a return also with up to `RETURN_GAP` words
 * between its first word and the rest (« retour rapide à », « revenir temporairement aux »).
 */
function markerAt(raw: string[], low: string[], i: number): { role: Role; length: number } | null {
  const exact = MARKERS.find((m) => startsWith(low, i, m.words));
  if (exact) return { role: exact.role, length: exact.words.length };
  for (const m of MARKERS)
    if (m.role === "back" && m.words.length > 1 && low[i] === m.words[0])
      for (let gap = 1; gap <= RETURN_GAP; gap++) {
        const between = raw.slice(i + 1, i + 1 + gap);
        if (between.length < gap || between.some((t) => !/^\p{Ll}+$/u.test(t))) break;
        if (startsWith(low, i + 1 + gap, m.words.slice(1))) return { role: "back", length: m.words.length + gap };
      }
  return null;
}

/** A text without its source credits in parentheses nor its citation markers (« [1] »). */
const bare = (text: string) => withoutReferences(text).replace(/\[\d+(?:\s*[,;-]\s*\d+)*\]/g, " ");

/** The changes a text writes, clause by clause. */
function movesOf(text: string): Move[] {
  const out: Move[] = [];
  bare(text)
    .split(/[;:.!?\n]|\s[—–]\s/u)
    .forEach((clause, c) => {
      const raw = tokensOf(clause);
      const low = raw.map(foldToken);
      const years = raw.filter(isYear);
      const phrase = (i: number, end: number) =>
        raw
          .slice(i, end)
          .join(" ")
          .replace(/\s([,)])/g, "$1");
      let left = -1;
      /** « OpenOffice a remplacé Microsoft Office »: the subject is the side taken, unless « par » names it. */
      let subject: Move | null = null;
      /** The name ending right before `i` (past auxiliaries), as [start, end), or null. */
      const nameBefore = (i: number): [number, number] | null => {
        let b = i - 1;
        while (b >= 0 && AUXILIARIES.has(low[b]!)) b--;
        let s = b;
        while (s >= 0 && isName(raw[s]!)) s--;
        return s < b ? [s + 1, b + 1] : null;
      };
      for (let i = 0; i < raw.length; i++) {
        const marker = markerAt(raw, low, i);
        const then = left >= 0 ? THEN.find((w) => startsWith(low, i, w)) : undefined;
        if (then && (!marker || then.length >= marker.length)) {
          const { names, shown, end } = namesAt(raw, low, i + then.length);
          if (names.length) {
            out.push({ role: "to", names, shown, phrase: phrase(i, end), years, clause: c, at: i });
            subject = null;
          }
          continue;
        }
        if (!marker) continue;
        const after = i + marker.length;
        const { names, shown, end } = namesAt(raw, low, after);
        if (marker.role === "from") left = i;
        const replacing = marker.length === 1 && REPLACING.test(low[i]!);
        const before = replacing && names.length ? nameBefore(i) : null;
        if (before)
          subject = {
            role: "to",
            names: [low.slice(...before)],
            shown: [raw.slice(...before).join(" ")],
            phrase: phrase(before[0], end),
            years,
            clause: c,
            at: before[0],
          };
        if (names.length)
          out.push({ role: marker.role, names, shown, phrase: phrase(i, end), years, clause: c, at: i });
        else if (marker.role === "from" && low[after] === "par") {
          // « Microsoft Office a été remplacé par LibreOffice »: the side left is the subject.
          let b = i - 1;
          while (b >= 0 && AUXILIARIES.has(low[b]!)) b--;
          let s = b;
          while (s >= 0 && isName(raw[s]!)) s--;
          if (s < b)
            out.push({
              role: "from",
              names: [low.slice(s + 1, b + 1)],
              shown: [raw.slice(s + 1, b + 1).join(" ")],
              phrase: phrase(s + 1, after),
              years,
              clause: c,
              at: s + 1,
            });
        }
      }
      if (subject) out.push(subject);
      // « faire passer tout un parc de Windows à Linux », « migrer d'Exchange vers Open-Xchange ».
      if (!low.some((t) => CHANGE.some((w) => t.startsWith(w)))) return;
      for (let i = 0; i < raw.length; i++) {
        if (low[i] !== "de" && low[i] !== "d'") continue;
        const first = namesAt(raw, low, i + 1);
        if (!first.names.length || first.end === i + 1 || !isName(raw[i + 1]!)) continue;
        if (low[first.end] !== "a" && low[first.end] !== "vers") continue;
        const second = namesAt(raw, low, first.end + 1);
        if (!second.names.length) continue;
        const at = i;
        out.push({
          role: "from",
          names: first.names,
          shown: first.shown,
          phrase: phrase(i, second.end),
          years,
          clause: c,
          at,
        });
        out.push({
          role: "to",
          names: second.names,
          shown: second.shown,
          phrase: phrase(i, second.end),
          years,
          clause: c,
          at,
        });
      }
    });
  return out;
}

const within = (a: string[], b: string[]) => a.every((w) => b.includes(w));
const sameName = (a: string[], b: string[]) => a.length > 0 && b.length > 0 && (within(a, b) || within(b, a));
const shares = (a: Move, b: Move) => a.names.some((x) => b.names.some((y) => sameName(x, y)));

/** The sentence's actor before its first change, when it is named (not « Votre commune », « Il »): its content words. */
function actorOf(stated: string, first: Move): string[] | null {
  const clause = bare(stated).split(/[;:.!?\n]|\s[—–]\s/u)[first.clause] ?? "";
  const before = tokensOf(clause).slice(0, first.at).map(foldToken);
  const opening = before.filter((t) => t !== ",");
  if (opening.length === 0 || GENERIC.some((g) => startsWith(opening, 0, g))) return null;
  const words = contentWords(opening.join(" ").replace(/' /g, "'")).filter((w) => !AUXILIARIES.has(w));
  return words.length > 0 && words.length <= 4 ? words : null;
}

/** The changes a text writes (for tests and probes). */
export const changesOf = (text: string) => movesOf(text).map(({ role, names, phrase }) => ({ role, names, phrase }));

export interface MoveRoleFinding {
  kind: "reversed" | "return" | "maker";
  stated: string;
  passage: string;
}

/** A change the sentence writes against the roles its cited passages give the same names, or null. */
export function moveRoleAgainst(stated: string, pool: Source[]): MoveRoleFinding | null {
  const text = bare(stated);
  if (NEGATION.test(fold(text)) || /\?\s*$/.test(text)) return null;
  const mine = movesOf(text);
  const texts = pool.map((src) => src.sentences.map((ss) => ss.text).join("\n"));
  const theirsOf = (t: string) => movesOf(t);
  const all = texts.map(theirsOf);
  const maker = all.map((moves) => makerAgainst(text, moves)).find(Boolean);
  if (maker) return maker;
  if (mine.length === 0) return null;
  const actor = actorOf(text, mine[0]!);
  if (!actor) return null;
  const about = all.filter((_, k) => actor.every((w) => inBag(w, pool[k]!.bag)));
  const theirs = about.flat();
  for (const m of mine) {
    if (m.role === "back") {
      // Only a name the cited passages move between (« de Windows à Linux », « sous Windows »): « Le niveau Or est
      // revenu à Boé » gives a prize, not a return.
      const moved = all.flat().filter((t) => shares(m, t));
      if (moved.length > 0 && !moved.some((t) => t.role === "back"))
        return { kind: "return", stated: m.phrase, passage: m.shown.join(", ") };
      continue;
    }
    const same = theirs.filter((t) => shares(m, t));
    if (m.role === "from") {
      if (same.some((t) => t.role === "from")) continue;
      const against = same.filter((t) => t.role === "to" || t.role === "state");
      const returned = same.filter((t) => t.role === "back" && t.years.some((y) => m.years.includes(y)));
      const other = against[0] ?? returned[0];
      if (other) return { kind: "reversed", stated: m.phrase, passage: other.phrase };
    }
    if (m.role === "to") {
      if (same.some((t) => t.role !== "from")) continue;
      const other = same.find((t) => t.role === "from");
      if (other) return { kind: "reversed", stated: m.phrase, passage: other.phrase };
    }
  }
  return null;
}

/** « A est édité par B » where a clause of one cited passage has A and B on the two sides of a change. */
function makerAgainst(text: string, theirs: Move[]): MoveRoleFinding | null {
  const raw = tokensOf(text);
  const low = raw.map(foldToken);
  for (let i = 1; i + 1 < raw.length; i++) {
    if (!MADE.has(low[i]!) || low[i + 1] !== "par") continue;
    const by = namesAt(raw, low, i + 2).names;
    let s = i - 1;
    while (s >= 0 && AUXILIARIES.has(low[s]!)) s--;
    let b = s;
    while (b >= 0 && isName(raw[b]!)) b--;
    if (b === s || by.length === 0) continue;
    const product = low.slice(b + 1, s + 1);
    for (const f of theirs.filter((t) => t.role === "from"))
      for (const t of theirs.filter((x) => (x.role === "to" || x.role === "state") && x.clause === f.clause)) {
        const inF = (n: string[]) => f.names.some((x) => sameName(n, x));
        const inT = (n: string[]) => t.names.some((x) => sameName(n, x));
        if ((inT(product) && by.some(inF)) || (inF(product) && by.some(inT)))
          return {
            kind: "maker",
            stated: raw.slice(b + 1, i + 2 + by[0]!.length).join(" "),
            passage: `${f.phrase} … ${t.phrase}`,
          };
      }
  }
  return null;
}
