/**
 * Unanswerable questions of the burned held-out-32 set still answered at 6063d6cd (premises34): a false premise stated
 * before what is asked, read on its form. Tuning half: the odd rows of its false premises in the order of
 * `/work/notes/h32-measure.txt` (faux-lyon-retour, faux-mistral-americain, faux-nextcloud-us, faux-ow2-eclipse,
 * faux-sill-supprime); untuned: the even rows (faux-grist-rachete, faux-libreoffice-fin, faux-cpi-linux,
 * faux-visio-panne, faux-lqu-proces). Tuned half 3/5 (not mistral-americain: the corpus writes Mistral AI, « fonds
 * américains » and « contrôle » together; nor nextcloud-us, a present « appartient »), untuned half 1/5 (grist-rachete,
 * by the question mark). Each form also on other subjects than the set's; guards: answerable questions of the same
 * form. On the real corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { premiseOf } from "../../server/retrieval/premise.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-held-out-32-premises-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("a premise, then a yes/no question asked by its question mark alone (« X a été supprimé, il existe un remplaçant ? »)", () => {
  it("reads the clause before the comma as the premise", () => {
    expect(premiseOf("le sill a été supprimé par le nouveau gouvernement, il existe un remplaçant ?")).toBe(
      "le sill a ete supprime par le nouveau gouvernement",
    );
    // Not a statement with no question after it, nor two clauses without a question mark.
    expect(premiseOf("le sill a été supprimé, il existe un remplaçant")).toBeNull();
    // Not a question asked in its first clause already.
    expect(premiseOf("est-ce que tchap a été supprimé, il existe un remplaçant ?")).toBeNull();
  });

  it("abstains when no sentence read says the premise's event of its subject", async () => {
    for (const q of [
      "le sill a été supprimé par le nouveau gouvernement, il existe un remplaçant ?",
      "tchap a été supprimé par le gouvernement, les communes doivent trouver autre chose ?",
      "grist est passé sous contrôle chinois, l'état va le quitter ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers a premise the corpus says, and a context before a yes/no question", async () => {
    for (const q of [
      "vmware a été racheté par broadcom, les prix ont augmenté ?",
      "l'armée autrichienne est passée à libreoffice, ça a bien marché ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a return stated as a premise (« lyon est revenue chez microsoft, qu'est-ce qui a motivé ce choix »)", () => {
  it("abstains when no sentence read says the return of its subject", async () => {
    for (const q of [
      "lyon est revenue chez microsoft après les municipales, qu'est-ce qui a motivé ce choix",
      "échirolles est retournée sous windows l'an dernier, combien ça a coûté",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers a return the corpus tells", async () => {
    for (const q of ["munich est revenue à windows, qu'est-ce qui a motivé ce choix"])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a premise telling what an agent did to its subject (« ow2 a été absorbé par la fondation eclipse, … »)", () => {
  it("abstains when no sentence read names the subject and the agent together", async () => {
    for (const q of [
      "ow2 a été absorbé par la fondation eclipse, ça change quoi pour les projets hébergés",
      "l'adullact a été repris par la fondation eclipse, ça change quoi pour les communes",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers what the corpus tells of both, in whatever words", async () => {
    for (const q of [
      "gendbuntu a été développé par la gendarmerie, combien de postes l'utilisent ?",
      "la circulaire sur les données sensibles a été signée par élisabeth borne, que dit-elle",
      "le privacy shield a été invalidé par la cour de justice, que faut-il faire maintenant",
      "l'april a été fondée par des étudiants de paris 8, elle défend quoi aujourd'hui",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});
