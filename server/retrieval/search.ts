/**
 * Retrieval: full-text (BM25 on accent-folded French text) always; hybrid (full-text + vectors fused with
 * reciprocal-rank fusion) when the embedding model answers and every passage has its vector.
 */

import { boundedMemo } from "../core/bounded.ts";
import { fold } from "../core/text.ts";
import type { Source } from "../corpus/schema.ts";
import type { ModelProvider, ModelStatus } from "../llm/types.ts";
import type { ChunkStore, ScoredHit, ScoredId, SearchFilter, StoredChunk } from "../store/types.ts";
import { creditedSource, passageCredit } from "./attribution.ts";
import { passageStems, weighBody } from "./body-weight.ts";
import { weighCatalog } from "./catalog-weight.ts";
import { asksSize, weighCollectivity } from "./collectivity-scale.ts";
import { weighDates } from "./date-weight.ts";
import { asksForList } from "./enumeration.ts";
import { expandQuery } from "./french.ts";
import { weighHeadings } from "./headings.ts";
import { listLeadIn, withListPieces } from "./list-pieces.ts";
import { lawPageMissing, searchedText, weighQuestion } from "./rank.ts";
import { withoutSaying } from "./saying.ts";
import type { VectorSync } from "./vector-sync.ts";
import { withOwnerCard, withVendorCard } from "./vendor-card.ts";

/**
 * The ranking's steps, in order: headings, body words, dated pages, what the question asks, the collectivité it speaks
 * of (both modes).
 */
const RANK_STEPS: (<R extends ScoredHit>(query: string, chunks: StoredChunk[], ranked: R[]) => R[])[] = [
  weighHeadings,
  weighBody,
  weighDates,
  weighQuestion,
  weighCollectivity,
];

/** The steps applied to fused (hybrid) candidates before the cap: all but the headings' (see `search`). */
const FUSED_STEPS = RANK_STEPS.filter((step) => step !== weighHeadings);

/** `ranked` (each with its passage) through the ranking steps, re-sorted (best first). */
function rankSteps<R extends ScoredHit>(query: string, ranked: R[], steps = RANK_STEPS): R[] {
  for (const weigh of steps)
    ranked = weigh(
      query,
      ranked.map((r) => r.chunk!),
      ranked,
    );
  return ranked;
}

export type SearchMode = "fulltext" | "hybrid";

export interface SearchResult {
  id: string;
  text: string;
  section: string;
  score: number;
  document: { id: string; title: string; kind: string; date: string | null; url: string | null };
  sources: StoredChunk["document"]["sources"];
  /** The source this passage names for its facts, when one of the document's sources matches; else null. */
  source: Source | null;
}

export interface Retriever {
  mode(status?: ModelStatus): Promise<SearchMode>;
  /**
   * The `k` best passages, at most `MAX_PER_DOCUMENT` of one document; `held`: the other candidates of the same
   * documents that the cap set aside, best first (an extractive answer may quote the section of a document that
   * carries what is asked instead of the two its words rank first).
   */
  search(
    query: string,
    k: number,
    filter?: SearchFilter,
    /** `fullText`: search as the full-text mode does, whatever the model's state (see `retrieveForAnswer`). */
    options?: { fullText?: boolean },
  ): Promise<{ mode: SearchMode; results: SearchResult[]; held?: SearchResult[] }>;
}

/** The retriever the engine holds: it can also prepare the searches of a long-running server. */
export interface WarmRetriever extends Retriever {
  /**
   * Prepares the searches that follow: the passages read into the store's cache (when the corpus fits in it), each
   * one's source reference and stems computed, a few milliseconds at a time so requests are served in between.
   */
  warm(): Promise<void>;
  /** From now on, the first search also starts `warm()` in the background (the server asks for it; the CLI does not). */
  warmOnFirstSearch(): void;
}

/** A search's candidates ranked (best first, each with its passage) and the passages kept of them. */
type Ranked = { chunks: StoredChunk[]; ranked: ScoredHit[] };

/** Constant of reciprocal-rank fusion (Cormack et al., 2009). */
const RRF_K = 60;

/** A stored passage as a search result, with its score and the one source that carries it (`passageSourceRef`). */
export function searchResultOf(
  c: StoredChunk,
  score: number,
  source: Source | null = passageSourceRef({ text: c.text, sources: c.document.sources }),
): SearchResult {
  return {
    id: c.id,
    text: c.text,
    section: c.section,
    score,
    document: {
      id: c.document.id,
      title: c.document.title,
      kind: c.document.kind,
      date: c.document.date,
      url: c.document.url,
    },
    sources: c.document.sources,
    source,
  };
}

/**
 * The one source a passage relies on as a whole (see `passageCredit` in `attribution.ts`): the single source every
 * statement of it names, or its document's only source; null when its statements rest on several sources or some
 * name none (then the corpus page as a whole is credited — never a reference that stands for another statement).
 */
export function passageSourceRef(r: Pick<SearchResult, "text" | "sources">): Source | null {
  return creditedSource(passageCredit({ text: r.text, document: { kind: "passage" }, sources: r.sources }), r.sources);
}

/** At most this many passages of one document in a result list, so one long page does not crowd out the others. */
export const MAX_PER_DOCUMENT = 2;

/** Candidates fetched per wanted result, before the per-document cap. */
const OVERFETCH = 4;

/**
 * Candidates fetched per wanted result for a question giving its collectivité's size (« On a 8 000 habitants, … ? »):
 * the passage on a commune of that size (Boé, « environ 5 700 habitants ») shares few words with the question, and
 * the full-text index ranks it below the pages naming its other words in every section (`weighCollectivity`).
 */
const SIZED_OVERFETCH = 8;

/** Keeps the ranked order, dropping passages beyond `perDocument` for the same document, then the first `k`. */
export function diversify<T extends { docId: string }>(ranked: T[], k: number, perDocument = MAX_PER_DOCUMENT): T[] {
  const seen = new Map<string, number>();
  const kept: T[] = [];
  for (const item of ranked) {
    const n = seen.get(item.docId) ?? 0;
    if (n >= perDocument) continue;
    seen.set(item.docId, n + 1);
    kept.push(item);
    if (kept.length === k) break;
  }
  return kept;
}

/** Fuses ranked lists: score = Σ 1 / (RRF_K + rank). */
export function reciprocalRankFusion(lists: ScoredId[][], k: number): ScoredId[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    list.forEach((item, rank) => scores.set(item.id, (scores.get(item.id) ?? 0) + 1 / (RRF_K + rank + 1)));
  }
  return [...scores.entries()]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

/** Passages whose source reference is remembered, at most (a passage's text is fixed by its id and document hash). */
const SOURCE_CACHE_SIZE = 20_000;

export function createRetriever(store: ChunkStore, models: ModelProvider, vectors: VectorSync): WarmRetriever {
  // Reading a passage's references costs more than the rest of the search: each passage is read once, then remembered.
  const sourceOf = boundedMemo(
    (c: StoredChunk): Source | null => passageSourceRef({ text: c.text, sources: c.document.sources }),
    SOURCE_CACHE_SIZE,
    (c) => `${c.id}\u0000${c.document.hash}`,
  );

  async function mode(status?: ModelStatus): Promise<SearchMode> {
    const s = status ?? (await models.status());
    if (!s.embeddingsAvailable) return "fulltext";
    vectors.kick();
    return vectors.isComplete() ? "hybrid" : "fulltext";
  }

  /**
   * Whether the whole corpus fitted the store's passage cache when warmed. On such a table the full-text index costs
   * about the same for 4k candidates as for 2k (1.5 ms of CPU either way at 1,200 passages, where one search in eight
   * needs the 4k), so a search asks once for all the candidates its ranking may need; at 100,000 passages 4k cost a
   * fifth to a quarter more than 2k while one search in twelve needs them, so it asks for 2k, and for 4k only then.
   * (LanceDB 0.39, the evaluation questions, k = 5, on the project's 2-core machine.)
   */
  let smallCorpus = false;

  async function warm() {
    let slice = performance.now();
    const passages = await store.warmPassages();
    smallCorpus = passages.length > 0;
    for (const chunk of passages) {
      sourceOf(chunk);
      passageStems(chunk);
      if (performance.now() - slice > 5) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
  }
  let warmWanted = false;
  let warming: Promise<void> | null = null;

  return {
    mode,
    warm,
    warmOnFirstSearch() {
      warmWanted = true;
    },
    async search(query, k, filter, options) {
      if (warmWanted && !warming) warming = warm().catch(() => {});
      // Setting words (« en mairie ») do not outweigh the subject a question names (see `searchedText`).
      // A question on what someone says is not searched for « dit » (`saying.ts`).
      const folded = withoutSaying(
        fold(expandQuery(searchedText(query)))
          .replace(/[^\p{L}\p{N}]+/gu, " ")
          .trim(),
      );
      // A question asking for a list (« Quelles communes… ? ») gets one passage per document.
      const perDocument = asksForList(query) ? 1 : MAX_PER_DOCUMENT;
      let current = options?.fullText ? "fulltext" : await mode();
      let found: Ranked | null = null;
      if (current === "hybrid") {
        try {
          const [vector] = await models.embedder().embed([query]);
          const [text, near] = await Promise.all([
            store.searchText(folded, k * OVERFETCH, filter),
            store.searchVector(vectors.space()!, vector!, k * OVERFETCH, filter),
          ]);
          // The fused candidates go through the full-text ranking steps but the headings' (body words, dated pages,
          // what the question asks) before the per-document cap: both modes weigh what the question asks. Headings
          // only reorder the passages kept: a catalog card has none, and on fused ranks, a few hundredths apart,
          // their weight would push every card below the guides whose headings share a word with the question.
          const fused = reciprocalRankFusion([text, near], k * OVERFETCH);
          const read = new Map((await store.getChunks(fused.map((r) => r.id))).map((c) => [c.id, c]));
          let ranked: ScoredHit[] = fused.flatMap((r) => {
            const chunk = read.get(r.id);
            return chunk ? [{ ...r, docId: chunk.document.id, chunk }] : [];
          });
          ranked = weighCatalog(query, rankSteps(query, ranked, FUSED_STEPS)).ranked;
          let chunks = diversify(ranked, k, perDocument).map((r) => r.chunk!);
          chunks = weighHeadings(
            query,
            chunks,
            chunks.map((c) => ({ id: c.id, score: ranked.find((r) => r.id === c.id)?.score ?? 0 })),
            chunks,
          );
          found = { chunks, ranked };
        } catch {
          models.markUnreachable();
          current = "fulltext";
        }
      }
      if (found) return { mode: current, ...(await finish(query, k, found)) };
      return { mode: current, ...(await finish(query, k, await rankFullText(query, folded, k, filter, perDocument))) };
    },
  };

  /** The full-text mode's candidates, ranked, and the passages kept of them (at most `perDocument` per document). */
  async function rankFullText(
    query: string,
    folded: string,
    k: number,
    filter: SearchFilter | undefined,
    perDocument: number,
  ): Promise<Ranked> {
    let ranked: ScoredHit[] = [];
    let chunks: StoredChunk[] | null = null;
    // The full-text index returns ids and scores only (its order does not depend on the limit); the store adds
    // the passages from its cache, reading through the index on `id` only those it lacks and only when the
    // ranking looks at them. Twice k candidates are usually enough for the per-document cap; only when they are
    // not does the ranking take the larger list, asked at once on a small corpus (see `smallCorpus`), else then.
    // Either way the kept passages are the same.
    const wide = asksSize(query) ? k * SIZED_OVERFETCH : 0;
    let asked = wide || (smallCorpus ? k * OVERFETCH : k * 2);
    let hits = await store.searchText(folded, asked, filter);
    const read = new Map<string, StoredChunk>();
    for (const limit of wide ? [wide] : [k * 2, k * OVERFETCH]) {
      if (limit > asked && hits.length === asked) {
        hits = await store.searchText(folded, limit, filter);
        asked = limit;
      }
      const candidates = hits.slice(0, limit);
      const missing = candidates.filter((h) => !read.has(h.id)).map((h) => h.id);
      if (missing.length) for (const c of await store.getChunks(missing)) read.set(c.id, c);
      ranked = candidates.flatMap((h) => {
        const chunk = read.get(h.id);
        return chunk ? [{ ...h, chunk }] : [];
      });
      ranked = rankSteps(query, ranked);
      // Catalog cards the question does not ask for weigh less; while they still fill half the top, the larger
      // list may hold the guides they were hiding.
      const cards = weighCatalog(query, ranked);
      ranked = cards.ranked;
      const kept = diversify(ranked, k, perDocument);
      chunks = kept.map((r) => r.chunk!);
      // More candidates exist when the list goes past this limit, or when the index filled a smaller request.
      const more = hits.length > limit || (hits.length === asked && asked <= limit);
      if (
        (chunks.length === k &&
          kept.filter((r) => cards.unasked.has(r.id)).length < k / 2 &&
          !lawPageMissing(query, chunks)) ||
        !more
      )
        break;
    }
    return { chunks: chunks ?? [], ranked };
  }

  /**
   * The passages kept, with the cards a question on a vendor asks for, as results; and the other candidates of the
   * same documents the per-document cap set aside (`held`).
   */
  async function finish(
    query: string,
    k: number,
    { chunks, ranked }: Ranked,
  ): Promise<{ results: SearchResult[]; held: SearchResult[] }> {
    // A question asking for a list gets the other pieces of a list a passage is a piece of, with it (`list-pieces.ts`).
    if (asksForList(query)) chunks = await withListPieces(chunks, store, k);
    // A question on a vendor's town or origin gets the vendor's card beside the card of the product it names.
    chunks = await withVendorCard(
      query,
      chunks,
      ranked.flatMap((r) => (r.chunk ? [r.chunk] : [])),
      store,
      k,
    );
    // A question asking who controls a vendor (« Qui contrôle Microsoft ? ») opens on that vendor's card.
    const owner = await withOwnerCard(
      query,
      chunks,
      ranked.flatMap((r) => (r.chunk ? [r.chunk] : [])),
      store,
      k,
    );
    const score = new Map(ranked.map((r) => [r.id, r.score]));
    // A list's piece added unranked scores as the best of its pieces ranked.
    for (const c of chunks) {
      if (score.has(c.id)) continue;
      const lead = listLeadIn(c.text);
      const pieces = chunks.filter((p) => p.docId === c.docId && lead !== null && listLeadIn(p.text) === lead);
      score.set(c.id, Math.max(0, ...pieces.map((p) => score.get(p.id) ?? 0)));
    }
    if (owner !== chunks) {
      // It is the answer: scored as the best passage, so no relevance floor leaves it out.
      const best = Math.max(0, ...chunks.map((c) => score.get(c.id) ?? 0));
      const before = chunks;
      const card = owner.find(
        (c, i) => c.document.id.startsWith("catalog/vendor/") && (!before.includes(c) || before[i] !== c),
      );
      if (card) score.set(card.id, Math.max(best, score.get(card.id) ?? 0));
      chunks = owner;
    }
    const keptIds = new Set(chunks.map((c) => c.id));
    const keptDocs = new Set(chunks.map((c) => c.document.id));
    const held = ranked
      .filter((r) => r.chunk && !keptIds.has(r.id) && keptDocs.has(r.docId))
      .slice(0, k)
      .map((r) => r.chunk!);
    const result = (c: StoredChunk) => searchResultOf(c, Number((score.get(c.id) ?? 0).toFixed(6)), sourceOf(c));
    return { results: chunks.map(result), held: held.map(result) };
  }
}
