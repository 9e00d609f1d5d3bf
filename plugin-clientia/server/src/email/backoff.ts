const MINUTE = 60_000;

/** Waits after the 1st, 2nd, … failed attempt: a blip is retried soon, an outage within a day. */
const RETRY_DELAYS_MS: readonly number[] = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 720 * MINUTE];

/** Attempts in all; after the last one fails the email stays `failed` for staff to see. */
const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * How long a sender owns a claimed email. Longer than nodemailer's own SMTP timeouts (2 min to
 * connect, 10 min of silence), so a slow send is never taken over and sent twice; a sender that
 * crashed mid-send loses its claim after this and another instance sends the email.
 */
export const CLAIM_MS = 15 * MINUTE;

/** When to try again after `attempts` failures, or null when there are no attempts left. */
export const nextAttemptAfter = (attempts: number, now: Date): Date | null => {
  if (attempts >= MAX_ATTEMPTS) return null;
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)];
  return new Date(now.getTime() + delay);
};
