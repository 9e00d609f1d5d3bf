import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import provider from '@strapi/provider-email-nodemailer';

import { DEFAULT_FROM, emailConfig } from '../../src/email/config';
import type { OutboxTransport } from '../../src/email/outbox-transport';

const reader = (values: Record<string, string>) => (key: string) => values[key];

describe('email delivery of the reference app', () => {
  it('writes to the outbox when no mail server is named, from a neutral default sender', () => {
    const config = emailConfig(reader({}));
    expect(config.provider).toBe('nodemailer');
    expect((config.providerOptions as OutboxTransport).name).toBe('outbox');
    expect(config.settings.defaultFrom).toBe(DEFAULT_FROM);
    // Blank values (as compose passes them) count as unset.
    expect((emailConfig(reader({ SMTP_HOST: '  ', EMAIL_FROM: '' })).providerOptions as OutboxTransport).name).toBe('outbox');
  });

  it('uses SMTP from the environment when SMTP_HOST is set', () => {
    expect(emailConfig(reader({ SMTP_HOST: 'smtp.firm.example', SMTP_USER: 'portal', SMTP_PASS: 's3cret', EMAIL_FROM: 'Firm <portal@firm.example>' }))).toEqual({
      provider: 'nodemailer',
      providerOptions: { host: 'smtp.firm.example', port: 587, secure: false, auth: { user: 'portal', pass: 's3cret' } },
      settings: { defaultFrom: 'Firm <portal@firm.example>' },
    });
    expect(emailConfig(reader({ SMTP_HOST: 'smtp.firm.example', SMTP_SECURE: 'true' })).providerOptions).toEqual({ host: 'smtp.firm.example', port: 465, secure: true });
    expect(emailConfig(reader({ SMTP_HOST: 'relay', SMTP_PORT: '2525' })).providerOptions).toMatchObject({ port: 2525, secure: false });
  });

  it('refuses a port or a flag it cannot read, at start rather than at the first email', () => {
    expect(() => emailConfig(reader({ SMTP_HOST: 'relay', SMTP_PORT: 'smtp' }))).toThrow(/SMTP_PORT/);
    expect(() => emailConfig(reader({ SMTP_HOST: 'relay', SMTP_PORT: '70000' }))).toThrow(/SMTP_PORT/);
    expect(() => emailConfig(reader({ SMTP_HOST: 'relay', SMTP_SECURE: 'maybe' }))).toThrow(/SMTP_SECURE/);
  });

  describe('the outbox transport', () => {
    let dir: string;
    beforeEach(() => {
      dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'outbox-test-')), 'nested', 'outbox');
    });
    afterEach(() => rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true }));

    it('writes each message as an .eml file only this user can read, creating the folder', async () => {
      const config = emailConfig(reader({ EMAIL_OUTBOX_DIR: dir }));
      // As the email plugin drives it: the provider, given the app's options.
      const mailer = provider.init(config.providerOptions as never, { ...config.settings, defaultReplyTo: '' });
      const info = (await mailer.send({ to: 'client@example.com', bcc: 'archive@firm.example', subject: 'Hello', text: 'Grüße' })) as unknown as { path: string; messageId: string };
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(info.path).toBe(path.join(dir, files[0]));
      expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-[0-9a-f]{8}\.eml$/);
      expect(statSync(info.path).mode & 0o777).toBe(0o600);
      const eml = readFileSync(info.path, 'utf8');
      expect(eml).toMatch(/^From: no-reply@localhost$/m);
      expect(eml).toMatch(/^To: client@example\.com$/m);
      expect(eml).toMatch(/^Bcc: archive@firm\.example$/m);
      expect(eml).toContain(info.messageId);
      await mailer.send({ to: 'second@example.com', subject: 'Again', text: 'x' });
      expect(readdirSync(dir)).toHaveLength(2);
    });
  });
});
