/**
 * « En bref » read aloud, trial14's leftovers by kind, on passages written for the test (other products, places and
 * dates than the trial's): a sentence on another version of the product asked is not its answer (A6); a deadline
 * now past is said past, as the documents say it (A15).
 */
import { describe, expect, it } from "vitest";
import { otherVersion, versionsAsked, withPastDeadlines } from "../../server/answers/brief.ts";
import { briefFor, catalogCards, passageOf } from "../helpers/passages.ts";

const texts = (question: string, used: ReturnType<typeof passageOf>[], asked: ("quantity" | "date")[] = []) =>
  briefFor(question, used, asked)?.quotes.map((q) => q.text) ?? [];

describe("another version of the product asked (trial14 A6)", () => {
  const used = [
    passageOf(
      "messagerie#0",
      "La messagerie de Vaucluse-Est : sortir d'Exchange",
      "En octobre 2020, Microsoft a cessé le support d'Exchange 2010 (Le MagIT, 2020). Le syndicat a alors étudié une messagerie libre.",
      "case-study",
      "2026-03-01",
    ),
    passageOf(
      "exchange#0",
      "Exchange Server : le cycle de vie",
      "Exchange 2019 n'a plus de correctifs de sécurité depuis le 14 octobre 2025, sauf contrat payant (Microsoft, 2025).",
      "guidance",
      "2026-01-10",
    ),
  ];

  it("the versions a question names, not a time before a year", () => {
    expect(versionsAsked("quand exchange 2019 n est plus supporte")).toEqual([["exchange", "2019"]]);
    expect(versionsAsked("le plan des ministeres pour fin 2026")).toEqual([]);
    expect(versionsAsked("que se passe t il en 2027")).toEqual([]);
  });

  it("a sentence naming another version, and never the one asked, is another version's", () => {
    const v = versionsAsked("windows 11 c est supporte jusqu a quand");
    expect(otherVersion("En janvier 2020, Microsoft a cessé le support de Windows 7.", v)).toBe(true);
    expect(otherVersion("Windows 11 succède à Windows 10 sur les postes récents.", v)).toBe(false);
    expect(otherVersion("Le syndicat a gardé ses postes sous Windows.", v)).toBe(false);
  });

  it("is not read aloud to a question on that product's other version", () => {
    const quoted = texts("quand exchange 2019 n est plus supporte", used, ["date"]);
    expect(quoted.join(" ")).not.toContain("Exchange 2010");
    expect(quoted[0]).toContain("Exchange 2019");
  });

  it("is read aloud when the question asks of that version", () => {
    expect(texts("quand exchange 2010 n est plus supporte", used, ["date"])[0]).toContain("Exchange 2010");
  });

  it("a card with editions of their own end of support says the ordinary editions' end first", async () => {
    const card = (await catalogCards()).find((c) => c.document.id === "catalog/product/windows-10")!;
    expect(card.text).toMatch(/Fin du support par édition : éditions courantes le 14 octobre 2025 ; LTSB 2015/);
  });
});

describe("a deadline now past (trial14 A15)", () => {
  const used = [
    passageOf(
      "regions#0",
      "Le plan des régions pour le logiciel libre",
      "Chaque région doit adopter d'ici le printemps 2026 sa feuille de route pour le logiciel libre (Acteurs publics, janvier 2026). Le suivi sera public.",
      "guidance",
      "2026-02-15",
    ),
  ];
  const brief = briefFor("les regions doivent adopter leur feuille de route pour quand", used, ["date"])!;

  it("is said past after the quote that sets it, with the date the corpus is up to", () => {
    expect(brief.quotes[0]?.text).toContain("d'ici le printemps 2026");
    const text = withPastDeadlines(brief, used, "2026-12-06").text;
    expect(text).toMatch(
      /\[1\] \(Échéance « d'ici le printemps 2026 » passée ; le corpus \(à jour au 15 février 2026\) ne dit pas si elle a été tenue\.\)$/,
    );
  });

  it("is not said past before its day, nor when the page was written after it", () => {
    expect(withPastDeadlines(brief, used, "2026-04-01").text).toBe(brief.text);
    const later = [{ ...used[0]!, document: { ...used[0]!.document, date: "2026-09-01" } }];
    expect(withPastDeadlines(brief, later, "2026-12-06").text).toBe(brief.text);
  });
});
