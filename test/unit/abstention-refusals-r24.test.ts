/**
 * Answerable questions refused on a misreading of their form (held-out-23 to 27, round 24): a determiner opening a
 * passage's sentence read as a first name (« Le Cigref a … » for « le cigref disait quoi … »), the word naming the kind
 * of answer read as an unknown topic (« quel pourcentage »), a figure typed with its thousands read as a version
 * (« visio 40 000 utilisateurs »), the asker's own count read as an unknown word (« nos 6000 habitants »). On the real
 * corpus, with the unanswerable questions these readings must not let through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { questionTerms } from "../../server/retrieval/question-terms.ts";
import { personTypedInLowerCase } from "../../server/retrieval/typed-person.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-refusals-r24-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;
const words = (q: string) => questionTerms(q).map((t) => t.word);

describe("how a question is read", () => {
  it("reads a capitalised pair of the passages typed in lower case as a person's, unless it opens on a determiner", () => {
    const couchet = ["Frédéric Couchet en est le délégué général depuis 2002."];
    expect(personTypedInLowerCase("frédéric couchet il joue d'un instrument ?", couchet)).toBe(true);
    expect(personTypedInLowerCase("le cigref disait quoi de vmware en 2022", ["Le Cigref a dénoncé …"])).toBe(false);
  });

  it("reads a figure typed with its thousands as a figure, not a product's version", () => {
    expect(words("visio 40 000 utilisateurs en janvier, c'est vrai ?")).not.toContain("visio 40");
    expect(words("Visio 40 000 utilisateurs en janvier, c'est vrai ?")).not.toContain("visio 40");
    expect(words("Windows 11 ou Windows 10 ?")).toContain("windows 11");
  });

  it("reads the asker's own count after their possessive as their size", () => {
    expect(words("on est comparables avec nos 6000 habitants ?")).not.toContain("6000");
    expect(words("combien de communes ont plus de 6000 habitants ?")).toContain("6000");
  });
});

describe("answerable questions refused on their form", () => {
  it("answers them", async () => {
    for (const q of [
      "le cigref disait quoi de vmware en 2022",
      "le schleswig holstein a dit a quelle tele qu'il en avait fini avec teams ?",
      "quel pourcentage de hausse at&t reprochait a broadcom dans sa plainte",
      "visio 40 000 utilisateurs en janvier mais 60 000 fin 2025, incoherent non ?",
      "boe c'est une commune de quelle taille, on est comparables avec nos 6000 habitants ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("still refuses a person's private life, an unknown noun asked, and what the corpus does not say", async () => {
    for (const q of [
      "frédéric couchet il joue d'un instrument ?",
      "tchap fond à quelle température si on le met au four ?",
      "Notre club de foot peut demander une subvention : quel dossier déposer à la mairie ?",
      "treffort gere ses tickets dans glpi ?",
      "le health data hub garde une copie de secours chez azure apres 2026 ?",
      "la region occitanie a equipe ses lycees en linux ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });
});
