import { adminApi, contactAccount, isoDay, moreFixtures } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { countRequestStatements } from '../helpers/statement-count';
import { adminToken, portalUser, startTestApp, type TestApp } from '../helpers/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ROUTES: [method: 'get' | 'post' | 'put', path: string][] = [
  ['get', '/clientia/overview'],
  ['get', '/clientia/clients'],
  ['get', '/clientia/clients/some-client'],
  ['post', '/clientia/clients/some-client/invitations'],
  ['get', '/clientia/clients/some-client/preview'],
  ['get', '/clientia/threads'],
  ['get', '/clientia/threads/some-thread'],
  ['post', '/clientia/threads/some-thread/messages'],
  ['put', '/clientia/threads/some-thread/state'],
  ['get', '/clientia/branding'],
  ['put', '/clientia/branding'],
];

describe('admin API: what staff see and do', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  let more: ReturnType<typeof moreFixtures>;
  let api: ReturnType<typeof adminApi>;
  let staffId: number;

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
    more = moreFixtures(app);
    api = adminApi(app, await adminToken(app));
    staffId = (await app.strapi.db.query('admin::user').findOne({ where: { email: 'staff@firm.example' } })).id;
  });
  afterAll(async () => app?.stop());

  describe('without an admin token', () => {
    let contactJwt: string;
    beforeAll(async () => {
      contactJwt = (await portalUser(app, 'signed-in@client.example')).jwt;
    });

    it.each(ROUTES)('%s %s answers 401, to anonymous callers and portal contacts alike', async (method, path) => {
      await adminApi(app)[method](path).expect(401);
      await adminApi(app, contactJwt)[method](path).expect(401);
    });
  });

  describe('GET /clientia/overview', () => {
    let overview: Json;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const eur = await f.client({ name: 'Overdue Holdings', state: 'active' });
      const usd = await f.client({ name: 'Dollar Partners', currency: 'USD', state: 'paused' });
      ids.eur = eur.documentId;

      // 10 × 150.00 + 19 % = 1,785.00, of which 500.00 paid: 1,285.00 open, ten days late.
      const late = await f.invoice(eur, { state: 'issued', issueDate: isoDay(-40), dueDate: isoDay(-10) });
      await f.payment(late, 50000);
      ids.late = late.documentId;
      const notDue = await f.invoice(eur, { state: 'issued', issueDate: isoDay(-5), dueDate: isoDay(20) });
      ids.notDue = notDue.documentId;
      const marked = await f.invoice(usd, {
        state: 'issued',
        currency: 'USD',
        issueDate: isoDay(-3),
        dueDate: isoDay(-1),
        lineItems: [{ description: 'Audit', quantity: 1, unitPrice: 99900, taxRate: 0 }],
      });
      await f.docs('invoice').update({ documentId: marked.documentId, data: { state: 'overdue' } as never });
      ids.marked = marked.documentId;
      const draft = await f.invoice(eur, { dueDate: isoDay(-30) });
      ids.draft = draft.documentId;

      ids.sent = (await f.contract(eur, { title: 'Statement of work', kind: 'sow', state: 'sent' })).documentId;
      ids.draftContract = (await f.contract(eur, { title: 'Draft NDA', kind: 'nda' })).documentId;
      ids.renewing = (await f.contract(eur, { title: 'Support agreement', state: 'active', renewalDate: isoDay(10) })).documentId;
      ids.endingLater = (await f.contract(eur, { title: 'Old MSA', state: 'active', endDate: isoDay(45) })).documentId;

      ids.soon = (await more.retainer(eur, { nextRunDate: isoDay(3) })).documentId;
      ids.later = (await more.retainer(eur, { nextRunDate: isoDay(20) })).documentId;
      ids.paused = (await more.retainer(eur, { nextRunDate: isoDay(1), state: 'paused' })).documentId;

      const licence = await f.licence(eur, 3, { renewalDate: isoDay(5) });
      await f.seat(licence, { assigneeName: 'Ada', assigneeEmail: 'ada@client.example' });
      await f.seat(licence, { assigneeName: 'Bo', assigneeEmail: 'bo@client.example' });
      await f.seat(licence);
      ids.licence = licence.documentId;
      ids.farLicence = (await f.licence(eur, 1, { renewalDate: isoDay(31) })).documentId;

      const contact = await contactAccount(app, 'asker@client.example');
      const open = await more.thread(eur, { subject: 'Question about the audit' });
      await more.contactMessage(open, contact.user.id);
      ids.open = open.documentId;
      ids.closed = (await more.thread(eur, { subject: 'Done', state: 'closed' })).documentId;

      overview = (await api.get('/clientia/overview').expect(200)).body.data;
    });

    it('lists overdue invoices with their open balance and days overdue, and sums them per currency', () => {
      const late = overview.overdueInvoices.find((i: Json) => i.documentId === ids.late);
      expect(late).toEqual({
        documentId: ids.late,
        number: expect.stringMatching(/^INV-/),
        client: { documentId: ids.eur, name: 'Overdue Holdings' },
        dueDate: isoDay(-10),
        balance: { amount: 128500, currency: 'EUR' },
        daysOverdue: 10,
      });
      const marked = overview.overdueInvoices.find((i: Json) => i.documentId === ids.marked);
      expect(marked).toMatchObject({ balance: { amount: 99900, currency: 'USD' }, daysOverdue: 1 });
      const listed = overview.overdueInvoices.map((i: Json) => i.documentId);
      expect(listed).not.toContain(ids.notDue);
      expect(listed).not.toContain(ids.draft);
      expect(overview.overdueTotals).toEqual([
        { amount: 128500, currency: 'EUR' },
        { amount: 99900, currency: 'USD' },
      ]);
    });

    it('lists contracts awaiting signature, retainers about to bill and seat use', () => {
      expect(overview.contractsAwaitingSignature).toEqual([
        {
          documentId: ids.sent,
          number: expect.stringMatching(/^CTR-/),
          title: 'Statement of work',
          client: { documentId: ids.eur, name: 'Overdue Holdings' },
          state: 'sent',
          sentAt: expect.any(String),
        },
      ]);
      expect(overview.retainersAboutToBill).toEqual([
        {
          documentId: ids.soon,
          title: 'Monthly advisory',
          client: { documentId: ids.eur, name: 'Overdue Holdings' },
          nextRunDate: isoDay(3),
          amount: { amount: 250000, currency: 'EUR' },
          interval: 'monthly',
        },
      ]);
      expect(overview.seatUtilisation.find((l: Json) => l.documentId === ids.licence)).toEqual({
        documentId: ids.licence,
        product: 'Matter Vault',
        plan: 'Team',
        client: { documentId: ids.eur, name: 'Overdue Holdings' },
        assigned: 2,
        purchased: 3,
      });
    });

    it('lists open threads with their unread marker, and renewals inside the next 30 days only', () => {
      expect(overview.openThreads).toEqual([
        {
          documentId: ids.open,
          subject: 'Question about the audit',
          client: { documentId: ids.eur, name: 'Overdue Holdings' },
          lastMessageAt: expect.any(String),
          unreadByStaff: true,
        },
      ]);
      expect(overview.renewals).toEqual([
        { kind: 'licence', documentId: ids.licence, label: 'Matter Vault (Team)', client: { documentId: ids.eur, name: 'Overdue Holdings' }, date: isoDay(5) },
        {
          kind: 'contract',
          documentId: ids.renewing,
          label: expect.stringMatching(/^CTR-\S+ Support agreement$/),
          client: { documentId: ids.eur, name: 'Overdue Holdings' },
          date: isoDay(10),
        },
      ]);
    });

    it('counts clients, active clients and memberships', async () => {
      expect(overview.counts).toEqual({
        clients: await app.strapi.db.query('plugin::clientia.client').count(),
        activeClients: await app.strapi.db.query('plugin::clientia.client').count({ where: { state: 'active' } }),
        memberships: await app.strapi.db.query('plugin::clientia.membership').count(),
      });
    });

    it('drops the unread marker once staff open the thread', async () => {
      await api.get(`/clientia/threads/${ids.open}`).expect(200);
      const after = (await api.get('/clientia/overview').expect(200)).body.data;
      expect(after.openThreads.find((t: Json) => t.documentId === ids.open).unreadByStaff).toBe(false);
    });
  });

  describe('GET /clientia/clients', () => {
    it('pages through clients by name, with contacts and open balance, filtered by state and name', async () => {
      const client = await f.client({ name: 'Zephyr Listing Co', state: 'prospect' });
      await f.client({ name: 'Zephyr Other Ltd', state: 'archived' });
      const one = await contactAccount(app, 'one@zephyr.example');
      const two = await contactAccount(app, 'two@zephyr.example');
      await more.membership(client, one.user.id);
      await more.membership(client, two.user.id, { role: 'owner' });
      const invoice = await f.invoice(client, { state: 'issued' });
      await f.payment(invoice, 78500);
      await f.invoice(client); // a draft owes nothing

      const response = await api.get('/clientia/clients').query({ q: 'zephyr', state: 'prospect' }).expect(200);
      expect(response.body).toEqual({
        data: [
          {
            documentId: client.documentId,
            name: 'Zephyr Listing Co',
            state: 'prospect',
            currency: 'EUR',
            portalEnabled: true,
            contacts: 2,
            openBalance: { amount: 100000, currency: 'EUR' },
          },
        ],
        meta: { pagination: { page: 1, pageSize: 25, total: 1, pageCount: 1 } },
      });

      const paged = await api.get('/clientia/clients').query({ q: 'Zephyr', page: 2, pageSize: 1 }).expect(200);
      expect(paged.body.data.map((c: Json) => c.name)).toEqual(['Zephyr Other Ltd']);
      expect(paged.body.meta.pagination).toEqual({ page: 2, pageSize: 1, total: 2, pageCount: 2 });
    });

    it('accepts a page size of 100 and no more', async () => {
      await api.get('/clientia/clients').query({ pageSize: 100 }).expect(200);
      const response = await api.get('/clientia/clients').query({ pageSize: 101 }).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['pageSize']);
    });
  });

  describe('GET /clientia/clients/:documentId', () => {
    it('shows everything about one client to staff, internal notes included', async () => {
      const client = await f.client({
        name: 'Full Picture GmbH',
        legalName: 'Full Picture Gesellschaft mbH',
        billingEmail: 'ap@fullpicture.example',
        taxId: 'DE123456789',
        preferredLocale: 'de-DE',
        timezone: 'Europe/Berlin',
        internalNotes: 'Pays late every December',
        accountManager: staffId,
      });
      const contact = await contactAccount(app, 'owner@fullpicture.example');
      await more.membership(client, contact.user.id, { role: 'owner', signatory: true });

      const startOfMonth = `${isoDay().slice(0, 8)}01`;
      const start = new Date(`${startOfMonth}T00:00:00Z`);
      start.setUTCMonth(start.getUTCMonth() - 2);
      const retainer = await more.retainer(client, { startDate: start.toISOString().slice(0, 10), includedHours: 10 });
      await more.timeEntry(retainer, isoDay(), 3.5);
      await more.timeEntry(retainer, startOfMonth, 2);
      const lastMonth = new Date(`${startOfMonth}T00:00:00Z`);
      lastMonth.setUTCDate(0);
      await more.timeEntry(retainer, lastMonth.toISOString().slice(0, 10), 4);

      const eurInvoice = await f.invoice(client, { state: 'issued' });
      await f.payment(eurInvoice, 8500);
      await f.invoice(client, { state: 'issued', currency: 'USD', lineItems: [{ description: 'US filing', quantity: 2, unitPrice: 10000, taxRate: 0 }] });
      const paid = await f.invoice(client, { state: 'issued', lineItems: [{ description: 'Paid', quantity: 1, unitPrice: 100, taxRate: 0 }] });
      await f.payment(paid, 100);

      const contract = await f.contract(client, { value: 1200000, state: 'sent', effectiveDate: '2026-01-01' });
      const licence = await f.licence(client, 2);
      await f.seat(licence, { assigneeName: 'Ida', assigneeEmail: 'ida@fullpicture.example' });
      const shared = await more.document(client, { title: 'Annual report' });
      const internal = await more.document(client, { title: 'Fee calculation', visibility: 'internal' });
      const project = await more.project(client, { name: 'Migration', state: 'active', progress: 40 });
      await more.milestone(project, { title: 'Second', order: 2 });
      await more.milestone(project, { title: 'First', order: 1, state: 'done' });
      const thread = await more.thread(client, { subject: 'Kick-off' });

      const { data } = (await api.get(`/clientia/clients/${client.documentId}`).expect(200)).body;
      expect(data.client).toEqual({
        documentId: client.documentId,
        name: 'Full Picture GmbH',
        legalName: 'Full Picture Gesellschaft mbH',
        state: 'active',
        billingEmail: 'ap@fullpicture.example',
        billingAddress: null,
        taxId: 'DE123456789',
        currency: 'EUR',
        locale: 'de-DE',
        timezone: 'Europe/Berlin',
        portalEnabled: true,
        accountManager: { id: staffId, name: 'Firm Staff' },
        internalNotes: 'Pays late every December',
      });
      expect(data.contacts).toEqual([
        {
          membershipId: expect.any(String),
          userId: contact.user.id,
          name: 'owner',
          email: 'owner@fullpicture.example',
          role: 'owner',
          signatory: true,
          invitedAt: null,
          acceptedAt: null,
          invitationExpiresAt: null,
          deactivatedAt: null,
          blocked: false,
        },
      ]);
      expect(data.retainers).toEqual([
        expect.objectContaining({ documentId: retainer.documentId, includedHours: 10, hoursThisPeriod: 5.5, amount: { amount: 250000, currency: 'EUR' } }),
      ]);
      expect(data.invoices).toHaveLength(3);
      expect(data.invoices.find((i: Json) => i.documentId === eurInvoice.documentId)).toMatchObject({
        state: 'partially_paid',
        total: { amount: 178500, currency: 'EUR' },
        balance: { amount: 170000, currency: 'EUR' },
      });
      expect(data.balance).toEqual([
        { amount: 170000, currency: 'EUR' },
        { amount: 20000, currency: 'USD' },
      ]);
      expect(data.contracts).toEqual([
        expect.objectContaining({ documentId: contract.documentId, state: 'sent', effectiveDate: '2026-01-01', value: { amount: 1200000, currency: 'EUR' } }),
      ]);
      expect(data.licences).toEqual([
        expect.objectContaining({
          documentId: licence.documentId,
          purchased: 2,
          assigned: 1,
          seats: [expect.objectContaining({ assigneeName: 'Ida', assigneeEmail: 'ida@fullpicture.example' })],
        }),
      ]);
      expect(data.documents.map((d: Json) => [d.documentId, d.visibility]).sort()).toEqual(
        [
          [shared.documentId, 'shared'],
          [internal.documentId, 'internal'],
        ].sort()
      );
      expect(data.projects).toEqual([
        expect.objectContaining({
          documentId: project.documentId,
          progress: 40,
          milestones: [expect.objectContaining({ title: 'First', state: 'done' }), expect.objectContaining({ title: 'Second', state: 'pending' })],
        }),
      ]);
      expect(data.threads).toEqual([{ documentId: thread.documentId, subject: 'Kick-off', state: 'open', lastMessageAt: null }]);
      expect(data.activity.length).toBeGreaterThan(0);
      expect(data.activity[0]).toEqual(
        expect.objectContaining({ actorType: expect.any(String), verb: expect.any(String), subjectType: expect.any(String) })
      );
      expect(JSON.stringify(data)).not.toMatch(/password|inviteTokenHash|resetPasswordToken/);
    });
  });

  describe('GET /clientia/clients/:documentId/preview', () => {
    it('shows only what the client may see: no drafts, internal documents, internal notes or staff-only activity', async () => {
      const client = await f.client({ name: 'Preview Partners', preferredLocale: 'en-GB', internalNotes: 'SECRET-CLIENT-NOTE' });
      const issued = await f.invoice(client, { state: 'issued', internalNotes: 'SECRET-INVOICE-NOTE' });
      await f.invoice(client, { internalNotes: 'SECRET-DRAFT-INVOICE-NOTE', notes: 'SECRET-DRAFT-INVOICE' });
      await f.contract(client, { title: 'SECRET-DRAFT-CONTRACT' });
      await f.contract(client, { title: 'Engagement letter', state: 'sent', internalNotes: 'SECRET-CONTRACT-NOTE' });
      await more.document(client, { title: 'Shared brief' });
      await more.document(client, { title: 'SECRET-INTERNAL-DOCUMENT', visibility: 'internal' });
      const project = await more.project(client, { name: 'Website', internalNotes: 'SECRET-PROJECT-NOTE' });
      await more.milestone(project, { title: 'Launch' });
      await more.thread(client, { subject: 'Welcome' });
      await more.staffOnlyActivity(client, 'SECRET-STAFF-ACTIVITY');
      await f.docs('client').update({ documentId: client.documentId, data: { internalNotes: 'SECRET-CLIENT-NOTE, updated' } as never });

      const response = await api.get(`/clientia/clients/${client.documentId}/preview`).expect(200);
      const json = JSON.stringify(response.body);
      expect(json).not.toMatch(/SECRET/);
      const { data } = response.body;
      expect(data.client).toEqual({ name: 'Preview Partners', currency: 'EUR', locale: 'en-GB' });
      expect(data.invoices).toEqual([
        {
          number: issued.number,
          state: 'issued',
          issueDate: issued.issueDate,
          dueDate: issued.dueDate,
          total: { amount: 178500, currency: 'EUR' },
          balance: { amount: 178500, currency: 'EUR' },
        },
      ]);
      expect(data.contracts).toEqual([{ number: expect.stringMatching(/^CTR-/), title: 'Engagement letter', state: 'sent' }]);
      expect(data.documents).toEqual([{ title: 'Shared brief', folder: 'Reports', version: 1 }]);
      expect(data.projects).toEqual([{ name: 'Website', state: 'planned', progress: 0, milestones: [{ title: 'Launch', state: 'pending', dueDate: null }] }]);
      expect(data.threads).toEqual([{ subject: 'Welcome', state: 'open', lastMessageAt: null }]);
      expect(data.activity.length).toBeGreaterThan(0);
      for (const entry of data.activity) expect(Object.keys(entry).sort()).toEqual(['actorLabel', 'occurredAt', 'subjectLabel', 'verb']);
      expect(data.activity.map((a: Json) => a.subjectLabel)).toEqual(expect.arrayContaining([`Invoice ${issued.number}`, 'Document Shared brief']));
    });
  });

  describe('threads', () => {
    let client: { documentId: string };
    let contact: { user: { id: number } };

    beforeAll(async () => {
      client = await f.client({ name: 'Inbox Clients' });
      contact = await contactAccount(app, 'writer@inbox.example');
    });

    it('lists threads across clients by state, with message counts and unread markers', async () => {
      const busy = await more.thread(client, { subject: 'Busy thread' });
      await more.contactMessage(busy, contact.user.id, 'First');
      await more.contactMessage(busy, contact.user.id, 'Second');
      const closed = await more.thread(client, { subject: 'Closed thread', state: 'closed' });

      const open = (await api.get('/clientia/threads').query({ state: 'open', pageSize: 100 }).expect(200)).body;
      const listed = open.data.find((t: Json) => t.documentId === busy.documentId);
      expect(listed).toEqual({
        documentId: busy.documentId,
        subject: 'Busy thread',
        state: 'open',
        client: { documentId: client.documentId, name: 'Inbox Clients' },
        lastMessageAt: expect.any(String),
        unreadByStaff: true,
        messageCount: 2,
      });
      expect(open.data.every((t: Json) => t.state === 'open')).toBe(true);
      const closedList = (await api.get('/clientia/threads').query({ state: 'closed' }).expect(200)).body;
      expect(closedList.data.map((t: Json) => t.documentId)).toContain(closed.documentId);
      expect(closedList.data.every((t: Json) => t.state === 'closed')).toBe(true);

      const all = (await api.get('/clientia/threads').query({ pageSize: 1 }).expect(200)).body;
      expect(all.data).toHaveLength(1);
      expect(all.meta.pagination).toEqual({ page: 1, pageSize: 1, total: await f.count('thread'), pageCount: await f.count('thread') });
    });

    it("names contacts as the firm knows them, from their membership of the thread's client", async () => {
      const named = await f.client({ name: 'Named Contacts' });
      const writer = await contactAccount(app, 'wanda@named.example');
      await app.strapi.documents('plugin::clientia.membership').create({
        data: { client: named.documentId, user: writer.user.id, name: 'Wanda Okafor', role: 'member' } as never,
      });
      const thread = await more.thread(named, { subject: 'Who am I?' });
      await more.contactMessage(thread, writer.user.id, 'Hi, it is Wanda');
      const { data } = (await api.get(`/clientia/threads/${thread.documentId}`).expect(200)).body;
      expect(data.messages.map((m: Json) => m.authorName)).toEqual(['Wanda Okafor']);
    });

    it('shows one thread with its messages oldest first, and marks it read by staff', async () => {
      const thread = await more.thread(client, { subject: 'Read me' });
      await more.contactMessage(thread, contact.user.id, 'Hello');
      await more.contactMessage(thread, contact.user.id, 'Anyone there?');

      const { data } = (await api.get(`/clientia/threads/${thread.documentId}`).expect(200)).body;
      expect(data).toMatchObject({ documentId: thread.documentId, subject: 'Read me', unreadByStaff: false, messageCount: 2 });
      expect(data.messages.map((m: Json) => [m.body, m.authorType, m.authorName])).toEqual([
        ['Hello', 'contact', 'writer'],
        ['Anyone there?', 'contact', 'writer'],
      ]);
      expect(data.messages[0]).toEqual({
        documentId: expect.any(String),
        body: 'Hello',
        authorType: 'contact',
        authorName: 'writer',
        createdAt: expect.any(String),
        attachments: [],
      });
      const stored = await app.strapi.db.query('plugin::clientia.thread').findOne({ where: { documentId: thread.documentId } });
      expect(stored.staffReadAt).not.toBeNull();
    });

    it('posts a staff reply through the rules: the thread moves, the audit log names the staff member', async () => {
      const thread = await more.thread(client, { subject: 'Needs an answer' });
      await more.contactMessage(thread, contact.user.id, 'When is the deadline?');
      const before = await app.strapi.db.query('plugin::clientia.thread').findOne({ where: { documentId: thread.documentId } });

      const response = await api.post(`/clientia/threads/${thread.documentId}/messages`, { body: '  The 31st.  ' }).expect(201);
      expect(response.body.data).toEqual({
        documentId: expect.any(String),
        body: 'The 31st.',
        authorType: 'staff',
        authorName: 'Firm Staff',
        createdAt: expect.any(String),
        attachments: [],
      });
      const message = await app.strapi.db
        .query('plugin::clientia.message')
        .findOne({ where: { documentId: response.body.data.documentId }, populate: ['authorStaff', 'client', 'thread'] });
      expect(message.authorStaff.id).toBe(staffId);
      expect(message.thread.documentId).toBe(thread.documentId);
      expect(message.client.documentId).toBe(client.documentId);
      const after = await app.strapi.db.query('plugin::clientia.thread').findOne({ where: { documentId: thread.documentId } });
      expect(Date.parse(after.lastMessageAt)).toBeGreaterThanOrEqual(Date.parse(before.lastMessageAt));
      expect(Date.parse(after.lastMessageAt)).toBeGreaterThanOrEqual(Date.parse(response.body.data.createdAt));
      expect(after.staffReadAt).not.toBeNull();
      const entry = await app.strapi.db
        .query('plugin::clientia.activity')
        .findOne({ where: { subjectId: response.body.data.documentId }, populate: ['actorStaff'] });
      expect(entry).toMatchObject({ actorType: 'staff', actorLabel: 'Firm Staff', verb: 'created' });
      expect(entry.actorStaff.id).toBe(staffId);
    });

    it('closes and reopens a thread', async () => {
      const thread = await more.thread(client, { subject: 'To close' });
      const closed = await api.put(`/clientia/threads/${thread.documentId}/state`, { state: 'closed' }).expect(200);
      expect(closed.body.data).toMatchObject({ documentId: thread.documentId, state: 'closed', messageCount: 0 });
      expect((await f.docs('thread').findOne({ documentId: thread.documentId }))!.state).toBe('closed');
      await api.put(`/clientia/threads/${thread.documentId}/state`, { state: 'open' }).expect(200);
      expect((await f.docs('thread').findOne({ documentId: thread.documentId }))!.state).toBe('open');
    });
  });

  describe('query counts', () => {
    /** Database queries one request makes (admin auth included, which is the same every time). */
    const queriesFor = (path: string) => countRequestStatements(app.strapi, () => api.get(path).expect(200));

    const addClients = async (n: number) => {
      for (let i = 0; i < n; i += 1) {
        const client = await f.client({ name: `Counted ${i} ${Date.now()}` });
        const contact = await contactAccount(app, `counted-${i}-${Date.now()}@count.example`);
        await more.membership(client, contact.user.id);
        await f.invoice(client, { state: 'issued' });
        const licence = await f.licence(client, 2);
        await f.seat(licence, { assigneeName: 'Someone', assigneeEmail: `seat-${i}-${Date.now()}@count.example` });
        const thread = await more.thread(client);
        await more.contactMessage(thread, contact.user.id);
      }
    };

    it('stay the same however many rows a list or the overview shows', async () => {
      await addClients(2);
      const paths = ['/clientia/clients?q=Counted&pageSize=100', '/clientia/threads?pageSize=100', '/clientia/overview'];
      // Only each request's own statements: work a write leaves running (events reloading the
      // record) is not counted, so there is nothing to wait for.
      const measure = async () => {
        const counts: number[] = [];
        for (const path of paths) counts.push(await queriesFor(path));
        return counts;
      };
      const before = await measure();
      await addClients(5);
      const after = await measure();
      paths.forEach((path, i) => expect([path, after[i]]).toEqual([path, before[i]]));
    });
  });

  describe('branding', () => {
    it('reads the neutral brand, then creates and updates the firm brand', async () => {
      const neutral = (await api.get('/clientia/branding').expect(200)).body.data;
      expect(neutral).toMatchObject({ firmName: 'Client portal', emailSenderAddress: null, logo: null, favicon: null });

      // The first save names the firm.
      const refused = await api.put('/clientia/branding', { primaryColor: '#000000' }).expect(400);
      expect(refused.body.error.details.errors[0].path).toEqual(['firmName']);

      const logo = await app.strapi.db.query('plugin::upload.file').create({
        data: { name: 'logo.png', hash: 'logo_abc', ext: '.png', mime: 'image/png', size: 1.5, url: '/uploads/logo_abc.png', provider: 'local' },
      });
      const saved = await api
        .put('/clientia/branding', {
          firmName: 'Ledger & Lark LLP',
          primaryColor: '#12AB34',
          portalUrl: 'https://portal.ledgerlark.example/',
          supportEmail: 'Help@LedgerLark.example',
          emailSenderName: 'Ledger & Lark',
          emailSenderAddress: 'billing@ledgerlark.example',
          defaultLocale: 'de-ch',
          logo: logo.id,
          firmAddress: '1 Ledger Lane\nLondon EC1A 1AA',
          taxId: 'GB123456789',
        })
        .expect(200);
      expect(saved.body.data).toEqual({
        firmName: 'Ledger & Lark LLP',
        logoUrl: '/uploads/logo_abc.png',
        faviconUrl: null,
        primaryColor: '#12ab34',
        accentColor: '#c8963e',
        portalUrl: 'https://portal.ledgerlark.example',
        supportEmail: 'help@ledgerlark.example',
        footerText: null,
        legalText: null,
        defaultLocale: 'de-CH',
        emailSenderName: 'Ledger & Lark',
        emailSenderAddress: 'billing@ledgerlark.example',
        firmAddress: '1 Ledger Lane\nLondon EC1A 1AA',
        taxId: 'GB123456789',
        paymentInstructions: null,
        logo: { id: logo.id, url: '/uploads/logo_abc.png' },
        favicon: null,
      });
      expect((await api.get('/clientia/branding').expect(200)).body.data).toEqual(saved.body.data);

      const updated = await api.put('/clientia/branding', { footerText: 'Registered in England', logo: null, supportEmail: '' }).expect(200);
      expect(updated.body.data).toMatchObject({ firmName: 'Ledger & Lark LLP', footerText: 'Registered in England', logo: null, logoUrl: null, supportEmail: null });
      expect(await f.count('branding')).toBe(1);

      const publicBrand = (await app.http().get('/api/clientia/branding').expect(200)).body.data;
      expect(publicBrand).toMatchObject({ firmName: 'Ledger & Lark LLP', footerText: 'Registered in England' });
      expect(JSON.stringify(publicBrand)).not.toContain('billing@ledgerlark.example');
    });
  });
});
