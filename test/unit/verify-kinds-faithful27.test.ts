/**
 * Kinds of wrong sentences the blind sets 10–12 still showed as verified (faithful27): an order of steps reversed
 * (« vient après » where the passage says « avant »), a contrary verb no list had, two years exchanged between two
 * clauses of one sentence or a date moved to another event of the same sentence, the bound of a range given alone, an
 * attribute a catalog card gives one alternative given to a list of them (a degree carried along an enumeration, a
 * country given to two alternatives), and a card's own exposure line flagged while true. Invented products, places
 * and figures, not those of the sets.
 */
import { describe, expect, it } from "vitest";
import { reasons, status } from "../helpers/verify.ts";

const CHECKLIST =
  "Guide — Reprise d'un parc\nListe de contrôle\n1. Recenser les usages avant l'achat, avec le secrétaire de mairie.\n2. Équiper d'abord les services techniques, puis l'accueil.\n3. Sauvegarder les données avant la réinstallation, et vérifier les droits d'accès pendant la première semaine.";

describe("an order of steps reversed", () => {
  it("flags « après » where the passage puts the step « avant » the same thing", () => {
    const claim = "La sauvegarde des données vient après la réinstallation, avec une vérification des droits [1].";
    expect(status(claim, CHECKLIST)).toBe("unsupported");
    expect(reasons(claim, CHECKLIST)).toMatch(/avant la réinstallation/);
    expect(status("La sauvegarde des données se fait avant la réinstallation [1].", CHECKLIST)).toBe("supported");
  });
  it("flags « avant » where the passage puts it after by « puis »", () => {
    expect(status("L'accueil est équipé avant les services techniques [1].", CHECKLIST)).toBe("unsupported");
    expect(status("Les services techniques sont équipés avant l'accueil [1].", CHECKLIST)).toBe("supported");
  });
  it("leaves « avant tout » and « d'après » alone", () => {
    expect(status("Il faut avant tout recenser les usages avec le secrétaire de mairie [1].", CHECKLIST)).toBe(
      "supported",
    );
  });
});

describe("a contrary verb the lists did not have", () => {
  const REVIEW =
    "Réforme de l'achat public — Guide\nRéactions\nL'association Libre-Oc a critiqué cette rédaction comme une simple déclaration d'intention, sans portée contraignante.";
  it("flags « a salué » where the passage says « a critiqué » the same thing", () => {
    expect(status("L'association Libre-Oc a salué cette rédaction [1].", REVIEW)).toBe("unsupported");
    expect(status("L'association Libre-Oc a critiqué cette rédaction [1].", REVIEW)).toBe("supported");
  });
  it("flags « continuent de » where the passage says « cessent de » the same verb", () => {
    const CARD =
      "Produit : Routix — \nRoutix (équipements réseau) : routeurs gérés en ligne.\nÉditeur : Routix Inc, États-Unis.\nLes routeurs cessent de fonctionner normalement si l'abonnement n'est plus payé.";
    expect(
      status("Les routeurs continuent de fonctionner normalement si l'abonnement n'est plus payé [1].", CARD),
    ).toBe("unsupported");
    expect(status("Les routeurs cessent de fonctionner normalement si l'abonnement n'est plus payé [1].", CARD)).toBe(
      "supported",
    );
  });
});

describe("years exchanged within one sentence, a date moved to another event", () => {
  const TOWN =
    "Vernasque — Retour d'expérience\nLes étapes\nEn 2019, le DSI y décrivait une migration par étapes : serveurs de sauvegarde et d'impression sous Linux dès 2003, passage à LibreOffice proposé aux agents en 2011-2012, puis le système Linux à partir de 2016.";
  it("flags two years exchanged between the two clauses", () => {
    expect(
      status(
        "Les serveurs de sauvegarde et d'impression sont passés sous Linux en 2011-2012, puis LibreOffice a été proposé aux agents dès 2003 [1].",
        TOWN,
      ),
    ).toBe("unsupported");
    expect(
      status(
        "Les serveurs de sauvegarde et d'impression sont passés sous Linux dès 2003, puis LibreOffice a été proposé aux agents en 2011-2012 [1].",
        TOWN,
      ),
    ).toBe("supported");
  });
  it("leaves a year written beside another event when the sentence dates the carrier's words right", () => {
    const TIMELINE =
      "Chronologie — Guide\nDates\n- 12 mars 2025 : premier forum régional du libre ; le même jour, annonce du passage de la messagerie à Zimbra dans tous les services d'ici 2026.";
    expect(
      status(
        "Ce forum a été suivi, le 12 mars 2025, par l'annonce du passage de la messagerie à Zimbra dans tous les services d'ici 2026 [1].",
        TIMELINE,
      ),
    ).toBe("supported");
  });
  it("flags two founding years exchanged between two makers, and leaves a deadline the passage sets apart", () => {
    const A =
      "Alternative : Secura — \nSecura (antivirus et sécurité) : logiciel non libre, publié par Secura SRL (Roumanie). Maturité : mature.\nÉditeur roumain fondé en 2001 à Cluj, présent dans les administrations.";
    const B =
      "Alternative : Wachter — \nWachter (antivirus et sécurité) : logiciel non libre, publié par Wachter GmbH (Allemagne). Maturité : mature.\nÉditeur allemand fondé en 1985 à Brême, présent dans les administrations.";
    expect(
      status("Secura est un éditeur roumain fondé en 1985, Wachter un éditeur allemand fondé en 2001 [1][2].", A, B),
    ).toBe("unsupported");
    expect(
      status("Secura est un éditeur roumain fondé en 2001, Wachter un éditeur allemand fondé en 1985 [1][2].", A, B),
    ).toBe("supported");
    const VOTE =
      "Lorvan — Retour d'expérience\nLe vote\nEn mars 2019, le conseil communautaire a voté le passage à des postes sous Linux, avec un objectif fixé à 2022.";
    expect(
      status("En mars 2019, le conseil communautaire a voté le passage à des postes sous Linux d'ici 2022 [1].", VOTE),
    ).toBe("supported");
    // A deadline the passage gives to nothing of the kind, its event dated right beside it: still moved.
    const BACK =
      "Lorvan — Retour d'expérience\nLe retour\nLorvan a migré entre 800 et 900 postes vers Linux entre 2006 et 2014, les sources divergeant sur le nombre. En mars 2019, le conseil communautaire a pourtant voté le retour à des logiciels sous Windows d'ici 2022, en invoquant la productivité et le coût total.";
    expect(
      status(
        "En mars 2019, le conseil communautaire a pourtant voté le retour à des logiciels sous Windows d'ici 2006, en invoquant la productivité et le coût total [1].",
        BACK,
      ),
    ).toBe("unsupported");
  });
  const MAKER =
    "Éditeur : Kestrel Networks — \nKestrel Networks : éditeur, siège : Singapour.\nFabricant de routeurs : après une consultation de mars 2019, l'autorité a interdit en octobre 2020 la vente des nouveaux routeurs du fabricant aux administrations.";
  it("flags the date of a draft given to the ban that followed it", () => {
    expect(
      status(
        "En mars 2019, l'autorité a interdit la vente des nouveaux routeurs du fabricant aux administrations [1].",
        MAKER,
      ),
    ).toBe("unsupported");
    expect(
      status(
        "En octobre 2020, l'autorité a interdit la vente des nouveaux routeurs du fabricant aux administrations [1].",
        MAKER,
      ),
    ).toBe("supported");
  });
});

describe("the bound of a range given alone", () => {
  const NETWORK =
    "Réseau Libre-Sud — Écosystème\nHistoire\nLe réseau, créé en 2021, rassemblait environ 14 à 19 syndicats selon les sources.";
  it("flags « 19 syndicats » where the passage says « environ 14 à 19 »", () => {
    expect(status("Le réseau rassemblait 19 syndicats [1].", NETWORK)).toBe("unsupported");
    expect(status("Le réseau rassemblait environ 14 à 19 syndicats [1].", NETWORK)).toBe("supported");
    expect(status("Le réseau rassemblait jusqu'à 19 syndicats [1].", NETWORK)).toBe("supported");
    expect(status("Le réseau rassemblait 14 à 19 syndicats [1].", NETWORK)).toBe("supported");
  });
});

describe("a reported aside stated as fact in a part of the sentence", () => {
  const CARD =
    "Produit : Hyperix — \nHyperix (virtualisation) : Hyperviseur.\nÉditeur : Hyperix Inc, États-Unis.\nAlternatives : Tolvix (remplacement partiel, Belgique, libre AGPL-3.0-or-later) ; Brivo (remplacement partiel, France, libre GPL-2.0-only).";
  const GUIDE =
    "Sortir d'Hyperix — Guide\nAlternatives\nParmi les alternatives figurent Tolvix (logiciel libre, dont l'éditeur serait installé à Gand, en Belgique, information non confirmée par nos sources) et Brivo, porté par une société fondée à Lille en 2015.";
  it("flags « dont l'éditeur est installé à » where the passage says « serait installé », unconfirmed", () => {
    expect(status("Tolvix, dont l'éditeur est installé à Gand, le remplace en partie [1][2].", CARD, GUIDE)).toBe(
      "unsupported",
    );
    expect(status("Tolvix, dont l'éditeur serait installé à Gand, le remplace en partie [1][2].", CARD, GUIDE)).toBe(
      "supported",
    );
    expect(status("Brivo, porté par une société fondée à Lille, le remplace en partie [1][2].", CARD, GUIDE)).toBe(
      "supported",
    );
  });
});

const ARCHIVIX =
  "Produit : Archivix — \nArchivix (logiciels métiers) : Gestion d'archives.\nÉditeur : Archivix SA, France.\nAlternatives : Fondo (remplacement partiel, libre GPL-3.0-or-later) ; Cartula (remplacement partiel, Belgique, libre EUPL-1.2).";
const DRAWIX =
  "Alternative : Drawix — \nDrawix (logiciels métiers) : logiciel non libre, publié par Drawix BV (Pays-Bas). Maturité : mature.\nRemplace : Plotter (remplacement direct) ; Plotter Lite (remplacement direct) ; Terrain Pro (remplacement partiel) ; GeoDesk (remplacement partiel).";

describe("an attribute a card gives one alternative, given to a list of them", () => {
  it("flags a country given to two alternatives when the card gives it to one", () => {
    expect(status("Fondo et Cartula, deux logiciels libres belges, le remplacent en partie [1].", ARCHIVIX)).toBe(
      "unsupported",
    );
    expect(status("Fondo et Cartula, deux logiciels libres, le remplacent en partie [1].", ARCHIVIX)).toBe("supported");
    expect(status("Cartula, logiciel libre belge, le remplace en partie [1].", ARCHIVIX)).toBe("supported");
    // Each item with its own apposition: the adjective is Cartula's only.
    expect(
      status(
        "Fondo, sous licence GPL, et Cartula, d'origine belge, en sont deux remplacements partiels [1].",
        ARCHIVIX,
      ),
    ).toBe("supported");
  });
  it("flags the country of another alternative given to one, by its adjective or after « publié en »", () => {
    const CARD =
      "Produit : Sheetix — \nSheetix (bureautique) : Tableur en ligne.\nÉditeur : Sheetix Inc, États-Unis.\nAlternatives : Calcula (remplacement partiel, Canada, libre Apache-2.0) ; Tabulo (remplacement partiel, Italie, libre MPL-2.0).";
    expect(status("Calcula est un logiciel libre publié en Italie [1].", CARD)).toBe("unsupported");
    expect(status("Calcula, sous licence Apache, est une alternative d'origine italienne [1].", CARD)).toBe(
      "unsupported",
    );
    expect(status("Tabulo est un logiciel libre publié en Italie [1].", CARD)).toBe("supported");
    // Where it is used is not where it comes from.
    expect(reasons("Calcula est un logiciel libre, utilisé en Italie [1].", CARD)).not.toMatch(/pays d'une autre/);
  });
  it("flags a degree carried along an enumeration to items the card replaces in part", () => {
    expect(status("Drawix remplace directement Plotter, Plotter Lite, Terrain Pro et GeoDesk [1].", DRAWIX)).toBe(
      "unsupported",
    );
    expect(status("Drawix remplace directement Plotter et Plotter Lite [1].", DRAWIX)).toBe("supported");
  });
});

describe("a card's own lines repeated as a paragraph (the scripted suite's false flag)", () => {
  const CARD =
    "Produit : Scribo — \nScribo (intelligence artificielle) : Assistant de rédaction.\nÉditeur : Scribo Labs, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nAlternatives : Redac (remplacement direct, France) ; Plumo (remplacement partiel, libre MIT).\nLa communauté d'agglomération du Pays de Lorrez prévoyait de remplacer toutes ses licences Scribo d'ici fin juin 2026 par Redac.";
  it("supports « remplacer toutes ses licences » where the card writes it", () => {
    expect(status("Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis) [1].", CARD)).toBe("supported");
    expect(
      status(
        "La communauté d'agglomération du Pays de Lorrez prévoyait de remplacer toutes ses licences Scribo d'ici fin juin 2026 par Redac [1].",
        CARD,
      ),
    ).toBe("supported");
    expect(status("Redac remplace directement tous les outils de rédaction [1].", CARD)).toBe("unsupported");
  });
});
