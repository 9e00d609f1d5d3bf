import { daysBetween, laterOf, spreadDays, type IsoDate } from './calendar';
import type { DemoContext } from './context';
import { billingPeriod } from './retainers';

interface Entry {
  hours: number;
  description: string;
  billable?: boolean;
}

interface Timesheet {
  retainer?: string;
  project?: string;
  /** Where the hours fall: this billing period, or a finished project's last weeks. */
  window(ctx: DemoContext): { from: IsoDate; to: IsoDate };
  entries: Entry[];
}

/** This month's part of a range, unless that leaves too few days to log a believable week. */
const thisMonth = (ctx: DemoContext, from: IsoDate) => {
  const { today, monthStart } = ctx.calendar;
  const inMonth = laterOf(from, monthStart);
  return { from: daysBetween(inMonth, today) >= 4 ? inMonth : from, to: today };
};

const currentPeriod = (key: string) => (ctx: DemoContext) =>
  thisMonth(ctx, billingPeriod(ctx.find('retainer', key), 1).start);

const sinceProjectStart = (key: string) => (ctx: DemoContext) =>
  thisMonth(ctx, ctx.find('project', key).startDate as IsoDate);

const timesheets: Timesheet[] = [
  {
    // 23.5 hours against 20 included: the admin panel shows the overrun.
    retainer: 'northwind-advisory',
    window: currentPeriod('northwind-advisory'),
    entries: [
      { hours: 3, description: 'Monthly operations review with Anna and the regional leads' },
      { hours: 2.5, description: 'Benchmarked the parcel carrier contracts up for renewal' },
      { hours: 4, description: 'Hamburg hub capacity analysis for the peak season' },
      { hours: 3.5, description: 'Reviewed the routing KPI dashboard with the planning team' },
      { hours: 2, description: 'Call with Jonas on the freight invoice reconciliation process' },
      { hours: 4.5, description: 'Peak-season staffing model, first version' },
      { hours: 3, description: 'Board memo on hub consolidation options' },
      { hours: 1, description: 'Follow-up questions from finance on the staffing model' },
    ],
  },
  {
    retainer: 'bluebird-coo',
    window: currentPeriod('bluebird-coo'),
    entries: [
      { hours: 2, description: 'Weekly leadership sync with Maya' },
      { hours: 3, description: 'Cash-flow forecast for the next two quarters' },
      { hours: 1.5, description: 'Reviewed freelancer rates against the market' },
      { hours: 2, description: 'Weekly leadership sync with Maya and Sam' },
    ],
  },
  {
    retainer: 'calder-practice',
    window: currentPeriod('calder-practice'),
    entries: [
      { hours: 3, description: 'Partners meeting: fee-earner utilisation report' },
      { hours: 2.5, description: 'Lock-up analysis: work in progress and debtor days' },
      { hours: 4, description: 'Drafted the practice management dashboard' },
      { hours: 2, description: 'Call with Tom on month-end billing' },
      { hours: 2.5, description: 'Reviewed the new starter checklist for trainees' },
    ],
  },
  {
    project: 'northwind-network',
    window: sinceProjectStart('northwind-network'),
    entries: [
      { hours: 6, description: 'Scenario modelling: Kassel and Erfurt consolidation' },
      { hours: 5.5, description: 'Validated transport costs with the carriers' },
      { hours: 4, description: 'Prepared the recommendation workshop deck' },
      { hours: 1.5, description: 'Internal review of the scenario model', billable: false },
    ],
  },
  {
    project: 'bluebird-playbook',
    window: sinceProjectStart('bluebird-playbook'),
    entries: [
      { hours: 4, description: 'Wrote chapter 2: staffing and scheduling' },
      { hours: 5, description: 'Wrote chapter 3: handoffs between producers and finance' },
      { hours: 2, description: 'Edited the draft after feedback from the producers' },
    ],
  },
  {
    project: 'calder-billing',
    window: ({ calendar }) => ({ from: calendar.day(-45), to: calendar.day(-14) }),
    entries: [
      { hours: 3, description: 'Reference calls with two firms using the shortlisted systems' },
      { hours: 6, description: 'Wrote the recommendation for the partners' },
    ],
  },
];

/** Hours logged by the firm against retainers and projects, on working days up to today. */
export const seedTimesheet = async (ctx: DemoContext) => {
  for (const sheet of timesheets) {
    const { from, to } = sheet.window(ctx);
    const days = spreadDays(from, to, sheet.entries.length);
    for (const [i, entry] of sheet.entries.entries()) {
      await ctx.create('time-entry', {
        date: days[i],
        hours: entry.hours,
        description: entry.description,
        billable: entry.billable ?? true,
        retainer: sheet.retainer ? ctx.find('retainer', sheet.retainer).documentId : undefined,
        project: sheet.project ? ctx.find('project', sheet.project).documentId : undefined,
        staff: ctx.staffId,
      });
    }
  }
};
