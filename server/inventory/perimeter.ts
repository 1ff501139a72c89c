/**
 * Whether two analyses of one collectivité cover the same perimeter: a later inventory made of other files (the
 * colleges' OCS export added to the GLPI one), or whose installations jump by more than a tenth, is not comparable
 * line by line as progress — part of every change is the perimeter's (trial 14, B5). Said in the comparison, the plan's
 * checkpoints and the public page. Pure functions, French text from `i18n/fr/inventory.json`.
 */
import { formatInt, formatPercent } from "../core/text.ts";
import { countText, message } from "../i18n/messages.ts";

/** Beyond this relative change of the installations, the perimeter is said to have changed. */
export const PERIMETER_JUMP = 0.1;

/**
 * Below this share of the installations of the inventory it is compared with, a later inventory is taken for a part of
 * the parc (trial16 C4: 2 of 4 files, 11 installations against 3 787): a plan asks the DSI to confirm it before
 * following it (`narrowerPerimeter`). A real migration removes some products, never half of every installation.
 */
export const NARROWER_SHARE = 0.5;

/**
 * Below this share of the installations of the inventory it is compared with, and with at least NARROWER_GONE exposed
 * products gone whole, a later inventory is taken for a part of the parc too (trial17 D8: every other line of the
 * same four GLPI files, −48 %, nine products « n'apparaît plus » — Edge 265, Adobe Reader 230…). A migration replaces
 * products: their alternatives come in, the installations stay near; a third of them gone at once, with whole products,
 * is lines missing from the export.
 */
export const NARROWER_PRODUCTS_SHARE = 0.7;
/** Exposed products gone whole that, with installations under NARROWER_PRODUCTS_SHARE, make a narrower inventory. */
export const NARROWER_GONE = 3;
/**
 * Below this share of the installations of an inventory whose entities are not known (imported before they were
 * kept), a later inventory that names its entities may be missing one: its entities cannot be compared, so the plan
 * asks the DSI to confirm it (trial19 H6: an export without « Services techniques », −19 %, was added to a running
 * plan and the note read « AutoCAD : n'apparaît plus »).
 */
export const NARROWER_UNKNOWN_ENTITIES_SHARE = 0.85;

export interface PerimeterSide {
  /** The uploaded files, with their format and the entities they name when known (`ParsedFile`). */
  files: { name: string; format?: string; entities?: string[] }[];
  installations: number | null | undefined;
}

const formats = (side: PerimeterSide) =>
  side.files
    .map((f) => f.format ?? "")
    .sort()
    .join("|");

/** Another number of files, or other formats (« GLPI » then « GLPI + OCS »): names alone are not compared. */
export const filesDiffer = (from: PerimeterSide, to: PerimeterSide) =>
  from.files.length !== to.files.length || formats(from) !== formats(to);

/**
 * The French notice that the perimeter changed from `from` to `to`, or null: another number of files or other
 * formats (« GLPI » then « GLPI + OCS »), or installations changed by more than PERIMETER_JUMP. The files' names alone
 * are not compared: a monthly export is named after its month.
 * @example
 * perimeterNotice({ files: [{ name: "glpi-juin.csv" }], installations: 13000 },
 *   { files: [{ name: "glpi.csv" }, { name: "ocs.csv" }], installations: 15700 }); // « Attention : le périmètre… »
 */
export function perimeterNotice(
  from: PerimeterSide,
  to: PerimeterSide,
  options: { from?: "start" | "previous" } = {},
): string | null {
  const filesChanged = filesDiffer(from, to);
  const a = from.installations ?? 0;
  const b = to.installations ?? 0;
  const jump = a > 0 ? (b - a) / a : null;
  const jumped = jump !== null && Math.abs(jump) > PERIMETER_JUMP;
  const missing = filesChanged ? [] : missingEntities(from, to);
  if (!filesChanged && !jumped && !missing.length) return null;
  const names = (side: PerimeterSide) => side.files.map((f) => `« ${f.name} »`).join(", ");
  const parts = [
    filesChanged
      ? // « au départ » only when `from` is the first inventory (trial16 C17: a plan's previous checkpoint's files).
        message(options.from === "previous" ? "inventory.perimeter.filesPrevious" : "inventory.perimeter.files", {
          from: names(from),
          to: names(to),
        })
      : missing.length
        ? message(`inventory.perimeter.entities.${missing.length === 1 ? "one" : "other"}`, {
            count: countText("entity", missing.length, formatInt(missing.length)),
            names: entityNames(missing, [...entitiesOf(from)])
              .slice(0, 5)
              .map((e) => `« ${e} »`)
              .join(", "),
            more: missing.length > 5 ? "…" : "",
          })
        : message("inventory.perimeter.jump", {
            from: formatInt(a),
            to: formatInt(b),
            change: `${jump! > 0 ? "+" : "−"}${formatPercent(Math.abs(jump!) * 100)}`,
          }),
    message("inventory.perimeter.consequence"),
  ];
  return parts.join(" ");
}

const entitiesOf = (side: PerimeterSide) => new Set(side.files.flatMap((f) => f.entities ?? []));

/**
 * The entities `from`'s files name that `to`'s do not (GLPI's « Entité »: « … > Médiathèque »), sorted; none when
 * either side names none (an export without the column, or an older import). A parc whose products are replaced keeps
 * its entities; an export of one entity (trial18 F6: « Siège » only, same four files, −23 %) loses the others.
 */
export function missingEntities(from: PerimeterSide, to: PerimeterSide): string[] {
  const before = entitiesOf(from);
  const after = entitiesOf(to);
  if (!before.size || !after.size) return [];
  return [...before].filter((e) => !after.has(e)).sort((x, y) => x.localeCompare(y, "fr"));
}

/**
 * The entities as said to the DSI: without the path all of `all` share (« Entité racine > CC du Haut-Vivarais >
 * Siège » → « Siège » when every entity is under « Entité racine > CC du Haut-Vivarais »).
 */
export function entityNames(entities: string[], all: string[]): string[] {
  const split = (e: string) => e.split(/\s*>\s*/);
  const paths = all.map(split);
  let shared = 0;
  while (paths.every((p) => p.length > shared + 1 && p[shared] === paths[0]![shared]) && paths.length > 0) shared++;
  return entities.map((e) => split(e).slice(shared).join(" > "));
}

/**
 * Whether `to` covers sharply less of the parc than `from` (fewer files imported, when both name theirs, fewer than
 * NARROWER_SHARE of its installations, entities of `from` missing from `to` — `missingEntities` —, fewer than
 * NARROWER_UNKNOWN_ENTITIES_SHARE when only `to` names its entities, or fewer than
 * NARROWER_PRODUCTS_SHARE with `gone` ≥ NARROWER_GONE exposed products absent): which, or null. A plan refuses such a
 * checkpoint unless confirmed.
 */
export function narrowerPerimeter(
  from: PerimeterSide,
  to: PerimeterSide,
  gone = 0,
): "files" | "installations" | "entities" | "products" | null {
  if (from.files.length && to.files.length && to.files.length < from.files.length) return "files";
  const a = from.installations ?? 0;
  const b = to.installations ?? 0;
  if (a > 0 && b < a * NARROWER_SHARE) return "installations";
  if (missingEntities(from, to).length) return "entities";
  if (a > 0 && b < a * NARROWER_UNKNOWN_ENTITIES_SHARE && !entitiesOf(from).size && entitiesOf(to).size)
    return "installations";
  // `gone`: exposed products of `from` absent from `to` (NARROWER_PRODUCTS_SHARE).
  return a > 0 && b < a * NARROWER_PRODUCTS_SHARE && gone >= NARROWER_GONE ? "products" : null;
}
