/**
 * The collectivité's own figures: what a document computed from its own data (a plan's milestones and checkpoints,
 * its standing against its trajectory, a roadmap's gain per replacement, a map's shares) is known exactly, so a
 * sentence about them is checked against them, not only against « does this number appear somewhere »: « le
 * prochain jalon est de 72 % au 1er janvier 2027 » when the plan gives 82 % for that date (72 % is another
 * milestone's), « le plan est en retard » when the data say « en avance », « Kaspersky … supprimera 12 points » when
 * the roadmap computes 8,5 (trial7 A0, A6). Whoever wrote the sentence — the model or the user editing a section.
 */
import { fold, foldApostrophes } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordAlternation, wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { type SentenceCheck, type Verification, verificationOf } from "./index.ts";
import { statusAfter } from "./inference.ts";
import { milestoneReasons, type OwnMilestone, speaksOfMilestone } from "./milestone-state.ts";
import { type OwnProduct, reasonPattern } from "./own-facts.ts";
import { CLAUSE_BREAK, clauseAround } from "./sentences.ts";
import { type Reach, reachReasons } from "./target-reach.ts";

/** A figure the document computed about the collectivité itself. */
export interface OwnFigure {
  /** Names the figure is said of (« Kaspersky Endpoint Security », « ESET PROTECT », « prochain jalon »). */
  names?: string[];
  /** Words written right after the figure that say what it is (« 68 % mesurés », « 72 % prévus »), folded. */
  after?: string[];
  /** Dates it is given for (`YYYY-MM-DD`): a milestone's, a checkpoint's, the target's. */
  dates?: string[];
  /** « percent »: a share (« 82 % »); « points »: a change in points (« 8,5 points »). */
  kind: "percent" | "points";
  value: number;
  /** How the data say it, quoted in the reason (« 82 % au 1er janvier 2027 »). */
  says: string;
  /**
   * Said by names that also name values the data do not list for them (« la mesure » is measured, planned and aimed
   * at: « ramener la mesure à 40 % »): a figure bound to it only by such names is confirmed when it is the value,
   * never made wrong when it is not.
   */
  loose?: boolean;
  /**
   * What the figure sets is the end of a change (the roadmap's target: « l'objectif est de ramener l'exposition
   * pondérée de 89 % à 40 % »): the figure after its name that opens « de A à B » is not it, B is (trial26 T-H3).
   */
  end?: boolean;
}

export type OwnStandingKind = "ahead" | "on-track" | "late";

/**
 * The standing of the plan against its trajectory at a checkpoint, as computed; « before-plan »: the inventory came
 * before the plan was adopted, when nothing was planned — no standing word can be said of it; « narrower »: the
 * inventory covers part of the parc only (trial17 D9), nor can one; « start »: the inventory is of the adoption's own
 * day, nor can one (trial18 F6).
 */
export interface OwnStanding {
  standing: OwnStandingKind | "unknown" | "before-plan" | "narrower" | "start";
  /** The checkpoint's date (`YYYY-MM-DD`). */
  date: string;
  /** How the data say it (« le plan est en avance : 74 % mesurés pour 83 % prévus »). */
  says: string;
}

export interface OwnData {
  figures: OwnFigure[];
  /** Standings in date order: the last is the current one. */
  standings?: OwnStanding[];
  /**
   * The planned products and what the two inventories compared say of them (a progress note): « Slack a été
   * remplacé », « installé sur 25 postes » are checked against them (`own-facts.ts`).
   */
  products?: OwnProduct[];
  /** Names whose own state a standing word may describe instead of the plan's (its products, « jalon »). */
  otherSubjects?: string[];
  /** The measure at the baseline, now, and the plan's target: « presque atteint » is held to them (`target-reach.ts`). */
  reach?: Reach;
  /** The plan's milestones and their state: « le prochain jalon est atteint » is held to it (`milestone-state.ts`). */
  milestones?: OwnMilestone[];
}

/** What a sentence says of a plan's standing, by standing (`i18n/fr/own-standing.txt`). */
const STANDING_WORDS = wordListSections("own-standing.txt");
const STANDINGS: OwnStandingKind[] = ["ahead", "on-track", "late"];
const STANDING_RE = new RegExp(
  `(?<![\\p{L}-])(${wordAlternation(
    STANDINGS.flatMap((s) => STANDING_WORDS.get(s) ?? []).sort((a, b) => b.length - a.length),
  )})(?![\\p{L}-])`,
  "giu",
);
const standingOf = (phrase: string): OwnStandingKind | null =>
  STANDINGS.find((s) => (STANDING_WORDS.get(s) ?? []).some((w) => fold(w) === fold(phrase.replace(/’/g, "'")))) ?? null;
/**
 * What may stand between two figures said of one thing (« passée de 85 % à 72 % », « 85 % puis 72 % »):
 * `i18n/fr/figure-sequence.txt`.
 */
const SEQUENCE = new RegExp(`^\\s*(?:${wordAlternation(wordListLines("figure-sequence.txt"))})\\s*$`, "iu");

/** « le chiffre « 78 % » ne figure pas dans … », its figure captured. */
let notFound: RegExp | null = null;
const NOT_FOUND = () => (notFound ??= reasonPattern("verify.figureNotFound"));

/** What may stand between a share and the name that follows it (« 40 % d'exposition pondérée »). */
const OF_NAME = /^\s*(?:de|d['’]|du|des)?\s*$/iu;
/** « de 89 % » opening a change, and « à », « jusqu'à » leading to its end (« de 89 % à 40 % »). */
const CHANGE_FROM = /(?:^|[^\p{L}])(?:de|d['’])\s*$/iu;
const CHANGE_TO = /^\s*(?:à|jusqu['’]à)\s*$/iu;

/** The end of the change `first` opens (« de 89 % à 40 % » → 40 %), or `first` when it opens none. */
function changeEnd(sentence: string, first: Placed, figures: Placed[]): Placed {
  if (!CHANGE_FROM.test(sentence.slice(0, first.start))) return first;
  const next = figures.filter((x) => x.start >= first.end).sort((a, b) => a.start - b.start)[0];
  return next && CHANGE_TO.test(sentence.slice(first.end, next.start)) ? next : first;
}

/** A negation before the standing phrase in its clause (« n'est pas en retard », « aucun retard »). */
const NEGATION = /(?<!\p{L})(?:pas|plus|jamais|aucun|aucune|ni|non)(?!\p{L})/iu;

const iso = (f: Figure) =>
  f.kind === "date" && f.year && f.month && f.day
    ? `${f.year}-${String(f.month).padStart(2, "0")}-${String(f.day).padStart(2, "0")}`
    : f.kind === "month" && f.year && f.month
      ? `${f.year}-${String(f.month).padStart(2, "0")}`
      : null;

/** A figure as written against a computed value: the document rounds shares to the unit (one decimal below 10). */
const sameValue = (written: Figure, value: number) => {
  const decimals = (/[.,](\d+)/.exec(written.raw)?.[1] ?? "").length;
  return Math.abs(written.value - value) <= 0.5 * 10 ** -decimals + 1e-9;
};

/** « 8,5 points », « 12 points d'exposition »: a number followed by « point(s) ». */
const isPoints = (sentence: string, f: Figure, at: number) =>
  f.kind === "number" && /^\s*points?(?!\p{L})/iu.test(sentence.slice(at + f.raw.length));

/** « 12 points » as written, the figure with its unit (what a flag marks in the text). */
const pointsText = (sentence: string, p: Placed) =>
  sentence.slice(p.start, p.end) + (/^\s*points?/iu.exec(sentence.slice(p.end))?.[0] ?? "");

interface Placed {
  figure: Figure;
  kind: OwnFigure["kind"];
  start: number;
  end: number;
}

/** Where a name is written in a folded text, by word boundaries. */
function findName(folded: string, name: string): { start: number; end: number } | null {
  const n = foldApostrophes(name).trim();
  if (n.length < 3) return null;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u");
  const m = re.exec(folded);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/**
 * The names a figure may be said by: each name as given, and its first word when no other figure's name starts with
 * it (« Kaspersky » for « Kaspersky Endpoint Security », not « Microsoft » when two Microsoft products are listed).
 */
function nameForms(figures: OwnFigure[]): Map<OwnFigure, string[]> {
  const heads = new Map<string, Set<string>>();
  const headOf = (name: string) => /^[\p{L}\p{N}][\p{L}\p{N}.&@+-]{2,}/u.exec(name.trim())?.[0] ?? null;
  for (const f of figures)
    for (const name of f.names ?? []) {
      const head = headOf(name);
      if (!head || !/^\p{Lu}/u.test(head)) continue;
      const key = fold(head);
      if (!heads.has(key)) heads.set(key, new Set());
      heads.get(key)!.add(fold(name));
    }
  return new Map(
    figures.map((f) => [
      f,
      (f.names ?? []).flatMap((name) => {
        const head = headOf(name);
        const unique = head && (heads.get(fold(head))?.size ?? 0) === 1 && fold(head) !== fold(name);
        return unique ? [name, head] : [name];
      }),
    ]),
  );
}

/**
 * The reasons a sentence's figures are not the document's own for what they are said of. A figure is bound to the
 * names written before it in its clause (the nearest figure after a name: « le prochain jalon est de 82 % »; for points,
 * the one before when none follows), to the dates beside it (the nearest figure, before it on a tie: « 82 % au 1er
 * janvier 2027 »), and a figure that follows a name's figure with only « à », « puis »… between them to that name too,
 * loosely (« la mesure est passée de 85 % à 72 % »); it must be one of the computed values for them (or their sum:
 * « Kaspersky et Zoom : 10,5 points »). A figure bound to nothing computed is left to the other checks; one bound only
 * loosely (`OwnFigure.loose`) is confirmed when it is a value, left to the other checks when not. `dated` are the dates
 * of the sentence that date a confirmed figure as the data do (« 66 % en décembre 2026 »).
 */
function figureReasons(
  sentence: string,
  data: OwnData,
  forms: Map<OwnFigure, string[]>,
  where: string,
): { reasons: string[]; confirmed: string[]; dated: string[]; wrong: { figure: string; reason: string }[] } {
  const reasons: string[] = [];
  const confirmed: string[] = [];
  const dated: string[] = [];
  const wrong: { figure: string; reason: string }[] = [];
  const folded = foldApostrophes(sentence);
  const placed: Placed[] = [];
  const dates: { iso: string; raw: string; start: number; end: number }[] = [];
  let from = 0;
  for (const f of extractFigures(sentence)) {
    const at = sentence.indexOf(f.raw, from);
    if (at < 0) continue;
    from = at + f.raw.length;
    const date = iso(f);
    if (date) dates.push({ iso: date, raw: f.raw, start: at, end: at + f.raw.length });
    else if (f.kind === "percent") placed.push({ figure: f, kind: "percent", start: at, end: at + f.raw.length });
    else if (isPoints(sentence, f, at)) placed.push({ figure: f, kind: "points", start: at, end: at + f.raw.length });
  }
  if (!placed.length) return { reasons, confirmed, dated, wrong };
  const bound = new Map<Placed, Set<OwnFigure>>();
  const bind = (p: Placed | undefined, records: OwnFigure[]) => {
    if (!p || !records.length) return;
    if (!bound.has(p)) bound.set(p, new Set());
    for (const r of records) bound.get(p)!.add(r);
  };
  const byDate: { raw: string; p: Placed; records: OwnFigure[] }[] = [];
  const confirmedAt = new Set<Placed>();
  const inClause = (at: number, end: number) => {
    const [start, stop] = clauseAround(sentence, at, end, CLAUSE_BREAK);
    return (p: Placed) => p.start >= start && p.end <= stop;
  };
  for (const kind of ["percent", "points"] as const) {
    const ofKind = placed.filter((p) => p.kind === kind);
    if (!ofKind.length) continue;
    const records = data.figures.filter((r) => r.kind === kind);
    for (const d of dates) {
      const matching = records.filter((r) => r.dates?.some((x) => x === d.iso || x.startsWith(`${d.iso}-`)));
      const near = ofKind.filter(inClause(d.start, d.end));
      const distance = (p: Placed) => (p.end <= d.start ? d.start - p.end : p.start - d.end + 0.5);
      const nearest = near.sort((a, b) => distance(a) - distance(b))[0];
      bind(nearest, matching);
      if (nearest && matching.length) byDate.push({ raw: d.raw, p: nearest, records: matching });
    }
    const named = new Map<Placed, OwnFigure[]>();
    for (const r of records)
      for (const name of forms.get(r) ?? []) {
        const at = findName(folded, name);
        if (!at) continue;
        const near = ofKind.filter(inClause(at.start, at.end));
        // A share follows what it is of (« une exposition pondérée de 76 % », « l'objectif de 35 % »); a gain in points
        // may come first (« 8,5 points grâce au remplacement de Kaspersky »).
        const last = near.filter((p) => p.end <= at.start).at(-1);
        const before = kind === "points" ? last : undefined;
        const first = near.find((x) => x.start >= at.end);
        const p = (first && r.end ? changeEnd(sentence, first, ofKind) : first) ?? before;
        bind(p, [r]);
        if (p) named.set(p, [...(named.get(p) ?? []), r]);
        // A share right before its name (« 40 % d'exposition pondérée ») is of it, loosely: it may be a value asked
        // for (a letter's « objectif de 40 % d'exposition pondérée »), confirmed when it is one the document gives.
        else if (last && OF_NAME.test(sentence.slice(last.end, at.start))) {
          const loose = { ...r, loose: true };
          bind(last, [loose]);
          named.set(last, [...(named.get(last) ?? []), loose]);
        }
      }
    // « 68 % mesurés pour 72 % prévus »: the word right after a figure says what it is.
    for (const p of ofKind) {
      const word = /^\s*(\p{L}+)/u.exec(sentence.slice(p.end))?.[1];
      if (word)
        bind(
          p,
          records.filter((r) => r.after?.includes(fold(word))),
        );
    }
    // « de 85 % à 72 % », « 85 % puis 72 % »: the next figure is said of the same names, loosely.
    const ordered = [...ofKind].sort((a, b) => a.start - b.start);
    for (let i = 0, names: OwnFigure[] = []; i < ordered.length; i++) {
      const p = ordered[i]!;
      const own = named.get(p);
      if (own) names = own;
      else if (names.length && SEQUENCE.test(sentence.slice(ordered[i - 1]!.end, p.start)))
        bind(
          p,
          names.map((r) => ({ ...r, loose: true })),
        );
      else names = [];
    }
    // « de 78 % à 40 % d'exposition pondérée »: the figure before a named one, in sequence with it, is of it, loosely.
    for (let i = ordered.length - 2, names: OwnFigure[] = []; i >= 0; i--) {
      const next = ordered[i + 1]!;
      names = named.get(next) ?? names;
      const p = ordered[i]!;
      if (named.has(p)) names = [];
      else if (names.length && SEQUENCE.test(sentence.slice(p.end, next.start)))
        bind(
          p,
          names.map((r) => ({ ...r, loose: true })),
        );
      else names = [];
    }
  }
  for (const [p, records] of bound) {
    const list = [...records];
    // A figure bound strictly (a date, a name that names only these values) is held to those values alone.
    const strict = list.filter((r) => !r.loose);
    const held = strict.length ? strict : list;
    const values = [...new Set(held.map((r) => r.value))];
    const sum = values.reduce((s, v) => s + v, 0);
    if (values.some((v) => sameValue(p.figure, v)) || (values.length > 1 && sameValue(p.figure, sum))) {
      confirmed.push(p.figure.raw);
      confirmedAt.add(p);
      dated.push(
        ...byDate.filter((b) => b.p === p && b.records.some((r) => sameValue(p.figure, r.value))).map((b) => b.raw),
      );
      continue;
    }
    if (!strict.length) continue;
    const reason = message("verify.ownFigure", {
      figure: p.figure.raw,
      where,
      says: [...new Set(strict.map((r) => r.says))].join(" ; "),
    });
    reasons.push(reason);
    wrong.push({ figure: p.kind === "points" ? pointsText(sentence, p) : p.figure.raw, reason });
  }
  // A figure written twice (« passée de 85 % à 66 %, le prochain jalon est de 66 % ») is confirmed when each time is.
  const everywhere = confirmed.filter((raw) => placed.every((p) => p.figure.raw !== raw || confirmedAt.has(p)));
  return { reasons, confirmed: [...new Set(everywhere)], dated, wrong };
}

/** « le chiffre « 57 % » figure dans … »: the start of the reasons that a figure is there, but for something else. */
const elsewherePrefix = (figure: string) =>
  message("verify.figureContext", { figure, where: "\u0000" }).split("\u0000")[0]!;
/** « « 85 % » n'est pas donné pour l'année « décembre 2026 » dans … »: a figure held to another figure's date. */
const yearPrefix = (figure: string, year: string) =>
  message("verify.yearMismatch", { figure, year, where: "\u0000" }).split("\u0000")[0]!;
/** « l'année « décembre 2026 » figure dans …, mais pour autre chose ». */
const yearMovedPrefix = (year: string) =>
  message("verify.yearMoved", { year, other: "", where: "\u0000" }).split("\u0000")[0]!;

/**
 * The reasons a sentence's word for the plan's standing (« en retard », « en avance », « dans les temps ») is not
 * the computed one: the standing at the checkpoint whose date the sentence gives, else the current one. A sentence
 * about something else that can be late (a product, a milestone) is left alone; a negated phrase (« n'est pas en
 * retard ») is wrong only when the data say just that.
 */
function standingReasons(sentence: string, data: OwnData, where: string): string[] {
  const standings = data.standings ?? [];
  if (!standings.length) return [];
  const folded = fold(sentence);
  if ((data.otherSubjects ?? []).some((n) => findName(folded, n))) return [];
  const dates = extractFigures(sentence)
    .map(iso)
    .filter((d): d is string => !!d);
  // Two inventories of one day: the later one stands.
  const at = standings.filter(
    (s, i) =>
      dates.some((d) => s.date === d || s.date.startsWith(`${d}-`)) &&
      !standings.slice(i + 1).some((x) => x.date === s.date),
  );
  const current = at.length ? at : [standings.at(-1)!];
  if (current.some((s) => s.standing === "unknown")) return [];
  const reasons: string[] = [];
  for (const m of sentence.matchAll(STANDING_RE)) {
    const said = standingOf(m[1]!);
    if (!said) continue;
    const [start] = clauseAround(sentence, m.index!, m.index! + m[0].length, CLAUSE_BREAK);
    const before = sentence.slice(start, m.index!);
    const negated = NEGATION.test(before);
    const wrong = negated ? current.every((s) => s.standing === said) : !current.some((s) => s.standing === said);
    if (wrong)
      reasons.push(
        message("verify.ownStanding", {
          said: m[1]!,
          where,
          says: [...new Set(current.map((s) => s.says))].join(" ; "),
        }),
      );
  }
  return reasons;
}

/** What credits a change to the plan (« grâce au plan », « depuis l'adoption du plan »), `i18n/fr/own-standing.txt`. */
const PLAN_CREDIT_RE = new RegExp(
  `(?<![\\p{L}-])(${wordAlternation([...(STANDING_WORDS.get("plan-credit") ?? [])].sort((a, b) => b.length - a.length))})(?![\\p{L}-])`,
  "iu",
);

/**
 * A change credited to the plan (« Grâce au plan, Google Drive a disparu de l'inventaire », « Depuis l'adoption du
 * plan, l'exposition est passée de 91 % à 80 % ») where no inventory of the plan was taken after its adoption: what
 * changed came before it, or on its very day (trial19 N2). The reason quotes what the plan says of its last inventory.
 */
function planCreditReasons(sentence: string, data: OwnData, where: string): string[] {
  const standings = data.standings ?? [];
  if (!standings.length || !standings.every((s) => s.standing === "before-plan" || s.standing === "start")) return [];
  const m = PLAN_CREDIT_RE.exec(sentence);
  if (!m) return [];
  return [message("verify.ownStanding", { said: m[1]!, where, says: standings.at(-1)!.says })];
}

/**
 * A verification where each sentence is also checked against the document's own computed data (`OwnData`): a
 * sentence whose figure or standing contradicts them is « non vérifié », with what the data say. Sentences already
 * unsupported keep their reasons and get these too, but for « figure dans …, mais pour autre chose » about a figure
 * the data give for the date or name beside it; a sentence with a wrong citation keeps its status.
 */
export function checkOwnData(
  verification: Verification,
  data: OwnData | null | undefined,
  where: string,
): Verification {
  return checkOwn(verification, data, where).verification;
}

/** `checkOwnData`, with the figures found wrong and why (for the list of figures to check). */
export function checkOwn(
  verification: Verification,
  data: OwnData | null | undefined,
  where: string,
): { verification: Verification; mismatched: { figure: string; reason: string }[]; confirmed: string[] } {
  const mismatched: { figure: string; reason: string }[] = [];
  const confirmedAll: string[] = [];
  if (!data || (!data.figures.length && !data.standings?.length)) return { verification, mismatched, confirmed: [] };
  const forms = nameForms(data.figures);
  let changed = false;
  const sentences: SentenceCheck[] = verification.sentences.map((s) => {
    // A table row is read cell by cell, not as a sentence: its figures are the table's columns.
    if (/^\s*\|/.test(s.text)) return s;
    const figures = figureReasons(s.text, data, forms, where);
    mismatched.push(...figures.wrong);
    confirmedAll.push(...figures.confirmed);
    const reasons = [
      ...figures.reasons,
      ...standingReasons(s.text, data, where),
      ...planCreditReasons(s.text, data, where),
      // A milestone said reached is held to its own state, not to the target's nearness.
      ...(speaksOfMilestone(s.text)
        ? milestoneReasons(s.text, data.milestones, where)
        : reachReasons(s.text, data.reach, where)),
    ].filter((r) => !s.reasons.includes(r));
    // A figure the data give for the very date or name the sentence gives it is not « there, but for something else »
    // (« le jalon du 1er septembre 2027 est de 57 % » against a table row that does not say « jalon »), and a date the
    // data give to a figure of the sentence dates that figure, not the others of the sentence (« la mesure est passée
    // de 85 % à 72 %, le prochain jalon est de 66 % en décembre 2026 »).
    // A figure the document computed is found (« 78 % », the baseline of a target the user restates): not « absent ».
    const explained = (r: string) =>
      figures.confirmed.some(
        (f) =>
          r.startsWith(elsewherePrefix(f)) ||
          NOT_FOUND().exec(r)?.[1] === f ||
          figures.dated.some((y) => r.startsWith(yearPrefix(f, y))),
      ) || figures.dated.some((y) => r.startsWith(yearMovedPrefix(y)));
    const kept = s.reasons.filter((r) => !explained(r));
    if (!reasons.length && kept.length === s.reasons.length) return s;
    changed = true;
    const all = [...kept, ...reasons];
    return {
      ...s,
      // An inference stays one while its reasons are its own (`inference.ts`).
      status: statusAfter(s, all),
      reasons: all,
    };
  });
  return { verification: changed ? verificationOf(sentences) : verification, mismatched, confirmed: confirmedAll };
}
