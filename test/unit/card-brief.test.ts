/**
 * « En bref » of a question about one catalog product quotes the lines of its card that answer what is asked
 * (`server/answers/card-brief.ts`): what it is (the kind and usage line), whose it is and under which laws (the
 * vendor's line), what replaces it (the alternatives, after what it is); never the line of inventory names; the card's
 * name and date after the quotes. Other products than the evaluation's (Webex, Dropbox, Fortinet, Nextcloud).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { briefOf } from "../../server/answers/brief.ts";
import { cardBrief } from "../../server/answers/card-brief.ts";
import type { SearchResult } from "../../server/retrieval/search.ts";
import { catalogCards, passageOf } from "../helpers/passages.ts";

let cards: SearchResult[];
beforeAll(async () => {
  cards = await catalogCards();
});
const card = (id: string) => cards.find((c) => c.document.id === id)!;
/** The brief of a question whose answer quotes these cards whole. */
const brief = (question: string, ...ids: string[]) => {
  const used = ids.map(card);
  return briefOf(
    question,
    used,
    used.map((c) => c.text),
    [],
  );
};
const lineOf = (id: string, opening: string) =>
  card(id)
    .text.split("\n")
    .find((l) => l.startsWith(opening))!;

describe("« En bref » of a question about one catalog card", () => {
  it("quotes the vendor's line for « est-il européen ? », never the inventory names", () => {
    const b = brief("Webex est-il européen ?", "catalog/product/webex", "catalog/vendor/cisco")!;
    expect(b.quotes.map((q) => q.text)).toEqual([lineOf("catalog/product/webex", "Éditeur : ")]);
    expect(b.text).not.toContain("Apparaît dans les inventaires");
    expect(b.text).toMatch(/\(fiche « Cisco Webex » du catalogue, [^)]+\) \[1\]$/);
  });

  it("quotes the kind and usage line for « ça sert à quoi ? »", () => {
    const b = brief("Dropbox, ça sert à quoi ?", "catalog/product/dropbox")!;
    expect(b.quotes).toEqual([{ text: card("catalog/product/dropbox").text.split("\n")[0], source: 1 }]);
  });

  it("quotes what it is, then its alternatives, for « par quoi le remplacer ? »", () => {
    const b = brief("Par quoi remplacer Dropbox ?", "catalog/product/dropbox")!;
    expect(b.quotes).toHaveLength(2);
    expect(b.quotes[0]!.text).toBe(card("catalog/product/dropbox").text.split("\n")[0]);
    expect(b.quotes[1]!.text.startsWith("Alternatives : ")).toBe(true);
  });

  it("quotes a vendor card's seat, owner and laws for « qui contrôle ? »", () => {
    const b = brief("Qui contrôle Fortinet ?", "catalog/vendor/fortinet")!;
    expect(b.quotes[0]!.text).toBe(card("catalog/vendor/fortinet").text.split("\n")[0]);
    expect(b.quotes.some((q) => q.text.startsWith("Exposition à des lois extra-européennes"))).toBe(true);
  });

  it("quotes the vendor's line for a risk asked, the card named in lower case (« et dropbox, c'est risqué ? »)", () => {
    const b = brief("et dropbox c'est risqué ?", "catalog/product/dropbox")!;
    expect(b.quotes.map((q) => q.text)).toEqual([lineOf("catalog/product/dropbox", "Éditeur : ")]);
  });

  it("quotes the end of support for a problem or a worry asked (« nos serveurs jira c'est un probleme ? »)", () => {
    const end = card("catalog/product/jira")
      .text.split("\n")
      .find((l) => /Fin du support/.test(l))!;
    for (const q of [
      "nos serveurs jira c'est un probleme ?",
      "jira ca nous pose probleme ?",
      "c'est urgent de sortir de jira ?",
    ])
      expect(brief(q, "catalog/product/jira")!.quotes[0]!.text, q).toContain("Fin du support");
    expect(end).toBeTruthy();
    // A card without an end of support: the vendor's line still answers a risk.
    expect(brief("et dropbox c'est un souci ?", "catalog/product/dropbox")!.quotes[0]!.text).not.toContain(
      "Fin du support",
    );
  });

  it("is left to the sentence picker when nothing a card says is asked, or a figure is", () => {
    const used = [card("catalog/product/dropbox")];
    expect(cardBrief("Dropbox, combien ça coûte ?", used, [used[0]!.text], 450)).toBeNull();
    expect(cardBrief("Dropbox fonctionne-t-il hors ligne ?", used, [used[0]!.text], 450)).toBeNull();
    // A card the question does not name.
    expect(cardBrief("Nextcloud est-il européen ?", used, [used[0]!.text], 450)).toBeNull();
  });

  it("does not take where the product is installed for where its vendor is (« installé sur nos postes »)", () => {
    const used = [card("catalog/product/dropbox")];
    expect(
      cardBrief("Faut-il un abonnement pour Dropbox installé sur nos postes ?", used, [used[0]!.text], 450),
    ).toBeNull();
  });

  it("never quotes a card's inventory names, even when the sentence picker chooses", () => {
    const b = brief("Dropbox Update Helper fonctionne-t-il hors ligne ?", "catalog/product/dropbox");
    expect(b?.text ?? "").not.toContain("Apparaît dans les inventaires");
  });
});

describe("a card named by three capitals typed in lower case (trial14 A16: « c'est quoi ovh »)", () => {
  it("answers « c'est quoi hpe ? » by its card: its seat, then the line describing it, before a sentence naming it", () => {
    const used = [
      passageOf(
        "achats#0",
        "Les marchés de serveurs de la Région",
        "Dans l'appel d'offres de la Région, les candidats retenus pour les serveurs sont HPE, Dell et Lenovo (La Gazette, 2026).",
        "guidance",
      ),
      card("catalog/vendor/hewlett-packard-enterprise"),
    ];
    const b = briefOf(
      "c est quoi hpe",
      used,
      used.map((c) => c.text),
      [],
    )!;
    expect(b.quotes[0]?.text).toBe(card("catalog/vendor/hewlett-packard-enterprise").text.split("\n")[0]);
    expect(b.quotes.length).toBe(2);
    expect(b.text).not.toContain("appel d'offres");
  });
});
