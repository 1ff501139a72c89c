/**
 * The context the user typed for a document (« Contexte local » of a letter, an audit plan, a roadmap, a briefing) is
 * what they know of their own collectivité: a generated sentence that says its contrary is not verified, whatever the
 * passages say of others (clean-clone trial N-H3: « notre logiciel de paie ne fonctionne que sous Windows » in the
 * context, « le logiciel de paie fonctionne parfaitement sous Linux » in the section, shown verified). Two forms:
 * - a restriction, « X ne V que P A » (« ne fonctionne que sous Windows », « n'est compatible qu'avec Word »), and a
 *   sentence stating of the same X, without a negation, « V … P B » with B another than A;
 *   — or, when the restriction's verb is one of running (`context-restrictions.txt`, [fonctionner]: « fonctionne »,
 *   « compatible », « tourne »), any of them with another named thing (« est compatible avec Debian », « fonctionne
 *   aussi bien sous Linux que sous Windows »; trial21 T-H4);
 * - an earliest date (« pas de changement de poste de travail avant septembre 2027 ») and a sentence changing the same
 *   thing at an earlier date, not past at the document's date (« la migration des postes de travail commencera dès
 *   mars 2027 »; trial21 T-H4);
 * - a clause of the context the sentence states with the opposite polarity (`contradicted`: « n'est pas compatible
 *   avec LibreOffice » / « est compatible avec LibreOffice »).
 * Same X: the content words the context writes before its verb (« logiciel », « paie »), all of them (two at most
 * counted) in the sentence's clause. The reason names the context (`verify.contextContradicted`).
 */
import { clausesOf, sentencesOf } from "../core/first-person.ts";
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { deniedContextClause } from "./context-denial.ts";
import { contradicted } from "./contradiction.ts";
import { extractFigures } from "./figures.ts";
import { type SentenceCheck, type Verification, verificationOf } from "./index.ts";
import { NEGATION, polarityClauses, short } from "./negation.ts";
import { withoutNotes, withoutReferences } from "./sentences.ts";
import { toSource } from "./source-sentences.ts";
import { contentWords } from "./words.ts";

/** « ne fonctionne que sous Windows », « n'est compatible qu'avec Word », « ne tourne que sur des postes Windows ». */
const RESTRICTED =
  /(?<!\p{L})(?:ne\s+|n['’]\s*)(\p{L}+)(?:\s+(\p{L}+))?\s+(?:que\s+|qu['’]\s*)(sous|avec|sur|en|par|dans)\s+((?:(?:des?|les?|la|l['’]|un|une)\s*)?[\p{L}\d][\p{L}\d.+-]*(?:\s+\p{Lu}[\p{L}\d.+-]*)*)/u;

interface Restriction {
  /** The clause of the context, quoted in the reason. */
  clause: string;
  /** Stems of what it restricts (the verb, and the adjective after « est »). */
  verbs: string[];
  preposition: string;
  /** The one thing it allows, folded (« windows »). */
  allowed: string;
  /** What the restriction is said of: content words before its verb. */
  subject: string[];
  /** The name in parentheses after the subject, if any (« Sage Paie & RH »): its content words. */
  alias: string[];
  /** Whether the thing it allows is a name (« Windows »): only another name then breaks it, not « un serveur ». */
  proper: boolean;
  /**
   * Other ways a sentence names the thing restricted, each all of its words: after « X, qui ne V que … », the name X
   * (« BL.RH »), and what the context says runs under it (« La paie et les carrieres tournent sous BL.RH »: « paie »,
   * « carrieres »). With them, `subject` is unused.
   */
  others: string[][];
}

interface Words {
  staying: RegExp;
  beforeStaying: Set<string>;
  movedTo: Set<string>;
  running: string[];
  prepositions: Set<string>;
  beforeThing: Set<string>;
  change: string[];
  notChangeDate: RegExp;
  hypothesis: RegExp;
  only: string[];
  counted: Set<string>;
  noRisk: RegExp;
  using: Set<string>;
  givenUp: Set<string>;
}
let words: Words | null = null;
function restrictionWords(): Words {
  if (words) return words;
  const sections = wordListSections("context-restrictions.txt");
  const list = (name: string) => (sections.get(name) ?? []).map((w) => fold(w));
  words = {
    staying: new RegExp(
      `(?<!\\p{L})(?:${list("rester").join("|")})\\s+(sous|sur|avec)\\s+((?:(?:des?|les?|la|l['’]|un|une)\\s*)?[\\p{L}\\d][\\p{L}\\d.+-]*(?:\\s+\\p{Lu}[\\p{L}\\d.+-]*)*)`,
      "u",
    ),
    beforeStaying: new Set(list("avant rester")),
    only: list("seulement"),
    counted: new Set(list("dénombrés")),
    using: new Set(list("utiliser")),
    givenUp: new Set(list("abandonner")),
    noRisk: new RegExp(
      `(?<!\\p{L})(?:${list("sans risque")
        .map((w) => w.replace(/\s+/g, "\\s+"))
        .join("|")})(?!\\p{L})`,
      "u",
    ),
    movedTo: new Set(list("prépositions du changement")),
    running: [...new Set(list("fonctionner").map((w) => stem(w)))],
    prepositions: new Set(list("prépositions")),
    beforeThing: new Set(list("avant la chose")),
    change: [...new Set(list("changer").map((w) => stem(w)))],
    notChangeDate: new RegExp(
      `(?<!\\p{L})(?:${list("dates à ne pas lire")
        .map((w) => w.replace(/'/g, "['’]\\s*"))
        .join("|")})\\s*(?:le\\s+|la\\s+|l['’]\\s*)?$`,
      "u",
    ),
    hypothesis: new RegExp(
      `^\\s*(?:${list("hypothèse")
        .map((w) => w.replace(/'/g, "['’]\\s*").replace(/\s+/g, "\\s+"))
        .join("|")})(?!\\p{L})`,
      "u",
    ),
  };
  return words;
}

/** A word of the family of one of `stems`; a word shorter than a stem only when of 4 letters (« mars » is not « marche »). */
const sameStem = (word: string, stems: string[]) => {
  const s = stem(word);
  return stems.some((v) => s.startsWith(v) || (s.length >= 4 && v.startsWith(s)));
};

const lastWord = (s: string) =>
  fold(s)
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean)
    .at(-1) ?? "";

function restrictions(clauses: string[]): Restriction[] {
  return clauses.flatMap((clause) => {
    const m = RESTRICTED.exec(clause);
    if (!m) return onlyApposed(clause);
    // A name in parentheses repeats the thing (« Notre logiciel de paie (Sage Paie & RH) »): not its words.
    const before = clause.slice(0, m.index);
    const subject = contentWords(before.replace(/\([^()]*\)/gu, " "));
    // …but a sentence may name the thing by it (« Sage Paie & RH tourne sous Ubuntu »).
    const alias = contentWords(/\(([^()]*)\)/u.exec(before)?.[1] ?? "");
    const others = antecedents(before);
    if (!subject.length && !others.length) return [];
    const verbs = [m[1]!, m[2]].filter((v): v is string => !!v).map((v) => stem(fold(v)));
    // A name after the kind of thing (« qu'en client lourd Windows »): the name is what is allowed.
    const after = /^(?:\s+\p{Ll}+){0,2}\s+(\p{Lu}[\p{L}\d.+-]*)/u.exec(clause.slice(m.index + m[0].length));
    const thing = /^\p{Ll}/u.test(m[4]!) && after && !/\s/u.test(m[4]!.trim()) ? after[1]! : m[4]!;
    const named = thing.replace(/^(?:(?:des?|les?|la|l['’]|un|une)\s*)/iu, "");
    return [
      {
        clause: after && thing === after[1] ? clause.slice(0, m.index + m[0].length + after[0].length) : clause,
        verbs,
        preposition: m[3]!,
        allowed: lastWord(thing),
        subject,
        alias,
        proper: /^\p{Lu}/u.test(named),
        others,
      },
    ];
  });
}

/**
 * « la paie tourne sous Ciril Civil Net RH, client lourd windows uniquement »: a name, then after its comma a kind of
 * thing and the one thing « uniquement » allows — read as « Ciril Civil Net RH, qui n'existe qu'en client lourd
 * Windows » (trial23 T-H3); only another name breaks it.
 */
function onlyApposed(clause: string): Restriction[] {
  const w = restrictionWords();
  if (!w.only.length) return [];
  const m = new RegExp(
    `^(.*?\\p{Lu}[^,]*),\\s+((?:\\p{Ll}+\\s+){0,3})([\\p{L}\\d][\\p{L}\\d.+-]*)\\s+(?:${w.only.join("|")})(?!\\p{L})`,
    "u",
  ).exec(clause);
  if (!m) return [];
  const head = m[1]!.replace(/\([^()]*\)/gu, " ").trim();
  // The name: the capitalised words ending the head (« Ciril Civil Net RH »), all of them, and after the first one a
  // word written with a dot or a capital inside (« Berger-Levrault e.paie », trial24 T-H5).
  const run = /(\p{Lu}[\p{L}\d.&+-]*\s*(?:(?:\p{Lu}[\p{L}\d.&+-]*|\p{Ll}+[.\p{Lu}\d][\p{L}\d.&+-]*)\s*)*)$/u.exec(head);
  if (!run) return [];
  const name = run[1]!
    .trim()
    .split(/\s+/u)
    .map((t) => fold(t));
  const others: string[][] = [name];
  // What the context runs under it (« la paie tourne sous Ciril Civil Net RH »): « paie ».
  const tokens = head.slice(0, run.index).trim().split(/\s+/u);
  // « tourne sous », « fonctionne sur », or « est sur » (« La paie est sur Ciril Civil Net RH », trial25 T-H4).
  // « Les 3 postes de la police municipale utilisent Logitud Municipol, client Windows uniquement »: what uses it.
  const verbAt = tokens.findIndex(
    (t, i) =>
      sameStem(fold(t), w.running) ||
      (fold(t) === "est" && w.prepositions.has(fold(tokens[i + 1] ?? ""))) ||
      (w.using.has(fold(t)) && i + 1 === tokens.length),
  );
  const using = verbAt > 0 && w.using.has(fold(tokens[verbAt]!)) && verbAt + 1 === tokens.length;
  if (using || (verbAt > 0 && w.prepositions.has(fold(tokens[verbAt + 1] ?? "")) && verbAt + 2 === tokens.length))
    for (const part of tokens
      .slice(0, verbAt)
      .join(" ")
      .split(/\s*(?:,|\bet\b)\s*/u)) {
      const own = contentWords(part).at(-1);
      if (own) others.push([own]);
    }
  const subject = contentWords(head);
  return [
    {
      clause: m[0],
      verbs: [stem("existe")],
      preposition: "en",
      allowed: fold(m[3]!),
      subject,
      alias: [],
      proper: true,
      others,
    },
  ];
}

/** The words of a text a name may be: its content words and its acronyms (« RH », « BL.RH »), folded, in order. */
const nameWords = (text: string) => {
  const content = new Set(contentWords(text));
  return text
    .split(/[^\p{L}\d.&-]+/u)
    .map((t) => t.replace(/^[.&-]+|[.&-]+$/gu, ""))
    .filter((t) => t && (content.has(fold(t)) || /^\p{Lu}[\p{Lu}\d.&-]+$/u.test(t)))
    .map((t) => fold(t));
};

/** Whether a clause names all of `words` (content words by stem, acronyms as written). */
const namesAll = (words: string[], clause: string) => {
  const said = nameWords(clause);
  const stems = new Set(said.map((w) => stem(w)));
  return words.length > 0 && words.every((w) => said.includes(w) || stems.has(stem(w)));
};

/**
 * After « X, qui ne V que … »: X when it is a name (« BL.RH », its parenthesis aside), and, when the context runs
 * something under X (« La paie et les carrieres tournent sous BL.RH »), each thing so run (« paie », « carrieres »).
 */
function antecedents(before: string): string[][] {
  const head = /^(.*?),?\s+qui\s*$/su
    .exec(before)?.[1]
    ?.replace(/\([^()]*\)/gu, " ")
    .trim();
  if (!head) return [];
  const tokens = head.split(/\s+/u);
  const last = tokens.at(-1)!.replace(/[,;.]+$/u, "");
  if (!/^\p{Lu}/u.test(last)) return [];
  const found: string[][] = [[fold(last)]];
  const w = restrictionWords();
  const verbAt = tokens.findIndex((t) => sameStem(fold(t), w.running));
  if (verbAt > 0 && w.prepositions.has(fold(tokens[verbAt + 1] ?? "")) && verbAt + 2 === tokens.length - 1)
    for (const part of tokens
      .slice(0, verbAt)
      .join(" ")
      .split(/\s*(?:,|\bet\b)\s*/u)) {
      const own = contentWords(part).at(-1);
      if (own) found.push([own]);
    }
  return found;
}

/** The content words of `subject` a clause must carry to speak of the same thing: the last two (« logiciel », « paie »). */
const sameSubject = (subject: string[], clause: string) => {
  const said = new Set(contentWords(clause).map((w) => stem(w)));
  return subject.slice(-2).every((w) => said.has(stem(w)));
};

/**
 * Whether a clause states, of the restriction's subject, its verb (or, for a verb of running, any verb of running) with
 * another thing after its preposition (any of them for a verb of running), each one the clause names after the verb.
 */
function breaks(r: Restriction, clause: string): boolean {
  if (NEGATION.test(clause)) return false;
  const named = r.others.length
    ? r.others.some((words) => namesAll(words, clause))
    : sameSubject(r.subject, clause) || (r.alias.length > 0 && sameSubject(r.alias, clause));
  if (!named) return false;
  const w = restrictionWords();
  const running = r.verbs.some((v) => w.running.some((s) => s.startsWith(v) || v.startsWith(s)));
  const verbs = running ? [...new Set([...r.verbs, ...w.running])] : r.verbs;
  const prepositions = running ? w.prepositions : new Set([r.preposition]);
  const raw = clause.split(/[^\p{L}\d]+/u).filter(Boolean);
  const tokens = raw.map((t) => fold(t));
  const verbAt = tokens.findIndex((t) => sameStem(t, verbs));
  if (verbAt < 0) return false;
  const first = tokens.findIndex((t, i) => i > verbAt && prepositions.has(t));
  if (first < 0 || first - verbAt > 4) return false;
  // The things the verb is said of: after its preposition, and after the same one again (« sous Windows et sous
  // Ubuntu »); another preposition after them names something else (« sous Windows avec Sage Paie & RH »).
  const preposition = tokens[first]!;
  for (let at = first; at >= 0 && at - verbAt <= 10; at = tokens.indexOf(preposition, at + 1)) {
    let thing = at + 1;
    while (
      thing < tokens.length &&
      (/^(?:des?|les?|la|l|un|une|d)$/.test(tokens[thing]!) || w.beforeThing.has(tokens[thing]!))
    )
      thing++;
    if (thing >= tokens.length || tokens[thing] === r.allowed) continue;
    // The thing restricted itself (« tournent sous BL.RH »): what runs under it, not another system.
    if (r.others.some((o) => o.some((w) => w.split(/[^\p{L}\d]+/u)[0] === tokens[thing]))) continue;
    if (r.proper && !/^\p{Lu}/u.test(raw[thing]!)) continue;
    return true;
  }
  return false;
}

/** What the context says must stay with one thing (« les 4 postes du service RH doivent rester sous Windows »). */
interface Kept {
  clause: string;
  /** The last two words naming what stays (« service », « rh »). */
  subject: string[];
  allowed: string;
  proper: boolean;
}

function keptWith(clauses: string[]): Kept[] {
  const w = restrictionWords();
  return clauses.flatMap((clause) =>
    clause.split(/\s+[:;]\s+/u).flatMap((part) => {
      const m = w.staying.exec(fold(part).length === part.length ? part : "");
      if (!m) return [];
      const before = part.slice(0, m.index);
      if (NEGATION.test(before)) return [];
      const subject = nameWords(before)
        .filter((t) => !w.beforeStaying.has(t))
        .slice(-2);
      const named = m[2]!.replace(/^(?:(?:des?|les?|la|l['’]|un|une)\s*)/iu, "");
      if (!subject.length) return [];
      return [
        {
          clause: part.slice(0, m.index + m[0].length),
          subject,
          allowed: lastWord(m[2]!),
          proper: /^\p{Lu}/u.test(named),
        },
      ];
    }),
  );
}

/** Whether a clause, of what must stay, states a change towards another thing (« passeront sous Ubuntu »). */
function movedAway(k: Kept, clause: string): boolean {
  if (NEGATION.test(clause) || !namesAll(k.subject, clause)) return false;
  const w = restrictionWords();
  const raw = clause.split(/[^\p{L}\d]+/u).filter(Boolean);
  const tokens = raw.map((t) => fold(t));
  const verbAt = tokens.findIndex((t) => sameStem(t, w.change));
  if (verbAt < 0) return false;
  const at = tokens.findIndex((t, i) => i > verbAt && i - verbAt <= 3 && w.movedTo.has(t));
  if (at < 0) return false;
  let thing = at + 1;
  while (
    thing < tokens.length &&
    (/^(?:des?|les?|la|l|un|une|d)$/.test(tokens[thing]!) || w.beforeThing.has(tokens[thing]!))
  )
    thing++;
  if (thing >= tokens.length || tokens[thing] === k.allowed) return false;
  return !k.proper || /^\p{Lu}/u.test(raw[thing]!);
}

/** Whether a clause moves what a restriction is said of to another thing (`movedAway`, its subject's words). */
function restrictedMoved(r: Restriction, clause: string): boolean {
  const subjects = r.others.length ? r.others : [r.subject.slice(-2), r.alias.slice(-2)].filter((s) => s.length > 0);
  return subjects.some((subject) =>
    movedAway({ clause: r.clause, subject, allowed: r.allowed, proper: r.proper }, clause),
  );
}

/** An earliest date the context gives a change (« pas de changement de poste de travail avant septembre 2027 »). */
interface Earliest {
  clause: string;
  /** The thing changed: the last content words before the negation, else between it and « avant ». */
  thing: string[];
  year: number;
  month: number;
}

/** « avant », « au plus tôt » after a negation, then a month or a year: the earliest date of a change. */
const EARLIEST = /(?<!\p{L})(?:avant|au\s+plus\s+t[oô]t(?:\s+en)?|pas\s+avant)(?!\p{L})/iu;

function earliestDates(clauses: string[]): Earliest[] {
  const w = restrictionWords();
  return clauses.flatMap((whole) => {
    const clause = whole.split(/\s*:\s*/u)[0]!;
    const negation = NEGATION.exec(clause);
    const at = EARLIEST.exec(clause);
    if (!at || (!(negation && negation.index <= at.index) && !/plus\s+t[oô]t/iu.test(at[0]))) return [];
    const date = extractFigures(clause.slice(at.index)).find(
      (f) => (f.kind === "month" || f.kind === "date" || f.kind === "year") && f.year,
    );
    if (!date?.year) return [];
    const before = negation ? clause.slice(0, negation.index) : clause.slice(0, at.index);
    const between = negation ? clause.slice(negation.index + negation[0].length, at.index) : "";
    const own = (text: string) => contentWords(text).filter((t) => !sameStem(t, w.change));
    const thing = (own(before).length ? own(before) : own(between)).slice(-2);
    if (!thing.length) return [];
    return [{ clause, thing, year: date.year, month: date.month ?? 1 }];
  });
}

/** Whether a clause changes the thing of `e` at a date before it, not past at `today` (`YYYY-MM-DD`). */
function tooEarly(e: Earliest, clause: string, today: string): boolean {
  const w = restrictionWords();
  if (NEGATION.test(clause) || !sameSubject(e.thing, clause)) return false;
  if (!contentWords(clause).some((t) => sameStem(t, w.change))) return false;
  const now = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7));
  const earliest = e.year * 12 + e.month;
  const folded = fold(clause);
  return extractFigures(clause).some((f) => {
    if (!(f.kind === "month" || f.kind === "date" || f.kind === "year") || !f.year) return false;
    const at = folded.indexOf(fold(f.raw));
    if (at >= 0 && w.notChangeDate.test(folded.slice(Math.max(0, at - 12), at))) return false;
    const month = f.year * 12 + (f.month ?? 12);
    return month < earliest && month >= now;
  });
}

/** What the context counts of a part of the collectivité (« La creche utilise Arpege Concerto Enfance sur 2 postes »). */
interface Counted {
  clause: string;
  count: number;
  /** The stem of what is counted (« poste »). */
  noun: string;
  /** The stem of the part it is counted for: the clause's first other content word (« creche », « paie »). */
  part: string;
}

const tokensOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean);

function countedParts(clauses: string[]): Counted[] {
  const w = restrictionWords();
  return clauses.flatMap((clause) =>
    clause.split(/\s*[:;]\s+/u).flatMap((part) => {
      const tokens = tokensOf(part.replace(/\([^()]*\)/gu, " "));
      const at = tokens.findIndex((t, i) => /^\d+$/.test(t) && w.counted.has(tokens[i + 1] ?? ""));
      if (at < 0) return [];
      const noun = stem(tokens[at + 1]!);
      const own = contentWords(part.replace(/\([^()]*\)/gu, " ")).find(
        (t) => !/^\d/.test(t) && stem(t) !== noun && !w.counted.has(t),
      );
      return own ? [{ clause: part, count: Number(tokens[at]), noun, part: stem(own) }] : [];
    }),
  );
}

/**
 * Whether a clause counts the same part with another number (« Les 9 postes de la crèche », trial24 T-H5): the number
 * before the same noun, the part within four words after it or three before the number.
 */
function countedOtherwise(c: Counted, clause: string): boolean {
  const tokens = tokensOf(clause);
  return tokens.some((t, i) => {
    if (!/^\d+$/.test(t) || Number(t) === c.count || stem(tokens[i + 1] ?? "") !== c.noun) return false;
    const near = [...tokens.slice(Math.max(0, i - 3), i), ...tokens.slice(i + 2, i + 6)];
    return near.some((x) => stem(x) === c.part);
  });
}

/** What the context says is used (« L'école Jules-Ferry utilise Google Classroom depuis 2021 »): the name used. */
interface Used {
  clause: string;
  /** The name's words, folded (« google », « classroom »). */
  name: string[];
}

function usedThings(clauses: string[]): Used[] {
  const w = restrictionWords();
  return clauses.flatMap((clause) => {
    if (NEGATION.test(clause)) return [];
    const raw = clause.split(/[^\p{L}\d.+-]+/u).filter(Boolean);
    const at = raw.findIndex((t) => w.using.has(fold(t)));
    if (at < 0) return [];
    const name: string[] = [];
    for (let i = at + 1; i < raw.length && /^\p{Lu}/u.test(raw[i]!); i++) name.push(fold(raw[i]!));
    return name.length ? [{ clause, name }] : [];
  });
}

/** Whether a clause, without a negation, gives up the thing used: a verb of `[abandonner]` shortly before its name. */
function givenUp(u: Used, clause: string): boolean {
  if (NEGATION.test(clause)) return false;
  const tokens = tokensOf(clause);
  const at = tokens.findIndex((t, i) => t === u.name[0] && u.name.every((n, j) => tokens[i + j] === n));
  if (at < 0) return false;
  const w = restrictionWords();
  return tokens.slice(Math.max(0, at - 3), at).some((t) => w.givenUp.has(t));
}

/** A figure of the context with the words after it that say what it counts (« 85 agents », « 23 400 euros par an »). */
interface Given {
  clause: string;
  kind: string;
  value: number;
  /** The figure as written with what it counts. */
  said: string;
  /** The words after it, folded, that a figure of the sentence must have too. */
  unit: string[];
  /** The clause's names (capitalised words past its first), folded. */
  names: string[];
}

const COUNTED_KINDS = new Set(["number", "amount", "percent"]);

/** The words after a figure's text in a clause, up to `n`, folded (the figure's own unit word aside). */
function wordsAfter(clause: string, raw: string, n: number): string[] {
  const at = clause.indexOf(raw);
  return at < 0 ? [] : tokensOf(clause.slice(at + raw.length)).slice(0, n);
}

function givenFigures(clauses: string[]): Given[] {
  return clauses.flatMap((clause) => {
    const names = clause
      .split(/[^\p{L}\d.+-]+/u)
      .filter(Boolean)
      .slice(1)
      .filter((t) => /^\p{Lu}/u.test(t))
      .map((t) => fold(t));
    if (!names.length) return [];
    return extractFigures(clause)
      .filter((f) => COUNTED_KINDS.has(f.kind))
      .map((f) => {
        const unit = wordsAfter(clause, f.raw, f.kind === "number" ? 1 : 2);
        const said = clause
          .slice(clause.indexOf(f.raw))
          .split(/\s+/u)
          .slice(0, f.raw.split(/\s+/u).length + unit.length);
        return { clause, kind: f.kind, value: f.value, said: said.join(" ").replace(/[,;.]+$/u, ""), unit, names };
      })
      .filter((g) => g.unit.length > 0 && (g.kind !== "number" || restrictionWords().counted.has(g.unit[0]!)));
  });
}

/**
 * The figures of the context a clause gives otherwise (« pour 58 agents, pour 32 400 euros par an » for « pour 85
 * agents, pour un montant de 23 400 euros par an », trial26 T-H4): a figure of the same kind followed by the same words,
 * of another value, in a clause naming one of the context clause's names and another of its content words, that does
 * not give the context's value too.
 */
function figuresOtherwise(stated: string, clauses: string[]): Given[] {
  const given = givenFigures(clauses);
  if (!given.length) return [];
  const figures = extractFigures(stated).filter((f) => COUNTED_KINDS.has(f.kind));
  if (!figures.length) return [];
  const words = new Set(tokensOf(stated));
  const stems = new Set(contentWords(stated).map((w) => stem(w)));
  return given.filter((g) => {
    if (!g.names.some((n) => words.has(n))) return false;
    const shared = contentWords(g.clause).filter(
      (w) => !/^\d/.test(w) && !g.names.includes(w) && !g.unit.includes(w) && stems.has(stem(w)),
    );
    if (shared.length < 2) return false;
    const same = (f: { kind: string; raw: string }) =>
      f.kind === g.kind && g.unit.every((u, i) => wordsAfter(stated, f.raw, g.unit.length)[i] === u);
    const alike = figures.filter(same);
    return alike.length > 0 && alike.every((f) => Math.abs(f.value - g.value) > 1e-9);
  });
}

/**
 * Whether a sentence denies any risk or difficulty (« Aucun risque n'est à prévoir pour la paie », trial24 T-H5) for
 * what the context restricts or keeps (« La paie tourne sous Berger-Levrault e.paie, client lourd Windows
 * uniquement »): the clause of the context, or null.
 */
function riskDenied(stated: string, clauses: string[]): string | null {
  if (!restrictionWords().noRisk.test(fold(stated))) return null;
  for (const r of restrictions(clauses)) {
    const named = r.others.length
      ? r.others.some((words) => namesAll(words, stated))
      : sameSubject(r.subject, stated) || (r.alias.length > 0 && sameSubject(r.alias, stated));
    if (named) return r.clause;
  }
  for (const k of keptWith(clauses)) if (namesAll(k.subject, stated)) return k.clause;
  return null;
}

/** The contradiction of `sentence` with the context, as a short quote of the context's clause, or null. */
function againstContext(
  sentence: string,
  clauses: string[],
  source: ReturnType<typeof toSource>,
  today: string | undefined,
): string | null {
  const stated = withoutReferences(withoutNotes(sentence));
  // A hypothesis (« Si les serveurs tournent sous Windows Server, … ») states nothing of what the context restricts.
  if (restrictionWords().hypothesis.test(fold(stated))) return null;
  // A sentence quoting the context's clause (« 4 postes restent sous Windows : « … » ») restates it.
  const quotes = (clause: string) => fold(stated).includes(fold(clause));
  for (const r of restrictions(clauses))
    if (!quotes(r.clause) && polarityClauses(stated).some((c) => breaks(r, c))) return short(r.clause);
  for (const k of keptWith(clauses))
    if (!quotes(k.clause) && polarityClauses(stated).some((c) => movedAway(k, c))) return short(k.clause);
  // What runs only with one thing, moved to another (« Les agents de la paie passeront sous Ubuntu » for « La paie est
  // sur Ciril Civil Net RH, client Windows uniquement », trial25 T-H4): as for what must stay with it.
  for (const r of restrictions(clauses))
    if (!quotes(r.clause) && polarityClauses(stated).some((c) => restrictedMoved(r, c))) return short(r.clause);
  // A count of a part the context counts otherwise (« Les 9 postes de la crèche » for « … sur 2 postes »).
  for (const c of countedParts(clauses))
    if (!quotes(c.clause) && polarityClauses(stated).some((clause) => countedOtherwise(c, clause)))
      return short(c.clause);
  // What the context says is used, said given up (« a abandonné Google Classroom », trial26 T-H4).
  for (const u of usedThings(clauses))
    if (!quotes(u.clause) && polarityClauses(stated).some((c) => givenUp(u, c))) return short(u.clause);
  // No risk at all for what the context restricts or keeps (« Aucun risque n'est à prévoir pour la paie »).
  const risk = riskDenied(stated, clauses);
  if (risk) return short(risk);
  // A total denial (« ne dépendent d'aucun prestataire ») of what the context affirms of the same subject.
  const denied = deniedContextClause(stated, clauses);
  if (denied && !quotes(denied)) return short(denied);
  // An earliest date: only with the document's date, so that a change already made (« renouvelés en 2021 ») is not read.
  if (today)
    for (const e of earliestDates(clauses))
      if (polarityClauses(stated).some((c) => tooEarly(e, c, today))) return short(e.clause);
  const opposite = contradicted(stated, [source]);
  if (!opposite) return null;
  // Only what the context says of the sentence's own subject: the clause it contradicts shares its subject words.
  const clause = clauses.find((c) => fold(c).includes(fold(opposite).replace(/…$/u, "").trim().slice(0, 30)));
  if (clause) {
    const verbAt = clause.search(/(?<!\p{L})(?:ne|n['’])/u);
    const subject = contentWords(verbAt > 0 ? clause.slice(0, verbAt) : clause);
    if (subject.length && !sameSubject(subject, stated)) return null;
  }
  return opposite;
}

/**
 * A document's verification with the sentences that contradict the user's context marked unsupported, the context's
 * clause quoted (added to the reasons of a sentence already unverified: « Linux n'est pas nommé » says less than the
 * context it contradicts). Unchanged without a context.
 */
export function contextContradictions(
  verification: Verification,
  context: string | undefined,
  today?: string,
  /** What the context says of others (`contextClaims`): checked against the corpus, never a figure of the user's own. */
  others: string[] = [],
): Verification {
  if (!context?.trim()) return verification;
  const clauses = sentencesOf(context).flatMap(clausesOf);
  const ofOthers = (clause: string) =>
    others.some((o) => fold(clause).includes(fold(o)) || fold(o).includes(fold(clause)));
  const ownClauses = clauses.filter((c) => !ofOthers(c));
  // A restriction (« ne fonctionne que sous Windows ») has no negation word: read for polarity, it would affirm what a
  // sentence denies (« ne fonctionne pas sous Linux »). It is checked by its own form only.
  const source = toSource(
    null,
    clauses
      .filter((c) => !RESTRICTED.test(c))
      .map((c) => (/[.!?…]$/u.test(c) ? c : `${c}.`))
      .join(" "),
  );
  let changed = false;
  const sentences = verification.sentences.map((s): SentenceCheck => {
    // A sentence too short to be a claim is read for a denial of any risk only (« Aucun risque n'est à prévoir … »).
    if (s.status === "no-claim" && !restrictionWords().noRisk.test(fold(s.text))) return s;
    const quote = againstContext(s.text, clauses, source, today);
    // A quotation of a passage is its source's words, not a figure of the collectivité said otherwise.
    const quoted = /^\s*>|^\s*«/u.test(s.text);
    const otherwise =
      s.status === "no-claim" || quoted ? [] : figuresOtherwise(withoutReferences(withoutNotes(s.text)), ownClauses);
    if (!quote && !otherwise.length) return s;
    changed = true;
    const figures = otherwise.map((g) => `« ${g.said} »`).join(", ");
    return {
      ...s,
      status: s.status === "invalid-citation" ? s.status : "unsupported",
      reasons: [
        ...s.reasons,
        ...(quote ? [message("verify.contextContradicted", { quote })] : []),
        ...(otherwise.length
          ? [message("verify.contextFiguresOtherwise", { figures, quote: short(otherwise[0]!.clause) })]
          : []),
      ],
    };
  });
  return changed ? verificationOf(sentences) : verification;
}
