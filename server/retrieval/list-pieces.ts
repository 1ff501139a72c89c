/**
 * A list too long for one passage is split between its items, each piece opening on the sentence that introduces it
 * (`corpus/chunk.ts`): « Quels sont les programmes de la DINUM ? » ranks one piece, and a question asking for a list
 * keeps one passage per document. The pieces of a list found are quoted together, in their order, where the best
 * ranked of them stands: the answer gets the whole list.
 */
import type { ChunkStore, StoredChunk } from "../store/types.ts";

/** The lead-in of a passage that opens on a list's introducing sentence (« … : », a blank line, an item), else null. */
export function listLeadIn(text: string): string | null {
  return /^([^\n]+:)\n\n {0,3}(?:[-*+]|\d+[.)])\s/.exec(text)?.[1] ?? null;
}

/** Pieces of one list looked for on each side of a piece (a section's list rarely needs more than three). */
const REACH = 2;

/**
 * `chunks` with the other pieces of each list one of them is a piece of (same document, section and lead-in, the
 * passages next to it), in the document's order at the place of the first of them; at most `k` passages, the last
 * ones making room.
 */
export async function withListPieces(
  chunks: StoredChunk[],
  store: Pick<ChunkStore, "getChunks">,
  k: number,
): Promise<StoredChunk[]> {
  const lists = chunks.filter((c) => listLeadIn(c.text) !== null);
  if (!lists.length) return chunks;
  const near = lists.flatMap((c) =>
    Array.from({ length: 2 * REACH + 1 }, (_, i) => c.ordinal - REACH + i)
      .filter((n) => n >= 0 && n !== c.ordinal)
      .map((n) => `${c.docId}#${n}`),
  );
  const read = await store.getChunks([...new Set(near)]);
  const out: StoredChunk[] = [];
  const placed = new Set<string>();
  for (const c of chunks) {
    if (placed.has(c.id)) continue;
    const lead = listLeadIn(c.text);
    const group =
      lead === null
        ? [c]
        : [c, ...read, ...chunks]
            .filter(
              (p, i, all) =>
                p.docId === c.docId &&
                p.section === c.section &&
                listLeadIn(p.text) === lead &&
                all.findIndex((q) => q.id === p.id) === i,
            )
            .sort((a, b) => a.ordinal - b.ordinal);
    for (const p of group) {
      if (placed.has(p.id)) continue;
      placed.add(p.id);
      out.push(p);
    }
  }
  return out.slice(0, Math.max(k, chunks.length));
}
