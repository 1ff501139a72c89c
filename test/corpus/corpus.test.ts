/**
 * The real corpus: it validates (schema, catalog references, sources), and full-text retrieval meets its target
 * on the public evaluation set.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { type Corpus, loadCorpus } from "../../server/corpus/documents.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { type EvalQuestion, evaluateRetrieval, loadQuestions } from "../eval/evaluate.ts";
import { realCorpusDataDir } from "../helpers/server.ts";
import { assistantNotes, blockedDomains, blockedUrls, repositoryPaths } from "./rules.ts";

const CORPUS = path.resolve("corpus");

describe("the corpus", () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(CORPUS);
  });

  it("has no malformed file, unknown reference or record without source", () => {
    expect(corpus.problems.map((p) => `${p.path} ${p.record ?? ""}: ${p.reasons.join("; ")}`)).toEqual([]);
  });

  it("has guidance and case studies, each with a dated source", () => {
    const kinds = new Set(corpus.documents.map((d) => d.kind));
    expect(kinds.has("guidance") && kinds.has("case-study")).toBe(true);
    for (const d of corpus.documents.filter((d) => d.kind !== "catalog")) {
      expect(d.sources.length, d.id).toBeGreaterThan(0);
      expect(
        d.sources.some((s) => s.date),
        `${d.id} has a dated source`,
      ).toBe(true);
    }
  });
});

describe("the corpus's editorial rules", () => {
  let corpus: Corpus;
  let domains: string[];
  beforeAll(async () => {
    corpus = await loadCorpus(CORPUS);
    domains = await blockedDomains(CORPUS);
  });
  const prose = () => corpus.documents.filter((d) => d.kind !== "catalog");

  it("lists in corpus/README.md the domains not to use as a source", () => {
    expect(domains).toEqual(
      expect.arrayContaining(["kiwix.jackbot.fr", "freshrss.sebw.info", "forum.arn-fai.net", "newszop.com"]),
    );
  });

  it("cites no source on a blocked domain (aggregators, mirrors, feed readers, forums)", () => {
    expect(prose().flatMap((d) => blockedUrls(d, domains).map((u) => `${d.id}: ${u}`))).toEqual([]);
  });

  it("cites no source on a blocked domain in the catalog either (vendors, products, alternatives, mappings)", () => {
    const c = corpus.catalog;
    const records = [
      ...[...c.vendors.values()].map((r) => [`vendor ${r.id}`, r.sources] as const),
      ...[...c.products.values()].map((r) => [`product ${r.id}`, r.sources] as const),
      ...[...c.alternatives.values()].map((r) => {
        const sources = [...r.sources, ...(r.audienceSources ?? [])];
        return [`alternative ${r.id}`, sources] as const;
      }),
      ...c.mappings.map((m) => [`mapping ${m.product} → ${m.alternative}`, m.sources ?? []] as const),
    ];
    expect(records.length).toBeGreaterThan(1000);
    const found = records.flatMap(([label, sources]) =>
      blockedUrls({ url: null, sources, body: "" }, domains).map((u) => `${label}: ${u}`),
    );
    expect(found).toEqual([]);
  });

  it("blocks stock-quote pages, a consultancy's blog, news-copying and document-sharing sites (December 2026 review)", () => {
    // Stock-quote pages and market-news relays carry a listing or a wire story, not who controls a company: the
    // issuer's filing or the press of record does. A consultancy's blog and a site that rewrites others' news are
    // not where a vendor's owner or a product's maker is established.
    const weak = [
      "https://longbridge.com/en/quote/688111.SH.md",
      "https://www.morningstar.com/stocks/xshg/688111/quote",
      "https://stockanalysis.com/quote/sha/688095/statistics",
      "https://aijingu.com/notices/688095/AN202411221641029801.html",
      "https://m.marketscreener.com/quote/stock/SOPHOS-GROUP-PLC-22619574/news/x",
      "http://www.zonebourse.com/CEGID-GROUP-4746/actualite/x",
      "https://www.it-consultis.com/blog/wechat-work-wecom",
      "https://americannewsgroup.com/2022/11/27/u-s-expands-bans-of-chinese-security-cameras-network-equipment/",
      // document-sharing sites: copies of a vendor's brochure uploaded by anyone
      "http://docplayer.fr/13723121-Dematerialisation-jvs-mairistem-vous-guide.html",
      "https://doczz.fr/doc/6415888/x",
      "https://pdfslide.fr/documents/x.html",
    ];
    for (const url of weak)
      expect(blockedUrls({ url: null, sources: [{ title: "x", url }], body: "" }, domains), url).toEqual([url]);
    const read = [
      "https://www.axios.com/2024/03/15/tiktok-ban-security-china-laws",
      "https://technode.com/2021/12/23/x",
    ];
    for (const url of read)
      expect(blockedUrls({ url: null, sources: [{ title: "x", url }], body: "" }, domains), url).toEqual([]);
  });

  it("speaks to readers, never to the assistant", () => {
    expect(prose().flatMap((d) => assistantNotes(d.body).map((s) => `${d.id}: ${s}`))).toEqual([]);
  });

  it("names other documents by title, not by repository path", () => {
    expect(prose().flatMap((d) => repositoryPaths(d.body).map((p) => `${d.id}: ${p}`))).toEqual([]);
  });

  it("rejects what these rules are for", () => {
    expect(
      blockedUrls({ url: null, sources: [{ title: "x", url: "https://www.kiwix.jackbot.fr/a" }], body: "" }, domains),
    ).toHaveLength(1);
    expect(
      blockedUrls(
        { url: null, sources: [{ title: "x", url: "https://fr.wikipedia.org/wiki/CLOUD_Act" }], body: "" },
        domains,
      ),
    ).toEqual([]);
    expect(
      assistantNotes("Pour répondre à la question « combien ? », il faut donc citer les montants annuels.").length,
    ).toBeGreaterThan(0);
    expect(
      assistantNotes("Présenter aux élus des économies sourcées ; éviter de reprendre les 534 millions d'euros."),
    ).toHaveLength(1);
    expect(assistantNotes("Ces allégations ne doivent pas être présentées comme des faits.")).toHaveLength(1);
    expect(
      assistantNotes("Le chiffre de 534 millions d'euros n'est pas confirmé (Millau Grands Causses, 2026)."),
    ).toEqual([]);
    expect(repositoryPaths("Voir le document guidance/sept-categories-dependances-numeriques.")).toEqual([
      "guidance/sept-categories-dependances-numeriques",
    ]);
  });
});

describe("the evaluation set", () => {
  let questions: EvalQuestion[];
  let engine: Engine;
  let dataDir: string;
  beforeAll(async () => {
    const loaded = await loadQuestions();
    expect(loaded.problems).toEqual([]);
    questions = loaded.questions;
    dataDir = await realCorpusDataDir("cap-libre-eval-test-");
    engine = await createEngine(
      loadConfig({ CORPUS_DIR: CORPUS, DATA_DIR: dataDir, OLLAMA_BASE_URL: "http://127.0.0.1:9" }),
    );
    await engine.index();
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("has questions from the three kinds of users, each pointing to existing documents", async () => {
    for (const user of ["elu", "dsi", "association"])
      expect(questions.filter((q) => q.user === user).length).toBeGreaterThanOrEqual(5);
    const ids = new Set((await loadCorpus(CORPUS)).documents.map((d) => d.id));
    expect(questions.flatMap((q) => q.expected.filter((e) => !ids.has(e)).map((e) => `${q.id} → ${e}`))).toEqual([]);
  });

  it("full-text recall@5 reaches 0.95", async () => {
    const report = await evaluateRetrieval(engine, questions);
    const misses = report.misses.map((m) => `${m.question.id}: ${m.question.question}`);
    expect(report.recallAt5, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
