/**
 * `npm run cli -- <command>`: the same capabilities as the server, from a terminal.
 *
 * Arguments are parsed first, with nothing else loaded: each command is loaded from the table below only when it
 * is called, so `help` and a mistyped option answer at once. `runCli` is what tests call in-process.
 */
import { enableCompileCache } from "node:module";
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { Config } from "../config.ts";
import { processTerminal, type Terminal } from "../core/terminal.ts";
import { message } from "../i18n/messages.ts";

export interface CommandValues {
  rebuild?: boolean;
  json?: boolean;
  k?: string;
  help?: boolean;
  input?: string;
  out?: string;
  all?: boolean;
  /** `inventory --date AAAA-MM-JJ`: the day the export describes. */
  date?: string;
}

export interface CommandContext {
  positionals: string[];
  values: CommandValues;
  config: Config;
  term: Terminal;
  out: (text: string) => void;
  /** Whether `out` prints to a terminal that takes bold (not a file, a pipe, nor NO_COLOR). */
  ansi?: boolean;
}

type Command = (ctx: CommandContext) => Promise<number>;
type Options = NonNullable<ParseArgsConfig["options"]>;

const flag = { type: "boolean" } as const;
const text = { type: "string" } as const;

/**
 * Each command: the options it accepts (any other is refused before anything loads) and the file that runs it,
 * loaded only when called.
 */
const COMMANDS: Record<string, { options: Options; load: () => Promise<Command> }> = {
  validate: { options: {}, load: async () => (await import("./corpus.ts")).validate },
  ingest: { options: { rebuild: flag }, load: async () => (await import("./corpus.ts")).ingest },
  search: { options: { k: text, json: flag }, load: async () => (await import("./search.ts")).search },
  ask: { options: {}, load: async () => (await import("./search.ts")).ask },
  serve: { options: {}, load: async () => (await import("./serve.ts")).serve },
  inventory: {
    options: { json: flag, date: text },
    load: async () => {
      const { inventoryCommand } = await import("./inventory.ts");
      return (c) => inventoryCommand(c.positionals, c.values, c.config, c.term, c.out);
    },
  },
  draft: {
    options: { input: text, out: text },
    load: async () => {
      const { draftCommand } = await import("./draft.ts");
      return (c) => draftCommand(c.positionals, c.values, c.config, c.term, c.out);
    },
  },
  "api-key": {
    options: {},
    load: async () => {
      const { apiKeyCommand } = await import("./api-key.ts");
      return (c) => apiKeyCommand(c.positionals, c.config, c.out, c.term.line);
    },
  },
  workspace: {
    options: {},
    load: async () => {
      const { workspaceCommand } = await import("./team.ts");
      return (c) => workspaceCommand(c.positionals, c.config, c.out);
    },
  },
  audit: {
    options: { out: text },
    load: async () => {
      const { auditCommand } = await import("./team.ts");
      return (c) => auditCommand(c.positionals, c.values, c.config, c.out);
    },
  },
  backup: {
    options: {},
    load: async () => {
      const { backupCommand } = await import("./team.ts");
      return (c) => backupCommand(c.positionals, c.config, c.out);
    },
  },
  restore: {
    options: {},
    load: async () => {
      const { restoreCommand } = await import("./team.ts");
      return (c) => restoreCommand(c.positionals, c.config, c.out);
    },
  },
  sessions: {
    options: { all: flag },
    load: async () => {
      const { sessionsCommand } = await import("./sessions.ts");
      return (c) => sessionsCommand(c.positionals, c.values, c.config, c.out);
    },
  },
};

export interface CliIo {
  term: Terminal;
  out: (text: string) => void;
  /** Whether `out` prints to a terminal that takes bold. */
  ansi?: boolean;
  env?: Record<string, string | undefined>;
}

/** Runs one command line; returns the exit code (0 done, 1 failed, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const { term, out } = io;
  try {
    const [command, ...rest] = argv;
    const entry = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { ...entry?.options, help: { type: "boolean", short: "h" } },
    }) as { values: CommandValues; positionals: string[] };
    if (!entry || values.help) {
      const asksHelp = command === undefined || ["help", "--help", "-h"].includes(command) || values.help;
      if (!asksHelp) term.line(message("cli.unknownCommand", { command: command! }));
      out(message("cli.usage"));
      return asksHelp ? 0 : 2;
    }
    const [{ loadConfig }, run] = await Promise.all([import("../config.ts"), entry.load()]);
    return await run({ positionals, values, config: loadConfig(io.env ?? process.env), term, out, ansi: io.ansi });
  } catch (err) {
    if ((err as Error)?.name === "AppError") {
      term.line((err as Error).message);
      return 2;
    }
    if ((err as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const option = /'([^']+)'/.exec((err as Error).message)?.[1] ?? "";
      term.line(`${message("cli.unknownOption", { option })}\n\n${message("cli.usage")}`);
      return 2;
    }
    term.line(message("cli.error", { message: (err as Error).message }));
    return 1;
  }
}

if (import.meta.main) {
  // Commands load their modules after this call: Node's compile cache (see server/main.ts) spares the next run
  // stripping and compiling them again.
  enableCompileCache();
  process.exitCode = await runCli(process.argv.slice(2), {
    term: processTerminal(),
    out: (text) => process.stdout.write(text),
    ansi: !!process.stdout.isTTY && !process.env.NO_COLOR,
  });
}
