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
import { contentWords, wordIn } from "./words.ts";

const SECTIONS = wordListSections("card-denial.txt");
const DENIAL = new RegExp(
  `^(?:${wordAlternation(SECTIONS.get("subjects") ?? [])})\\s+(?:ne\\s+|n['’]\\s*)(?:(?:${wordAlternation(SECTIONS.get("pronouns") ?? [])})\\s+)?(?:${wordAlternation(SECTIONS.get("verbs") ?? [])})\\s+(?:pas\\s+(?:de\\s+|d['’]\\s*)?|aucune?\\s+|jamais\\s+)(.+)$`,
  "iu",
);

/**
 * For a sentence denying that the cited card gives something: the card's sentence giving all of its words (the
 * denial is wrong), or "" when none does (it is right). Null for any other sentence.
 */
export function cardDenial(sentence: string, pool: Source[]): string | null {
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
  for (const src of pool)
    for (const ss of src.sentences) if (!ss.inHeading && denied.every((w) => wordIn(w, ss.bag))) return short(ss.text);
  return "";
}
