/**
 * Generated probe « fiches du catalogue »: what an IT director (DSI) asks the chat about one product of their
 * inventory, for a fixed-seed sample of the catalog's cards (`corpus/catalog/*.yaml`), in several phrasings — what
 * kind of tool it is, who owns it, where it is based, what replaces it, whether it is European, the product named by
 * its vendor and function —, and the same phrasings on products the catalog does not have (verified absent from
 * `corpus/` by grep), which must abstain. Each answerable question expects one card (or the vendor's card for a
 * question on the owner or the seat) as the first passage the answer quotes.
 *
 * `npm run eval` prints its figures (« Fiches du catalogue : … »); `node test/eval/card-probe.ts [--show]` runs it
 * alone (`--show`: every question that failed). Never part of the exit code: the sample is not real use.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { retrieveForAnswer } from "../../server/answers/answer.ts";
import { loadConfig } from "../../server/config.ts";
import type { Catalog } from "../../server/corpus/catalog.ts";
import { loadCatalog } from "../../server/corpus/catalog.ts";
import { createEngine, type Engine } from "../../server/engine.ts";

export interface CardProbeQuestion {
  id: string;
  question: string;
  /** Card ids that may come first (`catalog/product/…`); empty: the catalog lacks the product, the answer abstains. */
  expected: string[];
  /** Which phrasing generated it (« genre », « pays »…), for the figures by phrasing. */
  template: string;
}

/** Seeded pseudo-random numbers (mulberry32): the same sample on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(list: T[], n: number, random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/** The name a user writes: without a parenthetical (« Netgear (commutateurs, Wi-Fi, NAS) » → « Netgear »). */
const spoken = (name: string) =>
  name
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .split(" / ")[0]!
    .trim();
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, "");

/**
 * Products the catalog does not have, each checked absent from `corpus/` (`grep -ril NAME corpus` prints nothing,
 * 5 December 2026), with what they do: the same phrasings must abstain.
 */
export const ABSENT_PRODUCTS: [name: string, vendor: string, usage: string][] = [
  ["Typeform", "Typeform", "questionnaires en ligne"],
  ["Jotform", "Jotform", "formulaires en ligne"],
  ["Basecamp", "37signals", "gestion de projets"],
  ["Smartsheet", "Smartsheet", "tableaux de suivi de projets"],
  ["HubSpot", "HubSpot", "gestion de la relation aux usagers"],
  ["Freshdesk", "Freshworks", "gestion des demandes d'assistance"],
  ["Zendesk", "Zendesk", "centre d'assistance en ligne"],
  ["Wrike", "Wrike", "gestion des tâches d'équipe"],
  ["ClickUp", "ClickUp", "gestion des tâches"],
  ["Dashlane", "Dashlane", "gestion des mots de passe"],
  ["NordVPN", "Nord Security", "réseau privé virtuel"],
  ["Figma", "Figma", "maquettes graphiques"],
  ["Pipedrive", "Pipedrive", "suivi commercial"],
  ["Qualtrics", "Qualtrics", "enquêtes de satisfaction"],
  ["Ruckus", "CommScope", "bornes Wi-Fi"],
  ["Jamf", "Jamf", "gestion des iPad et des Mac"],
  ["Freshservice", "Freshworks", "gestion du parc informatique"],
  ["Discord", "Discord", "messagerie de groupe"],
  ["Lucidchart", "Lucid Software", "schémas et organigrammes"],
  ["Prezi", "Prezi", "présentations animées"],
  ["Padlet", "Padlet", "murs collaboratifs"],
  ["Kahoot", "Kahoot", "quiz interactifs"],
  ["Proofpoint", "Proofpoint", "filtrage des courriels"],
  ["Datadog", "Datadog", "supervision des serveurs"],
];

/**
 * What no card says and the question asks of a catalog vendor: its staff, its head, its founding year. Kept for a
 * vendor only where no text of the corpus writes the vendor's name within `NEAR` characters of such a word (checked
 * on `corpusText`, the folded text of every corpus file): the answer must abstain.
 */
const DETAILS: [template: string, question: (vendor: string) => string, near: RegExp][] = [
  ["salaries", (v) => `Combien de salariés compte ${v} ?`, /salari|employe|effectif/],
  ["pdg", (v) => `Qui est le PDG de ${v} ?`, /\bpdg\b|directeur general|directrice generale|\bceo\b|dirige/],
  [
    "fondation",
    (v) => `En quelle année ${v} a-t-il été fondé ?`,
    /fonde|cree en|creee en|fondation|depuis (?:19|20)\d\d/,
  ],
];
const NEAR = 300;

/** Whether a folded corpus text writes `name` within `NEAR` characters of a word `near` matches. */
function writesNear(corpusText: string, name: string, near: RegExp): boolean {
  const folded = fold(name);
  for (let at = corpusText.indexOf(folded); at >= 0; at = corpusText.indexOf(folded, at + 1))
    if (near.test(corpusText.slice(Math.max(0, at - NEAR), at + folded.length + NEAR))) return true;
  return false;
}

/** The probe's questions: a fixed-seed sample of the catalog's cards, several phrasings each, and the absent products. */
export function cardProbeQuestions(catalog: Catalog, seed = 13, corpusText = ""): CardProbeQuestion[] {
  const random = seeded(seed);
  const out: CardProbeQuestion[] = [];
  const withAlternatives = new Set(catalog.mappings.map((m) => m.product));
  // Cards of the same name answer too (the product « Zimbra » and the alternative « Zimbra », the product « Telegram »
  // and its vendor « Telegram »): which one comes first is not a fault.
  const sameName = new Map<string, string[]>();
  const named = (name: string, id: string) =>
    sameName.set(fold(spoken(name)), [...(sameName.get(fold(spoken(name))) ?? []), id]);
  for (const p of catalog.products.values()) named(p.name, `catalog/product/${p.id}`);
  for (const v of catalog.vendors.values()) named(v.name, `catalog/vendor/${v.id}`);
  for (const a of catalog.alternatives.values()) named(a.name, `catalog/alternative/${a.id}`);
  const add = (id: string, template: string, question: string, expected: string[], name?: string) =>
    out.push({
      id: `${id}-${template}`,
      question,
      expected: [...new Set([...expected, ...(name ? (sameName.get(fold(name)) ?? []) : [])])],
      template,
    });
  const products = sample(
    [...catalog.products.values()].sort((a, b) => a.id.localeCompare(b.id)),
    50,
    random,
  );
  for (const p of products) {
    const v = catalog.vendors.get(p.vendor)!;
    const name = spoken(p.name);
    const card = `catalog/product/${p.id}`;
    const owner = [card, `catalog/vendor/${v.id}`];
    add(`fp-${p.id}`, "quoi", `${name}, c'est quoi ?`, [card], name);
    add(`fp-${p.id}`, "genre", `${name}, c'est quel genre d'outil ?`, [card], name);
    add(`fp-${p.id}`, "appartient", `${name} appartient à qui ?`, owner, name);
    add(`fp-${p.id}`, "base", `${name}, c'est basé où ?`, owner, name);
    add(`fp-${p.id}`, "pays", `${name}, ça vient de quel pays ?`, owner, name);
    add(`fp-${p.id}`, "europeen", `${name} est-il européen ?`, owner, name);
    // Phrasings of the blind set held-out-10 (burned: read for diagnosis), on every card of the sample.
    add(`fp-${p.id}`, "sert", `${name}, ça sert à quoi ?`, [card], name);
    add(`fp-${p.id}`, "classe", `${name}, dans l'inventaire, c'est classé comment ?`, [card], name);
    add(`fp-${p.id}`, "edite-ou", `${name}, il est édité où ?`, owner, name);
    add(`fp-${p.id}`, "francais", `${name}, il est français ?`, owner, name);
    if (withAlternatives.has(p.id)) add(`fp-${p.id}`, "remplacer", `Par quoi remplacer ${name} ?`, [card]);
    if (fold(spoken(v.name)) !== fold(name) && !fold(name).includes(fold(spoken(v.name))))
      add(`fp-${p.id}`, "fonction", `On a l'outil de ${spoken(v.name)} pour ${lowerFirst(p.usage)} : c'est lequel ?`, [
        card,
      ]);
  }
  const vendors = sample(
    [...catalog.vendors.values()].sort((a, b) => a.id.localeCompare(b.id)),
    15,
    random,
  );
  for (const v of vendors) {
    const card = `catalog/vendor/${v.id}`;
    const name = spoken(v.name);
    add(`fv-${v.id}`, "base", `${name}, c'est basé où ?`, [card], name);
    add(`fv-${v.id}`, "controle", `Qui contrôle ${name} ?`, [card], name);
    add(`fv-${v.id}`, "europeen", `${name}, c'est une entreprise européenne ?`, [card], name);
  }
  const alternatives = sample(
    [...catalog.alternatives.values()].sort((a, b) => a.id.localeCompare(b.id)),
    15,
    random,
  );
  for (const a of alternatives) {
    const card = `catalog/alternative/${a.id}`;
    const name = spoken(a.name);
    add(`fa-${a.id}`, "quoi", `${name}, c'est quoi ?`, [card], name);
    add(`fa-${a.id}`, "genre", `${name}, c'est quel genre de logiciel ?`, [card], name);
    add(`fa-${a.id}`, "editeur", `Qui publie ${name} ?`, [card], name);
  }
  // Details of a vendor no card gives, for the vendors of the first 20 products of the sample.
  if (corpusText)
    for (const p of products.slice(0, 20)) {
      const v = catalog.vendors.get(p.vendor)!;
      for (const [template, question, near] of DETAILS)
        if (!writesNear(corpusText, spoken(v.name), near)) add(`fd-${p.id}`, template, question(spoken(v.name)), []);
    }
  for (const [name, vendor, usage] of ABSENT_PRODUCTS) {
    const id = `fx-${fold(name).replace(/[^a-z0-9]+/g, "-")}`;
    add(id, "genre", `${name}, c'est quel genre d'outil ?`, []);
    add(id, "base", `${name}, c'est basé où ?`, []);
    add(id, "remplacer", `Par quoi remplacer ${name} ?`, []);
    if (fold(vendor) !== fold(name))
      add(id, "fonction", `On a l'outil de ${vendor} pour la ${usage} : c'est lequel ?`, []);
  }
  return out;
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The folded text of every file of `corpus/` (to check a detail is absent from it). */
export async function corpusText(dir = path.resolve("corpus")): Promise<string> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(md|ya?ml)$/.test(f));
  return (await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")))).map(fold).join("\n");
}

export interface CardProbeReport {
  answerable: number;
  /** The first passage the answer quotes is an expected card. */
  rightFirst: number;
  /** Answered, but the first passage quoted is another one. */
  wrongCard: number;
  /** Abstained although a card answers. */
  abstained: number;
  absent: number;
  /** Absent products and absent details answered (should abstain). */
  absentAnswered: number;
  byTemplate: Record<string, { count: number; rightFirst: number; abstained: number; wrongCard: number }>;
  failures: { q: CardProbeQuestion; outcome: string; first: string | null; reason: string }[];
}

export async function evaluateCardProbe(engine: Engine, questions: CardProbeQuestion[]): Promise<CardProbeReport> {
  const report: CardProbeReport = {
    answerable: 0,
    rightFirst: 0,
    wrongCard: 0,
    abstained: 0,
    absent: 0,
    absentAnswered: 0,
    byTemplate: {},
    failures: [],
  };
  for (const q of questions) {
    const { decision, relevant } = await retrieveForAnswer([{ role: "user", content: q.question }], engine);
    const abstained = !decision.answerable || relevant.length === 0;
    const first = abstained ? null : relevant[0]!.document.id;
    const reason = abstained ? `${decision.reason} : ${decision.missing.join(", ")}` : "";
    if (q.expected.length === 0) {
      report.absent++;
      if (!abstained) {
        report.absentAnswered++;
        report.failures.push({ q, outcome: "répond à tort", first, reason });
      }
      continue;
    }
    report.answerable++;
    const t = (report.byTemplate[q.template] ??= { count: 0, rightFirst: 0, abstained: 0, wrongCard: 0 });
    t.count++;
    if (abstained) {
      report.abstained++;
      t.abstained++;
      report.failures.push({ q, outcome: "abstention à tort", first, reason });
    } else if (q.expected.includes(first!)) {
      report.rightFirst++;
      t.rightFirst++;
    } else {
      report.wrongCard++;
      t.wrongCard++;
      report.failures.push({ q, outcome: "autre passage en premier", first, reason });
    }
  }
  return report;
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} % (${n}/${d})`;

export function printCardProbe(report: CardProbeReport, show = false) {
  console.log(
    `\nFiches du catalogue (sonde générée, échantillon à graine fixe, test/eval/card-probe.ts) : ${report.answerable} questions avec réponse, ${report.absent} sans (produits absents du catalogue, détails qu'aucune fiche ne donne)`,
  );
  console.log(`  fiche attendue citée en premier : ${pct(report.rightFirst, report.answerable)}`);
  console.log(`  abstention à tort : ${pct(report.abstained, report.answerable)}`);
  console.log(`  autre passage cité en premier : ${pct(report.wrongCard, report.answerable)}`);
  console.log(
    `  produits absents du catalogue et détails absents des fiches : abstention ${pct(report.absent - report.absentAnswered, report.absent)}, réponse à tort ${report.absentAnswered}`,
  );
  for (const [name, t] of Object.entries(report.byTemplate))
    console.log(
      `  ${name.padEnd(11)} ${String(t.count).padStart(3)} questions : fiche en premier ${t.rightFirst}, abstention ${t.abstained}, autre passage ${t.wrongCard}`,
    );
  const shown = show ? report.failures : report.failures.filter((f) => f.outcome === "répond à tort");
  for (const f of shown)
    console.log(
      `  ${f.outcome} : [${f.q.id}] ${f.q.question}${f.first ? ` → ${f.first}` : ""}${f.reason ? ` (${f.reason})` : ""}`,
    );
}

if (import.meta.main) {
  const base = loadConfig();
  const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-card-probe-"));
  try {
    const engine = await createEngine({ ...base, dataDir, ollamaBaseUrl: "http://127.0.0.1:9" });
    await engine.index();
    const catalog = await loadCatalog(path.resolve("corpus"), []);
    printCardProbe(
      await evaluateCardProbe(engine, cardProbeQuestions(catalog, 13, await corpusText())),
      process.argv.includes("--show"),
    );
    await engine.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
