import type { Core } from '@strapi/strapi';

import { UID } from '../rules/helpers';
import { openStoredFile as openUpload, readAtMost, STORED_FILE_FIELDS } from '../portal/stored-file';
import { openStoredFile as openPrivate } from '../portal/documents/storage';
import { relation } from '../serializers/values';
import { records } from '../services/records';
import { sha256Hex } from './chain';

/** Contracts are documents people read: anything larger is not a contract PDF. */
export const MAX_CONTRACT_BYTES = 50 * 1024 * 1024;

export interface ContractDocument {
  bytes: Buffer;
  sha256: string;
  mime: string;
}

/** The bytes of the contract's PDF as stored now, and their SHA-256; null without a readable file. */
export const readContractDocument = async (strapi: Core.Strapi, contractId: number): Promise<ContractDocument | null> => {
  const row = await records(strapi, UID.contract).findOne({
    select: ['id'],
    where: { id: contractId },
    populate: { file: { select: [...STORED_FILE_FIELDS] } },
  });
  const file = row ? await openUpload(strapi, relation(row, 'file')) : null;
  if (!file) return null;
  const bytes = await readAtMost(file.stream, MAX_CONTRACT_BYTES);
  return bytes ? { bytes, sha256: sha256Hex(bytes), mime: file.mime } : null;
};

/** The completed PDF kept privately, or null when it is not there. */
export const readCompletedDocument = async (strapi: Core.Strapi, storageKey: string): Promise<Buffer | null> => {
  const file = await openPrivate(strapi, storageKey);
  return file ? readAtMost(file.stream, MAX_CONTRACT_BYTES * 2) : null;
};

export const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';
