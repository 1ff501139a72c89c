/**
 * A question that states a fact and then asks another at a plain comma (held-out-25 diagnosis: « boe a eu le niveau
 * or, il faut combien de points pour l'avoir »), or a comparison asked after its two subjects: whether a sentence of
 * the passages found holds what the second part asks with its subject (`second-ask.ts`). Invented places, products and
 * passages, not the set's questions.
 */
import { describe, expect, it } from "vitest";
import { partialStatement } from "../../server/answers/partial.ts";
import {
  askHeldBy,
  comparedThenAsked,
  missingAsk,
  secondAsk,
  statedThenAsked,
} from "../../server/retrieval/second-ask.ts";
import { lexicon, passage } from "../helpers/abstention.ts";

describe("a question stated then asked at a plain comma", () => {
  it("cuts a statement from a part that asks, with or without its question mark", () => {
    expect(statedThenAsked("zorbex est libre, combien coute une licence par poste")).toEqual({
      first: "zorbex est libre",
      second: "combien coute une licence par poste",
    });
    expect(statedThenAsked("valbrune passe a libreoffice, et montclair ?")?.second).toBe("et montclair ?");
    expect(statedThenAsked("zorbex est en beta, peut on le mettre dans les ecoles")?.second).toBe(
      "peut on le mettre dans les ecoles",
    );
    // « où » typed « ou » asks where it opens the part.
    expect(statedThenAsked("zorbex est libre, ou suivre une formation zorbex")?.second).toBe(
      "ou suivre une formation zorbex",
    );
  });

  it("does not cut a question, the asker's own setting, a comma in a number, nor a part that asks nothing", () => {
    expect(statedThenAsked("combien coute zorbex, par poste ?")).toBeNull();
    expect(statedThenAsked("on a 40 postes a la mairie, combien coute zorbex")).toBeNull();
    expect(statedThenAsked("valbrune voulait 3,3 millions de postes")).toBeNull();
    expect(statedThenAsked("valbrune a migre ses postes, puis ses serveurs")).toBeNull();
    // A topic named before the question, without a verb of its own, is no statement.
    expect(statedThenAsked("Zorbex, l'éditeur de visio, il vient d'où ?")).toBeNull();
  });

  it("reads the statement's verb by its form, not only from a list", () => {
    // « c'est », a verb before an infinitive, the imperfect, a verb before its object's determiner.
    expect(statedThenAsked("zorbex c'est plimo ok, mais quelle version ils font tourner")?.first).toBe(
      "zorbex c'est plimo ok",
    );
    expect(statedThenAsked("valbrune dit avoir un cloud local, c'est quel modele")?.first).toBe(
      "valbrune dit avoir un cloud local",
    );
    expect(statedThenAsked("valbrune voulait zorbex, et montclair ?")?.first).toBe("valbrune voulait zorbex");
    expect(statedThenAsked("durand dirige l'association, et montclair ?")?.first).toBe("durand dirige l'association");
    // A noun after a determiner or a preposition, an adjective before « des », « de » before « la », an infinitive
    // opening the statement: no verb.
    expect(statedThenAsked("Le tableur Zorbex de La Suite, qui le développe ?")).toBeNull();
    expect(statedThenAsked("Le logiciel de classe virtuelle des écoles, Zorbex, il vient de quel pays ?")).toBeNull();
    expect(statedThenAsked("quitter zorbex pour plimo reduit la facture, mais la dependance hors europe ?")).toBeNull();
  });

  it("cuts a comparison asking which of its two subjects, not one asking something else of them", () => {
    expect(comparedThenAsked("zorbex ou quarkon, lequel est le plus rapide a installer")).toEqual({
      first: "zorbex ou quarkon",
      second: "lequel est le plus rapide a installer",
    });
    expect(comparedThenAsked("zorbex ou quarkon pour remplacer vmware, ils sont cites ?")).toBeNull();
  });

  it("reads what the second part asks: its own subject, the words asked, the kind of value", () => {
    const count = secondAsk({ first: "zorbex est libre", second: "combien de personnes y travaillent" });
    expect(count.kind).toBe("count");
    expect(secondAsk({ first: "zorbex est libre", second: "combien coute une licence" }).kind).toBe("price");
    expect(secondAsk({ first: "valbrune a migre", second: "quelle date pour la fin de teams" }).kind).toBe("date");
    // Another subject, asked the same as the first part's: what the first part says of its own is asked of it.
    const same = secondAsk({ first: "valbrune passe a libreoffice", second: "et montclair ?" });
    expect(same).toMatchObject({ subject: ["montclair"], same: true });
    expect(same.asked.map((t) => t.word)).toContain("libreoffice");
    const other = secondAsk({ first: "valbrune a choisi zorbex", second: "et dans les lycees ils utilisent quoi" });
    expect(other.subject).toEqual(["lycees"]);
    // A word of the first part is no new thing asked; « a présidé » does not write « le président ».
    const asked = secondAsk({ first: "durand a preside l'association", second: "qui est le president en 2026" });
    expect(asked.asked.map((t) => t.word)).toEqual(["president", "2026"]);
  });
});

describe("whether a sentence of the passages found holds the second part's ask with its subject", () => {
  const ZORBEX = passage(
    "Zorbex : un logiciel libre",
    "Zorbex est un logiciel libre publié sous licence AGPL. Il est développé par une entreprise de Lyon.",
  );
  const ZORBEX_PRICE = passage("Zorbex : le prix", "La licence Zorbex coûte 12 € par poste et par an.");
  const FIGURES = passage(
    "Quarkon, Zorbex et Plimo en quelques chiffres",
    "Quarkon compte 300 000 utilisateurs actifs par mois. Zorbex est installé dans les ministères.",
  );
  const ZORBEX_USERS = passage("Zorbex : les utilisateurs", "Zorbex compte 40 000 utilisateurs actifs en 2025.");
  const VALBRUNE = passage(
    "Valbrune : le passage à LibreOffice",
    "Valbrune est passée à LibreOffice en 2021 sur ses 2 000 postes.",
  );
  const FAST = passage("Zorbex : installation", "Zorbex est rapide à installer : une heure suffit.");
  const CARD = passage("Zorbex", "Éditeur : Zorbex SAS. Pays : France.", "catalog");
  const texts = [ZORBEX, ZORBEX_PRICE, FIGURES, ZORBEX_USERS, VALBRUNE, FAST, CARD].flatMap((p) => [
    p.text,
    p.document.title,
  ]);
  const { frequency, names } = lexicon(texts);

  it("finds a price missing when no sentence on the subject gives a sum, held when one does", async () => {
    const q = "zorbex est libre, combien coute une licence par poste";
    expect(await missingAsk(q, [ZORBEX], frequency, names)).toEqual({
      part: "combien coute une licence par poste",
      words: ["prix"],
      first: "zorbex est libre",
    });
    expect(await missingAsk(q, [ZORBEX, ZORBEX_PRICE], frequency, names)).toBeNull();
  });

  it("finds a count missing when the figure counts it of another subject of a heading that lists several", async () => {
    const q = "zorbex est libre, combien d'utilisateurs actifs";
    const missing = await missingAsk(q, [ZORBEX, FIGURES], frequency, names);
    expect(missing?.words).toContain("utilisateurs");
    expect(partialStatement(missing!, q)).toContain("« combien d'utilisateurs actifs »");
    expect(await missingAsk(q, [ZORBEX, ZORBEX_USERS], frequency, names)).toBeNull();
    expect(await askHeldBy(q, [ZORBEX, FIGURES, ZORBEX_USERS], frequency, names)).toEqual([ZORBEX_USERS]);
  });

  it("finds another subject asked the same missing when no sentence names it with what the first part says", async () => {
    const q = "valbrune passe a libreoffice, et montclair ?";
    expect(await missingAsk(q, [VALBRUNE], frequency, names)).toMatchObject({
      part: "et montclair ?",
      words: ["montclair"],
    });
  });

  it("finds the criterion of a comparison missing when no sentence names a subject with it", async () => {
    const q = "zorbex ou quarkon, lequel est le plus rapide a installer";
    expect(await missingAsk(q, [ZORBEX, FIGURES], frequency, names)).toMatchObject({ words: ["rapide"] });
    expect(await missingAsk(q, [ZORBEX, FAST], frequency, names)).toBeNull();
  });

  it("leaves a second part asked yes or no, and a count that names nothing counted", async () => {
    // (Judgement words, « c'est grave ? », « on le croit ? », are not the corpus's: held-out-10…25 answered wrongly.)
    expect(await missingAsk("zorbex est libre, c'est grave ?", [ZORBEX], frequency, names)).toBeNull();
    expect(
      await missingAsk("zorbex est libre, peut on le mettre dans les creches", [ZORBEX], frequency, names),
    ).toBeNull();
    expect(await missingAsk("zorbex est libre, combien disait-il avoir gagne", [ZORBEX], frequency, names)).toBeNull();
    // « mais l'éditeur est-il européen » is a clause, not another subject.
    expect(
      secondAsk({ first: "zorbex n'est pas libre", second: "mais l'editeur est-il au moins europeen ?" }).subject,
    ).toEqual([]);
  });

  it("reads a catalog card as answering what its fields say", async () => {
    const q = "zorbex est libre, quel editeur le publie";
    expect(await missingAsk(q, [ZORBEX, CARD], frequency, names)).toBeNull();
  });

  it("finds the thing a second part opens on missing when no sentence holds it with the subject", async () => {
    // « son budget », « les serveurs de la … »: the subject's thing, or a thing named with its owner.
    expect(
      secondAsk({ first: "zorbex est libre", second: "quel est son budget annuel" }).things.map((t) => t.word),
    ).toEqual(["budget"]);
    expect(
      secondAsk({ first: "zorbex est libre", second: "et les serveurs de la mairie sont ou" }).things.map(
        (t) => t.word,
      ),
    ).toEqual(["serveurs", "mairie"]);
    // A thing its interrogative asks, or one without owner, a passage may say otherwise: not required.
    expect(secondAsk({ first: "zorbex est libre", second: "mais quelle distrib ?" }).things).toEqual([]);
    expect(secondAsk({ first: "zorbex est libre", second: "mais la dependance hors europe ?" }).things).toEqual([]);
    const q = "zorbex est libre, quel est son budget annuel";
    // (« coûte » is a synonym of « budget »: a sentence giving the licence's price would hold it.)
    expect(await missingAsk(q, [ZORBEX], frequency, names)).toMatchObject({ words: ["budget", "annuel"] });
    const BUDGET = passage("Zorbex : le budget", "Le budget annuel de Zorbex est de 2 millions d'euros.");
    expect(await missingAsk(q, [ZORBEX, BUDGET], frequency, names)).toBeNull();
  });

  it("leaves a question of one part, or one whose first part the passages do not answer", async () => {
    expect(await missingAsk("combien coute une licence zorbex", [ZORBEX], frequency, names)).toBeNull();
    expect(await missingAsk("plimo est libre, combien coute une licence", [ZORBEX], frequency, names)).toBeNull();
  });
});
