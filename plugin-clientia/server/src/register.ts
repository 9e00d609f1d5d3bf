import type { Core } from '@strapi/strapi';

import { registerAccountEmailSync } from './accounts/account-emails';
import { registerRecordRules } from './rules';
import { guardSignatureEvents } from './signing/append-only';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerRecordRules(strapi);
  guardSignatureEvents(strapi);
  // After the rules, so it runs inside the branding write's transaction and sees the new values.
  registerAccountEmailSync(strapi);
};

export default register;
