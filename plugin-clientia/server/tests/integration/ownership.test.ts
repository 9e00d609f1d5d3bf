import { fieldOf, fixtures, refused } from '../helpers/fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('records that hang off another record', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
  });
  afterAll(async () => app?.stop());

  const clientOf = async (uid: string, id: number | string) =>
    (await app.strapi.db.query(uid as 'plugin::clientia.seat').findOne({ where: { id }, populate: ['client'] })).client?.documentId;

  it('take the client of their parent: payments, milestones, messages', async () => {
    const client = await f.client();
    const other = await f.client();
    const invoice = await f.invoice(client, { state: 'issued' });
    const payment = await f.payment(invoice, 100, { client: other.documentId, currency: 'JPY' });
    expect(await clientOf('plugin::clientia.payment', payment.id)).toBe(client.documentId);
    const stored = await app.strapi.db.query('plugin::clientia.payment').findOne({ where: { id: payment.id } });
    expect(stored.currency).toBe('EUR');

    const project = await f.docs('project').create({ data: { client: client.documentId, name: 'Migration' } as never });
    const milestone = await f.docs('milestone').create({ data: { project: project.documentId, client: other.documentId, title: 'Cut-over', state: 'done' } as never });
    expect(await clientOf('plugin::clientia.milestone', milestone.id)).toBe(client.documentId);
    expect(milestone.completedAt).toBeTruthy();

    const thread = await f.docs('thread').create({ data: { client: client.documentId, subject: 'Kick-off dates' } as never });
    const message = await f.docs('message').create({ data: { thread: thread.documentId, client: other.documentId, body: 'Does Monday work?', authorType: 'contact' } as never });
    expect(await clientOf('plugin::clientia.message', message.id)).toBe(client.documentId);
    const updatedThread = await app.strapi.db.query('plugin::clientia.thread').findOne({ where: { id: thread.id } });
    expect(updatedThread.lastMessageAt).toBeTruthy();
    expect(updatedThread.clientReadAt).toBeTruthy();
  });

  it('refuses orphans, naming the missing parent', async () => {
    const client = await f.client();
    expect(fieldOf(await refused(f.docs('invoice').create({ data: { currency: 'EUR', lineItems: [] } as never })))).toBe('client');
    expect(fieldOf(await refused(f.docs('seat').create({ data: { assigneeName: 'Nobody' } as never })))).toBe('licence');
    expect(fieldOf(await refused(f.docs('milestone').create({ data: { title: 'Floating' } as never })))).toBe('project');
    expect(fieldOf(await refused(f.docs('payment').create({ data: { amount: 5, receivedOn: '2026-01-01' } as never })))).toBe('invoice');
    expect(fieldOf(await refused(f.docs('membership').create({ data: { client: client.documentId, role: 'member' } as never })))).toBe('user');
  });

  it('keeps time entries inside one client', async () => {
    const client = await f.client();
    const other = await f.client();
    const retainer = await f.docs('retainer').create({ data: { client: client.documentId, title: 'Support', amount: 500000, startDate: '2026-01-01' } as never });
    const foreignProject = await f.docs('project').create({ data: { client: other.documentId, name: 'Elsewhere' } as never });
    expect(retainer.nextRunDate).toBe('2026-01-01');
    const entry = await f.docs('time-entry').create({ data: { retainer: retainer.documentId, date: '2026-11-02', hours: 2.5 } as never });
    expect(await clientOf('plugin::clientia.time-entry', entry.id)).toBe(client.documentId);
    expect(fieldOf(await refused(f.docs('time-entry').create({ data: { retainer: retainer.documentId, project: foreignProject.documentId, date: '2026-11-02', hours: 1 } as never })))).toBe('retainer');
    expect(fieldOf(await refused(f.docs('time-entry').create({ data: { retainer: retainer.documentId, date: '2026-11-02', hours: 25 } as never })))).toBe('hours');
  });

  it('lets one person join a client once', async () => {
    const client = await f.client();
    const user = await app.strapi.documents('plugin::users-permissions.user').create({
      data: { username: 'twice', email: 'twice@client.example', password: 'Twice-Pa55word', provider: 'local', confirmed: true } as never,
    });
    await f.docs('membership').create({ data: { client: client.documentId, user: user.documentId, role: 'owner' } as never });
    const error = await refused(f.docs('membership').create({ data: { client: client.documentId, user: user.documentId, role: 'member' } as never }));
    expect(fieldOf(error)).toBe('user');
  });

  it('does not let a client with invoices be deleted', async () => {
    const client = await f.client();
    await f.invoice(client);
    expect(fieldOf(await refused(f.docs('client').delete({ documentId: client.documentId })))).toBe('state');
  });
});
