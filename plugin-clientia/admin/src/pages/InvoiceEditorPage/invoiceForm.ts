/**
 * The invoice editor's form: what staff type (prices in the currency's major units, numbers in
 * their own decimal convention), read into the lines the server stores (prices in minor units),
 * with the totals computed by the same arithmetic the server uses (`shared/money.ts`). What the
 * editor shows is therefore what the server will store.
 */
import { INVOICE_LIMITS, saveInvoiceDraftRequest, type SaveInvoiceDraftRequest, type StaffInvoice } from '../../../../shared/contracts/admin-invoices';
import { currencyDigits, invoiceTotals, majorUnitsText, parseDecimal, parseMajorUnits, type InvoiceTotals, type LineItem } from '../../../../shared/money';

export type DecimalSeparator = '.' | ',';

/** One line as typed. */
export interface EditorLine {
  /** Keeps a row's inputs when lines move; never sent. */
  key: string;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
}

export interface InvoiceDraftForm {
  currency: string;
  /** YYYY-MM-DD, or empty for "when it is issued" / "from the payment terms". */
  issueDate: string;
  dueDate: string;
  notes: string;
  internalNotes: string;
  lines: EditorLine[];
}

export type LineField = 'description' | 'quantity' | 'unitPrice' | 'taxRate';
export type LineProblem = 'required' | 'tooLong' | 'quantity' | 'unitPrice' | 'taxRate';
export type FormProblem = 'currency' | 'date' | 'dueBeforeIssue' | 'tooLong' | 'noLines' | 'tooManyLines';

export interface FormErrors {
  currency?: FormProblem;
  issueDate?: FormProblem;
  dueDate?: FormProblem;
  notes?: FormProblem;
  internalNotes?: FormProblem;
  lines?: FormProblem;
  /** By line key. */
  line: Record<string, Partial<Record<LineField, LineProblem>>>;
}

/** The decimal separator of the staff member's locale: "," in German, "." in English. */
export const decimalSeparatorOf = (locale: string): DecimalSeparator => {
  try {
    const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
    return decimal === ',' ? ',' : '.';
  } catch {
    return '.';
  }
};

let keys = 0;
const nextKey = () => `line-${(keys += 1)}`;

export const blankLine = (): EditorLine => ({ key: nextKey(), description: '', quantity: '1', unitPrice: '', taxRate: '0' });

/** A stored number as it is typed back: 1.5 → "1,5" for a German keyboard. */
const typedNumber = (value: number, separator: DecimalSeparator) => String(value).replace('.', separator);

/** Minor units as they are typed back: 123450 EUR → "1234,50" in German. */
export const typedAmount = (minor: number | bigint, currency: string, separator: DecimalSeparator) =>
  majorUnitsText(minor, currency).replace('.', separator);

export const formFromInvoice = (invoice: StaffInvoice, separator: DecimalSeparator): InvoiceDraftForm => ({
  currency: invoice.currency,
  issueDate: invoice.issueDate ?? '',
  dueDate: invoice.dueDate ?? '',
  notes: invoice.notes ?? '',
  internalNotes: invoice.internalNotes ?? '',
  lines: invoice.lineItems.map((line) => ({
    key: nextKey(),
    description: line.description,
    quantity: typedNumber(line.quantity, separator),
    unitPrice: typedAmount(line.unitPrice, invoice.currency, separator),
    taxRate: typedNumber(line.taxRate, separator),
  })),
});

export const emptyForm = (currency: string): InvoiceDraftForm => ({
  currency,
  issueDate: '',
  dueDate: '',
  notes: '',
  internalNotes: '',
  lines: [blankLine()],
});

const CURRENCY_SHAPE = /^[A-Z]{3}$/;

/** The currency the lines are read in: the typed one when it is a code, else none (prices cannot be read). */
export const formCurrency = (form: InvoiceDraftForm) => {
  const code = form.currency.trim().toUpperCase();
  return CURRENCY_SHAPE.test(code) && saveInvoiceDraftRequest.shape.currency.safeParse(code).success ? code : null;
};

/** One typed line as the server stores it, or what is wrong with each of its fields. */
export const readLine = (
  line: EditorLine,
  currency: string | null,
  separator: DecimalSeparator
): { item: LineItem; problems: null } | { item: null; problems: Partial<Record<LineField, LineProblem>> } => {
  const problems: Partial<Record<LineField, LineProblem>> = {};
  const description = line.description.trim();
  if (!description) problems.description = 'required';
  else if (description.length > INVOICE_LIMITS.description) problems.description = 'tooLong';

  const quantity = parseDecimal(line.quantity, 3, separator);
  if (quantity === null || quantity <= 0n || quantity > BigInt(INVOICE_LIMITS.maxQuantity) * 1000n) problems.quantity = 'quantity';

  const unitPrice = currency ? parseMajorUnits(line.unitPrice, currency, separator) : null;
  const maxPrice = BigInt(INVOICE_LIMITS.maxUnitPrice);
  if (unitPrice === null || unitPrice > maxPrice || unitPrice < -maxPrice) problems.unitPrice = 'unitPrice';

  const taxRate = parseDecimal(line.taxRate.trim() === '' ? '0' : line.taxRate, 2, separator);
  if (taxRate === null || taxRate < 0n || taxRate > 10_000n) problems.taxRate = 'taxRate';

  if (Object.keys(problems).length) return { item: null, problems };
  return {
    item: {
      description,
      quantity: Number(quantity) / 1000,
      unitPrice: Number(unitPrice),
      taxRate: Number(taxRate) / 100,
    },
    problems: null,
  };
};

/**
 * The totals of the lines that can be read, as the server will compute them, and how many lines
 * are left out until they are corrected.
 */
export const liveTotals = (form: InvoiceDraftForm, separator: DecimalSeparator): { totals: InvoiceTotals; lines: LineItem[]; leftOut: number } | null => {
  const currency = formCurrency(form);
  if (!currency) return null;
  const lines: LineItem[] = [];
  let leftOut = 0;
  for (const line of form.lines) {
    const read = readLine(line, currency, separator);
    if (read.item) lines.push(read.item);
    else leftOut += 1;
  }
  return { totals: invoiceTotals(lines, []), lines, leftOut };
};

/**
 * Either the draft to send, or what the staff member has to correct first. The request is
 * checked once more with the schema the server parses it with.
 */
export const checkDraft = (
  form: InvoiceDraftForm,
  separator: DecimalSeparator,
  { requireLines = false }: { requireLines?: boolean } = {}
): { ok: true; request: SaveInvoiceDraftRequest } | { ok: false; errors: FormErrors } => {
  const errors: FormErrors = { line: {} };
  const currency = formCurrency(form);
  if (!currency) errors.currency = 'currency';
  const lineItems: LineItem[] = [];
  for (const line of form.lines) {
    const read = readLine(line, currency, separator);
    if (read.item) lineItems.push(read.item);
    // A price cannot be read without a currency; the currency's own error says so.
    else errors.line[line.key] = currency ? read.problems : { ...read.problems, unitPrice: undefined };
  }
  if (requireLines && form.lines.length === 0) errors.lines = 'noLines';
  if (form.lines.length > INVOICE_LIMITS.lines) errors.lines = 'tooManyLines';
  const { issueDate: issueSchema, dueDate: dueSchema } = saveInvoiceDraftRequest.shape;
  if (!issueSchema.safeParse(form.issueDate || null).success) errors.issueDate = 'date';
  if (!dueSchema.safeParse(form.dueDate || null).success) errors.dueDate = 'date';
  else if (form.issueDate && form.dueDate && form.dueDate < form.issueDate) errors.dueDate = 'dueBeforeIssue';
  if (form.notes.trim().length > INVOICE_LIMITS.notes) errors.notes = 'tooLong';
  if (form.internalNotes.trim().length > INVOICE_LIMITS.internalNotes) errors.internalNotes = 'tooLong';

  const lineErrors = Object.values(errors.line).some((problems) => Object.values(problems).some(Boolean));
  if (errors.currency || errors.lines || errors.issueDate || errors.dueDate || errors.notes || errors.internalNotes || lineErrors) {
    return { ok: false, errors };
  }

  const request = saveInvoiceDraftRequest.safeParse({
    currency: currency!,
    issueDate: form.issueDate || null,
    dueDate: form.dueDate || null,
    lineItems,
    notes: form.notes,
    internalNotes: form.internalNotes,
  });
  if (request.success) return { ok: true, request: request.data };
  // What is left for the schema to refuse is text no database stores (a NUL character): the field says so.
  const [field, index, lineField] = request.error.issues[0]?.path ?? [];
  const line = field === 'lineItems' && typeof index === 'number' ? form.lines[index] : undefined;
  if (line) errors.line[line.key] = { [lineField === 'description' ? 'description' : 'unitPrice']: 'required' };
  else if (field === 'notes' || field === 'internalNotes') errors[field] = 'tooLong';
  else errors.currency = 'currency';
  return { ok: false, errors };
};

/** Moves the line at `index` one place up (-1) or down (+1). */
export const moveLine = (lines: EditorLine[], index: number, step: -1 | 1): EditorLine[] => {
  const target = index + step;
  if (target < 0 || target >= lines.length) return lines;
  const next = [...lines];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
};

/** The number of decimals a price may have in the currency, for the hint next to the prices. */
export const priceDecimals = (currency: string | null) => (currency ? currencyDigits(currency) : 2);

/** A payment typed in major units, as minor units; null when it is not an amount above zero in the currency. */
export const readPaymentAmount = (typed: string, currency: string, separator: DecimalSeparator): number | null => {
  const minor = parseMajorUnits(typed, currency, separator);
  if (minor === null || minor <= 0n || minor > BigInt(INVOICE_LIMITS.maxUnitPrice)) return null;
  return Number(minor);
};
