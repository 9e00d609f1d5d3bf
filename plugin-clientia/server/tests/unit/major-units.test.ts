import { majorUnitsText, parseMajorUnits } from '../../../shared/money';

describe('amounts typed in major units', () => {
  it.each([
    ['500', 'USD', '.', 50_000n],
    ['500', 'JPY', '.', 500n],
    ['1234.5', 'EUR', '.', 123_450n],
    ['1234,50', 'EUR', ',', 123_450n],
    ['1234,50', 'EUR', '.', 123_450n],
    ['1 234,50', 'EUR', ',', 123_450n],
    ['1.234,50', 'EUR', ',', 123_450n],
    ['1,234.50', 'USD', '.', 123_450n],
    ['1,234', 'USD', '.', 123_400n],
    ["12'000.05", 'CHF', '.', 1_200_005n],
    ['-20', 'EUR', '.', -2_000n],
    ['0.001', 'KWD', '.', 1n],
    ['1.500', 'EUR', '.', 150n],
    ['1.500', 'EUR', ',', 150_000n],
    [' 7 ', 'eur', '.', 700n],
  ])('reads %p %s (decimal %p) as %p minor units', (typed, currency, separator, minor) => {
    expect(parseMajorUnits(typed, currency, separator as '.' | ',')).toBe(minor);
  });

  it.each([
    ['', 'EUR'],
    ['abc', 'EUR'],
    ['12.345', 'EUR'],
    ['12.5', 'JPY'],
    ['1.2.3', 'EUR'],
    ['--5', 'EUR'],
    ['5-', 'EUR'],
    ['1e3', 'EUR'],
    ['.5', 'EUR'],
  ])('refuses %p in %s', (typed, currency) => {
    expect(parseMajorUnits(typed, currency)).toBeNull();
  });

  it.each([
    [123_450n, 'EUR', '1234.50'],
    [5n, 'EUR', '0.05'],
    [-5n, 'EUR', '-0.05'],
    [500, 'JPY', '500'],
    [1n, 'KWD', '0.001'],
  ])('writes %p %s as %p for an input', (minor, currency, text) => {
    expect(majorUnitsText(minor, currency)).toBe(text);
    expect(parseMajorUnits(text, currency)).toBe(BigInt(minor));
  });
});
