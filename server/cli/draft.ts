/**
 * `npm run cli -- draft <type> --input <file.json> [--out file.odt]`: the same drafting as `POST /api/drafts`,
 * from a terminal. The input file holds the document's inputs (or `{ type, inputs }`); a roadmap can carry its
 * analysis inline (`inputs.analysis`). Without `--out`, the draft is printed as Markdown.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.ts";
import { AppError, jsonErrorPlace } from "../core/errors.ts";
import { createDraft, getDraft, prepareDraft } from "../drafting/drafts.ts";
import { isDraftType } from "../drafting/inputs.ts";
import { createEngine } from "../engine.ts";
import { EXPORT_FORMATS, type ExportFormat, exportDraft } from "../export/index.ts";
import { message, pluralMessage } from "../i18n/messages.ts";
import { printIndexReport, type Terminal } from "../server.ts";

export async function draftCommand(
  positionals: string[],
  options: { input?: string; out?: string },
  config: Config,
  term: Terminal,
  out: (text: string) => void,
): Promise<number> {
  const [type] = positionals;
  if (!type || !isDraftType(type) || !options.input) {
    term.line(message("drafts.cli.usage"));
    return 2;
  }
  const ext = options.out ? path.extname(options.out).slice(1).toLowerCase() : "md";
  if (!(EXPORT_FORMATS as readonly string[]).includes(ext))
    throw new AppError("invalid_format", message("drafts.cli.outFormat", { ext }));
  const format = ext as ExportFormat;
  let text: string;
  try {
    text = await readFile(options.input, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? message("drafts.cli.inputMissing")
        : code === "EISDIR"
          ? message("drafts.cli.inputIsDir")
          : message("drafts.cli.inputIo", { code: code ?? "?" });
    throw new AppError("invalid_input", message("drafts.cli.inputUnreadable", { file: options.input, reason }));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    // V8's message is English and quotes the file: give the line and column instead.
    const place = jsonErrorPlace(text, err);
    const where = place ? ` (${place})` : "";
    throw new AppError("invalid_input", message("drafts.cli.inputNotJson", { file: options.input, where }));
  }
  const inputs = raw && typeof raw === "object" && "inputs" in raw ? (raw as { inputs: unknown }).inputs : raw;

  const engine = await createEngine(config);
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  try {
    if ((await engine.store.stats()).chunks === 0) printIndexReport(await engine.index(), term);
    const status = await engine.models.status();
    if (status.embeddingsAvailable) await engine.vectors.run();
    const prepared = await prepareDraft(engine, { type, inputs });
    let id = "";
    for await (const event of createDraft(engine, prepared, controller.signal)) {
      if (event.type === "section") term.line(`— ${event.title}`);
      else if (event.type === "notice") term.line(event.detail ? `${event.text} ${event.detail}` : event.text);
      else if (event.type === "done") {
        id = event.id;
        term.line(message(event.saved === false ? "drafts.cli.unsaved" : "drafts.cli.saved", { id, mode: event.mode }));
        for (const line of flagLines(event.flags)) term.line(line);
      }
    }
    if (!id) return 1;
    const file = await exportDraft(await getDraft(engine, id), format);
    if (options.out) {
      await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
      await writeFile(options.out, file.bytes);
      term.line(message("drafts.cli.written", { file: options.out }));
    } else {
      out(new TextDecoder().decode(file.bytes));
    }
    return 0;
  } finally {
    await engine.close();
  }
}

/**
 * The draft's flags as the terminal says them: figures to check, then sentences to check (a flagged claim is a
 * sentence, not a figure — trial11 B5 read a role sentence listed among « chiffres à vérifier »).
 */
export function flagLines(flags: { figure: string; section: string; claim?: true }[]): string[] {
  const figures = flags.filter((f) => !f.claim);
  const claims = flags.filter((f) => f.claim);
  return [
    figures.length
      ? pluralMessage("drafts.cli.flags", figures.length, {
          count: figures.length,
          figures: figures.map((f) => `${f.figure} (${f.section})`).join(", "),
        })
      : null,
    claims.length
      ? pluralMessage("drafts.cli.claims", claims.length, {
          count: claims.length,
          sentences: claims.map((f) => `« ${f.figure} » (${f.section})`).join(", "),
        })
      : null,
  ].filter((l): l is string => l !== null);
}
