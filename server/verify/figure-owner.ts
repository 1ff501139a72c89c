/**
 * A true figure of the cited passages given to another thing they name (faithful-blind-4, faithful-blind-2): « Le DSA
 * prévoit des amendes jusqu'à 10 % » where the passage says « Le DMA prévoit des amendes jusqu'à 10 % … ; le DSA
 * jusqu'à 6 % »; « L'Assurance maladie y fait passer ses 5,5 millions d'agents » where the 5,5 millions are the
 * agents of the whole public sector and the CNAM's are 80 000. What ties a figure to what it measures is its statement
 * (a sentence, or one part of it between semicolons or dashes), which names its owner before it.
 */

import { stem } from "../retrieval/french.ts";
import { figureMatches, QUANTITY } from "./figure-match.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { namesAt, namesWithEnds, SENTENCE_START_COMMON } from "./proper-nouns.ts";
import { countsSomething, STATEMENT_BREAK, withoutReferences } from "./sentences.ts";
import { countedThing, located, type Source } from "./source-sentences.ts";
import { type Bag, bagOf, nameIn } from "./words.ts";

/**
 * Where a statement of a passage ends: a semicolon or a dash (not « , et », which keeps its subject), and between the
 * items of a list each followed by what is said of it in parentheses (« Utilisateurs : X (…, 10 000 agents), Y (…,
 * 35 000 agents) »: each count is its own item's).
 */
const PART_BREAK = /;|\s[—–]\s|(?<=\))\s*,\s+(?=\p{Lu})/u;

/** Common words that open a run of capitalised words (« La Suite »): not part of the name reported. */
const LEADING_COMMON = new RegExp(`^(?:${SENTENCE_START_COMMON.source.slice(2, -2)})\\s+`, "u");

/** « selon », « d'après » right before a name: the name is a source. */
const CREDIT_BEFORE = /(?:selon|d['’]après)\s+(?:l['’]|la\s+|le\s+|les\s+)?$/iu;
/** « que » after a name: it reports what follows (« X rapporte que la ville a migré … »). */
const REPORTING = /(?<!\p{L})(?:que|qu['’])(?!\p{L})/iu;

/** Where a statement's label stands: its start, after a list marker or bold (« - Estimation de presse : … »). */
const LABEL_START = /^[\s*_•-]*$/u;

/**
 * Capitalised words the cited passages also write in lower case (« Estimation de presse : environ 200 postes » and
 * « l'estimation de presse »): opening a list item, they label a kind of figure or of source, not who it measures,
 * so the figure stays its section's subject's (trial13 A5).
 */
function commonLabels(pool: Source[]): Set<string> {
  const texts = pool.flatMap((src) => src.sentences.map((ss) => ss.text));
  const out = new Set<string>();
  for (const t of texts)
    for (const m of t.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}-]{3,}/gu)) {
      const cap = m[0][0]!.toUpperCase() + m[0].slice(1);
      out.add(cap);
    }
  return out;
}

interface Part {
  text: string;
  bag: Bag;
  figures: { f: Figure; at: number }[];
  /**
   * The label of the list item a later part of it belongs to (« - Gendarmerie nationale » for « 12 millions d'euros
   * par an après l'abandon complet des licences Windows » in « - Gendarmerie nationale : environ 2 millions … ; 12
   * millions … »): who its figures measure when the part names no one before them (trial21 T-H9).
   */
  label: string;
}

/** A statement's label: what opens it before « : » (« - Munich : la ville a fait état … »), a few words. */
const ITEM_LABEL = /^([\s*_•-]*[^:;.]{1,60}?)\s:\s/u;

/** The statements of the cited passages (headings left out), without their source references. */
function partsOf(pool: Source[]): Part[] {
  return pool.flatMap((src) =>
    src.sentences
      .filter((ss) => !ss.inHeading)
      // Apart before the references go: « X (DINUM, 10 000 agents, octobre 2025), Y (…) » reads like one.
      .flatMap((ss) => {
        const label = ITEM_LABEL.exec(ss.text)?.[1] ?? "";
        return ss.text
          .split(PART_BREAK)
          .map((t, k) => ({ text: withoutReferences(t, countsSomething), label: k > 0 ? label : "" }));
      })
      .map(({ text, label }) => ({
        text,
        label,
        bag: bagOf(text),
        figures: located(
          text,
          extractFigures(text).filter((f) => QUANTITY.has(f.kind)),
        ).map((s) => ({ f: s.f, at: s.at })),
      })),
  );
}

/** What a count says it counts, as stems (« agents »), or null for a figure that is not a count. */
function countedStem(text: string, f: Figure, at: number): string | null {
  if (f.kind !== "number") return null;
  // « 2,1 millions de salariés »: the « de » after a figure in words leads to what it counts, as « d' » does.
  const big = /(?:mille|ions?|iards?)$/u.test(f.raw);
  const thing = countedThing(
    big ? text.slice(0, at + f.raw.length) + text.slice(at + f.raw.length).replace(/^\s*de\s+/u, " ") : text,
    f,
    at,
  )[0];
  return thing ? stem(thing.word) : "";
}

/**
 * The figure a sentence gives a name of the passages where every statement of the passages that writes the figure
 * gives it to another name, written before it and absent from the sentence, and a statement naming the sentence's name
 * gives it another figure of the same kind (a count of the same thing): the figure, the name, and the other name.
 */
export function figureOfAnother(
  stated: string,
  pool: Source[],
): { figure: string; name: string; other: string } | null {
  const text = withoutReferences(stated);
  const spots = located(
    text,
    extractFigures(text).filter((f) => QUANTITY.has(f.kind)),
  );
  if (spots.length === 0) return null;
  const parts = partsOf(pool);
  const claimBag = bagOf(text);
  const lowered = commonLabels(pool);
  for (const spot of spots) {
    // The sentence's own statement of the figure.
    const pieces = [...text.matchAll(STATEMENT_BREAK)].map((m) => m.index!);
    const start = Math.max(0, ...pieces.filter((p) => p < spot.at));
    const stop = Math.min(text.length, ...pieces.filter((p) => p >= spot.end));
    const statement = text.slice(start, stop);
    const counted = countedStem(text, spot.f, spot.at);
    // A number that counts nothing it names (« la section 702 du FISA », « ISO 32000 ») is a reference, not a count.
    if (counted === "") continue;
    const carrying = parts.filter((p) => p.figures.some((x) => figureMatches(spot.f, x.f)));
    if (carrying.length === 0) continue;
    for (const { name, folded } of namesAt(statement)) {
      if (!folded || spot.f.raw.includes(name)) continue;
      // Named by a statement of the figure, or by the label of its list item (« McAfee Endpoint Security : … ; 48
      // installations au départ, 18 aujourd'hui » gives 18 to « McAfee »).
      if (carrying.some((p) => nameIn(folded, p.bag) || (p.label !== "" && nameIn(folded, bagOf(p.label))))) continue;
      // Each statement of the figure names its owner before it, a name the sentence does not write.
      const owners = carrying.map((p) => {
        const x = p.figures.find((y) => figureMatches(spot.f, y.f))!;
        const own = p.text.slice(0, x.at);
        // A part naming no one before its figure is its list item's label's (`Part.label`).
        const before = p.label && namesAt(own).length === 0 ? `${p.label} : ${own}` : own;
        // A source that reports the figure (« selon X », « X rapporte que … ») is not what it measures.
        const named = namesAt(before).filter(
          (n) =>
            !claimBag.joined.includes(` ${n.folded} `) &&
            !folded.includes(n.folded) &&
            !CREDIT_BEFORE.test(before.slice(0, n.at)) &&
            !REPORTING.test(before.slice(n.at)) &&
            !(lowered.has(n.name) && LABEL_START.test(before.slice(0, n.at))),
        );
        // Reported as written, with the capitalised words around the nearest one (« La Suite numérique » → « Suite »).
        const nearest = named.at(-1);
        if (!nearest) return undefined;
        const run = namesWithEnds(before).find((r) => r.at <= nearest.at && nearest.at < r.end);
        return run ? run.name.replace(LEADING_COMMON, "") : nearest.name;
      });
      if (owners.some((o) => o === undefined)) continue;
      // A statement that names the sentence's name gives it another figure of the same kind.
      const other = parts.some(
        (p) =>
          nameIn(folded, p.bag) &&
          p.figures.some(
            (x) =>
              x.f.kind === spot.f.kind &&
              !figureMatches(spot.f, x.f) &&
              (counted === null || countedStem(p.text, x.f, x.at) === counted),
          ),
      );
      if (other) return { figure: spot.f.raw, name, other: owners[0]! };
    }
  }
  return null;
}
