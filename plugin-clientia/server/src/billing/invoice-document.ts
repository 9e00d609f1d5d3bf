import { Readable } from 'node:stream';

import type { Core } from '@strapi/strapi';

import { INVOICE_PDF_MAX_BYTES } from '../../../shared/contracts/admin-invoices';
import { lineTotals, minorToNumber, parseLineItems, toMinor } from '../domain/money';
import { openMediaFile, readAtMost, MEDIA_FILE_FIELDS, type FileStream } from '../storage/media-files';
import { openPrivateFile } from '../storage/private-files';
import { UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { isoDate, relation, text, textOrNull, type Row } from '../repositories/rows';
import { records } from '../repositories/records';
import { buildInvoicePdf, type InvoiceOnDocument } from './invoice-pdf';
import type { BilledClient, FirmOnDocuments } from '../pdf/letterhead';

const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** An email attachment larger than this would not be delivered by most mail servers anyway. */
const MAX_ATTACHED_PDF_BYTES = INVOICE_PDF_MAX_BYTES;

/** The firm as its invoices and statements show it: the brand, its address, tax id and bank details. */
export const firmOnDocuments = async (strapi: Core.Strapi): Promise<FirmOnDocuments> => {
  const branding = await records(strapi, UID.branding).findOne({
    select: ['firmName', 'primaryColor', 'supportEmail', 'portalUrl', 'footerText', 'legalText', 'firmAddress', 'taxId', 'paymentInstructions'],
    populate: { logo: { select: [...MEDIA_FILE_FIELDS] } },
  });
  const logoFile = await openMediaFile(strapi, relation(branding ?? {}, 'logo'));
  const logoBytes = logoFile ? await readAtMost(logoFile.stream, MAX_LOGO_BYTES) : null;
  const mime = logoFile?.mime === 'image/jpeg' ? 'image/jpeg' : 'image/png';
  return {
    name: text(branding?.firmName) || 'Your firm',
    address: textOrNull(branding?.firmAddress) || null,
    taxId: textOrNull(branding?.taxId) || null,
    email: textOrNull(branding?.supportEmail) || null,
    website: textOrNull(branding?.portalUrl) || pluginConfig(strapi, 'portalUrl'),
    primaryColor: textOrNull(branding?.primaryColor) || null,
    logo: logoBytes && logoFile && /^image\/(png|jpeg)$/.test(logoFile.mime) ? { bytes: logoBytes, mime } : null,
    paymentInstructions: textOrNull(branding?.paymentInstructions) || null,
    footer: [textOrNull(branding?.footerText), textOrNull(branding?.legalText)].filter(Boolean).join('\n') || null,
  };
};

const INVOICE_FIELDS = ['id', 'kind', 'number', 'state', 'issueDate', 'dueDate', 'periodStart', 'periodEnd', 'currency', 'lineItems', 'subtotal', 'tax', 'total', 'paid', 'credited', 'balance', 'notes'];

/** The invoice as its document shows it; the period's end becomes exclusive as the layout expects. */
const invoiceOnDocument = (row: Row): InvoiceOnDocument => {
  const lines = parseLineItems(row.lineItems);
  const periodEnd = isoDate(row.periodEnd);
  const creditNote = row.kind === 'credit_note';
  return {
    kind: creditNote ? 'credit_note' : 'invoice',
    number: text(row.number) || 'draft',
    corrects: creditNote ? textOrNull(relation(row, 'correctedInvoice')?.number) : null,
    state: text(row.state) as InvoiceOnDocument['state'],
    issueDate: isoDate(row.issueDate),
    dueDate: isoDate(row.dueDate),
    periodStart: isoDate(row.periodStart),
    periodEnd: periodEnd ? new Date(Date.parse(`${periodEnd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : null,
    currency: text(row.currency),
    lines: lines.map((line) => ({ ...line, amount: minorToNumber(lineTotals(line).net) })),
    subtotal: minorToNumber(toMinor(row.subtotal)),
    tax: minorToNumber(toMinor(row.tax)),
    total: minorToNumber(toMinor(row.total)),
    paid: minorToNumber(toMinor(row.paid)),
    credited: minorToNumber(toMinor(row.credited)),
    balance: minorToNumber(toMinor(row.balance)),
    notes: textOrNull(row.notes) || null,
  };
};

const billedClient = (client: Row | null): BilledClient => ({
  name: text(client?.name),
  legalName: textOrNull(client?.legalName) || null,
  billingAddress: textOrNull(client?.billingAddress) || null,
  taxId: textOrNull(client?.taxId) || null,
  email: textOrNull(client?.billingEmail) || null,
});

/**
 * The invoice's PDF, generated from the invoice as stored: the same bytes for the portal download
 * and an email attachment. `where` narrows which invoices the caller may have (the portal adds
 * its client and never drafts). Null when no such invoice exists.
 */
export const generateInvoicePdf = async (strapi: Core.Strapi, where: Record<string, unknown>): Promise<{ bytes: Buffer; number: string | null } | null> => {
  const row = await records(strapi, UID.invoice).findOne({
    select: INVOICE_FIELDS,
    where,
    populate: {
      client: { select: ['name', 'legalName', 'billingAddress', 'taxId', 'billingEmail', 'preferredLocale'] },
      correctedInvoice: { select: ['number'] },
    },
  });
  if (!row) return null;
  const client = relation(row, 'client');
  const locale = textOrNull(client?.preferredLocale) || pluginConfig(strapi, 'defaultLocale');
  const bytes = Buffer.from(await buildInvoicePdf({ firm: await firmOnDocuments(strapi), client: billedClient(client), invoice: invoiceOnDocument(row), locale }));
  return { bytes, number: textOrNull(row.number) };
};

/** A generated PDF as the download routes stream a stored one. */
export const asFileStream = (bytes: Buffer): FileStream => ({ stream: Readable.from(bytes), mime: 'application/pdf', length: bytes.length });

/** The PDF the firm attached to the invoice (kept in private storage), opened for streaming; null without one. */
export const openAttachedInvoicePdf = async (strapi: Core.Strapi, row: Row): Promise<FileStream | null> => {
  const key = textOrNull(row.pdfKey);
  const stored = key ? await openPrivateFile(strapi, key) : null;
  return stored ? { stream: stored.stream, mime: 'application/pdf', length: stored.size } : null;
};

/**
 * The bytes of the invoice's document as the portal serves it: the PDF the firm attached, when it
 * did and it can be read, else the generated one. Null when there is no such invoice.
 */
export const invoiceDocument = async (strapi: Core.Strapi, invoiceId: number): Promise<Buffer | null> => {
  const row = await records(strapi, UID.invoice).findOne({ select: ['id', 'pdfKey'], where: { id: invoiceId } });
  if (!row) return null;
  const attached = await openAttachedInvoicePdf(strapi, row);
  if (attached) {
    const bytes = await readAtMost(attached.stream, MAX_ATTACHED_PDF_BYTES);
    if (bytes) return bytes;
  }
  return (await generateInvoicePdf(strapi, { id: invoiceId }))?.bytes ?? null;
};
