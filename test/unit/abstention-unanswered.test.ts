/**
 * Unanswerable questions the rules answered (held-out-18 and older burned sets, test/eval/README.md « Vingt-quatrième
 * série »): each kind on other products, texts, years and people than the sets' questions, on the real corpus (what a
 * user gets) or on a small one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { usualQualifier } from "../../server/retrieval/qualifier.ts";
import {
  aboutPerson,
  assessAnswerability,
  personalAsked,
  writesCapitals,
  writesReleased,
} from "../../server/retrieval/relevance.ts";
import { lexicon, passage } from "../helpers/abstention.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-unanswered-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("a version or a model a card lists only among its names", () => {
  it("abstains when the card says nothing of what is asked of that version", async () => {
    for (const q of [
      "Autodesk Revit 2024, la fin de support c'est quand ?",
      "Le ProLiant DL380 Gen10 suffit-il pour une mairie de 5 000 habitants ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("answers what the card says of the product, asked of one of its listed versions", async () => {
    for (const q of [
      "Microsoft SQL Server 2019, c'est soumis au CLOUD Act ?",
      "Hyper-V Server 2019 maintient-il la dépendance à Microsoft ?",
      "Nos serveurs sont des ProLiant DL380 Gen10 : c'est souverain ou américain ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a release of a product the corpus writes with release numbers", () => {
  it("is told by the corpus writing the name before a number, not inside another name", () => {
    expect(writesReleased("Les postes passent de Quadrix 2016 à Quadrix 365.", "quadrix")).toBe(true);
    expect(writesReleased("La version LibreOffice 7 remplace OnlyOffice 8.", "office")).toBe(false);
    expect(writesReleased("Le label Quadrix, 2016.", "quadrix")).toBe(false);
  });
});

describe("a sum asked in the conditional or the future", () => {
  it("needs a sum of money in the passage (« combien ça coûterait »)", async () => {
    const text =
      "Passer à Grommunio coûterait moins cher qu'Exchange, selon 300 communes (2021) ; le passage coûtera peu.";
    const { frequency, names } = lexicon([text]);
    for (const q of ["Combien ça coûterait de passer à Grommunio ?", "Combien coûtera le passage à Grommunio ?"])
      expect(await assessAnswerability(q, [passage("Grommunio", text)], frequency, names), q).toMatchObject({
        answerable: false,
        reason: "missing-figure",
      });
    const priced = `${text} La licence coûte 5 euros par boîte.`;
    const priced2 = lexicon([priced]);
    expect(
      await assessAnswerability(
        "Combien ça coûterait de passer à Grommunio ?",
        [passage("Grommunio", priced)],
        priced2.frequency,
        priced2.names,
      ),
    ).toMatchObject({ answerable: true });
  });
});

describe("a year the corpus never writes, in a yes-or-no question", () => {
  it("is required of the passage that answers", async () => {
    expect(await decide("Y avait-il déjà des communes sous Linux en 1987 ?")).toMatchObject({ answerable: false });
  });
  it("a year the corpus writes stays a claim it can correct", async () => {
    expect(await decide("Munich est revenue à Windows en 2017 ?")).toMatchObject({ answerable: true });
  });
});

describe("a private-life question", () => {
  it("asks of a person's home what they bought (« a acheté quelle maison »)", () => {
    expect(personalAsked("Tariq Krim a acheté quelle maison avec sa prime ?").length).toBeGreaterThan(0);
    expect(personalAsked("Elle s'est offert quel appartement à Paris ?").length).toBeGreaterThan(0);
    // A public building (« la maison France services ») is no person's: the question is not about one.
    expect(aboutPerson("Quelle maison France services est la plus proche de la mairie ?")).toBe(false);
  });
});

describe("a word the corpus never uses after a noun it gives another qualifier", () => {
  it("asks about another thing (« la souveraineté énergétique » against « souveraineté numérique »)", async () => {
    for (const q of [
      "Le conseil municipal peut-il garantir la souveraineté énergétique en achetant 100 % local ?",
      "La médiathèque peut-elle garantir la souveraineté énergétique en achetant local ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "unknown-words" });
  });
  it("not with the corpus's own qualifier", async () => {
    expect(await decide("La commune peut-elle garantir sa souveraineté numérique en achetant local ?")).toMatchObject({
      answerable: true,
    });
  });
  it("reads the usual qualifier from the texts", () => {
    const texts = ["la souveraineté numérique", "la souveraineté numérique de l'État", "notre souveraineté"];
    expect(usualQualifier(texts, "souverainete", new Set(["de"]))).toBe("numerique");
    expect(usualQualifier(["la ville de Lyon", "la ville de Paris", "la ville"], "ville", new Set(["de"]))).toBe(
      undefined,
    );
  });
});

describe("a legal text the question asks what it imposes", () => {
  it("must be written by the passage that answers (« l'arrêté … impose »)", async () => {
    expect(await decide("L'arrêté 2025 sur les logiciels des mairies impose LibreOffice ?")).toMatchObject({
      answerable: false,
      reason: "missing-name",
    });
  });
  it("the noun elsewhere, or the verb « arrêter », is no such subject", async () => {
    for (const q of [
      "La circulaire Ayrault impose-t-elle le logiciel libre ?",
      "un parapheur libre pour faire signer les arrêtés par le maire, ça existe ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a short word typed in capitals as an acronym", () => {
  it("names something the corpus does not know when it writes the word only in lower case or in another name", async () => {
    const text = "Le collectif Pont Libre héberge ses outils en France ; il jette un pont entre élus et agents.";
    const { frequency, names } = lexicon([text]);
    const withCapitals = Object.assign(names, { capitals: async (w: string) => writesCapitals(text, w) });
    const judge = (q: string) => assessAnswerability(q, [passage("Pont Libre", text)], frequency, withCapitals);
    expect(await judge("PONT Collectif, c'est hébergé où ?")).toMatchObject({
      answerable: false,
      reason: "unknown-name",
      missing: ["pont"],
    });
    expect(await judge("Pont Libre, c'est hébergé où ?")).toMatchObject({ answerable: true });
  });
  it("not an acronym the corpus writes in capitals", async () => {
    for (const q of ["Le SILL recommande quoi pour la bureautique ?", "La DINUM utilise Tchap ?"])
      expect(await decide(q), q).toMatchObject({ answerable: true });
    expect(writesCapitals("Le SILL, socle interministériel", "sill")).toBe(true);
    expect(writesCapitals("Cap Libre garde le cap", "cap")).toBe(false);
  });
});

// held-out-19's unanswerable questions answered (« Vingt-sixième série », abstain31), on other people, products and towns.
describe("a private-life question said in everyday words", () => {
  it("asks of a person's health or home (« des soucis de santé », « une maison en … »)", () => {
    for (const q of [
      "Tariq Krim a eu des ennuis de santé ?",
      "David Amiel a des soucis de santé ?",
      "Tariq Krim a-t-il une maison en Bretagne ?",
      "David Amiel possède une maison à la campagne ?",
    ])
      expect(personalAsked(q).length, q).toBeGreaterThan(0);
  });

  it("abstains on the real corpus though the person is cited", async () => {
    for (const q of ["David Amiel a eu des soucis de santé ?", "David Amiel a une maison en Bretagne ?"])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("not the health data or a public building a question asks about", async () => {
    expect(personalAsked("Les données de santé du Health Data Hub quittent Microsoft ?")).toEqual([]);
    // A company's parent (« une maison mère en Chine ») is no one's home.
    expect(personalAsked("Zoom a une maison mère en Chine ?")).toEqual([]);
    expect(await decide("Zoom a une maison mère en Chine ?")).not.toMatchObject({ reason: "personal" });
  });
});

describe("a release code of four digits after a card's name", () => {
  it("is a release the corpus does not treat (« VMware Horizon 2312 »)", async () => {
    for (const q of ["VMware Horizon 2312 a une faille ?", "Omnissa Horizon 2406 est compatible avec Windows 11 ?"])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("not a year, nor the product itself", async () => {
    for (const q of ["VMware Horizon, c'est américain ?", "Munich est revenue à Windows en 2017 ?"])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("a town typed in lower case with its locative words", () => {
  it("is a name the corpus lacks (« pont de l'arche est passée à … », « dole dans le jura … »)", async () => {
    for (const q of [
      "pont de l'arche est passée à Linux quand ?",
      "dole dans le jura est passée à libreoffice ?",
      "bourg en bresse a migré vers nextcloud ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("not a town the corpus knows, nor a common noun opening the question", async () => {
    for (const q of [
      "munich est revenue à Windows ?",
      "la gendarmerie est passée à Linux quand ?",
      "lyon dans le rhône est passée à onlyoffice ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });
});

describe("the asker's own town named, and its own figure asked (« on paie combien »)", () => {
  it("abstains: the corpus cannot know what the asker's commune pays", async () => {
    for (const q of [
      "je suis élu à Plouzané, on paie combien de licences Microsoft 365 par an ?",
      "Je suis adjointe à Mauriac, on dépense combien pour la messagerie ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers a price asked for any commune after the introduction", async () => {
    expect(
      await decide("Je suis élu à Plouzané, les licences Microsoft 365 augmentent de combien en 2026 ?"),
    ).toMatchObject({ answerable: true });
  });
});

describe("a release with points the corpus writes only with other points (« SecNumCloud 3.2 », not 3.3)", () => {
  it("abstains on the release it does not write", async () => {
    for (const q of ["Albert tourne encore sur Llama 3.3 ?", "llama 3.4 c'est libre ?", "WinRAR 7.10 a une faille ?"])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("answers the release it writes", async () => {
    expect(await decide("Albert s'appuie sur Llama 3.1 ?")).toMatchObject({ answerable: true });
  });
});

describe("« Qu'est devenu X ? » asks what followed X (faithblind12's retrieval remark)", () => {
  it("is answered by a passage on its successor, without the verb « devenir »", async () => {
    const text = "Le service Framaliste a été remplacé en 2024 par Listes, une messagerie de listes de diffusion.";
    const { frequency, names } = lexicon([text, "Une autre page sur les listes."]);
    const decision = await assessAnswerability(
      "Qu'est devenu Framaliste ?",
      [passage("Framaliste", text)],
      frequency,
      names,
    );
    expect(decision.answerable).toBe(true);
    // The question still needs its subject: what became of something the passages do not name is refused.
    const other = await assessAnswerability(
      "Qu'est devenue la piscine municipale ?",
      [passage("Framaliste", text)],
      frequency,
      names,
    );
    expect(other.answerable).toBe(false);
  });
});

describe("a person's private life asked in everyday words (held-out-20, « Vingt-neuvième série »)", () => {
  it("finds a career before, a school, a childhood town, a spouse, a past salary", () => {
    const found = (q: string) => personalAsked(q).map((p) => p.found);
    expect(found("Laurent Cozic travaillait où avant de créer Joplin ?")).not.toEqual([]);
    expect(found("Magali Garnero a fait quelle école ?")).not.toEqual([]);
    expect(found("Dirk Schrödter a grandi dans quelle ville ?")).not.toEqual([]);
    expect(found("Le mari de la ministre a-t-il été sanctionné lui aussi ?")).not.toEqual([]);
    expect(found("Bertrand Maes gagnait combien quand il était adjoint ?")).not.toEqual([]);
    // Not a private life: what a product did before, a school as a place, a project that grew.
    expect(found("Combien d'écoles de la commune utilisent PrimTux ?")).toEqual([]);
    expect(found("Nextcloud a beaucoup grandi depuis 2016 ?")).toEqual([]);
  });

  it("takes a name written in lower case for a person when the passages write it as one", async () => {
    for (const q of ["frédéric couchet est marié ?", "magali garnero habite dans quelle ville ?"])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "personal" });
    // What the corpus says of the person stays answered.
    expect(await decide("frédéric couchet a fondé quelle association ?")).toMatchObject({ answerable: true });
  });
});

describe("an absent town typed in lower case (held-out-20, « Vingt-neuvième série »)", () => {
  it("abstains on a town opening the question and taken up by a pronoun, or an élu's own town", async () => {
    for (const q of [
      "brioude elle est passée sous linux ?",
      "montbard c'est combien de postes sous libreoffice ?",
      "je suis adjoint à bressuire, combien on dépenserait pour équiper nos postes de libreoffice ?",
      "moi je suis conseillère à chinon, combien coûte une messagerie libre chez nous ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });

  it("still answers a town the corpus writes, typed the same way", async () => {
    expect(await decide("millau elle est passée sous linux ?")).toMatchObject({ answerable: true });
    expect(await decide("je suis adjoint à échirolles, comment a-t-on lancé la démarche ?")).toMatchObject({
      answerable: true,
    });
  });
});

describe("a lower-case town opening the question before what it buys or leaves (« Vingt-neuvième série »)", () => {
  it("abstains when the corpus never writes the town, answers when it does", async () => {
    expect(await decide("vierzon achète ses licences par l'ugap ?")).toMatchObject({ answerable: false });
    expect(await decide("millau achète ses pc par l'ugap ?")).toMatchObject({ answerable: true });
  });
});
