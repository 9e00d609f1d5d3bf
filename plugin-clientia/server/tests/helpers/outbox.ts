import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { drainOutbox, outboxSettled } from '../../src/email';

/** One email the app wrote to its outbox: headers as sent, and each text part decoded. */
export interface OutboxMessage {
  file: string;
  raw: string;
  headers: Record<string, string>;
  /** The decoded text of every part (plain and HTML), joined. */
  body: string;
}

const decodeQuotedPrintable = (text: string) =>
  Buffer.from(
    text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1'
  ).toString('utf8');

const splitHeaders = (block: string) => {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return headers;
};

const decodePart = (part: string) => {
  const [head, ...rest] = part.split(/\r?\n\r?\n/);
  const headers = splitHeaders(head);
  const content = rest.join('\n\n');
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(content);
  if (encoding === 'base64') return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
  return content;
};

/** Enough MIME for the messages the app sends: a single part or one level of multipart. */
const parse = (file: string): OutboxMessage => {
  const raw = readFileSync(file, 'utf8');
  const [head] = raw.split(/\r?\n\r?\n/);
  const headers = splitHeaders(head);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary
    ? raw.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--')).map((p) => decodePart(p.replace(/^\r?\n/, '')))
    : [decodePart(raw)];
  return { file, raw, headers, body: parts.join('\n') };
};

/** The messages in an outbox folder, oldest first. */
export const readOutbox = (dir: string): OutboxMessage[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => parse(path.join(dir, name)));

export const clearOutbox = (dir: string) => {
  for (const name of readdirSync(dir)) rmSync(path.join(dir, name), { recursive: true, force: true });
};

/**
 * Everything queued in the app's email outbox handed to the mail transport: a drain that was
 * already running finishes, then one more goes through whatever is left.
 */
export const deliverQueued = async (strapi: Parameters<typeof drainOutbox>[0]) => {
  await outboxSettled(strapi);
  await drainOutbox(strapi);
  await outboxSettled(strapi);
};
