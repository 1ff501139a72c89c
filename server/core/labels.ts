/**
 * The one set of labels for the catalog's categories, the fit of an alternative, the kinds of documents and
 * countries (French texts in \`i18n/fr/labels.json\` and \`core.json\`), used by the map, the documents, the exports,
 * the retrieval prose and, through \`GET /api/reference\`, the page.
 */
import { message, messageOr } from "../i18n/messages.ts";
import { fold } from "./text.ts";

const orSelf = (key: string, fallback: string): string => messageOr(key, fallback);

/** How an alternative is hosted: « self-hosted » → « à installer sur ses propres serveurs… »; an unknown code as written. */
export const hostingLabel = (code: string) => orSelf(`hosting.${code}`, code);

/** « Poste de travail »; « Non classé » for no category. */
export const categoryLabel = (category: string | null | undefined) =>
  category ? orSelf(`category.${category}`, category) : message("category.unclassified");

/** The category inside a sentence: « poste de travail ». */
export const categoryWord = (category: string | null | undefined) => categoryLabel(category).toLocaleLowerCase("fr");

/** « remplacement direct », « remplacement partiel », « autre approche ». */
export const fitLabel = (fit: string) => orSelf(`fit.${fit}`, fit);

/** « Guide », « Retour d'expérience »… */
export const kindLabel = (kind: string) => orSelf(`kind.${kind}`, kind);

/**
 * The kind of a collectivité as a reader sees it: a form or API value (« communaute-agglomeration », « METROPOLE »)
 * becomes its French label (`collectiviteKind.*` in `i18n/fr/labels.json`); an identifier the list lacks loses its
 * hyphens (« pole-xyz » → « Pole xyz »); a kind written in words (« Intercommunalité ») stays as written.
 * @example collectiviteKindLabel("communaute-communes") // « Communauté de communes »
 */
export function collectiviteKindLabel(kind: string): string {
  const written = kind.trim();
  const slug = fold(written)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const label = messageOr(`collectiviteKind.${slug}`, null);
  if (label) return label;
  if (!/^[\p{L}\d]+(?:[-_][\p{L}\d]+)+$/u.test(written)) return written;
  const words = written.replace(/[-_]+/g, " ").toLocaleLowerCase("fr");
  return words.charAt(0).toLocaleUpperCase("fr") + words.slice(1);
}

/** The kind inside a sentence or a list: « communauté d'agglomération »; an acronym stays (« EPCI »). */
export function collectiviteKindWord(kind: string): string {
  const label = collectiviteKindLabel(kind);
  return /^\p{Lu}{2}/u.test(label) ? label : label.charAt(0).toLocaleLowerCase("fr") + label.slice(1);
}

/** Made at the first country named (loading ICU's region names costs a start about 30 ms). */
let regionNames: Intl.DisplayNames | null = null;

/** French name of an ISO 3166-1 alpha-2 code (« US » → « États-Unis »). */
export function countryName(code: string | null | undefined): string {
  if (!code) return message("country.none");
  try {
    regionNames ??= new Intl.DisplayNames(["fr"], { type: "region" });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const nouns = (key: string) =>
  new Set(
    message(key)
      .split("|")
      .map((w) => w.toLocaleLowerCase("fr")),
  );
let articles: { feminine: Set<string>; masculine: Set<string> } | null = null;

/**
 * The name of a collectivité as it reads inside a sentence: « la Communauté d'agglomération du Pays de Morlaix »,
 * « le Département du Finistère », « l'Eurométropole de Strasbourg »; a proper name stays as it is (« Brest
 * Métropole », « Quimper »). The common nouns that take an article are in `i18n/fr/labels.json`.
 */
export function withArticle(name: string): string {
  articles ??= { feminine: nouns("article.feminine"), masculine: nouns("article.masculine") };
  const first = name
    .trim()
    .split(/[\s'’-]/)[0]!
    .toLocaleLowerCase("fr");
  const feminine = articles.feminine.has(first);
  if (!feminine && !articles.masculine.has(first)) return name;
  if (/^[aeiouyéèêh]/i.test(first)) return `l'${name}`;
  return `${feminine ? "la" : "le"} ${name}`;
}

/** French contractions after a filled template: « de le Département » → « du Département », « à le » → « au ». */
export const contract = (text: string) =>
  text.replace(/(?<=^|[\s(«])([dD]e|[àÀ]) (le|les) (?=\p{Lu})/gu, (_, prep: string, art: string) => {
    const de = prep.toLowerCase() === "de";
    const word = art === "le" ? (de ? "du" : "au") : de ? "des" : "aux";
    return `${prep === "De" || prep === "À" ? word[0]!.toUpperCase() + word.slice(1) : word} `;
  });
