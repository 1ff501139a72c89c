/**
 * trial10 A4, on other products than the trial's: « sans lien avec <pays> », « indépendant de <pays> », « n'a rien
 * d'<adjectif> » said of a product the map says is controlled from that country is what the map contradicts, like
 * « européen » said of it.
 */
import { describe, expect, it } from "vitest";
import { ownFactReasons as reasons } from "./own-facts-fixture.ts";

describe("« sans lien avec <pays> » is checked against the countries and laws the map gives", () => {
  it("flags a product said unrelated to the country that controls it", () => {
    expect(reasons("Avast est un antivirus tchèque, sans lien avec les États-Unis.").join(" ")).toMatch(
      /sans lien avec les États-Unis.*Gen Digital/,
    );
    expect(reasons("Avast Antivirus est indépendant des États-Unis.")).toHaveLength(1);
    expect(reasons("Avast n'a aucun lien avec les États-Unis.")).toHaveLength(1);
    expect(reasons("Avast Antivirus n'a rien d'américain.")).toHaveLength(1);
  });
  it("lets a true one pass", () => {
    expect(reasons("Avast est un antivirus tchèque, sans lien avec la Russie.")).toEqual([]);
    expect(reasons("Nextcloud Hub est sans lien avec les États-Unis.")).toEqual([]);
    expect(reasons("Nextcloud Hub n'a rien d'américain.")).toEqual([]);
  });
});
