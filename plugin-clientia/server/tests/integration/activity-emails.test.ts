import { adminApi, contactAccount, moreFixtures } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { clearOutbox, deliverQueued, readOutbox } from '../helpers/outbox';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

type Row = Record<string, unknown> & { id: number; documentId: string };

describe('emails about the firm’s activity: invitations, messages and shared documents', () => {
  let app: TestApp;
  let admin: ReturnType<typeof adminApi>;
  let client: Row;
  let author: { id: number };

  const sent = async () => {
    await deliverQueued(app.strapi);
    return readOutbox(app.outboxDir);
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { PORTAL_URL: 'https://portal.quay.example' } });
    admin = adminApi(app, await adminToken(app));
    await app.strapi.documents('plugin::clientia.branding').create({ data: { firmName: 'Quay & Co', emailSenderAddress: 'hello@quay.example' } as never });
    client = (await fixtures(app).client({ name: 'Harbour Freight', preferredLocale: 'en-GB' })) as unknown as Row;
    const more = moreFixtures(app);
    for (const [email, messages] of [
      ['wants@harbour.example', true],
      ['quiet@harbour.example', false],
    ] as const) {
      const { user } = await contactAccount(app, email);
      await more.membership(client, user.id, { role: 'owner', notificationPreferences: { messages, documents: messages } });
      if (messages) author = user;
    }
  });
  afterAll(async () => app?.stop());
  beforeEach(async () => {
    await deliverQueued(app.strapi);
    clearOutbox(app.outboxDir);
  });

  it('emails an invited contact the link to accept, in the client’s language, from the firm', async () => {
    const response = await admin
      .post(`/clientia/clients/${client.documentId}/invitations`, { email: 'new@harbour.example', name: 'Nia New', role: 'member' })
      .expect(201);
    const [mail, ...rest] = await sent();
    expect(rest).toEqual([]);
    expect(mail!.headers.to).toContain('new@harbour.example');
    expect(mail!.headers.from).toContain('hello@quay.example');
    expect(mail!.body).toContain(response.body.data.inviteUrl);
    expect(mail!.raw).not.toMatch(/clientia|strapi/i);
  });

  it('tells the contacts who want it that the firm wrote, without the message itself; a contact’s own message sends nothing', async () => {
    const thread = (await moreFixtures(app).thread(client, { subject: 'Quarter close' })) as unknown as Row;
    await admin.post(`/clientia/threads/${thread.documentId}/messages`, { body: 'The confidential figures are attached.' }).expect(201);
    const mail = await sent();
    expect(mail.map((m) => m.headers.to)).toEqual([expect.stringContaining('wants@harbour.example')]);
    expect(mail[0]!.body).toContain('Quarter close');
    expect(mail[0]!.body).toContain(`https://portal.quay.example/messages/${thread.documentId}`);
    expect(mail[0]!.body).not.toContain('confidential figures');

    clearOutbox(app.outboxDir);
    await moreFixtures(app).contactMessage(thread, author.id, 'Thanks, received.');
    expect(await sent()).toEqual([]);
  });

  it('tells the contacts who want it when the firm shares a document, once', async () => {
    const document = (await moreFixtures(app).document(client, { title: 'Audit report 2026', folder: 'Reports', visibility: 'internal' })) as unknown as Row;
    expect(await sent()).toEqual([]);
    await app.strapi.documents('plugin::clientia.document').update({ documentId: document.documentId, data: { visibility: 'shared' } as never });
    await app.strapi.documents('plugin::clientia.document').update({ documentId: document.documentId, data: { folder: 'Reports 2026' } as never });
    const mail = await sent();
    expect(mail.map((m) => m.headers.to)).toEqual([expect.stringContaining('wants@harbour.example')]);
    expect(mail[0]!.body).toContain('Audit report 2026');
  });
});
