import { createHash } from "node:crypto";
import { mkdtemp, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheControl, VERSIONED_CACHE_CONTROL, webFolder } from "../../server/http/web-files.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

// The page is revalidated, not downloaded again, and its scripts and styles, named with the page's version, are
// kept: a slow town-hall PC loads the page faster, and an update is seen at once (the page always asks, the server
// answers 304 when nothing changed; a new release names its files with a new version).
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

  it("names the page's scripts and styles with its version, kept a year under it and revalidated under any other", async () => {
    const page = await fetch(`${server.url}/`);
    const html = await page.text();
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const version = /src="\/app\.js\?v=([0-9a-f]{16})"/.exec(html)?.[1];
    expect(version).toBeDefined();
    expect(html).toContain(`href="/style.css?v=${version}"`);
    expect(html).toContain(`src="/display.js?v=${version}"`);
    // A page is no file to keep: the link to the accessibility statement stays as written.
    expect(html).toContain('href="/accessibilite.html"');

    const kept = await fetch(`${server.url}/app.js?v=${version}`);
    expect(kept.status).toBe(200);
    expect(kept.headers.get("cache-control")).toBe(VERSIONED_CACHE_CONTROL);
    expect(kept.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(kept.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(kept.headers.get("x-content-type-options")).toBe("nosniff");
    const script = await kept.text();
    // Its imports carry the same version: the modules of one page are of one release.
    expect(script).toContain(`from "./lib.js?v=${version}"`);
    expect(script).not.toMatch(/from "\.\/[\w.-]+\.js"/);
    const plain = await fetch(`${server.url}/app.js`);
    expect(await plain.text()).toBe(script);

    for (const asked of ["0123456789abcdef", ""]) {
      const other = await fetch(`${server.url}/app.js?v=${asked}`);
      expect(other.status).toBe(200);
      expect(other.headers.get("cache-control")).toBe("no-cache");
    }
    const statement = await fetch(`${server.url}/accessibilite.html?v=${version}`);
    expect(statement.headers.get("cache-control")).toBe("no-cache");
    expect((await fetch(`${server.url}/nothing.js?v=${version}`)).status).toBe(404);
  });

  // Round 17: Chart.js was served under one unversioned URL with a day's max-age — an upgrade could be shown stale
  // for a day, and a repeat visit asked for it again each day.
  it("names the vendor library with a hash of its contents where the page loads it, kept a year under it", async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const version = /src="\/app\.js\?v=([0-9a-f]{16})"/.exec(html)![1];
    const charts = await (await fetch(`${server.url}/charts.js?v=${version}`)).text();
    const url = /"(\/vendor\/chart\.umd\.min\.js\?v=([0-9a-f]{16}))"/.exec(charts);
    expect(url, "charts.js names the library with its version").not.toBeNull();
    expect(charts).not.toContain('"/vendor/chart.umd.min.js"');

    const kept = await fetch(`${server.url}${url![1]}`);
    expect(kept.status).toBe(200);
    expect(kept.headers.get("cache-control")).toBe(VERSIONED_CACHE_CONTROL);
    expect(kept.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(kept.headers.get("content-security-policy")).toContain("default-src 'self'");
    const body = await kept.text();
    expect(body).toContain("Chart");
    expect(body).not.toMatch(/sourceMappingURL/);
    // The version is the hash of what is served.
    expect(createHash("sha256").update(body).digest("hex").slice(0, 16)).toBe(url![2]);

    // Without its version (an old page) or with another: revalidated, 304 when unchanged.
    for (const asked of ["", "?v=0123456789abcdef"]) {
      const other = await fetch(`${server.url}/vendor/chart.umd.min.js${asked}`);
      expect(other.headers.get("cache-control")).toBe("no-cache");
      expect(await other.text()).toBe(body);
      const again = await fetch(`${server.url}/vendor/chart.umd.min.js${asked}`, {
        headers: { "If-None-Match": other.headers.get("etag")! },
      });
      expect(again.status).toBe(304);
    }
  });

  it("gives a vendor file a new URL when its package changes, and the page a new version", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cap-libre-web-"));
    try {
      await writeFile(path.join(dir, "index.html"), '<script type="module" src="/app.js"></script>');
      await writeFile(path.join(dir, "app.js"), 'const url = "/vendor/lib.js";\nconst other = "/vendor/none.js";\n');
      const lib = path.join(dir, "lib-package.js");
      await writeFile(lib, "var Lib = 1;\n//# sourceMappingURL=lib.js.map\n");
      const folder = webFolder(path.join(dir), {});
      const pageOnly = folder().version;
      const withLib = webFolder(dir, {
        "lib.js": { file: lib, prepare: (t) => t.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n") },
      });
      const first = withLib();
      const v1 = first.files.get("vendor/lib.js")!.version!;
      expect(v1).toMatch(/^[0-9a-f]{16}$/);
      expect(first.files.get("vendor/lib.js")!.body.toString()).toBe("var Lib = 1;\n");
      // Only the vendor files given are named with their version.
      expect(first.files.get("app.js")!.body.toString()).toBe(
        `const url = "/vendor/lib.js?v=${v1}";\nconst other = "/vendor/none.js";\n`,
      );
      expect(cacheControl(first, "vendor/lib.js", v1)).toBe(VERSIONED_CACHE_CONTROL);
      expect(cacheControl(first, "vendor/lib.js", first.version)).toBe("no-cache");
      expect(first.version).not.toBe(pageOnly);

      // The package upgraded (same size and date): a new URL for the library, a new version for the page.
      const { atime, mtime } = await stat(lib);
      await writeFile(lib, "var Lib = 2;\n//# sourceMappingURL=lib.js.map\n");
      await utimes(lib, atime, mtime);
      const second = withLib();
      const v2 = second.files.get("vendor/lib.js")!.version!;
      expect(v2).not.toBe(v1);
      expect(second.version).not.toBe(first.version);
      expect(second.files.get("app.js")!.body.toString()).toContain(`"/vendor/lib.js?v=${v2}"`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("gives the page a new version when any file's contents change, even at the same size and date", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cap-libre-web-"));
    try {
      await writeFile(
        path.join(dir, "index.html"),
        '<link href="/a.css"><script type="module" src="/app.js"></script>',
      );
      await writeFile(path.join(dir, "app.js"), 'import { x } from "./lib.js";\nimport "./other.js";\n');
      await writeFile(path.join(dir, "lib.js"), "export const x = 1;\n");
      await writeFile(path.join(dir, "a.css"), "body{}\n");
      const folder = webFolder(dir);
      const first = folder();
      expect(folder()).toBe(first);
      const v1 = first.version;
      expect(first.files.get("index.html")!.body.toString()).toBe(
        `<link href="/a.css?v=${v1}"><script type="module" src="/app.js?v=${v1}"></script>`,
      );
      // Only the folder's own modules are named with the version.
      expect(first.files.get("app.js")!.body.toString()).toBe(
        `import { x } from "./lib.js?v=${v1}";\nimport "./other.js";\n`,
      );

      // A release built with fixed dates: same size, same date, other contents.
      const lib = path.join(dir, "lib.js");
      const { atime, mtime } = await stat(lib);
      await writeFile(lib, "export const x = 2;\n");
      await utimes(lib, atime, mtime);
      const second = folder();
      expect(second.version).not.toBe(v1);
      expect(second.files.get("index.html")!.body.toString()).toContain(`/app.js?v=${second.version}"`);
      expect(second.files.get("app.js")!.body.toString()).toContain(`"./lib.js?v=${second.version}"`);
      expect(second.files.get("app.js")!.etag).not.toBe(first.files.get("app.js")!.etag);

      // Back to the first contents: the first version again.
      await writeFile(lib, "export const x = 1;\n");
      expect(folder().version).toBe(v1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keeps API answers out of it", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get("etag")).toBeNull();
  });
});
