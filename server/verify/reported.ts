/** Whether a claim states as fact what its sources only report someone said (or say is unknown). */
import { escapeRegExp } from "../core/text.ts";
import { figureMatches, QUALIFIER_CLAIM, QUALIFIER_SOURCE, QUANTITY } from "./figure-match.ts";
import { extractFigures } from "./figures.ts";
import { POLARITY_MIN_SHARE, short } from "./negation.ts";
import { statementsOf } from "./sentences.ts";
import { asidesApart, type Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, wordLines, wordList } from "./words.ts";

/** Phrases by which a passage reports a statement without vouching for it (`server/i18n/fr/reported-statements.txt`). */
const REPORTED = new RegExp(
  `(?<!\\p{L})(?:${wordLines("reported-statements.txt")
    .map((l) => escapeRegExp(l).replace(/\s+/g, "\\s+"))
    .join("|")})(?!\\p{L})`,
  "iu",
);

/** Phrases that report the whole statement they open (`server/i18n/fr/reported-openings.txt`): « Selon lui, … ». */
const REPORTED_OPENING = new RegExp(
  `^[\\s*•-]*(?:${wordLines("reported-openings.txt")
    .map((l) => escapeRegExp(l).replace(/\s+/g, "\\s+").replace(/'/g, "['’]"))
    .join("|")})(?!\\p{L})`,
  "iu",
);

/**
 * Phrases by which a passage says that what follows its colon is an opinion or the word of an interested party
 * (`server/i18n/fr/reported-leads.txt`): « Sa conclusion relève de l'opinion : … ».
 */
const REPORTED_LEAD = new RegExp(
  `(?<!\\p{L})(?:${wordLines("reported-leads.txt")
    .map((l) => escapeRegExp(l).replace(/\s+/g, "\\s+").replace(/'/g, "['’]"))
    .join("|")})(?!\\p{L})`,
  "iu",
);

/** Verbs by which a sentence reports what someone said or meant (`server/i18n/fr/saying-verbs.txt`): its own reserve. */
const SAYING = new RegExp(`(?<!\\p{L})(?:${wordList("saying-verbs.txt").map(escapeRegExp).join("|")})(?!\\p{L})`, "iu");

/** A sentence saying what is not known (« On ne sait pas si … », « les sources ne précisent pas … »): its own reserve. */
const saysUnknown = (text: string) =>
  /(?<!\p{L})(?:ne|n['’])\s*(?:\S+\s+){0,3}?(?:pas|jamais)(?!\p{L})/iu.test(text) &&
  /(?<!\p{L})(?:sai|sav|connu|conna|précis|precis|confirm|vérifi|verifi|établi|etabli|dit|dis)/iu.test(text);

/** Least content words a sentence must share only with reported statements of the passages to state them as facts. */
export const REPORTED_MIN_WORDS = 3;

/**
 * The reported statement of the cited passages a sentence states as established (« Il est hébergé par 3DS Outscale »
 * where the passage says « l'Assistant IA serait hébergé par 3DS Outscale … : une affirmation d'acteurs du secteur,
 * non confirmée »): the sentence has no reserve of its own (« selon », « serait »…), and at least three of its content
 * words, most of those the statement shares with it, are written in the passages only in statements that report
 * (`reported-statements.txt`, or opened by `reported-openings.txt`: « Selon lui, … »). A short quote of it, or null.
 */
export function reportedAsFact(stated: string, pool: Source[]): string | null {
  // « présente » as a verb (« Hexagone ne présente plus aucun écart »), not « présenté comme », is no reserve.
  const reserve = stated.replace(/(?<!\p{L})présente(?:nt)?(?!\s+comme)(?!\p{L})/giu, " ");
  if (QUALIFIER_CLAIM.test(reserve) || REPORTED.test(stated) || SAYING.test(stated) || saysUnknown(stated)) return null;
  // A colon opens another statement (« … serait à l'abri d'une mauvaise mise à jour : le risque tient surtout à … »).
  /** Statements after a colon that a lead says are opinions (« relève de l'opinion : … »): reported, whatever their words. */
  const led = new Set<string>();
  const statements = pool.flatMap((src) =>
    src.sentences
      .filter((ss) => !ss.inHeading)
      .flatMap((ss) => {
        // A reserve in an aside (« Proxmox VE (… dont l'éditeur serait installé à Vienne …) et XCP-ng … ») reports the
        // aside only: the rest of the sentence is stated.
        const { main, asides } = asidesApart(ss.text, REPORTED);
        const lead = main.search(REPORTED_LEAD);
        const colon = lead < 0 ? -1 : main.slice(lead).search(/\s:\s/);
        if (colon >= 0) for (const st of statementsOf(main.slice(lead + colon).replace(/^\s:\s/, ""))) led.add(st);
        return [...statementsOf(main), ...asides, ...led].flatMap((st) => (led.has(st) ? [st] : st.split(/\s:\s/)));
      }),
  );
  const reports = (st: string) => led.has(st) || REPORTED.test(st) || REPORTED_OPENING.test(st);
  const reported = statements.filter(reports);
  if (reported.length === 0) return null;
  const plain = statements.filter((st) => !reports(st)).map((st) => bagOf(st));
  const figuresOf = (text: string) => extractFigures(text).filter((f) => QUANTITY.has(f.kind));
  const figures = figuresOf(stated);
  const plainFigures = statements.filter((st) => !reports(st)).flatMap(figuresOf);
  const headings = pool.map((src) => bagOf(src.sentences[0]?.heading ?? ""));
  const content = [...new Set(contentWords(stated))];
  const unreported = (w: string) => !plain.some((b) => inBag(w, b)) && !headings.some((b) => inBag(w, b));
  for (const st of reported) {
    const bag = bagOf(st);
    const shared = content.filter((w) => inBag(w, bag));
    const only = shared.filter(unreported);
    if (only.length >= REPORTED_MIN_WORDS && shared.length >= Math.ceil(content.length * POLARITY_MIN_SHARE))
      return short(st);
    // A figure of the sentence that only reported statements give (« pour 98 % des usages » where the passage writes
    // « selon le dirigeant d'Interstis, il n'y aurait plus d'écart … pour 98 % des usages »), with words only they write.
    if (
      only.length >= REPORTED_MIN_WORDS &&
      figures.some(
        (f) => figuresOf(st).some((sf) => figureMatches(f, sf)) && !plainFigures.some((sf) => figureMatches(f, sf)),
      )
    )
      return short(st);
  }
  // A part of the sentence between commas (« Proxmox VE, dont l'éditeur est installé à Vienne, le remplace en
  // partie »): all its words, three at least, in one reported statement that the passage says unconfirmed or
  // contested (not one it merely attributes: « se présente comme »), two of them only there (faithful27).
  const parts = stated.split(/\s*,\s*/u);
  if (parts.length < 2) return null;
  for (const part of parts) {
    const words = [...new Set(contentWords(part))];
    if (words.length < REPORTED_MIN_WORDS) continue;
    for (const st of reported.filter((r) => QUALIFIER_SOURCE.test(r))) {
      const bag = bagOf(st);
      if (words.every((w) => inBag(w, bag)) && words.filter(unreported).length >= REPORTED_PART_ONLY) return short(st);
    }
  }
  return null;
}

/** Words of a part of a sentence that only a reported statement of the passages may write, for the part to state it. */
export const REPORTED_PART_ONLY = 2;
