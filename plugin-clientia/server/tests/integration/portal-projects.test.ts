import { fixtures } from '../helpers/fixtures';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Doc = { id: number; documentId: string };

describe('portal API: projects and milestones', () => {
  let app: TestApp;
  let world: PortalWorld;
  let relaunch: Doc;
  let projectB: Doc;

  const get = (persona: Persona, path: string) => {
    const request = app.http().get(`/api/clientia${path}`);
    if (world.auth[persona]) request.set('Authorization', world.auth[persona]!);
    if (world.selector[persona]) request.set('X-Clientia-Client', world.selector[persona]!);
    return request;
  };

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildPortalWorld(app);
    const f = fixtures(app);
    const project = (client: Doc, data: Record<string, unknown>) =>
      f.docs('project').create({ data: { client: client.documentId, ...data } as never }) as Promise<Doc>;
    relaunch = await project(world.clientA, {
      name: 'Website relaunch',
      state: 'active',
      progress: 40,
      startDate: '2026-09-01',
      dueDate: '2026-12-15',
      summary: 'New site on the firm’s design system.',
      internalNotes: 'SECRET-MARGIN-NOTE',
    });
    await project(world.clientA, { name: 'Brand audit', state: 'planned', dueDate: '2026-10-30' });
    await project(world.clientA, { name: 'Old intranet', state: 'done', progress: 100, dueDate: '2026-03-01' });
    projectB = await project(world.clientB, { name: 'Beta platform', state: 'active', dueDate: '2026-11-01' });

    const milestone = (owner: Doc, title: string, order: number, dueDate: string, state = 'pending') =>
      f.docs('milestone').create({ data: { project: owner.documentId, title, order, dueDate, state } as never });
    await milestone(relaunch, 'Launch', 2, '2026-12-10');
    await milestone(relaunch, 'Design sign-off', 1, '2026-10-10', 'done');
    await milestone(relaunch, 'Copy delivered', 1, '2026-10-05', 'in_progress');
    await milestone(projectB, 'Beta cut-over', 1, '2026-10-20');
  });
  afterAll(async () => app?.stop());

  it('lists the client’s projects with progress and milestone counts, by due date', async () => {
    const { body } = await get('memberA', '/projects').expect(200);
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 25, total: 3, pageCount: 1 });
    expect(body.data.map((p: { name: string }) => p.name)).toEqual(['Old intranet', 'Brand audit', 'Website relaunch']);
    expect(body.data[2]).toEqual({
      documentId: relaunch.documentId,
      name: 'Website relaunch',
      status: 'active',
      progress: 40,
      startDate: '2026-09-01',
      dueDate: '2026-12-15',
      summary: 'New site on the firm’s design system.',
      milestones: { done: 1, total: 3 },
    });
    expect(body.data[1].milestones).toEqual({ done: 0, total: 0 });
    const text = JSON.stringify(body);
    expect(text).not.toContain('SECRET-MARGIN-NOTE');
    expect(text).not.toContain('internalNotes');
    expect(text).not.toContain('Beta');
  });

  it('filters by status, sorts on name or due date, and pages', async () => {
    const active = await get('ownerA', '/projects?status=active').expect(200);
    expect(active.body.data.map((p: Doc) => p.documentId)).toEqual([relaunch.documentId]);
    const byName = await get('ownerA', '/projects?sort=name:desc').expect(200);
    expect(byName.body.data.map((p: { name: string }) => p.name)).toEqual(['Website relaunch', 'Old intranet', 'Brand audit']);
    const paged = await get('ownerA', '/projects?pageSize=2&page=2&sort=dueDate:desc').expect(200);
    expect(paged.body.data.map((p: { name: string }) => p.name)).toEqual(['Old intranet']);
    expect(paged.body.meta.pagination).toEqual({ page: 2, pageSize: 2, total: 3, pageCount: 2 });
  });

  it('refuses bad query input, naming the parameter', async () => {
    expect((await get('ownerA', '/projects?status=cancelled').expect(400)).body.error.details.errors[0].path).toEqual(['status']);
    expect((await get('ownerA', '/projects?sort=progress').expect(400)).body.error.details.errors[0].path).toEqual(['sort']);
    expect((await get('ownerA', '/projects?pageSize=101').expect(400)).body.error.details.errors[0].path).toEqual(['pageSize']);
    expect((await get('ownerA', '/projects?populate[client]=true').expect(400)).body.error.message).toContain('populate');
    expect((await get('ownerA', `/projects/${relaunch.documentId}?fields=internalNotes`).expect(400)).body.error.message).toContain('fields');
  });

  it('shows a project with its milestones in the firm’s order, never internal notes', async () => {
    const { body } = await get('billingA', `/projects/${relaunch.documentId}`).expect(200);
    expect(body.data).toMatchObject({ documentId: relaunch.documentId, name: 'Website relaunch', status: 'active', milestoneCounts: { done: 1, total: 3 } });
    expect(body.data.milestones).toEqual([
      { documentId: expect.any(String), title: 'Copy delivered', dueDate: '2026-10-05', status: 'in_progress', completedAt: null },
      { documentId: expect.any(String), title: 'Design sign-off', dueDate: '2026-10-10', status: 'done', completedAt: expect.any(String) },
      { documentId: expect.any(String), title: 'Launch', dueDate: '2026-12-10', status: 'pending', completedAt: null },
    ]);
    expect(JSON.stringify(body)).not.toContain('SECRET-MARGIN-NOTE');
  });

  it('answers 404 alike for a foreign and a missing project', async () => {
    const foreign = await get('ownerA', `/projects/${projectB.documentId}`).expect(404);
    const missing = await get('ownerA', '/projects/nosuchproject0000000000000').expect(404);
    expect(foreign.body.error.message).toBe(missing.body.error.message);
    expect(missing.body.error.message).toBe('No project has this id');
    await get('ownerA', '/projects/a%00b').expect(404);
    expect(JSON.stringify(foreign.body)).not.toContain('Beta');
  });

  it('lets a contact of both clients act for B, seeing only B', async () => {
    const list = await get('contactAB', '/projects').expect(200);
    expect(list.body.data.map((p: Doc) => p.documentId)).toEqual([projectB.documentId]);
    expect((await get('contactAB', `/projects/${projectB.documentId}`).expect(200)).body.data.milestones).toHaveLength(1);
    await get('contactAB', `/projects/${relaunch.documentId}`).expect(404);
  });

  it('is open to every role and to no one else', async () => {
    for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA', 'contactB'] as const) {
      await get(persona, '/projects').expect(200);
    }
    for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA'] as const) {
      await get(persona, `/projects/${relaunch.documentId}`).expect(200);
    }
    expect((await get('apiToken', '/projects')).status).toBe(403);
    expect([401, 403]).toContain((await get('anonymous', `/projects/${relaunch.documentId}`)).status);
    expect([401, 403]).toContain((await get('blocked', '/projects')).status);
  });
});
