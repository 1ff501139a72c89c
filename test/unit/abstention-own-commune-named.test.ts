/**
 * The asker's own commune named in a question whose answer holds for any commune (trial21 T-H8): « ma commune de X
 * (3100 habitants) est elle concernée par la loi SREN ? », « X est-elle concernée par la loi SREN ? », « la mairie de X
 * a encore 40 postes sous Windows 10, c'est grave ? » are answered for communes in general, the answer saying the
 * passages do not speak of X; a fact asked of that town (what it did, what it saved, whether it moved) stays refused.
 * On the real corpus; towns the corpus never names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { ownCommune } from "../../server/retrieval/own-commune.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-own-commune-named-");
}, 120_000);
afterAll(async () => real?.close());

const retrieved = (q: string) => retrieveForAnswer([{ role: "user", content: q }], real.engine);

describe("how the asker's commune is read (pure)", () => {
  it("reads a town whose situation is told, then judged, as the asker's own", () => {
    expect(ownCommune("la mairie de Pouzac a encore 40 postes sous Windows 10, c'est grave ?")?.town).toBe("Pouzac");
    expect(ownCommune("ma commune de lanvezennec (3100 habitants) est elle concernee par la loi sren ?")?.town).toBe(
      "lanvezennec",
    );
    expect(ownCommune("Lanvézennec est-elle concernée par la loi SREN ?")).toMatchObject({ town: "Lanvézennec" });
  });

  it("does not when a fact of the town is asked, or its statement is questioned", () => {
    for (const q of [
      "la mairie de Pouzac a migré vers Linux en 2020, c'est vrai ?",
      "la mairie de Pouzac a quitté Google, pourquoi ?",
      "Lanvézennec est-elle passée à Linux ?",
      "combien Pouzac a-t-elle économisé avec Linux ?",
      "la mairie de Pouzac a-t-elle encore des postes sous Windows 10, c'est grave ?",
      "la mairie de Pouzac est passée à Linux, c'est fini ?",
      "la mairie de Pouzac a signé avec Microsoft, c'est exact ?",
      // (A body written in lower case after its article, not a town: held-out-24.)
      "l'inspection peut elle fermer une classe malgre l'avis du maire",
    ])
      expect(ownCommune(q), q).toBeNull();
  });
});

describe("the asker's own commune in a question that holds for any commune (trial21 T-H8)", () => {
  it("answers it, the answer saying the passages do not speak of that town", async () => {
    for (const [q, town] of [
      ["ma commune de lanvezennec (3100 habitants) est elle concernee par la loi sren ?", "lanvezennec"],
      ["Lanvézennec est-elle concernée par la loi SREN ?", "Lanvézennec"],
      ["la mairie de Pouzac a encore 40 postes sous Windows 10, c'est grave ?", "Pouzac"],
      // (Read as « la commune est-elle … ? », of which the passages speak.)
      ["Pleumeur est-elle concernée par le CLOUD Act ?", "Pleumeur"],
      // (« c'est » and one word judging the situation.)
      ["la mairie de Lanmodez stocke ses données chez Google, c'est légal ?", "Lanmodez"],
    ] as const) {
      const found = await retrieved(q);
      expect(found.decision, q).toMatchObject({ answerable: true });
      expect(found.general, q).toEqual([town]);
    }
    const { done, text } = await askConversation(real.engine, "Lanvézennec est-elle concernée par la loi SREN ?");
    expect(done.abstention).toBeNull();
    expect(text).toContain("ne parlent pas de « Lanvézennec » en particulier");
  });

  it("still refuses a fact asked of a town the corpus never names", async () => {
    for (const q of [
      "qu'a fait Dortmund pour sortir de Microsoft ?",
      "combien Pouzac a-t-elle économisé avec Linux ?",
      "Lanvézennec est-elle passée à Linux ?",
      "la mairie de Pouzac a migré vers Linux en 2020, c'est vrai ?",
      "la mairie de Pouzac utilise-t-elle Teams ?",
      "Pouzac a combien de postes sous Windows ?",
      "ma commune de Pouzac a-t-elle signé avec Microsoft ?",
      "la mairie de Pouzac a quitté Google, pourquoi ?",
    ])
      expect((await retrieved(q)).decision, q).toMatchObject({ answerable: false });
  });
});
