/**
 * Answerable questions refused as off the corpus's topic or for too few words held (held-out-29, round 26), read on
 * their form: the asker's own situation or who told them, opening the question, is its context; the word that
 * names the kind of answer (« porte quel numéro ») or introduces a quoted word (« le mot « encourager » ») says how
 * the question asks; a word the corpus uses rarely, written by a passage read whose heading holds another word of the
 * question the corpus uses often, is used there in the question's sense, not in passing. On the real corpus, with the
 * unanswerable questions these readings must not let through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import type { Engine } from "../../server/engine.ts";
import { answerKindWords } from "../../server/retrieval/answer-kind.ts";
import { askerStatement, hearsaySource } from "../../server/retrieval/asker/clauses.ts";
import { realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-refusals-r30-");
}, 120_000);
afterAll(async () => real?.close());
const decide = async (q: string) => (await retrieveForAnswer([{ role: "user", content: q }], real.engine)).decision;

describe("how a question is read", () => {
  it("reads the asker's own situation before the clause that asks as context, not a statement the clause takes up", () => {
    const span = (q: string) => {
      const at = askerStatement(q);
      return at ? q.slice(...at) : null;
    };
    expect(
      span(
        "notre dsi a écrit un petit outil d'inventaire maison, ow2 pourrait-il l'accueillir comme la gendarmerie l'a fait",
      ),
    ).toBe("notre dsi a écrit un petit outil d'inventaire maison");
    expect(
      span(
        "on a raté le dépôt de dossier pour le label l'an dernier, la fenêtre de candidature 2025 allait de quand à quand",
      ),
    ).toBe("on a raté le dépôt de dossier pour le label l'an dernier");
    // Taken up by a pronoun, the statement is what is asked; a clause that does not ask, or asks with no word of its
    // own, leaves it so too; a statement not about the asker is no context of theirs.
    expect(span("on a mis teams sur tous les postes, c'est risqué ?")).toBeNull();
    expect(span("mon dgs craint qu'on garde windows et linux, qu'en dit l'expérience munichoise")).toBeNull();
    expect(span("on a mis teams sur tous les postes, la dsi est contente")).toBeNull();
    expect(span("on utilise teams, pourquoi ?")).toBeNull();
    // A closed question on what the asker does is about their situation; a comma in a number ends no clause.
    expect(
      span("on vient de renouveler un logiciel proprietaire pour la paie, est-ce qu'on enfreint l'article 16 ?"),
    ).toBeNull();
    expect(
      span("on a choisi un hebergeur qualifie secnumcloud en 2023, faut-il reverifier sa qualification en 2026 ?"),
    ).toBeNull();
    expect(span("J'ai vu passer que la France remplace 2,5 millions de PC Windows par Linux, c'est vrai ?")).toBeNull();
    expect(span("la région a choisi teams, quel coût pour les lycées ?")).toBeNull();
  });

  it("reads who told the asker, opening the question, as context, unless what they said takes them up", () => {
    const source = (q: string) => {
      const at = hearsaySource(q);
      return at ? q.slice(...at) : null;
    };
    expect(
      source("des commerciaux m'ont dit que l'assistant ia de la dinum tourne chez outscale, je peux le repeter ?"),
    ).toBe("des commerciaux m'ont dit");
    expect(source("la charte numerique de thones dit qu'elle quittera google workspace, elle l'a fait ?")).toBeNull();
    expect(source("que dit la loi sur le logiciel libre ?")).toBeNull();
  });

  it("reads the noun of the kind of answer after « quel » and the noun introducing a quoted word as how it asks", () => {
    expect(answerKindWords("le texte de la commission spéciale de l'an porte quel numéro")).toContain("numero");
    expect(answerKindWords("de qui vient le mot « encourager » dans la loi de 2016")).toContain("mot");
    expect(answerKindWords('le terme "souveraineté" vient de quel texte')).toContain("terme");
    expect(answerKindWords("boé c dans quel departement")).toContain("departement");
    expect(answerKindWords("elle a annoncé ça dans quel journal")).toContain("journal");
    // « combien de départements » counts them: what is counted is asked.
    expect(answerKindWords("l'occitanie regroupe combien de départements")).not.toContain("departements");
    // A word that is the topic keeps its place: « le mot de passe » quotes nothing.
    expect(answerKindWords("le mot de passe de tchap expire quand")).not.toContain("mot");
  });
});

describe("answerable questions refused as off the corpus's topic", () => {
  it("answers them", async () => {
    for (const q of [
      "qui a mené le tour de table de mistral en septembre 2025",
      "le texte de la commission spéciale de l'an porte quel numéro",
      "qbo c'est dans quel département",
      "des commerciaux m'ont dit que l'assistant ia de la dinum tourne chez outscale, je peux le repeter ?",
      "J'ai vu passer que la France remplace 2,5 millions de PC Windows par Linux, c'est vrai ou c'est du buzz ?",
      "on vient de renouveler un logiciel proprietaire pour la paie, est-ce qu'on enfreint l'article 16 ?",
      "la cnam contre broadcom, l'education nationale et microsoft : la morale pour nos propres contrats c'est quoi",
      "pour citer le data act dans notre clause de réversibilité, quel chapitre et quels articles",
      "de qui vient le mot « encourager » dans la loi de 2016",
      "notre dsi a écrit un petit outil d'inventaire maison, ow2 pourrait-il l'accueillir comme la gendarmerie l'a fait",
      "on a raté le dépôt de dossier pour le label l'an dernier, la fenêtre de candidature 2025 allait de quand à quand",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: true });
  });

  it("still refuses the life of the commune, a person's private life and what the corpus does not say", async () => {
    for (const q of [
      "tchap fond à quelle température si on le met au four ?",
      "Notre club de foot peut demander une subvention : quel dossier déposer à la mairie ?",
      "Quand faut-il déposer notre demande de subvention à la mairie ?",
      "frédéric couchet il joue d'un instrument ?",
      "le health data hub garde une copie de secours chez azure apres 2026 ?",
      "la region occitanie a equipe ses lycees en linux ?",
      "pour le conseil de jeudi : comment organiser la fête de la musique",
      "on a un club de foot dans la commune, quel terrain synthétique choisir pour le stade ?",
      "nous sommes une petite mairie, combien coûte une licence de taxi à berlin ?",
      "Arthur Mensch a fait construire une maison dans quelle région ?",
      "la charte numerique de thones dit qu'elle quittera google workspace, elle l'a fait ?",
      "un voisin m'a dit que la piscine municipale ferme en août, c'est vrai ?",
      "treffort gere ses tickets dans glpi ?",
      "on a 45 postes, combien coute un contrat de support libreoffice pour nous",
      "combien de temps doit on garder les mails des elus apres la fin du mandat",
      "je suis elu d'opposition dans une ville de 30 000 habitants, la majorite vient de signer un contrat de cinq ans avec microsoft sans debat au conseil, est ce que la prefecture peut annuler ce contrat si je depose un recours et dans quel delai",
      "qui a repris les missions de la dinum après sa dissolution",
      "donne-moi le portable de matthieu faure de l'adullact",
      "millau cite mistral : la communauté de communes a-t-elle signé un contrat avec mistral ai, pour quel montant",
      "Quelles normes pour rendre l'entrée de la mairie accessible aux fauteuils roulants ?",
    ])
      expect(await decide(q), q).toMatchObject({ answerable: false });
  });
});
