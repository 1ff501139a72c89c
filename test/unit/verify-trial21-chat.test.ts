/**
 * trial21's verifier findings on chat answers (T-H7, T-H9, T-H10, T-M5), on the corpus's own passages as a chat answer
 * cites them (document — section, then the text): a bare « Plus de … » is a negation as « ne … plus » is; a figure of a
 * list item's later part is its label's; a figure the passage vouches for is not swapped for one it calls unconfirmed;
 * the asker's own figure rightly compared with a passage's threshold is the model's deduction.
 */
import { describe, expect, it } from "vitest";
import { askedContext, verifiable } from "../../server/answers/answer.ts";
import { verifyText } from "../../server/verify/index.ts";
import { NEGATION } from "../../server/verify/negation.ts";
import { catalogCards } from "../helpers/passages.ts";

const check = (sentence: string, passage: string, question = "") =>
  verifyText(sentence, [{ n: 1, text: passage }], {
    asked: question ? askedContext([{ role: "user", content: question }]) : [],
    checkUncited: true,
  }).sentences[0]!;

const card = async (id: string) => {
  const found = (await catalogCards()).find((c) => c.id === `catalog/product/${id}#0`);
  if (!found) throw new Error(`no card ${id}`);
  return verifiable(found, 1).text;
};

const ECONOMIES =
  "Coûts et économies : ce que les chiffres publiés permettent (et ne permettent pas) d'affirmer — Les économies publiées\n" +
  "- Gendarmerie nationale : environ 2 millions d'euros par an de licences économisés en remplaçant Microsoft Office\n" +
  "  par OpenOffice (Génération NT, 2008) ; 12 millions d'euros par an après l'abandon complet des licences Windows,\n" +
  "  selon une audition à l'Assemblée nationale (NosDéputés, XVe législature). Le chiffre de 534 millions d'euros\n" +
  "  économisés depuis 2004, cité par la présentation de Millau Grands Causses (2026), n'est pas confirmé.\n" +
  "- Munich : la ville a fait état de 11,7 millions d'euros d'économies avec LiMux, avant de décider en 2017 un retour\n" +
  "  à Windows en invoquant notamment le coût total de possession (Wikipédia, « LiMux », 2025).\n" +
  "- Visio : chaque tranche de 100 000 agents qui quittent une solution sous licence fait économiser environ 1 million\n" +
  "  d'euros par an, selon le gouvernement, qui annonce « plusieurs millions d'euros » par an (Génération NT,\n" +
  "  26 janvier 2026 ; Clubic, 26 janvier 2026).\n" +
  "- Schleswig-Holstein : près de 80 % des licences Microsoft Office résiliées, hors administration fiscale (Heise, 14 novembre 2025).";

const GENDARMERIE =
  "La Gendarmerie nationale et GendBuntu : ses postes de travail sous Linux (2004-2021) — Gendarmerie nationale : les chiffres non confirmés (103 164 postes, 97 %, 534 millions d'euros)\n" +
  "La présentation « Open Source & Souveraineté numérique » de la communauté de communes Millau Grands Causses (2026)\n" +
  "affirme que la Gendarmerie compte 103 164 postes sous Linux, soit 97 % de son parc, qu'elle utilise Linux depuis 2008\n" +
  "et qu'elle a économisé 534 millions d'euros depuis 2004. Les jalons de 2004 et de 2008 sont confirmés par la presse\n" +
  "de l'époque (Le Soleil et Le Monde Informatique, 2008). En revanche, les chiffres de 103 164 postes, de 97 % du parc et\n" +
  "de 534 millions d'euros sont non confirmés : ils n'ont été retrouvés dans aucune autre source. Le dernier chiffre\n" +
  "publié et vérifiable est celui de 80 000 postes, soit 90 % du parc, en 2021 (Rocking Robots, 2021).\n" +
  "\n" +
  "Les économies de la Gendarmerie attestées par des sources publiées sont donc des montants annuels : environ\n" +
  "2 millions puis 12 millions d'euros par an (voir ci-dessus). Le total de 534 millions d'euros depuis 2004 n'est pas\n" +
  "confirmé : il ne figure que dans la présentation de Millau Grands Causses (2026).";

const MUNICH =
  "Munich et LiMux : une migration vers Linux menée à terme, puis le retour à Windows décidé en 2017 — Munich : pourquoi ce cas compte pour une collectivité\n" +
  "LiMux, le projet de la ville de Munich, est la migration municipale vers Linux la plus souvent citée en Europe, en\n" +
  "bien comme en mal. La ville a mené à terme le passage de ses postes à Linux, a annoncé des économies, puis son conseil\n" +
  "municipal a voté le retour à Windows. Ce document présente les faits disponibles et les arguments de chaque camp,\n" +
  "pour qu'un élu ou un DSI puisse en tirer des leçons sans caricature.";

const NIS2 =
  "NIS2 : ce que la transposition change pour les collectivités — Quelles collectivités sont concernées ?\n" +
  "Le seuil discuté pour les collectivités est de 30 000 habitants (InCyber, mars 2024 ; Akant, s. d.). Le 11 mars 2024,\n" +
  "des associations d'élus (Intercommunalités de France, France urbaine et Les Interconnectés) ont alerté sur les\n" +
  "conséquences du texte pour les collectivités (InCyber, mars 2024).\n" +
  "\n" +
  "Le périmètre exact (types de collectivités, seuils, regroupements) dépend du texte définitif et de ses décrets\n" +
  "d'application. Une collectivité doit donc vérifier sa situation une fois la loi promulguée, par exemple auprès de\n" +
  "l'ANSSI.";

describe("« Plus de … » opening a clause is « no more », as « ne … plus » (trial21 T-H7)", () => {
  it("keeps « Windows 7 ne reçoit plus de mises à jour de sécurité depuis le 14 janvier 2020 » citing the Windows 7 card", async () => {
    const w7 = await card("windows-7");
    expect(w7).toContain("Plus de mises à jour de sécurité depuis le 14 janvier 2020");
    for (const sentence of [
      "Windows 7 ne reçoit plus de mises à jour de sécurité depuis le 14 janvier 2020 [1].",
      "Il n'y a plus de mises à jour de sécurité pour Windows 7 depuis le 14 janvier 2020 [1].",
    ])
      expect(check(sentence, w7).reasons).toEqual([]);
  });
  it("flags the opposite, that Windows 7 still gets them since that date", async () => {
    const w7 = await card("windows-7");
    expect(
      check("Windows 7 reçoit toujours des mises à jour de sécurité depuis le 14 janvier 2020 [1].", w7).reasons.join(
        " ",
      ),
    ).toContain("dit le contraire");
  });
  it("reads « plus de » before a figure or an article as a comparison, not a negation", () => {
    expect(NEGATION.test("Plus de mises à jour de sécurité depuis le 14 janvier 2020")).toBe(true);
    expect(NEGATION.test("Plus de 15 000 entités seraient régulées")).toBe(false);
    expect(NEGATION.test("Plus de la moitié des postes sont sous Linux")).toBe(false);
    expect(NEGATION.test("Plus d'un tiers des communes")).toBe(false);
    expect(NEGATION.test("Elle compte plus de 30 000 habitants")).toBe(false);
  });
});

describe("a figure of a list item's later part is its label's (trial21 T-H9)", () => {
  it("flags Munich given the Gendarmerie's 12 millions, as the Gendarmerie given Munich's 11,7 millions", () => {
    expect(check("Munich a économisé 12 millions d'euros par an [1].", ECONOMIES).reasons.join(" ")).toContain(
      "« 12 millions d'euros » est donné pour « Gendarmerie »",
    );
    expect(
      check("La Gendarmerie nationale a fait état de 11,7 millions d'euros d'économies [1].", ECONOMIES).reasons.join(
        " ",
      ),
    ).toContain("est donné pour « Munich »");
  });
  it("keeps a figure of a later part given to its own label (« McAfee Endpoint Security : … ; … 18 aujourd'hui »)", () => {
    const plan =
      "Plan : Sortir de nos dépendances 2027-2029 — Pontcharrais-sur-Gardelle — Données du plan au 30 septembre 2027\n" +
      "McAfee Endpoint Security : en cours, ESET PROTECT est passé de 0 à 30 installations ; 48 installations au départ, 18 aujourd'hui.";
    expect(check("Il reste 18 installations de McAfee [1].", plan).reasons.join(" ")).not.toContain("est donné pour");
  });
  it("keeps each figure with its own item", () => {
    expect(check("Munich a fait état de 11,7 millions d'euros d'économies [1].", ECONOMIES).status).toBe("supported");
    expect(
      check(
        "La Gendarmerie nationale économise 12 millions d'euros par an depuis l'abandon des licences Windows [1].",
        ECONOMIES,
      ).status,
    ).toBe("supported");
  });
});

describe("a figure the passage vouches for is not swapped for one it calls unconfirmed (trial21 T-H10)", () => {
  it("keeps « 80 000 postes … soit 90 % » where the passage calls them the last verifiable figures", () => {
    expect(
      check("La Gendarmerie déclare 80 000 postes de travail sous Linux, soit 90 % de son parc [1].", GENDARMERIE)
        .reasons,
    ).toEqual([]);
  });
  it("still flags the unconfirmed figures, and the vouched figure mixed with an unconfirmed one", () => {
    expect(
      check("La Gendarmerie compte 103 164 postes sous Linux, soit 97 % de son parc [1].", GENDARMERIE).status,
    ).toBe("unsupported");
    expect(
      check("La Gendarmerie déclare 80 000 postes de travail sous Linux, soit 97 % de son parc [1].", GENDARMERIE)
        .status,
    ).toBe("unsupported");
  });
});

describe("the asker's figure rightly compared with the passage's threshold is the model's deduction (trial21 T-M5)", () => {
  const question = "cest quoi nis2 et est ce que ca s'applique a une commune de 3000 habitants";
  it("shows « Une commune de 3 000 habitants est donc en dessous du seuil discuté » as an inference", () => {
    const s = check("Une commune de 3 000 habitants est donc en dessous du seuil discuté [1].", NIS2, question);
    expect(s.status).toBe("inference");
    expect(s.reasons.join(" ")).toContain("« 30 000 habitants »");
  });
  it("does the same above the threshold, for a city of 45 000", () => {
    const s = check(
      "Une ville de 45 000 habitants est donc au-dessus du seuil discuté [1].",
      NIS2,
      "nis2 ca s'applique a une ville de 45000 habitants ?",
    );
    expect(s.status).toBe("inference");
  });
  it("still flags a wrong comparison or a conclusion the threshold does not give", () => {
    for (const sentence of [
      "Une commune de 3 000 habitants est donc au-dessus du seuil discuté [1].",
      "Une commune de 3 000 habitants est donc concernée par NIS2 [1].",
    ])
      expect(check(sentence, NIS2, question).reasons.join(" ")).toContain("vient de la question");
  });
  it("reads « j'ai encore 3 postes » as the asker's own figure (« Vos 3 postes … sont donc à remplacer en priorité »)", async () => {
    const w7 = await card("windows-7");
    const asked = "j'ai encore 3 postes sous windows 7 a la mairie c grave ?";
    expect(askedContext([{ role: "user", content: asked }])).toHaveLength(1);
    expect(check("Vos 3 postes sous Windows 7 sont donc à remplacer en priorité [1].", w7, asked).reasons).toEqual([]);
  });
});

describe("a flag's reason says the fault: « la plupart » drawn from one city, « mené à terme » is done (trial21 T-L2)", () => {
  it("flags « La plupart des villes européennes ont abandonné Linux » as said of most, not as gradual", () => {
    const reasons = check("La plupart des villes européennes ont abandonné Linux [1].", MUNICH).reasons;
    expect(reasons.join(" ")).toMatch(/« (?:La )?plupart des villes » : le passage cité ne le dit pas de la plupart/);
    expect(reasons.join(" ")).not.toContain("progressif");
  });
  it("keeps what the passage says of Munich", () => {
    expect(check("Munich a mené à terme le passage de ses postes à Linux [1].", MUNICH).status).toBe("supported");
  });
});
