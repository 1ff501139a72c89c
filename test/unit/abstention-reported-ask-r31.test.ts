/**
 * Answerable questions refused because what is asked is reported by a verb of asking or wondering (held-out-30, round
 * 27): « en préparant le schéma directeur, je me demande docs est construit avec quelles briques techniques », « en
 * bureau communautaire quelqu'un demandait boé c'est quelle taille de commune », « un technicien du service me demande
 * le sénat a adopté le projet résilience quand ». Up to that verb, the question says who asks and where: its context;
 * what follows is the question. And a date said only in a purpose opening the question (« pour la réunion d'équipe
 * lundi, … ») dates why the asker asks, not what is asked. On the real corpus, with the unanswerable questions of the
 * same forms that must stay refused.
 *
 * Tuned half (held-out-30): doc-techno, pol-zrr, edm-quatre-livrables, afr-boe-5700, nis-senat, gri-remplace,
 * arr-lequel (pol-zrr and nis-senat stay refused without their lead too: « labos », « le sénat a adopté … quand »).
 * Untuned half: sre-latombe, vsn-resana-2016, dan-damsgaard, mil-aveyron, cat-projets, cat-deploiement.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { openingContextEnd, outsideContext } from "../../server/retrieval/asker/index.ts";
import { outcomeOf } from "../eval/evaluate.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-reported-ask-r31-");
}, 120_000);
afterAll(async () => real?.close());
const refused = async (q: string) =>
  outcomeOf(q, await retrieveForAnswer([{ role: "user", content: q }], real.engine)).abstained;
const asked = (q: string) => outsideContext(q).replace(/\s+/g, " ").trim();

describe("how a question reported by a verb of asking is read", () => {
  it("reads who asks, and where, as context, up to the verb", () => {
    expect(
      asked("en préparant le schéma directeur, je me demande pourquoi les labos de polytechnique posaient un problème"),
    ).toBe("pourquoi les labos de polytechnique posaient un problème");
    expect(asked("en bureau communautaire quelqu'un demandait boé c'est quelle taille de commune")).toBe(
      "boé c'est quelle taille de commune",
    );
    expect(asked("un technicien du service me demande le sénat a adopté le projet résilience quand")).toBe(
      "le sénat a adopté le projet résilience quand",
    );
    const q = "je me demande si nextcloud est hébergé en france";
    expect(q.slice(openingContextEnd(q)).trim()).toBe("si nextcloud est hébergé en france");
  });

  it("does not read a request, nor a verb whose subject is what is asked about, as a reported question", () => {
    // What follows asks nothing: a request to the assistant, not a question reported.
    expect(asked("un adhérent nous demande écris-moi un poème sur l'automne")).toContain("adhérent");
    // A body asking for a sum is what the question is about.
    expect(asked("broadcom demande combien par cœur pour vsphere")).toContain("broadcom");
    // A noun, not a verb.
    expect(asked("notre demande de subvention dsil, quel délai")).toContain("demande");
  });
});

describe("a statement before the colon that speaks of the question itself", () => {
  it("is context without a question mark, and what follows is the whole question", () => {
    expect(asked("petite question avant le conseil : la prochaine édition d'alposs c'est quand")).toBe(
      ": la prochaine édition d'alposs c'est quand",
    );
    const q = "un collègue élu m'a posé la question ce matin : microsoft pèse combien dans la bureautique en france";
    expect(q.slice(openingContextEnd(q)).trim()).toBe("microsoft pèse combien dans la bureautique en france");
    // « La question des licences : … » names its topic.
    expect(asked("la question des licences microsoft : combien ça coûte")).toContain("licences");
  });
});

describe("on the real corpus", () => {
  it("answers the question after a statement that speaks of it (held-out-30, tuned half)", async () => {
    for (const q of [
      "petite question avant le conseil : une qualification secnumcloud ça dure combien de temps",
      "petite question avant le conseil : la consultation occitanie avec la canut, elle a donné quoi",
    ])
      expect(await refused(q), q).toBe(false);
  }, 300_000);

  it("prices what is asked, not a word of the asker's frame (held-out-30: tuned vmw-61, untuned dil-bilan)", async () => {
    // (vmw-61, « dans le cadre de notre inventaire, broadcom a payé combien vmware », is then read as the asker's own
    // fact: « votre collectivité ».)
    expect(
      await refused(
        "j'ai besoin d'une réponse simple pour les habitants : la migration linux de la dinum a coûté combien finalement",
      ),
    ).toBe(false);
    for (const q of [
      "dans le cadre de notre inventaire, combien nous coûte zoom par an au ccas",
      "dans le cadre de notre inventaire, combien on a payé à ovh l'an dernier",
    ])
      expect(await refused(q), q).toBe(true);
  }, 240_000);

  it("still refuses what the corpus does not answer after a statement that speaks of the question", async () => {
    for (const q of [
      "question pour mon tableau de suivi : c'est quoi le mot de passe du wifi de la salle du conseil",
      "avant la commission finances de jeudi, je voudrais savoir : la collectivité de corse a-t-elle un plan de sortie de microsoft",
      "j'ai besoin d'une réponse simple pour les habitants : de combien microsoft a augmenté ses prix en france en 2019",
      "petite question avant le conseil : combien la région occitanie paie exo platform par an",
      "un collègue élu m'a posé la question ce matin : pourquoi échirolles est-elle revenue à windows en 2026",
      "avant la commission finances de jeudi, je voudrais savoir : combien de collectivités dans france numérique libre en 2026",
      "j'ai besoin d'une réponse simple pour les habitants : combien coûte une piste cyclable au kilomètre",
      "petite question avant le conseil : comment est calculée la dotation globale de fonctionnement",
      "le maire me demande de vérifier : comment modifier le plu de la commune",
      "le maire me demande de vérifier : combien coûte une journée de formation linux pour des agents territoriaux",
      "On voudrait prendre un apprenti : quelle aide financière ?",
    ])
      expect(await refused(q), q).toBe(true);
  }, 400_000);

  it("answers the question reported by a verb of asking (held-out-30, tuned half)", async () => {
    for (const q of [
      "en préparant le schéma directeur, je me demande docs est construit avec quelles briques techniques",
      "en bureau communautaire quelqu'un demandait l'étude des dépendances doit produire quoi à la fin",
      "en bureau communautaire quelqu'un demandait boé c'est quelle taille de commune",
    ])
      expect(await refused(q), q).toBe(false);
  }, 300_000);

  it("answers the question after a purpose opening it that holds a date (held-out-30, tuned half)", async () => {
    for (const q of [
      "pour la réunion d'équipe lundi, grist peut remplacer quoi chez nous concrètement",
      "pour la réunion d'équipe lundi, pour échanger entre agents publics sur le libre, quel réseau",
    ])
      expect(await refused(q), q).toBe(false);
  }, 240_000);

  it("still refuses what the corpus does not answer after such a clause", async () => {
    for (const q of [
      "le maire me demande de vérifier : combien d'agents travaillent à la mairie en ce moment",
      "un adhérent nous demande combien de participants à alposs 2025",
      "un technicien du service me demande windows 12 sera-t-il compatible avec nos logiciels métier",
      "en bureau communautaire quelqu'un demandait combien coûte le déploiement de sécurix par poste",
      "lors de notre permanence, quelqu'un voulait savoir quand tailler les rosiers",
      "un adhérent nous demande écris-moi un poème sur l'automne",
      "en préparant le schéma directeur, je me demande comment faire une recherchev dans excel",
      "lors de notre permanence, quelqu'un voulait savoir raconte-moi une blague",
      "un adhérent nous demande jehan monnier a quel âge",
      "un technicien du service me demande quel est le grade militaire de michael hillebrand",
      "lors de notre permanence, quelqu'un voulait savoir combien de linux faut-il pour remplir une piscine",
      "Adjoint au numérique à Besançon, je me demande combien notre ville a dépensé en licences Microsoft l'an dernier.",
      "pour la réunion d'équipe lundi, combien d'utilisateurs avait tchap en 2022",
    ])
      expect(await refused(q), q).toBe(true);
  }, 400_000);
});
