/**
 * A local context saying a replacement cannot happen before a date (« … ne peuvent pas changer de système avant
 * 2028 ») gives an earliest date, never a deadline (trial19 H4: it became « d'ici le 31 décembre 2027 »).
 */
import { describe, expect, it } from "vitest";
import { isNotBefore, localEvents } from "../../server/drafting/roadmap-plan.ts";

describe("a date the replacement cannot come before", () => {
  it.each([
    "Les 18 postes Windows 10 LTSC 2021 du pôle technique ne peuvent pas changer de système avant 2028.",
    "Au plus tôt en 2028 pour les postes du pôle technique.",
    "La migration des serveurs n'est pas possible avant juin 2027.",
    // Without a verb (trial21 T-M10): « pas de » / « aucun » a change, then « avant ».
    "Pas de changement de poste de travail avant septembre 2027 : le marché de renouvellement des PC court jusqu'à août 2027.",
    "Aucune migration des postes avant mars 2028.",
  ])("« %s » is an earliest date, dated by the year or month it names", (sentence) => {
    expect(isNotBefore(sentence)).toBe(true);
    const [event] = localEvents(sentence, [], "2026-12-07");
    expect(event?.notBefore).toBe(true);
    expect(event?.date.startsWith("2027-12")).toBe(false);
  });

  it.each([
    "Windows 10 doit être remplacé avant 2028.",
    "Nous ne voulons pas attendre : Zoom doit être remplacé d'ici juin 2027.",
    "Le contrat Microsoft 365 arrive à échéance le 30 juin 2027.",
    "Pas de budget : le marché court jusqu'à août 2027.",
    "Aucun poste ne doit rester sous Windows 10 après octobre 2027.",
  ])("« %s » is not", (sentence) => {
    expect(isNotBefore(sentence)).toBe(false);
  });
});

describe("a date the replacement cannot come before, given as a season after the reason (trial20 N-H4)", () => {
  it("is read, at the month the season starts", () => {
    const sentence =
      "Les 4 postes Windows 7 de la station d'épuration ne peuvent pas être changés avant la fin du chantier de la station, au printemps 2028.";
    const [event] = localEvents(sentence, [], "2026-12-07");
    expect(event?.notBefore).toBe(true);
    expect(event?.date).toBe("2028-03");
  });
});

describe("an earliest date for the postes, naming no product (trial21 T-M10)", () => {
  it("is dated by the month after « avant », not by the contract's end the sentence gives after it", () => {
    const sentence =
      "Pas de changement de poste de travail avant septembre 2027 : le marché de renouvellement des PC court jusqu'à août 2027.";
    const [event] = localEvents(sentence, [], "2026-12-07");
    expect(event?.notBefore).toBe(true);
    expect(event?.date).toBe("2027-09");
  });
});
