/**
 * A value asked of a body the corpus never writes (held-out-30: « quel logiciel d'état civil utilise kerbrinec »,
 * « combien d'adhérents compte lisonne numérique libre »): after the thing asked (« quel logiciel … », « combien
 * d'adhérents … ») and its verb, the verb's subject — past an article and a kind of body (« l'association … », « la
 * commune de … ») — is a word no document uses; or a kind of body and such a word open the clause, a value asked after
 * them (« la comcom de vallorgues a combien de licences »). No passage can give that body's value, whatever passages hold the
 * thing asked (`missing-name` in `relevance.ts`). Read on the clause's form; the words are data (`unknown-subject.txt`).
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { STOPWORDS } from "./lexicon.ts";

const SECTIONS = new Map(
  [...wordListSections("unknown-subject.txt").entries()].map(([k, v]) => [k, v.map((e) => words(e).join(" "))]),
);
const entries = (section: string) => SECTIONS.get(section) ?? [];
const ARTICLES = new Set(entries("article"));
const SHORT_VERBS = new Set(entries("verbe court"));
const VALUES = new Set(entries("valeur"));
/** A verb in the third person, by its ending (« utilise », « emploient »), or a short one (« a », « fait »). */
const isVerb = (w: string) => SHORT_VERBS.has(w) || (/^[a-z]{3,}(?:e|ent)$/.test(w) && !STOPWORDS.has(w));
/** Auxiliaries, before a participle rather than a subject. */
const AUXILIARIES = new Set(["a", "ont"]);

/** Folded words, apostrophes and hyphens as blanks. */
function words(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/** The words at `at` when they start with one of `list` (phrases), its length in words; 0 otherwise. */
function phraseAt(list: string[], all: string[], at: number): number {
  const found = list.find((p) => all.slice(at, at + p.split(" ").length).join(" ") === p);
  return found ? found.split(" ").length : 0;
}

/**
 * The words of `unknown` (never used by the corpus) that stand as the subject of the verb after the thing a clause
 * asks (see the module's comment); empty otherwise.
 */
export function unknownSubject(question: string, unknown: string[]): string[] {
  if (unknown.length === 0) return [];
  for (const clause of question.split(/[,;:.?!]+/)) {
    const all = words(clause);
    // « la comcom de vallorgues a combien de licences »: a kind of body and its name open the clause, a value after.
    const opening = ARTICLES.has(all[0] ?? "") ? phraseAt(entries("organisme"), all, 1) : 0;
    if (opening && ["de", "d", "du"].includes(all[opening + 1] ?? "")) {
      const subject = all[opening + 2];
      if (subject && unknown.includes(subject) && all.slice(opening + 3).some((w) => VALUES.has(w))) return [subject];
    }
    const asks = phraseAt(entries("interrogation"), all, 0);
    if (!asks) continue;
    // The thing asked (one to five words), then the verb.
    for (let k = asks + 1; k <= asks + 5 && k < all.length - 1; k++) {
      // (After « a », « ont », the participle: « quelle armée a laissé tomber Office » asks no subject of « laissé ».)
      if (!isVerb(all[k]!) || SHORT_VERBS.has(all[k - 1]!)) continue;
      let j = k + 1;
      if (ARTICLES.has(all[j]!)) j++;
      const body = phraseAt(entries("organisme"), all, j);
      if (body) {
        j += body;
        if (all[j] === "de" || all[j] === "d" || all[j] === "du") j++;
      }
      const subject = all[j];
      // (After « a », « ont », an article or a kind of body before the subject: « quel hébergeur a décroché … » has a
      // participle there. A word with digits, « nis1 », is a version, not a body.)
      if (AUXILIARIES.has(all[k]!) && j === k + 1) continue;
      if (subject && /^[a-z]+$/.test(subject) && unknown.includes(subject)) return [subject];
    }
  }
  return [];
}
