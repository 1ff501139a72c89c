/**
 * A change the cited passages say gradual (« a annoncé qu'elle remplacerait progressivement les logiciels de
 * Microsoft », a heading's « sortir progressivement de Microsoft ») stated as done (« Lyon a quitté Microsoft en
 * 2025 », « a totalement remplacé Oracle »): what the change is of — the first name after the verb — is named in a
 * cited sentence that says the change gradual, and in none that says it done. Words: `server/i18n/fr/gradual.txt`.
 */
import { fold } from "../core/text.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";
import { DENIAL_BEFORE } from "./contradiction.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, inBag, words } from "./words.ts";

const LISTS = wordListSections("gradual.txt");
const alternation = (section: string) => sectionAlternation(LISTS, section, fold);
const DONE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${alternation("auxiliaires")})\\s+(?:[\\p{L}-]+\\s+)?(?:${alternation("accompli")})(?![\\p{L}\\p{N}])`,
  "giu",
);
const GRADUAL_WORDS = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation("progressif")})(?![\\p{L}\\p{N}])`, "iu");
/** « mené à terme »: its « à terme » says done, not gradual (trial21 T-L2). */
const COMPLETED = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation("mené à terme")})(?![\\p{L}\\p{N}])`, "giu");
/** A gradual word in a folded text, « à terme » of a thing « mené à terme » left out. */
const GRADUAL = { test: (text: string) => GRADUAL_WORDS.test(text.replace(COMPLETED, " ")) };
/** The first name after the verb, in its clause (« a quitté Microsoft », « a totalement remplacé les outils d'Oracle »). */
const NAME_AFTER = /^[^,;:.]{0,60}?(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}-]+)/u;

/** The cited sentence (or heading) that says gradual the change the claim says done, quoted; or null. */
export function gradualAsDone(claim: string, pool: Source[]): string | null {
  const folded = fold(claim);
  if (GRADUAL.test(folded)) return null;
  for (const m of folded.matchAll(DONE)) {
    // « n'a pas quitté », « n'a jamais totalement remplacé »: nothing stated done.
    if (DENIAL_BEFORE.test(folded.slice(Math.max(0, m.index! - 30), m.index!))) continue;
    if (/(?<!\p{L})(?:pas|jamais|plus)(?!\p{L})/u.test(m[0])) continue;
    const name = NAME_AFTER.exec(claim.slice(m.index! + m[0].length))?.[1];
    if (!name) continue;
    const of = words(name).join(" ");
    const naming = pool.flatMap((s) => s.sentences.filter((ss) => inBag(of, ss.said) || inBag(of, ss.own)));
    // The gradual word and the name in one sentence (or one heading): « sortir progressivement de Microsoft », not a
    // passage on Microsoft whose other sentence says « la messagerie est déployée progressivement ».
    const texts = naming.map((ss) => {
      const text = ss.inHeading ? ss.heading : ss.text;
      return inBag(of, bagOf(text)) ? fold(text) : "";
    });
    if (naming.some((ss) => new RegExp(DONE.source, "iu").test(fold(ss.text)))) continue;
    // A sentence of the body rather than the heading, when one says it.
    const gradual = texts.map((t, k) => (GRADUAL.test(t) ? k : -1)).filter((k) => k >= 0);
    const at = gradual.find((k) => !naming[k]!.inHeading) ?? gradual[0] ?? -1;
    if (at < 0) continue;
    const said = naming[at]!;
    const quote = (said.inHeading ? said.heading : said.text).trim();
    return quote.length > 160 ? `${quote.slice(0, 157)}…` : quote;
  }
  return null;
}
