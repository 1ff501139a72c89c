/**
 * Catalog-wide rules, read from the YAML files themselves (not through the loader, which drops what breaks them):
 * every product's alternatives come from its own family — network equipment for network equipment, software for
 * software, the same business domain for business software — and an owner no source confirms is marked so.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { catalogPassages, isEuropean, loadCatalog, sameCategoryFamily } from "../../server/corpus/catalog.ts";
import type { CorpusProblem } from "../../server/corpus/documents.ts";
import { buildMatchIndex } from "../../server/inventory/match-index.ts";

const CATALOG = path.resolve("corpus/catalog");

interface RawRecord {
  id?: string;
  category?: string;
  domains?: string[];
  product?: string;
  alternative?: string;
  ownershipVerified?: boolean;
  notes?: string;
}

async function rawCatalog() {
  const all: Record<"vendors" | "products" | "alternatives" | "mappings", RawRecord[]> = {
    vendors: [],
    products: [],
    alternatives: [],
    mappings: [],
  };
  for (const name of (await readdir(CATALOG)).filter((n) => n.endsWith(".yaml")).sort()) {
    const data = YAML.parse(await readFile(path.join(CATALOG, name), "utf8")) ?? {};
    for (const kind of Object.keys(all) as (keyof typeof all)[])
      all[kind].push(...((data[kind] as RawRecord[] | undefined) ?? []));
  }
  return all;
}

/** The catalog loaded from a folder holding only `data` (as `catalog/c.yaml`), its problems added to `problems`. */
async function catalogOf(data: object, problems: CorpusProblem[] = []) {
  const dir = await mkdtemp(path.join(tmpdir(), "caplibre-catalog-"));
  try {
    await mkdir(path.join(dir, "catalog"));
    await writeFile(path.join(dir, "catalog", "c.yaml"), YAML.stringify(data));
    return await loadCatalog(dir, problems);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("alternatives of a product's own family", () => {
  it("never offers network equipment for software, nor software for network equipment, nor another business domain", async () => {
    const raw = await rawCatalog();
    const products = new Map(raw.products.map((p) => [p.id!, p]));
    const alternatives = new Map(raw.alternatives.map((a) => [a.id!, a]));
    const wrong: string[] = [];
    for (const m of raw.mappings) {
      const p = products.get(m.product!);
      const a = alternatives.get(m.alternative!);
      if (!p || !a) continue; // unknown ids: the corpus test reports them
      if (!sameCategoryFamily(p.category!, a.category!))
        wrong.push(`${p.id} (${p.category}) → ${a.id} (${a.category})`);
      if (p.domains?.length && a.domains?.length && !p.domains.some((d) => a.domains!.includes(d)))
        wrong.push(`${p.id} [${p.domains}] → ${a.id} [${a.domains}]`);
    }
    expect(wrong).toEqual([]);
    expect(raw.mappings.length).toBeGreaterThan(400);
  });

  it("tells the families apart, and the loader drops a mapping across them with a French reason", async () => {
    expect(sameCategoryFamily("collaboration", "network")).toBe(false);
    expect(sameCategoryFamily("network", "workstation")).toBe(false);
    expect(sameCategoryFamily("network", "network")).toBe(true);
    expect(sameCategoryFamily("security", "network")).toBe(true);
    expect(sameCategoryFamily("workstation", "collaboration")).toBe(true);
    const source = { title: "Test", url: "https://example.org/", date: "2026-12" };
    const data = {
      vendors: [{ id: "acme", name: "Acme", country: "CN", sources: [source] }],
      products: [
        {
          id: "acme-phone",
          name: "Acme Phone",
          vendor: "acme",
          category: "collaboration",
          usage: "Visioconférence",
          sources: [source],
        },
      ],
      alternatives: [
        {
          id: "switch",
          name: "Switch",
          publisher: "X",
          country: "FR",
          category: "network",
          maturity: "mature",
          sources: [source],
        },
        {
          id: "visio",
          name: "Visio",
          publisher: "Y",
          country: "FR",
          category: "collaboration",
          maturity: "mature",
          sources: [source],
        },
      ],
      mappings: [
        { product: "acme-phone", alternative: "switch", fit: "partial" },
        { product: "acme-phone", alternative: "visio", fit: "partial" },
      ],
    };
    const problems: CorpusProblem[] = [];
    const catalog = await catalogOf(data, problems);
    expect(catalog.mappings.map((m) => m.alternative)).toEqual(["visio"]);
    expect(problems.map((p) => p.reasons.join())).toEqual([
      "familles différentes : outils collaboratifs / équipements réseau",
    ]);
  });
});

describe("a product's card", () => {
  it("says each edition's own end of support, in words (fifteenth series: « … LTSC … supporté jusqu'à quand ? »)", async () => {
    const source = { title: "Test", url: "https://example.org/", date: "2026-12" };
    const data = {
      vendors: [{ id: "acme", name: "Acme", country: "US", sources: [source] }],
      products: [
        {
          id: "acme-server",
          name: "Acme Server",
          vendor: "acme",
          category: "workstation",
          usage: "Système d'exploitation des postes",
          lifecycle: [
            { edition: "LTSC 2022", build: "20348", endOfSupport: "2031-10-14", source },
            { edition: "IoT LTSC 2019", build: "17763", iot: true, endOfSupport: "2029-01-01", source },
          ],
          sources: [source],
        },
      ],
      alternatives: [],
      mappings: [],
    };
    const text = catalogPassages(await catalogOf(data)).find((p) => p.id === "catalog/product/acme-server")?.text;
    expect(text).toContain(
      "Fin du support par édition : LTSC 2022 (build 20348) le 14 octobre 2031 ; IoT LTSC 2019 (build 17763) le 1er janvier 2029.",
    );
  });
});

describe("owners", () => {
  it("marks as unverified the owners of Mitel, Unit4 and Ciril GROUP, each saying why in its notes", async () => {
    const raw = await rawCatalog();
    const unverified = raw.vendors.filter((v) => v.ownershipVerified === false);
    expect(unverified.map((v) => v.id)).toEqual(expect.arrayContaining(["mitel", "unit4", "ciril-group"]));
    for (const v of unverified) expect(v.notes ?? "", v.id).toMatch(/non vérifié/);
  });

  it("says so in the searchable passage of the vendor and of its products", async () => {
    const problems: CorpusProblem[] = [];
    const passages = catalogPassages(await loadCatalog(path.resolve("corpus"), problems));
    expect(passages.find((p) => p.id === "catalog/vendor/unit4")?.text).toContain(
      "Propriétaire de contrôle non vérifié",
    );
    expect(passages.find((p) => p.id === "catalog/product/mitel-micollab")?.text).toContain("propriétaire non vérifié");
    expect(passages.find((p) => p.id === "catalog/vendor/microsoft")?.text).not.toContain("non vérifié");
  });

  it("writes a vendor card's control before its product list, which does not repeat the vendor's name", async () => {
    // « Qui contrôle Microsoft ? » opened on the list of Microsoft's 50 products, each « Microsoft … », instead of the
    // lines that say who controls it (a split of Defender was reverted for it): the list comes last, names shortened.
    const passages = catalogPassages(await loadCatalog(path.resolve("corpus"), []));
    const google = passages.find((p) => p.id === "catalog/vendor/google")!.text;
    const list = google.indexOf("Produits au catalogue");
    expect(list).toBeGreaterThan(google.indexOf("Alphabet Inc. (États-Unis)"));
    expect(list).toBeGreaterThan(google.indexOf("Filiale d'Alphabet (Mountain View"));
    const listed = google.slice(list);
    expect(listed).toContain("Chrome, Workspace, Gmail, Drive");
    expect(listed).not.toMatch(/\bGoogle (Chrome|Drive)\b/);
  });

  it("lists a product's alternatives on its card in the map's order, European first (trial23 T-M10)", async () => {
    // Chat quoted « Alternatives : Jitsi Meet (remplacement direct, États-Unis …) » first for Zoom, Thunderbird
    // (États-Unis) first for Outlook, in the catalog file's order, while the map put a European one first.
    const catalog = await loadCatalog(path.resolve("corpus"), []);
    const passages = catalogPassages(catalog);
    const index = buildMatchIndex(catalog);
    let compared = 0;
    for (const p of passages.filter((x) => x.kind === "product")) {
      const line = /^Alternatives : (.+)\.$/mu.exec(p.text)?.[1];
      const entry = index.entries.get(p.id.replace("catalog/product/", ""));
      if (!line || !entry || entry.kind !== "product") continue;
      // Each name where the previous item ends (« ; » may also stand inside what an item covers).
      let at = 0;
      for (const a of entry.alternatives) {
        const item = `${at ? " ; " : ""}${catalog.alternatives.get(a.id)!.name} (`;
        const found = line.indexOf(item, at);
        expect(found, `${p.id}: ${item}`).toBeGreaterThanOrEqual(at);
        expect(line.slice(at, found).includes(" ; ") && line.slice(at, found).includes("(remplacement")).toBe(false);
        at = found + item.length;
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
    const zoom = passages.find((p) => p.id === "catalog/product/zoom")!.text;
    expect(zoom.indexOf("Tixeo")).toBeGreaterThan(-1);
    expect(zoom.indexOf("Tixeo")).toBeLessThan(zoom.indexOf("Jitsi Meet"));
  });

  it("says how an alternative is hosted in words, never as the catalog's codes", async () => {
    const passages = catalogPassages(await loadCatalog(path.resolve("corpus"), []));
    const hosting = passages.flatMap((p) => p.text.match(/Hébergement : [^.;]*/g) ?? []);
    expect(hosting.length).toBeGreaterThan(100);
    for (const h of hosting) expect(h).not.toMatch(/\b(self-hosted|saas-eu|saas|desktop|state-service|secnumcloud)\b/);
    expect(passages.find((p) => p.id === "catalog/alternative/tchap")?.text).toContain("service opéré par l'État");
  });
});

describe("a product's components (trial7 A5)", () => {
  it("keeps the components the catalog has, and reports one it lacks", async () => {
    const source = { title: "Test", url: "https://example.org/", date: "2026-12" };
    const product = (id: string, components: string[] = []) => ({
      id,
      name: id,
      vendor: "acme",
      category: "database",
      components,
      usage: "Base de données",
      sources: [source],
    });
    const data = {
      vendors: [{ id: "acme", name: "Acme", country: "US", sources: [source] }],
      products: [product("acme-db", ["acme-studio", "acme-ghost"]), product("acme-studio")],
    };
    const problems: CorpusProblem[] = [];
    const catalog = await catalogOf(data, problems);
    expect(catalog.products.get("acme-db")?.components).toEqual(["acme-studio"]);
    expect(problems.map((p) => p.reasons.join())).toEqual(["composant inconnu : « acme-ghost »"]);
  });
});

describe("an alternative's nationality, as a note states it", () => {
  /** Nationality adjectives a note puts before the alternatives it names, and the countries they allow. */
  const NATIONALITY: [RegExp, (country: string) => boolean][] = [
    [/^fran[cç]ais/iu, (c) => c === "FR"],
    [/^allemand/iu, (c) => c === "DE"],
    [/^suisse/iu, (c) => c === "CH"],
    [/^europ[ée]en/iu, (c) => isEuropean(c)],
  ];

  it("names only alternatives whose own card gives that country (« alternative libre française : X »)", async () => {
    const raw = await rawCatalog();
    const countryOf = new Map<string, string>();
    for (const a of raw.alternatives as (RawRecord & { name?: string; country?: string })[])
      if (a.name && a.country) countryOf.set(a.name.toLowerCase(), a.country);
    const wrong: string[] = [];
    for (const record of [...raw.products, ...raw.vendors]) {
      for (const m of (record.notes ?? "").matchAll(/alternatives?\s+(?:libres?\s+)?(\p{L}+)\s*:\s*([^.;]+)/giu)) {
        const allowed = NATIONALITY.find(([word]) => word.test(m[1]!))?.[1];
        if (!allowed) continue;
        for (const name of m[2]!.split(/,|\bet\b|\(/u).map((n) => n.trim().toLowerCase())) {
          const country = countryOf.get(name);
          if (country && !allowed(country)) wrong.push(`${record.id}: « ${m[0]} » — ${name} : ${country}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
