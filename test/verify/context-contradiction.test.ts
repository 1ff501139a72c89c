/**
 * The context the DSI typed for a document is a source of its checks: a generated sentence that says the contrary
 * (« notre logiciel de paie ne fonctionne que sous Windows » / « fonctionne parfaitement sous Linux », clean-clone
 * trial N-H3, shown verified) is marked « non vérifié » with a reason naming the context.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildContext } from "../../server/drafting/context.ts";
import { checkedSection } from "../../server/drafting/generate.ts";
import { auditPlanInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import type { Retriever } from "../../server/retrieval/search.ts";
import { contextContradictions } from "../../server/verify/context-contradiction.ts";
import { verifyText } from "../../server/verify/index.ts";

const PASSAGE =
  "Linux dans les collectivités — Postes de travail\nLa gendarmerie a migré ses postes sous Linux ; les logiciels " +
  "métiers fonctionnent parfaitement sous Linux lorsqu'ils sont accessibles par le navigateur.";
const CONTEXT =
  "Nous avons 40 postes. Notre logiciel de paie ne fonctionne que sous Windows. Le logiciel de gestion des marchés " +
  "n'est pas compatible avec LibreOffice.";

const check = (section: string, context = CONTEXT) =>
  contextContradictions(
    verifyText(section, [{ n: 1, text: PASSAGE }], { facts: [`Contexte local : ${context}`], modelText: section }),
    context,
    "2026-12-07",
  ).sentences;

describe("a document sentence contradicting the DSI's context", () => {
  it.each([
    "Le logiciel de paie fonctionne parfaitement sous Linux [1].",
    "Notre logiciel de paie pourra fonctionner sous Linux dès la migration des postes.",
    "Le logiciel de gestion des marchés est compatible avec LibreOffice.",
  ])("« %s » is flagged, its reason naming the context", (section) => {
    const [s] = check(section);
    expect(s!.status).toBe("unsupported");
    expect(s!.reasons.join(" ")).toMatch(/contexte que vous avez saisi/);
  });

  it.each([
    "Le logiciel de paie fonctionne sous Windows : il restera sur des postes Windows.",
    "Les postes bureautiques fonctionneront sous Linux [1].",
    "Le logiciel de paie ne fonctionne pas sous Linux.",
    "Le logiciel de gestion des marchés n'est pas compatible avec LibreOffice.",
  ])("« %s » is not flagged for the context", (section) => {
    const [s] = check(section);
    expect(s!.reasons.join(" ")).not.toMatch(/contexte que vous avez saisi/);
  });

  it("leaves a verification without context as it is", () => {
    const v = verifyText("Le logiciel de paie fonctionne parfaitement sous Linux [1].", [{ n: 1, text: PASSAGE }]);
    expect(contextContradictions(v, undefined)).toBe(v);
  });
});

/** Clean-clone trial21 T-H4: the DSI's context as typed, sentences of the model's roadmap shown verified. */
const TRIAL =
  "Notre logiciel de paie (Sage Paie & RH) ne fonctionne que sous Windows. Pas de changement de poste de travail " +
  "avant septembre 2027 : le marché de renouvellement des PC court jusqu'à août 2027.";

describe("a roadmap sentence contradicting the trial's context (T-H4)", () => {
  it.each([
    // A restriction against the restriction: same verb, same preposition, another thing.
    ["Le logiciel de paie ne fonctionne que sous Linux.", /ne fonctionne que sous Windows/],
    // The same thing said to run with another system, by another verb of running.
    ["Notre logiciel de paie est compatible avec Debian.", /ne fonctionne que sous Windows/],
    ["Le logiciel de paie fonctionne aussi bien sous Linux que sous Windows.", /ne fonctionne que sous Windows/],
    ["Le logiciel de paie tourne sous Windows et sous Ubuntu.", /ne fonctionne que sous Windows/],
    // The thing named by the name the context gives it in parentheses.
    ["Sage Paie & RH tourne aussi sous Ubuntu.", /ne fonctionne que sous Windows/],
    // A date before the context's earliest one, for the same thing changed.
    [
      "La migration des postes de travail vers Debian commencera dès mars 2027, en commençant par le service de la paie.",
      /avant septembre 2027/,
    ],
    ["Les postes de travail passeront sous Linux en 2026.", /avant septembre 2027/],
  ])("« %s » is flagged, its reason quoting the context", (section, quoted) => {
    const [s] = check(section, TRIAL);
    expect(s!.status).toBe("unsupported");
    const reasons = s!.reasons.join(" ");
    expect(reasons).toMatch(/contexte que vous avez saisi/);
    expect(reasons).toMatch(quoted);
  });

  it.each([
    "Les postes de la paie resteront sous Windows tant que Sage Paie & RH l'exige.",
    "Le logiciel de paie ne fonctionne que sous Windows.",
    "Le logiciel de paie fonctionne sous Windows 11.",
    "Le logiciel de paie fonctionne sur un serveur dédié.",
    "Le logiciel de paie fonctionne sous Windows avec Sage Paie & RH et une base SQL Server.",
    "Le logiciel de paie n'est pas compatible avec Debian.",
    "Le changement des postes de travail commencera en octobre 2027.",
    "La migration des postes de travail ne commencera pas avant septembre 2027.",
    "Les postes de travail resteront sous Windows jusqu'en mars 2027.",
    "La migration de la messagerie commencera en mars 2027.",
    "Le marché de renouvellement des PC court jusqu'à août 2027.",
    // Read in the burned faithful-blind answers against typed contexts: a hypothesis, a deadline someone else sets.
    "Si le logiciel de paie tournait sous Linux, la commune pourrait changer tous ses postes.",
    "Sur les postes de travail, environ 800 postes doivent passer sous Linux d'ici fin 2026, puis 35 700 d'ici fin 2027.",
    "Les postes de travail doivent être migrés avant le 12 janvier 2027 selon le texte cité.",
  ])("« %s » is not flagged for the context", (section) => {
    const [s] = check(section, TRIAL);
    expect(s!.reasons.join(" ")).not.toMatch(/contexte que vous avez saisi/);
  });
});

describe("an earliest date the context gives in other words", () => {
  it.each([
    [
      "La migration des postes de travail, pas avant juin 2028.",
      "Les postes de travail passeront sous Linux en janvier 2028.",
    ],
    [
      "Les postes de travail ne changeront pas avant 2028.",
      "Le remplacement des postes de travail débutera en mai 2027.",
    ],
    [
      "Les postes de travail seront changés au plus tôt en 2028.",
      "Les postes de travail migreront vers Ubuntu en 2027.",
    ],
  ])("« %s » / « %s » is flagged", (context, section) => {
    const [s] = check(section, context);
    expect(s!.reasons.join(" ")).toMatch(/contexte que vous avez saisi/);
  });
});

describe("a section is checked against the context its document was given", () => {
  const retriever: Retriever = {
    mode: async () => "fulltext",
    search: async () => ({ mode: "fulltext", results: [] }),
  };
  const used = [
    {
      text: PASSAGE.split("\n")[1]!,
      section: "Postes de travail",
      document: { id: "linux", title: "Linux dans les collectivités", kind: "fiche", date: "2026-01", url: null },
    },
  ];

  it("flags, in checkedSection, the model's sentence that says the contrary of the context", async () => {
    const text = "Le logiciel de paie fonctionne parfaitement sous Linux [1].";
    const { verification } = await checkedSection(text, used, {
      facts: [`Contexte local : ${CONTEXT}`],
      quotations: [],
      retriever,
      modelText: text,
      context: CONTEXT,
    });
    expect(verification.sentences[0]!.status).toBe("unsupported");
    expect(verification.sentences[0]!.reasons.join(" ")).toMatch(
      /contexte que vous avez saisi.*ne fonctionne que sous Windows/,
    );
  });

  it("flags, in checkedSection, a start date before the context's earliest one (trial21 T-H4)", async () => {
    const text =
      "La migration des postes de travail vers Debian commencera dès mars 2027, en commençant par le service de la paie.";
    const { verification } = await checkedSection(text, used, {
      facts: [`Contexte local : ${TRIAL}`],
      quotations: [],
      retriever,
      modelText: text,
      today: "2026-12-07",
      context: TRIAL,
    });
    expect(verification.sentences[0]!.status).toBe("unsupported");
    expect(verification.sentences[0]!.reasons.join(" ")).toMatch(/contexte que vous avez saisi.*avant septembre 2027/);
  });

  it("carries the typed context in the document's context (audit plan, roadmap, letter, briefing)", () => {
    const fixture = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8")) as InventoryAnalysis;
    const inputs = auditPlanInputs.parse({
      collectivite: { name: "Commune de Saint-Pol", kind: "commune" },
      analysisId: fixture.id,
      context: CONTEXT,
      author: "DSI de Saint-Pol",
    });
    const ctx = buildContext("audit-plan", inputs, fixture, loadStructure("audit-plan"), "2026-12-07T10:00:00Z");
    expect(ctx.userContext).toBe(CONTEXT);
  });
});
