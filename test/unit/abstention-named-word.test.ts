/**
 * An abstention names the word that made the decision (trial7, B4): not a verb form of a word the corpus uses
 * (« versera » beside the year « 2031 » that decided), and a place's name whole (« Saint-Pierre-des-Corps », not
 * « saint pierre corps », nor « Corps » alone).
 */
import { describe, expect, it } from "vitest";
import { absentNamed } from "../../server/answers/absent-words.ts";
import { abstentionText, asWritten, wordsNeverUsed } from "../../server/answers/answer.ts";

/** A passage store reduced to what the vocabulary reads: its passages (no full-text index). */
const storeOf = (...texts: string[]) => ({
  searchText: async () => [],
  warmPassages: async () =>
    texts.map((text, i) => ({
      id: `doc-${i}#0`,
      docId: `doc-${i}`,
      ordinal: 0,
      section: "Section",
      text,
      document: { id: `doc-${i}`, title: "Titre", kind: "guidance", date: null, url: null, sources: [], hash: "h" },
    })),
});

describe("the words an abstention says the corpus never uses", () => {
  const store = storeOf(
    "La Région verse des aides aux communes qui migrent leurs postes vers Linux.",
    "Les subventions sont distribuées chaque année par l'agence.",
  );

  it("leaves out another form of a word the corpus uses (a verb in the future)", async () => {
    const never = await wordsNeverUsed("Quelles aides la Région versera-t-elle en 2031 aux communes ?", store);
    expect(never).not.toContain("versera");
    expect(await wordsNeverUsed("Quelles subventions l'agence distribuera-t-elle ?", store)).not.toContain(
      "distribuera",
    );
  });

  it("still names a word the corpus never uses in any form", async () => {
    expect(await wordsNeverUsed("Quelle recette de clafoutis pour la Région ?", store)).toContain("clafoutis");
  });

  it("names a word of a missing place as the whole place", () => {
    expect(absentNamed(["saint brevin pins"], ["brevin", "pins"])).toEqual(["saint brevin pins"]);
    expect(absentNamed(["saint brevin pins"], ["clafoutis"])).toEqual(["clafoutis"]);
  });
});

describe("a missing name as the question writes it", () => {
  it("keeps the small words of a compound place name", () => {
    const q = "Combien a économisé Saint-Pierre-des-Corps avec Linux ?";
    expect(asWritten(q, "saint pierre corps")).toBe("Saint-Pierre-des-Corps");
    expect(asWritten("Et Bourg en Bresse, a-t-elle quitté Microsoft ?", "bourg bresse")).toBe("Bourg en Bresse");
  });

  it("says no passage treats the place, named whole", () => {
    const q = "Combien a économisé Saint-Pierre-des-Corps avec Linux ?";
    const text = abstentionText({ reason: "missing-name", missing: ["saint pierre corps"], nearest: [] }, q);
    expect(text).toContain("« Saint-Pierre-des-Corps »");
  });
});
