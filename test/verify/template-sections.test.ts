/**
 * Sections written without a model (templates filled with structured data and quoted passages) go through the same
 * verification as generated ones: a `verification` per section, in the stream, the saved draft, the API and the
 * exports. On the real corpus the example documents quote passages verbatim and get no false « non vérifié »; a
 * verbatim quote that drops the qualification the corpus gives its figure (« non confirmé ») is marked everywhere.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft, getDraft, prepareDraft } from "../../server/drafting/drafts.ts";
import type { DraftSection } from "../../server/drafting/types.ts";
import type { Engine } from "../../server/engine.ts";
import { exportDraft } from "../../server/export/index.ts";
import type { Verification } from "../../server/verify/index.ts";
import {
  copyCorpus,
  postJson,
  readSse,
  realCorpusEngine,
  startTestServer,
  type TestServer,
} from "../helpers/server.ts";

const EXAMPLES = ["courrier-linux-quimper", "plan-audit-kervallon", "note-cloud-act", "feuille-de-route-kervallon"];
const flagged = (v: Verification | null | undefined) =>
  (v?.sentences ?? []).filter((s) => s.status === "unsupported" || s.status === "invalid-citation");

describe("template sections of the example documents (real corpus, no model)", () => {
  let engine: Engine;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ engine, close } = await realCorpusEngine("cap-libre-template-verify-"));
  }, 120_000);
  afterAll(() => close?.());

  it.each(EXAMPLES)(
    "%s: every section is verified, quotes of passages are supported, nothing is falsely flagged",
    async (name) => {
      const prepared = await prepareDraft(
        engine,
        JSON.parse(await readFile(`docs/examples/inputs/${name}.json`, "utf8")),
      );
      const announced: string[] = [];
      const streamed = new Map<string, Verification>();
      let id = "";
      for await (const e of createDraft(engine, prepared, new AbortController().signal)) {
        if (e.type === "section") announced.push(e.key);
        if (e.type === "verification") streamed.set(e.key, e.verification);
        if (e.type === "done") id = e.id;
      }
      expect([...streamed.keys()]).toEqual(announced);
      const sections: DraftSection[] = (await getDraft(engine, id)).versions.at(-1)!.sections;
      expect(sections.every((s) => s.mode === "template")).toBe(true);
      for (const s of sections) {
        expect(s.verification, s.key).toBeTruthy();
        expect(s.verification!.counts.sentences, s.key).toBe(s.verification!.sentences.length);
        expect(flagged(s.verification).map((x) => `${s.key}: ${x.text} — ${x.reasons.join(" ; ")}`)).toEqual([]);
      }
      // The quotations (« > « … » [n] » or list items ending in [n]) are checked against their passages and hold.
      const quotes = sections.flatMap((s) => s.verification!.sentences.filter((x) => x.citations.length > 0));
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.filter((q) => q.status !== "supported").map((q) => q.text)).toEqual([]);
      const md = new TextDecoder().decode((await exportDraft(await getDraft(engine, id), "md")).bytes);
      expect(md).not.toContain("non vérifié");
    },
    60_000,
  );
});

describe("a template quote that drops the corpus's qualification (fixture corpus, HTTP API)", () => {
  let server: TestServer;
  let corpusDir: string;
  beforeAll(async () => {
    corpusDir = await copyCorpus();
    await mkdir(path.join(corpusDir, "case-studies"), { recursive: true });
    await writeFile(
      path.join(corpusDir, "case-studies", "gendarmerie-chiffres.md"),
      [
        "---",
        'title: "Les chiffres qui circulent sur la Gendarmerie et Linux"',
        "kind: case-study",
        "date: 2026-03",
        "sources:",
        '  - title: "Assemblée nationale, audition (XVe législature)"',
        "    url: https://2017-2022.nosdeputes.fr/15/intervention/528284",
        "    date: 2021",
        "---",
        "## Gendarmerie : 534 millions d'euros d'économies, un chiffre non confirmé",
        "",
        "La Gendarmerie a économisé 534 millions d'euros grâce à Linux en vingt ans.",
        "",
      ].join("\n"),
    );
    server = await startTestServer({ CORPUS_DIR: corpusDir });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await rm(corpusDir, { recursive: true, force: true });
  });

  it("marks the quote « non vérifié » in the stream, the saved draft, the API and the Markdown export", async () => {
    const inputs = {
      collectivite: { name: "Kervallon", kind: "commune" },
      question: "Combien d'euros la Gendarmerie a-t-elle économisés grâce à Linux ?",
      recipient: { name: "M. Le Bihan", role: "maire" },
    };
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "briefing", inputs }));
    const done = events.at(-1)!;
    expect(done.event, JSON.stringify(done.data)).toBe("done");
    expect(done.data.mode).toBe("template");
    const streamed = events.filter((e) => e.event === "verification");
    expect(streamed.length).toBe(events.filter((e) => e.event === "section").length);
    const draft = await (await fetch(`${server.url}/api/drafts/${done.data.id}`)).json();
    const sections: DraftSection[] = draft.versions.at(-1).sections;
    const quoting = sections.find((s) => s.text.includes("534 millions d'euros"));
    expect(quoting, sections.map((s) => s.text).join("\n---\n")).toBeDefined();
    const marks = flagged(quoting!.verification);
    expect(marks.length).toBe(1);
    expect(marks[0]!.text).toContain("534 millions d'euros");
    expect(marks[0]!.reasons.join(" "), marks[0]!.reasons.join(" ")).toContain("« non confirmé »");
    expect(quoting!.verification!.counts.unsupported).toBe(1);
    const md = await (await fetch(`${server.url}/api/drafts/${done.data.id}/export?format=md`)).text();
    expect(md).toContain("non vérifié");
  });
});
