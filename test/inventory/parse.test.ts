import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { AppError } from "../../server/core/errors.ts";
import {
  DEFAULT_LIMITS,
  decodeBytes,
  parseInventoryFile,
  parseInventoryFiles,
  sniffDelimiter,
} from "../../server/inventory/parse.ts";
import { INVENTORY_FIXTURES, readInventory } from "./fixtures.ts";

/** Reference formats, shipped as fixtures (`test/fixtures/inventory/reference/README.md`). */
const REFERENCE = path.join(INVENTORY_FIXTURES, "reference");

const utf8 = (s: string) => new TextEncoder().encode(s);
const file = (name: string, bytes: Uint8Array | string) => ({
  name,
  bytes: typeof bytes === "string" ? utf8(bytes) : bytes,
});
const parse = (name: string, bytes: Uint8Array | string) => parseInventoryFile(file(name, bytes));

function rejection(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error("no error thrown");
}

describe("GLPI and OCS CSV exports", () => {
  it("reads a GLPI 10 export: BOM, quoted cells, '' quotes, trailing ;, <br> versions", () => {
    const { file: f, rows } = parseInventoryFile(readInventory("glpi10-mairie.csv"));
    expect(f).toMatchObject({ format: "glpi-csv-10", encoding: "utf-8-bom", delimiter: ";", skipped: 0 });
    expect(f.columns).toEqual({
      name: "Nom",
      publisher: "Éditeur",
      version: "Versions - Nom",
      count: "Nombre d'installations",
      category: "Catégorie",
      entity: "Entité",
    });
    // The entities its lines name, kept to tell an export of one entity from the whole parc (trial18 F6).
    expect(f.entities).toEqual([
      "Entité racine > Mairie de Saint-Exemple",
      "Entité racine > Mairie de Saint-Exemple > Médiathèque",
    ]);
    expect(rows).toHaveLength(33);
    expect(rows[0]).toMatchObject({
      name: "Microsoft Office Professionnel Plus 2016",
      publisher: "Microsoft Corporation",
      installations: 42,
      kind: "software",
    });
    expect(rows[0]!.versions).toEqual(["16.0.4266.1001", "16.0.5356.1000"]);
    expect(rows.find((r) => r.name.startsWith("Logiciel"))!.name).toBe('Logiciel "Élections" v2');
  });

  it('reads a GLPI 11 export: no BOM, commas, CRLF, English headers in another order, "" quotes', () => {
    const { file: f, rows } = parseInventoryFile(readInventory("glpi11-agglo-en.csv"));
    expect(f).toMatchObject({ format: "glpi-csv-11", encoding: "utf-8", delimiter: "," });
    expect(f.columns).toMatchObject({ name: "Name", publisher: "Publisher", count: "Number of installations" });
    expect(rows[0]).toMatchObject({ name: "Microsoft Windows 11 Professionnel", installations: 310 });
    expect(rows.every((r) => !r.name.includes("\r"))).toBe(true);
  });

  it("reads both OCS Inventory exports", () => {
    const all = parseInventoryFile(readInventory("ocs-tous-les-logiciels.csv"));
    expect(all.file).toMatchObject({
      format: "ocs-csv",
      columns: { name: "name", publisher: "Editeur", version: "Version", count: "nbre" },
    });
    expect(all.rows).toHaveLength(9);
    expect(all.rows.at(-1)).toMatchObject({ name: "Microsoft Edge WebView2 Runtime", installations: 35 });
    // The README's five columns without a trailing « ; » (re-saved by a spreadsheet): still OCS (trial11 B9).
    const resaved = parseInventoryFile({
      name: "ocs-resaved.csv",
      bytes: Buffer.from("\uFEFFEditeur;name;Version;Catégorie;nbre\nMozilla;Mozilla Firefox (x64 fr);133.0;;30\n"),
    });
    expect(resaved.file.format).toBe("ocs-csv");
    expect(resaved.rows[0]).toMatchObject({
      name: "Mozilla Firefox (x64 fr)",
      publisher: "Mozilla",
      installations: 30,
    });
    const count = parseInventoryFile(readInventory("ocs-nombre.csv"));
    expect(count.file.format).toBe("ocs-count-csv");
    expect(count.rows[0]).toMatchObject({ name: "Microsoft Office Standard 2019", installations: 35, publisher: null });
  });

  it("reads the synthetic templates of the reference formats", () => {
    const names = readdirSync(REFERENCE).filter((n) => n.endsWith(".SYNTHETIC.csv"));
    expect(names).toHaveLength(4);
    for (const n of names) {
      const { rows } = parseInventoryFile({ name: n, bytes: readFileSync(path.join(REFERENCE, n)) });
      expect(rows.map((r) => r.name)).toEqual([
        "Microsoft Office Professionnel Plus 2016",
        "Adobe Acrobat Reader DC - Français",
        "Mozilla Firefox (x64 fr)",
      ]);
    }
  });
});

describe("encodings and delimiters", () => {
  it("decodes a Windows-1252 Excel export (€, Œ, «», en dash)", () => {
    const { file: f, rows } = parseInventoryFile(readInventory("excel-windows-1252.csv"));
    expect(f).toMatchObject({
      encoding: "windows-1252",
      delimiter: ";",
      columns: { name: "Logiciel", publisher: "Éditeur", count: "Nb postes" },
    });
    expect(rows.map((r) => r.name)).toContain("Gestion des Œuvres – Médiathèque");
    expect(rows.map((r) => r.name)).toContain("Logiciel état civil « Élise »");
    expect(rows.find((r) => r.publisher === "Décalog")).toBeTruthy();
  });

  it("decodes UTF-8 with and without BOM the same way, and UTF-16 from Excel's « texte Unicode »", () => {
    const text = "Nom;Éditeur\nŒuvre 2€;Société\n";
    const plain = parse("a.csv", text).rows[0]!;
    const bom = parse("b.csv", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])).rows[0]!;
    const utf16 = parse("c.txt", new Uint8Array([0xff, 0xfe, ...iconv.encode(text.replaceAll(";", "\t"), "utf16le")]))
      .rows[0]!;
    expect(plain).toMatchObject({ name: "Œuvre 2€", publisher: "Société" });
    expect(bom).toMatchObject({ name: "Œuvre 2€", publisher: "Société" });
    expect(utf16).toMatchObject({ name: "Œuvre 2€", publisher: "Société" });
    expect(decodeBytes(iconv.encode("Coût : 12 €", "win1252")).text).toBe("Coût : 12 €");
  });

  it("sniffs ; , tab and | even when a title line comes first", () => {
    expect(sniffDelimiter(['"a";"b";"c";', '"1";"2";"3";'])).toBe(";");
    expect(sniffDelimiter(["a,b,c", "1,2,3"])).toBe(",");
    expect(sniffDelimiter(["a\tb", "1\t2"])).toBe("\t");
    expect(sniffDelimiter(["Inventaire de la mairie", "Nom|Éditeur", "x|y"])).toBe("|");
    expect(sniffDelimiter(["Microsoft Office", "Firefox"])).toBeNull();
    const titled = parse("t.csv", "Inventaire des logiciels au 1er mars\nNom;Éditeur;Nombre\nZoom;Zoom;3\n");
    expect(titled.rows).toEqual([expect.objectContaining({ name: "Zoom", installations: 3 })]);
  });

  it("reads a tab-separated spreadsheet, skipping empty lines and lines without a name", () => {
    const { file: f, rows } = parseInventoryFile(readInventory("dsi-tableur.tsv"));
    expect(f).toMatchObject({ delimiter: "\t", skipped: 1, columns: { name: "Logiciel", count: "Nombre de postes" } });
    expect(rows.map((r) => r.name)).toEqual([
      "Microsoft Office Standard 2019",
      "Mozilla Firefox",
      "AutoCAD 2024",
      "Logiciel PV électronique",
    ]);
  });
});

describe("lists, missing columns, duplicates", () => {
  it("reads a pasted one-column list with its header; duplicates stay as rows", () => {
    const { file: f, rows } = parseInventoryFile(readInventory("liste-collee.txt"));
    expect(f).toMatchObject({ format: "list", columns: { name: "Logiciels" } });
    expect(rows.filter((r) => r.name.startsWith("Microsoft Office"))).toHaveLength(2);
    expect(rows.every((r) => r.installations === 1 && r.publisher === null)).toBe(true);
  });

  it("accepts a name column alone, in any position, with unknown columns around it", () => {
    const { rows } = parse(
      "x.csv",
      "Service,Responsable,Application,Remarque\nURBA,M. X,QGIS,ok\nRH,Mme Y,Civil Net RH,\n",
    );
    expect(rows.map((r) => [r.name, r.publisher, r.installations])).toEqual([
      ["QGIS", null, 1],
      ["Civil Net RH", null, 1],
    ]);
  });

  it("splits <br>-joined names of a GLPI computer list, publishers aligned", () => {
    const csv =
      '"Nom";"Logiciels - Nom";"Logiciels - Éditeur";\n"PC-01";"Firefox<br>Zoom";"Mozilla<br>Zoom";\n"PC-02";"Firefox";"Mozilla";\n';
    const { rows } = parse("pcs.csv", csv);
    expect(rows.map((r) => [r.name, r.publisher])).toEqual([
      ["Firefox", "Mozilla"],
      ["Zoom", "Zoom"],
      ["Firefox", "Mozilla"],
    ]);
  });

  it("ignores a header repeated in the middle (two exports pasted together) and reads odd counts", () => {
    const { rows, file: f } = parse("x.csv", "Nom;Nombre\nZoom;1 204\nNom;Nombre\nTeams;n/a\n");
    expect(rows.map((r) => [r.name, r.installations])).toEqual([
      ["Zoom", 1204],
      ["Teams", 1],
    ]);
    expect(f.skipped).toBe(1);
  });

  it("survives Excel's sep= line, old Mac line endings and broken quoting", () => {
    expect(parse("sep.csv", "sep=;\nNom;Éditeur\nZoom;Zoom\n").rows.map((r) => r.name)).toEqual(["Zoom"]);
    expect(parse("mac.csv", "Nom;Éditeur\rZoom;Zoom\rTeams;Microsoft\r").rows.map((r) => r.name)).toEqual([
      "Zoom",
      "Teams",
    ]);
    expect(parse("q.csv", 'Nom;Éditeur\n"Logiciel "pro" X";Acme\nZoom;Zoom\n').rows.map((r) => r.name)).toEqual([
      'Logiciel "pro" X',
      "Zoom",
    ]);
    expect(
      parse("u.csv", 'Nom;Éditeur\n"Logiciel pro;Acme\nZoom;Zoom\nTeams;Microsoft\n').rows.map((r) => r.name),
    ).toEqual(["Logiciel pro", "Zoom", "Teams"]);
    expect(rejection(() => parse("entete.csv", '"Nom";"Éditeur";\n')).message).toContain("aucune ligne");
  });

  it("reads hardware lists: the model is the name, the manufacturer the publisher, the type a hint", () => {
    const { rows } = parseInventoryFile(readInventory("materiel-reseau.csv"));
    expect(rows[0]).toMatchObject({
      name: "Catalyst 2960-X",
      publisher: "Cisco Systems",
      kind: "hardware",
      hint: "network",
    });
    expect(rows.find((r) => r.name === "OptiPlex 7090")).toMatchObject({ hint: "workstation" });
    expect(rows.find((r) => r.name === "PowerEdge R740")).toMatchObject({ hint: null });
  });
});

describe("GLPI Agent JSON inventories", () => {
  it("reads software, operating system and model of a computer", () => {
    const { file: f, rows } = parseInventoryFile(readInventory("glpi-agent-pc-accueil-01.json"));
    expect(f.format).toBe("glpi-json");
    expect(rows).toHaveLength(12);
    expect(rows).toContainEqual(
      expect.objectContaining({ name: "Microsoft Windows 11 Professionnel", kind: "software", hint: "workstation" }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ name: "OptiPlex 7090", publisher: "Dell Inc.", kind: "hardware" }),
    );
  });

  it("marks a virtual machine's platform as virtualization, and reads network devices", () => {
    const vm = parseInventoryFile(readInventory("glpi-agent-pc-urba-02.json")).rows;
    expect(vm).toContainEqual(expect.objectContaining({ name: "VMware Virtual Platform", hint: "virtualization" }));
    const net = parseInventoryFile(readInventory("glpi-agent-reseau.json")).rows;
    expect(net.map((r) => [r.name, r.publisher, r.hint])).toEqual([
      ["Catalyst 2960-X", "Cisco", "network"],
      ["FortiGate-60F", "Fortinet", "network"],
    ]);
  });

  it("reads the official GLPI example and a list of objects; several files add up", () => {
    const example = readFileSync(path.join(REFERENCE, "glpi-computer_1.json"));
    expect(parse("computer_1.json", example).rows.map((r) => r.name)).toContain("gnome-calculator");
    const list = parse("l.json", JSON.stringify([{ Nom: "Zoom", Éditeur: "Zoom", Nombre: 3 }, { name: "Teams" }]));
    expect(list.file.format).toBe("json-list");
    expect(list.rows.map((r) => [r.name, r.installations])).toEqual([
      ["Zoom", 3],
      ["Teams", 1],
    ]);
    const both = parseInventoryFiles([
      readInventory("glpi-agent-pc-accueil-01.json"),
      readInventory("glpi-agent-pc-urba-02.json"),
    ]);
    expect(both.files).toHaveLength(2);
    expect(both.rows).toHaveLength(21);
  });
});

describe("files that are not inventories", () => {
  it("rejects an empty file, or one with only blank lines", () => {
    expect(rejection(() => parse("vide.csv", "")).code).toBe("empty_file");
    expect(rejection(() => parse("vide.csv", "\n \r\n")).message).toContain("« vide.csv » est vide");
  });

  it("rejects binary files and says what was expected", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const err = rejection(() => parse("logo.png", png));
    expect(err.code).toBe("not_an_inventory");
    expect(err.status).toBe(400);
    expect(err.message).toContain("binaire (PNG)");
    expect(err.message).toContain("Attendu : un export CSV de GLPI");
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(rejection(() => parse("data.bin", random)).message).toContain("binaire");
  });

  it("tells a spreadsheet apart and asks for CSV", () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]);
    expect(rejection(() => parse("inventaire.xlsx", xlsx)).message).toContain("enregistrez la feuille au format CSV");
  });

  it("rejects a CSV without a name column, naming the columns found", () => {
    const err = rejection(() => parse("tickets.csv", '"ID";"Titre";"Statut";\n"1";"Imprimante";"Clos";\n'));
    expect(err.message).toContain("« ID », « Titre », « Statut »");
  });

  it("rejects prose, HTML and JSON that is not an inventory", () => {
    const prose =
      "Madame la Présidente,\nNous vous écrivons au sujet de la migration des postes. Elle nous semble urgente. Nous souhaitons un rendez-vous.\n";
    expect(rejection(() => parse("lettre.txt", prose)).message).toContain("texte rédigé");
    expect(rejection(() => parse("page.html", "<!doctype html><html></html>")).message).toContain("HTML ou XML");
    expect(rejection(() => parse("x.json", '{"hello": "world"}')).message).toContain("ni un inventaire GLPI");
    expect(rejection(() => parse("x.json", "{ broken")).message).toContain("JSON est illisible");
  });

  it("rejects a list whose lines are sentences, not names (trial 13, B7), and keeps real lists", () => {
    const notes = "bonjour\nvoici les logiciels que nous avons demandés\n";
    expect(rejection(() => parse("notes.txt", notes)).message).toContain("ressemblent à des phrases");
    const list = parseInventoryFiles([
      {
        name: "liste.txt",
        bytes: new TextEncoder().encode(
          "Microsoft Visual C++ 2015 Redistributable\nMicrosoft Office 2016 - es-es\nBonjour\nCanva AI\nRendez-vous en ligne\n",
        ),
      },
    ]);
    expect(list.rows).toHaveLength(5);
  });

  it("says where invalid JSON breaks, in French, without quoting the file or V8's English message", () => {
    const secret = '{"content": {"softwares": [{"name": "Logiciel secret du cabinet",]}}';
    const err = rejection(() => parse("x.json", secret));
    expect(err.message).toContain("JSON est illisible (ligne 1, colonne 66)");
    expect(err.message).not.toMatch(/secret|Unexpected|token|position|valid JSON/);
    const cut = rejection(() => parse("y.json", '[{"name": "Zoom"},\n{"name": "Te'));
    expect(cut.message).toContain("ligne 2");
    expect(cut.message).not.toContain("Te");
  });

  it("refuses an empty upload", () => {
    expect(rejection(() => parseInventoryFiles([])).code).toBe("no_file");
  });
});

describe("caps on every dimension of an upload", () => {
  /** Numbers are written the French way (narrow no-break space between thousands). */
  const plain = (err: AppError) => Object.assign(err, { message: err.message.replace(/[\u202f\u00a0]/g, " ") });
  const limited = (bytes: Uint8Array | string, limits = {}) =>
    plain(rejection(() => parseInventoryFiles([file("f.csv", bytes)], limits)));

  it("refuses a 160,000-character name (it froze the server for 263 s)", () => {
    const err = limited("Nom;Editeur\n" + "A".repeat(160_000) + ";X\n");
    expect(err).toMatchObject({ status: 400, code: "cell_too_long" });
    expect(err.message).toContain("160 000 caractères, pour 100 000 au maximum");
    const name = limited("Nom;Editeur\n" + "A".repeat(600) + ";X\n");
    expect(name).toMatchObject({ status: 400, code: "name_too_long" });
    expect(name.message).toContain("Le nom de la ligne 2 du fichier « f.csv » fait 600 caractères");
    expect(name.message).toContain("500 au maximum");
  });

  it("refuses a 15 MB name, as a cell or as a pasted list line", () => {
    const big = "A".repeat(15_000_000);
    expect(limited("Nom;Editeur\n" + big + ";X\n")).toMatchObject({ status: 400, code: "line_too_long" });
    const list = limited(big + "\n");
    expect(list.code).toBe("line_too_long");
    expect(list.message).toContain("dépasse 1 000 000 caractères");
  });

  it("refuses a million columns, and more columns than the cap on any line", () => {
    expect(limited("Nom" + ";x".repeat(1_000_000) + "\nA;b\n").status).toBe(400);
    const wide = limited("Nom;Editeur\nZoom;Zoom\n" + "Teams" + ";x".repeat(1_500) + "\n", { maxColumns: 1_000 });
    expect(wide).toMatchObject({ code: "too_many_columns" });
    expect(wide.message).toContain("La ligne 3 du fichier « f.csv » a 1 501 colonnes, pour 1 000 au maximum");
    const header = limited("Nom" + ";x".repeat(2_000) + "\n");
    expect(header.code).toBe("too_many_columns");
  });

  it("refuses 1,000 names of 10,000 characters", () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => `${"B".repeat(10_000)}${i};X`).join("\n");
    expect(limited("Nom;Editeur\n" + rows)).toMatchObject({ status: 400, code: "name_too_long" });
  });

  it("refuses 200,000 names in one <br> cell", () => {
    const cell = Array.from({ length: 200_000 }, (_, i) => `n${i}`).join("<br>");
    expect(limited("Nom;Editeur\n" + cell + ";X\n").status).toBe(400);
    // Under the line cap, the cell cap holds.
    const smaller = Array.from({ length: 30_000 }, (_, i) => `n${i}`).join("<br>");
    expect(limited("Nom;Editeur\n" + smaller + ";X\n")).toMatchObject({ code: "cell_too_long" });
  });

  it("refuses a million-line list with a 413 naming the limit", () => {
    const list = "Nom\n" + Array.from({ length: 1_000_000 }, (_, i) => `Logiciel ${i}`).join("\n");
    const err = limited(list);
    expect(err).toMatchObject({ status: 413, code: "too_many_lines" });
    expect(err.message).toContain("plus de 250 000 lignes");
  });

  it("caps rows and distinct names over all files, and the bytes of all files", () => {
    const names = (n: number, prefix: string) =>
      "Nom\n" + Array.from({ length: n }, (_, i) => `${prefix} ${i}`).join("\n");
    const distinct = plain(
      rejection(() =>
        parseInventoryFiles([file("a.csv", names(60, "A")), file("b.csv", names(60, "B"))], { maxDistinctNames: 100 }),
      ),
    );
    expect(distinct).toMatchObject({ status: 413, code: "too_many_names" });
    expect(distinct.message).toContain("plus de 100 noms de logiciels distincts");
    // The same names again and again are not distinct.
    expect(
      parseInventoryFiles([file("a.csv", names(60, "A")), file("b.csv", names(60, "A"))], { maxDistinctNames: 100 })
        .rows,
    ).toHaveLength(120);
    const rows = rejection(() =>
      parseInventoryFiles([file("a.csv", names(60, "A")), file("b.csv", names(60, "A"))], { maxRows: 100 }),
    );
    expect(rows).toMatchObject({ status: 413, code: "too_many_rows" });
    const json = rejection(() =>
      parseInventoryFiles(
        [file("l.json", JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ name: `x${i}` }))))],
        { maxRows: 100 },
      ),
    );
    expect(json.code).toBe("too_many_rows");
    const bytes = rejection(() => parseInventoryFiles([file("a.csv", names(600, "A"))], { maxBytes: 1024 }));
    expect(bytes).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(bytes.message).toContain("1\u00a0ko au maximum");
  });

  it("keeps the defaults above what real exports need", () => {
    expect(DEFAULT_LIMITS.maxDistinctNames).toBeGreaterThanOrEqual(100_000);
    expect(DEFAULT_LIMITS.maxNameChars).toBeGreaterThanOrEqual(300);
    // A GLPI computer list: 400 software names of one computer in one cell.
    const cell = Array.from({ length: 400 }, (_, i) => `Logiciel de bureautique numéro ${i}`).join("<br>");
    expect(parse("pcs.csv", `"Nom";"Logiciels - Nom";\n"PC-01";"${cell}";\n`).rows).toHaveLength(400);
  });
});
