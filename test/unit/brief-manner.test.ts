/**
 * How the asker wants the answer said (« en deux mots », « en bref », « pour faire simple ») asks nothing of the
 * subject (trial24 T-M1: « c'est quoi le cloud act en deux mots » read its date, not what it is): « En bref » answers
 * the question without it. A law written for the test.
 */
import { describe, expect, it } from "vitest";
import { briefFor, passageOf } from "../helpers/passages.ts";

const used = [
  passageOf(
    "zorba#0",
    "Le règlement Zorba et les hébergeurs",
    "Le règlement Zorba (Zone of Reliable Backup Act) a été adopté le 3 mars 2019. Il oblige un hébergeur établi dans le pays à remettre aux autorités les données qu'il détient, où qu'elles soient stockées. Contrairement au règlement Zorba, la loi Kappa relève du renseignement.",
    "guidance",
  ),
];

describe("the manner of the answer asked", () => {
  it("« en deux mots » reads what the thing is, as the question without it does", () => {
    const plain = briefFor("c'est quoi le règlement zorba", used)?.quotes.map((q) => q.text);
    expect(plain?.[0]).toContain("Il oblige un hébergeur");
    for (const q of [
      "c'est quoi le règlement zorba en deux mots",
      "le règlement zorba, c'est quoi en bref ?",
      "pour faire simple, c'est quoi le règlement zorba ?",
    ])
      expect(briefFor(q, used)?.quotes.map((x) => x.text)).toEqual(plain);
  });
});
