/**
 * Causes of the false flags and misses of the fifth blind set (`test/eval/faithful-blind-5/`, burned), each in a
 * general form with passages of its own: the right sentence passes, the wrong variant is still flagged.
 */
import { describe, expect, it } from "vitest";
import { extractFigures } from "../../server/verify/figures.ts";
import { splitSentences } from "../../server/verify/index.ts";
import { check, status } from "../helpers/verify.ts";

describe("false flags: places, dates and sentences", () => {
  it("a French département or région in apposition to a place (« À Saint-Renan, dans le Finistère, ») locates it", () => {
    const passage =
      "Communes rurales — La limite restante\n- Limite : les 8 % de postes restés sous Windows à Saint-Renan sont liés à un logiciel de cadastre.";
    expect(status("À Saint-Renan, dans le Finistère, 8 % des postes sont restés sous Windows [1].", passage)).toBe(
      "supported",
    );
    // Not any name: a company in the same place is still a name the passage must give.
    expect(status("À Saint-Renan, chez Orange, 8 % des postes sont restés sous Windows [1].", passage)).toBe(
      "unsupported",
    );
    // A passage that locates the place otherwise is held to.
    const located = passage.replace("à Saint-Renan", "à Saint-Renan (Morbihan)");
    expect(status("À Saint-Renan, dans le Finistère, 8 % des postes sont restés sous Windows [1].", located)).toBe(
      "unsupported",
    );
  });

  it("two days of one month without its year (« le 11 ou le 12 mars ») take the year of the month their sentence dates", () => {
    expect(extractFigures("sanctionnée le 11 ou le 12 mars selon les sources").map((f) => f.kind)).toEqual([
      "daymonth",
      "daymonth",
    ]);
    const passage =
      "Chronologie — Sanctions\n- **Mars 2024** : la juge Marta Ruiz, sanctionnée le 11 ou le 12 mars selon les sources, a vu ses comptes bancaires fermés.";
    expect(
      status(
        "La juge Marta Ruiz, sanctionnée le 11 ou le 12 mars 2024, a vu ses comptes bancaires fermés [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status(
        "La juge Marta Ruiz, sanctionnée le 11 ou le 12 mars 2023, a vu ses comptes bancaires fermés [1].",
        passage,
      ),
    ).toBe("unsupported");
  });

  it("a name whose first capital is not its first letter (« eXo Platform ») opens a sentence", () => {
    expect(splitSentences("LibreOffice est basé à Berlin [2]. eXo Platform est un éditeur français [1].")).toEqual([
      "LibreOffice est basé à Berlin [2].",
      "eXo Platform est un éditeur français [1].",
    ]);
  });
});

describe("false flags: figures", () => {
  it("a share in parentheses (« (80 % avant …, environ 55 % après) ») is said of the words before them", () => {
    const passage =
      "Hébergeurs — Actionnaires\n- **Veloxa** (hébergement, Autriche) est majoritairement détenu par l'autrichien Brenner Holding (80 % avant son introduction en bourse, environ 55 % après) ; le fonds américain Carlton Ridge en détenait 19,5 % avant l'entrée en bourse du 3 mars 2022 : une participation minoritaire.";
    expect(
      status(
        "Veloxa est majoritairement détenu par l'autrichien Brenner Holding, environ 55 % après son entrée en bourse [1].",
        passage,
      ),
    ).toBe("supported");
    expect(status("Le fonds américain Carlton Ridge en détenait 55 % avant l'entrée en bourse [1].", passage)).toBe(
      "unsupported",
    );
  });

  it("a qualifier that names its own subject (« La ville du siège n'est pas confirmée ») does not bear on the sentence before", () => {
    const passage = (after: string) =>
      `Éditeurs — Groupware\n- **Kolabra** : société allemande fondée en 2011 par Jan Weber à partir de Horde ; un pilote a été lancé en mars 2013 pour 2 000 utilisateurs. ${after}`;
    const sentence = "Kolabra est une société allemande fondée en 2011 par Jan Weber à partir de Horde [1].";
    expect(status(sentence, passage("La ville du siège n'est pas confirmée par nos sources."))).toBe("supported");
    expect(
      status(
        "Le déploiement général est prévu à partir de mars 2027 [1].",
        "Outil d'écriture — Chiffres\n- Déploiement général prévu à partir de mars 2027 (Acteurs publics, 2026).\n\nSelon des sources commerciales, l'outil serait hébergé par Nuvola, filiale de Sarev : une affirmation d'acteurs du secteur, non confirmée par une source indépendante.",
      ),
    ).toBe("supported");
    // A qualifier on the figures themselves still bears on them.
    expect(status(sentence, passage("Non confirmé par une autre source."))).toBe("unsupported");
  });
});

describe("false flags: negations and advice", () => {
  it("« Aucune de ces sources ne remplace » restates « aucune ne remplace »", () => {
    const passage =
      "Annuaires — Usage\nCes trois sources se complètent ; aucune ne remplace une visite dans une commune qui utilise déjà l'outil.";
    expect(
      status("Aucune de ces sources ne remplace une visite dans une commune qui utilise déjà l'outil [1].", passage),
    ).toBe("supported");
    expect(
      status("Chacune de ces sources remplace une visite dans une commune qui utilise déjà l'outil [1].", passage),
    ).toBe("unsupported");
  });

  it("what a note advises the collectivité (« Plouvenec pourrait … ») is its proposal; the fact it rests on is checked", () => {
    const facts = ["Collectivité : Plouvenec (commune ; Finistère ; Bretagne)"];
    const passage =
      "Saint-Erwan — Les chiffres\n- Moyens : trois agents, cinquante postes (Ouest-France, 2024).\n- Limite : un logiciel de paie incompatible avec Linux.";
    const of = (sentence: string) => check(sentence, [passage], facts).status;
    expect(
      of(
        "Comme Saint-Erwan, Plouvenec pourrait basculer progressivement ses postes de bureautique sous Linux avec une petite équipe interne : trois agents y ont suffi pour cinquante postes [1].",
      ),
    ).toBe("supported");
    expect(
      of(
        "Comme Saint-Erwan, Plouvenec pourrait passer ses postes sous Linux : la région y a financé une équipe de formateurs et un centre d'appel [1].",
      ),
    ).toBe("unsupported");
  });
});

describe("false flags: names paired across a colon", () => {
  it("after a colon, a new subject (« : la Norvège est … ») is not paired with the name before the colon", () => {
    const passage =
      "Éditeurs — Origine\n- **Tandem Office** (Tandem) est une société norvégienne, avec des entités en Norvège et en Suède ; elle souligne que la moitié de ses salariés sont citoyens de l'Union : la Norvège est européenne mais hors de l'Union.";
    expect(
      status(
        "Tandem Office est une société norvégienne : la Norvège est européenne mais hors de l'Union [1].",
        passage,
      ),
    ).toBe("supported");
  });
});

describe("misses: names and nationalities put in the place of others", () => {
  it("a name of the passages put where the sentence carrying the rest writes another (« … à l'américain Kandra »)", () => {
    const passage =
      "Éditeurs — Quelques cas\n- Rocket, outil de messagerie libre, appartient depuis mai 2019 à l'américain 4Dev (Source, 2019) ;\n- Zulip, messagerie parfois citée comme alternative à Slack, appartient depuis 2017 à l'américain Kandra (Source, 2017).";
    expect(status("Rocket appartient ainsi depuis mai 2019 à l'américain 4Dev [1].", passage)).toBe("supported");
    expect(status("Rocket appartient ainsi depuis mai 2019 à l'américain Kandra [1].", passage)).toBe("unsupported");
    const card =
      "Produit : Sybase — \nSybase (bases de données) : base relationnelle.\nAlternatives : Firebird (remplacement partiel, libre) ; MariaDB Server (remplacement partiel, libre).\nAlternative libre de référence : Firebird.";
    expect(status("L'alternative libre de référence est Firebird [1].", card)).toBe("supported");
    expect(status("L'alternative libre de référence est MariaDB Server [1].", card)).toBe("unsupported");
    const sources =
      "Annuaires — Lequel consulter ?\n- **Annuaire Libre** : le plus orienté communes, avec les utilisateurs.\n- **Catalogue Socle** : la référence de l'État, utile pour justifier un choix devant un conseil.";
    expect(
      status(
        "Le Catalogue Socle est la référence de l'État, utile pour justifier un choix devant un conseil [1].",
        sources,
      ),
    ).toBe("supported");
    expect(
      status(
        "L'Annuaire Libre est la référence de l'État, utile pour justifier un choix devant un conseil [1].",
        sources,
      ),
    ).toBe("unsupported");
  });

  it("a nationality beside a name (« l'allemand Philips ») where the passages give it another (« le néerlandais Philips »)", () => {
    const passage =
      "Levée — Tour\nZephyr AI a levé 2 milliards d'euros, un tour mené par le néerlandais Philips, avec des fonds américains.";
    expect(status("Le tour a été mené par le néerlandais Philips [1].", passage)).toBe("supported");
    expect(status("Le tour a été mené par l'allemand Philips [1].", passage)).toBe("unsupported");
  });

  it("« certaines banques non américaines » is a negation of « américaines », « certaines » no word of certainty", () => {
    const passage =
      "Sanctions — Effets\n- certaines banques non américaines appliquent les sanctions au-delà de ce qu'elles exigent.";
    expect(
      status("Certaines banques non américaines appliquent les sanctions au-delà de ce qu'elles exigent [1].", passage),
    ).toBe("supported");
    expect(
      status("Des banques américaines appliquent même les sanctions au-delà de ce qu'elles exigent [1].", passage),
    ).toBe("unsupported");
  });
});

describe("misses: what the passages report without vouching for it, stated as a fact", () => {
  it("a statement the passage reports (« serait », « affirmé que », « se présente comme ») stated as established", () => {
    const hosting =
      "Assistant Rédac — Hébergement\n- Hébergement sur des serveurs qualifiés SecNumCloud (Acteurs publics, 2025).\n\nSelon des sources commerciales, l'assistant serait hébergé par Nuvola Cloud, filiale de Sarev Industries : une affirmation d'acteurs du secteur, non confirmée par une source indépendante.";
    expect(status("Il est hébergé sur des serveurs qualifiés SecNumCloud [1].", hosting)).toBe("supported");
    expect(
      status(
        "Selon des sources commerciales, il serait hébergé par Nuvola Cloud, filiale de Sarev Industries [1].",
        hosting,
      ),
    ).toBe("supported");
    expect(status("Il est hébergé par Nuvola Cloud, filiale de Sarev Industries [1].", hosting)).toBe("unsupported");
    const maturity =
      "Outils — Maturité\nAux rencontres de Valence, des intervenants ont affirmé que l'offre libre couvre désormais tous les besoins des hôpitaux (téléphonie, dossiers, agenda) et qu'il ne reste « aucun manque fonctionnel ». C'est l'avis d'acteurs du secteur.";
    expect(
      status(
        "Des intervenants ont affirmé que l'offre libre couvre désormais tous les besoins des hôpitaux [1].",
        maturity,
      ),
    ).toBe("supported");
    expect(
      status("L'offre libre couvre désormais tous les besoins des hôpitaux, sans manque fonctionnel [1].", maturity),
    ).toBe("unsupported");
  });
});

describe("misses: two terms of the passage exchanged", () => {
  it("what the passage says of one term (« l'adjoint, qui fixe le cap ») given to another (« le chef de service, qui … »)", () => {
    const passage =
      "Conduite de projet — Rôles\nLe guide distingue trois rôles : l'adjoint au maire, qui fixe le cap et arbitre les priorités ; le chef de service, qui organise les tests, forme les agents et rend compte ; les communes voisines, qui partagent leurs retours.";
    expect(status("Le chef de service organise les tests, forme les agents et rend compte [1].", passage)).toBe(
      "supported",
    );
    expect(status("L'adjoint au maire fixe le cap et arbitre les priorités [1].", passage)).toBe("supported");
    expect(status("L'adjoint au maire organise les tests, forme les agents et rend compte [1].", passage)).toBe(
      "unsupported",
    );
    expect(status("Le chef de service fixe le cap et arbitre les priorités [1].", passage)).toBe("unsupported");
  });
});
