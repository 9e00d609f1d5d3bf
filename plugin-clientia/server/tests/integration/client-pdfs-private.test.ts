import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Response } from 'supertest';

import { relocateClientMedia } from '../../src/storage/media-relocation';
import { adminApi } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { marked } from '../helpers/leftover-uploads';
import { privateStoreDir } from '../helpers/private-store';
import { publicFilesHolding } from '../helpers/public-files';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Doc = { id: number; documentId: string };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const agreementPdf = async (text: string) => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 12, font });
  return marked(Buffer.from(await pdf.save()));
};

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Every other spelling of an /uploads path that the static server resolves to the same file. */
const spellingsOf = (url: string) => {
  const name = url.slice('/uploads/'.length);
  return [url, `/uploads//${name}`, `/uploads/./${name}`, `/uploads/%2e/${name}`, `/uploads/x/../${name}`, `/uploads%2F${name}`, `/%75ploads/${name}`, `//uploads/${name}`];
};

describe('contract and invoice PDFs live in private storage only', () => {
  describe('an install whose PDFs were attached through the media library', () => {
    let app: TestApp;
    let contract: Doc;
    let invoice: Doc;
    let gone: Doc;
    let contractPdf: Buffer;
    let invoicePdf: Buffer;
    const media: Record<'contract' | 'invoice' | 'gone' | 'unreadable', { id: number; url: string }> = {} as never;
    let unreadableContract: Doc;

    /** A file in the media library, as an earlier version stored contract and invoice PDFs. */
    const intoMediaLibrary = async (bytes: Buffer, name: string) => {
      const filepath = path.join(os.tmpdir(), `${name}-${randomBytes(4).toString('hex')}.pdf`);
      writeFileSync(filepath, bytes);
      try {
        const [file] = (await app.strapi
          .plugin('upload')
          .service('upload')
          .upload({ data: {}, files: { filepath, originalFilename: `${name}.pdf`, mimetype: 'application/pdf', size: bytes.length } })) as { id: number; url: string }[];
        return file!;
      } finally {
        rmSync(filepath, { force: true });
      }
    };
    /** The link an earlier version's `file` (contract) or `pdf` (invoice) media field kept. */
    const link = (file: { id: number }, uid: string, entry: Doc, field: string) =>
      app.strapi.db.connection('files_related_mph').insert({ file_id: file.id, related_id: entry.id, related_type: uid, field, order: 1 });
    const links = () => app.strapi.db.connection('files_related_mph').where('related_type', 'like', 'plugin::clientia.%').orderBy('file_id').select('file_id', 'field');
    const mediaRow = (id: number) => app.strapi.db.query('plugin::upload.file').findOne({ where: { id } });

    beforeAll(async () => {
      app = await startTestApp();
      const f = fixtures(app);
      const client = await f.client({ name: 'Harbor Legal' });
      contractPdf = await agreementPdf('Master services agreement, signed on paper in 2025');
      invoicePdf = await agreementPdf('Invoice INV-2025-0042 from the old accounting system');
      contract = (await f.contract(client, { title: 'Master services agreement', state: 'signed' })) as unknown as Doc;
      invoice = (await f.invoice(client, { state: 'issued', lineItems: [{ description: 'Advice', quantity: 1, unitPrice: 50_000, taxRate: 0 }] })) as unknown as Doc;
      gone = (await f.contract(client, { title: 'Deleted since' })) as unknown as Doc;
      unreadableContract = (await f.contract(client, { title: 'Its file was lost on disk' })) as unknown as Doc;
      media.contract = await intoMediaLibrary(contractPdf, 'msa');
      media.invoice = await intoMediaLibrary(invoicePdf, 'invoice-0042');
      media.gone = await intoMediaLibrary(await agreementPdf('A contract that was deleted'), 'deleted');
      media.unreadable = await intoMediaLibrary(await agreementPdf('Lost'), 'lost');
      await link(media.contract, 'plugin::clientia.contract', contract, 'file');
      await link(media.invoice, 'plugin::clientia.invoice', invoice, 'pdf');
      await link(media.gone, 'plugin::clientia.contract', gone, 'file');
      await link(media.unreadable, 'plugin::clientia.contract', unreadableContract, 'file');
      await app.strapi.db.connection('clientia_contracts').where({ id: gone.id }).delete();
      rmSync(path.join(app.strapi.dirs.static.public, media.unreadable.url));
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('refuses those files at every spelling of their public path, before they are moved', async () => {
      for (const url of [...spellingsOf(media.contract.url), ...spellingsOf(media.invoice.url)]) {
        const response = await app.http().get(url);
        expect({ url, status: response.status }).toEqual({ url, status: 404 });
      }
    });

    it('moves them into private storage at the next start: same bytes, same fingerprint, nothing left in the public folder', async () => {
      expect(publicFilesHolding(app, contractPdf)).toHaveLength(1);
      await app.stop({ keepDatabase: true });
      app = await startTestApp({ database: app.database });

      const contractRow = await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: contract.id } });
      expect(contractRow).toMatchObject({ fileName: 'msa.pdf', fileSize: contractPdf.length, fileHash: sha256(contractPdf) });
      expect(readFileSync(path.join(privateStoreDir(app), contractRow.fileKey))).toEqual(contractPdf);
      const invoiceRow = await app.strapi.db.query('plugin::clientia.invoice').findOne({ where: { id: invoice.id } });
      expect(invoiceRow).toMatchObject({ pdfName: 'invoice-0042.pdf', pdfSize: invoicePdf.length, pdfHash: sha256(invoicePdf) });
      expect(readFileSync(path.join(privateStoreDir(app), invoiceRow.pdfKey))).toEqual(invoicePdf);

      // The public copies and their media-library rows are gone; only the unreadable one stays linked.
      expect(publicFilesHolding(app, contractPdf)).toEqual([]);
      expect(publicFilesHolding(app, invoicePdf)).toEqual([]);
      expect(await mediaRow(media.contract.id)).toBeNull();
      expect(await mediaRow(media.invoice.id)).toBeNull();
      expect(await mediaRow(media.gone.id)).toBeNull();
      expect(await links()).toEqual([{ file_id: media.unreadable.id, field: 'file' }]);
      // The file is gone: the static server answers 404, or 400 for a spelling it does not resolve.
      for (const url of spellingsOf(media.contract.url)) {
        const response = await app.http().get(url);
        expect({ url, refused: [400, 404].includes(response.status) }).toEqual({ url, refused: true });
      }
    });

    it('serves the moved PDFs where they were served before', async () => {
      const admin = adminApi(app, await adminToken(app));
      const view = (await admin.get(`/clientia/contracts/${contract.documentId}/signing`).expect(200)).body.data as Json;
      expect(view.contract.file).toEqual({ storage: 'private', name: 'msa.pdf', size: contractPdf.length, sha256: sha256(contractPdf) });
      const served = await admin.get(`/clientia/invoices/${invoice.documentId}/pdf`).buffer(true).parse(binary).expect(200);
      expect(Buffer.compare(served.body as Buffer, invoicePdf)).toBe(0);
    });

    it('moves nothing twice: a second run finds only the file it cannot read', async () => {
      const before = await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: contract.id } });
      expect(await relocateClientMedia(app.strapi)).toEqual({ moved: 0, unlinked: 0, unreadable: 1 });
      expect(await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: contract.id } })).toEqual(before);
    });
  });

  describe('staff attach an invoice’s own PDF', () => {
    let app: TestApp;
    let admin: ReturnType<typeof adminApi>;
    let draft: Doc;
    const attach = (documentId: string, bytes: Buffer, fileName: string, field = 'file') => admin.upload(`/clientia/invoices/${documentId}/pdf`, {}, [[field, bytes, fileName]], 'put');
    const served = async (documentId: string) => (await admin.get(`/clientia/invoices/${documentId}/pdf`).buffer(true).parse(binary).expect(200)).body as Buffer;

    beforeAll(async () => {
      app = await startTestApp();
      admin = adminApi(app, await adminToken(app));
      const client = await fixtures(app).client({ name: 'Quayside Studio' });
      draft = (await fixtures(app).invoice(client, { lineItems: [{ description: 'Design', quantity: 2, unitPrice: 40_000, taxRate: 0 }] })) as unknown as Doc;
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('keeps it privately and serves it instead of the generated one', async () => {
      const generated = await served(draft.documentId);
      const own = await agreementPdf('Invoice from the firm’s accounting software');
      const media = await app.strapi.db.query('plugin::upload.file').count();
      const response = await attach(draft.documentId, own, 'Quayside 0001.pdf').expect(200);
      expect(response.body.data.attachedPdf).toEqual({ name: 'Quayside 0001.pdf', size: own.length, sha256: sha256(own) });
      expect(JSON.stringify(response.body)).not.toMatch(/pdfKey|storageKey/);
      expect(Buffer.compare(await served(draft.documentId), own)).toBe(0);
      expect(publicFilesHolding(app, own)).toEqual([]);
      expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(media);

      const removed = await admin.delete(`/clientia/invoices/${draft.documentId}/pdf`).expect(200);
      expect(removed.body.data.attachedPdf).toBeNull();
      expect(Buffer.compare(await served(draft.documentId), generated)).toBe(0);
    });

    it('refuses what is not a PDF, another field, and any change once the invoice is issued', async () => {
      const notPdf = await attach(draft.documentId, marked(Buffer.from('plain text, not a PDF')), 'invoice.pdf').expect(400);
      expect(notPdf.body.error.details.errors[0].path).toEqual(['file']);
      const otherField = await attach(draft.documentId, await agreementPdf('x'), 'invoice.pdf', 'pdf').expect(400);
      expect(otherField.body.error.details.errors[0].path).toEqual(['pdf']);

      await admin.post(`/clientia/invoices/${draft.documentId}/issue`, {}).expect(200);
      const issued = await attach(draft.documentId, await agreementPdf('too late'), 'late.pdf').expect(409);
      expect(issued.body.error.details.errors[0].path).toEqual(['state']);
      await admin.delete(`/clientia/invoices/${draft.documentId}/pdf`).expect(409);
    });

    it('does not let the Content Manager point an invoice at a stored file', async () => {
      const key = randomBytes(16).toString('hex');
      const updated = await app.strapi.documents('plugin::clientia.invoice').update({ documentId: draft.documentId, data: { pdfKey: key, pdfName: 'x.pdf' } as never });
      expect(updated).not.toMatchObject({ pdfKey: key });
      const row = await app.strapi.db.query('plugin::clientia.invoice').findOne({ where: { id: draft.id } });
      expect(row.pdfKey).toBeNull();
    });
  });
});
