/**
 * Passages as the model is given them, shared by chat answers and drafts: labels, key sentences, the random
 * delimiters of one prompt, and as many numbered blocks as fit in a token budget.
 */
import { randomBytes } from "node:crypto";
import { kindLabel } from "../core/labels.ts";
import { escapeRegExp, fold, foldApostrophes, MONTHS } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { loadTemplate } from "../llm/prompts.ts";
import { stem, synonymsOf, words } from "./french.ts";
import { type Asked, askedPhrases, holdsAsked, holdsCount, isAskingWord } from "./rank.ts";
import type { SearchResult } from "./search.ts";

const passageTemplate = loadTemplate("passage");

/** Conservative estimate for French with Mistral's tokenizer (about 3.5–4 characters per token). */
export const estimateTokens = (text: string) => Math.ceil(text.length / 3);

export { kindLabel };

/** "Document — Section", or the document title alone for a passage before any heading. */
export const passageLabel = (r: { section: string; document: { title: string } }) =>
  r.section ? `${r.document.title} — ${r.section}` : r.document.title;

/**
 * Sentences of a text, with nothing lost. A sentence ends at `.`, `!` or `?` followed by a space and then a capital,
 * a digit, an opening quote or bracket: so « lemondeinformatique.fr », « (s. d. ; Sorena) » and a question quoted
 * inside « … ? » do not cut a sentence in two.
 * @example splitSentences("Selon l'étude (s. d.), oui. Puis non.") // ["Selon l'étude (s. d.), oui.", "Puis non."]
 */
export function splitSentences(text: string): string[] {
  // Not after an abbreviated month (« Jan. 2026 », « sept. 2025 ») nor after an initial (« M. Vivant », « J. Dupont »).
  const parts = text.split(
    /(?<=[.!?])(?<!\b(?:[Jj]anv?|[Ff][ée]vr?|[Ff]eb|[Aa]vr|[Aa]pr|[Jj]uil|[Jj]ul|[Aa]ug|[Ss]ept?|[Oo]ct|[Nn]ov|[Dd][ée]c)\.)(?<!(?<![\p{L}\p{N}])\p{Lu}\.)\s+(?=[\p{Lu}\p{N}«"“([])/u,
  );
  return parts.map((s) => s.trim()).filter(Boolean);
}

/** A word list of `server/i18n/fr/`, each line folded with a plain apostrophe, as the readers below match it. */
const foldedList = (file: string) => wordListLines(file).map((l) => foldApostrophes(l));

const ANAPHORA_LINES = foldedList("anaphora.txt");
/** Openings that refer back to the sentence before (`server/i18n/fr/anaphora.txt`), folded. */
const ANAPHORA: string[] = ANAPHORA_LINES.filter((l) => !/^(?:sauf|document)\s*:/.test(l));
/**
 * « Cette fiche … », « Ce document … »: a demonstrative before the document's own name (the « document : » line). Such
 * a sentence still opens an excerpt with the one before it (that one often names what the fiche is about), but a
 * summary may quote it alone (`answers/verbatim.ts`).
 */
export const namesItsDocument = (sentence: string) => SELF_REFERENCE.test(foldApostrophes(sentence.trimStart()));
const SELF_REFERENCE = new RegExp(
  `^(?:ce|cet|cette)\\s+(?:${ANAPHORA_LINES.filter((l) => l.startsWith("document"))
    .flatMap((l) => l.replace(/^document\s*:/, "").split(/\s+/))
    .filter(Boolean)
    .join("|")})(?![a-z0-9'-])`,
);
/** Words after which a demonstrative (« ce que », « à ce jour ») does not refer back. */
const NOT_DEMONSTRATIVE = new Set(
  ANAPHORA_LINES.filter((l) => l.startsWith("sauf"))
    .flatMap((l) => l.replace(/^sauf\s*:/, "").split(/\s+/))
    .filter(Boolean),
);
/** Words of a sentence's start in which a demonstrative refers back. */
const DEMONSTRATIVE_REACH = 16;

/** Whether a sentence opens on a word that refers back (« Il », « Cette décision », « La même présentation »). */
export function refersToPrevious(sentence: string): boolean {
  const start = foldApostrophes(sentence.trimStart());
  return ANAPHORA.some(
    (a) => start.startsWith(a) && (a.endsWith("'") || !/[\p{L}\p{N}'-]/u.test(start.charAt(a.length))),
  );
}

/**
 * « Il existe », « Il faut », « Il est possible »: an impersonal « il » stands for nothing said before. (« Il s'agit
 * d'une estimation du ministère » says what the sentence before is: it needs it.)
 */
const IMPERSONAL =
  /^Il (?:existe|n'existe|faut|reste|suffit|convient|semble|arrive|y a|n'y a|est (?:possible|nécessaire|utile|important|difficile|prévu|vrai|rare|fréquent))\b/u;

/** « Ce que le CLOUD Act ne change pas : … », « Ceux qui ont migré … »: a « ce » opening a relative names what follows. */
const RELATIVE_CE = /^(?:Ce|Celui|Celle|Ceux|Celles) (?:qu['’]|(?:que|qui|dont)(?![\p{L}\p{N}]))/u;

/**
 * « y » standing for a place or an event named before (« Jehan Monnier … y a souligné » of AlpOSS), not the « il y
 * a » of existence nor « y compris ».
 */
const DANGLING_Y = /(?<![\p{L}\p{N}'’])(?<![Ii]l\s)(?:[sndj]['’])?y\s+(?!compris\b)(?=\p{Ll})/u;

/**
 * « en » standing for something named before (« La commune en a fait sa priorité », « Il n'en reste rien »): the
 * pronoun before a verb, not the preposition (« en 2024 », « en fait », « en compte », « en garde »), nor « où en
 * est » nor « … qui en dépendent » (a relative whose antecedent is the sentence's own).
 */
const DANGLING_EN =
  /(?<![\p{L}\p{N}'’])(?:[nsm]['’]en(?![\p{L}\p{N}])(?!\s+(?:tenir|aller|va|vont)\b)|(?<![Oo]ù\s|\bqui\s)en\s+(?:a|ont|avait|avaient|aura|auront|est|sont|était|étaient|dépend|dépendent|tire|tirent|retient|retiennent|utilise|utilisent|reste|restent|compte\s+\p{N}|propose|proposent)(?![\p{L}\p{N}]))/u;

/**
 * Connectors and pronouns that stand for what came before when they come early in a sentence (« peut donc »,
 * « revient selon elle à »): `server/i18n/fr/back-reference.txt`, folded, as one whole-word pattern.
 */
const BACK_REFERENCE = new RegExp(
  `(?<![a-z0-9'-])(?:${foldedList("back-reference.txt")
    .map((l) => escapeRegExp(l).replace(/ /g, "\\s+"))
    .join("|")})(?![a-z0-9'-])(?!\\s+qu(?:e(?![a-z0-9'-])|'))`,
);

/** Words of a sentence's start in which « y » or « en » stands for something said before (later, the sentence's own). */
const PRONOUN_REACH = 12;

/**
 * Whether a sentence needs the one before it to be understood, so cannot open a quotation (an answer's excerpt, a
 * draft's quotation): it opens on a word that refers back (« Il », « Cette décision », « La même présentation »), a
 * demonstrative near its start names something said before (« … résume ce risque pour les élus »), or a « y » /
 * « en » near its start stands for a place or a thing named before (« Jehan Monnier … y a souligné »). An impersonal
 * « Il existe », « Il faut » and a relative « Ce que … » stand alone.
 */
export function needsPrevious(sentence: string): boolean {
  const text = sentence.trimStart();
  const opening = text.split(/\s+/).slice(0, PRONOUN_REACH).join(" ");
  if (DANGLING_Y.test(opening) || DANGLING_EN.test(opening)) return true;
  if (BACK_REFERENCE.test(foldApostrophes(opening))) return true;
  const opened = PRONOUN_AFTER_OPENING.exec(text);
  if (opened && !IMPERSONAL.test(`Il ${opened[1]}`)) return true;
  if (IMPERSONAL.test(text)) return false;
  if (refersToPrevious(text) && !RELATIVE_CE.test(text)) return true;
  const start = fold(text)
    .split(/[^a-z0-9']+/)
    .filter(Boolean)
    .slice(0, DEMONSTRATIVE_REACH);
  return start.some(
    (w, i) =>
      i > 0 && /^(?:ce|cet|cette|ces)$/.test(w) && start[i + 1] !== undefined && !NOT_DEMONSTRATIVE.has(start[i + 1]!),
  );
}

/**
 * « En décembre 2017, il y décrivait … », « Dès 2015, elle comptait … »: a subject pronoun right after a short opening
 * complement stands for someone or something named before (group 1: what follows the pronoun, read as an impersonal
 * « Il … » would be: « En 2019, il y a eu … » stands alone). The complement may end on an apposition: « Selon le
 * directeur général de l'ANSSI, Vincent Strubel, elle protège contre le CLOUD Act » (« elle » is the qualification
 * SecNumCloud of the sentence before — trial15 A9).
 */
const PRONOUN_AFTER_OPENING = /^[^,.;:!?]{2,60},(?:\s+[^,.;:!?]{2,40},)?\s+(?:il|elle|ils|elles)\s+(.+)$/su;

/** A list item's marker at the start of a line: « - », « * », « • », « 2. », « 3) ». */
const ITEM = /^[ \t]{0,3}(?:[-*+•]|\d{1,2}[.)])[ \t]+(?=\S)/;

/**
 * One readable piece of a passage: a sentence of a paragraph, or a whole list item. `leadIn` is the piece that
 * introduces the list an item belongs to (« D'après la presse : »), `block` the paragraph (blank-line separated).
 */
interface Piece {
  text: string;
  block: number;
  /** Index of the list the piece is an item of, or -1 for a sentence. */
  list: number;
  /** For an item: the piece introducing its list, or -1. */
  leadIn: number;
  /** The passage starts or ends inside this piece (a passage cut by the chunker): never quoted. */
  fragment: boolean;
}

/**
 * The pieces of a passage, in order. A passage flattened to one line (« … presse : - la décision …; - aucune … »)
 * gets its list items back from their markers after a colon, a semicolon or a sentence end.
 */
export function pieces(text: string): Piece[] {
  const raw = text
    .replace(/\r\n?/g, "\n")
    .replace(/([:;.!?])[ \t]+(?=(?:[-•]|\d{1,2}[.)])[ \t]+[\p{L}\p{N}«"“(])/gu, "$1\n");
  const out: Piece[] = [];
  let lists = 0;
  raw.split(/\n[ \t]*\n/).forEach((blockText, block) => {
    let paragraph: string[] = [];
    let item: string[] | null = null;
    let list = -1;
    let leadIn = -1;
    const flushParagraph = () => {
      const sentences = splitSentences(paragraph.join(" ").replace(/\s+/g, " "));
      for (const s of sentences) out.push({ text: s, block, list: -1, leadIn: -1, fragment: false });
      paragraph = [];
    };
    const flushItem = () => {
      if (item) out.push({ text: item.join(" ").replace(/\s+/g, " ").trim(), block, list, leadIn, fragment: false });
      item = null;
    };
    for (const line of blockText.split("\n")) {
      if (!line.trim()) continue;
      if (ITEM.test(line)) {
        flushItem();
        if (list === -1 || paragraph.length) {
          flushParagraph();
          // Introduced by the sentence just before, in the paragraph or ending the previous one with « : ».
          const previous = out.at(-1);
          leadIn =
            previous && previous.list === -1 && (previous.block === block || previous.text.endsWith(":"))
              ? out.length - 1
              : -1;
          list = lists++;
        }
        item = [line.trim()];
      } else if (item) {
        item.push(line.trim());
      } else {
        paragraph.push(line.trim());
      }
    }
    flushItem();
    flushParagraph();
  });
  const first = out[0];
  if (first && first.list === -1 && !/^[\p{Lu}\p{N}«"“([]/u.test(first.text)) first.fragment = true;
  const last = out.at(-1);
  if (last && last.list === -1 && !/[.!?…»")\]]$/u.test(last.text)) last.fragment = true;
  return out;
}

/** Parenthesised references (« (Webiano, avril 2026) »): their words do not make a sentence answer a question. */
const REFERENCE = /\([^()]*\b(?:1[89]|20)\d\d\)/g;

/** How many of the question's words (or their synonyms) a piece holds, its references left aside. */
function scorer(terms: string[], wholeSynonyms = false): (text: string) => number {
  // With `wholeSynonyms`, a synonym of several words counts by its longer words only (« gagner de l'argent » does not
  // make every « de » one).
  const parts = (x: string) =>
    wholeSynonyms && x.includes(" ") ? x.split(" ").filter((w) => w.length > 3) : x.split(" ");
  const sets = terms
    .filter((t) => !/^\d{1,3}$/.test(t))
    .map((t) => new Set([t, ...synonymsOf(t)].flatMap(parts).map(stem)));
  return (text) => {
    const own = new Set(words(text.replace(REFERENCE, " ")).map(stem));
    return sets.filter((set) => [...set].some((s) => own.has(s))).length;
  };
}

/** Weight, in question words, of holding the figure a question asks for. */
const ASKED_BONUS = 1;
/** Single words of `[alternative]` in `asked.txt` (« alternative », « remplacer »), folded. */
let alternativeWords: Set<string> | null = null;
/** (Read on first use: `rank.ts` imports this module.) */
const ALTERNATIVE_WORDS = () =>
  (alternativeWords ??= new Set(
    askedPhrases("alternative")
      .filter((e) => e.length === 1)
      .map((e) => e[0]!),
  ));
/** A catalog card's line listing a product's alternatives (`corpus/catalog.ts`). */
const ALTERNATIVES_LINE = /^Alternatives : /;

/**
 * How the corpus says it lacks a figure (« aucune des sources consultées ne publie … ni le coût de la migration »):
 * `server/i18n/fr/stated-absent.txt`, folded. Such a sentence, on what is asked, is the answer to quote.
 */
const STATED_ABSENT = foldedList("stated-absent.txt");
/**
 * How the corpus qualifies what it has just said (« Point non confirmé : … », « Ce montant est contesté »):
 * `server/i18n/fr/caveats.txt`, folded beginnings of expressions.
 */
const CAVEATS = wordListLines("caveats.txt").map((l) => fold(l));
/** Whether a sentence holds a figure other than a date or a source's year (« 534 millions d'euros », « 42 »). */
const holdsOwnFigure = (sentence: string) =>
  /\d/.test(
    sentence
      .replace(/\([^()]*\)/g, " ")
      .replace(DAY_MONTH, " ")
      .replace(/\b(?:19|20)\d\d\b/g, " "),
  );
/** A day of a month (« 16 février », « 1er mars »): a date, not a figure of what is qualified. */
const DAY_MONTH = new RegExp(`\\b\\d{1,2}(?:er)?\\s+(?:${MONTHS.join("|")})`, "giu");
/** Whether a sentence qualifies what the corpus has just said (an expression of `CAVEATS`, starting a word). */
export const isCaveat = (sentence: string) => {
  const folded = ` ${fold(sentence).replace(/[^a-z0-9]+/g, " ")}`;
  return CAVEATS.some((c) => folded.includes(` ${c}`));
};
/** Words saying which figure holds (`[précision]` of `asked.txt`: « le dernier chiffre publié et vérifiable »). */
let settled: string[][] | null = null;
/** (Read on first use: `rank.ts` and this module import each other.) */
const SETTLED = () => (settled ??= askedPhrases("précision"));
/** Whether a text holds one of the expressions (folded word lists), their words in a row. */
const holdsPhrase = (text: string, expressions: string[][]) => {
  const list = words(text);
  return expressions.some((e) => list.some((_, i) => e.every((w, j) => list[i + j] === w)));
};
/** Whether a sentence says the sources lack something (« Les sources consultées ne documentent pas … son coût »). */
export const statesAbsent = (text: string) => {
  const folded = ` ${foldApostrophes(text).replace(/\s+/g, " ")} `;
  return STATED_ABSENT.some((p) => folded.includes(` ${p} `) || folded.includes(` ${p}`));
};

/** The sentence that answers comes with what it refers back to, up to this many times the quotation's length. */
const CONTEXT_FACTOR = 3;

/**
 * A quotation of a passage for the words of a question, about `maxChars` long, that can be read aloud as it is:
 * it starts at the start of a sentence or a list item and ends at the end of one (never inside a word), holds the
 * sentence that answers best with what it refers back to (a sentence opening on « Il », « Cette », « La même »… comes
 * with the one before it; a list item with the sentence introducing its list), then the sentences around it in the
 * same paragraph and those elsewhere that hold the question's words, without gaps: no « … » leaving a word that
 * refers to nothing. A list keeps whole items; one cut short ends on « […] ». `heading` (the passage's section
 * title) counts for the passage's first sentence; `answers`, a sentence the caller knows answers what is asked.
 * @example excerpt("La DINUM passe à Linux. D'après la presse :\n- la décision porte sur son parc ;\n- sans calendrier.", ["decide"])
 */
export function excerpt(
  text: string,
  terms: string[],
  maxChars = 500,
  heading = "",
  asked: Asked[] = [],
  counted: Set<string> = new Set(),
  answers?: (sentence: string) => boolean,
): string {
  const all = pieces(text);
  if (all.length === 0) return "";
  const words = scorer(terms);
  // The question's words saying what it asks (« coûté », « économiser »), with their synonyms.
  const asking = scorer(terms.filter(isAskingWord), true);
  // A sentence holding what the question asks (a quantity for « combien », a date for « quand ») answers better
  // than one holding as many of its words without it; better still, a figure of the very thing it counts
  // (« 80 000 postes » for « combien de postes »), or the corpus saying it lacks it (« aucune des sources
  // consultées ne publie … ni le coût de la migration » for « combien a coûté la migration » — of what it asks, not
  // of something else: « les sources ne donnent pas de calendrier » does not answer « combien … économiser »).
  // A question asking what replaces a product (« alternative à … », « remplacer ») wants its card's list of them.
  const replacing = terms.some((t) => ALTERNATIVE_WORDS().has(t));
  const score = (t: string) => {
    if (replacing && ALTERNATIVES_LINE.test(t)) return words(t) + 2 * ASKED_BONUS;
    const n = words(t);
    // (The sentence the caller knows answers, « Les entités concernées doivent … » for « ça nous oblige à quoi ? »,
    // counts though it writes no word of the question.)
    if (n === 0) return answers?.(t) ? 2 * ASKED_BONUS : 0;
    let bonus = holdsAsked(t, asked) ? ASKED_BONUS : 0;
    if (holdsCount(t, counted)) bonus += holdsPhrase(t, SETTLED()) ? 2 * ASKED_BONUS : ASKED_BONUS;
    // (More when it says so of two of the question's words: it answers better than a figure beside them, or than
    // the opening sentence its heading's words lift.)
    if (asked.length && asking(t) > 0 && statesAbsent(t)) bonus += n >= 2 ? 3 * ASKED_BONUS : ASKED_BONUS;
    // The sentence the caller knows answers what is asked (whether a condition changes anything: `answers/condition.ts`).
    if (answers?.(t)) bonus += 2 * ASKED_BONUS;
    return n + bonus;
  };
  // The opening sentence of a passage says what its heading announces: the heading's words count for it, and
  // one more when the heading holds any (a lead sentence answers before a detail holding as many words). A list's
  // first item is no lead: it is one item among others (« - 2004 : … » before « - 2021 : … 80 000 postes »).
  const lead = heading && all[0]!.list < 0 && score(heading) > 0 ? 1 : 0;
  const scores = all.map((p, i) => (i === 0 && !p.fragment ? score(`${heading} ${p.text}`) + lead : score(p.text)));
  const length = (from: number, to: number) =>
    all.slice(from, to + 1).reduce((n, p, i) => n + p.text.length + (i ? 1 : 0), 0);

  /** The first piece a quotation holding piece `i` must start from: what it refers back to, recursively. */
  const startFor = (i: number): number => {
    let start = i;
    for (;;) {
      const p = all[start]!;
      // An item needs its list's introduction (the items between come too: no gap in a list).
      const back = p.list >= 0 ? (p.leadIn >= 0 ? p.leadIn : start) : needsPrevious(p.text) ? start - 1 : start;
      if (back === start || back < 0) return start;
      start = back;
    }
  };
  /** The last piece a quotation ending at piece `i` must reach: an introduction (« … : ») comes with its first item. */
  const endFor = (i: number): number => {
    const next = all[i + 1];
    return next && next.list >= 0 && next.leadIn === i ? i + 1 : i;
  };
  const usable = (from: number, to: number) => all.slice(from, to + 1).every((p) => !p.fragment);
  /** A piece whose reference cannot be resolved in this passage (« Il… » first) answers less well. */
  const dangling = (i: number) => (needsPrevious(all[startFor(i)]!.text) ? 0.5 : 0);

  // The piece that answers: most question words, then the earliest, whose whole context fits.
  const order = all
    .map((_, i) => i)
    .filter((i) => !all[i]!.fragment)
    .sort((a, b) => scores[b]! - dangling(b) - (scores[a]! - dangling(a)) || a - b);
  if (order.length === 0) return all.map((p) => p.text).join(" ");
  let from = -1;
  let to = -1;
  for (const i of order) {
    const s = startFor(i);
    const e = endFor(i);
    if (usable(s, e) && length(s, e) <= maxChars * CONTEXT_FACTOR) {
      from = s;
      to = e;
      break;
    }
  }
  if (from < 0) from = to = order[0]!;

  // Widen: the paragraph's start first (what the sentence is about), then the neighbour or the other sentence
  // holding more of the question's words (its own context with it); a neighbour in another paragraph, or a sentence
  // further away, only when it holds some. A gap is shown « … » and what follows it refers to nothing before it.
  const chosen = all.map((_, i) => i >= from && i <= to);
  const size = (set: boolean[]) => {
    let n = 0;
    set.forEach((c, i) => {
      if (c) n += all[i]!.text.length + (i > 0 && set.slice(0, i).some(Boolean) ? (set[i - 1] ? 1 : 3) : 0);
    });
    return n;
  };
  const withRange = (s: number, e: number) => chosen.map((c, i) => c || (i >= s && i <= e));
  const block = all[from]!.block;
  let paragraphStart = from;
  // (A list's earlier items are not its start: an item stands with its introduction.)
  while (paragraphStart > 0 && all[paragraphStart - 1]!.block === block && all[paragraphStart - 1]!.list < 0)
    paragraphStart--;
  // The whole paragraph's start when it holds question words too (a little longer then), else what fits.
  const opening = scores.slice(paragraphStart, from).some((x) => x > 0);
  if (
    paragraphStart < from &&
    usable(paragraphStart, from) &&
    size(withRange(paragraphStart, from)) <= maxChars * (opening ? 2 : 1)
  )
    for (let i = paragraphStart; i < from; i++) chosen[i] = true;
  else
    while (from > 0 && all[from - 1]!.block === block && all[from - 1]!.list < 0) {
      const s = startFor(from - 1);
      if (!usable(s, from - 1) || size(withRange(s, from - 1)) > maxChars) break;
      for (let i = s; i < from; i++) chosen[i] = true;
      from = s;
    }
  for (;;) {
    let best: { s: number; e: number; priority: number } | null = null;
    for (let i = 0; i < all.length; i++) {
      if (chosen[i]) continue;
      let s = startFor(i);
      let e = endFor(i);
      // No gap inside a list: the items between those already quoted and this one come too.
      const list = all[i]!.list;
      if (list >= 0) {
        for (let j = i - 1; j >= 0 && all[j]!.list === list; j--) if (chosen[j]) s = Math.min(s, j + 1);
        for (let j = i + 1; j < all.length && all[j]!.list === list; j++) if (chosen[j]) e = Math.max(e, j - 1);
      }
      if (!usable(s, e)) continue;
      const gain = scores.slice(s, e + 1).reduce((a, b, j) => a + (chosen[s + j] ? 0 : b), 0);
      const after = s > 0 && chosen[s - 1];
      const before = e + 1 < all.length && chosen[e + 1];
      const sameBlock =
        (after && all[s - 1]!.block === all[s]!.block) || (before && all[e + 1]!.block === all[e]!.block);
      if (gain <= 0 && !sameBlock) continue;
      if (size(withRange(s, e)) > maxChars) continue;
      const priority = gain + (after ? 0.15 : before ? 0.1 : 0);
      if (!best || priority > best.priority) best = { s, e, priority };
    }
    if (!best) break;
    for (let i = best.s; i <= best.e; i++) chosen[i] = true;
  }
  // A list is better whole: its last items come even a little beyond the length.
  for (let i = 0; i < all.length; i++) {
    if (!chosen[i] || chosen[i + 1] || all[i]!.list < 0) continue;
    let end = i;
    while (all[end + 1]?.list === all[i]!.list) end++;
    if (end > i && usable(i, end) && size(withRange(i, end)) <= maxChars * 1.5)
      for (let j = i; j <= end; j++) chosen[j] = true;
  }
  // The passage's caveat on what is quoted (« Point non confirmé : … » right after it, in its paragraph) comes too,
  // whatever the length: without it, the fact read aloud sounds settled. A caveat on figures of its own (« Le total
  // de 534 millions d'euros … n'est pas confirmé ») is left to the answer's note naming them (`qualificationNote`).
  for (let i = 0; i + 1 < all.length; i++) {
    const next = all[i + 1]!;
    if (
      chosen[i] &&
      !chosen[i + 1] &&
      next.block === all[i]!.block &&
      next.list < 0 &&
      !next.fragment &&
      isCaveat(next.text) &&
      !holdsOwnFigure(next.text)
    )
      chosen[i + 1] = true;
  }
  let quote = "";
  all.forEach((p, i) => {
    if (!chosen[i]) return;
    if (quote && !chosen[i - 1]) quote += /\[…\]$/.test(quote) ? " " : " … ";
    else if (quote) quote += " ";
    quote += p.text;
    // A list cut short says so.
    if (p.list >= 0 && !chosen[i + 1] && all[i + 1]?.list === p.list) quote = `${quote.replace(/\s*[;,:]$/, "")} […]`;
  });
  return quote;
}

/** A random tag for the delimiters of one prompt (`<<<PASSAGE-3f9a0c2e [1]`), unknown to whoever wrote the question. */
export const delimiterTag = () => randomBytes(4).toString("hex");

/** Text from a user or a document inside a prompt: it cannot open or close a delimited block. */
export const neutralize = (text: string) => text.replaceAll("<<<", "«").replaceAll(">>>", "»");

/** Numbered passage blocks (`prompts/fr/passage.md`), in rank order, as many as fit in `budget` tokens. */
export async function fitPassages(
  results: SearchResult[],
  budget: number,
  tag = delimiterTag(),
): Promise<{ used: SearchResult[]; text: string }> {
  const used: SearchResult[] = [];
  const blocks: string[] = [];
  for (const r of results) {
    const block = await passageTemplate.format({
      number: used.length + 1,
      tag,
      title: neutralize(r.document.title),
      kind: kindLabel(r.document.kind),
      date: r.document.date ?? "date inconnue",
      section: r.section || "(introduction)",
      text: neutralize(r.text),
    });
    const cost = estimateTokens(block);
    if (cost > budget) continue;
    budget -= cost;
    used.push(r);
    blocks.push(block);
  }
  return { used, text: blocks.join("\n\n") };
}
