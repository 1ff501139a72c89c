/**
 * A question refused only for a word typed one letter off a corpus word (trial21 T-M15: « la gendarmrie est sous
 * linx ? », « kelle alternative a outlok ») is searched again with that word as the corpus writes it, when the
 * correction is the only one and the corpus uses that word often; the answer says how it read the question. A
 * question still refused once corrected keeps its refusal and its « Vouliez-vous dire … ? ». On the real corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import { slipCorrected, typedWord, vocabularyOf } from "../../server/answers/vocabulary.ts";
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

describe("a word typed with one or two slips (held-out-32 « fautes », refusals29)", () => {
  it("is read as the one name of the corpus that near, or a plain word with its doubled letter typed once", async () => {
    const vocabulary = (await vocabularyOf(real.engine.store))!;
    expect(typedWord("echirole", vocabulary)).toBe("Échirolles");
    expect(typedWord("broadcome", vocabulary)).toBe("Broadcom");
    expect(typedWord("shlesvig", vocabulary)).toBe("Schleswig");
    expect(typedWord("apelle", vocabulary)).toBe("appelle");
    // Another word, not a slip: a letter changed for an unrelated one, two swaps in a word of the same length, a word
    // the corpus writes in lower case, a name with an ending or more letters, a short word.
    for (const w of ["piratage", "fortnite", "coreen", "visios", "chromeos", "matin", "village", "religion", "formes"])
      expect(typedWord(w, vocabulary), w).toBeNull();
  });

  it("makes a question refused for it answered, read as the corpus writes it", async () => {
    for (const [q, read] of [
      ["echirole a eu quel niveaux au label l'an dernier", /Échirolles/],
      ["le shlesvig olstein a pris quoi comme messagerie", /Schleswig Holstein/],
      ["comment s'apelle le linux de la gendarmrie", /appelle le linux de la Gendarmerie/],
      ["broadcome a fini le rachat de vm ware quand", /Broadcom a fini le rachat de VMware/],
    ] as const) {
      const found = await retrieved(q);
      expect(found.decision, q).toMatchObject({ answerable: true });
      expect(found.query, q).toMatch(read);
    }
    // A name typed with its capital is the asker's own: « Quimperlé » is not read « Quimper ».
    expect((await retrieved("Quimperlé a-t-elle rejoint Linux Quimper ?")).query).toContain("Quimperlé");
  });

  it("leaves refused a question that a word the corpus never uses still leaves unread", async () => {
    for (const q of ["blorf zimbrak ouvrez la fenetre du cloud", "prix bluemaind par utilisatuer ?"])
      expect((await retrieved(q)).decision, q).toMatchObject({ answerable: false });
  });
});

describe("a word of a chat typed short (held-out-32 « sms »)", () => {
  it("is read in full: « diff », « distro »", async () => {
    for (const q of ["proconnect c koi la diff avec agentconnect", "quelle distro la dinum a choisie pour ses postes"])
      expect((await retrieved(q)).decision, q).toMatchObject({ answerable: true });
  });
});
