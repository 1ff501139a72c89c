/**
 * « En bref » read aloud in a council says what the corpus says (trial13 A3, A9, A13): a sum quoted for a cost is a
 * sum of what is asked, a claim the passage refutes a sentence later is not read alone, a comparison without its term
 * is not quoted alone, « (voir ci-dessus) » is not read aloud, a list lead-in is quoted with the figures its list
 * gives, « les sources ne donnent ni … » answers a figure asked, a labelled item of another case is not read for the
 * case asked, and a sentence holding one word of a two-word name (« Data Act ») is not about the other (« Chips Act »).
 * Passages written for the test, on places and products that are not the trial's.
 */
import { describe, expect, it } from "vitest";
import { briefFor, passageOf } from "../helpers/passages.ts";

const passage = passageOf;
const brief = briefFor;
const texts = (question: string, used: ReturnType<typeof passage>[], asked: ("quantity" | "date")[] = []) =>
  brief(question, used, asked)?.quotes.map((q) => q.text) ?? [];

describe("a quote says what it is about", () => {
  it("a sum quoted for « combien ça coûte » is a sum of the question's subject, not of another project", () => {
    const used = [
      passage(
        "couts#0",
        "Coûts et économies",
        "Quelques repères publiés : le portail numérique de l'Agence des routes a coûté environ 800 000 euros (La Gazette, 2024). Une migration a aussi un coût : formation, accompagnement, support et adaptation des logiciels métiers.",
        "guidance",
      ),
    ];
    const quoted = texts("ça coûte combien de passer à Debian pour 250 postes", used);
    expect(quoted.join(" ")).not.toContain("800 000");
    expect(quoted.join(" ")).toContain("Une migration a aussi un coût");
  });

  it("a comparison without its term (« sont plus élevés ») is not quoted alone", () => {
    const used = [
      passage(
        "oracle#0",
        "Oracle et les bases de données publiques",
        "La présentation du syndicat affirme que la licence Oracle a augmenté de 90 % en 2024. Les montants constatés ailleurs sont plus élevés : factures multipliées par 3 à 5 selon le Cigref (2025).",
      ),
    ];
    for (const q of texts("combien coute la hausse d'oracle", used)) expect(q).not.toMatch(/^Les montants constatés/);
  });

  it("« (voir ci-dessus) » is not read aloud", () => {
    const used = [
      passage(
        "douane#0",
        "La Douane et Debian",
        "Les économies de la Douane sont des montants annuels : environ 3 millions d'euros par an de licences (voir ci-dessus).",
      ),
    ];
    const quoted = texts("combien la douane a économisé avec debian", used, ["quantity"]);
    expect(quoted.length).toBe(1);
    expect(quoted[0]).not.toContain("ci-dessus");
    expect(quoted[0]).toContain("3 millions d'euros par an de licences.");
  });
});

describe("a claim the passage refutes or qualifies further on", () => {
  it("is not quoted alone when a later sentence of its paragraph says its date « ne correspond pas »", () => {
    const used = [
      passage(
        "estonie#0",
        "L'Estonie et Debian",
        "La plaquette du syndicat Numérique 47 (2025) mentionne « 40 000 postes publics » et une « bascule nationale vers Debian achevée en 2021 ». Le nombre de postes correspond bien au plan publié. En revanche, la date de 2021 ne correspond pas aux sources trouvées : le plan date de 2018. Les ministères pilotes ont commencé par la messagerie et les postes des agents d'accueil.",
      ),
    ];
    for (const q of texts("combien de temps ca prend de basculer vers debian", used))
      expect(q).not.toContain("achevée en 2021 ».");
  });

  it("is quoted with that sentence, after « […] », when the question asks about it (writes its figure)", () => {
    const used = [
      passage(
        "estonie#0",
        "L'Estonie et Debian",
        "La plaquette du syndicat Numérique 47 (2025) mentionne « 40 000 postes publics » et une « bascule nationale vers Debian achevée en 2021 ». Le nombre de postes correspond bien au plan publié. En revanche, la date de 2021 ne correspond pas aux sources trouvées : le plan date de 2018.",
      ),
    ];
    const quoted = texts("L'Estonie a-t-elle vraiment basculé vers Debian en 2021 ?", used).join(" ");
    expect(quoted).toContain("achevée en 2021 ». […] En revanche, la date de 2021 ne correspond pas");
  });

  it("is quoted with the next sentence that says it « n'est pas confirmé »", () => {
    const used = [
      passage(
        "alpha#0",
        "Le syndicat Alpha et Zorin",
        "Le syndicat Alpha annonce 2 000 postes passés sous Zorin OS en 2022. L'avancement réel de cette bascule n'est pas confirmé par une source publiée.",
      ),
    ];
    for (const q of texts("combien de postes le syndicat alpha a passé sous zorin", used, ["quantity"]))
      expect(q).toContain("n'est pas confirmé");
  });
});

describe("a figure asked", () => {
  it("a list's lead-in is quoted with the figures its list gives, not cut before them", () => {
    const used = [
      passage(
        "oracle-prix#0",
        "Les hausses de prix Oracle pour le secteur public",
        "À partir du 1er mars 2027, et à chaque renouvellement de contrat, Oracle augmente ses prix publics Java pour les entreprises et les administrations ; la facture d'une collectivité grimpe donc cette année-là au moment de son renouvellement (Servola, 2026) :\n\n- Java SE Standard : de 15 à 17 dollars, soit +13 % ;\n- Java SE Universal : de 25 à 29 dollars, soit +16 % ;\n- plusieurs offres entreprise : +5 à +8 %.",
      ),
    ];
    const quoted = texts("c'est vrai qu'oracle augmente ses prix de 40 % en 2027 ?", used).join(" ");
    expect(quoted).toContain("+13 %");
  });

  it("« les sources consultées ne donnent ni … ni un bilan des économies » answers « a économisé combien »", () => {
    const used = [
      passage(
        "grenoble#0",
        "Ville de Grenoble",
        "Lors des rencontres du libre de 2026, un consultant décrivait Grenoble comme une ville « presque sortie d'Office 365 ». La ville a remplacé sa messagerie par BlueMind en 2024. Les sources consultées ne donnent ni le nombre de postes concernés à la Ville de Grenoble, ni un bilan des économies réalisées.",
      ),
    ];
    const quoted = texts("la ville de grenoble a economise combien en quittant microsoft", used, ["quantity"]);
    expect(quoted[0]).toContain("ne donnent ni");
  });
});

describe("a quote is about the subject asked", () => {
  it("a labelled list item (« Visio : … ») is not read for another case the question names (« et vienne ? »)", () => {
    const used = [
      passage(
        "economies#0",
        "Coûts et économies",
        "Les économies publiées :\n\n- Douane : environ 3 millions d'euros par an de licences économisés (Le Monde, 2019).\n- Vienne : la ville a fait état de 9,5 millions d'euros d'économies avec WienUX, avant son retour à Windows (Wikipédia, 2024).\n- Tchap : chaque tranche de 50 000 agents qui quittent une messagerie sous licence fait économiser environ 500 000 euros par an, selon le gouvernement (Clubic, 2026).",
        "guidance",
      ),
    ];
    const quoted = texts("et vienne ? economise", used, ["quantity"]);
    expect(quoted.join(" ")).not.toContain("Tchap");
    expect(quoted.join(" ")).not.toContain("Douane");
    expect(quoted.join(" ")).toContain("9,5 millions");
  });

  it("a catalog card's fields (« Remplace : », « Migration : ») are no cases: the answering field is read", () => {
    const used = [
      passage(
        "mattermost#0",
        "Mattermost",
        "Mattermost (outils collaboratifs) : messagerie d'équipe libre.\nRemplace : Slack (remplacement direct).\nMigration : En Bretagne, la Région a remplacé Slack par Mattermost après un test avec ses agents.",
        "catalog",
      ),
    ];
    const quoted = texts("Par quoi la Région Bretagne a-t-elle remplacé Slack ?", used).join(" ");
    expect(quoted).toContain("En Bretagne, la Région a remplacé Slack par Mattermost");
  });

  it("one word of a two-word name (« Data Act ») does not stand for the name asked (« Chips Act »)", () => {
    const used = [
      passage("chips#0", "Le Chips Act européen", "Le Chips Act européen a été adopté en juillet 2023.", "guidance"),
      passage(
        "data#0",
        "Data Act et Cyber Resilience Act",
        "Le règlement dit Data Act a été signé le 13 décembre 2023 et s'applique depuis le 12 septembre 2025. Voir aussi la fiche sur le Chips Act.",
        "guidance",
      ),
    ];
    const quotes = brief("c'est quoi le chips act", used)?.quotes ?? [];
    expect(quotes.map((q) => q.text).join(" ")).not.toContain("Data Act a été signé");
    expect(quotes[0]?.source).toBe(1);
  });
});
