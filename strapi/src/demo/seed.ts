import type { Core } from '@strapi/strapi';

import { demoBranding, demoClients, demoContacts } from './firm';

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

const seedFirm = async (strapi: Core.Strapi) => {
  const clients = strapi.documents('plugin::clientia.client');
  if ((await clients.count({})) > 0) return;

  const password = process.env.DEMO_CONTACT_PASSWORD;
  if (!password) {
    strapi.log.warn('[demo] DEMO_CONTACT_PASSWORD not set: demo firm not seeded.');
    return;
  }

  await strapi.documents('plugin::clientia.branding').create({ data: demoBranding });

  const clientIds = new Map<string, string>();
  for (const client of demoClients) {
    const created = await clients.create({ data: { ...client, state: 'active', portalEnabled: true } });
    clientIds.set(client.slug, created.documentId);
  }

  const authenticated = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  if (!authenticated) throw new Error('[demo] the users-permissions Authenticated role is missing');

  const now = new Date().toISOString();
  for (const contact of demoContacts) {
    const users = strapi.documents('plugin::users-permissions.user');
    const existing = await users.findFirst({ filters: { email: contact.email } });
    const user =
      existing ??
      (await users.create({
        data: {
          username: contact.username,
          email: contact.email,
          password,
          provider: 'local',
          confirmed: true,
          blocked: false,
          role: authenticated.id,
        },
      }));
    for (const membership of contact.memberships) {
      await strapi.documents('plugin::clientia.membership').create({
        data: {
          client: clientIds.get(membership.client),
          user: user.documentId,
          role: membership.role,
          signatory: membership.signatory,
          invitedAt: now,
          acceptedAt: now,
        },
      });
    }
  }
  strapi.log.info(
    `[demo] seeded ${demoClients.length} clients and ${demoContacts.length} contacts for ${demoBranding.firmName}`
  );
};
