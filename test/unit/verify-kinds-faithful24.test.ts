/**
 * Kinds of wrong sentences the blind sets 1–11 rarely caught (faithful24): an attribute a catalog card gives one of
 * its alternatives (degree of replacement, licence) given to another, the whole of what a card replaces where it
 * names only some (« tous les outils », « en entier », « aussi directement »), and « toutes les petites communes »
 * where the passage says one in three. Invented products, places and figures, not those of the sets.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";
import { reasons, status } from "../helpers/verify.ts";

const PLANIX =
  "Produit : Planix — \nPlanix (gestion de projet) : Planification et suivi de projets.\nÉditeur : Planix Corp, États-Unis.\nAlternatives : Tasko (remplacement partiel, Allemagne, libre GPL-3.0-only) ; Ganttor (remplacement direct, Belgique, libre EUPL-1.2) ; Chronix (autre approche, France, libre CECILL-2.1).";

describe("an attribute a card gives one alternative, given to another", () => {
  it("flags two degrees of replacement exchanged between two alternatives", () => {
    const claim = "Tasko en est un remplacement direct et Ganttor un remplacement partiel [1].";
    expect(status(claim, PLANIX)).toBe("unsupported");
    expect(reasons(claim, PLANIX)).toMatch(/Tasko/);
    expect(status("Ganttor en est un remplacement direct et Tasko un remplacement partiel [1].", PLANIX)).toBe(
      "supported",
    );
  });
  it("flags « autre approche » and « remplacement direct » exchanged", () => {
    expect(status("Ganttor y est cité comme autre approche et Chronix comme remplacement direct [1].", PLANIX)).toBe(
      "unsupported",
    );
    expect(status("Chronix y est cité comme autre approche et Ganttor comme remplacement direct [1].", PLANIX)).toBe(
      "supported",
    );
  });
  it("flags two alternatives that « both » replace it directly when one replaces it in part", () => {
    expect(status("Ganttor et Tasko le remplacent tous deux directement [1].", PLANIX)).toBe("unsupported");
    expect(status("Ganttor le remplace directement [1].", PLANIX)).toBe("supported");
  });
  it("reads a degree with a word between its verb and its adverb (« remplace aussi directement »)", () => {
    expect(status("Tasko le remplace aussi directement [1].", PLANIX)).toBe("unsupported");
    expect(status("Ganttor le remplace aussi directement [1].", PLANIX)).toBe("supported");
  });
  it("flags two licences exchanged between two alternatives", () => {
    const claim = "Ganttor est publié sous licence CeCILL et Chronix sous licence EUPL [1].";
    expect(status(claim, PLANIX)).toBe("unsupported");
    expect(reasons(claim, PLANIX)).toMatch(/Ganttor/);
    expect(status("Ganttor est publié sous licence EUPL et Chronix sous licence CeCILL [1].", PLANIX)).toBe(
      "supported",
    );
    expect(status("Tasko est sous licence GPL [1].", PLANIX)).toBe("supported");
  });
});

const TASKO =
  "Alternative : Tasko — \nTasko (gestion de projet) : logiciel libre sous licence GPL-3.0-only, publié par Tasko e.V. (Allemagne). Maturité : mature.\nRemplace : Acme Planner Pro (remplacement partiel) ; Trellis (remplacement direct).\nMigration : reprend les tâches et les jalons ; pas les feuilles de temps.";

describe("the whole of what a card says an alternative replaces in part or names", () => {
  it("flags « remplace X en entier » where the card says in part, X named without its maker", () => {
    expect(status("Tasko remplace Planner Pro en entier, feuilles de temps comprises [1].", TASKO)).toBe("unsupported");
    expect(status("Tasko remplace Planner Pro en partie [1].", TASKO)).toBe("supported");
    expect(status("Tasko remplace directement Trellis [1].", TASKO)).toBe("supported");
  });
  it("flags « remplace tous les outils de … » where the card names what it replaces", () => {
    const claim = "Il remplace directement tous les outils de gestion de projet [1].";
    expect(status(claim, TASKO)).toBe("unsupported");
    expect(reasons(claim, TASKO)).toMatch(/tous les outils/);
  });
});

describe("« toutes les petites communes » where the passage says some", () => {
  const SYNDICATS =
    "Syndicats informatiques — Chiffres\nLes syndicats informatiques, présents dans une quarantaine de départements, gèrent la paie d'environ une commune sur trois (enquête de 2021).";
  it("flags « toutes » before an adjective and the noun the passage writes", () => {
    expect(status("Ils gèrent la paie de toutes les petites communes de ces départements [1].", SYNDICATS)).toBe(
      "unsupported",
    );
    expect(status("Ils gèrent la paie d'environ une commune sur trois [1].", SYNDICATS)).toBe("supported");
  });
});

describe("a common noun opening the sentence is not a name crossed with another", () => {
  const FORUM =
    "Forum du libre de Vannes — Programme\nMarc Durand, cofondateur de Lumina Systems et organisateur du forum, estime que les communes s'intéressent de plus en plus au logiciel libre.";
  it("leaves an apposition moved before the subject (« Cofondateur de Lumina Systems …, Marc Durand estime »)", () => {
    const claim =
      "Cofondateur de Lumina Systems et organisateur du forum, Marc Durand estime que les communes s'intéressent de plus en plus au logiciel libre [1].";
    expect(reasons(claim, FORUM)).toBe("");
  });
});

describe("an audience the passage does not open a thing to (« ouvert aux communes » for « s'adresse aux hôpitaux »)", () => {
  const MARKET =
    "Le marché régional de maintenance — Qui peut y recourir ?\nCe marché s'adresse aux hôpitaux publics. Pour une commune, la liste des logiciels couverts reste un repère utile.";
  it("flags a market said open to communes where the passage gives it to hospitals", () => {
    const claim = "Ce marché est ouvert aux communes, qui peuvent y acheter leur maintenance [1].";
    expect(status(claim, MARKET)).toBe("unsupported");
    expect(reasons(claim, MARKET)).toMatch(/hôpitaux/);
    expect(status("Ce marché est ouvert aux communes comme aux hôpitaux publics [1].", MARKET)).toBe("unsupported");
  });
  it("leaves the passage's own audience and what it says for a commune", () => {
    expect(status("Ce marché s'adresse aux hôpitaux publics [1].", MARKET)).toBe("supported");
    expect(status("Pour une commune, la liste des logiciels couverts reste un repère utile [1].", MARKET)).toBe(
      "supported",
    );
  });
  const SERVICE =
    "Alternative : Cartes (Suite de l'État) — \nCartes (cartographie) : logiciel libre sous licence MIT, publié par l'IGN (France).\nService de l'État réservé à ses agents.\nLe code peut être installé par une collectivité ou son syndicat informatique.";
  it("flags the agents of communes said to use a service reserved to the State's agents", () => {
    expect(status("Les agents des communes peuvent utiliser le service Cartes opéré par l'État [1].", SERVICE)).toBe(
      "unsupported",
    );
    expect(status("Le service Cartes est réservé aux agents de l'État [1].", SERVICE)).toBe("supported");
    expect(status("Son code peut être installé par une collectivité [1].", SERVICE)).toBe("supported");
  });
});

describe("an invented reason: the passage gives another one for the same thing", () => {
  const CHOICE =
    "Rennes-sur-Vire : le changement de messagerie — Pourquoi ?\nAnne Morel, adjointe au numérique, a relié ce choix à la fermeture du centre de données départemental, qui obligeait la ville à déménager ses serveurs.";
  it("flags another reason in the same words (« a relié ce choix à »)", () => {
    const claim = "Son adjointe Anne Morel a relié ce choix à la hausse des tarifs de l'éditeur [1].";
    expect(status(claim, CHOICE)).toBe("unsupported");
    expect(reasons(claim, CHOICE)).toMatch(/fermeture/);
    expect(
      status("Son adjointe Anne Morel a relié ce choix à la fermeture du centre de données départemental [1].", CHOICE),
    ).toBe("supported");
  });
  const MOTIVE =
    "Forces navales et LibreOffice — Les motifs\nLe commandant de la flotte indique que son motif principal était l'indépendance, pas le coût (Presse maritime, 2024).";
  it("flags the reason the passage sets aside (« son motif principal était X, pas Y »)", () => {
    expect(status("Son motif principal était le coût [1].", MOTIVE)).toBe("unsupported");
    expect(status("Son motif principal était l'indépendance [1].", MOTIVE)).toBe("supported");
  });
});

describe("a sentence opening on a name written in lower case after a citation", () => {
  it("is a sentence of its own (« … [1]. draw.io Desktop couvre … »)", () => {
    const v = verifyText(
      "L'alternative proposée est Krita, un logiciel libre [1]. gimp.org couvre aussi les retouches [1].",
      [{ n: 1, text: "Produit : Photoshop — \nAlternatives : Krita (remplacement partiel, Pays-Bas, libre GPL-3.0)." }],
    );
    expect(v.sentences.map((s) => s.text)).toEqual([
      "L'alternative proposée est Krita, un logiciel libre [1].",
      "gimp.org couvre aussi les retouches [1].",
    ]);
  });
  it("leaves « l'ensemble de ces entités » to the words after « ces »", () => {
    const CAPITAL =
      "Hébergeurs — Capital\nLa qualification limite la part du capital détenue par des entités non européennes à 20 % individuellement et 35 % collectivement.";
    expect(
      status(
        "Une entité non européenne ne peut détenir plus de 20 % du capital, et l'ensemble de ces entités plus de 35 % [1].",
        CAPITAL,
      ),
    ).toBe("supported");
  });
});

describe("a figure of one listed user given to another (« X (…, 4 000 agents), Y (…, 12 000 agents) »)", () => {
  const USERS =
    "Alternative : Rédacto — \nRédacto (intelligence artificielle) : assistant de rédaction, publié par Rédacto SAS (France).\nUtilisateurs publics connus : Portail des agents publics (DINUM, 4 000 agents en test depuis mars 2025), INRAE (assistant Clara, 12 000 agents, janvier 2026).";
  it("flags the second user's count given to the first", () => {
    const claim = "Rédacto est utilisé par 12 000 agents du Portail des agents publics [1].";
    expect(status(claim, USERS)).toBe("unsupported");
    expect(reasons(claim, USERS)).toMatch(/Clara|INRAE/);
  });
  it("leaves each user with its count", () => {
    expect(status("Rédacto est utilisé par 12 000 agents de l'INRAE [1].", USERS)).toBe("supported");
    expect(status("Le Portail des agents publics le teste auprès de 4 000 agents [1].", USERS)).toBe("supported");
  });
});

describe("two opposite words exchanged between two things (« interface libre, moteur propriétaire »)", () => {
  const BROWSER =
    "Alternative : Fjord — \nNavigateur d'un éditeur danois, fondé sur le moteur libre Gecko ; son module de synchronisation est propriétaire.";
  it("flags the opposites exchanged", () => {
    expect(status("Son module de synchronisation est libre, et son moteur Gecko propriétaire [1].", BROWSER)).toBe(
      "unsupported",
    );
  });
  it("leaves them where the passage puts them", () => {
    expect(status("Son moteur Gecko est libre, et son module de synchronisation propriétaire [1].", BROWSER)).toBe(
      "supported",
    );
  });
});

describe("« tous ces besoins des … » is not an adjective before a noun", () => {
  it("does not take « des » for the noun « tous » bears on", () => {
    const NEEDS =
      "Outils — Conférence\nÀ la conférence de Lorient, un intervenant a affirmé que les outils libres couvrent les besoins des services techniques.";
    expect(
      reasons(
        "Un intervenant a affirmé que les outils libres couvrent tous ces besoins des services techniques [1].",
        NEEDS,
      ),
    ).not.toMatch(/besoins des »/);
  });
});
