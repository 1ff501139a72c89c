/**
 * `npm run cli -- <command>`: the same capabilities as the server, from a terminal.
 *
 * Arguments are parsed first, with nothing else loaded: each command is loaded from the table below only when it
 * is called, so `help` and a mistyped option answer at once. `runCli` is what tests call in-process.
 */
import { parseArgs } from "node:util";
import type { Config } from "../config.ts";
import { message } from "../i18n/messages.ts";
import { processTerminal, type Terminal } from "../core/terminal.ts";

export interface CommandValues {
  rebuild?: boolean;
  json?: boolean;
  k?: string;
  help?: boolean;
  input?: string;
  out?: string;
  all?: boolean;
}

export interface CommandContext {
  positionals: string[];
  values: CommandValues;
  config: Config;
  term: Terminal;
  out: (text: string) => void;
}

type Command = (ctx: CommandContext) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import("./corpus.ts")).validate,
  ingest: async () => (await import("./corpus.ts")).ingest,
  search: async () => (await import("./search.ts")).search,
  ask: async () => (await import("./search.ts")).ask,
  serve: async () => (await import("./serve.ts")).serve,
  inventory: async () => {
    const { inventoryCommand } = await import("./inventory.ts");
    return (c) => inventoryCommand(c.positionals, c.values, c.config, c.term, c.out);
  },
  draft: async () => {
    const { draftCommand } = await import("./draft.ts");
    return (c) => draftCommand(c.positionals, c.values, c.config, c.term, c.out);
  },
  "api-key": async () => {
    const { apiKeyCommand } = await import("./api-key.ts");
    return (c) => apiKeyCommand(c.positionals, c.config, c.out, c.term.line);
  },
  sessions: async () => {
    const { sessionsCommand } = await import("./sessions.ts");
    return (c) => sessionsCommand(c.positionals, c.values, c.config, c.out);
  },
};

export interface CliIo {
  term: Terminal;
  out: (text: string) => void;
  env?: Record<string, string | undefined>;
}

/** Runs one command line; returns the exit code (0 done, 1 failed, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const { term, out } = io;
  try {
    const [command, ...rest] = argv;
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { rebuild: { type: "boolean" }, json: { type: "boolean" }, k: { type: "string" }, help: { type: "boolean", short: "h" }, input: { type: "string" }, out: { type: "string" }, all: { type: "boolean" } },
    });
    const load = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load || values.help) {
      const asksHelp = command === undefined || ["help", "--help", "-h"].includes(command) || values.help;
      if (!asksHelp) term.line(message("cli.unknownCommand", { command: command! }));
      out(message("cli.usage"));
      return asksHelp ? 0 : 2;
    }
    const [{ loadConfig }, run] = await Promise.all([import("../config.ts"), load()]);
    return await run({ positionals, values, config: loadConfig(io.env ?? process.env), term, out });
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
  process.exitCode = await runCli(process.argv.slice(2), { term: processTerminal(), out: (text) => process.stdout.write(text) });
}
