import { readFile } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PDFDocument } from 'pdf-lib';

import { CONTRACT_FILE_FIELD, CONTRACT_FILE_MAX_BYTES } from '../../../shared/contracts/admin-contracts';
import { asSystem } from '../audit/actor';
import { UID } from '../constants';
import { fieldError, fieldRefusal } from '../domain/errors';
import { documents, records } from '../repositories/records';
import { text, textOrNull } from '../repositories/rows';
import { checkFileType } from '../storage/file-type';
import { removePrivateFile, storePrivateFile } from '../storage/private-files';
import { cleanFileName, type ReceivedFile } from '../storage/received-files';
import { isPdf } from './document';
import { loadSigningState } from './state';
import { withContractLock } from './trail';
import { NO_CONTRACT } from './workflow';

const MiB = 1024 * 1024;

const tooLarge = () => {
  const message = `must be at most ${CONTRACT_FILE_MAX_BYTES / MiB} MiB`;
  return new errors.PayloadTooLargeError(`${CONTRACT_FILE_FIELD}: ${message}`, {
    errors: [{ path: [CONTRACT_FILE_FIELD], message, name: 'ValidationError' }],
  });
};

/** The bytes, once they are known to be a PDF that can be signed: by content, not by name or declared type. */
const checkPdf = async (bytes: Buffer, fileName: string) => {
  if (bytes.length > CONTRACT_FILE_MAX_BYTES) throw tooLarge();
  if (bytes.length === 0) throw fieldError(CONTRACT_FILE_FIELD, 'is empty');
  if (!isPdf(bytes)) throw fieldError(CONTRACT_FILE_FIELD, 'must be a PDF; the content of this file is not one');
  checkFileType(bytes, fileName, CONTRACT_FILE_FIELD);
  let pages: number;
  try {
    pages = (await PDFDocument.load(bytes)).getPageCount();
  } catch (error) {
    // Caught now rather than at the last signature, when the certificate page is added.
    throw fieldError(CONTRACT_FILE_FIELD, `cannot be read as a PDF (${(error as Error).message.split('\n')[0]}); export it again without encryption`);
  }
  // The PDF reader is lenient: a damaged file can read as a document without a single page.
  if (pages === 0) throw fieldError(CONTRACT_FILE_FIELD, 'has no pages that can be read; export the PDF again');
};

const acceptPdf = async (received: ReceivedFile) => {
  if (Number(received.size ?? 0) > CONTRACT_FILE_MAX_BYTES) throw tooLarge();
  const fileName = cleanFileName(received.originalFilename, CONTRACT_FILE_FIELD);
  const bytes = await readFile(received.filepath);
  await checkPdf(bytes, fileName);
  return { fileName, bytes };
};

/**
 * Staff upload the PDF a draft is to be signed on. It is kept in the plugin's private store (never
 * the media library, whose files the public folder serves), and sending hashes exactly these
 * bytes. A draft that has been out for signature before and gets a different PDF becomes the next
 * version, so its earlier events stay checked against the document they were made on.
 */
export const uploadContractFile = async (strapi: Core.Strapi, documentId: string, received: ReceivedFile) => {
  const found = await records(strapi, UID.contract).findOne({ select: ['id'], where: { documentId } });
  if (!found) throw new errors.NotFoundError(NO_CONTRACT);
  const contractId = Number(found.id);
  const { fileName, bytes } = await acceptPdf(received);

  const stored = await storePrivateFile(strapi, bytes);
  let replaced: string | null;
  try {
    replaced = await withContractLock(strapi, contractId, async () => {
      const state = (await loadSigningState(strapi, { id: contractId }))!;
      if (state.contract.state !== 'draft') {
        throw fieldRefusal(409, CONTRACT_FILE_FIELD, `only a draft's PDF can be replaced; this contract is ${text(state.contract.state).replace('_', ' ')}`);
      }
      const current = await records(strapi, UID.contract).findOne({ select: ['id', 'fileKey'], where: { id: contractId } });
      // Events of this version were made on the PDF it was sent with; a different one is a new version.
      const newVersion = state.trail.some((event) => event.contractVersion === state.version) && textOrNull(state.contract.documentHash) !== stored.sha256;
      await asSystem(() =>
        documents(strapi, UID.contract).update({
          documentId,
          data: {
            fileKey: stored.storageKey,
            fileName,
            fileSize: stored.size,
            fileHash: stored.sha256,
            ...(newVersion ? { version: state.version + 1 } : {}),
          },
        })
      );
      return textOrNull(current?.fileKey);
    });
  } catch (error) {
    await removePrivateFile(strapi, stored.storageKey);
    throw error;
  }
  // Only once the new key is committed: a failed upload keeps the PDF the draft had.
  if (replaced) await removePrivateFile(strapi, replaced);
};

/**
 * Gives a contract recorded without a PDF its PDF (a contract signed on paper gets its scan; the
 * demo and imports record contracts this way), checked like an upload and kept privately. A
 * contract that has a PDF keeps it: 409.
 */
export const attachContractFile = async (strapi: Core.Strapi, documentId: string, file: { fileName: string; bytes: Buffer }) => {
  const found = await records(strapi, UID.contract).findOne({ select: ['id', 'fileKey'], where: { documentId } });
  if (!found) throw new errors.NotFoundError(NO_CONTRACT);
  if (textOrNull(found.fileKey)) throw fieldRefusal(409, CONTRACT_FILE_FIELD, 'This contract already has its PDF');
  const fileName = cleanFileName(file.fileName, CONTRACT_FILE_FIELD);
  await checkPdf(file.bytes, fileName);
  const stored = await storePrivateFile(strapi, file.bytes);
  try {
    await withContractLock(strapi, Number(found.id), () =>
      asSystem(() =>
        documents(strapi, UID.contract).update({
          documentId,
          data: { fileKey: stored.storageKey, fileName, fileSize: stored.size, fileHash: stored.sha256 },
        })
      )
    );
  } catch (error) {
    await removePrivateFile(strapi, stored.storageKey);
    throw error;
  }
};
