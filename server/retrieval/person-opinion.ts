/**
 * What a named person thinks or said of something (« que pense thierry breton de la dinum », « qu'a dit nicolas vivant
 * sur linux »): the corpus answers only where one passage names both the person and that thing. A passage that names
 * the person for something else (the American sanctions against Thierry Breton) and one on the thing without them
 * do not: quoted together, they read as the person's view (held-out-29, names30).
 * Words as data: `person-opinion.txt`.
 */
import { wordListSections } from "../i18n/word-lists.ts";
import { words } from "./french.ts";
import { STOPWORDS } from "./lexicon.ts";

const SECTIONS = wordListSections("person-opinion.txt");
const entries = (name: string) => (SECTIONS.get(name) ?? []).map((e) => words(e).join(" ")).filter(Boolean);
/** The verbs that ask a view or a saying (« pense », « a dit »), folded words, longest first. */
const VERBS = entries("verbes").sort((a, b) => b.length - a.length);
/** What opens the thing a view is asked of (« de », « sur », « à propos de »), folded words, longest first. */
const LINKS = entries("liens").sort((a, b) => b.length - a.length);
/** Words between the verb after the name and the link (« quoi »). */
const BETWEEN = new Set(entries("entre"));

/**
 * The folded content words of the thing a question asks a named person's view of (`name`, folded words): after the
 * verb that asks it, right before the name (« que pense X de … ») or right after it (« X pense quoi de … »), and a
 * link; empty when the question asks no view.
 */
export function opinionObject(question: string, name: string[]): string[] {
  const list = words(question);
  let at = -1;
  for (let i = 0; i + name.length <= list.length && at < 0; i++) if (name.every((w, j) => list[i + j] === w)) at = i;
  if (at < 0 || !name.length) return [];
  const before = ` ${list.slice(0, at).join(" ")}`;
  let rest = list.slice(at + name.length);
  if (!VERBS.some((v) => before.endsWith(` ${v}`))) {
    const verb = VERBS.find((v) => `${rest.join(" ")} `.startsWith(`${v} `));
    if (!verb) return [];
    rest = rest.slice(verb.split(" ").length);
    while (rest.length && BETWEEN.has(rest[0]!)) rest = rest.slice(1);
  }
  const link = LINKS.find((l) => `${rest.join(" ")} `.startsWith(`${l} `));
  if (!link) return [];
  return rest.slice(link.split(" ").length).filter((w) => w.length > 1 && !STOPWORDS.has(w));
}
