import { AsyncLocalStorage } from 'node:async_hooks';

import { drainOutbox } from '../../src/email';
import { fixtures } from '../helpers/fixtures';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { countRequestStatements } from '../helpers/statement-count';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Doc = { id: number; documentId: string; number?: string };

const isoDay = (offset = 0) => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};

describe('portal API: dashboard', () => {
  let app: TestApp;
  let world: PortalWorld;
  let f: ReturnType<typeof fixtures>;
  let eurInvoice: Doc;
  let usdInvoice: Doc;
  let foreignInvoice: Doc;
  let creditLeft: Doc;
  let usedUp: Doc;
  let ownersContract: Doc;
  let adminsContract: Doc;
  let periodStart: string;

  const get = (persona: Persona, path = '/dashboard') => {
    const request = app.http().get(`/api/clientia${path}`);
    if (world.auth[persona]) request.set('Authorization', world.auth[persona]!);
    if (world.selector[persona]) request.set('X-Clientia-Client', world.selector[persona]!);
    return request;
  };
  const membership = async (persona: keyof PortalWorld['emails'], clientId: number) =>
    (await app.strapi.db.query('plugin::clientia.membership').findOne({
      where: { user: { email: world.emails[persona] }, client: { id: clientId } },
    })) as Doc;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildPortalWorld(app);
    f = fixtures(app);
    const { clientA, clientB } = world;

    // 10 × 150.00 + 19 % = 1,785.00 EUR due; 500.00 USD less 200.00 paid = 300.00 USD due.
    eurInvoice = (await f.invoice(clientA, { state: 'issued' })) as Doc;
    usdInvoice = (await f.invoice(clientA, {
      state: 'issued',
      currency: 'USD',
      lineItems: [{ description: 'Licence audit', quantity: 1, unitPrice: 50000, taxRate: 0 }],
    })) as Doc;
    await f.payment(usdInvoice, 20000);
    await f.invoice(clientA); // a draft: never shown
    // Credit notes are never due. One came after its invoice was paid: its 50.00 stay with the
    // client as credit, and the credit note stays issued with a negative balance. The other is
    // used up against an invoice whose balance is then 0 (paid).
    const paidEarlier = (await f.invoice(clientA, { state: 'issued', lineItems: [{ description: 'Filing fee', quantity: 1, unitPrice: 20000, taxRate: 0 }] })) as Doc;
    await f.payment(paidEarlier, 20000);
    creditLeft = (await f.invoice(clientA, {
      kind: 'credit_note',
      correctedInvoice: paidEarlier.documentId,
      state: 'issued',
      lineItems: [{ description: 'Filing fee charged too high', quantity: 1, unitPrice: -5000, taxRate: 0 }],
    })) as Doc;
    const creditedInFull = (await f.invoice(clientA, { state: 'issued', lineItems: [{ description: 'Courier', quantity: 1, unitPrice: 3000, taxRate: 0 }] })) as Doc;
    usedUp = (await f.invoice(clientA, {
      kind: 'credit_note',
      correctedInvoice: creditedInFull.documentId,
      state: 'issued',
      lineItems: [{ description: 'Courier not used', quantity: 1, unitPrice: -3000, taxRate: 0 }],
    })) as Doc;
    foreignInvoice = (await f.invoice(clientB, { state: 'issued' })) as Doc;

    const ownerMembership = await membership('ownerA', clientA.id);
    const adminMembership = await membership('adminA', clientA.id);
    ownersContract = (await f.contract(clientA, { title: 'Owner signs this SOW', kind: 'sow', state: 'sent', signatories: [ownerMembership.documentId] })) as Doc;
    adminsContract = (await f.contract(clientA, { title: 'Admin signs this NDA', kind: 'nda', state: 'sent', signatories: [adminMembership.documentId] })) as Doc;
    await f.contract(clientA, { title: 'Draft for the owner', signatories: [ownerMembership.documentId] });

    const project = await f.docs('project').create({ data: { client: clientA.documentId, name: 'Website relaunch', state: 'active' } as never });
    const milestone = (title: string, dueDate: string, state = 'pending', owner = project) =>
      f.docs('milestone').create({ data: { project: owner.documentId, title, dueDate, state } as never });
    await milestone('Design sign-off', isoDay(5));
    await milestone('Content freeze', isoDay(12), 'in_progress');
    await milestone('Go live', isoDay(45));
    await milestone('Wireframes', isoDay(3), 'done');
    const projectB = await f.docs('project').create({ data: { client: clientB.documentId, name: 'Beta migration' } as never });
    await milestone('Beta cut-over', isoDay(4), 'pending', projectB);

    const unreadThread = await f.docs('thread').create({ data: { client: clientA.documentId, subject: 'New answer' } as never });
    await f.docs('message').create({ data: { thread: unreadThread.documentId, body: 'From the firm', authorType: 'staff' } as never });
    const readThread = await f.docs('thread').create({ data: { client: clientA.documentId, subject: 'Our own question' } as never });
    await f.docs('message').create({ data: { thread: readThread.documentId, body: 'From the client', authorType: 'contact' } as never });
    await f.docs('thread').create({ data: { client: clientA.documentId, subject: 'No messages yet' } as never });
    const threadB = await f.docs('thread').create({ data: { client: clientB.documentId, subject: 'Beta thread' } as never });
    await f.docs('message').create({ data: { thread: threadB.documentId, body: 'Beta news', authorType: 'staff' } as never });

    // A monthly retainer that started two months ago on the 1st: this month is its current period.
    const now = new Date();
    periodStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
    const started = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)).toISOString().slice(0, 10);
    const retainer = await f.docs('retainer').create({
      data: { client: clientA.documentId, title: 'Advisory retainer', amount: 300000, currency: 'EUR', interval: 'monthly', startDate: started, includedHours: 10 } as never,
    });
    for (const [date, hours] of [[isoDay(0), 2.5], [periodStart, 1.25], [started, 6]] as const) {
      await f.docs('time-entry').create({ data: { retainer: retainer.documentId, date, hours, description: 'Advice' } as never });
    }
    await f.docs('retainer').create({
      data: { client: clientA.documentId, title: 'Paused retainer', amount: 1000, interval: 'monthly', startDate: started, state: 'paused' } as never,
    });
  });
  afterAll(async () => app?.stop());

  it('shows a billing contact what is due, in each currency, and the retainer hours left', async () => {
    const { body } = await get('billingA').expect(200);
    const { data } = body;
    expect(data.invoicesDue).toHaveLength(2);
    expect(data.invoicesDue).toEqual(
      expect.arrayContaining([
        { documentId: eurInvoice.documentId, number: eurInvoice.number, status: 'issued', dueDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), balance: { amount: 178500, currency: 'EUR' } },
        { documentId: usdInvoice.documentId, number: usdInvoice.number, status: 'partially_paid', dueDate: expect.any(String), balance: { amount: 30000, currency: 'USD' } },
      ])
    );
    // The credit left on a credit note is neither listed as due nor taken off what is due.
    expect(data.totalsDue).toEqual([
      { amount: 178500, currency: 'EUR' },
      { amount: 30000, currency: 'USD' },
    ]);
    const stored = await app.strapi.db.query('plugin::clientia.invoice').findMany({ where: { documentId: { $in: [creditLeft.documentId, usedUp.documentId] } } });
    expect(stored.map((note: { state: string; balance: string }) => [note.state, Number(note.balance)]).sort()).toEqual([
      ['issued', -5000],
      ['paid', 0],
    ]);
    expect(JSON.stringify(data)).not.toContain(creditLeft.documentId);
    expect(JSON.stringify(data)).not.toContain(usedUp.documentId);
    expect(data.hoursLeft).toEqual([
      {
        documentId: expect.any(String),
        title: 'Advisory retainer',
        period: { start: periodStart, end: expect.stringMatching(/^\d{4}-\d\d-01$/) },
        includedHours: 10,
        usedHours: 3.75,
        hoursLeft: 6.25,
      },
    ]);
    expect(data.contractsToSign).toEqual([]);
  });

  it('shows a member no invoice, contract or hours data at all', async () => {
    const { body } = await get('memberA').expect(200);
    expect(body.data).toMatchObject({ invoicesDue: null, totalsDue: null, hoursLeft: null, contractsToSign: null });
    const text = JSON.stringify(body);
    expect(text).not.toContain(eurInvoice.documentId);
    expect(text).not.toContain('balance');
    expect(text).not.toContain('Advisory retainer');
  });

  it('lists only the contracts the caller is to sign, until they have signed', async () => {
    const owner = await get('ownerA').expect(200);
    expect(owner.body.data.contractsToSign).toEqual([
      { documentId: ownersContract.documentId, number: expect.any(String), title: 'Owner signs this SOW', status: 'sent', sentAt: expect.any(String) },
    ]);
    const admin = await get('adminA').expect(200);
    expect(admin.body.data.contractsToSign.map((c: Doc) => c.documentId)).toEqual([adminsContract.documentId]);

    const ownerUser = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: world.emails.ownerA } });
    // Recorded as the signing flow records it (an audit entry, written directly).
    await app.strapi.db.query('plugin::clientia.signature-event').create({
      data: { contract: ownersContract.id, client: world.clientA.id, type: 'signed', contractVersion: 1, user: ownerUser.id, occurredAt: new Date(), hash: 'a'.repeat(64) },
    });
    const signed = await get('ownerA').expect(200);
    expect(signed.body.data.contractsToSign).toEqual([]);
  });

  it('lists the milestones of the next 30 days that are not done, with their project', async () => {
    const { body } = await get('memberA').expect(200);
    expect(body.data.milestonesComing).toEqual([
      { documentId: expect.any(String), title: 'Design sign-off', dueDate: isoDay(5), status: 'pending', project: { documentId: expect.any(String), name: 'Website relaunch' } },
      { documentId: expect.any(String), title: 'Content freeze', dueDate: isoDay(12), status: 'in_progress', project: expect.objectContaining({ name: 'Website relaunch' }) },
    ]);
  });

  it('counts the threads with a message the client has not read', async () => {
    expect((await get('memberA').expect(200)).body.data.unreadThreads).toBe(1);
    expect((await get('contactAB').expect(200)).body.data.unreadThreads).toBe(1);

    const [thread] = (await get('memberA', '/threads?sort=subject:asc&status=open').expect(200)).body.data.filter((t: { unread: boolean }) => t.unread);
    await app.http().post(`/api/clientia/threads/${thread.documentId}/read`).set('Authorization', world.auth.memberA!).send({}).expect(200);
    expect((await get('ownerA').expect(200)).body.data.unreadThreads).toBe(0);
    await f.docs('message').create({ data: { thread: thread.documentId, body: 'A later answer', authorType: 'staff' } as never });
    expect((await get('ownerA').expect(200)).body.data.unreadThreads).toBe(1);
  });

  it('shows a contact acting for B only B’s figures, and A’s personas nothing of B', async () => {
    const asB = await get('contactAB').expect(200);
    // contactAB is a member of B: no billing data there.
    expect(asB.body.data.invoicesDue).toBeNull();
    const ownerB = await get('contactB').expect(200);
    expect(ownerB.body.data.invoicesDue.map((i: Doc) => i.documentId)).toEqual([foreignInvoice.documentId]);
    expect(ownerB.body.data.milestonesComing.map((m: { title: string }) => m.title)).toEqual(['Beta cut-over']);
    expect(JSON.stringify(ownerB.body)).not.toContain(eurInvoice.documentId);

    for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA'] as const) {
      const text = JSON.stringify((await get(persona).expect(200)).body);
      expect(text).not.toContain('Beta');
      expect(text).not.toContain(foreignInvoice.documentId);
      expect(text).not.toContain(world.clientB.documentId);
    }
  });

  it('takes a fixed number of queries however many records there are', async () => {
    // Only the statements of the dashboard request: none of the work running beside it.
    const queries = () => countRequestStatements(app.strapi, () => get('ownerA').expect(200));
    const before = await queries();
    for (let i = 0; i < 3; i += 1) await f.invoice(world.clientA, { state: 'issued' });
    const project = await f.docs('project').create({ data: { client: world.clientA.documentId, name: `Extra ${Date.now()}` } as never });
    await f.docs('milestone').create({ data: { project: project.documentId, title: 'Extra step', dueDate: isoDay(2) } as never });
    expect(await queries()).toBe(before);
  });

  it('counts the statements of the request, not those of work running beside it', async () => {
    const connection = app.strapi.db.connection;
    const alone = await countRequestStatements(app.strapi, () => get('ownerA').expect(200));
    expect(alone).toBeGreaterThan(0);

    // The async context of this test, outside any request: the one a timer, a cron task or the
    // email outbox drain runs in.
    const outside = AsyncLocalStorage.snapshot();
    const isProbe = (sql: string) => /^select 1 as probe$/i.test(sql.trim());
    const probe = () => connection.raw('select 1 as probe').then(() => undefined);

    /**
     * The dashboard request, while each of its statements sets off one more statement at once —
     * from this test's context (`fromOutside`) or from the request's own — and an outbox drain
     * runs from this test's context. All of it is issued and awaited before the count is read.
     */
    const countWithWorkBeside = async (fromOutside: boolean) => {
      const started: Promise<unknown>[] = [];
      let probesSeen = 0;
      const setOff = (query: { sql: string }) => {
        if (isProbe(query.sql)) probesSeen += 1;
        else if (app.strapi.requestContext.get()) started.push(fromOutside ? outside(probe) : probe());
      };
      connection.on('query', setOff);
      try {
        const count = await countRequestStatements(app.strapi, async () => {
          const drained = outside(() => drainOutbox(app.strapi));
          await get('ownerA').expect(200);
          await Promise.all([drained, ...started]);
        });
        return { count, setOff: started.length, probesSeen };
      } finally {
        connection.off('query', setOff);
      }
    };

    const beside = await countWithWorkBeside(true);
    expect(beside.setOff).toBe(alone);
    expect(beside.probesSeen).toBe(alone);
    expect(beside.count).toBe(alone);

    // The same statements issued from the request's own context are the request's: counted.
    const within = await countWithWorkBeside(false);
    expect(within.setOff).toBe(alone);
    expect(within.count).toBe(2 * alone);
  });

  it('is open to every role and refuses unknown query keys and other callers', async () => {
    for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA', 'contactB', 'contactAB'] as const) await get(persona).expect(200);
    expect((await get('apiToken')).status).toBe(403);
    expect([401, 403]).toContain((await get('anonymous')).status);
    expect([401, 403]).toContain((await get('blocked')).status);
    const unknown = await get('ownerA', '/dashboard?populate=*').expect(400);
    expect(unknown.body.error.message).toContain('populate');
  });
});
