import { addDays, periodLabel, type IsoDate } from './calendar';
import type { DemoContext } from './context';
import type { ClientSlug } from './firm';
import { billingPeriod } from './retainers';

/** As the invoice stores it: unit price in minor units, tax rate in percent. */
interface Line {
  description: string;
  quantity: number;
  unitPrice: number;
  taxRate: number;
}

interface PaymentPlan {
  /** Minor units, or the whole balance. */
  amount: number | 'balance';
  receivedOn: IsoDate;
  method: 'bank_transfer' | 'card' | 'check' | 'direct_debit';
  reference: string;
}

interface InvoicePlan {
  key: string;
  client: ClientSlug;
  /** Overdue invoices are issued first and then marked overdue, as staff would. */
  state: 'draft' | 'issued' | 'overdue';
  issueDate?: IsoDate;
  dueDate?: IsoDate;
  retainer?: { key: string; periodsBack: number };
  lines: Line[];
  notes?: string;
  internalNotes?: string;
  payments?: PaymentPlan[];
}

const EU_REVERSE_CHARGE =
  'Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).';
const UK_REVERSE_CHARGE = 'Reverse charge: the customer accounts for the VAT on these services to HMRC.';

/** One period of a retainer, billed on the day the period starts, with the line its template makes. */
const retainerInvoice = (ctx: DemoContext, key: string, periodsBack: number, termsDays: number) => {
  const retainer = ctx.find('retainer', key);
  const period = billingPeriod(retainer, periodsBack);
  return {
    plan: { issueDate: period.start, dueDate: addDays(period.start, termsDays), retainer: { key, periodsBack } },
    line: {
      description: `${retainer.title}, ${periodLabel(period.start, period.end)}`,
      quantity: 1,
      unitPrice: Number(retainer.amount),
      taxRate: 0,
    },
    previousPeriod: billingPeriod(retainer, periodsBack + 1),
    hourlyRate: Number(retainer.hourlyRate),
  };
};

const invoicePlans = (ctx: DemoContext): InvoicePlan[] => {
  const { day } = ctx.calendar;
  const northwindEarlier = retainerInvoice(ctx, 'northwind-advisory', 2, 30);
  const northwindCurrent = retainerInvoice(ctx, 'northwind-advisory', 1, 30);
  const bluebirdCurrent = retainerInvoice(ctx, 'bluebird-coo', 1, 10);
  const calderCurrent = retainerInvoice(ctx, 'calder-practice', 1, 30);
  return [
    {
      key: 'northwind-retainer-earlier',
      client: 'northwind-logistics',
      state: 'issued',
      ...northwindEarlier.plan,
      lines: [
        northwindEarlier.line,
        {
          description: `Advisory hours beyond the 20 included, ${periodLabel(northwindEarlier.previousPeriod.start, northwindEarlier.previousPeriod.end)}`,
          quantity: 3.5,
          unitPrice: northwindEarlier.hourlyRate,
          taxRate: 0,
        },
      ],
      notes: EU_REVERSE_CHARGE,
      payments: [{ amount: 'balance', receivedOn: addDays(northwindEarlier.plan.issueDate, 24), method: 'bank_transfer', reference: 'SEPA NWL-2291-0457' }],
    },
    {
      key: 'northwind-workshop',
      client: 'northwind-logistics',
      state: 'overdue',
      issueDate: day(-44),
      dueDate: day(-14),
      lines: [
        { description: 'Network design workshop in Hamburg: 2 days, 2 consultants', quantity: 4, unitPrice: 180_000, taxRate: 0 },
        { description: 'Travel: return flights Portland–Hamburg and two nights in Hamburg', quantity: 1, unitPrice: 128_640, taxRate: 0 },
      ],
      notes: EU_REVERSE_CHARGE,
      internalNotes: 'Jonas says it was held for a PO number; chase again if unpaid by Friday.',
    },
    {
      key: 'northwind-retainer-current',
      client: 'northwind-logistics',
      state: 'issued',
      ...northwindCurrent.plan,
      lines: [northwindCurrent.line],
      notes: EU_REVERSE_CHARGE,
    },
    {
      key: 'bluebird-retainer-current',
      client: 'bluebird-studio',
      state: 'issued',
      ...bluebirdCurrent.plan,
      lines: [bluebirdCurrent.line],
      payments: [{ amount: 'balance', receivedOn: addDays(bluebirdCurrent.plan.issueDate, 7), method: 'bank_transfer', reference: 'ACH 0088231944' }],
    },
    {
      key: 'bluebird-playbook-phase-1',
      client: 'bluebird-studio',
      state: 'issued',
      issueDate: day(-20),
      dueDate: day(10),
      lines: [
        { description: 'Studio operations playbook, phase 1: discovery and interviews', quantity: 1, unitPrice: 1_200_000, taxRate: 0 },
        { description: 'Printed workshop materials, delivered in Portland, ME', quantity: 40, unitPrice: 1_850, taxRate: 5.5 },
      ],
      notes: 'Payable by ACH to Harbor & Pine Advisory LLP; account details on file.',
      payments: [{ amount: 500_000, receivedOn: day(-6), method: 'bank_transfer', reference: 'ACH 0088240107' }],
    },
    {
      key: 'bluebird-brand-ops-deposit',
      client: 'bluebird-studio',
      state: 'draft',
      lines: [{ description: 'Brand operations sprint: 50% deposit on signature of the SOW', quantity: 1, unitPrice: 900_000, taxRate: 0 }],
      internalNotes: 'Issue once the SOW is signed.',
    },
    {
      key: 'calder-retainer-current',
      client: 'calder-finch',
      state: 'issued',
      ...calderCurrent.plan,
      lines: [calderCurrent.line],
      notes: UK_REVERSE_CHARGE,
      payments: [{ amount: 'balance', receivedOn: day(-19), method: 'bank_transfer', reference: 'BACS CALDERFINCH 7731' }],
    },
    {
      key: 'calder-billing-selection',
      client: 'calder-finch',
      state: 'issued',
      issueDate: day(-3),
      dueDate: day(27),
      lines: [
        { description: 'Billing system selection: shortlist, vendor demos and recommendation', quantity: 1, unitPrice: 750_000, taxRate: 0 },
        { description: 'Reference calls with firms using the shortlisted systems (hours)', quantity: 4.5, unitPrice: 18_000, taxRate: 0 },
      ],
      notes: UK_REVERSE_CHARGE,
    },
    {
      key: 'calder-intake-first-instalment',
      client: 'calder-finch',
      state: 'draft',
      lines: [{ description: 'Client intake process review: first instalment', quantity: 1, unitPrice: 620_000, taxRate: 0 }],
      notes: UK_REVERSE_CHARGE,
    },
  ];
};

/**
 * Invoices in the order they were issued, so their numbers run with their dates; then the
 * payments, which move them to paid or partially paid. Numbers and totals are the server's.
 */
export const seedInvoices = async (ctx: DemoContext) => {
  const plans = invoicePlans(ctx).sort((a, b) => (a.issueDate ?? '9999').localeCompare(b.issueDate ?? '9999'));
  const payments: { invoice: string; plan: PaymentPlan }[] = [];
  for (const { key, client, state, retainer, lines, payments: paid = [], ...invoice } of plans) {
    const period = retainer && billingPeriod(ctx.find('retainer', retainer.key), retainer.periodsBack);
    let created = await ctx.create('invoice', {
      client: ctx.find('client', client).documentId,
      state: state === 'overdue' ? 'issued' : state,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      lineItems: lines,
      notes: invoice.notes,
      internalNotes: invoice.internalNotes,
      retainer: retainer ? ctx.find('retainer', retainer.key).documentId : undefined,
      periodStart: period?.start,
      periodEnd: period?.end,
    });
    if (state === 'overdue') created = await ctx.update('invoice', created.documentId, { state: 'overdue' });
    ctx.remember('invoice', key, created);
    for (const plan of paid) payments.push({ invoice: key, plan });
  }

  payments.sort((a, b) => a.plan.receivedOn.localeCompare(b.plan.receivedOn));
  for (const { invoice: key, plan } of payments) {
    const invoice = ctx.find('invoice', key);
    await ctx.create('payment', {
      invoice: invoice.documentId,
      amount: plan.amount === 'balance' ? Number(invoice.balance) : plan.amount,
      receivedOn: plan.receivedOn,
      method: plan.method,
      reference: plan.reference,
    });
  }
};
