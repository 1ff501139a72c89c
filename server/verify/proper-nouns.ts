/** The proper nouns a sentence writes (capitalised words and their offsets; sentence starts and months aside). */
import { escapeRegExp } from "../core/text.ts";
import { fold } from "../retrieval/french.ts";
import { wordList, words } from "./words.ts";

export const SENTENCE_START_COMMON =
  /^(Le|La|Les|Un|Une|Des|Ce|Cette|Ces|Il|Elle|Ils|Elles|On|Nous|Vous|Je|En|Au|Aux|Pour|Par|Dans|Selon|Depuis|Avec|Sur|Si|Mais|Et|Ou|Cela|Ceci|Leur|Son|Sa|Ses|Notre|Nos|Votre|Vos|Madame|Monsieur|Enfin|Ainsi|De|Du|À|A|Oui|Non|Pas|Plus|Toutefois|Cependant|Néanmoins|Quant|Chaque|Tout|Tous|Toutes|Certains|Certaines|Aucun|Aucune|Lors|Après|Avant|Entre|Face|Grâce|Outre|Parmi|Sans|Sous|Vers|Voici|Voilà|Dès|Quand|Comme|Puis|Alors|Donc|Car|Bien|Même|Seul|Seule|Première|Premier|Deuxième|Troisième|Étape|Phase|Objectif|Calendrier|Source|Sources|Note|Objet)$/;
export const MONTH_NAMES = /^(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)$/i;

/** Capitalised words past the start of the sentence, and acronyms: names of organisations, places, people. */
export function namesOf(sentence: string): string[] {
  const out = new Set<string>();
  // Table cells, list items and bold labels start like sentences; so does what follows an ellipsis (« entre 15 000 et
  // 18 000 postes … La ville a fait état … », a quote that leaves out the end of a sentence).
  for (const segment of sentence
    .replace(/\[\d+\]/g, " ")
    .split(/\||^\s*[-*•]\s|\*\*|^\s*\d+[.)]\s|[«»"“”]|…\s+(?=\p{Lu})/mu))
    namesOfSegment(segment, out);
  return [...out];
}

function namesOfSegment(segment: string, out: Set<string>): void {
  const clean = segment.replace(/[*_`#>]/g, " ");
  // « AT&T » is one name: « & » between capitals stays inside it.
  const tokens = clean.split(/(?:(?<!\p{Lu})&|&(?!\p{Lu})|[^\p{L}\p{N}'’&-])+/u).filter(Boolean);
  tokens.forEach((raw, i) => {
    const token = raw.replace(/^([cdjlmnst]|qu)['’]/i, "").replace(/['’-]+$/, "");
    if (!/^\p{Lu}/u.test(token) || token.length < 2 || MONTH_NAMES.test(token)) return;
    if (i === 0 && (SENTENCE_START_COMMON.test(token) || !/^\p{Lu}[\p{Lu}\d]/u.test(token))) return;
    if (SENTENCE_START_COMMON.test(token) && i === 0) return;
    if (/^(Je|Madame|Monsieur|Mesdames|Messieurs)$/.test(token)) return;
    out.add(token);
  });
}

/** Where a name is written as a word of its own in a text (not inside a longer word). */
export const wordAt = (text: string, name: string, from = 0) => {
  const m = new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(name)}(?![\\p{L}\\d])`, "u").exec(text.slice(from));
  return m ? from + m.index : -1;
};

/**
 * Names of a text with where each is written: capitalised words and acronyms, at the start of a sentence too
 * (« Munich a choisi … »), not the common words that open one (« Le », « En ») nor months.
 */
export function namesAt(text: string): { name: string; folded: string; at: number }[] {
  const out: { name: string; folded: string; at: number }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}-])\p{Lu}[\p{L}\p{N}&-]*/gu)) {
    const name = m[0].replace(/-+$/, "");
    if (name.length < 2 || MONTH_NAMES.test(name) || SENTENCE_START_COMMON.test(name)) continue;
    if (/^(?:Je|Madame|Monsieur|Mesdames|Messieurs|Il|Elle|Ils|Elles)$/.test(name)) continue;
    out.push({ name, folded: words(name).join(" "), at: m.index! });
  }
  return out;
}

/** Names of a text as runs of capitalised words (« Proton Mail », « ASML »), with where each starts and ends. */
export function namesWithEnds(text: string): { name: string; at: number; end: number }[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&-]*(?:\s+\p{Lu}[\p{L}\p{N}&-]*)*/gu)].map((m) => ({
    name: m[0],
    at: m.index!,
    end: m.index! + m[0].length,
  }));
}

/** Verbs after a subject (`server/i18n/fr/subject-verbs.txt`, folded): « a », « est », « utilise », « remplace »… */
const SUBJECT_VERBS = new Set(wordList("subject-verbs.txt").map((w) => fold(w)));
/** Words that open a sentence before a verb without being a name (`server/i18n/fr/opening-not-names.txt`), folded. */
const OPENING_NOT_NAMES = new Set(wordList("opening-not-names.txt").map((w) => fold(w)));

/**
 * The name a sentence opens with, as the subject of its verb (« Échirolles a montré … », « Munich n'a jamais … »,
 * « Lyon utilise … »): a capitalised word, without article, right before a verb of `subject-verbs.txt` (a negation
 * between them). `namesOf` leaves the first word of a sentence aside (it may be a common word with its capital); before
 * such a verb it is the subject, a name unless a pronoun (`opening-not-names.txt`). Null when the sentence does not open
 * so, or opens with an acronym (`namesOf` takes it).
 */
export function openingName(sentence: string): string | null {
  const m = /^[\s>*_#•-]*(?:\d+[.)]\s+)?[«"“]?\s*(\p{Lu}[\p{L}'’-]*)\s+(?:(?:ne\s+|n['’]))?(\p{L}+)(?![\p{L}'’])/u.exec(
    sentence.replace(/\[\d+\]/g, " "),
  );
  if (!m) return null;
  const name = m[1]!.replace(/['’-]+$/, "");
  if (name.length < 3 || /['’]/.test(name) || /^\p{Lu}[\p{Lu}\d]/u.test(name)) return null;
  if (SENTENCE_START_COMMON.test(name) || MONTH_NAMES.test(name) || OPENING_NOT_NAMES.has(fold(name))) return null;
  // « à » folds to « a »: a preposition (« Contrairement à ce que … »), not the verb.
  return SUBJECT_VERBS.has(fold(m[2]!)) && m[2]!.toLowerCase() !== "à" ? name : null;
}
