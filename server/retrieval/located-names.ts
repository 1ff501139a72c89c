/**
 * A name a question asks the action of (« Que fait Toulouse pour le logiciel libre ? ») and the passages that name it
 * only to situate something else (trial7, B5): « L'AFUL … a son siège à Toulouse », « Éditeur français (Toulouse) ».
 * Quoted as the answer, they read as the town's own policy; they do not hold the name. Words as data:
 * `server/i18n/fr/located-names.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import type { QuestionTerm } from "./lexicon.ts";
import { holds, passageWords, withoutReferences } from "./passage-words.ts";

const SECTIONS = wordListSections("located-names.txt");
const foldedSection = (name: string) => new Set((SECTIONS.get(name) ?? []).map((e) => fold(e)));
/** Words right before a name in a question that make it a complement (« le maire de Quimper »), folded. */
const COMPLEMENT = foldedSection("complément");
/** Verbs right before a name in a question that ask what it does (« Que fait Montpellier … ? »), folded. */
const ACTION = foldedSection("action");
/** Words by which a question asks where something is, or who is somewhere (« basés à Toulouse »), folded. */
const WHERE = foldedSection("où");
/** Words right before a name in a passage that give it as the place of something else (« à »), as written. */
const SITUATING = new Set(SECTIONS.get("situer") ?? []);

/** Articles between a preposition and a name (« de l'Aveyron », « à la Rochelle »), folded. */
const ARTICLES = new Set(["l", "la", "le", "les"]);

const tokensOf = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)];

/** Where the words of a folded name (`parts`) follow one another in `tokens`, by the index of the first. */
function occurrences(tokens: RegExpMatchArray[], parts: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + parts.length <= tokens.length; i++)
    if (parts.every((p, j) => fold(tokens[i + j]![0]) === p)) out.push(i);
  return out;
}

/**
 * The names of a question that it asks the action of: written as names, neither a date, a country nor a collectivité
 * named as one (« la ville de Toulouse », read elsewhere), opening the question or right after a verb asking what they
 * do (« Que fait Angers … ? »), never after a word that makes them a complement (« le maire de Quimper », « basés à
 * Toulouse »), in a question that does not ask where something is (« Quels éditeurs sont basés à Toulouse ? », « Où
 * est le siège de l'AFUL ? »).
 */
export function actingNames(question: string, names: QuestionTerm[]): QuestionTerm[] {
  const tokens = tokensOf(question);
  if (tokens.some((t) => WHERE.has(fold(t[0])))) return [];
  return names.filter((t) => {
    if (!t.name || t.date || t.version || t.country || t.collectivity || t.nationality || t.alias || t.context)
      return false;
    if (/\d/.test(t.word)) return false;
    const at = occurrences(tokens, t.word.split(" "));
    // The word before the name, an article left aside (« la communauté de communes de l'Aveyron »); none when the
    // name opens the question (« Et Montpellier, … ? »).
    const before = (i: number) => {
      let k = i - 1;
      while (k >= 0 && (ARTICLES.has(fold(tokens[k]![0])) || (k === 0 && fold(tokens[k]![0]) === "et"))) k--;
      return k >= 0 ? fold(tokens[k]![0]) : "";
    };
    // The one who acts opens the question (« Montpellier utilise-t-elle … ? ») or follows the verb that asks what it
    // does (« Que fait Montpellier … ? », « Où en est Montpellier ? »); not an object (« utilise-t-elle LibreOffice »,
    // « une licence Adobe Photoshop »), which a passage may write after « à » (« passée à LibreOffice »).
    return (
      at.length > 0 &&
      at.every((i) => !COMPLEMENT.has(before(i))) &&
      at.some((i) => before(i) === "" || ACTION.has(before(i)))
    );
  });
}

/**
 * Whether a passage names `t` otherwise than to situate something else: its occurrences right after « à » or alone in
 * a parenthesis (« a son siège à Toulouse », « Éditeur français (Toulouse) ») set aside, it still holds the name. A
 * passage that holds it only in its words' other forms (a synonym, an expansion) holds it as it did.
 */
export function namesItself(
  t: QuestionTerm,
  r: { text: string; section: string; document: { title: string } },
): boolean {
  const text = `${r.document.title}\n${r.section}\n${withoutReferences(r.text)}`;
  const tokens = tokensOf(text);
  const spans: [number, number][] = [];
  for (const v of t.variants) {
    const parts = fold(v)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (parts.length === 0) continue;
    for (const i of occurrences(tokens, parts)) {
      const first = tokens[i]!;
      const last = tokens[i + parts.length - 1]!;
      const from = first.index!;
      const to = last.index! + last[0].length;
      // A parenthesis that holds only the name gives a place (« Éditeur français (Montpellier) »), unless the name is
      // written as an acronym (a capital after a word's first letter): then it is the short name of what comes before
      // (« logiciels libres (SILL) », « hébergement d'applications (PaaS) »).
      const situated =
        (i > 0 && SITUATING.has(tokens[i - 1]![0])) ||
        (/\(\s*$/.test(text.slice(Math.max(0, from - 3), from)) &&
          /^\s*\)/.test(text.slice(to, to + 3)) &&
          !/[\p{L}\p{N}]\p{Lu}/u.test(text.slice(from, to)));
      if (situated) spans.push([from, to]);
    }
  }
  if (spans.length === 0) return holds(t, passageWords(text));
  let rest = "";
  let at = 0;
  for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
    if (from < at) continue;
    rest += `${text.slice(at, from)} `;
    at = to;
  }
  return holds(t, passageWords(rest + text.slice(at)));
}
