/**
 * Chunking along headings: every passage keeps its document and the title of its section, so a quoted
 * passage makes sense on its own. Sections longer than the budget are split further by LangChain's
 * recursive splitter, which prefers paragraph and sentence boundaries.
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

export async function chunkDocument(doc: CorpusDocument): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (const section of splitSections(doc.body)) {
    const pieces =
      section.text.length > MAX_CHUNK_CHARS ? await (await getSplitter()).splitText(section.text) : [section.text];
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
