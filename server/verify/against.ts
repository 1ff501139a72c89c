/**
 * What a cited passage says against a claim that shares its names with it and carries no figure, where the words of
 * the two differ too much for the polarity check (`contradiction.ts`) to compare them: « X utilise toujours Linux »
 * where the passage says X went back to Windows, or gave Linux up; « le texte X oblige toutes les communes » where the
 * passage says X (or « il », standing for X) does not apply to collectivités. A model's sentence in a chat answer and a
 * claim of the user's context in a document are judged by these same rules (`verifyText`, which the document's claim
 * check runs on the passages about the claim). Each rule reads its words from `server/i18n/fr/claim-*.txt` and the
 * classes from the [wider] section of `overstated.txt` (data), and answers with the passage's sentence.
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { stem, words } from "../retrieval/french.ts";
import { keywords } from "../retrieval/relevance.ts";
import { placeAgainst } from "./against-place.ts";
import { withPronounSubjects } from "./contrast.ts";
import { polarityClauses } from "./negation.ts";
import { type CitedSentence, CLASS_WORDS, NEGATED, widerThan } from "./overstated.ts";
import { contentWords } from "./words.ts";

/** `claim-no-duty.txt`: what says a text creates no duty, and the verbs of a claim that give one. */
const NO_DUTY = wordListSections("claim-no-duty.txt");

/** Lines of a word list of `server/i18n/fr/`, folded. */
const listOf = (name: string) => wordListLines(name).map(fold);

/** A pattern of phrases on folded text, each as whole words (apostrophes either way, any spacing). */
export const phrasePattern = (list: string[]) =>
  new RegExp(
    `(?<!\\p{L})(?:${list.map((p) => escapeRegExp(fold(p)).replace(/['’]/g, "['’]\\s*").replace(/\s+/g, "\\s+")).join("|")})(?!\\p{L})`,
    "giu",
  );

let lists: {
  still: RegExp;
  returnedTo: RegExp;
  gaveUp: RegExp;
  notBinding: RegExp;
  noDuty: RegExp;
  duty: RegExp;
  applies: RegExp;
  obliges: RegExp;
} | null = null;
const patterns = () => {
  lists ??= {
    still: phrasePattern(listOf("claim-still.txt")),
    returnedTo: phrasePattern(listOf("claim-returned-to.txt")),
    gaveUp: phrasePattern(listOf("claim-gave-up.txt")),
    notBinding: phrasePattern(listOf("claim-not-binding.txt")),
    noDuty: phrasePattern((NO_DUTY.get("tournures") ?? []).map(fold)),
    duty: new RegExp(`(?<!\\p{L})(?:${(NO_DUTY.get("verbes d'obligation") ?? []).map(fold).join("|")})`, "iu"),
    applies: phrasePattern(listOf("claim-applies.txt")),
    obliges: new RegExp(
      `(?<!\\p{L})(?:${listOf("claim-obliges.txt")
        .map((p) => escapeRegExp(p).replace(/['’]/g, "['’]"))
        .join("|")})`,
      "iu",
    ),
  };
  return lists;
};

/** Words that open a name without being one (« La ville de Munich », « L'article 31 de la loi SREN »). */
const NOT_A_NAME = /^(?:le|la|les|l|un|une|des|de|du|d|en|au|aux|et|ou)$/iu;

/** The names of a text: its words written with a capital (« Munich », « SREN », « Linux »), not its articles. */
function namesIn(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}-]*/gu)]
    .map((m) => m[0])
    .filter((w) => w.length >= 2 && !NOT_A_NAME.test(w));
}

const named = (text: string, name: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fold(name))}(?![\\p{L}\\p{N}])`, "u").test(fold(text));

/** What follows a phrase in a sentence, to its clause's end: the words it bears on. */
const after = (sentence: string, m: RegExpMatchArray) =>
  sentence.slice(m.index! + m[0].length).split(/[,;:.()!?]/u)[0]!;

/** What introduces the replacement after what was given up (« a quitté Windows pour Linux »). */
const FOR = /(?<!\p{L})(?:pour|au profit d|en faveur d|vers|par)(?!\p{L})/u;

/** A cited passage as these rules read it: its heading, and each body sentence with what it is about. */
export interface Read {
  heading: string;
  sentences: {
    text: string;
    /** The sentence with the subject each of its pronoun clauses stands for (« Le référentiel … ils ne s'imposent »). */
    about: string;
  }[];
}

function read(passage: CitedSentence[]): Read {
  const heading = passage
    .filter((s) => s.heading)
    .map((s) => s.text)
    .join(" ");
  const body = passage.filter((s) => !s.heading).map((s) => s.text.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim());
  const clauses = body.flatMap((text, i) => polarityClauses(text).map((c) => ({ c, i })));
  const resolved = withPronounSubjects(clauses.map((x) => x.c));
  return {
    heading,
    sentences: body.map((text, i) => ({
      text,
      about: [text, ...resolved.filter((_, k) => clauses[k]!.i === i)].join(" "),
    })),
  };
}

/** Least content words a subject without a name must have, all of them but one in what a passage's sentence is about. */
export const UNNAMED_SUBJECT_MIN_WORDS = 2;

/**
 * Whether a passage's text names the subject of a claim: one of its names; or, naming none (« Le référentiel régional
 * d'accessibilité »), all its content words but one (at least two).
 */
export function namesSubject(text: string, subject: string): boolean {
  const names = namesIn(subject);
  if (names.length) return names.some((n) => named(text, n));
  const mine = [...new Set(keywords(subject).filter((w) => !/^\d/.test(w)))];
  if (mine.length < UNNAMED_SUBJECT_MIN_WORDS) return false;
  const theirs = new Set(words(text).map(stem));
  const found = mine.filter((w) => theirs.has(stem(w))).length;
  return found >= Math.max(UNNAMED_SUBJECT_MIN_WORDS, mine.length - 1);
}

/**
 * « X utilise toujours Y »: a sentence of a passage about X (X named in it, in what its pronouns stand for, or in its
 * heading) that says X went back to something that is not Y (« avant de décider en 2017 un retour à Windows »), or
 * gave Y up.
 */
function stillAgainst(claim: string, passages: Read[]): string | null {
  const w = patterns();
  const at = fold(claim).search(w.still);
  if (at < 0) return null;
  const subject = namesIn(claim.slice(0, at));
  const objects = namesIn(claim.slice(at));
  if (!subject.length || !objects.length) return null;
  // A sentence naming the subject itself first; else one under a heading that names it (« Munich : … »).
  for (const inHeading of [false, true])
    for (const p of passages)
      for (const s of p.sentences) {
        if (!subject.some((n) => named(s.about, n) || (inHeading && named(p.heading, n)))) continue;
        const folded = fold(s.text);
        for (const m of folded.matchAll(w.returnedTo))
          if (!objects.some((o) => named(after(folded, m), o)) && namesIn(after(s.text, m)).length) return s.text;
        // What was given up, not what for (« a quitté Windows pour Linux »).
        for (const m of folded.matchAll(w.gaveUp))
          if (objects.some((o) => named(after(folded, m).split(FOR)[0]!, o))) return s.text;
      }
  return null;
}

/** A subject that denies what its verb says (« Aucune loi n'oblige », « Rien n'impose », « Nul texte ne … »). */
const DENYING_SUBJECT = /(?<!\p{L})(?:aucune?|nulle?|rien|personne|ne|n['’])(?!\p{L})/iu;

/** The class words of a text (« communes », « collectivités »), folded. */
const classWords = (text: string) => words(text).filter((x) => CLASS_WORDS.has(x));

/** Whether `sentenceClass` (« collectivites ») is `claimClass` (« communes ») or a class that holds it. */
const covers = (sentenceClass: string, claimClass: string) =>
  stem(sentenceClass) === stem(claimClass) || widerThan(claimClass).some((x) => stem(x) === stem(sentenceClass));

/** Whether a sentence says, without a negation, that something binds a class holding one of `claimed`. */
function bindsClass(text: string, claimed: string[]): boolean {
  if (NEGATED.test(text)) return false;
  const folded = fold(text);
  const at = folded.search(patterns().obliges);
  return at >= 0 && classWords(folded.slice(at)).some((c) => claimed.some((k) => covers(c, k)));
}

/**
 * « Le texte X oblige (toutes) les communes à … »: a sentence of a passage about X (X named in it, or in what its
 * pronouns stand for) that says it does not apply to the communes, or to a class that holds them (« L'article 31 de
 * la loi SREN … ne s'applique pas non plus aux collectivités », « … : ils ne s'imposent pas aux collectivités »).
 */
function bindingAgainst(claim: string, passages: Read[]): string | null {
  const w = patterns();
  const at = fold(claim).search(w.obliges);
  if (at < 0) return null;
  const subject = claim.slice(0, at);
  const claimed = classWords(claim.slice(at));
  if (!claimed.length || DENYING_SUBJECT.test(subject)) return null;
  // A subject with no word of its own (« Elle s'applique déjà à toutes les communes [1] ») stands for what the cited
  // passage is about: any of its sentences may deny it, unless one says some text does bind that class (« Le RGPD
  // s'applique à toutes les collectivités. La directive NIS 2 ne s'applique pas aux communes. »).
  const pronoun = contentWords(subject).length === 0;
  if (pronoun && passages.some((p) => p.sentences.some((s) => bindsClass(s.text, claimed)))) return null;
  // A part of the class set apart by a figure (« les communes de plus de 3 500 habitants »).
  const part = /\d/.test(claim.slice(at));
  for (const p of passages)
    for (const s of p.sentences) {
      // An article of the text the heading names (« La loi X et son article 31 — … : l'article 31 ne s'applique pas »).
      if (
        !pronoun &&
        !namesSubject(s.about, subject) &&
        !(ARTICLE_SUBJECT.test(s.text) && namesSubject(p.heading, subject))
      )
        continue;
      const folded = fold(s.text);
      for (const m of folded.matchAll(w.notBinding)) {
        const bearing = after(folded, m).split(/\s+/).slice(0, 8).join(" ");
        // Another part of the class may be the one the passage speaks of (« de moins de 3 500 habitants »).
        if (part && /\d/.test(bearing)) continue;
        if (classWords(bearing).some((c) => claimed.some((k) => covers(c, k)))) return s.text;
      }
    }
  return null;
}

/** A sentence about an article of a text (« l'article 31 ne s'applique pas … »). */
const ARTICLE_SUBJECT = /(?<!\p{L})l['’]article\s+\d+/iu;

/** « l'article 16 », « article 31 »: the article numbers a text writes, folded. */
const articles = (text: string) => [...fold(text).matchAll(/(?<!\p{L})articles?\s+(\d+)/gu)].map((m) => m[1]!);

/**
 * « Le texte X oblige les collectivités à … » (a subject with words of its own): a sentence of a passage about X (X
 * named in it, in what its pronouns stand for, or in the passage's heading and title, with the same article number)
 * that says X creates no duty at all (« l'article 16 ne crée aucune obligation juridique … », `claim-no-duty.txt`),
 * unless what follows limits it to another class.
 */
function noDutyAgainst(claim: string, passages: Read[]): string | null {
  const w = patterns();
  const at = fold(claim).search(w.obliges);
  if (at < 0) return null;
  const subject = claim.slice(0, at);
  const claimed = classWords(claim.slice(at));
  if (!claimed.length || contentWords(subject).length === 0 || DENYING_SUBJECT.test(subject)) return null;
  // A duty (« impose », « oblige »), not « s'applique aux collectivités », which a text creating no duty may do.
  if (!w.duty.test(fold(claim).slice(at, at + 20))) return null;
  const numbers = articles(subject);
  for (const p of passages)
    for (const s of p.sentences) {
      const about = `${p.heading} ${s.about}`;
      if (!namesSubject(about, subject)) continue;
      if (numbers.length && !numbers.every((n) => articles(about).includes(n))) continue;
      const folded = fold(s.text);
      for (const m of folded.matchAll(w.noDuty)) {
        const bearing = classWords(after(folded, m).split(/\s+/).slice(0, 8).join(" "));
        if (bearing.length && !bearing.some((c) => claimed.some((k) => covers(c, k)))) continue;
        return s.text;
      }
    }
  return null;
}

/** Least words of what a claim says a text does not apply to that a passage's « sont exposés : … » must hold. */
export const APPLIES_MIN_SHARED = 2;

/** Characters after « sont exposés » (a list may follow its colon) in which what it names is looked for. */
const APPLIES_REACH = 400;

/**
 * « Le texte X ne s'applique pas aux Y »: a sentence of a passage about X (X named in it, in what its pronouns stand
 * for, or in the passage's heading) that says X applies to the Y (« Sont donc exposés : … les filiales européennes de
 * groupes américains »): the first noun of Y and at least two of its content words, in the list that follows, not
 * negated there.
 */
function appliesAgainst(claim: string, passages: Read[]): string | null {
  const w = patterns();
  const folded = fold(claim);
  const m = [...folded.matchAll(w.notBinding)][0];
  if (!m) return null;
  const subject = claim.slice(0, m.index!);
  const claimed = [...new Set(keywords(after(claim, m)).filter((x) => !/^\d/.test(x)))].map(stem);
  if (claimed.length < APPLIES_MIN_SHARED) return null;
  for (const p of passages) {
    // The passage's body as one text: a list after « sont exposés : » may be cut into sentences of its own.
    const original = p.sentences.map((s) => s.text).join(" ");
    const body = fold(original);
    // Folding keeps the length of a text written with composed letters: the quote is cut from the original then.
    const cut = (at: number, end: number) => (body.length === original.length ? original : body).slice(at, end).trim();
    for (const s of p.sentences) {
      if (!namesSubject(s.about, subject) && !namesSubject(p.heading, subject)) continue;
      const text = fold(s.text);
      for (const a of text.matchAll(w.applies)) {
        const start = body.indexOf(text);
        if (start < 0) continue;
        const from = start + a.index! + a[0].length;
        const rest = body.slice(from, from + APPLIES_REACH);
        // Each item of the list on its own (« - les services … ; - les filiales … »), not negated.
        let at = 0;
        for (const item of rest.split(/(?<=\s[-–•]\s|;|\.\s)/u)) {
          const found = new Set(words(item).map(stem));
          const holds = found.has(claimed[0]!) && claimed.filter((x) => found.has(x)).length >= APPLIES_MIN_SHARED;
          if (holds && !NEGATED.test(item))
            return `${cut(start + a.index!, from)} … ${cut(from + at, from + at + item.length).replace(/[;.\s–•-]+$/u, "")}`;
          at += item.length;
        }
      }
    }
  }
  return null;
}

/**
 * The sentence of the cited passages that says the opposite of a claim, or null: a claim that something still holds
 * against a return or an abandonment, a claim that a text obliges a class against « ne s'applique pas » to it. What
 * the claim says it of is the names before its word (« La ville de Munich » before « toujours », « La loi SREN »
 * before « oblige »), or, for a text that has no name, its words (« Le référentiel régional d'accessibilité »).
 */
export function saidAgainst(claim: string, passages: CitedSentence[][]): string | null {
  const found = passages.map(read);
  // A law said to stop where the data are stored, against a passage that says the place changes nothing.
  const place = placeAgainst(claim, found);
  if (place) return place.length > 240 ? `${place.slice(0, 237)}…` : place;
  // A claim that negates (« ne s'impose pas aux mairies ») says neither that something still holds nor that it binds;
  // it may deny what a passage says the text applies to.
  if (NEGATED.test(claim)) {
    const denied = appliesAgainst(claim, found);
    return denied && denied.length > 240 ? `${denied.slice(0, 237)}…` : denied;
  }
  const against = stillAgainst(claim, found) ?? bindingAgainst(claim, found) ?? noDutyAgainst(claim, found);
  if (!against) return null;
  return against.length > 240 ? `${against.slice(0, 237)}…` : against;
}
