/**
 * The test inventories against the real catalog (corpus/catalog): prints the share classified and the share
 * correct on the hand-checked lists, and fails below the thresholds. A wrong extra-European status is an error a
 * DSI would act on, so those must stay rare.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex, matchName } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import { allInventories, evaluate, evaluateRealNames, percent, realNameRows, realNames } from "./fixtures.ts";

/**
 * Minimum share classified right per domain of the real-name lists (test/fixtures/inventory/real-names): the list
 * the catalog was completed against, and a control list measured once and never tuned on (first measure: business
 * 88.6 %, open source 90.2 %, security 84.2 %, hardware 83.8 %).
 */
const THRESHOLDS = { business: 0.9, "open-source": 0.9, security: 0.9, hardware: 0.9 } as const;
const HOLDOUT_THRESHOLDS = { business: 0.8, "open-source": 0.8, security: 0.8, hardware: 0.8 } as const;
/**
 * The third list (commune-2026.json), written without looking at the catalog and hand-checked before any run.
 * First measure: business 6.3 %, open source 58.8 %, security 41.2 %, hardware 65.2 %; after the general fixes
 * it prompted (a console's agent as a part of its product, « description - product » names, package stems, a
 * vendor's whole range, a diverging catalog name only a guess): 56.3 %, 64.7 %, 52.9 %, 65.2 %. What is left is
 * software and makers absent from the catalog for want of a source read here (printers, Avira, Tenable, Seafile…):
 * unknown, never a wrong status.
 */
const COMMUNE_THRESHOLDS = { business: 0.55, "open-source": 0.6, security: 0.5, hardware: 0.6 } as const;

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

describe("classification with the real catalog", () => {
  it("has a catalog to measure against", () => {
    expect(index.counts.products).toBeGreaterThan(200);
    expect(index.counts.alternatives).toBeGreaterThan(200);
  });

  it("classifies most of the hand-checked names, with few wrong statuses", () => {
    const result = analyzeRows(parseInventoryFiles(allInventories()).rows, index);
    const e = evaluate(result.items);
    console.log(
      [
        `Catalogue réel : ${index.counts.vendors} éditeurs, ${index.counts.products} produits, ${index.counts.alternatives} alternatives.`,
        `Noms vérifiés à la main : ${e.total} applications et matériels identifiables, ${e.unknownKept[1]} logiciels maison, ${e.components[1]} composants.`,
        `Classés : ${e.classified}/${e.total} (${percent(e.classified, e.total)}) ; statut extra-européen juste : ${percent(e.provenanceCorrect, e.total)} ; tout juste (statut, libre, catégorie) : ${percent(e.correct, e.total)}.`,
        `Statut faux : ${e.wrong.length ? e.wrong.join(" ; ") : "aucun"}. Non classés : ${e.missed.join(" ; ") || "aucun"}.`,
        `Logiciels maison restés inconnus : ${e.unknownKept[0]}/${e.unknownKept[1]} ; composants reconnus : ${e.components[0]}/${e.components[1]}.`,
      ].join("\n"),
    );
    expect(e.absent).toEqual([]);
    expect(e.wrong).toEqual([]);
    expect(e.correct / e.total).toBeGreaterThanOrEqual(0.9);
    expect(e.unknownKept[0]).toBe(e.unknownKept[1]);
  });

  for (const [file, thresholds] of [
    ["expected.json", THRESHOLDS],
    ["holdout.json", HOLDOUT_THRESHOLDS],
    ["commune-2026.json", COMMUNE_THRESHOLDS],
  ] as const) {
    it(`classifies real product names right per domain (${file}): business software, installed open source, security, hardware`, () => {
      const names = realNames(file);
      const result = analyzeRows(realNameRows(names), index);
      const figures = evaluateRealNames(result.items, names);
      console.log(
        [
          `Noms réels (${file}) :`,
          ...figures.map(
            (f) =>
              `${f.domain} : ${f.right}/${f.total} classés justes (${percent(f.right, f.total)})${f.wrong.length ? ` — à revoir : ${f.wrong.join(" ; ")}` : ""}`,
          ),
        ].join("\n"),
      );
      for (const f of figures)
        expect(f.right / f.total, `${f.domain}: ${f.wrong.join(" ; ")}`).toBeGreaterThanOrEqual(thresholds[f.domain]);
      // A wrong extra-European status is the error a DSI would act on: none on either list.
      const wrongStatus = figures.flatMap((f) => f.wrong.filter((w) => /extra-européen (true|false)/.test(w)));
      expect(wrongStatus).toEqual([]);
    });
  }
});

describe("names of the Microsoft 365 installer (trial, 5 December 2026)", () => {
  it.each([
    ["Skype for Business Basic 2016 - en-us", "skype-for-business"],
    ["Microsoft Skype for Business Basic 2016 - en-us", "skype-for-business"],
    ["Skype for Business Basic 2016 - fr-fr", "skype-for-business"],
  ])("« %s » is %s, not the consumer Skype", (name, product) => {
    const match = matchName(index, name, "Microsoft Corporation");
    expect(match.entry?.id).toBe(product);
    expect(match.review).toBe(false);
  });
});

describe("a product name the catalog knows only after its vendor's (trial9, 6 December 2026)", () => {
  // « Total Security » is Kaspersky's, Bitdefender's and G DATA's; « Endpoint Security » Trellix's and Kaspersky's:
  // without its vendor's name, such a name belongs to none of them unless the publisher says which.
  it.each([
    ["360 Total Security", "Qihu 360 Technology Co. Ltd."],
    ["Total Security", null],
    ["Endpoint Security", "Acme Software"],
    ["Total Security", "Acme Software"],
  ])("« %s » (%s) is no catalog vendor's product", (name, publisher) => {
    const match = matchName(index, name, publisher);
    expect(match.entry === null || match.review).toBe(true);
    expect(match.entry?.vendor.id).not.toBe("kaspersky");
  });

  it.each([
    ["Kaspersky Total Security", "AO Kaspersky Lab", "kaspersky-endpoint-security"],
    ["Total Security", "AO Kaspersky Lab", "kaspersky-endpoint-security"],
    ["Bitdefender Endpoint Security Tools", "Bitdefender SRL", "bitdefender-gravityzone"],
    ["Teams", "Microsoft Corporation", "microsoft-teams"],
  ])("« %s » (%s) is still %s", (name, publisher, id) => {
    const match = matchName(index, name, publisher);
    expect(match.entry?.id).toBe(id);
    expect(match.review).toBe(false);
  });

  it("gives Bitdefender's consumer edition only as a suggestion of its product for organisations (trial 13, B1)", () => {
    const match = matchName(index, "Bitdefender Total Security", "Bitdefender SRL");
    expect(match).toMatchObject({ entry: { id: "bitdefender-gravityzone" }, review: true, consumer: "Total Security" });
  });
});

describe("a brand written with digits is part of the name (trial9, 6 December 2026)", () => {
  // « S3NS Cloud » loosened to « cloud », « 4D Server » to « server », « PDF24 Creator » to « creator »: without the
  // brand, the rest is anyone's.
  it.each([
    ["Xiaomi Cloud", "Xiaomi Inc."],
    ["Acme Server", "Acme Corp"],
    ["Creator", "Acme Corp"],
  ])("« %s » (%s) is not the product of a brand with digits", (name, publisher) => {
    const match = matchName(index, name, publisher);
    expect(["s3ns-cloud", "4d-database", "pdf24-creator"]).not.toContain(match.entry?.id);
  });

  it.each([
    ["PDF24 Creator 11.15", "geek software GmbH"],
    ["S3NS", null],
    ["4D Server v20", "4D SAS"],
  ])("« %s » (%s) is still recognised", (name, publisher) => {
    const match = matchName(index, name, publisher);
    expect(match.entry).not.toBeNull();
  });
});
