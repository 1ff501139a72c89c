/** Whether a claim crosses names: between coordinated partners, out of their slot, or between described terms. */

import { escapeRegExp } from "../core/text.ts";
import { OPPOSITE_MIN_SHARED } from "./contradiction.ts";
import { figureMatches, QUANTITY } from "./figure-match.ts";
import { extractFigures } from "./figures.ts";
import { POLARITY_MIN_SHARE, polarityClauses } from "./negation.ts";
import { MONTH_NAMES, namesAt, SENTENCE_START_COMMON, wordAt } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import { type Sides, type Source, sameSlot } from "./source-sentences.ts";
import { acronymIn, bagOf, contentWords, inBag, wordLines, words } from "./words.ts";

/**
 * Where a pairing of two names ends: a sentence, a semicolon, a dash, a line, « , et », « tandis que », a colon before
 * a new subject (« … une société britannique : le Royaume-Uni est européen »).
 */
const PAIR_BREAK =
  /[.;!?](?=\s|$)|[;\n]|\s[—–]\s|,\s(?:et|mais|tandis que?|alors que?)(?=[\s'’])|\s:\s+(?=(?:le|la|les|un|une|ce|cette|ces|il|elle|ils|elles|on)\s|l['’])/giu;

/** Names of a text as written together (« Harmonica OS 3.0 », « Gooroom Cloud OS »): each with where it is written. */
function nameGroups(text: string): { name: string; folded: string; at: number; end: number }[] {
  const groups: { name: string; folded: string; at: number; end: number }[] = [];
  for (const n of namesAt(text)) {
    const last = groups.at(-1);
    if (last && n.at >= last.end && /^[\s\d.]*$/.test(text.slice(last.end, n.at))) {
      last.end = n.at + n.name.length;
      last.name = text.slice(last.at, last.end).trim();
      last.folded = words(last.name)
        .filter((w) => !/^\d/.test(w))
        .join(" ");
    } else if (!last || n.at >= last.end) groups.push({ ...n, end: n.at + n.name.length });
  }
  return groups;
}

/** What may join two names said together (« l'Intérieur et la Gendarmerie », « LiMux, Vienne »). */
const COORDINATION = /^[\s,]*(?:(?:et|ou|ni|comme|ainsi que)\s+)?(?:(?:la|le|les|l['’]|de|du|des|d['’])\s*)*$/iu;

/**
 * Each name of a text with its partners: the nearest name before it, at most six words back in the same pairing,
 * with the names coordinated with that one (« le ministère de l'Intérieur et la Gendarmerie utilisent Ubuntu »).
 */
function partners(
  text: string,
  all = false,
): { name: string; folded: string; partners: string[]; partnerName: string; at: number }[] {
  const groups = nameGroups(text);
  const out: { name: string; folded: string; partners: string[]; partnerName: string; at: number }[] = [];
  groups.forEach((n, i) => {
    const p = groups[i - 1];
    if (!p) return;
    const between = text.slice(p.end, n.at);
    if (between.match(PAIR_BREAK) || between.trim().split(/\s+/).length > 6) return;
    const set = [p.folded];
    // With `all` (the sentence checked), every name before it in the same pairing: « Sécurix est un système Linux
    // durci, fondé sur NixOS » pairs NixOS with Sécurix too.
    for (
      let j = i - 2;
      j >= 0 &&
      (all
        ? !text.slice(groups[j]!.end, groups[j + 1]!.at).match(PAIR_BREAK)
        : COORDINATION.test(text.slice(groups[j]!.end, groups[j + 1]!.at)));
      j--
    )
      set.push(groups[j]!.folded);
    // A name inside parentheses after another (« Wazuh (autre approche, États-Unis, libre GPL-2.0-only) ») is said of
    // that one too: a card gives an item's fields in parentheses after its name.
    const open = text.lastIndexOf("(", n.at);
    if (open >= 0 && !text.slice(open, n.at).includes(")")) {
      const owner = groups.findLast((g) => g.end <= open && /^\s*$/.test(text.slice(g.end, open)));
      if (owner && !set.includes(owner.folded)) set.push(owner.folded);
    }
    out.push({ name: n.name, folded: n.folded, partners: set, partnerName: p.name, at: n.at });
  });
  return out;
}

/** A place opening a sentence as its frame, before a comma (« En France, », « Au Danemark, »): the place. */
const FRAME = /^\s*(?:En|Au|Aux|Dans|À)\s+(?:(?:la|le|les)\s+|l['’]\s*)?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)\s*,/u;

/**
 * An apposition set off by commas and opening on a lower-case word (« , ministre délégué chargé de la Réforme de
 * l'État, »): what it says is said of the name before it.
 */
const withoutAppositions = (text: string) => text.replace(/,\s+(?=\p{Ll})[^,;.:()]{1,160},/gu, " ");

/** A word giving the name after it as another name of the same thing (`server/i18n/fr/former-names.txt`), just before it. */
const FORMER_NAME = new RegExp(
  `(?<!\\p{L})(?:${wordLines("former-names.txt").map(escapeRegExp).join("|")})[\\s-]*$`,
  "iu",
);

/** What sets a place right after a name (« AlpOSS, à Grenoble », « le salon, en Isère »). */
const LOCATED_AFTER = /^\s*,?\s*(?:à|au|aux|en|dans)\s+(?:(?:la|le|les)\s+|l['’]\s*)?$/iu;

/**
 * Two names the sentence pairs (a name and the nearest name before it: « Harmonica OS 3.0, dérivé de Debian ») that
 * no cited sentence writes together, where every cited sentence naming the second pairs it with another name of the
 * sentence (« Gooroom Cloud OS, dérivé de Debian »): the sentence crossed two pairs of the passage.
 */
export function crossedNames(stated: string, pool: Source[]): { name: string; other: string; partner: string } | null {
  const sentences = pool.flatMap((s) =>
    s.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)),
  );
  // A capitalised word opening the sentence that the passages write in lower case only is a common noun (« Cofondateur
  // de Lumina Systems, Marc Durand … » for « Marc Durand, cofondateur de Lumina Systems »), not a name to pair.
  const start = /^[\s*_-]*/u.exec(stated)![0].length;
  const commonStart = (g: { name: string; at: number }) =>
    g.at === start &&
    !/\s/.test(g.name) &&
    sentences.some((t) => wordAt(t, g.name.toLowerCase()) >= 0) &&
    !sentences.some((t) => wordAt(t, g.name) > 0);
  const groups = nameGroups(stated).filter((g) => !commonStart(g));
  const all = bagOf(sentences.join(" "));
  const headings = bagOf(pool.flatMap((s) => s.sentences.filter((ss) => ss.inHeading).map((ss) => ss.text)).join(" "));
  const written = [...groups, ...sentences.flatMap((t) => nameGroups(t))].map((g) => g.folded.split(" "));
  const oneName = (a: string, b: string) =>
    written.some((t) => t.length > 1 && [...a.split(" "), ...b.split(" ")].every((x) => t.includes(x)));
  const opening = FRAME.exec(stated);
  const frame = opening ? words(opening[1]!).join(" ") : null;
  const opener = nameGroups(stated).find(commonStart)?.folded;
  for (const mine of partners(stated, true)) {
    // The name the passage pairs it with is named by the sentence further on (« Munich a choisi WienUX, Vienne
    // LiMux »: WienUX is Vienne's), not a name the sentence said before (« L'ANCT et la DINUM contribuent …, et il
    // fait partie de La Suite numérique de l'État »), nor another form of the name itself (« Microsoft 365 »).
    const later = groups.filter((g) => g.at > mine.at).map((g) => g.folded);
    const tokens = new Set(later.flatMap((g) => g.split(" ")));
    const own = new Set(mine.folded.split(" "));
    const named = (x: string) =>
      !x.split(" ").some((t) => own.has(t)) && (later.includes(x) || x.split(" ").every((t) => tokens.has(t)));
    // A place opening the sentence as its frame (« En France, David Amiel affirmait … ») pairs with nothing.
    const paired = mine.partners.filter((p) => p !== frame && p !== opener);
    if (!mine.folded || paired.length === 0 || paired.includes(mine.folded)) continue;
    // The passage's own subject, named by its heading (« Les rythmes observés : la Gendarmerie nationale »), is the
    // actor of what its sentences tell without naming it (« OpenOffice a remplacé Microsoft Office … »): « La
    // Gendarmerie a remplacé Microsoft Office par OpenOffice » pairs them as the passage does (trial17 D13).
    if (paired.every((p) => inBag(p, headings, false))) continue;
    if (!paired.every((p) => inBag(p, all, false))) continue;
    // Items of one enumeration of the passage (« un EDR américain (CrowdStrike, Microsoft Defender for Endpoint,
    // SentinelOne) ») that the sentence also lists together in another order are not pairs (faithful32).
    const theirs = sentences.flatMap((t) =>
      partners(t).filter(
        (p) =>
          p.folded === mine.folded &&
          !p.partners.every((x) => siblings(t, mine.folded, x) && siblings(stated, mine.folded, x)),
      ),
    );
    if (theirs.length === 0) continue;
    // A passage's sentence pairs them once its appositions are set aside (« David Amiel, ministre … de l'État, a
    // annoncé que Visio … »: « État » is said of David Amiel, not of Visio).
    if (
      sentences.some((t) =>
        partners(withoutAppositions(t)).some(
          (p) => p.folded === mine.folded && p.partners.some((x) => paired.includes(x)),
        ),
      )
    )
      continue;
    // A former name (« Brevo, anciennement Sendinblue ») names the same organisation: no pair to cross where a cited
    // sentence writes both names.
    if (
      FORMER_NAME.test(stated.slice(Math.max(0, mine.at - 40), mine.at)) &&
      sentences.some((t) => {
        const bag = bagOf(t);
        return inBag(mine.folded, bag, false) && paired.some((p) => inBag(p, bag, false));
      })
    )
      continue;
    // The place the sentence gives the name just after it (« présents à AlpOSS, à Grenoble »): the sentence pairs
    // them too, as the passage does.
    const next = groups.find((g) => g.at > mine.at);
    const placed = (x: string) =>
      next !== undefined && next.folded === x && LOCATED_AFTER.test(stated.slice(mine.at + mine.name.length, next.at));
    // Two parts of one name (« Office » and « Microsoft » of « Microsoft Office ») are one partner.
    const crossed = (p: (typeof theirs)[number]) =>
      !p.partners.some((x) => mine.partners.some((m) => m === x || oneName(m, x)) || placed(x)) &&
      p.partners.some(named);
    if (theirs.every(crossed) && !relationKept(stated, mine, sentences))
      return { name: mine.name, other: theirs[0]!.partnerName, partner: mine.partnerName };
  }
  return null;
}

/** Least items of an enumeration whose names are siblings rather than pairs (« A, B et C »). */
export const ENUMERATION_MIN_ITEMS = 3;

/** Where an enumeration ends: a parenthesis, a colon, a semicolon, a line, a sentence. */
const ENUMERATION_BREAK = /[():;\n]|[.!?](?=\s|$)/u;

/**
 * Whether two names are items of one enumeration of a text: a run between breaks cut at commas and « et » / « ou »
 * into at least three items, each opening on a name (« CrowdStrike, Microsoft Defender for Endpoint, SentinelOne »).
 */
function siblings(text: string, a: string, b: string): boolean {
  return text.split(ENUMERATION_BREAK).some((run) => {
    const items = run
      .split(/\s*,\s*|\s+(?:et|ou)\s+/u)
      .map((item) => item.trim())
      .filter(Boolean);
    // The first item may open on the words that introduce the list (« HarfangLab EDR remplace directement Microsoft
    // Defender for Endpoint, CrowdStrike Falcon et SentinelOne »): any of its names; the others open on theirs.
    const start = items.findIndex((item) => nameGroups(item).length > 0);
    if (start < 0 || items.length - start < ENUMERATION_MIN_ITEMS) return false;
    const names = items.slice(start).map((item, k) => {
      const groups = nameGroups(item);
      return k === 0 ? groups.map((g) => g.folded) : groups[0]?.at === 0 ? [groups[0].folded] : null;
    });
    if (names.some((n) => n === null)) return false;
    const has = (x: string) =>
      names.some((n) => n!.some((f) => f === x || f.startsWith(`${x} `) || x.startsWith(`${f} `)));
    return has(a) && has(b);
  });
}

/** Content words written just before a name that say how it relates to a name before it (« directeur général de »). */
const RELATION_WORDS = 2;

/**
 * The relation a sentence states between a name and its partner before it (« Vincent Strubel, directeur général de
 * l'ANSSI », « WithSecure est l'ancienne F-Secure Corporation », « Forgejo, publié par … Codeberg »), stated just
 * before the same name by a cited sentence writing both names (« le directeur général de l'ANSSI, Vincent Strubel »,
 * « … cotée à Helsinki, ancienne F-Secure Corporation », « Forgejo (…) : … publié par Codeberg e.V. »): the sentence
 * relates them as the passage does, in whatever order the passage writes them. Names exchanged (« Munich a choisi
 * LiMux, Vienne WienUX ») keep no relation: the words before each name are the other's.
 */
function relationKept(
  stated: string,
  mine: { name: string; folded: string; partners: string[]; partnerName: string; at: number },
  sentences: string[],
): boolean {
  const partnerAt = stated.lastIndexOf(mine.partnerName, mine.at);
  if (partnerAt < 0) return false;
  const between = stated.slice(partnerAt + mine.partnerName.length, mine.at);
  // A figure or a coordination between them (« le CRMA par 412 voix et le NZIA ») lists items: no relation to keep.
  if (/\d|(?<!\p{L})(?:et|ou)(?!\p{L})/u.test(between)) return false;
  const link = bagOf(contentWords(between).join(" "));
  if (link.list.length === 0) return false;
  return sentences.some((t) => {
    const bag = bagOf(t);
    if (!mine.partners.some((p) => inBag(p, bag, false))) return false;
    return nameGroups(t)
      .filter((g) => g.folded === mine.folded)
      .some((g) => {
        const before = t.slice(0, g.at);
        const breaks = [...before.matchAll(PAIR_BREAK)];
        const from = breaks.length > 0 ? breaks.at(-1)!.index! + breaks.at(-1)![0].length : 0;
        return contentWords(before.slice(from))
          .slice(-RELATION_WORDS)
          .some((w) => inBag(w, link, false));
      });
  });
}

/** Names of a text as phrases (« Comptoir du Libre », « MariaDB Server »): capitalised words joined by spaces or « du ». */
function namePhrases(text: string): { name: string; folded: string; at: number; end: number }[] {
  const out: { name: string; folded: string; at: number; end: number }[] = [];
  for (const n of namesAt(text)) {
    const last = out.at(-1);
    if (last && /^(?:\s+|\s+(?:du|de|des|de\s+la)\s+|\s+d['’]\s*)$/u.test(text.slice(last.end, n.at))) {
      last.end = n.at + n.name.length;
      last.name = text.slice(last.at, last.end);
      last.folded = words(last.name).join(" ");
    } else out.push({ ...n, end: n.at + n.name.length });
  }
  return out;
}

/** Words that do not place a name in a sentence (articles, « de », « est »): left out of what is on each side of it. */
const SLOT_SKIPS = new Set("le la les l un une des de du d est sont a au aux et en ete".split(" "));

/** The words on each side of a span of a text, nearest first, up to two, without `SLOT_SKIPS` nor `own`. */
function slotOf(text: string, at: number, end: number, own: Set<string>): Sides {
  const keep = (list: string[]) => list.filter((w) => !SLOT_SKIPS.has(w) && !own.has(w));
  return {
    before: keep(words(text.slice(Math.max(0, at - 120), at)).reverse()).slice(0, 2),
    after: keep(words(text.slice(end, end + 120))).slice(0, 2),
  };
}

/** Least content words (besides names) a claim must share with a sentence writing its other names to compare slots. */
export const NAME_SLOT_MIN_ANCHORED = 2;

/** A token written like a name: a capital, or digits and letters together (« 8x8 », « 3DS »). */
const NAME_LIKE = /(?<![\p{L}\p{N}-])(?:\p{Lu}[\p{L}\p{N}&-]*|\p{N}+\p{L}[\p{L}\p{N}]*)/gu;

/**
 * A name of the passages put where the source sentence carrying the rest of the claim writes another name (« Jitsi
 * Meet appartient depuis octobre 2018 à l'américain Synacor » where the passage says « Jitsi Meet … appartient depuis
 * octobre 2018 à l'américain 8x8 » and gives Synacor to Zimbra): a sentence of the cited passages writes every other
 * name of the claim and most of its other content words (at least three), not this name, and another name (not
 * written by the claim) between the same words.
 */
export function nameOutOfPlace(stated: string, pool: Source[]): { name: string; other: string } | null {
  const phrases = namePhrases(stated);
  const nameWords = new Set(phrases.flatMap((p) => p.folded.split(" ")));
  const content = [...new Set(contentWords(stated))].filter((w) => !nameWords.has(w) && !MONTH_NAMES.test(w));
  const claimed = bagOf(stated);
  const sentences = pool.flatMap((src) => src.sentences.filter((ss) => !ss.inHeading));
  // The claim's quantities that the passages write: a sentence carrying the rest of the claim writes them too (« E7 … à
  // 99 dollars par mois » is not carried by « Copilot … à 30 dollars par mois »).
  const writes = (f: ReturnType<typeof extractFigures>[number]) =>
    sentences.some((ss) => ss.figures.some((sf) => figureMatches(f, sf)));
  const written = extractFigures(stated).filter((f) => QUANTITY.has(f.kind) && writes(f));
  // … and its years, for a sentence writing the name to carry the claim (« fondé en 2018 », not « fondé en 2010 »).
  const dated = extractFigures(stated).filter((f) => f.kind === "year" && writes(f));
  for (const p of phrases) {
    if (!p.folded || !pool.some((src) => inBag(p.folded, src.bag))) continue;
    const others = phrases.filter((o) => o !== p && o.folded);
    // Another name of the claim written in the same sentence anchors it: two other words suffice then.
    const least = others.length > 0 ? NAME_SLOT_MIN_ANCHORED : OPPOSITE_MIN_SHARED;
    if (content.length < least) continue;
    const need = Math.max(least, Math.ceil(content.length * POLARITY_MIN_SHARE));
    const carries = (ss: (typeof sentences)[number]) =>
      written.every((f) => ss.figures.some((sf) => figureMatches(f, sf))) &&
      others.every((o) => inBag(o.folded, ss.own, false)) &&
      content.filter((w) => inBag(w, ss.said)).length >= need;
    // A cited sentence writing the name itself carries the claim too (« - **HarfangLab** : éditeur français d'EDR fondé
    // en 2018 » beside « - **Tehtris** : éditeur français … fondé en 2010 »): the passage says it of this name
    // (faithful32).
    if (
      sentences.some(
        (ss) =>
          inBag(p.folded, ss.said, false) &&
          carries(ss) &&
          dated.every((f) => ss.figures.some((sf) => figureMatches(f, sf))),
      )
    )
      continue;
    const carriers = sentences.filter((ss) => !inBag(p.folded, ss.said, false) && carries(ss));
    if (carriers.length === 0) continue;
    const mine = slotOf(stated, p.at, p.end, new Set(p.folded.split(" ")));
    // Where the passages write the name itself, outside the carriers: its own sentences and slots.
    const homes = sentences.filter((ss) => inBag(p.folded, ss.said, false)).map((ss) => withoutReferences(ss.text));
    const slotsOf = (text: string, folded: string) =>
      namePhrases(text)
        .filter((x) => x.folded === folded)
        .map((x) => slotOf(text, x.at, x.end, new Set(folded.split(" "))));
    for (const ss of carriers) {
      const text = withoutReferences(ss.text);
      for (const m of text.matchAll(NAME_LIKE)) {
        const folded = words(m[0]).join(" ");
        if (!folded || SENTENCE_START_COMMON.test(m[0]) || MONTH_NAMES.test(m[0]) || inBag(folded, claimed, false))
          continue;
        // Another form of the same name (« AP » for « Associated Press », « FNL »): not a swap.
        const span = namePhrases(text).find((x) => x.at <= m.index! && m.index! < x.end);
        const phrase = span?.folded ?? folded;
        if (acronymIn(p.folded.replace(/ /g, ""), bagOf(phrase)) || acronymIn(folded, bagOf(p.folded))) continue;
        if (!sameSlot(mine, slotOf(text, m.index!, m.index! + m[0].length, new Set(folded.split(" "))))) continue;
        // The two names are items of one kind in the passages: in one sentence (a list), both opening their line or
        // sentence (« - **SILL** : … », « - **Comptoir du Libre** : … »), or after or before the same word (« à
        // l'américain 8x8 », « à l'américain Synacor »); not a paraphrase of one name by another (« Bruxelles » for
        // « la Commission »).
        const theirs = span
          ? slotOf(text, span.at, span.end, new Set(phrase.split(" ")))
          : slotOf(text, m.index!, m.index! + m[0].length, new Set(folded.split(" ")));
        const opens = (x: Sides) => x.before.length === 0;
        const parallel =
          homes.some((h) => wordAt(h, m[0]) >= 0) ||
          homes.some((h) =>
            slotsOf(h, p.folded).some(
              (x) =>
                (opens(x) && opens(theirs)) ||
                (x.before[0] !== undefined && x.before[0] === theirs.before[0]) ||
                (x.after[0] !== undefined && x.after[0] === theirs.after[0]),
            ),
          );
        if (parallel) return { name: p.name, other: m[0] };
      }
    }
  }
  return null;
}

/** A term a source describes with a relative clause (« : l'élu, qui donne le cap et valide la direction ; »). */
const DESCRIBED_TERM = /(?:^|[:;]\s*|,\s+(?=(?:le|la|les|l['’])))([^,;:.()]{2,60}?),\s+qui\s+([^;.]+)/giu;

/** Least words of a term's description a clause must state for the descriptions of two terms to be compared. */
export const ROLE_MIN_WORDS = 3;

/**
 * A term of the passages given what they say of another term (« L'élu porte le projet, convainc, pilote et forme »
 * where the passage says « l'élu, qui donne le cap et valide la direction ; le DSI ou chef de projet, qui porte le
 * projet, convainc, pilote et forme »): a clause opens with the term and states most of the other term's description
 * (at least three words) and almost nothing of its own. The two terms, or null.
 */
export function termsSwapped(stated: string, pool: Source[]): { name: string; other: string } | null {
  const described = pool.flatMap((src) =>
    src.sentences.flatMap((ss) =>
      [...withoutReferences(ss.text).matchAll(DESCRIBED_TERM)].map((m) => ({
        term: m[1]!.trim(),
        words: [...new Set(contentWords(m[1]!))],
        bag: bagOf(m[2]!),
      })),
    ),
  );
  if (described.length < 2) return null;
  for (const clause of polarityClauses(stated)) {
    const opening = words(clause).slice(0, 8);
    for (const own of described) {
      if (own.words.length === 0 || !own.words.every((w) => opening.includes(w))) continue;
      const rest = [...new Set(contentWords(clause))].filter((w) => !own.words.includes(w));
      if (rest.length < ROLE_MIN_WORDS) continue;
      if (rest.filter((w) => inBag(w, own.bag)).length >= 2) continue;
      const need = Math.max(ROLE_MIN_WORDS, Math.ceil(rest.length * POLARITY_MIN_SHARE));
      const other = described.find(
        (d) =>
          d !== own &&
          !d.words.every((w) => own.words.includes(w)) &&
          rest.filter((w) => inBag(w, d.bag)).length >= need,
      );
      if (other) return { name: own.term, other: other.term };
    }
  }
  return null;
}
