/**
 * A value of the asker's own thing (held-out-25 h25-u-nous-*): who, which, when, how many, where — of their
 * collectivité, its people, contracts or machines (« le prestataire qui gère le réseau de la mairie, il s'appelle
 * comment », « Qui est actuellement le délégué à la protection des données de la commune ? », « nos serveurs sont
 * hébergés où exactement »). No passage of the corpus is about the asker's collectivité: `notGiven` (`brief.ts`) then
 * says the corpus cannot give it.
 *
 * One general test rather than a list of wordings (the lists of `own-record.txt` held on the set they were written on
 * and barely moved the next one): in one clause, a thing of the asker's own and a value asked, no word of advice,
 * possibility or general knowledge (what holds for any commune: « qui peut nous aider », « on sait quand … »), and no
 * thing the passages write as a name (then the value is that thing's: « Zyxel, le constructeur de nos pare-feu, il est
 * de quel pays ? »). The asker's own thing is one of: a first-person possessive and a noun (« notre délégué »), the
 * asker's place said without a name (« chez nous », « ici »), the collectivité with the definite article and no name
 * nor adjective after it (« … de la commune »), or the asker as the subject of « avoir » (« on a combien d'agents »,
 * « on l'a votée à quelle séance »). A clause that only asks (« il s'appelle comment ») takes up the thing named just
 * before it. The words are data (`own-value.txt`).
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { GENERIC_WORDS, STOPWORDS } from "../retrieval/lexicon.ts";
import { COMMON_ACRONYMS } from "../retrieval/names-places.ts";
import { keywords } from "../retrieval/relevance.ts";
import { normalized } from "./own-record.ts";

const SECTIONS = new Map(
  [...wordListSections("own-value.txt").entries()].map(([k, v]) => [k, v.map((e) => normalized(e))]),
);
const entries = (section: string) => SECTIONS.get(section) ?? [];
const holds = (clause: string, section: string) => entries(section).some((e) => clause.includes(e));
const alternation = (section: string) =>
  entries(section)
    .map((e) => e.trim())
    .sort((a, b) => b.length - a.length)
    .join("|");

/** « notre délégué », « nos serveurs »: a possessive before a word that names a thing. */
const POSSESSED = new RegExp(` (?:${alternation("possessif")}) (?!(?:${alternation("pas une chose")}) )[a-z]`);
/** A clause opening on a possessive (« notre délégué à la protection des données »). */
const OPENS_POSSESSED = new RegExp(`^ (?:${alternation("possessif")}) (?!(?:${alternation("pas une chose")}) )[a-z]`);
/**
 * « de la commune », « la mairie est … »: the word before (group 1), the collectivité, then the clause's end or a word
 * (group 2; `STOPWORDS` decide).
 */
const DEFINITE_COLLECTIVITY = new RegExp(
  `(?:^| ([a-z0-9]+)) (?:la|l) (?:${alternation("collectivité")}) (?:([a-z0-9]+) |$)`,
  "g",
);
/** « … installé à la médiathèque »: a place of the collectivité, the definite article before it, then the end or a word. */
const OWN_PLACE = new RegExp(` (?:la|l|le|les|au|aux) (?:${alternation("lieu à soi")}) (?:([a-z0-9]+) |$)`, "g");
const ownPlace = (c: string) =>
  [...c.matchAll(OWN_PLACE)].some((m) => !m[1] || (STOPWORDS.has(m[1]) && !/^(?:de|d|du|des)$/.test(m[1])));
/** « où » opening or closing a clause, its accent typed or not (« nos serveurs sont hébergés ou exactement »). */
const WHERE = /^ (?:par )?ou |(?:^| [a-z]+ )ou (?:(?:exactement|ca|donc|au juste|deja) )?$/;

/** Acronyms of a function or a rule, not of a body (`own-value.txt` [pas un nom], `common-acronyms.txt`), folded. */
const NOT_NAMES = new Set([
  ...entries("pas un nom").map((e) => e.trim()),
  ...[...COMMON_ACRONYMS].map((a) => fold(a)),
  // (The domain's general names, « Microsoft », « Linux », name no thing whose value is asked: « quand se termine
  // l'abonnement Microsoft de la ville ».)
  ...GENERIC_WORDS.map((w) => fold(w)),
]);

/**
 * « la délibération qu'on a votée … », « le contrat que nous avons signé »: a thing opening the clause, then the asker
 * as the subject of a past act on it (`[acte à soi]`, then a participle): the asker's own thing.
 */
const OWN_RELATIVE = new RegExp(
  `^ (?:le|la|les|l) [a-z]+(?: [a-z]+){0,3} (?:${alternation("acte à soi")}) [a-z]+(?:e|es|s|i|is|it|t)? `,
);

/** Whether a normalized clause holds the collectivité with the definite article and no name nor adjective after it. */
const definiteCollectivity = (c: string) =>
  [...c.matchAll(DEFINITE_COLLECTIVITY)].some(
    (m) =>
      !(m[1] && entries("devant la collectivité").includes(` ${m[1]} `)) &&
      (!m[2] || (STOPWORDS.has(m[2]) && !/^(?:de|d|du|des)$/.test(m[2]))),
  );

/** Which kind of the asker's own thing a normalized clause names (see the module's comment), or null. */
function ownThing(c: string): "possessed" | "place" | "collectivity" | "asker" | "relative" | null {
  if (POSSESSED.test(c)) return "possessed";
  if (holds(c.replaceAll(" d ici ", " "), "chez soi")) return "place";
  if (definiteCollectivity(c)) return "collectivity";
  if (ownPlace(c)) return "place";
  if (holds(c, "celui qui a")) return "asker";
  if (OWN_RELATIVE.test(c)) return "relative";
  return null;
}

/** An infinitive, by its ending (« utiliser », « choisir », « mettre », « suivre »; not « libre », « dossier »). */
const INFINITIVE = /^[a-z]{2,}(?:[^i]er|[^a]ir|oir|ire|dre|etre|ttre|ivre)$/;

/**
 * « nos serveurs ont quel âge », « quel antivirus est installé sur nos postes »: an interrogative of `[interrogatif]`
 * asking which thing is, not which to take — no infinitive nor word of `[pour faire]` after it in the clause (« quel
 * outil libre pour organiser … », « quelle notation utiliser »). « notre assurance couvre quoi », « notre plan
 * prévoit quoi », « la délibération qu'on a votée disait quoi »: `[quoi]` after the verb of a clause opening on the
 * asker's own thing, not after a preposition nor a
 * word of `[pas devant quoi]` (« commvault sert à quoi dans notre inventaire », « nos scripts on en fait quoi »).
 */
function whichAsked(c: string): boolean {
  const words = c.trim().split(" ");
  const at = words.findIndex((w) => entries("interrogatif").includes(` ${w} `));
  if (at >= 0) {
    const after = words.slice(at + 1);
    if (!after.some((w) => INFINITIVE.test(w) || entries("pour faire").includes(` ${w} `))) return true;
  }
  const what = words.findIndex((w) => entries("quoi").includes(` ${w} `));
  if (what < 1 || !(OPENS_POSSESSED.test(c) || OWN_RELATIVE.test(c))) return false;
  const before = words[what - 1]!;
  return !["devant la collectivité", "pas devant quoi"].some((k) => entries(k).includes(` ${before} `));
}

/** Whether a clause (as typed) asks a value, the value's words set aside, and no word of advice is left. */
function valueAsked(written: string): boolean {
  const c = normalized(written);
  if (!(holds(c, "valeur") || WHERE.test(c) || whichAsked(c))) return false;
  return !holds(withoutValue(c), "conseil") && !["nature", "origine", "hausse", "durée"].some((s) => holds(c, s));
}
const withoutValue = (c: string) =>
  ` ${[...entries("valeur")]
    .sort((a, b) => b.length - a.length)
    .reduce((text, e) => text.replaceAll(e, " "), c)
    .replace(/\s+/g, " ")
    .trim()} `;

/** A clause cut before its hypothesis (`[hypothèse]`: « si on garde … »), when something comes before it. */
const HYPOTHESIS = new RegExp(` (?:${alternation("hypothèse")}) `);
function beforeHypothesis(written: string): string {
  const c = normalized(written);
  const at = c.search(HYPOTHESIS);
  if (at <= 0) return written;
  // The same number of words of the clause as written (normalized keeps words, and their order).
  const words = c.slice(0, at).trim().split(" ").length;
  return (written.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, words).join(" ");
}

/**
 * Whether the question asks a value of the asker's own thing (see the module's comment), not of a thing the question
 * or the passages (`texts`) write as a name.
 */
export function ownValueAsked(question: string, texts: string[]): boolean {
  // (A value a named source gives, « … selon le consortium des communs », is published, not the collectivité's.)
  if (holds(normalized(question), "selon")) return false;
  const clauses = question.split(/[,;:.?!]+/).filter((c) => normalized(c).trim());
  return clauses.some((whole, i) => {
    // (« quels risques si on garde windows 10 sur nos postes »: the hypothesis is the situation, not the thing whose
    // value is asked; only what comes before it is read.)
    const written = beforeHypothesis(whole);
    if (!valueAsked(written)) return false;
    const c = normalized(written);
    let kind = ownThing(c);
    // « le prestataire qui gère le réseau de la mairie, il s'appelle comment »: the thing said just before, when it
    // opens on a possessive or holds the collectivité (« le groupe qui a racheté notre logiciel » is another's).
    const before = clauses[i - 1];
    if (!kind && before && entries("reprise").some((e) => c.startsWith(e))) {
      const b = normalized(before);
      kind = OPENS_POSSESSED.test(b)
        ? "possessed"
        : holds(b, "chez soi")
          ? "place"
          : definiteCollectivity(b)
            ? "collectivity"
            : null;
      if (kind && holds(withoutValue(b), "conseil")) kind = null;
    }
    if (!kind) return false;
    // (« on a combien de postes arcgis »: what the asker has, counted; a name there only says of which kind.)
    if (kind === "asker" && entries("celui qui a").some((e) => e.includes(" combien ") && c.includes(e))) return true;
    // The value may be of a thing the question names anywhere (« la sortie de Microsoft à Lyon, ça touche combien
    // d'ordinateurs de la ville ? », « Grammarly pour corriger nos newsletters : nos textes partent où ? »).
    return !namesThing(question, texts);
  });
}

/** The end of a text where a sentence, a line or a description opens. */
const SENTENCE_START = /(?:^|[.!?:;\n]\s*|\n\s*[-*•]\s*)$/u;

/**
 * Whether a text names a thing as a name: a word it writes with a capital (past its first word, or not a common word:
 * « SurveyMonkey », « Logitud, notre logiciel … », « uMap »), or one the passages write with a capital and never in
 * lower case (« Zyxel », « ADULLACT »; not « délégué », which a heading may capitalise), a web address aside — and of
 * which the question holds the whole name (not « mail » of « Proton Mail »).
 */
export function namesThing(text: string, texts: string[]): boolean {
  const written = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const common = (w: string) =>
    STOPWORDS.has(fold(w)) || [...SECTIONS.values()].some((s) => s.includes(` ${fold(w)} `));
  const named = (w: string, i: number) =>
    w.length > 1 &&
    !NOT_NAMES.has(fold(w)) &&
    (/^.\p{Ll}*\p{Lu}/u.test(w) || (/^\p{Lu}/u.test(w) && (i > 0 || !common(w))));
  if (written.some(named)) return true;
  const plain = texts
    .join("\n")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
  // (Runs of capitalised words: « Proton Mail », « Cyber Resilience Act ».)
  const runs = (plain.match(/\p{Lu}[\p{L}\p{N}-]*(?:[ '’]\p{Lu}[\p{L}\p{N}-]*)*/gu) ?? []).map((r) =>
    fold(r)
      .split(/[^a-z0-9-]+/)
      .filter((w) => w && !STOPWORDS.has(w)),
  );
  const typed = new Set(keywords(text));
  return keywords(text).some((word) => {
    if (word.length < 3 || /\d/.test(word) || NOT_NAMES.has(word)) return false;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}./@])${word}(?![\\p{L}\\p{N}]|\\.[a-z])`, "giu");
    const found = [...plain.matchAll(pattern)];
    // (A capital where a sentence, a line or a description opens — « Exchange Server : Serveur de messagerie … » —
    // is the sentence's, not a name's.)
    const named = found.filter((m) => /^\p{Lu}/u.test(m[0]) && !SENTENCE_START.test(plain.slice(0, m.index)));
    if (named.length === 0 || found.some((m) => m[0] === m[0].toLowerCase())) return false;
    // (A word the passages capitalise only inside a longer name, « Mail » of « Proton Mail », « Cyber » of « Cyber
    // Resilience Act », names nothing in « les adresses mail des élus », « notre assurance cyber »: the question must
    // hold the whole of one such name.)
    return runs.some((r) => r.includes(word) && r.every((w) => typed.has(w) || w === word));
  });
}
