/**
 * « En bref » read aloud quotes a sentence that answers the question asked, not another one sharing its words
 * (trial26 T-M1, round 29): a decision asked of an actor is not another body's decision; a share of a group asked
 * (« quelle part des communes … ») is said not given before one collectivité's own figure is read; what a text imposes
 * is not answered by a sentence that only names the text; data of a kind no passage names (« les données de l'état
 * civil ») are said not spoken of before another kind's case is read. Passages written for the test, on places and texts that are
 * not the corpus's.
 */
import { describe, expect, it } from "vitest";
import { briefFor, passageOf } from "../helpers/passages.ts";

describe("a decision asked of an actor (« qu'est-ce que l'État a décidé … ? »)", () => {
  const used = [
    passageOf(
      "suite#0",
      "La Suite collaborative de l'État",
      "La Suite collaborative est l'ensemble d'outils que la direction du numérique de l'État propose aux agents publics. Son objectif n'est pas de remplacer la suite bureautique de chaque ministère.",
      "guidance",
    ),
    passageOf(
      "kalioville#0",
      "Kalioville et KaliOS : une migration menée à terme",
      "En mai 2003, le conseil municipal de Kalioville a décidé de faire migrer les postes de l'administration vers des logiciels libres, dont une suite bureautique libre.",
    ),
  ];
  it("reads no other body's decision as the actor's", () => {
    const brief = briefFor("Qu'est-ce que l'État a décidé pour la suite bureautique des ministères ?", used);
    expect(brief?.text ?? "").not.toContain("Kalioville");
  });
});

describe("a share of a group asked (« quelle part des communes … ? »)", () => {
  const one = passageOf(
    "autres#0",
    "Autres collectivités : Varambon",
    "Varambon, commune d'environ 5 700 habitants, fait fonctionner 95 % de son parc sous Linux et utilise des logiciels libres sur tous ses ordinateurs.",
  );
  it("says first the passages give no share of the group, then the nearest fact", () => {
    const brief = briefFor("Quelle part des communes françaises utilise des logiciels libres ?", [one]);
    expect(brief?.text).toMatch(/ne donne(?:nt)? (?:pas|aucune) .*part/);
    expect(brief?.text).toContain("communes françaises");
    expect(brief?.text.indexOf("part")).toBeLessThan(brief?.text.indexOf("Varambon") ?? -1);
  });
  it("reads first, as the nearest fact, a sentence giving a percentage", () => {
    const law = passageOf(
      "loi#0",
      "Logiciel libre et formats ouverts",
      "La loi du 7 octobre 2016 contient la principale disposition française sur les logiciels libres dans les administrations et les communes.",
      "guidance",
    );
    const brief = briefFor("Quelle part des communes françaises utilise des logiciels libres ?", [law, one]);
    expect(brief?.quotes[0]?.text).toContain("95 %");
  });
  it("reads the share when a passage gives it of the group", () => {
    const survey = passageOf(
      "enquete#0",
      "Enquête sur le numérique des communes",
      "Selon l'enquête de 2025, 12 % des communes françaises utilisent au moins un logiciel libre.",
      "guidance",
    );
    const brief = briefFor("Quelle part des communes françaises utilise des logiciels libres ?", [survey, one]);
    expect(brief?.text).not.toMatch(/ne donne(?:nt)? (?:pas|aucune) .*part/);
    expect(brief?.quotes[0]?.text).toContain("12 % des communes");
  });
});

describe("a duty asked of a text (« qu'est-ce que la loi X impose aux collectivités ? »)", () => {
  const used = [
    passageOf(
      "kalio#0",
      "La loi KALIO de 2024 et son article 9",
      "La loi du 3 mai 2024 visant à réguler l'espace numérique, dite loi KALIO, traite de nombreux sujets. Un texte adopté par le Sénat prévoit d'insérer dans la loi KALIO un article 9-1 qui étendrait l'obligation aux collectivités suivantes :\n\n- les régions et les départements ;\n- les communes de plus de 30 000 habitants.",
      "guidance",
    ),
  ];
  it("reads no sentence that only names the text", () => {
    const brief = briefFor("Qu'est-ce que la loi KALIO impose aux collectivités ?", used);
    expect(brief?.text ?? "").not.toContain("traite de nombreux sujets");
  });
});

describe("a kind of thing asked that no passage names (« nos données de l'état civil … ? »)", () => {
  const used = [
    passageOf(
      "hub#0",
      "Le Kalio Data Hub quitte Microsoft Azure",
      "La plateforme des données de santé Kalio Data Hub a été créée en 2019. Son hébergement a été confié à Microsoft Azure, un choix fait sans appel d'offres.",
    ),
  ];
  it("says first the passages do not speak of it, then the nearest fact", () => {
    const brief = briefFor(
      "Est-ce que nos données de l'état civil peuvent être hébergées chez Microsoft Azure ?",
      used,
    );
    expect(brief?.text).toMatch(/ne (?:parlent|disent) (?:pas|rien) .*état civil/);
    expect(brief?.text.indexOf("état civil")).toBeLessThan(brief?.text.indexOf("Kalio Data Hub") ?? -1);
  });
  it("says nothing of the kind when a passage names it", () => {
    const brief = briefFor("Est-ce que nos données de santé peuvent être hébergées chez Microsoft Azure ?", used);
    expect(brief?.text).not.toMatch(/ne (?:parlent|disent) (?:pas|rien)/);
  });
});
