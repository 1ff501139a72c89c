/** Risks of a catalog product known from the catalog and the corpus: legal exposure, price increases, closed formats, lock-in, end of support. */
import { escapeRegExp, frenchDate } from "../core/text.ts";
import { exposureLabel, isEuropean } from "../corpus/catalog.ts";
import type { CorpusDocument } from "../corpus/documents.ts";
import { message } from "../i18n/messages.ts";
import type { VendorInfo } from "./match-index.ts";
import { fold } from "./normalize.ts";
import type { ItemAlternative, ItemRisk } from "./types.ts";

export const PRICE_INCREASE =
  /hausses? (?:de |des )?(?:prix|tarifs?)|augmentations? (?:de |des )?(?:prix|tarifs?)|price (?:increase|hike)/;
export const CLOSED_FORMAT =
  /formats? (?:de fichiers? |de documents? )?(?:fermes?|proprietaires?|non documentes?)|closed (?:file )?formats?|proprietary (?:file )?formats?/;
export const LOCK_IN =
  /verrouill|enfermement|lock-?in|captif|captive|irreversib|reversibilite (?:faible|limitee|difficile)|difficile a quitter/;

export const formatDay = (iso: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(new Date(`${iso}T00:00:00Z`).getTime()) ? frenchDate(iso) : iso;

export const wordIn = (haystack: string, word: string) =>
  word.length > 1 && new RegExp(`(^|[^a-z0-9])${escapeRegExp(word)}([^a-z0-9]|$)`).test(haystack);

/**
 * Lock-in in the sense of this tool is dependence on extra-European software: a product controlled from outside the
 * EU, the EEA, the United Kingdom and Switzerland, or reached by an extra-European law. A European product the
 * catalog lists no alternative to (Stormshield, ESET, a French business package) is not a lock-in risk for that.
 */
function extraEuropean(vendor: VendorInfo): boolean {
  const country = vendor.parent?.country ?? vendor.country;
  return vendor.exposure.length > 0 || (country !== null && !isEuropean(country));
}

export function productRisks(
  vendor: VendorInfo,
  productName: string,
  text: string,
  alternatives: ItemAlternative[],
  priceDocs: CorpusDocument[],
  endOfSupport: string | null,
  gratis = false,
): ItemRisk[] {
  const risks: ItemRisk[] = vendor.exposure.map((e) => ({ kind: "legal-exposure", label: exposureLabel(e) }));
  if (endOfSupport)
    risks.push({
      kind: "end-of-support",
      // A free product (Skype) has no paid extended support to buy: its end is the end of every fix.
      label: message(gratis ? "inventory.risk.endOfSupportFree" : "inventory.risk.endOfSupport", {
        product: productName,
        date: formatDay(endOfSupport),
      }),
      // Read against the analysis's day by `lifecycle.ts` (a coming end is a warning, not a risk yet).
      date: endOfSupport.slice(0, 10),
    });
  const names = [vendor.name, vendor.parent?.name, productName].filter((n): n is string => !!n).map(fold);
  const doc = priceDocs
    .filter((d) => {
      const hay = fold(`${d.title} | ${d.tags.join(" | ")}`);
      return names.some((n) => wordIn(hay, n));
    })
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))[0];
  if (doc) {
    risks.push({
      kind: "price-increase",
      label: message("inventory.risk.priceIncrease", {
        vendor: vendor.parent?.name ?? vendor.name,
        title: doc.title,
        date: doc.date ?? "s.d.",
      }),
      source: { id: doc.id, title: doc.title, date: doc.date },
    });
  }
  const folded = fold(text);
  if (CLOSED_FORMAT.test(folded)) risks.push({ kind: "closed-format", label: message("inventory.risk.closedFormat") });
  if (LOCK_IN.test(folded)) risks.push({ kind: "lock-in", label: message("inventory.risk.lockInNoted") });
  else if (extraEuropean(vendor) && !alternatives.some((a) => a.fit !== "different-approach")) {
    risks.push({
      kind: "lock-in",
      label: message(alternatives.length ? "inventory.risk.lockInNoDirect" : "inventory.risk.lockInNone"),
    });
  }
  return risks;
}
