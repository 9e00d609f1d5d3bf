import type { Core } from '@strapi/strapi';

import { billRetainers, markOverdue } from './run';

export const BILLING_JOB = 'clientia-billing';

/**
 * Every hour, at five past: bill what active retainers owe and move invoices past their due date
 * to overdue. Both are idempotent, so a run that overlaps another instance's, or repeats after a
 * crash, changes nothing twice; a server that was down catches up on its first run.
 */
export const registerBillingJob = (strapi: Core.Strapi) => {
  strapi.cron.add({
    [BILLING_JOB]: {
      task: async () => {
        const run = await billRetainers(strapi);
        const overdue = await markOverdue(strapi);
        if (run.invoices.length || overdue.length || run.failed.length) {
          strapi.log.info(
            `[clientia] billing: ${run.invoices.length} retainer invoices, ${overdue.length} invoices overdue, ${run.failed.length} retainers failed`
          );
        }
      },
      options: { rule: '5 * * * *' },
    },
  });
};
