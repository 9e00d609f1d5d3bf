/**
 * Text for PDF pages drawn with the standard fonts: they carry only the WinAnsi characters, and
 * drawing any other character throws. Names and user agents come from people all over the world,
 * so every string is made drawable first, and lines are measured and wrapped here because the
 * standard fonts give widths but no layout.
 */

/** Measures a line of text in points, in the font and size it will be drawn in. */
type MeasureText = (text: string) => number;

/**
 * Latin letters that have no decomposition in Unicode (NFKD leaves them whole) but an obvious
 * base letter; without this 'Łukasz' would print as '?ukasz'.
 */
const UNDECOMPOSABLE_LATIN: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  Ŧ: 'T',
  ŧ: 't',
  ĸ: 'k',
};

const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;
/** Control and invisible formatting characters (zero-width spaces, direction marks, soft hyphens). */
const INVISIBLE = /^[\p{Cc}\p{Cf}]+$/u;
const COMBINING_MARKS = /\p{M}/gu;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

const drawable = (text: string, supported: ReadonlySet<number>) => {
  for (const char of text) {
    if (!supported.has(char.codePointAt(0)!)) return false;
  }
  return true;
};

/**
 * The text with every character the font can draw kept as it is, others replaced by their base
 * letters where Unicode decomposes them (or the short list above), and anything else (Cyrillic,
 * CJK, emoji, ...) by '?', one per visible character. Line breaks become spaces.
 */
export const winAnsiSafe = (text: string, supported: ReadonlySet<number>): string => {
  let safe = '';
  for (const { segment } of graphemes.segment(text.replace(LINE_BREAKS, ' '))) {
    const composed = segment.normalize('NFC');
    if (drawable(composed, supported)) {
      safe += composed;
      continue;
    }
    if (INVISIBLE.test(segment)) continue;
    const base = [...composed.normalize('NFKD').replace(COMBINING_MARKS, '')].map((char) => UNDECOMPOSABLE_LATIN[char] ?? char).join('');
    safe += base.length > 0 && drawable(base, supported) ? base : '?';
  }
  return safe;
};

/** Splits a word that is wider than the line on its own, as late as possible on each line. */
const breakWord = (word: string, width: number, measure: MeasureText): string[] => {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece.length > 0 && measure(piece + char) > width) {
      pieces.push(piece);
      piece = char;
    } else {
      piece += char;
    }
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
};

/**
 * The text in lines no wider than `width`: broken at spaces, and inside a word only where the word
 * alone does not fit (hashes, URLs, user agents). Always at least one line.
 */
export const wrapText = (text: string, width: number, measure: MeasureText): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((part) => part.length > 0)) {
    const candidate = line.length > 0 ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line.length > 0) lines.push(line);
    if (measure(word) <= width) {
      line = word;
      continue;
    }
    const pieces = breakWord(word, width, measure);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? '';
  }
  lines.push(line);
  return lines;
};

const ELLIPSIS = '\u2026';

/**
 * Wrapped like `wrapText`, but at most `maxLines` lines; when the text is longer the last line ends
 * in an ellipsis, so a reader sees it was shortened.
 */
export const wrapTextWithin = (text: string, width: number, maxLines: number, measure: MeasureText): string[] => {
  const lines = wrapText(text, width, measure);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]!} ${lines[maxLines]!}`;
  while (last.length > 0 && measure(last + ELLIPSIS) > width) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = last.trimEnd() + ELLIPSIS;
  return kept;
};
