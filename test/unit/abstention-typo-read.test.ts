/**
 * A question refused only for a word typed one letter off a corpus word (trial21 T-M15: « la gendarmrie est sous
 * linx ? », « kelle alternative a outlok ») is searched again with that word as the corpus writes it, when the
 * correction is the only one and the corpus uses that word often; the answer says how it read the question. A
 * question still refused once corrected keeps its refusal and its « Vouliez-vous dire … ? ». On the real corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import { slipCorrected, vocabularyOf } from "../../server/answers/vocabulary.ts";
import type { Engine } from "../../server/engine.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-typo-read-");
}, 120_000);
afterAll(async () => real?.close());

const retrieved = (q: string) => retrieveForAnswer([{ role: "user", content: q }], real.engine);

describe("the one reading of a slipped word", () => {
  it("is the corpus word one letter off it, when it is the only one and often used", async () => {
    const vocabulary = (await vocabularyOf(real.engine.store))!;
    expect(slipCorrected("gendarmrie", vocabulary)).toBe("Gendarmerie");
    expect(slipCorrected("outlok", vocabulary)).toBe("Outlook");
    expect(slipCorrected("linx", vocabulary)).toBe("Linux");
    // A word the corpus uses, a word of three letters, a slip of two readings (« teams », « temps ») are left alone.
    expect(slipCorrected("gendarmerie", vocabulary)).toBeNull();
    expect(slipCorrected("tem", vocabulary)).toBeNull();
    expect(slipCorrected("tems", vocabulary)).toBeNull();
    // Only a name, and for a short word one the corpus is about: « agen » is not « agent », « miro » not « Micro ».
    expect(slipCorrected("agen", vocabulary)).toBeNull();
    expect(slipCorrected("miro", vocabulary)).toBeNull();
  });
});

describe("a question refused for a slipped word (trial21 T-M15)", () => {
  it("is answered, read with the corpus's word, and the answer says so", async () => {
    for (const [q, read] of [
      ["la gendarmrie est sous linx ?", /Gendarmerie est sous Linux/],
      ["kelle alternative a outlok", /Outlook/],
    ] as const) {
      const found = await retrieved(q);
      expect(found.decision, q).toMatchObject({ answerable: true });
      expect(found.query, q).toMatch(read);
    }
    const { done, text } = await askConversation(real.engine, "la gendarmrie est sous linx ?");
    expect(done.abstention).toBeNull();
    expect(text).toContain("« Gendarmerie » pour « gendarmrie »");
    expect(text).toContain("« Linux » pour « linx »");
    // (« kelle » is no word to search: not read as « celle », a small word of the language.)
    expect((await retrieved("kelle alternative a outlok")).query).toBe("quelle alternative a Outlook");
  });

  it("stays refused, with its suggestion, when the question read so is still one the corpus does not answer", async () => {
    for (const q of [
      "le maire de Dortmund utilise Outlok ?",
      "combien gagne le directeur de la gendarmrie ?",
      "Quel temps fera-t-il demain à Lyon ?",
      // (A word the corpus never uses left once read: not the question the passages found answer, held-out-27.)
      "le tarife de blumind pour 50 agen",
      "miro est soumis au cloud act ?",
    ])
      expect((await retrieved(q)).decision, q).toMatchObject({ answerable: false });
    const { done, text } = await askConversation(real.engine, "le maire de Dortmund utilise Outlok ?");
    expect(done.abstention).not.toBeNull();
    expect(text).not.toContain(" pour « outlok »");
  });
});
