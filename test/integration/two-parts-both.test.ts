/**
 * Two questions joined by « et est-ce que » (trial16 C22, C14) and a pronoun typed without its apostrophe (C20): each
 * part is searched on its own, the answer holds the passages of both, or says first which part the corpus does not
 * answer — never the flat refusal « aucun passage ne traite à la fois de … ». Real corpus, no model.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { questionTerms } from "../../server/retrieval/question-terms.ts";
import { coordinatedParts } from "../../server/retrieval/two-parts.ts";
import { askOne, realCorpusEngine } from "../helpers/server.ts";

let engine: Engine;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ engine, close } = await realCorpusEngine("cap-libre-two-parts-both-"));
}, 240_000);
afterAll(async () => {
  await close?.();
});

describe("two questions joined by « et est-ce que »", () => {
  it("cuts the question at its turn, the second searched with the first's names", () => {
    expect(coordinatedParts("c est quoi secnumcloud et est ce qu on est oblige")).toEqual({
      first: "c est quoi secnumcloud",
      second: "est ce qu on est oblige",
      subject: "secnumcloud",
      searched: "secnumcloud on est oblige",
    });
    expect(coordinatedParts("est-ce que nextcloud est libre ?")).toBeNull();
  });

  it("answers both parts when each is covered by different passages (C22)", async () => {
    const { text, done } = await askOne(engine, "c est quoi secnumcloud et est ce qu on est oblige");
    expect(done.abstention).toBeNull();
    expect(done.partial).toBeUndefined();
    expect(text).toContain("SecNumCloud est une qualification délivrée");
    expect(text).toContain("elles ne s'imposent pas aux collectivités territoriales");
  });

  it("quotes the passage answering the second part of a question answered whole (C14)", async () => {
    const { text } = await askOne(
      engine,
      "le data act et la loi sren c est quoi la difference et est ce que ca nous concerne",
    );
    expect(text).toContain("Data Act");
    // (The SREN guide's sentence, or the Health Data Hub case's « L'article 31 de la loi SREN ne s'applique pas … ».)
    expect(text).toMatch(/l'article 31 (?:de la loi SREN )?ne s'applique pas aux collectivités territoriales/i);
  });

  it("answers the covered part and says first that the corpus does not answer the other", async () => {
    const { text, done } = await askOne(
      engine,
      "c'est quoi secnumcloud et est-ce que la piscine municipale est ouverte le dimanche ?",
    );
    expect(done.abstention).toBeNull();
    expect(done.partial?.missing).toBe("est-ce que la piscine municipale est ouverte le dimanche ?");
    expect(text.startsWith("Le corpus ne répond pas à cette partie de la question")).toBe(true);
    expect(text).toContain("SecNumCloud est une qualification");
  });
});

describe("a second part naming, at its end, a thing the corpus never writes (held-out-23, burned)", () => {
  it("answers the first part and names what the corpus does not answer", async () => {
    const { text, done } = await askOne(
      engine,
      "le danemark passe a libreoffice, et pour l'echange de donnees entre administrations ils utilisent x-road ?",
    );
    expect(done.partial?.missing).toBe("pour l'echange de donnees entre administrations ils utilisent x-road ?");
    expect(text).toContain("« x-road »");
    // An everyday word the corpus does not use is no such thing (held-out-19 h19-a-ionos: « dedans »).
    const everyday = await askOne(engine, "IONOS c'est allemand ? y a pas un fonds américain dedans ?");
    expect(everyday.done.partial).toBeUndefined();
  });
});

describe("« l enlever »: the pronoun typed without its apostrophe (C20)", () => {
  it("reads the infinitive as a verb, and answers from the catalogue card", async () => {
    expect(questionTerms("kaspersky on doit l enlever").find((t) => t.word === "enlever")).toMatchObject({
      modifier: true,
    });
    expect(questionTerms("on répare l ordinateur").find((t) => t.word === "ordinateur")).toMatchObject({ noun: true });
    const { text, done } = await askOne(engine, "kaspersky on doit l enlever");
    expect(done.abstention).toBeNull();
    expect(text).toContain("SORM");
  });
});
