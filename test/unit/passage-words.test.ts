import { describe, expect, it } from "vitest";
import { passageWords, resultWords } from "../../server/retrieval/passage-words.ts";

const page = (section: string, text: string) => ({ text, section, document: { title: "Migration de Munich" } });
const card = (text: string) => ({ text, section: "", document: { title: "ArcGIS Desktop", kind: "catalog" } });

describe("the words of a retrieved passage", () => {
  it("are its title's, section's and text's, without the references to its sources", () => {
    const words = resultWords(page("Le retour à Windows", "La ville a migré 15 000 postes (heise, 2017)."));
    expect(words.list).toEqual(
      passageWords("Migration de Munich Le retour à Windows La ville a migré 15 000 postes").list,
    );
    expect(words.list).not.toContain("heise");
    expect(words.capitals.size).toBeGreaterThan(0);
    expect(words.versions).toBeUndefined();
  });

  it("of a catalog card hold the versions its own names write; the same text in a page does not", () => {
    const own = "Apparaît dans les inventaires sous les noms : ArcGIS Desktop 10.8.\nRemplacé par QGIS.";
    expect([...resultWords(card(own)).versions!]).toEqual(["10", "10.8"]);
    expect(resultWords({ ...card(own), document: { title: "ArcGIS Desktop" } }).versions).toBeUndefined();
  });

  it("of a catalog card do not hold a version its notes give of another product (« fondée sur Llama 3.1 »)", () => {
    expect([...resultWords(card("Notes : la version 10.8 de QGIS Desktop lit ses projets.")).versions!]).toEqual([]);
  });

  it("are read once for a passage retrieved again, by another question, and again for another section or text", () => {
    const first = resultWords(page("Les économies", "Munich a économisé 11 millions d'euros."));
    // Another search returns the same passage as a new object.
    expect(resultWords(page("Les économies", "Munich a économisé 11 millions d'euros."))).toBe(first);
    const other = resultWords(page("Le coût", "Munich a économisé 11 millions d'euros."));
    expect(other).not.toBe(first);
    expect(other.list).toContain("cout");
    expect(resultWords(page("Les économies", "Munich a dépensé 11 millions d'euros.")).list).toContain("depense");
  });
});
