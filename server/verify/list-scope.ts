/**
 * « aucune X » where the cited passage writes X with a list in parentheses right after it (« il n'y a plus de lacune
 * fonctionnelle (messagerie collaborative, téléphonie IP, bureautique, partage de documents) »): the passage says it of
 * what it lists, the sentence of everything (« il n'y a plus aucune lacune fonctionnelle dans l'open source », trial16
 * C18). A sentence that names an item of the list keeps its scope. Words: `server/i18n/fr/list-scope.txt`.
 */
import { stem } from "../retrieval/french.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, wordList, words } from "./words.ts";

const NONE = new Set(wordList("list-scope.txt").flatMap((w) => words(w)));

/** Least items a list in parentheses must have. */
export const LIST_MIN_ITEMS = 2;

/** Most words between the noun and the parenthesis (an adjective: « lacune fonctionnelle (… »). */
const NOUN_TO_LIST = 2;

export interface ListDropped {
  /** The sentence's words (« aucune lacune fonctionnelle »). */
  words: string;
  /** The passage's list, as written. */
  list: string;
}

/** What the sentence says of every X where the cited passage says it of the X it lists, or null. */
export function listDropped(stated: string, pool: Source[]): ListDropped | null {
  const text = withoutReferences(stated);
  const tokens = [...text.matchAll(/[\p{L}\p{N}'’-]+/gu)];
  const folded = tokens.map((t) => words(t[0]).at(-1) ?? "");
  const own = new Set(words(text).map(stem));
  for (let i = 0; i < folded.length - 1; i++) {
    if (!NONE.has(folded[i]!)) continue;
    const noun = folded[i + 1]!;
    if (noun.length < 4) continue;
    for (const src of pool)
      for (const ss of src.sentences) {
        const body = withoutReferences(ss.text);
        for (const m of body.matchAll(/[\p{L}'’-]+/gu)) {
          if (stem(words(m[0]).at(-1) ?? "") !== stem(noun)) continue;
          const rest = body.slice(m.index! + m[0].length);
          const list = new RegExp(`^(?:\\s+[\\p{L}'’-]+){0,${NOUN_TO_LIST}}\\s*\\(([^()]+)\\)`, "u").exec(rest);
          if (!list) continue;
          const items = list[1]!.split(/\s*,\s*|\s+(?:et|ou)\s+/u).filter((x) => contentWords(x).length > 0);
          if (items.length < LIST_MIN_ITEMS) continue;
          // A source's reference in parentheses (« (Webiano, avril 2026) ») is no list.
          if (items.some((x) => /\d{4}/.test(x))) continue;
          if (items.some((x) => contentWords(x).some((w) => own.has(stem(w))))) continue;
          const end = tokens[Math.min(i + 1 + NOUN_TO_LIST, tokens.length - 1)]!;
          const spanEnd = text
            .slice(tokens[i + 1]!.index!)
            .search(/[,;:.!?(]|\s+(?:dans|pour|en|sur|chez|de|du|des)\s/u);
          const said = text.slice(
            tokens[i]!.index!,
            spanEnd < 0 ? end.index! + end[0].length : tokens[i + 1]!.index! + spanEnd,
          );
          return { words: said.trim(), list: list[1]!.trim() };
        }
      }
  }
  return null;
}
