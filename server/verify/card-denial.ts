/**
 * A sentence saying what a catalog card does not give (faithful-blind-9): « La fiche ne propose pas d'alternative »
 * is true when the cited card gives none, and wrong when it does (« Alternatives : … »). Its words are not in the card
 * by its very meaning, so the coverage check does not judge it; this module does. Subjects and verbs are data
 * (`server/i18n/fr/card-denial.txt`); `server/verify/index.ts` turns what it finds into a reason.
 */
import { wordAlternation, wordListSections } from "../i18n/word-lists.ts";
import { short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { type Bag, bagOf, contentWords, wordIn, words } from "./words.ts";

const SECTIONS = wordListSections("card-denial.txt");
const DENIAL = new RegExp(
  `^(?:${wordAlternation(SECTIONS.get("subjects") ?? [])})\\s+(?:ne\\s+|n['’]\\s*)(?:(?:${wordAlternation(SECTIONS.get("pronouns") ?? [])})\\s+)?(?:${wordAlternation(SECTIONS.get("verbs") ?? [])})\\s+(?:pas\\s+(?:de\\s+|d['’]\\s*)?|aucune?\\s+|jamais\\s+)(.+)$`,
  "iu",
);

/**
 * For a sentence denying that the cited card gives something: the card's sentence giving all of its words (the
 * denial is wrong), or "" when none does (it is right). Null for any other sentence.
 */
export function cardDenial(sentence: string, pool: Source[], earlier = ""): string | null {
  const m = DENIAL.exec(
    withoutReferences(sentence)
      .replace(/\*\*|__/g, "")
      // A list item's marker (« - Le catalogue ne propose pas … » in a note).
      .replace(/^\s*(?:[-*•]|\d+[.)])\s+/u, "")
      .trim()
      .replace(/[.!]\s*$/u, ""),
  );
  if (!m) return null;
  const denied = [...new Set(contentWords(m[1]!))];
  if (denied.length === 0) return null;
  // « pas d'autre alternative »: the card's items the answer already named before are set aside (faithful32).
  const other = OTHER.test(m[1]!);
  const named = bagOf(earlier);
  for (const src of pool)
    for (const ss of src.sentences)
      if (!ss.inHeading && denied.every((w) => wordIn(w, ss.bag)) && !(other && allNamed(ss.text, named)))
        return short(ss.text);
  return "";
}

/** « autre(s) » opening what is denied (`card-denial.txt`, section « autre »). */
const OTHER = new RegExp(`^(?:${wordAlternation(SECTIONS.get("autre") ?? [])})(?!\\p{L})`, "iu");

/**
 * Whether the answer before names every item a card's field line gives (« Alternatives : Stormshield Network Security
 * (remplacement partiel, France) ; … »): the item's name, before its parentheses, each of its words named.
 */
function allNamed(line: string, named: Bag): boolean {
  const colon = line.indexOf(":");
  if (colon < 0) return false;
  const items = line
    .slice(colon + 1)
    .split(/\s;\s/)
    .map((item) =>
      item
        .replace(/\(.*$/s, "")
        .replace(/[.\s]+$/u, "")
        .trim(),
    )
    .filter(Boolean);
  return items.length > 0 && items.every((item) => words(item).every((w) => wordIn(w, named)));
}
