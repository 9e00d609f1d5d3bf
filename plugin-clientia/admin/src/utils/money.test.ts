import { currencyDigits, formatMoney, formatMoneyList, toMajorUnits } from './money';

describe('money from minor units', () => {
  it('knows how many minor units each currency has', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('usd')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('formats euro cents', () => {
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'en')).toBe('€1,234.56');
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'de')).toBe('1.234,56\u00a0€');
    expect(formatMoney({ amount: 5, currency: 'EUR' }, 'en')).toBe('€0.05');
  });

  it('formats yen, which has no minor unit, without dividing', () => {
    expect(toMajorUnits({ amount: 1500, currency: 'JPY' })).toBe(1500);
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'en')).toBe('¥1,500');
  });

  it('formats dollars, negative amounts included', () => {
    expect(formatMoney({ amount: 100000, currency: 'USD' }, 'en-US')).toBe('$1,000.00');
    expect(formatMoney({ amount: -2550, currency: 'USD' }, 'en-US')).toBe('-$25.50');
  });

  it('formats three-digit currencies to the fils', () => {
    expect(formatMoney({ amount: 1234, currency: 'KWD' }, 'en')).toBe('KWD\u00a01.234');
  });

  it('falls back to the plain amount for a code Intl does not know', () => {
    expect(formatMoney({ amount: 1999, currency: 'X1' }, 'en')).toBe('19.99 X1');
  });

  it('lists totals in several currencies', () => {
    expect(
      formatMoneyList(
        [
          { amount: 123456, currency: 'EUR' },
          { amount: 150000, currency: 'JPY' },
          { amount: 999, currency: 'USD' },
        ],
        'en'
      )
    ).toBe('€1,234.56 · ¥150,000 · $9.99');
  });
});
