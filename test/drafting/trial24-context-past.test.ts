/**
 * trial24 T-L3 (`/work/notes/trial24-FINDINGS.md`): a letter without a model printed the association's « Le contrat
 * arrive à échéance en septembre 2026 (selon nos informations). » in the present, three months after that date, while
 * a typed request's passed deadline got « Échéance … passée à la date de ce courrier ». A past date in the sender's
 * context is noted the same way.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));

describe("a passed date in the sender's context (trial24 T-L3)", { timeout: 120_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  const local = async (context: string) => {
    const inputs = { ...letter, context, date: "2026-12-07" };
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs }));
    const id = events.at(-1)!.data.id;
    const d = await (await fetch(`${server.url}/api/drafts/${id}`)).json();
    return d.versions.at(-1).sections.find((s: { key: string }) => s.key === "local").text as string;
  };

  it("notes « en septembre 2026 » as passed on 7 December 2026, and not a date still to come", async () => {
    const text = await local(
      "La communauté renouvelle son parc de postes de travail. Le contrat arrive à échéance en septembre 2026.",
    );
    expect(text).toMatch(
      /Le contrat arrive à échéance en septembre 2026 \(selon nos informations\)\. \*\([^)]*« en septembre 2026 »[^)]*passée à la date de ce courrier/,
    );
    const later = await local("Le contrat arrive à échéance en septembre 2027.");
    expect(later).toContain("en septembre 2027 (selon nos informations).");
    expect(later).not.toContain("passée à la date");
  });
});
