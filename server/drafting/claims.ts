/**
 * What a user's context says of others (« Munich n'est jamais revenue à Windows », « Le Schleswig-Holstein a migré
 * 25 000 postes sous Linux en 2025 »), checked against the corpus like a model's sentence: each part of the claim is
 * searched for, and verified (`verifyText`, the verifier of chat answers) as if it cited the passages found about it.
 * The corpus saying the opposite, moving a figure, or calling the claim inexact makes it « non vérifié » and « à
 * vérifier », with the reason. What the user says of their own collectivité is their information, never checked
 * here (`contextClaims` leaves it out).
 */

import { isDenyingHeading } from "../answers/qualified.ts";
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordAlternation, wordListSections } from "../i18n/word-lists.ts";
import { splitSentences } from "../retrieval/passages.ts";
import { coverage, keywords } from "../retrieval/relevance.ts";
import type { Retriever, SearchResult } from "../retrieval/search.ts";
import { verdictUnheld } from "../verify/document-verdicts.ts";
import { extractFigures, type Figure } from "../verify/figures.ts";
import { ARTICLE_BEFORE, type Verification, verificationOf, verifyText, withoutNotes } from "../verify/index.ts";
import { statusAfter } from "../verify/inference.ts";
import { reasonPattern } from "../verify/own-facts.ts";
import { namesOf } from "../verify/proper-nouns.ts";
import type { FigureFlag } from "./types.ts";

/** Passages a claim is checked against: the best found for it that hold enough of its words. */
export const CLAIM_PASSAGES = 4;
export const CLAIM_COVERAGE = 0.3;
/** Passages added from a search on the claim's subject alone (`checkPart`). */
export const CLAIM_SUBJECT_PASSAGES = 2;
/** Passages added from the other sections of the page found first, which the search's cap per page set aside (`checkPart`). */
export const CLAIM_HELD_PASSAGES = 4;

/** The verb forms that open a predicate or end a subject (`i18n/fr/context-subjects.txt`), one list for both. */
const VERB_FORMS = wordAlternation(wordListSections("context-subjects.txt").get("formes verbales") ?? []);
/** A verb form that opens a predicate without its subject (« … et n'est jamais revenue », « … et a quitté »). */
const PREDICATE = new RegExp(`^(?:n['’]|s['’]|l['’]a\\s|(?:${VERB_FORMS})(?=\\s|$))`, "iu");
/** Where a clause's subject ends: its first verb form (« Munich | a économisé », « Le Schleswig-Holstein | a migré »). */
const SUBJECT_END = new RegExp(`\\s(?:n['’]|s['’]|(?:${VERB_FORMS})(?=\\s))`, "iu");
/** A new subject after « et »: a name, with or without its article (« et Lyon a quitté », « et la Gendarmerie … »). */
const NEW_SUBJECT = /^(?:(?:le|la|les|l['’])\s*)?\p{Lu}/u;

export interface ClaimPart {
  /** The part as the user wrote it (what is marked in the text). */
  text: string;
  /** What is checked: the part, with the claim's subject before a predicate that has none. */
  checked: string;
}

/**
 * The parts of a claim joined by « et » that state something of their own: « Munich a économisé 11,7 millions d'euros
 * avec Linux et n'est jamais revenue à Windows » is two claims, the second checked as « Munich n'est jamais revenue à
 * Windows »; « … et Lyon a quitté Microsoft » has its own subject. « Nextcloud et LibreOffice » stays one.
 */
export function claimParts(claim: string): ClaimPart[] {
  const pieces = claim.split(/\s+et\s+/u);
  const parts: string[] = [pieces[0]!];
  for (const piece of pieces.slice(1)) {
    if (PREDICATE.test(piece) || (NEW_SUBJECT.test(piece) && SUBJECT_END.test(` ${piece}`))) parts.push(piece);
    else parts[parts.length - 1] = `${parts.at(-1)} et ${piece}`;
  }
  const end = SUBJECT_END.exec(parts[0]!);
  const subject = end ? parts[0]!.slice(0, end.index).trim() : "";
  return parts.map((text) => ({
    text,
    checked: PREDICATE.test(text) && subject ? `${subject} ${text}` : text,
  }));
}

/** « C'est inexact », « Ce chiffre est faux », « ce qui est erroné »: the corpus refuting what it just reported. */
const REFUTATION =
  /^(?:c['’]est|ce(?:tte)?\s+(?:chiffre|affirmation|nombre|montant)\s+est|ce qui est|cela est)\s+(?:(?:donc|pourtant|en réalité|tout à fait|très)\s+)?(?:inexacte?s?|faux|fausses?|erronée?s?)(?!\p{L})/iu;
export const DATE_KINDS = new Set(["year", "month", "date", "daymonth"]);

/**
 * Figures a passage reports and then calls inexact (« … avec « 25 000 postes migrés en 2025 ». C'est inexact pour le
 * système d'exploitation : … »): each with the years of its sentence and the refuting sentence.
 */
export function refutedFigures(text: string, heading = ""): { figure: Figure; years: number[]; refutation: string }[] {
  const sentences = splitSentences(text.replace(/\s+/g, " "));
  const out: { figure: Figure; years: number[]; refutation: string }[] = [];
  // A heading that says what something is not (« … ce que la décision n'est pas (les 2,5 millions de PC) ») denies
  // the figures it names.
  if (heading && isDenyingHeading(heading)) {
    const figures = extractFigures(heading);
    const years = figures.flatMap((f) => (f.year ? [f.year] : []));
    for (const figure of figures.filter((f) => !DATE_KINDS.has(f.kind)))
      out.push({ figure, years, refutation: heading.trim() });
  }
  sentences.forEach((s, i) => {
    const next = sentences[i + 1];
    if (!next || !REFUTATION.test(next.trim())) return;
    const figures = extractFigures(s);
    const years = figures.flatMap((f) => (f.year ? [f.year] : []));
    for (const figure of figures.filter((f) => !DATE_KINDS.has(f.kind)))
      out.push({ figure, years, refutation: next.trim() });
  });
  return out;
}

const short = (s: string) => (s.length > 240 ? `${s.slice(0, 237)}…` : s);

const sameFigure = (a: Figure, b: Figure) => a.kind === b.kind && Math.abs(a.value - b.value) < 1e-9;

/** What the corpus says against one part of a claim: the verifier's reasons, and the figures it calls inexact. */
interface PartCheck {
  reasons: string[];
  refuted: { figure: string; reason: string }[];
}

/**
 * The checks of claim parts made during one generation, by the words checked (`ClaimPart.checked`): a claim the
 * document states in several sections is searched for and verified once (the corpus does not change meanwhile).
 */
export type ClaimChecks = Map<string, Promise<PartCheck>>;

async function checkPart(
  part: ClaimPart,
  retriever: Retriever,
  source: (r: SearchResult) => string,
): Promise<PartCheck> {
  const terms = keywords(part.checked);
  const { results, held } = await retriever.search(part.checked, 8);
  const found = (list: SearchResult[]) =>
    list.filter((r) => coverage(terms, `${r.document.title} ${r.section} ${r.text}`) >= CLAIM_COVERAGE);
  const about = found(results).slice(0, CLAIM_PASSAGES);
  // The page found first for the claim may say what concerns it in another section (« Les collectivités ne sont pas
  // concernées… pour l'instant », trial13 A7), which the search's two passages per page left out: its sections whose
  // title speaks of what the claim says of its subject (a word of the claim outside its names: « collectivités »).
  const first = about[0]?.document.id;
  const nameWords = new Set(namesOf(part.checked).flatMap((n) => keywords(n)));
  const said = terms.filter((t) => !nameWords.has(t) && !/^\d/.test(t));
  about.push(
    ...found(held ?? [])
      .filter((r) => r.document.id === first && coverage(said, r.section) > 0)
      .slice(0, CLAIM_HELD_PASSAGES),
  );
  // What the corpus says of the claim's subject itself (« Le CLOUD Act », « Nicolas Vivant »), which a search on all
  // the claim's words may miss for pages that share its other words (« serveurs » of product cards): the passages
  // found for its subject alone too.
  const subject = SUBJECT_END.exec(part.checked);
  const named = subject
    ? part.checked
        .slice(0, subject.index)
        .replace(/\s+ne\s*$/iu, "")
        .trim()
    : "";
  if (/\p{Lu}/u.test(named.slice(1)) || /^\p{Lu}[\p{L}-]*\s+\p{Lu}/u.test(named)) {
    const more = found((await retriever.search(named, CLAIM_SUBJECT_PASSAGES * 2)).results);
    about.push(...more.filter((r) => !about.some((a) => a.id === r.id)).slice(0, CLAIM_SUBJECT_PASSAGES));
  }
  // The passages found are one body, cited as one (« le corpus dit le contraire »), not passages the reader was given.
  const cited = about.length ? " [1]" : "";
  const v = verifyText(
    `${part.checked}${cited}.`,
    about.map((r) => ({ n: 1, text: source(r) })),
  );
  const corpus = message("drafts.claim.where");
  const reasons = v.sentences.flatMap((s) =>
    s.reasons.map((r) =>
      r
        .replaceAll(message("verify.whereCited"), corpus)
        .replaceAll(message("verify.wherePassages"), corpus)
        .replaceAll(" [1]", ""),
    ),
  );
  // The number of an article (« L'article 16 de la loi … ») names a text: it is no figure a passage could call inexact.
  const stated = extractFigures(part.checked).filter((f) => {
    const at = part.checked.indexOf(f.raw);
    return !(f.kind === "number" && at >= 0 && ARTICLE_BEFORE.test(part.checked.slice(Math.max(0, at - 16), at)));
  });
  const years = stated.flatMap((f) => (f.year ? [f.year] : []));
  const refuted: { figure: string; reason: string }[] = [];
  for (const f of stated.filter((x) => !DATE_KINDS.has(x.kind))) {
    const hit = about
      .flatMap((r) => refutedFigures(r.text, r.section))
      // A year of the claim must be one of the refuted statement's (« 25 000 postes en 2024 », on LibreOffice, is true).
      .find(
        (x) => sameFigure(x.figure, f) && (!years.length || !x.years.length || x.years.some((y) => years.includes(y))),
      );
    if (hit)
      refuted.push({
        figure: f.raw,
        reason: message("drafts.claim.refuted", { figure: f.raw, quote: short(hit.refutation) }),
      });
  }
  // A ban, a duty or an absolute the user states (« Google Analytics est interdit par la CNIL depuis 2022 », « … de
  // lire tous les courriels de la mairie », trial25 T-M7) that no passage found writes of its sort about it.
  const verdict = reasons.length
    ? null
    : verdictUnheld(part.checked, "", about.map(source), "drafts.claim.verdictUnheld");
  return { reasons: [...refuted.map((x) => x.reason), ...reasons, ...(verdict ? [verdict] : [])], refuted };
}

let ownFact: RegExp | null = null;
/** Whether a reason is what the document's map and catalog say against the sentence (`verify.ownFact`). */
const isOwnFact = (reason: string) => (ownFact ??= reasonPattern("verify.ownFact")).test(reason);

/** The first reason of a claim's checks that is about a figure (quotes it), or undefined. */
const claimReasonOf = (checks: PartCheck[], figure: string) =>
  checks.flatMap((c) => c.reasons).find((r) => quotedIn(r).includes(figure));

/** The « quoted » strings of a reason (figures, names, quotes it is about). */
const quotedIn = (reason: string) => [...reason.matchAll(/«\s*([^«»]+?)\s*»/g)].map((m) => m[1]!);

/** Share of a claim's keywords a sentence must hold, and of the sentence's the claim must hold, to restate it. */
export const RESTATED_COVERAGE = 0.75;

/**
 * The claims a text states: as the user wrote them, or restated by the model in one of its sentences (« … qualifié
 * SecNumCloud [1]. » for « … qualifié SecNumCloud depuis 2024 »), then as that sentence words it, without its
 * references — what the flags mark in the text.
 */
export function statedClaims(text: string, claims: string[], sentences: { text: string }[]): string[] {
  return claims.flatMap((claim) => {
    if (text.includes(claim)) return [claim];
    const terms = keywords(claim);
    if (terms.length < 3) return [];
    for (const s of sentences) {
      const said = s.text
        .replace(/\s*\[\d+\][\s\S]*$/u, "")
        .replace(/[.!?…]+$/u, "")
        .trim();
      if (!said || !text.includes(said)) continue;
      if (coverage(terms, said) >= RESTATED_COVERAGE && coverage(keywords(said), claim) >= RESTATED_COVERAGE)
        return [said];
    }
    return [];
  });
}

/**
 * A section's verification and flags with the claims of the user's context that its text states checked against
 * what the corpus says about them: a claim's sentence is judged on the passages about the claim (not only those the
 * section quotes), a figure the corpus calls inexact is flagged, and a claim the corpus contradicts is flagged whole.
 * A sentence that cites passages keeps what they say of it (as in a chat answer): the claim's check adds to it.
 */
export async function checkClaims(
  text: string,
  claims: string[],
  verification: Verification,
  flags: FigureFlag[],
  retriever: Retriever,
  source: (r: SearchResult) => string,
  checked: ClaimChecks = new Map(),
): Promise<{ verification: Verification; flags: FigureFlag[] }> {
  const stated = statedClaims(text, claims, verification.sentences);
  if (!stated.length) return { verification, flags };
  const checkOnce = (part: ClaimPart) => {
    let check = checked.get(part.checked);
    if (!check) {
      check = checkPart(part, retriever, source);
      checked.set(part.checked, check);
      // A search that failed is tried again by the next section, as it was before the checks were shared.
      check.catch(() => checked.delete(part.checked));
    }
    return check;
  };
  let outFlags = [...flags];
  const sentences = [...verification.sentences];
  for (const claim of stated) {
    const parts = claimParts(claim);
    const checks = await Promise.all(parts.map(checkOnce));
    const i = sentences.findIndex((s) => s.text.includes(claim));
    const inClaim = (quoted: string) => claim.includes(quoted);
    // The section's own check of these words (against the passages it quotes) gives way to the claim's.
    outFlags = outFlags
      .filter(
        (f) =>
          f.qualifier ||
          !inClaim(f.figure) ||
          checks.some((c) => c.reasons.some((r) => quotedIn(r).includes(f.figure))),
      )
      // A figure of the claim the claim's check speaks of (« présenté comme « non confirmés » ») takes that reason, not
      // the section's « absent des passages … de cette section ».
      .map((f) => {
        const reason = f.qualifier || !inClaim(f.figure) ? undefined : claimReasonOf(checks, f.figure);
        return reason ? { ...f, reason } : f;
      });
    if (i >= 0) {
      const s = sentences[i]!;
      // Uncited (the sender's words in a template), its words are the claim's to check; citing passages, the sentence
      // says they carry it, and is judged on them as in a chat answer.
      // What the document's own map says against it (« Lenovo (Hong Kong) … ») stays: the corpus does not know it.
      const kept = s.citations.length ? s.reasons : s.reasons.filter((r) => isOwnFact(r) || !quotedIn(r).some(inClaim));
      // A figure of the claim still flagged (one its passages call « non confirmé ») leaves its sentence unverified.
      const flagged = outFlags
        .filter((f) => inClaim(f.figure) && !checks.some((c) => c.reasons.some((r) => quotedIn(r).includes(f.figure))))
        .map((f) => `« ${f.figure} » : ${f.reason}`);
      const reasons = [...new Set([...kept, ...flagged, ...checks.flatMap((c) => c.reasons)])];
      sentences[i] = {
        ...s,
        reasons,
        status: statusAfter(s, reasons),
      };
    }
    parts.forEach((part, k) => {
      const check = checks[k]!;
      if (!check.reasons.length) return;
      // Already flagged inside the part (a figure the corpus says « non confirmé »): that flag says it.
      if (outFlags.some((f) => part.text.includes(f.figure))) return;
      if (check.refuted.length) {
        for (const r of check.refuted) outFlags.push({ figure: r.figure, reason: r.reason, qualifier: "inexact" });
        return;
      }
      outFlags.push({ figure: part.text, reason: check.reasons[0]!, claim: true });
    });
  }
  return { verification: verificationOf(sentences), flags: outFlags };
}

/** Letters and digits only, folded: a quotation and its passage compared whatever the spacing, Markdown and punctuation. */
const compact = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, "");

/** Whether a reason of the verifier is « le chiffre … est présenté comme … par la source, et la phrase ne le dit pas ». */
function isQualificationLost(reason: string): boolean {
  const parts = message("verify.qualificationLost", { figure: "\u0001", qualifier: "\u0001" }).split("\u0001");
  let at = 0;
  for (const part of parts) {
    const found = reason.indexOf(part, at);
    if (found < 0 || (at === 0 && found !== 0)) return false;
    at = found + part.length;
  }
  return true;
}

/**
 * A verification where the sentences of the template's quotations of passages (« > « … » [n] », or a key point « - …
 * [n] ») that are their passage's own words, fragment by fragment between « … », are taken as what they are: the
 * passage's text, never a claim to check against it (a « La » after « … » read as a name the figure is not given for).
 */
export function withQuotations(
  v: Verification,
  text: string,
  quotations: { quote: string; passage: string }[],
): Verification {
  if (!quotations.length) return v;
  const spans = quotations.flatMap(({ quote, passage }) => {
    const bare = quote.replace(/^[«"]\s*|\s*[»"]$/g, "");
    const at = text.indexOf(quote) >= 0 ? text.indexOf(quote) : text.indexOf(bare);
    if (at < 0) return [];
    return [
      { start: at, end: at + (text.indexOf(quote) >= 0 ? quote.length : bare.length), passage: compact(passage) },
    ];
  });
  let changed = false;
  const sentences = v.sentences.map((s) => {
    if (s.status !== "unsupported") return s;
    const span = spans.find((q) => s.start < q.end && s.end > q.start);
    if (!span) return s;
    const said = withoutNotes(s.text)
      .replace(/\[\d+\]/g, " ")
      .split("…")
      .map(compact)
      .filter(Boolean);
    if (!said.length || !said.every((fragment) => span.passage.includes(fragment))) return s;
    // The quotation's words are its passage's; only a qualification it left out (in the heading, or cut away) is
    // still for the reader to see.
    const reasons = s.reasons.filter(isQualificationLost);
    if (reasons.length === s.reasons.length) return s;
    changed = true;
    return { ...s, status: reasons.length ? s.status : ("supported" as const), reasons };
  });
  return changed ? verificationOf(sentences) : v;
}

/** The template's quotations a text holds (« > « … » [n] » lines, kept by an edit), each with its passage's text. */
export function quotedPassages(text: string, passages: { text: string }[]): { quote: string; passage: string }[] {
  return [...text.matchAll(/^> « (.+) » \[(\d+)\]/gmu)].flatMap((m) => {
    const passage = passages[Number(m[2]) - 1];
    return passage ? [{ quote: m[1]!, passage: passage.text }] : [];
  });
}
