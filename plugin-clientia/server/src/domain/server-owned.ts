import { UID } from '../constants';
/** Fields only the server writes: whatever a caller sends for them is dropped before the write. */
export const SERVER_OWNED: Readonly<Record<string, readonly string[]>> = {
  [UID.invoice]: ['number', 'subtotal', 'tax', 'total', 'paid', 'credited', 'balance', 'issuedAt', 'voidedAt', 'pdfKey', 'pdfName', 'pdfSize', 'pdfHash'],
  [UID.payment]: ['client', 'currency'],
  [UID.contract]: [
    'number',
    'sentAt',
    'signedAt',
    'completedHash',
    'documentHash',
    'signingOrder',
    'trailHead',
    'completedAt',
    'completedFileKey',
    'completedFileHash',
    'completedFileSize',
    'verificationCode',
    'declineReason',
    'fileKey',
    'fileName',
    'fileSize',
    'fileHash',
  ],
  [UID.seat]: ['client', 'assignedAt'],
  [UID.milestone]: ['client'],
  [UID.message]: ['client', 'attachments'],
  [UID.document]: ['size', 'sha256', 'storageKey', 'fileName', 'mimeType'],
  [UID.membership]: ['inviteTokenHash', 'inviteExpiresAt'],
};

export const dropServerOwned = (uid: string, data: Record<string, unknown>) => {
  for (const field of SERVER_OWNED[uid] ?? []) delete data[field];
};
