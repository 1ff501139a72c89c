/**
 * trial23 T-M12: an OCS Inventory agent's XML (`ocsinventory-agent --local`) was never dated. The parser read
 * `<HARDWARE><LASTDATE>`, which the agent does not write (LASTDATE is a column the OCS server fills; the agent's
 * `setHardware` has no such key); the agent writes the inventory's time in `<CONTENT><ACCESSLOG><LOGDATE>` (UnixAgent
 * and WindowsAgent `setAccessLog`, FusionInventory's AccessLog task). Two agent files of 2 December 2026 sent to
 * the real server came back `inventoryDate: null`. Now LOGDATE dates them; a LASTDATE (server exports) still does.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInventoryFile } from "../../server/inventory/parse.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "./fixtures.ts";

const agentXml = (
  host: string,
  logDate: string,
  os: string,
  software: [string, string][],
) => `<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST>
  <CONTENT>
    <ACCESSLOG><LOGDATE>${logDate}</LOGDATE><USERID>agent1</USERID></ACCESSLOG>
    <HARDWARE><NAME>${host}</NAME><OSNAME>${os}</OSNAME><OSVERSION>10.0.19045</OSVERSION><WORKGROUP>ARVEZE</WORKGROUP></HARDWARE>
${software.map(([n, p]) => `    <SOFTWARES><NAME>${n}</NAME><PUBLISHER>${p}</PUBLISHER><VERSION>1.0</VERSION></SOFTWARES>`).join("\n")}
  </CONTENT>
  <DEVICEID>${host}-2026-12-02-09-00-00</DEVICEID>
  <QUERY>INVENTORY</QUERY>
</REQUEST>
`;
const poste1 = agentXml("ARV-MED-01", "2026-12-02 09:11:00", "Microsoft Windows 10 Professionnel", [
  ["Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab"],
  ["Microsoft Office Professionnel Plus 2016", "Microsoft Corporation"],
  ["Google Chrome", "Google LLC"],
]);
const poste2 = agentXml("ARV-MED-02", "2026-12-02 09:14:00", "Microsoft Windows 10 Professionnel", [
  ["Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab"],
  ["Mozilla Firefox (x64 fr)", "Mozilla"],
]);
const bytes = (text: string) => new TextEncoder().encode(text);

describe("an OCS agent's XML is dated by its ACCESSLOG/LOGDATE (trial23 T-M12)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  });
  afterAll(() => server?.stop());

  it("two agent files sent to the real server carry the day the agent wrote", async () => {
    const form = new FormData();
    form.append("file", new Blob([poste1]), "ocs-poste-1.xml");
    form.append("file", new Blob([poste2]), "ocs-poste-2.xml");
    const res = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body: form });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { inventoryDate: string | null; inventoryDateFrom: string | null };
    expect(body).toMatchObject({ inventoryDate: "2026-12-02", inventoryDateFrom: "export" });
  });

  it("the project's fixture is written like the agent's (no invented HARDWARE LASTDATE) and is dated", async () => {
    const text = await readFile("test/fixtures/inventory/trial/ocs-poste.xml", "utf8");
    expect(text).not.toMatch(/LASTDATE/);
    expect(text).toMatch(/<ACCESSLOG><LOGDATE>/);
    expect(parseInventoryFile({ name: "ocs-poste.xml", bytes: bytes(text) }).file.inventoryDate).toBe("2026-11-28");
  });

  it("still reads a HARDWARE LASTDATE when a file has one and no ACCESSLOG", () => {
    const text = poste1
      .replace(/<ACCESSLOG>[\s\S]*?<\/ACCESSLOG>\n/, "")
      .replace("</HARDWARE>", "<LASTDATE>2026-11-20 08:00:00</LASTDATE></HARDWARE>");
    expect(parseInventoryFile({ name: "export.xml", bytes: bytes(text) }).file.inventoryDate).toBe("2026-11-20");
  });

  it("an agent file without either date stays undated", () => {
    const text = poste1.replace(/<ACCESSLOG>[\s\S]*?<\/ACCESSLOG>\n/, "");
    expect(parseInventoryFile({ name: "x.xml", bytes: bytes(text) }).file.inventoryDate).toBeUndefined();
  });
});
