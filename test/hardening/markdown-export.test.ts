/**
 * The Markdown export carries user fields and model output as text only: no raw HTML, no `javascript:` link,
 * no heading or quote that was not in the document's structure.
 */
import { describe, expect, it } from "vitest";
import { exportDraft } from "../../server/export/index.ts";
import { sampleDraft } from "../helpers/drafts.ts";

const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[clic](javascript:alert(1))",
  "<javascript:alert(1)>",
  "![image](http://evil.example/x.png)",
  "[ref]: javascript:alert(1)",
  "\n# Titre injecté\n",
  "\n> Citation injectée\n",
  "\n1. liste injectée\n",
  "\nSous-titre\n===\n",
];

const markdown = async (draft: ReturnType<typeof sampleDraft>) =>
  new TextDecoder().decode((await exportDraft(draft, "md")).bytes);
/** The document's structure: its title and section headings (a model's own sub-heading stays inside its section, as `###`). */
const headings = (md: string) => md.split("\n").filter((l) => /^#{1,2}\s/.test(l) || /^[=-]{2,}\s*$/.test(l));

describe("Markdown export of hostile text", () => {
  it("escapes HTML, links and block structure from user fields and model output", async () => {
    const benign = await markdown(sampleDraft());
    const draft = sampleDraft();
    const hostile = HOSTILE.join(" ");
    draft.title = `Plan ${hostile}`;
    draft.collectivite = `Quimper ${hostile}`;
    draft.inputs = { ...draft.inputs, collectivite: { name: draft.collectivite }, author: `DSI ${hostile}` };
    const section = draft.versions[0]!.sections[0]!;
    section.text = `${section.text}\n\nLe modèle écrit : ${hostile} et [1](javascript:alert(1)).`;
    section.citations[0]!.url = "javascript:alert(1)";
    section.citations[1]!.title = `Titre ${hostile}`;
    const md = await markdown(draft);

    expect(md).not.toMatch(/(^|[^\\])</m); // no raw HTML, no autolink
    expect(md).not.toMatch(/(^|[^\\])\]\(/m); // no inline link or image
    expect(md).not.toMatch(/^\[[^\]^]*\]:/m); // no link reference definition
    expect(md).not.toMatch(/(^|[^\\])<javascript:/);
    expect(headings(md)).toEqual(headings(benign).map((h) => (h.startsWith("# ") ? headings(md)[0]! : h)));
    expect(headings(md)[0]).toMatch(/^# Plan /);
    // User fields are single lines of text: nothing in them opens a heading, quote or list.
    for (const line of md.split("\n").filter((l) => l.includes("Quimper") || l.includes("DSI")))
      expect(line).not.toMatch(/^(#|>|\d+\.|-)\s.*(Titre|Citation|liste) injecté/);
    // Still readable as text: the words are there.
    expect(md).toContain("Titre injecté");
    expect(md).toContain("alert(1)");
  });
});
