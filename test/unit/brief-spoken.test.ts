/**
 * « En bref » of questions an élue dictates on her phone (trial14 leftovers, round 17), read aloud in a council
 * without being corrected: a rise asked is answered by a sentence saying a change, not by a purchase price; the
 * percentage the question writes (« +30 % ? ») is what a sentence giving it answers with; a figure one list item gives
 * is not said unconfirmed because of the next item's reserve; « on peut l'utiliser nous ? » is answered by the card's
 * line on who may use the tool, « ça sert à quoi ? » by the line describing it (not its licence or its vendor's seat);
 * « ça nous oblige à quoi ? » by a sentence saying a duty (or that none applies), not the text's date or a pointer to
 * another page; « Annecy fait partie des lauréats ? » says first that no passage names it among them when none does,
 * then what they say of the laureates — never a sentence naming it in another capacity. Passages written for the test, on other places and
 * products than the trial's.
 */
import { describe, expect, it } from "vitest";
import { dutyAnswer } from "../../server/answers/brief.ts";
import { qualificationNote } from "../../server/answers/qualified.ts";
import { excerpt } from "../../server/retrieval/passages.ts";
import { briefFor, catalogCards, passageOf } from "../helpers/passages.ts";

const texts = (question: string, used: ReturnType<typeof passageOf>[], asked: ("quantity" | "date")[] = []) =>
  briefFor(question, used, asked)?.quotes.map((q) => q.text) ?? [];

describe("a rise asked", () => {
  const used = [
    passageOf(
      "citrix#0",
      "Citrix racheté par un fonds : hausses de prix",
      "Le fonds a finalisé en 2022 le rachat de Citrix pour plus de 16 milliards de dollars (Presse, 2022). Les clients font état de licences multipliées par 3 à 5 depuis le rachat (Presse, 2024).",
    ),
  ];
  it("is not answered by the price the company was bought for (« la hausse de Citrix c'est combien »)", () => {
    const quoted = texts("la hausse de Citrix après le rachat c'est combien ?", used, ["quantity"]);
    expect(quoted.join(" ")).not.toContain("16 milliards");
    expect(quoted.join(" ")).toContain("multipliées par 3 à 5");
  });
  it("spoken without a question word (« citrix hausse »)", () => {
    const quoted = texts("citrix hausse", used);
    expect(quoted.join(" ")).not.toContain("16 milliards");
  });
});

describe("the percentage the question writes", () => {
  it("« … de +25 % ? » is answered by the sentence that gives 25 %, not by a quote on the same vendor", () => {
    const used = [
      passageOf(
        "bretagne#0",
        "Département du Finistère : quitter Oracle",
        "Le Département s'était équipé d'Oracle en 2015. Au renouvellement, il s'est vu proposer une hausse de 15 à 25 % (Presse, 2024). Le directeur a résumé : avec Oracle, les hausses du Finistère ne se discutaient plus.",
      ),
    ];
    const quoted = texts("Le Finistère a eu une hausse d'Oracle de +25 % ?", used);
    expect(quoted[0]).toContain("15 à 25 %");
  });

  it("a list item's figure is not said unconfirmed for the reserve of the item after it", () => {
    const passage = [
      "- Hausse de 15 à 25 % du coût proposé au renouvellement : chiffre donné par le Département et repris par deux médias.",
      "- Facture « divisée par trois » : chiffre avancé par un seul média et non confirmé.",
    ].join("\n");
    expect(
      qualificationNote("Au renouvellement, il s'est vu proposer une hausse de 15 à 25 % (Presse, 2024).", passage),
    ).toBeNull();
    // (A reserve in the same item still reaches its figure.)
    expect(
      qualificationNote(
        "Les licences ont coûté 40 % de plus.",
        "Les licences ont coûté 40 % de plus, chiffre non confirmé.",
      ),
    ).not.toBeNull();
  });
});

describe("a spoken question to a catalog card", () => {
  it("« une commune peut l'utiliser ? » reads who may use it, not its known users", async () => {
    const cards = await catalogCards();
    const card = cards.find((c) => c.document.id === "catalog/alternative/tchap")!;
    const text = briefFor("Tchap, une commune peut l'utiliser ?", [card])?.text ?? "";
    expect(text).toContain("Pour une collectivité : ");
    expect(text).not.toContain("Utilisateurs publics connus");
  });
  it("« ça sert à quoi ? » reads what the tool does, not where its vendor sits", async () => {
    const cards = await catalogCards();
    const card = cards.find((c) => c.document.id === "catalog/vendor/nextcloud")!;
    const text = briefFor("Nextcloud, ça sert à quoi ?", [card])?.text ?? "";
    expect(text).toContain("partage de fichiers");
    expect(text).not.toContain("siège");
  });
});

describe("a duty asked (« ça nous oblige à quoi ? »)", () => {
  const used = [
    passageOf(
      "dora#0",
      "Le règlement DORA et les collectivités",
      "Le règlement (UE) 2022/2554, dit DORA, a été publié le 27 décembre 2022. Les entités financières doivent tester leur résilience numérique et déclarer leurs incidents. La directive DORA, qui impose des obligations à certains organismes, fait l'objet d'une fiche séparée.",
      "guidance",
    ),
  ];
  it("is answered by the sentence saying a duty, though it does not write the question's word for it", () => {
    const quoted = texts("DORA ça nous oblige à quoi ?", used);
    expect(quoted[0]).toContain("doivent tester leur résilience");
    expect(quoted.join(" ")).not.toContain("publié le 27 décembre");
    expect(quoted.join(" ")).not.toContain("fiche séparée");
  });
  it("the excerpt shows that sentence", () => {
    const text =
      "Le règlement DORA a été publié en 2022. Il couvre 20 types d'entités financières et remplace des textes épars, dont le champ était plus étroit et moins précis qu'aujourd'hui. Les entités financières doivent tester leur résilience numérique et déclarer leurs incidents.";
    const shown = excerpt(
      text,
      ["dora", "oblige"],
      120,
      "",
      [],
      new Set(),
      dutyAnswer("DORA ça nous oblige à quoi ?")!,
    );
    expect(shown).toContain("doivent tester");
  });
});

describe("a membership asked (« X fait partie des lauréats ? »)", () => {
  const used = [
    {
      ...passageOf(
        "label#0",
        "Le label Ville Numérique Ouverte : critères et lauréats",
        "Le label a été créé en 2018 par une association. À ne pas confondre avec la plateforme développée par la Métropole d'Annecy.\n\n- Niveau Or : Voiron, Crolles et le Syndicat des Alpes.\n- Badge : Chambéry et Albertville.",
        "ecosystem",
      ),
      section: "Le label : les lauréats de 2025",
    },
  ];
  it("says the passages do not name it among them, then quotes the laureates, not the sentence naming it", () => {
    const text = briefFor("Annecy fait partie des lauréats ?", used)?.text ?? "";
    expect(text).toContain("Les passages cités ne nomment pas Annecy parmi les lauréats.");
    expect(text).toContain("Niveau Or : Voiron");
    expect(text).not.toContain("Métropole d'Annecy");
  });
  it("quotes the item naming it for a name the list gives", () => {
    const text = briefFor("Crolles fait partie des lauréats ?", used)?.text ?? "";
    expect(text).not.toContain("ne nomment pas");
    expect(text).toContain("Niveau Or : Voiron, Crolles");
  });
});
