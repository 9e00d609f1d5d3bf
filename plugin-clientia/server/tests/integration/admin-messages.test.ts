import { readdir } from 'node:fs/promises';

import { errors } from '@strapi/utils';
import type { Response } from 'supertest';

import { adminApi, moreFixtures, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { leftoverUploads, marked } from '../helpers/leftover-uploads';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const READ = 'plugin::clientia.read';

const pdf = (text: string) => marked(Buffer.from(`%PDF-1.4\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`));
const PNG = marked(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 9)]));
const EXE = marked(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64)]));

const binary = (res: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('admin API: the firm’s messages with files', () => {
  let app: TestApp;
  let world: PortalWorld;
  let f: ReturnType<typeof fixtures>;
  let admin: ReturnType<typeof adminApi>;
  let storageDir: string;
  /** Makes the next message write fail inside its transaction, as a refused rule would. */
  let failMessageWrites = false;

  beforeAll(async () => {
    app = await startTestApp();
    app.strapi.documents.use(async (ctx, next) => {
      if (failMessageWrites && ctx.uid === 'plugin::clientia.message' && ctx.action === 'create') {
        throw new errors.ValidationError('body: refused for the test', { errors: [{ path: ['body'], message: 'refused', name: 'ValidationError' }] });
      }
      return next();
    });
    world = await buildPortalWorld(app);
    f = fixtures(app);
    admin = adminApi(app, await adminToken(app));
    storageDir = process.env.CLIENTIA_DOCUMENTS_DIR!;
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    // Every request of every test leaves no temporary upload behind, whatever it answered.
    expect(leftoverUploads()).toEqual([]);
  });

  const portal = (persona: Persona, method: 'get' | 'post', urlPath: string) => {
    const request = app.http()[method](`/api/clientia${urlPath}`).set('Authorization', world.auth[persona]!);
    const selector = world.selector[persona];
    return selector ? request.set('X-Clientia-Client', selector) : request;
  };
  const portalDownload = (persona: Persona, url: string) => portal(persona, 'get', url.replace('/api/clientia', '')).buffer(true).parse(binary);
  const staffDownload = (url: string, api = admin) => api.get(url).buffer(true).parse(binary);
  const stored = async () => (await readdir(storageDir).catch(() => [] as string[])).sort();
  const fieldOf = (response: Response) => response.body.error?.details?.errors?.[0]?.path?.[0];
  const awaiting = async () => (await admin.get('/clientia/inbox/awaiting').expect(200)).body.data.threads as number;
  const snapshot = async () => ({
    threads: await f.count('thread'),
    messages: await f.count('message'),
    activity: await f.count('activity'),
    stored: await stored(),
  });

  describe('a thread the firm starts', () => {
    let thread: Json;
    const letter = pdf('engagement letter for signature');

    it('starts with the firm’s first message and its files, from the client page', async () => {
      const response = await admin
        .upload(`/clientia/clients/${world.clientA.documentId}/threads`, { subject: 'Your engagement letter', body: 'Please find the letter attached.' }, [
          ['files', letter, 'Engagement letter.pdf'],
          ['files', PNG, 'signature-page.png'],
        ])
        .expect(201);
      thread = response.body.data;
      expect(thread).toMatchObject({ subject: 'Your engagement letter', state: 'open', client: { documentId: world.clientA.documentId }, unreadByStaff: false, messageCount: 1 });
      expect(thread.messages).toHaveLength(1);
      expect(thread.messages[0]).toMatchObject({ authorType: 'staff', authorName: 'Firm Staff', body: 'Please find the letter attached.' });
      expect(thread.messages[0].attachments.map((a: Json) => a.name)).toEqual(['Engagement letter.pdf', 'signature-page.png']);
      expect(JSON.stringify(response.body)).not.toContain('storageKey');

      const row = await app.strapi.db.query('plugin::clientia.thread').findOne({ where: { documentId: thread.documentId }, populate: ['startedByStaff'] });
      expect(row.startedByStaff.email).toBe('staff@firm.example');
      const entry = await app.strapi.db.query('plugin::clientia.activity').findOne({ where: { subjectType: 'thread', subjectId: thread.documentId } });
      expect(entry).toMatchObject({ actorType: 'staff', verb: 'created' });
    });

    it('reaches the client’s contacts, who download each file byte for byte', async () => {
      const listed = await portal('memberA', 'get', '/threads').expect(200);
      expect(listed.body.data.map((t: Json) => t.documentId)).toContain(thread.documentId);
      const detail = await portal('memberA', 'get', `/threads/${thread.documentId}`).expect(200);
      const [message] = detail.body.data.messages;
      expect(message.authorType).toBe('staff');
      const pdfFile = message.attachments.find((a: Json) => a.fileName === 'Engagement letter.pdf');
      const file = await portalDownload('memberA', pdfFile.downloadUrl).expect(200);
      expect(Buffer.compare(file.body as Buffer, letter)).toBe(0);
      await portalDownload('contactB', pdfFile.downloadUrl).expect(404);
    });

    it('lets staff open the same files with their token, never without', async () => {
      const [attachment] = thread.messages[0].attachments;
      const file = await staffDownload(attachment.url).expect(200);
      expect(Buffer.compare(file.body as Buffer, letter)).toBe(0);
      expect(file.headers['content-type']).toBe('application/pdf');
      await app.http().get(attachment.url).expect(401);
    });

    it('takes JSON without files too', async () => {
      const { body } = await admin.post(`/clientia/clients/${world.clientB.documentId}/threads`, { subject: 'Kick-off', body: 'When suits you?' }).expect(201);
      expect(body.data.messages[0].attachments).toEqual([]);
      const seen = await portal('contactB', 'get', `/threads/${body.data.documentId}`).expect(200);
      expect(seen.body.data.subject).toBe('Kick-off');
      await portal('memberA', 'get', `/threads/${body.data.documentId}`).expect(404);
    });
  });

  describe('replies with files', () => {
    let thread: { documentId: string };

    beforeAll(async () => {
      thread = await moreFixtures(app).thread(world.clientA, { subject: 'Payroll questions' });
    });

    it('attaches files to a staff reply; the contact gets them unchanged', async () => {
      const payslip = pdf('corrected payslip');
      const { body } = await admin
        .upload(`/clientia/threads/${thread.documentId}/messages`, { body: 'The corrected payslip.' }, [['files', payslip, 'payslip.pdf']])
        .expect(201);
      expect(body.data).toMatchObject({ authorType: 'staff', body: 'The corrected payslip.' });
      expect(body.data.attachments).toEqual([{ name: 'payslip.pdf', size: payslip.length, url: expect.stringContaining(`/clientia/threads/${thread.documentId}/attachments/`) }]);

      const detail = await portal('billingA', 'get', `/threads/${thread.documentId}`).expect(200);
      const message = detail.body.data.messages.find((m: Json) => m.documentId === body.data.documentId);
      const file = await portalDownload('billingA', message.attachments[0].downloadUrl).expect(200);
      expect(Buffer.compare(file.body as Buffer, payslip)).toBe(0);
    });

    it('opens a contact’s attachment for staff, byte for byte', async () => {
      const scan = pdf('scanned tax notice');
      const posted = await portal('memberA', 'post', `/threads/${thread.documentId}/messages`)
        .field('body', 'The tax notice.')
        .attach('files', scan, { filename: 'notice.pdf', contentType: 'application/pdf' })
        .expect(201);
      const { body } = await admin.get(`/clientia/threads/${thread.documentId}`).expect(200);
      const message = body.data.messages.find((m: Json) => m.documentId === posted.body.data.documentId);
      const file = await staffDownload(message.attachments[0].url).expect(200);
      expect(Buffer.compare(file.body as Buffer, scan)).toBe(0);
    });

    it('still takes a JSON reply', async () => {
      const { body } = await admin.post(`/clientia/threads/${thread.documentId}/messages`, { body: 'Thanks.' }).expect(201);
      expect(body.data.attachments).toEqual([]);
    });
  });

  describe('threads awaiting the firm', () => {
    it('counts open threads with a client’s message staff have not read, and drops one once opened', async () => {
      const start = await awaiting();
      const waiting = await moreFixtures(app).thread(world.clientA, { subject: 'Unanswered' });
      await portal('memberA', 'post', `/threads/${waiting.documentId}/messages`).send({ body: 'Anyone there?' }).expect(201);
      expect(await awaiting()).toBe(start + 1);

      // A closed thread awaits nobody.
      const closed = await moreFixtures(app).thread(world.clientA, { subject: 'Done and dusted' });
      await portal('memberA', 'post', `/threads/${closed.documentId}/messages`).send({ body: 'Thanks, all clear.' }).expect(201);
      await admin.put(`/clientia/threads/${closed.documentId}/state`, { state: 'closed' }).expect(200);
      expect(await awaiting()).toBe(start + 1);

      await admin.get(`/clientia/threads/${waiting.documentId}`).expect(200);
      expect(await awaiting()).toBe(start);
    });

    it('is read with the read action alone', async () => {
      const reader = adminApi(app, (await staffWithActions(app, [READ])).token);
      await reader.get('/clientia/inbox/awaiting').expect(200);
      await adminApi(app).get('/clientia/inbox/awaiting').expect(401);
    });
  });

  describe('refusals', () => {
    let thread: { documentId: string };

    beforeAll(async () => {
      thread = await moreFixtures(app).thread(world.clientA, { subject: 'Refusals' });
    });

    it('gives a read-only staff role 403 on a new thread and a reply with files, writing nothing', async () => {
      const reader = adminApi(app, (await staffWithActions(app, [READ])).token);
      const before = await snapshot();
      await reader.upload(`/clientia/clients/${world.clientA.documentId}/threads`, { subject: 'Nope', body: 'Nope' }, [['files', pdf('nope'), 'nope.pdf']]).expect(403);
      await reader.upload(`/clientia/threads/${thread.documentId}/messages`, { body: 'Nope' }, [['files', pdf('nope'), 'nope.pdf']]).expect(403);
      await reader.post(`/clientia/clients/${world.clientA.documentId}/threads`, { subject: 'Nope', body: 'Nope' }).expect(403);
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['a file of no accepted type', 'files', { body: 'See attached' }, [['files', EXE, 'tool.exe']]],
      ['a PDF named as text', 'files', { body: 'See attached' }, [['files', pdf('x'), 'notes.txt']]],
      ['six files', 'files', { body: 'See attached' }, Array.from({ length: 6 }, (_, i) => ['files', pdf(`f${i}`), `f${i}.pdf`])],
      ['files in another field', 'file', { body: 'See attached' }, [['file', pdf('x'), 'x.pdf']]],
      ['no text', 'body', {}, [['files', pdf('x'), 'x.pdf']]],
    ] as [string, string, Record<string, string>, [string, Buffer, string][]][])('refuses a reply with %s: 400 naming %s, writing nothing', async (_what, field, fields, files) => {
      const before = await snapshot();
      const response = await admin.upload(`/clientia/threads/${thread.documentId}/messages`, fields, files).expect(400);
      expect(fieldOf(response)).toBe(field);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses files over the portal’s limit together with 413 naming the files', async () => {
      const before = await snapshot();
      const half = Buffer.concat([pdf('half'), Buffer.alloc(13 * 1024 * 1024)]);
      const response = await admin
        .upload(`/clientia/clients/${world.clientA.documentId}/threads`, { subject: 'Big', body: 'Big files' }, [
          ['files', half, 'a.pdf'],
          ['files', half, 'b.pdf'],
        ])
        .expect(413);
      expect(fieldOf(response)).toBe('files');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a new thread without a subject, naming it', async () => {
      const before = await snapshot();
      const response = await admin.upload(`/clientia/clients/${world.clientA.documentId}/threads`, { body: 'No subject' }, [['files', pdf('x'), 'x.pdf']]).expect(400);
      expect(fieldOf(response)).toBe('subject');
      expect(await snapshot()).toEqual(before);
    });

    it('keeps nothing when the message is refused after its files were stored: no thread, no message, no file', async () => {
      const before = await snapshot();
      failMessageWrites = true;
      try {
        await admin
          .upload(`/clientia/clients/${world.clientA.documentId}/threads`, { subject: 'Refused', body: 'Refused' }, [['files', pdf('refused'), 'refused.pdf']])
          .expect(400);
        await admin.upload(`/clientia/threads/${thread.documentId}/messages`, { body: 'Refused' }, [['files', pdf('refused'), 'refused.pdf']]).expect(400);
      } finally {
        failMessageWrites = false;
      }
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 for an unknown client or thread, keeping nothing of the files', async () => {
      const before = await snapshot();
      const missing = 'nosuchdocument0000000000';
      await admin.upload(`/clientia/clients/${missing}/threads`, { subject: 'Lost', body: 'Lost' }, [['files', pdf('lost'), 'lost.pdf']]).expect(404);
      await admin.upload(`/clientia/threads/${missing}/messages`, { body: 'Lost' }, [['files', pdf('lost'), 'lost.pdf']]).expect(404);
      // A thread's documentId names no client, and a client's no thread.
      await admin.post(`/clientia/clients/${thread.documentId}/threads`, { subject: 'Lost', body: 'Lost' }).expect(404);
      await admin.upload(`/clientia/threads/${world.clientA.documentId}/messages`, { body: 'Lost' }, [['files', pdf('lost'), 'lost.pdf']]).expect(404);
      expect(await snapshot()).toEqual(before);
    });
  });
});
