/**
 * A briefing note on a product (« Faut-il garder Parallels Desktop ? ») quotes that product's card in each of its
 * sections, before the passages the section's own words find (« collectivité commune mairie » bring the CLOUD Act
 * page and Lyon's lessons whatever the product): the card is looked up by the question's words, the catalog cards the
 * question does not name (« Azure Virtual Desktop » by « Desktop ») are left out, and the passages that name the
 * product come before the others.
 */
import { askedCardWords, namedCardIds } from "../retrieval/catalog-weight.ts";
import { stem, words } from "../retrieval/french.ts";
import type { Retriever, SearchResult } from "../retrieval/search.ts";
import { isCardOf, vendorNamed } from "../retrieval/vendor-card.ts";

/** Product cards put first in a section, at most (a question may name a product and what replaces it). */
const MAX_OWN_CARDS = 2;

const asHit = (r: SearchResult) => ({ id: r.id, docId: r.document.id, chunk: r });
const isProductCard = (r: SearchResult) => r.document.id.startsWith("catalog/product/");

export interface ProductCards {
  /** The cards of the products the words name, best first. */
  cards: SearchResult[];
  /** The cards of their vendors found with them (where the vendor is based, who controls it, the laws it answers to). */
  vendors: SearchResult[];
  /** Whether a catalog card may be quoted: one the words name, or the vendor's card of a product they name. */
  allowed(r: SearchResult): boolean;
  /** Whether a passage names one of the products (a distinctive word of its name). */
  names(r: SearchResult): boolean;
}

/** The products `asked` (the user's question) names, found among the catalog's cards; null when it names none. */
export async function productCards(asked: string, retriever: Retriever): Promise<ProductCards | null> {
  if (!asked.trim()) return null;
  const { results } = await retriever.search(asked, 8, { kinds: ["catalog"] });
  const named = namedCardIds(asked, results.map(asHit));
  const cards = results.filter((r) => isProductCard(r) && named.has(r.id)).slice(0, MAX_OWN_CARDS);
  if (!cards.length) return null;
  const vendorNames = cards.flatMap((c) => vendorNamed(c) ?? []);
  const isVendorCard = (r: SearchResult) => vendorNames.some((v) => isCardOf(r, v));
  const productWords = new Set(cards.flatMap((c) => askedCardWords(asked, asHit(c))));
  return {
    cards,
    vendors: results.filter(isVendorCard),
    allowed: (r) =>
      !r.document.id.startsWith("catalog/") ||
      namedCardIds(asked, [asHit(r), ...cards.map(asHit)]).has(r.id) ||
      isVendorCard(r),
    names: (r) => words(`${r.document.title} ${r.section} ${r.text}`).some((w) => productWords.has(stem(w))),
  };
}

/**
 * A section's passages with the products' cards first (and their vendors' cards when the section searches for the
 * question itself: `withVendors`), then the passages naming a product, then the others in their order, one per
 * document (the CLOUD Act page once, not twice, in a note on a German product); catalog cards the question does
 * not name left out.
 */
export function productFirst(products: ProductCards, passages: SearchResult[], withVendors: boolean): SearchResult[] {
  const first = [...products.cards, ...(withVendors ? products.vendors : [])];
  const own = new Set(first.map((c) => c.id));
  const rest = passages.filter((r) => !own.has(r.id) && products.allowed(r));
  const seen = new Set<string>();
  const others = rest.filter((r) => {
    if (products.names(r) || r.document.kind === "catalog") return false;
    if (seen.has(r.document.id)) return false;
    seen.add(r.document.id);
    return true;
  });
  const naming = rest.filter((r) => products.names(r) || r.document.kind === "catalog");
  return [...first, ...naming, ...others];
}
