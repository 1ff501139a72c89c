/**
 * A fact asked of a collectivité the question names (« la mairie de Paris », « la ville de Bordeaux », « la région
 * Nouvelle-Aquitaine ») that the passages which answer name only in passing or not at all (an address, an event's
 * city, another body's name) is not read aloud from another body's page (trial22 T-H7: « combien de postes linux a la
 * mairie de paris » got Munich's 15 000 to 18 000 posts as its « En bref »). Real corpus, no model.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
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
  it("abstains on Paris's Linux posts rather than reading Munich's figure", async () => {
    const { text, done } = await ask("combien de postes linux a la mairie de paris");
    expect(done.abstention).not.toBeNull();
    expect(text).not.toContain("15 000");
    expect(text).not.toContain("En bref");
  });

  it("abstains on « la ville de bordeaux est passee a linux ? » rather than reading LiMux", async () => {
    const { text, done } = await ask("la ville de bordeaux est passee a linux ?");
    expect(done.abstention).not.toBeNull();
    expect(text).not.toContain("LiMux");
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
});
