import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { PDFDocument, StandardFonts } from 'pdf-lib';

import { adminApi, moreFixtures, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { queueEmail } from '../../src/email';
import { clearOutbox, deliverQueued, readOutbox } from '../helpers/outbox';
import { filesUnder, publicFilesHolding } from '../helpers/public-files';
import { adminToken, portalUser, startTestApp, type TestApp } from '../helpers/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const READ = 'plugin::clientia.read';
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const EVENTS = 'clientia_signature_events';

const agreementPdf = async (text: string) => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 12, font });
  pdf.setCreationDate(new Date('2026-11-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-11-01T00:00:00Z'));
  return Buffer.from(await pdf.save());
};

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (chunk: Buffer) => parts.push(chunk));
  res.on('end', () => done(null, Buffer.concat(parts)));
};

interface Contact {
  jwt: string;
  email: string;
  membership: { documentId: string };
}

describe('admin API: the contract editor, its private PDF and the signing request', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  let token: string;
  let admin: ReturnType<typeof adminApi>;
  let client: { id: number; documentId: string };
  let anna: Contact;
  let ben: Contact;
  let contract: Json;
  let original: Buffer;

  const upload = (documentId: string, bytes: Buffer, name: string, as = token) =>
    app.http().post(`/clientia/contracts/${documentId}/file`).set('Authorization', `Bearer ${as}`).attach('file', bytes, name);
  const portal = (who: Contact, method: 'get' | 'post', url: string, body?: unknown) => {
    const req = (method === 'get' ? app.http().get(`/api/clientia${url}`) : app.http().post(`/api/clientia${url}`)).set('Authorization', `Bearer ${who.jwt}`);
    return body === undefined ? req : req.send(body as object);
  };
  /** A signature as the portal makes it, on the document hash the signing view shows. */
  const sign = async (who: Contact, documentId: string, typedName: string) => {
    const view = (await portal(who, 'get', `/contracts/${documentId}/signing?locale=en`).expect(200)).body.data;
    const body = { documentHash: view.documentHash, consent: true, consentVersion: view.consent.version, typedName };
    return (await portal(who, 'post', `/contracts/${documentId}/sign`, body).expect(200)).body.data;
  };
  const contractRow = (documentId: string) => app.strapi.db.query('plugin::clientia.contract').findOne({ where: { documentId } });
  const trail = async (documentId: string) => {
    const row = await contractRow(documentId);
    return (await app.strapi.db
      .connection(EVENTS)
      .join(`${EVENTS}_contract_lnk as l`, 'l.signature_event_id', `${EVENTS}.id`)
      .where('l.contract_id', row.id)
      .orderBy(`${EVENTS}.id`)) as { type: string; email: string | null; reason: string | null; contract_version: number }[];
  };
  const uploadsCount = () => app.strapi.db.query('plugin::upload.file').count();
  const snapshot = async () => ({
    contracts: await app.strapi.db.query('plugin::clientia.contract').findMany({ orderBy: { id: 'asc' } }),
    events: await app.strapi.db.connection(EVENTS).count({ n: '*' }),
    emails: await f.count('outbound-email'),
    activity: await f.count('activity'),
    files: filesUnder(process.env.CLIENTIA_DOCUMENTS_DIR!).length,
  });

  const contact = async (email: string, data: Json): Promise<Contact> => {
    const account = await portalUser(app, email);
    const membership = (await moreFixtures(app).membership(client, Number(account.user.id), data)) as { documentId: string };
    return { jwt: account.jwt, email, membership };
  };

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
    token = await adminToken(app);
    admin = adminApi(app, token);
    await app.strapi.documents('plugin::clientia.branding').create({ data: { firmName: 'Keller & Brandt', emailSenderAddress: 'portal@keller.example' } as never });
    client = (await f.client({ name: 'Northwind Logistics', currency: 'EUR' })) as unknown as typeof client;
    anna = await contact('anna@northwind.example', { role: 'owner', signatory: true, name: 'Anna Schmidt' });
    ben = await contact('ben@northwind.example', { role: 'billing', signatory: true, name: 'Ben Okafor' });
    original = await agreementPdf('Statement of work: website relaunch');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('creates a draft from the client page, numbered, in the client’s currency', async () => {
    const response = await admin
      .post(`/clientia/clients/${client.documentId}/contracts`, {
        title: 'Statement of work: website relaunch',
        kind: 'sow',
        effectiveDate: '2027-01-01',
        value: 1_200_000,
        renewalDate: '2027-12-01',
      })
      .expect(201);
    contract = response.body.data.contract;
    expect(contract).toMatchObject({
      state: 'draft',
      kind: 'sow',
      number: expect.stringMatching(/\S/),
      value: { amount: 1_200_000, currency: 'EUR' },
      renewalDate: '2027-12-01',
      hasFile: false,
      file: null,
    });
    expect(response.body.data.canSend).toBe(false);
    const refused = await admin.post(`/clientia/clients/${client.documentId}/contracts`, { title: 'Amend me', kind: 'amendment' }).expect(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['kind']);
  });

  it('refuses anything but a PDF, by its content, naming the field, and stores nothing', async () => {
    const before = await snapshot();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    for (const [bytes, name] of [
      [Buffer.from('Just some text, not a contract'), 'contract.pdf'],
      [png, 'scan.png'],
      [png, 'scan.pdf'],
      [Buffer.alloc(0), 'empty.pdf'],
      [original, 'contract.txt'],
      [Buffer.from('%PDF-1.7\nnot really a PDF'), 'broken.pdf'],
    ] as const) {
      const response = await upload(contract.documentId, bytes, name).expect(400);
      expect([name, response.body.error.details.errors[0].path]).toEqual([name, ['file']]);
    }
    const other = await app.http().post(`/clientia/contracts/${contract.documentId}/file`).set('Authorization', `Bearer ${token}`).attach('document', original, 'sow.pdf').expect(400);
    expect(other.body.error.details.errors[0].path).toEqual(['document']);
    await app.http().post(`/clientia/contracts/${contract.documentId}/file`).set('Authorization', `Bearer ${token}`).send({}).expect(400);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the uploaded PDF in private storage, never in the media library or under /uploads', async () => {
    const mediaBefore = await uploadsCount();
    const response = await upload(contract.documentId, original, 'SOW website relaunch.pdf').expect(200);
    const view = response.body.data;
    expect(view.contract).toMatchObject({
      hasFile: true,
      file: { storage: 'private', name: 'SOW website relaunch.pdf', size: original.length, sha256: sha256(original) },
    });
    expect(view.canSend).toBe(true);
    expect(await uploadsCount()).toBe(mediaBefore);
    const stored = filesUnder(process.env.CLIENTIA_DOCUMENTS_DIR!).filter((file) => sha256(readFileSync(file)) === sha256(original));
    expect(stored).toHaveLength(1);
    expect(publicFilesHolding(app, original)).toEqual([]);
    const row = await contractRow(contract.documentId);
    expect(JSON.stringify(view)).not.toContain(row.fileKey);
    // The contact sees no draft, and no file of it.
    await portal(anna, 'get', `/contracts/${contract.documentId}/file`).expect(404);
  });

  it('lets staff who may only read neither create, change, upload nor act on a contract', async () => {
    const reader = adminApi(app, (await staffWithActions(app, [READ])).token);
    const before = await snapshot();
    await reader.get(`/clientia/contracts/${contract.documentId}/signing`).expect(200);
    await reader.post(`/clientia/clients/${client.documentId}/contracts`, { title: 'Not mine to make', kind: 'nda' }).expect(403);
    await reader.put(`/clientia/contracts/${contract.documentId}`, { title: 'Renamed' }).expect(403);
    const readerToken = (await staffWithActions(app, [READ])).token;
    await upload(contract.documentId, original, 'other.pdf', readerToken).expect(403);
    await reader.post(`/clientia/contracts/${contract.documentId}/reminders`, { signatory: anna.membership.documentId }).expect(403);
    await reader.post(`/clientia/contracts/${contract.documentId}/cancel`, {}).expect(403);
    await reader.post(`/clientia/contracts/${contract.documentId}/amendments`, {}).expect(403);
    expect(await snapshot()).toEqual(before);
  });

  it('sends the uploaded file: its SHA-256 is what the signatories sign', async () => {
    clearOutbox(app.outboxDir);
    const sent = await admin
      .post(`/clientia/contracts/${contract.documentId}/send`, { signatories: [anna.membership.documentId, ben.membership.documentId], sequential: true })
      .expect(200);
    expect(sent.body.data.contract).toMatchObject({ state: 'sent', documentHash: sha256(original) });
    // The file can no longer be swapped: the draft is out for signature.
    await upload(contract.documentId, await agreementPdf('Something else'), 'swap.pdf').expect(409);
    const download = await portal(anna, 'get', `/contracts/${contract.documentId}/file`).buffer(true).parse(binary as never).expect(200);
    expect(sha256(download.body as Buffer)).toBe(sha256(original));
  });

  it('reminds the signatory whose turn it is by e-mail, once a day, and nobody else', async () => {
    await deliverQueued(app.strapi);
    clearOutbox(app.outboxDir);
    const url = `/clientia/contracts/${contract.documentId}/reminders`;
    await admin.post(url, { signatory: anna.membership.documentId }).expect(200);
    const queued = await app.strapi.db.query('plugin::clientia.outbound-email').findMany({ where: { kind: 'contract_reminder' } });
    expect(queued.map((email: Json) => email.to)).toEqual([anna.email]);
    await deliverQueued(app.strapi);
    const [mail] = readOutbox(app.outboxDir);
    expect(mail!.headers.to).toBe(anna.email);
    expect(mail!.headers.subject).toContain('Reminder');
    expect(mail!.body).toContain(`/contracts/${contract.documentId}/sign`);
    expect((await trail(contract.documentId)).map((e) => e.type).slice(-1)).toEqual(['email_delivered']);

    const again = await admin.post(url, { signatory: anna.membership.documentId }).expect(409);
    expect(again.body.error.details.errors[0].path).toEqual(['signatory']);
    const notYet = await admin.post(url, { signatory: ben.membership.documentId }).expect(409);
    expect(notYet.body.error.message).toMatch(/not to sign yet/);
    const stranger = await admin.post(url, { signatory: 'nobody-at-all' }).expect(400);
    expect(stranger.body.error.details.errors[0].path).toEqual(['signatory']);
    expect(await f.count('outbound-email', { kind: 'contract_reminder' })).toBe(1);
  });

  it('lets the first contact sign through the portal on the uploaded PDF', async () => {
    const signed = await sign(anna, contract.documentId, 'Anna Schmidt');
    expect(signed.contract.status).toBe('partially_signed');
  });

  it('cancels the request: the trail records it, the contract is a draft again, no signatory can sign and no request still queued goes out', async () => {
    // Ben's request, queued when Anna signed, has gone out; a reminder due later has not.
    await deliverQueued(app.strapi);
    const later = { email: ben.email, name: 'Ben Okafor', locale: 'en' };
    const vars = { contractId: contract.documentId, number: contract.number, title: contract.title };
    await queueEmail(app.strapi, { kind: 'contract_reminder', to: later, vars, dedupeKey: `contract_reminder:${contract.documentId}:later:${ben.email}`, notBefore: new Date(Date.now() + 86_400_000) });
    const before = await contractRow(contract.documentId);
    clearOutbox(app.outboxDir);
    const cancelled = await admin.post(`/clientia/contracts/${contract.documentId}/cancel`, { reason: 'Fee schedule changes' }).expect(200);
    expect(cancelled.body.data.contract.state).toBe('draft');
    expect(cancelled.body.data.events.at(-1)).toMatchObject({ type: 'cancelled', email: 'staff@firm.example', reason: 'Fee schedule changes' });
    expect(before.state).toBe('partially_signed');
    expect((await trail(contract.documentId)).at(-1)).toMatchObject({ type: 'cancelled', reason: 'Fee schedule changes' });
    expect(await f.count('outbound-email', { kind: 'contract_reminder', state: 'queued' })).toBe(0);
    await portal(ben, 'get', `/contracts/${contract.documentId}/signing`).expect(404);
    await portal(ben, 'post', `/contracts/${contract.documentId}/sign`, {
      documentHash: sha256(original),
      consent: true,
      consentVersion: sha256('x'),
      typedName: 'Ben Okafor',
    }).expect(404);
    await admin.post(`/clientia/contracts/${contract.documentId}/reminders`, { signatory: ben.membership.documentId }).expect(409);
    await admin.post(`/clientia/contracts/${contract.documentId}/cancel`, {}).expect(409);
    expect((await admin.get(`/clientia/contracts/${contract.documentId}/verification`).expect(200)).body.data.valid).toBe(true);

    // Both were asked (Anna signed, Ben's request went out): both hear it is withdrawn, and why.
    await deliverQueued(app.strapi);
    const told = readOutbox(app.outboxDir);
    expect(told.map((mail) => mail.headers.to).sort()).toEqual([anna.email, ben.email].sort());
    for (const mail of told) {
      expect(mail.headers.subject).toContain('no longer out for signature');
      expect(mail.body).toContain('Fee schedule changes');
      expect(mail.body).not.toContain(`/contracts/${contract.documentId}/sign`);
    }
  });

  it('sends a corrected PDF as the next version, which both sign, and the whole trail still verifies', async () => {
    const corrected = await agreementPdf('Statement of work: website relaunch, corrected fees');
    const uploaded = await upload(contract.documentId, corrected, 'SOW corrected.pdf').expect(200);
    expect(uploaded.body.data.contract).toMatchObject({ version: 2, file: { sha256: sha256(corrected) } });
    await admin
      .post(`/clientia/contracts/${contract.documentId}/send`, { signatories: [anna.membership.documentId, ben.membership.documentId], sequential: false })
      .expect(200);
    await sign(anna, contract.documentId, 'Anna Schmidt');
    const done = await sign(ben, contract.documentId, 'Ben Okafor');
    expect(done.contract.status).toBe('signed');
    const verification = (await admin.get(`/clientia/contracts/${contract.documentId}/verification`).expect(200)).body.data;
    expect(verification).toMatchObject({ valid: true, findings: [], document: { recorded: sha256(corrected), actual: sha256(corrected) } });
  });

  it('keeps the signed contract as signed: the renewal date can move, its terms cannot', async () => {
    const renewed = await admin.put(`/clientia/contracts/${contract.documentId}`, { renewalDate: '2028-01-01' }).expect(200);
    expect(renewed.body.data.contract.renewalDate).toBe('2028-01-01');
    const refused = await admin.put(`/clientia/contracts/${contract.documentId}`, { title: 'A new title' }).expect(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['title']);
    expect(refused.body.error.message).toMatch(/amendment/);
  });

  it('amends the signed contract: a new draft linked to it, the original untouched', async () => {
    const before = await contractRow(contract.documentId);
    const eventsBefore = await trail(contract.documentId);
    const response = await admin.post(`/clientia/contracts/${contract.documentId}/amendments`, {}).expect(201);
    const amendment = response.body.data;
    expect(amendment.contract).toMatchObject({
      kind: 'amendment',
      state: 'draft',
      title: 'Amendment to Statement of work: website relaunch',
      amends: { documentId: contract.documentId },
      client: { documentId: client.documentId },
      hasFile: false,
    });
    expect(amendment.contract.documentId).not.toBe(contract.documentId);
    expect(await contractRow(contract.documentId)).toEqual(before);
    expect(await trail(contract.documentId)).toEqual(eventsBefore);
    const original = (await admin.get(`/clientia/contracts/${contract.documentId}/signing`).expect(200)).body.data;
    expect(original.amendments).toEqual([{ documentId: amendment.contract.documentId, number: amendment.contract.number, title: amendment.contract.title, state: 'draft' }]);

    const named = await admin.post(`/clientia/contracts/${contract.documentId}/amendments`, { title: 'Second amendment: hosting' }).expect(201);
    expect(named.body.data.contract.title).toBe('Second amendment: hosting');
    const draft = await admin.post(`/clientia/contracts/${amendment.contract.documentId}/amendments`, {}).expect(409);
    expect(draft.body.error.message).toMatch(/only a signed or active contract/);
  });
});
