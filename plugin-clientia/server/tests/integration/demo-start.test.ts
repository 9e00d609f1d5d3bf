import { createHash } from 'node:crypto';

import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { deliverQueued } from '../helpers/outbox';
import { startTestApp } from '../helpers/test-app';

const demoEnv = {
  CLIENTIA_DEMO: 'true',
  DEMO_ADMIN_EMAIL: 'admin@harborpine.example',
  DEMO_ADMIN_PASSWORD: 'Demo-admin-Pa55word',
  DEMO_CONTACT_PASSWORD: 'Demo-contact-Pa55word',
};

type App = Awaited<ReturnType<typeof startTestApp>>;
type Row = Record<string, unknown>;

const RECORDS = {
  admins: 'admin::user',
  contacts: 'plugin::users-permissions.user',
  brandings: 'plugin::clientia.branding',
  clients: 'plugin::clientia.client',
  memberships: 'plugin::clientia.membership',
  contracts: 'plugin::clientia.contract',
  signatureEvents: 'plugin::clientia.signature-event',
  retainers: 'plugin::clientia.retainer',
  timeEntries: 'plugin::clientia.time-entry',
  invoices: 'plugin::clientia.invoice',
  payments: 'plugin::clientia.payment',
  licences: 'plugin::clientia.licence',
  seats: 'plugin::clientia.seat',
  documents: 'plugin::clientia.document',
  projects: 'plugin::clientia.project',
  milestones: 'plugin::clientia.milestone',
  threads: 'plugin::clientia.thread',
  messages: 'plugin::clientia.message',
  activities: 'plugin::clientia.activity',
} as const;

const counts = async (app: App) => {
  const entries = await Promise.all(
    Object.entries(RECORDS).map(async ([name, uid]) => [name, Number(await app.strapi.db.query(uid).count())] as const)
  );
  return Object.fromEntries(entries) as Record<keyof typeof RECORDS, number>;
};

const DEMO_COUNTS = {
  admins: 1,
  contacts: 7,
  brandings: 1,
  clients: 4,
  memberships: 8,
  contracts: 13,
  // Four contracts signed in the portal (five events each); two sent for signature (sent, delivered).
  signatureEvents: 24,
  retainers: 3,
  timeEntries: 26,
  invoices: 9,
  payments: 4,
  licences: 3,
  seats: 15,
  documents: 15,
  projects: 4,
  milestones: 13,
  threads: 5,
  messages: 16,
};

const NOTHING = Object.fromEntries(Object.keys(RECORDS).map((name) => [name, 0]));

const findAll = (app: App, uid: string, options: Row = {}) =>
  app.strapi.db.query(uid as never).findMany(options) as Promise<Row[]>;

const isoDay = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('the demo start', () => {
  let database: TestDatabase;
  let activitiesAfterSeed = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('seeds an empty database with the demo firm, an admin and contacts who can sign in', async () => {
    const app = await startTestApp({ database, env: demoEnv });
    try {
      // The seed's signing requests leave through the outbox; their deliveries are in the trail.
      await deliverQueued(app.strapi);
      const seeded = await counts(app);
      expect(seeded).toMatchObject(DEMO_COUNTS);
      expect(seeded.activities).toBeGreaterThan(0);
      activitiesAfterSeed = seeded.activities;

      const branding = await app.http().get('/api/clientia/branding').expect(200);
      expect(branding.body.data.firmName).toBe('Harbor & Pine Advisory');

      const contact = await app
        .http()
        .post('/api/clientia/sign-in/password')
        .send({ email: 'sam@rivera-consulting.example', password: demoEnv.DEMO_CONTACT_PASSWORD })
        .expect(200);
      expect(contact.body.data).toMatchObject({ status: 'signed-in', jwt: expect.any(String) });
      expect(contact.body.data.user.password).toBeUndefined();
      // The sign-in is in the contact's clients' activity logs, which the later starts must keep as they are.
      activitiesAfterSeed = (await counts(app)).activities;

      const admin = await app
        .http()
        .post('/admin/login')
        .send({ email: demoEnv.DEMO_ADMIN_EMAIL, password: demoEnv.DEMO_ADMIN_PASSWORD })
        .expect(200);

      // Every seeded document opens: a real PDF, the bytes its record's hash names.
      const seededDocuments = await findAll(app, RECORDS.documents, { select: ['documentId', 'sha256', 'size', 'fileName', 'mimeType'] });
      for (const document of seededDocuments) {
        expect(document).toMatchObject({ mimeType: 'application/pdf', fileName: expect.stringMatching(/\.pdf$/) });
        const download = await app
          .http()
          .get(`/clientia/documents/${document.documentId}/download`)
          .set('authorization', `Bearer ${admin.body.data.token}`)
          .buffer(true)
          .parse((response, done) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        const bytes = download.body as Buffer;
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(bytes.length).toBe(Number(document.size));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
      }

      const sam = await findAll(app, RECORDS.memberships, { where: { user: { email: 'sam@rivera-consulting.example' } }, populate: ['client'] });
      expect(sam.map((m) => (m.client as { slug: string }).slug).sort()).toEqual(['bluebird-studio', 'northwind-logistics']);

      const northwind = await findAll(app, RECORDS.memberships, { where: { client: { slug: 'northwind-logistics' } } });
      expect(northwind.map((m) => m.role).sort()).toEqual(['admin', 'billing', 'member', 'owner']);
      expect(northwind.filter((m) => m.signatory)).toHaveLength(1);
    } finally {
      await app.stop({ keepDatabase: true });
    }
  });

  it('gives every admin panel something to act on, dated relative to today', async () => {
    const app = await startTestApp({ database });
    try {
      const today = isoDay();

      const invoices = await findAll(app, RECORDS.invoices, { populate: ['payments'] });
      const overdue = invoices.filter((i) => i.state === 'overdue');
      expect(overdue).toHaveLength(1);
      expect(String(overdue[0].dueDate) < today).toBe(true);
      expect(invoices.map((i) => i.state).sort()).toEqual(
        ['draft', 'draft', 'issued', 'issued', 'overdue', 'paid', 'paid', 'paid', 'partially_paid'].sort()
      );
      // The server numbered and totalled them; the seed sent line items only.
      for (const invoice of invoices.filter((i) => i.state !== 'draft')) {
        expect(invoice.number).toMatch(/^INV-\d{4}-\d{4}$/);
        expect(Number(invoice.total)).toBeGreaterThan(0);
        expect(Number(invoice.balance)).toBe(Number(invoice.total) - Number(invoice.paid));
      }

      const contracts = await findAll(app, RECORDS.contracts, { populate: ['amends'] });
      expect(contracts.filter((c) => c.state === 'sent').length).toBeGreaterThanOrEqual(1);
      expect(contracts.some((c) => c.kind === 'amendment' && c.amends)).toBe(true);
      expect(contracts.some((c) => c.state === 'draft')).toBe(true);
      expect(contracts.some((c) => c.renewalDate && String(c.renewalDate) >= today && String(c.renewalDate) <= isoDay(30))).toBe(true);

      const retainers = await findAll(app, RECORDS.retainers, { where: { state: 'active' } });
      expect(retainers.some((r) => String(r.nextRunDate) >= today && String(r.nextRunDate) <= isoDay(7))).toBe(true);

      const licences = await findAll(app, RECORDS.licences, { populate: ['seats'] });
      const used = licences.map((l) => ({
        purchased: Number(l.seatsPurchased),
        assigned: (l.seats as Row[]).filter((s) => s.assigneeEmail).length,
      }));
      expect(used.some((l) => l.assigned === l.purchased)).toBe(true);
      expect(used.some((l) => l.assigned < l.purchased)).toBe(true);

      const threads = await findAll(app, RECORDS.threads);
      expect(threads.some((t) => t.state === 'closed')).toBe(true);
      const unread = threads.filter(
        (t) => t.state === 'open' && t.lastMessageAt && (!t.staffReadAt || new Date(t.staffReadAt as string) < new Date(t.lastMessageAt as string))
      );
      expect(unread).toHaveLength(1);
      const messages = await findAll(app, RECORDS.messages, { populate: ['authorStaff', 'authorContact'] });
      expect(messages.some((m) => m.authorType === 'staff' && m.authorStaff)).toBe(true);
      expect(messages.some((m) => m.authorType === 'contact' && m.authorContact)).toBe(true);
    } finally {
      await app.stop({ keepDatabase: true });
    }
  });

  it('keeps the data on a second start and seeds nothing twice', async () => {
    const app = await startTestApp({ database, env: demoEnv });
    try {
      expect(await counts(app)).toEqual({ ...DEMO_COUNTS, activities: activitiesAfterSeed });
    } finally {
      await app.stop({ keepDatabase: true });
    }
  });

  it('keeps public registration closed: every account comes from an invitation', async () => {
    const app = await startTestApp({ database });
    try {
      const before = await app.strapi.db.query('plugin::users-permissions.user').count();
      const response = await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: 'walkin', email: 'walkin@example.com', password: 'Walk-in-Pa55word' });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(before);
    } finally {
      await app.stop({ keepDatabase: true });
    }
  });

  // Last in this file: it tampers with the seeded trail.
  it('records the signed MSA as a hash chain that verifies, and names any tampering', async () => {
    const app = await startTestApp({ database });
    const signing = app.strapi.plugin('clientia').service('signing') as {
      verify(documentId: string): Promise<{ valid: boolean; events: number; findings: { kind: string; index: number | null }[] }>;
    };
    try {
      const all = await findAll(app, RECORDS.signatureEvents, { orderBy: { id: 'asc' }, populate: ['contract'] });
      const msa = all.find((e) => (e.contract as Row).kind === 'msa' && e.type === 'completed')!.contract as Row;
      const events = all.filter((e) => (e.contract as Row).id === msa.id);
      expect(events.map((e) => e.type)).toEqual(['sent', 'viewed', 'consented', 'signed', 'completed']);
      const contract = events[0].contract as Row;
      expect(contract.completedHash).toBe(events[events.length - 1].hash);
      const documentId = String(contract.documentId);
      expect(await signing.verify(documentId)).toMatchObject({ valid: true, events: 5, findings: [] });

      // No contract says it is signed while a signatory it names has not signed: each has its trail.
      const contracts = await findAll(app, 'plugin::clientia.contract', { populate: { signatories: { populate: ['user'] } } });
      const signedWithSignatories = contracts.filter((c) => ['signed', 'active'].includes(String(c.state)) && (c.signatories as Row[]).length > 0);
      expect(signedWithSignatories.length).toBe(4);
      for (const contract of signedWithSignatories) {
        const trail = all.filter((e) => (e.contract as Row).id === contract.id);
        for (const signatory of contract.signatories as Row[]) {
          expect(trail.some((e) => e.type === 'signed' && e.email === (signatory.user as Row).email)).toBe(true);
        }
        expect(await signing.verify(String(contract.documentId))).toMatchObject({ valid: true, findings: [] });
      }

      // The contracts out for signature were sent through the plugin: their PDFs' hashes, a sent event, the email.
      const outForSignature = [...new Set(all.filter((e) => (e.contract as Row).state === 'sent').map((e) => String((e.contract as Row).documentId)))];
      expect(outForSignature.length).toBeGreaterThanOrEqual(1);
      for (const sentId of outForSignature) {
        expect(all.filter((e) => (e.contract as Row).documentId === sentId).map((e) => e.type)).toEqual(['sent', 'email_delivered']);
        expect(await signing.verify(sentId)).toMatchObject({ valid: true, findings: [] });
      }

      // Tampering straight in the database, past every rule: the verification still sees it.
      const table = () => app.strapi.db.connection('clientia_signature_events');
      const signed = events[3];
      await table().where({ id: signed.id }).update({ typed_name: 'Someone Else' });
      expect((await signing.verify(documentId)).findings.map((f) => `${f.kind}@${f.index}`)).toEqual(['altered@3']);
      await table().where({ id: signed.id }).update({ typed_name: signed.typedName });
      await table().where({ id: events[1].id }).delete();
      const afterRemoval = await signing.verify(documentId);
      expect(afterRemoval.valid).toBe(false);
      expect(afterRemoval.findings.map((f) => `${f.kind}@${f.index}`)).toEqual(['broken-link@1']);
    } finally {
      await app.stop({ keepDatabase: true });
    }
  });
});

describe('the demo seed outside a demo', () => {
  it('creates nothing in production mode, even when asked', async () => {
    const app = await startTestApp({ env: { ...demoEnv, NODE_ENV: 'production' } });
    try {
      expect(await counts(app)).toEqual(NOTHING);
    } finally {
      await app.stop();
    }
  });

  it('creates no admin without a password generated for this machine', async () => {
    const app = await startTestApp({ env: { CLIENTIA_DEMO: 'true', DEMO_ADMIN_PASSWORD: '', DEMO_CONTACT_PASSWORD: '' } });
    try {
      expect(await counts(app)).toEqual(NOTHING);
    } finally {
      await app.stop();
    }
  });
});
