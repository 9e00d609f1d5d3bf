/**
 * Document numbers from a firm's format, e.g. "INV-{YYYY}-{SEQ:4}" → INV-2026-0042.
 * Tokens: {YYYY}, {YY}, {MM}, {SEQ} and {SEQ:n} (zero-padded to n digits). The sequence restarts
 * every year, so a format must contain {YYYY} or {YY} and exactly one {SEQ}.
 */
const TOKEN = /\{(YYYY|YY|MM|SEQ(?::(\d{1,2}))?)\}/g;

export const validateNumberFormat = (format: string): string | null => {
  if (typeof format !== 'string' || !format.trim()) return 'must be a non-empty text';
  if (format.length > 40) return 'must be at most 40 characters';
  const seqCount = (format.match(/\{SEQ(?::\d{1,2})?\}/g) ?? []).length;
  if (seqCount !== 1) return 'must contain exactly one {SEQ} or {SEQ:n}';
  if (!/\{YYYY\}|\{YY\}/.test(format)) return 'must contain {YYYY} or {YY}: numbers restart every year';
  const leftover = format.replace(TOKEN, '');
  if (/[{}]/.test(leftover)) return 'has an unknown {token}; known: {YYYY}, {YY}, {MM}, {SEQ}, {SEQ:n}';
  if (!/^[A-Za-z0-9/_.-]*$/.test(leftover)) return 'may only contain letters, digits, / _ . - besides tokens';
  return null;
};

export const formatNumber = (format: string, date: Date, sequence: number): string =>
  format.replace(TOKEN, (_match, token: string, width?: string) => {
    const year = date.getUTCFullYear();
    if (token === 'YYYY') return String(year);
    if (token === 'YY') return String(year % 100).padStart(2, '0');
    if (token === 'MM') return String(date.getUTCMonth() + 1).padStart(2, '0');
    return String(sequence).padStart(width ? Number(width) : 1, '0');
  });
