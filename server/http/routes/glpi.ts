import { Hono } from "hono";
import { z } from "zod";
import { validationError } from "../../core/errors.ts";
import type { Engine } from "../../engine.ts";
import { glpiStatus, importFromGlpi } from "../../inventory/glpi-sync.ts";
import { limitBody, readJson } from "../helpers.ts";

const pullSchema = z
  .strictObject({
    userToken: z.string().trim().max(200).optional(),
    appToken: z.string().trim().max(200).optional(),
  })
  .default({});

/**
 * GLPI connector: `GET /api/inventory/glpi` (is a GLPI server configured, last pull) and
 * `POST /api/inventory/glpi/import` (pull the software inventory now; 201 with the saved analysis, as an upload).
 */
export function glpiRoutes(engine: Engine) {
  return new Hono()
    .get("/inventory/glpi", (c) => c.json(glpiStatus(engine)))
    .post("/inventory/glpi/import", limitBody(4096), async (c) => {
      const raw = (c.req.header("content-length") ?? "0") === "0" ? {} : await readJson(c.req.raw);
      const parsed = pullSchema.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error, raw);
      const analysis = await importFromGlpi(engine, parsed.data);
      return c.json(analysis, 201, { location: `/api/inventory/analyses/${analysis.id}` });
    });
}
