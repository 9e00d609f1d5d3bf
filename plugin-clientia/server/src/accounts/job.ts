import type { Core } from '@strapi/strapi';

import { pluginConfig } from '../config/plugin-config';
import { expireResetCodes } from './password-reset';

export const ACCOUNTS_JOB = 'clientia-accounts';

/** Every five minutes: reset links older than an hour stop working. */
export const registerAccountsJob = (strapi: Core.Strapi) => {
  // As for billing: an instance with the plugin's jobs off leaves this to the others.
  if (!pluginConfig(strapi, 'scheduledJobs')) return;
  strapi.cron.add({
    [ACCOUNTS_JOB]: {
      task: async () => {
        const expired = await expireResetCodes(strapi);
        if (expired) strapi.log.info(`[clientia] ${expired} unused password reset links expired`);
      },
      options: { rule: '*/5 * * * *' },
    },
  });
};
