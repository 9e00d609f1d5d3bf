import { countRows, hostileAttributes, maxIds, stableJson, touchedRows, violationsOf } from '../helpers/portal-hostile';
import {
  buildSecurityWorld,
  forbiddenFor,
  hasId,
  isList,
  isWrite,
  leaksIn,
  PORTAL_ROUTES,
  routeName,
  send,
  startSecurityApp,
  STAFF_ONLY_MARKER,
  TINY_PDF,
  type Persona,
  type PortalRouteSpec,
  type SecurityWorld,
} from '../helpers/portal-probes';
import type { TestApp } from '../helpers/test-app';

/**
 * Input the portal must not trust: protected fields in bodies (mass assignment), Strapi query
 * parameters that would filter, populate or sort on what the caller may not see, and Strapi's own
 * users and upload endpoints. Generated from PORTAL_ROUTES.
 */
describe('portal input the server must not trust', () => {
  let app: TestApp;
  let world: SecurityWorld;

  beforeAll(async () => {
    app = await startSecurityApp();
    world = await buildSecurityWorld(app);
  });
  afterAll(async () => app?.stop());

  const writeRoutes = PORTAL_ROUTES.filter(isWrite);
  const listRoutes = PORTAL_ROUTES.filter(isList);

  const membershipOf = async (email: string) =>
    app.strapi.db.query('plugin::clientia.membership').findMany({ where: { user: { email } }, select: ['role', 'signatory'], populate: { client: { select: ['documentId'] } } });

  /** The same write with the example body only: what the server decides for a clean request. */
  const cleanRun = async (spec: PortalRouteSpec) => {
    const id = hasId(spec) ? await world.fresh(spec.idOf!, 'A') : undefined;
    const before = await maxIds(world);
    const response = await send(world, spec, { persona: 'ownerA', id });
    const rows = await touchedRows(world, before, id ? [{ uid: spec.idOf!, documentId: id }] : []);
    return { status: response.status, rows };
  };

  it('ignores or refuses protected fields in every write body, never writing them', async () => {
    if (!writeRoutes.length) return;
    const hostile = await hostileAttributes(world);
    const findings: string[] = [];
    let requests = 0;
    for (const spec of writeRoutes) {
      const example = spec.example?.body ?? {};
      const variants: [string, Record<string, unknown>][] = [
        ['flat', { ...hostile, ...example }],
        ['nested in data', { ...example, data: hostile }],
      ];
      for (const [variant, body] of variants) {
        const reference = await cleanRun(spec);
        const id = hasId(spec) ? await world.fresh(spec.idOf!, 'A') : undefined;
        const target = id ? [{ uid: spec.idOf!, documentId: id }] : [];
        const roleBefore = await membershipOf(world.emails.ownerA);
        const countsBefore = await countRows(world);
        const idsBefore = await maxIds(world);
        const rowsBefore = stableJson(await touchedRows(world, idsBefore, target));

        // An upload route takes its fields as multipart; the hostile keys go in as form fields.
        const response = spec.example?.multipart
          ? await sendMultipart(spec, id, body)
          : await send(world, spec, { persona: 'ownerA', id, body });
        requests += 1;
        const where = `${routeName(spec)} (${variant})`;
        const countsAfter = await countRows(world);
        if (response.status >= 500) findings.push(`${where}: ${response.status} ${response.text.slice(0, 200)}`);
        if (response.status >= 400) {
          const rowsAfter = stableJson(await touchedRows(world, idsBefore, target));
          const countChanges = Object.keys(countsAfter).filter((k) => countsAfter[k] !== countsBefore[k]);
          if (countChanges.length || rowsAfter !== rowsBefore) {
            findings.push(`${where}: refused with ${response.status} but wrote something (${countChanges.join(', ') || `record before ${rowsBefore.slice(0, 400)} after ${rowsAfter.slice(0, 400)}`})`);
          }
          continue;
        }
        for (const key of Object.keys(countsAfter).filter((k) => k.endsWith(' of B'))) {
          if (countsAfter[key] !== countsBefore[key]) findings.push(`${where}: a record appeared in client B (${key})`);
        }
        if (JSON.stringify(await membershipOf(world.emails.ownerA)) !== JSON.stringify(roleBefore)) findings.push(`${where}: the caller's membership changed`);
        for (const { uid, row, created } of await touchedRows(world, idsBefore, target)) {
          const ref = reference.rows.find((r) => r.uid === uid && r.created === created)?.row;
          findings.push(...violationsOf(world, uid, row, hostile, ref).map((p) => `${where}: ${p}`));
          const client = row.client as { documentId?: string } | null | undefined;
          if (client && client.documentId !== world.clientA.documentId) findings.push(`${where}: ${uid} ${row.documentId} belongs to ${client.documentId}, not A`);
        }
      }
    }
    console.log(`portal mass assignment: ${writeRoutes.length} write routes, ${requests} hostile requests, ${findings.length} findings`);
    if (findings.length) console.error(findings.map((f) => `MASS ASSIGNMENT ${f}`).join('\n'));
    expect(findings).toEqual([]);
  });

  const sendMultipart = async (spec: PortalRouteSpec, id: string | undefined, body: Record<string, unknown>) => {
    const multipart = spec.example!.multipart!;
    let request = app.http()[spec.method.toLowerCase() as 'post'](`/api/clientia${spec.path.replace(':id', id ?? '')}`).set('Authorization', world.auth.ownerA!);
    const fields = { ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])), ...(multipart.fields ?? {}) };
    for (const [key, value] of Object.entries(fields)) if (key !== multipart.field) request = request.field(key, value);
    return request.attach(multipart.field, TINY_PDF, { filename: 'letter.pdf', contentType: 'application/pdf' });
  };

  /** Strapi's own query language, and the portal's selector pointed at another client. */
  const oracles = (w: SecurityWorld): Record<string, unknown>[] => [
    { filters: { client: { id: String(w.clientB.id) } } },
    { filters: { client: { documentId: w.clientB.documentId } } },
    { filters: { $or: [{ client: { id: String(w.clientB.id) } }, { id: { $gt: '0' } }] } },
    { filters: { internalNotes: { $contains: STAFF_ONLY_MARKER } } },
    { filters: { client: { memberships: { user: { email: { $contains: '@' } } } } } },
    { where: { client: { id: String(w.clientB.id) } } },
    { populate: '*' },
    { populate: { client: '*' } },
    { populate: ['client', 'memberships'] },
    { populate: { client: { populate: 'memberships' } } },
    { fields: ['internalNotes'] },
    { fields: { 0: 'storageKey' } },
    { sort: 'internalNotes:asc' },
    { sort: ['client.name:desc'] },
    { sort: { internalNotes: 'asc' } },
    { lookup: { client: w.clientB.documentId } },
    { _q: STAFF_ONLY_MARKER },
    { publicationState: 'preview' },
    { status: 'draft' },
    { locale: 'all' },
    { pagination: { pageSize: '100000' } },
    { pageSize: '100000' },
    { limit: '-1', start: '0' },
  ];

  it('answers Strapi query parameters on every list with 400, or exactly as without them, never with client B’s or staff data', async () => {
    const findings: string[] = [];
    let requests = 0;
    const personas: Persona[] = ['ownerA', 'contactAB'];
    for (const spec of listRoutes) {
      for (const persona of personas) {
        const plain = await send(world, spec, { persona });
        if (plain.status === 403) continue;
        if (plain.status !== 200) {
          findings.push(`${routeName(spec)} as ${persona}: the plain call answered ${plain.status}`);
          continue;
        }
        const forbidden = forbiddenFor(world, persona);
        for (const query of [...oracles(world), { client: persona === 'ownerA' ? world.clientB.documentId : world.clientA.documentId }]) {
          const response = await send(world, spec, { persona, query });
          requests += 1;
          const label = `${routeName(spec)} as ${persona} with ${JSON.stringify(query)}`;
          const accepted = (spec.queryKeys ?? []).includes(Object.keys(query)[0]);
          const leaked = leaksIn(response.text, forbidden);
          if (leaked.length) findings.push(`${label}: ${response.status} contains ${leaked.join(', ')}`);
          if (Object.keys(query)[0] === 'client') {
            // contactAB naming A switches to its A membership: a legitimate answer, checked for leaks only as B.
            if (persona === 'ownerA' && response.status !== 403) findings.push(`${label}: selecting a foreign client answered ${response.status}`);
            continue;
          }
          if (response.status === 400) {
            if (!accepted && !Object.keys(query).some((key) => response.text.includes(key))) findings.push(`${label}: 400 without naming the key`);
            continue;
          }
          if (accepted) {
            if (response.status >= 500) findings.push(`${label}: ${response.status}`);
            continue;
          }
          if (response.status !== 200 || response.text !== plain.text) findings.push(`${label}: ${response.status}, not refused and not the plain answer`);
        }
      }
    }
    console.log(`portal query oracles: ${listRoutes.length} list routes, ${requests} requests, ${findings.length} findings`);
    if (findings.length) console.error(findings.map((f) => `QUERY ORACLE ${f}`).join('\n'));
    expect(findings).toEqual([]);
  });

  describe('Strapi’s own endpoints are closed to client contacts', () => {
    const as = (persona: Persona) => world.auth[persona]!;

    it.each(['ownerA', 'memberA', 'contactB'] as const)('%s cannot list users, change a role or reach the upload API', async (persona) => {
      const http = () => app.http();
      const statuses: Record<string, number> = {};
      statuses['GET /api/users'] = (await http().get('/api/users').set('Authorization', as(persona))).status;
      const self = { body: (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: world.emails[persona] }, populate: ['role'] })) as { id: number; role: { id: number } } };
      statuses['GET /api/users/me'] = (await http().get('/api/users/me').set('Authorization', as(persona))).status;
      statuses['POST /api/auth/change-password'] = (
        await http().post('/api/auth/change-password').set('Authorization', as(persona)).send({ currentPassword: 'x', password: 'Intruder-123456', passwordConfirmation: 'Intruder-123456' })
      ).status;
      statuses['PUT /api/users/:id role'] = (await http().put(`/api/users/${self.body.id}`).set('Authorization', as(persona)).send({ role: 1, blocked: false, confirmed: true })).status;
      statuses['GET /api/users/:id of another'] = (await http().get(`/api/users/${self.body.id + 1}`).set('Authorization', as(persona))).status;
      statuses['GET /api/upload/files'] = (await http().get('/api/upload/files').set('Authorization', as(persona))).status;
      statuses['GET /api/upload/files/1'] = (await http().get('/api/upload/files/1').set('Authorization', as(persona))).status;
      statuses['POST /api/upload'] = (
        await http().post('/api/upload').set('Authorization', as(persona)).attach('files', TINY_PDF, { filename: 'x.pdf', contentType: 'application/pdf' })
      ).status;
      statuses['GET /api/users-permissions/roles'] = (await http().get('/api/users-permissions/roles').set('Authorization', as(persona))).status;
      statuses['POST /api/auth/local/register'] = (
        await http().post('/api/auth/local/register').send({ username: `intruder${persona}`, email: `intruder-${persona}@attacker.example`, password: 'Intruder-123456' })
      ).status;
      const refused = Object.entries(statuses).filter(([, status]) => status < 400 || status >= 500);
      expect(refused).toEqual([]);
      const after = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: self.body.id }, populate: ['role'] });
      expect(after.role.id).toBe(self.body.role.id);
    });

    it('serves no client document from the public uploads path', async () => {
      const documents = (await app.strapi.db.query('plugin::clientia.document').findMany({ where: { client: { id: world.clientA.id } } })) as Record<string, unknown>[];
      expect(documents.length).toBeGreaterThan(0);
      for (const document of documents) {
        for (const guess of [`/uploads/${document.documentId}.pdf`, `/uploads/${String(document.storageKey ?? document.documentId)}`, `/uploads/${String(document.fileName ?? 'file.pdf')}`]) {
          expect({ guess, status: (await app.http().get(guess)).status }).toEqual({ guess, status: 404 });
        }
      }
    });

    it('serves no contract or invoice PDF of a client to anyone from the public uploads path', async () => {
      const exposed: string[] = [];
      for (const [uid, field] of [
        ['plugin::clientia.contract', 'file'],
        ['plugin::clientia.invoice', 'pdf'],
      ] as const) {
        const rows = (await app.strapi.db.query(uid).findMany({ where: { client: { id: world.clientA.id } }, populate: { [field]: { select: ['url'] } } })) as Record<string, { url?: string } | null>[];
        for (const row of rows) {
          const url = row[field]?.url;
          if (url?.startsWith('/')) {
            const status = (await app.http().get(url)).status;
            if (status < 400) exposed.push(`${uid} ${field} at ${url} answered ${status} without any login`);
          }
        }
      }
      if (exposed.length) console.error(exposed.map((e) => `PUBLIC FILE ${e}`).join('\n'));
      expect(exposed).toEqual([]);
    });
  });
});
