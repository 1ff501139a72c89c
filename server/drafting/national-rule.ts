/**
 * A sentence stating what a law or a national body imposes (« Cet objectif est imposé par la loi SREN à toutes les
 * intercommunalités de plus de 30 000 habitants. ») is no fact of the collectivité: attested as « fait local », a false
 * national duty would be printed vouched for (trial22 T-M12). It is checked in the sources, not vouched for. The words
 * are `server/i18n/fr/national-rule.txt`'s.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { phrasePattern } from "../verify/words.ts";

let patterns: { duty: RegExp; source: RegExp } | null = null;
function words() {
  if (!patterns) {
    const sections = wordListSections("national-rule.txt");
    const source = phrasePattern(sections.get("source nationale") ?? []);
    patterns = {
      duty: phrasePattern(sections.get("obligation") ?? []),
      source: new RegExp(`${source.source}(?![\\p{L}\\d])`, "iu"),
    };
  }
  return patterns;
}

/** The national text or body a sentence says imposes something (as folded), or null. */
export function nationalRule(sentence: string): string | null {
  const folded = fold(sentence);
  const w = words();
  if (!w.duty.test(folded)) return null;
  return w.source.exec(folded)?.[0] ?? null;
}
