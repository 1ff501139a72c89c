/**
 * Sentences quoted verbatim from passages, picked by a question's words: the one picker behind the two summaries
 * written without a model, « En bref » of a chat answer (`brief.ts`) and « L'essentiel » of a briefing note
 * (`drafting/answer-points.ts`). Each caller weighs the candidates its own way (what the question asks, how rare a
 * word is); this module says what may be quoted, which question words a sentence holds, and which of the weighed
 * sentences are kept.
 *
 * - A sentence is quoted whole, as the passage writes it (markdown marks aside), never a piece the chunker cut; a
 *   list item as one, with the sentence introducing its list when it does not read alone. A sentence that refers back
 *   (« Il modifie … », `back-reference.txt`) is quoted after the sentence before it in its paragraph, when that one
 *   stands alone, else not at all.
 * - Words are matched by the project's stemmer (`retrieval/french.ts`): « migrations » meets « migré », and
 *   « serveurs » does not meet « services ».
 * - A sentence stating a figure the corpus does not vouch for (the verifier's qualifiers, `qualified.ts`) may be left
 *   out: it is not read aloud as the answer.
 */

import { fold, foldApostrophes } from "../core/text.ts";
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { stem } from "../retrieval/french.ts";
import {
  namesItsDocument,
  needsPrevious as needsSentenceBefore,
  pieces,
  splitSentences,
} from "../retrieval/passages.ts";

/**
 * Whether a quoted sentence needs the one before it: « Cette fiche … » (the document naming itself) does not; a
 * comparison whose term is in the sentence before (« Les estimations publiées sont plus élevées : … ») does.
 */
const needsPrevious = (s: string) => (needsSentenceBefore(s) && !namesItsDocument(s)) || comparesWithPrevious(s);

import { questionTerms } from "../retrieval/question-terms.ts";
import { holdsAsked } from "../retrieval/rank.ts";
import type { SearchResult } from "../retrieval/search.ts";
import { SELF_REPORTED_WORD } from "../verify/figure-match.ts";
import { deniedFigure, qualificationNote, qualifiedFigures } from "./qualified.ts";

/** A year the question asks about, with the words that frame it (« d'ici 2028 », « avant 2030 », « en 2027 »). */
export interface AskedYear {
  year: string;
  text: string;
}

const YEAR_FRAME =
  /(?:(?:d['’]ici|avant|après|en|pour|dès|depuis|jusqu['’]en|à partir de|au plus tard en)\s+(?:la fin de\s+|l['’]année\s+|fin\s+)?)?\b((?:19|20)\d{2})\b/giu;

/** The years a question asks about, each with its framing words as the question writes them. */
export function askedYears(question: string): AskedYear[] {
  return [...question.matchAll(YEAR_FRAME)].map((m) => ({ year: m[1]!, text: m[0].trim() }));
}

/** Shortest sentence worth quoting alone (shorter ones are headings or fragments). */
export const MIN_SENTENCE = 40;

/**
 * A country's name and its adjectives (`adjectives-of-places.txt`), folded, each to the country's name: « finlandais »
 * meets « Finlande », « coréennes » meets « coréens », which the light stemmer keeps apart. (Names of several words
 * and wide places — « Europe », whose adjective also says « Union européenne » — are left to the stemmer.)
 */
const COUNTRY_STEMS = new Map(
  wordListLines("adjectives-of-places.txt")
    .filter((l) => l.includes(":"))
    .flatMap((l) => {
      const [name, list] = l.split(":") as [string, string];
      const key = fold(name.trim());
      if (/[\s-]/.test(key) && !key.startsWith("coree")) return [];
      if (key === "europe" || key === "amerique" || key === "bretagne") return [];
      const root = key.split(/[\s-]/)[0]!;
      return [root, ...list.split(",").map((w) => fold(w.trim()))]
        .filter((w) => w && !/[\s-]/.test(w))
        .map((w) => [w, root] as [string, string]);
    }),
);

/** Every word of `adjectives-of-places.txt` (wide places included: « Union européenne »), as the picker stems it. */
const PLACE_STEMS = new Set(
  wordListLines("adjectives-of-places.txt")
    .filter((l) => l.includes(":"))
    .flatMap((l) => l.replace(":", ",").split(","))
    .flatMap((w) => fold(w).split(/[^a-z0-9]+/))
    .filter((w) => w.length > 2)
    .flatMap((w) => [w, COUNTRY_STEMS.get(w) ?? stem(w)]),
);

/** The picker's stem of a word: its country's name for a country or its adjective, else the project's stem. */
export const wordStem = (word: string): string => COUNTRY_STEMS.get(fold(word)) ?? stem(word);

/** The stems of a text's words, in order (folded, split on anything but letters and digits). */
export const stemsOf = (text: string): string[] =>
  fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(wordStem);

/**
 * Length a question word's stem needs for a longer stem to meet it: « économi(es) » meets « économis(é) », « franc(e) »
 * meets « françai(s) »; « serv(eurs) » is too short to meet « servic(es) ».
 */
const PREFIX_STEM = 5;

/** Whether a text's word stems hold a question word's stem: the same stem, or a longer one that extends a long one. */
export const holdsStem = (stems: readonly string[], s: string): boolean =>
  stems.some((w) => w === s || (s.length >= PREFIX_STEM && w.startsWith(s)));

export interface SentenceLimits {
  /**
   * The question: a claim its passage refutes is quoted with its refutation when the question asks about that claim
   * (a figure of it: « a-t-il vraiment migré 25 000 postes ? »).
   */
  question?: string;
  /** Whether the question names this passage's document's place (« Munich »): its « le conseil municipal » is that one. */
  placeNamed?: boolean;
  /** Longest sentence quoted (a pair of sentences included). */
  max: number;
  /** Length over which a sentence of several clauses (« … ; … ») is quoted by its first, its end marked « […] ». */
  cutClausesOver?: number;
  /** Whether list items may be quoted too (« En bref »: a figure a list gives). */
  listItems?: boolean;
  /**
   * Whether the question asks a figure (or writes one to check): a sentence introducing a list (« … augmente ses prix
   * … : ») is quoted with the list's items, whose figures answer, not cut before them.
   */
  figureAsked?: boolean;
  /**
   * A sentence introducing a list that answers what is asked (« Les partisans du retour à Windows ont invoqué deux
   * arguments : » for « pourquoi ? »): quoted with the list's items, whatever they give.
   */
  listedBy?: (sentence: string) => boolean;
  /**
   * Whether a list item of a chronology, opening on its year (« - 2025 : en six mois environ, la messagerie … »), may be
   * quoted as a sentence: a length of time asked, its items give it (trial21 T-M3).
   */
  datedItems?: boolean;
}

/** A sentence that may be quoted: `text` as quoted (with the sentence it refers back to), `own` the sentence itself. */
export interface QuotableSentence {
  text: string;
  own: string;
  /** A list item (quoted with its list's lead-in when `text` is longer than `own`). */
  item?: boolean;
  /**
   * A claim quoted with the sentence after it that qualifies it (« … d'ici 2027 ». « La formule est à nuancer : … »):
   * never cut apart, so its caller may let it run longer than a plain sentence.
   */
  qualified?: boolean;
}

/** Markdown marks a quotation drops (bold, emphasis, code, headings, quote marks of a block). */
const clean = (text: string) =>
  text
    .replace(/[*_`#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * A sentence a reader can take alone: a capital first (or a name opened by a digit, « 3DS Outscale »), a full stop
 * (or « […] ») last, long enough. A bare number first is a piece cut after an abbreviation (« L. | 300-2 du code »).
 */
const readable = (s: string, max: number) =>
  s.length >= MIN_SENTENCE &&
  s.length <= max &&
  /^(?:[\p{Lu}«"“]|\p{N}+\p{L})/u.test(s) &&
  /(?:[.!?»)]|\[…\])$/.test(s) &&
  !needsPrevious(s);

/** A chronology's item opening on its year (« 2025 : en six mois environ, … »), readable after it. */
const DATED_ITEM = /^(?:(?:19|20)\d\d|(?:Mi|Fin|Début)-(?:19|20)\d\d) : (?=\p{Ll})/u;
const datedItem = (s: string, max: number) =>
  DATED_ITEM.test(s) && readable(s.replace(DATED_ITEM, "X "), max) && s.length <= max;

/** A text folded, apostrophes straight, as words between spaces: phrases are matched on whole words. */
const spaced = (text: string) =>
  ` ${foldApostrophes(text)
    .replace(/[^a-z0-9'.-]+/g, " ")
    .trim()} `;

/** Comparatives whose term is in the sentence before (`quote-comparatives.txt`), spaced. */
const COMPARISON_LIST = wordListSections("quote-comparatives.txt");
const COMPARATIVES = (COMPARISON_LIST.get("verbes") ?? []).flatMap((verb) =>
  (COMPARISON_LIST.get("comparatifs") ?? []).map((c) => spaced(`${verb} ${c}`)),
);
/**
 * Whether a sentence compares without saying with what (« … sont plus élevées : … »: a verb then a comparative, no
 * « que », « qu' », « à » or « au » after it).
 */
function comparesWithPrevious(sentence: string): boolean {
  const s = spaced(sentence);
  return COMPARATIVES.some((c) => {
    const at = s.indexOf(c);
    return at >= 0 && !/^(?:que|qu'|a|au|aux) |.* (?:que|qu') /.test(s.slice(at + c.length));
  });
}

/** Expressions anywhere in a sentence that say what comes before does not hold (`quote-qualifiers.txt`), spaced. */
const QUALIFIERS = wordListLines("quote-qualifiers.txt").map(spaced);
/** Whether a sentence says that what comes before it does not hold, or not wholly (« … ne correspond pas … »). */
const qualifiesBefore = (sentence: string) => {
  const s = spaced(sentence);
  return QUALIFIERS.some((q) => s.includes(q)) || correctsBefore(sentence);
};
/**
 * Expressions anywhere in a sentence that confirm a part of the claim before it (`quote-confirmations.txt`: « La
 * suspension est confirmée. »): a qualifier after it (« En revanche, … ») qualifies the rest of that claim.
 */
const CONFIRMATIONS = wordListLines("quote-confirmations.txt").map(spaced);
const confirmsPart = (sentence: string) => {
  // (Its end mark apart: « … est confirmée. » ends on the expression.)
  const s = spaced(sentence.replace(/[.!?…]+\s*$/u, ""));
  return CONFIRMATIONS.some((q) => s.includes(q));
};
/** Expressions anywhere in a sentence that say the claim before is inexact or to be qualified (`claim-corrections.txt`). */
const CORRECTIONS = wordListLines("claim-corrections.txt").map(spaced);
/**
 * Whether a sentence says the claim before it is inexact or to be qualified as a whole (« Cette formulation doit être
 * nuancée : … », « … est donc inexact »): what qualifies it whatever figures either gives.
 */
export const correctsBefore = (sentence: string) => {
  const s = spaced(sentence);
  return CORRECTIONS.some((q) => s.includes(q));
};

/** Internal references a quote read aloud cannot follow (`quote-asides.txt`): « (voir ci-dessus) », dropped. */
const ASIDES = new RegExp(
  `\\s*\\((?:${wordListLines("quote-asides.txt")
    .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|")})\\)`,
  "giu",
);
/** A sentence as quoted aloud: its internal references (« (voir ci-dessus) ») dropped. */
const withoutAsides = (text: string) => text.replace(ASIDES, "");

/** Openings of a sentence that refute the one before (`quote-refutations.txt`), folded. */
const REFUTATIONS = wordListLines("quote-refutations.txt").map(foldApostrophes);

/** Whether a sentence opens by refuting the one before it (« C'est inexact : … », « En réalité, … »). */
export const refutesPrevious = (sentence: string): boolean => {
  const start = foldApostrophes(clean(sentence)).replace(/^[«"“\s]+/, "");
  return REFUTATIONS.some((r) => start.startsWith(r) && !/[a-z0-9]/.test(start.charAt(r.length)));
};

/** The figures of a text (« 25 000 », « 2,5 »), spaces removed. */
const figuresOf = (text: string) =>
  (text.match(/\d[\d\s\u00a0\u202f,.]*\d|\d/g) ?? []).map((f) => f.replace(/\s/g, ""));
/** Whether a question asks about a claim: it writes one of the claim's figures. */
const asksClaim = (question: string | undefined, claim: string) =>
  !!question && figuresOf(question).some((f) => figuresOf(claim).includes(f));

/** Names of a collectivité that, after « le », « la », « l' » and without a name, stand for one the reader must guess. */
const BARE_REFERENT = new RegExp(
  `(?<![\\p{L}])(?:[Ll]e|[Ll]a|[Ll]['’])\\s*(?:${wordListLines("bare-referents.txt")
    .map((w) => w.replace(/ /g, "\\s+"))
    .join("|")})(?![\\p{L}-])(?!\\s+(?:(?:de|du|des|d['’])\\s*(?:la\\s+|l['’])?)?\\p{Lu})`,
  "u",
);
/**
 * A place a sentence opens on, or a clause of it (« À Munich, le conseil municipal … », « En Bavière, la ville … »):
 * what « la ville » is. (A capital after « à » elsewhere is as often a product: « le passage à Linux ».)
 */
const PLACE_NAMED = /(?:^|[,;:(]\s*)(?:À|à|En|en|Au|au|Aux|aux)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s*,/u;

/**
 * Whether a sentence speaks of « la commune », « le conseil municipal » without naming which one or where: read aloud
 * by an élue, the council is hers (trial10 A6: Munich's 2017 vote). « À Munich, le conseil municipal … » and « la
 * commune de Boé » name it.
 */
export const unnamedCollectivity = (sentence: string): boolean =>
  BARE_REFERENT.test(sentence) && !PLACE_NAMED.test(sentence) && !PLACE_LABEL.test(sentence);
/** A line opening on the place it is about (« Munich : la ville a fait état … »): what « la ville » is. */
const PLACE_LABEL = /^\p{Lu}[\p{L}'’ -]{1,40}?\s:\s/u;

/**
 * The sentences of a text that may be quoted, in order: whole sentences of its paragraphs (an excerpt's pieces glued
 * by « … » each apart) and list items (one in lower case after its list's lead-in), none cut by the chunker. A
 * sentence that refers back is quoted after the one before it in the same paragraph, when that one reads alone; else
 * it is left out. Never a sentence the passage
 * (`whole`, when `text` is an excerpt) refutes next, nor one about « la commune » that does not say which.
 */
export function quotableSentences(text: string, limits: SentenceLimits, whole?: string): QuotableSentence[] {
  // The whole passage, when `text` is an excerpt of it: a refutation the excerpt leaves out still counts.
  const refutedInWhole = new Set(
    whole
      ? pieces(whole)
          .filter((_p, i, all) => all[i + 1] && refutesPrevious(all[i + 1]!.text))
          .map((p) => clean(p.text))
      : [],
  );
  // A sentence a later one of its paragraph qualifies (« … ne correspond pas … »): the next one is quoted with it, or,
  // one sentence further and sharing a figure with it, it is not quoted.
  const qualifiedInWhole = qualifiedClaims(whole ?? text, limits.question);
  const cut = (s: string) =>
    limits.cutClausesOver && s.length > limits.cutClausesOver && s.indexOf(" ; ") >= MIN_SENTENCE
      ? `${s.slice(0, s.indexOf(" ; "))} […]`
      : s;
  // The sentences of the whole passage's paragraphs: an excerpt flattened in one line glues the paragraph after a
  // list to its last item (« - Attribution des marchés : … Les sources consultées ne donnent ni … »).
  const paragraphSentences = new Set(
    pieces(whole ?? text)
      .filter((p) => p.list < 0)
      .map((p) => clean(p.text)),
  );
  return text.split(/\s+…\s+/).flatMap((part) => {
    const all = unglued(pieces(part), paragraphSentences);
    // A sentence its passage refutes next (« C'est inexact ») is a claim the corpus reports to contradict it.
    const refuted = new Set(all.filter((_p, i) => all[i + 1] && refutesPrevious(all[i + 1]!.text)));
    const kept = all.filter((p) => p.list < 0 && !p.fragment);
    const sentences = kept.map((p, i, list) => {
      const own = cut(clean(p.text));
      const before = i > 0 && list[i - 1]!.block === p.block ? cut(clean(list[i - 1]!.text)) : "";
      const pair = needsPrevious(own) && before && !needsPrevious(before) && !before.endsWith("[…]");
      // (A refutation quoted after the claim it refutes reads the claim aloud first: neither is quoted.)
      const isRefuted = (q: (typeof kept)[number]) => refuted.has(q) || refutedInWhole.has(clean(q.text));
      const qualified = qualifiedInWhole.get(clean(p.text));
      const text = pair ? `${before} ${own}` : own;
      const at = all.indexOf(p);
      const refutedHere = isRefuted(p) || (!!pair && isRefuted(list[i - 1]!) && !asksClaim(limits.question, before));
      const sentence = {
        text: qualified === undefined ? text : qualified ? `${text} ${qualified}` : "",
        own,
        refuted: refutedHere,
        at,
        item: false,
        // (The qualifier quoted after the claim it refers back to, « La formule est à nuancer », is the same pair.)
        qualified: !!qualified || (!!pair && qualifiesBefore(own)),
      };
      // A figure asked: a sentence introducing a list is quoted with the items that give the figures too (its
      // weighing picks one of the two: they are alike).
      const listsAnswer = !!limits.listedBy?.(own);
      const listed =
        (limits.figureAsked || listsAnswer) && qualified === undefined
          ? withItems(own, all, at, limits.max, listsAnswer)
          : null;
      return listed ? [sentence, { ...sentence, text: listed, own: listed, qualified: false }] : [sentence];
    });
    // A list item: alone when it reads as a sentence (« Environ 9 000 utilisateurs actifs … »), else after the sentence
    // that introduces its list (« … plusieurs financements : une subvention de … »), when that one reads alone.
    const items = all.flatMap((p, at) => {
      if (!limits.listItems || p.list < 0 || p.fragment) return [];
      const own = cut(itemText(p.text));
      // (An item that runs into the next one, « … (2016). - G DATA : … », a list flattened in one line, is no sentence.)
      if (/\s[-•]\s+\p{Lu}/u.test(own)) return [];
      const lead = all[p.leadIn];
      const leadText = lead && !lead.fragment ? clean(lead.text) : "";
      const withLead = /^\p{Ll}/u.test(own) && leadText.endsWith(":") && !needsPrevious(leadText);
      // A long lead-in of several clauses is quoted by its first, as a long sentence is (« … pour les administrations
      // […] : nouveaux prix : Microsoft 365 E3 à 39 dollars … », trial14 A7).
      const over = !!limits.cutClausesOver && `${leadText} ${own}`.length > limits.cutClausesOver;
      const shortLead = over && /\s;\s/.test(leadText) ? `${leadText.split(/\s;\s/)[0]} […] :` : leadText;
      return [
        {
          text: withLead ? `${shortLead} ${own}` : own,
          own,
          refuted: refuted.has(p) || refutedInWhole.has(clean(p.text)),
          at,
          item: true,
          qualified: false,
        },
      ];
    });
    return [...sentences.flat(), ...items]
      .sort((a, b) => a.at - b.at)
      .filter(
        (c) =>
          (readable(c.text, limits.max) || (!!limits.datedItems && c.item && datedItem(c.text, limits.max))) &&
          (limits.placeNamed || !unnamedCollectivity(c.text)) &&
          !c.refuted,
      )
      .map(({ text, own, item, qualified }) => ({
        text: withoutAsides(text),
        own: withoutAsides(own),
        ...(item ? { item } : {}),
        ...(qualified ? { qualified } : {}),
      }));
  });
}

/**
 * Pieces with each list item that runs into a sentence of a paragraph of the whole passage (`paragraph`: an excerpt
 * flattened in one line) cut before it, the sentences from there on pieces of their own.
 */
function unglued(all: ReturnType<typeof pieces>, paragraph: Set<string>): ReturnType<typeof pieces> {
  if (!all.some((p) => p.list >= 0)) return all;
  const out: ReturnType<typeof pieces> = [];
  // (Indexes shift when an item is cut: a lead-in index is mapped to its new place.)
  const moved = new Map<number, number>();
  all.forEach((p, i) => {
    moved.set(i, out.length);
    const sentences = p.list >= 0 ? splitSentences(p.text) : [];
    const at = sentences.findIndex((x, k) => k > 0 && paragraph.has(clean(x)));
    if (at < 0) {
      out.push({ ...p, leadIn: p.leadIn >= 0 ? (moved.get(p.leadIn) ?? p.leadIn) : p.leadIn });
      return;
    }
    out.push({
      ...p,
      text: sentences.slice(0, at).join(" "),
      leadIn: p.leadIn >= 0 ? (moved.get(p.leadIn) ?? p.leadIn) : p.leadIn,
    });
    for (const x of sentences.slice(at))
      out.push({ text: x, block: p.block + 0.5, list: -1, leadIn: -1, fragment: false });
  });
  return out;
}

/** Sentences between a claim and a later one that still qualifies it (« En revanche, la date … ne correspond pas »). */
const QUALIFIER_REACH = 2;

/**
 * The sentences of a text a later sentence of their paragraph qualifies (`quote-qualifiers.txt`), each (cleaned) to
 * the next sentence when that one qualifies it (quoted with it), or to "" when it is qualified one sentence further,
 * sharing a figure (« … achevée en 2021 ». … « la date de 2021 ne correspond pas … »): not quoted at all, unless the
 * question asks about it (writes one of its figures): then quoted with that sentence after « […] ».
 */
function qualifiedClaims(text: string, question?: string): Map<string, string> {
  const all = pieces(text).filter((p) => p.list < 0);
  const out = new Map<string, string>();
  all.forEach((p, i) => {
    for (let k = 1; k <= QUALIFIER_REACH; k++) {
      const next = all[i + k];
      if (!next || next.block !== p.block || !qualifiesBefore(next.text)) continue;
      // (A qualifier with figures of its own, « Le total de 534 millions … n'est pas confirmé », qualifies those; the
      // years of references, « (Mac4Ever, octobre 2025) », are no figure of the claim.)
      const shares = figuresOf(unreferenced(next.text)).some((f) => figuresOf(unreferenced(p.text)).includes(f));
      const figured = (t: string) => figuresOf(unreferenced(t)).length > 0;
      // (A claim said to be inexact or to be qualified, « Cette formulation doit être nuancée », is, whatever figures.)
      const corrects = correctsBefore(next.text);
      if (k === 1 && (corrects || shares || !figured(next.text) || !figured(p.text)))
        out.set(clean(p.text), next.fragment ? "" : clean(next.text));
      // (A question asking about the claim, one of its figures, hears it with what qualifies it further on, the
      // sentences between left out and marked.)
      // (A claim checked part by part, « La suspension est confirmée. En revanche, … et non un jugement … »: the
      // qualifier after the confirmation qualifies the claim's other parts — trial24 T-H6.)
      else if (k > 1 && (shares || corrects || checkedInParts(all.slice(i + 1, i + k))))
        out.set(clean(p.text), asksClaim(question, p.text) && !next.fragment ? `[…] ${clean(next.text)}` : "");
      else continue;
      break;
    }
  });
  return out;
}

/** Whether the sentences between a claim and its qualifier each confirm a part of it (« La suspension est confirmée. »). */
const checkedInParts = (between: { text: string }[]) => between.every((q) => confirmsPart(q.text));

/** A text without its parenthesised references (« (FOSS Linux, 2020) »). */
const unreferenced = (text: string) => text.replace(/\([^()]*\)/g, " ");

/** Characters of a lead-in and its items quoted together at most (the source read after them aside). */
const LISTED_CHARS = 360;

/**
 * A sentence introducing a list (« … Microsoft augmente ses prix publics … : ») with the items after it, as the list
 * writes them, while they fit: the figures they give answer what is asked, or the one the sentence gives itself,
 * which cannot be quoted without its list (« La CNAM fait migrer ses 80 000 agents vers trois outils de l'État : … »
 * for « combien d'agents a la CNAM », trial16 C5). `answers`: the sentence itself answers what is asked (the reasons
 * its list gives), its items are quoted whatever they give. Null when the sentence introduces no list, or, unless it
 * answers, when neither it nor its items give a figure.
 */
function withItems(
  own: string,
  all: ReturnType<typeof pieces>,
  at: number,
  max: number,
  answers = false,
): string | null {
  const items = all.filter((q) => q.list >= 0 && q.leadIn === at && !q.fragment);
  if (!items.length || !(own.endsWith(":") || own.endsWith("[…]"))) return null;
  const lead = own.endsWith("[…]") ? `${own} :` : own;
  let text = lead;
  for (const item of items) {
    const line = clean(item.text.replace(/^\s*(?:[-*+•]|\d{1,2}[.)])\s+/, ""));
    if (`${text} ${line}`.length > Math.min(max, LISTED_CHARS)) break;
    text = `${text} ${line}`;
  }
  if (
    text === lead ||
    (!answers && !figuresOf(text.slice(lead.length)).length && !holdsAsked(unreferenced(lead), ["quantity"]))
  )
    return null;
  return /[.!?]$/.test(text) ? text : `${text.replace(/\s*[;,]$/, "")} […]`;
}

/**
 * A list item as quoted: its marker and markdown marks dropped, the « ; » or « , » that continues the list marked as a
 * cut (« … (Les Échos, mars 2025) […] »).
 */
const itemText = (item: string) => clean(item.replace(/^\s*(?:[-*+•]|\d{1,2}[.)])\s+/, "")).replace(/\s*[;,]$/, " […]");

/**
 * Whether a sentence states a figure its corpus does not vouch for: one it qualifies itself (« … 534 millions, non
 * confirmé »), or one its passage qualifies elsewhere (its heading, a sentence the quote leaves out).
 */
export const unvouchedFigure = (sentence: string, r: Pick<SearchResult, "text" | "section">): boolean =>
  // (A sentence saying itself who puts the figure forward, « la ville a fait état de 11 millions », keeps its reserve
  // read aloud.)
  qualifiedFigures(sentence).some((q) => !SELF_REPORTED_WORD.test(q.qualifier)) ||
  qualificationNote(sentence, r.text, r.section) !== null ||
  deniedFigure(sentence, r.section, r.text);

/** Whether two sentences say nearly the same (most of the shorter one's words are the other's). */
export function alike(a: string, b: string): boolean {
  const words = (x: string) =>
    new Set(
      fold(x)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length > 3),
    );
  const [x, y] = [words(a), words(b)];
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.min(x.size, y.size) > 0.6;
}

/** A weighed sentence: its text, where it comes from, and how directly it answers. */
export interface Weighed {
  text: string;
  /** The passage's id. */
  passage: string;
  /** The passage's document. */
  doc: string;
  score: number;
}

export interface PickLimits<C> {
  /** Sentences kept at most. */
  max: number;
  /** Sentences of one passage at most. */
  perPassage?: number;
  /** Sentences of one document at most. */
  perDocument?: number;
  /** Characters at most, each sentence costing `cost(c)` (its text's length by default). */
  budget?: number;
  cost?: (c: C) => number;
  /** Whether a sentence, given the best one's score, is too weak: it would add length and not an answer. */
  tooWeak?: (score: number, best: number) => boolean;
}

/**
 * The weighed sentences kept, best first: no two alike, at most so many a passage and a document, within the budget,
 * none too weak beside the best one.
 */
export function pickVerbatim<C extends Weighed>(weighed: C[], limits: PickLimits<C>): C[] {
  const ranked = weighed.map((c, order) => ({ c, order })).sort((a, b) => b.c.score - a.c.score || a.order - b.order);
  const cost = limits.cost ?? ((c: C) => c.text.length);
  const chosen: C[] = [];
  let length = 0;
  for (const { c } of ranked) {
    if (chosen.length >= limits.max) break;
    if (chosen.filter((x) => x.passage === c.passage).length >= (limits.perPassage ?? Number.POSITIVE_INFINITY))
      continue;
    if (chosen.filter((x) => x.doc === c.doc).length >= (limits.perDocument ?? Number.POSITIVE_INFINITY)) continue;
    if (chosen.some((x) => x.text === c.text || alike(x.text, c.text))) continue;
    if (chosen.length && limits.tooWeak?.(c.score, chosen[0]!.score)) continue;
    if (limits.budget !== undefined && length + cost(c) > limits.budget) continue;
    chosen.push(c);
    length += cost(c);
  }
  return chosen;
}

/**
 * The question's names that set its subject apart among the passages quoted (trial10 A6: « la gendarmerie » among
 * Munich's passages): the names it writes with a capital (« Teams »), places and versions apart, or else its words a
 * quoted document's title writes with a capital (« La Gendarmerie nationale »); those held by the fewest passages,
 * when half of them at most hold them. A
 * sentence quoted must hold one, or come from a document whose title does: else it speaks of another subject.
 */
export function distinguishingNames(
  question: string,
  subject: string[],
  used: Pick<SearchResult, "document">[],
  texts: string[],
  figureAsked = false,
): string[] {
  // (A place the question writes — « l'Union européenne », « la France » — is where, not what, it asks about.)
  // (A subject word typed without its capital that the passages only ever write with one, « boe » for « Boé », is the
  // name they write: trial23 T-M4, Munich's « entre 15 000 et 18 000 postes » read aloud after « boe c'est combien de
  // postes sous linux ».)
  // (Only for a figure asked, where another case's figure would be heard as its own.)
  const flagged = [
    ...new Set([...writtenNames(question), ...(figureAsked ? typedNames(question, subject, texts) : [])]),
  ];
  const capitalised = new Set(
    used.flatMap((r) => (r.document.title.match(/\p{Lu}[\p{L}-]+/gu) ?? []).flatMap((w) => stemsOf(w))),
  );
  const held = used.map((r, i) => [...stemsOf(r.document.title), ...stemsOf(texts[i] ?? "")]);
  const rarest = (names: string[]) => {
    const df = new Map(names.map((s) => [s, held.filter((h) => holdsStem(h, s)).length]));
    const present = names.filter((s) => df.get(s)! > 0);
    if (!present.length) return [];
    const least = Math.min(...present.map((s) => df.get(s)!));
    return least <= used.length / 2 ? present.filter((s) => df.get(s) === least) : [];
  };
  const titled = [...capitalised];
  const fromTitles = subject.map(wordStem).filter((s) => s.length > 3 && !PLACE_STEMS.has(s) && holdsStem(titled, s));
  const byName = rarest(flagged);
  return byName.length ? byName : rarest(fromTitles);
}

/**
 * The subject words (stems) a question types in lower case that the texts write, every time, with a capital (« boe »
 * for « Boé »): names; places apart, as for `writtenNames`.
 */
function typedNames(question: string, subject: string[], texts: string[]): string[] {
  const typed = subject.filter((w) => /^\p{Ll}/u.test(w) && question.includes(w)).map(wordStem);
  if (typed.length === 0) return [];
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts)
    for (const w of text.match(/[\p{L}\p{N}]+/gu) ?? [])
      (/^\p{Lu}/u.test(w) ? capitalised : lower).add(wordStem(fold(w)));
  return typed.filter((s) => s.length > 2 && !PLACE_STEMS.has(s) && capitalised.has(s) && !lower.has(s));
}

/**
 * The stems of the names a question writes with a capital (« Teams », « SNi »), places and versions (« 11 ») apart,
 * and not a word the question's reader took for a name.
 */
export function writtenNames(question: string): string[] {
  const written = new Set((question.match(/[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*/gu) ?? []).flatMap((w) => stemsOf(w)));
  return questionTerms(question)
    .filter((t) => t.name)
    .flatMap((t) => stemsOf(t.word))
    .filter((s) => !PLACE_STEMS.has(s) && !/^\d+$/.test(s) && written.has(s));
}

/** Whether the question names a place or a body its document's title names (« Munich » of « Munich et LiMux »). */
export const namesTitlePlace = (question: string, title: string): boolean => {
  const titled = stemsOf(title);
  return questionTerms(question)
    .filter((t) => t.name)
    .some((t) => stemsOf(t.word).every((s) => holdsStem(titled, s)));
};
