/**
 * faithful38 (trial18 F1, F19, F12; faithful-blind-18's chat misses): general tests on what the cited passage holds,
 * not on listed wordings. A universal (« toutes les régions », « toutes vos données ») the statement carrying the
 * claim does not hold, or that no cited sentence holds when none carries it. The passages are the corpus's.
 */
import { describe, expect, it } from "vitest";
import { reasons, status } from "../helpers/verify.ts";

const OCCITANIE =
  "Région Occitanie : remplacer Teams, OneDrive et SharePoint par eXo Platform — Région Occitanie : le contexte, une hausse de 20 à 30 % chez Microsoft\n" +
  "La Région Occitanie (13 départements, plus de 6 millions d'habitants) s'était équipée d'Office 365 pendant la crise " +
  "sanitaire. Trois ans plus tard, au moment de renouveler le contrat, elle s'est vu proposer des conditions en hausse " +
  "de 20 à 30 %, alors que ses budgets de fonctionnement se resserraient (Le Monde Informatique, 2024 ; Clubic, s. d.). " +
  "La Région voulait aussi revenir à un numérique plus souverain. Nelly Mallet, directrice adjointe des services aux " +
  "utilisateurs à la direction de l'information et du numérique, a résumé le sentiment des équipes : avec Microsoft, la " +
  "Région avait l'impression de ne plus décider de son avenir.";

const CPI =
  "Le procureur de la Cour pénale internationale privé de sa messagerie Microsoft (2025) — CPI : pourquoi l'épisode a marqué les administrations européennes\n" +
  "L'affaire est devenue un argument cité par de nombreux acteurs publics et associatifs :\n\n" +
  "- au Danemark, elle est mentionnée parmi les motivations du ministère du Numérique, qui teste LibreOffice depuis juin " +
  "2025 (Interoperable Europe, 2025) ;\n" +
  "- en France, Jehan Monnier, cofondateur de Belledonne Communications et organisateur du salon AlpOSS à Échirolles, a " +
  "expliqué en février 2026 que l'épisode restait dans tous les esprits et faisait réfléchir les collectivités " +
  "(SmartCityMag, février 2026).";

const MARCHES =
  "Acheter autrement : centrales d'achat (UGAP, CANUT), mutualisation, marché interministériel de support du logiciel libre — Rédiger les marchés : exiger la réversibilité\n" +
  "Quelques clauses réduisent la dépendance future, quel que soit le produit retenu :\n\n" +
  "- décrire des besoins fonctionnels et des normes (formats ouverts, protocoles standard) plutôt qu'un produit ;\n" +
  "- exiger l'export complet des données dans un format ouvert et documenté, à tout moment et en fin de contrat ;\n" +
  "- demander l'identité de l'actionnaire de contrôle de l'éditeur et de l'hébergeur, et la localisation des données ;\n" +
  "- pour les données sensibles, exiger un hébergement qualifié SecNumCloud ou équivalent ;\n" +
  "- encadrer les évolutions de prix et de modèle de licence pendant la durée du marché.";

describe("a universal the cited passage does not hold (trial18 F1, faithful-blind-18)", () => {
  it("flags « toutes les régions » drawn from one région's example, no statement carrying the claim", () => {
    expect(reasons("Son exemple prouve que toutes les régions vont quitter Microsoft [1].", OCCITANIE)).toContain(
      "« toutes les régions »",
    );
  });
  it("flags « Toutes les collectivités françaises ont depuis revu leurs contrats » where the episode only « fait réfléchir les collectivités »", () => {
    expect(
      reasons("Toutes les collectivités françaises ont depuis revu leurs contrats de messagerie [1].", CPI),
    ).toContain("« Toutes les collectivités »");
  });
  it("holds « toutes vos données » to the clause that carries it (« pour les données sensibles »), not to « l'export complet des données »", () => {
    expect(reasons("Pour toutes vos données, exigez un hébergement qualifié SecNumCloud [1].", MARCHES)).toContain(
      "« toutes vos données »",
    );
  });
  it("keeps a universal the carrying clause holds, and the sentences around it", () => {
    expect(
      status(
        "Exigez l'export complet des données dans un format ouvert et documenté, à tout moment et en fin de contrat [1].",
        MARCHES,
      ),
    ).toBe("supported");
    expect(status("Pour les données sensibles, exigez un hébergement qualifié SecNumCloud [1].", MARCHES)).toBe(
      "supported",
    );
    expect(status("Cet épisode reste dans toutes les mémoires et fait réfléchir les collectivités [1].", CPI)).toBe(
      "supported",
    );
  });
});

const GENDARMERIE =
  "La Gendarmerie nationale et GendBuntu : ses postes de travail sous Linux (2004-2021) — Gendarmerie nationale : les étapes de la migration, de 2004 à 2021\n" +
  "- 2004 : la Gendarmerie abandonne la suite Office de Microsoft et met à la place la suite libre OpenOffice, d'abord " +
  "sur 20 000 postes ; en 2005, OpenOffice équipe l'ensemble du parc, soit environ 90 000 postes (Le Soleil, 2008).\n" +
  "- 2006 : le navigateur Firefox et la messagerie Thunderbird sont à leur tour généralisés (Le Soleil, 2008).";

const MUNICH =
  "Munich et LiMux — Munich : combien de postes et combien d'économies ?\n" +
  "Les sources divergent sur le nombre de postes passés sous Linux : le chiffre varie entre 15 000 et 18 000 postes " +
  "selon les sources (Wikipedia, « LiMux », 2025). Nous ne sommes pas en mesure de trancher.";

const HAUSSES =
  "Coûts et économies — Les hausses de prix de Microsoft\n" +
  "- Depuis le 1er avril 2025, un abonnement annuel payé mensuellement coûte 5 % de plus (Redress Compliance, 2025).\n" +
  "- L'assistant Microsoft 365 Copilot est vendu 30 dollars par utilisateur et par mois en option ; une offre " +
  "Microsoft 365 E7 à 99 dollars par utilisateur et par mois apparaît dans les conditions de mai 2026 (Redress " +
  "Compliance, 2025 ; SAMexpert, mai 2026).";

describe("a figure's year checked both ways, a range's bound alone (trial18 F19)", () => {
  it("flags « sur 20 000 postes en 2005 » where the passage's statement dates 20 000 by 2004", () => {
    expect(
      reasons(
        "La Gendarmerie a d'abord remplacé Microsoft Office par OpenOffice sur 20 000 postes en 2005 [1].",
        GENDARMERIE,
      ),
    ).toContain("« 20 000 » n'est pas donné pour « 2005 »");
  });
  it("keeps each figure with its own year", () => {
    expect(
      status(
        "La Gendarmerie a d'abord remplacé Microsoft Office par OpenOffice sur 20 000 postes en 2004 [1].",
        GENDARMERIE,
      ),
    ).toBe("supported");
    expect(
      status("En 2005, OpenOffice équipait l'ensemble du parc, soit environ 90 000 postes [1].", GENDARMERIE),
    ).toBe("supported");
  });
  it("flags « Environ 18 000 postes » where the passage gives « entre 15 000 et 18 000 » and cannot decide", () => {
    expect(reasons("Environ 18 000 postes sont passés sous Linux à Munich [1].", MUNICH)).toContain(
      "« entre 15 000 et 18 000 »",
    );
    expect(status("Entre 15 000 et 18 000 postes sont passés sous Linux à Munich [1].", MUNICH)).toBe("supported");
    expect(status("Plus de 15 000 postes sont passés sous Linux à Munich [1].", MUNICH)).toBe("supported");
  });
});

describe("a word said otherwise where the passage dates the sentence's figure (trial18 F12)", () => {
  it("does not date « payé chaque mois » by the « par mois » of another line when the 5 % is the date's own", () => {
    expect(status("Depuis avril 2025, un abonnement annuel payé chaque mois coûte 5 % de plus [1].", HAUSSES)).toBe(
      "supported",
    );
  });
  it("still flags a year whose figure the passage's sentence dates by its other year (faithful-blind-11)", () => {
    const quimper =
      "Autres réseaux et rendez-vous du logiciel libre utiles aux collectivités — Groupes d'utilisateurs locaux : l'exemple de Linux Quimper\n" +
      "Linux Quimper, créé fin 2006 comme groupe informel d'utilisateurs, a redistribué environ 2 700 ordinateurs " +
      "reconditionnés depuis 2009 (Forum Linux Quimper, 2010 ; Ouest-France, 9 octobre 2020). En avril 2026, le collectif " +
      "a écrit à la présidente de l'agglomération Quimper Bretagne Occidentale.";
    expect(
      status("Depuis 2006, le collectif a remis en circulation environ 2 700 ordinateurs reconditionnés [1].", quimper),
    ).toBe("unsupported");
  });
  it("still flags the date where the passage gives the figure another date", () => {
    expect(status("Depuis avril 2025, Copilot est vendu 30 dollars par utilisateur et par mois [1].", HAUSSES)).toBe(
      "unsupported",
    );
  });
});

/** The Windows 10 card as a passage: advice (« moment propice pour étudier »), no duty. */
const WINDOWS_10 =
  "Produit : Windows 10 — (introduction)\n" +
  "Windows 10 (poste de travail) : Système d'exploitation des postes de travail (version précédente).\n" +
  "Éditeur : Microsoft, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\n" +
  "Fin du support standard le 14 octobre 2025 : au-delà, mises à jour de sécurité uniquement via le programme payant " +
  "ESU. Moment propice pour étudier une migration vers Linux plutôt qu'un renouvellement du matériel.";

const NIS2_PERIMETRE =
  "La directive NIS2 et sa transposition en France : ce qui attend les collectivités — Quelles collectivités sont concernées ?\n" +
  "Le périmètre exact (types de collectivités, seuils, regroupements) dépend du texte définitif et de ses décrets " +
  "d'application. Une collectivité doit donc vérifier sa situation une fois la loi promulguée, par exemple auprès de " +
  "l'ANSSI.";

describe("a duty put on the reader's things that no cited passage states (trial18 F1)", () => {
  it("flags « Vos postes doivent être remplacés par des ordinateurs neufs » where the card advises to study a migration", () => {
    expect(reasons("Vos postes doivent être remplacés par des ordinateurs neufs [1].", WINDOWS_10)).toContain(
      "« doivent »",
    );
    expect(reasons("Il faut remplacer vos postes par des ordinateurs neufs [1].", WINDOWS_10)).toContain("« faut »");
    expect(status("Vos postes doivent passer sous Linux [1].", WINDOWS_10)).toBe("unsupported");
  });
  it("keeps a duty a cited sentence states with the same words, and advice or a conditional", () => {
    expect(
      status(
        "Il faut donc vérifier votre situation une fois la loi promulguée, par exemple auprès de l'ANSSI [1].",
        NIS2_PERIMETRE,
      ),
    ).toBe("supported");
    expect(
      status(
        "Vous pouvez étudier une migration de vos postes vers Linux plutôt que renouveler le matériel [1].",
        WINDOWS_10,
      ),
    ).toBe("supported");
    expect(status("Vos postes ne doivent pas forcément être remplacés [1].", WINDOWS_10)).not.toContain("« doivent »");
  });
});

const GRILLE =
  "Étude des dépendances : la méthode — Étape 4 : évaluer chaque logiciel selon des critères de dépendance\n" +
  "Chaque produit inventorié est évalué selon quelques critères simples :\n\n" +
  "- Tendance des coûts : hausses passées et annoncées de l'éditeur, changement de modèle de licence (voir la fiche " +
  "sur les coûts).\n" +
  "- Alternatives disponibles : existe-t-il une solution européenne ou libre, mûre, déjà utilisée par des " +
  "collectivités et soutenue par des prestataires ?";

const ARUBA =
  "Éditeur : Aruba Networks — (introduction)\n" +
  "Constructeur américain de bornes Wi-Fi, commutateurs et du contrôle d'accès ClearPass, racheté par HP (devenu HPE) " +
  "en 2015 et commercialisé sous la marque HPE Aruba Networking. Le nom « Aruba Networks » reste celui qui figure comme " +
  "fabricant dans les inventaires de matériel.";

describe("« toujours » where no cited clause says anything as absolute (trial18 F1)", () => {
  it("flags « Le logiciel libre est toujours moins cher » citing the evaluation grid", () => {
    expect(reasons("Le logiciel libre est toujours moins cher que les logiciels propriétaires [1].", GRILLE)).toContain(
      "« toujours »",
    );
  });
  it("keeps « toujours » where the clause carrying the sentence says it goes on (« reste »), and « pas toujours »", () => {
    expect(
      status("Dans les inventaires, le fabricant apparaît toujours sous le nom « Aruba Networks » [1].", ARUBA),
    ).toBe("supported");
    expect(reasons("Le logiciel libre n'est pas toujours moins cher [1].", GRILLE)).not.toContain("« toujours »");
  });
});
