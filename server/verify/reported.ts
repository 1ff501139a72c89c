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
    .map((l) =>
      escapeRegExp(l)
        .replace(/\s+/g, "\\s+")
        // « affirme que » also before a vowel: « affirme qu'une grande partie … » (faithful-blind-19).
        .replace(/que$/u, "qu(?:e|['’])"),
    )
    .join("|")})(?:(?<=['’])|(?!\\p{L}))`,
  "iu",
);

/**
 * A verb in the conditional (« fonctionnerait », « apporterait », « pourraient »): a passage's clause that writes one
 * reports a prediction, an opinion or a hypothesis, not a fact. Words ending in « -trait » (« portrait », « retrait »,
 * « extrait ») are nouns or adjectives.
 */
const CONDITIONAL = /(?<!\p{L})\p{L}{2,}(?<!t)r(?:ait|aient)(?!\p{L})/iu;

/** A verb in the future (« deviendra », « seront »). */
const FUTURE = /(?<!\p{L})\p{L}{3,}(?:ra|ront)(?!\p{L})/iu;

/** Where a statement's clauses part (a comma, a colon, a parenthesis), for the clause a conditional bears on. */
const CONDITIONAL_CLAUSE_BREAK = /\s*[,:()]\s*|\s[—–]\s/u;

/**
 * A statement's clauses that write a verb in the conditional, taken apart from the rest of the statement (« L'un
 * jugeait …, un autre prédisait qu'un outil né d'une décision politique fonctionnerait mal »): the rest stays stated.
 */
function conditionalApart(statement: string): { main: string; clauses: string[] } {
  if (!CONDITIONAL.test(statement)) return { main: statement, clauses: [] };
  const kept: string[] = [];
  const clauses: string[] = [];
  for (const part of statement.split(CONDITIONAL_CLAUSE_BREAK)) {
    const verb = part.search(CONDITIONAL);
    if (verb < 0) {
      kept.push(part);
      continue;
    }
    // The conditional bears on its own clause, from the relative or the conjunction that opens it (« un article 31-1
    // qui étendrait l'obligation … », « suivaient l'expérience de près et pourraient s'en inspirer »).
    const opens = [...part.slice(0, verb).matchAll(CLAUSE_OPENING)].at(-1);
    const start = opens ? opens.index! : 0;
    kept.push(part.slice(0, start));
    clauses.push(part.slice(start));
  }
  return { main: kept.join(", "), clauses };
}

/** Words that open a clause within a statement part: a relative, a conjunction. */
const CLAUSE_OPENING = /(?<![\p{L}'’])(?:qui|que|qu['’]|dont|et|ou|mais|si|s['’])(?![\p{L}])/giu;

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
export function reportedAsFact(stated: string, pool: Source[], conditional = false): string | null {
  // « présente » as a verb (« Hexagone ne présente plus aucun écart »), not « présenté comme », is no reserve.
  const reserve = stated.replace(/(?<!\p{L})présente(?:nt)?(?!\s+comme)(?!\p{L})/giu, " ");
  if (
    QUALIFIER_CLAIM.test(reserve) ||
    REPORTED.test(stated) ||
    CONDITIONAL.test(stated) ||
    SAYING.test(stated) ||
    saysUnknown(stated) ||
    // A sentence in the future restates an announcement (« Visio deviendra … » for « a annoncé que Visio
    // deviendrait … »): the passage's conditional is then a future in the past, not a reserve.
    (conditional && FUTURE.test(stated))
  )
    return null;
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
        return [...statementsOf(main), ...asides, ...led]
          .flatMap((st) => (led.has(st) ? [st] : st.split(/\s:\s/)))
          .flatMap((st) => {
            if (!conditional || led.has(st) || REPORTED.test(st) || REPORTED_OPENING.test(st)) return [st];
            const { main, clauses } = conditionalApart(st);
            for (const c of clauses) led.add(c);
            return [main, ...clauses];
          });
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
    // The sentence's figures are another statement's, stated there plainly, not this one's (« Le dernier chiffre
    // vérifiable est celui de 80 000 postes, soit 90 % du parc » beside « X affirme que … 103 164 postes … 97 % »).
    if (
      figures.length > 0 &&
      !figures.some((f) => figuresOf(st).some((sf) => figureMatches(f, sf))) &&
      figures.every((f) => plainFigures.some((sf) => figureMatches(f, sf)))
    )
      continue;
    const bag = bagOf(st);
    const shared = content.filter((w) => inBag(w, bag));
    const only = shared.filter(unreported);
    if (only.length >= REPORTED_MIN_WORDS && shared.length >= Math.ceil(content.length * POLARITY_MIN_SHARE))
      return short(st);
    // Every content word of the sentence in the reported statement, two of them only there (« Son antivirus de 1987 a
    // été le premier au monde » where the passage says « il présente son antivirus de 1987 comme le premier au monde,
    // ce qui est une affirmation de l'éditeur »).
    if (
      content.length >= REPORTED_MIN_WORDS &&
      content.every((w) => inBag(w, bag) || otherForm(w, st)) &&
      only.length >= REPORTED_WHOLE_ONLY
    )
      return short(st);
    // A figure of the sentence that only reported statements give (« pour 98 % des usages » where the passage writes
    // « selon le dirigeant d'Interstis, il n'y aurait plus d'écart … pour 98 % des usages »), with words only they write.
    if (
      only.length >= REPORTED_FIGURE_ONLY &&
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

/**
 * Whether a statement writes a word in another form of it (« fonctionnerait » for « fonctionne », « garantie » for
 * « garantit »): a word of the statement that starts with the word less its last letter, six letters at least.
 */
function otherForm(word: string, statement: string): boolean {
  if (word.length < 6) return false;
  const stem = word.slice(0, -1);
  return contentWords(statement).some((x) => x.startsWith(stem));
}

/** Words a sentence wholly held by a reported statement must write that only reported statements write. */
export const REPORTED_WHOLE_ONLY = 2;

/**
 * Words besides its figure a sentence must share only with a reported statement that alone gives that figure (« Hexagone
 * couvre 98 % des usages de Microsoft » on « il n'y aurait plus d'écart fonctionnel avec Microsoft pour 98 % des
 * usages »): the figure is what the statement is about, one more word ties it to it.
 */
export const REPORTED_FIGURE_ONLY = 1;

/** Words of a part of a sentence that only a reported statement of the passages may write, for the part to state it. */
export const REPORTED_PART_ONLY = 2;
