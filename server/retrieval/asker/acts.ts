/**
 * The acts the asker says done in the first person (« nous avons déjà migré la messagerie », « on a quitté gmail »):
 * a subject of the first person, an auxiliary, a participle, what it was done to (`[sujets]`, `[auxiliaires]`,
 * `[adverbes]` of `server/i18n/fr/asker.txt`; trial25 T-H2). What the asker says of their own collectivité is a
 * context an answer must not contradict (`server/verify/asker-context.ts`).
 */
import { fold } from "../../core/text.ts";
import { stem } from "../french.ts";
import { LISTS } from "./clauses.ts";

/** One act the question says done: its verb's stem, what follows the participle, the words said. */
export interface AskerAct {
  /** The participle's stem (« migré » → « migre »). */
  verb: string;
  /** What follows the participle in its clause (« la messagerie l'an dernier »), folded. */
  object: string;
  /** The words of the question that say it (« nous avons déjà migré la messagerie »). */
  said: string;
}

const f = (s: string) => fold(s).replace(/’/g, "'");
/**
 * A section's entries as a pattern's alternation, folded, longest first, blanks as any blank, an apostrophe with any
 * blank after it (the verifier reads its own lists so, `server/verify/asker-context.ts`).
 */
export const alternation = (lists: Map<string, string[]>, section: string) =>
  [...(lists.get(section) ?? [])]
    .map((e) => f(e))
    .sort((a, b) => b.length - a.length)
    .map((e) =>
      e
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\s+/g, "\\s+")
        .replace(/'/g, "'\\s*"),
    )
    .join("|");
const alt = (section: string) => alternation(LISTS, section);

const ADVERBS = `(?:(?:${alt("adverbes")})\\s+)*`;
/** « nous avons déjà migré la messagerie l'an dernier » → « migre », « la messagerie l'an dernier ». */
const ACT = new RegExp(
  `(?<!\\p{L})(?:${alt("sujets")})(?:(?<=')\\s*|\\s+)(?:${alt("auxiliaires")})\\s+${ADVERBS}(\\p{L}{4,})((?:\\s+[^,;.!?]*)?)`,
  "gu",
);

/** The acts the question says done in the first person. */
export function askerActs(question: string): AskerAct[] {
  const q = f(question);
  return [...q.matchAll(ACT)].map((m) => ({
    verb: stem(m[1]!),
    object: m[2] ?? "",
    said: question.slice(m.index!, m.index! + m[0].length).trim(),
  }));
}
