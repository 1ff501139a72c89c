/**
 * Catalog facts a DSI would be corrected on, against the real catalog (corpus/catalog): a console's agent beside its
 * product, free software of an American foundation, a licence price risk on a free product, backup filed where a
 * DSI looks for it.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex, type MatchIndex, matchName, vendorForPublisher } from "../../server/inventory/match.ts";
import { measureItems } from "../../server/inventory/measure.ts";
import type { InventoryRow } from "../../server/inventory/types.ts";
import { inventoryRow } from "./fixtures.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

const row = inventoryRow;
const analyze = (...rows: InventoryRow[]) => analyzeRows(rows, index);
const find = (items: ReturnType<typeof analyze>["items"], name: string) =>
  items.find((i) => i.name === name || i.names?.includes(name))!;

describe("a console's agent installed beside its product counts once", () => {
  it.each([
    ["Kaspersky Endpoint Security for Windows", "Kaspersky Security Center Network Agent", "AO Kaspersky Lab"],
    [
      "Kaspersky Endpoint Security pour Windows",
      "Agent d'administration de Kaspersky Security Center",
      "AO Kaspersky Lab",
    ],
    ["ESET Endpoint Security", "ESET Management Agent", "ESET, spol. s r.o."],
    ["McAfee Endpoint Security Threat Prevention", "McAfee Agent", "McAfee, LLC"],
    ["Sophos Endpoint Agent", "Sophos AutoUpdate", "Sophos Limited"],
    ["Avast Business Antivirus", "Avast Business Agent", "Avast Software"],
    ["Panda Adaptive Defense 360", "Panda Endpoint Agent", "Panda Security"],
  ])("%s and « %s » on the same 75 machines: 75 installations of the product", (product, agent, publisher) => {
    const { items } = analyze(row(product, publisher, 75), row(agent, publisher, 75));
    const main = find(items, product);
    const part = find(items, agent);
    expect(main.component).toBe(false);
    expect(part).toMatchObject({ component: true, partOf: main.product!.id, product: { id: main.product!.id } });
    const measured = measureItems(items).measured.filter((m) => m.item.product?.id === main.product!.id);
    expect(measured.reduce((s, m) => s + m.item.installations, 0)).toBe(75);
  });

  it("files Sophos Connect, the firewall's VPN client, with the firewall and not as a second endpoint product", () => {
    const { items } = analyze(row("Sophos Connect", "Sophos Limited", 20));
    expect(items[0]).toMatchObject({ product: { id: "sophos-firewall" }, category: "network", component: false });
  });
});

describe("free software of an American foundation", () => {
  it("says Firefox is open source under US jurisdiction, counts its exposure, and does not plan to replace it", () => {
    const { items } = analyze(row("Mozilla Firefox (x64 fr)", "Mozilla", 40), row("Google Chrome", "Google LLC", 40));
    const firefox = find(items, "Mozilla Firefox (x64 fr)");
    expect(firefox).toMatchObject({ openSource: true, extraEuropean: true, exposure: { controllingCountry: "US" } });
    expect(firefox.reason).toContain("Logiciel libre, mais sous la juridiction de son éditeur (États-Unis)");
    expect(firefox.reason).toContain("pas une cible de remplacement prioritaire");
    // Counted in the measure, for less than a proprietary American product.
    const m = measureItems(items).measured;
    const f = m.find((x) => x.item.product?.id === "firefox")!;
    const c = m.find((x) => x.item.product?.id === "google-chrome")!;
    expect(f.exposure).toBeGreaterThan(0);
    expect(f.exposure).toBeLessThan(c.exposure!);
  });
});

describe("a licence price risk applies to paid products only", () => {
  it("gives no « hausse de prix » to free Microsoft Edge, and keeps it on Windows 11 and Microsoft 365 Apps", () => {
    const kinds = (id: string) => index.entries.get(id)!.risks.map((r) => r.kind);
    expect(kinds("microsoft-edge")).not.toContain("price-increase");
    expect(kinds("microsoft-visual-cpp-redistributable")).not.toContain("price-increase");
    expect(kinds("vmware-tools")).not.toContain("price-increase");
    expect(kinds("windows-11")).toContain("price-increase");
    expect(kinds("microsoft-365-apps")).toContain("price-increase");
    expect(kinds("vmware-vsphere")).toContain("price-increase");
    const { summary } = analyze(row("Microsoft Edge", "Microsoft Corporation", 90));
    expect(summary.risks.map((r) => r.kind)).not.toContain("price-increase");
  });
});

describe("backup is filed where a DSI looks for it", () => {
  it.each([
    ["Veeam Backup & Replication", "Veeam Software Group GmbH"],
    ["Veeam Agent for Microsoft Windows", "Veeam Software Group GmbH"],
    ["Acronis Cyber Protect Agent", "Acronis International GmbH"],
    ["Commvault", "Commvault Systems"],
  ])("%s: hosting and storage (« Hébergement et cloud »), not antivirus and security", (name, publisher) => {
    expect(analyze(row(name, publisher)).items[0]!.category).toBe("hosting");
  });
});

describe("matching found wrong or missing on the third list of real names (commune-2026.json)", () => {
  it("does not assert « Cisco Secure Endpoint » (an EDR) to be Cisco Secure Client, a VPN client", () => {
    const item = analyze(row("Cisco Secure Endpoint", "Cisco Systems, Inc.")).items[0]!;
    expect(item.product).toBeNull();
    expect(item.suggestion?.id).toBe("cisco-anyconnect");
    expect(item.extraEuropean).toBe(true);
  });

  it("reads the product after a French description and a dash (« Gestion des cimetières - openCimetière »)", () => {
    const item = analyze(row("Gestion des cimetières - openCimetière", "openMairie")).items[0]!;
    expect(item).toMatchObject({ product: { id: "opencimetiere" }, openSource: true, extraEuropean: false });
    expect(analyze(row("Outil interne - Microsoft", "Microsoft Corporation")).items[0]!.product).toBeNull();
  });

  it("knows another distribution package of split free software, never a proprietary product through a package", () => {
    expect(analyze(row("libreoffice-draw", "Debian LibreOffice Maintainers")).items[0]).toMatchObject({
      product: { id: "libreoffice" },
      openSource: true,
    });
    // A free client of a proprietary service, and the proprietary extension of free software: not asserted.
    expect(analyze(row("teams-for-linux", "Debian Maintainers")).items[0]!.product).toBeNull();
    expect(analyze(row("virtualbox-ext-pack", "Debian Virtualbox Team")).items[0]!.product).toBeNull();
  });

  it("gives a vendor's whole range to its products the catalog lacks (Libriciel: free business software)", () => {
    const comelus = analyze(row("Comelus", "Libriciel SCOP")).items[0]!;
    expect(comelus).toMatchObject({ product: null, category: "business", openSource: true, extraEuropean: false });
    expect(comelus.reason).toContain("comme tous les logiciels que publie Libriciel");
    expect(analyze(row("BL.citoyens", "Berger-Levrault")).items[0]).toMatchObject({
      category: "business",
      openSource: false,
    });
    // A vendor with a mixed range (Cisco) gives none.
    expect(analyze(row("Cisco Umbrella Roaming Client", "Cisco Systems, Inc.")).items[0]!.category).toBeNull();
  });
});

describe("the vendor's name typed with a slip or two, the publisher confirming that vendor (trial25 T-M1)", () => {
  // 18 posts of a Russian antivirus were left without a product, so without alternative nor line in the plan.
  it.each([
    ["Kasperski Endpoint Security 12", "AO Kaspersky Lab", "kaspersky-endpoint-security"],
    ["Micosoft Office Proffessionnel Plus 2019", "Microsoft Corporation", "microsoft-office"],
    ["Mozzila Firefox ESR (x64 fr)", "Mozilla", "firefox"],
  ])("« %s » by %s is %s, with its alternatives", (name, publisher, id) => {
    const m = matchName(index, name, publisher);
    expect(m.entry?.id).toBe(id);
    expect(m.review).toBe(false);
    const item = find(analyze(row(name, publisher, 18)).items, name);
    expect(item.product?.id).toBe(id);
  });

  it("stays a guess without a publisher to confirm the vendor, or when the word is far from it", () => {
    expect(matchName(index, "Kasperski Endpoint Security 12", null).review).toBe(true);
    expect(matchName(index, "Kappa Endpoint Security 12", "AO Kaspersky Lab").review).toBe(true);
  });
});

describe("a publisher or a name written in Cyrillic (trial25 T-M2)", () => {
  it("reads « ООО «ЯНДЕКС» » as Yandex, so its browser counts as Russian, not « origine inconnue »", () => {
    expect(vendorForPublisher(index, "ООО «ЯНДЕКС»")?.name).toBe("Yandex");
    const m = matchName(index, "Navigateur Yandex", "ООО «ЯНДЕКС»");
    expect(m.vendor?.name).toBe("Yandex");
    expect(m.entry?.id).toBe("yandex-browser");
    const item = find(analyze(row("Navigateur Yandex", "ООО «ЯНДЕКС»", 2)).items, "Navigateur Yandex");
    expect(item.vendor?.country).toBe("RU");
  });

  it("matches a product's Cyrillic name the catalogue lists", () => {
    expect(matchName(index, "Яндекс.Браузер", null).entry?.id).toBe("yandex-browser");
    expect(matchName(index, "Яндекс Браузер", "ООО «ЯНДЕКС»")).toMatchObject({ review: false });
  });

  it("reads Kaspersky's Russian name « Лаборатория Касперского » as Kaspersky (trial26 T-M7)", () => {
    expect(vendorForPublisher(index, "Лаборатория Касперского")?.name).toBe("Kaspersky");
    expect(vendorForPublisher(index, "АО «Лаборатория Касперского»")?.name).toBe("Kaspersky");
    const item = find(analyze(row("Kaspersky Free", "Лаборатория Касперского", 4)).items, "Kaspersky Free");
    expect(item.vendor?.country).toBe("RU");
  });
});
