/**
 * What a « combien de <nom> <verbe> … ? » question counts, for the sentences « En bref » weighs: those who do what the
 * verb says. « Combien d'agents utilisent Visio ? » counts Visio's users: « Visio comptait 40 000 utilisateurs »
 * answers it, « la Caisse fait passer ses 80 000 agents à Visio » gives the size of an organisation, a true figure of
 * another thing. A figure's counted noun is the word after it; the verb meets it by their common start (« utilisent »
 * / « utilisateurs », « adhèrent » / « adhérents »). Words as data: `i18n/fr/counted-doers.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { stem } from "./french.ts";

const SECTIONS = wordListSections("counted-doers.txt");
const set = (name: string) => new Set((SECTIONS.get(name) ?? []).flatMap((l) => fold(l).split(/\s+/)));
const NOT_VERB = set("pas un verbe");
/** Endings of a noun or an adverb in « -ent » (« renouvellement », « également »): not a verb. */
const NOT_VERB_ENDINGS = [...set("pas une fin de verbe")];
/** Words between a figure and the noun it counts (« 1,2 million d'enseignants »). */
const MULTIPLIERS = set("multiplicateurs");
/** Endings that, after a verb's root, name its doers (« utilis » + « ateurs »). */
const DOER_ENDINGS = [...set("noms des faiseurs")];

/** Letters a verb and a noun share at their start for the noun to name the verb's doers (« utilis »). */
const SHARED_START = 5;
/** Words after the counted noun where the question's verb is looked for (« agents de l'État utilisent »). */
const VERB_AFTER = 4;
/** Words after a figure where its counted noun is looked for (« 40 000 utilisateurs réguliers »). */
const COUNT_REACH = 2;

const words = (text: string) =>
  fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The noun and the verb a « combien de <nom> <verbe> » question counts by; null when it writes no such verb. */
export function countedDoers(question: string): { noun: string; verb: string } | null {
  const list = words(question);
  const at = list.findIndex(
    (w, i) => (w === "combien" || w === "nombre") && (list[i + 1] === "de" || list[i + 1] === "d"),
  );
  if (at < 0) return null;
  const noun = list[at + 2];
  // The verb after the noun and its complement (« combien d'agents de l'État utilisent … »): plural (« utilisent »,
  // « adhèrent »), not a name (« postes Windows »).
  const verb = list
    .slice(at + 3, at + 3 + VERB_AFTER)
    .find(
      (w) =>
        w.length > SHARED_START &&
        !NOT_VERB.has(w) &&
        /(?:ent|ont)$/.test(w) &&
        !NOT_VERB_ENDINGS.some((e) => w.endsWith(e)),
    );
  if (!noun || !verb) return null;
  return { noun, verb };
}

/** Shortest root of a verb that names its doers with an ending (« utilis », « adher »). */
const MIN_ROOT = 4;

/**
 * The nouns that may name a plural verb's doers, as a passage writes them: its root (the verb less « ent », « ont »)
 * with each ending of `[noms des faiseurs]` (« utilisent » → « utilisateurs », « adhérent » → « adherents »), folded.
 * @example doerNouns("participent").includes("participants") // true
 */
export function doerNouns(verb: string): string[] {
  const root = fold(verb).replace(/(?:ent|ont)$/, "");
  return root.length < MIN_ROOT ? [] : DOER_ENDINGS.map((e) => `${root}${e}`);
}

/**
 * The stems of the nouns naming the doers a question counts (« utilisateurs » for « combien d'agents utilisent … »), none
 * when it counts no doers: a quotation shows the figure of those first.
 */
export function doerStems(question: string): string[] {
  const asked = countedDoers(question);
  return asked ? doerNouns(asked.verb).map(stem) : [];
}

const sharedStart = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/** Words before a figure where the question's verb says it counts its doers (« utilisé par 40 000 agents »). */
const VERB_REACH = 4;

/**
 * How a sentence's figures fit what the question counts: 1 when one counts the verb's doers (« 40 000
 * utilisateurs », « utilisé par 40 000 agents » for « combien d'agents utilisent »), -1 when its figures of the
 * counted noun count something else (« ses 80 000 agents », « 1 million d'euros pour 100 000 agents »), else 0.
 */
export function countedFit(question: string, sentence: string): number {
  const asked = countedDoers(question);
  if (!asked) return 0;
  const list = words(sentence);
  const doing = (w: string) => sharedStart(w, asked.verb) >= SHARED_START;
  let other = false;
  for (let i = 0; i < list.length; i++) {
    if (!/^\d/.test(list[i]!)) continue;
    // A figure written with spaces (« 40 000 ») is one figure: its last group is followed by the noun.
    let j = i;
    while (/^\d{3}$/.test(list[j + 1] ?? "")) j++;
    // (« 1,2 million d'enseignants »: its decimals and « million de » before the noun counted.)
    let k = j + 1;
    if (/^\d{1,2}$/.test(list[k] ?? "") && MULTIPLIERS.has(list[k + 1] ?? "")) k++;
    while (MULTIPLIERS.has(list[k] ?? "")) k++;
    const after = list.slice(k, k + COUNT_REACH);
    if (after.some(doing)) return 1;
    if (after[0] && sharedStart(after[0], asked.noun) >= Math.min(SHARED_START, asked.noun.length - 1)) {
      if (list.slice(Math.max(0, i - VERB_REACH), i).some(doing)) return 1;
      other = true;
    }
    i = j;
  }
  return other ? -1 : 0;
}
