/**
 * What the four document builders share: labels, the data block given to the model, the counts every document
 * states in the same words, and the note that says a figure was computed by Cap Libre.
 */

import { categoryLabel, collectiviteKindWord, fitLabel, withArticle } from "../../core/labels.ts";
import { escapeRegExp, fold, formatInt, formatPercent, frenchDate, NBSP } from "../../core/text.ts";
import { exposureLabel } from "../../corpus/catalog.ts";
import { countText, message } from "../../i18n/messages.ts";
import { wordAlternation, wordListSections } from "../../i18n/word-lists.ts";
import { alternativeCaveats } from "../../inventory/alternative-text.ts";
import { analysisDay } from "../../inventory/inventory-date.ts";
import { vendorLabel } from "../../inventory/vendor-text.ts";

export { categoryLabel, fitLabel };

import { clausesOf, FIRST_PERSON, sentencesOf } from "../../core/first-person.ts";
import { neutralize } from "../../retrieval/passages.ts";
import { verdictOf } from "../../verify/document-verdicts.ts";
import type { LetterInputs } from "../inputs.ts";
import { planRoadmap, type RoadmapPlan } from "../roadmap-plan.ts";
import { type DocumentStructure, fill } from "../structure.ts";
import type { AnalysisItem, DraftContext, InventoryAnalysis } from "../types.ts";
/** A Markdown pipe table; `|` inside cells is escaped. */
export function markdownTable(headers: string[], rows: string[][]): string {
  const cell = (s: string) => s.replaceAll("|", "\\|").replace(/\n/g, " ");
  return [headers, headers.map(() => "---"), ...rows].map((r) => `| ${r.map(cell).join(" | ")} |`).join("\n");
}

export const sentence = (s: string) => (/[.!?;:…]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
/** The data block: one « label : value » a line, lists as indented dashes; empty values left out. */
export function dataBlock(entries: [string, string | string[] | undefined][]): string {
  const lines: string[] = [];
  for (const [label, value] of entries) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    if (Array.isArray(value)) lines.push(`${label} :`, ...value.map((v) => `- ${v}`));
    else lines.push(`${label} : ${value}`);
  }
  return neutralize(lines.join("\n"));
}

export type Collectivite = LetterInputs["collectivite"];

export function describeCollectivite(c: Collectivite): string {
  const parts = [
    c.kind ? collectiviteKindWord(c.kind) : undefined,
    c.department,
    c.region,
    c.population ? `${formatInt(c.population)} habitants` : undefined,
    c.agents ? `${formatInt(c.agents)} agents` : undefined,
    c.workstations ? `${formatInt(c.workstations)} postes de travail` : undefined,
  ].filter(Boolean);
  return parts.length ? `${c.name} (${parts.join(" ; ")})` : c.name;
}

export function baseVars(c: Collectivite): Record<string, string> {
  const inSentence = withArticle(c.name);
  return {
    // « la Communauté d'agglomération… » inside a sentence, « La Communauté… » when it opens one.
    collectivite: inSentence,
    collectivite_start: inSentence.charAt(0).toLocaleUpperCase("fr") + inSentence.slice(1),
    collectivite_kind: c.kind ? collectiviteKindWord(c.kind) : "collectivité",
    collectivite_region: c.region ?? c.department ?? "",
  };
}

export const texts = (structure: DocumentStructure, key: string, vars: Record<string, string> = {}) => {
  const t = structure.texts[key];
  if (t === undefined) throw new Error(`prompts: texte « ${key} » manquant`);
  return fill(t, vars);
};

/**
 * The document's context. What the user's `context` says of others (`contextClaims`, `own` its names of the map) is
 * left out of the facts that back figures and names, so the sentence stating it is checked against the corpus like a
 * model's.
 */
export const finish = (
  title: string,
  collectivite: string,
  vars: Record<string, string>,
  data: string,
  tone: string,
  context?: string,
  own: string[] = [],
): DraftContext => {
  const claims = contextClaims(context, collectivite, own);
  return {
    title,
    collectivite,
    vars,
    data,
    facts: [data, ...Object.values(vars)].map((f) =>
      claims.reduce((t, claim) => t.replaceAll(neutralize(claim), " ").replaceAll(claim, " "), f),
    ),
    claims,
    tone,
  };
};

/** Who a clause of the user's context speaks of: sections of `i18n/fr/context-subjects.txt`. */
const SUBJECTS = wordListSections("context-subjects.txt");
const subjects = (section: string) => wordAlternation(SUBJECTS.get(section) ?? []);

/**
 * How a sender speaks of the collectivité or of themselves (« la ville », « notre commune », « nous »). « La ville de
 * Munich », « la métropole de Lyon » name another one (a name after « de »): its own name is looked for apart.
 */
const SELF_REFERENCE = new RegExp(
  `(?<!\\p{L})(?:nous|notre|nos|(?:la|cette|notre) (?:${subjects("soi : noms féminins")})|l['’](?:${subjects("soi : noms élidés")})|(?:le|ce|notre) (?:${subjects("soi : noms masculins")}))(?!\\p{L})(?!\\s+(?:de|du|d['’])\\s*\\p{Lu})`,
  "iu",
);

/**
 * A reserve by which the sender says where they have what they say of others (« (selon nos informations) », « , à notre
 * connaissance, »): it does not make the clause about them.
 */
const SENDER_RESERVE = new RegExp(
  `\\s*(?:\\(\\s*(?:${subjects("réserves de l'expéditeur")})\\s*\\)|,\\s*(?:${subjects("réserves de l'expéditeur")})\\s*(?=,|$))`,
  "giu",
);

/** Words of a collectivité's name that name it (« Rennes » of « Ville de Rennes »), not its kind. */
const GENERIC_NAME_WORD = new RegExp(`^(?:${subjects("mots génériques d'un nom")})$`, "iu");

/** What opens a clause before its subject (« En 2025, », « Depuis 2020, », « Selon la presse, »). */
const LEAD_IN = /^(?:en|depuis|dès|après|avant|selon|comme|d['’]après|au|à|aux|pour|fin|début)\s[^,]{1,60},\s*/iu;
const DETERMINER = /^(?:le|la|les|l['’]|un|une|des|ce|cette|ces)\s*/iu;
/**
 * Subjects that are others in general (« les collectivités », « la loi », « l'État »), and the texts of law that bind
 * everyone (« L'article 16 de la loi de 2016 impose … »).
 */
const OTHERS_IN_GENERAL = new RegExp(
  `^(?:(?:${subjects("autres en général : quantificateurs")})\\s+(?:${subjects("autres en général : noms")})|(?:la|les|aucune|une)\\s+lois?|le droit|la réglementation|le gouvernement|l['’]état|l['’]union européenne|l['’]europe|${subjects("autres en général : textes")})(?!\\p{L})`,
  "iu",
);
/**
 * A clause opening with a quantifier and a common noun that is not others in general (« Quelques postes ont … »,
 * « Plusieurs agents utilisent … »): the collectivité's own parc or staff, not a name.
 */
const QUANTIFIED_OWN = new RegExp(`^(?:${subjects("autres en général : quantificateurs")})\\s+\\p{Ll}`, "u");
/** An apposition after a name (« Boé, commune d'environ 5 700 habitants, fait … »): skipped to reach its verb. */
const APPOSITION = /^\s*,[^,;:]{1,100},\s*/u;
/** A collectivité's own services, named by their acronym (« la DSI », « le CCAS »): the collectivité itself. */
const OWN_UNIT = new RegExp(`^(?:${subjects("services de la collectivité")})$`, "u");
/** Words after a name that open a complement, not a verb (« Contrat Microsoft 365 à renouveler », « Départ à la retraite »). */
const COMPLEMENT = /^(?:à|au|aux|de|du|des|d['’]\S*|en|pour|vers|sur|avec|chez|dans|par|et|ou|le|la|les|l['’]\S*)$/iu;

/**
 * Whether a clause speaks of others: its subject is a name (« Munich a économisé … », « le CLOUD Act interdit … »,
 * « la Gendarmerie … », « Microsoft augmente … ») or others in general (« les collectivités », « la loi »). A clause
 * whose subject is a common noun (« Le contrat Microsoft 365 arrive à échéance … », « départ à la retraite du
 * technicien en 2028 », « Contrat Microsoft 365 à renouveler … ») is the user's own matter.
 */
export function aboutOthers(clause: string): boolean {
  const c = clause.trim().replace(LEAD_IN, "");
  if (OTHERS_IN_GENERAL.test(c)) return true;
  if (QUANTIFIED_OWN.test(c.charAt(0).toLowerCase() + c.slice(1))) return false;
  const det = DETERMINER.exec(c);
  const rest = det ? c.slice(det[0].length) : c;
  const head = /^[\p{L}\p{N}][\p{L}\p{N}-]*/u.exec(rest)?.[0] ?? "";
  // « La ville de Munich », « la métropole de Lyon »: a collectivité named after its kind is someone else.
  if (det && GENERIC_NAME_WORD.test(head) && /^\s+(?:de|du|d['’])\s*\p{Lu}/u.test(rest.slice(head.length))) return true;
  // « On garde ArcGIS Pro … »: « on » opening a DSI's context is the collectivité itself, no name (trial 8).
  if (!/^\p{Lu}/u.test(head) || OWN_UNIT.test(head) || /^on$/iu.test(head)) return false;
  // After an article, or an acronym: a name (« le CLOUD Act », « la Gendarmerie », « AWS »).
  if (det || /^\p{Lu}[\p{Lu}\d]/u.test(head)) return true;
  // Opening the clause without an article, a name is followed by its verb (« Munich a », « Lyon a quitté »), a note's
  // common noun by its complement (« Contrat Microsoft 365 à renouveler »).
  // Someone named by several capitalised words, said to be someone (« Sophie Martin est la maire de Crolles »), is
  // someone else, checked as a claim (the role against the passages naming them: `roleClaimed`); a product's name with
  // its verb is the collectivité's matter (« Google Chrome doit être retiré »).
  if (
    /^(?:\s+\p{Lu}[\p{Ll}-]+)+\s+(?:est|était|fut|a été|devient|est devenue?)\s+(?:le|la|l['’]|un|une)(?=[\s'’])/u.test(
      rest.slice(head.length),
    )
  )
    return true;
  // Someone named by several capitalised words, given a post elsewhere by an apposition that names another place or
  // body (« Jehan Monnier, directeur du numérique d'Échirolles, organise … »): someone else, checked as a claim (the
  // role against the passages naming them: `role-apposition.ts`). « Jean Martin, directeur des services techniques,
  // part à la retraite » names no one else: the collectivité's own matter.
  const apposed = /^((?:\s+\p{Lu}[\p{Ll}-]+)+)\s*,([^,;:]{1,100}),/u.exec(rest.slice(head.length));
  if (apposed && /(?:^|[\s'’])\p{Lu}\p{Ll}/u.test(apposed[2]!)) return true;
  const next = rest.slice(head.length).replace(APPOSITION, " ").trim().split(/\s+/)[0] ?? "";
  return /^\p{Ll}/u.test(next) && !COMPLEMENT.test(next);
}

/** Whether a clause names the collectivité or the sender (« la ville », « notre commune », « nous », its name). */
function namesUs(collectivite: string): (clause: string) => boolean {
  const own = collectivite
    .split(/[\s'’-]+/)
    .filter((w) => w.length >= 3 && /^\p{Lu}/u.test(w) && !GENERIC_NAME_WORD.test(w));
  return (clause) =>
    SELF_REFERENCE.test(clause) ||
    own.some((w) => new RegExp(`(?<!\\p{L})${escapeRegExp(w)}(?!\\p{L})`, "u").test(clause));
}

/**
 * What the sender's context says of others (« la Gendarmerie a économisé 534 millions d'euros avec Linux et Lyon a
 * quitté Microsoft »): its clauses (sentences, parts between « ; ») that speak neither of the collectivité (its name,
 * « la ville », « notre commune ») nor of the sender (« nous »), and whose subject is someone else (`aboutOthers`).
 * The user knows their own collectivité (« Le contrat Microsoft 365 arrive à échéance en septembre 2027 »); what they
 * say of others is what the corpus can confirm, qualify, contradict or not carry.
 */
export function contextClaims(
  context: string | undefined,
  collectivite: string,
  /** Names of the collectivité's own map no catalog product is (`ownItemNames`): what it says of them is its own. */
  own: string[] = [],
): string[] {
  if (!context) return [];
  const us = namesUs(collectivite);
  return sentencesOf(context)
    .flatMap(clausesOf)
    .filter((c) => {
      const bare = c.replace(SENDER_RESERVE, "");
      if (opensOnOwnItem(bare, own)) return false;
      if (!us(bare) && aboutOthers(bare)) return true;
      // A ban or a duty (« Google Analytics est interdit par la CNIL depuis 2022 »), or an absolute said by others
      // (« Le Cloud Act permet … de lire tous les courriels de la mairie »): the corpus's matter, not the collectivité's
      // own information, when its opening does not name the collectivité (trial25 T-M7).
      const verdict = verdictOf(bare)?.sort.name;
      const opening = bare.trim().split(/\s+/u).slice(0, OPENING_WORDS).join(" ");
      if (us(opening) || FIRST_PERSON.test(bare)) return false;
      return verdict === "obligation" || (verdict === "généralité" && aboutOthers(bare));
    });
}

/** Words opening a clause that say whose matter it is (« Le site de la commune … », « La mairie a … »). */
const OPENING_WORDS = 4;

/**
 * The names of a map's items that no catalog product is (« GestCantine (appli interne DSI) »): the collectivité's own
 * software, which the corpus cannot know (trial25 T-M9: « GestCantine est une application interne developpee par la
 * DSI en 2019 » was checked against the corpus and listed among « phrases non vérifiées »).
 */
export const ownItemNames = (analysis: InventoryAnalysis | null | undefined): string[] =>
  analysis?.items.filter((i) => !i.product).map((i) => i.name) ?? [];

/** Whether a clause opens on (after its article) the first word of one of `own` (four letters at least). */
function opensOnOwnItem(clause: string, own: string[]): boolean {
  if (!own.length) return false;
  const c = clause.trim().replace(LEAD_IN, "");
  const rest = c.slice(DETERMINER.exec(c)?.[0].length ?? 0);
  const head = /^[\p{L}\p{N}][\p{L}\p{N}-]*/u.exec(rest)?.[0] ?? "";
  const first = (name: string) => /^[\p{L}\p{N}][\p{L}\p{N}-]*/u.exec(name.trim())?.[0] ?? "";
  return head.length >= 4 && own.some((n) => fold(first(n)) === fold(head));
}

/** The context without its claims about others: what the user says of their own collectivité (its dated events). */
export function ownContext(context: string | undefined, collectivite: string, own: string[] = []): string | undefined {
  if (!context) return context;
  const claims = new Set(contextClaims(context, collectivite, own));
  if (!claims.size) return context;
  return sentencesOf(context)
    .flatMap(clausesOf)
    .filter((c) => !claims.has(c))
    .map((c) => `${c}.`)
    .join(" ");
}

/**
 * The context as the document states it: each sentence the user wrote about their own collectivité, with no claim
 * about others in it, attributed to them (« … en septembre 2027 (information de la collectivité). »): what the corpus
 * cannot confirm is shown as the user's information, not as a fact of the corpus nor as dubious. A sentence in the
 * first person is the sender's own already; claims about others are left as written (they are checked).
 */
export function attributedContext(
  context: string | undefined,
  collectivite: string,
  attribution: string,
  /** A note after a sentence (« *(Échéance « en septembre 2026 » passée …)* »), or "" (trial24 T-L3). */
  noteOf: (sentence: string) => string = () => "",
  /** `contextClaims`' `own`. */
  own: string[] = [],
): string {
  if (!context) return "";
  const claims = contextClaims(context, collectivite, own);
  return sentencesOf(context.trim())
    .map((s) => {
      const t = sentence(s);
      const note = noteOf(t);
      return note ? `${attributed(t)} ${note}` : attributed(t);
    })
    .join(" ");

  function attributed(t: string): string {
    const clauses = clausesOf(t);
    if (
      !clauses.length ||
      clauses.some((c) => claims.includes(c)) ||
      FIRST_PERSON.test(t) ||
      /\bselon\b|d['’]après/iu.test(t)
    )
      return t;
    return t.replace(/\s*([.!?…])$/u, ` (${attribution})$1`);
  }
}

/** Software listed by name in tables and in the model's data; the rest is counted (large inventories). */
export const MAX_LISTED = 40;

/** « Cegid (France ; contrôlé par Silver Lake et KKR…, États-Unis) »: the vendor's own country, its controller apart. */
export const vendorText = (i: AnalysisItem) => (i.vendor ? vendorLabel(i.vendor) : (i.publisher ?? "?"));
export const alternativesText = (i: AnalysisItem) =>
  (i.alternatives ?? []).length
    ? (i.alternatives ?? [])
        .map(
          (a) =>
            // Caveats joined by commas: « ; » separates alternatives, so a caveat never reads as the next one's.
            `${a.name}${a.country ? ` (${a.country})` : ""} — ${[fitLabel(a.fit), ...alternativeCaveats(a)].join(", ")}`,
        )
        .join(" ; ")
    : "—";
export const lawsText = (laws: string[]) => laws.map(exposureLabel).join(", ");
/** « 12,5 points » → one decimal, French comma. */
export const formatPoints = (n: number) =>
  // A gain that rounds to nothing at one decimal is still a gain: two decimals (« 0,04 point »), never « 0 point ».
  n > 0 && Math.round(n * 10) === 0
    ? `${String(Math.max(0.01, Math.round(n * 100) / 100)).replace(".", ",")}${NBSP}point`
    : `${String(Math.round(n * 10) / 10).replace(".", ",")}${NBSP}point${Math.round(n * 10) / 10 >= 2 ? "s" : ""}`;
export const percentOrDash = (n: number | null) => (n === null ? "—" : formatPercent(n));
export const productLabel = (i: AnalysisItem) => (typeof i.product === "object" && i.product ? i.product.name : i.name);

/** The sentences every document uses for the counts of an analysis: one wording, one set of numbers. */
/**
 * The share of extra-European (or exposed) installations as every document writes it after « soit »: the exposed
 * installations over those whose origin is known (`measureItems`'s raw share, rounded once), and — when some origins
 * are unknown — what it is a share of, since « 2 054 d'entre elles, soit 79 % » of 2 675 installations reads as 77 %
 * (trial 10). The one writer of that share: letter, briefing note, audit plan and roadmap.
 */
export function knownShareText(raw: { exposed: number; known: number; installations: number }): string {
  if (!raw.known) return "—";
  const share = formatPercent((100 * raw.exposed) / raw.known);
  return raw.known < raw.installations ? message("drafts.share.ofKnown", { share }) : share;
}

export function measureSentences(structure: DocumentStructure, plan: RoadmapPlan) {
  const m = plan.measure;
  return {
    total: formatInt(m.installations),
    products: formatInt(m.items),
    extra: formatInt(m.raw.exposed),
    raw: percentOrDash(plan.baseline.raw),
    share: knownShareText({ exposed: m.raw.exposed, known: m.raw.known, installations: m.installations }),
    weighted: percentOrDash(plan.baseline.weighted),
    components: m.components.items
      ? texts(structure, "measure.components", {
          components: countText("component", m.components.items, formatInt(m.components.items)),
          installations: countText("installation", m.components.installations, formatInt(m.components.installations)),
        })
      : "",
  };
}

/**
 * « La cartographie … recense … » with a map's counts (the document's `analysis.sentence`), followed by a space;
 * empty without a map. The same sentence parts as the roadmap and the briefing.
 */
export function analysisSentence(
  structure: DocumentStructure,
  analysis: InventoryAnalysis | null,
  now: string,
  vars: Record<string, string>,
): string {
  if (!analysis) return "";
  const counts = measureSentences(structure, planRoadmap(analysis, { now }));
  return `${texts(structure, "analysis.sentence", { ...counts, collectivite: vars.collectivite!, name: analysisLabel(analysis) })} `;
}

/** What the catalog says differently today of the analysis's products (`catalogChanges`), or "" when nothing. */
export const catalogNotice = (analysis: InventoryAnalysis | null) => analysis?.catalogChanges?.notice ?? "";

export const installationWord = (n: number) => (n > 1 ? "installations" : "installation");

/** How documents name an analysis: the name the DSI gave it, its id for a hand-written one without a name. */
export const analysisLabel = (analysis: InventoryAnalysis) => analysis.name ?? analysis.id;

/** « *Source : calcul Cap Libre, inventaire du 15 juin 2026 (cartographie « … »).* »: figures computed here say so. */
export function computationNote(analysis: InventoryAnalysis): string {
  const date = analysisDay(analysis); // the inventory's own date when the DSI gave it, else its import day
  const inventory = date
    ? message("drafts.computation.inventory", { date: frenchDate(date), id: analysisLabel(analysis) })
    : message("drafts.computation.inventoryNoDate", { id: analysisLabel(analysis) });
  return message("drafts.computation", { inventory });
}
