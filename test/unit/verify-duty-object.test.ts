/**
 * trial9 A3, on other holders than the trial's: an obligation said to be imposed on someone (« la région a imposé à
 * toutes les communes de publier un schéma ») is held to the holder the cited passage gives it (« Chaque lycée … doit
 * publier … son propre schéma »), like « les communes doivent publier ».
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const passage =
  "Le comité régional du 3 mars 2026 — Deuxième décision : un schéma par établissement\nChaque lycée, y compris les centres de formation qui en dépendent, doit publier d'ici l'été 2027 son propre schéma d'accessibilité numérique.";
const check = (sentence: string) => verifyText(`${sentence} [1].`, [{ n: 1, text: passage }]).sentences[0]!;

describe("an obligation imposed on another holder than the passage's", () => {
  it("flags « a imposé à toutes les communes de … » where the passage obliges each lycée", () => {
    for (const claim of [
      "Lors de sa deuxième décision, la région a imposé à toutes les communes de publier un schéma d'accessibilité numérique d'ici l'été 2027",
      "La région exige des communes qu'elles publient un schéma d'accessibilité numérique d'ici l'été 2027",
    ]) {
      const s = check(claim);
      expect([claim, s.status]).toEqual([claim, "unsupported"]);
      expect(s.reasons.join(" ")).toMatch(/ne donne pas cette obligation à « .*communes/);
    }
  });
  it("names the holder whole after « aux » (« à « ux communes » » was read by trial11)", () => {
    const s = check("Ce texte impose aux communes de publier un schéma d'accessibilité numérique d'ici l'été 2027");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("ne donne pas cette obligation à « communes »");
  });
  it("leaves alone the passage's own holder", () => {
    const s = check(
      "La région a imposé à chaque lycée de publier un schéma d'accessibilité numérique d'ici l'été 2027",
    );
    expect(s.reasons.join(" ")).not.toMatch(/obligation/);
  });
});
