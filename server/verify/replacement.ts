/**
 * An alternative given another degree of replacement than the catalog card cited gives it: « WAPT le remplace
 * directement » where the card says « WAPT (remplacement partiel, …) ». Degrees and their expressions are data
 * (`server/i18n/fr/replacement-degrees.txt`).
 */
import { escapeRegExp } from "../core/text.ts";
import { fold } from "../retrieval/french.ts";
import { NEGATION } from "./negation.ts";
import { NEGATED } from "./overstated.ts";
import type { Source } from "./source-sentences.ts";
import { wordLines } from "./words.ts";

/** What « … » stands for in an expression of the list: one to three words, no punctuation between them. */
const GAP = "(?:\\s+[^\\s,;:.()\\[\\]]+){1,3}\\s+";

/** Each degree as a card writes it, folded, with the folded expressions that state it. */
export const DEGREES: { degree: string; says: RegExp }[] = (() => {
  const out: { degree: string; phrases: string[] }[] = [];
  for (const line of wordLines("replacement-degrees.txt")) {
    const head = /^\[(.+)\]$/.exec(line);
    if (head) out.push({ degree: fold(head[1]!), phrases: [] });
    else out.at(-1)?.phrases.push(fold(line));
  }
  return out.map((d) => ({
    degree: d.degree,
    says: new RegExp(
      `(?<![\\p{L}])(?:${d.phrases
        .map((p) =>
          p
            .split(/\s*…\s*/)
            .map(escapeRegExp)
            .join(GAP),
        )
        .join("|")})(?![\\p{L}])`,
      "u",
    ),
  }));
})();

/** A card's list of alternatives or of what it replaces, each item with its degree. */
const CARD_LIST = /(?:^|\n)\s*(?:Alternatives|Remplace)\s*:\s*([^\n]+)/gu;

/**
 * The names a sentence may give a card's item by: its name, and without its maker's word when three words or more
 * (« Entra ID » for « Microsoft Entra ID », « Acrobat Sign » for « Adobe Acrobat Sign »).
 */
export function itemNames(name: string): string[] {
  const parts = name.split(/\s+/);
  const tail = parts.slice(1).join(" ");
  return parts.length >= 3 && /^\p{Lu}/u.test(tail) ? [name, tail] : [name];
}

/** Whether a text writes one of an item's names as a whole word. */
export const namesItem = (text: string, name: string) =>
  itemNames(name).some((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, "u").test(text));

/**
 * The items of the cited cards' lists of alternatives or of what they replace (« Tasko (remplacement partiel,
 * Allemagne, libre GPL-3.0-only) »): each item's name and the fields of its last parentheses, as written.
 */
export function* cardListItems(pool: Source[]): Generator<{ name: string; fields: string }> {
  for (const src of pool) {
    const text = src.sentences.map((ss) => ss.text).join("\n");
    for (const m of text.matchAll(CARD_LIST)) {
      for (const item of m[1]!.split(/\s+;\s+/)) {
        const last = /^(.*?)\s*\(([^()]*)\)\s*\.?\s*$/u.exec(item.trim());
        if (!last) continue;
        const name = last[1]!.replace(/\s*\(.*$/u, "").trim();
        if (name) yield { name, fields: last[2]! };
      }
    }
  }
}

/** The names a cited card gives a degree, and the degree as it writes it. */
function cardDegrees(pool: Source[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { name, fields } of cardListItems(pool)) {
    const degree = DEGREES.find((d) => fold(fields).startsWith(d.degree));
    if (degree) out.set(name, degree.degree);
  }
  return out;
}

/**
 * An item named by common words (« Modèles ouverts de Mistral AI »), capitalised as a list's item, the way a sentence
 * writes it inside (« les modèles ouverts de Mistral AI », faithful-blind-14); a name of fewer than three words, or
 * whose second word is capitalised too, is left as it is (« Le Chat », « Google Docs »).
 */
const lowerFirst = (name: string) => {
  const parts = name.split(/\s+/);
  return parts.length >= 3 && /^\p{Lu}\p{Ll}+$/u.test(parts[0]!) && /^\p{Ll}/u.test(parts[1]!)
    ? `${parts[0]!.toLowerCase()} ${parts.slice(1).join(" ")}`
    : name;
};

/**
 * Where the sentence, without negating, gives every alternative of the cited cards it names a degree the cards do not
 * give it: the name and the card's degree; else null.
 */
export function replacementDegreeChanged(
  stated: string,
  pool: Source[],
): { name: string; degree: string; all?: true } | null {
  if (NEGATED.test(stated)) return null;
  const folded = fold(stated);
  const said = DEGREES.filter((d) => d.says.test(folded));
  if (said.length !== 1) return null;
  const cards = cardDegrees(pool);
  const named = [...cards].filter(([name]) => namesItem(stated, name) || namesItem(stated, lowerFirst(name)));
  if (named.length === 0) return subjectDegreeChanged(stated, said[0]!.degree, pool);
  if (named.some(([, degree]) => degree === said[0]!.degree)) return null;
  return { name: named[0]![0], degree: named[0]![1] };
}

/** The product a card is about, from its passage heading (« Produit : Acme Portail — », « Alternative : Parvis — »). */
const CARD_SUBJECT = /^(?:Produit|Alternative)\s*:\s*(.+?)\s*(?:\(\d{4}(?:-\d{2}){0,2}\)\s*)?—/u;

/**
 * The names a sentence may give a card's own product: its name, and without its maker's name when the card's
 * « Éditeur : » line starts with it (« SharePoint » for « Microsoft SharePoint », maker Microsoft).
 */
function subjectNames(src: Source, name: string): string[] {
  const maker = /(?:^|\n)\s*Éditeur\s*:\s*([^,\n]+)/u.exec(src.sentences.map((ss) => ss.text).join("\n"))?.[1]?.trim();
  const tail = maker && name.startsWith(`${maker} `) ? name.slice(maker.length + 1).trim() : "";
  return tail ? [name, tail] : [name];
}

/**
 * A degree said of a cited card's own product with no item of its list named (« Il remplace totalement SharePoint »,
 * the alternative a pronoun; « Tchap remplace Teams en entier », Teams written without its maker) when no item of
 * that card's list has that degree and all its items have one degree: the card's product and that degree; else null
 * (faithful-blind-23).
 */
function subjectDegreeChanged(
  stated: string,
  said: string,
  pool: Source[],
): { name: string; degree: string; all: true } | null {
  // « Aucune alternative ne le remplace entièrement » denies the degree, as « ne … pas » does.
  if (NEGATION.test(stated)) return null;
  for (const src of pool) {
    const subject = CARD_SUBJECT.exec(src.sentences[0]?.heading ?? "")?.[1]?.trim();
    if (!subject || !subjectNames(src, subject).some((n) => namesItem(stated, n))) continue;
    const items = [...cardDegrees([src])];
    if (items.length === 0 || items.some(([, degree]) => degree === said)) continue;
    const degrees = new Set(items.map(([, degree]) => degree));
    if (degrees.size === 1) return { name: subject, degree: items[0]![1], all: true };
  }
  return null;
}
