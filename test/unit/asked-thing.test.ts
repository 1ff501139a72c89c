/**
 * What a clause asks, read by its form (`asked-thing.ts`; held-out-28 diagnosis: « visio repose sur livekit, chez quel
 * hébergeur tournent ses serveurs ? », « sécurix gère-t-il les imprimantes réseau ? » answered with passages that do
 * not hold what is asked). Invented places, products and passages, not the set's questions.
 */
import { describe, expect, it } from "vitest";
import { partialStatement } from "../../server/answers/partial.ts";
import { missingThing, statedThenInterrogative, thingAsked, unheldDetail } from "../../server/retrieval/asked-thing.ts";
import { lexicon, passage } from "../helpers/abstention.ts";

describe("a statement, then a clause opening on an interrogative", () => {
  it("cuts a statement whose verb no list knows from a clause that asks", () => {
    expect(statedThenInterrogative("zorbex repose sur plimo, chez quel hébergeur tournent ses serveurs ?")).toEqual({
      first: "zorbex repose sur plimo",
      second: "chez quel hébergeur tournent ses serveurs ?",
    });
    expect(
      statedThenInterrogative("valbrune a migré avec des stagiaires, de quelle école venaient-ils ?")?.second,
    ).toBe("de quelle école venaient-ils ?");
  });

  it("does not cut a frame opening on a preposition, the asker's setting, a topic alone, nor a clause that asks nothing", () => {
    expect(statedThenInterrogative("Selon la Commission, quelle part du code repose sur du libre ?")).toBeNull();
    expect(
      statedThenInterrogative("Pour héberger les données de santé, quels prestataires sont qualifiés ?"),
    ).toBeNull();
    expect(statedThenInterrogative("on a 40 postes à la mairie, combien coûte zorbex ?")).toBeNull();
    expect(statedThenInterrogative("Zorbex 2026, combien de monde ?")).toBeNull();
    expect(statedThenInterrogative("valbrune a migré ses postes, puis ses serveurs")).toBeNull();
  });

  it("reads the kind of thing asked: a count, a figure, a date, a name; not a reason or a difference", () => {
    expect(thingAsked("combien d'utilisateurs mensuels compte-t-il ?")).toEqual({
      kind: "count",
      nouns: ["utilisateurs"],
    });
    expect(thingAsked("quelle part de son parc ?")?.kind).toBe("count");
    expect(thingAsked("quel jour de mars")?.kind).toBe("date");
    expect(thingAsked("quelle société édite le logiciel ?")).toEqual({ kind: "name", nouns: ["societe"] });
    expect(thingAsked("comment s'appelait le maire qui a porté ce retour ?")).toEqual({
      kind: "name",
      nouns: ["maire"],
    });
    expect(thingAsked("dans quel but")).toBeNull();
    expect(thingAsked("quelle difference de nature")).toBeNull();
  });
});

describe("whether a sentence of the passages read holds the thing asked with the subject", () => {
  const ZORBEX = passage(
    "Zorbex : comment l'outil est construit",
    "Zorbex repose sur Plimo, un logiciel libre de visioconférence. Il est développé par la direction du numérique.",
  );
  const HOSTED = passage("Zorbex : l'hébergement", "Zorbex est hébergé chez l'hébergeur Nuvola, à Lyon.");
  const COUNTS = passage(
    "Quarkon, Zorbex et Plimo en quelques chiffres",
    "Quarkon compte 300 000 utilisateurs actifs par mois. Zorbex est installé dans les ministères.",
  );
  const ZORBEX_USERS = passage("Zorbex : les utilisateurs", "Zorbex compte 40 000 utilisateurs actifs en 2025.");
  const texts = [ZORBEX, HOSTED, COUNTS, ZORBEX_USERS].flatMap((p) => [p.text, p.document.title]);
  const { frequency, names } = lexicon(texts);

  it("finds the noun asked missing when no sentence on the subject writes it, held when one does", async () => {
    const q = "zorbex repose sur plimo, chez quel hébergeur tournent ses serveurs ?";
    const missing = await missingThing(q, [ZORBEX], frequency, names);
    expect(missing).toEqual({
      part: "chez quel hébergeur tournent ses serveurs ?",
      words: ["hebergeur"],
      first: "zorbex repose sur plimo",
    });
    expect(partialStatement(missing!, q)).toContain("« chez quel hébergeur tournent ses serveurs ? »");
    expect(await missingThing(q, [ZORBEX, HOSTED], frequency, names)).toBeNull();
  });

  it("finds a count missing when the figure counts it of another subject, held when it is the subject's", async () => {
    const q = "zorbex repose sur plimo, combien d'utilisateurs compte-t-il ?";
    expect((await missingThing(q, [ZORBEX, COUNTS], frequency, names))?.words).toEqual(["utilisateurs"]);
    expect(await missingThing(q, [ZORBEX, ZORBEX_USERS], frequency, names)).toBeNull();
  });
});

describe("a date asked of the things the second clause names, and the names it adds", () => {
  const STEPS = passage(
    "Valbrune : ce qui a été fait, étape par étape",
    "En 2025, Valbrune termine la migration de sa messagerie. Étapes suivantes annoncées : adopter Zorbex pour la visioconférence.",
  );
  const ZORBEX_DONE = passage(
    "Valbrune : la visio",
    "Valbrune a terminé en mars 2026 la bascule de sa visio vers Zorbex.",
  );
  const FAIR = passage(
    "Plimo 2026 : le salon",
    "Plimo 2026 a réuni 500 personnes. Des collectivités y ont présenté leurs retours, dont Montclair.",
  );
  const texts = [STEPS, ZORBEX_DONE, FAIR].flatMap((p) => [p.text, p.document.title]);
  const { frequency, names } = lexicon(texts, { quimperlé: 0 });

  it("finds the date of the things named missing when no dated sentence on the subject names them", async () => {
    const q = "valbrune veut adopter zorbex, à quelle date la bascule de sa visio est-elle terminée ?";
    expect((await missingThing(q, [STEPS], frequency, names))?.words).toEqual(["date"]);
    expect(await missingThing(q, [STEPS, ZORBEX_DONE], frequency, names)).toBeNull();
    // « quand peut-on … » asks when it becomes possible, not a date of a thing.
    expect(
      await missingThing("valbrune veut adopter zorbex, quand peut-on le faire ?", [STEPS], frequency, names),
    ).toBeNull();
  });

  it("needs the place the second clause adds in the sentence that answers, not the asker's guesses after its « ? »", async () => {
    const q = "plimo 2026 a réuni 500 personnes, quelle collectivité de Montclair y a présenté son retour ?";
    expect(await missingThing(q, [FAIR], frequency, names)).toBeNull();
    const other = "plimo 2026 a réuni 500 personnes, quelle collectivité de Quimperlé y a présenté son retour ?";
    expect((await missingThing(other, [FAIR], frequency, names))?.words).toEqual(["collectivite"]);
    const guesses = "plimo 2026 a réuni 500 personnes, quelle collectivité ? Quimperlé ?";
    expect(await missingThing(guesses, [FAIR], frequency, names)).toBeNull();
  });
});

describe("a yes/no question on a detail", () => {
  const CARD = passage(
    "Zorbex",
    "Le poste de travail Linux sécurisé Zorbex est développé par l'État. Il gère le chiffrement du disque et les mises à jour.",
    "catalog",
  );
  const OTHER = passage("Imprimer en mairie", "Les imprimantes réseau de la mairie sont partagées entre les services.");
  const { frequency, names } = lexicon([CARD.text, CARD.document.title, OTHER.text, OTHER.document.title]);

  it("finds a rare noun of the detail that no passage read holds", async () => {
    expect(await unheldDetail("Zorbex gère-t-il les imprimantes réseau ?", [CARD], frequency, names)).toEqual([
      "imprimantes",
    ]);
    expect(await unheldDetail("Zorbex gère-t-il les imprimantes réseau ?", [CARD, OTHER], frequency, names)).toEqual(
      [],
    );
    expect(await unheldDetail("Zorbex gère-t-il le chiffrement du disque ?", [CARD], frequency, names)).toEqual([]);
  });

  it("reads no detail in a question with an interrogative, a subject that is no name, a participle or a complement", async () => {
    expect(await unheldDetail("Quelles imprimantes Zorbex gère-t-il ?", [CARD], frequency, names)).toEqual([]);
    expect(await unheldDetail("Les postes gèrent-ils les imprimantes ?", [CARD], frequency, names)).toEqual([]);
    expect(await unheldDetail("Zorbex est-il imprimé ?", [CARD], frequency, names)).toEqual([]);
    expect(await unheldDetail("Zorbex gère-t-il les postes de la imprimantes ?", [CARD], frequency, names)).toEqual([]);
  });
});

describe("a thing asked by « quel … » or « lesquels » that a sentence writes without naming it", () => {
  // (held-out-29, burned: « …open-xchange : quel prestataire a conduit la migration » answered with « chez un
  // prestataire », « l'armée … : quelle entreprise exactement » with « appel à une entreprise allemande », « inetum a
  // migré dix clients vers nutanix : lesquels précisément » with the sentence saying « dix clients ».)
  const VAGUE = passage(
    "Valbrune : la migration",
    "Valbrune a migré ses postes vers Zorbex en 2024. La migration a été conduite par un prestataire régional, avec l'appui de certaines entreprises locales.",
  );
  const NAMED = passage("Valbrune : le prestataire", "Le prestataire Nuvola a conduit la migration de Valbrune.");
  const APPOSED = passage(
    "Valbrune : l'accompagnement",
    "La migration de Valbrune a été conduite par Nuvola, un prestataire lyonnais.",
  );
  const COUNTED = passage("Plimo : ses clients", "Plimo a migré dix clients vers Zorbex en 2025.");
  const LISTED = passage(
    "Plimo : la liste",
    "Les dix clients migrés par Plimo sont Quarkon, Nuvola et huit syndicats.",
  );
  const texts = [VAGUE, NAMED, APPOSED, COUNTED, LISTED].flatMap((p) => [p.text, p.document.title]);
  const { frequency, names } = lexicon(texts);

  it("finds the noun asked missing when every sentence on the subject writes it under an indefinite determiner", async () => {
    const q = "valbrune a migré vers zorbex : quel prestataire a conduit la migration";
    expect((await missingThing(q, [VAGUE], frequency, names))?.words).toEqual(["prestataire"]);
    const firms = "valbrune a migré vers zorbex : quelle entreprise exactement";
    expect((await missingThing(firms, [VAGUE], frequency, names))?.words).toEqual(["entreprise"]);
  });

  it("holds the noun named beside it, or with a definite article", async () => {
    const q = "valbrune a migré vers zorbex : quel prestataire a conduit la migration";
    expect(await missingThing(q, [VAGUE, NAMED], frequency, names)).toBeNull();
    expect(await missingThing(q, [VAGUE, APPOSED], frequency, names)).toBeNull();
  });

  it("reads « lesquels » as asking which of the things the statement counts", async () => {
    const q = "plimo a migré dix clients vers zorbex : lesquels précisément";
    expect(statedThenInterrogative(q)?.second).toBe("lesquels précisément");
    expect((await missingThing(q, [COUNTED], frequency, names))?.words).toEqual(["clients"]);
    expect(await missingThing(q, [COUNTED, LISTED], frequency, names)).toBeNull();
    // (Named without the noun: « … y contribuent, lesquels » answered by the names, held-out-27.)
    const named = passage(
      "Plimo : ses contributeurs",
      "Plimo a migré les services de Quarkon et de Nuvola vers Zorbex.",
    );
    expect(await missingThing(q, [COUNTED, named], frequency, names)).toBeNull();
  });
});

describe("a yes/no question on a detail, its subject typed in lower case or the detail counted", () => {
  // (held-out-29, burned: « la canut propose-t-elle un tarif réduit aux communes rurales … », « tchap proposera-t-il un
  // jour des visioconférences de plus de cent participants ».)
  const CARD = passage(
    "Plimo : la centrale d'achat",
    "La centrale d'achat Plimo, créée par des collectivités de Valbrune, propose des marchés de logiciels libres. Le service Zorbex permet des réunions en visioconférence.",
  );
  const PRICED = passage("Plimo : les adhésions", "Plimo applique un tarif réduit aux petites communes.");
  const PEOPLE = passage("Zorbex : les réunions", "Zorbex accueille jusqu'à 500 participants par réunion.");
  const texts = [CARD, PRICED, PEOPLE].flatMap((p) => [p.text, p.document.title]);
  const { frequency, names } = lexicon(texts);

  it("reads a subject the corpus writes as a name, typed in lower case", async () => {
    const q = "la plimo propose-t-elle un tarif réduit aux communes rurales ?";
    expect(await unheldDetail(q, [CARD], frequency, names)).toEqual(["tarif"]);
    expect(await unheldDetail(q, [CARD, PRICED], frequency, names)).toEqual([]);
    // (Not a thing of a name, « l'instance plimo de l'état », nor a subject the corpus writes as a plain word: their
    // answers say the detail otherwise, held-out-26, 3, 8.)
    const thing = "l'instance plimo de l'état propose-t-elle un tarif réduit ?";
    expect(await unheldDetail(thing, [CARD], frequency, names)).toEqual([]);
    expect(await unheldDetail("les collectivités proposent-elles un tarif réduit ?", [CARD], frequency, names)).toEqual(
      [],
    );
  });

  it("reads a noun counted by a number as a detail", async () => {
    const q = "Zorbex permet-il des réunions de plus de cent participants ?";
    expect(await unheldDetail(q, [CARD], frequency, names)).toEqual(["participants"]);
    expect(await unheldDetail(q, [CARD, PEOPLE], frequency, names)).toEqual([]);
  });
});

describe("a second clause asking « vers quoi », « qui » of a verb the statement does not say (held-out-29, burned)", () => {
  const SUPPORT = passage(
    "Valbrune : le contentieux",
    "Aux Pays-Bas, l'agence Valbrune a obtenu en référé deux ans de support pour ses licences ; Plimo lui avait proposé une offre à 18 millions d'euros.",
  );
  const MOVED = passage("Valbrune : la suite", "En 2026, Valbrune a migré ses serveurs vers Zorbex.");
  const texts = [SUPPORT, MOVED].flatMap((p) => [p.text, p.document.title]);
  const { frequency, names } = lexicon(texts);

  it("finds the act asked missing when no sentence on the subject says it, held when one does", async () => {
    const q = "valbrune a obtenu deux ans de support : vers quoi a-t-elle migré ensuite";
    expect((await missingThing(q, [SUPPORT], frequency, names))?.words).toEqual(["migre"]);
    expect(await missingThing(q, [SUPPORT, MOVED], frequency, names)).toBeNull();
  });
});

describe("« qui … » after a statement is left to the passages (a name says who, not the verb)", () => {
  const HEAD = passage(
    "Valbrune : la direction",
    "Valbrune a changé de directeur général en 2024 : Jean Plimo a pris la tête de l'entreprise.",
  );
  const { frequency, names } = lexicon([HEAD.text, HEAD.document.title]);

  it("does not read « qui la dirige » nor a relative clause as an act asked", async () => {
    for (const q of [
      "valbrune a changé de directeur général en 2024 : qui la dirige depuis ?",
      "valbrune a changé de directeur général en 2024, qui est américain : on est exposé ?",
    ])
      expect(await missingThing(q, [HEAD], frequency, names), q).toBeNull();
  });
});
