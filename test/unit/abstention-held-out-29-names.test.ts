/**
 * Unanswerable questions of the burned held-out-29 set answered on main (names30): a place the question asks a fact of
 * — a country, a town typed in lower case, opening the question as the subject of its verb — that no passage read
 * holds; a named person's private life read in a passage on something else. Each form on other places, persons and
 * words than the set's questions, on the real corpus (what a user gets); guards are answered before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-held-out-29-names-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("a place opening the question as the subject of its verb", () => {
  it("abstains on a country typed in lower case after its article that no passage read holds", async () => {
    for (const q of [
      "le portugal a-t-il quitté windows dans ses administrations",
      "la norvège a-t-elle qualifié un cloud souverain",
      "l'irlande utilise quelle messagerie dans ses ministères",
      // A country whose name starts as « est » does (held-out-27, tuned after the untuned half).
      "l'estonie utilise quel système dans ses ministères",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("abstains on a town typed in lower case before its kind's noun, or before a participle", async () => {
    for (const q of [
      "nantes métropole a-t-elle migré vers nextcloud",
      "lille passée sous libreoffice ou pas ?",
      "madrid a quitté microsoft 365 ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers a country, a town or a body the corpus speaks of", async () => {
    for (const q of [
      "le danemark a-t-il abandonné microsoft dans ses ministères",
      "la gendarmerie a-t-elle économisé avec linux",
      "la dinum a-t-elle quitté windows",
      "lyon a quitté microsoft pour quels logiciels ?",
      "grenoble alpes métropole utilise quoi",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a named person's private life", () => {
  it("abstains when the passage that writes the expression says it of something else than the person", async () => {
    // « est née en septembre 2002 » is said of the idea of the ADULLACT, not of its co-founder.
    expect(await decide("françois élie, cofondateur de l'adullact, est né en quelle année ?")).toMatchObject({
      answerable: false,
      reason: "personal",
    });
  });

  it("abstains when the person's name stands inside the expression (« que fait … aujourd'hui »)", async () => {
    expect(await decide("que devient nicolas vivant aujourd'hui")).toMatchObject({
      answerable: false,
      reason: "personal",
    });
  });

  it("still answers what the corpus says of the person", async () => {
    for (const q of [
      "qui est nicolas vivant",
      "que fait matthieu faure à l'adullact",
      // Two capitalised words that name a company, not a person (held-out-7).
      "Check Point, l'éditeur du pare-feu Quantum, est de quelle nationalité ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("what a named person thinks of something", () => {
  it("abstains when no passage read holds both the person and what the question asks their view of", async () => {
    // Frédéric Couchet is named for the April, never beside Tchap.
    expect(await decide("que pense frédéric couchet de tchap")).toMatchObject({ answerable: false });
  });

  it("still answers where a passage holds both", async () => {
    for (const q of [
      "qu'a dit nicolas vivant sur linux",
      "qu'a dit david amiel sur la souveraineté numérique",
      // One word of the thing is enough (held-out-24).
      "Qu'a dit Brad Smith sur l'affaire de la CPI ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});
