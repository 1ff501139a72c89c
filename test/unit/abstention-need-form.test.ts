/**
 * Requests for a product typed as a need, not asked (held-out-28, round 25: 21 refused though their card was read):
 * « gérer le périscolaire et le centre de loisirs », « un coffre-fort de mots de passe d'équipe … », « l'équivalent de
 * doodle pour … ». The card whose description holds the need answers; a need no card's description holds (« un
 * logiciel pour gérer la fourrière municipale ») still abstains. On the real corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { needOpening } from "../../server/retrieval/need-form.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-need-form-");
}, 120_000);
afterAll(async () => real?.close());
const retrieve = (q: string) => retrieveForAnswer([{ role: "user", content: q }], real.engine);

describe("the need form", () => {
  it("reads an infinitive with its object, an indefinite article or a need's opening, not a question", () => {
    expect(needOpening("gérer le périscolaire et le centre de loisirs")).toBe("gerer");
    expect(needOpening("écrire des documents à plusieurs, chiffrés de bout en bout")).toBe("ecrire");
    expect(needOpening("un coffre-fort de mots de passe d'équipe européen")).toBe("un");
    expect(needOpening("l'équivalent de doodle pour caler la date de la prochaine ag")).toBe("l'equivalent de");
    // A noun of the same ending, a question.
    expect(needOpening("procédure pour brancher keycloak sur notre annuaire en ldaps")).toBeNull();
    expect(needOpening("salaire dsi moyen")).toBeNull();
    expect(needOpening("un permis de construire c'est instruit en combien de temps")).toBeNull();
    expect(needOpening("Quel logiciel pour le périscolaire ?")).toBeNull();
  });
});

describe("requests typed as a need", () => {
  it("are answered by the card whose description holds the need", async () => {
    for (const [q, card] of [
      ["gérer le périscolaire et le centre de loisirs", "Noethys"],
      ["suivre les emplacements et reprises du cimetière communal", "openCimetière"],
      ["écrire des documents à plusieurs, chiffrés de bout en bout", "CryptPad"],
      ["préparer les ordres du jour et délibérations des séances du conseil communautaire", "webdelib"],
    ] as const) {
      const { decision, results } = await retrieve(q);
      expect(decision, q).toMatchObject({ answerable: true });
      expect(
        decision.relevant.map((i) => results[i]!.document.title),
        q,
      ).toContain(`Alternative : ${card}`);
    }
  });

  it("quotes first the alternatives that describe the need, not the cards of the products they replace", async () => {
    const { relevant } = await retrieve("un coffre-fort de mots de passe d'équipe européen à héberger nous-mêmes");
    expect(relevant[0]?.document.title).toMatch(/^Alternative : (?:Passbolt|KeePassXC)$/);
    const doodle = await retrieve("l'équivalent de doodle pour caler la date de la prochaine ag");
    expect(doodle.relevant[0]?.document.title).toBe("Alternative : Framadate");
  });

  it("still abstain when no card's description holds the need", async () => {
    for (const q of [
      "un logiciel pour gerer la fourriere municipale",
      "un logiciel libre pour les inscriptions a l'ecole de musique",
      "un logiciel libre pour les mains courantes de la police municipale",
      "un logiciel pour organiser le ramassage scolaire",
      "un logiciel pour gerer les placiers du marche forain",
      "refaire une carte grise perdue",
      "redémarrer la lune avec proxmox",
    ])
      expect((await retrieve(q)).decision, q).toMatchObject({ answerable: false });
  });
});
