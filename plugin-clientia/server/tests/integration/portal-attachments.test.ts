import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { errors } from '@strapi/utils';
import type { Response } from 'supertest';

import { adminApi, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Doc = { id: number; documentId: string };
interface Attachment {
  key: string;
  fileName: string;
  mimeType: string;
  size: number;
  downloadUrl: string;
}

const binary = (res: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 7)]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64)]);

describe('portal API: message attachments', () => {
  let app: TestApp;
  let world: PortalWorld;
  let storageDir: string;
  let threadA: Doc;
  let threadB: Doc;
  let failMessages = false;

  const as = <T extends { set(name: string, value: string): T }>(persona: Persona, request: T) => {
    const auth = world.auth[persona];
    if (auth) request = request.set('Authorization', auth);
    const selector = world.selector[persona];
    if (selector) request = request.set('X-Clientia-Client', selector);
    return request;
  };
  const multipart = (persona: Persona, urlPath: string, fields: Record<string, string>, files: [Buffer, string][]) => {
    let request = as(persona, app.http().post(`/api/clientia${urlPath}`));
    for (const [key, value] of Object.entries(fields)) request = request.field(key, value);
    for (const [bytes, filename] of files) request = request.attach('files', bytes, { filename, contentType: 'application/octet-stream' });
    return request;
  };
  const download = (persona: Persona, url: string) => as(persona, app.http().get(url)).buffer(true).parse(binary);
  const errorOf = (response: Response) => JSON.parse((response.body as Buffer).toString()).error;
  const fieldOf = (response: Response) => response.body.error?.details?.errors?.[0]?.path?.[0];
  const stored = async () => (await readdir(storageDir).catch(() => [] as string[])).sort();
  const messageRow = (documentId: string) => app.strapi.db.query('plugin::clientia.message').findOne({ where: { documentId } });

  beforeAll(async () => {
    storageDir = path.join(await mkdtemp(path.join(tmpdir(), 'clientia-attachments-')), 'private');
    app = await startTestApp({ env: { CLIENTIA_DOCUMENTS_DIR: storageDir } });
    world = await buildPortalWorld(app);
    const f = fixtures(app);
    threadA = (await f.docs('thread').create({ data: { client: world.clientA.documentId, subject: 'Year-end close' } as never })) as Doc;
    threadB = (await f.docs('thread').create({ data: { client: world.clientB.documentId, subject: 'Beta merger thread' } as never })) as Doc;
    app.strapi.documents.use(async (ctx, next) => {
      if (failMessages && ctx.uid === 'plugin::clientia.message' && ctx.action === 'create') {
        throw new errors.ValidationError('body: refused for the test', { errors: [{ path: ['body'], message: 'refused', name: 'ValidationError' }] });
      }
      return next();
    });
  });
  afterAll(async () => {
    await app?.stop();
    if (storageDir) await rm(path.dirname(storageDir), { recursive: true, force: true });
  });

  let posted: { messageId: string; attachments: Attachment[]; bytes: Buffer[] };
  let postedB: { messageId: string; key: string };

  it('stores the files of a message privately and lists them on the message', async () => {
    const bytes = [pdf('trial balance'), PNG];
    // A message lists its files by name, whatever order they were sent in.
    const response = await multipart('memberA', `/threads/${threadA.documentId}/messages`, { body: 'The trial balance and a screenshot.' }, [
      [bytes[0]!, 'Trial balance März.pdf'],
      [bytes[1]!, 'screen.png'],
    ]).expect(201);
    const message = response.body.data;
    expect(message).toMatchObject({ body: 'The trial balance and a screenshot.', authorType: 'contact', authorName: 'memberA' });
    expect(message.attachments).toEqual([
      { key: expect.stringMatching(/^[a-f0-9]{24}$/), fileName: 'screen.png', mimeType: 'image/png', size: PNG.length, downloadUrl: expect.any(String) },
      { key: expect.stringMatching(/^[a-f0-9]{24}$/), fileName: 'Trial balance März.pdf', mimeType: 'application/pdf', size: bytes[0]!.length, downloadUrl: expect.any(String) },
    ]);
    for (const a of message.attachments as Attachment[]) {
      expect(a.downloadUrl).toBe(`/api/clientia/threads/${threadA.documentId}/attachments/${message.documentId}/${a.key}`);
    }
    expect(JSON.stringify(response.body)).not.toContain('storageKey');
    posted = { messageId: message.documentId, attachments: [message.attachments[1], message.attachments[0]], bytes };

    const row = await messageRow(message.documentId);
    const recorded = row.attachments as { storageKey: string; sha256: string }[];
    expect(recorded.map((a) => a.sha256)).toEqual([bytes[1]!, bytes[0]!].map((b) => createHash('sha256').update(b).digest('hex')));
    expect(await stored()).toEqual(recorded.map((a) => a.storageKey).sort());

    const thread = await as('ownerA', app.http().get(`/api/clientia/threads/${threadA.documentId}`)).expect(200);
    const listed = thread.body.data.messages.find((m: { documentId: string }) => m.documentId === message.documentId);
    expect(listed.attachments).toEqual(message.attachments);
    expect(JSON.stringify(thread.body)).not.toContain('storageKey');
  });

  it('serves each file byte for byte, as an attachment that is never sniffed or cached', async () => {
    const [first, second] = posted.attachments;
    const file = await download('billingA', first!.downloadUrl).expect(200);
    expect(Buffer.compare(file.body as Buffer, posted.bytes[0]!)).toBe(0);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe("attachment; filename*=UTF-8''Trial%20balance%20M%C3%A4rz.pdf");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['cache-control']).toBe('private, no-store');
    const image = await download('memberA', second!.downloadUrl).expect(200);
    expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);
    expect(image.headers['content-type']).toBe('image/png');
  });

  it('starts a thread with files in one request, recorded as the contact’s doing', async () => {
    const response = await multipart('ownerA', '/threads', { subject: 'Payroll documents', body: 'Attached as discussed.' }, [[pdf('payroll'), 'payroll.pdf']]).expect(201);
    const [first] = response.body.data.messages;
    expect(first.attachments).toEqual([expect.objectContaining({ fileName: 'payroll.pdf', mimeType: 'application/pdf' })]);
    const file = await download('memberA', first.attachments[0].downloadUrl).expect(200);
    expect((file.body as Buffer).toString()).toContain('payroll');
    const entry = await app.strapi.db.query('plugin::clientia.activity').findOne({ where: { subjectType: 'message', subjectId: first.documentId } });
    expect(entry).toMatchObject({ actorType: 'contact' });
  });

  it('still takes JSON messages without files', async () => {
    const response = await as('memberA', app.http().post(`/api/clientia/threads/${threadA.documentId}/messages`)).send({ body: 'Plain text.' }).expect(201);
    expect(response.body.data.attachments).toEqual([]);
  });

  it('answers 404 alike for a foreign thread, a message of another thread and an unknown key', async () => {
    const b = await multipart('contactB', `/threads/${threadB.documentId}/messages`, { body: 'Beta confidential figures' }, [[pdf('beta'), 'beta.pdf']]).expect(201);
    postedB = { messageId: b.body.data.documentId, key: b.body.data.attachments[0].key };
    const own = posted.attachments[0]!;
    const other = await as('ownerA', app.http().post('/api/clientia/threads')).send({ subject: 'Another', body: 'Another thread' }).expect(201);
    const urls = [
      `/api/clientia/threads/${threadB.documentId}/attachments/${postedB.messageId}/${postedB.key}`,
      `/api/clientia/threads/${threadB.documentId}/attachments/${posted.messageId}/${own.key}`,
      `/api/clientia/threads/${threadA.documentId}/attachments/${postedB.messageId}/${postedB.key}`,
      `/api/clientia/threads/${other.body.data.documentId}/attachments/${posted.messageId}/${own.key}`,
      `/api/clientia/threads/${threadA.documentId}/attachments/${posted.messageId}/${'0'.repeat(24)}`,
      `/api/clientia/threads/${threadA.documentId}/attachments/${posted.messageId}/${postedB.key}`,
      `/api/clientia/threads/${threadA.documentId}/attachments/nosuchmessage0000000000/${own.key}`,
      `/api/clientia/threads/nosuchthread00000000000000/attachments/${posted.messageId}/${own.key}`,
      `/api/clientia/threads/${threadA.documentId}/attachments/${posted.messageId}/..%2F..%2Fetc%2Fpasswd`,
    ];
    const messages = new Set<string>();
    for (const url of urls) {
      const response = await download('ownerA', url).expect(404);
      messages.add(errorOf(response).message);
      expect((response.body as Buffer).toString()).not.toContain('Beta');
    }
    expect(messages.size).toBe(1);
  });

  it('lets no member of another client download, and a contact of both only for the client they act for', async () => {
    const own = posted.attachments[0]!;
    await download('contactB', own.downloadUrl).expect(404);
    await download('contactAB', own.downloadUrl).expect(404);
    const asB = await download('contactAB', `/api/clientia/threads/${threadB.documentId}/attachments/${postedB.messageId}/${postedB.key}`).expect(200);
    expect((asB.body as Buffer).toString()).toContain('beta');
    await download('anonymous', own.downloadUrl).expect((r) => expect([401, 403]).toContain(r.status));
    await download('apiToken', own.downloadUrl).expect(403);
    await download('blocked', own.downloadUrl).expect((r) => expect([401, 403]).toContain(r.status));
  });

  it('refuses a file that is not what its name says, naming files, and stores nothing', async () => {
    const before = await stored();
    const messagesBefore = await app.strapi.db.query('plugin::clientia.message').count({});
    const exe = await multipart('memberA', `/threads/${threadA.documentId}/messages`, { body: 'Invoice attached' }, [[pdf('fine'), 'fine.pdf'], [EXE, 'invoice.pdf']]).expect(400);
    expect(fieldOf(exe)).toBe('files');
    const misnamed = await multipart('memberA', `/threads/${threadA.documentId}/messages`, { body: 'Picture' }, [[PNG, 'photo.pdf']]).expect(400);
    expect(fieldOf(misnamed)).toBe('files');
    const six = await multipart('memberA', `/threads/${threadA.documentId}/messages`, { body: 'Many' }, Array.from({ length: 6 }, (_, n) => [pdf(`n${n}`), `n${n}.pdf`] as [Buffer, string])).expect(400);
    expect(fieldOf(six)).toBe('files');
    const wrongField = await as('memberA', app.http().post(`/api/clientia/threads/${threadA.documentId}/messages`)).field('body', 'x').attach('file', pdf('x'), 'x.pdf').expect(400);
    expect(fieldOf(wrongField)).toBe('file');
    const noBody = await multipart('memberA', `/threads/${threadA.documentId}/messages`, {}, [[pdf('x'), 'x.pdf']]).expect(400);
    expect(fieldOf(noBody)).toBe('body');
    const asJson = await as('memberA', app.http().post(`/api/clientia/threads/${threadA.documentId}/messages`)).send({ body: 'x', attachments: [{ storageKey: 'a'.repeat(32) }] }).expect(400);
    expect(fieldOf(asJson)).toBe('attachments');
    expect(await stored()).toEqual(before);
    expect(await app.strapi.db.query('plugin::clientia.message').count({})).toBe(messagesBefore);
  });

  it('removes the stored files when the message cannot be written', async () => {
    const before = await stored();
    const threads = await app.strapi.db.query('plugin::clientia.thread').count({});
    failMessages = true;
    try {
      await multipart('memberA', `/threads/${threadA.documentId}/messages`, { body: 'Will fail' }, [[pdf('lost'), 'lost.pdf']]).expect(400);
      await multipart('memberA', '/threads', { subject: 'Will fail', body: 'Will fail' }, [[pdf('lost'), 'lost.pdf']]).expect(400);
    } finally {
      failMessages = false;
    }
    expect(await stored()).toEqual(before);
    expect(await app.strapi.db.query('plugin::clientia.thread').count({})).toBe(threads);
  });

  it('serves nothing of an attachment from a public path', async () => {
    const rows = await app.strapi.db.query('plugin::clientia.message').findMany({});
    const keys = rows.flatMap((row: { attachments: { storageKey: string }[] | null }) => (row.attachments ?? []).map((a) => a.storageKey));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      for (const url of [`/uploads/${key}`, `/uploads/${key}.pdf`, `/.data/documents/${key}`, `/${key}`]) {
        expect((await app.http().get(url)).status).toBe(404);
      }
    }
  });

  it('lets staff with the read action download the file through the admin API, and lists it there', async () => {
    const { token } = await staffWithActions(app, ['plugin::clientia.read']);
    const admin = adminApi(app, token);
    const thread = await admin.get(`/clientia/threads/${threadA.documentId}`).expect(200);
    const message = thread.body.data.messages.find((m: { documentId: string }) => m.documentId === posted.messageId);
    const own = posted.attachments[0]!;
    const listed = message.attachments.find((a: { name: string }) => a.name === own.fileName);
    expect(listed).toEqual({ name: own.fileName, url: `/clientia/threads/${threadA.documentId}/attachments/${posted.messageId}/${own.key}`, size: own.size });
    const file = await admin.get(listed.url).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(file.body as Buffer, posted.bytes[0]!)).toBe(0);
    expect(file.headers['content-disposition']).toContain('attachment;');
    await adminApi(app).get(listed.url).expect(401);
    await admin.get(`/clientia/threads/${threadB.documentId}/attachments/${posted.messageId}/${own.key}`).expect(404);
  });
});
