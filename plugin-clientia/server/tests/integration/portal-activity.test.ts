import { fixtures } from '../helpers/fixtures';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Doc = { id: number; documentId: string };

describe('portal API: activity feed', () => {
  let app: TestApp;
  let world: PortalWorld;
  let project: Doc;

  const get = (persona: Persona, path = '/activity') => {
    const request = app.http().get(`/api/clientia${path}`);
    if (world.auth[persona]) request.set('Authorization', world.auth[persona]!);
    if (world.selector[persona]) request.set('X-Clientia-Client', world.selector[persona]!);
    return request;
  };
  const entry = (data: Record<string, unknown>) =>
    app.strapi.db.query('plugin::clientia.activity').create({ data: { verb: 'updated', subjectType: 'project', occurredAt: new Date(), ...data } });

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildPortalWorld(app);
    const f = fixtures(app);
    await app.strapi.documents('plugin::clientia.branding').create({ data: { firmName: 'Harbor & Vale LLP' } as never });
    const staff = await app.strapi.service('admin::user').create({
      email: 'sam.ortiz@firm.example',
      firstname: 'Sam',
      lastname: 'Ortiz',
      password: 'Staff-Pass-1234a',
      isActive: true,
      roles: [],
      registrationToken: null,
    });

    // Written by the server outside any request: its actor is the firm's system.
    project = (await f.docs('project').create({ data: { client: world.clientA.documentId, name: 'Tax review' } as never })) as Doc;
    await f.docs('project').update({ documentId: project.documentId, data: { internalNotes: 'SECRET-FEE-DISCOUNT' } as never });
    await f.docs('document').create({ data: { client: world.clientA.documentId, title: 'Internal pricing memo', visibility: 'internal' } as never });
    await entry({ client: world.clientA.id, actorType: 'staff', actorStaff: staff.id, actorLabel: 'sam.ortiz@firm.example', subjectLabel: 'Project Tax review', occurredAt: new Date(Date.now() + 60_000) });
    await entry({ client: world.clientA.id, actorType: 'staff', actorLabel: 'Sam Ortiz', subjectLabel: 'Staff-only review', visibleToClient: false });
    await entry({ client: world.clientB.id, actorType: 'system', actorLabel: 'System', subjectLabel: 'Project Beta rollout' });
  });
  afterAll(async () => app?.stop());

  it('shows the client’s entries newest first: staff by name, the firm’s own as the firm', async () => {
    await app.http().post('/api/clientia/threads').set('Authorization', world.auth.memberA!).send({ subject: 'Hello', body: 'A first question' }).expect(201);
    const { body } = await get('ownerA').expect(200);
    const rows = body.data as { occurredAt: string; actorLabel: string; verb: string; subjectType: string; subjectLabel: string }[];
    expect(rows[0]).toEqual({ occurredAt: expect.any(String), actorLabel: 'Sam Ortiz', verb: 'updated', subjectType: 'project', subjectLabel: 'Project Tax review' });
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorLabel: 'memberA', verb: 'created', subjectType: 'thread', subjectLabel: 'Thread “Hello”' }),
        expect.objectContaining({ actorLabel: 'Harbor & Vale LLP', verb: 'created', subjectType: 'project', subjectLabel: 'Project Tax review' }),
      ])
    );
    const times = rows.map((r) => r.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(Object.keys(rows[0]).sort()).toEqual(['actorLabel', 'occurredAt', 'subjectLabel', 'subjectType', 'verb']);
  });

  it('never shows hidden entries, internal notes, change lists, “System” or B’s entries', async () => {
    for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA'] as const) {
      const { body } = await get(persona).expect(200);
      const text = JSON.stringify(body);
      for (const hidden of ['Staff-only review', 'Internal pricing memo', 'SECRET-FEE-DISCOUNT', 'internalNotes', 'changes', '"System"', 'Clientia', 'Beta', 'sam.ortiz@firm.example']) {
        expect(text).not.toContain(hidden);
      }
    }
  });

  it('shows a contact acting for B only B’s feed', async () => {
    const { body } = await get('contactAB').expect(200);
    expect(body.data.map((r: { subjectLabel: string }) => r.subjectLabel)).toEqual(['Project Beta rollout']);
    expect(body.data[0].actorLabel).toBe('Harbor & Vale LLP');
  });

  it('pages with a hard maximum and a fixed order, refusing other query keys', async () => {
    const total = (await get('ownerA').expect(200)).body.meta.pagination.total;
    const page = await get('ownerA', '/activity?page=2&pageSize=1').expect(200);
    expect(page.body.data).toHaveLength(1);
    expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 1, total, pageCount: total });
    expect((await get('ownerA', '/activity?pageSize=500').expect(400)).body.error.details.errors[0].path).toEqual(['pageSize']);
    expect((await get('ownerA', '/activity?sort=occurredAt:asc').expect(400)).body.error.details.errors[0].path).toEqual(['sort']);
    await get('ownerA', '/activity?sort=occurredAt:desc').expect(200);
    expect((await get('ownerA', '/activity?filters[visibleToClient]=false').expect(400)).body.error.message).toContain('filters');
  });

  it('is open to every role and to no one else', async () => {
    for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA', 'contactB'] as const) await get(persona).expect(200);
    expect((await get('apiToken')).status).toBe(403);
    expect([401, 403]).toContain((await get('anonymous')).status);
    expect([401, 403]).toContain((await get('blocked')).status);
  });
});
