/**
 * Kinds of wrong sentences never caught on a fresh blind set (faithful17): a figure given to the other of two sources,
 * a self-reported figure stated as plain fact, a contradiction written without any negation. Invented places, people
 * and figures, not those of the sets.
 */
import { describe, expect, it } from "vitest";
import { reasons, status } from "../helpers/verify.ts";

const COUNTS =
  "Vallorbe : les chiffres du déploiement\nLes sources ne donnent pas les mêmes volumes pour le déploiement :\n\n- plus de 12 000 postes et 3 serveurs selon Numerama (mai 2024) ;\n- 14 500 postes et 4 serveurs selon Le Temps (juin 2024).\n\nL'ordre de grandeur reste le même.";

describe("source of a figure swapped with the other source (attribution)", () => {
  it("flags « selon A » with the figure the passage credits to B", () => {
    expect(status("Selon Numerama, le canton a déployé 14 500 postes [1].", COUNTS)).toBe("unsupported");
    expect(reasons("Selon Le Temps, plus de 12 000 postes ont été déployés [1].", COUNTS)).toMatch(/Numerama/);
  });
  it("leaves each figure with its own source", () => {
    expect(status("Selon Numerama, le canton a déployé plus de 12 000 postes [1].", COUNTS)).toBe("supported");
    expect(status("Selon Le Temps, 14 500 postes ont été déployés [1].", COUNTS)).toBe("supported");
    expect(status("D'après Le Temps, le canton a déployé 14 500 postes [1].", COUNTS)).toBe("supported");
  });
  it("leaves a source the passage does not name for any figure", () => {
    const one = "Vallorbe : le déploiement\nLe canton a déployé 14 500 postes selon Le Temps (juin 2024).";
    expect(status("Selon la presse suisse, le canton a déployé 14 500 postes [1].", one)).toBe("supported");
  });
});

const SAVINGS =
  "Trégastel : combien d'économies ?\nLa commune a fait état d'économies de 3,2 millions d'euros (Ouest-France, 2023). Il s'agit d'un chiffre communiqué par la commune elle-même ; les sources consultées ne détaillent pas la méthode de calcul.";

describe("a self-reported figure stated as plain fact (hedge dropped)", () => {
  it("flags the figure stated as a fact, with the source's reserve", () => {
    expect(status("Le passage au libre a fait économiser 3,2 millions d'euros à Trégastel [1].", SAVINGS)).toBe(
      "unsupported",
    );
    expect(reasons("Le passage au libre a fait économiser 3,2 millions d'euros à Trégastel [1].", SAVINGS)).toMatch(
      /elle-même/,
    );
  });
  it("leaves the figure given as the commune's own", () => {
    expect(status("Selon la commune, le passage au libre a économisé 3,2 millions d'euros [1].", SAVINGS)).toBe(
      "supported",
    );
    expect(status("La commune a fait état de 3,2 millions d'euros d'économies [1].", SAVINGS)).toBe("supported");
    expect(status("La commune annonce 3,2 millions d'euros d'économies [1].", SAVINGS)).toBe("supported");
  });
  it("does not read « elle-même » alone as a reserve", () => {
    const own = "Plounéour : la migration\nLa commune a migré elle-même ses 240 postes en 2022, sans prestataire.";
    expect(status("Plounéour a migré 240 postes en 2022 [1].", own)).toBe("supported");
  });
});

const READINGS =
  "La leçon de Valdrôme\nValdrôme est revenue à son ancien logiciel en 2019. Des élus ont invoqué le coût, d'autres la pression d'un éditeur. Les deux explications coexistent et ne se départagent pas ici.";

describe("a contradiction written without a negation (the passage denies the verb)", () => {
  it("flags an act the passage only denies", () => {
    expect(status("Les deux explications ont été départagées par une enquête interne [1].", READINGS)).toBe(
      "unsupported",
    );
  });
  it("leaves a sentence that keeps the denial, or an act the passage also states", () => {
    expect(status("Les deux explications ne se départagent pas [1].", READINGS)).toBe("supported");
    expect(status("Valdrôme est revenue à son ancien logiciel en 2019 [1].", READINGS)).toBe("supported");
  });
});

const DIVERGING =
  "Le prix Bourgogne Libre : les lauréats de 2024\nLes sources divergent sur le nombre de communes primées en 2024 : 21 communes selon Le Bien Public ; 19 communes selon le site du prix (décembre 2024).";

describe("one of two diverging figures given alone (hedge dropped)", () => {
  it("flags the figure stated without the source that gives it, when the passage says sources diverge", () => {
    expect(status("21 communes ont été primées en 2024 [1].", DIVERGING)).toBe("unsupported");
    expect(reasons("21 communes ont été primées en 2024 [1].", DIVERGING)).toMatch(/19/);
  });
  it("leaves the figure with its source, or both figures", () => {
    expect(status("Selon Le Bien Public, 21 communes ont été primées en 2024 [1].", DIVERGING)).toBe("supported");
    expect(status("19 ou 21 communes ont été primées en 2024, selon les sources [1].", DIVERGING)).toBe("supported");
  });
  it("leaves a figure credited to one source when the passage does not say the sources diverge", () => {
    const one =
      "Le prix Bourgogne Libre\nLe prix a distingué 21 communes selon Le Bien Public ; il en avait distingué 19 l'année précédente selon le site du prix.";
    expect(status("Le prix a distingué 21 communes [1].", one)).toBe("supported");
  });
});

const OFTEN =
  "Chiffrement des disques : FileVault\nFileVault chiffre les disques des Mac. Ses clés de secours sont souvent déposées dans le compte iCloud de l'utilisateur.";

describe("a frequency hedge made absolute (« souvent » → « toujours »)", () => {
  it("flags « toujours » where the passage says « souvent »", () => {
    expect(status("Ses clés de secours sont toujours déposées dans le compte iCloud [1].", OFTEN)).toBe("unsupported");
    expect(reasons("Ses clés de secours sont systématiquement déposées dans iCloud [1].", OFTEN)).toMatch(/souvent/);
  });
  it("leaves the hedge kept, and « toujours » the passage writes too", () => {
    expect(status("Ses clés de secours sont souvent déposées dans iCloud [1].", OFTEN)).toBe("supported");
    const always =
      "FileVault\nFileVault chiffre toujours le disque entier ; ses clés sont souvent déposées dans iCloud.";
    expect(status("FileVault chiffre toujours le disque entier [1].", always)).toBe("supported");
  });
});

const ALLIANCES =
  "En Europe : ASSOL et Forum des communs\n- Au Portugal, l'ASSOL (Associação Software Livre), représentée par Marta Lobo, a salué la décision de Lisbonne (Público, 2024).\n- Le Forum des communs a été créé en 2023 à l'initiative de l'Espagne et du Portugal ; son siège est à Madrid.";

describe("a person made to act for another body (role given to another)", () => {
  it("flags the person representing a body the passage does not give them", () => {
    expect(status("Marta Lobo représente aussi le Forum des communs [1].", ALLIANCES)).toBe("unsupported");
  });
  it("leaves the body the passage gives the person", () => {
    expect(status("L'ASSOL est représentée par Marta Lobo [1].", ALLIANCES)).toBe("supported");
    expect(status("Marta Lobo représente l'ASSOL [1].", ALLIANCES)).toBe("supported");
  });
});

describe("false flags of these rules on burned sets, kept out", () => {
  it("reads each source with the figures of its own part of the sentence", () => {
    expect(
      status(
        "Selon les sources, le canton a déployé plus de 12 000 postes, ou 14 500 postes selon Le Temps [1].",
        COUNTS,
      ),
    ).toBe("supported");
  });
  it("does not take the verb of a subordinate clause for what the sentence states", () => {
    const where =
      "Le Data Act et les communes\nPour une commune, la question n'est pas où sont installés ses serveurs, mais qui contrôle le prestataire.";
    expect(
      status(
        "Pour une commune, le Data Act pose surtout la question de savoir qui contrôle le prestataire, plus que l'endroit où les serveurs sont installés [1].",
        where,
      ),
    ).toBe("supported");
  });
});

describe("the subject of a denied act may be set apart by an apposition", () => {
  it("flags « Les deux explications, le coût d'un côté, l'éditeur de l'autre, ont été départagées »", () => {
    expect(
      status(
        "Les deux explications, le coût d'un côté, la pression de l'éditeur de l'autre, ont été départagées en faveur de la première [1].",
        READINGS,
      ),
    ).toBe("unsupported");
  });
});

describe("a role noun is not an act for a body", () => {
  it("leaves « il a écrit à la présidente de Val Morin Agglomération »", () => {
    const letter =
      "Un collectif et son agglomération\nEn mars 2025, le collectif Libre Morin a écrit à la présidente de Val Morin Agglomération pour proposer un état des lieux.";
    expect(
      status(
        "En mars 2025, il a écrit à la présidente de Val Morin Agglomération pour proposer un état des lieux [1].",
        letter,
      ),
    ).toBe("supported");
  });
});
