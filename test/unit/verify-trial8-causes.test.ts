/**
 * Causes of the false sentences the eighth new-user trial saw pass the verifier (trial8 findings A1, A2, A5, A7: a fake
 * model scripted to write wrong sentences, and a user's own claims in a document), each in a general form on passages
 * of its own (other subjects than the trial's): the wrong sentence is flagged, the right one still passes.
 */
import { describe, expect, it } from "vitest";
import { check, status } from "../helpers/verify.ts";

describe("A1: a count written in words, changed, on the same counted noun", () => {
  const passage =
    "Le syndicat mixte de Valbrume — Le contrat de maintenance\nLe contrat de maintenance du SIG a été renouvelé le 3 mars 2025 pour deux ans par le syndicat mixte, qui l'avait signé en 2019.";
  it("« pour six ans » where the passage says « pour deux ans »", () => {
    const wrong = check("Le contrat de maintenance du SIG a été renouvelé le 3 mars 2025 pour six ans [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("six ans");
  });
  it("the same count, in words or in digits, passes", () => {
    expect(status("Le contrat de maintenance du SIG a été renouvelé le 3 mars 2025 pour deux ans [1].", passage)).toBe(
      "supported",
    );
    expect(status("Le contrat de maintenance du SIG a été renouvelé le 3 mars 2025 pour 2 ans [1].", passage)).toBe(
      "supported",
    );
  });
  it("a count of a noun the passage does not count is left to the other checks", () => {
    expect(
      status(
        "Le contrat de maintenance du SIG, signé en 2019, a été renouvelé pour trois ans par deux élus [1].",
        passage,
      ),
    ).not.toBe("invalid-citation");
  });
});

describe("A1: the two things of « X, pas Y » swapped", () => {
  const passage =
    "Le marché de la téléphonie — Qui reçoit la facture\nLa facture mensuelle est envoyée à la commune, pas au prestataire, qui ne fait que la saisie des lignes.";
  it("« envoyée au prestataire, pas à la commune » is flagged", () => {
    const wrong = check("La facture mensuelle est envoyée au prestataire, pas à la commune [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("dit le contraire");
  });
  it("the pair in the passage's order passes", () => {
    expect(status("La facture mensuelle est envoyée à la commune, pas au prestataire [1].", passage)).toBe("supported");
  });
});

describe("A1: the agent of a done thing changed (« par X » where the passage says « par Y »)", () => {
  const passage =
    "Saint-Aubrac — Le câblage des écoles\nEn 2023, quarante écoles ont été câblées, en régie, par les techniciens de la ville aidés d'apprentis ; le matériel a été acheté sur marché.";
  it("« câblées par une entreprise privée » is flagged", () => {
    const wrong = check("Quarante écoles ont été câblées par une entreprise privée [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("techniciens");
  });
  it("the passage's agent, or none, passes", () => {
    expect(status("Quarante écoles ont été câblées par les techniciens de la ville [1].", passage)).toBe("supported");
    expect(status("En 2023, quarante écoles ont été câblées en régie [1].", passage)).toBe("supported");
  });
});

describe("A7: a text said not to apply to those a passage lists as exposed", () => {
  const passage =
    "Le règlement sur les données (Data Act) : ce qu'il change (2026-01) — Qui est concerné\nLe critère est la mise sur le marché dans l'Union. Sont donc concernés :\n- les fabricants d'objets connectés vendus dans l'Union ;\n- les fournisseurs de services cloud établis hors de l'Union, dès lors qu'ils servent des clients européens.";
  it("« le Data Act ne s'applique pas aux fournisseurs de services cloud établis hors de l'Union » is flagged", () => {
    const wrong = check(
      "Le Data Act ne s'applique pas aux fournisseurs de services cloud établis hors de l'Union [1].",
      [passage],
    );
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("dit le contraire");
    expect(wrong.reasons.join(" ")).toContain("fournisseurs de services cloud");
  });
  it("the affirmative claim, or one about others than those listed, is not said against", () => {
    expect(
      status("Le Data Act s'applique aux fournisseurs de services cloud établis hors de l'Union [1].", passage),
    ).toBe("supported");
    expect(
      check("Le Data Act ne s'applique pas aux associations sportives de quartier [1].", [passage]).reasons.join(" "),
    ).not.toContain("dit le contraire");
  });
});

describe("A2: a person given the role they are the second of", () => {
  const passage =
    "Ville de Villebrune — Le budget numérique\nClaire Dumas, adjointe au maire chargée des finances, a présenté en mars 2025 le budget du service informatique.";
  it("« Claire Dumas est la maire de Villebrune » is flagged", () => {
    const wrong = check("Claire Dumas est la maire de Villebrune [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("adjointe au maire");
  });
  it("the role as the passage gives it passes", () => {
    expect(status("Claire Dumas est adjointe au maire de Villebrune [1].", passage)).toBe("supported");
  });
});
