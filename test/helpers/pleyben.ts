/**
 * The commune map the dated-figure tests share (round 28: roadmap28, dated28): Kaspersky (quick wins), Office 2019
 * and Windows 10 out of support, Teams (guided), Windows 11 (deep work), read against the real catalogue.
 */
import type { InventoryAnalysis } from "../../server/drafting/types.ts";
import type { MatchIndex } from "../../server/inventory/match.ts";
import { analysedRows, inventoryRow } from "../inventory/fixtures.ts";

/** The day the map is read on. */
export const PLEYBEN_NOW = "2026-12-07T08:00:00.000Z";

const ms = (name: string, n: number) => inventoryRow(name, "Microsoft Corporation", n);

/** Pleyben's map, with or without Teams (without it, the guided phase holds only software out of support). */
export const pleybenMap = (index: MatchIndex, id: string, name: string, { teams = true } = {}): InventoryAnalysis => ({
  ...analysedRows(
    [
      ms("Microsoft Windows 10 Professionnel", 140),
      ms("Microsoft Office Professionnel Plus 2019", 160),
      ms("Microsoft Windows 11 Professionnel", 60),
      ...(teams ? [ms("Microsoft Teams classic", 150)] : []),
      inventoryRow("Kaspersky Endpoint Security for Windows", "AO Kaspersky Lab", 200),
    ],
    index,
    PLEYBEN_NOW,
  ),
  id,
  name,
});

/** A percentage cell of a printed table (« 32 % », « 12,5 % ») as a number. */
export const percentCell = (cell: string) => Number(cell.replace(/\s|\u00a0|%/g, "").replace(",", "."));
