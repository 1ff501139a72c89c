/**
 * trial9 A2/A5, on other products than the trial's: whether a product is « européen » is what the map says of whoever
 * controls it, not of the country where its vendor has its seat (« Avast est un antivirus tchèque, donc un logiciel
 * européen » while Gen Digital, American, controls it); « contrôlé par une société X » is said of that controller;
 * « aucune loi extra-européenne » and « extra-européen » are checked against the laws the map gives.
 */
import { describe, expect, it } from "vitest";
import { ownFactReasons as reasons } from "./own-facts-fixture.ts";

describe("« européen » is said of the controlling owner the map gives", () => {
  it("flags « européen » said of a product a non-European owner controls, not the vendor's seat", () => {
    expect(reasons("Avast est un antivirus tchèque, donc un logiciel européen.").join(" ")).toMatch(
      /logiciel européen.*Gen Digital/,
    );
    expect(reasons("Avast Antivirus est une solution européenne.")).toHaveLength(1);
    expect(reasons("Avast est un antivirus tchèque.")).toEqual([]);
    expect(reasons("Nextcloud Hub est un logiciel européen.")).toEqual([]);
  });
  it("checks « contrôlé par » against the controller, not the vendor", () => {
    expect(reasons("Avast Antivirus est contrôlé par une société tchèque.")).toHaveLength(1);
    expect(reasons("Avast Antivirus est contrôlé par une société américaine.")).toEqual([]);
    expect(reasons("Avast est détenu par un groupe américain.")).toEqual([]);
  });
  it("checks « extra-européen » and « aucune loi extra-européenne » against the laws the map gives", () => {
    expect(reasons("Avast ne relève d'aucune loi extra-européenne.")).toHaveLength(1);
    expect(
      reasons("Avast Antivirus est contrôlé par une société tchèque et ne relève d'aucune loi extra-européenne.").join(
        " ",
      ),
    ).toMatch(/extra-européenne/);
    expect(reasons("Avast est un logiciel extra-européen.")).toEqual([]);
    expect(reasons("Nextcloud Hub est un logiciel extra-européen.")).toHaveLength(1);
    expect(reasons("Nextcloud Hub ne relève d'aucune loi extra-européenne.")).toEqual([]);
    expect(reasons("Nextcloud Hub relève d'une loi extra-européenne.")).toHaveLength(1);
  });
});
