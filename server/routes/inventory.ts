import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Engine } from "../engine.ts";
import { AppError } from "../errors.ts";
import { message } from "../i18n/messages.ts";
import { listClassifications, saveClassification } from "../inventory/classifications.ts";
import type { InventoryFile } from "../inventory/parse.ts";
import { analyzeInventory, getAnalysis, listAnalyses } from "../inventory/service.ts";
import { readJson } from "./chat.ts";

/** The uploaded files: every file part of a multipart body (field `file`, possibly repeated), or the raw body. */
async function readUpload(c: Context): Promise<InventoryFile[]> {
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody({ all: true });
    } catch {
      throw new AppError("invalid_upload", message("inventory.error.multipart"), 400);
    }
    const files = Object.values(body)
      .flat()
      .filter((v): v is File => v instanceof File);
    if (!files.length) throw new AppError("no_file", message("inventory.error.noFile"), 400);
    return Promise.all(files.map(async (f) => ({ name: f.name || message("inventory.defaultFileName"), bytes: new Uint8Array(await f.arrayBuffer()) })));
  }
  const name = c.req.query("name") ?? c.req.header("x-file-name") ?? filenameOf(c.req.header("content-disposition")) ?? message("inventory.defaultFileName");
  return [{ name, bytes: new Uint8Array(await c.req.arrayBuffer()) }];
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

/**
 * Inventory analysis: `POST /api/inventory/analyze` (multipart `file`, one or several, or a raw body; 201 with
 * the saved analysis), `GET /api/inventory/analyses`, `GET /api/inventory/analyses/:id`,
 * `PUT /api/inventory/classifications` (a manual classification, reused by later analyses) and
 * `GET /api/inventory/classifications`.
 */
export function inventoryRoutes(engine: Engine) {
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError("payload_too_large", message("inventory.error.tooLarge", { max: formatSize(maxSize) }), 413);
      },
    });
  const limit = limitTo(engine.config.maxUploadBytes);
  return new Hono()
    .post("/inventory/analyze", limit, async (c) => {
      const analysis = await analyzeInventory(engine, await readUpload(c));
      return c.json(analysis, 201, { location: `/api/inventory/analyses/${analysis.id}` });
    })
    .get("/inventory/analyses", async (c) => c.json({ analyses: await listAnalyses(engine) }))
    .get("/inventory/analyses/:id", async (c) => c.json(await getAnalysis(engine, c.req.param("id"))))
    .put("/inventory/classifications", limitTo(64 * 1024), async (c) => c.json(await saveClassification(engine, await readJson(c.req.raw))))
    .get("/inventory/classifications", async (c) => c.json({ classifications: await listClassifications(engine) }));
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(mb)} Mo` : `${Math.round(bytes / 1024)} Ko`;
}
