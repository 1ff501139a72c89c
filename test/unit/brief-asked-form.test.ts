/**
 * « En bref » read aloud answers what the question asks by its form (trial25 T-M4, T-M6): whether the asker is
 * obliged (the sentence saying collectivités are not, before one saying another law does not apply), the actor of a
 * decision asked (another body's decision is not read as its own), a judgement of a price (the corpus's prices), a
 * place the passages only name as where something else is. Passages written for the test, on places and texts that
 * are not the corpus's.
 */
import { describe, expect, it } from "vitest";
import { dutyActor } from "../../server/answers/asked-form.ts";
import { asksOwnDuty } from "../../server/answers/duty-denial.ts";
import { answerPoints, dutyDeniedPoint, ownYears } from "../../server/drafting/answer-points.ts";
import { briefFor, passageOf } from "../helpers/passages.ts";

describe("an obligation asked by the asker of itself (« on est obligés de … ? »)", () => {
  const used = [
    passageOf(
      "lycee#1",
      "Le lycée de Varambon renonce à migrer vers Kalio 365 (2025)",
      "Le levier juridique utilisé ici est propre à l'enseignement secondaire : la priorité de l'article L.412-9 ne s'applique pas aux communes, départements ou régions. Pour les collectivités, le texte de référence est l'article 12 de la loi de 2018, qui s'applique bien à elles mais se contente d'encourager les logiciels ouverts, sans créer d'obligation.",
    ),
  ];
  it("reads first the sentence saying collectivités are not obliged", () => {
    const brief = briefFor("on est obligés de quitter kalio ?", used);
    expect(brief?.quotes[0]?.text).toContain("sans créer d'obligation");
  });
});

describe("a decision asked of an actor no passage names", () => {
  const used = [
    passageOf(
      "varambon#0",
      "Ville de Varambon : sortir de Kalio",
      "Le lundi 12 mai 2025, la Ville de Varambon a annoncé qu'elle remplacerait progressivement les logiciels de Kalio par des solutions libres, au nom de sa souveraineté numérique (Europe Hebdo, mai 2025).",
    ),
  ];
  it("says the passages do not tell that actor's decision, and reads no other body's as its own", () => {
    const brief = briefFor("qu'est ce que l'europe a decide sur la souverainete numerique en 2025", used);
    expect(brief?.text ?? "").not.toContain("Ville de Varambon a annoncé");
    expect(brief?.text).toContain("« l'europe »");
  });
  it("reads the decision when a sentence names the actor", () => {
    const named = [
      ...used,
      passageOf(
        "ue#0",
        "Les décisions européennes de 2025",
        "En 2025, l'Union européenne a décidé de créer un consortium pour les communs numériques.",
        "guidance",
      ),
    ];
    const brief = briefFor("qu'est ce que l'union europeenne a decide sur les communs en 2025", named);
    expect(brief?.quotes[0]?.text).toContain("l'Union européenne a décidé");
  });
});

describe("a judgement of a price asked (« c'est cher ? »)", () => {
  const used = [
    passageOf(
      "autres#0",
      "Autres collectivités : Lavalette",
      "Lavalette, commune d'environ 5 000 habitants, fait fonctionner 90 % de son parc de postes sous Linux.",
    ),
    passageOf(
      "prix#0",
      "Les prix de Kalio",
      "Les hausses de prix de Kalio :\n- Au 1er mars 2022, les prix catalogue ont augmenté : Kalio 365 E1 de 6,70 à 8,40 euros (+25 %), Kalio 365 E3 de 31,50 à 35,40 euros (+12 %) (Silicon.fr, mars 2022).\n- Mouvement inverse : Kalio a baissé ses prix cloud en euros de 7,4 % au 1er février 2026.",
      "guidance",
    ),
  ];
  it("reads the prices the corpus gives, not another commune's size", () => {
    const brief = briefFor(
      "on est une commune de 3000 habitants avec 25 postes, on paye kalio 365 environ 9000 euros par an, c'est cher ?",
      used,
    );
    expect(brief?.quotes[0]?.text).toContain("35,40 euros");
  });
});

describe("a place the passages only name as where something else is", () => {
  const used = [
    passageOf(
      "saintmartin#1",
      "Saint-Martin : une commune du logiciel libre",
      "Avant Saint-Martin, Jean Dupuy a été DSI de la ville de Fontbelle, qui a basculé ses postes sous Linux à partir de 2014.",
    ),
    passageOf(
      "prestataire#0",
      "Lumio : un prestataire du libre",
      "Lumio est une société coopérative fondée en 2012 à Valdrac, qui installe des postes sous Linux.",
      "ecosystem",
    ),
  ];
  it("says the passages do not speak of it, before anything else", () => {
    const brief = briefFor("valdrac ils en sont ou avec linux", used);
    expect(brief?.text).toMatch(/^En bref : Les passages cités ne parlent pas de « Valdrac »/);
    expect(brief?.text ?? "").not.toContain("fondée en 2012");
  });
  it("says nothing of the kind when a passage is about it", () => {
    const brief = briefFor("saint-martin ils en sont ou avec linux", used);
    expect(brief?.text ?? "").not.toContain("ne parlent pas de");
  });
});

describe("a note asking whether the collectivité must do something, the subject after the verb", () => {
  const passages = [
    passageOf(
      "kalio-act#0",
      "Le KALIO Act : ce qu'il change pour une commune",
      "Le KALIO Act permet aux autorités d'un pays tiers de demander des données. Ce que le KALIO Act ne change pas : il ne rend pas illégal pour une commune l'usage de ces services.",
      "guidance",
    ),
  ];
  it("opens « L'essentiel » on the sentence saying there is no such duty", () => {
    const question =
      "La commune doit-elle quitter Kalio Analytics avant la fin du contrat, et combien cela coûterait-il ?";
    expect(dutyDeniedPoint(question, passages)?.sentence).toContain("ne rend pas illégal");
  });
});

describe("why one should leave a product (« pourquoi devrait-on quitter … »)", () => {
  const used = [
    passageOf(
      "catalog/publisher/kalio",
      "Éditeur : Kalio",
      "Kalio (Kalio Corporation) : éditeur, siège : États-Unis. Exposition à des lois extra-européennes : CLOUD Act (États-Unis). Éditeur de Kalio Office et Kalio Mail.",
      "catalog",
    ),
    passageOf(
      "lander#2",
      "Le Land de Norderheim quitte Kalio",
      "Selon heise (novembre 2025), près de 80 % des licences Kalio Office ont été résiliées.",
    ),
  ];
  it("reads the card's exposure, not another body's count of licences cancelled", () => {
    const brief = briefFor("pourquoi devrait-on quitter kalio", used);
    expect(brief?.quotes[0]?.text).toMatch(/^Exposition à des lois/);
  });
});

describe("a contract's end with its month (« avant la fin du contrat en juin 2027 »)", () => {
  it("is the note's own situation, not a year asked", () => {
    expect(
      ownYears(
        "La commune doit-elle quitter Kalio avant la fin du contrat en juin 2027, et combien cela coûterait-il ?",
      ),
    ).toEqual(["2027"]);
  });
});

describe("what an actor imposes, asked (« l'agence elle impose quoi aux petites communes »)", () => {
  const used = [
    passageOf(
      "seminaire#0",
      "Le séminaire du 3 mars",
      "La DIRNUM a co-organisé le séminaire interministériel du 3 mars 2026 avec la DGE et l'ANSEC.",
      "guidance",
    ),
  ];
  it("says the passages report no duty of it, when no sentence says one", () => {
    const brief = briefFor("l'ansec elle impose quoi aux petites communes", used);
    expect(brief?.text).toBe("En bref : Les passages cités ne rapportent aucune obligation imposée par « l'ansec ».");
  });
  it("reads the duty when a sentence says one of it", () => {
    const withDuty = [
      ...used,
      passageOf(
        "ansec#0",
        "L'ANSEC et les collectivités",
        "L'ANSEC impose aux communes de plus de 30 000 habitants de déclarer leurs incidents.",
        "guidance",
      ),
    ];
    const brief = briefFor("l'ansec elle impose quoi aux petites communes", withDuty);
    expect(brief?.text ?? "").not.toContain("aucune obligation imposée");
  });
});

describe("a sentence the corpus says is unconfirmed, in « L'essentiel »", () => {
  const passages = [
    passageOf(
      "reseau#0",
      "Renouvellements de contrats Kalio",
      "Un commentateur a relevé qu'au même moment le ministère venait de renouveler son contrat Kalio 365 de quatre ans au lieu de passer à une messagerie européenne (Mastodon, avril 2026) ; il s'agit d'un commentaire sur un réseau social, non confirmé par une seconde source.",
      "guidance",
    ),
    passageOf(
      "messagerie#0",
      "Messageries européennes",
      "Une messagerie européenne se choisit à l'échéance du contrat.",
      "guidance",
    ),
  ];
  it("comes after a sentence that answers without such a reserve", () => {
    const points = answerPoints(
      "Faut-il renouveler le contrat Kalio 365 ou passer à une messagerie européenne ?",
      passages,
      1,
    );
    expect(points[0]?.sentence).toContain("se choisit à l'échéance");
  });
});

describe("a decision asked (« qu'est-ce que le gouvernement a décidé en avril 2026 »)", () => {
  const used = [
    passageOf(
      "avant#0",
      "Avant le 3 avril 2026 : les annonces de l'hiver",
      "Entre janvier et mars 2026, le gouvernement a multiplié les annonces sur la souveraineté numérique.",
      "guidance",
    ),
    passageOf(
      "dirnum#0",
      "La DIRNUM passe ses postes à Linux (décision du 3 avril 2026)",
      "La DIRNUM a annoncé qu'elle abandonnait Windows au profit de postes sous Linux pour ses propres agents (Webiano, avril 2026).",
    ),
  ];
  it("reads the sentence saying a decision, whatever its words for it", () => {
    const brief = briefFor("qu'est-ce que le gouvernement a decide en avril 2026", used);
    expect(brief?.quotes[0]?.text).toContain("a annoncé qu'elle abandonnait Windows");
  });
});

describe("forms that ask something else", () => {
  it("a duty imposed in the past, asked as a fact, asks no actor's duties", () => {
    expect(dutyActor("Est-il prouvé que des responsables politiques ont imposé Kalio aux armées ?")).toBeNull();
    expect(dutyActor("l'ansec elle impose quoi aux petites communes")?.written).toBe("l'ansec");
  });
  it("a claim asked to be confirmed is answered by the sentence saying it is unconfirmed", () => {
    const passages = [
      passageOf(
        "facture#0",
        "Région Vallorie : le coût",
        "Un article affirme que le passage à Lumio a divisé la facture de la Région Vallorie par quatre (Clubic, s. d.) : ce chiffre n'a pas été confirmé par une autre source.",
        "guidance",
      ),
      passageOf(
        "vallorie#0",
        "Région Vallorie : la messagerie",
        "La Région Vallorie envisageait de remplacer sa messagerie Kalio par Lumio.",
      ),
    ];
    const points = answerPoints(
      "C'est vrai que la Région Vallorie a divisé sa facture par quatre en quittant Kalio ?",
      passages,
      1,
    );
    expect(points[0]?.sentence).toContain("n'a pas été confirmé");
  });
});

describe("the asker as the subject of the duty asked", () => {
  it("is the asker opening the question, not a text obliging « nous »", () => {
    expect(asksOwnDuty("on est obligés de quitter kalio ?")).toBe(true);
    expect(asksOwnDuty("est-ce qu'on est obligés de quitter kalio ?")).toBe(true);
    expect(asksOwnDuty("la loi vorn nous oblige déjà à héberger nos données sensibles ?")).toBe(false);
  });
  it("a place asked as a complement is not what the question is about", () => {
    const used = [
      passageOf(
        "projet#0",
        "Le projectathon",
        "Les deux pays ont réuni sept pays lors d'un projectathon à Valdrac le 13 septembre 2024.",
        "guidance",
      ),
    ];
    expect(briefFor("le projectathon organisé à valdrac, jour et mois ?", used)?.text ?? "").not.toContain(
      "ne parlent pas de",
    );
  });
});

describe("a place named as the subject of a claim to confirm", () => {
  it("is not said named in passing", () => {
    const used = [
      passageOf(
        "kalio#0",
        "Éditeur : Kalio",
        "Kalio : éditeur, siège à Valdrac (État de Washington). Kalio a baissé ses prix de 7,4 % en février 2026.",
        "guidance",
      ),
    ];
    expect(
      briefFor("c'est vrai que valdrac a fait l'inverse d'une hausse en février 2026 ?", used)?.text ?? "",
    ).not.toContain("ne parlent pas de");
  });
});
