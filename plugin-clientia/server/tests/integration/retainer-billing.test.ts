import { billRetainers, markOverdue } from '../../src/billing/run';
import { BILLING_CLAIMS_TABLE } from '../../src/billing/claims';
import { moreFixtures } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Row = Record<string, unknown> & { id: number; documentId: string };

describe('retainers that invoice themselves', () => {
  let app: TestApp;
  let client: Row;

  const invoicesOf = async (retainer: Row) =>
    (await app.strapi.db.query('plugin::clientia.invoice').findMany({
      where: { retainer: { id: retainer.id } },
      orderBy: [{ periodStart: 'asc' }, { id: 'asc' }],
    })) as Row[];
  const claimsOf = async (retainer: Row) => app.strapi.db.connection(BILLING_CLAIMS_TABLE).where({ retainer_id: retainer.id }).orderBy('period_start');
  const retainerRow = async (retainer: Row) => (await app.strapi.db.query('plugin::clientia.retainer').findOne({ where: { id: retainer.id } })) as Row;
  const retainer = async (data: Record<string, unknown>) =>
    (await moreFixtures(app).retainer(client, { amount: 300_000, interval: 'monthly', ...data })) as unknown as Row;

  beforeAll(async () => {
    app = await startTestApp();
    client = (await fixtures(app).client({ name: 'Harbour Freight', currency: 'EUR', preferredLocale: 'en-GB' })) as unknown as Row;
  });
  afterAll(async () => app?.stop());
  afterEach(async () => {
    // Each test bills its own retainers only: the ones before it are over.
    await app.strapi.db.query('plugin::clientia.retainer').updateMany({ where: {}, data: { state: 'ended' } });
    await app.strapi.config.set('plugin::clientia.billingAnchor', 'start-date');
    await app.strapi.config.set('plugin::clientia.prorateBilling', false);
    await app.strapi.config.set('plugin::clientia.retainerInvoiceState', 'draft');
  });

  it('catches up three missed periods, one invoice each, and bills nothing twice on the next run', async () => {
    const r = await retainer({ startDate: '2026-01-31', title: 'Monthly advisory' });
    expect((await retainerRow(r)).nextRunDate).toBe('2026-01-31');
    const run = await billRetainers(app.strapi, '2026-04-30');
    expect(run).toMatchObject({ skipped: 0, failed: [] });
    const invoices = await invoicesOf(r);
    expect(invoices.map((i) => [i.periodStart, i.periodEnd, i.state])).toEqual([
      ['2026-01-31', '2026-02-27', 'draft'],
      ['2026-02-28', '2026-03-30', 'draft'],
      ['2026-03-31', '2026-04-29', 'draft'],
      ['2026-04-30', '2026-05-30', 'draft'],
    ]);
    expect(invoices.map((i) => (i.lineItems as { description: string }[])[0]!.description)).toEqual([
      'Monthly advisory, 31 Jan – 27 Feb 2026',
      'Monthly advisory, 28 Feb – 30 Mar 2026',
      'Monthly advisory, 31 Mar – 29 Apr 2026',
      'Monthly advisory, 30 Apr – 30 May 2026',
    ]);
    expect(invoices.every((i) => Number(i.total) === 300_000 && i.currency === 'EUR')).toBe(true);
    expect((await retainerRow(r)).nextRunDate).toBe('2026-05-31');
    expect(await claimsOf(r)).toHaveLength(4);

    expect((await billRetainers(app.strapi, '2026-05-30')).invoices).toEqual([]);
    expect(await invoicesOf(r)).toHaveLength(4);
  });

  it('makes each invoice once when two runs bill the same retainers at the same moment', async () => {
    const many = await Promise.all([1, 2, 3].map((n) => retainer({ startDate: '2026-01-01', title: `Retainer ${n}` })));
    const runs = await Promise.all([billRetainers(app.strapi, '2026-03-15'), billRetainers(app.strapi, '2026-03-15'), billRetainers(app.strapi, '2026-03-15')]);
    expect(runs.flatMap((run) => run.failed)).toEqual([]);
    for (const r of many) {
      const invoices = await invoicesOf(r);
      expect(invoices.map((i) => i.periodStart)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
      expect(await claimsOf(r)).toHaveLength(3);
    }
    expect(new Set(runs.flatMap((run) => run.invoices)).size).toBe(9);
  });

  it('leaves nothing behind when a run crashes between the invoice and the next run date, and bills the period on the next run', async () => {
    const r = await retainer({ startDate: '2026-06-01', title: 'Crash test' });
    const query = app.strapi.db.query.bind(app.strapi.db);
    let crashed = false;
    const crashing = jest.spyOn(app.strapi.db, 'query').mockImplementation((uid: string) => {
      const repository = query(uid as never);
      if (uid !== 'plugin::clientia.retainer' || crashed) return repository;
      return {
        ...repository,
        update: async (params: { where: { id: number } }) => {
          if (params.where.id !== r.id) return repository.update(params as never);
          crashed = true;
          throw new Error('the process died here');
        },
      } as typeof repository;
    });
    try {
      const run = await billRetainers(app.strapi, '2026-06-01');
      expect(run.failed).toEqual([{ retainer: r.documentId, message: 'the process died here' }]);
    } finally {
      crashing.mockRestore();
    }
    expect(await invoicesOf(r)).toEqual([]);
    expect(await claimsOf(r)).toEqual([]);
    expect((await retainerRow(r)).nextRunDate).toBe('2026-06-01');

    expect((await billRetainers(app.strapi, '2026-06-01')).invoices).toHaveLength(1);
    expect((await invoicesOf(r)).map((i) => i.periodStart)).toEqual(['2026-06-01']);
  });

  it('bills the hours over the included ones at the hourly rate on the next invoice', async () => {
    const r = await retainer({ startDate: '2026-01-01', title: 'Support', includedHours: 10, hourlyRate: 15_000, taxRate: 19 });
    await billRetainers(app.strapi, '2026-01-01');
    const log = moreFixtures(app);
    await log.timeEntry(r, '2026-01-05', 6);
    await log.timeEntry(r, '2026-01-20', 6.5);
    await log.timeEntry(r, '2026-02-01', 3); // the next period's
    await billRetainers(app.strapi, '2026-02-01');
    const [, february] = await invoicesOf(r);
    expect(february!.lineItems).toEqual([
      { description: 'Support, 1 – 28 Feb 2026', quantity: 1, unitPrice: 300_000, taxRate: 19 },
      { description: 'Hours over the 10 h included, 1 – 31 Jan 2026', quantity: 2.5, unitPrice: 15_000, taxRate: 19 },
    ]);
    expect(Number(february!.subtotal)).toBe(337_500);
    expect(Number(february!.total)).toBe(401_625);
  });

  it('prorates a partial first calendar period, and issues straight away when configured', async () => {
    await app.strapi.config.set('plugin::clientia.billingAnchor', 'calendar');
    await app.strapi.config.set('plugin::clientia.prorateBilling', true);
    await app.strapi.config.set('plugin::clientia.retainerInvoiceState', 'issued');
    const r = await retainer({ startDate: '2026-01-20', title: 'Calendar retainer', amount: 310_000 });
    await billRetainers(app.strapi, '2026-02-03');
    const [january, february] = await invoicesOf(r);
    expect((january!.lineItems as { description: string; unitPrice: number }[])[0]).toMatchObject({
      description: 'Calendar retainer, 20 – 31 Jan 2026 (12/31)',
      unitPrice: 120_000,
    });
    expect(february).toMatchObject({ periodStart: '2026-02-01', periodEnd: '2026-02-28', state: 'issued', issueDate: '2026-02-03' });
    expect(String(february!.number)).toMatch(/^INV-2026-\d{4}$/);
  });

  it('stops at the end date and counts an invoice made by hand for a period as its bill', async () => {
    const r = await retainer({ startDate: '2026-01-01', endDate: '2026-02-15', title: 'Short engagement' });
    await fixtures(app).invoice(client, { retainer: r.documentId, periodStart: '2026-01-01', periodEnd: '2026-01-31' });
    const run = await billRetainers(app.strapi, '2026-12-31');
    expect(run.skipped).toBe(1);
    expect((await invoicesOf(r)).map((i) => i.periodStart)).toEqual(['2026-01-01', '2026-02-01']);
    expect((await retainerRow(r)).nextRunDate).toBeNull();
    expect((await billRetainers(app.strapi, '2027-06-30')).invoices).toEqual([]);
  });

  it('turns issued invoices past their due date overdue, and only those', async () => {
    const f = fixtures(app);
    const late = (await f.invoice(client, { state: 'issued', issueDate: '2026-03-01', dueDate: '2026-03-31' })) as unknown as Row;
    const dueToday = (await f.invoice(client, { state: 'issued', issueDate: '2026-03-01', dueDate: '2026-04-01' })) as unknown as Row;
    const paid = (await f.invoice(client, { state: 'issued', issueDate: '2026-03-01', dueDate: '2026-03-15' })) as unknown as Row;
    await f.payment(paid, Number(paid.total));
    const moved = await markOverdue(app.strapi, '2026-04-01');
    expect(moved).toContain(late.documentId);
    expect(moved).not.toContain(dueToday.documentId);
    expect(moved).not.toContain(paid.documentId);
    const state = async (row: Row) => ((await app.strapi.db.query('plugin::clientia.invoice').findOne({ where: { id: row.id } })) as Row).state;
    expect(await state(late)).toBe('overdue');
    expect(await state(dueToday)).toBe('issued');
    expect(await state(paid)).toBe('paid');
    expect(await markOverdue(app.strapi, '2026-04-01')).not.toContain(late.documentId);
  });
});
