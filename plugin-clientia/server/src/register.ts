import type { Core } from '@strapi/strapi';

import { registerRecordRules } from './rules';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerRecordRules(strapi);
};

export default register;
