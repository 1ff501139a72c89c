/**
 * « The corpus says it does not know » (the lead's decision of 6 December 2026): when the passages that cover a
 * question say its figure or fact is not published, the question is answerable, and the answer opens on that sentence
 * with its source (« Le corpus ne le chiffre pas : « … » »). Other products and places than the sets' questions.
 */
import { describe, expect, it } from "vitest";
import { statedBrief, statedSentence } from "../../server/answers/stated-brief.ts";
import { assessAnswerability } from "../../server/retrieval/relevance.ts";
import { lexicon, passage } from "../helpers/abstention.ts";

const mobilix =
  "Mobilix est la plateforme de prêt de vélos de la métropole de Valence. Les sources consultées ne donnent pas le nombre de vélos prêtés chaque mois ni le coût annuel du service.";
const vierzon =
  "Vierzon a adopté en conseil son plan de sortie d'Office. Les sources consultées ne documentent pas le coût final de ce plan.";
const { frequency, names } = lexicon([
  mobilix,
  vierzon,
  "Valence et sa métropole.",
  "Le conseil municipal de Vierzon.",
]);

describe("a figure the corpus says it does not publish", () => {
  it("is answered by the passage that says so, first", async () => {
    const decision = await assessAnswerability(
      "Combien de vélos Mobilix prête-t-il chaque mois ?",
      [passage("Vierzon", vierzon), passage("Mobilix", mobilix)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true, reason: "stated-absent" });
    expect(decision.relevant[0]).toBe(1);
    expect(
      await assessAnswerability("Combien coûte Mobilix par an ?", [passage("Mobilix", mobilix)], frequency, names),
    ).toMatchObject({ answerable: true, reason: "stated-absent", relevant: [0] });
  });

  it("is not said by a sentence on another figure of the same subject (« par combien de voix » : « le coût final »)", async () => {
    expect(
      await assessAnswerability(
        "Par combien de voix le conseil de Vierzon a-t-il adopté son plan de sortie d'Office ?",
        [passage("Vierzon", vierzon)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false });
  });

  it("does not answer a question on something the corpus does not know at all", async () => {
    expect(
      await assessAnswerability(
        "Combien de vélos Bicloo prête-t-il chaque mois à Nantes ?",
        [passage("Mobilix", mobilix)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false });
  });
});

describe("the answer's opening", () => {
  const used = [
    {
      ...passage("Vierzon : sortir d'Office", vierzon, "case-study"),
      id: "a",
      score: 1,
      document: { id: "v", title: "Vierzon : sortir d'Office", kind: "case-study", date: "2026-03" },
    },
    {
      ...passage("Mobilix : le prêt de vélos", mobilix, "case-study"),
      id: "b",
      score: 1,
      document: { id: "m", title: "Mobilix : le prêt de vélos", kind: "case-study", date: "2026-01" },
    },
  ] as unknown as Parameters<typeof statedBrief>[1];

  it("quotes the sentence saying so, with its source, and says the corpus does not give the figure", () => {
    const brief = statedBrief("Combien de vélos Mobilix prête-t-il chaque mois ?", used, [vierzon, mobilix]);
    expect(brief?.text).toMatch(
      /^Le corpus ne le chiffre pas : « Les sources consultées ne donnent pas le nombre de vélos/,
    );
    expect(brief?.text).toContain("(Mobilix, janvier 2026) [2]");
    expect(brief?.quotes).toEqual([{ text: expect.stringContaining("nombre de vélos prêtés"), source: 2 }]);
  });

  it("takes the sentence on the question's subject, a list item as a sentence of its own", () => {
    const list =
      "Les outils :\n- Vélos : 300 en service.\n- Mobilix : application de prêt ; les sources consultées n'en donnent pas de chiffres d'usage.";
    expect(statedSentence("Combien d'usagers pour l'application Mobilix ?", [vierzon, list])).toEqual({
      text: "Mobilix : application de prêt ; les sources consultées n'en donnent pas de chiffres d'usage.",
      source: 2,
    });
    expect(statedSentence("Combien de vélos Mobilix prête-t-il ?", ["Mobilix prête 300 vélos."])).toBeNull();
  });
});

describe("the sentence saying a figure is not published is about what the question counts (trial15 A21)", () => {
  const velibus =
    "Vélibus, le réseau de navettes de la communauté de communes de Ruffec, transporte 12 000 voyageurs par an. Aucun montant d'économies propre à Vélibus n'a été publié dans les sources consultées.";

  it("is not a sentence on another measure (« combien de voyageurs » : « aucun montant d'économies »)", () => {
    expect(statedSentence("combien de voyageurs prend velibus", [velibus])).toBeNull();
    expect(statedSentence("Vélibus, ça fait combien de passagers ?", [velibus])).toBeNull();
  });

  it("still answers the measure it names, or figures in general", () => {
    expect(statedSentence("combien velibus a fait d'économies", [velibus])?.text).toMatch(/^Aucun montant/);
    const usage = "Vélibus roule depuis 2024 ; les sources consultées n'en donnent pas de chiffres de fréquentation.";
    expect(statedSentence("combien de voyageurs prend velibus", [usage])?.text).toMatch(/chiffres de fréquentation/);
  });
});

describe("twenty-fourth series: words of the conversation the corpus writes otherwise", () => {
  const serveur =
    "Le serveur de Cyclopolis est écrit en Python ; son président a donné un entretien au Dauphiné sur le prêt de vélos. Pour obtenir le label Cyclopolis, une commune dépose un dossier. Le plan vélo de Vierzon a coûté 2 millions d'euros en 2024, la hausse de prix des abonnements comprise. À Cyclopolis, outil de prêt, succède l'application Vélopolis.";
  const words = lexicon([serveur, "Le Dauphiné.", "Vierzon.", "La cantine scolaire."]);
  const ask = (q: string) => assessAnswerability(q, [passage("Cyclopolis", serveur)], words.frequency, words.names);

  it("reads a loan word or a spoken word as the corpus's (backend, interview, s'obtient, au final, tarifs)", async () => {
    expect(await ask("Le backend de Cyclopolis c'est du Python ?")).toMatchObject({ answerable: true });
    expect(await ask("Le président de Cyclopolis a donné une interview au Dauphiné ?")).toMatchObject({
      answerable: true,
    });
    expect(await ask("Le label Cyclopolis ça s'obtient comment ?")).toMatchObject({ answerable: true });
    expect(await ask("l'outil de prêt Cyclopolis a un successeur ?")).toMatchObject({ answerable: true });
    expect(await ask("le plan vélo de Vierzon a coûté combien au final ?")).toMatchObject({ answerable: true });
    expect(await ask("Vierzon, les hausses de tarifs des abonnements vélo, ça a coûté combien ?")).toMatchObject({
      answerable: true,
    });
  });

  it("still refuses what the corpus does not speak of, in the same words", async () => {
    expect(await ask("Le backend de Zorglubix c'est du Python ?")).toMatchObject({ answerable: false });
    expect(await ask("les tarifs de la cantine scolaire ont augmenté de combien au final ?")).toMatchObject({
      answerable: false,
    });
  });
});

describe("twenty-fourth series: a word the corpus uses in passing, in a passage that holds the whole question", () => {
  const atelier =
    "Un bon atelier de réparation mêle des bénévoles et des agents des services techniques, pour que les vélos réparés servent vraiment.";
  const others = ["La conduite du changement.", "Les agents de la commune.", "Les services techniques."];
  const words = lexicon([atelier, ...others]);
  const ask = (q: string) =>
    assessAnswerability(q, [passage("Conduite du changement", atelier)], words.frequency, words.names);

  it("is what that passage is about (« pour un atelier de réparation on prend que des bénévoles ? »)", async () => {
    expect(await ask("pour un atelier de réparation de vélos on prend que des bénévoles ?")).toMatchObject({
      answerable: true,
    });
  });

  it("stays a word of another domain when no passage holds the rest of the question", async () => {
    expect(await ask("comment trouver des bénévoles pour la kermesse de l'école ?")).toMatchObject({
      answerable: false,
    });
  });
});

describe("twenty-fourth series: « combien d'astreinte », « combien de remise » ask a sum or a rate", () => {
  const ruling =
    "Le tribunal de Rennes a fixé à Cyclopolis une astreinte de 2 000 euros par jour. Certaines communes ont obtenu de Cyclopolis 30 % de rabais sur les abonnements.";
  const bare = "Le tribunal de Rennes a prononcé une astreinte contre Cyclopolis ; des communes ont négocié un rabais.";
  const words = lexicon([ruling, bare, "Rennes.", "Les communes."]);
  const ask = (q: string, text: string) =>
    assessAnswerability(q, [passage("Cyclopolis", text)], words.frequency, words.names);

  it("is answered by the sum or the percentage", async () => {
    expect(await ask("Cyclopolis doit payer combien d'astreinte par jour ?", ruling)).toMatchObject({
      answerable: true,
    });
    expect(await ask("les communes ont eu combien de rabais chez Cyclopolis ?", ruling)).toMatchObject({
      answerable: true,
    });
  });

  it("is not answered by a passage that gives no figure", async () => {
    expect(await ask("Cyclopolis doit payer combien d'astreinte par jour ?", bare)).toMatchObject({
      answerable: false,
      reason: "missing-figure",
    });
  });
});

describe("twenty-fourth series: more ways the corpus says it does not know", () => {
  it("reads « Aucune source ne fournit … » as one", async () => {
    const formation =
      "Former les agents à Cyclopolis prend une demi-journée. Aucune source ne fournit de coût de formation chiffré pour Cyclopolis.";
    const words = lexicon([formation, "Les agents.", "La formation."]);
    expect(
      await assessAnswerability(
        "Former les agents à Cyclopolis ça coûte combien ?",
        [passage("Cyclopolis", formation)],
        words.frequency,
        words.names,
      ),
    ).toMatchObject({ answerable: true, reason: "stated-absent" });
  });
});

describe("the corpus saying it does not know, of what the question names", () => {
  it("is not an answer when the sentence that says so speaks of none of its names", async () => {
    const guide =
      "Former les agents à un nouvel outil prend du temps. Aucune source ne fournit de coût de formation chiffré pour une migration.";
    const town = "La ville de Vierzon a engagé sa migration vers le libre en 2024.";
    const words = lexicon([guide, town, "Les agents.", "Vierzon."]);
    expect(
      await assessAnswerability(
        "Combien la ville de Vierzon a-t-elle dépensé en formation des agents pour sa migration ?",
        [passage("Conduite du changement", guide), passage("Vierzon", town)],
        words.frequency,
        words.names,
      ),
    ).toMatchObject({ answerable: false });
  });
});
