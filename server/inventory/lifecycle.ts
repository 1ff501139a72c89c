/**
 * End of support by edition, for the products some editions of which have their own (Windows 10 LTSC/LTSB: LTSC 2019
 * is supported until January 2029, when Windows 10 Famille/Professionnel ended in October 2025). A line whose name
 * says such an edition (« LTSC », « LTSB », « IoT »: the words of the catalog's edition names) takes it: the installed
 * version's build tells which (« 10.0.17763 » is LTSC 2019), else a year in the name (« LTSC 2021 »); « IoT » takes
 * the IoT edition of the build. An edition whose date is past at the analysis's day is a risk; a line whose edition
 * cannot be told says « à vérifier » with each edition's date. Other lines keep the product's own end of support.
 * Dates and sources: the catalog's `lifecycle` (trial 2026-12-05: an LTSC line was given the consumer end of support).
 */
import { message } from "../i18n/messages.ts";
import type { LifecycleEdition, MatchIndex } from "./match-index.ts";
import { fold } from "./normalize.ts";
import { formatDay } from "./risks.ts";
import type { InventoryItem, ItemRisk } from "./types.ts";

const BUILD = /(?:^|[^\d.])(?:10\.0\.)?(\d{5})(?:\.\d+)?(?:$|[^\d])/;

/** The editions an inventory line is of: by build of its versions, else by a year its name gives; IoT when it says so. */
export function editionsOf(item: Pick<InventoryItem, "name" | "versions" | "names">, lifecycle: LifecycleEdition[]) {
  const names = fold([item.name, ...(item.names ?? [])].join(" "));
  const iot = /\biot\b/.test(names);
  const pick = (candidates: LifecycleEdition[]) =>
    candidates.filter((e) => e.iot === iot).length ? candidates.filter((e) => e.iot === iot) : candidates;
  const found = new Set<LifecycleEdition>();
  for (const v of item.versions ?? []) {
    const build = BUILD.exec(v)?.[1];
    if (build) for (const e of pick(lifecycle.filter((e) => e.build === build))) found.add(e);
  }
  if (!found.size)
    for (const e of pick(lifecycle.filter((e) => /\d{4}/.test(e.edition)))) {
      const year = /\d{4}/.exec(e.edition)![0];
      if (new RegExp(`\\b${year}\\b`).test(names)) found.add(e);
    }
  return [...found];
}

/** The items with each edition's end of support in place of the product's (copies; the input is not modified). */
export function withLifecycle(items: InventoryItem[], index: MatchIndex, now: string): InventoryItem[] {
  const today = now.slice(0, 10);
  return items.map((item) => {
    const lifecycle = item.product ? index.entries.get(item.product.id)?.lifecycle : undefined;
    if (!lifecycle?.length || !item.product) return item;
    const named = fold([item.name, ...(item.names ?? [])].join(" ")).split(/[^a-z0-9]+/);
    const channels = new Set(
      lifecycle.flatMap((e) => fold(e.edition).split(/[^a-z0-9]+/)).filter((w) => /^[a-z]+$/.test(w)),
    );
    if (!named.some((w) => channels.has(w))) return item;
    const product = item.product.name;
    const editions = editionsOf(item, lifecycle);
    const risks: ItemRisk[] = editions.length
      ? editions
          .filter((e) => e.endOfSupport <= today)
          .map((e) => ({
            kind: "end-of-support",
            label: message("inventory.risk.endOfSupportEdition", {
              product,
              edition: e.edition,
              date: formatDay(e.endOfSupport),
              source: e.source.title,
            }),
          }))
      : [
          {
            kind: "end-of-support",
            label: message("inventory.risk.endOfSupportUnknownEdition", {
              product,
              editions: lifecycle.map((e) => `${e.edition} : ${formatDay(e.endOfSupport)}`).join(" ; "),
            }),
          },
        ];
    return { ...item, risks: [...item.risks.filter((r) => r.kind !== "end-of-support"), ...risks] };
  });
}
