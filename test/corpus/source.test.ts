/** One loaded copy of the corpus per folder, shared by the indexer and the inventory, renewed when a file changes. */
import { copyFile, rm } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { currentCorpus } from "../../server/corpus/source.ts";
import { loadMatchIndex } from "../../server/inventory/match.ts";
import { copyCorpus } from "../helpers/server.ts";

describe("the corpus source", () => {
  it("hands the same copy to every caller until a file changes, and the match index follows it", async () => {
    const dir = await copyCorpus();
    try {
      const first = await currentCorpus(dir);
      expect(await currentCorpus(dir)).toBe(first);
      const index = await loadMatchIndex(dir);
      expect(await loadMatchIndex(dir)).toBe(index);
      await copyFile(`${dir}/guidance/cloud-act.md`, `${dir}/guidance/cloud-act-copie.md`);
      const second = await currentCorpus(dir);
      expect(second).not.toBe(first);
      expect(second.fingerprint).not.toBe(first.fingerprint);
      expect(second.corpus.documents.length).toBe(first.corpus.documents.length + 1);
      expect(await loadMatchIndex(dir)).not.toBe(index);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a missing folder is read again at each call (nothing cached for a typo)", async () => {
    const a = await currentCorpus("/nonexistent/corpus-folder");
    expect(a.corpus.missing).toBe(true);
    expect(await currentCorpus("/nonexistent/corpus-folder")).not.toBe(a);
  });
});
