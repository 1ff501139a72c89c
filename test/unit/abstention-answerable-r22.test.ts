/**
 * Answerable questions refused (held-out-25, trial18 F9), repaired by general readings rather than words of one set:
 * a broader word a passage holds a collectivité's kind by (« collectivités » for « une commune »), an abbreviation
 * (« comcom »), a slip of a plain word the corpus also writes in names (« suport »), what an acronym of the trade
 * stands for written out (« groupements d'intérêt public » for « GIP »), the share a shareholder holds of a company
 * typed in lower case, the sources giving no figure at all of what is named. On the real corpus, with the unanswerable
 * questions these readings must not let through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { broaderOf, settingWords } from "../../server/retrieval/french.ts";
import { tradeAcronymsWrittenOut } from "../../server/retrieval/names-places.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-answerable-r22-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("a collectivité's kind held by the broader word (« collectivité »)", () => {
  it("reads « collectivité » as covering a commune, an intercommunalité, one way only", () => {
    expect(broaderOf("communes")).toContain("collectivite");
    expect(broaderOf("communaute de communes")).toContain("collectivite");
    expect(broaderOf("collectivite")).toEqual([]);
    expect(broaderOf("departement")).toEqual([]);
  });

  it("only for the collectivité the question is asked for, not the complement of another noun", () => {
    expect(settingWords("est-ce qu'une commune peut utiliser albert")).toEqual(["commune"]);
    expect(settingWords("on peut utiliser tchap dans une communauté de communes")).toEqual(["communaute de communes"]);
    expect(settingWords("Ma mairie doit-elle avoir un DPO ?")).toEqual(["mairie"]);
    for (const q of [
      "Comment obtenir le label Villes et Villages fleuris ?",
      "le plan canicule de la mairie doit contenir quoi ?",
      "la mairie peut nous preter des tables pour la fete du village ?",
      "Quand faut-il déposer notre demande de subvention à la mairie ?",
    ])
      expect(settingWords(q), q).toEqual([]);
  });

  it("answers what a page on the collectivités says of any commune", async () => {
    for (const q of [
      "on peut utiliser tchap dans une communaute de communes",
      "une commune doit avoir un dpo ?",
      "on a 3 serveurs esxi dans notre petite comcom, on negocie seuls avec broadcom ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("still refuses the life of the commune the corpus speaks of only in passing", async () => {
    for (const q of [
      "Quand faut-il déposer notre demande de subvention à la mairie ?",
      "on peut se pacser a la mairie le samedi ?",
      "Comment obtenir une quatrième fleur au label Villes et Villages fleuris ?",
      "la mairie peut nous preter des tables pour la fete du village ?",
      "Comment inscrire mon fils en petite section à l'école du village ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });
});

describe("typing slips and words written out", () => {
  it("reads a doubled letter typed once in a plain word the corpus also writes in names (« suport »)", async () => {
    expect(await decide("windos 10 fin suport quand")).toMatchObject({ answerable: true });
    // A name slipped is read as the corpus writes it, the one word one letter off (abstention-typo-read).
    expect(await decide("gendarmrie linux combien de postes")).toMatchObject({ answerable: true });
  });

  it("reads what an acronym of the trade stands for as the acronym (« GIP »)", async () => {
    expect(tradeAcronymsWrittenOut("combien de groupements d'intérêt public ?")).toEqual([
      { phrase: "groupement interet public", acronyms: ["gip"] },
    ]);
    expect(await decide("Combien existe-t-il de groupements d'intérêt public en France ?")).toMatchObject({
      answerable: true,
    });
  });
});

describe("« combien » answered by what the passages say of the subject", () => {
  it("reads « détient combien d'ionos » as a share, the company typed in lower case", async () => {
    expect(await decide("united internet detient combien d'ionos")).toMatchObject({ answerable: true, reason: "ok" });
  });

  it("counts communes by « collectivités » only in a sentence that holds the subject too", async () => {
    expect(await decide("combien de communes ont le label territoire numerique libre")).toMatchObject({
      answerable: true,
    });
    // « 200 collectivités » of a network, « 1 500 collectivités » of a directive do not count these.
    for (const q of ["combien de communes utilisent linux en france", "combien de mairies ont quitté microsoft"])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("answers that the sources give no figure at all of what is named", async () => {
    expect(await decide("francetransfert c'est combien d'utilisateurs")).toMatchObject({
      answerable: true,
      reason: "stated-absent",
    });
  });
});
