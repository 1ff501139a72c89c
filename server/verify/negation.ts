/** Which clauses are negated or asserted as certain: negation and certainty words, clauses compared for polarity. */
import { NUMBER_WORD_PATTERN } from "../core/number-words.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { fold, stem } from "../retrieval/french.ts";
import { type Bag, contentWords, inBag, WEAK } from "./words.ts";

/**
 * A negation in a clause: « ne … pas / jamais / plus / aucun / rien » (not « ne … plus que », which restricts: « ne
 * passent plus que par le programme payant ESU », trial19 M1), « pas » alone (« s'applique pas »), « jamais »,
 * « aucun », « sans », « ni », « nul », « rien à / de » opening a clause (« Rien à migrer pour l'usage », the line of a
 * card; not « pour rien », « rien que »), « plus de » opening a clause before a noun (« Plus de mises à jour de
 * sécurité depuis le 14 janvier 2020 », the line of a card: « no more », as « ne … plus de » says it; not before a
 * figure or an article, « plus de 30 000 habitants », « plus de la moitié », which compare) (« non » is left out:
 * « non confirmé » is a qualification, checked apart).
 */
export const NEGATION = new RegExp(
  String.raw`(?<!\p{L})(?:(?:ne\s+|n['’]\s*)(?:\S+\s+){0,4}?(?:pas|jamais|plus(?!\s+qu(?:e\s|['’]))|aucun|aucune|rien|nullement|guère)|(?<!(?:le|un|au|ce|faux|premier|à)\s)pas(?!\s+à\s+pas)|jamais|aucune?|sans|ni|nulle?|(?<=^|[:;,(]\s*)rien(?=\s+(?:à|de)\s|\s+d['’])|(?<=^|[:;(]\s*)plus(?=\s+(?:de\s+|d['’]\s*)(?!\d|l['’]|(?:la|le|les|un|une|${NUMBER_WORD_PATTERN})(?!\p{L}))))(?!\p{L})`,
  "iu",
);

/**
 * A text in parentheses with the spaces before it; an aside when it has three words or more (`isAside`). The spaces
 * are taken from the start of their run only, and the words counted apart: written as one pattern
 * (« \s*\(([^()]*\s[^()]*\s[^()]*)\) »), it tried every split of a long run of spaces or of an unclosed parenthesis.
 */
const PARENTHESES = /(?<!\s)\s*\(([^()]*)\)/g;
/**
 * A list in parentheses (« (communes, intercommunalités, départements, régions) »): it names what the words before it
 * name and states nothing: in a clause negated before it, it is no affirmative clause of its own (faithful-blind-18:
 * « Elles n'obligent pas les communes… » was contradicted by the list of « elles n'obligent pas les collectivités
 * territoriales (communes, …) »). Elsewhere it stays an aside (« le coût total (licences, matériel, …), pas seulement
 * le prix » read whole would be negated by « pas seulement »).
 */
const isList = (inner: string) => {
  const items = inner.split(/\s*,\s*|\s+(?:et|ou)\s+/u).filter(Boolean);
  return items.length >= 3 && items.every((item) => item.split(/\s+/).length <= 3);
};
const isAside = (inner: string) => (inner.match(/\s/g)?.length ?? 0) >= 2;

/**
 * The text with its asides in parentheses moved after it, each a clause of its own: an aside has its own polarity (« ne
 * s'ouvrent pas directement (seul le format XML s'importe partiellement) »), and the clause after it keeps the clause
 * before it as the one its pronoun subject is about.
 */
const asidesLast = (text: string) => {
  const found = [...text.matchAll(PARENTHESES)].filter((m) => isAside(m[1]!));
  if (found.length === 0) return text;
  // A list whose host clause is negated before it is dropped: it has no polarity of its own to give.
  const asides = found
    .filter(
      (m) =>
        !isList(m[1]!) ||
        !NEGATION.test(
          text
            .slice(0, m.index)
            .split(/[:;.!?]/u)
            .at(-1) ?? "",
        ),
    )
    .map((m) => m[1]!.trim());
  return [text.replace(PARENTHESES, (whole, inner: string) => (isAside(inner) ? "" : whole)), ...asides].join(" ; ");
};

/**
 * Clauses of a sentence as the polarity check compares them: apart at « : », « ; », « mais », « alors que », and
 * before a noun in apposition with its relative clause (« …, un poste qui n'a pas été créé », « …, une solution
 * européenne qui réduit … »).
 */
export const polarityClauses = (text: string) =>
  asidesLast(text.replace(/\[\d+\]/g, " "))
    .split(
      /\s:\s|\s?;\s|[.!?]\s+|,?\s(?:mais|alors que|tandis que|contrairement à)\s|\n+|,\s(?=(?:un|une|le|la|les|ce|cette|des)\s+\p{L}+(?:\s+\p{L}+)?\s+(?:qui|que|dont)\s)/u,
    )
    .map((c) => c.trim())
    .filter(Boolean);

/** Words a clause must share with a source clause for their polarity to be compared. */
export const POLARITY_MIN_SHARED = 3;
/** Share of the clause's content words the source clause must have. */
export const POLARITY_MIN_SHARE = 0.75;

/**
 * A negation that bears on certainty (« n'est pas confirmé », « ne le précise pas »): a qualification, checked apart.
 * « certains, certaines » are determiners (« certaines banques »), not certainty.
 */
export const CERTAINTY =
  /(?<!\p{L})(?:confirm|vérifi|verifi|établi|etabli|précis|precis|connu|certain(?!e?s(?!\p{L}))|avéré|avere|détaill|detaill)/iu;

/**
 * A bound after a negation (« ne peut détenir plus de 24 % », « ne peut pas confier plus de 30 % », « n'excède jamais
 * moins d'un tiers »): « plus » or « moins » before « de » or « que » and a number, within four words. The negation
 * bounds the figure (« at most 24 % »), it does not deny the clause; what the bound is, the figure checks judge.
 */
const BOUND_AFTER = new RegExp(
  `^(?:\\s+\\S+){0,4}?\\s+(?:plus|moins)\\s+(?:de\\s+|d['’]\\s*|que\\s+|qu['’]\\s*)(?:\\d|(?:un|une|${NUMBER_WORD_PATTERN})(?!\\p{L}))`,
  "iu",
);
/** The same when the negation's own word is « plus » (« ne peut détenir plus de 24 % »). */
const BOUND_NEXT = new RegExp(
  `^\\s+(?:de\\s+|d['’]\\s*|que\\s+|qu['’]\\s*)(?:\\d|(?:un|une|${NUMBER_WORD_PATTERN})(?!\\p{L}))`,
  "iu",
);

/** Whether the negation matched at `m` in `text` bounds a figure rather than denies (`BOUND_AFTER`). */
export function boundsFigure(text: string, m: RegExpMatchArray): boolean {
  const end = m.index! + m[0].length;
  const rest = text.slice(end);
  if (/plus$/iu.test(m[0]) && BOUND_NEXT.test(rest)) return true;
  return /^(?:ne|n['’]|pas|jamais)(?!\p{L})/iu.test(m[0]) && BOUND_AFTER.test(rest);
}

/** Every negation of a clause (`matchAll` copies it, so one global RegExp serves every call). */
const NEGATION_ALL = new RegExp(NEGATION.source, "giu");
/** « ne … pas seulement »: a negation that adds to what it bears on, not one that denies it (`not-only.txt`). */
const NOT_ONLY = new RegExp(`^\\s+(${wordListLines("not-only.txt").join("|")})(?!\\p{L})`, "iu");

/**
 * Whether a clause negates what it shares with another text: a negation (`NEGATION`) that bears on one of their
 * shared words (the verb inside « ne … pas », or one of the two words after it: « n'est jamais revenue », « sans autre
 * démarche »), not on a part of the clause that says something else (« un projet qui ne mesure pas ses résultats … est
 * remis en cause »).
 */
export function negatedAmong(clause: string, other: Bag): boolean {
  const tokens = [...clause.matchAll(/[\p{L}\p{N}'’-]+/gu)].map((t) => {
    const w = contentWords(t[0]).filter((x) => !WEAK.has(x));
    return { at: t.index!, words: w, content: w.length > 0, shared: w.length > 0 && w.every((x) => inBag(x, other)) };
  });
  /** The other text writes the same one-word negation before the same word (« sans portée normative » in both). */
  const alsoSaid = (negation: string, next: string[]) => {
    const n = fold(negation);
    // Only a negation of its own there: « ne crée aucune obligation » is the « ne … » of its verb.
    return other.list.some(
      (x, i) =>
        x === n &&
        !other.list.slice(Math.max(0, i - 5), i).some((p) => p === "ne" || p === "n") &&
        // The word it bears on may come after a partitive (« aucune de ces sources ne remplace » for « aucune ne
        // remplace »): within the five words after it, as the clause's own words after the negation are.
        next.some((w) => [1, 2, 3, 4, 5].some((k) => stem(other.list[i + k] ?? "") === stem(w))),
    );
  };
  return (
    [...clause.matchAll(NEGATION_ALL)].some((m) => {
      if (boundsFigure(clause, m)) return false;
      const end = m.index! + m[0].length;
      // Only after « ne … pas » (« ne tiendrait pas seulement à »): a bare « pas seulement » keeps its old reading.
      // « ne … pas seulement » adds; a bare « pas seulement » too where the other text says « pas seulement » as well
      // (« …, pas seulement à son origine » for « ne tiendrait pas seulement à l'origine »), else it keeps its reading
      // of a negation (« et pas seulement l'adresse du siège » for « et non la seule adresse »).
      const only = NOT_ONLY.exec(clause.slice(end));
      if (only && (/^(?:ne|n['’])/iu.test(m[0]) || other.joined.includes(` pas ${fold(only[1]!)} `))) return false;
      const inside = tokens.filter((t) => t.at >= m.index! && t.at < end);
      // The two words after it that say something (« n'est pas ainsi l'une des premières villes », « n'est pas où sont
      // stockées ses données »: not « ainsi », « où »), within five words and before a comma.
      // A negation the comma of an aside follows (« ne signalent pas, pour ce pays, de loi … ») bears on what comes
      // after the aside: the window starts there.
      const aside = ASIDE_AFTER.exec(clause.slice(end));
      const from = aside ? end + aside[0].length : end;
      // « sans compte ni service »: the « ni » starts its own noun phrase, read as its own negation.
      const comma = clause.slice(from).search(/[,;:]|(?<!\p{L})ni(?!\p{L})/iu);
      const stop = comma < 0 ? clause.length : from + comma;
      const after = tokens
        .filter((t) => t.at >= from && t.at < stop)
        .slice(0, 5)
        .filter((t) => t.content)
        .slice(0, 2);
      // After « sans », the first word is often a verb a paraphrase changes: either of the two words may be the one
      // the other text writes after it (« sans créer d'obligation » for « sans les obliger »). After « aucun(e) », only
      // the first (« aucune des sources consultées » is not cancelled by « consultées » alone).
      const bearing = fold(m[0]) === "sans" ? after : after.slice(0, 1);
      if (SHARED_NEGATIONS.has(fold(m[0])) && bearing.some((t) => alsoSaid(m[0], t.words))) return false;
      // « sans compte ni service de l'éditeur »: a « ni » denies its noun phrase; the other text writing its noun
      // alone (« celle d'un service hébergé ») does not state what it denies.
      if (fold(m[0]) === "ni" && after.length === 2 && !after.every((t) => t.shared)) return false;
      return [...inside, ...after].some((t) => t.shared);
    }) ||
    [...clause.matchAll(NON_WORD)].some((m) => {
      const shared = (t: string) => contentWords(t).filter((w) => !WEAK.has(w));
      const [noun, word] = [shared(m[1]!), shared(m[2]!)];
      // Both texts denying the same word (« des entreprises non européennes ») differ in no polarity there.
      const alsoDenied = word.some((w) =>
        other.list.some((x, i) => x === "non" && [1, 2, 3].some((k) => stem(other.list[i + k] ?? "") === stem(w))),
      );
      return word.length > 0 && !alsoDenied && word.every((w) => inBag(w, other)) && noun.every((w) => inBag(w, other));
    })
  );
}

/**
 * An aside right after a negation, between commas, of at most four words, before a partitive « de » (« pas, pour ce
 * pays, de loi … »): what the negation bears on comes after it.
 */
const ASIDE_AFTER = /^,\s*(?:[^\s,;:]+\s+){0,3}[^\s,;:]+\s*,\s*(?=de(?!\p{L})|d['’])/iu;

/** One-word negations that both texts may write before the same word (« sans portée normative »), cancelling out. */
const SHARED_NEGATIONS = new Set(["sans", "aucun", "aucune", "nul", "nulle"]);

/**
 * « non » before the word it denies (« des chiffres non recoupés », « une entreprise non européenne »): a negation of
 * that word, compared with « que nous n'avons pas pu recouper », when the word before it is shared too (« des personnes
 * non américaines » says nothing against « les fournisseurs américains »), or after a preposition and an article (« et
 * non sur un service propriétaire »). « non seulement », « non plus » deny nothing.
 */
const NON_WORD =
  /(?<!\p{L})(\p{L}+),?\s+non\s+(?!(?:seulement|plus|pas|loin|sans|moins)(?!\p{L}))(?:(?:sur|à|au|aux|de|du|des|pour|par|dans|en|le|la|les|un|une)\s+|[dl]['’]\s*)*(\p{L}+)/giu;

/** A short quote of a source clause. */
export const short = (clause: string) => {
  const quote = clause.replace(/\s+/g, " ");
  return quote.length > 120 ? `${quote.slice(0, 117)}…` : quote;
};
