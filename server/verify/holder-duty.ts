/**
 * A rule said to bind the collectivité the document is for, or the collectivités — « La commune sera soumise à NIS2 dès
 * 2027 [1] », « Cet inventaire sert aussi à NIS2, qui s'appliquera à Morne-Calbassier [3] », « La commune est tenue de
 * publier cette synthèse [1] », « Le Data Act oblige les collectivités à changer de fournisseur cloud à chaque
 * renouvellement [1] » — where no cited clause poses that obligation: one that does writes a word of duty (`duties.txt`,
 * [passage]) and what the duty bears on (the verb after « tenue de », « oblige … à », or the text one is « soumis à »,
 * or that « s'applique »), neither denied (« sans y être obligée ») nor as a mere possibility (« NIS2, qui pourrait
 * concerner environ 1 500 collectivités, impose de connaître ses fournisseurs »). The words of duty anywhere in the
 * passage (« le Data Act … s'applique depuis le 12 septembre 2025 ») do not hold it. Words:
 * `server/i18n/fr/holder-duties.txt`.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { NEGATION, polarityClauses } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { words } from "./words.ts";

const LISTS = wordListSections("holder-duties.txt");
const alt = (section: string, file = LISTS) =>
  [...(file.get(section) ?? [])]
    .map((e) => escapeRegExp(foldApostrophes(e)).replace(/\s+/g, "\\s+").replace(/'/g, "'\\s*"))
    .sort((a, b) => b.length - a.length)
    .join("|");
const DUTY_WORDS = alt("passage", wordListSections("duties.txt"));
const GIVEN = new RegExp(`(?<!\\p{L})(?:${DUTY_WORDS})`, "u");
const POSSIBLE = new RegExp(`(?<!\\p{L})(?:${alt("possibilité")})(?!\\p{L})`, "u");
const ADVERBS = "(?:(?:donc|aussi|bien|d[eé]j[aà]|[eé]galement|d[eé]sormais|alors|ainsi|toutes|tous)\\s+)*";
const BE = "(?:est|sont|sera|seront|serait|seraient|[eé]tait|[eé]taient)";
/** Up to two words that qualify the obligé before its verb (« les collectivités territoriales », « les communes rurales »). */
const QUALIFIED = "(?:\\s+\\p{L}+){0,2}?";
const HAVE = "(?:a|ont|aura|auront|aurait|auraient|avait|avaient)";

/** Letters of what the duty bears on a cited clause must write (« publi » for « publier », « publication »). */
const STEM_MAX = 6;

/** The name of the collectivité the data give (« Collectivité : Morne-Calbassier (commune ; …) »), folded. */
function ownName(facts: string[]): string | null {
  for (const f of facts) {
    const m = /(?:^|\n)\s*Collectivité\s*:\s*([^(\n;]+?)\s*(?:\(|;|\.|$)/mu.exec(f);
    if (m) return foldApostrophes(m[1]!.trim());
  }
  return null;
}

/**
 * The words by which a sentence binds the collectivité (or the collectivités) to a rule no cited clause poses, as
 * written; or null.
 */
export function holderDutyUnheld(stated: string, pool: Source[], facts: string[] = []): string | null {
  const text = foldApostrophes(stated);
  if (NEGATION.test(stated)) return null;
  const name = ownName(facts);
  const holder = `(?:${alt("obligés")}${name ? `|${escapeRegExp(name).replace(/-/g, "[\\s-]")}` : ""})`;
  // After « impose aux », « incombe aux », the obligé without its article (« incombe aux collectivités de … »).
  const bare = `(?:${alt("obligés").replace(/(^|\|)(?:la|les|notre|votre|cette)\\s\+/g, "$1")})`;
  const forms: [RegExp, "after" | "before"][] = [
    [
      new RegExp(
        `(?<!\\p{L})${holder}${QUALIFIED}\\s+${BE}\\s+${ADVERBS}(?:${alt("tenu de")})\\s+(?:de\\s+|d'\\s*)(\\p{L}+)`,
        "u",
      ),
      "after",
    ],
    [
      new RegExp(
        `(?<!\\p{L})${holder}${QUALIFIED}\\s+${HAVE}\\s+${ADVERBS}(?:${alt("a l'obligation de")})\\s+(?:de\\s+|d'\\s*)(\\p{L}+)`,
        "u",
      ),
      "after",
    ],
    [
      new RegExp(
        `(?<!\\p{L})${holder}\\s+${BE}\\s+${ADVERBS}(?:${alt("soumis à")})\\s+(?:a|aux?)\\s+(?:la\\s+|le\\s+|l'\\s*)?([\\p{L}\\d]+)`,
        "u",
      ),
      "after",
    ],
    [
      new RegExp(
        `(?<!\\p{L})(?:${alt("oblige")})\\s+(?:${holder}|${bare})${QUALIFIED}\\s+(?:a|de|d')\\s*(\\p{L}+)`,
        "u",
      ),
      "after",
    ],
    [
      new RegExp(
        `(?<!\\p{L})([\\p{L}\\d]+)(?:\\s*,\\s*qui)?\\s+(?:${alt("s'applique")})\\s+${ADVERBS}(?:a|aux)\\s+${holder}(?!\\p{L})`,
        "u",
      ),
      "before",
    ],
  ];
  for (const [form] of forms) {
    const m = form.exec(text);
    if (!m) continue;
    // « Rien n'oblige la commune à … », « Aucune loi n'oblige … »: denied, right before the verb.
    if (/(?<!\p{L})(?:ne|n')\s*$/u.test(text.slice(0, m.index))) continue;
    const object = m[1]!;
    const key = object.slice(0, Math.min(STEM_MAX, Math.max(3, object.length - 1)));
    const bears = (clause: string) => words(clause).some((w) => w.startsWith(key));
    const held = pool.some((src) =>
      src.sentences.some((ss) =>
        polarityClauses(ss.text).some((c) => {
          const f = foldApostrophes(c);
          return GIVEN.test(f) && bears(c) && !NEGATION.test(c) && !POSSIBLE.test(f);
        }),
      ),
    );
    if (held) continue;
    return text.length === stated.length ? stated.slice(m.index, m.index + m[0].length) : m[0];
  }
  return null;
}
