import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

export const useClientSignIn = (documentId: string) =>
  useRemoteData(`client-sign-in:${documentId}`, () => clientiaApi.getClientSignIn(documentId));
