import type { Core } from '@strapi/strapi';

import { asSystem } from '../audit/actor';
import { UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { isoDate, numberOrNull, relation, text, textOrNull, type Row } from '../repositories/rows';
import { documents, lockRow, records } from '../repositories/records';
import { claimPeriod, recordInvoice } from './claims';
import { billableHours } from './hours';
import { remindOverdue } from './notices';
import { addDays, daysBetween, duePeriods, periodAt, type BillingInterval, type BillingPeriod, type RetainerSchedule } from './schedule';

interface BillingRun {
  /** documentIds of the invoices this run made. */
  invoices: string[];
  /** Periods another run (or an invoice made by hand) had billed already. */
  skipped: number;
  failed: { retainer: string; message: string }[];
}

export const todayUtc = () => new Date().toISOString().slice(0, 10);

const RETAINER_FIELDS = ['id', 'documentId', 'title', 'amount', 'currency', 'interval', 'startDate', 'endDate', 'nextRunDate', 'includedHours', 'hourlyRate', 'taxRate', 'lineTemplate'];

const scheduleOf = (strapi: Core.Strapi, retainer: Row): RetainerSchedule => ({
  startDate: isoDate(retainer.startDate)!,
  endDate: isoDate(retainer.endDate),
  interval: (text(retainer.interval) || 'monthly') as BillingInterval,
  anchor: pluginConfig(strapi, 'billingAnchor'),
  prorate: pluginConfig(strapi, 'prorateBilling'),
});

/** "1–31 Jan 2026" in the client's language; the period's end is exclusive, the label's inclusive. */
const periodLabel = (period: Pick<BillingPeriod, 'start' | 'end'>, locale: string) => {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const label = format.formatRange(new Date(`${period.start}T00:00:00Z`), new Date(`${addDays(period.end, -1)}T00:00:00Z`));
  // ICU puts thin and narrow spaces around the dash; an invoice line keeps to plain ones.
  return label.replace(/[\u2009\u202f\u00a0]/g, ' ');
};

const hoursIn = async (strapi: Core.Strapi, retainerId: number, period: BillingPeriod) =>
  billableHours(
    await records(strapi, UID.timeEntry).findMany({
      select: ['hours', 'billable'],
      where: { retainer: { id: retainerId }, date: { $gte: period.start, $lt: period.end } },
    })
  );

/** The retainer's own line, prorated when the period is partial, and last period's hours over the included ones. */
const linesFor = async (strapi: Core.Strapi, retainer: Row, schedule: RetainerSchedule, period: BillingPeriod, locale: string) => {
  const taxRate = numberOrNull(retainer.taxRate) ?? 0;
  const amount = Number(retainer.amount ?? 0);
  const partial = period.share < 1 ? ` (${daysBetween(period.start, period.end)}/${daysBetween(period.fullStart, period.fullEnd)})` : '';
  const description = (text(retainer.lineTemplate) || '{title}, {period}')
    .replaceAll('{title}', text(retainer.title))
    .replaceAll('{period}', periodLabel(period, locale));
  const lines = [{ description: `${description}${partial}`.slice(0, 500), quantity: 1, unitPrice: Math.round(amount * period.share), taxRate }];

  const included = numberOrNull(retainer.includedHours);
  const rate = numberOrNull(retainer.hourlyRate);
  const previous = period.index > 0 ? periodAt(schedule, period.index - 1) : null;
  if (previous && included !== null && rate) {
    const over = Math.round(((await hoursIn(strapi, Number(retainer.id), previous)) - included) * 100) / 100;
    if (over > 0) {
      lines.push({ description: `Hours over the ${included} h included, ${periodLabel(previous, locale)}`, quantity: over, unitPrice: rate, taxRate });
    }
  }
  return lines;
};

/**
 * Bills one period: the claim, the invoice and the retainer's next run date in one transaction.
 * Returns the invoice's documentId, or null when the period was billed already.
 */
const billPeriod = async (strapi: Core.Strapi, retainer: Row, client: Row, schedule: RetainerSchedule, period: BillingPeriod, today: string) =>
  strapi.db.transaction(async ({ trx }) => {
    const retainerId = Number(retainer.id);
    // Time entries take the same lock before they change: the hours counted here stay as counted.
    await lockRow(strapi, trx, strapi.db.metadata.get(UID.retainer as never).tableName, retainerId);
    const moveOn = () => records(strapi, UID.retainer).update({ where: { id: retainerId }, data: { nextRunDate: period.end } });
    if (!(await claimPeriod(trx, retainerId, period.start))) return null;
    // An invoice for the period made some other way (by hand, imported) counts as the bill.
    const existing = await records(strapi, UID.invoice).findOne({
      select: ['id'],
      where: { retainer: { id: retainerId }, periodStart: period.start, state: { $ne: 'void' } },
    });
    if (existing) {
      await recordInvoice(trx, retainerId, period.start, Number(existing.id));
      await moveOn();
      return null;
    }
    const locale = textOrNull(client.preferredLocale) ?? pluginConfig(strapi, 'defaultLocale');
    const state = pluginConfig(strapi, 'retainerInvoiceState');
    const lineItems = await linesFor(strapi, retainer, schedule, period, locale);
    const invoice = await asSystem(() =>
      documents(strapi, UID.invoice).create({
        data: {
          client: text(client.documentId),
          retainer: text(retainer.documentId),
          currency: text(retainer.currency) || text(client.currency) || pluginConfig(strapi, 'defaultCurrency'),
          periodStart: period.start,
          periodEnd: addDays(period.end, -1),
          lineItems,
          state,
          ...(state === 'issued' ? { issueDate: today } : {}),
        },
      })
    );
    await recordInvoice(trx, retainerId, period.start, Number(invoice.id));
    await moveOn();
    return text(invoice.documentId);
  });

/**
 * Makes every invoice that active retainers owe as of `today`: each due period once, oldest first,
 * catching up all the periods a stopped server missed. Safe to run in several processes at once
 * and to run again after a crash: the period claims decide.
 */
export const billRetainers = async (strapi: Core.Strapi, today = todayUtc()): Promise<BillingRun> => {
  const run: BillingRun = { invoices: [], skipped: 0, failed: [] };
  const retainers = await records(strapi, UID.retainer).findMany({
    select: RETAINER_FIELDS,
    where: { state: 'active', nextRunDate: { $notNull: true, $lte: today }, startDate: { $notNull: true } },
    populate: { client: { select: ['id', 'documentId', 'currency', 'preferredLocale'] } },
    orderBy: [{ nextRunDate: 'asc' }, { id: 'asc' }],
  });
  for (const retainer of retainers) {
    const client = relation(retainer, 'client');
    if (!client) continue;
    const schedule = scheduleOf(strapi, retainer);
    try {
      const periods = duePeriods(schedule, isoDate(retainer.nextRunDate)!, today);
      for (const period of periods) {
        const invoice = await billPeriod(strapi, retainer, client, schedule, period, today);
        if (invoice) run.invoices.push(invoice);
        else run.skipped += 1;
      }
      // Past the end date there is nothing left to bill.
      const last = periods[periods.length - 1];
      if (last && !periodAt(schedule, last.index + 1)) {
        await records(strapi, UID.retainer).update({ where: { id: Number(retainer.id) }, data: { nextRunDate: null } });
      }
    } catch (error) {
      const message = (error as Error).message;
      run.failed.push({ retainer: text(retainer.documentId), message });
      strapi.log.error(`[clientia] billing retainer ${text(retainer.documentId)} failed: ${message}`);
    }
  }
  return run;
};

/** Issued invoices past their due date become overdue; the activity log records each. */
export const markOverdue = async (strapi: Core.Strapi, today = todayUtc()): Promise<string[]> => {
  const due = await records(strapi, UID.invoice).findMany({ select: ['id', 'documentId'], where: { state: 'issued', dueDate: { $lt: today } } });
  const moved: string[] = [];
  for (const invoice of due) {
    try {
      await strapi.db.transaction(async () => {
        await asSystem(() => documents(strapi, UID.invoice).update({ documentId: text(invoice.documentId), data: { state: 'overdue' } }));
        await remindOverdue(strapi, Number(invoice.id));
      });
      moved.push(text(invoice.documentId));
    } catch (error) {
      strapi.log.error(`[clientia] invoice ${text(invoice.documentId)} could not be marked overdue: ${(error as Error).message}`);
    }
  }
  return moved;
};
