import { inflateRawSync } from 'node:zlib';

import { fieldError } from '../domain/errors';

/**
 * What a contact may upload, recognised from the bytes themselves: the name and the browser's
 * declared type are only a claim. The name's extension must agree with what the bytes are, so a
 * file is never stored, and later served, as something it is not.
 */
interface FileKind {
  label: string;
  /** The first is the one stored; the rest pick a more precise type for the same bytes. */
  extensions: Record<string, string>;
}

const OOXML = 'application/vnd.openxmlformats-officedocument';

const KINDS = {
  pdf: { label: 'PDF', extensions: { pdf: 'application/pdf' } },
  png: { label: 'PNG image', extensions: { png: 'image/png' } },
  jpeg: { label: 'JPEG image', extensions: { jpg: 'image/jpeg', jpeg: 'image/jpeg' } },
  gif: { label: 'GIF image', extensions: { gif: 'image/gif' } },
  webp: { label: 'WebP image', extensions: { webp: 'image/webp' } },
  text: { label: 'plain text or CSV file', extensions: { txt: 'text/plain', csv: 'text/csv' } },
  docx: { label: 'Word document', extensions: { docx: `${OOXML}.wordprocessingml.document` } },
  xlsx: { label: 'Excel workbook', extensions: { xlsx: `${OOXML}.spreadsheetml.sheet` } },
  pptx: { label: 'PowerPoint presentation', extensions: { pptx: `${OOXML}.presentationml.presentation` } },
} as const satisfies Record<string, FileKind>;

type Kind = keyof typeof KINDS;

const ACCEPTED = 'PDF, PNG, JPEG, GIF, WebP, plain text (.txt), CSV, Word (.docx), Excel (.xlsx) or PowerPoint (.pptx)';

const startsWith = (bytes: Buffer, signature: string | number[], at = 0) => {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return bytes.length >= at + expected.length && bytes.subarray(at, at + expected.length).equals(expected);
};

/** The main part's content type names the Office application a package belongs to. */
const OFFICE_MAIN_PARTS: [Kind, string][] = [
  ['docx', `${OOXML}.wordprocessingml.document.main+xml`],
  ['xlsx', `${OOXML}.spreadsheetml.sheet.main+xml`],
  ['pptx', `${OOXML}.presentationml.presentation.main+xml`],
];

const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

/**
 * Reads one entry of a ZIP archive through its central directory (no ZIP64, stored or deflated),
 * inflating at most 1 MiB. Null when the archive is not what it claims to be.
 */
const zipEntry = (bytes: Buffer, wanted: string): Buffer | null => {
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= floor; at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + skip;
    if (name !== wanted) continue;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) return null;
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) return data.length <= MAX_CONTENT_TYPES_BYTES ? data : null;
    if (method !== 8) return null;
    try {
      return inflateRawSync(data, { maxOutputLength: MAX_CONTENT_TYPES_BYTES });
    } catch {
      return null;
    }
  }
  return null;
};

const officeKind = (bytes: Buffer): Kind | null => {
  const contentTypes = zipEntry(bytes, '[Content_Types].xml')?.toString('utf8');
  if (!contentTypes) return null;
  return OFFICE_MAIN_PARTS.find(([, type]) => contentTypes.includes(`ContentType="${type}"`))?.[0] ?? null;
};

const isUtf8Text = (bytes: Buffer) => {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const kindOf = (bytes: Buffer): Kind | null => {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  return isUtf8Text(bytes) ? 'text' : null;
};

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** The MIME type to store and serve the file with; a 400 naming the field when it is not accepted. */
export const checkFileType = (bytes: Buffer, fileName: string, field = 'file'): string => {
  const kind = kindOf(bytes);
  if (!kind) throw fieldError(field, `must be a ${ACCEPTED} file; this file's content is none of these`);
  const extension = extensionOf(fileName);
  const { label, extensions } = KINDS[kind] as FileKind;
  const mimeType = extensions[extension];
  if (!mimeType) {
    const expected = Object.keys(extensions).map((e) => `.${e}`).join(' or ');
    throw fieldError(field, `is a ${label} but its name ends in ${extension ? `.${extension}` : 'no extension'}; name it with ${expected}`);
  }
  return mimeType;
};
