/**
 * A catalog card named after a release channel (« Firefox ESR ») stands for the software whatever its channel: an
 * inventory line that names no channel (« Mozilla Firefox (x64 fr) », the current release) is called by the card's name
 * without the channel's words (« Firefox »), so that neither the map's reason nor its product name says « ESR » of a
 * release the DSI knows is not one (trial 10). Channel words are data (`i18n/fr/inventory-channel-words.txt`).
 */
import { wordListEntries } from "../i18n/word-lists.ts";
import { fold, nameTokens } from "./normalize.ts";

const CHANNEL_WORDS: ReadonlySet<string> = new Set(wordListEntries("inventory-channel-words.txt"));

/**
 * The name an inventory line's product is given: the catalog's, without its channel words when the line states none.
 * @example
 * productNameFor("Firefox ESR", "Mozilla Firefox (x64 fr)"); // "Firefox"
 * productNameFor("Firefox ESR", "Mozilla Firefox ESR (x64 fr)"); // "Firefox ESR"
 */
export function productNameFor(catalogName: string, inventoryName: string): string {
  const words = catalogName.split(/\s+/).filter(Boolean);
  const isChannel = (w: string) => CHANNEL_WORDS.has(fold(w));
  if (!words.some(isChannel)) return catalogName;
  if (nameTokens(inventoryName).some((t) => CHANNEL_WORDS.has(t))) return catalogName;
  const rest = words.filter((w) => !isChannel(w)).join(" ");
  return rest || catalogName;
}
