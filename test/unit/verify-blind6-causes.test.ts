/**
 * Causes of the false flags and misses of the sixth blind set (`test/eval/faithful-blind-6/`, burned), each in a
 * general form with passages of its own (other products, places, people): the right sentence passes, the wrong
 * variant is still flagged.
 */
import { describe, expect, it } from "vitest";
import { check, status } from "../helpers/verify.ts";

describe("false flags: figures held to names they do not count", () => {
  it("the number of a section of a law (« la section 215 du Patriot Act ») names a text: the sentence's names are not held to it", () => {
    const card =
      "Produit : Dropbox — Catalogue\nDropbox : Partage de fichiers pour les postes Windows et Mac.\nÉditeur : Dropbox Inc., États-Unis. Exposition : Patriot Act section 215 (États-Unis).";
    expect(
      status(
        "Dropbox, le service de partage de fichiers des postes Windows et Mac, est exposé à la section 215 du Patriot Act [1].",
        card,
      ),
    ).toBe("supported");
    // The number must still be the one the passage writes.
    expect(
      status(
        "Dropbox, le service de partage de fichiers des postes Windows et Mac, est exposé à la section 216 du Patriot Act [1].",
        card,
      ),
    ).toBe("unsupported");
  });

  it("an acronym (« IA ») is given a figure by the source sentence that writes it in full (« intelligence artificielle »)", () => {
    const passage =
      "Les prix des assistants — Google\nGemini for Workspace, l'assistant d'intelligence artificielle de Google, est vendu en option à 20 dollars par utilisateur et par mois. Google ajoute des fonctions d'IA à ses offres sans demander l'avis de ses clients.";
    expect(
      status(
        "L'assistant d'IA Gemini for Workspace est vendu en option à 20 dollars par utilisateur et par mois [1].",
        passage,
      ),
    ).toBe("supported");
    // An acronym the figure's sentence does not spell out is still held to it.
    expect(
      status(
        "L'assistant d'IA Gemini for Workspace est vendu à l'ANSSI en option à 20 dollars par utilisateur et par mois [1].",
        `${passage} L'ANSSI étudie son hébergement.`,
      ),
    ).toBe("unsupported");
  });

  it("names of an apposition describing the subject (« Gemini, assistant intégré à Gmail et Meet, ») are not held to the figure", () => {
    const card =
      "Produit : Gemini for Workspace — Catalogue\nGemini for Workspace (intelligence artificielle) : Assistant intégré à Docs, Sheets, Gmail et Meet.\nÉditeur : Google, États-Unis.\nApparaît dans les inventaires sous les noms : Gemini ; Duet AI.\nAlternatives : Albert (autre approche, France).\nVendu en option à 20 dollars par utilisateur et par mois.";
    const other = "Visioconférence — Zoom\nZoom Workplace est proposé aux collectivités par plusieurs revendeurs.";
    expect(
      status(
        "Gemini for Workspace, assistant intégré à Docs, Sheets, Gmail et Meet, est vendu en option à 20 dollars par utilisateur et par mois [1].",
        card,
      ),
    ).toBe("supported");
    // A name the passages never write with the subject is still held to the figure.
    expect(
      status(
        "Gemini for Workspace, comme Zoom Workplace, est vendu en option à 20 dollars par utilisateur et par mois [1][2].",
        card,
        other,
      ),
    ).toBe("unsupported");
  });

  it("the subject of the figure's sentence named by its acronym (« la CDC ») lets the heading's place be the claim's", () => {
    const passage =
      "Ville de Brest : rénover les écoles — Ville de Brest : les financements\n- Prêt de la Caisse des dépôts et consignations (CDC) : 5 millions d'euros (Le Télégramme, 2024).";
    expect(
      status(
        "Même pour Brest, aidée par 5 millions d'euros de la CDC, les sources ne donnent aucun bilan des travaux [1].",
        passage,
      ),
    ).toBe("supported");
  });

  it("a year written in the sentence before a pronoun (« … le 12 mars 2025. Il a réuni 300 élus ») dates the figure", () => {
    const passage =
      "Forum des élus bretons — La deuxième édition\nLe deuxième forum s'est tenu le 12 mars 2025 à la Halle, à Rennes. Il a réuni plus de 300 élus, trois fois plus qu'en 2023.";
    expect(status("Le deuxième forum, le 12/03/2025 à la Halle, a réuni plus de 300 élus [1].", passage)).toBe(
      "supported",
    );
    // Another subject in the second sentence: the year of the first does not date its figure.
    const other = passage.replace("Il a réuni", "Le premier forum, lui, avait réuni");
    expect(status("Le deuxième forum, le 12/03/2025 à la Halle, a réuni plus de 300 élus [1].", other)).toBe(
      "unsupported",
    );
  });
});

describe("false flags: names and beliefs", () => {
  it("an offer named with its own price is not read as put in the place of another offer of the sentence before", () => {
    const passage =
      "Les offres Adobe — Prix\nAdobe 365 Express, l'outil de création graphique, est vendu à 12 dollars par utilisateur et par mois. Une offre Adobe 365 Studio à 45 dollars par utilisateur et par mois est apparue en mars 2026.";
    expect(status("Adobe 365 Studio est une offre à 45 dollars par utilisateur et par mois [1].", passage)).toBe(
      "supported",
    );
    expect(status("Adobe 365 Studio est une offre à 12 dollars par utilisateur et par mois [1].", passage)).toBe(
      "unsupported",
    );
  });

  it("a belief or a confusion warned against (« croire que … », « confondre … avec … ») is not stated", () => {
    const passage =
      "Choisir un hébergeur — Les erreurs à éviter\n- Un label de sécurité ne suffit pas : il faut lire le contrat.\n- Un logiciel installé sur les serveurs de la mairie n'envoie pas ses données comme un service en ligne.";
    expect(status("Première erreur : croire qu'un label de sécurité suffit [1].", passage)).toBe("supported");
    expect(
      status(
        "Deuxième erreur : confondre un logiciel installé sur les serveurs de la mairie avec un service en ligne qui envoie ses données [1].",
        passage,
      ),
    ).toBe("supported");
    expect(status("Un label de sécurité suffit à choisir [1].", passage)).toBe("unsupported");
  });
});

describe("misses: what the passages qualify or date otherwise", () => {
  it("a qualifier written across a wrapped line (« non\\n  confirmé ») still qualifies its figure", () => {
    const passage =
      "Les hausses annoncées — Les projections\n- **« 2027 : hausse de 20 à 30 % sur les licences »** : non\n  confirmé et spéculatif.";
    const wrong = check("En 2027, les licences augmenteront de 20 à 30 % [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("« non confirmé »");
    expect(status("En 2027, les licences augmenteraient de 20 à 30 %, un chiffre non confirmé [1].", passage)).toBe(
      "supported",
    );
  });

  it("what a statement opened by « Selon lui » reports is not stated as established", () => {
    const passage =
      "Rencontres du libre à Nantes — Ce qui s'y est dit\nJean Morel, président d'un éditeur nantais, a ouvert la journée. Selon lui, le libre couvre désormais tous les besoins de gestion des écoles et des crèches.";
    expect(
      status("Le libre couvre désormais tous les besoins de gestion des écoles et des crèches [1].", passage),
    ).toBe("unsupported");
    expect(
      status(
        "Selon Jean Morel, le libre couvre désormais tous les besoins de gestion des écoles et des crèches [1].",
        passage,
      ),
    ).toBe("supported");
    // « selon elle » inside a relative clause reserves that clause only.
    const relative =
      "Ville de Caen — L'annonce\nMarie Durand, adjointe au numérique, a relié ce choix à la hausse des licences, qui a selon elle rappelé l'importance de l'autonomie.";
    expect(
      status("Marie Durand, adjointe au numérique, a relié ce choix à la hausse des licences [1].", relative),
    ).toBe("supported");
  });

  it("a year found only in a heading's date is still held to what the passage dates otherwise", () => {
    const card =
      "Produit : Pastell (Libriciel) (2019-05-02) — \nPastell : Parapheur et circuits de documents.\nUtilisé par des départements et des villes (Ville de Nantes depuis 2012, Rennes).";
    expect(status("Pastell est utilisé par la Ville de Nantes depuis 2019 et par Rennes [1].", card)).toBe(
      "unsupported",
    );
    expect(status("Pastell est utilisé par la Ville de Nantes depuis 2012 et par Rennes [1].", card)).toBe("supported");
  });
});

describe("misses: a negation across a verb of aim", () => {
  it("« vise à remplacer » against « ne prétend pas remplacer »: the verb of aim is not a word the clause must share", () => {
    const passage =
      "Le portail citoyen — Ambitions\nLe portail citoyen ne prétend pas remplacer à lui seul le guichet d'accueil de la mairie.";
    expect(status("Le portail vise à remplacer à lui seul le guichet des habitants [1].", passage)).toBe("unsupported");
    expect(status("Le portail ne vise pas à remplacer à lui seul le guichet des habitants [1].", passage)).toBe(
      "supported",
    );
  });
});

describe("one rule for a name's nationality, before or after it", () => {
  it("compares the adjective the sentence writes on one side of a name with those the passages write on the other", () => {
    const passage =
      "Messageries chiffrées — Les fournisseurs\nLa mairie a choisi Posteo, un fournisseur allemand, pour ses élus.";
    expect(status("La mairie a choisi le suisse Posteo pour ses élus [1].", passage)).toBe("unsupported");
    expect(status("La mairie a choisi l'allemand Posteo pour ses élus [1].", passage)).toBe("supported");
    // A wider place (« européen ») says nothing against « allemand ».
    expect(status("La mairie a choisi Posteo, un fournisseur européen, pour ses élus [1].", passage)).toBe("supported");
  });
});
