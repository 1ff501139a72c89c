/**
 * What a collectivité must know beside an alternative, said the same way wherever it is named (map, CLI, exports,
 * roadmap, public page): a replacement still under an extra-European jurisdiction (Edge → Firefox ESR) is a limited
 * gain; a State service reserved to State agents (Zoom → Visio) is said to be reserved; an alternative that covers
 * only part of the product (Horizon Villages → openElec) says which part.
 */
import { message } from "../i18n/messages.ts";
import { loadMatchIndex } from "./match.ts";
import type { ItemAlternative } from "./types.ts";

/** An alternative as an analysis, a saved copy of one or a hand-written one gives it. */
export interface CaveatedAlternative {
  name: string;
  extraEuropean?: boolean | null;
  audience?: string | null;
  covers?: string | null;
}

/**
 * What a partial alternative covers, for a text that puts it in brackets itself: a closing bracketed part becomes a
 * dash (« listes électorales seulement (ni finances…) » → « listes électorales seulement — ni finances… »), so
 * brackets never nest.
 */
export const coversText = (covers: string) => covers.replace(/\s*\(([^()]*)\)\s*$/, " — $1");

/**
 * The caveats of an alternative, in French, most important first (empty when there is none).
 * @example
 * alternativeCaveats({ name: "Firefox ESR", extraEuropean: true });
 * // ["toujours sous juridiction extra-européenne : gain limité"]
 */
export function alternativeCaveats(a: CaveatedAlternative): string[] {
  const caveats: string[] = [];
  if (a.audience === "state") caveats.push(message("inventory.alternative.state"));
  if (a.covers) caveats.push(message("inventory.alternative.covers", { covers: coversText(a.covers) }));
  if (a.extraEuropean) caveats.push(message("inventory.alternative.limited"));
  return caveats;
}

/** « Firefox ESR (toujours sous juridiction extra-européenne : gain limité) », or the bare name. */
export function alternativeWithCaveats(a: CaveatedAlternative, name = a.name): string {
  const caveats = alternativeCaveats(a);
  return caveats.length
    ? message("inventory.alternative.withCaveats", { alternative: name, caveats: caveats.join(" ; ") })
    : name;
}

/**
 * What exists for part of a product when nothing replaces it whole (alternatives that cover one module, State
 * services reserved to State agents), module by module: « openElec (listes électorales seulement) »; null when
 * there is none.
 * @example
 * partialAlternativesText([{ name: "openElec", covers: "listes électorales seulement" }]);
 * // "openElec (listes électorales seulement)"
 */
export function partialAlternativesText(alternatives: readonly CaveatedAlternative[] | undefined): string | null {
  const parts = (alternatives ?? [])
    .filter((a) => a.covers || a.audience === "state")
    .map((a) => {
      const caveats = [
        a.covers ? coversText(a.covers) : null,
        a.audience === "state" ? message("inventory.alternative.state") : null,
        a.extraEuropean ? message("inventory.alternative.limited") : null,
      ].filter(Boolean);
      return message("inventory.alternative.withCaveats", { alternative: a.name, caveats: caveats.join(" ; ") });
    });
  return parts.length ? parts.join(", ") : null;
}

/**
 * For names kept as text (a plan's « remplacé par »): the caveats of the alternative named `by` for the catalog
 * product `productId` (or of any alternative of that name when the product is not known), joined; null when none.
 */
export async function replacementCaveats(
  corpusDir: string,
): Promise<(productId: string | null, by: string | null) => string | null> {
  const index = await loadMatchIndex(corpusDir);
  const byName = new Map<string, ItemAlternative>();
  for (const e of index.entries.values())
    for (const a of e.alternatives) if (!byName.has(a.name) && !a.covers) byName.set(a.name, a);
  return (productId, by) => {
    if (!by) return null;
    const entry = productId ? index.entries.get(productId) : undefined;
    const a = entry?.alternatives.find((x) => x.name === by) ?? byName.get(by);
    const caveats = a ? alternativeCaveats(a) : [];
    return caveats.length ? caveats.join(" ; ") : null;
  };
}
