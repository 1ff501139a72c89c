/**
 * A price asked of a subject (« bluemind coute combien par boite aux lettres », « harfanglab c'est combien par
 * poste ») is answered only by a sum of money said of that subject: in a sentence that names it, or in its own card
 * or section. A sum beside it (the Gendarmerie's savings, Microsoft's price rises) is a nearby figure, not its price.
 * Words in `price-asked.txt`.
 */
import { fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { askingClause, FIGURE_ASKED, holdsPhrase, moneyIn, slot } from "./asked-kinds.ts";
import { readSections, words } from "./french.ts";
import { isGeneric, type QuestionTerm, STOPWORDS } from "./lexicon.ts";
import { holds, type passageWords } from "./passage-words.ts";

const SECTIONS = readSections("price-asked.txt");
// The word lists of `asked-slots.txt` are read on first use: `asked-kinds.ts` and the rules importing this file import
// each other, and either may be loaded first.
let moneyWords: Set<string> | undefined;
let askingWords: Set<string> | undefined;
/** Words of a sum (« euros », « amende »): « combien d'euros », « ça fait combien en euros ». */
const money = () =>
  (moneyWords ??= new Set([...slot("montant"), ...slot("argent")].filter((e) => e.length === 1).flat()));
/** What « combien par … » prices (« par poste », « par mois »): a price, not a count. */
const UNITS = new Set((SECTIONS.get("par") ?? []).flat());
/** Words that say what kind of figure is asked, not of what (« au max », « en moyenne », « en euros »). */
const askingWordList = () =>
  (askingWords ??= new Set(
    [...(SECTIONS.get("qualificatifs") ?? []), ...slot("argent"), ...slot("montant")].flat().concat("combien"),
  ));
/** Words before a participle (« a-t-elle accordé »): what is said of the subject, not the subject. */
const AUXILIARIES = new Set((SECTIONS.get("auxiliaires") ?? []).flat());
/** Words before an infinitive (« de passer à Grommunio »): what is done, not what is priced. */
const BEFORE_INFINITIVE = new Set((SECTIONS.get("avant un infinitif") ?? []).flat());
/** Words in « -er » that are not verbs (« de février »). */
const NOT_INFINITIVE = new Set((SECTIONS.get("pas un infinitif") ?? []).flat());
/** A sentence saying the sum is not known (« aucun coût … n'avait été publié »). */
const UNKNOWN_SUM = SECTIONS.get("non connue") ?? [];
/** A preposition after a participle (« l'État construit avec Mistral »): the participle says what was done, not what is priced. */
const AFTER_PARTICIPLE = new Set((SECTIONS.get("après un participe") ?? []).flat());
/** A past participle by its ending, accents kept (« construit », « hébergée », « ouvert »). */
const PARTICIPLE = /^\p{Ll}{3,}(?:it|ite|its|ites|ert|erte|erts|ertes|é|ée|és|ées)$/u;
/** Words searched beside the subject when no passage read gives its price (« adullact montant coût tarif »). */
export const PRICE_SEARCHED = (SECTIONS.get("recherche") ?? []).flat().join(" ");
/**
 * An adjective of a place, as folded words (« sud coreens »), to the place's folded words (« coree du sud »): a
 * sentence or a heading naming the place names what the adjective does (`adjectives-of-places.txt`).
 */
const PLACE_OF_ADJECTIVE = new Map(
  wordListLines("adjectives-of-places.txt")
    .filter((l) => l.includes(":"))
    .flatMap((l) => {
      const [place, list] = l.split(":") as [string, string];
      return list.split(",").map((a) => [words(a).join(" "), words(place)] as [string, string[]]);
    }),
);
/** Words that join a unit's words after « par » (« par boite aux lettres », « par tranche d'agents »). */
const UNIT_JOINS = new Set(["aux", "au", "a", "de", "d", "des", "du"]);

/**
 * Whether the question (folded, apostrophes straight, its context left out) asks a price or a cost: « combien » and a
 * word of money (« coûte », « tarif », « en euros »), or « combien par » a unit (« c'est combien par poste »). Not a
 * count (« combien de cœurs », « c'est combien d'agents »), nor a change or a saving (« de combien »,
 * « économiser combien »).
 */
export function priceAsked(asking: string): boolean {
  const figureWord = FIGURE_ASKED.exec(asking)?.[1];
  if (!figureWord) return false;
  const clauseText = askingClause(asking, figureWord);
  const clause = words(clauseText);
  // A change, a factor or a saving (« de combien », « multipliée par combien », « fait économiser combien ») is said
  // in a percentage or a factor as well as in euros: the figure rules read it.
  if (/\b(?:de|par) combien\b/.test(clauseText) || holdsPhrase(clause, slot("économie"))) return false;
  const counted = /\bcombien (?:de |d'|des )([a-z]+)/.exec(clauseText)?.[1];
  if (counted) return money().has(counted);
  if (holdsPhrase(clause, slot("argent")) || clause.some((w) => money().has(w))) return true;
  const k = clause.indexOf("combien");
  // « c'est combien par poste », or the unit before it (« la licence exo platform par utilisateur c'est combien »).
  const perUnit = (j: number) => clause[j] === "par" && UNITS.has(clause[j + 1] ?? "");
  return k >= 0 && (perUnit(k + 1) || clause.slice(0, k).some((_, j) => perUnit(j)));
}

/** Nouns that name a price (« tarif », « prix », « montant »), and the words that may come before one in a clause. */
const PRICE_NOUNS = new Set((SECTIONS.get("nom du prix") ?? []).flat());
const BEFORE_PRICE_NOUN = new Set((SECTIONS.get("avant le nom du prix") ?? []).flat());
/** Any interrogative word (folded): a question that asks with one is not a bare price request. */
const INTERROGATIVE =
  /\b(?:qui|que|qu'|quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|combien|comment|pourquoi|ou|quand|d'ou)\b/;
/** How many words (a name, « m365 e3 ») may come before the price noun of a bare price request. */
const NAMED_BEFORE_PRICE = 2;

/**
 * Whether the question (folded, apostrophes straight, its context left out) is a bare price request, without
 * « combien »: a clause opening on a price noun (« tarif bluemind annuel par boite pour 60 agents », « prix de la
 * licence nextcloud enterprise », « …, montant ? ») or naming its subject right before it (« harfanglab prix par
 * poste »), in a question with no interrogative word. Not the price as a complement (« la hausse du prix de … »).
 */
export function priceNamed(asking: string): boolean {
  if (INTERROGATIVE.test(asking.replace(/\best-ce qu(?:e|')/g, ""))) return false;
  return asking.split(/[,;:?.!]/).some((c) => {
    // « le prix de VMware a-t-il été multiplié … ? »: a verb with its subject inverted asks what happened to the price.
    if (/-(?:t-)?(?:il|elle|ils|elles|on)\b/.test(c)) return false;
    const list = words(c);
    let k = 0;
    while (k < list.length && BEFORE_PRICE_NOUN.has(list[k]!)) k++;
    const at = list.findIndex((w, j) => j >= k && PRICE_NOUNS.has(w));
    return at >= 0 && at - k <= NAMED_BEFORE_PRICE && list.slice(k, at).every((w) => !STOPWORDS.has(w));
  });
}

/**
 * What the price is asked of: the question's terms but the words asking it (« coute », « combien », « au max »), the
 * unit after « par » (« par boite aux lettres »), verbs, adjectives and general words.
 */
export function priceSubject(asking: string, terms: QuestionTerm[], written = ""): QuestionTerm[] {
  const list = words(asking);
  // The question as typed, accents kept: a participle is told by its ending (« construit », « hébergée »).
  const typed = written
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const unit = new Set<string>();
  list.forEach((w, k) => {
    if (w !== "par" || !UNITS.has(list[k + 1] ?? "")) return;
    for (
      let j = k + 1;
      j < list.length && (j === k + 1 || UNIT_JOINS.has(list[j]!) || UNIT_JOINS.has(list[j - 1]!));
      j++
    )
      unit.add(list[j]!);
  });
  // A participle (« a-t-elle accordé ») or an infinitive (« de passer à … »): what is done, not what is priced.
  const afterAuxiliary = (t: QuestionTerm) =>
    list.some(
      (w, k) =>
        w === t.word.split(" ")[0] &&
        (AUXILIARIES.has(list[k - 1] ?? "") ||
          (!t.name && BEFORE_INFINITIVE.has(list[k - 1] ?? "") && /(?:er|ir)$/.test(w) && !NOT_INFINITIVE.has(w))),
    );
  // A participle after a noun and before its complement (« l'État construit avec Mistral »): what was done to the noun.
  const participle = (t: QuestionTerm) =>
    !t.name &&
    !t.noun &&
    !t.word.includes(" ") &&
    typed.some(
      (w, k) => k > 0 && fold(w) === t.word && PARTICIPLE.test(w) && AFTER_PARTICIPLE.has(fold(typed[k + 1] ?? "")),
    );
  return terms.filter(
    (t) =>
      !t.verb &&
      !afterAuxiliary(t) &&
      !participle(t) &&
      !t.modifier &&
      !t.date &&
      !isGeneric(t) &&
      !t.word.split(" ").every((w) => askingWordList().has(w) || unit.has(w) || w === "par"),
  );
}

/**
 * Whether a sentence gives a sum of money (a number in euros, « gratuit »), or says the sum is not known (« aucun
 * coût … n'avait été publié »).
 */
export const sumIn = (sentence: string) => moneyIn(sentence) || holdsPhrase(words(sentence), UNKNOWN_SUM);

/** `price-asked.txt` [financement], [prix payé]. */
const FUNDING = SECTIONS.get("financement") ?? [];
const PAID = SECTIONS.get("prix payé") ?? [];
/**
 * Whether a sentence gives a price paid (`sumIn`), not only a sum received or raised (« le projet a reçu une
 * subvention de 2 millions d'euros », « subventionnée 2 M€ »): a grant is not what one pays for the thing.
 */
export function priceSum(sentence: string): boolean {
  if (!sumIn(sentence)) return false;
  const w = words(sentence);
  return !holdsPhrase(w, FUNDING) || holdsPhrase(w, PAID) || holdsPhrase(w, UNKNOWN_SUM);
}

/**
 * Whether a question (folded) asks a price paid (« combien une commune paie-t-elle », « combien coûte »), not a grant or
 * funds raised (« combien de subvention », « montant levé »), nor a sum given (« quel montant l'ANCT a-t-elle accordé »).
 */
/** Whether the question makes the subject the payer: « à » before it (« combien ça a coûté à lyon »). */
export function paidBy(subject: string, asking: string): boolean {
  const w = words(asking);
  const s = subject.split(" ");
  return w.some((x, i) => x === "a" && s.every((y, k) => w[i + 1 + k] === y || w[i + 2 + k] === y));
}

export function asksPricePaid(asking: string): boolean {
  const w = words(asking);
  return holdsPhrase(w, PAID) && !holdsPhrase(w, FUNDING);
}

/**
 * Whether words (a sentence's, a heading's) name the subject: its term, or for an adjective of a place
 * (« sud-coréens ») the place (« Corée du Sud »).
 */
export function namesSubject(subject: QuestionTerm, p: ReturnType<typeof passageWords>): boolean {
  if (holds(subject, p)) return true;
  const place = PLACE_OF_ADJECTIVE.get(subject.word);
  return !!place && holdsPhrase(p.list, [place]);
}

export const foldedQuestion = (q: string) => fold(q).replace(/[’]/g, "'");
