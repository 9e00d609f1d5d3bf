import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { startTestApp } from '../helpers/test-app';

const demoEnv = {
  CLIENTIA_DEMO: 'true',
  DEMO_ADMIN_EMAIL: 'admin@harborpine.example',
  DEMO_ADMIN_PASSWORD: 'Demo-admin-Pa55word',
  DEMO_CONTACT_PASSWORD: 'Demo-contact-Pa55word',
};

const counts = async (app: Awaited<ReturnType<typeof startTestApp>>) => ({
  admins: await app.strapi.db.query('admin::user').count(),
  clients: await app.strapi.db.query('plugin::clientia.client').count(),
  memberships: await app.strapi.db.query('plugin::clientia.membership').count(),
  contacts: await app.strapi.db.query('plugin::users-permissions.user').count(),
  brandings: await app.strapi.db.query('plugin::clientia.branding').count(),
});

describe('the demo start', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('seeds an empty database with the demo firm, an admin and contacts who can sign in', async () => {
    const app = await startTestApp({ database, env: demoEnv });
    try {
      expect(await counts(app)).toEqual({ admins: 1, clients: 2, memberships: 5, contacts: 4, brandings: 1 });

      const branding = await app.http().get('/api/clientia/branding').expect(200);
      expect(branding.body.data.firmName).toBe('Harbor & Pine Advisory');

      const contact = await app
        .http()
        .post('/api/auth/local')
        .send({ identifier: 'sam@rivera-consulting.example', password: demoEnv.DEMO_CONTACT_PASSWORD })
        .expect(200);
      expect(contact.body.jwt).toEqual(expect.any(String));
      expect(contact.body.user.password).toBeUndefined();

      await app
        .http()
        .post('/admin/login')
        .send({ email: demoEnv.DEMO_ADMIN_EMAIL, password: demoEnv.DEMO_ADMIN_PASSWORD })
        .expect(200);

      const sam = await app.strapi.db
        .query('plugin::clientia.membership')
        .findMany({ where: { user: { email: 'sam@rivera-consulting.example' } }, populate: ['client'] });
      expect(sam.map((m: { client: { slug: string } }) => m.client.slug).sort()).toEqual([
        'bluebird-studio',
        'northwind-logistics',
      ]);
    } finally {
      await app.stop({ keepDatabase: true });
    }
  });

  it('keeps the data on a second start and seeds nothing twice', async () => {
    const app = await startTestApp({ database, env: demoEnv });
    try {
      expect(await counts(app)).toEqual({ admins: 1, clients: 2, memberships: 5, contacts: 4, brandings: 1 });
    } finally {
      await app.stop({ keepDatabase: true });
    }
  });

  it('keeps public registration closed: every account comes from an invitation', async () => {
    const app = await startTestApp({ database });
    try {
      const before = await app.strapi.db.query('plugin::users-permissions.user').count();
      const response = await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: 'walkin', email: 'walkin@example.com', password: 'Walk-in-Pa55word' });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(before);
    } finally {
      await app.stop({ keepDatabase: true });
    }
  });
});

describe('the demo seed outside a demo', () => {
  it('creates nothing in production mode, even when asked', async () => {
    const app = await startTestApp({ env: { ...demoEnv, NODE_ENV: 'production' } });
    try {
      expect(await counts(app)).toEqual({ admins: 0, clients: 0, memberships: 0, contacts: 0, brandings: 0 });
    } finally {
      await app.stop();
    }
  });

  it('creates no admin without a password generated for this machine', async () => {
    const app = await startTestApp({ env: { CLIENTIA_DEMO: 'true', DEMO_ADMIN_PASSWORD: '', DEMO_CONTACT_PASSWORD: '' } });
    try {
      expect(await counts(app)).toEqual({ admins: 0, clients: 0, memberships: 0, contacts: 0, brandings: 0 });
    } finally {
      await app.stop();
    }
  });
});
