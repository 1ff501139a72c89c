/** `npm start`: the Cap Libre server. */
import { loadConfig } from "./config.ts";
import { AppError } from "./core/errors.ts";
import { message } from "./i18n/messages.ts";
import { processTerminal, startServer } from "./server.ts";

const term = processTerminal();
try {
  const running = await startServer(loadConfig(), term);
  term.line(message("server.ready", { url: running.url }));
  const stop = async () => {
    term.line("Arrêt de Cap Libre…");
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  if (err instanceof AppError) term.line(err.message);
  else if (code === "EADDRINUSE") term.line(message("server.portInUse", { port: "", next: 3001 }));
  else term.line(`Cap Libre n'a pas pu démarrer : ${(err as Error).message}`);
  process.exit(1);
}
