import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The parts of nodemailer's MailMessage a transport uses (nodemailer ships no types of its own). */
export interface OutgoingMail {
  data: { envelope?: Envelope };
  message: {
    keepBcc: boolean;
    getEnvelope(): Envelope;
    messageId(): string;
    build(callback: (error: Error | null, message: Buffer) => void): void;
  };
}

interface Envelope {
  from: string | false;
  to: string[];
}

export interface SentToOutbox {
  envelope: Envelope;
  messageId: string;
  /** The .eml file written. */
  path: string;
}

/** A nodemailer transport object: nodemailer takes any object with a name, a version and send(). */
export interface OutboxTransport {
  name: string;
  version: string;
  send(mail: OutgoingMail, callback: (error: Error | null, info?: SentToOutbox) => void): void;
}

/** Relative folders are inside the Strapi app, like its other private data (.data/documents). */
const resolveFolder = (folder: string) => {
  if (path.isAbsolute(folder)) return folder;
  const appRoot = (globalThis as { strapi?: { dirs?: { app?: { root?: string } } } }).strapi?.dirs?.app?.root ?? process.cwd();
  return path.resolve(appRoot, folder);
};

/**
 * Delivers each email as an .eml file in a folder instead of over the network: where no mail
 * server is configured (development, tests, a demo) nothing ever leaves the machine, and every
 * message can still be opened in a mail client. One file per message, named so they sort by time.
 */
export const outboxTransport = (folder: string): OutboxTransport => ({
  name: 'outbox',
  version: '1.0.0',
  send(mail, callback) {
    // The file is the whole message as sent, Bcc included: it is the only copy there is.
    mail.message.keepBcc = true;
    const envelope = mail.data.envelope ?? mail.message.getEnvelope();
    const messageId = mail.message.messageId();
    mail.message.build((error, message) => {
      if (error) return callback(error);
      const dir = resolveFolder(folder);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(dir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      // Reset links in these files are as good as passwords: readable by this user only.
      mkdir(dir, { recursive: true, mode: 0o700 })
        .then(() => writeFile(file, message, { mode: 0o600, flag: 'wx' }))
        .then(
          () => callback(null, { envelope, messageId, path: file }),
          (failure: Error) => callback(failure)
        );
    });
  },
});
