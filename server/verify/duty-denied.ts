/**
 * « Comme les ministères, l'agglomération doit formaliser ce plan d'ici l'automne 2026 [4] » where [4] says the
 * decisions « n'obligent pas les collectivités territoriales » (trial13 A12): a duty said of a collectivité of some
 * kind (its subject holds a class word: « l'agglomération », « les communes ») that a sentence of the cited passage
 * says is not bound (`claim-not-binding.txt`, followed by a class that holds it). A passage that sets apart a part of
 * the class by a figure (« aux communes de moins de 3 500 habitants ») does not say it of every collectivité of that
 * kind: left alone. Words: `server/i18n/fr/claim-must.txt`.
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { after, classWords, covers, DENYING_SUBJECT, type Read } from "./against.ts";

let must: RegExp | null = null;
const mustPattern = () =>
  (must ??= new RegExp(
    `(?<!\\p{L})(?:${wordListLines("claim-must.txt")
      .map((l) => escapeRegExp(fold(l)).replace(/['’]/g, "['’]\\s*").replace(/\s+/g, "\\s+"))
      .sort((a, b) => b.length - a.length)
      .join("|")})(?!\\p{L})`,
    "u",
  ));

/** The passage's sentence that says the kind of collectivité a duty is said of is not obliged, or null. */
export function dutyDenied(claim: string, passages: Read[], notBinding: RegExp): string | null {
  const folded = fold(claim);
  const m = mustPattern().exec(folded);
  if (!m) return null;
  const subject = claim.slice(0, m.index);
  // The subject the duty is said of: the last clause before the verb (« Comme les ministères, l'agglomération »).
  const own = subject.split(/[,;:]/u).at(-1) ?? subject;
  const claimed = classWords(own);
  if (!claimed.length || DENYING_SUBJECT.test(own)) return null;
  for (const p of passages)
    for (const s of p.sentences) {
      const text = fold(s.text);
      for (const n of text.matchAll(notBinding)) {
        const bearing = after(text, n).split(/\s+/).slice(0, 8).join(" ");
        if (/\d/.test(bearing)) continue;
        if (classWords(bearing).some((c) => claimed.some((k) => covers(c, k)))) return s.text;
      }
    }
  return null;
}
