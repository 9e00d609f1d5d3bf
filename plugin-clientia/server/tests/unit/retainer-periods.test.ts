import { periodOn, type BillingInterval } from '../../src/billing/schedule';
import { addMonths } from '../../src/domain/calendar';

describe('retainer periods', () => {
  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it.each([
    ['2026-01-15', 'monthly', '2026-11-20', '2026-11-15', '2026-12-15'],
    ['2026-01-15', 'monthly', '2026-11-14', '2026-10-15', '2026-11-15'],
    ['2026-01-15', 'monthly', '2026-11-15', '2026-11-15', '2026-12-15'],
    ['2026-01-31', 'monthly', '2026-03-30', '2026-02-28', '2026-03-31'],
    ['2026-01-31', 'monthly', '2026-03-31', '2026-03-31', '2026-04-30'],
    ['2025-02-01', 'quarterly', '2026-11-20', '2026-11-01', '2027-02-01'],
    ['2024-06-30', 'yearly', '2026-06-29', '2025-06-30', '2026-06-30'],
    ['2027-01-01', 'monthly', '2026-11-20', '2027-01-01', '2027-02-01'],
  ])('a %s %s retainer on %s is in the period [%s, %s)', (start, interval, today, from, to) => {
    const period = periodOn({ startDate: start, endDate: null, interval: interval as BillingInterval, anchor: 'start-date', prorate: false }, today);
    expect({ start: period.start, end: period.end }).toEqual({ start: from, end: to });
  });
});

describe('the period a day falls in, on calendar periods and after the end', () => {
  it('uses the partial first calendar period and the period of the end date once the retainer is over', () => {
    const calendar = { startDate: '2026-01-20', endDate: '2026-04-10', interval: 'monthly' as const, anchor: 'calendar' as const, prorate: false };
    expect(periodOn(calendar, '2026-01-25')).toMatchObject({ start: '2026-01-20', end: '2026-02-01' });
    expect(periodOn(calendar, '2026-03-01')).toMatchObject({ start: '2026-03-01', end: '2026-04-01' });
    expect(periodOn(calendar, '2026-09-01')).toMatchObject({ start: '2026-04-01', end: '2026-04-11' });
  });
});
