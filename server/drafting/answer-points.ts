/**
 * « L'essentiel » of a briefing note without a model (trial8 B11): the sentences of the passages found that answer
 * the question itself — its subject words and its year — ranked by how directly they answer, each a whole sentence
 * an élue can read aloud; and what the question asks that none of them says (« d'ici 2028 »), said as such.
 */

import { pointsElsewhere, shortTitle } from "../answers/brief.ts";
import {
  askedYears,
  holdsStem,
  namesTitlePlace,
  pickVerbatim,
  quotableSentences,
  stemsOf,
  wordStem,
} from "../answers/verbatim.ts";
import { fold, MONTHS } from "../core/text.ts";
import { CARD_LINE } from "../corpus/catalog.ts";
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { briefPhrases, holdsPhrase, negationWords } from "../retrieval/ban-premise.ts";
import { synonymsOf, words } from "../retrieval/french.ts";
import { isCaveat } from "../retrieval/passages.ts";
import { questionTerms } from "../retrieval/question-terms.ts";
import type { SearchResult } from "../retrieval/search.ts";

export { type AskedYear, askedYears } from "../answers/verbatim.ts";

/** A sentence of a passage that answers the question, and how directly (the weight of the question's words it holds). */
export interface AnswerPoint {
  r: SearchResult;
  sentence: string;
  score: number;
}

/** The question's subject words (years apart), each as the stems of its variants. */
function subjectTerms(question: string): { stems: string[][]; name: boolean }[] {
  const cleaned = question.replace(/\bd['’]ici\b/giu, " ");
  return questionTerms(cleaned)
    .filter((t) => !t.date && !/^\d{4}$/.test(t.word))
    .map((t) => ({
      // The word itself, or a name, by each of its stems (« Google » for « Google Workspace »); a synonym written in
      // several words (« aide de l'État » for « subvention »), as the phrase.
      stems: [
        ...new Set(t.variants.filter((v) => v === t.word || t.name).flatMap((v) => fold(v).split(/\s+/).map(wordStem))),
      ]
        .map((x) => [x])
        .concat(t.variants.filter((v) => v !== t.word && !t.name).map((v) => stemsOf(v))),
      name: t.name,
    }));
}

/**
 * Whether a sentence's stems hold a variant of a question word: its stem, or, for a phrase (« aide de l'État », a
 * synonym of « subvention »), its words in a row — not each apart (« de » is in every sentence).
 */
const holdsVariant = (stems: string[], variant: string[]) =>
  variant.length === 1
    ? holdsStem(stems, variant[0]!)
    : stems.some((_, i) => variant.every((v, j) => stems[i + j] === v));

/** What asks to confirm a claim (`brief.txt` [confirmation]: « c'est vrai », « oui ou non »). */
const CONFIRMING = briefPhrases("confirmation");
/** What a sentence the corpus says is unconfirmed weighs less: more than any sentence's words weigh, so it comes last. */
const UNCONFIRMED = 100;

/** Longest sentence of « L'essentiel » (a pair of sentences included). */
const MAX_SENTENCE = 420;

/**
 * The sentences of `passages` that answer `question`, at most one a passage and `max` in all, the most direct first:
 * each weighs the question's subject words it holds, a word found in few of the candidates weighing more (« état
 * civil » says more than « Microsoft »), and the year asked when it holds it. A sentence must hold two of the words
 * (one, for a question of one or two) or a name the question asks about.
 */
export function answerPoints(question: string, passages: SearchResult[], max: number): AnswerPoint[] {
  const terms = subjectTerms(question);
  const own = ownYears(question);
  const years = askedYears(question)
    .map((y) => y.year)
    .filter((y) => !own.includes(y));
  if (!terms.length) return [];
  // A catalog card answers about its own product, when the question names it (« Google Workspace »), not because its
  // product's description shares a word of the question (« État civil » of a business software).
  const named = new Set(stemsOf(question));
  // A name of two letters (« 1C », « 4D ») is named by them; a card whose name has no word answers nothing.
  const answering = passages.filter((r) => {
    if (r.document.kind !== "catalog") return true;
    const name = fold(r.document.title.replace(/^[^:]*:\s*/, "")).split(/[^a-z0-9]+/);
    const first = name.find((w) => w.length >= 3) ?? name.find((w) => w.length === 2);
    return first !== undefined && named.has(wordStem(first));
  });
  // A sentence that refers back (« Il modifie … ») is read with the one before it: the pair is one point.
  const sentencesOf = (listItems: boolean) =>
    answering.flatMap((r, rank) => {
      // (What the passage's heading and title are about: « Millau : les hausses des licences Microsoft annoncées pour
      // 2026, 2027 et 2028 » says what « En 2027 : une « 2e vague » sur Office 365 E3. » is about.)
      const heading = stemsOf(`${r.document.title} ${r.section}`);
      const headed = terms.filter((t) => t.stems.some((v) => holdsVariant(heading, v))).length;
      return (
        quotableSentences(r.text, {
          max: MAX_SENTENCE,
          question,
          placeNamed: namesTitlePlace(question, r.document.title),
          listItems,
        })
          // (« Pour le détail, voir aussi … » says nothing to a maire.)
          .filter(({ own }) => !pointsElsewhere(own))
          .map(({ text, own }) => {
            // A pair weighs what its referring sentence says: the one before it is a candidate of its own.
            const stems = stemsOf(own);
            return {
              r,
              rank,
              text,
              own,
              headed,
              held: terms.map((t) => t.stems.some((v) => holdsVariant(stems, v))),
              year: years.some((y) => own.includes(y)),
            };
          })
      );
    });
  const candidates = sentencesOf(false);
  if (!candidates.length) return [];
  const weight = terms.map((_, i) => {
    const df = candidates.filter((c) => c.held[i]).length;
    return Math.log(1 + candidates.length / (1 + df));
  });
  const needed = terms.length <= 2 ? 1 : 2;
  const checking = holdsPhrase(question, CONFIRMING);
  const scored = candidates
    .map((c) => {
      const count = c.held.filter(Boolean).length;
      const score = c.held.reduce((sum, h, i) => sum + (h ? weight[i]! : 0), 0) + (c.year ? Math.max(...weight) : 0);
      return { ...c, count, score, named: c.held.some((h, i) => h && terms[i]!.name) };
    })
    // Two of the question's words, or a name it asks about (« Kaspersky »).
    .filter((c) => c.count >= needed || c.named)
    .map((c) => ({ ...c, passage: c.r.id, doc: c.r.document.id }))
    // A sentence the corpus itself says is unconfirmed (« … un commentaire sur un réseau social, non confirmé par une
    // seconde source », `caveats.txt`) comes after those it does not: not one of three key points for a maire while
    // others answer (trial24 T-M3).
    // (Unless the question asks whether a claim is true, « C'est vrai que l'Occitanie a payé quatre fois moins cher … ? »:
    // the sentence saying it is not confirmed is then the answer.)
    .map((c) => (isCaveat(c.own) && !checking ? { ...c, score: c.score - UNCONFIRMED } : c))
    .sort((a, b) => b.score - a.score || a.rank - b.rank);
  const picked = pickVerbatim(scored, { max, perPassage: 1 });
  // A year asked that no point picked says (« la hausse de 2027 »), when a sentence on the subject (two of its words,
  // in it or its passage's heading) says (« « 2027 : deuxième vague sur Office 365 E3 » : non confirmé »): it is the answer, in place of the last point
  // (trial14 A13).
  let items: typeof candidates | undefined;
  for (const year of years) {
    if (picked.some((c) => c.text.includes(year))) continue;
    // (A list item too: « - En 2027 : une « 2e vague » sur Office 365 E3. Non confirmé. »)
    items ??= sentencesOf(true);
    const said = items
      .filter((c) => c.own.includes(year) && c.held.filter(Boolean).length + c.headed >= 2)
      .map((c) => ({ ...c, score: c.held.reduce((sum, h, i) => sum + (h ? weight[i]! : 0), 0) + c.headed / 2 }))
      .sort((a, b) => b.score - a.score || a.rank - b.rank)[0];
    if (!said) continue;
    const point = { ...said, count: 0, named: false, passage: said.r.id, doc: said.r.document.id };
    if (picked.length >= max) picked.splice(picked.length - 1, 1, point);
    else picked.push(point);
  }
  const points = picked.map((c) => ({
    r: c.r,
    sentence: c.text,
    score: c.score,
  }));
  // « … faut-il la renouveler ou passer à une solution européenne ? »: what the catalog names to replace it.
  const alternatives = alternativesPoint(question, answering);
  if (!alternatives || points.some((p) => p.r.id === alternatives.r.id && p.sentence === alternatives.sentence))
    return points;
  return [...points, alternatives];
}

/** What asks whether something obliges or bans, and what says nothing does (`brief.txt`, as « En bref » reads them). */
// (The subject after the verb too, « La commune doit-elle quitter … ? », trial25 T-M10.)
const DUTY_ASKED = [
  ...briefPhrases("devoir"),
  ...briefPhrases("devoir, inversion"),
  ...briefPhrases("interdiction dite"),
];
const DUTY_DENIED = [...briefPhrases("devoir nié"), ...briefPhrases("interdiction niée")];

/** Whether a note's question asks whether something obliges or bans (« Le CLOUD Act nous oblige-t-il à … ? »). */
export const asksDuty = (question: string) => holdsPhrase(question, DUTY_ASKED);

/**
 * To a question asking whether something obliges or bans (« Le CLOUD Act nous oblige-t-il à quitter Microsoft 365
 * avant la fin du mandat ? »), the sentence of the passages saying there is no such duty or ban (« Ce que le CLOUD Act
 * ne change pas : il ne rend pas illégal pour une commune l'usage de ces services. », « Aucune loi française n'interdit
 * … ») — the answer a maire reads first (trial21 T-H6: « L'essentiel » listed migrations, none saying so); of a passage
 * holding a subject word of the question, or saying it of every law (« aucune loi »). Null when none says it.
 */
export function dutyDeniedPoint(question: string, passages: SearchResult[]): AnswerPoint | null {
  if (!asksDuty(question)) return null;
  const terms = subjectTerms(question);
  for (const r of passages) {
    const about = stemsOf(`${r.document.title} ${r.section} ${r.text}`);
    const onSubject = terms.some((t) => t.name && t.stems.some((v) => holdsVariant(about, v)));
    for (const { text, own } of quotableSentences(r.text, { max: MAX_SENTENCE, question })) {
      if (!holdsPhrase(own, DUTY_DENIED)) continue;
      if (onSubject || /\baucune loi\b/.test(negationWords(own).join(" "))) return { r, sentence: text, score: 0 };
    }
  }
  return null;
}

/** Longest line of alternatives quoted from a card (its items cut, « […] » after the last kept). */
const MAX_ALTERNATIVES = 300;

/** The words of a replacement (« remplacer », « passer à », « quitter », « alternative »), folded, phrases included. */
const REPLACING = [
  ...new Set(["remplacer", "alternative"].flatMap((w) => [w, ...synonymsOf(w)]).map((w) => ` ${words(w).join(" ")} `)),
];

/**
 * The line of alternatives of the card of a product the question names, when it asks to replace it (« renouveler ou
 * passer à une solution européenne ? »): a point of its own, cut after the last item that fits.
 */
export function alternativesPoint(question: string, passages: SearchResult[]): AnswerPoint | null {
  const asked = ` ${words(question).join(" ")} `;
  if (!REPLACING.some((w) => asked.includes(w))) return null;
  const named = new Set(stemsOf(question));
  for (const r of passages) {
    if (!r.document.id.startsWith("catalog/product/")) continue;
    const name = fold(r.document.title.replace(/^[^:]*:\s*/, ""))
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3);
    if (!name.length || !name.every((w) => named.has(wordStem(w)))) continue;
    const line = r.text.split("\n").find((l) => l.startsWith(CARD_LINE.alternatives));
    if (!line) continue;
    const items = line.trim().replace(/\.$/, "").split(" ; ");
    let n = items.length;
    while (n > 1 && items.slice(0, n).join(" ; ").length > MAX_ALTERNATIVES) n--;
    const sentence = n === items.length ? `${items.join(" ; ")}.` : `${items.slice(0, n).join(" ; ")} […]`;
    return { r, sentence, score: 0 };
  }
  return null;
}

/** Words after which a year is the end of the asker's own contract (`contract-dates.txt`: « échéance en 2027 »). */
const CONTRACT_YEAR = new RegExp(
  String.raw`(?<![a-z])(?:${wordListLines("contract-dates.txt")
    .map((w) => fold(w).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(
      "|",
    )})(?![a-z])(?:[\s:,'’-]+(?:de|du|des|d|en|le|la|l|les|au|aux|a|prevue?|fixee?|pour|vers|son|sa|ses|arrive|arrivera|tombe|tombera)(?![a-z]))*[\s:,'’-]*(?:(?:1er|\d{1,2})\s+)?(?:(?:${MONTHS.map(fold).join("|")})\s+)?((?:19|20)\d{2})(?!\d)`,
  "g",
);

/**
 * The years a question gives as its own situation, not asks about: the end of its contract (« Notre messagerie arrive à
 * échéance en 2027 : faut-il la renouveler ? », « … avant la fin du contrat en juin 2027 », trial25 T-M10). No passage is expected to say what happens then.
 */
export function ownYears(question: string): string[] {
  return [...fold(question).matchAll(CONTRACT_YEAR)].map((m) => m[1]!);
}

/** `brief.txt` [chez nous]: a figure of the asker's own collectivité (« notre commune », « chez nous »), folded. */
const OWN_WORDS = (wordListSections("brief.txt").get("chez nous") ?? []).map((e) => ` ${words(e).join(" ")} `);
/** `collectivity-kinds.txt`: the words of each kind of collectivité (« ville », « commune », « mairie »), folded. */
const KINDS = [...wordListSections("collectivity-kinds.txt").entries()]
  .filter(([k]) => k !== "petite" && k !== "administration")
  .map(([, v]) => new Set(v.flatMap((e) => words(e))));
/** The words of the kind of collectivité `kind` names (« commune »: « ville », « mairie », …), « collectivité » too. */
const kindWords = (kind: string) => {
  const w = words(kind);
  return new Set([...(KINDS.find((k) => w.some((x) => k.has(x))) ?? []), "collectivite"]);
};
/** Words of a figure asked (« combien », « montant », « chiffre »), folded. */
const FIGURE_ASKED = new Set(["combien", "montant", "chiffre", "chiffres"]);

/**
 * Whether a note's question asks a figure of the note's own collectivité (« … et combien la ville économiserait-elle
 * ? » in a note to the maire, « combien économiserions-nous chez nous ? »): a word asking a figure, and « la ville »
 * (a word of its own kind, `kind`, not followed by « de » and a name) or the collectivité's own name or « chez nous ».
 * No passage of the corpus gives it (trial14 A13).
 */
export function asksOwnFigure(question: string, collectivite = "", kind = ""): boolean {
  const list = words(question);
  if (!list.some((w) => FIGURE_ASKED.has(w))) return false;
  const text = ` ${list.join(" ")} `;
  if (OWN_WORDS.some((e) => text.includes(e))) return true;
  const name = words(collectivite);
  // (« la Région » in a note to a commune is another collectivité.)
  const own = kindWords(kind);
  if (name.length && text.includes(` ${name.join(" ")} `)) return true;
  return list.some(
    (w, i) =>
      own.has(w) && ["la", "le", "notre"].includes(list[i - 1] ?? "") && !["de", "d"].includes(list[i + 1] ?? ""),
  );
}

/** The years the question asks about that none of the points says (not those of its own contract). */
export const unsaidYears = (question: string, points: { sentence: string }[]) => {
  const own = ownYears(question);
  return askedYears(question).filter((y) => !own.includes(y.year) && !points.some((p) => p.sentence.includes(y.year)));
};

/**
 * What a point of « L'essentiel » is about, said before it when the sentence does not name it (« Exposition à des lois
 * extra-européennes : CLOUD Act » of Google's card; « l'objectif est de … » of a page on Visio): the card's name, or
 * the first part of the page's title when it names something — a word with a capital after its first, or a first
 * word its passage also writes with a capital inside a sentence (« Schleswig-Holstein », not « Mener ») —; else
 * nothing.
 */
export function pointSubject(r: Pick<SearchResult, "document" | "text" | "section">, sentence: string): string | null {
  const card = r.document.kind === "catalog";
  // A page's sentence that opens on its own subject (« Le ministère de l'Éducation nationale a conclu … ») says it.
  if (!card && opensOnName(sentence)) return null;
  const short = shortTitle(r.document.title);
  const title = card ? r.document.title.replace(/^[^:]*:\s*/, "") : short.endsWith("…") ? "" : short;
  const said = new Set(stemsOf(sentence));
  const own = title ? labelOf(title, r, card) : null;
  if (own) return own.some((w) => stemsOf(w).every((x) => said.has(x))) ? null : title;
  // A page on a general topic (« Fixer un objectif chiffré … »): its section's subject when a name is all it says
  // (« Les rythmes observés : le Schleswig-Holstein »).
  const heading = (r.section ?? "")
    .split(" ; ")[0]!
    .split(/\s+:\s+/)
    .at(-1)!
    .trim();
  if (!SECTION_SUBJECT.test(heading)) return null;
  const named = labelOf(heading, r, false);
  if (!named || named.some((w) => stemsOf(w).every((x) => said.has(x)))) return null;
  return heading.charAt(0).toUpperCase() + heading.slice(1);
}

/** A section's subject that is a name: an article at most, then capitalised words (« le Schleswig-Holstein »). */
const SECTION_SUBJECT =
  /^(?:(?:le|la|les|l['’])\s*)?\p{Lu}[\p{L}'’-]*(?:\s+(?:de|du|des|d['’])?\s*\p{Lu}[\p{L}'’-]*)*$/u;

/** Words of a sentence's opening where its subject is named (a source « Selon X, » and parentheses aside). */
const SUBJECT_REACH = 6;

/**
 * Whether a sentence opens on a name of its own (« Le Schleswig-Holstein a suivi … », « À la suite d'une enquête de
 * l'Union européenne, Microsoft … »): a capitalised word among its first words, past the first; « Selon
 * Developpez.com (27 janvier 2026), l'objectif est … » names its source, not its subject.
 */
export function opensOnName(sentence: string): boolean {
  const text = sentence.replace(/\([^)]*\)/g, " ").replace(/^\s*(?:Selon|D['’]après)\s[^,:]*[,:]\s*/u, "");
  const capital = (w: string) => /^(?:[dlDL]['’])?\p{Lu}/u.test(w);
  const list = text.match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? [];
  if (list.slice(1, SUBJECT_REACH).some(capital)) return true;
  // After an opening phrase (« À la suite d'une enquête de concurrence, Microsoft vend … »), the subject.
  const comma = text.indexOf(",");
  const opening = comma > 0 ? (text.slice(0, comma).match(/[\p{L}\p{N}]+/gu) ?? []).length : Number.POSITIVE_INFINITY;
  if (opening > 2 * SUBJECT_REACH) return false;
  const rest = text.slice(comma + 1).match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? [];
  return rest.slice(0, SUBJECT_REACH - 3).some(capital);
}

/** The names a label writes (a word with a capital after its first; the first, when its passage capitalises it). */
function labelOf(label: string, r: Pick<SearchResult, "text">, card: boolean): string[] | null {
  const inside = (w: string) =>
    new RegExp(`(?<=[\\p{Ll},;(]\\s+)${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u").test(r.text);
  const names = (label.match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? []).filter(
    (w, i) => /\p{Lu}/u.test(w) && (card || i > 0 || inside(w.replace(/[.,]$/, ""))),
  );
  return names.length ? names : null;
}
