import { appendFile, rm } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../server/corpus/documents.ts";
import {
  buildMatchIndex,
  isEuropean,
  loadMatchIndex,
  type MatchIndex,
  matchName,
  vendorForPublisher,
} from "../../server/inventory/match.ts";
import { copyCorpus } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "./fixtures.ts";

let index: MatchIndex;
beforeAll(async () => {
  const corpus = await loadCorpus(INVENTORY_CORPUS);
  expect(corpus.problems).toEqual([]);
  index = buildMatchIndex(corpus.catalog, corpus.documents);
});

describe("matching inventory names against the catalog", () => {
  it.each([
    ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation", "microsoft-office"],
    ["Microsoft 365 Apps for enterprise - fr-fr", "Microsoft Corporation", "microsoft-office"],
    ["Teams Machine-Wide Installer", "Microsoft Corporation", "microsoft-teams"],
    ["Adobe Acrobat Reader DC - Français", "Adobe Systems Incorporated", "adobe-acrobat-reader"],
    ["Zoom Workplace (64-bit)", "Zoom Video Communications, Inc.", "zoom-workplace"],
    ["Kaspersky Security Center Network Agent", "AO Kaspersky Lab", "kaspersky-endpoint-security"],
    ["Java 8 Update 381 (64-bit)", "Oracle Corporation", "oracle-java"],
    ["Catalyst 2960-X", "Cisco Systems", "cisco-catalyst"],
    ["FortiGate-60F", "Fortinet", "fortinet-fortigate"],
    ["e.magnus GF Client", "Berger-Levrault", "berger-levrault-emagnus"],
    // Open-source software is recognised through the catalog's alternatives.
    ["LibreOffice 7.6", null, "libreoffice"],
    ["Mozilla Firefox (x64 fr)", "Mozilla", "firefox"],
    ["Mozilla Thunderbird (x64 fr)", "Mozilla", "thunderbird"],
    ["PostgreSQL 16", "PostgreSQL Global Development Group", "postgresql"],
    ["QGIS 3.34.4 'Prizren'", "QGIS.ORG", "qgis"],
  ])("%s (%s) → %s", (name, publisher, id) => {
    expect(matchName(index, name, publisher).entry?.id).toBe(id);
  });

  it("tolerates a typo or a split word: a letter dropped or a space is recognised, a letter changed only guessed", () => {
    const typo = matchName(index, "Mozila Firefox", null);
    expect(typo).toMatchObject({ method: "near", confidence: 0.8, review: false });
    expect(typo.entry?.id).toBe("firefox");
    expect(matchName(index, "Libre Office", null).entry?.id).toBe("libreoffice");
    // « Firefix »: a letter changed into another, without a publisher to confirm it — only a guess, to review.
    const changed = matchName(index, "Mozilla Firefix", null);
    expect(changed).toMatchObject({ method: "near", confidence: 0.6, review: true });
    expect(changed.entry?.id).toBe("firefox");
    expect(matchName(index, "Mozilla Firefix", "Mozilla")).toMatchObject({ method: "near", review: false });
  });

  it("falls back to the vendor when only the publisher is known", () => {
    const edge = matchName(index, "Microsoft Edge", "Microsoft Corporation");
    expect(edge).toMatchObject({ entry: null, method: "vendor", confidence: 0.5 });
    expect(edge.vendor?.id).toBe("microsoft");
    // "Microsoft 365"-like keys loosen to the bare vendor name, which must not become a product.
    expect(matchName(index, "Microsoft Silverlight", "Microsoft Corporation").entry).toBeNull();
  });

  it("does not guess: unrelated names sharing a word stay unmatched", () => {
    expect(matchName(index, "Office Timeline", "Office Timeline LLC").entry).toBeNull();
    expect(matchName(index, "Zoom Text Magnifier", "Freedom Scientific").entry).toBeNull();
    expect(matchName(index, "Gestion des Œuvres – Médiathèque", "Décalog")).toMatchObject({
      entry: null,
      method: "none",
      confidence: 0,
    });
    expect(matchName(index, "Civil Net RH", "Ciril GROUP").entry).toBeNull();
  });

  it("lowers the confidence when the publisher contradicts the catalog", () => {
    const m = matchName(index, "Zoom", "Microsoft Corporation");
    expect(m.publisherMismatch).toBe(true);
    expect(m.confidence).toBeLessThan(0.8);
  });

  it("maps publishers to catalog vendors", () => {
    expect(vendorForPublisher(index, "Cisco Webex LLC")?.id).toBe("cisco");
    expect(vendorForPublisher(index, "Zoom Video Communications, Inc.")?.id).toBe("zoom");
    expect(vendorForPublisher(index, "Fortinet Technologies Inc")?.id).toBe("fortinet");
    expect(vendorForPublisher(index, "Igor Pavlov")).toBeNull();
    // A generic first word does not name a vendor: Citrix's American owner is not the French Cloud Temple.
    expect(vendorForPublisher(index, "Cloud Temple")?.id).toBe("cloud-temple");
    expect(vendorForPublisher(index, "Cloud Software Group, Inc.")).toBeNull();
  });
});

describe("what the catalog says of an entry", () => {
  it("follows the controlling entity: a British vendor owned by an American fund is extra-European", () => {
    const sophos = index.entries.get("sophos-endpoint")!;
    expect(sophos.vendor).toMatchObject({ country: "GB", parent: { name: "Thoma Bravo", country: "US" } });
    expect(sophos.extraEuropean).toBe(true);
  });

  it("counts as extra-European what is controlled from outside the EU, the EEA, the United Kingdom and Switzerland", () => {
    const kaspersky = index.entries.get("kaspersky-endpoint-security")!;
    expect(kaspersky.extraEuropean).toBe(true);
    expect(kaspersky.risks).toContainEqual({ kind: "legal-exposure", label: "lois russes de surveillance (SORM)" });
    expect(
      isEuropean("FR") &&
        isEuropean("CH") &&
        isEuropean("GB") &&
        isEuropean("NO") &&
        isEuropean("IS") &&
        isEuropean("LI"),
    ).toBe(true);
    expect(isEuropean("RU") || isEuropean("BY") || isEuropean("TR") || isEuropean("UA") || isEuropean("RS")).toBe(
      false,
    );
    expect(isEuropean("US") || isEuropean("CN")).toBe(false);
  });

  it("reads open source, community projects and alternatives from the catalog", () => {
    expect(index.entries.get("postgresql")).toMatchObject({
      openSource: true,
      extraEuropean: false,
      vendor: { country: null },
    });
    expect(index.entries.get("firefox")).toMatchObject({ openSource: true, extraEuropean: true, licence: "MPL-2.0" });
    expect(index.entries.get("stormshield-sns")).toMatchObject({
      openSource: false,
      extraEuropean: false,
      kind: "alternative",
    });
    // Best alternative first: drop-in, then European, then open source.
    // A State service reserved to State agents, covering part of the product only, comes last.
    expect(index.entries.get("microsoft-teams")!.alternatives.map((a) => a.id)).toEqual([
      "nextcloud",
      "visio",
      "tchap",
    ]);
  });

  it("derives risks: price increases from the corpus, closed formats and lock-in from the catalog", () => {
    const vsphere = index.entries.get("vmware-vsphere")!;
    expect(vsphere.risks.find((r) => r.kind === "price-increase")).toMatchObject({
      source: { id: "case-studies/vmware-broadcom" },
    });
    expect(vsphere.risks.find((r) => r.kind === "price-increase")!.label).toContain("Broadcom");
    expect(index.entries.get("autodesk-autocad")!.risks.map((r) => r.kind)).toContain("closed-format");
    expect(index.entries.get("microsoft-windows")!.risks.find((r) => r.kind === "lock-in")!.label).toContain(
      "aucune alternative",
    );
    expect(index.entries.get("microsoft-sql-server")!.risks.find((r) => r.kind === "lock-in")!.label).toContain(
      "approches différentes",
    );
    expect(index.entries.get("google-chrome")!.risks.map((r) => r.kind)).toEqual(["legal-exposure", "legal-exposure"]);
  });
});

describe("the index cache", () => {
  it("reuses the index until a catalog file changes", async () => {
    const dir = await copyCorpus(INVENTORY_CORPUS);
    try {
      const first = await loadMatchIndex(dir);
      expect(await loadMatchIndex(dir)).toBe(first);
      await appendFile(
        `${dir}/catalog/products.yaml`,
        `  - id: microsoft-edge\n    name: Microsoft Edge\n    vendor: microsoft\n    category: workstation\n    usage: "Navigateur web"\n    sources:\n      - { title: "Microsoft Edge", url: "https://www.microsoft.com/edge", date: "2026-01" }\n`,
      );
      const second = await loadMatchIndex(dir);
      expect(second).not.toBe(first);
      expect(second.fingerprint).not.toBe(first.fingerprint);
      expect(matchName(second, "Microsoft Edge", "Microsoft Corporation").entry?.id).toBe("microsoft-edge");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
