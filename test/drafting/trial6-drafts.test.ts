/**
 * trial6's letter (Gâtine Libre → the mayor of Parthenay), on the real corpus, with and without a model: the
 * association's arguments that the corpus contradicts (« La ville de Munich utilise toujours Linux », « la loi SREN
 * oblige déjà toutes les communes », « la DINUM migre les 2,5 millions d'ordinateurs ») are marked « non vérifié » with
 * what the corpus says, whoever wrote the sentence; a model's sentence citing a passage is judged on that passage as in
 * a chat answer, and credits no source when flagged. The rules are tested first on other places and texts.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refutedFigures, statedClaims } from "../../server/drafting/claims.ts";
import { attributedContext, baseVars, contextClaims } from "../../server/drafting/documents/common.ts";
import { retrievePassages } from "../../server/drafting/generate.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { Draft } from "../../server/drafting/types.ts";
import type { Engine } from "../../server/engine.ts";
import { exportDraft } from "../../server/export/index.ts";
import { saidAgainst } from "../../server/verify/against.ts";
import { extractFigures } from "../../server/verify/figures.ts";
import { splitSentences } from "../../server/verify/index.ts";
import { writeDraft } from "../helpers/drafts.ts";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { realCorpusEngine, withTestProvider } from "../helpers/server.ts";

const CONTEXT =
  "La loi SREN oblige déjà toutes les communes à héberger leurs données dans un cloud qualifié SecNumCloud depuis 2024. La Gendarmerie a économisé 534 millions d'euros grâce à Linux. VMware a augmenté ses prix de 430 % après son rachat par Broadcom. La ville de Munich utilise toujours Linux avec succès. La DINUM migre les 2,5 millions d'ordinateurs de l'État sous Linux. La ville de Lyon a annoncé en juin 2025 qu'elle remplacerait progressivement les logiciels de Microsoft. Échirolles a obtenu le label Territoire Numérique Libre niveau Or en 2025.";

const LETTER = {
  type: "letter",
  inputs: {
    collectivite: {
      name: "Parthenay",
      kind: "commune",
      department: "Deux-Sèvres",
      region: "Nouvelle-Aquitaine",
      population: 10500,
    },
    sender: {
      name: "Gâtine Libre",
      description: "groupe local d'utilisateurs de logiciels libres, membre du réseau de l'April",
      signatory: "Pour Gâtine Libre, Sophie Martin, présidente",
      url: "https://gatine-libre.example.org/",
      contact: "contact@gatine-libre.example.org",
    },
    recipient: { name: "Monsieur Jean-Michel Prieur", role: "Maire de Parthenay", civility: "Monsieur" },
    tone: "ferme",
    context: CONTEXT,
    requests: [
      "study",
      "target",
      "public-information",
      "Remplacer Microsoft Office par LibreOffice dans toutes les écoles avant la rentrée 2026",
    ],
    subject: "Pour une commune libérée des logiciels extra-européens",
    place: "Parthenay",
    date: "2026-12-05",
  },
};

const write = (engine: Engine) => writeDraft(engine, LETTER);

const sentencesOf = (draft: Draft) =>
  draft.versions[0]!.sections.flatMap((s) => s.verification?.sentences.map((v) => ({ ...v, section: s })) ?? []);

/** What a passage (its heading, its sentences) says against a claim, as the verifier reads a cited passage. */
const contradictingSentence = (claim: string, passages: { text: string; heading: string }[]) =>
  saidAgainst(
    claim,
    passages.map((p) => [
      { text: p.heading, heading: true },
      ...splitSentences(p.text).map((text) => ({ text, heading: false })),
    ]),
  );

describe("what a context says of another collectivité, and what the corpus says against it", () => {
  it("« la ville de Nantes », « la métropole de Lille » are others, « la ville » and « la communauté de communes » us", () => {
    expect(
      contextClaims(
        "La ville de Nantes utilise toujours LibreOffice. La métropole de Lille a quitté Microsoft. La ville renouvelle son parc en 2027. La communauté de communes compte 40 agents.",
        "Saint-Maixent",
      ),
    ).toEqual(["La ville de Nantes utilise toujours LibreOffice", "La métropole de Lille a quitté Microsoft"]);
    // What the user says of others is checked, never attributed to them as their own information.
    expect(attributedContext("La ville de Nantes utilise toujours LibreOffice.", "Saint-Maixent", "selon nous")).toBe(
      "La ville de Nantes utilise toujours LibreOffice.",
    );
  });

  it("« X utilise toujours Y » against a passage saying X went back to something else, or gave Y up", () => {
    const passage = (text: string, heading = "Autre chose") => [{ text, heading }];
    expect(
      contradictingSentence(
        "La ville de Vienne utilise toujours Linux",
        passage("Vienne : la ville a voté en 2009 un retour à Windows. Elle a formé ses agents."),
      ),
    ).toBe("Vienne : la ville a voté en 2009 un retour à Windows.");
    // Named in the heading only, the subject is the passage's.
    expect(
      contradictingSentence(
        "Le canton de Soleure reste sous Linux",
        passage("Le conseil a décidé l'abandon de Linux en 2010.", "Soleure : la fin du projet"),
      ),
    ).toBe("Le conseil a décidé l'abandon de Linux en 2010.");
    // Back to what the claim says it still uses, or having given up something else: no contradiction.
    expect(
      contradictingSentence(
        "La ville de Vienne utilise toujours Linux",
        passage("Vienne : après un essai, retour à Linux en 2012."),
      ),
    ).toBeNull();
    expect(
      contradictingSentence(
        "La ville de Vienne utilise toujours Linux",
        passage("Vienne a quitté Windows en 2005 pour Linux."),
      ),
    ).toBeNull();
    // Another subject's return says nothing of this one.
    expect(
      contradictingSentence(
        "La ville de Vienne utilise toujours Linux",
        passage("Munich a décidé un retour à Windows."),
      ),
    ).toBeNull();
  });

  it("« le texte X oblige les mairies » against « X ne s'applique pas aux collectivités »", () => {
    const passages = [
      {
        text: "La directive NIS 2 vise les entités essentielles. Le décret NIS 2 ne s'applique pas aux petites collectivités de moins de 30 000 habitants.",
        heading: "NIS 2",
      },
    ];
    expect(contradictingSentence("Le décret NIS 2 oblige toutes les mairies à se déclarer", passages)).toMatch(
      /^Le décret NIS 2 ne s'applique pas/,
    );
    // Another text, or a class the passage does not speak of: nothing against it.
    expect(contradictingSentence("Le RGPD oblige toutes les mairies à tenir un registre", passages)).toBeNull();
    expect(contradictingSentence("Le décret NIS 2 oblige les hôpitaux à se déclarer", passages)).toBeNull();
  });

  it("a heading that says what something is not denies the figures it names", () => {
    const refuted = refutedFigures(
      "Plusieurs médias ont titré que l'Italie remplaçait 800 000 postes. Le texte n'engage que le ministère.",
      "Italie : ce que la décision n'est pas (les 800 000 postes de l'administration)",
    );
    expect(refuted.map((r) => r.figure.value)).toEqual([800000]);
    expect(refutedFigures("Le ministère passe 800 000 postes sous Linux.", "Italie : la décision")).toEqual([]);
  });

  it("finds a claim the model restated in its own words, as it wrote it", () => {
    const said = "Le texte X impose déjà aux régions un hébergement qualifié des données de santé";
    const text = `${said} [1]. Munich a voté un retour à Windows [2].`;
    expect(
      statedClaims(
        text,
        [`${said} depuis 2023`, "Lyon a quitté Microsoft en 2025"],
        [{ text: `${said} [1].` }, { text: "Munich a voté un retour à Windows [2]." }],
      ),
    ).toEqual([said]);
  });

  it("a figure never ends on the « d' » of the next word", () => {
    expect(extractFigures("les 3,2 millions d'habitants").map((f) => f.raw)).toEqual(["3,2 millions"]);
    expect(extractFigures("12 millions d'euros").map((f) => f.raw)).toEqual(["12 millions d'euros"]);
  });
});

describe("trial6's letter without a model", () => {
  let engine: Engine;
  let close: () => Promise<void>;
  let letter: { draft: Draft; markdown: string };
  beforeAll(async () => {
    ({ engine, close } = await realCorpusEngine("cap-libre-trial6-letter-"));
    letter = await write(engine);
  }, 180_000);
  afterAll(() => close?.());

  const sentence = (words: string) => sentencesOf(letter.draft).find((s) => s.text.includes(words))!;

  it("reads firm in its requests and its ending, not only in its closing formula (trial19 L3)", async () => {
    expect(letter.markdown).toContain("Nous vous demandons donc");
    expect(letter.markdown).toContain("Ces demandes appellent une réponse");
    const courteous = await writeDraft(engine, { ...LETTER, inputs: { ...LETTER.inputs, tone: "courtois" } });
    expect(courteous.markdown).toContain("nous vous proposons");
    expect(courteous.markdown).toContain("Nous restons à votre disposition");
    expect(courteous.markdown).not.toContain("Nous vous demandons donc");
    expect(courteous.markdown).not.toContain("Ces demandes appellent une réponse");
  });

  it("marks the arguments the corpus contradicts « non vérifié », with what the corpus says", () => {
    const munich = sentence("Munich utilise toujours Linux");
    expect(munich.status).toBe("unsupported");
    expect(munich.reasons.join(" ")).toMatch(/contraire.*retour à Windows/);
    expect(munich.text).not.toContain("selon nos informations");
    const sren = sentence("La loi SREN oblige déjà");
    expect(sren.status).toBe("unsupported");
    expect(sren.reasons.join(" ")).toMatch(/contraire.*ne s'applique pas non plus aux collectivités/);
    const dinum = sentence("La DINUM migre");
    expect(dinum.status).toBe("unsupported");
    expect(dinum.reasons.join(" ")).toMatch(/inexact.*n'est pas \(les 2,5 millions de PC/);
    // True arguments stay as written.
    expect(sentence("La ville de Lyon a annoncé").status).toBe("supported");
    const md = letter.markdown;
    expect(md).toMatch(/\*\*La ville de Munich utilise toujours Linux avec succès\*\* \*\*\[non vérifié\]\*\*/);
    expect(md).toMatch(/La DINUM migre les \*\*2,5 millions\*\* d'ordinateurs[^.]*\*\*\[non vérifié\]\*\*\./);
    expect(md).not.toContain("Munich utilise toujours Linux avec succès (selon nos informations)");
  });

  it("quotes for an audit plan's scope passages about it, not one that names its words in passing", async () => {
    const scope = loadStructure("audit-plan").sections.find((s) => s.key === "scope")!;
    const vars = baseVars({ name: "Communauté de communes du Pays de Retz", kind: "intercommunalite" });
    const { passages } = await retrievePassages(scope, vars, engine.retriever);
    const ids = passages.map((p) => p.document.id);
    expect(ids).toContain("guidance/sept-categories-dependances-numeriques");
    // « L'authentification ne figure pas parmi les sept catégories … » under « ProConnect … »: about something else.
    expect(ids).not.toContain("guidance/proconnect");
  });

  it("says the same in the ODT and DOCX exports", async () => {
    for (const [format, file] of [
      ["odt", "content.xml"],
      ["docx", "word/document.xml"],
    ] as const) {
      const xml = strFromU8(unzipSync((await exportDraft(letter.draft, format)).bytes)[file]!)
        .replace(/<[^>]+>/g, "")
        .replaceAll("&apos;", "'");
      expect(xml, format).toMatch(/La ville de Munich utilise toujours Linux avec succès\s*\[non vérifié\]/);
      expect(xml, format).toMatch(/2,5 millions d['’]ordinateurs[^.]*\[non vérifié\]\./);
    }
  });
});

describe("trial6's letter with a model", () => {
  let engine: Engine;
  let close: () => Promise<void>;
  let ollama: FakeOllama;
  let letter: { draft: Draft; markdown: string };
  beforeAll(async () => {
    ollama = await startFakeOllama({
      reply:
        "La loi SREN oblige déjà toutes les communes à héberger leurs données dans un cloud qualifié SecNumCloud [1]. La ville de Munich utilise toujours Linux avec succès [2]. La DINUM migre les 2,5 millions d'ordinateurs de l'État sous Linux [1].",
    });
    ({ engine, close } = await realCorpusEngine("cap-libre-trial6-model-", (env) =>
      withTestProvider({ ...env, OLLAMA_BASE_URL: ollama.url }),
    ));
    letter = await write(engine);
  }, 180_000);
  afterAll(async () => {
    await close?.();
    await ollama?.close();
  });

  it("flags the sentences the corpus contradicts as without a model, and credits them to no source", () => {
    const generated = letter.draft.versions[0]!.sections.filter((s) => s.mode === "generated");
    expect(generated.length).toBeGreaterThan(0);
    for (const section of generated) {
      for (const s of section.verification!.sentences.filter((x) => /SREN|Munich|DINUM/.test(x.text)))
        expect(s.status, s.text).toBe("unsupported");
      const munich = section.verification!.sentences.find((x) => x.text.includes("Munich"))!;
      expect(munich.reasons.join(" ")).toMatch(/contraire.*retour à Windows/);
      // A passage cited only by flagged sentences names no source for them.
      for (const c of section.citations) expect(c.sources, JSON.stringify(c)).toEqual([]);
    }
    expect(letter.markdown).not.toMatch(/Banque des Territoires|Linux Quimper, courriel/);
    expect(letter.markdown).not.toContain("millions d' ");
  });
});
