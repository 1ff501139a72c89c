/**
 * Wrong decisions of the burned held-out-21 set (test/eval/README.md « Trente-deuxième série »), fixed by kind: each
 * kind on other people, towns and words than the set's questions, on the real corpus (what a user gets) or on a small
 * one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { withoutExamplePlaces } from "../../server/retrieval/example-place.ts";
import { expandChoices, personInLowerCase } from "../../server/retrieval/names-places.ts";
import { assessAnswerability } from "../../server/retrieval/relevance.ts";
import { lexicon, passage } from "../helpers/abstention.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-held-out-21-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("a named person's attributes in everyday words", () => {
  it("abstains on what a named person did before, their nationality, when no passage says it", async () => {
    for (const q of [
      "Frédéric Couchet il travaillait dans quoi avant l'April ?",
      "Magali Garnero, c'est quoi sa nationalité ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("reads those only of a named person, not of an organisation or a town's people", async () => {
    for (const q of [
      "l'April, elle fait quoi aujourd'hui ?",
      "Les Lyonnais ont touché combien de l'ANCT pour leur suite collaborative ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("reads a name a passage breaks across two lines (« Jeanne\\nMartin ») as the person typed in lower case", () => {
    expect(personInLowerCase("jeanne martin a fait quelles études ?", ["la directrice, Jeanne\nMartin, a dit"])).toBe(
      true,
    );
  });

  it("expands the choices between braces of a list's expression", () => {
    expect(expandChoices("{fait|faisait} quoi {avant|maintenant}")).toEqual([
      "fait quoi avant",
      "fait quoi maintenant",
      "faisait quoi avant",
      "faisait quoi maintenant",
    ]);
  });
});

describe("the asker's commune given as the context of a general question", () => {
  it("answers the general question, the town opening it or situating the asker's commune", async () => {
    for (const q of [
      "À la mairie de Montbrison on a une messagerie Zimbra : l'éditeur est de quel pays ?",
      "ma commune fait 3 000 habitants dans la Lozère, le CRA nous concerne ?",
      "DSI à Craon, on a des serveurs VMware : Broadcom a racheté VMware quand ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("abstains when the town's own fact or figure is asked", async () => {
    for (const q of [
      "a mauriac on a fait un inventaire du parc, il est publié où ?",
      "À Issoire, on a combien de postes sous Linux ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "unknown-name" });
  });

  it("sets aside only the town, never what the asker says they have", () => {
    expect(
      withoutExamplePlaces("À Gex il nous reste 40 postes sous Windows 10 : on passe à Linux ?")?.question.trim(),
    ).toBe("il nous reste 40 postes sous Windows 10 : on passe à Linux ?");
    // A pronoun taking up what the asker said of their place asks a fact of it.
    expect(withoutExamplePlaces("DSI à Gex : on a un Nextcloud, quelqu'un l'a documenté ?")).toBeNull();
  });
});

describe("a municipal procedure said with the general words of a collectivité", () => {
  it("abstains when no passage read holds the question's own words", async () => {
    expect(await decide("Comment mensualiser les agents contractuels de la commune ?")).toMatchObject({
      answerable: false,
      reason: "low-coverage",
    });
  });

  it("answers a question on the digital domain a collectivité asks", async () => {
    expect(await decide("Pour une petite commune, qui doit piloter le projet de migration ?")).toMatchObject({
      answerable: true,
    });
  });
});

describe("a name of the corpus typed in lower case", () => {
  it("is that name, not a rare word's passing mention (« a brestia … quel cabinet »)", async () => {
    const corpus = [
      "La ville de Brestia est revenue à Windows en 2019 après une étude du cabinet Orbatis.",
      "Brestia avait migré ses postes vers Linux.",
      "Brestia a voté le retour.",
    ];
    const { frequency, names: written } = lexicon(corpus);
    // The small corpus writes the town only as a name, never as a plain word.
    const names = Object.assign(written, { written: async () => true, plain: async () => false });
    const results = [passage("Le bilan", corpus[0]!)];
    const decision = await assessAnswerability(
      "a brestia il y a eu une étude d'un cabinet pour le retour à windows, lequel ?",
      results,
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
  });
});
