/**
 * What an élue reads aloud is about what she asked (trial10 A6, B4): « En bref » and « L'essentiel » quote a sentence
 * on the question's subject, never a claim the corpus refutes next, never « le conseil municipal » of a town they do
 * not name; a country asked comes first; a catalog card is dated and answers a risk by its publisher. Passages written
 * for the test, on places and products that are not the trial's.
 */
import { describe, expect, it } from "vitest";
import { quotableSentences, refutesPrevious, unnamedCollectivity, wordStem } from "../../server/answers/verbatim.ts";
import { answerPoints } from "../../server/drafting/answer-points.ts";
import { needsPrevious } from "../../server/retrieval/passages.ts";
import { briefFor, passageOf } from "../helpers/passages.ts";

const passage = passageOf;
const brief = briefFor;

describe("a sentence about another subject is not read aloud", () => {
  it("the question's subject (a name a document's title writes) is in the quote or its document's title", () => {
    const used = [
      passage(
        "douane#0",
        "La Douane et Debian",
        "Le dernier chiffre publié est celui de 12 000 postes sous Debian en 2022, soit 70 % du parc.",
      ),
      passage(
        "vienne#0",
        "Vienne et WienUX",
        "Les sources divergent sur le nombre de postes passés sous Debian : entre 3 000 et 4 000 postes selon les sources.",
      ),
      passage("vienne#1", "Vienne et WienUX", "La ville a passé ses postes sous Debian de 2005 à 2012 avec succès."),
    ];
    const quotes = brief("combien de postes la douane a passé sous debian", used, ["quantity"])?.quotes ?? [];
    expect(quotes.map((q) => q.source)).toEqual([1]);
  });

  it("a product the question names (« Webex ») sets its subject apart in « En bref »", () => {
    const used = [
      passage(
        "graz#0",
        "Graz et LinGraz",
        "À Graz, le conseil municipal a voté en 2017 le retour à des logiciels sous Windows pour ses réunions du conseil.",
      ),
      passage(
        "webex#0",
        "La visioconférence des collectivités",
        "Webex est édité par Cisco, une entreprise américaine soumise au CLOUD Act pour les réunions qu'elle héberge.",
      ),
      passage(
        "visio#0",
        "Réunions en ligne",
        "Les réunions du conseil municipal peuvent se tenir en visioconférence depuis 2020, selon le code général.",
      ),
    ];
    const question = "Pouvons-nous garder Cisco Webex pour les réunions du conseil municipal ?";
    expect(brief(question, used)?.quotes.map((q) => q.source)).toEqual([2]);
  });

  it("« le conseil municipal » of a town the sentence does not name is not quoted, in « En bref » nor « L'essentiel »", () => {
    const text =
      "En mars 2019, le conseil municipal a voté le retour à Zimbra pour sa messagerie, après cinq ans de migration. À Graz, le conseil municipal a voté en 2021 le passage à Zimbra pour toute la messagerie.";
    expect(unnamedCollectivity("En mars 2019, le conseil municipal a voté le retour à Zimbra.")).toBe(true);
    expect(unnamedCollectivity("La commune a choisi Zimbra après une comparaison des offres.")).toBe(true);
    expect(unnamedCollectivity("À Graz, le conseil municipal a voté le passage à Zimbra.")).toBe(false);
    expect(unnamedCollectivity("La commune de Bègles a choisi Zimbra après une comparaison.")).toBe(false);
    const used = [passage("gouv#0", "Gouvernance d'un projet", text)];
    const question = "Zimbra est-il adapté aux votes du conseil municipal ?";
    expect(brief(question, used)?.quotes.map((q) => q.text)).toEqual([
      "À Graz, le conseil municipal a voté en 2021 le passage à Zimbra pour toute la messagerie.",
    ]);
    expect(answerPoints(question, used, 3).map((p) => p.sentence)).toEqual([
      "À Graz, le conseil municipal a voté en 2021 le passage à Zimbra pour toute la messagerie.",
    ]);
  });
});

describe("a claim the corpus refutes next", () => {
  const text =
    "La brochure présente la Wallonie comme la première région à migrer, avec « 9 000 postes migrés en 2024 ». C'est inexact pour le système d'exploitation : seuls 900 postes sont passés sous Linux. La Wallonie a aussi migré 30 000 boîtes aux lettres vers Zimbra en 2024, selon son rapport annuel.";

  it("is not quoted alone, even when the excerpt quoted leaves the refutation out", () => {
    expect(refutesPrevious("C'est inexact pour le système d'exploitation.")).toBe(true);
    expect(refutesPrevious("En réalité, seuls 900 postes ont migré.")).toBe(true);
    expect(refutesPrevious("Cette migration a coûté 2 millions d'euros.")).toBe(false);
    const own = quotableSentences(text, { max: 400 }).map((s) => s.own);
    expect(own.some((s) => s.includes("9 000"))).toBe(false);
    const excerpt = text.slice(0, text.indexOf(" C'est"));
    expect(quotableSentences(excerpt, { max: 400 }, text)).toEqual([]);
  });

  it("« En bref » quotes the answer instead", () => {
    const used = [passage("wal#0", "Wallonie : la migration", text)];
    const quotes = brief("combien de postes et de boîtes aux lettres ont migré en Wallonie ?", used, ["quantity"]);
    expect(quotes?.quotes.map((q) => q.text)).toEqual([
      "La Wallonie a aussi migré 30 000 boîtes aux lettres vers Zimbra en 2024, selon son rapport annuel.",
    ]);
  });
});

describe("exceptions the question itself makes", () => {
  it("a question asking about the refuted claim (its figure) gets the claim with its refutation", () => {
    const text =
      "La brochure présente la Wallonie comme la première région à migrer, avec « 9 000 postes migrés en 2024 ». C'est inexact pour le système d'exploitation : seuls 900 postes sont passés sous Linux.";
    const used = [passage("wal#0", "Wallonie : la migration", text)];
    expect(
      brief("La Wallonie a-t-elle vraiment migré 9 000 postes sous Linux ?", used)?.quotes.map((q) => q.text),
    ).toEqual([text]);
  });

  it("« le conseil municipal » reads as the place the question names when the document's title names it", () => {
    const used = [
      passage(
        "graz#0",
        "Graz et LinGraz",
        "En novembre 2017, le conseil municipal a voté le retour à des logiciels sous Windows, avec un objectif fixé à 2020.",
      ),
    ];
    expect(brief("Pourquoi Graz est-elle revenue à Windows ?", used)?.quotes.length).toBe(1);
    expect(brief("Pourquoi revenir à Windows ?", used)).toBeNull();
  });
});

describe("a country asked", () => {
  it("« collectivités belges » quotes a sentence about a Belgian body before another country's", () => {
    const used = [
      passage(
        "armee#0",
        "Suède : la Scanie quitte Google Workspace",
        "La région suédoise de Scanie a quitté Google Workspace en 2023 pour Nextcloud, après un appel d'offres.",
      ),
      passage(
        "liege#0",
        "Liège et Nextcloud",
        "La ville de Liège a quitté Google Workspace en 2024 pour Nextcloud, après un appel d'offres.",
      ),
    ];
    const quotes = brief("Quelles collectivités belges ont quitté Google Workspace ?", used)?.quotes ?? [];
    expect(quotes[0]?.source).toBe(2);
  });
});

describe("a catalog card quoted", () => {
  const card = passage(
    "catalog/product/zorro",
    "Produit : Zorro AV",
    "Zorro AV (antivirus et sécurité) : Antivirus des postes et des serveurs.\nÉditeur : Zorro Lab, Biélorussie, propriétaire non vérifié. Exposition : lois biélorusses de surveillance.\nApparaît dans les inventaires sous les noms : Zorro AV Agent ; Zorro AV Console.",
    "catalog",
    null,
  );

  it("is named as a card with its date, or « sans date », never a bare « (Produit) »", () => {
    const text = brief("Zorro AV est-il dangereux pour la mairie ?", [card])?.text ?? "";
    expect(text).toContain("(fiche « Zorro AV » du catalogue, sans date) [1]");
    expect(text).not.toContain("(Produit)");
    const dated = { ...card, document: { ...card.document, date: "2024-07-15" } };
    expect(brief("Zorro AV est-il dangereux pour la mairie ?", [dated])?.text).toContain(
      "(fiche « Zorro AV » du catalogue, 15 juillet 2024) [1]",
    );
  });

  it("answers a risk (« c'est pareil ? ») by its publisher and laws, never by its inventory names", () => {
    const quotes = brief("Antivirus Nod dangereux : et Zorro AV c'est pareil ?", [card])?.quotes ?? [];
    expect(quotes[0]?.text).toMatch(/^Éditeur : Zorro Lab/);
    expect(quotes.some((q) => q.text.startsWith("Apparaît"))).toBe(false);
  });
});

describe("structure4's leftovers", () => {
  it("« Cette fiche … » (the document itself) is quoted alone in a summary; « Ce rapport … » and « y est » still need the sentence before", () => {
    expect(
      quotableSentences(
        "Les aides sont nombreuses. Cette fiche présente les aides de l'État avec leur source. Ce document recense les solutions adoptées par les communes.",
        { max: 400 },
      ).map((q) => q.text),
    ).toEqual([
      "Cette fiche présente les aides de l'État avec leur source.",
      "Ce document recense les solutions adoptées par les communes.",
    ]);
    expect(needsPrevious("Ce rapport chiffre les économies à 2 millions d'euros.")).toBe(true);
    expect(needsPrevious("La sobriété y est « engagée » selon la présentation.")).toBe(true);
  });

  it("a nationality adjective meets its country's name (« finlandais » / « Finlande », « coréennes » / « coréens »)", () => {
    expect(wordStem("finlandais")).toBe(wordStem("Finlande"));
    expect(wordStem("finlandaises")).toBe(wordStem("Finlande"));
    expect(wordStem("coréennes")).toBe(wordStem("coréens"));
    expect(wordStem("norvégienne")).toBe(wordStem("Norvège"));
    expect(wordStem("français")).toBe(wordStem("France"));
  });
});
