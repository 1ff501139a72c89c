/**
 * The structured data of each document: the placeholder values of its templates, the data block shown to the
 * model, and the texts the figure check accepts as sources. Every number here comes from the user's inputs or is
 * computed from them (shares of a saved analysis, calendar dates): nothing is invented, and all of it is listed
 * in `facts` so the figure check knows where each figure came from.
 */

import { fold, localDay } from "../core/text.ts";
import type { OwnProduct } from "../verify/own-facts.ts";
import { auditPlanContext } from "./documents/audit-plan.ts";
import { briefingContext } from "./documents/briefing.ts";
import { letterContext } from "./documents/letter.ts";
import { roadmapContext } from "./documents/roadmap.ts";
import type { AuditPlanInputs, BriefingInputs, LetterInputs, RoadmapInputs } from "./inputs.ts";
import { ownProducts } from "./own-facts.ts";
import type { DocumentStructure } from "./structure.ts";
import type { DraftContext, DraftType, InventoryAnalysis } from "./types.ts";

export type { DraftContext };

/** Builds the context of a document from its validated inputs (and the saved analysis it starts from, if any). */
export function buildContext(
  type: DraftType,
  inputs: LetterInputs | AuditPlanInputs | RoadmapInputs | BriefingInputs,
  analysis: InventoryAnalysis | null,
  structure: DocumentStructure,
  now: string,
): DraftContext {
  // The document's date (a letter's or a note's own date, else the day it is written): deadlines are past or to
  // come against it.
  const given = (inputs as { date?: string }).date;
  const date = given ? (given.length === 7 ? `${given}-01` : given) : localDay(now);
  // What the map and the catalog say of its products: every document built from a map is checked against it.
  const context = contextOf(type, inputs, analysis, structure, now);
  // A roadmap's replacements and their dates, on the products they replace.
  const products = analysis ? withPlanned(ownProducts(analysis.items), context.planned) : undefined;
  const userContext = (inputs as { context?: string }).context?.trim();
  return { ...context, date, ...(products?.length ? { products } : {}), ...(userContext ? { userContext } : {}) };
}

/** Products with the replacement a roadmap plans for them (the plan's line naming one of their names). */
function withPlanned(products: OwnProduct[], planned: DraftContext["planned"]): OwnProduct[] {
  if (!planned?.length) return products;
  return products.map((p) => {
    const names = new Set(p.names.map((n) => fold(n)));
    const line = planned.find((l) => l.names.some((n) => names.has(fold(n))));
    return line ? { ...p, planned: line.replacement } : p;
  });
}

function contextOf(
  type: DraftType,
  inputs: LetterInputs | AuditPlanInputs | RoadmapInputs | BriefingInputs,
  analysis: InventoryAnalysis | null,
  structure: DocumentStructure,
  now: string,
): DraftContext {
  switch (type) {
    case "letter":
      return letterContext(inputs as LetterInputs, analysis, structure, now);
    case "audit-plan":
      return auditPlanContext(inputs as AuditPlanInputs, analysis, structure, now);
    case "roadmap":
      if (!analysis) throw new Error("roadmap without analysis");
      return roadmapContext(inputs as RoadmapInputs, analysis, structure, now);
    case "briefing":
      return briefingContext(inputs as BriefingInputs, analysis, structure, now);
  }
}
