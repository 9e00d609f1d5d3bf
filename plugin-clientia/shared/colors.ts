/**
 * WCAG 2.x contrast, shared by the admin's branding preview (a warning) and the portal (which
 * adjusts a brand colour that fails AA against white text).
 */
const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

export const parseHex = (hex: string): [number, number, number] | null => {
  const match = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const n = parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

export const relativeLuminance = (hex: string) => {
  const rgb = parseHex(hex);
  if (!rgb) return null;
  const [r, g, b] = rgb.map(channel);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

export const contrastRatio = (a: string, b: string) => {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  if (la === null || lb === null) return null;
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
};

/** AA for normal text is 4.5:1. */
export const AA_NORMAL_TEXT = 4.5;

export const meetsAA = (foreground: string, background: string) => (contrastRatio(foreground, background) ?? 0) >= AA_NORMAL_TEXT;
