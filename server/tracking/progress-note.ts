/**
 * The one-page progress note for elected officials, built from the plan alone: every figure is computed from the
 * plan's checkpoints (« calcul Cap Libre, inventaire du … »), nothing is left to fill in, nothing is invented.
 */
import { message } from "../i18n/messages.ts";
import type { Plan, Progress } from "./plan.ts";
import { frenchDay } from "./service.ts";

const pct = (v: number | null) => (v === null ? "—" : `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(v)} %`);
const t = (key: string, params: Record<string, string | number> = {}) => message(`tracking.note.${key}`, params);
const points = (v: number) => new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, signDisplay: "always" }).format(v);

export function progressNoteMarkdown(plan: Plan, progress: Progress, today: string): string {
  const baseline = plan.checkpoints[0]!;
  const latest = progress.latest;
  const out: string[] = [`# ${t("title", { name: plan.collectivite.name })}`, "", `*${t("dated", { date: frenchDay(today) })}*`, ""];
  out.push(`## ${t("commitmentTitle")}`, "");
  out.push(t("commitment", { date: frenchDay(plan.adoptedAt.slice(0, 10)), from: pct(baseline.value), target: pct(plan.target.value), targetDate: frenchDay(plan.target.date), measure: t(plan.measure) }), "");
  out.push(`## ${t("whereTitle")}`, "");
  if (!latest || progress.checkpoints.length < 2) {
    out.push(t("noCheckpoint", { date: frenchDay(baseline.date) }), "");
  } else {
    const c = latest.checkpoint;
    const standing = t(`standing.${latest.standing}`);
    out.push(t("latest", { date: frenchDay(c.date), value: pct(c.value), planned: pct(latest.planned), standing, change: latest.change === null ? "—" : points(latest.change) }), "");
    if (progress.targetMet) out.push(t("targetMet"), "");
  }
  const late = progress.milestones.filter((m) => m.state === "missed" || m.state === "late");
  const next = progress.milestones.find((m) => m.state === "upcoming");
  out.push(`## ${t("milestonesTitle")}`, "");
  out.push(`| ${t("colDate")} | ${t("colMilestone")} | ${t("colPlanned")} | ${t("colMeasured")} | ${t("colState")} |`, "|---|---|---|---|---|");
  for (const m of progress.milestones) {
    out.push(`| ${frenchDay(m.milestone.date)} | ${m.milestone.label} | ${pct(m.milestone.value)} | ${pct(m.measured)} | ${t(`milestone.${m.state}`)} |`);
  }
  out.push("");
  if (late.length) out.push(t("lateMilestones", { count: late.length, list: late.map((m) => frenchDay(m.milestone.date)).join(", ") }), "");
  if (next) out.push(t("nextMilestone", { date: frenchDay(next.milestone.date), value: pct(next.milestone.value) }), "");
  if (progress.products.length) {
    out.push(`## ${t("productsTitle")}`, "");
    for (const p of progress.products) {
      out.push(`- ${t(`product.${p.state}`, { name: p.product.name, by: p.product.by ?? "—", before: p.before, now: p.now })}${p.late ? ` ${t("productLate", { date: frenchDay(p.product.dueDate!) })}` : ""}`);
    }
    out.push("");
  }
  const appeared = progress.checkpoints.slice(1).flatMap((c) => c.appeared.map((d) => ({ ...d, date: c.checkpoint.date })));
  if (appeared.length) {
    out.push(`## ${t("appearedTitle")}`, "");
    for (const d of appeared) out.push(`- ${t("appeared", { name: d.name, installations: d.installations, date: frenchDay(d.date) })}`);
    out.push("");
  }
  if (plan.events.length) {
    out.push(`## ${t("eventsTitle")}`, "");
    for (const e of plan.events) out.push(`- ${frenchDay(e.date)} : ${e.text}`);
    out.push("");
  }
  out.push(`## ${t("sourcesTitle")}`, "");
  for (const c of plan.checkpoints) out.push(`- ${t("source", { date: frenchDay(c.date), id: c.analysisId, value: pct(c.value), raw: pct(c.raw) })}`);
  out.push("", t("method"), "");
  return out.join("\n");
}
