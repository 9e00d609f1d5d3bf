import { errors } from '@strapi/utils';

import { fixtures } from '../helpers/fixtures';
import { buildPortalWorld, type Persona, type PortalWorld } from '../helpers/portal-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Doc = { id: number; documentId: string };

describe('portal API: message threads', () => {
  let app: TestApp;
  let world: PortalWorld;
  let f: ReturnType<typeof fixtures>;
  let staffId: number;
  let openA: Doc;
  let closedA: Doc;
  let threadB: Doc;
  /** Set by a test to make the next message write fail, after the thread is written. */
  let failMessages = false;

  const as = (persona: Persona, request: ReturnType<ReturnType<TestApp['http']>['get']>) => {
    const auth = world.auth[persona];
    if (auth) request.set('Authorization', auth);
    const selector = world.selector[persona];
    if (selector) request.set('X-Clientia-Client', selector);
    return request;
  };
  const get = (persona: Persona, path: string) => as(persona, app.http().get(`/api/clientia${path}`));
  const post = (persona: Persona, path: string, body: unknown) => as(persona, app.http().post(`/api/clientia${path}`)).send(body as object);

  const userId = async (persona: keyof PortalWorld['emails']) =>
    Number((await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: world.emails[persona] } })).id);
  const activityCount = () => app.strapi.db.query('plugin::clientia.activity').count({});
  const threadCount = () => app.strapi.db.query('plugin::clientia.thread').count({});

  const staffMessage = (thread: Doc, body: string) =>
    f.docs('message').create({ data: { thread: thread.documentId, body, authorType: 'staff', authorStaff: staffId } as never });

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildPortalWorld(app);
    f = fixtures(app);
    const staff = await app.strapi.service('admin::user').create({
      email: 'dana.reyes@firm.example',
      firstname: 'Dana',
      lastname: 'Reyes',
      password: 'Staff-Pass-1234a',
      isActive: true,
      roles: [],
      registrationToken: null,
    });
    staffId = Number(staff.id);
    openA = (await f.docs('thread').create({ data: { client: world.clientA.documentId, subject: 'Kick-off questions' } as never })) as Doc;
    await staffMessage(openA, 'Welcome aboard: here are the next steps.');
    closedA = (await f.docs('thread').create({ data: { client: world.clientA.documentId, subject: 'Archive request', state: 'closed' } as never })) as Doc;
    await staffMessage(closedA, 'Done, closing this one.');
    threadB = (await f.docs('thread').create({ data: { client: world.clientB.documentId, subject: 'Beta merger thread' } as never })) as Doc;
    await staffMessage(threadB, 'Beta confidential plan');

    app.strapi.documents.use(async (ctx, next) => {
      if (failMessages && ctx.uid === 'plugin::clientia.message' && ctx.action === 'create') {
        throw new errors.ValidationError('body: refused for the test', { errors: [{ path: ['body'], message: 'refused', name: 'ValidationError' }] });
      }
      return next();
    });
  });
  afterAll(async () => app?.stop());

  it('lists the client’s threads with unread markers and message counts, and nothing of another client', async () => {
    const { body } = await get('memberA', '/threads').expect(200);
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 25, total: 2, pageCount: 1 });
    const kickoff = body.data.find((t: { documentId: string }) => t.documentId === openA.documentId);
    expect(kickoff).toEqual({
      documentId: openA.documentId,
      subject: 'Kick-off questions',
      status: 'open',
      lastMessageAt: expect.any(String),
      unread: true,
      messageCount: 1,
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain('Beta');
    expect(text).not.toContain(threadB.documentId);
    expect(text).not.toContain('staffReadAt');
  });

  it('filters by status and sorts on the fixed fields only', async () => {
    const closed = await get('ownerA', '/threads?status=closed').expect(200);
    expect(closed.body.data.map((t: { documentId: string }) => t.documentId)).toEqual([closedA.documentId]);
    const bySubject = await get('ownerA', '/threads?sort=subject:asc').expect(200);
    expect(bySubject.body.data.map((t: { subject: string }) => t.subject)).toEqual(['Archive request', 'Kick-off questions']);
    const badStatus = await get('ownerA', '/threads?status=pending').expect(400);
    expect(badStatus.body.error.details.errors[0].path).toEqual(['status']);
    const badSort = await get('ownerA', '/threads?sort=client').expect(400);
    expect(badSort.body.error.message).toContain('sort');
    const unknown = await get('ownerA', '/threads?filters[client][id]=2').expect(400);
    expect(unknown.body.error.message).toContain('filters');
  });

  it('shows a thread with its messages oldest first, authors by name', async () => {
    await post('adminA', `/threads/${openA.documentId}/messages`, { body: 'Thanks, we are ready.' }).expect(201);
    const { body } = await get('memberA', `/threads/${openA.documentId}`).expect(200);
    expect(body.data).toMatchObject({ documentId: openA.documentId, subject: 'Kick-off questions', status: 'open', messageCount: 2 });
    expect(body.data.messages).toEqual([
      expect.objectContaining({ body: 'Welcome aboard: here are the next steps.', authorType: 'staff', authorName: 'Dana Reyes', attachments: [] }),
      expect.objectContaining({ body: 'Thanks, we are ready.', authorType: 'contact', authorName: 'adminA', attachments: [] }),
    ]);
    const text = JSON.stringify(body);
    expect(text).not.toContain('dana.reyes@firm.example');
    expect(text).not.toContain(world.emails.adminA);
  });

  it('answers 404 alike for a foreign and a missing thread, on every thread route', async () => {
    for (const id of [threadB.documentId, 'nosuchthread00000000000000']) {
      const read = await get('ownerA', `/threads/${id}`).expect(404);
      expect(read.body.error.message).toBe('No thread has this id');
      expect(JSON.stringify(read.body)).not.toContain('Beta');
      await post('ownerA', `/threads/${id}/messages`, { body: 'Hello?' }).expect(404);
      await post('ownerA', `/threads/${id}/read`, {}).expect(404);
    }
    for (const id of ['a%00b', '%E2%80%AE%00', 'x'.repeat(65)]) {
      await get('ownerA', `/threads/${id}`).expect(404);
      await post('ownerA', `/threads/${id}/messages`, { body: 'Hello?' }).expect(404);
    }
    const messages = await app.strapi.db.query('plugin::clientia.message').count({ where: { thread: { id: threadB.id } } });
    expect(messages).toBe(1);
    const stored = await app.strapi.db.query('plugin::clientia.thread').findOne({ where: { id: threadB.id } });
    expect(stored.clientReadAt).toBeNull();
  });

  it('lets a contact of both clients act for B, and then sees only B', async () => {
    const list = await get('contactAB', '/threads').expect(200);
    expect(list.body.data.map((t: { documentId: string }) => t.documentId)).toEqual([threadB.documentId]);
    await get('contactAB', `/threads/${openA.documentId}`).expect(404);
    const asB = await get('contactB', `/threads/${threadB.documentId}`).expect(200);
    expect(asB.body.data.messages[0].body).toBe('Beta confidential plan');
  });

  it('starts a thread with its first message, as the caller, recorded in the activity log', async () => {
    const before = Number(await threadCount());
    const response = await post('memberA', '/threads', { subject: '  Invoice timesheet ', body: 'Could you send the March timesheet?' }).expect(201);
    const thread = response.body.data;
    expect(thread).toMatchObject({ subject: 'Invoice timesheet', status: 'open', unread: false, messageCount: 1 });
    expect(thread.messages).toEqual([
      expect.objectContaining({ body: 'Could you send the March timesheet?', authorType: 'contact', authorName: 'memberA' }),
    ]);
    expect(Number(await threadCount())).toBe(before + 1);

    const stored = await app.strapi.db.query('plugin::clientia.thread').findOne({
      where: { documentId: thread.documentId },
      populate: ['client', 'startedByContact'],
    });
    expect(stored.client.id).toBe(world.clientA.id);
    expect(stored.startedByContact.id).toBe(await userId('memberA'));
    const entries = await app.strapi.db.query('plugin::clientia.activity').findMany({
      where: { subjectType: { $in: ['thread', 'message'] }, actorContact: { id: await userId('memberA') } },
    });
    expect(entries.map((e: { subjectType: string; actorType: string }) => [e.subjectType, e.actorType]).sort()).toEqual([
      ['message', 'contact'],
      ['thread', 'contact'],
    ]);
  });

  it('never takes the client from the body, and refuses bad input naming the field', async () => {
    const foreign = await post('memberA', '/threads', { subject: 'x', body: 'y', client: world.clientB.documentId }).expect(400);
    expect(foreign.body.error.message).toContain('client');
    const noSubject = await post('memberA', '/threads', { body: 'Hello' }).expect(400);
    expect(noSubject.body.error.details.errors[0].path).toEqual(['subject']);
    const longSubject = await post('memberA', '/threads', { subject: 's'.repeat(301), body: 'Hello' }).expect(400);
    expect(longSubject.body.error.details.errors[0].path).toEqual(['subject']);
    const longBody = await post('memberA', '/threads', { subject: 'Hi', body: 'b'.repeat(20_001) }).expect(400);
    expect(longBody.body.error.details.errors[0].path).toEqual(['body']);
    const notText = await post('memberA', `/threads/${openA.documentId}/messages`, { body: 42 }).expect(400);
    expect(notText.body.error.details.errors[0].path).toEqual(['body']);
    const extra = await post('memberA', `/threads/${openA.documentId}/messages`, { body: 'ok', authorType: 'staff' }).expect(400);
    expect(extra.body.error.message).toContain('authorType');
    await post('memberA', `/threads/${openA.documentId}/read`, { clientReadAt: null }).expect(400);
    const nul = await post('memberA', '/threads', { subject: 'a\u0000b', body: 'Hello' }).expect(400);
    expect(nul.body.error.details.errors[0].path).toEqual(['subject']);
    const nulBody = await post('memberA', `/threads/${openA.documentId}/messages`, { body: '\u0000' }).expect(400);
    expect(nulBody.body.error.details.errors[0].path).toEqual(['body']);
  });

  it('creates a thread and its first message together or not at all', async () => {
    const threads = Number(await threadCount());
    const activity = Number(await activityCount());
    failMessages = true;
    try {
      const response = await post('memberA', '/threads', { subject: 'Half-written thread', body: 'This message fails.' });
      expect(response.status).toBe(400);
      expect(response.body.error.details.errors[0].path).toEqual(['body']);
    } finally {
      failMessages = false;
    }
    expect(Number(await threadCount())).toBe(threads);
    expect(Number(await activityCount())).toBe(activity);
    expect(await app.strapi.db.query('plugin::clientia.thread').count({ where: { subject: 'Half-written thread' } })).toBe(0);
  });

  it('adds a contact message to an open thread and refuses a closed one', async () => {
    const added = await post('billingA', `/threads/${openA.documentId}/messages`, { body: 'One more question.' }).expect(201);
    expect(added.body.data).toEqual({
      documentId: expect.any(String),
      body: 'One more question.',
      authorType: 'contact',
      authorName: 'billingA',
      createdAt: expect.any(String),
      attachments: [],
    });
    const entry = await app.strapi.db.query('plugin::clientia.activity').findOne({
      where: { subjectType: 'message', subjectId: added.body.data.documentId },
    });
    expect(entry).toMatchObject({ actorType: 'contact', verb: 'created' });

    const closed = await post('billingA', `/threads/${closedA.documentId}/messages`, { body: 'Reopen please' }).expect(400);
    expect(closed.body.error.details.errors[0].path).toEqual(['status']);
    expect(await app.strapi.db.query('plugin::clientia.message').count({ where: { thread: { id: closedA.id } } })).toBe(1);
  });

  it('marks a thread read without writing an activity entry', async () => {
    await staffMessage(openA, 'A new answer from the firm.');
    const unread = await get('memberA', '/threads').expect(200);
    expect(unread.body.data.find((t: { documentId: string }) => t.documentId === openA.documentId).unread).toBe(true);

    const activity = Number(await activityCount());
    const read = await post('memberA', `/threads/${openA.documentId}/read`, {}).expect(200);
    expect(read.body).toEqual({ data: { unread: false } });
    expect(Number(await activityCount())).toBe(activity);

    const after = await get('memberA', '/threads').expect(200);
    expect(after.body.data.find((t: { documentId: string }) => t.documentId === openA.documentId).unread).toBe(false);
    const detail = await get('memberA', `/threads/${openA.documentId}`).expect(200);
    expect(detail.body.data.unread).toBe(false);
  });

  it('is open to every role of the client and to no one else', async () => {
    for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA', 'contactB', 'contactAB'] as const) {
      await get(persona, '/threads').expect(200);
    }
    expect([401, 403]).toContain((await get('anonymous', '/threads')).status);
    expect((await get('apiToken', '/threads')).status).toBe(403);
    expect([401, 403]).toContain((await get('blocked', '/threads')).status);
    expect([401, 403]).toContain((await post('anonymous', '/threads', { subject: 'x', body: 'y' })).status);
  });
});
