/**
 * A conclusion the model draws for the commune from the facts it cites (faithful-blind-15: « Son remplacement n'est
 * donc pas une priorité pour réduire les dépendances de la commune [1] », « Une mairie peut donc préparer ce choix
 * avant sa prochaine échéance [1] »): no source writes it, so its words are not in the passage, yet it invents nothing.
 * It is shown as the model's inference (status `inference`, « déduction du modèle »), neither as a sourced fact nor
 * as an unverified one, when:
 * - it is written as a conclusion for the commune (`server/i18n/fr/inference.txt`: a connective with the commune as
 *   subject and « peut », or a judgement of priority, or a sentence opened on the commune; or advice, « il vaut
 *   mieux »);
 * - it cites a passage, and the only reason the checks found is that its words are not in what it cites: its figures,
 *   dates and names are there (a sentence with a figure gets no words check: found, it is supported), and no check
 *   found it contradicting, overstating or misplacing what the passage says;
 * - it draws no legal conclusion and no sweeping one (« n'a donc aucune obligation », « est donc interdit », « ne
 *   présente donc aucun risque »: `[jamais]`, read without what nuances instead of asserting, « pas seulement »:
 *   `[nuances]`), which stay checked as claims.
 * faithful-blind-16 added judgements whatever their subject (« Le garder ne crée donc pas de dépendance », « Un siège
 * en France ne suffit donc pas à … », « est donc le moment de », « relèverait donc surtout de ») and what the commune
 * reduces (« Une commune qui auto-héberge Grist réduit donc son exposition »).
 */
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { judgesAnAction } from "./action-judgement.ts";
import { concludesByForm } from "./conclusion-form.ts";
import type { SentenceCheck, SentenceStatus } from "./index.ts";
import { withoutReferences } from "./sentences.ts";
import { contentWords } from "./words.ts";

const SECTIONS = wordListSections("inference.txt");

/** Entries of a section as an alternation on folded text, a blank standing for any spacing. */
const alternation = (section: string) =>
  [...(SECTIONS.get(section) ?? [])]
    .sort((a, b) => b.length - a.length)
    .map((e) =>
      fold(e)
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace(/['’]\s*/g, "['’]\\s*")
        .replace(/\s+/g, "\\s+"),
    )
    .join("|");

/** A whole phrase of a section, on folded text. */
const phrase = (section: string) => new RegExp(`(?<![\\p{L}'’])(?:${alternation(section)})(?!\\p{L})`, "u");

let lists: {
  connective: RegExp;
  connectiveWord: RegExp;
  subject: RegExp;
  judgement: RegExp;
  advice: RegExp;
  frame: RegExp;
  never: RegExp;
  sweeping: RegExp;
  obligation: RegExp;
  nuance: RegExp;
} | null = null;

const patterns = () =>
  (lists ??= {
    connective: phrase("connecteurs"),
    connectiveWord: new RegExp(`(?<![\\p{L}'’])(?:${alternation("connecteurs")})(?!\\p{L})\\s*,?\\s*`, "gu"),
    // The commune as subject at the sentence's start (after a connective or « Pour une mairie, »), « peut » within
    // six words.
    subject: new RegExp(
      `^(?:(?:${alternation("connecteurs")}|${alternation("cadres")})\\s*,?\\s*)?(?:${alternation("commune")})(?!\\p{L})(?:\\s+[\\p{L}'’-]+){0,6}?\\s+(?:${alternation("peut")})(?!\\p{L})`,
      "u",
    ),
    judgement: phrase("jugements"),
    advice: phrase("conseils"),
    frame: new RegExp(`^(?:${alternation("cadres")})\\s*,`, "u"),
    // Starts of words (« oblig » for « obligation », « obligé »).
    never: new RegExp(`(?<![\\p{L}])(?:${alternation("jamais")})`, "u"),
    sweeping: new RegExp(`(?<![\\p{L}])(?:${alternation("à vérifier")})`, "u"),
    obligation: new RegExp(`(?<![\\p{L}])(?:${alternation("obligations")})`, "u"),
    nuance: new RegExp(`(?<![\\p{L}'’])(?:${alternation("nuances")})(?!\\p{L})`, "gu"),
  });

/** The sentence as the lists read it: folded, without its citations, emphasis and list marker, spaces single. */
const readable = (sentence: string) =>
  fold(withoutReferences(sentence))
    .replace(/\*\*|__/g, "")
    .replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/u, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Whether a sentence is written as a conclusion for the commune (`inference.txt`), and draws no legal or sweeping
 * one (`[jamais]`).
 * @example concludesForCommune("Une mairie peut donc préparer ce choix avant sa prochaine échéance [1].") // true
 * @example concludesForCommune("Une commune de 9 000 habitants n'a donc aucune obligation [1].") // false
 */
export function concludesForCommune(sentence: string): boolean {
  const text = readable(sentence);
  const p = patterns();
  // « pas seulement » nuances what « seul » would assert.
  if (p.never.test(text.replace(p.nuance, " "))) return false;
  if (p.advice.test(text)) return true;
  // Advice or a lesson for a commune written without a connective (`conclusion-form.ts`, faithful52).
  if (concludesByForm(text)) return true;
  // What to do, judged (« Vérifier la sauvegarde … est donc un premier pas simple »: `action-judgement.ts`, faithful53).
  if (judgesAnAction(text)) return true;
  if (!p.connective.test(text)) return false;
  // « n'est donc pas une priorité » read as « n'est pas une priorité »; the commune as subject read the same way.
  const bare = text.replace(p.connectiveWord, " ").replace(/\s+/g, " ").trim();
  return p.subject.test(text) || p.subject.test(bare) || p.judgement.test(bare) || p.frame.test(text);
}

/**
 * The legal or sweeping words (`[jamais]`) of a sentence written as a conclusion (a connective of `[connecteurs]`:
 * « Votre commune n'a donc aucune obligation de cybersécurité », « La commune est donc tenue de remettre un plan »),
 * as written; null when it is not one. Such a conclusion is the model's own, whatever words it shares with its passage.
 */
export function sweepingConclusion(sentence: string, cited: string[] = []): string | null {
  const text = readable(sentence);
  const p = patterns();
  if (!p.connective.test(text)) return null;
  // « ne suffit donc pas à » is a judgement (`[jugements]`), not « suffit à »; « suffit donc à » is « suffit à »
  // (the connective blanked, the same length: `found.index` still points into `text`).
  const found = p.sweeping.exec(
    text
      .replace(p.nuance, (m) => " ".repeat(m.length))
      .replace(/\bne\s+suffi\S*\s+(?:donc\s+)?pas\b/gu, (m) => " ".repeat(m.length))
      .replace(p.connectiveWord, (m) => " ".repeat(m.length)),
  );
  if (!found) return null;
  // Said by a cited passage: one of its sentences writes the same rule word with most of the sentence's words
  // (« Aucune loi française n'interdit donc aujourd'hui… » where the passage says « Aucune loi française n'interdit… »).
  const singular = (w: string) => w.replace(/[sx]$/u, "");
  const claim = contentWords(text.replace(p.connectiveWord, " ")).map(singular);
  // An obligation may be written with another word of its family, by a sentence naming the conclusion's subject.
  const obligation = p.obligation.test(found[0]);
  // The conclusion's subject: its first full word that is not the obligation itself (« Elle oblige à sécuriser … »).
  const subject = claim.find((w) => !p.obligation.test(w));
  const rule = obligation ? p.obligation : new RegExp(`(?<![\\p{L}])${found[0].replace(/\s+/g, "\\s+")}`, "u");
  const said = cited
    .flatMap((t) => fold(t).split(/(?<=[.!?;])\s+/))
    .some((s) => {
      if (!rule.test(s)) return false;
      const words = new Set(contentWords(s).map(singular));
      if (obligation && subject && !words.has(subject)) return false;
      return claim.filter((w) => words.has(w)).length >= Math.ceil(0.75 * claim.length);
    });
  if (said) return null;
  // The whole word (« oblig » → « obligation »), folded; across a blanked connective, the first word alone
  // (« suffit donc à » → « suffit »).
  const whole = found[0] + /^[\p{L}'’-]*/u.exec(text.slice(found.index + found[0].length))![0];
  return /\s{2,}/.test(whole) ? whole.split(/\s+/)[0]! : whole;
}

/** The start of the reason « the question's figure rightly compared » (`verify.askedCompared`). */
const comparedPrefix = () => {
  const full = message("verify.askedCompared", { figure: "\u0000", other: "", where: "" });
  return full.slice(0, full.indexOf("\u0000"));
};

/** The start of the reason « its words are not in what it cites » (`verify.wordsNotFound`) for `where`. */
const wordsPrefix = (where: string) => {
  const full = message("verify.wordsNotFound", { where, words: "\u0000" });
  return full.slice(0, full.indexOf("\u0000"));
};

/**
 * The reason a checked sentence is shown as the model's inference, or null: it concludes for the commune, cites a
 * passage, and its only reason is that its words are not in what it cites (`where`, as the reason names it).
 */
export function inferenceReason(sentence: string, cited: number[], reasons: string[], where: string): string | null {
  if (cited.length === 0 || reasons.length === 0) return null;
  const prefix = wordsPrefix(where);
  // The question's figure rightly compared with the passage's (`askedFigureCompared`): that comparison is the deduction,
  // whatever words of it the passage lacks.
  const compared = reasons.find((r) => r.startsWith(comparedPrefix()));
  if (compared) return reasons.every((r) => r === compared || r.startsWith(prefix)) ? compared : null;
  if (!reasons.every((r) => r.startsWith(prefix))) return null;
  if (!concludesForCommune(sentence)) return null;
  return message(cited.length > 1 ? "verify.inferenceMany" : "verify.inference");
}

/**
 * The status of a sentence whose reasons a later check changed (the draft's own data, the user's claims): an inference
 * stays one while its reasons are still only its own; a reason added makes it unsupported, none left supported.
 */
export function statusAfter(s: Pick<SentenceCheck, "status" | "reasons">, reasons: string[]): SentenceStatus {
  if (s.status === "invalid-citation") return s.status;
  if (reasons.length === 0) return "supported";
  if (s.status === "inference" && reasons.every((r) => s.reasons.includes(r))) return "inference";
  return "unsupported";
}

/** The reasons without the question's figure rightly compared (`verify.askedCompared`), a deduction's, not a fault. */
export const withoutCompared = (reasons: string[]) => reasons.filter((r) => !r.startsWith(comparedPrefix()));
