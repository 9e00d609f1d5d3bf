/**
 * Public routes that must not tell whether an address has an account answer no sooner than a
 * floor, measured from the start of the handler: the work for a known address (a few queries and
 * an outbox row) and the nothing for an unknown one then take the same time to the caller.
 */
export const ACCOUNT_QUIET_FLOOR_MS = 300;

/** Waits until `floorMs` after `started` (a `performance.now()` reading); at once if that is past. */
export const answerNoSoonerThan = async (started: number, floorMs = ACCOUNT_QUIET_FLOOR_MS) => {
  const left = started + floorMs - performance.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
};
