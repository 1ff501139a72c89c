/**
 * A cost asked (« et ça leur a coûté combien ? ») is not answered by savings (trial24 T-M1: the Gendarmerie's « environ
 * 2 millions puis 12 millions d'euros par an » of savings read aloud as its cost): a sentence telling savings without a
 * cost is not read, and when no other sentence gives an amount, « En bref » says the corpus gives no cost. A town
 * written for the test.
 */
import { describe, expect, it } from "vitest";
import { costNotGiven } from "../../server/answers/brief.ts";
import { message } from "../../server/i18n/messages.ts";
import { briefFor, passageOf } from "../helpers/passages.ts";

const used = [
  passageOf(
    "vernade#0",
    "La ville de Vernade et Linux",
    "La ville de Vernade a fait passer 300 postes sous Linux entre 2015 et 2019. Les économies attestées par la presse sont d'environ 40 000 euros par an de licences.",
  ),
];
const question = "combien ça a coûté à la ville de vernade de passer à linux ?";

describe("a cost asked, savings given", () => {
  it("does not read the savings as the cost", () => {
    expect(briefFor(question, used, ["quantity"])?.text ?? "").not.toContain("40 000 euros");
  });

  it("says the corpus gives no cost", () => {
    expect(
      costNotGiven("combien ça a coûté à la ville de Vernade de passer à Linux ?", [used[0]!.text], ["quantity"]),
    ).toBe(message("answer.notGiven.cost"));
  });

  it("still reads savings to a question asking them", () => {
    expect(briefFor("quelles économies la ville de vernade a-t-elle faites avec linux ?", used)?.text).toContain(
      "40 000 euros",
    );
  });
});
