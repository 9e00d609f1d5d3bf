import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { adminApi, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { privateStoreDir, storeRecordPdf } from '../helpers/private-store';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';
import { sha256Hex, type ChainedEvent, type SignatureEventFields } from '../../src/signing/chain';

type Signing = {
  chainEvent(chain: readonly ChainedEvent[], fields: SignatureEventFields): ChainedEvent;
};
type SystemRun = { run: <T>(fn: () => Promise<T>) => Promise<T> };

describe('admin API: verifying a contract’s signing trail', () => {
  let app: TestApp;
  let admin: ReturnType<typeof adminApi>;
  let contract: { id: number; documentId: string };
  let events: ChainedEvent[];
  const pdfBytes = Buffer.from('%PDF-1.7 master services agreement');
  const pdfHash = sha256Hex(pdfBytes);
  let storedPdf: string;

  // Straight in the database, past every rule of the plugin: only the verification can tell.
  const table = () => app.strapi.db.connection('clientia_signature_events');
  const findings = async () =>
    ((await admin.get(`/clientia/contracts/${contract.documentId}/verification`).expect(200)).body.data.findings as { kind: string; index: number | null }[]).map(
      (finding) => `${finding.kind}@${finding.index}`
    );

  beforeAll(async () => {
    app = await startTestApp();
    const f = fixtures(app);
    admin = adminApi(app, await adminToken(app));
    const client = await f.client({ name: 'Chain & Co' });
    contract = (await f.contract(client, { title: 'Master services agreement' })) as unknown as { id: number; documentId: string };
    storedPdf = path.join(privateStoreDir(app), await storeRecordPdf(app, 'plugin::clientia.contract', contract.documentId, pdfBytes, 'msa.pdf'));

    const signing = app.strapi.plugin('clientia').service('signing') as Signing;
    const system = app.strapi.plugin('clientia').service('system') as SystemRun;
    const base = { contract: contract.documentId, client: client.documentId, contractVersion: 1, documentHash: pdfHash, user: null, email: 'signer@chain.example' };
    const none = { typedName: null, consentText: null, consentVersion: null, ip: null, userAgent: null, sessionHash: null, authMethod: null, reason: null };
    events = [];
    for (const [type, occurredAt, extra] of [
      ['sent', '2026-11-02T09:00:00.000Z', {}],
      ['viewed', '2026-11-03T10:00:00.000Z', { ip: '198.51.100.7' }],
      ['signed', '2026-11-03T10:05:00.000Z', { typedName: 'Sam Signer', ip: '198.51.100.7' }],
      ['completed', '2026-11-03T10:05:01.000Z', {}],
    ] as const) {
      events.push(signing.chainEvent(events, { ...base, ...none, ...extra, type, occurredAt }));
    }
    await system.run(async () => {
      for (const event of events) await app.strapi.documents('plugin::clientia.signature-event').create({ data: event as never });
      await app.strapi.documents('plugin::clientia.contract').update({
        documentId: contract.documentId,
        data: { documentHash: pdfHash, completedHash: events[events.length - 1]!.hash } as never,
      });
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('recomputes an intact trail and finds nothing', async () => {
    const response = await admin.get(`/clientia/contracts/${contract.documentId}/verification`).expect(200);
    expect(response.body.data).toMatchObject({ valid: true, events: 4, head: events[3]!.hash, findings: [], contract: { documentId: contract.documentId, version: 1 } });
  });

  it('is for staff who may read client records, and names an unknown contract as such', async () => {
    await adminApi(app).get(`/clientia/contracts/${contract.documentId}/verification`).expect(401);
    const { token } = await staffWithActions(app, []);
    await adminApi(app, token).get(`/clientia/contracts/${contract.documentId}/verification`).expect(403);
    const reader = await staffWithActions(app, ['plugin::clientia.read']);
    await adminApi(app, reader.token).get(`/clientia/contracts/${contract.documentId}/verification`).expect(200);
    const unknown = await admin.get('/clientia/contracts/nosuchcontract000000000/verification').expect(404);
    expect(unknown.body.error.message).toMatch(/No contract/);
    await admin.get(`/clientia/contracts/${contract.documentId}/verification?populate=*`).expect(400);
  });

  it('finds a single byte changed in a stored event', async () => {
    await table().where({ hash: events[2]!.hash }).update({ typed_name: 'Sam Signor' });
    expect(await findings()).toEqual(['altered@2']);
    await table().where({ hash: events[2]!.hash }).update({ typed_name: 'Sam Signer' });
    expect(await findings()).toEqual([]);
  });

  it('hashes the stored document again and finds it changed, on the file and on every event made on it', async () => {
    writeFileSync(storedPdf, Buffer.concat([pdfBytes, Buffer.from(' ')]));
    try {
      expect(await findings()).toEqual(['document-changed@0', 'document-changed@1', 'document-changed@2', 'file-changed@null']);
    } finally {
      writeFileSync(storedPdf, pdfBytes);
    }
    rmSync(storedPdf);
    try {
      expect(await findings()).toEqual(['file-missing@null']);
    } finally {
      writeFileSync(storedPdf, pdfBytes);
    }
    expect(await findings()).toEqual([]);
  });

  it('finds an event removed, from the middle or from the end', async () => {
    await table().where({ hash: events[3]!.hash }).delete();
    expect(await findings()).toEqual(['truncated@null']);
    await table().where({ hash: events[1]!.hash }).delete();
    expect(await findings()).toEqual(['broken-link@1', 'truncated@null']);
  });
});
