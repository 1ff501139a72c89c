/**
 * A list « one line per computer and software » (a reporting tool's or a hand-made export: GLPI's own computer list
 * writes one line per computer, its software names in one cell, joined by <br> or, in GLPI 11's CSV, by a line
 * break): the computer's name column is recognised whatever other columns the export has, so two names of one product
 * on one computer count one installation (README), and two near-identical exports of one parc give one count
 * (trial 12, B7: 14 Kaspersky on 10 PCs once an Entité and an Éditeur column were added). Other products than the
 * trial's: ESET, Microsoft Office.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

/** Six computers; PC-01 to PC-03 carry two names of ESET and two of Microsoft Office. */
function perComputer(withExtraColumns: boolean): string {
  const lines: string[] = [];
  const add = (pc: string, software: string, publisher: string) =>
    lines.push(
      withExtraColumns
        ? `${pc};Mairie d'Essai;${software};${publisher};2026-11-20 10:00:00`
        : `${pc};${software};2026-11-20 10:00:00`,
    );
  for (let i = 1; i <= 6; i++) {
    const pc = `MAIRIE-PC-0${i}`;
    add(pc, "ESET Endpoint Security 11", "ESET, spol. s r.o.");
    add(pc, "Mozilla Firefox (x64 fr)", "Mozilla");
    if (i <= 3) {
      add(pc, "ESET Endpoint Antivirus", "ESET, spol. s r.o.");
      add(pc, "Microsoft Office Professionnel Plus 2019", "Microsoft Corporation");
      add(pc, "Microsoft Office Standard 2016", "Microsoft Corporation");
    }
  }
  const header = withExtraColumns
    ? "Nom;Entité;Logiciels - Nom;Logiciels - Éditeur;Dernier inventaire"
    : "Nom;Logiciels - Nom;Dernier inventaire";
  return [header, ...lines].join("\n");
}

const installationsOf = (text: string, productId: string) => {
  const parsed = parseInventoryFiles([file("postes.csv", text)]);
  const result = analyzeRows(parsed.rows, index);
  return {
    parsed,
    count: result.items
      .filter((i) => i.product?.id === productId && !i.component)
      .reduce((s, i) => s + i.installations, 0),
  };
};

describe("a list of one line per computer and software", () => {
  it("counts each product once per computer, with or without an Entité and an Éditeur column", () => {
    for (const extra of [true, false]) {
      const eset = installationsOf(perComputer(extra), "eset-endpoint");
      expect(eset.count, `extra columns: ${extra}`).toBe(6);
      expect(installationsOf(perComputer(extra), "microsoft-office").count, `extra columns: ${extra}`).toBe(3);
      expect(installationsOf(perComputer(extra), "firefox").count).toBe(6);
      // The map says which column named the computers.
      expect(eset.parsed.files[0]!.columns.computer).toBe("Nom");
    }
  });

  it("splits a GLPI 11 computer list whose software names are joined by a line break in one cell", () => {
    const text = [
      "Nom;Logiciels - Nom",
      'MAIRIE-PC-01;"ESET Endpoint Security 11\nESET Endpoint Antivirus\nMozilla Firefox (x64 fr)"',
      'MAIRIE-PC-02;"ESET Endpoint Security 11\nMozilla Firefox (x64 fr)"',
    ].join("\n");
    expect(installationsOf(text, "eset-endpoint").count).toBe(2);
    expect(installationsOf(text, "firefox").count).toBe(2);
  });

  it("still sums a per-name export's counts (no computer column)", () => {
    const text = [
      "Nom;Éditeur;Nombre d'installations",
      "ESET Endpoint Security;ESET;40",
      "ESET Endpoint Antivirus;ESET;10",
    ].join("\n");
    expect(installationsOf(text, "eset-endpoint").count).toBe(50);
  });
});
