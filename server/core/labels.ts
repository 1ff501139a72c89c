/**
 * The one set of labels for the catalog's categories, the fit of an alternative, the kinds of documents and
 * countries (French texts in \`i18n/fr/labels.json\` and \`core.json\`), used by the map, the documents, the exports,
 * the retrieval prose and, through \`GET /api/reference\`, the page.
 */
import { message } from "../i18n/messages.ts";

const orSelf = (key: string, fallback: string) => {
  try {
    return message(key);
  } catch {
    return fallback;
  }
};

/** « Poste de travail »; « Non classé » for no category. */
export const categoryLabel = (category: string | null | undefined) =>
  category ? orSelf(`category.${category}`, category) : message("category.unclassified");

/** The category inside a sentence: « poste de travail ». */
export const categoryWord = (category: string | null | undefined) => categoryLabel(category).toLocaleLowerCase("fr");

/** « remplacement direct », « remplacement partiel », « autre approche ». */
export const fitLabel = (fit: string) => orSelf(`fit.${fit}`, fit);

/** « Guide », « Retour d'expérience »… */
export const kindLabel = (kind: string) => orSelf(`kind.${kind}`, kind);

const regionNames = new Intl.DisplayNames(["fr"], { type: "region" });

/** French name of an ISO 3166-1 alpha-2 code (« US » → « États-Unis »). */
export function countryName(code: string | null | undefined): string {
  if (!code) return message("country.none");
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
