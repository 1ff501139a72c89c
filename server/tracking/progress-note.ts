/**
 * The one-page progress note for elected officials, built from the plan alone: every figure is computed from the
 * plan's checkpoints (« calcul Cap Libre, inventaire du … »), nothing is left to fill in, nothing is invented.
 */
import { frenchDate, percentText } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import type { Plan, Progress } from "./plan.ts";

const t = (key: string, params: Record<string, string | number> = {}) => message(`tracking.note.${key}`, params);
const points = (v: number) => new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, signDisplay: "always" }).format(v);

export function progressNoteMarkdown(plan: Plan, progress: Progress, today: string): string {
  const baseline = plan.checkpoints[0]!;
  const latest = progress.latest;
  const out: string[] = [`# ${t("title", { name: plan.collectivite.name })}`, "", `*${t("dated", { date: frenchDate(today) })}*`, ""];
  out.push(`## ${t("commitmentTitle")}`, "");
  out.push(t("commitment", { date: frenchDate(plan.adoptedAt.slice(0, 10)), from: percentText(baseline.value), target: percentText(plan.target.value), targetDate: frenchDate(plan.target.date), measure: t(plan.measure) }), "");
  out.push(`## ${t("whereTitle")}`, "");
  if (!latest || progress.checkpoints.length < 2) {
    out.push(t("noCheckpoint", { date: frenchDate(baseline.date) }), "");
  } else {
    const c = latest.checkpoint;
    const standing = t(`standing.${latest.standing}`);
    out.push(t("latest", { date: frenchDate(c.date), value: percentText(c.value), planned: percentText(latest.planned), standing, change: latest.change === null ? "—" : points(latest.change) }), "");
    if (progress.targetMet) out.push(t("targetMet"), "");
  }
  const late = progress.milestones.filter((m) => m.state === "missed" || m.state === "late");
  const next = progress.milestones.find((m) => m.state === "upcoming");
  out.push(`## ${t("milestonesTitle")}`, "");
  out.push(`| ${t("colDate")} | ${t("colMilestone")} | ${t("colPlanned")} | ${t("colMeasured")} | ${t("colState")} |`, "|---|---|---|---|---|");
  for (const m of progress.milestones) {
    out.push(`| ${frenchDate(m.milestone.date)} | ${m.milestone.label} | ${percentText(m.milestone.value)} | ${percentText(m.measured)} | ${t(`milestone.${m.state}`)} |`);
  }
  out.push("");
  if (late.length) out.push(t("lateMilestones", { count: late.length, list: late.map((m) => frenchDate(m.milestone.date)).join(", ") }), "");
  if (next) out.push(t("nextMilestone", { date: frenchDate(next.milestone.date), value: percentText(next.milestone.value) }), "");
  if (progress.products.length) {
    out.push(`## ${t("productsTitle")}`, "");
    for (const p of progress.products) {
      out.push(`- ${t(`product.${p.state}`, { name: p.product.name, by: p.product.by ?? "—", before: p.before, now: p.now })}${p.late ? ` ${t("productLate", { date: frenchDate(p.product.dueDate!) })}` : ""}`);
    }
    out.push("");
  }
  const appeared = progress.checkpoints.slice(1).flatMap((c) => c.appeared.map((d) => ({ ...d, date: c.checkpoint.date })));
  if (appeared.length) {
    out.push(`## ${t("appearedTitle")}`, "");
    for (const d of appeared) out.push(`- ${t("appeared", { name: d.name, installations: d.installations, date: frenchDate(d.date) })}`);
    out.push("");
  }
  if (plan.events.length) {
    out.push(`## ${t("eventsTitle")}`, "");
    for (const e of plan.events) out.push(`- ${frenchDate(e.date)} : ${e.text}`);
    out.push("");
  }
  out.push(`## ${t("sourcesTitle")}`, "");
  for (const c of plan.checkpoints) out.push(`- ${t("source", { date: frenchDate(c.date), id: c.analysisId, value: percentText(c.value), raw: percentText(c.raw) })}`);
  out.push("", t("method"), "");
  return out.join("\n");
}
