import { duePeriods, periodAt, periodIndexFrom, type RetainerSchedule } from '../../src/billing/schedule';

const schedule = (over: Partial<RetainerSchedule> = {}): RetainerSchedule => ({
  startDate: '2024-01-31',
  endDate: null,
  interval: 'monthly',
  anchor: 'start-date',
  prorate: false,
  ...over,
});
const starts = (s: RetainerSchedule, from: string, today: string) => duePeriods(s, from, today).map((p) => `${p.start}..${p.end}`);

describe('retainer billing periods', () => {
  it('steps monthly from the start date across month ends and a leap February, without drifting', () => {
    expect(starts(schedule(), '2024-01-31', '2024-05-31')).toEqual([
      '2024-01-31..2024-02-29',
      '2024-02-29..2024-03-31',
      '2024-03-31..2024-04-30',
      '2024-04-30..2024-05-31',
      '2024-05-31..2024-06-30',
    ]);
    expect(starts(schedule({ startDate: '2023-01-31' }), '2023-02-28', '2023-03-30')).toEqual(['2023-02-28..2023-03-31']);
  });

  it('steps quarterly and yearly, a yearly retainer from 29 February landing on 28 February', () => {
    expect(starts(schedule({ interval: 'quarterly', startDate: '2024-11-30' }), '2024-11-30', '2025-08-30')).toEqual([
      '2024-11-30..2025-02-28',
      '2025-02-28..2025-05-30',
      '2025-05-30..2025-08-30',
      '2025-08-30..2025-11-30',
    ]);
    expect(starts(schedule({ interval: 'yearly', startDate: '2024-02-29' }), '2024-02-29', '2028-03-01')).toEqual([
      '2024-02-29..2025-02-28',
      '2025-02-28..2026-02-28',
      '2026-02-28..2027-02-28',
      '2027-02-28..2028-02-29',
      '2028-02-29..2029-02-28',
    ]);
  });

  it('catches up every missed period in order, and nothing before the next run date', () => {
    const s = schedule({ startDate: '2026-01-15' });
    // Billed in advance: the period that started on 15 May is due too.
    expect(starts(s, '2026-02-15', '2026-05-20')).toEqual([
      '2026-02-15..2026-03-15',
      '2026-03-15..2026-04-15',
      '2026-04-15..2026-05-15',
      '2026-05-15..2026-06-15',
    ]);
    expect(starts(s, '2026-06-15', '2026-06-14')).toEqual([]);
    expect(duePeriods(s, '2026-02-15', '2026-05-20').map((p) => p.index)).toEqual([1, 2, 3, 4]);
  });

  it('follows calendar months with a partial first period, prorated by days when configured', () => {
    const calendar = schedule({ startDate: '2026-01-20', anchor: 'calendar', prorate: true });
    const [first, second] = duePeriods(calendar, '2026-01-20', '2026-02-01');
    expect(first).toMatchObject({ start: '2026-01-20', end: '2026-02-01', fullStart: '2026-01-01', fullEnd: '2026-02-01' });
    expect(first!.share).toBeCloseTo(12 / 31);
    expect(second).toMatchObject({ start: '2026-02-01', end: '2026-03-01', share: 1 });
    expect(periodAt({ ...calendar, prorate: false }, 0)!.share).toBe(1);
    const quarter = periodAt(schedule({ startDate: '2024-02-15', anchor: 'calendar', interval: 'quarterly', prorate: true }), 0)!;
    expect(quarter).toMatchObject({ start: '2024-02-15', end: '2024-04-01', fullStart: '2024-01-01' });
    expect(quarter.share).toBeCloseTo(46 / 91);
  });

  it('stops at the end date, prorating a last partial period when configured', () => {
    const ending = schedule({ startDate: '2026-01-01', endDate: '2026-03-15', prorate: true });
    const periods = duePeriods(ending, '2026-01-01', '2027-01-01');
    expect(periods.map((p) => `${p.start}..${p.end}`)).toEqual(['2026-01-01..2026-02-01', '2026-02-01..2026-03-01', '2026-03-01..2026-03-16']);
    expect(periods[2]!.share).toBeCloseTo(15 / 31);
    expect(periodAt(ending, 3)).toBeNull();
  });

  it('finds the period that starts on a date, or the next one', () => {
    const s = schedule({ startDate: '2026-01-31' });
    expect(periodIndexFrom(s, '2026-01-01')).toBe(0);
    expect(periodIndexFrom(s, '2026-01-31')).toBe(0);
    expect(periodIndexFrom(s, '2026-02-28')).toBe(1);
    expect(periodIndexFrom(s, '2026-03-01')).toBe(2);
    expect(periodIndexFrom(s, '2027-01-31')).toBe(12);
  });
});
