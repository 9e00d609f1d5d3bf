import type { Core } from '@strapi/strapi';

import { syncAccountEmails } from './accounts/account-emails';
import { registerAccountsJob } from './accounts/job';
import { hashStoredResetCodes } from './accounts/reset-codes';
import { ensureBillingClaimsTable } from './billing/claims';
import { registerBillingJob } from './billing/job';
import { startEmailOutbox } from './email';
import { adminActionDefinitions } from './permissions';
import { ensureContactRole } from './routes/content-api/contact-role';
import { ensureCountersTable } from './repositories/counters';
import { assertReadCommitted, ensureNamedLocksTable } from './repositories/mysql';
import { recordSigningDeliveries } from './signing/deliveries';
import { relocateClientMedia } from './storage/media-relocation';
import { applyContentManagerLayouts } from './workspace/content-manager-layout';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await assertReadCommitted(strapi);
  await strapi.service('admin::permission').actionProvider.registerMany(adminActionDefinitions);
  await ensureCountersTable(strapi);
  await ensureNamedLocksTable(strapi);
  await ensureBillingClaimsTable(strapi);
  await ensureContactRole(strapi);
  await syncAccountEmails(strapi);
  await hashStoredResetCodes(strapi);
  await relocateClientMedia(strapi);
  await applyContentManagerLayouts(strapi);
  registerBillingJob(strapi);
  registerAccountsJob(strapi);
  recordSigningDeliveries(strapi);
  startEmailOutbox(strapi);
};

export default bootstrap;
