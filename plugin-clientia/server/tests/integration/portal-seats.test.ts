import { fixtures } from '../helpers/fixtures';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Doc = { id: number; documentId: string };

describe('portal API: licences and seats', () => {
  let app: TestApp;
  let world: PortalWorld;
  let f: ReturnType<typeof fixtures>;
  let vault: Doc;
  let ada: Doc;
  let spare: Doc;
  let spare2: Doc;
  let ledger: Doc;
  let foreignLicence: Doc;
  let foreignSeat: Doc;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildPortalWorld(app);
    f = fixtures(app);
    vault = (await f.licence(world.clientA, 2, { product: 'Matter Vault', plan: 'Team', renewalDate: '2027-03-31', internalNotes: 'Upsell at renewal' })) as Doc;
    ada = (await f.seat(vault, { assigneeName: 'Ada Park', assigneeEmail: 'ada@alpha.example' })) as Doc;
    spare = (await f.seat(vault)) as Doc;
    spare2 = (await f.seat(vault)) as Doc;
    ledger = (await f.licence(world.clientA, 3, { product: 'Ledgerline', plan: null, state: 'cancelled' })) as Doc;
    await f.seat(ledger, { assigneeName: 'Cho Lee', assigneeEmail: 'cho@alpha.example' });
    foreignLicence = (await f.licence(world.clientB, 4, { product: 'Beta Secret Suite' })) as Doc;
    foreignSeat = (await f.seat(foreignLicence, { assigneeName: 'Bea Foreign', assigneeEmail: 'bea@beta.example' })) as Doc;
  });
  afterAll(async () => app?.stop());

  const call = (method: 'get' | 'put' | 'delete', path: string, persona: Persona) => {
    const request = app.http()[method](`/api/clientia${path}`);
    const auth = world.auth[persona];
    if (auth) request.set('Authorization', auth);
    const selector = world.selector[persona];
    if (selector) request.set('X-Clientia-Client', selector);
    return request;
  };

  const seatRow = (seat: Doc) => app.strapi.db.query('plugin::clientia.seat').findOne({ where: { id: seat.id } });
  const seatActivity = (seat: Doc) =>
    app.strapi.db.query('plugin::clientia.activity').findMany({ where: { subjectType: 'seat', subjectId: seat.documentId }, populate: ['actorContact'], orderBy: { id: 'asc' } });
  const noForeignData = (body: unknown) => {
    const json = JSON.stringify(body);
    for (const secret of [world.clientB.name, world.clientB.documentId, foreignLicence.documentId, foreignSeat.documentId, 'Beta Secret Suite', 'bea@beta.example']) {
      expect(json).not.toContain(secret);
    }
  };

  describe('GET /licences', () => {
    it('lists the client’s licences with seats purchased, assigned and vacant, for every role', async () => {
      for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA'] as const) {
        const { body } = await call('get', '/licences', persona).expect(200);
        expect(body.data).toEqual([
          { documentId: ledger.documentId, product: 'Ledgerline', plan: null, seatsPurchased: 3, assigned: 1, vacant: 2, renewalDate: null, status: 'cancelled' },
          { documentId: vault.documentId, product: 'Matter Vault', plan: 'Team', seatsPurchased: 2, assigned: 1, vacant: 1, renewalDate: '2027-03-31', status: 'active' },
        ]);
        expect(body.meta.pagination).toEqual({ page: 1, pageSize: 25, total: 2, pageCount: 1 });
        expect(JSON.stringify(body)).not.toContain('Upsell');
        noForeignData(body);
      }
    });

    it('sorts and pages on its own terms only', async () => {
      const { body } = await call('get', '/licences?sort=renewalDate:desc&pageSize=1&page=2', 'ownerA').expect(200);
      expect(body.meta.pagination).toEqual({ page: 2, pageSize: 1, total: 2, pageCount: 2 });
      expect(body.data).toHaveLength(1);
      for (const query of ['populate=*', 'filters[client][id]=2', 'sort=internalNotes', 'pageSize=101']) {
        const response = await call('get', `/licences?${query}`, 'ownerA').expect(400);
        expect(response.body.error.message).toMatch(/populate|filters|sort|pageSize/);
      }
    });

    it('shows a contact acting for B only B’s licences', async () => {
      const { body } = await call('get', '/licences', 'contactAB').expect(200);
      expect(body.data.map((l: Doc) => l.documentId)).toEqual([foreignLicence.documentId]);
      expect(JSON.stringify(body)).not.toContain('Matter Vault');
    });

    it('refuses callers who are not signed-in contacts', async () => {
      expect([401, 403]).toContain((await call('get', '/licences', 'anonymous')).status);
      expect((await call('get', '/licences', 'apiToken')).status).toBe(403);
      expect([401, 403]).toContain((await call('get', '/licences', 'blocked')).status);
    });
  });

  describe('GET /seats', () => {
    it('lists seats with their licence and assignee, filtered by licence and status', async () => {
      const all = await call('get', '/seats', 'memberA').expect(200);
      expect(all.body.meta.pagination.total).toBe(4);
      noForeignData(all.body);

      const { body } = await call('get', `/seats?licence=${vault.documentId}&status=assigned`, 'billingA').expect(200);
      expect(body.data).toEqual([
        {
          documentId: ada.documentId,
          licence: { documentId: vault.documentId, product: 'Matter Vault' },
          status: 'assigned',
          assigneeName: 'Ada Park',
          assigneeEmail: 'ada@alpha.example',
          assignedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ]);
      const vacant = await call('get', `/seats?licence=${vault.documentId}&status=vacant`, 'adminA').expect(200);
      expect(vacant.body.data.map((s: Doc) => s.documentId).sort()).toEqual([spare.documentId, spare2.documentId].sort());
      expect(vacant.body.data[0]).toMatchObject({ status: 'vacant', assigneeName: null, assigneeEmail: null, assignedAt: null });
    });

    it('takes only one of the client’s own licences as a filter, and known statuses', async () => {
      const foreign = await call('get', `/seats?licence=${foreignLicence.documentId}`, 'ownerA').expect(400);
      const missing = await call('get', '/seats?licence=no-such-licence', 'ownerA').expect(400);
      expect(foreign.body.error.details.errors[0].path).toEqual(['licence']);
      expect(foreign.body.error.message).toBe(missing.body.error.message);
      noForeignData(foreign.body);
      const status = await call('get', '/seats?status=taken', 'ownerA').expect(400);
      expect(status.body.error.details.errors[0].path).toEqual(['status']);
      await call('get', '/seats?licence[$ne]=x', 'ownerA').expect(400);
      await call('get', '/seats?assigneeEmail=ada@alpha.example', 'ownerA').expect(400);
    });

    it('shows a contact acting for B only B’s seats', async () => {
      const { body } = await call('get', '/seats', 'contactAB').expect(200);
      expect(body.data.map((s: Doc) => s.documentId)).toEqual([foreignSeat.documentId]);
    });
  });

  describe('PUT /seats/:id and DELETE /seats/:id/assignee', () => {
    it('lets owners and admins assign a vacant seat, recorded as the contact’s doing', async () => {
      const { body } = await call('put', `/seats/${spare.documentId}`, 'ownerA')
        .send({ assigneeName: '  Dana Reyes ', assigneeEmail: 'Dana.Reyes@Alpha.example' })
        .expect(200);
      expect(body.data).toMatchObject({
        documentId: spare.documentId,
        licence: { documentId: vault.documentId, product: 'Matter Vault' },
        status: 'assigned',
        assigneeName: 'Dana Reyes',
        assigneeEmail: 'dana.reyes@alpha.example',
      });
      expect(body.data.assignedAt).toBeTruthy();
      noForeignData(body);
      const entry = (await seatActivity(spare)).at(-1);
      expect(entry).toMatchObject({ actorType: 'contact', verb: 'updated', actorLabel: expect.stringContaining('ownerA') });
      const licences = await call('get', '/licences', 'adminA').expect(200);
      expect(licences.body.data.find((l: Doc) => l.documentId === vault.documentId)).toMatchObject({ assigned: 2, vacant: 0 });
    });

    it('refuses a seat past the seats purchased, naming assigneeEmail, with nothing written', async () => {
      const activityBefore = await f.count('activity');
      const response = await call('put', `/seats/${spare2.documentId}`, 'adminA').send({ assigneeName: 'Eli Moss', assigneeEmail: 'eli@alpha.example' }).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['assigneeEmail']);
      expect(response.body.error.message).toMatch(/all 2 seats of Matter Vault are assigned/);
      expect(await seatRow(spare2)).toMatchObject({ assigneeName: null, assigneeEmail: null, assignedAt: null });
      expect(await f.count('activity')).toBe(activityBefore);
    });

    it('frees a seat, and the freed place can be given to someone else', async () => {
      const { body } = await call('delete', `/seats/${ada.documentId}/assignee`, 'adminA').expect(200);
      expect(body.data).toEqual({
        documentId: ada.documentId,
        licence: { documentId: vault.documentId, product: 'Matter Vault' },
        status: 'vacant',
        assigneeName: null,
        assigneeEmail: null,
        assignedAt: null,
      });
      expect(await seatRow(ada)).toMatchObject({ assigneeEmail: null, assigneeName: null, assignedAt: null });
      expect((await seatActivity(ada)).at(-1)).toMatchObject({ actorType: 'contact', verb: 'updated' });
      // Freeing a vacant seat again changes nothing.
      const activityBefore = await f.count('activity');
      await call('delete', `/seats/${ada.documentId}/assignee`, 'adminA').expect(200);
      expect(await f.count('activity')).toBe(activityBefore);

      const assigned = await call('put', `/seats/${spare2.documentId}`, 'adminA').send({ assigneeName: 'Eli Moss', assigneeEmail: 'eli@alpha.example' }).expect(200);
      expect(assigned.body.data).toMatchObject({ status: 'assigned', assigneeEmail: 'eli@alpha.example' });
    });

    it('gives one person at most one seat of a licence, and none on a cancelled licence', async () => {
      await call('delete', `/seats/${spare2.documentId}/assignee`, 'ownerA').expect(200);
      const twin = await call('put', `/seats/${spare2.documentId}`, 'ownerA').send({ assigneeName: 'Dana again', assigneeEmail: 'dana.reyes@alpha.example' }).expect(400);
      expect(twin.body.error.details.errors[0].path).toEqual(['assigneeEmail']);
      const cancelledSeat = (await f.seat(ledger)) as Doc;
      const cancelled = await call('put', `/seats/${cancelledSeat.documentId}`, 'ownerA').send({ assigneeName: 'Fay Lin', assigneeEmail: 'fay@alpha.example' }).expect(400);
      expect(cancelled.body.error.details.errors[0].path).toEqual(['assigneeEmail']);
      expect(await seatRow(cancelledSeat)).toMatchObject({ assigneeEmail: null });
    });

    it('refuses members and billing contacts, with nothing written', async () => {
      const activityBefore = await f.count('activity');
      for (const persona of ['memberA', 'billingA'] as const) {
        await call('put', `/seats/${spare2.documentId}`, persona).send({ assigneeName: 'Gus Hale', assigneeEmail: 'gus@alpha.example' }).expect(403);
        await call('delete', `/seats/${spare.documentId}/assignee`, persona).expect(403);
      }
      // contactAB owns A but is only a member of B, for which it acts here.
      await call('put', `/seats/${foreignSeat.documentId}`, 'contactAB').send({ assigneeName: 'Gus Hale', assigneeEmail: 'gus@beta.example' }).expect(403);
      expect([401, 403]).toContain((await call('delete', `/seats/${spare.documentId}/assignee`, 'anonymous')).status);
      expect((await call('delete', `/seats/${spare.documentId}/assignee`, 'apiToken')).status).toBe(403);
      expect(await seatRow(spare)).toMatchObject({ assigneeEmail: 'dana.reyes@alpha.example' });
      expect(await seatRow(spare2)).toMatchObject({ assigneeEmail: null });
      expect(await f.count('activity')).toBe(activityBefore);
    });

    it('answers a foreign seat exactly like a missing one, and leaves it alone', async () => {
      const foreign = await call('put', `/seats/${foreignSeat.documentId}`, 'ownerA').send({ assigneeName: 'Hal Ivy', assigneeEmail: 'hal@alpha.example' }).expect(404);
      const missing = await call('put', '/seats/no-such-seat', 'ownerA').send({ assigneeName: 'Hal Ivy', assigneeEmail: 'hal@alpha.example' }).expect(404);
      expect(foreign.body.error.message).toBe(missing.body.error.message);
      const foreignFree = await call('delete', `/seats/${foreignSeat.documentId}/assignee`, 'adminA').expect(404);
      expect(foreignFree.body.error.message).toBe(missing.body.error.message);
      noForeignData([foreign.body, foreignFree.body]);
      expect(await seatRow(foreignSeat)).toMatchObject({ assigneeEmail: 'bea@beta.example' });
      // B's owner, and nobody from A, manages B's seats.
      await call('delete', `/seats/${foreignSeat.documentId}/assignee`, 'contactB').expect(200);
      await call('delete', `/seats/${spare.documentId}/assignee`, 'contactB').expect(404);
    });

    it('refuses bad input, naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ assigneeEmail: 'ivy@alpha.example' }, 'assigneeName'],
        [{ assigneeName: '   ', assigneeEmail: 'ivy@alpha.example' }, 'assigneeName'],
        [{ assigneeName: 'x'.repeat(201), assigneeEmail: 'ivy@alpha.example' }, 'assigneeName'],
        [{ assigneeName: 'Ivy Ng' }, 'assigneeEmail'],
        [{ assigneeName: 'Ivy Ng', assigneeEmail: 'not-an-email' }, 'assigneeEmail'],
        [{ assigneeName: 'Ivy Ng', assigneeEmail: ['ivy@alpha.example'] }, 'assigneeEmail'],
        [{ assigneeName: 'Ivy Ng', assigneeEmail: 'ivy@alpha.example', assignedAt: '2020-01-01' }, 'assignedAt'],
        [{ assigneeName: 'Ivy Ng', assigneeEmail: 'ivy@alpha.example', client: world.clientB.documentId }, 'client'],
      ];
      for (const [body, field] of cases) {
        const response = await call('put', `/seats/${spare2.documentId}`, 'ownerA').send(body).expect(400);
        expect(response.body.error.details.errors[0].path).toEqual([field]);
      }
      await call('put', `/seats/${spare2.documentId}?populate=*`, 'ownerA').send({ assigneeName: 'Ivy Ng', assigneeEmail: 'ivy@alpha.example' }).expect(400);
      expect(await seatRow(spare2)).toMatchObject({ assigneeEmail: null });
    });
  });
});
