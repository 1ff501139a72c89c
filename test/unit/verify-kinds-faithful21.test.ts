/**
 * Kinds of wrong sentences the blind sets 8–10 rarely caught (faithful21): a contradiction by an opposite word without
 * any negation (a verb, an adjective, a comparative, a frequency), a true figure said of another thing the passage
 * names, a claim credited to another source than the one the passage gives. Invented places, people and figures, not
 * those of the sets.
 */
import { describe, expect, it } from "vitest";
import { reasons, status } from "../helpers/verify.ts";

describe("contradiction by an opposite word, without a negation", () => {
  const MODELS =
    "Assistant de Brestmor : le projet\nL'assistant de Brestmor repose sur des modèles ouverts, Qwen et Gemma, exécutés sur des serveurs du syndicat informatique.";
  it("flags « propriétaires » where the passage says « ouverts »", () => {
    expect(
      status(
        "L'assistant de Brestmor repose sur des modèles propriétaires, Qwen et Gemma, exécutés sur des serveurs du syndicat informatique [1].",
        MODELS,
      ),
    ).toBe("unsupported");
    expect(
      status(
        "L'assistant de Brestmor repose sur des modèles ouverts, Qwen et Gemma, exécutés sur des serveurs du syndicat informatique [1].",
        MODELS,
      ),
    ).toBe("supported");
  });

  const STOPPED =
    "Pontlevoy : la formation\nPontlevoy, lauréate du prix Villes Internet en 2019, a interrompu son programme de formation au logiciel libre après les élections municipales de 2020.";
  it("flags a programme « poursuivi » or « renforcé » where the passage says it was interrupted", () => {
    expect(
      status(
        "Pontlevoy, lauréate du prix Villes Internet, a poursuivi son programme de formation au logiciel libre après les élections municipales de 2020 [1].",
        STOPPED,
      ),
    ).toBe("unsupported");
    expect(
      status(
        "Pontlevoy, lauréate du prix Villes Internet, a interrompu son programme de formation au logiciel libre après les élections municipales de 2020 [1].",
        STOPPED,
      ),
    ).toBe("supported");
  });

  const PRICE =
    "Koala Desk (outils collaboratifs) : Gestion de tickets.\nÉditeur : Koala Inc., États-Unis.\nFin de l'offre auto-hébergée en 2025 : passage imposé à l'offre en ligne ou à l'édition Entreprise, plus chère.";
  it("flags « moins chère » where the passage says « plus chère »", () => {
    expect(status("Il faut passer à l'offre en ligne ou à l'édition Entreprise, moins chère [1].", PRICE)).toBe(
      "unsupported",
    );
    expect(status("Il faut passer à l'offre en ligne ou à l'édition Entreprise, plus chère [1].", PRICE)).toBe(
      "supported",
    );
  });

  const OFTEN =
    "Projets de téléphonie\nLes projets de téléphonie qui dérapent butent rarement sur le matériel. Ils butent sur le câblage des bâtiments anciens.";
  it("flags « le plus souvent » where the passage says « rarement »", () => {
    expect(
      reasons("Les projets de téléphonie qui dérapent butent le plus souvent sur le matériel [1].", OFTEN),
    ).toMatch(/contraire/);
    expect(status("Les projets de téléphonie qui dérapent butent rarement sur le matériel [1].", OFTEN)).toBe(
      "supported",
    );
  });
});

describe("a true figure given to another thing the passage names", () => {
  const FINES =
    "Deux lois sur les plateformes\nLa loi Kestrel et la loi Marbeuf ont été votées en mars 2023. La loi Kestrel prévoit des sanctions jusqu'à 4 % du budget annuel ; la loi Marbeuf jusqu'à 2 % (Journal officiel, 2023).";
  it("flags the other law's ceiling given to this one", () => {
    const claim = "La loi Marbeuf prévoit elle aussi des sanctions jusqu'à 4 % du budget annuel [1].";
    expect(status(claim, FINES)).toBe("unsupported");
    expect(reasons(claim, FINES)).toMatch(/Kestrel/);
  });
  it("leaves each law with its own ceiling", () => {
    expect(status("La loi Kestrel prévoit des sanctions jusqu'à 4 % du budget annuel [1].", FINES)).toBe("supported");
  });

  const STAFF =
    "Matrix dans les organismes sociaux\n- Le 3 mars 2025, l'Entraide agricole a annoncé le passage de ses 18 000 salariés à Matrix (Acteurs publics, mars 2025).\n\nÀ titre de comparaison, le public potentiel de la plateforme Osmose est de 2,1 millions de salariés (Acteurs publics, mars 2025).";
  it("flags the count of the whole given to one organisation that has another count", () => {
    expect(status("- L'Entraide agricole y fait basculer ses 2,1 millions de salariés [1].", STAFF)).toBe(
      "unsupported",
    );
    expect(status("- L'Entraide agricole y fait basculer ses 18 000 salariés [1].", STAFF)).toBe("supported");
  });

  it("leaves a number that counts nothing it names (a section, an article)", () => {
    const CARD =
      "Koala Desk (outils collaboratifs) : Gestion de tickets.\nÉditeur : Koala Inc., États-Unis. Exposition : loi Kestrel, article 12 (États-Unis).\nApparaît dans les inventaires sous les noms : Koala Desk 7 ; Koala Desk 9.";
    expect(
      status("Koala Desk est édité par l'américain Koala Inc. et exposé à l'article 12 de la loi Kestrel [1].", CARD),
    ).toBe("supported");
  });
  it("leaves a figure whose statement goes on with its subject, or names only who reports it", () => {
    const GOES_ON =
      "Brest et Linux\nBrest a d'abord équipé 500 postes d'Ubuntu en 2019. Elle a migré 4 000 postes en 2021 (Le Télégramme, 2021).";
    expect(status("Brest a migré 4 000 postes en 2021 [1].", GOES_ON)).toBe("supported");
    const REPORTED =
      "Brest et Linux\nEn 2019, selon Le Télégramme, Brest a équipé 500 postes d'Ubuntu. Ouest-France rapporte ensuite que la ville a migré 4 000 postes en 2021.";
    expect(status("Brest a migré 4 000 postes en 2021 [1].", REPORTED)).toBe("supported");
  });
});

describe("a claim credited to another source than the passage's (role given to another)", () => {
  const SAID =
    "Hébergement des écoles — Guide\nLa Cour des comptes recommande un hébergement mutualisé pour les écoles (Acteurs publics, 2025). Selon le directeur de la DANE de Rennes, Paul Kerlo, ce choix réduit les coupures et le coût des licences (Ouest-France, mars 2025).";
  it("flags the claim credited to the other body", () => {
    const claim =
      "Selon le premier président de la Cour des comptes, ce choix réduit les coupures et le coût des licences [1].";
    expect(status(claim, SAID)).toBe("unsupported");
    expect(reasons(claim, SAID)).toMatch(/DANE/);
  });
  it("leaves the claim credited to its source, by role or by name, or to no one", () => {
    expect(status("Selon Paul Kerlo, ce choix réduit les coupures et le coût des licences [1].", SAID)).toBe(
      "supported",
    );
    expect(status("Selon la DANE de Rennes, ce choix réduit les coupures et le coût des licences [1].", SAID)).toBe(
      "supported",
    );
    expect(status("Selon le guide, ce choix réduit les coupures et le coût des licences [1].", SAID)).toBe("supported");
  });
});

describe("faithful paraphrases the coverage check flagged (false flags)", () => {
  const PRICING =
    "Produit : Orion Paie (logiciels métiers)\nÉditeur racheté en 2021 par un fonds américain ; évolution des tarifs vers la facturation à l'usage.";
  it("finds a verb of the family of the passage's noun (« évoluent » for « évolution »)", () => {
    expect(status("Ses tarifs évoluent vers la facturation à l'usage [1].", PRICING)).toBe("supported");
    expect(status("Ses tarifs disparaissent au profit d'un forfait [1].", PRICING)).toBe("unsupported");
  });
  it("does not require the words that frame a claim (« il s'agit de », « plutôt que »)", () => {
    const CARD =
      "Produit : Planora (outils collaboratifs)\nAlternatives : Kanboard (autre approche, France, libre MIT) ; Wekan (remplacement partiel, libre MIT).";
    expect(status("Pour Kanboard, il s'agit d'une autre approche plutôt [1].", CARD)).toBe("supported");
  });
});
