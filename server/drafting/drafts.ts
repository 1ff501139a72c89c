/**
 * Drafts as saved work: create one (all sections, streamed), regenerate one section, edit one section by hand —
 * each change is a new version, the inputs are kept — and read them back. The HTTP routes and the CLI both call
 * these functions.
 */
import type { Config } from "../config.ts";
import { AppError, ioErrorOf, validationError } from "../core/errors.ts";
import { keyedLock } from "../core/keyed-lock.ts";
import { formatPercent, fractionVars, isFraction } from "../core/text.ts";
import { formatIssues } from "../core/validation.ts";
import { message } from "../i18n/messages.ts";
import type { InventoryContext } from "../inventory/classifications.ts";
import { withAlternativesInPlace } from "../inventory/in-place.ts";
import { measureItems } from "../inventory/measure.ts";
import { loadFullAnalysis } from "../inventory/service.ts";
import { newRecordId } from "../store/records.ts";
import type { ChunkStore } from "../store/types.ts";
import { currentWorkspace } from "../store/workspace-scope.ts";
import { sentenceSpans } from "../verify/index.ts";
import { attestSentence, withAttestations } from "./attestations.ts";
import { quotedPassages } from "./claims.ts";
import { buildContext, type DraftContext } from "./context.ts";
import { contextClaims } from "./documents/common.ts";
import {
  checkedSection,
  type GenerateDeps,
  type GenerateOptions,
  type GenerationState,
  tidy,
  writeSection,
} from "./generate.ts";
import {
  analysisSchema,
  attestSchema,
  type DraftInputs,
  editSchema,
  parseDraftRequest,
  parseInputs,
} from "./inputs.ts";
import { statedObjective } from "./objective.ts";
import { type DocumentStructure, fill, loadStructure } from "./structure.ts";
import type { Draft, DraftEvent, DraftMode, DraftSection, DraftType, InventoryAnalysis } from "./types.ts";

/**
 * What drafting needs from the application, and no more: the engine satisfies it, tests can pass a smaller one,
 * and drafting never imports the engine (issue 14: domain code takes narrow context objects).
 */
export interface DraftingContext extends GenerateDeps, InventoryContext {
  config: Pick<Config, "dataDir" | "corpusDir" | "numCtx" | "maxAnswerTokens" | "idleTimeoutMs">;
  store: Pick<ChunkStore, "getChunks">;
}

/** A validated request, its analysis resolved: what generation starts from. */
export interface PreparedDraft {
  type: DraftType;
  inputs: DraftInputs;
  analysis: InventoryAnalysis | null;
  structure: DocumentStructure;
}

export const draftStore = (app: DraftingContext) => app.records<Draft>("drafts");

/**
 * Drafts whose last save failed (disk full, read-only folder…), kept in memory while the server runs: they can
 * still be read, edited and exported, and are written as soon as a save succeeds (`POST …/save`, or the next edit).
 */
const unsaved = new Map<string, Draft>();
// Per workspace too: a draft kept in memory is never shown to another workspace (server/store/workspace-scope.ts).
const unsavedKey = (app: DraftingContext, id: string) => `${app.config.dataDir}\0${currentWorkspace()}\0${id}`;

/**
 * Saves a draft; on a storage failure keeps it in memory and throws a French error saying so and what to do. With
 * `revision` (the one it was read at), only if no other server saved it since: false then, and nothing is written.
 */
export async function saveDraft(app: DraftingContext, draft: Draft, revision?: number): Promise<boolean> {
  const key = unsavedKey(app, draft.id);
  try {
    const written = await draftStore(app).put(
      draft.id,
      draft,
      revision === undefined ? undefined : { expected: revision },
    );
    if (written) unsaved.delete(key);
    return written;
  } catch (err) {
    const io = ioErrorOf(err);
    if (!io) throw err;
    unsaved.set(key, draft);
    throw new AppError(io.code, message("drafts.keptInMemory", { reason: io.message, id: draft.id }), io.status);
  }
}

/** Writes a draft kept in memory after a failed save again; the saved draft, or a French 404. */
export async function retrySave(app: DraftingContext, id: string): Promise<Draft> {
  return withDraftLock(app, id, async () => {
    const pending = unsaved.get(unsavedKey(app, id));
    if (!pending) return getDraft(app, id);
    await saveDraft(app, pending);
    return pending;
  });
}

const optionsOf = (app: DraftingContext): GenerateOptions & { quoteChars?: number } => ({
  numCtx: app.config.numCtx,
  maxAnswerTokens: app.config.maxAnswerTokens,
  idleTimeoutMs: app.config.idleTimeoutMs,
});

/** The analysis a roadmap or briefing is built from: given inline, or read from the saved analyses. */
async function resolveAnalysis(
  app: DraftingContext,
  inputs: { analysisId?: string; analysis?: unknown },
): Promise<InventoryAnalysis | null> {
  if (inputs.analysis) return inputs.analysis as InventoryAnalysis;
  if (!inputs.analysisId) return null;
  // Saved analyses keep their items in a compact table: the inventory service rebuilds the whole analysis.
  const saved = await loadFullAnalysis(app, inputs.analysisId);
  if (!saved)
    throw new AppError("analysis_not_found", message("drafts.analysisNotFound", { id: inputs.analysisId }), 404);
  const parsed = analysisSchema.safeParse(saved);
  if (!parsed.success)
    throw new AppError(
      "invalid_analysis",
      message("drafts.analysisInvalid", {
        id: inputs.analysisId,
        details: formatIssues(parsed.error, saved).join(" ; "),
      }),
      422,
    );
  return parsed.data as InventoryAnalysis;
}

/**
 * A roadmap lowers the weighted exposure: a target above today's value (90 typed for 30: trial14 B17, « faire passer
 * … de 83 % à 90 % ») is refused in French, giving today's value, rather than written as an increase.
 */
function checkTargetBelowBaseline(inputs: { targetShare?: number }, analysis: InventoryAnalysis) {
  if (inputs.targetShare === undefined) return;
  const baseline = measureItems(withAlternativesInPlace(analysis.items)).weighted.value;
  // A target is a percentage: a value between 0 and 1 whose percentage reading lies below today's is a fraction
  // (trial18 F13: 0.5, read from the analysis API's `share`, became « de 86 % à 0,5 % »), refused with the percentage
  // it likely meant; a parc already at 2 % may aim at 0.5 %.
  if (baseline !== null && isFraction(inputs.targetShare) && inputs.targetShare * 100 <= baseline)
    throw new AppError(
      "invalid_input",
      message("drafts.targetShareFraction", {
        ...fractionVars(inputs.targetShare),
        baseline: formatPercent(baseline),
      }),
      400,
    );
  if (baseline === null || inputs.targetShare <= baseline + 1e-9) return;
  throw new AppError(
    "invalid_input",
    message("drafts.targetAboveBaseline", {
      target: formatPercent(inputs.targetShare),
      baseline: formatPercent(baseline),
    }),
    400,
  );
}

/**
 * Validates `{ type, inputs }` and resolves the analysis, before anything is streamed, so a bad request gets a
 * plain French 400/404.
 */
export async function prepareDraft(app: DraftingContext, body: unknown): Promise<PreparedDraft> {
  const { type, inputs } = parseDraftRequest(body);
  const analysis = await resolveAnalysis(app, inputs as { analysisId?: string; analysis?: unknown });
  if (type === "roadmap" && analysis) checkTargetBelowBaseline(inputs as { targetShare?: number }, analysis);
  // The analysis is kept with the draft's inputs, so a section can be regenerated after the analysis is gone.
  const kept = analysis ? ({ ...inputs, analysis } as DraftInputs) : inputs;
  return { type, inputs: kept, analysis, structure: loadStructure(type) };
}

const modeOf = (sections: DraftSection[]): DraftMode => {
  const meant = sections.filter((s) => s.mode === "generated" || s.toComplete);
  if (meant.length === 0 || meant.every((s) => s.toComplete)) return "template";
  return meant.some((s) => s.toComplete) ? "mixed" : "generated";
};

const allFlags = (sections: DraftSection[]) => sections.flatMap((s) => s.flags.map((f) => ({ ...f, section: s.key })));

/**
 * The notice of a draft written without the model: one plain sentence for the person writing, and the technical
 * detail (address, `ollama pull` commands) for the administrator, which the page folds under « Détails ».
 */
const noModelNotice = (detail: string): DraftEvent => ({
  type: "notice",
  text: `${message("drafts.noModel")} ${message("drafts.templateNotice")}`,
  detail,
});

async function initialState(app: DraftingContext): Promise<GenerationState> {
  const status = await app.models.status();
  return { llm: status.llmAvailable, notice: status.llmAvailable ? null : status.notice, quoted: new Set() };
}

async function outline(structure: DocumentStructure, ctx: DraftContext): Promise<string[]> {
  return Promise.all(structure.sections.map((s) => fill(s.title, ctx.vars)));
}

/**
 * Writes every section of a new draft, saves it and ends with `done` (its id). Nothing is saved if `signal`
 * aborts first.
 */
export async function* createDraft(
  app: DraftingContext,
  prepared: PreparedDraft,
  signal: AbortSignal,
  /** Who asks for it (`DraftVersion.by`), when someone is signed in. */
  by?: string | null,
): AsyncGenerator<DraftEvent> {
  const createdAt = new Date().toISOString();
  const ctx = await buildContext(prepared.type, prepared.inputs, prepared.analysis, prepared.structure, createdAt);
  const titles = await outline(prepared.structure, ctx);
  const state = await initialState(app);
  if (state.notice) yield noModelNotice(state.notice);
  const sections: DraftSection[] = [];
  for (const section of prepared.structure.sections) {
    if (signal.aborted) return;
    sections.push(
      yield* writeSection(
        section,
        ctx,
        titles,
        app,
        state,
        { ...optionsOf(app), quoteChars: prepared.type === "briefing" ? 260 : 420 },
        signal,
      ),
    );
  }
  if (signal.aborted) return;
  const draft: Draft = {
    id: newRecordId(),
    type: prepared.type,
    title: ctx.title,
    collectivite: ctx.collectivite,
    inputs: prepared.inputs as Record<string, unknown>,
    createdAt,
    versions: [{ at: createdAt, cause: "generate", sections, ...(by ? { by } : {}) }],
  };
  let saved = true;
  try {
    await saveDraft(app, draft);
  } catch (err) {
    // Nothing generated is lost: the draft stays in memory (readable, exportable) and the user is told what to do.
    if (!(err instanceof AppError) || !err.code.startsWith("io_")) throw err;
    saved = false;
    yield { type: "notice", text: err.message };
  }
  yield {
    type: "done",
    id: draft.id,
    mode: modeOf(sections),
    version: 1,
    flags: allFlags(sections),
    ...(saved ? {} : { saved: false }),
  };
}

/** A saved draft, or a French 404. */
export async function getDraft(app: DraftingContext, id: string): Promise<Draft> {
  return (await readDraft(app, id)).draft;
}

/** A draft and the revision it was saved at (none for a draft kept in memory after a failed save), or a French 404. */
async function readDraft(app: DraftingContext, id: string): Promise<{ draft: Draft; revision?: number }> {
  const kept = unsaved.get(unsavedKey(app, id));
  if (kept) return { draft: kept };
  const found = await draftStore(app).read(id);
  if (!found) throw new AppError("draft_not_found", message("drafts.notFound", { id }), 404);
  return { draft: found.value, revision: found.revision };
}

export interface DraftSummary {
  id: string;
  type: DraftType;
  title: string;
  collectivite: string;
  createdAt: string;
  updatedAt: string;
  versions: number;
  flags: number;
  /**
   * What the last version marks to check, as its document lists it (« Chiffres à vérifier et phrases non vérifiées »):
   * figures and sentences alike (trial21 T-L8: the list said « 3 chiffres » of a document marking 6 sentences).
   */
  checks: number;
}

/**
 * Saved drafts, most recently changed first; `checksOf` counts what a draft's last version marks to check, as its
 * document lists it (the exporter's model, a layer above: the route passes it).
 */
export async function listDrafts(app: DraftingContext, checksOf: (d: Draft) => number): Promise<DraftSummary[]> {
  const store = draftStore(app);
  const ids = await store.list();
  const pending = [...unsaved.entries()]
    .filter(([k, d]) => k === unsavedKey(app, d.id) && !ids.includes(d.id))
    .map(([, d]) => d);
  const drafts = [...pending, ...(await Promise.all(ids.map((id) => getDraft(app, id).catch(() => null))))];
  return drafts
    .filter((d): d is Draft => d !== null)
    .map((d) => {
      const last = d.versions.at(-1)!;
      return {
        id: d.id,
        type: d.type,
        title: d.title,
        collectivite: d.collectivite,
        createdAt: d.createdAt,
        updatedAt: last.at,
        versions: d.versions.length,
        flags: allFlags(last.sections).length,
        checks: checksOf(d),
      };
    });
}

/** The context of a saved draft, rebuilt from its inputs (and the analysis kept with them). */
async function contextOf(app: DraftingContext, draft: Draft) {
  const inputs = parseInputs(draft.type, draft.inputs);
  const analysis = await resolveAnalysis(app, inputs as { analysisId?: string; analysis?: unknown });
  const structure = loadStructure(draft.type);
  return { structure, ctx: await buildContext(draft.type, inputs, analysis, structure, draft.createdAt) };
}

/** Index of a section in the draft's latest version, or a French 404 listing the sections. */
export function sectionIndex(draft: Draft, key: string): number {
  const sections = draft.versions.at(-1)!.sections;
  const index = sections.findIndex((s) => s.key === key);
  if (index < 0)
    throw new AppError(
      "section_not_found",
      message("drafts.sectionNotFound", { key, keys: sections.map((s) => s.key).join(", ") }),
      404,
    );
  return index;
}

/**
 * Writes to one draft in this process run one after the other (read the latest version, add one, save); another
 * server on the same database is told apart by the save itself (on the revision read: `saveVersion`).
 */
const draftLock = keyedLock();

export function withDraftLock<T>(app: DraftingContext, id: string, fn: () => Promise<T>): Promise<T> {
  return draftLock(`${app.config.dataDir}\0${id}`, fn);
}

/**
 * Adds a version to the latest saved draft (to be called under its lock): the section is found again by key. The
 * draft is saved on the revision read, so a version another server saved meanwhile is never written over: with
 * `expected` (the versions the user saw), that is the French 409 of a stale edit; without, the version is added
 * again on top of the other one.
 */
async function saveVersion(
  app: DraftingContext,
  id: string,
  key: string,
  section: DraftSection,
  cause: string,
  /** What else the change carries: other sections computed again, new inputs, a notice for the version. */
  also?: { sections: Map<string, DraftSection>; inputs: Record<string, unknown>; notice: string },
  expected?: number,
  by?: string | null,
): Promise<Draft> {
  // A save refused means another one was written: each turn of this loop follows someone else's progress.
  for (;;) {
    const { draft, revision } = await readDraft(app, id);
    checkVersion(draft, expected);
    const index = sectionIndex(draft, key);
    const sections = draft.versions.at(-1)!.sections.map((s) => also?.sections.get(s.key) ?? s);
    sections[index] = section;
    const version = {
      at: new Date().toISOString(),
      cause,
      sections,
      ...(also ? { notice: also.notice } : {}),
      ...(by ? { by } : {}),
    };
    const next: Draft = { ...draft, ...(also ? { inputs: also.inputs } : {}), versions: [...draft.versions, version] };
    if (await saveDraft(app, next, revision)) return next;
  }
}

/**
 * The French 409 of a change asked on `expected` versions when the draft has more: it would silently replace
 * what was saved since (by another tab or another person). Without `expected`, nothing is checked.
 */
export function checkVersion(draft: Draft, expected: number | undefined): void {
  if (expected !== undefined && expected !== draft.versions.length) {
    throw new AppError(
      "version_conflict",
      // Who saved the newer version, when the version says it (trial17 D15), else « another tab or person ».
      draft.versions.at(-1)?.by
        ? message("drafts.versionConflictBy", {
            version: expected,
            current: draft.versions.length,
            by: draft.versions.at(-1)!.by!,
          })
        : message("drafts.versionConflict", { version: expected, current: draft.versions.length }),
      409,
    );
  }
}

/**
 * Writes one section again (new passages, the model if it answers); saves a new version and ends with `done`.
 * With `version`, a regeneration asked on an older version is refused (409) — before the model is called, and
 * again before saving — so the model's text never replaces a newer hand edit the user has not seen (trial15 B5).
 */
export async function* regenerateSection(
  app: DraftingContext,
  id: string,
  key: string,
  signal: AbortSignal,
  version?: number,
  by?: string | null,
): AsyncGenerator<DraftEvent> {
  const draft = await getDraft(app, id);
  sectionIndex(draft, key); // a French 404 for an unknown section
  checkVersion(draft, version);
  const { structure, ctx } = await contextOf(app, draft);
  const sectionStructure = structure.sections.find((s) => s.key === key);
  if (!sectionStructure)
    throw new AppError(
      "section_not_found",
      message("drafts.sectionNotFound", { key, keys: structure.sections.map((s) => s.key).join(", ") }),
      404,
    );
  const state = await initialState(app);
  if (state.notice && sectionStructure.generate) yield noModelNotice(state.notice);
  const section = yield* writeSection(
    sectionStructure,
    ctx,
    await outline(structure, ctx),
    app,
    state,
    { ...optionsOf(app), quoteChars: draft.type === "briefing" ? 260 : 420 },
    signal,
  );
  if (signal.aborted) return;
  const next = await withDraftLock(app, id, () =>
    saveVersion(app, id, key, section, `regenerate:${key}`, undefined, version, by),
  );
  const sections = next.versions.at(-1)!.sections;
  yield { type: "done", id: next.id, mode: modeOf(sections), version: next.versions.length, flags: allFlags(sections) };
}

/**
 * Replaces a section's text by the user's; its figures are checked again against the passages it was built
 * from and the structured data, and a new version is saved. With `version`, an edit made on an older version
 * is refused (409) rather than silently put on top of changes the user has not seen; without it, concurrent
 * edits are applied one after the other, each as its own version.
 */
export async function editSection(
  app: DraftingContext,
  id: string,
  key: string,
  body: unknown,
  by?: string | null,
): Promise<Draft> {
  const parsed = editSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError(
      "invalid_input",
      message("drafts.editInvalid", {
        details: formatIssues(parsed.error, body)
          .map((l) => l.replace(/^text/, `text (${message("drafts.field.text")})`))
          .join(" ; "),
      }),
    );
  }
  return withDraftLock(app, id, async () => {
    const draft = await getDraft(app, id);
    const index = sectionIndex(draft, key);
    checkVersion(draft, parsed.data.version);
    const previous = draft.versions.at(-1)!.sections[index]!;
    const text = parsed.data.text;
    // A roadmap's objective written by the DSI is the roadmap's target from now on (trial12 B1): the draft's inputs
    // and its computed parts follow it, and the edit is checked against the figures computed for it.
    const retarget = await retargeted(app, draft, key, text);
    const { ctx } = retarget ?? (await contextOf(app, draft));
    const chunks = previous.passageIds.length ? await app.store.getChunks(previous.passageIds) : [];
    const passages = chunks.map((c) => ({ text: c.text, section: c.section, document: c.document }));
    // As when the section was written: a quotation kept is its passage's text; a claim about others kept is checked.
    // What the user writes of others in their edit is checked against the corpus like their context's claims
    // (« Munich est restée sous Linux », trial7 A6): the sentences they wrote, not those kept from the version before;
    // their figures about the collectivité's own plan, against what the document computed.
    const written = sentenceSpans(text)
      .map((s) => s.text)
      .filter((s) => !previous.text.includes(s))
      .join(" ");
    const { verification, flags } = await checkedSection(text, passages, {
      facts: ctx.facts,
      quotations: quotedPassages(text, passages),
      claims: [...new Set([...(ctx.claims ?? []), ...contextClaims(written, ctx.collectivite)])],
      own: ctx.own,
      products: ctx.products,
      retriever: app.retriever,
      // The sentences the user wrote are checked as the model's are (trial26 T-M5: « Le conseil municipal a refusé …
      // » unverified when written by the model, verified when typed): their own local facts stand in the data.
      modelText: written,
      today: ctx.date,
      context: ctx.userContext,
    });
    // A sentence attested as a local fact stays so while its text is the same (`withAttestations`).
    const section: DraftSection = withAttestations({
      ...previous,
      text: retarget?.sections.get(key)?.text ?? text,
      flags,
      verification,
      toComplete: previous.toComplete && text.includes(message("drafts.draftMark").replaceAll("*", "").trim()),
      editedAt: new Date().toISOString(),
    });
    return saveVersion(app, id, key, section, `edit:${key}`, retarget ?? undefined, parsed.data.version, by);
  });
}

/**
 * Attests one flagged sentence of a section as a local fact `by` vouches for (or, `withdraw`, withdraws its
 * attestation): a new version, refused (409) when `version` is not the latest, as a section edit
 * (`attestations.ts` says which sentences may be attested).
 */
export async function attestSection(
  app: DraftingContext,
  id: string,
  key: string,
  body: unknown,
  by: string,
  withdraw = false,
): Promise<Draft> {
  const parsed = attestSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, body, message("drafts.attest.invalid"));
  return withDraftLock(app, id, async () => {
    const draft = await getDraft(app, id);
    const index = sectionIndex(draft, key);
    checkVersion(draft, parsed.data.version);
    const previous = draft.versions.at(-1)!.sections[index]!;
    // Who vouches: the signed-in person; without sign-in, the name typed, if any.
    const section = attestSentence(
      previous,
      parsed.data.sentence,
      by || parsed.data.name || message("drafts.attest.localUser"),
      new Date().toISOString(),
      withdraw,
    );
    const cause = `${withdraw ? "unattest" : "attest"}:${key}`;
    // The version's author is the signed-in person who attests (none without sign-in, as for an edit).
    return saveVersion(app, id, key, section, cause, undefined, parsed.data.version, by || null);
  });
}

/** The roadmap section whose objective the DSI may change (`statedObjective`). */
const OBJECTIVE_SECTION = "target";

/**
 * When the edit of a roadmap's « Objectif » section states another objective than the one the document computed
 * (`statedObjective`): the draft's inputs with that target, their context, the other sections with their computed
 * parts (calendar, phases, what the target requires) computed again for it, and a notice saying so — naming the
 * sections edited by hand, which keep the old figures. Null otherwise.
 */
async function retargeted(app: DraftingContext, draft: Draft, key: string, text: string) {
  if (draft.type !== "roadmap" || key !== OBJECTIVE_SECTION) return null;
  const before = await contextOf(app, draft);
  const shown = (v: string | undefined) => (v ? Number(v.replace(/[^\d,]/g, "").replace(",", ".")) : null);
  const printed = shown(before.ctx.vars.target_share);
  const stated = statedObjective(text, shown(before.ctx.vars.baseline_share));
  if (stated === null || printed === null || stated === printed) return null;
  const inputs = { ...draft.inputs, targetShare: stated };
  const after = await contextOf(app, { ...draft, inputs });
  const sections = new Map<string, DraftSection>();
  const stale: string[] = [];
  for (const section of draft.versions.at(-1)!.sections) {
    const structure = before.structure.sections.find((s) => s.key === section.key);
    if (!structure) continue;
    const source = section.key === key ? text : section.text;
    const pairs: [string, string][] = [];
    if (structure.append) pairs.push([fill(structure.append, before.ctx.vars), fill(structure.append, after.ctx.vars)]);
    if (!structure.generate && section.key !== key) {
      const filled = (vars: Record<string, string>) =>
        tidy(fill(structure.template, { ...vars, quotes: "", draft_mark: "" }));
      pairs.push([filled(before.ctx.vars), filled(after.ctx.vars)]);
    }
    let out = source;
    let missed = false;
    for (const [old, updated] of pairs) {
      if (!old || old === updated) continue;
      if (out.includes(old)) out = out.split(old).join(updated);
      else missed = true;
    }
    // The edited section is the DSI's own text: what it no longer holds is not stale.
    if (missed && section.key !== key) stale.push(section.title);
    if (out !== source) sections.set(section.key, { ...section, text: out });
  }
  const from = formatPercent(printed);
  const to = formatPercent(stated);
  const notice = [
    message("drafts.objective.changed", { before: from, after: to }),
    ...(stale.length ? [message("drafts.objective.stale", { before: from, sections: stale.join(", ") })] : []),
  ].join(" ");
  return { ...after, inputs, sections, notice };
}
