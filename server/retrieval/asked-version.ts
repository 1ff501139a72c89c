/**
 * A version a question asks by the word « version » (« la version 2.0 du fork européen d'onlyoffice », « la version 3
 * de visio », « secnumcloud version 3.1 ») whatever names it: a passage answers only if it writes that version — the
 * number after « version » in one of its sentences, a dotted number anywhere (« SecNumCloud 3.2 »), or the number
 * right after a word of the question (« Windows 11 » for « la version 11 de windows »). Otherwise it tells another
 * version, or the product without one (« une version 1.0 prévue à l'été 2026 » does not date a 2.0).
 */
import { fold } from "../core/text.ts";
import { STOPWORDS } from "./lexicon.ts";
import { SENTENCE, withoutReferences } from "./passage-words.ts";

/**
 * « version », then a number, dotted or not (group 1), folded; not before « de la », « de l' », « des » (« la version 2
 * de la directive nis » is NIS 2, a name the corpus writes otherwise).
 */
const VERSION = /(?<![a-z])version\s+(\d{1,3}(?:\.\d{1,3})?)(?![\d.]*\d)(?!\s+(?:de\s+la|de\s+l'|des)(?![a-z]))/g;
/** How many words apart « version » and its number stand in a passage's sentence (« la version stable 3.2 »). */
const REACH = 2;

/** The versions a question asks by the word « version », as typed (« 2.0 », « 3 »). */
export function askedVersions(question: string): string[] {
  return [...new Set([...fold(question).matchAll(VERSION)].map((m) => m[1]!))];
}

/** Words and dotted numbers of a text, folded (« SecNumCloud 3.2 » → [« secnumcloud », « 3.2 »]). */
const tokens = (text: string) => fold(text).match(/[a-z]+|\d+(?:\.\d+)*/g) ?? [];

/** Whether a passage writes a version the question asks (see the module's comment). */
export function writesVersion(
  version: string,
  question: string,
  r: { text: string; section: string; document: { title: string } },
): boolean {
  const own = new Set(tokens(question).filter((w) => /^[a-z]{3,}$/.test(w) && !STOPWORDS.has(w) && w !== "version"));
  const dotted = version.includes(".");
  const sentences = [`${r.document.title} ${r.section}`, ...withoutReferences(r.text).split(SENTENCE)];
  return sentences.some((s) => {
    const list = tokens(s);
    return list.some(
      (w, i) =>
        w === version &&
        (dotted ||
          own.has(list[i - 1] ?? "") ||
          list.slice(Math.max(0, i - REACH - 1), i).some((x) => x === "version" || x === "versions")),
    );
  });
}
