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
  /** The workstation-system lines of the plan the postes are taken from. */
  lines: RoadmapLine[];
}

let lists: {
  phrase: RegExp;
  contrary: RegExp;
  free: Set<string>;
  small: Set<string>;
  counted: Set<string>;
  common: Set<string>;
} | null = null;
function words() {
  if (!lists) {
    const s = wordListSections("system-bound.txt");
    const folded = (key: string) => (s.get(key) ?? []).map((w) => fold(w).replace(/[’]/g, "'"));
    lists = {
      phrase: new RegExp(`(?<![\\p{L}])(?:${wordAlternation(folded("tournures"))})(?![\\p{L}])`, "u"),
      contrary: new RegExp(`(?<![\\p{L}])(?:${wordAlternation(folded("tournures contraires"))})(?![\\p{L}])`, "u"),
      free: new Set(folded("systèmes libres")),
      small: new Set(folded("petits mots")),
      counted: new Set(folded("postes")),
      common: new Set(folded("mots communs")),
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
export function systemBound(context: string, lines: RoadmapLine[], items: AnalysisItem[]): SystemBound[] {
  const w = words();
  const out: SystemBound[] = [];
  for (const text of sentences(context)) {
    const f = fold(text).replace(/[’]/g, "'");
    if (/\?\s*$/.test(text)) continue;
    // « ne fonctionne que sous Windows »: the system named stays; « ne tourne pas sous Linux »: the system proposed
    // in its place is named, the postes stay under theirs.
    const only = w.phrase.exec(f);
    const not = only ? null : w.contrary.exec(f);
    const m = only ?? not;
    if (!m) continue;
    // The system: the first word after the phrase that is not a small word.
    const after = f
      .slice(m.index + m[0].length)
      .split(/[^a-z0-9']+/)
      .filter(Boolean);
    const word = after.find((x) => !w.small.has(x));
    if (!word || word.length < 3 || (not && !w.free.has(word))) continue;
    const lineWords = (l: RoadmapLine) => [productName(l.item), l.item.name].flatMap((n) => (n ? tokens(n) : []));
    const bound = lines.filter(
      (l) =>
        l.role.id === "workstation-os" &&
        !l.removal &&
        (not
          ? !!l.alternative && tokens(l.alternative.name).some((t) => w.free.has(t))
          : lineWords(l).includes(word) && !(l.alternative && tokens(l.alternative.name).includes(word))),
    );
    if (!bound.length) continue;
    // What the postes stay under: the system named, or the first word of the bound lines' product (« Windows »).
    const system = not ? (tokens(productName(bound[0]!.item) ?? bound[0]!.item.name)[0] ?? word) : word;
    const said = new Set(tokens(f));
    const count = countIn(f);
    // The inventory's software the sentence names: a distinctive word of its name in what the sentence says of it.
    const own = items.filter(
      (i) =>
        i.installations > 0 &&
        !i.component &&
        !bound.some((l) => l.inventoryNames.includes(i.name) || l.item === i) &&
        tokens(i.name).some(
          (t) => t.length >= 4 && t !== system && t !== word && !w.common.has(t) && !w.free.has(t) && said.has(t),
        ),
    );
    const total = bound.reduce((s, l) => s + l.item.installations, 0);
    const installations = count ?? (own.length ? Math.max(...own.map((i) => i.installations)) : null);
    // As written: in the sentence, or in the product's name when the sentence names the other system.
    const writer = not ? (productName(bound[0]!.item) ?? bound[0]!.item.name) : text;
    const original = new RegExp(`(?<![\\p{L}])${system}(?![\\p{L}])`, "iu").exec(writer)?.[0] ?? system;
    out.push({
      text,
      system: original,
      installations: installations === null ? null : Math.min(installations, total),
      items: count === null ? own : [],
      lines: bound,
    });
  }
  return out;
}

/** A count of postes the text gives (« les 15 postes »), digits only. */
function countIn(folded: string): number | null {
  const counted = words().counted;
  const m = [...folded.matchAll(/\b(\d{1,5})\s+([a-z]+)/g)].find((x) => counted.has(x[2]!));
  return m ? Number(m[1]) : null;
}

/**
 * Takes the postes kept out of the lines' replacement, in the plan's order (the first planned first): their share
 * of the line's points and of the installations leaving the raw share. A line all of whose postes are kept is left
 * out of the replacements (returned, to be set aside).
 */
export function keepUnderSystem(bound: SystemBound[]): Set<RoadmapLine> {
  const kept = new Map<RoadmapLine, number>();
  const system = new Map<RoadmapLine, string>();
  for (const b of bound) {
    let left = b.installations ?? 0;
    for (const l of b.lines) {
      if (left <= 0) break;
      const already = kept.get(l) ?? 0;
      const take = Math.min(left, l.item.installations - already);
      if (take <= 0) continue;
      kept.set(l, already + take);
      system.set(l, b.system);
      left -= take;
    }
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
