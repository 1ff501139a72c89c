import { describe, expect, it } from "vitest";
import { terminalLine, terminalWriter } from "../../server/cli/terminal-text.ts";

describe("an answer's Markdown in the terminal", () => {
  it("prints bold as the terminal's bold, or plain in a file", () => {
    expect(terminalLine("- **Méthode** : l'ADULLACT a publié un vademecum")).toBe(
      "- Méthode : l'ADULLACT a publié un vademecum",
    );
    expect(terminalLine("**12 millions**", true)).toBe("\x1b[1m12 millions\x1b[22m");
    expect(terminalLine("### Titre")).toBe("Titre");
    expect(terminalLine("voir [la fiche](https://exemple.fr/a)")).toBe("voir la fiche (https://exemple.fr/a)");
    // A lone star or a product name with underscores stays.
    expect(terminalLine("5 * 3 = 15 ; nom_de_fichier")).toBe("5 * 3 = 15 ; nom_de_fichier");
  });

  it("renders marks cut between the pieces of a stream", () => {
    let printed = "";
    const w = terminalWriter((t) => (printed += t));
    for (const piece of ["La Gendarmerie économise *", "*12 millions", "** par an.\nSuite **", "gras**"])
      w.write(piece);
    w.end();
    expect(printed).toBe("La Gendarmerie économise 12 millions par an.\nSuite gras");
  });
});
