import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frenchDate, percentText } from "../../server/core/text.ts";
import { buildContext } from "../../server/drafting/context.ts";
import { freshnessNote, notesAsFacts, sectionFlags } from "../../server/drafting/generate.ts";
import { parseInputs } from "../../server/drafting/inputs.ts";
import { roadmapOwnData } from "../../server/drafting/own-data.ts";
import { planRoadmap } from "../../server/drafting/roadmap-plan.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import type { AnalysisItem, Draft, InventoryAnalysis } from "../../server/drafting/types.ts";
import { exportDraft } from "../../server/export/index.ts";
import { type Plan, progressOf } from "../../server/tracking/plan.ts";
import { noteFacts, noteOwnData } from "../../server/tracking/progress-note.ts";
import { verifyAgainstPlan } from "../../server/tracking/progress-note-model.ts";
import { sentenceSpans, verificationOf, verifyText } from "../../server/verify/index.ts";
import { checkOwnData } from "../../server/verify/own-figures.ts";
import { hasPdftotext, pdfText, xmlText } from "../helpers/export-text.ts";
import { copyCorpus, postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

/** A letter whose sentences `flagged` (their index) the verification did not support. */
function letterWith(text: string, flagged: number[], figures: string[] = []): Draft {
  const spans = sentenceSpans(text);
  const verification = verificationOf(
    spans.map((s, i) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      citations: [],
      invalidCitations: [],
      status: flagged.includes(i) ? ("unsupported" as const) : ("supported" as const),
      reasons: flagged.includes(i) ? ["Aucun passage ne le dit."] : [],
    })),
  );
  return {
    id: "t7",
    type: "letter",
    title: "Courrier",
    collectivite: "Commune de Lanvéoc",
    inputs: { date: "2026-12-05" },
    createdAt: "2026-12-05T10:00:00.000Z",
    versions: [
      {
        at: "2026-12-05T10:00:00.000Z",
        cause: "generate",
        sections: [
          {
            key: "body",
            title: "Corps",
            text,
            citations: [],
            flags: figures.map((figure) => ({ figure, reason: "absent des passages" })),
            mode: "generated",
            toComplete: false,
            heading: false,
            passageIds: [],
            verification,
          },
        ],
      },
    ],
  };
}

describe("B6: « [non vérifié] » belongs to its sentence in every export", () => {
  const text =
    "La Ville de Tulle a migré ses écoles en mars 2031. Le Conseil départemental de la Creuse a gardé Windows. Brive a quitté Exchange ?";
  const draft = letterWith(text, [0, 2], ["2031"]);

  it("sits before the full stop (or question mark), never after it before the next sentence", async () => {
    const md = strFromU8((await exportDraft(draft, "md")).bytes).replace(/\s+/g, " ");
    const odt = xmlText((await exportDraft(draft, "odt")).bytes, "content.xml");
    const docx = xmlText((await exportDraft(draft, "docx")).bytes, "word/document.xml");
    const texts: [string, string][] = [
      ["md", md.replaceAll("**", "")],
      ["odt", odt],
      ["docx", docx],
    ];
    if (hasPdftotext) texts.push(["pdf", await pdfText((await exportDraft(draft, "pdf")).bytes)]);
    for (const [format, t] of texts) {
      // One mark a sentence: its flagged figure is highlighted, the sentence says « [non vérifié] » once.
      expect(t, format).toMatch(/mars 2031\s*\[non vérifié\]\s*\.\s*Le Conseil/);
      expect(t, format).toMatch(/quitté Exchange\s*\[non vérifié\]\s*\?/);
      expect(t, format).not.toMatch(/[.?!]\s*\[non vérifié\]/);
    }
  });
});

describe("B7: the audit plan lists each business software once", () => {
  const business = (name: string, installations: number, product: AnalysisItem["product"]): AnalysisItem => ({
    name,
    installations,
    category: "business",
    extraEuropean: false,
    openSource: false,
    product,
  });
  const analysis: InventoryAnalysis = {
    id: "parc-lanveoc",
    createdAt: "2026-11-20T10:00:00.000Z",
    items: [
      // Two modules of one product, mapped to its catalog card; a third spelled otherwise by hand.
      business("e.magnus Gestion financière", 22, { id: "bl-emagnus", name: "Berger-Levrault e.magnus" }),
      business("e.magnus Ressources humaines", 9, { id: "bl-emagnus", name: "Berger-Levrault e.magnus" }),
      business("BERGER-LEVRAULT  E.MAGNUS", 3, null),
      business("Sedit Marianne", 4, { id: "sedit", name: "Sedit Marianne" }),
      business("Logiciel de l'état civil", 2, null),
    ],
  };

  it("merges names that differ only by case, accents or spacing, and leaves out those the DSI typed", () => {
    const ctx = buildContext(
      "audit-plan",
      parseInputs("audit-plan", {
        collectivite: { name: "Commune de Lanvéoc" },
        businessSoftware: ["Logiciel de l’Etat civil"],
      }),
      analysis,
      loadStructure("audit-plan"),
      "2026-12-05T10:00:00.000Z",
    );
    const row = ctx.vars.scope_table!.split("\n").find((l) => l.includes("Relevés par la cartographie"))!;
    const mapped = /Relevés par la cartographie : ([^|]*?)\.\s*\|/.exec(row)![1]!.split(", ");
    expect(mapped).toEqual(["Berger-Levrault e.magnus", "Sedit Marianne"]);
  });
});

describe("A0: « L'essentiel » of a progress note against the plan's own figures", () => {
  const cp = (date: string, value: number) => ({
    analysisId: `a-${date}`,
    date,
    value,
    weighted: value,
    raw: value - 6,
    installations: 240,
    dependencies: [],
    recordedAt: date,
  });
  const plan = {
    id: "p",
    slug: "commune-de-plouzane",
    collectivite: { name: "Commune de Plouzané", kind: "commune" },
    title: "Plan",
    measure: "weighted",
    adoptedAt: "2026-02-01T10:00:00.000Z",
    target: { value: 30, date: "2029-12-31" },
    milestones: [
      { date: "2027-01-01", value: 68, label: "Messagerie" },
      { date: "2027-09-01", value: 57, label: "Bureautique" },
      { date: "2029-12-31", value: 30, label: "Fin du plan" },
    ],
    products: [{ name: "Zimbra Collaboration", productId: null, by: "BlueMind", dueDate: "2027-01-01" }],
    checkpoints: [cp("2026-02-01", 79), cp("2026-10-01", 63)],
    events: [],
    publication: null,
    log: [],
    version: 2,
  } as unknown as Plan;
  const today = "2026-10-15";
  const progress = progressOf(plan, today);
  const facts = noteFacts(plan, progress, today);
  const own = noteOwnData(plan, progress);
  const latest = progress.latest!;
  const check = (s: string) => verifyAgainstPlan(s, facts, own).sentences[0]!;
  const at = frenchDate("2026-10-01");

  it("the plan is ahead: its data say so", () => {
    expect(latest.standing).toBe("ahead");
  });

  it("flags a standing word the data contradict, and says what they say", () => {
    const wrong = check(
      `Au dernier inventaire du ${at}, la mesure est de ${percentText(63)}, pour ${percentText(latest.planned)} prévus : le plan est en retard.`,
    );
    expect(wrong.status).toBe("unsupported");
    expect(wrong.reasons.join(" ")).toMatch(/« en retard ».*le plan est en avance/);
    expect(check("La collectivité avance moins vite que prévu.").status).toBe("unsupported");
    expect(check("Le plan n'est pas en retard.").status).not.toBe("unsupported");
    for (const ok of [
      `Au dernier inventaire du ${at}, la mesure est de ${percentText(63)}, pour ${percentText(latest.planned)} prévus : le plan est en avance.`,
      "Le plan est en avance sur sa trajectoire.",
    ])
      expect([ok, check(ok).reasons]).toEqual([ok, []]);
  });

  it("flags a milestone figure given for another milestone's date, and the next milestone's", () => {
    // 57 % is a milestone of the plan, but of 1 September 2027.
    const swapped = check(`Le prochain jalon est de 57 % au ${frenchDate("2027-01-01")}.`);
    expect(swapped.status).toBe("unsupported");
    expect(swapped.reasons.join(" ")).toMatch(/68\s%/);
    expect(check("Le prochain jalon est fixé à 57 %.").status).toBe("unsupported");
    for (const ok of [
      `Le prochain jalon est de 68 % au ${frenchDate("2027-01-01")}.`,
      `Le jalon du ${frenchDate("2027-09-01")} est de 57 %.`,
      `La mesure est de 63 %, le prochain jalon étant à 68 %.`,
      `L'objectif de 30 % doit être atteint au plus tard le ${frenchDate("2029-12-31")}.`,
      "Zimbra Collaboration est en retard sur son échéance.",
    ])
      expect([ok, check(ok).reasons]).toEqual([ok, []]);
  });
});

describe("A6: a hand edit of a roadmap is checked against the roadmap's own figures", () => {
  const analysis = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8"));
  let server: TestServer;
  let id = "";
  let line: { name: string; alternative: string; points: number };
  let corpus = "";
  beforeAll(async () => {
    // A corpus page that says a town went back to what a user may say it kept.
    corpus = await copyCorpus();
    await mkdir(path.join(corpus, "case-studies"), { recursive: true });
    await writeFile(
      path.join(corpus, "case-studies", "fribourg.md"),
      `---\ntitle: "Fribourg-en-Brisgau et OpenOffice"\nkind: case-study\ndate: 2024\nterritory: Allemagne\ncategories: [workstation]\nsources:\n  - title: "heise online, « Freiburg kehrt zu Microsoft Office zurück »"\n    url: https://www.heise.de/\n    date: 2012-11\n---\n## Fribourg-en-Brisgau : le retour à Microsoft Office\n\nFribourg-en-Brisgau avait installé OpenOffice sur les postes de ses services en 2007. La ville est revenue à Microsoft Office en 2013, après des difficultés d'échange de documents avec ses partenaires (heise online, novembre 2012).\n`,
    );
    server = await startTestServer({ CORPUS_DIR: corpus });
    await server.engine.records("analyses").put(analysis.id, analysis);
    const events = await readSse(
      await postJson(`${server.url}/api/drafts`, {
        type: "roadmap",
        inputs: { collectivite: { name: "Commune de Saint-Pabu" }, analysisId: analysis.id, targetDate: "2029-06" },
      }),
    );
    id = events.at(-1)!.data.id;
    const draft = await (await fetch(`${server.url}/api/drafts/${id}`)).json();
    const phases = draft.versions[0].sections.find((s: any) => s.key === "phases").text as string;
    // « - **Zoom Workplace** (…) → Visio (…) — 5 points d'exposition pondérée en moins »: what the roadmap computes.
    const m = /- \*\*([^*]+)\*\* \([^)]*\) → ([^(]+?) \([^)]*\) — (\d+(?:,\d)?)\s?points?/u.exec(phases)!;
    line = { name: m[1]!, alternative: m[2]!.trim(), points: Number(m[3]!.replace(",", ".")) };
  });
  afterAll(async () => {
    await server?.stop();
    if (corpus) await rm(corpus, { recursive: true, force: true });
  });

  const edit = async (text: string) => {
    const res = await fetch(`${server.url}/api/drafts/${id}/sections/target`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
    });
    expect(res.status).toBe(200);
    return (await res.json()).versions.at(-1).sections.find((s: any) => s.key === "target");
  };

  it("flags a gain in points the roadmap does not compute for that replacement, with the computed one", async () => {
    const wrong = `${line.points + 7} points`;
    const section = await edit(
      `Le remplacement de ${line.name} par ${line.alternative} supprimera à lui seul ${wrong} d'exposition pondérée.`,
    );
    const sentence = section.verification.sentences[0];
    expect(sentence.status).toBe("unsupported");
    expect(sentence.reasons.join(" ")).toContain(`${line.name} → ${line.alternative}`);
    expect(section.flags.map((f: any) => f.figure)).toContain(wrong);
    const right = await edit(
      `Le remplacement de ${line.name} par ${line.alternative} supprimera à lui seul ${String(line.points).replace(".", ",")} points d'exposition pondérée.`,
    );
    expect(right.verification.sentences[0].reasons).toEqual([]);
    expect(right.flags).toEqual([]);
  });

  it("checks what the user writes of others against the corpus, a paraphrase of « toujours » too", async () => {
    const section = await edit(
      "Nous visons la sortie de Microsoft Office. Fribourg-en-Brisgau est restée sous OpenOffice jusqu'à aujourd'hui.",
    );
    const claim = section.verification.sentences.find((s: any) => s.text.includes("Fribourg"));
    expect(claim.status).toBe("unsupported");
    expect(claim.reasons.join(" ")).toMatch(/contraire.*revenue à Microsoft Office/);
    expect(section.flags.some((f: any) => /contraire/.test(f.reason))).toBe(true);
  });
});

describe("B10: a « depuis » later than its source, and a date note that vouches for nothing", () => {
  it("never says a source describes a situation that began after it was written", () => {
    const note = freshnessNote(
      "Plouguerneau héberge ses courriels chez un opérateur public depuis 2025.",
      "2026-12-05",
      "2026-03",
      "2018-06-12",
    )!;
    expect(note).not.toMatch(/situation décrite par une source/);
    expect(note).toMatch(/« depuis 2025 ».*12 juin 2018.*après/);
    // A « depuis » before an old source keeps its note.
    expect(
      freshnessNote(
        "Plouguerneau héberge ses courriels chez un opérateur public depuis 2015.",
        "2026-12-05",
        "2026-03",
        "2018-06-12",
      ),
    ).toMatch(/situation décrite par une source du 12 juin 2018, il y a plus d'un an/);
    // A source dated by its year only may have been written after a « depuis » of the same year: it is compared at the
    // precision both dates have, so « depuis le 1er mars 2024 » on a source « 2024 » is an old source, not a later one.
    const sameYear = freshnessNote(
      "Depuis le 1er mars 2024, la licence coûte 8 % de plus.",
      "2026-12-05",
      "2026-03",
      "2024",
    );
    expect(sameYear).not.toMatch(/commencée après/);
    expect(sameYear).toMatch(/situation décrite par une source de 2024/);
  });

  it("does not let the note's quotation of the sentence back the sentence's own figure", () => {
    const note = freshnessNote("Plouguerneau utilise Nextcloud depuis 2025.", "2026-12-05", "2026-03", "2018-06-12")!;
    const text = `Plouguerneau utilise Nextcloud depuis 2025 [1]. *(${note})*`;
    const used = [
      {
        text: "Plouguerneau a installé Nextcloud pour ses services (Le Télégramme, 12 juin 2018).",
        section: "Plouguerneau",
        document: { title: "Plouguerneau", date: "2026-03" },
      },
    ] as Parameters<typeof sectionFlags>[1];
    expect(sectionFlags(text, used, notesAsFacts([note])).map((f) => f.figure)).toContain("2025");
  });
});

describe("B6/B10: a sentence followed by its date note is a sentence of its own", () => {
  it("ends at the note (« … [2]. *(…)* »), so the next sentence gets its own mark", () => {
    const text =
      "Trébeurden utilise Linux depuis 2019 [2]. *(« depuis 2019 » : situation décrite par une source du 3 mars 2020, il y a plus d'un an ; elle a pu changer depuis.)* Elle a obtenu le label en 2021 [2].";
    const spans = sentenceSpans(text).map((s) => s.text);
    expect(spans).toHaveLength(2);
    expect(spans[0]).toMatch(/\)\*$/);
    expect(spans[1]).toMatch(/^Elle a obtenu/);
  });
});

describe("A6: the target is the roadmap's own, not a letter's request", () => {
  const analysis = JSON.parse(readFileSync("test/fixtures/drafting/analysis.json", "utf8")) as InventoryAnalysis;
  const plan = planRoadmap(analysis, { now: "2026-12-05T10:00:00.000Z" });
  const reasons = (sentence: string, own: ReturnType<typeof roadmapOwnData>) =>
    checkOwnData(verifyText(sentence, [{ n: 1, text: sentence }]), own, "les chiffres").sentences[0]!.reasons;
  const wrong = `L'objectif est de ${Math.round(plan.target.value) - 13} % d'exposition pondérée.`;

  it("flags another target in the roadmap, and leaves a letter's requested one alone", () => {
    expect(reasons(wrong, roadmapOwnData(plan, { date: "2029-06" })).join(" ")).toMatch(/objectif/);
    expect(reasons(wrong, roadmapOwnData(plan))).toEqual([]);
  });
});

describe("a figure its source only reports (faithful17, 6 December 2026)", () => {
  const used = [
    {
      text: "Le département a annoncé 4,2 millions d'euros d'économies, un chiffre communiqué par le département lui-même, sans méthode détaillée.",
      section: "Coûts",
      document: { title: "Exemple", date: "2026-03" },
    },
  ] as Parameters<typeof sectionFlags>[1];

  it("keeps its reserve in a sentence that says who reports it", () => {
    const text = "Le département a fait état de 4,2 millions d'euros d'économies [1].";
    expect(sectionFlags(text, used, []).map((f) => f.figure)).not.toContain("4,2 millions d'euros");
  });

  it("is flagged when stated as a plain fact", () => {
    const text = "La migration a fait économiser 4,2 millions d'euros au département [1].";
    expect(sectionFlags(text, used, []).map((f) => f.figure)).toContain("4,2 millions d'euros");
  });
});
