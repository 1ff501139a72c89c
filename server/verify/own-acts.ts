/**
 * An act or a state of the collectivité a document is written for, said done — « Le conseil municipal a déjà adopté
 * cette délibération [1] » (faithful-blind-20), « La commune a déjà remplacé Defender sur ses serveurs [1] », « Les
 * agents de la commune utilisent déjà une messagerie libre [1] » (faithful-blind-21) —, or an act done to it (« Le
 * collectif Linux Quimper a d'ailleurs adressé la même demande à la commune en avril 2026 [1] »): what the collectivité
 * did, has or received is known from the document's data only (its map, its inputs, the context the user typed). The
 * passages speak of other bodies; their words may all be there (« remplacer un antivirus américain », « adresser une
 * demande à Quimper Bretagne Occidentale ») without any of them saying it of this collectivité.
 *
 * The form, read on the sentence, not on its words:
 * - its subject opens it (after a connective): the collectivité (« la commune », « notre mairie », « le conseil
 *   municipal », its name as the data give it), or what is its own by a tie (« les agents de la commune », « les
 *   données de la mairie », « nos agents »);
 * - its verb says an act done (an auxiliary of « avoir » and a participle, or « a été » and one) or a state already
 *   reached (« sont déjà transmises », « utilisent déjà »), with no negation;
 * - or, whatever its subject, an act done (« a adressé ») whose clause gives it to the collectivité (« à la commune »).
 * It is said when the data write the verb in any form (« adopté » for « adoption ») or a cited passage names the
 * collectivité. Words: `server/i18n/fr/own-acts.txt`.
 */
import { escapeRegExp, foldApostrophes } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { withoutReferences } from "./sentences.ts";
import { words } from "./words.ts";

const LISTS = wordListSections("own-acts.txt");
const folded = (section: string) =>
  [...(LISTS.get(section) ?? [])].map((e) => foldApostrophes(e)).sort((a, b) => b.length - a.length);
const alt = (entries: string[]) => entries.map((e) => escapeRegExp(e).replace(/\s+/g, "\\s+")).join("|");

const BODY = alt(folded("collectivité"));
const THINGS = alt(folded("siens"));
const TIE = alt(folded("lien"));
const POSSESSIVE = alt(folded("possessifs"));
const OPENINGS = alt(folded("ouvertures"));
const ADVERB = `(?:${alt(folded("adverbes"))})`;
const ALREADY = `(?:${alt(folded("déjà"))})`;
const NOT_STATES = new Set(folded("pas des états"));
const NOT_PARTICIPLES = new Set(folded("pas participes"));

/** A participle, told by its ending in folded text (« adopte », « transmises », « accepte », « atteint »). */
const PARTICIPLE = /(?:e|ee|es|ees|i|ie|is|ies|it|ite|its|u|ue|us|ues|ert|erte|erts|ertes|int|inte|ints|intes)$/u;

/** The noun after « a eu » that judges an act, before its « de » or « à » (« raison de », « le mérite de »). */
const JUDGED = /^\s+(?:(?:le|la|l')\s*)?(\p{L}+)(?=\s+(?:de|d'|a)(?!\p{L}))/u;

/** Letters of the verb a data word must open on to write the same act (« adopt » for « adopté », « adoption »). */
const STEM_MAX = 6;

/** The name of the collectivité the data give (« Collectivité : Valdorgne-sur-Ysette (commune ; Cher ; …) »). */
function ownName(facts: string[]): string | null {
  for (const f of facts) {
    const m = /(?:^|\n)\s*Collectivité\s*:\s*([^(\n;]+?)\s*(?:\(|;|\.|$)/mu.exec(f);
    if (m) return m[1]!.trim();
  }
  return null;
}

/**
 * The name an intercommunalité goes by without its kind (« Communauté de communes du Haut-Ségalas » → « Haut-Ségalas »:
 * « Le Haut-Ségalas a déjà réussi … », trial24 T-H5): what follows the first « du », « de la », « des », « de l' »
 * or « d' » before a capital, in a name of more than one word opening on a lower-case kind; or null.
 */
function shortName(name: string): string | null {
  const m = /^\p{Lu}\p{Ll}+(?:\s+\p{Ll}+)*?\s+(?:du|de\s+la|des|de\s+l'|d')\s*(\p{Lu}.+)$/u.exec(
    name.replace(/’/g, "'"),
  );
  return m && m[1] !== name ? m[1]! : null;
}

/** The collectivité, or what is its own, as a noun phrase (folded text), its name given. */
function ownPhrase(name: string | null): string {
  const short = name ? shortName(name) : null;
  const names = name ? [name, ...(short ? [short] : [])].map((n) => foldApostrophes(n)) : [];
  // Its name, or its short name after its article (« le Haut-Ségalas »).
  const named = name
    ? `|${alt(names).replace(/-/g, "[\\s-]")}${short ? `|(?:le|la|les|l')\\s*${alt([foldApostrophes(short)]).replace(/-/g, "[\\s-]")}` : ""}`
    : "";
  const det = `(?:la|le|l'|les|cette|${POSSESSIVE})\\s*`;
  // « la commune », not « la commune de Boé » (a peer); « la commune de Valdorgne » is its own.
  const nameRe = name ? alt([foldApostrophes(name)]).replace(/-/g, "[\\s-]") : "\\b\\B";
  // « le conseil municipal de Lestrigou »: its own name after the body is part of the subject.
  const body = `${det}(?:${BODY})(?:\\s+de\\s+(?:${nameRe})(?!\\p{L})|(?!\\s+d(?:e|u|es|')\\s*(?!${nameRe})\\p{L}))`;
  const things = `(?:(?:les|la|le|l'|des)\\s*)?(?:${THINGS})\\s+(?:${TIE}${named ? `|d(?:e|u)\\s+${named.slice(1)}` : ""})`;
  const mine = `(?:${POSSESSIVE})\\s+(?:${THINGS})`;
  return `(?:${body}|${things}|${mine}${named})`;
}

/** Whether a verb (folded) is written, in any form, in one of the texts. */
function written(verb: string, texts: string[]): boolean {
  const key = verb.slice(0, Math.min(STEM_MAX, verb.length - 1));
  return texts.some((t) => words(t).some((w) => w.startsWith(key)));
}

/**
 * The act or state of the collectivité the sentence says done, as written, when neither the data nor a cited passage
 * naming the collectivité says it; or null.
 * @example ownActUnsaid("Le conseil municipal a déjà adopté cette délibération [1].", ["Collectivité : Aubrecourt (commune)"], [])
 * // → "a déjà adopté"
 */
export function ownActUnsaid(stated: string, facts: string[], cited: string[]): string | null {
  const original = withoutReferences(stated).replace(/’/g, "'").trim();
  const text = foldApostrophes(original);
  if (!text) return null;
  // Folding keeps a composed text's length: what is found in it is quoted from the sentence as written.
  const quote = (at: number, said: string) =>
    text.length === original.length ? original.slice(at, at + said.length) : said;
  const name = ownName(facts);
  // A cited passage that names the collectivité may say what it did: left to the other checks.
  if (name && cited.some((c) => foldApostrophes(c).includes(foldApostrophes(name)))) return null;
  const own = ownPhrase(name);
  const open = `^[\\s>*_#•-]*(?:(?:${OPENINGS})\\s*,?\\s+)*`;
  // The subject opening the sentence, then its verb: an auxiliary and a participle, or a verb and « déjà ».
  const subject = new RegExp(`${open}(?:${own})\\s+`, "u").exec(text);
  const acts: { said: string; at: number; verb: string }[] = [];
  if (subject) {
    const rest = text.slice(subject[0].length);
    const done = new RegExp(
      `^(?:(a|ont|avons|avez)\\s+(?:${ADVERB}\\s+)*(?:ete\\s+(?:${ADVERB}\\s+)*)?|(est|sont|sommes|etes)\\s+(?:${ADVERB}\\s+)*${ALREADY}\\s+(?:${ADVERB}\\s+)*)(\\p{L}+)`,
      "u",
    ).exec(rest);
    if (done && PARTICIPLE.test(done[3]!) && !NOT_PARTICIPLES.has(done[3]!))
      acts.push({ said: done[0], at: subject[0].length, verb: done[3]! });
    // « a eu raison de refuser », « a eu le mérite de » : a judgement of its act, the noun after « eu » its word.
    const judged = done?.[3] === "eu" ? JUDGED.exec(rest.slice(done[0].length)) : null;
    if (done && judged && !NOT_PARTICIPLES.has(judged[1]!))
      acts.push({ said: done[0] + judged[0], at: subject[0].length, verb: judged[1]! });
    const state = new RegExp(`^(\\p{L}+)\\s+(?:${ADVERB}\\s+)*?${ALREADY}(?!\\p{L})`, "u").exec(rest);
    if (!done && state && !NOT_STATES.has(state[1]!))
      acts.push({ said: state[0], at: subject[0].length, verb: state[1]! });
  }
  // An act done whose clause gives it to the collectivité (« a adressé la même demande à la commune »).
  if (!acts.length && !/^[\s>*_#•-]*(?:si|lorsque|quand|comme)\s/u.test(text)) {
    const toOwn = new RegExp(
      `(?<!\\p{L})(a|ont)\\s+(?:${ADVERB}\\s+)*(\\p{L}+)(?:\\s+[^,;:.()]*?)?\\s+a\\s+${own}(?!\\p{L})`,
      "u",
    ).exec(text);
    if (toOwn && PARTICIPLE.test(toOwn[2]!) && !NOT_PARTICIPLES.has(toOwn[2]!))
      acts.push({ said: toOwn[0], at: toOwn.index, verb: toOwn[2]! });
    // An act whose object is the collectivité (« La CNIL a déjà sanctionné Vauclérieux », trial25 T-H3).
    const onOwn = toOwn
      ? null
      : new RegExp(`(?<!\\p{L})(a|ont)\\s+(?:${ADVERB}\\s+)*(\\p{L}+)\\s+${own}(?!\\p{L})`, "u").exec(text);
    if (onOwn && PARTICIPLE.test(onOwn[2]!) && !NOT_PARTICIPLES.has(onOwn[2]!))
      acts.push({ said: onOwn[0], at: onOwn.index, verb: onOwn[2]! });
  }
  // The reader's own act, when the document is written to the collectivité (« Madame la Maire, vous avez refusé
  // d'étudier une sortie de Microsoft », trial25 T-H3): only its data can say it.
  if (!acts.length && name) {
    const yours = new RegExp(
      `^[\\s>*_#•-]*(?:(?:${OPENINGS})\\s*,?\\s+)*(?:(?:madame|monsieur)(?:\\s+\\p{L}+){1,3}\\s*,\\s*)?vous\\s+(?:l'\\s*|les\\s+|y\\s+|en\\s+)?(avez|aviez)\\s+(?:${ADVERB}\\s+)*(\\p{L}+)`,
      "u",
    ).exec(text);
    if (yours && PARTICIPLE.test(yours[2]!) && !NOT_PARTICIPLES.has(yours[2]!))
      acts.push({ said: yours[0].replace(/^[^,]*,\s*/u, ""), at: yours[0].indexOf("vous"), verb: yours[2]! });
  }
  for (const act of acts) {
    // A negation before the verb (« n'a pas encore remplacé »): not a claim that it is done.
    if (/(?<!\p{L})(?:ne|n')(?!\p{L})/u.test(text.slice(0, act.at + act.said.length))) continue;
    if (written(act.verb, facts)) continue;
    return quote(act.at, act.said).trim();
  }
  return null;
}
