/**
 * Prompt templates, read from `prompts/<lang>/*.md` (French, versioned with the code) and filled by a small
 * synchronous formatter with LangChain's f-string rules (`{name}` is a value, `{{` and `}}` are literal braces,
 * a missing value is an error). It replaced LangChain's PromptTemplate, whose import cost a quarter of a second
 * at every start for string substitution.
 */
import { readFileSync } from "node:fs";

const PROMPTS_DIR = new URL("../../prompts/", import.meta.url);

/** A file of the prompts folder, as text: `readPromptFile("fr/drafts/letter.yaml")`. */
export function readPromptFile(relativePath: string): string {
  return readFileSync(new URL(relativePath, PROMPTS_DIR), "utf8");
}

export function readPrompt(name: string, lang = "fr"): string {
  return readPromptFile(`${lang}/${name}.md`).trim();
}

/**
 * Fills `{name}` placeholders in one pass (a value that contains braces is never read as a placeholder).
 * @example formatTemplate("Question : {question}", { question: "CLOUD Act ?" }) // "Question : CLOUD Act ?"
 */
export function formatTemplate(template: string, vars: Record<string, unknown>): string {
  return template.replace(/\{\{|\}\}|\{([^{}]*)\}|[{}]/g, (match, name: string | undefined) => {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    if (name === undefined) throw new Error(`Unmatched brace in prompt template: ${template.slice(0, 80)}`);
    const key = name.trim();
    if (!(key in vars) || vars[key] === undefined) throw new Error(`Missing value for prompt placeholder {${key}}`);
    return String(vars[key]);
  });
}

export interface Template {
  readonly template: string;
  /** Async like LangChain's PromptTemplate.format, which callers awaited. */
  format(vars: Record<string, unknown>): Promise<string>;
  formatSync(vars: Record<string, unknown>): string;
}

export function templateOf(template: string): Template {
  return {
    template,
    format: async (vars) => formatTemplate(template, vars),
    formatSync: (vars) => formatTemplate(template, vars),
  };
}

export function loadTemplate(name: string, lang = "fr"): Template {
  return templateOf(readPrompt(name, lang));
}
