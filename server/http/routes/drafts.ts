import { type Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import {
  attestSection,
  checkVersion,
  createDraft,
  editSection,
  getDraft,
  listDrafts,
  prepareDraft,
  regenerateSection,
  retrySave,
  sectionIndex,
} from "../../drafting/drafts.ts";
import { parseRegenerate } from "../../drafting/inputs.ts";
import type { DraftEvent } from "../../drafting/types.ts";
import type { Engine } from "../../engine.ts";
import { draftWithModel, exportDraft, parseFormat } from "../../export/index.ts";
import { documentJson } from "../../export/model.ts";
import { message } from "../../i18n/messages.ts";
import { accessOfRequest } from "../access.ts";
import { limitBody, readJson, writeEvents } from "../helpers.ts";

/** Who makes a version (`DraftVersion.by`): the signed-in person's name, else their e-mail; null without sign-in. */
const authorOf = (c: Context) => {
  const person = accessOfRequest(c.req.raw)?.person;
  return person ? person.name?.trim() || person.email || null : null;
};

/** Streams drafting events as SSE; closing the connection aborts the model call. */
function streamEvents(c: Context, start: (signal: AbortSignal) => AsyncGenerator<DraftEvent>) {
  return streamSSE(c, async (stream) => {
    const controller = new AbortController();
    stream.onAbort(() => controller.abort());
    await writeEvents(stream, start(controller.signal), controller.signal);
  });
}

const optionalVersion = (raw: string | undefined) => (raw === undefined ? undefined : Number(raw));

/**
 * Drafting: `POST /api/drafts` (SSE: `section`, `token`, `flags`, `notice`, then `done` with the saved id),
 * `GET /api/drafts`, `GET /api/drafts/:id[?version=n]` (with `model`, the document model the page renders), `PATCH /api/drafts/:id/sections/:key` (edit → new version),
 * `POST /api/drafts/:id/sections/:key/regenerate` (SSE, or JSON with `Accept: application/json`; body `{ version }`
 * optional: a newer saved version is a 409),
 * `POST /api/drafts/:id/sections/:key/attestations` (body `{ sentence, version }`: a flagged sentence attested as a
 * local fact by the signed-in person → new version) and `DELETE` of the same (the attestation withdrawn),
 * `GET /api/drafts/:id/export?format=odt|docx|pdf|md[&version=n]`.
 */
export function draftRoutes(engine: Engine) {
  const limit = limitBody(engine.config.maxUploadBytes, () =>
    message("drafts.tooLarge", { max: Math.round(engine.config.maxUploadBytes / 1024) }),
  );
  return new Hono()
    .post("/drafts", limit, async (c) => {
      // Validation and the analysis lookup happen before the stream starts: errors are plain JSON 400/404.
      const prepared = await prepareDraft(engine, await readJson(c.req.raw));
      return streamEvents(c, (signal) => createDraft(engine, prepared, signal, authorOf(c)));
    })
    .get("/drafts", async (c) => c.json({ drafts: await listDrafts(engine, (d) => documentJson(d).checks.length) }))
    .get("/drafts/:id", async (c) =>
      c.json(draftWithModel(await getDraft(engine, c.req.param("id")), optionalVersion(c.req.query("version")))),
    )
    .patch("/drafts/:id/sections/:key", limit, async (c) => {
      const draft = await editSection(
        engine,
        c.req.param("id"),
        c.req.param("key"),
        await readJson(c.req.raw),
        authorOf(c),
      );
      return c.json(draftWithModel(draft));
    })
    .post("/drafts/:id/sections/:key/attestations", limit, async (c) => {
      const body = await readJson(c.req.raw);
      const draft = await attestSection(engine, c.req.param("id"), c.req.param("key"), body, authorOf(c) ?? "");
      return c.json(draftWithModel(draft));
    })
    .delete("/drafts/:id/sections/:key/attestations", limit, async (c) => {
      const body = await readJson(c.req.raw);
      const draft = await attestSection(engine, c.req.param("id"), c.req.param("key"), body, authorOf(c) ?? "", true);
      return c.json(draftWithModel(draft));
    })
    .post("/drafts/:id/save", async (c) => c.json(draftWithModel(await retrySave(engine, c.req.param("id")))))
    .post("/drafts/:id/sections/:key/regenerate", limit, async (c) => {
      const id = c.req.param("id");
      const key = c.req.param("key");
      // An empty body is an old client's: no version, nothing checked.
      const body = (await c.req.text()).trim();
      const version = parseRegenerate(body ? await readJson(new Response(body)) : undefined);
      const draft = await getDraft(engine, id);
      sectionIndex(draft, key); // a 404 before the stream starts
      checkVersion(draft, version); // and a 409
      if ((c.req.header("accept") ?? "").includes("application/json")) {
        const controller = new AbortController();
        c.req.raw.signal.addEventListener("abort", () => controller.abort());
        for await (const _ of regenerateSection(engine, id, key, controller.signal, version, authorOf(c))) {
          // Only the saved result matters to a JSON client.
        }
        return c.json(draftWithModel(await getDraft(engine, id)));
      }
      return streamEvents(c, (signal) => regenerateSection(engine, id, key, signal, version, authorOf(c)));
    })
    .get("/drafts/:id/export", async (c) => {
      const format = parseFormat(c.req.query("format"));
      const draft = await getDraft(engine, c.req.param("id"));
      const file = await exportDraft(draft, format, optionalVersion(c.req.query("version")));
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "content-length": String(file.bytes.byteLength),
      });
    });
}
