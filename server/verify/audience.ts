/**
 * A thing opened to a public the cited passage does not give it to (faithful24): « Ce marché est ouvert aux
 * collectivités » where the passage says « Ce marché s'adresse aux services de l'État », « Les agents des collectivités
 * peuvent utiliser le service » where the card says « Service de l'État réservé à ses agents ». The words are data
 * (`server/i18n/fr/audience.txt`); `server/verify/index.ts` turns what it finds into a reason.
 */
import { escapeRegExp, fold, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { NEGATION, short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, words } from "./words.ts";

const SECTIONS = wordListSections("audience.txt");
/** An alternation of a section's entries, folded, longest first, either apostrophe. */
const alternation = (name: string) =>
  (SECTIONS.get(name) ?? [])
    .map((e) => escapeRegExp(foldApostrophes(e)).replace(/'/g, "['’]"))
    .sort((a, b) => b.length - a.length)
    .join("|");
/** What follows « à », « aux », « au », « pour » up to the end of the clause. */
const TO = "\\s*(?:a|aux|au|pour)\\s+([^.;:()]{1,80})";
const RESERVED = new RegExp(`(?<!\\p{L})(?:${alternation("reserved")})${TO}`, "gu");
const OPEN = new RegExp(`(?<!\\p{L})(?:${alternation("open")})${TO}`, "gu");
const USE = new RegExp(`((?:[\\p{L}'’-]+\\s+){1,4})(?:peut|peuvent)\\s+(?:${alternation("use")})(?!\\p{L})`, "gu");
/** The publics, folded (« collectivites », « etat »). */
const PUBLICS = new Set((SECTIONS.get("publics") ?? []).map((e) => fold(e)));
/** Words that name who acts for a public rather than the thing opened (« les agents des communes »). */
const FOR_PUBLIC = new Set(["agents", "agent", "services", "service", "personnels"]);

const publicsOf = (text: string) => words(text).filter((w) => PUBLICS.has(w));

/** The publics a sentence opens something to, folded: after an expression of [open], or before « peuvent utiliser ». */
function openedTo(folded: string): string[] {
  const out = new Set<string>();
  for (const m of folded.matchAll(OPEN)) for (const w of publicsOf(m[1]!)) out.add(w);
  for (const m of folded.matchAll(USE)) for (const w of publicsOf(m[1]!)) out.add(w);
  return [...out];
}

/**
 * A sentence, without negation nor reserve of its own, opening something to a public that a cited passage's sentence
 * sharing its subject reserves to others, without naming that public (nor any cited sentence opening it to them): the
 * public as the sentence writes it and the passage's sentence, or null.
 */
export function audienceUnstated(stated: string, pool: Source[]): { public: string; quote: string } | null {
  const text = withoutReferences(stated);
  const folded = foldApostrophes(text);
  if (NEGATION.test(text) || new RegExp(RESERVED.source, "u").test(folded)) return null;
  const cited = pool.flatMap((src) => src.sentences.filter((ss) => !ss.inHeading));
  const reserves = (t: string) => new RegExp(RESERVED.source, "u").test(t);
  // A public a cited sentence opens it to itself (« … est ouvert aux communes depuis 2024 ») is not in question.
  const openedThere = new Set(
    cited.flatMap((ss) => {
      const t = foldApostrophes(ss.text);
      return reserves(t) ? [] : openedTo(t);
    }),
  );
  const opened = openedTo(folded).filter((w) => !openedThere.has(w));
  if (opened.length === 0) return null;
  const subject = [...new Set(contentWords(text))].filter((w) => !PUBLICS.has(w) && !FOR_PUBLIC.has(w));
  for (const ss of cited) {
    const theirs = foldApostrophes(ss.text);
    if (!reserves(theirs)) continue;
    const named = new Set(words(theirs));
    const missing = opened.filter((w) => !named.has(w));
    if (missing.length === 0) continue;
    const bag = bagOf(ss.text);
    if (!subject.some((w) => inBag(w, bag, false))) continue;
    const raw = (text.match(/[\p{L}’'-]+/gu) ?? []).find((t) => fold(t) === missing[0]) ?? missing[0]!;
    return { public: raw, quote: short(ss.text) };
  }
  return null;
}
