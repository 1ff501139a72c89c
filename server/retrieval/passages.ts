/**
 * Passages as the model is given them, shared by chat answers and drafts: labels, key sentences, the random
 * delimiters of one prompt, and as many numbered blocks as fit in a token budget.
 */
import { randomBytes } from "node:crypto";
import { kindLabel } from "../core/labels.ts";
import { loadTemplate } from "../llm/prompts.ts";
import { keywords } from "./relevance.ts";
import type { SearchResult } from "./search.ts";

const passageTemplate = loadTemplate("passage");

/** Conservative estimate for French with Mistral's tokenizer (about 3.5–4 characters per token). */
export const estimateTokens = (text: string) => Math.ceil(text.length / 3);

export { kindLabel };

/** "Document — Section", or the document title alone for a passage before any heading. */
export const passageLabel = (r: { section: string; document: { title: string } }) =>
  r.section ? `${r.document.title} — ${r.section}` : r.document.title;

/**
 * Sentences of a text, with nothing lost. A sentence ends at `.`, `!` or `?` followed by a space and then a capital,
 * a digit, an opening quote or bracket: so « lemondeinformatique.fr », « (s. d. ; Sorena) » and a question quoted
 * inside « … ? » do not cut a sentence in two.
 * @example splitSentences("Selon l'étude (s. d.), oui. Puis non.") // ["Selon l'étude (s. d.), oui.", "Puis non."]
 */
export function splitSentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}«"“([])/u);
  return parts.map((s) => s.trim()).filter(Boolean);
}

/** The sentences of a passage that hold the most keywords, in their original order, about 500 characters. */
export function excerpt(text: string, terms: string[], maxChars = 500): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= maxChars) return clean;
  const sentences = splitSentences(clean);
  const scored = sentences.map((s, i) => ({
    s: s.trim(),
    i,
    score: keywords(s).filter((w) => terms.some((t) => w.startsWith(t.slice(0, 5)))).length,
  }));
  const picked = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  const kept: typeof scored = [];
  let length = 0;
  for (const s of picked) {
    if (length + s.s.length > maxChars && kept.length) continue;
    kept.push(s);
    length += s.s.length + 1;
  }
  kept.sort((a, b) => a.i - b.i);
  return kept
    .map((s, j) => (j > 0 && s.i !== kept[j - 1]!.i + 1 ? `… ${s.s}` : s.s))
    .join(" ")
    .slice(0, maxChars + 200);
}

/** A random tag for the delimiters of one prompt (`<<<PASSAGE-3f9a0c2e [1]`), unknown to whoever wrote the question. */
export const delimiterTag = () => randomBytes(4).toString("hex");

/** Text from a user or a document inside a prompt: it cannot open or close a delimited block. */
export const neutralize = (text: string) => text.replaceAll("<<<", "«").replaceAll(">>>", "»");

/** Numbered passage blocks (`prompts/fr/passage.md`), in rank order, as many as fit in `budget` tokens. */
export async function fitPassages(
  results: SearchResult[],
  budget: number,
  tag = delimiterTag(),
): Promise<{ used: SearchResult[]; text: string }> {
  const used: SearchResult[] = [];
  const blocks: string[] = [];
  for (const r of results) {
    const block = await passageTemplate.format({
      number: used.length + 1,
      tag,
      title: neutralize(r.document.title),
      kind: kindLabel(r.document.kind),
      date: r.document.date ?? "date inconnue",
      section: r.section || "(introduction)",
      text: neutralize(r.text),
    });
    const cost = estimateTokens(block);
    if (cost > budget) continue;
    budget -= cost;
    used.push(r);
    blocks.push(block);
  }
  return { used, text: blocks.join("\n\n") };
}
