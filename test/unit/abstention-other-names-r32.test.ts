/**
 * Answerable questions of held-out-31 (round 27) refused because they name a thing otherwise than the corpus does: a
 * demonym for its town (« échirollois »), a description for an institution (« l'administration néerlandaise des
 * routes et des eaux » for Rijkswaterstaat), an acronym the corpus writes in full (« CRPA », « HDH »), an everyday
 * word for the corpus's (« la rentrée » for September, « un officier » for the army, « ce zèle » for
 * over-compliance, « tricolore » for French, « les tombes » for the cemetery). Data, not code: `gazetteer.txt`,
 * `acronyms-in-full.txt`, `synonyms.txt`. On the real corpus, with unanswerable questions these names must not let
 * through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-other-names-r32-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("another name of what the corpus names (held-out-31, tuning half)", () => {
  it.each([
    "quel membre du conseil municipal échirollois a la délégation du libre",
    "qu'est ce que l'administration néerlandaise des routes et des eaux a obtenu du juge contre vmware",
    "la patronne de la direction interministérielle du numérique depuis la rentrée 2022, elle s'appelle comment",
    "quel article du crpa définit les administrations visées par l'article 16",
    "combien de temps entre la création du hdh et sa migration prévue",
    "un officier autrichien qui veut absolument word, il peut encore l'avoir ?",
    "même des banques non américaines ont bloqué le juge, comment on appelle ce zèle",
    "on surveille nos serveurs avec prtg, il y a un équivalent d'un éditeur tricolore",
    "le registre des tombes et des concessions est encore sur papier à la mairie, il existe un logiciel libre pour ça ?",
  ])("answers « %s »", async (q) => {
    expect(await decide(q)).toMatchObject({ answerable: true });
  });

  it("still refuses what the corpus does not say under those names", async () => {
    for (const q of [
      "quel membre du conseil municipal échirollois a la délégation des sports",
      "qu'est ce que l'administration belge des routes et des eaux a obtenu du juge contre vmware",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });
});

describe("another name of what the corpus names (held-out-31, the untuned half, written after measuring it)", () => {
  it.each([
    "un chatbot dont les serveurs sont en suisse, chez un hébergeur genevois",
    "la procédure de la cnam devant le juge administratif repose sur quel article du cja",
    "vérifier en continu que nos serveurs linux respectent la même configuration, un outil hexagonal",
    "francetransfert c'est combien d'utilisateurs ou de fichiers envoyés",
    "si je prends un vps chez hetzner, mes données peuvent être dans quels sites",
  ])("answers « %s »", async (q) => {
    expect(await decide(q)).toMatchObject({ answerable: true });
  });
});
