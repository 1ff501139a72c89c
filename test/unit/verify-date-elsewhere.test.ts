/**
 * trial13 A15, on another text than the trial's: a date the cited passage gives to one event (a law's entry into
 * force) put on another the passage dates otherwise (« les fabricants doivent signaler … depuis le 10 décembre
 * 2024 » where the passage says « à partir du 11 septembre 2026 ») is flagged, with the date the passage gives it.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const passage = {
  n: 1,
  text: [
    "## Le Cyber Resilience Act : la sécurité des produits numériques",
    "",
    "Le règlement, dit Cyber Resilience Act, a été publié le 20 novembre 2024 et est entré en vigueur le 10 décembre 2024. Il couvre les produits comportant des éléments numériques vendus dans l'Union (ANSSI, 2025).",
    "",
    "Le calendrier :",
    "",
    "- à partir du 11 septembre 2026, les fabricants doivent signaler à l'ENISA les vulnérabilités activement exploitées ;",
    "- à partir du 11 décembre 2027, l'ensemble des obligations de conception s'applique.",
  ].join("\n"),
};
const check = (sentence: string) => verifyText(sentence, [passage]).sentences[0]!;

describe("a date the passage gives to another event", () => {
  it("flags a date put on what the passage dates otherwise, and says which date it gives", () => {
    const s = check("Le Cyber Resilience Act impose de signaler les vulnérabilités depuis le 10 décembre 2024 [1].");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/10 décembre 2024.*11 septembre 2026/);
  });

  it("leaves alone each date said of its own event, and what the passage says without a date", () => {
    for (const ok of [
      "Le Cyber Resilience Act est entré en vigueur le 10 décembre 2024 [1].",
      "Les fabricants doivent signaler les vulnérabilités activement exploitées à partir du 11 septembre 2026 [1].",
      "Le Cyber Resilience Act, en vigueur depuis le 10 décembre 2024, couvre les produits numériques vendus dans l'Union [1].",
    ])
      expect([ok, check(ok).reasons]).toEqual([ok, []]);
  });
});
