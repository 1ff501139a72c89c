/**
 * Long hostile text cannot stall the verifier: a section edit (up to 30 000 characters) or a letter's context goes
 * through `verifyText`, whose negation, list and count patterns once backtracked on long words and long runs of
 * spaces or digit groups (a « ne » followed by 300 letters took 13 s, 600 letters far longer). Each case must finish within the test's
 * own timeout, which is generous: a catastrophic pattern takes minutes, not seconds.
 */
import { describe, expect, it } from "vitest";
import { SENTENCE_MAX_LENGTH, verifyText } from "../../server/verify/index.ts";

const passage = {
  n: 1,
  text: "La Gendarmerie nationale n'a pas cessé d'utiliser Linux : environ 70 000 postes en 2014, selon la presse.",
};

const HOSTILE: [string, string][] = [
  [
    "a long word after « ne »",
    `La Gendarmerie nationale ne ${"a".repeat(600)} cessé d'utiliser Linux, 70 000 postes en 2014 [1].`,
  ],
  ["a long word after « n' »", `La Gendarmerie nationale n'${"b".repeat(600)} cessé d'utiliser Linux en 2014 [1].`],
  ["a long word at the end", `La Gendarmerie nationale a cessé d'utiliser Linux en 2014 ne ${"c".repeat(600)} [1].`],
  ["a long run of spaces", `La Gendarmerie nationale a cessé d'utiliser Linux${" ".repeat(20000)}en 2014 [1].`],
  ["many digit groups", `La Gendarmerie nationale a 1${" 000".repeat(5000)} postes Linux en 2014 [1].`],
  ["a long list of words", `Les gouvernements ${"allemand, ".repeat(2000)}et belge utilisent Linux en 2014 [1].`],
];

describe("the verifier on long hostile text", () => {
  for (const [label, text] of HOSTILE) {
    it(`returns on ${label}`, { timeout: 60_000 }, () => {
      const v = verifyText(text, [passage]);
      expect(v.sentences.length).toBeGreaterThan(0);
    });
  }
});

describe("a sentence longer than the verifier reads", () => {
  it("is marked unsupported, says why, and is not read", () => {
    const text = `La Gendarmerie nationale a ${"2014 ".repeat(400)}postes Linux [1]. La Gendarmerie a 70 000 postes en 2014 [1].`;
    const v = verifyText(text, [passage]);
    expect(v.sentences).toHaveLength(2);
    expect(v.sentences[0]!.status).toBe("unsupported");
    expect(v.sentences[0]!.reasons.join(" ")).toMatch(/trop longue pour être vérifiée \(au-delà de 1\u00a0500\)/);
    expect(v.sentences[1]!.status).toBe("supported");
  });

  it("keeps an invalid citation in a sentence too long to read", () => {
    const v = verifyText(`La Gendarmerie ${"a ".repeat(SENTENCE_MAX_LENGTH)}Linux [4].`, [passage]);
    expect(v.sentences[0]!.status).toBe("invalid-citation");
    expect(v.sentences[0]!.invalidCitations).toEqual([4]);
  });
});
