import { randomBytes, createHash } from 'node:crypto';

import { STAFF_ACCESS } from '../../src/permissions';
import { UID } from '../../src/constants';
import adminRoutes from '../../src/routes/admin';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Staff roles × every Clientia content type × read, create, update and delete through the
 * Content Manager's own HTTP API, in the spellings an attacker would try, plus Strapi's other
 * generic admin routes. A role reaches a Clientia record only with the plugin's action for it
 * (permissions.ts STAFF_ACCESS), whatever Content Manager permissions Strapi gave the role.
 */

const READ = 'plugin::clientia.read';
const RECORDS = 'plugin::clientia.records.manage';
const BILLING = 'plugin::clientia.billing.manage';
const SETTINGS = 'plugin::clientia.settings.manage';

type Operation = 'read' | 'create' | 'update' | 'delete';
const OPERATIONS: Operation[] = ['read', 'create', 'update', 'delete'];

interface Persona {
  name: string;
  actions: string[];
  token: string;
}

const allClientiaTypes = () => Object.values(UID);

/** One stored row per type, written with the query engine so no rule or validation stands in the way. */
const seedRow = async (app: TestApp, uid: string, clientId: number) => {
  const attributes = app.strapi.contentType(uid as never).attributes as Record<string, { type: string; enum?: string[]; target?: string; relation?: string }>;
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(name)) continue;
    switch (attribute.type) {
      case 'string':
      case 'text':
      case 'richtext':
        data[name] = `${name}-${randomBytes(4).toString('hex')}`;
        break;
      case 'email':
        data[name] = `${randomBytes(4).toString('hex')}@probe.example`;
        break;
      case 'uid':
        data[name] = `probe-${randomBytes(4).toString('hex')}`;
        break;
      case 'enumeration':
        data[name] = attribute.enum?.[0];
        break;
      case 'integer':
      case 'biginteger':
      case 'decimal':
      case 'float':
        data[name] = 1;
        break;
      case 'boolean':
        data[name] = false;
        break;
      case 'date':
        data[name] = '2026-11-02';
        break;
      case 'datetime':
        data[name] = new Date('2026-11-02T10:00:00Z');
        break;
      case 'json':
        data[name] = name === 'lineItems' ? [] : {};
        break;
      case 'relation':
        if (attribute.target === UID.client && attribute.relation === 'manyToOne') data[name] = clientId;
        break;
      default:
        break;
    }
  }
  // A queued e-mail would be picked up by the outbox's own sender during the probes.
  if (uid === UID.outboundEmail) data.state = 'sent';
  return (await app.strapi.db.query(uid as never).create({ data })) as { id: number; documentId: string };
};

/** Every Clientia row, hashed per type: a refused probe must leave them as they were. */
const fingerprint = async (app: TestApp) => {
  const hashes: Record<string, string> = {};
  for (const uid of allClientiaTypes()) {
    const rows = await app.strapi.db.query(uid as never).findMany({ orderBy: { id: 'asc' } });
    hashes[uid] = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
  }
  return hashes;
};

/** A staff role with the given plugin actions and every Content Manager action on every Clientia type. */
const staffRole = async (app: TestApp, name: string, actions: string[]): Promise<Persona> => {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name, description: `${name} for the access matrix` });
  const contentTypeActions = app.strapi
    .service('admin::permission')
    .actionProvider.values()
    .filter((action: { section: string }) => action.section === 'contentTypes');
  const contentManager = (app.strapi.service('admin::content-type').getPermissionsWithNestedFields(contentTypeActions) as Array<{ subject?: string }>).filter(
    (permission) => permission.subject?.startsWith('plugin::clientia.')
  );
  await roles.assignPermissions(role.id, [
    ...contentManager,
    ...actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  ]);
  return { name, actions, token: await signIn(app, role.id) };
};

const signIn = async (app: TestApp, roleId: number) => {
  const email = `staff-${randomBytes(5).toString('hex')}@firm.example`;
  const password = `Staff-${randomBytes(9).toString('base64url')}1a`;
  await app.strapi.service('admin::user').create({ email, firstname: 'Matrix', lastname: 'Staff', password, isActive: true, roles: [roleId], registrationToken: null });
  const response = await app.http().post('/admin/login').send({ email, password }).expect(200);
  return response.body.data.token as string;
};

const strapiRole = async (app: TestApp, code: string, name: string): Promise<Persona> => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  return { name, actions: [], token: await signIn(app, role.id) };
};

/** The spellings of one content type's path that reach the same Content Manager route. */
const spellings = (uid: string) => [uid, encodeURIComponent(uid), uid.replace('clientia', 'Clientia'), uid.replace('::', '%3A%3A').replace('.', '%2E')];

const isSingle = (app: TestApp, uid: string) => app.strapi.contentType(uid as never).kind === 'singleType';

const allowed = (persona: Persona, uid: string, operation: Operation) => {
  const access = STAFF_ACCESS[uid];
  if (!access) return false;
  const needed = operation === 'read' ? access.read : access.write;
  return needed !== null && persona.actions.includes(needed);
};

/** The roles probed: Strapi's two defaults, one per Clientia action, and one with them all. */
const PERSONA_NAMES = [
  'Editor (Strapi default)',
  'Author (Strapi default)',
  'Read-only',
  'Records only',
  'Billing only',
  'Settings only',
  'Every Clientia action',
] as const;

describe('staff access to client records through the Content Manager and Strapi’s admin API', () => {
  let app: TestApp;
  const rows = new Map<string, { id: number; documentId: string }>();
  const personas: Persona[] = [];
  let superAdmin: string;

  beforeAll(async () => {
    app = await startTestApp();
    superAdmin = await adminToken(app);
    // Strapi creates Editor and Author only when it creates its first roles, as in a new app.
    const client = await seedRow(app, UID.client, 0);
    rows.set(UID.client, client);
    for (const uid of allClientiaTypes()) if (!rows.has(uid)) rows.set(uid, await seedRow(app, uid, client.id));
    personas.push(
      await strapiRole(app, 'strapi-editor', PERSONA_NAMES[0]),
      await strapiRole(app, 'strapi-author', PERSONA_NAMES[1]),
      await staffRole(app, PERSONA_NAMES[2], [READ]),
      await staffRole(app, PERSONA_NAMES[3], [RECORDS]),
      await staffRole(app, PERSONA_NAMES[4], [BILLING]),
      await staffRole(app, PERSONA_NAMES[5], [SETTINGS]),
      await staffRole(app, PERSONA_NAMES[6], [READ, RECORDS, BILLING, SETTINGS])
    );
  });
  afterAll(async () => app?.stop());

  const probe = (persona: Persona, uid: string, operation: Operation, spelling: string) => {
    const row = rows.get(uid)!;
    const single = isSingle(app, uid);
    const base = `/content-manager/${single ? 'single-types' : 'collection-types'}/${spelling}`;
    const at = single ? base : `${base}/${row.documentId}`;
    const http = app.http();
    const auth = (request: ReturnType<typeof http.get>) => request.set('Authorization', `Bearer ${persona.token}`);
    switch (operation) {
      case 'read':
        return auth(http.get(single ? base : `${base}?page=1&pageSize=10`));
      case 'create':
        return auth(http.post(single ? base : base)).send({});
      case 'update':
        return auth(http.put(at)).send({});
      case 'delete':
        return auth(http.delete(at));
    }
  };

  // One test per role, so each has its own time budget however busy the machine; the last test
  // checks that none of them changed anything and prints the matrix they filled in.
  const leaks: string[] = [];
  const table: Record<string, Record<string, string>> = {};
  const pluginRoutes: string[] = [];
  let probes = 0;
  let before: Awaited<ReturnType<typeof fingerprint>>;

  it.each(PERSONA_NAMES)('refuses every Content Manager probe the %s role has no Clientia action for, in every spelling', async (name) => {
    before ??= await fingerprint(app);
    const persona = personas.find((candidate) => candidate.name === name)!;
    table[persona.name] = {};
    for (const uid of allClientiaTypes()) {
      const cells: string[] = [];
      for (const operation of OPERATIONS) {
        if (allowed(persona, uid, operation)) {
          cells.push(operation[0].toUpperCase());
          continue;
        }
        for (const spelling of spellings(uid)) {
          const response = await probe(persona, uid, operation, spelling);
          probes += 1;
          const text = JSON.stringify(response.body ?? '');
          const row = rows.get(uid)!;
          if (response.status < 400 || text.includes(row.documentId)) leaks.push(`${persona.name} ${operation} ${spelling}: ${response.status}`);
        }
        cells.push('·');
      }
      table[persona.name][uid.replace('plugin::clientia.', '')] = cells.join('');
    }
    expect(leaks).toEqual([]);
  });

  it('refuses each of the plugin’s own admin routes to every role without the action it states', async () => {
    for (const route of adminRoutes().routes) {
      const action = (route.config.policies[1] as { config: { actions: string[] } }).config.actions[0];
      const path = `/clientia${route.path}`.replace(/:(\w+)/g, (_, name: string) => rows.get(name === 'membershipId' ? UID.membership : name === 'messageId' ? UID.message : UID.client)!.documentId);
      for (const persona of personas.filter((candidate) => !candidate.actions.includes(action))) {
        const request = app.http()[route.method.toLowerCase() as 'get' | 'post' | 'put'](path).set('Authorization', `Bearer ${persona.token}`);
        const response = route.method === 'GET' ? await request : await request.send({});
        probes += 1;
        if (response.status !== 403) leaks.push(`${persona.name} ${route.method} ${route.path}: ${response.status}`);
      }
      pluginRoutes.push(`${route.method} ${route.path}`);
    }
    expect(leaks).toEqual([]);
  });

  it('changed nothing with any of those probes, and prints the matrix with its count and 0 leaks', async () => {
    expect(await fingerprint(app)).toEqual(before);
    // Letters: what the role may do (R, C, U, D); a dot: refused in every spelling.
    const names = personas.map((persona) => persona.name);
    expect(Object.keys(table).sort()).toEqual([...names].sort());
    const lines = allClientiaTypes().map((uid) => {
      const type = uid.replace('plugin::clientia.', '');
      return `${type.padEnd(18)}${names.map((name) => table[name]![type]!.padEnd(name.length + 2)).join('')}`;
    });
    console.log(
      `staff access matrix: ${probes} refused probes (Content Manager in ${spellings(UID.client).length} spellings, ` +
        `${pluginRoutes.length} plugin admin routes), ${leaks.length} leaks\n${''.padEnd(18)}${names.map((name) => `${name}  `).join('')}\n${lines.join('\n')}`
    );
    expect(leaks).toEqual([]);
    expect(probes).toBeGreaterThan(1000);
  });

  it('lets a role with the Clientia action through, so the refusals above are the lock and not a broken probe', async () => {
    const full = personas.find((persona) => persona.name === 'Every Clientia action')!;
    const invoice = rows.get(UID.invoice)!;
    const list = await probe(full, UID.invoice, 'read', UID.invoice);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).toContain(invoice.documentId);
    const reader = personas.find((persona) => persona.name === 'Read-only')!;
    expect((await probe(reader, UID.client, 'read', UID.client)).status).toBe(200);
    // Reading is not writing, and the refusal says which permission is missing.
    const update = await probe(reader, UID.client, 'update', UID.client);
    expect(update.status).toBe(403);
    expect(update.body.error.message).toBe('Your role needs the Clientia permission "Manage client records" for this');
    const editor = personas.find((persona) => persona.name === 'Editor (Strapi default)')!;
    expect((await probe(editor, UID.invoice, 'read', UID.invoice)).body.error.message).toMatch(/"Read client records"/);
    // The records role writes records but not billing.
    const records = personas.find((persona) => persona.name === 'Records only')!;
    expect((await probe(records, UID.project, 'update', UID.project)).status).not.toBe(403);
    expect((await probe(records, UID.invoice, 'update', UID.invoice)).status).toBe(403);
  });

  it('keeps secrets and audit records out of reach of every staff member, the super admin included', async () => {
    for (const uid of [UID.outboundEmail, UID.signInLink, UID.signInChallenge, UID.signInSession, UID.twoFactor, UID.passkey]) {
      const response = await app.http().get(`/content-manager/collection-types/${uid}`).set('Authorization', `Bearer ${superAdmin}`);
      expect(response.status).toBe(403);
    }
    for (const uid of [UID.activity, UID.signatureEvent]) {
      const row = rows.get(uid)!;
      const read = await app.http().get(`/content-manager/collection-types/${uid}/${row.documentId}`).set('Authorization', `Bearer ${superAdmin}`);
      expect(read.status).toBe(200);
      const write = await app.http().put(`/content-manager/collection-types/${uid}/${row.documentId}`).set('Authorization', `Bearer ${superAdmin}`).send({});
      expect(write.status).toBe(403);
      const remove = await app.http().delete(`/content-manager/collection-types/${uid}/${row.documentId}`).set('Authorization', `Bearer ${superAdmin}`);
      expect(remove.status).toBe(403);
    }
  });

  it('refuses the other ways into the same records: relations, bulk actions, history, and the homepage shows none', async () => {
    const editor = personas.find((persona) => persona.name === 'Editor (Strapi default)')!;
    const as = (request: ReturnType<ReturnType<TestApp['http']>['get']>) => request.set('Authorization', `Bearer ${editor.token}`);
    const invoice = rows.get(UID.invoice)!;
    const http = () => app.http();
    const responses = [
      await as(http().get(`/content-manager/relations/${UID.invoice}/client`)),
      await as(http().get(`/content-manager/relations/${UID.invoice}/${invoice.documentId}/client`)),
      await as(http().get(`/content-manager/collection-types/${UID.invoice}/actions/countManyEntriesDraftRelations?documentIds[0]=${invoice.documentId}`)),
      await as(http().post(`/content-manager/collection-types/${UID.invoice}/actions/bulkDelete`)).send({ documentIds: [invoice.documentId] }),
      await as(http().post(`/content-manager/collection-types/${UID.invoice}/actions/bulkFindForValidation`)).send({ documentIds: [invoice.documentId] }),
      await as(http().get(`/content-manager/history-versions?contentType=${encodeURIComponent(UID.invoice)}&documentId=${invoice.documentId}`)),
      await as(http().get(`/content-manager/content-types/${UID.invoice}/configuration`)),
      await as(http().get(`/content-manager/collection-types/${UID.invoice}/${invoice.documentId}/../${invoice.documentId}`)),
    ];
    for (const response of responses) {
      expect([401, 403, 404]).toContain(response.status);
      expect(JSON.stringify(response.body)).not.toContain(invoice.documentId);
    }
    const homepage = await as(http().get('/content-manager/homepage/recent-documents?action=update'));
    expect(homepage.status).toBeLessThan(500);
    expect(JSON.stringify(homepage.body)).not.toContain('plugin::clientia.');
    expect(await app.strapi.db.query(UID.invoice as never).findOne({ where: { id: invoice.id } })).not.toBeNull();
  });

  it('shows the Clientia types it still lists in words: labels, money units, server fields not editable, entries titled', async () => {
    const configuration = async (uid: string) =>
      (await app.http().get(`/content-manager/content-types/${uid}/configuration`).set('Authorization', `Bearer ${superAdmin}`).expect(200)).body.data
        .contentType;
    const invoice = await configuration(UID.invoice);
    expect(invoice.settings.mainField).toBe('number');
    expect(invoice.metadatas.dueDate.edit.label).toBe('Due date');
    expect(invoice.metadatas.total.edit).toMatchObject({ label: 'Total (minor units)', editable: false });
    expect(invoice.metadatas.total.edit.description).toMatch(/minor units of the currency/);
    expect(invoice.metadatas.lineItems.edit.editable).not.toBe(false);
    const contract = await configuration(UID.contract);
    expect(contract.settings.mainField).toBe('title');
    for (const field of ['documentHash', 'trailHead', 'completedFileKey', 'verificationCode', 'signingOrder']) expect(contract.metadatas[field].edit.editable).toBe(false);
    const activity = await configuration(UID.activity);
    expect(Object.values(activity.metadatas as Record<string, { edit: { editable?: boolean } }>).filter((field) => field.edit.editable !== false)).toHaveLength(
      Object.keys(activity.metadatas).filter((field) => !(field in (app.strapi.contentType(UID.activity as never).attributes as object))).length
    );
    const listed = (await app.http().get('/content-manager/content-types').set('Authorization', `Bearer ${superAdmin}`).expect(200)).body.data as Array<{
      uid: string;
      isDisplayed: boolean;
    }>;
    const displayed = listed.filter((type) => type.uid.startsWith('plugin::clientia.') && type.isDisplayed).map((type) => type.uid);
    for (const uid of [UID.outboundEmail, UID.signInLink, UID.signInChallenge, UID.signInSession, UID.twoFactor, UID.passkey]) expect(displayed).not.toContain(uid);
    expect(displayed).toContain(UID.invoice);
  });
});
