import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';
import { fieldOf, fixtures, refused } from '../helpers/fixtures';

describe('invoices: totals, numbers, statuses and payments', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
  });
  afterAll(async () => app?.stop());

  it('computes totals from the lines exactly, ignoring totals and numbers sent by the caller', async () => {
    const client = await f.client();
    const invoice = await f.invoice(client, {
      lineItems: [
        { description: 'Strategy workshop', quantity: 3, unitPrice: 3333, taxRate: 19 },
        { description: 'Travel', quantity: 1.5, unitPrice: 1001, taxRate: 7 },
        { description: 'Loyalty discount', quantity: 1, unitPrice: -500, taxRate: 19 },
      ],
      subtotal: 1,
      tax: 1,
      total: 1,
      paid: 999999,
      balance: -5,
      number: 'INV-FAKE-1',
    });
    // 3 × 33.33 = 99.99 (+19.00 tax, 18.9981 rounded); 1.5 × 10.01 = 15.015 → 15.02 (+1.05); −5.00 (−0.95)
    expect(invoice).toMatchObject({ number: null, state: 'draft' });
    const stored = await app.strapi.db.query('plugin::clientia.invoice').findOne({ where: { id: invoice.id } });
    expect({
      subtotal: String(stored.subtotal),
      tax: String(stored.tax),
      total: String(stored.total),
      paid: String(stored.paid),
      balance: String(stored.balance),
    }).toEqual({ subtotal: '11001', tax: '1910', total: '12911', paid: '0', balance: '12911' });
  });

  it.each([
    [[{ description: 'x', quantity: 0, unitPrice: 100, taxRate: 0 }], 'lineItems.0.quantity'],
    [[{ description: 'x', quantity: 1.0001, unitPrice: 100, taxRate: 0 }], 'lineItems.0.quantity'],
    [[{ description: 'x', quantity: 1, unitPrice: 10.5, taxRate: 0 }], 'lineItems.0.unitPrice'],
    [[{ description: 'ok', quantity: 1, unitPrice: 1, taxRate: 0 }, { description: '', quantity: 1, unitPrice: 1 }], 'lineItems.1.description'],
    [[{ description: 'x', quantity: 1, unitPrice: 100, taxRate: 101 }], 'lineItems.0.taxRate'],
    [[{ description: 'x', quantity: 1, unitPrice: 100, discount: 5 }], 'lineItems.0.discount'],
    ['ten hours', 'lineItems'],
  ])('refuses bad lines %j naming %s, and writes nothing', async (lineItems, path) => {
    const client = await f.client();
    const before = await f.count('invoice');
    const activityBefore = await f.count('activity');
    const error = await refused(f.invoice(client, { lineItems }));
    expect(error.name).toBe('ValidationError');
    expect(fieldOf(error)).toBe(path);
    expect(await f.count('invoice')).toBe(before);
    expect(await f.count('activity')).toBe(activityBefore);
  });

  it('numbers an invoice when it is issued, sequentially per year, and sets its dates', async () => {
    const client = await f.client();
    const draft = await f.invoice(client);
    expect(draft.number).toBeNull();
    const issued = (await f.docs('invoice').update({ documentId: draft.documentId, data: { state: 'issued' } as never }))!;
    expect(issued.number).toMatch(new RegExp(`^INV-${year}-\\d{4}$`));
    expect(issued.issueDate).toBe(new Date().toISOString().slice(0, 10));
    expect(issued.dueDate > issued.issueDate).toBe(true);
    const next = await f.invoice(client, { state: 'issued' });
    expect(Number(next.number.slice(-4))).toBe(Number(issued.number.slice(-4)) + 1);
  });

  it('never gives two invoices created at the same moment the same number', async () => {
    const client = await f.client();
    const created = await Promise.all(Array.from({ length: 12 }, () => f.invoice(client, { state: 'issued' })));
    const numbers = created.map((invoice) => invoice.number as string);
    expect(new Set(numbers).size).toBe(12);
    const sequence = numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
    expect(sequence[11] - sequence[0]).toBe(11);
  });

  it('holds invoice numbers unique in the database itself', async () => {
    const client = await f.client();
    const a = await f.invoice(client, { state: 'issued' });
    const b = await f.invoice(client, { state: 'issued' });
    expect(a.number).toMatch(/^INV-/);
    expect(b.number).toMatch(/^INV-/);
    const inspector = (app.strapi.db.dialect as unknown as { schemaInspector: { getIndexes(table: string): Promise<unknown[]> } }).schemaInspector;
    expect(await inspector.getIndexes('clientia_invoices')).toEqual(expect.arrayContaining([expect.objectContaining({ columns: ['number'], type: 'unique' })]));
    let error: unknown;
    try {
      await app.strapi.db.query('plugin::clientia.invoice').update({ where: { id: b.id }, data: { number: a.number } });
    } catch (e) {
      error = e;
    }
    const rows = await app.strapi.db.query('plugin::clientia.invoice').findMany({ where: { id: { $in: [a.id, b.id] } }, select: ['id', 'number'] });
    expect({ error: error ? 'refused' : 'accepted', a: [a.id, a.number], b: [b.id, b.number], rows }).toMatchObject({ error: 'refused' });
  });

  it('moves to partially paid and paid as payments arrive, keeping the balance exact', async () => {
    const client = await f.client();
    const invoice = await f.invoice(client, { state: 'issued', lineItems: [{ description: 'Audit', quantity: 1, unitPrice: 100000, taxRate: 20 }] });
    await f.payment(invoice, 50000);
    let stored = await f.docs('invoice').findOne({ documentId: invoice.documentId });
    expect([stored!.state, String(stored!.paid), String(stored!.balance)]).toEqual(['partially_paid', '50000', '70000']);
    const last = await f.payment(invoice, 70000);
    stored = await f.docs('invoice').findOne({ documentId: invoice.documentId });
    expect([stored!.state, String(stored!.balance)]).toEqual(['paid', '0']);
    await f.docs('payment').delete({ documentId: last.documentId });
    stored = await f.docs('invoice').findOne({ documentId: invoice.documentId });
    expect([stored!.state, String(stored!.balance)]).toEqual(['partially_paid', '70000']);
    const payment = await app.strapi.db.query('plugin::clientia.payment').findOne({ where: { documentId: last.documentId } });
    expect(payment).toBeNull();
  });

  it('refuses a payment above the balance, and writes nothing', async () => {
    const client = await f.client();
    const invoice = await f.invoice(client, { state: 'issued', lineItems: [{ description: 'Audit', quantity: 1, unitPrice: 1000, taxRate: 0 }] });
    const before = await f.count('payment');
    const error = await refused(f.payment(invoice, 1001));
    expect(fieldOf(error)).toBe('amount');
    expect(await f.count('payment')).toBe(before);
    const stored = await f.docs('invoice').findOne({ documentId: invoice.documentId });
    expect([stored!.state, String(stored!.paid)]).toEqual(['issued', '0']);
  });

  it('never lets racing payments take an invoice past its total', async () => {
    const client = await f.client();
    const invoice = await f.invoice(client, { state: 'issued', lineItems: [{ description: 'Audit', quantity: 1, unitPrice: 1000, taxRate: 0 }] });
    const attempts = await Promise.allSettled(Array.from({ length: 6 }, () => f.payment(invoice, 300)));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') expect(fieldOf(attempt.reason)).toBe('amount');
    }
    const stored = await f.docs('invoice').findOne({ documentId: invoice.documentId });
    expect([stored!.state, String(stored!.paid), String(stored!.balance)]).toEqual(['partially_paid', '900', '100']);
  });

  it('refuses payments on draft and void invoices', async () => {
    const client = await f.client();
    const draft = await f.invoice(client);
    expect(fieldOf(await refused(f.payment(draft, 100)))).toBe('invoice');
    const issued = await f.invoice(client, { state: 'issued' });
    await f.docs('invoice').update({ documentId: issued.documentId, data: { state: 'void' } as never });
    const error = await refused(f.payment(issued, 100));
    expect(fieldOf(error)).toBe('invoice');
    expect(error.message).toMatch(/void invoice cannot take payments/);
  });

  it('validates status changes', async () => {
    const client = await f.client();
    const invoice = await f.invoice(client);
    expect(fieldOf(await refused(f.docs('invoice').update({ documentId: invoice.documentId, data: { state: 'paid' } as never })))).toBe('state');
    expect(fieldOf(await refused(f.invoice(client, { state: 'overdue' })))).toBe('state');
    await f.docs('invoice').update({ documentId: invoice.documentId, data: { state: 'void' } as never });
    const error = await refused(f.docs('invoice').update({ documentId: invoice.documentId, data: { state: 'issued' } as never }));
    expect(fieldOf(error)).toBe('state');
    expect(fieldOf(await refused(f.docs('invoice').update({ documentId: invoice.documentId, data: { notes: 'x' } as never })))).toBe('notes');
    // Staff notes stay writable on a void invoice.
    await f.docs('invoice').update({ documentId: invoice.documentId, data: { internalNotes: 'sent by mistake' } as never });
  });

  it('fixes what was billed once issued, and refuses to void or delete an invoice with payments', async () => {
    const client = await f.client();
    const invoice = await f.invoice(client, { state: 'issued' });
    const lines = [{ description: 'Changed', quantity: 1, unitPrice: 1, taxRate: 0 }];
    expect(fieldOf(await refused(f.docs('invoice').update({ documentId: invoice.documentId, data: { lineItems: lines } as never })))).toBe('lineItems');
    expect(fieldOf(await refused(f.docs('invoice').update({ documentId: invoice.documentId, data: { currency: 'USD' } as never })))).toBe('currency');
    // The due date may move (a client asked for more time).
    await f.docs('invoice').update({ documentId: invoice.documentId, data: { dueDate: '2099-01-31' } as never });
    await f.payment(invoice, 100);
    expect(fieldOf(await refused(f.docs('invoice').update({ documentId: invoice.documentId, data: { state: 'void' } as never })))).toBe('state');
    expect(fieldOf(await refused(f.docs('invoice').delete({ documentId: invoice.documentId })))).toBe('state');
  });

  it('refuses to issue an invoice without lines', async () => {
    const client = await f.client();
    expect(fieldOf(await refused(f.invoice(client, { state: 'issued', lineItems: [] })))).toBe('lineItems');
  });

  it('applies the same rules to staff working in the Content Manager', async () => {
    const token = await adminToken(app, 'cm-staff@firm.example');
    const client = await f.client();
    const created = await app
      .http()
      .post('/content-manager/collection-types/plugin::clientia.invoice')
      .set('Authorization', `Bearer ${token}`)
      .send({
        client: { connect: [{ documentId: client.documentId }] },
        currency: 'EUR',
        state: 'issued',
        total: 1,
        lineItems: [{ description: 'Retainer, November', quantity: 1, unitPrice: 250000, taxRate: 19 }],
      });
    expect([created.status, created.body.error]).toEqual([201, undefined]);
    expect(created.body.data).toMatchObject({ state: 'issued', number: expect.stringMatching(/^INV-/) });
    expect(String(created.body.data.total)).toBe('297500');

    const bad = await app
      .http()
      .put(`/content-manager/collection-types/plugin::clientia.invoice/${created.body.data.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ state: 'paid' })
      .expect(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['state']);
  });

  it('answers money out of range with a 400 naming the field, from the Content Manager and any other writer, and writes nothing', async () => {
    const token = await adminToken(app, 'cm-money@firm.example');
    const client = await f.client();
    const invoice = await f.invoice(client, { state: 'issued', lineItems: [{ description: 'Advice', quantity: 1, unitPrice: 10_000, taxRate: 0 }] });
    const payments = async () => app.strapi.db.query('plugin::clientia.payment').count();
    const before = await payments();
    for (const amount of ['99999999999999999999999', '1e23', 1e23, '10000000000001', '12.5', 'lots']) {
      const response = await app
        .http()
        .post('/content-manager/collection-types/plugin::clientia.payment')
        .set('Authorization', `Bearer ${token}`)
        .send({ invoice: { connect: [{ documentId: invoice.documentId }] }, amount, receivedOn: '2026-11-20', method: 'bank_transfer' });
      expect({ amount, status: response.status, path: response.body.error?.details?.errors?.[0]?.path }).toEqual({ amount, status: 400, path: ['amount'] });
    }
    const contract = await app
      .http()
      .post('/content-manager/collection-types/plugin::clientia.contract')
      .set('Authorization', `Bearer ${token}`)
      .send({ client: { connect: [{ documentId: client.documentId }] }, title: 'Framework agreement', kind: 'msa', value: '-99999999999999999999' });
    expect([contract.status, contract.body.error?.details?.errors?.[0]?.path]).toEqual([400, ['value']]);
    expect(fieldOf(await refused(f.payment(invoice, 1e23)))).toBe('amount');
    expect(await payments()).toBe(before);
    // An amount in range still goes through.
    await f.payment(invoice, 10_000);
    expect(await payments()).toBe(before + 1);
  });
});
