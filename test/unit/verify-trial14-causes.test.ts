/**
 * trial14 A3 and A4, on other texts than the trial's where they could be: a ban the cited passage states of something
 * else (« il interdit donc aux communes d'utiliser des services américains » where the passage bans exit fees), a
 * thing given to another public than the passage gives it to (« l'outil unique de visioconférence de toutes les
 * collectivités » for « … de tous les services de l'État »), and a date the passage gives to « ces frais », which the
 * sentence before names in full, is theirs.
 */
import { describe, expect, it } from "vitest";
import { check } from "../helpers/verify.ts";

const dataAct = [
  "Le Data Act : le droit de changer de fournisseur cloud",
  "",
  "Son chapitre VI crée un droit de changer de fournisseur de services cloud, y compris de logiciel en ligne (SaaS).",
  "",
  "- jusqu'au 11 janvier 2027, les frais de changement et de transfert des données à la sortie ne peuvent pas dépasser les coûts réels du fournisseur ;",
  "- à partir du 12 janvier 2027, ces frais sont interdits, avec une exception pour l'utilisation parallèle de plusieurs clouds.",
].join("\n");

describe("a ban the cited passage states only of something else", () => {
  it("flags a ban whose object no ban of the passage bears on", () => {
    const c = check("Il interdit donc aux communes d'utiliser des services américains [1].", [dataAct]);
    expect(c.status).toBe("unsupported");
    expect(c.reasons.join(" ")).toMatch(/interdit donc/);
    expect(check("Le Data Act a interdit aux communes les logiciels en ligne américains [1].", [dataAct]).status).toBe(
      "unsupported",
    );
  });

  it("leaves alone the ban the passage states, taken up by « ces frais »", () => {
    const c = check("À partir du 12 janvier 2027, le Data Act interdit les frais de sortie [1].", [dataAct]);
    expect(c.status, c.reasons.join(" ")).toBe("supported");
    expect(
      check("Le Data Act interdit aux fournisseurs les frais de changement à partir du 12 janvier 2027 [1].", [dataAct])
        .status,
    ).toBe("supported");
  });

  it("still dates otherwise what the sentence before says of the fees", () => {
    const c = check(
      "À partir du 12 janvier 2027, les frais de sortie ne peuvent pas dépasser les coûts réels du fournisseur [1].",
      [dataAct],
    );
    expect(c.status).toBe("unsupported");
    expect(c.reasons.join(" ")).toMatch(/11 janvier 2027/);
  });
});

const visio =
  "Visio : l'annonce\n\nLe 26 janvier 2026, le ministre a annoncé que Visio, l'outil de visioconférence développé par la DINUM, deviendrait l'outil unique de visioconférence de tous les services de l'État d'ici 2027.";
const market =
  "Le marché\n\nLe marché interministériel de support couvre les logiciels libres utilisés par les ministères depuis 2024.";

describe("a thing given to another public than the cited passage gives it to", () => {
  it("flags the collectivités put where the passage says the State's services", () => {
    const c = check("Visio deviendra l'outil unique de visioconférence de toutes les collectivités d'ici 2027 [1].", [
      visio,
    ]);
    expect(c.status).toBe("unsupported");
    expect(c.reasons.join(" ")).toMatch(/« État », pas pour « collectivités »/);
    expect(
      check("Le marché interministériel de support couvre les logiciels libres utilisés par les communes [1].", [
        market,
      ]).status,
    ).toBe("unsupported");
  });

  it("leaves alone the same public, a public of the same family, and a public the passage also names", () => {
    expect(check("Visio deviendra l'outil unique de visioconférence de l'État d'ici 2027 [1].", [visio]).status).toBe(
      "supported",
    );
    expect(
      check("Pour une commune, Visio deviendra l'outil unique de visioconférence de l'État d'ici 2027 [1].", [visio])
        .status,
    ).toBe("supported");
    expect(
      check("Le marché interministériel de support couvre les logiciels libres utilisés par le ministère [1].", [
        market,
      ]).status,
    ).toBe("supported");
  });
});
