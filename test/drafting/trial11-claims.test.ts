/**
 * trial11 A0b/A6, on other products and vendors than the trial's: what a DSI's edit or the model says of a product of
 * the map — « un utilitaire européen » for a product whose controller is Chinese, « édité par X, société tchèque
 * indépendante » for a vendor the map gives an owner in another country — is compared with the map's controlling
 * entity and its country, as « sans lien avec la Chine » already was (trial10 A4).
 *
 * trial11 A0, on other people and texts than the trial's: an association's context naming someone with a post by
 * apposition (« X, directeur … de Y, anime … ») or saying what an article of law imposes is a claim about others —
 * checked against the corpus (the role against the passages naming the person; « l'article N ne crée aucune
 * obligation »), never given « (selon nos informations) », which stays on what the sender says of its own collectivité.
 */
import { describe, expect, it } from "vitest";
import { checkClaims } from "../../server/drafting/claims.ts";
import { aboutOthers, attributedContext } from "../../server/drafting/documents/common.ts";
import { checkedSection } from "../../server/drafting/generate.ts";
import { ownProducts } from "../../server/drafting/own-facts.ts";
import type { AnalysisItem } from "../../server/drafting/types.ts";
import type { Retriever, SearchResult } from "../../server/retrieval/search.ts";
import { verifyText } from "../../server/verify/index.ts";
import { checkOwnFacts } from "../../server/verify/own-facts.ts";
import { AVAST } from "./own-facts-fixture.ts";

const item = (over: Partial<AnalysisItem> & { name: string }): AnalysisItem => ({
  installations: 10,
  category: "utilities",
  ...over,
});

const products = ownProducts([
  item({
    name: "Huawei PC Manager",
    installations: 40,
    product: { id: "huawei-pc-manager", name: "Huawei PC Manager" },
    vendor: { name: "Huawei", country: "CN" },
    extraEuropean: true,
    openSource: false,
    exposure: { controllingCountry: "CN", laws: ["cn-national-intelligence-law"] },
  }),
  AVAST,
  item({
    name: "ESET Endpoint Security",
    installations: 12,
    category: "security",
    product: { id: "eset", name: "ESET Endpoint Security" },
    vendor: { name: "ESET", country: "SK" },
    extraEuropean: false,
    openSource: false,
  }),
]);

/** A sentence checked against the map only (the passage it cites is itself: every word is found). */
const reasons = (sentence: string) =>
  checkOwnFacts(verifyText(`${sentence} [1]`, [{ n: 1, text: sentence }]), products, "les données").verification
    .sentences[0]!.reasons;

describe("trial11 A0b/A6: nationality and independence compared with the map's controller", () => {
  it("flags « un utilitaire européen » for a product the map gives a Chinese controller", () => {
    expect(reasons("Huawei PC Manager est un utilitaire européen.").join(" ")).toMatch(/Huawei PC Manager.*Chine/);
    expect(
      reasons("Huawei PC Manager, installé sur 40 postes, est un utilitaire européen sans exposition."),
    ).toHaveLength(1);
  });

  it("flags a vendor called independent, or of its own country, where the map gives it an owner elsewhere", () => {
    expect(reasons("Avast Antivirus est édité par Avast, société tchèque indépendante.").join(" ")).toMatch(
      /Gen Digital|États-Unis/,
    );
    expect(reasons("Avast Antivirus est édité par Avast, un éditeur indépendant.")).toHaveLength(1);
  });

  it("leaves alone what the map says", () => {
    for (const ok of [
      "ESET Endpoint Security est un utilitaire européen.",
      "ESET Endpoint Security est édité par ESET, société slovaque indépendante.",
      "Avast Antivirus est édité par Avast, société tchèque contrôlée par Gen Digital.",
      "Avast est une société tchèque, filiale de l'américain Gen Digital.",
      "Huawei PC Manager est un utilitaire chinois.",
    ])
      expect([ok, reasons(ok)]).toEqual([ok, []]);
  });
});

const result = (id: string, title: string, section: string, text: string): SearchResult => ({
  id,
  text,
  section,
  score: 1,
  document: { id, title, kind: "guidance", date: "2026", url: null },
  sources: [],
  source: null,
});
const PASSAGES = [
  result(
    "rencontres",
    "Les Rencontres du libre de Quimperlé",
    "Qui organise les Rencontres",
    "Loïc Trégor, fondateur de l'association Libre en Pays de Quimperlé et organisateur des Rencontres, accueille chaque année 200 visiteurs.",
  ),
  result(
    "nantes",
    "Présentation de Rodez Agglomération (2026)",
    "Les exemples cités",
    "- Police municipale de Nantes : 4 212 postes sous Debian, 88 % du parc. Les dates sont exactes, mais ces deux chiffres ne sont confirmés par aucune autre source.",
  ),
  result(
    "decret",
    "Publier ses codes sources : ce que dit le décret de 2019 (article 9)",
    "« Inviter » n'est pas « imposer »",
    "Le texte retenu invite les administrations à publier leurs codes sources. À retenir : l'article 9 ne crée aucune obligation de publier les codes sources des logiciels développés par une commune.",
  ),
];
const retriever: Retriever = {
  mode: async () => "fulltext",
  search: async () => ({ mode: "fulltext", results: PASSAGES }),
};
/** A context's claim as the letter states it, checked on the draft path. */
async function checked(claim: string) {
  const text = `${claim}.`;
  const { verification } = await checkClaims(
    text,
    [claim],
    verifyText(text, []),
    [],
    retriever,
    (r) => `${r.document.title} — ${r.section}\n${r.text}`,
  );
  return verification.sentences[0]!;
}

describe("trial11 A0: an association's claims about a person's post and about the law", () => {
  const monnier = "Loïc Trégor, directeur des systèmes d'information de Quimperlé, anime chaque année les Rencontres";
  const law = "L'article 9 du décret de 2019 impose aux communes de publier leurs codes sources";

  it("reads them as claims about others, and leaves the sender's own matter to the sender", () => {
    expect(aboutOthers(monnier)).toBe(true);
    expect(aboutOthers(law)).toBe(true);
    expect(aboutOthers("Jean Martin, directeur des services techniques, part à la retraite en 2028")).toBe(false);
    const said = attributedContext(
      `${monnier}. ${law}. Le contrat de messagerie arrive à échéance en mars 2027.`,
      "Concarneau",
      "selon nos informations",
    );
    expect(said).toContain(`${monnier}.`);
    expect(said).toContain(`${law}.`);
    expect(said).toContain("mars 2027 (selon nos informations).");
  });

  it("flags the post the corpus does not give the person, with the one it gives", async () => {
    const s = await checked(monnier);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/fondateur de l'association Libre en Pays de Quimperlé/);
    expect(
      (await checked("Loïc Trégor, organisateur des Rencontres, accueille chaque année 200 visiteurs")).status,
    ).toBe("supported");
  });

  it("flags an article said to impose what the corpus says it creates no duty for, and not the article's number", async () => {
    const s = await checked(law);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/ne crée aucune obligation/);
    expect(s.reasons.join(" ")).not.toMatch(/« 9 »/);
    expect(
      (await checked("L'article 9 du décret de 2019 invite les administrations à publier leurs codes sources")).status,
    ).toBe("supported");
  });

  it("flags a figure the corpus calls unconfirmed with that reason, not as absent from the section", async () => {
    const claim = "La police municipale de Nantes compte 4 212 postes sous Debian";
    const text = `${claim}.`;
    const { flags } = await checkClaims(
      text,
      [claim],
      verifyText(text, []),
      [{ figure: "4 212", reason: "chiffre absent des passages et des données utilisés pour cette section" }],
      retriever,
      (r) => `${r.document.title} — ${r.section}\n${r.text}`,
    );
    expect(flags.find((f) => f.figure === "4 212")?.reason).toMatch(/confirm/);
  });
});

describe("trial11 A0b: a DSI's edit stating a claim about a product of the map", () => {
  it("keeps what the map says against it when the sentence is also checked as a claim on the corpus", async () => {
    const text =
      "Huawei PC Manager est un utilitaire européen. Avast Antivirus est édité par Avast, société tchèque indépendante.";
    const claims = [
      "Huawei PC Manager est un utilitaire européen",
      "Avast Antivirus est édité par Avast, société tchèque indépendante",
    ];
    const { verification } = await checkedSection(text, [], { facts: [], quotations: [], claims, products, retriever });
    expect(verification.sentences.map((s) => s.status)).toEqual(["unsupported", "unsupported"]);
    expect(verification.sentences[1]!.reasons.join(" ")).toMatch(/Gen Digital/);
  });
});
