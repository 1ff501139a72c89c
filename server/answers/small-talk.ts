/**
 * Small talk: « Merci beaucoup ! », « Bonjour », « Ces informations sont-elles à jour ? » ask nothing of the corpus.
 * Cap Libre answers them with a word of its own (`answer.smallTalk.<category>` in `server/i18n/fr/core.json`) and
 * quotes no passage; a message that also asks something (« Merci ! Que dit la loi SREN ? ») is a question.
 * Categories and words: `server/i18n/fr/small-talk.txt`.
 */
import { readFileSync } from "node:fs";
import { fold } from "../core/text.ts";

export type SmallTalk = "thanks" | "greeting" | "goodbye" | "ack" | "about" | "freshness";

interface Category {
  name: SmallTalk;
  keys: Set<string>;
  words: Set<string>;
}

function readCategories(): { filler: Set<string>; categories: Category[] } {
  const filler = new Set<string>();
  const categories: Category[] = [];
  let current: Set<string> | null = null;
  let category: Category | null = null;
  for (const line of readFileSync(new URL("../i18n/fr/small-talk.txt", import.meta.url), "utf8").split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    const section = /^\[([\w-]+)\]/.exec(line)?.[1];
    if (section === "appoint") {
      current = filler;
      category = null;
    } else if (section) {
      category = { name: section as SmallTalk, keys: new Set(), words: new Set() };
      categories.push(category);
      current = category.words;
    } else if (category && /^clés\s*:/.test(line)) {
      for (const w of words(line.replace(/^clés\s*:/, ""))) category.keys.add(w);
    } else for (const w of words(line)) current?.add(w);
  }
  return { filler, categories };
}

/** Folded words of a message, an elided article or pronoun kept with its word (« d'accord », « t'es »). */
const words = (text: string) => fold(text.replace(/’/g, "'")).match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [];

const LISTS = readCategories();

/** Most words a message of small talk has (« Merci beaucoup pour votre aide, c'est très clair ! »). */
const MAX_WORDS = 12;

/** The category of small talk a message is, or null when it asks something. */
export function smallTalk(text: string): SmallTalk | null {
  const list = words(text);
  if (list.length === 0 || list.length > MAX_WORDS) return null;
  // Hyphenated words also as their parts (« sont-elles », « est-ce »).
  const known = (w: string, c: Category) =>
    c.words.has(w) || LISTS.filler.has(w) || w.split(/[-']/).every((p) => c.words.has(p) || LISTS.filler.has(p));
  for (const c of LISTS.categories) {
    if (list.some((w) => c.keys.has(w)) && list.every((w) => known(w, c))) return c.name;
  }
  return null;
}
