import type { Core } from '@strapi/strapi';

import { calendarFor } from './calendar';
import { seedClients, seedContacts } from './clients';
import { createContext } from './context';
import { seedContracts } from './contracts';
import { seedDocuments } from './documents';
import { demoBranding, demoClients, demoContacts } from './firm';
import { seedInvoices } from './invoices';
import { seedLicences } from './licences';
import { seedProjects } from './projects';
import { seedRetainers } from './retainers';
import { seedSigningTrails } from './signing';
import { seedThreads } from './threads';
import { seedTimesheet } from './timesheet';

/**
 * Seeds the demo firm on an empty database. Runs only for the demo start (CLIENTIA_DEMO=true),
 * never in production, and only with passwords generated for this machine at first start.
 */
export const seedDemo = async (strapi: Core.Strapi) => {
  if (process.env.NODE_ENV === 'production') {
    strapi.log.warn('[demo] CLIENTIA_DEMO is ignored in production: nothing seeded.');
    return;
  }
  await seedAdmin(strapi);
  await seedFirm(strapi);
};

const seedAdmin = async (strapi: Core.Strapi) => {
  const email = process.env.DEMO_ADMIN_EMAIL;
  const password = process.env.DEMO_ADMIN_PASSWORD;
  if (!email || !password) {
    strapi.log.warn('[demo] DEMO_ADMIN_EMAIL/DEMO_ADMIN_PASSWORD not set: no admin user created.');
    return;
  }
  if ((await strapi.db.query('admin::user').count()) > 0) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('[demo] the Super Admin role is missing');
  await strapi.service('admin::user').create({
    email,
    firstname: 'Demo',
    lastname: 'Admin',
    password,
    isActive: true,
    roles: [superAdmin.id],
    registrationToken: null,
  });
  strapi.log.info(`[demo] admin user ${email} created`);
};

/** The demo admin, or whoever administers this Strapi, stands for the firm's staff. */
const firmStaffId = async (strapi: Core.Strapi): Promise<number | null> => {
  const admins = strapi.db.query('admin::user');
  const email = process.env.DEMO_ADMIN_EMAIL;
  const admin = (email && (await admins.findOne({ where: { email } }))) || (await admins.findOne({ orderBy: { id: 'asc' } }));
  return admin ? Number(admin.id) : null;
};

const seedFirm = async (strapi: Core.Strapi) => {
  if ((await strapi.documents('plugin::clientia.client').count({})) > 0) return;

  const password = process.env.DEMO_CONTACT_PASSWORD;
  if (!password) {
    strapi.log.warn('[demo] DEMO_CONTACT_PASSWORD not set: demo firm not seeded.');
    return;
  }

  const started = Date.now();
  const ctx = createContext(strapi, calendarFor(new Date()), await firmStaffId(strapi));
  // One transaction: a seed that fails half way leaves an empty database, so the next start retries.
  const signed = await strapi.db.transaction(async () => {
    await seedClients(ctx);
    await seedContacts(ctx, password);
    const trails = await seedSigningTrails(ctx, await seedContracts(ctx));
    await seedRetainers(ctx);
    await seedProjects(ctx);
    await seedTimesheet(ctx);
    await seedInvoices(ctx);
    await seedLicences(ctx);
    await seedDocuments(ctx);
    await seedThreads(ctx);
    return trails;
  });
  strapi.log.info(
    `[demo] seeded ${demoClients.length} clients and ${demoContacts.length} contacts for ${demoBranding.firmName}, ` +
      `with contracts (${signed} signed in the portal, with their signing trails), retainers, hours, invoices, payments, ` +
      `licences, documents, projects and messages in ${Date.now() - started} ms`
  );
};
