/**
 * The day an inventory describes — the date of the export, not the day it was imported into Cap Libre. A DSI who
 * imports last quarter's GLPI export and today's on the same day must be able to say so, or a plan cannot follow
 * progress from day one (trial 4). Given on import (API `inventoryDate`, CLI `--date`, the page's « Date de
 * l'inventaire »), otherwise read from the export when it carries one (GLPI Agent's `accesslog.logdate`, a « Dernier
 * inventaire » column of a GLPI or OCS computer list), otherwise the import day.
 */
import { AppError } from "../core/errors.ts";
import { frenchDate, localDay } from "../core/text.ts";
import { message } from "../i18n/messages.ts";

/** Today in the collectivité's time zone, `YYYY-MM-DD` (`localDay`). */
export const todayIso = (now = new Date()) => localDay(now);

/** `YYYY-MM-DD` of a real calendar day (2026-02-30 is not one). */
export function isCalendarDay(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso && Number(m[1]) >= 1990;
}

/**
 * The inventory date a DSI typed: `YYYY-MM-DD`, a real day, not after today; an empty value is no date. Anything
 * else is a French 400 (`invalid_inventory_date`: the page shows it under its date field) that says what is expected.
 */
export function checkInventoryDate(raw: unknown, now = new Date()): string | null {
  if (raw === undefined || raw === null || raw === "") return null;
  const value = typeof raw === "string" ? raw.trim() : "";
  if (!value) return null;
  if (!isCalendarDay(value))
    throw new AppError(
      "invalid_inventory_date",
      message("inventory.error.inventoryDate", { value: String(raw).slice(0, 40) }),
      400,
    );
  if (value > todayIso(now))
    throw new AppError(
      "invalid_inventory_date",
      message("inventory.error.inventoryDateFuture", { date: frenchDate(value) }),
      400,
    );
  return value;
}

/**
 * A date as exports write it — « 2026-09-14 10:22:01 » (GLPI, OCS, GLPI Agent), « 14/09/2026 10:22 » or
 * « 14-09-2026 » (a French display preference) — as `YYYY-MM-DD`, or null.
 */
export function exportDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]|$)/.exec(v);
  if (m) return isCalendarDay(`${m[1]}-${m[2]}-${m[3]}`) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  m = /^(\d{2})[/.-](\d{2})[/.-](\d{4})(?:[ T]|$)/.exec(v);
  if (m) return isCalendarDay(`${m[3]}-${m[2]}-${m[1]}`) ? `${m[3]}-${m[2]}-${m[1]}` : null;
  return null;
}

/**
 * The day an export describes, from the dates its machines were last inventoried: the newest one not after today
 * (a machine with a wrong clock is not taken at its word), or null when the export carries none.
 */
export function newestDay(days: Iterable<string | null>, now = new Date()): string | null {
  const today = todayIso(now);
  let newest: string | null = null;
  for (const d of days) if (d && d <= today && (!newest || d > newest)) newest = d;
  return newest;
}

/** The day an analysis describes: its inventory date when known, else the day it was imported (Paris time). */
export function analysisDay(analysis: { inventoryDate?: string | null; createdAt?: string | null }): string | null {
  if (analysis.inventoryDate && isCalendarDay(analysis.inventoryDate)) return analysis.inventoryDate;
  const created = analysis.createdAt ?? "";
  if (!/^\d{4}-\d{2}-\d{2}/.test(created)) return null;
  const at = new Date(created);
  return Number.isNaN(at.getTime()) ? created.slice(0, 10) : todayIso(at);
}
