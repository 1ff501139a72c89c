/**
 * The asker's own commune named in a general question (trial17 D6): the town, typed in lower case or not, is set
 * aside like an example town, so that the answer speaks of communes in general and says the passages do not speak of
 * it; a question asking a fact of that town keeps it. The asker's size given as « on est 2800 habitants » is not a
 * word the corpus should write, in a follow-up too. Other towns than the trial's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { withoutExamplePlaces } from "../../server/retrieval/example-place.ts";
import { ownCommune } from "../../server/retrieval/own-commune.ts";
import { questionTerms } from "../../server/retrieval/question-terms.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-own-commune-");
}, 120_000);
afterAll(async () => real?.close());

const rest = (q: string) => withoutExamplePlaces(q)?.question.replace(/\s+/g, " ").trim();

describe("the asker's own commune named in a general question", () => {
  it("is set aside, the rest of the question kept", () => {
    expect(rest("la mairie de plouzelec peut elle passer a linux")).toBe("la mairie peut elle passer a linux");
    expect(rest("la commune de Trémorvan doit-elle appliquer NIS2 ?")).toBe("la commune doit-elle appliquer NIS2 ?");
    expect(rest("notre commune de saint-maudez peut-elle quitter Google ?")).toBe(
      "notre commune peut-elle quitter Google ?",
    );
    expect(rest("on est a plouzelec, est ce qu on peut garder windows 10")).toBe(
      "on est , est ce qu on peut garder windows 10",
    );
    expect(rest("on a 30 postes a la mairie de plouzelec, on pourrait passer sous linux ?")).toBe(
      "on a 30 postes , on pourrait passer sous linux ?",
    );
    expect(withoutExamplePlaces("la mairie de plouzelec peut elle passer a linux")).toMatchObject({
      places: ["plouzelec"],
      applied: true,
    });
  });

  it("is kept when a fact of that town is asked, or no general word follows it", () => {
    for (const q of [
      "la mairie de plouzelec utilise-t-elle Linux ?",
      "pourquoi la ville de plouzelec est revenue à windows",
      "combien a dépensé la ville de plouzelec pour linux",
      "la mairie de plouzelec a voté le passage au libre ?",
      "pour la mairie de plouzelec on peut passer à linux ?",
    ])
      expect(ownCommune(q), q).toBeNull();
    expect(withoutExamplePlaces("combien la mairie de plouzelec peut-elle économiser ?")).toBeNull();
  });
});

describe("the asker presenting themselves with their commune (held-out-25 h25-a-*-ville-*, trial18 F8)", () => {
  it("sets the town aside whatever follows, a role or the collectivité with it", () => {
    expect(rest("je suis maire de kervénec-les-bois, 900 habitants, par où commencer pour quitter google")).toBe(
      "je suis maire , 900 habitants, par où commencer pour quitter google",
    );
    expect(rest("on est la communauté de communes de val-d'arvenne, comment on fait un inventaire")).toBe(
      "on est la communauté de communes , comment on fait un inventaire",
    );
    expect(rest("le cloud act nous concerne on est 3000 habitants a saint-ovrin")).toBe(
      "le cloud act nous concerne on est 3000 habitants",
    );
    expect(rest("bonjour je suis adjoint a la culture a mirevaux sur orbe, on peut utiliser tchap")).toBe(
      "bonjour je suis adjoint a la culture , on peut utiliser tchap",
    );
    expect(rest("a kervénec on aimerait garder nos données chez nous, on peut s'inspirer de la gendarmerie ?")).toBe(
      "on aimerait garder nos données chez nous, on peut s'inspirer de la gendarmerie ?",
    );
  });

  it("is not carried into a follow-up, which asks what holds for any commune (trial18 F20)", async () => {
    const { done } = await askConversation(
      real.engine,
      "la mairie de plouzelec peut elle passer a linux",
      "nis2 ca nous concerne on est 4100 habitants",
    );
    expect(done.abstention).toBeNull();
  });

  it("keeps the town when its own figure or fact is asked", () => {
    expect(withoutExamplePlaces("a kervénec on dépense combien en licences par an")).toBeNull();
    expect(withoutExamplePlaces("je suis maire de kervénec, combien de postes on a")).toBeNull();
    expect(withoutExamplePlaces("on est à la mairie de kervénec, la mairie utilise-t-elle Tchap ?")).toBeNull();
  });
});

describe("the asker's size after « on est », « nous sommes »", () => {
  it("is no term to find in a passage", () => {
    const words = (q: string) => questionTerms(q).map((t) => t.word);
    expect(words("c est quoi nis2 et pour nous on est 2800 habitants")).not.toContain("2800");
    expect(words("nous sommes 45 agents, la loi nous concerne ?")).not.toContain("45");
    // (A number before another word stays: « on a dépensé 2800 euros » is not a size.)
    expect(words("on a dépensé 2800 euros pour nis2")).toContain("2800");
  });

  it("is answered in a follow-up, not refused for a word the corpus never writes", async () => {
    const { done, text } = await askConversation(real.engine, "c est quoi nis2", "et pour nous on est 2800 habitants");
    expect(done.abstention).toBeNull();
    expect(text).not.toContain("« 2800 »");
  });
});

describe("the asker's commune opening the question, their own words further on (held-out-26)", () => {
  it("is set aside when hyphenated or after « à », with « nous », « on », « notre » … after it", () => {
    expect(ownCommune("ternay-sur-sorme fait 12 000 habitants, nis2 nous concerne ?")?.town).toBe("ternay-sur-sorme");
    expect(ownCommune("saint-ferjus-des-combes voudrait le label, on commence par quoi")?.town).toBe(
      "saint-ferjus-des-combes",
    );
    expect(ownCommune("a plouzelec le conseil se demande si la loi nous force a adopter du libre")?.town).toBe(
      "plouzelec",
    );
  });

  it("is not, without the asker's words, nor a word opening the question that is not after « à »", () => {
    expect(ownCommune("saint-nazaire a quitte microsoft 365 ?")).toBeNull();
    expect(ownCommune("a brest ils ont quitte microsoft ?")).toBeNull();
    expect(ownCommune("microsoft a augmente ses prix, on fait quoi")).toBeNull();
  });
});
