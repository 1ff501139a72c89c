/**
 * Prompt templates, read from `prompts/<lang>/*.md` (French, versioned with the code) and filled with
 * LangChain's PromptTemplate.
 */
import { readFileSync } from "node:fs";
import { PromptTemplate } from "@langchain/core/prompts";

const PROMPTS_DIR = new URL("../../prompts/", import.meta.url);

export function readPrompt(name: string, lang = "fr"): string {
  return readFileSync(new URL(`${lang}/${name}.md`, PROMPTS_DIR), "utf8").trim();
}

export function loadTemplate(name: string, lang = "fr"): PromptTemplate {
  return PromptTemplate.fromTemplate(readPrompt(name, lang));
}
