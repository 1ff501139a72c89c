/**
 * Twenty-eighth series (held-out-19, spoken questions refused though the corpus answers them): an acronym the corpus
 * defines beside its full form is that subject; the judgement words of speech (« le mieux », « à part ») say how a
 * question asks, not what about. Tests on other products, places and acronyms than the set's.
 */
import { describe, expect, it } from "vitest";
import { acronymExpansion } from "../../server/retrieval/corpus-names.ts";
import { assessAnswerability, speaksOfDomain, withoutReferences } from "../../server/retrieval/relevance.ts";
import { lexicon, passage } from "../helpers/abstention.ts";

describe("an acronym the corpus defines beside its full form", () => {
  it("reads the full form whose words' initials spell the acronym, function words aside", () => {
    expect(
      acronymExpansion("La Plateforme des données, connue comme Open Data Portal (ODP), est née en 2019.", "odp"),
    ).toBe("open data portal");
    expect(acronymExpansion("Un arrêt de la Cour européenne des droits de l'homme (CEDH) a jugé que…", "cedh")).toBe(
      "cour europeenne des droits de homme",
    );
    expect(acronymExpansion("Le service (ODP) est ouvert.", "odp")).toBeUndefined();
    expect(acronymExpansion("Open Data Portal (ODP)", "cedh")).toBeUndefined();
  });

  it("finds the acronym's subject in a passage that writes only the full form", async () => {
    const corpus = [
      "La Plateforme des données, plus connue comme Open Data Portal (ODP), a été créée en 2019.",
      "Open Data Portal : l'attribution du marché d'hébergement était attendue pour l'été 2026.",
    ];
    const { frequency, names } = lexicon(corpus);
    const r = await assessAnswerability(
      "l'attribution du marché ODP était attendue pour quand ?",
      [passage("Open Data Portal", corpus[1]!)],
      frequency,
      names,
    );
    expect(r).toMatchObject({ answerable: true });
  });

  it("still refuses an acronym whose full form no passage read holds", async () => {
    const corpus = [
      "La Plateforme des données, plus connue comme Open Data Portal (ODP), a été créée en 2019.",
      "Le marché de la messagerie : l'attribution était attendue pour l'été 2026.",
    ];
    const { frequency, names } = lexicon(corpus);
    const r = await assessAnswerability(
      "l'attribution du marché ODP était attendue pour quand ?",
      [passage("Messagerie", corpus[1]!)],
      frequency,
      names,
    );
    expect(r).toMatchObject({ answerable: false });
  });
});

describe("the words of speech around a question the passage holds whole", () => {
  // The passage is under a heading that does not name the question's subject, and the corpus holds other texts.
  const others = [
    "La bourse et le Clusif sont cités dans le rapport annuel.",
    "Le concours de pétanque et la kermesse ont lieu en juin.",
  ];
  const ask = async (q: string, text: string, kind = "guidance") => {
    const { frequency, names } = lexicon([text, ...others]);
    return assessAnswerability(q, [passage("Ce qui a changé", text, kind)], frequency, names);
  };

  it("reads « à part » as setting a thing aside, not a word the passage must hold", async () => {
    const text = "Le Syntec a alerté le Parlement européen sur les hausses de Citrix, comme le Clusif.";
    expect(await ask("qui a alerté le parlement européen sur citrix à part le clusif ?", text)).toMatchObject({
      answerable: true,
    });
  });

  it("reads « c'est quelle date ? », « de quel jour ? » as the kind of answer asked", async () => {
    const text = "Le décret du 3 mars 2020 réorganise la Mobilinum et ses quatre pôles.";
    for (const q of [
      "le décret qui réorganise la mobilinum, c'est quelle date ?",
      "le décret qui réorganise la mobilinum, il est de quel jour ?",
    ])
      expect(await ask(q, text), q).toMatchObject({ answerable: true });
  });

  it("finds a former name on the catalog card that writes it (« NGX » on Nuagix's card)", async () => {
    const text =
      "Nuagix, hébergeur fondé en 1999 à Lille par deux frères. Apparaît dans les inventaires sous les noms : NGX ; Nuagix Cloud.";
    expect(await ask("NGX fondé quand et par qui ? coté en bourse ?", text, "catalog")).toMatchObject({
      answerable: true,
    });
    // An acronym a card writes in passing is not what it is about (« le PLU » on a mapping tool's card).
    const passing = "Géomap, logiciel de cartographie fondé en 1999, pour dessiner le PLU et les réseaux d'eau.";
    expect(await ask("Comment modifier le PLU pour construire un lotissement ?", passing, "catalog")).toMatchObject({
      answerable: false,
    });
  });

  it("still refuses the same turns of speech around a question on the life of the commune", async () => {
    const text = "La subvention de la Mobilinum finance la suite collaborative ; le maire a signé la demande.";
    for (const q of [
      "qui a gagné le concours de pétanque à part le maire ?",
      "notre demande de subvention pour la kermesse, c'est quelle date ?",
    ])
      expect(await ask(q, text), q).toMatchObject({ answerable: false });
  });
});

describe("a law's number in parentheses is not a source's reference", () => {
  it("keeps « (directive 2022/2555, article 21) » and drops « (April, novembre 2025) »", () => {
    const kept = withoutReferences("La chaîne d'approvisionnement (directive 2022/2555, article 21) est visée.");
    expect(kept).toContain("2555");
    expect(kept).toContain("article 21");
    expect(withoutReferences("Le label est décerné (April, novembre 2025) chaque année.")).not.toContain("April");
    expect(withoutReferences("Voir (Légifrance, directive 2022/2555, 2023).")).not.toContain("2555");
  });
});

describe("the words of the digital domain", () => {
  it("counts a router, a switch and a slide show as digital", () => {
    for (const q of [
      "les routeurs de Nokia c'est européen ?",
      "le commutateur est fabriqué où ?",
      "le diaporama de la réunion ?",
    ])
      expect(speaksOfDomain(q), q).toBe(true);
  });
});

describe("a question on a thing named in lower case or by its own page", () => {
  const ask = async (q: string, title: string, text: string, kind = "guidance") => {
    const { frequency, names } = lexicon([
      text,
      "Le parc informatique de la commune compte 40 postes et un serveur.",
      "La cantine scolaire et le parc municipal sont gérés par la commune.",
      "L'association des parents s'appelle Les Petits Pas ; elle co-organise la fête de l'école.",
      "Les photos de la fête et les dossiers des élèves sont rangés à l'école.",
    ]);
    return assessAnswerability(q, [passage(title, text, kind)], frequency, names);
  };
  const card = "Nuagix : logiciel de sauvegarde des serveurs et des postes de travail, éditeur américain.";

  it("reads a word typed in lower case that names the catalog card read as that card's subject", async () => {
    for (const q of ["nuagix dans notre parc c'est pour faire quoi", "nuagix pour l'asso, c'est de quel pays ?"])
      expect(await ask(q, "Nuagix", card, "catalog"), q).toMatchObject({ answerable: true });
  });

  it("still asks the card to hold what the question asks of it", async () => {
    expect(await ask("nuagix pour la cantine scolaire c'est adapté ?", "Nuagix", card, "catalog")).toMatchObject({
      answerable: false,
    });
  });

  it("does not ask a storage service's card to name what is put on it (« des photos de dossiers »)", async () => {
    const drive =
      "Stockage en ligne de l'éditeur américain Nuagix, soumis au CLOUD Act ; synchronisation des fichiers.";
    expect(
      await ask("des agents mettent des photos de dossiers sur Nuagix, c'est grave ?", "Nuagix", drive, "catalog"),
    ).toMatchObject({ answerable: true });
  });

  it("reads « s'appelle comment ? » as the name the thing's own page gives", async () => {
    const text =
      "Le Syntix a fusionné en 2025 avec deux fédérations : l'ensemble porte désormais le nom d'Union Numérique.";
    expect(await ask("le Syntix s'appelle comment maintenant ?", "Syntix : la fusion de 2025", text)).toMatchObject({
      answerable: true,
    });
  });
});

describe("ordinary words of conversation the corpus writes otherwise", () => {
  const ask = async (q: string, title: string, text: string, kind = "guidance") => {
    const { frequency, names } = lexicon([text, "Le salon et le label ont chacun leur édition annuelle."]);
    return assessAnswerability(q, [passage(title, text, kind)], frequency, names);
  };

  it("reads « bosse », « prestations », « cyberattaque » as the words the passage writes", async () => {
    for (const [q, title, text, kind] of [
      [
        "le directeur de la Mobilinum, il y bosse depuis quand ?",
        "Mobilinum : l'équipe",
        "Le directeur de la Mobilinum y travaille depuis 2019.",
        "guidance",
      ],
      [
        "Mobilix ils font quoi comme prestations ?",
        "Mobilix",
        "Mobilix : entreprise française de services en logiciels libres (messagerie, annuaire).",
        "catalog",
      ],
      [
        "la panne de Nuagix c'était une cyberattaque ?",
        "Panne Nuagix",
        "Panne Nuagix : il ne s'agissait pas d'une attaque mais d'une mise à jour défectueuse.",
        "guidance",
      ],
    ])
      expect(await ask(q!, title!, text!, kind), q).toMatchObject({ answerable: true });
  });

  it("reads « la combientième ? » as a rank asked, not a word to find", async () => {
    expect(
      await ask(
        "l'édition 2024 du salon Libre Ouest c'était la combientième ?",
        "Libre Ouest",
        "Le salon Libre Ouest : l'édition 2024 était la septième.",
      ),
    ).toMatchObject({ answerable: true });
  });
});

describe("turns of speech that situate a question without saying its topic", () => {
  const ask = async (q: string, title: string, text: string, kind = "guidance") => {
    const { frequency, names } = lexicon([
      text,
      "En pratique, en général, les communes du coin gardent leurs habitudes à la base.",
      "Le texte entier tient en dix pages, dit le docteur ; la tête de liste l'a lu.",
    ]);
    return assessAnswerability(q, [passage(title, text, kind)], frequency, names);
  };

  it("reads « en pratique », « du coin », « en entier » as no word of the topic", async () => {
    for (const [q, title, text] of [
      [
        "Mobilix ça remplace quoi en pratique dans une mairie ?",
        "Mobilix",
        "Mobilix remplace les tableurs partagés et les formulaires papier des services.",
      ],
      [
        "Vierzon propose quels outils libres aux petites communes du coin ?",
        "Vierzon",
        "Vierzon propose aux petites communes voisines des outils libres : agenda, messagerie, parapheur.",
      ],
      [
        "RGAA ça veut dire quoi en entier, et c'est de quand ?",
        "Le RGAA",
        "Le RGAA, référentiel général d'amélioration de l'accessibilité, date de 2009.",
      ],
    ])
      expect(await ask(q!, title!, text!), q).toMatchObject({ answerable: true });
  });

  it("reads « dedans » as pointing back to the thing named, and « à la tête de » as who heads it", async () => {
    expect(
      await ask(
        "Mobilix Office : les macros VBA marchent dedans ?",
        "Mobilix Office",
        "Mobilix Office exécute les macros VBA des documents Word et Excel, avec quelques limites.",
        "catalog",
      ),
    ).toMatchObject({ answerable: true });
    expect(
      await ask(
        "Qui est à la tête de l'association Centre Libre ?",
        "Centre Libre",
        "L'association Centre Libre est présidée par Jeanne Martin depuis 2022.",
      ),
    ).toMatchObject({ answerable: true });
    expect(
      await ask(
        "Qui est à la tête du club de pétanque ?",
        "Centre Libre",
        "L'association Centre Libre est présidée par Jeanne Martin depuis 2022.",
      ),
    ).toMatchObject({ answerable: false });
  });

  it("reads « créé », « étend » as the verbs the passage writes otherwise (« institué », « l'extension »)", async () => {
    expect(
      await ask(
        "le consortium Mobilinum, créé à quelle date ?",
        "Le consortium Mobilinum",
        "Le consortium Mobilinum a été institué le 12 mars 2024 par la Commission.",
      ),
    ).toMatchObject({ answerable: true });
    expect(
      await ask(
        "la loi qui étend l'article 12 aux communes est adoptée ?",
        "L'article 12",
        "L'extension de l'article 12 aux communes a été adoptée en première lecture en 2025.",
      ),
    ).toMatchObject({ answerable: true });
  });
});

describe("a country where a thing is, named by one of its cities", () => {
  const card = "Nuagix : hébergeur néerlandais, centres de données à Amsterdam, Francfort et Dublin.";
  const ask = async (q: string) => {
    const { frequency, names } = lexicon([card, "L'Irlande et l'Allemagne sont membres de l'Union européenne."]);
    return assessAnswerability(q, [passage("Nuagix", card, "catalog")], frequency, names);
  };

  it("finds « en Irlande » in a card that names Dublin", async () => {
    expect(await ask("Nuagix, leurs centres de données sont dans quels pays, y en a en Irlande ?")).toMatchObject({
      answerable: true,
    });
  });

  it("does not read a country the question asks about as one of its cities", async () => {
    expect(await ask("L'Irlande utilise-t-elle Nuagix pour ses ministères ?")).toMatchObject({ answerable: false });
  });
});
