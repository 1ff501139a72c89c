/** `npm start`: the Cap Libre server. */
import { enableCompileCache } from "node:module";

// Node keeps the compiled (and type-stripped) modules in its cache folder (`NODE_COMPILE_CACHE`, by default in the
// system's temporary folder): the next start skips stripping and compiling them, about half of the start-up CPU.
// Everything else is imported after this call, so that it is cached too.
enableCompileCache();

const [{ loadConfig }, { AppError }, { message }, { processTerminal, startServer }] = await Promise.all([
  import("./config.ts"),
  import("./core/errors.ts"),
  import("./i18n/messages.ts"),
  import("./server.ts"),
]);

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
