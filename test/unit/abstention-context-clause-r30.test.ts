/**
 * Answerable questions refused because a clause opening them says why or for what the asker asks (held-out-30, round
 * 26): « pour la réunion d'équipe lundi, stackit appartient à quel groupe », « je monte un dossier pour mon dgs : quelle
 * société porte xcp-ng ». That clause is the question's context, also without a question mark; the names it says
 * (« la réunion ») anchor nothing; a statement after it is the question's statement. On the real corpus, with the
 * unanswerable questions of the same form that must stay refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { openingContextEnd, outsideContext } from "../../server/retrieval/asker/index.ts";
import { statedThenAsked } from "../../server/retrieval/second-ask.ts";
import { outcomeOf } from "../eval/evaluate.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-context-clause-r30-");
}, 120_000);
afterAll(async () => real?.close());
const refused = async (q: string) =>
  outcomeOf(q, await retrieveForAnswer([{ role: "user", content: q }], real.engine)).abstained;
const asked = (q: string) => outsideContext(q).replace(/\s+/g, " ").trim();

describe("how a question opening on why the asker asks is read", () => {
  it("reads a statement before the colon as context without a question mark too", () => {
    expect(asked("je monte un dossier pour mon dgs : quelle société porte xcp-ng")).toBe(
      ": quelle société porte xcp-ng",
    );
    expect(asked("je monte un dossier pour mon dgs : quelle société porte xcp-ng ?")).toBe(
      ": quelle société porte xcp-ng ?",
    );
    // Not an hour, nor what the question then designates (« la Région »).
    expect(asked("la réunion est à 14:30 quel logiciel de visio")).toBe(
      "la réunion est à 14:30 quel logiciel de visio",
    );
    expect(asked("Pays de la Loire : la Région a choisi quel logiciel")).toContain("Pays de la Loire");
  });

  it("cuts what is asked after a clause on why the asker asks, not after another statement", () => {
    const q =
      "je dois répondre à une demande de la direction générale : le dc-edic a son siège à paris, quel est son budget";
    expect(q.slice(openingContextEnd(q)).trim()).toBe("le dc-edic a son siège à paris, quel est son budget");
    expect(statedThenAsked(q)).toEqual({ first: "le dc-edic a son siège à paris", second: "quel est son budget" });
    const p = "pour la réunion d'équipe lundi, stackit appartient à quel groupe";
    expect(p.slice(openingContextEnd(p)).trim()).toBe("stackit appartient à quel groupe");
    // A statement that does not say the asker is what the question is about (« Pays de la Loire : … »).
    expect(openingContextEnd("Pays de la Loire : quel logiciel libre pour la messagerie")).toBe(0);
  });
});

describe("on the real corpus", () => {
  it("answers the question after a clause saying why the asker asks (held-out-30, tuned half)", async () => {
    for (const q of [
      "je monte un dossier pour mon dgs : quelle société porte xcp-ng",
      "je dois répondre à une demande de la direction générale : grist labs est basé où",
      "pour la réunion d'équipe lundi, avec le data act, quel préavis pour changer de cloud",
      "pour la réunion d'équipe lundi, bitdefender, éditeur de quel pays",
      "je fais une synthèse pour le comité de pilotage : nutanix est basé où",
    ])
      expect(await refused(q), q).toBe(false);
  }, 240_000);

  it("still refuses what the corpus does not answer after such a clause", async () => {
    for (const q of [
      "pour la réunion d'équipe lundi, combien d'utilisateurs avait tchap en 2022",
      "je fais une synthèse pour le comité de pilotage : quelles nouveautés dans libreoffice 25.8",
      "pour notre prochaine réunion d'adhérents, quel smartphone acheter pour ma mère de 80 ans",
      "je dois répondre à une demande de la direction générale : le dc-edic a son siège à paris, quel est son budget annuel",
      "pour la réunion d'équipe lundi, quel est le numéro de téléphone de nelly mallet",
      // A setting opening the question names what it asks about (held-out-9).
      "Chez nous au Pays basque, l'agglo a-t-elle un projet de migration vers Linux ?",
      "je suis adjointe aux affaires scolaires, le prestataire de la cantine nous propose un portail de réservation en ligne hébergé on ne sait où ; quel est le nom de ce prestataire et son pays",
    ])
      expect(await refused(q), q).toBe(true);
  }, 240_000);
});
