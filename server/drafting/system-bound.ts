/**
 * Software that runs only under one system (trial20 N-H4: « Notre logiciel de paie ne fonctionne que sous Windows »
 * was dropped, the roadmap planned every Windows 10 poste to Debian and the plan committed all 109). A sentence of the
 * DSI's context saying so keeps under that system the postes the software runs on: the number the sentence gives
 * (« les 15 postes des finances doivent rester sous Windows »), else the installations of the inventory's software it
 * names (« la caisse Elisath » → « Elisath Caisse », 4 installations), else unknown — and then said to be given, never
 * guessed. The postes kept are taken out of the system's replacement (its points and the installations leaving the
 * raw share), so the objective counts without them; they stay counted in the measure. The words are
 * `i18n/fr/system-bound.txt`'s.
 */
import { fold } from "../core/text.ts";
import { wordAlternation, wordListSections } from "../i18n/word-lists.ts";
import { productName } from "../inventory/measure.ts";
import type { RoadmapLine } from "./roadmap-plan.ts";
import type { AnalysisItem } from "./types.ts";

export interface SystemBound {
  /** The sentence of the context, as written. */
  text: string;
  /** The system, as the sentence writes it (« Windows »). */
  system: string;
  /** Postes kept under the system: the sentence's count, or the named software's installations; null when unknown. */
  installations: number | null;
  /** The inventory's software the sentence names (the count's source when the sentence gives none). */
  items: AnalysisItem[];
  /** The same, whatever the count: where the export names the computers, the postes kept are those they are on. */
  where: AnalysisItem[];
  /** The workstation-system lines of the plan the postes are taken from. */
  lines: RoadmapLine[];
}

let lists: {
  phrase: RegExp;
  weak: RegExp;
  software: Set<string>;
  contrary: RegExp;
  free: Set<string>;
  small: Set<string>;
  counted: Set<string>;
  common: Set<string>;
  parts: Set<string>;
  all: Set<string>;
} | null = null;
function words() {
  if (!lists) {
    const s = wordListSections("system-bound.txt");
    const folded = (key: string) => (s.get(key) ?? []).map((w) => fold(w).replace(/[’]/g, "'"));
    lists = {
      phrase: new RegExp(`(?<![\\p{L}])(?:${wordAlternation(folded("tournures"))})(?![\\p{L}])`, "u"),
      weak: new RegExp(`(?<![\\p{L}])(?:${wordAlternation(folded("tournures faibles"))})(?![\\p{L}])`, "u"),
      software: new Set(folded("logiciel")),
      contrary: new RegExp(`(?<![\\p{L}])(?:${wordAlternation(folded("tournures contraires"))})(?![\\p{L}])`, "u"),
      free: new Set(folded("systèmes libres")),
      small: new Set(folded("petits mots")),
      counted: new Set(folded("postes")),
      common: new Set(folded("mots communs")),
      parts: new Set(folded("parties")),
      all: new Set(folded("tous")),
    };
  }
  return lists;
}

const tokens = (text: string) =>
  fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The sentences of a context (as `roadmap-plan.ts` reads them). */
const sentences = (context: string) =>
  context
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim().replace(/\s*[;,:]$/, ""))
    .filter(Boolean);

/**
 * The sentences of the context that bind software to a system, with the lines of that system the plan replaces by
 * another system and the postes kept under it.
 */
export function systemBound(
  context: string,
  lines: RoadmapLine[],
  items: AnalysisItem[],
  keeps: { text: string; lines: RoadmapLine[] }[] = [],
): SystemBound[] {
  const out: SystemBound[] = [];
  for (const text of sentences(context)) {
    const f = fold(text).replace(/[’]/g, "'");
    if (/\?\s*$/.test(text)) continue;
    const found = keptFor(text, lines, keeps) ?? boundBy(f, lines, items);
    if (!found) continue;
    const { bound, system, word } = found;
    const count = countIn(f);
    const own = namedItems(f, items, bound, [system, word]);
    const total = bound.reduce((s, l) => s + l.item.installations, 0);
    const installations = count ?? (own.length ? Math.max(...own.map((i) => i.installations)) : null);
    // As written: in the sentence, or in the product's name when the sentence names the other system.
    const writer = found.not ? (productName(bound[0]!.item) ?? bound[0]!.item.name) : text;
    const original = new RegExp(`(?<![\\p{L}])${system}(?![\\p{L}])`, "iu").exec(writer)?.[0] ?? system;
    out.push({
      text,
      system: original,
      installations: installations === null ? null : Math.min(installations, total),
      items: count === null ? own : [],
      where: own,
      lines: bound,
    });
  }
  return out;
}

interface Found {
  bound: RoadmapLine[];
  /** The system the postes stay under, folded (« windows »), and the word the sentence named (« linux »). */
  system: string;
  word: string;
  not: boolean;
}

/** A decision to keep the postes' system on some postes only (`forSomePostes`): its lines, in the plan's order. */
function keptFor(text: string, lines: RoadmapLine[], keeps: { text: string; lines: RoadmapLine[] }[]): Found | null {
  const keep = keeps.find((k) => k.text === text);
  if (!keep) return null;
  const bound = lines.filter((l) => keep.lines.includes(l));
  if (!bound.length) return null;
  const system = tokens(productName(bound[0]!.item) ?? bound[0]!.item.name)[0] ?? "";
  return { bound, system, word: system, not: false };
}

/**
 * « ne fonctionne que sous Windows »: the system named stays; « ne tourne pas sous Linux »: the system proposed in
 * its place is named, the postes stay under theirs. The workstation-system lines it binds, in the plan's order.
 */
function boundBy(f: string, lines: RoadmapLine[], items: AnalysisItem[]): Found | null {
  const w = words();
  // « exige », « dépend de » only of software: one the sentence calls so, or names, before the phrase.
  const weak = w.weak.exec(f);
  const ofSoftware = (before: string) =>
    tokens(before).some((t) => w.software.has(t)) || namedItems(before, items, [], []).length > 0;
  const only = w.phrase.exec(f) ?? (weak && ofSoftware(f.slice(0, weak.index)) ? weak : null);
  const not = only ? null : w.contrary.exec(f);
  const m = only ?? not;
  if (!m) return null;
  // The system: the first word after the phrase that is not a small word.
  const after = f
    .slice(m.index + m[0].length)
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
  const word = after.find((x) => !w.small.has(x));
  if (!word || word.length < 3 || (not && !w.free.has(word))) return null;
  const lineWords = (l: RoadmapLine) => [productName(l.item), l.item.name].flatMap((n) => (n ? tokens(n) : []));
  const bound = lines.filter(
    (l) =>
      l.role.id === "workstation-os" &&
      !l.removal &&
      (not
        ? !!l.alternative && tokens(l.alternative.name).some((t) => w.free.has(t))
        : lineWords(l).includes(word) && !(l.alternative && tokens(l.alternative.name).includes(word))),
  );
  if (!bound.length) return null;
  // What the postes stay under: the system named, or the first word of the bound lines' product (« Windows »).
  const system = not ? (tokens(productName(bound[0]!.item) ?? bound[0]!.item.name)[0] ?? word) : word;
  return { bound, system, word, not: !!not };
}

/**
 * The inventory's software a sentence names: a distinctive word of its name (not the system's), its lines aside; of
 * several, those the sentence names by most words (« Civil Net RH, notre logiciel de paie » is Civil Net RH, not Civil
 * Net Finances nor Arpège Mélodie État civil).
 */
function namedItems(folded: string, items: AnalysisItem[], bound: RoadmapLine[], systems: string[]): AnalysisItem[] {
  const w = words();
  const said = new Set(tokens(folded));
  const own = (t: string) => !systems.includes(t) && !w.common.has(t) && !w.free.has(t) && said.has(t);
  const named = items
    .filter(
      (i) =>
        i.installations > 0 &&
        !i.component &&
        !bound.some((l) => l.inventoryNames.includes(i.name) || l.item === i) &&
        tokens(i.name).some((t) => t.length >= 4 && own(t)),
    )
    .map((i) => ({ i, words: new Set(tokens(i.name).filter((t) => t.length >= 2 && own(t))).size }));
  const most = Math.max(0, ...named.map((n) => n.words));
  return named.filter((n) => n.words === most).map((n) => n.i);
}

/**
 * A decision to keep the postes' system (« on garde Windows 10 … ») that says for which postes: a count of them, a
 * service (« pour le service paie »), postes of a kind (« sur les postes de la paie »), or software of the inventory
 * (« pour la caisse Elisath ») — not all of them (« sur tous les postes »). It keeps those postes, not the line (trial20
 * N-H4: « Nous conservons Windows sur les postes de la paie » kept every Windows 10 and 11 poste out of the plan, or
 * named no line when « Windows » also named the servers' system). Returns the workstation-system lines it keeps postes
 * of, null when it is no such decision.
 */
export function forSomePostes(
  decision: { text: string; lines: RoadmapLine[] },
  lines: RoadmapLine[],
  items: AnalysisItem[],
): { text: string; lines: RoadmapLine[] } | null {
  const w = words();
  const f = fold(decision.text).replace(/[’]/g, "'");
  const said = tokens(f);
  // The lines it names; « Windows » alone names the postes' and the servers' systems: the postes' are meant here.
  const named = decision.lines.length
    ? decision.lines
    : lines.filter(
        (l) => l.role.id === "workstation-os" && said.includes(tokens(productName(l.item) ?? l.item.name)[0] ?? ""),
      );
  if (!named.length || !named.every((l) => l.role.id === "workstation-os")) return null;
  if (said.some((t) => w.all.has(t))) return null;
  const some =
    countIn(f) !== null ||
    said.some((t) => w.counted.has(t) || w.parts.has(t)) ||
    namedItems(
      f,
      items,
      named,
      named.flatMap((l) => tokens(productName(l.item) ?? l.item.name).slice(0, 1)),
    ).length > 0;
  return some ? { text: decision.text, lines: named } : null;
}

/** A count of postes the text gives (« les 15 postes »), digits only. */
function countIn(folded: string): number | null {
  const counted = words().counted;
  const m = [...folded.matchAll(/\b(\d{1,5})\s+([a-z]+)/g)].find((x) => counted.has(x[2]!));
  return m ? Number(m[1]) : null;
}

/**
 * Takes the postes kept out of the lines' replacement: first, where the export names the computers, those the named
 * software is on, from the line of the system they run (trial22 T-H8: the 4 Windows 11 payroll postes, not 4 of the
 * Windows 10 ones); then in the plan's order (the first planned first). Their share of the line's points and of the
 * installations leaving the raw share. A line all of whose postes are kept is left out of the replacements (returned,
 * to be set aside).
 */
export function keepUnderSystem(bound: SystemBound[]): Set<RoadmapLine> {
  const kept = new Map<RoadmapLine, number>();
  const system = new Map<RoadmapLine, string>();
  for (const b of bound) {
    let left = b.installations ?? 0;
    const take = (l: RoadmapLine, most: number) => {
      const already = kept.get(l) ?? 0;
      const n = Math.min(left, most, l.item.installations - already);
      if (n <= 0) return;
      kept.set(l, already + n);
      system.set(l, b.system);
      left -= n;
    };
    const on = new Set(b.where.flatMap((i) => i.computers ?? []));
    if (on.size && b.lines.every((l) => l.item.computers))
      for (const l of b.lines) take(l, l.item.computers!.filter((c) => on.has(c)).length);
    for (const l of b.lines) take(l, Number.POSITIVE_INFINITY);
  }
  const gone = new Set<RoadmapLine>();
  for (const [l, n] of kept) {
    const all = l.item.installations;
    const moved = all - n;
    l.keptBySystem = n;
    l.keptSystem = system.get(l)!;
    l.points = (l.points * moved) / all;
    l.rawRemoved = l.rawRemoved ? moved : 0;
    if (moved <= 0) gone.add(l);
  }
  return gone;
}
