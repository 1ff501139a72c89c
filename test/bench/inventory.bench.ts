/**
 * Inventory figures: parsing and analysing a 10,000-line GLPI 10 export (generated in memory, the shape of a
 * real software list: known products in many versions and languages, updates and drivers, in-house software)
 * against the real catalog. Target: under one second.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { analyzeRows } from "../../server/inventory/analyze.ts";
import { loadMatchIndex } from "../../server/inventory/match.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import { analyzeInventory } from "../../server/inventory/service.ts";
import { createFileRecordStore } from "../../server/store/records.ts";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

const PRODUCTS: [string, string][] = [
  ["Microsoft Office Professionnel Plus", "Microsoft Corporation"],
  ["Microsoft 365 Apps for enterprise", "Microsoft Corporation"],
  ["Microsoft Teams", "Microsoft Corporation"],
  ["Microsoft OneDrive", "Microsoft Corporation"],
  ["Microsoft Edge", "Microsoft Corporation"],
  ["Microsoft SQL Server", "Microsoft Corporation"],
  ["Google Chrome", "Google LLC"],
  ["Mozilla Firefox", "Mozilla"],
  ["Mozilla Thunderbird", "Mozilla"],
  ["LibreOffice", "The Document Foundation"],
  ["VLC media player", "VideoLAN"],
  ["Adobe Acrobat Reader DC", "Adobe Systems Incorporated"],
  ["Zoom Workplace", "Zoom Video Communications, Inc."],
  ["Cisco Webex Meetings", "Cisco Webex LLC"],
  ["TeamViewer", "TeamViewer"],
  ["Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab"],
  ["Sophos Endpoint Agent", "Sophos Limited"],
  ["VMware Tools", "VMware, Inc."],
  ["Java 8 Update", "Oracle Corporation"],
  ["AutoCAD LT", "Autodesk"],
  ["FortiClient VPN", "Fortinet Technologies Inc"],
  ["KeePass Password Safe", "Dominik Reichl"],
  ["7-Zip", "Igor Pavlov"],
  ["Notepad++", "Notepad++ Team"],
  ["PDF24 Creator", "Geek Software GmbH"],
  ["QGIS", "QGIS.ORG"],
  ["PostgreSQL", "PostgreSQL Global Development Group"],
  ["Citrix Workspace", "Citrix Systems, Inc."],
  ["Dropbox", "Dropbox, Inc."],
  ["ArcGIS Pro", "Esri"],
];
const SUFFIXES = ["", " (x64 fr)", " (64-bit)", " - Français", " - fr-fr", " (x86 en-US)", " Édition 32 bits"];

/** A GLPI 10 export as written by GLPI: BOM, every cell quoted, trailing ;, LF, <br> between versions. */
export function generateGlpiExport(lines: number): Uint8Array {
  const out: string[] = [
    '"Nom";"Entité";"Éditeur";"Versions - Nom";"Versions - Système d\'exploitation";"Nombre d\'installations";',
  ];
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < lines; i++) {
    const kind = rand(10);
    let name: string;
    let publisher: string;
    if (kind < 5) {
      const [p, pub] = PRODUCTS[rand(PRODUCTS.length)]!;
      name = `${p} ${rand(30)}.${rand(10)}.${rand(9999)}${SUFFIXES[rand(SUFFIXES.length)]}`;
      publisher = pub;
    } else if (kind < 8) {
      name = rand(2)
        ? `Mise à jour de sécurité pour Microsoft Office 2016 (KB${5000000 + i}) Édition 32 bits`
        : `Intel(R) Chipset Device Software ${rand(10)}.${rand(100)}.${i}`;
      publisher = rand(2) ? "Microsoft Corporation" : "Intel Corporation";
    } else {
      name = `Logiciel métier ''Service ${rand(200)}'' module ${i}`;
      publisher = `Éditeur régional ${rand(50)}`;
    }
    const versions = `${rand(20)}.${rand(10)}.${rand(1000)}<br>${rand(20)}.${rand(10)}.${rand(1000)}`;
    out.push(`"${name}";"Entité racine > Collectivité";"${publisher}";"${versions}";"Windows";"${1 + rand(300)}";`);
  }
  return new TextEncoder().encode(`\uFEFF${out.join("\n")}\n`);
}

export default async function benchInventory(): Promise<void> {
  const corpusDir = path.resolve("corpus");
  const bytes = generateGlpiExport(10_000);
  const file = { name: "glpi.csv", bytes };

  let t = performance.now();
  const index = await loadMatchIndex(corpusDir);
  console.log(
    `index du catalogue (premier chargement, corpus compris) : ${ms(performance.now() - t)} — ${index.counts.vendors} éditeurs, ${index.counts.products} produits, ${index.counts.alternatives} alternatives`,
  );

  const parse: number[] = [];
  const analyze: number[] = [];
  let items = 0;
  let classified = 0;
  for (let run = 0; run < 7; run++) {
    t = performance.now();
    const { rows } = parseInventoryFiles([file]);
    parse.push(performance.now() - t);
    t = performance.now();
    const result = analyzeRows(rows, index);
    analyze.push(performance.now() - t);
    items = result.items.length;
    classified = result.items.filter((i) => i.extraEuropean !== null).length;
  }
  console.log(
    `export GLPI de 10 000 lignes (${(bytes.byteLength / 1024 / 1024).toFixed(1)} Mo) → ${items} éléments distincts, ${classified} classés`,
  );
  console.log(`lecture (décodage, CSV) : médiane ${ms(median(parse))}`);
  console.log(`analyse (correspondances, carte, score) : médiane ${ms(median(analyze))}`);
  console.log(
    `lecture + analyse : médiane ${ms(median(parse.map((p, i) => p + analyze[i]!)))} (objectif : moins de 1 000 ms)`,
  );

  // The whole service path: corpus fingerprint, saved classifications, analysis, JSON record written to disk.
  const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-bench-inventory-"));
  try {
    const ctx = {
      config: { corpusDir },
      records: <T>(c: string) => createFileRecordStore<T>(path.join(dataDir, "records", c)),
    };
    const total: number[] = [];
    for (let run = 0; run < 5; run++) {
      t = performance.now();
      await analyzeInventory(ctx, [file]);
      total.push(performance.now() - t);
    }
    console.log(`chaîne complète avec enregistrement de l'analyse : médiane ${ms(median(total))}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
