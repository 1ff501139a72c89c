/** The objective a DSI writes in a roadmap's « Objectif » section (trial12 B1), read on other texts than the trial's. */
import { describe, expect, it } from "vitest";
import { statedObjective } from "../../server/drafting/objective.ts";

describe("the objective stated in a roadmap's « Objectif » section", () => {
  it("reads the value reached in « de … % à … % », or the only other percentage of the objective's sentence", () => {
    expect(statedObjective("Objectif : ramener l'exposition pondérée de 72 % à 35 % d'ici juin 2030.", 72)).toBe(35);
    expect(statedObjective("Nous visons 45 % fin 2029, contre 72 % aujourd'hui.", 72)).toBe(45);
    expect(statedObjective("**Objectif proposé** : faire passer l'exposition de 64,5 % à 30,5 %.", null)).toBe(30.5);
  });

  it("takes nothing from a quotation, a quoted line, a cited sentence, or a text without an objective", () => {
    expect(statedObjective("Le plan national fixe « un objectif de 50 % de postes libres ».", 72)).toBeNull();
    expect(statedObjective("> L'objectif de l'État est de réduire de 30 % ses licences.", 72)).toBeNull();
    expect(statedObjective("L'objectif de réduire de 30 % les licences a été retenu [2].", 72)).toBeNull();
    expect(statedObjective("La part extra-européenne est de 72 % aujourd'hui.", 72)).toBeNull();
    expect(statedObjective("Objectif : 40 % ou 50 % selon les moyens.", 72)).toBeNull();
  });
});
