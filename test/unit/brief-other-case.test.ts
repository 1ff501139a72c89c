/**
 * « En bref » read aloud after a question on one case never quotes another case's figure (trial12 A4): a case study
 * whose title names another case than the one asked, a sentence whose « il y » stands for a place named before, a
 * holder of another role than the one asked. Passages written for the test, on places that are not the trial's.
 */
import { describe, expect, it } from "vitest";
import { needsPrevious } from "../../server/retrieval/passages.ts";
import { briefFor as brief, passageOf as passage } from "../helpers/passages.ts";

describe("a sentence of another case is not read aloud as the case asked", () => {
  it("quotes no case study whose title names another case, even when the asked case is in half the passages", () => {
    const used = [
      passage("douane#0", "La Douane et Debian : ses postes", "En 2022, la Douane comptait 12 000 postes sous Debian."),
      passage(
        "vienne#0",
        "Vienne et WienUX : une migration vers Debian",
        "Les sources divergent sur le nombre de postes passés sous Debian : le chiffre varie entre 3 000 et 4 000 postes.",
      ),
      passage(
        "rythmes#0",
        "Fixer un calendrier : les rythmes observés",
        "La Douane a passé 12 000 postes sous Debian en dix ans, au rythme du renouvellement du matériel.",
        "guidance",
      ),
    ];
    const quotes = brief("combien de postes sous debian a la douane", used, ["quantity"])?.quotes ?? [];
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.map((q) => q.source)).not.toContain(2);
  });

  it("quotes no sentence opening on another place (« À Talence, … ») after a question on one case", () => {
    const used = [
      passage(
        "begles#0",
        "Bègles : une commune du libre",
        "Bègles a migré ses serveurs de messagerie sous Linux en 2012.",
      ),
      passage(
        "autres#0",
        "Autres collectivités françaises",
        "À Talence, le DSI décrivait une migration sur environ 400 ordinateurs sous Linux. Voir le document sur Bègles.",
      ),
    ];
    const quotes = brief("combien d'ordinateurs sous linux a begles", used, ["quantity"])?.quotes ?? [];
    expect(quotes.map((q) => q.text).join(" ")).not.toContain("Talence");
  });

  it("a subject pronoun after an opening complement (« En 2019, il y décrivait … ») refers to the sentence before", () => {
    expect(needsPrevious("En mai 2019, il y décrivait une migration sur environ 400 ordinateurs.")).toBe(true);
    expect(needsPrevious("Dès 2015, elle comptait 300 postes sous Linux.")).toBe(true);
    expect(needsPrevious("En 2019, il y a eu 400 ordinateurs migrés à Bègles.")).toBe(false);
    expect(needsPrevious("Pour une commune, il faut compter deux ans de migration.")).toBe(false);
    expect(needsPrevious("En 2019, la ville de Bègles comptait 400 ordinateurs.")).toBe(false);
  });

  it("a question asking who holds a role quotes only a sentence naming that role", () => {
    const used = [
      passage(
        "seminaire#0",
        "Le séminaire du 3 mai sur la souveraineté",
        "Jeanne Dupont, ministre déléguée chargée de la Fonction publique, a expliqué que l'État devait reprendre le contrôle de son destin numérique.",
        "guidance",
      ),
    ];
    expect(brief("qui est le ministre du numérique aujourd'hui", used)).toBeNull();
    const named = [
      passage(
        "seminaire#0",
        "Le séminaire du 3 mai sur la souveraineté",
        "Jeanne Dupont, ministre chargée du numérique, a ouvert le séminaire du 3 mai sur la souveraineté numérique.",
        "guidance",
      ),
    ];
    expect(brief("qui est le ministre du numérique", named)?.quotes).toHaveLength(1);
  });

  it("a role whose title runs over a few little words (« ministre déléguée chargée de l'Intelligence artificielle et du Numérique ») is named, before a service of another minister (trial24 T-M1)", () => {
    const used = [
      passage(
        "seminaire#0",
        "Le séminaire du 3 mai sur la souveraineté",
        "Jeanne Dupont, ministre déléguée chargée de l'Intelligence artificielle et du Numérique, a présenté la souveraineté numérique comme une nécessité stratégique (Webiano, avril 2026).",
        "guidance",
      ),
      passage(
        "direction#0",
        "La direction du numérique quitte Windows",
        "La direction du numérique (DNUM) est le service du Premier ministre chargé de la transformation numérique de l'État.",
        "guidance",
      ),
      passage(
        "achats#0",
        "La doctrine d'achat de l'État",
        "Une circulaire du Premier ministre Paul Martin sur la doctrine d'achats numériques de l'État a été annoncée le 5 février 2026.",
        "guidance",
      ),
    ];
    expect(brief("qui est le ministre du numerique", used)?.quotes[0]?.text).toMatch(
      /^Jeanne Dupont, ministre déléguée/,
    );
  });
});
