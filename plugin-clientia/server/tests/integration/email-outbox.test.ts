import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { PDFDocument, StandardFonts } from 'pdf-lib';

import {
  drainOutbox,
  enqueue,
  notifyContacts,
  OUTBOX_CRON_JOB,
  outboxSettled,
  queueEmail,
  requeueEmail,
  stopEmailOutbox,
  wantsEmail,
  type EmailRequest,
  type StoredAttachment,
} from '../../src/email';
import { ACCOUNTS_JOB } from '../../src/accounts/job';
import { BILLING_JOB } from '../../src/billing/job';
import { documentsDir } from '../../src/storage/private-files';
import { fixtures } from '../helpers/fixtures';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { startTestApp, type TestApp } from '../helpers/test-app';

const OUTBOX = 'plugin::clientia.outbound-email';
const PRODUCT_NAMES = /strapi|clientia/i;
const PORTAL = 'https://portal.ledgerlark.example';
const MINUTE = 60_000;

type Row = Record<string, unknown> & { id: number };

const invoicePdf = async (number: string) => {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(`Invoice ${number}`, { x: 72, y: 760, size: 18, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
};

const invoiceEmail = (to: string, number: string, extra: Partial<EmailRequest<'invoice_issued'>> = {}): EmailRequest<'invoice_issued'> => ({
  kind: 'invoice_issued',
  to: { email: to, name: 'Rosa Keller', locale: 'en-GB' },
  vars: { invoiceId: `doc-${number}`, number, total: { amount: 178500, currency: 'EUR' }, dueDate: '2026-12-15' },
  ...extra,
});

describe('email outbox: branded email through a real SMTP server, retried, never twice', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;

  const rows = () => app.strapi.db.query(OUTBOX as never);
  const row = async (id: number) => (await rows().findOne({ where: { id } })) as Row;
  const storedFiles = () => (existsSync(documentsDir(app.strapi)) ? readdirSync(documentsDir(app.strapi)).sort() : []);
  const attachmentsOf = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as StoredAttachment[];
  const stored = (attachment: StoredAttachment) => existsSync(path.join(documentsDir(app.strapi), attachment.storageKey));
  const until = async (condition: () => boolean, timeoutMs = 2000) => {
    for (let waited = 0; !condition() && waited < timeoutMs; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    return condition();
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({
      env: { SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', EMAIL_FROM: 'fallback@mail.example', PORTAL_URL: PORTAL },
    });
    await app.strapi.documents('plugin::clientia.branding').create({
      data: {
        firmName: 'Ledger & Lark LLP',
        emailSenderName: 'Ledger & Lark Billing',
        emailSenderAddress: 'billing@ledgerlark.example',
        supportEmail: 'help@ledgerlark.example',
        primaryColor: '#1f3a5f',
        footerText: 'Ledger & Lark LLP, 1 Quay Street, Bristol',
        legalText: 'Registered in England and Wales.',
      } as never,
    });
  });

  afterAll(async () => {
    if (app) {
      await stopEmailOutbox(app.strapi);
      await app.stop();
    }
    await smtp?.stop();
  });

  beforeEach(async () => {
    await outboxSettled(app.strapi);
    smtp.clear();
  });

  it('leaves billing and reset link expiry to another instance when the plugin’s scheduledJobs is off, and still sends the outbox', () => {
    expect(app.strapi.config.get('plugin::clientia.scheduledJobs')).toBe(false);
    const names = app.strapi.cron.jobs.map((spec: { name: string | null }) => spec.name);
    expect(names).toContain(OUTBOX_CRON_JOB);
    expect(names).not.toContain(BILLING_JOB);
    expect(names).not.toContain(ACCOUNTS_JOB);
  });

  it('runs the outbox from Strapi’s cron every minute, with the app’s cron config as it is', () => {
    const job = app.strapi.cron.jobs.find((spec: { name: string | null }) => spec.name === OUTBOX_CRON_JOB);
    expect(job).toBeDefined();
    const handle = (job as unknown as { job: { nextInvocation(): Date | null; isRunning(): boolean } }).job;
    // Running, not merely registered: `server.cron.enabled` (off in this app) only governs config tasks.
    expect(app.strapi.config.get('server.cron.enabled', false)).toBe(false);
    expect(handle.isRunning()).toBe(true);
    const next = handle.nextInvocation();
    expect(next).toBeInstanceOf(Date);
    expect(next!.getTime() - Date.now()).toBeLessThanOrEqual(MINUTE);
  });

  it('delivers a queued email right after the commit: the firm’s sender, the recipient, both parts, the PDF byte for byte', async () => {
    const pdf = await invoicePdf('INV-2026-0042');
    const before = storedFiles();
    const queued = await queueEmail(app.strapi, invoiceEmail('rosa@northwind.example', 'INV-2026-0042', {
      attachments: [{ filename: 'INV-2026-0042.pdf', contentType: 'application/pdf', content: pdf }],
    }));
    expect(queued).toMatchObject({ created: true, state: 'queued' });

    const [mail] = await smtp.waitFor(1);
    expect(mail.envelope).toEqual({ from: 'billing@ledgerlark.example', to: ['rosa@northwind.example'] });
    expect(mail.from).toContain('Ledger & Lark Billing');
    expect(mail.from).toContain('<billing@ledgerlark.example>');
    expect(mail.to).toBe('rosa@northwind.example');
    expect(mail.headers['reply-to']).toBe('help@ledgerlark.example');
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    expect(mail.subject).toBe('Invoice INV-2026-0042 from Ledger & Lark LLP');

    expect(mail.text).toContain('Hello Rosa Keller,');
    expect(mail.text).toContain('€1,785.00');
    expect(mail.text).toContain(`${PORTAL}/invoices/doc-INV-2026-0042`);
    expect(mail.html).toContain(`href="${PORTAL}/invoices/doc-INV-2026-0042"`);
    expect(mail.html).toContain('Ledger &amp; Lark LLP');
    expect(mail.html).toContain('background:#1f3a5f');
    expect(mail.raw).not.toMatch(PRODUCT_NAMES);

    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'INV-2026-0042.pdf', contentType: 'application/pdf' });
    expect(mail.attachments[0].content.equals(pdf)).toBe(true);

    await outboxSettled(app.strapi);
    const sent = await row(queued.id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 0, kind: 'invoice_issued', to: 'rosa@northwind.example', lockedUntil: null, nextAttemptAt: null });
    expect(sent.from).toBe('Ledger & Lark Billing <billing@ledgerlark.example>');
    expect(sent.sentAt).toBeTruthy();
    expect(String(mail.text).replace(/\r\n/g, '\n').trim()).toBe(String(sent.text).trim());
    // Sent: the stored copy of the PDF is gone; the row keeps its name, size and hash.
    const [attachment] = attachmentsOf(sent.attachments);
    expect(attachment).toMatchObject({ filename: 'INV-2026-0042.pdf', contentType: 'application/pdf', size: pdf.length });
    expect(stored(attachment)).toBe(false);
    expect(storedFiles()).toEqual(before);
  });

  it('emails only the contacts who want the topic and may see it, each in their own language', async () => {
    const fx = fixtures(app);
    const contactRole = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'client-contact' } })) as { id: number };
    const client = await fx.client({ name: 'Northwind Traders', preferredLocale: 'en-GB', billingEmail: 'accounts@northwind.example' });
    const contact = async (email: string, membership: Record<string, unknown>, blocked = false) => {
      const user = await app.strapi.documents('plugin::users-permissions.user').create({
        data: { username: email.split('@')[0], email, password: 'Contact-password-1a', provider: 'local', confirmed: true, blocked, role: contactRole.id } as never,
      });
      return app.strapi.documents('plugin::clientia.membership').create({
        data: { client: client.documentId, user: user.id, name: email.split('@')[0], ...membership } as never,
      });
    };
    await contact('anna@northwind.example', { role: 'billing', language: 'de-DE' });
    const owner = await contact('otto@northwind.example', { role: 'owner', notificationPreferences: { invoices: false } });
    await contact('mia@northwind.example', { role: 'member' });
    await contact('bert@northwind.example', { role: 'admin' }, true);
    await contact('erin@northwind.example', { role: 'billing' });

    expect(await wantsEmail(app.strapi, owner.id as number, 'invoices')).toBe(false);
    expect(await wantsEmail(app.strapi, owner.id as number, 'messages')).toBe(true);

    const pdf = await invoicePdf('INV-2026-0050');
    const notify = () =>
      notifyContacts(app.strapi, {
        clientId: client.id as number,
        topic: 'invoices',
        kind: 'invoice_issued',
        dedupeKey: 'invoice_issued:doc-INV-2026-0050',
        // The owner's address as well: their own "no invoices" wins over the extra list.
        alsoTo: ['accounts@northwind.example', 'otto@northwind.example'],
        build: () => ({
          vars: { invoiceId: 'doc-INV-2026-0050', number: 'INV-2026-0050', total: { amount: 99000, currency: 'EUR' }, dueDate: '2026-12-31' },
          attachments: [{ filename: 'INV-2026-0050.pdf', contentType: 'application/pdf', content: pdf }],
        }),
      });
    const queued = await notify();
    expect(queued.map((email) => email.created)).toEqual([true, true, true]);

    const mails = await smtp.waitFor(3);
    await outboxSettled(app.strapi);
    const byRecipient = Object.fromEntries(mails.map((mail) => [mail.to, mail]));
    expect(Object.keys(byRecipient).sort()).toEqual(['accounts@northwind.example', 'anna@northwind.example', 'erin@northwind.example']);
    expect(byRecipient['anna@northwind.example'].subject).toBe('Rechnung INV-2026-0050 von Ledger & Lark LLP');
    expect(byRecipient['anna@northwind.example'].text).toMatch(/990,00\s€/);
    expect(byRecipient['erin@northwind.example'].subject).toBe('Invoice INV-2026-0050 from Ledger & Lark LLP');
    expect(byRecipient['accounts@northwind.example'].text).toContain('Hello Northwind Traders,');
    for (const mail of mails) expect(mail.attachments[0].content.equals(pdf)).toBe(true);

    // The billing job runs again (a retry, a second instance): nothing new is queued or sent.
    const again = await notify();
    expect(again.map((email) => email.created)).toEqual([false, false, false]);
    expect(again.map((email) => email.id).sort()).toEqual(queued.map((email) => email.id).sort());
    await outboxSettled(app.strapi);
    expect(smtp.received).toHaveLength(3);
    expect(await rows().count({ where: { client: { id: client.id } } })).toBe(3);
  });

  it('queues again after the server refuses (4xx), with backoff, and delivers once when the time comes', async () => {
    smtp.refuseNext(1, 451, 'Greylisted, try again later');
    const started = Date.now();
    const queued = await queueEmail(app.strapi, invoiceEmail('greylisted@northwind.example', 'INV-2026-0051'));
    await outboxSettled(app.strapi);

    expect(smtp.refusedCount()).toBe(1);
    expect(smtp.received).toHaveLength(0);
    const retry = await row(queued.id);
    expect(retry).toMatchObject({ state: 'queued', attempts: 1, lockedUntil: null });
    expect(retry.lastError).toMatch(/451/);
    const retryAt = new Date(retry.nextAttemptAt as string).getTime();
    expect(retryAt).toBeGreaterThanOrEqual(started + MINUTE - 1000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + MINUTE + 1000);

    // Not due yet: nothing happens.
    expect(await drainOutbox(app.strapi)).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(0);

    const report = await drainOutbox(app.strapi, { now: new Date(retryAt + 1000) });
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toBe('greylisted@northwind.example');
    expect(await row(queued.id)).toMatchObject({ state: 'sent', attempts: 1 });

    expect(await drainOutbox(app.strapi, { now: new Date(retryAt + 10 * MINUTE) })).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('tries six times over half a day, then keeps the email as failed (with its attachment) until staff retry it', async () => {
    smtp.refuseNext(6, 550, 'Mailbox unavailable');
    const pdf = await invoicePdf('INV-2026-0052');
    const queued = await queueEmail(app.strapi, invoiceEmail('bounce@northwind.example', 'INV-2026-0052', {
      attachments: [{ filename: 'INV-2026-0052.pdf', contentType: 'application/pdf', content: pdf }],
    }));
    await outboxSettled(app.strapi);

    const delays: number[] = [];
    let current = await row(queued.id);
    while (current.state === 'queued') {
      const previous = new Date(current.nextAttemptAt as string);
      await drainOutbox(app.strapi, { now: previous });
      const next = await row(queued.id);
      if (next.nextAttemptAt) delays.push(Math.round((new Date(next.nextAttemptAt as string).getTime() - previous.getTime()) / MINUTE));
      current = next;
    }
    expect(delays).toEqual([5, 30, 120, 720]);
    expect(current).toMatchObject({ state: 'failed', attempts: 6, nextAttemptAt: null, lockedUntil: null });
    expect(current.lastError).toMatch(/550/);
    expect(smtp.refusedCount()).toBe(6);
    expect(smtp.received).toHaveLength(0);
    const [attachment] = attachmentsOf(current.attachments);
    expect(stored(attachment)).toBe(true);

    // Failed emails are not picked up again by themselves, however late it gets.
    expect(await drainOutbox(app.strapi, { now: new Date(Date.now() + 30 * 24 * 60 * MINUTE) })).toMatchObject({ claimed: 0 });

    expect(await requeueEmail(app.strapi, queued.documentId)).toBe(true);
    await smtp.waitFor(1);
    await outboxSettled(app.strapi);
    expect(smtp.received[0].attachments[0].content.equals(pdf)).toBe(true);
    expect(await row(queued.id)).toMatchObject({ state: 'sent', attempts: 0 });
    expect(stored(attachment)).toBe(false);
    expect(await requeueEmail(app.strapi, queued.documentId)).toBe(false);
  });

  it('fails an email at once when its stored attachment is gone, rather than send it without', async () => {
    const pdf = await invoicePdf('INV-2026-0053');
    const queued = await queueEmail(app.strapi, invoiceEmail('lost@northwind.example', 'INV-2026-0053', {
      notBefore: new Date(Date.now() + 60 * MINUTE),
      attachments: [{ filename: 'INV-2026-0053.pdf', contentType: 'application/pdf', content: pdf }],
    }));
    const [attachment] = attachmentsOf((await row(queued.id)).attachments);
    rmSync(path.join(documentsDir(app.strapi), attachment.storageKey));

    expect(await drainOutbox(app.strapi, { now: new Date(Date.now() + 61 * MINUTE) })).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await row(queued.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/INV-2026-0053\.pdf is no longer stored/);
    expect(smtp.received).toHaveLength(0);
  });

  it('sends each of 10 emails exactly once when two drains run at the same time', async () => {
    const later = new Date(Date.now() + 60 * MINUTE);
    const queued = [];
    for (let n = 0; n < 10; n += 1) {
      queued.push(await queueEmail(app.strapi, invoiceEmail(`parallel-${n}@northwind.example`, `INV-2026-01${String(n).padStart(2, '0')}`, { notBefore: later })));
    }
    await outboxSettled(app.strapi);
    expect(smtp.received).toHaveLength(0);

    const now = new Date(later.getTime() + 1000);
    const reports = await Promise.all([drainOutbox(app.strapi, { now }), drainOutbox(app.strapi, { now })]);
    expect(reports[0].sent + reports[1].sent).toBe(10);
    // Both really drained side by side: each sent some while the other was talking to the server.
    expect(reports[0].sent).toBeGreaterThan(0);
    expect(reports[1].sent).toBeGreaterThan(0);
    expect(reports[0].retried + reports[1].retried + reports[0].failed + reports[1].failed).toBe(0);

    const recipients = smtp.received.map((mail) => mail.to).sort();
    expect(recipients).toEqual(queued.map((_, n) => `parallel-${n}@northwind.example`).sort());
    expect(new Set(recipients).size).toBe(10);
    for (const email of queued) expect(await row(email.id)).toMatchObject({ state: 'sent', attempts: 0 });
  });

  it('takes over an email whose sender crashed once the claim has run out, and not before', async () => {
    const queued = await queueEmail(app.strapi, invoiceEmail('crash@northwind.example', 'INV-2026-0060', { notBefore: new Date(Date.now() + 60 * MINUTE) }));
    const claimedUntil = new Date(Date.now() + 10 * MINUTE);
    await rows().update({ where: { id: queued.id }, data: { state: 'sending', lockedUntil: claimedUntil } });

    expect(await drainOutbox(app.strapi)).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(0);

    expect(await drainOutbox(app.strapi, { now: new Date(claimedUntil.getTime() + 1000) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received.map((mail) => mail.to)).toEqual(['crash@northwind.example']);
    expect(await row(queued.id)).toMatchObject({ state: 'sent' });
  });

  it('commits the email with the business change: a transaction that throws leaves no email, no client and no stored file', async () => {
    const fx = fixtures(app);
    const before = storedFiles();
    const pdf = await invoicePdf('INV-2026-0070');
    await expect(
      app.strapi.db.transaction(async () => {
        await fx.client({ name: 'Rolled Back Ltd' });
        await queueEmail(app.strapi, invoiceEmail('rollback@northwind.example', 'INV-2026-0070', {
          dedupeKey: 'invoice_issued:rollback',
          attachments: [{ filename: 'INV-2026-0070.pdf', contentType: 'application/pdf', content: pdf }],
        }));
        expect(storedFiles()).toHaveLength(before.length + 1);
        throw new Error('the invoice could not be issued');
      })
    ).rejects.toThrow('the invoice could not be issued');

    expect(await rows().count({ where: { dedupeKey: 'invoice_issued:rollback' } })).toBe(0);
    expect(await fx.count('client', { name: 'Rolled Back Ltd' })).toBe(0);
    expect(await until(() => storedFiles().length === before.length)).toBe(true);
    expect(storedFiles()).toEqual(before);
    await outboxSettled(app.strapi);
    expect(smtp.received).toHaveLength(0);
  });

  it('sends nothing before the commit, and the email once the transaction commits', async () => {
    const fx = fixtures(app);
    let sentDuringTransaction = -1;
    await app.strapi.db.transaction(async () => {
      await fx.client({ name: 'Committed Ltd' });
      await queueEmail(app.strapi, invoiceEmail('commit@northwind.example', 'INV-2026-0071'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      sentDuringTransaction = smtp.received.length;
    });
    expect(sentDuringTransaction).toBe(0);
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toBe('commit@northwind.example');
    expect(await fx.count('client', { name: 'Committed Ltd' })).toBe(1);
  });

  it('queues a dedupe key once, also when two callers race, and stores no stray attachment', async () => {
    const before = storedFiles();
    const pdf = await invoicePdf('INV-2026-0080');
    const message = async () => ({
      kind: 'invoice_issued' as const,
      to: 'dedupe@northwind.example',
      subject: 'Invoice INV-2026-0080',
      text: 'Invoice INV-2026-0080',
      html: '<p>Invoice INV-2026-0080</p>',
      dedupeKey: 'invoice_issued:doc-INV-2026-0080:dedupe@northwind.example',
      attachments: [{ filename: 'INV-2026-0080.pdf', contentType: 'application/pdf', content: pdf }],
    });
    const [first, second] = await Promise.all([enqueue(app.strapi, await message()), enqueue(app.strapi, await message())]);
    expect(first.id).toBe(second.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    const third = await enqueue(app.strapi, await message());
    expect(third).toMatchObject({ id: first.id, created: false });

    // Inside a caller's transaction the duplicate is answered too, and the transaction goes on.
    await app.strapi.db.transaction(async () => {
      expect(await enqueue(app.strapi, await message())).toMatchObject({ id: first.id, created: false });
      await fixtures(app).client({ name: 'After Duplicate Ltd' });
    });
    expect(await fixtures(app).count('client', { name: 'After Duplicate Ltd' })).toBe(1);

    await smtp.waitFor(1);
    await outboxSettled(app.strapi);
    expect(await rows().count({ where: { dedupeKey: 'invoice_issued:doc-INV-2026-0080:dedupe@northwind.example' } })).toBe(1);
    expect(smtp.received.filter((mail) => mail.to === 'dedupe@northwind.example')).toHaveLength(1);
    expect(storedFiles()).toEqual(before);
  });

  it('answers a duplicate that collides with one still uncommitted, and the caller’s transaction carries on', async () => {
    const key = 'new_document:race:erin@northwind.example';
    const message = { kind: 'new_document' as const, to: 'race@northwind.example', subject: 'New document', text: 'T', html: '<p>T</p>', dedupeKey: key };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));

    const first = app.strapi.db.transaction(async () => {
      const queued = await enqueue(app.strapi, message);
      firstInserted();
      await gate;
      return queued;
    });
    await inserted;
    // The second caller cannot see the first row yet; on PostgreSQL its insert waits for the
    // first commit and then hits the unique key.
    const second = app.strapi.db.transaction(async () => {
      const queued = await enqueue(app.strapi, message);
      await fixtures(app).client({ name: 'Raced Ltd' });
      return queued;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    release();

    const [a, b] = await Promise.all([first, second]);
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ id: a.id, created: false });
    expect(await fixtures(app).count('client', { name: 'Raced Ltd' })).toBe(1);
    expect(await rows().count({ where: { dedupeKey: key } })).toBe(1);
  });

  it('refuses what is not one email to one address', async () => {
    const base = { kind: 'new_document' as const, subject: 'S', text: 'T', html: '<p>T</p>' };
    await expect(enqueue(app.strapi, { ...base, to: 'a@x.example, b@x.example' })).rejects.toThrow(/one address/);
    await expect(enqueue(app.strapi, { ...base, to: 'Rosa <a@x.example>' })).rejects.toThrow(/one address/);
    await expect(enqueue(app.strapi, { ...base, to: 'a@x.example\r\nBcc: b@x.example' })).rejects.toThrow(/one address/);
    await expect(enqueue(app.strapi, { ...base, kind: 'spam' as never, to: 'a@x.example' })).rejects.toThrow(/kind/);
  });
});
