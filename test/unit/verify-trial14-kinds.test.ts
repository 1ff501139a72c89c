/**
 * trial14 A18 and A20, on other texts than the trial's: a date the passage gives to one step of a text (entrée en
 * vigueur) put on another step (application); a figure the passage gives as a competitor's claim (« X avance … »,
 * « c'est une affirmation d'un concurrent ») stated as fact.
 */
import { describe, expect, it } from "vitest";
import { datedSteps } from "../../server/verify/event-date.ts";
import { reasons, status } from "../helpers/verify.ts";

const REGLEMENT =
  "Le règlement européen sur l'IA — Le calendrier\n" +
  "Le règlement sur l'intelligence artificielle, adopté le 13 juin 2024, est entré en vigueur le 1er août 2024 et s'applique depuis le 2 août 2026 pour l'essentiel de ses obligations.";

describe("a date put on another step of a text", () => {
  it("ties each date to the step written next to it", () => {
    const steps = datedSteps(REGLEMENT.split("\n")[1]!).map((d) => `${d.f.raw}=${d.step}`);
    expect(steps).toEqual([
      "13 juin 2024=l'adoption",
      "1er août 2024=l'entrée en vigueur",
      "2 août 2026=l'application",
    ]);
  });
  it("flags the date of entry into force given as the date of application", () => {
    expect(
      status("Le règlement sur l'intelligence artificielle s'applique depuis le 1er août 2024 [1].", REGLEMENT),
    ).toBe("unsupported");
    expect(reasons("Le règlement sur l'IA est entré en vigueur le 2 août 2026 [1].", REGLEMENT)).toContain(
      "comme date de l'application",
    );
  });
  it("accepts each date with its own step, or a date with no step", () => {
    expect(
      reasons("Le règlement sur l'intelligence artificielle s'applique depuis le 2 août 2026 [1].", REGLEMENT),
    ).toBe("");
    expect(reasons("Le règlement sur l'IA est entré en vigueur le 1er août 2024 [1].", REGLEMENT)).toBe("");
    expect(reasons("Depuis le 2 août 2026, le règlement sur l'IA s'applique [1].", REGLEMENT)).toBe("");
  });
});

const TARIFS =
  "Les tarifs des messageries hébergées — Les projections\n" +
  "Le fournisseur Zimbel avance de son côté une baisse d'environ 30 % en trois ans du coût d'une boîte aux lettres hébergée en France ; c'est une affirmation d'un concurrent de Google, non vérifiée par ailleurs.\n" +
  "La commune de Vire a fait passer 200 boîtes aux lettres en trois ans.";

describe("a competitor's claim stated as fact", () => {
  it("flags the figure the passage gives only as a competitor's claim", () => {
    expect(
      status("Le coût d'une boîte aux lettres hébergée en France a baissé d'environ 30 % en trois ans [1].", TARIFS),
    ).toBe("unsupported");
  });
  it("accepts the figure with its attribution, and the passage's own figures", () => {
    expect(
      reasons(
        "Selon le fournisseur Zimbel, concurrent de Google, le coût d'une boîte aux lettres hébergée a baissé d'environ 30 % en trois ans [1].",
        TARIFS,
      ),
    ).toBe("");
    expect(reasons("La commune de Vire a fait passer 200 boîtes aux lettres en trois ans [1].", TARIFS)).toBe("");
  });
});
