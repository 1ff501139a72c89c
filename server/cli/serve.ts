/** `npm run cli -- serve`: the server, as `npm start` runs it. */
import { message } from "../i18n/messages.ts";
import { startServer } from "../server.ts";
import type { CommandContext } from "./main.ts";

export async function serve({ config, term }: CommandContext): Promise<number> {
  const running = await startServer(config, term);
  term.line(message("server.ready", { url: running.url }));
  await new Promise(() => {});
  return 0;
}
