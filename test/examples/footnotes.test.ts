/**
 * The documents of `docs/examples/`, produced again from their inputs and the real corpus without a model: every
 * note points to a source that carries its statement, nothing is left « À rédiger », no corpus path or note to the
 * assistant leaks into a quotation, facts say how fresh they are, and calendars start after the day of writing.
 */
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { MONTHS } from "../../server/core/text.ts";
import { createDraft, getDraft, prepareDraft } from "../../server/drafting/drafts.ts";
import type { Draft } from "../../server/drafting/types.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { toMarkdown } from "../../server/export/markdown.ts";
import { buildDocument } from "../../server/export/model.ts";
import { realCorpusDataDir } from "../helpers/server.ts";
import { checkFootnotes } from "./footnotes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const INPUTS = path.join(ROOT, "docs/examples/inputs");

describe("the example documents", () => {
  let engine: Engine;
  let dataDir: string;
  const drafts = new Map<string, Draft>();
  beforeAll(async () => {
    dataDir = await realCorpusDataDir("cap-libre-examples-test-");
    engine = await createEngine(
      loadConfig({ CORPUS_DIR: path.join(ROOT, "corpus"), DATA_DIR: dataDir, OLLAMA_BASE_URL: "http://127.0.0.1:9" }),
    );
    await engine.index();
    for (const name of (await readdir(INPUTS)).filter((n) => n.endsWith(".json")).sort()) {
      const prepared = await prepareDraft(engine, JSON.parse(await readFile(path.join(INPUTS, name), "utf8")));
      let id = "";
      for await (const event of createDraft(engine, prepared, new AbortController().signal))
        if (event.type === "done") id = event.id;
      drafts.set(prepared.type, await getDraft(engine, id));
    }
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("cite, in every note, a source that carries the statement (or say it is Cap Libre's own analysis)", async () => {
    let checked = 0;
    for (const draft of drafts.values()) {
      const report = await checkFootnotes(draft, (ids) => engine.store.getChunks(ids));
      expect(report.problems, draft.type).toEqual([]);
      checked += report.checked;
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it("the check catches a note credited to another source of the page", async () => {
    const draft = structuredClone(drafts.get("letter")!);
    const section = draft.versions.at(-1)!.sections.find((s) => s.citations.some((c) => c.sources?.length))!;
    const citation = section.citations.find((c) => c.sources?.length)!;
    const [chunk] = await engine.store.getChunks([section.passageIds[citation.n - 1]!]);
    const other = chunk!.document.sources.find((s) => !citation.sources!.some((c) => c.title === s.title) && s.url)!;
    citation.sources = [{ title: other.title, url: other.url ?? null, date: other.date ?? null }];
    citation.url = other.url ?? null;
    const report = await checkFootnotes(draft, (ids) => engine.store.getChunks(ids));
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it("leave no placeholder, corpus path or note to the assistant in their text", () => {
    for (const draft of drafts.values()) {
      const text = draft.versions
        .at(-1)!
        .sections.map((s) => s.text)
        .join("\n");
      expect(text, draft.type).not.toMatch(
        /À rédiger|\b(?:guidance|case-studies|ecosystem)\/[a-z]|éviter de reprendre|il faut donc citer/i,
      );
      // The draft mark never glues to a list item, which would no longer be one (trial 2026-12-05).
      expect(text, draft.type).not.toMatch(/\*\*\[Brouillon à compléter\]\*\* (?:[-*>|] |\d+[.)] )/);
    }
    const essentials = drafts
      .get("briefing")!
      .versions.at(-1)!
      .sections.find((s) => s.key === "essentials")!;
    expect(essentials.text).toMatch(/^- .*CLOUD Act.*\[1\]$/m);
  });

  it("say how fresh their facts are, and warn about facts older than a year", () => {
    for (const draft of drafts.values())
      expect(toMarkdown(buildDocument(draft)), draft.type).toMatch(/Faits cités à jour (?:au |d'|de )/);
    expect(toMarkdown(buildDocument(drafts.get("roadmap")!))).toContain("cartographie du 15 juin 2026");
    expect(toMarkdown(buildDocument(drafts.get("roadmap")!))).toMatch(/Sources? anciennes? : .* plus d'un an/);
    expect(
      drafts
        .get("roadmap")!
        .versions.at(-1)!
        .sections.find((s) => s.key === "baseline")!.text,
    ).toContain("calcul Cap Libre, inventaire du 15 juin 2026");
  });

  it("schedule nothing before the day they are written", () => {
    for (const type of ["audit-plan", "roadmap"]) {
      const draft = drafts.get(type)!;
      const written = draft.createdAt.slice(0, 7);
      const calendar = draft.versions.at(-1)!.sections.find((s) => s.key === "calendar")!.text;
      const rows = calendar
        .split("\n")
        .filter((l) => l.startsWith("|") && !l.includes("---"))
        .slice(1)
        // The starting point is the map, dated the day of its inventory: a fact of the past, not a step scheduled.
        .filter((l) => !l.startsWith("| Point de départ (cartographie) |"));
      for (const row of rows) {
        for (const m of row.matchAll(new RegExp(`(${MONTHS.join("|")}) (\\d{4})`, "g"))) {
          const iso = `${m[2]}-${String(MONTHS.indexOf(m[1]!) + 1).padStart(2, "0")}`;
          expect(iso > written, `${type}: ${row}`).toBe(true);
        }
      }
    }
  });
});
