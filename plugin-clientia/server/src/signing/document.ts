import type { Core } from '@strapi/strapi';

import { CONTRACT_FILE_MAX_BYTES } from '../../../shared/contracts/admin-contracts';
import { UID } from '../constants';
import { readAtMost, type FileStream } from '../storage/media-files';
import { openPrivateFile as openPrivate } from '../storage/private-files';
import { textOrNull, type Row } from '../repositories/rows';
import { records } from '../repositories/records';
import { sha256Hex } from './chain';

/** Contracts are documents people read: anything larger is not a contract PDF. */
const MAX_CONTRACT_BYTES = CONTRACT_FILE_MAX_BYTES;

interface ContractDocument {
  bytes: Buffer;
  sha256: string;
  mime: string;
}

/** What a query must read of a contract to open its PDF: the key of the file in private storage. */
export const CONTRACT_FILE_SELECT = ['fileKey'] as const;

/** Whether the contract has its PDF (kept in private storage only: never the public media library). */
export const hasContractFile = (row: Row) => Boolean(textOrNull(row.fileKey));

/** The contract's PDF opened for streaming (from a row read with the select above), or null. */
export const openContractFile = async (strapi: Core.Strapi, row: Row): Promise<FileStream | null> => {
  const key = textOrNull(row.fileKey);
  const stored = key ? await openPrivate(strapi, key) : null;
  return stored ? { stream: stored.stream, mime: 'application/pdf', length: stored.size } : null;
};

/** The bytes of the contract's PDF as stored now, and their SHA-256; null without a readable file. */
export const readContractDocument = async (strapi: Core.Strapi, contractId: number): Promise<ContractDocument | null> => {
  const row = await records(strapi, UID.contract).findOne({
    select: ['id', ...CONTRACT_FILE_SELECT],
    where: { id: contractId },
  });
  const file = row ? await openContractFile(strapi, row) : null;
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
