import { rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { adjustForContrast, parseHex } from '../../../shared/colors';
import { winAnsiSafe, wrapText } from './text';

/** Page geometry, colours and text styles of every document, and the pen that sets text in the standard fonts. */
/** A4 portrait, in points. */
export const PAGE_WIDTH = 595.28;

export const PAGE_HEIGHT = 841.89;

export const LEFT = 50;

export const RIGHT = PAGE_WIDTH - 50;

export const CONTENT_WIDTH = RIGHT - LEFT;

export const TOP = PAGE_HEIGHT - 48;

export const FOOTER_BASELINE = 28;

const INK = rgb(0.11, 0.13, 0.16);

export const MUTED = rgb(0.4, 0.43, 0.48);

export const HAIRLINE = rgb(0.84, 0.86, 0.89);

export const WARNING = rgb(0.7, 0.11, 0.11);

export const GOOD = rgb(0.09, 0.45, 0.22);

/** When the firm has no usable colour: a dark slate that reads as neutral. */
const NEUTRAL_BRAND = '#1f2933';

export interface TextStyle {
  bold: boolean;
  size: number;
  color: RGB;
  /** Line height as a multiple of the size. */
  leading: number;
}

const styleTable = (brand: RGB) =>
  ({
    firmName: { bold: true, size: 16, color: brand, leading: 1.2 },
    firmBlockName: { bold: true, size: 9, color: INK, leading: 1.4 },
    firmBlock: { bold: false, size: 8.5, color: MUTED, leading: 1.4 },
    title: { bold: true, size: 20, color: brand, leading: 1.25 },
    subtitle: { bold: false, size: 10, color: MUTED, leading: 1.4 },
    badge: { bold: true, size: 10, color: MUTED, leading: 1.2 },
    heading: { bold: true, size: 10, color: brand, leading: 1.5 },
    label: { bold: false, size: 8.5, color: MUTED, leading: 1.45 },
    body: { bold: false, size: 9, color: INK, leading: 1.45 },
    strong: { bold: true, size: 9.5, color: INK, leading: 1.45 },
    tableHeader: { bold: true, size: 8, color: brand, leading: 1.3 },
    cell: { bold: false, size: 8.5, color: INK, leading: 1.35 },
    total: { bold: true, size: 10.5, color: INK, leading: 1.5 },
    due: { bold: true, size: 11.5, color: brand, leading: 1.5 },
    running: { bold: false, size: 8, color: MUTED, leading: 1.3 },
    footer: { bold: false, size: 7, color: MUTED, leading: 1.35 },
  }) satisfies Record<string, TextStyle>;

export type Styles = Record<keyof ReturnType<typeof styleTable>, TextStyle>;

/** The styles of a document; headings take the firm's colour. */
export const stylesFor = (brand: RGB): Styles => styleTable(brand);

/**
 * The firm's colour, darkened where it is too pale to read on white paper (3:1, the contrast asked
 * of large text: it colours headings and rules, not body text).
 */
export const brandColour = (hex: string | null): RGB => {
  const usable = hex !== null && parseHex(hex) !== null ? adjustForContrast(hex.trim(), '#ffffff', 3) : NEUTRAL_BRAND;
  const [red, green, blue] = parseHex(usable) ?? parseHex(NEUTRAL_BRAND)!;
  return rgb(red / 255, green / 255, blue / 255);
};

/**
 * Lines are wrapped slightly short of their column: the standard fonts are not embedded, and the
 * viewer's Helvetica (or its substitute) may be a few percent wider than pdf-lib's metrics.
 */
const WRAP_SLACK = 0.97;

/** A value that does not fit its column is set smaller, down to this size, before it is cut. */
const SMALLEST_SIZE = 6;

/** Sets text in Helvetica: every string made drawable, measured, wrapped or fitted. */
export class Pen {
  private readonly characters: ReadonlySet<number>;

  constructor(
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.characters = new Set(regular.getCharacterSet());
  }

  font(style: TextStyle) {
    return style.bold ? this.bold : this.regular;
  }

  canDraw = (text: string) => [...text].every((char) => this.characters.has(char.codePointAt(0)!));

  /** One line of text the font can draw. */
  safe(text: string) {
    return winAnsiSafe(text, this.characters);
  }

  width(text: string, style: TextStyle) {
    return this.font(style).widthOfTextAtSize(text, style.size);
  }

  /** Multi-line text ('\n' between lines) wrapped to the width, at most `maxLines` lines, the last one ending in '…' when cut. */
  lines(text: string, style: TextStyle, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
    const measure = (line: string) => this.width(line, style);
    const lines = text
      .split(/\r\n|\r|\n/)
      .map((paragraph) => this.safe(paragraph).trim())
      .flatMap((paragraph) => wrapText(paragraph, width * WRAP_SLACK, measure));
    // Blank lines at either end say nothing; in the middle they separate paragraphs.
    while (lines.length > 1 && lines.at(-1) === '') lines.pop();
    while (lines.length > 1 && lines[0] === '') lines.shift();
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = this.cut(`${kept[maxLines - 1]} ${lines[maxLines]}`, style, width);
    return kept;
  }

  /** A drawable line shortened with '…' until it fits the width. */
  cut(text: string, style: TextStyle, width: number) {
    let line = text;
    while (line.length > 0 && this.width(`${line}\u2026`, style) > width * WRAP_SLACK) line = [...line].slice(0, -1).join('');
    return `${line.trimEnd()}\u2026`;
  }

  /** One line in a column: set smaller when too wide (amounts must stay whole), cut as a last resort. */
  fit(text: string, style: TextStyle, width: number): { text: string; style: TextStyle } {
    const line = this.safe(text);
    const natural = this.width(line, style);
    if (natural <= width * WRAP_SLACK) return { text: line, style };
    const size = Math.max(SMALLEST_SIZE, Math.floor(((style.size * width * WRAP_SLACK) / natural) * 10) / 10);
    const smaller = { ...style, size };
    return this.width(line, smaller) <= width * WRAP_SLACK ? { text: line, style: smaller } : { text: this.cut(line, smaller, width), style: smaller };
  }
}

/** Lines of text that are already wrapped and drawable, each in its own style. */
export type TextRun = { text: string; style: TextStyle };

export const runs = (lines: string[], style: TextStyle): TextRun[] => lines.map((text) => ({ text, style }));

export const runsHeight = (lines: TextRun[]) => lines.reduce((height, line) => height + line.style.size * line.style.leading, 0);

/** Draws the lines downwards from `top`, left-aligned at `x` or right-aligned to `x`; returns the height used. */
export const drawRuns = (page: PDFPage, pen: Pen, lines: TextRun[], x: number, top: number, align: 'left' | 'right' = 'left') => {
  let y = top;
  for (const { text, style } of lines) {
    const baseline = y - style.size;
    const left = align === 'right' ? x - pen.width(text, style) : x;
    if (text.length > 0) page.drawText(text, { x: left, y: baseline, size: style.size, font: pen.font(style), color: style.color });
    y -= style.size * style.leading;
  }
  return top - y;
};
