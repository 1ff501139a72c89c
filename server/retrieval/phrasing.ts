/**
 * Which words of a question carry what it asks, and which only say how the asker puts it (held-out-31, burned: 97 of
 * 603 answerable questions refused, many for an ordinary word the corpus never writes — « éviter de taper dans
 * chatgpt quand on bosse en mairie », « le plancher de commande … a bougé », « la directive … est parue »).
 *
 * Read by the word's place in the question, never by a list of such words (`phrasing.txt` holds only the small words
 * that mark a place): a conjugated verb (after a subject or object pronoun, after an auxiliary, `verbForm`), an
 * infinitive after a preposition or a verb of mood, a past participle written with its accent and no determiner
 * before it, an adjective right after a noun, an adverb in « -ment ». What carries the question is the rest: the
 * names, the thing whose value is asked (« quelle morale », « combien de structures »), the nouns after a determiner
 * (« un policier », « la piscine »).
 *
 * Such a word that the corpus never uses (`phrasingUnknown`) is set aside before the question is judged: its
 * coverage is measured on the words that carry it.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { asksByInterrogative } from "./asked-kinds.ts";
import type { CorpusFrequency } from "./corpus-names.ts";
import { verbForm } from "./held-topic.ts";
import { ligatures, type QuestionTerm } from "./lexicon.ts";
import { DETERMINERS } from "./names-places.ts";

const LISTS = wordListSections("phrasing.txt");
const folded = (text: string) => fold(ligatures(text)).replace(/[’]/g, "'");
const list = (name: string) => (LISTS.get(name) ?? []).map(folded);
/** Before a conjugated verb: pronouns and the negation (`[devant un verbe]`). */
const BEFORE_VERB = new Set(list("devant un verbe"));
/** Before an infinitive: prepositions (`[devant un infinitif]`). */
const BEFORE_INFINITIVE = new Set(list("devant un infinitif"));
/** What opens the thing whose value is asked, one or two words (`[devant la chose demandée]`). */
const BEFORE_ASKED = list("devant la chose demandée").map((e) => e.split(/\s+|(?<=')/).filter(Boolean));
/** Endings of a noun that looks like a participle (« sécurité »), folded. */
const NOUN_ENDINGS = list("nom en -té");
/** A folded infinitive's ending: « taper », « recevoir » (« -re » is too often a noun's: « chiffre », « membre »). */
const INFINITIVE = /(?:er|ir)$/;
/** A past participle as written, its accent kept (« bougé », « surnommés », « glissées »). */
const PARTICIPLE = /é(?:e|s|es)?$/;
/** « comment », « pourquoi »: what is asked is how or why the act is done (`[manière ou cause]`). */
const HOW_OR_WHY = new RegExp(`(?<![a-z])(?:${list("manière ou cause").join("|")})(?![a-z])`);
/** An adverb (« juridiquement »), folded. */
const ADVERB = /^[a-z]{4,}ment$/;

/** The question's words as written and folded, an elision its own token (« l'api » → « l' », « api »). */
function tokensOf(question: string): { raw: string; word: string }[] {
  return [...ligatures(question).matchAll(/[\p{L}\p{N}-]+['’]?/gu)].map((m) => ({ raw: m[0], word: folded(m[0]) }));
}

/** Whether the token at `i` is where the question names the thing it asks the value of (« quelle morale »). */
function asksAt(tokens: { word: string }[], i: number): boolean {
  return BEFORE_ASKED.some((opener) => {
    // The opener right before the noun, or before one word between (« quel ancien texte »).
    for (const gap of [0, 1]) {
      const start = i - gap - opener.length;
      if (start >= 0 && opener.every((w, k) => tokens[start + k]!.word === w)) return true;
    }
    return false;
  });
}

/**
 * Whether the question asks a value (« quel … », « combien », « qui », « quand », « où », « qu'est-ce que »), not whether
 * (« … est-elle bleue ou carrée », « le cloud act est il comestible ») nor how or why an act is done (« un adjoint peut
 * démissionner comment », « … est verrouillé, pourquoi »): only then are its verbs the asker's phrasing, the act being
 * what the others ask.
 * (« ou » typed between two words is the choice « bleue ou carrée », not « où »; « que » after a word links a clause,
 * « en tant que maire, je peux marier … ? ».)
 */
function asksValue(question: string): boolean {
  const asking = question.replace(/\s+ou\s+(?=\p{L})/gu, " ").replace(/(?<=\p{L})\s+(?:que|qu['’])/gu, " ");
  return asksByInterrogative(asking) && !HOW_OR_WHY.test(folded(question));
}

/** Whether the word at `i` stands where the asker's phrasing stands, not what is asked (see the module's comment). */
function phrasingAt(question: string, tokens: { raw: string; word: string }[], i: number): boolean {
  const { raw, word } = tokens[i]!;
  const before = tokens[i - 1]?.word ?? "";
  if (asksAt(tokens, i)) return false;
  if (!asksValue(question)) return false;
  if (BEFORE_VERB.has(before)) return true;
  if (BEFORE_INFINITIVE.has(before) && INFINITIVE.test(word)) return true;
  // After a determiner or an elided article (« l'api », « d'où »), a noun.
  if (DETERMINERS.has(before.replace(/'$/, "")) || before.endsWith("'")) return false;
  if (ADVERB.test(word)) return true;
  // In a question asking yes or no (« … est-elle bleue ou carrée », « … a-t-elle adhéré … », « … peut voler »), the
  // verb is what is asked.

  if (verbForm(question, word)) return true;
  // A participle follows what it says of: not a word opening the question (« boé ne parle pas … »), nor one after a
  // preposition (« à boé »), a name typed in lower case.
  // (« a » without its accent is the auxiliary: « le plancher … a bougé ».)
  const preposition = BEFORE_INFINITIVE.has(before) && tokens[i - 1]!.raw !== "a";
  return i > 0 && !preposition && PARTICIPLE.test(raw) && !NOUN_ENDINGS.some((e) => word.endsWith(e));
}

/**
 * The terms of a question that, wherever the question writes them, stand where the asker's phrasing stands: a verb, an
 * adjective, an adverb (see the module's comment). Never a name, a date, the kind of answer asked, nor a term of
 * several words.
 */
export function phrasingTerms(question: string, terms: QuestionTerm[]): QuestionTerm[] {
  const tokens = tokensOf(question);
  return terms.filter((t) => {
    if (t.name || t.date || t.alias || t.verbatim || t.nationality || t.word.includes(" ")) return false;
    const at = tokens.flatMap((tok, i) => (tok.word === t.word ? [i] : []));
    return at.length > 0 && at.every((i) => phrasingAt(question, tokens, i));
  });
}

/**
 * The terms of the asker's phrasing (`phrasingTerms`) that the corpus never uses, nor any of their synonyms: set
 * aside, they say nothing of what the question asks (« qu'est-ce qu'il faut éviter de taper dans chatgpt … »).
 */
export async function phrasingUnknown(
  question: string,
  terms: QuestionTerm[],
  frequency: CorpusFrequency,
): Promise<QuestionTerm[]> {
  const unknown: QuestionTerm[] = [];
  for (const t of phrasingTerms(question, terms)) {
    const counts = await Promise.all([...new Set([t.word, ...t.variants])].map((v) => frequency(v)));
    if (counts.every((n) => n === 0)) unknown.push(t);
  }
  return unknown;
}
