/**
 * Whether a question typed in lower case names a person of the corpus, read off the capitalised pairs of the passages
 * (« frédéric couchet » is their « Frédéric Couchet »), without reading a determiner opening a sentence as a first
 * name (« Le Cigref a dénoncé … », « Le Schleswig-Holstein … »).
 */
import { fold } from "../core/text.ts";
import { DETERMINERS } from "./names-places.ts";

/** Two capitalised words side by side in a passage (a name may be broken across two lines: « Laura\nChaubard »). */
const CAPITALISED_PAIR = /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+/gu;

/**
 * Whether the passages write as two capitalised words a pair the question types in lower case, not opening on a
 * determiner (« Le Cigref », capitalised as a sentence's first word: « le cigref disait quoi de vmware en 2022 » names
 * no one), as `namesPerson` reads a question's own capitals.
 */
export function personTypedInLowerCase(question: string, texts: string[]): boolean {
  const tokens = fold(question.replace(/[’]/g, "'")).split(/[^a-z-]+/);
  const typed = new Set(tokens.slice(1).map((w, i) => `${tokens[i]} ${w}`));
  return texts.some((text) =>
    [...text.matchAll(CAPITALISED_PAIR)].some((m) => {
      const pair = fold(m[0]).replace(/\s+/g, " ");
      return !DETERMINERS.has(pair.split(" ")[0]!) && typed.has(pair);
    }),
  );
}
