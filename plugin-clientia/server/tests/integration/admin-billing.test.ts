import { invoiceTotals, parseMajorUnits } from '../../../shared/money';
import { adminApi, isoDay, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { INVOICE_TOTAL_CASES, type InvoiceTotalCase } from '../helpers/invoice-total-cases';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const READ = 'plugin::clientia.read';
const MANAGE_RECORDS = 'plugin::clientia.records.manage';
const MANAGE_BILLING = 'plugin::clientia.billing.manage';

/** A case's lines as the admin panel sends them: prices turned into minor units. */
const linesOf = (testCase: InvoiceTotalCase) =>
  testCase.lines.map((line) => ({
    description: line.description,
    quantity: Number(line.quantity),
    unitPrice: Number(parseMajorUnits(line.unitPrice, testCase.currency, '.')),
    taxRate: Number(line.taxRate),
  }));

const THREE_LINES = linesOf(INVOICE_TOTAL_CASES[0]!);

/** A request body as a test's name shows it: long texts as their length. */
const brief = (body: Json) => JSON.stringify(body, (_key, value: unknown) => (typeof value === 'string' && value.length > 40 ? `<${value.length} characters>` : value));

const fieldOf = (body: Json) => (body.error.details.errors?.[0]?.path as string[] | undefined)?.join('.');

describe('admin API: invoices, credit notes and payments', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  let api: ReturnType<typeof adminApi>;
  let staffId: number;
  let client: { id: number | string; documentId: string };
  const year = new Date().getUTCFullYear();

  const stored = async (documentId: string) =>
    (await app.strapi.db.query('plugin::clientia.invoice').findOne({ where: { documentId } })) as Json;
  const emails = (kind: string) => app.strapi.db.query('plugin::clientia.outbound-email').count({ where: { kind } });
  const newDraft = async (body: Json = { lineItems: THREE_LINES }, clientId = client.documentId) =>
    (await api.post(`/clientia/clients/${clientId}/invoices`, body).expect(201)).body.data as Json;
  const issued = async (body?: Json) => {
    const draft = await newDraft(body);
    return (await api.post(`/clientia/invoices/${draft.documentId}/issue`).expect(200)).body.data as Json;
  };

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
    api = adminApi(app, await adminToken(app));
    staffId = (await app.strapi.db.query('admin::user').findOne({ where: { email: 'staff@firm.example' } })).id;
    client = await f.client({ name: 'Ledger & Co', currency: 'EUR', billingEmail: 'accounts@ledger.example' });
  });
  afterAll(async () => app?.stop());

  describe('a draft', () => {
    it('is created with three lines, one taxed, and the server computes its totals', async () => {
      const draft = await newDraft({ lineItems: THREE_LINES, dueDate: isoDay(30), notes: 'Thank you for your business.' });
      expect(draft).toMatchObject({
        kind: 'invoice',
        number: null,
        state: 'draft',
        client: { documentId: client.documentId, name: 'Ledger & Co' },
        currency: 'EUR',
        dueDate: isoDay(30),
        lineItems: THREE_LINES,
        subtotal: { amount: 251640, currency: 'EUR' },
        tax: { amount: 45600, currency: 'EUR' },
        total: { amount: 297240, currency: 'EUR' },
        paid: { amount: 0, currency: 'EUR' },
        credited: { amount: 0, currency: 'EUR' },
        balance: { amount: 297240, currency: 'EUR' },
        notes: 'Thank you for your business.',
        correctedInvoice: null,
        creditNotes: [],
        payments: [],
      });
      expect(await stored(draft.documentId)).toMatchObject({ subtotal: '251640', tax: '45600', total: '297240', balance: '297240' });
    });

    it('is written in the staff member\'s name, in the activity log', async () => {
      const draft = await newDraft();
      const entry = await app.strapi.db.query('plugin::clientia.activity').findOne({ where: { subjectId: draft.documentId, verb: 'created' } });
      expect(entry).toMatchObject({ actorType: 'staff', actorLabel: 'Firm Staff', subjectType: 'invoice', visibleToClient: false });
      const withStaff = await app.strapi.db.query('plugin::clientia.activity').findOne({ where: { id: entry.id }, populate: ['actorStaff'] });
      expect(withStaff.actorStaff.id).toBe(staffId);
    });

    it.each(INVOICE_TOTAL_CASES.map((testCase) => [testCase.name, testCase] as const))(
      'stores the totals the editor shows: %s',
      async (_name, testCase) => {
        const other = await f.client({ currency: testCase.currency });
        const draft = await newDraft({ lineItems: linesOf(testCase) }, other.documentId);
        const money = (amount: number) => ({ amount, currency: testCase.currency });
        expect(draft.currency).toBe(testCase.currency);
        expect({ subtotal: draft.subtotal, tax: draft.tax, total: draft.total }).toEqual({
          subtotal: money(testCase.stored.subtotal),
          tax: money(testCase.stored.tax),
          total: money(testCase.stored.total),
        });
        const shared = invoiceTotals(linesOf(testCase), []);
        expect([shared.subtotal, shared.tax, shared.total].map(Number)).toEqual([testCase.stored.subtotal, testCase.stored.tax, testCase.stored.total]);
      }
    );

    it('is edited: lines, dates and notes change, left-out fields keep their value', async () => {
      const draft = await newDraft({ lineItems: THREE_LINES, notes: 'First words' });
      const edited = (
        await api
          .put(`/clientia/invoices/${draft.documentId}`, {
            lineItems: [{ description: 'Flat fee', quantity: 1, unitPrice: 100000, taxRate: 19 }],
            issueDate: isoDay(0),
            dueDate: isoDay(14),
            internalNotes: 'Agreed by phone',
          })
          .expect(200)
      ).body.data;
      expect(edited).toMatchObject({
        total: { amount: 119000, currency: 'EUR' },
        issueDate: isoDay(0),
        dueDate: isoDay(14),
        notes: 'First words',
        internalNotes: 'Agreed by phone',
      });
    });

    it('refuses to be issued without lines, naming them', async () => {
      const empty = await newDraft({});
      const response = await api.post(`/clientia/invoices/${empty.documentId}/issue`).expect(400);
      expect(fieldOf(response.body)).toBe('lineItems');
      expect((await stored(empty.documentId)).state).toBe('draft');
    });
  });

  describe('issuing', () => {
    it('numbers and dates the invoice, e-mails the client, and fixes what was billed', async () => {
      const before = await emails('invoice_issued');
      const invoice = await issued();
      expect(invoice.state).toBe('issued');
      expect(invoice.number).toMatch(new RegExp(`^INV-${year}-\\d{4}$`));
      expect(invoice.issueDate).toBe(isoDay(0));
      expect(invoice.dueDate).toBe(isoDay(30));
      expect(invoice.issuedAt).toEqual(expect.any(String));
      expect(await emails('invoice_issued')).toBe(before + 1);

      const change = await api.put(`/clientia/invoices/${invoice.documentId}`, { notes: 'Changed afterwards' }).expect(409);
      expect(fieldOf(change.body)).toBe('state');
      await api.post(`/clientia/invoices/${invoice.documentId}/issue`).expect(409);
      expect((await stored(invoice.documentId)).notes).toBeNull();
    });
  });

  describe('voiding', () => {
    it('voids an unpaid issued invoice once', async () => {
      const invoice = await issued();
      const voided = (await api.post(`/clientia/invoices/${invoice.documentId}/void`).expect(200)).body.data;
      expect(voided).toMatchObject({ state: 'void', number: invoice.number, voidedAt: expect.any(String) });
      const again = await api.post(`/clientia/invoices/${invoice.documentId}/void`).expect(409);
      expect(fieldOf(again.body)).toBe('state');
    });

    it('refuses to void an invoice with a payment, naming the state', async () => {
      const invoice = await issued();
      await api.post(`/clientia/invoices/${invoice.documentId}/payments`, { amount: 1000, receivedOn: isoDay(0), method: 'cash' }).expect(201);
      const response = await api.post(`/clientia/invoices/${invoice.documentId}/void`).expect(400);
      expect(fieldOf(response.body)).toBe('state');
      expect((await stored(invoice.documentId)).state).toBe('partially_paid');
    });
  });

  describe('payments', () => {
    it('records a partial payment in minor units and lowers the balance', async () => {
      const invoice = await issued();
      const paid = (
        await api
          .post(`/clientia/invoices/${invoice.documentId}/payments`, { amount: 50000, receivedOn: isoDay(-1), method: 'bank_transfer', reference: 'SEPA 4711' })
          .expect(201)
      ).body.data;
      expect(paid).toMatchObject({
        state: 'partially_paid',
        paid: { amount: 50000, currency: 'EUR' },
        balance: { amount: 297240 - 50000, currency: 'EUR' },
        payments: [{ documentId: expect.any(String), amount: { amount: 50000, currency: 'EUR' }, receivedOn: isoDay(-1), method: 'bank_transfer', reference: 'SEPA 4711' }],
      });

      const rest = (
        await api.post(`/clientia/invoices/${invoice.documentId}/payments`, { amount: 247240, receivedOn: isoDay(0), method: 'card' }).expect(201)
      ).body.data;
      expect(rest).toMatchObject({ state: 'paid', balance: { amount: 0, currency: 'EUR' } });
    });

    it('refuses a payment above the balance, naming the amount, and writes nothing', async () => {
      const invoice = await issued();
      const payments = await f.count('payment');
      const response = await api
        .post(`/clientia/invoices/${invoice.documentId}/payments`, { amount: 297241, receivedOn: isoDay(0), method: 'bank_transfer' })
        .expect(400);
      expect(fieldOf(response.body)).toBe('amount');
      expect(await f.count('payment')).toBe(payments);
    });

    it('refuses a payment against a draft, naming the invoice', async () => {
      const draft = await newDraft();
      const response = await api.post(`/clientia/invoices/${draft.documentId}/payments`, { amount: 100, receivedOn: isoDay(0), method: 'cash' }).expect(400);
      expect(fieldOf(response.body)).toBe('invoice');
    });
  });

  describe('credit notes', () => {
    it('corrects part of an issued invoice: numbered in their own sequence, taken off the balance', async () => {
      const invoice = await issued();
      const draft = (await api.post(`/clientia/invoices/${invoice.documentId}/credit-notes`).expect(201)).body.data;
      expect(draft).toMatchObject({
        kind: 'credit_note',
        state: 'draft',
        number: null,
        currency: 'EUR',
        correctedInvoice: { documentId: invoice.documentId, number: invoice.number },
        // The invoice's own lines, negated, for staff to trim.
        lineItems: THREE_LINES.map((line) => ({ ...line, unitPrice: -line.unitPrice })),
        total: { amount: -297240, currency: 'EUR' },
      });

      // Only the travel was charged wrongly.
      await api.put(`/clientia/invoices/${draft.documentId}`, { lineItems: [{ description: 'Travel, charged twice', quantity: 1, unitPrice: -8640, taxRate: 0 }] }).expect(200);
      const note = (await api.post(`/clientia/invoices/${draft.documentId}/issue`).expect(200)).body.data;
      expect(note).toMatchObject({
        state: 'paid',
        number: expect.stringMatching(new RegExp(`^CN-${year}-\\d{4}$`)),
        dueDate: null,
        total: { amount: -8640, currency: 'EUR' },
        credited: { amount: -8640, currency: 'EUR' },
        balance: { amount: 0, currency: 'EUR' },
      });

      const corrected = (await api.get(`/clientia/invoices/${invoice.documentId}`).expect(200)).body.data;
      expect(corrected).toMatchObject({
        state: 'issued',
        lineItems: THREE_LINES,
        total: { amount: 297240, currency: 'EUR' },
        credited: { amount: 8640, currency: 'EUR' },
        balance: { amount: 297240 - 8640, currency: 'EUR' },
        creditNotes: [{ documentId: note.documentId, number: note.number, state: 'paid', total: { amount: -8640, currency: 'EUR' } }],
      });

      // The invoice cannot be voided under its credit note; the credit note can, which gives the credit back.
      expect(fieldOf((await api.post(`/clientia/invoices/${invoice.documentId}/void`).expect(400)).body)).toBe('state');
      await api.post(`/clientia/invoices/${note.documentId}/void`).expect(200);
      expect((await api.get(`/clientia/invoices/${invoice.documentId}`).expect(200)).body.data).toMatchObject({
        credited: { amount: 0, currency: 'EUR' },
        balance: { amount: 297240, currency: 'EUR' },
      });
    });

    it('never credits more than was billed', async () => {
      const invoice = await issued();
      const first = (await api.post(`/clientia/invoices/${invoice.documentId}/credit-notes`, { lineItems: [{ description: 'Goodwill', quantity: 1, unitPrice: -100000, taxRate: 0 }] }).expect(201)).body.data;
      await api.post(`/clientia/invoices/${first.documentId}/issue`).expect(200);
      const whole = (await api.post(`/clientia/invoices/${invoice.documentId}/credit-notes`).expect(201)).body.data;
      const response = await api.post(`/clientia/invoices/${whole.documentId}/issue`).expect(400);
      expect(fieldOf(response.body)).toBe('lineItems');
      expect((await stored(whole.documentId)).state).toBe('draft');
    });

    it('leaves the credit with the client when the invoice was paid already', async () => {
      const invoice = await issued();
      await api.post(`/clientia/invoices/${invoice.documentId}/payments`, { amount: 297240, receivedOn: isoDay(0), method: 'bank_transfer' }).expect(201);
      const owed = async () => {
        const overview = (await api.get(`/clientia/clients/${client.documentId}`).expect(200)).body.data;
        const listed = (await api.get('/clientia/clients?pageSize=100').expect(200)).body.data.find((row: { documentId: string }) => row.documentId === client.documentId);
        return { overview: overview.balance, list: listed.openBalance };
      };
      const owedBefore = await owed();
      const draft = (await api.post(`/clientia/invoices/${invoice.documentId}/credit-notes`, { lineItems: [{ description: 'Overcharge', quantity: 1, unitPrice: -5000, taxRate: 19 }] }).expect(201)).body.data;
      const note = (await api.post(`/clientia/invoices/${draft.documentId}/issue`).expect(200)).body.data;
      expect(note).toMatchObject({ state: 'issued', total: { amount: -5950, currency: 'EUR' }, credited: { amount: 0, currency: 'EUR' }, balance: { amount: -5950, currency: 'EUR' } });
      expect((await stored(invoice.documentId)).state).toBe('paid');
      // The credit left is the client's to use; it does not lower what the client owes on its invoices.
      expect(await owed()).toEqual(owedBefore);
    });

    it('is refused for a draft invoice and a credit note takes no payment', async () => {
      const draft = await newDraft();
      expect(fieldOf((await api.post(`/clientia/invoices/${draft.documentId}/credit-notes`).expect(409)).body)).toBe('state');
      const invoice = await issued();
      const note = (await api.post(`/clientia/invoices/${invoice.documentId}/credit-notes`).expect(201)).body.data;
      const payment = await api.post(`/clientia/invoices/${note.documentId}/payments`, { amount: 100, receivedOn: isoDay(0), method: 'cash' }).expect(409);
      expect(fieldOf(payment.body)).toBe('kind');
      const positive = await api.put(`/clientia/invoices/${note.documentId}`, { lineItems: [{ description: 'Extra', quantity: 1, unitPrice: 100, taxRate: 0 }] }).expect(400);
      expect(fieldOf(positive.body)).toBe('lineItems');
    });
  });

  describe('reminders', () => {
    it('sends a reminder now, once a day', async () => {
      const invoice = await issued();
      const before = await emails('payment_reminder');
      expect((await api.post(`/clientia/invoices/${invoice.documentId}/reminders`).expect(200)).body.data).toEqual({ queued: 1, alreadySent: 0 });
      expect(await emails('payment_reminder')).toBe(before + 1);
      expect((await api.post(`/clientia/invoices/${invoice.documentId}/reminders`).expect(200)).body.data).toEqual({ queued: 0, alreadySent: 1 });
      const logged = await app.strapi.db.query('plugin::clientia.activity').findOne({ where: { subjectId: invoice.documentId, verb: 'reminded' } });
      expect(logged).toMatchObject({ actorType: 'staff', visibleToClient: false });
    });

    it('sends none for a draft', async () => {
      const draft = await newDraft();
      expect(fieldOf((await api.post(`/clientia/invoices/${draft.documentId}/reminders`).expect(409)).body)).toBe('state');
    });
  });

  it('gives the PDF to download, a draft\'s included', async () => {
    const draft = await newDraft();
    const response = await api.get(`/clientia/invoices/${draft.documentId}/pdf`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="invoice-draft.pdf"');
    expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 for an invoice that does not exist, and for a malformed id', async () => {
    await api.get('/clientia/invoices/no-such-invoice').expect(404);
    await api.get('/clientia/invoices/%00bad').expect(404);
    await api.post('/clientia/clients/no-such-client/invoices', { lineItems: [] }).expect(404);
  });

  describe('permissions: every change needs the billing action', () => {
    const snapshot = async () => ({
      invoices: await f.count('invoice'),
      payments: await f.count('payment'),
      activity: await f.count('activity'),
      emails: await app.strapi.db.query('plugin::clientia.outbound-email').count(),
    });

    const attempts = (invoice: string, draft: string) =>
      [
        ['post', `/clientia/clients/${client.documentId}/invoices`, { lineItems: THREE_LINES }],
        ['put', `/clientia/invoices/${draft}`, { notes: 'Not allowed' }],
        ['post', `/clientia/invoices/${draft}/issue`, undefined],
        ['post', `/clientia/invoices/${invoice}/void`, undefined],
        ['post', `/clientia/invoices/${invoice}/credit-notes`, undefined],
        ['post', `/clientia/invoices/${invoice}/payments`, { amount: 100, receivedOn: isoDay(0), method: 'cash' }],
        ['post', `/clientia/invoices/${invoice}/reminders`, undefined],
      ] as const;

    it.each([
      ['read-only staff', [READ]],
      ['a role that manages records but not billing', [READ, MANAGE_RECORDS]],
    ])('%s read invoices but get 403 on every change, and nothing is written', async (_who, actions) => {
      const invoice = await issued();
      const draft = await newDraft();
      const caller = adminApi(app, (await staffWithActions(app, [...actions])).token);
      await caller.get(`/clientia/invoices/${invoice.documentId}`).expect(200);
      await caller.get(`/clientia/invoices/${invoice.documentId}/pdf`).expect(200);
      const before = await snapshot();
      for (const [method, path, body] of attempts(invoice.documentId, draft.documentId)) {
        await caller[method](path, body).expect(403);
      }
      expect(await snapshot()).toEqual(before);
      expect((await stored(draft.documentId)).state).toBe('draft');
    });

    it('lets a billing role change invoices', async () => {
      const billing = adminApi(app, (await staffWithActions(app, [READ, MANAGE_BILLING])).token);
      const draft = (await billing.post(`/clientia/clients/${client.documentId}/invoices`, { lineItems: THREE_LINES }).expect(201)).body.data;
      await billing.post(`/clientia/invoices/${draft.documentId}/issue`).expect(200);
    });

    it('answers 401 without an admin token', async () => {
      const draft = await newDraft();
      await adminApi(app).get(`/clientia/invoices/${draft.documentId}`).expect(401);
      await adminApi(app).post(`/clientia/invoices/${draft.documentId}/issue`).expect(401);
    });
  });

  describe('bad input: a 400 naming the field, nothing written', () => {
    const line = { description: 'Advice', quantity: 1, unitPrice: 10000, taxRate: 19 };

    it.each([
      [{ lineItems: [{ ...line, quantity: 0 }] }, 'lineItems.0.quantity'],
      [{ lineItems: [{ ...line, quantity: 1.0001 }] }, 'lineItems.0.quantity'],
      [{ lineItems: [{ ...line, unitPrice: 100.5 }] }, 'lineItems.0.unitPrice'],
      [{ lineItems: [{ ...line, unitPrice: '100' }] }, 'lineItems.0.unitPrice'],
      [{ lineItems: [line, { ...line, description: '  ' }] }, 'lineItems.1.description'],
      [{ lineItems: [{ ...line, taxRate: 101 }] }, 'lineItems.0.taxRate'],
      [{ lineItems: [{ ...line, taxRate: 7.555 }] }, 'lineItems.0.taxRate'],
      [{ lineItems: [{ ...line, discount: 5 }] }, 'lineItems.0.discount'],
      [{ lineItems: 'ten hours' }, 'lineItems'],
      [{ currency: 'eur' }, 'currency'],
      [{ currency: 'XYZ' }, 'currency'],
      [{ dueDate: '2026-02-30' }, 'dueDate'],
      [{ issueDate: '01/02/2026' }, 'issueDate'],
      [{ total: 1 }, 'total'],
      [{ state: 'paid' }, 'state'],
      [{ notes: 'x'.repeat(4001) }, 'notes'],
    ].map(([body, field]) => [brief(body as Json), field as string, body as Json] as const))('a draft with %s → %s', async (_label, field, body) => {
      const before = await f.count('invoice');
      const response = await api.post(`/clientia/clients/${client.documentId}/invoices`, body).expect(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(fieldOf(response.body)).toBe(field);
      expect(await f.count('invoice')).toBe(before);
    });

    it('refuses a due date before the issue date', async () => {
      const draft = await newDraft({ lineItems: [line], issueDate: isoDay(0), dueDate: isoDay(-1) });
      expect(fieldOf((await api.post(`/clientia/invoices/${draft.documentId}/issue`).expect(400)).body)).toBe('dueDate');
    });

    it.each([
      [{ amount: '500', receivedOn: '2026-11-20', method: 'cash' }, 'amount'],
      [{ amount: 5.5, receivedOn: '2026-11-20', method: 'cash' }, 'amount'],
      [{ amount: 0, receivedOn: '2026-11-20', method: 'cash' }, 'amount'],
      [{ amount: -100, receivedOn: '2026-11-20', method: 'cash' }, 'amount'],
      [{ amount: 500, method: 'cash' }, 'receivedOn'],
      [{ amount: 500, receivedOn: '2026-11-20', method: 'bitcoin' }, 'method'],
      [{ amount: 500, receivedOn: '2026-11-20', method: 'cash', reference: 'x'.repeat(201) }, 'reference'],
      [{ amount: 500, receivedOn: '2026-11-20', method: 'cash', currency: 'USD' }, 'currency'],
    ].map(([body, field]) => [brief(body as Json), field as string, body as Json] as const))('a payment of %s → %s', async (_label, field, body) => {
      const invoice = await issued();
      const before = await f.count('payment');
      const response = await api.post(`/clientia/invoices/${invoice.documentId}/payments`, body).expect(400);
      expect(fieldOf(response.body)).toBe(field);
      expect(await f.count('payment')).toBe(before);
    });

    it('refuses a body on an action that takes none, and any query parameter', async () => {
      const draft = await newDraft();
      expect(fieldOf((await api.post(`/clientia/invoices/${draft.documentId}/issue`, { state: 'paid' }).expect(400)).body)).toBe('state');
      expect(fieldOf((await api.get(`/clientia/invoices/${draft.documentId}?populate=*`).expect(400)).body)).toBe('populate');
      expect((await stored(draft.documentId)).state).toBe('draft');
    });
  });
});
