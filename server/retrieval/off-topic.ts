/** Subjects of everyday life the corpus does not treat (« où partir en vacances », « reprendre une tombe »). */
import { wordListSections } from "../i18n/word-lists.ts";
import { speaksOfDomain } from "./domain.ts";
import { words } from "./french.ts";
import { occurs, type passageWords } from "./passage-words.ts";

const SECTIONS = wordListSections("off-topic-subjects.txt");
const folded = (section: string) => (SECTIONS.get(section) ?? []).map((e) => words(e).join(" ")).filter(Boolean);
/** Off the corpus's topic when the question has no word of the digital domain. */
const WITHOUT_DOMAIN = folded("sans le numérique");
/** Off it whatever the other words. */
const ALWAYS = folded("même avec le numérique");

/**
 * The subjects of `off-topic-subjects.txt` a question uses that no passage read writes (as written: « revenus » is
 * not Munich's « revenu à Windows »): what it asks is off the corpus's topic. Empty when none.
 */
export function offTopicSubjects(question: string, passages: ReturnType<typeof passageWords>[]): string[] {
  const joined = ` ${words(question).join(" ")} `;
  const listed = [...ALWAYS, ...(speaksOfDomain(question) ? [] : WITHOUT_DOMAIN)];
  return listed.filter((s) => joined.includes(` ${s} `) && !passages.some((p) => occurs(s, p, true)));
}
