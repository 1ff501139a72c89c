/**
 * A letter argues from what its sender wrote (trial3, Libre Armor → Lannion: « renouveler son abonnement Microsoft
 * 365 » was pasted but never searched, and the letter quoted the Gendarmerie's lessons instead), and a quotation
 * never opens on a pronoun whose antecedent it cut (« Jehan Monnier … y a souligné » of AlpOSS, not quoted).
 */
import { describe, expect, it } from "vitest";
import { aboutNames, namePattern, retrievePassages, withoutDanglingOpening } from "../../server/drafting/generate.ts";
import type { SectionStructure } from "../../server/drafting/structure.ts";
import type { Retriever, SearchResult } from "../../server/retrieval/search.ts";

const result = (id: string, title: string, text: string, kind = "case-study"): SearchResult => ({
  id,
  text,
  section: title,
  score: 1,
  document: { id: kind === "catalog" ? `catalog/${id}` : id, title, kind, date: "2026", url: null },
  sources: [],
  source: null,
});

describe("passages of a letter section with the sender's own words (`focus`)", () => {
  const asked: { query: string; kinds?: string[] }[] = [];
  const retriever: Retriever = {
    mode: async () => "fulltext",
    search: async (query: string, _k: number, options?: { kinds?: string[] }) => {
      asked.push({ query, kinds: options?.kinds });
      return {
        mode: "fulltext",
        results: /Microsoft 365/.test(query)
          ? [
              result(
                "m365-card",
                "Produit : Microsoft 365",
                "Abonnement Microsoft 365 renouvelé chaque année.",
                "catalog",
              ),
              result(
                "prices",
                "Les hausses de prix Microsoft",
                "Au renouvellement, l'abonnement Microsoft 365 augmente de 5 à 13 %.",
              ),
              result("munich", "Munich", "Le conseil municipal de Munich a voté le retour à Windows."),
            ]
          : [
              result(
                "gendarmerie",
                "Gendarmerie",
                "Collectivité : migration vers les logiciels libres, économies et résultats.",
              ),
            ],
      };
    },
  };
  const section = {
    key: "local",
    query: "collectivité migration logiciels libres économies résultats",
    kinds: ["case-study"],
    focus: ["{letter_context}", "{letter_subject}"],
    maxPassages: 2,
  } as SectionStructure;

  it("quotes first what the context is about, then the section's own passages; never a catalog record for it", async () => {
    asked.length = 0;
    const { passages, query } = await retrievePassages(
      section,
      {
        letter_context: "La mairie vient de renouveler son abonnement Microsoft 365 pour trois ans",
        letter_subject: "",
      },
      retriever,
    );
    expect(passages.map((r) => r.id)).toEqual(["prices", "gendarmerie"]);
    // The context is searched in every kind of page; the empty subject is not searched.
    expect(asked).toEqual([
      { query: "La mairie vient de renouveler son abonnement Microsoft 365 pour trois ans", kinds: undefined },
      { query: "collectivité migration logiciels libres économies résultats", kinds: ["case-study"] },
    ]);
    // The excerpt is chosen with the context's words too.
    expect(query).toContain("abonnement Microsoft 365");
  });

  it("searches as before without a context or a subject", async () => {
    asked.length = 0;
    const { passages } = await retrievePassages(section, { letter_context: "", letter_subject: "" }, retriever);
    expect(passages.map((r) => r.id)).toEqual(["gendarmerie"]);
    expect(asked).toHaveLength(1);
  });
});

describe("the opening of a quotation", () => {
  it("leaves out opening sentences whose pronoun stands for what was cut, and keeps those that stand alone", () => {
    expect(
      withoutDanglingOpening(
        "Jehan Monnier, cofondateur de Belledonne Communications, y a souligné que l'épisode faisait réfléchir les collectivités. Selon lui, il n'y a plus de lacune fonctionnelle. L'article présente Échirolles comme un bon exemple.",
      ),
    ).toBe("L'article présente Échirolles comme un bon exemple.");
    expect(
      withoutDanglingOpening("Le droit en vigueur ne les y contraint pas davantage. La loi SREN encadre le cloud."),
    ).toBe("La loi SREN encadre le cloud.");
    expect(withoutDanglingOpening("La commune s'y est engagée en 2024.")).toBe("");
    // « il y a », « il n'y a », « y compris » are no pronoun standing for a place.
    for (const whole of [
      "Selon la DINUM, il y a 2,5 millions de postes dans l'État.",
      "Aujourd'hui il n'y a plus de lacune fonctionnelle.",
      "Tous les ministères, y compris les opérateurs, doivent formaliser un plan.",
      "Échirolles a créé AlpOSS en 2024. Jehan Monnier y a souligné l'épisode.",
    ])
      expect(withoutDanglingOpening(whole)).toBe(whole);
  });
});

describe("a quotation given for named things (a roadmap's alternatives)", () => {
  const names = [
    "G DATA Endpoint Protection",
    "ESET PROTECT",
    "Bitdefender GravityZone",
    "Visio (La Suite numérique)",
  ].map((n) => namePattern(n)!);

  it("recognises a name as a sentence writes it", () => {
    expect(names[0]!.test("G DATA en Allemagne (ICT Channel, octobre 2015)")).toBe(true);
    expect(names[1]!.test("ESET en Slovaquie")).toBe(true);
    expect(names[2]!.test("Bitdefender en Roumanie")).toBe(true);
    expect(names[3]!.test("Visio, le service de l'État")).toBe(true);
    expect(names[1]!.test("la société RESET")).toBe(false);
    expect(names[0]!.test("DATA")).toBe(false);
  });

  it("leaves out the sentences before and after that name none; none naming one leaves nothing to quote", () => {
    expect(
      aboutNames(
        "La mise à jour défectueuse de CrowdStrike du 19 juillet 2024 a ainsi bloqué environ 8,5 millions d'appareils Windows. Il existe des éditeurs d'antivirus européens : ESET en Slovaquie, G DATA en Allemagne. Ces pannes rappellent l'intérêt de plans de continuité.",
        names,
      ),
    ).toBe("Il existe des éditeurs d'antivirus européens : ESET en Slovaquie, G DATA en Allemagne. …");
    expect(aboutNames("La panne CrowdStrike a bloqué 8,5 millions d'appareils.", names)).toBe("");
    expect(aboutNames("La panne CrowdStrike a bloqué 8,5 millions d'appareils.", [])).toBe(
      "La panne CrowdStrike a bloqué 8,5 millions d'appareils.",
    );
  });
});
