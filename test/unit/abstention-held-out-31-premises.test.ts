/**
 * Unanswerable questions of the burned held-out-31 set answered at 5b2af0b6 (premises32): a takeover taken as given
 * whose buyer is named — its cause asked (« pourquoi ovhcloud a-t-il été racheté par amazon en 2026 ») or its price
 * (« combien microsoft a-t-il payé pour racheter mistral ai ») — that no sentence read says of both. Tuning half of the
 * set's false premises: faux-ovh-rachat, faux-mistral-rachat (untuned: faux-tchap-payant, faux-loi-libre-obligatoire,
 * faux-gendarmerie-windows11, faux-nextcloud-usa, faux-secnum-supprime). Each form also on other products than the
 * set's; guards: the takeovers the corpus tells are answered before and after. On the real corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-held-out-31-premises-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("a takeover by a named buyer, taken as given", () => {
  it("abstains on the cause asked of a takeover no sentence tells of the product and its buyer", async () => {
    for (const q of [
      "pourquoi ovhcloud a-t-il été racheté par amazon en 2026",
      "pourquoi nextcloud a-t-il été racheté par google en 2025",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("abstains on the price asked of a takeover told by « pour racheter » that no sentence tells", async () => {
    for (const q of [
      "combien microsoft a-t-il payé pour racheter mistral ai",
      "combien google a-t-il payé pour racheter nextcloud",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers the takeovers the corpus tells, and a cause asked without a buyer", async () => {
    for (const q of [
      "pourquoi vmware a-t-il été racheté par broadcom",
      "combien broadcom a-t-il payé pour racheter vmware",
      "pourquoi la dinum a abandonné teams",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("« la version N de » a product typed in lower case", () => {
  // Tuning: prod-tchap-4; untuned: prod-visio-v3, prod-euro-office-2.
  it("abstains on a version the corpus does not name, as « glpi 12 » or « la version 4 de Tchap »", async () => {
    for (const q of [
      "la version 4 de tchap intègre-t-elle la visio",
      "la version 9 de grist gère-t-elle les formulaires",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers what is asked of the product, or of a version the corpus names", async () => {
    for (const q of [
      "tchap intègre-t-il la visio",
      "la version 2 de la directive nis, ça change quoi pour une commune",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});
