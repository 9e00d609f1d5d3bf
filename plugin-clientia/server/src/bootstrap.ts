import type { Core } from '@strapi/strapi';

import { adminActionDefinitions } from './permissions';
import { ensureCountersTable } from './repositories/counters';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(adminActionDefinitions);
  await ensureCountersTable(strapi);
};

export default bootstrap;
