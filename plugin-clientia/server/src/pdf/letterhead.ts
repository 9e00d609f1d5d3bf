import { PDFDocument, type PDFImage, type RGB } from 'pdf-lib';
import { type Labels } from './labels';
import { LEFT, RIGHT, CONTENT_WIDTH, MUTED, WARNING, GOOD, type TextStyle, type Styles, Pen, type TextRun, runs, drawRuns } from './pen';
import { Sheet } from './sheet';

/** What identifies a document: the firm's letterhead and logo, the title, the facts box and the billed client. */
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

const LOGO_BOX = { width: 160, height: 48 };

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
