/**
 * The inventory lines a checkpoint counts under each of its products, and one checkpoint counted under another's
 * classification: a line the DSI classified by hand after the plan's adoption (« Mozila Firefox ESR » as Firefox, a
 * line the catalogue did not know) is the same installations, not a dependency gone and another appeared, and the
 * plan's starting counts follow the latest classification (trial 12, A5: « LibreOffice est passé de 240 à 660 »
 * while the true start, the misspelt line included, was 390).
 */
import { fold } from "../inventory/normalize.ts";
import type { Checkpoint, Dependency, OtherProduct } from "./plan.ts";

/** One line of the map (a product's versions merged): its names, folded, and its installations. */
export interface Line {
  names: string[];
  installations: number;
  /** The line's name as the map shows it. */
  label?: string;
}

/** The line of a map item, as a checkpoint keeps it. */
export const lineOf = (item: { name: string; names?: string[]; installations: number }): Line => ({
  names: [...new Set([item.name, ...(item.names ?? [])].map(fold))],
  installations: item.installations,
  label: item.name,
});

type Owner = { kind: "dependency"; entry: Dependency } | { kind: "other"; entry: OtherProduct } | { kind: "none" };

/** Each line name of a checkpoint, with what counts it; null when the checkpoint was recorded without its lines. */
function ownersOf(checkpoint: Checkpoint): Map<string, Owner> | null {
  if (!checkpoint.dependencies.every((d) => d.lines) || !(checkpoint.others ?? []).every((o) => o.lines)) return null;
  const owners = new Map<string, Owner>();
  for (const entry of checkpoint.dependencies)
    for (const l of entry.lines!) for (const n of l.names) owners.set(n, { kind: "dependency", entry });
  for (const entry of checkpoint.others ?? [])
    for (const l of entry.lines!) for (const n of l.names) owners.set(n, { kind: "other", entry });
  for (const l of checkpoint.unclassified ?? []) for (const n of l.names) owners.set(n, { kind: "none" });
  return owners;
}

/**
 * `previous` with each of its lines counted where `current` counts it (the same product, another product after a
 * classification, or no product); a line `current` does not have stays where it was. Unchanged when either was
 * recorded without its lines (checkpoints taken before trial 12).
 * @example
 * const baseline = rebased(plan.checkpoints[0], plan.checkpoints.at(-1));
 */
export function rebased(previous: Checkpoint, current: Checkpoint | undefined): Checkpoint {
  if (!current || current === previous) return previous;
  const owners = ownersOf(current);
  if (!owners || !ownersOf(previous)) return previous;
  const dependencies = new Map<string, Dependency>();
  const others = new Map<string, OtherProduct>();
  const unclassified: Line[] = [];
  const put = (owner: Owner, line: Line) => {
    if (owner.kind === "none") return void unclassified.push(line);
    if (owner.kind === "dependency") {
      const seen = dependencies.get(owner.entry.key) ?? { ...owner.entry, installations: 0, lines: [] };
      seen.installations += line.installations;
      seen.lines!.push(line);
      dependencies.set(owner.entry.key, seen);
      return;
    }
    const seen = others.get(owner.entry.name) ?? { ...owner.entry, installations: 0, lines: [] };
    seen.installations += line.installations;
    seen.lines!.push(line);
    others.set(owner.entry.name, seen);
  };
  const ownerOf = (line: Line, own: Owner) => line.names.map((n) => owners.get(n)).find(Boolean) ?? own;
  for (const entry of previous.dependencies)
    for (const l of entry.lines!) put(ownerOf(l, { kind: "dependency", entry }), l);
  for (const entry of previous.others ?? []) for (const l of entry.lines!) put(ownerOf(l, { kind: "other", entry }), l);
  for (const l of previous.unclassified ?? []) put(ownerOf(l, { kind: "none" }), l);
  return {
    ...previous,
    dependencies: [...dependencies.values()].sort(
      (a, b) => b.installations - a.installations || a.name.localeCompare(b.name, "fr"),
    ),
    others: [...others.values()],
    unclassified,
  };
}

/** What counts a line in a checkpoint: a dependency's key, another product's name, or nothing. */
const ownerKey = (o: Owner | undefined) =>
  !o ? null : o.kind === "dependency" ? o.entry.key : o.kind === "other" ? `o:${fold(o.entry.name)}` : "none";

/**
 * The lines of `previous` that `current` counts under another product (or none): classified by hand, or by a later
 * catalogue, since `previous` was recorded. Its measure (the percentage) is that of its day; only its counts per
 * product can follow (`rebased`), which the plan's page says (trial 12, A5).
 */
export function reclassifiedLines(previous: Checkpoint, current: Checkpoint | undefined): string[] {
  if (!current || current === previous) return [];
  const now = ownersOf(current);
  const then = ownersOf(previous);
  if (!now || !then) return [];
  const lines = [
    ...previous.dependencies.flatMap((d) => d.lines ?? []),
    ...(previous.others ?? []).flatMap((o) => o.lines ?? []),
    ...(previous.unclassified ?? []),
  ];
  const out: string[] = [];
  for (const l of lines) {
    const later = l.names.map((n) => now.get(n)).find(Boolean);
    if (later && ownerKey(later) !== ownerKey(then.get(l.names[0]!))) out.push(l.label ?? l.names[0]!);
  }
  return [...new Set(out)];
}

/** Letters and digits only: « Only Office Desktop 8 » → « onlyofficedesktop8 ». */
const glued = (name: string) => fold(name).replace(/[^a-z0-9]/g, "");

/**
 * A line no product counts whose name starts with the planned replacement's, spaces aside (« Libre Office 7.6 » for
 * LibreOffice): the replacement, installed under a name the catalogue did not recognise and no one has classified
 * yet. Names of fewer than five letters are not read this way.
 */
export function namedLike(name: string, by: string): boolean {
  const key = glued(by);
  return key.length >= 5 && glued(name).startsWith(key);
}
