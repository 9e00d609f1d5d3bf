import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

import type { Response } from 'supertest';

import { fixtures } from '../helpers/fixtures';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Doc = { id: number; documentId: string };

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`, 'latin1');

/** A minimal ZIP archive (deflated entries), enough to stand for an Office document. */
const zip = (entries: Record<string, string>) => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.from(content);
    const data = deflateRawSync(raw);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
const docx = zip({ '[Content_Types].xml': contentTypes(WORD_MAIN), 'word/document.xml': '<w:document/>' });

const binary = (res: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('portal API: documents and private file storage', () => {
  let app: TestApp;
  let world: PortalWorld;
  let f: ReturnType<typeof fixtures>;
  let storageDir: string;
  let letterV1: Doc;
  let letterV2: Doc;
  let checklist: Doc;
  let internal: Doc;
  let foreign: Doc;
  let uploadedPdf: { documentId: string; storageKey: string; bytes: Buffer };

  beforeAll(async () => {
    storageDir = path.join(await mkdtemp(path.join(tmpdir(), 'clientia-documents-')), 'private');
    app = await startTestApp({ env: { CLIENTIA_DOCUMENTS_DIR: storageDir } });
    world = await buildPortalWorld(app);
    f = fixtures(app);
    const create = (data: Record<string, unknown>) => f.docs('document').create({ data: data as never }) as Promise<Doc & { versionGroup: string }>;
    letterV1 = await create({ client: world.clientA.documentId, title: 'Engagement letter', folder: 'Contracts', visibility: 'shared' });
    letterV2 = await create({
      client: world.clientA.documentId,
      title: 'Engagement letter',
      folder: 'Contracts',
      visibility: 'shared',
      versionGroup: (letterV1 as Doc & { versionGroup: string }).versionGroup,
      version: 2,
    });
    checklist = await create({ client: world.clientA.documentId, title: 'Onboarding checklist', folder: 'Onboarding', visibility: 'shared' });
    internal = await create({ client: world.clientA.documentId, title: 'Renewal pricing notes', folder: 'Contracts', visibility: 'internal' });
    foreign = await create({ client: world.clientB.documentId, title: 'Beta merger memo', folder: 'Contracts', visibility: 'shared' });
  });
  afterAll(async () => {
    await app?.stop();
    if (storageDir) await rm(path.dirname(storageDir), { recursive: true, force: true });
  });

  const call = (method: 'get' | 'post', urlPath: string, persona: Persona) => {
    const request = app.http()[method](`/api/clientia${urlPath}`);
    const auth = world.auth[persona];
    if (auth) request.set('Authorization', auth);
    const selector = world.selector[persona];
    if (selector) request.set('X-Clientia-Client', selector);
    return request;
  };
  const upload = (persona: Persona, file: Buffer, filename: string, fields: Record<string, string> = {}) => {
    const request = call('post', '/documents', persona);
    for (const [key, value] of Object.entries(fields)) request.field(key, value);
    return request.attach('file', file, { filename, contentType: 'application/octet-stream' });
  };
  const download = (documentId: string, persona: Persona) => call('get', `/documents/${documentId}/download`, persona).buffer(true).parse(binary);
  const stored = async () => (await readdir(storageDir).catch(() => [] as string[])).sort();
  const documentRow = (documentId: string) => app.strapi.db.query('plugin::clientia.document').findOne({ where: { documentId }, populate: ['client', 'uploadedByContact'] });
  const fieldOf = (response: Response) => response.body.error?.details?.errors?.[0]?.path?.[0];
  const noForeignData = (body: unknown) => {
    const json = JSON.stringify(body);
    for (const secret of [world.clientB.name, world.clientB.documentId, foreign.documentId, 'Beta merger memo']) expect(json).not.toContain(secret);
  };

  describe('GET /documents', () => {
    it('lists the latest version of each shared document, with folders, for every role', async () => {
      for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA'] as const) {
        const { body } = await call('get', '/documents?sort=title', persona).expect(200);
        expect(body.data).toEqual([
          {
            documentId: letterV2.documentId,
            title: 'Engagement letter',
            folder: 'Contracts',
            version: 2,
            size: null,
            mimeType: null,
            fileName: null,
            sha256: null,
            updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            uploadedBy: 'firm',
          },
          expect.objectContaining({ documentId: checklist.documentId, folder: 'Onboarding', version: 1 }),
        ]);
        expect(body.meta).toEqual({
          pagination: { page: 1, pageSize: 25, total: 2, pageCount: 1 },
          folders: [
            { name: 'Contracts', count: 1 },
            { name: 'Onboarding', count: 1 },
          ],
        });
        const json = JSON.stringify(body);
        expect(json).not.toContain(internal.documentId);
        expect(json).not.toContain(letterV1.documentId);
        expect(json).not.toContain('Renewal pricing');
        expect(json).not.toContain('storageKey');
        noForeignData(body);
      }
    });

    it('filters by folder, sorts and pages on its own terms only', async () => {
      const onboarding = await call('get', '/documents?folder=Onboarding', 'memberA').expect(200);
      expect(onboarding.body.data.map((d: Doc) => d.documentId)).toEqual([checklist.documentId]);
      expect(onboarding.body.meta.folders).toHaveLength(2);
      const none = await call('get', `/documents?folder=${encodeURIComponent('No such folder')}`, 'memberA').expect(200);
      expect(none.body.data).toEqual([]);
      const paged = await call('get', '/documents?sort=title:desc&pageSize=1', 'memberA').expect(200);
      expect(paged.body.data.map((d: Doc) => d.documentId)).toEqual([checklist.documentId]);
      expect(paged.body.meta.pagination).toEqual({ page: 1, pageSize: 1, total: 2, pageCount: 2 });

      expect(fieldOf(await call('get', `/documents?folder=${'x'.repeat(201)}`, 'memberA').expect(400))).toBe('folder');
      expect(fieldOf(await call('get', '/documents?folder[$ne]=x', 'memberA').expect(400))).toBe('folder');
      expect(fieldOf(await call('get', '/documents?sort=size', 'memberA').expect(400))).toBe('sort');
      expect(fieldOf(await call('get', '/documents?visibility=internal', 'memberA').expect(400))).toBe('visibility');
    });

    it('shows a contact acting for B only B’s documents', async () => {
      const { body } = await call('get', '/documents', 'contactAB').expect(200);
      expect(body.data.map((d: Doc) => d.documentId)).toEqual([foreign.documentId]);
    });

    it('refuses callers who are not signed-in contacts', async () => {
      expect([401, 403]).toContain((await call('get', '/documents', 'anonymous')).status);
      expect((await call('get', '/documents', 'apiToken')).status).toBe(403);
    });
  });

  describe('POST /documents and the download', () => {
    it('stores an uploaded PDF privately and serves it back byte for byte', async () => {
      const bytes = pdf('signed purchase order 4500-7781');
      const response = await upload('memberA', bytes, 'PO 4500-7781 März.pdf', { title: 'Purchase order 4500-7781', folder: 'Purchase orders' }).expect(201);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(response.body.data).toEqual({
        documentId: expect.any(String),
        title: 'Purchase order 4500-7781',
        folder: 'Purchase orders',
        version: 1,
        size: bytes.length,
        mimeType: 'application/pdf',
        fileName: 'PO 4500-7781 März.pdf',
        sha256,
        updatedAt: expect.any(String),
        uploadedBy: 'memberA',
      });
      expect(JSON.stringify(response.body)).not.toContain('storageKey');

      const row = await documentRow(response.body.data.documentId);
      expect(row).toMatchObject({ visibility: 'shared', sha256, mimeType: 'application/pdf', version: 1, client: { id: world.clientA.id } });
      expect(Number(row.size)).toBe(bytes.length);
      expect(row.uploadedByContact.email).toBe(world.emails.memberA);
      expect(row.storageKey).toMatch(/^[a-f0-9]{32}$/);
      expect(await stored()).toEqual([row.storageKey]);
      uploadedPdf = { documentId: row.documentId, storageKey: row.storageKey, bytes };

      const file = await download(row.documentId, 'billingA').expect(200);
      expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe("attachment; filename*=UTF-8''PO%204500-7781%20M%C3%A4rz.pdf");
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['cache-control']).toBe('private, no-store');

      const listed = await call('get', '/documents?folder=Purchase%20orders', 'ownerA').expect(200);
      expect(listed.body.data).toEqual([expect.objectContaining({ documentId: row.documentId, uploadedBy: 'memberA', size: bytes.length })]);
    });

    it('never serves the stored file from a public path', async () => {
      for (const url of [`/uploads/${uploadedPdf.storageKey}`, `/uploads/${uploadedPdf.storageKey}.pdf`, `/.data/documents/${uploadedPdf.storageKey}`, `/${uploadedPdf.storageKey}`]) {
        expect((await app.http().get(url)).status).toBe(404);
      }
    });

    it('records the upload in the activity log as the contact’s doing', async () => {
      const entries = await app.strapi.db.query('plugin::clientia.activity').findMany({
        where: { subjectType: 'document', subjectId: uploadedPdf.documentId },
        populate: ['actorContact', 'client'],
      });
      expect(entries).toEqual([
        expect.objectContaining({ verb: 'created', actorType: 'contact', visibleToClient: true, actorContact: expect.objectContaining({ email: world.emails.memberA }), client: expect.objectContaining({ id: world.clientA.id }) }),
      ]);
    });

    it('files a re-upload of the same title and folder as the next version', async () => {
      const bytes = pdf('purchase order, corrected');
      const response = await upload('adminA', bytes, 'po-corrected.pdf', { title: 'Purchase order 4500-7781', folder: 'Purchase orders' }).expect(201);
      expect(response.body.data).toMatchObject({ version: 2, uploadedBy: 'adminA', fileName: 'po-corrected.pdf' });
      const [first, second] = await Promise.all([documentRow(uploadedPdf.documentId), documentRow(response.body.data.documentId)]);
      expect(second.versionGroup).toBe(first.versionGroup);
      const listed = await call('get', '/documents?folder=Purchase%20orders', 'memberA').expect(200);
      expect(listed.body.data.map((d: Doc) => d.documentId)).toEqual([response.body.data.documentId]);
      // The earlier version stays downloadable, unchanged.
      const old = await download(uploadedPdf.documentId, 'memberA').expect(200);
      expect(Buffer.compare(old.body as Buffer, uploadedPdf.bytes)).toBe(0);
    });

    it('accepts images, text, CSV and Office documents recognised by their content', async () => {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
      const cases: [Buffer, string, string][] = [
        [png, 'site-photo.PNG', 'image/png'],
        [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'scan.jpeg', 'image/jpeg'],
        [Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'logo.gif', 'image/gif'],
        [Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBPVP8 ')]), 'photo.webp', 'image/webp'],
        [Buffer.from('Kostenstelle;Betrag\nMünchen;12,50\n'), 'costs.csv', 'text/csv'],
        [Buffer.from('Meeting notes\n'), 'notes.txt', 'text/plain'],
        [docx, 'Statement of work.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ];
      for (const [bytes, name, mimeType] of cases) {
        const response = await upload('ownerA', bytes, name, { folder: 'Uploads' });
        expect([name, response.status, response.body.data?.mimeType]).toEqual([name, 201, mimeType]);
      }
      const csv = await call('get', '/documents?folder=Uploads&sort=title', 'ownerA').expect(200);
      const costs = csv.body.data.find((d: { title: string }) => d.title === 'costs');
      const file = await call('get', `/documents/${costs.documentId}/download`, 'memberA').buffer(true).parse(binary).expect(200);
      expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect((file.body as Buffer).toString('utf8')).toBe('Kostenstelle;Betrag\nMünchen;12,50\n');
    });

    it('refuses files that are not what their name says, or not accepted at all, storing nothing', async () => {
      const before = await stored();
      const documentsBefore = await f.count('document');
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64)]);
      const cases: [Buffer, string][] = [
        [exe, 'report.pdf'],
        [Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'report.pdf'],
        [pdf('a pdf'), 'report.docx'],
        [pdf('a pdf'), 'report'],
        [docx, 'report.xlsx'],
        [zip({ 'payload.exe': 'MZ' }), 'report.docx'],
        [zip({ '[Content_Types].xml': contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml') }), 'report.docx'],
        [Buffer.from('a,b\n1,\u0000\n'), 'table.csv'],
        [Buffer.from([0xc3, 0x28, 0x41]), 'notes.txt'],
        [exe, 'setup.exe'],
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg'],
        [Buffer.alloc(0), 'empty.pdf'],
      ];
      for (const [bytes, name] of cases) {
        const response = await upload('ownerA', bytes, name);
        expect([name, response.status, fieldOf(response)]).toEqual([name, 400, 'file']);
      }
      expect(await stored()).toEqual(before);
      expect(await f.count('document')).toBe(documentsBefore);
    });

    it('refuses a file over 25 MiB, naming file, and keeps nothing', async () => {
      const before = await stored();
      const big = Buffer.concat([pdf('big'), Buffer.alloc(25 * 1024 * 1024)]);
      const response = await upload('ownerA', big, 'big.pdf');
      expect([400, 413]).toContain(response.status);
      expect(fieldOf(response)).toBe('file');
      expect(await stored()).toEqual(before);
    });

    it('refuses malformed uploads, naming the field', async () => {
      const noFile = await call('post', '/documents', 'ownerA').field('title', 'Nothing attached').expect(400);
      expect(fieldOf(noFile)).toBe('file');
      expect(fieldOf(await call('post', '/documents', 'ownerA').send({ title: 'JSON, not a file' }).expect(400))).toBe('file');
      const extra = await upload('ownerA', pdf('x'), 'x.pdf', { visibility: 'internal' }).expect(400);
      expect(fieldOf(extra)).toBe('visibility');
      const client = await upload('ownerA', pdf('x'), 'x.pdf', { client: world.clientB.documentId }).expect(400);
      expect(client.body.error.message).toMatch(/client/);
      expect(fieldOf(await upload('ownerA', pdf('x'), 'x.pdf', { title: 'x'.repeat(301) }).expect(400))).toBe('title');
      expect(fieldOf(await upload('ownerA', pdf('x'), 'x.pdf', { folder: 'x'.repeat(201) }).expect(400))).toBe('folder');
      const two = await call('post', '/documents', 'ownerA').attach('file', pdf('a'), 'a.pdf').attach('file', pdf('b'), 'b.pdf').expect(400);
      expect(fieldOf(two)).toBe('file');
      const other = await call('post', '/documents', 'ownerA').attach('attachment', pdf('a'), 'a.pdf').expect(400);
      expect(fieldOf(other)).toBe('attachment');
    });

    it('uploads for the client a contact acts for, and only that one', async () => {
      const response = await upload('contactAB', pdf('beta upload'), 'beta-brief.pdf', { title: 'Beta brief' }).expect(201);
      expect(response.body.data).toMatchObject({ folder: 'General', uploadedBy: 'contactAB' });
      const row = await documentRow(response.body.data.documentId);
      expect(row.client.id).toBe(world.clientB.id);
      const asA = await call('get', '/documents', 'memberA').expect(200);
      expect(JSON.stringify(asA.body)).not.toContain('Beta brief');
      await download(response.body.data.documentId, 'memberA').expect(404);
      await download(response.body.data.documentId, 'contactB').expect(200);
      expect((await upload('anonymous', pdf('x'), 'x.pdf')).status).toBeGreaterThanOrEqual(401);
      expect((await upload('apiToken', pdf('x'), 'x.pdf')).status).toBe(403);
    });

    it('answers internal, foreign and missing documents with the same 404', async () => {
      const missing = await download('no-such-document', 'ownerA').expect(404);
      const internalFile = await download(internal.documentId, 'ownerA').expect(404);
      const foreignFile = await download(foreign.documentId, 'ownerA').expect(404);
      const message = JSON.parse((missing.body as Buffer).toString()).error.message;
      expect(JSON.parse((internalFile.body as Buffer).toString()).error.message).toBe(message);
      expect(JSON.parse((foreignFile.body as Buffer).toString()).error.message).toBe(message);
      const noFile = await download(checklist.documentId, 'ownerA').expect(404);
      expect(JSON.parse((noFile.body as Buffer).toString()).error.message).toBe('This document has no file yet');
      expect((await call('get', `/documents/${uploadedPdf.documentId}/download?populate=*`, 'ownerA')).status).toBe(400);
    });

    it('leaves no stored file behind when the database write fails', async () => {
      let failNext = true;
      app.strapi.documents.use((async (ctx: { uid: string; action: string }, next: () => Promise<unknown>) => {
        if (failNext && ctx.uid === 'plugin::clientia.document' && ctx.action === 'create') {
          failNext = false;
          throw new Error('the database is unavailable');
        }
        return next();
      }) as never);
      const before = await stored();
      const documentsBefore = await f.count('document');
      const response = await upload('ownerA', pdf('doomed'), 'doomed.pdf');
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js/);
      expect(await stored()).toEqual(before);
      expect(await f.count('document')).toBe(documentsBefore);
    });

    it('removes the stored file when the firm deletes the document', async () => {
      const response = await upload('ownerA', pdf('to be withdrawn'), 'withdrawn.pdf').expect(201);
      const row = await documentRow(response.body.data.documentId);
      expect(await stored()).toContain(row.storageKey);
      await f.docs('document').delete({ documentId: row.documentId });
      // The file goes once the deletion has committed, without holding up the caller.
      for (let tries = 0; tries < 50 && (await stored()).includes(row.storageKey); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await stored()).not.toContain(row.storageKey);
    });
  });
});
