import type { AddressInfo } from 'node:net';

import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One attachment as the recipient's mail client would save it. */
export interface ReceivedAttachment {
  filename: string | null;
  contentType: string;
  content: Buffer;
}

/** A message the server accepted: the envelope, the headers decoded, each part decoded. */
export interface ReceivedEmail {
  envelope: { from: string; to: string[] };
  /** The whole message as transmitted. */
  raw: string;
  /** Lower-case names; encoded words decoded. */
  headers: Record<string, string>;
  from: string;
  to: string;
  subject: string;
  text: string | null;
  html: string | null;
  attachments: ReceivedAttachment[];
}

export interface TestSmtpServer {
  host: string;
  port: number;
  /** Accepted messages, in order. */
  received: ReceivedEmail[];
  /** How many messages were refused so far. */
  refusedCount(): number;
  /** The next `count` messages get `code` (4xx: try later; 5xx: refused) instead of being accepted. */
  refuseNext(count: number, code?: number, message?: string): void;
  /** Resolves once `count` messages have been accepted in all (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  clear(): void;
  stop(): Promise<void>;
}

// ---- a small MIME reader: enough for what nodemailer writes ----------------------------------

interface MimePart {
  headers: Record<string, string>;
  /** Body bytes as a latin1 string (one character per byte). */
  body: string;
}

const splitHead = (raw: string): [string, string] => {
  const match = /\r?\n\r?\n/.exec(raw);
  return match ? [raw.slice(0, match.index), raw.slice(match.index + match[0].length)] : [raw, ''];
};

const parseHeaderBlock = (block: string) => {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at <= 0) continue;
    const name = line.slice(0, at).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(at + 1).trim();
  }
  return headers;
};

const decodeBytes = (bytes: Buffer, charset = 'utf-8') => {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
};

const quotedPrintableBytes = (text: string, inHeader = false) => {
  const source = inHeader ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < source.length; i += 1) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(source.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
};

/** RFC 2047 encoded words (=?utf-8?B?...?= and =?utf-8?Q?...?=); the space between two of them goes. */
export const decodeHeader = (value: string) =>
  value
    .replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=)\s+(?==\?[^?]+\?[BQ]\?[^?]*\?=)/gi, '$1')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, charset: string, encoding: string, text: string) =>
      decodeBytes(encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintableBytes(text, true), charset.replace(/\*.*$/, ''))
    );

/** `type/subtype; a=1; b="2"`, with RFC 2231 continuations and charsets (filename*0*=utf-8''...). */
const parseParameters = (value: string) => {
  const [type, ...rest] = value.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g) ?? [''];
  const pieces: Record<string, { index: number; value: string; encoded: boolean }[]> = {};
  for (const item of rest) {
    const at = item.indexOf('=');
    if (at < 0) continue;
    const key = item.slice(0, at).trim().toLowerCase();
    let raw = item.slice(at + 1).trim();
    if (raw.startsWith('"')) raw = raw.slice(1, -1).replace(/\\(.)/g, '$1');
    const match = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(key);
    if (!match) continue;
    (pieces[match[1]] ??= []).push({ index: Number(match[2] ?? 0), value: raw, encoded: Boolean(match[3]) });
  }
  const params: Record<string, string> = {};
  for (const [name, list] of Object.entries(pieces)) {
    list.sort((a, b) => a.index - b.index);
    if (list.some((piece) => piece.encoded)) {
      const [charset, , first] = /^([^']*)'([^']*)'(.*)$/.exec(list[0].value)?.slice(1) ?? ['utf-8', '', list[0].value];
      const joined = [first, ...list.slice(1).map((piece) => piece.value)].join('');
      params[name] = decodeBytes(Buffer.from(joined.replace(/%([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1'), charset || 'utf-8');
    } else {
      params[name] = decodeHeader(list.map((piece) => piece.value).join(''));
    }
  }
  return { type: type.trim().toLowerCase(), params };
};

const bodyBytes = (part: MimePart) => {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return quotedPrintableBytes(part.body);
  return Buffer.from(part.body, 'latin1');
};

const leaves = (part: MimePart): MimePart[] => {
  const { type, params } = parseParameters(part.headers['content-type'] ?? 'text/plain');
  if (!type.startsWith('multipart/') || !params.boundary) return [part];
  const delimiter = `--${params.boundary}`;
  return part.body
    .split(delimiter)
    .slice(1)
    .filter((segment) => !segment.startsWith('--'))
    .flatMap((segment) => {
      const [head, body] = splitHead(segment.replace(/^\r?\n/, ''));
      return leaves({ headers: parseHeaderBlock(head), body: body.replace(/\r?\n$/, '') });
    });
};

/** Reads one message as transmitted (bytes as latin1 text). */
export const parseMessage = (raw: string, envelope: ReceivedEmail['envelope']): ReceivedEmail => {
  const [head, body] = splitHead(raw);
  const rawHeaders = parseHeaderBlock(head);
  const headers = Object.fromEntries(Object.entries(rawHeaders).map(([name, value]) => [name, decodeHeader(value)]));
  const message: ReceivedEmail = {
    envelope,
    raw,
    headers,
    from: headers.from ?? '',
    to: headers.to ?? '',
    subject: headers.subject ?? '',
    text: null,
    html: null,
    attachments: [],
  };
  for (const leaf of leaves({ headers: rawHeaders, body })) {
    const { type, params } = parseParameters(leaf.headers['content-type'] ?? 'text/plain');
    const disposition = parseParameters(leaf.headers['content-disposition'] ?? '');
    const filename = disposition.params.filename ?? params.name ?? null;
    const bytes = bodyBytes(leaf);
    if (disposition.type === 'attachment' || filename) {
      message.attachments.push({ filename, contentType: type, content: bytes });
    } else if (type === 'text/plain' && message.text === null) {
      message.text = decodeBytes(bytes, params.charset);
    } else if (type === 'text/html' && message.html === null) {
      message.html = decodeBytes(bytes, params.charset);
    }
  }
  return message;
};

// ---- the server ---------------------------------------------------------------------------------

const readStream = async (stream: SMTPServerDataStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const envelopeOf = (session: SMTPServerSession) => ({
  from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
  to: session.envelope.rcptTo.map((recipient) => recipient.address),
});

/**
 * A real SMTP server on 127.0.0.1 and a free port, as a mail relay would answer the app: plain
 * SMTP (no STARTTLS, no AUTH needed), every message kept and parsed, and refusals on demand.
 */
export const startSmtpServer = async (): Promise<TestSmtpServer> => {
  const received: ReceivedEmail[] = [];
  const refusals: { code: number; message: string }[] = [];
  let refused = 0;
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    banner: 'test relay',
    onData(stream, session, callback) {
      readStream(stream).then(
        (bytes) => {
          const refusal = refusals.shift();
          if (refusal) {
            refused += 1;
            const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
            return callback(error);
          }
          received.push(parseMessage(bytes.toString('latin1'), envelopeOf(session)));
          for (const wake of waiters) wake();
          callback();
        },
        (error: Error) => callback(error)
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    received,
    refusedCount: () => refused,
    refuseNext(count, code = 451, message = code >= 500 ? 'Message refused' : 'Try again later') {
      for (let i = 0; i < count; i += 1) refusals.push({ code, message });
    },
    waitFor(count, timeoutMs = 10_000) {
      if (received.length >= count) return Promise.resolve(received.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the SMTP server received ${received.length} of ${count} messages in ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(received.slice());
        };
        waiters.add(check);
      });
    },
    clear() {
      received.length = 0;
      refusals.length = 0;
      refused = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
