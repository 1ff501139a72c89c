import { describe, expect, it } from "vitest";
import { cleanGenerated } from "../../server/drafting/generate.ts";
import { buildDocument, inlineText } from "../../server/export/model.ts";
import { verifyText } from "../../server/verify/index.ts";
import { sampleDraft } from "../helpers/drafts.ts";

const passages = [
  {
    n: 1,
    text: "Gendarmerie nationale — Les économies\nLa Gendarmerie a économisé 2 millions d'euros par an sur ses licences (Assemblée nationale, 2021).\nElle compte 80 000 postes sous Ubuntu.",
  },
  {
    n: 2,
    text: "Gendarmerie nationale — les chiffres non confirmés (534 millions d'euros)\nUn article de presse avance 534 millions d'euros d'économies, chiffre non confirmé par la Gendarmerie.",
  },
];

describe("verification of a generated text", () => {
  it("supports a sentence whose figure, context and names are in the cited passage", () => {
    const v = verifyText("La Gendarmerie a économisé 2 millions d'euros par an sur ses licences [1].", passages);
    expect(v.sentences.map((s) => s.status)).toEqual(["supported"]);
    expect(v.counts.supported).toBe(1);
  });

  it("flags an invented figure, and a true figure attached to the wrong thing", () => {
    const v = verifyText(
      "La Gendarmerie a économisé 95 millions d'euros en 2031 [1]. Elle compte 2 millions de postes sous Ubuntu [1].",
      passages,
    );
    expect(v.sentences.map((s) => s.status)).toEqual(["unsupported", "unsupported"]);
    expect(v.sentences[0]!.reasons.join()).toContain("95 millions d'euros");
    expect(v.sentences[1]!.reasons.join()).toContain("pour autre chose");
  });

  it("reports citations to passages never given, without changing the text", () => {
    const text =
      "La Gendarmerie compte 80 000 postes sous Ubuntu [7]. Elle a économisé 2 millions d'euros par an [1][9].";
    const v = verifyText(text, passages);
    expect(v.sentences.map((s) => s.status)).toEqual(["invalid-citation", "invalid-citation"]);
    expect(v.counts.invalidMarkers).toBe(2);
    expect(v.sentences.map((s) => s.invalidCitations)).toEqual([[7], [9]]);
  });

  it("flags a figure the corpus qualifies when quoted as a fact, not when its qualification is kept", () => {
    expect(verifyText("La Gendarmerie a économisé 534 millions d'euros [2].", passages).sentences[0]!.status).toBe(
      "unsupported",
    );
    expect(
      verifyText("La Gendarmerie aurait économisé 534 millions d'euros, un chiffre non confirmé [2].", passages)
        .sentences[0]!.status,
    ).toBe("supported");
  });

  it("flags a claim and names found in no passage, and leaves « Je ne sais pas » alone", () => {
    const v = verifyText(
      "Je ne sais pas. La ville de Dortmund a migré ses serveurs vers Kubernetes avec Red Hat [1].",
      passages,
    );
    expect(v.sentences.map((s) => s.status)).toEqual(["no-claim", "unsupported"]);
    expect(v.sentences[1]!.reasons.join()).toContain("Dortmund");
  });

  it("keeps the offsets of each sentence in the text", () => {
    const text = "Premier point sur la Gendarmerie [1].\nSecond point : 80 000 postes sous Ubuntu [1].";
    for (const s of verifyText(text, passages).sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe("drafts keep what the model cited", () => {
  it("never deletes a marker to a missing passage", () => {
    expect(cleanGenerated("Les gendarmes ont économisé 95 M€ [7] grâce à Linux [1].", "Titre", 2)).toContain("[7]");
  });

  it("marks unverified sentences and invalid citations in the export model", () => {
    const draft = sampleDraft();
    const section = draft.versions[0]!.sections[0]!;
    section.text = "La Gendarmerie a économisé 95 millions d'euros [1]. Le séminaire a retenu sept catégories [9].";
    section.verification = verifyText(section.text, [{ n: 1, text: "La Gendarmerie a économisé 2 millions d'euros." }]);
    const model = buildDocument(draft);
    const body = model.body.map((b) => (b.kind === "paragraph" ? inlineText(b.inlines) : "")).join("\n");
    expect(body).toContain("95 millions d'euros[1] [non vérifié].");
    expect(body).toContain("[9 : citation invalide]");
    expect(model.front.some((b) => b.kind === "paragraph" && inlineText(b.inlines).includes("non vérifiée"))).toBe(
      true,
    );
  });
});

describe("optional second pass by the model", () => {
  it("reads the model's JSON verdict and only flags more", async () => {
    const { parseVerdict, confirmWithModel } = await import("../../server/verify/model-check.ts");
    expect(parseVerdict('{"soutenue": false, "raison": "le passage parle de 2 millions"}')).toEqual({
      supported: false,
      reason: "le passage parle de 2 millions",
    });
    expect(parseVerdict("Oui, sans doute.")).toBeNull();
    const v = verifyText(
      "La Gendarmerie a économisé 2 millions d'euros par an sur ses licences [1]. Elle a 95 millions de postes [1].",
      passages,
    );
    const said: string[] = [];
    const chat = {
      async *stream(turns: { content: string }[]) {
        said.push(turns[0]!.content);
        yield { type: "token" as const, text: '{"soutenue": false, "raison": "non"}' };
      },
    };
    const checked = await confirmWithModel(v, passages, chat as never, {
      signal: new AbortController().signal,
      numCtx: 4096,
    });
    expect(said).toHaveLength(1); // only the sentence the word checks accepted is asked about
    expect(checked.sentences.map((s) => s.status)).toEqual(["unsupported", "unsupported"]);
    expect(checked.counts.unsupported).toBe(2);
  });
});

describe("what a figure is, and what qualifies it", () => {
  const vmware = {
    n: 1,
    text: "Les sept catégories — La virtualisation\nSelon le Cigref, VMware était utilisé en juin 2022 par 90 % des grandes organisations (Channelnews, juin 2022). La présentation de Millau Grands Causses (2026) parle d'une hausse de 430 % « du jour au lendemain ».",
  };

  it("flags a share of something else than the source's same number (« 430 % des grandes organisations »)", () => {
    const v = verifyText(
      "VMware était utilisé en juin 2022 par 430 % des grandes organisations [1]. VMware était utilisé par 90 % des grandes organisations [1].",
      [vmware],
    );
    expect(v.sentences.map((s) => s.status)).toEqual(["unsupported", "supported"]);
    expect(v.sentences[0]!.reasons.join()).toContain("pour autre chose");
  });

  it("does not read the date of a source reference as a figure of the sentence", () => {
    const v = verifyText("VMware était utilisé par 90 % des grandes organisations (Channelnews, juin 2019) [1].", [
      vmware,
    ]);
    expect(v.sentences[0]!.status).toBe("supported");
  });

  it("takes the qualification of a heading from its section, not from the years of the document title", () => {
    const page = {
      n: 1,
      text: "La Gendarmerie et GendBuntu (2004-2021) — les chiffres non confirmés (534 millions d'euros)\nLa présentation affirme 534 millions d'euros économisés depuis 2004. Les jalons de 2004 et de 2008 sont confirmés par la presse.",
    };
    const v = verifyText(
      "Les jalons de 2004 et de 2008 sont confirmés par la presse [1]. La Gendarmerie a économisé 534 millions d'euros depuis 2004 [1].",
      [page],
    );
    expect(v.sentences.map((s) => s.status)).toEqual(["supported", "unsupported"]);
    expect(v.sentences[1]!.reasons.join()).toContain("« non confirmés »");
  });

  it("reads structured data without a heading, and « avance par étapes » as no qualification", () => {
    const intro =
      "Le début demandé (octobre 2026) précède la date du document : il est reporté. Le calendrier commence en janvier 2027 et avance par étapes.";
    expect(verifyText(intro, [], { facts: [intro] }).counts.unsupported).toBe(0);
  });
});
