/**
 * An obligation a sentence states (« Un comité de pilotage est obligatoire pour ce type d'étude [4] », « La loi impose
 * de traiter d'abord les logiciels sans support [2] ») held to what its cited passages say of obligations (trial18 F2,
 * F3), whoever it is said of (`duty-denied.ts` and `overstated.ts` read a duty given to a collectivité):
 * - `obligationDenied`: a cited passage says there is no obligation (« il n'y a pas d'obligation », « Aucune règle
 *   n'impose … ») and none states one on what the sentence speaks of (a word of its object);
 * - `lawUnstated`: the sentence gives the obligation to a text (« la loi », « le règlement ») and no cited passage says
 *   of any text that it obliges (« la migration doit être conduite par les équipes internes » is no law).
 * Words: `server/i18n/fr/obligations.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { keywords } from "../retrieval/relevance.ts";
import { NEGATION } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { phrasePattern } from "./words.ts";

const SECTIONS = wordListSections("obligations.txt");
const list = (name: string) => SECTIONS.get(name) ?? [];
const AFFIRMS = phrasePattern(list("affirme"));
const DENIES = phrasePattern(list("nie"));
const POSES = phrasePattern(list("pose"));
const TEXT_WORDS = list("texte").map((w) => fold(w));
/** A word for a text or a rule, whole (« loi », not « loin »). */
const TEXT = new RegExp(`(?<![\\p{L}\\p{N}])(?:${TEXT_WORDS.join("|")})(?![\\p{L}\\p{N}])`, "u");
/** A negation of the obligation's own clause. */
const DENIED_CLAUSE = /(?<!\p{L})(?:n['’]|(?:ne|aucune?|rien|nulle?|jamais|non|pas)(?!\p{L}))/u;
const OBLIGATION_STEMS = new Set(["oblig", "impos", "tenu", "exig", "rend", "ont", "sont", "est"]);

/** The obligation a sentence states, not negated, as written (folded); or null. */
function affirmed(stated: string): RegExpExecArray | null {
  const folded = fold(stated);
  const m = AFFIRMS.exec(folded);
  if (!m) return null;
  // Negated in its own clause (« n'est pas obligatoire », « aucune loi n'impose de »), not by a « sans » of what is
  // owed (« les logiciels sans support »).
  const from = folded.slice(0, m.index).search(/[^,;:]*$/u);
  const clause =
    folded.slice(from, m.index + m[0].length) +
    folded
      .slice(m.index + m[0].length)
      .split(/\s+/u)
      .slice(0, 4)
      .join(" ");
  return DENIED_CLAUSE.test(clause) ? null : m;
}

/** Words of what the sentence says is owed: its content words, without those of the obligation itself. */
const objectWords = (stated: string, phrase: string) =>
  keywords(stated).filter(
    (w) =>
      w.length > 3 &&
      !/^\d/.test(w) &&
      !fold(phrase).includes(w) &&
      ![...OBLIGATION_STEMS].some((s) => w.startsWith(s)) &&
      !TEXT_WORDS.includes(w),
  );

/** The passage sentence that says there is no obligation, when none of the cited passages states one on it; or null. */
export function obligationDenied(stated: string, pool: Source[]): { word: string; quote: string } | null {
  const m = affirmed(stated);
  if (!m) return null;
  const object = objectWords(stated, m[0]);
  let denial: string | null = null;
  for (const src of pool)
    for (const ss of src.sentences) {
      const text = fold(ss.text);
      if (DENIES.test(text)) {
        denial ??= ss.text;
        continue;
      }
      // An obligation the passage states on what the sentence speaks of: the sentence may restate it.
      if (POSES.test(text) && !NEGATION.test(ss.text) && object.some((w) => keywords(ss.text).includes(w))) return null;
    }
  return denial ? { word: written(stated, m), quote: short(denial) } : null;
}

/** The text a sentence gives its obligation to (« La loi impose »), when no cited passage says a text obliges; or null. */
export function lawUnstated(stated: string, pool: Source[]): string | null {
  const m = affirmed(stated);
  if (!m) return null;
  // The text named as the one that obliges: before the obligation, or after « par » (« imposé par la loi »).
  const folded = fold(stated);
  const before = folded.slice(0, m.index);
  const after = /\bpar\s*$/u.test(m[0]) ? folded.slice(m.index + m[0].length, m.index + m[0].length + 30) : "";
  const named = TEXT.exec(before.split(/[,;:]/u).at(-1) ?? "") ?? TEXT.exec(after);
  if (!named) return null;
  // A cited sentence that poses an obligation and names a text, or any when the passage names the sentence's own text
  // (« Le RGPD — Le registre » over « Chaque collectivité doit tenir un registre »).
  const sentences = pool.flatMap((src) => src.sentences.map((ss) => fold(ss.text)));
  const ownText = new RegExp(`(?<![\\p{L}\\p{N}])${named[0]}(?![\\p{L}\\p{N}])`, "u");
  const passageNames = sentences.some((t) => ownText.test(t));
  if (sentences.some((t) => POSES.test(t) && (TEXT.test(t) || passageNames))) return null;
  const start = before.search(/[^,;:]*$/u);
  return stated.slice(start, m.index + m[0].length).trim();
}

/** The matched phrase as the sentence writes it (its accents). */
const written = (stated: string, m: RegExpExecArray) =>
  fold(stated).length === stated.length ? stated.slice(m.index, m.index + m[0].length) : m[0];

/** A passage's sentence as a reason quotes it. */
const short = (text: string) => {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
};
