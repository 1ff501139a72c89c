/** Whether the names of a claim (organisations, places, products, recipients) are those its sources give. */
import { escapeRegExp } from "../core/text.ts";
import { extractFigures, type Figure } from "./figures.ts";
import { NEGATION, POLARITY_MIN_SHARE } from "./negation.ts";
import { namesAt, namesOf, wordAt } from "./proper-nouns.ts";
import { clauseAround, STATEMENT_BREAK, withoutReferences } from "./sentences.ts";
import { located, type Sides, type Source, type SourceSentence, sameSlot, wordSides } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, WEAK, wordLines, wordList, words } from "./words.ts";

/**
 * The name a source sentence gives where the claim puts a name it does not say (« vers Windows entre 2005 » where the
 * sentence says « vers LiMux entre 2005 »), or null: a name of the heading or of the sentence around, put in the
 * place of another.
 */
export function nameReplaced(claim: string, name: string, folded: string, found: SourceSentence[]): string | null {
  if (found.length === 0 || found.some((ss) => inBag(folded, ss.said))) return null;
  const at = wordAt(claim, name);
  if (at < 0) return null;
  // A number beside the name is the figure held to it, not a word of its place (« passé en France de 6,70 € » is not
  // « Office 365 E1 : de 6,70 € »): each side stops at a number.
  const wordy = (s: Sides): Sides => {
    const cut = (x: string[]) => {
      const i = x.findIndex((w) => /^\d/.test(w));
      return i < 0 ? x : x.slice(0, i);
    };
    return { before: cut(s.before), after: cut(s.after) };
  };
  const mine = wordy(wordSides(claim, at, name.length));
  for (const ss of found) {
    const text = withoutReferences(ss.text);
    for (const other of namesOf(text)) {
      // A name the claim writes too is not replaced: the claim adds a name beside it (« À Fontaine, en Isère, … »
      // for « À Fontaine, Nicolas Vivant … » ; « le salon AlpOSS a réuni à Échirolles »).
      if (words(other).join(" ") === folded || wordAt(claim, other) >= 0) continue;
      for (let k = wordAt(text, other); k >= 0; k = wordAt(text, other, k + other.length))
        if (sameSlot(mine, wordy(wordSides(text, k, other.length)))) return other;
    }
  }
  return null;
}

/**
 * A synthesis of two cited passages (« Sa messagerie est passée à Open-Xchange, une migration qui concernait environ
 * 30 000 agents [4][1] »): the figure's own statement in its source names no one (« la migration de la messagerie
 * concernait environ 30 000 agents »), and a sentence of another cited passage names the name with a word of that
 * statement that the claim says too (« sa messagerie vers Open-Xchange »).
 */
export function namedElsewhere(
  ss: SourceSentence,
  match: (f: Figure) => boolean,
  folded: string,
  claim: string,
  pool: Source[],
): boolean {
  const text = withoutReferences(ss.text);
  const statements = text.split(STATEMENT_BREAK).filter((st) => extractFigures(st).some(match));
  const unnamed = statements.filter((st) => namesOf(st).length === 0);
  if (unnamed.length === 0) return false;
  const mine = bagOf(claim);
  const links = [...new Set(unnamed.flatMap((st) => contentWords(st)))].filter(
    (w) => !WEAK.has(w) && inBag(w, mine, false),
  );
  if (links.length === 0) return false;
  const home = pool.find((src) => src.sentences.includes(ss));
  return pool.some(
    (src) =>
      src !== home &&
      src.sentences.some((other) => inBag(folded, other.said) && links.some((w) => inBag(w, other.said, false))),
  );
}

/** Whether a text denies a figure: a negation before it in its clause (« mais pas le chiffre de 430 % »). */
export function deniedIn(text: string, match: (f: Figure) => boolean): boolean {
  return located(text, extractFigures(text)).some((spot) => {
    if (!match(spot.f)) return false;
    const [start] = clauseAround(text, spot.at, spot.end);
    return NEGATION.test(text.slice(start, spot.at));
  });
}

/** Least content words of the relative clause a sentence gives a name for a swap of descriptions to be compared. */
export const DESCRIPTION_MIN_WORDS = 3;

/**
 * The content words of the relative clause a text writes right after a name (« l'ADULLACT, qui rassemble des
 * collectivités utilisatrices, »), up to four; none when no relative clause follows it.
 */
function descriptionAfter(text: string, end: number): string[] {
  const relative = /^\s*(?:,\s*)?(?:qui|que|qu['’]|dont)\s*/iu.exec(text.slice(end));
  if (!relative) return [];
  const rest = text.slice(end + relative[0].length);
  const stop = rest.search(/[,;:.!?()]|\s[—–]\s/);
  return contentWords(stop < 0 ? rest : rest.slice(0, stop)).slice(0, 4);
}

/**
 * A name given what the cited passages say of another name (« Contrairement au CNLL, qui rassemble des collectivités
 * utilisatrices » where the passage says « Contrairement à l'ADULLACT, qui rassemble des collectivités utilisatrices,
 * ou au CNLL, qui représente des entreprises »): the words right after it (at least three) are those right after the
 * other name, which the sentence does not write, while the passages describe this one otherwise.
 */
export function descriptionSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const texts = pool.flatMap((src) =>
    src.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)),
  );
  const claimed = new Set(namesAt(stated).map((n) => n.folded));
  for (const n of namesAt(stated)) {
    const mine = descriptionAfter(stated, n.at + n.name.length);
    if (mine.length < DESCRIPTION_MIN_WORDS) continue;
    const need = Math.max(DESCRIPTION_MIN_WORDS, Math.ceil(mine.length * POLARITY_MIN_SHARE));
    const score = (text: string, end: number) => {
      const theirs = bagOf(descriptionAfter(text, end).join(" "));
      return mine.filter((w) => inBag(w, theirs)).length;
    };
    let own = -1;
    let other: string | null = null;
    for (const text of texts)
      for (const m of namesAt(text)) {
        const sc = score(text, m.at + m.name.length);
        if (m.folded === n.folded) own = Math.max(own, sc);
        else if (sc >= need && !claimed.has(m.folded)) other ??= m.name;
      }
    if (other && own >= 0 && own < 2) return { name: n.name, other };
  }
  return null;
}

/**
 * A name only the data gives (the collectivité a note is written for, « Collectivité : Kervallon »), beside a figure
 * of a passage written in a part of the statement that does not name it (« Comme la communauté de communes du Val
 * et ses 200 agents, Kervallon pourrait … », « Les agents de Kervallon peuvent trouver dans BlueHats, qui réunit
 * 2 000 agents publics, … »), where another name of the statement is the one the source gives the figure to: the
 * figure is that name's, the collectivité is compared with it. « Kervallon et ses 200 agents » is still held to it.
 */
export function recipientBeside(
  segment: string,
  offset: number,
  q: { at: number; end: number },
  name: string,
  folded: string,
  pool: Source[],
  found: SourceSentence[],
  givenTo: (who: string) => (ss: SourceSentence) => boolean,
): boolean {
  if (pool.some((s) => inBag(folded, s.bag))) return false;
  const part = [...segment.matchAll(/(?:[^,;]|(?<=\d),(?=\d))+/g)].find(
    (p) => offset + p.index! <= q.at && q.end <= offset + p.index! + p[0].length,
  );
  if (!part || wordAt(part[0], name) >= 0) return false;
  // The other name is in the figure's part, or just before it when the part is its relative clause (« BlueHats, qui
  // réunit 2 000 agents »); not any name of the statement (« Dans la commune de Kervallon, 150 agents … BlueMind »).
  const relativeOf = /^\s*(?:qui|que|qu['’]|dont)\s/iu.test(part[0]) ? segment.slice(0, part.index!) : "";
  const lastName = namesOf(relativeOf).at(-1);
  return namesOf(segment).some((other) => {
    const o = words(other).join(" ");
    const placed = wordAt(part[0], other) >= 0 || other === lastName;
    return placed && o !== folded && pool.some((s) => inBag(o, s.bag)) && found.some(givenTo(o));
  });
}

/**
 * A name of an apposition that describes the subject of a statement (« Teams » in « Copilot, assistant intégré à Word,
 * Excel et Teams, est vendu à 30 dollars »): its part between commas writes no figure and is not the first, and a
 * cited source sentence names it with the subject (the statement's first name). It says what the subject is, not what
 * the figure counts.
 */
export function describesSubject(
  segment: string,
  offset: number,
  name: string,
  folded: string,
  quantities: { at: number; end: number }[],
  pool: Source[],
): boolean {
  const at = wordAt(segment, name);
  if (at < 0) return false;
  const part = [...segment.matchAll(/(?:[^,;]|(?<=\d),(?=\d))+/g)].find(
    (p) => p.index! <= at && at < p.index! + p[0].length,
  );
  if (!part || part.index === 0) return false;
  const [start, stop] = [offset + part.index!, offset + part.index! + part[0].length];
  if (quantities.some((q) => q.at < stop && q.end > start)) return false;
  const subject = namesOf(segment)[0];
  if (!subject || subject === name) return false;
  const s = words(subject).join(" ");
  return pool.some((src) => src.sentences.some((ss) => inBag(folded, ss.said) && inBag(s, ss.said)));
}

/** Départements and régions of France (`server/i18n/fr/french-divisions.txt`). */
const DIVISIONS = wordLines("french-divisions.txt");

/** A division in apposition to the place before it: « Boé, dans le Lot-et-Garonne, », « Saint-Renan (Finistère) ». */
const DIVISION_APPOSITION = new RegExp(
  `(\\p{Lu}[\\p{L}'’-]*)\\s*(?:,\\s*(?:dans\\s+(?:le|la|les)\\s+|dans\\s+l['’]\\s*|en\\s+)|\\(\\s*)(${[...DIVISIONS]
    .sort((a, b) => b.length - a.length)
    .map((d) => escapeRegExp(d).replace(/\s+/g, "\\s+"))
    .join("|")})\\s*[,)]`,
  "giu",
);

/**
 * The folded words of the départements and régions a sentence writes in apposition to a place the sources name
 * (« À Boé, dans le Lot-et-Garonne, … »), when no source sentence (or heading) naming that place puts another division
 * in apposition to it: they locate the place, they are not a name the passage must write.
 */
export function locatingDivisions(stated: string, pool: Source[]): Set<string> {
  const out = new Set<string>();
  for (const m of stated.matchAll(DIVISION_APPOSITION)) {
    const place = words(m[1]!).join(" ");
    const division = words(m[2]!).join(" ");
    const saying = pool.flatMap((s) => s.sentences.filter((ss) => inBag(place, ss.own)));
    if (saying.length === 0) continue;
    const other = saying.some((ss) =>
      [...`${ss.heading}\n${ss.text}`.matchAll(DIVISION_APPOSITION)].some(
        (o) => words(o[1]!).join(" ") === place && words(o[2]!).join(" ") !== division,
      ),
    );
    if (!other) for (const w of [division, ...words(m[2]!)]) out.add(w);
  }
  return out;
}

/** The assistant's own names (`server/i18n/fr/own-names.txt`), folded: the author of the corpus's analyses. */
const OWN_NAMES = wordLines("own-names.txt").map((l) => words(l).join(" "));

/** The words of the assistant's own names a sentence writes whole (« Cap », « Libre » of « Cap Libre »). */
export function ownNameWords(sentence: string): Set<string> {
  const joined = ` ${words(sentence).join(" ")} `;
  return new Set(OWN_NAMES.filter((n) => joined.includes(` ${n} `)).flatMap((n) => n.split(" ")));
}

/** Words saying what any product or vendor is (`server/i18n/fr/product-words.txt`), folded. */
export const PRODUCT_WORDS = new Set(wordList("product-words.txt").flatMap((w) => words(w)));

/** Articles, folded: not words of the place of a name. */
const ARTICLES = new Set(["le", "la", "les", "l", "un", "une"]);

/**
 * The name the figure's own statement gives where the claim puts a name that its source sentence writes only in
 * another statement (« a reçu 2 millions d'euros de subvention de la Région Auvergne-Rhône-Alpes » where the passage
 * says « le projet a reçu 2 millions d'euros de subvention de l'ANCT, et plus de la moitié des marchés sont allés à
 * des entreprises d'Auvergne-Rhône-Alpes »): the two words before it, articles left out, are those before the other
 * name. The other name, or null.
 */
export function nameMovedInSentence(
  claim: string,
  name: string,
  folded: string,
  found: SourceSentence[],
  match: (f: Figure) => boolean,
): string | null {
  const at = wordAt(claim, name);
  if (at < 0 || found.length === 0) return null;
  const before = (text: string, k: number) =>
    words(text.slice(Math.max(0, k - 80), k))
      .reverse()
      .filter((w) => !ARTICLES.has(w))
      .slice(0, 2);
  const mine = before(claim, at);
  if (mine.length < 2 || mine.some((w) => /^\d/.test(w))) return null;
  for (const ss of found) {
    const statements = withoutReferences(ss.text)
      .split(STATEMENT_BREAK)
      .filter((st) => extractFigures(st).some(match));
    if (statements.length === 0 || statements.some((st) => inBag(folded, bagOf(st)))) return null;
  }
  for (const ss of found)
    for (const st of withoutReferences(ss.text)
      .split(STATEMENT_BREAK)
      .filter((x) => extractFigures(x).some(match)))
      for (const other of namesOf(st)) {
        if (words(other).join(" ") === folded) continue;
        for (let k = wordAt(st, other); k >= 0; k = wordAt(st, other, k + other.length))
          if (before(st, k).join(" ") === mine.join(" ")) return other;
      }
  return null;
}
