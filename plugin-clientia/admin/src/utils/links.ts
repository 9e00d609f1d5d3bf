import { PLUGIN_ID } from '../pluginId';

/**
 * Absolute paths inside the admin router (its basename is /admin), so a link works from any
 * page of the plugin and into other parts of the admin.
 */
type ContentManagerRecord = 'invoice' | 'contract' | 'retainer' | 'licence' | 'client' | 'project' | 'document';

const id = (documentId: string) => encodeURIComponent(documentId);

const PLUGIN_PATH = `/plugins/${PLUGIN_ID}`;

export const paths = {
  home: PLUGIN_PATH,
  clients: `${PLUGIN_PATH}/clients`,
  client: (documentId: string) => `${PLUGIN_PATH}/clients/${id(documentId)}`,
  portalPreview: (documentId: string) => `${PLUGIN_PATH}/clients/${id(documentId)}/preview`,
  inbox: `${PLUGIN_PATH}/inbox`,
  thread: (documentId: string) => `${PLUGIN_PATH}/inbox/${id(documentId)}`,
  contractSigning: (documentId: string) => `${PLUGIN_PATH}/contracts/${id(documentId)}/signing`,
  invoice: (documentId: string) => `${PLUGIN_PATH}/invoices/${id(documentId)}`,
  newInvoice: (clientDocumentId: string) => `${PLUGIN_PATH}/clients/${id(clientDocumentId)}/invoices/new`,
  branding: `/settings/${PLUGIN_ID}/branding`,
  signInSettings: `/settings/${PLUGIN_ID}/sign-in`,
  record: (type: ContentManagerRecord, documentId: string) =>
    `/content-manager/collection-types/plugin::${PLUGIN_ID}.${type}/${id(documentId)}`,
};
