import { rm } from 'node:fs/promises';

import { UPLOAD_FILE_FIELD } from '../../../shared/contracts/portal-documents';
import { fieldError } from '../domain/errors';
import type { ReceivedFile } from '../validation/portal-documents';
import { MAX_FILE_NAME_LENGTH } from './limits';

export type { ReceivedFile };

/** The parser writes every multipart file to a temporary path; none of them may outlive the request. */
export const discardReceivedFiles = async (files: Record<string, unknown> | undefined) => {
  const all = Object.values(files ?? {}).flatMap((value) => (Array.isArray(value) ? value : [value])) as Partial<ReceivedFile>[];
  await Promise.all(all.map((file) => (typeof file?.filepath === 'string' ? rm(file.filepath, { force: true }) : undefined)));
};

/** The name the file is offered under when downloaded: its last path segment, without control characters. */
export const cleanFileName = (name: string | null | undefined, field = UPLOAD_FILE_FIELD) => {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!clean || clean === '.' || clean === '..') throw fieldError(field, 'must have a file name');
  if (clean.length > MAX_FILE_NAME_LENGTH) throw fieldError(field, `its name must be at most ${MAX_FILE_NAME_LENGTH} characters`);
  return clean;
};
