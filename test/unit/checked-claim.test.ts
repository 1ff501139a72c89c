/**
 * A claim its own passage checks part by part (trial24 T-H6): « X résume l'affaire ainsi : …, l'association a saisi
 * la justice, … » then « La suspension est confirmée. » then « En revanche, … une procédure précontentieuse … et non un
 * jugement … »: the claim is never quoted without what qualifies it, in « En bref » nor in a note's « L'essentiel ».
 * Places and bodies written for the test.
 */
import { describe, expect, it } from "vitest";
import { quotableSentences } from "../../server/answers/verbatim.ts";
import { answerPoints } from "../../server/drafting/answer-points.ts";
import { briefFor, passageOf } from "../helpers/passages.ts";

const claim =
  "La présentation du syndicat Numérique Causse (2026) résume l'affaire ainsi : l'université de Tarnac a voulu migrer vers Google Workspace en 2025, l'association Libre Causse a saisi la justice, la migration a été suspendue, « le droit protège ».";
const text = `${claim} La suspension est confirmée. En revanche, les sources décrivent une procédure précontentieuse (mise en cause formelle avant tout procès), et non un jugement d'un tribunal (Le Causse, octobre 2025). Il est donc plus exact de dire que la menace d'une action en justice a suffi.`;
const used = [passageOf("tarnac#3", "Université de Tarnac : Google Workspace suspendu", text)];

describe("a claim its passage confirms in part and qualifies in the sentence after", () => {
  it("is not a quotable sentence alone", () => {
    const quoted = quotableSentences(text, { max: 450 }).map((s) => s.text);
    expect(quoted).not.toContain(claim);
  });

  it("is not a point of « L'essentiel » on the question it sounds like an answer to", () => {
    const points = answerPoints(
      "Faut-il renouveler le contrat Google Workspace de l'université ou passer à une messagerie européenne ?",
      used,
      3,
    );
    expect(points.map((p) => p.sentence).join(" ")).not.toContain("a saisi la justice");
  });

  it("is not read aloud in « En bref »", () => {
    const b = briefFor("l'association Libre Causse a saisi la justice contre Tarnac ?", used);
    expect(b?.text ?? "").not.toMatch(/« La présentation du syndicat[^»]*le droit protège/);
  });

  it("still quotes a claim the next sentence confirms with nothing after it", () => {
    const plain = `${claim} La suspension est confirmée.`;
    expect(quotableSentences(plain, { max: 450 }).map((s) => s.text)).toContain(claim);
  });
});
