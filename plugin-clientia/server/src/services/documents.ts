import type { Core } from '@strapi/strapi';

import { attachDocumentFile } from '../workspace/documents';

/** Client documents for code outside the plugin (the app's scripts and imports; the demo seed). */
const documents = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Gives a document recorded without a file its file, checked and stored privately as an upload is. */
  attachFile: (documentId: string, file: { fileName: string; bytes: Buffer }) => attachDocumentFile(strapi, documentId, file),
});

export default documents;
