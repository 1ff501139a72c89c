/**
 * « En bref » read aloud in council, what the fifteenth new-user trial (/work/wt/trial15-FINDINGS.md) left open, on the
 * real corpus and, for each rule, reworded questions beside the trial's: a question giving its commune's population is
 * answered by the threshold the corpus discusses (A1); « qui a décidé … » by the decision's own sentence, not a
 * decision of another case that holds the verb (A16); a count of what a named body does by that body's figure, never
 * another case's nor a figure the corpus denies (A20); « c'est vrai qu'on est obligé … » by the passage that qualifies
 * the claim (A3); a sentence whose pronoun stands for what the sentence before names is not read without it (A9); a
 * region's adjective reaches the region's passages (A2); a summary's item saying all the question asks is read (A4);
 * another case's « not documented » is no price of a commune's migration (A5); a follow-up on another law reads that
 * law (A8); phone spellings are read as the words meant (A15).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deniedFigure } from "../../server/answers/qualified.ts";
import { doubledLetter } from "../../server/answers/vocabulary.ts";
import type { Engine } from "../../server/engine.ts";
import { statedThresholds } from "../../server/retrieval/collectivity-scale.ts";
import { needsPrevious } from "../../server/retrieval/passages.ts";
import { qualifiesClaim } from "../../server/retrieval/rank.ts";
import { aliasesIn } from "../../server/retrieval/relevance.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-trial15-");
}, 120_000);
afterAll(async () => real?.close());

/** « En bref » of the answer to a conversation's last question (empty when there is none). */
async function brief(...questions: string[]): Promise<string> {
  const { text, done } = await askConversation(real.engine, ...questions);
  expect(done.abstention).toBeNull();
  return text.split("\n").find((l) => l.startsWith("En bref")) ?? "";
}

describe("a question giving its commune's population (trial15 A1)", () => {
  it("reads the threshold a sentence gives, near the number or not", () => {
    expect(
      statedThresholds("Le seuil discuté pour les collectivités est de 30 000 habitants (InCyber, mars 2024)."),
    ).toEqual([30000]);
    expect(statedThresholds("- les communes de plus de 30 000 habitants ;")).toEqual([30000]);
    expect(
      statedThresholds("Boé, commune d'environ 5 700 habitants, fait fonctionner 95 % de son parc sous Linux."),
    ).toEqual([]);
  });

  it("is answered by the threshold the corpus discusses, not by the duty it says in general", async () => {
    for (const q of [
      "nis2 on est oblige de s y mettre pour une commune de 9000 habitants",
      "Est-ce que NIS2 concerne une commune de 12 000 habitants ?",
    ]) {
      const b = await brief(q);
      expect(b).toContain("Le seuil discuté pour les collectivités est de 30 000 habitants");
      expect(b).not.toMatch(/^En bref : « D'abord, l'obligation/);
    }
  });
});

describe("« qui a décidé … » (trial15 A16)", () => {
  it("is answered by the decision the passages are about, not another case's sentence holding the verb", async () => {
    const b = await brief("qui a decide que l etat quitte windows");
    expect(b).toContain("La DINUM a annoncé qu'elle abandonnait Windows");
    expect(b).toContain("pour ses propres agents");
    expect(b).not.toContain("Munich");
  });
});

describe("a count of what a named body does (trial15 A20)", () => {
  it("a figure a heading of the passage denies, or a sentence of it, is not read aloud", () => {
    const heading = "DINUM : ce que la décision n'est pas (les 3,1 millions de PC de l'État)";
    expect(deniedFigure("La presse a titré que la France remplaçait 3,1 millions d'ordinateurs.", heading)).toBe(true);
    expect(
      deniedFigure("La presse a titré que la France remplaçait 3,1 millions d'ordinateurs.", "DINUM : le parc"),
    ).toBe(false);
    const passage =
      "La presse a titré que l'État remplaçait 3,1 millions d'ordinateurs. Le changement concerne donc environ 300 postes, pas les quelque 3,1 millions de postes de l'État.";
    expect(deniedFigure("La presse a titré que l'État remplaçait 3,1 millions d'ordinateurs.", "", passage)).toBe(true);
    // (The sentence that denies it says it.)
    expect(
      deniedFigure(
        "Le changement concerne donc environ 300 postes, pas les quelque 3,1 millions de postes de l'État.",
        "",
        passage,
      ),
    ).toBe(false);
  });

  it("is answered by that body's figure, not another case's, nor the headline the corpus refutes", async () => {
    for (const q of [
      "combien de postes la dinum passe sous linux",
      "Combien d'ordinateurs la DINUM va-t-elle réellement faire passer sous Linux ?",
    ]) {
      const b = await brief(q);
      expect(b).toMatch(/200 à 250 postes/);
      expect(b).not.toMatch(/15 000|18 000|Munich/);
      expect(b).not.toContain("2,5 millions");
    }
  });
});

describe("« c'est vrai qu'on est obligé … » (trial15 A3)", () => {
  it("a passage saying what is confirmed, its heading on the claim, answers whatever the setting's words", () => {
    const section = "« Mélodie obligatoire » : ce que dit vraiment la présentation";
    const text = "La formule est à nuancer : elle ne vaut que pour les administrations centrales.";
    expect(
      qualifiesClaim("c est vrai qu on est oblige de passer a melodie pour les conseils municipaux", { section, text }),
    ).toBe(true);
    // (Not asked whether it is true; or the heading on another claim.)
    expect(qualifiesClaim("on est oblige de passer a melodie pour les conseils municipaux", { section, text })).toBe(
      false,
    );
    expect(qualifiesClaim("c est vrai qu on est oblige de passer a tchap", { section, text })).toBe(false);
  });

  it("is answered by the sentence that qualifies the claim, not a ministry's duty", async () => {
    const b = await brief("c est vrai qu on est oblige de passer a visio pour les conseils municipaux");
    // (Or, since « visio » typed in lower case is searched again as the name the passages write, the same page's
    // sentence saying the State's decision creates no duty for the collectivités: `subject-names.ts`.)
    expect(b).toMatch(
      /La formule est à nuancer.*ne vaut que pour les services de l'État|concerne les services de l'État ; elle ne crée aucune obligation pour les collectivités/,
    );
    expect(b).not.toContain("sa migration");
  });
});

describe("a pronoun after an opening and an apposition (trial15 A9)", () => {
  it("stands for what the sentence before names", () => {
    expect(needsPrevious("Selon le directeur de l'agence, Jeanne Martin, elle protège contre le FISA.")).toBe(true);
    expect(needsPrevious("Selon le directeur de l'agence, Jeanne Martin, il y a eu trois incidents.")).toBe(false);
    expect(needsPrevious("Selon le directeur de l'agence, Jeanne Martin, la qualification protège.")).toBe(false);
  });

  it("is not read aloud without it", async () => {
    const b = await brief("est ce qu on peut heberger nos donnees chez ovh ca nous protege du cloud act");
    expect(b).not.toMatch(/« Selon le directeur général de l'ANSSI, Vincent Strubel, elle protège/);
  });
});

describe("a region's adjective (trial15 A2)", () => {
  it("stands for the region and its départements the corpus names, not a surname", () => {
    expect(aliasesIn("quelles communes bretonnes sont passees au libre")).toEqual([
      "bretagne",
      "finistere",
      "morbihan",
    ]);
    expect(aliasesIn("des intercommunalités occitanes")).toContain("occitanie");
    expect(aliasesIn("que dit thierry breton du cloud")).toEqual([]);
  });

  it("reaches the Breton passages, and no town of another region is read aloud as the answer", async () => {
    const { text, docs, done } = await askConversation(real.engine, "quelles communes bretonnes sont passees au libre");
    expect(done.abstention).toBeNull();
    expect(docs).toContain("case-studies/linux-quimper-quimper-bretagne-occidentale");
    expect(text).toContain("Morbihan Énergies");
    expect(text.split("\n").find((l) => l.startsWith("En bref")) ?? "").not.toMatch(/Fontaine|Isère/);
  });
});

describe("a check of what a law forbids (trial15 A4)", () => {
  it("is answered by the summary's item saying it, date included", async () => {
    for (const q of [
      "c vrai que le data act interdit les frais de sortie",
      "le Data Act interdit-il les frais de sortie ?",
    ])
      expect(await brief(q)).toContain("frais de sortie interdits à partir du 12 janvier 2027");
  });
});

describe("what a commune's migration costs (trial15 A5)", () => {
  it("is not answered by another case's cost the sources do not document", async () => {
    const b = await brief("combien ca coute a une commune de passer a linux");
    expect(b).not.toContain("ce retour");
    expect(b).toContain("Une migration a aussi un coût");
    // (Asked of that case, it is the answer.)
    expect(await askConversation(real.engine, "combien a coute le retour de munich a windows")).toMatchObject({
      text: expect.stringContaining("ne documentent pas l'achèvement effectif de ce retour ni son coût final"),
    });
  });
});

describe("a follow-up on another law (trial15 A8)", () => {
  it("reads what that law says of collectivités, not the decisions of another text", async () => {
    const b = await brief("nis2 on est oblige pour une commune de 9000 habitants", "et la sren");
    expect(b).toContain("loi SREN");
    expect(b).not.toContain("Les décisions du 8 avril 2026");
  });
});

describe("phone spellings (trial15 A15)", () => {
  it("a letter doubled in a word of a two-word name", () => {
    expect(doubledLetter("datta", "data")).toBe(true);
    expect(doubledLetter("cloudd", "cloud")).toBe(true);
    expect(doubledLetter("dota", "data")).toBe(false);
    expect(doubledLetter("datas", "data")).toBe(false);
  });

  it("are read as the words meant, not refused", async () => {
    for (const [q, doc] of [
      ["kesk on risk avec le cloud act", "guidance/cloud-act-fisa-702"],
      ["le datta act sa change koi pour la mairie", "guidance/droit-europeen-data-act-cra-dma"],
      ["lyon a quite microsoft c vrai", "case-studies/ville-de-lyon"],
    ]) {
      const { done, docs } = await askConversation(real.engine, q!);
      expect(done.abstention).toBeNull();
      expect(docs).toContain(doc);
    }
  });
});
