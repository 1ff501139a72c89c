/**
 * Named points where the fault tests stop the process (kill -9) at a known step of an ingest: with
 * CAP_LIBRE_PAUSE_AT=<point>, reaching the point writes `PAUSE <point>` on stderr and waits forever. Unset (always,
 * outside those tests), a point costs one comparison.
 */
export type PausePoint = "after-first-write" | "before-commit" | "after-text-index";

export async function pausePoint(point: PausePoint): Promise<void> {
  if (process.env.CAP_LIBRE_PAUSE_AT !== point) return;
  process.stderr.write(`PAUSE ${point}\n`);
  await new Promise(() => {});
}
