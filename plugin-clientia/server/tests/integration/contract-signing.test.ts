import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { PDFDocument, StandardFonts } from 'pdf-lib';

import { adminApi, moreFixtures, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { clearOutbox, deliverQueued, readOutbox } from '../helpers/outbox';
import { itWithPoppler, pdfInfo, pdfText } from '../helpers/poppler';
import { privateStoreDir, storeRecordPdf } from '../helpers/private-store';
import { adminToken, portalUser, startTestApp, type TestApp } from '../helpers/test-app';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const EVENTS = 'clientia_signature_events';

/** A two-page agreement, as a firm would upload it. */
const agreementPdf = async (title: string) => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of [`${title}: clause 1, scope of services`, `${title}: clause 2, fees and signatures`]) {
    pdf.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 12, font });
  }
  pdf.setCreationDate(new Date('2026-11-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-11-01T00:00:00Z'));
  return Buffer.from(await pdf.save());
};

const binary = (res: NodeJS.ReadableStream & { setEncoding(e: string): void; on: (e: string, cb: (chunk?: unknown) => void) => void }, done: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (chunk) => parts.push(chunk as Buffer));
  res.on('end', () => done(null, Buffer.concat(parts)));
};

interface Contact {
  jwt: string;
  email: string;
  userDocumentId: string;
  membership: { documentId: string };
  /** The portal session this contact signs from, as the portal forwards it. */
  session: string;
}

describe('contract e-signature: send, sign in order, complete, verify', () => {
  let app: TestApp;
  let admin: ReturnType<typeof adminApi>;
  let client: { id: number; documentId: string };
  let anna: Contact;
  let ben: Contact;
  let reader: Contact;
  let member: Contact;
  let outsider: Contact;

  const f = () => fixtures(app);

  const contact = async (owner: { documentId: string }, email: string, data: Record<string, unknown>): Promise<Contact> => {
    const account = await portalUser(app, email);
    const membership = (await moreFixtures(app).membership(owner, Number(account.user.id), data)) as { documentId: string };
    return { jwt: account.jwt, email, userDocumentId: String(account.user.documentId), membership, session: sha256(`session:${email}`) };
  };

  /** A portal call as the portal makes it: the contact's JWT and the signer context it forwards. */
  const portal = (who: Contact, method: 'get' | 'post', url: string, body?: unknown, ip = '203.0.113.9') => {
    const http = app.http();
    const req = (method === 'get' ? http.get(`/api/clientia${url}`) : http.post(`/api/clientia${url}`))
      .set('Authorization', `Bearer ${who.jwt}`)
      .set('User-Agent', 'clientia-portal/1.0')
      .set('X-Forwarded-For', ip)
      .set('X-Clientia-Session', who.session)
      .set('X-Clientia-Auth-Method', 'password')
      .set('X-Clientia-User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chromium/156 Clientia-Test');
    return body === undefined ? req : req.send(body as object);
  };

  /** A draft with its PDF in the private store, or without one (`file: null`). */
  const draft = async (title: string, { file = true, ...data }: { file?: null | true } & Record<string, unknown> = {}) => {
    const bytes = await agreementPdf(title);
    const contract = (await f().contract(client, { title, state: 'draft', ...data })) as unknown as { id: number; documentId: string };
    const key = file ? await storeRecordPdf(app, 'plugin::clientia.contract', contract.documentId, bytes, `${title.toLowerCase().replace(/\W+/g, '-')}.pdf`) : null;
    return { contract, bytes, file: { path: key ? path.join(privateStoreDir(app), key) : '' } };
  };

  const signingView = async (who: Contact, documentId: string) =>
    (await portal(who, 'get', `/contracts/${documentId}/signing?locale=en`).expect(200)).body.data;

  const signBody = async (who: Contact, documentId: string, typedName: string) => {
    const view = await signingView(who, documentId);
    return { documentHash: view.documentHash, consent: true, consentVersion: view.consent.version, typedName };
  };

  const events = async (contractId: number) =>
    (await app.strapi.db.connection(EVENTS).join(`${EVENTS}_contract_lnk as l`, 'l.signature_event_id', `${EVENTS}.id`).where('l.contract_id', contractId).orderBy(`${EVENTS}.id`)) as {
      id: number;
      type: string;
      ip: string | null;
      session_hash: string | null;
      auth_method: string | null;
      user_agent: string | null;
      typed_name: string | null;
      document_hash: string | null;
      email: string | null;
      consent_version: string | null;
      hash: string;
    }[];

  const verification = async (documentId: string) => (await admin.get(`/clientia/contracts/${documentId}/verification`).expect(200)).body.data;
  const findingsOf = async (documentId: string) => ((await verification(documentId)).findings as { kind: string; index: number | null }[]).map((x) => `${x.kind}@${x.index}`);

  beforeAll(async () => {
    app = await startTestApp();
    admin = adminApi(app, await adminToken(app));
    await app.strapi.documents('plugin::clientia.branding').create({
      data: { firmName: 'Keller & Brandt', supportEmail: 'contracts@keller.example', emailSenderAddress: 'portal@keller.example' } as never,
    });
    client = (await f().client({ name: 'Northwind Logistics', timezone: 'Europe/Berlin' })) as unknown as typeof client;
    anna = await contact(client, 'anna@northwind.example', { role: 'owner', signatory: true, name: 'Anna Schmidt' });
    ben = await contact(client, 'ben@northwind.example', { role: 'billing', signatory: true, name: 'Ben Okafor' });
    reader = await contact(client, 'rita@northwind.example', { role: 'admin', signatory: false, name: 'Rita Reader' });
    member = await contact(client, 'max@northwind.example', { role: 'member', signatory: true, name: 'Max Member' });
    const other = await f().client({ name: 'Bluebird Studio' });
    outsider = await contact(other, 'olga@bluebird.example', { role: 'owner', signatory: true, name: 'Olga Outsider' });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  describe('a two-signer contract, signed in order', () => {
    let contract: { id: number; documentId: string };
    let original: Buffer;
    let file: { path: string };
    let annaRequest: Record<string, unknown>;

    beforeAll(async () => {
      ({ contract, bytes: original, file } = await draft('Master services agreement'));
      clearOutbox(app.outboxDir);
    });

    it('refuses to send to contacts who cannot sign, and only for staff who may manage records', async () => {
      const url = `/clientia/contracts/${contract.documentId}/send`;
      const notSignatory = await admin.post(url, { signatories: [reader.membership.documentId], sequential: false }).expect(400);
      expect(notSignatory.body.error.details.errors[0].path).toEqual(['signatories', '0']);
      const memberRole = await admin.post(url, { signatories: [anna.membership.documentId, member.membership.documentId] }).expect(400);
      expect(memberRole.body.error.details.errors[0].path).toEqual(['signatories', '1']);
      const foreign = await admin.post(url, { signatories: [outsider.membership.documentId] }).expect(400);
      expect(foreign.body.error.message).toMatch(/not a contact of the contract's client/);
      await admin.post(url, { signatories: [] }).expect(400);
      await admin.post(url, { signatories: [anna.membership.documentId, anna.membership.documentId] }).expect(400);
      await admin.post(url, { signatories: [anna.membership.documentId], sequential: 'yes' }).expect(400);
      await admin.post(url, { signatories: [anna.membership.documentId], state: 'signed' }).expect(400);
      const readOnly = await staffWithActions(app, ['plugin::clientia.read']);
      await adminApi(app, readOnly.token).post(url, { signatories: [anna.membership.documentId] }).expect(403);
      const { contract: noFile } = await draft('Unfiled agreement', { file: null });
      const missing = await admin.post(`/clientia/contracts/${noFile.documentId}/send`, { signatories: [anna.membership.documentId] }).expect(400);
      expect(missing.body.error.details.errors[0].path).toEqual(['file']);
      expect(await events(contract.id)).toEqual([]);
      expect(readOutbox(app.outboxDir)).toEqual([]);
    });

    it('sends it: records the PDF’s SHA-256, chains a sent event and emails the first signatory only', async () => {
      const response = await admin
        .post(`/clientia/contracts/${contract.documentId}/send`, { signatories: [anna.membership.documentId, ben.membership.documentId], sequential: true })
        .expect(200);
      const view = response.body.data;
      expect(view.contract).toMatchObject({ state: 'sent', documentHash: sha256(original), sequentialSigning: true });
      expect(view.signatories.map((s: { name: string; order: number; status: string }) => [s.name, s.order, s.status])).toEqual([
        ['Anna Schmidt', 1, 'pending'],
        ['Ben Okafor', 2, 'pending'],
      ]);
      expect(view.canSend).toBe(false);
      await deliverQueued(app.strapi);
      const trail = await events(contract.id);
      expect(trail.map((e) => e.type)).toEqual(['sent', 'email_delivered']);
      expect(trail[0]).toMatchObject({ email: 'staff@firm.example', auth_method: 'admin', document_hash: sha256(original) });
      expect(trail[1]).toMatchObject({ email: anna.email });
      const mail = readOutbox(app.outboxDir);
      expect(mail.map((m) => m.headers.to)).toEqual([anna.email]);
      expect(mail[0]!.headers.subject).toContain('Please sign');
      expect(mail[0]!.body).toContain(`/contracts/${contract.documentId}/sign`);
      expect(mail[0]!.headers.from).toContain('portal@keller.example');
      await admin.post(`/clientia/contracts/${contract.documentId}/send`, { signatories: [anna.membership.documentId] }).expect(400);
    });

    it('keeps the contract as sent while it is out for signature: staff must recall it first', async () => {
      const refusedEdit = await app.strapi
        .documents('plugin::clientia.contract')
        .update({ documentId: contract.documentId, data: { title: 'Changed while out' } as never })
        .catch((error: Error) => error);
      expect(refusedEdit).toBeInstanceOf(Error);
      expect((refusedEdit as Error).message).toMatch(/out for signature/);
    });

    it('shows each signatory whose turn it is, with the consent text, and records a view once per session', async () => {
      const annaView = await signingView(anna, contract.documentId);
      expect(annaView).toMatchObject({ documentHash: sha256(original), sequential: true, caller: { canSign: true, refusal: null } });
      expect(annaView.consent.text).toMatch(/ESIGN/);
      expect(annaView.consent.version).toBe(sha256(annaView.consent.text));
      const german = (await portal(anna, 'get', `/contracts/${contract.documentId}/signing?locale=de`).expect(200)).body.data;
      expect(german.consent.text).toMatch(/elektronisch/);
      expect(german.consent.version).not.toBe(annaView.consent.version);
      await portal(anna, 'get', `/contracts/${contract.documentId}/signing?locale=fr`).expect(400);
      const benView = await signingView(ben, contract.documentId);
      expect(benView.caller).toEqual({ canSign: false, refusal: 'not_your_turn', signedAt: null, declinedAt: null });
      expect((await signingView(reader, contract.documentId)).caller.refusal).toBe('not_signatory');
      const viewed = (await events(contract.id)).filter((e) => e.type === 'viewed');
      expect(viewed).toHaveLength(1);
      expect(viewed[0]).toMatchObject({ email: anna.email, ip: '203.0.113.9', session_hash: anna.session, auth_method: 'password' });
    });

    it('answers a foreign or missing contract with 404 on every signing route', async () => {
      for (const [method, url, body] of [
        ['get', `/contracts/${contract.documentId}/signing`, undefined],
        ['post', `/contracts/${contract.documentId}/sign`, await signBody(anna, contract.documentId, 'Olga Outsider')],
        ['post', `/contracts/${contract.documentId}/decline`, { reason: 'Not ours' }],
        ['get', `/contracts/${contract.documentId}/signed-file`, undefined],
        ['get', `/contracts/${contract.documentId}/verification`, undefined],
      ] as const) {
        const response = await portal(outsider, method, url, body).expect(404);
        expect(JSON.stringify(response.body)).not.toContain(sha256(original));
      }
      await portal(anna, 'get', '/contracts/zz9missingdocid0000000000/signing').expect(404);
    });

    it('refuses a signature out of turn, on another document, with an old consent, or from a non-signatory', async () => {
      const refusal = async (who: Contact, body: unknown) => {
        const response = await portal(who, 'post', `/contracts/${contract.documentId}/sign`, body).expect(409);
        return response.body.error.details.refusal as string;
      };
      expect(await refusal(ben, await signBody(ben, contract.documentId, 'Ben Okafor'))).toBe('not_your_turn');
      expect(await refusal(reader, await signBody(anna, contract.documentId, 'Rita Reader'))).toBe('not_signatory');
      const good = await signBody(anna, contract.documentId, 'Anna Schmidt');
      expect(await refusal(anna, { ...good, documentHash: sha256('another document') })).toBe('document_changed');
      expect(await refusal(anna, { ...good, consentVersion: sha256('an older consent text') })).toBe('consent_outdated');
      for (const [field, body] of [
        ['consent', { ...good, consent: false }],
        ['typedName', { ...good, typedName: '   ' }],
        ['typedName', { ...good, typedName: 'x'.repeat(301) }],
        ['typedName', { ...good, typedName: 'Anna\u202eSchmidt' }],
        ['documentHash', { ...good, documentHash: 'abc' }],
        ['extra', { ...good, extra: 1 }],
      ] as const) {
        const response = await portal(anna, 'post', `/contracts/${contract.documentId}/sign`, body).expect(400);
        expect(response.body.error.details.errors[0].path).toEqual([field]);
      }
      // One view: Anna's session opened the page several times; nobody else's turn came.
      expect((await events(contract.id)).map((e) => e.type)).toEqual(['sent', 'email_delivered', 'viewed']);
    });

    it('takes the first signature: consent and signature events with the signer’s context, then emails the next signatory', async () => {
      clearOutbox(app.outboxDir);
      annaRequest = await signBody(anna, contract.documentId, 'Anna Schmidt');
      const response = await portal(anna, 'post', `/contracts/${contract.documentId}/sign`, annaRequest).expect(200);
      expect(response.body.data.contract.status).toBe('partially_signed');
      expect(response.body.data.caller).toMatchObject({ canSign: false, refusal: 'already_signed' });
      await deliverQueued(app.strapi);
      const trail = await events(contract.id);
      const [consented, signed] = trail.slice(-3, -1);
      expect(consented).toMatchObject({ type: 'consented', email: anna.email, consent_version: annaRequest.consentVersion, document_hash: sha256(original) });
      expect(signed).toMatchObject({
        type: 'signed',
        typed_name: 'Anna Schmidt',
        ip: '203.0.113.9',
        session_hash: anna.session,
        auth_method: 'password',
        user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Chromium/156 Clientia-Test',
      });
      expect(trail[trail.length - 1]).toMatchObject({ type: 'email_delivered', email: ben.email });
      expect(readOutbox(app.outboxDir).map((m) => m.headers.to)).toEqual([ben.email]);
      expect((await signingView(ben, contract.documentId)).caller.canSign).toBe(true);
    });

    it('refuses the same sign request replayed', async () => {
      const before = (await events(contract.id)).length;
      const replay = await portal(anna, 'post', `/contracts/${contract.documentId}/sign`, annaRequest).expect(409);
      expect(replay.body.error.details.refusal).toBe('already_signed');
      expect(await events(contract.id)).toHaveLength(before);
    });

    it('refuses a signature when the stored PDF no longer has the bytes that were sent, and the verification names it', async () => {
      const body = await signBody(ben, contract.documentId, 'Ben Okafor');
      const tampered = Buffer.concat([original, Buffer.from('\n% appended\n')]);
      writeFileSync(file.path, tampered);
      try {
        const response = await portal(ben, 'post', `/contracts/${contract.documentId}/sign`, body).expect(409);
        expect(response.body.error.details.refusal).toBe('document_changed');
        const checked = await verification(contract.documentId);
        expect(checked.valid).toBe(false);
        expect(checked.document).toEqual({ recorded: sha256(original), actual: sha256(tampered) });
        expect(checked.findings.map((x: { kind: string }) => x.kind)).toContain('file-changed');
      } finally {
        writeFileSync(file.path, original);
      }
      expect((await verification(contract.documentId)).valid).toBe(true);
    });

    it('completes on the last signature: the signed PDF with its certificate page, the contract signed, a copy to every party', async () => {
      clearOutbox(app.outboxDir);
      const body = await signBody(ben, contract.documentId, 'Ben Okafor');
      const response = await portal(ben, 'post', `/contracts/${contract.documentId}/sign`, body, '198.51.100.20').expect(200);
      const view = response.body.data;
      expect(view.contract.status).toBe('signed');
      expect(view.completed).toMatchObject({ sha256: expect.stringMatching(/^[a-f0-9]{64}$/), verificationCode: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/) });

      await deliverQueued(app.strapi);
      const trail = await events(contract.id);
      expect(trail.map((e) => e.type).slice(-3)).toEqual(['consented', 'signed', 'completed']);
      expect(trail[trail.length - 1]!.document_hash).toBe(view.completed.sha256);

      const download = await portal(anna, 'get', `/contracts/${contract.documentId}/signed-file`).buffer(true).parse(binary as never).expect(200);
      const signedPdf = download.body as Buffer;
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toMatch(/attachment; filename=".*-signed\.pdf"/);
      expect(sha256(signedPdf)).toBe(view.completed.sha256);
      const staffCopy = await admin.get(`/clientia/contracts/${contract.documentId}/signed-file`).buffer(true).parse(binary as never).expect(200);
      expect(sha256(staffCopy.body as Buffer)).toBe(view.completed.sha256);

      const mail = readOutbox(app.outboxDir);
      expect(mail.map((m) => m.headers.to).sort()).toEqual([anna.email, ben.email, 'contracts@keller.example'].sort());
      for (const message of mail) {
        expect(message.headers.subject).toContain('Signed');
        expect(message.raw).toMatch(/filename="?[^"\n]*-signed\.pdf/);
        expect(message.body).toContain(view.completed.verificationCode);
      }

      const contractRow = await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: contract.id } });
      expect(contractRow).toMatchObject({ state: 'signed', completedFileHash: view.completed.sha256, verificationCode: view.completed.verificationCode });
      expect((await verification(contract.documentId)).valid).toBe(true);
      expect((await portal(anna, 'get', `/contracts/${contract.documentId}/verification`).expect(200)).body.data).toMatchObject({
        valid: true,
        verificationCode: view.completed.verificationCode,
        completedDocument: { recorded: view.completed.sha256, actual: view.completed.sha256 },
      });
      (globalThis as Record<string, unknown>).__signedPdf = signedPdf;
    });

    itWithPoppler('produces a PDF a reader opens: the original pages, then the certificate page', async () => {
      const signedPdf = (globalThis as Record<string, unknown>).__signedPdf as Buffer;
      const info = await pdfInfo(signedPdf);
      expect(info.warnings).toBe('');
      expect(info.pages).toBeGreaterThanOrEqual(3);
      expect(await pdfText(signedPdf, { first: 1, last: 2 })).toContain('Master services agreement: clause 1');
      const certificate = (await pdfText(signedPdf, { first: 3 })).replace(/\s+/g, ' ');
      expect(certificate).toMatch(/Signing certificate/);
      for (const expected of ['Anna Schmidt', 'Ben Okafor', '203.0.113.9', '198.51.100.20', 'Europe/Berlin', 'Keller & Brandt', 'Northwind Logistics']) {
        expect(certificate).toContain(expected);
      }
      const row = await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: contract.id } });
      expect(certificate).toContain(row.verificationCode);
      expect(certificate.replace(/ /g, '')).toContain(sha256(original));
    });

    it('keeps a signed contract as it is: changes are amendments, which are sent and signed the same way', async () => {
      const edit = await app.strapi
        .documents('plugin::clientia.contract')
        .update({ documentId: contract.documentId, data: { title: 'Rewritten' } as never })
        .catch((error: Error) => error);
      expect((edit as Error).message).toMatch(/create an amendment/);
      const refusal = await portal(anna, 'post', `/contracts/${contract.documentId}/sign`, annaRequest).expect(409);
      expect(refusal.body.error.details.refusal).toBe('already_signed');
      const { contract: amendment } = await draft('Amendment no. 1', { kind: 'amendment', amends: contract.documentId });
      await admin.post(`/clientia/contracts/${amendment.documentId}/send`, { signatories: [anna.membership.documentId] }).expect(200);
      await portal(anna, 'post', `/contracts/${amendment.documentId}/sign`, await signBody(anna, amendment.documentId, 'Anna Schmidt')).expect(200);
      const detail = (await portal(anna, 'get', `/contracts/${contract.documentId}`).expect(200)).body.data;
      expect(detail.amendments).toEqual([expect.objectContaining({ documentId: amendment.documentId, status: 'signed' })]);
    });

    it('detects a byte changed in the completed PDF, an altered event and a removed event', async () => {
      const row = await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: contract.id } });
      const completedPath = path.join(process.env.CLIENTIA_DOCUMENTS_DIR ?? '', row.completedFileKey);
      const completed = readFileSync(completedPath);
      const flipped = Buffer.from(completed);
      flipped[Math.floor(flipped.length / 2)] ^= 0x01;
      writeFileSync(completedPath, flipped);
      expect(await findingsOf(contract.documentId)).toEqual(['document-changed@' + ((await events(contract.id)).length - 1), 'file-changed@null']);
      writeFileSync(completedPath, completed);
      expect(await findingsOf(contract.documentId)).toEqual([]);

      const trail = await events(contract.id);
      const signed = trail.find((e) => e.type === 'signed')!;
      // Straight in the database, past the plugin: only the verification can tell.
      await app.strapi.db.connection(EVENTS).where({ id: signed.id }).update({ ip: '203.0.113.10' });
      expect(await findingsOf(contract.documentId)).toEqual([`altered@${trail.indexOf(signed)}`]);
      await app.strapi.db.connection(EVENTS).where({ id: signed.id }).update({ ip: signed.ip });
      expect(await findingsOf(contract.documentId)).toEqual([]);

      const viewed = trail.find((e) => e.type === 'viewed')!;
      const links = await app.strapi.db.connection(`${EVENTS}_contract_lnk`).where({ signature_event_id: viewed.id });
      await app.strapi.db.connection(`${EVENTS}_contract_lnk`).where({ signature_event_id: viewed.id }).delete();
      try {
        expect(await findingsOf(contract.documentId)).toEqual([`broken-link@${trail.indexOf(viewed)}`]);
      } finally {
        await app.strapi.db.connection(`${EVENTS}_contract_lnk`).insert(links);
      }
      expect(await findingsOf(contract.documentId)).toEqual([]);

      const last = trail[trail.length - 1]!;
      const lastLinks = await app.strapi.db.connection(`${EVENTS}_contract_lnk`).where({ signature_event_id: last.id });
      await app.strapi.db.connection(`${EVENTS}_contract_lnk`).where({ signature_event_id: last.id }).delete();
      try {
        expect(await findingsOf(contract.documentId)).toEqual(expect.arrayContaining(['truncated@null']));
      } finally {
        await app.strapi.db.connection(`${EVENTS}_contract_lnk`).insert(lastLinks);
      }
    });

    it('lets no caller change or delete an event, whichever way they reach it', async () => {
      const [first] = await events(contract.id);
      const viaQuery = await app.strapi.db
        .query('plugin::clientia.signature-event')
        .update({ where: { id: first!.id }, data: { email: 'someone@else.example' } })
        .catch((error: Error) => error);
      expect((viaQuery as Error).message).toMatch(/append-only/);
      const deleteViaQuery = await app.strapi.db.query('plugin::clientia.signature-event').delete({ where: { id: first!.id } }).catch((error: Error) => error);
      expect((deleteViaQuery as Error).message).toMatch(/append-only/);
      const row = await app.strapi.db.query('plugin::clientia.signature-event').findOne({ where: { id: first!.id } });
      const viaDocuments = await app.strapi
        .documents('plugin::clientia.signature-event')
        .delete({ documentId: row.documentId })
        .catch((error: Error) => error);
      expect((viaDocuments as Error).message).toMatch(/append-only/);
      await admin.put(`/content-manager/collection-types/plugin::clientia.signature-event/${row.documentId}`, { email: 'x@y.example' }).expect((res) => {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      });
      expect((await verification(contract.documentId)).valid).toBe(true);
    });
  });

  it('ends in one completed document when both signers of a parallel contract sign at the same moment', async () => {
    const { contract } = await draft('Statement of work, parallel');
    await admin.post(`/clientia/contracts/${contract.documentId}/send`, { signatories: [anna.membership.documentId, ben.membership.documentId], sequential: false }).expect(200);
    const bodies = await Promise.all([signBody(anna, contract.documentId, 'Anna Schmidt'), signBody(ben, contract.documentId, 'Ben Okafor')]);
    const [first, second] = await Promise.all([
      portal(anna, 'post', `/contracts/${contract.documentId}/sign`, bodies[0]),
      portal(ben, 'post', `/contracts/${contract.documentId}/sign`, bodies[1]),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const trail = await events(contract.id);
    expect(trail.filter((e) => e.type === 'signed')).toHaveLength(2);
    expect(trail.filter((e) => e.type === 'completed')).toHaveLength(1);
    const row = await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: contract.id } });
    expect(row.state).toBe('signed');
    const files = new Set([first.body.data.completed?.sha256, second.body.data.completed?.sha256].filter(Boolean));
    expect([...files]).toEqual([row.completedFileHash]);
    expect((await verification(contract.documentId)).valid).toBe(true);
  });

  it('lets a signatory decline with a reason: the contract is declined for everyone and the firm is told', async () => {
    const { contract } = await draft('Non-disclosure agreement');
    await admin.post(`/clientia/contracts/${contract.documentId}/send`, { signatories: [anna.membership.documentId, ben.membership.documentId], sequential: true }).expect(200);
    await deliverQueued(app.strapi);
    clearOutbox(app.outboxDir);
    await portal(ben, 'post', `/contracts/${contract.documentId}/decline`, { reason: '' }).expect(400);
    await portal(ben, 'post', `/contracts/${contract.documentId}/decline`, { reason: 'x'.repeat(2001) }).expect(400);
    const declined = await portal(ben, 'post', `/contracts/${contract.documentId}/decline`, { reason: 'Clause 4 caps liability too low.' }).expect(200);
    expect(declined.body.data).toMatchObject({ contract: { status: 'declined' }, declineReason: 'Clause 4 caps liability too low.', caller: { declinedAt: expect.any(String) } });
    const again = await portal(anna, 'post', `/contracts/${contract.documentId}/sign`, await signBody(anna, contract.documentId, 'Anna Schmidt')).expect(409);
    expect(again.body.error.details.refusal).toBe('not_signable');
    await portal(ben, 'post', `/contracts/${contract.documentId}/decline`, { reason: 'Twice' }).expect(409);
    await deliverQueued(app.strapi);
    const trail = await events(contract.id);
    expect(trail[trail.length - 1]).toMatchObject({ type: 'declined', email: ben.email });
    const mail = readOutbox(app.outboxDir);
    expect(mail.map((m) => m.headers.to)).toEqual(['contracts@keller.example']);
    expect(mail[0]!.body).toContain('Clause 4 caps liability too low.');
    expect((await verification(contract.documentId)).valid).toBe(true);
  });

  it('believes forwarded addresses and portal headers only from a trusted proxy', async () => {
    const { contract } = await draft('Licence agreement');
    await app.strapi.config.set('plugin::clientia.trustedProxies', ['10.9.9.9']);
    try {
      await admin.post(`/clientia/contracts/${contract.documentId}/send`, { signatories: [anna.membership.documentId] }).expect(200);
      await portal(anna, 'post', `/contracts/${contract.documentId}/sign`, await signBody(anna, contract.documentId, 'Anna Schmidt'), '192.0.2.77').expect(200);
    } finally {
      await app.strapi.config.set('plugin::clientia.trustedProxies', ['127.0.0.1', '::1']);
    }
    const signed = (await events(contract.id)).find((e) => e.type === 'signed')!;
    expect(signed.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(signed.auth_method).toBe('jwt');
    expect(signed.session_hash).toBe(sha256(`bearer:${anna.jwt}`));
    expect(signed.user_agent).toBe('clientia-portal/1.0');
  });
});
