/**
 * A conclusion the model draws for the commune from the facts it cites (faithful-blind-15, kind « conclusion tirée pour
 * une commune »: 7 of 10 were flagged « non vérifié » because no source writes them): shown as the model's inference
 * (status `inference`) when its names, figures and dates are in what it cites and it contradicts none of it; a legal or
 * sweeping conclusion, one naming what the passage does not, one contradicting it or citing nothing stays checked as a
 * claim (`server/verify/inference.ts`, `server/i18n/fr/inference.txt`). Texts are not the set's.
 */
import { describe, expect, it } from "vitest";
import { message } from "../../server/i18n/messages.ts";
import { verifyText } from "../../server/verify/index.ts";
import { concludesForCommune, statusAfter } from "../../server/verify/inference.ts";

const GDATA = [
  "Produit : G DATA Endpoint Protection — Catalogue, 2026",
  "G DATA Endpoint Protection (antivirus et sécurité) : Antivirus et console de gestion.",
  "Éditeur : G DATA CyberDefense, Allemagne.",
  "Apparaît dans les inventaires sous les noms : G DATA Endpoint Protection ; G DATA Antivirus Business.",
  "Éditeur allemand : propriétaire mais européen, sans contrôle extra-européen connu.",
].join("\n");

const LENOVO = [
  "Produit : Lenovo ThinkCentre / ThinkPad (postes) — Catalogue, 2026",
  "Lenovo ThinkCentre / ThinkPad (postes) (poste de travail) : Ordinateurs de bureau et portables des agents.",
  "Éditeur : Lenovo, Chine. Exposition : loi sur le renseignement national (Chine).",
  "Matériel : pas d'alternative logicielle ; le choix du système (Windows ou Linux) et du constructeur se fait au renouvellement du parc.",
].join("\n");

const RGPD = [
  "Obligations des communes — Guide, 2026",
  "La désignation d'un délégué à la protection des données est obligatoire pour toute autorité publique, quelle que soit sa taille.",
  "Le registre des traitements doit être tenu par chaque commune.",
].join("\n");

/** The single sentence of `text` that starts with `start`. */
const sentence = (text: string, passages: string[], start: string) => {
  const v = verifyText(
    text,
    passages.map((p, i) => ({ n: i + 1, text: p })),
  );
  const s = v.sentences.find((x) => x.text.startsWith(start));
  if (!s) throw new Error(`sentence not found: ${start}`);
  return { s, v };
};

describe("a conclusion for the commune, drawn from what it cites", () => {
  it("is the model's inference when its names are in the passage and only its words are not", () => {
    const { s, v } = sentence(
      "G DATA Endpoint Protection est un antivirus allemand [1]. Son remplacement n'est donc pas une priorité pour réduire les dépendances extra-européennes d'une commune [1].",
      [GDATA],
      "Son remplacement",
    );
    expect(s.status).toBe("inference");
    expect(s.reasons).toEqual([message("verify.inference")]);
    expect(v.counts.inferred).toBe(1);
    expect(v.counts.unsupported).toBe(0);
  });

  it("« une mairie peut donc … », « la commune pourrait donc … »", () => {
    for (const text of [
      "Une mairie peut donc préparer ce choix avant sa prochaine échéance de renouvellement [1].",
      "La commune pourrait donc en tenir compte au prochain renouvellement de ses postes [1].",
      "Pour une mairie, c'est donc une dépendance extra-européenne à prévoir [1].",
    ])
      expect(sentence(text, [LENOVO], text.slice(0, 12)).s.status).toBe("inference");
  });

  it("advice to the reader concludes without a connective (« il vaut mieux »)", () => {
    const text = "Il vaut mieux préparer ce choix avant la prochaine échéance du parc [1].";
    expect(sentence(text, [LENOVO], "Il vaut").s.status).toBe("inference");
  });

  // faithful-blind-16: judgements whatever their subject, what the commune reduces, a nuance of « seul ».
  const ATAL = [
    "Produit : Berger-Levrault Atal — Catalogue, 2026",
    "Berger-Levrault Atal (gestion technique) : Gestion des services techniques et du patrimoine.",
    "Éditeur : Berger-Levrault, France.",
    "Éditeur français, sans contrôle extra-européen connu.",
  ].join("\n");

  it("« Le garder ne crée donc pas de dépendance … », its sweeping or positive twin checked", () => {
    const text =
      "Berger-Levrault est un éditeur français [1]. Le garder ne crée donc pas de dépendance extra-européenne [1].";
    expect(sentence(text, [ATAL], "Le garder").s.status).toBe("inference");
    expect(concludesForCommune("Le garder ne crée donc aucune dépendance pour la commune [1].")).toBe(false);
    expect(concludesForCommune("Le garder crée donc une dépendance extra-européenne [1].")).toBe(false);
  });

  it("« ne suffit donc pas à … », never « suffit donc à … »", () => {
    const text = "Un siège en France ne suffit donc pas à rendre un outil européen [1].";
    expect(sentence(text, [ATAL], "Un siège").s.status).toBe("inference");
    const unsound = "Un siège en France suffit donc à rendre un outil européen [1].";
    expect(concludesForCommune(unsound)).toBe(false);
    expect(sentence(unsound, [ATAL], "Un siège").s.status).toBe("unsupported");
    expect(concludesForCommune("Sa gratuité suffit donc à écarter toute dépendance [1].")).toBe(false);
  });

  it("« est donc le moment de … », « relèverait donc surtout de … »", () => {
    for (const text of [
      "Le renouvellement du parc est donc le moment d'étudier une alternative plutôt qu'un rachat [1].",
      "Remplacer ces postes relèverait donc surtout du calendrier du parc, plus que d'une urgence [1].",
    ])
      expect(sentence(text, [LENOVO], text.slice(0, 12)).s.status).toBe("inference");
    // Without the connective, the same words are a claim.
    const bare = "Le renouvellement du parc est le moment d'étudier une alternative plutôt qu'un rachat [1].";
    expect(sentence(bare, [LENOVO], "Le renouvellement").s.status).toBe("unsupported");
    // A date the passage does not give keeps it unverified.
    const dated = "Le renouvellement du parc de 2027 est donc le moment d'étudier une alternative [1].";
    expect(sentence(dated, [LENOVO], "Le renouvellement").s.status).toBe("unsupported");
  });

  it("what the commune reduces (« réduit donc son exposition »), never what it suppresses", () => {
    const text = "Une commune qui choisit Linux au renouvellement réduit donc son exposition à la loi chinoise [1].";
    expect(concludesForCommune(text)).toBe(false); // « loi »: a legal word, checked as a claim
    const ok = "Une commune qui choisit Linux au renouvellement réduit donc sa dépendance à Lenovo [1].";
    expect(sentence(ok, [LENOVO], "Une commune").s.status).toBe("inference");
    expect(concludesForCommune("Une collectivité qui choisit Linux supprime donc toute dépendance à Lenovo [1].")).toBe(
      false,
    );
  });

  it("« pas seulement » nuances instead of asserting; « seulement » alone stays sweeping", () => {
    const text =
      "Une mairie a donc intérêt à préparer ce choix avec ses services, pas seulement avec son prestataire [1].";
    expect(sentence(text, [LENOVO], "Une mairie").s.status).toBe("inference");
    expect(concludesForCommune("Une mairie peut donc seulement préparer ce choix au renouvellement [1].")).toBe(false);
  });

  it("the same words without a conclusion stay unverified", () => {
    const text = "Les mairies préparent ce choix avant leur prochaine échéance de renouvellement [1].";
    expect(sentence(text, [LENOVO], "Les mairies").s.status).toBe("unsupported");
  });
});

describe("never an inference", () => {
  it("a legal conclusion (trial15 A7: « … n'a donc aucune obligation »)", () => {
    // Its words missing from the passage, it reads « non vérifié », not « déduction ».
    for (const text of [
      "Pour une mairie rurale, confier ce registre à un prestataire extérieur n'est donc pas une obligation [1].",
      "Une mairie rurale peut donc se dispenser de confier ce registre à un prestataire extérieur [1].",
    ])
      expect(sentence(text, [RGPD], text.slice(0, 12)).s.status).toBe("unsupported");
    // Without the words of the law, the same conclusion is the model's.
    const allowed = "Une mairie rurale peut donc confier ce registre à un prestataire extérieur [1].";
    expect(sentence(allowed, [RGPD], "Une mairie").s.status).toBe("inference");
    expect(concludesForCommune("Une commune de 9 000 habitants n'a donc aucune obligation [1].")).toBe(false);
    expect(concludesForCommune("Ce logiciel est donc interdit pour une mairie [1].")).toBe(false);
    expect(concludesForCommune("Pour une mairie, cet usage est donc conforme au RGPD [1].")).toBe(false);
    expect(concludesForCommune("Une mairie peut donc s'en passer sans risque [1].")).toBe(false);
  });

  it("a sweeping conclusion (« ne présente donc aucun risque », « tous les services »)", () => {
    expect(concludesForCommune("Pour une commune, il ne présente donc aucun risque de dépendance [1].")).toBe(false);
    expect(concludesForCommune("Une mairie peut donc le déployer dans tous ses services [1].")).toBe(false);
  });

  it("a conclusion naming what the cited passage does not", () => {
    const text = "Une mairie peut donc remplacer ces postes par des Fairphone avant sa prochaine échéance [1].";
    const { s } = sentence(text, [LENOVO], "Une mairie");
    expect(s.status).toBe("unsupported");
  });

  it("a conclusion carrying a figure the passage does not give", () => {
    const text = "Une mairie peut donc préparer ce choix 18 mois avant sa prochaine échéance [1].";
    expect(sentence(text, [LENOVO], "Une mairie").s.status).toBe("unsupported");
  });

  it("a conclusion contradicting the passage", () => {
    const passage = [
      "Stockage des données — Guide, 2026",
      "Pour une mairie, la question n'est pas où sont stockées ses données, mais qui contrôle l'entreprise qui les héberge.",
    ].join("\n");
    const text = "Pour une mairie, la question est donc d'abord de savoir où sont stockées ses données [1].";
    expect(sentence(text, [passage], "Pour une mairie").s.status).toBe("unsupported");
  });

  it("a conclusion citing nothing", () => {
    const v = verifyText(
      "Une mairie peut donc préparer ce choix avant sa prochaine échéance de renouvellement.",
      [{ n: 1, text: LENOVO }],
      { checkUncited: true },
    );
    expect(v.sentences[0]!.status).not.toBe("inference");
  });

  it("a conclusion about something else than the commune (« Le guide écarte donc … »)", () => {
    expect(concludesForCommune("Le guide tient donc cette maturité pour acquise [1].")).toBe(false);
    expect(concludesForCommune("La migration se ferait donc sans formation pour les agents de la commune [1].")).toBe(
      false,
    );
  });
});

describe("a later check of an inference (`statusAfter`)", () => {
  const s = { status: "inference" as const, reasons: [message("verify.inference")] };
  it("keeps it while its reasons are its own, makes it unsupported when one is added", () => {
    expect(statusAfter(s, s.reasons)).toBe("inference");
    expect(statusAfter(s, [...s.reasons, "« 12 postes » : autre chose"])).toBe("unsupported");
    expect(statusAfter(s, [])).toBe("supported");
    expect(statusAfter({ status: "unsupported", reasons: ["x"] }, ["x"])).toBe("unsupported");
  });
});

describe("a legal or sweeping conclusion the model draws (trial17 D2, D3)", () => {
  const passage = {
    n: 1,
    text: "Chaque ministère doit formaliser d'ici l'automne 2026 un plan de réduction de ses dépendances. Vérifier si la collectivité dépasse le seuil discuté et suivre la publication de la loi et des décrets.",
  };
  const check = (sentence: string) => verifyText(sentence, [passage]).sentences[0]!;

  it("is « non vérifié » even when its words are all in the passage", () => {
    for (const [sentence, word] of [
      ["Les communes doivent donc formaliser d'ici l'automne 2026 un plan de réduction [1].", "doivent"],
      ["La collectivité est donc tenue de formaliser un plan de réduction d'ici l'automne 2026 [1].", "tenue de"],
      ["La collectivité n'a donc aucune publication à suivre [1].", "aucune"],
      // The connective between the verb and its « à » (trial17 D2: « Héberger ses données en France suffit donc à
      // s'en protéger », cited to a passage saying the opposite without the word).
      ["Suivre la publication de la loi et des décrets suffit donc à vérifier le seuil discuté [1].", "suffit"],
    ]) {
      const s = check(sentence!);
      expect(s.status, sentence).toBe("unsupported");
      // An obligation given to collectivités no cited passage imposes on any is said so first (`overstated.ts`).
      expect(s.reasons.join(" "), sentence).toMatch(
        new RegExp(`règle ou un absolu \\(« ${word} »\\)|obligation donnée à « Les communes »`),
      );
    }
  });

  it("leaves alone the same facts without a connective, and a deduction that draws no rule", () => {
    expect(check("Chaque ministère doit formaliser d'ici l'automne 2026 un plan de réduction [1].").status).toBe(
      "supported",
    );
    expect(check("Une collectivité peut donc suivre la publication de la loi et des décrets [1].").status).not.toBe(
      "unsupported",
    );
    expect(check("Le seuil discuté ne suffit donc pas à trancher [1].").status).not.toBe("unsupported");
  });
});
