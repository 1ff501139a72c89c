/**
 * trial19 (item 3 of the dsi24 brief): the entities of an inventory were read from GLPI's « Entité » column only. An
 * OCS Inventory agent's XML carries its poste's entity as the agent's TAG (`<ACCOUNTINFO><KEYNAME>TAG</KEYNAME>
 * <KEYVALUE>…`, « NA » meaning none), a GLPI Agent inventory as its `tag`: both are now kept with the file, so that
 * the « entity missing from the new inventory » check (409 `narrower_perimeter`) works for OCS too — here the
 * piscine's poste replaced by another poste of the déchetterie: same files count, same installations within a few
 * percent, one entity gone. Real HTTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDay } from "../../server/core/text.ts";
import { parseInventoryFile } from "../../server/inventory/parse.ts";
import { postJson, startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const ROOT = "Entité racine > SIVOM de la Vallée";
const MS = "Microsoft Corporation";
const csv = () =>
  `\uFEFF"Nom";"Entité";"Éditeur";"Nombre d'installations";\n${[
    ["Microsoft Windows 10 Professionnel", "Mairie", 40],
    ["Microsoft Office Professionnel Plus 2016", "Mairie", 35],
    ["Google Chrome", "École", 30],
  ]
    .map(([n, e, c]) => `"${n}";"${ROOT} > ${e}";"${MS}";"${c}";`)
    .join("\n")}\n`;
const ocs = (host: string, tag: string | null) => `<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST>
  <CONTENT>
    <ACCESSLOG><LOGDATE>2026-11-28 10:12:00</LOGDATE><USERID>N/A</USERID></ACCESSLOG>
    <HARDWARE><NAME>${host}</NAME><OSNAME>Microsoft Windows 11 Professionnel</OSNAME></HARDWARE>
    <SOFTWARES><NAME>Microsoft Office Professionnel Plus 2021</NAME><PUBLISHER>${MS}</PUBLISHER><VERSION>16.0.14332</VERSION></SOFTWARES>
    <SOFTWARES><NAME>Kaspersky Endpoint Security for Windows</NAME><PUBLISHER>AO Kaspersky Lab</PUBLISHER><VERSION>12.3</VERSION></SOFTWARES>
    ${tag === null ? "" : `<ACCOUNTINFO>\n      <KEYNAME>TAG</KEYNAME>\n      <KEYVALUE>${tag}</KEYVALUE>\n    </ACCOUNTINFO>`}
  </CONTENT>
  <DEVICEID>${host}-2026-11-28-10-12-00</DEVICEID>
  <QUERY>INVENTORY</QUERY>
</REQUEST>
`;
const bytes = (text: string) => new TextEncoder().encode(text);

describe("an agent's tag is its poste's entity", () => {
  it("reads OCS's ACCOUNTINFO TAG and GLPI Agent's tag, not OCS's « NA »", () => {
    const tagged = parseInventoryFile({ name: "pc-dechet.xml", bytes: bytes(ocs("PC-DECHET-01", "Déchetterie")) });
    expect(tagged.file.format).toBe("ocs-xml");
    expect(tagged.file.entities).toEqual(["Déchetterie"]);
    expect(parseInventoryFile({ name: "pc-na.xml", bytes: bytes(ocs("PC-X", "NA")) }).file.entities).toBeUndefined();
    expect(parseInventoryFile({ name: "pc-none.xml", bytes: bytes(ocs("PC-Y", null)) }).file.entities).toBeUndefined();
    const agent = JSON.stringify({
      deviceid: "pc-piscine-2026-11-28",
      tag: "Piscine",
      content: { softwares: [{ name: "Google Chrome", publisher: "Google LLC", version: "131.0" }] },
    });
    expect(parseInventoryFile({ name: "agent.json", bytes: bytes(agent) }).file.entities).toEqual(["Piscine"]);
  });
});

describe("a later inventory without an OCS-tagged entity asks before being followed (real HTTP server)", () => {
  let server: TestServer;
  let planId = "";
  const today = localDay(new Date());
  const upload = async (files: [string, string][], date: string) => {
    const form = new FormData();
    for (const [name, text] of files) form.append("file", new Blob([text]), name);
    form.append("collectivite", "SIVOM de la Vallée");
    form.append("inventoryDate", date);
    const res = await fetch(`${server.url}/api/inventory/analyze`, { method: "POST", body: form });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: string; files: { name: string; entities?: string[] }[] };
  };
  beforeAll(async () => {
    server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
    const baseline = await upload(
      [
        ["glpi.csv", csv()],
        ["pc-dechet-01.xml", ocs("PC-DECHET-01", "Déchetterie")],
        ["pc-piscine-01.xml", ocs("PC-PISCINE-01", "Piscine")],
      ],
      "2026-06-01",
    );
    expect(baseline.files.find((f) => f.name === "pc-piscine-01.xml")!.entities).toEqual(["Piscine"]);
    const res = await postJson(`${server.url}/api/plans`, {
      collectivite: { name: "SIVOM de la Vallée", kind: "syndicat" },
      analysisId: baseline.id,
      measure: "raw",
      target: { value: 30, date: "2029-12-31" },
      milestones: [{ date: "2029-12-31", value: 30 }],
      products: [{ name: "Microsoft Office", productId: "microsoft-office", by: "LibreOffice" }],
    });
    expect(res.status, await res.clone().text()).toBe(201);
    planId = (await res.json()).plan.id;
  }, 120_000);
  afterAll(() => server?.stop());

  it("names the OCS entity the new inventory lacks", async () => {
    const later = await upload(
      [
        ["glpi.csv", csv()],
        ["pc-dechet-01.xml", ocs("PC-DECHET-01", "Déchetterie")],
        ["pc-dechet-02.xml", ocs("PC-DECHET-02", "Déchetterie")],
      ],
      today,
    );
    const refused = await postJson(`${server.url}/api/plans/${planId}/checkpoints`, { analysisId: later.id });
    expect(refused.status, await refused.clone().text()).toBe(409);
    const { error } = await refused.json();
    expect(error.code).toBe("narrower_perimeter");
    expect(error.message).toContain("1 entité de l'inventaire de départ n'y figure pas : « Piscine »");
  });
});
