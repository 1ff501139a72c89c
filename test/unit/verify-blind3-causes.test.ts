/**
 * Causes of the false flags and misses of the third blind set (`test/eval/faithful-blind-3/`, burned), each in a
 * general form with passages of its own: the right sentence passes, the wrong variant is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
  ).sentences[0]!;
const status = (sentence: string, ...passages: string[]) => check(sentence, passages).status;

describe("false flags: years of a sentence", () => {
  it("a year nearer another figure of the sentence dates that figure (« 20 000 postes en 2004 puis … 90 000 postes, en 2005 »)", () => {
    const passage =
      "Ville de Brest — Étapes\n- 2011 : la ville remplace son tableur par LibreOffice, d'abord sur 1 200 postes ; en 2012, LibreOffice équipe tout le parc, soit environ 4 800 postes.";
    expect(
      status(
        "Brest a d'abord remplacé son tableur sur 1 200 postes en 2011 puis sur tout le parc, environ 4 800 postes, en 2012 [1].",
        passage,
      ),
    ).toBe("supported");
    // The year nearest the figure is not the one its source gives it.
    expect(
      status(
        "Brest a d'abord remplacé son tableur sur 1 200 postes en 2011 puis sur tout le parc, environ 4 800 postes, en 2014 [1].",
        passage,
      ),
    ).toBe("unsupported");
  });

  it("a year the source writes beside the same words dates them, not the figure after a colon", () => {
    const passage =
      "Salon Libre en Loire — Éditions\nLa deuxième édition du salon s'est tenue le 12 mars 2025 : plus de 300 visiteurs, trois fois plus qu'en 2023.";
    expect(
      status(
        "La deuxième édition du salon, le 12 mars 2025, a réuni plus de 300 visiteurs, trois fois plus qu'en 2023 [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status(
        "La deuxième édition du salon, le 12 mars 2024, a réuni plus de 300 visiteurs, trois fois plus qu'en 2023 [1].",
        passage,
      ),
    ).toBe("unsupported");
  });
});

describe("false flags: what a figure counts", () => {
  it("a preposition after the counted noun (« 9 000 postes sous Debian ») is not a qualifier of the count", () => {
    const passage =
      "Ville de Nantes — Annonce\nLe directeur annonce que les 9 000 postes répartis sur 120 sites passeront sous Debian au fil du renouvellement.";
    expect(
      status("Le directeur a annoncé le passage de 9 000 postes sous Debian, au fil du renouvellement [1].", passage),
    ).toBe("supported");
    expect(status("Le directeur a annoncé le passage de 9 000 sites sous Debian [1].", passage)).toBe("unsupported");
  });

  it("a total written without its noun (« soit environ 900 au total ») counts what the count before it counts", () => {
    const passage =
      "Land de Hesse — Postes\nEnviron 300 postes doivent passer sous Linux au printemps 2026, 600 de plus d'ici fin 2026 (soit environ 900 au total), puis 3 000 d'ici fin 2027.";
    expect(status("En Hesse, environ 900 postes doivent être sous Linux fin 2026 [1].", passage)).toBe("supported");
    expect(status("En Hesse, environ 900 agents doivent être formés fin 2026 [1].", passage)).toBe("unsupported");
  });

  it("the number of a version (« la version 4.1 ») names a text: the names of the sentence are not held to it", () => {
    const passage =
      "Référentiel Cloud — Exigences\nLe référentiel existe depuis 2016 ; la version 4.1, disponible depuis mai 2023, a ajouté un chapitre sur les droits étrangers. Ses exigences :\n\n- le siège du prestataire doit se trouver dans l'Union européenne ;\n- les données restent en Europe.";
    expect(
      status(
        "Depuis la version 4.1, disponible depuis mai 2023, le prestataire doit avoir son siège dans l'Union européenne [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status("Depuis la version 4.2, le prestataire doit avoir son siège dans l'Union européenne [1].", passage),
    ).toBe("unsupported");
  });
});

describe("false flags: names", () => {
  it("a number beside a name is not its place: « passé en France de 6,70 € » does not replace « E1 : de 6,70 € »", () => {
    const passage =
      "Tarifs — Hausse du 1er mars 2022\nAu 1er mars 2022, les prix publics en France ont augmenté ainsi :\n\n- Offre Alpha E1 : de 6,70 € à 8,40 €, soit +25 % ;\n- Offre Alpha E3 : de 19,70 € à 22,60 €, soit +15 %.";
    expect(
      status("- Au 1er mars 2022, Offre Alpha E1 est passée en France de 6,70 € à 8,40 €, soit +25 % [1].", passage),
    ).toBe("supported");
    expect(status("- Au 1er mars 2022, Offre Alpha E1 est passée en Belgique de 6,70 € à 8,40 € [1].", passage)).toBe(
      "unsupported",
    );
  });

  it("a synthesis of two cited passages: the name from one, the unnamed figure from the other", () => {
    const mail =
      "Land de Brême — Contexte\nLe Land emploie environ 20 000 personnes ; la migration de la messagerie concernait environ 9 000 agents de l'administration.";
    const tools =
      "Land de Brême — Outils\nLe Land a migré sa bureautique vers LibreOffice et sa messagerie vers Open-Xchange.";
    expect(
      status(
        "Sa messagerie est passée à Open-Xchange, une migration qui concernait environ 9 000 agents [2][1].",
        mail,
        tools,
      ),
    ).toBe("supported");
    // A name that no cited passage gives with a word of the figure's statement is still held to it.
    expect(
      status(
        "Sa messagerie est passée à Zimbra, une migration qui concernait environ 9 000 agents [2][1].",
        mail,
        tools,
      ),
    ).toBe("unsupported");
  });
});

describe("misses: negations and contradictions", () => {
  it("a clause stating what the passage rules out (« et non sur … ») contradicts it", () => {
    const passage =
      "Ville de Rennes — Décision\nLa décision porte sur le seul parc de la mairie, et non sur l'ensemble des ordinateurs de la métropole.";
    expect(status("Cette décision porte sur l'ensemble des ordinateurs de la métropole [1].", passage)).toBe(
      "unsupported",
    );
    expect(status("Cette décision porte sur le seul parc de la mairie [1].", passage)).toBe("supported");
    expect(status("Cette décision ne porte pas sur l'ensemble des ordinateurs de la métropole [1].", passage)).toBe(
      "supported",
    );
  });

  it("a longer clause restating a short negated source clause whole, without its negation, contradicts it", () => {
    const passage =
      "Label — Continuité\nLe label distingue un engagement à un moment donné ; il ne le protège pas d'un changement de cap politique (voir aussi le cas de Munich).";
    expect(
      status("Le label protège ainsi l'engagement d'une collectivité d'un changement de cap politique [1].", passage),
    ).toBe("unsupported");
    expect(
      status("Le label ne protège pas l'engagement d'une collectivité d'un changement de cap politique [1].", passage),
    ).toBe("supported");
    const costs =
      "Formation — Coûts\nAucune source ne fournit de coût de formation chiffré applicable à une collectivité : ce poste doit être estimé localement.";
    expect(
      status(
        "Les sources fournissent un coût de formation chiffré applicable à une collectivité, à présenter aux élus [1].",
        costs,
      ),
    ).toBe("unsupported");
  });

  it("a relative clause after a noun in apposition is compared on its own (« un poste qui n'a pas été créé par les élus »)", () => {
    const passage =
      "Ville de Meylan — Contexte\nCe sont les élus qui ont créé le poste de directeur du numérique, parce que la migration n'avançait pas assez vite ; Claire Martin l'occupe depuis 2022.";
    expect(
      status(
        "Claire Martin occupe depuis 2022 le poste de directeur du numérique, un poste qui n'a pas été créé par les élus [1].",
        passage,
      ),
    ).toBe("unsupported");
    expect(
      status(
        "Claire Martin occupe depuis 2022 le poste de directeur du numérique, un poste créé par les élus [1].",
        passage,
      ),
    ).toBe("supported");
    const vendor =
      "Hyperviseurs — Sorties\nL'intégrateur Inetix dit avoir migré plus de dix clients vers Hypra, avec un gain moyen de 19 %. Attention : Hypra est une société américaine ; ce choix réduit la facture mais pas la dépendance extra-européenne.";
    expect(
      status(
        "Inetix a fait migrer plus de dix clients vers Hypra, une solution européenne qui réduit la dépendance extra-européenne [1].",
        vendor,
      ),
    ).toBe("unsupported");
    expect(
      status("Inetix a fait migrer plus de dix clients vers Hypra, une solution qui réduit la facture [1].", vendor),
    ).toBe("supported");
  });

  it("a duration written in words (« valable cinq ans ») is held to the passage's (« trois ans »)", () => {
    const passage =
      "Qualification — Durée\nL'audit porte sur environ 900 points de contrôle. La qualification est valable trois ans.";
    expect(status("La qualification est valable cinq ans [1].", passage)).toBe("unsupported");
    expect(status("La qualification est valable trois ans [1].", passage)).toBe("supported");
  });
});

describe("misses: figures and years the passage qualifies or dates otherwise", () => {
  it("a heading repeating a figure, or a sentence denying it, does not vouch for a figure the passage calls unconfirmed", () => {
    const passage =
      "Présentation de Rodez — le prix du logiciel après le rachat (+320 %)\nLa présentation affirme que le prix a augmenté de 320 % après le rachat. Ce chiffre est non confirmé : aucune autre source ne le donne. La hausse est donc avérée, mais pas le chiffre de 320 %.";
    expect(status("Le prix a ainsi augmenté de 320 % après le rachat [1].", passage)).toBe("unsupported");
    expect(
      status("Selon la présentation, non confirmée, le prix a augmenté de 320 % après le rachat [1].", passage),
    ).toBe("supported");
  });

  it("a year written in the carrier for another event does not date the claim's event (« fondée en 2007 … dissous le 31 décembre 2006 »)", () => {
    const passage =
      "Consortium Libre — Histoire\nElle a été fondée en 2007 par la fusion de deux structures : Webobj, un consortium dissous le 31 décembre 2006, et Orientix, son équivalent chinois.";
    expect(
      status("Elle a été fondée en 2006 par la fusion de Webobj et de son équivalent chinois, Orientix [1].", passage),
    ).toBe("unsupported");
    expect(
      status("Elle a été fondée en 2007 par la fusion de Webobj et de son équivalent chinois, Orientix [1].", passage),
    ).toBe("supported");
  });
});

describe("misses: names", () => {
  it("a country listed with others by its adjective must be named by the passage when the others are", () => {
    const passage =
      "Suite collaborative — Partenaires\nLa France a conclu un partenariat avec les gouvernements allemand et néerlandais pour co-développer une suite libre.";
    expect(
      status(
        "La France a conclu un partenariat avec les gouvernements allemand et belge pour une suite libre [1].",
        passage,
      ),
    ).toBe("unsupported");
    expect(
      status(
        "La France a conclu un partenariat avec les gouvernements allemand et néerlandais pour une suite libre [1].",
        passage,
      ),
    ).toBe("supported");
  });

  it("a name given the relative clause the passage gives another name (« le CNLL, qui rassemble des collectivités »)", () => {
    const passage =
      "Association — Présentation\nContrairement à l'ADULLACT, qui rassemble des collectivités utilisatrices, ou au CNLL, qui représente des entreprises, l'April est une association militante.";
    expect(
      status(
        "Contrairement au CNLL, qui rassemble des collectivités utilisatrices, l'April est une association militante [1].",
        passage,
      ),
    ).toBe("unsupported");
    expect(
      status(
        "Contrairement à l'ADULLACT, qui rassemble des collectivités utilisatrices, l'April est une association militante [1].",
        passage,
      ),
    ).toBe("supported");
  });
});

describe("misses: a name moved within the figure's sentence", () => {
  it("a name the source sentence writes in another statement, put where the figure's statement names someone else", () => {
    const passage =
      "Plateforme Libre — Financement\nLa Métropole de Tours développe « Plateforme Libre », hébergée dans des centres de données régionaux ; le projet a reçu 3 millions d'euros de subvention de l'ANCT, et plus de la moitié des marchés sont allés à des entreprises de Centre-Val de Loire.";
    expect(
      status("Plateforme Libre a reçu 3 millions d'euros de subvention de la Région Centre-Val de Loire [1].", passage),
    ).toBe("unsupported");
    expect(status("Plateforme Libre a reçu 3 millions d'euros de subvention de l'ANCT [1].", passage)).toBe(
      "supported",
    );
  });
});

describe("misses: « ne … ni … ni … » and ruled-out parts, both ways", () => {
  it("a clause affirming one of the two things a « ne … ni … ni … » denies contradicts it", () => {
    const passage =
      "Panne — Ce qui s'est passé\nIl ne s'agissait ni d'une attaque ni d'une décision politique, mais d'une erreur technique chez un fournisseur, qui a perturbé les administrations.";
    expect(status("Il s'agissait d'une attaque visant les administrations [1].", passage)).toBe("unsupported");
    expect(status("Il s'agissait d'une erreur technique chez un fournisseur [1].", passage)).toBe("supported");
    expect(status("Il ne s'agissait pas d'une attaque informatique [1].", passage)).not.toBe("unsupported");
  });

  // A guard of the ruled-out rule above (it passes without that rule too): the scripted suite's cases it first broke.
  it("a sentence ruling out the same part agrees; one negating the kept part still contradicts", () => {
    const passage = "Fiche — Éditeur\nÉditeur britannique (hors UE mais non soumis au droit américain).";
    expect(
      status(
        "Éditeur britannique (hors UE mais non soumis au droit américain), selon les sources disponibles [1].",
        passage,
      ),
    ).toBe("supported");
    const tools =
      "Outil — Classement\nAuto-hébergé, l'outil peut donc être classé comme une dépendance faible, à surveiller, et non comme une dépendance forte à supprimer.";
    expect(
      status(
        "Auto-hébergé, l'outil ne peut pas être classé comme une dépendance faible, à surveiller, et non comme une dépendance forte à supprimer [1].",
        tools,
      ),
    ).toBe("unsupported");
    expect(status("Auto-hébergé, l'outil peut être classé comme une dépendance faible, à surveiller [1].", tools)).toBe(
      "supported",
    );
  });
});
