/**
 * What a document's map and the catalog say of its products, their vendors and the alternatives proposed for them —
 * country, controlling owner, laws, licence, installations — as the verifier checks a sentence against them
 * (`verify/own-facts.ts`). One check for every document built from a map (letter, audit plan, roadmap, briefing),
 * written by the model or edited by the user (trial8 A0, A3).
 */
import { countryName } from "../core/labels.ts";
import { fold, formatInt } from "../core/text.ts";
import { LAWS_BY_COUNTRY, lawsFor } from "../corpus/catalog.ts";
import { countText, message } from "../i18n/messages.ts";
import { lawsOf } from "../inventory/measure.ts";
import type { Verification } from "../verify/index.ts";
import { checkOwnFacts, type OwnProduct } from "../verify/own-facts.ts";
import { lawsText, vendorText } from "./documents/common.ts";
import type { AnalysisItem, FigureFlag } from "./types.ts";

const t = (key: string, params: Record<string, string> = {}) => message(`drafts.ownFacts.${key}`, params);

/** « LibreOffice 24.8.3.2 » → « LibreOffice »; « Element (protocole Matrix) » → « Element »; parts of « A / B ». */
function nameForms(name: string): string[] {
  const out = new Set<string>([name.trim()]);
  for (const part of name.split(/\s+\/\s+/)) {
    const bare = part
      .replace(/\s*\([^)]*\)\s*/g, " ")
      .replace(/(?:\s+v?\d+(?:[.,]\d+)*)+\s*$/u, "")
      .trim();
    if (part.trim()) out.add(part.trim());
    if (bare) out.add(bare);
  }
  return [...out].filter((n) => n.length >= 3);
}

const licence = (open: boolean | null) => (open === null ? "" : t(open ? "free" : "proprietary"));
const lawWords = (laws: string[]) => (laws.length ? t("laws", { laws: lawsText(laws) }) : t("noLaw"));
const joined = (parts: string[]) => parts.filter(Boolean).join(", ");

/** The laws of a map's line: those it gives, else (a map saved before it gave them) those of its controller's country. */
const lineLaws = (i: AnalysisItem) =>
  i.exposure == null && i.extraEuropean
    ? lawsFor([], i.vendor?.parent?.country ?? i.vendor?.country ?? null)
    : lawsOf(i);

/**
 * The products of a map (its lines grouped by catalog product), their vendors and controllers, and the alternatives
 * the catalog proposes for them, as `OwnProduct`s. A name the map gives a product wins over an alternative's.
 */
export function ownProducts(items: AnalysisItem[]): OwnProduct[] {
  const products = new Map<string, { items: AnalysisItem[]; name: string }>();
  for (const i of items) {
    const name = typeof i.product === "object" && i.product ? i.product.name : i.name;
    const key = typeof i.product === "object" && i.product ? i.product.id : (i.product ?? fold(i.name));
    const entry = products.get(key) ?? { items: [], name };
    entry.items.push(i);
    products.set(key, entry);
  }
  const out: OwnProduct[] = [];
  const taken = new Set<string>();
  const add = (p: OwnProduct) => {
    const names = p.names.filter((n) => !taken.has(fold(n)));
    if (!names.length) return;
    for (const n of names) taken.add(fold(n));
    out.push({ ...p, names });
  };
  const vendors = new Map<string, AnalysisItem[]>();
  for (const { items: lines, name } of products.values()) {
    const first = lines[0]!;
    const laws = [...new Set(lines.flatMap(lineLaws))];
    const open = lines.every((l) => l.openSource === true)
      ? true
      : lines.every((l) => l.openSource === false)
        ? false
        : null;
    // The map counts a product without the components it sets apart with it (« Network Agent » beside the
    // antivirus, trial13 A12): the total quoted is the one it shows.
    const shown = lines.some((l) => !(l.component && l.partOf))
      ? lines.filter((l) => !(l.component && l.partOf))
      : lines;
    const counts = lines.map((l) => l.installations).filter((n) => n > 0);
    const total = shown.reduce((s, l) => s + Math.max(0, l.installations), 0);
    const countries = [first.vendor?.country, first.vendor?.parent?.country].filter((c): c is string => !!c);
    add({
      names: [...new Set([name, ...lines.map((l) => l.name)].flatMap(nameForms))],
      countries,
      laws,
      openSource: open,
      installations: [...new Set([...counts, total])],
      says: t("product", {
        name,
        facts: joined([
          first.vendor ? vendorText(first) : "",
          licence(open),
          first.vendor || laws.length ? lawWords(laws) : "",
          countText("installation", total, formatInt(total)),
        ]),
      }),
    });
    if (first.vendor?.name) vendors.set(first.vendor.name, [...(vendors.get(first.vendor.name) ?? []), ...lines]);
  }
  for (const [name, lines] of vendors) {
    const first = lines[0]!;
    const laws = [...new Set(lines.flatMap(lineLaws))];
    const countries = [first.vendor?.country, first.vendor?.parent?.country].filter((c): c is string => !!c);
    // « Kaspersky est installé sur 4 postes »: the vendor's name for its products, each counted, and all of them.
    const keyOf = (l: AnalysisItem) => (typeof l.product === "object" && l.product ? l.product.id : l.name);
    const totals = [...new Set(lines.map(keyOf))]
      .map((k) => lines.filter((l) => keyOf(l) === k))
      .map((ls) => (ls.some((l) => !(l.component && l.partOf)) ? ls.filter((l) => !(l.component && l.partOf)) : ls))
      .map((ls) => ls.reduce((s, l) => s + l.installations, 0));
    // A vendor named as its one product (« Zoom ») is that product's licence; a vendor of several may make both.
    const open = lines.every((l) => l.openSource === true)
      ? true
      : lines.every((l) => l.openSource === false)
        ? false
        : null;
    const asProduct = totals.length === 1 && lines.some((l) => fold(l.name).startsWith(fold(name)));
    add({
      names: [name],
      countries,
      laws,
      openSource: asProduct ? open : null,
      installations: [...new Set([...totals, totals.reduce((s, n) => s + n, 0)])],
      says: t("vendor", {
        facts: joined([
          vendorText(first),
          lawWords(laws),
          countText(
            "installation",
            totals.reduce((s, n) => s + n, 0),
            formatInt(totals.reduce((s, n) => s + n, 0)),
          ),
        ]),
      }),
    });
    const parent = first.vendor?.parent;
    if (parent?.name)
      add({
        names: nameForms(parent.name),
        countries: [parent.country].filter(Boolean),
        laws: LAWS_BY_COUNTRY[parent.country?.toUpperCase() ?? ""] ?? [],
        openSource: null,
        says: t("vendor", { facts: joined([parent.name, countryName(parent.country)]) }),
      });
  }
  const alternatives = new Map<string, NonNullable<AnalysisItem["alternatives"]>[number]>();
  for (const i of items) for (const a of i.alternatives ?? []) if (!alternatives.has(a.id)) alternatives.set(a.id, a);
  for (const a of alternatives.values()) {
    const laws = a.extraEuropean && a.country ? (LAWS_BY_COUNTRY[a.country.toUpperCase()] ?? []) : [];
    const open = a.openSource ?? null;
    add({
      names: nameForms(a.name),
      countries: a.country ? [a.country] : [],
      laws,
      openSource: open,
      says: t("alternative", {
        name: a.name,
        facts: joined([a.country ? countryName(a.country) : "", licence(open), a.country ? lawWords(laws) : ""]),
      }),
    });
  }
  return out;
}

/**
 * A section's verification and flags with its sentences checked against what the document's data say of the
 * products and vendors they name: what contradicts them is « non vérifié » and flagged « à vérifier » with what the
 * data say; a name or a count the data carry is no longer « absent ».
 */
export function checkOwnProducts(
  verification: Verification,
  flags: FigureFlag[],
  products: OwnProduct[] | undefined,
): { verification: Verification; flags: FigureFlag[] } {
  if (!products?.length) return { verification, flags };
  const checked = checkOwnFacts(verification, products, message("verify.whereOwnFacts"));
  const stillSaid = (figure: string) =>
    checked.verification.sentences.some((s) => s.reasons.some((r) => r.includes(`« ${figure} »`)));
  // A count the data give (« 6 » installations of WeChat) is no figure to check, unless a sentence still doubts it.
  const kept = flags.filter((f) => f.qualifier || !checked.confirmed.includes(f.figure) || stillSaid(f.figure));
  const added = checked.mismatched.filter((m) => !kept.some((f) => f.figure === m.figure));
  // A wrong count already flagged as absent gets what the data say instead.
  const merged = kept.map((f) => {
    const m = checked.mismatched.find((x) => x.figure === f.figure && !f.qualifier);
    return m ? { ...f, reason: m.reason } : f;
  });
  return { verification: checked.verification, flags: [...merged, ...added] };
}
