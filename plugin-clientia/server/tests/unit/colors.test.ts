import fc from 'fast-check';

import { AA_NORMAL_TEXT, adjustForContrast, contrastRatio, relativeLuminance } from '../../../shared/colors';

const hex = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

/** Hue of a #rrggbb in degrees, or null for a grey. */
const hueOf = (color: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return null;
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return h * 60;
};

/** Max minus min channel, 0 to 255. */
const chromaOf = (color: string) => {
  const channels = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return Math.max(...channels) - Math.min(...channels);
};

describe('adjustForContrast', () => {
  it('returns a colour that already meets the ratio exactly as given', () => {
    expect(adjustForContrast('#1f3a5f', '#ffffff')).toBe('#1f3a5f');
    expect(adjustForContrast('#1F3A5F', '#ffffff')).toBe('#1F3A5F');
    expect(adjustForContrast('#00ff00', '#111111')).toBe('#00ff00');
    expect(adjustForContrast('#767676', '#ffffff')).toBe('#767676');
  });

  it('darkens a light brand colour on white just enough for AA', () => {
    const adjusted = adjustForContrast('#f5d76e', '#ffffff');
    expect(adjusted).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastRatio(adjusted, '#ffffff')).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
    expect(contrastRatio(adjusted, '#ffffff')).toBeLessThan(AA_NORMAL_TEXT + 0.1);
    expect(relativeLuminance(adjusted)!).toBeLessThan(relativeLuminance('#f5d76e')!);
    expect(Math.abs(hueOf(adjusted)! - hueOf('#f5d76e')!)).toBeLessThan(3);
    // The classic: #777 is just below AA on white, #767676 just above it.
    expect(adjustForContrast('#777777', '#ffffff')).toBe('#767676');
  });

  it('lightens a dark colour on a dark background', () => {
    const adjusted = adjustForContrast('#1f3a5f', '#000000');
    expect(relativeLuminance(adjusted)!).toBeGreaterThan(relativeLuminance('#1f3a5f')!);
    expect(contrastRatio(adjusted, '#000000')).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
    expect(Math.abs(hueOf(adjusted)! - hueOf('#1f3a5f')!)).toBeLessThan(3);
  });

  it('takes another ratio when asked (AAA, large text)', () => {
    expect(contrastRatio(adjustForContrast('#c8963e', '#ffffff', 7), '#ffffff')).toBeGreaterThanOrEqual(7);
    expect(adjustForContrast('#949494', '#ffffff', 3)).toBe('#949494');
  });

  it('gives the extreme shade where no shade of the hue reaches the ratio', () => {
    expect(adjustForContrast('#777777', '#777777', 7)).toBe('#000000');
  });

  it('leaves what is not #rrggbb alone', () => {
    expect(adjustForContrast('blue', '#ffffff')).toBe('blue');
    expect(adjustForContrast('#12345', '#ffffff')).toBe('#12345');
    expect(adjustForContrast('#f5d76e', 'white')).toBe('#f5d76e');
  });

  it('always meets AA against white and black, keeping the hue and moving the right way', () => {
    fc.assert(
      fc.property(hex, fc.constantFrom('#ffffff', '#000000', '#f4f1ea', '#1b1b1b'), (color, against) => {
        const adjusted = adjustForContrast(color, against);
        expect(contrastRatio(adjusted, against)).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
        if (adjusted === color) return;
        expect(adjusted).toMatch(/^#[0-9a-f]{6}$/);
        const darker = relativeLuminance(against)! > 0.18;
        expect(relativeLuminance(adjusted)! < relativeLuminance(color)!).toBe(darker);
        // Rounding to 8 bits moves the hue of a shade with little colour left in it; judge the rest.
        if (chromaOf(adjusted) >= 24) {
          const diff = Math.abs(hueOf(color)! - hueOf(adjusted)!);
          expect(Math.min(diff, 360 - diff)).toBeLessThan(5);
        }
      }),
      { numRuns: 500 }
    );
  });
});
