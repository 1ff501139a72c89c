/**
 * The collectivité a question is asked for, given by its kind and size without a name (« nis2 ça s'applique à une
 * ville de 45000 habitants ? », « pour une commune de 7 500 habitants, … »): the asker's own case, as « notre commune
 * de 12 000 habitants » is (`askedContext`). An answer repeating that size repeats the question's setting, not a claim
 * a passage must give (trial13 A11: « 45 000 » was the reason given, not the wrong year). A sentence concluding from
 * it is still checked against the passages' thresholds (`verify/asked-conclusion.ts`). What the question asks about
 * (« des communes de moins de 10 000 habitants »), a bound (« plus de 30 000 habitants ») or a named town are not a
 * setting. Kinds of collectivité: `server/i18n/fr/collectivity-kinds.txt`.
 */
import { formatInt } from "../core/text.ts";
import { withoutAbbreviations } from "../retrieval/abbreviations.ts";
import { statedPopulations } from "../retrieval/collectivity-scale.ts";
import { readSections, words } from "../retrieval/french.ts";

const SECTIONS = readSections("collectivity-kinds.txt");
const KINDS = ["commune", "intercommunalité", "département", "région"].flatMap((k) => SECTIONS.get(k) ?? []);
/** Determiners that make a kind the asker's case (« une ville », « notre commune »), folded. */
const SETTING = new Set(["une", "un", "notre", "nos", "ma", "mon", "mes"]);
/** Adjectives between the determiner and the kind (« une petite commune »), folded. */
const ADJECTIVES = new Set(["petite", "petit", "grande", "grand", "moyenne", "autre", "meme"]);

/** Whether a text gives a kind of collectivité as the asker's case (a setting determiner before it). */
function givesSetting(list: string[]): boolean {
  return KINDS.some((kind) =>
    list.some((_, i) => {
      if (!kind.every((w, j) => list[i + j] === w)) return false;
      let k = i - 1;
      while (k >= 0 && ADJECTIVES.has(list[k]!)) k--;
      return k >= 0 && SETTING.has(list[k]!);
    }),
  );
}

/**
 * The sizes a user's message gives its collectivité (« 45 000 habitants »), as texts for `VerifyOptions.asked`; its
 * chat abbreviations read in full (`abbreviations.txt`: « interco », « hab »).
 */
export function askedSetting(written: string): string[] {
  // As the question is searched: « une interco de 45000 hab » is « une intercommunalité de 45000 habitants » (trial22).
  const text = withoutAbbreviations(written);
  if (!givesSetting(words(text))) return [];
  return statedPopulations(text).map((n) => `${formatInt(n)} habitants`);
}
