/** A letter's requests written twice with a model (trial21 T-M6): the model's prose restating the list is dropped. */
import { describe, expect, it } from "vitest";
import { withFixedList } from "../../server/drafting/generate.ts";

const list = [
  "- engager une étude des dépendances numériques extra-européennes des services de la commune de Lanvézennec ;",
  "- nommer un élu référent pour le numérique libre avant mars 2027 ;",
  "- informer les citoyennes et les citoyens de l'avancement de la démarche, par une publication accessible à toutes et à tous.",
].join("\n");
const intro = "Nous vous demandons donc de :";

describe("a fixed list the model's prose restates", () => {
  it("keeps the list once: the sentence saying its items again is dropped, the reasons kept", () => {
    const model =
      "Nous vous demandons d'engager une étude de ces dépendances, de nommer un élu référent avant mars 2027 et d'informer les habitants de l'avancement. Ces demandes sont raisonnables : d'autres communes ont commencé par un état des lieux [1].";
    const text = withFixedList(model, list, intro);
    expect(text).not.toContain("Nous vous demandons d'engager");
    expect(text).toContain("Ces demandes sont raisonnables");
    expect(text.match(/nommer un élu référent/g)).toHaveLength(1);
    expect(text).toContain(intro);
  });

  it("keeps a sentence that names one request among other things", () => {
    const model =
      "Une étude des dépendances a permis à d'autres communes de fixer un calendrier réaliste [1]. Nous vous proposons les mesures suivantes :";
    const text = withFixedList(model, list, intro);
    expect(text).toContain("Une étude des dépendances a permis");
    expect(text.indexOf("mesures suivantes :")).toBeLessThan(text.indexOf("- engager"));
  });
});
