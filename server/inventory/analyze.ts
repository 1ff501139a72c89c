/**
 * From inventory rows to the dependency map: one item per distinct name (installations summed), classified
 * against the catalog or by hand, then a summary by category with shares, risks, quick wins and an explained
 * dependency score. No I/O here: the caller brings the rows, the match index and the manual classifications.
 */

import { formatInt } from "../core/text.ts";
import type { Category } from "../corpus/schema.ts";
import { countText, message } from "../i18n/messages.ts";
import { classifyInventoryItem } from "./classify.ts";
import { isOwnPublisher } from "./collectivite.ts";
import { withComputers } from "./computers.ts";
import { withAlternativesInPlace } from "./in-place.ts";
import { editionKey, withLifecycle } from "./lifecycle.ts";
import type { MatchIndex } from "./match.ts";
import type { LifecycleEdition } from "./match-index.ts";
import { displayName, isModuleLine, looseKey, nameTokens } from "./normalize.ts";
import { isIdentified, summarize } from "./summary.ts";
import type {
  AnalysisResult,
  InventoryItem,
  InventoryRow,
  ManualClassification,
  RowKind,
  UnknownItem,
} from "./types.ts";

export interface AnalyzeOptions {
  /** Manual classifications by `nameKey` of the name. */
  classifications?: Map<string, ManualClassification>;
  /** Quick wins listed (10 by default). */
  quickWins?: number;
  /** The day of the analysis (ISO), against which an edition's end of support is past or not; now by default. */
  now?: string;
  /** The collectivité the inventory is of: a line it publishes itself is its own application (`ownApplication`). */
  collectivite?: string | null;
}

export interface Group {
  name: string;
  publishers: Map<string, number>;
  versions: Set<string>;
  installations: number;
  kind: RowKind;
  hint: Category | null;
  /** The computers of its rows when every row named one (a GLPI Agent inventory, a GLPI computer list), else null. */
  machines?: Set<string> | null;
  /** Every row is an inventoried computer's own model (`InventoryRow.host`): set aside, not software. */
  host?: boolean;
  /** Installations by uploaded file: `countPackagesOnce`. */
  files?: Map<string, number>;
}

/**
 * Classifies every distinct name of the rows and summarises the map.
 * @example
 * const { rows } = parseInventoryFiles(files);
 * const { items, summary, unknown } = analyzeRows(rows, await loadMatchIndex(corpusDir));
 */
export function analyzeRows(rows: InventoryRow[], index: MatchIndex, options: AnalyzeOptions = {}): AnalysisResult {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const name = displayName(row.name);
    if (!name) continue;
    let g = groups.get(name);
    if (!g) {
      g = { name, publishers: new Map(), versions: new Set(), installations: 0, kind: row.kind, hint: row.hint };
      g.machines = row.machine ? new Set() : null;
      g.host = row.host === true;
      g.files = new Map();
      groups.set(name, g);
    }
    if (!row.host) g.host = false;
    if (!row.machine) g.machines = null;
    else g.machines?.add(row.machine);
    g.installations += row.installations;
    g.files?.set(row.file, (g.files.get(row.file) ?? 0) + row.installations);
    if (row.publisher) g.publishers.set(row.publisher, (g.publishers.get(row.publisher) ?? 0) + row.installations + 1);
    for (const v of row.versions) if (g.versions.size < 10) g.versions.add(v);
    if (row.kind === "hardware") g.kind = "hardware";
    g.hint ??= row.hint;
  }
  const classifications = new Map(options.classifications ?? []);
  // A classification made for "Outil 2023" also serves "Outil 2024": the loose key is the fallback.
  for (const c of options.classifications?.values() ?? []) {
    const loose = `~${looseKey(c.name)}`;
    if (!classifications.has(loose)) classifications.set(loose, c);
  }
  const items = withComputers(
    withAlternativesInPlace(
      withLifecycle(
        countMachinesOnce(
          countPackagesOnce(
            attachModules(
              keepLoneParts(
                mergeVersions(
                  [...groups.values()].map((g) => classifyInventoryItem(g, index, classifications)),
                  (id) => index.entries.get(id)?.lifecycle,
                ),
              ),
              (id) => index.entries.get(id)?.components ?? [],
            ),
            (name) => (groups.get(name)?.machines ? null : (groups.get(name)?.files ?? null)),
          ),
          (name) => groups.get(name)?.machines ?? null,
        ),
        index,
        options.now ?? new Date().toISOString(),
      ),
    ),
    (name) => groups.get(name)?.machines,
  );
  if (options.collectivite)
    items.splice(0, items.length, ...items.map((i) => ownApplication(i, options.collectivite!)));
  items.sort((a, b) => b.installations - a.installations || a.name.localeCompare(b.name, "fr"));
  // The same rule as the summary's « à classer » count (`isIdentified`): one list, one number.
  const unknown: UnknownItem[] = items
    .filter((i) => !i.component && !isIdentified(i))
    .map((i) => ({
      name: i.name,
      publisher: i.publisher,
      installations: i.installations,
      kind: i.kind,
      vendor: i.vendor,
      extraEuropean: i.extraEuropean,
      reason: i.reason,
      ...(i.suggestion ? { suggestion: i.suggestion } : {}),
    }));
  const review = unknown.filter((u) => u.suggestion);
  return { items, summary: summarize(items, index, options.quickWins ?? 10), unknown, review };
}

/**
 * A line the catalogue does not know whose publisher is the collectivité itself (« OurcelleTarifs », published by « CC
 * Coteaux de l'Ourcelle »): its own internal application, under its own control — no extra-European dependency, said
 * so rather than « statut inconnu » (trial19 LOW); still to classify by hand for its category.
 */
function ownApplication(item: InventoryItem, collectivite: string): InventoryItem {
  if (item.product || item.vendor || item.match !== "none" || item.component) return item;
  if (!isOwnPublisher(item.publisher, collectivite)) return item;
  return {
    ...item,
    extraEuropean: false,
    exposure: { controllingCountry: null, laws: [] },
    reason: message("inventory.reason.ownApplication", { publisher: item.publisher! }),
  };
}

/**
 * One line per product: names that differ only by their bare numbers and were classified alike ("Firefox 128",
 * "Firefox 127") become one line, installations summed, versions and names kept. Names the catalog tells apart
 * by number ("Windows 10", "Windows 11") are different products and stay apart, and so do editions of a product
 * with their own end of support (« Windows 10 Entreprise LTSC 2019 » and « … LTSC 2021 »: trial16 C7), told by
 * `lifecycleOf` (the catalog's `lifecycle` of a product id).
 */
export function mergeVersions(
  items: InventoryItem[],
  lifecycleOf: (productId: string) => LifecycleEdition[] | undefined = () => undefined,
): InventoryItem[] {
  const byKey = new Map<string, InventoryItem[]>();
  const out: InventoryItem[] = [];
  for (const item of items) {
    const tokens = nameTokens(item.name).filter((t) => !/^v?\d+$/.test(t));
    if (!tokens.length || item.match === "manual") {
      out.push(item);
      continue;
    }
    const key = [
      tokens.join(" "),
      item.product?.id ?? "",
      item.vendor?.name ?? "",
      item.component,
      item.kind,
      item.extraEuropean,
      item.openSource,
      item.category,
      item.product ? editionKey(item, lifecycleOf(item.product.id)) : "",
    ].join("|");
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  for (const list of byKey.values()) {
    if (list.length === 1) {
      out.push(list[0]!);
      continue;
    }
    list.sort((a, b) => b.installations - a.installations || a.name.localeCompare(b.name, "fr"));
    const top = list[0]!;
    const versions = new Set<string>();
    for (const i of list) {
      for (const v of i.versions) versions.add(v);
      // The number that told the names apart is a version too ("128" of "Firefox 128") when the export gave none.
      if (!i.versions.length) for (const n of nameTokens(i.name).filter((t) => /^v?\d+$/.test(t))) versions.add(n);
    }
    out.push({
      ...top,
      name: commonName(list.map((i) => i.name)) ?? top.name,
      names: list.map((i) => i.name),
      installations: list.reduce((n, i) => n + i.installations, 0),
      versions: [...versions].slice(0, 20),
      confidence: Math.min(...list.map((i) => i.confidence)),
    });
  }
  return out;
}

/**
 * A product's part (its console's agent) is set aside because the product has its own line; when it has none in
 * this inventory, the part with the most installations stands for it on the map, the others stay aside.
 */
export function keepLoneParts(items: InventoryItem[]): InventoryItem[] {
  const present = new Set(items.filter((i) => !i.component && i.product).map((i) => i.product!.id));
  const lone = new Map<string, InventoryItem>();
  for (const i of items) {
    if (!i.partOf || present.has(i.partOf)) continue;
    const best = lone.get(i.partOf);
    if (!best || i.installations > best.installations) lone.set(i.partOf, i);
  }
  if (!lone.size) return items;
  const chosen = new Set(lone.values());
  return items.map((i) => {
    if (!chosen.has(i)) return i;
    const { partOf: _, ...rest } = i;
    // The sentence that set the part aside is the reason's last (classify.ts): it gives way to one that says why
    // this line stands for the product.
    const cut = i.reason.lastIndexOf(" « ");
    return {
      ...rest,
      component: false,
      reason: `${cut > 0 ? i.reason.slice(0, cut) : i.reason} ${message("inventory.reason.partAlone", { product: i.product?.name ?? i.name })}`,
    };
  });
}

/**
 * What goes with a product in this inventory is counted and replaced with it (set aside, `partOf`), so that one
 * family gets one target and no piece of it stays behind as a project of its own:
 * - a product the catalog names among another's `components` (SQL Server Management Studio for SQL Server, ESXi and
 *   VMware Tools for vSphere), when the inventory shows that other product;
 * - a vendor's console, agent, guest tools or launcher (`isModuleLine`: « Kaspersky Security Center 14 Administration
 *   Server », « VMware Tools », « Autodesk Desktop App »), whether the catalog knows the module or only its vendor: it
 *   goes with the line of its own product when the catalog matched it to a product the inventory also shows under
 *   another name (« Veeam Backup & Replication Console » beside « Veeam Backup & Replication »), else with the
 *   vendor's most installed product of the module's category (of any category when the module has none and the
 *   vendor's products here share one).
 * When the inventory shows no such product, the line keeps its own.
 * @param componentsOf the catalog's `components` of a product id
 */
export function attachModules(
  items: InventoryItem[],
  componentsOf: (productId: string) => readonly string[] = () => [],
): InventoryItem[] {
  const isModule = (i: InventoryItem) =>
    !i.component && i.match !== "manual" && !!i.vendor && isModuleLine(i.product?.name ?? i.name);
  const products = items.filter((i) => !i.component && i.product && i.vendor && !isModule(i));
  const most = (list: InventoryItem[]) => list.reduce((a, b) => (b.installations > a.installations ? b : a));
  // The product whose card names each component id, by its most installed line here.
  const heads = new Map<string, InventoryItem>();
  for (const p of products)
    for (const c of componentsOf(p.product!.id)) {
      const seen = heads.get(c);
      if (!seen || p.installations > seen.installations) heads.set(c, p);
    }
  const owners = new Map<InventoryItem, { owner: InventoryItem; family: boolean }>();
  for (const i of items) {
    if (i.component || i.match === "manual" || !i.product) continue;
    const head = heads.get(i.product.id);
    if (head && head.product!.id !== i.product.id) owners.set(i, { owner: head, family: true });
  }
  const attached = (p: InventoryItem) => owners.has(p);
  // A line whose own name says console (the catalog matched it to its product by the product's name) beside the
  // product's own line: it goes with that line.
  for (const m of items) {
    if (owners.has(m) || m.component || m.match === "manual" || !m.product || !isModuleLine(m.name)) continue;
    // Any line of the product whose own name is no module's, even when the product's catalog name names its tool
    // (« Lenovo Vantage / System Update »: « Lenovo Vantage » is the product's line, « Lenovo System Update » its tool).
    const itself = items.filter(
      (p) =>
        p !== m &&
        !p.component &&
        p.match !== "manual" &&
        p.product?.id === m.product!.id &&
        !isModuleLine(p.name) &&
        !attached(p),
    );
    if (itself.length) owners.set(m, { owner: most(itself), family: false });
  }
  for (const m of items.filter(isModule)) {
    if (owners.has(m)) continue;
    const own = products.filter(
      (p) => p.vendor!.name === m.vendor!.name && p.product!.id !== m.product?.id && !attached(p),
    );
    const same = m.category ? own.filter((p) => p.category === m.category) : own;
    if (!same.length || (!m.category && new Set(same.map((p) => p.category)).size > 1)) continue;
    owners.set(m, { owner: most(same), family: false });
  }
  if (!owners.size) return items;
  return items.map((i) => {
    const found = owners.get(i);
    if (!found) return i;
    const { owner, family } = found;
    // A line only its vendor identified no longer asks to be classified by hand: its first sentence gives way.
    const ask = message("inventory.reason.vendorOnly", { vendor: i.vendor?.name ?? "" });
    const rest = i.product ? i.reason : i.reason.replace(ask, "").trim();
    const said = family
      ? message("inventory.reason.familyOf", { part: i.name, product: owner.product!.name })
      : message("inventory.reason.moduleOf", { part: i.name, product: owner.product!.name, vendor: i.vendor!.name });
    return { ...i, component: true, partOf: owner.product!.id, reason: [rest, said].filter(Boolean).join(" ") };
  });
}

/**
 * Where the export names the computers (GLPI Agent, a GLPI computer list), a product counts machines: a computer
 * with two names of one product (« Microsoft Teams classic » and « Microsoft Teams (work or school) », Office 2016
 * and Microsoft 365 Apps) counts once, on the product's most installed line; a name twice on one computer, once.
 * Exports that give counts per name (GLPI, OCS software lists) cannot tell: their counts are summed, the best the
 * format allows.
 */
export function countMachinesOnce(
  items: InventoryItem[],
  machinesOf: (name: string) => Set<string> | null,
): InventoryItem[] {
  const machines = new Map<InventoryItem, Set<string>>();
  for (const item of items) {
    const sets = (item.names ?? [item.name]).map(machinesOf);
    if (sets.every((s): s is Set<string> => s !== null)) machines.set(item, new Set(sets.flatMap((s) => [...s])));
  }
  if (!machines.size) return items;
  // Per product: the machines already counted, and the line that counted them first (the most installed).
  const counted = new Map<string, { machines: Set<string>; line: string }>();
  const counts = new Map<InventoryItem, { machines: number; shared: number; other: string }>();
  const order = [...machines.keys()].sort((a, b) => machines.get(b)!.size - machines.get(a)!.size);
  for (const item of order) {
    const own = machines.get(item)!;
    const key = item.product && !item.component ? item.product.id : null;
    const seen = key ? counted.get(key) : undefined;
    const fresh = seen ? [...own].filter((m) => !seen.machines.has(m)) : [...own];
    counts.set(item, { machines: fresh.length, shared: own.size - fresh.length, other: seen?.line ?? "" });
    if (!key) continue;
    if (seen) for (const m of fresh) seen.machines.add(m);
    else counted.set(key, { machines: new Set(own), line: item.name });
  }
  return items.map((item) => {
    const c = counts.get(item);
    if (!c || c.machines === item.installations) return item;
    const shared = c.shared
      ? ` ${message("inventory.reason.sameMachines", { computers: countText("computer", c.shared, formatInt(c.shared)), product: item.product?.name ?? item.name, other: c.other })}`
      : "";
    return { ...item, installations: c.machines, reason: `${item.reason}${shared}` };
  });
}

/** A distribution package's name (« libreoffice-writer », « thunderbird-l10n-fr », « thunderbird »): `countPackagesOnce`. */
const PACKAGE_LINE = /^[a-z0-9][a-z0-9.+]*(?:-[a-z0-9.+]+)*$/;

/**
 * In an export that gives counts per name (OCS « Tous les logiciels », a GLPI software list), the packages of one
 * product from one file (« libreoffice-core », « libreoffice-writer », « libreoffice-l10n-fr »… on the same Debian
 * computers) are one installation of it per computer, not one per package (trial 14, B3: 100 Debian computers made
 * 1 100 installations of LibreOffice). Per file, the product's most installed package line keeps its count and its
 * other package lines count nothing more: the product counts the most of them, not their sum. Across files (two
 * perimeters), counts still add up. A package line left with no installation of its own is set aside (`partOf`),
 * like a module of the product; one left with fewer keeps them, said in its reason. Lines read per computer are
 * counted by `countMachinesOnce`, not here.
 * @param filesOf a name's installations by file, null when the export named the computers
 */
export function countPackagesOnce(
  items: InventoryItem[],
  filesOf: (name: string) => Map<string, number> | null,
): InventoryItem[] {
  const families = new Map<string, { item: InventoryItem; files: Map<string, number> }[]>();
  for (const item of items) {
    if (item.component || item.match === "manual" || !item.product || item.kind !== "software") continue;
    const names = item.names ?? [item.name];
    if (!names.every((n) => PACKAGE_LINE.test(n))) continue;
    const files = new Map<string, number>();
    let known = true;
    for (const n of names) {
      const byFile = filesOf(n);
      if (!byFile) known = false;
      else for (const [f, c] of byFile) files.set(f, (files.get(f) ?? 0) + c);
    }
    if (!known) continue;
    const list = families.get(item.product.id) ?? [];
    list.push({ item, files });
    families.set(item.product.id, list);
  }
  const kept = new Map<InventoryItem, { installations: number; head: string }>();
  for (const list of families.values()) {
    if (list.length < 2) continue;
    const counts = new Map(list.map((l) => [l.item, 0]));
    for (const file of new Set(list.flatMap((l) => [...l.files.keys()]))) {
      const here = list
        .filter((l) => (l.files.get(file) ?? 0) > 0)
        .sort(
          (a, b) =>
            b.files.get(file)! - a.files.get(file)! ||
            b.item.installations - a.item.installations ||
            a.item.name.localeCompare(b.item.name, "fr"),
        );
      if (!here.length) continue;
      counts.set(here[0]!.item, counts.get(here[0]!.item)! + here[0]!.files.get(file)!);
    }
    // The line named in the reasons: the one that counts the most installations of the product.
    const head = [...counts].sort((a, b) => b[1] - a[1])[0]![0].name;
    for (const [item, n] of counts) if (n !== item.installations) kept.set(item, { installations: n, head });
  }
  if (!kept.size) return items;
  return items.map((item) => {
    const k = kept.get(item);
    if (!k) return item;
    const said = message("inventory.reason.packageOf", { part: item.name, product: item.product!.name, other: k.head });
    const reason = `${item.reason} ${said}`;
    return k.installations > 0
      ? { ...item, installations: k.installations, reason }
      : { ...item, component: true, partOf: item.product!.id, reason };
  });
}

/** "Firefox 128" and "Firefox 127" → "Firefox"; null when the shared part is not a name. */
function commonName(names: string[]): string | null {
  let prefix = names[0]!;
  for (const n of names.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < n.length && prefix[i] === n[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const trimmed = prefix
    .replace(/[\s\d.,_()\-–—]*$/, "")
    .replace(/\s+v$/i, "")
    .trim();
  return /[a-z]{2}/i.test(trimmed) ? trimmed : null;
}
