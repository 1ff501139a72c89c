/**
 * « de X à Y » after a verb of change (« ESET PROTECT est passé de 0 à 111 installations »): a value then another, not
 * a range whose bound a sentence would keep alone (« Jitsi Meet compte désormais 24 installations » from « Jitsi Meet
 * est passé de 0 à 24 installations », faithful-blind-18). Words: `server/i18n/fr/change-from.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListEntries } from "../i18n/word-lists.ts";

const VERBS = wordListEntries("change-from.txt").map((w) => fold(w));
const CHANGE_BEFORE = new RegExp(`(?<!\\p{L})(?:${VERBS.join("|")})\\s+(?:\\p{L}+\\s+){0,2}?de\\s+$`, "u");

/** Whether the text before `at` (where « X à Y », or « à Y » after X, is written) says a change from X. */
export function changeFrom(text: string, at: number): boolean {
  const before = fold(text.slice(Math.max(0, at - 60), at));
  // From the start of « de X à … » when `at` is Y's place (« de 0 à » before it).
  const head = before.replace(/\d[\d\s\u00a0\u202f.,]*(?:%\s*)?(?:\p{L}+\s+)?a\s*$/u, "");
  return CHANGE_BEFORE.test(head) || CHANGE_BEFORE.test(before);
}
