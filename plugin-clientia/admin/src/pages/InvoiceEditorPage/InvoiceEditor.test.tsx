import axe from 'axe-core';
import { DesignSystemProvider } from '@strapi/design-system';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router-dom';

import type { StaffInvoice } from '../../../../shared/contracts/admin-invoices';
import { invoiceTotals, parseMajorUnits } from '../../../../shared/money';
import { INVOICE_TOTAL_CASES, type InvoiceTotalCase } from '../../../../server/tests/helpers/invoice-total-cases';
import { renderInAdmin } from '../../../tests/render';
import { clientiaApi } from '../../api/client';
import { ApiFailure } from '../../api/failure';
import { PLUGIN_ID } from '../../pluginId';
import de from '../../translations/de.json';
import { formatMoney } from '../../utils/money';
import { prefixPluginTranslations } from '../../utils/prefixPluginTranslations';
import { InvoiceEditorView, type InvoiceEditorViewProps } from './components/InvoiceEditorView';

jest.mock('../../api/client', () => ({
  clientiaApi: {
    createInvoice: jest.fn(),
    saveInvoiceDraft: jest.fn(),
    issueInvoice: jest.fn(),
    voidInvoice: jest.fn(),
    createCreditNote: jest.fn(),
    recordPayment: jest.fn(),
    sendInvoiceReminder: jest.fn(),
    getInvoicePdf: jest.fn(),
    attachInvoicePdf: jest.fn(),
    removeInvoicePdf: jest.fn(),
  },
}));

const api = clientiaApi as jest.Mocked<typeof clientiaApi>;

// Typing a dozen fields through the design system takes seconds in jsdom on a busy machine.
jest.setTimeout(30_000);

const acme = { documentId: 'client-acme', name: 'Acme Legal', currency: 'EUR' };
const money = (amount: number, currency = 'EUR') => ({ amount, currency });

const issuedInvoice = (changes: Partial<StaffInvoice> = {}): StaffInvoice => ({
  documentId: 'inv-1',
  kind: 'invoice',
  number: 'INV-2026-0007',
  state: 'issued',
  client: { documentId: 'client-acme', name: 'Acme Legal' },
  currency: 'EUR',
  issueDate: '2026-11-02',
  dueDate: '2026-12-02',
  lineItems: [{ description: 'Advisory, November', quantity: 10, unitPrice: 15000, taxRate: 19 }],
  subtotal: money(150000),
  tax: money(28500),
  total: money(178500),
  paid: money(0),
  credited: money(0),
  balance: money(178500),
  notes: null,
  internalNotes: null,
  issuedAt: '2026-11-02T09:00:00.000Z',
  voidedAt: null,
  period: null,
  correctedInvoice: null,
  creditNotes: [],
  payments: [],
  attachedPdf: null,
  ...changes,
});

const props = (changes: Partial<InvoiceEditorViewProps> = {}): InvoiceEditorViewProps => ({
  invoice: null,
  client: acme,
  canManage: true,
  notify: jest.fn(),
  onChanged: jest.fn(),
  onOpen: jest.fn(),
  ...changes,
});

const typeInto = (name: string, value: string) => fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });

/** Types a case's lines into the editor as staff would, adding rows as needed. */
const typeLines = (testCase: Pick<InvoiceTotalCase, 'currency' | 'lines'>) => {
  testCase.lines.forEach((line, index) => {
    const n = index + 1;
    if (index > 0) fireEvent.click(screen.getByRole('button', { name: 'Add line' }));
    typeInto(`Description, line ${n}`, line.description);
    typeInto(`Quantity, line ${n}`, line.quantity);
    typeInto(`Unit price in ${testCase.currency}, line ${n}`, line.unitPrice);
    typeInto(`Tax rate in percent, line ${n}`, line.taxRate);
  });
};

/** The figure next to a label in the totals table. */
const totalShown = (label: string) => {
  const totals = screen.getByRole('region', { name: 'Totals' });
  return within(totals).getByRole('rowheader', { name: label }).closest('tr')!.querySelector('td')!.textContent;
};

/** A case's lines as the server stores them (the integration test sends exactly these). */
const storedLines = (testCase: InvoiceTotalCase) =>
  testCase.lines.map((line) => ({
    description: line.description,
    quantity: Number(line.quantity),
    unitPrice: Number(parseMajorUnits(line.unitPrice, testCase.currency, '.')),
    taxRate: Number(line.taxRate),
  }));

beforeEach(() => {
  for (const mock of Object.values(api)) (mock as jest.Mock).mockReset();
});

describe('invoice editor: live totals equal what the server stores', () => {
  it.each(INVOICE_TOTAL_CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    renderInAdmin(<InvoiceEditorView {...props({ client: { ...acme, currency: testCase.currency } })} />);
    expect(screen.getByRole('textbox', { name: /^Currency/ })).toHaveProperty('value', testCase.currency);
    typeLines(testCase);

    const shared = invoiceTotals(storedLines(testCase), []);
    const figures = { subtotal: shared.subtotal, tax: shared.tax, total: shared.total };
    // The shared arithmetic and the server agree on the figures...
    expect(Object.values(figures).map(Number)).toEqual([testCase.stored.subtotal, testCase.stored.tax, testCase.stored.total]);
    // ...and the editor shows exactly them, in the currency's own minor units.
    expect(totalShown('Subtotal')).toBe(formatMoney(money(testCase.stored.subtotal, testCase.currency), 'en'));
    expect(totalShown('Tax')).toBe(formatMoney(money(testCase.stored.tax, testCase.currency), 'en'));
    expect(totalShown('Total')).toBe(formatMoney(money(testCase.stored.total, testCase.currency), 'en'));

    // What is saved is the lines in minor units, exactly what the integration test stores.
    api.createInvoice.mockResolvedValue(issuedInvoice({ documentId: 'inv-new', state: 'draft', number: null }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    expect(api.createInvoice).toHaveBeenCalledWith('client-acme', expect.objectContaining({ currency: testCase.currency, lineItems: storedLines(testCase) }));
  });

  it('shows each line\'s net amount as it is typed', () => {
    renderInAdmin(<InvoiceEditorView {...props()} />);
    typeLines({ currency: 'EUR', lines: [{ description: 'Courier', quantity: '1.5', unitPrice: '10.01', taxRate: '7' }] });
    expect(screen.getByRole('row', { name: /Courier/ }).querySelector('[data-net]')!.textContent).toBe('€15.02');
  });

  it('respects the currency\'s minor units: no decimals in yen, three in dinar', async () => {
    const { rerender } = renderInAdmin(<InvoiceEditorView {...props({ client: { ...acme, currency: 'JPY' } })} />);
    typeLines({ currency: 'JPY', lines: [{ description: 'Translation', quantity: '1', unitPrice: '1234.5', taxRate: '10' }] });
    expect(totalShown('Total')).toBe('¥0');
    expect(screen.getByText('1 line is left out of the totals until corrected.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    expect(screen.getByText('An amount in JPY with no decimals; negative for a discount.')).toBeTruthy();
    expect(api.createInvoice).not.toHaveBeenCalled();

    typeInto('Currency', 'KWD');
    typeInto('Unit price in KWD, line 1', '1234.567');
    expect(totalShown('Total')).toBe(formatMoney(money(1358024, 'KWD'), 'en'));
    typeInto('Unit price in KWD, line 1', '1234.5678');
    expect(screen.getByText('An amount in KWD with up to 3 decimals; negative for a discount.')).toBeTruthy();
    rerender(<div />);
  });

  it('reads numbers in the staff member\'s own convention (German: decimal comma)', () => {
    const messages = prefixPluginTranslations(de, PLUGIN_ID);
    render(
      <IntlProvider locale="de" messages={messages} onError={(error) => { throw error; }}>
        <DesignSystemProvider locale="de">
          <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
            <InvoiceEditorView {...props()} />
          </MemoryRouter>
        </DesignSystemProvider>
      </IntlProvider>
    );
    typeInto('Beschreibung, Position 1', 'Gutachten');
    typeInto('Menge, Position 1', '1,5');
    typeInto('Einzelpreis in EUR, Position 1', '1.234,50');
    typeInto('Steuersatz in Prozent, Position 1', '7,5');
    const totals = screen.getByRole('region', { name: 'Summen' });
    const figure = (label: string) => within(totals).getByRole('rowheader', { name: label }).closest('tr')!.querySelector('td')!.textContent;
    // 1.5 × 1,234.50 = 1,851.75; 7.5 % of it = 138.88125 → 138.88
    expect(figure('Zwischensumme')).toBe(formatMoney(money(185175), 'de'));
    expect(figure('Steuer')).toBe(formatMoney(money(13888), 'de'));
    expect(figure('Gesamt')).toBe(formatMoney(money(199063), 'de'));
  });

  it('adds, reorders and removes lines, and the totals follow', () => {
    renderInAdmin(<InvoiceEditorView {...props()} />);
    typeLines({
      currency: 'EUR',
      lines: [
        { description: 'First', quantity: '1', unitPrice: '100', taxRate: '0' },
        { description: 'Second', quantity: '1', unitPrice: '50', taxRate: '0' },
      ],
    });
    expect(totalShown('Total')).toBe('€150.00');
    fireEvent.click(screen.getByRole('button', { name: 'Move line 2 up' }));
    expect(screen.getByRole('textbox', { name: 'Description, line 1' })).toHaveProperty('value', 'Second');
    expect(screen.getByRole('button', { name: 'Move line 1 up' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Remove line 2' }));
    expect(screen.queryByRole('textbox', { name: 'Description, line 2' })).toBeNull();
    expect(totalShown('Total')).toBe('€50.00');
  });

  it('keeps every field of every line in the Tab order, as in any form', () => {
    renderInAdmin(<InvoiceEditorView {...props()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add line' }));
    // A grid would take its fields out of the Tab order (one stop for the table, then the arrow keys and Enter).
    expect(screen.queryByRole('grid')).toBeNull();
    for (const line of [1, 2]) {
      for (const name of [`Description, line ${line}`, `Quantity, line ${line}`, `Unit price in EUR, line ${line}`, `Tax rate in percent, line ${line}`]) {
        expect(screen.getByRole('textbox', { name }).tabIndex).toBe(0);
      }
    }
    expect(screen.getAllByRole('columnheader').map((heading) => heading.textContent)).toEqual([
      'Description',
      'Quantity',
      'Unit price (EUR)',
      'Tax %',
      'Net',
      'Invoice actions',
    ]);
  });

  it('saves a draft it was given and shows what the server refused', async () => {
    const draft = issuedInvoice({ state: 'draft', number: null, issueDate: null, dueDate: null });
    api.saveInvoiceDraft.mockRejectedValue(new ApiFailure('lineItems.0.taxRate: must be a percentage from 0 to 100 (at most 2 decimals)', 400));
    const notify = jest.fn();
    renderInAdmin(<InvoiceEditorView {...props({ invoice: draft, notify })} />);
    expect(screen.getByRole('textbox', { name: 'Unit price in EUR, line 1' })).toHaveProperty('value', '150.00');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    });
    expect(api.saveInvoiceDraft).toHaveBeenCalledWith('inv-1', expect.objectContaining({ lineItems: draft.lineItems, issueDate: null, dueDate: null }));
    expect(notify).toHaveBeenCalledWith('danger', 'lineItems.0.taxRate: must be a percentage from 0 to 100 (at most 2 decimals)');
  });

  it('has no serious accessibility problems', async () => {
    const { container } = renderInAdmin(<InvoiceEditorView {...props()} />);
    typeLines({ currency: 'EUR', lines: [{ description: 'Advice', quantity: '1', unitPrice: '100', taxRate: '19' }] });
    // jsdom has no layout or canvas: contrast is checked in the browser tests, landmarks belong to the admin's page.
    const results = await axe.run(container, { resultTypes: ['violations'], rules: { region: { enabled: false }, 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('invoice editor: issuing, voiding and correcting', () => {
  it('asks before issuing, saves the draft first, then issues it', async () => {
    const draft = issuedInvoice({ state: 'draft', number: null });
    api.saveInvoiceDraft.mockResolvedValue(draft);
    api.issueInvoice.mockResolvedValue(issuedInvoice());
    const onChanged = jest.fn();
    const notify = jest.fn();
    renderInAdmin(<InvoiceEditorView {...props({ invoice: draft, onChanged, notify })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Issue invoice' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/can no longer be changed/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Issue' }));
    });
    expect(api.saveInvoiceDraft).toHaveBeenCalled();
    expect(api.issueInvoice).toHaveBeenCalledWith('inv-1');
    expect(onChanged).toHaveBeenCalledWith(issuedInvoice());
    expect(notify).toHaveBeenCalledWith('success', 'INV-2026-0007 issued.');
  });

  it('voids only after confirmation', async () => {
    api.voidInvoice.mockResolvedValue(issuedInvoice({ state: 'void' }));
    renderInAdmin(<InvoiceEditorView {...props({ invoice: issuedInvoice() })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Void' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.voidInvoice).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Void' }));
    await act(async () => {
      fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Void it' }));
    });
    expect(api.voidInvoice).toHaveBeenCalledWith('inv-1');
  });

  it('shows an issued invoice read-only, with its payments and credit notes', () => {
    const invoice = issuedInvoice({
      state: 'partially_paid',
      paid: money(50000),
      credited: money(8640),
      balance: money(178500 - 50000 - 8640),
      payments: [{ documentId: 'pay-1', amount: money(50000), receivedOn: '2026-11-20', method: 'direct_debit', reference: 'SEPA 4711' }],
      creditNotes: [{ documentId: 'cn-1', number: 'CN-2026-0001', state: 'paid', total: money(-8640) }],
    });
    renderInAdmin(<InvoiceEditorView {...props({ invoice })} />);
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Void' })).toBeNull();
    expect(totalShown('Paid')).toBe('€500.00');
    expect(totalShown('Credited')).toBe('€86.40');
    expect(totalShown('Balance due')).toBe('€1,198.60');
    const payment = screen.getByText('SEPA 4711').closest('tr')!;
    expect(within(payment).getByText('Direct debit')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'CN-2026-0001' }).getAttribute('href')).toBe('/plugins/clientia/invoices/cn-1');
  });

  it('makes a credit note from the invoice and opens it', async () => {
    api.createCreditNote.mockResolvedValue(issuedInvoice({ documentId: 'cn-2', kind: 'credit_note', state: 'draft', number: null }));
    const onOpen = jest.fn();
    renderInAdmin(<InvoiceEditorView {...props({ invoice: issuedInvoice(), onOpen })} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Correct with a credit note' }));
    });
    expect(api.createCreditNote).toHaveBeenCalledWith('inv-1');
    expect(onOpen).toHaveBeenCalledWith('cn-2');
  });

  it('edits a draft credit note in the invoice\'s currency, with negative prices', () => {
    const note = issuedInvoice({
      documentId: 'cn-2',
      kind: 'credit_note',
      state: 'draft',
      number: null,
      lineItems: [{ description: 'Advisory, November', quantity: 10, unitPrice: -15000, taxRate: 19 }],
      correctedInvoice: { documentId: 'inv-1', number: 'INV-2026-0007' },
    });
    renderInAdmin(<InvoiceEditorView {...props({ invoice: note })} />);
    expect(screen.getByRole('textbox', { name: /^Currency/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('textbox', { name: 'Unit price in EUR, line 1' })).toHaveProperty('value', '-150.00');
    expect(totalShown('Total')).toBe('-€1,785.00');
    expect(screen.getByRole('button', { name: 'Issue credit note' })).toBeTruthy();
  });

  it('offers nothing to change to staff without the billing permission', () => {
    renderInAdmin(<InvoiceEditorView {...props({ invoice: issuedInvoice({ state: 'draft', number: null }), canManage: false })} />);
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record payment' })).toBeNull();
    expect(screen.getByText(/changing it needs the Manage billing permission/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download PDF' })).toBeTruthy();
  });
});

describe('invoice editor: payments, reminders and the PDF', () => {
  it('records a payment typed in major units: "500" is 500 euros', async () => {
    const paid = issuedInvoice({ state: 'partially_paid', paid: money(50000), balance: money(128500) });
    api.recordPayment.mockResolvedValue(paid);
    const onChanged = jest.fn();
    const notify = jest.fn();
    renderInAdmin(<InvoiceEditorView {...props({ invoice: issuedInvoice(), onChanged, notify })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: /^Amount \(EUR\)/ })).toHaveProperty('value', '1785.00');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Amount \(EUR\)/ }), { target: { value: '500' } });
    fireEvent.change(within(dialog).getByLabelText(/^Received on/), { target: { value: '2026-11-20' } });
    // The method is chosen by its name, never by its stored value.
    fireEvent.keyDown(within(dialog).getByRole('combobox', { name: /^Method/ }), { key: 'Enter' });
    fireEvent.keyDown(await screen.findByRole('option', { name: 'Direct debit' }), { key: 'Enter' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Reference/ }), { target: { value: 'SEPA 4711' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    });
    expect(api.recordPayment).toHaveBeenCalledWith('inv-1', { amount: 50000, receivedOn: '2026-11-20', method: 'direct_debit', reference: 'SEPA 4711' });
    expect(onChanged).toHaveBeenCalledWith(paid);
    expect(notify).toHaveBeenCalledWith('success', 'Payment of €500.00 recorded.');
  });

  it('refuses a payment above the balance or with too many decimals before calling the API', async () => {
    renderInAdmin(<InvoiceEditorView {...props({ invoice: issuedInvoice() })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    const dialog = await screen.findByRole('dialog');
    const amount = within(dialog).getByRole('textbox', { name: /^Amount/ });
    fireEvent.change(amount, { target: { value: '1785.01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(await within(dialog).findByText('That is more than the €1,785.00 still open.')).toBeTruthy();
    fireEvent.change(amount, { target: { value: '10.005' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(await within(dialog).findByText('An amount above zero in EUR, with up to 2 decimals.')).toBeTruthy();
    expect(api.recordPayment).not.toHaveBeenCalled();
  });

  it('sends a reminder now and says how it went', async () => {
    api.sendInvoiceReminder.mockResolvedValueOnce({ queued: 2, alreadySent: 0 }).mockResolvedValueOnce({ queued: 0, alreadySent: 2 });
    const notify = jest.fn();
    renderInAdmin(<InvoiceEditorView {...props({ invoice: issuedInvoice(), notify })} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send reminder now' }));
    });
    expect(notify).toHaveBeenLastCalledWith('success', 'Reminder queued for 2 recipients.');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send reminder now' }));
    });
    expect(notify).toHaveBeenLastCalledWith('info', 'A reminder went out today already; nothing new was sent.');
  });

  it('opens the PDF fetched with the staff token in a new tab, and downloads it under its number', async () => {
    const blob = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    api.getInvoicePdf.mockResolvedValue(blob);
    const createObjectURL = jest.fn(() => 'blob:invoice-pdf');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const open = jest.spyOn(window, 'open').mockReturnValue({} as Window);
    const clicked: { href: string; download: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const notify = jest.fn();
    renderInAdmin(<InvoiceEditorView {...props({ invoice: issuedInvoice(), notify })} />);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Open PDF in a new tab' }));
    });
    expect(api.getInvoicePdf).toHaveBeenCalledWith('inv-1');
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(open).toHaveBeenCalledWith('blob:invoice-pdf', '_blank');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    });
    expect(clicked).toEqual([{ href: 'blob:invoice-pdf', download: 'INV-2026-0007.pdf' }]);

    // A blocked pop-up still gives the file.
    open.mockReturnValue(null);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Open PDF in a new tab' }));
    });
    expect(clicked).toHaveLength(2);
    expect(notify).toHaveBeenCalledWith('info', 'The browser kept the new tab from opening, so the PDF was downloaded instead.');
    open.mockRestore();
    click.mockRestore();
  });

  it('attaches the firm’s own PDF to a draft, says which the client gets, and goes back to the generated one', async () => {
    const draft = issuedInvoice({ state: 'draft', number: null });
    const withPdf = { ...draft, attachedPdf: { name: 'INV-0042.pdf', size: 2048, sha256: 'a'.repeat(64) } };
    api.attachInvoicePdf.mockResolvedValue(withPdf);
    api.removeInvoicePdf.mockResolvedValue(draft);
    const onChanged = jest.fn();
    const notify = jest.fn();
    const first = renderInAdmin(<InvoiceEditorView {...props({ invoice: draft, onChanged, notify })} />);
    const section = screen.getByRole('region', { name: 'The firm’s own PDF' });
    expect(within(section).getByText('None: the client gets the PDF generated from this invoice.')).toBeTruthy();

    const pdf = new File(['%PDF-1.7'], 'INV-0042.pdf', { type: 'application/pdf' });
    fireEvent.change(within(section).getByLabelText('Invoice PDF'), { target: { files: [pdf] } });
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: 'Upload PDF' }));
    });
    expect(api.attachInvoicePdf).toHaveBeenCalledWith('inv-1', pdf);
    expect(onChanged).toHaveBeenCalledWith(withPdf);
    expect(notify).toHaveBeenCalledWith('success', 'INV-0042.pdf will be sent to the client instead of the generated PDF.');

    // The page shows the invoice as the server answered.
    first.unmount();
    renderInAdmin(<InvoiceEditorView {...props({ invoice: withPdf, onChanged, notify })} />);
    expect(screen.getByText(/^INV-0042\.pdf \(2 kB\), in private storage/i)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Use the generated PDF' }));
    });
    expect(api.removeInvoicePdf).toHaveBeenCalledWith('inv-1');
    expect(onChanged).toHaveBeenLastCalledWith(draft);
  });

  it('refuses a file that is not a PDF before calling the API, and offers no change once issued', async () => {
    renderInAdmin(<InvoiceEditorView {...props({ invoice: issuedInvoice({ state: 'draft', number: null }) })} />);
    fireEvent.change(screen.getByLabelText('Invoice PDF'), { target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] } });
    expect(screen.getByText('Choose a PDF file.')).toBeTruthy();
    expect(api.attachInvoicePdf).not.toHaveBeenCalled();
  });

  it('shows an issued invoice’s own PDF without a way to change it', () => {
    renderInAdmin(<InvoiceEditorView {...props({ invoice: issuedInvoice({ attachedPdf: { name: 'INV-0007.pdf', size: 4096, sha256: null } }) })} />);
    expect(screen.getByRole('region', { name: 'The firm’s own PDF' })).toBeTruthy();
    expect(screen.queryByLabelText(/Invoice PDF/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Use the generated PDF' })).toBeNull();
  });
});
