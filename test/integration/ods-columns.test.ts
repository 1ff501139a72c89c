/**
 * The map exported as ODS opens in Calc with each column wide enough for what it holds (trial 2026-12: the default
 * width cut the software names): a width per column, from its longest text, on a real server.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "../inventory/fixtures.ts";

const LONG = "Microsoft Office Professionnel Plus 2016 — édition entreprise";

describe("the map as ODS", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  });
  afterAll(() => server.stop());

  it("sets each column's width from its content", async () => {
    const csv = `"Nom";"Éditeur";"Nombre d'installations"\n"${LONG}";"Microsoft Corporation";"40"\n"7-Zip";"Igor Pavlov";"3"\n`;
    const { id } = await (
      await fetch(`${server.url}/api/inventory/analyze?name=parc.csv`, { method: "POST", body: csv })
    ).json();
    const ods = new Uint8Array(
      await (await fetch(`${server.url}/api/inventory/analyses/${id}/export?format=ods`)).arrayBuffer(),
    );
    const content = strFromU8(unzipSync(ods)["content.xml"]!);
    const widths = new Map(
      [
        ...content.matchAll(
          /style:name="(co[^"]+)"[^>]*><style:table-column-properties style:column-width="([\d.]+)cm"/g,
        ),
      ].map((m) => [m[1]!, Number(m[2])]),
    );
    const firstSheet = content.slice(content.indexOf("<table:table "), content.indexOf("</table:table>"));
    const columns = [...firstSheet.matchAll(/<table:table-column table:style-name="([^"]+)"\/>/g)].map(
      (m) => widths.get(m[1]!)!,
    );
    expect(columns.length).toBeGreaterThan(3);
    expect(columns.every((w) => w >= 2)).toBe(true);
    // The name column holds the long name: some 0.2 cm a character (Calc's default is 2.26 cm).
    expect(columns[0]).toBeGreaterThanOrEqual(LONG.length * 0.2);
    // Not every column alike: widths follow what each holds.
    expect(new Set(columns).size).toBeGreaterThan(1);
  });
});
