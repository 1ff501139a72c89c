/**
 * A supposition and what follows from it (faithful-blind-22: « Pour une commune de 300 agents, le ratio de Visio
 * donnerait environ 3 000 euros par an », flagged for « 300 » and « 3 000 euros », figures no passage gives): the figure
 * of a clause opening the sentence with an indefinite example (« Pour une commune de 300 agents, ») is the sentence's
 * own supposition, and a figure computed from it by a ratio or a share of the passages (1 million d'euros per 100 000
 * agents, times 300) invents nothing. A result that does not come out, or a figure outside any supposition, is still
 * flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const SAVINGS =
  "Les économies publiées\n- Visio : chaque tranche de 100 000 agents qui quittent une solution sous licence fait " +
  "économiser environ 1 million d'euros par an, selon le gouvernement, qui annonce « plusieurs millions d'euros » par an " +
  "(Génération NT, 26 janvier 2026 ; Clubic, 26 janvier 2026).\n- Schleswig-Holstein : près de 80 % des licences " +
  "Microsoft Office résiliées, hors administration fiscale (Heise, 14 novembre 2025).";
const check = (sentence: string) => verifyText(sentence, [{ n: 1, text: SAVINGS }], { facts: [] }).sentences[0]!;

describe("a supposition and what follows from it", () => {
  it("accepts the supposed figure and a result computed by the passage's ratio", () => {
    const s = check("Pour une commune de 300 agents, le ratio de Visio donnerait environ 3 000 euros par an [1].");
    expect(s.reasons).toEqual([]);
    expect(s.status).toBe("supported");
  });
  it.each([
    "Pour une commune de 300 agents, le ratio de Visio donnerait environ 30 000 euros par an [1].",
    "La commune de 300 agents économiserait environ 3 000 euros par an [1].",
    "Pour une commune de 300 agents, le ratio de Visio donnerait environ 300 000 euros par an [1].",
    // A cost, not a supposition: nothing follows from it.
    "Pour un coût de 95 millions d'euros, l'État a généralisé Visio à 100 000 agents [1].",
  ])("still flags « %s »", (sentence) => {
    expect(check(sentence).status).toBe("unsupported");
  });
});
