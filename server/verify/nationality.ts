/** Whether a claim gives a name the nationality or place its sources give. */
import { escapeRegExp } from "../core/text.ts";
import { stem } from "../retrieval/french.ts";
import { namesWithEnds } from "./proper-nouns.ts";
import { ADJECTIVE_PLACES, type Bag, bagOf, contentWords, inBag, WEAK, wordLines, words } from "./words.ts";

/**
 * Wide places and the countries they contain (`server/i18n/fr/places-within.txt`, data), folded: « européen » says
 * nothing against « allemand », but against « américain ».
 */
const WITHIN: Map<string, Set<string>> = new Map(
  wordLines("places-within.txt").map((line) => {
    const [wide, countries] = line.split(":") as [string, string];
    return [words(wide).join(" "), new Set(countries.split(",").map((c) => words(c).join(" ")))];
  }),
);

/** The places an adjective of nationality names (`adjectives-of-places.txt`): its countries, or else its wide places. */
const placesOf = (adjective: string) => {
  const all = ADJECTIVE_PLACES.get(adjective) ?? [];
  const narrow = all.filter((p) => !WITHIN.has(p));
  return narrow.length > 0 ? narrow : all;
};

/** Two places that agree: the same, or one within the other (« Europe » and « Allemagne »). */
const agree = (a: string, b: string) => a === b || !!WITHIN.get(a)?.has(b) || !!WITHIN.get(b)?.has(a);

interface Adjective {
  folded: string;
  written: string;
  /** The places it names (`placesOf`), or the place itself for a country written by its name. */
  places: string[];
}

/** A written word as an adjective: folded, and as written without its elision (« l'américain » → « américain »). */
const adjective = (w: string): Adjective => {
  const bare = w.replace(/^.*['’]/u, "");
  const folded = words(bare).join(" ");
  return { folded, written: bare.replace(/[^\p{L}-]+/gu, ""), places: placesOf(folded) };
};

/** An apposition right after a name, set off by commas (« Grist, le tableur de La Suite numérique, est … »). */
const APPOSITION =
  /^\s*,\s+(?:le|la|les|l['’]|un|une|des|son|sa|ses|lui-même|elle-même|libre|outil|logiciel)[^,;:.()]{0,80},/iu;

/**
 * Countries written by their names in an aside right after a name (« Jitsi Meet (remplacement direct, États-Unis, …) »),
 * or after the longer name of a product it opens (« Nextcloud Hub (remplacement partiel, Allemagne, …) » for
 * « Nextcloud », trial24 T-H2).
 */
function placesInAside(text: string, end: number): Adjective[] {
  const aside = /^(?:\s+\p{Lu}[\p{L}\p{N}.-]*){0,2}\s*\(([^()]*)\)/u.exec(text.slice(end));
  if (!aside) return [];
  return aside[1]!
    .split(/\s*,\s*/u)
    .map((part) => words(part).join(" "))
    .filter((folded) => ADJECTIVE_PLACES.has(folded) === false && COUNTRIES.has(folded))
    .map((folded) => ({
      folded,
      written: aside[1]!.split(/\s*,\s*/u).find((p) => words(p).join(" ") === folded)!,
      places: [folded],
    }));
}

/** « développé par », « publié par »: who makes a product, its country named after (`maker-verbs.txt`). */
const MAKER = new RegExp(
  `(?<!\\p{L})(?:${wordLines("maker-verbs.txt")
    .map((v) => escapeRegExp(v))
    .join("|")})(?:e|s|es)?\\s+par\\s`,
  "iu",
);

/**
 * The countries a passage gives a name through its maker, in the name's sentence after it (« Zammad est développé par
 * Zammad GmbH, société enregistrée en Allemagne », a card's « Mattermost (…) : …, publié par Mattermost Inc.
 * (États-Unis) »): each country named by its name or its adjective after the maker's verb, before the clause ends.
 */
function makerPlaces(text: string, end: number): Adjective[] {
  const rest = text.slice(end).split(/[;\n]|\.\s+(?=\p{Lu})(?!\p{Lu}[\p{L}-]*\))/u)[0]!;
  const verb = MAKER.exec(rest.slice(0, 120));
  if (!verb) return [];
  const after = rest.slice(verb.index + verb[0].length, verb.index + verb[0].length + 120);
  const tokens = after
    .split(/[\s(),]+/u)
    .map((t) => t.replace(/[.;:!?»]+$/u, ""))
    .filter((t) => /\p{L}/u.test(t));
  const out: Adjective[] = [];
  for (let i = 0; i < tokens.length; i++)
    for (const size of [3, 2, 1]) {
      const written = tokens.slice(i, i + size).join(" ");
      const folded = words(written.replace(/^.*['’]/u, "")).join(" ");
      if (!folded) continue;
      if (ADJECTIVE_PLACES.has(folded)) out.push(adjective(written));
      else if (COUNTRIES.has(folded) && !WITHIN.has(folded)) out.push({ folded, written, places: [folded] });
      else continue;
      i += size - 1;
      break;
    }
  return out.filter((a) => a.places.length > 0);
}

/** Every place of `adjectives-of-places.txt` (folded), wide ones too. */
const COUNTRIES = new Set([...ADJECTIVE_PLACES.values()].flat());

/**
 * The adjectives of nationality a text gives a name written from `at` to `end`: the word right before it (« l'allemand
 * ASML », « le néerlandais ASML »), and the first within the five words after it (past an apposition between commas:
 * « Grist, le tableur de La Suite numérique, est … canadien »), in its clause and before another name and the word
 * right before it (« Proton Mail, un fournisseur suisse »; not « Hirschmann appartient à l'américain Belden »); and a
 * country written in an aside right after it (a catalog card's « Jitsi Meet (remplacement direct, États-Unis) »).
 */
function adjectivesOf(text: string, at: number, end: number): Adjective[] {
  const named = (a: Adjective) => a.places.length > 0;
  const before = /(?<!\p{L})(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, at - 40), at));
  const firstAfter = (from: number) =>
    text
      .slice(from, from + 400) // five words at most: a window, not the whole rest of the text for each name
      .split(/[;:.()]|\s[—–]\s|(?<![\p{L}\p{N}])(?:[\p{L}'’-]+\s+)?(?=\p{Lu})/u)[0]!
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 5)
      .map(adjective)
      .find(named);
  // In an apposition (« Tutanota, un fournisseur allemand, … »), else past it (« Grist, le tableur de La Suite
  // numérique, est … canadien »).
  const apposition = APPOSITION.exec(text.slice(end));
  const after = firstAfter(end) ?? (apposition ? firstAfter(end + apposition[0].length) : undefined);
  return [
    ...(before ? [adjective(before[1]!)].filter(named) : []),
    ...(after ? [after] : []),
    ...placesInAside(text, end),
    ...itemPlaces(text, end),
  ];
}

/**
 * The country of a list item whose maker the list writes in parentheses after it (« kSuite (Infomaniak) (remplacement
 * partiel, Suisse) », faithful-blind-8): for the maker's name, the country in the item's aside, by its name or adjective.
 */
function itemPlaces(text: string, end: number): Adjective[] {
  const aside = /^\)\s*\(([^()]*)\)/u.exec(text.slice(end));
  if (!aside) return [];
  return aside[1]!
    .split(/\s*,\s*/u)
    .map((part) => ({ part, folded: words(part).join(" ") }))
    .filter(({ folded }) => COUNTRIES.has(folded) && !WITHIN.has(folded))
    .map(({ part, folded }) => ({ folded, written: part, places: [folded] }));
}

/**
 * A name given another country than the cited passages give it, the adjective before the name or after it (« mené par
 * l'allemand ASML » where the passage says « mené par le néerlandais ASML » ; « Proton Mail, un fournisseur américain »
 * where it says « Proton Mail, un fournisseur suisse »; « Nutanix est une société européenne » where it says
 * « américaine »): the claim's adjective names no place that agrees with those the passages give beside the same name
 * (a wide place agrees with the countries it contains: `places-within.txt`), and they give at least one. When they give
 * none, a country they do not name at all (« Grist … d'origine canadienne » where the passage names no Canada) is not
 * theirs either (`other` is then null). The name, the claim's adjective and the passages' one, as written; or null.
 */
export function nationalityReplaced(
  claim: string,
  texts: string[],
  bags: Bag[] = [],
): { name: string; adjective: string; other: string | null } | null {
  return namedNationality(claim, texts, bags) ?? nounNationality(claim, texts);
}

/** Words between a noun and what completes it (« société allemande de support »). */
const OF = new Set(["de", "d", "du", "des"]);
/** Least content words a claim shares with the passage's sentence when the noun has nothing after its adjective. */
export const NOUN_NATIONALITY_MIN_SHARED = 2;

/** A text's words with their folded form, as written. */
const tokens = (text: string) =>
  [...text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)].map((m) => ({
    written: m[0],
    folded: words(m[0]).join(" "),
    at: m.index,
  }));

/** A noun in apposition to a name (« Passbolt, éditeur luxembourgeois »): the name's nationality, `namedNationality`'s. */
const APPOSED = /\p{Lu}[\p{L}\p{N}.-]*\)?\s*,\s*(?:(?:un|une|le|la|l['’])\s*)?$/u;

/**
 * A common noun given another nationality than the cited passages give the same noun (faithful-blind-2: « une société
 * française de support » where the passage says « une société allemande de support »): the noun right before the
 * adjective, and what completes it after « de » when the claim writes it, the passages write with an adjective of
 * another country, and with none agreeing. Without a completion, the passage's sentence must share at least two other
 * content words with the claim (what it is about: « le rachat … fonds américain » for « si le rachat se réalise, … un
 * fonds britannique »).
 */
function nounNationality(claim: string, texts: string[]): { name: string; adjective: string; other: string } | null {
  const mine = tokens(claim);
  for (let k = 1; k < mine.length; k++) {
    const adj = mine[k]!;
    const noun = mine[k - 1]!;
    if (!ADJECTIVE_PLACES.has(adj.folded) || WEAK.has(noun.folded) || contentWords(noun.folded).length === 0) continue;
    if (ADJECTIVE_PLACES.has(noun.folded) || /^\p{Lu}/u.test(noun.written)) continue;
    if (APPOSED.test(claim.slice(0, noun.at))) continue;
    const next = OF.has(mine[k + 1]?.folded ?? "") ? mine[k + 2] : undefined;
    const nextStem = next && contentWords(next.folded).length > 0 ? stem(next.folded) : null;
    const about = contentWords(claim).filter((w) => w !== noun.folded && w !== adj.folded && !ADJECTIVE_PLACES.has(w));
    const places = placesOf(adj.folded);
    const theirs: string[] = [];
    for (const t of texts) {
      const list = tokens(t);
      const bag = bagOf(t);
      if (!nextStem && about.filter((w) => inBag(w, bag)).length < NOUN_NATIONALITY_MIN_SHARED) continue;
      list.forEach((x, i) => {
        if (i === 0 || stem(list[i - 1]!.folded) !== stem(noun.folded) || !ADJECTIVE_PLACES.has(x.folded)) return;
        if (nextStem && !(OF.has(list[i + 1]?.folded ?? "") && stem(list[i + 2]?.folded ?? "") === nextStem)) return;
        theirs.push(x.written);
        if (placesOf(x.folded).some((p) => places.some((q) => agree(p, q)))) theirs.push("");
      });
    }
    if (theirs.length > 0 && !theirs.includes(""))
      return {
        name: next ? `${noun.written} … ${next.written}` : noun.written,
        adjective: adj.written,
        other: theirs[0]!,
      };
  }
  return null;
}

function namedNationality(
  claim: string,
  texts: string[],
  bags: Bag[],
): { name: string; adjective: string; other: string | null } | null {
  // A sentence cut after an abbreviation (« publié par Mattermost Inc. » | « (États-Unis). ») goes on in its aside.
  const joined = texts.reduce<string[]>((out, t) => {
    if (out.length > 0 && /^\s*\(/u.test(t)) out[out.length - 1] = `${out.at(-1)} ${t}`;
    else out.push(t);
    return out;
  }, []);
  for (const n of namesWithEnds(claim)) {
    const mine = adjectivesOf(claim, n.at, n.end);
    if (mine.length === 0) continue;
    const written = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n.name)}(?![\\p{L}\\p{N}])`, "gu");
    const theirs = joined.flatMap((t) =>
      [...t.matchAll(written)].flatMap((m) => {
        // A name written with its final apostrophe (« Teclib' (France) », faithful-blind-23) ends after it.
        const end = m.index! + m[0].length + (/^['’]/u.test(t.slice(m.index! + m[0].length)) ? 1 : 0);
        const own = adjectivesOf(t, m.index!, end);
        return own.length > 0 ? own : makerPlaces(t, end);
      }),
    );
    if (theirs.length === 0) {
      // A country (not a wide place) that no cited passage names, by name or adjective, nor by a place containing it.
      const unnamed = mine.find(
        (a) =>
          a.places.every((p) => !WITHIN.has(p)) &&
          bags.length > 0 &&
          !a.places.some((p) =>
            [p, ...[...WITHIN].filter(([, c]) => c.has(p)).map(([w]) => w)].some((x) =>
              bags.some((b) => inBag(x, b, false) || (PLACE_NAMES.get(x) ?? []).some((adj) => inBag(adj, b, false))),
            ),
          ),
      );
      const once = new RegExp(written.source, "u");
      if (unnamed && joined.some((t) => once.test(t))) return { name: n.name, adjective: unnamed.written, other: null };
      continue;
    }
    const own = mine.find((a) => !a.places.some((p) => theirs.some((x) => x.places.some((q) => agree(p, q)))));
    if (own) return { name: n.name, adjective: own.written, other: theirs[0]!.written };
  }
  return null;
}

/**
 * Folded place → the folded adjectives that name it as `placesOf` reads them (« américain » names the United States,
 * not America).
 */
const PLACE_NAMES: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const adj of ADJECTIVE_PLACES.keys()) for (const p of placesOf(adj)) out.set(p, [...(out.get(p) ?? []), adj]);
  return out;
})();

/** City → the country it is in, folded (`server/i18n/fr/cities-of-countries.txt`). */
const CITIES: [string, string][] = wordLines("cities-of-countries.txt").map((line) => {
  const [city, country] = line.split(":") as [string, string];
  return [words(city).join(" "), words(country).join(" ")];
});

/**
 * Whether a wide place of a sentence (« Europe », folded) is named by the passages through a place within it: one of
 * its countries, by its name or adjective, or a city of one of them (« même hébergées en Europe » for « un centre de
 * données à Paris, Francfort ou Dublin »).
 */
export function widePlaceNamed(folded: string, bags: Bag[]): boolean {
  const within = WITHIN.get(folded);
  if (!within) return false;
  return bags.some(
    (b) =>
      [...within].some((c) => inBag(c, b, false) || (PLACE_NAMES.get(c) ?? []).some((adj) => inBag(adj, b, false))) ||
      CITIES.some(([city, country]) => within.has(country) && inBag(city, b, false)),
  );
}

/** Whether a sentence gives something a nationality or a country of origin (« il est suisse », « entreprise américaine »). */
export const statesNationality = (sentence: string) => words(sentence).some((w) => ADJECTIVE_PLACES.has(w));
