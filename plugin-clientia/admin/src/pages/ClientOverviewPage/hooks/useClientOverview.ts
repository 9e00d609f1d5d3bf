import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

export const useClientOverview = (documentId: string) =>
  useRemoteData(`client:${documentId}`, () => clientiaApi.getClientOverview(documentId));
