import { creditShares, invoiceTotals, lineTotals, parseLineItems, toMinor } from '../../src/domain/money';
import { formatNumber } from '../../src/domain/numbering';

describe('document numbers', () => {
  const date = new Date('2027-03-09T10:00:00Z');
  it.each([
    ['INV-{YYYY}-{SEQ:4}', 42, 'INV-2027-0042'],
    ['{YY}{MM}/{SEQ}', 7, '2703/7'],
    ['R{YYYY}.{SEQ:2}', 123, 'R2027.123'],
  ])('%s with %i gives %s', (format, sequence, expected) => {
    expect(formatNumber(format, date, sequence)).toBe(expected);
  });
});

describe('money in minor units', () => {
  it('rounds each line half away from zero, tax on the rounded net', () => {
    expect(lineTotals({ description: 'a', quantity: 1.5, unitPrice: 1001, taxRate: 7 })).toEqual({ net: 1502n, tax: 105n });
    expect(lineTotals({ description: 'b', quantity: 1, unitPrice: -250, taxRate: 19 })).toEqual({ net: -250n, tax: -48n });
    expect(lineTotals({ description: 'c', quantity: 0.001, unitPrice: 500, taxRate: 0 })).toEqual({ net: 1n, tax: 0n });
  });

  it('adds up exactly where binary floating point would not', () => {
    const lines = parseLineItems(Array.from({ length: 10 }, () => ({ description: 'x', quantity: 1, unitPrice: 10, taxRate: 0 })));
    // 10 × 0.10 in floating point is 0.9999999999999999; in cents it is 100.
    expect(invoiceTotals(lines, [30n]).total).toBe(100n);
    expect(invoiceTotals(lines, [30n]).balance).toBe(70n);
  });

  it('handles amounts beyond 32-bit integers', () => {
    const lines = parseLineItems([{ description: 'Acquisition advisory', quantity: 1, unitPrice: 9_000_000_000_00, taxRate: 19 }]);
    expect(invoiceTotals(lines, []).total).toBe(1_071_000_000_000n);
  });

  it('reads big integers as each database returns them', () => {
    expect(toMinor('123456789012')).toBe(123456789012n);
    expect(toMinor(42)).toBe(42n);
    expect(toMinor(null)).toBe(0n);
    expect(() => toMinor('12.5')).toThrow();
    expect(() => toMinor(0.1)).toThrow();
  });
});

describe('credit notes against an invoice', () => {
  it('take off what is still open, oldest first, and leave the rest with the client', () => {
    // 1,000.00 billed, nothing paid: both credits fit.
    expect(creditShares(100000n, 0n, [20000n, 30000n])).toEqual([20000n, 30000n]);
    // 900.00 paid: 100.00 is open, the first credit takes it, the second none.
    expect(creditShares(100000n, 90000n, [20000n, 30000n])).toEqual([10000n, 0n]);
    // Paid in full: every credit is the client's.
    expect(creditShares(100000n, 100000n, [5000n])).toEqual([0n]);
    expect(creditShares(100000n, 0n, [])).toEqual([]);
  });
});
