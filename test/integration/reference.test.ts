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
  let body: { categories: string[]; labels: Record<string, Record<string, string>>; inputs: Record<string, Schema> };
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
  });

  it("the page's hand-written maxlengths (web/drafts.js) agree with the served schema", () => {
    const page = readFileSync("web/drafts.js", "utf8");
    const declared = [...page.matchAll(/path: "([\w.]+)"[^}]*?maxlength: (\d+)/g)].map((m) => ({
      path: m[1]!,
      max: Number(m[2]),
    }));
    expect(declared.length).toBeGreaterThan(10);
    const disagree = declared.filter(({ path, max }) => {
      const limits = Object.values(body.inputs)
        .map((schema) => at(schema, path)?.maxLength)
        .filter((v) => v !== undefined);
      return limits.length > 0 && !limits.includes(max);
    });
    expect(disagree).toEqual([]);
  });
});
