import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { TestApp } from './test-app';

/** The plugin's private store of this test app (the folder `CLIENTIA_DOCUMENTS_DIR` names, else the default). */
export const privateStoreDir = (app: TestApp) => process.env.CLIENTIA_DOCUMENTS_DIR || path.join(app.strapi.dirs.app.root, '.data', 'documents');

/** Bytes in the private store under a new key, as the server writes them. */
export const storeBytes = (app: TestApp, bytes: Buffer) => {
  const dir = privateStoreDir(app);
  mkdirSync(dir, { recursive: true });
  const storageKey = randomBytes(16).toString('hex');
  writeFileSync(path.join(dir, storageKey), bytes);
  return storageKey;
};

/**
 * A contract's PDF (`file…` fields) or an invoice's own PDF (`pdf…` fields) in the private store,
 * as the contract and invoice editors leave them. The fields are the server's own, so they are
 * set below the Document Service.
 */
export const storeRecordPdf = async (app: TestApp, uid: 'plugin::clientia.contract' | 'plugin::clientia.invoice', documentId: string, bytes: Buffer, fileName: string) => {
  const prefix = uid === 'plugin::clientia.contract' ? 'file' : 'pdf';
  const key = storeBytes(app, bytes);
  await app.strapi.db.query(uid as never).update({
    where: { documentId },
    data: {
      [`${prefix}Key`]: key,
      [`${prefix}Name`]: fileName,
      [`${prefix}Size`]: bytes.length,
      [`${prefix}Hash`]: createHash('sha256').update(bytes).digest('hex'),
    } as never,
  });
  return key;
};
