import { at } from './calendar';
import { membershipKey, type DemoContext, type Written } from './context';
import { demoBranding, demoClients, demoContacts, type ClientSlug } from './firm';

/** Days before today each client's people were invited to the portal. */
const invitedDaysAgo: Record<ClientSlug, number> = {
  'northwind-logistics': 255,
  'bluebird-studio': 335,
  'calder-finch': 150,
  'tidewater-food-bank': 0,
};

/** The firm's brand and its clients, each looked after by the demo admin. */
export const seedClients = async (ctx: DemoContext) => {
  await ctx.create('branding', demoBranding);
  for (const client of demoClients) {
    const created = await ctx.create('client', {
      state: 'active',
      portalEnabled: true,
      ...client,
      accountManager: ctx.staffId,
    });
    ctx.remember('client', client.slug, created);
  }
};

/** Portal accounts for the clients' people, all with the password generated for this machine. */
export const seedContacts = async (ctx: DemoContext, password: string) => {
  const authenticated = await ctx.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'client-contact' } });
  if (!authenticated) throw new Error('[demo] the Client contact role is missing (the plugin creates it at start)');

  const users = ctx.strapi.documents('plugin::users-permissions.user');
  const { day } = ctx.calendar;
  for (const [index, contact] of demoContacts.entries()) {
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
    ctx.remember('contact', contact.email, user as unknown as Written);
    for (const membership of contact.memberships) {
      const invitedOn = day(index - invitedDaysAgo[membership.client]);
      const created = await ctx.create('membership', {
        client: ctx.find('client', membership.client).documentId,
        user: user.documentId,
        name: contact.name,
        role: membership.role,
        signatory: membership.signatory,
        invitedAt: at(invitedOn, '09:00'),
        acceptedAt: at(invitedOn, '11:20'),
      });
      ctx.remember('membership', membershipKey(membership.client, contact.email), created);
    }
  }
};
