/**
 * One entry point for the four export formats: the route, the CLI and the examples script call `exportDraft`.
 */
import { AppError } from "../core/errors.ts";
import type { Draft } from "../drafting/types.ts";
import { message, pluralMessage } from "../i18n/messages.ts";
import { cachedFile } from "./cache.ts";
import { toMarkdown } from "./markdown.ts";
import { buildDocument, type DocumentJson, documentJson } from "./model.ts";

export const EXPORT_FORMATS = ["odt", "docx", "pdf", "md"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  odt: "application/vnd.oasis.opendocument.text",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
};

export interface ExportedFile {
  bytes: Uint8Array;
  contentType: string;
  /** ASCII file name, e.g. `courrier-quimper-bretagne-occidentale.odt`. */
  filename: string;
}

/** Checks a format name given by a user; throws a French 400 naming the field. */
export function parseFormat(raw: string | undefined): ExportFormat {
  const format = (raw ?? "").toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new AppError("invalid_format", message("drafts.formatInvalid", { format: raw ?? "" }));
  return format as ExportFormat;
}

/** Checks a version number given by a user (counting from 1); throws a French 400 saying how many there are. */
function checkVersion(draft: Draft, version: number | undefined): void {
  if (version !== undefined && (!Number.isInteger(version) || version < 1 || version > draft.versions.length))
    throw new AppError(
      "invalid_version",
      pluralMessage("drafts.versionInvalid", draft.versions.length, { count: draft.versions.length }),
    );
}

/**
 * A draft as the routes serve it: with `model`, the document model of one version (the latest by default) as the
 * page renders it — the same blocks and note numbers as the exports.
 */
export function draftWithModel(draft: Draft, version?: number): Draft & { model: DocumentJson } {
  checkVersion(draft, version);
  return { ...draft, model: documentJson(draft, version) };
}

/**
 * Renders a draft (its latest version, or `version` counting from 1) in one format.
 * @example const { bytes, filename } = await exportDraft(draft, "odt"); await writeFile(filename, bytes);
 */
export async function exportDraft(draft: Draft, format: ExportFormat, version?: number): Promise<ExportedFile> {
  checkVersion(draft, version);
  // Built once per content: the page's size request (HEAD) and its download (GET) share one build. The key is what
  // the file is made of — the draft's own fields and the one version shown (the latest when none is asked), never
  // its other versions: a version saved since leaves an earlier version's file in the cache, and the latest asked
  // without a number is the same file as asked by its number. A draft edited since (by anyone, on any server of the
  // team) has another saved version, so another key; a deleted draft is a 404 before the cache is asked.
  const { versions, ...own } = draft;
  const shown = version ?? versions.length;
  return cachedFile({ kind: "draft", own, format, version: shown, content: versions[shown - 1] }, async () => {
    const doc = buildDocument(draft, version);
    // The writers (docx, pdfkit, fflate) are loaded on the first export, not at every start.
    const bytes =
      format === "odt"
        ? (await import("./odt.ts")).toOdt(doc)
        : format === "docx"
          ? await (await import("./docx.ts")).toDocx(doc)
          : format === "pdf"
            ? await (await import("./pdf.ts")).toPdf(doc)
            : new TextEncoder().encode(toMarkdown(doc));
    return { bytes, contentType: CONTENT_TYPES[format], filename: `${doc.filename}.${format}` };
  });
}
