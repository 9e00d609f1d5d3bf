import { adminApi, moreFixtures, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { adminToken, portalUser, startTestApp, type TestApp } from '../helpers/test-app';

const READ = 'plugin::clientia.read';

type Doc = { id: number; documentId: string };
type Milestone = { documentId: string; title: string; status?: string; state?: string; completedAt: string | null };

/**
 * Staff keep a client's projects, milestones, licences and seats from the client page; the
 * client's contacts see each change on the portal, and a refusal writes nothing.
 */
describe('admin API: projects, milestones, licences and seats', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  let more: ReturnType<typeof moreFixtures>;
  let admin: ReturnType<typeof adminApi>;
  let client: Doc;
  let other: Doc;
  let jwt: string;

  const portal = (path: string) => app.http().get(`/api/clientia${path}`).set('Authorization', `Bearer ${jwt}`);
  const fieldOf = (response: { body: { error: { details: { errors: { path: string[] }[] } } } }) => response.body.error.details.errors[0]!.path.join('.');
  const base = (owner: Doc = client) => `/clientia/clients/${owner.documentId}`;
  const counts = async () => ({
    projects: await f.count('project'),
    milestones: await f.count('milestone'),
    licences: await f.count('licence'),
    seats: await f.count('seat'),
    activity: await f.count('activity'),
  });

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
    more = moreFixtures(app);
    admin = adminApi(app, await adminToken(app));
    client = (await f.client({ name: 'Keel & Rudder' })) as Doc;
    other = (await f.client({ name: 'Foreign Fleet' })) as Doc;
    const contact = await portalUser(app, 'owner@keel.example');
    await more.membership(client, contact.user.id as number, { role: 'owner', acceptedAt: new Date().toISOString() });
    jwt = contact.jwt;
  });
  afterAll(async () => app?.stop());

  describe('projects and milestones', () => {
    let project: { documentId: string };

    it('creates a project the contact sees on the portal, without the staff-only notes', async () => {
      const response = await admin
        .post(`${base()}/projects`, {
          name: ' Website relaunch ',
          state: 'active',
          progress: 20,
          startDate: '2026-09-01',
          dueDate: '2026-12-15',
          summary: 'New site on the firm’s design system.',
          internalNotes: 'SECRET-MARGIN-NOTE',
        })
        .expect(201);
      expect(response.body.data).toEqual({
        documentId: expect.any(String),
        name: 'Website relaunch',
        state: 'active',
        progress: 20,
        startDate: '2026-09-01',
        dueDate: '2026-12-15',
        summary: 'New site on the firm’s design system.',
        internalNotes: 'SECRET-MARGIN-NOTE',
        milestones: [],
      });
      project = response.body.data;
      const seen = (await portal(`/projects/${project.documentId}`).expect(200)).body.data;
      expect(seen).toMatchObject({ name: 'Website relaunch', status: 'active', progress: 20, dueDate: '2026-12-15' });
      expect(JSON.stringify(seen)).not.toContain('SECRET-MARGIN-NOTE');

      const planned = await admin.post(`${base()}/projects`, { name: 'Brand audit' }).expect(201);
      expect(planned.body.data).toMatchObject({ state: 'planned', progress: 0, startDate: null, dueDate: null });
    });

    it('edits a project: the status in words reaches the portal; a due date before the start is refused', async () => {
      const edited = await admin.put(`${base()}/projects/${project.documentId}`, { state: 'on_hold', progress: 35, summary: null }).expect(200);
      expect(edited.body.data).toMatchObject({ state: 'on_hold', progress: 35, summary: null, name: 'Website relaunch' });
      expect((await portal(`/projects/${project.documentId}`).expect(200)).body.data).toMatchObject({ status: 'on_hold', progress: 35, summary: null });

      const before = await counts();
      expect(fieldOf(await admin.put(`${base()}/projects/${project.documentId}`, { dueDate: '2026-08-01' }).expect(400))).toBe('dueDate');
      expect(fieldOf(await admin.put(`${base()}/projects/${project.documentId}`, { dueDate: '2026-02-30' }).expect(400))).toBe('dueDate');
      expect(fieldOf(await admin.put(`${base()}/projects/${project.documentId}`, { state: 'cancelled' }).expect(400))).toBe('state');
      expect(fieldOf(await admin.put(`${base()}/projects/${project.documentId}`, { progress: 101 }).expect(400))).toBe('progress');
      expect(fieldOf(await admin.put(`${base()}/projects/${project.documentId}`, { client: other.documentId }).expect(400))).toBe('client');
      expect(fieldOf(await admin.post(`${base()}/projects`, { state: 'active' }).expect(400))).toBe('name');
      expect(await counts()).toEqual(before);
      expect((await admin.get(`${base()}/projects/${project.documentId}`).expect(200)).body.data.dueDate).toBe('2026-12-15');
    });

    it('adds milestones at the end; a new one appears on the contact’s project page', async () => {
      await admin.post(`${base()}/projects/${project.documentId}/milestones`, { title: 'Design sign-off', dueDate: '2026-10-10' }).expect(201);
      await admin.post(`${base()}/projects/${project.documentId}/milestones`, { title: 'Copy delivered', dueDate: '2026-10-20', state: 'in_progress' }).expect(201);
      const added = await admin.post(`${base()}/projects/${project.documentId}/milestones`, { title: 'Go live', dueDate: '2026-12-10' }).expect(201);
      expect(added.body.data.milestones.map((m: Milestone & { order: number }) => [m.title, m.state, m.order])).toEqual([
        ['Design sign-off', 'pending', 1],
        ['Copy delivered', 'in_progress', 2],
        ['Go live', 'pending', 3],
      ]);
      const seen = (await portal(`/projects/${project.documentId}`).expect(200)).body.data;
      expect(seen.milestones.map((m: Milestone) => [m.title, m.status])).toEqual([
        ['Design sign-off', 'pending'],
        ['Copy delivered', 'in_progress'],
        ['Go live', 'pending'],
      ]);
      expect(seen.milestoneCounts).toEqual({ done: 0, total: 3 });
    });

    it('marks a milestone done: the portal shows it done, with when', async () => {
      const current = (await admin.get(`${base()}/projects/${project.documentId}`).expect(200)).body.data;
      const signOff = current.milestones[0] as Milestone;
      const done = await admin.put(`${base()}/projects/${project.documentId}/milestones/${signOff.documentId}`, { state: 'done', title: 'Design signed off' }).expect(200);
      const written = done.body.data.milestones[0];
      expect(written).toMatchObject({ title: 'Design signed off', state: 'done', completedAt: expect.any(String) });
      const seen = (await portal(`/projects/${project.documentId}`).expect(200)).body.data;
      expect(seen.milestones[0]).toMatchObject({ title: 'Design signed off', status: 'done', completedAt: written.completedAt });
      expect(seen.milestoneCounts).toEqual({ done: 1, total: 3 });

      const reopened = await admin.put(`${base()}/projects/${project.documentId}/milestones/${signOff.documentId}`, { state: 'pending', dueDate: null }).expect(200);
      expect(reopened.body.data.milestones[0]).toMatchObject({ state: 'pending', completedAt: null, dueDate: null });
    });

    it('reorders milestones, and the contact sees the new order', async () => {
      const current = (await admin.get(`${base()}/projects/${project.documentId}`).expect(200)).body.data.milestones as Milestone[];
      const reversed = current.map((m) => m.documentId).reverse();
      const response = await admin.put(`${base()}/projects/${project.documentId}/milestone-order`, { milestones: reversed }).expect(200);
      expect(response.body.data.milestones.map((m: Milestone) => m.documentId)).toEqual(reversed);
      const seen = (await portal(`/projects/${project.documentId}`).expect(200)).body.data;
      expect(seen.milestones.map((m: Milestone) => m.documentId)).toEqual(reversed);
    });

    it('refuses an order that is not each milestone once, and milestones or projects of another client', async () => {
      const current = (await admin.get(`${base()}/projects/${project.documentId}`).expect(200)).body.data.milestones as Milestone[];
      const ids = current.map((m) => m.documentId);
      const foreignProject = (await more.project(other, { name: 'Foreign build' })) as Doc;
      const foreignMilestone = (await more.milestone(foreignProject, { title: 'Foreign step' })) as Doc;
      const before = await counts();
      const orderPath = `${base()}/projects/${project.documentId}/milestone-order`;
      for (const milestones of [ids.slice(1), [...ids, foreignMilestone.documentId], [ids[0], ids[0], ids[1]], 'all']) {
        expect(fieldOf(await admin.put(orderPath, { milestones }).expect(400))).toBe('milestones');
      }
      expect(fieldOf(await admin.post(`${base()}/projects/${project.documentId}/milestones`, { title: '' }).expect(400))).toBe('title');
      expect(fieldOf(await admin.post(`${base()}/projects/${project.documentId}/milestones`, { title: 'Late', dueDate: '30.11.2026' }).expect(400))).toBe('dueDate');
      expect(fieldOf(await admin.post(`${base()}/projects/${project.documentId}/milestones`, { title: 'Late', state: 'late' }).expect(400))).toBe('state');

      await admin.get(`${base()}/projects/${foreignProject.documentId}`).expect(404);
      await admin.put(`${base()}/projects/${foreignProject.documentId}`, { name: 'Taken over' }).expect(404);
      await admin.post(`${base()}/projects/${foreignProject.documentId}/milestones`, { title: 'Planted' }).expect(404);
      await admin.put(`${base()}/projects/${project.documentId}/milestones/${foreignMilestone.documentId}`, { title: 'Moved' }).expect(404);
      await admin.put(`${base(other)}/projects/${project.documentId}/milestones/${ids[0]}`, { title: 'Moved' }).expect(404);
      await admin.get(`${base()}/projects/not%20an%20id`).expect(404);
      expect(await counts()).toEqual(before);
      expect((await f.docs('project').findOne({ documentId: foreignProject.documentId }))!.name).toBe('Foreign build');
    });
  });

  describe('licences and seats', () => {
    let licence: { documentId: string };

    const seatsOnPortal = async () => (await portal(`/seats?licence=${licence.documentId}`).expect(200)).body.data as { status: string; assigneeEmail: string | null }[];

    it('creates a licence with one vacant seat per seat purchased, as the contact sees it', async () => {
      const response = await admin
        .post(`${base()}/licences`, { product: 'Matter Vault', plan: 'Team', seatsPurchased: 2, renewalDate: '2027-01-31', internalNotes: 'Discounted' })
        .expect(201);
      expect(response.body.data).toMatchObject({
        product: 'Matter Vault',
        plan: 'Team',
        state: 'active',
        seatsPurchased: 2,
        assigned: 0,
        renewalDate: '2027-01-31',
        internalNotes: 'Discounted',
      });
      expect(response.body.data.seats).toHaveLength(2);
      licence = response.body.data;
      const listed = (await portal('/licences').expect(200)).body.data;
      expect(listed).toEqual([expect.objectContaining({ documentId: licence.documentId, seatsPurchased: 2, assigned: 0, vacant: 2, status: 'active', renewalDate: '2027-01-31' })]);
      expect(JSON.stringify(listed)).not.toContain('Discounted');
      expect((await seatsOnPortal()).map((seat) => seat.status)).toEqual(['vacant', 'vacant']);
    });

    it('assigns seats to contacts until the licence is full, then refuses with the rule’s message and writes nothing', async () => {
      await admin.post(`${base()}/licences/${licence.documentId}/seats`, { assigneeName: 'Ada Keel', assigneeEmail: 'Ada@Keel.example' }).expect(200);
      const second = await admin.post(`${base()}/licences/${licence.documentId}/seats`, { assigneeName: 'Ben Rudder', assigneeEmail: 'ben@keel.example' }).expect(200);
      expect(second.body.data).toMatchObject({ assigned: 2, seatsPurchased: 2 });
      expect((await seatsOnPortal()).map((seat) => seat.assigneeEmail)).toEqual(['ada@keel.example', 'ben@keel.example']);

      const before = await counts();
      const full = await admin.post(`${base()}/licences/${licence.documentId}/seats`, { assigneeName: 'Cleo Mast', assigneeEmail: 'cleo@keel.example' }).expect(400);
      expect(fieldOf(full)).toBe('assigneeEmail');
      expect(full.body.error.message).toBe('assigneeEmail: all 2 seats of Matter Vault are assigned; free one or buy more');
      expect(await counts()).toEqual(before);

      const twice = await admin.post(`${base()}/licences/${licence.documentId}/seats`, { assigneeName: 'Ada', assigneeEmail: 'ada@keel.example' }).expect(400);
      expect(twice.body.error.message).toMatch(/already has a seat of Matter Vault/);

      const fewer = await admin.put(`${base()}/licences/${licence.documentId}`, { seatsPurchased: 1 }).expect(400);
      expect(fieldOf(fewer)).toBe('seatsPurchased');
      expect(fewer.body.error.message).toMatch(/2 seats are assigned; free some before reducing to 1/);
      expect(await counts()).toEqual(before);
      expect((await admin.get(`${base()}/licences/${licence.documentId}`).expect(200)).body.data.seatsPurchased).toBe(2);
    });

    it('frees a seat, and adds or removes vacant seats as seats purchased change', async () => {
      const current = (await admin.get(`${base()}/licences/${licence.documentId}`).expect(200)).body.data;
      const ada = current.seats.find((seat: { assigneeEmail: string | null }) => seat.assigneeEmail === 'ada@keel.example');
      const freed = await admin.delete(`${base()}/licences/${licence.documentId}/seats/${ada.documentId}/assignee`).expect(200);
      expect(freed.body.data.assigned).toBe(1);
      expect((await seatsOnPortal()).map((seat) => seat.status)).toEqual(['vacant', 'assigned']);

      const more = await admin.put(`${base()}/licences/${licence.documentId}`, { seatsPurchased: 4, renewalDate: null, plan: '' }).expect(200);
      expect(more.body.data).toMatchObject({ seatsPurchased: 4, assigned: 1, renewalDate: null, plan: null });
      expect(more.body.data.seats).toHaveLength(4);
      expect((await portal('/licences').expect(200)).body.data[0]).toMatchObject({ seatsPurchased: 4, vacant: 3 });

      const fewer = await admin.put(`${base()}/licences/${licence.documentId}`, { seatsPurchased: 1 }).expect(200);
      expect(fewer.body.data.seats.map((seat: { assigneeEmail: string | null }) => seat.assigneeEmail)).toEqual(['ben@keel.example']);
      expect((await seatsOnPortal()).map((seat) => seat.status)).toEqual(['assigned']);
    });

    it('refuses seats of a cancelled licence, bad input naming the field, and records of another client', async () => {
      const foreign = (await f.licence(other, 3)) as Doc;
      const foreignSeat = (await f.seat(foreign)) as Doc;
      const current = (await admin.get(`${base()}/licences/${licence.documentId}`).expect(200)).body.data;
      const before = await counts();
      for (const [body, field] of [
        [{ product: 'X', seatsPurchased: -1 }, 'seatsPurchased'],
        [{ product: 'X', seatsPurchased: 1.5 }, 'seatsPurchased'],
        [{ product: 'X', seatsPurchased: 1001 }, 'seatsPurchased'],
        [{ seatsPurchased: 1 }, 'product'],
        [{ product: 'X', seatsPurchased: 1, state: 'lapsed' }, 'state'],
        [{ product: 'X', seatsPurchased: 1, renewalDate: '2027-13-01' }, 'renewalDate'],
      ] as const) {
        expect(fieldOf(await admin.post(`${base()}/licences`, body).expect(400))).toBe(field);
      }
      expect(fieldOf(await admin.post(`${base()}/licences/${licence.documentId}/seats`, { assigneeName: 'No Mail' }).expect(400))).toBe('assigneeEmail');
      expect(fieldOf(await admin.post(`${base()}/licences/${licence.documentId}/seats`, { assigneeName: 'X', assigneeEmail: 'nope' }).expect(400))).toBe('assigneeEmail');

      await admin.get(`${base()}/licences/${foreign.documentId}`).expect(404);
      await admin.put(`${base()}/licences/${foreign.documentId}`, { seatsPurchased: 0 }).expect(404);
      await admin.post(`${base()}/licences/${foreign.documentId}/seats`, { assigneeName: 'X', assigneeEmail: 'x@keel.example' }).expect(404);
      await admin.delete(`${base()}/licences/${licence.documentId}/seats/${foreignSeat.documentId}/assignee`).expect(404);
      await admin.delete(`${base(other)}/licences/${licence.documentId}/seats/${current.seats[0].documentId}/assignee`).expect(404);
      expect(await counts()).toEqual(before);

      await admin.put(`${base()}/licences/${licence.documentId}`, { state: 'cancelled' }).expect(200);
      const refused = await admin.post(`${base()}/licences/${licence.documentId}/seats`, { assigneeName: 'Dora', assigneeEmail: 'dora@keel.example' }).expect(400);
      expect(refused.body.error.message).toMatch(/Matter Vault is cancelled/);
      expect((await portal('/licences').expect(200)).body.data[0].status).toBe('cancelled');
    });
  });

  describe('a read-only staff role', () => {
    it('reads projects and licences but gets 403 on every change, and nothing is written', async () => {
      const reader = adminApi(app, (await staffWithActions(app, [READ])).token);
      const project = (await admin.post(`${base()}/projects`, { name: 'Read only project' }).expect(201)).body.data;
      const withMilestone = (await admin.post(`${base()}/projects/${project.documentId}/milestones`, { title: 'Step' }).expect(201)).body.data;
      const milestoneId = withMilestone.milestones[0].documentId;
      const licence = (await admin.post(`${base()}/licences`, { product: 'Ledger', seatsPurchased: 1 }).expect(201)).body.data;
      const seatId = (await admin.post(`${base()}/licences/${licence.documentId}/seats`, { assigneeName: 'Eve', assigneeEmail: 'eve@keel.example' }).expect(200)).body.data.seats[0].documentId;

      const before = await counts();
      await reader.get(`${base()}/projects/${project.documentId}`).expect(200);
      await reader.get(`${base()}/licences/${licence.documentId}`).expect(200);
      await reader.post(`${base()}/projects`, { name: 'Nope' }).expect(403);
      await reader.put(`${base()}/projects/${project.documentId}`, { name: 'Nope' }).expect(403);
      await reader.post(`${base()}/projects/${project.documentId}/milestones`, { title: 'Nope' }).expect(403);
      await reader.put(`${base()}/projects/${project.documentId}/milestones/${milestoneId}`, { state: 'done' }).expect(403);
      await reader.put(`${base()}/projects/${project.documentId}/milestone-order`, { milestones: [milestoneId] }).expect(403);
      await reader.post(`${base()}/licences`, { product: 'Nope', seatsPurchased: 1 }).expect(403);
      await reader.put(`${base()}/licences/${licence.documentId}`, { seatsPurchased: 5 }).expect(403);
      await reader.post(`${base()}/licences/${licence.documentId}/seats`, { assigneeName: 'Nope', assigneeEmail: 'nope@keel.example' }).expect(403);
      await reader.delete(`${base()}/licences/${licence.documentId}/seats/${seatId}/assignee`).expect(403);
      expect(await counts()).toEqual(before);
      expect((await admin.get(`${base()}/licences/${licence.documentId}`).expect(200)).body.data).toMatchObject({ seatsPurchased: 1, assigned: 1 });
    });
  });
});
