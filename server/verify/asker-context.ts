/**
 * What the asker says of their own collectivité in the question is a context the answer must not contradict, as the
 * context typed for a document is (`context-contradiction.ts`; trial25 T-H2). Read on the form:
 * - the question says an act done in the first person (« nous avons déjà migré la messagerie », « on a quitté
 *   gmail »): a subject of the first person, an auxiliary, a participle, what it was done to, read with the rest of
 *   who asks (`readAsker`, `server/retrieval/asker/acts.ts`);
 * - an answer's sentence about the asker (« Votre commune », « Vous », « Elle ») that says they did nothing (« n'a
 *   encore rien fait »), or did not do that act (« vous n'avez pas encore migré »), or that tells them to do it
 *   (« Il faut d'abord quitter Gmail »: the same verb, and a word of what it was done to) says the contrary;
 * - a sentence denying any risk (« Vous pouvez l'utiliser sans risque ») citing a catalogue card that gives the product
 *   an exposure to a foreign law (« Exposition : loi chinoise sur le renseignement national ») is not what the card
 *   says, however short it is.
 * Sentences are re-judged after the other checks, whatever their status (a short one is « no-claim »). The answer's
 * words: `server/i18n/fr/answer-to-asker.txt`.
 */
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { type AskerAct, alternation, readAsker } from "../retrieval/asker/index.ts";
import { stem } from "../retrieval/french.ts";
import { type SentenceCheck, type Verification, type VerifyPassage, verificationOf } from "./index.ts";
import { namesOf } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import { bagOf, contentWords, inBag } from "./words.ts";

const LISTS = wordListSections("answer-to-asker.txt");
const f = (s: string) => fold(s).replace(/’/g, "'");
const alt = (section: string) => alternation(LISTS, section);

const TO_ASKER = new RegExp(
  `^\\s*(?:(?:mais|or|donc|pourtant|en fait|et)\\s*,?\\s*)?(?:${alt("destinataire")})(?!\\p{L})`,
  "u",
);
const NOTHING = new RegExp(`(?<!\\p{L})(?:ne|n')\\s*(?:\\p{L}+\\s+){0,2}?(?:${alt("négation totale")})(?!\\p{L})`, "u");
const NOT_DONE =
  /(?<!\p{L})(?:ne|n')\s*(?:avez|a|avons|etes|est|sommes|ont)\s+(?:toujours\s+)?(?:pas|jamais)\s+(?:encore\s+|toujours\s+|vraiment\s+)?(\p{L}{4,})/u;
const TO_DO = new RegExp(
  `(?<!\\p{L})(?:${alt("devoir")})\\s+(?:(?:${alt("entre")})\\s+)*(\\p{L}{4,}er)(?!\\p{L})((?:\\s+[^,;.!?]*)?)`,
  "gu",
);
const NO_RISK = new RegExp(
  `(?<!(?:${alt("négations du risque nié")})\\s+)(?<!\\p{L})(?:${alt("risque nié")})(?!\\p{L})`,
  "u",
);
const LEAVING = (LISTS.get("pas un usage") ?? []).map((e) => f(e));
/** A catalogue card's exposure line (« Exposition : loi chinoise … »), not « Pas d'exposition connue ». */
const EXPOSURE = /(?<!\p{L})Exposition(?:\s+à\s+des\s+lois\s+extra-européennes)?\s*:\s*([^.\n]+)/u;

/** Whether what an answer tells the asker to do is done to what their act was done to (its first content words). */
const sameObject = (act: AskerAct, rest: string) => {
  const object = contentWords(act.object).slice(0, 4);
  if (object.length === 0) return true;
  const bag = bagOf(rest);
  return object.some((w) => inBag(w, bag));
};

/** Why a sentence of the answer says the contrary of the asker's acts, or null. */
function againstAsker(sentence: string, acts: readonly AskerAct[]): string | null {
  if (acts.length === 0) return null;
  const s = f(withoutReferences(sentence).replace(/\[\d+\]/g, " "));
  const toAsker = TO_ASKER.test(s);
  if (toAsker && NOTHING.test(s)) return message("verify.askerDenied", { said: acts[0]!.said });
  const not = toAsker ? NOT_DONE.exec(s) : null;
  if (not) {
    const act = acts.find((a) => a.verb === stem(not[1]!));
    if (act) return message("verify.askerDenied", { said: act.said });
  }
  for (const m of s.matchAll(TO_DO)) {
    const act = acts.find((a) => a.verb === stem(m[1]!) && sameObject(a, m[2] ?? ""));
    if (act) return message("verify.askerDone", { said: act.said });
  }
  return null;
}

/** The exposure a cited card gives, when a sentence denies any risk of what it names, or null. */
function riskAgainstExposure(sentence: string, cited: string[]): string | null {
  const folded = f(sentence);
  if (!NO_RISK.test(folded)) return null;
  if (folded.split(/[^\p{L}]+/u).some((w) => LEAVING.some((l) => w.startsWith(l)))) return null;
  const names = namesOf(withoutReferences(sentence)).map((n) => f(n));
  for (const text of cited) {
    const exposure = EXPOSURE.exec(text)?.[1]?.trim();
    if (!exposure) continue;
    const card = f(text);
    if (names.every((n) => card.includes(n))) return exposure;
  }
  return null;
}

/** The verification with the sentences that contradict what the asker says of their own collectivité re-judged. */
export function askerContradictions(
  verification: Verification,
  question: string,
  passages: VerifyPassage[],
): Verification {
  const { acts } = readAsker(question);
  let changed = false;
  const sentences = verification.sentences.map((s): SentenceCheck => {
    if (s.status === "invalid-citation") return s;
    const cited = passages.filter((p) => s.citations.includes(p.n)).map((p) => p.text);
    const exposure = cited.length > 0 ? riskAgainstExposure(s.text, cited) : null;
    const reason =
      againstAsker(s.text, acts) ??
      (exposure
        ? message("verify.riskAgainstExposure", {
            where: message(cited.length > 1 ? "verify.whereCitedMany" : "verify.whereCited"),
            exposure,
          })
        : null);
    if (!reason || s.reasons.includes(reason)) return s;
    changed = true;
    return { ...s, status: "unsupported", reasons: [...s.reasons, reason] };
  });
  return changed ? verificationOf(sentences) : verification;
}
