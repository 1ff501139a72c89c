/**
 * Catalogue needs refused though their card was read (held-out-30, round 27): a tool asked after the asker's
 * situation with a closing « ? » and no question word (« je signe encore les arrêtés à la main, il y a un parapheur
 * électronique libre ? »), a wish opening the need (« on veut faire une carte des composteurs sur notre site »), a need
 * opening on its infinitive after a purpose (« pour un atelier grand public, dessiner le logo de l'asso en vectoriel
 * gratuitement »). A need asked free is answered by a free alternative's card, not by the proprietary product's card
 * holding more of its words (Adobe Illustrator). On the real corpus.
 *
 * Tuned half: cat-parapheur, cat-carte-simple, cat-vectoriel. Untuned half: cat-centre-loisirs, cat-erp (held-out-30),
 * cat-libreoffice, cat-primtux (held-out-29).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { needOpening } from "../../server/retrieval/need-form.ts";
import { outcomeOf } from "../eval/evaluate.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-need-clause-r31-");
}, 120_000);
afterAll(async () => real?.close());
const retrieve = (q: string) => retrieveForAnswer([{ role: "user", content: q }], real.engine);

describe("the need's opening", () => {
  it("reads a tool asked after the asker's situation, a wish, an infinitive after a purpose", () => {
    expect(needOpening("je signe encore les arrêtés à la main, il y a un parapheur électronique libre ?")).toBe(
      "il y a",
    );
    expect(needOpening("on veut faire une carte des composteurs sur notre site, simple, sans rien installer")).toBe(
      "on veut",
    );
    expect(needOpening("pour un atelier grand public, dessiner le logo de l'asso en vectoriel gratuitement")).toBe(
      "dessiner",
    );
    // A question word asks something else.
    expect(needOpening("on a migré en 2024, il y a combien de postes sous linux ?")).toBeNull();
    expect(needOpening("pour la réunion d'équipe lundi, combien d'utilisateurs avait tchap en 2022")).toBeNull();
  });
});

describe("on the real corpus", () => {
  it("answers by the card that holds the need, a free alternative first (held-out-30, tuned half)", async () => {
    for (const [q, card] of [
      ["je signe encore les arrêtés à la main, il y a un parapheur électronique libre ?", "Alternative : i-Parapheur"],
      ["on veut faire une carte des composteurs sur notre site, simple, sans rien installer", "Alternative : uMap"],
      ["pour un atelier grand public, dessiner le logo de l'asso en vectoriel gratuitement", "Alternative : Inkscape"],
    ] as const) {
      const { decision, results } = await retrieve(q);
      expect(decision, q).toMatchObject({ answerable: true });
      const titles = decision.relevant.map((i) => results[i]!.document.title);
      expect(titles[0], q).toBe(card);
      expect(
        titles.filter((t) => t.startsWith("Produit")),
        q,
      ).toEqual([]);
    }
  }, 240_000);

  it("still refuses a need no card holds, or a question of the same form the corpus does not answer", async () => {
    for (const q of [
      "un logiciel pour gerer la fourriere municipale",
      "on veut gérer la fourrière municipale, un logiciel libre ?",
      "on voudrait suivre les tontes des pelouses du stade, il y a un outil libre ?",
      "pour notre prochaine réunion d'adhérents, quel smartphone acheter pour ma mère de 80 ans",
    ]) {
      const retrieved = await retrieve(q);
      expect(outcomeOf(q, retrieved).abstained, q).toBe(true);
    }
  }, 240_000);
});
