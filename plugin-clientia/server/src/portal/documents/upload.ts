import type { Core } from '@strapi/strapi';

import type { PortalDocument } from '../../../../shared/contracts/portal-documents';
import { UID } from '../../constants';
import { PORTAL_DOCUMENT_FIELDS, serializePortalDocument } from '../../serializers/portal/document';
import { wholeNumber } from '../../repositories/rows';
import { documents, records } from '../../repositories/records';
import type { PortalContext } from '../context';
import { acceptDocumentFile, titleFromFileName } from '../../storage/document-files';
import { DEFAULT_FOLDER } from '../../storage/limits';
import { sharedWith } from './list';
import { removePrivateFile, storePrivateFile } from '../../storage/private-files';
import { contactName } from './uploaders';
import type { ReceivedFile } from '../../storage/received-files';

/** The next version when the client already has a shared document of this title in this folder. */
const versionFor = async (strapi: Core.Strapi, portal: PortalContext, title: string, folder: string) => {
  const [previous] = await records(strapi, UID.document).findMany({
    select: ['id', 'versionGroup', 'version'],
    where: { ...sharedWith(strapi, portal), title, folder },
    orderBy: [{ version: 'desc' }, { id: 'desc' }],
    limit: 1,
  });
  return previous?.versionGroup ? { versionGroup: String(previous.versionGroup), version: wholeNumber(previous.version) + 1 } : { version: 1 };
};

/**
 * A contact's upload: checked by content, stored privately, then recorded through the Document
 * Service (so the document rule and the activity entry apply, with the contact as actor). The
 * server-owned file fields are written in the same transaction; if any write fails the stored
 * bytes are removed again.
 */
export const uploadDocument = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  input: { file: ReceivedFile; title?: string | null; folder?: string | null }
): Promise<PortalDocument> => {
  const title = input.title ?? null;
  const folder = input.folder ?? DEFAULT_FOLDER;
  const { fileName, mimeType, bytes } = await acceptDocumentFile(input.file);

  const stored = await storePrivateFile(strapi, bytes);
  let id: number;
  try {
    id = await strapi.db.transaction(async () => {
      const documentTitle = title ?? titleFromFileName(fileName);
      const created = await documents(strapi, UID.document).create({
        data: {
          client: portal.client.documentId,
          title: documentTitle,
          folder,
          visibility: 'shared',
          ...(await versionFor(strapi, portal, documentTitle, folder)),
        },
      });
      await records(strapi, UID.document).update({
        where: { id: created.id },
        data: { uploadedByContact: portal.user.id, storageKey: stored.storageKey, size: stored.size, sha256: stored.sha256, fileName, mimeType },
      });
      return Number(created.id);
    });
  } catch (error) {
    await removePrivateFile(strapi, stored.storageKey);
    throw error;
  }
  const row = await records(strapi, UID.document).findOne({ select: [...PORTAL_DOCUMENT_FIELDS], where: { id } });
  return serializePortalDocument(row!, contactName(portal.membership.name));
};
