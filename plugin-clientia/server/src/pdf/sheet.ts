import { PDFDocument, type PDFPage, type RGB } from 'pdf-lib';
import { type Labels } from './labels';
import { PAGE_WIDTH, PAGE_HEIGHT, LEFT, RIGHT, CONTENT_WIDTH, TOP, FOOTER_BASELINE, HAIRLINE, type Styles, Pen, type TextRun, runs, runsHeight, drawRuns } from './pen';

/** Pages that flow: a document's current page and position, sections that continue onto new pages, the footer. */
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
