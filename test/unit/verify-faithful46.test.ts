/**
 * faithful46: chat sentences the cited passage contradicts (faithful-blind-21, the half of its missed contradictions
 * the rules were written on) and right computations flagged as absent figures (the half of its flagged computations
 * the rules were written on). Each with a sentence that says what the passage says, not flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";
import { attributeNameSwapped } from "../../server/verify/name-attribute.ts";
import { ruledOutWordStated } from "../../server/verify/ruled-out-word.ts";
import { toSource } from "../../server/verify/source-sentences.ts";

const check = (sentence: string, passages: { n: number; text: string }[]) =>
  verifyText(sentence, passages).sentences[0]!;

const cnam = {
  n: 1,
  text: "Assurance maladie (CNAM) — CNAM : un précédent de dépendance, le bras de fer avec Broadcom sur VMware\nLa CNAM a mis Broadcom en demeure le 26 septembre 2025, puis a saisi le juge des référés le 2 décembre 2025, en demandant une astreinte de 50 000 euros par jour : elle faisait valoir que tout son système d'information repose sur VMware et que son droit contractuel à conversion expirait le 20 décembre 2025. Broadcom a cédé avant toute décision du juge, en rétablissant temporairement la conversion (CIO Online et Silicon.fr, décembre 2025-janvier 2026).",
};

describe("a date a cited sentence gives to another of its clauses (date-clause.ts)", () => {
  it("flags « a saisi le juge des référés le 20 décembre 2025 » (the passage: le 2 décembre ; the 20th is when the right expired)", () => {
    const s = check("Elle a saisi le juge des référés le 20 décembre 2025 [1].", [cnam]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("2 décembre 2025");
  });
  it("keeps each date with its own clause", () => {
    expect(check("Elle a saisi le juge des référés le 2 décembre 2025 [1].", [cnam]).status).toBe("supported");
    expect(check("Son droit contractuel à conversion expirait le 20 décembre 2025 [1].", [cnam]).status).toBe(
      "supported",
    );
  });
});

const coree = {
  n: 1,
  text: "La Corée du Sud et Linux — Corée du Sud : des systèmes Linux déjà utilisés dans l'administration\nDes organismes publics coréens utilisaient déjà deux systèmes fondés sur Linux (Linux Magazine, 2019) :\n\n- **Harmonica OS 3.0**, dérivé d'Ubuntu, employé notamment par la Défense et la Police nationale ;\n- **Gooroom Cloud OS**, dérivé de Debian.",
};
const clouds = {
  n: 1,
  text: "La doctrine « Cloud au centre » — Le débat sur les clouds « hybrides » : S3NS et Bleu\nS3NS, société du groupe Thales créée en juin 2022 et fondée sur la technologie de Google Cloud, a obtenu la qualification SecNumCloud 3.2 pour son offre PREMI3NS (IT for Business, 5 janvier 2026). Bleu, coentreprise de Capgemini et d'Orange fondée sur la technologie Microsoft, suit le même modèle (Le Monde Informatique, 2026).",
};

const guillou = {
  n: 2,
  text: "Le juge français Nicolas Guillou sous sanctions américaines — Juge Nicolas Guillou : qui est-il ?\nNicolas Guillou est un magistrat français élu juge à la Cour pénale internationale (CPI) par l'Assemblée des États parties en décembre 2023 ; il a pris ses fonctions le 11 mars 2024, pour le mandat de neuf ans des juges de la Cour (Cour pénale internationale, 8 mars 2024 ; Coalition pour la Cour pénale internationale, mars 2024 ; Statut de Rome, article 36, paragraphe 9, a).",
};

describe("a source's date in parentheses dates no clause (date-clause.ts, faithful-blind-3)", () => {
  it("keeps « élu juge à la Cour pénale internationale en décembre 2023 » beside « (Cour pénale internationale, 8 mars 2024) »", () => {
    expect(
      check(
        "Nicolas Guillou est un magistrat français élu juge à la Cour pénale internationale en décembre 2023 [2].",
        [guillou],
      ).status,
    ).toBe("supported");
  });
});

describe("the subject's attribute given another name than its cited clause gives it (name-attribute.ts)", () => {
  it("flags « Harmonica OS 3.0 est dérivé de Debian » (d'Ubuntu) and Bleu « avec la technologie de Google » (Microsoft)", () => {
    expect(check("Harmonica OS 3.0 est dérivé de Debian [1].", [coree]).status).toBe("unsupported");
    expect(
      check("Bleu, coentreprise de Capgemini et d'Orange, suit le même modèle avec la technologie de Google [1].", [
        clouds,
      ]).status,
    ).toBe("unsupported");
  });
  it("keeps the names the passage gives", () => {
    expect(check("Harmonica OS 3.0 est dérivé d'Ubuntu [1].", [coree]).status).toBe("supported");
    expect(check("Gooroom Cloud OS est dérivé de Debian [1].", [coree]).status).toBe("supported");
    expect(
      check("Bleu, coentreprise de Capgemini et d'Orange, repose sur la technologie de Microsoft [1].", [clouds])
        .status,
    ).toBe("supported");
  });
});

const schleswig = {
  n: 1,
  text: "Schleswig-Holstein — Schleswig-Holstein : les économies annoncées par le ministère du Land\nEn décembre 2025, le ministère de la Numérisation du Land a indiqué qu'il paierait en 2026 plus de 15 millions d'euros de licences en moins ; en face, il prévoyait 9 millions d'euros d'investissements ponctuels en 2026 (heise, décembre 2025). Il s'agit d'une estimation du ministère lui-même, non d'un bilan audité.",
};
const fisa = {
  n: 1,
  text: "Le CLOUD Act et la section 702 du FISA — La section 702 du FISA : la surveillance des non-Américains\nLa section 702 du Foreign Intelligence Surveillance Act, adoptée en 2008, autorise une surveillance sans mandat individuel des personnes non américaines situées à l'étranger. Contrairement au CLOUD Act, qui sert des enquêtes, la section 702 relève du renseignement.",
};

describe("what the cited passage rules out or sets against, stated (ruled-out-word.ts, likened.ts)", () => {
  it("flags « Un audit a confirmé ces économies » (« non d'un bilan audité »)", () => {
    const s = check("Un audit a confirmé ces économies [1].", [schleswig]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("non d'un bilan audité");
  });
  it("flags « Comme le CLOUD Act, elle sert surtout des enquêtes » (« Contrairement au CLOUD Act »)", () => {
    expect(check("Comme le CLOUD Act, elle sert surtout des enquêtes judiciaires [1].", [fisa]).status).toBe(
      "unsupported",
    );
  });
  it("keeps the sentence that says what the passage says", () => {
    expect(
      check("Il s'agit d'une estimation du ministère lui-même, non d'un bilan audité [1].", [schleswig]).status,
    ).toBe("supported");
    expect(check("Contrairement au CLOUD Act, la section 702 relève du renseignement [1].", [fisa]).status).toBe(
      "supported",
    );
  });
});

const dsa = {
  n: 1,
  text: "Région Occitanie — Région Occitanie : une précision sur le contexte européen cité par Clubic\nC'est à nuancer : 10 % est le plafond du DMA (20 % en cas de récidive), celui du DSA étant de 6 % (EUR-Lex, DMA, article 30, 12 octobre 2022 ; EUR-Lex, DSA, article 52, 19 octobre 2022).",
};
const declic = {
  n: 1,
  text: "Déclic et les OPSN — Déclic : combien de structures et de collectivités ?\nDéclic regroupe entre 39 et 50 structures selon les sources, présentes dans environ 70 départements, qui gèrent l'informatique d'à peu près une commune sur quatre (Banque des Territoires, 2020).",
};

describe("right computations on shares (shares.ts)", () => {
  it("keeps a gap in points between two percentages of the passage (10 % − 6 %)", () => {
    expect(check("Le plafond du DSA est donc inférieur de 4 points à celui du DMA [1].", [dsa]).status).toBe(
      "supported",
    );
  });
  it("flags a wrong gap", () => {
    expect(check("Le plafond du DSA est donc inférieur de 5 points à celui du DMA [1].", [dsa]).status).toBe(
      "unsupported",
    );
  });
  it("keeps « environ 25 % » for « une commune sur quatre », not « environ 40 % »", () => {
    expect(check("Cela fait environ 25 % des communes [1].", [declic]).status).toBe("supported");
    expect(check("Cela fait environ 40 % des communes [1].", [declic]).status).toBe("unsupported");
  });
});

describe("sentences these rules flagged on the burned sets while right (kept)", () => {
  it("keeps a sentence setting aside what the passage rules out itself (« plutôt que par la seule Ville »)", () => {
    const lyon = toSource(
      1,
      "Ville de Lyon — Territoire Numérique Ouvert, une suite mutualisée\nL'intérêt pour d'autres collectivités tient à sa construction mutualisée : la suite est portée par des acteurs publics du territoire (Métropole et SITIV) et non par la seule Ville.",
    );
    expect(
      ruledOutWordStated("La suite est portée par la Métropole et le SITIV plutôt que par la seule Ville [1].", [lyon]),
    ).toBeNull();
    expect(ruledOutWordStated("Le projet dépend de la seule Ville [1].", [lyon])).not.toBeNull();
  });
  it("reads an attribute only in a clause its subject opens, a name in parentheses as the clause's", () => {
    const jira = {
      n: 1,
      text: "Produit : Jira — (introduction)\nÉditeur : Atlassian, États-Unis.\nFin du support des éditions Server auto-hébergées le 15 février 2024 : migration imposée vers le cloud d'Atlassian ou l'édition Data Center, plus chère.",
    };
    expect(
      check("Atlassian a mis fin au support des éditions Server auto-hébergées le 15/02/2024 [1].", [jira]).status,
    ).toBe("supported");
    const boe = {
      n: 2,
      text: "Autres collectivités françaises — Boé (Lot-et-Garonne) : 95 % des postes sous Ubuntu\nBoé, commune d'environ 5 700 habitants, fait fonctionner 95 % de son parc sous Linux (Ubuntu) et utilise LibreOffice sur 100 % de ses ordinateurs.",
    };
    expect(
      check("Boé, commune d'environ 5 700 habitants, fait fonctionner 95 % de son parc sous Ubuntu [2].", [boe]).status,
    ).toBe("supported");
  });
  it("takes no count opening a sentence for its subject (« Deux briques de Territoire Numérique Ouvert »)", () => {
    const briques = toSource(
      1,
      "Ville de Lyon — les points de vigilance sur les outils retenus\nDeux briques de TNO appellent une précision sur leur origine, utile à toute collectivité.",
    );
    expect(
      attributeNameSwapped(
        "Deux briques de Territoire Numérique Ouvert, la suite retenue par Lyon, appellent une précision [1].",
        [briques],
      ),
    ).toBeNull();
  });
  it("swaps only a name the passages give the same attribute (« libre de la SCOP » beside « édité par la SCOP »)", () => {
    const publik = toSource(
      3,
      "Alternative : Publik — (introduction)\nAlternatives : Publik (remplacement partiel, France, libre GPL-3.0-only, ne couvre qu'une partie du produit) ; Lutece (remplacement partiel, France, libre BSD-3-Clause).\nPortail de démarches en ligne (formulaires, suivi, paiement), édité par la SCOP Entr'ouvert.",
    );
    expect(
      attributeNameSwapped("Publik, logiciel libre de la SCOP Entr'ouvert, peut remplacer le portail citoyen [3].", [
        publik,
      ]),
    ).toBeNull();
  });
});
