/**
 * A two-part question whose second part names another subject (`secondSubject`: « la cnam passe sur tchap, d'accord,
 * mais la caf elle passe sur quoi », « echirolles est au niveau or, grenoble a quel niveau du label ») that the corpus
 * writes somewhere, but not the passages found for the question (held-out-24, burned: 22 two-part questions answered
 * with the first part's passages). `missingSubject` holds such a subject absent only when the corpus never writes it;
 * here the passages answering the question are asked: does a sentence of one of them speak of that subject, with what
 * the second part asks of it? When none does, Cap Libre answers the first part and says first that the corpus does
 * not answer the second (`answer.partial`), as for the other two-part questions.
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListSectionLines } from "../i18n/word-lists.ts";
import type { CorpusFrequency, CorpusNames } from "./corpus-names.ts";
import { stem as frStem } from "./french.ts";
import { DISCOURSE, GENERIC_WORDS, STOPWORDS } from "./lexicon.ts";
import { occurs, passageWords, SENTENCE, withoutReferences } from "./passage-words.ts";
import { assessAnswerability, keywords } from "./relevance.ts";
import { type MissingPart, secondSubject } from "./two-parts.ts";

/** A passage as the decision reads it. */
type Passage = Parameters<typeof assessAnswerability>[1][number];

/** `second-subject.txt` in sections, folded. */
const SECTIONS = new Map(
  [...wordListSectionLines("second-subject.txt")].map(([name, lines]) => [
    name,
    lines.map((line) => fold(line).replace(/’/g, "'")),
  ]),
);
/** [reprise du sujet]: the pronoun that takes the subject up (« la police nationale elle utilise … »). */
const TAKEN_UP = new Set(SECTIONS.get("reprise du sujet") ?? []);
/** [mots du nom]: small words inside a subject's name (« le ministère de la justice »). */
const NAME_LINKS = new Set(SECTIONS.get("mots du nom") ?? []);
/** [pas demandé]: words of a second part that ask nothing of the subject (« la suède a fait pareil ? »). */
const NOT_ASKED = new Set(SECTIONS.get("pas demandé") ?? []);
/** Most words between a subject's first word and the pronoun taking it up. */
const NAME_WORDS = 4;
/** General words of the domain, stems. */
const GENERIC = new Set(GENERIC_WORDS.map(frStem));

const tokens = (text: string) =>
  fold(text)
    .replace(/’/g, "'")
    .split(/[^a-z0-9-]+/)
    .filter(Boolean);

/**
 * The words of the subject a second part opens on (`subject`, its first word): up to the pronoun taking it up (« la
 * police nationale elle … » → « police », « nationale »; « le ministère de la justice c'est … » → « ministere »,
 * « justice »), or that word alone; and the other words the part asks of it (« quel système »), neither general words
 * of the domain nor words that ask nothing (« pareil », « aussi »).
 */
export function subjectWords(second: string, subject: string): { subject: string[]; asked: string[] } {
  const words = tokens(second);
  const at = words.indexOf(subject);
  let name = [subject];
  if (at >= 0) {
    const after = words.slice(at + 1, at + 1 + NAME_WORDS + 1);
    const end = after.findIndex((w) => TAKEN_UP.has(w));
    const between = end > 0 ? after.slice(0, end) : [];
    if (between.every((w) => NAME_LINKS.has(w) || keywords(w).length > 0))
      name = [subject, ...between.filter((w) => !NAME_LINKS.has(w) && keywords(w).length > 0)];
  }
  const asked = [
    ...new Set(
      keywords(second).filter(
        (w) =>
          !name.includes(w) && !GENERIC.has(frStem(w)) && !STOPWORDS.has(w) && !DISCOURSE.has(w) && !NOT_ASKED.has(w),
      ),
    ),
  ];
  return { subject: name, asked };
}

/**
 * `missingPart` for a second part on another subject the corpus writes somewhere (`missingSubject` takes those it
 * never writes): no passage answering the question speaks of it — its heading names it, or one of its sentences
 * (sources' references left out: « (Club de la presse de Grenoble, 2017) » speaks of no Grenoble) names it with a word
 * of what is asked (« la Défense et la Police nationale » of Korea is not « quel système » the French one uses), while
 * they answer the first part. Needs the corpus's counts.
 */
/**
 * Whether passages (those answering the second part searched on its own) are about the second subject of a question:
 * one's heading names it (« Schleswig-Holstein : … », the card of « Nextcloud »), not a sentence in passing (« la
 * Suède » in a page on dependencies, the Korean « Police nationale »).
 */
export async function aboutSecondSubject(question: string, passages: Passage[], names?: CorpusNames) {
  const found = secondSubject(question);
  if (!found) return false;
  return speaks(subjectWords(found.parts.second, found.subject), passages, names, true);
}

/** Whether a passage names the subject in its heading, or (not `headingOnly`) in a sentence with a word asked of it. */
async function speaks(
  words: { subject: string[]; asked: string[] },
  passages: Passage[],
  names?: CorpusNames,
  headingOnly = false,
): Promise<boolean> {
  // The subject as the corpus may write it: its words, or what an acronym stands for (« FNL », « France Numérique
  // Libre »).
  const expanded = words.subject.length === 1 ? await names?.expansion?.(words.subject[0]!) : undefined;
  const forms = [words.subject, ...(expanded ? [expanded.split(" ")] : [])];
  // (« schleswig-holstein »: the passage's words are read apart at the hyphen.)
  const writes = (p: ReturnType<typeof passageWords>) =>
    forms.some((f) => f.every((w) => occurs(w.replace(/-/g, " "), p)));
  return passages.some((r) => {
    if (writes(passageWords(`${r.document.title} ${r.section}`))) return true;
    if (headingOnly) return false;
    return withoutReferences(r.text)
      .split(SENTENCE)
      .map((s) => passageWords(s))
      .some((s) => writes(s) && (words.asked.length === 0 || words.asked.some((w) => occurs(w, s))));
  });
}

export async function missingFoundSubject(
  question: string,
  answering: Passage[],
  frequency?: CorpusFrequency,
  names?: CorpusNames,
): Promise<MissingPart | null> {
  if (!frequency || answering.length === 0) return null;
  const found = secondSubject(question);
  if (!found) return null;
  const { parts, subject } = found;
  if (!anotherSubject(parts, subject)) return null;
  const words = subjectWords(parts.second, subject);
  // A subject the first part names is not another one (« la dgfip doit …, mais la dgfip elle … »).
  const firstWords = passageWords(parts.first);
  if (words.subject.every((w) => occurs(w, firstWords))) return null;
  // A name (« la Suède », « la police nationale », « le site des impôts »), not a common word a passage may not write
  // (« …, le fabricant est de quel pays ? » asks of the first part's product).
  if (!(await namesSubject(parts.second, words.subject, frequency, names))) return null;
  const spoken = await speaks(words, answering, names);
  if (spoken) return null;
  const first = await assessAnswerability(parts.first, answering, frequency, names);
  if (!first.answerable) return null;
  // The subject as the question writes it (« police nationale »).
  return { part: parts.second, words: [writtenSubject(parts.second, words.subject)], first: parts.first };
}

/** [le demandeur]: words of a first part that tell the asker's own setting (« nos NAS synology à la mairie, … »). */
const ASKER = new Set(SECTIONS.get("le demandeur") ?? []);
/** [condition]: the word opening a first part that supposes, not states (« si la mairie se fait épingler … »). */
const CONDITION = new Set(SECTIONS.get("condition") ?? []);
/** [pas un sujet nommé]: a word that opens no other subject (« la première connexion », « la prochaine date »). */
const NOT_NAMED = new Set(SECTIONS.get("pas un sujet nommé") ?? []);
/** [exemple]: a second part bringing an example of the first (« …, aux Pays-Bas par exemple ? »). */
const EXAMPLE = new RegExp(
  `(?<![a-z0-9])(?:${(SECTIONS.get("exemple") ?? []).map((t) => t.replace(/\s+/g, "\\s+")).join("|")})(?![a-z0-9])`,
);
/** A verb with its pronoun after it (« existe-t-il », « se sont-elles »): a question, not a name. */
const INVERTED = /[a-z]-(?:t-)?(?:il|elle|ils|elles|on)(?![a-z])/;

/**
 * Whether the second part's subject is another one than the first part's, of which the first part states something
 * answered: not when the first part tells the asker's own setting (« je suis seul à l'informatique de la mairie, FNL
 * ça m'aiderait ? », which asks of FNL), supposes (« si la mairie se fait épingler sur le RGPD, … »), is itself a question (« se sont-elles battues … »), or lists what the subject
 * continues (« pour tout, compta, état civil… »); not a word that asks (« existe-t-il »), an ordinal (« la première
 * édition »), nor an example (« par exemple »).
 */
function anotherSubject(parts: { first: string; second: string }, subject: string): boolean {
  const first = fold(parts.first).replace(/’/g, "'");
  const second = fold(parts.second).replace(/’/g, "'");
  const firstWords = first.split(/[^a-z0-9]+/);
  if (firstWords.some((w) => ASKER.has(w)) || CONDITION.has(firstWords[0]!) || INVERTED.test(first)) return false;
  if (INVERTED.test(subject) || NOT_NAMED.has(subject) || EXAMPLE.test(second)) return false;
  // (« compta, état civil… »: an enumeration.)
  return !new RegExp(`(?<![a-z0-9])${escapeRegExp(subject)}(?![a-z0-9])\\s*,`).test(second);
}

/**
 * Whether a word of a subject is a name: written with a capital in the question, never used by the corpus, or
 * written by it as a name (`CorpusNames`: « Suède », « Police nationale », « ministère de la Justice »), not a common
 * word (« le fabricant est de quel pays ? » asks of the first part's product).
 */
async function namesSubject(
  second: string,
  subject: string[],
  frequency: CorpusFrequency,
  names?: CorpusNames,
): Promise<boolean> {
  const capitalised = new Set(
    (second.match(/[\p{L}\p{N}'’-]+/gu) ?? [])
      .filter((w) => /^(?:\p{L}+['’])?\p{Lu}/u.test(w))
      .flatMap((w) => fold(w).replace(/’/g, "'").split("'")),
  );
  for (const [i, w] of subject.entries()) {
    if (capitalised.has(w) || (await frequency(w)) === 0) return true;
    // Its first word as the corpus writes it; a word after it only where the corpus writes that word itself with a
    // capital (« Strasbourg » of « l'université de strasbourg »), not a word it never writes but shares a stem with
    // (« maximale » of « l'amende maximale prévue »).
    if (names && (await names(w)) && (i === 0 || (await names.written?.(w)))) return true;
  }
  return false;
}

/** The subject's words as the second part writes them, from its first word to its last. */
function writtenSubject(second: string, subject: string[]): string {
  const raw = second.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  const folded = raw.map((w) => fold(w).replace(/’/g, "'"));
  const start = folded.findIndex((w) => w.split("'").includes(subject[0]!));
  const last = subject.at(-1)!;
  const end = folded.findIndex((w, i) => i >= start && w.split("'").includes(last));
  if (start < 0 || end < 0) return subject.join(" ");
  const written = raw.slice(start, end + 1).join(" ");
  // (« l'inserm »: the subject without its article.)
  return written.replace(/^[\p{L}]+['’](?=\p{L})/u, "");
}
