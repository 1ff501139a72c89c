/**
 * « La loi X ne s'applique pas aux données hébergées en France », « X ne s'applique qu'aux serveurs situés aux
 * États-Unis »: a law said to stop at where the data are stored, against a sentence of a passage about X (X named in
 * it, in what its pronouns stand for, or in the passage's heading) that says the place changes nothing (« même
 * lorsqu'elles sont stockées hors des États-Unis », « Le lieu de stockage … ne change rien »). Words:
 * `server/i18n/fr/claim-storage-place.txt`, with the « ne s'applique pas » of `claim-not-binding.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { namesSubject, phrasePattern, type Read } from "./against.ts";

let lists: { limits: RegExp; place: RegExp; indifferent: RegExp } | null = null;
const patterns = () => {
  if (!lists) {
    const sections = wordListSections("claim-storage-place.txt");
    const of = (s: string) => sections.get(s) ?? [];
    lists = {
      limits: phrasePattern([...of("seulement"), ...wordListLines("claim-not-binding.txt")]),
      place: phrasePattern(of("lieu")),
      indifferent: phrasePattern(of("indifférent")),
    };
  }
  return lists;
};
const has = (re: RegExp, text: string) => {
  re.lastIndex = 0;
  return re.test(text);
};

/** The sentence of a passage about the claim's law that says where the data are stored changes nothing, or null. */
export function placeAgainst(claim: string, passages: Read[]): string | null {
  const w = patterns();
  const folded = fold(claim);
  w.limits.lastIndex = 0;
  const m = w.limits.exec(folded);
  if (!m) return null;
  // The place is what the limit bears on, in its clause (« … aux données hébergées en France »).
  const bearing = folded.slice(m.index + m[0].length).split(/[,;:.()!?]/u)[0]!;
  if (!has(w.place, bearing)) return null;
  const subject = claim.slice(0, m.index);
  for (const p of passages)
    for (const s of p.sentences) {
      if (!namesSubject(s.about, subject) && !namesSubject(p.heading, subject)) continue;
      const text = fold(s.text);
      if (has(w.indifferent, text) && has(w.place, text)) return s.text;
    }
  return null;
}
