import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";

// The page's scripts and styles are revalidated, not downloaded again: a slow town-hall PC loads the page faster,
// and an update is seen at once (no-cache: the browser always asks, the server answers 304 when nothing changed).
describe("static files", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it.each(["/app.js", "/", "/style.css"])("answers a conditional request for %s with 304 and no body", async (p) => {
    const first = await fetch(`${server.url}${p}`);
    expect(first.status).toBe(200);
    const body = await first.text();
    expect(body.length).toBeGreaterThan(100);
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^(W\/)?"[^"]+"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    expect(first.headers.get("content-security-policy")).toContain("default-src 'self'");

    const second = await fetch(`${server.url}${p}`, { headers: { "If-None-Match": tag! } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
    expect(second.headers.get("etag")).toBe(tag);
    expect(second.headers.get("content-security-policy")).toContain("default-src 'self'");

    const other = await fetch(`${server.url}${p}`, { headers: { "If-None-Match": '"something-else"' } });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe(body);
  });

  it("keeps API answers out of it", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get("etag")).toBeNull();
  });
});
