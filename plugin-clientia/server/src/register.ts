import type { Core } from '@strapi/strapi';

import { registerAccountEmailSync } from './accounts/account-emails';
import { hashResetCodes } from './accounts/reset-codes';
import { loadCatalogues } from './i18n';
import { withPluginMiddlewares, type MiddlewareEntry } from './middlewares/placement';
import { assertPrivateDocumentsDir } from './storage/private-files';
import { useReadCommitted } from './repositories/mysql';
import { guardStaffDocuments, lockGenericAdminRoutes } from './policies/staff-access';
import { registerRecordRules } from './rules';
import { guardSignatureEvents } from './signing/append-only';
import { closeLegacyAuthToContacts } from './sign-in/legacy-routes';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Strapi reads this list when it mounts the middlewares, after every plugin's register.
  strapi.config.set('middlewares', withPluginMiddlewares(strapi.config.get('middlewares') as MiddlewareEntry[] | undefined));
  // The validator sees only the config; where the app's public folder is, only Strapi knows.
  assertPrivateDocumentsDir(strapi);
  // Emails and invoices are written from the message catalogues shipped beside the code: a
  // package without them (or with a broken one) stops here, not at the first email it sends.
  loadCatalogues();
  // Before anything opens a database connection (Strapi's bootstrap does).
  useReadCommitted(strapi);
  // Before the rules: a staff member's request is checked before any rule runs for it.
  guardStaffDocuments(strapi);
  lockGenericAdminRoutes(strapi);
  closeLegacyAuthToContacts(strapi);
  registerRecordRules(strapi);
  guardSignatureEvents(strapi);
  hashResetCodes(strapi);
  // After the rules, so it runs inside the branding write's transaction and sees the new values.
  registerAccountEmailSync(strapi);
};

export default register;
