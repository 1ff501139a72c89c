/**
 * The parts of a question that set its context rather than ask (incises, « notre commune », « pour X, », the asker's
 * clauses of `clauses.ts`), as offsets: `readAsker` (`index.ts`) reads them once per question, for retrieval,
 * abstention and the verifier alike.
 */
import { fold } from "../../core/text.ts";
import { wordListLines } from "../../i18n/word-lists.ts";
import { stem as frStem } from "../french.ts";
import { GENERIC_WORDS, STOPWORDS } from "../lexicon.ts";
import { LISTS, saysAsker, speaksOfQuestion } from "./clauses.ts";

/** A [start, end) of the question's text. */
export type Span = [number, number];

/** The asker's clauses found on a question (`clauses.ts`), once, for the spans below. */
export interface AskerClauses {
  /** The asker's own situation before the clause that asks (`askerStatement`). */
  statement: Span | null;
  /** Who told the asker (`hearsaySource`). */
  source: Span | null;
  /** Who asks, and where, before the question they report (`reportedAsk`). */
  reported: Span | null;
  /** When the asker's own engagement ends (`ownTermSpans`). */
  ownTerms: readonly Span[];
}

/**
 * A relative clause, an apposition or a purpose set off by commas (« Qwant, qu'on a mis par défaut sur les postes,
 * c'est… », « Doodle, pour caler les réunions du bureau, c'est… »).
 */
const INCISE =
  /,(\s*(?:(?:qui|que|dont|où|lequel|laquelle|pour)\s|qu'|(?:le|la|les|un|une|ce|cet|cette)\s|l')[^,;:?!.]*),/giu;

/** A first-person possessive, its noun and the names written right after it (« notre inventaire GLPI »). */
const SETTING = /(?<![\p{L}\p{N}])(?:notre|nos|mon|ma|mes)\s+[\p{L}\p{N}'-]+(?:\s+\p{Lu}[\p{L}\p{N}-]*)*/gu;

/**
 * The end of the asker's own engagement, after its possessive and noun (« notre contrat Microsoft se termine le 30 juin
 * 2026 », « nos licences expirent fin mars 2027 »): from the verb to the clause's end, the date of their situation
 * (`asker.txt` [fin d'un engagement]).
 */
const OWN_TERM = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:notre|nos|mon|ma|mes)\\s+[\\p{L}\\p{N}'’-]+(?:\\s+[\\p{L}\\p{N}'’-]+){0,3}?\\s+((?:${(
    LISTS.get("fin d'un engagement") ?? []
  )
    .map((e) =>
      e
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\s+/g, "\\s+")
        .replace(/'/g, "['’]"),
    )
    .join("|")})(?![\\p{L}])[^,;:?!.]*)`,
  "giu",
);

/**
 * When the asker's own engagement ends (« notre contrat Microsoft se termine le 30 juin 2026 »): from the verb to the
 * clause's end, as offsets. Its date is the asker's situation: never one a passage must write.
 */
export function ownTermSpans(text: string): Span[] {
  return [...text.matchAll(OWN_TERM)].map((m): Span => [m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
}

/** « près de Grenoble », « aux portes de Lyon »: a place that situates another one (a data file), with its name. */
const LOCATOR_LETTERS: Record<string, string> = { e: "eéÉE", é: "eéÉE", a: "aàÀA", à: "aàÀA", "'": "'’", "’": "'’" };
const LOCATOR = new RegExp(
  `(?<![\\p{L}])(?:${wordListLines("locators.txt")
    .map((l) =>
      [...l.trim()]
        .map((c, k) => (/\s/.test(c) ? "\\s+" : `[${LOCATOR_LETTERS[c] ?? (k === 0 ? c + c.toUpperCase() : c)}]`))
        .join(""),
    )
    .join("|")})\\s*\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)*`,
  "gu",
);

/**
 * What is asked opening on a collectivité designated by a definite article and no name (« la Région a-t-elle … »,
 * « la ville utilise-t-elle … »): it is the one the statement before the colon names (« Pays de la Loire : la Région
 * a-t-elle choisi … ? »), which is then what the question is about, not its context.
 */
const DESIGNATED_COLLECTIVITY =
  /^\s*(?:[Ll]a|[Ll]e|[Ll]['’])\s*(?:[Rr][ée]gion|[Vv]ille|[Cc]ommune|[Mm]airie|[Mm][ée]tropole|[Aa]gglo(?:m[ée]ration)?|[Dd][ée]partement|[Cc]ollectivit[ée]|[Cc]ommunaut[ée](?:\s+(?:de\s+communes|d['’]agglom[ée]ration|urbaine))?)\s+(?![Dd]e\s|[Dd]u\s|[Dd]es\s|[Dd]['’]|\p{Lu})/u;

/**
 * What is asked opening on a pronoun that takes up what the statement before the colon designates (« L'autre
 * navigateur de Mountain View, pas Chrome : on l'utilise dans nos écoles ? », « … : on en a dans nos box ? »): that
 * statement is what the question is about, not its context.
 */
const TAKEN_UP =
  /^\s*(?:on|nous|vous|ils|elles|je|j['’])\s*(?:n['’]\s*|ne\s+)?(?:l['’]|(?:en|y|les|la|le)(?![\p{L}]))/iu;

/** « … pour nos affiches de la fête de quartier, c'est … ? »: a purpose after a word, up to a comma before the question. */
const PURPOSE =
  /(?<=[\p{L}\p{N}])\s+(pour\s+(?:nos|notre|mon|ma|mes|les|la|le|l['’]|un|une|des)\s*[^,;:?!.]*),(?=[^,;:.!?]*\?)/gu;

/**
 * « logiciel 3d libre pour une maquette du futur gymnase », « des documents partagés chiffrés … pour notre collectif »: a
 * purpose closing the question after what it asks for, up to its end (no comma needed): the asker's own use.
 */
const CLOSING_PURPOSE =
  /(?<=[\p{L}\p{N}])\s+(pour\s+(?:nos|notre|mon|ma|mes|les|la|le|l['’]|un|une|des)\s*[^,;:?!.]*?)\s*[?!.]?\s*$/u;

/** The stems of the domain's general words (`generic-words.txt`). */
const GENERIC_STEMS = new Set(GENERIC_WORDS.map(frStem));

/**
 * « Epelboin a dit sur RTL que … », « a déclaré dans Le Monde que … »: the medium where the asker heard what the
 * question asks about, after a verb of saying (`saying-verbs.txt`), with its name.
 */
const MEDIUM = new RegExp(
  `(?<![\\p{L}])(?:${wordListLines("saying-verbs.txt")
    .flatMap((l) => l.trim().split(/\s+/))
    .join(
      "|",
    )})\\s+(?:sur|dans|à)\\s+(?:(?:la|le|les)\\s+|l['’])?\\p{Lu}[\\p{L}\\p{N}'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}'’-]*)*`,
  "gu",
);

/** « Pour …, », « Dans …, » opening a sentence. */
const OPENING = /(?<=^|[.!?]\s+)(?:pour|dans|chez)\s[^,;:?!.]*,/giu;

/**
 * The parts of a question that give its context rather than what it asks, as [start, end) offsets:
 * - a sentence that asks nothing, beside one that asks (« Je suis élue d'une petite commune. Que dit la loi ? »);
 * - a statement before a colon that the question follows (« Le courrier arrive au secrétariat sur papier : un
 *   logiciel libre pour l'enregistrer ? »);
 * - a relative clause or an apposition between commas (« Splunk, l'outil de journaux de la DSI, est passé… »);
 * - a purpose or a setting opening the question before a comma (« Pour monter la vidéo de la fête de quartier, un
 *   logiciel libre de montage ? »).
 */
export function contextSpans(text: string, { statement, source, reported, ownTerms }: AskerClauses): Span[] {
  const spans: [number, number][] = [];
  let start = 0;
  const asks = /\?/.test(text);
  const ends = [...text.matchAll(/[.!?]+(?=\s|$)|\n+/g)].map((m) => ({ index: m.index, mark: m[0] }));
  for (const m of ends) {
    const end = m.index;
    const sentence = text.slice(start, end);
    // A sentence that asks nothing beside one that asks (« Je suis élue d'une petite commune. Que dit la loi ? »).
    if (asks && !m.mark.includes("?") && sentence.trim()) spans.push([start, end]);
    if (m.mark.includes("?")) {
      // « 14:30 » is an hour; « le budget 2027 : … » (French spacing) ends a statement.
      // « Pays de la Loire : la Région a-t-elle … ? » names before the colon the collectivité it asks about.
      const colon = statedBeforeColon(sentence);
      if (colon > 0) spans.push([start, start + colon]);
    }
    start = end + m.mark.length;
  }
  // « je monte un dossier pour mon dgs : quelle société porte xcp-ng »: typed without a question mark, the last
  // sentence is what is asked, and a statement of the asker's before its colon says why or for what they ask.
  // Only a statement of the asker's (« la cnam contre broadcom, l'education nationale et microsoft : la morale pour nos
  // propres contrats c'est quoi » asks about what it states).
  // A colon, not a semicolon (« je suis adjointe …, le prestataire … nous propose … ; quel est le nom »: what is asked
  // takes up the statement).
  const colonTail = asks ? -1 : statedBeforeColon(text.slice(start));
  // So is one that speaks of the question itself (« petite question avant le conseil : … »).
  const tail = text.slice(start, start + colonTail);
  if (colonTail > 0 && text[start + colonTail] === ":" && (saysAsker(tail) || speaksOfQuestion(tail)))
    spans.push([start, start + colonTail]);
  // The asker's own setting (« dans notre inventaire GLPI », « nos agents », « mon PC ») says where the question
  // comes from, not what it asks: the possessive's noun and the names right after it.
  // Only beside a name it does not hold: « nos NAS Synology, le fabricant est de quel pays ? » asks about them.
  const settings = [...text.matchAll(SETTING)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  const namedElsewhere = [...text.matchAll(/[\p{L}\p{N}'-]+/gu)].some(
    (m) =>
      !settings.some(([a, b]) => m.index >= a && m.index < b) &&
      (/^\p{Lu}[\p{Lu}\d]|\p{Ll}\p{Lu}/u.test(m[0]) ||
        (/^\p{Lu}/u.test(m[0]) && !CLAUSE_END.test(text.slice(0, m.index)))),
  );
  if (namedElsewhere) spans.push(...settings);
  for (const m of text.matchAll(INCISE)) spans.push([m.index + 1, m.index + m[0].length - 1]);
  for (const m of text.matchAll(OPENING)) spans.push([m.index, m.index + m[0].length - 1]);
  // « notre contrat Microsoft se termine le 30 juin 2026, que faire ? »: when the asker's own engagement ends.
  spans.push(...ownTerms);
  // « on a raté le dépôt de dossier pour le label l'an dernier, la fenêtre de candidature 2025 allait de quand à
  // quand »: the asker's own situation before the clause that asks (`askerStatement`, `clauses.ts`).
  if (statement) spans.push(statement);
  // « un militant m'a dit que … »: who told the asker (`hearsaySource`).
  if (source) spans.push(source);
  // « en préparant le schéma directeur, je me demande … », « quelqu'un voulait savoir … »: who asks, and where, before
  // the question they ask (`reportedAsk`).
  if (reported) spans.push(reported);
  // « Penpot pour les affiches de la kermesse, c'est … ? »: a purpose right after what the question names, before the
  // comma that opens what it asks.
  for (const m of text.matchAll(PURPOSE)) spans.push([m.index + m[0].indexOf(m[1]!), m.index + m[0].length - 1]);
  // « … a dit sur RTL que … »: where the asker heard it.
  for (const m of text.matchAll(MEDIUM)) spans.push([m.index, m.index + m[0].length]);
  // « Fontaine, près de Grenoble, … »: the place that situates the one asked about.
  for (const m of text.matchAll(LOCATOR)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * The offset of the colon that ends a statement before what a sentence asks (« Le courrier arrive au secrétariat sur
 * papier : un logiciel libre pour l'enregistrer ? »), or -1: not an hour (« 14:30 ») nor after a number (« le budget
 * 2027 : »), and not when what follows designates what the statement names (`DESIGNATED_COLLECTIVITY`, `TAKEN_UP`).
 */
function statedBeforeColon(sentence: string): number {
  const colon = sentence.search(/[:;](?![^:;]*\d:)[^:;]*$/);
  if (
    colon > 0 &&
    !/\d$/.test(sentence.slice(0, colon)) &&
    !DESIGNATED_COLLECTIVITY.test(sentence.slice(colon + 1)) &&
    !TAKEN_UP.test(sentence.slice(colon + 1))
  )
    return colon;
  return -1;
}

/**
 * The spans of a purpose or a setting opening a sentence before a comma (« pour la réunion d'équipe lundi, … »): why
 * or for what the asker asks, never what the question names (`relevance.ts`: its names are no anchor of the question).
 */
export function openingPurposes(text: string): [number, number][] {
  // Not a setting (« Chez nous au Pays basque, … », « Dans … , »): where the question is asked about.
  return [...text.matchAll(OPENING)]
    .filter((m) => /^pour\s/iu.test(m[0]))
    .map((m) => [m.index, m.index + m[0].length - 1]);
}

/**
 * Where what is asked starts after a clause opening the question on why or for what the asker asks, or 0: a purpose
 * before a comma (« pour la réunion d'équipe lundi, … »), or, in a question of one sentence, a statement of the asker's
 * before its colon (« je dois répondre à une demande de la direction générale : le dc-edic a son siège à paris, quel est
 * son budget annuel »).
 */
export function openingContextEnd(text: string, reported: Span | null): number {
  const lead = text.length - text.trimStart().length;
  const purpose = openingPurposes(text).find(([a]) => a === lead);
  if (purpose) return purpose[1] + 1;
  // « un technicien du service me demande le sénat a adopté le projet résilience quand »: what follows the verb of
  // asking is what is asked.
  if (reported && reported[0] === lead) return reported[1];
  const sentence = text.replace(/[?!.\s]+$/u, "");
  if (/[.!?]/.test(sentence)) return 0;
  const colon = statedBeforeColon(sentence);
  const before = sentence.slice(0, colon);
  return colon > 0 && sentence[colon] === ":" && (saysAsker(before) || speaksOfQuestion(before)) ? colon + 1 : 0;
}

/**
 * Where the whole question starts after a clause that reports or announces it, or 0: a verb of asking (« quelqu'un
 * demandait … », `reportedAsk`), or, in a question of one sentence, a statement before its colon that speaks of the
 * question itself (« petite question avant le conseil : … », `speaksOfQuestion`). What comes before says who asks,
 * where and why, never what: what follows needs no word of it (`relevance.ts`).
 */
export function framedQuestionStart(text: string, reported: Span | null): number {
  if (reported) return reported[1];
  const sentence = text.replace(/[?!.\s]+$/u, "");
  if (/[.!?]/.test(sentence)) return 0;
  const colon = statedBeforeColon(sentence);
  return colon > 0 && sentence[colon] === ":" && speaksOfQuestion(sentence.slice(0, colon)) ? colon + 1 : 0;
}

/**
 * Whether a question is typed as a search for something, not asked (« logiciel 3d libre pour une maquette », « tiers
 * de télétransmission »): no question mark, no question word.
 */
export function typedAsSearch(text: string): boolean {
  return !text.includes("?") && !INTERROGATIVE.test(fold(text));
}

/** A question word (folded). */
const INTERROGATIVE =
  /(?<![a-z])(?:quel|quelle|quels|quelles|comment|combien|pourquoi|quand|qui|ou|est-ce|est ce)(?![a-z])/;

/**
 * The [start, end) of a purpose closing a request for a product (« logiciel 3d libre pour une maquette du futur
 * gymnase », « des documents partagés chiffrés … pour notre collectif »): the asker's own use, which a catalog card
 * does not write (`relevance.ts` counts its words on a card where held, never against it; not a context of the
 * question anywhere else: « le délai d'un permis de construire pour une maison individuelle » asks that setting). Not
 * when all that comes before it in its clause is the domain's general vocabulary (« logiciel pour l'accueil de
 * loisirs », « Hauts-de-France : quel logiciel libre pour la messagerie ? »), nor when it says only that (« … pour une
 * commune ? »): it is then what is asked. Null when there is none.
 */

export function closingPurpose(text: string): [number, number] | null {
  const specific = (part: string) =>
    fold(part)
      .split(/[^a-z0-9]+/)
      .some((w) => w.length > 1 && !/^\d+$/.test(w) && !STOPWORDS.has(w) && !GENERIC_STEMS.has(frStem(w)));
  const closing = CLOSING_PURPOSE.exec(text);
  if (
    !closing ||
    // A request typed as a search, not a question (« Quel ordinateur portable acheter pour mon fils … ? », « Le
    // Stormshield SN3100 suffit pour une commune … ? » ask about their setting).
    !typedAsSearch(text) ||
    !specific(
      text
        .slice(0, closing.index)
        .split(/[,;:.!?]/)
        .at(-1)!,
    ) ||
    !specific(closing[1]!.replace(/^pour\s/u, ""))
  )
    return null;
  return [closing.index + closing[0].indexOf(closing[1]!), closing.index + closing[0].length];
}

/** A question without its context (`contextSpans`): what it asks, its context blanked out. */
export function outsideSpans(question: string, spans: readonly Span[]): string {
  return [...question].map((c, i) => (spans.some(([a, b]) => i >= a && i < b) ? " " : c)).join("");
}

/** Before a word, what ends a clause: start of the text, or punctuation (« Bonjour, Lyon… », « … : Microsoft… »). */
export const CLAUSE_END = /(^|[,;:.!?«»"()\n—–])\s*$/u;
