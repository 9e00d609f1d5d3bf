/**
 * What the new-message form and the reply form share: reading and checking the posted fields
 * and files, building the form the portal API takes, and turning its refusals into words.
 */
import type { Tone } from '../../components/StatusBadge.astro';
import type { Formatter } from '../../lib/format';
import type { Translator } from '../../lib/i18n';
import { fieldOf } from '../../lib/server/auth';
import { field } from '../../lib/server/forms';
import { StrapiError } from '../../lib/server/strapi';
import {
  ATTACHMENTS_FIELD,
  MAX_ATTACHMENTS,
  MESSAGE_BODY_MAX,
  THREAD_SUBJECT_MAX,
  type PostMessageRequest,
  type StartThreadRequest,
  type ThreadStatus,
} from '@clientia/shared/contracts/portal-threads';
import { chosenFiles, MAX_UPLOAD_BYTES } from '../documents/_files';

/** The portal API's limits (portal-threads.ts and the thread routes). */
export const MAX_SUBJECT = THREAD_SUBJECT_MAX;
export const MAX_BODY = MESSAGE_BODY_MAX;
export const MAX_FILES = MAX_ATTACHMENTS;
/** All files of one message together. */
export const MAX_FILES_BYTES = MAX_UPLOAD_BYTES;

export const THREAD_STATUSES: readonly ThreadStatus[] = ['open', 'closed'];
export const THREAD_TONE: Record<ThreadStatus, Tone> = { open: 'info', closed: 'neutral' };

export type ComposeField = 'subject' | 'body' | 'files';
export type ComposeErrors = Partial<Record<ComposeField, string>>;

export interface Composed {
  subject: string;
  body: string;
  files: File[];
  errors: ComposeErrors;
}

/**
 * Browsers post line breaks as CRLF, which would count twice against the length the text box
 * allowed; they are stored as plain newlines. NUL cannot be stored (the API refuses it) and never
 * comes from typing, so it is dropped.
 */
const storable = (value: string) => value.replace(/\r\n?/g, '\n').replaceAll('\u0000', '');

/** The posted message, checked as far as the portal can before the API sees it. */
export const readMessage = (form: FormData, t: Translator, fmt: Formatter, options: { withSubject: boolean }): Composed => {
  // Read with room for CRLF pairs, so the length is checked on the text as it will be stored.
  const subject = options.withSubject ? storable(field(form, 'subject', 2 * MAX_SUBJECT + 1)) : '';
  // Kept as typed (line breaks included); only the ends are trimmed, as the API does.
  const body = storable(field(form, 'body', 2 * MAX_BODY + 1));
  const files = chosenFiles(form, 'files');
  const errors: ComposeErrors = {};

  if (options.withSubject) {
    if (!subject) errors.subject = t('messages.subject.missing');
    else if (subject.length > MAX_SUBJECT) errors.subject = t('messages.subject.tooLong', { max: fmt.number(MAX_SUBJECT) });
  }
  if (!body) errors.body = t('messages.body.missing');
  else if (body.length > MAX_BODY) errors.body = t('messages.body.tooLong', { max: fmt.number(MAX_BODY) });
  if (files.length > MAX_FILES) errors.files = t('messages.files.tooMany', { count: MAX_FILES });
  else if (files.reduce((sum, file) => sum + file.size, 0) > MAX_FILES_BYTES) {
    errors.files = t('messages.files.tooLarge', { max: fmt.fileSize(MAX_FILES_BYTES) });
  }
  return { subject, body, files, errors };
};

/** Only the fields the API takes, whatever else was posted. */
export const apiForm = (message: Composed, options: { withSubject: boolean }): FormData => {
  const fields: StartThreadRequest | PostMessageRequest = options.withSubject ? { subject: message.subject, body: message.body } : { body: message.body };
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const file of message.files) form.append(ATTACHMENTS_FIELD, file, file.name);
  return form;
};

export interface Refusal {
  /** The API's status, which the re-shown form answers with too. */
  status: number;
  errors: ComposeErrors;
  /** The thread was closed meanwhile (a reply only). */
  closed: boolean;
  /** Not about the input: the message may be sent again as it is. */
  failed: boolean;
}

/**
 * The API's refusal in the contact's words, or null when it is not about the message (the page
 * then answers as for any failed call: sign-in, 404, 403).
 */
export const refusalOf = (error: unknown, t: Translator, fmt: Formatter): Refusal | null => {
  if (!(error instanceof StrapiError)) return null;
  const refusal: Refusal = { status: error.status, errors: {}, closed: false, failed: false };
  if (error.status === 413) refusal.errors.files = t('messages.files.tooLarge', { max: fmt.fileSize(MAX_FILES_BYTES) });
  else if (error.status === 415) refusal.errors.files = t('messages.files.type');
  else if (error.status === 400) {
    const named = fieldOf(error);
    if (named === 'status') refusal.closed = true;
    else if (named === 'subject') refusal.errors.subject = t('messages.subject.missing');
    else if (named === 'body') refusal.errors.body = t('messages.body.missing');
    else refusal.errors.files = t('messages.files.rejected');
  } else if (error.status >= 500) refusal.failed = true;
  else return null;
  return refusal;
};
