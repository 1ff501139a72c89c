/**
 * A collectivité a question names by its kind (« la mairie de Paris », « la ville de Bordeaux », « la région
 * Nouvelle-Aquitaine ») and the passages that would answer: unless one of them names it as itself, not only to situate
 * something else there (« le salon Open Source Experience à Paris », « Éditeur français (Caen) ») nor inside another
 * name (« Paris-La Défense », « Quimper Bretagne Occidentale »), what they say is another body's fact, which an answer
 * would read as that collectivité's (trial22 T-H7: Munich's 15 000 to 18 000 Linux posts read as Paris's).
 * Words as data: the kinds are `collectivity-kinds.txt`'s, the régions `unheld-divisions.txt`'s, the words that
 * situate `located-names.txt`'s [situer].
 */
import { escapeRegExp, fold } from "../core/text.ts";
import { wordListEntries, wordListLines, wordListSections } from "../i18n/word-lists.ts";
import type { CorpusNames } from "./corpus-names.ts";
import { STOPWORDS } from "./lexicon.ts";
import { withoutReferences } from "./passage-words.ts";

const KINDS = wordListSections("collectivity-kinds.txt");
const foldKind = (e: string) => fold(e).replace(/[-’]/g, (c) => (c === "-" ? " " : "'"));
/**
 * The singular nouns of the kinds, folded (« mairie », « communauté de communes »): a plural is a class. A plural is
 * an entry whose first word, its « s » left out, makes another entry.
 */
function singular(kinds: string[]): string[] {
  const folded = kinds.flatMap((k) => KINDS.get(k) ?? []).map(foldKind);
  return folded.filter((e) => {
    const [first, ...rest] = e.split(" ");
    return !(first!.endsWith("s") && folded.includes([first!.slice(0, -1), ...rest].join(" ")));
  });
}
/** Nouns of a town or of a grouping of towns, named after « de » (« la mairie de Paris », « la métropole de Lyon »). */
const TOWN_NOUNS = new Set(singular(["commune", "intercommunalité"]));
/** Nouns of a département, named after « de », « du », « de la » (« le département de la Gironde »). */
const DEPARTMENT_NOUNS = new Set(singular(["département"]));
const BODY_NOUNS = [...singular(["commune", "intercommunalité", "département", "région"])].sort(
  (a, b) => b.length - a.length,
);

/** The French régions, folded, hyphens as spaces, longest first. */
const REGIONS = wordListEntries("unheld-divisions.txt")
  .map((e) => fold(e).replace(/-/g, " "))
  .sort((a, b) => b.length - a.length);

/**
 * Countries and wide places (`places.txt`, `adjectives-of-places.txt`: the name before « : »), folded, hyphens as
 * spaces: « la troisième ville de France » describes a town, it does not name one.
 */
const COUNTRIES = new Set(
  ["places.txt", "adjectives-of-places.txt"].flatMap((f) =>
    wordListLines(f)
      .filter((l) => l.includes(":"))
      .map((l) => fold(l.split(":")[0]!.trim()).replace(/-/g, " ")),
  ),
);

/** Words right before a name in a passage that give it as the place of something else (« à »), as written. */
const SITUATING = new Set(wordListSections("located-names.txt").get("situer") ?? []);

/**
 * The kind's noun (group 1), not after « de » (« nos agents de mairie »), then « de », « du », « d' » (group 2) or
 * nothing, then the words after it (group 3): where the name goes.
 */
const NAMED = new RegExp(
  `(?<![a-z])(?<!\\bde\\s|\\bd')(${BODY_NOUNS.map(escapeRegExp).join("|")})\\s+(de\\s+(?:la\\s+|l')?|du\\s+|d')?([a-z][a-z' -]*)`,
  "g",
);
/** A definite article, and at most one word after it (« la petite »), right before the noun: one body, the named one. */
const DEFINITE_BEFORE = /(?:^|[\s'])(?:la\s+|le\s+|l')(?:[a-z]+\s+)?$/;

/**
 * The collectivités a question names by their kind, after a definite article (« la mairie de Paris », not « une
 * commune de l'Isère », which situates one it does not name): a région of the list; the word after « de » a town's or
 * grouping's noun (not « du », « de la »: « la commune du Lot-et-Garonne » is situated), or after « de », « du », « de
 * la » a département's, that the question capitalises or the corpus writes as a name (« paris », « bordeaux »);
 * folded, hyphens as spaces. « La région de Toulouse » is an area, not a région's name.
 */
export async function namedCollectivities(question: string, corpusNames?: CorpusNames): Promise<string[]> {
  const folded = fold(question).replace(/’/g, "'");
  const found: string[] = [];
  for (const m of folded.matchAll(NAMED)) {
    if (!DEFINITE_BEFORE.test(folded.slice(0, m.index))) continue;
    const [, noun, prep = "", rest] = m as unknown as [string, string, string | undefined, string];
    const after = ` ${rest.replace(/-/g, " ")} `;
    const region = REGIONS.find((r) => after.startsWith(` ${r} `));
    if (region) {
      found.push(region);
      continue;
    }
    const plainDe = /^(?:de\s+|d')$/.test(prep);
    if (!(TOWN_NOUNS.has(noun) ? plainDe : DEPARTMENT_NOUNS.has(noun) && prep)) continue;
    const word = /^[a-z][a-z-]{2,}/.exec(rest)?.[0];
    if (!word || STOPWORDS.has(word) || COUNTRIES.has(word.replace(/-/g, " "))) continue;
    const capitalised = [...question.matchAll(/[\p{L}-]+/gu)].some((t) => fold(t[0]) === word && /^\p{Lu}/u.test(t[0]));
    if (capitalised || (corpusNames && (await namedByCorpus(word.split("-")[0]!, corpusNames))))
      found.push(word.replace(/-/g, " "));
  }
  return [...new Set(found)];
}

/**
 * Whether the corpus writes a folded word as a name (« Lyon »), or writes it only with its capital, even where that
 * is not read as a name (« éditeur français (Caen) »): after a kind (« la ville de caen »), it is a town's name. Not a
 * word the corpus never writes (the asker's own town: « la mairie de vallorgues »), nor one it writes as a plain word
 * (« la ville de demain »).
 */
async function namedByCorpus(word: string, corpusNames: CorpusNames): Promise<boolean> {
  if (await corpusNames(word)) return true;
  if (!corpusNames.written || !corpusNames.plain) return false;
  return (await corpusNames.written(word)) && !(await corpusNames.plain(word));
}

type Passage = { text: string; section: string; document: { title: string } };

/**
 * Whether a passage names a collectivité (folded words) as itself: somewhere in its title, section or text (its
 * sources' references aside), not right after a word that situates something else there (« à Paris »), not alone in a
 * parenthesis (« (Caen) »), not after a capitalised word of another name (« Quimper Bretagne Occidentale » for the
 * Bretagne), a noun of its kind aside (« Région Bretagne »), nor before a hyphen and a capitalised word (« Paris-La
 * Défense »).
 */
export function namesCollectivity(name: string, r: Passage): boolean {
  const text = `${r.document.title}\n${r.section}\n${withoutReferences(r.text)}`;
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const parts = name.split(" ");
  const capital = (t: RegExpMatchArray | undefined) => !!t && /^\p{Lu}/u.test(t[0]);
  const kind = (t: RegExpMatchArray | undefined) => !!t && BODY_NOUNS.some((n) => n.split(" ").at(-1) === fold(t[0]));
  for (let i = 0; i + parts.length <= tokens.length; i++) {
    if (!parts.every((p, j) => fold(tokens[i + j]![0]) === p)) continue;
    const first = tokens[i]!;
    const last = tokens[i + parts.length - 1]!;
    const before = tokens[i - 1];
    const after = tokens[i + parts.length];
    if (before && SITUATING.has(before[0])) continue;
    const from = first.index!;
    const to = last.index! + last[0].length;
    if (/\(\s*$/.test(text.slice(Math.max(0, from - 3), from)) && /^\s*\)/.test(text.slice(to, to + 3))) continue;
    // « Ville de Paris », « Eurométropole de Strasbourg »: « de » stands between.
    const joinedBefore = before && before.index! + before[0].length === from - 1 && /[-\s]/.test(text[from - 1]!);
    if (before && capital(before) && !kind(before) && joinedBefore) continue;
    // « Paris-La Défense »: a hyphen makes another place; « Millau Grands Causses », « Quimper Bretagne Occidentale »,
    // the town's name opening a body's, are that town's grouping.
    if (after && capital(after) && after.index! - to === 1 && text[to] === "-") continue;
    return true;
  }
  return false;
}

/**
 * The passages of an answer that name the collectivités the question names by their kind (`namedCollectivities`),
 * when some do: another body's page quoted beside them would be read as theirs. All of them otherwise.
 */
export async function onNamedCollectivities<T extends Passage>(
  question: string,
  passages: T[],
  corpusNames?: CorpusNames,
): Promise<T[]> {
  const named = await namedCollectivities(question, corpusNames);
  if (!named.length) return passages;
  const naming = passages.filter((r) => named.some((n) => namesCollectivity(n, r)));
  return naming.length ? naming : passages;
}
