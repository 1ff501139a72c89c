import { type Context, Hono } from "hono";
import { AppError } from "../../core/errors.ts";
import { formatSize } from "../../core/text.ts";
import type { Engine } from "../../engine.ts";
import { message } from "../../i18n/messages.ts";
import { listClassifications, saveClassification } from "../../inventory/classifications.ts";
import { inventoryPool } from "../../inventory/pool.ts";
import {
  analyzeUpload,
  compareAnalyses,
  deleteAnalysis,
  exportAnalysis,
  getAnalysisView,
  getItemsPage,
  getUnknownPage,
  type ItemFilter,
  listAnalyses,
  recomputeAnalysis,
  type Upload,
} from "../../inventory/service.ts";
import { editAnalysis } from "../../tracking/service.ts";
import { limitBody, readJson } from "../helpers.ts";

/**
 * The upload: a multipart body (fields `file`, possibly repeated, `collectivite` and `inventoryDate`), handed whole
 * to the worker that parses it; or a raw body, named by `?name=`, `X-File-Name` or Content-Disposition.
 * `?collectivite=` and `?inventoryDate=` in both.
 */
async function readUpload(c: Context): Promise<Upload> {
  const type = c.req.header("content-type") ?? "";
  const collectivite = c.req.query("collectivite") ?? null;
  // The day the export describes (`YYYY-MM-DD`, not after today), also a multipart field of the same name.
  const inventoryDate = c.req.query("inventoryDate") ?? null;
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (type.startsWith("multipart/form-data"))
    return { multipart: { bytes, contentType: type }, collectivite, inventoryDate };
  const name =
    c.req.query("name") ??
    c.req.header("x-file-name") ??
    filenameOf(c.req.header("content-disposition")) ??
    message("inventory.defaultFileName");
  return { files: [{ name, bytes }], collectivite, inventoryDate };
}

function filenameOf(disposition: string | undefined): string | null {
  const m = disposition && /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

/** A non-negative integer query parameter, or a French 400. */
function intParam(c: Context, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw new AppError("invalid_input", message("inventory.error.pageParam", { name }), 400);
  return Number(raw);
}

const FILTERS = new Set(["all", "extra", "replace", "unknown", "alternatives"]);

/**
 * Inventory analysis: `POST /api/inventory/analyze` (multipart `file`, one or several, or a raw body; 201 with
 * the saved analysis's summary and first page of items, or 200 with `reused` for an identical upload),
 * `GET /api/inventory/analyses` (summaries), `GET /api/inventory/analyses/:id` (summary and first pages),
 * `…/:id/items?offset=&limit=&q=&which=&components=`, `…/:id/unknown?offset=&limit=`, `PATCH …/:id`
 * (`{ name, collectivite }`), `DELETE …/:id`, `…/:id/export?format=csv|ods`,
 * `GET /api/inventory/compare?from=&to=`, `PUT /api/inventory/classifications` (a manual classification,
 * reused by later analyses) and `GET /api/inventory/classifications`. Parsing, analysis and exports run in the
 * inventory worker, each within `INVENTORY_TIMEOUT_MS`.
 */
export function inventoryRoutes(engine: Engine) {
  const limitTo = (maxSize: number) =>
    limitBody(maxSize, () => message("inventory.error.tooLarge", { max: formatSize(maxSize) }));
  const limit = limitTo(engine.config.maxUploadBytes);
  const work = { pool: inventoryPool(), timeoutMs: engine.config.inventoryTimeoutMs };
  return new Hono()
    .post("/inventory/analyze", limit, async (c) => {
      const analysis = await analyzeUpload(engine, await readUpload(c), {
        ...work,
        limits: { maxBytes: engine.config.maxUploadBytes },
      });
      return c.json(analysis, analysis.reused ? 200 : 201, { location: `/api/inventory/analyses/${analysis.id}` });
    })
    .get("/inventory/analyses", async (c) =>
      c.json({
        analyses: await listAnalyses(
          engine,
          intParam(c, "limit") ?? 100,
          (c.req.query("collectivite") ?? "").slice(0, 200) || undefined,
        ),
      }),
    )
    .get("/inventory/analyses/:id", async (c) =>
      c.json(await getAnalysisView(engine, c.req.param("id"), intParam(c, "limit"))),
    )
    .get("/inventory/analyses/:id/items", async (c) => {
      const which = c.req.query("which") ?? "all";
      if (!FILTERS.has(which)) throw new AppError("invalid_input", message("inventory.error.which"), 400);
      return c.json(
        await getItemsPage(engine, c.req.param("id"), {
          offset: intParam(c, "offset"),
          limit: intParam(c, "limit"),
          q: (c.req.query("q") ?? "").slice(0, 200),
          which: which as ItemFilter,
          components: c.req.query("components") === "1" || c.req.query("components") === "true",
        }),
      );
    })
    .get("/inventory/analyses/:id/unknown", async (c) =>
      c.json(
        await getUnknownPage(engine, c.req.param("id"), { offset: intParam(c, "offset"), limit: intParam(c, "limit") }),
      ),
    )
    .patch("/inventory/analyses/:id", limitTo(16 * 1024), async (c) => {
      const id = c.req.param("id");
      // A corrected inventory day reaches the plans that measured this inventory: the domain's rule (`editAnalysis`).
      return c.json(await editAnalysis(engine, id, await readJson(c.req.raw)));
    })
    .post("/inventory/analyses/:id/recompute", async (c) => {
      // The same inventory analysed again with today's catalog: a new analysis, the old one kept as published.
      const analysis = await recomputeAnalysis(engine, c.req.param("id"), work);
      return c.json(analysis, analysis.reused ? 200 : 201, { location: `/api/inventory/analyses/${analysis.id}` });
    })
    .delete("/inventory/analyses/:id", async (c) => {
      await deleteAnalysis(engine, c.req.param("id"));
      return c.body(null, 204);
    })
    .get("/inventory/analyses/:id/export", async (c) => {
      const format = c.req.query("format") ?? "csv";
      if (format !== "csv" && format !== "ods")
        throw new AppError(
          "invalid_input",
          message("inventory.error.exportFormat", { format: format.slice(0, 20) }),
          400,
        );
      const file = await exportAnalysis(engine, c.req.param("id"), format, work);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        // A HEAD request gets the size without the file (the page says it beside the link).
        "content-length": String(file.bytes.byteLength),
      });
    })
    .get("/inventory/compare", async (c) =>
      c.json(await compareAnalyses(engine, c.req.query("from") ?? "", c.req.query("to") ?? "")),
    )
    .put("/inventory/classifications", limitTo(64 * 1024), async (c) =>
      c.json(await saveClassification(engine, await readJson(c.req.raw))),
    )
    .get("/inventory/classifications", async (c) => c.json({ classifications: await listClassifications(engine) }));
}
