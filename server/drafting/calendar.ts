/**
 * Calendars in drafts start after the day they are written: a plan generated in December does not schedule work
 * for the September before. A requested start that is already past moves to the next month, and the document says so.
 */

/** The month after the one of `now` (« 2026-12-04… » → « 2027-01 »). */
export function nextMonth(now: string): string {
  const [y, m] = now.slice(0, 7).split("-").map(Number);
  return m === 12 ? `${y! + 1}-01` : `${y}-${String(m! + 1).padStart(2, "0")}`;
}

/**
 * The start of a calendar: the requested month or day if it comes after `now`, else the next month.
 * @example calendarStart("2026-09", "2026-12-04T10:00:00Z") // → { start: "2027-01", shifted: true }
 * @example calendarStart("2027-03", "2026-12-04T10:00:00Z") // → { start: "2027-03", shifted: false }
 */
export function calendarStart(requested: string | undefined, now: string): { start: string; shifted: boolean } {
  if (!requested) return { start: nextMonth(now), shifted: false };
  const today = now.slice(0, 10);
  const after = requested.length > 7 ? requested > today : requested > today.slice(0, 7);
  return after ? { start: requested, shifted: false } : { start: nextMonth(now), shifted: true };
}
