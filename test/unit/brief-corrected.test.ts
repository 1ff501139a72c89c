/**
 * « En bref » read aloud never leaves out what the corpus says against its quote (trial14 A2): a sentence the next one
 * says is « à nuancer » or « ne vaut que pour … » is quoted with it, even past the usual length, never alone; and the
 * qualifying sentence (« La formule est à nuancer ») is not read without the claim it refers to. Passages written for
 * the test, on places and products that are not the trial's.
 */
import { describe, expect, it } from "vitest";
import { briefOf } from "../../server/answers/brief.ts";
import { countNotGiven } from "../../server/answers/figure-owner.ts";
import { briefFor, passageOf } from "../helpers/passages.ts";

const texts = (question: string, used: ReturnType<typeof passageOf>[], asked: ("quantity" | "date")[] = []) =>
  briefFor(question, used, asked)?.quotes.map((q) => q.text) ?? [];

describe("a claim the next sentence says is « à nuancer »", () => {
  const used = [
    passageOf(
      "messagerie#0",
      "Mélodie, la messagerie des ministères",
      "La présentation du syndicat mixte Causses et Vallées (2026) résume l'annonce par le slogan « Mars 2026 — Mélodie obligatoire : fin de WhatsApp pour les ministères d'ici 2028 ». La formule est à nuancer : il s'agit d'une annonce de généralisation du 3 mars 2026, avec une cible en 2028, et elle ne vaut que pour les administrations centrales (Perelafouine, 3 mars 2026). Le même document évoque aussi des essais de postes de travail sous NixOS.",
      "guidance",
    ),
  ];

  it("is quoted with the sentence that qualifies it, even past the usual length", () => {
    const quoted = texts("melodie c est obligatoire pour les communes", used);
    expect(quoted.length).toBeGreaterThan(0);
    const all = quoted.join(" ");
    if (all.includes("Mélodie obligatoire")) expect(all).toContain("ne vaut que pour les administrations centrales");
    expect(all).toContain("La formule est à nuancer");
    expect(all).toMatch(/« Mars 2026 — Mélodie obligatoire[\s\S]*La formule est à nuancer/);
  });

  it("the qualifying sentence is never read without the claim it refers to", () => {
    for (const q of ["quand est ce que melodie sera obligatoire en 2028", "melodie obligatoire pour qui"])
      for (const t of texts(q, used, q.startsWith("quand") ? ["date"] : []))
        expect(t).not.toMatch(/^La formule est à nuancer/);
  });
});

describe("a slogan the corpus corrects in other words (trial15 A22)", () => {
  const used = [
    passageOf(
      "lindau#0",
      "Lindau : ce que le dossier de Valdrôme en dit",
      "Le dossier de presse de la métropole de Valdrôme (2026) présente Lindau avec « 12 000 postes basculés en 2024 » et la qualifie de « première ville d'Europe entièrement libre ». Cette présentation doit être nuancée : le courrier (2023) a bien changé, mais les postes restent sous Windows ; seuls 300 postes sous Linux sont prévus pour 2027 (Heise, 4 mars 2026). Parler de ville « entièrement libre » est donc exagéré à cette date.",
      "case-studies",
    ),
  ];

  it("is never read without the sentence that corrects it", () => {
    for (const q of ["combien lindau a economise", "lindau premiere ville d europe entierement libre"]) {
      const all = texts(q, used, q.startsWith("combien") ? ["quantity"] : []).join(" ");
      if (all.includes("entièrement libre »")) expect(all).toContain("doit être nuancée");
    }
  });
});

describe("a count said of another body than the one asked (trial14 A9)", () => {
  const used = [
    passageOf(
      "reseaux#0",
      "Réseaux du logiciel libre : le Club Azur et l'ANCT",
      "Le Club Azur, créé en 2019 sous l'égide de l'ANCT, rassemble environ 3 000 agents publics qui partagent leurs outils libres (La Gazette, 2024). Il organise une rencontre par an.",
      "ecosystem",
    ),
    passageOf(
      "anct#0",
      "L'ANCT et les collectivités",
      "L'ANCT accompagne les collectivités dans leurs projets numériques depuis 2020 (ANCT, 2024).",
      "guidance",
    ),
  ];
  const excerpts = used.map((r) => r.text);

  it("is not read aloud as the answer, and the answer says the count is not given", () => {
    const question = "combien d agents a l anct en 2027";
    for (const t of briefFor(question, used, ["quantity"])?.quotes.map((q) => q.text) ?? [])
      expect(t).not.toContain("3 000 agents");
    expect(countNotGiven(question, excerpts, ["quantity"])).toBe(
      "Le corpus ne donne pas le nombre d'agents pour « ANCT » en 2027 : les chiffres des passages cités portent sur autre chose.",
    );
  });

  it("is read aloud when the question asks of that body", () => {
    const question = "combien d agents rassemble le club azur";
    expect(briefFor(question, used, ["quantity"])?.quotes[0]?.text).toContain("3 000 agents");
    expect(countNotGiven(question, excerpts, ["quantity"])).toBeNull();
  });

  it("a sentence whose subject is the body asked gives its count", () => {
    const own = [
      passageOf(
        "anct#1",
        "L'ANCT",
        "L'ANCT, créée en 2020, compte environ 350 agents répartis entre Paris et Lyon (ANCT, 2024).",
        "guidance",
      ),
    ];
    const question = "combien d agents a l anct";
    expect(briefFor(question, own, ["quantity"])?.quotes[0]?.text).toContain("350 agents");
    expect(countNotGiven(question, [own[0]!.text], ["quantity"])).toBeNull();
  });
});

describe("the corpus's own « les sources ne donnent pas » (trial14 A10, Lyon)", () => {
  it("is read for « a économisé combien » even when the excerpt glues it to the list item before it", () => {
    const text =
      "## Les chiffres\n\n- Subvention de la Région : 1 million d'euros (La Gazette, 2025).\n- Marchés : plus de 60 % à des entreprises de la région (La Gazette, 2025).\n\nLes sources consultées ne donnent ni le nombre de postes concernés à Villefranche, ni un bilan des économies réalisées.";
    const used = [passageOf("villefranche#0", "Ville de Villefranche : une suite bureautique libre", text)];
    const flattened =
      "- Subvention de la Région : 1 million d'euros (La Gazette, 2025). - Marchés : plus de 60 % à des entreprises de la région (La Gazette, 2025). Les sources consultées ne donnent ni le nombre de postes concernés à Villefranche, ni un bilan des économies réalisées.";
    const quotes = briefOf("la ville de villefranche a economise combien", used, [flattened], ["quantity"])?.quotes;
    expect(quotes?.[0]?.text).toBe(
      "Les sources consultées ne donnent ni le nombre de postes concernés à Villefranche, ni un bilan des économies réalisées.",
    );
  });
});
