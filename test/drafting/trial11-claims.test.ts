/**
 * trial11 A0b/A6, on other products and vendors than the trial's: what a DSI's edit or the model says of a product of
 * the map — « un utilitaire européen » for a product whose controller is Chinese, « édité par X, société tchèque
 * indépendante » for a vendor the map gives an owner in another country — is compared with the map's controlling
 * entity and its country, as « sans lien avec la Chine » already was (trial10 A4).
 */
import { describe, expect, it } from "vitest";
import { ownProducts } from "../../server/drafting/own-facts.ts";
import type { AnalysisItem } from "../../server/drafting/types.ts";
import { verifyText } from "../../server/verify/index.ts";
import { checkOwnFacts } from "../../server/verify/own-facts.ts";

const item = (over: Partial<AnalysisItem> & { name: string }): AnalysisItem => ({
  installations: 10,
  category: "utilities",
  ...over,
});

const products = ownProducts([
  item({
    name: "Huawei PC Manager",
    installations: 40,
    product: { id: "huawei-pc-manager", name: "Huawei PC Manager" },
    vendor: { name: "Huawei", country: "CN" },
    extraEuropean: true,
    openSource: false,
    exposure: { controllingCountry: "CN", laws: ["cn-national-intelligence-law"] },
  }),
  item({
    name: "Avast Free Antivirus",
    installations: 7,
    category: "security",
    product: { id: "avast", name: "Avast Antivirus" },
    vendor: { name: "Avast", country: "CZ", parent: { name: "Gen Digital", country: "US" } },
    extraEuropean: true,
    openSource: false,
    exposure: { controllingCountry: "US", laws: ["us-cloud-act"] },
  }),
  item({
    name: "ESET Endpoint Security",
    installations: 12,
    category: "security",
    product: { id: "eset", name: "ESET Endpoint Security" },
    vendor: { name: "ESET", country: "SK" },
    extraEuropean: false,
    openSource: false,
  }),
]);

/** A sentence checked against the map only (the passage it cites is itself: every word is found). */
const reasons = (sentence: string) =>
  checkOwnFacts(verifyText(`${sentence} [1]`, [{ n: 1, text: sentence }]), products, "les données").verification
    .sentences[0]!.reasons;

describe("trial11 A0b/A6: nationality and independence compared with the map's controller", () => {
  it("flags « un utilitaire européen » for a product the map gives a Chinese controller", () => {
    expect(reasons("Huawei PC Manager est un utilitaire européen.").join(" ")).toMatch(/Huawei PC Manager.*Chine/);
    expect(
      reasons("Huawei PC Manager, installé sur 40 postes, est un utilitaire européen sans exposition."),
    ).toHaveLength(1);
  });

  it("flags a vendor called independent, or of its own country, where the map gives it an owner elsewhere", () => {
    expect(reasons("Avast Antivirus est édité par Avast, société tchèque indépendante.").join(" ")).toMatch(
      /Gen Digital|États-Unis/,
    );
    expect(reasons("Avast Antivirus est édité par Avast, un éditeur indépendant.")).toHaveLength(1);
  });

  it("leaves alone what the map says", () => {
    for (const ok of [
      "ESET Endpoint Security est un utilitaire européen.",
      "ESET Endpoint Security est édité par ESET, société slovaque indépendante.",
      "Avast Antivirus est édité par Avast, société tchèque contrôlée par Gen Digital.",
      "Avast est une société tchèque, filiale de l'américain Gen Digital.",
      "Huawei PC Manager est un utilitaire chinois.",
    ])
      expect([ok, reasons(ok)]).toEqual([ok, []]);
  });
});
