/**
 * « En bref » read aloud, trial14's leftovers by kind, on passages written for the test (other products, places and
 * dates than the trial's): a sentence on another version of the product asked is not its answer (A6); a deadline
 * now past is said past, as the documents say it (A15); a count the body asked gives as its own answers (B10); the
 * price of the very product asked, edition included, is read before a sibling's (A7).
 */
import { describe, expect, it } from "vitest";
import { otherVersion, versionsAsked, withPastDeadlines } from "../../server/answers/brief.ts";
import { qualificationNote } from "../../server/answers/qualified.ts";
import { needsPrevious } from "../../server/retrieval/passages.ts";
import { briefFor, catalogCards, passageOf } from "../helpers/passages.ts";

const texts = (question: string, used: ReturnType<typeof passageOf>[], asked: ("quantity" | "date")[] = []) =>
  briefFor(question, used, asked)?.quotes.map((q) => q.text) ?? [];

describe("another version of the product asked (trial14 A6)", () => {
  const used = [
    passageOf(
      "messagerie#0",
      "La messagerie de Vaucluse-Est : sortir d'Exchange",
      "En octobre 2020, Microsoft a cessé le support d'Exchange 2010 (Le MagIT, 2020). Le syndicat a alors étudié une messagerie libre.",
      "case-study",
      "2026-03-01",
    ),
    passageOf(
      "exchange#0",
      "Exchange Server : le cycle de vie",
      "Exchange 2019 n'a plus de correctifs de sécurité depuis le 14 octobre 2025, sauf contrat payant (Microsoft, 2025).",
      "guidance",
      "2026-01-10",
    ),
  ];

  it("the versions a question names, not a time before a year", () => {
    expect(versionsAsked("quand exchange 2019 n est plus supporte")).toEqual([["exchange", "2019"]]);
    expect(versionsAsked("le plan des ministeres pour fin 2026")).toEqual([]);
    expect(versionsAsked("que se passe t il en 2027")).toEqual([]);
  });

  it("a sentence naming another version, and never the one asked, is another version's", () => {
    const v = versionsAsked("windows 11 c est supporte jusqu a quand");
    expect(otherVersion("En janvier 2020, Microsoft a cessé le support de Windows 7.", v)).toBe(true);
    expect(otherVersion("Windows 11 succède à Windows 10 sur les postes récents.", v)).toBe(false);
    expect(otherVersion("Le syndicat a gardé ses postes sous Windows.", v)).toBe(false);
  });

  it("is not read aloud to a question on that product's other version", () => {
    const quoted = texts("quand exchange 2019 n est plus supporte", used, ["date"]);
    expect(quoted.join(" ")).not.toContain("Exchange 2010");
    expect(quoted[0]).toContain("Exchange 2019");
  });

  it("is read aloud when the question asks of that version", () => {
    expect(texts("quand exchange 2010 n est plus supporte", used, ["date"])[0]).toContain("Exchange 2010");
  });

  it("a card with editions of their own end of support says the ordinary editions' end first", async () => {
    const card = (await catalogCards()).find((c) => c.document.id === "catalog/product/windows-10")!;
    expect(card.text).toMatch(
      /Fin du support des éditions courantes : le 14 octobre 2025\.\nFin du support par édition : LTSB 2015/,
    );
  });
});

describe("a deadline now past (trial14 A15)", () => {
  const used = [
    passageOf(
      "regions#0",
      "Le plan des régions pour le logiciel libre",
      "Chaque région doit adopter d'ici le printemps 2026 sa feuille de route pour le logiciel libre (Acteurs publics, janvier 2026). Le suivi sera public.",
      "guidance",
      "2026-02-15",
    ),
  ];
  const brief = briefFor("les regions doivent adopter leur feuille de route pour quand", used, ["date"])!;

  it("is said past after the quote that sets it, with the date the corpus is up to", () => {
    expect(brief.quotes[0]?.text).toContain("d'ici le printemps 2026");
    const text = withPastDeadlines(brief, used, "2026-12-06").text;
    expect(text).toMatch(
      /\[1\] \(Échéance « d'ici le printemps 2026 » passée ; la fiche citée \(à jour au 15 février 2026\) ne dit pas si elle a été tenue\.\)$/,
    );
  });

  it("is not said past before its day, nor when the page was written after it", () => {
    expect(withPastDeadlines(brief, used, "2026-04-01").text).toBe(brief.text);
    const later = [{ ...used[0]!, document: { ...used[0]!.document, date: "2026-09-01" } }];
    expect(withPastDeadlines(brief, later, "2026-12-06").text).toBe(brief.text);
  });
});

describe("a count the body asked gives as its own (trial14 B10)", () => {
  const used = [
    passageOf(
      "urssaf#0",
      "L'Urssaf passe à Mélodie",
      "L'Union de recouvrement des cotisations (URSSAF) fait basculer ses 16 000 agents vers deux outils de l'État : Mélodie pour la messagerie et Cassiopée pour les fichiers (Acteurs publics, mai 2026). C'est l'un des plus grands organismes à le faire.",
      "guidance",
      "2026-05-20",
    ),
  ];

  it("is read aloud to « combien d'agents <verbe> » though its verb is another", () => {
    expect(texts("l urssaf combien d agents passent a melodie", used, ["quantity"])[0]).toContain("ses 16 000 agents");
  });

  it("another body's « ses N agents » is still not read as the count of those who use a tool", () => {
    const other = [
      passageOf(
        "melodie#0",
        "Mélodie, la messagerie de l'État",
        "La Caisse des écoles fait passer ses 9 000 agents à Mélodie (Acteurs publics, 2026). En mars 2026, 30 000 agents utilisaient Mélodie chaque mois (DINUM, 2026).",
        "guidance",
      ),
    ];
    expect(texts("combien d agents utilisent melodie", other, ["quantity"])[0]).toContain("30 000 agents utilisaient");
  });
});

describe("what the corpus says it lacks, of another body than the one asked", () => {
  const used = [
    passageOf(
      "urssaf#0",
      "L'Urssaf (URSSAF) : 16 000 agents passent à Mélodie et Cassiopée",
      "Aucun montant d'économies propre à l'URSSAF n'a été publié dans les sources consultées. À titre d'ordre de grandeur, le ministère a indiqué en mars 2026, à propos de Cassiopée, que chaque tranche de 50 000 agents fait économiser environ 300 000 euros par an (La Gazette, mars 2026).",
    ),
    passageOf(
      "outils#0",
      "Les outils de l'État : Cassiopée, Mélodie et Tableur",
      "Cassiopée compte 20 000 utilisateurs (DINUM, 2026).",
      "guidance",
    ),
  ];

  it("is not read aloud as the answer (« Aucun montant … propre à l'URSSAF » to a question on the État)", () => {
    const quoted = texts("combien economise l etat avec cassiopee", used, ["quantity"]);
    expect(quoted.join(" ")).not.toContain("propre à l'URSSAF");
    expect(quoted[0]).toContain("300 000 euros");
  });

  it("is read aloud when asked of that body", () => {
    expect(texts("combien l urssaf a economise", used, ["quantity"])[0]).toContain("propre à l'URSSAF");
  });
});

describe("two words a title writes apart are no name of the question", () => {
  it("« … de l'État : Cassiopée, … » does not make « État Cassiopée » one name", () => {
    const used = [
      passageOf(
        "couts#0",
        "Coûts et économies",
        "- Cassiopée : chaque tranche de 50 000 agents qui quittent un service sous licence fait économiser environ 300 000 euros par an (La Gazette, mars 2026).",
        "guidance",
      ),
      passageOf(
        "outils#0",
        "Les outils de l'État : Cassiopée, Mélodie et Tableur",
        "Cassiopée compte 20 000 utilisateurs (DINUM, 2026).",
        "guidance",
      ),
    ];
    expect(texts("combien economise l etat avec cassiopee", used, ["quantity"]).join(" ")).toContain("300 000 euros");
  });
});

describe("the price of the very product asked, edition included (trial14 A7)", () => {
  const used = [
    passageOf(
      "zoho#2",
      "Les hausses de prix de Zoho Workplace pour le secteur public",
      "À partir du 1er mars 2026, et à chaque renouvellement de contrat, Zoho augmente ses prix publics Zoho Workplace pour les entreprises et les administrations ; la facture d'une collectivité grimpe donc au moment de son renouvellement (Servola, 2026 ; NPI Financial, 2026) :\n\n- Zoho Mail P2 : de 4 à 5 dollars, soit +25 % ;\n- Zoho Standard : de 3 à 4 dollars, soit +33 % ;\n- Zoho One : de 37 à 45 dollars, soit +21 % ;\n- plusieurs offres entreprise : +5 à +8 % ;\n- nouveaux prix : Zoho Workplace P2 à 12 dollars, P3 à 18 dollars, F1 à 10 dollars.\n\nLa présentation de Figeac présente une chronologie des hausses :\n\n- **« En cumulé sur 10 ans, la facture Zoho a augmenté de +50 à +80 % »** : chiffre non confirmé par une seconde source.\n",
      "case-study",
      "2026-05-01",
    ),
  ];

  it("is read aloud, its long lead-in cut at its first clause, not a sibling's price", () => {
    const quoted = texts("combien coute une licence zoho workplace p2", used, ["quantity"]);
    expect(quoted[0]).toContain("Zoho Workplace P2 à 12 dollars");
    expect(quoted[0]).toMatch(/administrations \[…\] : nouveaux prix/);
  });

  it("a bare number counting another thing is not the figure the corpus calls unconfirmed (« 10 dollars », « 10 ans »)", () => {
    expect(
      qualificationNote(
        "nouveaux prix : Zoho Workplace P2 à 12 dollars, P3 à 18 dollars, F1 à 10 dollars.",
        used[0]!.text,
        "",
      ),
    ).toBeNull();
    expect(qualificationNote("En cumulé sur 10 ans, la facture a augmenté.", used[0]!.text, "")).not.toBeNull();
  });
});

describe("a sentence whose « alors » is the moment the one before says (trial14 A16)", () => {
  it("needs the sentence before it; « alors que » does not", () => {
    expect(needsPrevious("Mélodie comptait alors 30 000 utilisateurs réguliers (DINUM, 2026).")).toBe(true);
    expect(needsPrevious("La ville a choisi Linux alors que la région restait sous Windows.")).toBe(false);
    expect(needsPrevious("Alors que Munich revenait à Windows, Lyon partait.")).toBe(false);
  });

  it("is never read aloud alone", () => {
    const used = [
      passageOf(
        "melodie#0",
        "Mélodie, la messagerie de l'État",
        "Le 3 mars 2026, en annonçant que Mélodie deviendrait la messagerie unique des services de l'État d'ici 2028, le gouvernement citait la Caisse des écoles parmi les organismes qui devaient la généraliser (Acteurs publics, 3 mars 2026). Mélodie comptait alors 30 000 utilisateurs réguliers (Acteurs publics, 3 mars 2026).",
        "guidance",
      ),
    ];
    for (const t of texts("combien d utilisateurs melodie", used, ["quantity"]))
      expect(t).not.toMatch(/^Mélodie comptait alors/);
  });
});
