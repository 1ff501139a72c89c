// Loaded by `npm start` and `npm run cli` (`node --import ./server/compile-cache.js …`) before the entry file:
// Node's compile cache (`NODE_COMPILE_CACHE`, by default in the system's temporary folder) then holds every module
// already type-stripped and compiled, the entry file included, so a start skips that work. Plain JavaScript on
// purpose: a TypeScript file here would itself need the type stripper this file lets the later runs skip.
import { enableCompileCache } from "node:module";

enableCompileCache();
