/**
 * The asker's own commune named in a general question (trial17 D6): « la mairie de kerbriac peut-elle passer à
 * Linux ? », « on a 12 postes à la mairie de lanvenec … est-ce qu'on peut passer à Linux ? », « on est à kerbriac,
 * est-ce qu'on peut … ? », « notre commune de kerbriac doit-elle … ? ». What is asked holds for any commune: the town,
 * typed in lower case or not, is set aside like a town given as an example (`example-place.ts`), and the answer says
 * the passages do not speak of it. Only when a word of [général] follows the town (`own-commune.txt`): « la mairie de X
 * utilise-t-elle Tchap ? », « pourquoi X est revenue à Windows ? » ask facts of X.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { STOPWORDS } from "./lexicon.ts";

const SECTIONS = wordListSections("own-commune.txt");
/** Entries of a section as a pattern on folded text: blanks, apostrophes and hyphens between words alike. */
const alternation = (section: string) =>
  (SECTIONS.get(section) ?? [])
    .map((e) =>
      fold(e)
        .split(/[\s'’-]+/)
        .join("[\\s'’-]+"),
    )
    .sort((a, b) => b.length - a.length)
    .join("|");

const COLLECTIVITY = alternation("collectivités");
/** A town, one word (hyphens allowed: « saint-jean-de-luz »), on folded text. */
const TOWN = "[a-z][a-z'’-]{2,}";
const AFTER = "(?![a-z0-9'’-])";
/** « la mairie de X » opening the question, « notre commune de X » anywhere: group 1 « de X », group 2 the town. */
const OWN_COLLECTIVITY = new RegExp(
  `(?:^\\s*(?:bonjour[,!]?\\s+)?la|(?<![a-z])(?:notre|ma|mon))\\s+(?:${COLLECTIVITY})\\s+((?:de\\s+|d['’]\\s*)(${TOWN}))${AFTER}`,
  "u",
);
/** « on est à X » opening the question: group 1 « à X », group 2 the town. */
const OWN_LOCATION = new RegExp(
  `^\\s*(?:bonjour[,!]?\\s+)?(?:${alternation("lieu")})\\s+(a\\s+(${TOWN}))${AFTER}`,
  "u",
);
/** « … à la mairie de X » after the asker (« on a 12 postes à la mairie de X »): group 1 « à la mairie de X », 2 the town. */
const AT_OWN_COLLECTIVITY = new RegExp(
  `(?<![a-z])(?:${alternation("à soi")})(?![a-z])[^,;:?!.]*?\\s((?:a|au)\\s+(?:la\\s+)?(?:${COLLECTIVITY})\\s+(?:de\\s+|d['’]\\s*)(${TOWN}))${AFTER}`,
  "u",
);
/**
 * The asker presenting themselves (« je suis maire de X », « on est la communauté de communes de X », « on est 4100
 * habitants à X », « je suis adjointe au numérique à X sur Y »): the words of [se présente], a few words (a role, the
 * collectivité, a population), then « de » or « à » and the town closing the clause or followed by the asker (« … de X
 * on a … »; not « je suis élu d'opposition dans une ville … ») — group 1 « à X », group 2 the town, hyphens or « sur »,
 * « en », … joining its words.
 */
const PRESENTED = new RegExp(
  `(?<![a-z])(?:${alternation("se présente")})(?![a-z])[^,;:?!.]*?\\s((?:a|au|de|d['’]\\s*)\\s*(${TOWN}(?:\\s+(?:${alternation(
    "dans un nom",
  )})\\s+${TOWN})*))${AFTER}(?=\\s*(?:[,;:?!.…]|$)|\\s+(?:${alternation("celui qui demande")})(?![a-z]))`,
  "u",
);
/** The words of [se présente] opening a match of `PRESENTED`. */
const PRESENTING = new RegExp(`^(?:${alternation("se présente")})`, "u");
/** « à X on voudrait … »: the town opening the question, the asker the subject of what follows (group 1, group 2). */
const OPENING_AT = new RegExp(
  `^\\s*(?:bonjour[,!]?\\s+)?((?:a|à)\\s+(${TOWN}))\\s+(?:${alternation("celui qui demande")})(?![a-z])`,
  "u",
);
/** The asker, subject, opening what follows the town (« … de vaudrenay on fait quoi »). */
const ASKER_NEXT = new RegExp(`^\\s*(?:${alternation("celui qui demande")})(?![a-z])`, "u");
/** The asker's own words (`[à soi]`) after a town opening the question: it is theirs (« … la loi nous force … »). */
const OWN_AFTER = new RegExp(`(?<![a-z])(?:${alternation("à soi")})(?![a-z])`, "u");
/** A commune's hyphenated name (« ternay-sur-sorme », « saint-ferjus-des-combes »): one of its small words inside. */
const HYPHENATED = `[a-z]+(?:-[a-z'’]+)*-(?:${alternation("trait d'union")})-[a-z'’]+(?:-[a-z'’]+)*|(?:saint|sainte)-[a-z'’-]+`;
/**
 * A town opening the question, after « à » or as a hyphenated name (group 1 what is set aside, group 2 the town), the
 * asker's own words further on (`OWN_AFTER`).
 */
const OPENING_TOWN = new RegExp(
  `^\\s*(?:bonjour[,!]?\\s+)?((?:a\\s+)?(${HYPHENATED})|a\\s+(${TOWN}))(?![a-z0-9'’-])`,
  "u",
);
/**
 * « Lanvézennec est-elle concernée par la loi SREN ? »: a town opening the question, the subject of what holds for any
 * commune (`[sujet général]`, in the feminine of « la commune »): group 1, the town.
 */
const OPENING_SUBJECT = new RegExp(
  `^\\s*(?:bonjour[,!]?\\s+)?(${TOWN})\\s+(?:${alternation("sujet général")})(?![a-z])`,
  "u",
);
/** « c'est grave ? », « on risque quoi ? »: the asker's judgement of a situation told before it (`[jugement]`). */
const JUDGED = new RegExp(`^\\s*(?:${alternation("jugement")})(?![a-z])`, "u");
/** « c'est inquiétant ? », « c'est légal ? »: « c'est » and one word judging the situation, all the last clause. */
const JUDGED_WORD = /^\s*(?:c\s*est|est\s*ce|ca\s+reste)\s+([a-z]+)\s*[?!.]*\s*$/u;
/** The words after « c'est » that ask whether what was told is true, a fact of the town (`[jugement, sauf]`). */
const NOT_JUDGED = new Set((SECTIONS.get("jugement, sauf") ?? []).map((w) => fold(w)));
/** What the town opening the question is read as when set aside (`[sujet remplacé]`): « la commune ». */
const SUBJECT_READ = fold(SECTIONS.get("sujet remplacé")?.[0] ?? "");
/** An inverted verb (« a-t-elle », « est-elle », « utilise-t-on ») or « est-ce que »: a clause that asks. */
const INVERTED = /-(?:t-)?(?:elle|il|on|elles|ils)(?![a-z])|(?<![a-z])est[\s-]ce(?![a-z])/u;

/**
 * Whether what follows the town tells its situation and then asks only to judge it (« … a encore 40 postes sous
 * Windows 10, c'est grave ? »): a statement (no question mark, no inverted verb) up to the last comma, colon or full
 * stop, then a clause of `[jugement]`. « …, c'est vrai ? », « …, pourquoi ? » ask a fact of the town.
 */
function situationJudged(after: string): boolean {
  const cut = Math.max(after.lastIndexOf(","), after.lastIndexOf(";"), after.lastIndexOf(":"), after.lastIndexOf("."));
  if (cut < 0) return false;
  const told = after.slice(0, cut);
  if (!/[a-z]/.test(told) || told.includes("?") || INVERTED.test(told)) return false;
  const last = after.slice(cut + 1).replace(/['’-]/g, " ");
  const word = JUDGED_WORD.exec(last)?.[1];
  return JUDGED.test(after.slice(cut + 1)) || (!!word && !NOT_JUDGED.has(word) && !STOPWORDS.has(word));
}

/** Words that are not a town typed in lower case: the kinds of collectivité. */
const NOT_A_TOWN = new Set((SECTIONS.get("collectivités") ?? []).map((w) => fold(w)));
/** What makes what follows the town a general question (folded, apostrophes and hyphens as blanks). */
const GENERAL = new RegExp(`(?<![a-z])(?:${alternation("général").replace(/\[\\s'’-\]\+/g, "\\s+")})(?![a-z])`, "u");

/** The asker's own commune named in a general question: the town, and the [start, end) of what is set aside. */
export interface OwnCommune {
  town: string;
  /** Where the phrase naming the collectivité starts (« la mairie de X »). */
  phrase: number;
  /** Said by the asker presenting themselves (« je suis maire de X », « à X on … »), whatever follows. */
  presented?: boolean;
  /** What the question is read with in its place (« la commune »), for a town opening it as its subject. */
  read?: string;
  start: number;
  end: number;
}

/** The asker's own commune a general question names (see the module's comment), or null. */
export function ownCommune(question: string): OwnCommune | null {
  const folded = fold(question);
  // (Offsets are read on the folded question: only when folding keeps them.)
  if (folded.length !== question.length) return null;
  for (const re of [OWN_COLLECTIVITY, OWN_LOCATION, AT_OWN_COLLECTIVITY, PRESENTED, OPENING_AT, OPENING_TOWN]) {
    const m = re.exec(folded);
    if (!m) continue;
    if (re === OPENING_TOWN) {
      const town = m[2] ?? m[3]!;
      const end = m.index + m[0].length;
      if (STOPWORDS.has(town) || NOT_A_TOWN.has(town) || !OWN_AFTER.test(folded.slice(end))) continue;
      return {
        town: question.slice(end - town.length, end),
        phrase: end - m[1]!.length,
        start: end - m[1]!.length,
        end,
        presented: true,
      };
    }
    const town = m[2]!;
    if (STOPWORDS.has(town) || NOT_A_TOWN.has(town)) continue;
    const end = m.index + (re === OPENING_AT ? m[0].indexOf(m[1]!) + m[1]!.length : m[0].length);
    const after = folded.slice(end).replace(/[’'-]/g, " ");
    // (The asker presenting themselves says where they are, whatever follows: what follows is judged without it.)
    // « on a 14 postes … a la mairie de vaudrenay on fait quoi »: the asker, subject again right after the town, asks
    // what to do there.
    const askerAfter = re === AT_OWN_COLLECTIVITY && ASKER_NEXT.test(after);
    // « la mairie de X a encore 40 postes sous Windows 10, c'est grave ? »: its situation told, then judged (trial21 T-H8).
    const judged = re === OWN_COLLECTIVITY && situationJudged(folded.slice(end));
    if (re !== PRESENTED && re !== OPENING_AT && !askerAfter && !judged && !GENERAL.test(after)) continue;
    const start = end - m[1]!.length;
    // (« la mairie de X »: the collectivité is set aside with the town where a fact of the place is looked for.)
    // (« je suis maire de X », « on est à la mairie de X »: the role or the collectivité is set aside with the town,
    // where a fact of the place is looked for.)
    const phrase =
      re === OWN_COLLECTIVITY ? m.index : re === PRESENTED ? m.index + (PRESENTING.exec(m[0])?.[0].length ?? 0) : start;
    const presented = re === PRESENTED || re === OPENING_AT;
    return { town: question.slice(end - town.length, end), phrase, start, end, ...(presented ? { presented } : {}) };
  }
  // « Lanvézennec est-elle concernée par la loi SREN ? »: the town, subject of what holds for any commune (trial21 T-H8).
  const subject = OPENING_SUBJECT.exec(folded);
  const town = subject?.[1];
  const start = subject && town ? subject.index + subject[0].indexOf(town) : -1;
  // (Written as a name, no article: « l'inspection peut elle fermer … » asks of a body, not of a town.)
  const named = !!town && /^\p{Lu}/u.test(question.slice(start)) && !/['’]/.test(town);
  if (town && named && !STOPWORDS.has(town) && !NOT_A_TOWN.has(town)) {
    return {
      town: question.slice(start, start + town.length),
      phrase: start,
      start,
      end: start + town.length,
      ...(SUBJECT_READ ? { read: SUBJECT_READ } : {}),
    };
  }
  return null;
}

/**
 * The question without the asker's own commune it names (`ownCommune`: « la mairie de lavaurette peut elle passer a
 * linux » → « la mairie peut elle passer a linux »), or the question itself: what a follow-up carries of it.
 */
export function withoutOwnCommune(question: string): string {
  const own = ownCommune(question);
  return own ? `${question.slice(0, own.start)}${question.slice(own.end)}`.replace(/\s+/g, " ").trim() : question;
}
