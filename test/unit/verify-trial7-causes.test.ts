/**
 * Causes of the false sentences the seventh new-user trial saw pass the verifier (trial7 findings A1–A3c: a fake model
 * scripted to write wrong sentences), each in a general form on passages of its own (other subjects than the trial's):
 * the wrong sentence is flagged, the right one still passes.
 */
import { describe, expect, it } from "vitest";
import { check, status } from "../helpers/verify.ts";

describe("A2: a negation whose pronoun stands for a subject written with a quoted name", () => {
  const passage =
    "Le référentiel « Données en confiance » — Ce que cela change pour un département\nLe référentiel « Données en confiance » et ses guides s'adressent aux ministères : ils ne s'imposent pas aux conseils départementaux. Il reste une lecture utile.";
  it("« le référentiel X s'impose aux conseils départementaux » is flagged", () => {
    const wrong = check("Le référentiel Données en confiance s'impose aux conseils départementaux [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("dit le contraire");
  });
  it("the sentence that keeps the negation passes", () => {
    expect(
      status("Le référentiel Données en confiance ne s'impose pas aux conseils départementaux [1].", passage),
    ).toBe("supported");
  });
});

describe("A1, A3b: an opposite qualifier without a negation", () => {
  const passage =
    "Le syndicat mixte de Vallorbe — La bascule de la messagerie\nEn 2019, la directrice des systèmes d'information y jugeait risqué de basculer toute la messagerie des agents vers Zimbra en une seule fois (Revue des territoires, mars 2019). Près de 70 % des comptes ont été migrés en 2021, les écoles étant exclues du décompte.";
  it("« jugeait prudent » where the passage says « jugeait risqué »", () => {
    const wrong = check(
      "La directrice jugeait prudent de basculer toute la messagerie des agents vers Zimbra en une seule fois [1].",
      [passage],
    );
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("dit le contraire");
    expect(
      status(
        "La directrice jugeait risqué de basculer toute la messagerie des agents vers Zimbra en une seule fois [1].",
        passage,
      ),
    ).toBe("supported");
  });
  it("« jugeait prudent » in other words than the passage's, the two words hanging on the same verb", () => {
    const other =
      "Le syndicat mixte de Vallorbe — La bascule\nAvant 2019, la directrice y jugeait risqué de basculer toute la messagerie de Microsoft à Zimbra du jour au lendemain.";
    expect(
      status("À Vallorbe, elle jugeait prudent de basculer toute la messagerie d'un coup vers Zimbra [1].", other),
    ).toBe("unsupported");
    expect(
      status("À Vallorbe, elle jugeait risqué de basculer toute la messagerie d'un coup vers Zimbra [1].", other),
    ).toBe("supported");
  });
  it("« écoles comprises » where the passage says « écoles exclues »", () => {
    expect(status("Près de 70 % des comptes ont été migrés en 2021, écoles comprises [1].", passage)).toBe(
      "unsupported",
    );
    expect(status("Près de 70 % des comptes ont été migrés en 2021, écoles exclues [1].", passage)).toBe("supported");
  });
});

describe("A1, A2, A3: a figure stated more precisely than its passage gives it", () => {
  const passage =
    "Le département de la Creuse — Les chiffres du passage à Linux\nEn 2022, environ 40 % des postes des collèges étaient sous Linux (Rapport annuel, 2023). Le département a économisé 18 000 euros sur ses licences de bureautique. Il a migré entre 900 et 1 200 boîtes aux lettres vers BlueMind, les sources divergeant sur le nombre. La maintenance lui coûte 3 000 euros par an.";
  it("« exactement 40 % » where the passage says « environ 40 % »", () => {
    const wrong = check("Exactement 40 % des postes des collèges étaient sous Linux en 2022 [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("environ");
    expect(status("Environ 40 % des postes des collèges étaient sous Linux en 2022 [1].", passage)).toBe("supported");
    expect(status("40 % des postes des collèges étaient sous Linux en 2022 [1].", passage)).toBe("supported");
  });
  it("« par an » added to an amount the passage gives once", () => {
    const wrong = check("Le département économise 18 000 euros par an sur ses licences de bureautique [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("par an");
    expect(status("Le département a économisé 18 000 euros sur ses licences de bureautique [1].", passage)).toBe(
      "supported",
    );
    expect(status("La maintenance coûte au département 3 000 euros par an [1].", passage)).toBe("supported");
  });
  it("a range's bound stated as the figure", () => {
    const wrong = check("Le département a migré 1 200 boîtes aux lettres vers BlueMind [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("entre 900 et 1 200");
    expect(status("Le département a migré entre 900 et 1 200 boîtes aux lettres vers BlueMind [1].", passage)).toBe(
      "supported",
    );
    expect(status("Le département a migré jusqu'à 1 200 boîtes aux lettres vers BlueMind [1].", passage)).toBe(
      "supported",
    );
  });
});

describe("A3: « le seul » where the passage names others", () => {
  const passage =
    "Le prix Villes internet 2024 — Les lauréats\nLe prix Villes internet 2024 a distingué douze collectivités. Cinq arobases : Lannion, Mérignac et la communauté de communes du Pays de Pouzauges.";
  it("« Lannion est la seule commune à avoir obtenu cinq arobases » is flagged", () => {
    const wrong = check("Lannion est la seule commune à avoir obtenu cinq arobases au prix Villes internet 2024 [1].", [
      passage,
    ]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("la seule commune");
  });
  it("the same without uniqueness, or where the passage says it, passes", () => {
    expect(status("Lannion a obtenu cinq arobases au prix Villes internet 2024 [1].", passage)).toBe("supported");
    const only =
      "Le prix Villes internet 2024 — Les lauréats\nLannion est la seule commune bretonne à avoir obtenu cinq arobases au prix Villes internet 2024.";
    expect(status("Lannion est la seule commune bretonne à avoir obtenu cinq arobases en 2024 [1].", only)).toBe(
      "supported",
    );
  });
});

describe("A1, A2: a possibility or an unconfirmed point stated as done", () => {
  const passage =
    "Le groupement d'achat régional — Le contrat de maintenance\nDepuis mars 2023, la société Arawa est titulaire du contrat de maintenance, conclu pour 24 mois renouvelables deux fois, soit jusqu'en mars 2029 au plus tard. La fusion des deux syndicats a été votée en juin 2025. Point non confirmé : nous n'avons pas pu vérifier la mise en œuvre de la fusion après janvier 2026.";
  it("« a été renouvelé jusqu'en mars 2029 » where the passage says « renouvelables »", () => {
    const wrong = check("Le contrat de maintenance a été renouvelé jusqu'en mars 2029 [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("renouvelables");
    expect(status("Le contrat de maintenance peut être renouvelé jusqu'en mars 2029 au plus tard [1].", passage)).toBe(
      "supported",
    );
    expect(status("Arawa est titulaire du contrat de maintenance depuis mars 2023 [1].", passage)).toBe("supported");
  });
  it("« a été confirmée » where the passage says « Point non confirmé »", () => {
    const wrong = check("L'extension du contrat aux communes a été confirmée en janvier 2026 [1].", [
      `${passage} Une extension du contrat aux communes était envisagée (Sud Ouest, 12 janvier 2026).`,
    ]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("non confirmé");
    expect(status("La fusion des deux syndicats a été votée en juin 2025 [1].", passage)).toBe("supported");
  });
});

describe("A3b, A3c: what the passage warns against", () => {
  it("a phrase the passage calls inexact, stated as fact", () => {
    const passage =
      "La région Occitanie — Ce que dit la plaquette, et la nuance nécessaire\nLa plaquette du salon qualifie la région de « première région 100 % libre ». Cette formulation doit être nuancée : les lycées utilisent encore Windows. Parler de « région 100 % libre » est donc inexact.";
    const wrong = check("L'Occitanie est la première région 100 % libre de France [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("inexact");
    expect(status("Les lycées de la région Occitanie utilisent encore Windows [1].", passage)).toBe("supported");
    // Reported in quotes, as the plaquette says it: not stated.
    expect(status("La plaquette qualifie l'Occitanie de « première région 100 % libre » [1].", passage)).toBe(
      "supported",
    );
  });
  it("« libre » and « européen » joined where the passage says one does not mean the other", () => {
    const passage =
      "La plateforme Collab'Est — Les logiciels\nCollab'Est réunit Nextcloud et Mattermost. Nuance importante : « libre » ne veut pas dire « européen ». Mattermost appartient à une société américaine.";
    const wrong = check("Collab'Est repose sur des logiciels libres d'éditeurs européens, dont Mattermost [1].", [
      passage,
    ]);
    expect(wrong.status).toBe("unsupported");
    expect(status("Collab'Est réunit des logiciels libres, dont Nextcloud et Mattermost [1].", passage)).toBe(
      "supported",
    );
  });
  it("« selon X » where the passage says it is « non X »", () => {
    const passage =
      "La commune de Pessac — Où en est-elle ?\nSelon l'association Aquilenet, Pessac a quitté Google Workspace en 2024. C'est l'appréciation d'une association militante, non un rapport officiel de la commune.";
    const wrong = check("Selon le rapport officiel de la commune, Pessac a quitté Google Workspace en 2024 [1].", [
      passage,
    ]);
    expect(wrong.status).toBe("unsupported");
    expect(status("Selon l'association Aquilenet, Pessac a quitté Google Workspace en 2024 [1].", passage)).toBe(
      "supported",
    );
  });
});

describe("A1, A2, A4: a person or an institution put in another's role", () => {
  const passage =
    "Lannion : une ville qui mise sur le libre — Lannion : qui porte le projet\nLe conseil municipal a créé en 2020 le poste de directrice de la transformation et des usages numériques ; Sophie Le Goff l'occupe depuis 2020 (Ouest-France, 3 mars 2021). Au sein de la majorité, le conseiller délégué Yann Morvan est chargé des données publiques. L'examen du schéma par la commission numérique de la Région Bretagne était prévu le 3 mars 2026, avec Yann Morvan pour rapporteur. Le Département des Côtes-d'Armor a voté le texte en 2025.";
  it("« X occupe le poste de directrice de … » where the passage gives the post to Y", () => {
    const wrong = check(
      "Yann Morvan occupe depuis 2020 le poste de directrice de la transformation et des usages numériques [1].",
      [passage],
    );
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("Sophie Le Goff");
    expect(
      status(
        "Sophie Le Goff occupe depuis 2020 le poste de directrice de la transformation et des usages numériques [1].",
        passage,
      ),
    ).toBe("supported");
    expect(status("Le conseiller délégué Yann Morvan est chargé des données publiques [1].", passage)).toBe(
      "supported",
    );
  });
  it("the other person named in an aside of the same sentence does not hold the post", () => {
    const aside =
      "Gouvernance — Le rôle de l'élu\n- À Lannion, les élus ont créé un poste de directrice de la transformation et des usages numériques, confié à Sophie Le Goff (Ouest-France, 2021 ; un conseiller délégué, Yann Morvan, est chargé des données publiques).";
    expect(status("Yann Morvan dirige la transformation numérique de Lannion [1].", aside)).toBe("unsupported");
  });
  it("« X dirige la transformation numérique » (a verb for the post)", () => {
    expect(status("Yann Morvan dirige depuis 2020 la transformation numérique de la ville [1].", passage)).toBe(
      "unsupported",
    );
  });
  it("« rapporteur au Département » where the passage names the Région", () => {
    const wrong = check("Yann Morvan était le rapporteur du schéma au Département [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(status("Yann Morvan était le rapporteur du schéma à la Région Bretagne [1].", passage)).toBe("supported");
  });
});

describe("A3: a thing swapped for another of the same kind (« logiciel de X » for « logiciel de Y »)", () => {
  const passage =
    "Autres communes — Vitré : les chiffres\nVitré a basculé 97 % de ses postes sous Debian. Les 3 % de postes restés sous Windows sont liés à un logiciel de cartographie incompatible avec Linux.";
  it("« un logiciel de comptabilité » where the passage says « un logiciel de cartographie »", () => {
    const wrong = check(
      "Les 3 % de postes restés sous Windows dépendent d'un logiciel de comptabilité incompatible avec Linux [1].",
      [passage],
    );
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("cartographie");
    expect(
      status(
        "Les 3 % de postes restés sous Windows dépendent d'un logiciel de cartographie incompatible avec Linux [1].",
        passage,
      ),
    ).toBe("supported");
  });
  it("a name or a pronoun after « de » is not a swapped thing", () => {
    const named =
      "Autres communes — Vitré : le référent\nLe référent de la commune de Vitré suit les 3 % de postes restés sous Windows, autour de ces logiciels.";
    expect(status("Le référent de Vitré suit les 3 % de postes restés sous Windows [1].", named)).toBe("supported");
    expect(status("Le référent suit les 3 % de postes restés sous Windows, autour d'eux [1].", named)).toBe(
      "supported",
    );
  });
});

describe("no false flag of these rules on faithful paraphrases (scripted suite, round 10)", () => {
  it("a counted noun in other words, an infinitive in other words, a company founded in a year", () => {
    const passage =
      "Le plan régional — La messagerie\nLa Région envisageait de remplacer sa messagerie Exchange par BlueMind. Elle parle de 2,1 millions de postes gouvernementaux. Éditeur grenoblois fondé en 1985, la société Alpes Logiciel vend la gamme Cité Plus.";
    expect(status("La Région envisageait de substituer sa messagerie Exchange par BlueMind [1].", passage)).toBe(
      "supported",
    );
    expect(status("Elle parle de 2,1 millions d'ordinateurs gouvernementaux [1].", passage)).toBe("supported");
    expect(status("Éditeur grenoblois fondé en 1985, il vend la gamme Cité Plus [1].", passage)).toBe("supported");
  });
});

describe("A2: an act the passage says its author denies, stated as done", () => {
  const passage =
    "La panne du service Atlas (2024) — Atlas : la version de l'éditeur, qui conteste avoir suspendu le service\nL'éditeur Nuvola a déclaré qu'il n'avait ni interrompu ni bridé le service Atlas pour la préfecture en tant que client.";
  it("« Nuvola a suspendu le service Atlas » is flagged", () => {
    const wrong = check("Oui, Nuvola a suspendu tout le service Atlas de la préfecture en 2024 [1].", [passage]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("conteste avoir suspendu");
    // Attributed to who says it, the act is reported, not stated.
    const reported = check("Selon la préfecture, Nuvola a suspendu le service Atlas en 2024 [1].", [passage]);
    expect(reported.reasons.join(" ")).not.toContain("conteste avoir");
    // The denial itself, said by the sentence, states no act.
    const denial = check("Nuvola conteste avoir suspendu le service Atlas de la préfecture [1].", [passage]);
    expect(denial.reasons.join(" ")).not.toContain("conteste avoir");
  });
});
