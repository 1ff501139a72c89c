/**
 * A local fact the collectivité vouches for (trial16 C24): a sentence of a draft that no passage carries (« Objectif
 * (Alice) : 40 % en juin 2029, validé en bureau communautaire. ») stays « [non vérifié] » for the verifier — rightly —,
 * but a person may attest it as a fact of their own collectivité. It is then neither « vérifié » (sourced) nor « non
 * vérifié »: its status is `attested`, with who and when, and every rendering prints « [fait local, attesté par Alice
 * le 7 décembre 2026] ».
 *
 * Rules:
 * - only a sentence flagged because something in it is found nowhere (a figure, a name, its words: `ABSENCE_REASONS`)
 *   may be attested; never one with an invalid citation, nor one a passage contradicts or gives otherwise (« le
 *   passage cité dit le contraire », a figure given for something else, a qualification lost…): that one is to be
 *   corrected, not vouched for. Its flagged figures go with it (a figure the corpus qualifies forbids it too); nor one
 *   stating what a law or a national body imposes (`national-rule.ts`, trial22 T-M12);
 * - the attestation is kept with the section (`DraftSection.attestations`), by the sentence's text: a later check of
 *   the section (another sentence edited) finds it again while the sentence is the same, and it is lost as soon as its
 *   text changes (its words, figures or punctuation; spaces aside);
 * - the verifier's own reasons stay on the sentence: an attestation says who vouches, it never hides why.
 */
import { AppError } from "../core/errors.ts";
import { escapeRegExp, frenchDate, localDay } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { type SentenceCheck, verificationOf } from "../verify/index.ts";
import { nationalRule } from "./national-rule.ts";
import type { Attestation, DraftSection, FigureFlag } from "./types.ts";

/** The reasons that say only that something is found nowhere: what a local fact's sentence gets. */
const ABSENCE_REASONS = [
  "verify.figureNotFound",
  "verify.nameNotFound",
  "verify.wordsNotFound",
  "verify.appendedUnsaid",
  "verify.reasonUnsaid",
  "drafts.figureNotFound",
];

/** Each absence reason as a pattern of its French text, its placeholders open. */
const ABSENCE = ABSENCE_REASONS.map(
  (key) => new RegExp(`^${escapeRegExp(message(key)).replace(/\\\{\w+\\\}/g, "[\\s\\S]+?")}$`, "u"),
);

const isAbsence = (reason: string) => ABSENCE.some((p) => p.test(reason));

/**
 * An act of the collectivité its data do not say (`own-acts.ts`): not to be vouched for as it stands, but the way
 * through is the document's context, where the act is written with its date (trial24 T-L6).
 */
const OWN_ACT = new RegExp(
  `^${escapeRegExp(message("verify.ownActUnsaid")).replace(/\\\{\w+\\\}/g, "[\\s\\S]+?")}$`,
  "u",
);

/** A sentence's text as attestations are matched: spaces aside, nothing changed. */
export const attestedKey = (text: string) => text.replace(/\s+/g, " ").trim();

/** The flags of a section a sentence holds: its figures, and a claim it states. */
const flagsIn = (sentence: string, flags: FigureFlag[]) =>
  flags.filter((f) =>
    f.claim ? sentence.includes(f.figure) || f.figure.includes(sentence) : sentence.includes(f.figure),
  );

/**
 * Why a sentence may not be attested (a French reason), or null when it may: flagged (`unsupported`) only because
 * something in it is found nowhere.
 */
export function notAttestable(s: SentenceCheck, flags: FigureFlag[]): string | null {
  // A verification saved long ago may lack its lists: read as empty.
  if (s.status === "invalid-citation" || s.invalidCitations?.length) return message("drafts.attest.invalidCitation");
  if (s.status !== "unsupported" && s.status !== "attested") return message("drafts.attest.notFlagged");
  if (!s.reasons?.length) return message("drafts.attest.noReason");
  const national = nationalRule(s.text);
  if (national) return message("drafts.attest.national", { words: national });
  const reasons = [...s.reasons, ...flagsIn(s.text, flags).map((f) => (f.qualifier ? "" : f.reason))];
  const other = reasons.find((r) => !isAbsence(r));
  if (other && OWN_ACT.test(other)) return message("drafts.attest.ownAct", { reason: other });
  if (other !== undefined) return message("drafts.attest.contradicted", { reason: other || s.reasons[0]! });
  return null;
}

/**
 * The section with its attestations applied to its verification: each sentence attested (still the same text, and
 * still attestable) is `attested`, holding the section's flags it covers; the others are as the verifier left them.
 * Attestations whose sentence is gone are dropped. Applying it again (after an attestation is added or withdrawn) first
 * gives back what the section's attestations took.
 */
export function withAttestations(
  section: DraftSection,
  /** The attestations to apply: by default those the section keeps (a new check of its text). */
  attestations: Attestation[] = section.attestations ?? [],
): DraftSection {
  if (!section.verification) return section;
  // Back to the verifier's result: each attested sentence unsupported again, the flags its attestation holds back in
  // the section (a verification just computed has none attested: nothing to give back).
  const applied = new Set(
    section.verification.sentences.filter((s) => s.status === "attested").map((s) => attestedKey(s.text)),
  );
  let flags = [
    ...section.flags,
    ...(section.attestations ?? []).filter((a) => applied.has(attestedKey(a.text))).flatMap((a) => a.flags ?? []),
  ];
  let sentences: SentenceCheck[] = section.verification.sentences.map((s) => {
    if (s.status !== "attested") return s;
    const { attestation: _, ...rest } = s;
    return { ...rest, status: "unsupported" };
  });
  const kept: Attestation[] = [];
  for (const a of attestations) {
    const key = attestedKey(a.text);
    const i = sentences.findIndex((s) => attestedKey(s.text) === key);
    if (i < 0 || kept.some((k) => attestedKey(k.text) === key)) continue;
    const s = sentences[i]!;
    if (notAttestable(s, flags)) continue;
    // A figure flagged here and in another sentence not attested stays flagged; one only here goes with the sentence.
    const others = sentences.filter((o, j) => j !== i && o.status !== "attested").map((o) => o.text);
    const covered = flagsIn(s.text, flags).filter((f) => !others.some((o) => flagsIn(o, [f]).length));
    flags = flags.filter((f) => !covered.includes(f));
    sentences = sentences.map((x, j) =>
      j === i ? { ...x, status: "attested", attestation: { by: a.by, at: a.at } } : x,
    );
    kept.push({ text: a.text, by: a.by, at: a.at, ...(covered.length ? { flags: covered } : {}) });
  }
  const verification = verificationOf(sentences);
  const attested = kept.length;
  const { attestations: _, ...rest } = section;
  return {
    ...rest,
    flags,
    verification: { ...verification, counts: { ...verification.counts, ...(attested ? { attested } : {}) } },
    ...(kept.length ? { attestations: kept } : {}),
  };
}

/**
 * The section with `sentence` attested by `by` now, or — `withdraw` — its attestation withdrawn; a French 404 when the
 * section has no such sentence, a French 422 when it may not be attested (`notAttestable`) or was not.
 */
export function attestSentence(
  section: DraftSection,
  sentence: string,
  by: string,
  at: string,
  withdraw = false,
): DraftSection {
  const key = attestedKey(sentence);
  const found = section.verification?.sentences.find((s) => attestedKey(s.text) === key);
  if (!found)
    throw new AppError("sentence_not_found", message("drafts.attest.notFound", { title: section.title }), 404);
  const others = (section.attestations ?? []).filter((a) => attestedKey(a.text) !== key);
  if (withdraw) {
    if (found.status !== "attested") throw new AppError("not_attested", message("drafts.attest.notAttested"), 422);
    return withAttestations(section, others);
  }
  if (found.attestation)
    throw new AppError(
      "already_attested",
      message("drafts.attest.already", { by: found.attestation.by, date: frenchDate(localDay(found.attestation.at)) }),
      409,
    );
  const why = notAttestable(found, section.flags);
  if (why) throw new AppError("not_attestable", why, 422);
  return withAttestations(section, [...others, { text: found.text, by, at }]);
}
