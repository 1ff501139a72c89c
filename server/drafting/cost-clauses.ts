/**
 * The figures a roadmap's « Coûts et économies » quotes are costs and savings of software: a clause of a quotation
 * that gives an amount about something else (« l'infrastructure de l'Assistant IA de l'État … a coûté environ
 * 300 000 euros ») is left out, « … » in its place, so it is never read as a migration cost marker (trial 13, B4).
 * What makes an amount a software cost: `i18n/fr/software-cost-subjects.txt`. Pure functions.
 */
import { escapeRegExp } from "../core/text.ts";
import { wordListEntries } from "../i18n/word-lists.ts";
import { fold } from "../inventory/normalize.ts";
import { extractFigures } from "../verify/figures.ts";

let subjects: RegExp | null = null;
/** A word of the list, folded, at a word's start (a suffix allowed: « licence » for « licences »). */
function subjectPattern(): RegExp {
  subjects ??= new RegExp(
    `(?<![\\p{L}\\d])(?:${wordListEntries("software-cost-subjects.txt")
      .map((w) => escapeRegExp(fold(w)))
      .join("|")})`,
    "u",
  );
  return subjects;
}

/** The clause names a software cost: one of the subject words, not after « hors » or « sans ». */
function aboutSoftware(clause: string): boolean {
  const text = fold(clause).replace(/\b(?:hors|sans)\s+(?:de\s+|des\s+|les\s+)?[\p{L}-]+/gu, " ");
  return subjectPattern().test(text);
}

/** An amount of money in the clause (« 300 000 euros », « 1 million d'euros »). */
const hasAmount = (clause: string) => extractFigures(clause).some((f) => f.kind === "amount");

/**
 * The quotation without its clauses (between « ; » or sentences) that give an amount about something other than
 * software (`aboutSoftware`); « … » where they were. Unchanged when every amount is about software.
 * @example
 * softwareCostQuote("Repères : le passage à Linux a coûté 2 M€ ; la rénovation de la mairie a coûté 1 M€.")
 * // "Repères : le passage à Linux a coûté 2 M€ …"
 */
export function softwareCostQuote(quote: string): string {
  const parts = quote.split(/(?<=;)\s+|(?<=[.!?])\s+(?=[\p{Lu}«…])/u);
  const keep = parts.map((p) => !hasAmount(p) || aboutSoftware(p));
  if (keep.every(Boolean)) return quote;
  const out: string[] = [];
  keep.forEach((k, i) => {
    if (k) out.push(parts[i]!);
    else if (out.at(-1) !== "…") out.push("…");
  });
  return out
    .join(" ")
    .replace(/\s*;\s*…/g, " …")
    .replace(/…(\s*…)+/g, "…")
    .replace(/^…\s*/, "")
    .trim();
}
