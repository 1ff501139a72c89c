import { Hono } from "hono";
import { BoundedMap } from "../../core/bounded.ts";
import type { Engine } from "../../engine.ts";
import { checkQuery, parseK } from "../../retrieval/query.ts";
import type { SearchMode, SearchResult } from "../../retrieval/search.ts";

/** `GET /api/search?q=…&k=5` */
export function searchRoutes(engine: Engine) {
  const encoder = createResultEncoder();
  return new Hono().get("/search", async (c) => {
    const query = checkQuery(c.req.query("q"), "api");
    const k = parseK(c.req.query("k"));
    const { mode, results } = await engine.retriever.search(query, k);
    // A Buffer over an ArrayBuffer (Buffer.concat never returns a shared one).
    const body = encoder.body(query, mode, results) as Uint8Array<ArrayBuffer>;
    return c.body(body, 200, { "content-type": "application/json" });
  });
}

/** Encoded parts of one result: everything but its score, which changes from one question to the next. */
interface EncodedResult {
  result: SearchResult;
  /** `{"id":…,"text":…,"section":…,"score":` */
  head: Buffer;
  /** `,"document":…,"sources":…,"source":…}` */
  tail: Buffer;
}

/** Results whose encoded parts are remembered (a few KB each, mostly the document's sources). */
const ENCODED_RESULTS = 2_000;

/**
 * The JSON body of a search, byte for byte what `JSON.stringify({ query, mode, results })` gives, built from the
 * UTF-8 parts of each passage encoded once: a result is mostly its document's list of sources (30 KB for five
 * results), and serialising then encoding it again at every search cost more than the rest of the route.
 */
export function createResultEncoder() {
  const encoded = new BoundedMap<string, EncodedResult>(ENCODED_RESULTS);
  const same = (a: SearchResult, b: SearchResult) =>
    a.text === b.text &&
    a.section === b.section &&
    a.sources === b.sources &&
    a.source === b.source &&
    a.document.id === b.document.id &&
    a.document.title === b.document.title &&
    a.document.kind === b.document.kind &&
    a.document.date === b.document.date &&
    a.document.url === b.document.url;

  function partsOf(r: SearchResult): EncodedResult | null {
    const known = encoded.get(r.id);
    if (known && same(known.result, r)) return known;
    // Only the shape the route returns is built by hand; anything else goes through JSON.stringify.
    if (r.source === undefined || !Array.isArray(r.sources)) return null;
    const head = JSON.stringify({ id: r.id, text: r.text, section: r.section });
    const parts: EncodedResult = {
      result: r,
      head: Buffer.from(`${head.slice(0, -1)},"score":`),
      tail: Buffer.from(
        `,"document":${JSON.stringify(r.document)},"sources":${JSON.stringify(r.sources)},"source":${JSON.stringify(r.source)}}`,
      ),
    };
    encoded.set(r.id, parts);
    return parts;
  }

  return {
    body(query: string, mode: SearchMode, results: SearchResult[]): Buffer {
      const chunks: Buffer[] = [
        Buffer.from(`{"query":${JSON.stringify(query)},"mode":${JSON.stringify(mode)},"results":[`),
      ];
      results.forEach((r, i) => {
        if (i > 0) chunks.push(COMMA);
        const parts = partsOf(r);
        if (!parts) chunks.push(Buffer.from(JSON.stringify(r)));
        else chunks.push(parts.head, Buffer.from(JSON.stringify(r.score)), parts.tail);
      });
      chunks.push(END);
      return Buffer.concat(chunks);
    },
  };
}

const COMMA = Buffer.from(",");
const END = Buffer.from("]}");
