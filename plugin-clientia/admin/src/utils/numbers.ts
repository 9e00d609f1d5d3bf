/** The decimal separator of the staff member's language: "." in English, "," in German. */
export const decimalSeparatorOf = (locale: string): '.' | ',' => {
  try {
    return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
};

/** A number as it is typed in the staff member's language, without grouping: 1.5 → "1,5" in German. */
export const typedNumber = (value: number, locale: string) => {
  const text = String(value);
  return decimalSeparatorOf(locale) === ',' ? text.replace('.', ',') : text;
};

/** A plain decimal as typed ("7.5", "7,5", "12"): either separator is the decimal point; anything else is not a number. */
export const parseTypedDecimal = (typed: string): number | null => {
  const compact = typed.trim().replace(/\s+/g, '');
  if (!/^\d+([.,]\d+)?$/.test(compact)) return null;
  return Number(compact.replace(',', '.'));
};

