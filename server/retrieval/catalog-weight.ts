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
import { editionNames } from "../corpus/catalog.ts";
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
 * A card's editions of their own end of support (« Office 2016 », « Windows Server 2019 »), stemmed: named only when
 * the question writes every word of one (« office 2016 c'est encore supporté » names the Office card, trial18 F10) —
 * never by one of their words alone (« LTSC », « 2024 » name no card).
 */
const editionsByChunk = new WeakMap<object, string[][]>();
function editionStems(chunk?: { text: string }): string[][] {
  if (!chunk) return [];
  const known = editionsByChunk.get(chunk);
  if (known) return known;
  const editions = editionNames(chunk.text)
    .map((name) => nameWords(name).map(stem))
    .filter((n) => n.length > 1);
  editionsByChunk.set(chunk, editions);
  return editions;
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
 * Ids of the cards (`catalog/…` documents among `cards`) a question names: by a whole name (its id, its title, a
 * product it replaces), or by a distinctive word of one (« OnlyOffice » names « OnlyOffice Docs »; « Microsoft » and
 * « cloud » name none of the many « Microsoft … » or « … Cloud » cards). A word of a product's name names only the
 * product and alternative cards whose name holds the most of the question's words with it: « Citrix Virtual Apps and
 * Desktops » names the Citrix card, not « Azure Virtual Desktop » by « virtual »; « Windows Server » does not name
 * « Windows 11 », nor « Dell PowerEdge » the « Dell OptiPlex » card. A vendor's card is named by its name's words.
 */
export function namedCardIds(
  query: string,
  cards: { id: string; docId: string; chunk?: { text: string; document: { title: string } } }[],
  { byIntentWords = false }: { byIntentWords?: boolean } = {},
): Set<string> {
  const asked = new Set(words(query).map(stem));
  // A word asking for products (« logiciels ») does not name « Logiciels Cegid » either, for a note's product cards;
  // the chat's ranking (`weighCatalog`) keeps them as names, as it weighed cards before (a question asking for peers
  // « … par des logiciels libres » keeps its case studies ahead of cards).
  const distinctive = (s: string) =>
    s.length >= 4 && asked.has(s) && !GENERIC.has(s) && (byIntentWords || !INTENT.has(s));
  // For each card, its names with how many of the question's words each holds (« de » and « logiciels » aside).
  const counted = (s: string) => s.length >= 3 && asked.has(s) && !INTENT.has(s);
  const scored = cards
    .filter((r) => r.docId.startsWith("catalog/"))
    .map((r) => ({
      r,
      vendor: r.docId.startsWith("catalog/vendor/"),
      names: cardStems(r.docId, r.chunk).map((name) => ({ name, held: new Set(name.filter(counted)).size })),
    }));
  // The most question words a product or alternative name holds with each distinctive word.
  const most = new Map<string, number>();
  for (const c of scored)
    if (!c.vendor)
      for (const { name, held } of c.names)
        for (const s of name) if (distinctive(s)) most.set(s, Math.max(most.get(s) ?? Number.NEGATIVE_INFINITY, held));
  const named = new Set<string>();
  for (const c of scored) {
    const by =
      c.names.some(
        ({ name, held }) =>
          name.every((s) => asked.has(s)) || name.some((s) => distinctive(s) && (c.vendor || held >= most.get(s)!)),
      ) || editionStems(c.r.chunk).some((edition) => edition.every((s) => asked.has(s)));
    if (by) named.add(c.r.id);
  }
  return named;
}

/** The distinctive words (stemmed) of a card's names that a question writes: what names its product in a passage. */
export function askedCardWords(
  query: string,
  card: { docId: string; chunk?: { text: string; document: { title: string } } },
) {
  const asked = new Set(words(query).map(stem));
  return [...new Set(cardStems(card.docId, card.chunk).flat())].filter(
    (s) => s.length >= 4 && asked.has(s) && !GENERIC.has(s) && !INTENT.has(s),
  );
}

/**
 * `ranked` with the catalog cards the question does not ask for weighed down, re-sorted (best first); `unasked`
 * holds their ids (the caller may look further down the ranking for the passages they were hiding). A question
 * that names a product (« Quelle alternative européenne à Zoom ? ») asks for the cards of that product, its vendor
 * and its alternatives (`namedCardIds`), not for the others (« OBS Studio » for « conseil municipal »); one that asks
 * for products without naming any (« un logiciel libre pour les permis de construire ») asks for every card.
 */
export function weighCatalog<
  R extends { id: string; docId: string; score: number; chunk?: { text: string; document: { title: string } } },
>(query: string, ranked: R[]): { ranked: R[]; unasked: Set<string> } {
  const unasked = new Set<string>();
  const namedIds = namedCardIds(query, ranked, { byIntentWords: true });
  if (namedIds.size === 0 && asksForProducts(query)) return { ranked, unasked };
  const weighed = ranked.map((r) => {
    if (!r.docId.startsWith("catalog/") || namedIds.has(r.id)) return r;
    unasked.add(r.id);
    return { ...r, score: r.score * UNASKED_CARD_WEIGHT };
  });
  return { ranked: unasked.size ? weighed.sort((a, b) => b.score - a.score) : ranked, unasked };
}
