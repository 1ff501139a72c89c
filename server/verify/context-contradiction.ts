/**
 * The context the user typed for a document (« Contexte local » of a letter, an audit plan, a roadmap, a briefing) is
 * what they know of their own collectivité: a generated sentence that says its contrary is not verified, whatever the
 * passages say of others (clean-clone trial N-H3: « notre logiciel de paie ne fonctionne que sous Windows » in the
 * context, « le logiciel de paie fonctionne parfaitement sous Linux » in the section, shown verified). Two forms:
 * - a restriction, « X ne V que P A » (« ne fonctionne que sous Windows », « n'est compatible qu'avec Word »), and a
 *   sentence stating of the same X, without a negation, « V … P B » with B another than A;
 * - a clause of the context the sentence states with the opposite polarity (`contradicted`: « n'est pas compatible
 *   avec LibreOffice » / « est compatible avec LibreOffice »).
 * Same X: the content words the context writes before its verb (« logiciel », « paie »), all of them (two at most
 * counted) in the sentence's clause. The reason names the context (`verify.contextContradicted`).
 */
import { clausesOf, sentencesOf } from "../core/first-person.ts";
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { stem } from "../retrieval/french.ts";
import { contradicted } from "./contradiction.ts";
import { type SentenceCheck, type Verification, verificationOf } from "./index.ts";
import { NEGATION, polarityClauses, short } from "./negation.ts";
import { withoutNotes, withoutReferences } from "./sentences.ts";
import { toSource } from "./source-sentences.ts";
import { contentWords } from "./words.ts";

/** « ne fonctionne que sous Windows », « n'est compatible qu'avec Word », « ne tourne que sur des postes Windows ». */
const RESTRICTED =
  /(?<!\p{L})(?:ne\s+|n['’]\s*)(\p{L}+)(?:\s+(\p{L}+))?\s+(?:que\s+|qu['’]\s*)(sous|avec|sur|en|par|dans)\s+((?:(?:des?|les?|la|l['’]|un|une)\s*)?[\p{L}\d][\p{L}\d.+-]*(?:\s+\p{Lu}[\p{L}\d.+-]*)*)/u;

interface Restriction {
  /** The clause of the context, quoted in the reason. */
  clause: string;
  /** Stems of what it restricts (the verb, and the adjective after « est »). */
  verbs: string[];
  preposition: string;
  /** The one thing it allows, folded (« windows »). */
  allowed: string;
  /** What the restriction is said of: content words before its verb. */
  subject: string[];
}

const lastWord = (s: string) =>
  fold(s)
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean)
    .at(-1) ?? "";

function restrictions(clauses: string[]): Restriction[] {
  return clauses.flatMap((clause) => {
    const m = RESTRICTED.exec(clause);
    if (!m) return [];
    const subject = contentWords(clause.slice(0, m.index));
    if (!subject.length) return [];
    const verbs = [m[1]!, m[2]].filter((v): v is string => !!v).map((v) => stem(fold(v)));
    return [{ clause, verbs, preposition: m[3]!, allowed: lastWord(m[4]!), subject }];
  });
}

/** The content words of `subject` a clause must carry to speak of the same thing: the last two (« logiciel », « paie »). */
const sameSubject = (subject: string[], clause: string) => {
  const said = new Set(contentWords(clause).map((w) => stem(w)));
  return subject.slice(-2).every((w) => said.has(stem(w)));
};

/** Whether a clause states, of the restriction's subject, its verb with another thing after its preposition. */
function breaks(r: Restriction, clause: string): boolean {
  if (NEGATION.test(clause) || !sameSubject(r.subject, clause)) return false;
  const tokens = fold(clause)
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean);
  const verbAt = tokens.findIndex((t) => r.verbs.some((v) => stem(t).startsWith(v) || v.startsWith(stem(t))));
  if (verbAt < 0) return false;
  const prep = tokens.indexOf(r.preposition, verbAt + 1);
  if (prep < 0 || prep - verbAt > 4) return false;
  const after = tokens.slice(prep + 1, prep + 4).filter((t) => !/^(?:des?|les?|la|l|un|une|postes?)$/.test(t));
  return after.length > 0 && after[0] !== r.allowed && !after.includes(r.allowed);
}

/** The contradiction of `sentence` with the context, as a short quote of the context's clause, or null. */
function againstContext(sentence: string, clauses: string[], source: ReturnType<typeof toSource>): string | null {
  const stated = withoutReferences(withoutNotes(sentence));
  for (const r of restrictions(clauses)) if (polarityClauses(stated).some((c) => breaks(r, c))) return short(r.clause);
  const opposite = contradicted(stated, [source]);
  if (!opposite) return null;
  // Only what the context says of the sentence's own subject: the clause it contradicts shares its subject words.
  const clause = clauses.find((c) => fold(c).includes(fold(opposite).replace(/…$/u, "").trim().slice(0, 30)));
  if (clause) {
    const verbAt = clause.search(/(?<!\p{L})(?:ne|n['’])/u);
    const subject = contentWords(verbAt > 0 ? clause.slice(0, verbAt) : clause);
    if (subject.length && !sameSubject(subject, stated)) return null;
  }
  return opposite;
}

/**
 * A document's verification with the sentences that contradict the user's context marked unsupported, the context's
 * clause quoted (added to the reasons of a sentence already unverified: « Linux n'est pas nommé » says less than the
 * context it contradicts). Unchanged without a context.
 */
export function contextContradictions(verification: Verification, context: string | undefined): Verification {
  if (!context?.trim()) return verification;
  const clauses = sentencesOf(context).flatMap(clausesOf);
  // A restriction (« ne fonctionne que sous Windows ») has no negation word: read for polarity, it would affirm what a
  // sentence denies (« ne fonctionne pas sous Linux »). It is checked by its own form only.
  const source = toSource(
    null,
    clauses
      .filter((c) => !RESTRICTED.test(c))
      .map((c) => (/[.!?…]$/u.test(c) ? c : `${c}.`))
      .join(" "),
  );
  let changed = false;
  const sentences = verification.sentences.map((s): SentenceCheck => {
    if (s.status === "no-claim") return s;
    const quote = againstContext(s.text, clauses, source);
    if (!quote) return s;
    changed = true;
    return {
      ...s,
      status: s.status === "invalid-citation" ? s.status : "unsupported",
      reasons: [...s.reasons, message("verify.contextContradicted", { quote })],
    };
  });
  return changed ? verificationOf(sentences) : verification;
}
