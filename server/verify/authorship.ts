/**
 * A product said made by a body the cited card names in another part (faithful-blind-9): « Gestasso a été développé
 * par la Métropole de Lille » where the card says « publié par Coopérative Nordique (projet initié par la Métropole
 * de Lille) ». The participles of making are data (`server/i18n/fr/authorship.txt`); `server/verify/index.ts` turns
 * what it finds into a reason.
 */
import { wordListEntries } from "../i18n/word-lists.ts";
import { fold } from "../retrieval/french.ts";
import { NEGATION } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

/** Participles by which a text says who makes a product (« développé », « publié »), folded. */
const MADE = new Set(wordListEntries("authorship.txt").map((w) => fold(w)));

/** A participle, then its agent after « par », to the clause's end (« publié par Coopérative Nordique »). */
const BY = /(?<!\p{L})(\p{L}+)\s+par\s+((?:la\s+|le\s+|les\s+|l['’]\s*)?[^,;:.()[\]]+)/giu;

const agentWords = (agent: string) => contentWords(agent).slice(0, 4);

/**
 * The agent the sentence makes a product's maker (« développé par la Métropole de Lille ») where a cited sentence
 * naming the product gives its making to another agent (« publié par Coopérative Nordique ») and none gives it to the
 * sentence's: the two agents, or null.
 */
export function makerSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text)) return null;
  const cited = pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading));
  const texts = cited.map((ss) => withoutReferences(ss.text));
  for (const m of text.matchAll(BY)) {
    if (!MADE.has(fold(m[1]!))) continue;
    const mine = agentWords(m[2]!);
    if (mine.length === 0) continue;
    // The product: what the sentence names before the participle (« i-Parapheur a été »), its words all in the cited
    // sentence.
    const subject = contentWords(
      text
        .slice(0, m.index!)
        .replace(/^\s*[-*•]\s+/u, "")
        .replace(/\s+(?:a|ont|est|sont|avait|avaient|était|étaient|fut)(?:\s+été)?\s*$/u, ""),
    );
    if (subject.length === 0 || subject.length > 4) continue;
    const about = texts.filter((t) => {
      const bag = bagOf(t);
      return subject.every((w) => inBag(w, bag, false));
    });
    // A sentence of a card about the product (its heading names it) giving the making to the sentence's agent, in the
    // words the sentence takes (« édité par une société allemande à but non lucratif » for Mastodon gGmbH): nothing to
    // say (faithful32).
    const onCard = cited
      .filter((ss) => subject.every((w) => inBag(w, ss.bag, false)))
      .map((ss) => withoutReferences(ss.text));
    if (
      onCard.some((t) =>
        [...t.matchAll(BY)].some((n) => MADE.has(fold(n[1]!)) && mine.every((w) => inBag(w, bagOf(n[2]!), false))),
      )
    )
      return null;
    let other: string | null = null;
    for (const t of about)
      for (const n of t.matchAll(BY)) {
        if (!MADE.has(fold(n[1]!))) continue;
        // The agent and what the passage writes after it, up to another agent (« (DINUM) et le ZenDiS, … »; not
        // « (projet initié par l'ADULLACT) »).
        const start = n.index! + n[0].length - n[2]!.length;
        const next = t.slice(start).search(/\spar\s/u);
        const theirs = bagOf(t.slice(start, next < 0 ? undefined : start + next));
        // The sentence's agent is given the making: nothing to say.
        if (mine.some((w) => inBag(w, theirs, false))) return null;
        if (!other) other = n[2]!.trim();
      }
    if (other) return { name: m[2]!.trim(), other };
  }
  return null;
}
