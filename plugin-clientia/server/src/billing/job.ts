import type { Core } from '@strapi/strapi';

import { pluginConfig } from '../config/plugin-config';
import { remindBeforeDue } from './notices';
import { billRetainers, markOverdue, todayUtc } from './run';

export const BILLING_JOB = 'clientia-billing';

/**
 * On the plugin's `billingSchedule` (by default every hour, at five past): bill what active
 * retainers owe, move invoices past their due date to overdue and remind clients of invoices due
 * soon. All of it is idempotent (period claims, state
 * checks, one reminder per key), so a run that overlaps another instance's, or repeats after a
 * crash, changes nothing twice; a server that was down catches up on its first run.
 */
export const registerBillingJob = (strapi: Core.Strapi) => {
  // Strapi runs tasks added here whatever its own cron setting: the plugin's setting decides, so
  // an instance that leaves the jobs to another (an extra web node, a test) schedules none.
  if (!pluginConfig(strapi, 'scheduledJobs')) return;
  strapi.cron.add({
    [BILLING_JOB]: {
      task: async () => {
        const run = await billRetainers(strapi);
        const overdue = await markOverdue(strapi);
        await remindBeforeDue(strapi, todayUtc());
        if (run.invoices.length || overdue.length || run.failed.length) {
          strapi.log.info(
            `[clientia] billing: ${run.invoices.length} retainer invoices, ${overdue.length} invoices overdue, ${run.failed.length} retainers failed`
          );
        }
      },
      // Checked when the config was validated: croner would only log a rule it cannot parse.
      options: { rule: pluginConfig(strapi, 'billingSchedule') },
    },
  });
};
