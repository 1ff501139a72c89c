/**
 * A rise asked (« vmware depuis broadcom ça coûte plus cher ? », trial23 T-L7): the sentence giving the rise is read
 * before one telling discounts some clients negotiated (`brief.txt` [baisse]: « remises »). A product written for the
 * test.
 */
import { expect, it } from "vitest";
import { briefFor, passageOf } from "../helpers/passages.ts";

it("reads the rise before the discounts", () => {
  const used = [
    passageOf(
      "zorbaware#0",
      "Zorbaware après son rachat : coûts et économies",
      "Depuis le rachat, certains grands comptes de Zorbaware ont négocié des remises de 60 à 70 % sur le coût total de possession.",
      "guidance",
    ),
    passageOf(
      "zorbaware#1",
      "Zorbaware après son rachat",
      "L'observatoire européen des clients a fait état de coûts de licence Zorbaware multipliés par 8 à 15 depuis le rachat.",
      "guidance",
    ),
  ];
  const b = briefFor("zorbaware depuis son rachat ça coûte plus cher ?", used);
  expect(b?.quotes[0]?.text).toContain("multipliés par 8 à 15");
});
