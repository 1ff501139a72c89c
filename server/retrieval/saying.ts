/**
 * A question on what someone says, announces or plans (« Combien le Land dit-il économiser ? »): its answer is in a
 * section that reports it (« les économies annoncées par le ministère »), not in one that writes « dit »
 * (« ce que la présentation en dit »). Words as data: `server/i18n/fr/saying-questions.txt`.
 */
import { wordListSections } from "../i18n/word-lists.ts";
import { stem, words } from "./french.ts";

const SAYING = wordListSections("saying-questions.txt");
const folded = (section: string) => (SAYING.get(section) ?? []).flatMap((e) => words(e));
/** Verbs by which a question asks what someone says or announces (« dit-il », « prévoit-elle »), folded. */
const ASKED = new Set(folded("question"));
/** Forms of « dire », too general for the full-text search (`withoutSaying`). */
const UNSEARCHED = new Set(folded("hors recherche"));

/** Stems of the words by which a heading reports what someone said (« annoncées », « selon », « prévues »). */
export const REPORTED: readonly string[] = [...new Set(folded("titre").map(stem))];

/** Whether a question asks what someone says or announces. */
export const asksWhatIsSaid = (query: string) => words(query).some((w) => ASKED.has(w));

/**
 * A folded full-text query without the forms of « dire » when the question asks what someone says: « dit » would
 * find every « ce qu'en dit … », whatever it reports; the headings step weighs the sections that report it.
 */
export function withoutSaying(foldedQuery: string): string {
  const list = foldedQuery.split(" ");
  const kept = list.filter((w) => !UNSEARCHED.has(w));
  return kept.length && kept.length < list.length ? kept.join(" ") : foldedQuery;
}
