/**
 * Answers without a model as a new user met them (trial 7, 5 December 2026: /work/wt/trial7-FINDINGS.md B2, B4, B5), on
 * the real corpus, with other questions than the trial's: a question giving its commune's size quotes the commune of
 * that size before foreign armies and ministries; an abstention names the word that decided (a year, a whole place
 * name), not a verb form; a town the corpus names only as the seat of others is not answered with those others.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { askOne, realCorpusEngine } from "../helpers/server.ts";

let engine: Engine;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ engine, close } = await realCorpusEngine("cap-libre-answers10-"));
}, 240_000);
afterAll(async () => {
  await close?.();
});

/** The document ids of an answer's sources, in order. */
const documents = (sources: string[]) => sources.map((s) => s.replace(/#\d+$/, ""));

describe("a question giving its collectivité's size (B2)", () => {
  it.each([
    "Notre commune compte 6 000 habitants : LibreOffice, c'est réaliste pour nous ?",
    "Pour une commune d'environ 4 500 habitants, passer à LibreOffice est-il un bon choix ?",
  ])("« %s » quotes the commune of that size before foreign administrations", async (q) => {
    const { sources, text } = await askOne(engine, q);
    const docs = documents(sources);
    const small = docs.findIndex((d) => /autres-collectivites-francaises|label-territoire-numerique-libre/.test(d));
    expect(small).toBe(0);
    expect(text).toContain("5 700 habitants");
  });

  it("quotes a commune for a question on communes under a population", async () => {
    const { sources } = await askOne(engine, "Des communes de moins de 7 000 habitants sont-elles passées à Linux ?");
    expect(documents(sources).slice(0, 2)).toContain("case-studies/autres-collectivites-francaises");
  });

  it("still opens on the law's page when a commune's size is only the setting", async () => {
    const { sources } = await askOne(engine, "Le CLOUD Act concerne-t-il une commune de 6 000 habitants ?");
    expect(sources[0]).toMatch(/^guidance\/cloud-act-fisa-702#/);
  });
});

describe("the word an abstention names (B4)", () => {
  it("names the year that decided, not a verb form the corpus writes otherwise", async () => {
    const { text, done } = await askOne(
      engine,
      "Quelles subventions l'État donnera-t-il en 2031 aux communes qui quittent Microsoft ?",
    );
    expect(done.abstention).not.toBeNull();
    expect(text).toContain("« 2031 »");
    expect(text).not.toContain("« donnera »");
  });

  it("names a place the corpus does not know whole, as written", async () => {
    const { text, done } = await askOne(engine, "Combien a économisé Saint-Brevin-les-Pins avec Linux ?");
    expect(done.abstention).not.toBeNull();
    expect(text).toContain("« Saint-Brevin-les-Pins »");
    expect(text).not.toMatch(/« (?:Pins|pins|saint brevin pins) »/);
  });
});

describe("a town the corpus names only as the seat of others (B5)", () => {
  it.each(["Que fait Nuremberg pour le logiciel libre ?", "Qu'a fait Bochum pour le logiciel libre ?"])(
    "« %s » abstains and says the town is only named as a seat",
    async (q) => {
      const { text, done } = await askOne(engine, q);
      expect(done.abstention?.reason).toBe("located-only");
      expect(text).toMatch(/que comme le siège, l'adresse ou le lieu d'autres organisations/);
    },
  );

  it("still answers what a town the corpus covers does (Échirolles), and who is based somewhere", async () => {
    expect((await askOne(engine, "Que fait Échirolles pour le logiciel libre ?")).done.abstention).toBeNull();
    const based = await askOne(engine, "Quel éditeur de messagerie est basé à Nuremberg ?");
    expect(based.done.abstention).toBeNull();
    expect(based.text).toContain("Open-Xchange");
  });
});
