/**
 * A fact asked of a collectivité the question names (« la mairie de Paris », « la ville de Bordeaux », « la région
 * Nouvelle-Aquitaine ») that the passages which answer name only in passing or not at all (an address, an event's
 * city, another body's name) is not read aloud from another body's page (trial22 T-H7: « combien de postes linux a la
 * mairie de paris » got Munich's 15 000 to 18 000 posts as its « En bref »). Real corpus, no model.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { namedCollectivities } from "../../server/retrieval/named-collectivity.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-named-collectivity-");
}, 240_000);
afterAll(async () => real?.close());

async function ask(question: string) {
  const { text, docs, done } = await askConversation(real.engine, question);
  return { text, brief: text.split("\n").find((l) => l.startsWith("En bref")) ?? "", docs, done };
}

describe("a fact of a named collectivité no passage that answers names (trial22 T-H7)", () => {
  it("reads no other body's figure for Paris's Linux posts (Munich's, the Gendarmerie's)", async () => {
    const { text, brief } = await ask("combien de postes linux a la mairie de paris");
    expect(text).not.toContain("15 000");
    expect(text).not.toContain("GendBuntu");
    expect(brief).not.toMatch(/Munich|Gendarmerie|Corée|DINUM/);
  });

  it("abstains on « la ville de bordeaux est passee a linux ? » rather than reading LiMux", async () => {
    const { text, done } = await ask("la ville de bordeaux est passee a linux ?");
    expect(done.abstention?.reason).toBe("missing-name");
    expect(text).not.toContain("En bref");
    expect(text).not.toContain("15 000");
  });

  it("abstains on what the Région Nouvelle-Aquitaine did for free software", async () => {
    const { done } = await ask("qu'a fait la region nouvelle aquitaine pour le libre ?");
    expect(done.abstention).not.toBeNull();
  });
});

describe("a collectivité the passages that answer do name", () => {
  it("answers on Lyon (« la ville de lyon est passee a linux ? »)", async () => {
    const { done, brief } = await ask("la ville de lyon est passee a linux ?");
    expect(done.abstention).toBeNull();
    expect(brief).toContain("Lyon");
  });

  it("answers on Échirolles's doing (« qu'a fait la ville d'echirolles pour le libre ? »)", async () => {
    const { done } = await ask("qu'a fait la ville d'echirolles pour le libre ?");
    expect(done.abstention).toBeNull();
  });

  it("answers what the one passage naming the Ville de Paris says of it (OW2's members)", async () => {
    const { done, brief } = await ask("la ville de Paris est membre de quoi ?");
    expect(done.abstention).toBeNull();
    expect(brief).toContain("la Ville de Paris");
  });

  it("answers for communes in general when the town is the asker's own (« à la mairie de Bordeaux on a … »)", async () => {
    const { done, text } = await ask("à la mairie de Bordeaux on a 3000 postes sous windows, on peut passer à linux ?");
    expect(done.abstention).toBeNull();
    expect(text).toMatch(/^Les passages cités ne parlent pas de « Bordeaux » en particulier/);
  });
});

describe("other towns the corpus names only in passing, asked the same way (untuned: written after the rule)", () => {
  it.each([
    ["la mairie de strasbourg a combien de postes linux", "strasbourg"],
    ["la mairie de toulouse a combien de postes sous linux", "toulouse"],
    ["la ville de nantes est passee a libreoffice ?", "nantes"],
    ["la metropole de montpellier utilise quoi comme messagerie", "montpellier"],
  ])("abstains on « %s »", async (question, town) => {
    const { text, done } = await ask(question);
    expect(done.abstention?.reason).toBe("missing-name");
    expect(done.abstention?.missing).toContain(town);
    expect(text).not.toContain("En bref");
  });
});

describe("which collectivités a question names by their kind (pure)", () => {
  const known = (async () => true) as never;
  it("reads one body after a definite article, named after « de » or from the list of régions", async () => {
    expect(await namedCollectivities("combien de postes linux a la mairie de paris", known)).toEqual(["paris"]);
    expect(await namedCollectivities("qu'a fait la region nouvelle aquitaine pour le libre ?", known)).toEqual([
      "nouvelle aquitaine",
    ]);
    expect(await namedCollectivities("Le département de la Gironde a-t-il basculé ?", known)).toEqual(["gironde"]);
  });

  it("not a place that situates or describes one (a country, a département after « du », an area, « une »)", async () => {
    for (const q of [
      "La troisième ville de France, elle a choisi quelle suite bureautique ?",
      "la petite commune du Lot-et-Garonne passée sous Ubuntu, pourquoi ?",
      "La grande région de Toulouse et Montpellier s'était mise à Office 365 quand ?",
      "Quelle commune de l'Isère a obtenu le niveau Or ?",
      "la commune est-elle concernée par le CLOUD Act ?",
    ])
      expect(await namedCollectivities(q, known), q).toEqual([]);
  });
});
