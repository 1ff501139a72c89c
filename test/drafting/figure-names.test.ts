/**
 * trial9 A8, on other names and numbers than the trial's: a number inside a product's name the draft's data carry
 * (« Sage 100 » in the inventory) is part of that name, not a figure to check; and a flagged figure is never marked
 * inside a larger number (« 100 » of a total « 1 100 »).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import { exportDraft } from "../../server/export/index.ts";
import { sampleDraft, writeDraft } from "../helpers/drafts.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

describe("A8: a product's number is its name; a mark never splits a number", () => {
  const fixture = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8")) as InventoryAnalysis;
  // 410 installations in the fixture, plus 630 of « Sage 100 », 10 of « Notepad++ » and 50 of « 7-Zip »: a total of 1 100.
  const analysis = {
    ...fixture,
    id: "2026-05-02-sage",
    items: [
      ...fixture.items,
      { name: "Notepad++", installations: 10, category: "utility", confidence: 0.2, reason: "inconnu" },
      { name: "Sage 100", installations: 630, category: "business", confidence: 0.2, reason: "inconnu" },
      { name: "7-Zip", installations: 50, category: "utility", confidence: 0.2, reason: "inconnu" },
    ],
  } as InventoryAnalysis;
  let server: TestServer;
  let markdown = "";
  let flags: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    await server.engine.records("analyses").put(analysis.id, analysis);
    const written = await writeDraft(server.engine, {
      type: "audit-plan",
      inputs: {
        collectivite: { name: "Commune de Saint-Pol", kind: "commune" },
        analysisId: analysis.id,
        context:
          "Deux postes de la comptabilité ont le logiciel Sage 100, installé par un prestataire. Trois postes de l'accueil ont le logiciel 7-Zip installé",
        author: "DSI de Saint-Pol",
      },
    });
    const md = new TextDecoder().decode((await exportDraft(written.draft, "md")).bytes);
    markdown = md.replace(/\s+/g, " ");
    flags = written.draft.versions[0]!.sections.flatMap((s) => (s.flags ?? []).map((f) => f.figure));
  }, 120_000);
  afterAll(() => server?.stop());

  it("does not flag the number of a name the inventory carries", () => {
    expect(markdown).toMatch(/le logiciel Sage 100, installé/);
    // Its sentence is the collectivité's own matter: no mark, neither on the name's number nor on the sentence.
    expect(markdown).toMatch(/Trois postes de l'accueil ont le logiciel 7-Zip installé\. /);
    expect(flags).not.toContain("100");
    expect(flags).not.toContain("7");
    expect(markdown).not.toMatch(/\*\*(?:100|7)\*\*/);
  });

  it("states the total whole, never marked as the figure it contains", () => {
    expect(markdown).toMatch(/recense 1[ \u00a0\u202f]100 installations/);
  });
});

describe("A8: a mark never splits a number", () => {
  it("marks a flagged « 100 » where it stands whole, never inside « 1 100 », « 12 100 » or « 1 100,5 »", async () => {
    const draft = sampleDraft();
    const section = draft.versions[0]!.sections[0]!;
    section.text =
      "La cartographie recense 1 100 installations, 12 100 en comptant les composants, soit 1 100,5 par site. Le logiciel est installé sur 100 postes.";
    section.flags = [{ figure: "100", reason: "absent" }];
    const md = new TextDecoder().decode((await exportDraft(draft, "md")).bytes).replace(/\s+/g, " ");
    expect(md).toMatch(/recense 1 100 installations, 12 100 en comptant les composants, soit 1 100,5 par site\./);
    expect(md).toMatch(/installé sur \*\*100\*\* \*\*\[à vérifier\]\*\* postes/);
  });
});
