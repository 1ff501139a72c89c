/**
 * Questions dictated or typed on a phone (trial14 A1, A14, B18): a town in lower case whose figure is asked, SMS
 * spellings of the asking words, a name typed apart from its number or slipped by a letter that sounds alike. On the
 * real corpus (what a user gets), with other towns and subjects than the trial's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConversationMessage, retrieveForAnswer } from "../../server/answers/answer.ts";
import { joinNumberedNames, type Vocabulary } from "../../server/answers/vocabulary.ts";
import type { Engine } from "../../server/engine.ts";
import { withoutAbbreviations } from "../../server/retrieval/abbreviations.ts";
import { oneLetterOff, ownerWords } from "../../server/retrieval/owners.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-phoned-");
}, 120_000);
afterAll(async () => real?.close());
const decideIn = async (messages: ConversationMessage[]) => (await retrieveForAnswer(messages, real.engine)).decision;
const decide = (q: string) => decideIn([{ role: "user", content: q }]);

describe("a lower-case word in the place where a town goes, whose figure is asked", () => {
  it("is read where a town goes: after « combien », after « à » when a figure is asked, before « a-t-elle »", () => {
    expect(ownerWords("combien cholet depense en licences microsoft")).toEqual(["cholet"]);
    expect(ownerWords("combien saint pourçain paie pour office")).toEqual(["pourcain"]);
    expect(ownerWords("le budget informatique a vesoul c'est combien")).toEqual(["vesoul"]);
    expect(ownerWords("tarbes a t elle un plan logiciel libre")).toEqual(["tarbes"]);
    // Not a place: what applies to any commune, a participle after « a », a conjugated verb, no figure asked.
    expect(ownerWords("combien coute la loi qui s'applique a dieppe")).not.toContain("dieppe");
    expect(ownerWords("combien la mairie a migre de postes")).toEqual([]);
    expect(ownerWords("combien galerent avec teams")).toEqual([]);
    expect(ownerWords("passer a nextcloud dans la mairie")).toEqual([]);
    expect(ownerWords("la capitale alsacienne a-t-elle un label")).toEqual([]);
  });

  it("abstains when the corpus never uses it", async () => {
    for (const q of [
      "combien cholet depense en licences microsoft",
      "combien dieppe paie pour ses licences office",
      "lourdes a t elle un plan pour quitter microsoft",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "unknown-name" });
  });

  it("answers when it is a word of the corpus or one letter off one (a typo)", async () => {
    expect(oneLetterOff("lyon")).toContain("lyonn");
    for (const q of ["combien munich a economise avec limux", "combien grenoblle depense en licences microsoft"])
      expect(await decide(q), q).not.toMatchObject({ reason: "unknown-name" });
  });

  it("abstains on a follow-up that moves a figure to an absent town (« et a vesoul »)", async () => {
    const decision = await decideIn([
      { role: "user", content: "combien la gendarmerie a economise avec linux" },
      { role: "assistant", content: "…" },
      { role: "user", content: "et a vesoul" },
    ]);
    expect(decision).toMatchObject({ answerable: false, reason: "unknown-name", missing: ["vesoul"] });
  });
});

describe("a general question asked for the asker's town, named last (« nis2 ça concerne X »)", () => {
  it("answers the general rule, the answer saying the corpus does not speak of that town", async () => {
    const found = await retrieveForAnswer([{ role: "user", content: "nis2 ca concerne tarbes" }], real.engine);
    expect(found.decision).toMatchObject({ answerable: true });
    expect(found.general).toEqual(["tarbes"]);
    expect(await decide("le cloud act s'applique a vesoul ?")).toMatchObject({ answerable: true });
  });

  it("still abstains when the figure of that town is asked", async () => {
    expect(await decide("combien nis2 coute a tarbes")).toMatchObject({ answerable: false });
  });
});

describe("SMS spellings and names typed on a phone", () => {
  it("reads SMS spellings of the asking words in full", () => {
    expect(withoutAbbreviations("c koi le sill")).toBe("c quoi le sill");
    expect(withoutAbbreviations("kel logiciel pk changer")).toBe("quel logiciel pourquoi changer");
    // Never inside a word.
    expect(withoutAbbreviations("koala")).toBe("koala");
  });

  it("joins a name typed apart from its number as the corpus writes it", () => {
    const vocabulary = {
      words: new Map([
        ["dora2", { count: 30, written: "DORA2" }],
        ["dora", { count: 2, written: "dora" }],
      ]),
      pairs: new Map(),
    } as unknown as Vocabulary;
    expect(joinNumberedNames("c'est quoi dora 2 ?", vocabulary)).toBe("c'est quoi DORA2 ?");
    expect(joinNumberedNames("windows 11 et dora 3", vocabulary)).toBe("windows 11 et dora 3");
  });

  it("answers a question on a main page typed with SMS spellings or a slip that sounds alike", async () => {
    for (const q of ["c koi nis 2", "c quoi le cloud akt", "kel alternative a teams"])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("punctuation dictated as words (trial18 F9)", () => {
  it("answers as the question written with its marks", async () => {
    for (const q of [
      "est-ce que le cloud act s'applique à notre mairie virgule on a nos données chez microsoft point d'interrogation",
      "nextcloud virgule c'est un logiciel français point d'interrogation",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});
