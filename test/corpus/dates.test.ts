/**
 * One date per source, and a document's date no older than its newest source (issue #10: a footnote names its source
 * with its date; the reader must not see the same article dated two ways, nor a page « à jour de 2017 » that cites 2025).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Corpus, loadCorpus } from "../../server/corpus/documents.ts";
import { sourceReferences } from "../../server/retrieval/attribution.ts";
import {
  blockedDomains,
  blockedUrls,
  citedSourceDates,
  conflictingDates,
  datedBeforeItsSources,
  newestSourceDate,
} from "./rules.ts";

const CORPUS = path.resolve("corpus");

describe("dates of the corpus's sources", () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(CORPUS);
  });

  it("dates each source address the same way everywhere it is cited (documents and catalog)", () => {
    const cited = citedSourceDates(corpus);
    expect(cited.length).toBeGreaterThan(1000);
    const conflicts = [...conflictingDates(cited)].map(
      ([url, all]) => `${url}: ${[...new Set(all.map((c) => `${c.date ?? "non daté"} (${c.where})`))].join(" / ")}`,
    );
    expect(conflicts).toEqual([]);
  });

  it("finds an address dated two ways, an undated citation counting as a date of its own", () => {
    const found = conflictingDates([
      { where: "a", url: "https://www.example.org/x/", date: "2016" },
      { where: "b", url: "http://example.org/x", date: null },
      { where: "c", url: "https://example.org/y", date: "2025" },
      { where: "d", url: "https://example.org/y", date: "2025" },
    ]);
    expect([...found.keys()]).toEqual(["https://example.org/x"]);
  });

  it("dates every guidance, case study and ecosystem page no earlier than its newest source", () => {
    const stale = corpus.documents
      .filter((d) => d.kind !== "catalog")
      .flatMap((d) => {
        const newest = datedBeforeItsSources(d);
        return newest ? [`${d.id}: daté ${d.date}, source la plus récente ${newest}`] : [];
      });
    expect(stale).toEqual([]);
  });

  it("writes « s. d. » only for a source the document leaves undated", () => {
    const found = corpus.documents
      .filter((d) => d.kind !== "catalog")
      .flatMap((d) =>
        sourceReferences(d.body)
          .filter((r) => /\bs\.\s?d\./.test(r))
          .flatMap((r) => {
            const name = r.split(",")[0]!.trim().toLowerCase();
            const named = d.sources.filter((s) => s.title.toLowerCase().startsWith(name));
            return named.length > 0 && named.every((s) => s.date)
              ? [`${d.id}: (${r}) — ${named.map((s) => s.date)}`]
              : [];
          }),
      );
    expect(found).toEqual([]);
  });

  it("compares dates of different precisions on their common part", () => {
    expect(newestSourceDate([{ date: "2025" }, { date: "2017-11" }, { date: null }])).toBe("2025");
    expect(newestSourceDate([{ date: "2026" }, { date: "2026-04-08" }])).toBe("2026-04-08");
    expect(datedBeforeItsSources({ date: "2017-11", sources: [{ date: "2025" }] })).toBe("2025");
    expect(datedBeforeItsSources({ date: "2026-04-10", sources: [{ date: "2026" }, { date: "2026-04" }] })).toBeNull();
    expect(datedBeforeItsSources({ date: "2026", sources: [{ date: "2026-04" }] })).toBeNull();
  });
});

describe("mirrors of another site", () => {
  it("blocks vuink.com, whose addresses carry the copied site in ROT13 (vgfsbff-d-dpbz: itsfoss.com)", async () => {
    const domains = await blockedDomains(CORPUS);
    expect(domains).toEqual(expect.arrayContaining(["vuink.com", "cashwalklabs.io"]));
    const mirror = "https://vuink.com/post/vgfsbff-d-dpbz/news/france-government-linux-switch";
    expect(blockedUrls({ url: null, sources: [{ title: "Vuink", url: mirror }], body: "" }, domains)).toEqual([mirror]);
    expect(blockedUrls({ url: null, sources: [], body: `(voir ${mirror})` }, domains)).toEqual([mirror]);
    const rot13 = (s: string) =>
      s.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97));
    expect(rot13("vgfsbff")).toBe("itsfoss");
    expect(rot13("pbz")).toBe("com");
  });
});
