import type { Core } from '@strapi/strapi';

import { adminActionDefinitions } from './permissions';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(adminActionDefinitions);
};

export default bootstrap;
