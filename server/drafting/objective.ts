/**
 * The objective a DSI writes in a roadmap's « Objectif » section is the collectivité's choice, not a fact to find in
 * passages (trial12 B1: « … à 50 % d'ici décembre 2028 [non vérifié] » while the calendar kept 60 % and the plan
 * adopted from it took 60 %). `statedObjective` reads it from the edited text; the edit then makes it the roadmap's
 * target (`drafts.ts`): the calendar, the phases and what the target requires are computed again for it.
 */
import { fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";

/** Words naming the objective (`i18n/fr/objective-words.txt`), folded. */
const OBJECTIVE_WORDS = new Set(wordListLines("objective-words.txt").map((w) => fold(w)));

const PERCENT = String.raw`(\d{1,3}(?:[,.]\d+)?)\s*%`;
const FROM_TO = new RegExp(String.raw`\bde\s+${PERCENT}\s+à\s+${PERCENT}`, "u");
const ANY = new RegExp(PERCENT, "gu");
const num = (s: string) => Number(s.replace(",", "."));

/**
 * The objective a text states, in percent: in a sentence naming the objective, the value reached in « de 90 % à
 * 50 % », else its only percentage other than `baseline` (the measure at the start). Null when no sentence says one
 * unambiguously.
 */
export function statedObjective(text: string, baseline: number | null): number | null {
  // What the section quotes from its passages is not the collectivité's objective (« l'objectif national de … »):
  // quotations, quoted lines and sentences citing a source are left out.
  const plain = text
    .replace(/[*_`]/g, "")
    .replace(/«[^»]*»/g, " ")
    .split("\n")
    .filter((line) => !/^\s*>/.test(line))
    .join("\n");
  for (const sentence of plain.split(/(?<=[.!?;])\s+|\n+/u)) {
    if (/\[\d+\]/.test(sentence)) continue;
    const words = fold(sentence).split(/[^a-z0-9]+/);
    if (!words.some((w) => OBJECTIVE_WORDS.has(w))) continue;
    const fromTo = FROM_TO.exec(sentence);
    if (fromTo) return valid(num(fromTo[2]!));
    const values = [...new Set([...sentence.matchAll(ANY)].map((m) => num(m[1]!)))].filter((v) => v !== baseline);
    if (values.length === 1) return valid(values[0]!);
  }
  return null;
}

const valid = (v: number) => (v >= 0 && v <= 100 ? v : null);
