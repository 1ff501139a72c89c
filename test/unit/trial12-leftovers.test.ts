/**
 * What the twelfth new-user trial (/work/wt/trial12-FINDINGS.md) left open, each case on other names than the trial's:
 * the word a refusal reports, a name typed one letter off, a town's own name given as context of a general question.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { withoutExamplePlaces } from "../../server/retrieval/example-place.ts";
import { assessAnswerability } from "../../server/retrieval/relevance.ts";
import { lexicon, passage } from "../helpers/abstention.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-trial12-");
}, 120_000);
afterAll(async () => real?.close());
const ask = (...questions: string[]) => askConversation(real.engine, ...questions);

describe("a refusal reports words, not phrases (trial12 B4)", () => {
  it("reports the noun of « quel est le budget … » missing, not « quel est le budget »", async () => {
    const text = "L'association Adullact fédère des collectivités autour du logiciel libre depuis 2002, à Montpellier.";
    const { frequency, names } = lexicon([text, "Le budget de la commune.", "Une association."]);
    const decision = await assessAnswerability(
      "Quel est le budget de l'association Adullact ?",
      [passage("Adullact", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "missing-figure", missing: ["budget"] });
  });
});

describe("a two-word name heard with one letter off (trial12 A7)", () => {
  it("reads « kloud act » as the CLOUD Act the corpus writes, not a one-word name it comes near", async () => {
    const heard = await ask("le kloud act ça vise aussi google ?");
    const read = await ask("le CLOUD Act ça vise aussi google ?");
    expect(heard.done.abstention).toBeNull();
    expect(heard.docs).toContain("guidance/cloud-act-fisa-702");
    expect(heard.docs).toEqual(read.docs);
    expect(heard.text).not.toMatch(/kloud/i);
  });
});

describe("a town given with its population, as the asker's setting (trial12 A3)", () => {
  it("sets the town aside when it only says whose situation the general rule is asked for", () => {
    const read = withoutExamplePlaces("est-ce que la loi SREN concerne gourdon qui a 4000 habitants ?");
    expect(read).toMatchObject({ places: ["gourdon"] });
    expect(read?.question.replace(/\s+/g, " ")).toBe("est-ce que la loi SREN concerne de 4000 habitants ?");
    expect(withoutExamplePlaces("La loi SREN s'applique-t-elle à Gourdon, 4 000 habitants ?")).toMatchObject({
      places: ["Gourdon"],
    });
    expect(withoutExamplePlaces("la loi SREN concerne Saint-Céré (3500 habitants) ?")).toMatchObject({
      places: ["Saint-Céré"],
    });
  });

  it("keeps it when the question asks a fact of the town, or its own figure, or names no town", () => {
    expect(withoutExamplePlaces("est-ce que gourdon qui a 4000 habitants utilise linux ?")).toBeNull();
    expect(withoutExamplePlaces("si gourdon qui a 4000 habitants passe à linux, on paie combien ?")).toBeNull();
    expect(withoutExamplePlaces("gourdon qui a 4000 habitants, on paie combien de licences ?")).toBeNull();
    expect(withoutExamplePlaces("la loi SREN concerne une commune qui a 4000 habitants ?")).toBeNull();
    expect(withoutExamplePlaces("la loi SREN concerne ma ville, 4000 habitants ?")).toBeNull();
    // The population of what the place completes (« une commune du Cher »), and a question on what serves it.
    expect(withoutExamplePlaces("On est une commune du Cher, 700 habitants : la loi SREN nous vise ?")).toBeNull();
    expect(
      withoutExamplePlaces("la loi SREN concerne Vierzon, 4000 habitants ? notre syndicat départemental aussi ?"),
    ).toBeNull();
  });

  it("answers the general rule for a town the corpus never names, refuses that town's own figure", async () => {
    const general = await ask("est ce que la directive nis2 concerne gourdon qui a 4000 habitants");
    expect(general.done.abstention).toBeNull();
    expect(general.docs).toContain("guidance/nis2-transposition-collectivites");
    for (const own of [
      "gourdon qui a 4000 habitants, on paie combien de licences microsoft ?",
      "Gourdon qui a 4000 habitants, on paie combien de licences microsoft ?",
    ])
      expect((await ask(own)).done.abstention).not.toBeNull();
  });
});
