/**
 * User-facing strings, kept in `<lang>.json` beside this file so another language can be added.
 * `message("key", { name })` fills `{name}` placeholders.
 */
import { readFileSync } from "node:fs";

const catalogs: Record<string, Record<string, string>> = {
  fr: JSON.parse(readFileSync(new URL("./fr.json", import.meta.url), "utf8")),
};

export function message(key: string, params: Record<string, string | number> = {}, lang = "fr"): string {
  const template = catalogs[lang]?.[key] ?? catalogs.fr![key];
  if (template === undefined) throw new Error(`Missing message "${key}"`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}
