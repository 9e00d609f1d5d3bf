import { addDays, addMonths, type Calendar, type IsoDate } from './calendar';
import type { DemoContext, Written } from './context';
import type { ClientSlug } from './firm';

type Interval = 'monthly' | 'quarterly' | 'yearly';

const MONTHS: Record<Interval, number> = { monthly: 1, quarterly: 3, yearly: 12 };

interface RetainerPlan {
  key: string;
  client: ClientSlug;
  contract: string;
  title: string;
  /** Minor units per period. */
  amount: number;
  interval: Interval;
  /** How many whole periods have run before the current one. */
  periodsRun: number;
  nextRunDate: IsoDate;
  includedHours: number;
  /** Minor units per hour beyond the included ones. */
  hourlyRate: number;
  internalNotes?: string;
}

const retainerPlans = ({ day }: Calendar): RetainerPlan[] => [
  {
    key: 'northwind-advisory',
    client: 'northwind-logistics',
    contract: 'northwind-msa',
    title: 'Logistics advisory retainer',
    amount: 650_000,
    interval: 'monthly',
    periodsRun: 7,
    nextRunDate: day(4),
    includedHours: 20,
    hourlyRate: 16_500,
    internalNotes: 'Hours beyond the 20 included are billed on the next invoice at the MSA rate.',
  },
  {
    key: 'bluebird-coo',
    client: 'bluebird-studio',
    contract: 'bluebird-msa',
    title: 'Fractional COO support',
    amount: 480_000,
    interval: 'monthly',
    periodsRun: 10,
    nextRunDate: day(18),
    includedHours: 12,
    hourlyRate: 22_000,
  },
  {
    key: 'calder-practice',
    client: 'calder-finch',
    contract: 'calder-retainer-agreement',
    title: 'Practice management advisory',
    amount: 900_000,
    interval: 'quarterly',
    periodsRun: 1,
    nextRunDate: day(47),
    includedHours: 36,
    hourlyRate: 18_000,
  },
];

/** The billing period `periodsBack` runs before the next one: 1 is the period running now. */
export const billingPeriod = (retainer: Written, periodsBack: number) => {
  const months = MONTHS[retainer.interval as Interval];
  const next = retainer.nextRunDate as IsoDate;
  return {
    start: addMonths(next, -months * periodsBack),
    end: addDays(addMonths(next, -months * (periodsBack - 1)), -1),
  };
};

export const seedRetainers = async (ctx: DemoContext) => {
  for (const { key, client, contract, periodsRun, ...retainer } of retainerPlans(ctx.calendar)) {
    const months = MONTHS[retainer.interval];
    const created = await ctx.create('retainer', {
      ...retainer,
      client: ctx.find('client', client).documentId,
      contract: ctx.find('contract', contract).documentId,
      startDate: addMonths(retainer.nextRunDate, -months * (periodsRun + 1)),
      state: 'active',
    });
    ctx.remember('retainer', key, created);
  }
};
