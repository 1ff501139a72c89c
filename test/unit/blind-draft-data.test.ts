/**
 * `faithful-blind.ts --all-pinned` verifies a draft case as a document is: with the date and the typed context its
 * data block gives (as `checkedSection` has them), so that an act told done after the document's date or a sentence
 * contradicting the context can show on the sets.
 */
import { describe, expect, it } from "vitest";
import { dataDateAndContext } from "../eval/faithful-blind.ts";

describe("the date and the context of a draft case's data block", () => {
  it("reads the document's date under each label a set writes, and the context", () => {
    expect(dataDateAndContext(["Collectivité : Lestrac", "Date de la note : 2 décembre 2026"])).toEqual({
      today: "2026-12-02",
      context: undefined,
    });
    expect(dataDateAndContext(["Date : 1er décembre 2026"]).today).toBe("2026-12-01");
    expect(
      dataDateAndContext([
        "Contexte donné par l'expéditeur : le service informatique de la commune compte deux agents.",
        "Date du courrier : 3 décembre 2026",
      ]),
    ).toEqual({ today: "2026-12-03", context: "le service informatique de la commune compte deux agents." });
    expect(
      dataDateAndContext(["Contexte local : notre logiciel de paie ne fonctionne que sous Windows."]).context,
    ).toBe("notre logiciel de paie ne fonctionne que sous Windows.");
  });
  it("leaves a date it cannot read, and a line that only starts alike", () => {
    expect(dataDateAndContext(["Date de la note : bientôt", "Début souhaité : mars 2027"])).toEqual({
      today: undefined,
      context: undefined,
    });
  });
});
