/**
 * The verifier remembers what it read of a cited passage (its clauses, their bags and antonyms) by the passage's text:
 * the same passage number with a changed text is read again, never answered from what the earlier text said, and a
 * passage read a second time gives the same verification as the first time.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const CLAIM =
  "Avec un hébergeur suisse, les fichiers des mairies sont exposés aux services de renseignement étrangers [1].";
const SHELTERED =
  "Avec un hébergeur suisse, les fichiers des mairies sont à l'abri des services de renseignement étrangers.";
const EXPOSED =
  "Avec un hébergeur suisse, les fichiers des mairies sont exposés aux services de renseignement étrangers.";

const check = (text: string) => verifyText(CLAIM, [{ n: 1, text }]).sentences[0]!;

describe("a cited passage read again", () => {
  it("is read from its text: the same number with another text gives that text's verification", () => {
    const against = check(SHELTERED);
    expect(against.status).toBe("unsupported");
    expect(against.reasons.join(" ")).toContain("le passage cité dit le contraire");
    // The passage edited (same number, the claim's own words now): supported, not the earlier text's contradiction.
    expect(check(EXPOSED).status).toBe("supported");
    // And back: the first text is still read as contradicting the claim, the same way.
    expect(check(SHELTERED)).toEqual(against);
  });
});
