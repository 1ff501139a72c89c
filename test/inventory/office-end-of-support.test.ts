/**
 * trial15 B1: a DSI presenting « fins de support » to élus missed 285 postes — « Microsoft Office Standard 2016 » (210)
 * and « Skype version 8.110 » (75) carried legal and price risks but no end of support. Office's editions all report
 * version « 16.0 »: the year in the inventory's name tells the edition (catalog `lifecycle` without a build); Skype, a
 * free product whose service stopped on 5 May 2025, has no paid support to buy.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { encodeTable } from "../../server/inventory/compact.ts";
import { mapToCsv } from "../../server/inventory/export.ts";
import { loadMatchIndex, type MatchIndex } from "../../server/inventory/match.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});
const NOW = "2026-12-06T08:00:00Z";
const eos = (name: string, now = NOW, versions = ["16.0.4266.1001"]) => {
  const item = analyzeRows([{ ...inventoryRow(name, "Microsoft Corporation", 10), versions }], index, { now })
    .items[0]!;
  return {
    product: item.product?.id,
    labels: item.risks.filter((r) => r.kind === "end-of-support").map((r) => r.label),
  };
};

describe("Office editions have their own end of support, told by the year in the name (trial15 B1)", () => {
  it("gives Office 2016 and 2019 their end of support on 14 October 2025, with Microsoft's lifecycle page", () => {
    const o16 = eos("Microsoft Office Standard 2016");
    expect(o16.product).toBe("microsoft-office");
    expect(o16.labels).toHaveLength(1);
    expect(o16.labels[0]).toMatch(/Office 2016[^;]*14 octobre 2025[^;]*Microsoft Learn/);
    expect(eos("Microsoft Office Professionnel Plus 2019").labels.join()).toMatch(/Office 2019[^;]*14 octobre 2025/);
  });

  it("dates Office 2021 / LTSC 2021 to 13 October 2026 and leaves Office 2024 without a risk in 2026", () => {
    expect(eos("Microsoft Office LTSC Professionnel Plus 2021").labels.join()).toMatch(/LTSC 2021[^;]*13 octobre 2026/);
    // Before its end, no risk yet.
    expect(eos("Microsoft Office LTSC Professionnel Plus 2021", "2026-06-01T08:00:00Z").labels).toEqual([]);
    expect(eos("Microsoft Office LTSC Professionnel Plus 2024").labels).toEqual([]);
  });

  it("says « à vérifier » with each edition's date when the name gives no year", () => {
    const unknown = eos("Microsoft Office Professionnel Plus");
    expect(unknown.product).toBe("microsoft-office");
    expect(unknown.labels.join()).toMatch(
      /à vérifier.*Office 2016 : 14 octobre 2025.*Office 2024 et Office LTSC 2024 : 9 octobre 2029/,
    );
  });
});

describe("Windows Server 2012 and 2012 R2 (trial18 F7)", () => {
  it("gives each its own edition, both out of support since 10 October 2023 (Microsoft Learn)", () => {
    const r2 = eos("Microsoft Windows Server 2012 R2 Standard", NOW, ["6.3.9600"]).labels;
    expect(r2).toHaveLength(1);
    expect(r2[0]).toMatch(/édition Windows Server 2012 R2 \(Windows Server\) le 10 octobre 2023[^;]*Microsoft Learn/);
    const plain = eos("Microsoft Windows Server 2012 Datacenter", NOW, ["6.2.9200"]).labels;
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatch(/édition Windows Server 2012 \(Windows Server\) le 10 octobre 2023/);
    expect(eos("Windows Server 2016 Standard", NOW, ["10.0.14393"]).labels).toEqual([]);
  });
});

describe("an edition the catalogue does not cover (trial18 F7)", () => {
  it("says so for « Windows Server 2008 R2 », without the other editions' dates", () => {
    const label = eos("Microsoft Windows Server 2008 R2 Standard", NOW, ["6.1.7601"]).labels.join();
    expect(label).toMatch(/l'édition 2008 R2 n'est pas dans le catalogue/);
    expect(label).not.toMatch(/Windows Server 2016 :/);
    // A name without a year still lists the editions, to check.
    expect(eos("Microsoft Windows Server Standard", NOW, ["10.0.1"]).labels.join()).toMatch(/Windows Server 2016 :/);
  });
});

describe("Exchange Server 2016 and 2019 (trial18 F7)", () => {
  it("gives both 14 October 2025, the subscription edition none", () => {
    expect(eos("Microsoft Exchange Server 2016").labels.join()).toMatch(/Exchange Server 2016[^;]*14 octobre 2025/);
    expect(eos("Microsoft Exchange Server 2019").labels.join()).toMatch(/Exchange Server 2019[^;]*14 octobre 2025/);
    // Named without a year, the subscription edition is « à vérifier », never given an end of its own.
    expect(eos("Microsoft Exchange Server Subscription Edition").labels.join()).toMatch(/à vérifier/);
  });
});

describe("Outlook, Access and Publisher bought alone have Office's end of support (trial17 D14)", () => {
  it("gives « Microsoft Outlook 2016 » and its siblings 14 October 2025, the new Outlook none", () => {
    const outlook = eos("Microsoft Outlook 2016");
    expect(outlook.product).toBe("microsoft-outlook");
    expect(outlook.labels.join()).toMatch(/Outlook 2016 autonome[^;]*14 octobre 2025[^;]*Microsoft Learn/);
    expect(eos("Microsoft Outlook 2019").labels.join()).toMatch(/Outlook 2019 autonome[^;]*14 octobre 2025/);
    expect(eos("Microsoft Access Runtime 2016").labels.join()).toMatch(/Access 2016 autonome[^;]*14 octobre 2025/);
    expect(eos("Microsoft Publisher 2019").labels.join()).toMatch(/Publisher 2019 autonome[^;]*14 octobre 2025/);
    // Microsoft 365's Outlook, and a name without a year, are no edition of these: no end of support, no « à vérifier ».
    expect(eos("Microsoft Outlook (nouveau)", NOW, ["1.2025.1105.100"]).labels).toEqual([]);
    expect(eos("Outlook", NOW, []).labels).toEqual([]);
  });
});

describe("the map's CSV says each line's end of support and risks (trial17 D17)", () => {
  it("has « Fin du support de l'éditeur » and « Risques » columns a DSI can filter", () => {
    const items = analyzeRows(
      [
        { ...inventoryRow("Microsoft Outlook 2016", "Microsoft Corporation", 12), versions: ["16.0.4266.1001"] },
        { ...inventoryRow("Microsoft Windows 10 Entreprise LTSC 2021", "Microsoft Corporation", 45), versions: [] },
        { ...inventoryRow("Microsoft Office Professionnel Plus", "Microsoft Corporation", 8), versions: [] },
        inventoryRow("LibreOffice 24.8", "The Document Foundation", 30),
      ],
      index,
      { now: NOW },
    ).items;
    const text = new TextDecoder().decode(mapToCsv(encodeTable(items)));
    const [head, ...rows] = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const cols = head!.split(";");
    const at = (name: string) => cols.indexOf(name);
    expect(at("Fin du support de l'éditeur")).toBeGreaterThan(0);
    expect(at("Risques")).toBe(at("Fin du support de l'éditeur") + 1);
    // The cells before « Risques » hold no « ; »: a plain split finds the end of support.
    const row = (name: string) => rows.find((r) => r.startsWith(`${name};`))!.split(";");
    const end = at("Fin du support de l'éditeur");
    expect(row("Microsoft Outlook 2016")[end]).toBe("14 octobre 2025");
    expect(row("Microsoft Windows 10 Entreprise LTSC 2021")[end]).toMatch(/^12 janvier 2027 \(dans \d+ semaines\)$/);
    expect(row("Microsoft Office Professionnel Plus")[end]).toBe("à vérifier selon l'édition");
    expect(row("LibreOffice 24.8")[end]).toBe("");
    expect(rows.find((r) => r.startsWith("Microsoft Outlook 2016;"))).toMatch(
      /;"[^"]*Fin du support de l'édition Outlook 2016 autonome \(Microsoft Outlook\) le 14 octobre 2025[^"]*";/,
    );
  });
});

describe("Skype's stopped service is an end of support without a paid contract to buy (trial15 B1)", () => {
  it("marks Skype's end on 5 May 2025 and says to uninstall it", () => {
    const skype = eos("Skype version 8.110", NOW, ["8.110"]);
    expect(skype.product).toBe("skype");
    expect(skype.labels.join()).toMatch(/5 mai 2025.*plus aucun correctif/);
    expect(skype.labels.join()).not.toMatch(/contrat payant/);
  });

  it("keeps « sans contrat payant » for a paid product (Windows 7)", () => {
    expect(eos("Microsoft Windows 7 Professionnel", NOW, ["6.1.7601"]).labels.join()).toMatch(/sans contrat payant/);
  });
});
