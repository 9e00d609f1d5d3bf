import { useCallback, useState } from 'react';

import { DEFAULT_DOCUMENT_FOLDER, type ListClientDocumentsResponse } from '../../../../../shared/contracts/admin-documents';
import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

const NO_DOCUMENTS: ListClientDocumentsResponse = { data: [], meta: { folders: [DEFAULT_DOCUMENT_FOLDER] } };

/**
 * The client's documents with every version. When the client overview already says there are
 * none, nothing is asked until the tab itself changes that (an upload).
 */
export const useClientDocuments = (clientDocumentId: string, hasDocuments: boolean) => {
  const [changedHere, setChangedHere] = useState(false);
  const ask = hasDocuments || changedHere;
  const remote = useRemoteData(`documents:${clientDocumentId}:${String(ask)}`, () =>
    ask ? clientiaApi.listClientDocuments(clientDocumentId) : Promise.resolve(NO_DOCUMENTS)
  );
  const { reload: reloadRemote, replace } = remote;
  const reload = useCallback(() => {
    if (ask) reloadRemote();
    else setChangedHere(true);
  }, [ask, reloadRemote]);
  const state = ask ? remote.state : ({ status: 'ready', data: NO_DOCUMENTS } as const);
  return { state, reload, replace };
};
