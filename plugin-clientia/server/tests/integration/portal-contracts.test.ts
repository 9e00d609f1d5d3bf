import type { Response } from 'supertest';

import { fixtures } from '../helpers/fixtures';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { storeRecordPdf } from '../helpers/private-store';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Doc = { id: number; documentId: string; number?: string };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

/** Collects a download's bytes as they arrive (superagent hands the raw stream to a parser). */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('portal API: contracts', () => {
  let app: TestApp;
  let world: PortalWorld;
  const a: Record<'signed' | 'amendment' | 'nda' | 'draft', Doc> = {} as never;
  let foreign: Doc;
  const seen: string[] = [];

  const get = (persona: Persona, url: string, selector?: string) => {
    const request = app.http().get(`/api/clientia${url}`);
    const auth = world.auth[persona];
    if (auth) request.set('Authorization', auth);
    const client = selector ?? world.selector[persona];
    if (client) request.set('X-Clientia-Client', client);
    return request;
  };
  /** A request of one of A's personas whose JSON is later searched for B's data. */
  const asA = async (persona: Persona, url: string, status = 200) => {
    const response = await get(persona, url, persona === 'contactAB' ? world.clientA.documentId : undefined).expect(status);
    seen.push(JSON.stringify(response.body));
    return response;
  };

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildPortalWorld(app);
    const f = fixtures(app);

    const membership = async (name: string, client: { id: number }) =>
      (await app.strapi.db.query('plugin::clientia.membership').findOne({ where: { name, client: { id: client.id } } })) as Doc;
    const ownerA = await membership('ownerA', world.clientA);
    const adminA = await membership('adminA', world.clientA);

    a.signed = (await f.contract(world.clientA, {
      title: 'Master services agreement',
      state: 'signed',
      effectiveDate: '2026-01-01',
      endDate: '2027-12-31',
      renewalDate: '2027-10-01',
      value: 1_234_567,
      signatories: [ownerA.documentId, adminA.documentId],
      internalNotes: 'STAFF-ONLY: walk-away price is lower',
    })) as Doc;
    await storeRecordPdf(app, 'plugin::clientia.contract', a.signed.documentId, PDF, 'msa.pdf');
    a.amendment = (await f.contract(world.clientA, {
      title: 'Amendment 1: extended scope',
      kind: 'amendment',
      state: 'sent',
      effectiveDate: '2026-06-01',
      amends: a.signed.documentId,
      signatories: [ownerA.documentId],
    })) as Doc;
    a.nda = (await f.contract(world.clientA, { title: 'Mutual NDA', kind: 'nda', state: 'active', effectiveDate: '2025-03-15' })) as Doc;
    a.draft = (await f.contract(world.clientA, { title: 'Draft statement of work', kind: 'sow', amends: a.signed.documentId })) as Doc;
    foreign = (await f.contract(world.clientB, { title: 'Beta confidential licence', kind: 'licence', state: 'sent' })) as Doc;
    await storeRecordPdf(app, 'plugin::clientia.contract', foreign.documentId, PDF, 'msa.pdf');

    const owner = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: world.emails.ownerA } })) as Doc;
    const system = app.strapi.plugin('clientia').service('system') as { run: <T>(fn: () => Promise<T>) => Promise<T> };
    await system.run(() =>
      f.docs('signature-event').create({
        data: {
          contract: a.signed.documentId,
          client: world.clientA.documentId,
          type: 'signed',
          contractVersion: 1,
          user: owner.documentId,
          occurredAt: '2026-01-02T10:00:00.000Z',
          hash: 'a'.repeat(64),
        } as never,
      })
    );
  });
  afterAll(async () => {
    await app?.stop();
  });

  const routes = () => ['/contracts', `/contracts/${a.signed.documentId}`, `/contracts/${a.signed.documentId}/file`];

  it('is for owners, admins and billing contacts; members and outsiders are refused', async () => {
    for (const url of routes()) {
      for (const persona of ['billingA', 'adminA', 'ownerA', 'contactAB'] as const) await asA(persona, url);
      await get('memberA', url).expect(403);
      // contactAB owns A but is only a member of B.
      await get('contactAB', url).expect(403);
      expect((await get('apiToken', url)).status).toBe(403);
      expect([401, 403]).toContain((await get('anonymous', url)).status);
      expect([401, 403]).toContain((await get('blocked', url)).status);
    }
  });

  it('lists the client’s contracts without drafts, with what each asks of the caller', async () => {
    const { body } = await asA('ownerA', '/contracts');
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 25, total: 3, pageCount: 1 });
    expect(body.data.map((c: Doc) => c.documentId)).toEqual([a.amendment.documentId, a.signed.documentId, a.nda.documentId]);
    const signed = await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: a.signed.id } });
    expect(body.data[1]).toEqual({
      documentId: a.signed.documentId,
      number: signed.number,
      title: 'Master services agreement',
      kind: 'msa',
      status: 'signed',
      effectiveDate: '2026-01-01',
      endDate: '2027-12-31',
      renewalDate: '2027-10-01',
      value: { amount: 1_234_567, currency: 'EUR' },
      amends: null,
      signedAt: new Date(signed.signedAt).toISOString(),
      isSignatory: true,
      hasSigned: true,
      hasFile: true,
    });
    expect(body.data[0]).toMatchObject({ kind: 'amendment', status: 'sent', amends: a.signed.documentId, value: null, isSignatory: true, hasSigned: false, hasFile: false });
    expect(JSON.stringify(body)).not.toContain('STAFF-ONLY');
    expect(JSON.stringify(body)).not.toContain('internalNotes');

    const forBilling = await asA('billingA', '/contracts');
    expect(forBilling.body.data.map((c: { isSignatory: boolean; hasSigned: boolean }) => [c.isSignatory, c.hasSigned])).toEqual([
      [false, false],
      [false, false],
      [false, false],
    ]);
    const forAdmin = await asA('adminA', '/contracts');
    expect(forAdmin.body.data[1]).toMatchObject({ isSignatory: true, hasSigned: false });
  });

  it('filters by status, sorts on the allowed fields and pages', async () => {
    const sent = await asA('billingA', '/contracts?status=sent');
    expect(sent.body.data.map((c: Doc) => c.documentId)).toEqual([a.amendment.documentId]);
    const byTitle = await asA('billingA', '/contracts?sort=title:asc');
    expect(byTitle.body.data.map((c: { title: string }) => c.title)).toEqual(['Amendment 1: extended scope', 'Master services agreement', 'Mutual NDA']);
    const oldest = await asA('billingA', '/contracts?sort=effectiveDate&pageSize=1&page=2');
    expect(oldest.body.data.map((c: Doc) => c.documentId)).toEqual([a.signed.documentId]);
    expect(oldest.body.meta.pagination).toEqual({ page: 2, pageSize: 1, total: 3, pageCount: 3 });
    expect((await asA('billingA', '/contracts?status=declined')).body.data).toEqual([]);
  });

  it.each([
    ['status=draft', 'status'],
    ['status=bogus', 'status'],
    ['sort=internalNotes', 'sort'],
    ['sort=value:desc', 'sort'],
    ['pageSize=101', 'pageSize'],
    ['populate=*', 'populate'],
    ['filters[client][id]=1', 'filters'],
  ])('refuses %s naming %s', async (query, field) => {
    const response = await get('ownerA', `/contracts?${query}`).expect(400);
    expect(response.body.error.message).toContain(field);
  });

  it('shows one contract with its amendments and signatories by name, never their email', async () => {
    const { body } = await asA('ownerA', `/contracts/${a.signed.documentId}`);
    const amendment = await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: a.amendment.id } });
    expect(body.data).toMatchObject({
      documentId: a.signed.documentId,
      title: 'Master services agreement',
      status: 'signed',
      version: 1,
      isSignatory: true,
      hasSigned: true,
      hasFile: true,
      value: { amount: 1_234_567, currency: 'EUR' },
    });
    // The draft amending it stays invisible.
    expect(body.data.amendments).toEqual([
      { documentId: a.amendment.documentId, number: amendment.number, title: 'Amendment 1: extended scope', status: 'sent' },
    ]);
    expect(body.data.signatories).toEqual([
      { name: 'adminA', order: 1, hasSigned: false, signedAt: null },
      { name: 'ownerA', order: 2, hasSigned: true, signedAt: '2026-01-02T10:00:00.000Z' },
    ]);
    const text = JSON.stringify(body);
    for (const email of Object.values(world.emails)) expect(text).not.toContain(email);
    expect(text).not.toContain('STAFF-ONLY');
  });

  it('answers 404 alike for a foreign, a missing, a malformed and a draft contract', async () => {
    const messages = new Set<string>();
    for (const id of [foreign.documentId, 'no-such-contract', a.draft.documentId, encodeURIComponent('\u202ea\u0000b'), '..%2F..%2Fetc']) {
      for (const url of [`/contracts/${id}`, `/contracts/${id}/file`]) {
        const response = await asA('ownerA', url, 404);
        messages.add(response.body.error.message);
      }
    }
    expect([...messages]).toEqual(['No contract with this id']);
    // B's own contact reaches it; A's contract is foreign to them.
    await get('contactB', `/contracts/${foreign.documentId}`).expect(200);
    await get('contactB', `/contracts/${a.signed.documentId}`).expect(404);
  });

  it('streams the contract’s PDF as a private download', async () => {
    const signed = await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: a.signed.id } });
    const response = await get('billingA', `/contracts/${a.signed.documentId}/file`).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${signed.number}.pdf"`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['content-length']).toBe(String(PDF.length));
    expect(Buffer.compare(response.body as Buffer, PDF)).toBe(0);
  });

  it('answers 404 when the contract has no file', async () => {
    const response = await asA('ownerA', `/contracts/${a.nda.documentId}/file`, 404);
    expect(response.body.error.message).toBe('This contract has no file to download');
  });

  it('shows B’s contracts to B’s contact only', async () => {
    const { body } = await get('contactB', '/contracts').expect(200);
    expect(body.data.map((c: Doc) => c.documentId)).toEqual([foreign.documentId]);
    expect(body.data[0]).toMatchObject({ isSignatory: false, hasSigned: false, hasFile: true });
  });

  it('never shows client B’s data to A’s contacts', () => {
    expect(seen.length).toBeGreaterThan(15);
    const all = seen.join('\n');
    for (const secret of ['Beta Foreign Co', 'Beta confidential licence', world.clientB.documentId, foreign.documentId]) {
      expect(all).not.toContain(secret);
    }
  });
});
