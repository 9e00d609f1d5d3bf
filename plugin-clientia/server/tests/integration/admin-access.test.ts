import { adminApi, contactAccount, moreFixtures, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

const READ = 'plugin::clientia.read';
const MANAGE_RECORDS = 'plugin::clientia.records.manage';

describe('admin API: permissions and bad input', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  let more: ReturnType<typeof moreFixtures>;
  let admin: ReturnType<typeof adminApi>;
  let client: { id: number | string; documentId: string };
  let thread: { documentId: string };

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
    more = moreFixtures(app);
    admin = adminApi(app, await adminToken(app));
    client = await f.client({ name: 'Access Co' });
    thread = await more.thread(client, { subject: 'Access question' });
    const contact = await contactAccount(app, 'asker@access.example');
    await more.contactMessage(thread, contact.user.id);
    await admin.put('/clientia/branding', { firmName: 'Access Firm' }).expect(200);
  });
  afterAll(async () => app?.stop());

  it('registers the four Clientia actions for staff roles', () => {
    const actions = app.strapi
      .service('admin::permission')
      .actionProvider.values()
      .filter((action: { pluginName?: string }) => action.pluginName === 'clientia')
      .map((action: { actionId: string; displayName: string; section: string }) => [action.actionId, action.displayName, action.section]);
    expect(actions.sort()).toEqual(
      [
        ['plugin::clientia.read', 'Read client records', 'plugins'],
        ['plugin::clientia.records.manage', 'Manage client records', 'plugins'],
        ['plugin::clientia.billing.manage', 'Manage billing', 'plugins'],
        ['plugin::clientia.settings.manage', 'Manage portal settings', 'plugins'],
      ].sort()
    );
  });

  describe('a read-only staff role', () => {
    let reader: ReturnType<typeof adminApi>;

    const snapshot = async () => ({
      memberships: await f.count('membership'),
      messages: await f.count('message'),
      activity: await f.count('activity'),
      users: await app.strapi.db.query('plugin::users-permissions.user').count(),
      threadState: (await f.docs('thread').findOne({ documentId: thread.documentId }))!.state,
      firmName: (await f.docs('branding').findFirst())!.firmName,
    });

    beforeAll(async () => {
      reader = adminApi(app, (await staffWithActions(app, [READ])).token);
    });

    it('reads every admin route', async () => {
      await reader.get('/clientia/overview').expect(200);
      await reader.get('/clientia/clients').expect(200);
      await reader.get(`/clientia/clients/${client.documentId}`).expect(200);
      await reader.get(`/clientia/clients/${client.documentId}/preview`).expect(200);
      await reader.get('/clientia/threads').expect(200);
      await reader.get(`/clientia/threads/${thread.documentId}`).expect(200);
      const branding = await reader.get('/clientia/branding').expect(200);
      expect(branding.body.data.firmName).toBe('Access Firm');
    });

    it('gets 403 on every change, and nothing is written', async () => {
      const before = await snapshot();
      const invite = { email: 'new@access.example', name: 'New Person', role: 'member' };
      await reader.post(`/clientia/clients/${client.documentId}/invitations`, invite).expect(403);
      await reader.post(`/clientia/threads/${thread.documentId}/messages`, { body: 'Not allowed' }).expect(403);
      await reader.put(`/clientia/threads/${thread.documentId}/state`, { state: 'closed' }).expect(403);
      await reader.put('/clientia/branding', { firmName: 'Hijacked' }).expect(403);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('keeps the brand out of reach of a role that manages records but not settings', async () => {
    const clerk = adminApi(app, (await staffWithActions(app, [READ, MANAGE_RECORDS])).token);
    await clerk.put(`/clientia/threads/${thread.documentId}/state`, { state: 'closed' }).expect(200);
    await clerk.put(`/clientia/threads/${thread.documentId}/state`, { state: 'open' }).expect(200);
    await clerk.put('/clientia/branding', { firmName: 'Hijacked' }).expect(403);
    // Managing without reading is not enough to open the overview.
    const writerOnly = adminApi(app, (await staffWithActions(app, [MANAGE_RECORDS])).token);
    await writerOnly.get('/clientia/overview').expect(403);
  });

  describe('bad input: a 4xx naming the field, never a 5xx, nothing written', () => {
    const fieldOf = (body: { error: { details: { errors?: { path: string[] }[] } } }) =>
      body.error.details.errors?.[0]?.path.join('.');

    it.each([
      ['/clientia/clients', { 'filters[name]': 'x' }, 'filters'],
      ['/clientia/clients', { populate: '*' }, 'populate'],
      ['/clientia/clients', { pageSize: '1000' }, 'pageSize'],
      ['/clientia/clients', { pageSize: '0' }, 'pageSize'],
      ['/clientia/clients', { page: '-1' }, 'page'],
      ['/clientia/clients', { page: 'two' }, 'page'],
      ['/clientia/clients', { state: 'deleted' }, 'state'],
      ['/clientia/clients', { q: 'x'.repeat(201) }, 'q'],
      ['/clientia/threads', { state: 'pending' }, 'state'],
      ['/clientia/threads', { sort: 'subject' }, 'sort'],
      ['/clientia/overview', { fields: 'internalNotes' }, 'fields'],
      ['/clientia/branding', { locale: 'de' }, 'locale'],
    ])('GET %s with %j → 400 naming %s', async (path, query, field) => {
      const response = await admin.get(path).query(query).expect(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(fieldOf(response.body)).toBe(field);
    });

    it('refuses a repeated query key', async () => {
      const response = await admin.get('/clientia/clients?state=active&state=paused').expect(400);
      expect(fieldOf(response.body)).toBe('state');
    });

    it.each([
      [{ email: 'a@b.example', name: 'A', role: 'member', isAdmin: true }, 'isAdmin'],
      [{ email: 'not-an-email', name: 'A', role: 'member' }, 'email'],
      [{ email: 42, name: 'A', role: 'member' }, 'email'],
      [{ name: 'A', role: 'member' }, 'email'],
      [{ email: 'a@b.example', name: '  ', role: 'member' }, 'name'],
      [{ email: 'a@b.example', name: 'A', role: 'superuser' }, 'role'],
      [{ email: 'a@b.example', name: 'A', role: 'member', signatory: 'yes' }, 'signatory'],
    ])('POST invitations with %j → 400 naming %s', async (body, field) => {
      const before = { users: await app.strapi.db.query('plugin::users-permissions.user').count(), memberships: await f.count('membership') };
      const response = await admin.post(`/clientia/clients/${client.documentId}/invitations`, body).expect(400);
      expect(fieldOf(response.body)).toBe(field);
      expect({ users: await app.strapi.db.query('plugin::users-permissions.user').count(), memberships: await f.count('membership') }).toEqual(before);
    });

    it.each([
      ['post', 'messages', { body: '' }, 'body'],
      ['post', 'messages', { body: 'x'.repeat(20_001) }, 'body'],
      ['post', 'messages', { body: 'Hi', authorType: 'contact' }, 'authorType'],
      ['put', 'state', { state: 'archived' }, 'state'],
      ['put', 'state', { state: 'closed', subject: 'Renamed' }, 'subject'],
    ] as const)('%s thread %s with %j → 400 naming %s', async (method, route, body, field) => {
      const before = await f.count('message');
      const response = await admin[method](`/clientia/threads/${thread.documentId}/${route}`, body).expect(400);
      expect(fieldOf(response.body)).toBe(field);
      expect(await f.count('message')).toBe(before);
    });

    it('refuses a body that is not a JSON object', async () => {
      const response = await admin.post(`/clientia/threads/${thread.documentId}/messages`, ['Hi']).expect(400);
      expect(response.body.error.name).toBe('ValidationError');
    });

    it.each([
      [{ primaryColor: 'red' }, 'primaryColor'],
      [{ accentColor: '#12345' }, 'accentColor'],
      [{ supportEmail: 'help at firm' }, 'supportEmail'],
      [{ emailSenderAddress: 'billing@' }, 'emailSenderAddress'],
      [{ portalUrl: 'portal.firm.example' }, 'portalUrl'],
      [{ portalUrl: 'javascript:alert(1)' }, 'portalUrl'],
      [{ portalUrl: 'ftp://portal.firm.example' }, 'portalUrl'],
      [{ defaultLocale: 'not a locale' }, 'defaultLocale'],
      [{ logo: 999999 }, 'logo'],
      [{ favicon: 'icon.png' }, 'favicon'],
      [{ firmName: '' }, 'firmName'],
      [{ firmName: 'x'.repeat(201) }, 'firmName'],
      [{ footerText: 'x'.repeat(2001) }, 'footerText'],
      [{ createdBy: 1 }, 'createdBy'],
    ])('PUT branding with %j → 400 naming %s', async (body, field) => {
      const response = await admin.put('/clientia/branding', body).expect(400);
      expect(fieldOf(response.body)).toBe(field);
      expect((await f.docs('branding').findFirst())!.firmName).toBe('Access Firm');
    });

    it('answers 404 for a missing or foreign documentId on every route that takes one', async () => {
      const missing = 'nosuchdocument0000000000';
      const invite = { email: 'x@access.example', name: 'X', role: 'member' };
      // A thread's documentId is no client's, and the other way round.
      for (const id of [missing, thread.documentId]) {
        await admin.get(`/clientia/clients/${id}`).expect(404);
        await admin.get(`/clientia/clients/${id}/preview`).expect(404);
        await admin.post(`/clientia/clients/${id}/invitations`, invite).expect(404);
      }
      for (const id of [missing, client.documentId]) {
        await admin.get(`/clientia/threads/${id}`).expect(404);
        await admin.post(`/clientia/threads/${id}/messages`, { body: 'Hello?' }).expect(404);
        await admin.put(`/clientia/threads/${id}/state`, { state: 'closed' }).expect(404);
      }
      expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email: 'x@access.example' } })).toBe(0);
    });
  });
});
