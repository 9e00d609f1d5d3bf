/** Fields only the server writes: whatever a caller sends for them is dropped before the write. */
export const SERVER_OWNED: Record<string, readonly string[]> = {
  'plugin::clientia.invoice': ['number', 'subtotal', 'tax', 'total', 'paid', 'balance', 'issuedAt', 'voidedAt'],
  'plugin::clientia.payment': ['client', 'currency'],
  'plugin::clientia.contract': [
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
  ],
  'plugin::clientia.seat': ['client', 'assignedAt'],
  'plugin::clientia.milestone': ['client'],
  'plugin::clientia.message': ['client', 'attachments'],
  'plugin::clientia.document': ['size', 'sha256', 'storageKey', 'fileName', 'mimeType'],
  'plugin::clientia.membership': ['inviteTokenHash', 'inviteExpiresAt'],
};

export const dropServerOwned = (uid: string, data: Record<string, unknown>) => {
  for (const field of SERVER_OWNED[uid] ?? []) delete data[field];
};
