/**
 * trial13 A4–A8, on other places, products and figures than the trial's: a figure under a list label that names a
 * kind of source (« Estimation de presse : … ») is the section's subject's; a reason given by « parce que » whose words
 * the cited passage does not carry; a figure the passage gives as a party's own claim (« a fait état de ») or as a
 * threshold only discussed, stated as fact; a season swapped for another of the same year (« l'été » for
 * « l'automne »); advice (« peut faire ») restated as a duty (« doit »).
 */
import { describe, expect, it } from "vitest";
import { reasons, status } from "../helpers/verify.ts";

const PARC =
  "Trégastel passe ses postes de Windows à Linux — Trégastel : les chiffres du parc concerné (120 à 140 postes)\n" +
  "- Estimation de presse : environ 120 à 140 postes, selon un quotidien régional (Ouest-Info, mai 2026).\n" +
  "- Présentation du syndicat mixte Armor Numérique (2026) : « Trégastel : 131 postes migrent vers Linux ». Ce nombre précis n'a été confirmé par aucune autre source ; il reste compatible avec l'estimation de presse.\n" +
  "- Ordre de grandeur cohérent avec les effectifs : la commune comptait environ 150 agents en 2025 (Le Télégramme, 2025).";

describe("a figure under a list label that names a kind of source", () => {
  it("gives the figure to the section's subject, not to the label", () => {
    expect(reasons("Trégastel passe environ 120 à 140 postes sous Linux [1].", PARC)).toBe("");
  });
  it("still flags a figure a list gives another name", () => {
    const listed =
      "Les communes du Trégor — Les parcs passés sous Linux\n" +
      "- Lannion : environ 120 à 140 postes (Ouest-Info, mai 2026).\n" +
      "- Trégastel : environ 40 postes (Ouest-Info, mai 2026).";
    expect(status("Trégastel passe environ 120 à 140 postes sous Linux [1].", listed)).toBe("unsupported");
  });
});

const GRENADE =
  "Grenade et PostgreSQL : le retour à Oracle — Grenade : les raisons avancées par la majorité municipale\n" +
  "Les partisans du retour à Oracle ont invoqué deux arguments (El Diario, 2024) :\n\n" +
  "- la **fiabilité** du service, jugée insuffisante par les agents avec PostgreSQL ;\n" +
  "- le **coût total de possession**, c'est-à-dire l'ensemble des coûts d'exploitation et de support, et pas seulement le prix des licences.";
const DINAN =
  "Autres communes bretonnes — Dinan : quand une nouvelle majorité municipale arrête le logiciel libre\n" +
  "Dinan, longtemps lauréate du label Territoire Numérique Libre, a mis fin à sa stratégie open source après un changement de majorité municipale (Ouest-Info, 2023). L'exemple rappelle qu'une démarche portée par une équipe élue peut s'interrompre : la faire adopter par les services aide à la rendre durable.";

describe("a reason the cited passage does not carry", () => {
  it("flags a « parce que » clause whose words the passage does not write", () => {
    expect(
      status(
        "Grenade est revenue à Oracle parce que les agents trouvaient PostgreSQL trop lent et que la maintenance coûtait trop cher [1].",
        GRENADE,
      ),
    ).toBe("unsupported");
    expect(
      status("À Dinan, le logiciel libre a été abandonné parce qu'il coûtait trop cher aux services [1].", DINAN),
    ).toBe("unsupported");
    expect(status("Dinan a arrêté le logiciel libre à cause de pannes répétées du réseau [1].", DINAN)).toBe(
      "unsupported",
    );
  });
  it("does not count the words that say where a reason comes from (« l'exemple de … montre »)", () => {
    expect(
      reasons(
        "La démarche gagne à être adoptée par les services, car l'exemple de Dinan montre qu'elle peut s'interrompre après une alternance [1].",
        DINAN,
      ),
    ).toBe("");
  });
  it("leaves the passage's own reason, in its words or close to them", () => {
    expect(
      reasons(
        "Grenade est revenue à Oracle parce que les agents jugeaient la fiabilité du service insuffisante avec PostgreSQL [1].",
        GRENADE,
      ),
    ).toBe("");
    expect(
      reasons(
        "Dinan a mis fin à sa stratégie open source en raison d'un changement de majorité municipale [1].",
        DINAN,
      ),
    ).toBe("");
  });
});

const AUBAGNE =
  "Aubagne et Linux — Aubagne : combien de postes et combien d'économies ?\n" +
  "Aubagne a migré environ 900 postes vers Linux entre 2012 et 2018 ; la ville a fait état de 3,2 millions d'euros d'économies (La Provence, 2019).";

describe("a figure the passage gives as a party's own claim", () => {
  it("flags it stated as fact", () => {
    expect(status("La ville avait pourtant économisé 3,2 millions d'euros [1].", AUBAGNE)).toBe("unsupported");
    expect(reasons("Aubagne a économisé 3,2 millions d'euros grâce à Linux [1].", AUBAGNE)).toMatch(/fait état/);
  });
  it("leaves it with the reserve kept", () => {
    expect(reasons("La ville a fait état de 3,2 millions d'euros d'économies [1].", AUBAGNE)).toBe("");
    expect(reasons("Selon la ville, Aubagne a économisé 3,2 millions d'euros [1].", AUBAGNE)).toBe("");
    expect(reasons("Aubagne a migré environ 900 postes vers Linux [1].", AUBAGNE)).toBe("");
  });
});

const REC =
  "La directive REC et les collectivités — Ce qu'une commune peut faire dès maintenant\n" +
  "- Vérifier si elle dépasse le seuil envisagé (50 000 habitants) ou si elle exploite un service essentiel, et suivre la publication du décret.\n" +
  "- Tenir à jour la liste de ses installations critiques : elle sert à la fois à la directive REC et au plan de continuité.";

describe("a threshold the passage calls discussed, and advice, stated as the rule", () => {
  it("flags the threshold stated as the rule", () => {
    expect(status("La directive REC s'applique à toutes les communes de plus de 50 000 habitants [1].", REC)).toBe(
      "unsupported",
    );
    expect(reasons("La directive REC s'applique aux communes de plus de 50 000 habitants [1].", REC)).toMatch(
      /envisagé/,
    );
  });
  it("leaves the threshold said to be envisaged", () => {
    expect(reasons("Le seuil envisagé pour la directive REC est de 50 000 habitants [1].", REC)).toBe("");
  });
  it("flags advice restated as a duty, and leaves it as advice", () => {
    expect(status("Elle doit tenir à jour la liste de ses installations critiques [1].", REC)).toBe("unsupported");
    expect(reasons("Elle peut tenir à jour la liste de ses installations critiques [1].", REC)).toBe("");
  });
});

const PLAN =
  "Le comité national du 3 mars 2027 — Deuxième décision : un plan de sobriété par ministère d'ici l'automne 2027\n" +
  "Chaque ministère doit formaliser d'ici l'automne 2027 son propre plan de sobriété numérique (Acteurs publics, mars 2027).";

describe("a season swapped for another of the same year", () => {
  it("flags « l'été 2027 » where the passage says « l'automne 2027 »", () => {
    expect(
      reasons("Le comité a demandé à chaque ministère de formaliser d'ici l'été 2027 un plan de sobriété [1].", PLAN),
    ).toMatch(/automne 2027/);
  });
  it("leaves the passage's own season", () => {
    expect(
      reasons(
        "Le comité a demandé à chaque ministère de formaliser d'ici l'automne 2027 un plan de sobriété [1].",
        PLAN,
      ),
    ).toBe("");
  });
});
