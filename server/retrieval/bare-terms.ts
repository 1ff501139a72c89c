/**
 * A question of bare terms (« tchap prix ? », « zoom hausse 2026 ? »): no article, no verb's auxiliary, no question
 * word, nothing but what it is about, asked by its question mark. No grammar ties its terms: only a sentence that holds
 * them all says something of them together, or a passage whose title or heading names some of them (a card's
 * « Tchap ») and one of whose sentences holds the rest. A passage holding them in sentences apart (« la migration vers
 * Tchap … », « aucun bilan … de coût … n'avait été publié » of the CNAM) answers another question.
 */
import { fold } from "../core/text.ts";
import { FRAME, type QuestionTerm, STOPWORDS } from "./lexicon.ts";
import { holds, passageWords, SENTENCE, withoutReferences } from "./passage-words.ts";

/**
 * Most words of a question of bare terms: beyond, it says more than a list of terms (« nis2 comune petite obligaion ? »
 * asks of a small commune's duty, which a passage says in its own sentences).
 */
const MAX_WORDS = 3;
/** A question word (folded): a question asked by it is not one of bare terms. */
const INTERROGATIVE = /^(?:quel|quelle|quels|quelles|comment|combien|pourquoi|quand|qui|quoi|ou|que|qu)$/;

/**
 * Whether a question is one of bare terms: two or three words, closed by a question mark, none of them a stopword (an
 * article, « c'est », « a »), a word of the frame, a question word or a verb with its pronoun (« est-il »).
 */
export function bareTerms(question: string): boolean {
  const text = question.trim();
  if (!/\?\s*$/.test(text) || /[,;:=+]/.test(text)) return false;
  const tokens = text
    .replace(/[?!.]+/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => fold(t));
  if (tokens.length < 2 || tokens.length > MAX_WORDS) return false;
  return tokens.every(
    (t) => !/['-]/.test(t) && !STOPWORDS.has(t) && !FRAME.has(t) && !INTERROGATIVE.test(t) && /[a-z0-9]/.test(t),
  );
}

type Passage = { text: string; section: string; document: { title: string } };

/**
 * Whether a passage holds all of a question's terms together: in one of its sentences, or some in its title and
 * heading and the others in one sentence.
 */
export function holdsTogether(terms: QuestionTerm[], r: Passage): boolean {
  const head = passageWords(`${r.document.title}\n${r.section}`);
  const rest = terms.filter((t) => !holds(t, head));
  if (!rest.length) return true;
  return withoutReferences(r.text)
    .split(SENTENCE)
    .some((s) => {
      const words = passageWords(s);
      return rest.every((t) => holds(t, words));
    });
}
