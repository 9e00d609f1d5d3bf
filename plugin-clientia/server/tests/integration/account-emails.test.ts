import net from 'node:net';

import { RESET_PASSWORD_MESSAGE, RESET_PASSWORD_SUBJECT, WRITTEN_SETTINGS_KEY, syncAccountEmails } from '../../src/accounts/account-emails';
import { STOCK_RESET_MESSAGE, STOCK_RESET_SUBJECT, STOCK_SENDER } from '../../src/accounts/account-settings';
import { adminApi } from '../helpers/admin-api';
import { clearOutbox, readOutbox } from '../helpers/outbox';
import { adminToken, portalUser, startTestApp, type TestApp } from '../helpers/test-app';

const PRODUCT_NAMES = /strapi|clientia/i;

describe('account emails: the password reset link leads to the portal, from the firm', () => {
  let app: TestApp;
  let portalUrl: string;

  const store = () => app.strapi.store({ type: 'plugin', name: 'users-permissions' });
  const resetTemplate = async () => ((await store().get({ key: 'email' })) as { reset_password: { options: Record<string, unknown> } }).reset_password.options;
  const forgot = (email: string) => app.http().post('/api/auth/forgot-password').send({ email });

  beforeAll(async () => {
    app = await startTestApp();
    portalUrl = (app.strapi.config.get('plugin::clientia.portalUrl') as string).replace(/\/+$/, '');
  });
  afterAll(async () => app?.stop());

  it('delivers email through nodemailer into the outbox folder, never sendmail or the network', () => {
    const config = app.strapi.config.get('plugin::email') as { provider: string; providerOptions: { name?: string; host?: string }; settings: { defaultFrom: string } };
    expect(config.provider).toBe('nodemailer');
    expect(config.providerOptions.name).toBe('outbox');
    expect(config.providerOptions.host).toBeUndefined();
    expect(config.settings.defaultFrom).not.toMatch(PRODUCT_NAMES);
  });

  it('points users-permissions’ reset link at the portal and replaces its stock text', async () => {
    const advanced = (await store().get({ key: 'advanced' })) as Record<string, unknown>;
    expect(advanced.email_reset_password).toBe(`${portalUrl}/reset-password`);
    expect(advanced.allow_register).toBe(false);
    const template = await resetTemplate();
    expect(template).toMatchObject({ object: 'Reset your password', message: RESET_PASSWORD_MESSAGE, from: { name: '', email: '' } });
    expect(JSON.stringify(await store().get({ key: 'email' }))).not.toMatch(PRODUCT_NAMES);
  });

  it('keeps the sender in step with the branding, however it is changed', async () => {
    const branding = await app.strapi.documents('plugin::clientia.branding').create({
      data: { firmName: 'Ledger & Lark LLP', emailSenderAddress: 'portal@ledgerlark.example', supportEmail: 'help@ledgerlark.example' } as never,
    });
    expect(await resetTemplate()).toMatchObject({ from: { name: 'Ledger & Lark LLP', email: 'portal@ledgerlark.example' }, response_email: 'help@ledgerlark.example' });

    const api = adminApi(app, await adminToken(app));
    await api.put('/clientia/branding', { emailSenderName: 'Ledger, Lark & Co', emailSenderAddress: 'clients@ledgerlark.example' }).expect(200);
    // A comma would split `name <address>` into two addresses: the name is quoted.
    expect((await resetTemplate()).from).toEqual({ name: '"Ledger, Lark & Co"', email: 'clients@ledgerlark.example' });
    const confirmation = ((await store().get({ key: 'email' })) as { email_confirmation: { options: { from: unknown } } }).email_confirmation.options;
    expect(confirmation.from).toEqual({ name: '"Ledger, Lark & Co"', email: 'clients@ledgerlark.example' });

    await app.strapi.documents('plugin::clientia.branding').update({ documentId: branding.documentId, data: { emailSenderName: 'Ledger & Lark' } as never });
    expect((await resetTemplate()).from).toEqual({ name: 'Ledger & Lark', email: 'clients@ledgerlark.example' });
  });

  it('keeps a template text and a sender the firm set itself', async () => {
    const emails = (await store().get({ key: 'email' })) as { reset_password: { options: Record<string, unknown> } };
    const own = '<p>Dear client, reset here: <%= URL %>?code=<%= TOKEN %></p>';
    await store().set({ key: 'email', value: { ...emails, reset_password: { ...emails.reset_password, options: { ...emails.reset_password.options, message: own, from: { name: 'x', email: 'x@x.example' } } } } });
    await app.strapi.documents('plugin::clientia.branding').update({
      documentId: (await app.strapi.documents('plugin::clientia.branding').findFirst())!.documentId,
      data: { footerText: 'Registered in England' } as never,
    });
    // A sender that is neither users-permissions' stock one nor one Clientia wrote was set in the
    // admin panel, for the app's own users as much as for the portal's: it stays, like the text.
    expect(await resetTemplate()).toMatchObject({ message: own, from: { name: 'x', email: 'x@x.example' } });
    await store().set({ key: 'email', value: emails });
  });

  it('emails an existing contact a working reset link to the portal, from the firm, with no product name', async () => {
    const contact = await portalUser(app, 'rosa@client.example');
    clearOutbox(app.outboxDir);

    // Every connection made while the email goes out: only the test's own call to Strapi, on loopback.
    const remotes: string[] = [];
    const connect = net.Socket.prototype.connect;
    const spy = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
      const [first, second] = args as [unknown, unknown];
      const target = first && typeof first === 'object' ? (first as { host?: string; path?: string }) : { host: typeof second === 'string' ? second : undefined };
      remotes.push(target.path ? 'unix socket' : (target.host ?? 'localhost'));
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    });
    let answer;
    try {
      answer = await forgot('rosa@client.example').expect(200);
    } finally {
      spy.mockRestore();
    }
    expect(answer.body).toEqual({ ok: true });
    expect(remotes.length).toBeGreaterThan(0);
    expect(remotes.filter((host) => !['127.0.0.1', '::1', 'localhost', 'unix socket'].includes(host))).toEqual([]);

    const sent = readOutbox(app.outboxDir);
    expect(sent).toHaveLength(1);
    const [message] = sent;
    expect(message.headers.to).toBe('rosa@client.example');
    expect(message.headers.from).toBe('"Ledger & Lark" <clients@ledgerlark.example>');
    expect(message.headers['reply-to']).toBe('help@ledgerlark.example');
    expect(message.headers.subject).toBe('Reset your password');
    expect(message.body).toContain(`${portalUrl}/reset-password?code=`);
    expect(message.body).not.toMatch(PRODUCT_NAMES);
    expect(message.raw).not.toMatch(PRODUCT_NAMES);

    const code = new RegExp(`${portalUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/reset-password\\?code=([0-9a-f]+)`).exec(message.body)![1];
    const reset = await app.http().post('/api/auth/reset-password').send({ code, password: 'new-harbour-pass-7', passwordConfirmation: 'new-harbour-pass-7' }).expect(200);
    expect(reset.body.user.email).toBe('rosa@client.example');
    // The new password is the right one (403: Rosa has no client yet); the old one is wrong now.
    const signIn = (password: string) => app.http().post('/api/clientia/sign-in/password').send({ email: 'rosa@client.example', password });
    expect((await signIn('new-harbour-pass-7')).status).toBe(403);
    expect((await signIn(contact.password)).status).toBe(401);
    // The code works once.
    expect((await app.http().post('/api/auth/reset-password').send({ code, password: 'x-another-pass-8', passwordConfirmation: 'x-another-pass-8' })).status).toBe(400);
  });

  it('answers an unknown address exactly the same, and sends nothing', async () => {
    clearOutbox(app.outboxDir);
    const answer = await forgot('nobody@nowhere.example').expect(200);
    expect(answer.body).toEqual({ ok: true });
    expect(readOutbox(app.outboxDir)).toEqual([]);
  });
});

describe('account emails: users-permissions settings the app set itself stay the app’s', () => {
  let app: TestApp;
  let portalReset: string;

  const BRANDING = 'plugin::clientia.branding';
  const BRANDING_FIELDS = ['firmName', 'emailSenderName', 'emailSenderAddress', 'supportEmail'] as const;
  const APP_RESET = 'https://www.northbank.example/account/reset-password';
  const APP_SENDER = { name: 'Northbank Studio', email: 'hello@northbank.example' };

  type Options = Record<string, unknown> & { from?: unknown; response_email?: unknown; object?: unknown; message?: unknown };
  type Templates = Record<'reset_password' | 'email_confirmation', Record<string, unknown> & { options: Options }>;

  const store = () => app.strapi.store({ type: 'plugin', name: 'users-permissions' });
  const record = () => app.strapi.store({ type: 'plugin', name: 'clientia' });
  const advanced = async () => (await store().get({ key: 'advanced' })) as Record<string, unknown>;
  const templates = async () => (await store().get({ key: 'email' })) as Templates;
  const written = async () => (await record().get({ key: WRITTEN_SETTINGS_KEY })) as Record<string, unknown> | null;
  const setResetUrl = async (url: string | null) => store().set({ key: 'advanced', value: { ...(await advanced()), email_reset_password: url } });
  const setOptions = async (template: keyof Templates, options: Options) => {
    const current = await templates();
    await store().set({ key: 'email', value: { ...current, [template]: { ...current[template], options: { ...current[template].options, ...options } } } });
  };

  /** The branding as the settings page saves it: the first save creates it. */
  const saveBranding = async (data: Record<string, unknown>) => {
    const branding = await app.strapi.documents(BRANDING).findFirst();
    if (branding) await app.strapi.documents(BRANDING).update({ documentId: branding.documentId, data: data as never });
    else await app.strapi.documents(BRANDING).create({ data: { firmName: 'Northbank Legal', ...data } as never });
  };

  /**
   * Runs a test and then puts users-permissions' settings, Clientia's record of what it wrote
   * and the branding back as they were, so no test depends on another's leftovers.
   */
  const restoring = (body: () => Promise<void>) => async () => {
    const before = {
      branding: await app.strapi.documents(BRANDING).findFirst(),
      advanced: await advanced(),
      email: await templates(),
      written: await written(),
    };
    try {
      await body();
    } finally {
      const branding = await app.strapi.documents(BRANDING).findFirst();
      if (branding && before.branding) {
        const fields = Object.fromEntries(BRANDING_FIELDS.map((field) => [field, before.branding![field] ?? null]));
        await app.strapi.documents(BRANDING).update({ documentId: branding.documentId, data: fields as never });
      } else if (branding) await app.strapi.documents(BRANDING).delete({ documentId: branding.documentId });
      await store().set({ key: 'advanced', value: before.advanced });
      await store().set({ key: 'email', value: before.email });
      if (before.written) await record().set({ key: WRITTEN_SETTINGS_KEY, value: before.written });
      else await record().delete({ key: WRITTEN_SETTINGS_KEY });
    }
  };

  beforeAll(async () => {
    app = await startTestApp();
    portalReset = `${(app.strapi.config.get('plugin::clientia.portalUrl') as string).replace(/\/+$/, '')}/reset-password`;
  });
  afterAll(async () => app?.stop());

  it(
    'records what it wrote at the first start, and a second run writes nothing',
    restoring(async () => {
      expect(await written()).toEqual({
        'advanced.email_reset_password': portalReset,
        'email.reset_password.from': { name: '', email: '' },
        'email.reset_password.response_email': '',
        'email.reset_password.text': { object: RESET_PASSWORD_SUBJECT, message: RESET_PASSWORD_MESSAGE },
        'email.email_confirmation.from': { name: '', email: '' },
        'email.email_confirmation.response_email': '',
      });
      const writes: string[] = [];
      const storeOf = app.strapi.store.bind(app.strapi);
      // `strapi.store` is a getter: every store the sync opens records the keys it sets.
      const spy = jest.spyOn(app.strapi as unknown as { store: unknown }, 'store', 'get').mockReturnValue((params: Parameters<typeof storeOf>[0]) => {
        const real = storeOf(params);
        return { ...real, set: async (args: { key: string }) => (writes.push(args.key), real.set(args as never)) };
      });
      try {
        await syncAccountEmails(app.strapi);
      } finally {
        spy.mockRestore();
      }
      expect(writes).toEqual([]);
    })
  );

  it(
    'keeps the app’s own reset page through a restart and every kind of branding write',
    restoring(async () => {
      await setResetUrl(APP_RESET);
      await setOptions('reset_password', { object: STOCK_RESET_SUBJECT, message: STOCK_RESET_MESSAGE });
      await syncAccountEmails(app.strapi);
      expect((await advanced()).email_reset_password).toBe(APP_RESET);
      // With the app's page goes the text: the portal's would speak of a client portal to the app's own users.
      expect((await templates()).reset_password.options).toMatchObject({ object: STOCK_RESET_SUBJECT, message: STOCK_RESET_MESSAGE });

      await saveBranding({ emailSenderAddress: 'portal@northbank.example', supportEmail: 'help@northbank.example' });
      const api = adminApi(app, await adminToken(app, 'reset-page@firm.example'));
      await api.put('/clientia/branding', { firmName: 'Northbank Legal', emailSenderName: 'Northbank Clients' }).expect(200);
      expect((await advanced()).email_reset_password).toBe(APP_RESET);
      // The other settings are still stock or Clientia's, so they follow the branding.
      expect((await templates()).reset_password.options).toMatchObject({
        from: { name: 'Northbank Clients', email: 'portal@northbank.example' },
        response_email: 'help@northbank.example',
      });
    })
  );

  it(
    'keeps the app’s own sender and reply-to when the branding changes, and gives the other template the firm’s',
    restoring(async () => {
      await setOptions('reset_password', { from: APP_SENDER, response_email: 'support@northbank.example' });
      await saveBranding({ emailSenderName: 'Northbank Clients', emailSenderAddress: 'portal@northbank.example', supportEmail: 'help@northbank.example' });
      const emails = await templates();
      expect(emails.reset_password.options).toMatchObject({ from: APP_SENDER, response_email: 'support@northbank.example' });
      expect(emails.email_confirmation.options).toMatchObject({ from: { name: 'Northbank Clients', email: 'portal@northbank.example' }, response_email: 'help@northbank.example' });
      await syncAccountEmails(app.strapi);
      expect((await templates()).reset_password.options).toMatchObject({ from: APP_SENDER, response_email: 'support@northbank.example' });
    })
  );

  it(
    'moves a value it wrote along with the branding and the portal address',
    restoring(async () => {
      await saveBranding({ emailSenderName: 'Northbank Clients', emailSenderAddress: 'portal@northbank.example' });
      expect((await templates()).reset_password.options.from).toEqual({ name: 'Northbank Clients', email: 'portal@northbank.example' });
      expect((await written())?.['email.reset_password.from']).toEqual({ name: 'Northbank Clients', email: 'portal@northbank.example' });
      await saveBranding({ emailSenderName: 'Northbank Client Desk' });
      expect((await templates()).reset_password.options.from).toEqual({ name: 'Northbank Client Desk', email: 'portal@northbank.example' });

      // The portal moved: the stored URL is neither stock nor what Clientia wants now, only what it wrote last.
      const portalUrl = app.strapi.config.get('plugin::clientia.portalUrl') as string;
      app.strapi.config.set('plugin::clientia.portalUrl', 'https://clients.northbank.example');
      try {
        await syncAccountEmails(app.strapi);
        expect((await advanced()).email_reset_password).toBe('https://clients.northbank.example/reset-password');
      } finally {
        app.strapi.config.set('plugin::clientia.portalUrl', portalUrl);
      }
      await syncAccountEmails(app.strapi);
      expect((await advanced()).email_reset_password).toBe(portalReset);
    })
  );

  it(
    'takes over what an earlier version wrote without a record, when it is what it would write now',
    restoring(async () => {
      await saveBranding({ emailSenderAddress: 'portal@northbank.example' });
      await record().delete({ key: WRITTEN_SETTINGS_KEY });
      await syncAccountEmails(app.strapi);
      expect((await written())?.['advanced.email_reset_password']).toBe(portalReset);
      await saveBranding({ emailSenderAddress: 'clients@northbank.example' });
      expect((await templates()).reset_password.options.from).toEqual({ name: 'Northbank Legal', email: 'clients@northbank.example' });
    })
  );

  it(
    'takes a setting back once it is returned to users-permissions’ stock value',
    restoring(async () => {
      await setResetUrl(APP_RESET);
      await setOptions('reset_password', { from: APP_SENDER, object: 'Your Northbank password', message: '<p>Reset: <%= URL %>?code=<%= TOKEN %></p>' });
      await syncAccountEmails(app.strapi);
      expect((await advanced()).email_reset_password).toBe(APP_RESET);

      await setResetUrl(null);
      await setOptions('reset_password', { from: STOCK_SENDER, object: STOCK_RESET_SUBJECT, message: STOCK_RESET_MESSAGE });
      await syncAccountEmails(app.strapi);
      expect((await advanced()).email_reset_password).toBe(portalReset);
      expect((await templates()).reset_password.options).toMatchObject({ from: { name: '', email: '' }, object: RESET_PASSWORD_SUBJECT, message: RESET_PASSWORD_MESSAGE });

      // An emptied field (as the admin panel saves it) is stock too.
      await setResetUrl('');
      await syncAccountEmails(app.strapi);
      expect((await advanced()).email_reset_password).toBe(portalReset);
    })
  );

  it(
    'sends users-permissions’ forgot-password email for the app’s own users to the app’s own page, from the app',
    restoring(async () => {
      await saveBranding({ emailSenderAddress: 'portal@northbank.example' });
      await setResetUrl(APP_RESET);
      await setOptions('reset_password', { from: APP_SENDER, object: 'Your Northbank password', message: '<p>Reset it here: <%= URL %>?code=<%= TOKEN %></p>' });
      await syncAccountEmails(app.strapi);
      await portalUser(app, 'reader@northbank.example');
      clearOutbox(app.outboxDir);

      await app.http().post('/api/auth/forgot-password').send({ email: 'reader@northbank.example' }).expect(200);
      const sent = readOutbox(app.outboxDir);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.headers.from).toBe('Northbank Studio <hello@northbank.example>');
      expect(sent[0]!.headers.subject).toBe('Your Northbank password');
      expect(sent[0]!.body).toContain(`${APP_RESET}?code=`);
      expect(sent[0]!.body).not.toContain(portalReset);
    })
  );

  it(
    'sets the emails up once the server listens when it booted before users-permissions seeded its settings',
    restoring(async () => {
      // An app whose config/plugins.ts names Clientia but not users-permissions boots Clientia
      // first: on a new database its sync finds nothing yet, and users-permissions seeds stock values after it.
      const seeded = { ...(await advanced()), email_reset_password: null };
      await store().delete({ key: 'advanced' });
      await syncAccountEmails(app.strapi);
      await store().set({ key: 'advanced', value: seeded });
      expect((await advanced()).email_reset_password).toBeNull();

      await app.http().get('/_health'); // supertest makes the server listen for the request
      const deadline = Date.now() + 5_000;
      while ((await advanced()).email_reset_password !== portalReset && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await advanced()).email_reset_password).toBe(portalReset);
    })
  );

  it(
    'logs once which settings it left to the app, by name and without their values',
    restoring(async () => {
      await syncAccountEmails(app.strapi); // nothing of the app's yet, whatever an earlier test left logged
      const info = jest.spyOn(app.strapi.log, 'info');
      try {
        await setResetUrl(APP_RESET);
        await setOptions('reset_password', { from: APP_SENDER });
        await syncAccountEmails(app.strapi);
        await syncAccountEmails(app.strapi);
        const lines = info.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('[clientia]'));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain('Reset password page');
        expect(lines[0]).toContain('Reset password: shipper name and email');
        expect(lines[0]).not.toMatch(/northbank/i);
      } finally {
        info.mockRestore();
      }
    })
  );
});
