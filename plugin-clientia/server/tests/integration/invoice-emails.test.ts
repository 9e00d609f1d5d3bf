import { markOverdue } from '../../src/billing/run';
import { remindBeforeDue } from '../../src/billing/notices';
import { drainOutbox } from '../../src/email';
import { deliverQueued } from '../helpers/outbox';
import { fixtures } from '../helpers/fixtures';
import { contactAccount, moreFixtures } from '../helpers/admin-api';
import { itWithPoppler, pdfText } from '../helpers/poppler';
import { storeRecordPdf } from '../helpers/private-store';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Row = Record<string, unknown> & { id: number; documentId: string };

describe('invoice emails through a real SMTP server: issued with the PDF, reminders, preferences', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let client: Row;

  const inbox = async () => {
    await deliverQueued(app.strapi);
    return smtp.received;
  };
  const to = (mail: { envelope: { to: string[] } }) => mail.envelope.to.join(',');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startTestApp({ env: { SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', PORTAL_URL: 'https://portal.quay.example' } });
    await app.strapi.documents('plugin::clientia.branding').create({
      data: {
        firmName: 'Quay & Co',
        emailSenderAddress: 'billing@quay.example',
        supportEmail: 'help@quay.example',
        firmAddress: '1 Quay Street\nBristol',
        paymentInstructions: 'IBAN GB33 BUKB 2020 1555 5555 55',
      } as never,
    });
    client = (await fixtures(app).client({ name: 'Harbour Freight', currency: 'EUR', billingEmail: 'accounts@harbour.example', preferredLocale: 'de-DE' })) as unknown as Row;
    const more = moreFixtures(app);
    for (const [email, role, invoices] of [
      ['owner@harbour.example', 'owner', true],
      ['billing@harbour.example', 'billing', false],
      ['member@harbour.example', 'member', true],
    ] as const) {
      const { user } = await contactAccount(app, email);
      await more.membership(client, user.id, { role, notificationPreferences: { invoices } });
    }
  });

  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
  });

  beforeEach(async () => {
    await deliverQueued(app.strapi);
    smtp.clear();
  });

  itWithPoppler('emails an issued invoice with its PDF to the contacts who want invoices and to the billing address', async () => {
    const invoice = (await fixtures(app).invoice(client, { state: 'issued', issueDate: '2026-11-02', dueDate: '2026-12-02' })) as unknown as Row;
    const mail = await inbox();
    // The member cannot see invoices; the billing contact turned invoice emails off.
    expect(mail.map(to).sort()).toEqual(['accounts@harbour.example', 'owner@harbour.example']);
    const [first] = mail;
    expect(first!.from).toContain('billing@quay.example');
    expect(first!.subject).toContain(String(invoice.number));
    expect(first!.text).toContain(`https://portal.quay.example/invoices/${invoice.documentId}`);
    expect(`${first!.text}${first!.html}${first!.subject}`).not.toMatch(/clientia|strapi/i);
    expect(first!.attachments).toHaveLength(1);
    const pdf = first!.attachments[0]!;
    expect(pdf.contentType).toBe('application/pdf');
    const text = (await pdfText(pdf.content)).replace(/\s+/g, ' ');
    expect(text).toContain(String(invoice.number));
    expect(text).toContain('Quay & Co');
    expect(text).toContain('1.785,00 €');
    // The portal download is the same document, byte for byte.
    expect(mail[1]!.attachments[0]!.content.equals(pdf.content)).toBe(true);

    // Issuing is reported once: a later edit of the invoice sends nothing.
    await app.strapi.documents('plugin::clientia.invoice').update({ documentId: invoice.documentId, data: { internalNotes: 'checked' } as never });
    expect(await inbox()).toHaveLength(2);
  });

  it('attaches the PDF the firm attached itself, when it did, exactly as the portal serves it', async () => {
    const own = Buffer.from('%PDF-1.4\n% the firm\'s own invoice layout\n%%EOF\n');
    const draft = (await fixtures(app).invoice(client, { state: 'draft' })) as unknown as Row;
    await storeRecordPdf(app, 'plugin::clientia.invoice', String(draft.documentId), own, 'own.pdf');
    expect(await inbox()).toEqual([]);
    await app.strapi.documents('plugin::clientia.invoice').update({ documentId: draft.documentId, data: { state: 'issued', issueDate: '2026-11-04' } as never });
    const mail = await inbox();
    expect(mail).toHaveLength(2);
    for (const message of mail) expect(message.attachments[0]!.content.equals(own)).toBe(true);
  });

  it('sends nothing for a draft, and nothing when the issuing write is rolled back', async () => {
    await fixtures(app).invoice(client, { state: 'draft' });
    await app.strapi.db
      .transaction(async () => {
        await fixtures(app).invoice(client, { state: 'issued', issueDate: '2026-11-02' });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await inbox()).toEqual([]);
  });

  it('reminds before the due date once, and when an invoice turns overdue', async () => {
    const soon = (await fixtures(app).invoice(client, { state: 'issued', issueDate: '2026-11-20', dueDate: '2026-12-04' })) as unknown as Row;
    await inbox();
    smtp.clear();
    expect(await remindBeforeDue(app.strapi, '2026-12-01')).toBeGreaterThanOrEqual(1);
    await remindBeforeDue(app.strapi, '2026-12-01');
    const reminders = (await inbox()).filter((m) => m.subject.includes(String(soon.number)));
    expect(reminders.map(to).sort()).toEqual(['accounts@harbour.example', 'owner@harbour.example']);
    expect(reminders[0]!.text).toContain(String(soon.number));

    smtp.clear();
    expect(await markOverdue(app.strapi, '2026-12-05')).toContain(soon.documentId);
    const overdue = (await inbox()).filter((m) => m.subject.includes(String(soon.number)));
    expect(overdue.map(to).sort()).toEqual(['accounts@harbour.example', 'owner@harbour.example']);
    expect(overdue[0]!.subject).not.toBe(reminders[0]!.subject);
  });

  it('retries an email the mail server refused, and delivers it once', async () => {
    smtp.refuseNext(2, 451, 'try again later');
    await fixtures(app).invoice(client, { state: 'issued', issueDate: '2026-11-03' });
    await deliverQueued(app.strapi);
    expect(smtp.refusedCount()).toBeGreaterThanOrEqual(2);
    const queued = (await app.strapi.db.query('plugin::clientia.outbound-email').findMany({ where: { state: 'queued' } })) as Row[];
    expect(queued.length).toBeGreaterThanOrEqual(1);
    await drainOutbox(app.strapi, { now: new Date(Date.now() + 10 * 60_000) });
    await deliverQueued(app.strapi);
    expect(smtp.received.map(to).sort()).toEqual(['accounts@harbour.example', 'owner@harbour.example']);
  });
});
