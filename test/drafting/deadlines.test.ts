/**
 * Deadlines and « depuis » in quoted passages: parsed into dates by a small pure module (`core/deadlines.ts`,
 * words in `i18n/fr/deadlines.yaml`), and said beside the quotation when a document is dated after the deadline or
 * quotes an old « depuis ».
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDeadlines, findSince, olderThanAYear, pastDeadlines } from "../../server/core/deadlines.ts";
import { createDraft, getDraft, prepareDraft } from "../../server/drafting/drafts.ts";
import { annotateDeadlines, freshnessNote } from "../../server/drafting/generate.ts";
import type { Engine } from "../../server/engine.ts";
import { exportDraft } from "../../server/export/index.ts";
import { analyzeInventory } from "../../server/inventory/service.ts";
import { realCorpusEngine } from "../helpers/server.ts";

describe("deadline parsing", () => {
  it.each([
    ["doit formaliser d'ici l'automne 2026 son propre plan", "d'ici l'automne 2026", "2026-11-30"],
    ["une migration avant fin 2025", "avant fin 2025", "2025-12-31"],
    ["à remettre d'ici le 1er septembre 2026", "d'ici le 1er septembre 2026", "2026-09-01"],
    ["La commune basculera en 2026 sur Linux.", "en 2026", "2026-12-31"],
    ["Le plan doit être adopté en 2026.", "en 2026", "2026-12-31"],
    ["avant 2026", "avant 2026", "2025-12-31"],
    ["avant mars 2026", "avant mars 2026", "2026-02-28"],
    ["d'ici à 2030", "d'ici à 2030", "2030-12-31"],
    ["au plus tard le 15 juin 2027", "au plus tard le 15 juin 2027", "2027-06-15"],
    ["d'ici le premier semestre 2026", "d'ici le premier semestre 2026", "2026-06-30"],
    ["d'ici mi-2026", "d'ici mi-2026", "2026-06-30"],
    // « avant » a season: before it starts (21 June for summer, 21 December for winter); « d'ici »: by its end.
    ["avant l'hiver 2026", "avant l'hiver 2026", "2026-12-20"],
    ["avant l'été 2027", "avant l'été 2027", "2027-06-20"],
    ["avant le printemps 2028", "avant le printemps 2028", "2028-03-19"],
    ["D'ICI L'ÉTÉ 2026", "D'ICI L'ÉTÉ 2026", "2026-08-31"],
  ])("« %s » sets the deadline « %s » (%s)", (text, words, date) => {
    expect(findDeadlines(text)).toEqual([{ text: words, date }]);
  });

  it("does not take a past fact for a deadline", () => {
    expect(findDeadlines("En 2026, la commune a publié son plan.")).toEqual([]);
    expect(findDeadlines("Le label a été remis le 19 novembre 2025.")).toEqual([]);
  });

  it("is past on the document's date only if it was still to come when the corpus page was written", () => {
    const text = "Chaque ministère doit formaliser d'ici l'automne 2026 son propre plan.";
    expect(pastDeadlines(text, "2026-12-05", "2026-04-10")).toHaveLength(1);
    expect(pastDeadlines(text, "2026-04-20", "2026-04-10")).toEqual([]);
    expect(pastDeadlines(text, "2026-11-30", "2026-04-10")).toEqual([]);
    // A page written after the deadline tells what happened: not a promise.
    expect(pastDeadlines("avant fin 2025", "2026-12-05", "2026-03")).toEqual([]);
  });

  it("reads « depuis » dates and their age", () => {
    expect(findSince("La DINUM est dirigée depuis septembre 2022 par X.")).toEqual([
      { text: "depuis septembre 2022", date: "2022-09" },
    ]);
    expect(findSince("depuis le 1er mars 2024")).toEqual([{ text: "depuis le 1er mars 2024", date: "2024-03-01" }]);
    expect(olderThanAYear("2023-04", "2026-12-05")).toBe(true);
    expect(olderThanAYear("2026-04", "2026-12-05")).toBe(false);
  });
});

describe("freshness notes beside a quotation", () => {
  it("says a deadline is past, and how old a « depuis » source is", () => {
    expect(
      freshnessNote(
        "Chaque ministère doit formaliser d'ici l'automne 2026 son plan.",
        "2026-12-05",
        "2026-04-10",
        null,
      ),
    ).toBe(
      "Échéance « d'ici l'automne 2026 » passée à la date de ce document ; la fiche citée (à jour au 10 avril 2026) ne dit pas si elle a été tenue.",
    );
    expect(
      freshnessNote("La DINUM est dirigée depuis septembre 2022 par X.", "2026-12-05", "2026-03-01", "2023-04"),
    ).toBe(
      "« depuis septembre 2022 » : situation décrite par une source d'avril 2023, il y a plus d'un an ; elle a pu changer depuis.",
    );
    expect(
      freshnessNote("La DINUM est dirigée depuis septembre 2022 par X.", "2026-12-05", "2026-03-01", "2026-03"),
    ).toBeNull();
    expect(
      freshnessNote(
        "Chaque ministère doit formaliser d'ici l'automne 2026 son plan.",
        "2026-04-20",
        "2026-04-10",
        null,
      ),
    ).toBeNull();
  });
});

describe("a generated sentence that sets a past deadline", () => {
  it("gets the note right after it", () => {
    const { text, notes } = annotateDeadlines(
      "L'État a demandé un plan par ministère d'ici l'automne 2026 [1]. Nous vous proposons une étude [2].",
      "2026-12-05",
      "2026-04-10",
    );
    expect(notes).toHaveLength(1);
    expect(text).toBe(
      "L'État a demandé un plan par ministère d'ici l'automne 2026 [1]. *(Échéance « d'ici l'automne 2026 » passée à la date de ce document ; la fiche citée (à jour au 10 avril 2026) ne dit pas si elle a été tenue.)* Nous vous proposons une étude [2].",
    );
  });
});

describe("a generated « depuis » restated from an old source", () => {
  it("gets its age beside it", () => {
    const { text } = annotateDeadlines("La DINUM est dirigée depuis septembre 2022 par X [1].", "2026-12-05", () => ({
      pageDate: "2026-03-01",
      sourceDate: "2023-04",
    }));
    expect(text).toContain("[1]. *(« depuis septembre 2022 » : situation décrite par une source d'avril 2023");
  });
});

// A whole document drafted on the real corpus per test (the roadmap after an inventory analysis): on a machine loaded
// to 30, more than Vitest's default 30 s.
describe("a letter dated after the deadlines it quotes (real corpus, no model)", { timeout: 120_000 }, () => {
  let engine: Engine;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ engine, close } = await realCorpusEngine("cap-libre-deadlines-"));
  }, 120_000);
  afterAll(() => close?.());

  const letter = async (date: string) => {
    const input = JSON.parse(await readFile("docs/examples/inputs/courrier-linux-quimper.json", "utf8"));
    input.inputs.date = date;
    const prepared = await prepareDraft(engine, input);
    let id = "";
    for await (const e of createDraft(engine, prepared, new AbortController().signal)) if (e.type === "done") id = e.id;
    const draft = await getDraft(engine, id);
    const md = new TextDecoder().decode((await exportDraft(draft, "md")).bytes);
    return { draft, md };
  };

  it("says beside the quotation that « d'ici l'automne 2026 » is past on 5 December 2026, and flags nothing", async () => {
    const { draft, md } = await letter("2026-12-05");
    expect(md).toMatch(
      /d'ici l'automne 2026[^\n]*»\[\^\d+\] \*\(Échéance « d'ici l'automne 2026 » passée à la date de ce document ; la fiche citée \(à jour [^)]+\) ne dit pas si elle a été tenue\.\)\*/,
    );
    const sections = draft.versions.at(-1)!.sections;
    expect(sections.flatMap((s) => s.flags)).toEqual([]);
    expect(
      sections.flatMap((s) => (s.verification?.sentences ?? []).filter((x) => x.status === "unsupported")),
    ).toEqual([]);
  });

  it("argues from the sender's context: a Microsoft 365 renewal quotes Microsoft's price rises, not the Gendarmerie (trial3)", async () => {
    const prepared = await prepareDraft(engine, {
      type: "letter",
      inputs: {
        collectivite: { name: "Lannion", kind: "commune", department: "Côtes-d'Armor", region: "Bretagne" },
        sender: { name: "Libre Armor", description: "association lannionnaise de promotion des logiciels libres" },
        recipient: { name: "Madame Claire Dupont", role: "Maire de Lannion", civility: "Madame" },
        tone: "courtois",
        context:
          "La mairie vient de renouveler son abonnement Microsoft 365 pour trois ans sans débat au conseil municipal",
        requests: ["study", "target", "public-information"],
        subject: "Demande d'une étude des dépendances numériques de la commune",
        date: "2026-12-05",
      },
    });
    let id = "";
    for await (const e of createDraft(engine, prepared, new AbortController().signal)) if (e.type === "done") id = e.id;
    const local = (await getDraft(engine, id)).versions.at(-1)!.sections.find((s) => s.key === "local")!;
    // The peer named by « D'autres collectivités ont déjà engagé une démarche vers le logiciel libre, comme … [n] » is quoted after them
    // (trial14 B13); the others are about the renewal.
    const peers = new Set(
      [
        ...(
          /ont déjà engagé une démarche vers le logiciel libre, comme ([^.]+)\./.exec(local.text)?.[1] ?? ""
        ).matchAll(/\[(\d+)\]/g),
      ].map((m) => m[1]),
    );
    const quotes = [...local.text.matchAll(/^> « (.+?) » \[(\d+)\]/gmu)]
      .filter((m) => !peers.has(m[2]))
      .map((m) => m[1]!);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q).toMatch(/Microsoft|Office 365/);
    expect(quotes.some((q) => /hausse/.test(q))).toBe(true);
    expect(local.text).not.toMatch(/Gendarmerie|534 millions/);
    // No quotation opens on a « y » whose place it cut.
    for (const q of quotes) expect(q.split(/(?<=[.!?])\s/)[0]).not.toMatch(/(?<!\b[Ii]l\s|n')\by\s+(?!compris)\p{Ll}/u);
  });

  it("quotes for the roadmap's alternatives only what is about them, each credited to a source that carries it (trial3)", async () => {
    const file = "test/fixtures/inventory/trial/glpi-commune-saint-aubin.csv";
    const analysis = await analyzeInventory(engine, [
      { name: "glpi-commune-saint-aubin.csv", bytes: new Uint8Array(await readFile(file)) },
    ]);
    const prepared = await prepareDraft(engine, {
      type: "roadmap",
      inputs: { collectivite: { name: "Saint-Aubin", kind: "commune" }, analysisId: analysis.id, targetShare: 40 },
    });
    let id = "";
    for await (const e of createDraft(engine, prepared, new AbortController().signal)) if (e.type === "done") id = e.id;
    const draft = await getDraft(engine, id);
    const section = draft.versions.at(-1)!.sections.find((s) => s.key === "alternatives")!;
    const quotes = [...section.text.matchAll(/^> « (.+?) » \[(\d+)\]/gmu)].map((m) => ({
      text: m[1]!,
      n: Number(m[2]),
    }));
    expect(quotes.length).toBeGreaterThan(0);
    // About an alternative of the table: the CrowdStrike outage is not quoted for the antivirus editors after it.
    // (Office out of support comes first in the roadmap since trial16 C8: its alternatives are among those quoted.)
    for (const q of quotes)
      expect(q.text).toMatch(
        /G DATA|ESET|Bitdefender|HarfangLab|Tixeo|Pexip|Olvid|Nextcloud|BlueMind|LibreOffice|ONLYOFFICE|Collabora|Debian|Ubuntu|Element|Linphone/,
      );
    expect(section.text).not.toContain("CrowdStrike");
    // What an alternative replaces is Cap Libre's correspondence, not what an article on its editor says: not
    // quoted under that article's name.
    expect(section.text).not.toMatch(/Remplace :/);
    for (const c of section.citations) {
      const quote = quotes.find((q) => q.n === c.n)!;
      for (const s of c.sources ?? []) {
        // A passage naming its sources in the text credits those the quotation names, not the page's whole list.
        if (!c.title.startsWith("Alternative :")) expect(quote.text).toContain(s.title.split(/[ ,]/)[0]!);
      }
    }
  });

  it("says nothing of it in a letter dated before the deadline", async () => {
    const { md } = await letter("2026-04-20");
    expect(md).toContain("d'ici l'automne 2026");
    expect(md).not.toContain("passée à la date de ce document");
  });
});
