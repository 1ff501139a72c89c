/**
 * trial10 A1, A2 (and trial9 A3), A3, A5, A8, A9: kinds of model sentences left supported though false, or flagged
 * though true, on other texts, people, places and products than the trial's.
 */
import { describe, expect, it } from "vitest";
import { check, reasons, status } from "../helpers/verify.ts";

describe("a text said to bind a class its cited passage says it does not apply to (A1)", () => {
  const passage =
    "Document : Le règlement européen NIS 2 et les petites villes — Guide, 2026\nSection : Les petites villes ne sont pas visées… pour l'instant\nÀ la date de nos sources, la directive NIS 2 ne s'applique pas aux collectivités territoriales de moins de cinq agents informatiques. Une extension est discutée.";
  const plain =
    "Document : Le décret Hébergement-Santé — Guide, 2026\nSection : Qui est concerné ?\nÀ ce jour, le décret ne s'applique pas aux collectivités territoriales ; il vise les établissements de santé.";
  const law =
    "Document : La loi Numérique-Santé de 2025 et son article 12 — Guide, 2026\nSection : Les collectivités ne sont pas concernées… pour l'instant\nÀ la date de nos sources, l'article 12 ne s'applique pas aux collectivités territoriales. Une commune peut donc, juridiquement, garder son prestataire actuel, quelle que soit sa taille.";
  it("a pronoun subject (« Elle s'applique déjà à toutes les mairies ») is the text the passage is about", () => {
    expect(
      check("Elle s'applique déjà à toutes les communes, quelle que soit leur taille [1].", [law]).reasons.join(" "),
    ).toContain("ne s'applique pas aux collectivités");
  });
  it("the passage's own negation and what it does apply to stay supported", () => {
    expect(status("Il ne s'applique pas aux collectivités territoriales [1].", plain)).toBe("supported");
    expect(
      status("Elle ne s'applique pas aux collectivités territoriales, quelle que soit leur taille [1].", law),
    ).toBe("supported");
    expect(status("Le décret vise les établissements de santé [1].", plain)).toBe("supported");
  });
  it("a pronoun subject is not denied where a cited sentence says another text binds the class", () => {
    const two =
      "Document : Deux textes — Guide, 2026\nSection : Qui est concerné ?\nLe RGPD s'applique à toutes les collectivités territoriales. La directive NIS 2, en revanche, ne s'applique pas aux communes de moins de cinq agents.";
    expect(reasons("Il s'applique à toutes les communes [1].", two)).not.toContain("dit le contraire");
  });
  it("a named subject is still judged as before", () => {
    expect(status("La directive NIS 2 s'applique à toutes les communes [1].", passage)).toBe("unsupported");
  });
});

describe("a ban or an obligation the cited passage does not state (A2, trial9 A3)", () => {
  const announce =
    "Document : Produit : Zoom Workplace — Catalogue, 2026\nSection : (introduction)\nÉditeur : Zoom, États-Unis. La Région a annoncé en mars 2025 que Jitsi remplacera Zoom dans tous ses lycées d'ici 2026.";
  it("« X a interdit Zoom aux communes » where the passage says X replaces it in its own services is flagged", () => {
    expect(status("La Région a interdit Zoom à toutes les communes à partir de mars 2025 [1].", announce)).toBe(
      "unsupported",
    );
  });
  it("what the passage says stays supported", () => {
    expect(status("La Région a annoncé en mars 2025 que Jitsi remplacera Zoom dans ses lycées [1].", announce)).toBe(
      "supported",
    );
  });
  const asked =
    "Document : Le plan régional de sobriété numérique — Guide, 2026\nSection : Ce que le plan demande\nLors de la conférence régionale du 3 février 2026, la Région a demandé à chaque lycée de formaliser d'ici l'été 2026 un plan de sobriété de ses équipements numériques.\n\nCe plan ne s'impose pas aux communes, mais il forme une grille commode.";
  it("« chaque commune doit présenter un plan » where the passage asks it of each lycée is flagged", () => {
    expect(
      reasons(
        "Depuis la conférence régionale du 3 février 2026, chaque commune doit présenter un plan de sobriété de ses équipements numériques avant l'été 2026 [1].",
        asked,
      ),
      // Either reason holds: the passage asks it of each lycée, and says the plan « ne s'impose pas aux communes ».
    ).toMatch(/obligation à « chaque commune » : .*la Région a demandé|contraire : .*ne s'impose pas aux communes/);
  });
  it("the holder the passage names passes", () => {
    expect(
      status(
        "Depuis la conférence régionale du 3 février 2026, chaque lycée doit présenter un plan de sobriété de ses équipements numériques avant l'été 2026 [1].",
        asked,
      ),
    ).toBe("supported");
  });
  it("an obligation the passage states in other words passes", () => {
    const rule =
      "Document : Le RGPD — Guide, 2026\nSection : Le registre\nChaque collectivité doit tenir un registre des traitements de données personnelles.";
    expect(
      status("Le RGPD impose à chaque collectivité un registre des traitements de données personnelles [1].", rule),
    ).toBe("supported");
  });
});

describe("a role claim about a person the cited passage names without that role (A3)", () => {
  const network =
    "Document : Bellecombe : une ville pionnière du logiciel libre — Retour d'expérience, 2026\nSection : Bellecombe : le réseau Territoires Ouverts\nCamille Rouvier a lancé, avec Paul Estève, le réseau Territoires Ouverts, collectif de responsables informatiques de collectivités, inauguré en 2024.";
  it("« X est le maire de Y » where the cited passage names X but gives no role is flagged", () => {
    expect(status("Camille Rouvier est le maire de Bellecombe [1].", network)).toBe("unsupported");
  });
  it("what the passage says of X passes", () => {
    expect(status("Camille Rouvier a lancé le réseau Territoires Ouverts, inauguré en 2024 [1].", network)).toBe(
      "supported",
    );
  });
  it("a role the passage gives, in its heading or its text, passes", () => {
    const mayor =
      "Document : Bellecombe — Retour d'expérience, 2026\nSection : Le maire, Camille Rouvier\nCamille Rouvier a lancé le réseau Territoires Ouverts en 2024.";
    expect(status("Camille Rouvier est le maire de Bellecombe [1].", mayor)).toBe("supported");
  });
});

describe("a source credited that the cited passage does not give (A5)", () => {
  const self =
    "Document : Lunéville et LibreOffice — Retour d'expérience, 2025\nSection : Combien d'économies ?\nLa ville a fait état d'économies de 3,4 millions d'euros sur dix ans. Il s'agit d'un chiffre communiqué par la ville elle-même ; les sources consultées ne détaillent pas la méthode de calcul.";
  it("« selon un audit indépendant » is flagged", () => {
    expect(
      status("Lunéville a économisé 3,4 millions d'euros sur dix ans, selon un audit indépendant [1].", self),
    ).toBe("unsupported");
    expect(
      status("D'après une étude officielle, Lunéville a économisé 3,4 millions d'euros sur dix ans [1].", self),
    ).toBe("unsupported");
  });
  it("the passage's own attribution passes", () => {
    expect(status("Selon la ville elle-même, Lunéville a économisé 3,4 millions d'euros sur dix ans [1].", self)).toBe(
      "supported",
    );
  });
  it("an audit the passage names passes", () => {
    const audited =
      "Document : Lunéville — Retour d'expérience, 2025\nSection : Combien d'économies ?\nUn audit indépendant du cabinet Ernst a chiffré les économies de la ville à 3,4 millions d'euros sur dix ans.";
    expect(
      status("Lunéville a économisé 3,4 millions d'euros sur dix ans, selon un audit indépendant [1].", audited),
    ).toBe("supported");
  });
});

describe("a verb of change said the other way round (A8)", () => {
  const card =
    "Document : Produit : Zoho Workplace — Catalogue, 2026\nSection : (introduction)\nService indien. En mars 2024, Zoho a ajouté un assistant IA à ses offres Standard en relevant leurs tarifs.";
  it("« en diminuant leurs tarifs » against « en relevant leurs tarifs » is flagged", () => {
    expect(
      reasons("Zoho a ajouté un assistant IA à ses offres Standard en mars 2024 en diminuant leurs tarifs [1].", card),
    ).toContain("relevant");
  });
  it("the passage's verb passes; « relève du droit » is not a rise", () => {
    expect(
      status("Zoho a ajouté un assistant IA à ses offres Standard en mars 2024 en relevant leurs tarifs [1].", card),
    ).toBe("supported");
    const law =
      "Document : Produit : Dropbox — Catalogue, 2026\nSection : (introduction)\nDropbox relève du droit américain. En 2023, Dropbox a baissé les tarifs de ses offres Plus.";
    expect(status("En 2023, Dropbox a baissé les tarifs de ses offres Plus [1].", law)).toBe("supported");
  });
});

describe("a verb of change the passage also says in agreement, an amount between (A8)", () => {
  it("« a baissé ses tarifs » passes where the passage says it rose some and « a baissé de 5 % ses tarifs » others", () => {
    const both =
      "Document : Les tarifs de Dropbox — Retour d'expérience, 2026\nSection : Hausses et baisses\nDropbox augmente ses tarifs publics en dollars. Mouvement inverse : Dropbox a baissé de 5 % ses tarifs en euros pour tenir compte du taux de change.";
    expect(status("Mouvement inverse : Dropbox a baissé ses tarifs en euros [1].", both)).toBe("supported");
  });
});

describe("a true figure is not swapped for another the passage gives for another year (A9)", () => {
  const passage =
    "Document : La Douane et Linux — Retour d'expérience, 2026\nSection : Douane nationale : les chiffres non confirmés (41 250 postes, 95 %)\nLa présentation « Logiciels libres » de la ville de Vierzon (2026) affirme que la Douane compte 41 250 postes sous Linux, soit 95 % de son parc, qu'elle utilise Linux depuis 2010. En revanche, les chiffres de 41 250 postes et de 95 % du parc sont non confirmés : ils n'ont été retrouvés dans aucune autre source. Le dernier chiffre publié et vérifiable est celui de 30 000 postes, soit 80 % du parc, en 2022 (Numerama, 2022).";
  it("« qui déclare 30 000 postes sous Linux en 2022 » is not said to stand for 41 250", () => {
    expect(
      reasons(
        "Comme l'a montré la Douane nationale, qui déclare 30 000 postes sous Linux en 2022 [1], une administration peut réduire durablement ses dépendances.",
        passage,
      ),
    ).not.toContain("41 250");
  });
  it("a figure put where the other stands, in the other's words, is still flagged", () => {
    expect(reasons("La Douane compte 30 000 postes sous Linux, soit 95 % de son parc [1].", passage)).toMatch(
      /41 250|95/,
    );
  });
});
