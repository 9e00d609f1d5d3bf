import { adminToken, portalUser, startTestApp, type TestApp } from '../helpers/test-app';
import { testDatabaseKind } from '../helpers/test-database';

describe('the Clientia plugin inside the reference Strapi app', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('runs on the database this suite was asked for', () => {
    expect(app.strapi.db.dialect.client).toBe(testDatabaseKind());
  });

  (testDatabaseKind() === 'mysql' ? it : it.skip)('runs every MySQL/MariaDB connection at READ COMMITTED, as PostgreSQL does', async () => {
    const knex = app.strapi.db.connection;
    // MariaDB before 11.1 knows the variable only by its old name.
    const name = await knex.raw('SELECT @@SESSION.transaction_isolation').then(
      () => 'transaction_isolation',
      () => 'tx_isolation'
    );
    // Held briefly, so the queries spread over every connection the pool will open.
    const levels = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const [[row]] = (await knex.raw(`SELECT @@SESSION.${name} AS level, SLEEP(0.05) AS slept`)) as [[{ level: string }]];
        return row.level;
      })
    );
    expect(new Set(levels)).toEqual(new Set(['READ-COMMITTED']));
  });

  it('registers its content types with clientia_ tables', async () => {
    expect(app.strapi.plugin('clientia')).toBeDefined();
    const tables = {
      'plugin::clientia.client': 'clientia_clients',
      'plugin::clientia.membership': 'clientia_memberships',
      'plugin::clientia.branding': 'clientia_branding',
    } as const;
    for (const [uid, table] of Object.entries(tables)) {
      expect(app.strapi.contentType(uid as 'plugin::clientia.client').collectionName).toBe(table);
      await expect(app.strapi.db.connection.schema.hasTable(table)).resolves.toBe(true);
    }
  });

  it('holds invoice and contract numbers unique in the database itself', async () => {
    const inspector = (app.strapi.db.dialect as unknown as { schemaInspector: { getIndexes(table: string): Promise<{ name: string; columns: string[]; type?: string }[]> } }).schemaInspector;
    for (const table of ['clientia_invoices', 'clientia_contracts']) {
      const indexes = await inspector.getIndexes(table);
      expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ columns: ['number'], type: 'unique' })]));
    }
  });

  it('keeps staff-only client fields out of the content API by schema', () => {
    const attributes = app.strapi.contentType('plugin::clientia.client').attributes as Record<
      string,
      { private?: boolean }
    >;
    expect(attributes.internalNotes.private).toBe(true);
  });

  it('serves neutral public branding before the firm has set its own', async () => {
    const response = await app.http().get('/api/clientia/branding').expect(200);
    expect(response.body.data.firmName).toBe('Client portal');
    expect(JSON.stringify(response.body)).not.toMatch(/clientia/i);
  });

  it("serves the firm's branding, and only its public fields, to anyone", async () => {
    await app.strapi.documents('plugin::clientia.branding').create({
      data: {
        firmName: 'Ledger & Lark LLP',
        primaryColor: '#123456',
        accentColor: '#abcdef',
        supportEmail: 'help@ledgerlark.example',
        emailSenderName: 'Ledger & Lark billing',
        emailSenderAddress: 'billing@ledgerlark.example',
      },
    });

    const response = await app.http().get('/api/clientia/branding').expect(200);
    expect(response.body.data).toMatchObject({
      firmName: 'Ledger & Lark LLP',
      primaryColor: '#123456',
      accentColor: '#abcdef',
      supportEmail: 'help@ledgerlark.example',
    });
    expect(Object.keys(response.body.data).sort()).toEqual(
      [
        'accentColor',
        'defaultLocale',
        'faviconUrl',
        'firmName',
        'footerText',
        'legalText',
        'logoUrl',
        'portalUrl',
        'primaryColor',
        'supportEmail',
      ].sort()
    );
    expect(JSON.stringify(response.body)).not.toContain('billing@ledgerlark.example');
  });

  it('refuses query parameters on the branding route, naming each one', async () => {
    const response = await app
      .http()
      .get('/api/clientia/branding')
      .query({ 'populate[logo]': 'true', fields: 'emailSenderAddress' })
      .expect(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.message).toContain('populate');
    expect(response.body.error.message).toContain('fields');
    const paths = response.body.error.details.errors.map((e: { path: string[] }) => e.path[0]);
    expect(paths.sort()).toEqual(['fields', 'populate']);
  });

  it('answers the admin overview only to staff', async () => {
    await app.http().get('/clientia/overview').expect(401);

    const contact = await portalUser(app, 'someone@client.example');
    await app.http().get('/clientia/overview').set('Authorization', `Bearer ${contact.jwt}`).expect(401);

    const clients = app.strapi.documents('plugin::clientia.client');
    await clients.create({ data: { name: 'Acme Corp', slug: 'acme', state: 'active', currency: 'EUR' } });
    await clients.create({ data: { name: 'Globex', slug: 'globex', state: 'prospect', currency: 'USD', portalEnabled: false } });

    const token = await adminToken(app);
    const response = await app.http().get('/clientia/overview').set('Authorization', `Bearer ${token}`).expect(200);
    expect(response.body.data).toEqual({
      overdueInvoices: [],
      overdueTotals: [],
      contractsAwaitingSignature: [],
      retainersAboutToBill: [],
      seatUtilisation: [],
      openThreads: [],
      renewals: [],
      counts: { clients: 2, activeClients: 1, memberships: 0 },
    });
  });
});
