/**
 * The subject a question names however it is typed (`server/retrieval/subject-names.ts`): a word the passages write as
 * a name (« la gendarmerie » typed, « la Gendarmerie » written) is searched again when most passages found lack it,
 * and the answer quotes only the passages holding it — never Munich's reasons for its return to Windows read aloud as the Gendarmerie's (trial19 H5).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { nameCounts, subjectNames } from "../../server/retrieval/subject-names.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

describe("subjectNames", () => {
  const texts = [
    "En 2021, la Gendarmerie comptait 80 000 postes sous Linux. La Gendarmerie a testé Ubuntu.",
    "Gendarmerie nationale : le contexte. Voir https://example.org/gendarmerie-nationale pour la région.",
    "La Région Occitanie a changé d'outil ; la région compte des communes. La Région Bretagne aussi.",
    "Munich est revenue à Windows. Pourquoi ? La ville a voté le retour à Windows.",
  ];

  it("reads a word capitalised inside sentences as a name, not one opening a sentence or an address", () => {
    expect(nameCounts(texts, "gendarmerie")).toEqual({ named: 2, plain: 0 });
    expect(nameCounts(texts, "pourquoi")).toEqual({ named: 0, plain: 0 });
  });

  it("keeps the words the passages write as names, not general names nor words also written plain", () => {
    expect(subjectNames("la gendarmerie est revenue a windows en 2023 pourquoi", texts)).toEqual(["gendarmerie"]);
    // « Région » is written « la région » as often: no subject; « Windows » is one of the domain's general names.
    expect(subjectNames("la region est revenue a windows", texts)).toEqual([]);
  });
});

describe("a subject typed in lower case, on the real corpus (trial19 H5)", () => {
  let real: { engine: Engine; close(): Promise<void> };
  beforeAll(async () => {
    real = await realCorpusEngine("cap-libre-subject-names-");
  }, 120_000);
  afterAll(async () => real?.close());

  it.each([
    "la gendarmerie est revenue a windows en 2023 pourquoi",
    // An invented variant: another wording of the same false premise.
    "pourquoi la gendarmerie a abandonne linux pour revenir sous windows",
  ])("« %s » quotes the Gendarmerie's case, not Munich's return to Windows", async (question) => {
    const { sources, docs, text, done } = await askConversation(real.engine, question);
    expect(done.abstention).toBeNull();
    expect(docs).toContain("case-studies/gendarmerie-nationale-gendbuntu");
    expect(docs).not.toContain("case-studies/munich-limux");
    for (const s of sources) expect(`${s.document.title} ${s.section} ${s.text}`).toContain("Gendarmerie");
    expect(text).not.toContain("Les partisans du retour à Windows");
    expect(text).not.toContain("conseil municipal a pourtant voté le retour");
    const brief = text.split("\n").find((l) => l.startsWith("En bref")) ?? "";
    expect(brief).not.toContain("Schleswig-Holstein");
  });
});
