/** The briefing note for elected officials: the essentials of a map or of a question, and its data block. */
import { formatInt, frenchDate, localDay } from "../../core/text.ts";
import type { BriefingInputs } from "../inputs.ts";
import { roadmapOwnData } from "../own-data.ts";
import { phaseFigure, roadmapCalendar } from "../roadmap-calendar.ts";
import { planRoadmap } from "../roadmap-plan.ts";
import { type DocumentStructure, fill } from "../structure.ts";
import type { DraftContext, InventoryAnalysis } from "../types.ts";
import {
  alternativesText,
  baseVars,
  computationNote,
  dataBlock,
  describeCollectivite,
  finish,
  measureSentences,
  percentOrDash,
  sentence,
  texts,
  vendorText,
} from "./common.ts";
import { roadmapStart } from "./roadmap.ts";

export function briefingContext(
  inputs: BriefingInputs,
  analysis: InventoryAnalysis | null,
  structure: DocumentStructure,
  now: string,
): DraftContext {
  const c = inputs.collectivite;
  const vars: Record<string, string> = { ...baseVars(c) };
  vars.recipient_name = inputs.recipient?.name ?? texts(structure, "recipient.default");
  const plan = analysis ? planRoadmap(analysis, { target: inputs.targetShare, now }) : null;
  // The roadmap's calendar when the note is given its dates: each phase's figure is the roadmap's at its month.
  const start = roadmapStart(inputs.startDate, now);
  const targetDate = inputs.targetDate && inputs.targetDate.slice(0, 7) > start ? inputs.targetDate : undefined;
  const calendar = plan ? roadmapCalendar(plan, start, targetDate) : null;
  vars.question_sentence = inputs.question ? sentence(inputs.question) : texts(structure, "question.analysis", vars);
  vars.question_query = inputs.question ?? texts(structure, "query.analysis");
  vars.question_asked = inputs.question ?? "";
  const top = plan ? [...plan.lines].sort((a, b) => b.item.installations - a.item.installations).slice(0, 3) : [];
  const figure = (phase: "quick" | "guided") => {
    const own = plan?.phases.find((p) => p.phase === phase);
    if (!plan || !calendar || !own) return undefined;
    return phaseFigure(plan, calendar, phase) ?? { month: null, weighted: own.weighted, raw: own.raw };
  };
  const quick = figure("quick");
  const guided = figure("guided");
  // The software out of support replaced before the quick wins' end, and the month it is due by.
  const early = quick?.month ? calendar!.unsupported.find((u) => u.month < quick.month!) : undefined;
  if (plan) {
    const counts = measureSentences(structure, plan);
    vars.essentials_data = [
      `- ${texts(structure, "essentials.share", counts)}`,
      top.length
        ? `- ${texts(structure, "essentials.top", { products: top.map((l) => `${l.item.name} (${formatInt(l.item.installations)})`).join(", ") })}`
        : "",
      `- ${texts(structure, quick?.month ? "essentials.quickDated" : "essentials.quick", {
        weighted: percentOrDash(quick!.weighted),
        raw: percentOrDash(quick!.raw),
        month: quick?.month ? frenchDate(quick.month) : "",
        early: early ? texts(structure, "essentials.quickEarly", { date: frenchDate(early.month) }) : "",
      })}`,
    ]
      .filter(Boolean)
      .join("\n");
    vars.for_us_sentence = texts(structure, guided?.month ? "forUs.analysisDated" : "forUs.analysis", {
      collectivite: vars.collectivite!,
      month: guided?.month ? frenchDate(guided.month) : "",
      guided: percentOrDash(guided!.weighted),
      raw: percentOrDash(guided!.raw),
    });
  } else {
    vars.essentials_data = texts(structure, "essentials.fromSources");
    vars.for_us_sentence = texts(structure, "forUs.question", vars);
  }
  vars.proposal_list = texts(structure, plan ? "proposal.analysis" : "proposal.question", vars);
  vars.computation_note = analysis ? computationNote(analysis) : "";
  const m = plan?.measure;
  const data = dataBlock([
    [texts(structure, "data.collectivite"), describeCollectivite(c)],
    [
      texts(structure, "data.destinataire"),
      inputs.recipient
        ? `${inputs.recipient.name}${inputs.recipient.role ? `, ${inputs.recipient.role}` : ""}`
        : undefined,
    ],
    [texts(structure, "data.questionPosee"), inputs.question],
    [
      texts(structure, "data.cartographie"),
      m
        ? `${formatInt(m.installations)} installations de ${formatInt(m.items)} logiciels${m.components.items ? ` (hors ${formatInt(m.components.items)} composants système)` : ""}, dont ${formatInt(m.raw.exposed)} de logiciels d'éditeurs extra-européens ou exposés (${percentOrDash(plan!.baseline.raw)})`
        : undefined,
    ],
    [texts(structure, "data.expositionPondereeRoleDe"), plan ? percentOrDash(plan.baseline.weighted) : undefined],
    [
      texts(structure, "data.logicielsExtraEuropeensLes"),
      top.map(
        (l) =>
          `${l.item.name} — ${vendorText(l.item)} — ${formatInt(l.item.installations)} installations — ${alternativesText(l.item)}`,
      ),
    ],
    [
      quick?.month
        ? texts(structure, "data.finDesGainsRapides", { month: frenchDate(quick.month) })
        : texts(structure, "data.apresLesGainsRapides"),
      quick ? `${percentOrDash(quick.weighted)} ; ${percentOrDash(quick.raw)}` : undefined,
    ],
    [
      guided?.month
        ? texts(structure, "data.finDesRemplacementsAccompagnes", { month: frenchDate(guided.month) })
        : texts(structure, "data.apresLesRemplacementsAccompagnes"),
      guided ? `${percentOrDash(guided.weighted)} ; ${percentOrDash(guided.raw)}` : undefined,
    ],
    [texts(structure, "data.auteurDeLaNote"), inputs.author],
    [texts(structure, "data.dateDeLaNote"), frenchDate(localDay(inputs.date ?? now))],
  ]);
  return {
    ...finish(fill(structure.title, vars), c.name, vars, data, structure.tone),
    ...(plan ? { own: roadmapOwnData(plan, targetDate ? { start, date: targetDate, sets: false } : undefined) } : {}),
  };
}
