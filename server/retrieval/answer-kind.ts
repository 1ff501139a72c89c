/**
 * The words of a question that say what kind of answer it asks, or what judgement, not what it is about (« c'est
 * quel pourcentage », « c'est quoi ce sigle », « c'est suffisant ? »): decided by their place in the question, from
 * the word lists of `answer-kinds.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { STOPWORDS } from "./lexicon.ts";

const SECTIONS = wordListSections("answer-kinds.txt");
const section = (name: string) => new Set((SECTIONS.get(name) ?? []).map((e) => fold(e)));
/** Nouns of the kind of answer (« sigle », « boîte », « légende »). */
const KINDS = section("genre");
/** Nouns of a figure asked (« pourcentage », « taux »). */
const FIGURES = section("chiffre");
/** Forms of « dater » (« ça date de quand »). */
const DATING = section("date");
/** Words of judgement (« suffisant », « risqué », « mieux »). */
const JUDGEMENTS = section("jugement");
const FORMS = section("forme");
/** Nouns of a thing the answer gives by its name, after « quel » only (« dans quel département »). */
const NAMED = section("nommée");
/** Words of a moment offered as an alternative (« récemment ou c'est ancien », `[moment]`). */
const MOMENTS = section("moment");
/** Most words between a word of `MOMENTS` and the « ou » of the alternative it is offered in. */
const ALTERNATIVE_REACH = 4;
/** Nouns introducing a quoted word or phrase (« le mot « encourager » »). */
const QUOTING = section("citation");
/** What may open a closing ask (« vous avez », « et »), each a list of folded words (`[demande finale]`). */
const CLOSING_LEADS = (SECTIONS.get("demande finale") ?? []).map((e) => tokens(e)).sort((a, b) => b.length - a.length);
/** Words that link the nouns of a closing ask (« son », « la », « et »), folded (`[liens de la demande finale]`). */
const CLOSING_LINKS = section("liens de la demande finale");
/** An opening quotation mark. */
const OPENING_QUOTE = /^\s*[«"“]/;
/** A number written in figures or in words up to ten (« en 3 phrases », « en deux mots »). */
const SMALL_NUMBER = /^(?:\d{1,2}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques)$/;

/** Interrogative determiners and pronouns before the kind of answer asked (« quelle boîte », « lequel »). */
const INTERROGATIVE = new Set(["quel", "quelle", "quels", "quelles", "lequel", "laquelle", "lesquels", "lesquelles"]);
/** Demonstratives before the thing of which « c'est quoi » asks the meaning (« c'est quoi ce sigle »). */
const DEMONSTRATIVE = new Set(["ce", "cet", "cette", "ces"]);
/** Indefinite articles of an attribute (« c'est une légende »). */
const INDEFINITE = new Set(["un", "une", "du", "des"]);
/** Determiners after which a word of judgement is a noun (« le sérieux de l'éditeur »). */
const DETERMINER = new Set([
  "le",
  "la",
  "les",
  "l'",
  "un",
  "une",
  "des",
  "du",
  "ce",
  "cette",
  "ces",
  "son",
  "sa",
  "ses",
]);
/** Subjects of « dater » (« ça date de quand »). */
const DATED_SUBJECT = new Set(["ca", "cela", "il", "elle", "ils", "elles"]);

/** The question's words, folded, elisions apart (« c'est » → « c' », « est »). */
function tokens(question: string): string[] {
  return fold(question)
    .replace(/[’]/g, "'")
    .replace(/\b([cdjlmnst]|qu)'/g, "$1' ")
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
}

/** Whether the word at `i` stands where the kind of answer is named (« quelle boîte », « c'est quoi ce sigle »). */
function kindPlace(list: string[], i: number): boolean {
  const [p1, p2, p3] = [list[i - 1], list[i - 2], list[i - 3]];
  if (INTERROGATIVE.has(p1 ?? "")) return true;
  // « combien de », « combien d' ».
  if ((p1 === "de" || p1 === "d'") && p2 === "combien") return true;
  // « c'est quoi ce sigle », « qu'est-ce que c'est que cette rumeur ».
  if (DEMONSTRATIVE.has(p1 ?? "") && (p2 === "quoi" || p2 === "que")) return true;
  // « ce sigle, c'est quoi ? ».
  if (DEMONSTRATIVE.has(p1 ?? "") && list[i + 1] === "c'" && list[i + 2] === "est" && list[i + 3] === "quoi")
    return true;
  // « ou c'est une légende ? »: the attribute of « c'est ».
  return INDEFINITE.has(p1 ?? "") && p2 === "est" && p3 === "c'";
}

/**
 * Whether the word at `i` follows « il y a un(e) », « y a-t-il un(e) », « existe-t-il un(e) » (« il y a un pourcentage
 * … ? »).
 */
const thereIs = (list: string[], i: number) =>
  INDEFINITE.has(list[i - 1] ?? "") &&
  ((list[i - 2] === "a" && list[i - 3] === "y") ||
    (list[i - 2] === "il" && list[i - 3] === "t" && (list[i - 4] === "existe" || list[i - 4] === "a")));

/**
 * The folded words of a question that name the kind of answer it asks or the judgement it asks, by their place:
 * a noun of `[genre]` after « quel », « combien de », in « c'est quoi ce … » or as the attribute of « c'est un(e) … »;
 * a noun of `[chiffre]` there or anywhere in a question asking « combien »; « date » before « de quand »; a word of
 * `[jugement]` not after a determiner.
 * @example answerKindWords("microsoft c'est quel pourcentage de la bureautique ?") // Set {"pourcentage"}
 */
export function answerKindWords(question: string): Set<string> {
  const list = tokens(question);
  // « le mot « encourager » »: the noun right before an opening quotation mark introduces what is quoted.
  const quoting = new Set(
    [...question.matchAll(/[\p{L}]+/gu)]
      .filter((m) => OPENING_QUOTE.test(question.slice(m.index + m[0].length)) && QUOTING.has(fold(m[0])))
      .map((m) => fold(m[0])),
  );
  // « c'était la combientième ? » asks a rank, as « combien » a figure.
  const asksFigure = list.some((w) => w === "combien" || w.startsWith("combientieme"));
  const found = new Set<string>();
  list.forEach((w, i) => {
    if (
      (KINDS.has(w) && kindPlace(list, i)) ||
      quoting.has(w) ||
      (NAMED.has(w) && INTERROGATIVE.has(list[i - 1] ?? ""))
    )
      found.add(w);
    // « il y a un pourcentage de réduction imposé ? » asks whether such a figure exists.
    else if (FIGURES.has(w) && (asksFigure || kindPlace(list, i) || thereIs(list, i))) found.add(w);
    else if (
      DATING.has(w) &&
      DATED_SUBJECT.has(list[i - 1] ?? "") &&
      ((list[i + 1] === "de" && list[i + 2] === "quand") || list[i + 1] === "depuis")
    )
      found.add(w);
    else if (JUDGEMENTS.has(w) && !DETERMINER.has(list[i - 1] ?? "")) found.add(w);
    // « je dis quoi en 3 phrases »: the length of the answer asked, after « en » and a number.
    else if (FORMS.has(w) && list[i - 2] === "en" && SMALL_NUMBER.test(list[i - 1] ?? "")) found.add(w);
  });
  for (const w of closingAsk(question)) found.add(w);
  for (const w of momentsOffered(question)) found.add(w);
  return found;
}

/**
 * The words of a moment (`[moment]`) offered on either side of the last « ou » of a question (typed without its
 * accent: « où » asks a place), at most `ALTERNATIVE_REACH` words from it, in the same clause: « récemment ou c'est
 * ancien » asks when, which the passage dating the subject answers (held-out-32).
 */
function momentsOffered(question: string): string[] {
  const list = [...question.matchAll(/[\p{L}\p{N}]+|[,;:.?!]/gu)].map((m) => m[0]);
  const at = list.map((w) => w.toLowerCase()).lastIndexOf("ou");
  if (at < 0) return [];
  const out: string[] = [];
  for (const step of [-1, 1])
    for (let i = at + step, n = 0; i >= 0 && i < list.length && n < ALTERNATIVE_REACH; i += step) {
      if (/^[,;:.?!]$/.test(list[i]!)) break;
      n++;
      if (MOMENTS.has(fold(list[i]!))) out.push(fold(list[i]!));
    }
  return out;
}

/** Fewest words of the statement before a closing ask (`closingAsk`). */
const STATED_WORDS = 4;
/** Most words a closing ask names (« son grade et son nom », « jour et date »). */
const CLOSING_WORDS = 3;

/**
 * « l'officier qui a présenté gendbuntu au cnit en janvier 2008, son grade et son nom », « …, vous avez la liste ? »,
 * « …, intitulé ? »: a short clause after the last comma of a statement that names only what the answer is to give —
 * nouns after a possessive, an article or nothing, after « vous avez », « on a » or nothing (`[demande finale]`): the
 * statement says what the question is about, the closing words the kind of answer. Their folded words.
 */
export function closingAsk(question: string): string[] {
  const at = question.lastIndexOf(",");
  if (at < 0) return [];
  const head = tokens(question.slice(0, at));
  let tail = tokens(question.slice(at + 1));
  if (head.length < STATED_WORDS) return [];
  let lead = false;
  for (const opener of CLOSING_LEADS)
    if (opener.every((w, k) => tail[k] === w)) {
      tail = tail.slice(opener.length);
      lead = opener.some((w) => w !== "et");
      break;
    }
  // Not a clause that asks by itself or says more (« …, qui préside l'april », « …, lequel prendre », « …, sans
  // abonnement adobe »): only the links of the nouns between them.
  // Bare nouns (« …, jour exact ») only when the first names a kind of answer (`[genre]`, `[nommée]`, `[chiffre]`):
  // « …, éditeur européen », « …, écoles comprises » say what is asked or where.
  const linked = tail.length > 0 && CLOSING_LINKS.has(tail[0]!);
  if (!linked && !lead && !(KINDS.has(tail[0] ?? "") || NAMED.has(tail[0] ?? "") || FIGURES.has(tail[0] ?? "")))
    return [];
  const named = tail.filter((w) => !CLOSING_LINKS.has(w));
  if (named.some((w) => STOPWORDS.has(w.replace(/'$/, "")) || !/^[a-z]{3,}$/.test(w))) return [];
  return named.length > 0 && named.length <= CLOSING_WORDS ? named : [];
}
