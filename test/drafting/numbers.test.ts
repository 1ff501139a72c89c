/**
 * One set of numbers: the map, the roadmap, the briefing, the letter and the audit plan are built from one analysis (a GLPI export
 * of a commune, analysed with the real catalog, saved and read back as JSON) and must agree on every count, set
 * the same system components aside, and name them once.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { categoryLabel } from "../../server/core/labels.ts";
import { formatInt, formatPercent } from "../../server/core/text.ts";
import { buildContext } from "../../server/drafting/context.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { fill, loadStructure } from "../../server/drafting/structure.ts";
import type { DraftType, InventoryAnalysis } from "../../server/drafting/types.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import type { AnalysisResult } from "../../server/inventory/types.ts";

const NOW = "2026-12-04T10:00:00.000Z";
const collectivite = { name: "Kerbihan", kind: "commune", population: 20000 };
let map: AnalysisResult;
let analysis: InventoryAnalysis;
const docs: Record<string, string> = {};

/** A document as the templates write it without a model (passages left out). */
async function render(type: DraftType, inputs: Record<string, unknown>): Promise<string> {
  const structure = loadStructure(type);
  const parsed = parseInputs(type, { collectivite, ...inputs, analysis });
  const ctx = await buildContext(type, parsed, analysis, structure, NOW);
  const parts: string[] = [];
  for (const s of structure.sections) {
    const vars = { ...ctx.vars, quotes: "", draft_mark: "" };
    parts.push(
      `## ${await fill(s.title, vars)}`,
      await fill(s.template, vars),
      s.append ? await fill(s.append, vars) : "",
    );
  }
  return parts.join("\n\n");
}

beforeAll(async () => {
  const index = await loadMatchIndex(path.resolve("corpus"));
  const bytes = new Uint8Array(readFileSync("test/fixtures/drafting/glpi-commune.csv"));
  // A second export where products already seen come under other names: several lines of one product in a
  // category (Windows 10 Professionnel and Entreprise, Kaspersky Endpoint Security and Kaspersky Anti-Virus) — lines and products then differ.
  const complement = new TextEncoder().encode(
    "Nom;Éditeur;Nombre\nMicrosoft Windows 10 Entreprise;Microsoft Corporation;8\nKaspersky Anti-Virus;AO Kaspersky Lab;12\n",
  );
  map = analyzeRows(
    parseInventoryFiles([
      { name: "glpi-commune.csv", bytes },
      { name: "complement.csv", bytes: complement },
    ]).rows,
    index,
  );
  // What drafting reads: the saved analysis, as JSON.
  analysis = JSON.parse(JSON.stringify({ id: "2026-12-01-kerbihan", createdAt: "2026-12-01T09:00:00.000Z", ...map }));
  docs.roadmap = await render("roadmap", {
    targetShare: 35,
    targetDate: "2029-12",
    context: "Le contrat Microsoft 365 arrive à échéance en juin 2027. Le marché antivirus a été passé en mars 2024.",
  });
  docs.briefing = await render("briefing", {});
  // The audit plan from the same analysis (it once lacked the components' sentence and answered 500).
  docs["audit-plan"] = await render("audit-plan", {});
  docs.letter = await render("letter", {
    sender: { name: "Linux Kerbihan" },
    recipient: { name: "Monsieur le Maire", role: "maire" },
    requests: ["study"],
  });
}, 60_000);

describe("one set of numbers", () => {
  it("sets system components aside in the map, and none of them reaches a document", () => {
    const components = map.items.filter((i) => i.component).map((i) => i.name);
    expect(components.length).toBe(map.summary.components.items);
    expect(components.join(" ; ")).toMatch(/\.NET Framework/);
    expect(components.join(" ; ")).toMatch(/WebView2/);
    expect(components.join(" ; ")).toMatch(/Update Health Tools/);
    expect(components.join(" ; ")).toMatch(/Print Driver/);
    for (const [type, text] of Object.entries(docs)) {
      for (const name of components) expect(text, `${type} names ${name}`).not.toContain(name);
      expect(text.match(/composants système/g), type).toHaveLength(1);
    }
  });

  it("gives the map's counts and both measures, in the same words, in the roadmap, the briefing and the letter", () => {
    const s = map.summary;
    const total = `${formatInt(s.installations)} installations`;
    const items = `${formatInt(s.items)} logiciels`;
    const components = `${formatInt(s.components.items)} composants système (${formatInt(s.components.installations)} installations`;
    const raw = formatPercent(s.extraEuropean.share! * 100);
    const weighted = `ondérée par le rôle de chaque logiciel, l'exposition est de ${formatPercent(s.score.value!)}`;
    expect(s.score.value).toBeGreaterThan(0);
    for (const [type, text] of Object.entries(docs)) {
      expect(text, type).toContain(total);
      expect(text, type).toContain(items);
      expect(text, type).toContain(components);
      expect(text, type).toContain(`${formatInt(s.extraEuropean.installations)} `);
      expect(text, type).toContain(raw);
      expect(text, type).toContain(weighted);
    }
  });

  it("counts products per category in the roadmap's « État des lieux » exactly as the map does", () => {
    const section = docs.roadmap!.split("## État des lieux")[1]!.split("\n## ")[0]!;
    const rows = section
      .split("\n")
      .filter((l) => l.startsWith("| ") && !l.startsWith("| ---"))
      .slice(1);
    const table = new Map(
      rows
        .map((r) =>
          r
            .split("|")
            .slice(1, -1)
            .map((c) => c.trim()),
        )
        .map(([label, ...rest]) => [label!, rest]),
    );
    // The complement makes lines and products differ: the map counts distinct products, and so must the roadmap.
    const security = map.summary.categories.find((c) => c.category === "security")!;
    expect(security.items).toBeGreaterThan(security.products);
    expect(map.summary.categories.length).toBe(table.size);
    for (const c of map.summary.categories) {
      const label = categoryLabel(c.category);
      expect(table.get(label), `${label} in ${[...table.keys()].join(", ")}`).toBeDefined();
      const [products, installations, exposed] = table.get(label)!;
      expect({ label, products, installations, exposed }).toEqual({
        label,
        products: formatInt(c.products),
        installations: formatInt(c.installations),
        exposed: formatInt(c.extraEuropean.installations),
      });
    }
  });

  it("plans the map's quick wins as the roadmap's quick wins, and neither an uninstalled product nor a mail server", () => {
    const quick = docs.roadmap!.split("### Gains rapides")[1]!.split("### Remplacements accompagnés")[0]!;
    // A product found under several inventory names is one line, named after its catalog card (trial 10 B3).
    const literal = (t: string) => t.replace(/[()+.]/g, "\\$&");
    for (const w of map.summary.quickWins)
      expect(quick).toMatch(
        new RegExp(
          `\\*\\*(?:${literal(w.name)}|${literal(w.product.name)})\\*\\*[^\\n]*→ ${literal(w.alternative.name)} `,
        ),
      );
    expect(quick).toContain("Kaspersky");
    expect(quick).toMatch(/Kaspersky[^\n]*SORM/);
    expect(quick).not.toContain("Exchange");
    expect(docs.roadmap).not.toContain("Webex"); // 0 installations
    expect(map.summary.quickWins.map((w) => w.name).join()).not.toMatch(/Exchange|Webex/);
  });

  it("writes a calendar that starts after the day of the document, holds the local deadline, and never ends where it started", () => {
    const calendar = docs.roadmap!.split("## Jalons")[1]!.split("## Coûts")[0]!;
    const rows = calendar
      .split("\n")
      .filter((l) => l.startsWith("| ") && !l.startsWith("| ---") && !l.startsWith("| Jalon"));
    // The starting point is the map, on its own day; the roadmap's first month is its own row (trial 2026-12-05).
    expect(rows[0]).toMatch(/^\| Point de départ \(cartographie\) \| \d{1,2}(er)? \p{L}+ 20\d\d \|/u);
    expect(rows[1]).toContain("| Début de la feuille de route | janvier 2027 |");
    expect(calendar).toMatch(
      // A contract's end: a decision to take, not a deadline (trial18 F4).
      /\| Fin de contrat, décision à prendre \(Microsoft 365[^|]*\) : « Le contrat Microsoft 365 arrive à échéance en juin 2027 » \| juin 2027 \|/,
    );
    expect(calendar).not.toContain("2024");
    const values = rows.map((r) => r.split("|")[3]!.trim()).filter((v) => v.endsWith("%"));
    expect(values.at(-1)).not.toBe(values.at(-2));
    expect(docs.roadmap).toContain("Atteindre 35 % demande, logiciel par logiciel :".replace(" %", "\u00a0%"));
    expect(docs.roadmap).toMatch(/Au rythme des phases, l'objectif (est|n'est) atteint/);
  });
});
