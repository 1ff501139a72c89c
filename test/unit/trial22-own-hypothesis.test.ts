/**
 * trial22 T-M8: « quels risques si on garde windows 10 sur nos postes » got the own-facts preface (« Le corpus ne
 * donne pas et ne peut pas donner les dates, votes, contrats … de votre collectivité ») and no « En bref », while the
 * Windows 10 card (end of support, 14 October 2025) answers it. The asker's postes are in the hypothesis (« si on
 * garde … sur nos postes »): the situation asked about, not the thing whose value is asked. A value asked of the
 * asker's own thing outside a hypothesis still gets the preface.
 */
import { describe, expect, it } from "vitest";
import { ownValueAsked } from "../../server/answers/own-value.ts";

const passages = [
  "Windows 10 (poste de travail)\nFin du support des éditions courantes : le 14 octobre 2025. Alternatives : Ubuntu, Debian.",
];

describe("the asker's own thing inside a hypothesis is the situation asked about (trial22 T-M8)", () => {
  it.each([
    "quels risques si on garde windows 10 sur nos postes",
    "quels risques si on garde windows 10 sur nos postes ?",
  ])("« %s » asks no value of the asker's own", (q) => {
    expect(ownValueAsked(q, passages)).toBe(false);
  });

  it.each([
    "quel antivirus est installé sur nos postes",
    "nos serveurs sont hébergés où exactement",
    "notre contrat Microsoft se termine quand exactement",
  ])("« %s » still asks a value of the asker's own", (q) => {
    expect(ownValueAsked(q, passages)).toBe(true);
  });
});
