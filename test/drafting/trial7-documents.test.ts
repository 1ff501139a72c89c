/**
 * trial7's documents (5 December 2026), tested on other collectivités and figures than the trial's: the mark
 * « [non vérifié] » belongs to its sentence in every export (before its full stop, never read as the label of the
 * next one); the business software of an audit plan is listed once whatever the inventory's spelling; the
 * collectivité's own computed figures (a milestone and its date, the plan's standing, a replacement's gain) are
 * checked against those figures in a generated or a hand-edited section.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { AnalysisItem, Draft, InventoryAnalysis } from "../../server/drafting/types.ts";
import { exportDraft } from "../../server/export/index.ts";
import { sentenceSpans, verificationOf } from "../../server/verify/index.ts";

const hasPdftotext = spawnSync("pdftotext", ["-v"], { stdio: "ignore" }).status === 0;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "trial7-pdf-"));
  try {
    const file = path.join(dir, "doc.pdf");
    await writeFile(file, bytes);
    return spawnSync("pdftotext", [file, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, " ");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Text of the XML of an ODT or DOCX, tags removed. */
const xmlText = (bytes: Uint8Array, file: string) =>
  strFromU8(unzipSync(bytes)[file]!)
    .replace(/<[^>]+>/g, "")
    .replaceAll("&apos;", "'")
    .replace(/\s+/g, " ");

/** A letter whose sentences `flagged` (their index) the verification did not support. */
function letterWith(text: string, flagged: number[], figures: string[] = []): Draft {
  const spans = sentenceSpans(text);
  const verification = verificationOf(
    spans.map((s, i) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      citations: [],
      invalidCitations: [],
      status: flagged.includes(i) ? ("unsupported" as const) : ("supported" as const),
      reasons: flagged.includes(i) ? ["Aucun passage ne le dit."] : [],
    })),
  );
  return {
    id: "t7",
    type: "letter",
    title: "Courrier",
    collectivite: "Commune de Lanvéoc",
    inputs: { date: "2026-12-05" },
    createdAt: "2026-12-05T10:00:00.000Z",
    versions: [
      {
        at: "2026-12-05T10:00:00.000Z",
        cause: "generate",
        sections: [
          {
            key: "body",
            title: "Corps",
            text,
            citations: [],
            flags: figures.map((figure) => ({ figure, reason: "absent des passages" })),
            mode: "generated",
            toComplete: false,
            heading: false,
            passageIds: [],
            verification,
          },
        ],
      },
    ],
  };
}

describe("B6: « [non vérifié] » belongs to its sentence in every export", () => {
  const text =
    "La Ville de Tulle a migré ses écoles en mars 2031. Le Conseil départemental de la Creuse a gardé Windows. Brive a quitté Exchange ?";
  const draft = letterWith(text, [0, 2], ["2031"]);

  it("sits before the full stop (or question mark), never after it before the next sentence", async () => {
    const md = strFromU8((await exportDraft(draft, "md")).bytes).replace(/\s+/g, " ");
    const odt = xmlText((await exportDraft(draft, "odt")).bytes, "content.xml");
    const docx = xmlText((await exportDraft(draft, "docx")).bytes, "word/document.xml");
    const texts: [string, string][] = [
      ["md", md.replaceAll("**", "")],
      ["odt", odt],
      ["docx", docx],
    ];
    if (hasPdftotext) texts.push(["pdf", await pdfText((await exportDraft(draft, "pdf")).bytes)]);
    for (const [format, t] of texts) {
      expect(t, format).toMatch(/mars 2031\s*\[à vérifier\]\s*\[non vérifié\]\s*\.\s*Le Conseil/);
      expect(t, format).toMatch(/quitté Exchange\s*\[non vérifié\]\s*\?/);
      expect(t, format).not.toMatch(/[.?!]\s*\[non vérifié\]/);
    }
  });
});

describe("B7: the audit plan lists each business software once", () => {
  const business = (name: string, installations: number, product: AnalysisItem["product"]): AnalysisItem => ({
    name,
    installations,
    category: "business",
    extraEuropean: false,
    openSource: false,
    product,
  });
  const analysis: InventoryAnalysis = {
    id: "parc-lanveoc",
    createdAt: "2026-11-20T10:00:00.000Z",
    items: [
      // Two modules of one product, mapped to its catalog card; a third spelled otherwise by hand.
      business("e.magnus Gestion financière", 22, { id: "bl-emagnus", name: "Berger-Levrault e.magnus" }),
      business("e.magnus Ressources humaines", 9, { id: "bl-emagnus", name: "Berger-Levrault e.magnus" }),
      business("BERGER-LEVRAULT  E.MAGNUS", 3, null),
      business("Sedit Marianne", 4, { id: "sedit", name: "Sedit Marianne" }),
      business("Logiciel de l'état civil", 2, null),
    ],
  };

  it("merges names that differ only by case, accents or spacing, and leaves out those the DSI typed", () => {
    const ctx = buildContext(
      "audit-plan",
      parseInputs("audit-plan", {
        collectivite: { name: "Commune de Lanvéoc" },
        businessSoftware: ["Logiciel de l’Etat civil"],
      }),
      analysis,
      loadStructure("audit-plan"),
      "2026-12-05T10:00:00.000Z",
    );
    const row = ctx.vars.scope_table!.split("\n").find((l) => l.includes("Relevés par la cartographie"))!;
    const mapped = /Relevés par la cartographie : ([^|]*?)\.\s*\|/.exec(row)![1]!.split(", ");
    expect(mapped).toEqual(["Berger-Levrault e.magnus", "Sedit Marianne"]);
  });
});
