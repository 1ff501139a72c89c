/**
 * The one-page progress note for elected officials, built from the plan alone: every figure is computed from the
 * plan's checkpoints (« calcul Cap Libre, inventaire du … »), nothing is left to fill in, nothing is invented.
 * The note is a list of sections (`progressNoteSections`), so the Markdown download and the ODT/PDF exports say the
 * same thing; `noteFacts` lists the figures a model may use to write « L'essentiel » (`progress-note-model.ts`).
 */
import { contract, withArticle } from "../core/labels.ts";
import { fold, formatDecimal, formatInt, frenchDate, localDay, percentText } from "../core/text.ts";
import { countText, message } from "../i18n/messages.ts";
import { wordListEntries, wordListSections } from "../i18n/word-lists.ts";
import type { MoveTarget } from "../verify/moves.ts";
import type { OwnProduct } from "../verify/own-facts.ts";
import type { OwnData, OwnFigure } from "../verify/own-figures.ts";
import type { Plan, Progress } from "./plan.ts";

const t = (key: string, params: Record<string, string | number> = {}) => message(`tracking.note.${key}`, params);
/** « 1 installation », « 60 installations ». */
const installations = (n: number) => countText("installation", n, formatInt(n));
/** « +4,5 », « -2 », « +0 »: a change in points, always signed. */
const points = (v: number) => `${v >= 0 ? "+" : ""}${formatDecimal(v)}`;

export interface NoteSection {
  key: string;
  title: string;
  /** Markdown subset of the drafting exporters: paragraphs, `-` lists, pipe tables, `*italic*`. */
  text: string;
}

// « … de la Communauté de communes … », « … du Département … », « … de Kerbihan » (trial6 B7).
export const noteTitle = (plan: Plan) => contract(t("title", { name: withArticle(plan.collectivite.name) }));

/** The sections of the note, computed from the plan and its progress at `today`. */
export function progressNoteSections(plan: Plan, progress: Progress, _today: string): NoteSection[] {
  const baseline = plan.checkpoints[0]!;
  const latest = progress.latest;
  const sections: NoteSection[] = [];
  const section = (key: string, title: string, lines: string[]) =>
    sections.push({ key, title, text: lines.join("\n").trim() });

  section("commitment", t("commitmentTitle"), [
    t("commitment", {
      date: frenchDate(localDay(plan.adoptedAt)),
      from: percentText(baseline.value),
      target: percentText(plan.target.value),
      targetDate: frenchDate(plan.target.date),
      measure: t(plan.measure),
    }),
  ]);
  const where: string[] = [];
  if (!latest || progress.checkpoints.length < 2) {
    where.push(t("noCheckpoint", { date: frenchDate(baseline.date) }));
  } else {
    const c = latest.checkpoint;
    const standing = t(`standing.${latest.standing}`);
    // An inventory taken before the vote has no planned value: said so, never « en avance » (trial 9).
    where.push(
      t(
        c.narrower
          ? "latestNarrower"
          : latest.planned === null && c.date < localDay(plan.adoptedAt)
            ? "latestBeforeAdoption"
            : latest.standing === "start"
              ? "latestStart"
              : "latest",
        {
          date: frenchDate(c.date),
          value: percentText(c.value),
          planned: percentText(latest.planned),
          standing,
          change:
            // Already at one decimal (`progressOf`): the plural is that of the figure shown.
            latest.change === null ? "—" : countText("point", latest.change, points(latest.change)),
        },
      ),
    );
    // Measured on another perimeter than the baseline's (trial16 C4: 2 of 4 files read as « le plan est en retard »):
    // said right after the figure, then each inventory whose perimeter differs from the previous one's, as the
    // plan's page says them under its table — the note is what the élus read.
    if (progress.perimeter) where.push("", progress.perimeter);
    for (const p of progress.checkpoints.filter((p) => p.perimeter))
      where.push("", t("perimeter", { date: frenchDate(p.checkpoint.date), notice: p.perimeter! }));
    if (progress.targetMet) where.push("", t("targetMet"));
  }
  section("where", t("whereTitle"), where);

  const late = progress.milestones.filter((m) => m.state === "missed" || m.state === "late");
  const next = progress.milestones.find((m) => m.state === "upcoming");
  const milestones = [
    `| ${t("colDate")} | ${t("colMilestone")} | ${t("colPlanned")} | ${t("colMeasured")} | ${t("colState")} |`,
    "|---|---|---|---|---|",
  ];
  for (const m of progress.milestones) {
    milestones.push(
      `| ${frenchDate(m.milestone.date)} | ${m.milestone.label.replaceAll("|", "\\|")} | ${percentText(m.milestone.value)} | ${percentText(m.measured)} | ${t(`milestone.${m.state}`)} |`,
    );
  }
  if (late.length)
    milestones.push(
      "",
      t("lateMilestones", { count: late.length, list: late.map((m) => frenchDate(m.milestone.date)).join(", ") }),
    );
  if (next)
    milestones.push(
      "",
      t("nextMilestone", { date: frenchDate(next.milestone.date), value: percentText(next.milestone.value) }),
    );
  section("milestones", t("milestonesTitle"), milestones);

  if (progress.products.length) {
    section(
      "products",
      t("productsTitle"),
      progress.products.map((p) => `- ${productLine(p)}`),
    );
  }
  const appeared = progress.checkpoints
    .slice(1)
    .flatMap((c) => c.appeared.map((d) => ({ ...d, date: c.checkpoint.date })));
  if (appeared.length)
    section(
      "appeared",
      t("appearedTitle"),
      appeared.map(
        (d) => `- ${t("appeared", { name: d.name, installations: d.installations, date: frenchDate(d.date) })}`,
      ),
    );
  if (plan.events.length)
    section(
      "events",
      t("eventsTitle"),
      plan.events.map((e) => `- ${frenchDate(e.date)} : ${e.text}`),
    );
  section("sources", t("sourcesTitle"), [
    ...plan.checkpoints.map(
      (c) =>
        `- ${t("source", { date: frenchDate(c.date), id: c.analysisId, value: percentText(c.value), raw: percentText(c.raw) })}`,
    ),
    "",
    t("method"),
  ]);
  return sections;
}

/**
 * A planned product's line: where it stands in the words of the plan's page and the public page (`status`),
 * its installations said the way the plan's page says them (« 20 installations au départ, 2 aujourd'hui », not the
 * ambiguous « 2 sur 20 », trial 11 B2), and its replacement.
 */
const productLine = (p: Progress["products"][number]) => {
  // A replacement whose growth another line says: its figures said there only (trial23 T-M8).
  const key = p.replacedBy
    ? p.sharedWith
      ? "replaced"
      : "replacedBy"
    : p.state === "in-progress" || p.state === "fewer" || p.state === "grew"
      ? "moved"
      : p.state;
  return `${t(`product.${key}`, { name: p.product.name, status: p.status, by: p.product.by ?? "—", planned: p.removal ? t("plannedRemoval") : t("plannedBy", { by: p.product.by ?? "—" }), before: installations(p.before), now: installations(p.now), nowCount: formatInt(p.now), byNow: installations(p.byNow) })}${p.late ? ` ${t("productLate", { date: frenchDate(p.product.dueDate!) })}` : ""}`;
};

/**
 * The ways a sentence may name a planned product: the catalog's name, without its parenthesis, and the first of the
 * names it joins with a slash (« Microsoft Office (licence perpétuelle) » is « Microsoft Office », « Avast / AVG »
 * « Avast »).
 */
const nameForms = (name: string) => {
  const short = name.replace(/\s*\(.*$/u, "").trim();
  return [...new Set([name, short, short.split(/\s+\/\s+/)[0]!])].filter((n) => n.length >= 3);
};

/** Words after a brand that only name an offer of it (`i18n/fr/product-name-suffixes.txt`), folded. */
const OFFER_SUFFIXES = new Set(wordListEntries("product-name-suffixes.txt").map((w) => fold(w)));

/**
 * The brand alone, as a note may name a planned product (« Kaspersky » for « Kaspersky Endpoint Security »): when the
 * rest of its name only names an offer, and no other name of the plan starts with that brand.
 */
const brandOf = (name: string, all: string[]): string[] => {
  const [brand, ...rest] = name
    .replace(/\s*\(.*$/u, "")
    .trim()
    .split(/\s+/u);
  if (!brand || brand.length < 3 || rest.length === 0 || !rest.every((w) => OFFER_SUFFIXES.has(fold(w)))) return [];
  const first = (n: string) => fold(n.split(/\s+/u)[0] ?? "");
  return all.filter((n) => first(n) === fold(brand)).length === 1 ? [brand] : [];
};

/**
 * The planned products as the note's own facts (`verify/own-facts.ts`): their names, the installations of the two
 * inventories, what remains in the later one, their replacement and whether the inventories show it.
 */
function noteProducts(progress: Progress): OwnProduct[] {
  if (progress.checkpoints.length < 2) return [];
  const all = progress.products.flatMap((p) => [p.product.name, ...(p.product.by ? [p.product.by] : [])]);
  return progress.products
    .filter((p) => p.state !== "absent")
    .map((p) => ({
      names: [...nameForms(p.product.name), ...brandOf(p.product.name, all)],
      countries: [],
      laws: [],
      openSource: null,
      installations: [...new Set([p.before, p.now])].filter((n) => n > 0),
      remaining: p.now,
      before: p.before,
      ...(p.product.by ? { replacement: { names: [p.product.by], shown: p.replacedBy } } : {}),
      says: productLine(p),
    }));
}

/**
 * What a move claimed in « L'essentiel » may go to (`verify/moves.ts`): every product the first and the last inventory
 * count, and each planned replacement, with its installations in both (none for a replacement neither shows).
 */
function noteMoves(plan: Plan, progress: Progress): MoveTarget[] {
  if (progress.checkpoints.length < 2) return [];
  const first = plan.checkpoints[0]!;
  const last = plan.checkpoints.at(-1)!;
  const targets = new Map<string, MoveTarget>();
  const add = (name: string, before: number, now: number) => {
    const key = fold(name);
    const seen = targets.get(key);
    if (seen) {
      seen.before += before;
      seen.now += now;
    } else targets.set(key, { names: [name], before, now });
  };
  for (const [checkpoint, side] of [
    [first, "before"],
    [last, "now"],
  ] as const)
    for (const d of [...checkpoint.dependencies, ...(checkpoint.others ?? [])])
      add(d.name, side === "before" ? d.installations : 0, side === "now" ? d.installations : 0);
  // A planned product or replacement under another name than the inventories' (« ESET PROTECT »), or in neither.
  for (const p of progress.products) {
    if (!targets.has(fold(p.product.name))) add(p.product.name, p.before, p.now);
    if (p.product.by && !p.removal && !targets.has(fold(p.product.by))) add(p.product.by, p.byBefore, p.byNow);
  }
  return [...targets.values()];
}

/** The note as one Markdown document (without a model). */
export function progressNoteMarkdown(plan: Plan, progress: Progress, today: string): string {
  const out = [`# ${noteTitle(plan)}`, "", `*${t("dated", { date: frenchDate(today) })}*`, ""];
  for (const s of progressNoteSections(plan, progress, today)) out.push(`## ${s.title}`, "", s.text, "");
  return out.join("\n");
}

/**
 * The facts a model may write « L'essentiel » from, one per line, each figure as the note prints it: the
 * commitment, each checkpoint (measure, planned value, standing), milestones, products, new dependencies, events.
 * The verification accepts a figure only when it is among these.
 */
export function noteFacts(plan: Plan, progress: Progress, today: string): string[] {
  return progressNoteSections(plan, progress, today)
    .flatMap((s) => s.text.split("\n"))
    .map((line) => line.replace(/^- /, "").trim())
    .filter((line) => line && !/^\|[\s|:-]*\|$/.test(line))
    .concat([
      t("dated", { date: frenchDate(today) }),
      t("fact.target", {
        target: percentText(plan.target.value),
        targetDate: frenchDate(plan.target.date),
        measure: t(plan.measure),
      }),
      t("fact.baseline", {
        value: percentText(plan.checkpoints[0]!.value),
        date: frenchDate(plan.checkpoints[0]!.date),
      }),
      // What changed between inventories, with their dates (« a baissé de 4 points depuis l'inventaire de départ du
      // 1er juin 2026 »), and the dependencies gone from each (« Zoom n'apparaît plus »): said by the note, so given.
      ...progress.checkpoints.slice(1).flatMap((c, i) => changeFacts(plan, progress, c, i + 1)),
      ...progress.checkpoints.map((c) =>
        t("fact.checkpoint", {
          date: frenchDate(c.checkpoint.date),
          value: percentText(c.checkpoint.value),
          planned: percentText(c.planned),
          raw: percentText(c.checkpoint.raw),
          installations: c.checkpoint.installations,
          standing: t(`standing.${c.standing}`),
        }),
      ),
    ]);
}

/** Names of the plan's measure, by measure (`i18n/fr/own-measure-names.txt`). */
const MEASURE_NAMES = wordListSections("own-measure-names.txt");
/** Words after a figure that say it was measured or planned, folded. */
const AFTER = {
  measured: (MEASURE_NAMES.get("measured-after") ?? []).map(fold),
  planned: (MEASURE_NAMES.get("planned-after") ?? []).map(fold),
};

/** The changes a checkpoint shows: since the previous inventory, since the baseline, and the dependencies gone. */
function changeFacts(plan: Plan, progress: Progress, c: Progress["checkpoints"][number], index: number): string[] {
  const previous = progress.checkpoints[index - 1]!.checkpoint;
  const baseline = plan.checkpoints[0]!;
  const to = frenchDate(c.checkpoint.date);
  const out: string[] = [];
  if (c.change !== null)
    out.push(
      t("fact.change", {
        from: frenchDate(previous.date),
        to,
        change: countText("point", c.change, points(c.change)),
      }),
    );
  // Part of the parc against the whole baseline is no change (trial17 D9).
  const since =
    c.checkpoint.value === null || baseline.value === null || c.checkpoint.narrower
      ? null
      : Math.round((c.checkpoint.value - baseline.value) * 10) / 10;
  if (since !== null)
    out.push(
      t("fact.changeFromBaseline", {
        from: frenchDate(baseline.date),
        to,
        change: countText("point", since, points(since)),
      }),
    );
  if (c.removed.length)
    out.push(
      t("fact.removed", {
        from: frenchDate(previous.date),
        to,
        names: c.removed.map((d) => d.name).join(", "),
      }),
    );
  return out;
}

/**
 * The plan's figures as the verification of « L'essentiel » checks a sentence against them (`verify/own-figures.ts`):
 * each checkpoint's measure, planned value and raw share for its date, each milestone's planned (and measured) value
 * for its date, the next milestone and the target by name too, and the standing at each checkpoint — so « le
 * prochain jalon est de 72 % au 1er janvier 2027 » or « le plan est en retard » is checked against what the plan
 * gives for that date (trial7 A0), not only against « 72 % appears somewhere in the plan ».
 */
export function noteOwnData(plan: Plan, progress: Progress): OwnData & { moves: MoveTarget[] } {
  const own = (key: string, params: Record<string, string | number>) => t(`own.${key}`, params);
  const figures: OwnFigure[] = [];
  const percent = (value: number | null, dates: string[], says: string, names?: string[]) => {
    if (value !== null) figures.push({ kind: "percent", value, dates, says, ...(names ? { names } : {}) });
  };
  // What the measure is called (« la mesure », « le taux », « l'exposition pondérée »): each value measured, loosely
  // (the same names say the value aimed at).
  const names = {
    measure: [...(MEASURE_NAMES.get("measure") ?? []), ...(MEASURE_NAMES.get(plan.measure) ?? [])],
    other: MEASURE_NAMES.get(plan.measure === "weighted" ? "raw" : "weighted") ?? [],
  };
  for (const c of progress.checkpoints) {
    const { date, value, raw, weighted } = c.checkpoint;
    const says = own("checkpoint", {
      value: percentText(value),
      date: frenchDate(date),
      planned: percentText(c.planned),
      raw: percentText(raw),
    });
    for (const v of [value, c.planned, raw]) percent(v, [date], says);
    const other = plan.measure === "weighted" ? raw : weighted;
    for (const [v, n] of [
      [value, names.measure],
      [other, names.other],
    ] as const)
      if (v !== null && v !== undefined) figures.push({ kind: "percent", value: v, names: [...n], says, loose: true });
    // « 68 % mesurés pour 72 % prévus ».
    if (value !== null) figures.push({ kind: "percent", value, after: AFTER.measured, says, loose: true });
    if (c.planned !== null)
      figures.push({ kind: "percent", value: c.planned, after: AFTER.planned, says, loose: true });
  }
  const next = progress.milestones.find((m) => m.state === "upcoming");
  for (const m of progress.milestones) {
    const { date, value } = m.milestone;
    const isNext = m === next;
    percent(
      value,
      [date],
      own(isNext ? "next" : "milestone", { value: percentText(value), date: frenchDate(date) }),
      isNext ? [own("nextName", {})] : undefined,
    );
    percent(m.measured, [date], own("milestoneMeasured", { value: percentText(m.measured), date: frenchDate(date) }));
  }
  percent(
    plan.target.value,
    [plan.target.date],
    own("target", { value: percentText(plan.target.value), date: frenchDate(plan.target.date) }),
    [own("targetName", {})],
  );
  const first = progress.checkpoints[0]?.checkpoint.value ?? null;
  const last = progress.checkpoints.at(-1)?.checkpoint.value ?? null;
  return {
    figures,
    ...(first !== null && last !== null && progress.checkpoints.length >= 2
      ? { reach: { start: first, now: last, target: plan.target.value } }
      : {}),
    products: noteProducts(progress),
    moves: noteMoves(plan, progress),
    milestones: progress.milestones.map((m) => ({
      date: m.milestone.date,
      value: m.milestone.value,
      state: m.state,
      next: m === next,
      says: own("milestoneState", {
        value: percentText(m.milestone.value),
        date: frenchDate(m.milestone.date),
        state: t(`milestone.${m.state}`),
      }),
    })),
    // An inventory taken before the adoption has no planned value: « en avance », « en retard » are wrong of it.
    standings: progress.checkpoints.map((c) =>
      c.planned === null && c.checkpoint.date < localDay(plan.adoptedAt)
        ? {
            standing: "before-plan" as const,
            date: c.checkpoint.date,
            says: own("standingBeforePlan", {
              value: percentText(c.checkpoint.value),
              date: frenchDate(c.checkpoint.date),
            }),
          }
        : c.standing === "start"
          ? {
              standing: "start" as const,
              date: c.checkpoint.date,
              says: own("standingStart", {
                value: percentText(c.checkpoint.value),
                date: frenchDate(c.checkpoint.date),
              }),
            }
          : {
              standing: c.standing,
              date: c.checkpoint.date,
              says: own("standing", {
                standing: t(`standing.${c.standing}`),
                value: percentText(c.checkpoint.value),
                date: frenchDate(c.checkpoint.date),
                planned: percentText(c.planned),
              }),
            },
    ),
    otherSubjects: [
      ...plan.products.flatMap((p) => [p.name, ...(p.by ? [p.by] : [])]),
      ...own("otherSubjects", {})
        .split(",")
        .map((w) => w.trim()),
    ],
  };
}

/**
 * « L'essentiel » of a note written without a model: that it is so, then where the plan stands, from the note's own
 * sections — the commitment, the latest measure against what was planned, the next milestone — every figure computed
 * (trial21 T-M11: the élus' first paragraph said nothing of where the plan stood).
 */
export function templateSummary(plan: Plan, progress: Progress, today: string): string {
  const sections = progressNoteSections(plan, progress, today);
  const text = (key: string) => sections.find((s) => s.key === key)?.text ?? "";
  const where = text("where").split(/\n\s*\n/)[0] ?? "";
  const upcoming = progress.milestones.find((m) => m.state === "upcoming");
  const next = upcoming
    ? t("nextMilestone", { date: frenchDate(upcoming.milestone.date), value: percentText(upcoming.milestone.value) })
    : "";
  return [t("summaryTemplate"), [text("commitment"), where, next].filter(Boolean).join(" ")].join("\n\n");
}
