import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

export const useThread = (documentId: string) => useRemoteData(`thread:${documentId}`, () => clientiaApi.getThread(documentId));
