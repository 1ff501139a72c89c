/**
 * A document telling as done, in the past tense and without « déjà », an act it dates after its own date (« la
 * migration a été achevée en mars 2027 » in a roadmap of 7 December 2026): it cannot have happened yet. A date to
 * come that the participle fixes (« a été fixé au … »), a deadline (« d'ici »), a future tense, a date of another
 * clause or a past date are not.
 */
import { describe, expect, it } from "vitest";
import { doneAhead } from "../../server/verify/done-ahead.ts";
import { verifyText } from "../../server/verify/index.ts";

const TODAY = "2026-12-07";

describe("an act told done after the document's date, without « déjà »", () => {
  it.each([
    "La migration a été achevée en mars 2027.",
    "Le conseil municipal a adopté la feuille de route le 15 janvier 2027.",
    "Les 40 postes de l'accueil ont basculé sous Linux en 2027.",
    "En février 2027, la messagerie a été migrée vers BlueMind.",
  ])("« %s » is flagged", (sentence) => {
    expect(doneAhead(sentence, TODAY)).not.toBeNull();
  });

  it.each([
    "La migration sera achevée en mars 2027.",
    "La migration a été achevée en mars 2026.",
    "Le calendrier a été fixé au 31 janvier 2027.",
    "La commune s'est engagée à migrer ses postes d'ici mars 2027.",
    "Le conseil a adopté en novembre 2026 un plan qui s'achèvera en 2028.",
    "L'État a annoncé que la migration serait achevée en 2027.",
    "La réunion de lancement a lieu le 18 janvier 2027.",
    "La fin du support de Windows 10 est attendue en octobre 2027.",
    // Seen on the untuned half: the date of another verb, after « et ».
    "Le plan a été présenté aux élus et sera mis en œuvre en 2027.",
  ])("« %s » is not", (sentence) => {
    expect(doneAhead(sentence, TODAY)).toBeNull();
  });

  it("is a reason of the verification of a document dated before the act", () => {
    const v = verifyText("La migration a été achevée en mars 2027.", [], {
      facts: ["Date du document : 7 décembre 2026"],
      today: TODAY,
    });
    expect(v.sentences[0]!.reasons.join(" ")).toMatch(/postérieur à la date du document/);
  });
});
