import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { errors } from '@strapi/utils';
import type { Response } from 'supertest';

import { adminApi, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { leftoverUploads, marked, removeLeftoverUploads } from '../helpers/leftover-uploads';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { publicFilesHolding } from '../helpers/public-files';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const READ = 'plugin::clientia.read';

const pdf = (text: string) => marked(Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`, 'latin1'));
const PNG = marked(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 3)]));
const EXE = marked(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64)]));
const UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const binary = (res: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('admin API: the firm’s documents of a client', () => {
  let app: TestApp;
  let world: PortalWorld;
  let f: ReturnType<typeof fixtures>;
  let token: string;
  let admin: ReturnType<typeof adminApi>;
  let storageDir: string;
  /** Makes the next document write fail inside its transaction, as a refused rule would. */
  let failDocumentWrites = false;

  beforeAll(async () => {
    app = await startTestApp();
    app.strapi.documents.use(async (ctx, next) => {
      if (failDocumentWrites && ctx.uid === 'plugin::clientia.document' && ctx.action === 'create') {
        throw new errors.ValidationError('title: refused for the test', { errors: [{ path: ['title'], message: 'refused', name: 'ValidationError' }] });
      }
      return next();
    });
    world = await buildPortalWorld(app);
    f = fixtures(app);
    token = await adminToken(app);
    admin = adminApi(app, token);
    storageDir = process.env.CLIENTIA_DOCUMENTS_DIR!;
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    // Every request of every test leaves no temporary upload behind, whatever it answered.
    expect(leftoverUploads()).toEqual([]);
  });

  const clientA = () => world.clientA.documentId;
  const portal = (persona: Persona, urlPath: string) => {
    const request = app.http().get(`/api/clientia${urlPath}`).set('Authorization', world.auth[persona]!);
    const selector = world.selector[persona];
    return selector ? request.set('X-Clientia-Client', selector) : request;
  };
  const portalDownload = (persona: Persona, documentId: string) => portal(persona, `/documents/${documentId}/download`).buffer(true).parse(binary);
  const portalList = async (persona: Persona = 'memberA') => (await portal(persona, '/documents?pageSize=100').expect(200)).body.data as Json[];
  const staffDownload = (documentId: string, api = admin) => api.get(`/clientia/documents/${documentId}/download`).buffer(true).parse(binary);
  const upload = (fields: Record<string, string>, file: Buffer, fileName: string, api = admin, client = clientA()) =>
    api.upload(`/clientia/clients/${client}/documents`, fields, [['file', file, fileName]]);
  const stored = async () => (await readdir(storageDir).catch(() => [] as string[])).sort();
  const fieldOf = (response: Response) => response.body.error?.details?.errors?.[0]?.path?.[0];
  const activityOf = (documentId: string) =>
    app.strapi.db.query('plugin::clientia.activity').findMany({ where: { subjectType: 'document', subjectId: documentId }, orderBy: { id: 'asc' } });
  const mediaFiles = () => app.strapi.db.query('plugin::upload.file').count();

  it('sees every temporary upload the parser leaves in this file’s directory', async () => {
    // A file as the parser names and fills one, left behind: the checks after each test would see it.
    writeFileSync(path.join(os.tmpdir(), randomBytes(13).toString('hex').slice(0, 25)), pdf('control'));
    expect(leftoverUploads()).toHaveLength(1);
    removeLeftoverUploads();
  });

  describe('staff upload → the client’s contact downloads it', () => {
    let shared: Json;
    const bytes = pdf('engagement letter, signed by the firm');

    it('stores a shared document privately, with the staff member as uploader and actor', async () => {
      const [media, storedBefore] = [await mediaFiles(), await stored()];
      const response = await upload({ visibility: 'shared', folder: 'Contracts', title: 'Engagement letter' }, bytes, 'Engagement letter.pdf').expect(201);
      shared = response.body.data;
      expect(shared).toMatchObject({
        title: 'Engagement letter',
        folder: 'Contracts',
        visibility: 'shared',
        version: 1,
        fileName: 'Engagement letter.pdf',
        mimeType: 'application/pdf',
        size: bytes.length,
        sha256: sha256(bytes),
        uploadedBy: { kind: 'staff', name: 'Firm Staff' },
        archivedAt: null,
      });
      expect(shared.versions).toEqual([expect.objectContaining({ documentId: shared.documentId, version: 1 })]);
      expect(JSON.stringify(response.body)).not.toContain('storageKey');

      // Private storage only: one more file there, none in the public folder or the media library.
      const row = await app.strapi.db.query('plugin::clientia.document').findOne({ where: { documentId: shared.documentId }, populate: ['uploadedByStaff', 'client'] });
      expect(await stored()).toEqual([...storedBefore, row.storageKey].sort());
      expect(row.client.documentId).toBe(clientA());
      expect(row.uploadedByStaff.email).toBe('staff@firm.example');
      expect(publicFilesHolding(app, bytes)).toEqual([]);
      expect(await mediaFiles()).toBe(media);

      const [entry] = await activityOf(shared.documentId);
      expect(entry).toMatchObject({ actorType: 'staff', verb: 'created', subjectLabel: 'Document Engagement letter', visibleToClient: true });
    });

    it('reaches the portal, and its bytes come back unchanged', async () => {
      expect(await portalList()).toEqual(
        expect.arrayContaining([expect.objectContaining({ documentId: shared.documentId, uploadedBy: 'firm', sha256: sha256(bytes) })])
      );
      const file = await portalDownload('memberA', shared.documentId).expect(200);
      expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
      await portalDownload('contactB', shared.documentId).expect(404);
    });

    it('is downloaded by staff with their token only', async () => {
      const file = await staffDownload(shared.documentId).expect(200);
      expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
      expect(file.headers['content-disposition']).toBe("attachment; filename*=UTF-8''Engagement%20letter.pdf");
      expect(file.headers['cache-control']).toBe('private, no-store');
      await app.http().get(`/clientia/documents/${shared.documentId}/download`).expect(401);
    });

    it('names the document after its file when no title is given, in the General folder', async () => {
      const { body } = await upload({ visibility: 'shared' }, PNG, 'Office floor plan.png').expect(201);
      expect(body.data).toMatchObject({ title: 'Office floor plan', folder: 'General', mimeType: 'image/png' });
    });
  });

  it('never lets an internal document reach the portal', async () => {
    const bytes = pdf('pricing notes for the renewal');
    const { body } = await upload({ visibility: 'internal', folder: 'Contracts' }, bytes, 'Renewal pricing.pdf').expect(201);
    const internal = body.data as Json;
    expect(internal.visibility).toBe('internal');
    expect((await portalList('ownerA')).map((d) => d.documentId)).not.toContain(internal.documentId);
    for (const persona of ['memberA', 'ownerA', 'contactB'] as const) await portalDownload(persona, internal.documentId).expect(404);
    const [entry] = await activityOf(internal.documentId);
    expect(entry).toMatchObject({ verb: 'created', visibleToClient: false });
    const file = await staffDownload(internal.documentId).expect(200);
    expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
  });

  it('lets staff download what a contact uploaded, byte for byte, and names the contact', async () => {
    const bytes = pdf('signed purchase order from the client');
    const uploaded = await app
      .http()
      .post('/api/clientia/documents')
      .set('Authorization', world.auth.ownerA!)
      .field('folder', 'Purchase orders')
      .attach('file', bytes, { filename: 'PO 4711.pdf', contentType: 'application/pdf' })
      .expect(201);
    const documentId = uploaded.body.data.documentId as string;

    const { body } = await admin.get(`/clientia/clients/${clientA()}/documents`).expect(200);
    const listed = (body.data as Json[]).find((d) => d.documentId === documentId);
    expect(listed).toMatchObject({ title: 'PO 4711', folder: 'Purchase orders', uploadedBy: { kind: 'contact', name: 'ownerA' }, visibility: 'shared' });
    expect(body.meta.folders).toEqual(expect.arrayContaining(['Contracts', 'General', 'Purchase orders']));
    expect(JSON.stringify(body)).not.toContain('storageKey');

    const file = await staffDownload(documentId).expect(200);
    expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('gives a document recorded without a file its file through the public service, checked as an upload is, once', async () => {
    const service = app.strapi.plugin('clientia').service('documents') as {
      attachFile(documentId: string, file: { fileName: string; bytes: Buffer }): Promise<Json>;
    };
    const recorded = await app.strapi
      .documents('plugin::clientia.document')
      .create({ data: { client: clientA(), title: 'Imported engagement letter', folder: 'Contracts', visibility: 'shared', version: 1 } as never });
    const before = await stored();
    await expect(service.attachFile(recorded.documentId, { fileName: 'letter.pdf', bytes: EXE })).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/^file: must be a PDF/) });
    await expect(service.attachFile(recorded.documentId, { fileName: 'letter.pdf', bytes: Buffer.alloc(0) })).rejects.toMatchObject({ name: 'ValidationError', message: 'file: is empty' });
    expect(await stored()).toEqual(before);

    const bytes = pdf('engagement letter, imported');
    const attached = await service.attachFile(recorded.documentId, { fileName: 'letter.pdf', bytes });
    expect(attached).toMatchObject({ documentId: recorded.documentId, title: 'Imported engagement letter' });
    const download = await portalDownload('memberA', recorded.documentId).expect(200);
    expect(sha256(download.body as Buffer)).toBe(sha256(bytes));
    await expect(service.attachFile(recorded.documentId, { fileName: 'other.pdf', bytes: pdf('a second file') })).rejects.toMatchObject({ status: 409 });
    expect(sha256((await staffDownload(recorded.documentId).expect(200)).body as Buffer)).toBe(sha256(bytes));
  });

  describe('versions', () => {
    let first: Json;
    const v1 = pdf('statement of work, draft');
    const v2 = pdf('statement of work, agreed');
    const v3 = pdf('statement of work, countersigned');

    it('adds the next version with the document’s title, folder and visibility', async () => {
      first = (await upload({ visibility: 'shared', folder: 'Projects', title: 'Statement of work' }, v1, 'sow.pdf').expect(201)).body.data;
      const { body } = await admin.upload(`/clientia/documents/${first.documentId}/versions`, {}, [['file', v2, 'sow-agreed.pdf']]).expect(201);
      expect(body.data).toMatchObject({ title: 'Statement of work', folder: 'Projects', visibility: 'shared', version: 2, fileName: 'sow-agreed.pdf' });
      expect(body.data.versions.map((v: Json) => v.version)).toEqual([2, 1]);
      expect(body.data.versions[1].documentId).toBe(first.documentId);
      const [entry] = await activityOf(body.data.documentId);
      expect(entry).toMatchObject({ verb: 'created', subjectLabel: 'Document Statement of work (version 2)' });
    });

    it('keeps numbering upwards from whichever version is named, and the portal shows the newest', async () => {
      const { body } = await admin.upload(`/clientia/documents/${first.documentId}/versions`, {}, [['file', v3, 'sow-final.pdf']]).expect(201);
      expect(body.data.version).toBe(3);
      expect(body.data.versions.map((v: Json) => v.version)).toEqual([3, 2, 1]);
      const rows = await app.strapi.db.query('plugin::clientia.document').findMany({ where: { title: 'Statement of work' } });
      expect(new Set(rows.map((r: Json) => r.versionGroup)).size).toBe(1);

      const listed = (await portalList()).filter((d) => d.title === 'Statement of work');
      expect(listed).toEqual([expect.objectContaining({ documentId: body.data.documentId, version: 3 })]);
      const file = await portalDownload('memberA', body.data.documentId).expect(200);
      expect(Buffer.compare(file.body as Buffer, v3)).toBe(0);
      // Each version keeps its own file.
      const old = await staffDownload(first.documentId).expect(200);
      expect(Buffer.compare(old.body as Buffer, v1)).toBe(0);
    });

    it('takes a new version of a contact’s upload, above the client’s own numbering', async () => {
      const upload1 = await app
        .http()
        .post('/api/clientia/documents')
        .set('Authorization', world.auth.adminA!)
        .field('title', 'Trial balance')
        .attach('file', pdf('tb 1'), { filename: 'tb.pdf', contentType: 'application/pdf' })
        .expect(201);
      const upload2 = await app
        .http()
        .post('/api/clientia/documents')
        .set('Authorization', world.auth.adminA!)
        .field('title', 'Trial balance')
        .attach('file', pdf('tb 2'), { filename: 'tb.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(upload2.body.data.version).toBe(2);
      const { body } = await admin.upload(`/clientia/documents/${upload1.body.data.documentId}/versions`, {}, [['file', pdf('tb 3 corrected'), 'tb-corrected.pdf']]).expect(201);
      expect(body.data).toMatchObject({ version: 3, uploadedBy: { kind: 'staff', name: 'Firm Staff' } });
      expect(body.data.versions.map((v: Json) => [v.version, v.uploadedBy.kind])).toEqual([
        [3, 'staff'],
        [2, 'contact'],
        [1, 'contact'],
      ]);
    });

    it('refuses a version with any other field, or without a file', async () => {
      const extra = await admin.upload(`/clientia/documents/${first.documentId}/versions`, { title: 'Renamed' }, [['file', pdf('x'), 'x.pdf']]).expect(400);
      expect(fieldOf(extra)).toBe('title');
      const none = await admin.upload(`/clientia/documents/${first.documentId}/versions`, { }, []).expect(400);
      expect(fieldOf(none)).toBe('file');
    });
  });

  describe('archive and delete', () => {
    let doc: Json;
    let v2: Json;

    beforeAll(async () => {
      doc = (await upload({ visibility: 'shared', folder: 'Reports', title: 'Quarterly report' }, pdf('q3'), 'q3.pdf').expect(201)).body.data;
      v2 = (await admin.upload(`/clientia/documents/${doc.documentId}/versions`, {}, [['file', pdf('q3 revised'), 'q3-revised.pdf']]).expect(201)).body.data;
    });

    it('archives the whole document: hidden from the client, kept for the firm, logged for staff only', async () => {
      const { body } = await admin.put(`/clientia/documents/${doc.documentId}/archive`, { archived: true }).expect(200);
      expect(body.data.archivedAt).toEqual(expect.any(String));
      const rows = await app.strapi.db.query('plugin::clientia.document').findMany({ where: { title: 'Quarterly report' } });
      expect(rows.map((r: Json) => Boolean(r.archivedAt))).toEqual([true, true]);

      expect((await portalList()).map((d) => d.title)).not.toContain('Quarterly report');
      await portalDownload('memberA', v2.documentId).expect(404);
      await portalDownload('memberA', doc.documentId).expect(404);
      const file = await staffDownload(v2.documentId).expect(200);
      expect((file.body as Buffer).toString()).toContain('q3 revised');

      const entries = await activityOf(v2.documentId);
      expect(entries.at(-1)).toMatchObject({ actorType: 'staff', verb: 'archived', visibleToClient: false });
      // One entry for the document, not one per version.
      expect((await activityOf(doc.documentId)).map((e: Json) => e.verb)).toEqual(['created']);
    });

    it('takes no new version while archived, and shows the document again once restored', async () => {
      const refusedVersion = await admin.upload(`/clientia/documents/${doc.documentId}/versions`, {}, [['file', pdf('q3 again'), 'q3.pdf']]).expect(409);
      expect(refusedVersion.body.error.message).toMatch(/archived/);
      const { body } = await admin.put(`/clientia/documents/${v2.documentId}/archive`, { archived: false }).expect(200);
      expect(body.data.archivedAt).toBeNull();
      expect((await portalList()).filter((d) => d.title === 'Quarterly report').map((d) => d.version)).toEqual([2]);
      expect((await activityOf(v2.documentId)).at(-1)).toMatchObject({ verb: 'restored', visibleToClient: false });
    });

    it('deletes every version and its file, with an activity entry each', async () => {
      const keys = (await app.strapi.db.query('plugin::clientia.document').findMany({ where: { title: 'Quarterly report' } })).map((r: Json) => r.storageKey);
      expect(keys).toHaveLength(2);
      const { body } = await admin.del(`/clientia/documents/${v2.documentId}`).expect(200);
      expect(body.data).toEqual({ documentId: v2.documentId, deletedVersions: 2 });
      expect(await f.count('document', { title: 'Quarterly report' })).toBe(0);
      const files = await stored();
      for (const key of keys) expect(files).not.toContain(key);
      expect((await activityOf(doc.documentId)).at(-1)).toMatchObject({ actorType: 'staff', verb: 'deleted' });
      expect((await activityOf(v2.documentId)).at(-1)).toMatchObject({ actorType: 'staff', verb: 'deleted' });
      await portalDownload('memberA', v2.documentId).expect(404);
      await staffDownload(v2.documentId).expect(404);
    });
  });

  describe('refusals', () => {
    const snapshot = async () => ({ documents: await f.count('document'), activity: await f.count('activity'), stored: await stored() });

    it('gives a read-only staff role the list and the files, and 403 on every change, writing nothing', async () => {
      const reader = adminApi(app, (await staffWithActions(app, [READ])).token);
      const target = (await upload({ visibility: 'internal' }, pdf('reader target'), 'target.pdf').expect(201)).body.data as Json;
      await reader.get(`/clientia/clients/${clientA()}/documents`).expect(200);
      await staffDownload(target.documentId, reader).expect(200);

      const before = await snapshot();
      await upload({ visibility: 'shared' }, pdf('not allowed'), 'nope.pdf', reader).expect(403);
      await reader.upload(`/clientia/documents/${target.documentId}/versions`, {}, [['file', pdf('nope'), 'nope.pdf']]).expect(403);
      await reader.put(`/clientia/documents/${target.documentId}/archive`, { archived: true }).expect(403);
      await reader.del(`/clientia/documents/${target.documentId}`).expect(403);
      expect(await snapshot()).toEqual(before);
    });

    it('answers 401 to an upload without an admin token, or with a contact’s, writing nothing', async () => {
      const before = await snapshot();
      await upload({ visibility: 'shared' }, pdf('anonymous'), 'anon.pdf', adminApi(app)).expect(401);
      await upload({ visibility: 'shared' }, pdf('contact'), 'contact.pdf', adminApi(app, world.auth.ownerA!.slice('Bearer '.length))).expect(401);
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['a file that is no accepted type', 'file', { visibility: 'shared' }, EXE, 'tool.exe'],
      ['a PDF named as an image', 'file', { visibility: 'shared' }, pdf('misnamed'), 'scan.png'],
      ['an empty visibility', 'visibility', { visibility: '' }, pdf('x'), 'x.pdf'],
      ['no visibility', 'visibility', {}, pdf('x'), 'x.pdf'],
      ['a visibility that does not exist', 'visibility', { visibility: 'public' }, pdf('x'), 'x.pdf'],
      ['a field the upload does not take', 'storageKey', { visibility: 'shared', storageKey: 'aa'.repeat(16) }, pdf('x'), 'x.pdf'],
      ['a title too long', 'title', { visibility: 'shared', title: 'x'.repeat(301) }, pdf('x'), 'x.pdf'],
    ] as const)('refuses %s with 400 naming %s, writing nothing', async (_what, field, fields, bytes, name) => {
      const before = await snapshot();
      const response = await upload(fields, bytes, name).expect(400);
      expect(fieldOf(response)).toBe(field);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a file over the portal’s limit with 413 naming the file, and more than one file', async () => {
      const before = await snapshot();
      const big = Buffer.concat([pdf('big'), Buffer.alloc(UPLOAD_MAX_BYTES)]);
      const oversize = await upload({ visibility: 'shared' }, big, 'big.pdf').expect(413);
      expect(fieldOf(oversize)).toBe('file');
      const two = await admin
        .upload(`/clientia/clients/${clientA()}/documents`, { visibility: 'shared' }, [
          ['file', pdf('one'), 'one.pdf'],
          ['file', pdf('two'), 'two.pdf'],
        ])
        .expect(400);
      expect(fieldOf(two)).toBe('file');
      const none = await admin.upload(`/clientia/clients/${clientA()}/documents`, { visibility: 'shared' }, []).expect(400);
      expect(fieldOf(none)).toBe('file');
      expect(await snapshot()).toEqual(before);
    });

    it('keeps nothing when the write is refused after the file was stored: no record, no stored file, no temporary file', async () => {
      const target = (await upload({ visibility: 'shared' }, pdf('base for a refused version'), 'base.pdf').expect(201)).body.data as Json;
      const before = await snapshot();
      failDocumentWrites = true;
      try {
        const refused = await upload({ visibility: 'shared' }, pdf('refused upload'), 'refused.pdf').expect(400);
        expect(fieldOf(refused)).toBe('title');
        await admin.upload(`/clientia/documents/${target.documentId}/versions`, {}, [['file', pdf('refused version'), 'v2.pdf']]).expect(400);
      } finally {
        failDocumentWrites = false;
      }
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 for an unknown client or document, keeping nothing of the upload', async () => {
      const before = await snapshot();
      const missing = 'nosuchdocument0000000000';
      await admin.get(`/clientia/clients/${missing}/documents`).expect(404);
      await upload({ visibility: 'shared' }, pdf('lost'), 'lost.pdf', admin, missing).expect(404);
      await admin.upload(`/clientia/documents/${missing}/versions`, {}, [['file', pdf('lost'), 'lost.pdf']]).expect(404);
      await admin.get(`/clientia/documents/${missing}/download`).expect(404);
      await admin.put(`/clientia/documents/${missing}/archive`, { archived: true }).expect(404);
      await admin.del(`/clientia/documents/${missing}`).expect(404);
      // A client's documentId names no document, and a document's no client.
      await admin.get(`/clientia/documents/${clientA()}/download`).expect(404);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an archive request that is not true or false', async () => {
      const target = (await upload({ visibility: 'internal' }, pdf('archive input'), 'archive.pdf').expect(201)).body.data as Json;
      const response = await admin.put(`/clientia/documents/${target.documentId}/archive`, { archived: 'yes' }).expect(400);
      expect(fieldOf(response)).toBe('archived');
    });
  });
});
