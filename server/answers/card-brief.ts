/**
 * « En bref » of a question about one product of the catalog (`card-question.ts`): the lines of its card that answer
 * what is asked, quoted as the card writes them, with the card's name and its sources' date — what the product is
 * (the card's first line: its kind and usage), who makes and controls it, from where and under which laws (the
 * vendor's line, or a vendor card's seat, owner and exposure), what replaces it (the alternatives, after what it is).
 * Never the line of inventory names, which answers nothing asked. Null when the first passage quoted is not a card
 * the question names, or no line of it answers (the sentence picker of `brief.ts` then chooses).
 */
import { fold, frenchDate } from "../core/text.ts";
import { CARD_LINE } from "../corpus/catalog.ts";
import { message } from "../i18n/messages.ts";
import { wordListLines } from "../i18n/word-lists.ts";
import { readSections, words } from "../retrieval/french.ts";
import type { SearchResult } from "../retrieval/search.ts";
import { vendorNamed } from "../retrieval/vendor-card.ts";
import type { Brief } from "./brief.ts";
import { askedOfCard, asksBeyondCard, type CardAttribute, cardNames, nameIn, withoutNameOf } from "./card-question.ts";

/** Whether a sentence is a card's line of inventory names: it answers nothing a question asks. */
export const isInventoryNames = (sentence: string) => sentence.startsWith(CARD_LINE.aliases);

/** A risk asked of a product (`i18n/fr/card-brief.txt`), folded: its vendor's line answers it. */
const RISK = wordListLines("card-brief.txt")
  .flatMap((l) => l.split(","))
  .map((w) => folded(w.trim()))
  .filter((w) => w.trim());

/** `i18n/fr/card-asks.txt`: who may use a tool (« on peut l'utiliser nous ? »), what it is for (« ça sert à quoi ? »). */
const CARD_ASKS = readSections("card-asks.txt");
const holdsPhrase = (list: string[], section: string) =>
  (CARD_ASKS.get(section) ?? []).some((e) => list.some((_, i) => e.every((w, j) => list[i + j] === w)));

/** The lines of a card around its description: its fields, never what the tool does. */
const FIELDS = [
  CARD_LINE.owner,
  CARD_LINE.unverified,
  CARD_LINE.exposure,
  CARD_LINE.noExposure,
  CARD_LINE.aliases,
  CARD_LINE.alternatives,
  CARD_LINE.replaces,
  CARD_LINE.vendor,
  CARD_LINE.hosting,
  CARD_LINE.stateOnly,
  CARD_LINE.forCollectivity,
  CARD_LINE.sill,
  CARD_LINE.users,
  CARD_LINE.migration,
  CARD_LINE.products,
  CARD_LINE.lifecycle,
  CARD_LINE.ordinaryEnd,
];

/** A card's lines saying when its support ends: its ordinary editions', its notes' (« Fin du support standard … »). */
const END_LINE = "Fin du support";

/**
 * The lines of a card that say when its support ends, for a question asking it (`card-asks.txt` [fin de support]): the
 * ordinary editions' line and the notes opening on it; the editions' own dates only when no other line says it (read
 * alone, the long-term editions' dates were heard as the product's, trial14 A6). Empty when the card says none.
 */
function endLines(lines: string[], question: string): string[] {
  const ends = lines.filter((l) => l.startsWith(END_LINE));
  const general = ends.filter((l) => !l.startsWith(CARD_LINE.lifecycle));
  // (« Windows 10 LTSB 2016 est supporté jusqu'à quand ? »: the editions' line names the one asked, and comes first.)
  const edition = ends.find((l) => l.startsWith(CARD_LINE.lifecycle) && namesEditionOf(question, l));
  if (edition) return [edition, ...general];
  return general.length ? general : ends;
}

/** Whether the question writes an edition the line names, by a word and the number after it (« LTSB 2016 »). */
function namesEditionOf(question: string, line: string): boolean {
  const list = words(line);
  const asked = words(question);
  return asked.some(
    (w, i) => /\d/.test(asked[i + 1] ?? "") && list.some((x, j) => x === w && list[j + 1] === asked[i + 1]),
  );
}

/**
 * For a question asking when a product's support ends (`card-asks.txt` [fin de support]): whether a sentence is a
 * card's line saying it, for the excerpt of its card to show it, which « En bref » then quotes; null otherwise.
 */
export function endOfSupportAnswer(question: string): ((sentence: string) => boolean) | null {
  return endAsked(question) ? (sentence) => sentence.trim().startsWith(END_LINE) : null;
}

/** Whether a question asks a product's end of support (`[fin de support]`), or its risk (`card-brief.txt`). */
const endAsked = (question: string) =>
  holdsPhrase(words(question), "fin de support") || RISK.some((w) => folded(question).includes(w));

/**
 * Whether a card's end-of-support lines say its support has ended (a year before this one): the risk of a product is
 * then first that it gets no more fixes (trial22 T-M8: « quels risques si on garde windows 10 »).
 */
const ended = (ends: string[]) =>
  ends.some((l) => [...l.matchAll(/\b(20\d\d)\b/g)].some((m) => Number(m[1]) < new Date().getUTCFullYear()));

/** The question without the words that ask the date of the end (`card-asks.txt` [date de fin]). */
function withoutEndDate(question: string): string {
  const list = words(question);
  const dropped = new Set<number>();
  for (const e of CARD_ASKS.get("date de fin") ?? [])
    list.forEach((_, i) => {
      if (e.every((w, j) => list[i + j] === w)) e.forEach((_w, j) => dropped.add(i + j));
    });
  return list.filter((_, i) => !dropped.has(i)).join(" ");
}

/** Lines of a card quoted at most. */
const MAX_LINES = 3;

type CardKind = "product" | "vendor" | "alternative";
const kindOf = (r: SearchResult): CardKind | null =>
  (/^catalog\/(product|vendor|alternative)\//.exec(r.document.id)?.[1] as CardKind | undefined) ?? null;

const opens = (line: string, ...openings: string[]) => openings.some((o) => line.startsWith(o));

/**
 * The lines of a card that answer an attribute, by the card's kind: its first line says what it is (a vendor's, its
 * seat; an alternative's, its publisher and country too).
 */
function answering(kind: CardKind, attribute: CardAttribute | "purpose" | "access", lines: string[]): string[] {
  const first = lines.slice(0, 1);
  const find = (...openings: string[]) => lines.slice(1).filter((l) => opens(l, ...openings));
  // Who may use it: an alternative's condition of access (a product or a vendor card says none).
  if (attribute === "access") return kind === "alternative" ? find(CARD_LINE.stateOnly, CARD_LINE.forCollectivity) : [];
  // What it is for: a product's first line says its usage; a vendor's or an alternative's, its seat or its licence,
  // and its description is the line that opens on no field (« Éditeur allemand … de Nextcloud, plateforme … de partage
  // de fichiers », « Messagerie instantanée de l'État … »).
  if (attribute === "purpose") {
    if (kind === "product") return first;
    const described = lines.slice(1).filter((l) => l && !opens(l, ...FIELDS));
    return described.length ? described.slice(0, 1) : first;
  }
  switch (kind) {
    case "product":
      if (attribute === "nature") return first;
      if (attribute === "vendor") return find(CARD_LINE.vendor);
      return [...first, ...find(CARD_LINE.alternatives)];
    case "vendor":
      if (attribute === "replacement") return [];
      // « c'est quoi OVH ? »: its seat, then the line describing it (« Hébergeur et fournisseur de cloud français … »).
      if (attribute === "nature")
        return [
          ...first,
          ...lines
            .slice(1)
            .filter((l) => l && !opens(l, ...FIELDS))
            .slice(0, 1),
        ];
      return [...first, ...find(CARD_LINE.owner, CARD_LINE.exposure, CARD_LINE.noExposure)];
    case "alternative":
      if (attribute === "replacement") return [...first, ...find(CARD_LINE.replaces)];
      return first;
  }
}

/** Folded words of a text, one space apart: a card's name written in any case (« dr web » for « Dr.Web »). */
function folded(text: string): string {
  return ` ${fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

/**
 * Whether the question writes one of the card's names, with a capital or not (a follow-up typed « et dr web ? »), or
 * the name of its vendor (« Kaspersky, c'est risqué ? » on Kaspersky Endpoint Security's card).
 */
export function namesCard(question: string, card: SearchResult): boolean {
  if (nameIn(question, card)) return true;
  const q = folded(question);
  const vendor = vendorNamed(card);
  // (A name of three capitals, « OVH », « SAP », typed in lower case: « c'est quoi ovh ? », trial14 A16.)
  return [...cardNames(card), ...(vendor ? [vendor] : [])].some((n) => {
    const name = folded(n);
    return (name.replace(/ /g, "").length >= 4 || /^\p{Lu}{3}$/u.test(n.trim())) && q.includes(name);
  });
}

/** Cards among the first passages quoted that may be the one asked about (its vendor's card follows a product's). */
const CARDS_LOOKED_AT = 3;
/**
 * A vendor's card may be one place further: « le cloud act ça s'applique à ovh » quotes the law's pages first, and
 * OVHcloud's card fourth says its seat and exposure (trial16 C15). (Not a product or an alternative: « Jitsi, l'outil
 * de visio … » names no card « Visio ».)
 */
const VENDOR_CARDS_LOOKED_AT = 4;

/**
 * Which of the passages quoted is the card the question asks about: the first passage when it is a card the question
 * names; in a follow-up joined to the question before it (« Hikvision, c'est risqué ? et dahua c'est pareil ? »), the
 * card its last sentence naming one names, though the previous question's card was quoted first. -1: none.
 */
function cardAsked(question: string, used: SearchResult[]): number {
  // « Par quoi remplacer Kaspersky ? »: a vendor's card names no alternative, its product's card does (trial17 D7).
  const replacement = askedOfCard(question).includes("replacement");
  const cards = used
    .slice(0, VENDOR_CARDS_LOOKED_AT)
    .flatMap((r, i) => (kindOf(r) && (i < CARDS_LOOKED_AT || kindOf(r) === "vendor") ? [i] : []));
  const sentences = question.split(/(?<=[?!.])\s+/).reverse();
  for (const sentence of sentences) {
    const naming = cards.filter((i) => namesCard(sentence, used[i]!));
    const product = replacement ? naming.find((i) => kindOf(used[i]!) !== "vendor") : undefined;
    if (naming.length) return product ?? naming[0]!;
  }
  return -1;
}

/** « (fiche « Zoom » du catalogue, août 2026) [1] »: the source of a card's line. */
function cardSource(r: SearchResult, n: number): string {
  const name = r.document.title.replace(/^[^:]+ : /, "");
  // As `brief.ts` credits a card: a card whose sources give no date says so.
  const date = r.document.date ? frenchDate(r.document.date) : message("answer.briefUndated");
  return `(${message("answer.briefCard", { name })}, ${date}) [${n}]`;
}

/**
 * What the detail shows of a card's line: the whole line, or its first sentences when the excerpt cut the others
 * (« Éditeur : Dahua Technology, Chine. … »); null when it shows not even the first. (A line of items « … ; … » cut
 * by the excerpt is then cut by `fitted`.)
 */
function shownPart(line: string, shown: string): string | null {
  if (shown.includes(line)) return line;
  const sentences = line.split(/(?<=\.)\s+(?=\p{Lu})/u);
  for (let n = sentences.length - 1; n >= 1; n--) {
    const part = sentences.slice(0, n).join(" ");
    if (shown.includes(part)) return part;
  }
  return line.includes(" ; ") ? line : null;
}

/** A line cut to `max` characters at the end of one of its items (« … ; … »), its end marked « […] »; or null. */
function fitted(line: string, max: number): string | null {
  if (line.length <= max) return line;
  const items = line.split(" ; ");
  for (let n = items.length - 1; n >= 1; n--) {
    const cut = `${items.slice(0, n).join(" ; ")} […]`;
    if (cut.length <= max) return cut;
  }
  return null;
}

/** Whether a question asks if a product is banned (`card-asks.txt` [interdiction]). */
export const asksBan = (question: string) => holdsPhrase(words(question), "interdiction");

/**
 * A ban asked of a product (« est-ce que kaspersky est interdit en france », trial24 T-M1): the sentence of a card the
 * question names (among the first quoted: its product's, its vendor's) whose description says what an authority
 * decided or advised of it (`card-asks.txt` [mesure d'autorité]), as the detail shows it; null when none says any —
 * no field of a card (its alternatives, its vendor) answers a ban.
 */
function banBrief(question: string, used: SearchResult[], excerpts: string[], budget: number): Brief | null {
  const intro = message("answer.brief", { quotes: "" });
  for (const [at, card] of used.slice(0, VENDOR_CARDS_LOOKED_AT).entries()) {
    if (!kindOf(card) || !namesCard(question, card)) continue;
    const shown = excerpts[at]!.replace(/\s+/g, " ");
    const described = card.text
      .split("\n")
      .map((l) => l.trim())
      .slice(1)
      .filter((l) => l && !opens(l, ...FIELDS));
    const source = cardSource(card, at + 1);
    // (A long sentence by its first clauses: « Inscrit sur la « Covered List » de la FCC américaine (…) […] ».)
    for (const sentence of described.flatMap((l) => l.split(/(?<=\.)\s+(?=\p{Lu})/u))) {
      const text = fitted(sentence, budget - intro.length - source.length - 5);
      if (text && holdsPhrase(words(text), "mesure d'autorité") && shown.includes(text.replace(/ \[…\]$/, "")))
        return {
          text: message("answer.brief", { quotes: `« ${text} » ${source}` }),
          quotes: [{ text, source: at + 1 }],
        };
    }
  }
  return null;
}

/** « En bref » quoting `lines` of a card as the detail shows them (`shown`), within `budget`; null when none fits. */
function quoteLines(lines: string[], card: SearchResult, at: number, excerpt: string, budget: number): Brief | null {
  const shown = excerpt.replace(/\s+/g, " ");
  const source = cardSource(card, at + 1);
  let left = budget - message("answer.brief", { quotes: "" }).length - source.length - 1;
  const quoted: string[] = [];
  for (const line of lines.slice(0, MAX_LINES)) {
    const part = shownPart(line.replace(/\s+/g, " "), shown);
    const text = part && fitted(part, left - 5);
    if (!text || !shown.includes(text.replace(/ \[…\]$/, ""))) continue;
    quoted.push(text);
    left -= text.length + 5;
  }
  if (quoted.length === 0) return null;
  return {
    text: message("answer.brief", { quotes: `${quoted.map((q) => `« ${q} »`).join(" ")} ${source}` }),
    quotes: quoted.map((text) => ({ text, source: at + 1 })),
  };
}

/**
 * « En bref » quoting the lines of the first card quoted (`used[0]`) that answer what the question asks of it, in
 * `budget` characters; null when the question does not name that card or asks what no line of it says.
 */
export function cardBrief(question: string, used: SearchResult[], excerpts: string[], budget: number): Brief | null {
  if (asksBan(question)) return banBrief(question, used, excerpts, budget);
  const at = cardAsked(question, used);
  const card = used[at];
  const kind = card ? kindOf(card) : null;
  if (!card || !kind) return null;
  const lines = card.text.split("\n").map((l) => l.trim());
  // A duty asked (« on est obligé de quitter windows 10 ? »): no field of a card says one; its support ended, which
  // is what obliges in fact, is said alone, else the passages answer (trial23 T-M1).
  if (holdsPhrase(words(question), "obligation")) {
    const ends = kind === "product" ? endLines(lines, question) : [];
    return ended(ends) ? quoteLines(ends, card, at, excerpts[at]!, budget) : null;
  }
  // « windows 10 c'est fini quand ? », « 45 postes sous Windows 10, c'est grave ? »: when its support ends, which
  // its card says (trial16 C6, C13) — « quand » then asks that date, not one the card would not say.
  const endWords = holdsPhrase(words(question), "fin de support");
  const candidates = kind === "product" && endAsked(question) ? endLines(lines, question) : [];
  // (A risk asked — « quels risques si on garde … » —: its end of support only once past.)
  const ends = endWords || ended(candidates) ? candidates : [];
  if (asksBeyondCard(ends.length ? withoutEndDate(question) : question)) return null;
  const asked: (CardAttribute | "purpose" | "access" | "end")[] = askedOfCard(withoutNameOf(question, card));
  if (ends.length) asked.unshift("end");
  // « Tchap, on peut l'utiliser nous ? »: who may use it, alone; « ça sert à quoi ? »: what it does, for what it is.
  const spoken = words(
    question
      .split(/(?<=[?!.])\s+/)
      .filter(Boolean)
      .at(-1) ?? question,
  );
  if (holdsPhrase(spoken, "accès")) asked.splice(0, asked.length, "access");
  else if (holdsPhrase(spoken, "à quoi sert"))
    asked.splice(0, asked.length, "purpose", ...asked.filter((a) => a !== "nature"));
  // « Kaspersky, c'est risqué ? » (and « et Dr.Web, c'est pareil ? » after it): who controls it, under which laws.
  const q = folded(question);
  if (!asked.includes("vendor") && RISK.some((w) => q.includes(w))) asked.push("vendor");
  // « Quel EDR français pour remplacer CrowdStrike ? »: the nationality is the replacement's, not the product's.
  const attributes = asked.includes("replacement") ? asked.filter((a) => a !== "vendor") : asked;
  if (attributes.length === 0) return null;
  const shown = excerpts[at]!.replace(/\s+/g, " ");
  // (Who may use it, what it is for: the lines saying so that the detail quotes, whichever it left out.)
  const spokenAsk = asked.includes("access") || asked.includes("purpose");
  const wanted = [
    // (Its end of support first: it is what « c'est grave ? » is answered by.)
    ...ends,
    ...[...new Set(attributes.flatMap((a) => (a === "end" ? [] : answering(kind, a, lines))))]
      .filter((l) => l && !isInventoryNames(l) && !ends.includes(l))
      .filter((l) => !spokenAsk || shownPart(l.replace(/\s+/g, " "), shown) !== null)
      // In card order, as the detail quotes them.
      .sort((a, b) => lines.indexOf(a) - lines.indexOf(b)),
  ];
  // The card's first line answering, cut from what the detail quotes (« pCloud Drive » quoted from its notes): the
  // sentences the detail quotes are chosen from instead.
  const lead = wanted[0] ? shownPart(wanted[0].replace(/\s+/g, " "), shown) : null;
  if (!lead || !shown.includes(lead.split(" ; ")[0]!)) return null;
  // Quoted as the detail shows the card: its sentences the excerpt keeps (« Éditeur : Dahua Technology, Chine. »), the
  // card's name and date once, after its last line quoted.
  return quoteLines(wanted, card, at, excerpts[at]!, budget);
}
