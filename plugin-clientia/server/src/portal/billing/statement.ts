import type { Core } from '@strapi/strapi';

import type { PortalStatement } from '../../../../shared/contracts/portal-billing';
import { firmOnDocuments } from '../../billing/invoice-document';
import { buildStatementPdf, type StatementOnDocument } from '../../billing/statement-pdf';
import { minorToNumber, toMinor } from '../../domain/money';
import { today as todayUtc } from '../../domain/calendar';
import { UID } from '../../constants';
import { pluginConfig } from '../../config/plugin-config';
import { isoDate, relation, text, textOrNull } from '../../repositories/rows';
import { linkedTo, records } from '../../repositories/records';
import type { PortalContext } from '../context';

const OPEN_STATES = ['issued', 'overdue', 'partially_paid'];
/** On one day: what was billed, then what was credited, then what was paid. */
const SAME_DAY_ORDER = { invoice: 0, credit_note: 1, payment: 2 } as const;

const minor = (value: unknown) => minorToNumber(toMinor(value));
const moneyIn = (currency: string) => (amount: number) => ({ amount, currency });

/**
 * The client's account in one currency as of today: every invoice issued (never drafts or void
 * ones) and every payment, in date order with a running balance, and the invoices still open.
 * Without a currency asked for, the client's own.
 */
export const statementOf = async (strapi: Core.Strapi, portal: PortalContext, asked: string | undefined): Promise<PortalStatement> => {
  const currency = asked ?? portal.client.currency;
  const asOf = todayUtc();
  const [invoices, payments, currencies] = await Promise.all([
    records(strapi, UID.invoice).findMany({
      select: ['id', 'documentId', 'kind', 'number', 'state', 'issueDate', 'dueDate', 'total', 'paid', 'balance'],
      where: { ...linkedTo(strapi, UID.invoice, 'client', portal.client.id), currency, state: { $notIn: ['draft', 'void'] } },
      orderBy: [{ issueDate: 'asc' }, { id: 'asc' }],
    }),
    records(strapi, UID.payment).findMany({
      select: ['id', 'amount', 'receivedOn', 'reference'],
      where: { ...linkedTo(strapi, UID.payment, 'client', portal.client.id), currency },
      populate: { invoice: { select: ['number'] } },
      orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
    }),
    records(strapi, UID.invoice).findMany({ select: ['currency'], where: { ...linkedTo(strapi, UID.invoice, 'client', portal.client.id), state: { $notIn: ['draft', 'void'] } } }),
  ]);

  const entries = [
    ...invoices.map((invoice) => ({
      date: isoDate(invoice.issueDate) ?? asOf,
      kind: invoice.kind === 'credit_note' ? ('credit_note' as const) : ('invoice' as const),
      reference: text(invoice.number),
      description: null,
      amount: minor(invoice.total),
    })),
    ...payments.map((payment) => ({
      date: isoDate(payment.receivedOn) ?? asOf,
      kind: 'payment' as const,
      reference: textOrNull(payment.reference) || text(relation(payment, 'invoice')?.number),
      description: textOrNull(relation(payment, 'invoice')?.number),
      amount: -minor(payment.amount),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || SAME_DAY_ORDER[a.kind] - SAME_DAY_ORDER[b.kind]);
  const money = moneyIn(currency);
  let running = 0;
  const withBalance = entries.map((entry) => ({ ...entry, amount: money(entry.amount), balance: money((running += entry.amount)) }));
  const open = invoices.filter((invoice) => OPEN_STATES.includes(text(invoice.state)));
  return {
    asOf,
    currency,
    currencies: [...new Set([portal.client.currency, ...currencies.map((row) => text(row.currency))])].filter(Boolean).sort(),
    openInvoices: open.map((invoice) => ({
      documentId: text(invoice.documentId),
      number: text(invoice.number),
      issueDate: isoDate(invoice.issueDate),
      dueDate: isoDate(invoice.dueDate),
      total: money(minor(invoice.total)),
      paid: money(minor(invoice.paid)),
      balance: money(minor(invoice.balance)),
      overdue: invoice.state === 'overdue' || (isoDate(invoice.dueDate) ?? asOf) < asOf,
    })),
    entries: withBalance,
    balance: money(open.reduce((sum, invoice) => sum + minor(invoice.balance), 0)),
  };
};

/** The same statement as a PDF in the firm's brand. */
export const statementPdf = async (strapi: Core.Strapi, portal: PortalContext, asked: string | undefined) => {
  const statement = await statementOf(strapi, portal, asked);
  const client = await records(strapi, UID.client).findOne({
    select: ['name', 'legalName', 'billingAddress', 'taxId', 'billingEmail', 'preferredLocale'],
    where: { id: portal.client.id },
  });
  const document: StatementOnDocument = {
    asOf: statement.asOf,
    currency: statement.currency,
    openInvoices: statement.openInvoices.map((invoice) => ({ ...invoice, total: invoice.total.amount, paid: invoice.paid.amount, balance: invoice.balance.amount })),
    entries: statement.entries.map(({ date, kind, reference, description, amount }) => ({ date, kind, reference, description, amount: amount.amount })),
    balance: statement.balance.amount,
  };
  const bytes = await buildStatementPdf({
    firm: await firmOnDocuments(strapi),
    client: {
      name: text(client?.name),
      legalName: textOrNull(client?.legalName) || null,
      billingAddress: textOrNull(client?.billingAddress) || null,
      taxId: textOrNull(client?.taxId) || null,
      email: textOrNull(client?.billingEmail) || null,
    },
    statement: document,
    locale: textOrNull(client?.preferredLocale) || pluginConfig(strapi, 'defaultLocale'),
  });
  return { bytes: Buffer.from(bytes), filename: `statement-${statement.currency}-${statement.asOf}.pdf` };
};
