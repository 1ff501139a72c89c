/**
 * A verdict a drafted document states without a figure: a duty (« C'est obligatoire. », « Elle y est obligée par la
 * loi. »), a cost of nothing (« Cela ne coûtera rien. », « Aucune dépense n'a été engagée. »), no risk at all (« C'est
 * sans risque. »). Short, it names nothing a figure or a name check could hold it by, so the verifier read it as no
 * claim, or as supported by the section's passages taken whole (clean-clone trial25 T-H3, T-M8). It is held only by a
 * sentence of a passage or of the document's data that says the same sort of thing (an obligation by a rule word, a cost
 * of nothing, an absence of risk) of what it speaks of: its own words, and, when it opens on a pronoun (« c'est »,
 * « cela », « elle y »), those of the sentence before it — the pronoun read as what that sentence says, as the chat's
 * short answers are read with the question's subject (trial24 T-H8). Words: `server/i18n/fr/document-verdicts.txt`.
 */
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListSectionLines, wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import { datedOtherwise, reachedEarly, supportDenied } from "./document-data.ts";
import { type SentenceCheck, type Verification, verificationOf } from "./index.ts";
import { NEGATION } from "./negation.ts";
import { ownActUnsaid } from "./own-acts.ts";
import { splitSentences, withoutNotes, withoutReferences } from "./sentences.ts";
import { contentWords, phrasePattern } from "./words.ts";

const list = (x: string) =>
  x
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);

/** Each sort of verdict: what a sentence says it by, what a held sentence writes. */
const SORTS = (wordListSectionLines("document-verdicts.txt").get("sortes") ?? []).map((line) => {
  const [, name = "", said = "", held = ""] = /^([^:]*):([^|]*)\|(.*)$/.exec(line) ?? [];
  // What the sentence says is whole words (« obligé », not the « obligent » of « … obligent la commune à … »); what
  // holds it, the beginnings of words.
  const whole = new RegExp(`${phrasePattern(list(said)).source}(?!\\p{L})`, "iu");
  return { name: name.trim(), said: whole, held: phrasePattern(list(held)) };
});
const SECTIONS = wordListSections("document-verdicts.txt");
const PRONOUN = new RegExp(
  `^[\\s>*_•-]*(?:(?:oui|non)\\s*,\\s*)?(?:${(SECTIONS.get("pronoms") ?? [])
    .map((e) => fold(e).replace(/['’]/g, "['’]\\s*").replace(/\s+/g, "\\s+"))
    .join("|")})(?!\\p{L})`,
  "iu",
);
const EMPTY = new Set((SECTIONS.get("mots vides") ?? []).map((w) => stem(fold(w))));

/** A clause that denies the verdict itself (« ce n'est pas sans risque », « ce n'est pas obligatoire »). */
const DENIED = /(?<!\p{L})(?:pas|plus|jamais)\s+(?:\p{L}+\s+)?(?:sans|obligatoire|gratuit|oblig)/iu;

/** The words a sentence speaks of, as stems, without the verdict's own words. */
const topic = (text: string) =>
  [...new Set(contentWords(withoutReferences(withoutNotes(text))).map((w) => stem(w)))].filter(
    (w) => w.length > 2 && !EMPTY.has(w) && !/^\d/.test(w),
  );

/** The verdict a sentence states: its sort and the words that say it, as written; or null. */
export function verdictOf(sentence: string): { sort: (typeof SORTS)[number]; said: string } | null {
  const stated = withoutReferences(withoutNotes(sentence));
  const folded = fold(stated);
  if (/\?\s*$/u.test(stated) || DENIED.test(folded)) return null;
  for (const sort of SORTS) {
    const m = sort.said.exec(folded);
    if (!m) continue;
    // A duty denied (« n'est pas tenue de ») is no duty stated; the other sorts are said by a negation.
    if (sort.name === "obligation" && NEGATION.test(stated)) return null;
    const end = m.index + m[0].length + (/^[\p{L}-]*/u.exec(folded.slice(m.index + m[0].length))?.[0].length ?? 0);
    return { sort, said: folded.length === stated.length ? stated.slice(m.index, end) : folded.slice(m.index, end) };
  }
  return null;
}

/**
 * Why a drafted sentence's verdict is not held (`verify.verdictUnheld`), or null: `earlier` is the sentence before it,
 * `texts` the passages and data it was written from.
 */
export function verdictUnheld(
  sentence: string,
  earlier: string,
  texts: string[],
  /** The reason's message (`verify.verdictUnheld`; a user's claim checked against the corpus has its own). */
  key = "verify.verdictUnheld",
): string | null {
  const verdict = verdictOf(sentence);
  if (!verdict) return null;
  const own = topic(sentence);
  const about = PRONOUN.test(fold(withoutReferences(sentence))) ? [...own, ...topic(earlier)] : own;
  const need = Math.min(2, about.length);
  const held = texts
    .flatMap((t) => splitSentences(t))
    .some((ss) => {
      const folded = fold(ss);
      if (!verdict.sort.held.test(folded)) return false;
      if (verdict.sort.name === "obligation" && NEGATION.test(ss)) return false;
      const words = new Set(contentWords(ss).map((w) => stem(w)));
      return about.filter((w) => words.has(w)).length >= need;
    });
  return held ? null : message(key, { said: verdict.said });
}

/**
 * A drafted section's verification with the verdicts the model wrote that neither its passages nor its data hold
 * marked unsupported (a sentence already unverified gets the reason besides its own). `modelText`: what the model wrote (a template's
 * own sentences are not its claims); `texts`: the passages and data it was written from.
 */
export function documentVerdicts(
  verification: Verification,
  passages: string[],
  facts: string[],
  modelText?: string,
  /** The context the user typed (`DraftContext.userContext`). */
  context?: string,
): Verification {
  if (!modelText?.trim()) return verification;
  // What the data state, not the question they ask (« La commune doit-elle quitter Google Analytics … ? »).
  const stated = facts.map((f) =>
    splitSentences(f)
      .filter((s) => !/\?\s*$/u.test(s))
      .join(" "),
  );
  const texts = [...passages, ...stated];
  const written = fold(modelText).replace(/\s+/g, " ");
  let changed = false;
  const sentences = verification.sentences.map((s, i): SentenceCheck => {
    const bare = fold(withoutReferences(withoutNotes(s.text)))
      .replace(/\s+/g, " ")
      .trim();
    if (!bare || !written.includes(bare.slice(0, 40))) return s;
    // An act of the collectivité, or done to it, that its data do not say (« La CNIL a déjà sanctionné Vauclérieux »,
    // « Madame la Maire, vous avez refusé … », trial25 T-H3): the verifier's own-act check, which a sentence whose
    // words all stand in a card's passage skips.
    const act = ownActUnsaid(s.text, stated, passages);
    const earlier = verification.sentences[i - 1]?.text ?? "";
    // A verdict citing a passage the verifier judged is left to it (« Copilot deviendra obligatoire en 2028 [5] »):
    // only the model's own (citing nothing), or one the verifier found no claim in (« Toutes les communes voisines
    // l'ont déjà fait [1] »).
    const own = s.citations.length === 0 || s.status === "no-claim";
    const reason = act
      ? message("verify.ownActUnsaid", { said: act })
      : (againstData(s.text, earlier, context, texts, stated) ?? (own ? verdictUnheld(s.text, earlier, texts) : null));
    if (!reason || s.reasons.includes(reason)) return s;
    changed = true;
    // Added to the reasons of a sentence already unverified: « Thunderbird n'est pas nommé » says less.
    return {
      ...s,
      status: s.status === "invalid-citation" ? s.status : "unsupported",
      reasons: [...s.reasons, reason],
    };
  });
  return changed ? verificationOf(sentences) : verification;
}

/** What a sentence says against the document's context or data (`document-data.ts`), as a reason; or null. */
function againstData(
  sentence: string,
  earlier: string,
  context: string | undefined,
  texts: string[],
  facts: string[],
): string | null {
  const date = datedOtherwise(sentence, context);
  if (date) return message("verify.contextContradicted", { quote: date });
  // The document's own data (the context, the map) first: what the user knows of the thing.
  const support = supportDenied(sentence, [...facts, ...texts]);
  if (support) return message("verify.dataContradicted", { quote: support });
  const target = reachedEarly(sentence, earlier, facts);
  return target ? message("verify.reachedEarly", { date: target }) : null;
}
