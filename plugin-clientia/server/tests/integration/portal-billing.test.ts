import type { Response } from 'supertest';

import { adminApi } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { itWithPoppler, pdfInfo, pdfText } from '../helpers/poppler';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { storeRecordPdf } from '../helpers/private-store';
import { countRequestStatements } from '../helpers/statement-count';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

type Doc = { id: number; documentId: string; number?: string };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const EUR = (amount: number) => ({ amount, currency: 'EUR' });

/** Collects a download's bytes as they arrive (superagent hands the raw stream to a parser). */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const isoDay = (date = new Date()) => date.toISOString().slice(0, 10);
const monthsFrom = (iso: string, months: number) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return isoDay(date);
};
const dayBefore = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return isoDay(date);
};

describe('portal API: invoices, payments and retainers', () => {
  let app: TestApp;
  let world: PortalWorld;
  const a = {} as Record<'partlyPaid' | 'paid' | 'draft' | 'advisory' | 'support', Doc>;
  const b = {} as Record<'invoice' | 'retainer', Doc>;
  const seen: string[] = [];
  const today = isoDay();
  const startOfMonth = `${today.slice(0, 8)}01`;

  const get = (persona: Persona, url: string, selector?: string) => {
    const request = app.http().get(`/api/clientia${url}`);
    const auth = world.auth[persona];
    if (auth) request.set('Authorization', auth);
    const client = selector ?? world.selector[persona];
    if (client) request.set('X-Clientia-Client', client);
    return request;
  };
  /** A request of one of A's personas whose JSON is later searched for B's data. */
  const asA = async (persona: Persona, url: string, status = 200) => {
    const response = await get(persona, url, persona === 'contactAB' ? world.clientA.documentId : undefined).expect(status);
    seen.push(JSON.stringify(response.body));
    return response;
  };
  const stored = (uid: string, id: number) => app.strapi.db.query(uid as never).findOne({ where: { id } }) as Promise<Record<string, string>>;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildPortalWorld(app);
    const f = fixtures(app);

    const retainer = (client: { documentId: string }, data: Record<string, unknown>) =>
      f.docs('retainer').create({ data: { client: client.documentId, amount: 250_000, interval: 'monthly', ...data } as never }) as Promise<Doc>;
    const hours = (on: Doc, date: string, spent: number, billable = true) =>
      f.docs('time-entry').create({ data: { retainer: on.documentId, date, hours: spent, billable, description: 'Advice' } as never });

    a.advisory = await retainer(world.clientA, {
      title: 'Advisory retainer',
      startDate: monthsFrom(startOfMonth, -2),
      includedHours: 10,
      hourlyRate: 12_000,
      internalNotes: 'STAFF-ONLY: margin is thin',
    });
    await hours(a.advisory, today, 3.5);
    await hours(a.advisory, startOfMonth, 2);
    await hours(a.advisory, today, 1, false);
    await hours(a.advisory, dayBefore(startOfMonth), 4);
    a.support = await retainer(world.clientA, { title: 'Support retainer', interval: 'quarterly', startDate: startOfMonth, includedHours: 2, state: 'paused' });
    await hours(a.support, today, 1.25);
    await hours(a.support, today, 2);
    b.retainer = await retainer(world.clientB, { title: 'Beta hidden retainer', startDate: startOfMonth, includedHours: 5 });
    await hours(b.retainer, today, 4);

    a.partlyPaid = (await f.invoice(world.clientA, {
      state: 'issued',
      lineItems: [
        { description: 'Advisory, March', quantity: 10, unitPrice: 15_000, taxRate: 19 },
        { description: 'Courier expenses', quantity: 1.5, unitPrice: 3333, taxRate: 7.5 },
      ],
      notes: 'Thank you for your business',
      internalNotes: 'STAFF-ONLY: chase in January',
      retainer: a.advisory.documentId,
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
    })) as Doc;
    await f.payment(a.partlyPaid, 25_000, { receivedOn: '2026-11-25', method: 'card', reference: 'CARD-9' });
    await f.payment(a.partlyPaid, 50_000, { receivedOn: '2026-11-20', reference: 'TRX-1', internalNotes: 'STAFF-ONLY: paid by the parent' });
    a.paid = (await f.invoice(world.clientA, {
      state: 'issued',
      lineItems: [{ description: 'Filing fee', quantity: 1, unitPrice: 20_000, taxRate: 0 }],
    })) as Doc;
    await storeRecordPdf(app, 'plugin::clientia.invoice', a.paid.documentId, PDF, 'invoice.pdf');
    await f.payment(a.paid, 20_000, { receivedOn: '2026-12-01', method: 'direct_debit', reference: 'DD-77' });
    a.draft = (await f.invoice(world.clientA, { lineItems: [{ description: 'Not yet billed', quantity: 1, unitPrice: 999, taxRate: 0 }] })) as Doc;

    b.invoice = (await f.invoice(world.clientB, { state: 'issued', lineItems: [{ description: 'Beta work', quantity: 1, unitPrice: 70_000, taxRate: 0 }] })) as Doc;
    await storeRecordPdf(app, 'plugin::clientia.invoice', b.invoice.documentId, PDF, 'invoice.pdf');
    await f.payment(b.invoice, 1_000, { reference: 'BETA-REF' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const routes = () => ['/invoices', `/invoices/${a.paid.documentId}`, `/invoices/${a.paid.documentId}/pdf`, '/payments', '/retainers'];

  it('is for owners, admins and billing contacts; members and outsiders are refused', async () => {
    for (const url of routes()) {
      for (const persona of ['billingA', 'adminA', 'ownerA', 'contactAB'] as const) await asA(persona, url);
      await get('memberA', url).expect(403);
      // contactAB owns A but is only a member of B.
      await get('contactAB', url).expect(403);
      expect((await get('apiToken', url)).status).toBe(403);
      expect([401, 403]).toContain((await get('anonymous', url)).status);
      expect([401, 403]).toContain((await get('blocked', url)).status);
    }
  });

  it('lists invoices, never drafts, with exact totals', async () => {
    const { body } = await asA('billingA', '/invoices');
    const [paid, partlyPaid] = await Promise.all([stored('plugin::clientia.invoice', a.paid.id), stored('plugin::clientia.invoice', a.partlyPaid.id)]);
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 25, total: 2, pageCount: 1 });
    // What is still open across all of A's invoices: the partly paid one; never the draft, never B's.
    expect(body.meta.summary).toEqual({ openTotals: [EUR(108_875)], overdue: 0, creditAvailable: [] });
    expect(body.data).toEqual([
      {
        documentId: a.paid.documentId,
        kind: 'invoice',
        number: paid.number,
        status: 'paid',
        issueDate: today,
        dueDate: paid.dueDate,
        currency: 'EUR',
        total: EUR(20_000),
        paid: EUR(20_000),
        credited: EUR(0),
        balance: EUR(0),
        periodStart: null,
        periodEnd: null,
      },
      {
        documentId: a.partlyPaid.documentId,
        kind: 'invoice',
        number: partlyPaid.number,
        status: 'partially_paid',
        issueDate: today,
        dueDate: partlyPaid.dueDate,
        currency: 'EUR',
        // 10 × 150.00 + 19 % = 1,785.00; 1.5 × 33.33 = 49.995 → 50.00 + 7.5 % = 3.75
        total: EUR(183_875),
        paid: EUR(75_000),
        credited: EUR(0),
        balance: EUR(108_875),
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
      },
    ]);
  });

  it('filters invoices by status and sorts them on the allowed fields', async () => {
    const paid = await asA('ownerA', '/invoices?status=paid');
    expect(paid.body.data.map((i: Doc) => i.documentId)).toEqual([a.paid.documentId]);
    expect(paid.body.meta.pagination.total).toBe(1);
    // The summary is the client's whole account, whatever the filter.
    expect(paid.body.meta.summary).toEqual({ openTotals: [EUR(108_875)], overdue: 0, creditAvailable: [] });
    expect((await asA('ownerA', '/invoices?status=void')).body.data).toEqual([]);
    const byTotal = await asA('ownerA', '/invoices?sort=total:desc');
    expect(byTotal.body.data.map((i: { total: { amount: number } }) => i.total.amount)).toEqual([183_875, 20_000]);
    const byNumber = await asA('ownerA', '/invoices?sort=number:asc&pageSize=1');
    expect(byNumber.body.data.map((i: Doc) => i.documentId)).toEqual([a.partlyPaid.documentId]);
    expect(byNumber.body.meta.pagination).toEqual({ page: 1, pageSize: 1, total: 2, pageCount: 2 });
  });

  it.each([
    ['/invoices?status=draft', 'status'],
    ['/invoices?kind=quote', 'kind'],
    ['/invoices?sort=internalNotes', 'sort'],
    ['/invoices?pageSize=0', 'pageSize'],
    ['/invoices?populate[client]=true', 'populate'],
    ['/invoices/x?fields=internalNotes', 'fields'],
    ['/payments?sort=method', 'sort'],
    ['/payments?status=paid', 'status'],
    ['/retainers?status=draft', 'status'],
    ['/retainers?filters[client]=1', 'filters'],
  ])('refuses %s naming %s', async (url, field) => {
    const response = await get('ownerA', url).expect(400);
    expect(response.body.error.message).toContain(field);
  });

  it('shows an invoice with its lines, totals, client notes, payments and retainer, never staff notes', async () => {
    const { body } = await asA('adminA', `/invoices/${a.partlyPaid.documentId}`);
    expect(body.data).toMatchObject({
      documentId: a.partlyPaid.documentId,
      status: 'partially_paid',
      subtotal: EUR(155_000),
      tax: EUR(28_875),
      total: EUR(183_875),
      paid: EUR(75_000),
      balance: EUR(108_875),
      notes: 'Thank you for your business',
      retainer: { documentId: a.advisory.documentId, title: 'Advisory retainer' },
      corrects: null,
      creditNotes: [],
      hasPdf: true,
    });
    expect(body.data.lineItems).toEqual([
      { description: 'Advisory, March', quantity: 10, unitPrice: EUR(15_000), taxRate: 19, net: EUR(150_000), tax: EUR(28_500) },
      { description: 'Courier expenses', quantity: 1.5, unitPrice: EUR(3333), taxRate: 7.5, net: EUR(5000), tax: EUR(375) },
    ]);
    expect(body.data.payments.map(({ documentId, ...rest }: Doc & Record<string, unknown>) => (documentId ? rest : null))).toEqual([
      { receivedOn: '2026-11-20', amount: EUR(50_000), method: 'bank_transfer', reference: 'TRX-1' },
      { receivedOn: '2026-11-25', amount: EUR(25_000), method: 'card', reference: 'CARD-9' },
    ]);
    const text = JSON.stringify(body);
    expect(text).not.toContain('STAFF-ONLY');
    expect(text).not.toContain('internalNotes');
  });

  it('answers 404 alike for a foreign, a missing, a malformed and a draft invoice', async () => {
    const messages = new Set<string>();
    for (const id of [b.invoice.documentId, 'no-such-invoice', a.draft.documentId, encodeURIComponent('\u202ea\u0000b'), '..%2F..%2Fetc']) {
      for (const url of [`/invoices/${id}`, `/invoices/${id}/pdf`]) messages.add((await asA('ownerA', url, 404)).body.error.message);
    }
    expect([...messages]).toEqual(['No invoice with this id']);
    await get('contactB', `/invoices/${b.invoice.documentId}`).expect(200);
    await get('contactB', `/invoices/${a.paid.documentId}`).expect(404);
  });

  it('streams the PDF the firm attached as a private download', async () => {
    const { number } = await stored('plugin::clientia.invoice', a.paid.id);
    const response = await get('billingA', `/invoices/${a.paid.documentId}/pdf`).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${number}.pdf"`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['content-length']).toBe(String(PDF.length));
    expect(Buffer.compare(response.body as Buffer, PDF)).toBe(0);
    expect((await asA('billingA', `/invoices/${a.paid.documentId}`)).body.data.hasPdf).toBe(true);

  });

  itWithPoppler('generates the PDF in the firm’s brand when the firm attached none', async () => {
    const invoice = await stored('plugin::clientia.invoice', a.partlyPaid.id);
    const response = await get('billingA', `/invoices/${a.partlyPaid.documentId}/pdf`).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${invoice.number}.pdf"`);
    const pdf = response.body as Buffer;
    expect((await pdfInfo(pdf)).warnings).toBe('');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (const expected of [String(invoice.number), '€1,838.75', '€750.00', '€1,088.75', 'Advisory, March', 'Thank you for your business']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/clientia|strapi/i);
    // Generated from the invoice as stored: the same bytes every time.
    const again = await get('billingA', `/invoices/${a.partlyPaid.documentId}/pdf`).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(again.body as Buffer, pdf)).toBe(0);
  });

  it('draws up the statement of account: invoices and payments with a running balance, and what is still open', async () => {
    const { body } = await asA('billingA', '/statement');
    const statement = body.data;
    expect(statement.currency).toBe('EUR');
    expect(statement.currencies).toContain('EUR');
    const open = statement.openInvoices as { number: string; balance: { amount: number } }[];
    expect(open.length).toBeGreaterThan(0);
    expect(statement.balance).toEqual(EUR(open.reduce((sum, invoice) => sum + invoice.balance.amount, 0)));
    const entries = statement.entries as { date: string; kind: string; amount: { amount: number }; balance: { amount: number } }[];
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort());
    expect(entries.some((e) => e.kind === 'payment' && e.amount.amount < 0)).toBe(true);
    // Every invoice less every payment: the running balance ends at what is owed.
    expect(entries[entries.length - 1]!.balance).toEqual(statement.balance);
    expect(JSON.stringify(body)).not.toContain('STAFF-ONLY');
    await asA('billingA', '/statement?currency=euro', 400);
    expect((await asA('billingA', '/statement?currency=JPY')).body.data).toMatchObject({ currency: 'JPY', entries: [], openInvoices: [], balance: { amount: 0, currency: 'JPY' } });
  });

  itWithPoppler('gives the statement as a PDF in the firm’s brand', async () => {
    const statement = (await asA('billingA', '/statement')).body.data;
    const response = await get('billingA', '/statement/pdf').buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="statement-EUR-${statement.asOf}.pdf"`);
    const text = (await pdfText(response.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('Statement of account');
    for (const invoice of statement.openInvoices as { number: string }[]) expect(text).toContain(invoice.number);
    expect(text).toContain(new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(statement.balance.amount / 100));
  });

  it('lists the client’s payments with the invoice each settles', async () => {
    const [paid, partlyPaid] = await Promise.all([stored('plugin::clientia.invoice', a.paid.id), stored('plugin::clientia.invoice', a.partlyPaid.id)]);
    const { body } = await asA('billingA', '/payments');
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 25, total: 3, pageCount: 1 });
    expect(body.data.map(({ documentId, ...rest }: Doc & Record<string, unknown>) => (documentId ? rest : null))).toEqual([
      { receivedOn: '2026-12-01', amount: EUR(20_000), method: 'direct_debit', reference: 'DD-77', invoice: { documentId: a.paid.documentId, number: paid.number } },
      { receivedOn: '2026-11-25', amount: EUR(25_000), method: 'card', reference: 'CARD-9', invoice: { documentId: a.partlyPaid.documentId, number: partlyPaid.number } },
      { receivedOn: '2026-11-20', amount: EUR(50_000), method: 'bank_transfer', reference: 'TRX-1', invoice: { documentId: a.partlyPaid.documentId, number: partlyPaid.number } },
    ]);
    expect(JSON.stringify(body)).not.toContain('STAFF-ONLY');
    const byAmount = await asA('billingA', '/payments?sort=amount:asc&pageSize=2&page=2');
    expect(byAmount.body.data.map((p: { amount: { amount: number } }) => p.amount.amount)).toEqual([50_000]);
  });

  it('lists retainers with the period’s hours used, remaining and over', async () => {
    const { body } = await asA('ownerA', '/retainers?sort=title:asc');
    expect(body.data).toEqual([
      {
        documentId: a.advisory.documentId,
        title: 'Advisory retainer',
        status: 'active',
        amount: EUR(250_000),
        interval: 'monthly',
        startDate: monthsFrom(startOfMonth, -2),
        endDate: null,
        nextRunDate: monthsFrom(startOfMonth, -2),
        hourlyRate: EUR(12_000),
        period: { start: startOfMonth, end: dayBefore(monthsFrom(startOfMonth, 1)) },
        includedHours: 10,
        // 3.5 + 2 billable this month, as the invoice counts them; the hour not billable and last month's 4 do not count.
        hoursUsed: 5.5,
        hoursRemaining: 4.5,
        hoursOver: 0,
      },
      {
        documentId: a.support.documentId,
        title: 'Support retainer',
        status: 'paused',
        amount: EUR(250_000),
        interval: 'quarterly',
        startDate: startOfMonth,
        endDate: null,
        nextRunDate: startOfMonth,
        hourlyRate: null,
        period: { start: startOfMonth, end: dayBefore(monthsFrom(startOfMonth, 3)) },
        includedHours: 2,
        hoursUsed: 3.25,
        hoursRemaining: 0,
        hoursOver: 1.25,
      },
    ]);
    expect(JSON.stringify(body)).not.toContain('STAFF-ONLY');
    const paused = await asA('ownerA', '/retainers?status=paused');
    expect(paused.body.data.map((r: Doc) => r.documentId)).toEqual([a.support.documentId]);
  });

  describe('credit notes', () => {
    type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    let staff: ReturnType<typeof adminApi>;
    /** Corrected in part: a credit note of 200.00 used up against it, one voided, one still a draft. */
    let corrected: Json;
    /** Paid in full before its credit note of 59.50 came: that credit is left with the client. */
    let settled: Json;
    let usedUp: Json;
    let creditLeft: Json;
    let voided: Json;
    let draftNote: Json;

    const invoiceOf = async (lines: Json[]) => {
      const draft = (await staff.post(`/clientia/clients/${world.clientA.documentId}/invoices`, { lineItems: lines }).expect(201)).body.data as Json;
      return (await staff.post(`/clientia/invoices/${draft.documentId}/issue`).expect(200)).body.data as Json;
    };
    const draftCreditNote = async (invoice: Json, lines: Json[]) =>
      (await staff.post(`/clientia/invoices/${invoice.documentId}/credit-notes`, { lineItems: lines }).expect(201)).body.data as Json;
    const creditNote = async (invoice: Json, lines: Json[]) =>
      (await staff.post(`/clientia/invoices/${(await draftCreditNote(invoice, lines)).documentId}/issue`).expect(200)).body.data as Json;
    const ids = (body: { data: Doc[] }) => body.data.map((invoice) => invoice.documentId);

    beforeAll(async () => {
      staff = adminApi(app, await adminToken(app));
      corrected = await invoiceOf([{ description: 'Due diligence', quantity: 1, unitPrice: 100_000, taxRate: 0 }]);
      usedUp = await creditNote(corrected, [{ description: 'Travel charged twice', quantity: 1, unitPrice: -20_000, taxRate: 0 }]);
      voided = await creditNote(corrected, [{ description: 'Issued by mistake', quantity: 1, unitPrice: -1_000, taxRate: 0 }]);
      voided = (await staff.post(`/clientia/invoices/${voided.documentId}/void`).expect(200)).body.data;
      draftNote = await draftCreditNote(corrected, [{ description: 'Not yet agreed', quantity: 1, unitPrice: -500, taxRate: 0 }]);

      settled = await invoiceOf([{ description: 'Board pack review', quantity: 1, unitPrice: 30_000, taxRate: 0 }]);
      await staff.post(`/clientia/invoices/${settled.documentId}/payments`, { amount: 30_000, receivedOn: today, method: 'bank_transfer' }).expect(201);
      creditLeft = await creditNote(settled, [{ description: 'Overcharge', quantity: 1, unitPrice: -5_000, taxRate: 19 }]);
    });

    it('lists credit notes by kind, with their negative totals and no due date, never a draft', async () => {
      const { body } = await asA('billingA', '/invoices?kind=credit_note&sort=number:asc');
      expect(ids(body)).toEqual([usedUp.documentId, voided.documentId, creditLeft.documentId]);
      expect(body.meta.pagination.total).toBe(3);
      expect(body.data[0]).toEqual({
        documentId: usedUp.documentId,
        kind: 'credit_note',
        number: expect.stringMatching(/^CN-\d{4}-\d{4}$/),
        // Used up against its invoice.
        status: 'paid',
        issueDate: today,
        dueDate: null,
        currency: 'EUR',
        total: EUR(-20_000),
        paid: EUR(0),
        credited: EUR(-20_000),
        balance: EUR(0),
        periodStart: null,
        periodEnd: null,
      });
      // 50.00 + 19 % taken off an invoice already paid: all of it is left as credit.
      expect(body.data[2]).toMatchObject({ status: 'issued', total: EUR(-5_950), credited: EUR(0), balance: EUR(-5_950) });
      expect(body.data[1]).toMatchObject({ status: 'void', total: EUR(-1_000), credited: EUR(0) });
      expect(JSON.stringify(body)).not.toContain(draftNote.documentId);

      const invoices = await asA('billingA', '/invoices?kind=invoice&pageSize=100');
      expect(invoices.body.data.every((invoice: { kind: string }) => invoice.kind === 'invoice')).toBe(true);
      expect(ids(invoices.body)).toEqual(expect.arrayContaining([a.paid.documentId, a.partlyPaid.documentId, corrected.documentId, settled.documentId]));
      expect(invoices.body.meta.pagination.total).toBe(4);
      // Both filters at once: the paid invoices, not the credit note used up.
      const paidInvoices = await asA('billingA', '/invoices?kind=invoice&status=paid&sort=number:asc');
      expect(ids(paidInvoices.body)).toEqual([a.paid.documentId, settled.documentId]);
      const everything = await asA('billingA', '/invoices?status=paid&pageSize=100');
      expect(ids(everything.body).sort()).toEqual([a.paid.documentId, settled.documentId, usedUp.documentId].sort());
      expect(everything.body.meta.pagination.total).toBe(3);
    });

    it('keeps credit notes out of what is open and reports the credit left apart', async () => {
      for (const url of ['/invoices', '/invoices?kind=credit_note', '/invoices?status=issued']) {
        const { body } = await asA('ownerA', url);
        // The partly paid invoice and the one corrected by 200.00; the credit left is not netted against them.
        expect(body.meta.summary).toEqual({ openTotals: [EUR(108_875 + 80_000)], overdue: 0, creditAvailable: [EUR(5_950)] });
      }
    });

    it('takes an invoice stored before credit notes existed, without a kind, for an invoice', async () => {
      const invoices = app.strapi.db.query('plugin::clientia.invoice');
      await invoices.update({ where: { id: a.partlyPaid.id }, data: { kind: null } });
      try {
        const { body } = await asA('ownerA', '/invoices?kind=invoice&pageSize=100');
        expect(body.data.find((invoice: Doc) => invoice.documentId === a.partlyPaid.documentId)).toMatchObject({ kind: 'invoice' });
        expect(body.meta.pagination.total).toBe(4);
        expect(body.meta.summary.openTotals).toEqual([EUR(108_875 + 80_000)]);
        expect((await asA('ownerA', '/invoices?kind=credit_note')).body.meta.pagination.total).toBe(3);
        const dashboard = (await get('ownerA', '/dashboard').expect(200)).body.data;
        expect(dashboard.invoicesDue.map((invoice: Doc) => invoice.documentId).sort()).toEqual([a.partlyPaid.documentId, corrected.documentId].sort());
        expect(dashboard.totalsDue).toEqual([EUR(108_875 + 80_000)]);
      } finally {
        await invoices.update({ where: { id: a.partlyPaid.id }, data: { kind: 'invoice' } });
      }
    });

    it('shows an invoice with the credit notes taken off it: total − paid − credited = balance', async () => {
      const { body } = await asA('adminA', `/invoices/${corrected.documentId}`);
      expect(body.data).toMatchObject({
        kind: 'invoice',
        status: 'issued',
        total: EUR(100_000),
        paid: EUR(0),
        credited: EUR(20_000),
        balance: EUR(80_000),
        corrects: null,
        // Neither the void credit note nor the draft.
        creditNotes: [{ documentId: usedUp.documentId, number: usedUp.number, issueDate: today, total: EUR(-20_000), applied: EUR(20_000) }],
      });
      const { total, paid, credited, balance } = body.data;
      expect(total.amount - paid.amount - credited.amount).toBe(balance.amount);

      const paidFirst = (await asA('adminA', `/invoices/${settled.documentId}`)).body.data;
      expect(paidFirst).toMatchObject({ status: 'paid', credited: EUR(0), balance: EUR(0) });
      expect(paidFirst.creditNotes).toEqual([{ documentId: creditLeft.documentId, number: creditLeft.number, issueDate: today, total: EUR(-5_950), applied: EUR(0) }]);
    });

    it('shows a credit note with the invoice it corrects, and never a draft one', async () => {
      const { body } = await asA('billingA', `/invoices/${usedUp.documentId}`);
      expect(body.data).toMatchObject({
        kind: 'credit_note',
        status: 'paid',
        dueDate: null,
        total: EUR(-20_000),
        credited: EUR(-20_000),
        balance: EUR(0),
        lineItems: [{ description: 'Travel charged twice', quantity: 1, unitPrice: EUR(-20_000), taxRate: 0, net: EUR(-20_000), tax: EUR(0) }],
        payments: [],
        corrects: { documentId: corrected.documentId, number: corrected.number },
        creditNotes: [],
      });
      expect((await asA('billingA', `/invoices/${creditLeft.documentId}`)).body.data).toMatchObject({
        status: 'issued',
        balance: EUR(-5_950),
        corrects: { documentId: settled.documentId, number: settled.number },
      });
      for (const url of [`/invoices/${draftNote.documentId}`, `/invoices/${draftNote.documentId}/pdf`]) {
        expect((await asA('billingA', url, 404)).body.error.message).toBe('No invoice with this id');
      }
      await get('contactB', `/invoices/${usedUp.documentId}`).expect(404);
    });

    it('puts credit notes on the statement of account as credit notes, never a void one', async () => {
      const statement = (await asA('billingA', '/statement')).body.data;
      const entries = statement.entries as { kind: string; reference: string; amount: unknown; balance: unknown }[];
      const notes = entries.filter((entry) => entry.kind === 'credit_note');
      expect(notes.map(({ reference, amount }) => ({ reference, amount }))).toEqual([
        { reference: usedUp.number, amount: EUR(-20_000) },
        { reference: creditLeft.number, amount: EUR(-5_950) },
      ]);
      expect(entries.map((entry) => entry.reference)).not.toContain(voided.number);
      expect(entries[entries.length - 1]!.balance).toEqual(statement.balance);
    });

    it('loads an invoice’s credit notes in one query, however many there are', async () => {
      const statements = (url: string) => countRequestStatements(app.strapi, () => get('ownerA', url).expect(200));
      const account = await invoiceOf([{ description: 'Filing', quantity: 1, unitPrice: 50_000, taxRate: 0 }]);
      const first = await creditNote(account, [{ description: 'Discount', quantity: 1, unitPrice: -1_000, taxRate: 0 }]);
      const before = await statements(`/invoices/${account.documentId}`);
      const noteBefore = await statements(`/invoices/${first.documentId}`);
      for (let i = 0; i < 3; i += 1) await creditNote(account, [{ description: `Discount ${i}`, quantity: 1, unitPrice: -1_000, taxRate: 0 }]);
      const detail = (await get('ownerA', `/invoices/${account.documentId}`).expect(200)).body.data;
      expect(detail.creditNotes).toHaveLength(4);
      expect(detail.credited).toEqual(EUR(4_000));
      expect(await statements(`/invoices/${account.documentId}`)).toBe(before);
      expect(await statements(`/invoices/${first.documentId}`)).toBe(noteBefore);
    });

    itWithPoppler('gives a credit note’s PDF under its own number, naming the invoice it corrects', async () => {
      const response = await get('billingA', `/invoices/${usedUp.documentId}/pdf`).buffer(true).parse(binary).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${usedUp.number}.pdf"`);
      const text = (await pdfText(response.body as Buffer)).replace(/\s+/g, ' ');
      for (const expected of ['Credit note', String(usedUp.number), String(corrected.number), 'Travel charged twice']) expect(text).toContain(expected);
    });
  });

  it('shows B’s billing to B’s contact only', async () => {
    const invoices = await get('contactB', '/invoices').expect(200);
    expect(invoices.body.data.map((i: Doc) => i.documentId)).toEqual([b.invoice.documentId]);
    const payments = await get('contactB', '/payments').expect(200);
    expect(payments.body.data.map((p: { reference: string }) => p.reference)).toEqual(['BETA-REF']);
    const retainers = await get('contactB', '/retainers').expect(200);
    expect(retainers.body.data).toMatchObject([{ documentId: b.retainer.documentId, hoursUsed: 4, hoursRemaining: 1, hoursOver: 0 }]);
  });

  it('never shows client B’s data to A’s contacts', () => {
    expect(seen.length).toBeGreaterThan(20);
    const all = seen.join('\n');
    for (const secret of ['Beta Foreign Co', 'Beta hidden retainer', 'Beta work', 'BETA-REF', world.clientB.documentId, b.invoice.documentId, b.retainer.documentId]) {
      expect(all).not.toContain(secret);
    }
  });
});
