/**
 * The completed contract: the exact PDF the signatories signed, followed by certificate pages that
 * state who signed when, from where and with which consent, and the hashes that tie it to the
 * signing trail. The original pages are not touched (only the page tree grows), so the signed
 * content is still the content they saw. Pure: the same input gives the same bytes, so a completed
 * PDF can be produced again and compared.
 */
import {
  EncryptedPDFError,
  ParseSpeeds,
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFString,
  StandardFonts,
  degrees,
  rgb,
  type PDFPage,
} from 'pdf-lib';

import { sha256Hex } from './chain';
import { Pen, type TextStyle } from '../pdf/pen';

export interface CertificateSigner {
  /** The full name as the signer typed it. */
  name: string;
  email: string | null;
  /** ISO, UTC. */
  signedAt: string;
  ip: string | null;
  userAgent: string | null;
  authMethod: string | null;
  consentVersion: string | null;
  /** Hash of the signer's `signed` event in the chain. */
  eventHash: string;
}

export interface CertificateInput {
  firmName: string;
  clientName: string;
  /** IANA time zone of the client (e.g. 'Europe/Berlin'); times are printed in UTC with this zone alongside. null → UTC only. */
  clientTimeZone: string | null;
  contract: { documentId: string; number: string | null; title: string; version: number };
  /** SHA-256 of the original PDF the signers signed. */
  documentHash: string;
  /** ISO. */
  sentAt: string | null;
  /** ISO. */
  completedAt: string;
  signers: CertificateSigner[];
  /** Hash of the last event before completion (the chain head the certificate vouches for). */
  chainHead: string;
  /** e.g. 'A1B2-C3D4-E5F6-0718' */
  verificationCode: string;
  /** Where a reader can check it, e.g. 'https://portal.example.com/contracts/<id>/verification'; may be null. */
  verifyAt: string | null;
}

/** The original cannot be read as a PDF (damaged, encrypted, no pages, not the document signed). */
export class CertificateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CertificateError';
  }
}

/** The first 16 hex digits of the chain head, uppercase, in groups of four: short enough to read out. */
export const verificationCodeOf = (chainHead: string): string => {
  if (!/^[0-9a-f]{16,}$/i.test(chainHead)) throw new Error(`The chain head must be a hex digest, got ${JSON.stringify(chainHead)}`);
  return (chainHead.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join('-');
};

/* ----- times ----- */

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu', 'UCT', 'Etc/UCT', 'Etc/GMT0', 'GMT0']);

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** A formatter for the zone, or null when the zone is unknown or is UTC itself (nothing to add). */
const zoneFormat = (timeZone: string): Intl.DateTimeFormat | null => {
  const cached = zoneFormats.get(timeZone);
  if (cached) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
  } catch {
    return null;
  }
  if (UTC_ZONES.has(format.resolvedOptions().timeZone)) return null;
  zoneFormats.set(timeZone, format);
  return format;
};

/**
 * An instant as '2026-11-29 14:03:12 UTC (15:03:12 CET, Europe/Berlin)': UTC first because the
 * trail records UTC, the client's local time beside it (with its date when that differs). An
 * unknown zone prints UTC only; a value that is not a date is printed as it is.
 */
export const formatSigningTime = (iso: string, timeZone: string | null): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const [utcDate, utcClock] = [date.toISOString().slice(0, 10), date.toISOString().slice(11, 19)];
  const utc = `${utcDate} ${utcClock} UTC`;
  const format = timeZone ? zoneFormat(timeZone) : null;
  if (!format) return utc;
  const part = Object.fromEntries(format.formatToParts(date).map(({ type, value }) => [type, value])) as Partial<Record<Intl.DateTimeFormatPartTypes, string>>;
  const localDate = `${part.year}-${part.month}-${part.day}`;
  const localClock = `${part.hour}:${part.minute}:${part.second}`;
  const local = localDate === utcDate ? localClock : `${localDate} ${localClock}`;
  return `${utc} (${local} ${part.timeZoneName}, ${format.resolvedOptions().timeZone})`;
};

/* ----- layout ----- */

/** A4 portrait, in points. */
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 56;
const MARGIN_TOP = 56;
/** Content stays above this; the footer sits below it. */
const CONTENT_BOTTOM = 64;
const FOOTER_BASELINE = 34;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const LABEL_WIDTH = 132;
const VALUE_X = MARGIN_X + LABEL_WIDTH;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH;

const INK = rgb(0.11, 0.13, 0.16);
const MUTED = rgb(0.4, 0.43, 0.48);
const RULE = rgb(0.8, 0.82, 0.85);

const STYLE = {
  firm: { bold: true, size: 9, color: MUTED, leading: 1.4 },
  title: { bold: true, size: 20, color: INK, leading: 1.3 },
  subtitle: { bold: false, size: 10.5, color: MUTED, leading: 1.4 },
  body: { bold: false, size: 8.5, color: INK, leading: 1.45 },
  section: { bold: true, size: 11.5, color: INK, leading: 1.4 },
  signer: { bold: true, size: 10, color: INK, leading: 1.4 },
  label: { bold: false, size: 8, color: MUTED, leading: 1.4 },
  value: { bold: false, size: 8.5, color: INK, leading: 1.4 },
  code: { bold: true, size: 13, color: INK, leading: 1.35 },
  footer: { bold: false, size: 7.5, color: MUTED, leading: 1.3 },
} satisfies Record<string, TextStyle>;

type DrawOp = { kind: 'text'; x: number; y: number; text: string; style: TextStyle } | { kind: 'rule'; x: number; y: number; width: number };

/** Content that stays together on one page; `y` of each op is its baseline, measured down from the block's top. */
interface Block {
  height: number;
  ops: DrawOp[];
}

/** Builds one block from top to bottom. */
class BlockBuilder {
  private cursor = 0;
  private readonly ops: DrawOp[] = [];

  constructor(private readonly type: Pen) {}

  text(text: string, style: TextStyle, options: { maxLines?: number } = {}) {
    for (const line of this.type.lines(text, style, CONTENT_WIDTH, options.maxLines ?? 4)) {
      this.ops.push({ kind: 'text', x: MARGIN_X, y: this.cursor + style.size, text: line, style });
      this.cursor += style.size * style.leading;
    }
    return this;
  }

  /** A label on the left, its value wrapped in the column on the right. */
  row(label: string, value: string | null, options: { maxLines?: number; style?: TextStyle } = {}) {
    const given = options.style ?? STYLE.value;
    const style = value === null ? { ...given, color: MUTED } : given;
    const top = this.cursor;
    const values = this.type.lines(value ?? 'not recorded', style, VALUE_WIDTH, options.maxLines ?? 2);
    const labels = this.type.lines(label, STYLE.label, LABEL_WIDTH - 10, 2);
    const lineHeight = style.size * style.leading;
    values.forEach((line, index) => {
      this.ops.push({ kind: 'text', x: VALUE_X, y: top + style.size + index * lineHeight, text: line, style });
    });
    labels.forEach((line, index) => {
      this.ops.push({ kind: 'text', x: MARGIN_X, y: top + style.size + index * lineHeight, text: line, style: STYLE.label });
    });
    this.cursor = top + Math.max(values.length, labels.length) * lineHeight + 1.5;
    return this;
  }

  rule() {
    this.ops.push({ kind: 'rule', x: MARGIN_X, y: this.cursor, width: CONTENT_WIDTH });
    return this;
  }

  gap(points: number) {
    this.cursor += points;
    return this;
  }

  build(): Block {
    return { height: this.cursor, ops: this.ops };
  }
}

const contractReference = (contract: CertificateInput['contract']) => contract.number ?? contract.documentId;

const pageRange = (first: number, last: number) => (first === last ? `page ${first}` : `pages ${first}\u2013${last}`);

const headerBlock = (type: Pen, input: CertificateInput, continued: boolean) => {
  const { contract } = input;
  return new BlockBuilder(type)
    .text(input.firmName, STYLE.firm, { maxLines: 1 })
    .gap(2)
    .text(continued ? 'Signing certificate (continued)' : 'Signing certificate', STYLE.title, { maxLines: 1 })
    .text([contract.number, contract.title, `version ${contract.version}`].filter(Boolean).join(' \u00b7 '), STYLE.subtitle, { maxLines: continued ? 1 : 3 })
    .gap(6)
    .rule()
    .gap(14)
    .build();
};

const contractBlock = (type: Pen, input: CertificateInput, originalPages: number) =>
  new BlockBuilder(type)
    .text(
      `This certificate records the electronic signing of the document on ${pageRange(1, originalPages)} of this file. ` +
        'It was added when the last signatory had signed; those pages are the original document, unchanged.',
      STYLE.body,
    )
    .gap(12)
    .text('Contract', STYLE.section)
    .gap(4)
    .row('Firm', input.firmName)
    .row('Client', input.clientName)
    .row('Contract number', input.contract.number ?? 'none')
    .row('Title', input.contract.title, { maxLines: 3 })
    .row('Version', String(input.contract.version))
    .row('Document ID', input.contract.documentId)
    .row('Signed pages', `${pageRange(1, originalPages)} of this file`)
    .row('Original SHA-256', input.documentHash)
    .row('Sent at', input.sentAt === null ? null : formatSigningTime(input.sentAt, input.clientTimeZone))
    .row('Completed at', formatSigningTime(input.completedAt, input.clientTimeZone))
    .gap(14)
    .build();

const signerBlock = (type: Pen, input: CertificateInput, signer: CertificateSigner, index: number) => {
  const builder = new BlockBuilder(type);
  if (index === 0) builder.text(`Signatories (${input.signers.length})`, STYLE.section).gap(4);
  return builder
    .rule()
    .gap(6)
    .text(`${index + 1}. ${signer.name}`, STYLE.signer, { maxLines: 2 })
    .gap(2)
    .row('E-mail', signer.email)
    .row('Signed at', formatSigningTime(signer.signedAt, input.clientTimeZone))
    .row('IP address', signer.ip)
    .row('User agent', signer.userAgent)
    .row('Sign-in method', signer.authMethod)
    .row('Consent version', signer.consentVersion)
    .row('Signature event', signer.eventHash)
    .gap(8)
    .build();
};

const noSignersBlock = (type: Pen) =>
  new BlockBuilder(type).text('Signatories', STYLE.section).gap(4).text('No signature is recorded.', STYLE.body).gap(14).build();

const verificationBlock = (type: Pen, input: CertificateInput, originalPages: number) => {
  const where = input.verifyAt
    ? 'the verification page must show this verification code for an intact trail'
    : "the firm's verification of the signing trail must show this verification code for an intact trail";
  const builder = new BlockBuilder(type)
    .gap(6)
    .text('Verification', STYLE.section)
    .gap(4)
    .row('Trail head', input.chainHead)
    .row('Verification code', input.verificationCode, { style: STYLE.code, maxLines: 1 });
  if (input.verifyAt) builder.row('Verify at', input.verifyAt, { maxLines: 3 });
  return builder
    .gap(6)
    .text(
      `To check it: the SHA-256 of the original PDF file the signatories were shown (${pageRange(1, originalPages)} here) must equal ` +
        `the original SHA-256 above, and ${where}. Every hash is SHA-256 in hexadecimal.`,
      STYLE.body,
      { maxLines: 6 },
    )
    .build();
};

/** A separator at the very top of a block is only wanted between blocks, not under a page header. */
const withoutLeadingRule = (block: Block): Block => ({ ...block, ops: block.ops.filter((op) => !(op.kind === 'rule' && op.y === 0)) });

/** Blocks onto pages; a block that does not fit on the current page starts the next one. */
const paginate = (first: Block, continuation: Block, blocks: Block[]): Block[][] => {
  const available = PAGE_HEIGHT - MARGIN_TOP - CONTENT_BOTTOM;
  const pages: Block[][] = [[first]];
  let used = first.height;
  for (const block of blocks) {
    const page = pages.at(-1)!;
    if (used + block.height > available && page.length > 1) {
      pages.push([continuation, withoutLeadingRule(block)]);
      used = continuation.height + block.height;
    } else {
      page.push(block);
      used += block.height;
    }
  }
  return pages;
};

const drawBlocks = (page: PDFPage, type: Pen, blocks: Block[]) => {
  let top = PAGE_HEIGHT - MARGIN_TOP;
  for (const block of blocks) {
    for (const op of block.ops) {
      if (op.kind === 'rule') {
        page.drawLine({ start: { x: op.x, y: top - op.y }, end: { x: op.x + op.width, y: top - op.y }, thickness: 0.6, color: RULE });
      } else {
        page.drawText(op.text, { x: op.x, y: top - op.y, size: op.style.size, font: type.font(op.style), color: op.style.color });
      }
    }
    top -= block.height;
  }
};

const drawFooter = (page: PDFPage, type: Pen, input: CertificateInput, pageNumber: number, pageCount: number) => {
  const [left] = type.lines(
    `Signing certificate \u00b7 ${contractReference(input.contract)} \u00b7 verification code ${input.verificationCode}`,
    STYLE.footer,
    CONTENT_WIDTH - 80,
    1,
  );
  const right = `Page ${pageNumber} of ${pageCount}`;
  page.drawLine({ start: { x: MARGIN_X, y: FOOTER_BASELINE + 12 }, end: { x: PAGE_WIDTH - MARGIN_X, y: FOOTER_BASELINE + 12 }, thickness: 0.4, color: RULE });
  page.drawText(left ?? '', { x: MARGIN_X, y: FOOTER_BASELINE, size: STYLE.footer.size, font: type.regular, color: STYLE.footer.color });
  page.drawText(right, {
    x: PAGE_WIDTH - MARGIN_X - type.width(right, STYLE.footer),
    y: FOOTER_BASELINE,
    size: STYLE.footer.size,
    font: type.regular,
    color: STYLE.footer.color,
  });
};

/* ----- the document ----- */

const loadOriginal = async (original: Uint8Array) => {
  let document: PDFDocument;
  try {
    // updateMetadata off: pdf-lib would stamp the current time, and the output must not depend on it.
    document = await PDFDocument.load(original, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new CertificateError('The original PDF is encrypted; a certificate cannot be added to it.', { cause: error });
    throw new CertificateError(`The original cannot be read as a PDF: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let pages: number;
  try {
    pages = document.getPageCount();
  } catch (error) {
    throw new CertificateError('The original PDF is damaged: its page tree cannot be read.', { cause: error });
  }
  if (pages === 0) throw new CertificateError('The original PDF has no pages.');
  return document;
};

const hexBytes = (hex: string) => hex.slice(0, 32).toUpperCase();

/**
 * The file identifier: the original's permanent part kept (or derived from its hash when it has
 * none), and the changing part derived from what the certificate vouches for, so readers see a
 * new revision of the same document, identically every time.
 */
const setFileIdentifier = (document: PDFDocument, input: CertificateInput) => {
  const { context } = document;
  let permanent = hexBytes(input.documentHash);
  try {
    const first = context.lookupMaybe(context.trailerInfo.ID, PDFArray)?.lookup(0);
    if ((first instanceof PDFHexString || first instanceof PDFString) && first.asBytes().length > 0) {
      permanent = Buffer.from(first.asBytes()).toString('hex').toUpperCase();
    }
  } catch {
    // A malformed identifier in the original is replaced rather than kept.
  }
  const revision = hexBytes(sha256Hex(`${input.documentHash}\n${input.chainHead}\n${input.completedAt}`));
  context.trailerInfo.ID = context.obj([PDFHexString.of(permanent), PDFHexString.of(revision)]);
};

const setMetadata = (document: PDFDocument, input: CertificateInput) => {
  const completedAt = new Date(input.completedAt);
  if (Number.isNaN(completedAt.getTime())) throw new Error(`completedAt is not a date: ${input.completedAt}`);
  document.setTitle(`${[input.contract.number, input.contract.title].filter(Boolean).join(' ')} (signed)`);
  document.setProducer('Clientia');
  document.setCreationDate(completedAt);
  document.setModificationDate(completedAt);
};

/**
 * The original PDF followed by the certificate pages. Throws CertificateError when the original
 * cannot be read, is encrypted, has no pages, or is not the document whose SHA-256 was signed.
 */
export const buildCompletedPdf = async (original: Uint8Array, input: CertificateInput): Promise<Uint8Array> => {
  const document = await loadOriginal(original);
  const actualHash = sha256Hex(original);
  if (actualHash !== input.documentHash.toLowerCase()) {
    throw new CertificateError(`The original's SHA-256 is ${actualHash}, not the ${input.documentHash} the signatories signed.`);
  }
  const originalPages = document.getPageCount();
  const type = new Pen(await document.embedFont(StandardFonts.Helvetica), await document.embedFont(StandardFonts.HelveticaBold));

  const body = [
    contractBlock(type, input, originalPages),
    ...(input.signers.length > 0 ? input.signers.map((signer, index) => signerBlock(type, input, signer, index)) : [noSignersBlock(type)]),
    verificationBlock(type, input, originalPages),
  ];
  const pages = paginate(headerBlock(type, input, false), headerBlock(type, input, true), body);
  const pageCount = originalPages + pages.length;
  pages.forEach((blocks, index) => {
    const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    // A new page inherits rotation and crop box from the page tree; the certificate must not.
    page.setRotation(degrees(0));
    page.setCropBox(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
    drawBlocks(page, type, blocks);
    drawFooter(page, type, input, originalPages + index + 1, pageCount);
  });

  setMetadata(document, input);
  setFileIdentifier(document, input);
  // No field appearances regenerated: that would rewrite form widgets on the signed pages.
  return document.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false });
};
