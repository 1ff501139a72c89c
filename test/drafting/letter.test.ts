import { describe, expect, it } from "vitest";
import { letterContext } from "../../server/drafting/documents/letter.ts";
import { letterInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";

const context = (sender: string) =>
  letterContext(
    letterInputs.parse({
      collectivite: { name: "Commune de Baie-Libre" },
      sender: { name: sender },
      recipient: { name: "Yann Le Gall", role: "maire", civility: "Monsieur" },
    }),
    null,
    loadStructure("letter"),
    "2026-12-05T10:00:00Z",
  );

describe("letter signature", () => {
  it("gives the sender's name its article, as a collectivité's name gets one", () => {
    expect(context("Association Libre en Baie").vars.signature).toMatch(/^Pour l'Association Libre en Baie,/);
    expect(context("Collectif Libre Test").vars.signature).toMatch(/^Pour le Collectif Libre Test,/);
    expect(context("Fédération des usagers").vars.signature).toMatch(/^Pour la Fédération des usagers,/);
    // A proper name stays as it is.
    expect(context("Linux Quimper").vars.signature).toMatch(/^Pour Linux Quimper,/);
  });
});
