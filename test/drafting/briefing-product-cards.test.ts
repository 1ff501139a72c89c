/**
 * A briefing note on a product, on the real corpus: each section opens on the product's card (the sections searching
 * the question itself, then on its vendor's), cards named only by a generic word of the product's name (« Desktop »)
 * or a word another product's name holds with more of the question (« Virtual ») are left out, and the pages every
 * note's « Ce que cela signifie » finds by its own words (the CLOUD Act page) come once, after the product's own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseVars } from "../../server/drafting/documents/common.ts";
import { retrievePassages } from "../../server/drafting/generate.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { Engine } from "../../server/engine.ts";
import { namedCardIds } from "../../server/retrieval/catalog-weight.ts";
import { realCorpusEngine } from "../helpers/server.ts";

const briefing = loadStructure("briefing");
const section = (key: string) => briefing.sections.find((s) => s.key === key)!;

describe("cards a question names", () => {
  const card = (docId: string, title: string, text = "") => ({
    id: `${docId}#0`,
    docId,
    chunk: { text, document: { title } },
  });
  const named = (query: string, cards: ReturnType<typeof card>[]) =>
    [...namedCardIds(query, cards)].map((id) => id.replace(/#0$/, ""));

  it("are named by a word only when no other product's name holds more of the question with it", () => {
    const cards = [
      card("catalog/product/citrix-virtual-apps", "Produit : Citrix Virtual Apps and Desktops (XenApp / XenDesktop)"),
      card("catalog/product/azure-virtual-desktop", "Produit : Azure Virtual Desktop"),
      card("catalog/product/citrix-workspace-app", "Produit : Citrix Workspace (ex-Receiver)"),
      card("catalog/vendor/citrix", "Éditeur : Citrix"),
    ];
    expect(named("Faut-il quitter Citrix Virtual Apps and Desktops ?", cards)).toEqual([
      "catalog/product/citrix-virtual-apps",
      "catalog/vendor/citrix",
    ]);
    // Alone, « Virtual » still names it.
    expect(named("Que vaut Azure Virtual Desktop ?", cards)).toContain("catalog/product/azure-virtual-desktop");
  });

  it("are not named by a word of a product's name the question writes with more of it, and each product a question names is", () => {
    const cards = [
      card("catalog/product/windows-server", "Produit : Windows Server"),
      card("catalog/product/windows-11", "Produit : Windows 11"),
      card("catalog/product/wsus", "Produit : Windows Server Update Services (WSUS)"),
      card("catalog/product/teams", "Produit : Microsoft Teams"),
      card("catalog/product/zoom", "Produit : Zoom"),
    ];
    expect(named("Nos serveurs tournent sous Windows Server : quels risques ?", cards)).toEqual([
      "catalog/product/windows-server",
      "catalog/product/wsus",
    ]);
    expect(named("Remplacer Microsoft Teams par Zoom ?", cards)).toEqual([
      "catalog/product/teams",
      "catalog/product/zoom",
    ]);
  });

  it("are not named by a word asking for products", () => {
    const bl = card(
      "catalog/alternative/berger-levrault",
      "Alternative : Suites de gestion Berger-Levrault",
      "Remplace : Logiciels Cegid (comptabilité, paie, RH) (remplacement partiel).",
    );
    expect(named("Allplan est-il un logiciel à remplacer ?", [bl])).toEqual([]);
    expect(named("Que remplacent les logiciels Cegid ?", [bl])).toEqual(["catalog/alternative/berger-levrault"]);
  });
});

describe("a briefing note on a product", () => {
  let engine: Engine;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ engine, close } = await realCorpusEngine("cap-libre-briefing-products-"));
  }, 180_000);
  afterAll(() => close?.());

  const passagesOf = async (key: string, question: string) => {
    const vars = {
      ...baseVars({ name: "Montauban", kind: "commune" }),
      question_query: question,
      question_asked: question,
    };
    return (await retrievePassages(section(key), vars, engine.retriever)).passages.map((p) => p.document.id);
  };

  it("opens each section on the product's card, without the cards of other « Desktop » products", async () => {
    const question = "Faut-il garder Parallels Desktop ?";
    for (const key of ["essentials", "for-us", "proposal"]) {
      const ids = await passagesOf(key, question);
      expect(ids[0], key).toBe("catalog/product/parallels-desktop");
      for (const other of ["azure-virtual-desktop", "arcgis-desktop"])
        expect(ids, key).not.toContain(`catalog/product/${other}`);
      expect(ids, key).not.toContain("catalog/alternative/drawio-desktop");
    }
    expect((await passagesOf("for-us", question))[1]).toBe("catalog/vendor/alludo");
  });

  it("leaves out a card named by a word another product's name holds with more of the question", async () => {
    const ids = await passagesOf("essentials", "Faut-il quitter Citrix Virtual Apps and Desktops ?");
    expect(ids[0]).toBe("catalog/product/citrix-virtual-apps");
    expect(ids).not.toContain("catalog/product/azure-virtual-desktop");
  });

  it("gives « Ce que cela signifie » the product's own cards before the pages its own words find, each once", async () => {
    const ids = await passagesOf("for-us", "Allplan est-il un logiciel à remplacer ?");
    expect(ids.slice(0, 2)).toEqual(["catalog/product/allplan", "catalog/vendor/nemetschek"]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
