import type { Core } from '@strapi/strapi';

import { registerAccountEmailSync } from './accounts/account-emails';
import { registerRecordRules } from './rules';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerRecordRules(strapi);
  // After the rules, so it runs inside the branding write's transaction and sees the new values.
  registerAccountEmailSync(strapi);
};

export default register;
