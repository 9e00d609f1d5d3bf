/**
 * What the invoice and the statement of account have in common: the firm's letterhead, text set in
 * the standard fonts, pages that continue with a short header, tables whose header row repeats on
 * every page, the footer with page numbers, and metadata that names the firm and nothing else.
 * Everything here is deterministic: no clock, no randomness, so the same input gives the same bytes.
 */
import { createHash } from 'node:crypto';

import { PDFDocument, PDFHexString, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';

import { adjustForContrast, parseHex } from '../../../shared/colors';
import { winAnsiSafe, wrapText } from '../signing/pdf-text';
import { calendarDate, documentFormats, type DocumentFormats, type DocumentLanguage } from './money-text';

/* ----- what the documents are given ----- */

export interface FirmOnDocuments {
  name: string;
  /** Multi-line, '\n' separated. */
  address: string | null;
  taxId: string | null;
  /** Support address. */
  email: string | null;
  /** Portal URL. */
  website: string | null;
  /** '#RRGGBB'; headings and rules; a dark neutral when null or invalid. */
  primaryColor: string | null;
  /** Drawn top-left, scaled to fit 160x48 pt; a logo that cannot be decoded is left out. */
  logo: { bytes: Uint8Array; mime: 'image/png' | 'image/jpeg' } | null;
  /** E.g. bank details, multi-line. */
  paymentInstructions: string | null;
  /** Legal text, small print at the bottom of every page. */
  footer: string | null;
}

export interface BilledClient {
  name: string;
  legalName: string | null;
  billingAddress: string | null;
  taxId: string | null;
  email: string | null;
}

export interface DocumentLocale {
  /** BCP 47, e.g. 'en-US', 'de-DE', 'de'. */
  locale: string;
}

/* ----- labels ----- */

const ENGLISH = {
  invoice: 'Invoice',
  statement: 'Statement of account',
  continued: '(continued)',
  draft: 'DRAFT',
  void: 'VOID',
  paidBadge: 'PAID',
  overdueBadge: 'OVERDUE',
  billTo: 'Bill to',
  invoiceNumber: 'Invoice number',
  issueDate: 'Issue date',
  dueDate: 'Due date',
  period: 'Service period',
  asOf: 'As of',
  taxId: 'Tax ID',
  email: 'Email',
  web: 'Web',
  description: 'Description',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  taxRate: 'Tax',
  amount: 'Amount',
  subtotal: 'Subtotal',
  tax: 'Tax',
  total: 'Total',
  paid: 'Paid',
  balanceDue: 'Balance due',
  credit: 'Credit balance',
  notes: 'Notes',
  paymentInstructions: 'Payment instructions',
  openInvoices: 'Open invoices',
  noOpenInvoices: 'No open invoices.',
  number: 'Number',
  status: 'Status',
  overdue: 'Overdue',
  balance: 'Balance',
  activity: 'Account activity',
  noActivity: 'No account activity.',
  date: 'Date',
  type: 'Type',
  reference: 'Reference',
  payment: 'Payment',
  openingBalance: 'Opening balance',
  closingBalance: 'Closing balance',
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
};

export type Labels = typeof ENGLISH;

const GERMAN: Labels = {
  invoice: 'Rechnung',
  statement: 'Kontoauszug',
  continued: '(Fortsetzung)',
  draft: 'ENTWURF',
  void: 'STORNIERT',
  paidBadge: 'BEZAHLT',
  overdueBadge: 'ÜBERFÄLLIG',
  billTo: 'Rechnungsempfänger',
  invoiceNumber: 'Rechnungsnummer',
  issueDate: 'Rechnungsdatum',
  dueDate: 'Fällig am',
  period: 'Leistungszeitraum',
  asOf: 'Stand',
  taxId: 'Steuernummer',
  email: 'E-Mail',
  web: 'Web',
  description: 'Beschreibung',
  quantity: 'Menge',
  unitPrice: 'Einzelpreis',
  taxRate: 'Steuer',
  amount: 'Betrag',
  subtotal: 'Zwischensumme',
  tax: 'Steuer',
  total: 'Gesamt',
  paid: 'Bezahlt',
  balanceDue: 'Offener Betrag',
  credit: 'Guthaben',
  notes: 'Anmerkungen',
  paymentInstructions: 'Zahlungsinformationen',
  openInvoices: 'Offene Rechnungen',
  noOpenInvoices: 'Keine offenen Rechnungen.',
  number: 'Nummer',
  status: 'Status',
  overdue: 'Überfällig',
  balance: 'Saldo',
  activity: 'Kontobewegungen',
  noActivity: 'Keine Kontobewegungen.',
  date: 'Datum',
  type: 'Art',
  reference: 'Referenz',
  payment: 'Zahlung',
  openingBalance: 'Anfangssaldo',
  closingBalance: 'Endsaldo',
  page: (page, pages) => `Seite ${page} von ${pages}`,
};

const LABELS: Record<DocumentLanguage, Labels> = { en: ENGLISH, de: GERMAN };

/* ----- page geometry and styles ----- */

/** A4 portrait, in points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const LEFT = 50;
export const RIGHT = PAGE_WIDTH - 50;
export const CONTENT_WIDTH = RIGHT - LEFT;
const TOP = PAGE_HEIGHT - 48;
const FOOTER_BASELINE = 28;

const LOGO_BOX = { width: 160, height: 48 };

export const INK = rgb(0.11, 0.13, 0.16);
export const MUTED = rgb(0.4, 0.43, 0.48);
export const HAIRLINE = rgb(0.84, 0.86, 0.89);
export const WARNING = rgb(0.7, 0.11, 0.11);
const GOOD = rgb(0.09, 0.45, 0.22);

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

/* ----- text ----- */

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

/* ----- pages ----- */

/**
 * The pages of one document and the position on the current one. Content runs from the top margin
 * down to `bottom` (above the footer); a page after the first opens with the continuation header.
 */
export class Sheet {
  readonly pages: PDFPage[] = [];
  page: PDFPage;
  /** Top of the next content, in PDF coordinates (points from the bottom edge). */
  y = TOP;

  constructor(
    private readonly document: PDFDocument,
    readonly pen: Pen,
    readonly bottom: number,
    private readonly continuation: (sheet: Sheet) => void,
  ) {
    this.page = this.addPage();
  }

  private addPage() {
    const page = this.document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(page);
    this.page = page;
    this.y = TOP;
    return page;
  }

  newPage() {
    this.addPage();
    this.continuation(this);
  }

  /** Whether content of this height still fits on the current page. */
  fits(height: number) {
    return this.y - height >= this.bottom;
  }

  /** Starts a new page unless the height fits on this one. */
  ensure(height: number) {
    if (!this.fits(height)) this.newPage();
  }

  gap(points: number) {
    this.y -= points;
  }

  /** Lines at the cursor, which then moves below them. */
  write(lines: TextRun[], x = LEFT, align: 'left' | 'right' = 'left') {
    this.y -= drawRuns(this.page, this.pen, lines, x, this.y, align);
  }

  rule(from = LEFT, to = RIGHT, color: RGB = HAIRLINE, thickness = 0.5) {
    this.page.drawLine({ start: { x: from, y: this.y }, end: { x: to, y: this.y }, thickness, color });
  }
}

/** A heading followed by multi-line text, flowing onto further pages; the heading stays with its first lines. */
export const writeSection = (sheet: Sheet, styles: Styles, heading: string, text: string) => {
  const lines = sheet.pen.lines(text, styles.body, CONTENT_WIDTH);
  const headingRun = runs(sheet.pen.lines(heading, styles.heading, CONTENT_WIDTH, 1), styles.heading);
  const lineHeight = styles.body.size * styles.body.leading;
  sheet.ensure(runsHeight(headingRun) + Math.min(lines.length, 3) * lineHeight);
  sheet.write(headingRun);
  for (const line of lines) {
    sheet.ensure(lineHeight);
    sheet.write([{ text: line, style: styles.body }]);
  }
};

/* ----- tables ----- */

export interface Column {
  header: string;
  /** Points; 0 for the one column that takes the rest of the width. */
  width: number;
  align: 'left' | 'right';
  /** Wrapped onto several lines (descriptions); other columns keep one line and shrink to fit. */
  wrap?: boolean;
}

export interface Row {
  cells: string[];
  /** Per row; a cell may override it. */
  style?: TextStyle;
  cellStyles?: (TextStyle | undefined)[];
  /** A rule above the row in this colour (closing rows). */
  ruleAbove?: RGB;
}

const CELL_PADDING_X = 4;
const CELL_PADDING_Y = 3.5;
/** The longest a wrapped cell gets; the rest is cut with '…' (descriptions are at most 500 characters). */
const MAX_CELL_LINES = 30;

interface PlacedColumn extends Column {
  x: number;
  inner: number;
}

const placeColumns = (columns: Column[]): PlacedColumn[] => {
  const fixed = columns.reduce((sum, column) => sum + column.width, 0);
  let x = LEFT;
  return columns.map((column) => {
    const width = column.width > 0 ? column.width : Math.max(40, CONTENT_WIDTH - fixed);
    const placed = { ...column, width, x, inner: width - 2 * CELL_PADDING_X };
    x += width;
    return placed;
  });
};

const cellText = (pen: Pen, column: PlacedColumn, text: string, style: TextStyle): TextRun[] =>
  column.wrap ? runs(pen.lines(text, style, column.inner, MAX_CELL_LINES), style) : [pen.fit(text, style, column.inner)];

const rowHeight = (cells: TextRun[][]) => Math.max(...cells.map(runsHeight)) + 2 * CELL_PADDING_Y;

const drawRow = (sheet: Sheet, columns: PlacedColumn[], cells: TextRun[][]) => {
  const height = rowHeight(cells);
  cells.forEach((lines, index) => {
    const column = columns[index]!;
    const x = column.align === 'right' ? column.x + column.width - CELL_PADDING_X : column.x + CELL_PADDING_X;
    drawRuns(sheet.page, sheet.pen, lines, x, sheet.y - CELL_PADDING_Y, column.align);
  });
  sheet.gap(height);
};

/**
 * A table across as many pages as it needs: the header row opens it and is repeated at the top of
 * every further page, and a row is never split between pages.
 */
export const writeTable = (sheet: Sheet, styles: Styles, brand: RGB, columns: Column[], rows: Row[]) => {
  const placed = placeColumns(columns);
  const header = placed.map((column) => [sheet.pen.fit(column.header, styles.tableHeader, column.inner)]);
  const headerHeight = rowHeight(header);
  const writeHeader = () => {
    drawRow(sheet, placed, header);
    sheet.rule(LEFT, RIGHT, brand, 0.8);
  };
  const bodies = rows.map((row) =>
    placed.map((column, index) => cellText(sheet.pen, column, row.cells[index] ?? '', row.cellStyles?.[index] ?? row.style ?? styles.cell)),
  );
  sheet.ensure(headerHeight + (bodies[0] ? rowHeight(bodies[0]) : 0));
  writeHeader();
  bodies.forEach((cells, index) => {
    if (!sheet.fits(rowHeight(cells))) {
      sheet.newPage();
      writeHeader();
    } else if (index > 0) {
      sheet.rule();
    }
    const ruleAbove = rows[index]!.ruleAbove;
    if (ruleAbove) sheet.rule(LEFT, RIGHT, ruleAbove, 0.8);
    drawRow(sheet, placed, cells);
  });
};

/* ----- the letterhead ----- */

/** The firm's logo in the PDF, or null when there is none or its bytes are not an image pdf-lib reads. */
export const embedLogo = async (document: PDFDocument, logo: FirmOnDocuments['logo']): Promise<PDFImage | null> => {
  if (!logo || logo.bytes.length < 8) return null;
  const bytes = logo.bytes;
  // The bytes decide, not the declared type: an upload labelled PNG is sometimes a JPEG.
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  try {
    const image = png ? await document.embedPng(bytes) : jpeg ? await document.embedJpg(bytes) : null;
    return image && image.width > 0 && image.height > 0 ? image : null;
  } catch {
    return null;
  }
};

const firmLines = (firm: FirmOnDocuments, labels: Labels) => [
  ...(firm.address ?? '').split(/\r\n|\r|\n/),
  ...(firm.taxId ? [`${labels.taxId}: ${firm.taxId}`] : []),
  ...(firm.email ? [firm.email] : []),
  ...(firm.website ? [firm.website] : []),
];

const FIRM_BLOCK_WIDTH = 220;

/** Logo (or the firm's name) on the left, the firm's name and contact details on the right. */
export const writeLetterhead = (sheet: Sheet, styles: Styles, firm: FirmOnDocuments, labels: Labels, logo: PDFImage | null) => {
  const { pen } = sheet;
  let leftHeight: number;
  if (logo) {
    const scale = Math.min(LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height);
    const [width, height] = [logo.width * scale, logo.height * scale];
    sheet.page.drawImage(logo, { x: LEFT, y: sheet.y - height, width, height });
    leftHeight = height;
  } else {
    leftHeight = drawRuns(sheet.page, pen, runs(pen.lines(firm.name, styles.firmName, CONTENT_WIDTH - FIRM_BLOCK_WIDTH - 20, 2), styles.firmName), LEFT, sheet.y);
  }
  const details = firmLines(firm, labels)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .flatMap((line) => pen.lines(line, styles.firmBlock, FIRM_BLOCK_WIDTH, 2));
  // Beside a logo the firm's name is still written out, for readers and for search.
  const name = logo ? runs(pen.lines(firm.name, styles.firmBlockName, FIRM_BLOCK_WIDTH, 2), styles.firmBlockName) : [];
  const right = [...name, ...runs(details.slice(0, 10), styles.firmBlock)];
  const rightHeight = drawRuns(sheet.page, pen, right, RIGHT, sheet.y, 'right');
  sheet.gap(Math.max(leftHeight, rightHeight) + 22);
};

/** The top of a continuation page: the firm on the left, which document this is on the right. */
export const writeContinuationHeader = (sheet: Sheet, styles: Styles, firmName: string, title: string) => {
  const { pen } = sheet;
  const right = pen.fit(title, styles.label, CONTENT_WIDTH / 2);
  const left = pen.fit(firmName, styles.firmBlockName, CONTENT_WIDTH / 2 - 10);
  drawRuns(sheet.page, pen, [right], RIGHT, sheet.y, 'right');
  sheet.write([left]);
  sheet.gap(4);
  sheet.rule();
  sheet.gap(14);
};

/** The document's title with an optional badge beside it (draft, void, paid). */
export const writeTitle = (sheet: Sheet, styles: Styles, title: string, badge: { text: string; color: RGB } | null, subtitle: string | null) => {
  const { pen } = sheet;
  const badgeStyle = badge ? { ...styles.badge, color: badge.color } : null;
  const badgeText = badge ? pen.safe(badge.text) : '';
  const badgeWidth = badgeStyle ? pen.width(badgeText, badgeStyle) + 12 : 0;
  const [line] = pen.lines(title, styles.title, CONTENT_WIDTH - badgeWidth - 12, 1);
  const titleRun = { text: line ?? '', style: styles.title };
  if (badge && badgeStyle) {
    const x = LEFT + pen.width(titleRun.text, styles.title) + 12;
    const baseline = sheet.y - styles.title.size;
    sheet.page.drawRectangle({ x, y: baseline - 4, width: badgeWidth, height: badgeStyle.size + 7, borderColor: badge.color, borderWidth: 1 });
    sheet.page.drawText(badgeText, { x: x + 6, y: baseline - 0.5, size: badgeStyle.size, font: pen.font(badgeStyle), color: badge.color });
  }
  sheet.write([titleRun]);
  if (subtitle) sheet.write(runs(pen.lines(subtitle, styles.subtitle, CONTENT_WIDTH, 2), styles.subtitle));
  sheet.gap(14);
};

export const BADGE_COLOURS = { muted: MUTED, warning: WARNING, good: GOOD };

/** Label and value pairs, labels left and values right-aligned in a box of `width` ending at `right`. */
export const factRuns = (pen: Pen, facts: [string, string][], width: number, labelStyle: TextStyle, valueStyle: TextStyle) =>
  facts.map(([label, value]) => {
    const valueRun = pen.fit(value, valueStyle, width * 0.55);
    const labelRun = pen.fit(label, labelStyle, width - pen.width(valueRun.text, valueRun.style) - 8);
    return { label: labelRun, value: valueRun };
  });

export const drawFacts = (sheet: Sheet, facts: ReturnType<typeof factRuns>, right: number, width: number, top: number) => {
  let y = top;
  for (const { label, value } of facts) {
    const lineHeight = Math.max(label.style.size * label.style.leading, value.style.size * value.style.leading);
    drawRuns(sheet.page, sheet.pen, [label], right - width, y);
    drawRuns(sheet.page, sheet.pen, [value], right, y, 'right');
    y -= lineHeight;
  }
  return top - y;
};

/** The client's name, legal name, address, tax id and email under a heading. */
export const clientRuns = (pen: Pen, styles: Styles, labels: Labels, heading: string, client: BilledClient, width: number): TextRun[] => {
  const lines = (text: string | null, style: TextStyle, maxLines: number) => (text && text.trim() ? runs(pen.lines(text.trim(), style, width, maxLines), style) : []);
  return [
    ...lines(heading, styles.heading, 1),
    ...lines(client.name, styles.strong, 2),
    ...(client.legalName && client.legalName.trim() !== client.name.trim() ? lines(client.legalName, styles.body, 2) : []),
    ...lines(client.billingAddress, styles.body, 8),
    ...(client.taxId ? lines(`${labels.taxId}: ${client.taxId}`, styles.body, 1) : []),
    ...lines(client.email, styles.body, 1),
  ];
};

/* ----- footer ----- */

const PAGE_NUMBER_WIDTH = 80;
const MAX_FOOTER_LINES = 5;

/** The footer's small print, wrapped; its height decides where the content of every page ends. */
export const footerLines = (pen: Pen, styles: Styles, footer: string | null) =>
  footer && footer.trim() ? pen.lines(footer.trim(), styles.footer, CONTENT_WIDTH - PAGE_NUMBER_WIDTH - 10, MAX_FOOTER_LINES) : [];

/** Where content must end so that it stays clear of the footer. */
export const contentBottom = (styles: Styles, lines: string[]) => FOOTER_BASELINE + Math.max(lines.length, 1) * styles.footer.size * styles.footer.leading + 16;

/** The footer text and 'Page k of n' on every page, once the number of pages is known. */
export const writeFooters = (sheet: Sheet, styles: Styles, labels: Labels, lines: string[]) => {
  const style = styles.footer;
  const lineHeight = style.size * style.leading;
  const firstBaseline = FOOTER_BASELINE + (Math.max(lines.length, 1) - 1) * lineHeight;
  sheet.pages.forEach((page, index) => {
    page.drawLine({ start: { x: LEFT, y: firstBaseline + style.size + 5 }, end: { x: RIGHT, y: firstBaseline + style.size + 5 }, thickness: 0.4, color: HAIRLINE });
    drawRuns(page, sheet.pen, runs(lines, style), LEFT, firstBaseline + style.size);
    const number = labels.page(index + 1, sheet.pages.length);
    page.drawText(number, { x: RIGHT - sheet.pen.width(number, style), y: firstBaseline, size: style.size, font: sheet.pen.regular, color: style.color });
  });
};

/* ----- the document ----- */

/** Everything a document needs before its first line is drawn. */
export interface DocumentKit {
  document: PDFDocument;
  pen: Pen;
  formats: DocumentFormats;
  labels: Labels;
  brand: RGB;
  styles: Styles;
  logo: PDFImage | null;
  footer: string[];
}

export const startDocument = async (firm: FirmOnDocuments, locale: string, currency: string): Promise<DocumentKit> => {
  // updateMetadata off: pdf-lib would stamp the current time and its own name into the file.
  const document = await PDFDocument.create({ updateMetadata: false });
  const pen = new Pen(await document.embedFont(StandardFonts.Helvetica), await document.embedFont(StandardFonts.HelveticaBold));
  const formats = documentFormats(locale, currency, pen.canDraw);
  const brand = brandColour(firm.primaryColor);
  const styles = stylesFor(brand);
  return {
    document,
    pen,
    formats,
    labels: LABELS[formats.language],
    brand,
    styles,
    logo: await embedLogo(document, firm.logo),
    footer: footerLines(pen, styles, firm.footer),
  };
};

/** A date that stands still: the document's own date, or a fixed one when it has none. */
const documentDate = (isoDate: string | null) => (isoDate ? calendarDate(isoDate) : null) ?? new Date(Date.UTC(2000, 0, 1));

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The value with every byte array (a logo) replaced by its hash: JSON would spell out each byte. */
const fingerprintable = (value: unknown): unknown => {
  if (value instanceof Uint8Array) return sha256Hex(value);
  if (Array.isArray(value)) return value.map(fingerprintable);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fingerprintable(item)]));
  return value;
};

const digest = (value: unknown) => sha256Hex(JSON.stringify(fingerprintable(value))).slice(0, 32).toUpperCase();

/**
 * Metadata naming the firm as author and producer (a client document does not advertise the
 * software), dates from the document itself, and a file identifier derived from its content:
 * the first part stays the same for every version of the document, the second changes with it.
 */
export const finishDocument = async (
  kit: DocumentKit,
  options: { title: string; firmName: string; date: string | null; identity: unknown; content: unknown },
): Promise<Uint8Array> => {
  const { document } = kit;
  const date = documentDate(options.date);
  document.setTitle(options.title, { showInWindowTitleBar: true });
  document.setAuthor(options.firmName);
  document.setCreator(options.firmName);
  document.setProducer(options.firmName);
  document.setLanguage(kit.formats.locale);
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.context.trailerInfo.ID = document.context.obj([PDFHexString.of(digest(options.identity)), PDFHexString.of(digest(options.content))]);
  return document.save({ useObjectStreams: false, addDefaultPage: false });
};
