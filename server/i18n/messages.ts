/**
 * User-facing strings, kept in `<lang>/*.json` beside this file (one file per feature) so another language can
 * be added. `message("key", { name })` fills `{name}` placeholders.
 */
import { readdirSync, readFileSync } from "node:fs";

function loadLanguage(lang: string): Record<string, string> {
  const dir = new URL(`./${lang}/`, import.meta.url);
  const merged: Record<string, string> = {};
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    Object.assign(merged, JSON.parse(readFileSync(new URL(name, dir), "utf8")));
  }
  return merged;
}

const catalogs: Record<string, Record<string, string>> = { fr: loadLanguage("fr") };

export function message(key: string, params: Record<string, string | number> = {}, lang = "fr"): string {
  const template = catalogs[lang]?.[key] ?? catalogs.fr![key];
  if (template === undefined) throw new Error(`Missing message "${key}"`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** The message of `key` when there is one (a label for a code the texts may not know), else `fallback`. */
export function messageOr<T>(key: string, fallback: T, lang = "fr"): string | T {
  return catalogs[lang]?.[key] !== undefined || catalogs.fr![key] !== undefined ? message(key, {}, lang) : fallback;
}

/** The one plural rule (French: singular under 2): which of `.one` / `.other` a count of `n` takes. */
const pluralForm = (n: number) => (Math.abs(n) < 2 ? "one" : "other");

/**
 * « 0 installation », « 1 installation », « 12 installations » (French: singular under 2): `count.<noun>.one` or
 * `count.<noun>.other`, `{n}` already formatted by the caller (French digit grouping).
 */
export const countText = (noun: string, n: number, formatted: string = String(n), lang = "fr") =>
  message(`count.${noun}.${pluralForm(n)}`, { n: formatted }, lang);

/**
 * `<key>.one` or `<key>.other` by the same rule, for a message whose verbs, pronouns or adjectives agree with a count
 * too (« 1 fichier temporaire a été supprimé », « 3 fichiers temporaires ont été supprimés »): never « (s) ».
 */
export const pluralMessage = (key: string, n: number, params: Record<string, string | number> = {}, lang = "fr") =>
  message(`${key}.${pluralForm(n)}`, params, lang);
