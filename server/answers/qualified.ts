/**
 * Figures the corpus qualifies (« non confirmé », « contesté »…) keep their qualification when an extractive answer
 * quotes them: the qualifier may sit in the section heading (« les chiffres non confirmés (103 164 postes, 534 M€) »)
 * or in a sentence the excerpt left out, so the quote alone would state the figure as a fact.
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { isCaveat, pieces, splitSentences } from "../retrieval/passages.ts";
import { phrasePattern } from "../verify/against.ts";
import { extractFigures, type Figure } from "../verify/figures.ts";
import { QUALIFIER_SOURCE, QUALIFIER_WORD } from "../verify/index.ts";

interface QualifiedFigure {
  figure: Figure;
  /** The qualifier as the corpus writes it (« non confirmés »). */
  qualifier: string;
  /** The word after a bare number, what it counts (« ans » of « sur 10 ans »); empty for another kind of figure. */
  unit?: string;
}

/**
 * The word a bare number counts in a text (« ans » of « En cumulé sur 10 ans »), folded to its first four letters;
 * empty when the figure is not a bare number or no word follows it.
 */
function unitOf(figure: Figure, text: string): string {
  if (figure.kind !== "number") return "";
  const at = new RegExp(`(?<![\\d,.])${escapeRegExp(figure.raw)}\\s+(\\p{L}+)`, "u").exec(text);
  return at ? fold(at[1]!).slice(0, 4) : "";
}

/** A parenthesised reference: « (Channelnews, 5 mars 2026) », « (Le Soleil, 2008) ». */
const REFERENCE = /\([^()]*\b(?:1[89]|20)\d\d\)/g;
const DATE_KINDS = new Set(["year", "month", "date", "daymonth"]);
const same = (a: Figure, b: Figure) => a.kind === b.kind && Math.abs(a.value - b.value) < 1e-9;
const qualifierOf = (text: string) => text.match(QUALIFIER_WORD)?.[0] ?? "";

/**
 * Figures a passage qualifies: those of a heading part or sentence carrying a qualifier, and those of the sentence
 * before a qualifying sentence that holds no figure of its own (« … de 50 à 80 %. Non confirmé par une autre source. »).
 */
export function qualifiedFigures(text: string, heading = ""): QualifiedFigure[] {
  const out: QualifiedFigure[] = [];
  for (const part of heading.split(/ — | ; /))
    if (QUALIFIER_SOURCE.test(part))
      for (const figure of extractFigures(part)) out.push({ figure, qualifier: qualifierOf(part) });
  // In a sentence, dates and years are the context of what is qualified (« le total … depuis 2004 n'est pas
  // confirmé »), and a reference « (Channelnews, 5 mars 2026) » is not a figure at all.
  const figuresOf = (sentence: string) =>
    extractFigures(sentence.replace(REFERENCE, " ")).filter((f) => !DATE_KINDS.has(f.kind));
  // Sentences, list items cut into their sentences too: a qualifier ending one bullet (« Le chiffre de 534 millions
  // d'euros … n'est pas confirmé. ») does not reach the figures of the bullets after it, nor one opening a bullet
  // (« Facture « divisée par quatre » : chiffre avancé par Clubic ») the figures of the bullet before it.
  const split = pieces(text).flatMap((p, k) =>
    splitSentences(p.text.replace(/^\s*(?:[-*+•]|\d{1,2}[.)])\s+/, "")).map((s) => ({ s, k, item: p.list >= 0 })),
  );
  const sentences = split.map((x) => x.s);
  sentences.forEach((s, i) => {
    // (A caveat of `caveats.txt` too: « Le chiffre de 42 communes reste à vérifier ».)
    if (!QUALIFIER_SOURCE.test(s) && !isCaveat(s)) return;
    // In a sentence of several clauses (« … 12 millions d'euros (Assemblée) ; 534 millions, non confirmé »), the
    // clause carrying the qualifier, when it holds figures of its own.
    const clause = s.split(/\s;\s/).find((c) => QUALIFIER_SOURCE.test(c) || isCaveat(c)) ?? s;
    const own = figuresOf(clause).length ? figuresOf(clause) : figuresOf(s);
    const before = i > 0 && !(split[i]!.item && split[i - 1]!.k !== split[i]!.k);
    const figures = own.length ? own : before ? figuresOf(sentences[i - 1]!) : [];
    const from = own.length ? s : (sentences[i - 1] ?? "");
    for (const figure of figures) out.push({ figure, qualifier: qualifierOf(s), unit: unitOf(figure, from) });
  });
  return out;
}

/**
 * The note an excerpt of a passage needs: the figures it quotes that the passage (text or heading) qualifies and the
 * excerpt itself does not, with the passage's qualifier; null when there are none.
 * @example qualificationNote("La Gendarmerie a 103 164 postes.", "La Gendarmerie a 103 164 postes.", "Les chiffres non confirmés (103 164 postes)")
 * // "(Chiffres que le corpus dit « non confirmés » : 103 164.)"
 */
export function qualificationNote(quote: string, passage: string, heading = ""): string | null {
  const qualified = qualifiedFigures(passage, heading);
  if (qualified.length === 0) return null;
  const already = qualifiedFigures(quote);
  const lost: QualifiedFigure[] = [];
  for (const figure of extractFigures(quote)) {
    // (A bare number counting another thing is another figure: « F3 à 10 dollars » is not « sur 10 ans », non
    // confirmé — trial14 A7.)
    const unit = unitOf(figure, quote);
    const q = qualified.find((x) => same(x.figure, figure) && (!unit || !x.unit || x.unit === unit));
    if (!q || already.some((x) => same(x.figure, figure)) || lost.some((x) => same(x.figure, figure))) continue;
    lost.push({ figure, qualifier: q.qualifier });
  }
  if (lost.length === 0) return null;
  const figures = lost.map((x) => x.figure.raw);
  const list = new Intl.ListFormat("fr", { type: "conjunction" }).format(figures);
  return message("answer.qualifiedFigures", { figures: list, qualifier: lost[0]!.qualifier || "non confirmé" });
}

let denying: RegExp | null = null;
/**
 * Whether a passage's heading announces what something is not (« DINUM : ce que la décision n'est pas (les 2,5
 * millions de PC de l'État) », « les exagérations de la presse »): the figures it names are those the passage denies.
 */
export function isDenyingHeading(heading: string): boolean {
  denying ??= phrasePattern(wordListLines("denying-headings.txt"));
  return fold(heading).search(denying) >= 0;
}

const DENIED = wordListSections("denied-figure.txt");
const alternation = (section: string) =>
  (DENIED.get(section) ?? []).map((w) => escapeRegExp(fold(w)).replace(/\s+/g, "\\s+")).join("|");
/** The words right before a figure that deny it (« pas les quelque »), folded. */
const NEGATED_BEFORE = new RegExp(
  `(?<![\\p{L}'])(?:${alternation("négation")})(?:\\s*(?:${alternation("entre")})(?![\\p{L}]))*\\s*$`,
  "u",
);

/** The figures a text denies where it writes them (« … pas les quelque 2,5 millions de postes »), dates aside. */
function negatedFigures(text: string): Figure[] {
  const folded = fold(text);
  return extractFigures(text).filter((f) => {
    if (DATE_KINDS.has(f.kind)) return false;
    const raw = fold(f.raw);
    for (let at = folded.indexOf(raw); at >= 0; at = folded.indexOf(raw, at + 1))
      if (NEGATED_BEFORE.test(folded.slice(Math.max(0, at - 40), at))) return true;
    return false;
  });
}

/**
 * Whether a sentence states a figure a heading of its passage denies (« Plusieurs médias anglophones ont titré que la
 * France remplaçait 2,5 millions d'ordinateurs » under « … ce que la décision n'est pas (les 2,5 millions de PC de
 * l'État) »): read aloud alone, it would be heard as the answer (trial15 A20).
 */
export function deniedFigure(sentence: string, heading: string, passage = ""): boolean {
  const denied = [
    ...heading
      .split(/ — | ; /)
      .filter(isDenyingHeading)
      .flatMap((part) => extractFigures(part).filter((f) => !DATE_KINDS.has(f.kind))),
    // (Or a sentence of the passage denies it where it writes it: « … pas les quelque 2,5 millions de postes ».)
    ...negatedFigures(passage),
  ];
  if (denied.length === 0) return false;
  const own = negatedFigures(sentence);
  return extractFigures(sentence).some((f) => denied.some((d) => same(d, f)) && !own.some((o) => same(o, f)));
}
