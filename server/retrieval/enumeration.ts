/**
 * Questions that ask for a list (« Quelles communes sont passées au logiciel libre ? », « Des exemples… ? »): the
 * answer should name several documents rather than two passages of one (data: `server/i18n/fr/enumeration.txt`).
 */
import { readFileSync } from "node:fs";
import { words } from "./french.ts";

const [START, ANYWHERE] = readFileSync(new URL("../i18n/fr/enumeration.txt", import.meta.url), "utf8")
  .split(/^\[partout\]$/m)
  .map(
    (part) =>
      new Set(
        part
          .split("\n")
          .filter((l) => !l.startsWith("#") && !l.startsWith("["))
          .flatMap((l) => words(l)),
      ),
  ) as [Set<string>, Set<string>];

/** Whether a question asks for a list of things (plural « Quels », « Quelles », « exemples »). */
export function asksForList(question: string): boolean {
  const list = words(question);
  return (list.length > 0 && START.has(list[0]!)) || list.some((w) => ANYWHERE.has(w));
}
