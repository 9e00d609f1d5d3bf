import type { Money } from '../../../../shared/contracts/money';
import { formatsFor, oneLine, portalLink, renderLayout, type EmailBrand, type EmailRecipient, type RenderedEmail } from './layout';

interface InvoiceRef {
  /** The invoice's documentId: the portal page's address. */
  invoiceId: string;
  number: string;
  /** YYYY-MM-DD. */
  dueDate: string;
}

export interface InvoiceIssuedVars extends InvoiceRef {
  total: Money;
}

export interface PaymentReminderVars extends InvoiceRef {
  /** What is still open. */
  balance: Money;
}

export type OverdueReminderVars = PaymentReminderVars;

const invoicePage = (brand: EmailBrand, vars: InvoiceRef) => portalLink(brand, `/invoices/${encodeURIComponent(vars.invoiceId)}`);

/** The PDF travels as the caller's attachment; the text says so and links the same invoice. */
export const invoiceIssuedEmail = (brand: EmailBrand, to: EmailRecipient, vars: InvoiceIssuedVars): RenderedEmail => {
  const f = formatsFor(to);
  const number = oneLine(vars.number);
  const firm = oneLine(brand.firmName);
  const url = invoicePage(brand, vars);
  return renderLayout(
    brand,
    to,
    f.language === 'de'
      ? {
          subject: `Rechnung ${number} von ${firm}`,
          preview: `${f.money(vars.total)}, fällig am ${f.date(vars.dueDate)}.`,
          heading: `Rechnung ${number}`,
          paragraphs: [`anbei erhalten Sie unsere Rechnung ${number}. Die Rechnung liegt dieser E-Mail als PDF bei und steht in Ihrem Kundenportal bereit.`],
          facts: [
            { label: 'Rechnungsnummer', value: number },
            { label: 'Betrag', value: f.money(vars.total) },
            { label: 'Fällig am', value: f.date(vars.dueDate) },
          ],
          action: { label: 'Rechnung ansehen', url },
          closing: ['Vielen Dank für die Zusammenarbeit.'],
        }
      : {
          subject: `Invoice ${number} from ${firm}`,
          preview: `${f.money(vars.total)}, due ${f.date(vars.dueDate)}.`,
          heading: `Invoice ${number}`,
          paragraphs: [`Please find our invoice ${number} attached as a PDF. It is also in your client portal.`],
          facts: [
            { label: 'Invoice number', value: number },
            { label: 'Amount', value: f.money(vars.total) },
            { label: 'Due date', value: f.date(vars.dueDate) },
          ],
          action: { label: 'View the invoice', url },
          closing: ['Thank you for your business.'],
        }
  );
};

export const paymentReminderEmail = (brand: EmailBrand, to: EmailRecipient, vars: PaymentReminderVars): RenderedEmail => {
  const f = formatsFor(to);
  const number = oneLine(vars.number);
  const url = invoicePage(brand, vars);
  return renderLayout(
    brand,
    to,
    f.language === 'de'
      ? {
          subject: `Zahlungserinnerung: Rechnung ${number} ist am ${f.date(vars.dueDate)} fällig`,
          preview: `Offen: ${f.money(vars.balance)}.`,
          heading: `Rechnung ${number} wird bald fällig`,
          paragraphs: [`eine kurze Erinnerung: Rechnung ${number} ist am ${f.date(vars.dueDate)} fällig.`],
          facts: [
            { label: 'Rechnungsnummer', value: number },
            { label: 'Offener Betrag', value: f.money(vars.balance) },
            { label: 'Fällig am', value: f.date(vars.dueDate) },
          ],
          action: { label: 'Rechnung ansehen', url },
          closing: ['Falls Sie bereits bezahlt haben, betrachten Sie diese Nachricht bitte als gegenstandslos.'],
        }
      : {
          subject: `Payment reminder: invoice ${number} is due on ${f.date(vars.dueDate)}`,
          preview: `Open: ${f.money(vars.balance)}.`,
          heading: `Invoice ${number} is due soon`,
          paragraphs: [`A friendly reminder that invoice ${number} is due on ${f.date(vars.dueDate)}.`],
          facts: [
            { label: 'Invoice number', value: number },
            { label: 'Amount open', value: f.money(vars.balance) },
            { label: 'Due date', value: f.date(vars.dueDate) },
          ],
          action: { label: 'View the invoice', url },
          closing: ['If you have already paid, please disregard this message.'],
        }
  );
};

export const overdueReminderEmail = (brand: EmailBrand, to: EmailRecipient, vars: OverdueReminderVars): RenderedEmail => {
  const f = formatsFor(to);
  const number = oneLine(vars.number);
  const url = invoicePage(brand, vars);
  return renderLayout(
    brand,
    to,
    f.language === 'de'
      ? {
          subject: `Überfällig: Rechnung ${number}`,
          preview: `Offen: ${f.money(vars.balance)}, fällig seit ${f.date(vars.dueDate)}.`,
          heading: `Rechnung ${number} ist überfällig`,
          paragraphs: [
            `Rechnung ${number} war am ${f.date(vars.dueDate)} fällig, und bei uns ist noch nicht der volle Betrag eingegangen.`,
            'Bitte überweisen Sie den offenen Betrag. Die Zahlungsangaben stehen auf der Rechnung.',
          ],
          facts: [
            { label: 'Rechnungsnummer', value: number },
            { label: 'Offener Betrag', value: f.money(vars.balance) },
            { label: 'Fällig seit', value: f.date(vars.dueDate) },
          ],
          action: { label: 'Rechnung ansehen', url },
          closing: ['Falls sich Ihre Zahlung mit dieser Nachricht überschnitten hat, betrachten Sie sie bitte als gegenstandslos. Bei Fragen antworten Sie gern auf diese E-Mail.'],
        }
      : {
          subject: `Overdue: invoice ${number}`,
          preview: `Open: ${f.money(vars.balance)}, due since ${f.date(vars.dueDate)}.`,
          heading: `Invoice ${number} is overdue`,
          paragraphs: [
            `Invoice ${number} was due on ${f.date(vars.dueDate)}, and we have not yet received the full amount.`,
            'Please pay the amount still open. The payment details are on the invoice.',
          ],
          facts: [
            { label: 'Invoice number', value: number },
            { label: 'Amount open', value: f.money(vars.balance) },
            { label: 'Due since', value: f.date(vars.dueDate) },
          ],
          action: { label: 'View the invoice', url },
          closing: ['If your payment and this message crossed, please disregard it. If you have questions, just reply to this email.'],
        }
  );
};
