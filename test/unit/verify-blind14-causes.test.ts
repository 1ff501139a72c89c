/**
 * The kinds behind faithful-blind-14's false flags (faithful32), on other documents, figures and products; the
 * corresponding wrong sentences stay flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, ...passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
  ).sentences[0]!;

const all = (text: string, ...passages: string[]) =>
  verifyText(
    text,
    passages.map((t, i) => ({ n: i + 1, text: t })),
  ).sentences;

describe("a reserve the passage gives one statement of its sentence, not the others", () => {
  const PLAN =
    "Rochebrune — Les projets cités\n- Nordlicht, « le nuage du Nord » : 120 millions d'euros sur cinq ans, montant confirmé par la Commission européenne (mars 2024) ; le chiffre de « 40 partenaires » n'est pas confirmé.";

  it("a figure of the statement the reserve does not bear on is not flagged", () => {
    const v = check(
      "Nordlicht prévoit 120 millions d'euros sur cinq ans, un montant confirmé par la Commission [1].",
      PLAN,
    );
    expect(v.reasons.join(" ")).not.toContain("est présenté comme");
  });

  it("the figure of the statement the reserve bears on is still flagged", () => {
    const v = check("Nordlicht réunit 40 partenaires [1].", PLAN);
    expect(v.reasons.join(" ")).toContain("est présenté comme");
  });

  it("a statement that qualifies a figure of its own frees the figures of the other statement", () => {
    const text =
      "Hexa SA — Catalogue\nEn mai 2024, les fondateurs ont accepté l'offre du fonds Brightwater (310 M€), examinée par le ministère ; conclusion de la vente non confirmée dans nos sources (dernier état connu : mai 2024).";
    expect(
      check(
        "En mai 2024, les fondateurs ont accepté l'offre du fonds Brightwater, pour 310 M€ [1].",
        text,
      ).reasons.join(" "),
    ).not.toContain("est présenté comme");
  });

  it("a qualifying statement that takes up the sentence (« un chiffre non confirmé (2023) ») still qualifies it all", () => {
    const text =
      "Valmont — Bilan\nLa ville de Valmont annonce 3,4 millions d'euros d'économies ; un chiffre non confirmé par la chambre régionale des comptes (2023).";
    expect(check("Valmont a économisé 3,4 millions d'euros [1].", text).reasons.join(" ")).toContain(
      "est présenté comme",
    );
  });
});

describe("a figure the sentence reports as what a document cites", () => {
  const DECK =
    "La plaquette de Rochebrune — Les exemples cités\n- Armée de l'air : 41 200 postes Linux, 212 millions d'euros économisés. Ces chiffres ne sont confirmés par aucune autre source.";

  it("« La plaquette cite … avec 41 200 postes » keeps the reserve", () => {
    const v = check(
      "La plaquette cite l'Armée de l'air avec 41 200 postes Linux et 212 millions d'euros économisés [1].",
      DECK,
    );
    expect(v.reasons.join(" ")).not.toContain("est présenté comme");
  });

  it("the figure stated as fact is still flagged", () => {
    expect(check("L'Armée de l'air a économisé 212 millions d'euros [1].", DECK).status).toBe("unsupported");
  });

  it("the figure stated as fact in a relative clause after the reporting verb is still flagged", () => {
    const v = check("La plaquette cite l'Armée de l'air, qui a économisé 212 millions d'euros [1].", DECK);
    expect(v.reasons.join(" ")).toContain("est présenté comme");
  });

  it("« Une tribune relaie des propos tenus en mars 2023 » reports what was said", () => {
    const TRIBUNE =
      "Panne de 2023 — Des propos relayés, non vérifiés\nUne tribune relaie des propos tenus en mars 2023 sur France Inter par l'essayiste Paul Durand, selon lesquels le ministère aurait imposé Oracle dans les lycées. Ce sont des allégations d'un essayiste, que nous n'avons pas pu vérifier.";
    const v = check(
      "Une tribune relaie des propos tenus en mars 2023 sur France Inter par l'essayiste Paul Durand [1].",
      TRIBUNE,
    );
    expect(v.reasons).toEqual([]);
  });
});

describe("a reserve the answer keeps in the sentence next to the figure", () => {
  const DECK =
    "La plaquette de Rochebrune — Les exemples cités\n- Armée de l'air : 41 200 postes Linux, 212 millions d'euros économisés. Ces chiffres ne sont confirmés par aucune autre source.";

  it("the next sentence saying « Ces chiffres ne sont confirmés par aucune autre source » keeps it", () => {
    const [first] = all(
      "L'Armée de l'air compte 41 200 postes Linux et 212 millions d'euros économisés [1]. Ces chiffres ne sont confirmés par aucune autre source [1].",
      DECK,
    );
    expect(first!.reasons.join(" ")).not.toContain("est présenté comme");
  });

  it("a next sentence that does not qualify them leaves the figures flagged", () => {
    const [first] = all(
      "L'Armée de l'air compte 41 200 postes Linux et 212 millions d'euros économisés [1]. La plaquette date de Rochebrune [1].",
      DECK,
    );
    expect(first!.reasons.join(" ")).toContain("est présenté comme");
  });

  const UNION =
    "Le syndicat Numérilibre — Adhérents\nLe syndicat Numérilibre a fait état de 1 450 membres, dont 1 210 communes et 240 associations.";

  it("« Parmi eux » after a sentence that keeps the claim (« a fait état de ») keeps it too", () => {
    const [, second] = all(
      "Le syndicat Numérilibre a fait état de 1 450 membres [1]. Parmi eux, on compte 1 210 communes et 240 associations [1].",
      UNION,
    );
    expect(second!.reasons).toEqual([]);
  });

  it("the same sentence alone, or after a sentence that states the claim as fact, is still flagged", () => {
    expect(check("Le syndicat Numérilibre compte 1 210 communes et 240 associations [1].", UNION).status).toBe(
      "unsupported",
    );
    const [, second] = all(
      "Le syndicat Numérilibre compte 1 450 membres [1]. Parmi eux, on compte 1 210 communes et 240 associations [1].",
      UNION,
    );
    expect(second!.status).toBe("unsupported");
  });
});

describe("two items of one catalogue card or list read as swapped names", () => {
  const CARD =
    "Alternative : Kestrel EDR — \nKestrel EDR (antivirus et sécurité) : logiciel non libre, publié par Kestrel (Belgique).\nRemplace : Norton Shield Antivirus (remplacement direct) ; Norton Shield for Business (remplacement direct) ; Cylance Falcon (remplacement direct) ; Sophos Singularity (remplacement direct).\nMigration : Remplace un EDR américain (Cylance, Norton Shield for Business, Sophos) ; prévoir une double installation.";

  it("items of the passage's enumeration listed in another order are not crossed pairs", () => {
    const v = check(
      "Oui, Kestrel EDR remplace directement Norton Shield for Business, Cylance Falcon et Sophos Singularity [1].",
      CARD,
    );
    expect(v.reasons.join(" ")).not.toContain("associe");
  });

  it("pairs of a list crossed are still flagged", () => {
    const v = check(
      "Brest a choisi Beta, Quimper Alpha et Morlaix Gamma [1].",
      "Bretagne — Postes\nEn 2022, Brest a choisi Alpha, Quimper a choisi Beta, Morlaix a choisi Gamma.",
    );
    expect(v.status).toBe("unsupported");
  });

  const LIST =
    "Pare-feu européens — Quels éditeurs ?\n- **Ormeau** : éditeur belge de pare-feu fondé en 2015, dont la sonde est certifiée par le CCB (Data News, 2023).\n- **Verlaine** : éditeur belge de Liège, fondé en 2009 (L'Echo, 2019).";

  it("a name the list gives the claim itself is not put in the place of its neighbour", () => {
    expect(check("Ormeau est un éditeur belge fondé en 2015 [1].", LIST).reasons.join(" ")).not.toContain(
      "à la place de",
    );
  });

  it("the neighbour given the claim is still flagged", () => {
    expect(check("Verlaine est un éditeur belge fondé en 2015 [1].", LIST).status).toBe("unsupported");
  });
});

describe("« Le catalogue ne propose pas d'autre … » after the answer named the card's items", () => {
  const CARD =
    "Produit : Fortimail — Catalogue\nFortimail (équipements réseau) : Filtrage de messagerie.\nÉditeur : Fortimail Inc., États-Unis. Exposition : CLOUD Act (États-Unis).\nAlternatives : Vade Secure (remplacement partiel, France).";

  it("is not contradicted by the items the answer named", () => {
    const [, second] = all(
      "La commune pourrait passer à Vade Secure, qui ne le remplace qu'en partie [1]. Le catalogue ne propose pas d'autre alternative [1].",
      CARD,
    );
    expect(second!.reasons).toEqual([]);
  });

  it("is still contradicted when the answer named none of them, or another one", () => {
    expect(check("Le catalogue ne propose pas d'autre alternative [1].", CARD).status).toBe("unsupported");
    const [, second] = all(
      "La commune pourrait passer à Proxmox Mail Gateway [1]. Le catalogue ne propose pas d'autre alternative [1].",
      CARD,
    );
    expect(second!.reasons.join(" ")).toContain("dit le contraire");
  });
});

describe("a maker named by the description the card gives it", () => {
  const CARD =
    "Alternative : Loomio — \nLoomio (outils collaboratifs) : logiciel libre sous licence AGPL-3.0-only, publié par Loomio Ltd (Nouvelle-Zélande). Maturité : éprouvée.\nOutil de décision collective maintenu par une coopérative néo-zélandaise de travailleurs ; une association peut l'installer elle-même.";

  it("« maintenu par une coopérative néo-zélandaise » as the card's other sentence says it is not a swap", () => {
    expect(check("Loomio est maintenu par une coopérative néo-zélandaise de travailleurs [1].", CARD).reasons).toEqual(
      [],
    );
  });

  it("another maker is still flagged", () => {
    expect(check("Loomio est maintenu par une fondation australienne [1].", CARD).status).toBe("unsupported");
  });
});
