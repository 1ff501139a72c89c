/**
 * Questions in two parts (held-out-22 diagnosis: « Munich est revenue à Windows : quel intégrateur a fait le retour ? »):
 * where the question turns (`two-parts.txt`), and whether the passages that answer it hold what its second part asks
 * (`missingPart`). Invented places and passages, not the set's questions.
 */
import { describe, expect, it } from "vitest";
import { partialStatement } from "../../server/answers/partial.ts";
import { missingFoundSubject, subjectWords } from "../../server/retrieval/second-subject-found.ts";
import { askedInSecond, asks, missingPart, secondSubject, twoParts } from "../../server/retrieval/two-parts.ts";
import { lexicon, passage } from "../helpers/abstention.ts";

describe("where a question in two parts turns", () => {
  it("cuts a statement from what is asked after it, at « mais », « : et », a colon before an interrogative", () => {
    expect(twoParts("Valbrune a adopté Nextcloud d'accord, mais combien coûte l'hébergement par agent ?")).toEqual({
      first: "Valbrune a adopté Nextcloud",
      second: "combien coûte l'hébergement par agent ?",
    });
    expect(twoParts("Valbrune est passée à Linux : et Montclair, elle en est où ?")?.second).toBe(
      "Montclair, elle en est où ?",
    );
    expect(twoParts("La métropole de Valbrune a choisi Jitsi : quel prestataire l'héberge ?")).toEqual({
      first: "La métropole de Valbrune a choisi Jitsi",
      second: "quel prestataire l'héberge ?",
    });
    // After « et », the words of the turn stay with the second part.
    expect(twoParts("Valbrune adopte OpenTalk, et ça lui coûte combien par an ?")?.second).toBe(
      "ça lui coûte combien par an ?",
    );
    // The first turn, whichever its kind.
    expect(twoParts("Valbrune passe à Tchap : quel prestataire forme les agents, et pour quel montant ?")?.first).toBe(
      "Valbrune passe à Tchap",
    );
  });

  it("does not cut inside a word, nor a question of one part", () => {
    expect(twoParts("Valbrune n'a jamais quitté Windows ?")).toBeNull();
    expect(twoParts("Quel prestataire héberge le Jitsi de Valbrune ?")).toBeNull();
    // « mais » ending no statement: « ok, mais » alone is no first part.
    expect(twoParts("ok, mais combien ça coûte ?")).toBeNull();
  });

  it("asks only of a statement first: a first part that is itself a question asks one thing", () => {
    // Cut (two questions), but not read as a statement then what it adds.
    expect(twoParts("Valbrune a quitté Zoom ? pour combien de personnes ?")).not.toBeNull();
    expect(askedInSecond("Valbrune a quitté Zoom ? pour combien de personnes ?")).toBeNull();
    expect(
      askedInSecond("En quelle année Valbrune a-t-elle quitté Office, et pour mettre quoi à la place ?"),
    ).toBeNull();
    expect(askedInSecond("Doodle, c'est quoi ce machin, et ça vient de quel pays ?")).toBeNull();
  });

  it("reads the nouns the second part asks and whether it asks a price", () => {
    expect(
      askedInSecond("Valbrune est revenue à Windows : quel intégrateur a fait le retour et avec quelle version ?"),
    ).toMatchObject({ nouns: ["integrateur", "version"], price: false });
    expect(
      askedInSecond("Valbrune repose sur LiveKit, ok, mais combien de serveurs la ville fait tourner ?"),
    ).toMatchObject({ nouns: ["serveurs"] });
    expect(
      askedInSecond("Valbrune a écrit à la métropole ; c'est qui le vice-président chargé du numérique ?"),
    ).toMatchObject({ nouns: ["vice-president"] });
    expect(askedInSecond("Valbrune adopte OpenTalk, et ça lui coûte combien par an ?")).toMatchObject({
      nouns: [],
      price: true,
    });
    // A general word of the domain (« quel outil ») is what passages say in other words.
    expect(askedInSecond("Les agents de Valbrune relèvent les arbres sur tablette : quel outil ?")?.nouns).toEqual([]);
  });
});

describe("whether the passages answering a two-part question answer its second part", () => {
  const MUNICH = passage(
    "Valbrune : le retour à Windows",
    "En 2017, le conseil municipal de Valbrune a voté le retour à Windows de ses 15 000 postes, après dix ans sous Linux.",
  );
  const { frequency, names } = lexicon([MUNICH.text, MUNICH.document.title]);

  it("finds the second part missing when no passage names what it asks", async () => {
    const m = await missingPart(
      "Valbrune est revenue à Windows : quel intégrateur a fait le retour ?",
      [MUNICH],
      frequency,
      names,
    );
    expect(m).toEqual({
      part: "quel intégrateur a fait le retour ?",
      words: ["integrateur"],
      first: "Valbrune est revenue à Windows",
    });
    // The statement names the part the corpus does not answer, and the part answered.
    const said = partialStatement(m!, "Valbrune est revenue à Windows : quel intégrateur a fait le retour ?");
    expect(said).toContain("« quel intégrateur a fait le retour ? »");
    expect(said).toContain("« intégrateur »");
    expect(said).toContain("« Valbrune est revenue à Windows »");
  });

  it("answers both parts when a passage on the subject names what is asked", async () => {
    const told = passage(
      "Valbrune : le retour à Windows",
      `${MUNICH.text} L'intégrateur retenu pour le retour est la société Ordiplus.`,
    );
    expect(
      await missingPart(
        "Valbrune est revenue à Windows : quel intégrateur a fait le retour ?",
        [told],
        frequency,
        names,
      ),
    ).toBeNull();
    // … not a passage on another subject that names the noun (another integrator).
    const other = passage("Piloter un changement", "Un intégrateur accompagne souvent les groupes pilotes.");
    expect(
      await missingPart(
        "Valbrune est revenue à Windows : quel intégrateur a fait le retour ?",
        [MUNICH, other],
        frequency,
        names,
      ),
    ).not.toBeNull();
  });

  it("asks an amount in euros for a price, and lets a catalog card answer what its fields say", async () => {
    const q = "Valbrune est revenue à Windows, et ça lui coûte combien par an ?";
    expect(await missingPart(q, [MUNICH], frequency, names)).toMatchObject({ words: ["prix"] });
    // What is saved is no price (« fait économiser 2 millions d'euros par an »).
    const saved = passage(
      "Valbrune : les économies",
      `${MUNICH.text} Linux lui faisait économiser 2 millions d'euros par an.`,
    );
    expect(await missingPart(q, [saved], frequency, names)).toMatchObject({ words: ["prix"] });
    const priced = passage("Valbrune : le coût", `${MUNICH.text} Les licences coûtent 1,2 million d'euros par an.`);
    expect(await missingPart(q, [priced], frequency, names)).toBeNull();
    const card = passage("Produit : Ordiplus Bureau", "Éditeur : Ordiplus SAS. Pays : France.", "catalog");
    expect(
      await missingPart("Valbrune a choisi Ordiplus Bureau : c'est quel éditeur ?", [card], frequency, names),
    ).toBeNull();
  });

  it("reads a price asked without its « ? », and the subject of a question typed in lower case (held-out-24)", async () => {
    // An amount for another subject (Corbière) answers no price of Valbrune's, even typed without capitals.
    const other = passage("Corbière : le coût", "À Corbière, les licences coûtent 3 € par agent et par mois.");
    const q = "valbrune est revenue a windows, mais ca coute combien par agent";
    expect(await missingPart(q, [MUNICH, other], frequency, names)).toMatchObject({ words: ["prix"] });
    expect(
      await missingPart(
        "Valbrune est revenue à Windows, mais ça coûte combien par agent ?",
        [MUNICH, other],
        frequency,
        names,
      ),
    ).toMatchObject({ words: ["prix"] });
  });

  it("reads a figure asked by its noun as given by a number, an owner asked as given by a card", async () => {
    const counted = passage("Valbrune : le parc", `${MUNICH.text} Aujourd'hui 95 % des postes tournent sous Windows.`);
    expect(
      await missingPart("Valbrune est revenue à Windows : quelle part de son parc ?", [counted], frequency, names),
    ).toBeNull();
    const card = passage("Éditeur : Ordiplus", "Pays : France. Capital détenu par Holdiplus.", "catalog");
    expect(
      await missingPart(
        "Nos postes de Valbrune ont Ordiplus préinstallé : quel groupe est derrière ?",
        [card],
        frequency,
        names,
      ),
    ).toBeNull();
  });

  it("leaves a question of one part, or asking nothing new, to the decision", async () => {
    expect(await missingPart("Quel intégrateur a conduit le retour de Valbrune à Windows ?", [MUNICH])).toBeNull();
    // « Windows » is named by the first part: what the second adds is nothing.
    expect(
      await missingPart("Valbrune est revenue à Windows : et pour quelle raison ?", [MUNICH], frequency, names),
    ).toBeNull();
  });
});

describe("a two-part question whose second part names another subject (held-out-23)", () => {
  const MUNICH = passage(
    "Valbrune : le retour à Windows",
    "En 2017, le conseil municipal de Valbrune a voté le retour à Windows de ses 15 000 postes, après dix ans sous Linux.",
  );
  const OTHER = passage("Montclair : Linux", "Montclair a installé Linux sur ses postes en 2019.");
  const { frequency, names } = lexicon([MUNICH.text, MUNICH.document.title, OTHER.text, OTHER.document.title]);

  it("reads the subject the second part opens on, after a comma, « et », « d'accord, et »", () => {
    expect(secondSubject("valbrune est revenue a windows, et la zorbex elle a des postes linux ?")).toMatchObject({
      parts: { first: "valbrune est revenue a windows", second: "la zorbex elle a des postes linux ?" },
      subject: "zorbex",
    });
    expect(secondSubject("valbrune quitte zoom pour visio, d'accord, et l'orgalys c'est pour quand ?")).toMatchObject({
      parts: { first: "valbrune quitte zoom pour visio", second: "l'orgalys c'est pour quand ?" },
      subject: "orgalys",
    });
    expect(secondSubject("valbrune est qualifiee secnumcloud, le zorbex y heberge ses donnees ?")?.subject).toBe(
      "zorbex",
    );
    expect(secondSubject("valbrune est sous apache 2.0 ok, mais zorbex c'est quelle licence ?")?.subject).toBe(
      "zorbex",
    );
    // Not a question, a first part that is itself one, nor a first part of too few words.
    expect(secondSubject("valbrune est revenue a windows, et la zorbex aussi.")).toBeNull();
    expect(secondSubject("pourquoi valbrune est revenue a windows, et la zorbex ?")).toBeNull();
    expect(secondSubject("windows, et la zorbex ?")).toBeNull();
    // A first part without its verb is a topic the second part speaks of; a word alone after it is a comment, « genre »
    // an example.
    expect(secondSubject("Zorbex Work, les applis sont sous licence libre ?")).toBeNull();
    expect(secondSubject("Valbrune a quitté Windows juste après le vote, coincidence ?")).toBeNull();
    expect(secondSubject("y a un objectif impose aux collectivites, genre 50 % de zorbex ?")).toBeNull();
  });

  it("finds the second part missing when the corpus never names its subject, nor any passage read", async () => {
    const q = "Valbrune est revenue à Windows, et la Zorbex elle a des postes Linux ?";
    const m = await missingPart(q, [MUNICH], frequency, names);
    expect(m).toEqual({
      part: "la Zorbex elle a des postes Linux ?",
      words: ["zorbex"],
      first: "Valbrune est revenue à Windows",
    });
    expect(partialStatement(m!, q)).toContain("« Zorbex »");
    expect(
      await missingPart(
        "eset c'est slovaque, et zorbex c'est de quel pays ?",
        [passage("Produit : ESET", "ESET est slovaque, Pays : Slovaquie.", "catalog")],
        lexicon(["ESET est slovaque, Pays : Slovaquie."]).frequency,
      ),
    ).toMatchObject({ words: ["zorbex"] });
  });

  it("answers whole a second part whose subject the corpus names, or a general word", async () => {
    // Montclair is in the corpus: not for `missingPart` (`missingFoundSubject` asks the passages found).
    expect(
      await missingPart(
        "Valbrune est revenue à Windows, et Montclair elle a des postes Linux ?",
        [MUNICH],
        frequency,
        names,
      ),
    ).toBeNull();
    // A subject the first part names too, or a word of the passages read.
    expect(
      await missingPart("Valbrune est revenue à Windows, le conseil a voté ?", [MUNICH], frequency, names),
    ).toBeNull();
    // Without the corpus's counts, nothing is read as unknown.
    expect(
      await missingPart("Valbrune est revenue à Windows, et la Zorbex elle a des postes Linux ?", [MUNICH]),
    ).toBeNull();
  });
});

describe("a second part asked without its « ? », on a subject the passages found do not speak of (held-out-24)", () => {
  const VALBRUNE = passage(
    "Valbrune : le retour à Windows",
    "En 2017, le conseil municipal de Valbrune a voté le retour à Windows de ses 15 000 postes, après dix ans sous Linux. " +
      "Le bilan a été présenté par le maire (Journal de Montclair, 2018).",
  );
  const MONTCLAIR = passage("Montclair : Linux", "Montclair a installé Linux sur ses postes en 2019.");
  const SIGNED = passage("Conventions", "La ville de Montclair a signé une convention avec l'association.");
  const MAKER = passage("Matériel", "Le fabricant du matériel livre des pilotes pour Windows.");
  const texts = [VALBRUNE, MONTCLAIR, SIGNED, MAKER].flatMap((p) => [p.text, p.document.title]);
  const { frequency, names } = lexicon(texts);

  it("reads a part asked by a word that asks, or by « où » at its end, without its question mark", () => {
    expect(asks("la zorbex elle passe sur quoi")).toBe(true);
    expect(asks("et zorbex c'est de quel pays")).toBe(true);
    expect(asks("le site des impôts il est hébergé où")).toBe(true);
    expect(asks("la zorbex a fait pareil ?")).toBe(true);
    // « ou » asks only at the end (« opensuse ou fedora »), and a statement asks nothing.
    expect(asks("opensuse ou fedora pour les postes")).toBe(false);
    expect(asks("la zorbex a migré ses postes")).toBe(false);
    expect(secondSubject("valbrune passe sur tchap, d'accord, mais la zorbex elle passe sur quoi")?.parts.second).toBe(
      "la zorbex elle passe sur quoi",
    );
    expect(twoParts("valbrune est ouverte aux communes, mais ca coute combien par agent")?.second).toBe(
      "ca coute combien par agent",
    );
    expect(secondSubject("valbrune passe sur tchap, et la zorbex a migré ses postes")).toBeNull();
  });

  it("reads a subject after « au », and a general word of the domain with the name after it", () => {
    expect(secondSubject("durand est rapporteur du texte, et au senat c'etait qui le rapporteur")?.subject).toBe(
      "senat",
    );
    expect(
      secondSubject("valbrune passe sur visio, et le ministere de la culture c'est prevu pour quand")?.subject,
    ).toBe("ministere");
    // A general word alone is still no subject.
    expect(secondSubject("valbrune passe sur visio, et le ministere il en pense quoi")).toBeNull();
  });

  it("reads the subject's name up to the pronoun taking it up, and what is asked of it", () => {
    expect(subjectWords("la police municipale elle utilise quel systeme", "police")).toEqual({
      subject: ["police", "municipale"],
      asked: ["utilise"],
    });
    expect(subjectWords("le ministere de la culture c'est prevu pour quand", "ministere")).toEqual({
      subject: ["ministere", "culture"],
      asked: ["prevu"],
    });
    // No pronoun: the first word alone; « pareil » asks nothing of it.
    expect(subjectWords("la zorbex a fait pareil ?", "zorbex")).toEqual({ subject: ["zorbex"], asked: [] });
  });

  it("finds the second part missing when no passage found names its subject with what is asked", async () => {
    const q = "Valbrune est revenue à Windows, et Montclair elle a des postes Linux ?";
    // Montclair is in the corpus, not in the passages found: a source's reference (« Journal de Montclair ») is no
    // sentence about it.
    expect(await missingFoundSubject(q, [VALBRUNE], frequency, names)).toEqual({
      part: "Montclair elle a des postes Linux ?",
      words: ["Montclair"],
      first: "Valbrune est revenue à Windows",
    });
    // A sentence naming it without what is asked (a convention signed, nothing installed).
    const installed = "Valbrune est revenue à Windows, et Montclair elle a installé quoi";
    expect(await missingFoundSubject(installed, [VALBRUNE, SIGNED], frequency, names)).toMatchObject({
      words: ["Montclair"],
    });
    expect(await missingFoundSubject(installed, [VALBRUNE, MONTCLAIR], frequency, names)).toBeNull();
  });

  it("answers whole when a passage found speaks of the subject, or the subject is a common word", async () => {
    const q = "Valbrune est revenue à Windows, et Montclair elle a des postes Linux ?";
    expect(await missingFoundSubject(q, [VALBRUNE, MONTCLAIR], frequency, names)).toBeNull();
    // Its heading names it.
    expect(
      await missingFoundSubject(
        "Valbrune est revenue à Windows, et Montclair elle a signé quoi",
        [VALBRUNE, passage("Montclair : ses conventions", "La ville a signé avec l'association.")],
        frequency,
        names,
      ),
    ).toBeNull();
    // « le fabricant » asks of the first part's product: a word the corpus writes, not as a name.
    expect(
      await missingFoundSubject(
        "Valbrune est revenue à Windows, le fabricant est de quel pays",
        [VALBRUNE],
        frequency,
        names,
      ),
    ).toBeNull();
    // The asker's own setting first, a question first, an ordinal, a verb that asks, an example, an enumeration:
    // a supposition: what the second part asks of is no other subject (burned sets: h4-a-synology-nas,
    // h18-a-pc-activation, h8-a-gitlab-ce, h2-a-rijkswaterstaat, h15-a-jvs-horizon, h11-a-rgpd-amende).
    for (const q of [
      "nos postes de Valbrune sont revenus à Windows, Montclair elle a des postes Linux ?",
      "D'autres villes sont-elles revenues à Windows comme Valbrune, à Montclair par exemple ?",
      "Valbrune est revenue à Windows, la première ville c'était laquelle ?",
      "Valbrune est revenue à Windows, mais existe-t-il une ville sous Linux ?",
      "Valbrune utilise Windows pour tout, Montclair, postes, serveurs... c'est grave ?",
      "Si Valbrune est revenue à Windows, Montclair elle a des postes Linux ?",
    ])
      expect(await missingFoundSubject(q, [VALBRUNE], frequency, names), q).toBeNull();
    // The first part not answered by the passages: the decision judges the whole, as before.
    expect(
      await missingFoundSubject(
        "Corbière a quitté Zoom, et Montclair elle a des postes Linux ?",
        [VALBRUNE],
        frequency,
        names,
      ),
    ).toBeNull();
  });
});
