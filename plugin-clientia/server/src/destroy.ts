import type { Core } from '@strapi/strapi';

import { stopEmailOutbox } from './email';

/** A drain still sending lets its last email be recorded before the database closes. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await stopEmailOutbox(strapi);
};

export default destroy;
