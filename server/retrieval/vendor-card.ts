/**
 * A catalog card of a product or an alternative names its vendor (« Éditeur : Geek Software (PDF24), Allemagne »,
 * « publié par Enalean (France) ») but not where the vendor is based nor who controls it: the vendor's own card
 * does (« Éditeur berlinois… »). A question on a vendor's town or origin (« l'éditeur est-il français ? », « le
 * constructeur est d'origine chinoise ? », « c'est une boîte de quelle ville ? »: words in `i18n/fr/asked.txt`,
 * section [éditeur]) gets the vendor's card right after the card of the product it names. A nationality alone does
 * not ask it: « un outil européen pour remplacer Google Analytics » asks for an alternative, not for Google's card.
 */
import { fold } from "../core/text.ts";
import type { ChunkStore, StoredChunk } from "../store/types.ts";
import { words } from "./french.ts";
import { askedPhrases } from "./rank.ts";
import { questionTerms } from "./relevance.ts";

const VENDOR_WORDS = askedPhrases("éditeur");
const ALTERNATIVE_WORDS = askedPhrases("alternative");
const CONTROL_WORDS = askedPhrases("contrôle");

/** Whether a text's words hold one of the expressions (folded word lists, their words in a row). */
const holdsAny = (text: string, expressions: string[][]) => {
  const list = words(text);
  return expressions.some((e) => list.some((_, i) => e.every((w, j) => list[i + j] === w)));
};

/** Whether a question asks who makes a product or where from. */
export function asksAboutVendor(query: string): boolean {
  return holdsAny(query, VENDOR_WORDS);
}

/**
 * Whether a card is one whose vendor the question asks about: an alternative's always; a product's unless the
 * question asks what could replace it (« sans BitLocker, quel outil libre, et qui le maintient ? »).
 */
const vendorAsked = (query: string, card: { document: { id: string; title: string } }) =>
  named(query, card) && (!card.document.id.startsWith("catalog/product/") || !holdsAny(query, ALTERNATIVE_WORDS));

/** Whether the question names a card's product (a word of four letters or more of its name: « Yousign », « Doodle »). */
function named(query: string, card: { document: { title: string } }): boolean {
  const own = new Set(words(query));
  return words(card.document.title.replace(/^[^:]*:\s*/, "")).some((w) => w.length >= 4 && own.has(w));
}

/** The vendor a product or alternative card names, as written (« Geek Software »), or null. */
export function vendorNamed(card: { text: string; document: { id: string } }): string | null {
  if (card.document.id.startsWith("catalog/product/"))
    return /^Éditeur : ([^,\n(]+?)\s*(?:\([^)]*\))?,/m.exec(card.text)?.[1]?.trim() ?? null;
  if (card.document.id.startsWith("catalog/alternative/"))
    return /publié par ([^(\n]+?)\s*\(/.exec(card.text)?.[1]?.trim() ?? null;
  return null;
}

/** Title of a vendor's card (`corpus/catalog.ts`): « Éditeur : <name> ». */
const VENDOR_TITLE = /^Éditeur : (.+)$/;

/** Whether a vendor card is the one of the vendor a card names (« Deciso B.V. » names the card of « Deciso »). */
export function isCardOf(vendorCard: { document: { id: string; title: string } }, named: string): boolean {
  const name = VENDOR_TITLE.exec(vendorCard.document.title)?.[1];
  if (!name || !vendorCard.document.id.startsWith("catalog/vendor/")) return false;
  const b = words(named).join(" ");
  // « Ascensio System (ONLYOFFICE) » is the card of « Ascensio System SIA »: the name without what it adds in brackets
  // counts too, when it says enough on its own (not « X » of « X (ex-Twitter) »).
  const bare = name.replace(/\s*\([^)]*\)\s*$/, "");
  return [name, ...(bare !== name && bare.length >= 4 ? [bare] : [])].some((n) => {
    const a = words(n).join(" ");
    return a === b || ` ${b} `.includes(` ${a} `) || ` ${a} `.includes(` ${b} `);
  });
}

/** The card of vendor `name`: among `ranked` when there, else looked up in the store by that name. */
async function findCard(
  name: string,
  ranked: StoredChunk[],
  store: Pick<ChunkStore, "searchText">,
): Promise<StoredChunk | undefined> {
  const own = ranked.find((c) => isCardOf(c, name));
  if (own) return own;
  const hits = await store.searchText(
    fold(name).replace(/[^\p{L}\p{N}]+/gu, " "),
    8,
    { kinds: ["catalog"] },
    { withChunks: true },
  );
  return hits.flatMap((h) => (h.chunk && isCardOf(h.chunk, name) ? [h.chunk] : []))[0];
}

/** How many of the first results may be the card whose vendor is looked for. */
const CARD_REACH = 3;

/**
 * `chunks` (the search's results, best first, at most `k`) with the vendor card of the first product or alternative
 * card among the best `CARD_REACH` that the question names, right after it, when the question asks about its vendor
 * and the results lack it: taken from `candidates` when ranked there, else looked up in the store by the vendor's
 * name; the last passage of a document quoted twice, else the last result, makes room for it.
 */
export async function withVendorCard(
  query: string,
  chunks: StoredChunk[],
  candidates: StoredChunk[],
  store: Pick<ChunkStore, "searchText">,
  k: number,
): Promise<StoredChunk[]> {
  if (!asksAboutVendor(query)) return chunks;
  const at = chunks.slice(0, CARD_REACH).findIndex((c) => vendorNamed(c) && vendorAsked(query, c));
  if (at < 0) return chunks;
  const vendor = await findCard(vendorNamed(chunks[at]!)!, [...chunks, ...candidates], store);
  // Already among the results: the answer quotes it with the card (`vendorCompanions`), the ranking stays.
  if (!vendor || chunks.some((c) => c.id === vendor.id)) return chunks;
  // Room is made by the last passage of a document quoted twice, else by the last passage.
  const twice = chunks.findLastIndex(
    (c, i) => i > at && chunks.slice(0, i).some((d) => d.document.id === c.document.id),
  );
  const room = chunks.length < k ? -1 : twice >= 0 ? twice : chunks.length - 1;
  const rest = chunks.filter((_, i) => i !== room);
  return [...rest.slice(0, at + 1), vendor, ...rest.slice(at + 1)];
}

/**
 * Ids of the vendor cards among `results` that come with a product or alternative card of `results` naming their
 * vendor, when the question asks about a vendor: shown with that card even when their own words or score would
 * leave them out (« Doodle, c'est de quel pays ? »: the vendor's card says « Zurich », not « pays »).
 */
export function vendorCompanions(
  query: string,
  results: { id: string; text: string; document: { id: string; title: string } }[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (!asksAboutVendor(query)) return out;
  for (const card of results) {
    const named = vendorNamed(card);
    if (!named || !vendorAsked(query, card)) continue;
    for (const r of results) if (isCardOf(r, named)) out.set(r.id, card.id);
  }
  return out;
}

/** Whether a question asks who controls or owns a company (« Qui contrôle Microsoft ? », « À qui appartient VMware ? »). */
export const asksWhoControls = (query: string) => holdsAny(query, CONTROL_WORDS);

/** The names a question writes (« Microsoft », « France »), folded: the vendors whose owner it may ask. */
const namesIn = (query: string) =>
  questionTerms(query)
    .filter((t) => t.name && !t.date && !t.nationality)
    .map((t) => t.word);

/** Whether a passage is the card of a vendor whose owner the question asks (see `withOwnerCard`). */
export const isOwnerCard = (query: string, r: { document: { id: string; title: string } }) =>
  r.document.id.startsWith("catalog/vendor/") && asksWhoControls(query) && namesIn(query).some((n) => isCardOf(r, n));

/**
 * `chunks` (the search's results, best first, at most `k`) opening on the card of the vendor a question asks the
 * owner of (« Qui contrôle Microsoft ? », « Qui est Microsoft France et qui le contrôle ? » → « Éditeur : Microsoft »):
 * the card says where the vendor is based, the group that owns it and the laws it answers to. Taken from the results
 * or `candidates` when ranked there, else looked up in the store by the names the question writes; the results are
 * unchanged when the question asks no owner or names no vendor with a card.
 */
export async function withOwnerCard(
  query: string,
  chunks: StoredChunk[],
  candidates: StoredChunk[],
  store: Pick<ChunkStore, "searchText">,
  k: number,
): Promise<StoredChunk[]> {
  if (!asksWhoControls(query)) return chunks;
  for (const name of namesIn(query)) {
    const card = await findCard(name, [...chunks, ...candidates], store);
    if (card) {
      // Right after the card of the vendor's product ranked first (« Nos routeurs Juniper, qui les contrôle ? »), else
      // first.
      const rest = chunks.filter((c) => c.id !== card.id);
      const vendor = rest[0] ? vendorNamed(rest[0]) : null;
      const at = vendor !== null && isCardOf(card, vendor) ? 0 : -1;
      return [...rest.slice(0, at + 1), card, ...rest.slice(at + 1)].slice(0, k);
    }
  }
  return chunks;
}
