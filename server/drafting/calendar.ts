/**
 * Calendars in drafts start after the day they are written: a plan generated in December does not schedule work
 * for the September before. A requested start that is already past moves to the next month, and the document says so.
 */
import { localDay } from "../core/text.ts";

/** The month after the one of `now` (« 2026-12-04… » → « 2027-01 »). */
export function nextMonth(now: string): string {
  const [y, m] = now.slice(0, 7).split("-").map(Number);
  return m === 12 ? `${y! + 1}-01` : `${y}-${String(m! + 1).padStart(2, "0")}`;
}

/**
 * The start of a calendar: the requested month or day if it is not past at `now` (the current month and today are
 * not: trial 2026-12-05), else the next month.
 * @example calendarStart("2026-09", "2026-12-04T10:00:00Z") // → { start: "2027-01", shifted: true }
 * @example calendarStart("2026-12", "2026-12-04T10:00:00Z") // → { start: "2026-12", shifted: false }
 * @example calendarStart("2027-03", "2026-12-04T10:00:00Z") // → { start: "2027-03", shifted: false }
 */
export function calendarStart(requested: string | undefined, now: string): { start: string; shifted: boolean } {
  if (!requested) return { start: nextMonth(now), shifted: false };
  const today = localDay(now);
  const after = requested.length > 7 ? requested >= today : requested >= today.slice(0, 7);
  return after ? { start: requested, shifted: false } : { start: nextMonth(now), shifted: true };
}

/** Adds months to an ISO month or date, keeping month precision: (« 2026-04 », 3) → « 2026-07 ». */
export function addMonths(iso: string, months: number): string {
  const [y, m] = iso.split("-").map(Number);
  const index = (y ?? 2000) * 12 + ((m ?? 1) - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Whole months from one ISO month to another: (« 2026-11 », « 2027-02 ») → 3. */
export const monthsBetween = (from: string, to: string) => {
  const [y1, m1] = from.split("-").map(Number);
  const [y2, m2] = to.split("-").map(Number);
  return (y2! - y1!) * 12 + (m2! - m1!);
};
