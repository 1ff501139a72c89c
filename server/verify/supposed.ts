/**
 * A supposition and what follows from it (faithful-blind-22: « Pour une commune de 300 agents, le ratio de Visio
 * donnerait environ 3 000 euros par an », a right computation flagged for both its figures): a clause opening the
 * sentence with an indefinite example (`[supposition]` of `server/i18n/fr/computed.txt`: « Pour une commune de 300
 * agents, ») states no fact, its figures are the sentence's own operands; a count or an amount after it that is the
 * supposed figure times a share of the passages (« 5 % de plus »), or times a ratio one passage gives (« environ 1
 * million d'euros par an » for « chaque tranche de 100 000 agents »), is computed. Within 1 %, 5 % after a rounding word.
 */
import { fold } from "../core/text.ts";
import { COMPUTED_TOLERANCE } from "./computed.ts";
import { roundingWordBefore } from "./figure-match.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { alternation } from "./shares.ts";

/** « Pour une commune de 300 agents, »: the supposition word, then words up to the first comma (folded text). */
const SUPPOSITION = new RegExp(`^\\s*(?:${alternation("supposition")})\\s+[^,;:.!?]{1,80},`, "u");

/** The counts and amounts of the clause opening `stated` as a supposition (none when it opens with no such clause). */
export function supposedFigures(stated: string): Figure[] {
  const clause = SUPPOSITION.exec(fold(stated))?.[0];
  if (!clause) return [];
  return extractFigures(stated.slice(0, clause.length)).filter(
    (x) => (x.kind === "number" || x.kind === "amount") && x.value > 0,
  );
}

/** Whether `f`, a count or an amount of `stated` after its supposition, is the supposed figure times a share or a ratio of one of `texts`. */
export function supposedResult(stated: string, f: Figure, texts: string[]): boolean {
  if ((f.kind !== "number" && f.kind !== "amount") || f.value <= 0) return false;
  const supposed = supposedFigures(stated).filter((s) => s.raw !== f.raw);
  if (supposed.length === 0) return false;
  const tolerance = roundingWordBefore(stated, f.raw) !== null ? COMPUTED_TOLERANCE : 0.01;
  const close = (v: number) => Math.abs(v - f.value) <= tolerance * f.value;
  return texts.some((t) => {
    const figures = extractFigures(t);
    const shares = figures.filter((x) => x.kind === "percent" && x.value > 0).map((x) => x.value);
    const amounts = figures.filter((x) => x.kind === "amount" && x.value > 0).map((x) => x.value);
    const counts = figures.filter((x) => x.kind === "number" && x.value > 1).map((x) => x.value);
    return supposed.some(
      (s) =>
        shares.some((p) => close((s.value * p) / 100)) ||
        amounts.some((a) => counts.some((n) => close((s.value * a) / n))),
    );
  });
}

/**
 * The supposed figures of `stated` (as written) when another figure of it follows from them (`supposedResult`): the
 * sentence's own operands, not figures a passage must give.
 */
export function supposedOperands(stated: string, figures: Figure[], texts: string[]): Set<string> {
  const supposed = new Set(supposedFigures(stated).map((x) => x.raw));
  if (supposed.size === 0) return supposed;
  return figures.some((g) => !supposed.has(g.raw) && supposedResult(stated, g, texts)) ? supposed : new Set();
}
