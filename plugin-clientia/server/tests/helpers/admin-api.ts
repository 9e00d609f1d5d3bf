import { randomBytes } from 'node:crypto';

import type { TestApp } from './test-app';

type Data = Record<string, unknown>;
let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

/** A staff member whose role holds exactly the given Clientia actions, and their admin token. */
export const staffWithActions = async (app: TestApp, actions: string[], email = `staff-${unique()}@firm.example`) => {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name: `Role ${unique()}`, description: `Only ${actions.join(', ')}` });
  await roles.assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))
  );
  const password = `Staff-${randomBytes(9).toString('base64url')}1a`;
  const user = await app.strapi.service('admin::user').create({
    email,
    firstname: 'Read',
    lastname: 'Only',
    password,
    isActive: true,
    roles: [role.id],
    registrationToken: null,
  });
  const response = await app.http().post('/admin/login').send({ email, password }).expect(200);
  return { user, role, token: response.body.data.token as string };
};

/** A portal account (Authenticated role) without signing it in: the login route is rate limited. */
export const contactAccount = async (app: TestApp, email: string) => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'client-contact' } });
  const user = await app.strapi.documents('plugin::users-permissions.user').create({
    data: {
      username: email.split('@')[0],
      email,
      password: `Contact-${randomBytes(9).toString('base64url')}1a`,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    },
  });
  return { user: user as typeof user & { id: number } };
};

/** supertest calls to the admin API with a bearer token (none for an anonymous caller). */
export const adminApi = (app: TestApp, token?: string) => {
  const auth = <T extends { set(name: string, value: string): T }>(req: T) =>
    token ? req.set('Authorization', `Bearer ${token}`) : req;
  return {
    get: (path: string) => auth(app.http().get(path)),
    post: (path: string, body?: unknown) => auth(app.http().post(path)).send(body as object),
    put: (path: string, body?: unknown) => auth(app.http().put(path)).send(body as object),
    delete: (path: string) => auth(app.http().delete(path)),
    del: (path: string) => auth(app.http().delete(path)),
    /** multipart/form-data: text fields, then files as [field, bytes, file name]. */
    upload: (path: string, fields: Record<string, string>, files: [field: string, bytes: Buffer, fileName: string][], method: 'post' | 'put' = 'post') => {
      let request = auth(app.http()[method](path));
      for (const [key, value] of Object.entries(fields)) request = request.field(key, value);
      for (const [field, bytes, filename] of files) request = request.attach(field, bytes, { filename, contentType: 'application/octet-stream' });
      return request;
    },
  };
};

/** YYYY-MM-DD in UTC, like the plugin's date rules. */
export const isoDay = (offsetDays = 0) => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString().slice(0, 10);
};

/** Records the fixtures helper does not build, through the Document Service. */
export const moreFixtures = (app: TestApp) => {
  const docs = (name: string) => app.strapi.documents(`plugin::clientia.${name}` as 'plugin::clientia.client');
  const create = (name: string, data: Data) => docs(name).create({ data: data as never });
  return {
    retainer: (client: { documentId: string }, data: Data = {}) =>
      create('retainer', { client: client.documentId, title: 'Monthly advisory', amount: 250000, interval: 'monthly', startDate: isoDay(-60), ...data }),
    timeEntry: (retainer: { documentId: string }, date: string, hours: number) =>
      create('time-entry', { retainer: retainer.documentId, date, hours, description: 'Advice' }),
    document: (client: { documentId: string }, data: Data = {}) =>
      create('document', { client: client.documentId, title: `Document ${unique()}`, folder: 'Reports', ...data }),
    project: (client: { documentId: string }, data: Data = {}) => create('project', { client: client.documentId, name: `Project ${unique()}`, ...data }),
    milestone: (project: { documentId: string }, data: Data = {}) => create('milestone', { project: project.documentId, title: `Milestone ${unique()}`, ...data }),
    thread: (client: { documentId: string }, data: Data = {}) => create('thread', { client: client.documentId, subject: `Subject ${unique()}`, ...data }),
    contactMessage: (thread: { documentId: string }, userId: number, body = 'A question from the client') =>
      create('message', { thread: thread.documentId, body, authorType: 'contact', authorContact: userId }),
    membership: (client: { documentId: string }, userId: number, data: Data = {}) =>
      create('membership', { client: client.documentId, user: userId, role: 'member', ...data }),
    /** An entry kept from the client's feed; the audit log accepts no caller, so it is written directly. */
    staffOnlyActivity: (client: { id: number | string }, subjectLabel: string) =>
      app.strapi.db.query('plugin::clientia.activity').create({
        data: {
          client: client.id,
          actorType: 'staff',
          actorLabel: 'Firm Staff',
          verb: 'noted',
          subjectType: 'client',
          subjectLabel,
          visibleToClient: false,
          occurredAt: new Date(),
        },
      }),
  };
};
