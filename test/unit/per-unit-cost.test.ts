/**
 * A cost asked per unit (« par agent ») is given by a passage that writes it per a unit that counts the same people
 * (« par utilisateur et par mois »): trial23 T-M3, « ça coûte combien microsoft 365 par agent » was told « Le corpus
 * ne donne pas de coût par agent » above the Office 365 E3 price per user. A cost per poste is still not a cost per
 * user, and a passage with no amount gives none.
 */
import { describe, expect, it } from "vitest";
import { notGiven } from "../../server/answers/brief.ts";

const perUser = [
  "L'assistant Copilot est vendu 30 dollars par utilisateur et par mois en option (Redress Compliance, 2025).",
];
const perPoste = ["La migration d'un poste vers Linux coûte environ 200 euros par poste selon la DINUM."];

describe("a cost per unit the passages give per another name of the same unit", () => {
  it("is given when asked per agent and written per user", () => {
    expect(notGiven("ça coûte combien microsoft 365 par agent ?", perUser, [])).toBeNull();
    expect(notGiven("quel est le prix de copilot par salarié", perUser, [])).toBeNull();
  });

  it("is still not given per agent by a price per poste, nor per poste by a price per user", () => {
    expect(notGiven("ça coûte combien microsoft 365 par agent ?", perPoste, [])).toContain("par agent");
    expect(notGiven("combien coûte linux par poste ?", perUser, [])).toContain("par poste");
  });

  it("is not given by a sentence naming the unit without an amount", () => {
    expect(
      notGiven("ça coûte combien microsoft 365 par agent ?", ["Les licences sont comptées par utilisateur."], []),
    ).toContain("par agent");
  });
});

describe("a cost per unit of a product named by its edition (trial26 T-M3, brief38's diagnosis)", () => {
  // The corpus's own sentence (case-studies/microsoft-hausses-de-prix-secteur-public, hausse du 1er juillet 2026).
  const e3 =
    "À partir du 1er juillet 2026, Microsoft augmente ses prix publics Microsoft 365 (Servola, 2026 ; NPI Financial, " +
    "2026) : nouveaux prix : Microsoft 365 E3 à 39 dollars, E5 à 60 dollars, F3 à 10 dollars.";
  it("is not given by another product's price per user (Copilot's) beside the edition's price without its unit", () => {
    expect(notGiven("Combien coûte une licence Microsoft 365 E3 par agent ?", [...perUser, e3], [])).toContain(
      "par agent",
    );
  });

  it("is given by a sentence naming the edition with its price per user", () => {
    // The same price written with a unit (a passage written for the test: its sources give no unit).
    const perUserE3 = ["Microsoft 365 E3 passe à 39 dollars par utilisateur au 1er juillet 2026 (Servola, 2026)."];
    expect(notGiven("Combien coûte une licence Microsoft 365 E3 par agent ?", perUserE3, [])).toBeNull();
  });
});

describe("a collectivité's size is no unit of cost (trial24 T-M2)", () => {
  it("is not read as a cost per inhabitant asked", () => {
    expect(notGiven("passer une mairie de 2600 habitants à linux, ça coûte combien ?", perPoste, [])).toBeNull();
  });

  it("still asks a cost per inhabitant when the question says « par habitant »", () => {
    expect(notGiven("combien coûte la messagerie libre par habitant ?", perPoste, [])).toContain("par habitant");
  });
});
