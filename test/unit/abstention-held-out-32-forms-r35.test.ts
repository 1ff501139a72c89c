/**
 * Unanswerable questions of the burned held-out-32 (and held-out-31, held-out-30) sets still answered at dbaf23f9
 * (premises35): private facts about a person the corpus names, advice for the asker's own purchase or home, a false
 * premise, read on their form. The list of 67 is in `/work/notes/premises35-list.txt`, cut in list order before any
 * rule: ranks 1–34 tuned (all of held-out-32's), 35–67 untuned. Each form also on other subjects than the set's;
 * guards: answerable questions of the same form. On the real corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { negatedState } from "../../server/retrieval/premise.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-held-out-32-forms-r35-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("a private fact about a person named by a first name (`personal-data.txt`, « (prénom) »)", () => {
  it("abstains when no sentence read says it of them", async () => {
    for (const q of [
      "matthieu faure vit dans quelle ville",
      "le profil linkedin de nicolas vivant",
      "l'adjoint lyonnais bertrand maes est écologiste ou socialiste",
      "qui remplace karim khan à la cpi",
      "stéfane fermigier a fondé quelles entreprises",
      "nelly mallet est à la région depuis combien de temps",
      "sébastien lecornu est ministre de quoi aujourd'hui",
      // Other persons of the corpus.
      "frédéric couchet vit dans quelle ville",
      "le compte linkedin de pierre baudracco",
      "qui a remplacé nicolas guillou à la cpi",
      // The sentence after one naming them speaks of them only by a pronoun (« FNL est né … » is not their birth):
      // held-out-25, 26, 29.
      "nicolas vivant est ne en quelle annee",
      "nicolas vivant, le dsi d'echirolles, il est ne en quelle annee",
      "matthieu faure de l'adullact a quel âge aujourd'hui",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers what the corpus says of them, and the same words of a product", async () => {
    for (const q of [
      "qui a succédé à cédric thomas à la tête d'ow2",
      "qui est nelly mallet",
      "que dit nelly mallet des agents de la région",
      "qui remplace Microsoft Teams à la CNAM",
      "qui est matthieu faure",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("the asker's own computer or a computer to buy (`off-topic-subjects.txt`)", () => {
  it("abstains", async () => {
    for (const q of [
      "quel antivirus gratuit pour mon pc perso à la maison",
      "quel pc portable acheter pour un bénévole à moins de 400 euros",
      "quel ordinateur acheter pour la secrétaire de mairie",
      "quel navigateur installer sur mon pc perso",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers an antivirus, a browser or a purchase of the commune's", async () => {
    for (const q of [
      "quel antivirus européen pour les postes de la mairie",
      "acheter des pc reconditionnés pour les écoles, c'est possible via l'ugap ?",
      // (Not « à la maison » alone: « un agent peut-il travailler à la maison sur nextcloud ? » is telework.)
      "un agent peut-il travailler à la maison sur nextcloud ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a premise that its subject lost a state (`premise.ts`, `premise-lost-states.txt`)", () => {
  it("reads the state lost", () => {
    expect(negatedState("puisque libreoffice n'est plus maintenu depuis 2025")).toBe("maintenu");
    expect(negatedState("tchap n'existe plus")).toBe("existe");
    expect(negatedState("libreoffice est maintenu")).toBeNull();
    // Not what the asker no longer has or does.
    expect(negatedState("on n'a plus les moyens pour photoshop")).toBeNull();
    expect(negatedState("l'argent que la gendarmerie ne depense plus en licences windows")).toBeNull();
  });

  it("abstains when no passage read says it of its subject", async () => {
    for (const q of [
      "puisque libreoffice n'est plus maintenu depuis 2025, vers quelle suite migrer",
      "puisque tchap n'existe plus, on passe à quoi",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers a state lost the corpus says", async () => {
    for (const q of [
      "puisque arcmap n'est plus développé, vers quoi migrer",
      "libreoffice est maintenu par qui",
      // held-out-31, held-out-14, held-out-24 (an attack the corpus tells in other words: « attaqué » is no event read).
      "l'argent que la gendarmerie ne dépense plus en licences windows, qu'en a-t-elle fait",
      "On n'a plus les moyens pour Photoshop, quels logiciels libres pour retoucher nos photos ?",
      "le cnll a attaque le contrat microsoft de l'education, il y a eu une decision depuis ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a premise told by a noun of an event after an adjective (« après la grosse panne de visio en mars, … »)", () => {
  it("abstains when no sentence read says the event of its subject", async () => {
    for (const q of [
      "après la grosse panne de visio en mars, le gouvernement a suspendu la généralisation jusqu'à quand",
      "après la grosse panne de tchap en mai, la dinum a fait quoi",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers an event the corpus tells", async () => {
    for (const q of [
      "après la grosse panne de crowdstrike en juillet, qu'a fait le ministère des armées",
      "après la panne de crowdstrike, qu'a fait le ministère des armées",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});
