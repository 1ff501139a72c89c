/**
 * Causes of the false flags and misses of the second blind set (`test/eval/faithful-blind-2/`, burned), each in a
 * general form: the right sentence passes, the wrong variant is still flagged.
 */
import { describe, expect, it } from "vitest";
import { numberInWords, verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, passage: string) => verifyText(sentence, [{ n: 1, text: passage }]).sentences[0]!;
const status = (sentence: string, passage: string) => check(sentence, passage).status;

describe("figures written otherwise than in the passage", () => {
  it("a day opening a list item (« - Le 23 juin 2025 ») is a date, not a product version", () => {
    const passage = "Lyon — Annonce\nLe lundi 23 juin 2025, la Ville de Lyon a annoncé qu'elle quitterait Microsoft.";
    expect(status("- Le 23 juin 2025, la Ville de Lyon a annoncé qu'elle quitterait Microsoft [1].", passage)).toBe(
      "supported",
    );
    expect(status("- Le 24 juin 2025, la Ville de Lyon a annoncé qu'elle quitterait Microsoft [1].", passage)).toBe(
      "unsupported",
    );
  });

  it("two days of one month (« le 20 ou le 21 août 2025 ») are two dates", () => {
    const passage =
      "Juge — Sanctions\nLes sources divergent : le 20 août 2025 selon les unes, le 21 août 2025 selon d'autres.";
    expect(status("Ces sanctions datent du 20 ou du 21 août 2025, les sources divergeant [1].", passage)).toBe(
      "supported",
    );
    expect(status("Ces sanctions datent du 19 ou du 21 août 2025, les sources divergeant [1].", passage)).toBe(
      "unsupported",
    );
  });

  it("a number spelled in several words (« quatre-vingt mille postes ») is its whole value", () => {
    expect(numberInWords("déclarait en 2021 quatre-vingt mille")).toEqual({ raw: "quatre-vingt mille", value: 80000 });
    expect(numberInWords("quatre-vingt-dix")?.value).toBe(90);
    expect(numberInWords("les sites")).toBeNull();
    const passage =
      "Gendarmerie — 2021\n2021 : la Gendarmerie déclare 80 000 postes de travail sous Linux, soit 90 % de son parc.";
    expect(
      status(
        "La Gendarmerie déclarait en 2021 quatre-vingt mille postes sous Linux, soit 90 % de son parc [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status("La Gendarmerie déclarait en 2021 soixante mille postes sous Linux, soit 90 % de son parc [1].", passage),
    ).toBe("unsupported");
  });

  it("the number of an article names a text: the years and names of the sentence are not held to it", () => {
    const passage =
      "SREN — Article 31\nÀ la date de nos sources, l'article 31 ne s'applique pas aux collectivités. Une commune peut donc héberger des données sensibles chez un fournisseur américain, sous réserve du respect du RGPD.";
    expect(
      status("L'article 31 de la loi SREN ne s'applique pas aux collectivités, sous réserve du RGPD [1].", passage),
    ).toBe("supported");
    expect(status("L'article 32 de la loi SREN ne s'applique pas aux collectivités [1].", passage)).toBe("unsupported");
  });
});

describe("names written otherwise than in the passage", () => {
  it("a name written in full before its acronym (« Caisse nationale d'Assurance maladie (CNAM) ») is the acronym's", () => {
    const passage = "CNAM — Outils\nLa CNAM fait migrer ses 80 000 agents vers trois outils de l'État.";
    expect(
      status("La Caisse nationale d'Assurance maladie (CNAM) fait passer ses 80 000 agents à Tchap [1].", passage),
    ).not.toBe("invalid-citation");
    expect(
      check("La Caisse nationale d'Assurance maladie (CNAM) fait migrer ses 80 000 agents [1].", passage).reasons,
    ).toEqual([]);
    // Letters that are not the acronym's do not spell it out.
    expect(check("La Caisse centrale de la Mutualité (CNAM) fait migrer ses 80 000 agents [1].", passage).status).toBe(
      "unsupported",
    );
  });

  it("a decimal comma does not part a statement: each price stays with its offer", () => {
    const passage =
      "Microsoft — Prix\nAu 1er mars 2022 :\n\n- Office 365 E1 : de 6,70 € à 8,40 €, soit +25 % ;\n- Office 365 E3 : de 19,70 € à 22,60 €, soit +15 %.";
    expect(
      status(
        "Au 1er mars 2022, Office 365 E1 est passé de 6,70 € à 8,40 € (+25 %), Office 365 E3 de 19,70 € à 22,60 € (+15 %) [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status(
        "Au 1er mars 2022, Office 365 E3 est passé de 6,70 € à 8,40 € (+25 %), Office 365 E1 de 19,70 € à 22,60 € (+15 %) [1].",
        passage,
      ),
    ).toBe("unsupported");
  });

  it("two parts of one name (« Office » of « Microsoft Office ») are not two partners crossed", () => {
    const passage =
      "Armée — Règle\nUne version Office 2024 reste disponible sur demande. L'armée n'a donc pas interdit tout logiciel Microsoft : elle a fait de LibreOffice la règle et de Microsoft Office l'exception.";
    expect(
      status(
        "Office 2024 reste disponible sur demande, LibreOffice devenant la règle et Microsoft Office l'exception [1].",
        passage,
      ),
    ).toBe("supported");
  });
});

describe("years of a clause", () => {
  it("a clause with two years: the one nearer the figure is the figure's", () => {
    const passage =
      "Tchap — Fiche\nMessagerie de l'État, créée en 2019 par la DINSIC sur le protocole Matrix (client dérivé d'Element), environ 375 000 utilisateurs actifs mensuels en 2025.";
    expect(
      status(
        "Tchap a été créée en 2019 sur Matrix, avec environ 375 000 utilisateurs actifs par mois en 2025 [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status(
        "Tchap a été créée en 2019 sur Matrix, avec environ 375 000 utilisateurs actifs par mois en 2023 [1].",
        passage,
      ),
    ).toBe("unsupported");
  });
});

describe("what a source does not vouch for", () => {
  const millau =
    "Millau — Hausses\n- À partir de 2028 : intégration obligatoire de Copilot, avec +40 à +100 % de hausse potentielle. Non confirmé et prospectif ; à ce jour Copilot est vendu en option, environ 30 dollars par utilisateur et par mois.";

  it("a qualifier sentence right after a figure qualifies it: stated as fact, it is flagged", () => {
    expect(
      status("À partir de 2028, l'intégration obligatoire de Copilot entraînera une hausse de 40 à 100 % [1].", millau),
    ).toBe("unsupported");
    expect(
      status(
        "Selon la présentation, non confirmée, Copilot pourrait entraîner une hausse de 40 à 100 % en 2028 [1].",
        millau,
      ),
    ).toBe("supported");
  });

  it("a qualifier bears on its own statement, not on the figure after « ; »", () => {
    expect(
      status("Aujourd'hui, Copilot est vendu en option, environ 30 dollars par utilisateur et par mois [1].", millau),
    ).toBe("supported");
  });

  it("« n'est confirmé par aucune source » qualifies the figure", () => {
    const passage =
      "Gendarmerie — Économies\nLe chiffre de 534 millions d'euros, lui, n'est confirmé par aucune source publiée par la Gendarmerie ou par la presse.";
    expect(status("La Gendarmerie a économisé 534 millions d'euros [1].", passage)).toBe("unsupported");
    expect(status("Le chiffre de 534 millions d'euros n'est pas confirmé [1].", passage)).toBe("supported");
  });
});

describe("negations that agree with the passage", () => {
  it("« n'interdit pas » says what « autorise » says; « interdit » and « n'autorise pas » do not", () => {
    const passage =
      "Loi — Hébergement\nLa loi autorise les collectivités à héberger leurs données chez un prestataire privé.";
    expect(
      status(
        "La loi n'interdit pas aux collectivités d'héberger leurs données chez un prestataire privé [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status("La loi interdit aux collectivités d'héberger leurs données chez un prestataire privé [1].", passage),
    ).toBe("unsupported");
    expect(
      status(
        "La loi n'autorise pas les collectivités à héberger leurs données chez un prestataire privé [1].",
        passage,
      ),
    ).toBe("unsupported");
  });

  it("« Contrairement à ce qu'ont titré des médias, … ne … pas » denies what the passage reports them saying", () => {
    const passage =
      "DINUM — Ce que la décision n'est pas (les 2,5 millions de PC de l'État)\nPlusieurs médias anglophones ont titré que la France remplaçait 2,5 millions d'ordinateurs sous Windows. Le communiqué n'engage que la DINUM elle-même.";
    expect(
      status(
        "Contrairement à ce qu'ont titré des médias anglophones, l'État ne remplace pas 2,5 millions d'ordinateurs : la décision ne vaut que pour la DINUM [1].",
        passage,
      ),
    ).toBe("supported");
    expect(
      status(
        "Des médias anglophones n'ont pas titré que la France remplaçait 2,5 millions d'ordinateurs [1].",
        passage,
      ),
    ).toBe("unsupported");
  });
});

describe("hedged openings", () => {
  it("« À en croire les sources disponibles, … » frames the claim: only the claim is looked for in the passage", () => {
    const passage = "Munich — Bilan\nNous ne sommes pas en mesure de trancher entre les deux lectures du retour.";
    expect(status("À en croire les sources disponibles, nous ne sommes pas en mesure de trancher [1].", passage)).toBe(
      "supported",
    );
    expect(status("À en croire les sources disponibles, la ville a économisé sur les licences [1].", passage)).toBe(
      "unsupported",
    );
  });
});
