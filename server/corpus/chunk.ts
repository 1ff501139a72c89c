/**
 * Chunking along headings: every passage keeps its document and the title of its section, so a quoted
 * passage makes sense on its own. Sections longer than the budget are split further by LangChain's
 * recursive splitter, which prefers paragraph and sentence boundaries; a list stays with the sentence that
 * introduces it (`splitLong`).
 */
import type { CorpusDocument } from "./documents.ts";

export interface Chunk {
  id: string;
  docId: string;
  ordinal: number;
  section: string;
  text: string;
}

const MAX_CHUNK_CHARS = 1400;
/** Loaded on the first long section (only when documents changed), not at every start. */
let splitter: Promise<{ splitText(text: string): Promise<string[]> }> | null = null;
const getSplitter = () =>
  (splitter ??= import("@langchain/textsplitters").then(
    ({ RecursiveCharacterTextSplitter }) =>
      new RecursiveCharacterTextSplitter({
        chunkSize: MAX_CHUNK_CHARS,
        chunkOverlap: 150,
        separators: ["\n\n", "\n", ". ", " ", ""],
      }),
  ));

interface Section {
  title: string;
  text: string;
}

/** Splits Markdown into sections at headings of level 1 to 4; text before the first heading has an empty title. */
export function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let title = "";
  let lines: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = lines.join("\n").trim();
    if (text) sections.push({ title, text });
    lines = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (/^```/.test(line)) inFence = !inFence;
    const heading = !inFence && /^(#{1,4})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      title = heading[2]!;
    } else {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

/** The first line of an item of a Markdown list (the lines after it, up to the next such line, belong to it). */
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d+[.)])\s/;

/**
 * A list's lead-in is a sentence (« La DINUM porte … : »): a longer paragraph ending with « : » is not repeated in each
 * passage of the list, and the section is split as any other.
 */
const MAX_LEAD_IN = 200;

/** A section's text: paragraphs, and lists with the sentence introducing them (« La DINUM porte … : »). */
type Block = { text: string } | { lead: string; items: string[] };

function blocksOf(text: string): Block[] {
  const paragraphs = text.split(/\n[ \t]*\n/).map((p) => p.replace(/\s+$/, ""));
  const blocks: Block[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const next = paragraphs[i + 1];
    if (p.endsWith(":") && p.length <= MAX_LEAD_IN && next !== undefined && LIST_ITEM.test(next)) {
      const items: string[] = [];
      for (const line of next.split("\n")) {
        if (LIST_ITEM.test(line) || items.length === 0) items.push(line);
        else items[items.length - 1] += `\n${line}`;
      }
      blocks.push({ lead: p.trim(), items });
      i++;
    } else if (p.trim()) blocks.push({ text: p.trim() });
  }
  return blocks;
}

/**
 * Passages of a section longer than the budget. A list introduced by a sentence (« … : ») is never cut from it: when
 * the list does not fit one passage it is split between its items, each passage opening on the sentence — an
 * answer quoting a passage of the list then says what the list is (« les programmes de la DINUM »), and no passage
 * is the sentence alone or starts in the middle of an item. Other text goes to LangChain's splitter, as does a
 * section without such a list (its passages are unchanged).
 */
async function splitLong(text: string): Promise<string[]> {
  const blocks = blocksOf(text);
  if (!blocks.some((b) => "lead" in b)) return (await getSplitter()).splitText(text);
  const pieces: string[] = [];
  let run: string[] = [];
  const flushRun = async () => {
    const joined = run.join("\n\n");
    run = [];
    if (!joined) return;
    pieces.push(...(joined.length > MAX_CHUNK_CHARS ? await (await getSplitter()).splitText(joined) : [joined]));
  };
  for (const block of blocks) {
    if ("text" in block) {
      run.push(block.text);
      continue;
    }
    await flushRun();
    let items: string[] = [];
    const flushItems = async () => {
      if (!items.length) return;
      const piece = `${block.lead}\n\n${items.join("\n")}`;
      items = [];
      pieces.push(...(piece.length > MAX_CHUNK_CHARS ? await (await getSplitter()).splitText(piece) : [piece]));
    };
    for (const item of block.items) {
      if (items.length && block.lead.length + 2 + [...items, item].join("\n").length > MAX_CHUNK_CHARS)
        await flushItems();
      items.push(item);
    }
    await flushItems();
  }
  await flushRun();
  // Neighbouring pieces that fit together make one passage.
  const merged: string[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last !== undefined && last.length + 2 + piece.length <= MAX_CHUNK_CHARS)
      merged[merged.length - 1] = `${last}\n\n${piece}`;
    else merged.push(piece);
  }
  return merged;
}

export async function chunkDocument(doc: CorpusDocument): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (const section of splitSections(doc.body)) {
    const pieces = section.text.length > MAX_CHUNK_CHARS ? await splitLong(section.text) : [section.text];
    for (const text of pieces) {
      chunks.push({
        id: `${doc.id}#${chunks.length}`,
        docId: doc.id,
        ordinal: chunks.length,
        section: section.title,
        text,
      });
    }
  }
  return chunks;
}
