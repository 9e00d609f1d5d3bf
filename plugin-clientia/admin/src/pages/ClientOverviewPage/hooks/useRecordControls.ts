import type { ClientOverview } from '../../../../../shared/contracts/admin';
import { clientiaApi } from '../../../api/client';
import type { RecordControls } from '../recordControls';
import { useClientDocuments } from './useClientDocuments';

/**
 * The client page's documents and new threads, on the admin API. A change reloads the documents
 * and, through `onChanged`, the overview (its counts and activity log).
 */
export const useRecordControls = (
  clientDocumentId: string,
  overview: ClientOverview | null,
  canManage: boolean,
  onChanged: () => void
): RecordControls => {
  const documents = useClientDocuments(clientDocumentId, (overview?.documents.length ?? 0) > 0);
  const changed = () => {
    documents.reload();
    onChanged();
  };
  return {
    documents: {
      canManage,
      list: documents.state,
      async upload(file, fields) {
        await clientiaApi.uploadClientDocument(clientDocumentId, file, fields);
      },
      refresh: changed,
      async addVersion(document, file) {
        const updated = await clientiaApi.addDocumentVersion(document.documentId, file);
        changed();
        return updated;
      },
      download: (documentId) => clientiaApi.downloadDocument(documentId),
      async setArchived(document, archived) {
        await clientiaApi.setDocumentArchived(document.documentId, archived);
        changed();
      },
      async remove(document) {
        await clientiaApi.deleteDocument(document.documentId);
        changed();
      },
    },
    startThread: canManage ? (thread, files) => clientiaApi.startThread(clientDocumentId, thread, files) : undefined,
  };
};
