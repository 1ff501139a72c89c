/**
 * The abstention rules added after the first held-out set was traced (test/eval/README.md, « Jeu réservé »): each
 * case is one a held-out miss stood for, with a small corpus and its word frequencies; each fails on the rules of
 * 4 December 2026.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abstentionText, nameWritten, retrieveForAnswer } from "../../server/answers/answer.ts";
import { nameIn, pointsBack, withoutAskerPlaces } from "../../server/answers/card-question.ts";
import type { Engine } from "../../server/engine.ts";
import { withoutAbbreviations } from "../../server/retrieval/abbreviations.ts";
import { examplePlaces, withoutExamplePlaces } from "../../server/retrieval/example-place.ts";
import {
  aboutPerson,
  aliasesIn,
  asksOnlyDate,
  assessAnswerability,
  complementOf,
  contextSpans,
  countsByPronoun,
  domainWord,
  exposureLaws,
  headCount,
  idiomTokens,
  namesFrom,
  offDomainWords,
  ownRelation,
  passageParts,
  personalAsked,
  placeAdjectives,
  questionTerms,
  repeatsOneWord,
  resolveNames,
  roleAsked,
  slips,
  speaksOfDomain,
  versionsOnCard,
  withoutIntroduction,
} from "../../server/retrieval/relevance.ts";
import { lexicon, passage } from "../helpers/abstention.ts";
import { realCorpusEngine } from "../helpers/server.ts";

/** The real corpus, indexed once for the blocks of this file that ask it (they only read it); closed at its end. */
let realShared: Promise<{ engine: Engine; close(): Promise<void> }> | undefined;
const realCorpus = () => (realShared ??= realCorpusEngine("cap-libre-abstain-"));
/** The decision on one question against the real corpus (each block that uses it indexes it first, in its set-up). */
const decide = async (q: string) =>
  (await retrieveForAnswer([{ role: "user", content: q }], (await realCorpus()).engine)).decision;
afterAll(async () => (await realShared)?.close());

describe("a name of the question", () => {
  it("is held by a passage only where the passage writes it as a name (« Tour de France », not « tour de table »)", async () => {
    const text = "Mistral AI, entreprise de France, a levé 1,7 milliard d'euros lors d'un tour de table cette année.";
    const { frequency, names } = lexicon([text]);
    const decision = await assessAnswerability(
      "Qui a gagné le Tour de France cette année ?",
      [passage("Mistral AI", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, missing: expect.arrayContaining(["tour"]) });
  });

  it("must be in the passage that answers even when the corpus uses it often, unless it is the domain's general vocabulary", async () => {
    const linux2030 = "Les serveurs Linux devront être migrés d'ici 2030 selon la feuille de route de l'hébergeur.";
    const munich = Array.from({ length: 30 }, (_, i) => `La ville de Munich est revenue à Windows en 2017 (${i}).`);
    const { frequency, names } = lexicon([linux2030, ...munich]);
    const decision = await assessAnswerability(
      "Munich reviendra-t-elle à Linux en 2030 ?",
      [passage("Virtualisation", linux2030)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "missing-name", missing: ["munich"] });
    // « Microsoft » is general vocabulary here: a passage on the SREN law answers without naming it.
    const sren =
      "La loi SREN impose aux administrations de l'État un cloud qualifié SecNumCloud pour les données sensibles.";
    const general = lexicon([sren, ...Array.from({ length: 30 }, () => "Microsoft Office et Microsoft 365.")]);
    expect(
      await assessAnswerability(
        "Que dit la loi SREN sur le cloud qualifié pour sortir de Microsoft ?",
        [passage("Loi SREN", sren)],
        general.frequency,
        general.names,
      ),
    ).toMatchObject({ answerable: true });
  });

  it("is not required when it is an adjective of nationality, which the question asks about (« est-il américain ? »)", async () => {
    const card = "TeamViewer : prise de main à distance. Éditeur : TeamViewer SE, Göppingen, Allemagne.";
    const { frequency, names } = lexicon([
      card,
      ...Array.from({ length: 30 }, () => "Les États-Unis et le CLOUD Act."),
    ]);
    const decision = await assessAnswerability(
      "TeamViewer, pour la prise de main à distance, est-il américain ?",
      [passage("TeamViewer", card, "catalog")],
      frequency,
      names,
    );
    expect(decision.answerable).toBe(true);
  });
});

describe("a question on a person's private life", () => {
  it("finds the expressions of the data list, whole words only", () => {
    expect(personalAsked("Quel âge a le président de l'ADULLACT et où habite-t-il ?").map((p) => p.found)).toEqual([
      "age",
      "habite",
    ]);
    expect(personalAsked("Combien d'agents de l'Assurance maladie utilisent Tchap ?")).toEqual([]);
    expect(personalAsked("Quel ordinateur portable choisir pour les agents ?")).toEqual([]);
  });

  it("is not answered by passages on the person or their organisation that say nothing of it", async () => {
    const adullact =
      "L'ADULLACT, fondée en 2002, a eu pour président François Élie ; l'association réunit des collectivités.";
    const { frequency, names } = lexicon([adullact, "Les 25 000 habitants de Boé."]);
    const decision = await assessAnswerability(
      "Quel âge a le président de l'ADULLACT et où habite-t-il ?",
      [passage("ADULLACT", adullact)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "personal", missing: ["age", "habite"] });
    // The same person, asked about what the corpus says of them, is answered.
    expect(
      await assessAnswerability("Qui a présidé l'ADULLACT ?", [passage("ADULLACT", adullact)], frequency, names),
    ).toMatchObject({ answerable: true });
  });
});

describe("a noun the corpus never uses", () => {
  const small =
    "Se faire accompagner : par où commencer quand on est une petite commune ? Le centre de gestion et l'OPSN aident la commune et ses services municipaux.";
  const gendarmerie = "La Gendarmerie a dû recruter des techniciens pour déployer GendBuntu sur ses postes.";

  it("makes a question about it unanswerable, even when its general words (« petite commune », « municipal ») are covered", async () => {
    const { frequency, names } = lexicon([small, gendarmerie]);
    const decision = await assessAnswerability(
      "Comment recruter un policier municipal quand on est une petite commune ?",
      [passage("Se faire accompagner", small), passage("Gendarmerie", gendarmerie)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "unknown-words", missing: ["policier"] });
    expect(questionTerms("Comment recruter un policier municipal ?").find((t) => t.word === "policier")?.noun).toBe(
      true,
    );
  });

  it("but an unknown verb (« ont-ils laissé tomber ») says nothing of the topic", async () => {
    const army = "L'armée autrichienne a laissé Microsoft Office pour LibreOffice sur 16 000 ordinateurs.";
    const { frequency, names } = lexicon([army]);
    const decision = await assessAnswerability(
      "Quelle armée a laissé tomber Office ?",
      [passage("Armée autrichienne", army)],
      frequency,
      names,
    );
    expect(decision.answerable).toBe(true);
  });
});

// ——— Rules added after the second held-out set (test/eval/held-out-2/) was traced; each fails on the rules before. ———

describe("an idiom (« tirer la sonnette d'alarme »)", () => {
  it("is dropped from the question's words, its verb conjugated or not", () => {
    const tokens = ["ont", "tire", "la", "sonnette", "alarme", "sur", "nis2"];
    expect([...idiomTokens(tokens)].sort()).toEqual([1, 2, 3, 4]);
    expect(
      questionTerms("Quelles associations d'élus ont tiré la sonnette d'alarme sur NIS2 ?").map((t) => t.word),
    ).toEqual(["associations", "elus", "nis2"]);
  });

  it("so a passage on what the question is about answers it without speaking of a bell", async () => {
    const nis2 =
      "NIS2 : l'AMF et les associations d'élus ont alerté sur le coût de la directive NIS2 pour les petites communes.";
    const { frequency, names } = lexicon([nis2, "Une alarme incendie.", "Tirer parti du libre."]);
    const decision = await assessAnswerability(
      "Quelles associations d'élus ont tiré la sonnette d'alarme sur NIS2 pour les collectivités ?",
      [passage("NIS2", nis2)],
      frequency,
      names,
    );
    expect(decision.answerable).toBe(true);
  });
});

describe("a catalog card", () => {
  it("is not asked to hold the domain's general words (« outil », « commune »), which a product's card never says", async () => {
    const decidim =
      "Decidim : plateforme de participation citoyenne (budgets participatifs, consultations, assemblées), née à Barcelone, logiciel libre.";
    const { frequency, names } = lexicon([decidim, "La commune organise une réunion en ligne.", "Un outil."]);
    const decision = await assessAnswerability(
      "Quel outil libre pour organiser un budget participatif en ligne dans notre commune ?",
      [passage("Decidim", decidim, "catalog")],
      frequency,
      names,
    );
    expect(decision.answerable).toBe(true);
  });
});

describe("a question on a person's private life (second list)", () => {
  it("finds the year of birth, the party, the personal e-mail, the studies", () => {
    const found = (q: string) => personalAsked(q).map((p) => p.found);
    expect(found("Frédéric Couchet, de l'April, il est né en quelle année ?")).toEqual(["est ne"]);
    expect(found("Qui est le maire d'Échirolles et de quel parti est-il ?")).toEqual(["quel parti"]);
    expect(found("Quelle est son adresse mail personnelle ?")).toEqual(["adresse mail personnelle"]);
    expect(found("Où a-t-elle fait ses études ?")).toEqual(["ses etudes"]);
  });

  it("but « enfants » alone is not about a person (« une distribution Linux adaptée aux enfants »)", () => {
    expect(personalAsked("Il existe une distribution Linux adaptée aux enfants des écoles primaires ?")).toEqual([]);
    expect(personalAsked("Le maire a-t-il des enfants ?").map((p) => p.found)).toEqual(["a t il des enfants"]);
  });
});

describe("a hyphenated compound written in lower case (« saint-etienne »)", () => {
  it("is a name: unknown to the corpus, the question is about something it does not cover", async () => {
    const vmware =
      "VMware : négocier ou migrer ? Plusieurs collectivités sont passées à Proxmox après la hausse de Broadcom.";
    const { frequency, names } = lexicon([vmware, "La métropole de Lyon.", "Saint-Malo."]);
    const decision = await assessAnswerability(
      "saint-etienne metropole est encore sous vmware ou elle est passee a proxmox ?",
      [passage("VMware", vmware)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "unknown-name", missing: ["saint etienne"] });
  });
});

describe("a year of the question", () => {
  const laureates =
    "Les sources divergent sur le nombre de collectivités distinguées en 2025 : 37 selon l'April. La présentation de Millau Grands Causses (2026) retient « 37 labellisés 2025 ».";
  const many = Array.from({ length: 25 }, (_, i) => `Le label Territoire Numérique Libre, édition ${i}.`);

  it("is not held by a source's reference (« Millau Grands Causses (2026) »)", async () => {
    const { frequency, names } = lexicon([laureates, ...many]);
    const ask = (q: string) =>
      assessAnswerability(q, [passage("Label Territoire Numérique Libre : les lauréats", laureates)], frequency, names);
    expect(
      await ask("Quelles collectivités ont été lauréates du label Territoire Numérique Libre 2026 ?"),
    ).toMatchObject({ answerable: false });
    expect(
      await ask("Quelles collectivités ont été lauréates du label Territoire Numérique Libre 2025 ?"),
    ).toMatchObject({ answerable: true });
  });

  it("must stand beside a name of the question: « 2027 » on Visio's line of a chronology does not date AlpOSS", async () => {
    const chronology =
      "- 17 février 2026 : troisième édition d'AlpOSS à Échirolles (Ville d'Échirolles, février 2026).\n- 2027 : Visio doit être l'outil unique de visioconférence de l'État.";
    const { frequency, names } = lexicon([chronology, "AlpOSS, le salon de l'open source."]);
    const ask = (q: string) => assessAnswerability(q, [passage("Chronologie", chronology)], frequency, names);
    expect(await ask("Quand aura lieu l'édition 2027 d'AlpOSS ?")).toMatchObject({ answerable: false });
    expect(await ask("Quand a eu lieu l'édition 2026 d'AlpOSS ?")).toMatchObject({ answerable: true });
  });
});

describe("a passage that says its sources lack what is asked", () => {
  // The lead's decision of 6 December 2026: that sentence is the answer (it was a refusal until then).
  it("answers by that sentence (« le montant de l'adhésion ne figure pas dans nos sources »)", async () => {
    const adullact =
      "Pour mutualiser un développement : la forge et l'adhésion à l'ADULLACT. Les informations sur les conditions et le montant de l'adhésion ne figurent pas dans nos sources.";
    const { frequency, names } = lexicon([adullact, "La commune de 3 000 habitants."]);
    const decision = await assessAnswerability(
      "Combien coûte l'adhésion à l'ADULLACT pour une commune de 3 000 habitants ?",
      [passage("ADULLACT : quand s'adresser à elle ?", adullact)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true, reason: "stated-absent", missing: ["coute"], relevant: [0] });
  });
});

describe("« Qui est le DSI de… » (a role's holder)", () => {
  it("is answered where one sentence names the role, with the question's name in it or in the heading", async () => {
    expect(roleAsked("Qui est le DSI de la ville de Nancy ?")).toBe("dsi");
    expect(roleAsked("Comment s'appelle la présidente de Quimper Bretagne Occidentale ?")).toBe("presidente");
    expect(roleAsked("Qui est concerné par NIS2 ?")).toBeUndefined();
    const nancy =
      "Nancy, longtemps lauréate du label, a interrompu sa stratégie après un changement de majorité. La DSI pilote la mise en œuvre.";
    const april = "Frédéric Couchet en est le délégué général depuis mars 2005.";
    const { frequency, names } = lexicon([nancy, april, "La ville de Nancy.", "L'April."]);
    expect(
      await assessAnswerability(
        "Qui est le DSI de la ville de Nancy depuis le changement de majorité ?",
        [passage("Élus et DSI : résister aux alternances", nancy)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false });
    expect(
      await assessAnswerability(
        "Qui est le délégué général de l'April ?",
        [passage("April : sa fondation", april)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
  });
});

describe("a verb in the third person plural (« tiennent »)", () => {
  it("is not a topic: the unknown noun (« une brouette ») weighs among the words that say what is asked", async () => {
    expect(
      questionTerms("Combien de souverainetés tiennent dans une brouette ?").find((t) => t.word === "tiennent")?.verb,
    ).toBe(true);
    const docs =
      "Docs, un outil franco-allemand : la souveraineté numérique des administrations, hébergé sur des nuages européens.";
    const { frequency, names } = lexicon([docs, "Les souverainetés numériques.", "Les nuages.", "Ils tiennent."]);
    const decision = await assessAnswerability(
      "Combien de souverainetés numériques tiennent dans une brouette de nuages ?",
      [passage("Docs", docs)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "unknown-words", missing: ["brouette"] });
  });
});

describe("what a question asks of a named person (« quelles études »)", () => {
  it("is answered only where one sentence holds it with the name, not by a passage naming the person in passing", async () => {
    const x =
      "Polytechnique : le projet de migration vers Microsoft 365, annoncé par sa directrice générale Laura Chaubard.";
    const april =
      "April : sa fondation. Frédéric Couchet a fait des études d'informatique à Paris 8, où il a fondé l'April.";
    const { frequency, names } = lexicon([x, april, "Polytechnique.", "Les études de dépendances."]);
    const ask = (q: string, p: ReturnType<typeof passage>) => assessAnswerability(q, [p], frequency, names);
    expect(
      await ask(
        "Quelles études Laura Chaubard a-t-elle faites avant de diriger Polytechnique ?",
        passage("Polytechnique", x),
      ),
    ).toMatchObject({ answerable: false });
    expect(
      await ask("Quelles études Frédéric Couchet a-t-il faites ?", passage("April : sa fondation", april)),
    ).toMatchObject({ answerable: true });
  });
});

describe("wrong abstentions traced on held-out-3 (each fails on the rules of 5 December 2026, morning)", () => {
  it("reads a private-life expression only when the question is about a person, not an organisation", async () => {
    expect(
      aboutPerson("OW2 est né de la fusion de quelles structures ? Il y avait un partenaire chinois il me semble."),
    ).toBe(false);
    expect(aboutPerson("Frédéric Couchet, de l'April, il est né en quelle année ?")).toBe(true);
    expect(aboutPerson("Quel âge a le président de l'ADULLACT ?")).toBe(true);
    const text = "OW2 est issu en 2007 de la fusion d'ObjectWeb et d'Orientware, structures française et chinoise.";
    const { frequency, names } = lexicon([text]);
    const decision = await assessAnswerability(
      "OW2 est né de la fusion de quelles structures ?",
      [passage("OW2", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
    const person = await assessAnswerability(
      "Frédéric Couchet est né en quelle année ?",
      [passage("April", "Frédéric Couchet est le délégué général de l'April, fondée en 1996.")],
      lexicon(["Frédéric Couchet est le délégué général de l'April, fondée en 1996."]).frequency,
    );
    expect(person).toMatchObject({ answerable: false, reason: "personal" });
  });

  it("takes a metonymy (« Bruxelles », « Outre-Rhin ») for what it means, not for a name the passage must hold", async () => {
    const terms = questionTerms("Outre-Rhin, quelle organisation a alerté ?");
    // Since the ninth series, a periphrasis is a name held by its meanings (« allemand »), never by itself alone.
    expect(terms.find((t) => t.word === "outre rhin")).toMatchObject({ alias: true });
    const text = "Le catalogue de l'ADULLACT a servi à un projet européen de logiciels métiers mutualisés.";
    const { frequency, names } = lexicon([text, "Bruxelles"]);
    const decision = await assessAnswerability(
      "Bruxelles s'est-elle intéressée au catalogue de logiciels métiers de l'ADULLACT ?",
      [passage("ADULLACT", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
  });

  it("does not take the acronym of a common object (« clés USB ») for a name", () => {
    const terms = questionTerms("Pour chiffrer les clés USB des agents sans BitLocker, quel outil libre ?");
    expect(terms.find((t) => t.word === "usb")).toMatchObject({ name: false });
    expect(terms.find((t) => t.word === "bitlocker")).toMatchObject({ name: true });
  });

  it("never counts a verb, an adverb or an adjective as the topic a passage lacks", async () => {
    const terms = questionTerms("Evernote appartient à qui aujourd'hui ? Jusqu'à quand ?");
    expect(terms.map((t) => t.word)).not.toContain("aujourd'hui");
    expect(terms.map((t) => t.word)).not.toContain("jusqu'a");
    expect(terms.find((t) => t.word === "appartient")).toMatchObject({ modifier: true });
    // « un métier », « des habitants »: nouns, not modifiers.
    expect(questionTerms("Quel métier pour 8 000 habitants ?").some((t) => t.modifier)).toBe(false);
    const card = "NVDA — lecteur d'écran libre pour Windows. Remplace : JAWS. Service : poste de l'agent.";
    const { frequency, names } = lexicon([card, "Quand un nouvel agent arrive, installer son poste prend une heure."]);
    const decision = await assessAnswerability(
      "Un agent malvoyant arrive au service : quel lecteur d'écran libre installer sur son poste ?",
      [passage("NVDA", card, "catalog")],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
  });

  it("drops the locution « au titre de » (not a question about a title)", () => {
    expect(questionTerms("Jusqu'à combien peut aller une amende au titre du RGPD ?").map((t) => t.word)).not.toContain(
      "titre",
    );
  });
});

describe("private life traced on held-out-3", () => {
  it("reads pay, declared assets and a side job as private life of a named person, not of a licence", () => {
    const found = (q: string) => (aboutPerson(q) ? personalAsked(q).map((p) => p.found) : []);
    expect(found("Combien est payé Pierre-Yves Gibello comme directeur général d'OW2 ?")).toEqual(["est paye"]);
    expect(found("Quel est le patrimoine déclaré du député Philippe Latombe ?")).toEqual(["patrimoine declare"]);
    expect(found("Aurélien Farge, il fait quoi comme métier à côté de son mandat ?")).toEqual(["comme metier"]);
    expect(found("Combien est payée la licence Microsoft 365 par la commune ?")).toEqual([]);
    expect(found("Quel est le patrimoine applicatif d'une commune ?")).toEqual([]);
  });
});

describe("wrong abstentions traced on held-out-4 (each fails on the rules of 5 December 2026, before the fourth round)", () => {
  it("judges a card naming what the question is about on what it asks, not on the clauses giving its context", async () => {
    const card = "Qwant — moteur de recherche français (Paris), alternative à Google Search.";
    const others = [
      "Les postes de l'espace public numérique de la médiathèque.",
      "Le navigateur mis par défaut sur les postes des agents.",
    ];
    const { frequency, names } = lexicon([card, ...others]);
    const ask = (q: string) => assessAnswerability(q, [passage("Qwant", card, "catalog")], frequency, names);
    // A relative clause between commas.
    expect(
      await ask("Qwant, qu'on a mis par défaut sur les postes de l'espace public numérique, c'est bien français ?"),
    ).toMatchObject({ answerable: true });
    // A statement before the colon the question follows.
    expect(
      await ask("On a mis Qwant par défaut sur les postes de l'espace public numérique : c'est bien français ?"),
    ).toMatchObject({ answerable: true });
    expect(contextSpans("Pour monter la vidéo de la fête, un logiciel libre de montage ?")).toHaveLength(1);
  });

  it("still reads the context as the topic when the question names nothing it is about", async () => {
    const text = "Une classe de données sensibles ; l'école d'ingénieurs a choisi de fermer son cloud américain.";
    const { frequency, names } = lexicon([text, "Les élus peuvent s'opposer au projet."]);
    const decision = await assessAnswerability(
      "L'inspection académique veut fermer une classe dans notre école rurale : comment s'y opposer ?",
      [passage("Données sensibles", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false });
  });

  it("needs only one of the names of the context when what is asked names nothing (« inventaire OCS »)", async () => {
    const card =
      "VMware Tools — pilotes invités de VMware ; sa présence dans l'inventaire révèle des postes virtualisés.";
    const ocs = "OCS Inventory et GLPI : l'inventaire technique du parc.";
    const { frequency, names } = lexicon([card, ocs, "Ce logiciel apparaît sur certains postes du parc."]);
    const decision = await assessAnswerability(
      "Dans l'inventaire OCS, « VMware Tools » apparaît sur certains postes : qu'est-ce que ça nous apprend ?",
      [passage("VMware Tools", card, "catalog"), passage("Étape 1 : l'inventaire technique", ocs)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
  });

  it("does not take a role noun naming who will use the answer (« nos secrétaires ») for its topic", async () => {
    const text =
      "Partir des besoins, pas des équivalents : chercher l'équivalent libre de Word pour chaque poste de mairie.";
    const { frequency, names } = lexicon([text, "Le prix des licences."]);
    const decision = await assessAnswerability(
      "Faut-il chercher à tout prix l'équivalent libre de Word pour nos secrétaires de mairie ?",
      [passage("Partir des besoins", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
    expect(questionTerms("Qui est le trésorier de l'April ?").find((t) => t.word === "tresorier")?.context).toBeFalsy();
  });

  it("finds an idiom whose words are spread out (« ne met pas tous nos œufs dans le même panier »)", () => {
    const tokens = (q: string) => q.split(/\s+/).map((w) => w.toLowerCase().replace(/^([cdjlmnst]|qu)'/, ""));
    const q1 = tokens("L'ADULLACT a soufflé ses vingt bougies : où et quand ?");
    expect([...idiomTokens(q1)].map((i) => q1[i])).toEqual(expect.arrayContaining(["soufflé", "bougies"]));
    const q2 = tokens("on ne met pas tous nos œufs dans le même panier Microsoft ?");
    expect([...idiomTokens(q2)].map((i) => q2[i])).toEqual(expect.arrayContaining(["met", "œufs", "panier"]));
    // One content word is not enough to match loosely: « au titre de » stays exact.
    expect(idiomTokens(tokens("quel titre pour le poste de"))).toEqual(new Set());
  });

  it("takes a metonymy of several words or a vendor's town for what it means", async () => {
    const matin = questionTerms("Au pays du Matin calme, combien devait coûter le passage à Linux ?");
    expect(matin.find((t) => t.word === "pays du matin calme")?.variants).toContain("coree du sud");
    expect(matin.some((t) => t.word === "matin" || t.word === "calme")).toBe(false);
    expect(
      questionTerms("Splunk est passé chez quel géant de l'oncle Sam ?").find((t) => t.word === "oncle sam"),
    ).toMatchObject({
      alias: true,
    });
    const card =
      "Microsoft Defender for Endpoint — EDR de Microsoft ; la télémétrie des postes part dans le cloud Microsoft.";
    const { frequency, names } = lexicon([card, "Le siège de Microsoft à Redmond."]);
    const decision = await assessAnswerability(
      "L'EDR de Redmond envoie-t-il la télémétrie de nos postes dans son cloud ?",
      [passage("Microsoft Defender", card, "catalog")],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
  });

  it("reads a word after a subject or object pronoun as a verb (« il vient d'où », « qui le maintient »), « l'envoyer » too", () => {
    const terms = questionTerms("SOGo, le groupware, il vient d'où à l'origine et qui le maintient maintenant ?");
    expect(terms.find((t) => t.word === "vient")).toMatchObject({ modifier: true });
    expect(terms.find((t) => t.word === "maintient")).toMatchObject({ modifier: true });
    expect(terms.find((t) => t.word === "origine")).toMatchObject({ noun: true });
    const send = questionTerms("Quel logiciel pour mettre en page le bulletin et l'envoyer à l'imprimeur ?");
    expect(send.find((t) => t.word === "envoyer")).toMatchObject({ modifier: true });
    expect(send.find((t) => t.word === "envoyer")?.noun).toBeFalsy();
  });

  it("searches a place named another way as the corpus names it (gazetteer), not a metonymy", () => {
    expect(aliasesIn("Les Lyonnais ont remplacé quoi, et par quoi ?")).toContain("lyon");
    expect(aliasesIn("À Séoul, combien de postes devaient passer sous Linux ?")).toContain("coree du sud");
    expect(aliasesIn("Outre-Rhin, sur quel cloud tourne openDesk ?")).toEqual([]);
    expect(aliasesIn("Que fait la ville de Lyon ?")).toEqual([]);
  });

  it("knows a word a retrieved passage holds, whatever the full-text index counts (« pare » of « pare-feu »)", async () => {
    const card = "OPNsense — pare-feu libre édité aux Pays-Bas (Deciso), en Europe.";
    const { frequency, names } = lexicon([card, "Fin de contrat : un marché arrive à échéance."], { pare: 0 });
    const decision = await assessAnswerability(
      "Notre pare-feu arrive en fin de contrat : un pare-feu libre édité en Europe ?",
      [passage("OPNsense", card, "catalog")],
      frequency,
      names,
    );
    expect(decision.reason).not.toBe("unknown-name");
    expect(decision).toMatchObject({ answerable: true });
  });

  it("reads everyday words from the data files: an evaluation asked (« quel inconvénient »), size, health, holidays", async () => {
    const card =
      "Facebook (pages de collectivité) — information des habitants ; il faut accepter les conditions de Meta.";
    const { frequency, names } = lexicon([card, "La page d'accueil du site de la mairie informe les habitants."]);
    expect(
      await assessAnswerability(
        "On informe les habitants surtout par la page Facebook de la mairie, quel inconvénient ?",
        [passage("Facebook", card, "catalog")],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
    expect(personalAsked("Laurent Cozic a-t-il eu des problèmes de santé ?").map((p) => p.found)).toEqual([
      "problemes de sante",
    ]);
    expect(personalAsked("Où Magali Garnero part-elle en vacances cet été ?")).not.toEqual([]);
  });
});

describe("idioms that mean a topic of the domain", () => {
  it("are a term covered by their meanings (« ça coûte un bras » asks a price), matched loosely only across small words", async () => {
    const terms = questionTerms("Ça coûte un bras, Microsoft 365, pour une petite commune ?");
    expect(terms.find((t) => t.word === "couter un bras")?.variants).toContain("prix");
    expect(terms.some((t) => t.word === "bras")).toBe(false);
    // « tient sa feuille de route » is not « tenir la route »: a content word between breaks a loose match.
    expect(idiomTokens(["tient", "sa", "feuille", "de", "route"])).toEqual(new Set());
    const text = "Microsoft 365 : le prix des licences pour une commune a augmenté de 20 % en 2025.";
    const { frequency, names } = lexicon([text, "Un bras de fer."]);
    const decision = await assessAnswerability(
      "Ça coûte un bras, Microsoft 365, pour une petite commune ?",
      [passage("Microsoft 365", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
  });
});

describe("a question set in context by users (held-out-4 and its variants, each fails on the rules before the fourth round)", () => {
  it("reads a sentence that asks nothing, beside one that asks, as context", () => {
    const q = "Bonjour, je suis élue dans une petite commune rurale. Quel temps fera-t-il demain à Lyon ?";
    const terms = questionTerms(q);
    expect(terms.find((t) => t.word === "rurale")).toMatchObject({ context: true });
    expect(terms.find((t) => t.word === "temps")?.context).toBeFalsy();
    // A word of the context that the asking part repeats is asked.
    const again = questionTerms(
      "Je suis élue d'une petite commune rurale. Combien coûte une cyber-assurance pour une commune ?",
    );
    expect(again.find((t) => t.word === "rurale")).toMatchObject({ context: true });
    expect(again.find((t) => t.word === "commune")?.context).toBeFalsy();
  });

  it("does not read a role noun of the context as the person a private-life expression is about", () => {
    expect(
      aboutPerson("Pour préparer la réunion avec nos agents, OW2 est né de la fusion de quelles structures ?"),
    ).toBe(false);
    expect(aboutPerson("Notre maire a-t-il des enfants ?")).toBe(true);
  });

  it("leaves aside the context of a question whose asking part holds two words of its own, unless it names something unknown", async () => {
    const text =
      "La suite collaborative libre de Lyon : son développement a été payé par la Ville, 2 millions d'euros.";
    const { frequency, names } = lexicon([
      text,
      "Le conseil municipal vote le schéma directeur chaque semaine ; la prochaine séance revient sur ce schéma.",
    ]);
    const ask = (q: string) => assessAnswerability(q, [passage("Lyon", text)], frequency, names);
    expect(
      await ask(
        "Le sujet revient au conseil municipal la semaine prochaine avec le vote du schéma directeur : qui a payé le développement de la suite collaborative ?",
      ),
    ).toMatchObject({ answerable: true });
    // « apprenti », a noun the corpus never uses, is the topic: the context is not left aside.
    const aid = "Une aide financière de l'État pour le développement des communs numériques.";
    const lex = lexicon([aid, "Le service informatique de la commune."]);
    expect(
      await assessAnswerability(
        "On voudrait prendre un apprenti au service informatique : quelle aide financière la collectivité peut-elle toucher ?",
        [passage("Communs", aid)],
        lex.frequency,
        lex.names,
      ),
    ).toMatchObject({ answerable: false });
  });

  describe("on the real corpus", () => {
    let real: { engine: Engine; close(): Promise<void> };
    beforeAll(async () => {
      real = await realCorpus();
    }, 120_000);
    const abstains = async (q: string) =>
      !(await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision.answerable;

    it("searches again what a question asks without its context when the context pushed its passage out", async () => {
      expect(
        await abstains(
          "On en discute au conseil municipal la semaine prochaine : le syndicat des entreprises du libre, il regroupe combien de boîtes ?",
        ),
      ).toBe(false);
      expect(await abstains("Les écoles de la commune utilisent G Suite : quelle alternative ?")).toBe(false);
      // What it asks, searched alone, still has to be in the corpus.
      expect(
        await abstains(
          "On en discute au conseil municipal la semaine prochaine : qui a gagné le Tour de France 2025 ?",
        ),
      ).toBe(true);
    });

    it("does not answer from a sentence of context alone (« Bonjour, je suis élue d'une petite commune rurale. »)", async () => {
      expect(
        await abstains("Bonjour, je suis élue dans une petite commune rurale. Quel temps fera-t-il demain à Lyon ?"),
      ).toBe(true);
      expect(
        await abstains(
          "Bonjour, je suis élue dans une petite commune rurale. Combien de places en crèche faut-il prévoir pour 5 000 habitants ?",
        ),
      ).toBe(true);
      expect(
        await abstains(
          "Bonjour, je suis élue dans une petite commune rurale. Qu'est-ce que le CLOUD Act change pour notre mairie ?",
        ),
      ).toBe(false);
    });

    it("reads the asker's own collectivité as who asks, not what is asked (trial, 5 December 2026)", async () => {
      // Each was refused for « il ne mentionne nulle part « Ariège » » (or Foix, Saint-Girons).
      expect(
        await abstains("Nous sommes une petite commune de l'Ariège : par où commencer pour sortir de Microsoft ?"),
      ).toBe(false);
      expect(await abstains("Je suis élu à Foix, combien coûte Microsoft 365 ?")).toBe(false);
      expect(await abstains("Notre commune de Saint-Girons utilise Microsoft 365 : que faire ?")).toBe(false);
      // The place is what is asked: still a question the corpus cannot answer.
      expect(
        await abstains("Notre commune de Saint-Girons a-t-elle obtenu le label Territoire Numérique Libre ?"),
      ).toBe(true);
      expect(await abstains("Je suis élue à Foix : qui est le DSI de Foix ?")).toBe(true);
      expect(await abstains("Nous sommes à Dortmund : combien de postes sous Linux à Dortmund ?")).toBe(true);
    });
  });
});

describe("held-out-5 rules (5 December 2026)", () => {
  it("reads a capital or a demonym as the country or commune the corpus names (gazetteer.txt)", async () => {
    const danemark =
      "Au Danemark, la ministre du Numérique a annoncé que le ministère passait de Microsoft Office à LibreOffice.";
    const nancy = "Nancy : une nouvelle majorité municipale a arrêté le passage au logiciel libre en 2008.";
    const elsewhere = "Copenhague accueille la conférence ; la délégation française s'y est rendue.";
    const { frequency, names } = lexicon([danemark, nancy, elsewhere]);
    const copenhague = await assessAnswerability(
      "Qui, à Copenhague, a annoncé que le ministère passait à LibreOffice ?",
      [passage("Danemark", danemark)],
      frequency,
      names,
    );
    expect(copenhague).toMatchObject({ answerable: true });
    const nanceiens = await assessAnswerability(
      "Chez les Nancéiens, pourquoi le passage au libre s'est-il arrêté ?",
      [passage("Autres collectivités", nancy)],
      frequency,
      names,
    );
    expect(nanceiens).toMatchObject({ answerable: true });
    const defense = questionTerms("Le ministère de la Défense a-t-il été touché ?").find((t) =>
      t.word.includes("defense"),
    );
    expect(defense?.variants).toContain("ministere des armees");
    const ue = questionTerms("Depuis le nouvel accord UE–États-Unis, peut-on confier nos données ?").find(
      (t) => t.word === "ue",
    );
    expect(ue).toMatchObject({ name: false, variants: expect.arrayContaining(["union europeenne"]) });
  });

  it("lets a catalog card that names the product answer what its fields say (country, city, publisher)", async () => {
    const card =
      "Signature électronique en ligne conforme eIDAS proposée par Yousign, éditeur français (Caen), service propriétaire.";
    const { frequency, names } = lexicon([card, "La ville de Lyon a choisi une société française."]);
    const decision = await assessAnswerability(
      "Yousign, c'est une société de quelle ville ?",
      [passage("Yousign", card, "catalog")],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
  });

  it("does not require a year of the question's context (« On prépare le budget 2027 : … »)", async () => {
    const card = "Qwant. Moteur de recherche français. Figure au SILL : non, Qwant n'est pas un logiciel libre.";
    const { frequency, names } = lexicon([card, "Le budget 2027 des communes sera contraint.", "Le SILL recense."]);
    const decision = await assessAnswerability(
      "On prépare le budget 2027 : est-ce que Qwant figure vraiment au SILL ?",
      [passage("Qwant", card, "catalog")],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
    const asked = await assessAnswerability(
      "Qwant figure-t-il au SILL en 2027 ?",
      [passage("Qwant", card, "catalog")],
      frequency,
      names,
    );
    expect(asked).toMatchObject({ answerable: false, missing: expect.arrayContaining(["2027"]) });
  });

  it("reads a purpose between commas as context (« Doodle, pour caler les réunions du bureau, c'est… »)", () => {
    const text = "Doodle, pour caler les dates de réunion du bureau, c'est de quel pays ?";
    const spans = contextSpans(text);
    const start = text.indexOf("pour caler");
    expect(spans.some(([a, b]) => a <= start && b >= text.indexOf("bureau"))).toBe(true);
  });

  it("needs every attribute asked of a named person beside the name (« joue-t-il d'un instrument de musique ? »)", async () => {
    const guillou =
      "Le juge Nicolas Guillou joue un rôle dans la procédure. Le concert de musique de la cour, un instrument de la diplomatie culturelle, a été annulé.";
    const { frequency, names } = lexicon([guillou]);
    const decision = await assessAnswerability(
      "Le juge Nicolas Guillou joue-t-il d'un instrument de musique ?",
      [passage("Cour pénale internationale", guillou)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false });
  });

  it("counts a European demonym as its country's name (« ministères maltais »), unknown to the corpus", async () => {
    const text = "Plusieurs ministères danois ont quitté Microsoft 365 pour LibreOffice.";
    const { frequency, names } = lexicon([text]);
    const decision = await assessAnswerability(
      "Quels ministères maltais ont quitté Microsoft 365 ?",
      [passage("Danemark", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "unknown-name", missing: ["malte"] });
  });
});

describe("sixth round (5 December 2026; each fails on the rules before it)", () => {
  it("does not let a source's reference hold a name (« Grenoble » only as a publisher's town)", async () => {
    const fontaine =
      "La ville de Fontaine est passée à LibreOffice et à Linux à partir de 2014 (Club de la presse de Grenoble, 13 décembre 2017).";
    const alpes = "Alpes Numérique Libre réunit des collectifs de la région (Grenoble.ninja, s. d.).";
    const { frequency, names } = lexicon([fontaine, alpes]);
    const decision = await assessAnswerability(
      "La ville de Grenoble utilise-t-elle LibreOffice ?",
      [passage("Autres collectivités", fontaine), passage("Réseaux", alpes)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, missing: expect.arrayContaining(["grenoble"]) });
    // A name in the text itself still counts.
    const fontaineAsked = await assessAnswerability(
      "La ville de Fontaine utilise-t-elle LibreOffice ?",
      [passage("Autres collectivités", fontaine)],
      frequency,
      names,
    );
    expect(fontaineAsked).toMatchObject({ answerable: true });
  });

  it("reads more of the corpus's ways of saying it lacks something, per clause", async () => {
    const text =
      "Environ 600 logiciels y étaient référencés en 2023. Nous n'avons pas trouvé de chiffres 2026 sur le nombre de logiciels référencés : les chiffres ci-dessus datent de 2023.";
    const { frequency, names } = lexicon([text, "Le Comptoir du Libre est un catalogue."]);
    const decision = await assessAnswerability(
      "Combien de logiciels le Comptoir du Libre référence-t-il en 2026 ?",
      [passage("Comptoir du Libre", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true, reason: "stated-absent" });
    // Only the clause that says so: « … ne détaillent pas la procédure ; … la première connexion » knows the connection.
    const parts = passageParts(
      "Les sources consultées ne détaillent pas la procédure ; il est prudent de prévoir un accompagnement lors de la première connexion.",
    );
    expect(parts.stated.list).toContain("procedure");
    expect(parts.stated.list).not.toContain("connexion");
    expect(parts.rest.list).toContain("connexion");
  });

  it("reads the asker's own setting (« dans notre inventaire GLPI ») as context beside another name", async () => {
    const text = "WINDEV apparaît dans notre inventaire GLPI, qu'est-ce que ça signale ?";
    const start = text.indexOf("notre");
    expect(contextSpans(text).some(([a, b]) => a <= start && b >= text.indexOf("GLPI") + 4)).toBe(true);
    // Beside no other name, the setting is what the question is about (« nos NAS Synology »).
    const own = "Comment publier nos cartes QGIS sur le site avec un outil libre ?";
    expect(contextSpans(own).some(([a, b]) => a <= own.indexOf("QGIS") && b > own.indexOf("QGIS"))).toBe(false);
    const card =
      "WINDEV / HFSQL (PC SOFT). Atelier de développement d'applications métier et base de données, éditeur français : signale un logiciel métier développé en interne.";
    const { frequency, names } = lexicon([
      card,
      "GLPI est un outil d'inventaire libre ; un logiciel y apparaît.",
      "L'inventaire GLPI.",
    ]);
    const decision = await assessAnswerability(
      "WINDEV apparaît dans notre inventaire GLPI, qu'est-ce que ça signale ?",
      [passage("WINDEV / HFSQL", card, "catalog")],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
  });

  it("reads a statement before « ; » followed by the question as context, like one before « : »", () => {
    const text =
      "Les bénévoles qui rédigent nos courriers passent tout dans un correcteur en ligne américain ; il existe une alternative européenne ?";
    expect(contextSpans(text).some(([a, b]) => a === 0 && b === text.indexOf(";"))).toBe(true);
  });

  it("reads a clipped word the corpus never uses as the word it starts (« appli » for « application »)", async () => {
    const visio =
      "Visio, l'application de visioconférence de l'État, comptait 40 000 utilisateurs réguliers en janvier 2026.";
    const { frequency, names } = lexicon([visio, "Une application métier.", "La visioconférence de l'État."]);
    const decision = await assessAnswerability(
      "L'appli de visioconférence de l'État, elle a combien d'utilisateurs ?",
      [passage("Visio en chiffres", visio)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
  });

  it("reads a word after « en », « avec », « sans »… as a noun, so one the corpus never uses is a topic it lacks", async () => {
    expect(
      questionTerms("Combien pèse une licence Microsoft en kilos ?").find((t) => t.word === "kilos"),
    ).toMatchObject({
      noun: true,
    });
    const text = "Le prix d'une licence Microsoft 365 E3 pèse lourd : 35,40 euros par mois.";
    const { frequency, names } = lexicon([text, ...Array.from({ length: 30 }, () => "Microsoft et ses licences.")]);
    const decision = await assessAnswerability(
      "Combien pèse une licence Microsoft en kilos ?",
      [passage("Licences", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "unknown-words" });
  });

  it("requires an adjective of nationality right after its noun (« les communes suisses »), not one asked (« est-il suisse ? »)", async () => {
    const text = "ProConnect est ouvert aux agents des communes, des départements et des hôpitaux.";
    const swiss = Array.from({ length: 30 }, () => "Le siège de l'éditeur est en Suisse.");
    const { frequency, names } = lexicon([text, ...swiss]);
    const decision = await assessAnswerability(
      "Quelles communes suisses utilisent ProConnect ?",
      [passage("ProConnect", text)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, missing: expect.arrayContaining(["suisse"]) });
    expect(questionTerms("L'éditeur de Doodle est-il suisse ?").find((t) => t.word === "suisse")?.attributive).toBe(
      undefined,
    );
  });

  it("answers a yes-or-no claim dated within the corpus's years, which it can correct, not one dated after them", async () => {
    const munich =
      "Munich a décidé en novembre 2017 de revenir à Windows ; la migration de LiMux vers Linux avait commencé en 2004.";
    const years = { "2024": 150, "2025": 300, "2026": 200, "2027": 40, "2030": 3 };
    const { frequency, names } = lexicon([munich, "Linux et Windows.", "Munich est revenue."], years);
    const ask = (q: string) => assessAnswerability(q, [passage("Munich", munich)], frequency, names);
    // The corpus dates the return to Windows: it corrects the claim.
    expect(await ask("Munich est revenue à Linux en 2024 ?")).toMatchObject({ answerable: true });
    // After its sources, and not a yes-or-no claim: the year is required.
    expect(await ask("Munich reviendra-t-elle à Linux en 2030 ?")).toMatchObject({ answerable: false });
    expect(await ask("Quand Munich est-elle revenue à Linux en 2024 ?")).toMatchObject({ answerable: false });
  });

  it("needs a figure in a passage that answers a question asking only a figure (« Quel est le budget annuel … ? »)", async () => {
    const ow2 =
      "OW2 est une association dédiée au logiciel open source, dont le siège est à Paris. Elle a été fondée par la fusion d'ObjectWeb et d'Orientware.";
    const { frequency, names } = lexicon([ow2, "Le budget annuel de la commune.", "Une association."]);
    const ask = (q: string) => assessAnswerability(q, [passage("OW2", ow2)], frequency, names);
    expect(await ask("Quel est le budget annuel de l'association OW2 ?")).toMatchObject({
      answerable: false,
      reason: "missing-figure",
    });
    // Not when it asks something else too, nor yes or no, nor in its context.
    expect(await ask("Qui a fondé l'association OW2, et avec quel budget annuel ?")).toMatchObject({
      answerable: true,
    });
    expect(await ask("On prépare le budget annuel : l'association OW2 a-t-elle son siège à Paris ?")).toMatchObject({
      answerable: true,
    });
  });

  it("reads a day of the week as a date the passage must say, and « à quelle heure » as a time it must give", async () => {
    const amiel =
      "L'entretien de David Amiel à La Tribune Dimanche : la souveraineté numérique passe par la commande publique.";
    const { frequency, names } = lexicon([amiel, "Le numérique se couche tard.", "Une heure de réunion."]);
    const decision = await assessAnswerability(
      "À quelle heure se couche la souveraineté numérique le dimanche ?",
      [passage("Rencontres de la souveraineté numérique", amiel)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false });
    expect(
      questionTerms("Le logiciel est-il plus grand que mardi dernier ?").find((t) => t.word === "mardi"),
    ).toMatchObject({ date: true });
  });

  it("does not take a number of a name (« GPL-3.0 », « Microsoft 365 E3 ») for the figure a question asks", async () => {
    const gimp = "GIMP : retouche d'images, licence GPL-3.0, alternative libre à Adobe Photoshop.";
    const { frequency, names } = lexicon([gimp, "Une licence par an coûte cher.", "La mairie et ses licences."]);
    const decision = await assessAnswerability(
      "Combien coûte une licence Adobe Photoshop par an ?",
      [passage("GIMP", gimp, "catalog")],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: false, reason: "missing-figure" });
  });

  it("does not weigh an infinitive the corpus never uses among the unknown words (« qu'est-ce qui risque de manquer ? »)", async () => {
    const glpi =
      "Étape 1 : l'inventaire technique. On exporte du parc GLPI la liste des logiciels installés ; l'inventaire automatique ne voit pas les services en ligne : un risque pour l'étude des dépendances.";
    const { frequency, names } = lexicon([glpi, "GLPI et OCS.", "Les dépendances."]);
    const decision = await assessAnswerability(
      "On a exporté le parc de GLPI pour l'étude des dépendances : qu'est-ce qui risque de manquer dans la liste ?",
      [passage("Étude des dépendances", glpi)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
    // « SSO » is a common acronym, not a name a passage must write.
    expect(questionTerms("Le SSO libre des gendarmes ?").find((t) => t.word === "sso")).toMatchObject({ name: false });
  });

  it("needs the figure of the year asked in a sentence that says that year, not another edition's", async () => {
    const alposs =
      "AlpOSS a été créé en 2024 à Échirolles ; une deuxième édition a eu lieu en 2025. La troisième édition, le 17 février 2026, a réuni plus de 500 participants.";
    const { frequency, names } = lexicon([alposs, "Des personnes sont venues.", "AlpOSS à Échirolles."]);
    const ask = (q: string) => assessAnswerability(q, [passage("AlpOSS", alposs)], frequency, names);
    expect(await ask("Combien de personnes sont venues à l'édition 2025 d'AlpOSS ?")).toMatchObject({
      answerable: false,
      reason: "missing-figure",
    });
    expect(await ask("Combien de personnes sont venues à l'édition 2026 d'AlpOSS ?")).toMatchObject({
      answerable: true,
    });
  });
});

describe("seventh round, after held-out-6 (5 December 2026; each fails on the rules before it)", () => {
  it("sees a figure written out in words before what the question counts, not any count (« dix groupements »)", async () => {
    const cnll =
      "Le Conseil national du logiciel libre a été lancé le 18 février 2010 par dix groupements régionaux d'entreprises du libre.";
    const ow2 = "OW2 est une association fondée en 2007 par la fusion de deux structures.";
    const { frequency, names } = lexicon([cnll, ow2, "Les entreprises du libre.", "Un budget annuel."]);
    expect(
      await assessAnswerability(
        "Le CNLL a été lancé en 2010 par combien de groupements ?",
        [passage("CNLL", cnll)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
    expect(
      await assessAnswerability(
        "Quel est le budget annuel de l'association OW2 ?",
        [passage("OW2", ow2)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false });
  });

  it("dates the figure by a year of the clause that asks it, not of another clause (« revenue à Windows en 2017, combien … ? »)", async () => {
    const munich =
      "Munich est revenue à Windows : le conseil municipal l'a voté en novembre 2017. La ville a fait état d'économies de 11,7 millions d'euros avec Linux.";
    const { frequency, names } = lexicon([munich, "Munich et Linux.", "Windows en 2017."]);
    const ask = (q: string) => assessAnswerability(q, [passage("Munich", munich)], frequency, names);
    expect(
      await ask("Munich, revenue à Windows en 2017, combien disait-elle avoir économisé avec Linux ?"),
    ).toMatchObject({
      answerable: true,
    });
    // In the clause that asks it, the year still dates the figure.
    expect(await ask("Combien Munich a-t-elle économisé avec Linux en 2017 ?")).toMatchObject({
      answerable: false,
      reason: "missing-figure",
    });
  });
});

describe("seventh round: a figure the corpus says it does not have", () => {
  it("says the sources lack the figure asked when a passage that answers says so of what the question names", async () => {
    const cnam =
      "CNAM : les économies attendues. Aucun montant d'économies propre à la CNAM n'a été publié dans les sources consultées. À titre d'ordre de grandeur, l'État estime que Visio fait économiser environ 1 million d'euros par an.";
    const { frequency, names } = lexicon([cnam, "La CNAM passe à Tchap et Visio.", "Tchap.", "Visio."]);
    expect(
      await assessAnswerability(
        "Combien d'euros la CNAM va-t-elle économiser en passant à Tchap et Visio ?",
        [passage("CNAM : Tchap et Visio", cnam)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true, reason: "stated-absent", relevant: [0] });
  });

  it("does not take the words of the asker's own demand (« en chiffres sourcés ») for what the missing figure is about", async () => {
    const gendarmerie =
      "Les économies de la Gendarmerie sous Linux sont, selon les sources publiées, d'environ 2 millions puis 12 millions d'euros par an. Aucune des sources consultées ne publie un bilan cumulé ni le coût de la migration.";
    const { frequency, names } = lexicon([gendarmerie, "La Gendarmerie et Linux.", "Des chiffres sourcés."]);
    expect(
      await assessAnswerability(
        "La Gendarmerie économise combien par an grâce à Linux, en chiffres sourcés ?",
        [passage("Gendarmerie nationale", gendarmerie)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
  });
});

describe("seventh round: a figure the corpus says it does not have, in a passage set aside", () => {
  const munichCost =
    "Munich est revenue à Windows. Les sources consultées ne documentent pas son coût final ni ce retour.";
  const munichVote = "Munich : le retour à Windows a été voté ; le conseil a coûté des mois de débat, 20 séances.";
  const comptoir =
    "Sur le Comptoir du Libre, environ 600 logiciels étaient référencés en 2023. Nous n'avons pas trouvé de chiffres 2025 ou 2026 sur le nombre de logiciels référencés.";
  const { frequency, names } = lexicon([
    munichCost,
    munichVote,
    comptoir,
    "Munich.",
    "Windows.",
    "Le Comptoir du Libre.",
  ]);

  it("is told as such even when that passage is not among those that answer", async () => {
    expect(
      await assessAnswerability(
        "Combien a coûté à Munich le retour à Windows ?",
        [passage("Munich", munichCost), passage("Munich", munichVote)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true, reason: "stated-absent" });
  });

  it("is not the absence of the figure when the corpus lacks only some years of it", async () => {
    expect(
      await assessAnswerability(
        "Combien de logiciels sont référencés sur le Comptoir du Libre ?",
        [passage("Comptoir du Libre", comptoir)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
  });
});

describe("seventh round: names and private life written otherwise", () => {
  it("takes a word after a collectivité's noun for its name, even in lower case (« la region normandie »)", async () => {
    const lyon = "La région Occitanie a une stratégie logiciel libre ; la ville de Lyon aussi.";
    const { frequency, names } = lexicon([lyon, "Une stratégie.", "Le logiciel libre."]);
    expect(
      await assessAnswerability(
        "la region normandie a t elle une strategie logiciel libre ?",
        [passage("Stratégies", lyon)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false, reason: "unknown-name", missing: ["normandie"] });
  });

  it("knows more ways to ask a person's private life (« son temps libre », « quel métier exerçait-il », « quelles études »)", () => {
    expect(personalAsked("Que fait Dirk Schrödter de son temps libre ?")).not.toHaveLength(0);
    expect(personalAsked("Quel métier exerçait Bertrand Maes avant d'être adjoint ?")).not.toHaveLength(0);
    expect(personalAsked("La patronne de l'X, elle a fait quelles études ?")).not.toHaveLength(0);
  });
});

describe("seventh round: « vient d'où ? » asks a card's country", () => {
  it("is answered by the card of the product named", async () => {
    const card = "DuckDB : base de données analytique libre. Éditeur : DuckDB Foundation. Pays : Pays-Bas (Amsterdam).";
    const { frequency, names } = lexicon([card, "Il vient de loin.", "Elle vient.", "On vient."]);
    expect(
      await assessAnswerability("DuckDB vient d'où ?", [passage("DuckDB", card, "catalog")], frequency, names),
    ).toMatchObject({ answerable: true });
  });
});

describe("seventh round: a name held by another passage of the same document", () => {
  it("counts for the passage that answers (a document cut in sections)", async () => {
    const context = "Schleswig-Holstein, Land du nord de l'Allemagne, a quitté Microsoft Office.";
    const savings = "Le Land prévoit d'économiser 15 millions d'euros de licences en 2026.";
    const other = "La Bavière, en Allemagne, n'a rien annoncé.";
    const { frequency, names } = lexicon([context, savings, other, "Le Land.", "Les licences."]);
    const doc = (text: string, title: string) => ({ text, section: "", document: { title, kind: "case-study" } });
    const ask = (results: ReturnType<typeof doc>[]) =>
      assessAnswerability(
        "Le Land du nord de l'Allemagne, il compte économiser combien de licences en 2026 ?",
        results,
        frequency,
        names,
      );
    expect(await ask([doc(savings, "Schleswig-Holstein"), doc(context, "Schleswig-Holstein")])).toMatchObject({
      answerable: true,
    });
    // Not from another document.
    expect(await ask([doc(savings, "Schleswig-Holstein"), doc(other, "Bavière")])).toMatchObject({ answerable: false });
  });
});

describe("eighth round: the slot a figure or date question asks (each fails on the rules before it)", () => {
  it("needs a sum of money for « combien coûte », not any number of the card (« 450 000 clients »)", async () => {
    const veeam = "Veeam Backup & Replication : sauvegarde des machines virtuelles, plus de 450 000 clients.";
    const copilot = "Microsoft 365 Copilot est vendu 30 dollars par utilisateur et par mois, en option.";
    const tchap = "Tchap est gratuit pour les agents publics de l'État.";
    const { frequency, names } = lexicon([veeam, copilot, tchap, "Une licence coûte cher.", "Le serveur."]);
    const ask = (q: string, text: string, kind = "catalog") =>
      assessAnswerability(q, [passage("Fiche", text, kind)], frequency, names);
    expect(await ask("Combien coûte une licence Veeam Backup & Replication par serveur ?", veeam)).toMatchObject({
      answerable: false,
      reason: "missing-figure",
    });
    expect(await ask("Combien coûte Microsoft 365 Copilot par mois ?", copilot, "guidance")).toMatchObject({
      answerable: true,
    });
    // « gratuit » answers a price; « de combien » asks a change, in any unit.
    expect(await ask("Combien coûte Tchap pour les agents publics ?", tchap, "guidance")).toMatchObject({
      answerable: true,
    });
  });

  it("needs a figure of the kind of thing counted (« combien d'habitants » is not « 600 ordinateurs »)", async () => {
    const fontaine = "La ville de Fontaine compte environ 600 ordinateurs, passés à Linux par étapes depuis 2001.";
    const cnrs = "Le CNRS remplace ses licences Zoom par Visio pour 34 000 agents et 120 000 chercheurs associés.";
    const { frequency, names } = lexicon([fontaine, cnrs, "Des habitants.", "Des personnes.", "La ville."]);
    expect(
      await assessAnswerability(
        "Combien d'habitants compte la ville de Fontaine ?",
        [passage("Fontaine", fontaine)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false, reason: "missing-figure" });
    // Agents and researchers are people: « combien de personnes » is answered.
    expect(
      await assessAnswerability(
        "Le CNRS quitte Zoom pour combien de personnes ?",
        [passage("Visio", cnrs)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
  });

  it("takes the slot filled by another section of the same document, set aside by the cap (« Le SILL en chiffres »)", async () => {
    const about =
      "Le Socle interministériel de logiciels libres (SILL) est la liste des logiciels libres recommandés, tenue par une équipe de 4 personnes.";
    const figures = "Le SILL comptait 500 logiciels référencés fin 2024 et environ 530 en 2025.";
    const { frequency, names } = lexicon([about, figures, "Des logiciels.", "Le socle."]);
    const doc = (text: string) => ({ text, section: "", document: { title: "Le SILL", kind: "guidance" } });
    const ask = (held: ReturnType<typeof doc>[]) =>
      assessAnswerability(
        "Combien de logiciels libres compte le socle interministériel ?",
        [doc(about)],
        frequency,
        names,
        held,
      );
    // « 4 personnes » does not count software; the section set aside does.
    expect(await ask([])).toMatchObject({ answerable: false, reason: "missing-figure" });
    expect(await ask([doc(figures)])).toMatchObject({ answerable: true });
  });

  it("takes the slot filled elsewhere only for the same subject (the habitants of Échirolles do not answer for Fontaine)", async () => {
    const fontaine = "La ville de Fontaine compte environ 600 ordinateurs, passés à Linux par étapes depuis 2001.";
    const echirolles = "La ville d'Échirolles compte 37 000 habitants et un parc passé au libre.";
    const { frequency, names } = lexicon([fontaine, echirolles, "Des habitants.", "La ville."]);
    const results = [passage("Fontaine", fontaine), passage("Échirolles", echirolles)];
    expect(
      await assessAnswerability("Combien d'habitants compte la ville de Fontaine ?", results, frequency, names),
    ).toMatchObject({ answerable: false, reason: "missing-figure" });
    expect(
      await assessAnswerability("Combien d'habitants compte la ville d'Échirolles ?", results, frequency, names),
    ).toMatchObject({ answerable: true });
  });

  it("needs a date for a question asking only a date; « quand » as a conjunction asks none", async () => {
    const card = "Commvault : société américaine (New Jersey) de logiciels de sauvegarde.";
    const { frequency, names } = lexicon([card, "Une société.", "Fondée."]);
    expect(
      await assessAnswerability(
        "En quelle année la société Commvault a-t-elle été fondée ?",
        [passage("Commvault", card, "catalog")],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false, reason: "missing-date" });
    expect(asksOnlyDate("La consultation a duré jusqu'à quand ?")).toBe(true);
    expect(asksOnlyDate("Depuis quand l'April défend-elle le logiciel libre ?")).toBe(true);
    expect(asksOnlyDate("Que prévoit l'article 48 du RGPD quand une autorité exige des données ?")).toBe(false);
    expect(asksOnlyDate("L'April a été fondée en quelle année, et par qui ?")).toBe(false);
  });

  it("reads a private-life expression across an inverted pronoun (« est-il né »)", () => {
    expect(personalAsked("Dans quelle ville le juge Nicolas Guillou est-il né ?").map((g) => g.found)).toEqual([
      "est ne",
    ]);
    expect(personalAsked("Qu'a-t-elle fait avant d'être nommée à la DINUM ?").length).toBe(1);
  });
});

describe("the rules of the ninth series (held-out-7 traced)", () => {
  it("needs the version of a named product in the passage that answers (« Windows 12 » is not « Windows 11 »)", async () => {
    const text = "Windows 11 exige un processeur récent : beaucoup de PC sous Windows 10 doivent être changés.";
    const { frequency, names } = lexicon([text, "Un PC.", "Windows.", "Les 12 postes."]);
    const ask = (q: string) => assessAnswerability(q, [passage("Windows 11", text)], frequency, names);
    expect(await ask("Faudra-t-il encore changer tous les PC pour Windows 12 ?")).toMatchObject({
      answerable: false,
      reason: "missing-name",
      missing: ["windows 12"],
    });
    expect(await ask("Faudra-t-il encore changer tous les PC pour Windows 11 ?")).toMatchObject({ answerable: true });
    expect(questionTerms("Proxmox VE 9 gère-t-il mieux la migration ?").map((t) => t.word)).toContain("ve 9");
  });

  it("reads a capital inside a word as a name (« iCloud », « vSphere »)", () => {
    const terms = questionTerms("Le service communication sauvegarde ses photos sur iCloud, est-ce acceptable ?");
    expect(terms.find((t) => t.word === "icloud")?.name).toBe(true);
  });

  it("does not ask the setting and the judgement of a question of the card of the thing it names", async () => {
    const card =
      "Huawei, équipements de réseau : commutateurs et routeurs d'entreprise. Éditeur chinois, soumis à la loi chinoise sur le renseignement de 2017.";
    const guide = "Les mairies et les collectivités doivent recenser leurs dépendances numériques sur le réseau.";
    const { frequency, names } = lexicon([card, guide, "La mairie.", "Un problème.", "Ils posent un problème grave."]);
    const results = [
      { text: card, section: "", document: { title: "Huawei (équipements réseau)", kind: "catalog" } },
      passage("Dépendances", guide),
    ];
    expect(
      await assessAnswerability(
        "Les commutateurs Huawei de la mairie posent-ils un problème grave ?",
        results,
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
    // A card that only holds the name in a field (a vendor of that country) is not the thing's own card.
    const vendor = "Bending Spoons : société de Milan, Italie, propriétaire d'Evernote.";
    const other = lexicon([vendor, "Une loi.", "Les communes.", "La loi impose."]);
    expect(
      await assessAnswerability(
        "L'Italie a-t-elle une loi qui impose le logiciel libre à ses communes ?",
        [{ text: vendor, section: "", document: { title: "Bending Spoons", kind: "catalog" } }],
        other.frequency,
        other.names,
      ),
    ).toMatchObject({ answerable: false });
  });

  it("takes a place that situates another (« Fontaine, près de Grenoble ») as context", () => {
    const q = "Fontaine, près de Grenoble, avait passé quelle part de son parc sous Linux en 2014 ?";
    expect(contextSpans(q).map(([a, b]) => q.slice(a, b))).toContain("près de Grenoble");
    expect(contextSpans("Un hébergeur près de chez nous ?")).toEqual([]);
  });

  it("finds a name as the question writes it, not by its stem (« Landes » is not the German « Land »)", async () => {
    const text = "Le Land de Schleswig-Holstein a équipé ses écoles et ses postes sous Linux.";
    const { frequency, names } = lexicon([text, "Les Landes.", "Des collèges."]);
    expect(
      await assessAnswerability(
        "Le département des Landes a-t-il équipé ses collèges sous Linux ?",
        [passage("Schleswig-Holstein", text)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false, reason: "missing-name", missing: ["landes"] });
  });

  it("needs what a periphrasis stands for (« le pays du Soleil-Levant » : le Japon)", async () => {
    const text = "Les ministères danois ont annoncé quitter Microsoft Office pour LibreOffice.";
    const { frequency, names } = lexicon([text, "Le pays.", "Microsoft."]);
    expect(
      await assessAnswerability(
        "Au pays du Soleil-Levant, les ministères ont-ils quitté Microsoft ?",
        [passage("Danemark", text)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false, reason: "missing-name" });
  });

  it("keeps an introduction that names the collectivité asked about (« notre agglomération a-t-elle … »)", () => {
    expect(
      withoutIntroduction(
        "Je suis adjoint au numérique à Rodez : notre agglomération a-t-elle déjà un plan de sortie de Microsoft ?",
      ),
    ).toBeNull();
    expect(withoutIntroduction("Je suis élu à Foix : par où commencer pour sortir de Microsoft ?")?.removed).toContain(
      "Foix",
    );
  });

  it("reads common abbreviations and acronyms, a subjunctive and a family as data", () => {
    const ms = questionTerms("Un logiciel libre qui ouvre les fichiers .mpp de MS Project, ça existe ?");
    expect(ms.find((t) => t.word === "ms")?.variants).toContain("microsoft");
    expect(questionTerms("Existe-t-il un logiciel de DAO français ?").find((t) => t.word === "dao")?.name).toBe(false);
    expect(questionTerms("Nos fichiers partent-ils sans qu'on le sache ?").map((t) => t.word)).not.toContain("sache");
    expect(personalAsked("Le juge Nicolas Guillou a-t-il une famille touchée par les sanctions ?").length).toBe(1);
  });

  it("holds a town named as a collectivité where a passage speaks of it as one (« la ville de Toulouse »)", async () => {
    const text =
      "La Région Occitanie a choisi BlueMind, un éditeur français basé à Toulouse, pour sa messagerie libre.";
    const { frequency, names } = lexicon([text, "La ville.", "Le logiciel libre."]);
    const ask = (q: string) => assessAnswerability(q, [passage("Région Occitanie", text)], frequency, names);
    expect(await ask("Que fait la ville de Toulouse pour le logiciel libre ?")).toMatchObject({
      answerable: false,
      reason: "names-apart",
    });
    expect(await ask("Quel éditeur de messagerie libre est basé à Toulouse ?")).toMatchObject({ answerable: true });
  });

  it("does not take the card of a product for the country it comes from (« la position de la Suisse »)", async () => {
    const card = "Proton Mail : messagerie chiffrée, code libre, éditeur Proton AG, pays Suisse.";
    const { frequency, names } = lexicon([card, "La position.", "Le logiciel libre.", "Un hébergeur."]);
    const results = [{ text: card, section: "", document: { title: "Proton Mail", kind: "catalog" } }];
    expect(
      await assessAnswerability(
        "Quelle est la position de la Suisse sur le logiciel libre ?",
        results,
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false });
    expect(
      await assessAnswerability("Proton Mail est-il hébergé en Suisse ?", results, frequency, names),
    ).toMatchObject({ answerable: true });
  });

  it("reads the function words of a question asked in English (« What is the CLOUD Act? »)", () => {
    expect(questionTerms("What is the CLOUD Act?").map((t) => t.word)).toEqual(["cloud", "act"]);
  });

  it("needs who won for a question asking who wins (« Qui va gagner les élections municipales à Lyon ? »)", async () => {
    const text =
      "À Lyon, les élections municipales de 2026 ont ouvert un débat sur la suite collaborative de la ville.";
    const won = "À Lyon, le maire sortant a été réélu aux élections municipales de 2026.";
    const { frequency, names } = lexicon([text, won, "Gagner.", "Les élections."]);
    const q = "Qui va gagner les élections municipales de 2026 à Lyon ?";
    expect(await assessAnswerability(q, [passage("Lyon", text)], frequency, names)).toMatchObject({
      answerable: false,
      reason: "missing-winner",
    });
    expect(await assessAnswerability(q, [passage("Lyon", won)], frequency, names)).toMatchObject({ answerable: true });
  });
});

describe("tenth series (held-out-8 diagnosis)", () => {
  it("reads a role in an unnamed collectivité as the asker's introduction (« Maire d'un village du Cantal, … »)", () => {
    expect(
      withoutIntroduction("Maire d'un village du Cantal, je me demande : la loi m'oblige-t-elle à passer au libre ?")
        ?.removed,
    ).toBe(" Maire d'un village du Cantal");
    expect(
      withoutIntroduction("Élue d'une petite commune de la Creuse, combien de communes sont dans ce cas ?")?.removed,
    ).toBe(" Élue d'une petite commune de la Creuse");
    // What is asked points back at the place it names (« chez nous »): it is what the question is about.
    expect(
      withoutIntroduction("Maire d'un village du Cantal, existe-t-il un syndicat informatique chez nous ?"),
    ).toBeNull();
    // A named one is whom the question is about.
    expect(withoutIntroduction("Le maire de Lyon, a-t-il signé la charte ?")).toBeNull();
  });

  it("does not read the negation « personne ne l'a » as « né à »", () => {
    expect(personalAsked("Pourquoi est-il sur nos postes alors que personne ne l'a acheté ?")).toEqual([]);
    expect(personalAsked("Est-il né à Lyon ?").length).toBe(1);
  });

  it("reads someone's health as private life, not the health data the corpus covers", () => {
    expect(personalAsked("Jean-Pierre Sueur est-il en bonne santé ?").length).toBe(1);
    expect(personalAsked("Où sont hébergées les données de santé ?")).toEqual([]);
  });

  it("does not count as unknown a word whose synonym the corpus uses (« souci » → « problème »)", async () => {
    const text = "Claude sert à rédiger des courriers ; la confidentialité des données envoyées est à vérifier.";
    const { frequency, names } = lexicon([text, "Un problème de sécurité."]);
    const q = "Peut-on utiliser Claude pour rédiger nos courriers sans souci de confidentialité ?";
    expect(await assessAnswerability(q, [passage("Claude", text)], frequency, names)).toMatchObject({
      answerable: true,
    });
  });

  it("reads « s'authentifient » and « identification » as the corpus's « authentification » (synonyms.txt)", async () => {
    const text = "Les agents se connectent à Sécurix avec une authentification forte par clé FIDO2.";
    const { frequency, names } = lexicon([text]);
    const q = "Comment les agents s'authentifient-ils sur Sécurix ?";
    expect(await assessAnswerability(q, [passage("Sécurix", text)], frequency, names)).toMatchObject({
      answerable: true,
    });
  });

  it("needs a sum for « chiffre d'affaires », like any amount of money", async () => {
    const text = "Cloud Temple, hébergeur français qualifié SecNumCloud, exploite 4 centres de données en France.";
    const figure = "Cloud Temple a réalisé un chiffre d'affaires de 80 millions d'euros en 2025.";
    const { frequency, names } = lexicon([text, figure]);
    const q = "Quel est le chiffre d'affaires de Cloud Temple ?";
    expect(await assessAnswerability(q, [passage("Cloud Temple", text)], frequency, names)).toMatchObject({
      answerable: false,
    });
    expect(await assessAnswerability(q, [passage("Cloud Temple", figure)], frequency, names)).toMatchObject({
      answerable: true,
    });
  });

  it("needs someone named beside the role for « Comment s'appelle le DSI de … ? »", async () => {
    const team = "La DSI de la Région Occitanie a testé trois outils collaboratifs (Le Monde Informatique, s. d.).";
    const named = "Jean Dupont, DSI de la Région Occitanie, a piloté le choix des outils collaboratifs.";
    const { frequency, names } = lexicon([team, named]);
    const q = "Comment s'appelle le DSI de la Région Occitanie ?";
    expect(await assessAnswerability(q, [passage("Région Occitanie", team)], frequency, names)).toMatchObject({
      answerable: false,
    });
    expect(await assessAnswerability(q, [passage("Région Occitanie", named)], frequency, names)).toMatchObject({
      answerable: true,
    });
  });

  it("requires « capitale » in « la capitale de la Bretagne », a city the question does not name", async () => {
    const other = "Quimper Bretagne Occidentale : un plan pour passer les postes de travail au logiciel libre.";
    const named =
      "Rennes, capitale de la Bretagne, a voté un plan pour passer ses postes de travail au logiciel libre.";
    const { frequency, names } = lexicon([other, named]);
    const q = "La capitale de la Bretagne a-t-elle un plan pour passer ses postes de travail au libre ?";
    expect(await assessAnswerability(q, [passage("Quimper", other)], frequency, names)).toMatchObject({
      answerable: false,
    });
    expect(await assessAnswerability(q, [passage("Rennes", named)], frequency, names)).toMatchObject({
      answerable: true,
    });
    // A known periphrasis is read whole (« la capitale des Gaules » → Lyon).
    expect(questionTerms("La capitale des Gaules a-t-elle quitté Office ?").some((t) => t.verbatim)).toBe(false);
  });

  it("reads « Vienne » as Austria (metonymy)", () => {
    const vienne = questionTerms("Combien de temps a pris la migration de l'armée à Vienne ?").find(
      (t) => t.word === "vienne",
    );
    expect(vienne?.variants).toContain("autriche");
  });
});

describe("eleventh series (kinds of misses of held-out-8, general rules)", () => {
  it("needs the sum of the kind asked: a budget is not the price of a buy-out (« [somme …] »)", async () => {
    const other = "En août 2025, le fonds Carlyle a proposé de racheter l'éditeur Ciril GROUP pour 525 M€.";
    const budget = "Ciril GROUP consacre un budget de 12 M€ par an à la recherche.";
    const { frequency, names } = lexicon([other, budget]);
    const q = "Quel est le budget annuel de Ciril GROUP ?";
    expect(await assessAnswerability(q, [passage("Ciril GROUP", other)], frequency, names)).toMatchObject({
      answerable: false,
      reason: "missing-figure",
    });
    expect(await assessAnswerability(q, [passage("Ciril GROUP", budget)], frequency, names)).toMatchObject({
      answerable: true,
    });
    // A sum without its own kind (« combien coûte ») is answered by any sum said of the thing.
    const price = "La licence annuelle de Ciril GROUP coûte 525 € par poste.";
    const lex = lexicon([price]);
    expect(
      await assessAnswerability(
        "Combien coûte Ciril GROUP ?",
        [passage("Ciril GROUP", price)],
        lex.frequency,
        lex.names,
      ),
    ).toMatchObject({ answerable: true });
  });

  it("reads « dépensé en formation » as a training cost, not the grant beside it", async () => {
    const grant = "La Ville de Lyon a reçu une subvention de 2 millions d'euros pour sa migration et la formation.";
    const cost = "La Ville de Lyon a dépensé 300 000 euros en formation des agents pour sa migration.";
    const { frequency, names } = lexicon([grant, cost]);
    const q = "Combien la Ville de Lyon a-t-elle dépensé en formation des agents pour sa migration ?";
    // The grant sentence names « formation » too, but as what the grant pays for: both hold the kind; a sentence
    // with a sum and no training at all does not.
    const unrelated = "La Ville de Lyon a reçu une subvention de 2 millions d'euros pour sa migration.";
    const lex = lexicon([unrelated, cost]);
    expect(await assessAnswerability(q, [passage("Lyon", unrelated)], lex.frequency, lex.names)).toMatchObject({
      answerable: false,
    });
    expect(await assessAnswerability(q, [passage("Lyon", cost)], frequency, names)).toMatchObject({
      answerable: true,
    });
  });

  it("counts « salariés » only by staff, not by members or structures (« [effectif …] »)", async () => {
    const members = "Le réseau Déclic regroupe 50 structures et 300 membres dans 70 départements.";
    const staff = "Le réseau Déclic emploie 12 salariés à son siège.";
    const { frequency, names } = lexicon([members, staff]);
    const q = "Combien de salariés compte le réseau Déclic ?";
    expect(await assessAnswerability(q, [passage("Déclic", members)], frequency, names)).toMatchObject({
      answerable: false,
      reason: "missing-figure",
    });
    expect(await assessAnswerability(q, [passage("Déclic", staff)], frequency, names)).toMatchObject({
      answerable: true,
    });
    // « combien de personnes » still takes any count of people.
    const people = "Le réseau Déclic compte 300 agents.";
    const lex = lexicon([people]);
    expect(
      await assessAnswerability(
        "Combien de personnes compte le réseau Déclic ?",
        [passage("Déclic", people)],
        lex.frequency,
        lex.names,
      ),
    ).toMatchObject({ answerable: true });
  });

  it("abstains when a rare complement no passage holds gives a corpus noun another sense (« licence de taxi »)", async () => {
    expect(complementOf("Comment la mairie attribue-t-elle une licence de taxi ?", "taxi")).toBe("licence");
    expect(complementOf("Une subvention à la mairie pour la fête du village ?", "fete")).toBe("mairie");
    expect(complementOf("Où trouver un logiciel libre au printemps ?", "printemps")).toBeUndefined();
    const software = "La mairie choisit chaque licence logicielle après une mise en concurrence.";
    const taxi = "La mairie attribue chaque licence de taxi après un examen.";
    // Frequencies of the real corpus (« licence » in 289 passages, « taxi » in none).
    const { frequency, names } = lexicon([software], { licence: 289, mairie: 19, attribue: 12, taxi: 0 });
    const q = "Comment la mairie attribue-t-elle une licence de taxi ?";
    expect(await assessAnswerability(q, [passage("Achats", software)], frequency, names)).toMatchObject({
      answerable: false,
      reason: "unknown-words",
      missing: ["taxi"],
    });
    expect(await assessAnswerability(q, [passage("Taxis", taxi)], frequency, names)).toMatchObject({
      answerable: true,
    });
  });

  it("reads the asker's own relatives as context (« mon beau-frère gendarme », « mon tonton qui vit à … »)", async () => {
    expect(ownRelation("Mon beau-frère gendarme dit que la Gendarmerie tourne sous Linux ?", "beau frere")).toBe(true);
    expect(ownRelation("Mon beau-frère gendarme dit que la Gendarmerie tourne sous Linux ?", "gendarme")).toBe(true);
    expect(ownRelation("La Gendarmerie tourne-t-elle sous Linux ?", "gendarmerie")).toBe(false);
    const text = "La Gendarmerie nationale a migré ses postes de travail sous Linux (GendBuntu) depuis 2008.";
    const { frequency, names } = lexicon([text, "Le gendarme des données, la CNIL."], { tourne: 18, longtemps: 8 });
    expect(
      await assessAnswerability(
        "Mon beau-frère gendarme dit que la Gendarmerie tourne sous Linux depuis longtemps, c'est vrai ?",
        [passage("Gendarmerie", text)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
  });
});

describe("twelfth series (held-out-9 diagnosis, trial4 findings 2, 4, 13)", () => {
  it("reads a doubled letter or two swapped letters as a typing slip, never any letter less (« dirrige », not « policier »)", () => {
    expect(slips("dirrige")).toContain("dirige");
    expect(slips("logiciles")).toContain("logiciels");
    // « policier » has no doubled letter: « police » and « policer » are other words, not slips.
    expect(slips("policier")).not.toContain("policer");
    expect(slips("marier").filter((w) => w.length < 6)).toEqual([]);
  });

  it("reads the asker's size (« une commune de 2000 habitants ») as context, a threshold or a count asked as a figure", () => {
    const words = (q: string) => questionTerms(q).map((t) => t.word);
    expect(words("Que peut faire une petite commune de 2000 habitants pour réduire sa dépendance ?")).not.toContain(
      "2000",
    );
    expect(
      questionTerms("Une commune de 5000 habitants face au CLOUD Act ?").find((t) => t.word === "habitants"),
    ).toMatchObject({ context: true });
    expect(words("Combien de communes de plus de 3500 habitants utilisent Linux ?")).toContain("3500");
    expect(words("Qu'a fait la ville en 2000 pour ses agents ?")).toContain("2000");
    const tokens = (q: string) => [...q.matchAll(/[\p{L}\p{N}'-]+/gu)];
    expect(headCount(tokens("pour 500 agents"), 1)).toBe(true);
    expect(headCount(tokens("moins de 50 agents"), 2)).toBe(false);
  });

  it("reads the laws a product's card exposes it to (« Exposition : CLOUD Act (États-Unis) »)", () => {
    expect(
      exposureLaws(
        "Microsoft Teams : messagerie.\nÉditeur : Microsoft, États-Unis. Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).",
      ),
    ).toEqual(["cloud act", "fisa section 702"]);
    expect(exposureLaws("Exposition à des lois extra-européennes : CLOUD Act (États-Unis).")).toEqual(["cloud act"]);
    expect(exposureLaws("Nextcloud Hub : partage de fichiers. Éditeur : Nextcloud GmbH, Allemagne.")).toEqual([]);
  });

  it("asks no date in « quand peut-on … ? » (when it becomes possible), still one in « quand … ? »", () => {
    expect(asksOnlyDate("Les ordinateurs HP des agents, quand peut-on changer de constructeur ?")).toBe(false);
    expect(asksOnlyDate("Quand la Gendarmerie a-t-elle commencé sa migration ?")).toBe(true);
  });

  it("names the whole name of the thing the corpus covers in an abstention (« Nextcloud Enterprise », not « Enterprise »)", () => {
    const q = "Quel est le prix exact d'une licence Nextcloud Enterprise pour 500 agents ?";
    expect(nameWritten(q, "Enterprise")).toBe("Nextcloud Enterprise");
    expect(nameWritten("Que dit le CLOUD Act ?", "Act")).toBe("CLOUD Act");
    expect(nameWritten("Quel Word choisir ?", "Word")).toBe("Word");
    const text = abstentionText(
      { reason: "missing-name", missing: ["enterprise"], covered: ["enterprise"], nearest: [] },
      q,
    );
    expect(text).toContain("« Nextcloud Enterprise »");
    expect(text).not.toContain("de « Enterprise »");
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers a question with ordinary words the corpus lacks (« sert », « recensé », « déjà », « au juste », « via »)", async () => {
      expect(await decide("WinSCP sert à quoi ?")).toMatchObject({ answerable: true });
      expect(await decide("On a du NSX chez nous, ça sert à quoi déjà ?")).toMatchObject({ answerable: true });
      expect(await decide("SketchUp, il est recensé dans quelle catégorie ?")).toMatchObject({ answerable: true });
      expect(await decide("Ma permanence se réserve via Calendly, ça sert à quoi au juste ?")).toMatchObject({
        answerable: true,
      });
    });

    it("answers a council question that gives the asker's size, face au CLOUD Act", async () => {
      expect(
        await decide("Que peut faire une petite commune de 2000 habitants pour réduire sa dépendance ?"),
      ).toMatchObject({ answerable: true });
      expect(await decide("Que peut faire une commune de 5000 habitants face au CLOUD Act ?")).toMatchObject({
        answerable: true,
      });
    });

    it("abstains on an election forecast, and on who won where no sentence says it (« les élus » is not « a été élu »)", async () => {
      for (const q of [
        "Qui va gagner les municipales de 2026 ?",
        "Qui va gagner les élections municipales ?",
        "Qui remportera les élections régionales ?",
      ])
        expect(await decide(q)).toMatchObject({ answerable: false, reason: "missing-winner" });
    });

    it("answers whether a product is forbidden from the page on the law its card exposes it to", async () => {
      expect(await decide("Est-il interdit d'utiliser Teams dans une mairie ?")).toMatchObject({ answerable: true });
    });

    it("abstains when what is asked is a fact of the asker's own collectivité, named before and unknown", async () => {
      expect(
        await decide("Je suis conseiller municipal à Plouzané. Notre commune a-t-elle déjà adopté le logiciel libre ?"),
      ).toMatchObject({ answerable: false, reason: "unknown-name" });
      // What any commune may do is still answered.
      expect(await decide("Je suis élue à Foix. Notre commune peut-elle utiliser Nextcloud ?")).toMatchObject({
        answerable: true,
      });
    });

    it("reads « la capitale picarde » as a city the passage must name, a known one as that city", async () => {
      expect(await decide("La capitale picarde a-t-elle un plan pour sortir de Windows ?")).toMatchObject({
        answerable: false,
      });
      expect(await decide("Combien de postes la capitale bavaroise avait-elle passés sous Linux ?")).toMatchObject({
        answerable: true,
      });
    });

    it("reads a typing slip, an adjective of place and a vendor's head office as what they stand for", async () => {
      expect(await decide("Qui dirrige OW2 depuis 2022 ?")).toMatchObject({ answerable: true });
      expect(
        await decide("Dans la ville iséroise labellisée Or, quel adjoint s'occupe du logiciel libre ?"),
      ).toMatchObject({ answerable: true });
      expect(await decide("Le groupe d'Armonk possède quelle entreprise du libre ?")).toMatchObject({
        answerable: true,
      });
      // Not any word one letter away: « policier » is not « police ».
      expect(await decide("Comment recruter un policier municipal quand on est une petite commune ?")).toMatchObject({
        answerable: false,
      });
    });
  });
});

describe("thirteenth series (kinds of misses of held-out-10: municipal life, places designated, counts)", () => {
  it("tells the digital domain's words, by plural or stem, from a commune's life", () => {
    expect(domainWord("logiciels")).toBe(true);
    expect(domainWord("informatiques")).toBe(true);
    expect(domainWord("subvention")).toBe(false);
    expect(speaksOfDomain("Où ranger ses mots de passe sans service en ligne ?")).toBe(true);
    expect(speaksOfDomain("Comment modifier le PLU pour construire un lotissement ?")).toBe(false);
  });

  it("finds the topic a question names in passing (nouns, complements of nouns), not its verbs", async () => {
    const { frequency } = lexicon([], { subvention: 5, demande: 49, mairie: 19, deposer: 2, piste: 4, college: 3 });
    const q = "Quand faut-il déposer notre demande de subvention à la mairie ?";
    expect(await offDomainWords(q, questionTerms(q), frequency, [])).toEqual(["subvention"]);
    const bike = "Notre club veut une piste vers le collège, on s'adresse à qui ?";
    expect(await offDomainWords(bike, questionTerms(bike), frequency, [])).toEqual(
      expect.arrayContaining(["piste", "college"]),
    );
    // A word of the digital domain, a name the corpus cites often, or a passage about the rare word: none.
    const grant = "Quelle subvention pour notre logiciel libre ?";
    expect(await offDomainWords(grant, questionTerms(grant), frequency, [])).toEqual([]);
    const lyon = "Quelle subvention Lyon a-t-elle reçue de la mairie ?";
    expect(await offDomainWords(lyon, questionTerms(lyon), async (w) => (w === "lyon" ? 31 : 5), [])).toEqual([]);
  });

  it("reads « L'article 31 » as the article and its number, without the elided article", () => {
    const words = questionTerms("L'article 31 de la loi SREN s'applique-t-il à ma commune ?").map((t) => t.word);
    expect(words).toContain("article 31");
    expect(words).not.toContain("l'article 31");
  });

  it("reads a version typed in lower case (« debian 13 ») when the corpus writes the word as a name", async () => {
    const terms = questionTerms("debian 13 est-elle certifiée pour les postes ?");
    expect(terms.map((t) => t.word)).toContain("debian 13");
    const kept = await resolveNames(
      terms,
      async () => 1,
      async (w) => w === "debian",
    );
    expect(kept.find((t) => t.word === "debian 13")).toMatchObject({ name: true, version: true });
    const postes = await resolveNames(
      questionTerms("combien de postes 10 ?"),
      async () => 1,
      async () => false,
    );
    expect(postes.map((t) => t.word)).not.toContain("postes 10");
  });

  it("holds a country's name where a passage writes its adjective (« un Land allemand »)", () => {
    const germany = questionTerms("Le Land du nord de l'Allemagne a-t-il quitté Teams ?").find(
      (t) => t.word === "allemagne",
    );
    expect(germany?.variants).toContain("allemand");
  });

  it("requires as written the rank or the position that designates a place (« la deuxième ville de », « du sud-ouest de »)", () => {
    expect(
      questionTerms("La deuxième ville de Belgique utilise-t-elle des logiciels libres ?").find(
        (t) => t.word === "deuxieme",
      ),
    ).toMatchObject({ name: true, verbatim: true });
    expect(
      questionTerms("Le Land du sud-ouest de l'Allemagne a-t-il quitté Exchange ?").find((t) => t.word === "sud ouest"),
    ).toMatchObject({ name: true, verbatim: true });
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("abstains on a commune's life with no word of the digital domain, answers the démarche and catalog cards", async () => {
      for (const q of [
        "Comment contester une décision d'urbanisme du maire ?",
        "Comment obtenir une zone 30 devant l'école primaire ?",
        "Comment devenir famille d'accueil pour le département ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: false });
      for (const q of [
        "Qui peut accompagner une petite commune dans cette démarche ?",
        "Comment faire accepter le changement aux agents de la mairie ?",
        "VLC, le lecteur vidéo, qui le porte ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });

    it("reads a place designated by its rank or position: known, it is that place; otherwise the passage must say it", async () => {
      expect(await decide("La deuxième ville de France a-t-elle choisi OnlyOffice ?")).toMatchObject({
        answerable: false,
      });
      expect(await decide("Le Land du sud-ouest de l'Allemagne a-t-il quitté Exchange ?")).toMatchObject({
        answerable: false,
      });
      // « Le Schleswig-Holstein, Land du nord de l'Allemagne, … » opens a section set aside by the cap per document.
      expect(await decide("Le Land du nord de l'Allemagne vise combien de postes Linux fin 2026 ?")).toMatchObject({
        answerable: true,
      });
    });

    it("counts « trois niveaux » for « combien de niveaux » (a plural in -x)", async () => {
      expect(await decide("Combien de niveaux compte le label Territoire Numérique Libre ?")).toMatchObject({
        answerable: true,
      });
    });

    it("answers a figure a sentence gives, beside another saying which figures are not known", async () => {
      expect(
        await decide("Combien l'ANCT a-t-elle versé à la Ville de Lyon pour sa suite collaborative ?"),
      ).toMatchObject({
        answerable: true,
      });
      // The figure that sentence says is not known is answered by that sentence (the lead's decision of 6 December
      // 2026: « stated-absent » answers), a town typed in lower case or not.
      expect(await decide("Combien de postes la Ville de Lyon a-t-elle migré sous Linux ?")).toMatchObject({
        answerable: true,
        reason: "stated-absent",
      });
      expect(await decide("combien de postes la ville de lyon a-t-elle migré ?")).toMatchObject({
        answerable: true,
        reason: "stated-absent",
      });
      expect(await decide("la ville de lyon a touché combien de l'ANCT pour sa suite collaborative ?")).toMatchObject({
        answerable: true,
      });
    });
  });
});

describe("fourteenth series (kinds of misses of held-out-11: spoken words around a card, private life, repetition, adjectives of place)", () => {
  it("reads « ce truc », « cette boîte » as pointing back to the name just written, not « c'est quoi ? » alone", () => {
    expect(pointsBack("c'est quoi ce bidule ?")).toBe(true);
    expect(pointsBack("c'est quoi cette boite ?")).toBe(true);
    expect(pointsBack("c'est quoi ?")).toBe(false);
    expect(pointsBack("avec quoi ?")).toBe(false);
  });

  it("drops where the asker uses a product (« au bureau d'études ») before the words a card never answers", () => {
    expect(withoutAskerPlaces("QGIS au bureau d'études, c'est basé où ?")).toBe("QGIS au , c'est basé où ?");
    expect(withoutAskerPlaces("Combien de bureaux a Fortinet ?")).toBe("Combien de bureaux a Fortinet ?");
  });

  it("takes a card's own long name typed without any capital, never a short common one", () => {
    const card = { text: "", document: { id: "catalog/vendor/fortinet", title: "Éditeur : Fortinet" } };
    expect(nameIn("fortinet c'est une boite de quel pays ?", card)).toMatchObject({ own: true });
    expect(nameIn("le fortinet du Fortinet ?", card)).toMatchObject({ own: true });
    const visio = { text: "", document: { id: "catalog/alternative/visio", title: "Alternative : Visio" } };
    expect(nameIn("l'outil de visio, il vient d'où ?", visio)).toBeNull();
  });

  it("reads religion, couple life and health as private life", () => {
    expect(personalAsked("Le maire de Grenoble, il est croyant ?").map((g) => g.found)).toEqual(["croyant"]);
    expect(personalAsked("Nicolas Vivant est-il en couple ?").map((g) => g.found)).toEqual(["en couple"]);
    expect(personalAsked("La ministre est-elle célibataire ?").length).toBe(1);
    expect(personalAsked("Le maire a-t-il choisi Linux ?")).toEqual([]);
  });

  it("tells a question repeating one word from one that uses a word twice", () => {
    expect(repeatsOneWord("cloud cloud cloud cloud ?")).toBe(true);
    expect(repeatsOneWord("Linux, Linux, Linux : pourquoi ?")).toBe(true);
    expect(repeatsOneWord("Le logiciel libre est-il vraiment libre ?")).toBe(false);
  });

  it("finds the adjective of place of a collectivity named by its central city, not of a city in a region", () => {
    expect(placeAdjectives("L'agglo montalbanaise utilise-t-elle Grist ?")).toEqual(["montalbanaise"]);
    expect(placeAdjectives("La métropole rouennaise a-t-elle quitté Teams ?")).toEqual(["rouennaise"]);
    expect(placeAdjectives("La ville iséroise labellisée a-t-elle un adjoint au libre ?")).toEqual([]);
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers a catalog card asked in spoken words or with the asker's roles as context", async () => {
      for (const q of [
        "Fortinet FortiGate, c'est quoi ce machin et c'est de quel pays ?",
        "fortinet est une boite de quel pays ?",
        "Atlassian nous a relancés pour un renouvellement, c'est quoi cette boîte ?",
        "Okta, ça sert à quoi ? la DGA en parle",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });

    it("abstains on private life, on one word repeated, on a collectivity named by an adjective the corpus lacks", async () => {
      for (const q of [
        "Nicolas Vivant est-il croyant ?",
        "Le ministre du numérique, il est en couple ?",
        "souveraineté souveraineté souveraineté ?",
        "La métropole rouennaise a-t-elle déployé Nextcloud pour ses agents ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: false });
      // The same collectivity named by an adjective the corpus writes is judged as before.
      expect(await decide("La métropole grenobloise a-t-elle des logiciels libres ?")).toMatchObject({
        answerable: true,
      });
    });
  });
});

describe("fifteenth series (kinds of misses of held-out-12: fields, choices, loanwords, versions and ranges, stem-only names, pay)", () => {
  it("takes two nationalities offered as a choice for what is asked, answered by the card whichever it says", async () => {
    const card = "Kolibri Oy : éditeur, siège : Finlande. Éditeur finlandais des logiciels de sauvegarde de Kolibri.";
    const other = "La Suède a publié une doctrine sur le cloud de ses administrations.";
    const { frequency, names } = lexicon([card, other]);
    const q = "Kolibri est finlandais ou suédois ?";
    expect(
      questionTerms(q)
        .filter((t) => t.choice)
        .map((t) => t.word),
    ).toEqual(["finlande", "suede"]);
    expect(
      await assessAnswerability(
        q,
        [passage("Éditeur : Kolibri", card, "catalog"), passage("Doctrine suédoise", other)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
    // A restriction the question goes on after is not a choice.
    expect(questionTerms("Les communes suisses ou allemandes utilisent-elles Nextcloud ?").some((t) => t.choice)).toBe(
      false,
    );
  });

  it("reads the versions a catalog card writes after one of the product's names, never a day", () => {
    const text =
      "Apparaît dans les inventaires sous les noms : Acme Desktop 10.8 ; Acme version 4 ; Acme Reader XI (11.0.23). Fin du support le 12 janvier 2027.";
    expect([...versionsOnCard(text)].sort()).toEqual(["10", "10.8", "11", "11.0", "11.0.23", "4"]);
  });

  it("holds a version on the card of its product written after another of its names, not another version", async () => {
    const card =
      "Acme Studio (métier) : cartographie. Apparaît dans les inventaires sous les noms : Acme Studio 10.8 ; AcmeMap.";
    const { frequency, names } = lexicon([card, "Le logiciel AcmeMap est maintenu par Acme."]);
    const results = [passage("Produit : Acme Studio (AcmeMap)", card, "catalog")];
    expect(await assessAnswerability("AcmeMap 10.8 est-il encore maintenu ?", results, frequency, names)).toMatchObject(
      {
        answerable: true,
      },
    );
    expect(await assessAnswerability("AcmeMap 12 est-il encore maintenu ?", results, frequency, names)).toMatchObject({
      answerable: false,
      missing: ["acmemap 12"],
    });
  });

  it("reads codes joined by a slash after a product's name as its range", () => {
    const terms = questionTerms("Fortinet FortiSwitch FS/FAP : qui contrôle l'éditeur ?");
    expect(terms.filter((t) => t.range).map((t) => [t.word, t.rangeOf])).toEqual([
      ["fs", "fortiswitch"],
      ["fap", "fortiswitch"],
    ]);
    expect(questionTerms("Le RGPD et la loi SREN : que changent-ils ?").some((t) => t.range)).toBe(false);
  });

  it("takes a word the index finds only through words sharing its stem for a name the corpus does not know", async () => {
    const search = (texts: string[]) => async () => texts.map((text) => ({ chunk: { text } }));
    expect(await namesFrom(search(["Le trésor public gère la trésorerie des communes."]))("tresorit")).toBe(true);
    expect(await namesFrom(search(["La trésorerie de la commune est tenue par le comptable."]))("tresorerie")).toBe(
      false,
    );
    expect(await namesFrom(search([]))("inconnu")).toBe(false);
  });

  it("counts by the pronoun « en » what the sentence before names (« Il en existe plus de 500 »)", async () => {
    expect(
      countsByPronoun(
        "Les syndicats mixtes mutualisent les logiciels. On en compte environ 40 en France.",
        new Set(["syndicat"]),
      ),
    ).toBe(true);
    expect(
      countsByPronoun(
        "Les syndicats mixtes mutualisent les logiciels. On en parle depuis 2015.",
        new Set(["syndicat"]),
      ),
    ).toBe(false);
    const text =
      "Les syndicats mixtes informatiques mutualisent les logiciels des communes. On en compte environ 40 en France, et plusieurs couvrent un département entier.";
    const { frequency, names } = lexicon([text, "Les logiciels libres des communes."]);
    expect(
      await assessAnswerability(
        "Combien de syndicats mixtes informatiques y a-t-il en France ?",
        [passage("Les syndicats mixtes informatiques", text)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
  });

  it("reads « il gagne combien », « elle touche combien » as pay, not a commune's savings", () => {
    expect(personalAsked("Le directeur de l'ANSSI, il gagne combien par an ?").map((g) => g.found)).toEqual([
      "il gagne combien",
    ]);
    expect(personalAsked("La présidente de l'ADULLACT, elle touche combien par mois ?").length).toBe(1);
    expect(personalAsked("Combien la commune a-t-elle économisé en passant au libre ?")).toEqual([]);
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers the owner asked as « l'actionnaire », a loanword, a version or a range written otherwise than on the card", async () => {
      for (const q of [
        "Westermo, qui est l'actionnaire ?",
        "Opera, qui sont ses actionnaires aujourd'hui ?",
        "Quel gestionnaire de passwords libre peut-on héberger nous-mêmes ?",
        "Java 7 est-il encore mis à jour par Oracle ?",
        "HPE Aruba AP/CX : l'éditeur est américain ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });

    it("abstains on a name the corpus only meets by its stem, and on the pay of a person it cites", async () => {
      for (const q of [
        "Coda, c'est hébergé en Europe ?",
        "Le directeur de l'ANSSI, il gagne combien par an ?",
        "Allied Telesis AT/GS : l'éditeur est japonais ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: false });
    });
  });
});

describe("sixteenth series (kinds of misses of held-out-13: designations, near names, private life, spoken words)", () => {
  it("reads more ways of asking a person's home and wealth as private life", () => {
    for (const q of [
      "Jeanne Martin, la présidente du syndicat mixte, elle vit où ?",
      "Paul Durand, de l'association, il a quel patrimoine ?",
      "Le directeur de la régie, est-il propriétaire de sa maison ?",
      "Marc Lenoir, il réside dans quelle commune ?",
    ])
      expect(personalAsked(q).length, q).toBe(1);
    // A commune's software heritage is not a person's wealth.
    expect(personalAsked("Quel patrimoine logiciel la commune doit-elle inventorier ?")).toEqual([]);
  });

  it("covers « dirige » by the title a passage gives, « IA » by « intelligence artificielle », « dure » by « valable »", async () => {
    const anssi = "Selon le directeur général de l'Agence, Paul Lefort, la qualification protège des lois étrangères.";
    const minister =
      "Les Assises étaient ouvertes par Claire Dumas, ministre déléguée chargée de l'Intelligence artificielle.";
    const label = "La certification Omega est valable trois ans ; elle doit ensuite être renouvelée.";
    const { frequency, names } = lexicon([anssi, minister, label, "Les usages de l'IA générative se multiplient."]);
    for (const [q, text] of [
      ["Qui dirige l'Agence ?", anssi],
      ["La ministre déléguée à l'IA qui a ouvert les Assises, c'était qui ?", minister],
      ["La certification Omega dure combien d'années ?", label],
    ] as const)
      expect(await assessAnswerability(q, [passage("Page", text)], frequency, names), q).toMatchObject({
        answerable: true,
      });
  });

  it("counts the laureates of a label in the collectivities it distinguished", async () => {
    const text = "Le jury du label Omega a distingué 24 collectivités en 2024, dont trois au niveau le plus élevé.";
    const { frequency, names } = lexicon([text]);
    expect(
      await assessAnswerability(
        "Combien de lauréats au label Omega 2024 ?",
        [passage("Omega", text)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
  });

  it("reads a clipped word in the plural as the word it clips (« technos », « ordis »)", async () => {
    const text = "Grille : technologies et licence. Grille est construit avec les technologies Python et React.";
    const { frequency, names } = lexicon([text]);
    expect(
      await assessAnswerability(
        "Grille est construit avec quelles technos ?",
        [passage("Grille", text)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
  });

  it("takes « est-ce que notre mairie … ? » after the asker's introduction for a question about their own collectivité", () => {
    expect(
      withoutIntroduction("Bonjour, on est un club de Trifouilly : est-ce que notre mairie utilise Nextcloud ?"),
    ).toBe(null);
    expect(
      withoutIntroduction("Bonjour, je suis élue à Trifouilly : est-ce que notre ville a déjà quitté Microsoft ?"),
    ).toBe(null);
    // What any commune may do stays a general question.
    expect(
      withoutIntroduction("Bonjour, je suis élue à Trifouilly : est-ce que notre commune peut utiliser Nextcloud ?"),
    ).not.toBe(null);
  });

  it("requires of a passage what a city is designated by (« la ville des bergamotes »), unless a periphrase it knows", async () => {
    const lyon = "La Ville de Lyon a engagé la sortie de Microsoft : ses postes passent à des logiciels libres.";
    const nancy = "Nancy, la ville des bergamotes, a quitté Microsoft en 2020.";
    const { frequency, names } = lexicon([lyon, nancy, "Les bergamotes sont une confiserie."]);
    expect(
      await assessAnswerability(
        "La ville des bergamotes a-t-elle quitté Microsoft ?",
        [passage("Lyon", lyon)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false, missing: ["bergamotes"] });
    expect(
      await assessAnswerability(
        "La ville des bergamotes a-t-elle quitté Microsoft ?",
        [passage("Nancy", nancy)],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
  });

  it("reads a country named by its own name (« la Norvège ») as asked about, not answered by a card of one of its products", async () => {
    const card =
      "Alternative : Fjord Office. Éditeur : Fjord AS (Norvège). Logiciel libre de bureautique, utilisé par des ministères.";
    const { frequency, names } = lexicon([card]);
    expect(
      questionTerms("La Norvège a-t-elle une politique du logiciel libre ?").find((t) => t.word === "norvege"),
    ).toMatchObject({
      country: true,
    });
    expect(
      await assessAnswerability(
        "La Norvège a-t-elle une politique de logiciel libre pour ses ministères ?",
        [passage("Alternative : Fjord Office", card, "catalog")],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: false });
    // A product the question names is what its card answers.
    expect(
      await assessAnswerability(
        "Fjord Office vient-il de Norvège ?",
        [passage("Alternative : Fjord Office", card, "catalog")],
        frequency,
        names,
      ),
    ).toMatchObject({ answerable: true });
  });

  it("requires two names written together (« Acme Studio ») of a passage when the corpus never writes them so", async () => {
    const cloud = "Acme Cloud est l'offre d'hébergement d'Acme ; ses données sont hébergées aux États-Unis.";
    const studio = "Zeta Studio est un logiciel de montage vidéo.";
    const { frequency, names } = lexicon([cloud, studio]);
    const results = [
      passage("Produit : Acme Cloud", cloud, "catalog"),
      passage("Produit : Zeta Studio", studio, "catalog"),
    ];
    expect(
      await assessAnswerability("Acme Studio peut-il héberger nos données ?", results, frequency, names),
    ).toMatchObject({ answerable: false, missing: ["acme studio"] });
    expect(
      await assessAnswerability("Acme Cloud peut-il héberger nos données ?", results, frequency, names),
    ).toMatchObject({
      answerable: true,
    });
  });

  it("searches a city, a vendor or a court designated by a periphrase as the corpus names it", () => {
    expect(aliasesIn("La cité phocéenne a-t-elle un logiciel libre pour l'urbanisme ?")).toContain("marseille");
    expect(aliasesIn("Qu'a jugé la Cour de Luxembourg sur le Privacy Shield ?")).toContain("cjue");
    // The longer periphrase, not the capital it contains (« La Haye » → Pays-Bas).
    const court = aliasesIn("Qu'a dit la Cour de La Haye sur la messagerie de son procureur ?");
    expect(court).toContain("cour penale internationale");
    expect(court).not.toContain("pays bas");
  });

  it("does not require the point of the compass a company is placed by (« une start-up du Sud-Ouest »)", () => {
    const words = (q: string) => questionTerms(q).map((t) => t.word);
    expect(words("Notre logiciel de paie vient d'une start-up du Sud-Ouest, elle est basée où ?")).not.toContain(
      "sud ouest",
    );
    expect(words("Le Land du Nord de l'Allemagne a-t-il quitté Microsoft ?")).toContain("nord");
  });

  it("takes a purpose after the name (« Penpot pour les affiches de la kermesse, … ») for the question's context", () => {
    const text = "Penpot pour les affiches de la kermesse, c'est une boîte de quel pays ?";
    const spans = contextSpans(text);
    const at = text.indexOf("kermesse");
    expect(spans.some(([a, b]) => a <= at && b > at)).toBe(true);
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("abstains on a person's home asked of a catalog card, an introduced town asked about, an absent product beside a present one", async () => {
      for (const q of [
        "Frank Karlitschek, le fondateur de Nextcloud, il habite dans quelle ville ?",
        "Bonjour, nous sommes une association de Landerneau : est-ce que notre mairie utilise Nextcloud ?",
        "Microsoft Teams Premium, les données sont-elles hébergées en Europe ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: false });
    });

    it("answers a lower-case question followed by its context, a periphrase of a city, a court or a vendor", async () => {
      for (const q of [
        "proxmox c'est autrichien ? on voudrait l'installer sur les serveurs de la commune",
        "La cité phocéenne instruit ses permis de construire avec quel logiciel libre ?",
        "La Cour de Luxembourg a invalidé le Privacy Shield en quelle année ?",
        "L'éditeur de Walldorf, il appartient à quel groupe ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });
  });
});

describe("seventeenth series (held-out-14: a card's other names are written on it)", () => {
  let real: { engine: Engine; close(): Promise<void> };
  beforeAll(async () => {
    real = await realCorpus();
  }, 120_000);
  const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

  it("answers a question naming a vendor or an alternative by another name of its card (a former name, a part)", async () => {
    for (const q of ["NortonLifeLock, c'est de quel pays ?", "TextMaker est sous quelle licence ?"])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("abstains on « la version N de X » as on « X N », a version the corpus does not write", async () => {
    for (const q of [
      "La version 14 de Proxmox est-elle gratuite ?",
      "La version 19 de Nextcloud est-elle compatible avec Collabora ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false, reason: "missing-name" });
  });
});

describe("eighteenth series (held-out-10 … 14: the place a question is about, and the words that only say how it asks)", () => {
  it("reads the place before « Métropole » or « Agglomération » as a name, not a sentence capital", () => {
    const laval = questionTerms("Laval Agglomération a-t-elle adopté Nextcloud ?").find((t) => t.word === "laval");
    expect(laval).toMatchObject({ name: true, collectivity: true });
    expect(laval?.clauseStart).toBeFalsy();
  });

  it("reads a lower-case first word, subject of the verb after it, as a name typed without its capital", () => {
    expect(questionTerms("rodez a migré sa messagerie sur bluemind ?").find((t) => t.word === "rodez")).toMatchObject({
      name: true,
      clauseStart: true,
    });
    // Not a word that opens the question without being its subject.
    expect(questionTerms("migrer vers linux, c'est long ?").find((t) => t.word === "migrer")?.name).toBeFalsy();
  });

  it("reads a région of several words as one name, asked when « la Région » then designates it", () => {
    const terms = questionTerms("Centre-Val de Loire : la Région utilise-t-elle Tchap ?");
    expect(terms.find((t) => t.word === "centre val de loire")).toMatchObject({ name: true });
    expect(terms.find((t) => t.word === "centre val de loire")?.context).toBeFalsy();
    expect(contextSpans("Hauts-de-France : la Région a-t-elle choisi Nextcloud ?")).toEqual([]);
    // A place before a colon that what is asked does not designate stays the context.
    expect(contextSpans("Hauts-de-France : quel logiciel libre pour la messagerie ?")).toHaveLength(1);
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("abstains on a town or région the corpus lacks, named as the subject beside a product it knows", async () => {
      for (const q of [
        "rodez a migré sa messagerie sur bluemind ? ça se passe bien ?",
        "Centre-Val de Loire : la Région a-t-elle choisi eXo Platform comme l'Occitanie ?",
        "Hauts-de-France : la Région utilise-t-elle Tchap comme la CNAM ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: false });
    });

    it("answers the same forms for places the corpus covers", async () => {
      for (const q of [
        "gendarmerie est passée à linux en quelle année ?",
        "Lyon : la Ville a-t-elle remplacé Microsoft Office ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });

    it("answers a question on a card put in common words, or asking its origin by a verb", async () => {
      for (const q of [
        "Des élus utilisent WhatsApp pour leurs échanges. Quelles alternatives plus sûres ?",
        "WeTransfer : j'ai lu un truc sur son rachat, c'est quoi l'histoire ?",
        "On a mis Thunderbird à la place d'Outlook, bonne idée ?",
        "Whereby, c'est quoi ce bidule et ça vient de quel pays ?",
        "Splashtop a été créé où ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });

    it("abstains on the price of a unit the corpus never uses (« par gigaoctet »), whatever prices it gives", async () => {
      for (const q of [
        "Combien coûte l'abonnement Microsoft 365 par gigaoctet ?",
        "Combien coûte la licence VMware vSphere par hyperthread ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: false, reason: "unknown-words" });
    });

    it("still abstains on everyday life put in the same common words", async () => {
      for (const q of [
        "C'est quoi le bon truc pour organiser la kermesse de l'école ?",
        "Une bonne idée de menu pour la cantine le vendredi ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: false });
    });
  });
});

describe("nineteenth series (held-out-15: a country's code, a quoted name, an organisation's birth, a product's acronym)", () => {
  it("reads a name between apostrophes used as quotation marks without them, and keeps an elision", () => {
    const words = questionTerms("Est-ce que 'Zimbra Collaboration' est libre chez l'Adullact ?").map((t) => t.word);
    expect(words).toEqual(expect.arrayContaining(["zimbra", "collaboration", "adullact"]));
    expect(words.some((w) => w.includes("'"))).toBe(false);
  });

  it("reads « c'est né quand » as the start of an organisation, not a person's private life", () => {
    expect(personalAsked("OW2, c'est né quand ? qui en est le directeur ?")).toEqual([]);
    expect(personalAsked("Le directeur d'OW2, il est né quand ?")).not.toEqual([]);
  });

  it("reads a country written by its code as that country, never a French word in lower case", () => {
    expect(aliasesIn("Kaspersky, c'est RU ?")).toContain("russie");
    expect(aliasesIn("Sophos, une boîte UK ?")).toContain("royaume uni");
    expect(aliasesIn("Zoom, c'est USA ?")).toContain("etats unis");
    expect(aliasesIn("Le logiciel de Berlin est-il libre ?")).not.toContain("etats unis");
  });

  it("reads what a statement before a colon designates as the subject when what is asked takes it up by a pronoun", () => {
    const opening = (q: string) => contextSpans(q).filter(([a]) => a === 0);
    expect(opening("L'autre navigateur de Mountain View, pas Chrome : on l'utilise dans nos écoles ?")).toEqual([]);
    expect(contextSpans("Le fabricant coréen de téléviseurs : nous en avons dans les salles ?")).toEqual([]);
    // A statement that what is asked does not take up stays the context.
    expect(contextSpans("Pour le budget de la commune : quel logiciel libre pour la comptabilité ?")).toHaveLength(1);
  });

  it("reads a DSI's acronym for a product or a notion the corpus writes in full as that name", () => {
    expect(aliasesIn("Nos licences O365 E3 sont-elles hébergées en Europe ?")).toContain("microsoft 365");
    expect(aliasesIn("Une solution 2FA libre pour les agents ?")).toContain("authentification multifacteur");
    expect(aliasesIn("GSuite est-il conforme au RGPD ?")).toContain("google workspace");
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers what the corpus holds, asked with a country's code, a quoted name or an organisation's birth", async () => {
      for (const q of [
        "Sophos, c'est une boîte UK ?",
        "Kaspersky c'est RU ?",
        "Cisco Webex, c'est US ?",
        "OW2, c'est né quand ? qui en est le directeur ?",
        "Une solution 2FA libre pour les agents ?",
        "GSuite est-il conforme au RGPD pour une mairie ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });
  });
});

describe("twentieth series (guards: the judgement asked of a named thing)", () => {
  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers a judgement asked of a product the corpus describes, in a word its page does not write", async () => {
      for (const q of ["Est-ce que WhatsApp est fiable pour une mairie ?", "Avast, c'est fiable pour nos agents ?"])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });

    it("abstains on a judgement the corpus never writes", async () => {
      expect(await decide("Est-ce que Nextcloud est comestible pour une mairie ?")).toMatchObject({
        answerable: false,
      });
    });
  });
});

describe("twenty-first series (held-out-16: a place the corpus never names, asked about beside a product it knows)", () => {
  it("reads a lower-case town before a present-tense verb, or after « combien », as a name typed without its capital", () => {
    for (const [q, w] of [
      ["figeac utilise libreoffice pour ses courriers ?", "figeac"],
      ["auch emploie tchap entre services ?", "auch"],
      ["combien millau a économisé avec linux ?", "millau"],
    ] as const)
      expect(
        questionTerms(q).find((t) => t.word === w),
        q,
      ).toMatchObject({ name: true });
    // A pronoun or a plain word opening the question is no name.
    expect(questionTerms("combien ça a coûté à la gendarmerie ?").find((t) => t.word === "ca")?.name).toBeFalsy();
  });

  it("keeps the introduction when what is asked is the asker's own syndicate or who covers them", () => {
    expect(withoutIntroduction("Je suis à la DSI de Lannion, quel syndicat mixte nous couvre ?")).toBeNull();
    expect(
      withoutIntroduction(
        "On est une commune du Cher, 600 habitants : notre syndicat départemental fait de la messagerie ?",
      ),
    ).toBeNull();
    // Presenting the asker's commune before a general question still sets the introduction aside.
    expect(
      withoutIntroduction("On est une commune de 900 habitants dans le Cher, par quoi commencer ?")?.removed,
    ).toContain("Cher");
  });

  it("abstains on a town's name the index finds only through a word sharing its stem (« Millas » through « mille »)", async () => {
    const texts = ["La gendarmerie a passé mille postes sous Linux.", "Mille postes de la gendarmerie sous Linux."];
    const names = namesFrom(async () => texts.map((text) => ({ chunk: { text } })));
    expect(await names.written?.("millas")).toBe(false);
    expect(await names.written?.("gendarmerie")).toBe(true);
    const frequency = async (w: string) => (["millas", "gendarmerie", "postes", "linux", "passe"].includes(w) ? 2 : 0);
    const found = texts.map((text) => ({ text, section: "Gendarmerie", document: { title: "Gendarmerie" } }));
    expect(
      await assessAnswerability("Millas a passé ses postes sous Linux comme la gendarmerie ?", found, frequency, names),
    ).toMatchObject({ answerable: false, reason: "unknown-name" });
  });
});

describe("twenty-second series (held-out-16: the words that name the kind of answer or the judgement asked)", () => {
  const kinds = (q: string) =>
    questionTerms(q)
      .filter((t) => t.answerKind)
      .map((t) => t.word);

  it("reads a word by its place: the kind of answer after « quel », in « c'est quoi ce … », as the attribute of « c'est une … »", () => {
    expect(kinds("Thunderbird, c'est quelle proportion des postes en Europe ?")).toEqual(["proportion"]);
    expect(kinds("ANSSI, c'est quoi ce sigle ?")).toEqual(["sigle"]);
    expect(kinds("Munich est revenue à Windows ou c'est un mythe ?")).toEqual(["mythe"]);
    expect(kinds("Zimbra ça date de quand ?")).toEqual(["date"]);
    expect(kinds("La Région impose un taux de logiciels libres ? c'est combien ?")).toEqual(["taux"]);
    expect(kinds("Rocket.Chat c'est suffisant pour les élus ?")).toEqual(["suffisant"]);
    // The same words elsewhere are what the question is about; private life is never a kind of answer.
    expect(kinds("La légende de la carte des dépendances est-elle en couleur ?")).toEqual([]);
    expect(kinds("Quelle est la date de la prochaine réunion ?")).toEqual([]);
    expect(kinds("Le sérieux de l'éditeur est-il vérifié ?")).toEqual([]);
    expect(kinds("Quelle voiture conduit le maire de Lyon ?")).toEqual([]);
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers a question whose only word the corpus never writes names the kind of answer or the judgement asked", async () => {
      for (const q of [
        "Microsoft augmente ses licences de quel pourcentage pour les collectivités ?",
        "ANSSI, c'est quoi ce sigle ?",
        "Munich est revenue à Windows ou c'est un mythe ?",
        "CrowdStrike a planté les hôpitaux ou c'est une légende ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });

    it("abstains on what the corpus never writes, asked in the same places", async () => {
      for (const q of [
        "Quelle voiture conduit le maire de Lyon ?",
        "Quel pourcentage de fromage dans les repas de la cantine ?",
        "Le gâteau de la kermesse, c'est suffisant pour vingt enfants ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: false });
    });
  });
});

describe("twenty-second series (held-out-16: a pronoun, a form typed without its apostrophe, a DSI's abbreviation, a word's family)", () => {
  it("reads « soi » and « cest » as the words that frame a question, not its topic", () => {
    const words = (q: string) => questionTerms(q).map((t) => t.word);
    expect(words("Mattermost c'est comme Slack mais chez soi ?")).not.toContain("soi");
    expect(words("cest quoi le danger de Dropbox pour la mairie")).not.toContain("cest");
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers a question put with « chez soi », « cest », « les mdp » or « grammaire » for « grammatical »", async () => {
      for (const q of [
        "Mattermost c'est comme Slack mais chez soi ?",
        "Vaultwarden, ça sert à partager les mdp entre techniciens ?",
        "un correcteur de grammaire pour Thunderbird ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });
  });
});

describe("twenty-second series (held-out-16: what a named organisation thought; « l'étude » of dependencies, not a person's studies)", () => {
  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers what an organisation thought where the corpus says what it criticised, and a product to count in the study", async () => {
      for (const q of [
        "Qu'est-ce que le CNLL a pensé du contrat Microsoft de l'Éducation nationale ?",
        "Les agents Zoom c'est une dépendance à compter dans l'étude ? on en a 30 dans notre inventaire",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });

    it("still asks a person's studies of a passage that says them beside the name", async () => {
      expect(await decide("Quelles études Henri Verdier a-t-il faites ?")).toMatchObject({ answerable: false });
    });
  });
});

describe("twenty-second series (held-out-16: the nationality asked as the attribute of « c'est un … »)", () => {
  it("reads « c'est un service américain ? » as asking the country, « les hébergeurs américains » as a restriction", () => {
    const usa = (q: string) => questionTerms(q).find((t) => t.word === "etats unis");
    expect(usa("Olvid, c'est une appli américaine ?")?.attributive).toBeFalsy();
    expect(usa("Les hébergeurs américains sont-ils soumis au RGPD ?")?.attributive).toBe(true);
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers from the card of the product named the nationality asked, whatever the setting around it", async () => {
      expect(await decide("Les élus discutent sur Olvid pour la kermesse, c'est une appli américaine ?")).toMatchObject(
        { answerable: true },
      );
    });
  });
});

describe("twenty-second series (held-out-16: a name written with a superscript digit, the plural of a compound)", () => {
  it("reads a superscript digit of a passage as the digit a question types (« M³Mail » for « M3Mail »)", async () => {
    const texts = ["M³Mail est une messagerie libre éditée par une coopérative française.", "M³Mail : fiche."];
    const names = namesFrom(async () => texts.map((text) => ({ chunk: { text } })));
    const frequency = async (w: string) => (["m3mail", "messagerie", "libre", "cooperative"].includes(w) ? 2 : 0);
    const found = texts.map((text) => ({ text, section: "", document: { title: "M³Mail", kind: "catalog" } }));
    expect(await assessAnswerability("M3Mail c'est une messagerie libre ?", found, frequency, names)).toMatchObject({
      answerable: true,
    });
  });

  it("reads the plural of a compound typed in lower case as the compound the passages write (« coupe-feux »)", async () => {
    const texts = ["Les coupe-feu Stormwall sont fabriqués en France.", "Stormwall : coupe-feu français."];
    const { frequency, names } = lexicon(texts, { coupe: 0, feux: 0 });
    const found = texts.map((text) => ({ text, section: "", document: { title: "Stormwall", kind: "catalog" } }));
    expect(
      await assessAnswerability("Nos coupe-feux sont des Stormwall, c'est français ?", found, frequency, names),
    ).toMatchObject({ answerable: true });
  });
});

describe("twenty-second series (held-out-16: the medium where the asker heard what is asked)", () => {
  it("reads the medium named after a verb of saying as the question's context, not what it asks", () => {
    const q = "Latombe a dit sur RTL que Microsoft était imposé dans les ministères, c'est vrai ?";
    const spans = contextSpans(q);
    const rtl = q.indexOf("RTL");
    expect(spans.some(([a, b]) => rtl >= a && rtl < b)).toBe(true);
    const microsoft = q.indexOf("Microsoft");
    expect(spans.some(([a, b]) => microsoft >= a && microsoft < b)).toBe(false);
    // « a dit sur la sécurité … » names no medium.
    expect(contextSpans("Qu'a dit sur la sécurité l'ANSSI ?")).toEqual([]);
  });
});

describe("a town given as an example or as the asker's own place (trial10 A7)", () => {
  it("reads the town after « une commune comme », « de la taille de », « chez nous à » as an example, whatever the accents", () => {
    for (const [q, town] of [
      ["Que change le RGPD pour une petite commune comme Espalion ?", "Espalion"],
      ["Le RGPD, ça change quoi pour une ville de 5 000 habitants, comme Saint-Geniez-d'Olt ?", "Saint-Geniez-d'Olt"],
      ["Que change le RGPD pour une commune de la taille d'Espalion ?", "Espalion"],
      ["Que change le RGPD CHEZ NOUS A Laguiole ?", "Laguiole"],
      ["Ici, à Marvejols, que change le RGPD ?", "Marvejols"],
      ["Des communes telles que Le Puy-en-Velay peuvent-elles utiliser Nextcloud ?", "Le Puy-en-Velay"],
    ] as const)
      expect(
        examplePlaces(q).flatMap((p) => p.names),
        q,
      ).toEqual([town]);
    expect(
      withoutExamplePlaces("Que change NIS2 pour des villes comme Espalion, Laguiole ou Saint-Geniez-d'Olt ?")?.places,
    ).toEqual(["Espalion", "Laguiole", "Saint-Geniez-d'Olt"]);
    // The collectivité it exemplifies stays in what is asked, unless the whole phrase is set aside.
    const q = "Que change le RGPD pour une petite commune comme Espalion ?";
    expect(withoutExamplePlaces(q)?.question.replace(/\s+/g, " ")).toBe("Que change le RGPD pour une petite commune ?");
    expect(withoutExamplePlaces(q, true)?.question.replace(/\s+/g, " ")).toBe("Que change le RGPD pour ?");
  });

  it("never reads a town as an example when it is the subject of what is asked", () => {
    for (const q of [
      "Combien d'habitants compte Espalion ?",
      "Le maire de Marvejols utilise-t-il Linux ?",
      "laguiole utilise nextcloud ?",
      "combien espalion a économisé avec linux ?",
      "Marvejols a passé ses postes sous Linux comme la gendarmerie ?",
      "Une commune comme la nôtre peut-elle utiliser Nextcloud ?",
      // A figure asked for the town given: another collectivité's would be read as its own.
      "Combien de postes sous Linux chez nous à Laguiole ?",
      "Combien de postes sous Linux pour une commune comme Laguiole ?",
    ])
      expect(withoutExamplePlaces(q), q).toBeNull();
  });

  describe("on the real corpus", () => {
    let real: { engine: Engine; close(): Promise<void> };
    beforeAll(async () => {
      real = await realCorpus();
    }, 120_000);
    const retrieve = (q: string) => retrieveForAnswer([{ role: "user", content: q }], real.engine);

    it("answers for communes in general when the town given as an example is one the corpus never names", async () => {
      for (const q of [
        "Que change le RGPD pour une commune comme Espalion ?",
        "Que change NIS2 pour une ville de la taille de Saint-Geniez-d'Olt ?",
        "Que change NIS2 chez nous à Laguiole ?",
      ]) {
        const { decision, general } = await retrieve(q);
        expect(decision, q).toMatchObject({ answerable: true });
        expect(general.length, q).toBe(1);
      }
    });

    it("still abstains when the town is what is asked about", async () => {
      for (const q of [
        "Combien d'habitants compte Espalion ?",
        "Le maire de Marvejols utilise-t-il Linux ?",
        "laguiole utilise nextcloud ?",
        "combien espalion a économisé avec linux ?",
      ])
        expect((await retrieve(q)).decision, q).toMatchObject({ answerable: false });
    });
  });
});

describe("held-out-17: a fact of the asker's own town is asked, not what holds for any commune", () => {
  it("never sets the town aside when the question asks about its mairie, its council, its neighbours, its département", () => {
    for (const q of [
      "Chez nous à Espalion on est sur Zoom, la communauté de communes voisine est passée à quoi ?",
      "Chez nous à Laguiole, la mairie est-elle passée à LibreOffice ?",
      "Ici, à Marvejols, le conseil a-t-il voté pour Linux ?",
      "Chez nous à Marvejols, le syndicat informatique du département propose-t-il une messagerie ?",
    ])
      expect(withoutExamplePlaces(q), q).toBeNull();
    // What holds for any commune stays read without the town.
    expect(withoutExamplePlaces("Que change NIS2 chez nous à Laguiole ?")).not.toBeNull();
  });

  it("keeps the introduction when what is asked points back at its place (« du département », « voisine »)", () => {
    for (const q of [
      "On est à Espalion dans l'Aveyron, est-ce qu'un syndicat informatique du département propose une messagerie ?",
      "Je suis élu à Marvejols, la commune voisine a-t-elle quitté Office ?",
    ])
      expect(withoutIntroduction(q), q).toBeNull();
  });

  describe("on the real corpus", () => {
    let real: { engine: Engine; close(): Promise<void> };
    beforeAll(async () => {
      real = await realCorpus();
    }, 120_000);
    const retrieve = (q: string) => retrieveForAnswer([{ role: "user", content: q }], real.engine);

    it("abstains on a town typed in lower case after « à » that the corpus never names", async () => {
      for (const q of [
        "a espalion la mairie est passée sous linux ?",
        "marvejols a combien de postes sous windows à la mairie ?",
        "à marvejols le conseil a voté pour nextcloud ?",
        "chez nous à laguiole on est sur zoom, la communauté de communes voisine utilise quoi ?",
        "On est à Espalion dans l'Aveyron, est-ce qu'un syndicat informatique du département propose Nextcloud ?",
      ])
        expect((await retrieve(q)).decision, q).toMatchObject({ answerable: false });
    });

    it("answers a short question on an acronym the corpus writes rarely but defines (« Nom complet (SIGLE) »)", async () => {
      for (const q of ["le DPF ça nous oblige à quoi ?", "le RGI ça nous oblige à quoi nous la commune ?"])
        expect((await retrieve(q)).decision, q).toMatchObject({ answerable: true });
      // An acronym no passage read defines, or one defined in passing in a list, stays a word written in passing.
      for (const q of ["le PLU ça nous oblige à quoi ?", "Combien la commune donne-t-elle au SDIS chaque année ?"])
        expect((await retrieve(q)).decision, q).toMatchObject({ answerable: false });
    });
  });
});

describe("twenty-third series (held-out-17: an acronym of the trade the corpus writes only in full)", () => {
  const gdpr =
    "Avant de signer un contrat cloud, la commune consulte son délégué à la protection des données sur les transferts.";

  it("knows an acronym the corpus never writes when a passage writes what it stands for", async () => {
    const { frequency, names } = lexicon([gdpr]);
    const decision = await assessAnswerability(
      "Le DPD doit-il être consulté avant un contrat cloud ?",
      [passage("RGPD", gdpr)],
      frequency,
      names,
    );
    expect(decision).toMatchObject({ answerable: true });
  });

  it("still abstains on an acronym whose meaning the corpus never writes, listed or not", async () => {
    const { frequency, names } = lexicon([gdpr]);
    for (const q of [
      "Le RSSI doit-il être consulté avant un contrat cloud ?",
      "Le PLUi doit-il être consulté avant un contrat cloud ?",
    ])
      expect(await assessAnswerability(q, [passage("RGPD", gdpr)], frequency, names), q).toMatchObject({
        answerable: false,
        reason: "unknown-name",
      });
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers a question on an acronym of the trade the corpus writes in full (« PCA », « AIPD », « SIRH »)", async () => {
      for (const q of [
        "Le PCA de la mairie doit prévoir quoi en cas de panne du prestataire ?",
        "Faut-il une AIPD avant de mettre nos données chez un hébergeur américain ?",
        "Un logiciel de SIRH libre pour la paie des agents ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });

    it("abstains on an acronym of the trade whose meaning the corpus never writes, and on one no list knows", async () => {
      for (const q of ["Quel seuil pour un MAPA de logiciels ?", "Notre PLUi interdit-il les antennes relais ?"])
        expect(await decide(q), q).toMatchObject({ answerable: false, reason: "unknown-name" });
    });
  });
});

describe("twenty-third series (held-out-17: names-apart — an opinion reported with « que », a status named by its law, a name set after the role)", () => {
  const ask = async (q: string, text: string, title = "CNLL") => {
    const { frequency, names } = lexicon([text]);
    return assessAnswerability(q, [passage(title, text)], frequency, names);
  };

  it("reads a verb of opinion before « que » as opening what is asked, which the passage says with its own verb", async () => {
    const text = "Le président du CNLL estime que Linux gagnera les mairies rurales d'ici dix ans.";
    expect(await ask("Le président du CNLL pense que Linux gagnera les mairies rurales ?", text)).toMatchObject({
      answerable: true,
    });
    // The opinion itself asked (« que pense … de … ? ») still needs a passage that gives it beside the name.
    const passing = "Le CNLL fédère des entreprises. Linux équipe des mairies rurales.";
    expect(await ask("Que pense le CNLL de Linux dans les mairies rurales ?", passing)).toMatchObject({
      answerable: false,
    });
  });

  it("answers « comment s'appelle l'agent … ? » from a passage that sets the name right after the role noun", async () => {
    const named = "Tehtris est un éditeur français d'EDR ; son agent Sentinelle protège les postes des mairies.";
    expect(
      await ask("Tehtris protège les postes des mairies, comment s'appelle l'agent ?", named, "Tehtris"),
    ).toMatchObject({ answerable: true });
    const unnamed = "Tehtris est un éditeur français d'EDR ; son agent protège les postes des mairies.";
    expect(
      await ask("Tehtris protège les postes des mairies, comment s'appelle l'agent ?", unnamed, "Tehtris"),
    ).toMatchObject({
      answerable: false,
    });
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("reads « association loi 1901 » as an association, not a year a passage must hold", async () => {
      expect(await decide("Le CNLL est une association loi 1901 ? qui en est membre ?")).toMatchObject({
        answerable: true,
      });
      expect(await decide("Quelle association loi 1901 gère la piscine municipale de Rodez ?")).toMatchObject({
        answerable: false,
      });
    });
  });
});

describe("twenty-third series (held-out-17: « combien de … ? » answered by a share written in words)", () => {
  const ask = async (q: string, text: string) => {
    const { frequency, names } = lexicon([text]);
    return assessAnswerability(q, [passage("AFUL", text)], frequency, names);
  };

  it("answers « combien de communes » from « plus de la moitié des communes »", async () => {
    expect(
      await ask(
        "Combien de communes rurales utilisent Thunderbird selon l'AFUL ?",
        "Selon l'AFUL, plus de la moitié des communes rurales utilisent Thunderbird pour leur messagerie.",
      ),
    ).toMatchObject({ answerable: true });
  });

  it("does not read « un tiers de confiance » nor a share of another thing as the count asked", async () => {
    for (const text of [
      "Selon l'AFUL, un tiers de confiance certifie les communes rurales qui utilisent Thunderbird.",
      "Selon l'AFUL, la moitié des agents des communes rurales utilisent Thunderbird.",
    ])
      expect(await ask("Combien de communes rurales utilisent Thunderbird selon l'AFUL ?", text), text).toMatchObject({
        answerable: false,
      });
  });
});

describe("twenty-third series (held-out-17: an everyday word typed short in a chat)", () => {
  it("writes the abbreviations of the list in full, and no other short word", () => {
    expect(withoutAbbreviations("Une commune de 800 hab peut adhérer ?")).toBe(
      "Une commune de 800 habitants peut adhérer ?",
    );
    expect(withoutAbbreviations("Tchap est dispo ? un pb de connexion")).toBe(
      "Tchap est disponible ? un problème de connexion",
    );
    // « tel », « pro », « perso » have several meanings; a word holding an abbreviation is left as it is.
    expect(withoutAbbreviations("un tel pro perso, habitat, l'hab-x")).toBe("un tel pro perso, habitat, l'hab-x");
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers a question that types « dispo » or « pb » for the word the corpus writes", async () => {
      for (const q of ["Tchap est dispo pour les mairies ?", "Un pb avec Grist chez nous, à qui s'adresser ?"])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });
  });
});

describe("trial11 A4: the asker's town as whose situation it is (« si la mairie de X garde … »)", () => {
  it("reads the town after « si la mairie de », « pour le conseil municipal de » as the asker's setting", () => {
    for (const [q, town] of [
      ["Quels sont les risques si la mairie de Paimpol garde Microsoft 365 ?", "Paimpol"],
      ["Pour le conseil municipal de Rostrenen, Teams c'est risqué ?", "Rostrenen"],
      [
        "Quels risques de Teams pour les réunions du conseil municipal de Saint-Quay-Portrieux ?",
        "Saint-Quay-Portrieux",
      ],
      ["Que se passe-t-il si la commune de Tréguier passe à Google Workspace ?", "Tréguier"],
    ] as const)
      expect(withoutExamplePlaces(q)?.places, q).toEqual([town]);
    expect(
      withoutExamplePlaces("Quels sont les risques si la mairie de Paimpol garde Microsoft 365 ?")?.question.replace(
        /\s+/g,
        " ",
      ),
    ).toBe("Quels sont les risques si la mairie garde Microsoft 365 ?");
  });

  it("still keeps the town when a fact of it is asked (its choice, its figure, its people)", () => {
    for (const q of [
      "La mairie de Paimpol utilise-t-elle Tchap ?",
      "Combien la ville de Rostrenen paie-t-elle pour Microsoft 365 ?",
      "Pour la mairie de Paimpol, combien de postes sous Windows ?",
      "Pour la ville de Rostrenen, le maire utilise-t-il Teams ?",
      "Pour la mairie de Paimpol, est-ce qu'elle utilise Tchap ?",
      "Quand ont lieu les réunions du conseil municipal de Rostrenen ?",
      "Le maire de Paimpol utilise-t-il Teams ?",
      "Pour la mairie de Paimpol, quel prestataire gère les postes ?",
    ])
      expect(withoutExamplePlaces(q), q).toBeNull();
  });

  describe("on the real corpus", () => {
    let real: { engine: Engine; close(): Promise<void> };
    beforeAll(async () => {
      real = await realCorpus();
    }, 120_000);
    const retrieve = (q: string) => retrieveForAnswer([{ role: "user", content: q }], real.engine);

    it("answers for communes in general when that town is one the corpus never names", async () => {
      for (const q of [
        "Quels sont les risques si la mairie de Paimpol garde Microsoft 365 ?",
        "Pour le conseil municipal de Rostrenen, Teams c'est risqué ?",
      ]) {
        const { decision, general } = await retrieve(q);
        expect(decision, q).toMatchObject({ answerable: true });
        expect(general, q).toHaveLength(1);
      }
    });

    it("still abstains on a fact of that town", async () => {
      for (const q of [
        "La mairie de Paimpol utilise-t-elle Tchap ?",
        "Combien la ville de Rostrenen paie-t-elle chaque année pour Microsoft 365 ?",
        "Pour la ville de Rostrenen, le maire utilise-t-il Teams ?",
      ])
        expect((await retrieve(q)).decision, q).toMatchObject({ answerable: false });
    });
  });
});

describe("held-out-18 (an absent version of a product the corpus knows)", () => {
  it("marks a year right after a name with that name", () => {
    const terms = (q: string) => questionTerms(q);
    expect(terms("Windows Server 2008 est-il encore supporté ?").find((t) => t.word === "2008")).toMatchObject({
      date: true,
      yearOf: "server",
    });
    // A month and its year is a date, not a release; a year after no name neither.
    expect(terms("Depuis Janvier 2025, que change la loi ?").some((t) => t.yearOf)).toBe(false);
    expect(terms("Que change la loi de 2025 ?").some((t) => t.yearOf)).toBe(false);
    // The version the asker leaves for another named product is its setting, not asked.
    expect(terms("On a Outlook 2010 et on veut passer à Thunderbird ?").map((t) => t.word)).not.toContain("2010");
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("abstains on a release of a known product that no passage writes", async () => {
      for (const q of [
        // (Windows Server 2012 is in the catalogue since dsi23: its end of support is answered.)
        "Windows Server 2003 est-il encore supporté ?",
        "Outlook 2013 est-il encore supporté ?",
        "Windows Server 2008 c'est encore supporté ? on en a 3",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: false });
    });

    it("answers a release the corpus writes, and one given only as the version the asker leaves", async () => {
      for (const q of [
        "Outlook 2016 est-il encore supporté ?",
        "Windows Server 2019 : quelle alternative libre pour nos serveurs de fichiers ?",
        "On a Outlook 2010 et on veut passer à Thunderbird, par quoi commencer ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });
  });
});

describe("twenty-sixth series (held-out-19: the binders of speech and chat abbreviations)", () => {
  it("writes « presta » in full, an abbreviation after an elided article too, and nothing inside a word", () => {
    expect(withoutAbbreviations("On le fait avec un presta ou sur l'ordi du coin ?")).toBe(
      "On le fait avec un prestataire ou sur l'ordinateur du coin ?",
    );
    expect(withoutAbbreviations("Des prestas pour les infos de l'ordi ?")).toBe(
      "Des prestataires pour les informations de l'ordinateur ?",
    );
    expect(withoutAbbreviations("aujourd'hab, l'hab-x, prestation, associé")).toBe(
      "aujourd'hab, l'hab-x, prestation, associé",
    );
  });

  it("reads « du coup », « en tant que », « etc » and « ça vaut le coup » as binders, not what is asked", () => {
    const q = ["du", "coup", "en", "tant", "que", "mairie", "tchap", "vaut", "le", "coup", "etc"];
    expect([...idiomTokens(q)].map((i) => q[i])).toEqual(expect.arrayContaining(["du", "coup", "tant", "vaut", "etc"]));
    expect([...idiomTokens(q)].map((i) => q[i])).not.toContain("tchap");
  });

  describe("on the real corpus", () => {
    beforeAll(() => realCorpus(), 120_000);

    it("answers a question spoken with binders", async () => {
      for (const q of [
        "Du coup, en tant que commune, on peut utiliser Tchap ?",
        "Du coup, Nextcloud etc, c'est libre ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: true });
    });

    it("answers a question that asks the answer's form (« en une phrase », « en deux mots »)", async () => {
      for (const q of ["c'est quoi l'ADULLACT en une phrase ?", "Tchap en deux mots, c'est quoi ?"])
        expect(await decide(q), q).toMatchObject({ answerable: true });
      for (const q of ["c'est quoi la pétanque en une phrase ?", "le tiercé en gros ça marche comment ?"])
        expect(await decide(q), q).toMatchObject({ answerable: false });
    });

    it("still abstains when the same binders wrap a question the corpus does not answer", async () => {
      for (const q of [
        "Du coup, en tant que maire, je peux marier deux personnes le dimanche ?",
        "ça vaut le coup d'acheter une trottinette électrique pour la mairie ?",
        "le maire de Brest s'appelle comment ?",
        "un presta pour repeindre la salle des fêtes ?",
      ])
        expect(await decide(q), q).toMatchObject({ answerable: false });
    });
  });
});

describe("twenty-sixth series (held-out-19: « combien de leurs … », « combien de subvention »)", () => {
  const ask = async (q: string, text: string) => {
    const { frequency, names } = lexicon([text]);
    const r = await assessAnswerability(q, [passage("Mobilis", text)], frequency, names);
    return r;
  };

  it("counts the noun after a possessive (« combien de leurs agents »), not the possessive", async () => {
    expect(
      await ask(
        "Mobilis, combien de leurs agents sont formés à Thunderbird ?",
        "Chez Mobilis, environ la moitié de ses agents sont formés à Thunderbird.",
      ),
    ).toMatchObject({ answerable: true });
    expect(
      await ask(
        "Mobilis, combien de leurs agents sont formés à Thunderbird ?",
        "Chez Mobilis, les agents des 12 communes sont formés à Thunderbird.",
      ),
    ).toMatchObject({ answerable: false });
  });

  it("reads « combien de subvention » as a sum asked, which a number of anything else does not give", async () => {
    expect(
      await ask(
        "Le syndicat Mobilis a eu combien de subvention de la région ?",
        "Le syndicat Mobilis a reçu une subvention de 3 millions d'euros de la région Bretagne.",
      ),
    ).toMatchObject({ answerable: true });
    expect(
      await ask(
        "Le syndicat Mobilis a eu combien de subvention de la région ?",
        "Le syndicat Mobilis a reçu une subvention de la région Bretagne pour ses 12 communes.",
      ),
    ).toMatchObject({ answerable: false });
  });
});
