/**
 * WCAG 2.x contrast, shared by the admin's branding preview (a warning, and the colour the
 * portal will use instead) and the portal (which adjusts a brand colour that fails AA).
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
/** Below this luminance a background is dark: black text on it has less contrast than white text. */
const DARK_BELOW = Math.sqrt(1.05 * 0.05) - 0.05;

const toHsl = ([r, g, b]: [number, number, number]): [number, number, number] => {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h / 6, s, l];
};

const toHex = (h: number, s: number, l: number) => {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channelOf = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    const v = u < 1 / 6 ? p + (q - p) * 6 * u : u < 1 / 2 ? q : u < 2 / 3 ? p + (q - p) * (2 / 3 - u) * 6 : p;
    return Math.round(v * 255);
  };
  return `#${[channelOf(h + 1 / 3), channelOf(h), channelOf(h - 1 / 3)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
};

/**
 * The brand colour as the portal draws it against `against`: `color` itself when it already has
 * `minRatio` contrast; otherwise the closest shade of the same hue and saturation that does,
 * darker on a light background and lighter on a dark one (lowercase #rrggbb). Where no shade of
 * that hue gets there (a mid-grey background and a ratio above AA), the darkest or lightest one.
 * Anything that is not #rrggbb comes back as it was: the caller's validation reports it.
 */
export const adjustForContrast = (color: string, against: string, minRatio = AA_NORMAL_TEXT): string => {
  const rgb = parseHex(color);
  const background = relativeLuminance(against);
  if (!rgb || background === null) return color;
  const passes = (hex: string) => (contrastRatio(hex, against) ?? 0) >= minRatio;
  if (passes(color)) return color;

  const [h, s, l] = toHsl(rgb);
  const lighten = background < DARK_BELOW;
  // Lightness moves luminance one way only, so a binary search finds the boundary; `good` is
  // always a lightness whose rounded colour passes, and `bad` one whose colour fails.
  let good = lighten ? 1 : 0;
  let bad = l;
  if (!passes(toHex(h, s, good))) return toHex(h, s, good);
  for (let i = 0; i < 24; i += 1) {
    const mid = (good + bad) / 2;
    if (passes(toHex(h, s, mid))) good = mid;
    else bad = mid;
  }
  return toHex(h, s, good);
};
