/**
 * Kinds of wrong sentences the blind sets 8–10 rarely caught (faithful21): a contradiction by an opposite word without
 * any negation (a verb, an adjective, a comparative, a frequency), a true figure said of another thing the passage
 * names, a claim credited to another source than the one the passage gives. Invented places, people and figures, not
 * those of the sets.
 */
import { describe, expect, it } from "vitest";
import { reasons, status } from "../helpers/verify.ts";

describe("contradiction by an opposite word, without a negation", () => {
  const MODELS =
    "Assistant de Brestmor : le projet\nL'assistant de Brestmor repose sur des modèles ouverts, Qwen et Gemma, exécutés sur des serveurs du syndicat informatique.";
  it("flags « propriétaires » where the passage says « ouverts »", () => {
    expect(
      status(
        "L'assistant de Brestmor repose sur des modèles propriétaires, Qwen et Gemma, exécutés sur des serveurs du syndicat informatique [1].",
        MODELS,
      ),
    ).toBe("unsupported");
    expect(
      status(
        "L'assistant de Brestmor repose sur des modèles ouverts, Qwen et Gemma, exécutés sur des serveurs du syndicat informatique [1].",
        MODELS,
      ),
    ).toBe("supported");
  });

  const STOPPED =
    "Pontlevoy : la formation\nPontlevoy, lauréate du prix Villes Internet en 2019, a interrompu son programme de formation au logiciel libre après les élections municipales de 2020.";
  it("flags a programme « poursuivi » or « renforcé » where the passage says it was interrupted", () => {
    expect(
      status(
        "Pontlevoy, lauréate du prix Villes Internet, a poursuivi son programme de formation au logiciel libre après les élections municipales de 2020 [1].",
        STOPPED,
      ),
    ).toBe("unsupported");
    expect(
      status(
        "Pontlevoy, lauréate du prix Villes Internet, a interrompu son programme de formation au logiciel libre après les élections municipales de 2020 [1].",
        STOPPED,
      ),
    ).toBe("supported");
  });

  const PRICE =
    "Koala Desk (outils collaboratifs) : Gestion de tickets.\nÉditeur : Koala Inc., États-Unis.\nFin de l'offre auto-hébergée en 2025 : passage imposé à l'offre en ligne ou à l'édition Entreprise, plus chère.";
  it("flags « moins chère » where the passage says « plus chère »", () => {
    expect(status("Il faut passer à l'offre en ligne ou à l'édition Entreprise, moins chère [1].", PRICE)).toBe(
      "unsupported",
    );
    expect(status("Il faut passer à l'offre en ligne ou à l'édition Entreprise, plus chère [1].", PRICE)).toBe(
      "supported",
    );
  });

  const OFTEN =
    "Projets de téléphonie\nLes projets de téléphonie qui dérapent butent rarement sur le matériel. Ils butent sur le câblage des bâtiments anciens.";
  it("flags « le plus souvent » where the passage says « rarement »", () => {
    expect(
      reasons("Les projets de téléphonie qui dérapent butent le plus souvent sur le matériel [1].", OFTEN),
    ).toMatch(/contraire/);
    expect(status("Les projets de téléphonie qui dérapent butent rarement sur le matériel [1].", OFTEN)).toBe(
      "supported",
    );
  });
});
