/**
 * Causes of the false flags of the blind set (`test/eval/faithful-blind/`, burned), each in a general form: the
 * sentence is right, the passage says it in other words or other signs; the wrong variant is still flagged.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, passage: string) => verifyText(sentence, [{ n: 1, text: passage }]).sentences[0]!;

describe("what the blind set flagged wrongly", () => {
  it("a range written with signs in the passage (« +40 à +100 % ») is the same range", () => {
    const passage = "À partir de 2028 : intégration obligatoire de Copilot, avec +40 à +100 % de hausse potentielle.";
    expect(check("Copilot deviendrait obligatoire en 2028, avec une hausse de 40 à 100 % [1].", passage).status).toBe(
      "supported",
    );
    expect(check("Copilot deviendrait obligatoire en 2028, avec une hausse de 40 à 150 % [1].", passage).status).toBe(
      "unsupported",
    );
  });

  it("an acronym stands for a name the passage writes in full", () => {
    const passage = "La messagerie du procureur de la Cour pénale internationale a été coupée par Microsoft.";
    expect(check("La messagerie du procureur de la CPI a été coupée par Microsoft [1].", passage).status).toBe(
      "supported",
    );
    expect(check("La messagerie du procureur de la CIJ a été coupée par Microsoft [1].", passage).status).toBe(
      "unsupported",
    );
  });

  it("an adjective of origin is named by its country (« d'origine allemande » ← « Allemagne »)", () => {
    const passage = "Nextcloud Hub, suite collaborative éditée par Nextcloud GmbH (Allemagne).";
    expect(check("- **Nextcloud Hub**, d'origine allemande [1] ;", passage).status).toBe("supported");
    expect(check("- **Nextcloud Hub**, d'origine chinoise [1] ;", passage).status).toBe("unsupported");
  });

  it("the number of an act (« (UE) 2022/2555 ») is a name, not a figure tied to the dates of the sentence", () => {
    const passage =
      "La directive (UE) 2022/2555, dite NIS2, publiée le 27 décembre 2022, devait être transposée par les États membres au plus tard le 17 octobre 2024.";
    const right =
      "NIS2 est la directive (UE) 2022/2555, publiée le 27 décembre 2022, que les États devaient transposer au plus tard le 17 octobre 2024 [1].";
    expect(check(right, passage).status).toBe("supported");
    const wrong = check(right.replace("2022/2555", "2022/2557"), passage);
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toContain("2022/2557");
  });

  it("two figures with two subjects: each name is held to the figure of its own part (and « AT&T » stays whole)", () => {
    const passage =
      "L'observatoire ECCO fait état de coûts multipliés par 8 à 15. Dans sa plainte, AT&T faisait état de hausses allant jusqu'à 1 200 %.";
    const v = check(
      "L'observatoire ECCO parle de coûts multipliés par 8 à 15, AT&T de hausses allant jusqu'à 1 200 % [1].",
      passage,
    );
    expect(v.reasons.join(" ")).not.toContain("« AT »");
    expect(v.reasons.join(" ")).not.toMatch(/« 8 à 15 » n'est pas donné pour/);
    const wrong = check("Selon AT&T, les coûts sont multipliés par 8 à 15 [1].", passage);
    expect(wrong.reasons.join(" ")).toContain("« 8 à 15 » n'est pas donné pour « AT&T »");
  });
});

describe("sentences of the blind set split or weighed wrongly", () => {
  it("a sentence opening with bold is a sentence of its own", () => {
    const spans = verifyText("Il suit les recommandations de l'ANSSI [1]. **En résumé**, le risque est réel [1].", [
      { n: 1, text: "Les recommandations de l'ANSSI. Le risque est réel." },
    ]).sentences.map((s) => s.text);
    expect(spans).toEqual(["Il suit les recommandations de l'ANSSI [1].", "**En résumé**, le risque est réel [1]."]);
  });

  it("a sentence about what the sources say or leave out is held only to what it is about", () => {
    const passage =
      "Les sources divergent sur la hausse des prix des licences VMware : 8 à 15 fois selon ECCO, jusqu'à 1 200 % selon AT&T.";
    for (const hedge of [
      "Les sources divergent sur l'ampleur exacte de la hausse [1].",
      "Les passages ne donnent pas les raisons détaillées de cette hausse des licences [1].",
    ])
      expect(check(hedge, passage).status).toBe("supported");
    // About another subject, it is flagged.
    expect(
      check("Les sources ne documentent pas l'achèvement effectif de ce retour ni son coût final [1].", passage).status,
    ).toBe("unsupported");
    // With a figure or a name of its own, it is still checked.
    expect(check("Les sources divergent : la hausse atteint 3 000 % selon Orange [1].", passage).status).toBe(
      "unsupported",
    );
  });
});

describe("a count written in words", () => {
  const passage = "Réorganisée par un décret du 22 avril 2023 en six départements, la DINUM compte environ 200 agents.";
  it("is held to the count the passage gives the same thing", () => {
    const v = check("Un décret du 22 avril 2023 l'a réorganisée en huit départements [1].", passage);
    expect(v.status).toBe("unsupported");
    expect(v.reasons.join(" ")).toContain("huit départements");
    expect(check("Un décret du 22 avril 2023 l'a réorganisée en six départements [1].", passage).status).toBe(
      "supported",
    );
    expect(
      check("Un décret du 22 avril 2023 l'a réorganisée en six départements [1].", passage.replace("six", "6")).status,
    ).toBe("supported");
  });
});

describe("the date of a version", () => {
  it("dates the version, not the figures the version sets", () => {
    const passage =
      "SecNumCloud — exigences\nDepuis sa version 3.2, elle exige que des entités non européennes ne détiennent pas plus de 24 % du capital (PIA Lab, 25 octobre 2021). La version 3.2 est disponible depuis mars 2022.";
    const v = check(
      "Depuis sa version 3.2, disponible depuis mars 2022, elle exige que des acteurs non européens ne détiennent pas plus de 24 % du capital [1].",
      passage,
    );
    expect(v.reasons.join(" ")).not.toContain("mars 2022");
    // A year said of the figure itself is still held to it.
    const w = check(
      "En mars 2021, elle exige que des acteurs non européens ne détiennent pas plus de 24 % du capital [1].",
      passage,
    );
    expect(w.status).toBe("unsupported");
  });
});
