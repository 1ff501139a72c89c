/**
 * Extractive answers as a new user met them (trial 3, 5 December 2026), on the real corpus without a model: the
 * product a question names comes before the setting words (« en mairie »), the excerpt keeps the sentence that
 * answers, the « pas confirmé » note lists only what the corpus qualifies, the facts' date is that of the passages
 * that answer, and an abstention speaks the user's own words.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abstentionText } from "../../server/answers/answer.ts";
import { qualificationNote, qualifiedFigures } from "../../server/answers/qualified.ts";
import { askOne, realCorpusEngine } from "../helpers/server.ts";

let real: Awaited<ReturnType<typeof realCorpusEngine>>;
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-answers5-");
}, 120_000);
afterAll(async () => real?.close());

/** The answer to one question on the real corpus (`askOne`). */
const ask = (question: string) => askOne(real.engine, question);

describe("« Peut-on utiliser X en mairie ? »: the product named comes before the setting words", () => {
  it("answers on Nextcloud with its card first, not with the CLOUD Act warning for a mairie", async () => {
    const { sources, text } = await ask("Peut-on utiliser Nextcloud en mairie ?");
    expect(sources[0]).toMatch(/nextcloud/);
    // The CLOUD Act warning « pour une mairie » names no Nextcloud: quoted alone, it made Nextcloud sound exposed.
    expect(text).not.toContain("CLOUD Act");
  });

  it("puts the product's card or page first for Visio, Tchap, Grist and Zoom too", async () => {
    const first = async (q: string) => (await real.engine.retriever.search(q, 8)).results[0]!.document.id;
    expect(await first("Peut-on utiliser Visio en mairie ?")).toMatch(/visio/);
    expect(await first("Peut-on utiliser Tchap en mairie ?")).toMatch(/tchap/);
    expect(await first("Peut-on utiliser Grist en mairie ?")).toMatch(/grist/);
    expect(await first("Peut-on utiliser Zoom en mairie ?")).toMatch(/zoom/);
  });

  it("still finds the CLOUD Act's section for a mairie when that is what is asked", async () => {
    const { results } = await real.engine.retriever.search(
      "Le CLOUD Act peut-il s'appliquer aux données de ma mairie hébergées chez Microsoft ?",
      5,
    );
    expect(results[0]!.id).toBe("guidance/cloud-act-fisa-702#3");
  });
});

describe("the excerpt keeps the sentence that answers", () => {
  it("« Combien de postes … sous Linux ? »: the 2021 figure and which figure is the last verifiable", async () => {
    const { text } = await ask("Combien de postes la Gendarmerie a-t-elle passé sous Linux ?");
    expect(text).toContain("2021 : la Gendarmerie déclare 80 000 postes de travail sous Linux, soit 90 % de son parc");
    expect(text).toContain("Le dernier chiffre publié et vérifiable est celui de 80 000 postes");
  });

  it("« Combien a coûté la migration ? »: the sentence saying no source gives the cost of the migration", async () => {
    const { text } = await ask("Combien a coûté la migration de la Gendarmerie ?");
    expect(text).toContain("ni le coût de la migration");
  });
});

describe("the « pas confirmé » note", () => {
  const section = `- Gendarmerie nationale : environ 2 millions d'euros par an de licences économisés en remplaçant Microsoft Office
  par OpenOffice (Génération NT, 2008) ; 12 millions d'euros par an après l'abandon complet des licences Windows,
  selon une audition à l'Assemblée nationale (NosDéputés, XVe législature). Le chiffre de 534 millions d'euros
  économisés depuis 2004, cité par la présentation de Millau Grands Causses (2026), n'est pas confirmé.
- Munich : la ville a fait état de 11,7 millions d'euros d'économies avec LiMux, avant de décider en 2017 un retour
  à Windows en invoquant notamment le coût total de possession (Wikipédia, « LiMux », s. d.).
- Visio : chaque tranche de 100 000 agents qui quittent une solution sous licence fait économiser environ 1 million
  d'euros par an, selon le gouvernement (Génération NT, 26 janvier 2026).
- Schleswig-Holstein : près de 80 % des licences Microsoft Office résiliées, hors administration fiscale (Heise, 14 novembre 2025).`;

  it("does not carry a bullet's qualifier to the bullets after it", () => {
    expect(qualifiedFigures(section).map((q) => q.figure.raw)).toEqual(["534 millions d'euros"]);
    const quote =
      "- Munich : la ville a fait état de 11,7 millions d'euros d'économies avec LiMux. - Schleswig-Holstein : près de 80 % des licences Microsoft Office résiliées.";
    expect(qualificationNote(quote, section, "Les économies publiées")).toBeNull();
  });

  it("is not printed under the Munich savings", async () => {
    const { text } = await ask("Combien Munich a-t-elle économisé avec LiMux ?");
    expect(text).toContain("11,7 millions");
    expect(text).not.toMatch(/Chiffres que le corpus dit[^)]*11,7/);
  });
});

describe("the date of the facts", () => {
  it("is that of the document that answers, not of a passage quoted beside it, and says when it is over a year old", async () => {
    const { done, text } = await ask("Combien de postes l'armée autrichienne a-t-elle passé sous LibreOffice ?");
    expect(text).toContain("LibreOffice");
    expect(done.factsAsOf).toBe("2025-09-21");
    expect(done.factsOld).toBe(true);
  });

  it("is recent when the answer's document is", async () => {
    const { done } = await ask("Qu'est-ce qui a été décidé au séminaire du 8 avril 2026 ?");
    expect(done.factsAsOf?.startsWith("2026")).toBe(true);
    expect(done.factsOld).toBe(false);
  });
});

describe("olderThanAYear", () => {
  it("counts a year or a month up to its last day", async () => {
    const { olderThanAYear } = await import("../../server/answers/answer.ts");
    expect(olderThanAYear("2021", "2026-12-05")).toBe(true);
    expect(olderThanAYear("2025", "2026-06-01")).toBe(false);
    expect(olderThanAYear("2025-11", "2026-12-05")).toBe(true);
    expect(olderThanAYear("2025-12", "2026-12-05")).toBe(false);
    expect(olderThanAYear("2025-12-04", "2026-12-05")).toBe(true);
    expect(olderThanAYear(null, "2026-12-05")).toBe(false);
  });
});

describe("an abstention, in the user's words", () => {
  it("shows the word the user typed, not the form the checks read (« métro », not « metropole »)", async () => {
    const { text, done } = await ask("Quel est le prix d'un ticket de métro parisien ?");
    expect(done.abstention).not.toBeNull();
    expect(text).not.toContain("metropole");
    expect(text).toContain("« métro »");
    // « Qui va gagner … ? » refused: the reason says what is missing, not « aucun passage ne traite de « Qui va gagner » ».
    expect(abstentionText({ reason: "missing-winner", missing: [], nearest: [] }, "Qui va gagner ?")).toContain(
      "aucun passage ne dit qui l'a emporté",
    );
    expect(abstentionText({ reason: "low-coverage", missing: ["creche"], nearest: [] }, "Des crèches ?")).toContain(
      "« crèches »",
    );
  });

  it("says the corpus covers Nextcloud but not the price asked, rather than that no passage treats Nextcloud", async () => {
    const { text, done } = await ask("Combien coûte Nextcloud pour 200 agents ?");
    expect(done.abstention).not.toBeNull();
    expect(text).not.toMatch(/aucun passage pertinent ne traite de « Nextcloud »/);
    expect(text).toContain("il traite de « Nextcloud », mais aucun de ses passages ne donne le prix demandé");
  });

  it("says the corpus covers the Gendarmerie but has nothing for 2030", async () => {
    const { text } = await ask("Combien de postes la Gendarmerie avait-elle sous Linux en 2030 ?");
    expect(text).toContain(
      "il traite de « Gendarmerie », mais aucun de ses passages ne donne d'information pour « 2030 »",
    );
  });

  it("still says a place the corpus only mentions in passing is not treated", async () => {
    const { text } = await ask("Quel est le budget informatique de la ville de Bordeaux ?");
    expect(text).not.toContain("il traite de « Bordeaux »");
  });
});
