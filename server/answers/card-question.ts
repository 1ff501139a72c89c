/**
 * A question about one product of the catalog (« SurveyMonkey pour nos sondages, c'est quel genre d'outil ? »,
 * « ServiceNow, c'est basé où ? », « un outil d'Esri pour les relevés sur mobile, c'est lequel ? ») is answered by its
 * card: what kind of tool it is, its vendor, who controls it and from where, the laws that reach it, what replaces
 * it. The card is found by the name the question writes (a product's name or inventory alias, a vendor's or an
 * alternative's name), or by its vendor and what it is used for; the question is answered by it when every word of
 * what it asks is on the card (or its vendor's), or is one of the fields a card answers without writing the word
 * (`i18n/fr/card-questions.txt`: « genre », « basé », « pays »…). A figure, a date or a person (« combien coûte… »,
 * « qui dirige… ») is never on a card: such a question is judged as any other.
 */
import { fold } from "../core/text.ts";
import { editionNames } from "../corpus/catalog.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { apposedPremise } from "../retrieval/claimed-event.ts";
import { DEMONYMS, readSections, stem, words } from "../retrieval/french.ts";
import { isSubjectPage } from "../retrieval/rank.ts";
import { type Answerability, keywords, occurs, passageWords, questionTerms } from "../retrieval/relevance.ts";
import { type SearchResult, searchResultOf } from "../retrieval/search.ts";
import { isCardOf, vendorNamed } from "../retrieval/vendor-card.ts";
import type { ChunkStore, StoredChunk } from "../store/types.ts";

const SECTIONS = readSections("card-questions.txt");
const section = (name: string) => SECTIONS.get(name) ?? [];
/** What a card says of the vendor: who makes it, who controls it, from where, the laws that reach it. */
const VENDOR_ASKED = section("éditeur");
const ASKED = [...section("nature"), ...VENDOR_ASKED, ...section("remplacement")];
/** « c'est lequel ? »: which product of a vendor the question names. */
const WHICH = section("désignation");
const NOT_ON_CARD = section("hors fiche");
/** How a DSI designates in speech what they just named (« ce truc », « cette boîte »). */
const SPOKEN = section("parlé");
/** Who, at the asker's, speaks of the product (« le nouveau DGS en parle »): context, never asked of a card. */
const ASKER_ROLES = section("usager");
/** A demonstrative pointing back to the name just written (« c'est quoi cette boîte ? »). */
const DEMONSTRATIVE = new Set(section("démonstratif").map((e) => e.join(" ")));
/** What makes the name written right after it the reference of something else asked (« en même temps que Hikvision »). */
const REFERENCE = section("référence");
/** Where the asker uses the product (« au bureau d'études »): not a word of « hors fiche » asking anything. */
const ASKER_PLACES = section("lieu de l'usager");

/** Words of a data file of `i18n/fr/` (several per line, « # » lines are comments), as stems. */
const stems = (file: string) =>
  new Set(
    wordListLines(file)
      .flatMap((l) => words(l))
      .map(stem),
  );
/** The domain's general words and a question's frame (« commune », « logiciel », « outil »): never what is asked of a card. */
const GENERAL = new Set([
  ...stems("generic-words.txt"),
  ...stems("frame-words.txt"),
  ...stems("entity-frame.txt"),
  ...[...SPOKEN, ...ASKER_ROLES].filter((e) => e.length === 1).map((e) => stem(e[0]!)),
]);
/** The domain's words (« cloud », « messagerie »): never a name on their own. */
const DOMAIN = stems("domain-words.txt");
const SPOKEN_STEMS = new Set(SPOKEN.filter((e) => e.length === 1).map((e) => stem(e[0]!)));
const ASKED_STEMS = new Set(ASKED.filter((e) => e.length === 1).map((e) => stem(e[0]!)));
const WHICH_STEMS = new Set(WHICH.map((e) => stem(e[0]!)));

const holdsPhrase = (list: string[], phrases: string[][]) =>
  phrases.some((e) => list.some((_, i) => e.every((w, j) => list[i + j] === w)));

/** Words of a text with their written form: « d'Esri » → « d », « Esri ». */
const tokens = (text: string) =>
  [...text.replace(/[’]/g, "'").matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ raw: m[0], word: fold(m[0]), at: m.index }));

/**
 * The question without the phrases that say where the asker uses the product (« MicroStation au bureau d'études,
 * … »): a word of « hors fiche » in them (« bureau ») asks nothing of the card.
 */
export function withoutAskerPlaces(question: string): string {
  const list = tokens(question).filter((t) => t.word.length > 1);
  const cuts: [number, number][] = [];
  for (const phrase of ASKER_PLACES)
    for (let i = 0; i + phrase.length <= list.length; i++)
      if (phrase.every((w, j) => list[i + j]!.word === w)) {
        const last = list[i + phrase.length - 1]!;
        cuts.push([list[i]!.at, last.at + last.raw.length]);
      }
  return cuts.sort((a, b) => b[0] - a[0]).reduce((text, [a, b]) => `${text.slice(0, a)}${text.slice(b)}`, question);
}

/**
 * « c'est quoi ce truc ? », « c'est quoi cette boîte ? »: what the question asks points back, by a demonstrative and
 * a spoken word, to the name it wrote; what comes before it is the asker's context.
 */
export function pointsBack(asking: string): boolean {
  const list = words(asking);
  return list.some((w, i) => DEMONSTRATIVE.has(w) && i + 1 < list.length && SPOKEN_STEMS.has(stem(list[i + 1]!)));
}

type Term = ReturnType<typeof questionTerms>[number];
/**
 * « est-il européen ? », « il est finlandais ? », « est-ce que Zoom est un logiciel chinois ? »: the card's country
 * answers it, whichever country the question names (not « les communes suisses », nor the asker's context).
 * « tchèque ou russe ? »: a choice between two nationalities asks the card's country too.
 */
const asksNationality = (t: Term, question: string) =>
  (!!t.nationality || DEMONYMS.has(t.word)) && !t.attributive && (!!t.choice || (!t.context && adjective(t, question)));

/**
 * Whether a nationality is written as an adjective (« chinois », « européen »), not as the people (« les Allemands
 * utilisent-ils Zoom ? » asks who uses it): in lower case, or as the question's first word.
 */
const adjective = (t: Term, question: string) =>
  tokens(question).some((w, i) => t.variants.includes(w.word) && (i === 0 || !/^\p{Lu}/u.test(w.raw))) ||
  (DEMONYMS.has(t.word) && !t.nationality);

/** What a question asks of a card: what the product is, who makes and controls it and from where, what replaces it. */
export type CardAttribute = "nature" | "vendor" | "replacement";

/**
 * The attributes of a card a question asks (`i18n/fr/card-questions.txt`, a nationality asked); none when it asks
 * what no card says (a figure, a date, a person) or names no attribute (« et Dr.Web, c'est pareil ? »).
 */
export function askedOfCard(question: string): CardAttribute[] {
  question = withoutAskerPlaces(question);
  const list = words(question);
  if (holdsPhrase(list, NOT_ON_CARD)) return [];
  const asked: CardAttribute[] = [];
  if (holdsPhrase(list, section("nature"))) asked.push("nature");
  if (holdsPhrase(list, VENDOR_ASKED) || questionTerms(question).some((t) => asksNationality(t, question)))
    asked.push("vendor");
  if (holdsPhrase(list, section("remplacement"))) asked.push("replacement");
  return asked;
}

/** What a short follow-up asks besides the name it writes (« Et Teams, c'est mieux ? »): the previous question again. */
const AGAIN = new Set(section("suite").map((e) => e.join(" ")));

/**
 * « Et Teams, c'est mieux ? » after « Est-ce que Zoom est un logiciel chinois ? »: the previous question asked of the
 * one name the follow-up writes (« Est-ce que Teams est un logiciel chinois ? »), when the previous question asked a
 * card something of one name and the follow-up asks nothing else (`card-questions.txt` [suite]); null otherwise.
 */
export function askedAgain(previous: string, last: string, known?: ReadonlySet<string>): string | null {
  const namesOf = (q: string) => {
    const names = questionTerms(q)
      .filter((t) => t.name && !t.date && !t.nationality && !GENERAL.has(stem(t.word)))
      .map((t) => t.word);
    // A name typed without its capital (« et dahua c'est pareil ? ») that the corpus writes as a name.
    const lower = keywords(q).filter((w) => known?.has(w) && !names.some((n) => n.split(" ").includes(w)));
    return [...names, ...lower];
  };
  const previousNames = namesOf(previous);
  const fresh = namesOf(last).filter((n) => !previousNames.includes(n));
  if (previousNames.length !== 1 || fresh.length !== 1 || askedOfCard(previous).length === 0) return null;
  const name = fresh[0]!.split(" ");
  const rest = keywords(last).filter((w) => !name.includes(w));
  if (!rest.every((w) => AGAIN.has(w))) return null;
  const span = (text: string, folded: string) => {
    const list = tokens(text);
    const parts = folded.split(" ");
    for (let i = 0; i + parts.length <= list.length; i++)
      if (parts.every((p, j) => list[i + j]!.word === p)) {
        const end = list[i + parts.length - 1]!;
        return { from: list[i]!.at, to: end.at + end.raw.length };
      }
    return null;
  };
  const old = span(previous, previousNames[0]!);
  const own = span(last, fresh[0]!);
  if (!old || !own) return null;
  return `${previous.slice(0, old.from)}${last.slice(own.from, own.to)}${previous.slice(old.to)}`;
}

/**
 * Whether a short follow-up only compares its new names with the previous question's subject (« et dahua c'est
 * pareil ? », « Et Webex, mieux ? »): the words it writes besides those names are all words of `[suite]`.
 */
export function comparesOnly(last: string, names: string[]): boolean {
  const rest = keywords(last).filter((w) => !names.some((n) => n.split(" ").includes(w)));
  return rest.length > 0 && rest.every((w) => AGAIN.has(w));
}

/** Whether a question asks something no card says (« combien », « quand », « qui dirige »). */
export const asksBeyondCard = (question: string) => holdsPhrase(words(withoutAskerPlaces(question)), NOT_ON_CARD);

/** Title of a catalog card: « Produit : X », « Éditeur : X », « Alternative : X ». */
const CARD_TITLE = /^(?:Produit|Éditeur|Alternative) : (.+)$/;

/**
 * The names a card goes by: its name, the name without what its parentheses add (« Netgear (commutateurs, Wi-Fi,
 * NAS) » → « Netgear »), each name of a pair (« ArcGIS Field Maps / Survey123 »), a product's inventory names, and
 * its name without its vendor's (« Adobe Photoshop » → « Photoshop »), its editions of their own end of support.
 */
export function cardNames(card: { text: string; document: { id: string; title: string } }): string[] {
  const name = CARD_TITLE.exec(card.document.title)?.[1];
  if (!name || !card.document.id.startsWith("catalog/")) return [];
  const names = [name, name.replace(/\s*\([^)]*\)/g, "")];
  for (const n of [...names]) names.push(...n.split(" / "));
  const aliases = /^Apparaît dans les inventaires sous les noms : (.+?)\.?$/m.exec(card.text)?.[1];
  if (aliases) names.push(...aliases.split(" ; "));
  // Its editions of their own end of support (« Office 2016 », « Exchange Server 2019 »): « office 2016 c'est encore
  // supporté » names the card, not the army that uninstalled it (trial18 F10).
  names.push(...editionNames(card.text));
  // A product named after its vendor is also called without it (« Adobe Photoshop » → « Photoshop »).
  const vendor = vendorNamed(card);
  if (vendor && card.document.id.startsWith("catalog/product/"))
    for (const n of names.slice(0, 2)) {
      const own = tokens(n);
      const lead = tokens(vendor).map((t) => t.word);
      const rest = own.slice(lead.length);
      // Not when what is left is one of the domain's words (« IBM Cloud » → « Cloud », which « CLOUD Act » writes).
      if (
        rest.length &&
        lead.every((w, i) => own[i]!.word === w) &&
        !rest.every((t) => GENERAL.has(stem(t.word)) || DOMAIN.has(stem(t.word)))
      )
        names.push(n.slice(rest[0]!.at).trim());
    }
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

/** A name of a card written in a question: where, how many words, and whether it is the card's own name. */
export interface NameMatch {
  start: number;
  length: number;
  own: boolean;
}

/**
 * Where a question writes one of a card's names, the longest: its words in a row, one of them written with a capital
 * or a digit (« Ubiquiti UniFi », « iOS », « 1Password »), so that a card named by a common word (« Bleu »,
 * « Visio ») is not taken for the word (« l'outil de visio »). Null when the question writes none.
 */
export function nameIn(
  question: string,
  card: { text: string; document: { id: string; title: string } },
): NameMatch | null {
  const list = tokens(question);
  const names = cardNames(card);
  // A question typed without any capital (« sonicwall est une boite de quel pays ? ») has none to tell a name by:
  // a card's own name of six letters or more counts as written (« visio », « bleu » do not).
  const uncapitalised = !/\p{Lu}/u.test(question);
  let best: NameMatch | null = null;
  names.forEach((name, n) => {
    const own = tokens(name).map((t) => t.word);
    if (own.length === 0 || own.join("").length < 2) return;
    for (let i = 0; i + own.length <= list.length; i++) {
      const span = list.slice(i, i + own.length);
      if (!own.every((w, j) => span[j]!.word === w)) continue;
      if (!span.some((t) => /\p{Lu}|\p{N}/u.test(t.raw)) && !(uncapitalised && n < 2 && own.join("").length >= 6))
        continue;
      if (!best || own.length > best.length || (own.length === best.length && n < 2 && !best.own))
        best = { start: i, length: own.length, own: n < 2 };
    }
  });
  return best;
}

/**
 * The question without the card's name it writes (`nameIn`): « Skype Entreprise 2016, on peut le garder ? » asks
 * nothing of who makes it, though « entreprise » asks that elsewhere (trial17 D7).
 */
export function withoutNameOf(
  question: string,
  card: { text: string; document: { id: string; title: string } },
): string {
  const match = nameIn(question, card);
  if (!match) return question;
  const list = tokens(question);
  const first = list[match.start]!;
  const last = list[match.start + match.length - 1]!;
  return `${question.slice(0, first.at)} ${question.slice(last.at + last.raw.length)}`.trim();
}

type Card = SearchResult | StoredChunk;
const kindRank = (c: Card) =>
  c.document.id.startsWith("catalog/product/") ? 0 : c.document.id.startsWith("catalog/vendor/") ? 1 : 2;
const vendorFirst = (c: Card) => (c.document.id.startsWith("catalog/vendor/") ? 0 : 1);

/** The vendor card of a product or alternative card, among `cards`. */
function vendorCardOf(card: Card, cards: Card[]): Card | undefined {
  const vendor = vendorNamed(card);
  if (!vendor) return undefined;
  return cards.find((c) => isCardOf(c, vendor));
}

/** The products a vendor card's vendor makes, among `cards`. */
const productsOf = (vendor: Card, cards: Card[]) =>
  cards.filter((c) => c.document.id.startsWith("catalog/product/") && vendorCardOf(c, [vendor]) === vendor);

/**
 * The cards that answer a question about one product of the catalog, the card of what it names first (its vendor's
 * card after it when it asks who makes it, owns it or from where), or null when it names no card or asks what no
 * card says. `results`: the search's results; `store`: to look up the cards the question names beyond them.
 */
export async function cardAnswer(
  question: string,
  results: SearchResult[],
  store?: Pick<ChunkStore, "searchText">,
  { alone = false }: { alone?: boolean } = {},
): Promise<SearchResult[] | null> {
  question = withoutAskerPlaces(question);
  const list = words(question);
  const terms = questionTerms(question);
  if (holdsPhrase(list, NOT_ON_CARD)) return null;
  const nationality = terms.some((t) => asksNationality(t, question));
  const which = holdsPhrase(list, WHICH);
  if (!holdsPhrase(list, ASKED) && !nationality && !which) return null;
  const hits = store
    ? await store.searchText(
        list.filter((w) => w.length > 1).join(" "),
        40,
        { kinds: ["catalog"] },
        { withChunks: true },
      )
    : [];
  // The words written with a capital or a digit, searched alone: a name many cards write (« Microsoft », on a hundred
  // cards) is not found by its card among the cards that hold the question's other words.
  const capitalised = tokens(question).filter((t) => t.word.length > 1 && /\p{Lu}|\p{N}/u.test(t.raw));
  const nameHits =
    store && capitalised.length
      ? await store.searchText(
          capitalised.map((t) => t.word).join(" "),
          20,
          { kinds: ["catalog"] },
          { withChunks: true },
        )
      : [];
  const cards: Card[] = [
    ...results.filter((r) => r.document.kind === "catalog"),
    ...hits.flatMap((h) => (h.chunk ? [h.chunk] : [])),
    ...nameHits.flatMap((h) => (h.chunk ? [h.chunk] : [])),
  ].filter((c, i, all) => all.findIndex((d) => d.id === c.id) === i);
  const named = cards
    .map((card, rank) => ({ card, rank, match: nameIn(question, card) }))
    .filter((n): n is typeof n & { match: NameMatch } => n.match !== null)
    .sort(
      (a, b) =>
        b.match.length - a.match.length ||
        Number(b.match.own) - Number(a.match.own) ||
        // « l'outil de Hikvision …, c'est lequel ? »: a name both a vendor's and its product's is the vendor's.
        (which ? vendorFirst(a.card) - vendorFirst(b.card) : 0) ||
        kindRank(a.card) - kindRank(b.card) ||
        a.rank - b.rank,
    );
  const first = named[0];
  if (!first) return null;
  const written = tokens(question).slice(first.match.start, first.match.start + first.match.length);
  const nameWords = new Set(written.map((t) => t.word));
  if (alone) {
    // Another name of the catalog written apart from it (« Zoom ou Teams, lequel est européen ? ») makes the question
    // one about several products: no card alone answers it.
    const end = first.match.start + first.match.length;
    if (named.some((n) => n.match.start >= end || n.match.start + n.match.length <= first.match.start)) return null;
    // « les caméras visées en même temps que Hikvision, c'est quel fabricant ? » asks of other cameras than its.
    const before = tokens(question)
      .slice(0, first.match.start)
      .map((t) => t.word);
    if (
      REFERENCE.some((e) => e.length <= before.length && e.every((w, j) => before[before.length - e.length + j] === w))
    )
      return null;
    // A page of the corpus about the name written (« Visio, l'outil de visioconférence de l'État » for « Visio, l'outil
    // de l'État… », which is also an inventory name of Microsoft Visio) says what the name designates as well as a
    // card: the search's order stays.
    const subject = keywords(written.map((t) => t.raw).join(" ")).join(" ");
    if (results.some((r) => r.document.kind !== "catalog" && isSubjectPage(r.document.title, [subject]))) return null;
  }
  // What the question asks is after its last comma or colon (« SurveyMonkey pour nos sondages, c'est quel genre
  // d'outil ? »); before it, how the asker designates the product and where they use it.
  const askingText = question.replace(/^.*[,:;]\s*(?=[^,:;]*\?\s*$)/s, "");
  const asking = new Set(words(askingText));
  // « Worteks nous a répondu sur un marché, c'est quoi cette boîte ? » asks of the name itself.
  const pointing = askingText !== question && pointsBack(askingText);
  const inAsking = (w: string) => w.split(" ").some((p) => asking.has(p));
  // (The words of an expression that asks, written whole: « pose » of « ça pose problème ».)
  const askedWords = new Set(ASKED.filter((e) => e.length > 1 && holdsPhrase(list, [e])).flat());
  const covered = (t: Term, held: ReturnType<typeof passageWords>) =>
    t.word.split(" ").every((w) => nameWords.has(w) || askedWords.has(w)) ||
    t.variants.some((v) => occurs(v, held)) ||
    asksNationality(t, question) ||
    ASKED_STEMS.has(stem(t.word)) ||
    (which && WHICH_STEMS.has(stem(t.word))) ||
    t.word.split(" ").every((w) => GENERAL.has(stem(w)));
  // « Cisco Meraki MR/MS »: the codes of a range of the product named are that product.
  const excused = (t: Term) =>
    (!t.name && !t.date && (t.verb || t.modifier || t.user)) || (!!t.range && nameWords.has(t.rangeOf ?? ""));
  let card: Card = first.card;
  // « lequel ? » asks which product of a vendor; of a product named, it asks nothing its card says.
  if (which && !holdsPhrase(list, ASKED) && !nationality && !card.document.id.startsWith("catalog/vendor/"))
    return null;
  // A vendor named with what the product does (« l'outil d'Esri pour les relevés sur mobile, c'est lequel ? », « qui
  // contrôle l'outil de relevés sur mobile d'Esri ? »): the product of that vendor whose card holds most of the words
  // its vendor's card lacks.
  // Asked « lequel ? », the words that designate the product are those the question does not ask with, even when
  // the vendor's card holds them too (Intuit's card says « lettres d'information », Mailchimp's usage), names and
  // acronyms among them (« l'outil de Palo Alto Networks pour l'EDR »).
  const designating = terms.filter(
    (t) =>
      (which || !t.name) &&
      !t.date &&
      !excused(t) &&
      !covered(t, which ? passageWords("") : passageWords(`${first.card.document.title} ${first.card.text}`)),
  );
  if (card.document.id.startsWith("catalog/vendor/") && designating.length && !pointing) {
    const vendorHits = store
      ? await store.searchText(
          [...designating.map((t) => t.word), ...words(CARD_TITLE.exec(card.document.title)?.[1] ?? "")].join(" "),
          40,
          { kinds: ["catalog"] },
          { withChunks: true },
        )
      : [];
    const pool = [...cards, ...vendorHits.flatMap((h) => (h.chunk ? [h.chunk] : []))];
    const scored = productsOf(card, pool)
      .map((p) => {
        const held = passageWords(`${p.document.title} ${p.text.split("\n").slice(0, 1).join(" ")}`);
        return {
          p,
          n: designating.filter((t) => t.variants.some((v) => occurs(v, held))).length,
          words: held.list.length,
        };
      })
      // Of two products designated alike (« système d'exploitation des postes de travail »), the one whose card says
      // least beyond it (not the one « (version ancienne) »).
      .sort((a, b) => b.n - a.n || a.words - b.words);
    const best = scored[0];
    // No product of the vendor does it (« sans Google, une carte des travaux : avec quoi ? »): no card answers.
    if (!best || best.n === 0 || best.n / designating.length < 0.4) return null;
    card = best.p;
  }
  const vendor = card.document.id.startsWith("catalog/vendor/") ? undefined : vendorCardOf(card, cards);
  const vendorCard =
    vendor ??
    (store && vendorNamed(card) && !card.document.id.startsWith("catalog/vendor/")
      ? vendorCardOf(
          card,
          (
            await store.searchText(words(vendorNamed(card)!).join(" "), 8, { kinds: ["catalog"] }, { withChunks: true })
          ).flatMap((h) => (h.chunk ? [h.chunk] : [])),
        )
      : undefined);
  const held = passageWords(
    [card, vendorCard]
      .filter((c): c is Card => !!c)
      .map((c) => `${c.document.title} ${c.text}`)
      .join("\n"),
  );
  // The product as the asker designates it and where they use it (« les bornes wifi de la médiathèque ») need not be
  // on its card when the question names it; what it asks must be.
  // A vendor's card answers only what it holds: the words around a vendor's name (« une carte des travaux, sans
  // Google ») are what is asked of it, not how a product is designated.
  const vendorOnly = card.document.id.startsWith("catalog/vendor/") && !pointing;
  for (const t of terms) {
    if (covered(t, held) || excused(t)) continue;
    if (t.name || t.date || vendorOnly || inAsking(t.word)) return null;
  }
  const score = Math.max(1, ...results.map((r) => r.score));
  const asksVendor = holdsPhrase(list, VENDOR_ASKED) || nationality;
  return [card, ...(asksVendor && vendorCard ? [vendorCard] : [])].map((c) =>
    "score" in c ? { ...c, score } : searchResultOf(c, score),
  );
}

/**
 * `results` with the cards that answer a question about one catalog product first, and the decision made
 * answerable by them, when it was not; unchanged when no card answers.
 */
export async function onCard(
  question: string,
  results: SearchResult[],
  decision: Answerability,
  store?: Pick<ChunkStore, "searchText">,
): Promise<{ results: SearchResult[]; decision: Answerability }> {
  // A question already answered keeps its passages and their order (the card's excerpt is cut for the first place
  // differently: « Visio … remplace quels logiciels ? » lost the list the guide's page gives).
  // A question on a person's private life (« le créateur de HAProxy, il habite dans quelle ville ? ») is not asked of
  // a card, whose city is its vendor's.
  if (decision.reason === "personal") return { results, decision };
  if (decision.answerable) return cardsFirst(question, results, decision, store);
  // A premise no passage says (« la document foundation ayant déménagé aux états-unis, libreoffice est-il encore
  // européen ? », premises36, held-out-33): the card answers what follows it, not the premise.
  if (decision.missing[0] && decision.missing[0] === apposedPremise(question)?.event) return { results, decision };
  const cards = await cardAnswer(question, results, store);
  if (!cards) return { results, decision };
  const ids = new Set(cards.map((c) => c.id));
  const rest = results.filter((r) => !ids.has(r.id));
  return {
    results: [...cards, ...rest],
    decision: { ...decision, answerable: true, reason: "ok", missing: [], relevant: cards.map((_, i) => i) },
  };
}

/**
 * An answerable question naming one product of the catalog and asking what its card says (« Microsoft Office, c'est
 * quoi ? », « Zoom est-il européen ? », « Qui contrôle Oracle ? ») opens on that card (its vendor's after it for the
 * owner or the seat), though the search ranked higher a case study or a guide naming it (the Austrian army's move
 * to LibreOffice, an alternative's card saying « européen »): the passages found follow, in their order, as evidence.
 * Unchanged when the question names several products, a page of the corpus is about the name it writes, or it asks
 * what no card says (`cardAnswer`).
 */
async function cardsFirst(
  question: string,
  results: SearchResult[],
  decision: Answerability,
  store?: Pick<ChunkStore, "searchText">,
): Promise<{ results: SearchResult[]; decision: Answerability }> {
  const cards = await cardAnswer(question, results, store, { alone: true });
  if (!cards) return { results, decision };
  const ids = new Set(cards.map((c) => c.id));
  const rest = results.flatMap((r, i) => (ids.has(r.id) ? [] : [{ r, relevant: decision.relevant.includes(i) }]));
  return {
    results: [...cards, ...rest.map((x) => x.r)],
    decision: {
      ...decision,
      relevant: [...cards.map((_, i) => i), ...rest.flatMap((x, i) => (x.relevant ? [cards.length + i] : []))],
    },
  };
}
