/**
 * A rule a sentence states by a legal qualification (« L'usage de Microsoft 365 est illégal pour les collectivités
 * [2] », « … est interdit dans les mairies », « … est obligatoire »), held to its cited passages (the lead's trial N-H2:
 * shown as verified where the passage held no rule at all, only the product and the month):
 * - no cited sentence writes a rule of any kind (a ban, a duty, a text: `[règle]`): the qualification is the model's;
 * - the sentence gives the rule a date of effect (« depuis octobre 2025 ») and no cited sentence writing a rule writes
 *   that date: the date is another event's.
 * A qualification negated in the sentence (« n'est pas illégal ») states no rule. Bans and duties said by a verb
 * (« a interdit », « impose ») keep their own checks (`bans.ts`, `obligations.ts`). Words:
 * `server/i18n/fr/legal-rules.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListSectionLines, wordListSections } from "../i18n/word-lists.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { NEGATION, short } from "./negation.ts";
import { namesAt } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, phrasePattern, words as wordsOf } from "./words.ts";

/** Words a dated sentence of the passage shares with the sentence to say the same thing without a rule word. */
const SAME_THING_WORDS = 2;

const SECTIONS = wordListSections("legal-rules.txt");
const QUALIFIED = phrasePattern(SECTIONS.get("qualification") ?? []);
const RULE = phrasePattern(SECTIONS.get("règle") ?? []);
/** Qualifications read only in a sentence that says nothing else (« C'est la loi [1]. », « Oui, c'est légal [1]. »). */
const SHORT_QUALIFIED = phrasePattern(SECTIONS.get("qualification courte") ?? []);

/** Sorts of qualification (a ban, a duty, a law, a permission), each with the rule words a cited sentence holds it by. */
const SORTS = (wordListSectionLines("legal-rules.txt").get("sortes") ?? []).map((line) => {
  const [, said = "", held = ""] = /^[^:]*:([^|]*)\|(.*)$/.exec(line) ?? [];
  const list = (x: string) =>
    x
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
  return { said: phrasePattern(list(said)), held: phrasePattern(list(held)) };
});

/**
 * Whether a sentence gives what it speaks of a legal status (« c'est obligatoire », « c'est interdit », « c'est la
 * loi », « c'est légal »): a claim however short it is (trial24 T-H8).
 */
export const statesStatus = (sentence: string) => {
  const folded = fold(sentence);
  return QUALIFIED.test(folded) || SHORT_QUALIFIED.test(folded);
};
const EFFECT = new RegExp(
  `(?<!\\p{L})(?:${(SECTIONS.get("effet") ?? [])
    .map((e) => fold(e).replace(/\s+/g, "\\s+"))
    .sort((a, b) => b.length - a.length)
    .join("|")})\\s+(?:1er\\s+|\\d{1,2}\\s+)?$`,
  "u",
);

/** A date of the sentence given as when its rule took or takes effect (« depuis octobre 2025 »). */
function dateOfEffect(stated: string): Figure | null {
  for (const f of extractFigures(stated)) {
    if (f.kind !== "year" && f.kind !== "month" && f.kind !== "date") continue;
    const at = stated.indexOf(f.raw);
    if (at >= 0 && EFFECT.test(fold(stated.slice(Math.max(0, at - 24), at)))) return f;
  }
  return null;
}

const sameDate = (f: Figure, g: Figure) =>
  f.year === g.year && (f.month === undefined || g.month === undefined || f.month === g.month);

/** The qualification a sentence states that its cited passages hold no rule for (with the date, when that is what is unheld); or null. */
export function ruleUnheld(
  stated: string,
  pool: Source[],
  /**
   * The sentence says nothing but the qualification of its subject (« Oui, c'est obligatoire [1]. », « Non, Zoom est
   * interdit [1]. »): a cited sentence must write a rule of its sort (a ban for « interdit », a text for « la loi »),
   * not any rule (trial24 T-H8: the Zoom card's « doit devenir l'unique solution … de l'État » held « interdit »).
   */
  bare = false,
): { words: string; date: string | null } | null {
  const folded = fold(stated);
  const m = QUALIFIED.exec(folded) ?? (bare ? SHORT_QUALIFIED.exec(folded) : null);
  if (!m || NEGATION.test(stated)) return null;
  const end = m.index + m[0].length + (/^[\p{L}-]*/u.exec(folded.slice(m.index + m[0].length))?.[0].length ?? 0);
  const words = folded.length === stated.length ? stated.slice(m.index, end) : folded.slice(m.index, end);
  const sorts = bare ? SORTS.filter((s) => s.said.test(fold(words))) : [];
  const rules = (text: string) =>
    sorts.length > 0 ? sorts.some((s) => s.held.test(fold(text))) : RULE.test(fold(text));
  const ruling = pool.flatMap((src) => src.sentences.filter((ss) => rules(ss.text)));
  if (ruling.length === 0) return { words, date: null };
  const date = dateOfEffect(stated);
  if (!date) return null;
  // The date in a sentence that writes a rule, or that says the same thing otherwise (« les frais de sortie
  // disparaissent (12 janvier 2027) » for « à partir du 12 janvier 2027, les frais … de sortie sont interdits »): two
  // of the sentence's words beside the qualification's.
  const mine = new Set(contentWords(stated.slice(0, m.index) + stated.slice(end)));
  const dated = pool.some((src) =>
    src.sentences.some(
      (ss) =>
        extractFigures(ss.text).some(
          (g) => (g.kind === "year" || g.kind === "month" || g.kind === "date") && sameDate(date, g),
        ) &&
        (ruling.includes(ss) || contentWords(ss.text).filter((w) => mine.has(w)).length >= SAME_THING_WORDS),
    ),
  );
  return dated ? null : { words, date: date.raw };
}

/** Status phrases (« est conforme ») with the word start a passage writes that status with (« conform »). */
const STATUSES = (SECTIONS.get("statut") ?? []).map((entry) => {
  const [said = "", held = ""] = entry.split(":").map((x) => x.trim());
  return { said: phrasePattern([said]), held: fold(held) };
});

/**
 * A status the sentence gives its named subject (« Selon la CNIL, Microsoft 365 est conforme au RGPD [1] ») that the
 * cited passages give only to something else (« la qualification SecNumCloud 3.2 … est conforme « par construction » »)
 * while they name the subject elsewhere (« … Microsoft 365 Education ne respectait pas le RGPD »), trial24 T-H1: the
 * status, the subject as written, and the cited sentence that gives the status; or null.
 */
export function statusOfAnother(stated: string, pool: Source[]): { words: string; name: string; quote: string } | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text)) return null;
  const folded = fold(text);
  for (const status of STATUSES) {
    const m = status.said.exec(folded);
    if (!m) continue;
    // The subject: the clause before the status (after « Selon la CNIL, », « que »), holding a name.
    const clause = text.slice(0, m.index).split(/[,;:]/u).at(-1) ?? "";
    const names = namesAt(clause);
    if (names.length === 0) continue;
    const name = clause.slice(names[0]!.at).trim();
    const own = wordsOf(name).filter((w) => contentWords(w).length > 0 || /^\d+$/u.test(w));
    if (own.length === 0) continue;
    const sentences = pool.flatMap((src) => src.sentences.filter((ss) => !ss.inHeading));
    const holds = (t: string) => {
      const bag = bagOf(withoutReferences(t));
      return own.every((w) => inBag(w, bag, false));
    };
    const giving = sentences.filter((ss) => wordsOf(ss.text).some((w) => w.startsWith(status.held)));
    if (giving.length === 0 || giving.some((ss) => holds(ss.text))) continue;
    // The passage is about the subject (a card's « Yousign » heading: « Signature … conforme eIDAS »), or the sentence
    // giving the status names nothing the claim does not (faithful-blind-9): no other holder.
    const mine = bagOf(text);
    const otherHolder = (t: string) => namesAt(t).some((n) => !inBag(n.folded, mine, false));
    if (pool.some((src) => holds(src.sentences[0]?.heading ?? ""))) continue;
    if (!giving.some((ss) => otherHolder(ss.text))) continue;
    if (!sentences.some((ss) => holds(ss.text))) continue;
    const at = fold(giving[0]!.text).search(new RegExp(`(?<!\\p{L})${status.held}`, "u"));
    const from = Math.max(0, at - 90);
    return {
      words: folded.length === text.length ? text.slice(m.index, m.index + m[0].length) : m[0],
      name,
      quote: short(`${from > 0 ? "…" : ""}${giving[0]!.text.slice(from, at + 40).trim()}…`),
    };
  }
  return null;
}
