import { describe, expect, it } from "vitest";
import { exportDraft } from "../../server/export/index.ts";
import { sampleDraft } from "../helpers/drafts.ts";

// The page asks each download's size (HEAD) and may then download it (GET): the file is built once per content,
// and a draft changed since is never answered with the file of its earlier content.
describe("export cache", () => {
  it("builds a draft's PDF once for the same content, again once the draft has changed", async () => {
    const draft = sampleDraft();
    const first = await exportDraft(draft, "pdf");
    const again = await exportDraft(structuredClone(draft), "pdf");
    expect(again.bytes).toBe(first.bytes);
    // Another format or another version is another file.
    expect((await exportDraft(draft, "md")).bytes).not.toBe(first.bytes);
    draft.versions[0]!.sections[0]!.text += " Une phrase ajoutée après l'export.";
    const edited = await exportDraft(draft, "md");
    expect(new TextDecoder().decode(edited.bytes)).toContain("Une phrase ajoutée après l'export.");
    expect((await exportDraft(draft, "pdf")).bytes).not.toBe(first.bytes);
  });
});
