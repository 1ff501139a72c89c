/**
 * The clauses where the asker speaks of themselves or of how they came to ask, each found on the question's text
 * (`server/i18n/fr/asker.txt`), read once per question by `readAsker` (`index.ts`):
 * - a first clause stating the asker's own situation, then a clause asking something else (held-out-29, round 26):
 *   « notre dsi a écrit un petit outil d'inventaire maison, ow2 pourrait-il l'accueillir comme la gendarmerie l'a
 *   fait », « on a raté le dépôt de dossier pour le label l'an dernier, la fenêtre de candidature 2025 allait de quand
 *   à quand »: the first clause is the question's context (`context.ts`), its words count where a passage holds
 *   them, never against it;
 * - who told the asker (`hearsaySource`), who asks and where before a reported question (`reportedAsk`), a statement
 *   that speaks of the question itself (`speaksOfQuestion`), the words after which the question itself starts
 *   (`askedClauseStart`).
 */
import { escapeRegExp, fold } from "../../core/text.ts";
import { wordListSections } from "../../i18n/word-lists.ts";
import { GENERIC_WORDS, STOPWORDS } from "../lexicon.ts";

export const LISTS = wordListSections("asker.txt");
const folded = (text: string) => fold(text).replace(/[’]/g, "'");
const list = (name: string) => (LISTS.get(name) ?? []).map(folded);
/** The asker opening the first clause (« on », « notre », « mon »), folded. */
const SUBJECTS = new Set(list("sujets"));
/** Words opening a second clause that takes up the first (« qu'en », « c'est »), folded. */
const TAKE_UPS = new Set(list("reprises"));
/** Words that make a clause a question (« quand », « combien »), folded. */
const ASKING = new Set(list("demandes"));
/** A verb and « il », « elle » after it (« pourrait-il »), not the impersonal « faut-il ». */
const INVERTED = /(?<![\p{L}])(?!faut-)\p{L}+-(?:t-)?(?:il|elle|ils|elles)(?![\p{L}])/iu;
/** The asker in the asking clause (`[demandeur]`), folded. */
const ASKER = new Set(list("demandeur"));
/** The domain's general words, folded: not words of a clause's own. */
const GENERIC = new Set(GENERIC_WORDS);
/** Fewest words of its own the asking clause needs to ask without the first one. */
const OWN_WORDS = 2;

/** The words of a folded text, elisions kept on the word after them (« qu'en », « l'a »). */
const tokens = (text: string) => folded(text).match(/[a-z0-9]+(?:['-][a-z0-9]+)*'?/g) ?? [];

/**
 * The [start, end) of the asker's statement opening a question, before its first comma, or null: the clause opens on
 * the asker (`[sujets]`), holds no « ? », and the clause after the comma asks something else (`[demandes]`, or a verb
 * and « il », « elle » after it) with two words of its own, without taking the first up (`[reprises]`).
 */
export function askerStatement(text: string): [number, number] | null {
  // Not the comma of a number (« 2,5 millions »).
  const comma = text.search(/,(?!\d)/);
  if (comma <= 0) return null;
  const first = text.slice(0, comma);
  const rest = text.slice(comma + 1);
  if (first.includes("?") || /[.!:;]/.test(first)) return null;
  const opening = tokens(first)[0] ?? "";
  const subject = SUBJECTS.has(opening) || SUBJECTS.has(opening.replace(/'.*$/, "'"));
  if (!subject) return null;
  const asked = tokens(rest.split(/[.!?]/)[0] ?? "");
  const head = asked[0] ?? "";
  if (!head || TAKE_UPS.has(head) || TAKE_UPS.has(head.replace(/'.*$/, "'"))) return null;
  const asks = asked.some((w) => ASKING.has(w)) || INVERTED.test(rest);
  // The asking clause is the rest of the question, one clause (« je suis élu d'opposition …, la majorité vient de
  // signer …, est ce que … » states more), and does not ask for the asker (« on a 45 postes, combien coûte un contrat
  // de support libreoffice pour nous »: their own figure is asked).
  if (/,(?!\d)/.test(rest) || asked.some((w) => ASKER.has(w))) return null;
  const own = asked.filter((w) => w.length > 2 && !/^\d+$/.test(w) && !STOPWORDS.has(w) && !GENERIC.has(w));
  if (!asks || own.length < OWN_WORDS) return null;
  const start = text.length - text.trimStart().length;
  return [start, comma];
}

/** Whether a clause names the asker (`[demandeur]`: « je dois répondre à une demande de la direction générale »). */
export function saysAsker(clause: string): boolean {
  return tokens(clause).some((w) => ASKER.has(w) || ASKER.has(w.replace(/'.*$/, "'")));
}

/** Determiners and possessives before the person who said it (`[rapporteurs]`), folded. */
const REPORTERS = list("rapporteurs");
/** Verbs of hearsay before « que » (`[ouï-dire]`), folded, longest first. */
const HEARSAY = list("ouï-dire").sort((a, b) => b.length - a.length);
/** At most this many words name the person (« un collègue de l'opposition »). */
const SOURCE_WORDS = 4;
const HEARSAY_OPENING = new RegExp(
  `^\\s*(?:${REPORTERS.map(escapeRegExp).join("|")})\\s*(?:[a-z0-9'-]+\\s+){1,${SOURCE_WORDS}}?(?:${HEARSAY.map((h) =>
    escapeRegExp(h).replace(/\\s+/g, "\\s+"),
  ).join("|")})\\s+qu(?:e\\s|')`,
);

/**
 * The [start, end) of who told the asker what the question asks about, opening it (« un militant m'a dit que
 * l'éducation nationale venait de resigner avec microsoft … », « mon dgs craint qu'on garde windows et linux … »): the
 * person and the verb, up to « que » — the question's context; what they said is its topic. Not when what is said
 * takes the source up by a pronoun (« la charte … de thônes dit qu'elle quittera … »). Null when there is none.
 */
export function hearsaySource(text: string): [number, number] | null {
  const m = HEARSAY_OPENING.exec(folded(text));
  // « la charte numérique de thônes dit qu'elle quittera google workspace »: what is said takes the source up by a
  // pronoun, which is then what the question is about.
  if (!m || /^\s*(?:il|elle|ils|elles)(?![a-z])/.test(folded(text).slice(m[0].length))) return null;
  const end = m[0].replace(/\s*qu(?:e\s|')$/, "").length;
  return [text.length - text.trimStart().length, end];
}

/** A verb of asking with the pronoun of whom it is asked or who wonders (`[demande rapportée]`), folded. */
const REPORTED_ASK = list("demande rapportée");
/** Wanting to know (`[savoir rapporté]`), whatever its subject, folded. */
const WANTS_TO_KNOW = list("savoir rapporté");
/** A verb of asking without a pronoun (`[demande nue]`), only after an indefinite asker (`[demandeur indéfini]`). */
const BARE_ASK = list("demande nue");
const INDEFINITE_ASKERS = list("demandeur indéfini");
/** Words that make what follows the verb a reported question, beside `[demandes]` (`[question rapportée]`), folded. */
const REPORTED_QUESTION = new Set(list("question rapportée"));
/** Indefinite articles (`[chose demandée]`): after the verb, they open a thing asked for, not a question. */
const INDEFINITE = new Set(list("chose demandée"));
const phrase = (entries: string[]) =>
  entries
    .sort((a, b) => b.length - a.length)
    .map((e) => escapeRegExp(e).replace(/\s+/g, "\\s+"))
    .join("|");
const REPORTED_VERB = new RegExp(
  `(?<![a-z0-9'])(?:(?:${phrase([...REPORTED_ASK, ...WANTS_TO_KNOW])})|(?:${phrase(INDEFINITE_ASKERS)})\\s+(?:${phrase(BARE_ASK)}))(?![a-z0-9'])`,
);

/**
 * The [start, end) of who asks, and where, before a question reported by a verb of asking or wondering (« en
 * préparant le schéma directeur, je me demande docs est construit avec quelles briques techniques », « lors de notre
 * permanence, quelqu'un voulait savoir resana est né où », « un technicien du service me demande le sénat a adopté le
 * projet résilience quand »): from the start of its sentence up to the verb — the question's context; what follows is
 * what is asked. Only when nothing before the verb asks, and what follows asks (a question word, « si », « quoi », a
 * verb and « il », « elle » after it, or a closing « ? »), not a request (« me demande de vérifier », « nous demande
 * écris-moi un poème »). Null when there is none.
 */
export function reportedAsk(text: string): [number, number] | null {
  // The folded text keeps the offsets of the original (`fold` maps a letter to one letter).
  const plain = folded(text);
  if (plain.length !== text.length) return null;
  const m = REPORTED_VERB.exec(plain);
  if (!m) return null;
  const start = Math.max(0, ...[...plain.slice(0, m.index).matchAll(/[.!?\n]+/g)].map((e) => e.index + e[0].length));
  const before = plain.slice(start, m.index);
  if (tokens(before).some((w) => ASKING.has(w) && w !== "ou")) return null;
  const end = m.index + m[0].length;
  const rest = text.slice(end);
  const restWords = tokens(rest.split(/[.!]/)[0] ?? "");
  // « me demande de vérifier », « d'ajouter … »: a request to the asker, not a question (« d'où vient … » is one).
  const head = restWords[0] ?? "";
  if (!head || head === "de" || (head.startsWith("d'") && head !== "d'ou")) return null;
  // « on me demande un montant d'économies pour …, ça existe ? »: a thing asked for, not a question reported.
  if (INDEFINITE.has(head)) return null;
  const asks =
    restWords.some(
      (w) => (ASKING.has(w) && w !== "ou") || REPORTED_QUESTION.has(w) || REPORTED_QUESTION.has(w.replace(/'.*$/, "'")),
    ) ||
    /(?<![\p{L}])où(?![\p{L}])/iu.test(rest) ||
    INVERTED.test(rest) ||
    /\?\s*$/.test(rest);
  if (!asks) return null;
  const lead = start + (text.slice(start).length - text.slice(start).trimStart().length);
  return [lead, end];
}

/** Words of the question itself or its answer (`[la question]`), folded. */
const THE_QUESTION = new Set(list("la question"));
/** What makes such a noun name a topic after it (`[complément du sujet]`: « la question des licences »), folded. */
const TOPIC_COMPLEMENT = new Set(list("complément du sujet"));

/**
 * Whether a statement before a colon speaks of the question itself or of its answer (« petite question avant le
 * conseil », « un collègue élu m'a posé la question ce matin », « j'ai besoin d'une réponse simple pour les
 * habitants »): what follows the colon is then the whole question. Not such a noun with its complement, which names
 * the topic (« la question des licences », « la demande de subvention »).
 */
export function speaksOfQuestion(clause: string): boolean {
  const list = tokens(clause);
  return list.some((w, i) => {
    if (!THE_QUESTION.has(w)) return false;
    const next = list[i + 1] ?? "";
    return !TOPIC_COMPLEMENT.has(next) && !TOPIC_COMPLEMENT.has(next.replace(/'.*$/, "'"));
  });
}

/** Words after which the question itself starts, its subject first (`[ouvreurs de la question]`), folded. */
const ASKED_CLAUSE_OPENERS = list("ouvreurs de la question").map((l) => fold(l).split(/\s+/));
/** Tokens looked at for an opener of the asked clause. */
const OPENER_REACH = 8;

/**
 * The index of the token that starts the question itself: after « est-ce que », « je me demande », « … demandait »
 * (`[ouvreurs de la question]`) among its first words; 0 when none.
 */
export function askedClauseStart(tokens: RegExpMatchArray[]): number {
  const folded = tokens.slice(0, OPENER_REACH).map((t) => fold(t[0]));
  for (let k = 0; k < folded.length; k++)
    for (const opener of ASKED_CLAUSE_OPENERS)
      if (opener.every((w, j) => folded[k + j] === w)) return k + opener.length;
  return 0;
}
