/**
 * « X est le maire de Y » (trial8 A2, trial9 A6): a role sentence about a person the passages name is checked against
 * the role they give that person; on other people and places than the trials'.
 */
import { describe, expect, it } from "vitest";
import { check, status } from "../helpers/verify.ts";

describe("a role claim about a person the passages name", () => {
  const dsi =
    "Ville de Montravel — La stratégie numérique\nPauline Héraud, directrice des systèmes d'information de Montravel, a présenté le plan de migration vers LibreOffice en 2024.";
  it("« X est la maire de Y » where the passage makes X the DSI is flagged with the passage's role", () => {
    const wrong = check("Pauline Héraud est la maire de Montravel [1].", [dsi]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("directrice des systèmes");
  });
  it("the passage's role passes", () => {
    expect(status("Pauline Héraud est la directrice des systèmes d'information de Montravel [1].", dsi)).toBe(
      "supported",
    );
  });
  const vice =
    "Région Val-d'Orne — Le numérique responsable\nThierry Gallois, vice-président de la région Val-d'Orne chargé du numérique, a annoncé le passage des lycées à Linux.";
  it("« X est le président de la région » where the passage makes X vice-president is flagged", () => {
    const wrong = check("Thierry Gallois est le président de la région Val-d'Orne [1].", [vice]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("vice");
  });
  const adjoint =
    "Ville de Saint-Brieuc-sur-Lande — Les logiciels libres\nMarc Le Bihan, adjoint au maire de Saint-Brieuc-sur-Lande, a inauguré le nouveau serveur Nextcloud de la mairie.";
  it("« X est le maire de Y » where the passage makes X adjoint is flagged, one word after « maire »", () => {
    const wrong = check("Marc Le Bihan est le maire de Saint-Brieuc-sur-Lande [1].", [adjoint]);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("adjoint au maire");
  });
  it("« X est adjoint au maire de Y » where the passage says so passes", () => {
    expect(status("Marc Le Bihan est adjoint au maire de Saint-Brieuc-sur-Lande [1].", adjoint)).toBe("supported");
  });
  const mayor =
    "Ville de Pontclair — La migration\nLe maire de Pontclair, Hélène Varin, a annoncé en 2025 la sortie de Microsoft 365.";
  it("the mayor the passage names as such stays supported", () => {
    expect(
      status("Le maire de Pontclair, Hélène Varin, a annoncé en 2025 la sortie de Microsoft 365 [1].", mayor),
    ).toBe("supported");
    expect(status("Hélène Varin est la maire de Pontclair [1].", mayor)).toBe("supported");
  });
});

describe("the role claim's reason", () => {
  it("quotes the passage's role as written", () => {
    const passage =
      "Ville de Montravel — La stratégie numérique\nPauline Héraud, directrice des systèmes d'information de Montravel, a présenté le plan.";
    expect(check("Pauline Héraud est la maire de Montravel [1].", [passage]).reasons.join(" ")).toContain(
      "« directrice des systèmes d'information »",
    );
  });
  it("a person no passage names is not given a role's reason", () => {
    const passage = "Ville de Montravel — La stratégie numérique\nLa ville a présenté le plan de migration en 2024.";
    expect(check("Pauline Héraud est la maire de Montravel [1].", [passage]).reasons.join(" ")).not.toContain(
      "à la place",
    );
  });
});
