import { ACCOUNTS_JOB } from '../../src/accounts/job';
import { BILLING_JOB } from '../../src/billing/job';
import { remindBeforeDue } from '../../src/billing/notices';
import { documentsDir } from '../../src/storage/private-files';
import { pluginConfig } from '../../src/config/plugin-config';
import { fixtures } from '../helpers/fixtures';
import { deliverQueued, readOutbox } from '../helpers/outbox';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Row = Record<string, unknown> & { id: number; documentId: string };
type CronSpec = { name: string | null; options: { rule: string }; job: { nextInvocation(): Date | null } };

describe('plugin config from the app’s env', () => {
  it('stops the start on a bad value, naming the key and what it takes', async () => {
    await expect(startTestApp({ env: { CLIENTIA_BILLING_SCHEDULE: '5 * * *' } })).rejects.toThrow(
      /Invalid clientia plugin config "billingSchedule": must be a cron rule of 5 fields .*; it has 4 fields/
    );
  });

  describe('with every new key set', () => {
    let app: TestApp;
    const SENDER = '"Keller, Brandt & Partner" <mail@keller.example>';

    beforeAll(async () => {
      app = await startTestApp({
        env: {
          // On here (unlike other test boots), so the billing job is scheduled at all; its rule never falls in a test run's minutes but at 06:15.
          // Strapi's own cron stays off: the plugin's jobs follow only the plugin's setting.
          CLIENTIA_SCHEDULED_JOBS: 'true',
          CRON_ENABLED: 'false',
          CLIENTIA_BILLING_SCHEDULE: '15 6 * * mon-fri',
          CLIENTIA_REMINDER_DAYS_BEFORE_DUE: '5',
          CLIENTIA_EMAIL_FROM: SENDER,
          CLIENTIA_TRUSTED_PROXIES: '10.0.0.5',
        },
      });
    });

    afterAll(async () => {
      await app?.stop();
    });

    it('schedules the billing job on the configured rule', () => {
      const spec = (app.strapi.cron.jobs as unknown as CronSpec[]).find((job) => job.name === BILLING_JOB);
      expect(spec?.options.rule).toBe('15 6 * * mon-fri');
      const next = spec!.job.nextInvocation()!;
      expect([next.getHours(), next.getMinutes()]).toEqual([6, 15]);
      expect([1, 2, 3, 4, 5]).toContain(next.getDay());
    });

    it('schedules the reset link expiry too, with Strapi’s cron setting off', () => {
      expect(app.strapi.config.get('server.cron.enabled')).toBe(false);
      expect((app.strapi.cron.jobs as unknown as CronSpec[]).map((job) => job.name)).toEqual(expect.arrayContaining([BILLING_JOB, ACCOUNTS_JOB]));
    });

    it('takes a list of proxies as given, not padded from the default list', () => {
      expect(pluginConfig(app.strapi, 'trustedProxies')).toEqual(['10.0.0.5']);
    });

    it('keeps private files in the configured folder', () => {
      expect(documentsDir(app.strapi)).toBe(process.env.CLIENTIA_DOCUMENTS_DIR);
    });

    it('reminds the configured number of days before the due date, from the configured sender while the branding has none', async () => {
      const client = (await fixtures(app).client({ name: 'Harbour Freight', billingEmail: 'accounts@harbour.example' })) as unknown as Row;
      const invoice = (await fixtures(app).invoice(client, { state: 'issued', issueDate: '2026-11-20', dueDate: '2026-12-06' })) as unknown as Row;
      expect(await remindBeforeDue(app.strapi, '2026-12-03')).toBe(0);
      expect(await remindBeforeDue(app.strapi, '2026-12-01')).toBe(1);

      await deliverQueued(app.strapi);
      const mail = readOutbox(app.outboxDir);
      expect(mail.length).toBeGreaterThanOrEqual(2);
      const reminder = mail.find((message) => message.headers.subject?.includes(String(invoice.number)) && /remind|due/i.test(message.headers.subject));
      expect(reminder).toBeDefined();
      for (const message of mail) expect(message.headers.from).toBe(SENDER);
    });

    it('gives the account emails of users-permissions the same sender', async () => {
      const emails = (await app.strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'email' })) as Record<string, { options: { from: unknown } }>;
      expect(emails.reset_password!.options.from).toEqual({ name: '"Keller, Brandt & Partner"', email: 'mail@keller.example' });
    });
  });
});
