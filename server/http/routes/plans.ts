import { type Context, Hono } from "hono";
import { AppError } from "../../core/errors.ts";
import { escapeHtml, localDay } from "../../core/text.ts";
import type { Engine } from "../../engine.ts";
import { message } from "../../i18n/messages.ts";
import { adoptFromDraft, proposalFromDraft } from "../../tracking/from-draft.ts";
import { currentNote, deleteNote, exportNote, generateNote, parseNoteFormat } from "../../tracking/notes.ts";
import { snapshotOf } from "../../tracking/plan.ts";
import { progressNoteMarkdown } from "../../tracking/progress-note.ts";
import {
  openDataCsv,
  openDataJson,
  PUBLIC_CSS,
  progressChart,
  renderPublicPage,
  staticBundle,
} from "../../tracking/public-page.ts";
import {
  addCheckpoint,
  addEvent,
  adoptPlan,
  deletePlan,
  getPlan,
  listPlans,
  publicSnapshot,
  publishPlan,
  removeCheckpoint,
  type TrackingContext,
  unpublishPlan,
} from "../../tracking/service.ts";
import { accessOfRequest } from "../access.ts";
import { limitBody, readJson } from "../helpers.ts";

const notFoundPage = (text: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message("tracking.public.notFoundTitle")}</title><link rel="stylesheet" href="/public/public.css"></head><body><main><h1>${message("tracking.public.notFoundTitle")}</h1><p>${escapeHtml(text)}</p></main></body></html>`;

const limit = limitBody(256 * 1024);

/**
 * The context of a change, naming who makes it for the plan's log (trial17 D15): the signed-in person's name, else
 * their e-mail; the engine itself without sign-in.
 */
function acting(engine: Engine, c: Context): TrackingContext {
  const person = accessOfRequest(c.req.raw)?.person;
  const by = person ? person.name?.trim() || person.email || null : null;
  return by ? { config: engine.config, records: engine.records.bind(engine) as Engine["records"], by } : engine;
}

const body = async (c: Context) => ((c.req.header("content-length") ?? "") === "0" ? {} : readJson(c.req.raw));

/**
 * Plans (`/api/plans`): adopt (typed, or from a saved roadmap draft: `/api/plans/from-draft`), read with progress, add an inventory, record an event, publish or unpublish,
 * progress note (`POST /api/plans/:id/note` writes it, `GET /api/plans/:id/note?format=md|odt|docx|pdf` downloads it).
 */
export function planRoutes(engine: Engine) {
  return (
    new Hono()
      .get("/plans", async (c) => {
        const plans = await listPlans(engine);
        return c.json({
          plans: plans.map((p) => ({
            id: p.id,
            slug: p.slug,
            collectivite: p.collectivite,
            title: p.title,
            target: p.target,
            checkpoints: p.checkpoints.length,
            source: p.source ?? null,
            published: p.publication?.at ?? null,
            version: p.version,
          })),
        });
      })
      // A saved roadmap draft as the plan: what it would give (for review), then adopting it.
      .get("/plans/from-draft/:draftId", async (c) => {
        const targetDate = c.req.query("targetDate");
        const { proposal } = await proposalFromDraft(engine, {
          draftId: c.req.param("draftId"),
          ...(targetDate ? { targetDate } : {}),
        });
        return c.json({ proposal });
      })
      .post("/plans/from-draft", limit, async (c) => {
        const plan = await adoptFromDraft(acting(engine, c), await body(c));
        return c.json({ plan, progress: (await getPlan(engine, plan.id)).progress }, 201, {
          location: `/api/plans/${plan.id}`,
        });
      })
      .post("/plans", limit, async (c) => {
        const plan = await adoptPlan(acting(engine, c), await body(c));
        return c.json({ plan, progress: (await getPlan(engine, plan.id)).progress }, 201, {
          location: `/api/plans/${plan.id}`,
        });
      })
      .get("/plans/:id", async (c) => c.json(await getPlan(engine, c.req.param("id"))))
      .delete("/plans/:id", async (c) => {
        await deletePlan(engine, c.req.param("id"));
        await deleteNote(engine, c.req.param("id"));
        return c.body(null, 204);
      })
      .post("/plans/:id/checkpoints", limit, async (c) => {
        const plan = await addCheckpoint(acting(engine, c), c.req.param("id"), await body(c));
        return c.json(await getPlan(engine, plan.id), 201);
      })
      // A checkpoint added by mistake (another perimeter, another collectivité) is removed alone; the plan's version
      // in a JSON body `{ version }` or as `?version=`.
      .delete("/plans/:id/checkpoints/:date", limit, async (c) => {
        const given = (c.req.header("content-type") ?? "").includes("json") ? await body(c) : {};
        const version = c.req.query("version");
        const plan = await removeCheckpoint(acting(engine, c), c.req.param("id"), {
          ...(given && typeof given === "object" ? given : {}),
          ...(version ? { version: Number(version) } : {}),
          date: c.req.param("date"),
        });
        return c.json(await getPlan(engine, plan.id));
      })
      .post("/plans/:id/events", limit, async (c) => {
        const plan = await addEvent(acting(engine, c), c.req.param("id"), await body(c));
        return c.json(await getPlan(engine, plan.id), 201);
      })
      .post("/plans/:id/publish", limit, async (c) => {
        const plan = await publishPlan(acting(engine, c), c.req.param("id"), await body(c));
        return c.json({ plan, url: `/public/${plan.slug}` });
      })
      .post("/plans/:id/unpublish", async (c) =>
        c.json({ plan: await unpublishPlan(acting(engine, c), c.req.param("id")) }),
      )
      .get("/plans/:id/chart.svg", async (c) => {
        // The live plan, as it would be published: the DSI sees the chart before publishing.
        const { plan, progress } = await getPlan(engine, c.req.param("id"));
        const preview = snapshotOf(plan, progress, {
          licence: "etalab-2.0",
          groupProducts: false,
          now: new Date(),
          categoryLabel: () => "",
        });
        return c.body(progressChart(preview), 200, {
          "content-type": "image/svg+xml; charset=utf-8",
          "cache-control": "no-store",
        });
      })
      // The progress note: written (with the model when there is one) and kept, then downloaded in md, odt, docx or pdf.
      .post("/plans/:id/note", async (c) => {
        const { note } = await generateNote(engine, c.req.param("id"), c.req.raw.signal);
        return c.json({ note }, 201);
      })
      .get("/plans/:id/note", async (c) => {
        // `format=json`: the note kept for the plan as it is now (null when none was written since the last change).
        if (c.req.query("format") === "json") {
          const { plan } = await getPlan(engine, c.req.param("id"));
          return c.json({ note: await currentNote(engine, plan) });
        }
        const format = parseNoteFormat(c.req.query("format"));
        const { plan, progress } = await getPlan(engine, c.req.param("id"));
        const note = await currentNote(engine, plan);
        if (format === "md" && !note) {
          const today = localDay();
          return c.body(progressNoteMarkdown(plan, progress, today), 200, {
            "content-type": "text/markdown; charset=utf-8",
            "content-disposition": `attachment; filename="note-avancement-${plan.slug}.md"`,
          });
        }
        const { file } = await exportNote(engine, plan.id, format);
        return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
          "content-type": file.contentType,
          "content-disposition": `attachment; filename="${file.filename}"`,
          "content-length": String(file.bytes.byteLength),
        });
      })
  );
}

/**
 * What citizens reach without an account: `/public/:slug` (the page), `/public/:slug/donnees.csv`,
 * `/public/:slug/donnees.json`, `/public/:slug/page.zip` (static bundle), `/public/public.css`.
 */
export function publicRoutes(engine: Engine) {
  return new Hono()
    .onError((err, c) => {
      // A citizen following a link gets a page, not JSON.
      if (err instanceof AppError && err.status === 404) return c.html(notFoundPage(err.message), 404);
      throw err;
    })
    .get("/public.css", (c) => c.body(PUBLIC_CSS, 200, { "content-type": "text/css; charset=utf-8" }))
    .get("/:slug", async (c) => {
      const s = await publicSnapshot(engine, c.req.param("slug"));
      return c.html(
        renderPublicPage(s, {
          cssHref: "/public/public.css",
          dataHref: `/public/${s.slug}/donnees.json`,
          csvHref: `/public/${s.slug}/donnees.csv`,
        }),
      );
    })
    .get("/:slug/donnees.csv", async (c) => {
      const s = await publicSnapshot(engine, c.req.param("slug"));
      return c.body(openDataCsv(s), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${s.slug}-suivi.csv"`,
      });
    })
    .get("/:slug/donnees.json", async (c) => c.json(openDataJson(await publicSnapshot(engine, c.req.param("slug")))))
    .get("/:slug/page.zip", async (c) => {
      const s = await publicSnapshot(engine, c.req.param("slug"));
      return c.body(staticBundle(s) as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${s.slug}-page-publique.zip"`,
      });
    });
}
