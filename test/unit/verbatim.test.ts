/**
 * The one verbatim-sentence picker behind « En bref » (chat answer) and « L'essentiel » (briefing note), on passages
 * written for the test (places and products not in the corpus's tests): where the two summaries used to differ, the
 * better of the two behaviours now holds for both.
 */
import { describe, expect, it } from "vitest";
import { trailingReferences } from "../../server/answers/brief.ts";
import { holdsStem, quotableSentences, stemsOf } from "../../server/answers/verbatim.ts";
import { answerPoints } from "../../server/drafting/answer-points.ts";
import { stem } from "../../server/retrieval/french.ts";
import { briefFor, passageOf } from "../helpers/passages.ts";

const passage = (id: string, title: string, text: string) => passageOf(id, title, text);
const brief = briefFor;

describe("words matched by the project's stemmer", () => {
  it("meets a verb of the noun asked (« migrations », « migré »), as « L'essentiel » did", () => {
    const used = [
      passage(
        "parc#0",
        "Un parc libre",
        "Le parc de postes de travail a été migré vers Linux Mint entre 2019 et 2021, sans incident majeur.",
      ),
    ];
    expect(brief("Quand les migrations ont-elles eu lieu ?", used)?.quotes.map((q) => q.text)).toEqual([
      "Le parc de postes de travail a été migré vers Linux Mint entre 2019 et 2021, sans incident majeur.",
    ]);
  });

  it("keeps « serveurs » apart from « services » (a five-letter prefix met both), and still meets « économisé »", () => {
    expect(holdsStem(stemsOf("de nouveaux services en ligne"), stem("serveurs"))).toBe(false);
    expect(holdsStem(stemsOf("ses anciens serveurs de fichiers"), stem("serveurs"))).toBe(true);
    expect(holdsStem(stemsOf("la commune a économisé 3 000 euros"), stem("économies"))).toBe(true);
  });
});

describe("a sentence that refers back", () => {
  it("is quoted in « En bref » after the sentence it refers to, never alone", () => {
    const used = [
      passage(
        "stlo#0",
        "Saint-Lô : BlueMind",
        "La mairie de Saint-Lô a remplacé sa messagerie Exchange par BlueMind au printemps 2021. Elle a ainsi économisé 40 000 euros de licences par an selon son directeur informatique.",
      ),
    ];
    const quotes = brief("Combien la mairie de Saint-Lô a-t-elle économisé avec BlueMind ?", used, [
      "quantity",
    ])!.quotes;
    expect(quotes.some((q) => q.text.startsWith("Elle"))).toBe(false);
    expect(quotes.map((q) => q.text)).toContain(
      "La mairie de Saint-Lô a remplacé sa messagerie Exchange par BlueMind au printemps 2021. Elle a ainsi économisé 40 000 euros de licences par an selon son directeur informatique.",
    );
  });

  it("is left out when the sentence before it is not in the same paragraph", () => {
    expect(
      quotableSentences("Elle a ainsi économisé 40 000 euros de licences par an, selon la mairie.", { max: 400 }),
    ).toEqual([]);
  });
});

describe("the year a question names", () => {
  it("puts first in « En bref » the sentence that holds it, as « L'essentiel » does", () => {
    const used = [
      passage(
        "ge#0",
        "Région Grand Est : LibreOffice",
        "La région Grand Est a formé 400 agents à LibreOffice au cours de l'année 2017. La région Grand Est a formé 1 200 agents de plus à LibreOffice en 2019, dans ses lycées.",
      ),
    ];
    const quotes = brief("Combien d'agents la région Grand Est a-t-elle formés à LibreOffice en 2019 ?", used, [
      "quantity",
    ])!.quotes;
    expect(quotes[0]!.text).toContain("2019");
  });
});

describe("a piece cut after an abbreviation", () => {
  it("is not quoted in « En bref » when it opens on a bare number (« L. | 300-2 du code … »)", () => {
    const used = [
      passage(
        "crpa#0",
        "Le code des relations entre le public et l'administration",
        "Le socle est défini par l'article L. 300-2 du code des relations entre le public et l'administration, ce qui inclut les communes. Une commune ou un département sont donc concernés au même titre que l'État.",
      ),
    ];
    const b = brief("Le code des relations entre le public et l'administration inclut-il les communes ?", used);
    expect(b?.quotes.filter((q) => /^\d/.test(q.text)) ?? []).toEqual([]);
  });
});

describe("figures the corpus does not vouch for (the verifier's qualifiers)", () => {
  it("are not read aloud in « En bref » when the sentence says its figure is only claimed", () => {
    const used = [
      passage(
        "mx#0",
        "Mairistem : logiciel de gestion",
        "Mairistem revendique 2 000 communes clientes en France, surtout de petite taille.",
      ),
      passage(
        "mx-no#0",
        "Mairistem en Normandie",
        "Le logiciel Mairistem équipe des communes de l'Orne et du Calvados depuis 2015.",
      ),
    ];
    const b = brief("Combien de communes utilisent Mairistem ?", used, ["quantity"]);
    // (No sentence gives a figure of the communes using it: « En bref » may then quote none.)
    expect(b?.text ?? "").not.toContain("revendique");
  });
});

describe("« L'essentiel »", () => {
  it("lists a sentence two passages share once", () => {
    const text = "Le département du Gers a choisi Nextcloud pour le partage de fichiers de ses agents en 2022.";
    const points = answerPoints(
      "Quel outil de partage de fichiers le département du Gers a-t-il choisi ?",
      [passage("gers#0", "Gers : Nextcloud", text), passage("gers#1", "Gers : Nextcloud", text)],
      3,
    );
    expect(points.map((p) => p.sentence)).toEqual([text]);
  });
});

describe("a list item", () => {
  const figures = passage(
    "moodle#1",
    "Moodle dans l'académie de Caen",
    "Moodle est la plateforme de cours en ligne de l'académie depuis 2012.\n\n- Environ 9 000 utilisateurs actifs par mois en 2025 (Ouest-France, janvier 2026).\n- Une instance hébergée au rectorat, sauvegardée chaque nuit (rectorat de Caen, 2025).",
  );
  const funding = passage(
    "tno#1",
    "Le syndicat Numérique Bocage",
    "Le syndicat Numérique Bocage a obtenu plusieurs financements publics pour sa suite collaborative :\n- une subvention de 1,5 million d'euros de la Banque des Territoires (Les Échos, mars 2025) ;\n- un prêt de la Banque européenne d'investissement, dont le montant n'est pas publié.",
  );

  it("that reads alone is quoted in « En bref », its marker dropped", () => {
    const b = brief("Combien d'utilisateurs actifs compte Moodle dans l'académie ?", [figures], ["quantity"]);
    expect(b?.quotes[0]?.text).toBe("Environ 9 000 utilisateurs actifs par mois en 2025");
    // The reference it ends on is credited beside the corpus page, outside the quotation read aloud.
    expect(b?.text).toContain("« Environ 9 000 utilisateurs actifs par mois en 2025 » (Ouest-France, janvier 2026 — ");
  });

  it("that does not read alone is quoted after its list's lead-in, its « ; » marked as a cut", () => {
    const b = brief("Le syndicat Numérique Bocage a-t-il reçu une subvention ?", [funding]);
    expect(b?.quotes[0]?.text).toBe(
      "Le syndicat Numérique Bocage a obtenu plusieurs financements publics pour sa suite collaborative : une subvention de 1,5 million d'euros de la Banque des Territoires (Les Échos, mars 2025) […]",
    );
    // Every quotable piece reads as a sentence: a capital first, an end mark last.
    for (const q of quotableSentences(funding.text, { max: 450 }))
      expect(q.text).toMatch(/^\p{Lu}[\s\S]*(?:[.!?»)]|\[…\])$/u);
  });

  it("is not read aloud when it lacks a name the question writes (a price of another product)", () => {
    const prices = passage(
      "google-prix#0",
      "Les hausses de prix de Google",
      "- Google Workspace Business Starter : de 5,75 à 6,80 euros par utilisateur et par mois en 2023 (Les Échos, 2023).",
    );
    const b = brief("Combien coûte l'option Gemini dans Google Workspace ?", [prices], ["quantity"]);
    expect(b?.quotes ?? []).toEqual([]);
    expect(brief("Combien coûte Google Workspace Business Starter ?", [prices], ["quantity"])?.quotes).toHaveLength(1);
  });

  it("gives the amount a question on a subsidy asks, though it asks no figure", () => {
    const grant = passage(
      "bocage#2",
      "Le syndicat Numérique Bocage : les chiffres",
      "Le syndicat a présenté son bilan au comité du 3 mars 2025.\n\n- Subvention de la Région Normandie : 800 000 euros (Ouest-France, mars 2025).\n- Douze communes adhérentes en 2025 (Ouest-France, mars 2025).",
    );
    const b = brief("Le syndicat Numérique Bocage a-t-il reçu des aides publiques ?", [grant]);
    expect(b?.quotes[0]?.text).toBe("Subvention de la Région Normandie : 800 000 euros");
  });

  it("without a lead-in that reads alone is not quoted when it opens in lower case", () => {
    const bare = passage(
      "tno#2",
      "Le syndicat Numérique Bocage",
      "- une subvention de 1,5 million d'euros de la Banque des Territoires (Les Échos, mars 2025) ;\n- un prêt de la Banque européenne d'investissement.",
    );
    expect(quotableSentences(bare.text, { max: 450 }).map((q) => q.text)).toEqual([]);
  });
});

describe("the references a quoted sentence ends on (trial19 LOW: « En bref » read aloud)", () => {
  it("are taken out of the quotation, named and dated ones only", () => {
    expect(trailingReferences("Le seuil discuté est de 30 000 habitants (InCyber, mars 2024 ; Akant, s. d.).")).toEqual(
      {
        body: "Le seuil discuté est de 30 000 habitants",
        cited: "InCyber, mars 2024 ; Akant, s. d.",
      },
    );
    expect(trailingReferences("Le marché a été attribué (Journal officiel, 10 septembre 2025).")?.cited).toBe(
      "Journal officiel, 10 septembre 2025",
    );
    // A parenthesis of the statement itself stays in the quotation.
    expect(trailingReferences("La Gendarmerie compte 80 000 postes (soit 90 % du parc, en 2021).")).toBeNull();
    expect(trailingReferences("La migration a duré dix-sept ans (2004-2021).")).toBeNull();
    expect(trailingReferences("Le texte vise les entités essentielles (directive 2022/2555, article 21).")).toBeNull();
  });
});
