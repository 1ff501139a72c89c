/**
 * The text of an exported document as a reader sees it: a PDF through Debian's `pdftotext`, an ODT or DOCX through
 * its XML with the tags removed; white space collapsed, so tests can look for a sentence across line breaks.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";

/** Whether `pdftotext` (poppler-utils) is installed; the PDF checks are skipped without it. */
export const hasPdftotext = spawnSync("pdftotext", ["-v"], { stdio: "ignore" }).status === 0;

/** The text of a PDF; `layout` keeps the columns of tables in reading order (`pdftotext -layout`). */
export async function pdfText(bytes: Uint8Array | ArrayBuffer, { layout = false } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "export-text-"));
  try {
    const file = path.join(dir, "doc.pdf");
    await writeFile(file, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    const args = layout ? ["-layout", file, "-"] : [file, "-"];
    return spawnSync("pdftotext", args, { encoding: "utf8" }).stdout.replace(/\s+/g, " ");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of one XML file of an ODT or DOCX (`content.xml`, `word/document.xml`), tags removed. */
export const xmlText = (bytes: Uint8Array, file: string) =>
  strFromU8(unzipSync(bytes)[file]!)
    .replace(/<[^>]+>/g, "")
    .replaceAll("&apos;", "'")
    .replace(/\s+/g, " ");
