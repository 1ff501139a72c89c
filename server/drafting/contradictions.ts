/**
 * What the corpus says against a claim about others that the sentence checks (`verifyText`) let through because it
 * carries no figure and shares its names with the passages: « X utilise toujours Linux » where a passage says X went
 * back to Windows; « la loi X oblige toutes les communes » where a passage says law X does not apply to collectivités.
 * Each rule reads its words from `server/i18n/fr/claim-*.txt` (data) and answers with the passage's sentence, quoted
 * to the reader as what the corpus says instead. Used by the check of a document's context claims (`claims.ts`).
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { splitSentences } from "../retrieval/passages.ts";

/** Lines of a word list of `server/i18n/fr/`, folded. */
const listOf = (name: string) => wordListLines(name).map(fold);

/** A pattern of phrases on folded text, each as whole words (apostrophes either way, any spacing). */
const phrases = (list: string[]) =>
  new RegExp(
    `(?<!\\p{L})(?:${list.map((p) => escapeRegExp(p).replace(/['’]/g, "['’]\\s*").replace(/\s+/g, "\\s+")).join("|")})(?!\\p{L})`,
    "giu",
  );

let words: {
  still: RegExp;
  returnedTo: RegExp;
  gaveUp: RegExp;
  notBinding: RegExp;
  obliges: RegExp;
  classes: Map<string, Set<string>>;
} | null = null;
const lists = () => {
  words ??= {
    still: phrases(listOf("claim-still.txt")),
    returnedTo: phrases(listOf("claim-returned-to.txt")),
    gaveUp: phrases(listOf("claim-gave-up.txt")),
    notBinding: phrases(listOf("claim-not-binding.txt")),
    obliges: new RegExp(
      `(?<!\\p{L})(?:${listOf("claim-obliges.txt")
        .map((p) => escapeRegExp(p).replace(/['’]/g, "['’]"))
        .join("|")})`,
      "iu",
    ),
    classes: new Map(
      listOf("claim-classes.txt").map((l) => {
        const [name, parts] = l.split(":") as [string, string];
        return [name.trim(), new Set([name.trim(), ...(parts ?? "").split(",").map((p) => p.trim())])];
      }),
    ),
  };
  return words;
};

/** Words that open a name without being one (« La ville de Munich », « L'article 31 de la loi SREN »). */
const NOT_A_NAME = /^(?:le|la|les|l|un|une|des|de|du|d|en|au|aux|et|ou)$/iu;

/** The names of a text: its words written with a capital (« Munich », « SREN », « Linux »), not its articles. */
export function namesIn(text: string): string[] {
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

/** A passage's sentences as a reader sees them: list items apart, without Markdown. */
const sentencesOf = (text: string) =>
  text
    .split(/\n\s*(?:[-*•]|\d+[.)])\s+|\n{2,}/u)
    .flatMap((block) => splitSentences(block.replace(/[*_`]/g, "").replace(/\s+/g, " ")))
    .map((s) => s.trim())
    .filter(Boolean);

export interface CheckedPassage {
  text: string;
  /** The passage's heading (« Munich : pourquoi ce cas compte »): what its sentences speak of. */
  heading: string;
}

/**
 * « X utilise toujours Y »: a sentence of a passage about X (X named in it or in its heading) that says X went back to
 * something that is not Y (« avant de décider en 2017 un retour à Windows »), or gave Y up.
 */
function stillAgainst(claim: string, passages: CheckedPassage[]): string | null {
  const w = lists();
  const at = fold(claim).search(w.still);
  if (at < 0) return null;
  const subject = namesIn(claim.slice(0, at));
  const objects = namesIn(claim.slice(at));
  if (!subject.length || !objects.length) return null;
  // A sentence naming the subject itself first; else one under a heading that names it (« Munich : … »).
  for (const inHeading of [false, true])
    for (const p of passages)
      for (const s of sentencesOf(p.text)) {
        if (!subject.some((n) => named(s, n) || (inHeading && named(p.heading, n)))) continue;
        const folded = fold(s);
        for (const m of folded.matchAll(w.returnedTo))
          if (!objects.some((o) => named(after(folded, m), o)) && namesIn(after(s, m)).length) return s;
        // What was given up, not what for (« a quitté Windows pour Linux »).
        for (const m of folded.matchAll(w.gaveUp))
          if (objects.some((o) => named(after(folded, m).split(FOR)[0]!, o))) return s;
      }
  return null;
}

/** The class words of a text (« communes », « collectivités »), folded. */
function classWords(text: string): string[] {
  const all = new Set([...lists().classes.values()].flatMap((s) => [...s]));
  return (fold(text).match(/[\p{L}]+/gu) ?? []).filter((x) => all.has(x));
}

/** Whether `sentenceClass` (« collectivites ») is `claimClass` (« communes ») or a class that holds it. */
const covers = (sentenceClass: string, claimClass: string) =>
  sentenceClass === claimClass || !!lists().classes.get(sentenceClass)?.has(claimClass);

/**
 * « Le texte X oblige (toutes) les communes à … »: a sentence of a passage naming X that says it does not apply to the
 * communes, or to a class that holds them (« L'article 31 de la loi SREN … ne s'applique pas non plus aux
 * collectivités »).
 */
function bindingAgainst(claim: string, passages: CheckedPassage[]): string | null {
  const w = lists();
  const at = fold(claim).search(w.obliges);
  if (at < 0) return null;
  const subject = namesIn(claim.slice(0, at));
  const claimed = classWords(claim.slice(at));
  if (!claimed.length || !subject.length) return null;
  for (const p of passages)
    for (const s of sentencesOf(p.text)) {
      if (!subject.some((n) => named(s, n))) continue;
      const folded = fold(s);
      for (const m of folded.matchAll(w.notBinding)) {
        const bears = classWords(after(folded, m).split(/\s+/).slice(0, 8).join(" "));
        if (bears.some((c) => claimed.some((k) => covers(c, k)))) return s.trim();
      }
    }
  return null;
}

/**
 * The sentence of `passages` that says the opposite of a claim, or null: a claim that something still holds against
 * a return or an abandonment, a claim that a text obliges a class against « ne s'applique pas » to it. What the claim
 * says it of is the names before its word (« La ville de Munich » before « toujours », « La loi SREN » before
 * « oblige »).
 */
export function contradictingSentence(claim: string, passages: CheckedPassage[]): string | null {
  return stillAgainst(claim, passages) ?? bindingAgainst(claim, passages);
}

let denying: RegExp | null = null;
/**
 * Whether a passage's heading announces what something is not (« DINUM : ce que la décision n'est pas (les 2,5
 * millions de PC de l'État) », « les exagérations de la presse »): the figures it names are those the passage denies.
 */
export function isDenyingHeading(heading: string): boolean {
  denying ??= phrases(listOf("denying-headings.txt"));
  return fold(heading).search(denying) >= 0;
}
