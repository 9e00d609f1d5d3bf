import type { Core } from '@strapi/strapi';

import { registerAccountEmailSync } from './accounts/account-emails';
import { withPluginMiddlewares, type MiddlewareEntry } from './middlewares/placement';
import { assertPrivateDocumentsDir } from './portal/documents/storage';
import { useReadCommitted } from './repositories/mysql';
import { registerRecordRules } from './rules';
import { guardSignatureEvents } from './signing/append-only';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Strapi reads this list when it mounts the middlewares, after every plugin's register.
  strapi.config.set('middlewares', withPluginMiddlewares(strapi.config.get('middlewares') as MiddlewareEntry[] | undefined));
  // The validator sees only the config; where the app's public folder is, only Strapi knows.
  assertPrivateDocumentsDir(strapi);
  // Before anything opens a database connection (Strapi's bootstrap does).
  useReadCommitted(strapi);
  registerRecordRules(strapi);
  guardSignatureEvents(strapi);
  // After the rules, so it runs inside the branding write's transaction and sees the new values.
  registerAccountEmailSync(strapi);
};

export default register;
