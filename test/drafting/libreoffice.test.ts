/**
 * Proves the ODT and DOCX exports are valid documents: LibreOffice (headless) opens each and converts it to PDF,
 * and the PDF's text (pdftotext) holds the title, the collectivité, a table cell and a footnote. The PDF export is
 * read back the same way. Skipped, with a message, only where LibreOffice is not installed; CI installs it.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Draft } from "../../server/drafting/types.ts";
import { exportDraft } from "../../server/export/index.ts";
import { sampleDraft } from "../helpers/drafts.ts";

const run = promisify(execFile);
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
const hasPdftotext = spawnSync("pdftotext", ["-v"], { stdio: "ignore" }).status === 0;
// CI installs both (.ci/run): there a missing tool is a failure, not a skip.
if (process.env.CI && (!hasSoffice || !hasPdftotext))
  throw new Error("CI: soffice and pdftotext are required by this test file");
if (!hasSoffice || !hasPdftotext) {
  console.warn(
    "LibreOffice (soffice) ou pdftotext absent : test de validité des exports ODT/DOCX ignoré. Installez-les : apt-get install -y libreoffice-writer-nogui poppler-utils",
  );
}

/** The sample draft with characters that test encodings: œ, €, « », non-breaking spaces. */
function draft(): Draft {
  const d = sampleDraft();
  d.versions[0]!.sections[0]!.text += "\n\nLe cœur du sujet : « 12 € » par poste\u00a0; 40\u202f% d'économies.";
  return d;
}

const pdfText = async (file: string) => (await run("pdftotext", ["-layout", file, "-"])).stdout.replace(/\s+/g, " ");

const FORMATS = ["odt", "docx"] as const;

describe.skipIf(!hasSoffice || !hasPdftotext)("exports open in LibreOffice", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cap-libre-lo-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /**
   * Both exports converted to PDF by one LibreOffice run (starting it is most of the cost), with a private profile (no
   * clash with a running office): the PDF of each format.
   */
  let converted: Promise<Record<(typeof FORMATS)[number], string>> | undefined;
  const convert = () =>
    (converted ??= (async () => {
      const inputs = await Promise.all(
        FORMATS.map(async (format) => {
          const file = await exportDraft(draft(), format);
          // The name says the format: both become a PDF of the same name otherwise.
          const input = path.join(dir, `${format}-${file.filename}`);
          await writeFile(input, file.bytes);
          return input;
        }),
      );
      const profile = pathToFileURL(path.join(dir, "profile")).href;
      const outdir = path.join(dir, "pdf");
      const args = [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outdir];
      await run("soffice", [...args, ...inputs], { timeout: 120_000 });
      const pdf = (input: string) => path.join(outdir, path.basename(input).replace(/\.\w+$/, ".pdf"));
      return { odt: pdf(inputs[0]!), docx: pdf(inputs[1]!) };
    })());

  it.each(FORMATS)(
    "LibreOffice converts the %s to PDF with its text",
    async (format) => {
      const text = await pdfText((await convert())[format]);
      expect(text).toContain("Plan d'audit des dépendances numériques");
      expect(text).toContain("Quimper Bretagne Occidentale");
      expect(text).toContain("Contexte et objectifs");
      expect(text).toContain("Inventaire"); // a table cell
      expect(text).toContain("Assemblée nationale, audition"); // a footnote
      expect(text).toContain("Le cœur du sujet : « 12 € » par poste");
      expect(text).toContain("Brouillon à compléter");
    },
    150_000,
  );
});

// The PDF export is written by Cap Libre itself: reading it back needs pdftotext only.
describe.skipIf(!hasPdftotext)("the PDF export", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cap-libre-pdf-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("the PDF export reads back with its French characters", async () => {
    const file = await exportDraft(draft(), "pdf");
    const output = path.join(dir, file.filename);
    await writeFile(output, file.bytes);
    const text = await pdfText(output);
    expect(text).toContain("Quimper Bretagne Occidentale");
    expect(text).toContain("Le cœur du sujet : « 12 € » par poste");
    expect(text).toContain("Notes");
    expect(text).toContain("[2] La Gendarmerie nationale et GendBuntu, 2021.");
  });

  it("is a tagged PDF with its fonts embedded: structure in reading order, other scripts printed as written", async () => {
    const sample = draft();
    sample.versions[0]!.sections[0]!.text +=
      "\n\nYandex (Яндекс) est contrôlé depuis la Russie ; part ≥ 40\u202f% → à revoir.";
    const file = await exportDraft(sample, "pdf");
    const output = path.join(dir, `tagged-${file.filename}`);
    await writeFile(output, file.bytes);
    const info = (await run("pdfinfo", [output])).stdout;
    expect(info).toMatch(/Tagged:\s+yes/);
    const fonts = (await run("pdffonts", [output])).stdout.split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // Every font embedded (column « emb » = yes), none of the standard 14 left to the reader's substitutes.
    for (const line of fonts) expect(line, line).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const structure = (await run("pdfinfo", ["-struct-text", output])).stdout;
    expect(structure).toMatch(/^Document/m);
    expect(structure).toMatch(/^ {2}H1 \(block\)\n {4}"Plan d'audit/m);
    expect(structure).toMatch(/^ {2}H2 /m);
    expect(structure).toMatch(/^ {2}Table /m);
    expect(structure).toMatch(/^ {6}TH\n/m);
    expect(structure).toMatch(/^ {2}Note /m);
    // The page footer is page furniture, not content.
    expect(structure).not.toContain("Cap Libre —");
    expect(await pdfText(output)).toContain("Yandex (Яндекс) est contrôlé depuis la Russie ; part ≥ 40");
  });

  it("breaks no word inside a table cell (trial 2026-12-05: « Inst/alla/tion/s », « décemb/re 2029 »)", async () => {
    const sample = draft();
    const header = "| Jalon | Échéance | Exposition pondérée visée | Part extra-européenne des installations |";
    const rows = [
      "| Fin des remplacements accompagnés | décembre 2029 | 45 % | 52 % |",
      "| Contexte local (Microsoft 365 Apps for enterprise, Dell Command Update) : renouvellement du marché | juin 2027 | — | — |",
    ];
    sample.versions[0]!.sections[0]!.text += `\n\n${header}\n| --- | --- | --- | --- |\n${rows.join("\n")}`;
    const file = await exportDraft(sample, "pdf");
    const output = path.join(dir, `table-${file.filename}`);
    await writeFile(output, file.bytes);
    const text = (await run("pdftotext", ["-raw", output, "-"])).stdout;
    for (const word of ["Échéance", "décembre", "installations", "accompagnés", "renouvellement"])
      expect(text, word).toMatch(new RegExp(`(^|\\s)${word}(\\s|$)`, "m"));
  });
});
