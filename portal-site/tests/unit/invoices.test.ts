import { describe, expect, it } from 'vitest';

import type { PortalInvoiceStatus } from '@clientia/shared/contracts/portal-billing';
import { formatter } from '../../src/lib/format';
import { sentenceAround, translator } from '../../src/lib/i18n';
import { INVOICE_STATUS, STATEMENT_ENTRY, statusBadge } from '../../src/pages/invoices/_billing';

const en = translator('en-GB');
const de = translator('de-DE');
const STATUSES: PortalInvoiceStatus[] = ['issued', 'partially_paid', 'paid', 'overdue', 'void'];

describe('credit notes in the invoice list and on their page', () => {
  it('reads a used-up credit note as applied and one with credit left as credit available', () => {
    const words = (status: PortalInvoiceStatus, t = en) => t(statusBadge({ kind: 'credit_note', status }).label);
    expect(words('paid')).toBe('Applied');
    expect(words('issued')).toBe('Credit available');
    expect(words('void')).toBe('Void');
    expect(words('paid', de)).toBe('Verrechnet');
    expect(words('issued', de)).toBe('Guthaben verfügbar');
    expect(statusBadge({ kind: 'credit_note', status: 'paid' }).tone).toBe('success');
  });

  it('never calls a credit note paid, open or due, in any state', () => {
    const invoiceWords = new Set(
      (['issued', 'partially_paid', 'paid', 'overdue'] as const).flatMap((status) => [en(INVOICE_STATUS[status].label), de(INVOICE_STATUS[status].label)])
    );
    for (const status of STATUSES) {
      for (const t of [en, de]) expect(invoiceWords).not.toContain(t(statusBadge({ kind: 'credit_note', status }).label));
      // An invoice keeps its own words.
      expect(statusBadge({ kind: 'invoice', status })).toBe(INVOICE_STATUS[status]);
    }
  });

  it('names the invoice a credit note corrects where each language puts it, for a link there', () => {
    expect(sentenceAround(en, 'creditNotes.detail.corrects', 'invoice', { number: 'CN-2026-0001' })).toEqual(['Credit note CN-2026-0001 corrects invoice ', '.']);
    expect(sentenceAround(de, 'creditNotes.detail.corrects', 'invoice', { number: 'CN-2026-0001' })).toEqual(['Gutschrift CN-2026-0001 korrigiert Rechnung ', '.']);
    expect(en('creditNotes.detail.title', { number: 'CN-2026-0001' })).toBe('Credit note CN-2026-0001');
    expect(de('invoices.totals.credited')).toBe('Gutgeschrieben');
  });

  it('labels credit notes on the statement as credit notes', () => {
    expect(en(STATEMENT_ENTRY.credit_note, { reference: 'CN-2026-0001' })).toBe('Credit note CN-2026-0001');
    expect(de(STATEMENT_ENTRY.credit_note, { reference: 'CN-2026-0001' })).toBe('Gutschrift CN-2026-0001');
    expect(en(STATEMENT_ENTRY.invoice, { reference: 'INV-2026-0001' })).toBe('Invoice INV-2026-0001');
  });

  it('shows a credit note’s amounts with the locale’s minus sign in its place, and a zero without one', () => {
    expect(formatter('en-GB').money({ amount: -20000, currency: 'EUR' })).toBe('-€200.00');
    expect(formatter('de-DE').money({ amount: -5950, currency: 'EUR' })).toBe('-59,50\u00a0€');
    expect(formatter('en-US').money({ amount: -1500, currency: 'JPY' })).toBe('-¥1,500');
    // What is left of a credit note used up is worked out as −0: it shows as nothing owed either way.
    expect(formatter('en-GB').money({ amount: -0, currency: 'EUR' })).toBe('€0.00');
    expect(formatter('de-DE').money({ amount: -0, currency: 'EUR' })).toBe('0,00\u00a0€');
  });
});
