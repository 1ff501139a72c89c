/**
 * Catalog cards are short and written from a template (« Exposition : CLOUD Act (États-Unis) », « Hébergement :
 * … », « Remplace : Microsoft Defender … »): full-text ranking favours them for any question sharing a few of those
 * words, so a legal or policy question (« Les serveurs de Microsoft sont en France : sommes-nous protégés du CLOUD
 * Act ? ») got product cards instead of the guide that answers it. A card the question neither names (its product,
 * vendor or one of the products it replaces) nor asks for (« alternative », « logiciel », « éditeur »…: data in
 * `server/i18n/fr/catalog-intent.txt`) weighs less than guides and case studies.
 */
import { readFileSync } from "node:fs";
import { stem, words } from "./french.ts";

/** Score factor of a catalog card the question neither names nor asks for. */
export const UNASKED_CARD_WEIGHT = 0.6;

const [INTENT, GENERIC] = readFileSync(new URL("../i18n/fr/catalog-intent.txt", import.meta.url), "utf8")
  .split(/^\[générique\]$/m)
  .map((part) => new Set(part.split("\n").filter((l) => !l.startsWith("#")).flatMap((l) => words(l)).map(stem))) as [Set<string>, Set<string>];

/** A question word found in the names of more candidate cards than this is a vendor's name, not a product's. */
const MAX_CARDS_NAMED = 2;

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

/** Whether a question asks about products (a word of `catalog-intent.txt`). */
export function asksForProducts(query: string): boolean {
  return words(query).some((w) => INTENT.has(stem(w)));
}

/**
 * `ranked` with the catalog cards the question neither names nor asks for weighed down, re-sorted (best first);
 * `unasked` holds their ids (the caller may look further down the ranking for the passages they were hiding).
 */
export function weighCatalog<R extends { id: string; docId: string; score: number; chunk?: { text: string; document: { title: string } } }>(query: string, ranked: R[]): { ranked: R[]; unasked: Set<string> } {
  const unasked = new Set<string>();
  if (asksForProducts(query)) return { ranked, unasked };
  const asked = new Set(words(query).map(stem));
  const names = new Map(ranked.filter((r) => r.docId.startsWith("catalog/")).map((r) => [r.id, cardNames(r.docId, r.chunk).map((n) => n.map(stem))]));
  // A word of the question names a card when it is in the names of few of the candidates and is not a generic word
  // of product names: « OnlyOffice » names « OnlyOffice Docs », « Microsoft » and « cloud » name none of the many
  // « Microsoft … » or « … Cloud » cards (the whole name « Microsoft » names the vendor card).
  const cardsNamedBy = new Map<string, number>();
  for (const list of names.values()) for (const s of new Set(list.flat())) if (asked.has(s)) cardsNamedBy.set(s, (cardsNamedBy.get(s) ?? 0) + 1);
  const named = (list: string[][]) => list.some((name) => name.every((s) => asked.has(s)) || name.some((s) => s.length >= 4 && asked.has(s) && !GENERIC.has(s) && cardsNamedBy.get(s)! <= MAX_CARDS_NAMED));
  const weighed = ranked.map((r) => {
    if (!names.has(r.id) || named(names.get(r.id)!)) return r;
    unasked.add(r.id);
    return { ...r, score: r.score * UNASKED_CARD_WEIGHT };
  });
  return { ranked: unasked.size ? weighed.sort((a, b) => b.score - a.score) : ranked, unasked };
}
