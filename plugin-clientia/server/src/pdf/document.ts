/**
 * What the invoice and the statement of account have in common: the firm's letterhead, text set in
 * the standard fonts, pages that continue with a short header, tables whose header row repeats on
 * every page, the footer with page numbers, and metadata that names the firm and nothing else.
 * Everything here is deterministic: no clock, no randomness, so the same input gives the same bytes.
 */
import { createHash } from 'node:crypto';

import { PDFDocument, PDFHexString, StandardFonts, type PDFImage, type RGB } from 'pdf-lib';
import { calendarDate, documentFormats, type DocumentFormats } from './formats';
import { type Labels, labelsFor } from './labels';
import { type Styles, stylesFor, brandColour, Pen } from './pen';
import { footerLines } from './sheet';
import { type FirmOnDocuments, embedLogo } from './letterhead';

export interface DocumentLocale {
  /** BCP 47, e.g. 'en-US', 'de-DE', 'de'. */
  locale: string;
}

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
    labels: labelsFor(formats.locale),
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
