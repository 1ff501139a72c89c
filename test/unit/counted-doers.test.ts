/**
 * « Combien d'agents utilisent X ? » counts X's users (trial11 A5): « En bref » reads aloud the figure of those who
 * use it, never an organisation's headcount or a ratio of another thing. Passages written for the test, on places
 * and products that are not the trial's.
 */
import { describe, expect, it } from "vitest";
import { countedDoers, countedFit, doerNouns } from "../../server/retrieval/counted-doers.ts";
import { searchedText } from "../../server/retrieval/rank.ts";
import { briefFor, passageOf } from "../helpers/passages.ts";

const question = "Combien d'enseignants utilisent Moodle dans l'académie ?";
const headcount = passageOf(
  "rectorat#0",
  "Rectorat de Rennes : Moodle et Nextcloud",
  "Le rectorat de Rennes a donné un exemple à grande échelle : il fait passer ses 12 000 enseignants à Moodle et Nextcloud (Ouest-France, mars 2026).",
);
const users = passageOf(
  "moodle#0",
  "Moodle dans l'académie de Rennes",
  "Les chiffres d'usage de Moodle dans l'académie sont publiés chaque trimestre. En janvier 2026, Moodle comptait 9 000 utilisateurs réguliers dans l'académie (Le Télégramme, janvier 2026).",
);

describe("what a « combien de <nom> <verbe> » question counts", () => {
  it("is the verb's doers", () => {
    expect(countedDoers(question)).toEqual({ noun: "enseignants", verb: "utilisent" });
    expect(countedDoers("Combien d'agents de la région adhèrent au réseau ?")?.verb).toBe("adherent");
    // A noun in « -ment » is no verb: nobody is counted.
    expect(countedDoers("Combien de hausse par Zoom au renouvellement ?")).toBeNull();
    // No verb: a headcount asked (« combien de postes Linux »).
    expect(countedDoers("Combien de postes Linux à la préfecture ?")).toBeNull();
  });

  it("is met by a figure of users, or of the noun after the verb; not by a headcount", () => {
    expect(countedFit(question, "Moodle comptait 9 000 utilisateurs réguliers.")).toBe(1);
    expect(countedFit(question, "Moodle est utilisé par 9 000 enseignants.")).toBe(1);
    expect(countedFit(question, "Le rectorat fait passer ses 12 000 enseignants à Moodle.")).toBe(-1);
    expect(countedFit(question, "Moodle est publié sous licence GPL depuis 2002.")).toBe(0);
    // A figure in millions counts the noun after « millions de »: a public of 1,2 million teachers is a headcount.
    expect(countedFit(question, "Le public potentiel est de 1,2 million d'enseignants (Le Monde, 2025).")).toBe(-1);
    expect(countedFit(question, "Moodle comptait 1,5 million d'utilisateurs en 2025.")).toBe(1);
  });
});

describe("« En bref » of a « combien » question counting users", () => {
  it("quotes the figure of users, not the headcount of another organisation", () => {
    const brief = briefFor(question, [headcount, users], ["quantity"]);
    expect(brief?.text).toContain("9 000 utilisateurs");
    expect(brief?.text).not.toContain("12 000");
  });

  it("reads aloud no figure of another thing when none counts the users", () => {
    expect(briefFor(question, [headcount], ["quantity"])?.text ?? "").not.toContain("12 000");
  });
});

describe("the search for a « combien de <nom> <verbe> » question", () => {
  it("names the verb's doers as a passage writes them (« adhèrent » → « adhérents », « utilisent » → « utilisateurs »)", () => {
    expect(doerNouns("utilisent")).toContain("utilisateurs");
    expect(doerNouns("adherent")).toContain("adherents");
    expect(doerNouns("participent")).toContain("participants");
  });

  it("asks the full-text index for them too; a question counting no doers is searched as asked", () => {
    expect(searchedText("Combien d'enseignants utilisent Moodle dans l'académie ?")).toContain("utilisateurs");
    expect(searchedText("Combien de communes adhèrent à l'association ?")).toContain("adherents");
    expect(searchedText("Combien de postes Linux à la préfecture ?")).toBe("Combien de postes Linux à la préfecture ?");
  });
});
