/**
 * Who holds a role (held-out-26 people, absent7): « c'est qui le dsi de boe », « qui dirige l'ugap » were answered
 * with a passage naming someone else — the DSI of Fontaine under a title listing Boé, BlueMind's head in a sentence
 * that names the UGAP further on. A sentence answers where it names someone with the role's noun (or a verb of it)
 * near the subject, or under a section heading naming the subject, not as another's complement (« adjoint au
 * maire »). Other wordings than the set's, on the real corpus; guards (a holder the corpus names) are answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { roleAsComplement, roleAsked, roleVerbAsked } from "../../server/retrieval/names-places.ts";
import { askOne, realCorpusEngine } from "../helpers/server.ts";

describe("roleAsked / roleVerbAsked / roleAsComplement", () => {
  it("reads the role asked by « c'est qui le … », « le nom de la … » only for a role's noun, and by a verb", () => {
    expect(roleAsked("c'est qui le dsi de Niort ?")).toBe("dsi");
    expect(roleAsked("le nom de la présidente de l'agglo")).toBe("presidente");
    expect(roleAsked("OW2 a changé de directeur général en 2022, c'est qui le nouveau ?")).toBeUndefined();
    expect(roleAsked("c'est qui le développeur de PuTTY ?")).toBeUndefined();
    expect(roleVerbAsked("Qui dirige l'ANSSI ?")?.named).toContain("directeur");
    expect(roleVerbAsked("qui préside le CNLL")?.named).toContain("presidente");
    expect(roleVerbAsked("qui utilise Linux ?")).toBeUndefined();
  });

  it("tells a role that is another's complement", () => {
    expect(roleAsComplement("un adjoint au")).toBe(true);
    expect(roleAsComplement("a écrit à la")).toBe(true);
    expect(roleAsComplement("Selon le")).toBe(false);
  });
});

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-role-holder-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("on the real corpus", () => {
  it("abstains when no passage read names who holds the role of that subject", async () => {
    for (const q of [
      "c'est qui le président de l'ugap",
      "c'est qui le directeur de l'ugap ?",
      // « un adjoint au maire, Aurélien Farge » names the adjoint, not the maire.
      "c'est qui le maire d'Échirolles ?",
    ])
      expect((await decide(q)).answerable, q).toBe(false);
  });

  it("still answers a holder the corpus names, searched again with the role's nouns when the question's words miss it", async () => {
    for (const q of ["qui dirige la DINUM aujourd'hui ?", "qui dirige bluemind ?"])
      expect((await decide(q)).answerable, q).toBe(true);
  });

  it("reads aloud the holder the corpus names today before one « de l'époque », whatever the role's gender", async () => {
    // « le directeur de la DINUM de l'époque, Nadi Bou Hanna » (2021) was read aloud to « qui est le directeur de la
    // dinum » while the corpus names Stéphanie Schaer, « nommée directrice de la DINUM en septembre 2022 ».
    for (const q of ["qui est le directeur de la dinum", "c'est qui le directeur de la DINUM ?"]) {
      const { done } = await askOne(real.engine, q);
      expect(done.brief?.quotes[0]?.text, q).toContain("Stéphanie Schaer");
      // The facts read aloud are dated by the page they come from (the DINUM guide, April 2026), not by the first
      // passage listed (trial21 T-L6).
      expect(done.factsAsOf, q).toBe("2026-04");
      expect(done.brief?.quotes.map((b) => b.text).join(" "), q).not.toContain("de l'époque");
    }
  });
});
