/**
 * A collectivité without a name, subject of a past act (« Une commune française a déjà perdu l'accès à ses comptes
 * Microsoft en 2025 [4] », « Une mairie bretonne a vu ses comptes Microsoft fermés en 2025 [2] », trial23 T-H2), where
 * no cited passage speaks of any collectivité: an invented actor put into a true event. Named ones are checked by the
 * names rule; this is the common-noun actor. The words are data (`indefinite-actors.txt`, `collectivity-kinds.txt`).
 * The form: the sentence opens on an indefinite article and a collectivité noun, at most two adjectives, then a past
 * auxiliary and a participle (« a perdu », « a vu », « a été coupée »).
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";

const SECTIONS = wordListSections("indefinite-actors.txt");
/** A section's entries, folded, as an alternation (longest first). */
const alternation = (name: string) =>
  (SECTIONS.get(name) ?? [])
    .map((e) => fold(e).replace(/['’]/g, "['’]").replace(/\s+/g, "\\s+"))
    .sort((a, b) => b.length - a.length)
    .join("|");
/** « Une commune française a déjà perdu »: the actor, then the word after the auxiliary and adverbs. */
const OPENING = new RegExp(
  `^((?:${alternation("openers")})\\s+(?:(?:${alternation("before-heads")})\\s+)?(?:${alternation("heads")})(?:\\s+\\p{Ll}[\\p{Ll}-]*){0,2}?)\\s+(?:${alternation(
    "auxiliaries",
  )})(?:\\s+(?:${alternation("adverbs")}))*\\s+(\\p{Ll}+(?:\\s+\\p{Ll}+)?)`,
  "u",
);
/** Endings of a past participle (« perdu », « fermé », « coupée », « quitté », « pris », « ouvert »), folded. */
const PARTICIPLE = /(?:e|ee|es|ees|i|ie|is|it|u|ue|us|ert|erte|int|ainte?)$/u;
const NOT_PARTICIPLE = new Set((SECTIONS.get("not-participles") ?? []).map((e) => fold(e)));
/** Words between the actor and the auxiliary that make it a relative or a complement, not an adjective. */
const NOT_ADJECTIVE = /(?<!\p{L})(?:qui|que|dont|de|du|des|d|en|a|ayant|etant)(?!\p{L})/u;
/** Words naming a collectivité of any kind (`collectivity-kinds.txt` but [petite] and [administration]), folded. */
const COLLECTIVITY_WORDS = [
  ...[...wordListSections("collectivity-kinds.txt").entries()]
    .filter(([k]) => k !== "petite" && k !== "administration")
    .flatMap(([, v]) => v),
  ...(SECTIONS.get("heads") ?? []),
].map((w) =>
  fold(w)
    .replace(/[^a-z0-9]+/g, " ")
    .trim(),
);
/** Whether a text names a collectivité, by a word or its plural (« communes », « collectivités »). */
function namesCollectivity(text: string): boolean {
  const folded = ` ${fold(text).replace(/[^a-z0-9]+/g, " ")} `;
  return COLLECTIVITY_WORDS.some((w) => folded.includes(` ${w} `) || folded.includes(` ${w}s `));
}

/** The unnamed collectivité the sentence opens on, when no cited passage speaks of one; or null. */
export function indefiniteActorUnstated(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated).trim();
  const m = OPENING.exec(fold(text));
  if (!m) return null;
  const actor = m[1]!;
  if (NOT_ADJECTIVE.test(actor.split(/\s+/).slice(1).join(" "))) return null;
  const next = m[2]!;
  const first = next.split(/\s+/)[0]!;
  if (NOT_PARTICIPLE.has(first) || NOT_PARTICIPLE.has(next) || !PARTICIPLE.test(first)) return null;
  if (pool.some((src) => src.sentences.some((ss) => namesCollectivity(ss.text) || namesCollectivity(ss.heading))))
    return null;
  // The actor in the sentence's own writing (folding keeps the length of the letters).
  const own = text.slice(0, actor.length);
  return own.charAt(0).toLowerCase() + own.slice(1);
}
