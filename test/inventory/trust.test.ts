/**
 * Matching a DSI can trust, against the real catalog (corpus/catalog): no wrong product picked through a
 * publisher's name, editions and versions told apart, low-confidence matches listed for review, versions of one
 * product merged, business software with alternatives of its own domain, exposure by jurisdiction — and matching
 * that stays linear in the input, whatever the length of a name.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/corpus/catalog.ts";
import type { CorpusProblem } from "../../server/corpus/documents.ts";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { isEuropean, loadMatchIndex, MAX_NEAR_KEY, type MatchIndex, matchName } from "../../server/inventory/match.ts";
import { nameTokens } from "../../server/inventory/normalize.ts";
import type { InventoryRow } from "../../server/inventory/types.ts";

let index: MatchIndex;
beforeAll(async () => {
  index = await loadMatchIndex(path.resolve("corpus"));
});

const row = (
  name: string,
  publisher: string | null,
  installations = 1,
  kind: InventoryRow["kind"] = "software",
): InventoryRow => ({
  name,
  publisher,
  versions: [],
  installations,
  kind,
  hint: null,
  file: "t",
});
const one = (name: string, publisher: string | null, kind: InventoryRow["kind"] = "software") =>
  analyzeRows([row(name, publisher, 1, kind)], index).items[0]!;

describe("no product picked through a publisher's name alone", () => {
  it("matches « Zabbix Agent 2 » to Zabbix, never to Avast's business agent", () => {
    const m = matchName(index, "Zabbix Agent 2 (64-bit)", "Zabbix SIA");
    expect(m.entry?.id).toBe("zabbix");
    const item = one("Zabbix Agent 2 (64-bit)", "Zabbix SIA");
    expect(item).toMatchObject({
      extraEuropean: false,
      openSource: true,
      exposure: { controllingCountry: "LV", laws: [] },
    });
    const wins = analyzeRows([row("Zabbix Agent 2 (64-bit)", "Zabbix SIA", 300)], index).summary.quickWins;
    expect(wins).toEqual([]);
  });

  it("does not take « DJI Assistant » for Synology DSM, nor generic « X Drive » / « X Connect » for Google Drive or Mitel", () => {
    // DJI's own tool is now in the catalog: it is DJI's, never Synology's.
    expect(one("DJI Assistant 2", "DJI").product?.id).toBe("dji-assistant");
    expect(one("Acme Assistant 2", "Acme Corp").product).toBeNull();
    for (const [name, publisher, notId] of [
      ["Acme Drive", "Acme Corp", "google-drive"],
      ["Foo Connect", "Foo Corp", "mitel-micollab"],
      ["Drive", null, "google-drive"],
      ["Connect", null, "mitel-micollab"],
    ] as const) {
      const item = one(name, publisher);
      expect(item.product?.id ?? null, name).not.toBe(notId);
      expect(item.product, name).toBeNull();
    }
  });
});

describe("editions, versions and names", () => {
  it("tells MySQL Workbench CE (free) from MySQL Enterprise", () => {
    const item = one("MySQL Workbench 8.0 CE", "Oracle Corporation");
    expect(item.product?.id).toBe("mysql-workbench");
    expect(item).toMatchObject({ openSource: true, extraEuropean: true });
    expect(matchName(index, "MySQL Enterprise Backup", "Oracle Corporation").entry?.id).toBe("mysql-enterprise");
  });

  it("files Windows 10 as Windows 10, with its end of support, and never as Windows 11", () => {
    const w10 = one("Windows 10 Pro", "Microsoft Corporation");
    expect(w10.product?.id).toBe("windows-10");
    expect(w10.risks.find((r) => r.kind === "end-of-support")?.label).toContain("14 octobre 2025");
    expect(one("Microsoft Windows 11 Famille", "Microsoft").product?.id).toBe("windows-11");
    expect(one("Windows 7 Professionnel", "Microsoft").product?.id).toBe("windows-7");
    // A version the catalog does not list is not another version's product.
    expect(["windows-10", "windows-11"]).not.toContain(matchName(index, "Windows 8.1 Pro 8", "Microsoft").entry?.id);
  });

  it("does not match an open-source package to the proprietary product it complements", () => {
    expect(one("GitLab Runner", "GitLab Inc.")).toMatchObject({ product: { id: "gitlab-ce" }, openSource: true });
    expect(one("Oracle VM VirtualBox 7.0.14", "Oracle Corporation")).toMatchObject({
      product: { id: "virtualbox" },
      openSource: true,
    });
    expect(one("Oracle VM VirtualBox Extension Pack", "Oracle Corporation")).toMatchObject({
      product: { id: "virtualbox-extension-pack" },
      openSource: false,
    });
    // « MySQL Enterprise Edition » loosens to « mysql »: a name that does not say Enterprise is not it.
    expect(one("MySQL Connector/ODBC 8.0", "Oracle Corporation").product?.id).not.toBe("mysql-enterprise");
  });

  it("picks no Windows version for a Windows name without one", () => {
    expect(one("Windows Subsystem for Linux", "Microsoft Corporation").product).toBeNull();
    expect(one("Windows Terminal", "Microsoft Corporation").product).toBeNull();
  });

  it("keeps « Microsoft Remote Desktop » apart from Azure Virtual Desktop", () => {
    expect(one("Microsoft Remote Desktop", "Microsoft Corporation").product?.id).toBe(
      "microsoft-remote-desktop-services",
    );
  });

  it("reads Linux package names whose publisher is the distribution's maintainer team", () => {
    expect(one("libreoffice-calc", "Debian LibreOffice Maintainers")).toMatchObject({
      product: { id: "libreoffice" },
      extraEuropean: false,
      openSource: true,
    });
    expect(one("firefox-esr", "Maintainers of Mozilla-related packages").product?.id).toBe("firefox");
    expect(one("thunderbird", "Ubuntu Mozilla Team").product?.id).toBe("thunderbird");
  });

  it("recognises names written in French and editions of known products", () => {
    expect(one("Services Bureau à distance", "Microsoft").product?.id).toBe("microsoft-remote-desktop-services");
    expect(one("Microsoft Office Professionnel Plus 2019", "Microsoft").product?.id).toBe("microsoft-office");
    expect(one("e.magnus GRH", "Berger-Levrault").product?.id).toBe("berger-levrault-e-magnus-rh");
  });

  it("recognises installed open-source and European software as alternatives already in place", () => {
    for (const [name, publisher, id] of [
      ["GLPI Agent 1.7.1", "Teclib'", "glpi"],
      ["OCS Inventory NG Agent 2.10.1.0", "OCS Inventory NG Team", "ocs-inventory"],
      ["FusionInventory Agent 2.6 (x64 edition)", "FusionInventory Team", "fusioninventory"],
      ["HeidiSQL 12.6.0.6765", "Ansgar Becker", "heidisql"],
      ["KeePassXC", "KeePassXC Team", "keepassxc"],
      ["i-Parapheur", "Libriciel SCOP", "iparapheur"],
      ["PDFsam Basic", "Sober Lemur S.a.s. di Vacondio Andrea", "pdfsam-basic"],
      ["ONLYOFFICE Desktop Editors 8.0.1 (x64)", "Ascensio System SIA", "onlyoffice-desktop-editors"],
    ] as const) {
      const item = one(name, publisher);
      expect(item.product?.id, name).toBe(id);
      expect(item.extraEuropean, name).toBe(false);
    }
  });
});

describe("low confidence is said, and listed for review rather than asserted", () => {
  it("keeps an unconfirmed one-letter-off name out of the map, with its suggestion", () => {
    // A letter changed into another, no publisher to confirm it (a dropped letter is recognised: typo-lines.test.ts).
    const r = analyzeRows([row("Mozilla Firefix", null, 40)], index);
    const item = r.items[0]!;
    expect(item.product).toBeNull();
    expect(item.extraEuropean).toBeNull();
    expect(item.suggestion).toMatchObject({ id: "firefox", method: "near" });
    expect(item.reason).toContain("à vérifier");
    expect(r.review?.map((u) => u.name)).toEqual(["Mozilla Firefix"]);
    expect(r.unknown.map((u) => u.name)).toContain("Mozilla Firefix");
  });
});

describe("one line per product", () => {
  it("merges Firefox 128 and Firefox 127 into one line, keeping the versions and the names", () => {
    const r = analyzeRows(
      [
        row("Firefox 128", "Mozilla", 30),
        row("Firefox 127", "Mozilla", 12),
        row("Windows 10 Pro", "Microsoft", 5),
        row("Windows 11 Pro", "Microsoft", 7),
      ],
      index,
    );
    const firefox = r.items.filter((i) => i.product?.id === "firefox");
    expect(firefox).toHaveLength(1);
    expect(firefox[0]).toMatchObject({ name: "Firefox", installations: 42, names: ["Firefox 128", "Firefox 127"] });
    expect(firefox[0]!.versions.sort()).toEqual(["127", "128"]);
    // Windows 10 and 11 are two products: two lines.
    expect(r.items.filter((i) => i.product?.id?.startsWith("windows-"))).toHaveLength(2);
  });
});

describe("business software of collectivités gets alternatives of its own domain", () => {
  it("never offers openElec (elections) for the e.magnus finance package", () => {
    const finance = one("e.magnus Gestion financière 5.2", "Berger-Levrault");
    expect(finance.product?.id).toBe("berger-levrault-e-magnus");
    expect(finance.alternatives.map((a) => a.id)).not.toContain("openelec");
    expect(one("e.magnus Elections", "Berger-Levrault").alternatives.map((a) => a.id)).toContain("openelec");
  });

  it("drops and reports a catalog mapping between two different domains", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "caplibre-domains-"));
    try {
      await mkdir(path.join(dir, "catalog"));
      const source = "sources: [{ title: Source de test, url: 'https://example.org/', date: 2026 }]";
      await writeFile(
        path.join(dir, "catalog", "c.yaml"),
        [
          "vendors:",
          `  - { id: v, name: V, country: FR, ${source} }`,
          "products:",
          `  - { id: gf, name: Finances X, vendor: v, category: business, domains: [finance], usage: Finances, ${source} }`,
          "alternatives:",
          `  - { id: elec, name: Elec, licence: GPL-3.0, publisher: P, country: FR, category: business, maturity: mature, domains: [elections], ${source} }`,
          "mappings:",
          "  - { product: gf, alternative: elec, fit: partial }",
        ].join("\n"),
      );
      const problems: CorpusProblem[] = [];
      const catalog = await loadCatalog(dir, problems);
      expect(catalog.mappings).toEqual([]);
      expect(problems.flatMap((p) => p.reasons).join(" ")).toContain("domaines différents");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("exposure by jurisdiction", () => {
  it("counts Russia, Belarus and Turkey as extra-European, and the EU, the EEA, the UK and Switzerland as European", () => {
    for (const c of ["RU", "BY", "TR", "US", "CN"]) expect(isEuropean(c), c).toBe(false);
    for (const c of ["FR", "DE", "IS", "NO", "LI", "GB", "CH"]) expect(isEuropean(c), c).toBe(true);
  });

  it("names the controlling country and the laws that reach it", () => {
    expect(one("Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab")).toMatchObject({
      extraEuropean: true,
      exposure: { controllingCountry: "RU", laws: ["ru-sorm", "ru-data-localisation"] },
    });
    expect(one("Foxit PDF Reader", "Foxit Software Inc.").exposure).toEqual({
      controllingCountry: "CN",
      laws: ["cn-national-intelligence-law", "us-cloud-act", "us-fisa-702"],
    });
    expect(one("Microsoft Teams", "Microsoft Corporation").exposure).toEqual({
      controllingCountry: "US",
      laws: ["us-cloud-act", "us-fisa-702"],
    });
    expect(one("LibreOffice 7.6", "The Document Foundation").exposure).toEqual({ controllingCountry: "DE", laws: [] });
    const kaspersky = one("Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab");
    expect(kaspersky.reason).toContain("loi russe de localisation des données personnelles");
  });

  it("knows Hikvision, Dahua and TikTok as Chinese-controlled", () => {
    for (const [name, publisher, kind] of [
      ["iVMS-4200", "Hikvision", "software"],
      ["DS-2CD2143G2-I", "Hikvision", "hardware"],
      ["SmartPSS", "Dahua Technology", "software"],
      ["TikTok", "ByteDance", "software"],
    ] as const) {
      const item = one(name, publisher, kind);
      expect(item.extraEuropean, name).toBe(true);
      expect(item.exposure, name).toEqual({ controllingCountry: "CN", laws: ["cn-national-intelligence-law"] });
    }
  });

  it("says which law in quick wins, and proposes no American replacement for an American product as one", () => {
    const wins = analyzeRows(
      [row("Zoom Workplace", "Zoom Video Communications", 120), row("Google Chrome", "Google LLC", 120)],
      index,
    ).summary.quickWins;
    expect(wins.map((w) => w.product.id)).toEqual(["zoom"]);
    expect(wins[0]!.laws).toEqual(["us-cloud-act", "us-fisa-702"]);
    expect(wins[0]!.reason).toContain("CLOUD Act");
  });
});

describe("fit grades", () => {
  it("does not call partial replacements drop-in", () => {
    const fitOf = (product: string, alternative: string) =>
      index.entries.get(product)!.alternatives.find((a) => a.id === alternative)?.fit;
    expect(fitOf("vmware-vsphere", "proxmox-ve")).toBe("partial");
    expect(fitOf("active-directory", "samba")).toBe("partial");
    expect(fitOf("microsoft-configuration-manager", "wapt")).toBe("partial");
    expect(fitOf("ibm-spss", "pspp")).toBe("partial");
    expect(fitOf("huawei-network", "westermo")).toBe("different-approach");
    expect(fitOf("cisco-catalyst", "teltonika-networks")).toBe("different-approach");
  });
});

describe("matching is linear in the input", () => {
  it("matches a 160,000-character name, and 1,000 names of 10,000 characters, within the test's time limit", () => {
    expect(matchName(index, "A".repeat(160_000), "X").entry).toBeNull();
    expect(matchName(index, "a - ".repeat(40_000), "X").entry).toBeNull();
    const rows = Array.from({ length: 1000 }, (_, i) => row(`name${i}x ${"Zx".repeat(5000)}`, "P".repeat(10_000)));
    expect(analyzeRows(rows, index).items).toHaveLength(1000);
    // Normalisation reads a bounded prefix: a name 100 times longer gives the same tokens.
    expect(nameTokens(`Mozilla Firefox ${"x".repeat(100_000)}`)).toEqual(
      nameTokens(`Mozilla Firefox ${"x".repeat(1_000_000)}`),
    );
    expect(MAX_NEAR_KEY).toBeLessThanOrEqual(64);
  });
});
