/**
 * Catalog cards are short and written from a template (« Exposition : CLOUD Act (États-Unis) », « Hébergement :
 * … », « Remplace : Microsoft Defender … »): full-text ranking favours them for any question sharing a few of those
 * words, so a legal or policy question (« Les serveurs de Microsoft sont en France : sommes-nous protégés du CLOUD
 * Act ? ») got product cards instead of the guide that answers it. A card the question neither names (its product,
 * vendor or one of the products it replaces) nor asks for (« alternative », « logiciel », « éditeur »…: data in
 * `server/i18n/fr/catalog-intent.txt`) weighs less than guides and case studies.
 */
import { readFileSync } from "node:fs";
import { BoundedMap } from "../core/bounded.ts";
import { stem, words } from "./french.ts";

/** Score factor of a catalog card the question neither names nor asks for. */
export const UNASKED_CARD_WEIGHT = 0.6;

const [INTENT, GENERIC] = readFileSync(new URL("../i18n/fr/catalog-intent.txt", import.meta.url), "utf8")
  .split(/^\[générique\]$/m)
  .map(
    (part) =>
      new Set(
        part
          .split("\n")
          .filter((l) => !l.startsWith("#"))
          .flatMap((l) => words(l))
          .map(stem),
      ),
  ) as [Set<string>, Set<string>];

/** Words too common in product names to name one alone (« Microsoft Azure » is not named by « Microsoft »). */
const nameWords = (name: string) => words(name.replace(/\([^)]*\)/g, " ")).filter((w) => w.length >= 2);

/** The names a card answers to: its id (« catalog/product/microsoft-azure »), its title, the products it replaces. */
function cardNames(docId: string, chunk?: { text: string; document: { title: string } }): string[][] {
  const names = [nameWords(docId.split("/").at(-1)!.replace(/-/g, " "))];
  if (chunk) {
    names.push(nameWords(chunk.document.title.replace(/^[^:]*:\s*/, "")));
    const replaces = /^Remplace\s*:\s*(.+)$/m.exec(chunk.text)?.[1];
    for (const product of replaces?.split(";") ?? []) names.push(nameWords(product));
  }
  return names.filter((n) => n.length > 0);
}

/**
 * `cardNames` stemmed, by passage object (the store hands out the same object for a passage until the index
 * changes) or, without the passage, by document id: the same cards come back search after search.
 */
const stemsByChunk = new WeakMap<object, string[][]>();
const stemsByDoc = new BoundedMap<string, string[][]>(10_000);
function cardStems(docId: string, chunk?: { text: string; document: { title: string } }): string[][] {
  const known = chunk ? stemsByChunk.get(chunk) : stemsByDoc.get(docId);
  if (known) return known;
  const stems = cardNames(docId, chunk).map((n) => n.map(stem));
  if (chunk) stemsByChunk.set(chunk, stems);
  else stemsByDoc.set(docId, stems);
  return stems;
}

/** Whether a question asks about products (a word of `catalog-intent.txt`). */
export function asksForProducts(query: string): boolean {
  return words(query).some((w) => INTENT.has(stem(w)));
}

/**
 * `ranked` with the catalog cards the question does not ask for weighed down, re-sorted (best first); `unasked`
 * holds their ids (the caller may look further down the ranking for the passages they were hiding). A question
 * that names a product (« Quelle alternative européenne à Zoom ? ») asks for the cards of that product, its vendor
 * and its alternatives, not for the others (« OBS Studio » for « conseil municipal »); one that asks for products
 * without naming any (« un logiciel libre pour les permis de construire ») asks for every card.
 */
export function weighCatalog<
  R extends { id: string; docId: string; score: number; chunk?: { text: string; document: { title: string } } },
>(query: string, ranked: R[]): { ranked: R[]; unasked: Set<string> } {
  const unasked = new Set<string>();
  const asked = new Set(words(query).map(stem));
  // A card is named by its whole name, or by a distinctive word of it (« OnlyOffice » names « OnlyOffice Docs »;
  // « Microsoft » and « cloud » name none of the many « Microsoft … » or « … Cloud » cards).
  const named = (list: string[][]) =>
    list.some(
      (name) => name.every((s) => asked.has(s)) || name.some((s) => s.length >= 4 && asked.has(s) && !GENERIC.has(s)),
    );
  const cards = ranked.filter((r) => r.docId.startsWith("catalog/"));
  const namedIds = new Set(cards.filter((r) => named(cardStems(r.docId, r.chunk))).map((r) => r.id));
  if (namedIds.size === 0 && asksForProducts(query)) return { ranked, unasked };
  const weighed = ranked.map((r) => {
    if (!r.docId.startsWith("catalog/") || namedIds.has(r.id)) return r;
    unasked.add(r.id);
    return { ...r, score: r.score * UNASKED_CARD_WEIGHT };
  });
  return { ranked: unasked.size ? weighed.sort((a, b) => b.score - a.score) : ranked, unasked };
}
