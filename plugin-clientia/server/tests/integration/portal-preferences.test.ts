import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

const ALL_ON = { invoices: true, contracts: true, messages: true, documents: true, projects: true };

describe('portal API: preferences', () => {
  let app: TestApp;
  let world: PortalWorld;

  const as = (persona: Persona, request: ReturnType<ReturnType<TestApp['http']>['get']>, selector = world.selector[persona]) => {
    if (world.auth[persona]) request.set('Authorization', world.auth[persona]!);
    if (selector) request.set('X-Clientia-Client', selector);
    return request;
  };
  const get = (persona: Persona, selector?: string) => as(persona, app.http().get('/api/clientia/preferences'), selector);
  const put = (persona: Persona, body: unknown, selector?: string) => as(persona, app.http().put('/api/clientia/preferences'), selector).send(body as object);
  const membership = (persona: keyof PortalWorld['emails'], clientId: number) =>
    app.strapi.db.query('plugin::clientia.membership').findOne({ where: { user: { email: world.emails[persona] }, client: { id: clientId } } });

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildPortalWorld(app);
    await app.strapi.documents('plugin::clientia.branding').create({ data: { firmName: 'Harbor & Vale LLP', defaultLocale: 'en-GB' } as never });
    await app.strapi.documents('plugin::clientia.client').update({ documentId: world.clientA.documentId, data: { preferredLocale: 'de-CH' } as never });
  });
  afterAll(async () => app?.stop());

  it('starts from defaults: every notification on, the client’s language or else the firm’s', async () => {
    expect((await get('memberA').expect(200)).body).toEqual({ data: { language: 'de-CH', notifications: ALL_ON } });
    expect((await get('contactB').expect(200)).body).toEqual({ data: { language: 'en-GB', notifications: ALL_ON } });
  });

  it('saves the caller’s choices on their membership, merged, and records the change as theirs', async () => {
    const saved = await put('memberA', { language: 'fr-ca', notifications: { invoices: false } }).expect(200);
    expect(saved.body.data).toEqual({ language: 'fr-CA', notifications: { ...ALL_ON, invoices: false } });
    const merged = await put('memberA', { notifications: { messages: false } }).expect(200);
    expect(merged.body.data).toEqual({ language: 'fr-CA', notifications: { ...ALL_ON, invoices: false, messages: false } });
    expect((await get('memberA').expect(200)).body.data).toEqual(merged.body.data);

    const stored = await membership('memberA', world.clientA.id);
    expect(stored.language).toBe('fr-CA');
    expect(stored.notificationPreferences).toEqual({ ...ALL_ON, invoices: false, messages: false });
    const entries = await app.strapi.db.query('plugin::clientia.activity').findMany({
      where: { subjectType: 'membership', subjectId: stored.documentId, actorType: 'contact' },
    });
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every((e: { visibleToClient: boolean }) => !e.visibleToClient)).toBe(true);

    const reset = await put('memberA', { language: null }).expect(200);
    expect(reset.body.data.language).toBe('de-CH');
    // Another contact of the same client keeps their own settings.
    expect((await get('billingA').expect(200)).body.data).toEqual({ language: 'de-CH', notifications: ALL_ON });
  });

  it('keeps a contact’s preferences apart for each of their clients', async () => {
    await put('contactAB', { language: 'es', notifications: { documents: false } }, world.clientB.documentId).expect(200);
    expect((await get('contactAB', world.clientB.documentId).expect(200)).body.data).toEqual({ language: 'es', notifications: { ...ALL_ON, documents: false } });
    expect((await get('contactAB', world.clientA.documentId).expect(200)).body.data).toEqual({ language: 'de-CH', notifications: ALL_ON });
    expect((await membership('contactAB', world.clientA.id)).language).toBeNull();
    // B's own contact is not touched either.
    expect((await get('contactB').expect(200)).body.data).toEqual({ language: 'en-GB', notifications: ALL_ON });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const cases: [unknown, string[]][] = [
      [{ language: 'not a tag!!' }, ['language']],
      [{ language: `en-${'a'.repeat(40)}` }, ['language']],
      [{ language: 42 }, ['language']],
      [{ notifications: { sms: true } }, ['notifications', 'sms']],
      [{ notifications: { invoices: 'no' } }, ['notifications', 'invoices']],
      [{ notifications: [true] }, ['notifications']],
      [{ role: 'owner' }, ['role']],
    ];
    for (const [body, path] of cases) {
      const response = await put('ownerA', body).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(path);
    }
    await put('ownerA', [{ language: 'en' }]).expect(400);
    const stored = await membership('ownerA', world.clientA.id);
    expect([stored.language, stored.notificationPreferences, stored.role]).toEqual([null, null, 'owner']);
  });

  it('is open to every role and to no one else', async () => {
    for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA', 'contactB'] as const) {
      await get(persona).expect(200);
      await put(persona, {}).expect(200);
    }
    expect((await get('apiToken')).status).toBe(403);
    expect([401, 403]).toContain((await put('anonymous', { language: 'en' })).status);
    expect([401, 403]).toContain((await put('blocked', { language: 'en' })).status);
    expect((await get('ownerA').query({ populate: '*' })).status).toBe(400);
  });
});
