/**
 * The end of the study a plan's data start and measure on two lines (faithful53, faithful-blind-25 false flags,
 * computations, tuning half A: « Les premiers résultats sont attendus pour mai 2027, au lendemain de l'étude » in an
 * audit plan whose data say « Début de l'étude : janvier 2027 » and, on the next line, « Durée de l'étude : 4 mois »).
 * The month after the period's last, or its last, is computed, not invented; any other month stays unverified.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const FACTS = [
  "Document : Plan d'audit des dépendances numériques — Auzerbel.",
  "Début de l'étude : janvier 2027",
  "Durée de l'étude : 4 mois",
  "Contexte local : Le syndicat informatique héberge les serveurs des communes membres sous VMware",
  "Date du document : 7 décembre 2026",
];
const PASSAGE =
  "On ne réduit pas une dépendance que l'on ne connaît pas. Le 8 avril 2026, le séminaire interministériel consacré aux dépendances numériques extra-européennes a demandé à chaque ministère de formaliser d'ici l'automne 2026 un plan de réduction couvrant sept catégories.";

const statusOf = (sentence: string) =>
  verifyText(sentence, [{ n: 1, text: PASSAGE }], { facts: FACTS, today: "2026-12-07" }).sentences[0]!.status;

describe("the end of a study its data start and measure on two lines (faithful-blind-25, half A)", () => {
  it("the month after its four months: « pour mai 2027, au lendemain de l'étude »", () => {
    expect(statusOf("Les premiers résultats sont attendus pour mai 2027, au lendemain de l'étude [1].")).toBe(
      "supported",
    );
  });

  it("a month the period does not end on stays unverified", () => {
    expect(statusOf("Les premiers résultats sont attendus pour septembre 2027, au lendemain de l'étude [1].")).toBe(
      "unsupported",
    );
  });
});
