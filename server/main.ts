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
  // Under `npm start`, npm runs the server through a shell, which does not pass on the SIGTERM that npm forwards (a
  // service manager, `kill <pid of npm>`): the shell ends, and the server, left alone with its parent gone, stops too
  // (trial12 B5). Only under an npm script: a server started otherwise may outlive what started it.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) void stop();
    }, 500).unref();
  }
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  if (err instanceof AppError) term.line(err.message);
  else if (code === "EADDRINUSE") term.line(message("server.portInUse", { port: "", next: 3001 }));
  else term.line(`Cap Libre n'a pas pu démarrer : ${(err as Error).message}`);
  process.exit(1);
}
