/**
 * A yes-or-no question on a detail of a subject (« visio accepte plus de 300 participants par réunion ? », « les élus
 * municipaux ont droit à un compte proconnect ? », « wordpress est référencé au sill avec un référent territorial ? »)
 * is answered only where a passage about that subject holds the detail: a passage on Visio that says nothing of
 * participants, and one on AlpOSS that counts them, answer neither yes nor no.
 *
 * The subject is what a heading or a title of the passages read names among the question's words (« Visio : comment
 * l'outil est construit », the WordPress card); the detail, the question's other specific words (neither verbs, dates,
 * general words of the domain, nor words of everyday French). Each detail must be in a passage whose heading or title
 * names the subject.
 */
import { polar } from "./asked-kinds.ts";
import { isGeneric, isLight, type QuestionTerm } from "./lexicon.ts";
import { holds, passageWords } from "./passage-words.ts";

type Read = { text: string; section: string; document: { title: string } };
type Words = ReturnType<typeof passageWords>;

/**
 * The details of a yes-or-no question that no passage read about its subject holds (« participants »); empty when the
 * question is no yes-or-no one, names no subject a heading or title names, or each detail is held.
 */
export function missingDetails(question: string, terms: QuestionTerm[], read: Read[], judged: Words[]): string[] {
  if (!polar(question) || (question.match(/\?/g) ?? []).length > 1) return [];
  const specific = terms.filter(
    (t) => !t.date && !t.verb && !t.modifier && !t.context && !t.user && !isGeneric(t) && !isLight(t),
  );
  if (specific.length < 2) return [];
  const headings = read.map((r) => passageWords(`${r.document.title} ${r.section}`));
  const subject = specific.filter((t) => headings.some((h) => holds(t, h)));
  const details = specific.filter((t) => !subject.includes(t));
  if (!subject.length || !details.length) return [];
  const about = headings.flatMap((h, i) => (subject.some((t) => holds(t, h)) ? [i] : []));
  return details.filter((t) => !about.some((i) => holds(t, judged[i]!))).map((t) => t.word);
}
