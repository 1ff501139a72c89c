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

const withInputs = (inputs: Record<string, unknown>) =>
  letterContext(
    letterInputs.parse({
      collectivite: { name: "Commune de Baie-Libre" },
      recipient: { name: "Yann Le Gall", role: "maire", civility: "Monsieur" },
      ...inputs,
    }),
    null,
    loadStructure("letter"),
    "2026-12-05T10:00:00Z",
  );

describe("letter signature and requests (trial6)", () => {
  it("writes the sender once when the signatory line already names them", () => {
    const signature = withInputs({
      sender: { name: "Les Amis du Libre", signatory: "Pour Les Amis du Libre, Jean Kerouac, trésorier" },
    }).vars.signature!;
    expect(signature.split("\n")[0]).toBe("Pour Les Amis du Libre, Jean Kerouac, trésorier");
    expect(signature.match(/Amis du Libre/g)).toHaveLength(1);
    // A signatory who does not name the sender signs for them.
    expect(
      withInputs({ sender: { name: "Linux Quimper", signatory: "Pour le bureau, Anne Riou" } }).vars.signature,
    ).toMatch(/^Pour Linux Quimper,\nPour le bureau, Anne Riou/);
  });

  it("says beside a request that its deadline is past on the letter's date, as beside a quotation", () => {
    const vars = withInputs({
      sender: { name: "Linux Quimper" },
      requests: ["study", "Installer Nextcloud dans les écoles d'ici l'été 2025", "Former les agents avant fin 2027"],
      date: "2025-10-01",
    }).vars;
    expect(vars.requests_list).toContain(
      "- installer Nextcloud dans les écoles d'ici l'été 2025 ; *(Échéance « d'ici l'été 2025 » passée à la date de ce courrier : à fixer de nouveau avant l'envoi.)*",
    );
    expect(vars.requests_list).toMatch(/- former les agents avant fin 2027\.$/);
  });
});

describe("the request list's punctuation (trial21 T-L4)", () => {
  it("ends every item continuing the lead-in on « ; » and the last on « . », typed items included", () => {
    const list = withInputs({
      sender: { name: "Libre en Trégor" },
      requests: ["study", "Nommer un élu référent pour le numérique libre avant mars 2027.", "public-information"],
      date: "2026-12-07",
    }).vars.requests_list!.split("\n");
    expect(list).toHaveLength(3);
    expect(list[0]).toMatch(/ ;$/);
    expect(list[1]).toBe("- nommer un élu référent pour le numérique libre avant mars 2027 ;");
    expect(list[2]).toMatch(/à toutes et à tous\.$/);
  });

  it("ends the last item on « . » when it is a built-in one written with « ; »", () => {
    const list = withInputs({
      sender: { name: "Libre en Trégor" },
      requests: ["public-information", "study"],
      date: "2026-12-07",
    }).vars.requests_list!.split("\n");
    expect(list[0]).toMatch(/à toutes et à tous ;$/);
    expect(list[1]).toMatch(/logiciels métiers\.$/);
  });
});
