/**
 * faithful38 (trial18 F1, F19, F12; faithful-blind-18's chat misses): general tests on what the cited passage holds,
 * not on listed wordings. A universal (« toutes les régions », « toutes vos données ») the statement carrying the
 * claim does not hold, or that no cited sentence holds when none carries it. The passages are the corpus's.
 */
import { describe, expect, it } from "vitest";
import { reasons, status } from "../helpers/verify.ts";

const OCCITANIE =
  "Région Occitanie : remplacer Teams, OneDrive et SharePoint par eXo Platform — Région Occitanie : le contexte, une hausse de 20 à 30 % chez Microsoft\n" +
  "La Région Occitanie (13 départements, plus de 6 millions d'habitants) s'était équipée d'Office 365 pendant la crise " +
  "sanitaire. Trois ans plus tard, au moment de renouveler le contrat, elle s'est vu proposer des conditions en hausse " +
  "de 20 à 30 %, alors que ses budgets de fonctionnement se resserraient (Le Monde Informatique, 2024 ; Clubic, s. d.). " +
  "La Région voulait aussi revenir à un numérique plus souverain. Nelly Mallet, directrice adjointe des services aux " +
  "utilisateurs à la direction de l'information et du numérique, a résumé le sentiment des équipes : avec Microsoft, la " +
  "Région avait l'impression de ne plus décider de son avenir.";

const CPI =
  "Le procureur de la Cour pénale internationale privé de sa messagerie Microsoft (2025) — CPI : pourquoi l'épisode a marqué les administrations européennes\n" +
  "L'affaire est devenue un argument cité par de nombreux acteurs publics et associatifs :\n\n" +
  "- au Danemark, elle est mentionnée parmi les motivations du ministère du Numérique, qui teste LibreOffice depuis juin " +
  "2025 (Interoperable Europe, 2025) ;\n" +
  "- en France, Jehan Monnier, cofondateur de Belledonne Communications et organisateur du salon AlpOSS à Échirolles, a " +
  "expliqué en février 2026 que l'épisode restait dans tous les esprits et faisait réfléchir les collectivités " +
  "(SmartCityMag, février 2026).";

const MARCHES =
  "Acheter autrement : centrales d'achat (UGAP, CANUT), mutualisation, marché interministériel de support du logiciel libre — Rédiger les marchés : exiger la réversibilité\n" +
  "Quelques clauses réduisent la dépendance future, quel que soit le produit retenu :\n\n" +
  "- décrire des besoins fonctionnels et des normes (formats ouverts, protocoles standard) plutôt qu'un produit ;\n" +
  "- exiger l'export complet des données dans un format ouvert et documenté, à tout moment et en fin de contrat ;\n" +
  "- demander l'identité de l'actionnaire de contrôle de l'éditeur et de l'hébergeur, et la localisation des données ;\n" +
  "- pour les données sensibles, exiger un hébergement qualifié SecNumCloud ou équivalent ;\n" +
  "- encadrer les évolutions de prix et de modèle de licence pendant la durée du marché.";

describe("a universal the cited passage does not hold (trial18 F1, faithful-blind-18)", () => {
  it("flags « toutes les régions » drawn from one région's example, no statement carrying the claim", () => {
    expect(reasons("Son exemple prouve que toutes les régions vont quitter Microsoft [1].", OCCITANIE)).toContain(
      "« toutes les régions »",
    );
  });
  it("flags « Toutes les collectivités françaises ont depuis revu leurs contrats » where the episode only « fait réfléchir les collectivités »", () => {
    expect(
      reasons("Toutes les collectivités françaises ont depuis revu leurs contrats de messagerie [1].", CPI),
    ).toContain("« Toutes les collectivités »");
  });
  it("holds « toutes vos données » to the clause that carries it (« pour les données sensibles »), not to « l'export complet des données »", () => {
    expect(reasons("Pour toutes vos données, exigez un hébergement qualifié SecNumCloud [1].", MARCHES)).toContain(
      "« toutes vos données »",
    );
  });
  it("keeps a universal the carrying clause holds, and the sentences around it", () => {
    expect(
      status(
        "Exigez l'export complet des données dans un format ouvert et documenté, à tout moment et en fin de contrat [1].",
        MARCHES,
      ),
    ).toBe("supported");
    expect(status("Pour les données sensibles, exigez un hébergement qualifié SecNumCloud [1].", MARCHES)).toBe(
      "supported",
    );
    expect(status("Cet épisode reste dans toutes les mémoires et fait réfléchir les collectivités [1].", CPI)).toBe(
      "supported",
    );
  });
});
