/**
 * A request for a product typed as a need, not asked (« un wiki interne pour documenter les procédures des services »,
 * « gérer le périscolaire et le centre de loisirs », « l'équivalent de Doodle pour caler la date de l'AG »): it names
 * what the product is for in everyday words, no product and often no word of a product (« logiciel »). The catalog
 * card whose own description — its usage line and category, its notes, what it replaces — holds every word of that
 * need answers it (held-out-28: 21 such requests refused though their card was read). A need no card's description
 * holds (« un logiciel pour gérer la fourrière municipale ») is not answered by a card sharing one of its words.
 */

import { fold } from "../core/text.ts";
import { CARD_LINE, CARD_TITLE } from "../corpus/catalog.ts";
import { wordListSectionLines } from "../i18n/word-lists.ts";
import { openingPurposes, typedAsSearch } from "./asker/index.ts";
import { asksForProducts } from "./catalog-weight.ts";
import type { CorpusFrequency } from "./corpus-names.ts";
import { derivedIn } from "./derivations.ts";
import { stem as frStem, words } from "./french.ts";
import { FRAME, isGeneric, isLight, type QuestionTerm, STOPWORDS } from "./lexicon.ts";
import { holds, passageWords } from "./passage-words.ts";
import { complementOf } from "./question-terms.ts";
import { bagOf } from "./word-bag.ts";

const SECTIONS = wordListSectionLines("need-form.txt");

/** The kind of the catalog's cards in the store, searched alone for a need the passages found do not answer. */
export const CARD_KINDS = ["catalog"];
const ARTICLES = new Set(SECTIONS.get("article") ?? []);
const DETERMINERS = new Set(SECTIONS.get("déterminant") ?? []);
/** What opens what the need goes without (« sans Photoshop », « pas Mailchimp »), folded. */
const WITHOUT = new Set((SECTIONS.get("sans") ?? []).map(fold));
/** Openings of a need (« il nous faut », « l'équivalent de »), folded, apostrophes straight. */
const OPENINGS = (SECTIONS.get("ouverture") ?? []).map((o) => fold(o).replace(/’/g, "'"));
/** What opens the asker's setting after the need (« sur nos serveurs web », « auprès des habitants »), folded. */
const SETTING = new Set((SECTIONS.get("cadre") ?? []).map(fold));
/** What ends the asker's setting and goes on with the need (« … pour nos applis métier avec un second facteur »). */
const SETTING_END = new Set((SECTIONS.get("fin du cadre") ?? []).map(fold));
/** What the asker wants of any product (« gratuit », « simple »): the card's fields say it, its description need not. */
const QUALITIES = new Set((SECTIONS.get("qualité") ?? []).map(fold));
/** What asks for a free tool (`[libre]`), folded. */
const FREE = (SECTIONS.get("libre") ?? []).map(fold);
/** Verbs a need shares with any product (« gérer », « faire »): held by a card, they say nothing of what it does. */
const GENERAL_VERBS = new Set((SECTIONS.get("verbe général") ?? []).map(fold));
/** What a tool is called in general (« utilitaire », « truc »), beside the words asking for products. */
const TOOL_WORDS = new Set((SECTIONS.get("outil") ?? []).map(fold));
/** The clause openings of round 27 (`[ouverture tardive]`), folded: a need they open is read strictly (`readNeed`). */
const LATE_OPENINGS = new Set((SECTIONS.get("ouverture tardive") ?? []).map((o) => fold(o).replace(/’/g, "'")));
/** Clause openings asking whether a tool exists (« existe-t-il un … », « il faut un … »), folded. */
const CLAUSE_OPENINGS = (SECTIONS.get("ouverture de proposition") ?? []).map((o) => fold(o).replace(/’/g, "'"));
/** Question words that may open the need's clause after the asker's situation (`[question de proposition]`). */
const CLAUSE_ASKING = new Set((SECTIONS.get("question de proposition") ?? []).map(fold));
/** Verbs of a wish whose subject is the asker's situation (« notre bibliothèque … veut informatiser … »), folded. */
const WISHES = new Set((SECTIONS.get("souhait") ?? []).map(fold));
/** What may stand between the need's infinitive and its object (« héberger nous-mêmes un serveur »), folded. */
const SELVES = (SECTIONS.get("soi-même") ?? []).map(fold);
/** Endings of a verb whose subject follows (« avons-nous »): a clause asking a fact, not a tool. */
const INVERTED = (SECTIONS.get("sujet inversé") ?? []).map(fold);
/** Auxiliaries in the clause « quel » opens (« quelles communes sont passées »): a fact asked, not a tool. */
const FACT_VERBS = new Set((SECTIONS.get("verbe de fait") ?? []).map(fold));
/**
 * A question word (folded): anywhere, but « qui » and « ou » only opening a clause (« … un correcteur … qui s'ajoute à
 * LibreOffice », « la clé usb où je mets … » are a relative and a place, not a question).
 */
const CLAUSE_QUESTION =
  /(?<![a-z])(?:quel|quelle|quels|quelles|comment|combien|pourquoi|quand|est ce|est-ce)(?![a-z])|(?:^|[,;:.!?]\s*)(?:qui|ou)(?![a-z])/;
/(?:^|[,;:.!?]\s*)(?:quel|quelle|quels|quelles|comment|combien|pourquoi|quand|qui|ou|est ce|est-ce)(?![a-z])/;

/** The question folded, apostrophes straight, blanks reduced. */
const plain = (question: string) => fold(question).replace(/’/g, "'").replace(/\s+/g, " ").trim();

/** By its ending, a French infinitive (« gérer », « suivre », « écrire »), not a function word (« notre », « entre »). */
const infinitive = (word: string) => word.length >= 4 && /(?:er|ir|re)$/.test(word) && !STOPWORDS.has(word);

/**
 * Whether the text opens on an infinitive with its object or another infinitive after it (« gérer le périscolaire »,
 * « filmer et diffuser », « mettre en page », « faire une carte »), or with a noun and its preposition (« donner accès
 * aux applis »), not on a noun of the same ending (« procédure pas à pas », « salaire moyen »).
 */
function opensOnInfinitive(text: string): boolean {
  const self = SELVES.find((w) => text.split(" ").slice(1).join(" ").startsWith(`${w} `));
  const [first = "", second = "", third = ""] = (self ? text.replace(` ${self}`, "") : text).split(" ");
  const verb = infinitive(first) || GENERAL_VERBS.has(first);
  return (
    verb && (DETERMINERS.has(second) || /^[ld]'/.test(second) || (second.length > 2 && /^(?:a|au|aux|en)$/.test(third)))
  );
}

/** Whether a question is typed as a need, not asked: no question mark, no question word opening a clause. */
const typedAsNeed = (text: string) => !text.includes("?") && !CLAUSE_QUESTION.test(text);

/**
 * The need's opening when the question is typed as one: an opening of `need-form.txt` (« il nous faut … »), or, with
 * no question mark nor question word (`typedAsSearch`), an indefinite article (« un webmail simple … ») or an
 * infinitive (« filmer et diffuser le conseil municipal »). Null when the question is asked, not typed as a need.
 */
export function needOpening(question: string): string | null {
  return readNeed(question)?.opening ?? null;
}

/**
 * A need read in a question: its opening, whether it is read strictly, where it opens (`at`, in the folded question)
 * and whether what comes before is the asker's situation (`situation`: the clause forms of round 29).
 */
interface Need {
  opening: string;
  strict: boolean;
  at: number;
  situation?: boolean;
}

/**
 * The need's opening, and whether it was read only after the asker's context by the forms of round 27 (a closing « ? »
 * with no question word, « il y a … », an infinitive after a purpose): such a need must have two of its words held
 * by the card, not one with its complements (« planning des créneaux du gymnase pour les clubs, un logiciel libre ? »
 * is not answered by the card of a planning tool, « faire signer les arrêtés par le maire sans papier, il y a du
 * libre » by an office suite's that writes « arrêtés »).
 */
function readNeed(question: string): Need | null {
  const text = plain(question);
  const opening = OPENINGS.find((o) => text.startsWith(o.endsWith("'") ? o : `${o} `));
  if (opening) return { opening, strict: false, at: 0 };
  // (A tool asked after the asker's context may close on « ? » when no question word asks anything else: « je signe
  // encore les arrêtés à la main, il y a un parapheur électronique libre ? ».)
  const typed = typedAsSearch(question) || typedAsNeed(text);
  const polar = !CLAUSE_QUESTION.test(text);
  if (!typed && !polar) return clauseAsking(text);
  const first = text.split(" ")[0] ?? "";
  if (typed && (ARTICLES.has(first) || opensOnInfinitive(text))) return { opening: first, strict: false, at: 0 };
  // After a purpose opening it (« pour un atelier grand public, dessiner le logo de l'asso en vectoriel »), the need
  // opens as it would alone.
  const purpose = openingPurposes(question)[0];
  const afterPurpose = purpose && !question.slice(0, purpose[0]).trim() ? plain(question.slice(purpose[1] + 1)) : "";
  if (afterPurpose && typed && opensOnInfinitive(afterPurpose))
    return { opening: afterPurpose.split(" ")[0]!, strict: true, at: text.indexOf(afterPurpose) };
  // A tool asked for after the asker's context (« on veut retransmettre les séances, un logiciel gratuit pour la
  // captation », « un agent malvoyant arrive, il faut un logiciel qui lit l'écran »): a clause opening on a tool's
  // word or on a need's opening.
  for (const clause of text.split(/[,;:.]\s*/).slice(1)) {
    const [head = "", next = ""] = clause.split(" ");
    const at = text.indexOf(clause);
    if (ARTICLES.has(head) && (asksForProducts(next) || TOOL_WORDS.has(next)))
      return { opening: head, strict: !typed, at };
    const open = CLAUSE_OPENINGS.find((o) => clause.startsWith(`${o} `));
    if (open) return { opening: open, strict: !typed || LATE_OPENINGS.has(open), at };
  }
  // A wish whose subject is the asker's situation, in the first clause (« notre petite bibliothèque associative veut
  // informatiser son catalogue », « la mairie veut un drone pour … »): the need opens on the wish.
  const head = words(text.split(/[,;:.]/)[0] ?? "");
  const wish = head.findIndex((w, i) => i > 0 && WISHES.has(w));
  // (Typed as a need: « notre comcom … veut deposer un dossier au label, l'adullact facture des frais ? » asks a fact.)
  if (typed && wish > 0 && head[wish - 1] !== "on") {
    const rest = head.slice(wish + 1).join(" ");
    if (ARTICLES.has(head[wish + 1] ?? "") || opensOnInfinitive(rest))
      return { opening: head[wish]!, strict: false, at: text.indexOf(` ${head[wish]} `) + 1, situation: true };
  }
  return null;
}

/**
 * The need asked by the only question word of the question, opening its last clause after the asker's situation
 * (`[question de proposition]`: « … ; quel parapheur électronique libre », « …, comment chiffrer tout le disque avec un
 * outil libre »): read strictly, « comment » only before an infinitive.
 */
function clauseAsking(text: string): Need | null {
  const clauses = text.split(/[,;:.]\s*/);
  const last = clauses.at(-1)?.replace(/\s*\?$/, "") ?? "";
  // (Typed without « ? »: « …, quel montant atteint le marché passé via l'ugap ? » asks a fact.)
  if (clauses.length < 2 || text.includes("?")) return null;
  const [head = "", next = ""] = last.split(" ");
  if (!CLAUSE_ASKING.has(head) || (head === "comment" && !infinitive(next)) || STOPWORDS.has(next)) return null;
  const before = text.slice(0, text.lastIndexOf(last));
  if (CLAUSE_QUESTION.test(before) || CLAUSE_QUESTION.test(last.slice(head.length))) return null;
  if (last.split(" ").some((w) => FACT_VERBS.has(w) || INVERTED.some((i) => w.endsWith(i)))) return null;
  return { opening: head, strict: true, at: text.lastIndexOf(last), situation: true };
}

/** The lines of a card that say what it is around its description: hosting, inventories' names, users, migration… */
const AROUND = [
  CARD_LINE.vendor,
  CARD_LINE.exposure,
  CARD_LINE.noExposure,
  CARD_LINE.aliases,
  CARD_LINE.alternatives,
  CARD_LINE.hosting,
  CARD_LINE.stateOnly,
  CARD_LINE.forCollectivity,
  CARD_LINE.sill,
  CARD_LINE.users,
  CARD_LINE.migration,
  CARD_LINE.lifecycle,
  CARD_LINE.ordinaryEnd,
];

/**
 * A product's or an alternative's card's description: its first line (name, category, usage), what it replaces and
 * its notes; not the lines around it (hosting, users, migration…), which say where and by whom, not what for.
 * Null for a vendor's card or a passage that is not a card.
 */
function description(card: { text: string; document: { title: string; kind?: string } }): string | null {
  if (card.document.kind !== "catalog" || card.document.title.startsWith(CARD_TITLE.vendor)) return null;
  return card.text
    .split("\n")
    .filter((line) => !AROUND.some((label) => line.startsWith(label.trim())))
    .join("\n");
}

/** Whether a word of the need is written in a text, by its stem or one starting the other (« fusion », « fusionner »). */
function heldIn(t: QuestionTerm, text: ReturnType<typeof passageWords>): boolean {
  // A word whose stem is a function word (« sons », « son ») is held only as written, singular or plural.
  if (!t.word.includes(" ") && STOPWORDS.has(frStem(t.word)))
    return t.word.split(" ").every((w) => text.list.includes(w) || text.list.includes(w.replace(/[sx]$/, "")));
  if (holds(t, text)) return true;
  return t.word.split(" ").every((w) => {
    const s = frStem(w);
    return text.list.some((x) => {
      const y = frStem(x);
      return y === s || (Math.min(s.length, y.length) >= 5 && (y.startsWith(s) || s.startsWith(y)));
    });
  });
}

/**
 * The words of what the need goes without (« sans société derrière », « sans chercher des codecs »), up to the end of
 * their clause: the card describes what its product does, not what it spares.
 */
function withoutWords(question: string): Set<string> {
  const spared = new Set<string>();
  for (const clause of plain(question).split(/[,;:.!?()]/)) {
    const list = words(clause);
    const at = list.findIndex((w) => WITHOUT.has(w));
    if (at >= 0) for (const w of list.slice(at + 1)) spared.add(w);
  }
  return spared;
}

/**
 * The need's acts: an infinitive opening it or after « pour », « à », « de », with its object after it (« bloquer les
 * adresses », « pour décompresser les archives »), not a noun of the same ending (« serveur de courrier »).
 */
function actWords(question: string): Set<string> {
  const list = words(plain(question));
  // (A clause opening on it too: « pour un atelier grand public, dessiner le logo … ».)
  const clauseStarts = new Set(
    plain(question)
      .split(/[,;:]/)
      .map((c) => words(c)[0] ?? ""),
  );
  const acts = new Set<string>();
  list.forEach((w, i) => {
    const before = list[i - 1] ?? "";
    // (Or coordinated with the act before it: « filmer et diffuser le conseil ».)
    const opens =
      i === 0 ||
      clauseStarts.has(w) ||
      /^(?:pour|a|de|d)$/.test(before) ||
      // (Or after the word asking for the need: « …, comment chiffrer tout le disque ».)
      CLAUSE_ASKING.has(before) ||
      (before === "et" && acts.has(list[i - 2] ?? ""));
    if (infinitive(w) && opens && (DETERMINERS.has(list[i + 1] ?? "") || /^(?:l|d)$/.test(list[i + 1] ?? "")))
      acts.add(w);
  });
  return acts;
}

/**
 * The words of the asker's setting, after the need (« bloquer les adresses ip malveillantes sur nos serveurs web »,
 * « une carte des stands … pour le comité des fêtes »): in each clause, what follows a word of `need-form.txt`
 * [cadre] once a word of the need itself (`needWords`, not « un logiciel libre ») came before it; « pour » and « à » open a setting before a determiner, not before
 * an infinitive (« pour décompresser les archives » is the need).
 */
function settingWords(question: string, needWords: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const clause of plain(question).split(/[,;:.!?()]/)) {
    const list = words(clause);
    let seen = false;
    for (let i = 0; i < list.length; i++) {
      const w = list[i]!;
      const next = list[i + 1] ?? "";
      const before = /^(?:pour|a|au|aux)$/.test(w) ? DETERMINERS.has(next) || /^(?:au|aux)$/.test(w) : true;
      if (seen && SETTING.has(w) && before) {
        for (const rest of list.slice(i + 1)) {
          if (SETTING_END.has(rest)) break;
          out.add(rest);
        }
        break;
      }
      if (needWords.has(w)) seen = true;
    }
  }
  return out;
}

/** Least share of the need's own words a card's description holds, and least number of them (fewer if it has fewer). */
const MIN_NEED_SHARE = 0.5;
const MIN_NEED_WORDS = 2;

/**
 * The indices of the cards among `results` whose description holds the need `question` is typed as (`needOpening`):
 * every name it writes (« sans Photoshop », « issu de XenServer ») on the card; of the need itself — its own words
 * (nouns and adjectives, not the domain's general or everyday words, nor those asking for a product or a quality any
 * product may have: « outil », « libre », « gratuit ») and its acts (« bloquer les adresses », « pour décompresser
 * les archives »: held by the noun of their family, « blocage », « décompression »; not « gérer », « faire ») — at
 * least half, at least two, in the description, and none of its words left out that the corpus never uses (« la
 * fourrière », « le cadastre napoléonien »: what the catalog lacks). What it goes without (`withoutWords`), the
 * asker's setting after it (`settingWords`: « sur nos serveurs web », « pour la hotline de la mairie ») and the
 * complements of words the description holds, from one to the next (« la kermesse » of « monter la vidéo de la
 * kermesse », « des sentiers de randonnée » of « une carte »: the asker's own instance of what the product handles),
 * count where held, never against; a card holding only them does not answer. Empty when the question is not typed as
 * a need.
 */
export async function cardsHoldingNeed(
  question: string,
  terms: QuestionTerm[],
  results: { text: string; document: { title: string; kind?: string } }[],
  frequency?: CorpusFrequency,
): Promise<number[]> {
  const read = readNeed(question);
  if (!read || !frequency) return [];
  const opening = read.opening;
  const openingWords = new Set(words(opening));
  // The need's verbs (« Écrire des documents », « pour caler la date »), whatever a capital made of the first one.
  const first = words(plain(question))[0];
  const verbal = (t: QuestionTerm) =>
    t.verb || t.modifier || (t.word === first && infinitive(first)) || (/(?:er|ir)$/.test(t.word) && !t.noun);
  const names = terms.filter((t) => t.name && !t.date && !verbal(t));
  const kept = (t: QuestionTerm) =>
    !t.name &&
    !t.date &&
    !t.user &&
    !isGeneric(t) &&
    !isLight(t) &&
    !FRAME.has(t.word) &&
    !asksForProducts(t.word) &&
    !QUALITIES.has(t.word) &&
    !TOOL_WORDS.has(t.word) &&
    !t.word.split(" ").every((w) => openingWords.has(w));
  const own = terms.filter((t) => kept(t) && !verbal(t));
  // The need's own acts (« décompresser », « bloquer »), not those of any product (« gérer »): held by the noun of
  // their family (« décompression », « blocage »), they say what the product does; unheld, they weigh nothing.
  const acting = actWords(question);
  // (An act the question's terms leave out as an everyday verb is still the need's: « réserver la salle … ».)
  const acts = [...acting]
    .filter((w) => !GENERAL_VERBS.has(w) && !STOPWORDS.has(w))
    .map((w): QuestionTerm => terms.find((t) => t.word === w) ?? { word: w, variants: [w], name: false })
    .filter((t) => !t.name && !t.date);
  if (own.length === 0) return [];
  // (Only in a need typed as one: « on cherche un serveur bénévole pour le repas des anciens, faut-il … ? » asks.)
  const setting = !typedAsNeed(plain(question))
    ? new Set<string>()
    : settingWords(question, new Set([...own, ...acts].flatMap((t) => t.word.split(" "))));
  // So is the asker's situation before the need's clause (« les arrêtés circulent encore en papier … ; quel parapheur
  // … », « notre petite bibliothèque associative veut … »), where the rest does not repeat it.
  // (Only in the forms of round 29: after « il existe … pour ça ? » the situation is the need itself.)
  const rest = words(plain(question).slice(read.at));
  if (read.situation) for (const w of words(plain(question).slice(0, read.at))) if (!rest.includes(w)) setting.add(w);
  // So is a purpose opening it (« pour un atelier grand public, dessiner le logo … »): why the asker asks.
  for (const [a, b] of openingPurposes(question).filter(([a]) => !question.slice(0, a).trim()))
    for (const w of words(plain(question.slice(a, b))))
      if (!words(plain(question.slice(b))).includes(w)) setting.add(w);
  const unused = new Set(
    (await Promise.all(own.map(async (t) => ((await frequency(t.word.split(" ")[0]!)) === 0 ? t : null)))).filter(
      Boolean,
    ),
  );
  const spared = withoutWords(question);
  const without = (t: QuestionTerm) => t.word.split(" ").every((w) => spared.has(w));
  const holding = results.flatMap((r, i) => {
    const described = description(r);
    if (described === null) return [];
    const card = passageWords(`${r.document.title}\n${r.text}`);
    if (!names.every((t) => holds(t, card))) return [];
    const text = passageWords(described);
    const heldWords = own.filter((t) => heldIn(t, text));
    const bag = bagOf(described);
    const heldActs = acts.filter((t) => heldIn(t, text) || derivedIn(t.word, bag));
    // What the need goes without, the asker's setting (« sur nos serveurs web », « pour le comité des fêtes ») and
    // the complements of held words (« la vidéo de la kermesse », « une carte des sentiers de randonnée »), from one
    // to the next, weigh only where held.
    const dependent = new Set(heldWords.map((t) => t.word));
    // (And the object of a held act: « dessiner le logo de l'asso », the asker's own instance of what is drawn.)
    // Only beside a word of the need itself the card holds: « collecter la taxe de séjour » asks for that object.
    // And only in a need read after the asker's context (`readNeed`): « réserver la salle des fêtes pour un
    // anniversaire » asks for that object.
    for (const t of read.strict && heldWords.length ? heldActs : []) {
      const object = new RegExp(`(?:^|\\s)${t.word}\\s(?:le|la|les|un|une|des|du|l')\\s?([a-z]+)`).exec(
        plain(question),
      );
      if (object) dependent.add(object[1]!);
    }
    for (const t of own)
      if (!heldWords.includes(t) && dependent.has(complementOf(question, t.word) ?? "")) dependent.add(t.word);
    const weighed = own.filter(
      (t) =>
        heldWords.includes(t) ||
        (!without(t) && !dependent.has(t.word) && !t.word.split(" ").every((w) => setting.has(w))),
    );
    // The need itself, out of its setting, with its acts: at least half of it, at least two words, held; the setting's
    // words count where held, never against; a card holding only them does not answer, and the cards holding more of
    // the need itself come first.
    const inSetting = (t: QuestionTerm) => t.word.split(" ").every((w) => setting.has(w));
    const need = weighed.filter((t) => !inSetting(t));
    const core = heldWords.filter((t) => !inSetting(t)).length + heldActs.length;
    const held = heldWords.length + heldActs.length;
    const count = need.length + acts.length;
    const least = Math.max(1, Math.min(MIN_NEED_WORDS, count), Math.ceil(count * MIN_NEED_SHARE));
    // (A need read only after the asker's context, `readNeed`: two of its own words or acts, complements aside.)
    if (read.strict && core < MIN_NEED_WORDS) return [];
    return core > 0 && held >= least && need.every((t) => heldWords.includes(t) || !unused.has(t))
      ? [{ i, held, core }]
      : [];
  });
  // The cards that hold the most of it (« chiffrés de bout en bout » alone is also a messenger's), the need's own words
  // before its setting's, the alternatives first: « l'équivalent de Doodle » asks for Framadate, whose card holds
  // Doodle, before Doodle's own card.
  // A need asked free (« … libre ? », « … gratuitement ») is answered by a free alternative's card that holds it, not
  // by a proprietary product's that holds more of its words (Adobe Illustrator for « pour un atelier grand public,
  // dessiner le logo de l'asso en vectoriel gratuitement »).
  const alternative = (i: number) => results[i]!.document.title.startsWith(CARD_TITLE.alternative);
  const asksFree = FREE.some((f) => ` ${plain(question)} `.includes(` ${f} `));
  if (asksFree && holding.some((h) => alternative(h.i)))
    holding.splice(0, holding.length, ...holding.filter((h) => alternative(h.i)));
  const best = Math.max(...holding.map((h) => h.core));
  const most = Math.max(...holding.filter((h) => h.core === best).map((h) => h.held));
  return holding
    .filter((h) => h.core === best && h.held === most)
    .map((h) => h.i)
    .sort((a, b) => Number(alternative(b)) - Number(alternative(a)));
}
