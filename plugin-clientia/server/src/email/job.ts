import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core } from '@strapi/strapi';

import { drainOutbox, type DrainReport } from './drain';

export const OUTBOX_CRON_JOB = 'clientia-email-outbox';
/** Every minute: a retry is due at most a minute late, and mail queued by another instance goes out. */
const OUTBOX_CRON_RULE = '*/1 * * * *';

const DRAIN_LIMIT = 50;

interface OutboxRunner {
  started: boolean;
  stopped: boolean;
  /** A drain is scheduled for the next turn of the event loop. */
  pending: boolean;
  current: Promise<DrainReport> | null;
  /** More was queued while a drain ran: run once more after it. */
  again: boolean;
  /** Runs a function outside the request and transaction that queued the email. */
  detached: <T>(fn: () => T) => T;
}

/**
 * Kept on the Strapi instance under a registered symbol, not in this module: the plugin's built
 * bundle and code loaded from its sources (a script, a test) then share one runner per instance.
 */
const RUNNER = Symbol.for('clientia.email-outbox');

const runnerOf = (strapi: Core.Strapi): OutboxRunner => {
  const holder = strapi as unknown as { [RUNNER]?: OutboxRunner };
  holder[RUNNER] ??= { started: false, stopped: false, pending: false, current: null, again: false, detached: (fn) => fn() };
  return holder[RUNNER];
};

/** One drain at a time per process; other processes are kept apart by the claims in the table. */
const runDrain = (strapi: Core.Strapi): Promise<DrainReport> | null => {
  const runner = runnerOf(strapi);
  if (runner.stopped) return null;
  if (runner.current) {
    runner.again = true;
    return runner.current;
  }
  runner.current = drainOutbox(strapi, { limit: DRAIN_LIMIT, keepGoing: () => !runner.stopped }).finally(() => {
    runner.current = null;
  });
  void runner.current.then((report) => {
    const more = runner.again || report.claimed >= DRAIN_LIMIT;
    runner.again = false;
    if (more) scheduleDrain(strapi);
  });
  return runner.current;
};

/**
 * Sends what is due soon after the current work: called once the transaction that queued an
 * email has committed. Does nothing before the outbox is started or after it is stopped (a
 * Strapi shutting down must not start sending on a closing database).
 */
export const scheduleDrain = (strapi: Core.Strapi) => {
  const runner = runnerOf(strapi);
  if (!runner.started || runner.stopped || runner.pending) return;
  runner.pending = true;
  setImmediate(() =>
    runner.detached(() => {
      runner.pending = false;
      void runDrain(strapi);
    })
  );
};

/** From the plugin's bootstrap: the cron task, and a first drain for mail left from before a restart. */
export const startEmailOutbox = (strapi: Core.Strapi) => {
  const runner = runnerOf(strapi);
  if (runner.started) return;
  runner.started = true;
  runner.detached = AsyncLocalStorage.snapshot();
  // strapi.cron runs tasks added here even with `server.cron.enabled: false`: that flag only
  // governs the tasks listed in the app's config.
  strapi.cron.add({
    [OUTBOX_CRON_JOB]: {
      task: async () => {
        await runDrain(strapi);
      },
      options: { rule: OUTBOX_CRON_RULE },
    },
  });
  scheduleDrain(strapi);
};

/** Resolves once no drain is scheduled or running in this process. */
export const outboxSettled = async (strapi: Core.Strapi) => {
  const runner = runnerOf(strapi);
  while (runner.pending || runner.current) {
    await (runner.current ?? new Promise<void>((resolve) => setImmediate(resolve)));
  }
};

/**
 * From the plugin's destroy: no new drains, and the one running finishes recording what it sent
 * before the database closes (otherwise a sent email would stay claimed and go out again).
 */
export const stopEmailOutbox = async (strapi: Core.Strapi) => {
  const runner = runnerOf(strapi);
  runner.stopped = true;
  try {
    strapi.cron.remove(OUTBOX_CRON_JOB);
  } catch {
    // The cron service may already be gone; nothing is left to stop then.
  }
  await outboxSettled(strapi).catch(() => undefined);
};
