/**
 * Requests in flight in this process (the server counts them), so background work in the same
 * process — a chunked import on the embedded database, whose one connection everyone shares —
 * can step aside while people are waiting instead of making them wait a chunk at each of their
 * database steps.
 */
let inFlight = 0;

export const activity = {
  enter(): void {
    inFlight++;
  },
  leave(): void {
    inFlight = Math.max(0, inFlight - 1);
  },
  /** Requests in flight besides `own` (the caller's own request, when it runs in one). */
  others(own = 0): number {
    return Math.max(0, inFlight - own);
  },
};

/**
 * Waits while other requests are in flight, polling every few milliseconds, at most `maxMs`
 * (so a long download never starves the background work). Returns the time waited.
 */
export async function stepAside(opts: { own: number; maxMs: number }): Promise<number> {
  const t0 = performance.now();
  while (activity.others(opts.own) > 0 && performance.now() - t0 < opts.maxMs) await new Promise((r) => setTimeout(r, 5));
  return performance.now() - t0;
}
