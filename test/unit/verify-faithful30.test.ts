/**
 * Leftovers of faithful-blind-13 (faithful30), on other products, people and dates: a relation between two names
 * that the passage states too, in whatever order; names exchanged stay flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, ...passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
  ).sentences[0]!;

describe("two names related as a cited sentence relates them", () => {
  it.each([
    [
      "Selon Claire Martin, directrice générale de la DINUM, la qualification SecNumCloud protège contre les coupures [1].",
      "Cloud — Guide\nSelon la directrice générale de la DINUM, Claire Martin, elle protège contre les coupures (Acteurs publics, 2026). La qualification SecNumCloud de la DINUM est exigeante.",
    ],
    [
      "Nordvik est l'ancienne Polaris Software, cotée à Oslo [1].",
      "Éditeurs — Guide\n- **Nordvik** : société norvégienne cotée à Oslo, ancienne Polaris Software, dont l'activité grand public a été séparée en 2021.",
    ],
    [
      "Gitea, publié par l'association néerlandaise Gitfoundry sous licence MIT, remplace GitHub [1].",
      "Alternative : Gitea — Catalogue\nGitea (outils collaboratifs) : logiciel libre sous licence MIT, publié par Gitfoundry (Pays-Bas).\nRemplace : GitHub (remplacement direct).\nForge légère (dépôts Git, tickets, intégration continue), portée par l'association néerlandaise Gitfoundry.",
    ],
  ])("« %s » is not « associe »", (sentence, passage) => {
    expect(check(sentence, passage).reasons.join(" ")).not.toContain("associe");
  });

  it("a name given the relation the passage states of another is still flagged", () => {
    const v = check(
      "Selon Claire Martin, directrice générale de l'ANSSI, la qualification SecNumCloud protège contre les coupures [1].",
      "Cloud — Guide\nSelon la directrice générale de la DINUM, Claire Martin, elle protège contre les coupures (Acteurs publics, 2026). La qualification SecNumCloud de l'ANSSI est exigeante.",
    );
    expect(v.status).toBe("unsupported");
  });

  it("two pairs of the passage crossed are still flagged", () => {
    const v = check(
      "Lille a choisi OpenDesk, Gand NordOS [1].",
      "Lille et Gand — Postes de travail\nEn 2019, Lille a choisi NordOS, Gand a choisi OpenDesk.",
    );
    expect(v.reasons.join(" ")).toContain("associe");
  });
});

describe("a year in parentheses after a name (« de McAfee (rachetée en 2021) »)", () => {
  const CARD =
    "Éditeur : Varonex — Catalogue\nVaronex : éditeur, siège : États-Unis.\nNé en 2019 de la fusion, par le fonds américain KKR, de la division sécurité de Symantec (rachetée en 2018) et de Mandiant.";

  it("dates that name only: the year of the whole part is not « pour autre chose »", () => {
    const v = check(
      "Varonex est né en 2019 de la fusion de la division sécurité de Symantec, rachetée en 2018, et de Mandiant [1].",
      CARD,
    );
    expect(v.reasons).toEqual([]);
  });

  it("the parenthesised event given the other year is still flagged", () => {
    const v = check("La division sécurité de Symantec a été rachetée en 2019 [1].", CARD);
    expect(v.status).toBe("unsupported");
  });
});

describe("a step the passage leaves to come, stated as done (« déjà », « désormais »)", () => {
  it.each([
    [
      "Une copie intégrale des archives est désormais hébergée chez ce prestataire [1].",
      "Archives — Guide\nLe ministère a lancé une migration complète, avec une copie intégrale des archives hébergée d'ici fin 2027 chez un prestataire qualifié.",
    ],
    [
      "Rodez Agglomération a déjà mené l'inventaire de ses licences, premier de ses chantiers [1].",
      "Chantiers — Guide\nLa présentation de Rodez Agglomération place l'inventaire des licences en tête de ses chantiers à l'étude.",
    ],
    [
      "La Bavière est déjà passée à une messagerie libre [1].",
      "Bavière — Retour d'expérience\n- Étapes suivantes annoncées : passer à une messagerie libre et tester Linux pour remplacer Windows.",
    ],
  ])("« %s » is flagged", (sentence, passage) => {
    expect(check(sentence, passage).status).toBe("unsupported");
  });

  it.each([
    [
      "Une copie intégrale des archives sera hébergée d'ici fin 2027 chez un prestataire qualifié [1].",
      "Archives — Guide\nLe ministère a lancé une migration complète, avec une copie intégrale des archives hébergée d'ici fin 2027 chez un prestataire qualifié.",
    ],
    [
      "Il faut intégrer les hausses déjà annoncées par les éditeurs [1].",
      "Coûts — Guide\nIl faut intégrer les hausses déjà annoncées par les éditeurs et le coût d'une sortie future.",
    ],
    [
      "Sont déjà en place la messagerie des élus et un hébergement présenté comme souverain [1].",
      "Rodez Agglomération : ce qui est déjà en place\nSelon la présentation, la souveraineté y est amorcée : la messagerie des élus, un hébergement présenté comme souverain.",
    ],
  ])("« %s » is not", (sentence, passage) => {
    expect(check(sentence, passage).status).not.toBe("unsupported");
  });
});

describe("a view credited by « Pour X, » at the sentence's start", () => {
  const GUIDE =
    "Droit américain — Guide\nLa CADA considère que la qualification HDS est conforme aux exigences du juge et la recommande pour les données de santé. Selon le directeur général de l'ARS, Paul Morel, elle protège contre les saisies et les coupures à distance.";

  it("given to another than the one the passage credits, is flagged", () => {
    const v = check(
      "Pour la CADA, c'est surtout contre les coupures à distance que cette qualification protège [1].",
      GUIDE,
    );
    expect(v.status).toBe("unsupported");
  });

  it("given to the one the passage credits, is not", () => {
    const v = check(
      "Pour Paul Morel, c'est surtout contre les coupures à distance que cette qualification protège [1].",
      GUIDE,
    );
    expect(v.reasons.join(" ")).not.toContain("CADA");
    expect(v.status).not.toBe("unsupported");
  });

  it("a sentence opening on « Pour » and a purpose is not a credit", () => {
    const v = check("Pour les données de santé, la CADA recommande la qualification HDS [1].", GUIDE);
    expect(v.status).not.toBe("unsupported");
  });
});
