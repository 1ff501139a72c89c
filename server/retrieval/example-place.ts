/**
 * A town a question names as an example (« pour une commune comme Millau ») or as the asker's own place (« chez nous à
 * Figeac »), not as what it asks: what is asked is then what holds for any commune. The expressions are data
 * (`example-places.txt`); a town that is the subject of what is asked (« Combien d'habitants compte Millau ? », « Le
 * maire de Figeac utilise-t-il Linux ? ») is never one, nor one whose figure is asked (« Combien de postes sous Linux
 * chez nous à Figeac ? »).
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { FIGURE_ASKED } from "./asked-kinds.ts";
import { OWN_REFERENCE, OWN_SUBJECT, OWN_SUBJECT_ASKED } from "./introduction.ts";
import { STOPWORDS } from "./lexicon.ts";
import { ownCommune } from "./own-commune.ts";

/** The forms of each base letter, so that an expression of the list matches whatever its accents and capitals. */
const LETTER_FORMS: Record<string, string> = {
  a: "aàâäAÀÂÄ",
  c: "cçCÇ",
  e: "eéèêëEÉÈÊË",
  i: "iîïIÎÏ",
  o: "oôöOÔÖ",
  u: "uùûüUÙÛÜ",
};

/**
 * An expression of the list as a pattern: accents and capitals ignored, any blank (after a comma or not) for a space,
 * either apostrophe.
 */
function expression(entry: string): string {
  return [...entry.normalize("NFD").replace(/\p{M}/gu, "")]
    .map((c) => {
      if (/\s/.test(c)) return "\\s*,?\\s+";
      if (c === "'" || c === "’") return "['’]\\s*";
      const lower = c.toLowerCase();
      if (LETTER_FORMS[lower]) return `[${LETTER_FORMS[lower]}]`;
      return /\p{L}/u.test(c) ? `[${lower}${lower.toUpperCase()}]` : escapeRegExp(c);
    })
    .join("");
}

const SECTIONS = wordListSections("example-places.txt");
const alternation = (section: string) =>
  (SECTIONS.get(section) ?? [])
    .sort((a, b) => b.length - a.length)
    .map(expression)
    .join("|");

/**
 * A town's name as written: capitalised words joined by hyphens or blanks, with the small words of French place names
 * between them (« Villefranche-de-Rouergue », « Le Puy-en-Velay », « Saint Affrique »).
 */
const NAME =
  "\\p{Lu}[\\p{L}'’]*(?:(?:-|\\s+)(?:(?:de|du|des|en|sur|sous|lès|lez|la|le|les|aux)(?:-|\\s+)|d['’]|l['’])?\\p{Lu}[\\p{L}'’]*)*";

/** Towns given together (« Rodez ou Millau », « Figeac, Cahors et Gourdon »). */
const NAMES = `${NAME}(?:\\s*,\\s*${NAME})*(?:\\s+(?:ou|et)\\s+${NAME})?`;

/** The towns of a list as written (`NAMES`). */
const split = (names: string) => names.split(/\s*,\s*|\s+(?:ou|et)\s+(?=\p{Lu})/u);

/**
 * « une commune comme Millau », « une petite ville de 5 000 habitants, comme Figeac », « des communes telles que Rodez »:
 * an indefinite collectivité, a few words describing it, a comparison, the town (group 2); group 1 starts what is set
 * aside (the comparison and the town), the collectivité staying in the question.
 */
const EXAMPLE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:[Uu]ne?|[Dd]es|[Dd]['’])\\s*(?:[\\p{Ll}\\p{N}][\\p{L}\\p{N}'’-]*\\s+){0,2}?(?:${alternation(
    "collectivités",
  )})(?![\\p{L}])(?:\\s+[\\p{Ll}\\p{N}][\\p{L}\\p{N}'’-]*){0,5}?(\\s*,?\\s+(?:${alternation("comparaisons")})\\s*)(${NAMES})`,
  "gu",
);

/** « chez nous à Figeac », « ici, à Rodez »: the asker's own place (group 1: the expression and the town, group 2: the town). */
const OWN_PLACE = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:${alternation("chez nous")})\\s+(${NAMES}))(?![\\p{L}\\p{N}])`,
  "gu",
);

/**
 * « si la mairie de Lannion garde … », « pour les réunions du conseil municipal de Paimpol »: the asker's own place as
 * the situation the question speaks of (trial11 A4); group 1, what is set aside (« de » and the town), group 2, the
 * town. The collectivité stays in the question (« si la mairie garde … »), as « notre mairie » would.
 */
const SITUATION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${alternation("situation")})(\\s+(?:de\\s+|d['’]\\s*)(${NAME}))(?![\\p{L}\\p{N}])`,
  "gu",
);

/**
 * « … concerne Gourdon qui a 4000 habitants », « … Gourdon, 4 000 habitants », « … Saint-Céré (3500 habitants) »: a town
 * given with its population, the size of the asker's commune (trial12 A3). Group 1, the town (a name, or one word
 * typed in lower case); group 2, the population. The population stays in the question (a head count, `headCount`).
 */
const POPULATED = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])(${NAME}|\\p{Ll}[\\p{L}'’-]{2,})(?:\\s*,\\s*|\\s*\\(\\s*|\\s+(?:${alternation(
    "population",
  )})\\s+)(\\d{1,3}(?:[ \\u00a0\\u202f.]\\d{3})+|\\d+)\\s*(?:d['’]\\s*)?habitants?(?![\\p{L}])`,
  "gu",
);
/**
 * « nis2 ça concerne amiens », « le cloud act s'applique à Figeac ? »: a general question asked for the town named
 * last, in lower case or not (group 1, the expression and the town; group 2, the town) — trial14 B6.
 */
const APPLIES_TO_TOWN = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:${alternation("s'applique")})\\s+(${NAME}|\\p{Ll}[\\p{L}'’-]{2,}))\\s*[?!.]?\\s*$`,
  "u",
);
/** The asker as the subject of a clause (« on », « nous », « il nous »), `example-places.txt`. */
const ASKER = alternation("introduction, celui qui demande");
/** A town typed as a name or in lower case (one word, hyphens allowed: « saint-jean-de-luz »). */
const TOWN = `${NAME}|\\p{Ll}[\\p{L}'’-]{2,}`;
/**
 * « À la mairie de Quintin on a une messagerie Zimbra : … », « a saint-jean-de-luz on est 35 000 habitants, … », « À
 * Loudéac il nous reste 40 postes : … »: the asker's town opening the question, the asker the subject of what follows
 * it, a clause closed by a comma, a colon or a full stop before what is asked. Group 1, what is set aside (« À », the
 * collectivité, the town); group 2, the town.
 */
const INTRODUCED_AT = new RegExp(
  `^\\s*(?:[Bb]onjour[,!]?\\s+)?((?:[Àà]|[Aa])\\s+(?:(?:${alternation("introduction, collectivités")})\\s*)?(${TOWN}))\\s*,?\\s+(?:${ASKER})(?![\\p{L}])[^,;:?!.]*[,;:.]\\s*\\S`,
  "u",
);
/**
 * « DSI à Villefontaine, on a … : … ? », « maire de Quintin, … »: the asker's role and town opening the question, before
 * a comma. Group 1, what is set aside (« à » and the town); group 2, the town. Role nouns from `person-roles.txt`.
 */
const ROLE_INTRODUCED = new RegExp(
  `^\\s*(?:[Bb]onjour[,!]?\\s+)?(?:${wordListLines("person-roles.txt")
    .flatMap((l) => l.split(/\s+/))
    .filter((w) => w && !/^(?:personne|personnes|homme|femme|fils|fille)$/.test(w))
    .map(expression)
    .join("|")})\\s+((?:[àa]|de|du|d['’])\\s*(${TOWN}))\\s*[,;:]\\s*\\S`,
  "u",
);
/**
 * In what follows the asker's place, a pronoun taking up what they said of it (« à X on a fait une étude, elle est
 * publiée où ? », « … un Nextcloud mutualisé, quelqu'un l'a documenté ? »): a fact of their own place is asked.
 */
const TAKEN_UP =
  /^\s*(?:elle|il|ils|elles)(?![\p{L}])|(?<![\p{L}])(?:l['’]\s*|les\s+)(?:a|ont|avez|avons|ai|as|avait|avaient|aura|auront)(?![\p{L}])/iu;
/**
 * « ma commune fait 7 000 habitants dans le finistère, nis2 ça nous concerne ? », « Quel est l'OPSN pour ma commune dans
 * le Cantal ? »: the asker's collectivité, a few words, then where it is. Group 1, what is set aside (« dans le » and
 * the place); group 2, the place.
 */
const OWN_SITUATED = new RegExp(
  `(?<![\\p{L}])(?:[Mm]a|[Nn]otre|[Mm]on)\\s+(?:${alternation("collectivités")})(?:\\s+[^,;:?!.\\s]+){0,5}?\\s+((?:${alternation(
    "introduction, situer",
  )})\\s*(${TOWN}))(?=\\s*[,;:?!.]|\\s*$)`,
  "u",
);
/** The last clause of a question (after its last comma, colon or full stop): what it asks. */
const lastClause = (question: string) => question.split(/[,;:.](?=\s)/).at(-1) ?? question;
/** The asker in a clause (« on paie combien »): a figure asked there is the asker's own. */
const ASKER_IN = new RegExp(`(?<![\\p{L}])(?:${ASKER})(?![\\p{L}])`, "u");

/** Before a town given with its population, what makes it the subject of the question (« est-ce que », « si »). */
const POPULATED_SUBJECT = new RegExp(`(?<![\\p{L}])(?:${alternation("population, sujet")})\\s*$`, "u");
/** Words that are not a town typed in lower case: the kinds of collectivité (« une commune qui a … »). */
const NOT_A_TOWN = new Set((SECTIONS.get("collectivités") ?? []).map((w) => fold(w)));

/**
 * After a situation, what still asks a fact of the town, its people or its own choice (« Pour la ville de X, le maire
 * utilise-t-il Teams ? », « -t-elle »): a word of the list, or the hyphen that opens « -t-elle », from the situation
 * on (« Que se passe-t-il si la commune de X … ? » asks what happens).
 */
const SITUATION_FACT = new RegExp(
  `(?:(?<![\\p{L}\\p{N}])|(?=-))(?:${alternation("situation, fait du lieu")})(?![\\p{L}\\p{N}])`,
  "u",
);

/**
 * What is asked of the town given itself (« la mairie », « le conseil », « la com com voisine », « du département »):
 * the town is then what the question is about, not an example.
 */
/** A question reported (« se demande si », « veut savoir si »): what follows it is what is asked. */
const REPORTED_QUESTION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${alternation("question rapportée")})(?![\\p{L}\\p{N}])`,
  "gu",
);
const FACT_OF_PLACE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation("fait du lieu")})(?![\\p{L}\\p{N}])`, "u");

/**
 * Towns set aside: their names as written, the [start, end) offsets of what is set aside with it (the comparison and
 * the town), and `phrase`, where the whole phrase starts (« une commune comme Millau »: its article).
 */
export interface ExamplePlace {
  names: string[];
  start: number;
  end: number;
  phrase: number;
  /** The town a general question is asked for (« nis2 ça concerne amiens »). */
  applied?: boolean;
  /** The asker's town opening the question before a general one (« À X, on a … : … ? »), or where their commune is. */
  introduced?: boolean;
  /** Said as the situation the question speaks of (« si la mairie de X … »), not as an example. */
  situation?: boolean;
  /**
   * The population the town is given with (« Gourdon qui a 4000 habitants »), which stays as the asker's size: what
   * is set aside (the town and « qui a ») ends with « de », so the question reads « … de 4000 habitants ».
   */
  size?: string;
  /** What the question is read with in place of the town (« la commune »: `OwnCommune.read`). */
  read?: string;
}

/** The towns a question names as an example or as the asker's own place (see the module's comment). */
export function examplePlaces(question: string): ExamplePlace[] {
  const found: ExamplePlace[] = [];
  for (const m of question.matchAll(EXAMPLE)) {
    const start = m.index + m[0].length - m[1]!.length - m[2]!.length;
    found.push({ names: split(m[2]!), start, end: m.index + m[0].length, phrase: m.index });
  }
  for (const m of question.matchAll(OWN_PLACE))
    found.push({ names: split(m[2]!), start: m.index, end: m.index + m[1]!.length, phrase: m.index });
  for (const m of question.matchAll(SITUATION)) {
    const end = m.index + m[0].length;
    found.push({ names: split(m[2]!), start: end - m[1]!.length, end, phrase: m.index, situation: true });
  }
  const applied = APPLIES_TO_TOWN.exec(question);
  if (applied) {
    const town = applied[2]!;
    const end = applied.index + applied[1]!.length;
    if (!(/^\p{Ll}/u.test(town) && (STOPWORDS.has(fold(town)) || NOT_A_TOWN.has(fold(town)))))
      found.push({ names: [town], start: end - town.length, end, phrase: applied.index, applied: true });
  }
  for (const re of [INTRODUCED_AT, ROLE_INTRODUCED, OWN_SITUATED]) {
    const m = re.exec(question);
    if (!m) continue;
    const town = m[2]!;
    if (/^\p{Ll}/u.test(town) && (STOPWORDS.has(fold(town)) || NOT_A_TOWN.has(fold(town)))) continue;
    // « notre commune dans le Cantal a-t-elle … ? » asks a fact of the asker's own commune; « … chez nous », « notre
    // syndicat » point back at the place; a pronoun taking up what the asker said of it asks a fact of it too.
    if (re === OWN_SITUATED && OWN_SUBJECT.test(question)) continue;
    if (OWN_REFERENCE.test(question)) continue;
    if (re !== OWN_SITUATED && TAKEN_UP.test(question.slice(m.index + m[0].length - 1))) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    found.push({ names: [town], start, end: start + m[1]!.length, phrase: start, introduced: true });
  }
  // « la mairie de kerbriac peut-elle passer à Linux ? »: the asker's own commune in a general question (trial17 D6).
  const own = ownCommune(question);
  // The asker presenting themselves, then asking a fact of their own place: « on est un club de Perpignan : est-ce
  // que notre mairie utilise Nextcloud ? », « je suis à la DSI de Carhaix, quel syndicat nous couvre ? », « à X on a
  // fait une étude, elle est publiée où ? ».
  const ownAsked =
    !!own?.presented &&
    (OWN_SUBJECT.test(question) ||
      OWN_SUBJECT_ASKED.test(question) ||
      OWN_REFERENCE.test(lastClause(question)) ||
      question
        .slice(own.end)
        .split(/[,;:.]/)
        .some((c) => TAKEN_UP.test(c)));
  if (own && !ownAsked && !found.some((p) => p.start < own.end && own.start < p.end))
    found.push({
      names: [own.town],
      start: own.start,
      end: own.end,
      phrase: own.phrase,
      introduced: true,
      ...(own.read ? { read: own.read } : {}),
    });
  for (const m of question.matchAll(POPULATED)) {
    const town = m[1]!;
    const before = question.slice(0, m.index).replace(/[\s,;:]+$/u, "");
    // In lower case, a word of the question, not a town (« nous », « ville »); at the head of the question or after
    // « est-ce que », « si », the town is its subject.
    if (/^\p{Ll}/u.test(town) && (STOPWORDS.has(fold(town)) || NOT_A_TOWN.has(fold(town)))) continue;
    if (!/\p{L}/u.test(before) || POPULATED_SUBJECT.test(fold(before))) continue;
    // « une commune de l'Indre, 900 habitants »: the population is that of what the place completes, not the place's.
    if (/(?<![\p{L}])(?:de|du|des|[dl]['’])$/iu.test(before)) continue;
    const size = m[2]!;
    found.push({ names: [town], start: m.index, end: m.index + m[0].lastIndexOf(size), phrase: m.index, size });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The question without the towns it names as examples or as the asker's own place (offsets kept: each character set
 * aside becomes a blank); `removed`, what was set aside; `places`, the towns as written; `sized`, whether one is
 * given with its population (`POPULATED`). With `whole`, the
 * collectivité the town exemplifies is set aside too (« Que change NIS2 pour une ville comme Figeac ? » → « Que change
 * NIS2 pour ? »): the asker's setting, whose word (« ville ») the passages on what is asked may not write. Null when
 * it names none.
 */
export function withoutExamplePlaces(
  question: string,
  whole = false,
): {
  question: string;
  removed: string;
  places: string[];
  sized: boolean;
  applied: boolean;
  introduced: boolean;
} | null {
  const found = examplePlaces(question);
  // « Combien de postes sous Linux chez nous à Laguiole ? », « … pour une commune comme Laguiole ? » ask that town's own
  // figure: another's (Munich's postes) would be read as its own.
  // Unless the towns only open the question as the asker's place and the figure is asked in a last clause that is not
  // the asker's (« DSI à X, on a trois hôtes : Broadcom impose combien de cœurs ? »).
  const generalFigure = found.every((p) => p.introduced) && !ASKER_IN.test(lastClause(question).replace(/\s+/g, " "));
  if (!found.length || (FIGURE_ASKED.test(fold(question)) && !generalFigure)) return null;
  // « Chez nous à Figeac, la mairie est-elle passée à LibreOffice ? », « … la com com voisine est passée à quoi ? »:
  // a fact of that town, its council or its neighbours is asked, which no passage on another one answers.
  // « Si la mairie de Paimpol garde Teams, … »: its own « la mairie » is the situation, not a fact asked.
  const situations = found.filter((p) => p.situation);
  let outside = question;
  // « À la mairie de Quintin on a … »: the asker's own « la mairie » opening the question is set aside with the town.
  for (const { phrase, end } of [...situations, ...found.filter((p) => p.introduced)])
    outside = `${outside.slice(0, phrase)}${" ".repeat(end - phrase)}${outside.slice(end)}`;
  // « a plouzelec le conseil se demande si la loi nous force … »: what follows a question reported (« … se demande
  // si ») is what is asked; its council wondering is the asker's setting, not a fact of the place.
  const reported = [...outside.matchAll(REPORTED_QUESTION)].at(-1);
  const asked = reported ? outside.slice(reported.index + reported[0].length) : outside;
  if (FACT_OF_PLACE.test(asked)) return null;
  // « On est une commune de l'Indre, 900 habitants : notre syndicat départemental … ? » asks about what serves the
  // asker's own place (`OWN_REFERENCE`).
  if (found.some((p) => p.size !== undefined) && OWN_REFERENCE.test(question)) return null;
  // « Pour la ville de X, le maire utilise-t-il Teams ? »: a fact of the town, its people or its choice.
  if (situations.length && SITUATION_FACT.test(outside.slice(Math.min(...situations.map((p) => p.phrase)))))
    return null;
  let rest = question;
  // (From the last: a town read as « la commune » changes the length of what comes after it.)
  for (const { start, end, phrase, size, read } of [...found].sort((a, b) => b.start - a.start)) {
    const from = whole ? phrase : start;
    const blank = " ".repeat(end - from);
    rest = `${rest.slice(0, from)}${read ?? (size ? `${blank.slice(3)}de ` : blank)}${rest.slice(end)}`;
  }
  return {
    question: rest,
    removed: found.map(({ start, end, size }) => `${question.slice(start, end)}${size ?? ""}`).join(" "),
    places: found.flatMap((p) => p.names),
    sized: found.some((p) => p.size !== undefined),
    applied: found.some((p) => p.applied || p.introduced),
    introduced: found.some((p) => p.introduced),
  };
}
