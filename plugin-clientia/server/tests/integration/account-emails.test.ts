import net from 'node:net';

import { RESET_PASSWORD_MESSAGE } from '../../src/accounts/account-emails';
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

  it('keeps a template text the firm rewrote, and still sets the sender', async () => {
    const emails = (await store().get({ key: 'email' })) as { reset_password: { options: Record<string, unknown> } };
    const own = '<p>Dear client, reset here: <%= URL %>?code=<%= TOKEN %></p>';
    await store().set({ key: 'email', value: { ...emails, reset_password: { ...emails.reset_password, options: { ...emails.reset_password.options, message: own, from: { name: 'x', email: 'x@x.example' } } } } });
    await app.strapi.documents('plugin::clientia.branding').update({
      documentId: (await app.strapi.documents('plugin::clientia.branding').findFirst())!.documentId,
      data: { footerText: 'Registered in England' } as never,
    });
    expect(await resetTemplate()).toMatchObject({ message: own, from: { name: 'Ledger & Lark', email: 'clients@ledgerlark.example' } });
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
    await app.http().post('/api/auth/local').send({ identifier: 'rosa@client.example', password: 'new-harbour-pass-7' }).expect(200);
    expect((await app.http().post('/api/auth/local').send({ identifier: 'rosa@client.example', password: contact.password })).status).toBe(400);
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
