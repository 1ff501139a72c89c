import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROUTE_REQUIREMENTS } from "../../server/auth/roles.ts";

/** The README's « API HTTP » section. */
const api = (() => {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf("## API HTTP");
  return readme.slice(start, readme.indexOf("\n## ", start + 1));
})();

describe("the README's API section", () => {
  it("names every route of the API a role gives access to", () => {
    const missing = Object.keys(ROUTE_REQUIREMENTS)
      .filter((key) => key.includes(" /api/") && !key.startsWith("ALL "))
      .filter((key) => {
        const path = key.slice(key.indexOf(" ") + 1);
        // Written in full, or after its resource as « …/:id/items ».
        const short = /\/:id(\/.*)?$/.exec(path)?.[0];
        return !api.includes(path) && !(short && api.includes(`…${short}`));
      });
    expect(missing).toEqual([]);
  });
});
