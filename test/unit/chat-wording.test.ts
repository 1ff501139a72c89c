import { describe, expect, it } from "vitest";
import { followUp, retrievalQuery } from "../../server/answers/answer.ts";
import type { AppError } from "../../server/core/errors.ts";
import { weighCatalog } from "../../server/retrieval/catalog-weight.ts";
import { asksForList } from "../../server/retrieval/enumeration.ts";
import { refersBack, topicOf } from "../../server/retrieval/follow-up.ts";
import { checkQuery } from "../../server/retrieval/query.ts";
import { assessAnswerability, questionTerms, writesAsName } from "../../server/retrieval/relevance.ts";
import { conversationOf } from "../helpers/conversation.ts";

const passage = (text: string, kind = "guidance") => ({ text, section: "", document: { title: "Loi SREN", kind } });
const SREN = passage(
  "La loi SREN (article 31) impose aux administrations de l'État un cloud qualifié ; les communes ne sont pas concernées.",
);

describe("a capitalised word opening the question or a clause", () => {
  it.each([
    "Bonjour, que dit la loi SREN pour les communes ?",
    "Franchement, que dit la loi SREN ?",
    "Sérieusement, que dit la loi SREN ?",
    "Merci ! Que dit la loi SREN ?",
  ])("is not a required name: %s", async (question) => {
    const terms = questionTerms(question).map((t) => t.word);
    expect(terms).toContain("sren");
    expect(terms.some((w) => ["bonjour", "franchement", "serieusement", "merci"].includes(w))).toBe(false);
    expect((await assessAnswerability(question, [SREN])).answerable).toBe(true);
  });

  it("is a name only if the corpus writes it as one (« Puisque » no, « Lyon » yes, an unknown « Dortmund » yes)", async () => {
    const corpus = [
      "La loi SREN oblige l'État, puisque l'article 31 le prévoit.",
      "La ville de Lyon a quitté Microsoft.",
    ];
    const frequency = async (w: string) => corpus.filter((t) => t.toLowerCase().includes(w)).length;
    const names = async (w: string) => corpus.some((t) => writesAsName(t, w));
    const sren = await assessAnswerability(
      "Puisque la loi SREN oblige les communes, que faire ?",
      [SREN],
      frequency,
      names,
    );
    expect(sren).toMatchObject({ answerable: true });
    const lyon = await assessAnswerability("Bonjour. Lyon a-t-elle quitté Microsoft ?", [SREN], frequency, names);
    expect(lyon.answerable).toBe(false);
    expect(lyon.missing).toContain("lyon");
    const dortmund = await assessAnswerability(
      "Salut ! Dortmund a-t-elle quitté Microsoft ?",
      [SREN],
      frequency,
      names,
    );
    expect(dortmund).toMatchObject({ answerable: false, reason: "unknown-name", missing: ["dortmund"] });
  });

  it("tells a name from a sentence's first word in a passage", () => {
    expect(writesAsName("La ville de Lyon a migré.", "lyon")).toBe(true);
    expect(writesAsName("Puisque la loi le dit. Lyon a migré.\n## Lyon", "lyon")).toBe(false);
    expect(writesAsName("Puisque la loi le dit.", "puisque")).toBe(false);
  });
});

describe("the words told as missing", () => {
  it("leave out conjugated auxiliaries and inverted verbs (« fera-t-il »)", async () => {
    const decision = await assessAnswerability("Quel temps fera-t-il demain à Lyon ?", [
      passage("Ville de Lyon : Territoire Numérique Ouvert, une suite bureautique libre."),
    ]);
    expect(decision.answerable).toBe(false);
    expect(decision.missing).not.toContain("fera");
    expect(decision.missing).toContain("demain");
  });
});

describe("follow-up questions", () => {
  const conversation = conversationOf;

  it("carry the previous question's topic when they refer back to it", () => {
    const { query, topic } = followUp(
      conversation("Que dit la loi SREN ?", "Et est-ce que ça s'applique à ma commune de 8 000 habitants ?"),
    );
    expect(topic).toBe("loi SREN");
    expect(query).toBe("loi SREN : Et est-ce que ça s'applique à ma commune de 8 000 habitants ?");
    expect(
      retrievalQuery(
        conversation(
          "Que dit la loi SREN ?",
          "Et pour une commune de 8 000 habitants ?",
          "Cela vaut-il aussi pour une intercommunalité rurale ?",
        ),
      ),
    ).toContain("SREN");
  });

  it("do not when linked by « et » alone to a question of its own (trial14 A8)", () => {
    // Two questions on a messaging tool, then one on another subject, opened by « et »: searched alone.
    const three = conversation(
      "Tchap c est obligatoire pour les communes",
      "et ca demarre quand",
      "et en 2028 la reversibilite des contrats d hebergement",
    );
    expect(followUp(three)).toEqual({
      query: "et en 2028 la reversibilite des contrats d hebergement",
      topic: null,
    });
    // Still carried: a question whose own words are the domain's general ones, or that refers back by a pronoun.
    expect(
      retrievalQuery(conversation("Que dit la loi SREN ?", "Et pour les petites communes, quelles obligations ?")),
    ).toContain("SREN");
    expect(retrievalQuery(conversation("Que dit la loi SREN ?", "Et côté marchés publics ?"))).toContain("SREN");
    expect(
      retrievalQuery(conversation("Combien coûte la licence Zimbra ?", "Et en 2027 elle augmentera de combien ?")),
    ).toContain("Zimbra");
  });

  it("do not when the new question stands alone", () => {
    expect(
      retrievalQuery(conversation("Que dit la loi SREN ?", "Combien la Gendarmerie a-t-elle économisé avec Linux ?")),
    ).toBe("Combien la Gendarmerie a-t-elle économisé avec Linux ?");
    expect(refersBack("Est-il possible de garder Windows sur nos postes ?")).toBe(false);
    expect(refersBack("S'applique-t-elle aux communes ?")).toBe(true);
    expect(topicOf("Qu'a décidé le Schleswig-Holstein en 2024 ?")).toBe("décidé Schleswig-Holstein 2024");
  });
});

describe("catalog cards in the ranking", () => {
  const hit = (id: string, score: number, text = "") => ({
    id: `${id}#0`,
    docId: id,
    score,
    chunk: { text, document: { title: id.split("/").at(-1)! } },
  });
  const order = (query: string, ranked: ReturnType<typeof hit>[]) =>
    weighCatalog(query, ranked).ranked.map((r) => r.docId);

  it("weigh less than a guide for a question that asks for no product", () => {
    const ranked = [
      hit("catalog/alternative/harfanglab", 10, "Remplace : Microsoft Defender (remplacement direct)."),
      hit("catalog/product/windows-server", 9),
      hit("guidance/cloud-act-fisa-702", 7.9),
    ];
    expect(order("Les serveurs de Microsoft sont en France : sommes-nous protégés du CLOUD Act ?", ranked)[0]).toBe(
      "guidance/cloud-act-fisa-702",
    );
  });

  it("keep their rank when the question names them or asks for products", () => {
    const ranked = [
      hit("catalog/alternative/tixeo", 10, "Remplace : Zoom (remplacement direct)."),
      hit("catalog/alternative/obs-studio", 9.5, "Diffusion des conseils municipaux."),
      hit("guidance/visio", 8),
    ];
    expect(order("Quelle alternative européenne à Zoom pour le conseil municipal ?", ranked)).toEqual([
      "catalog/alternative/tixeo",
      "guidance/visio",
      "catalog/alternative/obs-studio",
    ]);
    const permits = [hit("catalog/alternative/openads", 10), hit("guidance/achats", 9)];
    expect(order("Existe-t-il un logiciel libre pour instruire les permis de construire ?", permits)).toEqual([
      "catalog/alternative/openads",
      "guidance/achats",
    ]);
  });
});

describe("questions asking for a list", () => {
  it("are told apart", () => {
    expect(asksForList("Quelles communes sont passées au logiciel libre ?")).toBe(true);
    expect(asksForList("Quelle alternative à Zoom ?")).toBe(false);
  });
});

describe("an empty question", () => {
  it("is « La question est vide » for the chat and the CLI, the parameter q for the search API", () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as AppError;
      }
      throw new Error("no error");
    };
    expect(error(() => checkQuery("  ")).message).toMatch(/^La question est vide/);
    expect(error(() => checkQuery("  ")).message).not.toContain("paramètre q");
    expect(error(() => checkQuery("", "api")).message).toContain("paramètre q");
  });
});
