import { describe, expect, it } from "vitest";
import { checkFigures, extractFigures } from "../../server/verify/figures.ts";

const raw = (text: string) => extractFigures(text).map((f) => `${f.kind}:${f.value}`);

describe("extractFigures reads French formats", () => {
  it.each([
    ["103 164 postes", ["number:103164"]],
    ["103\u00a0164 postes", ["number:103164"]],
    ["12 millions d'euros par an", ["amount:12000000"]],
    ["12 millions d’euros", ["amount:12000000"]],
    ["12 M€", ["amount:12000000"]],
    ["152 millions d'euros", ["amount:152000000"]],
    ["300 milliards d'euros", ["amount:300000000000"]],
    ["2,5 millions de postes", ["number:2500000"]],
    ["40 %", ["percent:40"]],
    ["40\u00a0%", ["percent:40"]],
    ["de 5 à 13 %", ["percent:5", "percent:13"]],
    ["+430 %", ["percent:430"]],
    ["8 avril 2026", ["date:2026"]],
    ["le 1er juillet 2026", ["date:2026"]],
    ["avril 2026", ["month:2026"]],
    ["en 2027", ["year:2027"]],
    ["2026-04-08", ["date:2026"]],
    ["de 2005-2013", ["year:2005", "year:2013"]],
    ["200 à 250 postes", ["number:200", "number:250"]],
  ])("%s", (text, expected) => {
    expect(raw(text)).toEqual(expected);
  });

  it("ignores citation markers, list numbers, URLs and product names", () => {
    const text =
      "1. Migrer Office 365 et Windows 11 [3][4] vers https://example.org/2026/page-42 ;\n2. Passer en NIS2 avec 3D et E3.";
    expect(extractFigures(text)).toEqual([]);
    // A numbered list an excerpt quotes on one line: its numbers are markers too, a number ending a sentence is not.
    expect(extractFigures("« 4. Prévoir un pilote. 5. Publier chaque année l'état des indicateurs. »")).toEqual([]);
    expect(extractFigures("Il en reste 5. Les autres suivront.").map((f) => f.raw)).toEqual(["5"]);
  });

  it("keeps the parts of a date together", () => {
    const [date] = extractFigures("Le séminaire du mercredi 8 avril 2026.");
    expect(date).toMatchObject({ kind: "date", day: 8, month: 4, year: 2026, raw: "8 avril 2026" });
  });
});

describe("checkFigures", () => {
  const passages = [
    "Lors d'une audition, il a été indiqué que la Gendarmerie économise 12 millions d'euros par an (Assemblée nationale, 2021).",
    "Le séminaire interministériel du mercredi 8 avril 2026 a retenu sept catégories. La présentation annonce de 40 à 100 % de hausse.",
    "Gendarmerie : 103 164 postes sous Linux (97 % du parc).",
  ];

  it("flags an invented percentage", () => {
    const flags = checkFigures("La part des logiciels extra-européens atteint 47 % [1].", passages);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.figure).toBe("47 %");
    expect(flags[0]!.reason).toContain("absent des passages");
  });

  it("accepts figures written differently from the source", () => {
    const text =
      "La Gendarmerie économise 12 M€ par an [1], sur 103164 postes [3] ; le séminaire du 8 avril 2026 a retenu 7 catégories, en 2026, avec une hausse de 40 % annoncée.";
    expect(checkFigures(text, passages)).toEqual([]);
  });

  it("flags a wrong date, amount and count", () => {
    const flags = checkFigures(
      "Le 9 avril 2026, la Gendarmerie a économisé 15 millions d'euros sur 80 000 postes en 2019.",
      passages,
    );
    expect(flags.map((f) => f.figure)).toEqual(["9 avril 2026", "15 millions d'euros", "80 000", "2019"]);
  });

  it("accepts figures from the structured data as well as from the passages", () => {
    expect(
      checkFigures("La commune compte 25 000 habitants et 78 % d'installations extra-européennes.", [
        "Collectivité : Test (25\u00a0000 habitants)",
        "part : 78\u00a0%",
      ]),
    ).toEqual([]);
  });

  it("accepts a figure the draft rounded from the data", () => {
    expect(checkFigures("soit 78 % des installations", ["part : 78,4 %"])).toEqual([]);
    expect(checkFigures("soit 79 % des installations", ["part : 78,4 %"])).toHaveLength(1);
  });
});
