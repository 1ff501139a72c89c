/**
 * trial22 T-L1: « qui est le maire de lyon » abstained (rightly) with « … (aucun passage ne traite à la fois de — et du
 * reste de la question) »: a reason that names the question's words, given none, printed a dash where a word goes.
 * Without words, the reason says so without a blank: no dash, no « de  et ».
 */
import { describe, expect, it } from "vitest";
import { abstentionText } from "../../server/answers/answer.ts";
import { message } from "../../server/i18n/messages.ts";

describe("an abstention whose reason names no word (trial22 T-L1)", () => {
  it.each(["low-coverage", "missing-name", "unknown-words", "unknown-name"] as const)(
    "« %s » without words has no dash where a word goes",
    (reason) => {
      const text = abstentionText({ reason, missing: [], nearest: [] }, "qui est le maire de lyon");
      expect(text).not.toContain("—");
      expect(text).toContain(message("answer.abstainWhy.noWords"));
    },
  );

  it("with words, the reason names them as before", () => {
    const text = abstentionText(
      { reason: "low-coverage", missing: ["maire"], nearest: [] },
      "qui est le maire de lyon",
    );
    expect(text).toContain("aucun passage ne traite à la fois de « maire » et du reste de la question");
  });
});
