/**
 * One source of truth for labels and input limits (issue 14): `GET /api/reference` serves the server's own
 * categories, labels and input schemas, and the page's form limits agree with them.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATEGORIES } from "../../server/corpus/schema.ts";
import { message } from "../../server/i18n/messages.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

type Schema = { properties?: Record<string, Schema>; maxLength?: number; required?: string[]; allOf?: Schema[] };

/** The schema of a dotted path (`collectivite.name`) inside an object schema. */
function at(schema: Schema, path: string): Schema | undefined {
  let s: Schema | undefined = schema;
  for (const key of path.split("."))
    s = s?.properties?.[key] ?? s?.allOf?.map((a) => a.properties?.[key]).find(Boolean);
  return s;
}

describe("GET /api/reference", () => {
  let server: TestServer;
  let body: {
    categories: string[];
    labels: Record<string, Record<string, string>>;
    inputs: Record<string, Schema>;
    edit: Schema;
  };
  beforeAll(async () => {
    server = await startTestServer();
    const response = await fetch(`${server.url}/api/reference`);
    expect(response.status).toBe(200);
    body = await response.json();
  });
  afterAll(() => server.stop());

  it("serves the catalog's categories with the labels the documents use", () => {
    expect(body.categories).toEqual([...CATEGORIES]);
    for (const c of CATEGORIES) expect(body.labels.category![c]).toBe(message(`category.${c}`));
    expect(body.labels.fit!["drop-in"]).toBe(message("fit.drop-in"));
    expect(body.labels.kind!["case-study"]).toBe(message("kind.case-study"));
  });

  it("serves the inputs of each document type as JSON Schema, with the server's limits", () => {
    expect(Object.keys(body.inputs).sort()).toEqual(["audit-plan", "briefing", "letter", "roadmap"]);
    expect(at(body.inputs.letter!, "collectivite.name")?.maxLength).toBe(200);
    expect(at(body.inputs.letter!, "collectivite")?.required).toContain("name");
    // The edit of a section too: the page's editor takes its length from here.
    expect(at(body.edit, "text")?.maxLength).toBe(30_000);
    expect(body.edit.required).toEqual(["text"]);
  });

  it("states the rules a refine checks as JSON Schema: a roadmap needs its analysis, a briefing a question or an analysis", () => {
    expect((body.inputs.roadmap as { anyOf?: unknown }).anyOf).toEqual([
      { required: ["analysisId"] },
      { required: ["analysis"] },
    ]);
    expect((body.inputs.briefing as { anyOf?: unknown }).anyOf).toEqual([
      { required: ["question"] },
      { required: ["analysisId"] },
      { required: ["analysis"] },
    ]);
  });

  it("the page writes no input limit of its own: web/drafts.js reads them from this schema", () => {
    const page = readFileSync("web/drafts.js", "utf8");
    // Lengths, bounds and requirements written as numbers or `true` in the form's layout, or the server's choices.
    expect(page.match(/\b(?:maxlength|minlength|min|max|required):\s*(?:\d|true)/g)).toBeNull();
    expect(page.match(/"(?:Madame|Monsieur|courtois|formel|ferme|study|target|public-information)"/g)).toBeNull();
    expect(page).toMatch(/reference\.inputs/);
  });
});
