import { fieldOf, fixtures, refused } from '../helpers/fixtures';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

describe('the activity log and append-only records', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
  });
  afterAll(async () => app?.stop());

  const entriesFor = (documentId: string) =>
    app.strapi.db.query('plugin::clientia.activity').findMany({
      where: { subjectId: documentId },
      orderBy: { id: 'asc' },
      populate: ['client', 'actorStaff'],
    });

  it('records create, update and delete with actor, verb, record and client', async () => {
    const client = await f.client({ name: 'Acme Holdings' });
    const project = await f.docs('project').create({ data: { client: client.documentId, name: 'Website relaunch' } as never });
    await f.docs('project').update({ documentId: project.documentId, data: { progress: 40 } as never });
    await f.docs('project').update({ documentId: project.documentId, data: { progress: 40 } as never });
    await f.docs('project').delete({ documentId: project.documentId });

    const entries = await entriesFor(project.documentId);
    expect(entries.map((e: { verb: string }) => e.verb)).toEqual(['created', 'updated', 'deleted']);
    expect(entries[1]).toMatchObject({
      actorType: 'system',
      subjectType: 'project',
      subjectLabel: 'Project Website relaunch',
      changes: { fields: ['progress'] },
      visibleToClient: true,
    });
    expect(entries.every((e: { client: { documentId: string } }) => e.client.documentId === client.documentId)).toBe(true);
  });

  it('names the staff member who made a change in the admin panel', async () => {
    const token = await adminToken(app, 'rosa@firm.example');
    const client = await f.client();
    const response = await app
      .http()
      .post('/content-manager/collection-types/plugin::clientia.project')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'Brand audit', client: { connect: [{ documentId: client.documentId }] } })
      .expect(201);
    const [entry] = await entriesFor(response.body.data.documentId);
    expect(entry).toMatchObject({ actorType: 'staff', actorLabel: 'Firm Staff', verb: 'created' });
    expect(entry.actorStaff.email).toBe('rosa@firm.example');
  });

  it('writes no entry for a refused change', async () => {
    const client = await f.client();
    const before = await f.count('activity');
    await refused(f.docs('project').create({ data: { client: client.documentId, name: 'Bad dates', startDate: '2026-05-01', dueDate: '2026-04-01' } as never }));
    expect(await f.count('activity')).toBe(before);
  });

  it('keeps entries that only concern staff out of the client feed', async () => {
    const client = await f.client();
    const doc = await f.docs('document').create({ data: { client: client.documentId, title: 'Risk memo', visibility: 'internal' } as never });
    const [entry] = await entriesFor(doc.documentId);
    expect(entry.visibleToClient).toBe(false);
  });

  it('keeps a change to staff-only notes out of the client feed', async () => {
    const client = await f.client();
    const project = await f.docs('project').create({ data: { client: client.documentId, name: 'Audit prep' } as never });
    await f.docs('project').update({ documentId: project.documentId, data: { internalNotes: 'Client is slow to reply' } as never });
    const entries = await entriesFor(project.documentId);
    expect(entries.map((e: { verb: string; visibleToClient: boolean }) => [e.verb, e.visibleToClient])).toEqual([
      ['created', true],
      ['updated', false],
    ]);
  });

  it('cannot be changed, deleted or forged through the Document Service', async () => {
    const client = await f.client();
    const [entry] = await entriesFor(client.documentId);
    expect(fieldOf(await refused(f.docs('activity').update({ documentId: entry.documentId, data: { verb: 'nothing happened' } as never })))).toBe('documentId');
    expect(fieldOf(await refused(f.docs('activity').delete({ documentId: entry.documentId })))).toBe('documentId');
    const forged = await refused(
      f.docs('activity').create({ data: { verb: 'paid', subjectType: 'invoice', actorType: 'staff', occurredAt: new Date().toISOString() } as never })
    );
    expect(forged.message).toMatch(/written by the server only/);
  });

  it('keeps signature events append-only: written by the server, never changed or deleted', async () => {
    const client = await f.client();
    const contract = await f.contract(client, { state: 'sent' });
    const eventData = { contract: contract.documentId, client: client.documentId, type: 'sent', contractVersion: 1, occurredAt: new Date().toISOString(), hash: 'a'.repeat(64) };
    const forged = await refused(f.docs('signature-event').create({ data: eventData as never }));
    expect(forged.message).toMatch(/written by the server only/);

    const system = app.strapi.plugin('clientia').service('system') as { run: <T>(fn: () => Promise<T>) => Promise<T> };
    const event = await system.run(() => f.docs('signature-event').create({ data: eventData as never }));
    expect(event.documentId).toBeTruthy();
    expect(fieldOf(await refused(f.docs('signature-event').update({ documentId: event.documentId, data: { hash: 'b'.repeat(64) } as never })))).toBe('documentId');
    expect(fieldOf(await refused(f.docs('signature-event').delete({ documentId: event.documentId })))).toBe('documentId');
    // Even a super admin: the Content Manager refuses before the record's own guard is reached.
    const token = await adminToken(app, 'auditor@firm.example');
    const removal = await app
      .http()
      .delete(`/content-manager/collection-types/plugin::clientia.signature-event/${event.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
    expect(removal.body.error.message).toMatch(/written by the server only/);
    expect(await f.count('signature-event')).toBe(1);
  });
});
