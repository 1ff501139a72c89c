/**
 * End of support by edition, for the products some editions of which have their own (Windows 10 LTSC/LTSB: LTSC 2019
 * is supported until January 2029, when Windows 10 Famille/Professionnel ended in October 2025; Office, Visio,
 * Project, Skype Entreprise and Windows Server by the year of their edition). A line whose name says such an edition
 * (every word of an edition's name: « LTSC », « Windows Server »), or the year of an edition without a build, takes
 * it: the installed version's build tells which (« 10.0.17763 » is LTSC 2019), the year in the name settling what the
 * build cannot (« LTSC 2021 » is build 19044 like « IoT LTSC 2021 »; « IoT » takes the IoT edition); a line whose
 * edition cannot be told says « à vérifier » with each edition's date. Other lines keep the product's own end of
 * support.
 * Then every dated end of support is read against the analysis's day: past, a « Fin de support » risk; within
 * `SOON_MONTHS`, a distinct « Fin de support proche » warning with the time left (« dans 5 semaines »: trial16 C7,
 * Windows 10 LTSC 2021 on 60 postes, five weeks from the inventory); later, nothing yet.
 * Dates and sources: the catalog's `lifecycle` (trial 2026-12-05: an LTSC line was given the consumer end of support).
 */
import { countText, message } from "../i18n/messages.ts";
import type { LifecycleEdition, MatchIndex } from "./match-index.ts";
import { fold } from "./normalize.ts";
import { formatDay } from "./risks.ts";
import type { InventoryItem, ItemRisk } from "./types.ts";

/** An end of support within this many months of the analysis is said ahead, as a warning of its own. */
export const SOON_MONTHS = 12;

const BUILD = /(?:^|[^\d.])(?:10\.0\.)?(\d{5})(?:\.\d+)?(?:$|[^\d])/;

const yearOf = (e: LifecycleEdition) => /\d{4}/.exec(e.edition)?.[0] ?? null;
const alphaWords = (text: string) =>
  fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => /^[a-z]+$/.test(w));

/** The editions an inventory line is of: by build of its versions, the year its name gives settling between them (or alone); IoT when it says so. */
export function editionsOf(item: Pick<InventoryItem, "name" | "versions" | "names">, lifecycle: LifecycleEdition[]) {
  const names = fold([item.name, ...(item.names ?? [])].join(" "));
  const iot = /\biot\b/.test(names);
  const pick = (candidates: LifecycleEdition[]) =>
    candidates.filter((e) => e.iot === iot).length ? candidates.filter((e) => e.iot === iot) : candidates;
  // « 2012 » and « 2012 R2 » are two editions: a name says one of them by its year and whether « R2 » follows it.
  const r2 = (e: LifecycleEdition) => /\br2\b/.test(fold(e.edition));
  const named = (e: LifecycleEdition) => {
    const year = yearOf(e);
    if (!year) return false;
    const said = [...names.matchAll(new RegExp(`\\b${year}\\b(\\s+r2\\b)?`, "g"))];
    if (!said.length) return false;
    const sibling = lifecycle.some((o) => o !== e && yearOf(o) === year && r2(o) !== r2(e));
    return !sibling || said.some((m) => !!m[1] === r2(e));
  };
  const found = new Set<LifecycleEdition>();
  for (const v of item.versions ?? []) {
    const build = BUILD.exec(v)?.[1];
    if (build) for (const e of pick(lifecycle.filter((e) => e.build === build))) found.add(e);
  }
  // The name settles what the build cannot: of the editions a build gives, those whose year the name says.
  const byName = [...found].filter(named);
  if (byName.length) return byName;
  if (!found.size) for (const e of pick(lifecycle.filter(named))) found.add(e);
  return [...found];
}

/**
 * The line is of one of the product's lifecycle editions: its name has every word of an edition's name (« LTSC »,
 * « Windows Server »), or the year of an edition told apart by year alone (« Skype for Business 2016 »). « Windows
 * Admin Center », of the Windows Server card, is of no edition; « Windows 10 Professionnel » neither (its build may
 * be an LTSC's: the build alone never makes the line one).
 */
function saysEdition(item: Pick<InventoryItem, "name" | "names">, lifecycle: LifecycleEdition[]): boolean {
  const text = [item.name, ...(item.names ?? [])].join(" ");
  const words = new Set(alphaWords(text));
  if (lifecycle.some((e) => alphaWords(e.edition).every((w) => words.has(w)) && alphaWords(e.edition).length))
    return true;
  const folded = fold(text);
  return lifecycle.some((e) => !e.build && !!yearOf(e) && new RegExp(`\\b${yearOf(e)}\\b`).test(folded));
}

/** A sort key of the editions a line is of (empty when none): lines of different editions stay apart on the map. */
export function editionKey(item: Pick<InventoryItem, "name" | "versions" | "names">, lifecycle?: LifecycleEdition[]) {
  if (!lifecycle?.length || !saysEdition(item, lifecycle)) return "";
  return editionsOf(item, lifecycle)
    .map((e) => e.edition)
    .sort()
    .join("+");
}

/** « dans 6 jours », « dans 5 semaines », « dans 11 mois »: the time from `today` to `day` (both ISO days). */
export function timeLeft(today: string, day: string): string {
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const count =
    days < 14
      ? countText("day", Math.max(days, 1))
      : days < 63
        ? countText("week", Math.round(days / 7))
        : countText("month", Math.round(days / 30.44));
  return message("inventory.risk.timeLeft", { count });
}

/** The ISO day `months` months after `day`. */
const monthsAfter = (day: string, months: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/**
 * A dated end of support read against the analysis's day: kept when past, turned into the « proche » warning with
 * the time left when within `SOON_MONTHS`, dropped when later. Risks without a date are kept as they are.
 */
function dated(risk: ItemRisk, today: string, soon: (r: ItemRisk & { date: string }) => string): ItemRisk | null {
  if (risk.kind !== "end-of-support" || !risk.date || risk.date <= today) return risk;
  if (risk.date > monthsAfter(today, SOON_MONTHS)) return null;
  return {
    ...risk,
    kind: "end-of-support-soon",
    label: soon(risk as ItemRisk & { date: string }),
    timeLeft: timeLeft(today, risk.date),
  };
}

/** A release year in a name, with « R2 » after it (« Windows Server 2012 R2 » → « 2012 R2 »). */
const RELEASE = /(?<!\d)((?:19|20)\d{2})(\s+R2)?(?!\d)/u;

/**
 * When no edition of the catalogue is the one installed: a name whose release year is none of theirs (« Windows
 * Server 2012 R2 », « SQL Server 2014 ») is an edition the catalogue does not cover, said so without the other
 * editions' dates (trial18 F7: read quickly, they suggested support until 2027 or later) — unless it is newer than
 * every edition the catalogue dates (« SQL Server 2019 » beside 2012 and 2016): no end of support is presumed for
 * it, none is said (null). A name without a year lists them, to check.
 */
function noEditionLabel(name: string, product: string, lifecycle: LifecycleEdition[]): string | null {
  const release = RELEASE.exec(name);
  if (release && !lifecycle.some((e) => yearOf(e) === release[1])) {
    const years = lifecycle.map((e) => Number(yearOf(e))).filter((y) => y > 0);
    if (years.length && Number(release[1]) > Math.max(...years)) return null;
    return message("inventory.risk.endOfSupportUncoveredEdition", { product, edition: release[0] });
  }
  return message("inventory.risk.endOfSupportUnknownEdition", {
    product,
    editions: lifecycle.map((e) => `${e.edition} : ${formatDay(e.endOfSupport)}`).join(" ; "),
  });
}

/** The items with each edition's end of support in place of the product's (copies; the input is not modified). */
export function withLifecycle(items: InventoryItem[], index: MatchIndex, now: string): InventoryItem[] {
  const today = now.slice(0, 10);
  return items.map((item) => {
    const lifecycle = item.product ? index.entries.get(item.product.id)?.lifecycle : undefined;
    const product = item.product?.name ?? item.name;
    let risks: ItemRisk[] = item.risks;
    const editions = new Map<ItemRisk, LifecycleEdition>();
    if (lifecycle?.length && item.product && saysEdition(item, lifecycle)) {
      const found = editionsOf(item, lifecycle);
      const own: ItemRisk[] = found.length
        ? found.map((e) => {
            const r: ItemRisk = {
              kind: "end-of-support",
              label: message("inventory.risk.endOfSupportEdition", {
                product,
                edition: e.edition,
                date: formatDay(e.endOfSupport),
                source: e.source.title,
              }),
              date: e.endOfSupport.slice(0, 10),
            };
            editions.set(r, e);
            return r;
          })
        : [noEditionLabel(item.name, product, lifecycle)]
            .filter((label): label is string => label !== null)
            .map((label): ItemRisk => ({ kind: "end-of-support", label }));
      risks = [...item.risks.filter((r) => r.kind !== "end-of-support"), ...own];
    }
    const read = risks
      .map((r) =>
        dated(r, today, (d) => {
          const e = editions.get(r);
          const vars = { product, date: formatDay(d.date), delay: timeLeft(today, d.date) };
          return e
            ? message("inventory.risk.endOfSupportSoonEdition", { ...vars, edition: e.edition, source: e.source.title })
            : message("inventory.risk.endOfSupportSoon", vars);
        }),
      )
      .filter((r): r is ItemRisk => r !== null);
    const same = read.length === item.risks.length && read.every((r, i) => r === item.risks[i]);
    return same ? item : { ...item, risks: read };
  });
}
