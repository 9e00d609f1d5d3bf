import { billRetainers } from '../../src/billing/run';
import { adminApi, isoDay, moreFixtures, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { adminToken, portalUser, startTestApp, type TestApp } from '../helpers/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const READ = 'plugin::clientia.read';
const MANAGE_RECORDS = 'plugin::clientia.records.manage';
const MANAGE_BILLING = 'plugin::clientia.billing.manage';

/** The first of this month, and of the month `offset` months from it, in UTC. */
const monthStart = (offset = 0) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
};

describe('admin API: retainers and the hours logged against them', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  let admin: ReturnType<typeof adminApi>;
  let client: { id: number; documentId: string };
  let contactJwt: string;
  let retainer: Json;

  const portal = (path: string) => app.http().get(`/api/clientia${path}`).set('Authorization', `Bearer ${contactJwt}`).expect(200);
  const portalRetainer = async () => ((await portal('/retainers')).body.data as Json[]).find((r) => r.documentId === retainer.documentId)!;
  const timeView = async (on?: string) =>
    (await admin.get(`/clientia/retainers/${retainer.documentId}/time${on ? `?on=${on}` : ''}`).expect(200)).body.data as Json;
  const entryRow = (documentId: string) => app.strapi.db.query('plugin::clientia.time-entry').findOne({ where: { documentId } });
  /** Everything a refused write could have left behind. */
  const snapshot = async () => ({
    entries: await app.strapi.db.query('plugin::clientia.time-entry').findMany({ orderBy: { id: 'asc' } }),
    retainers: await app.strapi.db.query('plugin::clientia.retainer').findMany({ orderBy: { id: 'asc' } }),
    activity: await f.count('activity'),
  });

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
    admin = adminApi(app, await adminToken(app));
    client = (await f.client({ name: 'Tidewater Shipping', currency: 'EUR' })) as unknown as typeof client;
    const contact = await portalUser(app, 'billing@tidewater.example');
    contactJwt = contact.jwt;
    await moreFixtures(app).membership(client, Number(contact.user.id), { role: 'billing', name: 'Bea Billing' });
  });
  afterAll(async () => app?.stop());

  it('creates a retainer from the client page: money in minor units, the client’s currency unless given', async () => {
    const response = await admin
      .post(`/clientia/clients/${client.documentId}/retainers`, {
        title: 'Monthly advisory',
        amount: 250_000,
        interval: 'monthly',
        startDate: monthStart(-2),
        includedHours: 10,
        hourlyRate: 15_000,
        taxRate: 19,
      })
      .expect(201);
    retainer = response.body.data;
    expect(retainer).toMatchObject({
      title: 'Monthly advisory',
      state: 'active',
      amount: { amount: 250_000, currency: 'EUR' },
      currency: 'EUR',
      interval: 'monthly',
      startDate: monthStart(-2),
      nextRunDate: monthStart(-2),
      includedHours: 10,
      hourlyRate: { amount: 15_000, currency: 'EUR' },
      taxRate: 19,
      billed: false,
    });
    const edited = await admin.put(`/clientia/retainers/${retainer.documentId}`, { title: 'Monthly advisory retainer', amount: 260_000 }).expect(200);
    expect(edited.body.data).toMatchObject({ title: 'Monthly advisory retainer', amount: { amount: 260_000, currency: 'EUR' }, includedHours: 10 });
    expect((await portalRetainer()).hoursUsed).toBe(0);
  });

  it('refuses a retainer the schema or the rules do not allow, naming the field', async () => {
    const url = `/clientia/clients/${client.documentId}/retainers`;
    const valid = { title: 'Quarterly', amount: 100, interval: 'quarterly', startDate: monthStart() };
    const pathOf = async (body: Json) => (await admin.post(url, body).expect(400)).body.error.details.errors[0].path.join('.');
    expect(await pathOf({ ...valid, amount: 12.5 })).toBe('amount');
    expect(await pathOf({ ...valid, amount: 0 })).toBe('amount');
    expect(await pathOf({ ...valid, interval: 'weekly' })).toBe('interval');
    expect(await pathOf({ ...valid, startDate: '2026-02-30' })).toBe('startDate');
    expect(await pathOf({ ...valid, endDate: '2020-01-01' })).toBe('endDate');
    expect(await pathOf({ ...valid, includedHours: 1.333 })).toBe('includedHours');
    expect(await pathOf({ ...valid, currency: 'euro' })).toBe('currency');
    expect(await pathOf({ ...valid, nextRunDate: monthStart() })).toBe('nextRunDate');
    const foreign = await f.contract(await f.client(), { title: 'Elsewhere' });
    expect(await pathOf({ ...valid, contract: foreign.documentId })).toBe('contract');
    await admin.post('/clientia/clients/no-such-client/retainers', valid).expect(404);
  });

  it('moves the portal’s retainer meter and the dashboard when staff log billable hours', async () => {
    const url = `/clientia/retainers/${retainer.documentId}/time-entries`;
    const logged = await admin.post(url, { date: isoDay(), hours: 2.5, description: 'Board call' }).expect(201);
    expect(logged.body.data).toMatchObject({ date: isoDay(), hours: 2.5, description: 'Board call', billable: true, billed: false, staff: { name: 'Firm Staff' } });
    await admin.post(url, { date: monthStart(), hours: 1.25 }).expect(201);
    // Not billable: kept for the record, and neither used up nor billed.
    await admin.post(url, { date: isoDay(), hours: 4, billable: false, description: 'Internal review' }).expect(201);

    expect(await portalRetainer()).toMatchObject({ includedHours: 10, hoursUsed: 3.75, hoursRemaining: 6.25, hoursOver: 0 });
    const dashboard = (await portal('/dashboard')).body.data;
    expect(dashboard.hoursLeft).toEqual([expect.objectContaining({ documentId: retainer.documentId, usedHours: 3.75, hoursLeft: 6.25 })]);
    const overview = (await admin.get(`/clientia/clients/${client.documentId}`).expect(200)).body.data;
    expect(overview.retainers[0]).toMatchObject({ documentId: retainer.documentId, hoursThisPeriod: 3.75 });

    await admin.post(url, { date: isoDay(), hours: 7.5, description: 'Due diligence' }).expect(201);
    expect(await portalRetainer()).toMatchObject({ hoursUsed: 11.25, hoursRemaining: 0, hoursOver: 1.25 });
  });

  it('shows the period’s entries, the billable hours against the included ones and their burn-down', async () => {
    const view = await timeView();
    expect(view.period).toMatchObject({ start: monthStart(), current: true, next: null });
    expect(view.period.previous).toBe(monthStart(-1));
    expect(view.usage).toEqual({ billableHours: 11.25, nonBillableHours: 4, includedHours: 10, remaining: 0, over: 1.25 });
    expect(view.entries).toHaveLength(4);
    expect(view.billedBefore).toBeNull();
    expect(view.burnDown.step).toBe('week');
    const steps = view.burnDown.steps as Json[];
    expect(steps[0].start).toBe(monthStart());
    expect(steps.reduce((sum, step) => sum + step.billableHours, 0)).toBe(11.25);
    expect(steps[steps.length - 1]).toMatchObject({ usedToDate: 11.25, remaining: -1.25 });
    expect(view.staff).toEqual(expect.arrayContaining([{ id: view.me, name: 'Firm Staff' }]));
  });

  it('edits and deletes an entry that is not billed', async () => {
    const created = (await admin.post(`/clientia/retainers/${retainer.documentId}/time-entries`, { date: isoDay(), hours: 1 }).expect(201)).body.data;
    const edited = await admin.put(`/clientia/time-entries/${created.documentId}`, { hours: 1.5, description: 'Corrected', billable: false }).expect(200);
    expect(edited.body.data).toMatchObject({ hours: 1.5, description: 'Corrected', billable: false });
    await admin.delete(`/clientia/time-entries/${created.documentId}`).expect(204);
    expect(await entryRow(created.documentId)).toBeNull();
    await admin.delete(`/clientia/time-entries/${created.documentId}`).expect(404);
  });

  it('refuses hours it cannot record, naming the field, and writes nothing', async () => {
    const url = `/clientia/retainers/${retainer.documentId}/time-entries`;
    const before = await snapshot();
    const pathOf = async (body: Json) => (await admin.post(url, body).expect(400)).body.error.details.errors[0].path.join('.');
    expect(await pathOf({ date: isoDay(), hours: 'two' })).toBe('hours');
    expect(await pathOf({ date: isoDay(), hours: 0 })).toBe('hours');
    expect(await pathOf({ date: isoDay(), hours: 25 })).toBe('hours');
    expect(await pathOf({ date: isoDay(), hours: 1.333 })).toBe('hours');
    expect(await pathOf({ date: '07.12.2026', hours: 1 })).toBe('date');
    expect(await pathOf({ date: isoDay(), hours: 1, staff: 999_999 })).toBe('staff');
    expect(await pathOf({ date: isoDay(), hours: 1, client: client.documentId })).toBe('client');
    // Before the retainer starts: no period of it holds that day.
    expect(await pathOf({ date: monthStart(-3), hours: 1 })).toBe('date');
    await admin.post('/clientia/retainers/no-such-retainer/time-entries', { date: isoDay(), hours: 1 }).expect(404);
    expect(await snapshot()).toEqual(before);
  });

  describe('once its hours are billed', () => {
    let lastMonths: Json;

    beforeAll(async () => {
      lastMonths = (await admin.post(`/clientia/retainers/${retainer.documentId}/time-entries`, { date: monthStart(-1), hours: 3 }).expect(201)).body.data;
      // Billing this month's period bills last month's hours over the included ones.
      const run = await billRetainers(app.strapi, isoDay());
      expect(run.failed).toEqual([]);
    });

    it('locks the billed entries: editing or deleting one is refused with a 409 and nothing is written', async () => {
      const view = await timeView(monthStart(-1));
      expect(view.billedBefore).toBe(monthStart());
      expect(view.entries).toEqual([expect.objectContaining({ documentId: lastMonths.documentId, billed: true })]);

      const before = await snapshot();
      const edit = await admin.put(`/clientia/time-entries/${lastMonths.documentId}`, { hours: 1 }).expect(409);
      expect(edit.body.error.details.errors[0].path).toEqual(['date']);
      expect(edit.body.error.message).toMatch(/billed/);
      await admin.delete(`/clientia/time-entries/${lastMonths.documentId}`).expect(409);
      // Nor can hours be added to, or moved into, the billed period.
      const late = await admin.post(`/clientia/retainers/${retainer.documentId}/time-entries`, { date: monthStart(-1), hours: 1 }).expect(409);
      expect(late.body.error.details.errors[0].path).toEqual(['date']);
      const current = (await timeView()).entries[0];
      await admin.put(`/clientia/time-entries/${current.documentId}`, { date: monthStart(-1) }).expect(409);
      // Through the Document Service too, whoever writes.
      await expect(f.docs('time-entry').update({ documentId: lastMonths.documentId, data: { hours: 2 } as never })).rejects.toMatchObject({ status: 409 });
      expect(await snapshot()).toEqual(before);
      expect(Number((await entryRow(lastMonths.documentId)).hours)).toBe(3);
    });

    it('keeps this period’s entries open, and the billed schedule fixed', async () => {
      const current = (await timeView()).entries.find((entry: Json) => entry.description === 'Board call');
      expect(current.billed).toBe(false);
      await admin.put(`/clientia/time-entries/${current.documentId}`, { hours: 2 }).expect(200);
      const moved = await admin.put(`/clientia/retainers/${retainer.documentId}`, { startDate: monthStart(-1) }).expect(409);
      expect(moved.body.error.details.errors[0].path).toEqual(['startDate']);
      await admin.put(`/clientia/retainers/${retainer.documentId}`, { state: 'paused' }).expect(200);
    });
  });

  describe('staff without the permission to manage billing', () => {
    it('read the hours but get 403 on every change, and nothing is written', async () => {
      const entry = (await timeView()).entries[0];
      const before = await snapshot();
      for (const actions of [[READ], [READ, MANAGE_RECORDS]]) {
        const staff = adminApi(app, (await staffWithActions(app, actions)).token);
        await staff.get(`/clientia/retainers/${retainer.documentId}/time`).expect(200);
        await staff.post(`/clientia/clients/${client.documentId}/retainers`, { title: 'Sneaky', amount: 1, interval: 'monthly', startDate: isoDay() }).expect(403);
        await staff.put(`/clientia/retainers/${retainer.documentId}`, { title: 'Renamed' }).expect(403);
        await staff.post(`/clientia/retainers/${retainer.documentId}/time-entries`, { date: isoDay(), hours: 1 }).expect(403);
        await staff.put(`/clientia/time-entries/${entry.documentId}`, { hours: 9 }).expect(403);
        await staff.delete(`/clientia/time-entries/${entry.documentId}`).expect(403);
      }
      expect(await snapshot()).toEqual(before);
      const biller = adminApi(app, (await staffWithActions(app, [MANAGE_BILLING])).token);
      await biller.put(`/clientia/time-entries/${entry.documentId}`, { description: 'Checked' }).expect(200);
    });
  });
});
