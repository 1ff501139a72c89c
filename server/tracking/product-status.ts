/**
 * The words for where a planned product stands, one function for the DSI's plan page, the progress note and the
 * public page: « en cours » only where the inventories show the move (its planned replacement, or another
 * alternative, grew; or the plan only removes it), otherwise what happened — fewer installations, taken by a product
 * of the same vendor or role that grew, the planned alternative absent or flat —, and « plus d'installations qu'au départ : de 40 à 85 » for a
 * product that grew (trial 11: « Windows 10 → Debian : en cours » while the workstations went to Windows 11). Words:
 * `i18n/fr/tracking.json`, keys `tracking.status.*`.
 */
import { formatInt } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import type { Grown, ProductProgress, Unrecognised } from "./plan.ts";

const t = (key: string, params: Record<string, string | number> = {}) => message(`tracking.status.${key}`, params);

/** What the words are made of: a product's progress, or its line of a published snapshot (older ones lack the details). */
export interface StatusFacts {
  state: ProductProgress["state"];
  by: string | null;
  /** Installations of the planned replacement in the latest inventory (absent from snapshots before trial 11). */
  byNow?: number;
  replacedBy?: boolean;
  /** What grew while it went down; its name null when the page groups products by category. */
  grown?: (Omit<Grown, "name"> & { name: string | null }) | null;
  removal?: boolean;
  /** Installations at the baseline and at the latest inventory (absent from snapshots before trial 12). */
  before?: number;
  now?: number;
  /** Lines the map did not recognise that carry the planned replacement's name (absent before trial 13). */
  unrecognised?: Unrecognised;
  /** The line that says the growth this one cites, said there once (`shareGrowth`, trial23 T-M8). */
  sharedWith?: string | null;
}

/**
 * « « Ubuntu Budgie 24.04 » (120 installations), que la cartographie n'a pas reconnu, porte le nom de l'alternative
 * prévue : à classer pour le compter », in place of « sans que l'alternative prévue progresse / apparaisse ».
 */
function unrecognisedWords(u: Unrecognised): string {
  return t(u.installations === 1 ? "unrecognisedOne" : "unrecognised", {
    names: u.names.map((n) => `« ${n} »`).join(", "),
    count: formatInt(u.installations),
  });
}

/**
 * « Windows 11 est passé de 180 à 235 installations », or its words without the name; « hausse de Debian déjà
 * comptée pour Windows 10 » when another line says it (`sharedWith`).
 */
function grownWords(
  grown: NonNullable<StatusFacts["grown"]>,
  form: "gone" | "fewer",
  sharedWith?: string | null,
): string {
  if (sharedWith && grown.name !== null) return t("grown.shared", { name: grown.name, owner: sharedWith });
  const counts = { before: formatInt(grown.before), now: formatInt(grown.now) };
  // An alternative other than the planned one, beside a product gone: what happened beside it, like another product.
  const kind = grown.kind === "alternative" && form === "gone" ? "same-role" : grown.kind;
  if (grown.name === null) return t(`grown.${kind}.unnamed.${form}`);
  return t(`grown.${kind}.${form}`, { name: grown.name, ...counts });
}

/**
 * Where a planned product stands, in words: « en cours, Tixeo est passé de 0 à 20 installations », « moins
 * d'installations, remplacées par Windows 11, même éditeur, passé de 180 à 235 installations, sans que l'alternative
 * prévue apparaisse dans l'inventaire », « en hausse », « pas encore commencé ».
 */
export function productStatus(p: StatusFacts): string {
  switch (p.state) {
    case "replaced":
      if (p.replacedBy)
        return p.sharedWith && p.by
          ? `${t("replacedBy", { by: p.by })}, ${t("grown.shared", { name: p.by, owner: p.sharedWith })}`
          : t("replacedBy", { by: p.by ?? "" });
      return p.grown && p.grown.kind !== "planned"
        ? `${t("replaced")}, ${grownWords(p.grown, "gone", p.sharedWith)}`
        : t("replaced");
    case "in-progress":
      // A snapshot published before the details were kept: only « fewer installations » is known.
      if (p.grown === undefined && p.removal === undefined) return t("fewer");
      return t("in-progress", {
        detail: p.grown && !p.removal ? grownWords(p.grown, "fewer", p.sharedWith) : t("fewer"),
      });
    case "fewer": {
      const parts = [t("fewer")];
      if (p.grown) parts.push(grownWords(p.grown, "fewer", p.sharedWith));
      if (p.by && !p.removal && p.unrecognised) parts.push(unrecognisedWords(p.unrecognised));
      else if (p.by && !p.removal && p.byNow !== undefined) parts.push(t(p.byNow > 0 ? "byFlat" : "byAbsent"));
      return parts.join(", ");
    }
    case "grew": {
      // « en hausse » read as good news for a product to replace (trial12 B3): more installations, with the counts,
      // and where the planned alternative stands.
      if (p.before === undefined || p.now === undefined) return t("grew");
      const parts = [t("grewCounts", { before: formatInt(p.before), now: formatInt(p.now) })];
      if (p.by && !p.removal && p.byNow !== undefined)
        parts.push(
          p.byNow > 0
            ? t(p.byNow === 1 ? "byCountOne" : "byCount", { by: p.by, count: formatInt(p.byNow) })
            : p.unrecognised
              ? unrecognisedWords(p.unrecognised)
              : t("byAbsent"),
        );
      return parts.join(", ");
    }
    case "not-started": {
      const parts = [t("not-started")];
      // Its planned replacement grew all the same: said beside it, not credited to another product (trial 13, B3).
      // Said on another line when another product of the plan cites it too (trial23 T-M8).
      if (p.grown?.kind === "planned" && p.grown.name !== null && p.sharedWith)
        parts.push(t("grown.shared", { name: p.grown.name, owner: p.sharedWith }));
      else if (p.grown?.kind === "planned" && p.grown.name !== null)
        parts.push(
          t("grown.planned.beside", {
            name: p.grown.name,
            before: formatInt(p.grown.before),
            now: formatInt(p.grown.now),
          }),
        );
      if (p.by && !p.removal && p.unrecognised) parts.push(unrecognisedWords(p.unrecognised));
      return parts.join(", ");
    }
    case "outside-perimeter":
      return t("outside-perimeter");
    case "in-perimeter":
      return p.now === undefined
        ? t("in-perimeter")
        : t(p.now === 1 ? "in-perimeterCountOne" : "in-perimeterCount", { now: formatInt(p.now) });
    default:
      return t("absent");
  }
}
