/**
 * A conclusion for a commune read by its form, not by its words (faithful52, faithful-blind-24 false flags, tuning half
 * A): advice or a lesson for a commune that no passage writes, yet that invents no fact or duty, is shown as the
 * model's deduction (`inference`), not as unverified — when it is framed on a commune (« Pour une commune qui débute,
 * … »), has a commune as the subject of a modal or conditional verb (« une commune a donc intérêt à », « devrait
 * commencer par »), or draws a possibility as a lesson (« ce cas montre que … peuvent être coupés », « Première leçon :
 * une dépendance peut … »). A duty, an absolute or a fact the passages do not hold stays unverified.
 */
import { describe, expect, it } from "vitest";
import { check, status } from "../helpers/verify.ts";

const GUILLOU =
  "Juge Nicolas Guillou — ce que les sanctions ont coupé au quotidien\nLe juge a lui-même décrit les effets des sanctions (Le Monde, 2025) : ses comptes chez Amazon, Airbnb, PayPal et Netflix ont été fermés ; une réservation d'hôtel en France, faite par Expedia, a été annulée ; les transactions passant par Visa ou Mastercard, et celles en dollars, sont bloquées.";
const CROWDSTRIKE =
  "Panne CrowdStrike du 19 juillet 2024 — ce qui s'est passé\nLe 19 juillet 2024, une mise à jour défectueuse diffusée par CrowdStrike a fait planter environ 8,5 millions d'appareils sous Windows dans le monde. De nombreux ordinateurs touchés affichaient un écran bleu d'erreur, ce qui a perturbé entreprises et administrations. Il ne s'agissait ni d'une attaque ni d'une décision politique, mais d'une erreur technique chez un fournisseur.";
const ECHIROLLES =
  "Échirolles — ce qui a été fait et reconnu\nLes sources consultées décrivent la démarche d'Échirolles sans publier d'inventaire chiffré de son parc. Ses résultats sont en revanche reconnus à l'extérieur : le 19 novembre 2025, Échirolles a obtenu le label Territoire Numérique Libre au niveau « Or ».";
const TARGET =
  "Objectif chiffré — Pourquoi un objectif chiffré\nUn objectif chiffré transforme une intention en engagement vérifiable. C'est la deuxième étape proposée par le collectif Linux Quimper : après l'état des lieux, fixer un objectif chiffré de réduction des dépendances. Aucun chiffre n'est imposé aux collectivités : le niveau d'ambition relève d'un choix politique, à fixer à partir de l'étude des dépendances et non avant.";
const COMPTOIR =
  "Comptoir du Libre — à quoi sert-il ?\nLe Comptoir du Libre est un catalogue de logiciels libres « métiers » destiné au secteur public, créé par l'association ADULLACT. Pour une collectivité, l'intérêt est double : savoir si un logiciel est déjà utilisé par d'autres administrations comparables, et identifier des entreprises capables de l'installer.";
const OW2 =
  "OW2 — la gouvernance de l'open source dans les organisations\nOW2 anime OSPO.zone et une démarche « Good Governance ». Pour une collectivité de taille importante, ces ressources peuvent aider à formaliser une politique : quels logiciels libres utiliser, comment contribuer, comment gérer les licences.";
const TRELLO =
  "Trello (outils collaboratifs) : Tableaux de tâches (kanban). Éditeur : Atlassian, États-Unis. Alternatives : Wekan (remplacement direct, libre MIT) ; Nextcloud Hub (remplacement partiel, Allemagne, libre AGPL-3.0-or-later).";

describe("a conclusion for a commune by its form (faithful-blind-24, half A)", () => {
  it("framed on a commune: « Pour une collectivité, ce cas montre que … », « Pour une petite commune, … »", () => {
    expect(
      status(
        "Pour une collectivité, ce cas montre que des services du quotidien peuvent être coupés par une décision étrangère [1].",
        GUILLOU,
      ),
    ).toBe("inference");
    expect(
      status(
        "Pour une commune qui débute, l'exemple d'Échirolles montre qu'un événement et un label font connaître la démarche [1].",
        ECHIROLLES,
      ),
    ).toBe("inference");
    expect(status("Pour une petite commune, ces outils de gouvernance sont sans doute surdimensionnés [1].", OW2)).toBe(
      "inference",
    );
  });
  it("a commune as the subject of advice: « devrait », « a donc intérêt à » after an opening clause", () => {
    expect(
      status(
        "Une commune qui n'a pas encore fait son inventaire devrait commencer par là avant de choisir un chiffre [1].",
        TARGET,
      ),
    ).toBe("inference");
    expect(
      status(
        "Avant de lancer un marché, une commune a donc intérêt à y chercher les collectivités de taille proche qui utilisent déjà le logiciel visé [1].",
        COMPTOIR,
      ),
    ).toBe("inference");
  });
  it("a possibility drawn as a lesson: « Première leçon : une dépendance peut … »", () => {
    expect(
      status(
        "Première leçon : une dépendance peut paralyser des services même sans intention hostile [1].",
        CROWDSTRIKE,
      ),
    ).toBe("inference");
  });
});

describe("what stays unverified in the same forms: a duty, an absolute, a fact, a figure", () => {
  it("keeps a plain statement framed on a commune, and a commune's capability, unverified (faithful-blind-7, -1)", () => {
    // The passage says it of large collectivités: « Pour une collectivité de taille importante, ces ressources peuvent … ».
    expect(status("Pour une petite commune, ces ressources sont le premier point d'entrée [1].", OW2)).toBe(
      "unsupported",
    );
    // Left flagged with it (a plain statement, no possibility): « Pour une commune qui utilise déjà Nextcloud,
    // commencer par sa fonction de tableaux évite d'ajouter un outil » (faithful-blind-24, right).
    expect(
      status(
        "Pour une commune qui utilise déjà Nextcloud, commencer par sa fonction de tableaux évite d'ajouter un outil [1].",
        TRELLO,
      ),
    ).toBe("unsupported");
    const TCHAP =
      "Tchap — Tchap et les collectivités territoriales\nLes sources réunies pour ce corpus ne précisent pas les conditions dans lesquelles les agents des collectivités peuvent ouvrir un compte Tchap. L'authentification ProConnect a été étendue aux collectivités, aux hôpitaux et à des partenaires privés.";
    expect(
      status(
        "Une commune peut l'activer directement en se connectant avec ProConnect, sans autre démarche [1].",
        TCHAP,
      ),
    ).toBe("unsupported");
  });
  it("keeps a commune's conditional after a claim of its own unverified (faithful-blind-15)", () => {
    const CARD =
      "4D (bases de données) : Base de données et environnement de développement. Éditeur : 4D SAS, France. Licence : propriétaire.";
    expect(
      status(
        "4D étant un logiciel libre, la commune pourrait aussi le faire maintenir par un autre prestataire [1].",
        CARD,
      ),
    ).toBe("unsupported");
  });
  it("keeps a duty or an absolute framed on a commune unverified", () => {
    expect(status("Pour une petite commune, ces outils de gouvernance sont obligatoires [1].", OW2)).toBe(
      "unsupported",
    );
    expect(
      status("Une commune qui n'a pas encore fait son inventaire devrait donc adhérer à tous les réseaux [1].", TARGET),
    ).toBe("unsupported");
  });
  it("keeps a lesson that states a fact, not a possibility, unverified", () => {
    expect(status("Ce cas montre que la CNAM tient la charge avec ses agents depuis 2025 [1].", GUILLOU)).toBe(
      "unsupported",
    );
  });
  it("keeps a figure no passage gives unverified", () => {
    const v = check("Pour une petite commune, ces outils de gouvernance coûtent sans doute 4 000 euros par an [1].", [
      OW2,
    ]);
    expect(v.status).toBe("unsupported");
  });
});

describe("a lesson about a named body stays a claim (faithful-blind-22)", () => {
  it("keeps « la DINUM montre qu'un petit parc peut passer à Linux » checked against what it cites", () => {
    const PRESS =
      "La DINUM passe ses postes sous Linux — Combien de postes ?\n- Estimation de presse : environ 200 à 250 postes, selon un média technologique français (Webiano, avril 2026).\n- Ordre de grandeur cohérent avec les effectifs : la DINUM prévoyait environ 220 agents après sa réorganisation de 2023.";
    expect(
      status(
        "Pour les postes, la DINUM montre qu'un petit parc peut passer à Linux, mais sans calendrier public [1].",
        PRESS,
      ),
    ).toBe("unsupported");
    expect(
      status("Ces cas montrent que des personnalités européennes peuvent être visées directement [1].", GUILLOU),
    ).toBe("inference");
  });
});
