/**
 * The Host allow-list and the Origin/Content-Type checks, with raw HTTP requests (any Host, any Origin) against
 * the real server. The same attacks from a real browser are in `cross-origin.browser.test.ts`.
 */
import http from "node:http";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";

interface Raw {
  status: number;
  body: string;
}

function raw(
  server: TestServer,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Raw> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const letterBody = JSON.stringify({ type: "letter", inputs: { collectivite: { name: "Brest" } } });

describe("requests from other sites", { timeout: 60_000 }, () => {
  let server: TestServer;
  let port: string;
  beforeAll(async () => {
    server = await startTestServer({ ALLOWED_HOSTS: "cap.example.org, cap2.example.org:8443" });
    port = new URL(server.url).port;
  });
  afterAll(() => server?.stop());

  it("answers loopback names with the server's port, and configured public names", async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      "cap.example.org",
      "cap.example.org:443",
      "cap2.example.org:8443",
    ]) {
      expect((await raw(server, "GET", "/api/drafts", { host })).status, host).toBe(200);
    }
  });

  it("refuses any other Host (DNS rebinding) with a French 421, pages and API alike", async () => {
    for (const host of [
      `rebind.example:${port}`,
      "rebind.example",
      `localhost:${Number(port) + 1}`,
      "127.0.0.1",
      "cap2.example.org:8080",
      "evil.cap.example.org",
      `localhost.evil:${port}`,
    ]) {
      for (const path of ["/api/drafts", "/api/inventory/analyses", "/", "/app.js"]) {
        const res = await raw(server, "GET", path, { host });
        expect(res.status, `${host} ${path}`).toBe(421);
        if (res.status === 421) expect(JSON.parse(res.body).error.message).toContain("n'est pas un nom de ce serveur");
      }
    }
  });

  it("refuses a state change whose Origin is another site, even with JSON", async () => {
    for (const origin of [
      `http://rebind.example:${port}`,
      `http://127.0.0.1:${Number(port) + 1}`,
      `http://localhost:${port}`,
      "null",
      "https://evil.example",
    ]) {
      const res = await raw(
        server,
        "POST",
        "/api/drafts",
        { host: `127.0.0.1:${port}`, origin, "content-type": "application/json" },
        letterBody,
      );
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body).error).toMatchObject({
        code: "origin_not_allowed",
        message: expect.stringContaining("Requête refusée"),
      });
    }
    const upload = await raw(
      server,
      "POST",
      "/api/inventory/analyze",
      { host: `127.0.0.1:${port}`, origin: "http://evil.example", "content-type": "text/plain" },
      "Nom;Editeur\nFirefox;Mozilla\n",
    );
    expect(upload.status).toBe(403);
    const cross = await raw(
      server,
      "PUT",
      "/api/inventory/classifications",
      { host: `127.0.0.1:${port}`, "sec-fetch-site": "cross-site", "content-type": "application/json" },
      "{}",
    );
    expect(cross.status).toBe(403);
    expect((await (await fetch(`${server.url}/api/drafts`)).json()).drafts).toEqual([]);
  });

  it("refuses text/plain and form bodies on JSON endpoints with a French 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const res = await raw(
        server,
        "POST",
        "/api/chat",
        { host: `127.0.0.1:${port}`, ...(type ? { "content-type": type } : {}) },
        JSON.stringify({ messages: [{ role: "user", content: "CLOUD Act" }] }),
      );
      expect(res.status, type).toBe(415);
      expect(JSON.parse(res.body).error.message).toContain("application/json");
    }
  });

  it("accepts the page's own origin, and clients without Origin (curl, the CLI)", async () => {
    const own = await raw(
      server,
      "POST",
      "/api/chat",
      {
        host: `127.0.0.1:${port}`,
        origin: `http://127.0.0.1:${port}`,
        "sec-fetch-site": "same-origin",
        "content-type": "application/json; charset=utf-8",
      },
      JSON.stringify({ messages: [{ role: "user", content: "CLOUD Act" }] }),
    );
    expect(own.status).toBe(200);
    const curl = await raw(
      server,
      "POST",
      "/api/inventory/analyze?name=x.csv",
      { host: `127.0.0.1:${port}`, "content-type": "application/x-www-form-urlencoded" },
      "Nom;Editeur\nFirefox;Mozilla\n",
    );
    expect(curl.status).toBe(201);
    const proxied = await raw(
      server,
      "PUT",
      "/api/inventory/classifications",
      { host: `127.0.0.1:${port}`, origin: "https://cap.example.org", "content-type": "application/json" },
      "{}",
    );
    expect(proxied.status).toBe(400);
  });
});

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === "IPv4")?.address;

describe.skipIf(!lanAddress)("served to the local network (HOST=0.0.0.0)", { timeout: 60_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    // Served without sign-in on purpose (AUTH=none): this checks the Host guard, whatever the sign-in.
    server = await startTestServer({ HOST: "0.0.0.0", AUTH: "none" });
  });
  afterAll(() => server?.stop());

  it("answers by the address the request arrived on, and still refuses other names", async () => {
    const port = new URL(server.url).port;
    const lan = { ...server, url: `http://${lanAddress}:${port}` } as TestServer;
    expect((await raw(lan, "GET", "/api/drafts", { host: `${lanAddress}:${port}` })).status).toBe(200);
    expect((await raw(lan, "GET", "/api/drafts", { host: `rebind.example:${port}` })).status).toBe(421);
    expect((await raw(lan, "GET", "/api/drafts", { host: `10.255.255.1:${port}` })).status).toBe(421);
  });
});
